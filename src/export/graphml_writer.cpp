#include "region_walk_impl.hpp"
#include "text_sink_impl.hpp"

namespace chainatlas::export_ {

namespace {

using namespace detail;

std::string_view graphml_type(AttrType type) {
    switch (type) {
        case AttrType::number:
            return "double";
        case AttrType::integer:
            return "int";
        case AttrType::boolean:
            return "boolean";
        case AttrType::string:
        case AttrType::list:
            return "string";
    }
    return "string";
}

void declare_key(TextSink& sink, std::string_view prefix, std::string_view domain,
                 std::string_view name, AttrType type) {
    sink.raw("  <key id=\"")
        .raw(prefix)
        .raw(name)
        .raw("\" for=\"")
        .raw(domain)
        .raw("\" attr.name=\"");
    sink.raw(name).raw("\" attr.type=\"").raw(graphml_type(type)).raw("\"/>\n");
}

/// The header and every <key>: graph (g_), node (n_) and edge (e_) attributes.
void write_header(TextSink& sink, const model::Dataset& data) {
    sink.raw(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (const auto name : {"region_id", "region_name", "dataset_hash"}) {
        declare_key(sink, "g_", "graph", name, AttrType::string);
    }
    declare_key(sink, "n_", "node", "kind", AttrType::string);
    declare_key(sink, "n_", "node", "record_id", AttrType::string);
    for (std::size_t a = 0; a < kNodeAttrCount; ++a) {
        const auto& attr = attribute(static_cast<NodeAttr>(a));
        declare_key(sink, "n_", "node", attr.name, attr.type);
    }
    declare_key(sink, "e_", "edge", "kind", AttrType::string);
    for (std::size_t a = 0; a < kEdgeAttrCount; ++a) {
        const auto& attr = attribute(static_cast<EdgeAttr>(a));
        declare_key(sink, "e_", "edge", attr.name, attr.type);
    }
    sink.raw("  <graph id=\"G\" edgedefault=\"directed\">\n");
    sink.raw("    <data key=\"g_region_id\">").xml(data.region.id).raw("</data>\n");
    sink.raw("    <data key=\"g_region_name\">").xml(data.region.name).raw("</data>\n");
    sink.raw("    <data key=\"g_dataset_hash\">").xml(data.content_hash).raw("</data>\n");
}

class GraphmlVisitor : public RegionVisitor {
public:
    explicit GraphmlVisitor(TextSink& sink) : sink_(sink) {}

    void node(NodeKind kind, std::string_view id, std::span<const Value> values) override {
        sink_.raw("    <node id=\"").raw(kind_name(kind)).raw(":").xml(id).raw("\">");
        sink_.raw("<data key=\"n_kind\">").raw(kind_name(kind)).raw("</data>");
        sink_.raw("<data key=\"n_record_id\">").xml(id).raw("</data>");
        const auto attrs = node_attributes(kind);
        for (std::size_t i = 0; i < attrs.size(); ++i) write_data(attribute(attrs[i]), values[i]);
        sink_.raw("</node>\n");
        sink_.maybe_flush();
    }

    void edge(const EdgeGroup& group, std::string_view from, std::string_view to,
              std::span<const Value> values) override {
        sink_.raw("    <edge id=\"e")
            .integer(static_cast<std::int64_t>(edges_++))
            .raw("\" source=\"");
        sink_.raw(kind_name(group.from)).raw(":").xml(from).raw("\" target=\"");
        sink_.raw(kind_name(group.to)).raw(":").xml(to).raw("\">");
        sink_.raw("<data key=\"e_kind\">").raw(group.kind).raw("</data>");
        for (std::size_t i = 0; i < group.attributes.size(); ++i)
            write_data(attribute(group.attributes[i]), values[i], "e_");
        sink_.raw("</edge>\n");
        sink_.maybe_flush();
    }

private:
    void write_data(const Attribute& attr, const Value& value, std::string_view prefix = "n_") {
        if (!value.present) return;
        sink_.raw("<data key=\"").raw(prefix).raw(attr.name).raw("\">");
        write_xml_value(sink_, attr.type, value, scratch_);
        sink_.raw("</data>");
    }

    TextSink& sink_;
    std::string scratch_;
    std::uint64_t edges_ = 0;
};

}  // namespace

ExportCounts write_graphml(std::ostream& out, const model::Dataset& data,
                           util::Progress* progress) {
    TextSink sink(out);
    write_header(sink, data);
    RegionWalker walker(data, progress);
    GraphmlVisitor visitor(sink);
    walker.walk_all(visitor);
    sink.raw("  </graph>\n</graphml>\n");
    sink.flush();
    return walker.counts();
}

}  // namespace chainatlas::export_
