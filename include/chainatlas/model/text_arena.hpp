#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace chainatlas::model {

/// Append-only storage for the text of a dataset. Stored text never moves, so views into it
/// stay valid for the arena's lifetime. Blocks are large (1 MiB) and filled in order, which
/// keeps a million short names in a few hundred allocations instead of a million.
class TextArena {
public:
    TextArena() = default;
    TextArena(const TextArena&) = delete;
    TextArena& operator=(const TextArena&) = delete;

    /// Copies `text` into the arena and returns a view of the copy. Empty text costs nothing.
    std::string_view store(std::string_view text);

    /// Bytes held, for memory accounting.
    [[nodiscard]] std::size_t bytes_used() const { return used_total_; }

private:
    static constexpr std::size_t kBlockSize = 1 << 20;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t block_used_ = kBlockSize;
    std::size_t used_total_ = 0;
};

}  // namespace chainatlas::model
