#include "chainatlas/report/whatif_writer.hpp"

#include "chainatlas/report/table.hpp"

namespace chainatlas::report {

namespace {

std::string rank_text(std::size_t rank) { return rank == 0 ? "-" : std::to_string(rank); }

}  // namespace

Json to_json(const analysis::WhatIfResult& result) {
    Json chains = Json::array();
    for (const auto& c : result.chains) {
        chains.push_back({{"id", c.id},
                          {"name", c.name},
                          {"name_en", c.name_en},
                          {"coverage_before", c.coverage_before},
                          {"coverage_after", c.coverage_after},
                          {"missing_before", c.missing_before},
                          {"missing_after", c.missing_after},
                          {"weak_before", c.weak_before},
                          {"weak_after", c.weak_after}});
    }
    Json segments = Json::array();
    for (const auto& s : result.segments) {
        segments.push_back({{"chain", s.chain},
                            {"segment", s.segment},
                            {"name", s.name},
                            {"name_en", s.name_en},
                            {"before", std::string(analysis::to_string(s.before))},
                            {"after", std::string(analysis::to_string(s.after))},
                            {"local_before", s.local_before},
                            {"local_after", s.local_after},
                            {"effect", s.effect}});
    }
    Json ranking = Json::array();
    for (const auto& r : result.ranking) {
        ranking.push_back({{"chain", r.chain},
                           {"segment", r.segment},
                           {"rank_before", r.rank_before},
                           {"rank_after", r.rank_after},
                           {"score_before", r.score_before},
                           {"score_after", r.score_after}});
    }
    return Json{{"removed", result.removed},
                {"gaps_opened", result.gaps_opened},
                {"gaps_closed", result.gaps_closed},
                {"chains", chains},
                {"segments", segments},
                {"ranking", ranking}};
}

void print_whatif(std::ostream& out, const analysis::WhatIfResult& result, const TextOptions& options) {
    out << "Gaps opened: " << result.gaps_opened << "   gaps closed: " << result.gaps_closed << "\n\n";
    out << "Segments that change\n";
    if (result.segments.empty()) {
        out << "(none)\n";
    } else {
        Table table({"chain", "segment", "name", "before", "after", "local", "effect"});
        for (const auto& s : result.segments) {
            table.add_row({s.chain, s.segment, std::string(model::display_name(s.name, s.name_en, options.english)),
                           std::string(analysis::to_string(s.before)), std::string(analysis::to_string(s.after)),
                           std::to_string(s.local_before) + " → " + std::to_string(s.local_after), s.effect});
        }
        table.print(out);
    }
    out << "\nCoverage by chain\n";
    Table chains({"chain", "name", "coverage", "missing", "weak"});
    for (const auto& c : result.chains) {
        const bool changed = c.coverage_before != c.coverage_after || c.missing_before != c.missing_after ||
                             c.weak_before != c.weak_after;
        chains.add_row({c.id + (changed ? " *" : ""),
                        std::string(model::display_name(c.name, c.name_en, options.english)),
                        format_percent(c.coverage_before) + " → " + format_percent(c.coverage_after),
                        std::to_string(c.missing_before) + " → " + std::to_string(c.missing_after),
                        std::to_string(c.weak_before) + " → " + std::to_string(c.weak_after)});
    }
    chains.print(out);
    out << "\nRanking changes (rank before → after; - = not ranked)\n";
    if (result.ranking.empty()) {
        out << "(none)\n";
        return;
    }
    Table ranking({"segment", "chain", "rank", "score"});
    for (const auto& r : result.ranking) {
        ranking.add_row({r.segment, r.chain, rank_text(r.rank_before) + " → " + rank_text(r.rank_after),
                         format_number(r.score_before) + " → " + format_number(r.score_after)});
    }
    ranking.print(out);
}

}  // namespace chainatlas::report
