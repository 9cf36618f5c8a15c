#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "chainatlas/io/encoding.hpp"
#include "chainatlas/io/limits.hpp"
#include "chainatlas/util/progress.hpp"
#include "json_reader_impl.hpp"

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

using ReadRecord = void (DatasetAssembler::*)(const FlatRecord&);

/// The assembler's reader for the records of a flat section, or nullptr.
ReadRecord reader_of_section(std::string_view key) {
    if (key == "counties") return &DatasetAssembler::read_county;
    if (key == "parks") return &DatasetAssembler::read_park;
    if (key == "cross_links") return &DatasetAssembler::read_cross_link;
    if (key == "enterprises") return &DatasetAssembler::read_enterprise;
    if (key == "supplies") return &DatasetAssembler::read_supply;
    if (key == "projects") return &DatasetAssembler::read_project;
    return nullptr;
}

/// Streams a dataset through nlohmann's SAX interface: the big sections are read one record at a
/// time into a reused FlatRecord, so no DOM of the whole file is ever built. Only a chain (small,
/// nested) is built as a DOM, one chain at a time.
class DatasetSax {
public:
    DatasetSax(std::string_view text, DatasetAssembler& assembler) : text_(text), out_(assembler) {}

    /// Counts the bytes read so far (`*position`, kept by the reader) on `progress` after each
    /// record of a flat section.
    void show_progress(util::Progress* progress, const std::size_t* position) {
        progress_ = progress;
        position_ = position;
    }

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
    /// `string` for a reader that holds the text as a view: a field of a record takes it with
    /// one copy; anything else goes through `string`.
    bool text(std::string_view value) {
        if (record_depth_ != 0 && depth_ == record_depth_ && skip_depth_ == 0 && !in_dom_) {
            FlatField& field = record_.add(current_key_);
            field.kind = ValueKind::text;
            field.text.assign(value);
            return true;
        }
        text_scratch_.assign(value);
        return string(text_scratch_);
    }

    bool start_object(std::size_t /*size*/) { return open(true); }
    bool start_array(std::size_t /*size*/) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& key) {
        if (depth_ == 1) {
            section_ = key;
            section_kind_ = kind_of_section(key);
            read_record_ = reader_of_section(key);
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
            begin_record_in_section();
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
            if (progress_ != nullptr) {
                progress_->advance(*position_ - shown_);
                shown_ = *position_;
            }
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

    /// begin_record for the next record of a section, its pointer built in place: a registry
    /// has millions of records, and a new string for each pointer showed in the profile.
    void begin_record_in_section() {
        record_.clear();
        record_.from_csv = false;
        std::string& pointer = record_.pointer;
        pointer.assign("/");
        pointer += section_;
        pointer += '/';
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, section_index_).ptr;
        pointer.append(digits, end);
        record_depth_ = depth_;
    }

    void dispatch_record() {
        if (section_kind_ == SectionKind::region) {
            out_.read_region(record_);
            return;
        }
        ++section_index_;
        if (read_record_ != nullptr) (out_.*read_record_)(record_);
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

    // Asked at every value of a million records: kept from the key, not compared again.
    [[nodiscard]] SectionKind section_kind() const { return section_kind_; }
    [[nodiscard]] std::string_view expected_for_section() const {
        switch (section_kind()) {
            case SectionKind::format: return "the string \"chainatlas/1\"";
            case SectionKind::region: return "an object";
            default: return "an array";
        }
    }
    [[nodiscard]] std::string here() const { return "/" + escape_pointer_token(section_); }

    util::Progress* progress_ = nullptr;
    const std::size_t* position_ = nullptr;
    std::size_t shown_ = 0;
    std::string_view text_;
    DatasetAssembler& out_;
    std::size_t depth_ = 0;
    std::size_t skip_depth_ = 0;
    std::size_t record_depth_ = 0;
    std::string section_;
    SectionKind section_kind_ = SectionKind::unknown;
    ReadRecord read_record_ = nullptr;
    std::size_t section_index_ = 0;
    std::string current_key_;
    std::string text_scratch_;
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

/// Finds the enterprise ids a few records ahead of the reader (the first key of the next
/// objects, when it is "id", as writers usually put it), so that their slots in the id table are
/// fetched while the records before them are read: see IdLookahead in load_dataset.cpp, its CSV
/// counterpart. Only hints: a wrong one costs a wasted fetch, never a wrong result.
class JsonIdLookahead {
public:
    static constexpr std::size_t kAhead = 16;
    static constexpr std::size_t kMaxGap = std::size_t{64} << 10;  // no id that far: stop looking

    void start(std::string_view text, std::size_t pos) {
        text_ = text;
        pos_ = pos;
        for (std::size_t i = 0; i < kAhead; ++i) next();
    }

    /// The next id ahead, or an empty view.
    std::string_view next() {
        if (pos_ >= text_.size()) return {};
        const auto open = text_.find('{', pos_);
        if (open == std::string_view::npos || open - pos_ > kMaxGap) {
            pos_ = text_.size();
            return {};
        }
        pos_ = open + 1;
        skip(" \t\r\n");
        if (text_.substr(pos_, 4) != "\"id\"") return {};
        pos_ += 4;
        skip(" \t\r\n:");
        if (pos_ >= text_.size() || text_[pos_] != '"') return {};
        const auto close = text_.find('"', pos_ + 1);
        if (close == std::string_view::npos) return {};
        const std::string_view id = text_.substr(pos_ + 1, close - pos_ - 1);
        pos_ = close + 1;
        return id;
    }

private:
    void skip(std::string_view characters) {
        while (pos_ < text_.size() && characters.find(text_[pos_]) != std::string_view::npos)
            ++pos_;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

/// A JSON tokenizer that hands DatasetSax the same events, in the same order, as nlohmann's SAX
/// parser does, for the text it accepts (see read_json_dataset_fast). nlohmann's lexer reads a
/// character at a time through an input adapter and builds every token in a string one push_back
/// at a time; this one scans the mapped text directly, which is most of the difference.
class FastJsonReader {
public:
    enum class Outcome {
        read,        ///< the whole text, every event accepted
        stopped,     ///< DatasetSax refused an event (as it would have with nlohmann's parser)
        unsupported  ///< something left to nlohmann's parser
    };

    FastJsonReader(std::string_view text, DatasetSax& sax, const DatasetAssembler& out)
        : text_(text), sax_(sax), out_(out) {}

    /// Where the reading is in the text (bytes).
    [[nodiscard]] const std::size_t* position() const { return &pos_; }

    Outcome run() {
        skip_space();
        if (!value(0)) return outcome_;
        skip_space();
        return pos_ == text_.size() ? Outcome::read : Outcome::unsupported;
    }

private:
    static constexpr std::size_t kUnknownSize = static_cast<std::size_t>(-1);

    // Every reading function returns false to end the reading, with outcome_ saying why.
    bool stop() {
        outcome_ = Outcome::stopped;
        return false;
    }
    bool unsupported() {
        outcome_ = Outcome::unsupported;
        return false;
    }
    bool deliver(bool accepted) { return accepted || stop(); }

    [[nodiscard]] bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
    [[nodiscard]] bool at_digit() const {
        return pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9';
    }
    void skip_digits() {
        while (at_digit()) ++pos_;
    }
    void skip_space() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            ++pos_;
        }
    }

    bool value(std::size_t depth) {
        if (pos_ >= text_.size()) return unsupported();
        switch (text_[pos_]) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"': {
                std::string_view text;
                return string(text) ? deliver(sax_.text(text)) : unsupported();
            }
            case 't':
                return literal("true") && deliver(sax_.boolean(true));
            case 'f':
                return literal("false") && deliver(sax_.boolean(false));
            case 'n':
                return literal("null") && deliver(sax_.null());
            default:
                return number();
        }
    }

    bool object(std::size_t depth) {
        ++pos_;
        if (!deliver(sax_.start_object(kUnknownSize))) return false;
        skip_space();
        if (at('}')) {
            ++pos_;
            return deliver(sax_.end_object());
        }
        for (;;) {
            std::string_view key;
            if (!at('"') || !string(key)) return unsupported();
            key_.assign(key);
            skip_space();
            if (!at(':')) return unsupported();
            ++pos_;
            if (depth == 0) top_key_ = key_;
            if (!deliver(sax_.key(key_))) return false;
            skip_space();
            if (!value(depth + 1)) return false;
            skip_space();
            if (at(',')) {
                ++pos_;
                skip_space();
            } else if (at('}')) {
                ++pos_;
                return deliver(sax_.end_object());
            } else {
                return unsupported();
            }
        }
    }

    bool array(std::size_t depth) {
        ++pos_;
        if (!deliver(sax_.start_array(kUnknownSize))) return false;
        skip_space();
        if (at(']')) {
            ++pos_;
            return deliver(sax_.end_array());
        }
        const bool enterprises = depth == 1 && top_key_ == "enterprises";
        if (enterprises) ahead_.start(text_, pos_);
        for (;;) {
            if (enterprises) {
                if (const auto id = ahead_.next(); !id.empty()) out_.prefetch_enterprise(id);
            }
            if (!value(depth + 1)) return false;
            skip_space();
            if (at(',')) {
                ++pos_;
                skip_space();
            } else if (at(']')) {
                ++pos_;
                return deliver(sax_.end_array());
            } else {
                return unsupported();
            }
        }
    }

    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return unsupported();
        pos_ += word.size();
        return true;
    }

    /// A number in JSON's grammar. Integers go to number_integer (negative) or number_unsigned,
    /// as nlohmann does; one of 18 characters or more could overflow and is left to nlohmann.
    bool number() {
        const std::size_t start = pos_;
        if (at('-')) ++pos_;
        if (at('0')) {
            ++pos_;
        } else if (at_digit()) {
            skip_digits();
        } else {
            return unsupported();
        }
        bool is_float = false;
        if (at('.')) {
            is_float = true;
            ++pos_;
            if (!at_digit()) return unsupported();
            skip_digits();
        }
        if (at('e') || at('E')) {
            is_float = true;
            ++pos_;
            if (at('+') || at('-')) ++pos_;
            if (!at_digit()) return unsupported();
            skip_digits();
        }
        const char* first = text_.data() + start;
        const char* last = text_.data() + pos_;
        if (!is_float) {
            if (last - first >= 18) return unsupported();
            std::int64_t value = 0;
            std::from_chars(first, last, value);
            if (*first == '-') return deliver(sax_.number_integer(value));
            return deliver(sax_.number_unsigned(static_cast<std::uint64_t>(value)));
        }
        double value = 0.0;
        const auto [end, ec] = std::from_chars(first, last, value);
        if (ec != std::errc() || end != last || !std::isfinite(value)) return unsupported();
        number_text_.assign(first, last);
        return deliver(sax_.number_float(value, number_text_));
    }

    /// Reads the string whose opening quote is at pos_: `out` views the text itself, or the
    /// decoded copy when there are escapes (valid until the next string). False for a string
    /// nlohmann would refuse (unterminated, a control character, a bad escape).
    bool string(std::string_view& out) {
        const char* data = text_.data();
        const std::size_t size = text_.size();
        const std::size_t start = pos_ + 1;
        std::size_t i = start;
        while (i < size) {
            const auto c = static_cast<unsigned char>(data[i]);
            if (c == '"') {
                out = text_.substr(start, i - start);
                pos_ = i + 1;
                return true;
            }
            if (c == '\\' || c < 0x20) break;
            ++i;
        }
        if (i >= size || data[i] != '\\') return false;
        unescaped_.assign(data + start, i - start);
        if (!escaped_rest(i, unescaped_)) return false;
        out = unescaped_;
        return true;
    }

    /// The rest of a string from its first backslash at `i`.
    bool escaped_rest(std::size_t i, std::string& out) {
        const char* data = text_.data();
        const std::size_t size = text_.size();
        while (i < size) {
            const auto c = static_cast<unsigned char>(data[i]);
            if (c == '"') {
                pos_ = i + 1;
                return true;
            }
            if (c < 0x20) return false;
            if (c != '\\') {
                out += static_cast<char>(c);
                ++i;
                continue;
            }
            if (++i >= size) return false;
            switch (data[i]) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u':
                    if (!unicode_escape(i, out)) return false;
                    break;
                default:
                    return false;
            }
            ++i;
        }
        return false;
    }

    /// `\uXXXX` (and the `\uXXXX` of a low surrogate after a high one) with its 'u' at `i`;
    /// leaves `i` on the last hex digit read.
    bool unicode_escape(std::size_t& i, std::string& out) {
        std::uint32_t code = 0;
        if (!hex4(i + 1, code)) return false;
        i += 4;
        if (code >= 0xDC00 && code <= 0xDFFF) return false;
        if (code >= 0xD800 && code <= 0xDBFF) {
            std::uint32_t low = 0;
            if (i + 2 >= text_.size() || text_[i + 1] != '\\' || text_[i + 2] != 'u' ||
                !hex4(i + 3, low) || low < 0xDC00 || low > 0xDFFF) {
                return false;
            }
            i += 6;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(code, out);
        return true;
    }

    bool hex4(std::size_t from, std::uint32_t& code) const {
        if (from + 4 > text_.size()) return false;
        code = 0;
        for (std::size_t k = from; k < from + 4; ++k) {
            const char c = text_[k];
            std::uint32_t digit = 0;
            if (c >= '0' && c <= '9') {
                digit = static_cast<std::uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                digit = static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                digit = static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                return false;
            }
            code = code * 16 + digit;
        }
        return true;
    }

    static void append_utf8(std::uint32_t code, std::string& out) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    std::string_view text_;
    DatasetSax& sax_;
    const DatasetAssembler& out_;
    std::size_t pos_ = 0;
    Outcome outcome_ = Outcome::read;
    std::string key_, top_key_, unescaped_, number_text_;
    JsonIdLookahead ahead_;
};

}  // namespace

bool read_json_dataset_fast(std::string_view text, DatasetAssembler& assembler) {
    if (text.empty() || find_invalid_utf8(text)) return false;  // reported by read_json_dataset
    DatasetSax sax(text, assembler);
    FastJsonReader reader(text, sax, assembler);
    std::optional<util::Progress> progress;
    if (assembler.show_progress) {
        progress.emplace(assembler.progress_label(), text.size());
        sax.show_progress(&*progress, reader.position());
    }
    return reader.run() != FastJsonReader::Outcome::unsupported;
}

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
