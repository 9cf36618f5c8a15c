#include "chainatlas/report/json_writer.hpp"

#include <iomanip>

namespace chainatlas::report {

namespace {

std::string str(std::string_view text) { return std::string(text); }

}  // namespace

Json dataset_json(const model::Dataset& data) {
    return Json{{"name", data.name}, {"region", str(data.region.id)}, {"hash", data.content_hash}};
}

Json to_json(const std::vector<io::Diagnostic>& diagnostics) {
    Json out = Json::array();
    for (const auto& d : diagnostics) {
        out.push_back({{"severity", d.severity == io::Severity::error ? "error" : "warning"},
                       {"file", d.file},
                       {"location", d.location},
                       {"message", d.message}});
    }
    return out;
}

Json to_json(const analysis::StatsResult& result) {
    Json totals = Json::object();
    for (const auto& t : result.totals) totals[t.kind] = t.count;
    Json chains = Json::array();
    for (const auto& c : result.chains) {
        chains.push_back({{"id", c.id},
                          {"name", c.name},
                          {"name_en", c.name_en},
                          {"confidence", c.confidence},
                          {"segments", c.segments},
                          {"covered_segments", c.covered_segments},
                          {"local_enterprises", c.local_enterprises},
                          {"external_enterprises", c.external_enterprises},
                          {"output", c.output},
                          {"projects", c.projects},
                          {"counties", c.counties}});
    }
    Json counties = Json::array();
    for (const auto& c : result.counties) {
        counties.push_back({{"id", c.id},
                            {"name", c.name},
                            {"name_en", c.name_en},
                            {"kind", c.kind},
                            {"enterprises", c.enterprises},
                            {"output", c.output},
                            {"parks", c.parks},
                            {"chains", c.chains},
                            {"projects", c.projects},
                            {"investment", c.investment}});
    }
    return Json{{"totals", totals}, {"chains", chains}, {"counties", counties}};
}

Json to_json(const analysis::ChainListResult& result) {
    Json chains = Json::array();
    for (const auto& c : result.chains) {
        Json segments = Json::array();
        for (const auto& s : c.segments) {
            segments.push_back({{"id", s.id},
                                {"name", s.name},
                                {"name_en", s.name_en},
                                {"tier", s.tier},
                                {"tier_derived", s.tier_derived},
                                {"level", s.level},
                                {"local_enterprises", s.local_enterprises},
                                {"external_enterprises", s.external_enterprises},
                                {"inputs", s.inputs},
                                {"outputs", s.outputs}});
        }
        chains.push_back({{"id", c.id},
                          {"name", c.name},
                          {"name_en", c.name_en},
                          {"confidence", c.confidence},
                          {"leaders", c.leaders},
                          {"segments", segments},
                          {"source", c.source},
                          {"note", c.note}});
    }
    return Json{{"chains", chains}};
}

Json to_json(const analysis::ShowResult& result) {
    Json fields = Json::object();
    for (const auto& [key, value] : result.fields) fields[key] = value;
    Json neighbours = Json::object();
    for (const auto& g : result.neighbours) {
        Json records = Json::array();
        for (const auto& r : g.records) records.push_back({{"kind", r.kind}, {"id", r.id}, {"name", r.name}});
        neighbours[g.relation] = records;
    }
    return Json{{"kind", result.record.kind},
                {"id", result.record.id},
                {"name", result.record.name},
                {"fields", fields},
                {"neighbours", neighbours}};
}

void write_json(std::ostream& out, const model::Dataset& data, Json body) {
    // The body is moved, not copied, into the document, which is streamed rather than dumped to
    // one string first: at registry scale a result is tens of MB (`clusters` at 1M: 52 MB).
    Json document{{"dataset", dataset_json(data)}};
    for (auto& [key, value] : body.items()) document[key] = std::move(value);
    out << std::setw(2) << document << '\n';
}

}  // namespace chainatlas::report
