#!/usr/bin/env bash
# `make demo`: the main job on embedded defaults. Grows as the webhook and plugin commands land.
set -euo pipefail
cd "$(dirname "$0")/.."
kubectl-workload --version

# lint: the clean examples pass (exit 0); the broken set shows one finding per rule family and
# exits 1, which is what the demo expects.
echo '$ kubectl workload lint examples/gang-training examples/workload'
kubectl-workload lint examples/gang-training examples/workload
echo '$ kubectl workload lint examples/broken'
lint_status=0
kubectl-workload lint examples/broken || lint_status=$?
[ "$lint_status" -eq 1 ] || { echo "expected exit code 1 from lint examples/broken, got $lint_status" >&2; exit 1; }
echo '$ kubectl workload lint examples/changed --against examples/workload'
kubectl-workload lint examples/changed --against examples/workload || [ $? -eq 1 ]

# status / diff / explain on the bundled example cluster (a v1 List snapshot): a gang that fits no
# rack, a drifted PodGroup, a PodGroup whose Workload is gone, a Job that does not qualify. diff and
# explain exit 1 when they find something, which is what the demo expects.
expect_exit() {
  local want=$1; shift
  local got=0
  "$@" || got=$?
  [ "$got" -eq "$want" ] || { echo "expected exit code $want from: $*; got $got" >&2; exit 1; }
}
cluster=examples/cluster-snapshot.yaml
echo "\$ kubectl workload status -A --snapshot $cluster"
kubectl-workload status -A --snapshot "$cluster"
echo "\$ kubectl workload diff --snapshot $cluster"
expect_exit 1 kubectl-workload diff --snapshot "$cluster"
echo "\$ kubectl workload explain podgroup/llm-train-workers --snapshot $cluster"
expect_exit 1 kubectl-workload explain podgroup/llm-train-workers --snapshot "$cluster"
echo "\$ kubectl workload why job/etl-batch --snapshot $cluster"
expect_exit 1 kubectl-workload why job/etl-batch --snapshot "$cluster"
