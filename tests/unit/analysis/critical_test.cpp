#include "chainatlas/analysis/critical.hpp"

#include <gtest/gtest.h>

#include "chainatlas/error.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::analysis {
namespace {

using testing::DatasetBuilder;

/// hub alone holds k.mid; two makers downstream; supplies form a star around hub plus a pair.
model::Dataset star() {
    DatasetBuilder b;
    b.county("a").county("b");
    b.chain("k", {"k.raw", "k.mid", "k.end"}).link("k.raw", "k.mid").link("k.mid", "k.end");
    b.enterprise("hub", "a", {"k.mid"});
    b.enterprise("raw1", "a", {"k.raw"});
    b.enterprise("raw2", "b", {"k.raw"});
    b.enterprise("end1", "a", {"k.end"});
    b.enterprise("end2", "b", {"k.end"});
    b.supply("raw1", "hub").supply("hub", "end1").supply("hub", "end2").supply("raw2", "end2");
    return b.build();
}

TEST(FindCritical, WeakSegmentNamesItsOnlyHolderAndDependents) {
    const auto data = star();
    const graph::RegionGraph graph(data);
    const auto result = find_critical(graph, {});
    ASSERT_EQ(result.weak_segments.size(), 1u);
    EXPECT_EQ(result.weak_segments[0].id, "k.mid");
    EXPECT_EQ(result.weak_segments[0].holder.id, "hub");
    EXPECT_EQ(result.weak_segments[0].dependents, 2u);
}

TEST(FindCritical, RemovalOpensGapsAndOrphansCustomers) {
    const auto data = star();
    const graph::RegionGraph graph(data);
    const auto result = find_critical(graph, {});
    ASSERT_FALSE(result.removals.empty());
    const auto& hub = result.removals[0];
    EXPECT_EQ(hub.enterprise.id, "hub");
    EXPECT_EQ(hub.gaps_opened, std::vector<std::string>{"k.mid"});
    EXPECT_EQ(hub.segment_dependents, (std::vector<std::string>{"end1", "end2"}));
    // end2 also buys from raw2, so only end1 depends on hub alone.
    EXPECT_EQ(hub.orphaned_customers, std::vector<std::string>{"end1"});
    // raw1 is hub's only local supplier.
    ASSERT_EQ(result.removals.size(), 2u);
    EXPECT_EQ(result.removals[1].enterprise.id, "raw1");
    EXPECT_EQ(result.removals[1].orphaned_customers, std::vector<std::string>{"hub"});
}

TEST(FindCritical, ArticulationPointsSplitTheSupplyNetwork) {
    const auto data = star();
    const graph::RegionGraph graph(data);
    const auto result = find_critical(graph, {});
    // The network is a tree: raw1 - hub - end1 and hub - end2 - raw2. Cut vertices: hub, end2.
    ASSERT_EQ(result.articulation_points.size(), 2u);
    EXPECT_EQ(result.articulation_points[0].enterprise.id, "hub");
    EXPECT_EQ(result.articulation_points[0].blocks, 3u);
    EXPECT_EQ(result.articulation_points[0].partners, 3u);
    EXPECT_EQ(result.articulation_points[1].enterprise.id, "end2");
    EXPECT_EQ(result.articulation_points[1].blocks, 2u);
}

TEST(FindCritical, CountyFilterMakesSegmentsWeak) {
    const auto data = star();
    const graph::RegionGraph graph(data);
    CriticalOptions options;
    options.county = "b";
    const auto result = find_critical(graph, options);
    // In county b: raw2 alone holds k.raw, end2 alone holds k.end; hub is not local there.
    ASSERT_EQ(result.weak_segments.size(), 2u);
    EXPECT_EQ(result.weak_segments[0].id, "k.end");
    EXPECT_EQ(result.weak_segments[1].id, "k.raw");
    EXPECT_EQ(result.weak_segments[1].dependents, 0u);  // k.mid has nobody in b
}

TEST(FindCritical, UnknownChainIsNotFound) {
    const auto data = star();
    const graph::RegionGraph graph(data);
    CriticalOptions options;
    options.chain = "zzz";
    EXPECT_THROW(find_critical(graph, options), NotFoundError);
}

}  // namespace
}  // namespace chainatlas::analysis
