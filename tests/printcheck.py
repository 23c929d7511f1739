#!/usr/bin/env python3
"""printcheck.py: checks amokit's A4 documents the way a print reviewer
reads them (issue 16), from the PDFs themselves.

usage: printcheck.py [--names WORKPLACE.xml]... [--forbid HEAD-/TAIL]... [--layouts DIR] PDF...

It reads every page with `mutool trace` (text with positions and sizes,
stroked and filled paths with widths and colours) and the link annotations
with `qpdf --json`, and reports, one line each, FILE:PAGE: what is wrong:

  writing box    a framed box (0.8 pt frame) whose ruled writing lines
                 (0.4 pt, grey) are fewer than 4 -- a single line is a form
                 field (Navn, Dato) and passes -- or a box holding nothing
                 but its title
  split row      a grid table row left open at a page's foot (no closing
                 rule) that is not taller than a page, or whose
                 continuation does not repeat its first cell "(fortsat)";
                 a page whose table starts with a row with an empty first
                 cell
  hyphenated name  a line ending in "X-" whose next line starts with "Y"
                 where X+Y (or X alone) is a name from the workplace files
                 given with --names (the workplace's and its people's names)
  page under 40 %  a page less than 60 % full although the next page does
                 not start a new section (a heading after a page break in
                 the layouts, a "Bilag", another orientation) and its first
                 block could have been split onto it
  forbidden break  with --forbid HEAD-/TAIL: that break at a line's end
  link           a printed URL not covered by a link, or the rectangles of
                 a link that do not cover exactly the whole address (a URL
                 wrapped over lines must be one link to the whole URL)

Exit status 0 when every PDF passes, 1 when any check fails, 2 on usage
errors. Only Debian's python3, mupdf-tools and qpdf are needed.
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4
FRAME_W = 0.8                       # a box's frame
WRITING = (0.4, (0.62, 0.64, 0.68))  # a writing line: width, colour
GRID = (0.5, (0.55, 0.58, 0.62))    # a grid table's rules
ROWS = (0.5, (0.72, 0.74, 0.77))    # a rules="rows" table's rules
MARGIN = 18 * MM                    # the A4 layouts' margins
MIN_FILL = 0.6
LAYOUT_NS = "{urn:amokit:layout:1}"


def close(a, b, tol=0.02):
    return abs(a - b) <= tol


def colour_is(c, want):
    return c is not None and len(c) == 3 and all(close(x, y, 0.015) for x, y in zip(c, want))


class Page:
    def __init__(self, number, w, h):
        self.number, self.w, self.h = number, w, h
        self.glyphs = []    # (x, y_top, size, char)
        self.strokes = []   # (x1, y1, x2, y2, width, colour), top-down
        self.fills = []     # (x0, y0, x1, y1, colour), top-down
        self.links = []     # (x0, y0, x1, y1, uri), top-down

    def text_in(self, x0, y0, x1, y1):
        """The lines of the glyphs that start inside the rectangle."""
        gs = [g for g in self.glyphs if x0 - 0.5 <= g[0] < x1 - 0.5 and y0 - 1 <= g[1] <= y1 + 1]
        return lines_text(gs)


def lines_text(gs):
    """Glyphs grouped into lines by baseline, each line left to right."""
    rows = {}
    for x, y, size, ch in gs:
        key = round(y, 0)
        rows.setdefault(key, []).append((x, ch))
    return [''.join(ch for _, ch in sorted(v)) for _, v in sorted(rows.items())]


def floats(s):
    return [float(v) for v in s.split()] if s else None


def read_trace(pdf):
    out = subprocess.run(["mutool", "trace", pdf], capture_output=True, check=True).stdout
    root = ET.fromstring(out)
    pages = []
    for pe in root.iter("page"):
        mb = floats(pe.get("mediabox"))
        pg = Page(int(pe.get("number")), mb[2] - mb[0], mb[3] - mb[1])
        H = pg.h
        for el in pe:
            col = floats(el.get("color"))
            if el.tag == "fill_text":
                for span in el.iter("span"):
                    trm = floats(span.get("trm"))
                    size = abs(trm[3]) if trm else 10
                    for g in span.iter("g"):
                        pg.glyphs.append((float(g.get("x")), H - float(g.get("y")), size, g.get("unicode")))
            elif el.tag in ("stroke_path", "fill_path"):
                pts, cur = [], None
                segs = []
                for op in el:
                    if op.tag == "moveto":
                        cur = (float(op.get("x")), H - float(op.get("y")))
                        pts = [cur]
                    elif op.tag == "lineto":
                        p = (float(op.get("x")), H - float(op.get("y")))
                        segs.append((cur, p))
                        pts.append(p)
                        cur = p
                    elif op.tag == "closepath" and pts:
                        segs.append((cur, pts[0]))
                        cur = pts[0]
                if el.tag == "stroke_path":
                    w = float(el.get("linewidth", "1"))
                    for (a, b) in segs:
                        pg.strokes.append((a[0], a[1], b[0], b[1], w, col))
                else:
                    xs = [p[0] for s in segs for p in s]
                    ys = [p[1] for s in segs for p in s]
                    if xs:
                        pg.fills.append((min(xs), min(ys), max(xs), max(ys), col))
        pages.append(pg)
    return pages


def read_links(pdf, pages):
    js = json.loads(subprocess.run(["qpdf", "--json", pdf], capture_output=True, check=True).stdout)
    objs = js.get("qpdf", [{}, {}])[1] if "qpdf" in js else js.get("objects", {})

    def obj(ref):
        o = objs.get("obj:" + ref) or objs.get(ref)
        return o.get("value", o) if isinstance(o, dict) else o

    for i, p in enumerate(js.get("pages", [])):
        if i >= len(pages):
            break
        H = pages[i].h
        annots = (obj(p["object"]) or {}).get("/Annots", [])
        if isinstance(annots, str):
            annots = obj(annots) or []
        for a in annots:
            ann = obj(a) if isinstance(a, str) else a
            if not isinstance(ann, dict) or ann.get("/Subtype") != "/Link":
                continue
            act = ann.get("/A")
            if isinstance(act, str):
                act = obj(act)
            uri = act.get("/URI") if isinstance(act, dict) else None
            if isinstance(uri, str) and uri.startswith("u:"):
                uri = uri[2:]
            r = [float(v) for v in ann.get("/Rect", [0, 0, 0, 0])]
            pages[i].links.append((min(r[0], r[2]), H - max(r[1], r[3]), max(r[0], r[2]), H - min(r[1], r[3]), uri))


# ---- the checks ------------------------------------------------------------

def hlines(pg, kind):
    w, c = kind
    return [s for s in pg.strokes if close(s[4], w) and colour_is(s[5], c) and close(s[1], s[3], 0.5)]


def vlines(pg, kind):
    w, c = kind
    return [s for s in pg.strokes if close(s[4], w) and colour_is(s[5], c) and close(s[0], s[2], 0.5)]


def frames(pg):
    """Rectangles stroked at the frame width: (x0, y0, x1, y1)."""
    segs = [s for s in pg.strokes if close(s[4], FRAME_W)]
    sides = [s for s in segs if close(s[0], s[2], 0.5)]

    def side(x, y0, y1):
        return any(close(s[0], x, 0.5) and min(s[1], s[3]) <= y0 + 0.5 and max(s[1], s[3]) >= y1 - 0.5
                   for s in sides)
    out = []
    tops = [s for s in segs if close(s[1], s[3], 0.5) and abs(s[2] - s[0]) > 10]
    for t in tops:
        x0, x1, y = min(t[0], t[2]), max(t[0], t[2]), t[1]
        # the bottom edge: the nearest horizontal segment below with the same x span
        below = [s for s in tops if close(min(s[0], s[2]), x0, 0.5) and close(max(s[0], s[2]), x1, 0.5)
                 and s[1] > y + 5]
        if not below:
            continue
        yb = min(s[1] for s in below)
        if not (side(x0, y, yb) and side(x1, y, yb)):
            continue
        if not any(r[0] == x0 and r[1] == yb for r in out):
            out.append((x0, y, x1, yb))
    # keep only frames with no other frame edge between top and bottom
    return [f for f in out if not any(g is not f and close(g[0], f[0], 0.5) and close(g[2], f[2], 0.5)
                                      and f[1] < g[1] < f[3] for g in out)]


def check_writing_boxes(pg, report):
    wl = hlines(pg, WRITING)
    for (x0, y0, x1, y1) in frames(pg):
        n = sum(1 for s in wl if x0 < min(s[0], s[2]) and max(s[0], s[2]) < x1 and y0 < s[1] < y1)
        text = pg.text_in(x0, y0, x1, y1)
        other = [s for s in pg.strokes if not close(s[4], FRAME_W) and x0 < s[0] < x1 and y0 < s[1] < y1
                 and not (close(s[4], WRITING[0]) and colour_is(s[5], WRITING[1]))]
        title = text[0] if text else ""
        field = n == 1 and (x1 - x0) < 0.6 * (pg.w - 2 * MARGIN)   # Navn, Dato
        if 0 < n < 4 and not field:
            report(pg, "writing box '%s' has %d ruled lines, fewer than 4" % (title, n))
        elif n == 0 and len(text) <= 1 and not other and (y1 - y0) > 12 * MM:
            report(pg, "writing box '%s' has no ruled lines" % title)


def table_columns(pg):
    """x of the grid tables' vertical rules, grouped by their vertical span."""
    return vlines(pg, GRID)


def body_bottom(pg):
    return pg.h - MARGIN


def row_part_below_header(pg):
    """Height of the first body row on a page that starts with a table: from
    under the repeated header to its closing rule, or to the page's foot."""
    top = MARGIN + 2
    heads = [f for f in pg.fills if f[1] <= top + 1 and f[3] - f[1] < 40 and f[2] - f[0] > 20]
    if not heads:
        return 0
    hb = max(f[3] for f in heads)
    hs = sorted(h[1] for h in hlines(pg, GRID) if h[1] > hb + 1)
    return (hs[0] if hs else body_bottom(pg)) - hb


def check_split_rows(pages, report):
    for i, pg in enumerate(pages):
        hs = hlines(pg, GRID)
        for v in vlines(pg, GRID):
            yb = max(v[1], v[3])
            closed = any(close(h[1], yb, 0.6) and min(h[0], h[2]) - 0.6 <= v[0] <= max(h[0], h[2]) + 0.6
                         for h in hs)
            key = (pg.number, round(yb))
            if closed or key in check_split_rows.seen:
                continue
            check_split_rows.seen.add(key)
            # a row left open at this page's foot: it must go on, labelled,
            # and be taller than a page
            tops = [h[1] for h in hs if h[1] < yb - 1 and min(h[0], h[2]) - 0.6 <= v[0] <= max(h[0], h[2]) + 0.6]
            top = max(tops) if tops else min(v[1], v[3])
            nxt = pages[i + 1] if i + 1 < len(pages) else None
            label = first_row_label(nxt) if nxt else None
            avail = pg.h - 2 * MARGIN
            if label is None or "(fortsat)" not in label:
                report(pg, "table row split at the page's foot without \"(fortsat)\" on the next page")
            elif (yb - top) + row_part_below_header(nxt) < 0.85 * avail:
                report(pg, "table row split although it fits a page (%.0f mm)"
                       % (((yb - top) + row_part_below_header(nxt)) / MM))
    for pg in pages:
        if first_row_label(pg) == "":
            report(pg, "the page starts with a table row whose first cell is empty")


check_split_rows.seen = set()


def first_row_label(pg):
    """Text of the first cell of the first body row of a table that starts
    the page (after its repeated header), or None when no table starts it."""
    if pg is None:
        return None
    top = MARGIN + 2
    heads = [f for f in pg.fills if f[1] <= top + 1 and f[3] - f[1] < 40 and f[2] - f[0] > 20
             and not colour_is(f[4], (1, 1, 1))]
    text_above = [g for g in pg.glyphs if MARGIN - 1 < g[1] < (heads[0][1] if heads else 0)]
    if not heads or text_above:
        return None
    hb = max(f[3] for f in heads)
    vs = sorted(set(round(v[0], 1) for v in vlines(pg, GRID) if min(v[1], v[3]) <= hb + 1))
    hs = sorted(h[1] for h in hlines(pg, GRID) if h[1] > hb + 1)
    if len(vs) < 2:
        return None
    y1 = hs[0] if hs else body_bottom(pg)
    return ' '.join(pg.text_in(vs[0] + 0.5, hb + 0.5, vs[1] - 0.5, y1 - 0.5)).strip()


def content_bottom(pg):
    ys = [g[1] for g in pg.glyphs if MARGIN * 0.9 < g[1] < pg.h - MARGIN * 0.9]
    ys += [max(s[1], s[3]) for s in pg.strokes if MARGIN * 0.9 < max(s[1], s[3]) < pg.h - MARGIN * 0.9]
    ys += [f[3] for f in pg.fills if f[3] < pg.h - MARGIN * 0.9]
    return max(ys) if ys else MARGIN


def first_heading(pg):
    """The first line of the page body and its size."""
    gs = [g for g in pg.glyphs if MARGIN * 0.9 < g[1] < pg.h - MARGIN * 0.9]
    if not gs:
        return "", 0
    y = min(g[1] for g in gs)
    line = [g for g in gs if abs(g[1] - y) < 2]
    return lines_text(line)[0] if line else "", max(g[2] for g in line)


def first_unit(pg):
    """Height from the body's top to the end of the first block that cannot
    split: a frame or a table row that starts under at most a heading and
    its few lines of guiding questions (a kept group)."""
    top = MARGIN
    cands = [f[3] for f in frames(pg) if f[1] < top + 45 * MM]
    rows = []
    for y in sorted(h[1] for h in hlines(pg, GRID) + hlines(pg, ROWS)):
        if not rows or y > rows[-1] + 1:
            rows.append(y)
    if rows and rows[0] < top + 80 and len(rows) > 1:
        # a header row (filled) is followed by the first body row
        header = any(f[1] <= rows[0] + 1 and close(f[3], rows[1], 1.5) for f in pg.fills)
        cands.append(rows[2] if header and len(rows) > 2 else rows[1])
    return (min(cands) - top) if cands else 0


def check_fill(pages, starts, report):
    for i, pg in enumerate(pages[:-1]):
        nxt = pages[i + 1]
        if (nxt.w > nxt.h) != (pg.w > pg.h):
            continue                       # a new section on other paper
        head, size = first_heading(nxt)
        if size >= 12 and any(head.startswith(s) for s in starts):
            continue                       # a page break in the layout
        avail = pg.h - 2 * MARGIN
        used = content_bottom(pg) - MARGIN
        if used >= MIN_FILL * avail:
            continue
        room = avail - used
        if first_unit(nxt) > room - 10 * MM:
            continue                       # the next block (and the space before it) did not fit
        report(pg, "page only %.0f %% full before a block that could have started on it" % (100 * used / avail))


def check_names(pages, names, report, forbidden=()):
    """Names hyphenated at a line's end; and the breaks listed as forbidden
    ("po-/inter": a line ending in "po-", the next starting with "inter")."""
    if not names and not forbidden:
        return
    for pg in pages:
        text = lines_by_column(pg)
        for a, b in zip(text, text[1:]):
            if not a.endswith("-") or not b:
                continue
            head = re.split(r"[\s(\[„“\"']", a[:-1])[-1]
            tail = re.split(r"[\s,.;:)\]”\"']", b)[0]
            joined = head + tail
            if joined in names:
                report(pg, "name hyphenated: %s-/%s" % (head, tail))
            for fh, ft in forbidden:
                if head.endswith(fh) and tail.startswith(ft):
                    if head[:len(head) - len(fh)][-1:].isalpha():
                        continue     # "fh" is only the end of a longer word
                    report(pg, "forbidden break: %s-/%s" % (head, tail))


def lines_by_column(pg):
    """The page's text lines, in columns: glyph runs split where the gap is wide."""
    rows = {}
    for x, y, size, ch in pg.glyphs:
        # positions are hundredths of a point in the file; poppler's float
        # arithmetic lands a hair off them, which must not split a line
        rows.setdefault(round(round(y, 2)), []).append((x, size, ch))
    pieces = []
    for y, gs in sorted(rows.items()):
        gs.sort()
        cur, lastx, lastsize = "", None, 0
        x0 = gs[0][0]
        for x, size, ch in gs:
            if lastx is not None and x - lastx > 3 * size:
                pieces.append((x0, y, cur))
                cur, x0 = "", x
            cur += ch
            lastx, lastsize = x, size
        pieces.append((x0, y, cur))
    # a column's lines follow each other: sort by left edge bucket, then y
    pieces.sort(key=lambda p: (round(p[0] / 15), p[1]))
    return [p[2].rstrip() for p in pieces]


def check_links(pages, report):
    for pg in pages:
        # every "http" printed lies in a link
        gs = sorted(pg.glyphs, key=lambda g: (round(g[1]), g[0]))
        s = ''.join(g[3] for g in gs)
        for m in re.finditer(r"https?://", s):
            g = gs[m.start()]
            if not any(l[0] - 1 <= g[0] <= l[2] + 1 and l[1] - 1 <= g[1] <= l[3] + 2 for l in pg.links):
                report(pg, "URL printed without a link at %.0f mm from the top" % (g[1] / MM))
    # each link's rectangles together show exactly its URI
    by_uri = {}
    for pg in pages:
        for l in pg.links:
            by_uri.setdefault(l[4], []).append((pg, l))
    for uri, rects in by_uri.items():
        shown, piece = [], ""
        for pg, (x0, y0, x1, y1, _) in rects:
            piece += ''.join(pg.text_in(x0, y0, x1, y1))
            if uri and uri.startswith(piece) and piece != uri and len(piece) < len(uri):
                continue
            shown.append(piece)
            piece = ""
        if piece:
            shown.append(piece)
        for sh in shown:
            if sh != uri:
                report(rects[0][0], "link to %s covers '%s', not the whole address" % (uri, sh))


# ---- inputs ------------------------------------------------------------------

def names_from(paths):
    """The words of the workplace's own name and of its people's names (a
    group's or a committee's <name> is a title, hyphenated like any text)."""
    names = set()
    for p in paths:
        root = ET.parse(p).getroot()
        els = [c for c in root if c.tag.split("}")[-1] == "name"]
        els += [c for person in root.iter() if person.tag.split("}")[-1] == "person"
                for c in person if c.tag.split("}")[-1] == "name"]
        for el in els:
            for w in re.split(r"[\s,]+", (el.text or "").strip()):
                w = w.strip(".()")
                if len(w) >= 3:
                    names.add(w)
    return names


def catalogs(layouts):
    """Every catalog's messages: {key: [text in each language]}."""
    texts = {}
    folder = os.path.join(layouts, "messages")
    for f in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        root = ET.parse(os.path.join(folder, f)).getroot()
        if root.tag != LAYOUT_NS + "messages":
            continue
        for m in root.iter(LAYOUT_NS + "msg"):
            t = re.sub(r"\{[^}]*\}", "", "".join(m.itertext()))
            texts.setdefault(m.get("key"), []).append(re.sub(r"\s+", " ", t).strip())
    return texts


def section_starts(layouts):
    """Headings that follow a page break (or start a repeated sheet) in the
    layouts, in every language of their catalogs."""
    starts = set()
    if not layouts or not os.path.isdir(layouts):
        return starts
    texts = catalogs(layouts)
    for t in texts.get("appendix", []):
        starts.add(t)
    for f in sorted(os.listdir(layouts)):
        if not f.endswith(".xml"):
            continue
        root = ET.parse(os.path.join(layouts, f)).getroot()
        for parent in root.iter():
            kids = list(parent)
            for i, k in enumerate(kids):
                first = None
                if k.tag == LAYOUT_NS + "page-break" and i + 1 < len(kids):
                    first = kids[i + 1]
                elif k.tag == LAYOUT_NS + "repeat" and k.get("break") == "page" and len(k):
                    first = k[0]
                if first is not None and first.tag in (LAYOUT_NS + "h1", LAYOUT_NS + "h2", LAYOUT_NS + "h3"):
                    t = ''.join(first.itertext()).strip()
                    t = re.sub(r"\s+", " ", t)
                    if t:
                        starts.add(t.split(" ")[0])
                    for m in first.iter(LAYOUT_NS + "msg"):
                        for t in texts.get(m.get("key"), []):
                            if t:
                                starts.add(t.split(" ")[0])
            if root.tag == LAYOUT_NS + "strings":
                for t in root.iter(LAYOUT_NS + "text"):
                    if t.get("key") == "appendix" and t.text:
                        starts.add(t.text.strip())
    return starts


def main(argv):
    names, layouts, pdfs, forbidden = [], None, [], []
    it = iter(argv)
    for a in it:
        if a == "--names":
            names.append(next(it))
        elif a == "--forbid":
            h, _, t = next(it).partition("-/")
            forbidden.append((h, t))
        elif a == "--layouts":
            layouts = next(it)
        elif a.startswith("-"):
            print(__doc__, file=sys.stderr)
            return 2
        else:
            pdfs.append(a)
    if not pdfs:
        print(__doc__, file=sys.stderr)
        return 2
    name_set = names_from(names)
    starts = section_starts(layouts or os.path.join(os.path.dirname(__file__), "..", "layouts"))
    problems = 0

    for pdf in pdfs:
        def report(pg, msg, pdf=pdf):
            nonlocal problems
            problems += 1
            print("%s:%d: %s" % (pdf, pg.number, msg))
        pages = read_trace(pdf)
        read_links(pdf, pages)
        check_split_rows.seen = set()
        for pg in pages:
            check_writing_boxes(pg, report)
        check_split_rows(pages, report)
        check_names(pages, name_set, report, forbidden)
        check_fill(pages, starts, report)
        check_links(pages, report)
    print("printcheck: %d PDF%s, %d problem%s" % (len(pdfs), "" if len(pdfs) == 1 else "s",
                                                  problems, "" if problems == 1 else "s"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
