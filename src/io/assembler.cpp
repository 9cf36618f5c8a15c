#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "assembler_impl.hpp"
#include "chainatlas/error.hpp"
#include "chainatlas/io/csv_reader.hpp"
#include "chainatlas/io/limits.hpp"
#include "chainatlas/util/memory.hpp"

namespace chainatlas::io::detail {

namespace {

using model::Index;
using model::kNoIndex;
using model::Section;

constexpr std::string_view kFormatTag = "chainatlas/1";

/// `text` in quotes for a message; a long one is cut (at a character boundary) and its length
/// said, so that a 10 MB cell does not make a 10 MB message.
std::string quote_id(std::string_view text) {
    constexpr std::size_t kShown = 60;
    if (text.size() <= kShown + 20) return "'" + std::string(text) + "'";
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    return "'" + std::string(text.substr(0, cut)) + "…' (" + std::to_string(text.size()) + " bytes)";
}

std::string_view section_list(Section section) {
    switch (section) {
        case Section::county: return "/counties";
        case Section::park: return "/parks";
        case Section::chain: return "/chains";
        case Section::segment: return "the segments of /chains";
        case Section::enterprise: return "/enterprises";
        case Section::project: return "/projects";
    }
    return "";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

bool is_id_character(char c, bool first) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
    return !first && (c == '.' || c == '_' || c == '-');
}

/// `text` without the spaces and tabs around it (a view: asked of every CSV cell).
std::string_view trimmed_view(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::string trimmed(std::string_view text) { return std::string(trimmed_view(text)); }

/// What a message says was found, for a JSON value of the wrong type.
std::string_view json_type_name(const nlohmann::json& value) {
    if (value.is_string()) return "a string";
    if (value.is_number()) return "a number";
    if (value.is_boolean()) return "a boolean";
    if (value.is_null()) return "null";
    if (value.is_array()) return "an array";
    return "an object";
}

/// Flattens the scalar members of a JSON object (arrays of strings become lists).
void flatten(const nlohmann::json& object, const std::string& pointer, FlatRecord& record) {
    record.clear();
    record.from_csv = false;
    record.pointer = pointer;
    for (const auto& [key, value] : object.items()) {
        FlatField& field = record.add(key);
        if (value.is_string()) {
            field.kind = ValueKind::text;
            field.text = value.get_ref<const std::string&>();
        } else if (value.is_number()) {
            field.kind = ValueKind::number;
            field.number = value.get<double>();
            field.integer = value.is_number_integer();
        } else if (value.is_boolean()) {
            field.kind = ValueKind::boolean;
            field.boolean = value.get<bool>();
        } else if (value.is_null()) {
            field.kind = ValueKind::null;
        } else if (value.is_array()) {
            field.kind = ValueKind::list;
            for (const auto& item : value) {
                if (!item.is_string()) {
                    field.list_has_non_text = true;
                    continue;
                }
                if (field.items_used == field.items.size()) field.items.emplace_back();
                field.items[field.items_used++] = item.get_ref<const std::string&>();
            }
        } else {
            field.kind = ValueKind::other;
        }
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Flat records

namespace {

/// `key == wanted`, looking at the first byte before calling memcmp: the keys of a record are
/// searched a dozen times a record, and many have the same length (name, park, tags, note).
bool same_key(const std::string& key, std::string_view wanted) {
    return key.size() == wanted.size() &&
           (wanted.empty() ||
            (key[0] == wanted[0] && std::memcmp(key.data(), wanted.data(), wanted.size()) == 0));
}

}  // namespace

std::string_view FlatField::type_name() const {
    switch (kind) {
        case ValueKind::null: return "null";
        case ValueKind::text: return "a string";
        case ValueKind::number: return "a number";
        case ValueKind::boolean: return "a boolean";
        case ValueKind::list: return list_has_non_text ? "an array holding non-strings" : "an array";
        case ValueKind::other: return "an object";
    }
    return "a value";
}

FlatField& FlatRecord::add(std::string_view key) {
    for (std::size_t i = 0; i < used; ++i) {
        if (same_key(fields[i].key, key)) {
            fields[i].duplicate = true;
            // The later value wins, as in most JSON readers; the duplicate is reported.
            FlatField& field = fields[i];
            field.items_used = 0;
            field.list_has_non_text = false;
            return field;
        }
    }
    return add_new(key);
}

FlatField& FlatRecord::add_new(std::string_view key) {
    if (used == fields.size()) fields.emplace_back();
    FlatField& field = fields[used++];
    if (!same_key(field.key, key)) field.key.assign(key);
    field.kind = ValueKind::null;
    field.text.clear();
    field.items_used = 0;
    field.list_has_non_text = false;
    field.integer = false;
    field.duplicate = false;
    field.column = 0;
    return field;
}

const FlatField* FlatRecord::find(std::string_view key) const {
    for (std::size_t i = 0; i < used; ++i) {
        if (same_key(fields[i].key, key)) return &fields[i];
    }
    return nullptr;
}

std::string escape_pointer_token(std::string_view key) {
    std::string out;
    out.reserve(key.size());
    for (const char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

void DiagnosticSink::add(Severity severity, const std::string& file, std::string location,
                         std::string message, std::uint64_t order) {
    if (severity == Severity::error) ++errors_;
    if (entries_.size() >= kMaxDiagnostics) {
        if (severity == Severity::error) ++suppressed_;
        return;
    }
    entries_.push_back({order, Diagnostic{severity, file, std::move(location), std::move(message)}});
}

std::vector<Diagnostic> DiagnosticSink::take_sorted() {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.order < b.order; });
    std::vector<Diagnostic> out;
    out.reserve(entries_.size());
    for (auto& entry : entries_) out.push_back(std::move(entry.diagnostic));
    entries_.clear();
    return out;
}

// ---------------------------------------------------------------------------------------------
// Reading typed fields, with the place of each in messages

struct DatasetAssembler::FieldReader {
    DatasetAssembler& owner;
    const FlatRecord& record;

    [[nodiscard]] std::string where(std::string_view key, long item = -1) const {
        if (record.from_csv) {
            const FlatField* field = record.find(key);
            std::size_t column = field != nullptr ? field->column : 0;
            if (column == 0) {
                const auto found = owner.csv_columns_.find(key);
                column = found != owner.csv_columns_.end() ? found->second : 1;
            }
            return std::to_string(record.line) + ":" + std::to_string(column);
        }
        std::string location = record.pointer + "/" + escape_pointer_token(key);
        if (item >= 0) location += "/" + std::to_string(item);
        return location;
    }

    [[nodiscard]] std::string record_place() const {
        return record.from_csv ? std::to_string(record.line) + ":1" : record.pointer;
    }

    const FlatField* present(std::string_view key) const {
        const FlatField* field = record.find(key);
        if (field == nullptr || field->kind == ValueKind::null) return nullptr;
        if (record.from_csv && trimmed_view(field->text).empty()) return nullptr;
        return field;
    }

    void wrong_type(const FlatField& field, std::string_view expected) const {
        owner.error(where(field.key), "wrong type: found " + std::string(field.type_name()) +
                                          ", expected " + std::string(expected));
    }

    std::optional<std::string_view> text(std::string_view key, bool required) const {
        const FlatField* field = present(key);
        if (field == nullptr) {
            if (required) owner.error(record_place(), "missing required key " + quote_id(key));
            return std::nullopt;
        }
        if (field->kind != ValueKind::text) {
            wrong_type(*field, "a string");
            return std::nullopt;
        }
        std::string_view value = field->text;
        if (record.from_csv) {
            while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
            while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
        }
        if (value.empty()) {
            if (required) owner.error(where(key), "empty " + quote_id(key) + " (expected some text)");
            return std::nullopt;
        }
        if (value.size() > kMaxTextLength) {
            owner.error(where(key), "text too long: " + std::to_string(value.size()) + " bytes (at most " +
                                        std::to_string(kMaxTextLength) + ")");
            return std::nullopt;
        }
        return value;
    }

    /// A finite number; negative values are refused when `non_negative`.
    std::optional<double> number(std::string_view key, bool non_negative, bool integer) const {
        const FlatField* field = present(key);
        if (field == nullptr) return std::nullopt;
        double value = 0.0;
        if (record.from_csv) {
            const std::string_view cell = trimmed_view(field->text);
            const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
            if (ec != std::errc() || end != cell.data() + cell.size()) {
                owner.error(where(key), "not a number: " + quote_id(cell) + " (expected a number such as 12.5)");
                return std::nullopt;
            }
        } else if (field->kind != ValueKind::number) {
            wrong_type(*field, "a number");
            return std::nullopt;
        } else {
            value = field->number;
        }
        if (!std::isfinite(value)) {
            owner.error(where(key), "number out of range (expected a finite number)");
            return std::nullopt;
        }
        if (non_negative && value < 0) {
            owner.error(where(key), "negative " + quote_id(key) + ": " + nlohmann::json(value).dump() +
                                        " (expected 0 or more)");
            return std::nullopt;
        }
        if (integer && value != std::floor(value)) {
            owner.error(where(key), "not a whole number: " + nlohmann::json(value).dump());
            return std::nullopt;
        }
        return value;
    }

    std::optional<bool> boolean(std::string_view key) const {
        const FlatField* field = present(key);
        if (field == nullptr) return std::nullopt;
        if (record.from_csv) {
            std::string cell = trimmed(field->text);
            std::transform(cell.begin(), cell.end(), cell.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (cell == "true" || cell == "1" || cell == "yes") return true;
            if (cell == "false" || cell == "0" || cell == "no") return false;
            owner.error(where(key), "not a boolean: " + quote_id(field->text) + " (expected true or false)");
            return std::nullopt;
        }
        if (field->kind != ValueKind::boolean) {
            wrong_type(*field, "true or false");
            return std::nullopt;
        }
        return field->boolean;
    }

    /// The items of a list field (JSON array of strings, or a CSV cell `a;b;c`).
    bool list(std::string_view key, std::vector<std::string_view>& out) const {
        out.clear();
        const FlatField* field = present(key);
        if (field == nullptr) return false;
        if (record.from_csv) {
            out = split_list(field->text);
            return within_limit(key, out);
        }
        if (field->kind != ValueKind::list || field->list_has_non_text) {
            wrong_type(*field, "an array of strings");
            return false;
        }
        for (std::size_t i = 0; i < field->items_used; ++i) out.emplace_back(field->items[i]);
        return within_limit(key, out);
    }

    /// False (after reporting) when an item of a list is longer than kMaxTextLength.
    bool within_limit(std::string_view key, std::vector<std::string_view>& items) const {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (items[i].size() > kMaxTextLength) {
                owner.error(where(key, static_cast<long>(i)),
                            "text too long: " + std::to_string(items[i].size()) + " bytes (at most " +
                                std::to_string(kMaxTextLength) + ")");
                items.clear();
                return false;
            }
        }
        return true;
    }

    void report(std::string_view key, std::string message) const {
        owner.error(where(key), std::move(message));
    }

    void report_duplicates() const {
        for (std::size_t i = 0; i < record.size(); ++i) {
            if (record.at(i).duplicate) {
                owner.error(where(record.at(i).key), "duplicate key " + quote_id(record.at(i).key) +
                                                         " in one object (the last value is used)");
            }
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Assembler

DatasetAssembler::DatasetAssembler() = default;

DatasetAssembler::FieldReader DatasetAssembler::reader(const FlatRecord& record) {
    ++order_;
    sub_order_ = 0;
    FieldReader fields{*this, record};
    fields.report_duplicates();
    return fields;
}

/// A year: a whole number from 1000 to 9999 (a larger one would not even fit an int).
std::optional<int> DatasetAssembler::read_year(const FieldReader& fields) {
    const auto year = fields.number("year", true, true);
    if (!year) return std::nullopt;
    if (*year < 1000 || *year > 9999) {
        char text[64];
        std::snprintf(text, sizeof text, "%.0f", *year);
        fields.report("year", std::string("year out of range: ") + (*year < 1e18 ? text : "a number over 10^18") +
                                  " (expected a year such as 2025)");
        return std::nullopt;
    }
    return static_cast<int>(*year);
}


void DatasetAssembler::begin_file(const std::string& display_name, bool is_csv) {
    resolve_supplies();
    files_.push_back(display_name);
    file_columns_.emplace_back();
    in_fragment_ = next_is_fragment_;
    next_is_fragment_ = false;
    current_is_csv_ = is_csv;
    csv_columns_.clear();
    order_ = static_cast<std::uint64_t>(files_.size()) << 40;
}

void DatasetAssembler::set_csv_columns(std::map<std::string, std::size_t, std::less<>> columns) {
    csv_columns_ = columns;
    file_columns_.back() = std::move(columns);
}

void DatasetAssembler::error(const std::string& location, std::string message) {
    sink_.add(Severity::error, files_.back(), location, std::move(message), order_ * 256 + std::min<std::uint64_t>(sub_order_++, 255));
}

void DatasetAssembler::warning(const std::string& location, std::string message) {
    sink_.add(Severity::warning, files_.back(), location, std::move(message), order_ * 256 + std::min<std::uint64_t>(sub_order_++, 255));
}

void DatasetAssembler::fatal_file_error(const std::string& location, const std::string& message) {
    fatal_ = true;
    error(location, message);
}

void DatasetAssembler::file_error(const std::string& location, const std::string& message) {
    error(location, message);
}

void DatasetAssembler::file_warning(const std::string& location, const std::string& message) {
    warning(location, message);
}

void DatasetAssembler::note_unknown_keys(const FlatRecord& record, std::string_view section,
                                         std::initializer_list<std::string_view> known) {
    if (record.from_csv) return;  // unknown CSV columns are reported once, with the header
    for (std::size_t i = 0; i < record.size(); ++i) {
        const std::string& key = record.at(i).key;
        if (key == "source" || key == "note" ||
            std::find(known.begin(), known.end(), key) != known.end()) {
            continue;
        }
        auto& entry = unknown_keys_[{files_.back() + "\n" + std::string(section), key}];
        if (entry.count++ == 0) {
            entry.file = files_.back();
            entry.first_location = record.pointer + "/" + escape_pointer_token(key);
            entry.order = order_ * 256 + 255;
        }
    }
}

namespace {

/// The text of a place in a file: either given, or made (only when a message needs it) by a
/// callable, which saves building a million "line:column" strings for references that resolve.
template <typename Where>
std::string place_text(const Where& where) {
    if constexpr (std::is_invocable_v<const Where&>) {
        return where();
    } else {
        return std::string(where);
    }
}

}  // namespace

template <typename Where>
bool DatasetAssembler::check_id(std::string_view id, const Where& where) {
    const bool valid_characters =
        !id.empty() && is_id_character(id.front(), true) &&
        std::all_of(id.begin() + 1, id.end(), [](char c) { return is_id_character(c, false); });
    if (!valid_characters) {
        error(place_text(where), "bad id " + quote_id(id) +
                            " (expected lower-case ASCII letters, digits, '.', '_' or '-', "
                            "starting with a letter or digit)");
        return false;
    }
    if (id.size() > kMaxIdLength) {
        error(place_text(where), "id too long: " + std::to_string(id.size()) + " characters (at most " +
                            std::to_string(kMaxIdLength) + ")");
        return false;
    }
    return true;
}

Index DatasetAssembler::reserve_slot(Section section, std::string_view id) {
    if (tables_[static_cast<std::size_t>(section)].ids.size() >= kMaxRecords) {
        throw Error(files_.back() + ": more than " + std::to_string(kMaxRecords) + " " +
                    std::string(model::to_string(section)) + " ids (the limit; split the region into several datasets)");
    }
    const std::string_view stored = data_.intern(id);
    auto& table = tables_[static_cast<std::size_t>(section)];
    Index slot = 0;
    switch (section) {
        case Section::county:
            slot = static_cast<Index>(data_.counties.size());
            data_.counties.emplace_back().id = stored;
            break;
        case Section::park:
            slot = static_cast<Index>(data_.parks.size());
            data_.parks.emplace_back().id = stored;
            break;
        case Section::chain:
            slot = static_cast<Index>(data_.chains.size());
            data_.chains.emplace_back().id = stored;
            break;
        case Section::segment:
            slot = static_cast<Index>(data_.segments.size());
            data_.segments.emplace_back().id = stored;
            segment_places_.emplace_back();
            break;
        case Section::enterprise:
            slot = static_cast<Index>(data_.enterprises.size());
            if (data_.enterprises.size() == data_.enterprises.capacity()) {
                reserve_enterprises(data_.enterprises.size() + 16);
            }
            data_.enterprises.emplace_back().id = stored;
            enterprise_places_.push_back({});
            if (enterprise_warmer_)
                enterprise_warmer_->filled(data_.enterprises.size() * sizeof(model::Enterprise));
            break;
        case Section::project:
            slot = static_cast<Index>(data_.projects.size());
            data_.projects.emplace_back().id = stored;
            break;
    }
    table.ids.insert(stored);
    table.defined.push_back(false);
    table.rank.push_back(kNoIndex);
    if (section != Section::enterprise) table.first_location.emplace_back();
    return slot;
}

template <typename Where>
Index DatasetAssembler::reference(Section section, std::string_view id, const Where& where) {
    auto& table = tables_[static_cast<std::size_t>(section)];
    const auto found = table.ids.find(id);
    const Index slot = found != model::IdIndex::kMissing ? found : reserve_slot(section, id);
    if (!table.defined[slot]) {
        pending_.push_back({section, slot, files_.back(), place_text(where), order_ * 256 + std::min<std::uint64_t>(sub_order_++, 255)});
    }
    return slot;
}

template <typename Where>
Index DatasetAssembler::define(Section section, std::string_view id, const Where& where) {
    auto& table = tables_[static_cast<std::size_t>(section)];
    const auto found = table.ids.find(id);
    const Index slot = found != model::IdIndex::kMissing ? found : reserve_slot(section, id);
    if (table.defined[slot]) {
        std::string first;
        if (section == Section::enterprise) {
            const auto& place = enterprise_places_[slot];
            first = files_[place.file] + (file_columns_[place.file].empty()
                                              ? " /enterprises/" + std::to_string(place.position)
                                              : ":" + std::to_string(place.position));
        } else {
            first = table.first_location[slot];
        }
        error(place_text(where), "duplicate " + std::string(model::to_string(section)) + " id " + quote_id(id) +
                            " (first defined at " + first + ")");
        return kNoIndex;
    }
    table.defined[slot] = true;
    table.rank[slot] = table.defined_count++;
    if (section != Section::enterprise) table.first_location[slot] = files_.back() + " " + place_text(where);
    return slot;
}

std::string DatasetAssembler::suggestion(Section section, std::string_view id) const {
    const auto& table = tables_[static_cast<std::size_t>(section)];
    if (table.ids.size() > 20000) return "";
    std::string_view best;
    std::size_t best_distance = std::max<std::size_t>(2, id.size() / 3) + 1;
    std::vector<std::string_view> candidates;
    for (Index slot = 0; slot < table.ids.size(); ++slot) {
        if (table.defined[slot]) candidates.push_back(table.ids.id(slot));
    }
    std::sort(candidates.begin(), candidates.end());  // ties go to the first id in order
    for (const auto candidate : candidates) {
        const std::size_t distance = edit_distance(id, candidate);
        // An id that would have to be typed anew ('zz' for 'a') is no suggestion.
        if (distance < best_distance && distance < std::max(id.size(), candidate.size())) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best.empty() ? "" : "; did you mean " + quote_id(best) + "?";
}

// ---------------------------------------------------------------------------------------------
// Sections

void DatasetAssembler::read_format(const FlatRecord& record) {
    auto fields = reader(record);
    saw_format_ = true;
    const auto tag = fields.text("format", true);
    if (tag && *tag != kFormatTag) {
        error("/format", "unknown format " + quote_id(*tag) + " (expected \"chainatlas/1\")");
    }
}

void DatasetAssembler::read_region(const FlatRecord& record) {
    auto fields = reader(record);
    saw_region_ = true;
    auto& region = data_.region;
    if (const auto id = fields.text("id", true); id && check_id(*id, [&] { return fields.where("id"); })) {
        region.id = data_.intern(*id);
    }
    if (const auto name = fields.text("name", true)) region.name = data_.intern(*name);
    if (const auto name_en = fields.text("name_en", false)) region.name_en = data_.intern(*name_en);
    if (const auto year = read_year(fields)) region.year = *year;
    if (const auto source = fields.text("source", false)) region.provenance.source = data_.intern(*source);
    if (const auto note = fields.text("note", false)) region.provenance.note = data_.intern(*note);
    note_unknown_keys(record, "region", {"id", "name", "name_en", "year"});
}

namespace {

/// Reads the fields every named record has: name, name_en, source, note.
template <typename Reader, typename Record>
void read_common(const Reader& fields, model::Dataset& data, Record& out) {
    if (const auto name = fields.text("name", true)) out.name = data.intern(*name);
    if (const auto name_en = fields.text("name_en", false)) out.name_en = data.intern(*name_en);
    if (const auto source = fields.text("source", false)) out.provenance.source = data.intern(*source);
    if (const auto note = fields.text("note", false)) out.provenance.note = data.intern(*note);
}

template <typename Reader>
model::Provenance read_provenance(const Reader& fields, model::Dataset& data) {
    model::Provenance provenance;
    if (const auto source = fields.text("source", false)) provenance.source = data.intern(*source);
    if (const auto note = fields.text("note", false)) provenance.note = data.intern(*note);
    return provenance;
}

template <typename Enum, typename Parse>
std::optional<Enum> read_enum(const auto& fields, std::string_view key, Parse parse,
                              std::string_view expected) {
    const auto text = fields.text(key, false);
    if (!text) return std::nullopt;
    const auto value = parse(*text);
    if (!value) {
        fields.report(key, "unknown " + std::string(key) + " " + quote_id(*text) + " (expected one of " +
                               std::string(expected) + ")");
    }
    return value;
}

}  // namespace

void DatasetAssembler::read_county(const FlatRecord& record) {
    auto fields = reader(record);
    const auto id = fields.text("id", true);
    if (!id || !check_id(*id, [&] { return fields.where("id"); })) return;
    const Index slot = define(Section::county, *id, [&] { return fields.where("id"); });
    if (slot == kNoIndex) return;
    model::County county = data_.counties[slot];
    read_common(fields, data_, county);
    if (const auto kind = read_enum<model::CountyKind>(fields, "kind", model::parse_county_kind,
                                                       "district, county, county-city, development-zone")) {
        county.kind = *kind;
    }
    data_.counties[slot] = county;
    note_unknown_keys(record, "counties", {"id", "name", "name_en", "kind"});
}

void DatasetAssembler::read_park(const FlatRecord& record) {
    auto fields = reader(record);
    const auto id = fields.text("id", true);
    if (!id || !check_id(*id, [&] { return fields.where("id"); })) return;
    const Index slot = define(Section::park, *id, [&] { return fields.where("id"); });
    if (slot == kNoIndex) return;
    model::Park park = data_.parks[slot];
    read_common(fields, data_, park);
    if (const auto county = fields.text("county", true)) {
        park.county = reference(Section::county, *county, [&] { return fields.where("county"); });
    }
    if (const auto level = read_enum<model::ParkLevel>(fields, "level", model::parse_park_level,
                                                       "national, provincial, municipal, county")) {
        park.level = *level;
    }
    if (fields.list("chains", scratch_views_)) {
        for (std::size_t i = 0; i < scratch_views_.size(); ++i) {
            park.chains.push_back(reference(Section::chain, scratch_views_[i],
                                            [&] { return fields.where("chains", static_cast<long>(i)); }));
        }
    }
    data_.parks[slot] = std::move(park);
    note_unknown_keys(record, "parks", {"id", "name", "name_en", "county", "level", "chains"});
}

void DatasetAssembler::read_chain(const nlohmann::json& chain, const std::string& pointer) {
    ++order_;
    sub_order_ = 0;
    if (!chain.is_object()) {
        error(pointer, "wrong type: found " + std::string(json_type_name(chain)) +
                           ", expected a chain object");
        return;
    }
    FlatRecord record;
    flatten(chain, pointer, record);
    FieldReader fields{*this, record};
    fields.report_duplicates();
    const auto id = fields.text("id", true);
    if (!id || !check_id(*id, [&] { return fields.where("id"); })) return;
    const Index slot = define(Section::chain, *id, [&] { return fields.where("id"); });
    if (slot == kNoIndex) return;
    model::Chain out = data_.chains[slot];
    read_common(fields, data_, out);
    if (const auto confidence = read_enum<model::Confidence>(
            fields, "confidence", model::parse_confidence, "confirmed, inferred")) {
        out.confidence = *confidence;
    }
    if (fields.list("leaders", scratch_views_)) {
        for (std::size_t i = 0; i < scratch_views_.size(); ++i) {
            out.leaders.push_back(reference(Section::enterprise, scratch_views_[i],
                                            [&] { return fields.where("leaders", static_cast<long>(i)); }));
        }
    }
    const auto segments = chain.find("segments");
    if (segments == chain.end() || !segments->is_array() || segments->empty()) {
        const bool wrong = segments != chain.end() && !segments->is_array();
        error(wrong ? pointer + "/segments" : pointer,
              wrong ? "wrong type: found " + std::string(json_type_name(*segments)) +
                          ", expected an array of segments"
                    : "chain " + quote_id(*id) + " has no segments (expected at least one in 'segments')");
    } else {
        FlatRecord segment_record;
        for (std::size_t i = 0; i < segments->size(); ++i) {
            const std::string segment_pointer = pointer + "/segments/" + std::to_string(i);
            const auto& segment = (*segments)[i];
            if (!segment.is_object()) {
                error(segment_pointer, "wrong type: found " + std::string(json_type_name(segment)) +
                                           ", expected a segment object");
                continue;
            }
            flatten(segment, segment_pointer, segment_record);
            FieldReader segment_fields{*this, segment_record};
            segment_fields.report_duplicates();
            const auto segment_id = segment_fields.text("id", true);
            if (!segment_id || !check_id(*segment_id, [&] { return segment_fields.where("id"); })) continue;
            const Index s = define(Section::segment, *segment_id, [&] { return segment_fields.where("id"); });
            if (s == kNoIndex) continue;
            model::Segment result = data_.segments[s];
            read_common(segment_fields, data_, result);
            result.chain = slot;
            if (const auto tier = read_enum<model::Tier>(segment_fields, "tier", model::parse_tier,
                                                         "upstream, midstream, downstream")) {
                result.tier = *tier;
            }
            data_.segments[s] = result;
            segment_places_[s] = {files_.back(), segment_pointer, order_ * 256 + 255};
            out.segments.push_back(s);
            note_unknown_keys(segment_record, "segments", {"id", "name", "name_en", "tier"});
        }
    }
    const auto links = chain.find("links");
    if (links != chain.end() && !links->is_array()) {
        error(pointer + "/links", "wrong type: found " + std::string(json_type_name(*links)) +
                                      ", expected an array of links");
    } else if (links != chain.end()) {
        FlatRecord link_record;
        for (std::size_t i = 0; i < links->size(); ++i) {
            const std::string link_pointer = pointer + "/links/" + std::to_string(i);
            if (!(*links)[i].is_object()) {
                error(link_pointer, "wrong type: found " +
                                        std::string(json_type_name((*links)[i])) +
                                        ", expected a link object");
                continue;
            }
            flatten((*links)[i], link_pointer, link_record);
            FieldReader link_fields{*this, link_record};
            link_fields.report_duplicates();
            const auto from = link_fields.text("from", true);
            const auto to = link_fields.text("to", true);
            if (!from || !to) continue;
            if (*from == *to) {
                error(link_fields.where("to"), "segment " + quote_id(*from) + " is linked to itself (expected two different segments)");
                continue;
            }
            model::Link link;
            link.from = reference(Section::segment, *from, [&] { return link_fields.where("from"); });
            link.to = reference(Section::segment, *to, [&] { return link_fields.where("to"); });
            link.provenance = read_provenance(link_fields, data_);
            link_places_.push_back({slot, out.links.size(), files_.back(), link_fields.where("from"),
                                    link_fields.where("to"), order_ * 256 + 255});
            out.links.push_back(link);
            note_unknown_keys(link_record, "links", {"from", "to"});
        }
    }
    data_.chains[slot] = std::move(out);
    note_unknown_keys(record, "chains",
                      {"id", "name", "name_en", "confidence", "leaders", "segments", "links"});
}

void DatasetAssembler::read_cross_link(const FlatRecord& record) {
    auto fields = reader(record);
    const auto from = fields.text("from", true);
    const auto to = fields.text("to", true);
    if (!from || !to) return;
    if (*from == *to) {
        error(fields.where("to"), "segment " + quote_id(*from) + " is linked to itself (expected two different segments)");
        return;
    }
    model::Link link;
    link.from = reference(Section::segment, *from, [&] { return fields.where("from"); });
    link.to = reference(Section::segment, *to, [&] { return fields.where("to"); });
    link.provenance = read_provenance(fields, data_);
    cross_places_.push_back({data_.cross_links.size(), files_.back(), record.pointer, order_ * 256 + 255});
    data_.cross_links.push_back(link);
    note_unknown_keys(record, "cross_links", {"from", "to"});
}

void DatasetAssembler::read_enterprise(const FlatRecord& record) {
    auto fields = reader(record);
    const auto id = fields.text("id", true);
    if (!id || !check_id(*id, [&] { return fields.where("id"); })) return;
    const Index slot = define(Section::enterprise, *id, [&] { return fields.where("id"); });
    if (slot == kNoIndex) return;
    model::Enterprise e = data_.enterprises[slot];
    read_common(fields, data_, e);
    e.external = fields.boolean("external").value_or(false);
    const auto county = fields.text("county", false);
    if (e.external && county) {
        error(fields.where("county"), "an external enterprise has county " + quote_id(*county) +
                                          " (expected no county: an enterprise outside the region "
                                          "says where it is in 'location')");
    } else if (!e.external && !county && fields.present("county") == nullptr) {
        error(fields.record_place(),
              "missing required key 'county' (required for an enterprise of the region; "
              "set 'external' to true for one outside it)");
    } else if (county) {
        e.county = reference(Section::county, *county, [&] { return fields.where("county"); });
    }
    if (const auto park = fields.text("park", false)) {
        e.park = reference(Section::park, *park, [&] { return fields.where("park"); });
    }
    scratch_indices_.clear();
    if (fields.list("segments", scratch_views_)) {
        for (std::size_t i = 0; i < scratch_views_.size(); ++i) {
            scratch_indices_.push_back(reference(Section::segment, scratch_views_[i],
                                                 [&] { return fields.where("segments", static_cast<long>(i)); }));
        }
    }
    e.segments = data_.add_enterprise_segments(scratch_indices_);
    if (fields.list("tags", scratch_views_)) {
        std::vector<std::string_view> words;
        for (const auto word : scratch_views_) {
            if (const auto tag = model::parse_tag(word)) e.known_tags |= static_cast<std::uint8_t>(*tag);
            words.push_back(data_.intern(word));
        }
        e.tags = data_.add_tags(words);
    }
    if (const auto output = fields.number("output", true, false)) e.output = *output;
    if (const auto employees = fields.number("employees", true, false)) e.employees = *employees;
    if (const auto location = fields.text("location", false)) e.location = data_.intern(*location);
    data_.enterprises[slot] = e;
    enterprise_places_[slot] = {static_cast<std::uint32_t>(files_.size() - 1),
                                static_cast<std::uint32_t>(record.from_csv ? record.line : 0), order_ * 256 + 255};
    if (!record.from_csv) {
        const auto slash = record.pointer.rfind('/');
        enterprise_places_[slot].position =
            static_cast<std::uint32_t>(std::stoul(record.pointer.substr(slash + 1)));
    }
    note_unknown_keys(record, "enterprises",
                      {"id", "name", "name_en", "county", "park", "segments", "output", "employees",
                       "tags", "external", "location"});
}

void DatasetAssembler::read_supply(const FlatRecord& record) {
    auto fields = reader(record);
    const auto from = fields.text("from", true);
    const auto to = fields.text("to", true);
    if (!from || !to) return;
    if (*from == *to) {
        error(fields.where("to"), "enterprise " + quote_id(*from) + " supplies itself (expected two different enterprises)");
        return;
    }
    model::Supply supply;
    if (const auto weight = fields.number("weight", true, false)) supply.weight = *weight;
    supply.provenance = read_provenance(fields, data_);
    DeferredSupply deferred{};
    deferred.order = order_ * 256;
    deferred.supply = static_cast<std::uint32_t>(data_.supplies.size());
    deferred.file = static_cast<std::uint32_t>(files_.size() - 1);
    if (record.from_csv) {
        deferred.position = static_cast<std::uint32_t>(record.line);
        const FlatField* from_field = record.find("from");
        const FlatField* to_field = record.find("to");
        deferred.from_column = static_cast<std::uint16_t>(from_field != nullptr ? from_field->column : 1);
        deferred.to_column = static_cast<std::uint16_t>(to_field != nullptr ? to_field->column : 1);
    } else {
        const auto slash = record.pointer.rfind('/');
        std::uint32_t index = 0;
        std::from_chars(record.pointer.data() + slash + 1, record.pointer.data() + record.pointer.size(), index);
        deferred.position = index;
    }
    deferred.from_sub = static_cast<std::uint8_t>(std::min<std::uint64_t>(sub_order_++, 255));
    deferred.to_sub = static_cast<std::uint8_t>(std::min<std::uint64_t>(sub_order_++, 255));
    deferred.from_offset = deferred_text_.size();
    deferred.from_length = from->size();
    deferred_text_.append(*from);
    deferred.to_offset = deferred_text_.size();
    deferred.to_length = to->size();
    deferred_text_.append(*to);
    deferred_supplies_.push_back(deferred);
    if (data_.supplies.size() >= kMaxRecords) {
        throw Error(files_.back() + ": more than " + std::to_string(kMaxRecords) +
                    " supplies (the limit; split the region into several datasets)");
    }
    if (data_.supplies.size() == data_.supplies.capacity())
        reserve_supplies(data_.supplies.size() + 16);
    data_.supplies.push_back(supply);
    if (supply_warmer_) supply_warmer_->filled(data_.supplies.size() * sizeof(model::Supply));
    note_unknown_keys(record, "supplies", {"from", "to", "weight"});
    if (deferred_supplies_.size() >= kSupplyBatch) resolve_supplies();
}

void DatasetAssembler::resolve_supplies() {
    if (deferred_supplies_.empty()) return;
    auto& table = tables_[static_cast<std::size_t>(Section::enterprise)];
    batch_views_.clear();
    for (const auto& d : deferred_supplies_) {
        batch_views_.emplace_back(deferred_text_.data() + d.from_offset, d.from_length);
        batch_views_.emplace_back(deferred_text_.data() + d.to_offset, d.to_length);
    }
    batch_positions_.resize(batch_views_.size());
    table.ids.find_batch(batch_views_, batch_positions_);
    for (std::size_t i = 0; i < deferred_supplies_.size(); ++i) {
        const auto& d = deferred_supplies_[i];
        auto& supply = data_.supplies[d.supply];
        for (const int end : {0, 1}) {
            const std::string_view id = batch_views_[2 * i + static_cast<std::size_t>(end)];
            Index slot = batch_positions_[2 * i + static_cast<std::size_t>(end)];
            if (slot == model::IdIndex::kMissing) {
                // Not defined when the batch was looked up; an earlier supply of this batch
                // may have reserved it since.
                slot = table.ids.find(id);
                if (slot == model::IdIndex::kMissing) slot = reserve_slot(Section::enterprise, id);
            }
            (end == 0 ? supply.from : supply.to) = slot;
            if (table.defined[slot]) continue;
            const std::string& file = files_[d.file];
            std::string location;
            if (file_columns_[d.file].empty()) {
                location = "/supplies/" + std::to_string(d.position) + (end == 0 ? "/from" : "/to");
            } else {
                location = std::to_string(d.position) + ":" + std::to_string(end == 0 ? d.from_column : d.to_column);
            }
            pending_.push_back({Section::enterprise, slot, file, std::move(location),
                                d.order + (end == 0 ? d.from_sub : d.to_sub)});
        }
    }
    deferred_supplies_.clear();
    deferred_text_.clear();
}

void DatasetAssembler::read_project(const FlatRecord& record) {
    auto fields = reader(record);
    const auto id = fields.text("id", true);
    if (!id || !check_id(*id, [&] { return fields.where("id"); })) return;
    const Index slot = define(Section::project, *id, [&] { return fields.where("id"); });
    if (slot == kNoIndex) return;
    model::Project project = data_.projects[slot];
    read_common(fields, data_, project);
    if (const auto county = fields.text("county", true)) {
        project.county = reference(Section::county, *county, [&] { return fields.where("county"); });
    }
    if (const auto park = fields.text("park", false)) {
        project.park = reference(Section::park, *park, [&] { return fields.where("park"); });
    }
    if (const auto enterprise = fields.text("enterprise", false)) {
        project.enterprise = reference(Section::enterprise, *enterprise, [&] { return fields.where("enterprise"); });
    }
    if (fields.list("segments", scratch_views_)) {
        for (std::size_t i = 0; i < scratch_views_.size(); ++i) {
            project.segments.push_back(reference(Section::segment, scratch_views_[i],
                                                 [&] { return fields.where("segments", static_cast<long>(i)); }));
        }
    }
    if (const auto investment = fields.number("investment", true, false)) project.investment = *investment;
    if (fields.present("status") == nullptr) {
        error(fields.record_place(), "missing required key 'status' (expected planned, signed, building or operating)");
    } else if (const auto status = read_enum<model::ProjectStatus>(
                   fields, "status", model::parse_project_status, "planned, signed, building, operating")) {
        project.status = *status;
    }
    if (const auto year = read_year(fields)) project.year = *year;
    data_.projects[slot] = std::move(project);
    note_unknown_keys(record, "projects",
                      {"id", "name", "name_en", "county", "park", "enterprise", "segments",
                       "investment", "status", "year"});
}

void DatasetAssembler::unknown_section(const std::string& key) {
    ++order_;
    sub_order_ = 0;
    auto& entry = unknown_keys_[{files_.back(), key}];
    if (entry.count++ == 0) {
        entry.file = files_.back();
        entry.first_location = "/" + escape_pointer_token(key);
        entry.order = order_ * 256;
    }
}

void DatasetAssembler::wrong_section_type(const std::string& key, std::string_view expected,
                                          std::string_view found) {
    if (key == "format") saw_format_ = true;
    if (key == "region") saw_region_ = true;
    std::string pointer = "/";
    pointer += escape_pointer_token(key);
    wrong_record_type(pointer, expected, found);
}

void DatasetAssembler::wrong_record_type(const std::string& pointer, std::string_view expected,
                                         std::string_view found) {
    ++order_;
    sub_order_ = 0;
    error(pointer,
          "wrong type: found " + std::string(found) + ", expected " + std::string(expected));
}

// ---------------------------------------------------------------------------------------------
// Whole-dataset checks

void DatasetAssembler::check_unresolved() {
    for (const auto& ref : pending_) {
        const auto& table = tables_[static_cast<std::size_t>(ref.section)];
        if (table.defined[ref.slot]) continue;
        std::string_view id;
        switch (ref.section) {
            case Section::county: id = data_.counties[ref.slot].id; break;
            case Section::park: id = data_.parks[ref.slot].id; break;
            case Section::chain: id = data_.chains[ref.slot].id; break;
            case Section::segment: id = data_.segments[ref.slot].id; break;
            case Section::enterprise: id = data_.enterprises[ref.slot].id; break;
            case Section::project: id = data_.projects[ref.slot].id; break;
        }
        sink_.add(Severity::error, ref.file, ref.location,
                  "unknown " + std::string(model::to_string(ref.section)) + " " + quote_id(id) +
                      " (expected an id from " + std::string(section_list(ref.section)) +
                      suggestion(ref.section, id) + ")",
                  ref.order);
    }
}

void DatasetAssembler::check_links() {
    const auto& defined = tables_[static_cast<std::size_t>(Section::segment)].defined;
    std::vector<bool> touched(data_.segments.size(), false);
    for (const auto& place : link_places_) {
        const auto& chain = data_.chains[place.chain];
        const auto& link = chain.links[place.link];
        touched[link.from] = touched[link.to] = true;
        for (const auto& [end, location] : {std::pair{link.from, place.from_location},
                                            std::pair{link.to, place.to_location}}) {
            if (!defined[end] || data_.segments[end].chain == place.chain) continue;
            sink_.add(Severity::error, place.file, location,
                      "segment " + quote_id(data_.segments[end].id) + " belongs to chain " +
                          quote_id(data_.chains[data_.segments[end].chain].id) + ", not " +
                          quote_id(chain.id) + " (links between chains belong in /cross_links)",
                      place.order);
        }
    }
    for (const auto& place : cross_places_) {
        const auto& link = data_.cross_links[place.link];
        touched[link.from] = touched[link.to] = true;
        if (defined[link.from] && defined[link.to] &&
            data_.segments[link.from].chain == data_.segments[link.to].chain) {
            sink_.add(Severity::warning, place.file, place.location,
                      "both ends are in chain " + quote_id(data_.chains[data_.segments[link.from].chain].id) +
                          " (a link within one chain belongs in that chain's links)",
                      place.order);
        }
    }
    for (Index s = 0; s < data_.segments.size(); ++s) {
        if (!defined[s] || touched[s]) continue;
        const auto& place = segment_places_[s];
        sink_.add(Severity::warning, place.file, place.location,
                  "segment " + quote_id(data_.segments[s].id) +
                      " is not touched by any link (expected it to supply or use another segment)",
                  place.order);
    }
}

void DatasetAssembler::check_parks_of_enterprises() {
    const auto& county_defined = tables_[static_cast<std::size_t>(Section::county)].defined;
    const auto& park_defined = tables_[static_cast<std::size_t>(Section::park)].defined;
    for (Index i = 0; i < data_.enterprises.size(); ++i) {
        const auto& e = data_.enterprises[i];
        if (e.park == kNoIndex || e.county == kNoIndex) continue;
        if (!park_defined[e.park] || !county_defined[e.county]) continue;
        const Index park_county = data_.parks[e.park].county;
        if (park_county == kNoIndex || park_county == e.county || !county_defined[park_county]) continue;
        const auto& place = enterprise_places_[i];
        const auto& columns = file_columns_[place.file];
        const auto park_column = columns.find("park");
        const std::string location =
            columns.empty() ? "/enterprises/" + std::to_string(place.position) + "/park"
                            : std::to_string(place.position) + ":" +
                                  std::to_string(park_column != columns.end() ? park_column->second : 1);
        sink_.add(Severity::warning, files_[place.file], location,
                  "park " + quote_id(data_.parks[e.park].id) + " is in county " +
                      quote_id(data_.counties[park_county].id) + ", but enterprise " + quote_id(e.id) +
                      " gives county " + quote_id(data_.counties[e.county].id),
                  place.order);
    }
}

namespace {

bool is_identity(const std::vector<Index>& rank) {
    for (Index slot = 0; slot < rank.size(); ++slot) {
        if (rank[slot] != slot) return false;
    }
    return true;
}

/// Moves records[slot] to records[rank[slot]], in place (by cycles): a registry's record
/// arrays are hundreds of MB, and a sorted copy would be as many MB of fresh memory.
template <typename Records>
void permute(Records& records, const std::vector<Index>& rank) {
    if (is_identity(rank)) return;
    std::vector<Index> target = rank;
    for (Index i = 0; i < records.size(); ++i) {
        while (target[i] != i) {
            const Index j = target[i];
            std::swap(records[i], records[j]);
            std::swap(target[i], target[j]);
        }
    }
}

void remap(Index& index, const std::vector<Index>& rank) {
    if (index != kNoIndex) index = rank[index];
}

void remap_all(std::vector<Index>& indices, const std::vector<Index>& rank) {
    if (is_identity(rank)) return;
    for (auto& index : indices) remap(index, rank);
}

}  // namespace

void DatasetAssembler::expect(Section section, std::size_t count) {
    tables_[static_cast<std::size_t>(section)].ids.reserve(tables_[static_cast<std::size_t>(section)].ids.size() + count);
    switch (section) {
        case Section::enterprise:
            reserve_enterprises(count);
            break;
        case Section::project: data_.projects.reserve(data_.projects.size() + count); break;
        default: break;
    }
}

void DatasetAssembler::expect_json_bytes(std::size_t bytes) {
    // No count is known before the records arrive; reserve room for what a file of this size
    // typically holds (about 130 bytes a synthetic enterprise, 45 a supply, real ones more),
    // so the big arrays are not copied as they grow. Room that is never used costs address
    // space, not memory.
    expect(Section::enterprise, bytes / 160);
    expect_supplies(bytes / 64);
}

void DatasetAssembler::expect_supplies(std::size_t count) { reserve_supplies(count); }

void DatasetAssembler::reserve_enterprises(std::size_t count) {
    const std::size_t wanted = data_.enterprises.size() + count;
    if (wanted <= data_.enterprises.capacity()) return;
    enterprise_warmer_.reset();  // before the array moves
    util::reserve_huge(data_.enterprises, std::max(wanted, 2 * data_.enterprises.size()));
    util::reserve_huge(enterprise_places_, data_.enterprises.capacity());
    enterprise_warmer_ = std::make_unique<PageWarmer>(
        data_.enterprises.data(), data_.enterprises.capacity() * sizeof(model::Enterprise));
    enterprise_warmer_->filled(data_.enterprises.size() * sizeof(model::Enterprise));
}

void DatasetAssembler::reserve_supplies(std::size_t count) {
    const std::size_t wanted = data_.supplies.size() + count;
    if (wanted <= data_.supplies.capacity()) return;
    supply_warmer_.reset();
    util::reserve_huge(data_.supplies, std::max(wanted, 2 * data_.supplies.size()));
    supply_warmer_ = std::make_unique<PageWarmer>(
        data_.supplies.data(), data_.supplies.capacity() * sizeof(model::Supply));
    supply_warmer_->filled(data_.supplies.size() * sizeof(model::Supply));
}

void DatasetAssembler::stop_warming() {
    enterprise_warmer_.reset();
    supply_warmer_.reset();
}

bool DatasetAssembler::restore_definition_order() {
    // Slots were reserved in order of first mention (a park may name a chain before the
    // chains section); put every section back in the order the files define it, so output
    // follows the data as its authors wrote it.
    const auto rank_of = [this](Section section) -> const std::vector<Index>& {
        return tables_[static_cast<std::size_t>(section)].rank;
    };
    const auto& counties = rank_of(Section::county);
    const auto& parks = rank_of(Section::park);
    const auto& chains = rank_of(Section::chain);
    const auto& segments = rank_of(Section::segment);
    const auto& enterprises = rank_of(Section::enterprise);
    const auto& projects = rank_of(Section::project);
    bool any = false;
    for (const auto& table : tables_) any = any || !is_identity(table.rank);
    if (!any) return false;
    for (auto& park : data_.parks) {
        remap(park.county, counties);
        remap_all(park.chains, chains);
    }
    for (auto& chain : data_.chains) {
        remap_all(chain.segments, segments);
        remap_all(chain.leaders, enterprises);
        for (auto& link : chain.links) {
            remap(link.from, segments);
            remap(link.to, segments);
        }
    }
    for (auto& segment : data_.segments) remap(segment.chain, chains);
    for (auto& link : data_.cross_links) {
        remap(link.from, segments);
        remap(link.to, segments);
    }
    for (auto& enterprise : data_.enterprises) {
        remap(enterprise.county, counties);
        remap(enterprise.park, parks);
    }
    remap_all(data_.enterprise_segments, segments);
    for (auto& supply : data_.supplies) {
        remap(supply.from, enterprises);
        remap(supply.to, enterprises);
    }
    for (auto& project : data_.projects) {
        remap(project.county, counties);
        remap(project.park, parks);
        remap(project.enterprise, enterprises);
        remap_all(project.segments, segments);
    }
    permute(data_.counties, counties);
    permute(data_.parks, parks);
    permute(data_.chains, chains);
    permute(data_.segments, segments);
    permute(data_.enterprises, enterprises);
    permute(data_.projects, projects);
    return true;
}

model::Dataset DatasetAssembler::finish(std::vector<Diagnostic>& warnings) {
    resolve_supplies();
    stop_warming();
    if (!files_.empty() && !fatal_) {
        const std::string first_file = files_.front();
        if (!saw_format_) {
            sink_.add(Severity::error, first_file, "",
                      "missing 'format' (expected \"format\": \"chainatlas/1\" at the top level)", 0);
        }
        if (!saw_region_) {
            sink_.add(Severity::error, first_file, "",
                      "missing 'region' (expected an object with 'id' and 'name')", 0);
        }
    }
    check_unresolved();
    check_links();
    check_parks_of_enterprises();
    for (const auto& [key, entry] : unknown_keys_) {
        const std::string message =
            "unknown key " + quote_id(key.second) + " (ignored" +
            (entry.count > 1 ? "; found in " + std::to_string(entry.count) + " records" : "") + ")";
        sink_.add(Severity::warning, entry.file, entry.first_location, message, entry.order);
    }
    const bool failed = sink_.has_errors();
    const std::size_t suppressed = sink_.suppressed();
    auto diagnostics = sink_.take_sorted();
    if (failed) throw DatasetError(std::move(diagnostics), suppressed);
    warnings = std::move(diagnostics);
    restore_definition_order();
    for (std::size_t s = 0; s < tables_.size(); ++s) {
        auto& table = tables_[s];
        if (!is_identity(table.rank)) table.ids.renumber(table.rank);
        data_.adopt_lookup(static_cast<Section>(s), std::move(table.ids));
    }
    return std::move(data_);
}

}  // namespace chainatlas::io::detail
