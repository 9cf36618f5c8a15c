#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "chainatlas/report/html_report.hpp"

/// Private helpers of the HTML report shared by its source files.
namespace chainatlas::report {

/// How many actions of the whole ranking the region overview lists.
inline constexpr std::size_t kTopActions = 15;
/// How many complementary pairs of counties the county section lists.
inline constexpr std::size_t kTopComplementPairs = 10;

/// The SVG element of a Graphviz document, ready to be placed inline in HTML: the XML
/// declaration, DOCTYPE and comments before `<svg` are dropped. Empty when there is no `<svg`.
std::string inline_svg(std::string_view document);

/// Draws the chain map and the cluster diagram (by county) of `chain_id` with Graphviz into
/// `report` as inline SVG. Throws Error when Graphviz fails.
void draw_chain_diagrams(const graph::RegionGraph& graph, const std::string& chain_id,
                         const ReportOptions& options, ChainReport& report);

}  // namespace chainatlas::report
