#include "chainatlas/model/id_index.hpp"

#include <algorithm>
#include <cstring>

#include "chainatlas/util/memory.hpp"

namespace chainatlas::model {

namespace {

std::uint64_t load64(const char* p) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, 8);
    return word;
}

std::uint64_t load32(const char* p) {
    std::uint32_t word = 0;
    std::memcpy(&word, p, 4);
    return word;
}

/// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
std::uint64_t finalize(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

}  // namespace

// Inline in this file rather than std::hash (an out-of-line call per id, a few percent of
// loading a registry): ids are short, so one or two word loads and a finalizer suffice. Table
// positions and tags come from different bits, which the finalizer mixes evenly.
std::uint64_t IdIndex::hash(std::string_view id) {
    constexpr std::uint64_t k1 = 0x9e3779b97f4a7c15ULL;
    constexpr std::uint64_t k2 = 0xc2b2ae3d27d4eb4fULL;
    const char* p = id.data();
    const std::size_t n = id.size();
    std::uint64_t h = n * k1;
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8) h = (h ^ (load64(p + i) * k2)) * k1;
        h ^= load64(p + n - 8) * k2;
    } else if (n >= 4) {
        h ^= (load32(p) << 32 | load32(p + n - 4)) * k2;
    } else if (n > 0) {
        const auto byte = [&](std::size_t i) {
            return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i]));
        };
        h ^= (byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1)) * k2;
    }
    return finalize(h);
}

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

/// Ids of at most this many bytes are kept in the slot itself, in the bytes of its text
/// pointer, zero-padded: a probe then compares without reading the id's text elsewhere in
/// memory (one wait for memory per look-up in a big table instead of two).
constexpr std::size_t kInline = sizeof(const char*);

std::uint64_t inline_bytes(std::string_view id) {
    char bytes[kInline] = {};
    if (!id.empty()) std::memcpy(bytes, id.data(), id.size());
    std::uint64_t word = 0;
    std::memcpy(&word, bytes, kInline);
    return word;
}

}  // namespace

bool IdIndex::holds(const Slot& slot, std::uint16_t tag, std::string_view id) const {
    if (slot.tag != tag) return false;
    if (slot.length == kLongId) return ids_[slot.position] == id;
    if (slot.length != id.size()) return false;
    if (id.size() <= kInline) {
        std::uint64_t stored = 0;
        std::memcpy(&stored, &slot.text, kInline);
        return stored == inline_bytes(id);
    }
    return same_bytes(slot.text, id.data(), id.size());
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
            if (slot.position != kMissing && slot.length > kInline) __builtin_prefetch(slot.text);
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

void IdIndex::prefetch(std::string_view id) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash(id) & mask_]);
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
            if (id.size() <= kInline) {
                const std::uint64_t word = inline_bytes(id);
                std::memcpy(&slot.text, &word, kInline);
            }
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
