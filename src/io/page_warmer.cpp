#include <sys/mman.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <system_error>

#include "page_warmer_impl.hpp"

namespace chainatlas::io::detail {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
/// How far ahead of the loader the pages are made resident.
constexpr std::size_t kLead = std::size_t{32} << 20;

}  // namespace

PageWarmer::PageWarmer(const void* data, std::size_t bytes)
    : data_(static_cast<const char*>(data)), bytes_(bytes) {
#ifdef MADV_POPULATE_WRITE
    if (data_ == nullptr || bytes_ < kLead) return;
    try {
        thread_ = std::thread([this] { run(); });
    } catch (const std::system_error&) {
        // No thread to be had (a process limit): the loader faults its pages in itself.
    }
#endif
}

PageWarmer::~PageWarmer() {
    stop_.store(true, std::memory_order_relaxed);
    if (thread_.joinable()) thread_.join();
}

void PageWarmer::run() {
#ifdef MADV_POPULATE_WRITE
    // Whole huge pages inside the range (the arrays are advised to use them): the partial pages
    // at its ends are left to the loader.
    const auto begin = reinterpret_cast<std::uintptr_t>(data_);
    const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t end = (begin + bytes_) & ~(kHugePage - 1);
    std::uintptr_t next = first;
    while (next < end && !stop_.load(std::memory_order_relaxed)) {
        if (next + kHugePage > begin + filled_.load(std::memory_order_relaxed) + kLead) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            continue;
        }
        if (::madvise(reinterpret_cast<void*>(next), kHugePage, MADV_POPULATE_WRITE) != 0) return;
        next += kHugePage;
    }
#endif
}

}  // namespace chainatlas::io::detail
