#!/usr/bin/env bash
# `make bench`: runs every benchmark under test/bench/ (each `*-bench.ts`, with the repo's Node 24)
# and prints its figures. Needs `npm run build` first (make bench builds). Not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
status=0
while IFS= read -r bench; do
  echo "== ${bench}"
  node "$bench" || { echo "!! ${bench} failed" >&2; status=1; }
  echo
done < <(find test/bench -name '*-bench.ts' | sort)
exit "$status"
