#include "chainatlas/io/write_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "chainatlas/error.hpp"

namespace chainatlas::io {
namespace {

namespace fs = std::filesystem;

/// A fresh folder for one test, removed afterwards.
class WriteFileAtomically : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = fs::temp_directory_path() /
                  ("chainatlas-write-" + std::to_string(::getpid()) + "-" +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(folder_);
        fs::create_directories(folder_);
    }
    void TearDown() override { fs::remove_all(folder_); }

    [[nodiscard]] static std::string read(const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    /// The names in the folder, to find a temporary file left behind.
    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& entry : fs::directory_iterator(folder_)) out.push_back(entry.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }

    fs::path folder_;
};

TEST_F(WriteFileAtomically, ReplacesTheFileWithWhatWasWritten) {
    const fs::path path = folder_ / "report.html";
    std::ofstream(path) << "old";
    write_file_atomically(path, [](std::ostream& out) { out << "new report"; });
    EXPECT_EQ(read(path), "new report");
    EXPECT_EQ(names(), std::vector<std::string>{"report.html"});
}

TEST_F(WriteFileAtomically, WriterThatFailsMidwayLeavesTheOriginalAndNoTemporaryFile) {
    const fs::path path = folder_ / "report.html";
    std::ofstream(path) << "the report of yesterday";
    // An interrupted run: half of the new report is written, then the writer throws.
    const auto interrupted = [](std::ostream& out) {
        out << std::string(1 << 20, 'x');
        out.flush();
        throw Error("graphviz could not lay out the diagram");
    };
    EXPECT_THROW(write_file_atomically(path, interrupted), Error);
    EXPECT_EQ(read(path), "the report of yesterday");
    EXPECT_EQ(names(), std::vector<std::string>{"report.html"});
}

TEST_F(WriteFileAtomically, WriterThatFailsLeavesNoFileWhereThereWasNone) {
    const fs::path path = folder_ / "chain.svg";
    EXPECT_THROW(write_file_atomically(path, [](std::ostream& out) {
                     out << "<svg";
                     throw std::runtime_error("out of memory");
                 }),
                 std::runtime_error);
    EXPECT_FALSE(fs::exists(path));
    EXPECT_TRUE(names().empty());
}

TEST_F(WriteFileAtomically, UnwritableFolderIsAnErrorNamingThePath) {
    const fs::path path = folder_ / "no-such-folder" / "report.html";
    try {
        write_file_atomically(path, [](std::ostream& out) { out << "x"; });
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("cannot write '" + path.string() + "'"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(names().empty());
}

TEST_F(WriteFileAtomically, PathThatIsAFolderIsAnErrorAndTheFolderStays) {
    const fs::path path = folder_ / "graphs";
    fs::create_directories(path / "inside");
    EXPECT_THROW(write_file_atomically(path, [](std::ostream& out) { out << "x"; }), Error);
    EXPECT_TRUE(fs::is_directory(path / "inside"));
    EXPECT_EQ(names(), std::vector<std::string>{"graphs"});
}

}  // namespace
}  // namespace chainatlas::io
