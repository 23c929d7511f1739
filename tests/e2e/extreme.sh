#!/bin/sh
# extreme.sh: extreme but valid inputs render cleanly (issue 8, item 6).
# stress.sh covers 40 handleplan rows, 2,000-character fields and 100
# participants through every sheet, and aarshjul.sh 300 and 500 activities
# at A3–A1; this covers what they leave out:
#   1. 200 handleplan rows (fields up to 2,000 characters, 100 participants,
#      from tests/data/stress_workplace.py) together with a 500-activity
#      årshjul whose titles and responsible persons use every script below:
#      all documents render; informationsark, referat and aarshjul pass
#      tests/pdfcheck.py --margin 8 with the overlap check; row 200's last
#      field comes through whole in both tables; the calendar export holds
#      all 500 activities.
#   2. Names in every letter of Latin-1 and Latin Extended-A, and Romanian
#      Ș ș Ț ț with the comma below: each participant's name comes back
#      character for character (pdfcheck --exact) in forberedelsesark and
#      referat, both pass pdfcheck --margin 8.
#   3. Letters the fonts lack (Armenian, Hebrew, CJK, an emoji) refuse
#      nothing: `check` warns with FILE:LINE: and the code point and exits 0,
#      `check --strict` exits 1, and render writes the documents.
#   4. A workplace with every optional section empty (only name and head
#      count): every document renders and passes pdfcheck --margin 8.
# Run from the repository root with AMOKIT and BUILD set (tools/runtests.sh).
AMOKIT=${AMOKIT:-build/amokit}
B=${BUILD:-build}
out=$B/tests/extreme
rm -rf "$out"
mkdir -p "$out"
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# Letters the fonts lack, one per file: Armenian Ա, Hebrew א, CJK 中, 😀.
MISSING="0531 05D0 4E2D 1F600"

# pdfcheck NAME PDF ARGS...: pdfcheck.py --margin 8 on PDF, in the background
# (two at a time); results are collected by collect.
pdfcheck() {
	name=$1; pdf=$2; shift 2
	if [ ! -s "$pdf" ]; then bad "$name: $pdf missing"; return; fi
	python3 tests/pdfcheck.py --margin 8 "$@" "$pdf" > "$out/$name.pdfcheck" 2>&1 &
	running=$((running + 1))
	[ "$running" -ge 2 ] && { wait; running=0; }
}
running=0
collect() {
	wait; running=0
	for log in "$out"/*.pdfcheck; do
		[ -e "$log" ] || continue
		n=$(basename "$log" .pdfcheck)
		if tail -n 1 "$log" | grep -q "1 passed, 0 failed"; then
			ok "$n: pdfcheck --margin 8"
		else
			bad "$n: pdfcheck"; grep -v "passed, .* failed" "$log" | head -n 10
		fi
		mv "$log" "$log.done"
	done
}

# --- the generators --------------------------------------------------------------
python3 tests/data/stress_workplace.py 200 "$out/r200.xml" || { bad "stress_workplace.py 200"; exit 1; }
python3 - "$out" "$MISSING" <<'EOF' || { bad "generator"; exit 1; }
import re, sys
from xml.sax.saxutils import escape
out, missing = sys.argv[1], [int(h, 16) for h in sys.argv[2].split()]

# Every letter of Latin-1 and Latin Extended-A, and Ș ș Ț ț.
letters = [chr(u) for u in list(range(0xC0, 0x180)) + [0x218, 0x219, 0x21A, 0x21B]
           if chr(u).isalpha()]
# Real names first (one per language), then the rest of the letters in
# name-like chunks, so every letter is printed inside a name.
real = ["Søren Ærø Ågård", "Åsa Lindström", "Jürgen Großmann", "Ævar Þórsson Ðóra", "Núria Puigdomènech",
        "Gonçalo Simões", "Iñaki Etxeberría", "Jérôme Lefèvre", "Œdipe Cœurdevey", "Łukasz Wiśniewski",
        "Přemysl Dvořák", "Ľubomír Šťastný", "Zoltán Szőke Bűrös", "Gintarė Kazlauskaitė",
        "Jānis Bērziņš Ķiploks", "Ģirts Ļaviņš", "Şükrü Yılmaz", "İlkay Güneş", "Ioana Ștefănescu",
        "Ştefan Ţurcanu", "Ștefan Țurcanu", "Đorđe Petrović", "Ġorġ Ħabela Żammit", "Ĉeĥo Ŝuĝĵo Ŭĥ",
        "Ŵynne Ŷates", "Áŋŋe Ŧuolbma", "Ĳsbrand Ĳzerman", "Ŀluïsa Col·l"]
seen = set("".join(real))
rest = [c for c in letters if c not in seen]
chunks = ["".join(rest[i:i + 7]) for i in range(0, len(rest), 7)]
names = real + ["Test %s" % c for c in chunks]
assert all(ch in "".join(names) for ch in letters), "a letter is missing"
open(out + "/names.txt", "w", encoding="utf-8").write("\n".join(names) + "\n")

# 2. the scripts workplace: every name a participant.
roles = ["employer"] + ["amr"] * 3 + ["leader"] * 3 + ["amr"] * (len(names) - 7)
people = "\n".join('    <person id="p%d" role="%s" attendance="%s">\n      <name>%s</name>\n'
                   '      <title>Arbejdsmiljørepræsentant</title>\n    </person>'
                   % (i, r, "present" if i % 4 else "absent", escape(n)) for i, (n, r) in enumerate(zip(names, roles)))
open(out + "/scripts.xml", "w", encoding="utf-8").write("""<?xml version="1.0" encoding="UTF-8"?>
<workplace xmlns="urn:amokit:workplace:2" version="2">
  <name>Europæisk Værksted Œdipe &amp; Ştefănescu ApS</name>
  <headcount>60</headcount>
  <people>
%s
  </people>
  <meeting><date>2026-03-12</date><start>09:00</start><end>11:00</end><place>Mødelokale Ålborg</place>
    <chair ref="p0"/><minute-taker ref="p1"/><covers-year>2026</covers-year></meeting>
</workplace>
""" % people)

# 3. letters the fonts lack, each in its own file.
for u in missing:
    open(out + "/missing-%04X.xml" % u, "w", encoding="utf-8").write(
        '<?xml version="1.0" encoding="UTF-8"?>\n<workplace xmlns="urn:amokit:workplace:2" version="2">\n'
        "  <name>Firma %s</name>\n  <headcount>7</headcount>\n</workplace>\n" % chr(u))

# 4. the minimal workplace.
open(out + "/minimal.xml", "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<workplace xmlns="urn:amokit:workplace:2" version="2">\n'
    "  <name>Minimal ApS</name>\n  <headcount>3</headcount>\n</workplace>\n")

# 1. 200 rows plus a 500-activity wheel in every script.
src = open(out + "/r200.xml", encoding="utf-8").read()
rings = [("m", "#0072B2", "Møder"), ("a", "#E69F00", "APV og trivsel"), ("u", "#009E73", "Uddannelse"),
         ("r", "#CC79A7", "Runderinger"), ("t", "#D55E00", "Øvelser")]
acts = []
for i in range(500):
    who = names[i % len(names)]
    title = "%s %d – %s" % (["Møde", "Runde", "Kursus", "Øvelse", "Opfølgning"][i % 5], i + 1,
                             names[(i * 7) % len(names)].split()[0])
    if i % 11 == 0:
        when = '<period from="2026-%02d-03" to="2026-%02d-20"/>' % (1 + i % 12, 1 + i % 12)
    elif i % 13 == 0:
        when = "<month>%d</month>" % (1 + i % 12)
    elif i % 17 == 0:
        when = "<week>%d</week>" % (1 + i % 52)
    else:
        when = "<date>2026-%02d-%02d</date>" % (1 + (i * 5) % 12, 1 + (i * 11) % 28)
    acts.append('    <activity ring="%s">\n      <title>%s</title>\n      <responsible>%s</responsible>\n      %s\n    </activity>'
                % (rings[i % 5][0], escape(title), escape(who), when))
wheel = '<wheel year="2026">\n%s\n%s\n  </wheel>' % (
    "\n".join('    <ring id="%s" colour="%s">%s</ring>' % r for r in rings), "\n".join(acts))
src, n = re.subn(r"<wheel\b.*?</wheel>", lambda m: wheel, src, flags=re.S)
assert n == 1, "no wheel in r200.xml"
open(out + "/extreme.xml", "w", encoding="utf-8").write(src)
EOF

# --- 1. 200 rows and 500 activities ----------------------------------------------
X=$out/extreme.xml
"$AMOKIT" check "$X" > "$out/check.log" 2>&1 || { bad "check extreme.xml: exit $?"; head "$out/check.log"; }
mkdir -p "$out/x"
t0=$(date +%s%N)
if "$AMOKIT" render "$X" -o "$out/x" > "$out/render.log" 2>&1; then
	ok "render 200 rows + 500 activities: all documents in $((($(date +%s%N) - t0) / 1000000)) ms"
else
	bad "render extreme.xml: exit $?"; head "$out/render.log"
fi
for doc in forberedelsesark arbejdsark informationsark dagsorden aarshjul referat; do
	[ -s "$out/x/$doc.pdf" ] || bad "no $doc.pdf for extreme.xml"
done
pdfcheck x-informationsark "$out/x/informationsark.pdf"
pdfcheck x-referat "$out/x/referat.pdf"
pdfcheck x-aarshjul "$out/x/aarshjul.pdf"
# Row 200 (index 199) is whole in both tables: its first and last marker.
for doc in informationsark referat; do
	txt=$(pdftotext "$out/x/$doc.pdf" - 2>/dev/null | tr -d ' \n')
	for m in A_199what Z_199what A_199fol Z_199fol; do
		case "$txt" in *"$m"*) ;; *) bad "$doc: row 200's marker $m is missing" ;; esac
	done
done
"$AMOKIT" ics "$X" -o "$out/x.ics" > /dev/null 2>&1 || bad "ics extreme.xml: exit $?"
n=$(grep -c '^BEGIN:VEVENT' "$out/x.ics" 2>/dev/null)
[ "${n:-0}" -ge 500 ] && ok "ics: $n events for 500 activities" || bad "ics: ${n:-0} events, expected at least 500"

# --- 2. every printable letter in names -------------------------------------------
S=$out/scripts.xml
mkdir -p "$out/s"
if "$AMOKIT" render "$S" --only forberedelsesark,referat -o "$out/s" > "$out/s.log" 2>&1; then
	set --
	while IFS= read -r name; do set -- "$@" --exact "$name"; done < "$out/names.txt"
	ok "render scripts.xml: $(wc -l < "$out/names.txt") names"
	pdfcheck s-forberedelsesark "$out/s/forberedelsesark.pdf" "$@"
	pdfcheck s-referat "$out/s/referat.pdf" "$@"
else
	bad "render scripts.xml: exit $?"; head "$out/s.log"
fi

# --- 3. letters the fonts lack: a warning, never a refusal -------------------------
warned=0
for f in "$out"/missing-*.xml; do
	u=$(basename "$f" .xml); u=${u#missing-}
	"$AMOKIT" check "$f" > /dev/null 2> "$out/missing.err"
	rc=$?
	w=$(grep "skrifttypen" "$out/missing.err")
	case "$rc:$w" in
	"0:$f:3: advarsel: <name>: tegnet "*"(U+$u) findes ikke i skrifttypen Amokit Sans"*) warned=$((warned + 1)) ;;
	*) bad "$f: exit $rc, message '$w' (expected exit 0 and FILE:3: advarsel: … U+$u …)" ;;
	esac
	"$AMOKIT" check --strict "$f" > /dev/null 2>&1
	[ $? = 1 ] || bad "$f: check --strict does not refuse it with exit 1"
	mkdir -p "$out/missing-$u"
	"$AMOKIT" render "$f" --only dagsorden -o "$out/missing-$u" > /dev/null 2>&1 && [ -s "$out/missing-$u/dagsorden.pdf" ] ||
		bad "$f: render fails"
done
[ "$warned" = 4 ] && ok "letters the fonts lack: warned with FILE:LINE and the code point, refused only by --strict, rendered"

# --- 4. the minimal workplace -------------------------------------------------------
M=$out/minimal.xml
mkdir -p "$out/m"
if "$AMOKIT" render "$M" -o "$out/m" > "$out/m.log" 2>&1; then
	ok "render minimal.xml (name and head count only): all documents"
	for doc in forberedelsesark arbejdsark informationsark dagsorden aarshjul referat; do
		pdfcheck "m-$doc" "$out/m/$doc.pdf" --expect "Minimal ApS"
	done
else
	bad "render minimal.xml: exit $?"; head "$out/m.log"
fi

collect
echo "extreme: $pass passed, $fail failed"
[ "$fail" = 0 ]
