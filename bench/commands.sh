#!/usr/bin/env bash
# Whole-command figures: wall time, user and system CPU time and peak memory (/usr/bin/time) of
# every chainatlas command a planner runs, on synthetic registries of 10k, 100k and 1M enterprises
# (`chainatlas synth`, seed 1: 50 chains x 40 segments, 2 supplies per enterprise, 1 county per 333
# enterprises), then how each grows from one size to the next.
#
# Usage: bench/commands.sh [build dir] [sizes]       e.g. bench/commands.sh build "10000 100000"
# Environment: CHAINATLAS_BENCH_DIR (data and outputs; default $TMPDIR/chainatlas-bench-cmd),
#   CHAINATLAS_BENCH_TIMEOUT (seconds per command, default 900), CHAINATLAS_BENCH_MEMORY (virtual
#   memory limit per command in MB, default 16000, so that a command that runs away cannot take the
#   machine), CHAINATLAS_BENCH_ONLY (a regex: only the commands whose label matches).
# Output: a table on stdout and $dir/commands.tsv; the growth table flags a command whose time or
# memory grows more than 15x for 10x the enterprises (an exponent above ~1.18).
#
# Data forms: validate and stats run on both forms (JSON file, CSV folder); every other command reads
# the CSV folder (the form planners keep; after loading, the form no longer matters).
set -euo pipefail
build=${1:-build}
sizes=${2:-"10000 100000 1000000"}
bin=$(realpath "$build/chainatlas")
dir=${CHAINATLAS_BENCH_DIR:-${TMPDIR:-/tmp}/chainatlas-bench-cmd}
limit=${CHAINATLAS_BENCH_TIMEOUT:-900}
memory=${CHAINATLAS_BENCH_MEMORY:-16000}
only=${CHAINATLAS_BENCH_ONLY:-.}
mkdir -p "$dir/out"
tsv="$dir/commands.tsv"
printf 'enterprises\tform\tcommand\twall_s\tuser_s\tsys_s\tpeak_mb\tload\texit\n' >"$tsv"
printf '%-8s %-4s %-44s %8s %8s %7s %8s %5s %4s\n' enterpr form command wall user sys peak_MB load exit

# run N FORM PATH LABEL ARGS...: one measured command, stdout to a file, a row in the table.
run() {
  local n=$1 form=$2 path=$3 label=$4
  shift 4
  [[ $label =~ $only ]] || return 0
  local load out times code
  load=$(cut -d' ' -f1 /proc/loadavg)
  out="$dir/out/$n-$form-${label//[^a-zA-Z0-9]/_}"
  times=$(mktemp)
  set +e
  (
    ulimit -v $((memory * 1024))
    /usr/bin/time -o "$times" -f '%e %U %S %M' timeout "$limit" "$bin" --data "$path" "$@" >"$out.stdout" 2>"$out.stderr"
  )
  code=$?
  set -e
  local wall user sys kb
  read -r wall user sys kb < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$times" | tail -1)
  rm -f "$times"
  [ "$code" -eq 124 ] && wall="timeout"
  printf '%-8s %-4s %-44s %8s %8s %7s %8d %5s %4s\n' "$n" "$form" "$label" "$wall" "$user" "$sys" $((kb / 1024)) "$load" "$code"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n' "$n" "$form" "$label" "$wall" "$user" "$sys" $((kb / 1024)) "$load" "$code" >>"$tsv"
}

for n in $sizes; do
  csv="$dir/csv-$n"
  json="$dir/json-$n.json"
  [ -f "$csv/enterprises.csv" ] || "$bin" synth --enterprises "$n" --form csv -o "$csv" >/dev/null
  [ -f "$json" ] || "$bin" synth --enterprises "$n" --form json -o "$json" >/dev/null
  counties50=$(python3 -c 'import json,sys; print(",".join(c["id"] for c in json.load(open(sys.argv[1]))["counties"][:50]))' "$csv/dataset.json")
  svg="$dir/out/$n"
  for form in json csv; do
    path=$csv
    [ "$form" = json ] && path=$json
    run "$n" "$form" "$path" validate validate
    run "$n" "$form" "$path" stats stats --json
  done
  for form in json csv; do
    path=$csv
    [ "$form" = json ] && path=$json
    run "$n" "$form" "$path" "pipeline (one load)" gaps --json compare --counties "$counties50" --json clusters --no-communities --json
  done
  run "$n" csv "$csv" "gaps" gaps --json
  run "$n" csv "$csv" "trace c0.s20 (segment)" trace c0.s20 --json
  run "$n" csv "$csv" "trace c25.s5 --up" trace c25.s5 --up --json
  run "$n" csv "$csv" "trace c49.s39 --depth 2" trace c49.s39 --depth 2 --json
  run "$n" csv "$csv" "trace e0 (enterprise)" trace e0 --json
  run "$n" csv "$csv" "targets" targets --json
  run "$n" csv "$csv" "critical" critical --json
  run "$n" csv "$csv" "compare (50 counties)" compare --counties "$counties50" --json
  run "$n" csv "$csv" "compare (all counties)" compare --json
  run "$n" csv "$csv" "clusters --no-communities" clusters --no-communities --json
  run "$n" csv "$csv" "clusters (incl. communities)" clusters --json
  run "$n" csv "$csv" "clusters --by community" clusters --by community --json
  run "$n" csv "$csv" "clusters --chain c0" clusters --chain c0 --json
  run "$n" csv "$csv" "render chain c0 svg" render chain c0 -o "$svg-chain-c0.svg"
  run "$n" csv "$csv" "render cluster c0 svg" render cluster --chain c0 -o "$svg-cluster-c0.svg"
  run "$n" csv "$csv" "report --no-diagrams" report --no-diagrams -o "$svg-report-plain.html" --json
  run "$n" csv "$csv" "report" report -o "$svg-report.html" --json
done

# Growth: for each command and form, time (user+sys) and peak memory ratio between consecutive
# sizes. 10x the enterprises should cost about 10x (linear); flagged when above 15x and the larger
# figure is big enough to mean something (>= 0.5 s, >= 100 MB).
echo
echo "growth (user+sys time and peak memory, ratio to the previous size; ! = faster than linear)"
python3 - "$tsv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
by = {}
for r in rows:
    by.setdefault((r["command"], r["form"]), []).append(r)
for (command, form), runs in by.items():
    runs.sort(key=lambda r: int(r["enterprises"]))
    parts = []
    for a, b in zip(runs, runs[1:]):
        if a["exit"] != "0" or b["exit"] != "0":
            parts.append(f"{int(a['enterprises']):,}->{int(b['enterprises']):,}: exit {a['exit']}/{b['exit']}")
            continue
        ta = float(a["user_s"]) + float(a["sys_s"])
        tb = float(b["user_s"]) + float(b["sys_s"])
        ma, mb = int(a["peak_mb"]), int(b["peak_mb"])
        scale = int(b["enterprises"]) / int(a["enterprises"])
        t_ratio = tb / ta if ta > 0 else float("inf")
        m_ratio = mb / ma if ma > 0 else float("inf")
        t_flag = "!" if t_ratio > 1.5 * scale and tb >= 0.5 else ""
        m_flag = "!" if m_ratio > 1.5 * scale and mb >= 100 else ""
        parts.append(f"{int(a['enterprises']):,}->{int(b['enterprises']):,}: time x{t_ratio:.1f}{t_flag} "
                     f"({ta:.2f}->{tb:.2f} s), memory x{m_ratio:.1f}{m_flag} ({ma}->{mb} MB)")
    print(f"{command:<32} {form:<4} " + "; ".join(parts))
EOF
