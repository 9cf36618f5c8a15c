#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz) for a chosen time each, with ASan and UBSan, over a
# copy of the seed corpus (the committed corpus is never modified). Crashes are written to
# <build>/fuzz-artifacts/<target>/ with the command line that replays them.
#
#   scripts/fuzz.sh [seconds per target, default 60] [target ...]
#
# Environment: CHAINATLAS_FUZZ_BUILD (default build-fuzz), CHAINATLAS_FUZZ_JOBS (parallel
# jobs per target, default 1), CHAINATLAS_FUZZ_KEEP_CORPUS=1 to merge what the run found back
# into tests/fuzz/corpus/<target>/ (minimised; review before committing).
# Prints one line per target: executions, crashes, corpus size. Exits 1 if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_json_loader fuzz_csv_loader fuzz_pipeline)
build=${CHAINATLAS_FUZZ_BUILD:-build-fuzz}
jobs=${CHAINATLAS_FUZZ_JOBS:-1}

if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
        -DCHAINATLAS_SANITIZE=ON -DCHAINATLAS_FUZZ=ON -DCHAINATLAS_BUILD_BENCHMARKS=OFF \
        -DCMAKE_CXX_FLAGS="-O1" >/dev/null
fi
ninja -C "$build" "${targets[@]}"

# Leak checking is off for the same reason as in scripts/test.sh (Graphviz's process-lifetime
# allocations); memory errors and undefined behaviour abort.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:suppressions=$PWD/tests/asan.supp${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

root=$PWD
work=$(mktemp -d "${TMPDIR:-/tmp}/chainatlas-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0
for target in "${targets[@]}"; do
  dict=$root/tests/fuzz/chainatlas_json.dict
  [ "$target" = fuzz_csv_loader ] && dict=$root/tests/fuzz/chainatlas_csv.dict
  corpus=$work/$target/corpus
  artifacts=$root/$build/fuzz-artifacts/$target
  log=$root/$build/fuzz-artifacts/$target.log
  mkdir -p "$corpus" "$artifacts"
  cp "$root"/tests/fuzz/corpus/"$target"/* "$corpus"/
  # -max_len: the seeds are up to 10 kB; longer inputs mostly slow the search down.
  # -timeout=10: one input running 10 s is a hang. -rss_limit_mb: runaway memory is a bug.
  # With -jobs, libFuzzer writes one fuzz-N.log per job into the current folder: $work/$target.
  options=("$corpus" -dict="$dict" -max_len=16384 -timeout=10 -rss_limit_mb=2048
           -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/")
  [ "$jobs" -gt 1 ] && options+=(-jobs="$jobs" -workers="$jobs")
  set +e
  (cd "$work/$target" && "$root/$build/tests/fuzz/$target" "${options[@]}") >"$log" 2>&1
  code=$?
  set -e
  # Executions: the final statistics of each process, or (after a crash, which prints none) the
  # last progress line of each.
  runs=$(for f in "$log" "$work/$target"/fuzz-*.log; do
           [ -f "$f" ] || continue
           awk '/^stat::number_of_executed_units/ {s = $2} /^#[0-9]+/ {sub("#", "", $1); if (s == "") p = $1}
                END {print (s != "" ? s : p + 0)}' "$f"
         done | awk '{s += $1} END {print s + 0}')
  crashes=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  echo "$target: $runs executions in $seconds s, exit $code, $crashes crash/timeout/oom inputs in $build/fuzz-artifacts/$target/, corpus $(ls "$corpus" | wc -l) inputs"
  if [ "$code" -ne 0 ]; then
    status=1
    cat "$log" "$work/$target"/fuzz-*.log 2>/dev/null |
      grep -A4 -E 'ERROR: (AddressSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|runtime error|fuzz invariant|uncaught exception' | head -20 >&2 || true
  fi
  if [ "${CHAINATLAS_FUZZ_KEEP_CORPUS:-0}" = 1 ]; then
    "$root/$build/tests/fuzz/$target" -merge=1 "$root/tests/fuzz/corpus/$target" "$corpus" >/dev/null 2>&1
  fi
done
exit $status
