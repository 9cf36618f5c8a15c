#include "chainatlas/io/load_dataset.hpp"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>

#include "assembler_impl.hpp"
#include "chainatlas/io/csv_reader.hpp"
#include "chainatlas/io/encoding.hpp"
#include "chainatlas/util/progress.hpp"
#include "json_reader_impl.hpp"
#include "mapped_file_impl.hpp"

namespace chainatlas::io {

namespace {

namespace fs = std::filesystem;
using detail::DatasetAssembler;
using detail::FlatRecord;

/// The CSV files of the folder form and the columns each may have.
struct CsvKind {
    std::string_view file;
    std::string_view section;
    std::array<std::string_view, 10> columns;
    std::array<std::string_view, 4> required;
    void (DatasetAssembler::*read)(const FlatRecord&);
};

constexpr std::array<CsvKind, 3> kCsvKinds{{
    {"enterprises.csv", "enterprises",
     {"id", "name", "county", "park", "segments", "output", "employees", "tags", "external", "location"},
     {"id", "name"},
     &DatasetAssembler::read_enterprise},
    {"supplies.csv", "supplies", {"from", "to", "weight"}, {"from", "to"}, &DatasetAssembler::read_supply},
    {"projects.csv", "projects",
     {"id", "name", "county", "park", "enterprise", "segments", "investment", "status", "year"},
     {"id", "name", "county", "status"},
     &DatasetAssembler::read_project},
}};

/// Optional columns every CSV file may have besides its own.
constexpr std::array<std::string_view, 3> kCommonColumns{"name_en", "source", "note"};

std::string hex64(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

bool is_known_column(const CsvKind& kind, std::string_view column) {
    for (const auto known : kind.columns) {
        if (!known.empty() && known == column) return true;
    }
    for (const auto known : kCommonColumns) {
        if (known == column) return true;
    }
    return false;
}

std::string expected_columns(const CsvKind& kind) {
    std::string list;
    for (const auto column : kind.columns) {
        if (column.empty()) continue;
        if (!list.empty()) list += ",";
        list += column;
    }
    return list;
}

/// The separator a header row uses instead of ',' (';' as European Excel saves, or a tab): the
/// one that splits a cell into known column names. '\0' when there is none.
char other_separator(const CsvKind& kind, const std::vector<std::string_view>& cells) {
    for (const char separator : {';', '\t'}) {
        for (const auto cell : cells) {
            if (cell.find(separator) == std::string_view::npos) continue;
            std::size_t start = 0;
            while (start <= cell.size()) {
                std::size_t end = cell.find(separator, start);
                if (end == std::string_view::npos) end = cell.size();
                std::string_view name = cell.substr(start, end - start);
                while (!name.empty() && (name.front() == ' ' || name.front() == '"')) {
                    name.remove_prefix(1);
                }
                while (!name.empty() && (name.back() == ' ' || name.back() == '"')) {
                    name.remove_suffix(1);
                }
                if (is_known_column(kind, name)) return separator;
                start = end + 1;
            }
        }
    }
    return '\0';
}

std::string wrong_separator_message(const CsvKind& kind, char separator) {
    return std::string("the header row is separated by ") + (separator == '\t' ? "tabs" : "';'") +
           ", not ',' (save the file as comma-separated CSV; expected columns such as " +
           expected_columns(kind) + ")";
}

/// Reads the header row; returns false (after reporting) when the file cannot be read on.
bool read_header(const CsvKind& kind, const CsvRow& row, DatasetAssembler& out,
                 std::vector<std::string>& header) {
    header.clear();
    std::map<std::string, std::size_t, std::less<>> columns;
    bool ok = true;
    bool any_known = false;
    for (const auto field : row.fields) any_known = any_known || is_known_column(kind, field);
    if (!any_known) {
        const char separator = other_separator(kind, row.fields);
        out.file_error(
            std::to_string(row.line) + ":1",
            separator != '\0'
                ? wrong_separator_message(kind, separator)
                : "missing header row (expected the first row to name the columns, such as " +
                      expected_columns(kind) + ")");
        return false;
    }
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        std::string name(row.fields[i]);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
        while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(0, 1);
        const std::string place = std::to_string(row.line) + ":" + std::to_string(i + 1);
        if (!is_known_column(kind, name)) {
            out.file_warning(place, "unknown column '" + name + "' (ignored; expected columns " +
                                        expected_columns(kind) + ")");
            name.clear();  // an ignored column
        } else if (columns.count(name) != 0) {
            out.file_error(place, "duplicate column '" + name + "'");
            ok = false;
        } else {
            columns.emplace(name, i + 1);
        }
        header.push_back(name);
    }
    for (const auto required : kind.required) {
        if (!required.empty() && columns.count(required) == 0) {
            out.file_error(std::to_string(row.line) + ":1",
                           "missing column '" + std::string(required) + "' (the header must name it)");
            ok = false;
        }
    }
    out.set_csv_columns(std::move(columns));
    return ok;
}

/// Decodes the text of a CSV file: strips a UTF-8 BOM, converts GB18030 (what Excel on Chinese
/// Windows saves) with a warning. Returns false when the text is neither.
bool decode_csv(std::string_view raw, DatasetAssembler& out, std::string& converted,
                std::string_view& text) {
    text = raw;
    if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
    const auto problem = find_invalid_utf8(text);
    if (!problem) return true;
    if (auto gb = convert_to_utf8(text, "GB18030")) {
        converted = std::move(*gb);
        text = converted;
        out.file_warning("", "not UTF-8: read as GB18030 (the encoding of Excel on Chinese Windows) "
                             "and converted; save as \"CSV UTF-8\" to avoid this");
        return true;
    }
    out.file_error(std::to_string(problem->line) + ":" + std::to_string(problem->column),
                   "not valid UTF-8 or GB18030 text (expected a UTF-8 CSV file)");
    return false;
}

/// Reads ahead of the CSV reader: the id cell of the row `kAhead` lines further down, so its slot
/// in the id table can be fetched while the rows before it are read. Defining a million new ids
/// is otherwise one wait for memory each (the table is far bigger than the caches). A quoted
/// cell or a line break inside quotes only makes a hint wrong, never a result.
class IdLookahead {
public:
    static constexpr std::size_t kAhead = 16;

    IdLookahead(std::string_view text, std::size_t column) : text_(text), column_(column) {
        for (std::size_t i = 0; i < kAhead + 1 && pos_ < text_.size(); ++i) skip_line();
    }

    /// The id cell of the next line ahead (empty when unknown), moving one line on.
    std::string_view next() {
        if (pos_ >= text_.size()) return {};
        const std::size_t line_start = pos_;
        skip_line();
        std::string_view line = text_.substr(line_start, pos_ - line_start);
        for (std::size_t c = 0; c < column_; ++c) {
            const auto comma = line.find(',');
            if (comma == std::string_view::npos) return {};
            line.remove_prefix(comma + 1);
        }
        const auto end = line.find_first_of(",\r\n\"");
        return end == std::string_view::npos || line[end] == '"' ? std::string_view{}
                                                                 : line.substr(0, end);
    }

private:
    void skip_line() {
        const auto end = text_.find('\n', pos_);
        pos_ = end == std::string_view::npos ? text_.size() : end + 1;
    }

    std::string_view text_;
    std::size_t column_;
    std::size_t pos_ = 0;
};

void read_csv_file(const CsvKind& kind, std::string_view raw, DatasetAssembler& out) {
    std::string converted;
    std::string_view text;
    if (!decode_csv(raw, out, converted, text)) return;
    const auto rows = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (kind.section == "enterprises") out.expect(model::Section::enterprise, rows);
    if (kind.section == "projects") out.expect(model::Section::project, rows);
    if (kind.section == "supplies") out.expect_supplies(rows);
    std::vector<std::string> header;
    bool have_header = false;
    bool header_ok = true;
    FlatRecord record;
    record.from_csv = true;
    std::optional<IdLookahead> ahead;
    std::optional<util::Progress> progress;
    if (out.show_progress) progress.emplace(out.progress_label(), rows);
    const auto error = read_csv(text, [&](const CsvRow& row) {
        if (progress) progress->advance();
        if (!have_header) {
            have_header = true;
            header_ok = read_header(kind, row, out, header);
            const auto id_column = std::find(header.begin(), header.end(), "id");
            if (header_ok && kind.section == "enterprises" && id_column != header.end()) {
                ahead.emplace(text, static_cast<std::size_t>(id_column - header.begin()));
            }
            return header_ok;
        }
        if (ahead) {
            if (const auto id = ahead->next(); !id.empty()) out.prefetch_enterprise(id);
        }
        if (row.fields.size() != header.size()) {
            out.file_error(std::to_string(row.line) + ":1",
                           "found " + std::to_string(row.fields.size()) + " fields, expected " +
                               std::to_string(header.size()) + " (as many as the header has)");
            return true;
        }
        record.clear();
        record.line = row.line;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i].empty()) continue;
            auto& field = record.add_new(header[i]);
            field.kind = detail::ValueKind::text;
            field.text.assign(row.fields[i]);
            field.column = i + 1;
        }
        (out.*kind.read)(record);
        return true;
    });
    if (!error.message.empty()) {
        // A syntax error in the header row may come from quoted names separated by ';'
        // ("id";"name" reads as text after a closing quote): then the separator is what to fix.
        char separator = '\0';
        if (!have_header) {
            const auto start = std::min(text.find_first_not_of("\r\n"), text.size());
            separator = other_separator(
                kind, {text.substr(start, text.find_first_of("\r\n", start) - start)});
        }
        if (separator != '\0') {
            out.file_error(std::to_string(error.line) + ":1",
                           wrong_separator_message(kind, separator));
        } else {
            out.file_error(std::to_string(error.line) + ":" + std::to_string(error.column),
                           error.message);
        }
    } else if (!have_header && header_ok) {
        out.file_error("", "the file is empty (expected a header row: " + expected_columns(kind) + ")");
    }
}

std::string display(const fs::path& path) { return path.string(); }

LoadResult finish(DatasetAssembler& assembler, std::string name, std::uint64_t hash) {
    LoadResult result;
    result.dataset = assembler.finish(result.warnings);
    result.dataset.name = std::move(name);
    result.dataset.content_hash = "xxh3:" + hex64(hash);
    return result;
}

}  // namespace

namespace {

using HashState = std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)>;

/// Reads the first JSON file of a dataset with the fast tokenizer, and when it leaves the text to
/// nlohmann's parser (a syntax error, an unusual escape...), again from a fresh assembler with
/// that parser, so that messages are always nlohmann's. A later file (a fragment) is read by
/// nlohmann's parser only: the records of the files before it cannot be read again.
void read_json_text(std::string_view text, const std::string& name, DatasetAssembler& assembler) {
    const bool first = assembler.fresh();
    const auto begin = [&] {
        assembler.begin_file(name, false);
        if (text.size() >= (std::size_t{1} << 20)) assembler.expect_json_bytes(text.size());
    };
    begin();
    if (first) {
        if (detail::read_json_dataset_fast(text, assembler)) return;
        assembler.stop_warming();
        assembler = DatasetAssembler();
        begin();
    }
    detail::read_json_dataset(text, assembler);
}

/// Adds `bytes` to the content hash on the other core while `read` reads them (hashing the
/// 100-200 MB of a registry was a few percent of loading it); a small file is hashed in place.
/// The files are hashed one after the other, in order, so the hash does not change.
template <typename Read>
void hash_while_reading(XXH3_state_t* state, std::string_view bytes, Read&& read) {
    constexpr std::size_t kWorthAThread = std::size_t{4} << 20;
    if (bytes.size() < kWorthAThread) {
        XXH3_64bits_update(state, bytes.data(), bytes.size());
        read();
        return;
    }
    std::jthread hasher;
    try {
        hasher =
            std::jthread([state, bytes] { XXH3_64bits_update(state, bytes.data(), bytes.size()); });
    } catch (const std::system_error&) {
        XXH3_64bits_update(state, bytes.data(), bytes.size());  // no thread to be had
    }
    read();
}

void read_json_file(const fs::path& path, DatasetAssembler& assembler, XXH3_state_t* state) {
    const detail::MappedFile file(path, display(path));
    hash_while_reading(state, file.bytes(),
                       [&] { read_json_text(file.bytes(), display(path), assembler); });
}

/// Reads the dataset at `path` (a JSON file or a folder) into `assembler`.
void read_dataset(const fs::path& path, DatasetAssembler& assembler, XXH3_state_t* state) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        throw Error("cannot read '" + display(path) + "': no such file or folder");
    }
    if (!fs::is_directory(status)) {
        read_json_file(path, assembler, state);
        return;
    }
    const fs::path json_path = path / "dataset.json";
    if (!fs::exists(json_path)) {
        throw Error("'" + display(path) + "' is a folder without dataset.json (expected the "
                    "folder form: dataset.json plus optional enterprises.csv, supplies.csv, projects.csv)");
    }
    read_json_file(json_path, assembler, state);
    for (const auto& kind : kCsvKinds) {
        const fs::path csv_path = path / std::string(kind.file);
        if (!fs::exists(csv_path)) continue;
        const detail::MappedFile file(csv_path, display(csv_path));
        hash_while_reading(state, file.bytes(), [&] {
            assembler.begin_file(display(csv_path), true);
            read_csv_file(kind, file.bytes(), assembler);
        });
    }
}

HashState new_hash_state() {
    HashState state(XXH3_createState(), &XXH3_freeState);
    XXH3_64bits_reset(state.get());
    return state;
}

}  // namespace

LoadResult load_dataset(const fs::path& path) { return load_dataset(path, false); }

LoadResult load_dataset(const fs::path& path, bool show_progress) {
    DatasetAssembler assembler;
    assembler.show_progress = show_progress;
    const auto state = new_hash_state();
    read_dataset(path, assembler, state.get());
    return finish(assembler, display(path), XXH3_64bits_digest(state.get()));
}

LoadResult load_dataset_with_fragments(const fs::path& path, const std::vector<fs::path>& fragments) {
    DatasetAssembler assembler;
    const auto state = new_hash_state();
    std::string name = path.empty() ? "built-in:liaocheng" : display(path);
    if (path.empty()) {
        const auto text = builtin_dataset_json();
        XXH3_64bits_update(state.get(), text.data(), text.size());
        read_json_text(text, name, assembler);
    } else {
        read_dataset(path, assembler, state.get());
    }
    for (const auto& fragment : fragments) {
        assembler.begin_fragment();
        read_json_file(fragment, assembler, state.get());
        name += " + " + display(fragment);
    }
    return finish(assembler, name, XXH3_64bits_digest(state.get()));
}

LoadResult load_dataset_from_json(std::string_view json_text, const std::string& name) {
    DatasetAssembler assembler;
    read_json_text(json_text, name, assembler);
    return finish(assembler, name, XXH3_64bits(json_text.data(), json_text.size()));
}

LoadResult load_builtin_dataset() {
    return load_dataset_from_json(builtin_dataset_json(), "built-in:liaocheng");
}

}  // namespace chainatlas::io
