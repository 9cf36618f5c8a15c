#include "chainatlas/analysis/clusters.hpp"

#include <igraph/igraph.h>

#include <algorithm>
#include <numeric>
#include <span>
#include <utility>

#include "chainatlas/error.hpp"
#include "supply_network_impl.hpp"

namespace chainatlas::analysis {

namespace {

using model::Index;
using model::kNoIndex;

std::string str(std::string_view text) { return std::string(text); }

/// An undirected network: vertices in id order, each edge once with `a < b`.
struct Network {
    std::vector<std::string_view> ids;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<double> weights;  ///< one per edge; empty when every edge weighs 1
    [[nodiscard]] double weight(std::size_t edge) const { return weights.empty() ? 1.0 : weights[edge]; }
};

/// Sorts the edges by their ends and merges repeated ones (keeping the first one's weight).
/// Two stable counting sorts (by the second end, then by the first) rather than a comparison
/// sort: linear in the edges, and the supply network of a registry has millions.
void normalise(Network& net) {
    const std::size_t n = net.ids.size();
    const std::size_t m = net.edges.size();
    std::vector<std::uint32_t> start(n + 1);
    std::vector<std::uint32_t> by_second(m), sorted(m);
    const auto counting_sort = [&](const auto& end_of, const auto& order_in, std::vector<std::uint32_t>& out) {
        std::fill(start.begin(), start.end(), 0U);
        for (const auto& e : net.edges) ++start[end_of(e) + 1];
        for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
        for (std::size_t k = 0; k < m; ++k) {
            const std::uint32_t i = order_in(k);
            out[start[end_of(net.edges[i])]++] = i;
        }
    };
    counting_sort([](const auto& e) { return e.second; }, [](std::size_t k) { return static_cast<std::uint32_t>(k); },
                  by_second);
    counting_sort([](const auto& e) { return e.first; }, [&](std::size_t k) { return by_second[k]; }, sorted);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    std::vector<double> weights;
    edges.reserve(m);
    if (!net.weights.empty()) weights.reserve(m);
    for (std::size_t k = 0; k < m; ++k) {
        const auto& edge = net.edges[sorted[k]];
        if (!edges.empty() && edges.back() == edge) continue;
        edges.push_back(edge);
        if (!net.weights.empty()) weights.push_back(net.weights[sorted[k]]);
    }
    net.edges = std::move(edges);
    net.weights = std::move(weights);
}

/// Owns an igraph object and destroys it on scope exit.
template <typename T, igraph_error_t (*Init)(T*, igraph_integer_t), void (*Destroy)(T*)>
struct IgraphVector {
    T value;
    explicit IgraphVector(igraph_integer_t size) {
        if (Init(&value, size) != IGRAPH_SUCCESS) throw Error("igraph: out of memory");
    }
    ~IgraphVector() { Destroy(&value); }
    IgraphVector(const IgraphVector&) = delete;
    IgraphVector& operator=(const IgraphVector&) = delete;
};
using IntVector =
    IgraphVector<igraph_vector_int_t, igraph_vector_int_init, igraph_vector_int_destroy>;
using RealVector = IgraphVector<igraph_vector_t, igraph_vector_init, igraph_vector_destroy>;

void check(igraph_error_t code, const char* what) {
    if (code != IGRAPH_SUCCESS)
        throw Error(std::string("igraph: ") + what + " failed: " + igraph_strerror(code));
}

/// An undirected igraph of `net` (vertices 0..n-1, one edge per entry of net.edges, edge i
/// being net.edges[i]), destroyed on scope exit.
class IgraphNetwork {
public:
    explicit IgraphNetwork(const Network& net) {
        // The default handler aborts the process; errors are reported through the return codes.
        igraph_set_error_handler(igraph_error_handler_ignore);
        IntVector edges(static_cast<igraph_integer_t>(2 * net.edges.size()));
        for (std::size_t i = 0; i < net.edges.size(); ++i) {
            VECTOR(edges.value)[2 * i] = net.edges[i].first;
            VECTOR(edges.value)[2 * i + 1] = net.edges[i].second;
        }
        check(igraph_create(&graph_, &edges.value, static_cast<igraph_integer_t>(net.ids.size()), IGRAPH_UNDIRECTED),
              "create");
    }
    ~IgraphNetwork() { igraph_destroy(&graph_); }
    IgraphNetwork(const IgraphNetwork&) = delete;
    IgraphNetwork& operator=(const IgraphNetwork&) = delete;
    [[nodiscard]] const igraph_t* get() const { return &graph_; }

private:
    igraph_t graph_{};
};

/// Communities of a network whose vertices all have an edge, by modularity: igraph's Leiden
/// algorithm with the modularity objective (node weights = degrees, resolution 1/2m), two
/// iterations, seeded. Returns the community of each vertex and the modularity.
///
/// Leiden rather than Louvain (igraph_community_multilevel): on the supply networks planners
/// load, multilevel took 36 s for 100k enterprises (igraph 0.10.2; python-igraph's is the
/// same code and time) while Leiden takes about half a second and finds a higher modularity
/// (0.529 against 0.511 there); Leiden also never leaves a community internally disconnected.
std::pair<std::vector<std::size_t>, double> modularity_communities(const Network& net, const IgraphNetwork& graph,
                                                                   bool weighted) {
    const std::size_t n = net.ids.size();
    double total = 0.0;
    for (std::size_t i = 0; i < net.edges.size(); ++i) total += weighted ? net.weight(i) : 1.0;
    std::vector<std::size_t> membership(n);
    if (total <= 0) {
        std::iota(membership.begin(), membership.end(), std::size_t{0});
        return {membership, 0.0};
    }
    RealVector weights(static_cast<igraph_integer_t>(net.edges.size()));
    for (std::size_t i = 0; i < net.edges.size(); ++i)
        VECTOR(weights.value)[i] = weighted ? net.weight(i) : 1.0;
    RealVector strength(0);
    check(igraph_strength(graph.get(), &strength.value, igraph_vss_all(), IGRAPH_ALL, true, &weights.value),
          "strength");
    IntVector result(0);
    igraph_integer_t communities = 0;
    igraph_rng_seed(igraph_rng_default(), 42);
    check(igraph_community_leiden(graph.get(), &weights.value, &strength.value, 1.0 / (2.0 * total), 0.01, false, 2,
                                  &result.value, &communities, nullptr),
          "community_leiden");
    double modularity = 0.0;
    check(igraph_modularity(graph.get(), &result.value, &weights.value, 1.0, false, &modularity),
          "modularity");
    for (std::size_t v = 0; v < n; ++v)
        membership[v] = static_cast<std::size_t>(VECTOR(result.value)[v]);
    return {membership, modularity};
}

/// Components, articulation points and communities of `net`. Vertices without an edge are left
/// out. `community_of` receives the community number (0-based, in the order of the result) of each
/// vertex of `net`, or SIZE_MAX for a vertex left out.
NetworkStructure analyse(Network net, const ClusterOptions& options, bool weighted,
                         std::vector<std::size_t>* community_of = nullptr) {
    normalise(net);
    // Keep the vertices with an edge, in id order.
    std::vector<std::size_t> degree(net.ids.size(), 0);
    for (const auto& [a, b] : net.edges) {
        ++degree[a];
        ++degree[b];
    }
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> kept(net.ids.size(), kNone);
    Network g;
    for (std::size_t v = 0; v < net.ids.size(); ++v) {
        if (degree[v] == 0) continue;
        kept[v] = g.ids.size();
        g.ids.push_back(net.ids[v]);
    }
    g.edges.reserve(net.edges.size());
    g.weights.reserve(net.weights.size());
    for (std::size_t i = 0; i < net.edges.size(); ++i) {
        g.edges.push_back({static_cast<std::uint32_t>(kept[net.edges[i].first]),
                           static_cast<std::uint32_t>(kept[net.edges[i].second])});
        if (!net.weights.empty()) g.weights.push_back(net.weights[i]);
    }
    const std::size_t n = g.ids.size();

    NetworkStructure s;
    s.vertices = n;
    s.edges = g.edges.size();

    const detail::Walk walk = detail::depth_first(g.ids.size(), g.edges);
    s.component_count = walk.component_count;
    const std::vector<std::uint32_t>& component = walk.component;
    std::vector<NetworkComponent> components(s.component_count);
    std::vector<std::size_t> first(s.component_count, kNone);
    for (std::size_t v = 0; v < n; ++v) {
        auto& c = components[component[v]];
        ++c.size;
        if (first[component[v]] == kNone) first[component[v]] = v;
    }
    for (const auto& [a, b] : g.edges) ++components[component[a]].edges;
    std::vector<std::size_t> order(s.component_count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (components[a].size != components[b].size)
            return components[a].size > components[b].size;
        return first[a] < first[b];  // vertices are in id order
    });
    const std::size_t listed =
        options.top_components == 0 ? order.size() : std::min(order.size(), options.top_components);
    std::vector<std::size_t> rank(s.component_count, kNone);
    for (std::size_t i = 0; i < listed; ++i) {
        rank[order[i]] = i;
        auto c = components[order[i]];
        c.first = str(g.ids[first[order[i]]]);
        s.components.push_back(std::move(c));
    }
    for (std::size_t v = 0; v < n; ++v) {
        const std::size_t r = rank[component[v]];
        if (r != kNone && s.components[r].size <= options.member_limit)
            s.components[r].members.push_back(str(g.ids[v]));
    }

    // Articulation points, in id order (vertices are), with the blocks each belongs to.
    for (std::size_t v = 0; v < n; ++v) {
        if (walk.splits[v] >= 2) {
            s.articulation_points.push_back({str(g.ids[v]), walk.offsets[v + 1] - walk.offsets[v], walk.splits[v]});
        }
    }

    // Communities by modularity.
    if (n > 0 && options.communities) {
        const IgraphNetwork igraph(g);
        auto [membership, modularity] = modularity_communities(g, igraph, weighted);
        s.modularity = modularity;
        std::size_t count = 0;
        for (const std::size_t m : membership) count = std::max(count, m + 1);
        std::vector<std::vector<std::size_t>> members(count);
        for (std::size_t v = 0; v < n; ++v) members[membership[v]].push_back(v);
        std::vector<double> inside(count, 0.0);
        for (std::size_t i = 0; i < g.edges.size(); ++i) {
            const auto [a, b] = g.edges[i];
            if (membership[a] == membership[b])
                inside[membership[a]] += weighted ? g.weight(i) : 1.0;
        }
        std::vector<std::size_t> by_size;
        for (std::size_t c = 0; c < count; ++c) {
            if (!members[c].empty()) by_size.push_back(c);
        }
        std::sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) {
            if (members[a].size() != members[b].size())
                return members[a].size() > members[b].size();
            return members[a].front() < members[b].front();
        });
        std::vector<std::size_t> renumber(count, kNone);
        for (std::size_t i = 0; i < by_size.size(); ++i) {
            const std::size_t c = by_size[i];
            renumber[c] = i;
            NetworkCommunity community;
            community.id = "community-" + std::to_string(i + 1);
            community.weight = inside[c];
            community.members.reserve(members[c].size());
            for (const std::size_t v : members[c]) community.members.push_back(str(g.ids[v]));
            s.communities.push_back(std::move(community));
        }
        if (community_of != nullptr) {
            community_of->assign(net.ids.size(), kNone);
            for (std::size_t v = 0; v < net.ids.size(); ++v) {
                if (kept[v] != kNone) (*community_of)[v] = renumber[membership[kept[v]]];
            }
        }
    } else if (community_of != nullptr) {
        community_of->assign(net.ids.size(), kNone);
    }
    return s;
}

/// Sorts `indices` by the id `id_of` gives each, as `<` on the ids would. Each index is
/// paired with the first 8 bytes of its id as a big-endian number, so most comparisons are
/// of two integers in one array rather than two texts at random places in memory (a million
/// enterprise ids sort in a fraction of the time).
template <typename IdOf>
void sort_by_id(std::vector<Index>& indices, const IdOf& id_of) {
    struct Keyed {
        std::uint64_t prefix;
        std::string_view id;
        Index index;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(indices.size());
    for (const Index i : indices) {
        const std::string_view id = id_of(i);
        std::uint64_t prefix = 0;
        for (std::size_t k = 0; k < 8; ++k) {
            prefix = prefix << 8 | (k < id.size() ? static_cast<unsigned char>(id[k]) : 0U);
        }
        keyed.push_back({prefix, id, i});
    }
    std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        if (a.prefix != b.prefix) return a.prefix < b.prefix;
        return a.id < b.id;
    });
    for (std::size_t k = 0; k < keyed.size(); ++k) indices[k] = keyed[k].index;
}

bool is_local(const model::Enterprise& e) { return !e.external && e.county != kNoIndex; }

/// The distinct chains of each local enterprise's segments, sorted, worked out once: the places
/// and the supply links ask for them about five times per enterprise (a million at registry
/// scale). Empty for enterprises that are not local.
class ChainsOfEnterprises {
public:
    explicit ChainsOfEnterprises(const model::Dataset& data) {
        offsets_.reserve(data.enterprises.size() + 1);
        offsets_.push_back(0);
        list_.reserve(data.enterprises.size());
        std::vector<Index> chains;
        for (const auto& e : data.enterprises) {
            if (is_local(e)) {
                chains.clear();
                for (const Index s : data.segments_of(e)) chains.push_back(data.segments[s].chain);
                std::sort(chains.begin(), chains.end());
                chains.erase(std::unique(chains.begin(), chains.end()), chains.end());
                list_.insert(list_.end(), chains.begin(), chains.end());
            }
            offsets_.push_back(static_cast<std::uint32_t>(list_.size()));
        }
    }
    [[nodiscard]] std::span<const Index> operator[](Index enterprise) const {
        return {list_.data() + offsets_[enterprise], list_.data() + offsets_[enterprise + 1]};
    }

private:
    std::vector<std::uint32_t> offsets_;
    std::vector<Index> list_;
};

/// Per place × chain totals of the geographic part.
struct Cell {
    std::size_t enterprises = 0;
    double output = 0.0;
    std::vector<std::string> leaders;
};

}  // namespace

std::string to_string(ClusterBy by) {
    switch (by) {
        case ClusterBy::county:
            return "county";
        case ClusterBy::park:
            return "park";
        case ClusterBy::community:
            return "community";
    }
    return "county";
}

ClusterResult find_clusters(const graph::RegionGraph& graph, const ClusterOptions& options) {
    const model::Dataset& data = graph.data();
    ClusterResult result;
    result.chain = options.chain;
    result.by = to_string(options.by);

    Index only = kNoIndex;
    if (!options.chain.empty()) {
        only = data.find(model::Section::chain, options.chain);
        if (only == kNoIndex) {
            throw NotFoundError("unknown chain '" + options.chain +
                                "' (see `chainatlas chains` for the ids)");
        }
    }
    const auto in_scope_chain = [&](Index k) { return only == kNoIndex || k == only; };

    // Enterprises in scope: local ones, in the chain when one is asked for.
    const ChainsOfEnterprises chains_of(data);
    std::vector<char> in_scope(data.enterprises.size(), 0);
    for (Index i = 0; i < data.enterprises.size(); ++i) {
        if (!is_local(data.enterprises[i])) continue;
        const auto chains = chains_of[i];
        in_scope[i] = only == kNoIndex || std::binary_search(chains.begin(), chains.end(), only);
    }

    // The enterprise network, vertices in id order.
    Network enterprises;
    std::vector<std::uint32_t> vertex_of(data.enterprises.size(), UINT32_MAX);
    {
        std::vector<Index> order;
        for (Index i = 0; i < data.enterprises.size(); ++i) {
            if (in_scope[i]) order.push_back(i);
        }
        sort_by_id(order, [&](Index i) { return data.enterprises[i].id; });
        for (const Index i : order) {
            vertex_of[i] = static_cast<std::uint32_t>(enterprises.ids.size());
            enterprises.ids.push_back(data.enterprises[i].id);
        }
        for (const auto& supply : data.supplies) {
            const std::uint32_t a = vertex_of[supply.from];
            const std::uint32_t b = vertex_of[supply.to];
            if (a == UINT32_MAX || b == UINT32_MAX || a == b) continue;
            enterprises.edges.push_back({std::min(a, b), std::max(a, b)});
        }
    }
    result.communities = options.communities;
    const auto step = [&](std::string label) {
        if (options.progress != nullptr) options.progress->begin_step(std::move(label));
    };
    const auto done = [&] {
        if (options.progress != nullptr) options.progress->advance();
    };
    step(options.communities ? "clusters: supply network (communities: Leiden)"
                             : "clusters: supply network");
    std::vector<std::size_t> community_of;
    result.network = analyse(std::move(enterprises), options, false, &community_of);
    done();
    step("clusters: segment graph");

    // The segment network: the chain's segments (or all), and the segments cross links tie them to.
    {
        std::vector<std::uint32_t> local(data.segments.size(), 0);
        for (const auto& e : data.enterprises) {
            if (!is_local(e)) continue;
            for (const Index s : data.segments_of(e)) ++local[s];
        }
        std::vector<char> member(data.segments.size(), 0);
        for (Index s = 0; s < data.segments.size(); ++s)
            member[s] = in_scope_chain(data.segments[s].chain);
        std::vector<std::pair<Index, Index>> links;
        for (Index k = 0; k < data.chains.size(); ++k) {
            if (!in_scope_chain(k)) continue;
            for (const auto& link : data.chains[k].links) links.push_back({link.from, link.to});
        }
        for (const auto& link : data.cross_links) {
            if (!member[link.from] && !member[link.to]) continue;
            links.push_back({link.from, link.to});
        }
        for (const auto& [from, to] : links) member[from] = member[to] = 1;
        Network segments;
        std::vector<Index> order;
        for (Index s = 0; s < data.segments.size(); ++s) {
            if (member[s]) order.push_back(s);
        }
        std::sort(order.begin(), order.end(),
                  [&](Index a, Index b) { return data.segments[a].id < data.segments[b].id; });
        std::vector<std::uint32_t> at(data.segments.size(), UINT32_MAX);
        for (const Index s : order) {
            at[s] = static_cast<std::uint32_t>(segments.ids.size());
            segments.ids.push_back(data.segments[s].id);
        }
        for (const auto& [from, to] : links) {
            const std::uint32_t a = at[from];
            const std::uint32_t b = at[to];
            if (a == b) continue;
            segments.edges.push_back({std::min(a, b), std::max(a, b)});
            segments.weights.push_back(static_cast<double>(local[from]) + local[to]);
        }
        result.segment_level = analyse(std::move(segments), options, true);
    }
    done();
    step("clusters: places");

    // Places.
    std::size_t place_count = 0;
    std::vector<std::size_t> place_of(data.enterprises.size(), static_cast<std::size_t>(-1));
    constexpr std::size_t kNowhere = static_cast<std::size_t>(-1);
    for (Index i = 0; i < data.enterprises.size(); ++i) {
        const auto& e = data.enterprises[i];
        if (!is_local(e)) continue;
        switch (options.by) {
            case ClusterBy::county:
                place_of[i] = e.county;
                break;
            case ClusterBy::park:
                place_of[i] = e.park == kNoIndex ? kNowhere : e.park;
                break;
            case ClusterBy::community:
                place_of[i] = vertex_of[i] == UINT32_MAX ? kNowhere : community_of[vertex_of[i]];
                break;
        }
    }
    switch (options.by) {
        case ClusterBy::county:
            place_count = data.counties.size();
            break;
        case ClusterBy::park:
            place_count = data.parks.size();
            break;
        case ClusterBy::community:
            place_count = result.network.communities.size();
            break;
    }

    const std::size_t chain_count = data.chains.size();
    bool any_output = false;
    std::vector<std::size_t> place_count_total(place_count, 0);
    std::vector<double> place_output_total(place_count, 0.0);
    std::vector<std::size_t> chain_count_total(chain_count, 0);
    std::vector<double> chain_output_total(chain_count, 0.0);
    std::size_t region_count = 0;
    double region_output = 0.0;
    std::vector<Cell> cells(place_count * chain_count);
    std::vector<std::pair<std::size_t, Index>> held;  // (place * chains + chain, segment)
    for (Index i = 0; i < data.enterprises.size(); ++i) {
        const auto& e = data.enterprises[i];
        if (!is_local(e)) continue;
        ++region_count;
        region_output += e.output;
        if (in_scope[i] && e.output > 0) any_output = true;
        const std::size_t p = place_of[i];
        if (p != kNowhere) {
            ++place_count_total[p];
            place_output_total[p] += e.output;
        }
        for (const Index k : chains_of[i]) {
            ++chain_count_total[k];
            chain_output_total[k] += e.output;
            if (p == kNowhere || !in_scope_chain(k)) continue;
            ++cells[p * chain_count + k].enterprises;
            cells[p * chain_count + k].output += e.output;
        }
        if (p == kNowhere) continue;
        for (const Index s : data.segments_of(e)) {
            const Index k = data.segments[s].chain;
            if (in_scope_chain(k)) held.push_back({p * chain_count + k, s});
        }
    }
    std::sort(held.begin(), held.end());
    held.erase(std::unique(held.begin(), held.end()), held.end());
    std::vector<std::size_t> segments_held(cells.size(), 0);
    for (const auto& h : held) ++segments_held[h.first];

    for (Index k = 0; k < chain_count; ++k) {
        if (!in_scope_chain(k)) continue;
        for (const Index leader : data.chains[k].leaders) {
            const std::size_t p = place_of[leader];
            if (p != kNowhere)
                cells[p * chain_count + k].leaders.push_back(str(data.enterprises[leader].id));
        }
    }

    // Supply links touching a place's chain enterprises: internal when both ends are in the place.
    // Two million supplies at registry scale, each end a random access: what an end needs is packed
    // in 8 bytes (its place, and its cell when it is in one in-scope chain only, the usual case),
    // and the counters are kept apart from the cells.
    constexpr std::uint32_t kNoCell = UINT32_MAX, kSeveralCells = UINT32_MAX - 1;
    struct End {
        std::uint32_t place = kNoCell;  ///< kNoCell: not local, or in no place
        std::uint32_t cell = kNoCell;   ///< place * chains + chain; kNoCell: none in scope
    };
    const bool packed = cells.size() < kSeveralCells;  // else every end takes the long way
    std::vector<End> ends(data.enterprises.size());
    for (Index i = 0; i < data.enterprises.size(); ++i) {
        if (place_of[i] == kNowhere) continue;
        End& end = ends[i];
        end.place = packed ? static_cast<std::uint32_t>(place_of[i]) : kNoCell;
        for (const Index k : chains_of[i]) {
            if (!in_scope_chain(k)) continue;
            const auto cell = static_cast<std::uint32_t>(place_of[i] * chain_count + k);
            end.cell = end.cell == kNoCell && packed ? cell : kSeveralCells;
        }
    }
    std::vector<std::uint32_t> internal_links(cells.size(), 0), external_links(cells.size(), 0);
    const auto count = [&](std::size_t cell, bool internal) {
        ++(internal ? internal_links[cell] : external_links[cell]);
    };
    std::vector<std::size_t> keys;
    for (const auto& supply : data.supplies) {
        const End a = ends[supply.from];
        const End b = ends[supply.to];
        if (a.cell != kSeveralCells && b.cell != kSeveralCells) {
            const bool same_place = a.place != kNoCell && a.place == b.place;
            if (a.cell != kNoCell) count(a.cell, same_place);
            if (b.cell != kNoCell && b.cell != a.cell) count(b.cell, same_place);
            continue;
        }
        keys.clear();
        for (const Index x : {supply.from, supply.to}) {
            if (place_of[x] == kNowhere) continue;  // not local, or in no place
            for (const Index k : chains_of[x]) {
                if (in_scope_chain(k)) keys.push_back(place_of[x] * chain_count + k);
            }
        }
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const std::size_t key : keys) {
            const std::size_t p = key / chain_count;
            count(key, place_of[supply.from] == p && place_of[supply.to] == p);
        }
    }

    const bool by_output = any_output;
    result.basis = by_output ? "output" : "count";
    for (Index k = 0; k < chain_count; ++k) {
        if (!in_scope_chain(k)) continue;
        std::vector<ClusterPlace> rows;
        for (std::size_t p = 0; p < place_count; ++p) {
            auto& cell = cells[p * chain_count + k];
            if (cell.enterprises == 0) continue;
            ClusterPlace row;
            switch (options.by) {
                case ClusterBy::county:
                    row.place = str(data.counties[p].id);
                    row.name = str(data.counties[p].name);
                    row.name_en = str(data.counties[p].name_en);
                    break;
                case ClusterBy::park:
                    row.place = str(data.parks[p].id);
                    row.name = str(data.parks[p].name);
                    row.name_en = str(data.parks[p].name_en);
                    break;
                case ClusterBy::community:
                    row.place = result.network.communities[p].id;
                    row.name = row.name_en = row.place;
                    break;
            }
            row.chain = str(data.chains[k].id);
            row.enterprises = cell.enterprises;
            row.output = cell.output;
            row.enterprise_share =
                chain_count_total[k] > 0
                    ? static_cast<double>(cell.enterprises) / chain_count_total[k]
                    : 0.0;
            row.output_share =
                chain_output_total[k] > 0 ? cell.output / chain_output_total[k] : 0.0;
            const double own =
                by_output ? place_output_total[p] : static_cast<double>(place_count_total[p]);
            const double x = by_output ? cell.output : static_cast<double>(cell.enterprises);
            const double chain_total =
                by_output ? chain_output_total[k] : static_cast<double>(chain_count_total[k]);
            const double region = by_output ? region_output : static_cast<double>(region_count);
            row.lq =
                own > 0 && chain_total > 0 && region > 0 ? (x / own) / (chain_total / region) : 0.0;
            std::sort(cell.leaders.begin(), cell.leaders.end());
            row.leaders = std::move(cell.leaders);
            row.segments = segments_held[p * chain_count + k];
            row.chain_segments = data.chains[k].segments.size();
            row.internal_links = internal_links[p * chain_count + k];
            row.external_links = external_links[p * chain_count + k];
            rows.push_back(std::move(row));
        }
        std::sort(rows.begin(), rows.end(), [](const ClusterPlace& a, const ClusterPlace& b) {
            if (a.enterprises != b.enterprises) return a.enterprises > b.enterprises;
            return a.place < b.place;
        });
        for (auto& row : rows) result.places.push_back(std::move(row));
    }
    done();
    return result;
}

}  // namespace chainatlas::analysis
