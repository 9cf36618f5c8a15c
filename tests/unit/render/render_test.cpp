#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "chainatlas/error.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "chainatlas/render/diagram.hpp"
#include "chainatlas/render/dot_writer.hpp"
#include "chainatlas/render/graphviz_render.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::render {
namespace {

using testing::DatasetBuilder;

/// A bearing-like chain over two counties: a missing segment, a weak one, one being filled by a
/// building project, a covered one, a recycling link and a cross link to another chain.
model::Dataset small_chain() {
    DatasetBuilder b;
    b.county("a", "甲县").county("b", "乙县");
    b.chain("c", {"c.steel", "c.ball", "c.cage", "c.bearing"}, "轴承");
    b.chain("d", {"d.robot"}, "装备");
    b.link("c.steel", "c.ball").link("c.ball", "c.bearing").link("c.cage", "c.bearing").link("c.bearing", "c.steel");
    b.cross_link("c.bearing", "d.robot");
    b.enterprise("e1", "a", {"c.ball"}).name("钢球一厂");
    b.enterprise("e2", "b", {"c.bearing"}).name("轴承总厂").tag("chain-leader").output(9.5);
    b.enterprise("e3", "b", {"c.bearing"}).name("轴承二厂");
    b.enterprise("e4", "a", {"c.cage"}).name("保持器厂");
    b.leader("c", "e2");
    b.supply("e1", "e2").supply("e1", "e3");
    b.project("p1", "a", {"c.cage"}, model::ProjectStatus::building);
    return b.build();
}

/// Names that would break DOT or inject markup if written unescaped.
model::Dataset hostile_names() {
    DatasetBuilder b;
    b.county("a", "县<b>\"甲\"</b>");
    b.chain("c", {"c.x", "c.y"}, "链 & <script>alert('x')</script>");
    b.link("c.x", "c.y");
    b.enterprise("e1", "a", {"c.x"}).name("A & B \"引号\" <script>alert(1)</script>\n第二行\\N");
    b.enterprise("e2", "a", {"c.y"}).name("单引号 'quoted' >>");
    b.supply("e1", "e2");
    return b.build();
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

TEST(EscapeHtml, EscapesMarkupQuotesAndLineBreaks) {
    EXPECT_EQ(escape_html("a & <b> \"c\" 'd'\ne\\N"), "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39; e&#92;N");
}

TEST(EscapeQuoted, EscapesQuotesAndBackslashes) {
    EXPECT_EQ(escape_quoted("say \"hi\"\\N\n"), "say \\\"hi\\\"\\\\N ");
}

TEST(ChainMap, SegmentsAreColouredByStatus) {
    const auto data = small_chain();
    const graph::RegionGraph graph(data);
    const auto diagram = build_chain_map(graph, "c", {});
    auto classes_of = [&](const std::string& id) {
        for (const auto& node : diagram.nodes) {
            if (node.id == id) return node.classes;
        }
        return std::vector<std::string>{};
    };
    EXPECT_EQ(classes_of("seg-c.steel")[1], "status-missing");
    EXPECT_EQ(classes_of("seg-c.ball")[1], "status-weak");
    EXPECT_EQ(classes_of("seg-c.cage")[1], "status-filling");
    EXPECT_EQ(classes_of("seg-c.bearing")[1], "status-covered");
    EXPECT_EQ(classes_of("ext-d.robot")[1], "other-chain");
}

TEST(ChainMap, DotHasTierClustersRanksLegendAndDistinctCrossLinks) {
    const auto data = small_chain();
    const graph::RegionGraph graph(data);
    const std::string dot = to_dot(build_chain_map(graph, "c", {}), {});
    EXPECT_NE(dot.find("rankdir=LR, newrank=true"), std::string::npos);
    EXPECT_NE(dot.find("subgraph \"cluster_tier-upstream\""), std::string::npos);
    EXPECT_NE(dot.find("subgraph \"cluster_tier-downstream\""), std::string::npos);
    EXPECT_GE(count_of(dot, "{rank=same;"), 3u);
    EXPECT_NE(dot.find("fillcolor=\"#f8d7da\""), std::string::npos);  // missing
    EXPECT_NE(dot.find("fillcolor=\"#d4edda\""), std::string::npos);  // covered
    EXPECT_NE(dot.find("class=\"cross-link\""), std::string::npos);
    EXPECT_NE(dot.find("class=\"recycle-link\""), std::string::npos);
    EXPECT_NE(dot.find("★ 轴承总厂"), std::string::npos);
    EXPECT_EQ(count_of(dot, "fontname=\"Noto Sans CJK SC\""), 3u);  // graph, node, edge defaults
}

TEST(ChainMap, SameDataGivesSameBytes) {
    const auto data = small_chain();
    const graph::RegionGraph graph(data);
    EXPECT_EQ(to_dot(build_chain_map(graph, "c", {}), {}), to_dot(build_chain_map(graph, "c", {}), {}));
}

TEST(ChainMap, UnknownChainIsNotFound) {
    const auto data = small_chain();
    const graph::RegionGraph graph(data);
    EXPECT_THROW(build_chain_map(graph, "nope", {}), NotFoundError);
}

TEST(ClusterDiagram, GroupsEnterprisesByCountyWithSuppliesAcrossClusters) {
    const auto data = small_chain();
    const graph::RegionGraph graph(data);
    const auto diagram = build_cluster_diagram(graph, "c", ClusterBy::county, {});
    ASSERT_EQ(diagram.clusters.size(), 2u);
    EXPECT_EQ(diagram.clusters[0].id, "county-a");
    EXPECT_FALSE(diagram.aggregated);
    const std::string dot = to_dot(diagram, {});
    EXPECT_NE(dot.find("subgraph \"cluster_county-b\""), std::string::npos);
    EXPECT_NE(dot.find("\"ent-e1\" -> \"ent-e2\""), std::string::npos);
    EXPECT_NE(dot.find("class=\"flow\""), std::string::npos);
    EXPECT_NE(dot.find("lhead=\"cluster_county-b\""), std::string::npos);
}

TEST(ClusterDiagram, CollapsesIntoSegmentCountsAboveTheThreshold) {
    const auto data = small_chain();
    const graph::RegionGraph graph(data);
    DiagramOptions options;
    options.max_enterprise_nodes = 2;
    const auto diagram = build_cluster_diagram(graph, "c", ClusterBy::county, options);
    EXPECT_TRUE(diagram.aggregated);
    EXPECT_EQ(diagram.aggregation, "segments");
    EXPECT_EQ(diagram.nodes.size(), 3u);  // a: ball, cage; b: bearing
    options.max_segment_nodes = 2;
    const auto groups = build_cluster_diagram(graph, "c", ClusterBy::county, options);
    EXPECT_EQ(groups.aggregation, "clusters");
    EXPECT_EQ(groups.nodes.size(), 2u);
}

TEST(AggregateEdges, MergesParallelEdgesIntoOneWithACount) {
    Diagram diagram;
    diagram.edges.push_back({"a", "b", "supply", 1, "#000000", false, true, "", "", {}});
    diagram.edges.push_back({"a", "b", "supply", 1, "#000000", false, true, "", "", {}});
    diagram.edges.push_back({"a", "b", "flow", 1, "#000000", false, true, "", "", {}});
    aggregate_edges(diagram);
    ASSERT_EQ(diagram.edges.size(), 2u);
    EXPECT_EQ(diagram.edges[0].count, 2u);
    EXPECT_NE(to_dot(diagram, {}).find("penwidth=2.50"), std::string::npos);
}

TEST(Escaping, HostileNamesNeverReachTheDotOrSvgRaw) {
    const auto data = hostile_names();
    const graph::RegionGraph graph(data);
    for (const auto& diagram : {build_chain_map(graph, "c", {}), build_cluster_diagram(graph, "c", ClusterBy::county, {}),
                                build_county_map(graph, "a", {}), build_region_overview(graph, {})}) {
        const std::string dot = to_dot(diagram, {});
        EXPECT_EQ(dot.find("<script>"), std::string::npos);
        EXPECT_EQ(dot.find("\n第二行"), std::string::npos);
        const std::string svg = render_dot(dot, Format::svg);
        EXPECT_EQ(svg.find("<script"), std::string::npos) << diagram.id;
        EXPECT_EQ(svg.find("<b>"), std::string::npos) << diagram.id;
        EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos) << diagram.id;
    }
}

TEST(GraphvizRender, WritesSvgPngAndPdf) {
    const auto data = small_chain();
    const graph::RegionGraph graph(data);
    const std::string dot = to_dot(build_chain_map(graph, "c", {}), {});
    const std::string svg = render_dot(dot, Format::svg);
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    EXPECT_NE(svg.find("钢球一厂"), std::string::npos);
    EXPECT_NE(svg.find("id=\"seg&#45;c.steel\""), std::string::npos);  // Graphviz writes - as &#45;
    const std::string png = render_dot(dot, Format::png);
    ASSERT_GT(png.size(), 5000u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n"));
    const std::string pdf = render_dot(dot, Format::pdf);
    ASSERT_GT(pdf.size(), 5000u);
    EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
}

TEST(GraphvizRender, BrokenDotIsAnError) {
    EXPECT_THROW(render_dot("digraph { a -> ", Format::svg), Error);
}

TEST(Formats, ComeFromNamesAndSuffixes) {
    EXPECT_EQ(format_of_path("graphs/x.SVG"), Format::svg);
    EXPECT_EQ(format_of_path("x.gv"), Format::dot);
    EXPECT_EQ(format_of_path("x.txt"), std::nullopt);
    EXPECT_EQ(parse_format("pdf"), Format::pdf);
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

/// The committed gallery (graphs/*.dot) must be what the current code draws from the built-in
/// data: regenerate it with `chainatlas render gallery -o graphs` (docs/RENDERING.md).
TEST(Gallery, CommittedDotFilesAreUpToDate) {
    const auto loaded = io::load_builtin_dataset();
    const graph::RegionGraph graph(loaded.dataset);
    const std::filesystem::path folder = std::filesystem::path(CHAINATLAS_SOURCE_DIR) / "graphs";
    std::set<std::string> expected;
    for (const auto& item : build_gallery(graph, {})) {
        const auto path = folder / (item.stem + ".dot");
        expected.insert(path.filename().string());
        ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing: run `chainatlas render gallery -o graphs`";
        EXPECT_EQ(read_text(path), to_dot(item.diagram, {})) << path << " is out of date: run `chainatlas render gallery -o graphs`";
    }
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".dot") {
            EXPECT_TRUE(expected.count(entry.path().filename().string()) > 0) << entry.path() << " is not part of the gallery";
        }
    }
}

}  // namespace
}  // namespace chainatlas::render
