#!/bin/sh
# batch.sh: `amokit batch` over 1,000 generated workplaces, one of them
# broken: the other 999 get their documents, the broken one none, the
# summary names it with its line, the exit code is 1, no staging leftovers,
# no progress bar when stderr is not a terminal. Then usage errors (exit 2).
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
if ! "$AMOKIT" batch --help 2>/dev/null | grep -q -- "--jobs"; then
	echo "skip: this amokit has no batch command yet"
	exit 0
fi
tmp=$(mktemp -d /tmp/amokit-batch-e2e.XXXXXX) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

python3 bench/gen.py batch 1000 "$tmp/in" --broken 500 || { echo "FAIL gen.py"; exit 1; }
"$AMOKIT" batch -j 2 --only dagsorden -o "$tmp/out" "$tmp/in" > "$tmp/stdout" 2> "$tmp/stderr"
rc=$?
[ "$rc" = 1 ] && ok "exit 1 with a broken file" || bad "exit $rc, expected 1"
grep -q "^1000 arbejdspladser: 999 skrevet, 1 fejlede" "$tmp/stderr" && ok "summary counts" ||
	bad "summary: $(head -c 300 "$tmp/stderr")"
grep -q "^$tmp/in/wp-0500.xml:[0-9][0-9]*: .*2026-02-30" "$tmp/stderr" && ok "broken file named with its line" ||
	bad "broken file not named"
[ "$(grep -c 'wp-' "$tmp/stderr")" = 1 ] && ok "only the broken file in the summary" || bad "other files named"
n=$(find "$tmp/out" -name dagsorden.pdf | wc -l)
[ "$n" = 999 ] && ok "999 agendas written" || bad "$n agendas written, expected 999"
[ ! -e "$tmp/out/wp-0500" ] && ok "nothing for the broken file" || bad "output for the broken file"
[ -z "$(find "$tmp/out" -name '.*' -o -name '*.tmp*')" ] && ok "no staging leftovers" || bad "leftovers"
[ "$(find "$tmp/out" -mindepth 1 -maxdepth 1 -type d | wc -l)" = 999 ] && ok "one directory per workplace" ||
	bad "unexpected entries in the output directory"
! grep -q "$(printf '\r')" "$tmp/stderr" && ok "no progress bar when not a terminal" || bad "progress bar in a pipe"
[ ! -s "$tmp/stdout" ] && ok "nothing on stdout" || bad "stdout not empty"
head -c 4 "$tmp/out/wp-0001/dagsorden.pdf" | grep -q "%PDF" && ok "a PDF" || bad "not a PDF"

# Every document, for the examples; a second run replaces them.
for run in 1 2; do
	"$AMOKIT" batch -o "$tmp/ex" examples 2> "$tmp/stderr"
	rc=$?
	[ "$rc" = 0 ] && ok "examples, run $run: exit 0" || { bad "examples, run $run: exit $rc"; cat "$tmp/stderr"; }
done
for f in examples/*.xml; do
	name=$(basename "$f" .xml)
	n=$(ls "$tmp/ex/$name"/*.pdf 2>/dev/null | wc -l)
	[ "$n" -ge 5 ] && ok "$name: $n documents" || bad "$name: $n documents"
done

want() {  # want CODE DESCRIPTION COMMAND...
	code=$1; what=$2; shift 2
	"$@" > /dev/null 2>&1
	r=$?
	[ "$r" = "$code" ] && ok "$what (exit $r)" || bad "$what: exit $r, expected $code"
}
want 2 "no input" "$AMOKIT" batch -o "$tmp/x"
want 2 "-j 0" "$AMOKIT" batch -j 0 -o "$tmp/x" examples
want 2 "unknown --only" "$AMOKIT" batch --only nothing -o "$tmp/x" examples
mkdir "$tmp/empty"
want 2 "an empty directory" "$AMOKIT" batch -o "$tmp/x" "$tmp/empty"
touch "$tmp/file"
want 2 "output directory is a file" "$AMOKIT" batch -o "$tmp/file" examples
want 0 "--help" "$AMOKIT" batch --help
exit $fail
