#!/bin/sh
# batch_tree.sh: `amokit batch` over a tree of folders (issue 18): the
# folders given are searched with their subfolders, the output repeats
# their structure with one folder per workplace named after its file,
# SHA256SUMS lists every document (sha256sum -c accepts it), and
# --previous-dir brings each workplace's file of last year, found by the
# same name and subfolder, into its documents exactly as render --previous.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
export SOURCE_DATE_EPOCH=1767225600

mkdir -p "$TMP/in/nord/skole" "$TMP/in/.skjult" "$TMP/prev/nord" "$TMP/elsewhere"
cp examples/toemrer-6.xml "$TMP/in/"
cp tests/data/kontor-2026-before.xml "$TMP/in/nord/kontor.xml"
cp examples/produktion-45.xml "$TMP/in/nord/skole/"
cp examples/toemrer-6.xml "$TMP/in/.skjult/"
cp examples/kontor-27.xml "$TMP/elsewhere/"
ln -s "$TMP/elsewhere" "$TMP/in/link"
cp tests/data/kontor-2025.xml "$TMP/prev/nord/kontor.xml"

"$AMOKIT" batch -j 2 --only dagsorden,referat --previous-dir "$TMP/prev" -o "$TMP/out" "$TMP/in" 2> "$TMP/err"
rc=$?
[ $rc = 0 ] && ok "batch over a tree: exit 0" || bad "batch exit $rc: $(cat "$TMP/err")"
grep -q "^3 arbejdspladser: 3 skrevet, 0 fejlede" "$TMP/err" && ok "three workplaces found (not the hidden one, not through the link)" ||
	bad "summary: $(head -1 "$TMP/err")"
for d in toemrer-6 nord/kontor nord/skole/produktion-45; do
	[ -f "$TMP/out/$d/dagsorden.pdf" ] && [ -f "$TMP/out/$d/referat.pdf" ] && ok "$d/ holds its documents" ||
		bad "$d/ is missing documents"
done
[ ! -e "$TMP/out/link" ] && [ ! -e "$TMP/out/.skjult" ] && ok "no output for the link or the hidden folder" || bad "link or hidden folder followed"

# SHA256SUMS: every document, and only documents, checked by sha256sum.
[ "$(wc -l < "$TMP/out/SHA256SUMS")" = 6 ] && ok "SHA256SUMS lists the six documents" || bad "SHA256SUMS: $(cat "$TMP/out/SHA256SUMS")"
(cd "$TMP/out" && sha256sum --quiet -c SHA256SUMS) && ok "sha256sum -c SHA256SUMS passes" || bad "sha256sum -c failed"
grep -q "  nord/skole/produktion-45/referat.pdf$" "$TMP/out/SHA256SUMS" && ok "paths relative to the output folder" || bad "paths in SHA256SUMS"

# --previous-dir: the same bytes as render --previous.
"$AMOKIT" render tests/data/kontor-2026-before.xml --previous tests/data/kontor-2025.xml --only dagsorden,referat \
	-o "$TMP/single" > /dev/null 2>&1 || bad "render --previous failed"
"$AMOKIT" render tests/data/kontor-2026-before.xml --only dagsorden -o "$TMP/none" > /dev/null 2>&1
cmp -s "$TMP/single/dagsorden.pdf" "$TMP/out/nord/kontor/dagsorden.pdf" && ok "--previous-dir: the agenda is render --previous's" ||
	bad "--previous-dir: the agenda differs from render --previous"
cmp -s "$TMP/none/dagsorden.pdf" "$TMP/out/nord/kontor/dagsorden.pdf" && bad "last year's file made no difference" ||
	ok "and differs from one without last year"
cmp -s "$TMP/single/referat.pdf" "$TMP/out/nord/kontor/referat.pdf" && ok "--previous-dir: the referat too" || bad "referat differs"

# A broken last-year file fails its workplace, with the reason.
printf 'not xml' > "$TMP/prev/toemrer-6.xml"
"$AMOKIT" batch -j 1 --only dagsorden --previous-dir "$TMP/prev" -o "$TMP/out2" "$TMP/in" 2> "$TMP/err"
[ $? = 1 ] && grep -q "$TMP/prev/toemrer-6.xml" "$TMP/err" && ok "a bad last-year file fails its workplace, named" ||
	bad "bad previous: $(cat "$TMP/err")"
"$AMOKIT" batch --previous x.xml -o "$TMP/out3" "$TMP/in" 2> "$TMP/err"
[ $? = 2 ] && grep -q -- "--previous-dir" "$TMP/err" && ok "batch --previous points to --previous-dir" || bad "batch --previous: $(cat "$TMP/err")"

echo "batch_tree: $pass passed, $fail failed"
[ "$fail" = 0 ]
