#!/bin/sh
# cli.sh: the command-line conventions every command keeps (issue 18):
# options before or after the files; "-" reads the workplace from standard
# input; --version anywhere; --max-size wherever a workplace is read; -o
# creates its folder as mkdir -p; usage errors exit 2 in Danish.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# expect CODE NAME CMD...: CMD exits CODE.
expect() {
	code=$1; name=$2; shift 2
	"$@" > "$TMP/out" 2> "$TMP/err" < "${STDIN:-/dev/null}"
	rc=$?
	if [ "$rc" = "$code" ]; then ok "$name"; else bad "$name: exit $rc, expected $code"; sed 's/^/    /' "$TMP/err" | head -5; fi
}

X=examples/toemrer-6.xml

# --- options before or after the file ------------------------------------------
expect 0 "check FILE --strict" "$AMOKIT" check "$X" --strict
expect 0 "check --strict FILE" "$AMOKIT" check --strict "$X"
expect 0 "check FILE --max-size N" "$AMOKIT" check "$X" --max-size 100000
expect 0 "render FILE --only dagsorden -o DIR" "$AMOKIT" render "$X" --only dagsorden -o "$TMP/r1"
[ -f "$TMP/r1/dagsorden.pdf" ] && ok "render wrote dagsorden.pdf" || bad "render wrote no dagsorden.pdf"
expect 0 "ics FILE -o OUT" "$AMOKIT" ics "$X" -o "$TMP/k.ics"
mkdir -p "$TMP/in" && cp "$X" "$TMP/in/"
expect 0 "batch DIR -o OUT --only dagsorden" "$AMOKIT" batch "$TMP/in" -o "$TMP/b0" --only dagsorden -j 1
[ -f "$TMP/b0/toemrer-6/dagsorden.pdf" ] && ok "batch wrote toemrer-6/dagsorden.pdf" || bad "batch wrote nothing"

# --- "-" is standard input ---------------------------------------------------------
STDIN=$X expect 0 "check -" "$AMOKIT" check -
STDIN=$X expect 0 "render - -o DIR" "$AMOKIT" render - --only referat -o "$TMP/r2"
[ -f "$TMP/r2/referat.pdf" ] && ok "render - wrote referat.pdf" || bad "render - wrote no referat.pdf"
STDIN=$X expect 0 "ics -" "$AMOKIT" ics -
grep -q "BEGIN:VCALENDAR" "$TMP/out" && ok "ics - wrote the calendar to standard output" || bad "ics - wrote no calendar"
STDIN=tests/bad/date-danish-order.xml expect 1 "check - of a bad file" "$AMOKIT" check -
grep -q "^stdin:5: <date>: " "$TMP/err" && ok "a file from standard input is called stdin" ||
	bad "message does not name stdin: $(cat "$TMP/err")"
expect 2 "check - - (standard input twice)" "$AMOKIT" check - -
expect 2 "batch - (not for batch)" "$AMOKIT" batch -

# --- --version anywhere -----------------------------------------------------------------
for line in "--version" "check --version" "check $X --version" "render --version $X" "batch -j 2 --version"; do
	# shellcheck disable=SC2086
	"$AMOKIT" $line > "$TMP/out" 2>&1
	rc=$?
	if [ $rc = 0 ] && grep -q "^amokit [0-9]" "$TMP/out"; then ok "amokit $line"; else bad "amokit $line: exit $rc: $(cat "$TMP/out")"; fi
done

# --- --max-size wherever a workplace is read ----------------------------------------------
expect 1 "check --max-size 100" "$AMOKIT" check --max-size 100 "$X"
grep -q "grænsen er 100 byte" "$TMP/err" && ok "the message names the limit" || bad "no limit in: $(cat "$TMP/err")"
expect 1 "render --max-size 100" "$AMOKIT" render "$X" --max-size 100 -o "$TMP/r3"
expect 1 "ics --max-size 100" "$AMOKIT" ics "$X" --max-size 100
expect 1 "batch --max-size 100" "$AMOKIT" batch -j 1 --max-size 100 -o "$TMP/b1" "$TMP/in"
expect 2 "--max-size wants a number" "$AMOKIT" check --max-size ti "$X"
grep -q "skal have et positivt antal byte" "$TMP/err" && ok "and says so in Danish" || bad "message: $(cat "$TMP/err")"

# --- -o creates its folder --------------------------------------------------------------------
expect 0 "render -o a/b/c" "$AMOKIT" render "$X" --only dagsorden -o "$TMP/deep/a/b/c"
[ -f "$TMP/deep/a/b/c/dagsorden.pdf" ] && ok "render made a/b/c" || bad "render did not make a/b/c"
expect 0 "blank -o x/y" "$AMOKIT" blank --only dagsorden -o "$TMP/blank/x/y"
[ -f "$TMP/blank/x/y/dagsorden.pdf" ] && ok "blank made x/y" || bad "blank did not make x/y"
expect 0 "batch -o p/q" "$AMOKIT" batch -j 1 --only dagsorden -o "$TMP/batch/p/q" "$TMP/in"
[ -f "$TMP/batch/p/q/toemrer-6/dagsorden.pdf" ] && ok "batch made p/q" || bad "batch did not make p/q"
expect 0 "ics -o m/n.ics" "$AMOKIT" ics "$X" -o "$TMP/cal/m/n.ics"
[ -f "$TMP/cal/m/n.ics" ] && ok "ics made m/" || bad "ics did not make m/"
: > "$TMP/afile"
expect 2 "-o through a file" "$AMOKIT" render "$X" --only dagsorden -o "$TMP/afile/sub"
grep -q "findes, men er ikke en mappe" "$TMP/err" && ok "and says the file is in the way" || bad "message: $(cat "$TMP/err")"
expect 1 "a rejected file makes no folder" "$AMOKIT" render tests/bad/date-feb30.xml -o "$TMP/never"
[ ! -e "$TMP/never" ] && ok "no folder for a rejected file" || bad "$TMP/never was made for a rejected file"

# --- usage errors ----------------------------------------------------------------------------
expect 2 "unknown command" "$AMOKIT" rendr "$X"
grep -q "ukendt kommando 'rendr'" "$TMP/err" && ok "named in Danish" || bad "message: $(cat "$TMP/err")"
expect 2 "unknown option" "$AMOKIT" check --strickt "$X"
grep -q "ukendt eller ufuldstændigt tilvalg '--strickt'" "$TMP/err" && ok "named in Danish" || bad "message: $(cat "$TMP/err")"
expect 0 "render --help" "$AMOKIT" render --help
grep -q "^brug: amokit render" "$TMP/out" && ok "help in Danish" || bad "help: $(head -2 "$TMP/out")"

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
