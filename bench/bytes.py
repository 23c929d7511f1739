#!/usr/bin/env python3
"""bytes.py PDF...: where a PDF's bytes go, by category (issues 22 and 24).

Every object's share of the file: a top-level object its bytes from its
offset to the next object's (and its 20-byte row of a cross-reference
table, or its row of a cross-reference stream); an object in an object
stream a share of that stream's bytes in proportion to its decoded
length, the stream's header of "number offset" pairs counted apart.
Page content streams are also split into their marked-content operators
(BDC/BMC/EMC and their property lists) and the rest, by compressing each
stream (zlib level 1) with and without them; streams take the category
of what refers to them (font programs, ToUnicode, CIDToGIDMap, CIDSet:
fonts). "xref" is what lies outside the objects: header, cross-reference
table or stream, trailer. Needs qpdf. Prints one table a file; with
--csv one line a file and category.
"""
import re
import subprocess
import sys
import zlib

CATS = ["struct", "parenttree", "structroot", "marks", "content", "fonts", "icc",
        "xmp", "pages", "annots", "objstm-hdr", "xref", "other"]


def qpdf(*args):
    return subprocess.run(["qpdf", *args], capture_output=True, check=False).stdout


def objects_of(path):
    """{num: (kind, info)}: kind 'top' (offset) or 'in' (stream number)."""
    out = qpdf("--show-xref", path).decode()
    objs = {}
    for line in out.splitlines():
        m = re.match(r"(\d+)/0: uncompressed; offset = (\d+)", line)
        if m:
            objs[int(m.group(1))] = ("top", int(m.group(2)))
            continue
        m = re.match(r"(\d+)/0: compressed; stream = (\d+), index = (\d+)", line)
        if m:
            objs[int(m.group(1))] = ("in", int(m.group(2)))
    return objs


def dict_of(path, n):
    return qpdf("--show-object=%d" % n, path).decode("latin-1")


def classify(text, stream_data=None):
    t = text
    if "/Type /StructElem" in t or re.search(r"/S /\w+", t) and ("/P " in t or "/S /Document" in t) \
            and "/Type /Annot" not in t:
        return "struct"
    if "/Type /StructTreeRoot" in t:
        return "structroot"
    if "/Nums" in t:
        return "parenttree"
    if re.fullmatch(r"\[( \d+ 0 R)+ \]\s*", t.strip() + " ") or re.fullmatch(r"\[(\s*\d+ 0 R)*\s*\]", t.strip()):
        return "parenttree"
    if "/O /Table" in t:
        return "struct"
    if "/FontFile2" in t or "/Type /FontDescriptor" in t or "/Type /Font" in t or "/CIDSystemInfo" in t:
        return "fonts"
    if "/N 3" in t and "/Alternate" in t or "/Type /OutputIntent" in t:
        return "icc"
    if "/Type /Metadata" in t:
        return "xmp"
    if "/Type /Page" in t or "/Type /Pages" in t or "/ProcSet" in t:
        return "pages"
    if "/Type /Annot" in t or "/Subtype /Link" in t:
        return "annots"
    return "other"


MARK = re.compile(rb"/[A-Za-z0-9]+ ?(<<[^>]*>>)? ?BDC\n?|/[A-Za-z0-9]+ ?BMC\n?|EMC\n?")


def account(path):
    data = open(path, "rb").read()
    objs = objects_of(path)
    size = len(data)
    acc = {k: 0.0 for k in CATS}
    tops = sorted((off, n) for n, (k, off) in objs.items() if k == "top")
    ends = {}
    for i, (off, n) in enumerate(tops):
        m = data.find(b"endobj", off)
        ends[n] = m + len(b"endobj") + 1
    # the trailing part: xref table or stream, trailer
    last_end = max(ends.values()) if ends else 0
    has_xref_table = b"\nxref\n" in data[last_end - 2:]
    in_stream = {}
    for n, (k, s) in objs.items():
        if k == "in":
            in_stream.setdefault(s, []).append(n)
    kinds = {}
    content_objs = set()
    for n, (k, _) in objs.items():
        d = dict_of(path, n)
        kinds[n] = d
    for n, d in kinds.items():
        if "/Type /Page" in d and "/Contents" in d:
            for m in re.finditer(r"/Contents (\d+) 0 R", d):
                content_objs.add(int(m.group(1)))
            m = re.search(r"/Contents \[([^\]]*)\]", d)
            if m:
                for r in re.finditer(r"(\d+) 0 R", m.group(1)):
                    content_objs.add(int(r.group(1)))
    # streams take the category of what refers to them
    refcat = {}
    for n, d in kinds.items():
        if "/Type /Font" in d or "/Type /FontDescriptor" in d:
            for m in re.finditer(r"/(?:FontFile2|ToUnicode|CIDToGIDMap|CIDSet|FontDescriptor) (\d+) 0 R", d):
                refcat[int(m.group(1))] = "fonts"
        for m in re.finditer(r"/DestOutputProfile (\d+) 0 R", d):
            refcat[int(m.group(1))] = "icc"
        for m in re.finditer(r"/Metadata (\d+) 0 R", d):
            refcat[int(m.group(1))] = "xmp"
    cat_of = lambda n: refcat.get(n) or classify(kinds[n])
    marks_raw = content_raw = 0
    for n, (k, off) in objs.items():
        if k != "top":
            continue
        b = ends[n] - off
        if n in in_stream:          # an object stream
            hdr = dict_of(path, n)
            first = int(re.search(r"/First (\d+)", hdr).group(1))
            dec = qpdf("--show-object=%d" % n, "--filtered-stream-data", path)
            pairs = list(map(int, dec[:first].split()))
            offs = [(pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2)]
            total = len(dec)
            acc["objstm-hdr"] += b * first / total
            for j, (num, o) in enumerate(offs):
                e = offs[j + 1][1] if j + 1 < len(offs) else total - first
                acc[cat_of(num)] += b * (e - o) / total
            continue
        if n in content_objs:
            dec = qpdf("--show-object=%d" % n, "--filtered-stream-data", path)
            marks = sum(len(m.group(0)) for m in MARK.finditer(dec))
            stripped = MARK.sub(b"", dec)
            # compressed sizes with and without the marks at level 1
            full = len(zlib.compress(dec, 1))
            without = len(zlib.compress(stripped, 1))
            share = (full - without) / full if full else 0
            acc["marks"] += b * share
            acc["content"] += b * (1 - share)
            marks_raw += marks
            content_raw += len(dec) - marks
            continue
        acc[cat_of(n)] += b
    acc["xref"] += size - sum(ends[n] - off for n, (k, off) in objs.items() if k == "top")
    return size, acc, marks_raw, content_raw


def main():
    csv = "--csv" in sys.argv
    for path in [a for a in sys.argv[1:] if a != "--csv"]:
        size, acc, mr, cr = account(path)
        if csv:
            for k in CATS:
                print("%s,%s,%d" % (path, k, round(acc[k])))
            continue
        print("%s: %d bytes (content decoded: %d bytes of marks, %d of the rest)" % (path, size, mr, cr))
        for k in CATS:
            if acc[k]:
                print("  %-11s %8.0f  %5.1f %%" % (k, acc[k], 100 * acc[k] / size))


if __name__ == "__main__":
    main()
