#include "chainatlas/analysis/critical.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/property_map/property_map.hpp>
#include <map>
#include <set>

#include "chain_metrics_impl.hpp"

namespace chainatlas::analysis {

using detail::str;
using model::Index;
using model::kNoIndex;

namespace {

EnterpriseRef ref_of(const model::Dataset& data, Index e) {
    const auto& enterprise = data.enterprises[e];
    return {str(enterprise.id), str(enterprise.name), str(enterprise.name_en)};
}

std::vector<std::string> ids_of(const model::Dataset& data, const std::vector<Index>& enterprises) {
    std::vector<std::string> out;
    for (const Index e : enterprises) out.push_back(str(data.enterprises[e].id));
    std::sort(out.begin(), out.end());
    return out;
}

/// For each local enterprise, the local customers (per `supplies`) that have no other local
/// supplier.
std::map<Index, std::vector<Index>> sole_suppliers(const model::Dataset& data, const detail::Place& place) {
    std::map<Index, std::set<Index>> suppliers_of;
    for (const auto& supply : data.supplies) {
        if (supply.from == supply.to) continue;
        if (!place.contains(data.enterprises[supply.from]) || !place.contains(data.enterprises[supply.to])) continue;
        suppliers_of[supply.to].insert(supply.from);
    }
    std::map<Index, std::vector<Index>> out;
    for (const auto& [customer, suppliers] : suppliers_of) {
        if (suppliers.size() == 1) out[*suppliers.begin()].push_back(customer);
    }
    return out;
}

std::vector<ArticulationPoint> find_articulation_points(const model::Dataset& data) {
    using UndirectedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                                  boost::property<boost::edge_index_t, std::size_t>>;
    // Only enterprises named in a supply take part; vertex numbers follow enterprise order.
    std::vector<Index> vertex_of(data.enterprises.size(), kNoIndex);
    std::vector<Index> enterprise_of;
    std::set<std::pair<Index, Index>> edges;
    for (const auto& supply : data.supplies) {
        if (supply.from == supply.to) continue;
        edges.insert(std::minmax(supply.from, supply.to));
    }
    for (const auto& [a, b] : edges) {
        for (const Index e : {a, b}) {
            if (vertex_of[e] == kNoIndex) vertex_of[e] = 1;
        }
    }
    for (Index e = 0; e < data.enterprises.size(); ++e) {
        if (vertex_of[e] == kNoIndex) continue;
        vertex_of[e] = static_cast<Index>(enterprise_of.size());
        enterprise_of.push_back(e);
    }
    UndirectedGraph g(enterprise_of.size());
    std::size_t edge_number = 0;
    for (const auto& [a, b] : edges) boost::add_edge(vertex_of[a], vertex_of[b], edge_number++, g);

    std::vector<std::size_t> components(edge_number, 0);
    const auto component = boost::make_iterator_property_map(components.begin(), boost::get(boost::edge_index, g));
    boost::biconnected_components(g, component);
    std::vector<std::set<std::size_t>> blocks(enterprise_of.size());
    for (const auto edge : boost::make_iterator_range(boost::edges(g))) {
        blocks[boost::source(edge, g)].insert(component[edge]);
        blocks[boost::target(edge, g)].insert(component[edge]);
    }
    std::vector<UndirectedGraph::vertex_descriptor> points;
    boost::articulation_points(g, std::back_inserter(points));

    std::vector<ArticulationPoint> out;
    for (const auto v : points) {
        const Index e = enterprise_of[v];
        out.push_back({ref_of(data, e), data.enterprises[e].external, boost::degree(v, g), blocks[v].size()});
    }
    std::sort(out.begin(), out.end(), [](const ArticulationPoint& a, const ArticulationPoint& b) {
        if (a.blocks != b.blocks) return a.blocks > b.blocks;
        if (a.partners != b.partners) return a.partners > b.partners;
        return a.enterprise.id < b.enterprise.id;
    });
    return out;
}

}  // namespace

CriticalResult find_critical(const graph::RegionGraph& graph, const CriticalOptions& options) {
    const auto& data = graph.data();
    const Index only_chain = detail::resolve_chain(data, options.chain);
    const auto place = detail::resolve_place(data, options.county, options.park);
    const auto facts = detail::collect_segment_facts(data, place);

    CriticalResult result;
    result.chain = options.chain;
    result.county = options.county;
    result.park = options.park;
    std::map<Index, std::vector<Index>> sole_segments;  // holder → segments it alone holds
    for (Index c = 0; c < data.chains.size(); ++c) {
        if (only_chain != kNoIndex && c != only_chain) continue;
        std::vector<Index> segments = data.chains[c].segments;
        std::sort(segments.begin(), segments.end(),
                  [&](Index a, Index b) { return data.segments[a].id < data.segments[b].id; });
        for (const Index s : segments) {
            if (facts.local_count(s) != 1) continue;
            const Index holder = facts.locals(s)[0];
            sole_segments[holder].push_back(s);
            const auto& segment = data.segments[s];
            WeakSegment weak{str(data.chains[c].id), str(segment.id), str(segment.name), str(segment.name_en),
                             ref_of(data, holder), 0};
            weak.dependents = detail::locals_of(facts, facts.outputs[s], facts.locals(s)).size();
            result.weak_segments.push_back(std::move(weak));
        }
    }

    const auto orphans = sole_suppliers(data, place);
    std::set<Index> involved;
    for (const auto& [e, list] : sole_segments) involved.insert(e);
    // With a chain filter, an enterprise that opens no gap is listed only if it works in the chain.
    std::vector<bool> in_chain(data.enterprises.size(), only_chain == kNoIndex);
    if (only_chain != kNoIndex) {
        for (const Index s : data.chains[only_chain].segments) {
            for (const Index e : facts.locals(s)) in_chain[e] = true;
        }
    }
    for (const auto& [e, list] : orphans) {
        if (in_chain[e]) involved.insert(e);
    }
    for (const Index e : involved) {
        RemovalImpact impact{ref_of(data, e), {}, {}, {}};
        std::vector<Index> dependents;
        if (const auto it = sole_segments.find(e); it != sole_segments.end()) {
            for (const Index s : it->second) impact.gaps_opened.push_back(str(data.segments[s].id));
            std::vector<Index> outputs;
            for (const Index s : it->second) outputs.insert(outputs.end(), facts.outputs[s].begin(), facts.outputs[s].end());
            dependents = detail::locals_of(facts, outputs);
            std::erase(dependents, e);
        }
        std::sort(impact.gaps_opened.begin(), impact.gaps_opened.end());
        impact.segment_dependents = ids_of(data, dependents);
        if (const auto it = orphans.find(e); it != orphans.end()) impact.orphaned_customers = ids_of(data, it->second);
        result.removals.push_back(std::move(impact));
    }
    std::sort(result.removals.begin(), result.removals.end(), [](const RemovalImpact& a, const RemovalImpact& b) {
        if (a.gaps_opened.size() != b.gaps_opened.size()) return a.gaps_opened.size() > b.gaps_opened.size();
        if (a.segment_dependents.size() != b.segment_dependents.size()) {
            return a.segment_dependents.size() > b.segment_dependents.size();
        }
        if (a.orphaned_customers.size() != b.orphaned_customers.size()) {
            return a.orphaned_customers.size() > b.orphaned_customers.size();
        }
        return a.enterprise.id < b.enterprise.id;
    });
    if (options.top > 0 && result.removals.size() > options.top) result.removals.resize(options.top);
    result.articulation_points = find_articulation_points(data);
    return result;
}

}  // namespace chainatlas::analysis
