#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "chainatlas/export/region_export.hpp"
#include "chainatlas/io/csv_reader.hpp"
#include "unit/export/small_region.hpp"

namespace chainatlas::export_ {
namespace {

namespace fs = std::filesystem;

/// A fresh folder under the system's temporary folder, removed with the test.
class Neo4jFiles : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ =
            fs::temp_directory_path() / ("chainatlas-neo4j-test-" + std::to_string(::getpid()));
        fs::remove_all(folder_);
        fs::create_directories(folder_);
        std::tie(counts_, files_) = write_neo4j_files(folder_, testing::small_region());
    }
    void TearDown() override { fs::remove_all(folder_); }

    [[nodiscard]] std::string text(const std::string& file) const {
        std::ifstream in(folder_ / file, std::ios::binary);
        std::ostringstream out;
        out << in.rdbuf();
        return out.str();
    }
    /// The rows of a CSV file, header first, as the loader's reader splits them.
    [[nodiscard]] std::vector<std::vector<std::string>> rows(const std::string& file) const {
        std::vector<std::vector<std::string>> out;
        const auto csv = text(file);
        const auto problem = io::read_csv(csv, [&](const io::CsvRow& row) {
            out.emplace_back(row.fields.begin(), row.fields.end());
            return true;
        });
        EXPECT_TRUE(problem.message.empty()) << file << ": " << problem.message;
        return out;
    }

    fs::path folder_;
    ExportCounts counts_;
    std::vector<std::string> files_;
};

TEST_F(Neo4jFiles, OneFilePerLabelAndRelationshipGroupPlusScriptAndQueries) {
    EXPECT_EQ(files_, (std::vector<std::string>{"import.sh",
                                                "nodes_Chain.csv",
                                                "nodes_County.csv",
                                                "nodes_Enterprise.csv",
                                                "nodes_Park.csv",
                                                "nodes_Project.csv",
                                                "nodes_Segment.csv",
                                                "queries.cypher",
                                                "rels_BY_ENTERPRISE.csv",
                                                "rels_CROSS_LINK.csv",
                                                "rels_IN_COUNTY_Enterprise.csv",
                                                "rels_IN_COUNTY_Park.csv",
                                                "rels_IN_COUNTY_Project.csv",
                                                "rels_IN_PARK_Enterprise.csv",
                                                "rels_IN_PARK_Project.csv",
                                                "rels_LEADS.csv",
                                                "rels_LINK.csv",
                                                "rels_MEMBER.csv",
                                                "rels_PART_OF.csv",
                                                "rels_SUPPLY.csv",
                                                "rels_TARGETS.csv"}));
    std::vector<std::string> on_disk;
    for (const auto& entry : fs::directory_iterator(folder_))
        on_disk.push_back(entry.path().filename().string());
    std::sort(on_disk.begin(), on_disk.end());
    EXPECT_EQ(on_disk, files_);  // and no temporary file left behind
    EXPECT_EQ(counts_, count_region(testing::small_region()));
}

TEST_F(Neo4jFiles, HeadersNameIdSpacesAndPropertyTypes) {
    EXPECT_EQ(
        rows("nodes_Enterprise.csv").front(),
        (std::vector<std::string>{"id:ID(Enterprise)", "name", "name_en", "county", "park", "chain",
                                  "chains:string[]", "segments:string[]", "output:double",
                                  "employees:double", "external:boolean", "location",
                                  "tags:string[]", "leader:boolean", "provenance"}));
    EXPECT_EQ(rows("nodes_Segment.csv").front(),
              (std::vector<std::string>{"id:ID(Segment)", "name", "name_en", "chain", "tier",
                                        "tier_derived:boolean", "level:int", "provenance"}));
    EXPECT_EQ(rows("rels_SUPPLY.csv").front(),
              (std::vector<std::string>{":START_ID(Enterprise)", ":END_ID(Enterprise)",
                                        "weight:double", "provenance"}));
    EXPECT_EQ(rows("rels_IN_COUNTY_Park.csv").front(),
              (std::vector<std::string>{":START_ID(Park)", ":END_ID(County)"}));
    EXPECT_EQ(rows("rels_MEMBER.csv").front(),
              (std::vector<std::string>{":START_ID(Enterprise)", ":END_ID(Segment)"}));
}

TEST_F(Neo4jFiles, RowsHoldTheRecordsWithArraysAndTypedValues) {
    const auto enterprises = rows("nodes_Enterprise.csv");
    ASSERT_EQ(enterprises.size(), 4U);
    const auto& e1 = enterprises[1];
    EXPECT_EQ(e1[0], "e1");
    EXPECT_EQ(e1[1], testing::kHostileName);  // the CSV keeps every byte; quoting protects it
    EXPECT_EQ(e1[6], "c;d");
    EXPECT_EQ(e1[7], "c.up;d.two");
    EXPECT_EQ(e1[8], "5");
    EXPECT_EQ(e1[9], "");  // unknown employees: null in Neo4j
    EXPECT_EQ(e1[10], "false");
    EXPECT_EQ(e1[12], "chain-leader;外资");
    EXPECT_EQ(e1[13], "true");
    // Not neutralised: Neo4j is no spreadsheet, and a `'` would become part of the name.
    EXPECT_EQ(enterprises[2][1], testing::kFormulaName);
    EXPECT_EQ(rows("rels_SUPPLY.csv"),
              (std::vector<std::vector<std::string>>{
                  {":START_ID(Enterprise)", ":END_ID(Enterprise)", "weight:double", "provenance"},
                  {"e1", "e2", "2.5", ""},
                  {"x1", "e1", "1", ""}}));
    EXPECT_EQ(rows("rels_MEMBER.csv").size(), 5U);
    EXPECT_EQ(rows("nodes_County.csv").size(), 3U);
    EXPECT_EQ(rows("rels_IN_COUNTY_Enterprise.csv").size(), 3U);  // x1 is external: no county
}

TEST_F(Neo4jFiles, ImportScriptNamesEveryFileWithItsLabelOrType) {
    const auto script = text("import.sh");
    EXPECT_EQ(script.rfind("#!/bin/sh\n", 0), 0U);
    EXPECT_NE(script.find("database import full \"$database\""), std::string::npos);
    EXPECT_NE(script.find("--id-type=string"), std::string::npos);
    EXPECT_NE(script.find("--array-delimiter=';'"), std::string::npos);
    EXPECT_NE(script.find("--multiline-fields=true"), std::string::npos);
    EXPECT_NE(script.find("--nodes=Enterprise=nodes_Enterprise.csv \\\n"), std::string::npos);
    EXPECT_NE(script.find("--relationships=IN_COUNTY=rels_IN_COUNTY_Project.csv \\\n"),
              std::string::npos);
    for (const auto& file : files_) {
        if (file.ends_with(".csv")) {
            EXPECT_NE(script.find("=" + file + " \\\n"), std::string::npos) << file;
        }
    }
    EXPECT_NE(fs::status(folder_ / "import.sh").permissions() & fs::perms::owner_exec,
              fs::perms::none);
}

TEST_F(Neo4jFiles, QueriesAnswerTheGapQuestionWithTheExportedNames) {
    const auto queries = text("queries.cypher");
    for (const auto* needed :
         {"CREATE CONSTRAINT enterprise_id", "[:PART_OF]", "[:MEMBER]", "e.external = false",
          "WHERE local <= 1", "[r:SUPPLY]", "$enterprise", "[:LINK|CROSS_LINK*1..6]"}) {
        EXPECT_NE(queries.find(needed), std::string::npos) << needed;
    }
}

}  // namespace
}  // namespace chainatlas::export_
