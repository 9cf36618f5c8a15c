#include "chainatlas/report/county_writers.hpp"

#include <cmath>
#include <map>

#include "chainatlas/report/table.hpp"

namespace chainatlas::report {

namespace {

using Align = Table::Align;

/// Six decimals are plenty for shares and indices, and keep the last bits of a sum out of the
/// golden files.
double rounded(double value) { return std::round(value * 1e6) / 1e6; }

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out.empty() ? "-" : out;
}

Json named_json(const std::vector<analysis::NamedRef>& refs) {
    Json out = Json::array();
    for (const auto& r : refs) out.push_back({{"id", r.id}, {"name", r.name}, {"name_en", r.name_en}});
    return out;
}

Json link_json(const analysis::SegmentLinkRef& link) {
    return Json{{"from", link.from}, {"to", link.to}, {"via", link.via}};
}

Json links_json(const std::vector<analysis::SegmentLinkRef>& links) {
    Json out = Json::array();
    for (const auto& l : links) out.push_back(link_json(l));
    return out;
}

Json supplies_json(const std::vector<analysis::SupplyRef>& supplies) {
    Json out = Json::array();
    for (const auto& s : supplies) {
        out.push_back({{"from", s.from}, {"to", s.to}, {"from_county", s.from_county}, {"to_county", s.to_county}});
    }
    return out;
}

Json matrix_json(const std::vector<analysis::MatrixRow>& rows) {
    Json out = Json::array();
    for (const auto& r : rows) {
        out.push_back({{"county", r.county},
                       {"chain", r.chain},
                       {"enterprises", r.enterprises},
                       {"output", rounded(r.output)},
                       {"segments", r.segments},
                       {"coverage", rounded(r.coverage)},
                       {"lq", rounded(r.lq)}});
    }
    return out;
}

Json profiles_json(const std::vector<analysis::CountyProfile>& profiles) {
    Json out = Json::array();
    for (const auto& p : profiles) {
        Json leading = Json::array();
        for (const auto& l : p.leading) {
            leading.push_back({{"chain", l.chain}, {"value", rounded(l.value)}, {"lq", rounded(l.lq)}});
        }
        out.push_back({{"county", p.county},
                       {"enterprises", p.enterprises},
                       {"output", rounded(p.output)},
                       {"chains", p.chains},
                       {"krugman", rounded(p.krugman)},
                       {"leading", leading}});
    }
    return out;
}

Json complements_json(const std::vector<analysis::ComplementPair>& pairs) {
    Json out = Json::array();
    for (const auto& p : pairs) {
        Json chains = Json::array();
        for (const auto& c : p.chains) {
            chains.push_back({{"chain", c.chain},
                              {"gain", rounded(c.gain)},
                              {"only_a", c.only_a},
                              {"only_b", c.only_b},
                              {"links", links_json(c.links)}});
        }
        out.push_back({{"county_a", p.county_a},
                       {"county_b", p.county_b},
                       {"score", rounded(p.score)},
                       {"links", p.links},
                       {"chains", chains},
                       {"supplies", supplies_json(p.supplies)}});
    }
    return out;
}

Json spreads_json(const std::vector<analysis::ChainSpread>& spreads) {
    Json out = Json::array();
    for (const auto& s : spreads) {
        Json counties = Json::array();
        for (const auto& c : s.counties) {
            counties.push_back({{"county", c.county},
                                {"segments", c.segments},
                                {"enterprises", c.enterprises},
                                {"leaders", c.leaders},
                                {"mean_level", rounded(c.mean_level)},
                                {"internal_links", c.internal_links}});
        }
        Json links = Json::array();
        for (const auto& l : s.links) {
            links.push_back({{"from_county", l.from_county},
                             {"to_county", l.to_county},
                             {"links", links_json(l.links)},
                             {"supplies", supplies_json(l.supplies)}});
        }
        out.push_back({{"chain", s.chain}, {"counties", counties}, {"links", links},
                       {"link_pairs_listed", s.link_pairs_listed}});
    }
    return out;
}

/// Display names of the result's counties and chains, by id.
std::map<std::string, std::string> names_of(const analysis::CompareResult& result, bool english) {
    std::map<std::string, std::string> names;
    for (const auto& r : result.counties) names[r.id] = std::string(model::display_name(r.name, r.name_en, english));
    for (const auto& r : result.chains) names[r.id] = std::string(model::display_name(r.name, r.name_en, english));
    return names;
}

std::string link_text(const analysis::SegmentLinkRef& link) {
    std::string text = link.from + " → " + link.to;
    if (!link.via.empty()) text += " (via " + joined(link.via) + ")";
    return text;
}

void print_matrix(std::ostream& out, const analysis::CompareResult& result,
                  std::map<std::string, std::string>& names) {
    out << "County × chain (cells with enterprises; lq by " << result.basis << ")\n";
    Table table({"county", "name", "chain", "name", "enterprises", "output(亿元)", "segments", "coverage", "lq"},
                {Align::left, Align::left, Align::left, Align::left, Align::right, Align::right, Align::right,
                 Align::right, Align::right});
    for (const auto& r : result.matrix) {
        if (r.enterprises == 0) continue;
        table.add_row({r.county, names[r.county], r.chain, names[r.chain], std::to_string(r.enterprises),
                       format_number(r.output), std::to_string(r.segments), format_percent(r.coverage),
                       format_number(r.lq)});
    }
    if (table.empty()) out << "(no enterprise of the compared counties in these chains)\n";
    else table.print(out);
}

void print_profiles(std::ostream& out, const analysis::CompareResult& result,
                    std::map<std::string, std::string>& names) {
    out << "\nSpecialisation (Krugman index against the rest of the region, 0..2; leading chains: lq ≥ 1)\n";
    Table table({"county", "name", "enterprises", "output(亿元)", "chains", "krugman", "leading chains"},
                {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::left});
    for (const auto& p : result.profiles) {
        std::vector<std::string> leading;
        for (const auto& l : p.leading) leading.push_back(l.chain + " (lq " + format_number(l.lq) + ")");
        table.add_row({p.county, names[p.county], std::to_string(p.enterprises),
                       format_number(p.output), std::to_string(p.chains), format_number(p.krugman, 3),
                       joined(leading)});
    }
    table.print(out, 80);
}

void print_pairs(std::ostream& out, const analysis::CompareResult& result) {
    out << "\nSimilar counties (cosine over chain profiles)\n";
    Table similar({"county", "county", "cosine"}, {Align::left, Align::left, Align::right});
    for (const auto& p : result.similarity) similar.add_row({p.county_a, p.county_b, format_number(p.cosine, 3)});
    if (similar.empty()) out << "(fewer than two counties)\n";
    else similar.print(out);

    out << "\nComplementary counties (score = Σ over chains of the coverage the pair adds to the better one)\n";
    if (result.complementarity.empty()) out << "(none)\n";
    for (const auto& p : result.complementarity) {
        out << p.county_a << " + " << p.county_b << "  score " << format_number(p.score, 3) << "  links "
            << p.links << "  supplies " << p.supplies.size() << '\n';
        for (const auto& c : p.chains) {
            out << "  " << c.chain << "  +" << format_percent(c.gain) << "  " << p.county_a << " only: "
                << joined(c.only_a) << "  |  " << p.county_b << " only: " << joined(c.only_b) << '\n';
            for (const auto& l : c.links) out << "    link " << link_text(l) << '\n';
        }
        for (const auto& s : p.supplies) {
            out << "  supply " << s.from << " (" << s.from_county << ") → " << s.to << " (" << s.to_county << ")\n";
        }
    }
}

void print_spreads(std::ostream& out, const analysis::CompareResult& result,
                   std::map<std::string, std::string>& names) {
    out << "\nChains across counties (upstream counties first)\n";
    for (const auto& s : result.chain_links) {
        out << '\n' << s.chain << "  " << names[s.chain] << '\n';
        Table table({"county", "name", "level", "enterprises", "leaders", "segments"},
                    {Align::left, Align::left, Align::right, Align::right, Align::left, Align::left});
        for (const auto& c : s.counties) {
            table.add_row({c.county, names[c.county], format_number(c.mean_level, 1), std::to_string(c.enterprises),
                           joined(c.leaders), joined(c.segments)});
        }
        table.print(out, 100);
        if (!s.link_pairs_listed) {
            out << "  (segment links between counties are listed for up to 50 compared counties; "
                   "known supplies only)\n";
        }
        for (const auto& l : s.links) {
            out << "  " << l.from_county << " → " << l.to_county << ": ";
            std::vector<std::string> texts;
            for (const auto& link : l.links) texts.push_back(link_text(link));
            out << joined(texts, "; ");
            if (!l.supplies.empty()) out << "  [" << l.supplies.size() << " known supplies]";
            out << '\n';
        }
    }
}

}  // namespace

Json to_json(const analysis::CompareResult& result) {
    return Json{{"basis", result.basis},
                {"requested_basis", result.requested_basis},
                {"local_enterprises", result.local_enterprises},
                {"output_known", result.output_known},
                {"counties", named_json(result.counties)},
                {"chains", named_json(result.chains)},
                {"matrix", matrix_json(result.matrix)},
                {"profiles", profiles_json(result.profiles)},
                {"similarity",
                 [&] {
                     Json out = Json::array();
                     for (const auto& p : result.similarity) {
                         out.push_back({{"county_a", p.county_a}, {"county_b", p.county_b}, {"cosine", rounded(p.cosine)}});
                     }
                     return out;
                 }()},
                {"complementarity", complements_json(result.complementarity)},
                {"chain_links", spreads_json(result.chain_links)}};
}

void print_compare(std::ostream& out, const analysis::CompareResult& result, const TextOptions& options) {
    auto names = names_of(result, options.english);
    out << "Basis: " << result.basis << " (requested " << result.requested_basis << "; output known for "
        << result.output_known << " of " << result.local_enterprises << " local enterprises)\n\n";
    print_matrix(out, result, names);
    print_profiles(out, result, names);
    print_pairs(out, result);
    print_spreads(out, result, names);
}

}  // namespace chainatlas::report
