#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/util/progress.hpp"

/// Industrial clusters (产业集群): where a chain concentrates (counties, parks or supply
/// communities), and the structure of the supply network between enterprises and of the graph of
/// segments one level up. Definitions and JSON keys: docs/COUNTIES.md, section "clusters".
namespace chainatlas::analysis {

/// What the places of the geographic part are.
enum class ClusterBy : std::uint8_t {
    county,     ///< counties (县区)
    park,       ///< parks (园区); enterprises outside any park are left out
    community,  ///< the supply communities found in the enterprise network (`community-1`, …)
};

struct ClusterOptions {
    std::string chain;  ///< only this chain (places and networks); empty for every chain
    ClusterBy by = ClusterBy::county;
    std::size_t member_limit = 10;    ///< components up to this size list their members
    std::size_t top_components = 20;  ///< components listed (largest first); 0 keeps all
    bool communities =
        true;  ///< false skips community detection (and `--by community` finds no place)
    /// Shows the steps (supply network, segment graph, places: kClusterSteps) when not null.
    util::Progress* progress = nullptr;
};

/// Steps `find_clusters` counts on `ClusterOptions::progress`.
inline constexpr std::size_t kClusterSteps = 3;

/// A place's part of one chain.
struct ClusterPlace {
    std::string place, name, name_en;  ///< county id, park id or `community-N`
    std::string chain;
    std::size_t enterprises = 0;    ///< local enterprises of the chain located in the place
    double output = 0.0;            ///< their output, 亿元 (0 when unknown)
    double enterprise_share = 0.0;  ///< enterprises / local enterprises of the chain
    double output_share = 0.0;      ///< output / output of the chain; 0 when unknown
    double lq = 0.0;                ///< location quotient on the result's basis; 0 when undefined
    std::vector<std::string> leaders;  ///< chain leaders (链主) of the chain located here, by id
    std::size_t segments = 0;  ///< segments of the chain where the place has a local enterprise
    std::size_t chain_segments = 0;  ///< all segments of the chain
    std::size_t internal_links =
        0;  ///< known supplies touching the place's chain enterprises, other end in the place
    std::size_t external_links =
        0;  ///< the same with the other end outside the place (or external)
};

/// A connected component of a network; members sorted by id, listed only when the component has
/// at most `ClusterOptions::member_limit` of them.
struct NetworkComponent {
    std::size_t size = 0;
    std::size_t edges = 0;
    std::string first;                 ///< smallest member id
    std::vector<std::string> members;  ///< empty for large components
};

/// A vertex whose removal splits its component.
struct NetworkArticulationPoint {
    std::string id;          ///< enterprise or segment id
    std::size_t degree = 0;  ///< neighbours in the network
    std::size_t splits =
        0;  ///< biconnected components (blocks) it belongs to: removal leaves splits parts
};

/// A community found by modularity (Leiden with the modularity objective, igraph_community_leiden).
struct NetworkCommunity {
    std::string id;                    ///< `community-N`, N from 1, largest first
    std::vector<std::string> members;  ///< all members, by id
    double weight = 0.0;               ///< sum of edge weights inside the community
};

/// Structure of one undirected network. Vertices are those with at least one edge.
struct NetworkStructure {
    std::size_t vertices = 0;
    std::size_t edges = 0;
    std::size_t component_count = 0;
    std::vector<NetworkComponent>
        components;  ///< largest first, then by first member; at most top_components
    std::vector<NetworkArticulationPoint> articulation_points;  ///< by id
    std::vector<NetworkCommunity> communities;           ///< largest first, then by first member
    double modularity = 0.0;  ///< of `communities`, with the network's weights; 0 without edges
};

/// Everything `clusters` computes.
struct ClusterResult {
    std::string chain;  ///< the chain asked for, or empty
    std::string by;     ///< `county`, `park` or `community`
    std::string basis;  ///< `output` when any local enterprise of the scope has a known output,
                        ///< else `count`
    bool communities = true;  ///< false when community detection was left out (both levels)
    std::vector<ClusterPlace>
        places;  ///< by chain (dataset order), then enterprises (most first), then place id
    NetworkStructure network;        ///< local enterprises joined by known supplies, unit weights
    NetworkStructure segment_level;  ///< segments joined by chain links and cross links, weighted
};

/// Finds the clusters of `options.chain` (or of every chain). Throws NotFoundError for an unknown
/// chain id. Results are reproducible: vertices are taken in id order and igraph's random number
/// generator is seeded with 42.
ClusterResult find_clusters(const graph::RegionGraph& graph, const ClusterOptions& options);

/// `county`, `park` or `community`.
std::string to_string(ClusterBy by);

}  // namespace chainatlas::analysis
