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

/// The GEXF of a dataset, parsed: attribute declarations by class and id, nodes by id, edges.
struct ReadGexf {
    std::string text;
    ExportCounts counts;
    std::string version;
    std::map<std::string, std::map<std::string, std::string>> types;  // class -> id -> type
    std::map<std::string, XmlElement> nodes;
    std::vector<XmlElement> edges;
};

XmlElement element(const testing::pt::ptree& tree) {
    XmlElement out;
    if (const auto attrs = tree.get_child_optional("<xmlattr>")) {
        for (const auto& [name, value] : *attrs) out.xml[name] = value.data();
    }
    if (const auto values = tree.get_child_optional("attvalues")) {
        for (const auto* v : children(*values, "attvalue"))
            out.values[xml_attribute(*v, "for")] = xml_attribute(*v, "value");
    }
    return out;
}

ReadGexf read_back(const model::Dataset& data) {
    ReadGexf read;
    std::ostringstream out;
    read.counts = write_gexf(out, data);
    read.text = out.str();
    const auto tree = testing::parse_xml(read.text);
    const auto& root = tree.get_child("gexf");
    read.version = xml_attribute(root, "version");
    const auto& graph = root.get_child("graph");
    for (const auto* declarations : children(graph, "attributes")) {
        for (const auto* a : children(*declarations, "attribute")) {
            read.types[xml_attribute(*declarations, "class")][xml_attribute(*a, "id")] =
                xml_attribute(*a, "type");
        }
    }
    for (const auto* node : children(graph.get_child("nodes"), "node"))
        read.nodes[xml_attribute(*node, "id")] = element(*node);
    for (const auto* edge : children(graph.get_child("edges"), "edge"))
        read.edges.push_back(element(*edge));
    return read;
}

TEST(WriteGexf, HoldsEveryNodeAndEdgeOfTheRegion) {
    const auto data = testing::small_region();
    const auto read = read_back(data);
    EXPECT_EQ(read.version, "1.2");
    EXPECT_EQ(read.nodes.size(), 14U);
    EXPECT_EQ(read.edges.size(), 23U);
    EXPECT_EQ(read.counts, count_region(data));
    EXPECT_NE(read.text.find("xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos);
    EXPECT_NE(read.text.find("defaultedgetype=\"directed\""), std::string::npos);
}

TEST(WriteGexf, DeclaresTypedAttributesForColouringByCountyAndChain) {
    const auto read = read_back(testing::small_region());
    EXPECT_EQ(read.types.at("node").at("county"), "string");
    EXPECT_EQ(read.types.at("node").at("chain"), "string");
    EXPECT_EQ(read.types.at("node").at("output"), "double");
    EXPECT_EQ(read.types.at("node").at("level"), "integer");
    EXPECT_EQ(read.types.at("node").at("leader"), "boolean");
    EXPECT_EQ(read.types.at("edge").at("kind"), "string");
    for (const auto& [id, node] : read.nodes) {
        for (const auto& [name, value] : node.values)
            EXPECT_TRUE(read.types.at("node").contains(name)) << name;
    }
    // Every enterprise in a chain, and every segment, can be coloured by chain; every local
    // enterprise by county.
    EXPECT_EQ(read.nodes.at("enterprise:e1").values.at("county"), "a");
    EXPECT_EQ(read.nodes.at("enterprise:e1").values.at("chain"), "c");
    EXPECT_EQ(read.nodes.at("enterprise:e2").values.at("county"), "b");
    EXPECT_EQ(read.nodes.at("enterprise:x1").values.at("chain"), "c");
    EXPECT_EQ(read.nodes.at("segment:d.two").values.at("chain"), "d");
    EXPECT_EQ(read.nodes.at("county:b").values.at("county"), "b");
}

TEST(WriteGexf, LabelsAreNamesAndSupplyWeightsAreEdgeWeights) {
    const auto read = read_back(testing::small_region());
    EXPECT_EQ(read.nodes.at("chain:c").xml.at("label"), "铸造");
    EXPECT_EQ(read.nodes.at("chain:c").values.at("kind"), "chain");
    EXPECT_EQ(read.nodes.at("chain:c").values.at("leaders"), "e1");
    int supplies = 0;
    for (const auto& edge : read.edges) {
        EXPECT_EQ(edge.xml.at("label"), edge.values.at("kind"));
        if (edge.values.at("kind") != "supply") {
            EXPECT_FALSE(edge.xml.contains("weight"));
            continue;
        }
        ++supplies;
        const auto weight = edge.xml.at("source") == "enterprise:e1" ? "2.5" : "1";
        EXPECT_EQ(edge.xml.at("weight"), weight) << edge.xml.at("source");
    }
    EXPECT_EQ(supplies, 2);
}

TEST(WriteGexf, HostileNamesAreEscapedInLabelsAndValues) {
    const auto read = read_back(testing::small_region());
    const auto& e1 = read.nodes.at("enterprise:e1");
    EXPECT_EQ(e1.xml.at("label"), testing::kHostileNameInXml);
    EXPECT_EQ(e1.values.at("name"), testing::kHostileNameInXml);
    EXPECT_EQ(read.nodes.at("enterprise:e2").xml.at("label"), testing::kFormulaName);
    EXPECT_EQ(read.text.find('\x01'), std::string::npos);
    EXPECT_EQ(read.text.find("\xEF\xBF\xBE"), std::string::npos);
}

}  // namespace
}  // namespace chainatlas::export_
