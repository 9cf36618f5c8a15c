#include "chainatlas/export/region_export.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "chainatlas/error.hpp"
#include "unit/export/small_region.hpp"

namespace chainatlas::export_ {
namespace {

namespace fs = std::filesystem;

class ExportRegion : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ =
            fs::temp_directory_path() / ("chainatlas-export-test-" + std::to_string(::getpid()));
        fs::remove_all(folder_);
        fs::create_directories(folder_);
    }
    void TearDown() override { fs::remove_all(folder_); }

    [[nodiscard]] std::vector<std::string> listing(const fs::path& folder) const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(folder))
            names.push_back(entry.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

    fs::path folder_;
    model::Dataset data_ = testing::small_region();
};

TEST_F(ExportRegion, EveryFormatHoldsTheCountsComputedBeforehand) {
    const auto expected = count_region(data_);
    EXPECT_EQ(expected.nodes, (std::vector<std::pair<std::string, std::uint64_t>>{{"county", 2},
                                                                                  {"park", 1},
                                                                                  {"chain", 2},
                                                                                  {"segment", 5},
                                                                                  {"enterprise", 3},
                                                                                  {"project", 1}}));
    EXPECT_EQ(expected.edges,
              (std::vector<std::pair<std::string, std::uint64_t>>{{"part_of", 5},
                                                                  {"link", 3},
                                                                  {"cross_link", 1},
                                                                  {"in_county", 4},
                                                                  {"leads", 1},
                                                                  {"member", 4},
                                                                  {"in_park", 1},
                                                                  {"supply", 2},
                                                                  {"targets", 1},
                                                                  {"by_enterprise", 1}}));
    for (const auto format :
         {ExportFormat::graphml, ExportFormat::gexf, ExportFormat::json, ExportFormat::neo4j}) {
        const auto result =
            export_region(data_, format, folder_ / ("out-" + std::string(to_string(format))));
        EXPECT_EQ(result.counts, expected) << to_string(format);
        EXPECT_EQ(result.format, format);
        EXPECT_EQ(result.files.empty(), format != ExportFormat::neo4j);
    }
    EXPECT_EQ(listing(folder_),
              (std::vector<std::string>{"out-gexf", "out-graphml", "out-json", "out-neo4j"}));
}

TEST_F(ExportRegion, AdvancesProgressOncePerNodeAndEdge) {
    std::ostringstream screen;
    util::Progress progress("exporting", 37, screen, true);
    export_region(data_, ExportFormat::graphml, folder_ / "g.graphml", &progress);
    EXPECT_EQ(progress.count(),
              count_region(data_).node_total() + count_region(data_).edge_total());
}

TEST_F(ExportRegion, ReplacesAnEarlierNeo4jExportAndLeavesNothingElse) {
    const auto target = folder_ / "neo4j";
    export_region(data_, ExportFormat::neo4j, target);
    std::ofstream(target / "rels_OLD.csv") << "stale\n";  // from an earlier schema
    const auto result = export_region(data_, ExportFormat::neo4j, target);
    EXPECT_EQ(listing(target), result.files);
    EXPECT_EQ(listing(folder_), std::vector<std::string>{"neo4j"});
}

TEST_F(ExportRegion, NeverReplacesAFolderHoldingOtherFiles) {
    const auto target = folder_ / "work";
    fs::create_directories(target);
    std::ofstream(target / "notes.txt") << "mine\n";
    EXPECT_THROW(export_region(data_, ExportFormat::neo4j, target), Error);
    EXPECT_EQ(listing(target), std::vector<std::string>{"notes.txt"});
    EXPECT_EQ(listing(folder_), std::vector<std::string>{"work"});
}

TEST_F(ExportRegion, ANeo4jExportOverAFileIsRefused) {
    std::ofstream(folder_ / "file") << "x\n";
    EXPECT_THROW(export_region(data_, ExportFormat::neo4j, folder_ / "file"), Error);
}

TEST_F(ExportRegion, AFolderPathWithATrailingSlashNamesTheFolder) {
    const auto result = export_region(data_, ExportFormat::neo4j, folder_.string() + "/n4j/");
    EXPECT_EQ(listing(folder_), std::vector<std::string>{"n4j"});
    EXPECT_EQ(result.path, folder_ / "n4j");
}

TEST_F(ExportRegion, AFileInAMissingFolderFailsWithoutLeavingAnything) {
    EXPECT_THROW(export_region(data_, ExportFormat::gexf, folder_ / "missing" / "x.gexf"), Error);
    EXPECT_THROW(export_region(data_, ExportFormat::neo4j, folder_ / "missing" / "n4j"), Error);
    EXPECT_TRUE(listing(folder_).empty());
}

TEST_F(ExportRegion, AnExistingFileIsReplacedWhole) {
    const auto path = folder_ / "g.json";
    std::ofstream(path) << std::string(1 << 20, 'x');
    export_region(data_, ExportFormat::json, path);
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str().rfind("{\"directed\": true", 0), 0U);
    EXPECT_EQ(text.str().find("xxx"), std::string::npos);
    EXPECT_EQ(listing(folder_), std::vector<std::string>{"g.json"});
}

TEST(ExportFormatNames, ReadBackAsTheyAreWritten) {
    for (const auto format :
         {ExportFormat::graphml, ExportFormat::gexf, ExportFormat::json, ExportFormat::neo4j}) {
        EXPECT_EQ(parse_export_format(to_string(format)), format);
    }
    EXPECT_FALSE(parse_export_format("dot").has_value());
}

}  // namespace
}  // namespace chainatlas::export_
