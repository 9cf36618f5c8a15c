#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "chainatlas/graph/region_graph.hpp"

/// `trace`: what lies upstream and downstream of a segment or an enterprise.
namespace chainatlas::analysis {

/// What to trace and how far. `id` is a segment or an enterprise id. With a county or park, only
/// local enterprises located there are listed and count as holding a segment.
struct TraceOptions {
    std::string id;
    bool upstream = true;
    bool downstream = true;
    std::optional<unsigned> depth;  ///< links to walk at most; none for unlimited
    std::string county;
    std::string park;
    /// Enterprises listed per direction at most (nearest first); 0 for all. All are counted.
    std::size_t max_enterprises = 0;
};

/// A segment reached by the walk.
struct TracedSegment {
    std::string id, name, name_en, chain;  ///< `chain` is the chain id
    unsigned distance = 0;                 ///< links walked (0 for the traced segments themselves)
    std::size_t local_enterprises = 0;
};

/// A local enterprise working in a traced segment.
struct TracedEnterprise {
    std::string id, name, name_en, county;  ///< `county` is the county id
    std::string direction;                  ///< `self` (in a traced segment), `upstream` or `downstream`
    unsigned distance = 0;                  ///< of the nearest segment through which it was reached
    std::string segment;                    ///< that segment's id
};

/// A supplier or customer of a traced enterprise.
struct Partner {
    std::string id, name, name_en;
    bool external = false;             ///< only possible for partners known from `supplies`
    bool by_link = false;              ///< works in an input (output) segment of the enterprise's segments
    bool by_supply = false;            ///< a known `supplies` record names it
    std::vector<std::string> segments; ///< for `by_link`: the adjacent segments it works in, ascending
};

/// The result. For a segment, `segments` holds it alone; for an enterprise, its segments.
struct TraceResult {
    std::string kind;  ///< `segment` or `enterprise`
    std::string id, name, name_en;
    std::vector<TracedSegment> segments;    ///< distance 0, ascending id
    std::vector<TracedSegment> upstream;    ///< nearest first, then id
    std::vector<TracedSegment> downstream;  ///< nearest first, then id
    /// Local enterprises of the traced, upstream and downstream segments: each once per
    /// direction at its shortest distance; sorted by direction (self, upstream, downstream),
    /// distance, id. The traced enterprise itself is left out. At most `max_enterprises` per
    /// direction.
    std::vector<TracedEnterprise> enterprises;
    /// How many local enterprises each direction holds, listed or not.
    struct Totals {
        std::size_t self = 0, upstream = 0, downstream = 0;
    } enterprise_totals;
    std::vector<Partner> suppliers;  ///< enterprise trace only; ascending id
    std::vector<Partner> customers;  ///< enterprise trace only; ascending id
    /// Enterprise trace only: direct input segments of its segments (not its own) that no local
    /// enterprise holds, so it must buy them outside the region. Distance 1, ascending id.
    std::vector<TracedSegment> outside_inputs;
};

/// Walks links and cross links from the segment (or from every segment of the enterprise), each
/// segment reported once with its shortest distance; cycles are safe. Throws NotFoundError when
/// `id` is neither a segment nor an enterprise, or for an unknown county or park.
TraceResult trace_chain(const graph::RegionGraph& graph, const TraceOptions& options);

}  // namespace chainatlas::analysis
