"""Shared pieces of the NetworkX and python-igraph pipelines (bench/alternatives/).

Both pipelines parse the same chainatlas/1 dataset with Python's json and csv modules, build the
region as a graph of their library, and then do the work of chainatlas's commands stage by stage
(see docs/COMPARISON.md for what "the same work" means). What is shared here is only what does
not depend on the library: reading the files, the stage timer, and the arithmetic that turns the
graph queries into the figures chainatlas prints (statuses, matrix cells, LQ, similarity).
"""

import csv
import json
import math
import os
import resource
import sys
import time
from contextlib import contextmanager

FILLING_STATUSES = ("signed", "building")


def peak_rss_mb():
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class Stages:
    """Wall time, CPU time (user+sys) and peak memory after each stage of one process."""

    def __init__(self):
        self.rows = []

    def add_since(self, name, wall, cpu):
        """A stage that began at perf_counter() `wall` and process_time() `cpu`."""
        self.rows.append({"stage": name, "wall": time.perf_counter() - wall,
                          "cpu": time.process_time() - cpu, "peak_mb": peak_rss_mb()})

    @contextmanager
    def stage(self, name):
        wall = time.perf_counter()
        cpu = time.process_time()
        yield
        self.rows.append({
            "stage": name,
            "wall": time.perf_counter() - wall,
            "cpu": time.process_time() - cpu,
            "peak_mb": peak_rss_mb(),
        })
        print(f"  {name:<12} {self.rows[-1]['wall']:8.2f} s wall {self.rows[-1]['cpu']:8.2f} s cpu "
              f"{self.rows[-1]['peak_mb']:8.0f} MB peak", file=sys.stderr, flush=True)


def _split_list(cell):
    return [item for item in cell.split(";") if item] if cell else []


def _number(cell):
    return float(cell) if cell else 0.0


def load_records(path):
    """The dataset at `path` as plain Python data: one JSON file, or a folder with dataset.json
    and the optional CSV files (rows added to the same sections), as docs/DATA-FORMAT.md says."""
    if os.path.isdir(path):
        with open(os.path.join(path, "dataset.json"), encoding="utf-8") as f:
            data = json.load(f)
        enterprises_csv = os.path.join(path, "enterprises.csv")
        if os.path.exists(enterprises_csv):
            rows = data.setdefault("enterprises", [])
            with open(enterprises_csv, encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    rows.append({
                        "id": row["id"], "name": row["name"], "county": row.get("county") or None,
                        "park": row.get("park") or None, "segments": _split_list(row.get("segments")),
                        "output": _number(row.get("output")),
                        "external": row.get("external") == "true",
                    })
        supplies_csv = os.path.join(path, "supplies.csv")
        if os.path.exists(supplies_csv):
            rows = data.setdefault("supplies", [])
            with open(supplies_csv, encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    rows.append({"from": row["from"], "to": row["to"],
                                 "weight": _number(row.get("weight")) or 1.0})
        projects_csv = os.path.join(path, "projects.csv")
        if os.path.exists(projects_csv):
            rows = data.setdefault("projects", [])
            with open(projects_csv, encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    rows.append({"id": row["id"], "name": row["name"], "county": row["county"],
                                 "segments": _split_list(row.get("segments")),
                                 "status": row["status"]})
        return data
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def gap_status(local, filling):
    """docs/ANALYSIS.md, status of a segment (n = local enterprises)."""
    if local >= 2:
        return "covered"
    if filling:
        return "filling"
    return "weak" if local == 1 else "missing"


def gaps_from_counts(data, counts):
    """Per segment and per chain figures of `gaps` from counts[segment id] = (local, external,
    filling, output). Returns {"segments": {id: [local, external, status]}, "chains": {id: [held,
    segment_count, coverage]}}."""
    segments = {}
    chains = {}
    for chain in data["chains"]:
        held = 0
        for segment in chain["segments"]:
            local, external, filling, _output = counts[segment["id"]]
            status = gap_status(local, filling)
            segments[segment["id"]] = [local, external, status]
            if status in ("covered", "weak") or (status == "filling" and local == 1):
                held += 1
        count = len(chain["segments"])
        chains[chain["id"]] = [held, count, round(held / count, 4) if count else 0.0]
    return {"segments": segments, "chains": chains}


def compare_from_membership(data, compared, county_of, local_enterprises):
    """The county x chain matrix, similarity and complementarity of `compare`
    (docs/COUNTIES.md) for the counties `compared`, from `local_enterprises`: an iterable of
    (county id, output, [chain ids], [(chain id, segment id)]) for every local enterprise.

    x[c,k] counts (or sums the output of) distinct local enterprises of c in any segment of k;
    LQ is taken against the whole region; similarity and complementarity are over all pairs of
    the compared counties."""
    chain_ids = [chain["id"] for chain in data["chains"]]
    segment_count = {chain["id"]: len(chain["segments"]) for chain in data["chains"]}
    count = {}        # (county, chain) -> enterprises
    output = {}       # (county, chain) -> output
    held = {}         # (county, chain) -> set of segments
    county_total_n = {}
    county_total_o = {}
    output_known = 0
    for county, value, chains, segments in local_enterprises:
        county_total_n[county] = county_total_n.get(county, 0) + 1
        county_total_o[county] = county_total_o.get(county, 0.0) + value
        if value > 0:
            output_known += 1
        for chain in chains:
            key = (county, chain)
            count[key] = count.get(key, 0) + 1
            output[key] = output.get(key, 0.0) + value
        for chain, segment in segments:
            held.setdefault((county, chain), set()).add(segment)
    by_output = output_known > 0
    x = output if by_output else count
    totals = county_total_o if by_output else county_total_n
    chain_total = {}
    for (county, chain), value in x.items():
        chain_total[chain] = chain_total.get(chain, 0) + value
    grand = sum(totals.values())

    matrix = []
    vectors = {}
    for county in compared:
        vector = []
        for chain in chain_ids:
            key = (county, chain)
            value = x.get(key, 0)
            denominator = chain_total.get(chain, 0) / grand if grand else 0
            lq = (value / totals[county]) / denominator if totals.get(county) and denominator else 0.0
            segments = len(held.get(key, ()))
            matrix.append([county, chain, count.get(key, 0), output.get(key, 0.0), segments,
                           segments / segment_count[chain] if segment_count[chain] else 0.0, lq])
            vector.append(value)
        vectors[county] = vector

    similarity = {}
    complementarity = {}
    for i, a in enumerate(compared):
        for b in compared[i + 1:]:
            va, vb = vectors[a], vectors[b]
            na = math.sqrt(sum(v * v for v in va))
            nb = math.sqrt(sum(v * v for v in vb))
            cosine = sum(p * q for p, q in zip(va, vb)) / (na * nb) if na and nb else 0.0
            similarity[f"{min(a, b)}|{max(a, b)}"] = cosine
            score = 0.0
            for chain in chain_ids:
                sa = held.get((a, chain), set())
                sb = held.get((b, chain), set())
                if sa or sb:
                    score += (len(sa | sb) - max(len(sa), len(sb))) / segment_count[chain]
            complementarity[f"{a}|{b}"] = score
    return {"basis": "output" if by_output else "count", "matrix": matrix,
            "similarity": similarity, "complementarity": complementarity}


def write_result(path, stages, results):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"stages": stages.rows, "peak_mb": peak_rss_mb(), "results": results}, f)


def parse_arguments(argv, description):
    import argparse
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("data", help="dataset: a chainatlas/1 JSON file or a folder")
    parser.add_argument("--out", required=True, help="JSON file for timings and results")
    parser.add_argument("--counties", default="",
                        help="compared counties, comma-separated (default: all)")
    parser.add_argument("--mode", choices=["pipeline", "communities"], default="pipeline",
                        help="pipeline: load, gaps, compare, components and articulation points; "
                             "communities: load, network, Louvain")
    parser.add_argument("--partition", default="",
                        help="communities mode, igraph: chainatlas's clusters --json whose "
                             "communities' modularity igraph recomputes")
    return parser.parse_args(argv)
