#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chainatlas/analysis/gaps.hpp"
#include "chainatlas/model/dataset.hpp"

/// `whatif`: what changes in the chains' coverage and the gap ranking when enterprises leave the
/// region or new enterprises and projects arrive.
namespace chainatlas::analysis {

/// The dataset without the enterprises `ids` (their supplies and chain-leader roles go too;
/// projects they run keep their place but lose the enterprise). Throws NotFoundError naming an
/// unknown id.
model::Dataset remove_enterprises(const model::Dataset& data, const std::vector<std::string>& ids);

/// A segment whose status or number of local enterprises changed.
struct SegmentChange {
    std::string chain, segment, name, name_en;
    GapStatus before = GapStatus::missing;
    GapStatus after = GapStatus::missing;
    std::size_t local_before = 0;
    std::size_t local_after = 0;
    /// `opens` (it becomes missing), `closes` (it was missing and no longer is), `weakens`,
    /// `strengthens`, or `changes` (fewer/more enterprises, same kind of status).
    std::string effect;
};

struct ChainChange {
    std::string id, name, name_en;
    double coverage_before = 0.0;
    double coverage_after = 0.0;
    std::size_t missing_before = 0, missing_after = 0;
    std::size_t weak_before = 0, weak_after = 0;
};

/// A segment whose place in the action ranking moved (rank 0: not ranked).
struct RankChange {
    std::string chain, segment;
    std::size_t rank_before = 0;
    std::size_t rank_after = 0;
    double score_before = 0.0;
    double score_after = 0.0;
};

struct WhatIfResult {
    std::vector<std::string> removed;         ///< enterprise ids, as given
    std::vector<SegmentChange> segments;      ///< by chain (dataset order), then level order
    std::vector<ChainChange> chains;          ///< every chain looked at, dataset order
    std::vector<RankChange> ranking;          ///< moved entries, by rank after (unranked last), then segment
    std::size_t gaps_opened = 0;
    std::size_t gaps_closed = 0;
};

/// Compares two gap analyses of the same chains (before → after a scenario).
WhatIfResult compare_gap_results(const GapResult& before, const GapResult& after);

}  // namespace chainatlas::analysis
