#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

namespace chainatlas::model {

/// Append-only storage for the text of a dataset. Stored text never moves, so views into it
/// stay valid for the arena's lifetime. Blocks are filled in order and grow from 64 KiB (a
/// small dataset stays small) to 4 MiB, and the big ones are 2 MiB-aligned and backed by huge
/// pages (util::advise_huge_pages): a million enterprises' ids and names then cost a dozen
/// allocations and few page faults instead of a million allocations.
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
    static constexpr std::size_t kFirstBlock = std::size_t{64} << 10;
    static constexpr std::size_t kLargestBlock = std::size_t{4} << 20;
    struct Free {
        void operator()(char* p) const { std::free(p); }
    };
    char* new_block(std::size_t bytes);

    std::vector<std::unique_ptr<char[], Free>> blocks_;
    char* current_ = nullptr;  // the block being filled
    std::size_t block_size_ = 0;
    std::size_t block_used_ = 0;
    std::size_t used_total_ = 0;
};

}  // namespace chainatlas::model
