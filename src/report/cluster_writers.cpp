#include "chainatlas/report/cluster_writers.hpp"

#include <cmath>

#include "chainatlas/report/table.hpp"

namespace chainatlas::report {

namespace {

using Align = Table::Align;

/// Six decimals, as in `compare`: keeps the last bits of a sum out of the golden files.
double rounded(double value) { return std::round(value * 1e6) / 1e6; }

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out.empty() ? "-" : out;
}

Json places_json(const std::vector<analysis::ClusterPlace>& places) {
    Json out = Json::array();
    out.get_ref<Json::array_t&>().reserve(places.size());
    for (const auto& p : places) {
        Json row;
        auto& o = reserved_object(row, 14);
        o.emplace_back("place", p.place);
        o.emplace_back("name", p.name);
        o.emplace_back("name_en", p.name_en);
        o.emplace_back("chain", p.chain);
        o.emplace_back("enterprises", p.enterprises);
        o.emplace_back("output", rounded(p.output));
        o.emplace_back("enterprise_share", rounded(p.enterprise_share));
        o.emplace_back("output_share", rounded(p.output_share));
        o.emplace_back("lq", rounded(p.lq));
        o.emplace_back("leaders", p.leaders);
        o.emplace_back("segments", p.segments);
        o.emplace_back("chain_segments", p.chain_segments);
        o.emplace_back("internal_links", p.internal_links);
        o.emplace_back("external_links", p.external_links);
        out.push_back(std::move(row));
    }
    return out;
}

Json components_json(const analysis::NetworkStructure& s) {
    Json out = Json::array();
    for (const auto& c : s.components) {
        out.push_back(
            {{"size", c.size}, {"edges", c.edges}, {"first", c.first}, {"members", c.members}});
    }
    return out;
}

Json articulation_json(const analysis::NetworkStructure& s) {
    Json out = Json::array();
    out.get_ref<Json::array_t&>().reserve(s.articulation_points.size());
    for (const auto& a : s.articulation_points) {
        Json point;
        auto& o = reserved_object(point, 3);
        o.emplace_back("id", a.id);
        o.emplace_back("degree", a.degree);
        o.emplace_back("splits", a.splits);
        out.push_back(std::move(point));
    }
    return out;
}

Json communities_json(const analysis::NetworkStructure& s) {
    Json out = Json::array();
    for (const auto& c : s.communities) {
        out.push_back({{"id", c.id},
                       {"size", c.members.size()},
                       {"weight", rounded(c.weight)},
                       {"members", c.members}});
    }
    return out;
}

Json counts_json(const analysis::NetworkStructure& s) {
    return Json{
        {"vertices", s.vertices}, {"edges", s.edges}, {"component_count", s.component_count}};
}

void print_structure(std::ostream& out, const analysis::NetworkStructure& s,
                     std::string_view what, bool communities) {
    out << what << ": " << s.vertices << " vertices, " << s.edges << " edges, " << s.component_count
        << " components, " << s.articulation_points.size() << " articulation points, ";
    if (communities) {
        out << s.communities.size() << " communities, modularity " << format_number(s.modularity, 3);
    } else {
        out << "communities not computed (--no-communities)";
    }
    out << '\n';
    if (s.vertices == 0) return;
    Table components({"size", "edges", "members"}, {Align::right, Align::right, Align::left});
    for (const auto& c : s.components) {
        components.add_row({std::to_string(c.size), std::to_string(c.edges),
                            c.members.empty() ? c.first + ", …" : joined(c.members)});
    }
    out << "Components (largest first)\n";
    components.print(out, 100);
    if (!s.articulation_points.empty()) {
        Table points({"articulation point", "degree", "blocks"},
                     {Align::left, Align::right, Align::right});
        for (const auto& a : s.articulation_points) {
            points.add_row({a.id, std::to_string(a.degree), std::to_string(a.splits)});
        }
        points.print(out);
    }
    if (!communities) return;
    Table table({"community", "size", "weight", "members"},
                {Align::left, Align::right, Align::right, Align::left});
    for (const auto& c : s.communities) {
        std::vector<std::string> shown(
            c.members.begin(), c.members.begin() + std::min<std::size_t>(c.members.size(), 8));
        if (c.members.size() > shown.size()) shown.push_back("…");
        table.add_row(
            {c.id, std::to_string(c.members.size()), format_number(c.weight), joined(shown)});
    }
    table.print(out, 100);
}

}  // namespace

Json to_json(const analysis::ClusterResult& result) {
    const auto& n = result.network;
    const auto& s = result.segment_level;
    Json segment_level = counts_json(s);
    segment_level["components"] = components_json(s);
    segment_level["articulation_points"] = articulation_json(s);
    // Left out (`--no-communities`): null, so that "not computed" never reads as "none found".
    const auto communities = [&](const analysis::NetworkStructure& x) {
        return result.communities ? communities_json(x) : Json(nullptr);
    };
    const auto modularity = [&](const analysis::NetworkStructure& x) {
        return result.communities ? Json(rounded(x.modularity)) : Json(nullptr);
    };
    segment_level["communities"] = communities(s);
    segment_level["modularity"] = modularity(s);
    return Json{{"chain", result.chain},
                {"by", result.by},
                {"basis", result.basis},
                {"places", places_json(result.places)},
                {"network", counts_json(n)},
                {"components", components_json(n)},
                {"articulation_points", articulation_json(n)},
                {"communities", communities(n)},
                {"modularity", modularity(n)},
                {"segment_level", segment_level}};
}

void print_clusters(std::ostream& out, const analysis::ClusterResult& result,
                    const TextOptions& options) {
    out << "Places by " << result.by << " (shares of each chain's local enterprises; lq by "
        << result.basis << ")\n";
    Table places({"chain", "place", "name", "enterprises", "share", "output(亿元)", "lq",
                  "segments", "leaders", "links in/out"},
                 {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right,
                  Align::right, Align::right, Align::left, Align::right});
    for (const auto& p : result.places) {
        places.add_row(
            {p.chain, p.place, std::string(model::display_name(p.name, p.name_en, options.english)),
             std::to_string(p.enterprises), format_percent(p.enterprise_share),
             format_number(p.output), format_number(p.lq),
             std::to_string(p.segments) + "/" + std::to_string(p.chain_segments), joined(p.leaders),
             std::to_string(p.internal_links) + "/" + std::to_string(p.external_links)});
    }
    if (places.empty())
        out << "(no local enterprise in these places)\n";
    else
        places.print(out);
    out << '\n';
    print_structure(out, result.network,
                    "Supply network (local enterprises joined by known supplies)", result.communities);
    out << '\n';
    print_structure(out, result.segment_level,
                    "Segment graph (chain and cross links, weighted by local enterprises)",
                    result.communities);
}

}  // namespace chainatlas::report
