#!/usr/bin/env python3
"""pdfcheck.py: checks a generated PDF the way a reader sees it.

usage: pdfcheck.py [--margin PT] [--no-overlap] [--expect TEXT]...
                   [--exact TEXT]... [--boxes FILE] FILE.pdf...

For each file, with qpdf, poppler (pdffonts, pdftotext) and mutool when
present (Debian: qpdf, poppler-utils, mupdf-tools):
  - qpdf --check reports no errors or warnings
  - every font is embedded (pdffonts), a subset, a CID TrueType font with
    a ToUnicode map (uni yes), and pdffonts prints no warning
  - pdftotext prints no warning on stderr
  - mutool draw renders every page without a warning
  - every upright word lies inside the page, at least --margin points from
    its edge (default 0)
  - no two upright words overlap (skip this with --no-overlap); text that
    spills out of a box onto other text shows up this way
  - each --expect TEXT occurs in the text (whitespace-insensitive)
  - each --exact TEXT occurs in the text as one line, character for
    character (the text round trip of names and quotes)
  - with --boxes FILE, every word on a page that FILE gives rectangles for
    lies inside one of them; FILE has lines "PAGE X0 Y0 X1 Y1" in points,
    top-left origin, pages from 1; '#' starts a comment
Prints one line per problem, then 'N passed, N failed' over the files.
Exit status 0 only when every file passes; 2 on a usage error.
Python 3 standard library only.
"""
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
# mutool built without lcms says this about every file; it is not a defect.
MUTOOL_NOISE = ("warning: ICC support is not available",)


def run(cmd):
    # errors="replace": pdftotext -bbox writes a document title's characters
    # beyond U+FFFF as CESU-8 (each UTF-16 surrogate on its own), which is
    # not UTF-8; the words themselves come through as they are.
    p = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    return p.returncode, p.stdout, p.stderr


def words(path):
    """Pages as (width, height, [(box, text)]) from pdftotext -bbox."""
    rc, out, err = run(["pdftotext", "-bbox", path, "-"])
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    root = ET.fromstring(out)
    pages = []
    for page in root.iter(XHTML + "page"):
        w, h = float(page.get("width")), float(page.get("height"))
        ws = []
        for wd in page.iter(XHTML + "word"):
            box = [float(wd.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            ws.append((box, wd.text or ""))
        pages.append((w, h, ws))
    return pages, err


def overlap(a, b):
    """Intersection area over the smaller box's area."""
    ix = min(a[2], b[2]) - max(a[0], b[0])
    iy = min(a[3], b[3]) - max(a[1], b[1])
    if ix <= 0.5 or iy <= 0.5:
        return 0.0
    area = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return ix * iy / area if area > 0 else 0.0


def upright(box, text):
    # A rotated word's box is about as tall as it is long: skip those.
    wdt, hgt = box[2] - box[0], box[3] - box[1]
    return len(text) < 3 or wdt >= hgt * 0.8


def read_boxes(path):
    boxes = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].split()
            if not line:
                continue
            if len(line) != 5:
                raise ValueError("%s:%d: expected PAGE X0 Y0 X1 Y1" % (path, n))
            boxes.setdefault(int(line[0]), []).append([float(v) for v in line[1:]])
    return boxes


def inside(b, r, slack=0.5):
    return b[0] >= r[0] - slack and b[1] >= r[1] - slack and b[2] <= r[2] + slack and b[3] <= r[3] + slack


def check_tools(path):
    problems = []
    rc, out, err = run(["qpdf", "--check", path])
    if rc != 0 or "WARNING" in out + err:
        problems.append("qpdf --check: " + ((out + err).strip().splitlines() or ["exit %d" % rc])[-1])
    rc, out, err = run(["pdffonts", path])
    if rc != 0 or err.strip():
        problems.append("pdffonts: " + (err.strip().splitlines() or ["exit %d" % rc])[0])
    for line in out.splitlines()[2:]:
        cols = line.split()
        # name type [type2] encoding emb sub uni object-id generation
        if len(cols) >= 7 and cols[-5] != "yes":
            problems.append("font not embedded: " + cols[0])
        # amokit's fonts: Type0 over TrueType outlines, subset, with a
        # ToUnicode map (so every character extracts)
        if len(cols) >= 7 and (cols[-3] != "yes" or cols[-4] != "yes"):
            problems.append("font not subset with a ToUnicode map (sub %s, uni %s): %s" % (cols[-4], cols[-3], cols[0]))
        if len(cols) >= 7 and " CID TrueType " not in line:
            problems.append("font not a CID TrueType font: " + cols[0])
    if shutil.which("mutool"):
        rc, out, err = run(["mutool", "draw", "-q", "-o", "/dev/null", path])
        noise = [l for l in err.splitlines() if l.strip() and l.strip() not in MUTOOL_NOISE]
        if rc != 0 or noise:
            problems.append("mutool draw: " + (noise or ["exit %d" % rc])[0])
    return problems


def check_words(pages, margin, no_overlap, boxes):
    problems = []
    for n, (w, h, ws) in enumerate(pages, 1):
        up = [(b, t) for b, t in ws if upright(b, t)]
        for b, t in up:
            if b[0] < margin - 0.5 or b[1] < margin - 0.5 or b[2] > w - margin + 0.5 or b[3] > h - margin + 0.5:
                problems.append("page %d: word %r outside the page area %s" % (n, t, [round(v) for v in b]))
            if n in boxes and not any(inside(b, r) for r in boxes[n]):
                problems.append("page %d: word %r outside every box %s" % (n, t, [round(v) for v in b]))
        if no_overlap:
            continue
        up.sort(key=lambda bt: bt[0][1])
        for i, (a, ta) in enumerate(up):
            for b, tb in up[i + 1:]:
                if b[1] > a[3]:
                    break
                if overlap(a, b) > 0.15:
                    problems.append("page %d: words overlap: %r and %r" % (n, ta, tb))
    return problems


def check_text(path, expects, exacts):
    problems = []
    if not expects and not exacts:
        return problems
    rc, text, _ = run(["pdftotext", "-layout", path, "-"])
    flat = re.sub(r"\s+", "", text)
    for e in expects:
        if re.sub(r"\s+", "", e) not in flat:
            problems.append("text not found: %r" % e)
    rc, raw, _ = run(["pdftotext", path, "-"])
    lines = {l.strip() for l in raw.splitlines()}
    for e in exacts:
        if e not in lines:
            problems.append("text not found as a line: %r" % e)
    return problems


def check(path, margin, no_overlap, expects, exacts, boxes):
    problems = check_tools(path)
    try:
        pages, err = words(path)
    except ET.ParseError as e:
        return problems + ["pdftotext -bbox output unreadable: %s" % e]
    if err.strip():
        problems.append("pdftotext warns: " + err.strip().splitlines()[0])
    problems += check_words(pages, margin, no_overlap, boxes)
    return problems + check_text(path, expects, exacts)


def main(argv):
    margin, no_overlap, expects, exacts, boxes, files = 0.0, False, [], [], {}, []
    it = iter(argv)
    try:
        for a in it:
            if a == "--margin":
                margin = float(next(it))
            elif a == "--no-overlap":
                no_overlap = True
            elif a == "--expect":
                expects.append(next(it))
            elif a == "--exact":
                exacts.append(next(it))
            elif a == "--boxes":
                boxes = read_boxes(next(it))
            elif a in ("-h", "--help"):
                print(__doc__)
                return 0
            elif a.startswith("--"):
                raise ValueError("unknown option " + a)
            else:
                files.append(a)
    except (StopIteration, ValueError, OSError) as e:
        print("pdfcheck.py: %s" % (e or "option needs a value"), file=sys.stderr)
        return 2
    if not files:
        print(__doc__)
        return 2
    passed = failed = 0
    for f in files:
        probs = check(f, margin, no_overlap, expects, exacts, boxes)
        for p in probs[:20]:
            print("%s: %s" % (f, p))
        if len(probs) > 20:
            print("%s: ... %d more" % (f, len(probs) - 20))
        failed += bool(probs)
        passed += not probs
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
