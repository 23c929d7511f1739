#!/bin/sh
# run.sh [[LABEL=]AMOKIT]...: the benchmark (`make bench`). Builds nothing
# itself: the Makefile builds the optimised binaries first (the default
# build, then STATIC=yes) and passes them here. Prints one table of
# medians, peak RSS, instruction counts and PDF sizes, a row per build,
# then the default build's targets with ✓ or ✗. BENCH_RUNS, BENCH_BATCH and
# BENCH_BATCH_RUNS tune it. Run from the repository root.
[ $# -gt 0 ] || set -- build-bench/amokit
for a in "$@"; do
	[ -x "${a#*=}" ] || { echo "bench: no binary at ${a#*=} (make bench builds it)" >&2; exit 2; }
done
command -v python3 > /dev/null || { echo "bench: needs python3" >&2; exit 2; }
exec python3 "$(dirname "$0")/bench.py" "$@"
