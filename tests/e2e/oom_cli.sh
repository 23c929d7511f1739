#!/bin/sh
# oom_cli.sh: an allocation failure anywhere in the process (our code,
# libxml2, libpng, libdeflate, libhyphen, libical, the C library) ends
# cleanly (issue 8, item 3; issue 19, item 5 for ics): exit 0, or exit 3
# with "out of memory" on stderr; never a signal (exit >= 128); no staging
# folder left; every PDF written passes qpdf --check; a calendar written is
# the whole one.
#
# A tiny LD_PRELOAD shim, built here into $BUILD, counts malloc, calloc and
# realloc calls and fails call number OOMSHIM_FAIL_AT: only that one
# (OOMSHIM_MODE=once, the recovery paths) or it and every later one
# (OOMSHIM_MODE=all, the error paths must not need memory). A first run
# counts the calls of a whole `render` of an example; then N is sampled
# over that range, spread evenly with a fixed jitter. The count varies by a
# few calls from run to run, so the points hit are not always the same.
#
# KNOWN_OPEN lists outcomes whose cause is outside tests/ and still open;
# they are printed as "known open" and do not fail the suite. Each is an
# exit code and a stderr pattern. Remove one when its fix lands. (Fixed so
# far: libhyphen's exit(1), font loading, the old PDF library's and zlib's failed
# allocations now all end as "out of memory", exit 3.)
KNOWN_OPEN=""

# Skipped under sanitizers (their runtime owns malloc) and without a compiler.
# Env: AMOKIT (the binary), BUILD (a build directory for the shim), from the
# repository root. OOM_SAMPLES (default 40) sets how many N per mode.
AMOKIT=${AMOKIT:-build/amokit}
BUILD=${BUILD:-build}
SAMPLES=${OOM_SAMPLES:-40}
EX=examples/kontor-27.xml
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if ldd "$AMOKIT" 2>/dev/null | grep -q 'libasan\|libubsan\|libtsan'; then
	echo "skip: $AMOKIT is built with a sanitizer, which owns malloc"; exit 0
fi
case "$BUILD" in *asan*|*sanit*) echo "skip: sanitizer build $BUILD"; exit 0 ;; esac


SHIM="$BUILD/oomshim.so"
mkdir -p "$BUILD"
cat > "$TMP/oomshim.c" <<'EOF'
/* oomshim.c: fails one malloc/calloc/realloc call, or every call from one
 * on, counted from process start (OOMSHIM_FAIL_AT, OOMSHIM_MODE=once|all);
 * with OOMSHIM_REPORT set, prints the number of calls at exit. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static unsigned long calls, fail_at;
static int ready, fail_all, report;

static int fail_now(void)
{
	if (!ready) {
		const char *s = getenv("OOMSHIM_FAIL_AT");
		fail_at = s ? strtoul(s, NULL, 10) : 0;
		s = getenv("OOMSHIM_MODE");
		fail_all = s && strcmp(s, "all") == 0;
		report = getenv("OOMSHIM_REPORT") != NULL;
		ready = 1;
	}
	calls++;
	if (!fail_at || (fail_all ? calls < fail_at : calls != fail_at))
		return 0;
	errno = ENOMEM;
	return 1;
}

void *malloc(size_t n) { return fail_now() ? NULL : __libc_malloc(n); }
void *calloc(size_t k, size_t n) { return fail_now() ? NULL : __libc_calloc(k, n); }
void *realloc(void *p, size_t n) { return fail_now() ? NULL : __libc_realloc(p, n); }

/* No stdio here: it would allocate. */
__attribute__((destructor)) static void print_calls(void)
{
	if (!report)
		return;
	char digits[24], line[48] = "oomshim calls: ";
	int k = 0, at = (int)strlen(line);
	unsigned long v = calls;
	do digits[k++] = (char)('0' + v % 10); while ((v /= 10));
	while (k)
		line[at++] = digits[--k];
	line[at++] = '\n';
	if (write(2, line, (size_t)at) < 0)
		return;
}
EOF
if ! ${CC:-cc} -shared -fPIC -O1 -o "$SHIM" "$TMP/oomshim.c" 2> "$TMP/cc.err"; then
	echo "FAIL: cannot build the shim"; cat "$TMP/cc.err"; exit 1
fi
SHIM=$(realpath "$SHIM")

mkdir "$TMP/o"
OOMSHIM_REPORT=1 LD_PRELOAD="$SHIM" "$AMOKIT" render "$EX" -o "$TMP/o" > /dev/null 2> "$TMP/err"
rc=$?
total=$(sed -n 's/^oomshim calls: //p' "$TMP/err")
if [ "$rc" != 0 ] || [ -z "$total" ] || [ "$total" -lt 100 ]; then
	echo "FAIL: the counting run: exit $rc, $total calls"; cat "$TMP/err"; exit 1
fi
echo "a whole render of $EX makes $total allocation calls"

pass=0; fail=0; known=0; zero=0; three=0
# judge MODE N: one run that fails call N.
judge() {
	mode=$1; n=$2
	rm -rf "$TMP/o"; mkdir "$TMP/o"
	OOMSHIM_MODE=$mode OOMSHIM_FAIL_AT=$n LD_PRELOAD="$SHIM" "$AMOKIT" render "$EX" -o "$TMP/o" \
		> /dev/null 2> "$TMP/err"
	rc=$?
	what="$mode N=$n"
	left=$(find "$TMP/o" -name '*.tmp*' -o -name '.amokit-*' | head -n 3)
	if [ -n "$left" ]; then
		fail=$((fail + 1)); echo "FAIL $what: exit $rc, temporary files left: $left"; return
	fi
	for f in "$TMP"/o/*.pdf; do
		[ -e "$f" ] || continue
		if ! qpdf --check "$f" > /dev/null 2>&1; then
			fail=$((fail + 1)); echo "FAIL $what: $(basename "$f") fails qpdf --check"; return
		fi
	done
	if [ "$rc" = 0 ]; then pass=$((pass + 1)); zero=$((zero + 1)); return; fi
	if [ "$rc" = 3 ] && grep -q "ikke nok hukommelse" "$TMP/err"; then
		pass=$((pass + 1)); three=$((three + 1)); return
	fi
	msg=$(head -n 1 "$TMP/err")
	old_ifs=$IFS; IFS='|'
	for k in $KNOWN_OPEN; do
		case "$rc:$msg" in
		"${k%%:*}:"*"${k#*:}"*) IFS=$old_ifs; known=$((known + 1))
			echo "known open $what: exit $rc: $msg"; return ;;
		esac
	done
	IFS=$old_ifs
	fail=$((fail + 1))
	if [ "$rc" -ge 128 ]; then
		echo "FAIL $what: killed by signal $((rc - 128)): $msg"
	else
		echo "FAIL $what: exit $rc: $msg"
	fi
}

for mode in once all; do
	i=0
	while [ $i -lt "$SAMPLES" ]; do
		# evenly spread, plus a fixed jitter so N is not always a round figure
		n=$((1 + i * total / SAMPLES + (i * 7919) % (total / SAMPLES + 1)))
		[ "$n" -gt "$total" ] && n=$total
		judge "$mode" "$n"
		i=$((i + 1))
	done
done
echo "render: $pass clean ($zero exit 0, $three exit 3 'out of memory'), $known known open, $fail failed"

# --- ics -------------------------------------------------------------------------
# libical does not survive its own failed allocations, so amokit runs the
# calendar export, amokit-ics, as a child and waits for it (src/cli/cmd_ics.c).
# Each process counts its own calls (exec starts the count again) and
# reports them: N is sampled over twice the larger count, the helper's,
# which covers amokit's own few. A run that ends with exit 0 must have
# written exactly the calendar of a run without faults (libical can drop a
# part of it, a TZID say, when an allocation fails; ics must notice and fail).
export SOURCE_DATE_EPOCH=1767225600
"$AMOKIT" ics "$EX" -o "$TMP/ref.ics" 2> "$TMP/err" || { echo "FAIL: ics without faults"; cat "$TMP/err"; exit 1; }
OOMSHIM_REPORT=1 LD_PRELOAD="$SHIM" "$AMOKIT" ics "$EX" -o "$TMP/count.ics" > /dev/null 2> "$TMP/err"
ics_total=$(sed -n 's/^oomshim calls: //p' "$TMP/err" | sort -n | tail -n 1)
[ -n "$ics_total" ] && [ "$ics_total" -ge 100 ] || { echo "FAIL: the ics counting run: $ics_total calls"; exit 1; }
range=$((2 * ics_total))
echo "ics of $EX makes $ics_total allocation calls in its helper; sampling 1..$range"
ipass=0; ifail=0; izero=0; ithree=0
judge_ics() {
	mode=$1; n=$2
	rm -rf "$TMP/i"; mkdir "$TMP/i"
	OOMSHIM_MODE=$mode OOMSHIM_FAIL_AT=$n LD_PRELOAD="$SHIM" "$AMOKIT" ics "$EX" -o "$TMP/i/plan.ics" \
		> /dev/null 2> "$TMP/err"
	rc=$?
	what="ics $mode N=$n"
	left=$(find "$TMP/i" -name '.amokit-*' | head -n 1)
	if [ -n "$left" ]; then ifail=$((ifail + 1)); echo "FAIL $what: exit $rc, left $left"; return; fi
	if [ "$rc" = 0 ] && cmp -s "$TMP/ref.ics" "$TMP/i/plan.ics"; then
		ipass=$((ipass + 1)); izero=$((izero + 1)); return
	fi
	if [ "$rc" = 3 ] && grep -q "hukommelse" "$TMP/err" && [ ! -e "$TMP/i/plan.ics" ]; then
		ipass=$((ipass + 1)); ithree=$((ithree + 1)); return
	fi
	ifail=$((ifail + 1))
	if [ "$rc" = 0 ]; then
		echo "FAIL $what: exit 0 with a calendar that differs from the one without faults"
		diff "$TMP/ref.ics" "$TMP/i/plan.ics" | head -n 5
	elif [ "$rc" -ge 128 ]; then
		echo "FAIL $what: killed by signal $((rc - 128))"
	else
		echo "FAIL $what: exit $rc: $(head -n 1 "$TMP/err")"
	fi
}
ICS_SAMPLES=$((SAMPLES * 3 / 2))
for mode in once all; do
	i=0
	while [ $i -lt "$ICS_SAMPLES" ]; do
		n=$((1 + i * range / ICS_SAMPLES + (i * 7919) % (range / ICS_SAMPLES + 1)))
		judge_ics "$mode" "$n"
		i=$((i + 1))
	done
done
echo "ics: $ipass clean ($izero exit 0 with the whole calendar, $ithree exit 3 'out of memory'), $ifail failed"
echo "oom cli: $((pass + ipass)) clean, $known known open, $((fail + ifail)) failed"
[ "$fail" = 0 ] && [ "$ifail" = 0 ]
