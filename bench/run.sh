#!/bin/sh
# run.sh [AMOKIT]: the benchmark (`make bench`). Builds nothing itself: the
# Makefile builds an optimised binary first and passes it here. Prints one
# table of medians, peak RSS, instruction counts and PDF sizes, then the
# targets with ✓ or ✗. BENCH_RUNS, BENCH_BATCH and BENCH_BATCH_RUNS tune it.
# Run from the repository root.
AMOKIT=${1:-build-bench/amokit}
[ -x "$AMOKIT" ] || { echo "bench: no binary at $AMOKIT (make bench builds it)" >&2; exit 2; }
command -v python3 > /dev/null || { echo "bench: needs python3" >&2; exit 2; }
exec python3 "$(dirname "$0")/bench.py" "$AMOKIT"
