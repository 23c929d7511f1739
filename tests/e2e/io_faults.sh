#!/bin/sh
# io_faults.sh: output I/O faults (issue 8, item 4). Each case must give a
# message that names the path, the right exit code (2 for I/O, 1 for a
# rejected input; batch: 1 when some workplaces failed) and leave no partial
# file: no staging folder (.amokit-*) or *.tmp* file anywhere in the output
# tree, and an existing PDF either replaced whole or left byte for byte as
# it was. Symbolic links, devices and FIFOs where a file is to go are
# covered by targets.sh.
#
#   missing output directory (created, as mkdir -p), output "directory"
#   that is a file, a folder that cannot be made below a file, read-only
#   directory, target name that is a directory, /dev/full as -o, an
#   existing file when rendering fails on
#   input (broken image) and when the write itself fails (file size limit),
#   an existing file replaced by a good render, the same for `ics`, and
#   batch: two inputs with one output name, a read-only output directory.
#
# Run from the repository root with AMOKIT=<binary> (default build/amokit).
AMOKIT=${AMOKIT:-build/amokit}
EX=examples/kontor-27.xml
TMP=$(mktemp -d)
cleanup() {
	chattr -R -i "$TMP" 2>/dev/null
	[ -n "$MOUNTED" ] && umount "$MOUNTED" 2>/dev/null
	chmod -R u+rwx "$TMP" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
MOUNTED=
pass=0; fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -s "$TMP/err" ] && sed 's/^/    /' "$TMP/err" | head -5; }

# run CMD...: runs CMD with stdout/stderr to $TMP/out, $TMP/err; sets rc.
run() { "$@" > "$TMP/out" 2> "$TMP/err"; rc=$?; }

# expect NAME CODE TEXT DIR: the last run exited CODE, its stderr contains
# TEXT (a path), and DIR holds no temporary file.
expect() {
	name=$1; code=$2; text=$3; dir=$4
	if [ "$rc" != "$code" ]; then bad "$name: exit $rc, expected $code"; return 1; fi
	if ! grep -qF -- "$text" "$TMP/err"; then bad "$name: message does not name '$text'"; return 1; fi
	left=$(find "$dir" -name '*.tmp*' -o -name '.amokit-*' 2>/dev/null | head -n 3)
	if [ -n "$left" ]; then bad "$name: temporary files left: $left"; return 1; fi
	ok "$name: exit $code: $(head -n 1 "$TMP/err")"
}

same_bytes() { cmp -s "$1" "$2"; }

# --- render ------------------------------------------------------------------
run "$AMOKIT" render "$EX" --only dagsorden -o "$TMP/missing/a/b"
if [ "$rc" = 0 ] && [ -s "$TMP/missing/a/b/dagsorden.pdf" ]; then
	ok "missing output directory: created, as mkdir -p"
else
	bad "missing output directory: exit $rc, or no dagsorden.pdf in it"
fi

: > "$TMP/plainfile"
run "$AMOKIT" render "$EX" --only dagsorden -o "$TMP/plainfile"
expect "output directory is a regular file" 2 "$TMP/plainfile" "$TMP"
[ -s "$TMP/plainfile" ] && bad "output directory is a regular file: the file was written to"

# A read-only directory. Root ignores permission bits, so as root the
# directory is made immutable (chattr +i) or bind-mounted read-only.
mkdir "$TMP/ro"
ro_how=
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$TMP/ro" && ro_how="chmod 555"
elif chattr +i "$TMP/ro" 2>/dev/null; then
	ro_how="chattr +i"
elif mount --bind "$TMP/ro" "$TMP/ro" 2>/dev/null && mount -o remount,bind,ro "$TMP/ro" 2>/dev/null; then
	MOUNTED="$TMP/ro"; ro_how="read-only bind mount"
fi
if [ -z "$ro_how" ]; then
	echo "skip read-only directory: root, and neither chattr +i nor a read-only bind mount works here"
else
	run "$AMOKIT" render "$EX" --only dagsorden -o "$TMP/ro"
	expect "read-only output directory ($ro_how)" 2 "$TMP/ro" "$TMP/ro"
	[ -n "$(ls -A "$TMP/ro")" ] && bad "read-only output directory: something was written: $(ls -A "$TMP/ro")"
	run "$AMOKIT" batch -o "$TMP/ro" "$EX"
	if [ "$rc" = 1 ] || [ "$rc" = 2 ]; then
		code=$rc; expect "batch into a read-only directory ($ro_how)" "$code" "$TMP/ro" "$TMP/ro"
	else
		bad "batch into a read-only directory: exit $rc, expected 1 or 2"
	fi
	[ -n "$(ls -A "$TMP/ro")" ] && bad "batch into a read-only directory: something was written: $(ls -A "$TMP/ro")"
	chattr -i "$TMP/ro" 2>/dev/null
	[ -n "$MOUNTED" ] && umount "$MOUNTED" && MOUNTED=
fi

# The target name is taken by a directory: it must stay a directory.
mkdir -p "$TMP/dirtarget/dagsorden.pdf"
run "$AMOKIT" render "$EX" --only dagsorden -o "$TMP/dirtarget"
expect "target is a directory" 2 "$TMP/dirtarget/dagsorden.pdf" "$TMP/dirtarget"
[ -d "$TMP/dirtarget/dagsorden.pdf" ] || bad "target is a directory: it was replaced"

# /dev/full as the output "directory".
run "$AMOKIT" render "$EX" --only dagsorden -o /dev/full
expect "-o /dev/full" 2 "/dev/full" "$TMP"

# --- an existing file is replaced atomically ---------------------------------
mkdir "$TMP/keep"
run "$AMOKIT" render "$EX" --only dagsorden -o "$TMP/keep"
if [ "$rc" != 0 ]; then bad "first render for the atomic cases: exit $rc"; fi
cp "$TMP/keep/dagsorden.pdf" "$TMP/old.pdf"

# Input failure: a layouts copy whose agenda shows a damaged PNG.
cp -r layouts "$TMP/lay"
printf '\211PNG\r\n\032\nnot really a png' > "$TMP/lay/broken.png"
sed 's|<h1><msg key="agenda.dagsorden"/></h1>|<image src="broken.png" width="20mm"/><h1><msg key="agenda.dagsorden"/></h1>|' \
	layouts/dagsorden.xml > "$TMP/lay/dagsorden.xml"
grep -q broken.png "$TMP/lay/dagsorden.xml" || bad "could not plant the broken image in the layout"
run "$AMOKIT" render "$EX" --only dagsorden -o "$TMP/keep" --layouts "$TMP/lay"
expect "existing file, rendering fails (broken image)" 1 "broken.png" "$TMP/keep" &&
	{ same_bytes "$TMP/old.pdf" "$TMP/keep/dagsorden.pdf" && ok "existing file, rendering fails: old bytes intact" ||
	  bad "existing file, rendering fails: the old PDF changed"; }

# Write failure half-way: a 20-block file size limit with SIGXFSZ ignored,
# so write() fails with EFBIG after the temporary file got some bytes.
# Two documents: the first fails, the second must not be written either.
cp "$TMP/keep/dagsorden.pdf" "$TMP/keep/referat.pdf"
sh -c "trap '' XFSZ; ulimit -f 20; exec \"\$0\" \"\$@\"" "$AMOKIT" render "$EX" \
	--only dagsorden,referat -o "$TMP/keep" > "$TMP/out" 2> "$TMP/err"
rc=$?
expect "existing file, the write fails (file size limit)" 2 "$TMP/keep/dagsorden.pdf" "$TMP/keep" &&
	{ same_bytes "$TMP/old.pdf" "$TMP/keep/dagsorden.pdf" && same_bytes "$TMP/old.pdf" "$TMP/keep/referat.pdf" &&
	  ok "existing file, the write fails: old bytes intact" ||
	  bad "existing file, the write fails: an old PDF changed"; }

# A good render replaces the (different) old file whole.
printf 'old contents\n' > "$TMP/keep/dagsorden.pdf"
run "$AMOKIT" render "$EX" --only dagsorden -o "$TMP/keep"
if [ "$rc" = 0 ] && same_bytes "$TMP/old.pdf" "$TMP/keep/dagsorden.pdf" &&
   [ -z "$(find "$TMP/keep" -name '*.tmp*' -o -name '.amokit-*')" ] && qpdf --check "$TMP/keep/dagsorden.pdf" > /dev/null 2>&1; then
	ok "existing file replaced by a good render (same bytes as a fresh one, qpdf --check)"
else
	bad "existing file replaced by a good render: exit $rc or wrong contents"
fi

# --- ics: the other writer -----------------------------------------------------
run "$AMOKIT" ics "$EX" -o "$TMP/plainfile/plan.ics"
expect "ics: a folder below a file" 2 "$TMP/plainfile" "$TMP"
run "$AMOKIT" ics "$EX" -o "$TMP/plan.ics"
[ "$rc" = 0 ] || bad "ics: first write: exit $rc"
cp "$TMP/plan.ics" "$TMP/old.ics"
sh -c "trap '' XFSZ; ulimit -f 1; exec \"\$0\" \"\$@\"" "$AMOKIT" ics "$EX" -o "$TMP/plan.ics" \
	> "$TMP/out" 2> "$TMP/err"
rc=$?
if [ "$(wc -c < "$TMP/old.ics")" -le 512 ]; then
	echo "skip ics write failure: the calendar is too small to hit a 512-byte limit"
else
	expect "ics: existing file, the write fails" 2 "$TMP/plan.ics" "$TMP" &&
		{ same_bytes "$TMP/old.ics" "$TMP/plan.ics" && ok "ics: old bytes intact" || bad "ics: the old file changed"; }
fi
run "$AMOKIT" ics "$EX" -o /dev/full
expect "ics: -o /dev/full" 2 "/dev/full" "$TMP"

# --- batch ----------------------------------------------------------------------
mkdir -p "$TMP/a" "$TMP/b" "$TMP/bo"
cp examples/toemrer-6.xml "$TMP/a/x.xml"
cp "$EX" "$TMP/b/x.xml"
run "$AMOKIT" batch -o "$TMP/bo" "$TMP/a/x.xml" "$TMP/b/x.xml"
expect "batch: two inputs, one output name" 1 "$TMP/b/x.xml" "$TMP/bo" &&
	{ grep -qF "$TMP/a/x.xml" "$TMP/err" && ok "batch: the message names the input that took the name" ||
	  bad "batch: the message does not name $TMP/a/x.xml"; }
n=$(ls -A "$TMP/bo" | grep -vx SHA256SUMS | wc -l)
[ "$n" = 1 ] && [ -d "$TMP/bo/x" ] || bad "batch: expected only bo/x (and SHA256SUMS), found: $(ls -A "$TMP/bo")"
# The one written is the first input's: its agenda names the toemrer
# workplace, not the kontor one.
name=$(sed -n 's:.*<name>\(.*\)</name>.*:\1:p' examples/toemrer-6.xml | head -n 1 | sed 's/&amp;/\&/g')
if pdftotext "$TMP/bo/x/dagsorden.pdf" - 2>/dev/null | grep -qF "$name"; then
	ok "batch: bo/x holds the first input's documents ($name)"
else
	bad "batch: bo/x does not hold the first input's documents ($name)"
fi
for f in "$TMP"/bo/x/*.pdf; do
	qpdf --check "$f" > /dev/null 2>&1 || bad "batch: $f fails qpdf --check"
done

# A batch output directory that is a regular file.
run "$AMOKIT" batch -o "$TMP/plainfile" "$EX"
if [ "$rc" = 1 ] || [ "$rc" = 2 ]; then
	expect "batch: output directory is a regular file" "$rc" "$TMP/plainfile" "$TMP"
else
	bad "batch: output directory is a regular file: exit $rc, expected 1 or 2"
fi

# Interrupted while writing (SIGTERM delivered by strace at the Nth write
# or rename of the process, any thread): the process dies of the signal,
# no temporary file is left, and every PDF that is there is whole.
if command -v strace > /dev/null 2>&1 && ! ldd "$AMOKIT" | grep -q 'libasan\|libtsan' &&
   ! nm -D "$AMOKIT" 2>/dev/null | grep -q '__asan_init\|__tsan_init'; then
	left=0; broken=0; runs=0
	for call in write rename; do
		for j in 1 4; do
			for n in 1 2 3 4 5 7 9 12; do
				rm -rf "$TMP/sig"; mkdir -p "$TMP/sig"
				strace -f -o /dev/null -e trace=$call -e inject=$call:signal=SIGTERM:when=$n \
					"$AMOKIT" render "$EX" -j $j -o "$TMP/sig" > /dev/null 2>&1
				runs=$((runs + 1))
				left=$((left + $(find "$TMP/sig" -name '*.tmp*' -o -name '.amokit-*' | wc -l)))
				for f in "$TMP"/sig/*.pdf; do
					[ -f "$f" ] && ! qpdf --check "$f" > /dev/null 2>&1 && broken=$((broken + 1))
				done
			done
		done
	done
	[ "$left" = 0 ] && [ "$broken" = 0 ] &&
		ok "interrupted at a write or rename ($runs runs, -j 1 and -j 4): no temporary file, no broken PDF" ||
		bad "interrupted: $left temporary files left, $broken broken PDFs in $runs runs"
else
	echo "skip: interrupted writes (needs strace and a build without sanitizers)"
fi

echo "io faults: $pass passed, $fail failed"
[ "$fail" = 0 ]
