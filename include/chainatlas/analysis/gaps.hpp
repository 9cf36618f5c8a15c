#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chainatlas/graph/region_graph.hpp"

/// `gaps`: every segment's local coverage, the gaps and weak links ranked for action with the
/// factors behind each score, the action's class in the chain offices' words, local supply
/// ratios (本地配套率) and a sensitivity check of the ranking. Definitions and weights: docs/ANALYSIS.md.
namespace chainatlas::analysis {

/// How well the region (or the chosen county or park) holds a segment.
enum class GapStatus : std::uint8_t {
    missing,  ///< `missing` (缺链): no local enterprise
    weak,     ///< `weak` (弱链): exactly one local enterprise, a single point of failure
    filling,  ///< `filling`: missing or weak, but a `signed` or `building` project targets it
    covered,  ///< `covered`: two or more local enterprises
};
/// `missing`, `weak`, `filling`, `covered`: the spelling in JSON.
std::string_view to_string(GapStatus status);

/// What the chain offices would do about a segment (补链 / 强链 / 延链).
enum class ActionKind : std::uint8_t {
    create,      ///< 无链生有: a missing segment with nothing held up- or downstream of it in its chain
    connect,     ///< 断链连通: a missing segment with held segments both up- and downstream
    strengthen,  ///< 弱链变强: a segment held by exactly one local enterprise
    thicken,     ///< 细链增粗: a covered segment held by exactly two local enterprises (thin)
    extend,      ///< 短链延长: a missing segment beyond the region's current end of its chain
};
/// `create`, `connect`, `strengthen`, `thicken`, `extend`: the key in JSON.
std::string_view to_string(ActionKind kind);
/// The Chinese name (无链生有, ...).
std::string_view chinese_name(ActionKind kind);
/// The English name (`create a missing link`, ...).
std::string_view english_name(ActionKind kind);
/// The rule that assigns the class, as printed to planners.
std::string_view rule_text(ActionKind kind);

/// One named term of a score: `contribution = value * weight`.
struct Factor {
    std::string name;  ///< `severity`, `demand_pull`, `demand_output`, `supply_push`, `structure`, `leader_pull`, `tier`
    double value = 0.0;
    double weight = 0.0;
    double contribution = 0.0;
};

/// The weights of the score factors (docs/ANALYSIS.md explains each).
struct GapWeights {
    double severity = 3.0;
    double demand_pull = 1.0;
    double demand_output = 0.5;
    double supply_push = 0.5;
    double structure = 2.0;
    double leader_pull = 1.0;
    double tier = 0.5;
};

/// Which chains and which place `find_gaps` looks at. Ids; empty means all chains / the whole
/// region. With a county or park, only local enterprises located there count, and only projects
/// located there make a segment `filling`.
struct GapOptions {
    std::string chain;
    std::string county;
    std::string park;
    GapWeights weights;
    std::size_t sensitivity_top = 10;  ///< how many top-ranked actions the sensitivity check follows
};

/// One segment of a chain as the region holds it.
struct SegmentGap {
    std::string id, name, name_en, chain;  ///< `chain` is the chain id
    std::string tier;                      ///< effective tier (graph::effective_tiers)
    unsigned level = 0;                    ///< position from upstream (graph::segment_levels)
    GapStatus status = GapStatus::missing;
    std::size_t local_enterprises = 0;     ///< local enterprises in the place that work in it
    std::size_t external_enterprises = 0;  ///< recruitment candidates in it
    double output = 0.0;                   ///< 亿元, sum over its local enterprises
    std::vector<std::string> holders;      ///< ids of the local enterprises when there are at most two
    std::vector<std::string> projects;     ///< ids of the signed/building projects filling it
    std::size_t inputs = 0;                ///< input segments (links and cross links)
    std::size_t local_inputs = 0;          ///< of those, held by at least one local enterprise
    std::optional<double> local_supply_ratio;  ///< 本地配套率 = local_inputs / inputs; none without inputs
    /// Set for segments that need action (missing, weak, filling, or covered by exactly two).
    std::optional<ActionKind> action;
    double score = 0.0;                    ///< sum of the factors' contributions; 0 without action
    std::vector<Factor> factors;           ///< in the order of GapWeights; empty without action
    std::size_t rank = 0;                  ///< 1-based place in GapResult::ranking; 0 when not ranked
};

/// A chain leader's (链主) local supply ratio: of the input segments of the segments it works in
/// (other than those segments themselves), how many the place holds.
struct LeaderSupply {
    std::string id, name, name_en;
    std::size_t inputs = 0;
    std::size_t local_inputs = 0;
    std::optional<double> local_supply_ratio;  ///< none when its segments have no inputs
    std::vector<std::string> missing_inputs;   ///< segment ids, not held locally, ascending
};

/// One chain's coverage. `coverage` = segments with at least one local enterprise (covered,
/// weak, and filling with one enterprise) / all segments.
struct ChainGaps {
    std::string id, name, name_en;
    std::size_t segments = 0;
    std::size_t covered = 0, weak = 0, filling = 0, missing = 0;  ///< by status
    std::size_t held = 0;  ///< segments with at least one local enterprise
    double coverage = 0.0;
    std::vector<SegmentGap> segment_gaps;  ///< by level, then in dataset order
    std::vector<LeaderSupply> leaders;     ///< in the order the chain lists them
};

/// One action in the ranking.
struct RankedAction {
    std::size_t rank = 0;
    std::string chain, segment, name, name_en;
    GapStatus status = GapStatus::missing;
    ActionKind action = ActionKind::create;
    double score = 0.0;
};

/// How one of the top-ranked actions fares when each weight in turn moves by ±25%.
struct SensitivityEntry {
    std::string segment;
    std::size_t rank = 0;      ///< with the weights as given
    std::size_t min_rank = 0;  ///< best rank over the 14 varied weightings
    std::size_t max_rank = 0;  ///< worst rank over them
    bool stable = false;       ///< rank unchanged under every variation
};

struct GapResult {
    std::string county, park;  ///< the place filter, ids; empty for the whole region
    GapWeights weights;
    std::vector<ChainGaps> chains;            ///< in dataset order
    std::vector<RankedAction> ranking;        ///< score descending, then segment id ascending
    std::vector<SensitivityEntry> sensitivity;  ///< the first `sensitivity_top` of the ranking
};

/// Computes the coverage of every segment of the chosen chains in the chosen place, ranks the
/// segments needing action and checks the ranking's sensitivity to the weights. Throws
/// NotFoundError for an unknown chain, county or park id.
GapResult find_gaps(const graph::RegionGraph& graph, const GapOptions& options);

}  // namespace chainatlas::analysis
