#include "chainatlas/analysis/gaps.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "chainatlas/error.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::analysis {
namespace {

using testing::DatasetBuilder;

const SegmentGap& segment(const GapResult& result, const std::string& id) {
    for (const auto& chain : result.chains) {
        for (const auto& s : chain.segment_gaps) {
            if (s.id == id) return s;
        }
    }
    throw std::runtime_error("no segment " + id);
}

double factor(const SegmentGap& gap, const std::string& name) {
    for (const auto& f : gap.factors) {
        if (f.name == name) return f.value;
    }
    throw std::runtime_error("no factor " + name);
}

/// up → mid → down; e1 holds up alone, e2 and e3 hold down, nobody holds mid.
model::Dataset broken_line() {
    DatasetBuilder b;
    b.county("a").county("b");
    b.chain("c", {"c.up", "c.mid", "c.down"}).link("c.up", "c.mid").link("c.mid", "c.down");
    b.enterprise("e1", "a", {"c.up"});
    b.enterprise("e2", "a", {"c.down"}).output(3.0);
    b.enterprise("e3", "a", {"c.down"});
    b.leader("c", "e2");
    return b.build();
}

TEST(FindGaps, StatusesFollowTheNumberOfLocalEnterprises) {
    const auto data = broken_line();
    const graph::RegionGraph graph(data);
    const auto result = find_gaps(graph, {});
    EXPECT_EQ(segment(result, "c.up").status, GapStatus::weak);
    EXPECT_EQ(segment(result, "c.mid").status, GapStatus::missing);
    EXPECT_EQ(segment(result, "c.down").status, GapStatus::covered);
    ASSERT_EQ(result.chains.size(), 1u);
    EXPECT_EQ(result.chains[0].held, 2u);
    EXPECT_DOUBLE_EQ(result.chains[0].coverage, 2.0 / 3.0);
    EXPECT_EQ(segment(result, "c.up").holders, std::vector<std::string>{"e1"});
}

TEST(FindGaps, MissingSegmentBetweenHeldSegmentsIsABrokenChain) {
    const auto data = broken_line();
    const graph::RegionGraph graph(data);
    const auto result = find_gaps(graph, {});
    EXPECT_EQ(segment(result, "c.mid").action, ActionKind::connect);
    EXPECT_EQ(segment(result, "c.up").action, ActionKind::strengthen);
    EXPECT_EQ(segment(result, "c.down").action, ActionKind::thicken);
}

TEST(FindGaps, ScoreIsTheSumOfTheFactorsWorkedOutByHand) {
    const auto data = broken_line();
    const graph::RegionGraph graph(data);
    const auto result = find_gaps(graph, {});
    const auto& mid = segment(result, "c.mid");
    EXPECT_DOUBLE_EQ(factor(mid, "severity"), 1.0);
    EXPECT_DOUBLE_EQ(factor(mid, "demand_pull"), std::log2(3.0));   // e2, e3 buy downstream
    EXPECT_DOUBLE_EQ(factor(mid, "demand_output"), 2.0);            // log2(1 + 3.0)
    EXPECT_DOUBLE_EQ(factor(mid, "supply_push"), 1.0);              // e1 has no local buyer
    EXPECT_DOUBLE_EQ(factor(mid, "structure"), 1.0);                // the only path passes here
    EXPECT_DOUBLE_EQ(factor(mid, "leader_pull"), 1.0);              // e2 leads the chain
    EXPECT_DOUBLE_EQ(factor(mid, "tier"), 0.5);                     // midstream
    EXPECT_NEAR(mid.score, 3.0 + std::log2(3.0) + 1.0 + 0.5 + 2.0 + 1.0 + 0.25, 1e-12);
    EXPECT_NEAR(segment(result, "c.up").score, 1.5 + 2.0 + 0.5, 1e-12);
    EXPECT_NEAR(segment(result, "c.down").score, 0.75 + 2.0 + 0.125, 1e-12);
    ASSERT_EQ(result.ranking.size(), 3u);
    EXPECT_EQ(result.ranking[0].segment, "c.mid");
    EXPECT_EQ(result.ranking[1].segment, "c.up");
    EXPECT_EQ(result.ranking[2].segment, "c.down");
    EXPECT_EQ(mid.rank, 1u);
}

TEST(FindGaps, LocalSupplyRatioCountsHeldInputs) {
    const auto data = broken_line();
    const graph::RegionGraph graph(data);
    const auto result = find_gaps(graph, {});
    EXPECT_FALSE(segment(result, "c.up").local_supply_ratio.has_value());
    EXPECT_DOUBLE_EQ(*segment(result, "c.mid").local_supply_ratio, 1.0);
    EXPECT_DOUBLE_EQ(*segment(result, "c.down").local_supply_ratio, 0.0);
    ASSERT_EQ(result.chains[0].leaders.size(), 1u);
    const auto& leader = result.chains[0].leaders[0];
    EXPECT_EQ(leader.id, "e2");
    EXPECT_EQ(leader.inputs, 1u);
    EXPECT_EQ(leader.local_inputs, 0u);
    EXPECT_EQ(leader.missing_inputs, std::vector<std::string>{"c.mid"});
}

TEST(FindGaps, SensitivityKeepsAClearLeaderInPlace) {
    const auto data = broken_line();
    const graph::RegionGraph graph(data);
    const auto result = find_gaps(graph, {});
    ASSERT_EQ(result.sensitivity.size(), 3u);
    EXPECT_EQ(result.sensitivity[0].segment, "c.mid");
    EXPECT_TRUE(result.sensitivity[0].stable);
    EXPECT_EQ(result.sensitivity[0].max_rank, 1u);
}

TEST(FindGaps, CycleIsWalkedOnceAndEverySegmentCounts) {
    DatasetBuilder b;
    b.county("a");
    b.chain("r", {"r.a", "r.b", "r.c"}).link("r.a", "r.b").link("r.b", "r.c").link("r.c", "r.a");
    b.enterprise("e1", "a", {"r.a"});
    const auto data = b.build();
    const graph::RegionGraph graph(data);
    const auto result = find_gaps(graph, {});
    EXPECT_EQ(segment(result, "r.a").status, GapStatus::weak);
    EXPECT_EQ(segment(result, "r.b").status, GapStatus::missing);
    // Through the recycling link r.c → r.a, r.a is both up- and downstream of r.b.
    EXPECT_EQ(segment(result, "r.b").action, ActionKind::connect);
    // The closing link is dropped for path counting: one path r.a → r.b → r.c.
    EXPECT_DOUBLE_EQ(factor(segment(result, "r.b"), "structure"), 1.0);
    EXPECT_DOUBLE_EQ(result.chains[0].coverage, 1.0 / 3.0);
}

TEST(FindGaps, ChainWithEverySegmentMissingIsCreatedFromNothing) {
    DatasetBuilder b;
    b.county("a");
    b.chain("z", {"z.one", "z.two"}).link("z.one", "z.two");
    const auto data = b.build();
    const graph::RegionGraph graph(data);
    const auto result = find_gaps(graph, {});
    EXPECT_EQ(result.chains[0].missing, 2u);
    EXPECT_DOUBLE_EQ(result.chains[0].coverage, 0.0);
    EXPECT_EQ(segment(result, "z.one").action, ActionKind::create);
    EXPECT_EQ(segment(result, "z.two").action, ActionKind::create);
    EXPECT_EQ(result.ranking.size(), 2u);
}

TEST(FindGaps, SegmentCoveredOnlyByExternalEnterpriseIsAGap) {
    DatasetBuilder b;
    b.county("a");
    b.chain("x", {"x.in", "x.out"}).link("x.in", "x.out");
    b.external("far", {"x.in"});
    b.enterprise("e1", "a", {"x.out"});
    const auto data = b.build();
    const graph::RegionGraph graph(data);
    const auto result = find_gaps(graph, {});
    const auto& in = segment(result, "x.in");
    EXPECT_EQ(in.status, GapStatus::missing);
    EXPECT_EQ(in.local_enterprises, 0u);
    EXPECT_EQ(in.external_enterprises, 1u);
    EXPECT_EQ(in.action, ActionKind::extend);  // held downstream only: the chain's upstream end
}

TEST(FindGaps, CountyFilterThatEmptiesAChain) {
    const auto data = broken_line();
    const graph::RegionGraph graph(data);
    GapOptions options;
    options.county = "b";
    const auto result = find_gaps(graph, options);
    EXPECT_EQ(result.chains[0].missing, 3u);
    EXPECT_DOUBLE_EQ(result.chains[0].coverage, 0.0);
    EXPECT_EQ(result.county, "b");
    // The leader is outside the county, so its need does not pull.
    EXPECT_DOUBLE_EQ(factor(segment(result, "c.mid"), "leader_pull"), 0.0);
}

TEST(FindGaps, SignedOrBuildingProjectMarksFilling) {
    DatasetBuilder b;
    b.county("a").county("b");
    b.chain("f", {"f.one", "f.two", "f.three", "f.four"});
    b.enterprise("e1", "a", {"f.two"});
    b.project("p-signed", "a", {"f.one"}, model::ProjectStatus::signed_);
    b.project("p-building", "a", {"f.two"}, model::ProjectStatus::building);
    b.project("p-planned", "a", {"f.three"}, model::ProjectStatus::planned);
    b.project("p-elsewhere", "b", {"f.four"}, model::ProjectStatus::building);
    const auto data = b.build();
    const graph::RegionGraph graph(data);
    GapOptions in_a;
    in_a.county = "a";
    const auto result = find_gaps(graph, in_a);
    EXPECT_EQ(segment(result, "f.one").status, GapStatus::filling);
    EXPECT_EQ(segment(result, "f.one").projects, std::vector<std::string>{"p-signed"});
    EXPECT_EQ(segment(result, "f.two").status, GapStatus::filling);
    EXPECT_EQ(segment(result, "f.three").status, GapStatus::missing);
    EXPECT_EQ(segment(result, "f.four").status, GapStatus::missing);  // the project is in county b
    // A filling segment with its one enterprise counts as held; the severity is halved.
    EXPECT_EQ(result.chains[0].held, 1u);
    EXPECT_DOUBLE_EQ(factor(segment(result, "f.two"), "severity"), 0.25);
    EXPECT_DOUBLE_EQ(factor(segment(result, "f.one"), "severity"), 0.5);
}

TEST(FindGaps, UnknownIdsAreNotFound) {
    const auto data = broken_line();
    const graph::RegionGraph graph(data);
    GapOptions chain;
    chain.chain = "nope";
    EXPECT_THROW(find_gaps(graph, chain), NotFoundError);
    GapOptions park;
    park.park = "nope";
    EXPECT_THROW(find_gaps(graph, park), NotFoundError);
}

TEST(FindGaps, EmptyDatasetGivesEmptyResult) {
    DatasetBuilder b;
    b.county("a");
    b.chain("one", {"one.s"});
    const auto data = b.build();
    const graph::RegionGraph graph(data);
    const auto result = find_gaps(graph, {});
    EXPECT_EQ(result.chains[0].segment_gaps.size(), 1u);
    EXPECT_EQ(segment(result, "one.s").action, ActionKind::create);
}

class LiaochengGaps : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        loaded_ = new io::LoadResult(io::load_builtin_dataset());
        graph_ = new graph::RegionGraph(loaded_->dataset);
    }
    static void TearDownTestSuite() {
        delete graph_;
        delete loaded_;
    }
    static io::LoadResult* loaded_;
    static graph::RegionGraph* graph_;
};
io::LoadResult* LiaochengGaps::loaded_ = nullptr;
graph::RegionGraph* LiaochengGaps::graph_ = nullptr;

TEST_F(LiaochengGaps, FinishedBearingsAreCovered) {
    GapOptions options;
    options.chain = "bearing";
    const auto result = find_gaps(*graph_, options);
    ASSERT_EQ(result.chains.size(), 1u);
    EXPECT_EQ(result.chains[0].segments, 17u);
    EXPECT_EQ(segment(result, "bearing.assembly").status, GapStatus::covered);
}

TEST_F(LiaochengGaps, BearingStatusesMatchTheData) {
    GapOptions options;
    options.chain = "bearing";
    const auto result = find_gaps(*graph_, options);
    EXPECT_EQ(segment(result, "bearing.heat-treatment").status, GapStatus::weak);
    EXPECT_EQ(segment(result, "bearing.heat-treatment").holders, std::vector<std::string>{"zys-qingshui"});
    // Two external candidates, no local mill.
    EXPECT_EQ(segment(result, "bearing.steel").status, GapStatus::missing);
    EXPECT_EQ(segment(result, "bearing.steel").external_enterprises, 2u);
    // The signed 哈轴 base fills precision bearings; the signed axle project fills a weak segment.
    EXPECT_EQ(segment(result, "bearing.precision").status, GapStatus::filling);
    EXPECT_EQ(segment(result, "bearing.axle").status, GapStatus::filling);
    EXPECT_EQ(segment(result, "bearing.cage").local_enterprises, 5u);
}

TEST_F(LiaochengGaps, XinfaAloneHoldsPowerForAluminium) {
    GapOptions options;
    options.chain = "aluminium";
    const auto result = find_gaps(*graph_, options);
    EXPECT_EQ(segment(result, "aluminium.power").status, GapStatus::weak);
    EXPECT_EQ(segment(result, "aluminium.power").holders, std::vector<std::string>{"xinfa"});
    EXPECT_EQ(segment(result, "aluminium.wheel").status, GapStatus::covered);
}

}  // namespace
}  // namespace chainatlas::analysis
