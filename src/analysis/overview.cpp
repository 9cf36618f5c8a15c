#include "chainatlas/analysis/overview.hpp"

#include <algorithm>
#include <numeric>

#include "chainatlas/error.hpp"
#include "chainatlas/graph/tiers.hpp"
#include <cstdio>

namespace chainatlas::analysis {

namespace {

using model::Index;
using model::kNoIndex;

std::string str(std::string_view text) { return std::string(text); }

std::string number_text(double value, int decimals = 2) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

}  // namespace

StatsResult compute_stats(const graph::RegionGraph& graph) {
    const auto& data = graph.data();
    StatsResult result;
    std::size_t local = 0;
    for (const auto& e : data.enterprises) local += e.external ? 0 : 1;
    std::size_t links = 0;
    for (const auto& chain : data.chains) links += chain.links.size();
    result.totals = {{"chains", data.chains.size()},
                     {"segments", data.segments.size()},
                     {"links", links},
                     {"cross_links", data.cross_links.size()},
                     {"counties", data.counties.size()},
                     {"parks", data.parks.size()},
                     {"enterprises", data.enterprises.size()},
                     {"local_enterprises", local},
                     {"external_enterprises", data.enterprises.size() - local},
                     {"supplies", data.supplies.size()},
                     {"projects", data.projects.size()}};

    // Projects per chain (a project counts once for each chain it has segments in) and per
    // county, in one pass each: loops over all projects per chain or per county grow as
    // chains x projects and counties x projects on a registry.
    std::vector<std::size_t> chain_projects(data.chains.size(), 0);
    std::vector<Index> project_chain_mark(data.chains.size(), kNoIndex);
    for (Index p = 0; p < data.projects.size(); ++p) {
        for (const Index s : data.projects[p].segments) {
            const Index c = data.segments[s].chain;
            if (project_chain_mark[c] == p) continue;
            project_chain_mark[c] = p;
            ++chain_projects[c];
        }
    }
    // Per chain: distinct enterprises over its segments, and the counties they are in.
    std::vector<Index> chain_of_enterprise_mark(data.enterprises.size(), kNoIndex);
    std::vector<Index> chain_of_county_mark(data.counties.size(), kNoIndex);
    for (Index c = 0; c < data.chains.size(); ++c) {
        const auto& chain = data.chains[c];
        ChainStats stats{str(chain.id), str(chain.name), str(chain.name_en), str(model::to_string(chain.confidence))};
        stats.segments = chain.segments.size();
        for (const Index s : chain.segments) {
            bool covered = false;
            for (const Index e : graph.enterprises_in(s)) {
                const auto& enterprise = data.enterprises[e];
                if (!enterprise.external) covered = true;
                if (chain_of_enterprise_mark[e] == c) continue;
                chain_of_enterprise_mark[e] = c;
                if (enterprise.external) {
                    ++stats.external_enterprises;
                } else {
                    ++stats.local_enterprises;
                    stats.output += enterprise.output;
                    if (chain_of_county_mark[enterprise.county] != c) {
                        chain_of_county_mark[enterprise.county] = c;
                        ++stats.counties;
                    }
                }
            }
            if (covered) ++stats.covered_segments;
        }
        stats.projects = chain_projects[c];
        result.chains.push_back(std::move(stats));
    }

    std::vector<std::size_t> county_projects(data.counties.size(), 0);
    std::vector<double> county_investment(data.counties.size(), 0.0);
    for (const auto& project : data.projects) {
        if (project.county == kNoIndex) continue;
        ++county_projects[project.county];
        county_investment[project.county] += project.investment;
    }
    std::vector<Index> county_of_chain_mark(data.chains.size(), kNoIndex);
    for (Index k = 0; k < data.counties.size(); ++k) {
        const auto& county = data.counties[k];
        CountyStats stats{str(county.id), str(county.name), str(county.name_en), str(model::to_string(county.kind))};
        for (const Index e : graph.enterprises_in_county(k)) {
            ++stats.enterprises;
            stats.output += data.enterprises[e].output;
            for (const Index s : data.segments_of(data.enterprises[e])) {
                const Index c = data.segments[s].chain;
                if (county_of_chain_mark[c] == k) continue;
                county_of_chain_mark[c] = k;
                ++stats.chains;
            }
        }
        stats.parks = graph.parks_in_county(k).size();
        stats.projects = county_projects[k];
        stats.investment = county_investment[k];
        result.counties.push_back(std::move(stats));
    }
    return result;
}

ChainListResult list_chains(const graph::RegionGraph& graph, const std::string& chain_id) {
    const auto& data = graph.data();
    const auto tiers = graph::effective_tiers(data);
    ChainListResult result;
    bool found = chain_id.empty();
    for (Index c = 0; c < data.chains.size(); ++c) {
        const auto& chain = data.chains[c];
        if (!chain_id.empty() && chain.id != chain_id) continue;
        found = true;
        ChainEntry entry;
        entry.id = str(chain.id);
        entry.name = str(chain.name);
        entry.name_en = str(chain.name_en);
        entry.confidence = str(model::to_string(chain.confidence));
        for (const Index e : chain.leaders) entry.leaders.push_back(str(data.enterprises[e].id));
        entry.source = str(chain.provenance.source);
        entry.note = str(chain.provenance.note);
        const auto levels = graph::segment_levels(data, c);
        std::vector<std::size_t> order(chain.segments.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return levels[a] < levels[b]; });
        for (const std::size_t i : order) {
            const Index s = chain.segments[i];
            const auto& segment = data.segments[s];
            SegmentEntry item;
            item.id = str(segment.id);
            item.name = str(segment.name);
            item.name_en = str(segment.name_en);
            item.tier = str(model::to_string(tiers[s]));
            item.tier_derived = segment.tier == model::Tier::unknown;
            item.level = levels[i];
            for (const Index e : graph.enterprises_in(s)) {
                (data.enterprises[e].external ? item.external_enterprises : item.local_enterprises)++;
            }
            for (const Index in : graph.inputs_of(s)) item.inputs.push_back(str(data.segments[in].id));
            for (const Index out : graph.outputs_of(s)) item.outputs.push_back(str(data.segments[out].id));
            std::sort(item.inputs.begin(), item.inputs.end());
            std::sort(item.outputs.begin(), item.outputs.end());
            entry.segments.push_back(std::move(item));
        }
        result.chains.push_back(std::move(entry));
    }
    if (!found) throw NotFoundError("unknown chain '" + chain_id + "' (see `chainatlas chains` for the ids)");
    return result;
}

namespace {

RecordRef ref_of(const model::Dataset& data, model::Section section, Index i) {
    switch (section) {
        case model::Section::county: return {"county", str(data.counties[i].id), str(data.counties[i].name)};
        case model::Section::park: return {"park", str(data.parks[i].id), str(data.parks[i].name)};
        case model::Section::chain: return {"chain", str(data.chains[i].id), str(data.chains[i].name)};
        case model::Section::segment: return {"segment", str(data.segments[i].id), str(data.segments[i].name)};
        case model::Section::enterprise:
            return {"enterprise", str(data.enterprises[i].id), str(data.enterprises[i].name)};
        case model::Section::project: return {"project", str(data.projects[i].id), str(data.projects[i].name)};
    }
    return {};
}

NeighbourGroup group(const model::Dataset& data, std::string relation, model::Section section,
                     const std::vector<Index>& indices) {
    NeighbourGroup out{std::move(relation), {}};
    for (const Index i : indices) out.records.push_back(ref_of(data, section, i));
    std::sort(out.records.begin(), out.records.end(),
              [](const RecordRef& a, const RecordRef& b) { return a.id < b.id; });
    return out;
}

void add_field(ShowResult& result, std::string key, std::string_view value) {
    if (!value.empty()) result.fields.emplace_back(std::move(key), std::string(value));
}

void add_provenance(ShowResult& result, const model::Provenance& provenance) {
    add_field(result, "source", provenance.source);
    add_field(result, "note", provenance.note);
}

std::vector<Index> projects_where(const model::Dataset& data, auto predicate) {
    std::vector<Index> out;
    for (Index p = 0; p < data.projects.size(); ++p) {
        if (predicate(data.projects[p])) out.push_back(p);
    }
    return out;
}

void show_segment(const graph::RegionGraph& graph, Index s, ShowResult& result) {
    const auto& data = graph.data();
    const auto& segment = data.segments[s];
    add_field(result, "name_en", segment.name_en);
    add_field(result, "chain", data.chains[segment.chain].id);
    add_field(result, "tier", model::to_string(graph::effective_tiers(data)[s]));
    add_provenance(result, segment.provenance);
    using model::Section;
    result.neighbours.push_back(group(data, "inputs", Section::segment, graph.inputs_of(s)));
    result.neighbours.push_back(group(data, "outputs", Section::segment, graph.outputs_of(s)));
    result.neighbours.push_back(group(data, "local_enterprises", Section::enterprise, graph.local_enterprises_in(s)));
    std::vector<Index> external;
    for (const Index e : graph.enterprises_in(s)) {
        if (data.enterprises[e].external) external.push_back(e);
    }
    result.neighbours.push_back(group(data, "external_enterprises", Section::enterprise, external));
    result.neighbours.push_back(group(data, "projects", Section::project, projects_where(data, [s](const auto& p) {
        return std::find(p.segments.begin(), p.segments.end(), s) != p.segments.end();
    })));
}

void show_enterprise(const graph::RegionGraph& graph, Index e, ShowResult& result) {
    const auto& data = graph.data();
    const auto& enterprise = data.enterprises[e];
    add_field(result, "name_en", enterprise.name_en);
    if (enterprise.county != kNoIndex) add_field(result, "county", data.counties[enterprise.county].id);
    if (enterprise.park != kNoIndex) add_field(result, "park", data.parks[enterprise.park].id);
    if (enterprise.output > 0) add_field(result, "output", number_text(enterprise.output));
    if (enterprise.employees > 0) add_field(result, "employees", number_text(enterprise.employees, 0));
    std::string tags;
    for (const auto word : data.tags_of(enterprise)) {
        if (!tags.empty()) tags += ';';
        tags.append(word);
    }
    add_field(result, "tags", tags);
    if (enterprise.external) add_field(result, "external", "true");
    add_field(result, "location", enterprise.location);
    add_provenance(result, enterprise.provenance);
    using model::Section;
    result.neighbours.push_back(group(data, "segments", Section::segment, graph.segments_of(e)));
    result.neighbours.push_back(group(data, "suppliers", Section::enterprise, graph.suppliers_of(e)));
    result.neighbours.push_back(group(data, "customers", Section::enterprise, graph.customers_of(e)));
    std::vector<Index> led;
    for (Index c = 0; c < data.chains.size(); ++c) {
        const auto& leaders = data.chains[c].leaders;
        if (std::find(leaders.begin(), leaders.end(), e) != leaders.end()) led.push_back(c);
    }
    result.neighbours.push_back(group(data, "leads_chains", Section::chain, led));
    result.neighbours.push_back(group(data, "projects", Section::project,
                                      projects_where(data, [e](const auto& p) { return p.enterprise == e; })));
}

void show_chain(const graph::RegionGraph& graph, Index c, ShowResult& result) {
    const auto& data = graph.data();
    const auto& chain = data.chains[c];
    add_field(result, "name_en", chain.name_en);
    add_field(result, "confidence", model::to_string(chain.confidence));
    add_provenance(result, chain.provenance);
    using model::Section;
    result.neighbours.push_back(group(data, "segments", Section::segment, chain.segments));
    result.neighbours.push_back(group(data, "leaders", Section::enterprise, chain.leaders));
    std::vector<Index> parks;
    for (Index p = 0; p < data.parks.size(); ++p) {
        const auto& chains = data.parks[p].chains;
        if (std::find(chains.begin(), chains.end(), c) != chains.end()) parks.push_back(p);
    }
    result.neighbours.push_back(group(data, "parks", Section::park, parks));
}

void show_county(const graph::RegionGraph& graph, Index k, ShowResult& result) {
    const auto& data = graph.data();
    add_field(result, "name_en", data.counties[k].name_en);
    add_field(result, "kind", model::to_string(data.counties[k].kind));
    add_provenance(result, data.counties[k].provenance);
    using model::Section;
    result.neighbours.push_back(group(data, "parks", Section::park, graph.parks_in_county(k)));
    result.neighbours.push_back(group(data, "enterprises", Section::enterprise, graph.enterprises_in_county(k)));
    result.neighbours.push_back(group(data, "projects", Section::project,
                                      projects_where(data, [k](const auto& p) { return p.county == k; })));
}

void show_park(const graph::RegionGraph& graph, Index p, ShowResult& result) {
    const auto& data = graph.data();
    const auto& park = data.parks[p];
    add_field(result, "name_en", park.name_en);
    add_field(result, "county", data.counties[park.county].id);
    add_field(result, "level", model::to_string(park.level));
    add_provenance(result, park.provenance);
    using model::Section;
    result.neighbours.push_back(group(data, "chains", Section::chain, park.chains));
    result.neighbours.push_back(group(data, "enterprises", Section::enterprise, graph.enterprises_in_park(p)));
    result.neighbours.push_back(group(data, "projects", Section::project,
                                      projects_where(data, [p](const auto& x) { return x.park == p; })));
}

void show_project(const graph::RegionGraph& graph, Index p, ShowResult& result) {
    const auto& data = graph.data();
    const auto& project = data.projects[p];
    add_field(result, "name_en", project.name_en);
    add_field(result, "county", data.counties[project.county].id);
    if (project.park != kNoIndex) add_field(result, "park", data.parks[project.park].id);
    if (project.enterprise != kNoIndex) add_field(result, "enterprise", data.enterprises[project.enterprise].id);
    if (project.investment > 0) add_field(result, "investment", number_text(project.investment));
    add_field(result, "status", model::to_string(project.status));
    if (project.year) add_field(result, "year", std::to_string(*project.year));
    add_provenance(result, project.provenance);
    result.neighbours.push_back(group(data, "segments", model::Section::segment, project.segments));
}

}  // namespace

ShowResult show_record(const graph::RegionGraph& graph, const std::string& id) {
    const auto& data = graph.data();
    using model::Section;
    // Segments first: their ids are the ones planners look up most.
    constexpr Section kOrder[] = {Section::segment, Section::enterprise, Section::chain,
                                  Section::county,  Section::park,       Section::project};
    for (const Section section : kOrder) {
        const Index i = data.find(section, id);
        if (i == kNoIndex) continue;
        ShowResult result;
        result.record = ref_of(data, section, i);
        switch (section) {
            case Section::segment: show_segment(graph, i, result); break;
            case Section::enterprise: show_enterprise(graph, i, result); break;
            case Section::chain: show_chain(graph, i, result); break;
            case Section::county: show_county(graph, i, result); break;
            case Section::park: show_park(graph, i, result); break;
            case Section::project: show_project(graph, i, result); break;
        }
        return result;
    }
    throw NotFoundError("no record with id '" + id + "' (ids of chains, segments, counties, parks, "
                        "enterprises and projects can be shown; see `chainatlas chains` and `stats`)");
}

}  // namespace chainatlas::analysis
