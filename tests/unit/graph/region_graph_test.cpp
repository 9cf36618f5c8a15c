#include "chainatlas/graph/region_graph.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "chainatlas/graph/tiers.hpp"
#include "chainatlas/io/load_dataset.hpp"
#include "chainatlas/io/synthetic.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::graph {
namespace {

using model::Index;
using testing::DatasetBuilder;

std::vector<std::string> ids_of_segments(const model::Dataset& data, const std::vector<Index>& indices) {
    std::vector<std::string> out;
    for (const Index i : indices) out.emplace_back(data.segments[i].id);
    return out;
}

std::vector<std::string> ids_of_enterprises(const model::Dataset& data, const std::vector<Index>& indices) {
    std::vector<std::string> out;
    for (const Index i : indices) out.emplace_back(data.enterprises[i].id);
    return out;
}

/// ore → metal → part, with scrap recycled from part back to metal (a cycle), and a second chain
/// whose assembly uses the part (a cross-chain link).
model::Dataset recycling_region() {
    DatasetBuilder b;
    b.county("a").county("b").park("pa", "a");
    b.chain("metal", {"metal.ore", "metal.ingot", "metal.part"})
        .link("metal.ore", "metal.ingot")
        .link("metal.ingot", "metal.part")
        .link("metal.part", "metal.ingot");
    b.chain("car", {"car.assembly", "car.empty"}).link("car.assembly", "car.empty");
    b.cross_link("metal.part", "car.assembly");
    b.enterprise("smelter", "a", {"metal.ingot"}).in_park("pa");
    b.enterprise("shop", "b", {"metal.part", "car.assembly"});
    b.external("faraway", {"metal.ore"});
    b.supply("smelter", "shop");
    return b.build();
}

TEST(RegionGraph, CountsEveryKindOfEdge) {
    const auto data = recycling_region();
    const RegionGraph graph(data);
    EXPECT_EQ(graph.vertex_count(), 2U + 5U + 2U + 1U + 3U);
    EXPECT_EQ(graph.edge_count(EdgeKind::link), 4U);
    EXPECT_EQ(graph.edge_count(EdgeKind::cross_link), 1U);
    EXPECT_EQ(graph.edge_count(EdgeKind::part_of), 5U);
    EXPECT_EQ(graph.edge_count(EdgeKind::member), 4U);
    EXPECT_EQ(graph.edge_count(EdgeKind::in_park), 1U);
    EXPECT_EQ(graph.edge_count(EdgeKind::in_county), 3U);  // two enterprises, one park
    EXPECT_EQ(graph.edge_count(EdgeKind::supply), 1U);
}

TEST(RegionGraph, InputsAndOutputsFollowLinksAndCrossLinks) {
    const auto data = recycling_region();
    const RegionGraph graph(data);
    const Index part = data.find(model::Section::segment, "metal.part");
    const Index ingot = data.find(model::Section::segment, "metal.ingot");
    EXPECT_EQ(ids_of_segments(data, graph.inputs_of(part)), std::vector<std::string>{"metal.ingot"});
    EXPECT_EQ(ids_of_segments(data, graph.outputs_of(part)),
              (std::vector<std::string>{"metal.ingot", "car.assembly"}));
    EXPECT_EQ(ids_of_segments(data, graph.outputs_of(part, EdgeKind::cross_link)),
              std::vector<std::string>{"car.assembly"});
    EXPECT_EQ(ids_of_segments(data, graph.inputs_of(ingot)), (std::vector<std::string>{"metal.ore", "metal.part"}));
}

TEST(RegionGraph, EnterpriseQueriesSeparateLocalFromExternal) {
    const auto data = recycling_region();
    const RegionGraph graph(data);
    const Index ore = data.find(model::Section::segment, "metal.ore");
    EXPECT_EQ(ids_of_enterprises(data, graph.enterprises_in(ore)), std::vector<std::string>{"faraway"});
    EXPECT_TRUE(graph.local_enterprises_in(ore).empty());
    const Index shop = data.find(model::Section::enterprise, "shop");
    const Index smelter = data.find(model::Section::enterprise, "smelter");
    EXPECT_EQ(ids_of_enterprises(data, graph.suppliers_of(shop)), std::vector<std::string>{"smelter"});
    EXPECT_EQ(ids_of_enterprises(data, graph.customers_of(smelter)), std::vector<std::string>{"shop"});
    EXPECT_EQ(ids_of_segments(data, graph.segments_of(shop)), (std::vector<std::string>{"metal.part", "car.assembly"}));
    const Index a = data.find(model::Section::county, "a");
    EXPECT_EQ(ids_of_enterprises(data, graph.enterprises_in_county(a)), std::vector<std::string>{"smelter"});
    EXPECT_EQ(graph.parks_in_county(a).size(), 1U);
    EXPECT_EQ(ids_of_enterprises(data, graph.enterprises_in_park(0)), std::vector<std::string>{"smelter"});
}

TEST(RegionGraph, ReachableVisitsEachSegmentOnceThroughACycle) {
    const auto data = recycling_region();
    const RegionGraph graph(data);
    const Index ore = data.find(model::Section::segment, "metal.ore");
    const auto down = graph.reachable(ore, Direction::downstream);
    std::vector<std::pair<std::string, unsigned>> got;
    for (const auto& r : down) got.emplace_back(data.segments[r.segment].id, r.distance);
    const std::vector<std::pair<std::string, unsigned>> expected{
        {"metal.ingot", 1}, {"metal.part", 2}, {"car.assembly", 3}, {"car.empty", 4}};
    EXPECT_EQ(got, expected);
    EXPECT_EQ(graph.reachable(ore, Direction::downstream, 2).size(), 2U);
    const Index part = data.find(model::Section::segment, "metal.part");
    const auto up = graph.reachable(part, Direction::upstream);
    ASSERT_EQ(up.size(), 2U);  // ingot (1), ore (2); part itself is not repeated through the cycle
    EXPECT_EQ(data.segments[up[1].segment].id, "metal.ore");
}

TEST(Tiers, DerivedFromLinksIgnoringTheRecyclingEdge) {
    const auto data = recycling_region();
    EXPECT_EQ(segment_levels(data, 0), (std::vector<unsigned>{0, 1, 2}));
    const auto tiers = effective_tiers(data);
    EXPECT_EQ(tiers[data.find(model::Section::segment, "metal.ore")], model::Tier::upstream);
    EXPECT_EQ(tiers[data.find(model::Section::segment, "metal.ingot")], model::Tier::midstream);
    EXPECT_EQ(tiers[data.find(model::Section::segment, "metal.part")], model::Tier::downstream);
}

TEST(Tiers, GivenTierWins) {
    DatasetBuilder b;
    b.chain("c", {"c.x", "c.y"}).link("c.x", "c.y").tier("c.y", model::Tier::midstream);
    const auto data = b.build();
    EXPECT_EQ(effective_tiers(data)[1], model::Tier::midstream);
    EXPECT_EQ(effective_tiers(data)[0], model::Tier::upstream);
}

TEST(RegionGraph, EmptyRegionHasNoVertices) {
    DatasetBuilder b;
    const auto data = b.build();
    const RegionGraph graph(data);
    EXPECT_EQ(graph.vertex_count(), 0U);
    EXPECT_EQ(graph.edge_count(), 0U);
}

/// The graph as Boost builds it from a list of every edge (how RegionGraph was built before it
/// filled the CSR arrays itself): the reference the direct build must match array for array.
BoostGraph graph_from_edge_list(const model::Dataset& data, const RegionGraph& graph) {
    std::vector<std::pair<Vertex, Vertex>> edges;
    std::vector<EdgeProperties> properties;
    const auto add = [&](Vertex from, Vertex to, EdgeKind kind, std::uint32_t record = 0) {
        edges.emplace_back(from, to);
        properties.push_back({kind, record});
    };
    const auto v = [&](VertexKind kind, Index index) { return graph.vertex(kind, index); };
    for (const auto& chain : data.chains) {
        for (const auto& link : chain.links)
            add(v(VertexKind::segment, link.from), v(VertexKind::segment, link.to), EdgeKind::link);
    }
    for (const auto& link : data.cross_links) {
        add(v(VertexKind::segment, link.from), v(VertexKind::segment, link.to),
            EdgeKind::cross_link);
    }
    for (Index s = 0; s < data.segments.size(); ++s) {
        add(v(VertexKind::segment, s), v(VertexKind::chain, data.segments[s].chain),
            EdgeKind::part_of);
    }
    for (Index p = 0; p < data.parks.size(); ++p) {
        add(v(VertexKind::park, p), v(VertexKind::county, data.parks[p].county),
            EdgeKind::in_county);
    }
    for (Index e = 0; e < data.enterprises.size(); ++e) {
        const auto& enterprise = data.enterprises[e];
        for (const Index s : data.segments_of(enterprise))
            add(v(VertexKind::enterprise, e), v(VertexKind::segment, s), EdgeKind::member);
        if (enterprise.county != model::kNoIndex)
            add(v(VertexKind::enterprise, e), v(VertexKind::county, enterprise.county),
                EdgeKind::in_county);
        if (enterprise.park != model::kNoIndex)
            add(v(VertexKind::enterprise, e), v(VertexKind::park, enterprise.park),
                EdgeKind::in_park);
    }
    for (std::uint32_t i = 0; i < data.supplies.size(); ++i) {
        add(v(VertexKind::enterprise, data.supplies[i].from),
            v(VertexKind::enterprise, data.supplies[i].to), EdgeKind::supply, i);
    }
    return BoostGraph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(),
                      properties.begin(), static_cast<Vertex>(graph.vertex_count()));
}

void expect_same_arrays(const BoostGraph& built, const BoostGraph& reference) {
    EXPECT_EQ(built.m_forward.m_rowstart, reference.m_forward.m_rowstart);
    EXPECT_EQ(built.m_forward.m_column, reference.m_forward.m_column);
    ASSERT_EQ(built.m_forward.m_edge_properties.size(),
              reference.m_forward.m_edge_properties.size());
    for (std::size_t i = 0; i < built.m_forward.m_edge_properties.size(); ++i) {
        EXPECT_EQ(built.m_forward.m_edge_properties[i].kind,
                  reference.m_forward.m_edge_properties[i].kind)
            << i;
        EXPECT_EQ(built.m_forward.m_edge_properties[i].record,
                  reference.m_forward.m_edge_properties[i].record)
            << i;
    }
    EXPECT_EQ(built.m_backward.m_rowstart, reference.m_backward.m_rowstart);
    EXPECT_EQ(built.m_backward.m_column, reference.m_backward.m_column);
    EXPECT_EQ(built.m_backward.m_edge_properties, reference.m_backward.m_edge_properties);
}

TEST(RegionGraph, DirectCsrEqualsBoostBuildFromEdgeList) {
    const auto data = recycling_region();
    const RegionGraph graph(data);
    expect_same_arrays(graph.boost_graph(), graph_from_edge_list(data, graph));
}

TEST(RegionGraph, DirectCsrEqualsBoostBuildOnASyntheticRegistry) {
    io::SynthOptions options;
    options.enterprises = 3000;
    options.supplies = 6000;
    options.chains = 5;
    options.segments_per_chain = 12;
    options.counties = 20;
    options.projects = 30;
    std::ostringstream text;
    io::write_synthetic_json(text, options);
    const auto loaded = io::load_dataset_from_json(text.str(), "synthetic");
    const RegionGraph graph(loaded.dataset);
    ASSERT_GT(graph.edge_count(EdgeKind::supply), 5000U);
    expect_same_arrays(graph.boost_graph(), graph_from_edge_list(loaded.dataset, graph));
}

}  // namespace
}  // namespace chainatlas::graph
