#include "chainatlas/io/load_dataset.hpp"

#include "chainatlas/io/limits.hpp"

#include <gtest/gtest.h>
#include <iconv.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace chainatlas::io {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = CHAINATLAS_FIXTURES;

/// A minimal valid dataset with one chain; `extra` is spliced in before the closing brace.
std::string minimal(const std::string& extra = "") {
    return R"({"format": "chainatlas/1",
  "region": {"id": "r", "name": "测试"},
  "counties": [{"id": "linqing", "name": "临清市"}],
  "chains": [{"id": "c", "name": "链", "segments": [
      {"id": "c.a", "name": "上游"}, {"id": "c.b", "name": "下游"}],
    "links": [{"from": "c.a", "to": "c.b"}]}])" +
           extra + "}";
}

/// Every diagnostic of a dataset that must fail to `load`, formatted as the CLI prints it.
template <typename Load>
std::vector<std::string> errors_from(const Load& load) {
    try {
        load();
    } catch (const DatasetError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back(format_diagnostic(d));
        return out;
    }
    ADD_FAILURE() << "expected the dataset to be refused";
    return {};
}

std::vector<std::string> errors_of(const std::string& json) {
    return errors_from([&] { (void)load_dataset_from_json(json, "t.json"); });
}

/// The same for a dataset on disk (a JSON file or a folder).
std::vector<std::string> errors_at(const fs::path& path) {
    return errors_from([&] { (void)load_dataset(path); });
}

std::vector<std::string> warnings_of(const std::string& json) {
    std::vector<std::string> out;
    for (const auto& d : load_dataset_from_json(json, "t.json").warnings) out.push_back(format_diagnostic(d));
    return out;
}

class TempFolder {
public:
    TempFolder() : path_(fs::temp_directory_path() / ("chainatlas-test-" + std::to_string(::getpid()) + "-" +
                                                       std::to_string(counter_++))) {
        fs::create_directories(path_);
    }
    ~TempFolder() { fs::remove_all(path_); }
    [[nodiscard]] const fs::path& path() const { return path_; }
    void write(const std::string& name, const std::string& bytes) const {
        std::ofstream(path_ / name, std::ios::binary) << bytes;
    }

private:
    static inline int counter_ = 0;
    fs::path path_;
};

std::string to_gb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    std::string out(utf8.size() * 2, '\0');
    char* in = const_cast<char*>(utf8.data());
    size_t in_left = utf8.size();
    char* o = out.data();
    size_t out_left = out.size();
    iconv(cd, &in, &in_left, &o, &out_left);
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

TEST(LoadDataset, SampleFixtureLoadsWithItsRecords) {
    const auto loaded = load_dataset(kFixtures + "/sample/dataset.json");
    const auto& data = loaded.dataset;
    EXPECT_EQ(data.chains.size(), 1U);
    EXPECT_EQ(data.segments.size(), 5U);
    EXPECT_EQ(data.enterprises.size(), 4U);
    EXPECT_EQ(data.region.name, "聊城市");
    EXPECT_TRUE(loaded.warnings.empty());
    const auto e = data.find(model::Section::enterprise, "yandian-bearing");
    ASSERT_NE(e, model::kNoIndex);
    EXPECT_EQ(data.counties[data.enterprises[e].county].id, "linqing");
    EXPECT_EQ(data.parks[data.enterprises[e].park].id, "yandian-bearing-park");
    EXPECT_EQ(data.content_hash.rfind("xxh3:", 0), 0U);
}

TEST(LoadDataset, ForwardReferencesKeepTheOrderOfTheFile) {
    // The park names chain 'b' before the chains section defines 'a' then 'b'.
    const auto data = load_dataset_from_json(R"({"format": "chainatlas/1", "region": {"id": "r", "name": "R"},
      "counties": [{"id": "k", "name": "K"}],
      "parks": [{"id": "p", "name": "P", "county": "k", "chains": ["b"]}],
      "chains": [{"id": "a", "name": "A", "leaders": ["e2"], "segments": [{"id": "a.s", "name": "S"}]},
                 {"id": "b", "name": "B", "segments": [{"id": "b.s", "name": "S"}], "links": []}],
      "cross_links": [{"from": "a.s", "to": "b.s"}],
      "enterprises": [{"id": "e1", "name": "E1", "county": "k", "segments": ["b.s"]},
                      {"id": "e2", "name": "E2", "county": "k", "segments": ["a.s"]}]})",
                                             "t.json")
                          .dataset;
    ASSERT_EQ(data.chains.size(), 2U);
    EXPECT_EQ(data.chains[0].id, "a");
    EXPECT_EQ(data.chains[1].id, "b");
    EXPECT_EQ(data.chains[data.parks[0].chains[0]].id, "b");
    EXPECT_EQ(data.enterprises[0].id, "e1");
    EXPECT_EQ(data.enterprises[data.chains[0].leaders[0]].id, "e2");
    EXPECT_EQ(data.segments[data.segments_of(data.enterprises[0])[0]].id, "b.s");
    EXPECT_EQ(data.segments[data.segments[0].chain == 0 ? 0 : 1].id, "a.s");
}

TEST(LoadDataset, ASegmentLinkedToItselfIsAnError) {
    const auto errors = errors_of(minimal(R"(, "cross_links": [{"from": "c.a", "to": "c.a"}])"));
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0], "t.json: /cross_links/0/to: error: segment 'c.a' is linked to itself (expected two different segments)");
}

TEST(LoadDataset, AYearMustBeAYear) {
    const auto errors = errors_of(R"({"format": "chainatlas/1", "region": {"id": "r", "name": "R", "year": 1e10},
      "chains": [{"id": "c", "name": "C", "segments": [{"id": "c.a", "name": "A"}, {"id": "c.b", "name": "B"}],
                  "links": [{"from": "c.a", "to": "c.b"}]}]})");
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0], "t.json: /region/year: error: year out of range: 10000000000 (expected a year such as 2025)");
}

TEST(LoadDataset, BadFormatTagIsAnError) {
    auto json = minimal();
    json.replace(json.find("chainatlas/1"), 12, "chainatlas/9");
    EXPECT_EQ(errors_of(json), std::vector<std::string>{
                                   "t.json: /format: error: unknown format 'chainatlas/9' (expected \"chainatlas/1\")"});
}

TEST(LoadDataset, EveryProblemIsListedAtOnceInFileOrder) {
    const auto errors = errors_of(minimal(R"(,
      "parks": [{"id": "Bad Id", "name": "P", "county": "linqing"},
                {"id": "p2", "name": "P2", "county": "linqin", "level": "galactic"}],
      "enterprises": [
        {"id": "e1", "name": "E1", "county": "linqing", "segments": ["c.a", "c.zz"], "output": -3},
        {"id": "e1", "name": "E1 again", "county": "linqing"},
        {"id": "e2", "name": 42, "county": "linqing"},
        {"id": "e3", "name": "E3"},
        {"id": "x1", "name": "X1", "external": true, "county": "linqing"}],
      "supplies": [{"from": "e1", "to": "e1"}, {"from": "e1", "to": "nobody"}],
      "projects": [{"id": "p", "name": "P", "county": "linqing", "status": "dreaming"}])"));
    const std::vector<std::string> expected{
        "t.json: /parks/0/id: error: bad id 'Bad Id' (expected lower-case ASCII letters, digits, '.', '_' or '-', "
        "starting with a letter or digit)",
        "t.json: /parks/1/county: error: unknown county 'linqin' (expected an id from /counties; did you mean "
        "'linqing'?)",
        "t.json: /parks/1/level: error: unknown level 'galactic' (expected one of national, provincial, municipal, "
        "county)",
        "t.json: /enterprises/0/segments/1: error: unknown segment 'c.zz' (expected an id from the segments of "
        "/chains; did you mean 'c.a'?)",
        "t.json: /enterprises/0/output: error: negative 'output': -3.0 (expected 0 or more)",
        "t.json: /enterprises/1/id: error: duplicate enterprise id 'e1' (first defined at t.json /enterprises/0)",
        "t.json: /enterprises/2/name: error: wrong type: found a number, expected a string",
        "t.json: /enterprises/3: error: missing required key 'county' (required for an enterprise of the region; "
        "set 'external' to true for one outside it)",
        "t.json: /enterprises/4/county: error: an external enterprise has county 'linqing' (expected no county: an "
        "enterprise outside the region says where it is in 'location')",
        "t.json: /supplies/0/to: error: enterprise 'e1' supplies itself (expected two different enterprises)",
        "t.json: /supplies/1/to: error: unknown enterprise 'nobody' (expected an id from /enterprises)",
        "t.json: /projects/0/status: error: unknown status 'dreaming' (expected one of planned, signed, building, "
        "operating)",
    };
    EXPECT_EQ(errors, expected);
}

TEST(LoadDataset, ChainRulesAreChecked) {
    const auto errors = errors_of(R"({"format": "chainatlas/1", "region": {"id": "r", "name": "R"},
      "chains": [{"id": "a", "name": "A", "segments": [{"id": "a.s", "name": "S", "tier": "top"}],
                  "links": [{"from": "a.s", "to": "b.s"}]},
                 {"id": "b", "name": "B", "segments": [{"id": "b.s", "name": "S"}, {"id": "a.s", "name": "dup"}]},
                 {"id": "c", "name": "C", "segments": []}]})");
    const std::vector<std::string> expected{
        "t.json: /chains/0/segments/0/tier: error: unknown tier 'top' (expected one of upstream, midstream, "
        "downstream)",
        "t.json: /chains/0/links/0/to: error: segment 'b.s' belongs to chain 'b', not 'a' (links between chains "
        "belong in /cross_links)",
        "t.json: /chains/1/segments/1/id: error: duplicate segment id 'a.s' (first defined at t.json "
        "/chains/0/segments/0/id)",
        "t.json: /chains/2: error: chain 'c' has no segments (expected at least one in 'segments')",
    };
    EXPECT_EQ(errors, expected);
}

TEST(LoadDataset, MissingFormatAndRegionAreErrors) {
    EXPECT_EQ(errors_of(R"({"counties": []})"),
              (std::vector<std::string>{
                  "t.json: error: missing 'format' (expected \"format\": \"chainatlas/1\" at the top level)",
                  "t.json: error: missing 'region' (expected an object with 'id' and 'name')"}));
}

TEST(LoadDataset, UnknownKeysAndUntouchedSegmentsAreWarnings) {
    const auto warnings = warnings_of(R"({"format": "chainatlas/1", "region": {"id": "r", "name": "R", "mayor": "x"},
      "counties": [{"id": "k", "name": "K", "colour": "red"}, {"id": "k2", "name": "K2", "colour": "blue"}],
      "chains": [{"id": "a", "name": "A", "segments": [{"id": "a.s", "name": "S"}, {"id": "a.t", "name": "T"}]}],
      "extras": [1, 2]})");
    const std::vector<std::string> expected{
        "t.json: /region/mayor: warning: unknown key 'mayor' (ignored)",
        "t.json: /counties/0/colour: warning: unknown key 'colour' (ignored; found in 2 records)",
        "t.json: /chains/0/segments/0: warning: segment 'a.s' is not touched by any link (expected it to supply or "
        "use another segment)",
        "t.json: /chains/0/segments/1: warning: segment 'a.t' is not touched by any link (expected it to supply or "
        "use another segment)",
        "t.json: /extras: warning: unknown key 'extras' (ignored)",
    };
    EXPECT_EQ(warnings, expected);
}

TEST(LoadDataset, JsonSyntaxErrorsNameLineAndColumn) {
    const auto errors = errors_of("{\"format\": \"chainatlas/1\",\n  \"region\": {\"id\": \"r\" \"name\": \"R\"}}");
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].rfind("t.json:2:29: error: invalid JSON: syntax error while parsing object", 0), 0U)
        << errors[0];
}

TEST(LoadDataset, JsonPlacesCountALoneCrAsALineEnd) {
    // CR, CRLF and LF line ends mixed, as an editor counts them: the error is on line 4.
    const auto errors = errors_of("{\"format\": \"chainatlas/1\",\r\"region\":\r\n{\"id\": \"r\",\n\"name\": ]}}");
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].rfind("t.json:4:9: error: invalid JSON: syntax error", 0), 0U) << errors[0];
    EXPECT_EQ(errors_of("{\"format\": \"chainatlas/1\",\r\"region\": {\"id\": \"r\",\r\"name\": \"\xC1\xBF\"}}"),
              std::vector<std::string>{
                  "t.json:3:10: error: not valid UTF-8 (expected UTF-8 text; save the file as UTF-8)"});
}

TEST(LoadDataset, TopLevelArrayIsRefused) {
    EXPECT_EQ(errors_of("[1, 2]"),
              std::vector<std::string>{"t.json: error: the top level is an array (expected an object with "
                                       "\"format\": \"chainatlas/1\" and the sections)"});
}

TEST(LoadDataset, InvalidUtf8InJsonIsRefusedWithItsPlace) {
    EXPECT_EQ(errors_of("{\"format\": \"chainatlas/1\",\n\"region\": {\"id\": \"r\", \"name\": \"\xC1\xBF\"}}"),
              std::vector<std::string>{
                  "t.json:2:32: error: not valid UTF-8 (expected UTF-8 text; save the file as UTF-8)"});
}

TEST(LoadDataset, DeepNestingIsRefusedWithoutExhaustingMemory) {
    std::string json = "{\"format\": \"chainatlas/1\", \"x\": ";
    json += std::string(1000000, '[');
    const auto errors = errors_of(json);
    ASSERT_FALSE(errors.empty());
    EXPECT_NE(errors[0].find("nesting deeper than 64 levels"), std::string::npos) << errors[0];
}

TEST(LoadDataset, DuplicateKeysAreErrors) {
    const auto errors = errors_of(minimal(R"(, "enterprises": [{"id": "e", "name": "A", "name": "B", "county": "linqing"}])"));
    EXPECT_EQ(errors, std::vector<std::string>{"t.json: /enterprises/0/name: error: duplicate key 'name' in one "
                                               "object (the last value is used)"});
}

TEST(LoadDataset, DuplicateKeysInsideAChainAreReportedAtTheirPointer) {
    const auto errors = errors_of(R"({"format": "chainatlas/1", "region": {"id": "r", "name": "R"},
      "chains": [{"id": "a", "name": "A", "segments": [{"id": "a.s", "name": "S"}, {"id": "a.t", "name": "T"}],
                  "links": [{"from": "a.s", "to": "a.t"}]},
                 {"id": "c", "name": "C", "id": "c",
                  "segments": [{"id": "c.s", "name": "S"}, {"id": "c.t", "name": "T", "tier": "upstream", "tier": "downstream"}],
                  "links": [{"from": "c.s", "from": "c.s", "to": "c.t"}],
                  "x/y~": {"k": [1, {"k": 1, "k": 2}]}, "x/y~": 1}]})");
    const std::vector<std::string> expected{
        "t.json: /chains/1/id: error: duplicate key 'id' in one object (the last value is used)",
        "t.json: /chains/1/segments/1/tier: error: duplicate key 'tier' in one object (the last value is used)",
        "t.json: /chains/1/links/0/from: error: duplicate key 'from' in one object (the last value is used)",
        "t.json: /chains/1/x~1y~0/k/1/k: error: duplicate key 'k' in one object (the last value is used)",
        "t.json: /chains/1/x~1y~0: error: duplicate key 'x/y~' in one object (the last value is used)",
    };
    auto got = errors;
    got.erase(std::remove_if(got.begin(), got.end(),
                             [](const std::string& e) { return e.find("duplicate key") == std::string::npos; }),
              got.end());
    EXPECT_EQ(got, expected);
}

TEST(LoadDataset, RecordsThatAreNotObjectsArePlacedAtTheirIndex) {
    const auto errors = errors_of(minimal(R"(,
      "parks": [true], "cross_links": [null, ["c.a", "c.b"]], "enterprises": [],
      "supplies": [1.5], "projects": [{"id": "p", "name": "P", "county": "linqing", "status": "planned"}, "p2"])"));
    const std::vector<std::string> expected{
        "t.json: /parks/0: error: wrong type: found a boolean, expected a park object",
        "t.json: /cross_links/0: error: wrong type: found null, expected a cross-link object",
        "t.json: /cross_links/1: error: wrong type: found an array, expected a cross-link object",
        "t.json: /supplies/0: error: wrong type: found a number, expected a supply object",
        "t.json: /projects/1: error: wrong type: found a string, expected a project object",
    };
    EXPECT_EQ(errors, expected);
}

TEST(LoadDataset, ChainPartsOfTheWrongTypeSayWhatWasFound) {
    const auto errors = errors_of(R"({"format": "chainatlas/1", "region": {"id": "r", "name": "R"},
      "chains": [7, {"id": "a", "name": "A", "segments": {"id": "a.s"}, "links": "a.s-a.t"}]})");
    const std::vector<std::string> expected{
        "t.json: /chains/0: error: wrong type: found a number, expected a chain object",
        "t.json: /chains/1/segments: error: wrong type: found an object, expected an array of segments",
        "t.json: /chains/1/links: error: wrong type: found a string, expected an array of links",
    };
    EXPECT_EQ(errors, expected);
}

TEST(LoadDataset, ASectionOfTheWrongTypeIsNotAlsoMissing) {
    EXPECT_EQ(errors_of(R"({"format": {"v": 1}, "region": null, "counties": null})"),
              (std::vector<std::string>{
                  "t.json: /format: error: wrong type: found an object, expected the string \"chainatlas/1\"",
                  "t.json: /region: error: wrong type: found null, expected an object",
                  "t.json: /counties: error: wrong type: found null, expected an array"}));
    EXPECT_EQ(errors_of(R"({"format": "chainatlas/1", "region": "r"})"),
              std::vector<std::string>{"t.json: /region: error: wrong type: found a string, expected an object"});
    EXPECT_EQ(errors_of("42"),
              std::vector<std::string>{"t.json: error: the top level is a number (expected an object with "
                                       "\"format\": \"chainatlas/1\" and the sections)"});
}

TEST(LoadDataset, AnIdIsSuggestedOnlyWhenItKeepsSomethingOfWhatWasTyped) {
    const auto errors = errors_of(minimal(R"(, "enterprises": [
      {"id": "e1", "name": "A", "county": "linqin"}, {"id": "e2", "name": "B", "county": "zz"},
      {"id": "e3", "name": "C", "county": "linqingshi"}])"));
    const std::vector<std::string> expected{
        "t.json: /enterprises/0/county: error: unknown county 'linqin' (expected an id from /counties; did you "
        "mean 'linqing'?)",
        "t.json: /enterprises/1/county: error: unknown county 'zz' (expected an id from /counties)",
        "t.json: /enterprises/2/county: error: unknown county 'linqingshi' (expected an id from /counties; did "
        "you mean 'linqing'?)",
    };
    EXPECT_EQ(errors, expected);
}

TEST(LoadDataset, EmptyFileAndMissingPathAreClearErrors) {
    EXPECT_EQ(errors_of(""), std::vector<std::string>{"t.json: error: the file is empty (expected a JSON object with "
                                                      "\"format\": \"chainatlas/1\")"});
    try {
        load_dataset("/nonexistent/place.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "cannot read '/nonexistent/place.json': no such file or folder");
    }
}

// With progress asked for, the readers keep a bar per file (shown only on a terminal: stderr is
// not one under ctest); what is loaded is the same.
TEST(LoadFolder, ProgressChangesNothingLoaded) {
    TempFolder folder;
    folder.write("dataset.json", minimal());
    folder.write("enterprises.csv", "id,name,county,segments\ne1,甲,linqing,c.a\ne2,乙,linqing,c.b\n");
    folder.write("supplies.csv", "from,to\ne1,e2\n");
    const auto quiet = load_dataset(folder.path());
    const auto shown = load_dataset(folder.path(), true);
    EXPECT_EQ(shown.dataset.content_hash, quiet.dataset.content_hash);
    EXPECT_EQ(shown.dataset.enterprises.size(), 2U);
    EXPECT_EQ(shown.dataset.supplies.size(), 1U);
    const auto json_quiet = load_dataset(kFixtures + "/sample/dataset.json");
    const auto json_shown = load_dataset(kFixtures + "/sample/dataset.json", true);
    EXPECT_EQ(json_shown.dataset.content_hash, json_quiet.dataset.content_hash);
    EXPECT_EQ(json_shown.dataset.enterprises.size(), json_quiet.dataset.enterprises.size());
}

TEST(LoadFolder, CsvFilesAddToTheSectionsOfDatasetJson) {
    TempFolder folder;
    folder.write("dataset.json", minimal());
    folder.write("enterprises.csv",
                 "\xEF\xBB\xBFid,name,county,segments,output,tags\r\n"
                 "e1,\"临清轴承, 有限公司\",linqing,c.a;c.b,12.5,chain-leader;listed\r\n"
                 "e2,\"名字里有\"\"引号\"\"\",linqing,c.b,,\r\n");
    folder.write("supplies.csv", "from,to,weight\ne1,e2,2\n");
    folder.write("projects.csv", "id,name,county,segments,investment,status,year\np1,项目,linqing,c.b,3.5,building,2025\n");
    const auto loaded = load_dataset(folder.path());
    const auto& data = loaded.dataset;
    ASSERT_EQ(data.enterprises.size(), 2U);
    EXPECT_EQ(data.enterprises[0].name, "临清轴承, 有限公司");
    EXPECT_EQ(data.enterprises[1].name, "名字里有\"引号\"");
    EXPECT_DOUBLE_EQ(data.enterprises[0].output, 12.5);
    EXPECT_TRUE(data.enterprises[0].has(model::Tag::chain_leader));
    EXPECT_TRUE(data.enterprises[0].has(model::Tag::listed));
    EXPECT_EQ(data.segments_of(data.enterprises[0]).size(), 2U);
    ASSERT_EQ(data.supplies.size(), 1U);
    EXPECT_DOUBLE_EQ(data.supplies[0].weight, 2.0);
    ASSERT_EQ(data.projects.size(), 1U);
    EXPECT_EQ(data.projects[0].status, model::ProjectStatus::building);
    EXPECT_EQ(data.projects[0].year, 2025);
    EXPECT_TRUE(loaded.warnings.empty());
}

TEST(LoadFolder, Gb18030SpreadsheetIsConvertedWithAWarning) {
    TempFolder folder;
    folder.write("dataset.json", minimal());
    folder.write("enterprises.csv", to_gb18030("id,name,county,segments\r\ne1,临清市烟店轴承厂,linqing,c.a\r\n"));
    const auto loaded = load_dataset(folder.path());
    EXPECT_EQ(loaded.dataset.enterprises[0].name, "临清市烟店轴承厂");
    ASSERT_EQ(loaded.warnings.size(), 1U);
    EXPECT_NE(format_diagnostic(loaded.warnings[0]).find("enterprises.csv: warning: not UTF-8: read as GB18030"),
              std::string::npos);
}

TEST(LoadFolder, CsvProblemsNameLineAndColumn) {
    TempFolder folder;
    folder.write("dataset.json", minimal());
    folder.write("enterprises.csv",
                 "id,name,county,segments,output,colour\n"
                 "e1,A,linqin,c.a,1,red\n"
                 "e2,B,linqing,c.a,NaN,red\n"
                 "e3,C,linqing\n"
                 "e4,D,linqing,c.a,abc,red\n");
    folder.write("supplies.csv", "from,to\ne1,\"e2\n");
    const std::string f = (folder.path() / "enterprises.csv").string();
    const std::string s = (folder.path() / "supplies.csv").string();
    const std::vector<std::string> expected{
        f + ":1:6: warning: unknown column 'colour' (ignored; expected columns "
            "id,name,county,park,segments,output,employees,tags,external,location)",
        f + ":2:3: error: unknown county 'linqin' (expected an id from /counties; did you mean 'linqing'?)",
        f + ":3:5: error: number out of range (expected a finite number)",
        f + ":4:1: error: found 3 fields, expected 6 (as many as the header has)",
        f + ":5:5: error: not a number: 'abc' (expected a number such as 12.5)",
        s + ":2:4: error: unterminated quoted field (a '\"' opens here and never closes)",
    };
    EXPECT_EQ(errors_at(folder.path()), expected);
}

TEST(LoadFolder, CsvWithoutHeaderOrRequiredColumnIsRefused) {
    TempFolder folder;
    folder.write("dataset.json", minimal());
    folder.write("enterprises.csv", "e1,A,linqing\n");
    folder.write("projects.csv", "id,name,county\np,P,linqing\n");
    try {
        load_dataset(folder.path());
        FAIL();
    } catch (const DatasetError& e) {
        ASSERT_EQ(e.diagnostics().size(), 2U);
        EXPECT_NE(e.diagnostics()[0].message.find("missing header row"), std::string::npos);
        EXPECT_EQ(e.diagnostics()[1].message, "missing column 'status' (the header must name it)");
    }
}

TEST(LoadFolder, CsvWithAnotherSeparatorSaysSoInsteadOfMissingHeader) {
    TempFolder folder;
    folder.write("dataset.json", minimal());
    // European Excel quotes names and separates them with ';'; a tab-separated export.
    folder.write("enterprises.csv", "\r\n\"id\";\"name\";\"county\"\r\n\"e1\";\"A\";\"linqing\"\r\n");
    folder.write("supplies.csv", "from\tto\ne1\te1\n");
    folder.write("projects.csv", "a;b\n1;2\n");
    const std::string f = (folder.path() / "enterprises.csv").string();
    const std::string s = (folder.path() / "supplies.csv").string();
    const std::string p = (folder.path() / "projects.csv").string();
    const std::vector<std::string> expected{
        f + ":2:1: error: the header row is separated by ';', not ',' (save the file as comma-separated "
            "CSV; expected columns such as id,name,county,park,segments,output,employees,tags,external,"
            "location)",
        s + ":1:1: error: the header row is separated by tabs, not ',' (save the file as comma-separated "
            "CSV; expected columns such as from,to,weight)",
        p + ":1:1: error: missing header row (expected the first row to name the columns, such as "
            "id,name,county,park,enterprise,segments,investment,status,year)",
    };
    EXPECT_EQ(errors_at(folder.path()), expected);
}

TEST(LoadFolder, FolderWithoutDatasetJsonIsAClearError) {
    TempFolder folder;
    EXPECT_THROW(load_dataset(folder.path()), Error);
}

TEST(LoadBuiltin, LiaochengLoadsWithoutWarnings) {
    const auto loaded = load_builtin_dataset();
    EXPECT_EQ(loaded.dataset.name, "built-in:liaocheng");
    EXPECT_EQ(loaded.dataset.chains.size(), 12U);
    EXPECT_TRUE(loaded.warnings.empty());
}

TEST(Limits, TextsLongerThanTheLimitAreRefusedWithTheirLengthNotTheirText) {
    const std::string name(kMaxTextLength + 1, 'n');
    const std::string id(20000, 'e');
    const auto errors = errors_of(minimal(R"(, "enterprises": [{"id": "e1", "name": ")" + name +
                                          R"(", "county": "linqing", "segments": ["c.a"]}],
      "supplies": [{"from": ")" + id + R"(", "to": "e1"}])"));
    ASSERT_EQ(errors.size(), 2U);
    EXPECT_EQ(errors[0], "t.json: /enterprises/0/name: error: text too long: 4097 bytes (at most 4096)");
    EXPECT_EQ(errors[1], "t.json: /supplies/0/from: error: text too long: 20000 bytes (at most 4096)");
}

TEST(Limits, AnUnknownLongIdIsQuotedShortInItsMessage) {
    const std::string id(300, 'x');
    const auto errors = errors_of(minimal(R"(, "enterprises": [{"id": "e1", "name": "n", "county": ")" + id +
                                          R"(", "segments": ["c.a"]}])"));
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_NE(errors[0].find("unknown county '" + std::string(60, 'x') + "…' (300 bytes)"), std::string::npos)
        << errors[0];
    EXPECT_LT(errors[0].size(), 300U);
}

TEST(Limits, TheLimitsAreWhatTheDocumentationSays) {
    // docs/FORMAT.md (Limits) lists these numbers; change both together.
    EXPECT_EQ(kMaxFileBytes, std::uint64_t{16} << 30);
    EXPECT_EQ(kMaxRecords, 200'000'000U);
    EXPECT_EQ(kMaxIdLength, 64U);
    EXPECT_EQ(kMaxTextLength, 4096U);
    EXPECT_EQ(kMaxJsonDepth, 64U);
}

}  // namespace
}  // namespace chainatlas::io
