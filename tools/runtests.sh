#!/bin/sh
# runtests.sh BUILD TEST...: run the cmocka unit tests, then the end-to-end
# scripts in tests/e2e/, and print one closing line "N passed, N failed".
# $VALGRIND, when set, prefixes every unit test binary.
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
