#!/bin/sh
# next_year.sh: `amokit next-year` (issue 18). Every example rolled into
# the next year passes check and renders; this year's goals come back as
# last year's with their evaluation open; done rows go, open rows stay; the
# meeting has no date; the årshjul moves a year and keeps its rules (a
# "first Friday of the month" stays the first Friday, seen through the
# calendar export); the file's comments stay; an existing output file is
# not replaced without --force; a file that says no year asks for --year.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# --- every example ------------------------------------------------------------------
for x in examples/*.xml; do
	n=$(basename "$x" .xml)
	if ! "$AMOKIT" next-year "$x" -o "$TMP/$n.xml" 2> "$TMP/err"; then
		bad "$n: next-year failed: $(cat "$TMP/err")"; continue
	fi
	if "$AMOKIT" check "$TMP/$n.xml" > /dev/null 2> "$TMP/err"; then ok "$n: next year passes check"
	else bad "$n: next year fails check: $(head -3 "$TMP/err")"; fi
	if "$AMOKIT" render "$TMP/$n.xml" -o "$TMP/out-$n" > /dev/null 2> "$TMP/err" &&
	   [ "$(ls "$TMP/out-$n"/*.pdf | wc -l)" = 6 ]; then ok "$n: next year renders all six documents"
	else bad "$n: next year does not render: $(head -3 "$TMP/err")"; fi
	# The same through a pipe: next-year - | check -
	if "$AMOKIT" next-year - < "$x" | "$AMOKIT" check - > /dev/null 2>&1; then ok "$n: next-year - | check -"
	else bad "$n: next-year - | check - failed"; fi
done

# --- what moves, what stays, what goes ------------------------------------------------------
X=examples/toemrer-6.xml
N=$TMP/toemrer-6.xml
goals=$(grep -c '<goal[ >]' "$X")
has() { grep -q -- "$2" "$1"; }
[ "$(sed -n '/<last-year-goals>/,/<\/last-year-goals>/p' "$N" | grep -c '<goal[ >]')" = "$(sed -n '/<goals>/,/<\/goals>/p' "$X" | grep -c '<goal[ >]')" ] &&
	ok "this year's goals are last year's goals ($goals)" || bad "last-year-goals do not hold this year's goals"
has "$N" "Ingen arbejder over 2 meter uden rækværk" && ok "a goal's title came along" || bad "goal title missing"
has "$N" '<goal status=' && bad "a last-year goal has a status already" || ok "their status is left to fill in"
has "$N" 'Udfyld for hvert mål: status="reached"' && ok "a comment says how to evaluate them" || bad "no evaluation comment"
has "$N" 'Succeskriterium: Ved fire sikkerhedsrunder' && ok "each goal's success criterion comes as a comment" || bad "no success criterion"
has "$N" '<goals>' && bad "the new file still has <goals>" || ok "no goals for the new year yet"
has "$N" '<date>2026-01-20</date>' && bad "the meeting kept its date" || ok "the meeting date is empty"
has "$N" '<covers-year>2027</covers-year>' && ok "the meeting covers 2027" || bad "covers-year not 2027"
has "$N" 'For lidt sug i værkstedets udsugning' && bad "a done APV item stayed" || ok "done APV items go"
has "$N" 'Tunge løft af gipsplader' && ok "open APV items stay" || bad "an open APV item went"
has "$N" 'Faldsikring på alle opgaver i højden' && ok "open handleplan rows stay" || bad "an open handleplan row went"
has "$N" 'Kursus i epoxy og isocyanater (AMU)' && ok "the kompetenceudviklingsplan stays" || bad "the competence plan went"
has "$N" 'attendance=' && bad "attendance stayed" || ok "attendance is cleared"
has "$N" '<incident' && bad "last year's accidents stayed" || ok "accidents are cleared"
has "$N" '<decision>' && bad "decisions stayed" || ok "the minutes are cleared"
has "$N" '<point n="1" start="07:00" minutes="3"/>' && ok "the agenda keeps its times" || bad "agenda times lost"
has "$N" '<wheel year="2027"' && ok "the årshjul is 2027" || bad "wheel year not 2027"
has "$N" '<period from="2027-03-02" to="2027-03-20"/>' && ok "a single period moves a year" || bad "period not moved"
has "$N" 'A small carpenter' && ok "the file's comments stay" || bad "comments lost"

# --- rules are kept: the first Friday stays the first Friday ---------------------------------------
H='<?xml version="1.0" encoding="UTF-8"?>'
NS=$(sed -n 's/.*<workplace xmlns="\([^"]*\)" version="\([^"]*\)".*/\1 \2/p' "$X" | head -n 1)
W="<workplace xmlns=\"${NS% *}\" version=\"${NS#* }\">"
cat > "$TMP/fri.xml" <<EOF
$H
$W
  <name>Fredagsfirma</name>
  <headcount>5</headcount>
  <wheel year="2026">
    <ring id="m">Møder</ring>
    <activity ring="m" repeat="monthly" on="weekday">
      <title>Arbejdsmiljø på fredagsmødet</title>
      <date>2026-01-02</date>
    </activity>
    <activity ring="m"><title>Sommerfest</title><date>2026-06-19</date></activity>
  </wheel>
</workplace>
EOF
if "$AMOKIT" check "$TMP/fri.xml" > /dev/null 2>&1; then
	"$AMOKIT" next-year "$TMP/fri.xml" -o "$TMP/fri27.xml" || bad "next-year of the Friday file failed"
	has "$TMP/fri27.xml" '<date>2026-01-02</date>' && ok "a repeat keeps its first date" || bad "the repeat's first date moved"
	has "$TMP/fri27.xml" '<date>2027-06-19</date>' && ok "a single date moves a year" || bad "the single date did not move"
	SOURCE_DATE_EPOCH=1767225600 "$AMOKIT" ics "$TMP/fri27.xml" -o "$TMP/fri27.ics" 2> "$TMP/err" || bad "ics of 2027 failed: $(cat "$TMP/err")"
	# The calendar gives the series as its first date and a rule.
	first=$(awk '/^BEGIN:VEVENT/ {e=""} {e=e $0 "\n"} /^END:VEVENT/ && e ~ /fredagsmødet/ {print e}' "$TMP/fri27.ics" |
	        sed -n 's/^DTSTART;VALUE=DATE:\([0-9]*\).*/\1/p' | head -n 1)
	rule=$(awk '/^BEGIN:VEVENT/ {e=""} {e=e $0 "\n"} /^END:VEVENT/ && e ~ /fredagsmødet/ {print e}' "$TMP/fri27.ics" |
	       sed -n 's/^RRULE:\(.*\)/\1/p' | head -n 1)
	dow=$(date -d "$first" +%u 2>/dev/null)
	case "$first:$dow:$rule" in
	2027010[1-7]:5:*BYDAY=1FR*) ok "2027: the series starts on January's first Friday ($first) and repeats on first Fridays ($rule)" ;;
	*) bad "2027 series: first $first (weekday $dow), rule '$rule'" ;;
	esac
else
	echo "skip first-Friday check: this format has no on=\"weekday\" repeats"
fi

# --- safety --------------------------------------------------------------------------------------------
cp "$N" "$TMP/keep.xml"
"$AMOKIT" next-year "$X" -o "$TMP/keep.xml" 2> "$TMP/err"
[ $? = 2 ] && cmp -s "$N" "$TMP/keep.xml" && grep -q "findes allerede" "$TMP/err" &&
	ok "an existing file is not replaced" || bad "an existing file was replaced or no message"
"$AMOKIT" next-year "$X" -o "$TMP/keep.xml" --force && ok "--force replaces it" || bad "--force failed"
printf '%s\n%s\n  <name>X</name>\n  <headcount>4</headcount>\n</workplace>\n' "$H" "$W" > "$TMP/noyear.xml"
"$AMOKIT" next-year "$TMP/noyear.xml" > /dev/null 2> "$TMP/err"
[ $? = 1 ] && grep -q -- "--year" "$TMP/err" && ok "a file without a year asks for --year" || bad "no --year hint: $(cat "$TMP/err")"
if "$AMOKIT" next-year "$TMP/noyear.xml" --year 2030 > "$TMP/y.xml" && "$AMOKIT" check "$TMP/y.xml" > /dev/null 2>&1; then
	ok "--year gives the year"
else
	bad "--year failed"
fi
"$AMOKIT" next-year tests/bad/date-feb30.xml > "$TMP/out" 2> "$TMP/err"
[ $? = 1 ] && [ ! -s "$TMP/out" ] && ok "a rejected file writes nothing" || bad "a rejected file wrote something"

echo "next_year: $pass passed, $fail failed"
[ "$fail" = 0 ]
