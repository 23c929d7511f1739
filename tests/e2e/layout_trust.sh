#!/bin/sh
# layout_trust.sh: the shipped layouts are validated when amokit is built,
# and only those exact bytes are trusted afterwards.
#  1. The build's check: `make .../gen/layout_digests.c` over a set of
#     layouts holding one that breaks the schema fails, names FILE:LINE and
#     leaves no digest source; over the shipped layouts it succeeds with one
#     digest (sha256sum's) per file.
#  2. At run time: a layouts directory (--layouts) with exact copies of the
#     shipped files renders, trusted by their bytes wherever they lie; the
#     same directory with one byte of referat.xml changed so that it breaks
#     the schema is refused with FILE:LINE, as before.
# Run from the repository root with AMOKIT=<binary>.
set -u
AMOKIT=${AMOKIT:-build/amokit}
xml=examples/kontor-27.xml
fail() { echo "layout_trust: $*"; exit 1; }
[ -e "$xml" ] || { echo "skip: no $xml"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/layouts" "$tmp/out"
cp -r layouts/. "$tmp/layouts/"

# --- 1. the build -----------------------------------------------------------
unset MAKEFLAGS MFLAGS MAKELEVEL   # a make of its own, not the caller's jobs
gen="$tmp/b/gen/layout_digests.c"
make -s B="$tmp/b" LAYOUTS="$(echo layouts/*.xml)" "$gen" > "$tmp/make.out" 2>&1 ||
	{ cat "$tmp/make.out"; fail "the digests of the shipped layouts were not generated"; }
for f in layouts/*.xml; do
	sum=$(sha256sum "$f" | cut -d' ' -f1)
	size=$(wc -c < "$f" | tr -d ' ')
	grep -q "{\"$(basename "$f")\", $size, \"$sum\"," "$gen" ||
		fail "no digest $sum (size $size) for $f in $gen"
done

cp layouts/referat.xml "$tmp/referat.xml"
sed 's/<page size=/<page zize=/' layouts/referat.xml > "$tmp/layouts/referat.xml"
cmp -s layouts/referat.xml "$tmp/layouts/referat.xml" && fail "sed changed nothing"
line=$(awk '/<page zize=/ { p = 1 } p && />/ { print NR; exit }' "$tmp/layouts/referat.xml")
rm -f "$gen"
if make -s B="$tmp/b" LAYOUTS="$(echo "$tmp"/layouts/*.xml)" "$gen" > "$tmp/make.out" 2>&1; then
	fail "the build accepted a layout that breaks the schema"
fi
grep -q "^$tmp/layouts/referat.xml:$line: .*zize" "$tmp/make.out" ||
	{ cat "$tmp/make.out"; fail "the failed build does not name referat.xml:$line"; }
[ -e "$gen" ] && fail "a failed build left $gen"

# --- 2. run time ------------------------------------------------------------
"$AMOKIT" render "$xml" -o "$tmp/out" --layouts "$tmp/layouts" > /dev/null 2> "$tmp/err" &&
	fail "a layout that breaks the schema was accepted"
grep -q "^$tmp/layouts/referat.xml:$line: .*zize" "$tmp/err" ||
	{ cat "$tmp/err"; fail "the error does not name referat.xml:$line"; }

cp "$tmp/referat.xml" "$tmp/layouts/referat.xml"
"$AMOKIT" render "$xml" -o "$tmp/out" --layouts "$tmp/layouts" > /dev/null 2> "$tmp/err" ||
	{ cat "$tmp/err"; fail "exact copies of the shipped layouts were refused"; }
[ -s "$tmp/out/referat.pdf" ] || fail "no referat.pdf from the copied layouts"
exit 0
