#!/bin/sh
# layout_data.sh: the data tree a layout reads holds every node bind.h
# promises, whether or not the shipped layouts read it. The årshjul's
# activities are left out of the shared tree (the shipped layouts draw
# them from the model; 5,000 of them are 1.8 MB of nodes), so a layout
# that names them (--layouts) gets a tree with them: an agenda that lists
# /wheel/activity/date prints every activity's date.
# Run from the repository root with AMOKIT=<binary>.
set -u
AMOKIT=${AMOKIT:-build/amokit}
xml=examples/kontor-27.xml
fail() { echo "FAIL layout_data: $*"; exit 1; }
[ -e "$xml" ] || { echo "skip: no $xml"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/layouts" "$tmp/out"
cp -r layouts/. "$tmp/layouts/"
sed 's|^  </body>|<repeat over="/wheel/activity"><p>AKTIVITET <field path="date"/></p></repeat></body>|' \
	layouts/dagsorden.xml > "$tmp/layouts/dagsorden.xml"
grep -q 'AKTIVITET' "$tmp/layouts/dagsorden.xml" || fail "could not change the layout"
SOURCE_DATE_EPOCH=1767225600 "$AMOKIT" render "$xml" --layouts "$tmp/layouts" --only dagsorden \
	-o "$tmp/out" > "$tmp/log" 2>&1 || { cat "$tmp/log"; fail "render with the changed layout failed"; }
pdftotext "$tmp/out/dagsorden.pdf" "$tmp/text.txt" || fail "pdftotext"
want=$(grep -A4 '<activity ' "$xml" | grep -c '<date>')
got=$(grep -c 'AKTIVITET 20[0-9][0-9]-' "$tmp/text.txt")
[ "$want" -gt 0 ] && [ "$got" -eq "$want" ] || fail "$got activity dates printed, $want in $xml"
grep -q 'AKTIVITET 2026-02-03' "$tmp/text.txt" || fail "the first activity's date is missing"
echo "ok   layout_data.sh ($got activity dates)"
