#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace chainatlas::model {

/// Maps the ids of one section to their positions (0, 1, 2, ... in insertion order).
///
/// An open-addressing table with linear probing, at most half full. Each 16-byte slot holds the
/// id's text (an id of up to 8 bytes in the slot itself, a longer one by pointer), its length,
/// a 16-bit hash tag and the position, so that a probe touches the slot and, for a long id
/// whose tag matches, its text: one or two memory accesses, not three.
/// Loading a registry is mostly such look-ups into a table far bigger than the caches, so
/// their cost is memory latency; `find_batch` hides most of it by prefetching the slots and
/// texts of the next ids while comparing the current ones (docs/PERFORMANCE.md has the
/// figures). The viewed text must outlive the index.
class IdIndex {
public:
    static constexpr std::uint32_t kMissing = 0xFFFFFFFFU;

    void reserve(std::size_t count);
    /// The position of `id`, or kMissing.
    [[nodiscard]] std::uint32_t find(std::string_view id) const;
    /// `positions[i] = find(ids[i])` for every i, with the memory accesses overlapped.
    void find_batch(std::span<const std::string_view> ids, std::span<std::uint32_t> positions) const;
    /// Asks the processor to fetch the slot where `id` belongs, so that a `find` or `insert` of
    /// it a few records later does not wait for memory (a reader looking ahead at the ids of the
    /// next rows). Only a hint: it changes nothing.
    void prefetch(std::string_view id) const;
    /// Adds `id` at position size() unless present; returns its position and whether it was added.
    std::pair<std::uint32_t, bool> insert(std::string_view id);
    /// Moves every id from position p to position new_position[p] (a permutation of 0..size-1),
    /// in one sweep over the table instead of re-inserting every id.
    void renumber(std::span<const std::uint32_t> new_position);
    [[nodiscard]] std::size_t size() const { return ids_.size(); }
    [[nodiscard]] std::string_view id(std::uint32_t position) const { return ids_[position]; }
    void clear();

private:
    struct Slot {
        const char* text = nullptr;
        std::uint32_t position = kMissing;  // kMissing: an empty slot
        std::uint16_t tag = 0;
        std::uint16_t length = 0;
    };
    static_assert(sizeof(Slot) == 16);

    static std::uint64_t hash(std::string_view id);
    static std::uint16_t tag_of(std::uint64_t h) { return static_cast<std::uint16_t>(h >> 48); }
    /// Ids of kLongId bytes or more are compared through ids_ (one more memory access).
    static constexpr std::uint16_t kLongId = 0xFFFFU;
    [[nodiscard]] bool holds(const Slot& slot, std::uint16_t tag, std::string_view id) const;
    void grow();

    std::vector<Slot> slots_;
    std::vector<std::string_view> ids_;
    std::uint64_t mask_ = 0;
};

}  // namespace chainatlas::model
