#include "chainatlas/model/dataset.hpp"

#include <array>
#include <utility>

namespace chainatlas::model {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_from(const std::array<std::pair<std::string_view, Enum>, N>& table,
                               std::string_view text) {
    for (const auto& [spelling, value] : table) {
        if (spelling == text) return value;
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view spell(const std::array<std::pair<std::string_view, Enum>, N>& table, Enum value) {
    for (const auto& [spelling, candidate] : table) {
        if (candidate == value) return spelling;
    }
    return "unknown";
}

constexpr std::array<std::pair<std::string_view, Tier>, 3> kTiers{{
    {"upstream", Tier::upstream}, {"midstream", Tier::midstream}, {"downstream", Tier::downstream}}};
constexpr std::array<std::pair<std::string_view, CountyKind>, 4> kCountyKinds{{
    {"district", CountyKind::district},
    {"county", CountyKind::county},
    {"county-city", CountyKind::county_city},
    {"development-zone", CountyKind::development_zone}}};
constexpr std::array<std::pair<std::string_view, ParkLevel>, 4> kParkLevels{{
    {"national", ParkLevel::national},
    {"provincial", ParkLevel::provincial},
    {"municipal", ParkLevel::municipal},
    {"county", ParkLevel::county}}};
constexpr std::array<std::pair<std::string_view, ProjectStatus>, 4> kStatuses{{
    {"planned", ProjectStatus::planned},
    {"signed", ProjectStatus::signed_},
    {"building", ProjectStatus::building},
    {"operating", ProjectStatus::operating}}};
constexpr std::array<std::pair<std::string_view, Confidence>, 2> kConfidences{{
    {"confirmed", Confidence::confirmed}, {"inferred", Confidence::inferred}}};
constexpr std::array<std::pair<std::string_view, Tag>, 6> kTags{{
    {"chain-leader", Tag::chain_leader},
    {"little-giant", Tag::little_giant},
    {"specialized", Tag::specialized},
    {"champion", Tag::champion},
    {"high-tech", Tag::high_tech},
    {"listed", Tag::listed}}};
constexpr std::array<std::pair<std::string_view, Section>, 6> kSections{{
    {"county", Section::county},
    {"park", Section::park},
    {"chain", Section::chain},
    {"segment", Section::segment},
    {"enterprise", Section::enterprise},
    {"project", Section::project}}};

template <typename Records>
void index_section(IdIndex& lookup, const Records& records) {
    lookup.clear();
    lookup.reserve(records.size());
    for (const auto& record : records) lookup.insert(record.id);
}

}  // namespace

Dataset::Dataset() : arena_(std::make_shared<TextArena>()) {}

Span Dataset::add_enterprise_segments(std::span<const Index> ids) {
    const Span span{static_cast<std::uint32_t>(enterprise_segments.size()),
                    static_cast<std::uint32_t>(ids.size())};
    enterprise_segments.insert(enterprise_segments.end(), ids.begin(), ids.end());
    return span;
}

Span Dataset::add_tags(std::span<const std::string_view> words) {
    const Span span{static_cast<std::uint32_t>(tag_words.size()),
                    static_cast<std::uint32_t>(words.size())};
    tag_words.insert(tag_words.end(), words.begin(), words.end());
    return span;
}

Index Dataset::find(Section section, std::string_view id) const {
    const std::uint32_t found = lookup_[static_cast<std::size_t>(section)].find(id);
    return found == IdIndex::kMissing ? kNoIndex : found;
}

void Dataset::rebuild_lookup() {
    index_section(lookup_[static_cast<std::size_t>(Section::county)], counties);
    index_section(lookup_[static_cast<std::size_t>(Section::park)], parks);
    index_section(lookup_[static_cast<std::size_t>(Section::chain)], chains);
    index_section(lookup_[static_cast<std::size_t>(Section::segment)], segments);
    index_section(lookup_[static_cast<std::size_t>(Section::enterprise)], enterprises);
    index_section(lookup_[static_cast<std::size_t>(Section::project)], projects);
}

double Dataset::local_output() const {
    double total = 0.0;
    for (const auto& e : enterprises) {
        if (!e.external) total += e.output;
    }
    return total;
}

std::string_view to_string(Tier tier) { return spell(kTiers, tier); }
std::string_view to_string(CountyKind kind) { return spell(kCountyKinds, kind); }
std::string_view to_string(ParkLevel level) { return spell(kParkLevels, level); }
std::string_view to_string(ProjectStatus status) { return spell(kStatuses, status); }
std::string_view to_string(Confidence confidence) { return spell(kConfidences, confidence); }
std::string_view to_string(Tag tag) { return spell(kTags, tag); }
std::string_view to_string(Section section) { return spell(kSections, section); }

std::optional<Tier> parse_tier(std::string_view text) { return parse_from(kTiers, text); }
std::optional<CountyKind> parse_county_kind(std::string_view text) {
    return parse_from(kCountyKinds, text);
}
std::optional<ParkLevel> parse_park_level(std::string_view text) {
    return parse_from(kParkLevels, text);
}
std::optional<ProjectStatus> parse_project_status(std::string_view text) {
    return parse_from(kStatuses, text);
}
std::optional<Confidence> parse_confidence(std::string_view text) {
    return parse_from(kConfidences, text);
}
std::optional<Tag> parse_tag(std::string_view text) { return parse_from(kTags, text); }

}  // namespace chainatlas::model
