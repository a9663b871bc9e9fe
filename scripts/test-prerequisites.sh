#!/usr/bin/env bash
# `make test` runs these system tools from PATH besides what npm installs (README "Prerequisites"):
# openssl (test certificates), git (lint --against), diff (diff tests), pre-commit (the hook test),
# chromium (the explain --html page test drives it through playwright-core).
# Names a missing one; installs pre-commit and chromium from Debian when missing on a root machine with apt (CI).
set -euo pipefail
missing=()
for tool in openssl git diff; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "make test: missing system tool(s) on PATH: ${missing[*]} (see README Prerequisites)" >&2
  exit 1
fi
if ! command -v pre-commit >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "make test: installing pre-commit (Debian package) for the pre-commit hook test"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
  else
    echo "make test: missing system tool on PATH: pre-commit (apt-get install pre-commit, or pipx install pre-commit)" >&2
    exit 1
  fi
fi
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "make test: installing chromium (Debian package) for the explain --html page test"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "make test: missing ${CHROMIUM:-/usr/bin/chromium} (apt-get install chromium, or set CHROMIUM to a Chromium binary)" >&2
    exit 1
  fi
fi
