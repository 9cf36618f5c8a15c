#include "chainatlas/analysis/targets.hpp"

#include <gtest/gtest.h>

#include "support/dataset_builder.hpp"

namespace chainatlas::analysis {
namespace {

using testing::DatasetBuilder;

/// t.gap is missing; its supplier sits in county a, its two customers in county b (one in a park).
model::Dataset recruiting() {
    DatasetBuilder b;
    b.county("a").county("b");
    b.park("b-park", "b");
    b.chain("t", {"t.in", "t.gap", "t.out"}).link("t.in", "t.gap").link("t.gap", "t.out");
    b.enterprise("sup", "a", {"t.in"});
    b.enterprise("cus1", "b", {"t.out"}).in_park("b-park");
    b.enterprise("cus2", "b", {"t.out"});
    b.external("big", {"t.gap", "t.in"}).output(15.0).tag("listed");
    b.external("small", {"t.gap"});
    b.project("plan", "b", {"t.gap"}, model::ProjectStatus::planned);
    return b.build();
}

TEST(FindTargets, CandidatesAreRankedWithTheirFactors) {
    const auto data = recruiting();
    const graph::RegionGraph graph(data);
    const auto result = find_targets(graph, {});
    ASSERT_FALSE(result.targets.empty());
    const auto& first = result.targets[0];
    EXPECT_EQ(first.segment, "t.gap");
    ASSERT_EQ(first.candidates.size(), 2u);
    EXPECT_EQ(first.candidates[0].id, "big");
    // breadth 2 (t.gap and the weak t.in are both ranked) + log2(16) * 0.5 + 1 tag * 0.5
    EXPECT_DOUBLE_EQ(first.candidates[0].score, 2.0 + 2.0 + 0.5);
    EXPECT_DOUBLE_EQ(first.candidates[1].score, 1.0);
}

TEST(FindTargets, LandingPlaceHoldsMostNeighbours) {
    const auto data = recruiting();
    const graph::RegionGraph graph(data);
    const auto result = find_targets(graph, {});
    const auto& first = result.targets[0];
    ASSERT_TRUE(first.county.has_value());
    EXPECT_EQ(first.county->id, "b");
    EXPECT_EQ(first.county->customers, 2u);
    EXPECT_EQ(first.county->suppliers, 0u);
    ASSERT_TRUE(first.park.has_value());
    EXPECT_EQ(first.park->id, "b-park");
    ASSERT_EQ(first.projects.size(), 1u);
    EXPECT_EQ(first.projects[0].status, "planned");
}

TEST(FindTargets, TopLimitsTheList) {
    const auto data = recruiting();
    const graph::RegionGraph graph(data);
    TargetOptions options;
    options.top = 1;
    EXPECT_EQ(find_targets(graph, options).targets.size(), 1u);
}

}  // namespace
}  // namespace chainatlas::analysis
