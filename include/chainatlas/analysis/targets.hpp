#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "chainatlas/analysis/gaps.hpp"

/// `targets`: the recruitment list (招商清单) built on the ranking of `gaps`.
namespace chainatlas::analysis {

struct TargetOptions {
    GapOptions gaps;                  ///< chain, county, park, weights: as for `gaps`
    std::size_t top = 0;              ///< only the first `top` ranked actions; 0 for all
    bool with_candidates_only = false;  ///< leave out actions with no external candidate
};

/// An external enterprise that could be recruited into a segment.
struct Candidate {
    std::string id, name, name_en, location;
    double score = 0.0;           ///< sum of the factors
    std::vector<Factor> factors;  ///< `breadth`, `output`, `tags` (docs/ANALYSIS.md)
};

/// Local enterprises adjacent to the segment in one county or park.
struct PlaceCount {
    std::string id, name, name_en;  ///< county or park
    std::size_t suppliers = 0;      ///< local enterprises there in the segment's input segments
    std::size_t customers = 0;      ///< local enterprises there in its output segments
};

struct ProjectRef {
    std::string id, name, name_en, status;  ///< status as spelled in data
};

/// One ranked action and whom to recruit for it.
struct Target {
    std::size_t rank = 0;  ///< the rank in `gaps`
    std::string chain, segment, name, name_en;
    GapStatus status = GapStatus::missing;
    ActionKind action = ActionKind::create;
    double score = 0.0;                   ///< the gap's score
    std::vector<Candidate> candidates;    ///< score descending, then id
    std::optional<PlaceCount> county;     ///< the suggested county; none when no neighbour is local
    std::optional<PlaceCount> park;       ///< the suggested park; none when no neighbour is in a park
    std::vector<ProjectRef> projects;     ///< every project targeting the segment in the place, by id
};

struct TargetResult {
    std::string county, park;
    std::vector<Target> targets;  ///< in rank order
};

/// For each ranked action of `find_gaps`: the external candidates in the segment, ranked; the
/// county and the park holding most of the segment's local suppliers and customers (ties: more
/// suppliers, then id); the projects already aimed at it. Throws like find_gaps.
TargetResult find_targets(const graph::RegionGraph& graph, const TargetOptions& options);

}  // namespace chainatlas::analysis
