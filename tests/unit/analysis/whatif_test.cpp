#include "chainatlas/analysis/whatif.hpp"

#include <gtest/gtest.h>

#include "chainatlas/error.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::analysis {
namespace {

using testing::DatasetBuilder;

/// ore (one holder: miner) → metal (two holders) → part (none); miner also supplies smelter-a.
model::Dataset small_region() {
    DatasetBuilder b;
    b.county("a");
    b.chain("m", {"m.ore", "m.metal", "m.part"}).link("m.ore", "m.metal").link("m.metal", "m.part");
    b.enterprise("miner", "a", {"m.ore"});
    b.enterprise("smelter-a", "a", {"m.metal"});
    b.enterprise("smelter-b", "a", {"m.metal"});
    b.leader("m", "miner");
    b.supply("miner", "smelter-a");
    return b.build();
}

TEST(RemoveEnterprises, DropsTheEnterpriseItsSuppliesAndLeaderRole) {
    const auto data = small_region();
    const auto after = remove_enterprises(data, {"miner"});
    EXPECT_EQ(after.enterprises.size(), 2U);
    EXPECT_TRUE(after.supplies.empty());
    EXPECT_TRUE(after.chains[0].leaders.empty());
    EXPECT_EQ(after.find(model::Section::enterprise, "miner"), model::kNoIndex);
    EXPECT_EQ(after.enterprises[after.find(model::Section::enterprise, "smelter-b")].id, "smelter-b");
    EXPECT_THROW(remove_enterprises(data, {"nobody"}), NotFoundError);
}

TEST(CompareGapResults, RemovingTheOnlyHolderOpensAGapAndLowersCoverage) {
    const auto before_data = small_region();
    const graph::RegionGraph before_graph(before_data);
    const auto before = find_gaps(before_graph, {});
    const auto after_data = remove_enterprises(before_data, {"miner", "smelter-b"});
    const graph::RegionGraph after_graph(after_data);
    const auto result = compare_gap_results(before, find_gaps(after_graph, {}));
    EXPECT_EQ(result.gaps_opened, 1U);
    EXPECT_EQ(result.gaps_closed, 0U);
    ASSERT_EQ(result.segments.size(), 2U);
    EXPECT_EQ(result.segments[0].segment, "m.ore");
    EXPECT_EQ(result.segments[0].effect, "opens");
    EXPECT_EQ(result.segments[0].before, GapStatus::weak);
    EXPECT_EQ(result.segments[0].after, GapStatus::missing);
    EXPECT_EQ(result.segments[1].segment, "m.metal");
    EXPECT_EQ(result.segments[1].effect, "weakens");
    ASSERT_EQ(result.chains.size(), 1U);
    EXPECT_DOUBLE_EQ(result.chains[0].coverage_before, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(result.chains[0].coverage_after, 1.0 / 3.0);
}

TEST(CompareGapResults, NoChangeGivesEmptyLists) {
    const auto data = small_region();
    const graph::RegionGraph graph(data);
    const auto gaps = find_gaps(graph, {});
    const auto result = compare_gap_results(gaps, gaps);
    EXPECT_TRUE(result.segments.empty());
    EXPECT_TRUE(result.ranking.empty());
    EXPECT_EQ(result.chains.size(), 1U);
}

}  // namespace
}  // namespace chainatlas::analysis
