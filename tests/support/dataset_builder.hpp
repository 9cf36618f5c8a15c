#pragma once

// Builds small datasets in code for tests: a few segments, named for what they show.
//
//   DatasetBuilder b;
//   b.county("a").county("b");
//   b.chain("c", {"c.up", "c.mid", "c.down"}).link("c.up", "c.mid").link("c.mid", "c.down");
//   b.enterprise("e1", "a", {"c.up"}).output(5.0);
//   b.external("x1", {"c.mid"});
//   b.supply("e1", "e2");
//   b.project("p1", "a", {"c.mid"}, model::ProjectStatus::building);
//   const model::Dataset data = b.build();   // validated like a loaded file; throws on mistakes

#include <initializer_list>
#include <string>
#include <vector>

#include "chainatlas/model/dataset.hpp"

namespace chainatlas::testing {

class DatasetBuilder {
public:
    DatasetBuilder();

    DatasetBuilder& county(const std::string& id, const std::string& name = "");
    DatasetBuilder& park(const std::string& id, const std::string& county, const std::string& name = "");
    /// A chain and its segments in upstream-to-downstream order; tiers are left to be derived
    /// unless set with `tier`.
    DatasetBuilder& chain(const std::string& id, std::initializer_list<std::string> segments,
                          const std::string& name = "");
    DatasetBuilder& tier(const std::string& segment, model::Tier tier);
    DatasetBuilder& link(const std::string& from, const std::string& to);
    DatasetBuilder& cross_link(const std::string& from, const std::string& to);
    DatasetBuilder& leader(const std::string& chain, const std::string& enterprise);
    /// A local enterprise. Follow with `output`, `in_park`, `tag`, `name` to set more.
    DatasetBuilder& enterprise(const std::string& id, const std::string& county,
                               std::initializer_list<std::string> segments);
    /// An enterprise outside the region (a recruitment candidate).
    DatasetBuilder& external(const std::string& id, std::initializer_list<std::string> segments,
                             const std::string& location = "外地");
    DatasetBuilder& output(double value);        ///< of the last enterprise
    DatasetBuilder& in_park(const std::string& park);  ///< of the last enterprise
    DatasetBuilder& tag(const std::string& word);     ///< of the last enterprise
    DatasetBuilder& name(const std::string& name);    ///< of the last record added
    DatasetBuilder& supply(const std::string& from, const std::string& to, double weight = 1.0);
    DatasetBuilder& project(const std::string& id, const std::string& county,
                            std::initializer_list<std::string> segments, model::ProjectStatus status,
                            double investment = 0.0);

    /// The dataset, written as chainatlas/1 JSON and loaded through the real loader, so a
    /// builder mistake fails like a bad file would (DatasetError).
    [[nodiscard]] model::Dataset build() const;
    /// The JSON text `build` loads.
    [[nodiscard]] std::string json() const;

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace chainatlas::testing
