// Facts about the built-in Liaocheng dataset that a planner would check.
#include <gtest/gtest.h>

#include <set>

#include "chainatlas/analysis/gaps.hpp"
#include "chainatlas/graph/region_graph.hpp"
#include "chainatlas/graph/tiers.hpp"
#include "chainatlas/io/load_dataset.hpp"

namespace chainatlas {
namespace {

using model::Index;
using model::Section;

const model::Dataset& liaocheng() {
    static const auto loaded = io::load_builtin_dataset();  // loaded once for the whole suite
    return loaded.dataset;
}

Index chain_index(const std::string& id) { return liaocheng().find(Section::chain, id); }

TEST(Liaocheng, TwelveChainsWithStableIdsMarkedConfirmedOrInferred) {
    const auto& data = liaocheng();
    ASSERT_EQ(data.chains.size(), 12U);
    for (const char* id : {"aluminium", "copper", "chemicals", "bearing", "new-energy", "health", "steel", "food",
                           "equipment", "auto", "textile", "building-materials"}) {
        const Index c = chain_index(id);
        ASSERT_NE(c, model::kNoIndex) << id;
        EXPECT_NE(data.chains[c].confidence, model::Confidence::unknown) << id;
    }
    EXPECT_EQ(data.chains[chain_index("bearing")].confidence, model::Confidence::confirmed);
    EXPECT_EQ(data.chains[chain_index("textile")].confidence, model::Confidence::inferred);
}

TEST(Liaocheng, CountiesAreTheEightUnitsAndThreeZones) {
    const auto& data = liaocheng();
    EXPECT_EQ(data.counties.size(), 11U);
    std::size_t zones = 0;
    for (const auto& county : data.counties) zones += county.kind == model::CountyKind::development_zone ? 1 : 0;
    EXPECT_EQ(zones, 3U);
    EXPECT_EQ(data.counties[data.find(Section::county, "linqing")].name, "临清市");
}

TEST(Liaocheng, EveryChainRunsFromUpstreamThroughMidstreamToDownstream) {
    const auto& data = liaocheng();
    const auto tiers = graph::effective_tiers(data);
    for (const auto& chain : data.chains) {
        std::set<model::Tier> seen;
        for (const Index s : chain.segments) seen.insert(tiers[s]);
        EXPECT_EQ(seen.count(model::Tier::upstream), 1U) << chain.id;
        EXPECT_EQ(seen.count(model::Tier::midstream), 1U) << chain.id;
        EXPECT_EQ(seen.count(model::Tier::downstream), 1U) << chain.id;
        EXPECT_GE(chain.segments.size(), 8U) << chain.id;
        EXPECT_LE(chain.segments.size(), 20U) << chain.id;
    }
}

TEST(Liaocheng, BearingChainSpansAtLeastFourCounties) {
    const auto& data = liaocheng();
    const graph::RegionGraph graph(data);
    std::set<std::string> counties;
    for (const Index s : data.chains[chain_index("bearing")].segments) {
        for (const Index e : graph.local_enterprises_in(s)) {
            counties.insert(std::string(data.counties[data.enterprises[e].county].id));
        }
    }
    EXPECT_GE(counties.size(), 4U);
    for (const char* county : {"guanxian", "donge", "dongchangfu", "linqing"}) EXPECT_EQ(counties.count(county), 1U) << county;
}

TEST(Liaocheng, AluminiumLeaderIsXinfaInChiping) {
    const auto& data = liaocheng();
    const auto& leaders = data.chains[chain_index("aluminium")].leaders;
    ASSERT_FALSE(leaders.empty());
    const auto& leader = data.enterprises[leaders.front()];
    EXPECT_EQ(leader.name, "信发集团");
    EXPECT_EQ(data.counties[leader.county].id, "chiping");
}

TEST(Liaocheng, EnterprisesNamedInTheSeedsArePresent) {
    const auto& data = liaocheng();
    std::set<std::string> names;
    for (const auto& e : data.enterprises) names.insert(std::string(e.name));
    for (const char* name : {"信发集团", "信发华宇氧化铝有限公司", "阳谷祥光铜业有限公司", "鲁西集团(鲁西化工)",
                             "山东阳谷华泰化工股份有限公司", "山东金帝精密机械科技股份有限公司"}) {
        EXPECT_EQ(names.count(name), 1U) << name;
    }
}

TEST(Liaocheng, EveryRecordCitesItsSourceAndExternalsSayWhereTheyAre) {
    const auto& data = liaocheng();
    for (const auto& e : data.enterprises) {
        EXPECT_FALSE(e.provenance.source.empty()) << e.id;
        if (e.external) {
            // Where a source does not say where it is, the note says so.
            EXPECT_TRUE(!e.location.empty() || !e.provenance.note.empty()) << e.id;
        }
    }
    for (const auto& p : data.projects) EXPECT_FALSE(p.provenance.source.empty()) << p.id;
    for (const auto& s : data.segments) EXPECT_FALSE(s.provenance.source.empty()) << s.id;
}

TEST(Liaocheng, FinishedBearingsAreCoveredAndGrindingIsTheBrokenLink) {
    const auto& data = liaocheng();
    const graph::RegionGraph graph(data);
    analysis::GapOptions options;
    options.chain = "bearing";
    const auto result = analysis::find_gaps(graph, options);
    ASSERT_EQ(result.chains.size(), 1U);
    for (const auto& s : result.chains[0].segment_gaps) {
        if (s.id == "bearing.assembly") {
            EXPECT_EQ(s.status, analysis::GapStatus::covered);
        }
        if (s.id == "bearing.grinding") {
            EXPECT_EQ(s.status, analysis::GapStatus::missing);
            EXPECT_EQ(s.action, analysis::ActionKind::connect);
        }
    }
}

}  // namespace
}  // namespace chainatlas
