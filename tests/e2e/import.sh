#!/bin/sh
# import.sh: `amokit import` (issue 18). The template sheets in
# examples/import/ round-trip: imported into a new file, it passes check and
# renders; imported again, nothing is added twice. A sheet saved as
# Windows-1252 reads as its UTF-8 twin. Bad rows are answered
# `FILE:LINE: Kolonne: what is wrong` (asserted with their text) and then
# nothing is written; an .xlsx is refused with what to do instead.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
T=examples/import

# --- the templates into a new file -------------------------------------------------------
if "$AMOKIT" import "$TMP/holm.xml" $T/personer.csv $T/aarshjul.csv $T/handleplan.csv $T/apv.csv \
	--name "Tømrerfirmaet Holm & Søn ApS" --headcount 6 2> "$TMP/report"; then
	ok "the four templates import into a new file"
else
	bad "import of the templates failed: $(cat "$TMP/report")"
fi
grep -q "personer.csv: 6 personer tilføjet$" "$TMP/report" && ok "report: 6 people" || bad "report: $(cat "$TMP/report")"
grep -q "aarshjul.csv: 10 aktiviteter i årshjulet tilføjet$" "$TMP/report" && ok "report: 10 activities" || bad "report: $(cat "$TMP/report")"
"$AMOKIT" check "$TMP/holm.xml" > /dev/null 2> "$TMP/err" && ok "the result passes check" || bad "check: $(cat "$TMP/err")"
if "$AMOKIT" render "$TMP/holm.xml" -o "$TMP/out" > /dev/null 2> "$TMP/err" && [ "$(ls "$TMP/out"/*.pdf | wc -l)" = 6 ]; then
	ok "the result renders all six documents"
	"$AMOKIT" ics "$TMP/holm.xml" > "$TMP/holm.ics"
	[ "$(grep -c '^SUMMARY:' "$TMP/holm.ics")" = 10 ] && grep -q "^SUMMARY:Sikkerhedsrunde på byggepladserne" "$TMP/holm.ics" &&
		ok "the årshjul holds the ten imported activities (its calendar)" || bad "calendar: $(grep SUMMARY "$TMP/holm.ics")"
	pdftotext "$TMP/out/referat.pdf" - | grep -q "Łukasz Wiśniewski" && ok "the referat names the imported people" ||
		bad "referat lacks an imported name"
else
	bad "render failed: $(cat "$TMP/err")"
fi
has() { grep -q -- "$2" "$1"; }
has "$TMP/holm.xml" '<person id="lukasz-wisniewski" role="amr" attendance="present" new-in-amo="true"[ >]' &&
	ok "AMR, til stede, ja: role, attendance, new-in-amo; the id made from the name" || bad "person attributes"
has "$TMP/holm.xml" '<date>2026-01-20</date>' && ok "20-01-2026 became 2026-01-20" || bad "Danish date not converted"
has "$TMP/holm.xml" '<time start="14:00" end="14:15"/>' && ok "14.00 became 14:00" || bad "Danish time not converted"
has "$TMP/holm.xml" 'repeat="quarterly"' && ok "hvert kvartal became quarterly" || bad "repeat not converted"
has "$TMP/holm.xml" '<month>6</month>' && ok "juni became month 6" || bad "month not converted"
has "$TMP/holm.xml" '<action status="in-progress">' && ok "i gang became in-progress" || bad "status not converted"
has "$TMP/holm.xml" '"Over 2 meter? Så rækværk, net eller sele."' && ok "a quoted line break and quotes came through" ||
	bad "quoted field lost"

# --- again: nothing twice --------------------------------------------------------------------------
cp "$TMP/holm.xml" "$TMP/before.xml"
"$AMOKIT" import "$TMP/holm.xml" $T/*.csv 2> "$TMP/report" || bad "second import failed: $(cat "$TMP/report")"
grep -q "personer.csv: 0 personer tilføjet, 6 opdateret" "$TMP/report" && grep -q "10 fandtes allerede" "$TMP/report" &&
	ok "a second import adds nothing" || bad "second report: $(cat "$TMP/report")"
cmp -s "$TMP/before.xml" "$TMP/holm.xml" && ok "and leaves the file byte for byte as it was" || bad "the second import changed the file"

# --- into an existing file, kept as it was typed ------------------------------------------------------
cp examples/kontor-27.xml "$TMP/kontor.xml"
"$AMOKIT" import "$TMP/kontor.xml" $T/handleplan.csv -o "$TMP/kontor2.xml" 2> /dev/null &&
	cmp -s examples/kontor-27.xml "$TMP/kontor.xml" && ok "-o leaves the input untouched" || bad "-o: input changed or import failed"
"$AMOKIT" check "$TMP/kontor2.xml" > /dev/null 2>&1 && ok "an example with imported rows passes check" || bad "kontor2 fails check"
[ "$(grep -c '<action ' "$TMP/kontor2.xml")" -gt "$(grep -c '<action ' examples/kontor-27.xml)" ] &&
	ok "the rows were added to the existing handleplan" || bad "no rows added"
first=$(sed -n '1,12p' examples/kontor-27.xml | md5sum); firstnew=$(sed -n '1,12p' "$TMP/kontor2.xml" | md5sum)
[ "$first" = "$firstnew" ] && ok "the file's own comments and layout are kept" || bad "the head of the file changed"

# --- Windows-1252 ---------------------------------------------------------------------------------------
printf 'Navn;Rolle;Titel\r\nS\370ren \330stergaard;AMR;Sikkerhedsrepr\346sentant\r\n\305se Bj\370rn;medarbejder;\r\n' > "$TMP/cp1252.csv"
printf '\357\273\277Navn;Rolle;Titel\r\nSøren Østergaard;AMR;Sikkerhedsrepræsentant\r\nÅse Bjørn;medarbejder;\r\n' > "$TMP/utf8.csv"
"$AMOKIT" import "$TMP/a.xml" "$TMP/cp1252.csv" --name A --headcount 12 2> /dev/null
"$AMOKIT" import "$TMP/b.xml" "$TMP/utf8.csv" --name A --headcount 12 2> /dev/null
cmp -s "$TMP/a.xml" "$TMP/b.xml" && has "$TMP/a.xml" '<name>Søren Østergaard</name>' &&
	ok "a Windows-1252 sheet reads as its UTF-8 twin" || bad "Windows-1252 and UTF-8 differ"

# --- numbers and times as Danish Excel saves them ----------------------------------------------------------
# A time cell comes out as 14:00:00, a number cell typed 14,30 keeps its
# decimal comma, a week or month number may come as 11,0.
printf 'Aktivitet;Dato;Start;Slut;Uge;Måned\r\nMøde;24-03-2026;14:00:00;15,30;;\r\nKursus;;;;11,0;\r\nEftersyn;;;;;4,00\r\n' > "$TMP/excel.csv"
if "$AMOKIT" import "$TMP/excel.xml" "$TMP/excel.csv" --name A --headcount 3 2> "$TMP/err" &&
	has "$TMP/excel.xml" '<time start="14:00" end="15:30"/>' && has "$TMP/excel.xml" '<week>11</week>' &&
	has "$TMP/excel.xml" '<month>4</month>'; then
	ok "14:00:00, 15,30, 11,0 and 4,00 read as 14:00, 15:30, week 11 and April"
else
	bad "Excel's numbers: $(cat "$TMP/err")"
fi

# --- bad rows: FILE:LINE: Kolonne: what is wrong, and nothing written ------------------------------------
expect_lines() {   # FILE: the expected stderr lines, exactly
	if diff "$1" "$TMP/err" > "$TMP/diff"; then ok "$2"; else bad "$2:"; sed 's/^/    /' "$TMP/diff"; fi
}
printf 'Navn;Rolle;Titel;Fremmøde\nJens Holm;chef;Indehaver;til stede\n;medarbejder;;\nLene;medarbejder;;måske\n' > "$TMP/p.csv"
"$AMOKIT" import "$TMP/new.xml" "$TMP/p.csv" --name X --headcount 3 2> "$TMP/err"
rc=$?
cat > "$TMP/want" <<EOF
$TMP/p.csv:2: Rolle: "chef" kendes ikke; skriv arbejdsgiver, leder, $(grep -q '"supervisor"' schema/workplace.xsd && echo "arbejdsleder, ")AMR, $(grep -q '"amo-member"' schema/workplace.xsd && echo "AMO-medlem, ")medarbejder eller rådgiver
$TMP/p.csv:3: Navn: mangler; udfyld "Navn" i hver række
$TMP/p.csv:4: Fremmøde: "måske" kendes ikke; skriv til stede eller fraværende
EOF
expect_lines "$TMP/want" "bad people: each row answered"
[ $rc = 1 ] && [ ! -e "$TMP/new.xml" ] && ok "exit 1 and no file written" || bad "exit $rc or a file was written"

printf 'Aktivitet;Dato;Start;Slut;Gentages;Måned\nMøde;30-02-2026;;;;\nMøde;24-03-2026;14.00;13.00;;\nMøde;;;;;\nMøde;24-03-2026;;;hver dag;\nMøde;;;;;marts\nMøde;24-03-2026;;;;marts\nMøde;24-03-2025;;;;\n' > "$TMP/a.csv"
cp "$TMP/holm.xml" "$TMP/keep.xml"
"$AMOKIT" import "$TMP/keep.xml" "$TMP/a.csv" 2> "$TMP/err"
rc=$?
cat > "$TMP/want" <<EOF
$TMP/a.csv:2: Dato: "30-02-2026" er ikke en dato; skriv fx 24-03-2026 eller 2026-03-24
$TMP/a.csv:3: Slut: 13:00 er ikke efter start 14:00
$TMP/a.csv:4: Dato: mangler; skriv en Dato, en Måned eller en Uge
$TMP/a.csv:5: Gentages: "hver dag" kendes ikke; skriv hver måned, hvert kvartal, hver uge, hver anden uge, hvert år eller hvert andet år
$TMP/a.csv:7: Måned: skriv kun én af Dato, Måned og Uge
$TMP/a.csv:8: Dato: 2025-03-24 ligger uden for årshjulets år 2026
EOF
expect_lines "$TMP/want" "bad activities: each row answered"
[ $rc = 1 ] && cmp -s "$TMP/holm.xml" "$TMP/keep.xml" && ok "exit 1 and the file untouched" || bad "exit $rc or the file changed"

printf 'Navn;Rolle;Titl\nJens;AMR;x\n' > "$TMP/c.csv"
"$AMOKIT" import "$TMP/keep.xml" "$TMP/c.csv" 2> "$TMP/err"
echo "$TMP/c.csv:1: kolonnen \"Titl\" kendes ikke; mente du \"Titel\"?" > "$TMP/want"
expect_lines "$TMP/want" "an unknown column: the nearest heading"
printf 'Hvem;Hvornaar\nx;y\n' > "$TMP/k.csv"
"$AMOKIT" import "$TMP/keep.xml" "$TMP/k.csv" 2> "$TMP/err"
grep -q "^$TMP/k.csv:1: overskrifterne siger ikke, hvad arket indeholder" "$TMP/err" && ok "a sheet of no known kind" ||
	bad "unknown kind: $(cat "$TMP/err")"
printf 'PK\003\004rest of a zip' > "$TMP/x.xlsx"
"$AMOKIT" import "$TMP/keep.xml" "$TMP/x.xlsx" 2> "$TMP/err"
[ $? = 1 ] && grep -q "gem arket som \"CSV UTF-8\"" "$TMP/err" && ok ".xlsx: refused, with what to do" || bad "xlsx: $(cat "$TMP/err")"
"$AMOKIT" import "$TMP/nosuch.xml" $T/personer.csv 2> "$TMP/err"
[ $? = 2 ] && grep -q "lav den med amokit new" "$TMP/err" && ok "a missing file without --name/--headcount" || bad "missing file: $(cat "$TMP/err")"

echo "import: $pass passed, $fail failed"
[ "$fail" = 0 ]
