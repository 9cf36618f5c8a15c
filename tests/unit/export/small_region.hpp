#pragma once

// The small region the export tests write in every format: two chains with a cross link, a
// park, a local enterprise in two chains that leads one, a local one with a hostile name, an
// external candidate, two supplies and a project.
//
//   nodes: county 2, park 1, chain 2, segment 5, enterprise 3, project 1          (14)
//   edges: part_of 5, link 3, cross_link 1, in_county 4 (park 1, enterprises 2, project 1),
//          leads 1, member 4, in_park 1, supply 2, targets 1, by_enterprise 1     (23)

#include <string_view>

#include "chainatlas/model/dataset.hpp"
#include "support/dataset_builder.hpp"

namespace chainatlas::testing {

/// Markup, a line break, a formula and characters XML 1.0 forbids (U+0001, U+FFFE).
inline constexpr std::string_view kHostileName = "<&\">\n=cmd|' /C calc'!A0\x01\xEF\xBF\xBE end";
/// What XML readers give back for kHostileName: the forbidden characters are dropped.
inline constexpr std::string_view kHostileNameInXml = "<&\">\n=cmd|' /C calc'!A0 end";
inline constexpr std::string_view kFormulaName = "=cmd|' /C calc'!A0";

inline model::Dataset small_region() {
    DatasetBuilder b;
    b.county("a", "甲县").county("b", "乙县");
    b.park("pa", "a", "甲园区");
    b.chain("c", {"c.up", "c.mid", "c.down"}, "铸造").link("c.up", "c.mid").link("c.mid", "c.down");
    b.chain("d", {"d.one", "d.two"}, "整车").link("d.one", "d.two");
    b.cross_link("c.down", "d.one");
    b.enterprise("e1", "a", {"c.up", "d.two"})
        .output(5.0)
        .in_park("pa")
        .tag("chain-leader")
        .tag("外资");
    b.enterprise("e2", "b", {"c.mid"}).name(std::string(kFormulaName));
    b.external("x1", {"c.down"}, "天津");
    b.leader("c", "e1");
    b.supply("e1", "e2", 2.5).supply("x1", "e1");
    b.project("p1", "a", {"c.down"}, model::ProjectStatus::building, 3.0);
    auto data = b.build();
    // Set in memory, past the loader, which checks the text of files.
    data.enterprises[0].name = data.intern(kHostileName);
    data.projects[0].enterprise = 0;
    return data;
}

}  // namespace chainatlas::testing
