#!/bin/sh
# run.sh BUILD SECONDS HARNESS...: run each libFuzzer harness of BUILD for
# SECONDS on a corpus seeded from the source tree, then print the
# executions of each and in total. Exit 1 when any harness found a crash,
# a leak, a timeout or a sanitizer report (its input is kept under
# BUILD/artifacts/ and named in the output). Run from the repository root.
B=$1; SECONDS_EACH=$2; shift 2
DICT=tests/fuzz/workplace.dict
mkdir -p "$B/artifacts" "$B/logs"

# The seed corpus of a harness: its working directory (kept between runs,
# so later runs start from what earlier ones found) plus fresh copies of
# the seeds from the tree: the examples, the hostile inputs of tests/bad,
# the names and pasted texts of tests/data, and tests/fuzz/seeds (mixed
# scripts, combining marks, invisible characters, invalid UTF-8).
seed() {
	dir="$B/corpus/$1"; mkdir -p "$dir"
	case $1 in
	fuzz_layout) cp layouts/*.xml "$dir"/ ;;
	fuzz_csv|fuzz_import) cp examples/import/*.csv "$dir"/ ;;
	*) cp examples/*.xml tests/fuzz/seeds/*.xml tests/data/names.xml tests/data/pasted.xml "$dir"/
	   [ -d tests/bad ] && cp tests/bad/*.xml "$dir"/ ;;
	esac
	for r in tests/fuzz/regressions/"${1#fuzz_}"-*; do
		[ -e "$r" ] && cp "$r" "$dir"/
	done
	return 0
}

status=0; total=0
for h in "$@"; do
	seed "$h"
	log="$B/logs/$h.log"
	echo "== $h: $SECONDS_EACH s"
	"$B/$h" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
		-dict="$DICT" -artifact_prefix="$B/artifacts/$h-" -print_final_stats=1 \
		"$B/corpus/$h" > "$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
	secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -n 1)
	if [ "$rc" != 0 ] || [ -z "$runs" ]; then
		status=1
		runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' "$log" | tail -n 1)
		echo "$h: FAILED (exit $rc) after ${runs:-?} executions; see $log"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written|ALARM|.*runtime error)' "$log" | head -n 10
		runs=${runs:-0}
	else
		echo "$h: $runs executions in $secs s ($((runs / (secs > 0 ? secs : 1))) exec/s)"
	fi
	total=$((total + runs))
done
echo "fuzz total: $total executions"
exit $status
