#include "chainatlas/model/text_arena.hpp"

#include <algorithm>
#include <cstring>
#include <new>

#include "chainatlas/util/memory.hpp"

namespace chainatlas::model {

char* TextArena::new_block(std::size_t bytes) {
    constexpr std::size_t kHuge = std::size_t{2} << 20;
    char* block = nullptr;
    if (bytes >= util::kHugePageWorthy) {
        bytes = (bytes + kHuge - 1) / kHuge * kHuge;
        block = static_cast<char*>(std::aligned_alloc(kHuge, bytes));
        if (block != nullptr) util::advise_huge_pages(block, bytes);
    } else {
        block = static_cast<char*>(std::malloc(bytes));
    }
    if (block == nullptr) throw std::bad_alloc();
    blocks_.emplace_back(block);
    return block;
}

std::string_view TextArena::store(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > kLargestBlock / 4) {
        // A long text gets a block of its own, so the current block is not wasted.
        char* block = new_block(text.size());
        std::memcpy(block, text.data(), text.size());
        used_total_ += text.size();
        return {block, text.size()};
    }
    if (current_ == nullptr || block_used_ + text.size() > block_size_) {
        block_size_ = block_size_ == 0 ? kFirstBlock : std::min(block_size_ * 2, kLargestBlock);
        current_ = new_block(block_size_);
        block_used_ = 0;
    }
    char* destination = current_ + block_used_;
    std::memcpy(destination, text.data(), text.size());
    block_used_ += text.size();
    used_total_ += text.size();
    return {destination, text.size()};
}

}  // namespace chainatlas::model
