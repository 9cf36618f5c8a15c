#include "chainatlas/analysis/targets.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "chain_metrics_impl.hpp"

namespace chainatlas::analysis {

using detail::str;
using model::Index;
using model::kNoIndex;

namespace {

/// Weights of the candidate factors (docs/ANALYSIS.md).
constexpr double kBreadthWeight = 1.0;
constexpr double kOutputWeight = 0.5;
constexpr double kTagWeight = 0.5;

/// External enterprises of each segment, ascending; one pass over the enterprises.
std::vector<std::vector<Index>> externals_by_segment(const model::Dataset& data) {
    std::vector<std::vector<Index>> out(data.segments.size());
    for (Index e = 0; e < data.enterprises.size(); ++e) {
        const auto& enterprise = data.enterprises[e];
        if (!enterprise.external) continue;
        for (const Index s : data.segments_of(enterprise)) {
            if (out[s].empty() || out[s].back() != e) out[s].push_back(e);
        }
    }
    return out;
}

std::size_t known_tag_count(const model::Enterprise& e) {
    std::size_t count = 0;
    for (const auto tag : model::kAllTags) count += e.has(tag) ? 1 : 0;
    return count;
}

Candidate describe_candidate(const model::Dataset& data, Index e, const std::vector<bool>& ranked) {
    const auto& enterprise = data.enterprises[e];
    Candidate c;
    c.id = str(enterprise.id);
    c.name = str(enterprise.name);
    c.name_en = str(enterprise.name_en);
    c.location = str(enterprise.location);
    std::vector<Index> segments(data.segments_of(enterprise).begin(), data.segments_of(enterprise).end());
    std::sort(segments.begin(), segments.end());
    segments.erase(std::unique(segments.begin(), segments.end()), segments.end());
    const auto breadth = static_cast<double>(std::count_if(segments.begin(), segments.end(), [&](Index s) { return ranked[s]; }));
    const double output = std::log2(1.0 + enterprise.output);
    const auto tags = static_cast<double>(known_tag_count(enterprise));
    c.factors = {{"breadth", breadth, kBreadthWeight, breadth * kBreadthWeight},
                 {"output", output, kOutputWeight, output * kOutputWeight},
                 {"tags", tags, kTagWeight, tags * kTagWeight}};
    for (const auto& f : c.factors) c.score += f.contribution;
    return c;
}

/// The county or park (by `key`) holding most of the segment's local suppliers and customers.
template <typename Key, typename Describe>
std::optional<PlaceCount> best_place(const model::Dataset& data, const std::vector<Index>& suppliers,
                                     const std::vector<Index>& customers, Key key, Describe describe) {
    std::map<Index, std::pair<std::size_t, std::size_t>> counts;
    for (const Index e : suppliers) {
        if (const Index k = key(data.enterprises[e]); k != kNoIndex) ++counts[k].first;
    }
    for (const Index e : customers) {
        if (const Index k = key(data.enterprises[e]); k != kNoIndex) ++counts[k].second;
    }
    std::optional<PlaceCount> best;
    for (const auto& [k, count] : counts) {
        PlaceCount candidate = describe(k);
        candidate.suppliers = count.first;
        candidate.customers = count.second;
        if (!best) {
            best = candidate;
            continue;
        }
        const std::size_t total = candidate.suppliers + candidate.customers;
        const std::size_t best_total = best->suppliers + best->customers;
        if (total > best_total || (total == best_total && (candidate.suppliers > best->suppliers ||
                                                           (candidate.suppliers == best->suppliers && candidate.id < best->id)))) {
            best = candidate;
        }
    }
    return best;
}

template <typename Record>
PlaceCount place_of(const Record& record) {
    PlaceCount out;
    out.id = str(record.id);
    out.name = str(record.name);
    out.name_en = str(record.name_en);
    return out;
}

std::vector<ProjectRef> projects_in(const model::Dataset& data, const detail::Place& place, Index segment,
                                    const std::vector<std::vector<Index>>& projects_of) {
    std::vector<ProjectRef> out;
    for (const Index p : projects_of[segment]) {
        const auto& project = data.projects[p];
        if (!place.contains(project)) continue;
        out.push_back({str(project.id), str(project.name), str(project.name_en), str(model::to_string(project.status))});
    }
    std::sort(out.begin(), out.end(), [](const ProjectRef& a, const ProjectRef& b) { return a.id < b.id; });
    return out;
}

}  // namespace

TargetResult find_targets(const graph::RegionGraph& graph, const TargetOptions& options) {
    const auto& data = graph.data();
    const auto gaps = find_gaps(graph, options.gaps);
    const auto place = detail::resolve_place(data, options.gaps.county, options.gaps.park);
    const auto facts = detail::collect_segment_facts(data, place);
    const auto externals = externals_by_segment(data);
    std::vector<std::vector<Index>> projects_of(data.segments.size());
    for (Index p = 0; p < data.projects.size(); ++p) {
        for (const Index s : data.projects[p].segments) projects_of[s].push_back(p);
    }
    std::vector<bool> ranked(data.segments.size(), false);
    for (const auto& r : gaps.ranking) ranked[data.find(model::Section::segment, r.segment)] = true;

    TargetResult result;
    result.county = options.gaps.county;
    result.park = options.gaps.park;
    for (const auto& r : gaps.ranking) {
        const Index s = data.find(model::Section::segment, r.segment);
        if (options.with_candidates_only && externals[s].empty()) continue;
        if (options.top > 0 && r.rank > options.top) break;
        Target target;
        target.rank = r.rank;
        target.chain = r.chain;
        target.segment = r.segment;
        target.name = r.name;
        target.name_en = r.name_en;
        target.status = r.status;
        target.action = r.action;
        target.score = r.score;
        for (const Index e : externals[s]) target.candidates.push_back(describe_candidate(data, e, ranked));
        std::sort(target.candidates.begin(), target.candidates.end(), [](const Candidate& a, const Candidate& b) {
            return a.score != b.score ? a.score > b.score : a.id < b.id;
        });
        const auto suppliers = detail::locals_of(facts, facts.inputs[s], facts.locals(s));
        const auto customers = detail::locals_of(facts, facts.outputs[s], facts.locals(s));
        target.county = best_place(data, suppliers, customers, [](const model::Enterprise& e) { return e.county; },
                                   [&](Index c) { return place_of(data.counties[c]); });
        target.park = best_place(data, suppliers, customers, [](const model::Enterprise& e) { return e.park; },
                                 [&](Index p) { return place_of(data.parks[p]); });
        target.projects = projects_in(data, place, s, projects_of);
        result.targets.push_back(std::move(target));
    }
    return result;
}

}  // namespace chainatlas::analysis
