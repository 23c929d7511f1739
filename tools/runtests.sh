#!/bin/sh
# runtests.sh BUILD TEST...: run the cmocka unit tests, then the end-to-end
# scripts in tests/e2e/, and print one closing line "N passed, N failed".
# $VALGRIND, when set, prefixes every unit test binary and, before the
# end-to-end scripts (which run the plain binary), the command line itself
# over the examples, the blank set, the calendar export, a batch and every
# hostile input of tests/bad/ (valgrind_cli below).
B=$1; shift
pass=0; fail=0; failed=""
for t in "$@"; do
	if $VALGRIND "$t" > "$t.log" 2>&1; then
		pass=$((pass + 1)); echo "ok   $(basename "$t")"
	else
		fail=$((fail + 1)); failed="$failed $(basename "$t")"
		echo "FAIL $(basename "$t")"; tail -n 30 "$t.log"
	fi
done
# valgrind_cli: each amokit command under $VALGRIND; any valgrind error
# (its --error-exitcode) or a signal fails; the commands' own exit codes
# 0-3 are theirs to give (tests/bad/ is rejected on purpose).
valgrind_cli() {
	out=$(mktemp -d)
	ok=0; bad=""
	vg() {
		$VALGRIND --trace-children=yes "$@" > "$out/log" 2>&1
		rc=$?
		if [ $rc -gt 3 ]; then
			bad="$bad
exit $rc: $*
$(grep '==[0-9]*==' "$out/log" | head -n 20)"
		else
			ok=$((ok + 1))
		fi
	}
	for x in examples/*.xml; do
		mkdir -p "$out/r"; vg "$B/amokit" render "$x" -o "$out/r"
	done
	mkdir -p "$out/blank"; vg "$B/amokit" blank -o "$out/blank"
	vg "$B/amokit" render examples/kontor-27.xml --only aarshjul --tile A4 --with-rhythm -o "$out/r"
	vg "$B/amokit" ics examples/kontor-27.xml -o "$out/k.ics"
	vg "$B/amokit" batch -j 2 -o "$out/batch" examples/
	for x in tests/bad/*.xml tests/fuzz/regressions/reader-* tests/fuzz/regressions/render-*; do
		[ -f "$x" ] && vg "$B/amokit" check "$x"
	done
	rm -rf "$out"
	[ -z "$bad" ] && echo "$ok commands clean" && return 0
	echo "$bad"; return 1
}
if [ -n "$VALGRIND" ]; then
	mkdir -p "$B/tests"
	if valgrind_cli > "$B/tests/valgrind_cli.log" 2>&1; then
		pass=$((pass + 1)); echo "ok   valgrind_cli ($(tail -n 1 "$B/tests/valgrind_cli.log"))"
	else
		fail=$((fail + 1)); failed="$failed valgrind_cli"
		echo "FAIL valgrind_cli"; tail -n 30 "$B/tests/valgrind_cli.log"
	fi
fi
for s in tests/e2e/*.sh; do
	[ -e "$s" ] || continue
	log="$B/tests/$(basename "$s").log"
	mkdir -p "$B/tests"
	if AMOKIT="$B/amokit" BUILD="$B" sh "$s" > "$log" 2>&1; then
		pass=$((pass + 1)); echo "ok   $(basename "$s")"
	else
		fail=$((fail + 1)); failed="$failed $(basename "$s")"
		echo "FAIL $(basename "$s")"; tail -n 30 "$log"
	fi
done
[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
