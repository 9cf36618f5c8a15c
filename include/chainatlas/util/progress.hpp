#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <ostream>
#include <string>

/// A progress bar for long loads, analyses and exports.
///
///   util::Progress progress("loading enterprises", rows);  // total 0 when unknown
///   for (...) { ...; progress.advance(); }                 // cheap: call it per record
///   progress.finish();                                     // clears the line (so does ~Progress)
///
/// On stderr, and only when stderr is a terminal and CHAINATLAS_NO_PROGRESS is not set;
/// otherwise (CI, pipes, redirected output) it writes nothing at all. The bar holds the label,
/// a bar and percentage (when the total is known), the count, the rate and the time left:
///
///   exporting graphml [##########----------]  50%  1,500,000/3,000,000  1.2M/s  ETA 1s
///
/// It is redrawn at most 10 times a second, in place (`\r`), and `advance` looks at the clock
/// only every total/1000 counts (between 1 and 4096; 4096 when the total is unknown), so calling
/// it for each of a million records costs an add and a compare. One Progress belongs to one
/// thread.
namespace chainatlas::util {

class Progress {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    /// A bar on stderr, shown when `progress_wanted()`.
    Progress(std::string label, std::uint64_t total);
    /// A bar on `out`, shown when `enabled` (for tests: a string stream and a fake clock).
    Progress(std::string label, std::uint64_t total, std::ostream& out, bool enabled,
             Clock clock = {});
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    ~Progress();

    /// Counts `n` more done records; redraws when 100 ms have passed since the last drawing.
    void advance(std::uint64_t n = 1) {
        count_ += n;
        if (count_ >= next_check_) check_clock();
    }
    /// Starts a new step under another label, keeping the count (e.g. one file after another).
    void relabel(std::string label);
    /// Starts a step that is one long call (a library's algorithm) under another label, and
    /// draws the bar at once: nothing is counted until the step ends with `advance()`, and the
    /// line should say what the program is busy with meanwhile.
    void begin_step(std::string label);
    /// Clears the bar's line; later calls to `advance` draw nothing. Called by the destructor.
    void finish();

    [[nodiscard]] std::uint64_t count() const { return count_; }
    [[nodiscard]] bool enabled() const { return enabled_; }

    /// The line drawn for `count` of `total` after `seconds` (no `\r`), at most 79 columns wide.
    static std::string render_line(const std::string& label, std::uint64_t count,
                                   std::uint64_t total, double seconds);

    /// How often, at most, `advance` looks at the clock, in counts.
    static constexpr std::uint64_t kCheckEvery = 4096;

private:
    void check_clock();
    void draw(std::chrono::steady_clock::time_point now);

    std::string label_;
    std::uint64_t total_ = 0;
    std::uint64_t count_ = 0;
    std::uint64_t next_check_ = std::numeric_limits<std::uint64_t>::max();
    std::ostream* out_;
    bool enabled_ = false;
    bool drawn_ = false;
    Clock clock_;
    std::chrono::steady_clock::time_point start_, last_draw_;
};

/// True when stderr is a terminal and the environment variable CHAINATLAS_NO_PROGRESS is unset.
bool progress_wanted();

}  // namespace chainatlas::util
