#include <algorithm>

#include "chain_metrics_impl.hpp"
#include "chainatlas/error.hpp"

namespace chainatlas::analysis::detail {

namespace {

void sort_unique(std::vector<Index>& values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

Index resolve(const model::Dataset& data, model::Section section, const std::string& id, const char* hint) {
    const Index index = data.find(section, id);
    if (index == kNoIndex) {
        throw NotFoundError("unknown " + std::string(model::to_string(section)) + " '" + id + "' (" + hint + ")");
    }
    return index;
}

}  // namespace

std::string str(std::string_view text) { return std::string(text); }

Place resolve_place(const model::Dataset& data, const std::string& county, const std::string& park) {
    Place place;
    if (!county.empty()) place.county = resolve(data, model::Section::county, county, "see `chainatlas stats` for the ids");
    if (!park.empty()) place.park = resolve(data, model::Section::park, park, "see `chainatlas show <county>` for the ids");
    return place;
}

Index resolve_chain(const model::Dataset& data, const std::string& chain) {
    if (chain.empty()) return kNoIndex;
    return resolve(data, model::Section::chain, chain, "see `chainatlas chains` for the ids");
}

Index resolve_enterprise(const model::Dataset& data, const std::string& id) {
    return resolve(data, model::Section::enterprise, id, "see `chainatlas show <segment>` for the ids");
}

void collect_segment_links(const model::Dataset& data, std::vector<std::vector<Index>>& inputs,
                           std::vector<std::vector<Index>>& outputs) {
    inputs.assign(data.segments.size(), {});
    outputs.assign(data.segments.size(), {});
    const auto add = [&](const model::Link& link) {
        inputs[link.to].push_back(link.from);
        outputs[link.from].push_back(link.to);
    };
    for (const auto& chain : data.chains) {
        for (const auto& link : chain.links) add(link);
    }
    for (const auto& link : data.cross_links) add(link);
    for (auto& list : inputs) sort_unique(list);
    for (auto& list : outputs) sort_unique(list);
}

SegmentFacts collect_segment_facts(const model::Dataset& data, const Place& place) {
    const std::size_t n = data.segments.size();
    SegmentFacts facts;
    facts.local_offsets.assign(n + 1, 0);
    facts.external_count.assign(n, 0);
    facts.local_output.assign(n, 0.0);
    // Two passes over the enterprises (count, then place) build the per-segment lists without
    // a vector per segment; enterprises are visited in index order, so each list is ascending.
    for (const auto& e : data.enterprises) {
        const bool local = place.contains(e);
        for (const Index s : data.segments_of(e)) {
            if (local) {
                ++facts.local_offsets[s + 1];
            } else if (e.external) {
                ++facts.external_count[s];
            }
        }
    }
    for (std::size_t s = 0; s < n; ++s) facts.local_offsets[s + 1] += facts.local_offsets[s];
    facts.local_list.resize(facts.local_offsets[n]);
    std::vector<std::uint32_t> next(facts.local_offsets.begin(), facts.local_offsets.end() - 1);
    for (Index e = 0; e < data.enterprises.size(); ++e) {
        const auto& enterprise = data.enterprises[e];
        if (!place.contains(enterprise)) continue;
        for (const Index s : data.segments_of(enterprise)) {
            // An enterprise listing a segment twice counts once.
            if (next[s] > facts.local_offsets[s] && facts.local_list[next[s] - 1] == e) {
                continue;
            }
            facts.local_list[next[s]++] = e;
            facts.local_output[s] += enterprise.output;
        }
    }
    // Compact away the slots left by repeated segment ids (rare; keeps offsets exact).
    std::uint32_t write = 0;
    for (std::size_t s = 0; s < n; ++s) {
        const std::uint32_t begin = facts.local_offsets[s];
        facts.local_offsets[s] = write;
        for (std::uint32_t i = begin; i < next[s]; ++i) facts.local_list[write++] = facts.local_list[i];
    }
    facts.local_offsets[n] = write;
    facts.local_list.resize(write);

    collect_segment_links(data, facts.inputs, facts.outputs);
    facts.filling_projects.assign(n, {});
    for (Index p = 0; p < data.projects.size(); ++p) {
        const auto& project = data.projects[p];
        const bool active = project.status == model::ProjectStatus::signed_ ||
                            project.status == model::ProjectStatus::building;
        if (!active || !place.contains(project)) continue;
        for (const Index s : project.segments) facts.filling_projects[s].push_back(p);
    }
    for (auto& list : facts.filling_projects) sort_unique(list);
    return facts;
}

std::vector<Index> locals_of(const SegmentFacts& facts, std::span<const Index> segments,
                             std::span<const Index> excluded) {
    std::vector<Index> out;
    for (const Index s : segments) {
        const auto list = facts.locals(s);
        out.insert(out.end(), list.begin(), list.end());
    }
    sort_unique(out);
    if (!excluded.empty()) {
        std::vector<Index> ex(excluded.begin(), excluded.end());
        sort_unique(ex);
        std::vector<Index> kept;
        std::set_difference(out.begin(), out.end(), ex.begin(), ex.end(), std::back_inserter(kept));
        return kept;
    }
    return out;
}

}  // namespace chainatlas::analysis::detail
