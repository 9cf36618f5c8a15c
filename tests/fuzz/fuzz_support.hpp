#pragma once

// What every fuzz target checks besides "no crash, no sanitizer report": a dataset that loads is
// internally consistent (every index points at a record, every id follows the id rules and is
// found again by its id), and a dataset that is refused explains itself (every diagnostic names
// a file and says something). A broken invariant aborts, which libFuzzer records as a crash.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "chainatlas/io/diagnostic.hpp"
#include "chainatlas/model/dataset.hpp"

namespace chainatlas::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
    std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", file, line, what);
    std::abort();
}

}  // namespace chainatlas::fuzz

#define CHAINATLAS_FUZZ_CHECK(condition) \
    ((condition) ? static_cast<void>(0) : ::chainatlas::fuzz::fail(#condition, __FILE__, __LINE__))

namespace chainatlas::fuzz {

inline bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        const bool letter_or_digit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!letter_or_digit && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
    }
    return true;
}

template <typename Records>
void check_ids(const model::Dataset& data, model::Section section, const Records& records) {
    for (std::size_t i = 0; i < records.size(); ++i) {
        CHAINATLAS_FUZZ_CHECK(is_valid_id(records[i].id));
        CHAINATLAS_FUZZ_CHECK(data.find(section, records[i].id) == i);
        CHAINATLAS_FUZZ_CHECK(!records[i].name.empty());
    }
}

inline bool in(model::Index index, std::size_t size) { return index < size; }
inline bool in_or_none(model::Index index, std::size_t size) {
    return index == model::kNoIndex || index < size;
}

/// Every reference of a loaded dataset points at a record of the right section, and every
/// record is found by its id (the loader's promise in model/dataset.hpp).
inline void check_dataset(const model::Dataset& data) {
    using model::Section;
    check_ids(data, Section::county, data.counties);
    check_ids(data, Section::park, data.parks);
    check_ids(data, Section::chain, data.chains);
    check_ids(data, Section::segment, data.segments);
    check_ids(data, Section::enterprise, data.enterprises);
    check_ids(data, Section::project, data.projects);
    const std::size_t segments = data.segments.size();
    for (const auto& park : data.parks) {
        CHAINATLAS_FUZZ_CHECK(in(park.county, data.counties.size()));
        for (const auto chain : park.chains) CHAINATLAS_FUZZ_CHECK(in(chain, data.chains.size()));
    }
    for (model::Index c = 0; c < data.chains.size(); ++c) {
        const auto& chain = data.chains[c];
        CHAINATLAS_FUZZ_CHECK(!chain.segments.empty());
        for (const auto s : chain.segments) {
            CHAINATLAS_FUZZ_CHECK(in(s, segments));
            CHAINATLAS_FUZZ_CHECK(data.segments[s].chain == c);
        }
        for (const auto leader : chain.leaders) CHAINATLAS_FUZZ_CHECK(in(leader, data.enterprises.size()));
        for (const auto& link : chain.links) {
            CHAINATLAS_FUZZ_CHECK(in(link.from, segments) && in(link.to, segments));
            CHAINATLAS_FUZZ_CHECK(data.segments[link.from].chain == c && data.segments[link.to].chain == c);
        }
    }
    for (const auto& segment : data.segments) CHAINATLAS_FUZZ_CHECK(in(segment.chain, data.chains.size()));
    for (const auto& link : data.cross_links) {
        CHAINATLAS_FUZZ_CHECK(in(link.from, segments) && in(link.to, segments));
    }
    for (const auto& e : data.enterprises) {
        CHAINATLAS_FUZZ_CHECK(e.external ? e.county == model::kNoIndex : in(e.county, data.counties.size()));
        CHAINATLAS_FUZZ_CHECK(in_or_none(e.park, data.parks.size()));
        CHAINATLAS_FUZZ_CHECK(std::size_t{e.segments.begin} + e.segments.size <= data.enterprise_segments.size());
        CHAINATLAS_FUZZ_CHECK(std::size_t{e.tags.begin} + e.tags.size <= data.tag_words.size());
        for (const auto s : data.segments_of(e)) CHAINATLAS_FUZZ_CHECK(in(s, segments));
        CHAINATLAS_FUZZ_CHECK(e.output >= 0 && e.employees >= 0);
    }
    for (const auto& supply : data.supplies) {
        CHAINATLAS_FUZZ_CHECK(in(supply.from, data.enterprises.size()) && in(supply.to, data.enterprises.size()));
        CHAINATLAS_FUZZ_CHECK(supply.from != supply.to);
        CHAINATLAS_FUZZ_CHECK(supply.weight >= 0);
    }
    for (const auto& project : data.projects) {
        CHAINATLAS_FUZZ_CHECK(in(project.county, data.counties.size()));
        CHAINATLAS_FUZZ_CHECK(in_or_none(project.park, data.parks.size()));
        CHAINATLAS_FUZZ_CHECK(in_or_none(project.enterprise, data.enterprises.size()));
        for (const auto s : project.segments) CHAINATLAS_FUZZ_CHECK(in(s, segments));
        CHAINATLAS_FUZZ_CHECK(project.investment >= 0);
    }
}

/// A refused dataset lists at least one error, and every diagnostic names a file and says what
/// is wrong; formatting it for the terminal never fails.
inline void check_refusal(const io::DatasetError& error) {
    CHAINATLAS_FUZZ_CHECK(error.error_count() > 0);
    CHAINATLAS_FUZZ_CHECK(error.diagnostics().size() <= io::kMaxDiagnostics);
    for (const auto& diagnostic : error.diagnostics()) {
        CHAINATLAS_FUZZ_CHECK(!diagnostic.file.empty());
        CHAINATLAS_FUZZ_CHECK(!diagnostic.message.empty());
        const std::string line = io::format_diagnostic(diagnostic);
        CHAINATLAS_FUZZ_CHECK(line.find(diagnostic.message) != std::string::npos);
    }
}

}  // namespace chainatlas::fuzz
