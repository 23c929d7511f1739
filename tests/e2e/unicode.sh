#!/bin/sh
# unicode.sh: every name prints, and what people paste in prints as meant
# (issue 15).
#   1. tests/data/names.xml: 41 people in 23 languages and scripts (Latin
#      with every European diacritic, Romanian ș ț, Vietnamese, Greek,
#      Ukrainian and Russian Cyrillic, one name typed decomposed as a Mac
#      types it) in every place a name goes. `check` accepts it without a
#      word about characters; every document renders and passes
#      tests/pdfcheck.py; tests/roundtrip.py finds each name again with
#      pdftotext, equal after NFC, in each document that prints it (on the
#      årshjul, in its labels set along arcs).
#   2. tests/data/pasted.xml: zero-width characters and a byte order mark
#      inside names, a + U+030A, soft hyphens, U+2011, U+2212, ≤ ≥ → ✓ ⚠,
#      and characters Amokit Sans lacks (CJK, an emoji). `check` warns with
#      FILE:LINE: and the characters the fonts lack and exits 0; --strict
#      exits 1; render writes every document; the text comes back
#      normalised (å precomposed, no invisible characters, no soft hyphen),
#      the lacking characters included (/ActualText), and the long word
#      with soft hyphens breaks only at them.
#   3. The fuzzers' Unicode seeds (tests/fuzz/seeds/unicode-*.xml: mixed
#      scripts, long runs of combining marks, invisible characters, invalid
#      UTF-8): refused at their line, or accepted and rendered cleanly.
# Run from the repository root with AMOKIT and BUILD set (tools/runtests.sh).
AMOKIT=${AMOKIT:-build/amokit}
B=${BUILD:-build}
out=$B/tests/unicode
rm -rf "$out"
mkdir -p "$out"
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
DOCS="forberedelsesark arbejdsark informationsark dagsorden aarshjul referat"

# --- 1. names in every language and script -------------------------------------
N=tests/data/names.xml
"$AMOKIT" check "$N" > /dev/null 2> "$out/names.check"
rc=$?
if [ $rc != 0 ]; then
	bad "check $N: exit $rc"; head -n 5 "$out/names.check"
elif grep -q "findes ikke i skrifttypen" "$out/names.check"; then
	bad "check $N: a name has a character the fonts lack"; grep "skrifttypen" "$out/names.check" | head -n 5
else
	ok "check $N: every character of 41 names in 23 languages is in the fonts"
fi
mkdir -p "$out/n"
if "$AMOKIT" render "$N" -o "$out/n" > "$out/n.log" 2>&1; then
	ok "render $N: every document"
	if python3 tests/pdfcheck.py $(for d in $DOCS; do echo "$out/n/$d.pdf"; done) > "$out/n.pdfcheck" 2>&1; then
		ok "pdfcheck: $(tail -n 1 "$out/n.pdfcheck")"
	else
		bad "pdfcheck of the names documents"; grep -v "passed, .* failed" "$out/n.pdfcheck" | head -n 10
	fi
	if python3 tests/roundtrip.py "$N" "$out/n" > "$out/n.roundtrip" 2>&1; then
		ok "round trip: $(tail -n 1 "$out/n.roundtrip") documents"
		sed 's/^/     /' "$out/n.roundtrip" | grep -v "passed, "
	else
		bad "round trip"; cat "$out/n.roundtrip"
	fi
else
	bad "render $N: exit $?"; head -n 5 "$out/n.log"
fi

# --- 2. what Word and web pages paste in ---------------------------------------
P=tests/data/pasted.xml
"$AMOKIT" check "$P" > /dev/null 2> "$out/p.check"
rc=$?
w1="$P:13: advarsel: <name>: tegnene '李' (U+674E), '伟' (U+4F1F) findes ikke i skrifttypen Amokit Sans og skrives ud som erstatningstegn"
w2="$P:18: advarsel: <title>: tegnet '😀' (U+1F600) findes ikke i skrifttypen Amokit Sans og skrives ud som et erstatningstegn"
n=$(grep -c "skrifttypen" "$out/p.check")
if [ $rc = 0 ] && grep -qxF "$w1" "$out/p.check" && grep -qxF "$w2" "$out/p.check" && [ "$n" = 2 ]; then
	ok "check $P: exit 0, a warning at each line with characters the fonts lack, naming them"
else
	bad "check $P: exit $rc, $n font warnings:"; head -n 5 "$out/p.check"
fi
"$AMOKIT" check --strict "$P" > /dev/null 2>&1
rc=$?
[ $rc = 1 ] && ok "check --strict $P: exit 1" || bad "check --strict $P: exit $rc, expected 1"
mkdir -p "$out/p"
if "$AMOKIT" render "$P" -o "$out/p" > "$out/p.log" 2>&1; then
	ok "render $P: every document"
	python3 tests/pdfcheck.py $(for d in $DOCS; do echo "$out/p/$d.pdf"; done) > "$out/p.pdfcheck" 2>&1 &&
		ok "pdfcheck: $(tail -n 1 "$out/p.pdfcheck")" ||
		{ bad "pdfcheck of the pasted documents"; grep -v "passed, .* failed" "$out/p.pdfcheck" | head -n 10; }
	pdftotext "$out/p/dagsorden.pdf" "$out/p/dagsorden.txt"
	pdftotext -layout "$out/p/dagsorden.pdf" "$out/p/dagsorden.layout.txt"
	if python3 - "$out/p/dagsorden.txt" "$out/p/dagsorden.layout.txt" > "$out/p.text" 2>&1 <<'EOF'
import re, sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
layout = open(sys.argv[2], encoding="utf-8").read()
flat = " ".join(text.split())    # lines may wrap anywhere between words
problems = []
def want(s, why):
    if s not in flat:
        problems.append("%r missing: %s" % (s, why))
want("Værksted Syd – K\u00e5re & Søn", "a + U+030A is read as å")
want("Marie Bensen", "U+200B and U+FEFF inside the name are dropped")
want("Li Wei 李伟", "characters the fonts lack come back (/ActualText)")
want("uddannelse 😀", "an emoji comes back")
want("Jens\u2011Ole Friis", "U+2011 prints")
want("−5 %", "U+2212 prints")
want("≥ 18", "≥ prints")
want("≤ 24 °C", "≤ prints")
want("→ ✓ ⚠", "arrows and symbols print")
for ch in "\u030a\u200b\ufeff\u00ad":
    if ch in text or ch in layout:
        problems.append("U+%04X is in the text" % ord(ch))
# The word with soft hyphens comes back whole, and where it is broken
# over lines, only at a soft hyphen, with a hyphen drawn.
word = "Arbejdsmiljøorganisationsmedlemmerne"
if word not in text.replace("-\n", ""):
    problems.append("%s does not come back whole" % word)
for m in re.finditer(r"(\S*)-\s*\n", layout):
    piece = m.group(1)
    if word.startswith(piece) and piece not in ("Arbejds", "Arbejdsmiljø", "Arbejdsmiljøorganisations"):
        problems.append("%s broken after %r, not at a soft hyphen" % (word, piece))
print("\n".join(problems) or "all there")
sys.exit(1 if problems else 0)
EOF
	then
		ok "pasted text comes back normalised: å, no invisible characters, U+2011, U+2212, symbols, 李伟 and 😀"
	else
		bad "pasted text:"; cat "$out/p.text"
	fi
else
	bad "render $P: exit $?"; head -n 5 "$out/p.log"
fi

# --- 3. the fuzzers' Unicode seeds ----------------------------------------------
# Each ends as it should: refused with exit 1 and FILE:LINE: when its UTF-8
# is invalid or XML forbids a character in it; otherwise accepted and
# rendered into documents that pass pdfcheck.
for f in tests/fuzz/seeds/unicode-*.xml; do
	name=$(basename "$f" .xml)
	"$AMOKIT" check "$f" > /dev/null 2> "$out/$name.err"
	rc=$?
	case "$name" in
	unicode-invalid-*|unicode-xml-illegal)
		if [ $rc = 1 ] && head -n 1 "$out/$name.err" | grep -q "^$f:3: "; then
			ok "$name: refused at line 3"
		else
			bad "$name: exit $rc: $(head -n 1 "$out/$name.err")"
		fi ;;
	*)
		mkdir -p "$out/$name"
		if [ $rc != 0 ]; then
			bad "$name: check exit $rc: $(head -n 1 "$out/$name.err")"
		elif ! "$AMOKIT" render "$f" -o "$out/$name" > "$out/$name.log" 2>&1; then
			bad "$name: render exit $?"; head -n 3 "$out/$name.log"
		elif python3 tests/pdfcheck.py "$out/$name"/*.pdf > "$out/$name.pdfcheck" 2>&1; then
			ok "$name: accepted, rendered, pdfcheck $(tail -n 1 "$out/$name.pdfcheck")"
		else
			bad "$name: pdfcheck"; grep -v "passed, .* failed" "$out/$name.pdfcheck" | head -n 5
		fi ;;
	esac
done

echo "unicode: $pass passed, $fail failed"
[ "$fail" = 0 ]
