#include "chainatlas/report/text_writer.hpp"

#include "chainatlas/report/table.hpp"

namespace chainatlas::report {

namespace {

using Align = Table::Align;

/// A name for a text table or line: in the chosen language, control characters made spaces.
std::string name_of(const std::string& name, const std::string& name_en, bool english) {
    return printable(model::display_name(name, name_en, english));
}

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out.empty() ? "-" : out;
}

}  // namespace

void print_diagnostics(std::ostream& out, const std::vector<io::Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) out << format_diagnostic(d) << '\n';
}

void print_stats(std::ostream& out, const model::Dataset& data, const analysis::StatsResult& result,
                 const TextOptions& options) {
    out << "Dataset: " << data.name << " (" << data.region.name;
    if (!data.region.name_en.empty()) out << ", " << data.region.name_en;
    out << ")  " << data.content_hash << "\n\n";

    Table totals({"kind", "count"}, {Align::left, Align::right});
    for (const auto& t : result.totals) totals.add_row({t.kind, std::to_string(t.count)});
    totals.print(out);

    out << "\nBy chain\n";
    Table chains({"chain", "name", "confidence", "segments", "covered", "local", "external", "output(亿元)",
                  "projects", "counties"},
                 {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right, Align::right,
                  Align::right, Align::right, Align::right});
    for (const auto& c : result.chains) {
        chains.add_row({c.id, name_of(c.name, c.name_en, options.english), c.confidence, std::to_string(c.segments),
                        std::to_string(c.covered_segments), std::to_string(c.local_enterprises),
                        std::to_string(c.external_enterprises), format_number(c.output), std::to_string(c.projects),
                        std::to_string(c.counties)});
    }
    chains.print(out);

    out << "\nBy county\n";
    Table counties({"county", "name", "kind", "enterprises", "output(亿元)", "parks", "chains", "projects",
                    "investment(亿元)"},
                   {Align::left, Align::left, Align::left, Align::right, Align::right, Align::right, Align::right,
                    Align::right, Align::right});
    for (const auto& c : result.counties) {
        counties.add_row({c.id, name_of(c.name, c.name_en, options.english), c.kind, std::to_string(c.enterprises),
                          format_number(c.output), std::to_string(c.parks), std::to_string(c.chains),
                          std::to_string(c.projects), format_number(c.investment)});
    }
    counties.print(out);
}

void print_chains(std::ostream& out, const analysis::ChainListResult& result, const TextOptions& options) {
    bool first = true;
    bool any_derived = false;
    for (const auto& chain : result.chains) {
        if (!first) out << '\n';
        first = false;
        out << chain.id << "  " << name_of(chain.name, chain.name_en, options.english) << "  ["
            << chain.confidence << "]  leaders: " << joined(chain.leaders) << '\n';
        Table table({"level", "segment", "name", "tier", "local", "external", "inputs"},
                    {Align::right, Align::left, Align::left, Align::left, Align::right, Align::right, Align::left});
        for (const auto& s : chain.segments) {
            any_derived = any_derived || s.tier_derived;
            table.add_row({std::to_string(s.level), s.id, name_of(s.name, s.name_en, options.english),
                           s.tier + (s.tier_derived ? "*" : ""), std::to_string(s.local_enterprises),
                           std::to_string(s.external_enterprises), joined(s.inputs)});
        }
        table.print(out, 60);
    }
    if (!result.chains.empty()) {
        out << "\n(level = position from upstream along the links" << (any_derived ? "; * tier derived from the links" : "")
            << ")\n";
    }
}

void print_show(std::ostream& out, const analysis::ShowResult& result) {
    out << result.record.kind << " " << result.record.id << "  " << printable(result.record.name) << '\n';
    if (!result.fields.empty()) {
        Table fields({"field", "value"});
        for (const auto& [key, value] : result.fields) fields.add_row({key, value});
        fields.print(out, 100);
    }
    for (const auto& g : result.neighbours) {
        out << '\n' << g.relation << " (" << g.records.size() << ")\n";
        if (g.records.empty()) continue;
        Table table({"kind", "id", "name"});
        for (const auto& r : g.records) table.add_row({r.kind, r.id, r.name});
        table.print(out);
    }
}

}  // namespace chainatlas::report
