#!/usr/bin/env python3
"""cellcheck.py: no printed word crosses a drawn rule.

usage: cellcheck.py [--verbose] FILE.pdf...

A word that leaves its table cell or its box runs across the cell's or the
box's edge, so a check that no word crosses a straight rule catches text
outside its cell without knowing the layout. For each page:
  - the straight vertical and horizontal segments of every stroked path come
    from `mutool trace` (table grid lines, box frames, row rules, writing
    lines), mapped to the top-left origin pdftotext uses;
  - every upright word comes from `pdftotext -bbox`;
  - a vertical rule crosses a word when it runs through the word's x-range
    (more than 0.5 pt inside on both sides) along part of the word's height;
  - a horizontal rule crosses a word when it passes through the middle half
    of the word's height along part of the word's width (ascenders and
    descenders may come near a rule; the body of the letters may not).
Prints one line per problem and a closing 'N passed, N failed'; exit 0 only
when every file passes. Python 3 standard library, poppler and mupdf-tools.
Run by tests/e2e/specimen.sh, sheets.sh and stress.sh.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
MIN_RULE = 3.0      # shorter straight segments are marks, not rules
INSIDE = 0.5        # how far a rule must lie inside a word to cross it

NUM = r"(-?[0-9.]+)"
RE_PAGE = re.compile(r'<page number="(\d+)"')
RE_STROKE = re.compile(r'<stroke_path [^>]*transform="([^"]*)"')
RE_POINT = re.compile(r'<(moveto|lineto) x="' + NUM + '" y="' + NUM + '"')
RE_CURVE = re.compile(r'<curveto .*x3="' + NUM + '" y3="' + NUM + '"')


def segments(path):
    """{page: [(x0, y0, x1, y1)]} of the straight stroked segments."""
    out = subprocess.run(["mutool", "trace", path], capture_output=True, text=True).stdout
    pages, page, matrix, cur, start = {}, 0, None, None, None
    for line in out.splitlines():
        m = RE_PAGE.search(line)
        if m:
            page = int(m.group(1))
            pages[page] = []
            continue
        m = RE_STROKE.search(line)
        if m:
            matrix = [float(v) for v in m.group(1).split()]
            cur = start = None
            continue
        if matrix is None:
            continue
        if "</stroke_path>" in line:
            matrix = None
            continue
        m = RE_POINT.search(line)
        if m:
            a, b, c, d, e, f = matrix
            x, y = float(m.group(2)), float(m.group(3))
            pt = (a * x + c * y + e, b * x + d * y + f)
            if m.group(1) == "lineto" and cur:
                pages[page].append(cur + pt)
            if m.group(1) == "moveto":
                start = pt
            cur = pt
            continue
        m = RE_CURVE.search(line)
        if m:
            a, b, c, d, e, f = matrix
            x, y = float(m.group(1)), float(m.group(2))
            cur = (a * x + c * y + e, b * x + d * y + f)
            continue
        if "<closepath" in line and cur and start:
            pages[page].append(cur + start)
            cur = start
    return pages


def rules(segs):
    """Vertical (x, y0, y1) and horizontal (y, x0, x1) rules."""
    vert, horiz = [], []
    for x0, y0, x1, y1 in segs:
        if abs(x0 - x1) < 0.05 and abs(y1 - y0) >= MIN_RULE:
            vert.append((x0, min(y0, y1), max(y0, y1)))
        elif abs(y0 - y1) < 0.05 and abs(x1 - x0) >= MIN_RULE:
            horiz.append((y0, min(x0, x1), max(x0, x1)))
    return vert, horiz


def words(path):
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True, text=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    pages = []
    for page in root.iter(XHTML + "page"):
        ws = []
        for wd in page.iter(XHTML + "word"):
            box = [float(wd.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            text = wd.text or ""
            # A rotated word's box is about as tall as it is long: skip those.
            if len(text) < 3 or box[2] - box[0] >= (box[3] - box[1]) * 0.8:
                ws.append((box, text))
        pages.append(ws)
    return pages


def crossings(ws, vert, horiz):
    problems = []
    for (x0, y0, x1, y1), text in ws:
        h = y1 - y0
        for x, ry0, ry1 in vert:
            if x0 + INSIDE < x < x1 - INSIDE and min(y1, ry1) - max(y0, ry0) > h * 0.25:
                problems.append("word %r [%.1f..%.1f] crosses the vertical rule at x=%.1f"
                                % (text, x0, x1, x))
                break
        for y, rx0, rx1 in horiz:
            if y0 + h * 0.25 < y < y1 - h * 0.25 and min(x1, rx1) - max(x0, rx0) > INSIDE:
                problems.append("word %r [y %.1f..%.1f] crosses the horizontal rule at y=%.1f"
                                % (text, y0, y1, y))
                break
    return problems


def check(path, verbose):
    segs = segments(path)
    pages = words(path)
    problems, nrules = [], 0
    for n, ws in enumerate(pages, 1):
        vert, horiz = rules(segs.get(n, []))
        nrules += len(vert) + len(horiz)
        problems += ["page %d: %s" % (n, p) for p in crossings(ws, vert, horiz)]
    if verbose:
        print("%s: %d pages, %d words, %d rules" % (path, len(pages), sum(map(len, pages)), nrules))
    return problems


def main(argv):
    verbose = "--verbose" in argv
    files = [a for a in argv if a != "--verbose"]
    if not files or any(a.startswith("-") for a in files):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    passed = failed = 0
    for path in files:
        problems = check(path, verbose)
        for p in problems:
            print("%s: %s" % (path, p))
        if problems:
            failed += 1
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
