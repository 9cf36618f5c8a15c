#include "chainatlas/analysis/critical.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "chainatlas/error.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "chainatlas/io/synthetic.hpp"
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

TEST(FindCritical, RepeatedSupplyFromTheSameSupplierStillOrphans) {
    DatasetBuilder b;
    b.county("a");
    b.chain("k", {"k.a", "k.b"}).link("k.a", "k.b");
    b.enterprise("s1", "a", {"k.a"}).enterprise("s2", "a", {"k.a"});
    b.enterprise("c1", "a", {"k.b"}).enterprise("c2", "a", {"k.b"});
    b.external("x", {"k.a"});
    // c1 buys twice from s1 (and from outside, which does not count); c2 from s1 and s2.
    b.supply("s1", "c1")
        .supply("s1", "c1", 2.0)
        .supply("x", "c1")
        .supply("s1", "c2")
        .supply("s2", "c2");
    const auto data = b.build();
    const graph::RegionGraph graph(data);
    const auto result = find_critical(graph, {});
    ASSERT_EQ(result.removals.size(), 1u);
    EXPECT_EQ(result.removals[0].enterprise.id, "s1");
    EXPECT_EQ(result.removals[0].orphaned_customers, std::vector<std::string>{"c1"});
}

/// A synthetic registry small enough for brute force: cycles, repeated and reversed supplies,
/// external enterprises, several counties.
const model::Dataset& registry() {
    static const auto loaded = [] {
        io::SynthOptions options;
        options.enterprises = 1500;
        options.supplies = 2200;
        options.chains = 6;
        options.segments_per_chain = 12;
        options.counties = 40;
        options.projects = 10;
        options.external_share = 0.05;
        std::ostringstream json;
        io::write_synthetic_json(json, options);
        return io::load_dataset_from_json(json.str(), "synthetic");
    }();
    return loaded.dataset;
}

TEST(FindCritical, ArticulationPointsAgreeWithRemovingEachEnterprise) {
    const auto& data = registry();
    const graph::RegionGraph graph(data);
    std::vector<std::set<model::Index>> partners(data.enterprises.size());
    for (const auto& supply : data.supplies) {
        if (supply.from == supply.to) continue;
        partners[supply.from].insert(supply.to);
        partners[supply.to].insert(supply.from);
    }
    // Parts of v's component left when v goes: its neighbours fall into this many components.
    const auto parts_without = [&](model::Index v) {
        std::vector<char> seen(data.enterprises.size(), 0);
        seen[v] = 1;
        std::size_t parts = 0;
        for (const model::Index start : partners[v]) {
            if (seen[start]) continue;
            ++parts;
            std::vector<model::Index> stack{start};
            seen[start] = 1;
            while (!stack.empty()) {
                const model::Index u = stack.back();
                stack.pop_back();
                for (const model::Index w : partners[u]) {
                    if (!seen[w]) {
                        seen[w] = 1;
                        stack.push_back(w);
                    }
                }
            }
        }
        return parts;
    };
    std::map<std::string, std::pair<std::size_t, std::size_t>> expected;  // id → (blocks, partners)
    for (model::Index v = 0; v < data.enterprises.size(); ++v) {
        const std::size_t parts = parts_without(v);
        if (parts >= 2) expected[std::string(data.enterprises[v].id)] = {parts, partners[v].size()};
    }
    const auto points = find_articulation_points(graph);
    ASSERT_GT(expected.size(), 10u);
    ASSERT_EQ(points.size(), expected.size());
    bool external = false;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        ASSERT_TRUE(expected.count(p.enterprise.id)) << p.enterprise.id;
        EXPECT_EQ(p.blocks, expected[p.enterprise.id].first) << p.enterprise.id;
        EXPECT_EQ(p.partners, expected[p.enterprise.id].second) << p.enterprise.id;
        external = external || p.external;
        if (i > 0) {
            const auto& q = points[i - 1];
            EXPECT_TRUE(q.blocks > p.blocks ||
                        (q.blocks == p.blocks &&
                         (q.partners > p.partners ||
                          (q.partners == p.partners && q.enterprise.id < p.enterprise.id))));
        }
    }
    EXPECT_TRUE(external);  // external enterprises take part in the network
    EXPECT_EQ(find_critical(graph, {}).articulation_points.size(), points.size());
}

void expect_same(const CriticalResult& a, const CriticalResult& b) {
    EXPECT_EQ(a.chain, b.chain);
    EXPECT_EQ(a.county, b.county);
    ASSERT_EQ(a.weak_segments.size(), b.weak_segments.size());
    for (std::size_t i = 0; i < a.weak_segments.size(); ++i) {
        EXPECT_EQ(a.weak_segments[i].id, b.weak_segments[i].id);
        EXPECT_EQ(a.weak_segments[i].holder.id, b.weak_segments[i].holder.id);
        EXPECT_EQ(a.weak_segments[i].dependents, b.weak_segments[i].dependents);
    }
    ASSERT_EQ(a.removals.size(), b.removals.size());
    for (std::size_t i = 0; i < a.removals.size(); ++i) {
        EXPECT_EQ(a.removals[i].enterprise.id, b.removals[i].enterprise.id);
        EXPECT_EQ(a.removals[i].gaps_opened, b.removals[i].gaps_opened);
        EXPECT_EQ(a.removals[i].segment_dependents, b.removals[i].segment_dependents);
        EXPECT_EQ(a.removals[i].orphaned_customers, b.removals[i].orphaned_customers);
    }
}

TEST(FindCritical, TopKeepsTheHeadOfTheFullRanking) {
    const auto& data = registry();
    const graph::RegionGraph graph(data);
    CriticalOptions all;
    all.top = 0;
    const auto full = find_critical(graph, all);
    ASSERT_GT(full.removals.size(), 30u);
    for (std::size_t i = 1; i < full.removals.size(); ++i) {
        const auto& a = full.removals[i - 1];
        const auto& b = full.removals[i];
        const auto key = [](const RemovalImpact& r) {
            return std::make_tuple(r.gaps_opened.size(), r.segment_dependents.size(),
                                   r.orphaned_customers.size());
        };
        EXPECT_TRUE(key(a) > key(b) || (key(a) == key(b) && a.enterprise.id < b.enterprise.id));
    }
    CriticalOptions some;
    some.top = 25;
    auto head = full;
    head.removals.resize(25);
    expect_same(find_critical(graph, some), head);
}

TEST(FindCritical, PerChainIsFindCriticalOfEachChain) {
    const auto& data = registry();
    const graph::RegionGraph graph(data);
    std::vector<std::string> chains{""};
    for (const auto& chain : data.chains) chains.emplace_back(chain.id);
    for (const bool in_county : {false, true}) {
        const auto county_id = in_county ? std::string(data.counties[1].id) : std::string();
        const auto results = find_critical_per_chain(graph, {"", county_id, "", 10}, chains);
        ASSERT_EQ(results.size(), chains.size());
        for (std::size_t i = 0; i < chains.size(); ++i) {
            const auto one = find_critical(graph, {chains[i], county_id, "", 10});
            expect_same(results[i], one);
            EXPECT_TRUE(results[i].articulation_points.empty());
        }
    }
    EXPECT_THROW(find_critical_per_chain(graph, {}, {"zzz"}), NotFoundError);
}

}  // namespace
}  // namespace chainatlas::analysis
