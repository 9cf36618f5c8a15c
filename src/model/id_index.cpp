#include "chainatlas/model/id_index.hpp"

#include "chainatlas/util/memory.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

namespace chainatlas::model {

std::uint64_t IdIndex::hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

namespace {

/// Byte equality of two texts of the same length `n`, inline for the short texts ids are (a
/// call to memcmp per probe showed in the loader's profile).
bool same_bytes(const char* a, const char* b, std::size_t n) {
    if (n >= 8 && n <= 16) {
        std::uint64_t a1 = 0, a2 = 0, b1 = 0, b2 = 0;
        std::memcpy(&a1, a, 8);
        std::memcpy(&b1, b, 8);
        std::memcpy(&a2, a + n - 8, 8);
        std::memcpy(&b2, b + n - 8, 8);
        return ((a1 ^ b1) | (a2 ^ b2)) == 0;
    }
    if (n >= 4 && n < 8) {
        std::uint32_t a1 = 0, a2 = 0, b1 = 0, b2 = 0;
        std::memcpy(&a1, a, 4);
        std::memcpy(&b1, b, 4);
        std::memcpy(&a2, a + n - 4, 4);
        std::memcpy(&b2, b + n - 4, 4);
        return ((a1 ^ b1) | (a2 ^ b2)) == 0;
    }
    if (n < 4) {
        for (std::size_t i = 0; i < n; ++i) {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
    return std::memcmp(a, b, n) == 0;
}

}  // namespace

bool IdIndex::holds(const Slot& slot, std::uint16_t tag, std::string_view id) const {
    if (slot.tag != tag) return false;
    if (slot.length == kLongId) return ids_[slot.position] == id;
    return slot.length == id.size() && same_bytes(slot.text, id.data(), id.size());
}

void IdIndex::reserve(std::size_t count) {
    std::size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    if (capacity <= slots_.size()) {
        util::reserve_huge(ids_, count);
        return;
    }
    const std::vector<std::string_view> ids = std::move(ids_);
    slots_ = {};
    util::reserve_huge(slots_, capacity);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    ids_ = {};
    util::reserve_huge(ids_, std::max(count, ids.size()));
    for (const auto id : ids) insert(id);
}

void IdIndex::grow() { reserve(slots_.empty() ? 8 : slots_.size()); }

std::uint32_t IdIndex::find(std::string_view id) const {
    if (slots_.empty()) return kMissing;
    const std::uint64_t h = hash(id);
    const std::uint16_t tag = tag_of(h);
    for (std::uint64_t i = h & mask_;; i = (i + 1) & mask_) {
        const Slot& slot = slots_[i];
        if (slot.position == kMissing) return kMissing;
        if (holds(slot, tag, id)) return slot.position;
    }
}

void IdIndex::find_batch(std::span<const std::string_view> ids, std::span<std::uint32_t> positions) const {
    if (slots_.empty()) {
        for (auto& position : positions) position = kMissing;
        return;
    }
    // Three stages, `kAhead` ids apart: hash and prefetch the home slot; read the (now cached)
    // slot and prefetch the text it points to; compare. Each id still takes the plain probe
    // loop, so a miss or a collision chain costs what `find` costs.
    constexpr std::size_t kAhead = 8;
    constexpr std::size_t kRing = 4 * kAhead;  // a power of two > 2 * kAhead
    std::uint64_t hashes[kRing];
    const std::size_t n = ids.size();
    for (std::size_t i = 0; i < n + 2 * kAhead; ++i) {
        if (i < n) {
            hashes[i % kRing] = hash(ids[i]);
            __builtin_prefetch(&slots_[hashes[i % kRing] & mask_]);
        }
        if (i >= kAhead && i - kAhead < n) {
            const Slot& slot = slots_[hashes[(i - kAhead) % kRing] & mask_];
            if (slot.position != kMissing) __builtin_prefetch(slot.text);
        }
        if (i >= 2 * kAhead && i - 2 * kAhead < n) {
            const std::size_t k = i - 2 * kAhead;
            const std::uint64_t h = hashes[k % kRing];
            const std::uint16_t tag = tag_of(h);
            std::uint32_t found = kMissing;
            for (std::uint64_t s = h & mask_;; s = (s + 1) & mask_) {
                const Slot& slot = slots_[s];
                if (slot.position == kMissing) break;
                if (holds(slot, tag, ids[k])) {
                    found = slot.position;
                    break;
                }
            }
            positions[k] = found;
        }
    }
}

std::pair<std::uint32_t, bool> IdIndex::insert(std::string_view id) {
    if ((ids_.size() + 1) * 2 > slots_.size()) grow();
    const std::uint64_t h = hash(id);
    const std::uint16_t tag = tag_of(h);
    for (std::uint64_t i = h & mask_;; i = (i + 1) & mask_) {
        Slot& slot = slots_[i];
        if (slot.position == kMissing) {
            const auto position = static_cast<std::uint32_t>(ids_.size());
            ids_.push_back(id);
            slot = Slot{id.data(), position, tag, static_cast<std::uint16_t>(std::min<std::size_t>(id.size(), kLongId))};
            return {position, true};
        }
        if (holds(slot, tag, id)) return {slot.position, false};
    }
}

void IdIndex::renumber(std::span<const std::uint32_t> new_position) {
    for (auto& slot : slots_) {
        if (slot.position != kMissing) slot.position = new_position[slot.position];
    }
    std::vector<std::string_view> ids(ids_.size());
    for (std::size_t p = 0; p < ids_.size(); ++p) ids[new_position[p]] = ids_[p];
    ids_ = std::move(ids);
}

void IdIndex::clear() {
    slots_.clear();
    ids_.clear();
    mask_ = 0;
}

}  // namespace chainatlas::model
