#include "chainatlas/analysis/county_compare.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "chainatlas/error.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::analysis {
namespace {

// Two counties, two chains. By enterprise count: a holds x 2, y 1; b holds x 1, y 2.
// x.mid has only an external enterprise, so it is a gap between a's x.up and b's x.down.
model::Dataset two_counties() {
    testing::DatasetBuilder b;
    b.county("a").county("b");
    b.chain("x", {"x.up", "x.mid", "x.down"}).link("x.up", "x.mid").link("x.mid", "x.down");
    b.chain("y", {"y.1", "y.2"}).link("y.1", "y.2");
    b.enterprise("e1", "a", {"x.up"});
    b.enterprise("e2", "a", {"x.up"});
    b.enterprise("e3", "a", {"y.1"});
    b.enterprise("e4", "b", {"x.down"});
    b.enterprise("e5", "b", {"y.1"});
    b.enterprise("e6", "b", {"y.2"});
    b.external("ext", {"x.mid"});
    b.supply("e1", "e4");
    return b.build();
}

const MatrixRow& cell(const CompareResult& r, const std::string& county, const std::string& chain) {
    const auto it = std::find_if(r.matrix.begin(), r.matrix.end(),
                                 [&](const auto& m) { return m.county == county && m.chain == chain; });
    EXPECT_NE(it, r.matrix.end());
    return *it;
}

TEST(CompareCounties, LocationQuotientByCountWhenOutputUnknown) {
    const auto data = two_counties();
    const graph::RegionGraph graph(data);
    const auto r = compare_counties(graph, {});
    EXPECT_EQ(r.basis, "count");
    EXPECT_EQ(r.requested_basis, "auto");
    ASSERT_EQ(r.matrix.size(), 4u);
    EXPECT_EQ(cell(r, "a", "x").enterprises, 2u);
    EXPECT_NEAR(cell(r, "a", "x").lq, 4.0 / 3.0, 1e-12);   // (2/3) / (3/6)
    EXPECT_NEAR(cell(r, "b", "x").lq, 2.0 / 3.0, 1e-12);   // (1/3) / (3/6)
    EXPECT_NEAR(cell(r, "a", "x").coverage, 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(cell(r, "b", "y").coverage, 1.0, 1e-12);
}

TEST(CompareCounties, LocationQuotientByOutputWhenKnown) {
    testing::DatasetBuilder b;
    b.county("a").county("b");
    b.chain("x", {"x.1"}).chain("y", {"y.1"});
    b.enterprise("e1", "a", {"x.1"}).output(30);
    b.enterprise("e2", "a", {"y.1"}).output(10);
    b.enterprise("e3", "b", {"y.1"}).output(60);
    const auto data = b.build();
    const graph::RegionGraph graph(data);
    const auto r = compare_counties(graph, {});
    EXPECT_EQ(r.basis, "output");
    EXPECT_NEAR(cell(r, "a", "x").lq, (30.0 / 40.0) / (30.0 / 100.0), 1e-12);
    CompareOptions by_count;
    by_count.basis = CompareBasis::count;
    EXPECT_NEAR(cell(compare_counties(graph, by_count), "a", "x").lq, (1.0 / 2.0) / (1.0 / 3.0), 1e-12);
}

TEST(CompareCounties, KrugmanIndexAgainstTheRestOfTheRegion) {
    const auto data = two_counties();
    const graph::RegionGraph graph(data);
    const auto r = compare_counties(graph, {});
    ASSERT_EQ(r.profiles.size(), 2u);
    // a: shares (2/3, 1/3); the rest (= b): (1/3, 2/3).
    EXPECT_NEAR(r.profiles[0].krugman, 2.0 / 3.0, 1e-12);
    ASSERT_EQ(r.profiles[0].leading.size(), 1u);
    EXPECT_EQ(r.profiles[0].leading[0].chain, "x");
}

TEST(CompareCounties, CosineSimilarityOfChainProfiles) {
    const auto data = two_counties();
    const graph::RegionGraph graph(data);
    const auto r = compare_counties(graph, {});
    ASSERT_EQ(r.similarity.size(), 1u);
    EXPECT_NEAR(r.similarity[0].cosine, 0.8, 1e-12);  // (2,1)·(1,2) / 5
}

TEST(CompareCounties, ComplementarityThroughAGapSegment) {
    const auto data = two_counties();
    const graph::RegionGraph graph(data);
    const auto r = compare_counties(graph, {});
    ASSERT_EQ(r.complementarity.size(), 1u);
    const auto& pair = r.complementarity[0];
    EXPECT_NEAR(pair.score, 1.0 / 3.0, 1e-12);  // x: |A∪B| 2 − max 1 over 3; y adds nothing
    ASSERT_EQ(pair.chains.size(), 1u);
    EXPECT_EQ(pair.chains[0].only_a, std::vector<std::string>{"x.up"});
    EXPECT_EQ(pair.chains[0].only_b, std::vector<std::string>{"x.down"});
    ASSERT_EQ(pair.chains[0].links.size(), 1u);
    EXPECT_EQ(pair.chains[0].links[0].via, std::vector<std::string>{"x.mid"});
    ASSERT_EQ(pair.supplies.size(), 1u);
    EXPECT_EQ(pair.supplies[0].from, "e1");
}

TEST(CompareCounties, ChainLinksBetweenCountiesCarryKnownSupplies) {
    const auto data = two_counties();
    const graph::RegionGraph graph(data);
    CompareOptions options;
    options.chain = "x";
    const auto r = compare_counties(graph, options);
    ASSERT_EQ(r.chain_links.size(), 1u);
    const auto& x = r.chain_links[0];
    ASSERT_EQ(x.links.size(), 1u);
    EXPECT_EQ(x.links[0].from_county, "a");
    EXPECT_EQ(x.links[0].to_county, "b");
    ASSERT_EQ(x.links[0].supplies.size(), 1u);
    EXPECT_EQ(x.links[0].supplies[0].to, "e4");
    EXPECT_EQ(x.counties.front().county, "a");  // upstream first
}

TEST(CompareCounties, CycleAndEmptyChainAreHandled) {
    testing::DatasetBuilder b;
    b.county("a").county("b");
    b.chain("r", {"r.1", "r.2"}).link("r.1", "r.2").link("r.2", "r.1");
    b.chain("empty", {"empty.1"});
    b.enterprise("e1", "a", {"r.1"});
    b.enterprise("e2", "b", {"r.2"});
    const auto data = b.build();
    const graph::RegionGraph graph(data);
    const auto r = compare_counties(graph, {});
    ASSERT_EQ(r.chain_links.size(), 1u);
    EXPECT_EQ(r.chain_links[0].links.size(), 2u);  // a → b and b → a
    EXPECT_EQ(cell(r, "a", "empty").lq, 0.0);
}

/// `n` counties, each holding both segments of one chain with one enterprise each.
model::Dataset many_counties(int n) {
    testing::DatasetBuilder b;
    b.chain("c", {"c.up", "c.down"}).link("c.up", "c.down");
    for (int i = 0; i < n; ++i) {
        const std::string k = "k" + std::to_string(i);
        b.county(k).enterprise("u" + std::to_string(i), k, {"c.up"}).enterprise("d" + std::to_string(i), k, {"c.down"});
    }
    return b.build();
}

TEST(CompareCounties, SegmentLinkPairsAreListedForUpToFiftyCounties) {
    const auto fifty = many_counties(50);
    const graph::RegionGraph small(fifty);
    const auto listed = compare_counties(small, {});
    ASSERT_EQ(listed.chain_links.size(), 1U);
    EXPECT_TRUE(listed.chain_links[0].link_pairs_listed);
    EXPECT_EQ(listed.chain_links[0].links.size(), 50U * 49U);  // every ordered pair of other counties
    EXPECT_EQ(listed.chain_links[0].counties[0].internal_links, 1U);

    const auto many = many_counties(51);
    const graph::RegionGraph large(many);
    const auto cut = compare_counties(large, {});
    ASSERT_EQ(cut.chain_links.size(), 1U);
    EXPECT_FALSE(cut.chain_links[0].link_pairs_listed);
    EXPECT_TRUE(cut.chain_links[0].links.empty());  // no known supplies in this dataset
    EXPECT_EQ(cut.chain_links[0].counties[0].internal_links, 1U);  // still counted
    EXPECT_EQ(cut.chain_links[0].counties.size(), 51U);
}

TEST(CompareCounties, EveryPairInFullIsRefusedBeyondTwoHundredCounties) {
    const auto data = many_counties(201);
    const graph::RegionGraph graph(data);
    CompareOptions all;
    all.top_pairs = 0;
    EXPECT_THROW(compare_counties(graph, all), Error);
    all.top_pairs = 5;
    const auto best = compare_counties(graph, all);
    EXPECT_EQ(best.similarity.size(), 5U);
}

TEST(CompareCounties, UnknownCountyIsNotFound) {
    const auto data = two_counties();
    const graph::RegionGraph graph(data);
    CompareOptions options;
    options.counties = {"nowhere"};
    EXPECT_THROW(compare_counties(graph, options), NotFoundError);
}

TEST(CompareCounties, CountsEveryPairTwiceOnTheProgressBar) {
    const auto data = two_counties();
    const graph::RegionGraph graph(data);
    std::ostringstream screen;
    util::Progress progress("compare", compare_pair_count(2), screen, true);
    CompareOptions options;
    options.progress = &progress;
    (void)compare_counties(graph, options);
    EXPECT_EQ(compare_pair_count(2), 2U);
    EXPECT_EQ(compare_pair_count(3000), 8'997'000U);
    EXPECT_EQ(progress.count(), 2U);  // the one pair, scored for similarity and complementarity
}

// Found by fuzz_pipeline: counties but no chain at all (rows of zero words in the held-segment
// bit matrix) used to take a reference into an empty vector.
TEST(CompareCounties, CountiesWithoutAnyChain) {
    testing::DatasetBuilder b;
    b.county("a").county("b");
    const auto data = b.build();
    const graph::RegionGraph graph(data);
    const auto r = compare_counties(graph, {});
    EXPECT_TRUE(r.matrix.empty());
    ASSERT_EQ(r.profiles.size(), 2u);
    EXPECT_EQ(r.profiles[0].chains, 0u);
    EXPECT_EQ(r.profiles[0].enterprises, 0u);
    EXPECT_TRUE(r.chain_links.empty());
}

TEST(CompareCountiesLiaocheng, BearingRunsAcrossFourCountiesIntoLinqing) {
    const auto loaded = io::load_builtin_dataset();
    const graph::RegionGraph graph(loaded.dataset);
    CompareOptions options;
    options.chain = "bearing";
    const auto r = compare_counties(graph, options);
    EXPECT_EQ(r.basis, "count");
    ASSERT_EQ(r.chain_links.size(), 1u);
    const auto& bearing = r.chain_links[0];
    EXPECT_GE(bearing.counties.size(), 4u);
    const auto holds = [&](const std::string& county, const std::string& segment) {
        for (const auto& c : bearing.counties) {
            if (c.county == county) return std::count(c.segments.begin(), c.segments.end(), segment) > 0;
        }
        return false;
    };
    EXPECT_TRUE(holds("guanxian", "bearing.forging"));
    EXPECT_TRUE(holds("donge", "bearing.ball"));
    EXPECT_TRUE(holds("dongchangfu", "bearing.cage"));
    EXPECT_TRUE(holds("linqing", "bearing.assembly"));
    const auto linked = [&](const std::string& from, const std::string& to) {
        return std::any_of(bearing.links.begin(), bearing.links.end(),
                           [&](const auto& l) { return l.from_county == from && l.to_county == to; });
    };
    EXPECT_TRUE(linked("guanxian", "linqing"));
    EXPECT_TRUE(linked("donge", "linqing"));
    EXPECT_TRUE(linked("dongchangfu", "linqing"));
}

}  // namespace
}  // namespace chainatlas::analysis
