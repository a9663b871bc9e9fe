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
