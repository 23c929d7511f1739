#!/bin/sh
# targets.sh: nothing is written through what is not a regular file
# (issue 19, item 2). Where a document is to go, a symbolic link (to a
# file elsewhere, or to /dev/null), a FIFO, a character device and a block
# device (both made with mknod in the test's own folder, numbers that reach
# /dev/null's driver and no existing block device) refuse the whole set
# with exit 2 at once: never a hang, the link's target untouched, the
# thing itself left in place, none of the set's other documents replaced.
# The same for `ics -o`, and for `batch` when a workplace's folder is a
# link to a folder elsewhere or holds a link where a document goes (that
# workplace fails, the others are written). A FIFO given as the workplace
# file, or as a layout in a --layouts folder, is refused without blocking.
# Each run has a 10 s limit.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
EX=examples/kontor-27.xml
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -s "$TMP/err" ] && sed 's/^/    /' "$TMP/err" | head -3; }

# run CMD...: CMD with a 10 s limit; rc is its exit code (124: it hung).
run() { timeout 10 "$@" > "$TMP/out" 2> "$TMP/err"; rc=$?; }

# The old set the refused runs must leave alone.
OLD="$TMP/old"; mkdir "$OLD"
"$AMOKIT" render examples/toemrer-6.xml -o "$OLD" > /dev/null || { bad "the first render"; exit 1; }
old_sums=$(cd "$OLD" && sha256sum *.pdf)

# refused NAME KIND MAKE: in a copy of the old set, MAKE puts something at
# referat.pdf; render must refuse with exit 2 naming referat.pdf and KIND.
refused() {
	name=$1; kind=$2; make=$3
	d="$TMP/case"; rm -rf "$d"; cp -r "$OLD" "$d"; rm -f "$d/referat.pdf"
	if ! (cd "$d" && eval "$make") 2> /dev/null; then
		echo "skip $name: cannot make it here"; return
	fi
	run "$AMOKIT" render "$EX" -o "$d"
	if [ "$rc" = 124 ]; then bad "$name: the run hung"; return; fi
	if [ "$rc" != 2 ]; then bad "$name: exit $rc, expected 2"; return; fi
	grep -q "referat.pdf: er $kind" "$TMP/err" || { bad "$name: the message does not say it is $kind"; return; }
	for f in forberedelsesark arbejdsark informationsark dagsorden aarshjul; do
		(cd "$OLD" && sha256sum $f.pdf) | (cd "$d" && sha256sum -c --quiet) > /dev/null 2>&1 ||
			{ bad "$name: $f.pdf was replaced although the set was refused"; return; }
	done
	[ -z "$(find "$d" -name '.amokit-*')" ] || { bad "$name: staging folder left"; return; }
	ok "$name: exit 2, '$(head -n 1 "$TMP/err" | cut -c1-90)...', the old set kept"
}

printf 'precious' > "$TMP/outside.pdf"
refused "symlink to a file elsewhere" "et symbolsk link" "ln -s '$TMP/outside.pdf' referat.pdf"
[ "$(cat "$TMP/outside.pdf")" = precious ] && [ -L "$TMP/case/referat.pdf" ] &&
	ok "symlink: its target untouched, the link still there" || bad "symlink: target or link changed"
refused "symlink to /dev/null" "et symbolsk link" "ln -s /dev/null referat.pdf"
refused "FIFO" "en FIFO" "mkfifo referat.pdf"
[ -p "$TMP/case/referat.pdf" ] && ok "FIFO: still there, nothing written into it" || bad "FIFO: replaced"
# 1,3 is /dev/null's driver: whatever happened, nothing could be harmed.
refused "character device (mknod c 1 3)" "en tegnenhed" "mknod referat.pdf c 1 3"
# 240-254 are for local use (devices.txt): no driver here, nothing to reach.
if [ -e /sys/dev/block/240:0 ]; then
	echo "skip block device: 240:0 exists on this machine"
else
	refused "block device (mknod b 240 0, no such device)" "en blokenhed" "mknod referat.pdf b 240 0"
fi
refused "directory" "en mappe" "mkdir referat.pdf"

# --- ics -o ------------------------------------------------------------------------
mkfifo "$TMP/plan.ics"
run "$AMOKIT" ics "$EX" -o "$TMP/plan.ics"
[ "$rc" = 2 ] && grep -q "er en FIFO" "$TMP/err" && ok "ics -o FIFO: exit 2 at once" || bad "ics -o FIFO: exit $rc"
rm -f "$TMP/plan.ics"; ln -s "$TMP/outside.pdf" "$TMP/plan.ics"
run "$AMOKIT" ics "$EX" -o "$TMP/plan.ics"
[ "$rc" = 2 ] && [ "$(cat "$TMP/outside.pdf")" = precious ] && ok "ics -o symlink: exit 2, target untouched" ||
	bad "ics -o symlink: exit $rc"

# --- batch -------------------------------------------------------------------------
mkdir "$TMP/in" "$TMP/b" "$TMP/elsewhere"
cp examples/kontor-27.xml examples/toemrer-6.xml examples/produktion-45.xml "$TMP/in/"
ln -s "$TMP/elsewhere" "$TMP/b/kontor-27"
mkdir "$TMP/b/toemrer-6"; ln -s "$TMP/outside.pdf" "$TMP/b/toemrer-6/dagsorden.pdf"
run "$AMOKIT" batch -j 2 -o "$TMP/b" "$TMP/in"
if [ "$rc" = 1 ] && grep -q "kontor-27: er et symbolsk link" "$TMP/err" &&
   grep -q "toemrer-6/dagsorden.pdf: er et symbolsk link" "$TMP/err" &&
   [ -z "$(ls -A "$TMP/elsewhere")" ] && [ -L "$TMP/b/kontor-27" ] && [ "$(cat "$TMP/outside.pdf")" = precious ] &&
   [ "$(ls "$TMP/b/produktion-45" | wc -l)" = 6 ] && [ "$(ls "$TMP/b/toemrer-6")" = dagsorden.pdf ]; then
	ok "batch: a linked workplace folder and a linked document refuse those workplaces (exit 1), the third is written"
else
	bad "batch with links: exit $rc; elsewhere: $(ls -A "$TMP/elsewhere"); toemrer-6: $(ls "$TMP/b/toemrer-6")"
fi
[ -z "$(find "$TMP/b" -name '.amokit-*')" ] && ok "batch: no staging folder left" || bad "batch: staging folder left"

# --- a FIFO as the input -----------------------------------------------------------
mkfifo "$TMP/in.xml"
run "$AMOKIT" check "$TMP/in.xml"
[ "$rc" = 2 ] && grep -q "ikke en almindelig fil" "$TMP/err" && ok "check of a FIFO: exit 2 at once" ||
	bad "check of a FIFO: exit $rc"

# --- a FIFO in a layouts folder ------------------------------------------------------
cp -r layouts "$TMP/lay"; rm "$TMP/lay/dagsorden.xml"; mkfifo "$TMP/lay/dagsorden.xml"
run "$AMOKIT" render "$EX" --layouts "$TMP/lay" --only dagsorden -o "$TMP/lo"
[ "$rc" = 2 ] && grep -q "dagsorden.xml: .*not a regular file" "$TMP/err" &&
	ok "a layout that is a FIFO: exit 2 at once" || bad "a layout that is a FIFO: exit $rc"

echo "targets: $pass passed, $fail failed"
[ "$fail" = 0 ]
