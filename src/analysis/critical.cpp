#include "chainatlas/analysis/critical.hpp"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <utility>

#include "chain_metrics_impl.hpp"
#include "supply_network_impl.hpp"

namespace chainatlas::analysis {

using detail::str;
using model::Index;
using model::kNoIndex;

namespace {

EnterpriseRef ref_of(const model::Dataset& data, Index e) {
    const auto& enterprise = data.enterprises[e];
    return {str(enterprise.id), str(enterprise.name), str(enterprise.name_en)};
}

std::vector<std::string> ids_of(const model::Dataset& data, std::span<const Index> enterprises) {
    std::vector<std::string> out;
    out.reserve(enterprises.size());
    for (const Index e : enterprises) out.push_back(str(data.enterprises[e].id));
    std::sort(out.begin(), out.end());
    return out;
}

/// For each local enterprise, the local customers (per `supplies`) that have no other local
/// supplier, as an adjacency array over enterprise indices (customers ascending).
///
/// One pass over the supplies keeps each customer's first local supplier, or marks it as having
/// several; no set per customer (at a million enterprises the node-based sets were a fifth of
/// the command's time).
struct SoleSuppliers {
    std::vector<std::uint32_t> offsets;  ///< size enterprises + 1
    std::vector<Index> customers;

    [[nodiscard]] std::span<const Index> of(Index e) const {
        return {customers.data() + offsets[e], offsets[e + 1] - offsets[e]};
    }
};

SoleSuppliers find_sole_suppliers(const model::Dataset& data, const detail::Place& place) {
    const std::size_t n = data.enterprises.size();
    std::vector<char> local(n, 0);
    for (std::size_t e = 0; e < n; ++e) local[e] = place.contains(data.enterprises[e]) ? 1 : 0;
    constexpr Index kSeveral = kNoIndex - 1;  // more than one local supplier
    std::vector<Index> supplier_of(n, kNoIndex);
    for (const auto& supply : data.supplies) {
        if (supply.from == supply.to || !local[supply.from] || !local[supply.to]) continue;
        Index& only = supplier_of[supply.to];
        if (only == kNoIndex) {
            only = supply.from;
        } else if (only != supply.from) {
            only = kSeveral;
        }
    }
    SoleSuppliers out;
    out.offsets.assign(n + 1, 0);
    for (std::size_t c = 0; c < n; ++c) {
        if (supplier_of[c] < kSeveral) ++out.offsets[supplier_of[c] + 1];
    }
    for (std::size_t e = 0; e < n; ++e) out.offsets[e + 1] += out.offsets[e];
    out.customers.resize(out.offsets[n]);
    std::vector<std::uint32_t> fill(out.offsets.begin(), out.offsets.end() - 1);
    for (std::size_t c = 0; c < n; ++c) {
        if (supplier_of[c] < kSeveral)
            out.customers[fill[supplier_of[c]]++] = static_cast<Index>(c);
    }
    return out;
}

/// What does not depend on the chain: the place, its segment facts, the sole suppliers.
struct Shared {
    const model::Dataset& data;
    detail::Place place;
    detail::SegmentFacts facts;
    SoleSuppliers sole;
    std::vector<Index> suppliers;  ///< enterprises with at least one orphaned customer, ascending
};

Shared share(const model::Dataset& data, const CriticalOptions& options) {
    const auto place = detail::resolve_place(data, options.county, options.park);
    Shared shared{data,
                  place,
                  detail::collect_segment_facts(data, place),
                  find_sole_suppliers(data, place),
                  {}};
    for (Index e = 0; e < data.enterprises.size(); ++e) {
        if (!shared.sole.of(e).empty()) shared.suppliers.push_back(e);
    }
    return shared;
}

/// find_critical without the articulation points, for one chain (kNoIndex: all).
CriticalResult find_for_chain(const Shared& shared, const CriticalOptions& options,
                              Index only_chain, std::vector<char>& in_chain) {
    const auto& data = shared.data;
    const auto& facts = shared.facts;
    CriticalResult result;
    result.chain = only_chain == kNoIndex ? std::string() : str(data.chains[only_chain].id);
    result.county = options.county;
    result.park = options.park;
    std::vector<std::pair<Index, Index>> sole_segments;  // (holder, segment it alone holds)
    for (Index c = 0; c < data.chains.size(); ++c) {
        if (only_chain != kNoIndex && c != only_chain) continue;
        std::vector<Index> segments = data.chains[c].segments;
        std::sort(segments.begin(), segments.end(),
                  [&](Index a, Index b) { return data.segments[a].id < data.segments[b].id; });
        for (const Index s : segments) {
            if (facts.local_count(s) != 1) continue;
            const Index holder = facts.locals(s)[0];
            sole_segments.emplace_back(holder, s);
            const auto& segment = data.segments[s];
            WeakSegment weak{str(data.chains[c].id), str(segment.id), str(segment.name), str(segment.name_en),
                             ref_of(data, holder), 0};
            weak.dependents = detail::locals_of(facts, facts.outputs[s], facts.locals(s)).size();
            result.weak_segments.push_back(std::move(weak));
        }
    }
    std::stable_sort(sole_segments.begin(), sole_segments.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    // With a chain filter, an enterprise that opens no gap is listed only if it works in the chain.
    std::vector<Index> marked;
    if (only_chain != kNoIndex) {
        for (const Index s : data.chains[only_chain].segments) {
            for (const Index e : facts.locals(s)) {
                if (!in_chain[e]) marked.push_back(e);
                in_chain[e] = 1;
            }
        }
    }
    // The enterprises involved, ascending: holders of a sole segment and suppliers of orphans.
    struct Candidate {
        Index enterprise;
        std::size_t gaps = 0, dependents = 0, orphans = 0;
        std::size_t first_segment = 0;  // in sole_segments
        std::vector<Index> dependent_list;
    };
    std::vector<Candidate> candidates;
    {
        std::size_t i = 0;
        auto next_supplier = shared.suppliers.begin();
        const auto skip_others = [&] {
            while (next_supplier != shared.suppliers.end() && only_chain != kNoIndex &&
                   !in_chain[*next_supplier])
                ++next_supplier;
        };
        skip_others();
        while (i < sole_segments.size() || next_supplier != shared.suppliers.end()) {
            Index e = kNoIndex;
            if (i < sole_segments.size()) e = sole_segments[i].first;
            if (next_supplier != shared.suppliers.end()) e = std::min(e, *next_supplier);
            Candidate candidate{e, 0, 0, shared.sole.of(e).size(), i, {}};
            std::vector<Index> outputs;
            for (; i < sole_segments.size() && sole_segments[i].first == e; ++i) {
                ++candidate.gaps;
                const auto& out = facts.outputs[sole_segments[i].second];
                outputs.insert(outputs.end(), out.begin(), out.end());
            }
            if (candidate.gaps > 0) {
                candidate.dependent_list = detail::locals_of(facts, outputs);
                std::erase(candidate.dependent_list, e);
                candidate.dependents = candidate.dependent_list.size();
            }
            if (next_supplier != shared.suppliers.end() && *next_supplier == e) {
                ++next_supplier;
                skip_others();
            }
            candidates.push_back(std::move(candidate));
        }
    }
    for (const Index e : marked) in_chain[e] = 0;

    // Most gaps, most segment dependents, most orphans, then id; only the first `top` are
    // written out, so the others are neither fully sorted nor given their lists of ids.
    const auto before = [&](const Candidate& a, const Candidate& b) {
        if (a.gaps != b.gaps) return a.gaps > b.gaps;
        if (a.dependents != b.dependents) return a.dependents > b.dependents;
        if (a.orphans != b.orphans) return a.orphans > b.orphans;
        return data.enterprises[a.enterprise].id < data.enterprises[b.enterprise].id;
    };
    std::size_t kept = candidates.size();
    if (options.top > 0 && kept > options.top) {
        kept = options.top;
        std::partial_sort(candidates.begin(),
                          candidates.begin() + static_cast<std::ptrdiff_t>(kept), candidates.end(),
                          before);
    } else {
        std::sort(candidates.begin(), candidates.end(), before);
    }
    result.removals.reserve(kept);
    for (std::size_t k = 0; k < kept; ++k) {
        const Candidate& candidate = candidates[k];
        const Index e = candidate.enterprise;
        RemovalImpact impact{ref_of(data, e), {}, {}, {}};
        for (std::size_t j = candidate.first_segment; j < candidate.first_segment + candidate.gaps;
             ++j) {
            impact.gaps_opened.push_back(str(data.segments[sole_segments[j].second].id));
        }
        std::sort(impact.gaps_opened.begin(), impact.gaps_opened.end());
        impact.segment_dependents = ids_of(data, candidate.dependent_list);
        impact.orphaned_customers = ids_of(data, shared.sole.of(e));
        result.removals.push_back(std::move(impact));
    }
    return result;
}

}  // namespace

std::vector<ArticulationPoint> find_articulation_points(const graph::RegionGraph& graph) {
    const auto& data = graph.data();
    // Vertices are the enterprises (those in no supply are isolated and never cut vertices); each
    // supply an undirected edge, repeats and both directions merged.
    std::vector<std::uint64_t> keys;
    keys.reserve(data.supplies.size());
    for (const auto& supply : data.supplies) {
        if (supply.from == supply.to) continue;
        const auto [a, b] = std::minmax(supply.from, supply.to);
        keys.push_back(std::uint64_t{a} << 32 | b);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        edges[i] = {static_cast<std::uint32_t>(keys[i] >> 32), static_cast<std::uint32_t>(keys[i])};
    }
    std::vector<std::uint64_t>().swap(keys);
    const detail::Walk walk = detail::depth_first(data.enterprises.size(), edges);

    std::vector<Index> points;
    for (Index v = 0; v < data.enterprises.size(); ++v) {
        if (walk.splits[v] >= 2) points.push_back(v);
    }
    std::sort(points.begin(), points.end(), [&](Index a, Index b) {
        if (walk.splits[a] != walk.splits[b]) return walk.splits[a] > walk.splits[b];
        if (walk.degree(a) != walk.degree(b)) return walk.degree(a) > walk.degree(b);
        return data.enterprises[a].id < data.enterprises[b].id;
    });
    std::vector<ArticulationPoint> out;
    out.reserve(points.size());
    for (const Index e : points) {
        out.push_back(
            {ref_of(data, e), data.enterprises[e].external, walk.degree(e), walk.splits[e]});
    }
    return out;
}

CriticalResult find_critical(const graph::RegionGraph& graph, const CriticalOptions& options) {
    const auto& data = graph.data();
    const Index only_chain = detail::resolve_chain(data, options.chain);
    const Shared shared = share(data, options);
    std::vector<char> in_chain(data.enterprises.size(), 0);
    CriticalResult result = find_for_chain(shared, options, only_chain, in_chain);
    result.articulation_points = find_articulation_points(graph);
    return result;
}

std::vector<CriticalResult> find_critical_per_chain(const graph::RegionGraph& graph,
                                                    const CriticalOptions& options,
                                                    const std::vector<std::string>& chains) {
    const auto& data = graph.data();
    std::vector<Index> indices;
    for (const auto& id : chains) indices.push_back(detail::resolve_chain(data, id));
    const Shared shared = share(data, options);
    std::vector<char> in_chain(data.enterprises.size(), 0);
    std::vector<CriticalResult> out;
    for (std::size_t i = 0; i < chains.size(); ++i) {
        out.push_back(find_for_chain(shared, options, indices[i], in_chain));
    }
    return out;
}

}  // namespace chainatlas::analysis
