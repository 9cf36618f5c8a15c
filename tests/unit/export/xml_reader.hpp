#pragma once

// Reads the GraphML and GEXF the exporters write back with an XML parser (Boost.PropertyTree),
// so the tests see what a reader sees: entities decoded, attributes by name.

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace chainatlas::testing {

namespace pt = boost::property_tree;

inline pt::ptree parse_xml(const std::string& text) {
    std::istringstream in(text);
    pt::ptree tree;
    pt::read_xml(in, tree);
    return tree;
}

/// An XML attribute of `element`, or "" when it has none.
inline std::string xml_attribute(const pt::ptree& element, const std::string& name) {
    return element.get<std::string>("<xmlattr>." + name, "");
}

/// The children of `parent` named `name`, in document order.
inline std::vector<const pt::ptree*> children(const pt::ptree& parent, const std::string& name) {
    std::vector<const pt::ptree*> out;
    for (const auto& [key, child] : parent) {
        if (key == name) out.push_back(&child);
    }
    return out;
}

/// A node or edge of either format: its XML attributes and its data/attvalues by name.
struct XmlElement {
    std::map<std::string, std::string> xml;
    std::map<std::string, std::string> values;
};

}  // namespace chainatlas::testing
