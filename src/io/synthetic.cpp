#include "chainatlas/io/synthetic.hpp"

#include <charconv>
#include <random>
#include <string>

#include "chainatlas/io/write_file.hpp"

namespace chainatlas::io {

namespace {

/// Appends to a string buffer and hands it to the stream in large pieces: a million
/// enterprises are written in well under a second.
class Writer {
public:
    explicit Writer(std::ostream& out) : out_(out) { buffer_.reserve(kFlushAt + 4096); }
    ~Writer() { flush(); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    Writer& operator<<(std::string_view text) {
        buffer_ += text;
        if (buffer_.size() >= kFlushAt) flush();
        return *this;
    }
    Writer& operator<<(std::size_t value) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        return *this << std::string_view(digits, static_cast<std::size_t>(end - digits));
    }
    /// A number with two decimals, written without locale or exponent.
    Writer& decimal(std::size_t hundredths) {
        *this << hundredths / 100 << ".";
        const std::size_t cents = hundredths % 100;
        if (cents < 10) *this << "0";
        return *this << cents;
    }
    void flush() {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }

private:
    static constexpr std::size_t kFlushAt = 1 << 20;
    std::ostream& out_;
    std::string buffer_;
};

class Generator {
public:
    explicit Generator(const SynthOptions& options) : o_(options), rng_(options.seed) {
        if (o_.chains == 0) o_.chains = 1;
        if (o_.segments_per_chain < 3) o_.segments_per_chain = 3;
        if (o_.counties == 0) o_.counties = 1;
    }

    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng_() % n); }

    void region(Writer& w) {
        w << "\"format\": \"chainatlas/1\",\n\"region\": {\"id\": \"synthetic\", \"name\": \"合成地区\", "
             "\"name_en\": \"Synthetic region\", \"year\": 2025, \"note\": \"seed "
          << static_cast<std::size_t>(o_.seed) << "\"},\n";
    }

    void counties(Writer& w) {
        w << "\"counties\": [\n";
        for (std::size_t k = 0; k < o_.counties; ++k) {
            w << (k ? ",\n" : "") << "{\"id\": \"k" << k << "\", \"name\": \"合成县" << k << "\", \"kind\": \"county\"}";
        }
        w << "\n],\n\"parks\": [\n";
        for (std::size_t k = 0; k < o_.counties; ++k) {
            w << (k ? ",\n" : "") << "{\"id\": \"p" << k << "\", \"name\": \"合成园区" << k << "\", \"county\": \"k" << k
              << "\", \"level\": \"provincial\", \"chains\": [\"c" << home_chain(k) << "\"]}";
        }
        w << "\n],\n";
    }

    void chains(Writer& w) {
        const std::size_t n = o_.segments_per_chain;
        w << "\"chains\": [\n";
        for (std::size_t c = 0; c < o_.chains; ++c) {
            w << (c ? ",\n" : "") << "{\"id\": \"c" << c << "\", \"name\": \"合成产业链" << c
              << "\", \"confidence\": \"inferred\", \"segments\": [";
            for (std::size_t s = 0; s < n; ++s) {
                const char* tier = s < n / 3 ? "upstream" : s < 2 * n / 3 ? "midstream" : "downstream";
                w << (s ? ", " : "") << "{\"id\": \"c" << c << ".s" << s << "\", \"name\": \"环节" << s
                  << "\", \"tier\": \"" << tier << "\"}";
            }
            w << "], \"links\": [";
            bool first = true;
            const auto link = [&](std::size_t from, std::size_t to) {
                w << (first ? "" : ", ") << "{\"from\": \"c" << c << ".s" << from << "\", \"to\": \"c" << c << ".s" << to
                  << "\"}";
                first = false;
            };
            for (std::size_t s = 0; s + 1 < n; ++s) link(s, s + 1);
            for (std::size_t s = 0; s + 3 < n; s += 3) link(s, s + 3);
            if (c % 10 == 0) link(n - 1, 0);  // recycling closes a cycle in every tenth chain
            w << "]}";
        }
        w << "\n],\n\"cross_links\": [\n";
        for (std::size_t c = 0; c + 1 < o_.chains; ++c) {
            w << (c ? ",\n" : "") << "{\"from\": \"c" << c << ".s" << n / 2 << "\", \"to\": \"c" << c + 1 << ".s"
              << n / 3 << "\"}";
        }
        w << "\n]";
    }

    /// One enterprise as CSV: id,name,county,park,segments,output,employees,tags,external,location
    void enterprise_csv(Writer& w, std::size_t i) {
        const Enterprise e = enterprise(i);
        w << "e" << i << ",合成企业" << i << "有限公司,";
        if (!e.external) w << "k" << e.county;
        w << ",";
        if (e.has_park) w << "p" << e.county;
        w << ",c" << e.chain << ".s" << e.segment;
        if (e.second_segment) w << ";c" << e.chain << ".s" << e.segment + 1;
        w << ",";
        w.decimal(e.output_hundredths);
        w << "," << e.employees << "," << (e.tagged ? "specialized" : "") << "," << (e.external ? "true" : "false") << ","
          << (e.external ? "外省" : "") << "\n";
    }

    void enterprise_json(Writer& w, std::size_t i) {
        const Enterprise e = enterprise(i);
        w << "{\"id\": \"e" << i << "\", \"name\": \"合成企业" << i << "有限公司\"";
        if (e.external) {
            w << ", \"external\": true, \"location\": \"外省\"";
        } else {
            w << ", \"county\": \"k" << e.county << "\"";
        }
        if (e.has_park) w << ", \"park\": \"p" << e.county << "\"";
        w << ", \"segments\": [\"c" << e.chain << ".s" << e.segment << "\"";
        if (e.second_segment) w << ", \"c" << e.chain << ".s" << e.segment + 1 << "\"";
        w << "], \"output\": ";
        w.decimal(e.output_hundredths);
        w << ", \"employees\": " << e.employees;
        if (e.tagged) w << ", \"tags\": [\"specialized\"]";
        w << "}";
    }

    std::pair<std::size_t, std::size_t> supply() {
        const std::size_t from = below(o_.enterprises);
        std::size_t to = below(o_.enterprises - 1);
        if (to >= from) ++to;  // never the same enterprise
        return {from, to};
    }

    void project_fields(Writer& w, std::size_t i, bool csv) {
        const std::size_t county = below(o_.counties);
        const std::size_t chain = below(o_.chains);
        const std::size_t segment = below(o_.segments_per_chain);
        static constexpr const char* kStatus[] = {"planned", "signed", "building", "operating"};
        const char* status = kStatus[below(4)];
        const std::size_t investment = 100 + below(100000);
        if (csv) {
            w << "pr" << i << ",合成项目" << i << ",k" << county << ",,,c" << chain << ".s" << segment << ",";
            w.decimal(investment);
            w << "," << status << "," << 2020 + below(6) << "\n";
        } else {
            w << "{\"id\": \"pr" << i << "\", \"name\": \"合成项目" << i << "\", \"county\": \"k" << county
              << "\", \"segments\": [\"c" << chain << ".s" << segment << "\"], \"investment\": ";
            w.decimal(investment);
            w << ", \"status\": \"" << status << "\", \"year\": " << 2020 + below(6) << "}";
        }
    }

    [[nodiscard]] const SynthOptions& options() const { return o_; }

private:
    struct Enterprise {
        bool external = false;
        std::size_t county = 0;
        bool has_park = false;
        std::size_t chain = 0;
        std::size_t segment = 0;
        bool second_segment = false;
        std::size_t output_hundredths = 0;
        std::size_t employees = 0;
        bool tagged = false;
    };

    /// Counties specialise: each has a home chain that most of its enterprises work in.
    [[nodiscard]] std::size_t home_chain(std::size_t county) const { return (county * 7) % o_.chains; }

    Enterprise enterprise(std::size_t /*i*/) {
        Enterprise e;
        e.external = below(10000) < static_cast<std::size_t>(o_.external_share * 10000);
        e.county = below(o_.counties);
        e.has_park = !e.external && below(2) == 0;
        e.chain = below(10) < 7 ? home_chain(e.county) : below(o_.chains);
        e.segment = below(o_.segments_per_chain - 1);
        e.second_segment = below(5) == 0;
        // Skewed sizes: most enterprises are small, a few are large.
        const std::size_t r = below(1000);
        e.output_hundredths = r < 900 ? 10 + below(500) : r < 990 ? 500 + below(5000) : 5000 + below(100000);
        e.employees = 10 + below(500);
        e.tagged = below(50) == 0;
        return e;
    }

    SynthOptions o_;
    std::mt19937_64 rng_;
};

void write_dataset_head(Writer& w, Generator& g) {
    g.region(w);
    g.counties(w);
    g.chains(w);
}

}  // namespace

void write_synthetic_json(std::ostream& out, const SynthOptions& options) {
    Generator g(options);
    Writer w(out);
    w << "{\n";
    write_dataset_head(w, g);
    w << ",\n\"enterprises\": [\n";
    for (std::size_t i = 0; i < options.enterprises; ++i) {
        if (i) w << ",\n";
        g.enterprise_json(w, i);
    }
    w << "\n],\n\"supplies\": [\n";
    for (std::size_t i = 0; options.enterprises > 1 && i < options.supplies; ++i) {
        const auto [from, to] = g.supply();
        w << (i ? ",\n" : "") << "{\"from\": \"e" << from << "\", \"to\": \"e" << to << "\"}";
    }
    w << "\n],\n\"projects\": [\n";
    for (std::size_t i = 0; i < options.projects; ++i) {
        if (i) w << ",\n";
        g.project_fields(w, i, false);
    }
    w << "\n]\n}\n";
}

void write_synthetic_folder(const std::filesystem::path& folder, const SynthOptions& options) {
    std::filesystem::create_directories(folder);
    Generator g(options);
    write_file_atomically(folder / "dataset.json", [&](std::ostream& out) {
        Writer w(out);
        w << "{\n";
        write_dataset_head(w, g);
        w << "\n}\n";
    });
    write_file_atomically(folder / "enterprises.csv", [&](std::ostream& out) {
        Writer w(out);
        w << "id,name,county,park,segments,output,employees,tags,external,location\n";
        for (std::size_t i = 0; i < options.enterprises; ++i) g.enterprise_csv(w, i);
    });
    write_file_atomically(folder / "supplies.csv", [&](std::ostream& out) {
        Writer w(out);
        w << "from,to,weight\n";
        for (std::size_t i = 0; options.enterprises > 1 && i < options.supplies; ++i) {
            const auto [from, to] = g.supply();
            w << "e" << from << ",e" << to << ",1\n";
        }
    });
    write_file_atomically(folder / "projects.csv", [&](std::ostream& out) {
        Writer w(out);
        w << "id,name,county,park,enterprise,segments,investment,status,year\n";
        for (std::size_t i = 0; i < options.projects; ++i) g.project_fields(w, i, true);
    });
}

}  // namespace chainatlas::io
