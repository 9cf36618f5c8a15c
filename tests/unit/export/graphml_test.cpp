#include <gtest/gtest.h>

#include <sstream>

#include "chainatlas/export/region_export.hpp"
#include "unit/export/small_region.hpp"
#include "unit/export/xml_reader.hpp"

namespace chainatlas::export_ {
namespace {

using testing::children;
using testing::xml_attribute;
using testing::XmlElement;

/// The GraphML of the small region, parsed: keys by id, nodes by id, edges in order.
struct ReadGraphml {
    std::string text;
    ExportCounts counts;
    std::map<std::string, XmlElement> keys;
    std::map<std::string, XmlElement> nodes;
    std::vector<XmlElement> edges;
    std::map<std::string, std::string> graph_data;
};

XmlElement element(const testing::pt::ptree& tree) {
    XmlElement out;
    if (const auto attrs = tree.get_child_optional("<xmlattr>")) {
        for (const auto& [name, value] : *attrs) out.xml[name] = value.data();
    }
    for (const auto* data : children(tree, "data"))
        out.values[xml_attribute(*data, "key")] = data->data();
    return out;
}

ReadGraphml read_back(const model::Dataset& data) {
    ReadGraphml read;
    std::ostringstream out;
    read.counts = write_graphml(out, data);
    read.text = out.str();
    const auto tree = testing::parse_xml(read.text);
    const auto& root = tree.get_child("graphml");
    for (const auto* key : children(root, "key"))
        read.keys[xml_attribute(*key, "id")] = element(*key);
    const auto& graph = root.get_child("graph");
    for (const auto* node : children(graph, "node"))
        read.nodes[xml_attribute(*node, "id")] = element(*node);
    for (const auto* edge : children(graph, "edge")) read.edges.push_back(element(*edge));
    read.graph_data = element(graph).values;
    return read;
}

TEST(WriteGraphml, HoldsEveryNodeAndEdgeOfTheRegion) {
    const auto data = testing::small_region();
    const auto read = read_back(data);
    EXPECT_EQ(read.nodes.size(), 14U);
    EXPECT_EQ(read.edges.size(), 23U);
    EXPECT_EQ(read.counts, count_region(data));
    EXPECT_EQ(read.counts.node_total(), 14U);
    EXPECT_EQ(read.counts.edge_total(), 23U);
    EXPECT_EQ(read.graph_data.at("g_dataset_hash"), data.content_hash);
}

TEST(WriteGraphml, DeclaresEveryKeyWithItsType) {
    const auto read = read_back(testing::small_region());
    const auto type = [&](const std::string& id) { return read.keys.at(id).xml.at("attr.type"); };
    EXPECT_EQ(type("n_kind"), "string");
    EXPECT_EQ(type("n_output"), "double");
    EXPECT_EQ(type("n_level"), "int");
    EXPECT_EQ(type("n_external"), "boolean");
    EXPECT_EQ(type("n_tags"), "string");
    EXPECT_EQ(type("e_weight"), "double");
    EXPECT_EQ(read.keys.at("e_kind").xml.at("for"), "edge");
    EXPECT_EQ(read.keys.at("n_county").xml.at("attr.name"), "county");
    // Every data element refers to a declared key.
    for (const auto& [id, node] : read.nodes) {
        for (const auto& [key, value] : node.values) EXPECT_TRUE(read.keys.contains(key)) << key;
    }
}

TEST(WriteGraphml, EnterprisesCarryTheirRawAttributes) {
    const auto read = read_back(testing::small_region());
    const auto& e1 = read.nodes.at("enterprise:e1").values;
    EXPECT_EQ(e1.at("n_kind"), "enterprise");
    EXPECT_EQ(e1.at("n_record_id"), "e1");
    EXPECT_EQ(e1.at("n_county"), "a");
    EXPECT_EQ(e1.at("n_park"), "pa");
    EXPECT_EQ(e1.at("n_chain"), "c");
    EXPECT_EQ(e1.at("n_chains"), "c;d");
    EXPECT_EQ(e1.at("n_segments"), "c.up;d.two");
    EXPECT_EQ(e1.at("n_output"), "5");
    EXPECT_EQ(e1.at("n_external"), "false");
    EXPECT_EQ(e1.at("n_tags"), "chain-leader;外资");
    EXPECT_EQ(e1.at("n_leader"), "true");
    EXPECT_FALSE(e1.contains("n_employees"));  // 0 means unknown: left out
    const auto& x1 = read.nodes.at("enterprise:x1").values;
    EXPECT_EQ(x1.at("n_external"), "true");
    EXPECT_EQ(x1.at("n_location"), "天津");
    EXPECT_EQ(x1.at("n_leader"), "false");
    EXPECT_FALSE(x1.contains("n_county"));
    const auto& segment = read.nodes.at("segment:c.mid").values;
    EXPECT_EQ(segment.at("n_chain"), "c");
    EXPECT_EQ(segment.at("n_tier"), "midstream");
    EXPECT_EQ(segment.at("n_tier_derived"), "true");
    EXPECT_EQ(segment.at("n_level"), "1");
    const auto& project = read.nodes.at("project:p1").values;
    EXPECT_EQ(project.at("n_status"), "building");
    EXPECT_EQ(project.at("n_investment"), "3");
    EXPECT_EQ(project.at("n_enterprise"), "e1");
    EXPECT_EQ(read.nodes.at("county:a").values.at("n_name"), "甲县");
}

TEST(WriteGraphml, EdgesCarryKindAndSupplyWeight) {
    const auto read = read_back(testing::small_region());
    std::map<std::string, int> kinds;
    for (const auto& edge : read.edges) ++kinds[edge.values.at("e_kind")];
    EXPECT_EQ(kinds, (std::map<std::string, int>{{"by_enterprise", 1},
                                                 {"cross_link", 1},
                                                 {"in_county", 4},
                                                 {"in_park", 1},
                                                 {"leads", 1},
                                                 {"link", 3},
                                                 {"member", 4},
                                                 {"part_of", 5},
                                                 {"supply", 2},
                                                 {"targets", 1}}));
    const auto supply = std::find_if(read.edges.begin(), read.edges.end(), [](const XmlElement& e) {
        return e.xml.at("source") == "enterprise:e1" && e.xml.at("target") == "enterprise:e2";
    });
    ASSERT_NE(supply, read.edges.end());
    EXPECT_EQ(supply->values.at("e_kind"), "supply");
    EXPECT_EQ(supply->values.at("e_weight"), "2.5");
    const auto cross = std::find_if(read.edges.begin(), read.edges.end(), [](const XmlElement& e) {
        return e.values.at("e_kind") == "cross_link";
    });
    ASSERT_NE(cross, read.edges.end());
    EXPECT_EQ(cross->xml.at("source"), "segment:c.down");
    EXPECT_EQ(cross->xml.at("target"), "segment:d.one");
}

TEST(WriteGraphml, HostileNamesAreEscapedAndForbiddenCharactersDropped) {
    const auto read = read_back(testing::small_region());
    EXPECT_EQ(read.nodes.at("enterprise:e1").values.at("n_name"), testing::kHostileNameInXml);
    EXPECT_EQ(read.nodes.at("enterprise:e2").values.at("n_name"), testing::kFormulaName);
    EXPECT_NE(read.text.find("&lt;&amp;&quot;&gt;&#10;=cmd|&apos; /C calc&apos;!A0 end"),
              std::string::npos);
    EXPECT_EQ(read.text.find('\x01'), std::string::npos);
    EXPECT_EQ(read.text.find("\xEF\xBF\xBE"), std::string::npos);
}

TEST(WriteGraphml, AnEmptyRegionIsAValidEmptyGraph) {
    testing::DatasetBuilder b;
    b.county("a").chain("c", {"c.only"});
    const auto read = read_back(b.build());
    EXPECT_EQ(read.nodes.size(), 3U);
    EXPECT_EQ(read.edges.size(), 1U);  // c.only part_of c
}

}  // namespace
}  // namespace chainatlas::export_
