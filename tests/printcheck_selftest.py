#!/usr/bin/env python3
"""printcheck_selftest.py: printcheck.py must fail on bad pages.

usage: printcheck_selftest.py WORKDIR

Writes small A4 PDFs by hand (Helvetica, lines and rectangles in the colours
and widths amokit uses), each with one fault a print reviewer would mark,
plus one clean page, and runs tests/printcheck.py on each: every bad PDF
must be reported with the expected message and exit 1, the clean one must
pass. Prints "N passed, N failed".
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 595.28, 841.89
MM = 72 / 25.4
M = 18 * MM
FRAME = "0.122 0.361 0.478"
WRITING = "0.62 0.64 0.68"
GRID = "0.55 0.58 0.62"


class Page:
    def __init__(self, w=W, h=H):
        self.w, self.h, self.ops, self.links = w, h, [], []

    def text(self, x, y, s, size=10):
        """Text at x, baseline y (top-down)."""
        s = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        self.ops.append("BT /F1 %g Tf %g %g Td (%s) Tj ET" % (size, x, self.h - y, s))

    def line(self, x1, y1, x2, y2, width, colour):
        self.ops.append("%s RG %g w %g %g m %g %g l S" % (colour, width, x1, self.h - y1, x2, self.h - y2))

    def rect(self, x, y, w, h, width, colour):
        self.ops.append("%s RG %g w %g %g %g %g re S" % (colour, width, x, self.h - y - h, w, h))

    def fill(self, x, y, w, h, colour):
        self.ops.append("%s rg %g %g %g %g re f" % (colour, x, self.h - y - h, w, h))

    def link(self, x, y, w, h, uri):
        self.links.append((x, self.h - y - h, x + w, self.h - y, uri))


def write_pdf(path, pages):
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", None,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for pg in pages:
        stream = "\n".join(pg.ops).encode("latin-1")
        objs.append("<< /Length %d >>\nstream\n" % len(stream) + stream.decode("latin-1") + "\nendstream")
        content = len(objs)
        annots = []
        for (x0, y0, x1, y1, uri) in pg.links:
            objs.append("<< /Type /Annot /Subtype /Link /Rect [%g %g %g %g] /Border [0 0 0] "
                        "/A << /S /URI /URI (%s) >> >>" % (x0, y0, x1, y1, uri))
            annots.append("%d 0 R" % len(objs))
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R "
                    "/Resources << /Font << /F1 3 0 R >> >> /Annots [%s] >>"
                    % (pg.w, pg.h, content, " ".join(annots)))
        kids.append("%d 0 R" % len(objs))
    objs[1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), len(kids))
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode("latin-1")
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for o in offs:
        out += ("%010d 00000 n \n" % o).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)).encode()
    with open(path, "wb") as f:
        f.write(out)


def furniture(pg):
    pg.text(M, M * 0.5, "Testarbejdsplads", 8)


def box(pg, y, title, lines):
    h = 12 + lines * 9 * MM + 6
    pg.rect(M, y, W - 2 * M, h, 0.8, FRAME)
    pg.text(M + 7, y + 12, title)
    for i in range(1, lines + 1):
        ly = y + 14 + i * 9 * MM - 4
        pg.line(M + 7, ly, W - M - 7, ly, 0.4, WRITING)
    return y + h


def full_page(pg, y=M + 12):
    """Paragraph lines down to the foot of the page."""
    while y < H - M - 10:
        pg.text(M, y, "Arbejdsmiljoet droeftes hvert aar, og aftalerne skrives ind i handleplanen.")
        y += 14


def table_row(pg, y, h, cells, close=True, header=False):
    xs = [M, M + 150, M + 320, W - M]
    if header:
        pg.fill(M, y, W - 2 * M, h, FRAME)
    pg.line(M, y, W - M, y, 0.5, GRID)
    if close:
        pg.line(M, y + h, W - M, y + h, 0.5, GRID)
    for x in xs:
        pg.line(x, y, x, y + h, 0.5, GRID)
    for x, c in zip(xs, cells):
        if c:
            pg.text(x + 5, y + 12, c, 9)


def cases():
    # a clean pair of pages: must pass
    a, b = Page(), Page()
    for p in (a, b):
        furniture(p)
    y = box(a, M + 10, "Det er vi allerede gode til", 4)
    full_page(a, y + 20)
    full_page(b)
    yield "clean", [a, b], None

    # a writing box with 2 ruled lines
    a = Page()
    furniture(a)
    y = box(a, M + 10, "Det kan vi have brug for at styrke", 2)
    full_page(a, y + 20)
    yield "two-lines", [a], "has 2 ruled lines"

    # a writing box with nothing but its title
    a = Page()
    furniture(a)
    y = box(a, M + 10, "Det kan vi have brug for at styrke", 0)
    a.rect(M, y + 4, W - 2 * M, 60, 0.8, FRAME)
    a.text(M + 7, y + 16, "Noter")
    full_page(a, y + 90)
    yield "no-lines", [a], "has no ruled lines"

    # a table row split at a page's foot, short, and an empty first cell on the next page
    a, b = Page(), Page()
    for p in (a, b):
        furniture(p)
    full_page(a, M + 10)
    table_row(a, H - M - 200, 18, ["Hvad?", "Hvem?", "Hvornaar?"], header=True)
    table_row(a, H - M - 182, 182, ["Stoej i kantinen", "AMR", "Maj"], close=False)
    table_row(b, M, 18, ["Hvad?", "Hvem?", "Hvornaar?"], header=True)
    table_row(b, M + 18, 60, ["", "og lederen", ""])
    full_page(b, M + 100)
    yield "split-row", [a, b], "without \"(fortsat)\""
    yield "empty-first-cell", [a, b], "first cell is empty"

    # a name hyphenated at a line's end
    a = Page()
    furniture(a)
    a.text(M, M + 20, "Referent: Karen Moelgaard Vester-")
    a.text(M, M + 34, "gaard skriver referatet.")
    full_page(a, M + 60)
    yield "name", [a], "name hyphenated: Vester-/gaard"

    # a page a third full, then a page that starts with a paragraph
    a, b = Page(), Page()
    for p in (a, b):
        furniture(p)
    for k in range(14):
        a.text(M, M + 12 + 14 * k, "Arbejdsmiljoet droeftes hvert aar, og aftalerne skrives ind.")
    full_page(b)
    yield "underfull", [a, b], "full before a block"

    # a URL wrapped over two lines, linked on the first line only
    a = Page()
    furniture(a)
    a.text(M, M + 20, "Referatet ligger paa https://intranet.example.dk/")
    a.text(M, M + 34, "arbejdsmiljoe/referater og i mappen.")
    a.link(M + 100, M + 12, 150, 11, "https://intranet.example.dk/")
    full_page(a, M + 60)
    yield "link", [a], "not the whole address"


def main(argv):
    work = argv[0] if argv else "."
    os.makedirs(work, exist_ok=True)
    names = os.path.join(work, "names.xml")
    with open(names, "w") as f:
        f.write("<workplace><people><person><name>Karen Moelgaard Vestergaard</name></person></people></workplace>\n")
    passed = failed = 0
    for name, pages, expect in cases():
        pdf = os.path.join(work, "bad-%s.pdf" % name)
        write_pdf(pdf, pages)
        r = subprocess.run([sys.executable, os.path.join(HERE, "printcheck.py"), "--names", names, pdf],
                           capture_output=True, text=True)
        ok = (r.returncode == 0 and "0 problems" in r.stdout) if expect is None else \
             (r.returncode == 1 and expect in r.stdout)
        print("%s %s%s" % ("ok  " if ok else "FAIL", name, "" if ok else "\n" + r.stdout + r.stderr))
        passed, failed = passed + ok, failed + (not ok)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
