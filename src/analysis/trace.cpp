#include "chainatlas/analysis/trace.hpp"

#include <algorithm>
#include <deque>
#include <map>

#include "chain_metrics_impl.hpp"
#include "chainatlas/error.hpp"

namespace chainatlas::analysis {

using detail::str;
using model::Index;
using model::kNoIndex;

namespace {

struct Hop {
    Index segment;
    unsigned distance;
};

/// Breadth-first from every start segment at once, so each segment is reached once at its
/// shortest distance from the nearest start; the seen set makes cycles harmless. Start
/// segments are not reported even when a cycle leads back to them.
std::vector<Hop> walk(const graph::RegionGraph& graph, const std::vector<Index>& starts, graph::Direction direction,
                      std::optional<unsigned> depth) {
    std::vector<bool> seen(graph.data().segments.size(), false);
    std::deque<Hop> queue;
    for (const Index s : starts) {
        seen[s] = true;
        queue.push_back({s, 0});
    }
    std::vector<Hop> reached;
    while (!queue.empty()) {
        const Hop current = queue.front();
        queue.pop_front();
        if (depth && current.distance >= *depth) continue;
        const auto next = direction == graph::Direction::upstream ? graph.inputs_of(current.segment)
                                                                  : graph.outputs_of(current.segment);
        for (const Index s : next) {
            if (seen[s]) continue;
            seen[s] = true;
            reached.push_back({s, current.distance + 1});
            queue.push_back({s, current.distance + 1});
        }
    }
    const auto& data = graph.data();
    std::sort(reached.begin(), reached.end(), [&](const Hop& a, const Hop& b) {
        if (a.distance != b.distance) return a.distance < b.distance;
        return data.segments[a.segment].id < data.segments[b.segment].id;
    });
    return reached;
}

/// The local enterprises of `segment` in `place`, ascending. For the whole region this is the
/// graph's own list (no copy, no enterprise record touched); a county or park filters it.
std::span<const Index> local_in(const graph::RegionGraph& graph, const detail::Place& place, Index segment,
                                std::vector<Index>& scratch) {
    const auto list = graph.local_members(segment);
    if (place.county == kNoIndex && place.park == kNoIndex) return list;
    const auto& data = graph.data();
    scratch.clear();
    for (const Index e : list) {
        if (place.contains(data.enterprises[e])) scratch.push_back(e);
    }
    return scratch;
}

TracedSegment describe(const model::Dataset& data, Index s, unsigned distance, std::size_t locals) {
    const auto& segment = data.segments[s];
    TracedSegment out;
    out.id = str(segment.id);
    out.name = str(segment.name);
    out.name_en = str(segment.name_en);
    out.chain = str(data.chains[segment.chain].id);
    out.distance = distance;
    out.local_enterprises = locals;
    return out;
}

/// Adds the local enterprises of `hops` under `direction`, each once at its nearest segment; only
/// the first `limit` (nearest, then id) are spelled out, all are counted.
std::size_t add_enterprises(const graph::RegionGraph& graph, const detail::Place& place, const std::vector<Hop>& hops,
                            const char* direction, Index self, std::size_t limit,
                            std::vector<TracedSegment>& segments, std::vector<TracedEnterprise>& enterprises) {
    const auto& data = graph.data();
    struct Found {
        Index enterprise;
        unsigned distance;
        std::size_t segment;  // position in `segments`
    };
    std::vector<Found> found;
    std::vector<bool> listed(data.enterprises.size(), false);
    std::size_t total = 0;
    // Hops come nearest first: once `limit` enterprises are found, farther ones are only counted.
    std::optional<unsigned> cutoff;
    std::vector<Index> scratch;
    for (const Hop& hop : hops) {
        const auto locals = local_in(graph, place, hop.segment, scratch);
        segments.push_back(describe(data, hop.segment, hop.distance, locals.size()));
        for (const Index e : locals) {
            if (listed[e] || e == self) continue;
            listed[e] = true;
            ++total;
            if (!cutoff || hop.distance <= *cutoff) found.push_back({e, hop.distance, segments.size() - 1});
        }
        if (!cutoff && found.size() >= limit) cutoff = hop.distance;
    }
    // Strings are made only for the enterprises listed: a walk over a million-enterprise region
    // can reach most of it.
    const auto nearer = [&](const Found& a, const Found& b) {
        if (a.distance != b.distance) return a.distance < b.distance;
        return data.enterprises[a.enterprise].id < data.enterprises[b.enterprise].id;
    };
    const std::size_t shown = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(shown), found.end(), nearer);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& enterprise = data.enterprises[found[i].enterprise];
        TracedEnterprise entry;
        entry.id = str(enterprise.id);
        entry.name = str(enterprise.name);
        entry.name_en = str(enterprise.name_en);
        entry.county = enterprise.county == kNoIndex ? "" : str(data.counties[enterprise.county].id);
        entry.direction = direction;
        entry.distance = found[i].distance;
        entry.segment = segments[found[i].segment].id;
        enterprises.push_back(std::move(entry));
    }
    return total;
}

/// Partners of `self` through the segments adjacent to its own (`adjacent` of each) and
/// through known supplies (`known`).
std::vector<Partner> partners(const graph::RegionGraph& graph, const detail::Place& place, Index self,
                              const std::vector<Index>& own, bool upstream) {
    const auto& data = graph.data();
    std::map<Index, Partner> found;
    const auto entry = [&](Index e) -> Partner& {
        auto [it, inserted] = found.try_emplace(e);
        if (inserted) {
            const auto& enterprise = data.enterprises[e];
            it->second.id = str(enterprise.id);
            it->second.name = str(enterprise.name);
            it->second.name_en = str(enterprise.name_en);
            it->second.external = enterprise.external;
        }
        return it->second;
    };
    std::vector<Index> scratch;
    for (const Index s : own) {
        for (const Index adjacent : upstream ? graph.inputs_of(s) : graph.outputs_of(s)) {
            for (const Index e : local_in(graph, place, adjacent, scratch)) {
                if (e == self) continue;
                auto& partner = entry(e);
                partner.by_link = true;
                partner.segments.push_back(str(data.segments[adjacent].id));
            }
        }
    }
    for (const Index e : upstream ? graph.suppliers_of(self) : graph.customers_of(self)) {
        if (e != self) entry(e).by_supply = true;
    }
    std::vector<Partner> out;
    for (auto& [index, partner] : found) {
        std::sort(partner.segments.begin(), partner.segments.end());
        partner.segments.erase(std::unique(partner.segments.begin(), partner.segments.end()), partner.segments.end());
        out.push_back(std::move(partner));
    }
    std::sort(out.begin(), out.end(), [](const Partner& a, const Partner& b) { return a.id < b.id; });
    return out;
}

std::vector<TracedSegment> outside_inputs(const graph::RegionGraph& graph, const detail::Place& place,
                                          const std::vector<Index>& own) {
    std::vector<Index> inputs;
    for (const Index s : own) {
        const auto list = graph.inputs_of(s);
        inputs.insert(inputs.end(), list.begin(), list.end());
    }
    std::sort(inputs.begin(), inputs.end());
    inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
    std::vector<TracedSegment> out;
    std::vector<Index> scratch;
    for (const Index s : inputs) {
        if (std::binary_search(own.begin(), own.end(), s)) continue;
        if (local_in(graph, place, s, scratch).empty()) out.push_back(describe(graph.data(), s, 1, 0));
    }
    std::sort(out.begin(), out.end(), [](const TracedSegment& a, const TracedSegment& b) { return a.id < b.id; });
    return out;
}

}  // namespace

TraceResult trace_chain(const graph::RegionGraph& graph, const TraceOptions& options) {
    const auto& data = graph.data();
    const auto place = detail::resolve_place(data, options.county, options.park);
    TraceResult result;
    std::vector<Index> starts;
    Index self = kNoIndex;
    if (const Index s = data.find(model::Section::segment, options.id); s != kNoIndex) {
        result.kind = "segment";
        result.id = str(data.segments[s].id);
        result.name = str(data.segments[s].name);
        result.name_en = str(data.segments[s].name_en);
        starts.push_back(s);
    } else if (const Index e = data.find(model::Section::enterprise, options.id); e != kNoIndex) {
        result.kind = "enterprise";
        result.id = str(data.enterprises[e].id);
        result.name = str(data.enterprises[e].name);
        result.name_en = str(data.enterprises[e].name_en);
        starts = graph.segments_of(e);
        self = e;
    } else {
        throw NotFoundError("no segment or enterprise with id '" + options.id +
                            "' (see `chainatlas chains` for segment ids)");
    }

    std::vector<Hop> start_hops;
    for (const Index s : starts) start_hops.push_back({s, 0});
    std::sort(start_hops.begin(), start_hops.end(),
              [&](const Hop& a, const Hop& b) { return data.segments[a.segment].id < data.segments[b.segment].id; });
    const std::size_t limit = options.max_enterprises == 0 ? data.enterprises.size() : options.max_enterprises;
    result.enterprise_totals.self =
        add_enterprises(graph, place, start_hops, "self", self, limit, result.segments, result.enterprises);
    if (options.upstream) {
        result.enterprise_totals.upstream =
            add_enterprises(graph, place, walk(graph, starts, graph::Direction::upstream, options.depth), "upstream",
                            self, limit, result.upstream, result.enterprises);
    }
    if (options.downstream) {
        result.enterprise_totals.downstream =
            add_enterprises(graph, place, walk(graph, starts, graph::Direction::downstream, options.depth),
                            "downstream", self, limit, result.downstream, result.enterprises);
    }
    if (self != kNoIndex) {
        if (options.upstream) {
            result.suppliers = partners(graph, place, self, starts, true);
            result.outside_inputs = outside_inputs(graph, place, starts);
        }
        if (options.downstream) result.customers = partners(graph, place, self, starts, false);
    }
    return result;
}

}  // namespace chainatlas::analysis
