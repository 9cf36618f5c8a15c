#include <algorithm>

#include "chainatlas/error.hpp"
#include "chainatlas/io/write_file.hpp"
#include "chainatlas/report/csv_writer.hpp"
#include "region_walk_impl.hpp"

namespace chainatlas::export_ {

namespace {

namespace fs = std::filesystem;
using namespace detail;

/// Files read by neo4j-admin, not by a spreadsheet: no formula neutralisation (a `'` would
/// become part of the names), "\n" line ends.
constexpr report::CsvOptions kNeo4jCsv{
    .neutralise_formulas = false, .byte_order_mark = false, .line_end = "\n"};

std::string_view type_suffix(AttrType type) {
    switch (type) {
        case AttrType::number:
            return ":double";
        case AttrType::integer:
            return ":int";
        case AttrType::boolean:
            return ":boolean";
        case AttrType::list:
            return ":string[]";
        case AttrType::string:
            return "";
    }
    return "";
}

std::string node_file(NodeKind kind) { return "nodes_" + std::string(label_name(kind)) + ".csv"; }

/// One CSV file at a time: the visitor is handed the nodes of one kind or the edges of one group.
class Neo4jVisitor : public RegionVisitor {
public:
    explicit Neo4jVisitor(report::CsvWriter& csv) : csv_(csv) {}

    void node(NodeKind kind, std::string_view id, std::span<const Value> values) override {
        csv_.cell(id);
        const auto attrs = node_attributes(kind);
        for (std::size_t i = 0; i < attrs.size(); ++i)
            write_cell(attribute(attrs[i]).type, values[i]);
        csv_.end_row();
    }

    void edge(const EdgeGroup& group, std::string_view from, std::string_view to,
              std::span<const Value> values) override {
        csv_.cell(from).cell(to);
        for (std::size_t i = 0; i < group.attributes.size(); ++i)
            write_cell(attribute(group.attributes[i]).type, values[i]);
        csv_.end_row();
    }

private:
    void write_cell(AttrType type, const Value& value) {
        if (!value.present) {
            csv_.empty();
            return;
        }
        switch (type) {
            case AttrType::string:
                csv_.cell(value.text);
                break;
            case AttrType::number:
                csv_.number(value.number);
                break;
            case AttrType::integer:
                csv_.integer(value.integer);
                break;
            case AttrType::boolean:
                csv_.cell(value.flag ? "true" : "false");
                break;
            case AttrType::list:
                csv_.cell(join_list(value.list, scratch_));
                break;
        }
    }

    report::CsvWriter& csv_;
    std::string scratch_;
};

void write_node_header(report::CsvWriter& csv, NodeKind kind) {
    csv.cell("id:ID(" + std::string(label_name(kind)) + ")");
    for (const auto attr : node_attributes(kind)) {
        csv.cell(std::string(attribute(attr).name) +
                 std::string(type_suffix(attribute(attr).type)));
    }
    csv.end_row();
}

void write_edge_header(report::CsvWriter& csv, const EdgeGroup& group) {
    csv.cell(":START_ID(" + std::string(label_name(group.from)) + ")");
    csv.cell(":END_ID(" + std::string(label_name(group.to)) + ")");
    for (const auto attr : group.attributes) {
        csv.cell(std::string(attribute(attr).name) +
                 std::string(type_suffix(attribute(attr).type)));
    }
    csv.end_row();
}

/// import.sh: the neo4j-admin command for exactly these files.
void write_import_script(std::ostream& out) {
    out << "#!/bin/sh\n"
           "# Loads this folder, written by `chainatlas export --format neo4j`, into a new Neo4j "
           "5\n"
           "# database with the offline bulk importer (see docs/EXPORT.md in chainatlas).\n"
           "#   sh import.sh                 # into the database `neo4j` (stop it first)\n"
           "#   sh import.sh atlas           # into `atlas`; then in Cypher: CREATE DATABASE "
           "atlas\n"
           "#   sh import.sh neo4j --overwrite-destination=true   # replace an existing database\n"
           "# Set NEO4J_ADMIN to the neo4j-admin program when it is not on PATH.\n"
           "# Afterwards run the constraints at the top of queries.cypher, then its queries.\n"
           "set -eu\n"
           "cd \"$(dirname \"$0\")\"\n"
           "database=\"${1:-neo4j}\"\n"
           "[ $# -gt 0 ] && shift\n"
           "exec \"${NEO4J_ADMIN:-neo4j-admin}\" database import full \"$database\" \\\n"
           "  --id-type=string \\\n"
           "  --array-delimiter=';' \\\n"
           "  --multiline-fields=true \\\n";
    for (const auto kind : kNodeKinds) {
        out << "  --nodes=" << label_name(kind) << '=' << node_file(kind) << " \\\n";
    }
    for (const auto& group : edge_groups()) {
        out << "  --relationships=" << group.type << '=' << group.file << " \\\n";
    }
    out << "  \"$@\"\n";
}

/// queries.cypher: constraints, then the gap question and a few others, in Cypher.
constexpr std::string_view kQueries =
    R"(// Queries on a region imported from `chainatlas export --format neo4j` (Neo4j 5).
// Labels: County, Park, Chain, Segment, Enterprise, Project; each node has `id` (the dataset id).
// Relationships: (Segment)-[:PART_OF]->(Chain), (Segment)-[:LINK|CROSS_LINK]->(Segment) from
// input to output, (Enterprise)-[:MEMBER]->(Segment), (Enterprise)-[:SUPPLY]->(Enterprise)
// from seller to buyer, (Enterprise|Park|Project)-[:IN_COUNTY]->(County),
// (Enterprise|Project)-[:IN_PARK]->(Park), (Enterprise)-[:LEADS]->(Chain),
// (Project)-[:TARGETS]->(Segment), (Project)-[:BY_ENTERPRISE]->(Enterprise).
// In cypher-shell or Neo4j Browser, set the parameters first, e.g.
//   :param enterprise => 'some-enterprise-id'
//   :param segment => 'bearing.finished'

// Constraints (also the indexes the queries below use); run once after the import.
CREATE CONSTRAINT county_id IF NOT EXISTS FOR (n:County) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT park_id IF NOT EXISTS FOR (n:Park) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chain_id IF NOT EXISTS FOR (n:Chain) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (n:Segment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;

// 1. The gap question (缺链弱链): per chain, the segments that no local enterprise works in
//    (missing) or only one does (weak), with the signed or building projects that target them.
MATCH (c:Chain)<-[:PART_OF]-(s:Segment)
OPTIONAL MATCH (e:Enterprise)-[:MEMBER]->(s) WHERE e.external = false
WITH c, s, count(e) AS local
WHERE local <= 1
OPTIONAL MATCH (p:Project)-[:TARGETS]->(s) WHERE p.status IN ['signed', 'building']
RETURN c.id AS chain, s.id AS segment, s.name AS name, s.tier AS tier, local,
       CASE local WHEN 0 THEN 'missing' ELSE 'weak' END AS status,
       collect(p.id) AS projects_under_way
ORDER BY chain, local, segment;

// 2. Coverage of each chain: the share of its segments with at least one local enterprise.
MATCH (c:Chain)<-[:PART_OF]-(s:Segment)
OPTIONAL MATCH (e:Enterprise)-[:MEMBER]->(s) WHERE e.external = false
WITH c, s, count(e) AS local
RETURN c.id AS chain, c.name AS name, count(s) AS segments,
       sum(CASE WHEN local > 0 THEN 1 ELSE 0 END) AS held_locally,
       round(100.0 * sum(CASE WHEN local > 0 THEN 1 ELSE 0 END) / count(s), 1) AS coverage_percent
ORDER BY coverage_percent, chain;

// 3. Recruitment candidates (招商): external enterprises working in a segment no local
//    enterprise works in.
MATCH (x:Enterprise)-[:MEMBER]->(s:Segment)
WHERE x.external = true
  AND NOT EXISTS { MATCH (e:Enterprise)-[:MEMBER]->(s) WHERE e.external = false }
RETURN s.chain AS chain, s.id AS segment, s.name AS name,
       collect(x.name + coalesce(' (' + x.location + ')', '')) AS candidates
ORDER BY chain, segment;

// 4. The suppliers of an enterprise ($enterprise), heaviest supply first.
MATCH (supplier:Enterprise)-[r:SUPPLY]->(:Enterprise {id: $enterprise})
RETURN supplier.id AS id, supplier.name AS name, supplier.county AS county,
       supplier.external AS external, r.weight AS weight
ORDER BY weight DESC, id;

// 5. Who depends on an enterprise ($enterprise): its customers up to three supplies away.
MATCH path = (:Enterprise {id: $enterprise})-[:SUPPLY*1..3]->(customer:Enterprise)
RETURN customer.id AS id, customer.name AS name, customer.county AS county,
       min(length(path)) AS steps
ORDER BY steps, id;

// 6. What a segment ($segment) is made from: the segments upstream of it, nearest first.
MATCH path = (upstream:Segment)-[:LINK|CROSS_LINK*1..6]->(:Segment {id: $segment})
RETURN upstream.id AS id, upstream.name AS name, upstream.chain AS chain,
       min(length(path)) AS distance
ORDER BY distance, id;

// 7. Local enterprises and output by county and chain (the county comparison).
MATCH (e:Enterprise)-[:IN_COUNTY]->(k:County)
UNWIND coalesce(e.chains, []) AS chain
RETURN k.id AS county, k.name AS county_name, chain, count(e) AS enterprises,
       sum(coalesce(e.output, 0.0)) AS output
ORDER BY county, chain;
)";

}  // namespace

std::pair<ExportCounts, std::vector<std::string>> write_neo4j_files(const fs::path& folder,
                                                                    const model::Dataset& data,
                                                                    util::Progress* progress) {
    RegionWalker walker(data, progress);
    std::vector<std::string> files;
    for (const auto kind : kNodeKinds) {
        files.push_back(node_file(kind));
        io::write_file_atomically(folder / files.back(), [&](std::ostream& out) {
            report::CsvWriter csv(out, kNeo4jCsv);
            write_node_header(csv, kind);
            Neo4jVisitor visitor(csv);
            walker.walk_nodes(kind, visitor);
            csv.flush();
        });
    }
    for (const auto& group : edge_groups()) {
        files.emplace_back(group.file);
        io::write_file_atomically(folder / files.back(), [&](std::ostream& out) {
            report::CsvWriter csv(out, kNeo4jCsv);
            write_edge_header(csv, group);
            Neo4jVisitor visitor(csv);
            walker.walk_edges(group, visitor);
            csv.flush();
        });
    }
    files.emplace_back("import.sh");
    io::write_file_atomically(folder / files.back(), write_import_script);
    std::error_code ec;
    fs::permissions(folder / files.back(),
                    fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add, ec);
    if (ec)
        throw Error("cannot make '" + (folder / files.back()).string() +
                    "' executable: " + ec.message());
    files.emplace_back("queries.cypher");
    io::write_file_atomically(folder / files.back(), [](std::ostream& out) { out << kQueries; });
    std::sort(files.begin(), files.end());
    return {walker.counts(), files};
}

}  // namespace chainatlas::export_
