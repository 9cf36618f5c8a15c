#include "chainatlas/analysis/clusters.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "chainatlas/error.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::analysis {
namespace {

using Strings = std::vector<std::string>;

ClusterResult clusters_of(const model::Dataset& data, ClusterOptions options = {}) {
    const auto graph = graph::build_region_graph(data);
    return find_clusters(graph, options);
}

const ClusterPlace& place(const ClusterResult& r, const std::string& id, const std::string& chain) {
    const auto it = std::find_if(r.places.begin(), r.places.end(),
                                 [&](const auto& p) { return p.place == id && p.chain == chain; });
    EXPECT_NE(it, r.places.end()) << id << " " << chain;
    return *it;
}

// Two counties, two chains. a holds x.up (e1, e2) and y.1 (e3); b holds x.down (e4) and y (e5, e6).
// e1 leads chain x. Supplies: e1 → e2 (inside a), e1 → e4 (a to b), e5 → e6 (inside b).
model::Dataset two_counties() {
    testing::DatasetBuilder b;
    b.county("a").county("b");
    b.park("pa", "a");
    b.chain("x", {"x.up", "x.mid", "x.down"}).link("x.up", "x.mid").link("x.mid", "x.down");
    b.chain("y", {"y.1", "y.2"}).link("y.1", "y.2");
    b.enterprise("e1", "a", {"x.up"}).in_park("pa");
    b.enterprise("e2", "a", {"x.up"}).in_park("pa");
    b.enterprise("e3", "a", {"y.1"});
    b.enterprise("e4", "b", {"x.down"});
    b.enterprise("e5", "b", {"y.1"});
    b.enterprise("e6", "b", {"y.2"});
    b.external("ext", {"x.mid"});
    b.leader("x", "e1");
    b.supply("e1", "e2").supply("e1", "e4").supply("e5", "e6").supply("ext", "e4");
    return b.build();
}

TEST(FindClusters, CountyShareAndLocationQuotientByHand) {
    const auto r = clusters_of(two_counties());
    EXPECT_EQ(r.basis, "count");
    EXPECT_EQ(r.by, "county");
    // Chain x: 3 local enterprises, a holds 2. Region: 6 local, a has 3.
    // LQ(a, x) = (2/3) / (3/6) = 4/3; LQ(b, x) = (1/3) / (3/6) = 2/3.
    const auto& ax = place(r, "a", "x");
    EXPECT_EQ(ax.enterprises, 2U);
    EXPECT_NEAR(ax.enterprise_share, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(ax.lq, 4.0 / 3.0, 1e-12);
    EXPECT_EQ(ax.leaders, Strings{"e1"});
    EXPECT_EQ(ax.segments, 1U);
    EXPECT_EQ(ax.chain_segments, 3U);
    EXPECT_EQ(ax.internal_links, 1U);  // e1 → e2
    EXPECT_EQ(ax.external_links, 1U);  // e1 → e4
    const auto& bx = place(r, "b", "x");
    EXPECT_NEAR(bx.lq, 2.0 / 3.0, 1e-12);
    EXPECT_TRUE(bx.leaders.empty());
    EXPECT_EQ(bx.internal_links, 0U);
    EXPECT_EQ(bx.external_links, 2U);  // from e1 in a and from the external enterprise
    // Chain y: a 1 of 3, b 2 of 3; LQ(b, y) = (2/3) / (3/6) = 4/3.
    EXPECT_NEAR(place(r, "b", "y").lq, 4.0 / 3.0, 1e-12);
    EXPECT_EQ(place(r, "b", "y").segments, 2U);
    EXPECT_EQ(place(r, "b", "y").internal_links, 1U);
    // Chain x first (dataset order), most enterprises first.
    ASSERT_EQ(r.places.size(), 4U);
    EXPECT_EQ(r.places[0].place, "a");
    EXPECT_EQ(r.places[0].chain, "x");
    EXPECT_EQ(r.places[1].place, "b");
    EXPECT_EQ(r.places[2].chain, "y");
    EXPECT_EQ(r.places[2].place, "b");
}

TEST(FindClusters, LocationQuotientByOutputWhenKnown) {
    testing::DatasetBuilder b;
    b.county("a").county("b");
    b.chain("x", {"x.1"});
    b.chain("y", {"y.1"});
    b.enterprise("e1", "a", {"x.1"}).output(30.0);
    b.enterprise("e2", "a", {"y.1"}).output(10.0);
    b.enterprise("e3", "b", {"x.1"}).output(10.0);
    b.enterprise("e4", "b", {"y.1"}).output(50.0);
    const auto r = clusters_of(b.build());
    EXPECT_EQ(r.basis, "output");
    // LQ(a, x) = (30/40) / (40/100) = 1.875; output share 30/40.
    const auto& ax = place(r, "a", "x");
    EXPECT_NEAR(ax.lq, 1.875, 1e-12);
    EXPECT_NEAR(ax.output_share, 0.75, 1e-12);
    EXPECT_NEAR(ax.enterprise_share, 0.5, 1e-12);
}

TEST(FindClusters, ByParkLeavesOutEnterprisesOutsideParks) {
    ClusterOptions options;
    options.by = ClusterBy::park;
    const auto r = clusters_of(two_counties(), options);
    ASSERT_EQ(r.places.size(), 1U);
    EXPECT_EQ(r.places[0].place, "pa");
    EXPECT_EQ(r.places[0].enterprises, 2U);
    EXPECT_EQ(r.places[0].internal_links, 1U);
    EXPECT_EQ(r.places[0].external_links, 1U);
    // Park LQ against the whole region: (2/2) / (3/6) = 2.
    EXPECT_NEAR(r.places[0].lq, 2.0, 1e-12);
}

TEST(FindClusters, ComponentsOfTwoSeparateSupplyGroups) {
    const auto r = clusters_of(two_counties());
    // External enterprises are not in the network; e3 has no supply.
    EXPECT_EQ(r.network.vertices, 5U);
    EXPECT_EQ(r.network.edges, 3U);
    EXPECT_EQ(r.network.component_count, 2U);
    ASSERT_EQ(r.network.components.size(), 2U);
    EXPECT_EQ(r.network.components[0].size, 3U);
    EXPECT_EQ(r.network.components[0].edges, 2U);
    EXPECT_EQ(r.network.components[0].members, (Strings{"e1", "e2", "e4"}));
    EXPECT_EQ(r.network.components[1].members, (Strings{"e5", "e6"}));
    EXPECT_EQ(r.network.components[1].first, "e5");
    // e1 joins e2 and e4.
    ASSERT_EQ(r.network.articulation_points.size(), 1U);
    EXPECT_EQ(r.network.articulation_points[0].id, "e1");
}

TEST(FindClusters, ChainRestrictsTheNetworkAndPlaces) {
    ClusterOptions options;
    options.chain = "y";
    const auto r = clusters_of(two_counties(), options);
    EXPECT_EQ(r.network.vertices, 2U);
    ASSERT_EQ(r.network.components.size(), 1U);
    EXPECT_EQ(r.network.components[0].members, (Strings{"e5", "e6"}));
    for (const auto& p : r.places) EXPECT_EQ(p.chain, "y");
    EXPECT_EQ(r.places.size(), 2U);
    EXPECT_THROW(clusters_of(two_counties(), {.chain = "nope"}), NotFoundError);
}

TEST(FindClusters, ArticulationPointInAPath) {
    testing::DatasetBuilder b;
    b.county("a");
    b.chain("x", {"x.1"});
    b.enterprise("a1", "a", {"x.1"}).enterprise("b1", "a", {"x.1"}).enterprise("c1", "a", {"x.1"});
    b.supply("a1", "b1").supply("c1", "b1");
    const auto r = clusters_of(b.build());
    ASSERT_EQ(r.network.articulation_points.size(), 1U);
    EXPECT_EQ(r.network.articulation_points[0].id, "b1");
    EXPECT_EQ(r.network.articulation_points[0].degree, 2U);
    EXPECT_EQ(r.network.articulation_points[0].splits, 2U);
    EXPECT_EQ(r.network.component_count, 1U);
}

// An enterprise in two chains counts a supply once for each of its chains' cells; a repeated
// supply counts each time; a supply between two chains of one county is internal to both.
TEST(FindClusters, SupplyLinksOfEnterprisesInSeveralChains) {
    testing::DatasetBuilder b;
    b.county("a").county("b");
    b.chain("x", {"x.1", "x.2"}).link("x.1", "x.2");
    b.chain("y", {"y.1"});
    b.enterprise("m", "a", {"x.1", "y.1"});  // in x and y
    b.enterprise("n", "a", {"x.2"});
    b.enterprise("o", "b", {"y.1"});
    b.supply("m", "n").supply("m", "n").supply("m", "o").supply("o", "n");
    const auto r = clusters_of(b.build());
    // a·x: m and n; supplies m→n twice (inside a), m→o (to b), o→n (from b).
    EXPECT_EQ(place(r, "a", "x").internal_links, 2U);
    EXPECT_EQ(place(r, "a", "x").external_links, 2U);
    // a·y: m only; m→n twice inside a, m→o to b.
    EXPECT_EQ(place(r, "a", "y").internal_links, 2U);
    EXPECT_EQ(place(r, "a", "y").external_links, 1U);
    // b·y: o; m→o and o→n both cross.
    EXPECT_EQ(place(r, "b", "y").internal_links, 0U);
    EXPECT_EQ(place(r, "b", "y").external_links, 2U);
    // The network merges the repeated supply: 3 vertices, 3 edges, a triangle, no cut vertex.
    EXPECT_EQ(r.network.vertices, 3U);
    EXPECT_EQ(r.network.edges, 3U);
    EXPECT_TRUE(r.network.articulation_points.empty());
}

TEST(FindClusters, WithoutCommunitiesTheStructureIsTheSame) {
    const auto data = two_counties();
    const auto with = clusters_of(data);
    ClusterOptions options;
    options.communities = false;
    const auto without = clusters_of(data, options);
    EXPECT_TRUE(with.communities);
    EXPECT_FALSE(without.communities);
    EXPECT_TRUE(without.network.communities.empty());
    EXPECT_TRUE(without.segment_level.communities.empty());
    EXPECT_EQ(without.network.component_count, with.network.component_count);
    EXPECT_EQ(without.network.articulation_points.size(), with.network.articulation_points.size());
    ASSERT_EQ(without.places.size(), with.places.size());
    for (std::size_t i = 0; i < with.places.size(); ++i) {
        EXPECT_EQ(without.places[i].place, with.places[i].place);
        EXPECT_EQ(without.places[i].internal_links, with.places[i].internal_links);
    }
}

TEST(FindClusters, CountsItsStepsOnTheProgressBar) {
    std::ostringstream screen;
    util::Progress progress("clusters", kClusterSteps, screen, true);
    ClusterOptions options;
    options.progress = &progress;
    (void)clusters_of(two_counties(), options);
    EXPECT_EQ(progress.count(), kClusterSteps);
    EXPECT_NE(screen.str().find("clusters: supply network (communities: Leiden)"), std::string::npos);
    EXPECT_NE(screen.str().find("clusters: places"), std::string::npos);
}

// Two groups of four enterprises, each fully connected (6 supplies), joined by p4 → q1.
// Split in two, each side has 6 inner edges and degree sum 13 of 2m = 26:
// Q = 2 · (6/13 − (13/26)²) = 0.4231.
model::Dataset two_dense_groups() {
    testing::DatasetBuilder b;
    b.county("a");
    b.chain("x", {"x.1"});
    for (const char* id : {"p1", "p2", "p3", "p4", "q1", "q2", "q3", "q4"})
        b.enterprise(id, "a", {"x.1"});
    for (const char side : {'p', 'q'}) {
        for (int i = 1; i <= 4; ++i) {
            for (int j = i + 1; j <= 4; ++j) {
                b.supply(std::string(1, side) + std::to_string(i),
                         std::string(1, side) + std::to_string(j));
            }
        }
    }
    b.supply("p4", "q1");
    return b.build();
}

TEST(FindClusters, TwoDenseGroupsSplitIntoTwoCommunities) {
    const auto r = clusters_of(two_dense_groups());
    ASSERT_EQ(r.network.communities.size(), 2U);
    EXPECT_EQ(r.network.communities[0].id, "community-1");
    EXPECT_EQ(r.network.communities[0].members, (Strings{"p1", "p2", "p3", "p4"}));
    EXPECT_EQ(r.network.communities[1].members, (Strings{"q1", "q2", "q3", "q4"}));
    EXPECT_DOUBLE_EQ(r.network.communities[0].weight, 6.0);
    EXPECT_GT(r.network.modularity, 0.3);
    EXPECT_NEAR(r.network.modularity, 2.0 * (6.0 / 13.0 - 0.25), 1e-9);
    // The bridge ends are articulation points.
    ASSERT_EQ(r.network.articulation_points.size(), 2U);
    EXPECT_EQ(r.network.articulation_points[0].id, "p4");
    EXPECT_EQ(r.network.articulation_points[1].id, "q1");
    // Same again: reproducible.
    const auto again = clusters_of(two_dense_groups());
    EXPECT_EQ(again.network.communities[0].members, r.network.communities[0].members);
}

TEST(FindClusters, CommunitiesAsPlaces) {
    ClusterOptions options;
    options.by = ClusterBy::community;
    const auto r = clusters_of(two_dense_groups(), options);
    ASSERT_EQ(r.places.size(), 2U);
    EXPECT_EQ(r.places[0].place, "community-1");
    EXPECT_EQ(r.places[0].enterprises, 4U);
    EXPECT_EQ(r.places[0].internal_links, 6U);
    EXPECT_EQ(r.places[0].external_links, 1U);
    EXPECT_NEAR(r.places[0].enterprise_share, 0.5, 1e-12);
}

TEST(FindClusters, SegmentLevelWeightedByLocalEnterprises) {
    const auto r = clusters_of(two_counties());
    const auto& s = r.segment_level;
    // x.up – x.mid – x.down and y.1 – y.2; x.mid is the articulation segment.
    EXPECT_EQ(s.vertices, 5U);
    EXPECT_EQ(s.edges, 3U);
    EXPECT_EQ(s.component_count, 2U);
    EXPECT_EQ(s.components[0].members, (Strings{"x.down", "x.mid", "x.up"}));
    ASSERT_EQ(s.articulation_points.size(), 1U);
    EXPECT_EQ(s.articulation_points[0].id, "x.mid");
    // Every segment is in exactly one community.
    std::size_t members = 0;
    for (const auto& c : s.communities) members += c.members.size();
    EXPECT_EQ(members, 5U);
    // Weights: x.up–x.mid 2 + 0, x.mid–x.down 0 + 1, y.1–y.2 2 + 1; y.1 and y.2 stay together.
    const auto y = std::find_if(s.communities.begin(), s.communities.end(),
                                [](const auto& c) { return c.members.front() == "y.1"; });
    ASSERT_NE(y, s.communities.end());
    EXPECT_EQ(y->members, (Strings{"y.1", "y.2"}));
    EXPECT_DOUBLE_EQ(y->weight, 3.0);
}

TEST(FindClusters, CrossLinksJoinChainsAtSegmentLevel) {
    testing::DatasetBuilder b;
    b.county("a");
    b.chain("x", {"x.1", "x.2"}).link("x.1", "x.2");
    b.chain("y", {"y.1", "y.2"}).link("y.1", "y.2");
    b.cross_link("x.2", "y.1");
    b.enterprise("e1", "a", {"x.1"}).enterprise("e2", "a", {"y.2"});
    ClusterOptions options;
    options.chain = "x";
    const auto r = clusters_of(b.build(), options);
    // The chain's segments and y.1, tied to x.2 by the cross link; y.2 is outside.
    EXPECT_EQ(r.segment_level.vertices, 3U);
    EXPECT_EQ(r.segment_level.components[0].members, (Strings{"x.1", "x.2", "y.1"}));
    EXPECT_EQ(clusters_of(b.build()).segment_level.component_count, 1U);
}

// Liaocheng has 6 known supplies; 3 are between local enterprises: xinfa-huayu → xinfa →
// xinfa-huaxing (茌平 aluminium to chemicals) and tongyang → zhongtong-bus (开发区 fuel cells to
// buses).
TEST(FindClusters, LiaochengSupplyNetwork) {
    const auto loaded = io::load_builtin_dataset();
    const auto r = clusters_of(loaded.dataset);
    EXPECT_EQ(r.basis, "count");
    EXPECT_EQ(r.network.vertices, 5U);
    EXPECT_EQ(r.network.edges, 3U);
    EXPECT_EQ(r.network.component_count, 2U);
    ASSERT_EQ(r.network.components.size(), 2U);
    EXPECT_EQ(r.network.components[0].members, (Strings{"xinfa", "xinfa-huaxing", "xinfa-huayu"}));
    EXPECT_EQ(r.network.components[1].members, (Strings{"tongyang", "zhongtong-bus"}));
    ASSERT_EQ(r.network.articulation_points.size(), 1U);
    EXPECT_EQ(r.network.articulation_points[0].id, "xinfa");
    // The two components are the two communities: Q = (2/3 − (4/6)²) + (1/3 − (2/6)²) = 4/9.
    ASSERT_EQ(r.network.communities.size(), 2U);
    EXPECT_NEAR(r.network.modularity, 4.0 / 9.0, 1e-9);
    // 茌平 in aluminium: huayu → xinfa and xinfa → xinfa-huaxing stay in the county, yousheng →
    // tesla-shanghai leaves the region.
    const auto& chiping = place(r, "chiping", "aluminium");
    EXPECT_EQ(chiping.internal_links, 2U);
    EXPECT_EQ(chiping.external_links, 1U);
    EXPECT_GE(chiping.lq, 1.0);
}

TEST(FindClusters, LiaochengChainAndSegmentLevel) {
    const auto loaded = io::load_builtin_dataset();
    ClusterOptions options;
    options.chain = "aluminium";
    const auto r = clusters_of(loaded.dataset, options);
    EXPECT_EQ(r.network.vertices, 2U);
    EXPECT_EQ(r.network.components[0].members, (Strings{"xinfa", "xinfa-huayu"}));
    for (const auto& p : r.places) {
        EXPECT_EQ(p.chain, "aluminium");
        EXPECT_LE(p.segments, p.chain_segments);
    }
    double share = 0.0;
    for (const auto& p : r.places) share += p.enterprise_share;
    EXPECT_NEAR(share, 1.0, 1e-9);  // every local enterprise is in exactly one county
    EXPECT_GT(r.segment_level.vertices, 0U);
    EXPECT_GT(r.segment_level.modularity, 0.0);
    std::size_t members = 0;
    for (const auto& c : r.segment_level.communities) members += c.members.size();
    EXPECT_EQ(members, r.segment_level.vertices);
}

}  // namespace
}  // namespace chainatlas::analysis
