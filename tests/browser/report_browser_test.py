#!/usr/bin/env python3
"""End-to-end test of the planner's report in a real browser (Debian's chromium, headless).

Usage: report_browser_test.py <path to chainatlas> [<folder to keep the screenshots in>]

1. Writes the report of the built-in Liaocheng dataset (Chinese and English) and of a copy of
   it whose names carry HTML and script.
2. Opens each in chromium headless, off the network, and checks from the DOM after loading that
   every chain section and its diagram are there, that the page holds no <script> element and
   that no script from the data ran.
3. Takes a screenshot and checks that it is not blank (decodes the PNG with zlib and counts the
   distinct colours), and that the console showed no errors.
Exits 0 when every check passes, 77 (skipped) when chromium is not installed, 1 otherwise.
"""

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from html.parser import HTMLParser

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions", "--no-default-browser-check",
                  "--metrics-recording-only", "--hide-scrollbars", "--mute-audio"]

# Payloads put into names. Each would leave a trace in the DOM if it ran or became markup.
SCRIPT = "<script>document.documentElement.setAttribute('data-pwned','script')</script>"
IMG = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"
ATTR = "\" onmouseover=\"alert(1)\" data-pwned=\"attr"

failures = []


class Elements(HTMLParser):
    """Every tag name and attribute name of a document."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(chromium, profile, args):
    proc = subprocess.run([chromium] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile] + args,
                          capture_output=True, timeout=180)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def png_colours(path, limit=4096):
    """Distinct RGB(A) colours of an 8-bit RGB or RGBA PNG (a minimal decoder: zlib + filters)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, colour_type = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour_type in (2, 6), f"unsupported PNG depth {depth} type {colour_type}"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    colours = set()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        if len(colours) < limit:
            colours.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp * 7))
        previous = line
    return colours, width, height


def write_report(binary, out_dir, stem, extra):
    html = os.path.join(out_dir, stem + ".html")
    proc = subprocess.run([binary] + extra + ["report", "-o", html, "--json"], capture_output=True, timeout=600)
    check(proc.returncode == 0, f"{stem}: chainatlas report exited {proc.returncode}: {proc.stderr.decode()}")
    summary = json.loads(proc.stdout.decode("utf-8")) if proc.returncode == 0 else {"sections": []}
    return html, summary


def hostile_dataset(out_dir):
    """The built-in dataset with payloads in the names of a chain, a segment, enterprises, a county."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "liaocheng", "dataset.json")
    doc = json.load(open(source, encoding="utf-8"))
    doc["chains"][0]["name"] += SCRIPT
    doc["chains"][0]["segments"][0]["name"] += IMG
    doc["chains"][1]["segments"][0]["name"] += ATTR
    doc["counties"][0]["name"] += ATTR + SCRIPT
    for e in doc.get("enterprises", [])[:5]:
        e["name"] += SCRIPT + " & \"quoted\"\n" + IMG
    doc["region"]["source"] = "javascript:alert(1); " + SCRIPT
    path = os.path.join(out_dir, "hostile.json")
    json.dump(doc, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    return path


def check_page(chromium, html, summary, stem, shots, hostile):
    profile = tempfile.mkdtemp(prefix="chainatlas-chromium-")
    try:
        url = "file://" + os.path.abspath(html)
        code, dom, log = run_chromium(chromium, profile, ["--enable-logging=stderr", "--v=0",
                                                          "--virtual-time-budget=5000", "--dump-dom", url])
        check(code == 0 and "</html>" in dom, f"{stem}: chromium --dump-dom failed ({code})")
        check("Uncaught" not in log and "ERROR:CONSOLE" not in log and ":CONSOLE(" not in log,
              f"{stem}: console errors: " + "\n".join(l for l in log.splitlines() if "CONSOLE" in l or "Uncaught" in l))
        # The DOM after loading, parsed: text nodes may hold quotes and payload words as text.
        elements = Elements()
        elements.feed(dom)
        check(not elements.tags & {"script", "img", "iframe", "object", "embed", "link"},
              f"{stem}: loadable or script elements in the DOM: {elements.tags}")
        check(not any(a.startswith("on") for a in elements.attributes),
              f"{stem}: an event handler attribute reached the DOM")
        check("data-pwned" not in elements.attributes, f"{stem}: a payload from the data ran or became an attribute")
        check('id="toc"' in dom and 'id="coverage-chart"' in dom, f"{stem}: TOC or coverage chart missing")
        check('class="dataset-hash"' in dom, f"{stem}: footer with the dataset hash missing")
        chains = [s for s in summary.get("sections", []) if s.startswith("report-chain-")]
        check(len(chains) == summary.get("chains", -1) and chains, f"{stem}: sections {summary.get('sections')}")
        for section in chains:
            start = dom.find(f'id="{section}"')
            check(start >= 0, f"{stem}: section {section} missing")
            end = dom.find("</section>", start)
            body = dom[start:end]
            check("<svg" in body and 'class="diagram chain-map"' in body, f"{stem}: {section} has no chain map diagram")
            check("report-lists-" in body, f"{stem}: {section} has no 1个图谱+N张清单 lists")
        if hostile:
            check("&lt;script&gt;document.documentElement" in dom, f"{stem}: the payload is not shown as text")
        shot = os.path.join(shots, stem + ".png")
        code, _, log = run_chromium(chromium, profile, ["--window-size=1280,1800", "--screenshot=" + shot, url])
        check(code == 0 and os.path.exists(shot), f"{stem}: no screenshot ({code}): {log[-500:]}")
        if os.path.exists(shot):
            colours, width, height = png_colours(shot)
            print(f"{stem}: screenshot {width}x{height}, {len(colours)} distinct colours (sampled), "
                  f"{os.path.getsize(shot)} bytes")
            check(len(colours) >= 20, f"{stem}: the screenshot looks blank ({len(colours)} colours)")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    chromium = find_chromium()
    if not chromium:
        print("SKIP: chromium is not installed (apt-get install -y chromium)")
        return 77
    with tempfile.TemporaryDirectory(prefix="chainatlas-report-") as tmp:
        shots = sys.argv[2] if len(sys.argv) > 2 else tmp
        os.makedirs(shots, exist_ok=True)
        cases = [("report-zh", [], False), ("report-en", ["--lang", "en"], False),
                 ("report-hostile", ["--data", hostile_dataset(tmp)], True)]
        for stem, extra, hostile in cases:
            html, summary = write_report(binary, tmp, stem, extra)
            if os.path.exists(html):
                text = open(html, encoding="utf-8").read()
                check(not re.search(r"<(script|link|iframe|object|embed|img)\b", text, re.I),
                      f"{stem}: the file holds a loadable element")
                check(not re.search(r"<[^>]*\s(src|srcset|xlink:href)=", text), f"{stem}: the file loads a resource")
                check_page(chromium, html, summary, stem, shots, hostile)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("ok: report renders in chromium")
    return 0


if __name__ == "__main__":
    sys.exit(main())
