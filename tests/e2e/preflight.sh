#!/bin/sh
# preflight.sh: every referat passes Apache PDFBox Preflight as PDF/A-1b
# with no error (issue 19, item 7): the four examples, the blank one, the
# stress workplace at the schema's limits, one whose people's names hold
# the letters of many languages, and one showing a PNG and a JPEG logo
# (layouts that draw <logo>). tests/preflight.sh runs Preflight;
# tests/pdfa_check.py (pdfa_check.sh) keeps checking the clauses Preflight
# does not. `make test` installs Preflight (Makefile: DEB_TEST); where it
# is missing this test says so and passes, as it cannot run.
# Run from the repository root with AMOKIT and BUILD set (tools/runtests.sh).
AMOKIT=${AMOKIT:-build/amokit}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "preflight: $*"; exit 1; }

sh tests/preflight.sh > "$TMP/probe" 2>&1
if [ $? = 77 ]; then
	echo "skip: Preflight is not installed here: $(cat "$TMP/probe")"
	exit 0
fi

# referat NAME FILE [OPTION]...: renders FILE's referat as $TMP/NAME.pdf.
referat() {
	name=$1; file=$2; shift 2
	rm -rf "$TMP/o"; mkdir "$TMP/o"
	"$AMOKIT" render "$file" --only referat -o "$TMP/o" "$@" > /dev/null 2> "$TMP/err" ||
		fail "render $file: $(cat "$TMP/err")"
	mv "$TMP/o/referat.pdf" "$TMP/$name.pdf"
}

for x in examples/*.xml; do
	referat "$(basename "$x" .xml)" "$x"
done
mkdir "$TMP/b"
"$AMOKIT" blank --only referat -o "$TMP/b" > /dev/null || fail "blank failed"
mv "$TMP/b/referat.pdf" "$TMP/blank.pdf"
python3 tests/data/stress_workplace.py 40 "$TMP/stress.xml" || fail "no stress workplace"
referat stress "$TMP/stress.xml"

# People named with the letters of many languages (the fonts' coverage,
# as Type0 subsets).
sed -e 's|<name>Jens Holm</name>|<name>Đorđe Petrović – Ľubomír Šťastný</name>|' \
    -e 's|<name>Lene Holm</name>|<name>Şükrü Ağaoğlu – Zoë Brontë</name>|' \
    -e 's|<name>Mikkel Holm</name>|<name>Øystein Ærø – Ġużeppi Ħabib</name>|' \
    examples/toemrer-6.xml > "$TMP/scripts.xml"
grep -q 'Ağaoğlu' "$TMP/scripts.xml" || fail "could not rename the people"
referat scripts "$TMP/scripts.xml"

# A PNG and a JPEG logo, drawn by layouts that show <logo> in the referat.
cp -r layouts "$TMP/lay"
sed 's|<h1><msg key="minutes.referat"/></h1>|<image path="/logo" width="30mm"/><h1><msg key="minutes.referat"/></h1>|' layouts/referat.xml \
	> "$TMP/lay/referat.xml"
grep -q 'path="/logo"' "$TMP/lay/referat.xml" || fail "could not put the logo in the referat's layout"
mkdir "$TMP/wp"
python3 - "$TMP/wp" <<'EOF'
import struct, sys, zlib
w, h = 48, 24
rows = b"".join(b"\0" + bytes(v for x in range(w) for v in (5 * x, 200 - 8 * y, 90)) for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1] + "/logo.png", "wb").write(
    b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
EOF
for kind in png jpg; do
	if [ $kind = jpg ]; then
		pdftoppm -v > /dev/null 2>&1 || fail "no pdftoppm to make a JPEG"
		# A JPEG of the PNG's picture, through a one-page PDF of it.
		python3 -c "import sys" || fail "no python3"
		"$AMOKIT" render examples/kontor-27.xml --only dagsorden -o "$TMP/o" > /dev/null 2>&1
		pdftoppm -jpeg -r 20 -singlefile "$TMP/o/dagsorden.pdf" "$TMP/wp/logo" || fail "no JPEG"
	fi
	sed "s|^  <people>|  <logo>logo.$kind</logo>\n  <people>|" examples/kontor-27.xml > "$TMP/wp/logo-$kind.xml"
	referat "logo-$kind" "$TMP/wp/logo-$kind.xml" --layouts "$TMP/lay"
	n=$(pdfimages -list "$TMP/logo-$kind.pdf" 2> /dev/null | tail -n +3 | wc -l)
	[ "$n" = 1 ] || fail "the referat with a $kind logo holds $n images, not 1"
done

n=$(ls "$TMP"/*.pdf | wc -l)
sh tests/preflight.sh "$TMP"/*.pdf > "$TMP/report" 2>&1
rc=$?
sed "s|$TMP/||" "$TMP/report"
[ "$rc" = 0 ] || fail "Preflight rejects a referat (see above)"
echo "preflight: all $n referats are valid PDF/A-1b"
