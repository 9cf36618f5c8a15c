#pragma once

// A record as the loaders see it before it becomes a model record: a flat list of key → value,
// filled either from one JSON object (by the SAX reader, without a DOM) or from one CSV row.
// Reused from record to record so that reading a million rows allocates almost nothing.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chainatlas::io::detail {

enum class ValueKind : unsigned char { null, text, number, boolean, list, other };

struct FlatField {
    std::string key;
    ValueKind kind = ValueKind::null;
    std::string text;                // text value, or the CSV cell
    double number = 0.0;
    bool boolean = false;
    bool integer = false;            // the JSON number had no fraction or exponent
    std::vector<std::string> items;  // a JSON array of strings
    std::size_t items_used = 0;
    bool list_has_non_text = false;  // the JSON array held something other than strings
    std::size_t column = 0;          // CSV column, 1-based
    bool duplicate = false;          // the key appeared twice in one JSON object

    [[nodiscard]] std::string_view type_name() const;
};

/// Where a record came from: a JSON object at `pointer`, or a CSV row at `line`.
struct FlatRecord {
    std::vector<FlatField> fields;
    std::size_t used = 0;
    bool from_csv = false;
    std::size_t line = 0;
    std::string pointer;

    void clear() { used = 0; }
    FlatField& add(std::string_view key);
    /// `add` for a key known not to be in the record yet (a CSV row: the header has no
    /// duplicates); keeps the key's text from the previous row when it is the same.
    FlatField& add_new(std::string_view key);
    [[nodiscard]] const FlatField* find(std::string_view key) const;
    [[nodiscard]] std::size_t size() const { return used; }
    [[nodiscard]] const FlatField& at(std::size_t i) const { return fields[i]; }
    FlatField& last() { return fields[used - 1]; }
};

/// Escapes a key for use in a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`).
std::string escape_pointer_token(std::string_view key);

}  // namespace chainatlas::io::detail
