#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "chainatlas/report/html_report.hpp"
#include "html_report_impl.hpp"

namespace chainatlas::report {
namespace {

using model::Index;
using model::kNoIndex;

std::string str(std::string_view text) { return std::string(text); }

/// Known tags of an enterprise in the order they are printed.
std::vector<std::string> tags_of(const model::Enterprise& e) {
    std::vector<std::string> tags;
    for (const model::Tag tag : model::kAllTags) {
        if (e.has(tag)) tags.emplace_back(model::to_string(tag));
    }
    return tags;
}

EnterpriseEntry make_entry(const model::Dataset& data, Index index, const model::Chain& chain) {
    const auto& e = data.enterprises[index];
    EnterpriseEntry entry{str(e.id), str(e.name), str(e.name_en), {},       {},
                          {},        {},          tags_of(e),     e.output, false};
    if (e.county != kNoIndex) {
        entry.county = str(data.counties[e.county].name);
        entry.county_en = str(data.counties[e.county].name_en);
    }
    if (e.park != kNoIndex) {
        entry.park = str(data.parks[e.park].name);
        entry.park_en = str(data.parks[e.park].name_en);
    }
    entry.leader =
        std::find(chain.leaders.begin(), chain.leaders.end(), index) != chain.leaders.end();
    return entry;
}

/// Leaders first, then output descending, then id: the order of every enterprise list.
void sort_entries(std::vector<EnterpriseEntry>& entries) {
    std::sort(entries.begin(), entries.end(),
              [](const EnterpriseEntry& a, const EnterpriseEntry& b) {
                  if (a.leader != b.leader) return a.leader;
                  if (a.output != b.output) return a.output > b.output;
                  return a.id < b.id;
              });
}

bool in_place(const model::Enterprise& e, Index county) {
    return !e.external && (county == kNoIndex || e.county == county);
}

std::vector<SegmentEnterprises> supporting_enterprises(const graph::RegionGraph& graph,
                                                       const model::Chain& chain,
                                                       const analysis::ChainGaps& gaps,
                                                       Index county) {
    const auto& data = graph.data();
    std::vector<SegmentEnterprises> result;
    for (const auto& gap : gaps.segment_gaps) {
        const Index segment = data.find(model::Section::segment, gap.id);
        SegmentEnterprises row{gap.id, gap.name, gap.name_en, {}};
        for (const Index e : graph.local_enterprises_in(segment)) {
            if (in_place(data.enterprises[e], county))
                row.enterprises.push_back(make_entry(data, e, chain));
        }
        sort_entries(row.enterprises);
        result.push_back(std::move(row));
    }
    return result;
}

/// Leaders of the chain and local enterprises in it with a distinguishing tag (champion, little
/// giant, listed, specialized): the 龙头/骨干 list.
std::vector<EnterpriseEntry> leading_enterprises(
    const std::vector<SegmentEnterprises>& supporting) {
    std::vector<EnterpriseEntry> result;
    std::set<std::string> seen;
    for (const auto& segment : supporting) {
        for (const auto& entry : segment.enterprises) {
            const bool tagged =
                std::any_of(entry.tags.begin(), entry.tags.end(), [](const std::string& t) {
                    return t == "chain-leader" || t == "champion" || t == "little-giant" ||
                           t == "listed" || t == "specialized";
                });
            if ((entry.leader || tagged) && seen.insert(entry.id).second) result.push_back(entry);
        }
    }
    sort_entries(result);
    return result;
}

int status_order(model::ProjectStatus status) {
    switch (status) {
        case model::ProjectStatus::building:
            return 0;
        case model::ProjectStatus::signed_:
            return 1;
        case model::ProjectStatus::planned:
            return 2;
        case model::ProjectStatus::operating:
            return 3;
    }
    return 4;
}

std::vector<ProjectEntry> chain_projects(const model::Dataset& data, Index chain, Index county) {
    std::vector<std::pair<int, ProjectEntry>> rows;
    for (const auto& p : data.projects) {
        if (county != kNoIndex && p.county != county) continue;
        ProjectEntry entry{str(p.id), str(p.name), str(p.name_en), str(model::to_string(p.status)),
                           {},        {},          p.investment,   p.year,
                           {},        {}};
        for (const Index s : p.segments) {
            if (data.segments[s].chain != chain) continue;
            entry.segments.push_back(str(data.segments[s].name));
            entry.segments_en.push_back(str(data.segments[s].name_en));
        }
        if (entry.segments.empty()) continue;
        if (p.county != kNoIndex) {
            entry.county = str(data.counties[p.county].name);
            entry.county_en = str(data.counties[p.county].name_en);
        }
        rows.emplace_back(status_order(p.status), std::move(entry));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second.id < b.second.id;
    });
    std::vector<ProjectEntry> result;
    for (auto& row : rows) result.push_back(std::move(row.second));
    return result;
}

/// Sources are kept as one string per record, several separated by `;`: each is listed once.
void add_sources(std::set<std::string>& sources, std::string_view text) {
    while (!text.empty()) {
        const auto end = text.find(';');
        auto part = text.substr(0, end);
        while (!part.empty() && (part.front() == ' ' || part.front() == '\t'))
            part.remove_prefix(1);
        while (!part.empty() && (part.back() == ' ' || part.back() == '\t')) part.remove_suffix(1);
        if (!part.empty()) sources.insert(std::string(part));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
}

std::vector<std::string> dataset_sources(const model::Dataset& data) {
    std::set<std::string> sources;
    add_sources(sources, data.region.provenance.source);
    for (const auto& r : data.counties) add_sources(sources, r.provenance.source);
    for (const auto& r : data.parks) add_sources(sources, r.provenance.source);
    for (const auto& r : data.chains) add_sources(sources, r.provenance.source);
    for (const auto& r : data.segments) add_sources(sources, r.provenance.source);
    for (const auto& r : data.enterprises) add_sources(sources, r.provenance.source);
    for (const auto& r : data.supplies) add_sources(sources, r.provenance.source);
    for (const auto& r : data.projects) add_sources(sources, r.provenance.source);
    return {sources.begin(), sources.end()};
}

DatasetFacts dataset_facts(const model::Dataset& data) {
    DatasetFacts facts;
    facts.name = data.name;
    facts.content_hash = data.content_hash;
    facts.region = str(data.region.name);
    facts.region_en = str(data.region.name_en);
    facts.year = data.region.year;
    facts.counties = data.counties.size();
    facts.parks = data.parks.size();
    facts.chains = data.chains.size();
    facts.segments = data.segments.size();
    for (const auto& e : data.enterprises)
        ++(e.external ? facts.external_enterprises : facts.local_enterprises);
    facts.projects = data.projects.size();
    facts.local_output = data.local_output();
    facts.sources = dataset_sources(data);
    return facts;
}

ChainReport chain_report(const graph::RegionGraph& graph, const analysis::ChainGaps& gaps,
                         const analysis::GapResult& all_gaps, const analysis::TargetResult& targets,
                         analysis::CriticalResult critical, const ReportOptions& options,
                         Index county) {
    const auto& data = graph.data();
    const Index chain_index = data.find(model::Section::chain, gaps.id);
    const auto& chain = data.chains[chain_index];
    ChainReport report;
    report.gaps = gaps;
    for (const auto& action : all_gaps.ranking) {
        if (action.chain == gaps.id) report.actions.push_back(action);
    }
    for (const auto& target : targets.targets) {
        if (target.chain == gaps.id) report.targets.push_back(target);
    }
    report.critical = std::move(critical);
    report.supporting = supporting_enterprises(graph, chain, gaps, county);
    report.leading = leading_enterprises(report.supporting);
    report.projects = chain_projects(data, chain_index, county);
    if (options.diagrams) draw_chain_diagrams(graph, gaps.id, options, report);
    return report;
}

}  // namespace

ReportInput assemble_report(const graph::RegionGraph& graph, const ReportOptions& options) {
    const auto& data = graph.data();
    const auto step = [&](std::string_view what, std::size_t done, std::size_t total) {
        if (options.progress) options.progress(what, done, total);
    };
    step("gaps", 0, 0);
    analysis::GapOptions gap_options;
    gap_options.chain = options.chain;
    gap_options.county = options.county;
    // find_gaps checks the ids (and suggests a spelling); after it they are known to exist.
    const auto gaps = analysis::find_gaps(graph, gap_options);
    const Index county =
        options.county.empty() ? kNoIndex : data.find(model::Section::county, options.county);

    ReportInput input;
    input.facts = dataset_facts(data);
    input.chain = options.chain;
    input.county = options.county;
    if (county != kNoIndex) {
        input.county_name = str(data.counties[county].name);
        input.county_name_en = str(data.counties[county].name_en);
    }
    const auto targets = analysis::find_targets(graph, {gap_options, 0, false});
    for (std::size_t i = 0; i < gaps.ranking.size() && i < kTopActions; ++i)
        input.top_actions.push_back(gaps.ranking[i]);

    // Single points of failure of every chain at once: the sole suppliers and the segment facts
    // do not depend on the chain, and the articulation points are region-wide (shown once).
    std::vector<std::string> chain_ids;
    for (const auto& chain : gaps.chains) chain_ids.push_back(chain.id);
    auto critical =
        analysis::find_critical_per_chain(graph, {"", options.county, "", 10}, chain_ids);
    for (std::size_t i = 0; i < gaps.chains.size(); ++i) {
        step("chain", i, gaps.chains.size());
        input.chains.push_back(chain_report(graph, gaps.chains[i], gaps, targets,
                                            std::move(critical[i]), options, county));
    }
    step("counties", gaps.chains.size(), gaps.chains.size());
    analysis::CompareOptions compare;
    compare.chain = options.chain;
    // The report lists the first kTopComplementPairs complementary pairs, or with a county the
    // first of those the county is in: without a county only those need be kept (every pair in
    // full grows with the square of the counties).
    compare.top_pairs = options.county.empty() ? kTopComplementPairs : 0;
    input.counties = analysis::compare_counties(graph, compare);
    input.articulation_points = analysis::find_articulation_points(graph);
    return input;
}

}  // namespace chainatlas::report
