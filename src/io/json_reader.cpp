#include "json_reader_impl.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "chainatlas/io/encoding.hpp"
#include "chainatlas/io/limits.hpp"

namespace chainatlas::io::detail {

namespace {

using nlohmann::json;

/// Deeper nesting than this is refused: no part of the format nests more than five levels,
/// and a hostile file must not exhaust memory or the stack.
constexpr std::size_t kMaxDepth = kMaxJsonDepth;

enum class SectionKind { flat_records, chains, format, region, unknown };

SectionKind kind_of_section(std::string_view key) {
    if (key == "counties" || key == "parks" || key == "cross_links" || key == "enterprises" ||
        key == "supplies" || key == "projects") {
        return SectionKind::flat_records;
    }
    if (key == "chains") return SectionKind::chains;
    if (key == "format") return SectionKind::format;
    if (key == "region") return SectionKind::region;
    return SectionKind::unknown;
}

/// What a message says was found, for a JSON scalar.
std::string_view found_scalar(ValueKind kind) {
    switch (kind) {
        case ValueKind::null: return "null";
        case ValueKind::text: return "a string";
        case ValueKind::number: return "a number";
        case ValueKind::boolean: return "a boolean";
        default: return "a value";
    }
}

/// What a message says was expected, for a record of a flat section.
std::string_view expected_record(std::string_view section) {
    if (section == "counties") return "a county object";
    if (section == "parks") return "a park object";
    if (section == "cross_links") return "a cross-link object";
    if (section == "enterprises") return "an enterprise object";
    if (section == "supplies") return "a supply object";
    return "a project object";
}

/// Streams a dataset through nlohmann's SAX interface: the big sections are read one record at a
/// time into a reused FlatRecord, so no DOM of the whole file is ever built. Only a chain (small,
/// nested) is built as a DOM, one chain at a time.
class DatasetSax {
public:
    DatasetSax(std::string_view text, DatasetAssembler& assembler) : text_(text), out_(assembler) {}

    bool null() { return scalar(ValueKind::null, [](FlatField&) {}, [] { return json(nullptr); }); }
    bool boolean(bool value) {
        return scalar(ValueKind::boolean, [&](FlatField& f) { f.boolean = value; },
                      [&] { return json(value); });
    }
    bool number_integer(json::number_integer_t value) {
        return scalar(ValueKind::number, [&](FlatField& f) {
            f.number = static_cast<double>(value);
            f.integer = true;
        }, [&] { return json(value); });
    }
    bool number_unsigned(json::number_unsigned_t value) {
        return scalar(ValueKind::number, [&](FlatField& f) {
            f.number = static_cast<double>(value);
            f.integer = true;
        }, [&] { return json(value); });
    }
    bool number_float(json::number_float_t value, const std::string& /*text*/) {
        return scalar(ValueKind::number, [&](FlatField& f) { f.number = value; },
                      [&] { return json(value); });
    }
    bool string(std::string& value) {
        return scalar(ValueKind::text, [&](FlatField& f) { f.text = value; },
                      [&] { return json(std::move(value)); });
    }
    bool binary(json::binary_t& /*value*/) { return true; }  // never produced by the text parser

    bool start_object(std::size_t /*size*/) { return open(true); }
    bool start_array(std::size_t /*size*/) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& key) {
        if (depth_ == 1) {
            section_ = key;
            section_index_ = 0;
            if (out_.in_fragment() && key != "enterprises" && key != "supplies" && key != "projects") {
                out_.file_error("/" + escape_pointer_token(key),
                                "a fragment may only add enterprises, supplies and projects (found '" + key + "')");
                refused_ = true;
                return true;
            }
            refused_ = false;
            if (!top_keys_.insert(key).second) {
                out_.file_error("/" + escape_pointer_token(key),
                                "duplicate key '" + key + "' at the top level (both are read)");
            }
            return true;
        }
        if (in_dom_) {
            dom_key_ = key;
            if (dom_stack_.back()->contains(key)) {
                out_.file_error(dom_pointer() + "/" + escape_pointer_token(key),
                                "duplicate key '" + key + "' in one object (the last value is used)");
            }
            return true;
        }
        if (depth_ == record_depth_) current_key_ = key;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& error) {
        const auto [line, column] = line_and_column(text_, position == 0 ? 0 : position - 1);
        std::string message = error.what();
        const auto at = message.find(": ", message.find("column"));
        if (at != std::string::npos) message = message.substr(at + 2);
        // Errors that are not syntax errors (a number too large, ...) carry nlohmann's tag,
        // "[json.exception.out_of_range.406] ": of no use to a planner.
        if (message.starts_with("[json.exception.")) {
            if (const auto close = message.find("] "); close != std::string::npos) message = message.substr(close + 2);
        }
        out_.fatal_file_error(std::to_string(line) + ":" + std::to_string(column), "invalid JSON: " + message);
        return false;
    }

    [[nodiscard]] bool saw_top_object() const { return saw_top_object_; }

private:
    template <typename SetFlat, typename MakeJson>
    bool scalar(ValueKind kind, SetFlat set_flat, MakeJson make_json) {
        if (depth_ == 0) return top_level_not_object(found_scalar(kind));
        if (in_dom_) {
            insert_dom(make_json());
            return true;
        }
        if (depth_ == 1) return top_scalar(kind, set_flat);
        if (skip_depth_ != 0) return true;
        if (section_kind() == SectionKind::chains && depth_ == 2) {
            out_.read_chain(make_json(), "/chains/" + std::to_string(section_index_++));
            return true;
        }
        if (depth_ == 2 && section_kind() == SectionKind::flat_records) {
            out_.wrong_record_type(record_pointer(), expected_record(section_), found_scalar(kind));
            ++section_index_;
            return true;
        }
        if (record_depth_ != 0 && depth_ == record_depth_) {
            FlatField& field = record_.add(current_key_);
            field.kind = kind;
            set_flat(field);
        } else if (record_depth_ != 0 && depth_ == record_depth_ + 1) {
            FlatField& field = record_.last();
            if (kind == ValueKind::text) {
                if (field.items_used == field.items.size()) field.items.emplace_back();
                FlatField scratch;
                set_flat(scratch);
                field.items[field.items_used++] = std::move(scratch.text);
            } else {
                field.list_has_non_text = true;
            }
        }
        return true;
    }

    bool top_scalar(ValueKind kind, auto& set_flat) {
        if (refused_) return true;
        if (section_kind() == SectionKind::format && kind == ValueKind::text) {
            record_.clear();
            record_.from_csv = false;
            record_.pointer = "";
            FlatField& field = record_.add("format");
            field.kind = kind;
            set_flat(field);
            out_.read_format(record_);
            return true;
        }
        if (section_kind() != SectionKind::unknown) {
            out_.wrong_section_type(section_, expected_for_section(), found_scalar(kind));
        } else {
            out_.unknown_section(section_);
        }
        return true;
    }

    bool open(bool is_object) {
        ++depth_;
        if (depth_ > kMaxDepth) {
            out_.fatal_file_error(here(), "nesting deeper than " + std::to_string(kMaxDepth) +
                                        " levels (this is not a chainatlas dataset)");
            return false;
        }
        if (depth_ == 1) {
            if (!is_object) return top_level_not_object("an array");
            saw_top_object_ = true;
            return true;
        }
        if (in_dom_) {
            insert_dom(is_object ? json::object() : json::array(), true);
            return true;
        }
        if (skip_depth_ != 0) return true;
        if (depth_ == 2) return open_section(is_object);
        if (depth_ == 3 && section_kind() == SectionKind::chains) {
            begin_dom(is_object);
            return true;
        }
        if (depth_ == 3 && section_kind() == SectionKind::flat_records) {
            if (!is_object) {
                out_.wrong_record_type(record_pointer(), expected_record(section_), "an array");
                ++section_index_;
                skip_depth_ = depth_;
                return true;
            }
            begin_record("/" + section_ + "/" + std::to_string(section_index_));
            return true;
        }
        if (record_depth_ != 0 && depth_ == record_depth_ + 1) {
            FlatField& field = record_.add(current_key_);
            field.kind = is_object ? ValueKind::other : ValueKind::list;
            if (is_object) skip_depth_ = depth_;
            return true;
        }
        if (record_depth_ != 0 && depth_ == record_depth_ + 2) {
            record_.last().list_has_non_text = true;
            skip_depth_ = depth_;
        }
        return true;
    }

    bool open_section(bool is_object) {
        if (refused_) {
            skip_depth_ = depth_;
            return true;
        }
        const SectionKind kind = section_kind();
        if (kind == SectionKind::unknown) {
            out_.unknown_section(section_);
            skip_depth_ = depth_;
            return true;
        }
        if (kind == SectionKind::region && is_object) {
            begin_record("/region");
            return true;
        }
        const bool wants_array = kind == SectionKind::flat_records || kind == SectionKind::chains;
        if (wants_array != !is_object || kind == SectionKind::format || kind == SectionKind::region) {
            out_.wrong_section_type(section_, expected_for_section(), is_object ? "an object" : "an array");
            skip_depth_ = depth_;
        }
        return true;
    }

    bool close() {
        if (depth_ == skip_depth_) skip_depth_ = 0;
        if (in_dom_) {
            dom_stack_.pop_back();
            dom_indices_.pop_back();
            dom_tokens_.pop_back();
            if (dom_stack_.empty()) {
                in_dom_ = false;
                out_.read_chain(dom_, "/chains/" + std::to_string(section_index_++));
                dom_ = json();
            }
        } else if (record_depth_ != 0 && depth_ == record_depth_) {
            dispatch_record();
            record_depth_ = 0;
        }
        --depth_;
        return true;
    }

    void begin_record(std::string pointer) {
        record_.clear();
        record_.from_csv = false;
        record_.pointer = std::move(pointer);
        record_depth_ = depth_;
    }

    void dispatch_record() {
        const std::string& s = section_;
        if (s == "region") {
            out_.read_region(record_);
            return;
        }
        ++section_index_;
        if (s == "counties") out_.read_county(record_);
        else if (s == "parks") out_.read_park(record_);
        else if (s == "cross_links") out_.read_cross_link(record_);
        else if (s == "enterprises") out_.read_enterprise(record_);
        else if (s == "supplies") out_.read_supply(record_);
        else if (s == "projects") out_.read_project(record_);
    }

    void begin_dom(bool is_object) {
        in_dom_ = true;
        dom_ = is_object ? json::object() : json::array();
        dom_stack_ = {&dom_};
        dom_indices_ = {0};
        dom_tokens_ = {""};
    }

    void insert_dom(json value, bool container = false) {
        json* parent = dom_stack_.back();
        json* inserted = nullptr;
        std::size_t index = 0;
        if (parent->is_object()) {
            inserted = &((*parent)[dom_key_] = std::move(value));
        } else {
            parent->push_back(std::move(value));
            inserted = &parent->back();
            index = dom_indices_.back()++;
        }
        if (container) {
            dom_stack_.push_back(inserted);
            dom_indices_.push_back(0);
            dom_tokens_.push_back(parent->is_object() ? escape_pointer_token(dom_key_)
                                                      : std::to_string(index));
        }
    }

    /// The JSON pointer of the innermost container of the chain being built.
    std::string dom_pointer() const {
        std::string pointer = "/chains/" + std::to_string(section_index_);
        for (std::size_t i = 1; i < dom_tokens_.size(); ++i) pointer += "/" + dom_tokens_[i];
        return pointer;
    }

    /// The pointer of the next record of the current flat section ("/enterprises/0").
    std::string record_pointer() const {
        return "/" + section_ + "/" + std::to_string(section_index_);
    }

    bool top_level_not_object(std::string_view found) {
        out_.fatal_file_error("", "the top level is " + std::string(found) +
                                " (expected an object with \"format\": \"chainatlas/1\" and the sections)");
        return false;
    }

    [[nodiscard]] SectionKind section_kind() const { return kind_of_section(section_); }
    [[nodiscard]] std::string_view expected_for_section() const {
        switch (section_kind()) {
            case SectionKind::format: return "the string \"chainatlas/1\"";
            case SectionKind::region: return "an object";
            default: return "an array";
        }
    }
    [[nodiscard]] std::string here() const { return "/" + escape_pointer_token(section_); }

    std::string_view text_;
    DatasetAssembler& out_;
    std::size_t depth_ = 0;
    std::size_t skip_depth_ = 0;
    std::size_t record_depth_ = 0;
    std::string section_;
    std::size_t section_index_ = 0;
    std::string current_key_;
    std::set<std::string> top_keys_;
    FlatRecord record_;
    bool in_dom_ = false;
    json dom_;
    std::vector<json*> dom_stack_;
    std::vector<std::size_t> dom_indices_;
    std::vector<std::string> dom_tokens_;  // pointer token of each container below the chain
    std::string dom_key_;
    bool saw_top_object_ = false;
    bool refused_ = false;  // a section a fragment may not hold: skipped after the error
};

}  // namespace

void read_json_dataset(std::string_view text, DatasetAssembler& assembler) {
    if (text.empty()) {
        assembler.fatal_file_error("", "the file is empty (expected a JSON object with \"format\": \"chainatlas/1\")");
        return;
    }
    if (const auto problem = find_invalid_utf8(text)) {
        assembler.fatal_file_error(std::to_string(problem->line) + ":" + std::to_string(problem->column),
                                   "not valid UTF-8 (expected UTF-8 text; save the file as UTF-8)");
        return;
    }
    DatasetSax sax(text, assembler);
    json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true, false);
}

}  // namespace chainatlas::io::detail
