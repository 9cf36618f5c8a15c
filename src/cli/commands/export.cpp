#include <filesystem>
#include <iostream>

#include "../context.hpp"
#include "chainatlas/error.hpp"
#include "chainatlas/export/region_export.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "chainatlas/report/table.hpp"
#include "chainatlas/util/progress.hpp"

namespace chainatlas::cli {
namespace {

namespace fs = std::filesystem;

/// Refuses an export over the files the dataset is read from (the JSON file, or a folder's
/// dataset.json and CSV files, present or not), compared once `.`, `..` and symbolic links are
/// resolved. The Neo4j export never replaces the dataset folder itself: it holds other files.
// TODO(export): call cli::refuse_overwriting_input (src/cli/output_guard.hpp) once it is committed.
void refuse_input(const fs::path& output, const std::string& data_path) {
    if (data_path.empty()) return;
    const fs::path data(data_path);
    std::error_code ec;
    std::vector<fs::path> inputs{data};
    if (fs::is_directory(data, ec)) {
        for (const auto* name :
             {"dataset.json", "enterprises.csv", "supplies.csv", "projects.csv"}) {
            inputs.push_back(data / name);
        }
    }
    const auto resolved = [](const fs::path& path) {
        std::error_code error;
        const auto canonical = fs::weakly_canonical(fs::absolute(path, error), error);
        return error ? path.lexically_normal() : canonical;
    };
    const fs::path target = resolved(output.has_filename() ? output : output.parent_path());
    for (const auto& input : inputs) {
        std::error_code ignored;
        if (resolved(input) == target ||
            (fs::exists(target, ignored) && fs::equivalent(target, input, ignored))) {
            throw Error("refusing to overwrite the input dataset '" + input.string() +
                        "' (choose another path with -o)");
        }
    }
}

void print_summary(std::ostream& out, const std::string& path, const export_::ExportResult& result,
                   bool english) {
    const auto nodes = std::to_string(result.counts.node_total());
    const auto edges = std::to_string(result.counts.edge_total());
    const auto format = std::string(export_::to_string(result.format));
    if (english) {
        out << "exported " << format << " to " << path << ": " << nodes << " nodes, " << edges
            << " edges";
        if (!result.files.empty()) out << " in " << result.files.size() << " files";
    } else {
        out << "已导出 " << format << " 到 " << path << ":" << nodes << " 个节点," << edges
            << " 条边";
        if (!result.files.empty()) out << ",共 " << result.files.size() << " 个文件";
    }
    out << '\n';
    report::Table table(
        english ? std::vector<std::string>{"element", "kind", "count"}
                : std::vector<std::string>{"元素", "类型", "数量"},
        {report::Table::Align::left, report::Table::Align::left, report::Table::Align::right});
    for (const auto& [kind, count] : result.counts.nodes)
        table.add_row({english ? "node" : "节点", kind, std::to_string(count)});
    for (const auto& [kind, count] : result.counts.edges)
        table.add_row({english ? "edge" : "边", kind, std::to_string(count)});
    table.print(out);
}

report::Json summary_json(const std::string& path, const export_::ExportResult& result) {
    report::Json body;
    body["format"] = export_::to_string(result.format);
    body["path"] = path;
    body["node_count"] = result.counts.node_total();
    body["edge_count"] = result.counts.edge_total();
    body["nodes"] = report::Json::object();
    for (const auto& [kind, count] : result.counts.nodes) body["nodes"][kind] = count;
    body["edges"] = report::Json::object();
    for (const auto& [kind, count] : result.counts.edges) body["edges"][kind] = count;
    if (result.format == export_::ExportFormat::neo4j) body["files"] = result.files;
    return body;
}

}  // namespace

void add_export_command(CLI::App& app, Context& context) {
    struct Args {
        std::string format;
        std::string output;
        bool json = false;
    };
    auto args = std::make_shared<Args>();
    auto* command = app.add_subcommand(
        "export",
        "the whole region graph for other tools: GraphML (NetworkX, igraph, yEd), GEXF (Gephi), "
        "Neo4j bulk-import CSV files, or NetworkX node-link JSON (docs/EXPORT.md)");
    command->add_option("--format", args->format, "graphml, gexf, neo4j (a folder) or json")
        ->required()
        ->check(CLI::IsMember({"graphml", "gexf", "neo4j", "json"}));
    command->add_option("-o,--output", args->output, "the file to write (for neo4j: the folder)")
        ->required();
    command->add_flag("--json", args->json,
                      "print {format, path, node and edge counts by kind} as JSON");
    command->callback([args, &context] {
        const auto format = *export_::parse_export_format(args->format);
        refuse_input(args->output, context.data_path);
        const auto& data = context.data();
        const auto expected = export_::count_region(data);
        util::Progress progress("exporting " + args->format,
                                expected.node_total() + expected.edge_total());
        const auto result = export_::export_region(data, format, args->output, &progress);
        progress.finish();
        if (args->json) {
            report::write_json(std::cout, data, summary_json(args->output, result));
        } else {
            print_summary(std::cout, args->output, result, context.english());
        }
    });
}

}  // namespace chainatlas::cli
