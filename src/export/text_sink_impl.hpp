#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

/// Buffered output with the escaping rules of the export formats.
namespace chainatlas::export_::detail {

/// Appends `text` escaped for XML 1.0 element content and attribute values (either quote):
/// `& < > " '` as entities, tab, line feed and carriage return as character references (so
/// attribute values keep them), and characters XML 1.0 forbids dropped: the C0 controls other
/// than those three, and U+FFFE, U+FFFF. Bytes that are not UTF-8 become U+FFFD.
void append_xml_escaped(std::string& out, std::string_view text);

/// Appends `text` as a JSON string with its quotes: `"` `\` and control characters escaped,
/// bytes that are not UTF-8 replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view text);

/// Appends the shortest decimal form of `value` that reads back the same (`12.5`, `800`,
/// `1e+21`); `0` for NaN or infinity, which the loaders never produce.
void append_number(std::string& out, double value);
void append_integer(std::string& out, std::int64_t value);

/// Collects text in a large buffer and writes it to a stream in big blocks: the exports write
/// hundreds of millions of small pieces. Call `flush` at the end (the destructor does too).
class TextSink {
public:
    explicit TextSink(std::ostream& out) : out_(out) { buffer_.reserve(kBlock + 4096); }
    TextSink(const TextSink&) = delete;
    TextSink& operator=(const TextSink&) = delete;
    ~TextSink() { flush(); }

    TextSink& raw(std::string_view text) {
        buffer_ += text;
        return *this;
    }
    TextSink& xml(std::string_view text) {
        append_xml_escaped(buffer_, text);
        return *this;
    }
    TextSink& json(std::string_view text) {
        append_json_string(buffer_, text);
        return *this;
    }
    TextSink& number(double value) {
        append_number(buffer_, value);
        return *this;
    }
    TextSink& integer(std::int64_t value) {
        append_integer(buffer_, value);
        return *this;
    }
    /// Writes the buffer out when it is full; call between records.
    void maybe_flush() {
        if (buffer_.size() >= kBlock) flush();
    }
    void flush() {
        if (buffer_.empty()) return;
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }

private:
    static constexpr std::size_t kBlock = std::size_t{1} << 20;
    std::ostream& out_;
    std::string buffer_;
};

}  // namespace chainatlas::export_::detail
