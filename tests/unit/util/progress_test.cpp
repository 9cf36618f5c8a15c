#include "chainatlas/util/progress.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

namespace chainatlas::util {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

/// A clock that moves only when told to, counting how often it is read.
struct FakeClock {
    steady_clock::time_point now{};
    int reads = 0;
    Progress::Clock function() {
        return [this] {
            ++reads;
            return now;
        };
    }
};

std::size_t count_of(const std::string& text, std::string_view piece) {
    std::size_t n = 0;
    for (auto at = text.find(piece); at != std::string::npos; at = text.find(piece, at + 1)) ++n;
    return n;
}

TEST(Progress, WritesNothingWhenNotEnabled) {
    std::ostringstream screen;
    FakeClock clock;
    {
        Progress progress("exporting graphml", 1000000, screen, false, clock.function());
        for (int i = 0; i < 1000000; ++i) {
            progress.advance();
            clock.now += milliseconds(1);
        }
        EXPECT_EQ(progress.count(), 1000000U);
        progress.finish();
    }
    EXPECT_EQ(screen.str(), "");
    EXPECT_EQ(clock.reads, 0);
}

TEST(Progress, DrawsLabelBarPercentCountRateAndEtaInPlaceThenClearsTheLine) {
    std::ostringstream screen;
    FakeClock clock;
    Progress progress("exporting graphml", 1000, screen, true, clock.function());
    clock.now += milliseconds(500);
    progress.advance(250);
    EXPECT_EQ(screen.str(),
              "\rexporting graphml [#####---------------]  25%  250/1,000  500/s  ETA 2s\033[K");
    progress.finish();
    EXPECT_EQ(screen.str().substr(screen.str().size() - 4), "\r\033[K");
    progress.advance(500);  // after finish: nothing more
    EXPECT_EQ(count_of(screen.str(), "\r"), 2U);
}

TEST(Progress, RedrawsAtMostTenTimesASecond) {
    std::ostringstream screen;
    FakeClock clock;
    Progress progress("loading enterprises", 10000, screen, true, clock.function());
    for (int i = 0; i < 10000; ++i) {
        clock.now += milliseconds(1);  // 10 s in all
        progress.advance();
    }
    const auto draws = count_of(screen.str(), "\033[K");
    EXPECT_GE(draws, 95U);
    EXPECT_LE(draws, 100U);
}

TEST(Progress, LooksAtTheClockOnlyEvery4096CountsOnLargeTotals) {
    std::ostringstream screen;
    FakeClock clock;
    Progress progress("exporting json", 100000000, screen, true, clock.function());
    const int reads_at_start = clock.reads;
    for (int i = 0; i < 4096 * 10; ++i) progress.advance();
    EXPECT_LE(clock.reads - reads_at_start, 11);
    EXPECT_GE(clock.reads - reads_at_start, 10);
}

TEST(Progress, NeverDrawsWhenFinishedBeforeATenthOfASecond) {
    std::ostringstream screen;
    FakeClock clock;
    {
        Progress progress("quick", 10, screen, true, clock.function());
        for (int i = 0; i < 10; ++i) progress.advance();
    }  // the destructor finishes
    EXPECT_EQ(screen.str(), "");
}

TEST(Progress, BeginStepDrawsTheNewLabelAtOnceAndCountsNothing) {
    std::ostringstream screen;
    FakeClock clock;
    Progress progress("clusters", 3, screen, true, clock.function());
    progress.begin_step("clusters: supply network (communities: Leiden)");
    EXPECT_EQ(screen.str(), "\rclusters: supply network (communities: Leiden) [--------------------]   0%  0/3\033[K");
    clock.now += milliseconds(2000);
    progress.advance();
    progress.begin_step("clusters: places");
    EXPECT_NE(screen.str().find("\rclusters: places [######--------------]  33%  1/3"), std::string::npos);
    EXPECT_EQ(progress.count(), 1U);
}

TEST(Progress, BeginStepWritesNothingWhenNotEnabled) {
    std::ostringstream screen;
    Progress progress("clusters", 3, screen, false);
    progress.begin_step("clusters: places");
    progress.advance();
    EXPECT_EQ(screen.str(), "");
}

TEST(ProgressLine, UnknownTotalShowsCountAndRateOnly) {
    EXPECT_EQ(Progress::render_line("reading", 1234567, 0, 1.0), "reading  1,234,567  1.2M/s");
    EXPECT_EQ(Progress::render_line("reading", 0, 0, 0.0), "reading  0");
}

TEST(ProgressLine, LongEtasUseMinutesAndHoursAndCountsPastTheTotalStopAt100) {
    EXPECT_EQ(Progress::render_line("x", 100, 100000, 1.0),
              "x [--------------------]   0%  100/100,000  100/s  ETA 16m39s");
    EXPECT_EQ(Progress::render_line("x", 1, 10000, 1.0),
              "x [--------------------]   0%  1/10,000  1/s  ETA 2h46m");
    EXPECT_EQ(Progress::render_line("x", 1200, 1000, 2.0), "x [####################] 100%  1,200/1,000  600/s");
    // A bar of a few steps has no rate.
    EXPECT_EQ(Progress::render_line("x", 12, 10, 2.0), "x [####################] 100%  12/10");
}

TEST(ProgressLine, LongLabelsAreCutToFitEightyColumnsWithoutSplittingACharacter) {
    const std::string label(100, 'a');
    EXPECT_LE(Progress::render_line(label, 5, 10, 1.0).size(), 79U);
    std::string chinese;
    for (int i = 0; i < 30; ++i) chinese += "企";
    const auto line = Progress::render_line(chinese, 5, 10, 1.0);
    EXPECT_LE(line.size(), 79U);
    const auto label_bytes = line.find(" [");
    EXPECT_GT(label_bytes, 0U);
    EXPECT_EQ(label_bytes % 3, 0U);  // whole characters only
    EXPECT_EQ(line.substr(0, label_bytes), chinese.substr(0, label_bytes));
}

TEST(ProgressWanted, IsOffWhenChainatlasNoProgressIsSet) {
    ::setenv("CHAINATLAS_NO_PROGRESS", "1", 1);
    EXPECT_FALSE(progress_wanted());
    ::unsetenv("CHAINATLAS_NO_PROGRESS");
}

}  // namespace
}  // namespace chainatlas::util
