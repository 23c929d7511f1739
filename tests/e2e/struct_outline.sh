#!/bin/sh
# struct_outline.sh: every document is tagged as expected (issue 22).
# Renders every example, filled, and the blank set, and for each PDF
# compares the outline of its structure tree, as poppler reads it
# (`pdfinfo -struct-text`), with the one kept in tests/struct/SET/DOC.txt:
# every element with its attributes, each text cut to its first 48
# characters (the outline is about structure; the words are checked
# elsewhere), annotations' object numbers and poppler's "(block)" and
# "(inline)" left out. Every file also passes
# tests/uacheck.py, the PDF/UA-1 checker, and so do the årshjul tiled on
# A4 and an A3 landscape poster.
#
# A change that is meant to change the structure (a layout edited, a new
# element) regenerates the outlines deliberately:
#     AMOKIT_UPDATE_STRUCT=1 sh tests/e2e/struct_outline.sh
# then review `git diff tests/struct`.
# Run from the repository root with AMOKIT set (tools/runtests.sh).
set -u
AMOKIT=${AMOKIT:-build/amokit}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# outline PDF: the structure outline of PDF on stdout.
outline() {
	pdfinfo -struct-text "$1" | python3 -c '
import re, sys
for line in sys.stdin.read().splitlines():
    m = re.match(r"(\s*)\"(.*)\"$", line)
    if m:
        text = m.group(2)
        line = "%s\"%s\"" % (m.group(1), text if len(text) <= 48 else text[:48] + "…")
    line = re.sub(r"^(\s*)Object \d+ \d+$", r"\1Object", line)
    line = re.sub(r" \((block|inline)\)$", "", line)
    print(line)
'
}

for x in examples/*.xml; do
	set_=$(basename "$x" .xml)
	mkdir -p "$TMP/$set_"
	"$AMOKIT" render "$x" -o "$TMP/$set_" > /dev/null 2> "$TMP/err" || { bad "render $x: $(cat "$TMP/err")"; continue; }
done
mkdir -p "$TMP/blank"
"$AMOKIT" blank -o "$TMP/blank" > /dev/null 2> "$TMP/err" || bad "blank: $(cat "$TMP/err")"

for dir in "$TMP"/*/; do
	set_=$(basename "$dir")
	for f in "$dir"*.pdf; do
		doc=$(basename "$f" .pdf)
		want=tests/struct/$set_/$doc.txt
		outline "$f" > "$TMP/got.txt"
		if [ -n "${AMOKIT_UPDATE_STRUCT:-}" ]; then
			mkdir -p "tests/struct/$set_"
			cp "$TMP/got.txt" "$want"
		fi
		if [ ! -f "$want" ]; then
			bad "$set_/$doc: no $want (AMOKIT_UPDATE_STRUCT=1 makes it)"
		elif cmp -s "$TMP/got.txt" "$want"; then
			ok
		else
			bad "$set_/$doc: the structure differs from $want:"
			diff -u "$want" "$TMP/got.txt" | sed -n '3,40p' | sed 's/^/    /'
		fi
	done
done

# The structure elements travel in object streams (PDF 1.5), except in
# the archive copy: PDF/A-1 is PDF 1.4, which has none.
for f in "$TMP"/kontor-27/*.pdf "$TMP"/blank/*.pdf; do
	n=$(qpdf --show-xref "$f" | grep -c 'compressed; stream')
	case $f in
	*/referat.pdf) [ "$n" = 0 ] && ok || bad "$f: $n objects in object streams, PDF/A-1 has none" ;;
	*) [ "$n" -gt 0 ] && ok || bad "$f: no objects in object streams" ;;
	esac
done

# Every document, and the poster's other forms, pass the PDF/UA checker.
mkdir -p "$TMP/more"
"$AMOKIT" render examples/kontor-27.xml --only aarshjul --poster A1 --tile A4 -o "$TMP/more/tile" > /dev/null &&
	"$AMOKIT" render examples/produktion-45.xml --only aarshjul --poster A3 --landscape -o "$TMP/more/a3" > /dev/null ||
	bad "render the poster's other forms"
if python3 tests/uacheck.py "$TMP"/*/*.pdf "$TMP"/more/*/*.pdf > "$TMP/ua" 2>&1; then
	ok
else
	bad "uacheck:"; sed 's/^/    /' "$TMP/ua" | head -20
fi
echo "$(tail -n 1 "$TMP/ua") (uacheck)"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
