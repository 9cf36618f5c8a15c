#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chainatlas/model/dataset.hpp"
#include "chainatlas/util/progress.hpp"

/// The whole region graph written for other tools: GraphML (NetworkX, igraph, yEd), GEXF
/// (Gephi), Neo4j bulk-import CSV files and NetworkX node-link JSON. Every format holds the same
/// nodes, edges and attributes (docs/EXPORT.md). The writers stream from the dataset: nothing is
/// built in memory but one record's attributes at a time.
///
/// The namespace is `export_` because `export` is a C++ keyword (like `ProjectStatus::signed_`).
namespace chainatlas::export_ {

enum class ExportFormat : std::uint8_t { graphml, gexf, neo4j, json };

/// `graphml`, `gexf`, `neo4j`, `json`.
std::string_view to_string(ExportFormat format);
std::optional<ExportFormat> parse_export_format(std::string_view text);

/// How many nodes and edges of each kind an export holds. Nodes in the order county, park,
/// chain, segment, enterprise, project; edges in the order they are written (part_of, link,
/// cross_link, in_county, leads, member, in_park, supply, targets, by_enterprise). Every kind is
/// listed, with 0 when there are none.
struct ExportCounts {
    std::vector<std::pair<std::string, std::uint64_t>> nodes;
    std::vector<std::pair<std::string, std::uint64_t>> edges;

    [[nodiscard]] std::uint64_t node_total() const;
    [[nodiscard]] std::uint64_t edge_total() const;
    bool operator==(const ExportCounts&) const = default;
};

/// The counts an export of `data` will have, computed from the section sizes without walking
/// the records' attributes (the total of a progress bar).
ExportCounts count_region(const model::Dataset& data);

/// What `export_region` wrote.
struct ExportResult {
    ExportFormat format = ExportFormat::graphml;
    std::filesystem::path path;
    ExportCounts counts;
    std::vector<std::string> files;  ///< for neo4j, the files in the folder, sorted; else empty
};

/// GraphML 1.0: one directed graph, nodes `kind:id`, typed `<key>`s, lists joined with `;`.
/// `progress` (may be null) advances by one per node and edge.
ExportCounts write_graphml(std::ostream& out, const model::Dataset& data,
                           util::Progress* progress = nullptr);

/// GEXF 1.2draft: static directed graph, node labels are names, typed attributes, supply
/// weights as edge weights.
ExportCounts write_gexf(std::ostream& out, const model::Dataset& data,
                        util::Progress* progress = nullptr);

/// NetworkX node-link JSON: `{"directed": true, "multigraph": true, "graph": {...}, "nodes":
/// [...], "links": [...]}`, one node or link per line; lists are JSON arrays.
ExportCounts write_node_link_json(std::ostream& out, const model::Dataset& data,
                                  util::Progress* progress = nullptr);

/// The files of a Neo4j bulk import written into the existing folder `folder`:
/// `nodes_<Label>.csv`, `rels_<TYPE>[_<Label>].csv`, `import.sh` and `queries.cypher`. Each
/// file is written atomically. Returns the counts and the file names, sorted.
std::pair<ExportCounts, std::vector<std::string>> write_neo4j_files(
    const std::filesystem::path& folder, const model::Dataset& data,
    util::Progress* progress = nullptr);

/// Writes `data` in `format` to `path` so that it is never seen half-written: a file through a
/// temporary file and a rename; the Neo4j folder is filled as a temporary folder beside `path`
/// and renamed into place. An existing Neo4j export at `path` is replaced; any other existing
/// folder is left alone (throws Error). Throws Error naming `path` when it cannot be written.
ExportResult export_region(const model::Dataset& data, ExportFormat format,
                           const std::filesystem::path& path, util::Progress* progress = nullptr);

}  // namespace chainatlas::export_
