#!/bin/sh
# cli_edges.sh: what the command line echoes and where it writes (issue 19,
# item 5).
#  - File names with a newline, a carriage return, ESC or bytes that are not
#    UTF-8 are echoed escaped: each message stays one line, no control byte
#    reaches the terminal, and a newline cannot forge a `FILE:LINE:` line.
#  - Standard output on a full device (/dev/full): render's SHA-256 log,
#    ics to standard output and --version end with exit 2 and a message.
#  - SOURCE_DATE_EPOCH: empty counts as unset; a whole number from 0 to the
#    last second of 9999 dates the documents (Info and XMP agree); anything
#    else (negative, too large, not a number) is refused with exit 2.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
EX=examples/kontor-27.xml
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# --- hostile names ----------------------------------------------------------------
nl=$(printf 'x\nforged.xml:1: all is well')
esc=$(printf 'x\033[2J\033]0;pwned\007')
raw=$(printf 'x\377\376')
for name in "$nl" "$esc" "$raw"; do
	printf '<?xml version="1.0"?>\n<workplace xmlns="urn:amokit:workplace:2" version="2">\n<nme/>\n</workplace>\n' \
		> "$TMP/$name.xml"
done
"$AMOKIT" check "$TMP/$nl.xml" "$TMP/$esc.xml" "$TMP/$raw.xml" > /dev/null 2> "$TMP/err"
rc=$?
lines=$(wc -l < "$TMP/err")
records=$(grep -c "^$TMP/x" "$TMP/err")
if [ "$rc" = 1 ] && [ "$lines" = "$records" ] && ! grep -q "^forged.xml" "$TMP/err" &&
   ! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$TMP/err" &&
   grep -qF 'x\n' "$TMP/err" && grep -qF '\x1B[2J' "$TMP/err" && grep -qF 'x\xFF\xFE' "$TMP/err"; then
	ok "hostile file names: $lines records on $lines lines, escaped as backslash sequences, no control byte, nothing forged"
else
	bad "hostile file names: exit $rc, $lines lines for $records records:"; cat -A "$TMP/err" | head -8
fi
"$AMOKIT" render "$EX" --only "$esc" > /dev/null 2> "$TMP/err"
! LC_ALL=C grep -q "$(printf '\033')" "$TMP/err" && grep -qF '\x1B' "$TMP/err" &&
	ok "an option's value is echoed escaped too" || bad "option value echoed raw: $(cat -A "$TMP/err" | head -2)"
# The log names the output folder as sha256sum would, so `sha256sum -c` reads it.
mkdir "$TMP/$nl"
exa=$(realpath "$EX"); bin=$(realpath "$AMOKIT")
(cd "$TMP" && "$bin" render "$exa" --only dagsorden -o "$nl" > log 2> err && sha256sum -c --quiet log) &&
	[ "$(wc -l < "$TMP/log")" = 1 ] && ok "log of a folder named with a newline: one escaped line, sha256sum -c reads it" ||
	bad "log with a newline in the folder's name: $(cat -A "$TMP/log")"

# --- standard output on a full device ------------------------------------------------
mkdir "$TMP/o"
"$AMOKIT" render "$EX" -o "$TMP/o" > /dev/full 2> "$TMP/err"; rc=$?
[ "$rc" = 2 ] && grep -q "kan ikke skrive til standard-ud: der er ikke mere plads" "$TMP/err" &&
	ok "render > /dev/full: exit 2, '$(head -n 1 "$TMP/err")'" || bad "render > /dev/full: exit $rc: $(cat "$TMP/err")"
"$AMOKIT" ics "$EX" > /dev/full 2> "$TMP/err"; rc=$?
[ "$rc" = 2 ] && grep -q "ikke mere plads" "$TMP/err" && ok "ics > /dev/full: exit 2" || bad "ics > /dev/full: exit $rc"
"$AMOKIT" --version > /dev/full 2> "$TMP/err"; rc=$?
[ "$rc" = 2 ] && ok "--version > /dev/full: exit 2" || bad "--version > /dev/full: exit $rc"

# --- SOURCE_DATE_EPOCH -------------------------------------------------------------
refused=0
for v in -1 253402300800 99999999999999999999 abc 1e9 " 5" 5x; do
	SOURCE_DATE_EPOCH=$v "$AMOKIT" render "$EX" --only referat -o "$TMP/o" > /dev/null 2> "$TMP/err"; rc=$?
	SOURCE_DATE_EPOCH=$v "$AMOKIT" ics "$EX" -o "$TMP/o/plan.ics" > /dev/null 2> "$TMP/err2"; rc2=$?
	[ "$rc" = 2 ] && [ "$rc2" = 2 ] && grep -q "SOURCE_DATE_EPOCH=" "$TMP/err" && refused=$((refused + 1)) ||
		bad "SOURCE_DATE_EPOCH='$v': exit $rc (render), $rc2 (ics): $(cat "$TMP/err")"
done
[ "$refused" = 7 ] && ok "SOURCE_DATE_EPOCH out of range or not a number: refused by render and ics (exit 2)"
SOURCE_DATE_EPOCH= "$AMOKIT" render "$EX" --only referat -o "$TMP/o" > /dev/null 2>&1 &&
	ok "SOURCE_DATE_EPOCH empty: unset" || bad "SOURCE_DATE_EPOCH empty refused"
SOURCE_DATE_EPOCH=253402300799 "$AMOKIT" render "$EX" --only referat -o "$TMP/o" > /dev/null 2>&1
info=$(pdfinfo -isodates "$TMP/o/referat.pdf" 2> /dev/null | sed -n 's/^CreationDate: *//p')
xmp=$(pdfinfo -meta "$TMP/o/referat.pdf" 2> /dev/null | sed -n 's:.*<xmp\:CreateDate>\(.*\)</xmp\:CreateDate>.*:\1:p')
case "$info|$xmp" in
9999-12-31T23:59:59*"|9999-12-31T23:59:59"*) ok "SOURCE_DATE_EPOCH at the end of 9999: Info $info, XMP $xmp" ;;
*) bad "SOURCE_DATE_EPOCH at the end of 9999: Info '$info', XMP '$xmp'" ;;
esac

echo "cli edges: $pass passed, $fail failed"
[ "$fail" = 0 ]
