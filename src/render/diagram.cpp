#include "chainatlas/render/diagram.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "chainatlas/analysis/gaps.hpp"
#include "diagram_impl.hpp"

namespace chainatlas::render {

using model::Index;

namespace detail {

namespace {

constexpr Words kChinese{
    "上游", "中游", "下游", "未分层",
    "缺失", "薄弱", "在补链", "已覆盖",
    "产业链图谱", "产业集群图", "县域产业图", "产业链总览",
    "本地", "外地", "家", "另有", "链主", "环节衔接", "跨链衔接", "回流衔接",
    "企业供货", "县域间环节衔接", "项目", "亿元", "个环节", "园区外", "未归社群",
    "按县区", "按园区", "按社群", " · ", "、"};

constexpr Words kEnglish{
    "Upstream", "Midstream", "Downstream", "No tier",
    "missing", "weak", "being filled", "covered",
    "chain map", "cluster diagram", "county map", "chains overview",
    "local", "external", "enterprises", "more", "chain leader", "link", "cross-chain link",
    "recycling link", "supply", "chain links between clusters", "project", "100M CNY", "segments",
    "outside parks", "no community", "by county", "by park", "by community", " · ", ", "};

}  // namespace

const Words& words(bool english) { return english ? kEnglish : kChinese; }

std::string_view tier_word(model::Tier tier, const Words& w) {
    switch (tier) {
        case model::Tier::upstream: return w.upstream;
        case model::Tier::midstream: return w.midstream;
        case model::Tier::downstream: return w.downstream;
        case model::Tier::unknown: return w.unknown_tier;
    }
    return w.unknown_tier;
}

std::string_view status_word(SegmentStatus status, const Words& w) {
    switch (status) {
        case SegmentStatus::missing: return w.missing;
        case SegmentStatus::weak: return w.weak;
        case SegmentStatus::filling: return w.filling;
        case SegmentStatus::covered: return w.covered;
    }
    return w.missing;
}

std::string_view tag_word(model::Tag tag, bool english) {
    switch (tag) {
        case model::Tag::chain_leader: return english ? "chain leader" : "链主";
        case model::Tag::little_giant: return english ? "little giant" : "小巨人";
        case model::Tag::specialized: return english ? "specialized" : "专精特新";
        case model::Tag::champion: return english ? "champion" : "单项冠军";
        case model::Tag::high_tech: return english ? "high-tech" : "高新技术";
        case model::Tag::listed: return english ? "listed" : "上市";
    }
    return "";
}

/// Red, amber, blue, green: the colours planners read as "act now" to "fine".
Colours status_colours(SegmentStatus status) {
    switch (status) {
        case SegmentStatus::missing: return {"#f8d7da", "#c0392b"};
        case SegmentStatus::weak: return {"#fff3cd", "#d4a017"};
        case SegmentStatus::filling: return {"#d6eaf8", "#2e86c1"};
        case SegmentStatus::covered: return {"#d4edda", "#27ae60"};
    }
    return {"#ffffff", "#555555"};
}

Colours tier_colours(model::Tier tier) {
    switch (tier) {
        case model::Tier::upstream: return {"#e3eefa", "#4a7ebb"};
        case model::Tier::midstream: return {"#e6f4e1", "#4f8f3f"};
        case model::Tier::downstream: return {"#fdecd9", "#d9822b"};
        case model::Tier::unknown: return {"#eeeeee", "#777777"};
    }
    return {"#eeeeee", "#777777"};
}

std::string name_of(const model::Segment& s, bool english) { return std::string(model::display_name(s.name, s.name_en, english)); }
std::string name_of(const model::Enterprise& e, bool english) { return std::string(model::display_name(e.name, e.name_en, english)); }
std::string name_of(const model::Chain& c, bool english) { return std::string(model::display_name(c.name, c.name_en, english)); }
std::string name_of(const model::County& c, bool english) { return std::string(model::display_name(c.name, c.name_en, english)); }
std::string name_of(const model::Park& p, bool english) { return std::string(model::display_name(p.name, p.name_en, english)); }

bool is_leader(const model::Dataset& data, Index chain, Index enterprise) {
    const auto& leaders = data.chains[chain].leaders;
    return std::find(leaders.begin(), leaders.end(), enterprise) != leaders.end() ||
           data.enterprises[enterprise].has(model::Tag::chain_leader);
}

void sort_for_listing(const model::Dataset& data, Index chain, std::vector<Index>& enterprises) {
    std::sort(enterprises.begin(), enterprises.end(), [&](Index a, Index b) {
        const auto& ea = data.enterprises[a];
        const auto& eb = data.enterprises[b];
        return std::make_tuple(!is_leader(data, chain, a), -ea.output, ea.id) <
               std::make_tuple(!is_leader(data, chain, b), -eb.output, eb.id);
    });
}

std::vector<LabelRow> enterprise_rows(const model::Dataset& data, Index chain, std::vector<Index> enterprises,
                                      std::size_t limit, bool english) {
    sort_for_listing(data, chain, enterprises);
    std::vector<LabelRow> rows;
    for (std::size_t i = 0; i < enterprises.size() && i < limit; ++i) {
        const Index e = enterprises[i];
        const bool leader = is_leader(data, chain, e);
        rows.push_back({(leader ? "★ " : "") + name_of(data.enterprises[e], english), leader, false, ""});
    }
    if (enterprises.size() > limit) {
        const auto& w = words(english);
        const std::string rest = std::to_string(enterprises.size() - limit);
        rows.push_back({english ? "+" + rest + " " + std::string(w.more)
                                : std::string(w.more) + " " + rest + " " + std::string(w.enterprises_unit),
                        false, true, "#555555"});
    }
    return rows;
}

std::vector<unsigned> segment_columns(const model::Dataset& data, Index chain,
                                      const std::vector<model::Tier>& tiers) {
    const auto& segments = data.chains[chain].segments;
    const auto levels = graph::segment_levels(data, chain);
    auto tier_order = [](model::Tier t) { return t == model::Tier::unknown ? 3u : static_cast<unsigned>(t) - 1u; };
    std::set<std::pair<unsigned, unsigned>> keys;
    for (std::size_t i = 0; i < segments.size(); ++i) keys.insert({tier_order(tiers[segments[i]]), levels[i]});
    std::vector<unsigned> columns;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto it = keys.find({tier_order(tiers[segments[i]]), levels[i]});
        columns.push_back(static_cast<unsigned>(std::distance(keys.begin(), it)));
    }
    return columns;
}

std::string short_number(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    std::string out = text;
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    return out;
}

}  // namespace detail

std::string_view to_string(SegmentStatus status) {
    switch (status) {
        case SegmentStatus::missing: return "missing";
        case SegmentStatus::weak: return "weak";
        case SegmentStatus::filling: return "filling";
        case SegmentStatus::covered: return "covered";
    }
    return "missing";
}

void aggregate_edges(Diagram& diagram) {
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> position;
    std::vector<Edge> merged;
    for (auto& edge : diagram.edges) {
        const auto key = std::make_tuple(edge.from, edge.to, edge.kind);
        const auto [it, inserted] = position.emplace(key, merged.size());
        if (inserted) {
            merged.push_back(std::move(edge));
            continue;
        }
        Edge& into = merged[it->second];
        into.count += edge.count;
        into.details.insert(into.details.end(), edge.details.begin(), edge.details.end());
    }
    for (auto& edge : merged) {
        std::sort(edge.details.begin(), edge.details.end());
        edge.details.erase(std::unique(edge.details.begin(), edge.details.end()), edge.details.end());
    }
    diagram.edges = std::move(merged);
}

std::vector<SegmentStatus> segment_statuses(const graph::RegionGraph& graph) {
    const auto& data = graph.data();
    // The colours follow the gaps analysis, so that a diagram and `chainatlas gaps` never disagree.
    const auto gaps = analysis::find_gaps(graph, analysis::GapOptions{});
    std::vector<SegmentStatus> statuses(data.segments.size(), SegmentStatus::missing);
    for (const auto& chain : gaps.chains) {
        for (const auto& gap : chain.segment_gaps) {
            const Index s = data.find(model::Section::segment, gap.id);
            if (s == model::kNoIndex) continue;
            switch (gap.status) {
                case analysis::GapStatus::missing: statuses[s] = SegmentStatus::missing; break;
                case analysis::GapStatus::weak: statuses[s] = SegmentStatus::weak; break;
                case analysis::GapStatus::filling: statuses[s] = SegmentStatus::filling; break;
                case analysis::GapStatus::covered: statuses[s] = SegmentStatus::covered; break;
            }
        }
    }
    return statuses;
}

std::vector<GalleryItem> build_gallery(const graph::RegionGraph& graph, const DiagramOptions& options) {
    const auto& data = graph.data();
    std::vector<GalleryItem> items;
    for (const auto& chain : data.chains) {
        items.push_back({"chain-" + std::string(chain.id), build_chain_map(graph, std::string(chain.id), options)});
    }
    for (const auto& chain : data.chains) {
        items.push_back({"cluster-" + std::string(chain.id) + "-county",
                         build_cluster_diagram(graph, std::string(chain.id), ClusterBy::county, options)});
    }
    items.push_back({"region", build_region_overview(graph, options)});
    return items;
}

}  // namespace chainatlas::render
