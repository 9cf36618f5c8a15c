#include "chainatlas/report/chain_writers.hpp"

#include <cmath>
#include <string>

#include "chainatlas/report/table.hpp"

namespace chainatlas::report {

namespace {

using Align = Table::Align;

/// Four decimals in JSON, so the bytes do not depend on the last bits of a sum.
double rounded(double value) { return std::round(value * 10000.0) / 10000.0; }

Json optional_number(const std::optional<double>& value) { return value ? Json(rounded(*value)) : Json(nullptr); }

std::string name_of(const std::string& name, const std::string& name_en, bool english) {
    return std::string(model::display_name(name, name_en, english));
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

}  // namespace

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
