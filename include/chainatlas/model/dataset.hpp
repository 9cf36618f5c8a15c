#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chainatlas/model/id_index.hpp"
#include "chainatlas/model/text_arena.hpp"

/// The in-memory form of a dataset in the format `chainatlas/1` (see DATA-FORMAT.md).
///
/// Records refer to each other by `Index` (their position in their section), never by pointer,
/// so that a dataset can be copied and extended (the what-if analysis does both). All text is
/// UTF-8 held in one shared, append-only `TextArena`; record fields are `std::string_view`s into
/// it, which is what keeps a registry of a million enterprises small.
namespace chainatlas::model {

using Index = std::uint32_t;
inline constexpr Index kNoIndex = std::numeric_limits<Index>::max();

/// Position in the chain from raw material to end product. `unknown` where the data gives no
/// tier; the graph module derives one from the links (see graph::derive_tiers).
enum class Tier : std::uint8_t { unknown, upstream, midstream, downstream };

enum class CountyKind : std::uint8_t { unknown, district, county, county_city, development_zone };

enum class ParkLevel : std::uint8_t { unknown, national, provincial, municipal, county };

/// `signed` is a C++ keyword, hence the trailing underscore; it is spelled `signed` in data.
enum class ProjectStatus : std::uint8_t { planned, signed_, building, operating };

/// Whether a chain is on an official list (`confirmed`) or reconstructed from evidence
/// (`inferred`). An extension of chainatlas/1: the key `confidence` on a chain.
enum class Confidence : std::uint8_t { unknown, confirmed, inferred };

/// The enterprise tags the tool knows, as bits. Other tags are kept as free words.
enum class Tag : std::uint8_t {
    chain_leader = 1 << 0,  ///< `chain-leader` (链主)
    little_giant = 1 << 1,  ///< `little-giant` (专精特新小巨人)
    specialized = 1 << 2,   ///< `specialized` (专精特新)
    champion = 1 << 3,      ///< `champion` (单项冠军)
    high_tech = 1 << 4,     ///< `high-tech` (高新技术企业)
    listed = 1 << 5,        ///< `listed` (上市)
};

/// A run of entries in one of the dataset's flat pools (segment ids of enterprises, tags).
struct Span {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
};

/// Fields every record may carry: where the fact comes from and a free remark.
struct Provenance {
    std::string_view source;
    std::string_view note;
};

struct Region {
    std::string_view id, name, name_en;
    std::optional<int> year;
    Provenance provenance;
};

struct County {
    std::string_view id, name, name_en;
    CountyKind kind = CountyKind::unknown;
    Provenance provenance;
};

struct Park {
    std::string_view id, name, name_en;
    Index county = kNoIndex;
    ParkLevel level = ParkLevel::unknown;
    std::vector<Index> chains;
    Provenance provenance;
};

struct Segment {
    std::string_view id, name, name_en;
    Index chain = kNoIndex;
    Tier tier = Tier::unknown;  ///< as given in the data; may be `unknown`
    Provenance provenance;
};

/// A supply relation between two segments: `from` is an input of `to`.
struct Link {
    Index from = kNoIndex;
    Index to = kNoIndex;
    Provenance provenance;
};

struct Chain {
    std::string_view id, name, name_en;
    Confidence confidence = Confidence::unknown;
    std::vector<Index> leaders;   ///< enterprises, chain leaders (链主)
    std::vector<Index> segments;  ///< in the order the data lists them
    std::vector<Link> links;      ///< within this chain only
    Provenance provenance;
};

struct Enterprise {
    std::string_view id, name, name_en;
    Index county = kNoIndex;  ///< kNoIndex exactly when `external`
    Index park = kNoIndex;
    Span segments;            ///< into Dataset::enterprise_segments
    Span tags;                ///< free-word tags into Dataset::tag_words
    std::uint8_t known_tags = 0;  ///< bits of Tag
    bool external = false;
    double output = 0.0;     ///< annual output value, 亿元; 0 when unknown
    double employees = 0.0;  ///< 0 when unknown
    std::string_view location;  ///< where an external enterprise is
    Provenance provenance;

    [[nodiscard]] bool has(Tag tag) const { return (known_tags & static_cast<std::uint8_t>(tag)) != 0; }
};

/// A known enterprise-to-enterprise supply: `from` sells to `to`.
struct Supply {
    Index from = kNoIndex;
    Index to = kNoIndex;
    double weight = 1.0;
    Provenance provenance;
};

struct Project {
    std::string_view id, name, name_en;
    Index county = kNoIndex;
    Index park = kNoIndex;
    Index enterprise = kNoIndex;
    std::vector<Index> segments;
    double investment = 0.0;  ///< 亿元; 0 when unknown
    ProjectStatus status = ProjectStatus::planned;
    std::optional<int> year;
    Provenance provenance;
};

/// Which section of a dataset a record belongs to.
enum class Section : std::uint8_t { county, park, chain, segment, enterprise, project };

/// A whole region. Built by the loaders in `io/` (which validate it) or by hand in tests; the
/// loaders guarantee every Index refers to an existing record.
class Dataset {
public:
    Dataset();

    std::string name;          ///< what the user called it: a path or `built-in:liaocheng`
    std::string content_hash;  ///< `xxh3:` and 16 hex digits over the input bytes
    Region region;
    std::vector<County> counties;
    std::vector<Park> parks;
    std::vector<Chain> chains;
    std::vector<Segment> segments;
    std::vector<Link> cross_links;
    std::vector<Enterprise> enterprises;
    std::vector<Supply> supplies;
    std::vector<Project> projects;

    std::vector<Index> enterprise_segments;  ///< pool for Enterprise::segments
    std::vector<std::string_view> tag_words;  ///< pool for Enterprise::tags

    /// Copies `text` into the dataset's arena; the view stays valid as long as any copy of
    /// this dataset lives.
    std::string_view intern(std::string_view text) { return arena_->store(text); }

    [[nodiscard]] std::span<const Index> segments_of(const Enterprise& e) const {
        return {enterprise_segments.data() + e.segments.begin, e.segments.size};
    }
    [[nodiscard]] std::span<const std::string_view> tags_of(const Enterprise& e) const {
        return {tag_words.data() + e.tags.begin, e.tags.size};
    }
    /// Appends `ids` to the pool and returns their span (for builders and loaders).
    Span add_enterprise_segments(std::span<const Index> ids);
    Span add_tags(std::span<const std::string_view> words);

    /// The index of the record with this id in `section`, or kNoIndex. Uses an index built by
    /// `rebuild_lookup()`, which the loaders call; call it again after adding records by hand.
    [[nodiscard]] Index find(Section section, std::string_view id) const;
    void rebuild_lookup();
    /// Adopts an index the loader built while reading (positions must match the section).
    void adopt_lookup(Section section, IdIndex index) { lookup_[static_cast<std::size_t>(section)] = std::move(index); }

    /// Total of `output` over local (non-external) enterprises.
    [[nodiscard]] double local_output() const;

private:
    std::shared_ptr<TextArena> arena_;
    IdIndex lookup_[6];
};

/// The spelling in data of each enum value ("county-city", "development-zone", ...).
std::string_view to_string(Tier tier);
std::string_view to_string(CountyKind kind);
std::string_view to_string(ParkLevel level);
std::string_view to_string(ProjectStatus status);
std::string_view to_string(Confidence confidence);
std::string_view to_string(Tag tag);
std::string_view to_string(Section section);

/// The value spelled `text` in data, or nullopt for a spelling the format does not know.
std::optional<Tier> parse_tier(std::string_view text);
std::optional<CountyKind> parse_county_kind(std::string_view text);
std::optional<ParkLevel> parse_park_level(std::string_view text);
std::optional<ProjectStatus> parse_project_status(std::string_view text);
std::optional<Confidence> parse_confidence(std::string_view text);
std::optional<Tag> parse_tag(std::string_view text);

/// Every known tag, in the order they are printed.
inline constexpr Tag kAllTags[] = {Tag::chain_leader, Tag::little_giant, Tag::specialized,
                                   Tag::champion,     Tag::high_tech,    Tag::listed};

/// Display name in the chosen language: `name_en` for English when the data has one.
inline std::string_view display_name(std::string_view name, std::string_view name_en, bool english) {
    return english && !name_en.empty() ? name_en : name;
}

}  // namespace chainatlas::model
