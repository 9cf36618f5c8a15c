#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "chainatlas/graph/region_graph.hpp"

/// `critical`: single points of failure among the region's enterprises.
namespace chainatlas::analysis {

struct CriticalOptions {
    std::string chain;   ///< only segments of this chain; empty for all
    std::string county;  ///< only enterprises located here count as local
    std::string park;
    std::size_t top = 20;  ///< how many enterprises to list by removal impact
};

struct EnterpriseRef {
    std::string id, name, name_en;
};

/// A segment held by exactly one local enterprise.
struct WeakSegment {
    std::string chain, id, name, name_en;
    EnterpriseRef holder;
    std::size_t dependents = 0;  ///< local enterprises in its output segments (other than the holder)
};

/// What the region loses if one local enterprise goes.
struct RemovalImpact {
    EnterpriseRef enterprise;
    std::vector<std::string> gaps_opened;  ///< segment ids it alone holds, ascending
    /// Local enterprises working in an output segment of those segments: they lose their only
    /// local source of that input. Ascending id.
    std::vector<std::string> segment_dependents;
    /// Local customers whose only local supplier in `supplies` is this enterprise. Ascending id.
    std::vector<std::string> orphaned_customers;
};

/// An articulation point of the undirected enterprise supply graph: removing it splits the
/// supply network.
struct ArticulationPoint {
    EnterpriseRef enterprise;
    bool external = false;
    std::size_t partners = 0;  ///< distinct enterprises it supplies or buys from
    std::size_t blocks = 0;    ///< biconnected components it belongs to (2 or more)
};

struct CriticalResult {
    std::string chain, county, park;
    std::vector<WeakSegment> weak_segments;  ///< dataset order of chains, then segment id
    /// Enterprises whose removal opens a gap or orphans a customer (with a chain filter: opens a
    /// gap in the chain, or works in it and orphans a customer): most gaps first, then most
    /// segment dependents, then most orphaned customers, then id; at most `top`.
    std::vector<RemovalImpact> removals;
    /// Over the whole region's supply network, whatever the filters: most blocks, most
    /// partners, then id.
    std::vector<ArticulationPoint> articulation_points;
};

/// Throws NotFoundError for an unknown chain, county or park.
CriticalResult find_critical(const graph::RegionGraph& graph, const CriticalOptions& options);

/// `find_critical` for each of `chains` in turn (as if `options.chain` were each; an empty id
/// for all chains), in that order, without the articulation points (region-wide, the same for
/// every chain: see find_articulation_points). What does not depend on the chain is worked out
/// once, so a report on 50 chains costs little more than one. Throws NotFoundError for an
/// unknown chain, county or park.
std::vector<CriticalResult> find_critical_per_chain(const graph::RegionGraph& graph,
                                                    const CriticalOptions& options,
                                                    const std::vector<std::string>& chains);

/// The articulation points of `find_critical`: cut vertices of the undirected supply network of
/// the whole region (all supplies, external enterprises included). Most blocks, most partners,
/// then id.
std::vector<ArticulationPoint> find_articulation_points(const graph::RegionGraph& graph);

}  // namespace chainatlas::analysis
