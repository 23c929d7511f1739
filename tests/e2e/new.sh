#!/bin/sh
# new.sh: `amokit new` writes a complete, commented starting file (issue 18).
#   1. For each size band (6, 27, 45, 140 with a MED-aftale), `new ... |
#      check -` passes, and the file holds the parts the band uses (no
#      <amo> under 10, <knowledge> only under 10, <committees> from 35 or
#      under MED), all eleven agenda points, the name escaped (&amp;).
#   2. Every field written empty has a comment above it with an example
#      ("fx ..."); every example shown in a comment is valid: with all of
#      them taken out of their comments (but <first-discussion>, which
#      excludes last year's goals) the file still passes check.
#   3. Rendered, the documents print blank where the file is empty: no
#      example value reaches paper, an empty section is no heading, the
#      follow-up is boxes to write in, the årshjul has rings to write in
#      (under the file's year and name), and every PDF passes
#      tests/pdfcheck.py.
#   4. The command line: -o creates its folder and never replaces a file
#      without --force; without --name or --headcount it says what to give;
#      the year comes from --year, else SOURCE_DATE_EPOCH.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# --- 1. every size band ------------------------------------------------------------------
for band in "6" "27" "45" "140 --med"; do
	f="$TMP/n$(echo "$band" | tr -d ' -').xml"
	# shellcheck disable=SC2086
	if "$AMOKIT" new --name "Holm & Søn ApS" --headcount $band --year 2027 > "$f" 2> "$TMP/err" &&
		"$AMOKIT" check - < "$f" > /dev/null 2> "$TMP/err"; then
		ok "new --headcount $band | check - passes"
	else
		bad "new --headcount $band: $(cat "$TMP/err")"
	fi
	grep -q "advarsel" "$TMP/err" && ! grep -qv "advarsel" "$TMP/err" &&
		ok "  check only warns about what is still to fill in" || bad "  check said: $(cat "$TMP/err")"
	grep -q '<name>Holm &amp; Søn ApS</name>' "$f" && grep -q '<covers-year>2027</covers-year>' "$f" &&
		grep -q '<wheel year="2027">' "$f" && [ "$(grep -c '<point n=' "$f")" = 11 ] &&
		ok "  name, year and all eleven agenda points" || bad "  name, year or agenda points missing"
done
has() { tr -s ' \n' '  ' < "$1" | grep -q "$2"; }   # comments wrap: lines made one
has "$TMP/n6.xml" '<knowledge present' && ! grep -q '^  <amo>$' "$TMP/n6.xml" && ! grep -q '^  <committees>$' "$TMP/n6.xml" &&
	has "$TMP/n6.xml" 'ingen arbejdsmiljøorganisation' &&
	ok "6: <knowledge>, no AMO, no committees" || bad "6: wrong parts"
has "$TMP/n27.xml" '<amo>' && has "$TMP/n27.xml" '<supplementary-training' && ! has "$TMP/n27.xml" '<knowledge' &&
	! grep -q '^  <committees>$' "$TMP/n27.xml" && ok "27: <amo>, a competence plan, no committees" || bad "27: wrong parts"
grep -q '^  <committees>$' "$TMP/n45.xml" && has "$TMP/n45.xml" 'arbejdsmiljøudvalget: skriv det' &&
	ok "45: the arbejdsmiljøudvalg" || bad "45: no committees"
has "$TMP/n140med.xml" '<med-agreement applies="true"/>' && has "$TMP/n140med.xml" 'MED-udvalget i <committees>' &&
	ok "140 --med: the MED-aftale and its committee" || bad "140 --med: wrong parts"

# --- 2. comments and examples ---------------------------------------------------------------
python3 - "$TMP/n27.xml" > "$TMP/py" 2>&1 <<'EOF'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
missing = []
seen = set()
for i, l in enumerate(lines):
    m = re.match(r"\s*<([a-z-]+)[^>]*></\1>\s*$", l)
    if not m:
        continue
    j = i - 1          # the comment above: back to its "<!--"
    while j >= 0 and "<!--" not in lines[j]:
        j -= 1
    comment = " ".join(lines[j:i])
    # the fields of agenda points 2-11 are explained once, at point 1
    if m.group(1) in seen:
        continue
    seen.add(m.group(1))
    if j < 0 or "-->" not in lines[i - 1] or "fx " not in comment:
        missing.append("%d: <%s>" % (i + 1, m.group(1)))
print("%d empty fields" % sum(1 for l in lines if re.match(r"\s*<([a-z-]+)[^>]*></\1>\s*$", l)))
print("\n".join(missing))
sys.exit(1 if missing else 0)
EOF
[ $? = 0 ] && ok "every empty field has a comment with an example ($(head -n 1 "$TMP/py"))" ||
	bad "fields without an example: $(cat "$TMP/py")"
for f in "$TMP/n6.xml" "$TMP/n27.xml" "$TMP/n45.xml" "$TMP/n140med.xml"; do
	# Each example: "<!-- Eksempel: ..." line, the example, a "-->" line.
	awk '/<!-- Eksempel:/ { inex = 1; keep = 0; getline; if ($0 ~ /<first-discussion/) keep = 1
	                         if (keep) print "<!--"; print; next }
	     inex && /^ *-->$/ { inex = 0; if (keep) print; next }
	     { print }' "$f" > "$f.all"
	n=$(grep -c '<!-- Eksempel:' "$f")
	if [ "$n" -gt 5 ] && ! grep -q 'Eksempel:' "$f.all" && "$AMOKIT" check "$f.all" > /dev/null 2> "$TMP/err"; then
		ok "$(basename "$f"): all $n examples taken out of their comments pass check"
	else
		bad "$(basename "$f"): examples: $(grep -v advarsel "$TMP/err" | head -n 5)"
	fi
done
grep -q '<person id="jens" role="employer">' "$TMP/n6.xml.all" && grep -q '<chair ref="jens"/>' "$TMP/n6.xml.all" &&
	ok "the example refs name the example person" || bad "example person and refs differ"

# --- 3. documents print blank where the file is empty -----------------------------------------------
for f in n6 n27; do
	if "$AMOKIT" render "$TMP/$f.xml" -o "$TMP/$f" > /dev/null 2> "$TMP/err" && [ "$(ls "$TMP/$f"/*.pdf | wc -l)" = 6 ]; then
		ok "$f renders all six documents"
	else
		bad "$f: render: $(cat "$TMP/err")"
		continue
	fi
	python3 tests/pdfcheck.py "$TMP/$f"/*.pdf > "$TMP/pdfcheck" 2>&1 && ok "  pdfcheck" || bad "  pdfcheck: $(tail -n 5 "$TMP/pdfcheck")"
	for d in "$TMP/$f"/*.pdf; do pdftotext "$d" -; done > "$TMP/$f.txt"
	leak=$(grep -E "Jens Holm|Lene|Mødelokale|Industrivej|Fald fra højde|Sikkerhedsrunde|62601817|høreværn|Værkstedet" "$TMP/$f.txt" | head -n 3)
	[ -z "$leak" ] && ok "  no example value on paper" || bad "  example values printed: $leak"
	pdftotext "$TMP/$f/dagsorden.pdf" - | grep -q "Sidste års samarbejde" && bad "  an empty <cooperation-evaluation> printed its heading" ||
		ok "  an empty section prints as one that is not there"
	# The årshjul without rings or activities: rings to write in, as on the
	# blank poster, under the file's year and name.
	pdftotext "$TMP/$f/aarshjul.pdf" - | tr -s ' \n' '  ' > "$TMP/wheel.txt"
	grep -q "Ringene A B C D E F 23 Ugenumre" "$TMP/wheel.txt" && grep -q "Årshjul 2027" "$TMP/wheel.txt" &&
		grep -q "Holm & Søn ApS" "$TMP/wheel.txt" && ! grep -q "Arbejdsplads" "$TMP/wheel.txt" &&
		ok "  the empty årshjul has rings to write in, under its year and name" ||
		bad "  årshjul: $(head -c 300 "$TMP/wheel.txt")"
	pdftotext "$TMP/$f/referat.pdf" - | grep -q "Sådan følges beslutningerne op" &&
		! pdftotext "$TMP/$f/referat.pdf" - | grep -A1 "Sådan følges beslutningerne op" | grep -q "Ikke oplyst" &&
		ok "  the empty follow-up leaves boxes to write in" || bad "  the follow-up is not blank"
done

# --- the editing commands keep the fields open ------------------------------------------------------------
# import and next-year write the file again: a field left empty stays
# <field></field>, ready to type into, never <field/>.
cp "$TMP/n6.xml" "$TMP/imp.xml"
if "$AMOKIT" import "$TMP/imp.xml" examples/import/personer.csv 2> "$TMP/err" &&
	diff "$TMP/n6.xml" "$TMP/imp.xml" | grep '^[<>]' | grep -v '^> ' > "$TMP/removed"; [ ! -s "$TMP/removed" ]; then
	ok "import into a started file only adds (empty fields stay open: $(grep -c '></' "$TMP/imp.xml"))"
else
	bad "import changed the started file: $(head -n 5 "$TMP/removed") $(cat "$TMP/err")"
fi
"$AMOKIT" next-year "$TMP/imp.xml" -o "$TMP/ny.xml" 2> "$TMP/err" && grep -q '^  <address></address>$' "$TMP/ny.xml" &&
	grep -q '^    <place></place>$' "$TMP/ny.xml" && ! grep -q '<address/>' "$TMP/ny.xml" &&
	ok "next-year keeps them open too" || bad "next-year closed the empty fields: $(cat "$TMP/err")"

# --- 4. the command line ---------------------------------------------------------------------------------
"$AMOKIT" new --name A --headcount 3 -o "$TMP/a/b/c.xml" 2> "$TMP/err" && [ -f "$TMP/a/b/c.xml" ] &&
	ok "-o creates its folder" || bad "-o: $(cat "$TMP/err")"
cp "$TMP/a/b/c.xml" "$TMP/before"
"$AMOKIT" new "$TMP/a/b/c.xml" --name B --headcount 4 2> "$TMP/err"
[ $? = 2 ] && grep -q "findes allerede" "$TMP/err" && cmp -s "$TMP/before" "$TMP/a/b/c.xml" &&
	ok "an existing file is kept (FIL after the options too)" || bad "existing file: $(cat "$TMP/err")"
"$AMOKIT" new "$TMP/a/b/c.xml" --name B --headcount 4 --force 2> "$TMP/err" && grep -q '<name>B</name>' "$TMP/a/b/c.xml" &&
	ok "--force replaces it" || bad "--force: $(cat "$TMP/err")"
"$AMOKIT" new --headcount 4 > /dev/null 2> "$TMP/err"
[ $? = 2 ] && grep -q -- '--name "Holm & Søn ApS" --headcount 6' "$TMP/err" && ok "without --name: what to give" ||
	bad "no --name: $(cat "$TMP/err")"
"$AMOKIT" new --name A --headcount 0 > /dev/null 2> "$TMP/err"
[ $? = 2 ] && grep -q "headcount skal have et antal ansatte fra 1, ikke '0'" "$TMP/err" && ok "--headcount 0 refused" ||
	bad "--headcount 0: $(cat "$TMP/err")"
SOURCE_DATE_EPOCH=1798761600 "$AMOKIT" new --name A --headcount 3 | grep -q '<covers-year>2027</covers-year>' &&
	ok "the year from SOURCE_DATE_EPOCH (1 January 2027: 2027)" || bad "SOURCE_DATE_EPOCH year"
SOURCE_DATE_EPOCH=1796256000 "$AMOKIT" new --name A --headcount 3 | grep -q '<covers-year>2027</covers-year>' &&
	ok "from October the next year (3 December 2026: 2027)" || bad "December's year"
SOURCE_DATE_EPOCH=1790726400 "$AMOKIT" new --name A --headcount 3 | grep -q '<covers-year>2026</covers-year>' &&
	ok "until then this year (30 September 2026: 2026)" || bad "September's year"
"$AMOKIT" new --name A --headcount 3 --year 2028 | grep -q 'Mødets dato, fx 2028-03-24' &&
	ok "the comments' example dates are in the file's year" || bad "example dates not moved to 2028"
a=$(SOURCE_DATE_EPOCH=1798761600 "$AMOKIT" new --name A --headcount 3 | md5sum)
b=$("$AMOKIT" new --name A --headcount 3 --year 2027 | md5sum)
[ "$a" = "$b" ] && ok "same options, same bytes" || bad "output differs between runs"

echo "new: $pass passed, $fail failed"
[ "$fail" = 0 ]
