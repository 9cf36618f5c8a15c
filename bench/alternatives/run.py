#!/usr/bin/python3
"""chainatlas side by side with NetworkX and python-igraph on the same synthetic datasets.

Usage (from the repository root):
  /usr/bin/python3 bench/alternatives/run.py [--chainatlas build/chainatlas] [--sizes 10000,100000,1000000]
      [--form json|csv] [--compared 50] [--no-communities] [--nx-communities-max N] [--timeout S]
      [--out results.json]

For each size: `chainatlas synth` writes the dataset (once; kept in --data-dir), then, back to
back, chainatlas's whole commands, the igraph pipeline and the NetworkX pipeline run, each in its
own process, measured with /usr/bin/time (wall time, user+sys CPU time, peak RSS); the Python pipelines
also report each stage (bench/alternatives/{igraph,nx}_pipeline.py). Then the communities runs:
`chainatlas clusters` (always computes communities: Leiden), igraph's multilevel (Louvain) and Leiden,
NetworkX's louvain_communities.
Results are checked against chainatlas's JSON where the definitions match, and a table of figures
and ratios is printed. Use Debian's /usr/bin/python3 (python3-networkx 2.8, python3-igraph 0.10).
See docs/COMPARISON.md for what is timed and why.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def measure(command, stdout_path, timeout):
    """Run `command` with stdout to `stdout_path` under /usr/bin/time and `timeout`: wall, user and
    system CPU time and peak RSS (MB) of the process, or a `timeout` entry when it ran out of time.

    /usr/bin/time (a small process) is the parent that reports: Linux keeps the high-water RSS of
    the process image that calls execve, so a child forked straight from this (large) Python
    driver would report the driver's memory as its own peak."""
    load = load_average()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as times, open(stdout_path, "wb") as out:
        wrapped = ["/usr/bin/time", "-o", times.name, "-f", "%e %U %S %M"]
        if timeout:
            wrapped += ["timeout", str(int(timeout))]
        process = subprocess.run(wrapped + command, stdout=out, stderr=subprocess.PIPE)
        figures = [line.split() for line in times.read().splitlines()]
    stderr = process.stderr.decode("utf-8", "replace")
    if process.returncode == 124:
        return {"command": command, "timeout": timeout, "load": load}
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{stderr}")
    wall, user, system, kb = (float(x) for x in figures[-1])
    return {"command": command, "wall": wall, "cpu": user + system, "user": user, "sys": system,
            "peak_mb": kb / 1024.0, "load": load, "stderr": stderr}


def synth(chainatlas, n, form, data_dir):
    os.makedirs(data_dir, exist_ok=True)
    path = os.path.join(data_dir, f"json-{n}.json" if form == "json" else f"csv-{n}")
    if not os.path.exists(path):
        subprocess.run([chainatlas, "synth", "--enterprises", str(n), "--form", form, "-o", path],
                       check=True, stdout=subprocess.DEVNULL)
    return path


def county_ids(path):
    dataset = os.path.join(path, "dataset.json") if os.path.isdir(path) else path
    with open(dataset, encoding="utf-8") as f:
        return [county["id"] for county in json.load(f)["counties"]]


# ---------------------------------------------------------------------------------- checks


def close(mine, theirs):
    """chainatlas rounds to 4 (gaps) or 6 (compare, clusters) decimals in JSON: equal when the
    difference is within half a unit of the 6th decimal (plus 1e-9 relative)."""
    return abs(mine - theirs) <= 5.000001e-7 + 1e-9 * abs(theirs)


def check_gaps(gaps_json, mine):
    problems = []
    for chain in gaps_json["chains"]:
        held, count, coverage = mine["chains"][chain["id"]]
        if (held, count) != (chain["held"], chain["segment_count"]) or \
                abs(coverage - chain["coverage"]) > 1e-9:
            problems.append(f"chain {chain['id']}: chainatlas held {chain['held']}/"
                            f"{chain['segment_count']}, here {held}/{count}")
        for segment in chain["segments"]:
            local, external, status = mine["segments"][segment["id"]]
            theirs = [segment["local_enterprises"], segment["external_enterprises"], segment["status"]]
            if [local, external, status] != theirs:
                problems.append(f"segment {segment['id']}: chainatlas {theirs}, here "
                                f"{[local, external, status]}")
    segments = sum(len(chain["segments"]) for chain in gaps_json["chains"])
    return {"compared": f"{segments} segments of {len(gaps_json['chains'])} chains "
                        "(local, external count, status; chain held and coverage)",
            "differences": len(problems), "examples": problems[:5]}


def check_compare(compare_json, mine):
    problems = []
    if compare_json["basis"] != mine["basis"]:
        problems.append(f"basis: chainatlas {compare_json['basis']}, here {mine['basis']}")
    cells = {(c, k): (n, o, s, cov, lq) for c, k, n, o, s, cov, lq in mine["matrix"]}
    worst = 0.0
    for cell in compare_json["matrix"]:
        n, o, s, cov, lq = cells.pop((cell["county"], cell["chain"]), (None,) * 5)
        if n is None:
            problems.append(f"cell {cell['county']}×{cell['chain']} missing here")
            continue
        if (n, s) != (cell["enterprises"], cell["segments"]):
            problems.append(f"cell {cell['county']}×{cell['chain']}: enterprises/segments "
                            f"chainatlas {cell['enterprises']}/{cell['segments']}, here {n}/{s}")
        for name, value in (("output", o), ("coverage", cov), ("lq", lq)):
            worst = max(worst, abs(value - cell[name]))
            if not close(value, cell[name]):
                problems.append(f"cell {cell['county']}×{cell['chain']} {name}: chainatlas "
                                f"{cell[name]}, here {value!r}")
    if cells:
        problems.append(f"{len(cells)} cells here that chainatlas does not list")
    pairs = 0
    for pair in compare_json["similarity"]:
        key = f"{pair['county_a']}|{pair['county_b']}"
        pairs += 1
        if key not in mine["similarity"] or not close(mine["similarity"][key], pair["cosine"]):
            problems.append(f"cosine {key}: chainatlas {pair['cosine']}, here "
                            f"{mine['similarity'].get(key)}")
    positive = {key for key, score in mine["complementarity"].items() if score > 1e-12}
    listed = set()
    for pair in compare_json["complementarity"]:
        key = f"{pair['county_a']}|{pair['county_b']}"
        listed.add(key)
        if key not in mine["complementarity"] or \
                not close(mine["complementarity"][key], pair["score"]):
            problems.append(f"complementarity {key}: chainatlas {pair['score']}, here "
                            f"{mine['complementarity'].get(key)}")
    if len(compare_json["complementarity"]) >= len(positive) and positive - listed:
        problems.append(f"{len(positive - listed)} complementary pairs here not listed by chainatlas")
    return {"compared": f"{len(compare_json['matrix'])} matrix cells (enterprises, segments, "
                        f"output, coverage, LQ), {pairs} cosine pairs, "
                        f"{len(listed)} complementarity scores",
            "max_abs_difference": worst, "differences": len(problems), "examples": problems[:5]}


def check_structure(clusters_json, critical_json, mine):
    problems = []
    network = clusters_json["network"]
    structure = mine["structure"]
    if (network["vertices"], network["edges"], network["component_count"]) != \
            (structure["vertices"], structure["edges"], len(structure["component_sizes"])):
        problems.append(f"network vertices/edges/components: chainatlas {network['vertices']}/"
                        f"{network['edges']}/{network['component_count']}, here "
                        f"{structure['vertices']}/{structure['edges']}/"
                        f"{len(structure['component_sizes'])}")
    sizes = [c["size"] for c in clusters_json["components"]]
    if sizes != structure["component_sizes"][:len(sizes)]:
        problems.append(f"component sizes differ: chainatlas {sizes[:8]}, here "
                        f"{structure['component_sizes'][:8]}")
    theirs = {p["id"] for p in clusters_json["articulation_points"]}
    ours = set(structure["articulation_points"])
    if theirs != ours:
        problems.append(f"clusters articulation points: {len(theirs)} vs {len(ours)} here; only "
                        f"chainatlas {sorted(theirs - ours)[:5]}, only here {sorted(ours - theirs)[:5]}")
    theirs_critical = {p["enterprise"]["id"] for p in critical_json["articulation_points"]}
    ours_critical = set(mine["critical"]["articulation_points"])
    if theirs_critical != ours_critical:
        problems.append(f"critical articulation points: {len(theirs_critical)} vs "
                        f"{len(ours_critical)} here; only chainatlas "
                        f"{sorted(theirs_critical - ours_critical)[:5]}, only here "
                        f"{sorted(ours_critical - theirs_critical)[:5]}")
    return {"compared": f"network {structure['vertices']} vertices, {structure['edges']} edges, "
                        f"{len(structure['component_sizes'])} component sizes, "
                        f"{len(ours)} articulation points (clusters), "
                        f"{len(ours_critical)} (critical, whole region)",
            "differences": len(problems), "examples": problems}


# ---------------------------------------------------------------------------------- runs


def read_documents(path):
    """The JSON documents of a run of chained commands, one after another."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    decoder, at, documents = json.JSONDecoder(), 0, []
    while text[at:].strip():
        while text[at].isspace():
            at += 1
        document, at = decoder.raw_decode(text, at)
        documents.append(document)
    return documents


def run_size(args, n):
    chainatlas = args.chainatlas
    path = synth(chainatlas, n, args.form, args.data_dir)
    work = os.path.join(args.data_dir, f"out-{n}-{args.form}")
    os.makedirs(work, exist_ok=True)
    compared = county_ids(path)[:args.compared] if args.compared else county_ids(path)
    counties = ",".join(compared)
    print(f"== {n} enterprises, {args.form} form: {path}; {len(compared)} compared counties",
          file=sys.stderr, flush=True)
    runs = {}

    def chainatlas_run(name, *command):
        out = os.path.join(work, f"chainatlas-{name}.json")
        runs[name] = measure([chainatlas, "--data", path, *command], out, args.timeout)
        runs[name]["out"] = out
        print(f"  chainatlas {name:<10} {runs[name].get('wall', float('nan')):8.2f} s wall "
              f"{runs[name].get('cpu', float('nan')):8.2f} s cpu "
              f"{runs[name].get('peak_mb', float('nan')):8.0f} MB  (load {runs[name]['load']})",
              file=sys.stderr, flush=True)

    def python_run(name, script, mode, extra=(), timeout=0):
        out = os.path.join(work, f"{name}.json")
        command = [PYTHON, os.path.join(HERE, script), path, "--out", out, "--mode", mode,
                   "--counties", counties, *extra]
        print(f"  {name} (load {load_average()})", file=sys.stderr, flush=True)
        if os.path.exists(out):
            os.remove(out)
        runs[name] = measure(command, os.devnull, timeout or args.timeout)
        if os.path.exists(out):  # also what a process stopped by the time limit had written
            with open(out, encoding="utf-8") as f:
                runs[name].update(json.load(f))
        print(f"  {name:<21} {runs[name].get('wall', float('nan')):8.2f} s wall "
              f"{runs[name].get('cpu', float('nan')):8.2f} s cpu "
              f"{runs[name].get('peak_mb', float('nan')):8.0f} MB", file=sys.stderr, flush=True)

    # Pipeline: back to back. First the pipeline as one process: the three commands chained on
    # one load (docs/CLI.md), communities left out as the Python pipelines leave them out.
    chainatlas_run("pipeline", "gaps", "--json", "compare", "--counties", counties, "--json",
                   "clusters", "--no-communities", "--top", "0", "--json")
    chainatlas_run("stats", "stats", "--json")
    chainatlas_run("gaps", "gaps", "--json")
    chainatlas_run("compare", "compare", "--counties", counties, "--json")
    # Every similar and complementary pair, for the checks (more output than a planner asks for).
    chainatlas_run("compare-all-pairs", "compare", "--counties", counties, "--top", "0", "--json")
    chainatlas_run("critical", "critical", "--json")
    chainatlas_run("clusters", "clusters", "--top", "0", "--json")
    python_run("igraph", "igraph_pipeline.py", "pipeline")
    python_run("networkx", "nx_pipeline.py", "pipeline")
    if args.communities:
        python_run("igraph-communities", "igraph_pipeline.py", "communities",
                   ("--partition", runs["clusters"]["out"]), args.communities_timeout)
        if args.nx_communities_max and n > args.nx_communities_max:
            runs["networkx-communities"] = {"skipped": f"n > {args.nx_communities_max}"}
        else:
            python_run("networkx-communities", "nx_pipeline.py", "communities",
                       timeout=args.communities_timeout)

    checks = {}
    with open(runs["gaps"]["out"], encoding="utf-8") as f:
        gaps_json = json.load(f)
    pipeline_documents = read_documents(runs["pipeline"]["out"]) if "wall" in runs["pipeline"] else []
    with open(runs["compare-all-pairs"]["out"], encoding="utf-8") as f:
        compare_json = json.load(f)
    with open(runs["clusters"]["out"], encoding="utf-8") as f:
        clusters_json = json.load(f)
    with open(runs["critical"]["out"], encoding="utf-8") as f:
        critical_json = json.load(f)
    for library in ("igraph", "networkx"):
        if "results" not in runs[library]:
            continue
        results = runs[library]["results"]
        checks[library] = {
            "gaps": check_gaps(gaps_json, results["gaps"]),
            "compare": check_compare(compare_json, results["compare"]),
            "structure": check_structure(clusters_json, critical_json, results),
        }
        if len(pipeline_documents) == 3:
            checks[library]["one-load pipeline, gaps"] = check_gaps(pipeline_documents[0], results["gaps"])
            checks[library]["one-load pipeline, structure"] = \
                check_structure(pipeline_documents[2], critical_json, results)
    communities = {"chainatlas": {"count": len(clusters_json["communities"]),
                                  "modularity": clusters_json["modularity"]}}
    for library in ("igraph-communities", "networkx-communities"):
        if "communities" in runs.get(library, {}).get("results", {}):
            communities[library] = runs[library]["results"]["communities"]
            communities[library].pop("sizes", None)
    if "leiden" in runs.get("igraph-communities", {}).get("results", {}):
        communities["igraph-leiden"] = runs["igraph-communities"]["results"]["leiden"]
        communities["chainatlas"]["igraph_modularity_of_partition"] = \
            runs["igraph-communities"]["results"].get("chainatlas_partition")
    return {"enterprises": n, "form": args.form, "path": path, "compared_counties": len(compared),
            "runs": {k: {key: v for key, v in run.items() if key not in ("results", "stderr")}
                     for k, run in runs.items()},
            "checks": checks, "communities": communities}


def stage(run, name):
    return next((row for row in run.get("stages", []) if row["stage"] == name), None)


def pipeline_figures(report):
    """Pipeline = load -> gaps -> compare -> components and articulation points.
    chainatlas: first one process running the three commands on one load (clusters without
    communities, as the Python pipelines); then the sum of its whole commands gaps + compare +
    clusters (each pays the load; clusters also computes Leiden communities) and, third, with critical (articulation points of the whole supply graph, no
    components, no communities) in place of clusters. Python: the stages parse + build + gaps +
    compare + structure of one process, with the import of the library (not the interpreter's
    start nor writing the results for the checks); peak = peak after the structure stage."""
    runs = report["runs"]
    figures = {}
    for label, commands in (("chainatlas, one load (gaps compare clusters --no-communities)", ("pipeline",)),
                            ("chainatlas (gaps+compare+clusters)", ("gaps", "compare", "clusters")),
                            ("chainatlas (gaps+compare+critical)", ("gaps", "compare", "critical"))):
        if all("wall" in runs[c] for c in commands):
            figures[label] = {"wall": sum(runs[c]["wall"] for c in commands),
                              "cpu": sum(runs[c]["cpu"] for c in commands),
                              "peak_mb": max(runs[c]["peak_mb"] for c in commands)}
    for library in ("igraph", "networkx"):
        run = runs[library]
        rows = [stage(run, s) for s in ("import", "parse", "build", "gaps", "compare", "structure")]
        if all(rows):
            figures[library] = {"wall": sum(r["wall"] for r in rows),
                                "cpu": sum(r["cpu"] for r in rows),
                                "peak_mb": rows[-1]["peak_mb"]}
    return figures


def print_report(report, out):
    runs = report["runs"]
    n = report["enterprises"]
    print(f"\n### {n:,} enterprises ({report['form']} form, {report['compared_counties']} compared "
          f"counties)\n", file=out)
    print("| tool | what | wall s | user+sys s | peak MB | load avg |", file=out)
    print("|---|---|---:|---:|---:|---:|", file=out)
    for name in ("pipeline", "stats", "gaps", "compare", "compare-all-pairs", "critical", "clusters"):
        run = runs[name]
        if "wall" in run:
            words = [w if len(w) < 40 else f"<{w.count(',') + 1} ids>" for w in run["command"][3:]]
            print(f"| chainatlas | `{' '.join(words)}` (whole command) | "
                  f"{run['wall']:.2f} | {run['cpu']:.2f} | {run['peak_mb']:.0f} | {run['load']:.1f} |",
                  file=out)
        else:
            print(f"| chainatlas | `{name}` | timed out after {run['timeout']} s | | | |", file=out)
    for library in ("igraph", "networkx", "igraph-communities", "networkx-communities"):
        run = runs.get(library)
        if not run:
            continue
        for row in run.get("stages", []):
            print(f"| {library} | {row['stage']} | {row['wall']:.2f} | {row['cpu']:.2f} | "
                  f"{row['peak_mb']:.0f} | |", file=out)
        if "skipped" in run or "timeout" in run:
            print(f"| {library} | {run.get('skipped') or 'stopped: time limit of %s s' % run['timeout']} "
                  f"| | | | {run.get('load', 0):.1f} |", file=out)
            continue
        print(f"| {library} | whole process | {run['wall']:.2f} | {run['cpu']:.2f} | "
              f"{run['peak_mb']:.0f} | {run['load']:.1f} |", file=out)

    figures = pipeline_figures(report)
    report["pipeline"] = figures
    print("\nPipeline (load → gaps → compare → components and articulation points):\n", file=out)
    print("| tool | wall s | user+sys s | peak MB | NetworkX/this wall | cpu | igraph/this wall | "
          "cpu | peak: this/NetworkX | this/igraph |", file=out)
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|", file=out)
    nx_f, ig_f = figures.get("networkx"), figures.get("igraph")
    for label, f in figures.items():
        ratios = []
        for other in (nx_f, ig_f):
            ratios += [f"{other['wall'] / f['wall']:.1f}×" if other else "-",
                       f"{other['cpu'] / f['cpu']:.1f}×" if other else "-"]
        peaks = [f"{f['peak_mb'] / other['peak_mb']:.2f}" if other else "-" for other in (nx_f, ig_f)]
        print(f"| {label} | {f['wall']:.2f} | {f['cpu']:.2f} | {f['peak_mb']:.0f} | "
              f"{' | '.join(ratios)} | {' | '.join(peaks)} |", file=out)

    print("\nCommunities (chainatlas: Leiden; igraph: multilevel = Louvain, and Leiden; NetworkX: "
          "louvain_communities):\n", file=out)
    print("| tool | communities | modularity | wall s | user+sys s |", file=out)
    print("|---|---:|---:|---:|---:|", file=out)
    clusters = runs["clusters"]
    c = report["communities"]["chainatlas"]
    print(f"| chainatlas `clusters` (whole command: load, places, structure, enterprise and segment "
          f"communities) | {c['count']} | {c['modularity']:.6f} | {clusters.get('wall', 0):.2f} | "
          f"{clusters.get('cpu', 0):.2f} |", file=out)
    for library, stage_name in (("igraph-communities", "communities"), ("igraph-leiden", "leiden"),
                                ("networkx-communities", "communities")):
        run = runs.get(library.replace("leiden", "communities"), {})
        if library in report["communities"]:
            row = stage(run, stage_name)
            info = report["communities"][library]
            whole = f"{run['wall']:.2f} s" if "wall" in run else "stopped later by the time limit"
            print(f"| {library} ({stage_name} stage only; whole process {whole}) | "
                  f"{info['count']} | {info['modularity']:.6f} | {row['wall']:.2f} | "
                  f"{row['cpu']:.2f} |", file=out)
    check = c.get("igraph_modularity_of_partition")
    if check:
        print(f"\nigraph's modularity of chainatlas's partition: {check['modularity']:.6f} "
              f"(chainatlas says {c['modularity']:.6f}; vertices in no community: "
              f"{check['vertices_without_community']})", file=out)

    print("\nCorrectness (results identical where the definitions match):\n", file=out)
    for library, checks in report["checks"].items():
        for what, check in checks.items():
            verdict = "identical" if check["differences"] == 0 else \
                f"**{check['differences']} differences**: {'; '.join(check['examples'])}"
            print(f"- {library}, {what}: {check['compared']}: {verdict}", file=out)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(HERE))
    parser.add_argument("--chainatlas", default=os.path.join(root, "build", "chainatlas"))
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--form", choices=["json", "csv"], default="json")
    parser.add_argument("--compared", type=int, default=50,
                        help="compare the first N counties (all pairs of them); 0 = all counties")
    parser.add_argument("--no-communities", dest="communities", action="store_false")
    parser.add_argument("--nx-communities-max", type=int, default=0,
                        help="skip NetworkX's Louvain above this many enterprises (0: never skip)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per process")
    parser.add_argument("--communities-timeout", type=float, default=0,
                        help="seconds per Python communities process (default: --timeout)")
    parser.add_argument("--data-dir", default=os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                                           "chainatlas-alternatives"))
    parser.add_argument("--out", default="", help="write every figure and check as JSON here")
    args = parser.parse_args()
    args.chainatlas = os.path.abspath(args.chainatlas)
    reports = []
    print(f"chainatlas: {args.chainatlas}; {time.strftime('%Y-%m-%d %H:%M %Z')}; "
          f"{os.cpu_count()} cores", flush=True)
    for n in [int(s) for s in args.sizes.split(",")]:
        report = run_size(args, n)
        print_report(report, sys.stdout)
        sys.stdout.flush()
        reports.append(report)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as f:
                json.dump(reports, f, indent=1)


if __name__ == "__main__":
    main()
