#include <filesystem>
#include <iostream>

#include "chainatlas/analysis/clusters.hpp"
#include "chainatlas/error.hpp"
#include "chainatlas/io/write_file.hpp"
#include "chainatlas/render/diagram.hpp"
#include "chainatlas/render/dot_writer.hpp"
#include "chainatlas/render/graphviz_render.hpp"
#include "chainatlas/report/json_writer.hpp"
#include "../context.hpp"
#include "../output_guard.hpp"

namespace chainatlas::cli {

namespace {

namespace fs = std::filesystem;

/// In the gallery, PNG is written only for diagrams with at most this many boxes: larger ones
/// make multi-megabyte images that the SVG shows better.
constexpr std::size_t kGalleryPngMaxNodes = 60;

struct RenderArgs {
    std::string id;        ///< chain or county id
    std::string chain;     ///< for `cluster`
    std::string by = "county";
    std::string output;    ///< `-o`; empty for stdout
    std::string format;    ///< `--format`; empty to take it from the suffix of `-o`
    std::string font;
    bool json = false;
};

struct WrittenFile {
    std::string path;
    render::Format format;
};

render::Format chosen_format(const RenderArgs& args) {
    if (!args.format.empty()) return *render::parse_format(args.format);
    if (args.output.empty()) return render::Format::dot;
    if (const auto format = render::format_of_path(args.output)) return *format;
    throw Error("cannot tell the format from '" + args.output + "': use a .dot, .svg, .png or .pdf name or --format");
}

std::string chosen_font(const RenderArgs& args, render::Format format) {
    std::string warning;
    std::string font = render::choose_font(args.font, &warning);
    if (!warning.empty() && (format == render::Format::png || format == render::Format::pdf)) {
        std::cerr << "chainatlas: warning: " << warning << '\n';
    }
    return font;
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    io::write_file_atomically(path, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

report::Json diagram_json(const render::Diagram& diagram, const std::vector<WrittenFile>& files) {
    report::Json out;
    out["id"] = diagram.id;
    out["kind"] = diagram.kind;
    out["title"] = diagram.title;
    out["clusters"] = diagram.clusters.size();
    out["nodes"] = diagram.nodes.size();
    out["edges"] = diagram.edges.size();
    out["aggregated"] = diagram.aggregated;
    out["aggregation"] = diagram.aggregation.empty() ? report::Json(nullptr) : report::Json(diagram.aggregation);
    out["notes"] = diagram.notes;
    report::Json list = report::Json::array();
    for (const auto& file : files) list.push_back({{"path", file.path}, {"format", render::to_string(file.format)}});
    out["files"] = list;
    return out;
}

void print_written(std::ostream& out, const render::Diagram& diagram, const std::vector<WrittenFile>& files) {
    for (const auto& file : files) {
        out << "wrote " << file.path << " (" << render::to_string(file.format) << ": " << diagram.nodes.size()
            << " boxes, " << diagram.clusters.size() << " clusters, " << diagram.edges.size() << " arrows)\n";
    }
    if (diagram.aggregated) out << "aggregated (" << diagram.aggregation << "): " << diagram.notes.back() << '\n';
}

/// Draws one diagram to `-o` (or stdout) and reports what was written.
void emit(const render::Diagram& diagram, const RenderArgs& args, Context& context) {
    const render::Format format = chosen_format(args);
    if (!args.output.empty()) refuse_overwriting_input(args.output, context.data_path);
    const std::string dot = render::to_dot(diagram, {chosen_font(args, format)});
    const std::string bytes = render::render_dot(dot, format);
    if (args.output.empty()) {
        std::cout << bytes;
        return;
    }
    write_bytes(args.output, bytes);
    const std::vector<WrittenFile> files{{args.output, format}};
    if (args.json) {
        report::write_json(std::cout, context.data(), report::Json{{"diagrams", report::Json::array({diagram_json(diagram, files)})}});
    } else {
        print_written(std::cout, diagram, files);
    }
}

render::DiagramOptions diagram_options(Context& context) {
    render::DiagramOptions options;
    options.english = context.english();
    return options;
}

/// The gallery: each diagram as DOT and SVG, PNG for the small ones (or only `--format`).
void emit_gallery(const RenderArgs& args, Context& context) {
    const fs::path folder = args.output;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw Error("cannot create '" + folder.string() + "': " + ec.message());
    const bool one_format = !args.format.empty();
    const render::Format only = one_format ? *render::parse_format(args.format) : render::Format::png;
    const std::string font = chosen_font(args, only);
    report::Json diagrams = report::Json::array();
    for (const auto& item : render::build_gallery(context.graph(), diagram_options(context))) {
        const std::string dot = render::to_dot(item.diagram, {font});
        std::vector<render::Format> formats{render::Format::dot, render::Format::svg};
        if (item.diagram.nodes.size() <= kGalleryPngMaxNodes) formats.push_back(render::Format::png);
        if (one_format) formats = {only};
        std::vector<WrittenFile> files;
        for (const auto format : formats) {
            const fs::path path = folder / (item.stem + "." + std::string(render::to_string(format)));
            refuse_overwriting_input(path, context.data_path, "folder");
            write_bytes(path, render::render_dot(dot, format));
            files.push_back({path.string(), format});
        }
        if (args.json) {
            diagrams.push_back(diagram_json(item.diagram, files));
        } else {
            print_written(std::cout, item.diagram, files);
        }
    }
    if (args.json) report::write_json(std::cout, context.data(), report::Json{{"diagrams", diagrams}});
}

void add_output_options(CLI::App* command, RenderArgs& args) {
    command->add_option("-o,--output", args.output, "file to write (the suffix gives the format); stdout when absent");
    command->add_option("--format", args.format, "dot, svg, png or pdf (default: from the -o suffix, else dot)")
        ->check(CLI::IsMember({"dot", "svg", "png", "pdf"}));
    command->add_option("--font", args.font,
                        "font for labels (default: $CHAINATLAS_FONT, else \"Noto Sans CJK SC\" or another installed "
                        "Chinese font)");
    auto* json = command->add_flag("--json", args.json, "print what was written as JSON");
    json->needs(command->get_option("--output"));
}

/// One label per enterprise of the dataset: the number of its community in the chain's supply
/// network ("1" is the largest), empty for enterprises in none (no known supply).
std::vector<std::string> community_labels(Context& context, const std::string& chain) {
    analysis::ClusterOptions options;
    options.chain = chain;
    options.by = analysis::ClusterBy::community;
    options.communities = true;
    const auto clusters = analysis::find_clusters(context.graph(), options);
    const auto& data = context.data();
    std::vector<std::string> labels(data.enterprises.size());
    for (std::size_t c = 0; c < clusters.network.communities.size(); ++c) {
        for (const auto& member : clusters.network.communities[c].members) {
            const model::Index e = data.find(model::Section::enterprise, member);
            if (e != model::kNoIndex) labels[e] = std::to_string(c + 1);
        }
    }
    return labels;
}

}  // namespace

void add_render_command(CLI::App& app, Context& context) {
    auto args = std::make_shared<RenderArgs>();
    auto* render_command = app.add_subcommand("render", "diagrams drawn with Graphviz: chain maps, cluster diagrams, "
                                                        "county maps, the region overview, the gallery");
    render_command->require_subcommand(1);

    auto* chain = render_command->add_subcommand("chain", "the chain map (产业链图谱) of one chain");
    chain->add_option("id", args->id, "chain id, e.g. bearing")->required();
    add_output_options(chain, *args);
    chain->callback([args, &context] {
        emit(render::build_chain_map(context.graph(), args->id, diagram_options(context)), *args, context);
    });

    auto* cluster = render_command->add_subcommand("cluster", "the cluster diagram of one chain: enterprises grouped "
                                                              "by county or park, with supplies");
    cluster->add_option("--chain", args->chain, "chain id, e.g. bearing")->required();
    cluster->add_option("--by", args->by,
                        "group enterprises by county, park or community (Leiden communities of the "
                        "chain's supply network, as `clusters --by community` finds them; default county)")
        ->check(CLI::IsMember({"county", "park", "community"}));
    add_output_options(cluster, *args);
    cluster->callback([args, &context] {
        if (args->by == "community") {
            emit(render::build_cluster_diagram(context.graph(), args->chain, render::ClusterBy::community,
                                               diagram_options(context), community_labels(context, args->chain)),
                 *args, context);
            return;
        }
        const auto by = args->by == "park" ? render::ClusterBy::park : render::ClusterBy::county;
        emit(render::build_cluster_diagram(context.graph(), args->chain, by, diagram_options(context)), *args, context);
    });

    auto* county = render_command->add_subcommand("county", "one county's chains and enterprises");
    county->add_option("id", args->id, "county id, e.g. linqing")->required();
    add_output_options(county, *args);
    county->callback([args, &context] {
        emit(render::build_county_map(context.graph(), args->id, diagram_options(context)), *args, context);
    });

    auto* region = render_command->add_subcommand("region", "the chains of the region and their cross links on one page");
    add_output_options(region, *args);
    region->callback([args, &context] {
        emit(render::build_region_overview(context.graph(), diagram_options(context)), *args, context);
    });

    auto* gallery = render_command->add_subcommand("gallery", "every chain map, every chain's cluster diagram by "
                                                              "county and the region overview into a folder");
    add_output_options(gallery, *args);
    gallery->get_option("--output")->required()->description("folder to write into, e.g. graphs");
    gallery->callback([args, &context] { emit_gallery(*args, context); });
}

}  // namespace chainatlas::cli
