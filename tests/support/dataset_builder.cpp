#include "support/dataset_builder.hpp"

#include <nlohmann/json.hpp>

#include "chainatlas/io/load_dataset.hpp"

namespace chainatlas::testing {

using nlohmann::ordered_json;

struct DatasetBuilder::Impl {
    ordered_json doc;
    ordered_json* last = nullptr;
};

namespace {

ordered_json* find_segment(ordered_json& doc, const std::string& id) {
    for (auto& chain : doc["chains"]) {
        for (auto& segment : chain["segments"]) {
            if (segment["id"] == id) return &segment;
        }
    }
    return nullptr;
}

ordered_json* find_chain_of(ordered_json& doc, const std::string& segment_id) {
    for (auto& chain : doc["chains"]) {
        for (auto& segment : chain["segments"]) {
            if (segment["id"] == segment_id) return &chain;
        }
    }
    return nullptr;
}

}  // namespace

DatasetBuilder::DatasetBuilder() : impl_(std::make_shared<Impl>()) {
    impl_->doc = ordered_json{{"format", "chainatlas/1"},
                              {"region", {{"id", "test"}, {"name", "测试地区"}}},
                              {"counties", ordered_json::array()},
                              {"parks", ordered_json::array()},
                              {"chains", ordered_json::array()},
                              {"cross_links", ordered_json::array()},
                              {"enterprises", ordered_json::array()},
                              {"supplies", ordered_json::array()},
                              {"projects", ordered_json::array()}};
}

DatasetBuilder& DatasetBuilder::county(const std::string& id, const std::string& name) {
    auto& list = impl_->doc["counties"];
    list.push_back({{"id", id}, {"name", name.empty() ? id + "县" : name}});
    impl_->last = &list.back();
    return *this;
}

DatasetBuilder& DatasetBuilder::park(const std::string& id, const std::string& county, const std::string& name) {
    auto& list = impl_->doc["parks"];
    list.push_back({{"id", id}, {"name", name.empty() ? id + "园区" : name}, {"county", county}});
    impl_->last = &list.back();
    return *this;
}

DatasetBuilder& DatasetBuilder::chain(const std::string& id, std::initializer_list<std::string> segments,
                                      const std::string& name) {
    ordered_json list = ordered_json::array();
    for (const auto& s : segments) list.push_back({{"id", s}, {"name", s}});
    auto& chains = impl_->doc["chains"];
    chains.push_back({{"id", id}, {"name", name.empty() ? id : name}, {"leaders", ordered_json::array()},
                      {"segments", list}, {"links", ordered_json::array()}});
    impl_->last = &chains.back();
    return *this;
}

DatasetBuilder& DatasetBuilder::tier(const std::string& segment, model::Tier tier) {
    if (auto* s = find_segment(impl_->doc, segment)) (*s)["tier"] = std::string(model::to_string(tier));
    return *this;
}

DatasetBuilder& DatasetBuilder::link(const std::string& from, const std::string& to) {
    ordered_json* chain = find_chain_of(impl_->doc, from);
    if (chain == nullptr) chain = &impl_->doc["chains"].back();
    (*chain)["links"].push_back({{"from", from}, {"to", to}});
    return *this;
}

DatasetBuilder& DatasetBuilder::cross_link(const std::string& from, const std::string& to) {
    impl_->doc["cross_links"].push_back({{"from", from}, {"to", to}});
    return *this;
}

DatasetBuilder& DatasetBuilder::leader(const std::string& chain, const std::string& enterprise) {
    for (auto& c : impl_->doc["chains"]) {
        if (c["id"] == chain) c["leaders"].push_back(enterprise);
    }
    return *this;
}

DatasetBuilder& DatasetBuilder::enterprise(const std::string& id, const std::string& county,
                                           std::initializer_list<std::string> segments) {
    auto& list = impl_->doc["enterprises"];
    list.push_back({{"id", id}, {"name", id + "公司"}, {"county", county},
                    {"segments", std::vector<std::string>(segments)}});
    impl_->last = &list.back();
    return *this;
}

DatasetBuilder& DatasetBuilder::external(const std::string& id, std::initializer_list<std::string> segments,
                                         const std::string& location) {
    auto& list = impl_->doc["enterprises"];
    list.push_back({{"id", id}, {"name", id + "公司"}, {"external", true}, {"location", location},
                    {"segments", std::vector<std::string>(segments)}});
    impl_->last = &list.back();
    return *this;
}

DatasetBuilder& DatasetBuilder::output(double value) {
    (*impl_->last)["output"] = value;
    return *this;
}

DatasetBuilder& DatasetBuilder::in_park(const std::string& park) {
    (*impl_->last)["park"] = park;
    return *this;
}

DatasetBuilder& DatasetBuilder::tag(const std::string& word) {
    (*impl_->last)["tags"].push_back(word);
    return *this;
}

DatasetBuilder& DatasetBuilder::name(const std::string& name) {
    (*impl_->last)["name"] = name;
    return *this;
}

DatasetBuilder& DatasetBuilder::supply(const std::string& from, const std::string& to, double weight) {
    impl_->doc["supplies"].push_back({{"from", from}, {"to", to}, {"weight", weight}});
    return *this;
}

DatasetBuilder& DatasetBuilder::project(const std::string& id, const std::string& county,
                                        std::initializer_list<std::string> segments, model::ProjectStatus status,
                                        double investment) {
    auto& list = impl_->doc["projects"];
    list.push_back({{"id", id}, {"name", id + "项目"}, {"county", county},
                    {"segments", std::vector<std::string>(segments)},
                    {"status", std::string(model::to_string(status))}});
    if (investment > 0) list.back()["investment"] = investment;
    impl_->last = &list.back();
    return *this;
}

std::string DatasetBuilder::json() const { return impl_->doc.dump(2); }

model::Dataset DatasetBuilder::build() const {
    return io::load_dataset_from_json(json(), "test-dataset").dataset;
}

}  // namespace chainatlas::testing
