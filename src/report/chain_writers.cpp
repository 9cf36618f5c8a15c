#include "chainatlas/report/chain_writers.hpp"

#include <cmath>
#include <map>
#include <string>

#include "chainatlas/report/table.hpp"

namespace chainatlas::report {

namespace {

using Align = Table::Align;

/// Four decimals in JSON, so the bytes do not depend on the last bits of a sum.
double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }

Json optional_number(const std::optional<double>& value) { return value ? Json(rounded(*value)) : Json(nullptr); }

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

std::string ratio_text(const std::optional<double>& ratio) { return ratio ? format_percent(*ratio) : "-"; }

std::string place_text(const std::string& county, const std::string& park) {
    std::string out;
    if (!county.empty()) out += "county " + county;
    if (!park.empty()) out += (out.empty() ? "" : ", ") + std::string("park ") + park;
    return out.empty() ? "whole region" : out;
}

std::string action_text(const std::optional<analysis::ActionKind>& kind, bool english) {
    if (!kind) return "-";
    return std::string(english ? analysis::to_string(*kind) : analysis::chinese_name(*kind));
}

Json factors_json(const std::vector<analysis::Factor>& factors) {
    Json out = Json::array();
    for (const auto& f : factors) {
        out.push_back({{"name", f.name},
                       {"value", rounded(f.value)},
                       {"weight", rounded(f.weight)},
                       {"contribution", rounded(f.contribution)}});
    }
    return out;
}

Json action_json(const std::optional<analysis::ActionKind>& kind) {
    if (!kind) return nullptr;
    return {{"kind", analysis::to_string(*kind)},
            {"name", analysis::chinese_name(*kind)},
            {"name_en", analysis::english_name(*kind)},
            {"rule", analysis::rule_text(*kind)}};
}

Json segment_gap_json(const analysis::SegmentGap& s) {
    return {{"id", s.id},
            {"name", s.name},
            {"name_en", s.name_en},
            {"tier", s.tier},
            {"level", s.level},
            {"status", analysis::to_string(s.status)},
            {"local_enterprises", s.local_enterprises},
            {"external_enterprises", s.external_enterprises},
            {"output", rounded(s.output)},
            {"holders", s.holders},
            {"projects", s.projects},
            {"inputs", s.inputs},
            {"local_inputs", s.local_inputs},
            {"local_supply_ratio", optional_number(s.local_supply_ratio)},
            {"action", action_json(s.action)},
            {"score", rounded(s.score)},
            {"rank", s.rank == 0 ? Json(nullptr) : Json(s.rank)},
            {"factors", factors_json(s.factors)}};
}

Json leader_json(const analysis::LeaderSupply& l) {
    return {{"id", l.id},
            {"name", l.name},
            {"name_en", l.name_en},
            {"inputs", l.inputs},
            {"local_inputs", l.local_inputs},
            {"local_supply_ratio", optional_number(l.local_supply_ratio)},
            {"missing_inputs", l.missing_inputs}};
}

Json weights_json(const analysis::GapWeights& w) {
    return {{"severity", w.severity},       {"demand_pull", w.demand_pull}, {"demand_output", w.demand_output},
            {"supply_push", w.supply_push}, {"structure", w.structure},     {"leader_pull", w.leader_pull},
            {"tier", w.tier}};
}

void print_chain_gaps(std::ostream& out, const analysis::ChainGaps& chain, const TextOptions& options) {
    out << chain.id << "  " << name_of(chain.name, chain.name_en, options.english) << "  coverage "
        << format_percent(chain.coverage) << " (" << chain.held << "/" << chain.segments << ")  covered "
        << chain.covered << ", weak " << chain.weak << ", filling " << chain.filling << ", missing "
        << chain.missing << '\n';
    Table table({"level", "segment", "name", "tier", "status", "local", "external", "output(亿元)", "local supply",
                 "action", "score", "rank"},
                {Align::right, Align::left, Align::left, Align::left, Align::left, Align::right, Align::right,
                 Align::right, Align::right, Align::left, Align::right, Align::right});
    for (const auto& s : chain.segment_gaps) {
        table.add_row({std::to_string(s.level), s.id, name_of(s.name, s.name_en, options.english), s.tier,
                       std::string(analysis::to_string(s.status)), std::to_string(s.local_enterprises),
                       std::to_string(s.external_enterprises), format_number(s.output),
                       ratio_text(s.local_supply_ratio), action_text(s.action, options.english),
                       s.action ? format_number(s.score) : "-", s.rank == 0 ? "-" : std::to_string(s.rank)});
    }
    table.print(out, 40);
    for (const auto& l : chain.leaders) {
        out << "  leader (链主) " << l.id << " " << name_of(l.name, l.name_en, options.english)
            << ": local supply ratio (本地配套率) " << ratio_text(l.local_supply_ratio) << " (" << l.local_inputs
            << "/" << l.inputs << " inputs held locally; bought outside: " << joined(l.missing_inputs) << ")\n";
    }
}

std::string factor_sum(const std::vector<analysis::Factor>& factors) {
    std::string out;
    for (const auto& f : factors) {
        if (f.contribution == 0.0) continue;
        if (!out.empty()) out += " + ";
        out += f.name + " " + format_number(f.value) + "×" + format_number(f.weight);
    }
    return out.empty() ? "0" : out;
}

const analysis::SegmentGap* find_gap(const analysis::GapResult& result, const std::string& id) {
    for (const auto& chain : result.chains) {
        for (const auto& s : chain.segment_gaps) {
            if (s.id == id) return &s;
        }
    }
    return nullptr;
}

void print_ranking(std::ostream& out, const analysis::GapResult& result, const TextOptions& options) {
    out << "\nRanking for action (score = sum of value × weight)\n";
    Table table({"rank", "segment", "name", "status", "action", "score", "factors"},
                {Align::right, Align::left, Align::left, Align::left, Align::left, Align::right, Align::left});
    std::vector<bool> used(5, false);
    for (const auto& r : result.ranking) {
        const auto* gap = find_gap(result, r.segment);
        used[static_cast<std::size_t>(r.action)] = true;
        table.add_row({std::to_string(r.rank), r.segment, name_of(r.name, r.name_en, options.english),
                       std::string(analysis::to_string(r.status)), action_text(r.action, options.english),
                       format_number(r.score), gap ? factor_sum(gap->factors) : "-"});
    }
    table.print(out, 120);
    out << "\nActions\n";
    for (std::size_t k = 0; k < used.size(); ++k) {
        if (!used[k]) continue;
        const auto kind = static_cast<analysis::ActionKind>(k);
        out << "  " << analysis::chinese_name(kind) << " (" << analysis::to_string(kind) << "): "
            << analysis::rule_text(kind) << '\n';
    }
}

void print_sensitivity(std::ostream& out, const analysis::GapResult& result) {
    if (result.sensitivity.empty()) return;
    out << "\nSensitivity (each weight ×0.75 and ×1.25 in turn)\n";
    Table table({"rank", "segment", "best", "worst", "stable"},
                {Align::right, Align::left, Align::right, Align::right, Align::left});
    for (const auto& s : result.sensitivity) {
        table.add_row({std::to_string(s.rank), s.segment, std::to_string(s.min_rank), std::to_string(s.max_rank),
                       s.stable ? "yes" : "no"});
    }
    table.print(out);
}

Json traced_segments_json(const std::vector<analysis::TracedSegment>& segments) {
    Json out = Json::array();
    for (const auto& s : segments) {
        out.push_back({{"id", s.id},
                       {"name", s.name},
                       {"name_en", s.name_en},
                       {"chain", s.chain},
                       {"distance", s.distance},
                       {"local_enterprises", s.local_enterprises}});
    }
    return out;
}

Json partners_json(const std::vector<analysis::Partner>& partners) {
    Json out = Json::array();
    for (const auto& p : partners) {
        out.push_back({{"id", p.id},
                       {"name", p.name},
                       {"name_en", p.name_en},
                       {"external", p.external},
                       {"by_link", p.by_link},
                       {"by_supply", p.by_supply},
                       {"segments", p.segments}});
    }
    return out;
}

void add_traced_rows(Table& table, const char* direction, const std::vector<analysis::TracedSegment>& segments,
                     const TextOptions& options) {
    for (const auto& s : segments) {
        table.add_row({direction, std::to_string(s.distance), s.id, name_of(s.name, s.name_en, options.english),
                       s.chain, std::to_string(s.local_enterprises)});
    }
}

void print_partners(std::ostream& out, const char* title, const std::vector<analysis::Partner>& partners,
                    const TextOptions& options) {
    out << '\n' << title << '\n';
    if (partners.empty()) {
        out << "  none\n";
        return;
    }
    Table table({"enterprise", "name", "via", "segments"}, {Align::left, Align::left, Align::left, Align::left});
    for (const auto& p : partners) {
        std::string via = p.by_link ? "link" : "";
        if (p.by_supply) via += via.empty() ? "supply" : "+supply";
        if (p.external) via += " (external)";
        table.add_row({p.id, name_of(p.name, p.name_en, options.english), via, joined(p.segments)});
    }
    table.print(out, 60);
}

void print_traced_enterprises(std::ostream& out, const analysis::TraceResult& result, const TextOptions& options) {
    out << "\nLocal enterprises\n";
    Table table({"direction", "distance", "enterprise", "name", "county", "segment"},
                {Align::left, Align::right, Align::left, Align::left, Align::left, Align::left});
    std::map<std::string, std::size_t> shown;
    const std::map<std::string, std::size_t> total{{"self", result.enterprise_totals.self},
                                                   {"upstream", result.enterprise_totals.upstream},
                                                   {"downstream", result.enterprise_totals.downstream}};
    for (const auto& e : result.enterprises) {
        if (shown[e.direction] >= kTraceTableRows) continue;
        ++shown[e.direction];
        table.add_row({e.direction, std::to_string(e.distance), e.id, name_of(e.name, e.name_en, options.english),
                       e.county, e.segment});
    }
    if (table.empty()) {
        out << "  none\n";
        return;
    }
    table.print(out, 40);
    for (const auto& [direction, count] : total) {
        if (count > shown[direction]) {
            out << "  (" << direction << ": " << count - shown[direction] << " more; --json --limit 0 lists them)\n";
        }
    }
}

Json place_count_json(const std::optional<analysis::PlaceCount>& place) {
    if (!place) return nullptr;
    return {{"id", place->id},
            {"name", place->name},
            {"name_en", place->name_en},
            {"suppliers", place->suppliers},
            {"customers", place->customers}};
}

std::string place_count_text(const std::optional<analysis::PlaceCount>& place, bool english) {
    if (!place) return "-";
    return place->id + " " + name_of(place->name, place->name_en, english) + " (suppliers " +
           std::to_string(place->suppliers) + ", customers " + std::to_string(place->customers) + ")";
}

Json enterprise_ref_json(const analysis::EnterpriseRef& e) {
    return {{"id", e.id}, {"name", e.name}, {"name_en", e.name_en}};
}

Json null_if_empty(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

}  // namespace

Json to_json(const analysis::TargetResult& result) {
    Json targets = Json::array();
    for (const auto& t : result.targets) {
        Json candidates = Json::array();
        for (const auto& c : t.candidates) {
            candidates.push_back({{"id", c.id},
                                  {"name", c.name},
                                  {"name_en", c.name_en},
                                  {"location", c.location},
                                  {"score", rounded(c.score)},
                                  {"factors", factors_json(c.factors)}});
        }
        Json projects = Json::array();
        for (const auto& p : t.projects) {
            projects.push_back({{"id", p.id}, {"name", p.name}, {"name_en", p.name_en}, {"status", p.status}});
        }
        targets.push_back({{"rank", t.rank},
                           {"chain", t.chain},
                           {"segment", t.segment},
                           {"name", t.name},
                           {"name_en", t.name_en},
                           {"status", analysis::to_string(t.status)},
                           {"action", analysis::to_string(t.action)},
                           {"score", rounded(t.score)},
                           {"candidates", candidates},
                           {"county", place_count_json(t.county)},
                           {"park", place_count_json(t.park)},
                           {"projects", projects}});
    }
    return {{"county", null_if_empty(result.county)}, {"park", null_if_empty(result.park)}, {"targets", targets}};
}

void print_targets(std::ostream& out, const analysis::TargetResult& result, const TextOptions& options) {
    out << "Recruitment list (招商清单, " << place_text(result.county, result.park) << ")\n";
    for (const auto& t : result.targets) {
        out << '\n' << '#' << t.rank << "  " << t.segment << "  " << name_of(t.name, t.name_en, options.english)
            << "  [" << analysis::to_string(t.status) << ", " << action_text(t.action, options.english) << ", score "
            << format_number(t.score) << "]\n";
        out << "  land in county: " << place_count_text(t.county, options.english) << '\n';
        out << "  land in park:   " << place_count_text(t.park, options.english) << '\n';
        std::vector<std::string> projects;
        for (const auto& p : t.projects) projects.push_back(p.id + " (" + p.status + ")");
        out << "  projects: " << joined(projects) << '\n';
        if (t.candidates.empty()) {
            out << "  candidates: none known\n";
            continue;
        }
        Table table({"candidate", "name", "location", "score", "factors"},
                    {Align::left, Align::left, Align::left, Align::right, Align::left});
        for (const auto& c : t.candidates) {
            table.add_row({c.id, name_of(c.name, c.name_en, options.english), c.location, format_number(c.score),
                           factor_sum(c.factors)});
        }
        table.print(out, 60);
    }
}

Json to_json(const analysis::CriticalResult& result) {
    Json weak = Json::array();
    for (const auto& w : result.weak_segments) {
        weak.push_back({{"chain", w.chain},
                        {"id", w.id},
                        {"name", w.name},
                        {"name_en", w.name_en},
                        {"holder", enterprise_ref_json(w.holder)},
                        {"dependents", w.dependents}});
    }
    Json removals = Json::array();
    for (const auto& r : result.removals) {
        removals.push_back({{"enterprise", enterprise_ref_json(r.enterprise)},
                            {"gaps_opened", r.gaps_opened},
                            {"segment_dependents", r.segment_dependents},
                            {"orphaned_customers", r.orphaned_customers}});
    }
    Json points = Json::array();
    for (const auto& a : result.articulation_points) {
        points.push_back({{"enterprise", enterprise_ref_json(a.enterprise)},
                          {"external", a.external},
                          {"partners", a.partners},
                          {"blocks", a.blocks}});
    }
    return {{"chain", null_if_empty(result.chain)},
            {"county", null_if_empty(result.county)},
            {"park", null_if_empty(result.park)},
            {"weak_segments", weak},
            {"removals", removals},
            {"articulation_points", points}};
}

void print_critical(std::ostream& out, const analysis::CriticalResult& result, const TextOptions& options) {
    out << "Single points of failure (" << place_text(result.county, result.park)
        << (result.chain.empty() ? "" : ", chain " + result.chain) << ")\n\nWeak segments (弱链: one local enterprise)\n";
    Table weak({"chain", "segment", "name", "holder", "holder name", "dependents"},
               {Align::left, Align::left, Align::left, Align::left, Align::left, Align::right});
    for (const auto& w : result.weak_segments) {
        weak.add_row({w.chain, w.id, name_of(w.name, w.name_en, options.english), w.holder.id,
                      name_of(w.holder.name, w.holder.name_en, options.english), std::to_string(w.dependents)});
    }
    if (weak.empty()) out << "  none\n";
    else weak.print(out, 40);
    out << "\nIf the enterprise left (gaps opened; enterprises losing their only local source)\n";
    Table removals({"enterprise", "name", "gaps", "segments opened", "dependents", "orphaned customers"},
                   {Align::left, Align::left, Align::right, Align::left, Align::right, Align::left});
    for (const auto& r : result.removals) {
        removals.add_row({r.enterprise.id, name_of(r.enterprise.name, r.enterprise.name_en, options.english),
                          std::to_string(r.gaps_opened.size()), joined(r.gaps_opened),
                          std::to_string(r.segment_dependents.size()), joined(r.orphaned_customers)});
    }
    if (removals.empty()) out << "  none\n";
    else removals.print(out, 60);
    out << "\nArticulation points of the supply network (removal splits it)\n";
    Table points({"enterprise", "name", "external", "partners", "blocks"},
                 {Align::left, Align::left, Align::left, Align::right, Align::right});
    for (const auto& a : result.articulation_points) {
        points.add_row({a.enterprise.id, name_of(a.enterprise.name, a.enterprise.name_en, options.english),
                        a.external ? "yes" : "no", std::to_string(a.partners), std::to_string(a.blocks)});
    }
    if (points.empty()) out << "  none\n";
    else points.print(out, 40);
}

Json to_json(const analysis::TraceResult& result) {
    Json enterprises = Json::array();
    for (const auto& e : result.enterprises) {
        enterprises.push_back({{"id", e.id},
                               {"name", e.name},
                               {"name_en", e.name_en},
                               {"county", e.county},
                               {"direction", e.direction},
                               {"distance", e.distance},
                               {"segment", e.segment}});
    }
    Json out = {{"kind", result.kind},
                {"id", result.id},
                {"name", result.name},
                {"name_en", result.name_en},
                {"segments", traced_segments_json(result.segments)},
                {"upstream", traced_segments_json(result.upstream)},
                {"downstream", traced_segments_json(result.downstream)},
                {"enterprises", enterprises},
                {"enterprise_totals",
                 {{"self", result.enterprise_totals.self},
                  {"upstream", result.enterprise_totals.upstream},
                  {"downstream", result.enterprise_totals.downstream}}}};
    if (result.kind == "enterprise") {
        out["suppliers"] = partners_json(result.suppliers);
        out["customers"] = partners_json(result.customers);
        out["outside_inputs"] = traced_segments_json(result.outside_inputs);
    }
    return out;
}

void print_trace(std::ostream& out, const analysis::TraceResult& result, const TextOptions& options) {
    out << "Trace of " << result.kind << ' ' << result.id << "  " << name_of(result.name, result.name_en, options.english)
        << '\n';
    Table table({"direction", "distance", "segment", "name", "chain", "local"},
                {Align::left, Align::right, Align::left, Align::left, Align::left, Align::right});
    add_traced_rows(table, "self", result.segments, options);
    add_traced_rows(table, "upstream", result.upstream, options);
    add_traced_rows(table, "downstream", result.downstream, options);
    table.print(out, 40);
    print_traced_enterprises(out, result, options);
    if (result.kind != "enterprise") return;
    print_partners(out, "Suppliers (本地供应商)", result.suppliers, options);
    print_partners(out, "Customers (本地客户)", result.customers, options);
    out << "\nInputs bought outside the region (外购环节)\n";
    if (result.outside_inputs.empty()) out << "  none\n";
    for (const auto& s : result.outside_inputs) {
        out << "  " << s.id << "  " << name_of(s.name, s.name_en, options.english) << '\n';
    }
}

Json to_json(const analysis::GapResult& result) {
    Json chains = Json::array();
    for (const auto& c : result.chains) {
        Json segments = Json::array();
        for (const auto& s : c.segment_gaps) segments.push_back(segment_gap_json(s));
        Json leaders = Json::array();
        for (const auto& l : c.leaders) leaders.push_back(leader_json(l));
        chains.push_back({{"id", c.id},
                          {"name", c.name},
                          {"name_en", c.name_en},
                          {"coverage", rounded(c.coverage)},
                          {"segment_count", c.segments},
                          {"held", c.held},
                          {"covered", c.covered},
                          {"weak", c.weak},
                          {"filling", c.filling},
                          {"missing", c.missing},
                          {"segments", segments},
                          {"leaders", leaders}});
    }
    Json ranking = Json::array();
    for (const auto& r : result.ranking) {
        ranking.push_back({{"rank", r.rank},
                           {"chain", r.chain},
                           {"segment", r.segment},
                           {"name", r.name},
                           {"name_en", r.name_en},
                           {"status", analysis::to_string(r.status)},
                           {"action", analysis::to_string(r.action)},
                           {"score", rounded(r.score)}});
    }
    Json sensitivity = Json::array();
    for (const auto& s : result.sensitivity) {
        sensitivity.push_back({{"segment", s.segment},
                               {"rank", s.rank},
                               {"min_rank", s.min_rank},
                               {"max_rank", s.max_rank},
                               {"stable", s.stable}});
    }
    return {{"county", result.county.empty() ? Json(nullptr) : Json(result.county)},
            {"park", result.park.empty() ? Json(nullptr) : Json(result.park)},
            {"weights", weights_json(result.weights)},
            {"chains", chains},
            {"ranking", ranking},
            {"sensitivity", sensitivity}};
}

void print_gaps(std::ostream& out, const analysis::GapResult& result, const TextOptions& options) {
    out << "Gaps (" << place_text(result.county, result.park) << ")\n";
    for (const auto& chain : result.chains) {
        out << '\n';
        print_chain_gaps(out, chain, options);
    }
    print_ranking(out, result, options);
    print_sensitivity(out, result);
}

}  // namespace chainatlas::report
