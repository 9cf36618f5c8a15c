#include "region_walk_impl.hpp"
#include "text_sink_impl.hpp"

namespace chainatlas::export_ {

namespace {

using namespace detail;

/// One node or link per line, in the layout of NetworkX's `node_link_data` (edges under
/// "links"), so that `networkx.node_link_graph` reads it back as a MultiDiGraph.
class NodeLinkVisitor : public RegionVisitor {
public:
    explicit NodeLinkVisitor(TextSink& sink) : sink_(sink) {}

    void node(NodeKind kind, std::string_view id, std::span<const Value> values) override {
        sink_.raw(first_node_ ? "\n  " : ",\n  ");
        first_node_ = false;
        sink_.raw("{\"id\": \"").raw(kind_name(kind)).raw(":");
        // The id goes inside the quotes already written: drop the quotes of the escaped form.
        append_json_body(id);
        sink_.raw("\", \"kind\": \"").raw(kind_name(kind)).raw("\", \"record_id\": ").json(id);
        const auto attrs = node_attributes(kind);
        for (std::size_t i = 0; i < attrs.size(); ++i) write_member(attribute(attrs[i]), values[i]);
        sink_.raw("}");
        sink_.maybe_flush();
    }

    void edge(const EdgeGroup& group, std::string_view from, std::string_view to,
              std::span<const Value> values) override {
        if (!in_links_) {
            sink_.raw(first_node_ ? "],\n\"links\": [" : "\n],\n\"links\": [");
            in_links_ = true;
        }
        sink_.raw(first_link_ ? "\n  " : ",\n  ");
        first_link_ = false;
        sink_.raw("{\"source\": \"").raw(kind_name(group.from)).raw(":");
        append_json_body(from);
        sink_.raw("\", \"target\": \"").raw(kind_name(group.to)).raw(":");
        append_json_body(to);
        sink_.raw("\", \"kind\": \"").raw(group.kind).raw("\"");
        for (std::size_t i = 0; i < group.attributes.size(); ++i)
            write_member(attribute(group.attributes[i]), values[i]);
        sink_.raw("}");
        sink_.maybe_flush();
    }

    void finish() {
        if (!in_links_) sink_.raw(first_node_ ? "],\n\"links\": [" : "\n],\n\"links\": [");
        sink_.raw(first_link_ ? "]\n}\n" : "\n]\n}\n");
    }

private:
    void append_json_body(std::string_view text) {
        scratch_.clear();
        append_json_string(scratch_, text);
        sink_.raw(std::string_view(scratch_).substr(1, scratch_.size() - 2));
    }

    void write_member(const Attribute& attr, const Value& value) {
        if (!value.present) return;
        sink_.raw(", \"").raw(attr.name).raw("\": ");
        switch (attr.type) {
            case AttrType::string:
                sink_.json(value.text);
                break;
            case AttrType::number:
                sink_.number(value.number);
                break;
            case AttrType::integer:
                sink_.integer(value.integer);
                break;
            case AttrType::boolean:
                sink_.raw(value.flag ? "true" : "false");
                break;
            case AttrType::list:
                sink_.raw("[");
                for (std::size_t i = 0; i < value.list.size(); ++i) {
                    if (i > 0) sink_.raw(", ");
                    sink_.json(value.list[i]);
                }
                sink_.raw("]");
                break;
        }
    }

    TextSink& sink_;
    std::string scratch_;
    bool first_node_ = true;
    bool first_link_ = true;
    bool in_links_ = false;
};

}  // namespace

ExportCounts write_node_link_json(std::ostream& out, const model::Dataset& data,
                                  util::Progress* progress) {
    TextSink sink(out);
    sink.raw("{\"directed\": true, \"multigraph\": true,\n\"graph\": {\"region_id\": ")
        .json(data.region.id);
    sink.raw(", \"region_name\": ").json(data.region.name);
    sink.raw(", \"dataset_hash\": ").json(data.content_hash).raw("},\n\"nodes\": [");
    RegionWalker walker(data, progress);
    NodeLinkVisitor visitor(sink);
    walker.walk_all(visitor);
    visitor.finish();
    sink.flush();
    return walker.counts();
}

}  // namespace chainatlas::export_
