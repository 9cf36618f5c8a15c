#pragma once

// Faults in the pages of a big record array on the other core while the loader fills it.
// Fresh memory costs the kernel a page fault and a page of zeroes at first touch; for the
// hundreds of MB of a registry's arrays that was a fifth of loading (docs/PERFORMANCE.md).
// The warmer asks the kernel to populate the pages (madvise MADV_POPULATE_WRITE), which leaves
// their contents alone, so it never races with the loader's writes; it stays a bounded distance
// ahead of what the loader has filled, so that room reserved from an estimate is not all made
// resident. Where the kernel lacks the call, it does nothing: the loader is correct without it.

#include <atomic>
#include <cstddef>
#include <thread>

namespace chainatlas::io::detail {

class PageWarmer {
public:
    /// Starts warming [data, data + bytes).
    PageWarmer(const void* data, std::size_t bytes);
    PageWarmer(const PageWarmer&) = delete;
    PageWarmer& operator=(const PageWarmer&) = delete;
    /// Stops and waits for the thread: call before the array moves or is freed.
    ~PageWarmer();

    /// The loader has filled the first `bytes` bytes.
    void filled(std::size_t bytes) { filled_.store(bytes, std::memory_order_relaxed); }

private:
    void run();

    const char* data_;
    std::size_t bytes_;
    std::atomic<std::size_t> filled_{0};
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace chainatlas::io::detail
