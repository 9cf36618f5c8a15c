#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "chainatlas/graph/region_graph.hpp"

/// Counts that describe a region at a glance (`stats`) and the catalogue of its chains (`chains`).
namespace chainatlas::analysis {

struct KindCount {
    std::string kind;  ///< `chains`, `segments`, `counties`, ... as in the JSON keys
    std::size_t count = 0;
};

struct ChainStats {
    std::string id, name, name_en;
    std::string confidence;              ///< `confirmed`, `inferred` or `unknown`
    std::size_t segments = 0;
    std::size_t covered_segments = 0;    ///< segments with at least one local enterprise
    std::size_t local_enterprises = 0;   ///< distinct local enterprises in any of its segments
    std::size_t external_enterprises = 0;
    double output = 0.0;                 ///< 亿元, of its distinct local enterprises
    std::size_t projects = 0;            ///< projects in any of its segments
    std::size_t counties = 0;            ///< counties holding at least one of its local enterprises
};

struct CountyStats {
    std::string id, name, name_en, kind;
    std::size_t enterprises = 0;
    double output = 0.0;
    std::size_t parks = 0;
    std::size_t chains = 0;    ///< chains with at least one enterprise here
    std::size_t projects = 0;
    double investment = 0.0;   ///< 亿元, of its projects
};

/// `stats`: counts by kind (in a fixed order), by chain (in dataset order) and by county (in
/// dataset order).
struct StatsResult {
    std::vector<KindCount> totals;
    std::vector<ChainStats> chains;
    std::vector<CountyStats> counties;
};
StatsResult compute_stats(const graph::RegionGraph& graph);

struct SegmentEntry {
    std::string id, name, name_en;
    std::string tier;  ///< as given, or derived from the links (see graph::effective_tiers)
    bool tier_derived = false;
    unsigned level = 0;  ///< position from upstream (graph::segment_levels)
    std::size_t local_enterprises = 0;
    std::size_t external_enterprises = 0;
    std::vector<std::string> inputs;   ///< ids of the segments feeding it (links and cross links)
    std::vector<std::string> outputs;
};

struct ChainEntry {
    std::string id, name, name_en, confidence;
    std::vector<std::string> leaders;  ///< enterprise ids
    std::vector<SegmentEntry> segments;  ///< by level, then in dataset order
    std::string source, note;
};

/// `chains`: every chain (or only `chain_id` when not empty) and its segments from upstream to
/// downstream. Throws NotFoundError for an unknown `chain_id`.
struct ChainListResult {
    std::vector<ChainEntry> chains;
};
ChainListResult list_chains(const graph::RegionGraph& graph, const std::string& chain_id = "");

/// A record named by its id, its fields and its neighbours in the graph (`show`).
struct RecordRef {
    std::string kind, id, name;
};
struct NeighbourGroup {
    std::string relation;  ///< e.g. `segments`, `suppliers`, `inputs`
    std::vector<RecordRef> records;
};
struct ShowResult {
    RecordRef record;
    std::vector<std::pair<std::string, std::string>> fields;  ///< in the order of DATA-FORMAT.md
    std::vector<NeighbourGroup> neighbours;
};
/// Finds `id` in any section (a segment, chain, county, park, enterprise or project). Throws
/// NotFoundError naming the closest ids when there is no such record.
ShowResult show_record(const graph::RegionGraph& graph, const std::string& id);

}  // namespace chainatlas::analysis
