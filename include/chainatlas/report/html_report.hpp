#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "chainatlas/analysis/county_compare.hpp"
#include "chainatlas/analysis/critical.hpp"
#include "chainatlas/analysis/gaps.hpp"
#include "chainatlas/analysis/targets.hpp"
#include "chainatlas/graph/region_graph.hpp"

/// The planner's report (规划报告): one self-contained HTML page (inline CSS and SVG, no script,
/// nothing loaded from the network) covering the region at a glance, each chain with its map,
/// gaps, recruitment list and critical enterprises, the chain offices' "one map and N lists"
/// (1个图谱+N张清单), and the counties. What each section shows: docs/REPORT.md.
namespace chainatlas::report {

/// What the report covers and how.
struct ReportOptions {
    bool english = false;  ///< names from `name_en` and English headings
    std::string chain;     ///< only this chain (an id); empty for all
    std::string
        county;  ///< only this county's enterprises count as local (an id); empty for the region
    bool diagrams = true;  ///< embed the chain maps and cluster diagrams drawn by Graphviz
    /// Called before each long step with what it is about to do (for a progress line); may be
    /// empty.
    std::function<void(std::string_view step, std::size_t done, std::size_t total)> progress;
};

/// An enterprise as the lists show it. Names are raw text; the writer escapes them.
struct EnterpriseEntry {
    std::string id, name, name_en;
    std::string county, county_en;  ///< display names of its county
    std::string park, park_en;      ///< empty when not in a park
    std::vector<std::string> tags;  ///< known tags as spelled in data (`chain-leader`, ...)
    double output = 0.0;            ///< 亿元; 0 when unknown
    bool leader = false;            ///< a chain leader (链主) of this chain
};

/// One segment of a chain and the local enterprises working in it.
struct SegmentEnterprises {
    std::string id, name, name_en;
    std::vector<EnterpriseEntry> enterprises;  ///< leaders first, then output descending, then id
};

/// A project of a chain (in the chosen place).
struct ProjectEntry {
    std::string id, name, name_en, status;  ///< status as spelled in data
    std::string county, county_en;
    double investment = 0.0;  ///< 亿元; 0 when unknown
    std::optional<int> year;
    std::vector<std::string> segments, segments_en;  ///< display names of the segments it fills
};

/// Everything the report shows about one chain.
struct ChainReport {
    analysis::ChainGaps gaps;                     ///< coverage and every segment's status
    std::vector<analysis::RankedAction> actions;  ///< this chain's ranked gaps and weak links
    std::vector<analysis::Target> targets;        ///< recruitment list, in rank order
    analysis::CriticalResult critical;     ///< weak segments and removal impacts in this chain
    std::vector<EnterpriseEntry> leading;  ///< leaders, then champions, little giants, listed
    std::vector<SegmentEnterprises> supporting;  ///< every segment, by level
    std::vector<ProjectEntry>
        projects;               ///< by status (building, signed, planned, operating), then id
    std::string chain_map_svg;  ///< inline SVG of the chain map; empty without diagrams
    std::string cluster_svg;    ///< inline SVG of the cluster diagram by county
};

/// Facts about the dataset shown in the header and footer.
struct DatasetFacts {
    std::string name, content_hash;
    std::string region, region_en;
    std::optional<int> year;
    std::size_t counties = 0, parks = 0, chains = 0, segments = 0;
    std::size_t local_enterprises = 0, external_enterprises = 0, projects = 0;
    double local_output = 0.0;         ///< 亿元
    std::vector<std::string> sources;  ///< distinct sources of the records shown, sorted
};

/// The report's content, computed once from the analyses.
struct ReportInput {
    DatasetFacts facts;
    std::string chain, county;  ///< the filters, ids
    std::string county_name, county_name_en;
    std::vector<ChainReport> chains;  ///< in dataset order
    std::vector<analysis::RankedAction>
        top_actions;  ///< the first ranked actions over all chains shown
    std::optional<analysis::CompareResult>
        counties;  ///< the county comparison; none for one chain only
    std::vector<analysis::ArticulationPoint>
        articulation_points;  ///< of the region's supply network
};

/// Runs the analyses (find_gaps, find_targets, find_critical, compare_counties) and draws the
/// diagrams for the report. Throws NotFoundError for an unknown chain or county id, Error when
/// Graphviz fails.
ReportInput assemble_report(const graph::RegionGraph& graph, const ReportOptions& options);

/// Writes the report as one HTML5 document. Every piece of text from the data is escaped, so
/// names holding markup come out as text. The same input gives the same bytes.
void write_html_report(std::ostream& out, const ReportInput& input, const ReportOptions& options);

/// The ids of the page's sections in order: `overview`, `report-chain-<id>` for each chain,
/// `counties` (when compared), `network`. (The diagrams' SVG already uses `chain-<id>`.)
std::vector<std::string> report_sections(const ReportInput& input);

/// Text escaped for HTML element content and double-quoted attribute values: `&`, `<`, `>`, `"`
/// and `'` become character references; control characters other than tab and newline are dropped.
std::string escape_html_text(std::string_view text);

}  // namespace chainatlas::report
