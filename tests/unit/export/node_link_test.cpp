#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "chainatlas/export/region_export.hpp"
#include "unit/export/small_region.hpp"

namespace chainatlas::export_ {
namespace {

struct ReadNodeLink {
    nlohmann::json doc;
    ExportCounts counts;
    std::map<std::string, nlohmann::json> nodes;
};

ReadNodeLink read_back(const model::Dataset& data) {
    std::ostringstream out;
    ReadNodeLink read;
    read.counts = write_node_link_json(out, data);
    read.doc = nlohmann::json::parse(out.str());
    for (const auto& node : read.doc.at("nodes"))
        read.nodes[node.at("id").get<std::string>()] = node;
    return read;
}

TEST(WriteNodeLinkJson, IsNetworkxNodeLinkDataOfADirectedMultigraph) {
    const auto data = testing::small_region();
    const auto read = read_back(data);
    EXPECT_EQ(read.doc.at("directed"), true);
    EXPECT_EQ(read.doc.at("multigraph"), true);
    EXPECT_EQ(read.doc.at("graph").at("region_id"), data.region.id);
    EXPECT_EQ(read.doc.at("nodes").size(), 14U);
    EXPECT_EQ(read.nodes.size(), 14U);  // ids are unique
    EXPECT_EQ(read.doc.at("links").size(), 23U);
    EXPECT_EQ(read.counts, count_region(data));
    for (const auto& link : read.doc.at("links")) {
        EXPECT_TRUE(read.nodes.contains(link.at("source").get<std::string>())) << link;
        EXPECT_TRUE(read.nodes.contains(link.at("target").get<std::string>())) << link;
    }
}

TEST(WriteNodeLinkJson, AttributesKeepTheirTypesAndListsAreArrays) {
    const auto read = read_back(testing::small_region());
    const auto& e1 = read.nodes.at("enterprise:e1");
    EXPECT_EQ(e1.at("kind"), "enterprise");
    EXPECT_EQ(e1.at("record_id"), "e1");
    EXPECT_EQ(e1.at("output"), 5.0);
    EXPECT_EQ(e1.at("external"), false);
    EXPECT_EQ(e1.at("leader"), true);
    EXPECT_EQ(e1.at("segments"), nlohmann::json::array({"c.up", "d.two"}));
    EXPECT_EQ(e1.at("tags"), nlohmann::json::array({"chain-leader", "外资"}));
    EXPECT_FALSE(e1.contains("employees"));
    EXPECT_EQ(read.nodes.at("segment:c.down").at("level"), 2);
    EXPECT_EQ(read.nodes.at("park:pa").at("county"), "a");
    const auto& links = read.doc.at("links");
    const auto supply = std::find_if(links.begin(), links.end(), [](const nlohmann::json& l) {
        return l.at("kind") == "supply" && l.at("source") == "enterprise:e1";
    });
    ASSERT_NE(supply, links.end());
    EXPECT_EQ(supply->at("target"), "enterprise:e2");
    EXPECT_EQ(supply->at("weight"), 2.5);
}

TEST(WriteNodeLinkJson, HostileNamesComeBackExactly) {
    const auto read = read_back(testing::small_region());
    EXPECT_EQ(read.nodes.at("enterprise:e1").at("name"), testing::kHostileName);
    EXPECT_EQ(read.nodes.at("enterprise:e2").at("name"), testing::kFormulaName);
}

TEST(WriteNodeLinkJson, BytesThatAreNotUtf8BecomeReplacementCharacters) {
    auto data = testing::small_region();
    data.counties[0].name = data.intern("a\xFF\xC3(b");
    const auto read = read_back(data);
    EXPECT_EQ(read.nodes.at("county:a").at("name"), "a\xEF\xBF\xBD\xEF\xBF\xBD(b");
}

TEST(WriteNodeLinkJson, AnEmptyRegionHasNoLinks) {
    testing::DatasetBuilder b;
    b.county("a");
    b.chain("c", {"c.only"});
    auto data = b.build();
    data.chains.clear();
    data.segments.clear();
    const auto read = read_back(data);
    EXPECT_EQ(read.doc.at("nodes").size(), 1U);
    EXPECT_TRUE(read.doc.at("links").empty());
}

}  // namespace
}  // namespace chainatlas::export_
