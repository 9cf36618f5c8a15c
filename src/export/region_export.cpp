#include "chainatlas/export/region_export.hpp"

#include <unistd.h>

#include "chainatlas/error.hpp"
#include "chainatlas/io/write_file.hpp"

namespace chainatlas::export_ {

namespace {

namespace fs = std::filesystem;

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// Whether `folder` holds nothing but files a Neo4j export writes (or nothing at all): only
/// such a folder is replaced, so a mistyped `-o` never deletes someone's work.
bool holds_only_neo4j_export(const fs::path& folder) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename().string();
        const bool ours = name == "import.sh" || name == "queries.cypher" ||
                          ((starts_with(name, "nodes_") || starts_with(name, "rels_")) &&
                           ends_with(name, ".csv"));
        if (!ours || !entry.is_regular_file()) return false;
    }
    return !ec;
}

std::string message(const fs::path& path, const std::string& what) {
    return "cannot write '" + path.string() + "': " + what;
}

/// Fills a temporary folder beside `target`, then puts it in `target`'s place. An existing
/// export there is moved aside first and removed last, so `target` is at every moment either
/// the old export or the new one (absent only between two renames).
ExportResult export_neo4j(const model::Dataset& data, const fs::path& target,
                          util::Progress* progress) {
    std::error_code ec;
    const bool exists = fs::exists(target, ec);
    if (exists && !fs::is_directory(target, ec)) {
        throw Error(message(
            target,
            "it is a file; the neo4j export writes a folder (choose another path with -o)"));
    }
    if (exists && !holds_only_neo4j_export(target)) {
        throw Error(
            message(target,
                    "the folder holds files that are not a chainatlas neo4j export; refusing to "
                    "replace it (choose a new or empty folder with -o)"));
    }
    const std::string pid = std::to_string(::getpid());
    const fs::path temporary = target.string() + ".tmp-" + pid;
    if (!fs::create_directory(temporary, ec) || ec) {
        throw Error(message(target, "cannot create the folder '" + temporary.string() +
                                        "': " + (ec ? ec.message() : std::string("it exists"))));
    }
    ExportResult result{ExportFormat::neo4j, target, {}, {}};
    try {
        auto [counts, files] = write_neo4j_files(temporary, data, progress);
        result.counts = std::move(counts);
        result.files = std::move(files);
    } catch (const std::exception&) {
        fs::remove_all(temporary, ec);
        throw;
    }
    const fs::path old = target.string() + ".old-" + pid;
    if (exists) fs::rename(target, old, ec);
    if (!ec) fs::rename(temporary, target, ec);
    if (ec) {
        const std::string what = ec.message();
        std::error_code ignored;
        if (exists && !fs::exists(target, ignored)) fs::rename(old, target, ignored);
        fs::remove_all(temporary, ignored);
        throw Error(message(target, what));
    }
    if (exists) fs::remove_all(old, ec);
    return result;
}

}  // namespace

std::string_view to_string(ExportFormat format) {
    switch (format) {
        case ExportFormat::graphml:
            return "graphml";
        case ExportFormat::gexf:
            return "gexf";
        case ExportFormat::neo4j:
            return "neo4j";
        case ExportFormat::json:
            return "json";
    }
    return "graphml";
}

std::optional<ExportFormat> parse_export_format(std::string_view text) {
    for (const auto format :
         {ExportFormat::graphml, ExportFormat::gexf, ExportFormat::neo4j, ExportFormat::json}) {
        if (to_string(format) == text) return format;
    }
    return std::nullopt;
}

ExportResult export_region(const model::Dataset& data, ExportFormat format, const fs::path& path,
                           util::Progress* progress) {
    // `out/` names the folder `out`: the temporary file or folder goes beside it, not inside.
    const fs::path target = path.has_filename() ? path : path.parent_path();
    if (format == ExportFormat::neo4j) return export_neo4j(data, target, progress);
    ExportResult result{format, target, {}, {}};
    io::write_file_atomically(target, [&](std::ostream& out) {
        switch (format) {
            case ExportFormat::graphml:
                result.counts = write_graphml(out, data, progress);
                break;
            case ExportFormat::gexf:
                result.counts = write_gexf(out, data, progress);
                break;
            case ExportFormat::json:
                result.counts = write_node_link_json(out, data, progress);
                break;
            case ExportFormat::neo4j:
                break;
        }
    });
    return result;
}

}  // namespace chainatlas::export_
