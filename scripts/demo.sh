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
# The same as a page: the placement picture, drawn from explain's -o json document.
picture="$PWD/.demo/llm-train-workers.html"
mkdir -p .demo
expect_exit 1 kubectl-workload explain podgroup/llm-train-workers --snapshot "$cluster" --html "$picture" -o json >/dev/null
echo "placement picture written: $picture"
# Every gang of a simulate run as the same page.
run_picture="$PWD/.demo/simulation.html"
echo "\$ kubectl workload simulate --snapshot $cluster -o html > $run_picture"
expect_exit 0 kubectl-workload simulate --snapshot "$cluster" -o html >"$run_picture"
echo "simulation picture written: $run_picture"
# A plain Job whose pods run is no failure: explain warns that it gets no gang (exit 0).
echo "\$ kubectl workload why job/etl-batch --snapshot $cluster"
expect_exit 0 kubectl-workload why job/etl-batch --snapshot "$cluster"

# convert: the 1.36 -> 1.37 upgrade of the example manifests, then lint them as 1.37 objects.
echo "\$ kubectl workload convert -f examples/workload/ | kubectl workload lint --kube-version 1.37 -"
kubectl-workload convert -f examples/workload/ | kubectl-workload lint --kube-version 1.37 -

# simulate: the scheduler's PodGroup cycle dry-run on the same snapshot, run to quiescence.
echo "\$ kubectl workload simulate --snapshot $cluster"
kubectl-workload simulate --snapshot "$cluster"
# simulate -f: would the example training Job (8 GPU workers, gang) fit on that cluster now? Its
# Workload, PodGroup and pods are made as the Job controller would; exit 1 would mean it does not fit.
echo "\$ kubectl workload simulate --snapshot $cluster -f examples/gang-training/job.yaml"
kubectl-workload simulate --snapshot "$cluster" -f examples/gang-training/job.yaml

# webhook: start workload-webhook on localhost (in-memory self-signed certificate, the examples as
# its --snapshot), send it the examples as AdmissionReviews — allowed, denied with causes (422) and
# as a 403, warnings, a /mutate patch, a Workload DELETE — then stop it with SIGTERM.
webhook_dir=$(mktemp -d)
for f in examples/workload/*.yaml; do printf -- '---\n'; cat "$f"; done > "$webhook_dir/snapshot.yaml"
workload-webhook --port 0 --bind-address 127.0.0.1 --snapshot "$webhook_dir/snapshot.yaml" > "$webhook_dir/log" 2>&1 &
webhook_pid=$!
trap 'kill "$webhook_pid" 2>/dev/null || true; rm -rf "$webhook_dir"' EXIT
webhook_port=
for _ in $(seq 100); do
  webhook_port=$(sed -n 's/.*"port":\([0-9]*\).*"msg":"workload-webhook serving HTTPS".*/\1/p' "$webhook_dir/log")
  [ -n "$webhook_port" ] && break
  sleep 0.1
done
[ -n "$webhook_port" ] || { cat "$webhook_dir/log" >&2; echo "workload-webhook did not start" >&2; exit 1; }
send_reviews() { node webhook/dist/demo/send-reviews.js --url "https://127.0.0.1:$webhook_port" "$@"; }
echo "\$ workload-webhook --port $webhook_port --snapshot examples/workload (self-signed); POST /validate examples/workload"
send_reviews examples/workload/*.yaml
echo '$ POST /validate examples/broken'
send_reviews examples/broken/*.yaml
echo '$ POST /mutate webhook/demo/podgroup-from-template.yaml'
send_reviews --path /mutate webhook/demo/podgroup-from-template.yaml
echo '$ POST /validate DELETE examples/workload/workload.yaml'
send_reviews --operation DELETE examples/workload/workload.yaml
kill -TERM "$webhook_pid"
wait "$webhook_pid"
echo "workload-webhook stopped (exit $?); denials it logged: $(grep -c '"msg":"denied"' "$webhook_dir/log")"
