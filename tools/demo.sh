#!/bin/sh
# demo.sh AMOKIT OUT: write the example kit: the blank set into OUT/blank and
# every example's filled set into OUT/<example>, after checking the examples.
set -e
amokit=$1; out=$2
"$amokit" check examples/*.xml
mkdir -p "$out/blank"
"$amokit" blank -o "$out/blank"
for x in examples/*.xml; do
	name=$(basename "$x" .xml)
	mkdir -p "$out/$name"
	"$amokit" render "$x" -o "$out/$name"
done
echo "demo: wrote $(find "$out" -name '*.pdf' | wc -l) PDFs into $out/"
