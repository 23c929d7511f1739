#!/bin/sh
# legal.sh: what the documents may and may not say (issue 14).
#  - The 6-person kit (no AMO under 10 employees): "AMO" appears nowhere,
#    in no document's text and no document's metadata, with the legal
#    rhythm on the årshjul too.
#  - The MED kit names the agreement, never "loven", "arbejdsmiljølov" or
#    "reglen for arbejdspladsens størrelse".
#  - The 45-person kit invites its arbejdsledere (the AMO's leader
#    members): the agenda lists them and each has a preparation sheet.
#  - A referat from a file with no decisions contains no "Ja" or "Nej".
#  - A first discussion ever (<first-discussion>, no last year) passes.
#  - A format 1 file is refused (exit 1) with what changed, at its lines.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The text of every PDF in directory $1, and their metadata, one file.
kit_text() {
	for f in "$1"/*.pdf; do
		pdftotext -enc UTF-8 "$f" -
		pdfinfo -enc UTF-8 "$f" | grep -E '^(Title|Subject|Keywords|Author):'
	done > "$1.txt"
}

mkdir "$out/t"
"$AMOKIT" render examples/toemrer-6.xml --with-rhythm -o "$out/t" > /dev/null || bad "render toemrer-6"
[ "$(ls "$out/t"/*.pdf | wc -l)" -ge 6 ] || bad "toemrer-6: fewer than six documents"
kit_text "$out/t"
if grep -n "AMO" "$out/t.txt" > "$out/amo"; then
	bad "toemrer-6 (6 employees, no AMO) says AMO: $(head -n 5 "$out/amo")"
else
	ok "toemrer-6: no AMO in any document or metadata"
fi
grep -q "Nye kolleger" "$out/t.txt" && grep -q "Viden om arbejdsmiljø" "$out/t.txt" \
	&& ok "toemrer-6: points 2 and 10 as a small workplace has them" || bad "toemrer-6: points 2 and 10 not for a small workplace"

mkdir "$out/p"
"$AMOKIT" render examples/plejecenter-140.xml -o "$out/p" > /dev/null || bad "render plejecenter-140"
kit_text "$out/p"
if grep -niE "loven\b|arbejdsmiljølov|reglen for arbejdspladsens størrelse|svarer til reglen" "$out/p.txt" > "$out/law"; then
	bad "plejecenter-140 (MED-aftale) speaks of the law: $(head -n 5 "$out/law")"
else
	ok "plejecenter-140: no word of the law where the MED-aftale governs"
fi
grep -q "MED-aftale" "$out/p.txt" && grep -q "Lokal-MED Plejecenter Bøgely" "$out/p.txt" \
	&& ok "plejecenter-140: names the agreement and the MED committee" || bad "plejecenter-140: no MED committee named"

mkdir "$out/m"
"$AMOKIT" render examples/produktion-45.xml --only dagsorden,forberedelsesark -o "$out/m" > /dev/null \
	|| bad "render produktion-45"
pdftotext "$out/m/dagsorden.pdf" - | tr -s ' \n' '  ' > "$out/m.txt"
pdftotext "$out/m/forberedelsesark.pdf" - | tr -s ' \n' '  ' > "$out/mf.txt"
for who in "Morten Lund" "Brian Kjeldsen"; do
	grep -qF "$who Leder i AMO" "$out/m.txt" && grep -qF "$who" "$out/mf.txt" \
		&& ok "produktion-45 invites its arbejdsleder $who" || bad "produktion-45 does not invite $who"
done
grep -qF "Før mødet samles viden og erfaringer ind fra hele AMO" "$out/m.txt" \
	&& ok "produktion-45: knowledge is gathered from the whole AMO first" || bad "produktion-45: nothing about the whole AMO"

mkdir "$out/n"
"$AMOKIT" render tests/data/no-decisions.xml -o "$out/n" > /dev/null || bad "render no-decisions"
for f in "$out/n"/*.pdf; do
	if pdftotext -enc UTF-8 "$f" - | grep -nwE "Ja|Nej" > "$out/jn"; then
		bad "$(basename "$f") from a file with no decisions says: $(head -n 3 "$out/jn")"
	fi
done
pdftotext "$out/n/referat.pdf" - | tr -s ' \n' '  ' > "$out/n.txt"
grep -qF "Ikke oplyst" "$out/n.txt" && ok "no decisions: the referat says Ikke oplyst, no Ja or Nej" \
	|| bad "no decisions: the referat never says Ikke oplyst"
grep -qF "Føres videre" "$out/n.txt" && ! grep -qF "Føres videre Nej" "$out/n.txt" \
	|| bad "no decisions: carried-over defaults"

# A first discussion ever: no last year to evaluate, and the check passes.
python3 - examples/toemrer-6.xml "$out/first.xml" <<'EOF2'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r"\n  <last-year-goals>.*?</last-year-goals>\n", "\n  <first-discussion>Firmaet blev grundlagt i 2025.</first-discussion>\n",
           s, flags=re.S)
s = re.sub(r"\n  <competence-follow-up>.*?</competence-follow-up>\n", "\n", s, flags=re.S)
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF2
"$AMOKIT" check --strict "$out/first.xml" > /dev/null 2> "$out/first.err" \
	&& ok "a first discussion passes check --strict" || bad "a first discussion: $(cat "$out/first.err")"
mkdir "$out/f"
"$AMOKIT" render "$out/first.xml" --only referat -o "$out/f" > /dev/null || bad "render the first discussion"
pdftotext "$out/f/referat.pdf" - | tr -s ' \n' '  ' | grep -qF "første årlige arbejdsmiljødrøftelse, så der er ingen mål fra sidste år" \
	&& ok "its referat says there is no last year" || bad "the first discussion's referat does not say so"

# Format 1: refused, with what changed.
sed -e 's|urn:amokit:workplace:2" version="2"|urn:amokit:workplace:1" version="1"|' \
    -e 's|id="morten" role="leader"|id="morten" role="supervisor"|' \
    -e 's|<accidents year="2025" accidents=|<accidents count=|' examples/produktion-45.xml > "$out/v1.xml"
"$AMOKIT" check "$out/v1.xml" 2> "$out/v1.err"
rc=$?
[ "$rc" = 1 ] && ok "format 1 is refused (exit 1)" || bad "format 1: exit $rc"
grep -q "v1.xml:[0-9]*: filen er i format 1 (urn:amokit:workplace:1)" "$out/v1.err" \
	&& grep -q "v1.xml:[0-9]*: role=\"supervisor\" (arbejdsleder) er slået sammen med \"leader\"" "$out/v1.err" \
	&& grep -q "v1.xml:[0-9]*: <accidents count=\"N\"> hedder accidents=\"N\"" "$out/v1.err" \
	&& ok "format 1: each change named at its line" || bad "format 1 messages: $(cat "$out/v1.err")"
exit $fail
