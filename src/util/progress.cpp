#include "chainatlas/util/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace chainatlas::util {

namespace {

using std::chrono::steady_clock;

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
constexpr std::size_t kBarWidth = 20;
constexpr std::size_t kMaxLine = 79;

/// `1,234,567`: counts are easier to read with separators.
std::string with_separators(std::uint64_t value) {
    std::string digits = std::to_string(value);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

/// `850/s`, `12.3k/s`, `1.2M/s`.
std::string format_rate(double per_second) {
    char text[32];
    if (per_second >= 1e6) {
        std::snprintf(text, sizeof text, "%.1fM/s", per_second / 1e6);
    } else if (per_second >= 1e4) {
        std::snprintf(text, sizeof text, "%.0fk/s", per_second / 1e3);
    } else if (per_second >= 1e3) {
        std::snprintf(text, sizeof text, "%.1fk/s", per_second / 1e3);
    } else {
        std::snprintf(text, sizeof text, "%.0f/s", per_second);
    }
    return text;
}

/// `7s`, `2m05s`, `1h02m`.
std::string format_duration(double seconds) {
    const auto s = static_cast<long long>(std::max(0.0, seconds) + 0.5);
    char text[32];
    if (s < 60) {
        std::snprintf(text, sizeof text, "%llds", s);
    } else if (s < 3600) {
        std::snprintf(text, sizeof text, "%lldm%02llds", s / 60, s % 60);
    } else {
        std::snprintf(text, sizeof text, "%lldh%02lldm", s / 3600, (s % 3600) / 60);
    }
    return text;
}

/// Cuts `text` to at most `bytes` bytes without splitting a UTF-8 character.
std::string cut_utf8(const std::string& text, std::size_t bytes) {
    if (text.size() <= bytes) return text;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

}  // namespace

Progress::Progress(std::string label, std::uint64_t total)
    : Progress(std::move(label), total, std::cerr, progress_wanted()) {}

Progress::Progress(std::string label, std::uint64_t total, std::ostream& out, bool enabled,
                   Clock clock)
    : label_(std::move(label)),
      total_(total),
      out_(&out),
      enabled_(enabled),
      clock_(std::move(clock)) {
    if (!clock_) clock_ = [] { return steady_clock::now(); };
    if (!enabled_) return;
    start_ = last_draw_ = clock_();
    next_check_ = 1;
}

Progress::~Progress() { finish(); }

void Progress::relabel(std::string label) { label_ = std::move(label); }

void Progress::begin_step(std::string label) {
    label_ = std::move(label);
    if (enabled_) draw(clock_());
}

void Progress::finish() {
    if (drawn_) *out_ << "\r\033[K" << std::flush;
    drawn_ = false;
    enabled_ = false;
    next_check_ = std::numeric_limits<std::uint64_t>::max();
}

void Progress::check_clock() {
    // A coarse total (171 segments) is looked at on every step, a fine one (a million rows)
    // every 4096: either way about a thousand clock reads over the whole run at most.
    const std::uint64_t step =
        total_ == 0 ? kCheckEvery : std::clamp<std::uint64_t>(total_ / 1000, 1, kCheckEvery);
    next_check_ = count_ + step;
    const auto now = clock_();
    if (now - last_draw_ >= kRedrawInterval) draw(now);
}

void Progress::draw(steady_clock::time_point now) {
    last_draw_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    *out_ << '\r' << render_line(label_, count_, total_, seconds) << "\033[K" << std::flush;
    drawn_ = true;
}

std::string Progress::render_line(const std::string& label, std::uint64_t count,
                                  std::uint64_t total, double seconds) {
    std::string tail;
    if (total > 0) {
        const std::uint64_t shown = std::min(count, total);
        const auto filled = static_cast<std::size_t>(shown * kBarWidth / total);
        char percent[8];
        std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(shown * 100 / total));
        tail = " [" + std::string(filled, '#') + std::string(kBarWidth - filled, '-') + "] " +
               percent + "  " + with_separators(count) + "/" + with_separators(total);
    } else {
        tail = "  " + with_separators(count);
    }
    if (seconds > 0.0 && count > 0) {
        const double rate = static_cast<double>(count) / seconds;
        tail += "  " + format_rate(rate);
        if (total > count)
            tail += "  ETA " + format_duration(static_cast<double>(total - count) / rate);
    }
    const std::size_t room = tail.size() < kMaxLine ? kMaxLine - tail.size() : 0;
    return cut_utf8(label, room) + tail;
}

bool progress_wanted() {
    const char* off = std::getenv("CHAINATLAS_NO_PROGRESS");
    if (off != nullptr) return false;
    return isatty(fileno(stderr)) != 0;
}

}  // namespace chainatlas::util
