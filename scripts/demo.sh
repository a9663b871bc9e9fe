#!/usr/bin/env bash
# `make demo`: the main job on embedded defaults. Grows as the webhook and plugin commands land.
set -euo pipefail
cd "$(dirname "$0")/.."
kubectl-workload --version
