#!/bin/sh
# previous.sh: `render --previous LAST.xml` brings last year's goals and
# open handleplan rows into this year's documents; blank refuses it.
set -u
out=$BUILD/tests/previous
rm -rf "$out"; mkdir -p "$out/with" "$out/without"
fail() { echo "previous: $*"; exit 1; }

"$AMOKIT" render tests/data/kontor-2026-before.xml --previous tests/data/kontor-2025.xml \
	--only dagsorden,forberedelsesark,referat -o "$out/with" > /dev/null || fail "render with --previous failed"
"$AMOKIT" render tests/data/kontor-2026-before.xml \
	--only dagsorden -o "$out/without" > /dev/null || fail "render without --previous failed"

# Last year's goals (the <goals> of the 2025 file), as text to compare.
goals=$(python3 - <<'PY'
import xml.etree.ElementTree as ET
ns = {"w": "urn:amokit:workplace:2"}
root = ET.parse("tests/data/kontor-2025.xml").getroot()
for g in root.findall("w:goals/w:goal/w:title", ns):
    print(" ".join(g.text.split()))
PY
)
[ -n "$goals" ] || fail "no goals in tests/data/kontor-2025.xml"
for doc in dagsorden forberedelsesark referat; do
	pdftotext "$out/with/$doc.pdf" - | tr -s ' \n' '  ' > "$out/$doc.txt"
done
pdftotext "$out/without/dagsorden.pdf" - | tr -s ' \n' '  ' > "$out/without.txt"
echo "$goals" | while IFS= read -r g; do
	# Compare the first five words: a long title may wrap or hyphenate.
	head=$(echo "$g" | cut -d' ' -f1-3)
	grep -qF "$head" "$out/dagsorden.txt" || fail "dagsorden lacks last year's goal: $g"
	grep -qF "$head" "$out/forberedelsesark.txt" || fail "forberedelsesark lacks last year's goal: $g"
	grep -qF "$head" "$out/referat.txt" || fail "referat lacks last year's goal: $g"
done || exit 1
grep -q "sidste års handleplan" "$out/dagsorden.txt" || fail "dagsorden lacks the follow-up of last year's handleplan"
grep -q "sidste års handleplan" "$out/without.txt" && fail "the follow-up shows without --previous"

"$AMOKIT" blank --previous tests/data/kontor-2025.xml -o "$out" > /dev/null 2>&1
[ $? = 2 ] || fail "blank --previous should be a usage error (2)"
echo "previous: ok"
