#!/bin/sh
# render_specimen.sh: runs tests/render_driver.c (built by make test), renders
# its specimen (every draw command, the European names, Danish quotes) plain,
# tiled and as PDF/A, and checks the files with tests/pdfcheck.py: qpdf clean,
# fonts embedded, no warnings from pdftotext or mutool, words inside the page
# and their boxes, no overlaps, the exact text round trip; then that two runs
# give the same bytes. Leaves PNGs of the pages in $BUILD/tests/specimen/.
# Run from the repository root with BUILD set (tools/runtests.sh does).
set -eu
B=${BUILD:?BUILD must name the build directory}
out=$B/tests/specimen
rm -rf "$out"
mkdir -p "$out"
fail() { echo "render_specimen: $*"; exit 1; }

driver=$B/tests/render_driver   # built by make test, with the library's flags
[ -x "$driver" ] || fail "no $driver (make test builds it)"

# A small RGB PNG, made with the standard library.
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

names="Łukasz Wiśniewski, Dóra Kovács, Ştefan Ţurcanu, Rūta Žemaitė, Çağla Öztürk, Ævar Þórsson, Jürgen Groß"
quote="æøå ÆØÅ – “citat”"
# Every upright word lies in the page's content area (40 pt margins).
printf '1 40 40 555 802\n2 40 40 555 802\n' > "$out/boxes"

for mode in plain pdfa; do
	"$driver" "$out/$mode.pdf" $mode "$out/logo.png" || fail "driver failed ($mode)"
	python3 tests/pdfcheck.py --margin 20 --boxes "$out/boxes" \
		--exact "$names" --exact "$quote" --exact "Arbejdsmiljøorganisationen" \
		--expect "https://at.dk/" --expect "Ærøskøbing, Åbenrå og Søgård" "$out/$mode.pdf" ||
		fail "pdfcheck failed ($mode)"
done
grep -q "pdfaid:part>1<" "$out/pdfa.pdf" || fail "no PDF/A identification"

# Same list, same bytes.
"$driver" "$out/again.pdf" plain "$out/logo.png"
cmp "$out/plain.pdf" "$out/again.pdf" || fail "two runs differ"

# Tiled: the first page over A5 sheets (an assembly page, then the sheets
# that show some of it), the second as it is; sheets show clipped text, so
# only the file-level checks apply.
"$driver" "$out/tile.pdf" tile "$out/logo.png" || fail "driver failed (tile)"
qpdf --check "$out/tile.pdf" > /dev/null || fail "qpdf rejects the tiled file"
pages=$(pdfinfo "$out/tile.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 4 ] && [ "$pages" -le 6 ] || fail "tiled file has $pages pages, expected 4 to 6"
pdftotext "$out/tile.pdf" - | grep -q "Ark 1/" || fail "sheet numbers missing"

# Size: a one-page-per-document budget of 20 KB does not apply to this
# two-page specimen with an image, but it must stay small.
size=$(wc -c < "$out/plain.pdf")
[ "$size" -lt 40000 ] || fail "plain specimen is $size bytes"

pdftoppm -r 60 -png "$out/plain.pdf" "$out/plain"
pdftoppm -r 40 -png "$out/tile.pdf" "$out/tile"
echo "render_specimen: ok ($size bytes)"
