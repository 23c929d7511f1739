#!/bin/sh
# tagcost.sh: what tagging (issue 22) costs. Builds amokit twice, as the
# benchmark does (build-bench) and with -DAMOKIT_UNTAGGED (build-untagged:
# the renderer ignores the draw list's structure marks and writes no
# structure tree), renders every example's full set with both and prints
# per document the bytes untagged and tagged, then the instructions of
# kontor-27's full set under callgrind (when valgrind is there).
#   bench/tagcost.sh            from the top of the tree
set -eu
make -s B=build-bench OPT="-O2 -g -DNDEBUG" build-bench/amokit
make -s B=build-untagged OPT="-O2 -g -DNDEBUG -DAMOKIT_UNTAGGED" build-untagged/amokit
export SOURCE_DATE_EPOCH=1767225600
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-16s %-17s %9s %9s %8s\n' example document untagged tagged added
for x in examples/*.xml; do
	n=$(basename "$x" .xml)
	build-untagged/amokit render "$x" -o "$out/u-$n" > /dev/null
	build-bench/amokit render "$x" -o "$out/t-$n" > /dev/null
	for f in "$out/t-$n"/*.pdf; do
		d=$(basename "$f" .pdf)
		u=$(wc -c < "$out/u-$n/$d.pdf")
		t=$(wc -c < "$f")
		awk -v n="$n" -v d="$d" -v u="$u" -v t="$t" \
		    'BEGIN { printf "%-16s %-17s %9d %9d %+7.1f%%\n", n, d, u, t, (t - u) * 100 / u }'
	done
done
command -v valgrind > /dev/null || exit 0
for b in build-untagged build-bench; do
	ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$b/amokit" render \
	     examples/kontor-27.xml -o "$out/cg-$b" 2>&1 > /dev/null | sed -n 's/.*refs: *//p')
	echo "kontor-27 full set, $b: $ir instructions"
done
