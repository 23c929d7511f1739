#!/bin/sh
# check_predicts.sh: whatever render refuses, check refuses first (issue
# 19, item 4). check makes the documents as render would, with the same
# options, and keeps none; so over a corpus (the examples, every hostile
# input of tests/bad/, the fuzzers' workplace regressions and cases that
# only the documents refuse) check and render agree: both accept, or both
# refuse with the same exit code, and check never writes a file.
#
# The cases only the documents refuse (the reader accepts them):
#  - a wheel with twelve rings that asks for the rhythm's ring as well;
#  - layouts (--layouts) whose image is missing, and whose image is a link;
#  - a <logo> that is a symbolic link, shown by layouts that draw it.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=$(realpath "${AMOKIT:-build/amokit}")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0; n=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# agree NAME FILE OPTION...: check and render of FILE with OPTIONs agree.
agree() {
	name=$1; file=$2; shift 2
	rm -rf "$TMP/o" "$TMP/cwd"; mkdir "$TMP/o" "$TMP/cwd"
	(cd "$TMP/cwd" && "$AMOKIT" check "$@" "$file") > /dev/null 2> "$TMP/check.err"
	c=$?
	"$AMOKIT" render "$@" "$file" -o "$TMP/o" > /dev/null 2> "$TMP/render.err"
	r=$?
	n=$((n + 1))
	if [ -n "$(ls -A "$TMP/cwd")" ]; then
		bad "$name: check wrote $(ls -A "$TMP/cwd")"
	elif [ "$c" != "$r" ]; then
		bad "$name: check exits $c, render $r: $(head -n 1 "$TMP/render.err")"
	fi
}

# The corpus.
for f in examples/*.xml tests/bad/*.xml tests/fuzz/regressions/reader-* tests/fuzz/regressions/render-*; do
	[ -f "$f" ] || continue
	agree "$f" "$(realpath "$f")"
done
[ "$fail" = 0 ] && ok "the corpus: check and render agree on all $n files"

# Twelve rings and the rhythm's: the reader accepts it, the kit cannot add
# the rhythm's ring.
python3 - examples/kontor-27.xml "$TMP/rings.xml" <<'EOF'
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
rings = "".join('    <ring id="r%d" colour="#1F2A5C">Ring %d</ring>\n' % (i, i) for i in range(12))
acts = "".join('    <activity ring="r%d"><title>Aktivitet %d</title><month>%d</month></activity>\n'
               % (i % 12, i, i % 12 + 1) for i in range(24))
wheel = '  <wheel year="2026" rhythm="true">\n' + rings + acts + '  </wheel>\n'
out = re.sub(r'  <wheel year="2026">.*?</wheel>\n', lambda m: wheel, src, flags=re.S)
open(sys.argv[2], "w", encoding="utf-8").write(out)
EOF
before=$fail
agree "twelve rings and the rhythm" "$TMP/rings.xml"
[ "$c" = 1 ] || bad "twelve rings and the rhythm: check exits $c, expected 1"
[ "$fail" = "$before" ] && ok "twelve rings with rhythm=\"true\": check exits 1 as render does: $(head -n 1 "$TMP/check.err")"

# Layouts with a missing image, then with one reached through a link.
cp -r layouts "$TMP/lay"
sed 's|<h1><msg key="agenda.dagsorden"/></h1>|<image src="mangler.png" width="20mm"/><h1><msg key="agenda.dagsorden"/></h1>|' layouts/dagsorden.xml \
	> "$TMP/lay/dagsorden.xml"
before=$fail
agree "a layout's missing image" "$(realpath examples/kontor-27.xml)" --layouts "$TMP/lay"
[ "$c" = 1 ] || bad "a layout's missing image: check exits $c, expected 1"
[ "$fail" = "$before" ] && ok "--layouts with a missing image: check exits 1 as render does: $(head -n 1 "$TMP/check.err")"

# A <logo> that is a link, with layouts that show the logo.
sed 's|<h1><msg key="agenda.dagsorden"/></h1>|<image path="/logo" width="30mm"/><h1><msg key="agenda.dagsorden"/></h1>|' layouts/dagsorden.xml \
	> "$TMP/lay/dagsorden.xml"
mkdir "$TMP/wp"
printf 'x' > "$TMP/secret.png"
ln -s ../secret.png "$TMP/wp/logo.png"
sed 's|^  <people>|  <logo>logo.png</logo>\n  <people>|' examples/kontor-27.xml > "$TMP/wp/k.xml"
grep -q '<logo>' "$TMP/wp/k.xml" || bad "could not add a <logo>"
before=$fail
agree "a linked logo" "$TMP/wp/k.xml" --layouts "$TMP/lay"
[ "$c" = 1 ] || bad "a linked logo: check exits $c, expected 1: $(cat "$TMP/check.err")"
[ "$fail" = "$before" ] && ok "a <logo> that is a link: check exits 1 as render does: $(head -n 1 "$TMP/check.err")"

echo "check predicts render: $pass passed, $fail failed"
[ "$fail" = 0 ]
