#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/<target>/) from real files:
the fixtures under tests/fixtures, one slice of data/liaocheng/dataset.json per chain (the
chain, its cross links, the counties, parks, enterprises, supplies and projects it needs, with
`source` and `note` dropped to keep seeds small), a few small hand-made datasets, and CSV files
cut from the Liaocheng enterprises and projects. Run it again when the format grows; the output
is deterministic.

    python3 tests/fuzz/make_corpus.py
"""
import csv
import io
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"
LIAOCHENG = ROOT / "data" / "liaocheng" / "dataset.json"


def strip(record):
    return {k: v for k, v in record.items() if k not in ("source", "note")}


def chain_slice(data, chain, max_enterprises=12):
    segments = {s["id"] for s in chain["segments"]}
    enterprises = [strip(e) for e in data["enterprises"] if segments & set(e.get("segments", []))]
    enterprises = enterprises[:max_enterprises]
    ids = {e["id"] for e in enterprises}
    for e in enterprises:
        e["segments"] = [s for s in e.get("segments", []) if s in segments]
    counties = {e["county"] for e in enterprises if "county" in e}
    parks = [strip(p) for p in data["parks"] if p["id"] in {e.get("park") for e in enterprises}]
    for e in enterprises:
        if e.get("park") not in {p["id"] for p in parks}:
            e.pop("park", None)
    for p in parks:
        p["chains"] = [c for c in p.get("chains", []) if c == chain["id"]]
        counties.add(p["county"])
    projects = []
    for p in data["projects"]:
        if p["county"] in counties and segments & set(p.get("segments", [])):
            p = strip(p)
            p["segments"] = [s for s in p.get("segments", []) if s in segments]
            if p.get("enterprise") not in ids:
                p.pop("enterprise", None)
            if p.get("park") not in {q["id"] for q in parks}:
                p.pop("park", None)
            projects.append(p)
    chain = strip(chain)
    chain["segments"] = [strip(s) for s in chain["segments"]]
    chain["links"] = [strip(link) for link in chain.get("links", [])]
    chain["leaders"] = [x for x in chain.get("leaders", []) if x in ids]
    return {
        "format": "chainatlas/1",
        "region": strip(data["region"]),
        "counties": [strip(c) for c in data["counties"] if c["id"] in counties],
        "parks": parks,
        "chains": [chain],
        "cross_links": [],
        "enterprises": enterprises,
        "supplies": [strip(s) for s in data["supplies"] if s["from"] in ids and s["to"] in ids],
        "projects": projects[:6],
    }


def two_chains_with_cross_links(data):
    first, second = data["chains"][0], data["chains"][2]
    a, b = chain_slice(data, first, 6), chain_slice(data, second, 6)
    merged = dict(a)
    merged["chains"] = a["chains"] + b["chains"]
    seen = {c["id"] for c in a["counties"]}
    merged["counties"] = a["counties"] + [c for c in b["counties"] if c["id"] not in seen]
    seen = {p["id"] for p in a["parks"]}
    merged["parks"] = a["parks"] + [p for p in b["parks"] if p["id"] not in seen]
    seen = {e["id"] for e in a["enterprises"]}
    extra = [e for e in b["enterprises"] if e["id"] not in seen]
    merged["enterprises"] = a["enterprises"] + extra
    segments = {s["id"] for c in merged["chains"] for s in c["segments"]}
    merged["cross_links"] = [strip(x) for x in data["cross_links"]
                             if x["from"] in segments and x["to"] in segments]
    merged["projects"] = a["projects"][:2] + b["projects"][:2]
    return merged


HAND_MADE = {
    # The smallest dataset that loads.
    "minimal.json": {"format": "chainatlas/1", "region": {"id": "r", "name": "区"},
                     "chains": [{"id": "c", "name": "链", "segments": [{"id": "c.a", "name": "甲"}]}]},
    # A cycle, a cross link, an external candidate, a building project, a supply.
    "cycle.json": {
        "format": "chainatlas/1", "region": {"id": "r", "name": "区", "year": 2025},
        "counties": [{"id": "a", "name": "甲县", "kind": "county"}],
        "parks": [{"id": "p", "name": "园", "county": "a", "level": "provincial", "chains": ["c"]}],
        "chains": [
            {"id": "c", "name": "循环链", "confidence": "inferred", "leaders": ["e1"],
             "segments": [{"id": "c.a", "name": "甲", "tier": "upstream"}, {"id": "c.b", "name": "乙"},
                          {"id": "c.c", "name": "丙", "tier": "downstream"}],
             "links": [{"from": "c.a", "to": "c.b"}, {"from": "c.b", "to": "c.c"}, {"from": "c.c", "to": "c.a"}]},
            {"id": "d", "name": "二链", "segments": [{"id": "d.x", "name": "戊"}]}],
        "cross_links": [{"from": "c.c", "to": "d.x"}],
        "enterprises": [
            {"id": "e1", "name": "一厂", "county": "a", "park": "p", "segments": ["c.a", "c.b"],
             "output": 12.5, "employees": 800, "tags": ["chain-leader", "specialized"]},
            {"id": "e2", "name": "二厂", "county": "a", "segments": ["c.c"], "external": False},
            {"id": "x1", "name": "外地厂", "external": True, "location": "上海", "segments": ["c.b", "d.x"]}],
        "supplies": [{"from": "e1", "to": "e2", "weight": 2.0}],
        "projects": [{"id": "p1", "name": "项目", "county": "a", "park": "p", "enterprise": "e2",
                      "segments": ["d.x"], "investment": 3.5, "status": "building", "year": 2026}]},
    # Refused: every kind of dangling reference.
    "dangling.json": {
        "format": "chainatlas/1", "region": {"id": "r", "name": "区"},
        "counties": [{"id": "a", "name": "甲"}],
        "parks": [{"id": "p", "name": "园", "county": "zz", "chains": ["nochain"]}],
        "chains": [{"id": "c", "name": "链", "leaders": ["nobody"], "segments": [{"id": "c.a", "name": "甲"}],
                    "links": [{"from": "c.a", "to": "c.zz"}]}],
        "cross_links": [{"from": "c.a", "to": "d.zz"}],
        "enterprises": [{"id": "e1", "name": "厂", "county": "b", "park": "q", "segments": ["c.b"]}],
        "supplies": [{"from": "e1", "to": "e9"}],
        "projects": [{"id": "p1", "name": "项目", "county": "a", "enterprise": "e8", "segments": ["c.q"],
                      "status": "planned"}]},
}


def write_json(folder, name, document):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")),
                               encoding="utf-8")


def csv_text(rows, columns):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue()


def csv_seeds():
    """CSV seeds for fuzz_csv_loader: a selector byte (0 enterprises, 1 supplies, 2 projects, 3
    all three split at NUL bytes), then the text. Ids refer to the target's fixed dataset.json."""
    enterprises = csv_text([
        {"id": "e3", "name": "三厂, \"引号\"", "county": "a", "park": "p", "segments": "c.up;c.mid",
         "output": "3.5", "employees": "120", "tags": "specialized;high-tech", "external": "false"},
        {"id": "x1", "name": "外地厂", "segments": "c.mid", "external": "true", "location": "上海"},
        {"id": "e4", "name": "多行\n名字", "county": "b", "segments": "c.down", "output": "0"},
    ], ["id", "name", "county", "park", "segments", "output", "employees", "tags", "external", "location"])
    supplies = csv_text([{"from": "e1", "to": "e2", "weight": "1.5"}, {"from": "e2", "to": "e1"}],
                        ["from", "to", "weight"])
    projects = csv_text([
        {"id": "p1", "name": "项目", "county": "a", "park": "p", "enterprise": "e1", "segments": "c.mid",
         "investment": "20", "status": "signed", "year": "2025"},
        {"id": "p2", "name": "二期", "county": "b", "segments": "c.up;c.down", "status": "planned"},
    ], ["id", "name", "county", "park", "enterprise", "segments", "investment", "status", "year"])
    seeds = {
        "enterprises.csv": b"\x00" + enterprises.encode(),
        "enterprises-bom-lf.csv": b"\x00\xef\xbb\xbf" + enterprises.replace("\r\n", "\n").encode(),
        "enterprises-gb18030.csv": b"\x00" + enterprises.encode("gb18030"),
        "supplies.csv": b"\x01" + supplies.encode(),
        "projects.csv": b"\x02" + projects.encode(),
        "all-three.csv": b"\x03" + enterprises.encode() + b"\x00" + supplies.encode() + b"\x00" + projects.encode(),
        "reordered-columns.csv": b"\x00" + "name,segments,id,county,note\n二号,c.up,e9,a,备注\n".encode(),
    }
    return seeds


def main():
    data = json.loads(LIAOCHENG.read_text(encoding="utf-8"))
    json_seeds = {}
    for name, document in HAND_MADE.items():
        json_seeds[name] = document
    for chain in data["chains"]:
        json_seeds["liaocheng-" + chain["id"] + ".json"] = chain_slice(data, chain)
    json_seeds["liaocheng-two-chains.json"] = two_chains_with_cross_links(data)
    fixtures = {
        "sample.json": ROOT / "tests/fixtures/sample/dataset.json",
        "render-hostile.json": ROOT / "tests/fixtures/render_hostile/dataset.json",
        "whatif-add-fragment.json": ROOT / "tests/fixtures/whatif_add.json",
    }
    for target in ("fuzz_json_loader", "fuzz_pipeline"):
        folder = CORPUS / target
        for name, document in json_seeds.items():
            write_json(folder, name, document)
        for name, path in fixtures.items():
            (folder / name).write_bytes(path.read_bytes())
    folder = CORPUS / "fuzz_csv_loader"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in csv_seeds().items():
        (folder / name).write_bytes(content)


if __name__ == "__main__":
    main()
