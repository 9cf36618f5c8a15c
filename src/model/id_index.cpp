#include "chainatlas/model/id_index.hpp"

#include <functional>

namespace chainatlas::model {

std::uint64_t IdIndex::hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

void IdIndex::reserve(std::size_t count) {
    ids_.reserve(count);
    std::size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    if (capacity <= slots_.size()) return;
    const std::vector<std::string_view> ids = std::move(ids_);
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    ids_.clear();
    ids_.reserve(count);
    for (const auto id : ids) insert(id);
}

void IdIndex::grow() { reserve(slots_.empty() ? 8 : slots_.size()); }

std::uint32_t IdIndex::find(std::string_view id) const {
    if (slots_.empty()) return kMissing;
    const std::uint64_t h = hash(id);
    const std::uint64_t tag = h >> 32;
    for (std::uint64_t i = h & mask_;; i = (i + 1) & mask_) {
        const std::uint64_t slot = slots_[i];
        if (slot == 0) return kMissing;
        if ((slot >> 32) == tag) {
            const auto position = static_cast<std::uint32_t>(slot & 0xFFFFFFFFU) - 1;
            if (ids_[position] == id) return position;
        }
    }
}

std::pair<std::uint32_t, bool> IdIndex::insert(std::string_view id) {
    if ((ids_.size() + 1) * 2 > slots_.size()) grow();
    const std::uint64_t h = hash(id);
    const std::uint64_t tag = h >> 32;
    for (std::uint64_t i = h & mask_;; i = (i + 1) & mask_) {
        const std::uint64_t slot = slots_[i];
        if (slot == 0) {
            const auto position = static_cast<std::uint32_t>(ids_.size());
            ids_.push_back(id);
            slots_[i] = (tag << 32) | (std::uint64_t{position} + 1);
            return {position, true};
        }
        if ((slot >> 32) == tag) {
            const auto position = static_cast<std::uint32_t>(slot & 0xFFFFFFFFU) - 1;
            if (ids_[position] == id) return {position, false};
        }
    }
}

void IdIndex::clear() {
    slots_.clear();
    ids_.clear();
    mask_ = 0;
}

}  // namespace chainatlas::model
