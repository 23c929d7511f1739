#!/usr/bin/env python3
"""ab.py: two builds of amokit (or any two programs) timed against each
other, run by run, as whole processes.

  bench/ab.py RUNS PROGRAM_A PROGRAM_B ARGS...

Runs "PROGRAM_A ARGS" and "PROGRAM_B ARGS" RUNS times each after one
warm-up, alternating which goes first, and prints for each the median and
minimum wall time, the median CPU time (user + system) and the median
number of page faults. A copy of build-bench/amokit outside the tree
needs AMOKIT_DATADIR=$PWD to find layouts/ and fonts/. On a shared
machine run it under `chrt -f 1` (bench/NOTES.md, "Wall clock on a
shared machine")."""
import os
import statistics
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 4 or not argv[1].isdigit():
        sys.stderr.write(__doc__)
        return 2
    runs, progs, args = int(argv[1]), argv[2:4], argv[4:]
    got = {p: [] for p in progs}
    for i in range(runs + 1):
        for p in (progs if i % 2 == 0 else progs[::-1]):
            t0 = time.perf_counter()
            child = subprocess.Popen([p] + args, stdout=subprocess.DEVNULL)
            _, status, ru = os.wait4(child.pid, 0)
            ms = (time.perf_counter() - t0) * 1000
            if status != 0:
                sys.stderr.write("ab.py: %s failed (status %d)\n" % (p, status))
                return 1
            if i:
                got[p].append((ms, (ru.ru_utime + ru.ru_stime) * 1000, ru.ru_minflt))
    for p in progs:
        r = got[p]
        print("%-32s median %6.2f ms  min %6.2f ms  CPU %6.2f ms  faults %d" % (
            p, statistics.median(x[0] for x in r), min(x[0] for x in r),
            statistics.median(x[1] for x in r), statistics.median(x[2] for x in r)))
    print("load average %.2f" % os.getloadavg()[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
