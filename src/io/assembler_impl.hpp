#pragma once

// Turns flat records from any file of a dataset into one model::Dataset, checking every rule of
// DATA-FORMAT.md on the way and collecting every problem. References may point forward (a chain
// names its leaders before the enterprises section): the first mention of an id reserves its
// slot, its definition fills it, and `finish` reports the ids that were never defined.

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chainatlas/io/diagnostic.hpp"
#include "chainatlas/model/dataset.hpp"
#include "flat_record_impl.hpp"
#include "page_warmer_impl.hpp"

namespace chainatlas::io::detail {

/// Collects diagnostics in the order of the records they concern.
class DiagnosticSink {
public:
    void add(Severity severity, const std::string& file, std::string location, std::string message,
             std::uint64_t order);
    [[nodiscard]] bool has_errors() const { return errors_ > 0; }
    /// All diagnostics, sorted by file order and record order.
    std::vector<Diagnostic> take_sorted();
    [[nodiscard]] std::size_t suppressed() const { return suppressed_; }

private:
    struct Entry {
        std::uint64_t order;
        Diagnostic diagnostic;
    };
    std::vector<Entry> entries_;
    std::size_t errors_ = 0;
    std::size_t suppressed_ = 0;
};

class DatasetAssembler {
public:
    DatasetAssembler();

    /// Readers show a progress bar per file (util::Progress, on a terminal only).
    bool show_progress = false;

    /// Starts reading a file; later records come from it. `csv_columns` maps the header of a
    /// CSV file (key → 1-based column); empty for JSON.
    void begin_file(const std::string& display_name, bool is_csv);
    /// The next file is a fragment: only enterprises, supplies and projects may appear in it.
    void begin_fragment() { next_is_fragment_ = true; }
    /// No file has been begun yet: the assembler can still be replaced by a fresh one.
    [[nodiscard]] bool fresh() const { return files_.empty(); }
    /// `reading enterprises.csv`: the progress bar's label for the file being read.
    [[nodiscard]] std::string progress_label() const {
        return "reading " + std::filesystem::path(files_.back()).filename().string();
    }
    [[nodiscard]] bool in_fragment() const { return in_fragment_; }
    void set_csv_columns(std::map<std::string, std::size_t, std::less<>> columns);

    /// Reports a problem with the file itself (syntax, encoding) at `location`.
    void file_error(const std::string& location, const std::string& message);
    /// A problem that stopped the file from being read at all (syntax, encoding, not an
    /// object): the checks that need the whole file are then skipped.
    void fatal_file_error(const std::string& location, const std::string& message);
    void file_warning(const std::string& location, const std::string& message);

    void read_format(const FlatRecord& record);
    void read_region(const FlatRecord& record);
    void read_county(const FlatRecord& record);
    void read_park(const FlatRecord& record);
    void read_chain(const nlohmann::json& chain, const std::string& pointer);
    void read_cross_link(const FlatRecord& record);
    void read_enterprise(const FlatRecord& record);
    void read_supply(const FlatRecord& record);
    void read_project(const FlatRecord& record);
    /// A top-level key that is not a section of the format.
    void unknown_section(const std::string& key);
    /// A section whose value has the wrong JSON type. The section counts as present: a region
    /// of the wrong type is not also reported missing.
    void wrong_section_type(const std::string& key, std::string_view expected, std::string_view found);
    /// A record of a section that is not an object, at `pointer` (such as "/enterprises/0").
    void wrong_record_type(const std::string& pointer, std::string_view expected,
                           std::string_view found);

    /// Checks what needs the whole dataset, then returns it, or throws DatasetError with every
    /// problem found.
    model::Dataset finish(std::vector<Diagnostic>& warnings);

    model::Dataset& dataset() { return data_; }
    /// Expected number of records in a section (from a quick count of CSV lines), to size tables.
    void expect(model::Section section, std::size_t count);
    void expect_supplies(std::size_t count);
    /// The enterprise `id` is about to be read: start fetching its slot (IdIndex::prefetch).
    void prefetch_enterprise(std::string_view id) const {
        tables_[static_cast<std::size_t>(model::Section::enterprise)].ids.prefetch(id);
    }
    /// A JSON file of this many bytes is about to be read: size the big tables from it.
    void expect_json_bytes(std::size_t bytes);
    /// Stops the background work on the record arrays (before the assembler is replaced).
    void stop_warming();

private:
    struct FieldReader;
    struct PendingRef {
        model::Section section;
        model::Index slot;
        std::string file;
        std::string location;
        std::uint64_t order;
    };
    struct SectionTable {
        model::IdIndex ids;
        std::vector<bool> defined;
        std::vector<std::string> first_location;  // small sections only
        std::vector<model::Index> rank;           // order of definition, per slot
        model::Index defined_count = 0;
    };
    struct UnknownKey {
        std::string file, first_location;
        std::size_t count = 0;
        std::uint64_t order = 0;
    };

    FieldReader reader(const FlatRecord& record);
    std::optional<int> read_year(const FieldReader& fields);
    void error(const std::string& location, std::string message);
    void warning(const std::string& location, std::string message);
    void note_unknown_keys(const FlatRecord& record, std::string_view section,
                           std::initializer_list<std::string_view> known);

    // `where` is the place of the id in its file: a string, or a callable returning one (called
    // only when a message or a pending reference needs it).
    template <typename Where>
    bool check_id(std::string_view id, const Where& where);
    /// The slot of `id` in `section`, reserving one when the id has not been seen yet.
    template <typename Where>
    model::Index reference(model::Section section, std::string_view id, const Where& where);
    /// Defines `id` in `section`; returns kNoIndex (after reporting) for a duplicate.
    template <typename Where>
    model::Index define(model::Section section, std::string_view id, const Where& where);
    model::Index reserve_slot(model::Section section, std::string_view id);
    std::string suggestion(model::Section section, std::string_view id) const;

    /// Resolves the enterprise ids of the supplies read since the last call, in one batch.
    void resolve_supplies();

    void check_links();
    void check_unresolved();
    void check_parks_of_enterprises();
    /// Returns false (and changes nothing) when every section is already in file order.
    bool restore_definition_order();

    model::Dataset data_;
    DiagnosticSink sink_;
    std::array<SectionTable, 6> tables_;
    std::vector<PendingRef> pending_;
    std::map<std::pair<std::string, std::string>, UnknownKey> unknown_keys_;
    std::vector<std::string> files_;
    std::map<std::string, std::size_t, std::less<>> csv_columns_;
    bool current_is_csv_ = false;
    std::uint64_t order_ = 0;  // file index in the high bits, record number in the low bits
    std::uint64_t sub_order_ = 0;  // problems within one record, in the order of its fields
    bool fatal_ = false;
    bool next_is_fragment_ = false;
    bool in_fragment_ = false;
    bool saw_format_ = false;
    bool saw_region_ = false;
    struct LinkPlace {
        model::Index chain;
        std::size_t link;
        std::string file, from_location, to_location;
        std::uint64_t order;
    };
    std::vector<LinkPlace> link_places_;
    struct CrossPlace {
        std::size_t link;
        std::string file, location;
        std::uint64_t order;
    };
    std::vector<CrossPlace> cross_places_;
    struct SegmentPlace {
        std::string file, location;
        std::uint64_t order;
    };
    std::vector<SegmentPlace> segment_places_;
    struct EnterprisePlace {
        std::uint32_t file;
        std::uint32_t position;  // JSON array index or CSV line
        std::uint64_t order;
    };
    std::vector<EnterprisePlace> enterprise_places_;
    std::vector<std::map<std::string, std::size_t, std::less<>>> file_columns_;
    /// A supply whose two enterprise ids are not resolved yet. Supplies are most of a registry
    /// and each names two enterprises; resolving them in batches lets the id table overlap its
    /// memory accesses (IdIndex::find_batch) instead of waiting for each in turn.
    struct DeferredSupply {
        std::uint64_t order;  // order_ * 256 of the record
        std::uint32_t supply;
        std::uint32_t file;
        std::uint32_t position;  // CSV line or JSON array index
        std::size_t from_offset, to_offset;  // into deferred_text_
        std::size_t from_length, to_length;
        std::uint16_t from_column, to_column;  // CSV only
        std::uint8_t from_sub, to_sub;
    };
    static constexpr std::size_t kSupplyBatch = 1 << 15;
    std::vector<DeferredSupply> deferred_supplies_;
    std::string deferred_text_;
    std::vector<std::string_view> batch_views_;
    std::vector<std::uint32_t> batch_positions_;
    std::vector<std::string_view> scratch_views_;
    std::vector<model::Index> scratch_indices_;

    /// Room for `count` more enterprises (or supplies), their pages warmed on the other core.
    void reserve_enterprises(std::size_t count);
    void reserve_supplies(std::size_t count);
    // Declared last, so destroyed first: the threads stop before the arrays they warm are freed.
    std::unique_ptr<PageWarmer> enterprise_warmer_, supply_warmer_;
};

}  // namespace chainatlas::io::detail
