#!/bin/sh
# fuzz_regressions.sh: every input the fuzzers found (tests/fuzz/regressions/)
# must end in a clean exit: 0, 1 or 2, or 3 only with "out of memory" —
# never a signal (exit >= 128, which includes sanitizer aborts under
# `make asan`). Workplace inputs (reader-*, render-*) go through
# `amokit check` and `amokit render`; sheets (import-*) go through
# `amokit import` into a copy of an example (exit 0 or 1); layout inputs (layout-*) replace
# dagsorden.xml in a copy of layouts/ and render the kontor example with it.
# Env: AMOKIT (the binary), from the repository root.
#
# KNOWN_OPEN names regressions whose bug is still open in another module:
# they are run and reported, but do not fail the suite. Remove a name when
# its fix lands.
KNOWN_OPEN=""

AMOKIT=${AMOKIT:-build/amokit}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0; n=0

# clean NAME CMD...: runs CMD, judges its exit code.
clean() {
	name=$1; shift
	"$@" > "$tmp/out" 2>&1
	rc=$?
	if [ $rc -le 2 ] || { [ $rc = 3 ] && grep -q "ikke nok hukommelse" "$tmp/out"; }; then
		return 0
	fi
	case " $KNOWN_OPEN " in
	*" $name "*) echo "known open: $name: exit $rc"; return 0 ;;
	esac
	echo "FAIL $name: exit $rc from $*"; head -n 20 "$tmp/out"
	fail=1
}

for f in tests/fuzz/regressions/*; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	n=$((n + 1))
	rm -rf "$tmp/o"; mkdir -p "$tmp/o"
	case $name in
	layout-*)
		rm -rf "$tmp/layouts"; cp -r layouts "$tmp/layouts"
		cp "$f" "$tmp/layouts/dagsorden.xml"
		clean "$name" "$AMOKIT" render examples/kontor-27.xml --layouts "$tmp/layouts" \
			--only dagsorden -o "$tmp/o" ;;
	import-*)
		# A sheet: imported into a copy of an example; the importer must
		# accept it (0) or answer its rows (1), never make an invalid file (3).
		cp examples/toemrer-6.xml "$tmp/w.xml"
		"$AMOKIT" import "$tmp/w.xml" "$f" -o "$tmp/o/w.xml" > "$tmp/out" 2>&1
		rc=$?
		if [ $rc -gt 1 ]; then echo "FAIL $name: import exit $rc"; head -n 5 "$tmp/out"; fail=1; fi ;;
	*)
		clean "$name" "$AMOKIT" check "$f"
		clean "$name" "$AMOKIT" render "$f" -o "$tmp/o" ;;
	esac
done
echo "fuzz regressions: $n inputs"
exit $fail
