#include "chainatlas/model/text_arena.hpp"

#include <cstring>

namespace chainatlas::model {

std::string_view TextArena::store(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > kBlockSize / 4) {
        // A long text gets a block of its own, so the current block is not wasted.
        auto block = std::make_unique<char[]>(text.size());
        std::memcpy(block.get(), text.data(), text.size());
        const std::string_view stored(block.get(), text.size());
        // Keep the filling block last: insert the big one before it.
        blocks_.insert(blocks_.empty() ? blocks_.end() : blocks_.end() - 1, std::move(block));
        used_total_ += text.size();
        return stored;
    }
    if (block_used_ + text.size() > kBlockSize) {
        blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlockSize));
        block_used_ = 0;
    }
    char* destination = blocks_.back().get() + block_used_;
    std::memcpy(destination, text.data(), text.size());
    block_used_ += text.size();
    used_total_ += text.size();
    return {destination, text.size()};
}

}  // namespace chainatlas::model
