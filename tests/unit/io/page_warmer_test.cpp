#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <memory>

#include "../../../src/io/page_warmer_impl.hpp"

namespace chainatlas::io::detail {
namespace {

constexpr std::size_t kPage = 4096;

TEST(PageWarmer, LeavesWhatTheLoaderWritesUnchanged) {
    // The loader writes while the warmer makes the pages ahead resident: every byte written
    // must read back, whichever of the two touched a page first.
    constexpr std::size_t kBytes = std::size_t{80} << 20;
    const std::unique_ptr<char[]> buffer(new char[kBytes]);
    {
        PageWarmer warmer(buffer.get(), kBytes);
        for (std::size_t at = 0; at < kBytes; at += kPage) {
            buffer[at] = static_cast<char>(at / kPage);
            warmer.filled(at + 1);
        }
    }
    std::size_t wrong = 0;
    for (std::size_t at = 0; at < kBytes; at += kPage)
        wrong += buffer[at] != static_cast<char>(at / kPage);
    EXPECT_EQ(wrong, 0U);
}

TEST(PageWarmer, StopsWhenDestroyedBeforeTheArrayIsFilled) {
    // Destroyed with nothing filled (an assembler replaced after a failed fast reading): the
    // thread, waiting for the loader, must end at once.
    constexpr std::size_t kBytes = std::size_t{256} << 20;
    const std::unique_ptr<char[]> buffer(new char[kBytes]);
    const auto start = std::chrono::steady_clock::now();
    { PageWarmer warmer(buffer.get(), kBytes); }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
}

TEST(PageWarmer, SmallOrMissingArraysNeedNoThread) {
    char small[kPage] = {};
    { PageWarmer warmer(small, sizeof small); }
    { PageWarmer warmer(nullptr, std::size_t{1} << 30); }
    EXPECT_EQ(small[0], 0);
}

}  // namespace
}  // namespace chainatlas::io::detail
