#include "region_walk_impl.hpp"
#include "text_sink_impl.hpp"

namespace chainatlas::export_ {

namespace {

using namespace detail;

std::string_view gexf_type(AttrType type) {
    switch (type) {
        case AttrType::number:
            return "double";
        case AttrType::integer:
            return "integer";
        case AttrType::boolean:
            return "boolean";
        case AttrType::string:
        case AttrType::list:
            return "string";
    }
    return "string";
}

void declare_attribute(TextSink& sink, std::string_view name, AttrType type) {
    sink.raw("      <attribute id=\"").raw(name).raw("\" title=\"").raw(name).raw("\" type=\"");
    sink.raw(gexf_type(type)).raw("\"/>\n");
}

/// The header, meta data and attribute declarations. Attribute ids are their titles.
void write_header(TextSink& sink, const model::Dataset& data) {
    // 1.2draft rather than 1.3: NetworkX before 2.9 (Debian 12) reads only up to 1.2draft;
    // Gephi reads both.
    sink.raw(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
        "version=\"1.2\">\n");
    sink.raw("  <meta>\n    <creator>chainatlas</creator>\n    <description>");
    sink.xml(data.region.name).raw(" (").xml(data.region.id).raw(", ").xml(data.content_hash);
    sink.raw(")</description>\n  </meta>\n");
    sink.raw("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    sink.raw("    <attributes class=\"node\" mode=\"static\">\n");
    declare_attribute(sink, "kind", AttrType::string);
    declare_attribute(sink, "record_id", AttrType::string);
    for (std::size_t a = 0; a < kNodeAttrCount; ++a) {
        const auto& attr = attribute(static_cast<NodeAttr>(a));
        declare_attribute(sink, attr.name, attr.type);
    }
    sink.raw("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n");
    declare_attribute(sink, "kind", AttrType::string);
    // The supply weight is the edge's own `weight`, which Gephi and NetworkX read as such.
    declare_attribute(sink, "provenance", AttrType::string);
    sink.raw("    </attributes>\n");
}

/// Writes nodes inside <nodes>, then edges inside <edges> (the walk gives every node first).
class GexfVisitor : public RegionVisitor {
public:
    explicit GexfVisitor(TextSink& sink) : sink_(sink) {}

    void node(NodeKind kind, std::string_view id, std::span<const Value> values) override {
        if (!in_nodes_) {
            sink_.raw("    <nodes>\n");
            in_nodes_ = true;
        }
        const auto attrs = node_attributes(kind);
        sink_.raw("      <node id=\"").raw(kind_name(kind)).raw(":").xml(id).raw("\" label=\"");
        sink_.xml(values[0].text).raw("\"><attvalues>");  // name comes first for every kind
        attvalue("kind").raw(kind_name(kind)).raw("\"/>");
        attvalue("record_id").xml(id).raw("\"/>");
        for (std::size_t i = 0; i < attrs.size(); ++i)
            write_attvalue(attribute(attrs[i]), values[i]);
        sink_.raw("</attvalues></node>\n");
        sink_.maybe_flush();
    }

    void edge(const EdgeGroup& group, std::string_view from, std::string_view to,
              std::span<const Value> values) override {
        if (!in_edges_) {
            sink_.raw(in_nodes_ ? "    </nodes>\n" : "    <nodes/>\n").raw("    <edges>\n");
            in_edges_ = true;
        }
        sink_.raw("      <edge id=\"")
            .integer(static_cast<std::int64_t>(edges_++))
            .raw("\" source=\"");
        sink_.raw(kind_name(group.from)).raw(":").xml(from).raw("\" target=\"");
        sink_.raw(kind_name(group.to))
            .raw(":")
            .xml(to)
            .raw("\" label=\"")
            .raw(group.kind)
            .raw("\"");
        for (std::size_t i = 0; i < group.attributes.size(); ++i) {
            if (group.attributes[i] == EdgeAttr::weight)
                sink_.raw(" weight=\"").number(values[i].number).raw("\"");
        }
        sink_.raw("><attvalues>");
        attvalue("kind").raw(group.kind).raw("\"/>");
        for (std::size_t i = 0; i < group.attributes.size(); ++i) {
            if (group.attributes[i] != EdgeAttr::weight)
                write_attvalue(attribute(group.attributes[i]), values[i]);
        }
        sink_.raw("</attvalues></edge>\n");
        sink_.maybe_flush();
    }

    void finish() {
        if (!in_nodes_) sink_.raw("    <nodes/>\n");
        if (in_nodes_ && !in_edges_) sink_.raw("    </nodes>\n");
        sink_.raw(in_edges_ ? "    </edges>\n" : "    <edges/>\n");
    }

private:
    TextSink& attvalue(std::string_view name) {
        return sink_.raw("<attvalue for=\"").raw(name).raw("\" value=\"");
    }

    void write_attvalue(const Attribute& attr, const Value& value) {
        if (!value.present) return;
        attvalue(attr.name);
        write_xml_value(sink_, attr.type, value, scratch_);
        sink_.raw("\"/>");
    }

    TextSink& sink_;
    std::string scratch_;
    std::uint64_t edges_ = 0;
    bool in_nodes_ = false;
    bool in_edges_ = false;
};

}  // namespace

ExportCounts write_gexf(std::ostream& out, const model::Dataset& data, util::Progress* progress) {
    TextSink sink(out);
    write_header(sink, data);
    RegionWalker walker(data, progress);
    GexfVisitor visitor(sink);
    walker.walk_all(visitor);
    visitor.finish();
    sink.raw("  </graph>\n</gexf>\n");
    sink.flush();
    return walker.counts();
}

}  // namespace chainatlas::export_
