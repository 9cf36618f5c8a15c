#include "chainatlas/analysis/trace.hpp"

#include <gtest/gtest.h>

#include "chainatlas/error.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::analysis {
namespace {

using testing::DatasetBuilder;

std::vector<std::pair<std::string, unsigned>> ids(const std::vector<TracedSegment>& segments) {
    std::vector<std::pair<std::string, unsigned>> out;
    for (const auto& s : segments) out.emplace_back(s.id, s.distance);
    return out;
}

using Pairs = std::vector<std::pair<std::string, unsigned>>;

/// ore → metal → part → product, with recycling product → metal and a cross link metal → other.
model::Dataset recycling() {
    DatasetBuilder b;
    b.county("a").county("b");
    b.chain("m", {"m.ore", "m.metal", "m.part", "m.product"})
        .link("m.ore", "m.metal")
        .link("m.metal", "m.part")
        .link("m.part", "m.product")
        .link("m.product", "m.metal");
    b.chain("o", {"o.use"});
    b.cross_link("m.metal", "o.use");
    b.enterprise("smelter", "a", {"m.metal"});
    b.enterprise("maker", "a", {"m.part"});
    b.enterprise("maker-b", "b", {"m.part"});
    b.enterprise("user", "b", {"o.use"});
    b.external("far-mine", {"m.ore"});
    b.enterprise("assembler", "a", {"m.product"});
    b.supply("smelter", "user");
    b.supply("far-mine", "smelter");
    return b.build();
}

TEST(TraceChain, CycleReportsEachSegmentOnceAtItsShortestDistance) {
    const auto data = recycling();
    const graph::RegionGraph graph(data);
    TraceOptions options;
    options.id = "m.metal";
    const auto result = trace_chain(graph, options);
    EXPECT_EQ(result.kind, "segment");
    EXPECT_EQ(ids(result.segments), (Pairs{{"m.metal", 0}}));
    EXPECT_EQ(ids(result.upstream), (Pairs{{"m.ore", 1}, {"m.product", 1}, {"m.part", 2}}));
    EXPECT_EQ(ids(result.downstream), (Pairs{{"m.part", 1}, {"o.use", 1}, {"m.product", 2}}));
}

TEST(TraceChain, DepthAndDirectionLimitTheWalk) {
    const auto data = recycling();
    const graph::RegionGraph graph(data);
    TraceOptions options;
    options.id = "m.ore";
    options.upstream = false;
    options.depth = 2;
    const auto result = trace_chain(graph, options);
    EXPECT_TRUE(result.upstream.empty());
    EXPECT_EQ(ids(result.downstream), (Pairs{{"m.metal", 1}, {"m.part", 2}, {"o.use", 2}}));
}

TEST(TraceChain, EnterprisesAreListedOncePerDirection) {
    const auto data = recycling();
    const graph::RegionGraph graph(data);
    TraceOptions options;
    options.id = "m.ore";
    options.upstream = false;
    const auto result = trace_chain(graph, options);
    std::vector<std::string> listed;
    for (const auto& e : result.enterprises) listed.push_back(e.direction + ":" + e.id + "@" + std::to_string(e.distance));
    // far-mine is external, so it is not a local enterprise of m.ore.
    EXPECT_EQ(listed, (std::vector<std::string>{"downstream:smelter@1", "downstream:maker@2", "downstream:maker-b@2",
                                                "downstream:user@2", "downstream:assembler@3"}));
}

TEST(TraceChain, LimitListsTheNearestButCountsAll) {
    const auto data = recycling();
    const graph::RegionGraph graph(data);
    TraceOptions options;
    options.id = "m.ore";
    options.upstream = false;
    options.max_enterprises = 2;
    const auto result = trace_chain(graph, options);
    ASSERT_EQ(result.enterprises.size(), 2u);
    EXPECT_EQ(result.enterprises[0].id, "smelter");
    EXPECT_EQ(result.enterprises[1].id, "maker");
    EXPECT_EQ(result.enterprise_totals.downstream, 5u);
}

TEST(TraceChain, EnterpriseHasSuppliersCustomersAndOutsideInputs) {
    const auto data = recycling();
    const graph::RegionGraph graph(data);
    TraceOptions options;
    options.id = "smelter";
    const auto result = trace_chain(graph, options);
    EXPECT_EQ(result.kind, "enterprise");
    ASSERT_EQ(result.suppliers.size(), 2u);
    EXPECT_EQ(result.suppliers[0].id, "assembler");  // recycling: m.product feeds m.metal
    EXPECT_TRUE(result.suppliers[0].by_link);
    EXPECT_EQ(result.suppliers[1].id, "far-mine");   // known supply, outside the region
    EXPECT_TRUE(result.suppliers[1].by_supply);
    EXPECT_TRUE(result.suppliers[1].external);
    EXPECT_FALSE(result.suppliers[1].by_link);
    ASSERT_EQ(result.customers.size(), 3u);
    EXPECT_EQ(result.customers[2].id, "user");
    EXPECT_TRUE(result.customers[2].by_link);
    EXPECT_TRUE(result.customers[2].by_supply);
    ASSERT_EQ(result.outside_inputs.size(), 1u);
    EXPECT_EQ(result.outside_inputs[0].id, "m.ore");
    for (const auto& e : result.enterprises) EXPECT_NE(e.id, "smelter");
}

TEST(TraceChain, CountyFilterHidesEnterprisesElsewhere) {
    const auto data = recycling();
    const graph::RegionGraph graph(data);
    TraceOptions options;
    options.id = "smelter";
    options.county = "b";
    const auto result = trace_chain(graph, options);
    // In county b only: maker-b (m.part) and user (o.use) are customers; assembler is in a.
    ASSERT_EQ(result.customers.size(), 2u);
    EXPECT_EQ(result.customers[0].id, "maker-b");
    // Known supplies are listed wherever the partner is.
    ASSERT_EQ(result.suppliers.size(), 1u);
    EXPECT_EQ(result.suppliers[0].id, "far-mine");
    // m.product has no local enterprise in b, so it is bought outside, as is m.ore.
    ASSERT_EQ(result.outside_inputs.size(), 2u);
}

TEST(TraceChain, EmptySegmentAndEnterpriseWithoutSegments) {
    DatasetBuilder b;
    b.county("a");
    b.chain("e", {"e.alone"});
    b.enterprise("idle", "a", {});
    const auto data = b.build();
    const graph::RegionGraph graph(data);
    TraceOptions segment;
    segment.id = "e.alone";
    const auto s = trace_chain(graph, segment);
    EXPECT_TRUE(s.upstream.empty());
    EXPECT_TRUE(s.downstream.empty());
    EXPECT_EQ(s.segments[0].local_enterprises, 0u);
    TraceOptions enterprise;
    enterprise.id = "idle";
    const auto e = trace_chain(graph, enterprise);
    EXPECT_TRUE(e.segments.empty());
    EXPECT_TRUE(e.suppliers.empty());
}

TEST(TraceChain, UnknownIdIsNotFound) {
    const auto data = recycling();
    const graph::RegionGraph graph(data);
    TraceOptions options;
    options.id = "nothing";
    EXPECT_THROW(trace_chain(graph, options), NotFoundError);
}

TEST(TraceChain, LiaochengBallsFeedFinishedBearings) {
    const auto loaded = io::load_builtin_dataset();
    const graph::RegionGraph graph(loaded.dataset);
    TraceOptions options;
    options.id = "bearing.ball";
    options.upstream = false;
    options.depth = 1;
    const auto result = trace_chain(graph, options);
    bool assembly = false;
    for (const auto& s : result.downstream) assembly = assembly || (s.id == "bearing.assembly" && s.distance == 1);
    EXPECT_TRUE(assembly);
}

}  // namespace
}  // namespace chainatlas::analysis
