#!/bin/sh
# threads.sh: `render` and `blank` share a workplace's documents among
# threads (-j, default one per CPU). Whatever the sharing, the PDFs are the
# same bytes, the printed digests come in the same order, and a failing
# document gives the same message and exit code as with one thread, and
# then none of the set is published (output.h: all or nothing).
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
tmp=$(mktemp -d /tmp/amokit-threads.XXXXXX) || exit 2
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# same_run NAME ARGS...: -j 1 and -j 4 write identical files and logs.
same_run() {
	name=$1; shift
	for j in 1 4; do
		rm -rf "$tmp/j$j"; mkdir -p "$tmp/j$j"
		"$AMOKIT" "$@" -j $j -o "$tmp/j$j" > "$tmp/log$j" 2> "$tmp/err$j"
		echo $? > "$tmp/rc$j"
		sed "s#$tmp/j$j#OUT#" "$tmp/log$j" > "$tmp/log$j.n"
	done
	if ! cmp -s "$tmp/rc1" "$tmp/rc4"; then
		bad "$name: exit $(cat "$tmp/rc1") with -j 1, $(cat "$tmp/rc4") with -j 4"; return
	fi
	if ! cmp -s "$tmp/log1.n" "$tmp/log4.n"; then
		bad "$name: the digest lines differ"; return
	fi
	n=0
	for f in "$tmp"/j1/*.pdf; do
		cmp -s "$f" "$tmp/j4/$(basename "$f")" || { bad "$name: $(basename "$f") differs"; return; }
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] && [ "$(ls "$tmp"/j4/*.pdf | wc -l)" = "$n" ] || { bad "$name: $n files"; return; }
	ok "$name: $n PDFs byte-identical with -j 1 and -j 4, same digests in the same order"
}

for x in examples/*.xml; do
	same_run "render $(basename "$x")" render "$x"
done
same_run "blank" blank
same_run "tiled poster with rhythm" render examples/plejecenter-140.xml --only aarshjul,referat \
	--tile A4 --with-rhythm

# A document that cannot be written: its name is taken by a directory.
for j in 1 4; do
	mkdir -p "$tmp/f$j/dagsorden.pdf"
	"$AMOKIT" render examples/kontor-27.xml -j $j -o "$tmp/f$j" > /dev/null 2> "$tmp/ferr$j"
	echo $? > "$tmp/frc$j"
	sed "s#$tmp/f$j#OUT#g; s#\.tmp[A-Za-z0-9]*#.tmp#g" "$tmp/ferr$j" > "$tmp/ferr$j.n"
done
if [ "$(cat "$tmp/frc1")" = 2 ] && [ "$(cat "$tmp/frc4")" = 2 ] && cmp -s "$tmp/ferr1.n" "$tmp/ferr4.n" &&
	grep -q "dagsorden" "$tmp/ferr4.n"; then
	ok "unwritable document: exit 2 and the same message with -j 1 and -j 4"
else
	bad "unwritable document: exit $(cat "$tmp/frc1")/$(cat "$tmp/frc4"): $(cat "$tmp/ferr1") | $(cat "$tmp/ferr4")"
fi
leftovers=$(find "$tmp/f1" "$tmp/f4" -name '*.tmp*' -o -name '.amokit-*' | wc -l)
[ "$leftovers" = 0 ] && ok "no staging folder or temporary file left" || bad "$leftovers staging leftovers"
published=$(find "$tmp/f1" "$tmp/f4" -name '*.pdf' -type f | wc -l)
[ "$published" = 0 ] && ok "none of the failed set was published (-j 1 and -j 4)" ||
	bad "$published documents of a failed set were published"

for j in 0 65 x; do
	"$AMOKIT" render examples/kontor-27.xml -j $j -o "$tmp" > /dev/null 2>&1
	[ $? = 2 ] && ok "-j $j refused (exit 2)" || bad "-j $j not refused"
done

echo "threads: $pass passed, $fail failed"
[ "$fail" = 0 ]
