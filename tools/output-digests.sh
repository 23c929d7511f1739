#!/bin/sh
# output-digests.sh AMOKIT: print the SHA-256 of every document amokit
# writes for the examples (each example rendered; the blank set; the
# årshjul at every poster size, across, tiled on A4 and A3, with the
# rhythm; the calendar export; a batch), one "digest  name" line each.
# A refactoring compares this list before and after: it must not change.
#   tools/output-digests.sh build/amokit > before.txt   (on the base)
#   tools/output-digests.sh build/amokit | diff before.txt -
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1767225600
run() { dir=$out/$1; shift; mkdir -p "$dir"; "$bin" "$@" -o "$dir" > "$dir.log" 2>&1; }
for x in examples/*.xml; do
	n=$(basename "$x" .xml)
	run "render-$n" render "$x"
	"$bin" ics "$x" -o "$out/ics-$n.ics" > /dev/null 2>&1
	"$bin" check "$x" > "$out/check-$n.txt" 2>&1 || true
	"$bin" next-year "$x" -o "$out/next-year-$n.xml" > /dev/null 2>&1
done
"$bin" import --name Importeret --headcount 12 --year 2026 -o "$out/import.xml" \
	"$out/none.xml" examples/import/*.csv > /dev/null 2>&1
run blank blank
for p in A3 A2 A1 A0; do
	run "poster-$p" render examples/kontor-27.xml --only aarshjul --poster "$p"
	run "poster-$p-landscape" render examples/kontor-27.xml --only aarshjul --poster "$p" --landscape
done
for t in A4 A3; do
	run "tile-$t" render examples/kontor-27.xml --only aarshjul --tile "$t"
	run "blank-tile-$t" blank --only aarshjul --tile "$t"
done
run rhythm render examples/produktion-45.xml --with-rhythm
run batch batch -j 2 examples/
cd "$out" && find . -type f ! -name '*.log' | LC_ALL=C sort | xargs sha256sum
