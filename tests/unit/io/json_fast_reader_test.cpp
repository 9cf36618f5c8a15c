// The fast JSON tokenizer against nlohmann's SAX parser: for every text it accepts, the same
// dataset and the same messages; every text it does not accept is left to nlohmann.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../../../src/io/json_reader_impl.hpp"
#include "chainatlas/io/diagnostic.hpp"

namespace chainatlas::io::detail {
namespace {

/// What a reading gave: every message as the CLI prints it, then a summary of the records.
std::vector<std::string> outcome_of(const std::string& text, bool fast, bool* accepted = nullptr) {
    DatasetAssembler assembler;
    assembler.begin_file("t.json", false);
    if (fast) {
        const bool ok = read_json_dataset_fast(text, assembler);
        if (accepted != nullptr) *accepted = ok;
        if (!ok) return {};
    } else {
        read_json_dataset(text, assembler);
    }
    std::vector<std::string> out;
    try {
        std::vector<Diagnostic> warnings;
        const auto data = assembler.finish(warnings);
        for (const auto& d : warnings) out.push_back(format_diagnostic(d));
        out.push_back("region " + std::string(data.region.id) + " " +
                      std::string(data.region.name));
        for (const auto& e : data.enterprises) {
            out.push_back("enterprise " + std::string(e.id) + " " + std::string(e.name) + " " +
                          std::to_string(e.output) + " " + std::to_string(e.employees) + " " +
                          std::to_string(e.segments.size) + " " + std::string(e.location) + " " +
                          std::string(e.provenance.note));
        }
        for (const auto& s : data.supplies) {
            out.push_back("supply " + std::to_string(s.from) + " " + std::to_string(s.to) + " " +
                          std::to_string(s.weight));
        }
        for (const auto& p : data.projects) {
            out.push_back("project " + std::string(p.id) + " " + std::to_string(p.investment) +
                          " " + std::to_string(p.year.value_or(0)));
        }
    } catch (const DatasetError& e) {
        for (const auto& d : e.diagnostics()) out.push_back(format_diagnostic(d));
    }
    return out;
}

/// A small valid dataset; `enterprises` is spliced in as the value of "enterprises" and
/// `extra` before the closing brace.
std::string dataset(const std::string& enterprises, const std::string& extra = "") {
    return R"({"format": "chainatlas/1",
  "region": {"id": "r", "name": "测试", "year": 2025},
  "counties": [{"id": "k", "name": "县"}],
  "chains": [{"id": "c", "name": "链", "leaders": ["e1"], "segments": [
      {"id": "c.a", "name": "上游"}, {"id": "c.b", "name": "下游"}],
    "links": [{"from": "c.a", "to": "c.b"}]}],
  "enterprises": )" +
           enterprises + extra + "}";
}

const std::string kTwoEnterprises =
    R"([{"id": "e1", "name": "甲", "county": "k", "segments": ["c.a"], "output": 1.5, "employees": 20},
        {"id": "e2", "name": "乙", "county": "k", "segments": ["c.b"], "output": 0, "employees": 3}],
  "supplies": [{"from": "e1", "to": "e2", "weight": 2}],
  "projects": [{"id": "p1", "name": "项目", "county": "k", "status": "planned", "investment": 12, "year": 2024}])";

void expect_same_as_nlohmann(const std::string& text) {
    bool accepted = false;
    const auto fast = outcome_of(text, true, &accepted);
    ASSERT_TRUE(accepted) << text;
    EXPECT_EQ(fast, outcome_of(text, false)) << text;
}

void expect_left_to_nlohmann(const std::string& text) {
    bool accepted = true;
    outcome_of(text, true, &accepted);
    EXPECT_FALSE(accepted) << text;
}

TEST(FastJsonReader, ValidDatasetReadsAsWithNlohmann) {
    expect_same_as_nlohmann(dataset(kTwoEnterprises));
    const auto lines = outcome_of(dataset(kTwoEnterprises), true);
    EXPECT_NE(std::find(lines.begin(), lines.end(), "supply 0 1 2.000000"), lines.end());
    EXPECT_NE(std::find(lines.begin(), lines.end(), "project p1 12.000000 2024"), lines.end());
}

TEST(FastJsonReader, EscapesDecodeAsWithNlohmann) {
    expect_same_as_nlohmann(dataset(
        R"([{"id": "e1", "name": "a\"b\\c\/d\b\f\n\r\t", "county": "k", "note": "\u00e9\u4e2d\ud83d\ude00 \u0041"}])"));
    expect_same_as_nlohmann(dataset(R"([{"id": "e1", "name": "\u0000x", "county": "k"}])"));
}

TEST(FastJsonReader, NumbersReadAsWithNlohmann) {
    expect_same_as_nlohmann(dataset(
        R"([{"id": "e1", "name": "n", "county": "k", "output": -0, "employees": 1e2},
            {"id": "e2", "name": "n", "county": "k", "output": 0.1, "employees": 12.5E-1},
            {"id": "e3", "name": "n", "county": "k", "output": -3, "employees": 99999999999999999}])"));
}

TEST(FastJsonReader, SemanticProblemsGiveTheSameMessages) {
    // Wrong types, duplicate keys, unknown keys and sections, nested values where scalars
    // belong, records that are not objects, a section of the wrong type.
    expect_same_as_nlohmann(dataset(
        R"([{"id": "e1", "name": 5, "county": "k", "segments": [1, "c.a"], "tags": {"a": [1]}},
            {"id": "e2", "name": "x", "name": "y", "county": "nowhere", "extra": null, "external": true},
            "text", [1, 2], 7, {"id": "E 3", "name": "z"}, {}],
  "supplies": {"from": "e1"},
  "unknown": [{"deep": [[[[]]]]}],
  "cross_links": [{"from": "c.a", "to": "c.a"}])"));
    expect_same_as_nlohmann(
        R"({"format": "chainatlas/2", "region": [], "format": "chainatlas/1"})");
    expect_same_as_nlohmann(R"({})");
}

TEST(FastJsonReader, RefusalsByTheReaderStopItAsWithNlohmann) {
    // The top level is not an object, or nesting is too deep: the handler stops the reading.
    expect_same_as_nlohmann(R"(["format"])");
    expect_same_as_nlohmann(R"("chainatlas/1")");
    expect_same_as_nlohmann(R"(  12  )");
    expect_same_as_nlohmann(dataset(R"([{"id": "e1", "name": "n", "county": "k", "x": )" +
                                    std::string(200, '[') + std::string(200, ']') + "}]"));
}

TEST(FastJsonReader, SyntaxErrorsAndUnusualTextAreLeftToNlohmann) {
    for (const std::string& text : {
             std::string(R"({"format": "chainatlas/1",})"),
             std::string(R"({"format": "chainatlas/1"} x)"),
             std::string(R"({"format": "chainatlas/1")"),
             std::string(R"({"format": "chain)"),
             std::string(R"({"format": tru})"),
             std::string(R"({"a": [1,]})"),
             std::string(R"({"a": 01})"),
             std::string(R"({"a": 1.})"),
             std::string(R"({"a": -})"),
             std::string(R"({"a": 1e})"),
             std::string(R"({"a": 1e999})"),
             std::string(R"({"a": 123456789012345678901})"),
             std::string(R"({"a": "\x"})"),
             std::string(R"({"a": "\ud800"})"),
             std::string(R"({"a": "\udc00"})"),
             std::string(R"({"a": "\u12g4"})"),
             std::string("{\"a\": \"tab\there\"}"),
             std::string("\xEF\xBB\xBF{}"),
             std::string(R"({"a" 1})"),
             std::string(R"({"a": 1 /* comment */})"),
             std::string(R"({'a': 1})"),
             std::string(""),
             std::string("{\"a\": \"\xFF\"}"),
         }) {
        expect_left_to_nlohmann(text);
    }
}

}  // namespace
}  // namespace chainatlas::io::detail
