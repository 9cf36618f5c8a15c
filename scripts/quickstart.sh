#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build, and run chainatlas on the
# built-in Liaocheng dataset: validate it and write the planner's report (chainatlas-report.html).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== building chainatlas" >&2
bash scripts/build.sh
echo "== validating the built-in Liaocheng dataset" >&2
./build/chainatlas validate
echo "== writing the planner's report" >&2
./build/chainatlas report -o chainatlas-report.html
