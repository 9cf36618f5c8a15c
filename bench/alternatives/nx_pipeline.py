"""chainatlas's pipeline done with NetworkX (Debian python3-networkx), for bench/alternatives/run.py.

Usage: /usr/bin/python3 nx_pipeline.py DATA --out RESULT.json [--counties a,b,...] [--mode pipeline|communities]

The region is one networkx.DiGraph like chainatlas's graph::RegionGraph: a vertex per enterprise
(its id), segment ("seg:" + id), county ("county:" + id) and filling project ("project:" + id);
edges enterprise -> segment (works in), segment -> segment (chain and cross links), enterprise ->
county (located in), project -> segment (fills), enterprise -> enterprise (supplies). Every stage
queries that graph. Timings, peak memory and the results go to --out as JSON.
"""

import sys
import time

_START = (time.perf_counter(), time.process_time())  # before the library import

import networkx as nx
from networkx.algorithms.community import louvain_communities, modularity

import common


def build_region(data):
    graph = nx.DiGraph()
    for county in data["counties"]:
        graph.add_node("county:" + county["id"], kind="county")
    for chain in data["chains"]:
        for segment in chain["segments"]:
            graph.add_node("seg:" + segment["id"], kind="segment", chain=chain["id"])
        for link in chain.get("links", []):
            graph.add_edge("seg:" + link["from"], "seg:" + link["to"], kind="link")
    for link in data.get("cross_links", []):
        graph.add_edge("seg:" + link["from"], "seg:" + link["to"], kind="link")
    for enterprise in data["enterprises"]:
        external = bool(enterprise.get("external", False))
        graph.add_node(enterprise["id"], kind="enterprise", external=external,
                       output=float(enterprise.get("output") or 0.0), county=enterprise.get("county"))
        for segment in enterprise.get("segments", []):
            graph.add_edge(enterprise["id"], "seg:" + segment, kind="works_in")
        if not external and enterprise.get("county"):
            graph.add_edge(enterprise["id"], "county:" + enterprise["county"], kind="located_in")
    for project in data.get("projects", []):
        if project["status"] in common.FILLING_STATUSES:
            graph.add_node("project:" + project["id"], kind="project")
            for segment in project.get("segments", []):
                graph.add_edge("project:" + project["id"], "seg:" + segment, kind="fills")
    for supply in data.get("supplies", []):
        graph.add_edge(supply["from"], supply["to"], kind="supplies",
                       weight=float(supply.get("weight", 1.0)))
    return graph


def gaps(data, graph):
    nodes = graph.nodes
    counts = {}
    for chain in data["chains"]:
        for segment in chain["segments"]:
            local = external = 0
            filling = False
            output = 0.0
            for member in graph.predecessors("seg:" + segment["id"]):
                attributes = nodes[member]
                kind = attributes["kind"]
                if kind == "enterprise":
                    if attributes["external"]:
                        external += 1
                    else:
                        local += 1
                        output += attributes["output"]
                elif kind == "project":
                    filling = True
            counts[segment["id"]] = (local, external, filling, output)
    return common.gaps_from_counts(data, counts)


def local_enterprises(graph):
    """(county, output, chains, (chain, segment) pairs) of every local enterprise, from the graph."""
    nodes = graph.nodes
    for vertex, attributes in graph.nodes(data=True):
        if attributes["kind"] != "enterprise" or attributes["external"]:
            continue
        segments = []
        chains = set()
        for segment in graph.successors(vertex):
            target = nodes[segment]
            if target["kind"] == "segment":
                segments.append((target["chain"], segment[4:]))
                chains.add(target["chain"])
        yield attributes["county"], attributes["output"], chains, segments


def supply_network(graph, local_only):
    """Undirected enterprise network of the supplies (both ends local when `local_only`),
    repeated supplies and self-supplies merged away."""
    nodes = graph.nodes
    network = nx.Graph()
    for source, target, attributes in graph.edges(data=True):
        if attributes["kind"] != "supplies" or source == target:
            continue
        if local_only and (nodes[source]["external"] or nodes[target]["external"]):
            continue
        network.add_edge(source, target)
    return network


def structure(network):
    sizes = sorted((len(c) for c in nx.connected_components(network)), reverse=True)
    points = sorted(nx.articulation_points(network))
    return {"vertices": network.number_of_nodes(), "edges": network.number_of_edges(),
            "component_sizes": sizes, "articulation_points": points}


def main(argv):
    args = common.parse_arguments(argv, __doc__)
    stages = common.Stages()
    stages.add_since("import", *_START)
    results = {}
    with stages.stage("parse"):
        data = common.load_records(args.data)
    with stages.stage("build"):
        graph = build_region(data)
    compared = args.counties.split(",") if args.counties else [c["id"] for c in data["counties"]]
    if args.mode == "pipeline":
        with stages.stage("gaps"):
            results["gaps"] = gaps(data, graph)
        with stages.stage("compare"):
            results["compare"] = common.compare_from_membership(
                data, compared, None, local_enterprises(graph))
        with stages.stage("structure"):
            results["structure"] = structure(supply_network(graph, local_only=True))
        with stages.stage("critical"):
            network = supply_network(graph, local_only=False)
            results["critical"] = {"articulation_points": sorted(nx.articulation_points(network))}
            del network
    else:
        with stages.stage("network"):
            network = supply_network(graph, local_only=True)
            del graph, data
        with stages.stage("communities"):
            communities = louvain_communities(network, seed=42)
            q = modularity(network, communities)
        results["communities"] = {"count": len(communities), "modularity": q,
                                  "sizes": sorted((len(c) for c in communities), reverse=True)}
    common.write_result(args.out, stages, results)


if __name__ == "__main__":
    main(sys.argv[1:])
