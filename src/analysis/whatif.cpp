#include "chainatlas/analysis/whatif.hpp"

#include <algorithm>
#include <map>

#include "chainatlas/error.hpp"

namespace chainatlas::analysis {

namespace {

using model::Index;
using model::kNoIndex;

std::string effect_of(GapStatus before, GapStatus after, std::size_t local_before, std::size_t local_after) {
    if (local_before > 0 && local_after == 0) return "opens";
    if (local_before == 0 && local_after > 0) return "closes";
    if (before == GapStatus::covered && after != GapStatus::covered) return "weakens";
    if (before != GapStatus::covered && after == GapStatus::covered) return "strengthens";
    return "changes";
}

}  // namespace

model::Dataset remove_enterprises(const model::Dataset& data, const std::vector<std::string>& ids) {
    std::vector<bool> removed(data.enterprises.size(), false);
    for (const auto& id : ids) {
        const Index e = data.find(model::Section::enterprise, id);
        if (e == kNoIndex) throw NotFoundError("unknown enterprise '" + id + "' (see `chainatlas show` for ids)");
        removed[e] = true;
    }
    // Renumber the enterprises that stay, and every reference to them.
    std::vector<Index> renumber(data.enterprises.size(), kNoIndex);
    model::Dataset out = data;
    out.enterprises.clear();
    for (Index e = 0; e < data.enterprises.size(); ++e) {
        if (removed[e]) continue;
        renumber[e] = static_cast<Index>(out.enterprises.size());
        out.enterprises.push_back(data.enterprises[e]);
    }
    out.supplies.clear();
    for (auto supply : data.supplies) {
        if (removed[supply.from] || removed[supply.to]) continue;
        supply.from = renumber[supply.from];
        supply.to = renumber[supply.to];
        out.supplies.push_back(supply);
    }
    for (auto& chain : out.chains) {
        std::vector<Index> leaders;
        for (const Index e : chain.leaders) {
            if (!removed[e]) leaders.push_back(renumber[e]);
        }
        chain.leaders = std::move(leaders);
    }
    for (auto& project : out.projects) {
        if (project.enterprise != kNoIndex) project.enterprise = renumber[project.enterprise];
    }
    out.rebuild_lookup();
    return out;
}

WhatIfResult compare_gap_results(const GapResult& before, const GapResult& after) {
    WhatIfResult result;
    std::map<std::string, const SegmentGap*> after_segments;
    for (const auto& chain : after.chains) {
        for (const auto& s : chain.segment_gaps) after_segments.emplace(s.id, &s);
    }
    for (const auto& chain : before.chains) {
        const auto found = std::find_if(after.chains.begin(), after.chains.end(),
                                        [&](const ChainGaps& c) { return c.id == chain.id; });
        if (found == after.chains.end()) continue;
        result.chains.push_back({chain.id, chain.name, chain.name_en, chain.coverage, found->coverage, chain.missing,
                                 found->missing, chain.weak, found->weak});
        for (const auto& s : chain.segment_gaps) {
            const auto other = after_segments.find(s.id);
            if (other == after_segments.end()) continue;
            const SegmentGap& a = *other->second;
            if (a.status == s.status && a.local_enterprises == s.local_enterprises) continue;
            SegmentChange change{chain.id, s.id, s.name, s.name_en, s.status, a.status, s.local_enterprises,
                                 a.local_enterprises, effect_of(s.status, a.status, s.local_enterprises,
                                                                a.local_enterprises)};
            if (change.effect == "opens") ++result.gaps_opened;
            if (change.effect == "closes") ++result.gaps_closed;
            result.segments.push_back(std::move(change));
        }
    }
    std::map<std::string, RankChange> ranks;
    for (const auto& r : before.ranking) ranks[r.segment] = {r.chain, r.segment, r.rank, 0, r.score, 0.0};
    for (const auto& r : after.ranking) {
        auto& entry = ranks[r.segment];
        entry.chain = r.chain;
        entry.segment = r.segment;
        entry.rank_after = r.rank;
        entry.score_after = r.score;
    }
    for (const auto& [segment, change] : ranks) {
        if (change.rank_before != change.rank_after || change.score_before != change.score_after) {
            result.ranking.push_back(change);
        }
    }
    std::sort(result.ranking.begin(), result.ranking.end(), [](const RankChange& a, const RankChange& b) {
        const auto key = [](const RankChange& c) { return c.rank_after == 0 ? SIZE_MAX : c.rank_after; };
        return key(a) != key(b) ? key(a) < key(b) : a.segment < b.segment;
    });
    return result;
}

}  // namespace chainatlas::analysis
