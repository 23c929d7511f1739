#!/bin/sh
# pdfa_check.sh: the PDF/A-1 checker (tests/pdfa_check.py) against the
# renderer. Runs tests/render_driver.c, renders its specimen as PDF/A and
# asserts that the checker passes it and fails the plain rendering; then makes
# broken copies of the PDF/A file (each with a rebuilt cross-reference table,
# so that only the intended defect remains) and asserts that the checker
# fails each on exactly the clause it breaks. Also times the checker.
# Run from the repository root with BUILD set (tools/runtests.sh does).
set -eu
B=${BUILD:?BUILD must name the build directory}
out=$B/tests/pdfa
rm -rf "$out"
mkdir -p "$out"
fail() { echo "pdfa_check: $*"; exit 1; }

driver=$B/tests/render_driver   # built by make test, with the library's flags
[ -x "$driver" ] || fail "no $driver (make test builds it)"

python3 - "$out/logo.png" <<'EOF'
import struct, sys, zlib
w, h = 60, 30
rows = b"".join(b"\0" + bytes(v for x in range(w) for v in (4 * x, 255 - 8 * y, 128)) for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
EOF

"$driver" "$out/pdfa.pdf" pdfa "$out/logo.png" || fail "driver failed (pdfa)"
"$driver" "$out/plain.pdf" plain "$out/logo.png" || fail "driver failed (plain)"

# (a) The renderer's PDF/A passes, with no warnings either.
python3 tests/pdfa_check.py "$out/pdfa.pdf" > "$out/pdfa.txt" 2>&1 ||
	fail "the renderer's PDF/A file fails: $(cat "$out/pdfa.txt")"
[ "$(cat "$out/pdfa.txt")" = "1 passed, 0 failed" ] || fail "unexpected output: $(cat "$out/pdfa.txt")"
# The plain file is no PDF/A: no metadata, no output intent.
if python3 tests/pdfa_check.py -q "$out/plain.pdf" > "$out/plain.txt"; then
	fail "the plain rendering passes as PDF/A"
fi
grep -q "\[6.7.2 metadata\]" "$out/plain.txt" || fail "plain: metadata clause not failed"
grep -q "\[6.2.2 output-intent\]" "$out/plain.txt" || fail "plain: output intent clause not failed"

# (b) Broken variants, each failing its clause.
python3 - "$out" <<'EOF' || fail "a broken variant was not caught"
import re, subprocess, sys, zlib

out = sys.argv[1]
raw = open(out + "/pdfa.pdf", "rb").read()


def split(raw):
    """header, {num: object bytes}, trailer dictionary text."""
    startxref = int(re.search(rb"startxref\s+(\d+)", raw[-64:]).group(1))
    offsets = {}
    table = raw[startxref:raw.index(b"trailer", startxref)]
    lines = table.splitlines()[1:]
    i = 0
    while i < len(lines):
        first, count = map(int, lines[i].split())
        for k in range(count):
            off, gen, kind = lines[i + 1 + k].split()
            if kind == b"n":
                offsets[first + k] = int(off)
        i += 1 + count
    order = sorted(offsets, key=offsets.get)
    ends = [offsets[n] for n in order[1:]] + [startxref]
    objs = {n: raw[offsets[n]:e] for n, e in zip(order, ends)}
    trailer = raw[raw.index(b"trailer", startxref) + 7:raw.index(b"startxref", startxref)]
    return raw[:offsets[order[0]]], objs, trailer


def join(header, objs, trailer):
    body, offsets = bytearray(header), {}
    for n in sorted(objs):
        offsets[n] = len(body)
        body += objs[n]
    size = max(objs) + 1
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f\r\n" % size
    for n in range(1, size):
        body += b"%010d 00000 n\r\n" % offsets[n] if n in offsets else b"0000000000 00000 f\r\n"
    body += b"trailer" + re.sub(rb"/Size \d+", b"/Size %d" % size, trailer) + b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(body)


def find(objs, pattern):
    hits = [n for n, o in objs.items() if re.search(pattern, re.split(rb"stream\r?\n", o)[0])]
    assert len(hits) == 1, (pattern, hits)
    return hits[0]


def edit(objs, pattern, old, new, count=1):
    n = find(objs, pattern)
    assert objs[n].count(old) >= 1, (pattern, old)
    objs[n] = objs[n].replace(old, new, count)


def set_stream(objs, n, data):
    """Replaces stream n's data (stored unfiltered when the dictionary has no
    /Filter, else deflated) and its /Length."""
    o = objs[n]
    head, rest = re.split(rb"stream\r?\n", o, 1)
    if b"/FlateDecode" in head:
        data = zlib.compress(data)
    head = re.sub(rb"/Length \d+( 0 R)?", b"/Length %d" % len(data), head)
    objs[n] = head + b"stream\n" + data + b"\nendstream\nendobj\n"


def stream_of(objs, n):
    head, rest = re.split(rb"stream\r?\n", objs[n], 1)
    length = int(re.search(rb"/Length (\d+)", head).group(1)) if not re.search(rb"/Length \d+ 0 R", head) else \
        int(re.search(rb"obj\s+(\d+)", objs[int(re.search(rb"/Length (\d+) 0 R", head).group(1))]).group(1))
    data = rest[:length]
    return zlib.decompress(data) if b"/FlateDecode" in head else data


def no_metadata(h, objs, t):
    edit(objs, rb"/Type/Catalog", re.search(rb"/Metadata \d+ 0 R\s?", objs[find(objs, rb"/Type/Catalog")]).group(0), b"")
    return h, t


def xmp_title(h, objs, t):
    n = find(objs, rb"/Subtype/XML")
    set_stream(objs, n, stream_of(objs, n).replace("alle tegn</rdf:li>".encode(), "andre tegn</rdf:li>".encode()))
    return h, t


def xmp_date(h, objs, t):
    n = find(objs, rb"/Subtype/XML")
    set_stream(objs, n, stream_of(objs, n).replace(b"<xmp:CreateDate>2024-05-01T10:00:00+00:00",
                                                   b"<xmp:CreateDate>2024-05-01T10:00:00+02:00"))
    return h, t


def xmp_part(h, objs, t):
    n = find(objs, rb"/Subtype/XML")
    set_stream(objs, n, stream_of(objs, n).replace(b"<pdfaid:conformance>A<", b"<pdfaid:conformance>U<"))
    return h, t


def xmp_broken(h, objs, t):
    n = find(objs, rb"/Subtype/XML")
    set_stream(objs, n, stream_of(objs, n).replace(b"</dc:format>", b"</dc:formt>"))
    return h, t


def no_output_intent(h, objs, t):
    edit(objs, rb"/Type/Catalog", re.search(rb"/OutputIntents ?\[[^\]]*\]\s?",
                                             objs[find(objs, rb"/Type/Catalog")]).group(0), b"")
    return h, t


def icc_v4(h, objs, t):
    n = int(re.search(rb"/DestOutputProfile (\d+) 0 R", objs[find(objs, rb"/S/GTS_PDFA1")]).group(1))
    icc = bytearray(stream_of(objs, n))
    icc[8] = 4
    set_stream(objs, n, bytes(icc))
    return h, t


def encrypt(h, objs, t):
    return h, t.replace(b"/Root", b"/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 /O <%s> /U <%s> >>\n/Root"
                        % (b"00" * 32, b"00" * 32))


def no_id(h, objs, t):
    return h, re.sub(rb"/ID ?\[[^\]]*\]\s?", b"", t)


def version(h, objs, t):
    return h.replace(b"%PDF-1.4", b"%PDF-1.6"), t


def annot_no_print(h, objs, t):
    edit(objs, rb"/Type/Annot", b"/F 4/", b"/")
    return h, t


def annot_hidden(h, objs, t):
    edit(objs, rb"/Type/Annot", b"/F 4/", b"/F 6/")
    return h, t


def javascript(h, objs, t):
    edit(objs, rb"/Type/Annot", b"/S/URI", b"/S /JavaScript /JS (app.alert\\(1\\))")
    return h, t


def launch(h, objs, t):
    edit(objs, rb"/Type/Catalog", b"/Type/Catalog", b"/Type/Catalog\n/OpenAction << /S /Launch /F (x.exe) >>")
    return h, t


def additional_actions(h, objs, t):
    edit(objs, rb"/Type/Catalog", b"/Type/Catalog", b"/Type/Catalog\n/AA << >>")
    return h, t


def group(h, objs, t):
    n = min(n for n, o in objs.items() if re.search(rb"/Type/Page\b(?!s)", o))
    objs[n] = objs[n].replace(b"/Type/Page", b"/Type/Page /Group << /S /Transparency /CS /DeviceRGB >>", 1)
    return h, t


def smask(h, objs, t):
    edit(objs, rb"/Subtype/Image", b"/Subtype/Image", b"/Subtype/Image\n/SMask /Dummy")
    return h, t


def alpha(h, objs, t):
    n = min(n for n, o in objs.items() if re.search(rb"/ProcSet", o))
    objs[n] = objs[n].replace(b"<</ProcSet", b"<</ExtGState << /G1 << /ca 0.5 >> >> /ProcSet", 1)
    return h, t


def unembedded(h, objs, t):
    n = min(n for n, o in objs.items() if b"/FontFile2" in o)
    objs[n] = re.sub(rb"/FontFile2 \d+ 0 R\s?", b"", objs[n])
    return h, t


def widths(h, objs, t):
    n = min(n for n, o in objs.items() if re.search(rb"/W ?\[\d+ ?\[\d+", o))
    objs[n] = re.sub(rb"/W ?\[(\d+) ?\[\d+", rb"/W [\1 [999", objs[n], 1)
    return h, t


def lzw(h, objs, t):
    n = find(objs, rb"/Subtype/Image")
    objs[n] = objs[n].replace(b"/Subtype/Image", b"/Subtype/Image\n/DecodeParms null", 1)
    objs[n] = re.sub(rb"/Filter ?\[? ?/FlateDecode ?\]?", b"/Filter /LZWDecode", objs[n], 1)
    return h, t


def embedded_file(h, objs, t):
    edit(objs, rb"/Type/Catalog", b"/Type/Catalog", b"/Type/Catalog\n/Names << /EmbeddedFiles << /Names [] >> >>")
    return h, t


def xfa(h, objs, t):
    edit(objs, rb"/Type/Catalog", b"/Type/Catalog", b"/Type/Catalog\n/AcroForm << /Fields [] /XFA (x) >>")
    return h, t


def cmyk(h, objs, t):
    n = find(objs, rb"/Subtype/Image")
    objs[n] = objs[n].replace(b"/DeviceRGB", b"/DeviceCMYK")
    return h, t


def unmarked(h, objs, t):
    edit(objs, rb"/Type/Catalog", b"/MarkInfo<</Marked true>>", b"")
    return h, t


def no_lang(h, objs, t):
    edit(objs, rb"/Type/Catalog", b"/Lang(da-DK)", b"")
    return h, t


def struct_type(h, objs, t):
    """A structure element without /Type /StructElem (§6.8.3.3)."""
    n = next(n for n, o in sorted(objs.items()) if b"/Type/StructElem" in o)
    objs[n] = objs[n].replace(b"/Type/StructElem", b"")
    return h, t


# variant: (make, the clauses that must fail, whether others may fail too)
VARIANTS = {
    "no-metadata": (no_metadata, {"6.7.2 metadata"}, False),
    "xmp-title": (xmp_title, {"6.7.3 info-xmp"}, False),
    "xmp-date": (xmp_date, {"6.7.3 info-xmp"}, False),
    "xmp-conformance": (xmp_part, {"6.7.11 pdfa-id"}, False),
    "xmp-not-xml": (xmp_broken, {"6.7.2 metadata"}, False),
    "no-output-intent": (no_output_intent, {"6.2.2 output-intent", "6.2.3 colour"}, False),
    "icc-v4": (icc_v4, {"6.2.2 output-intent"}, False),
    "encrypt": (encrypt, {"6.1.3 encryption"}, True),   # qpdf cannot read it either
    "no-id": (no_id, {"6.1.3 trailer-id"}, False),
    "pdf-1.6": (version, {"6.1.2 header"}, False),
    "annot-no-f": (annot_no_print, {"6.5 annotations"}, False),
    "annot-hidden": (annot_hidden, {"6.5 annotations"}, False),
    "javascript": (javascript, {"6.6 actions"}, False),
    "launch": (launch, {"6.6 actions"}, False),
    "additional-actions": (additional_actions, {"6.6 actions"}, False),
    "group": (group, {"6.4 transparency"}, False),
    "smask": (smask, {"6.4 transparency"}, False),
    "alpha": (alpha, {"6.4 transparency"}, False),
    "unembedded-font": (unembedded, {"6.3 fonts"}, False),
    "font-widths": (widths, {"6.3.6 font-widths"}, False),
    "lzw": (lzw, {"6.1.10 filters"}, False),
    "embedded-file": (embedded_file, {"6.1.11 embedded-files"}, False),
    "xfa": (xfa, {"6.9 forms"}, False),
    "cmyk-image": (cmyk, {"6.2.3 colour"}, False),
    # level A (the file claims PDF/A-1a)
    "unmarked": (unmarked, {"6.8.2.2 marked"}, False),
    "no-lang": (no_lang, {"6.8.4 lang"}, False),
    "struct-elem-type": (struct_type, {"6.8.3.3 struct-elem-type"}, False),
}

# The rewriting itself must not break anything.
h, objs, t = split(raw)
untouched = out + "/variant-untouched.pdf"
open(untouched, "wb").write(join(h, objs, t))
paths = [untouched]
for name, (make, want, loose) in VARIANTS.items():
    h, objs, t = split(raw)
    h, t = make(h, objs, t)
    path = "%s/variant-%s.pdf" % (out, name)
    open(path, "wb").write(join(h, objs, t))
    paths.append(path)
# Data after %%EOF.
open(out + "/variant-trailing.pdf", "wb").write(raw + b"\n\n% more\n")
paths.append(out + "/variant-trailing.pdf")
VARIANTS["trailing"] = (None, {"6.1.3 trailer"}, False)

p = subprocess.run([sys.executable, "tests/pdfa_check.py", "-q"] + paths, capture_output=True, text=True)
got = {}
for line in p.stdout.splitlines():
    m = re.match(r"(\S+): \[([^\]]+)\]", line)
    if m:
        got.setdefault(m.group(1), set()).add(m.group(2))
bad = 0
if untouched in got:
    print("the rewritten but unchanged file fails: %s" % got[untouched])
    bad += 1
for name, (_, want, loose) in VARIANTS.items():
    path = "%s/variant-%s.pdf" % (out, name)
    have = got.get(path, set())
    if not want <= have or (not loose and have != want):
        print("%s: expected failures %s, got %s" % (name, sorted(want), sorted(have)))
        bad += 1
summary = p.stdout.splitlines()[-1]
if summary != "1 passed, %d failed" % len(VARIANTS) or p.returncode != 1:
    print("unexpected summary %r (exit %d)" % (summary, p.returncode))
    bad += 1
open(out + "/variants.txt", "w").write(p.stdout)
sys.exit(1 if bad else 0)
EOF

# Fast enough for every file of a batch: under a second per file, counted
# without the interpreter's start-up (which alone can take a second on a busy
# machine), as the mean over the specimen and its variants.
ms=$(python3 - "$out" <<'EOF'
import glob, sys, time
sys.path.insert(0, "tests")
import pdfa_check
files = sorted(glob.glob(sys.argv[1] + "/*.pdf"))
start = time.perf_counter()
for f in files:
    pdfa_check.check_file(f, True)
print(int((time.perf_counter() - start) * 1000 / len(files)))
EOF
)
[ "$ms" -lt 1000 ] || fail "the checker takes $ms ms per file"
echo "pdfa_check: ok ($(grep -c '^' "$out/variants.txt") lines over the variants, $ms ms per file)"
