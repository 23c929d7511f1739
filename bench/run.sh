#!/bin/sh
# run.sh [[LABEL=]AMOKIT]...: the benchmark (`make bench`). Builds nothing
# itself: the Makefile builds the optimised binaries first (the default
# build, then STATIC=yes) and passes them here. Prints the load average,
# tables of medians and minimums, CPU time, page faults, peak RSS,
# instruction counts, perf's native shares, large inputs and their scaling,
# bytes per page and Typst's warm batch, then the default build's targets
# with ✓, ✗ or ? (not judged: wall clock on a busy machine), and the
# commands that reproduce every figure. BENCH_RUNS, BENCH_BATCH,
# BENCH_BATCH_RUNS, BENCH_PERF_RUNS and BENCH_TYPST_DOCS tune it;
# BENCH_FIFO=1 (as root) times every process under SCHED_FIFO, so that the
# wall-clock targets are judged on a machine others keep busy; bench.py
# --help says more. Run from the repository root.
[ $# -gt 0 ] || set -- build-bench/amokit
for a in "$@"; do
	[ -x "${a#*=}" ] || { echo "bench: no binary at ${a#*=} (make bench builds it)" >&2; exit 2; }
done
command -v python3 > /dev/null || { echo "bench: needs python3" >&2; exit 2; }
exec python3 "$(dirname "$0")/bench.py" "$@"
