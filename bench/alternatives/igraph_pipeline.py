"""chainatlas's pipeline done with python-igraph (Debian python3-igraph), for bench/alternatives/run.py.

Usage: /usr/bin/python3 igraph_pipeline.py DATA --out RESULT.json [--counties a,b,...] [--mode pipeline|communities]

The region is one directed igraph.Graph like chainatlas's graph::RegionGraph: vertices numbered
enterprises first, then segments, then filling projects (ids mapped to numbers with a dict, as any
igraph user must); edges enterprise -> segment (works in), segment -> segment (chain and cross
links), project -> segment (fills), enterprise -> enterprise (supplies), with a `kind` attribute.
Every stage queries that graph; components, articulation points and Louvain are igraph's C code.
Timings, peak memory and the results go to --out as JSON.
"""

import json
import random
import sys
import time

_START = (time.perf_counter(), time.process_time())  # before the library import

import igraph as ig

import common

WORKS_IN, LINK, FILLS, SUPPLIES = 0, 1, 2, 3
ENTERPRISE, SEGMENT, PROJECT = 0, 1, 2


class Region:
    def __init__(self, data):
        enterprises = data["enterprises"]
        index = {}
        names = []
        kind = []
        for enterprise in enterprises:
            index[enterprise["id"]] = len(names)
            names.append(enterprise["id"])
            kind.append(ENTERPRISE)
        segment_index = {}
        segment_chain = []
        for chain in data["chains"]:
            for segment in chain["segments"]:
                segment_index[segment["id"]] = len(names)
                names.append(segment["id"])
                kind.append(SEGMENT)
                segment_chain.append(chain["id"])
        projects = [p for p in data.get("projects", []) if p["status"] in common.FILLING_STATUSES]
        edges = []
        edge_kind = []
        for project in projects:
            vertex = len(names)
            names.append(project["id"])
            kind.append(PROJECT)
            for segment in project.get("segments", []):
                edges.append((vertex, segment_index[segment]))
                edge_kind.append(FILLS)
        for chain in data["chains"]:
            for link in chain.get("links", []):
                edges.append((segment_index[link["from"]], segment_index[link["to"]]))
                edge_kind.append(LINK)
        for link in data.get("cross_links", []):
            edges.append((segment_index[link["from"]], segment_index[link["to"]]))
            edge_kind.append(LINK)
        for vertex, enterprise in enumerate(enterprises):
            for segment in enterprise.get("segments", []):
                edges.append((vertex, segment_index[segment]))
                edge_kind.append(WORKS_IN)
        for supply in data.get("supplies", []):
            edges.append((index[supply["from"]], index[supply["to"]]))
            edge_kind.append(SUPPLIES)
        graph = ig.Graph(n=len(names), edges=edges, directed=True)
        graph.vs["name"] = names
        graph.vs["kind"] = kind
        graph.vs["external"] = [bool(e.get("external", False)) for e in enterprises] + \
            [False] * (len(names) - len(enterprises))
        graph.vs["output"] = [float(e.get("output") or 0.0) for e in enterprises] + \
            [0.0] * (len(names) - len(enterprises))
        graph.vs["county"] = [e.get("county") for e in enterprises] + \
            [None] * (len(names) - len(enterprises))
        graph.es["kind"] = edge_kind
        self.graph = graph
        self.enterprise_count = len(enterprises)
        self.segment_index = segment_index
        self.segment_base = len(enterprises)
        self.segment_chain = segment_chain


def gaps(data, region):
    graph = region.graph
    kind = graph.vs["kind"]
    external_of = graph.vs["external"]
    output_of = graph.vs["output"]
    counts = {}
    for chain in data["chains"]:
        for segment in chain["segments"]:
            local = external = 0
            filling = False
            output = 0.0
            for member in graph.neighbors(region.segment_index[segment["id"]], mode="in"):
                if kind[member] == ENTERPRISE:
                    if external_of[member]:
                        external += 1
                    else:
                        local += 1
                        output += output_of[member]
                elif kind[member] == PROJECT:
                    filling = True
            counts[segment["id"]] = (local, external, filling, output)
    return common.gaps_from_counts(data, counts)


def local_enterprises(region):
    graph = region.graph
    kind = graph.vs["kind"]
    names = graph.vs["name"]
    external_of = graph.vs["external"]
    output_of = graph.vs["output"]
    county_of = graph.vs["county"]
    base = region.segment_base
    adjacency = graph.get_adjlist(mode="out")
    for vertex in range(region.enterprise_count):
        if external_of[vertex]:
            continue
        segments = []
        chains = set()
        for target in adjacency[vertex]:
            if kind[target] == SEGMENT:
                chain = region.segment_chain[target - base]
                segments.append((chain, names[target]))
                chains.add(chain)
        yield county_of[vertex], output_of[vertex], chains, segments


def supply_network(region, local_only):
    """Undirected enterprise network of the supplies (both ends local when `local_only`), repeated
    supplies and self-supplies merged away, vertices without a link dropped."""
    graph = region.graph
    external_of = graph.vs["external"]
    supplies = graph.es.select(kind_eq=SUPPLIES)
    if local_only:
        keep = [e.index for e in supplies
                if not external_of[e.source] and not external_of[e.target]]
    else:
        keep = supplies.indices
    network = graph.subgraph_edges(keep, delete_vertices=True)
    network.to_undirected(mode="collapse")
    network.simplify(multiple=True, loops=True)
    network.delete_vertices(network.vs.select(_degree=0))
    return network


def structure(network):
    components = network.connected_components()
    names = network.vs["name"]
    return {"vertices": network.vcount(), "edges": network.ecount(),
            "component_sizes": sorted(components.sizes(), reverse=True),
            "articulation_points": sorted(names[v] for v in network.articulation_points())}


def main(argv):
    args = common.parse_arguments(argv, __doc__)
    stages = common.Stages()
    stages.add_since("import", *_START)
    results = {}
    with stages.stage("parse"):
        data = common.load_records(args.data)
    with stages.stage("build"):
        region = Region(data)
    compared = args.counties.split(",") if args.counties else [c["id"] for c in data["counties"]]
    if args.mode == "pipeline":
        with stages.stage("gaps"):
            results["gaps"] = gaps(data, region)
        with stages.stage("compare"):
            results["compare"] = common.compare_from_membership(
                data, compared, None, local_enterprises(region))
        with stages.stage("structure"):
            results["structure"] = structure(supply_network(region, local_only=True))
        with stages.stage("critical"):
            network = supply_network(region, local_only=False)
            names = network.vs["name"]
            results["critical"] = {
                "articulation_points": sorted(names[v] for v in network.articulation_points())}
            del network
    else:
        with stages.stage("network"):
            network = supply_network(region, local_only=True)
            # chainatlas builds its network from the vertices sorted by id; do the same so that
            # the two runs see the same vertex order.
            order = sorted(range(network.vcount()), key=network.vs["name"].__getitem__)
            network = network.permute_vertices(_inverse(order))
            del region, data
        # Leiden first (the algorithm chainatlas uses: modularity objective, beta 0.01, two
        # iterations; docs/COUNTIES.md), and its figures written at once: multilevel can run for a
        # very long time on some random orders (igraph 0.10.2) and be stopped by the driver.
        with stages.stage("leiden"):
            random.seed(42)
            leiden = network.community_leiden(objective_function="modularity", beta=0.01,
                                              n_iterations=2)
            q = network.modularity(leiden.membership)
        results["leiden"] = {"count": len(leiden), "modularity": q}
        if args.partition:
            results["chainatlas_partition"] = \
                _modularity_of(network, args.partition)
        common.write_result(args.out, stages, results)
        with stages.stage("communities"):
            random.seed(42)  # python-igraph draws from Python's random module by default
            communities = network.community_multilevel()
            q = communities.modularity
        results["communities"] = {"count": len(communities), "modularity": q,
                                  "sizes": sorted(communities.sizes(), reverse=True)}
    common.write_result(args.out, stages, results)


def _modularity_of(network, clusters_json):
    """Modularity, computed by igraph on this network, of the communities that chainatlas's
    `clusters --json` found: a check of chainatlas's `modularity` figure."""
    with open(clusters_json, encoding="utf-8") as f:
        communities = json.load(f)["communities"]
    community_of = {}
    for number, community in enumerate(communities):
        for member in community["members"]:
            community_of[member] = number
    names = network.vs["name"]
    missing = sum(1 for name in names if name not in community_of)
    membership = [community_of.get(name, len(communities) + i) for i, name in enumerate(names)]
    return {"modularity": network.modularity(membership), "vertices_without_community": missing}


def _inverse(order):
    inverse = [0] * len(order)
    for position, vertex in enumerate(order):
        inverse[vertex] = position
    return inverse


if __name__ == "__main__":
    main(sys.argv[1:])
