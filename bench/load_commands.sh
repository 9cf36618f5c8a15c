#!/usr/bin/env bash
# Whole-command figures for the foundation: time and peak memory of `chainatlas validate`
# (load + validate) and `chainatlas stats` (load + validate + graph + counts) on synthetic
# registries of 10k, 100k and 1M enterprises, both forms. Usage: bench/load_commands.sh [build dir]
set -euo pipefail
build=${1:-build}
bin="$build/chainatlas"
dir=${TMPDIR:-/tmp}/chainatlas-bench-cmd
mkdir -p "$dir"
printf '%-10s %-5s %-9s %10s %12s\n' enterprises form command seconds peak_MB
for n in 10000 100000 1000000; do
  [ -d "$dir/csv-$n" ] || "$bin" synth --enterprises "$n" --form csv -o "$dir/csv-$n"
  [ -f "$dir/json-$n.json" ] || "$bin" synth --enterprises "$n" --form json -o "$dir/json-$n.json"
  for form in csv json; do
    path="$dir/csv-$n"; [ "$form" = json ] && path="$dir/json-$n.json"
    for command in validate stats; do
      out=$( { /usr/bin/time -f "%e %M" "$bin" --data "$path" "$command" >/dev/null; } 2>&1 | tail -1)
      read -r seconds kb <<<"$out"
      printf '%-10s %-5s %-9s %10s %12d\n' "$n" "$form" "$command" "$seconds" $((kb / 1024))
    done
  done
done
