#!/bin/sh
# specimen.sh: the layout engine's specimen (tests/specimen/specimen.xml, every
# node kind with long Danish compounds in narrow cells, the European names and
# enough text to break across pages) rendered through amokit with
# examples/kontor-27.xml as data, and checked:
#   - tests/pdfcheck.py --margin 8 with the overlap check: qpdf clean, every
#     font embedded, pdffonts, pdftotext and mutool draw quiet, no two words
#     overlapping, the names line coming back exactly, and every word within
#     the left and right margins (18 mm) of its page (--boxes); the årshjul's
#     page apart, without the overlap check (curved labels);
#   - tests/e2e/cellcheck.py: no word crosses a table or box rule;
#   - structure: the fixed-height box continues with "(fortsat)" and keeps all
#     its text, the table header repeats on the next page, the landscape page
#     is landscape, the handleplan header stands on one line, and the same
#     input gives the same bytes.
# Leaves the pages as PNGs (pdftoppm -r 60) in $BUILD/tests/specimen-e2e/ for
# looking at. amokit only renders the kit's documents, so the specimen is
# copied as dagsorden.xml into a layouts folder with the strings files and a
# logo made here.
# Run from the repository root with AMOKIT and BUILD set (tools/runtests.sh).
set -eu
AMOKIT=${AMOKIT:?AMOKIT must name the amokit binary}
B=${BUILD:?BUILD must name the build directory}
out=$B/tests/specimen-e2e
rm -rf "$out"
mkdir -p "$out/layouts" "$out/pdf" "$out/again"
fail() { echo "specimen: $*"; exit 1; }
status=0

cp tests/specimen/specimen.xml "$out/layouts/dagsorden.xml"
cp -r layouts/messages layouts/aarshjul-style.xml "$out/layouts/"
# A small RGB PNG, made with the standard library.
python3 - "$out/layouts/logo.png" <<'EOF'
import struct, sys, zlib
w, h = 60, 30
rows = b"".join(b"\0" + bytes(v for x in range(w) for v in (4 * x, 255 - 8 * y, 128)) for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
EOF

for dir in pdf again; do
	"$AMOKIT" render examples/kontor-27.xml --layouts "$out/layouts" --only dagsorden -o "$out/$dir" > /dev/null ||
		fail "amokit render failed"
done
pdf=$out/pdf/dagsorden.pdf
[ "$(ls "$out/pdf")" = dagsorden.pdf ] || fail "--only dagsorden wrote: $(ls "$out/pdf")"
cmp -s "$pdf" "$out/again/dagsorden.pdf" || fail "two runs give different bytes"

# Every word within the left and right margins of its page.
pdftotext -bbox "$pdf" - | python3 -c '
import re, sys
for n, (w, h) in enumerate(re.findall(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\"", sys.stdin.read()), 1):
    m = 18 / 25.4 * 72
    print(n, m, 8, float(w) - m, float(h) - 8)
' > "$out/boxes"
# The årshjul's page is checked apart, without the overlap check: its labels
# follow arcs, and pdftotext boxes the pieces of slanted text with upright
# rectangles that overlap where the letters do not.
n=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
w=$(pdftotext "$pdf" - | awk -v RS='\f' '/8\. Egen grafik/ { print NR; exit }')
[ -n "$w" ] && [ "$w" -gt 1 ] && [ "$w" -lt "$n" ] || fail "no page with the årshjul"
qpdf "$pdf" --pages . "1-$((w - 1)),$((w + 1))-$n" -- "$out/text.pdf"
qpdf "$pdf" --pages . "$w" -- "$out/wheel.pdf"
python3 tests/pdfcheck.py --margin 8 --no-overlap "$out/wheel.pdf" > "$out/wheel.log" 2>&1 ||
	{ cat "$out/wheel.log"; status=1; }
awk -v w="$w" '$1 < w { print } $1 > w { $1 = $1 - 1; print }' "$out/boxes" > "$out/boxes.text"
names="Łukasz Wiśniewski, Dóra Kovács, Ştefan Ţurcanu, Rūta Žemaitė, Çağla Öztürk, Ævar Þórsson, Jürgen Groß"
python3 tests/pdfcheck.py --margin 8 --boxes "$out/boxes.text" --exact "$names" \
	--expect "Arbejdsmiljøorganisationen" --expect "(fortsat)" --expect "Sidste sætning i den faste kasse." \
	--expect "Æbleøre, ørkenrævens åndedræt og “citater” – med tankestreg" \
	--expect "Båndet er mellem: 10 til 34 ansatte" --expect "Referent: Sara Overgaard." \
	--expect "Arbejdsmiljørepræsentant: Dóra Kovács" --expect "Slut på prøvetrykket." \
	"$out/text.pdf" > "$out/pdfcheck.log" 2>&1 || { cat "$out/pdfcheck.log"; status=1; }

# No word crosses a rule. Known: the årshjul's quarter line at 12 o'clock runs
# into the hub and through the title "Årshjul" (reported to the lead).
python3 tests/e2e/cellcheck.py "$pdf" > "$out/cellcheck.log" 2>&1 || {
	if grep -v "passed, .* failed" "$out/cellcheck.log" | grep -qv "word 'Årshjul' .* crosses the vertical rule"; then
		cat "$out/cellcheck.log"
		status=1
	else
		echo "KNOWN-BUG: the årshjul's quarter line crosses the hub title: $(head -n 1 "$out/cellcheck.log")"
	fi
}

python3 - "$pdf" <<'EOF' || status=1
import re, subprocess, sys
pdf = sys.argv[1]
bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
pages = []
for page in re.split(r"<page ", bbox)[1:]:
    w, h = map(float, re.match(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
    ws = [(float(x), float(y), t) for x, y, t in
          re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<', page)]
    pages.append((w, h, ws))
problems = []


def line_with(ws, words):
    """Is there a line (same top) holding these words left to right?"""
    for y in {round(y) for _, y, t in ws if t == words[0]}:
        line = [t for x, yy, t in sorted(ws) if abs(yy - y) < 2 and t in words]
        if line == words:
            return True
    return False


table = ["Nr.", "Rolle", "Navn", "og", "stilling", "Arbejdsmiljøorganisationen", "Deltager"]
heads = [n for n, (_, _, ws) in enumerate(pages, 1) if line_with(ws, table)]
if len(heads) < 2:
    problems.append("table header on pages %s, expected it repeated on the next page" % heads)
landscape = [n for n, (w, h, _) in enumerate(pages, 1) if w > h]
plan = [n for n, (_, _, ws) in enumerate(pages, 1)
        if line_with(ws, ["Hvad?", "Hvorfor?", "Hvordan?", "Hvornår?", "Hvem?", "Opfølgning?"])]
if not landscape or plan != landscape[:1]:
    problems.append("landscape pages %s, handleplan header on %s" % (landscape, plan))
if pages and pages[-1][0] > pages[-1][1]:
    problems.append("the last page is not portrait again")
cont = [n for n, (_, _, ws) in enumerate(pages, 1) if any(t == "(fortsat)" for _, _, t in ws)]
if not cont:
    problems.append("the fixed-height box does not continue")
hyphens = sum(1 for _, _, ws in pages for _, _, t in ws if re.search(r"\w-$", t))
if hyphens < 5:
    problems.append("only %d hyphenated line ends: is hyphenation on?" % hyphens)
for p in problems:
    print("specimen:", p)
print("specimen: %d pages, header on %s, landscape %s, continued on %s, %d hyphenations"
      % (len(pages), heads, landscape, cont, hyphens))
sys.exit(1 if problems else 0)
EOF

pdftoppm -r 60 -png "$pdf" "$out/page"
[ "$status" = 0 ] || fail "failed"
echo "specimen: ok"
