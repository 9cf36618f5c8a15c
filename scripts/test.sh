#!/usr/bin/env bash
# The whole test suite on a fresh machine: install what is missing, build, run the unit and
# end-to-end tests, then build again with clang, AddressSanitizer + UndefinedBehaviorSanitizer
# and libFuzzer's instrumentation, run them all again, and run each fuzz target for a bounded
# time. Prints the time of each stage.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
timings=()
stage_start=$SECONDS
stage() {  # stage NAME: ends the current stage (recording its time) and announces the next
  if [ -n "${stage_name:-}" ]; then timings+=("$(printf '%-28s %4d s' "$stage_name" $((SECONDS - stage_start)))"); fi
  stage_name=$1
  stage_start=$SECONDS
  [ -n "$1" ] && echo "== $1" >&2
  return 0
}
report_timings() {
  stage ""
  echo "== stage times" >&2
  printf '%s\n' "${timings[@]}" >&2
}
trap report_timings EXIT

stage "setup"
bash scripts/setup.sh

stage "build (Release)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_CXX_FLAGS="-Werror" >/dev/null
ninja -C build -j"$jobs"
stage "tests (Release)"
ctest --test-dir build --output-on-failure -j"$jobs"

# One clang build serves the sanitized tests and the fuzzers: ASan + UBSan everywhere, and
# libFuzzer's coverage instrumentation on the core library (CHAINATLAS_FUZZ).
stage "build (ASan + UBSan, clang)"
cmake -S . -B build-asan-clang -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
      -DCHAINATLAS_SANITIZE=ON -DCHAINATLAS_FUZZ=ON -DCHAINATLAS_BUILD_BENCHMARKS=OFF \
      -DCMAKE_CXX_FLAGS="-O1" >/dev/null
ninja -C build-asan-clang -j"$jobs" chainatlas chainatlas_tests fuzz_json_loader fuzz_csv_loader fuzz_pipeline
stage "tests (ASan + UBSan)"
# Leak checking is off: Graphviz, fontconfig and pango keep process-lifetime allocations that
# LeakSanitizer reports from unsymbolised frames, so no suppression can name them. Memory errors
# (overflows, use after free) and undefined behaviour still fail the run.
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:suppressions="$PWD/tests/asan.supp" UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan-clang --output-on-failure -j"$jobs"

# Each fuzz target for a bounded time over a copy of the seed corpus (docs/RELIABILITY.md).
stage "fuzz (3 targets)"
CHAINATLAS_FUZZ_BUILD=build-asan-clang bash scripts/fuzz.sh "${CHAINATLAS_FUZZ_SECONDS:-45}"
stage ""
