#!/usr/bin/env python3
"""bench.py: amokit's benchmark, whole processes, one report.

  bench.py [LABEL=]AMOKIT [[LABEL=]AMOKIT...] [--runs N] [--batch N]
           [--batch-runs N] [--no-callgrind] [--no-large]

The first binary is the default build, which the targets are about; every
further one (make bench passes the STATIC=yes build) is timed in the same
runs, interleaved with it run by run, and gets a row of its own.

What it measures, each figure with the command that reproduces it (the
numbered list at the end):
  (1) the full set of documents of each example in examples/: median and
      minimum wall time of the whole process, user and system CPU time,
      page faults (all medians), peak RSS, the instruction count under
      callgrind, and how much of it is SHA-256 (see below);
  (2) a batch of N workplaces (bench/gen.py) on one core (-j 1), per document;
  (3) the native time shares of one full set (perf, sampling the CPU clock:
      kernel, amokit, libc, libdeflate, libxml2, ...), where perf works;
  (4) large inputs within the reader's size cap (--max-size, 1 MiB): 100
      and 1,000 participants (every document), a 5,000-page forberedelsesark
      (2,500 participants), 500 and 5,000 årshjul activities, 1,000
      handleplan rows: instructions, peak RSS, pages, and the scaling ratios;
  (5) every A4 document of every example: bytes per page.
Then every target with ✓, ✗, or ? where the machine is too busy to judge a
wall-clock figure. Exit status 0 whatever the targets say: this is a report.

Honest numbers: wall-clock figures are only worth something on a quiet
machine, so the load average is printed first and wall-clock targets are
not judged above BUSY_LOAD. With --fifo (BENCH_FIFO=1; root or
CAP_SYS_NICE) every timed process runs under SCHED_FIFO, as `chrt -f 1`
would run it: on a machine that others keep busy it then gets the CPUs as
soon as it is ready, which is what a quiet machine gives, and the
wall-clock targets are judged whatever the load (bench/NOTES.md, "Wall
clock on a shared machine"). Instruction counts and peak RSS do not depend
on the load. valgrind runs nettle's generic SHA-256 code where the CPU has
SHA extensions (SHA-NI), so under callgrind SHA-256 looks several times
dearer than it is: its share is printed beside the count, and perf's
native shares (3) show what it costs. Kernel time (page faults, files,
the staging folders) is invisible to callgrind: the user/system split and
the page faults show it.
"""
import argparse
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

TARGET_SET_MS = 10.0                # issue 24: a full set, kontor-27
TARGET_SET_EXAMPLE = "kontor-27"
TARGET_BATCH_MS_PER_DOC = 1.0       # issue 24: one core (-j 1)
TARGET_TYPST_FACTOR = 4.0           # issue 24: x Typst's warm batch
TARGET_A4_FIRST2 = 20 * 1024        # issue 24: the first two pages
TARGET_A4_PER_PAGE = 5 * 1024       # ... plus this per further page
TARGET_RSS_KIB = 12 * 1024          # issue 20: the examples' processes
TARGET_LARGE_RSS_KIB = 16 * 1024    # issue 24: any input within the cap
TARGET_SCALING = 11.0               # issue 24: 10x the input, at most 11x the work
TARGET_WHEEL_MS = 50.0              # issue 7: an A1 årshjul of 500 activities
TARGET_SET_MS_DEFAULT = 25.0        # issue 20: a full set, every example, default build
TARGET_BATCH_MS_DEFAULT = 2.0       # issue 20: batch per document, default build
BUSY_LOAD = 0.5                     # above this 1-minute load, wall clock is not judged
RSS_RUNS = int(os.environ.get("BENCH_RSS_RUNS", "3"))

DOCS = ["forberedelsesark", "arbejdsark", "informationsark", "dagsorden", "aarshjul", "referat"]


class Commands:
    """The numbered list of commands that reproduce the figures."""

    def __init__(self):
        self.items = []

    def add(self, cmd):
        if cmd not in self.items:
            self.items.append(cmd)
        return "[%d]" % (self.items.index(cmd) + 1)


CMDS = Commands()


def shown(argv):
    """argv as a shell line, paths relative to the repository."""
    out = []
    for a in argv:
        if os.path.isabs(a) and a.startswith(ROOT + "/"):
            a = os.path.relpath(a, ROOT)
        elif os.path.isabs(a) and "/amokit-bench." in a:
            a = "$T/" + a.split("/amokit-bench.", 1)[1].split("/", 1)[-1]
        out.append(a if re.fullmatch(r"[\w@%+=:,./$-]+", a) else "'%s'" % a)
    return " ".join(out)


def load_average():
    try:
        return os.getloadavg()
    except OSError:
        return None


FIFO = False                        # --fifo: timed processes run under SCHED_FIFO


def fifo(on):
    """Puts this process under SCHED_FIFO (a child started meanwhile
    inherits it) or back; False when that is not allowed."""
    try:
        if on:
            os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(1))
        else:
            os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0))
        return True
    except (AttributeError, OSError):
        return False


def start(argv):
    """Starts argv (under SCHED_FIFO with --fifo: the policy is this
    process's while the child starts, so no code of ours runs in the child,
    which would add Python's copy-on-write faults to its figures)."""
    if FIFO:
        fifo(True)
    try:
        return subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    finally:
        if FIFO:
            fifo(False)


def run_once(argv):
    """Runs argv; returns (ms, user ms, sys ms, minor faults, exit code, stderr)."""
    t0 = time.perf_counter()
    p = start(argv)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    ms = (time.perf_counter() - t0) * 1000
    return (ms, ru.ru_utime * 1000, ru.ru_stime * 1000, ru.ru_minflt,
            os.waitstatus_to_exitcode(status), err.decode("utf-8", "replace"))


def peak_rss(argv, runs=None):
    """Peak RSS (KiB) of the largest process, the median of BENCH_RSS_RUNS
    runs (3): the documents' threads and the kit's opening thread share one
    heap, and how their allocations interleave moves a run's peak by up to
    a MiB. Through GNU time, whose child starts from a small process (a
    child forked from Python would carry Python's own high-water mark
    through exec)."""
    if not os.path.exists("/usr/bin/time"):
        return 0
    got = []
    for _ in range(runs or RSS_RUNS):
        with tempfile.NamedTemporaryFile("r", prefix="amokit-rss.") as f:
            subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name] + argv,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            text = f.read().strip().splitlines()
            if text and text[-1].isdigit():
                got.append(int(text[-1]))
    return int(statistics.median(got)) if got else 0


class Timing:
    def __init__(self, runs):
        self.ms = [r[0] for r in runs]
        self.user = statistics.median(r[1] for r in runs) if runs else 0
        self.sys = statistics.median(r[2] for r in runs) if runs else 0
        self.faults = statistics.median(r[3] for r in runs) if runs else 0
        self.median = statistics.median(self.ms) if runs else None
        self.min = min(self.ms) if runs else None


def measure_builds(argvs, runs, before=None, warmup=1):
    """Runs each command line (one per build) runs times after warmup,
    alternating the order from run to run; before(i) prepares a run of
    argvs[i]. One (Timing or None when it failed, exit code, stderr) each."""
    got = [[] for _ in argvs]
    last = [(0, "")] * len(argvs)
    failed = [False] * len(argvs)
    for r in range(warmup + runs):
        order = range(len(argvs)) if r % 2 == 0 else reversed(range(len(argvs)))
        for i in order:
            if failed[i]:
                continue
            if before:
                before(i)
            res = run_once(argvs[i])
            last[i] = (res[4], res[5])
            if res[4] != 0:
                failed[i] = True
            elif r >= warmup:
                got[i].append(res)
    return [(None if failed[i] else Timing(got[i]), last[i][0], last[i][1]) for i in range(len(argvs))]


SHA_FUNCS = re.compile(r"(nettle_sha256_update|sha256_update)\b")


def callgrind(argv, tmp):
    """(instructions, of which SHA-256) under callgrind, or (None, None)."""
    if not shutil.which("valgrind"):
        return None, None
    out = os.path.join(tmp, "callgrind.out")
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"refs:\s+([\d,]+)", p.stderr)
    if not m:
        return None, None
    total = int(m.group(1).replace(",", ""))
    sha = 0
    if shutil.which("callgrind_annotate"):
        a = subprocess.run(["callgrind_annotate", "--inclusive=yes", out], capture_output=True, text=True)
        for line in a.stdout.splitlines():
            mm = re.match(r"\s*([\d,]+)\s.*:(nettle_sha256_update)\s", line)
            if mm:
                sha = max(sha, int(mm.group(1).replace(",", "")))
    os.unlink(out)
    return total, sha


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)


def kib(n):
    return "%.1f MiB" % (n / 1024) if n else "-"


def mega(n):
    return "%.1f M" % (n / 1e6) if n else "-"


def pdf_pages(path):
    """The pages of a PDF, as poppler counts them (the page objects sit in
    compressed object streams: the bytes cannot be searched for them)."""
    p = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    m = re.search(r"^Pages:\s+(\d+)", p.stdout, re.M)
    return int(m.group(1)) if m else 0


class Report:
    def __init__(self, busy):
        self.busy = busy
        self.sections = []
        self.targets = []

    def section(self, title, head):
        rows = []
        self.sections.append((title, head, rows))
        return rows

    def target(self, what, value, limit, ok, wall=False, cmd=""):
        """ok: True, False or None (not judged); wall-clock ones are not
        judged on a busy machine."""
        if wall and self.busy and ok is not None:
            ok = None
        self.targets.append((what, value, limit, ok, cmd))

    def print(self):
        for title, head, rows in self.sections:
            print(title)
            table = [head] + rows
            widths = [max(len(str(r[i])) for r in table) for i in range(len(head))]
            for k, r in enumerate(table):
                print("  " + "  ".join(str(c).ljust(w) if j == 0 else str(c).rjust(w)
                                       for j, (c, w) in enumerate(zip(r, widths))))
                if k == 0:
                    print("  " + "  ".join("-" * w for w in widths))
            print()
        print("targets")
        marks = {True: "✓", False: "✗", None: "?"}
        for what, value, limit, ok, cmd in self.targets:
            print("  %s %-58s %16s  (target %s) %s" % (marks[ok], what, value, limit, cmd))
        met = sum(1 for t in self.targets if t[3] is True)
        unjudged = sum(1 for t in self.targets if t[3] is None)
        print("\n%d of %d targets met, %d not judged%s" % (
            met, len(self.targets), unjudged,
            " (wall clock on a busy machine, or a peer not installed)" if unjudged else ""))
        print("\ncommands (T is a scratch folder; bench/gen.py makes the inputs; timed as whole "
              "processes%s, RSS by /usr/bin/time -f %%M)" % (" under chrt -f 1" if FIFO else ""))
        for i, c in enumerate(CMDS.items):
            print("  [%d] %s" % (i + 1, c))


# ---- (1) full sets ---------------------------------------------------------

def bench_sets(builds, args, tmp, rep):
    rows = rep.section("(1) full sets: render EXAMPLE -o DIR (medians of %d runs)" % args.runs,
                       ["case", "median", "min", "user", "sys", "faults", "peak RSS", "instructions",
                        "of it SHA-256", "PDF bytes", "cmd"])
    rss_all = 0
    slowest = None
    sizes_all = {}
    # The floor: the process alone (exec, the loader, the libraries'
    # constructors, exit), which every example's figure includes.
    argvs = [[b, "--version"] for _, b in builds]
    cmd = CMDS.add(shown(argvs[0]))
    for k, ((label, _), (t, rc, err)) in enumerate(zip(builds, measure_builds(argvs, args.runs))):
        if t:
            rows.append(["--version (the process alone)" if k == 0 else "  %s build" % label,
                         "%.1f ms" % t.median, "%.1f ms" % t.min, "%.1f ms" % t.user, "%.1f ms" % t.sys,
                         "%d" % t.faults, kib(peak_rss(argvs[k])), "", "", "", cmd])
    for ex in sorted(glob.glob(os.path.join(ROOT, "examples", "*.xml"))):
        name = os.path.basename(ex)[:-4]
        outs = [os.path.join(tmp, "set-%s-%d" % (name, i)) for i in range(len(builds))]
        for o in outs:
            fresh_dir(o)
        argvs = [[b, "render", ex, "-o", o] for (_, b), o in zip(builds, outs)]
        results = measure_builds(argvs, args.runs)
        cmd = CMDS.add(shown(argvs[0][:-1] + ["$T/out"]))
        for k, ((label, _), (t, rc, err)) in enumerate(zip(builds, results)):
            what = name if k == 0 else "  %s build" % label
            if t is None:
                rows.append([what, "failed (exit %d)" % rc] + [""] * 8 + [cmd])
                sys.stderr.write(err[-2000:])
                continue
            rss = peak_rss(argvs[k])
            ir = sha = None
            if k == 0 and not args.no_callgrind:
                ir, sha = callgrind(argvs[k], tmp)
            sizes = {os.path.basename(p)[:-4]: (os.path.getsize(p), pdf_pages(p))
                     for p in glob.glob(os.path.join(outs[k], "*.pdf"))}
            if k == 0:
                sizes_all[name] = sizes
                rss_all = max(rss_all, rss)
                if slowest is None or t.median > slowest[0]:
                    slowest = (t.median, name, cmd)
            rows.append([what, "%.1f ms" % t.median, "%.1f ms" % t.min, "%.1f ms" % t.user,
                         "%.1f ms" % t.sys, "%d" % t.faults, kib(rss), mega(ir),
                         ("%.1f M (%.0f %%)" % (sha / 1e6, 100.0 * sha / ir)) if ir and sha else "-",
                         "%d in %d" % (sum(s for s, _ in sizes.values()), len(sizes)), cmd])
            if k == 0 and name == TARGET_SET_EXAMPLE:
                rep.target("#24 full set %s, median" % name, "%.1f ms" % t.median, "≤ %g ms" % TARGET_SET_MS,
                           t.median <= TARGET_SET_MS, wall=True, cmd=cmd)
    if slowest:
        rep.target("#20 full set, slowest example (%s), median" % slowest[1], "%.1f ms" % slowest[0],
                   "≤ %g ms" % TARGET_SET_MS_DEFAULT, slowest[0] <= TARGET_SET_MS_DEFAULT, wall=True,
                   cmd=slowest[2])
    rep.target("#20 peak RSS, every example's full set (median of %d runs)" % RSS_RUNS, kib(rss_all),
               "≤ %d MiB" % (TARGET_RSS_KIB // 1024), 0 < rss_all <= TARGET_RSS_KIB)
    return sizes_all


# ---- (2) batch ---------------------------------------------------------------

def bench_batch(builds, args, tmp, rep):
    rows = rep.section("(2) batch of %d workplaces on one core, batch -j 1 -o DIR IN, and with the default -j "
                       "(medians of %d runs; "
                       "CPU per doc: user + system time, which a busy machine inflates much less than wall "
                       "time)" % (args.batch, args.batch_runs),
                       ["case", "median", "min", "per doc", "CPU per doc", "user", "sys", "faults", "peak RSS",
                        "cmd"])
    indir = os.path.join(tmp, "batch-in")
    outdirs = [os.path.join(tmp, "batch-out-%d" % i) for i in range(len(builds))]
    subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "batch", str(args.batch), indir], check=True)
    argvs = [[b, "batch", "-j", "1", "-o", o, indir] for (_, b), o in zip(builds, outdirs)]
    results = measure_builds(argvs, args.batch_runs, before=lambda i: shutil.rmtree(outdirs[i], True),
                             warmup=0)
    cmd = CMDS.add("python3 bench/gen.py batch %d $T/in && %s" % (args.batch, shown(argvs[0][:5] + ["$T/out", "$T/in"])))
    per_doc0 = None
    for k, ((label, _), (t, rc, err)) in enumerate(zip(builds, results)):
        what = "batch of %d" % args.batch if k == 0 else "  %s build" % label
        if t is None:
            rows.append([what, "failed (exit %d)" % rc] + [""] * 7 + [cmd])
            sys.stderr.write(err[-2000:])
            continue
        docs = len(glob.glob(os.path.join(outdirs[k], "*", "*.pdf")))
        per_doc = t.median / max(1, docs)
        shutil.rmtree(outdirs[k], True)
        rss = peak_rss(argvs[k])
        cpu_doc = (t.user + t.sys) / max(1, docs)
        rows.append([what, "%.0f ms" % t.median, "%.0f ms" % t.min, "%.3f ms" % per_doc, "%.3f ms" % cpu_doc,
                     "%.0f ms" % t.user, "%.0f ms" % t.sys, "%d" % t.faults, kib(rss), cmd])
        if k == 0:
            per_doc0 = (per_doc, cpu_doc)
            rep.target("#24 batch -j 1, CPU time per document (user + system)", "%.3f ms" % cpu_doc,
                       "(≤ %g ms wall)" % TARGET_BATCH_MS_PER_DOC, None, cmd=cmd)
            rep.target("#24 batch of %d (%d documents), -j 1, per document" % (args.batch, docs),
                       "%.3f ms" % per_doc, "≤ %g ms" % TARGET_BATCH_MS_PER_DOC,
                       per_doc <= TARGET_BATCH_MS_PER_DOC, wall=True, cmd=cmd)
    # Issue 20's batch target was set for the default build with its
    # default -j (one worker per CPU), not for one core.
    out = os.path.join(tmp, "batch-out-default-j")
    argv = [builds[0][1], "batch", "-o", out, indir]
    t, rc, err = measure_builds([argv], args.batch_runs, before=lambda i: shutil.rmtree(out, True), warmup=0)[0]
    cmd = CMDS.add("python3 bench/gen.py batch %d $T/in && %s" % (args.batch, shown(argv[:3] + ["$T/out", "$T/in"])))
    if t is None:
        rows.append(["batch of %d, default -j" % args.batch, "failed (exit %d)" % rc] + [""] * 7 + [cmd])
        sys.stderr.write(err[-2000:])
    else:
        docs = len(glob.glob(os.path.join(out, "*", "*.pdf")))
        per_doc = t.median / max(1, docs)
        rows.append(["batch of %d, default -j (%d CPUs)" % (args.batch, os.cpu_count() or 1), "%.0f ms" % t.median,
                     "%.0f ms" % t.min, "%.3f ms" % per_doc, "%.3f ms" % ((t.user + t.sys) / max(1, docs)),
                     "%.0f ms" % t.user, "%.0f ms" % t.sys, "%d" % t.faults, "", cmd])
        rep.target("#20 batch, default build and -j, per document", "%.3f ms" % per_doc,
                   "≤ %g ms" % TARGET_BATCH_MS_DEFAULT, per_doc <= TARGET_BATCH_MS_DEFAULT, wall=True, cmd=cmd)
        shutil.rmtree(out, True)
    return per_doc0


# ---- (3) native shares ---------------------------------------------------------

def perf_works():
    if not shutil.which("perf"):
        return False
    p = subprocess.run(["perf", "record", "-e", "cpu-clock", "-o", "/dev/null", "true"],
                       capture_output=True, text=True)
    return p.returncode == 0


def perf_counts_instructions():
    if not shutil.which("perf"):
        return False
    p = subprocess.run(["perf", "stat", "-x,", "-e", "instructions:u", "true"], capture_output=True, text=True)
    return p.returncode == 0 and "not supported" not in p.stderr and "<not" not in p.stderr


def bench_perf(builds, args, tmp, rep):
    amokit = builds[0][1]
    ex = os.path.join(ROOT, "examples", TARGET_SET_EXAMPLE + ".xml")
    out = os.path.join(tmp, "perf-out")
    fresh_dir(out)
    argv = [amokit, "render", ex, "-o", out]
    if not perf_works():
        rows = rep.section("(3) native time shares: perf cannot sample here (install linux-perf; "
                           "/proc/sys/kernel/perf_event_paranoid)", ["", ""])
        return
    data = os.path.join(tmp, "perf.data")
    samples = {}
    total = 0
    for _ in range(args.perf_runs):
        subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-F", "20000", "-o", data] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rep_out = subprocess.run(["perf", "report", "-i", data, "--stdio", "--sort", "dso", "-F", "sample,dso"],
                                 capture_output=True, text=True).stdout
        for line in rep_out.splitlines():
            m = re.match(r"\s*(\d+)\s+(\S.*?)\s*$", line)
            if m and not line.lstrip().startswith("#"):
                n = int(m.group(1))
                dso = m.group(2)
                samples[dso] = samples.get(dso, 0) + n
                total += n
    cmd = CMDS.add("perf record -e cpu-clock -F 20000 %s; perf report --sort dso" % shown(argv[:-1] + ["$T/out"]))
    rows = rep.section("(3) native time shares of one full set (%s; perf, cpu-clock samples of %d runs, "
                       "%d samples) %s" % (TARGET_SET_EXAMPLE, args.perf_runs, total, cmd),
                       ["where", "share"])
    for dso, n in sorted(samples.items(), key=lambda kv: -kv[1])[:12]:
        rows.append([dso, "%.1f %%" % (100.0 * n / max(1, total))])


# ---- (4) large inputs -------------------------------------------------------------

def gen(kind, n, path):
    subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), kind, str(n), path], check=True)
    return "python3 bench/gen.py %s %d $T/%s" % (kind, n, os.path.basename(path))


def bench_large(builds, args, tmp, rep):
    amokit = builds[0][1]
    rows = rep.section("(4) large inputs within the size cap (1 MiB, --max-size): one document a process, "
                       "-j 1; instructions under callgrind",
                       ["input", "document", "pages", "bytes/page", "A4 size", "instructions",
                        "peak RSS (median of %d)" % RSS_RUNS, "≤ %d MiB" % (TARGET_LARGE_RSS_KIB // 1024), "cmd"])
    out = os.path.join(tmp, "large-out")
    fresh_dir(out)
    ir = {}
    big_rss = (0, "")

    def one(label, xml, doc, gencmd, extra=(), count=True):
        nonlocal big_rss
        argv = [amokit, "render", xml, "-j", "1", "--only", doc] + list(extra) + ["-o", out]
        cmd = CMDS.add("%s && %s" % (gencmd, shown(argv[:-1] + ["$T/out"])))
        rss = peak_rss(argv)
        n = callgrind(argv, tmp)[0] if count and not args.no_callgrind else None
        path = os.path.join(out, doc + ".pdf")
        pages = pdf_pages(path) if os.path.exists(path) else 0
        size = os.path.getsize(path) if os.path.exists(path) else 0
        size_ok = "-" if doc == "aarshjul" or not pages else "✓" if size <= a4_limit(pages) else "✗"
        rows.append([label, doc, pages, "%.0f" % (size / pages) if pages else "-", size_ok, mega(n), kib(rss),
                     "✓" if 0 < rss <= TARGET_LARGE_RSS_KIB else "✗", cmd])
        if rss > big_rss[0]:
            big_rss = (rss, "%s, %s" % (label, doc))
        return n

    people = {}
    for n in (100, 1000):
        xml = os.path.join(tmp, "people-%d.xml" % n)
        g = gen("people", n, xml)
        for doc in DOCS:
            ir[(n, doc)] = one("%d participants" % n, xml, doc, g)
        people[n] = g
    xml = os.path.join(tmp, "people-2500.xml")
    g = gen("people", 2500, xml)
    one("2,500 participants", xml, "forberedelsesark", g, count=False)
    for n in (500, 5000):
        xml = os.path.join(tmp, "wheel-%d.xml" % n)
        g = gen("wheel", n, xml)
        ir[("wheel", n)] = one("%d activities" % n, xml, "aarshjul", g, ["--poster", "A1"])
    xml = os.path.join(tmp, "plan-1000.xml")
    g = gen("plan", 1000, xml)
    for doc in ("informationsark", "referat"):
        one("1,000 handleplan rows", xml, doc, g)

    srows = rep.section("(4b) scaling: instructions for 10x the input (target ≤ %gx)" % TARGET_SCALING,
                        ["case", "small", "large", "ratio"])
    for doc in DOCS:
        a, b = ir.get((100, doc)), ir.get((1000, doc))
        if a and b:
            srows.append(["%s, 100 -> 1,000 participants" % doc, mega(a), mega(b), "%.2fx" % (b / a)])
            rep.target("#24 %s, 1,000 vs 100 participants" % doc, "%.2fx" % (b / a), "≤ %gx" % TARGET_SCALING,
                       b / a <= TARGET_SCALING)
    a, b = ir.get(("wheel", 500)), ir.get(("wheel", 5000))
    if a and b:
        srows.append(["aarshjul (A1 + list), 500 -> 5,000 activities", mega(a), mega(b), "%.2fx" % (b / a)])
        rep.target("#24 årshjul, 5,000 vs 500 activities", "%.2fx" % (b / a), "≤ %gx" % TARGET_SCALING,
                   b / a <= TARGET_SCALING)
    rep.target("#24 peak RSS, largest input (%s)" % big_rss[1], kib(big_rss[0]),
               "≤ %d MiB" % (TARGET_LARGE_RSS_KIB // 1024), 0 < big_rss[0] <= TARGET_LARGE_RSS_KIB)


# ---- (5) sizes ------------------------------------------------------------------------

def a4_limit(pages):
    """Issue 24's size budget of an A4 document of pages pages."""
    return TARGET_A4_FIRST2 + TARGET_A4_PER_PAGE * max(0, pages - 2)


def bench_sizes(sizes_all, rep):
    rows = rep.section("(5) A4 documents: bytes per page (target: ≤ 20 KB for the first two pages, "
                       "≤ 5 KB per further page); sizes from (1)",
                       ["example", "document", "pages", "bytes", "per page", "limit", "ok"])
    worst = None
    for name, sizes in sorted(sizes_all.items()):
        for doc, (size, pages) in sorted(sizes.items()):
            if doc == "aarshjul":
                continue      # a poster (A2), then A4 list pages
            limit = a4_limit(pages)
            ok = size <= limit
            rows.append([name, doc, pages, size, "%.1f KB" % (size / 1024 / max(1, pages)),
                         "%.0f KB" % (limit / 1024), "✓" if ok else "✗"])
            margin = size / limit
            if worst is None or margin > worst[0]:
                worst = (margin, "%s/%s, %d p." % (name, doc, pages), size, limit)
    if worst:
        rep.target("#24 A4 sizes, tightest (%s)" % worst[1], "%.1f KB" % (worst[2] / 1024),
                   "≤ %.0f KB" % (worst[3] / 1024), worst[0] <= 1)


# ---- peers --------------------------------------------------------------------------------

def bench_typst(builds, args, tmp, rep):
    """Typst's warm, memo-cached batch of the same agenda (bench/typst.js)."""
    script = os.path.join(HERE, "typst.js")
    node = shutil.which("node")
    modules = os.environ.get("AMOKIT_TYPST_MODULES", os.path.join(ROOT, "build-bench", "node_modules"))
    if not node or not os.path.isdir(os.path.join(modules, "@myriaddreamin", "typst-ts-node-compiler")):
        rep.target("#24 batch vs Typst's warm batch (same agenda)", "n/a", "≥ %gx" % TARGET_TYPST_FACTOR, None,
                   cmd="(make bench-peers installs Typst's compiler from npm)")
        return
    env = dict(os.environ, NODE_PATH=modules)
    p = subprocess.run([node, script, os.path.join(ROOT, "examples", "kontor-27.xml"), str(args.typst_docs)],
                       capture_output=True, text=True, env=env)
    m = re.search(r"warm ms per document: ([\d.]+)", p.stdout)
    cmd = CMDS.add("NODE_PATH=build-bench/node_modules node bench/typst.js examples/kontor-27.xml %d"
                   % args.typst_docs)
    if not m:
        rep.target("#24 batch vs Typst's warm batch (same agenda)", "failed", "≥ %gx" % TARGET_TYPST_FACTOR, None,
                   cmd=cmd)
        sys.stderr.write(p.stderr[-2000:])
        return
    # amokit's batch of the same agenda: n copies of the workplace, -j 1.
    indir, outdir = os.path.join(tmp, "agenda-in"), os.path.join(tmp, "agenda-out")
    fresh_dir(indir)
    for i in range(args.typst_docs):
        shutil.copyfile(os.path.join(ROOT, "examples", "kontor-27.xml"), os.path.join(indir, "k%03d.xml" % i))
    argv = [builds[0][1], "batch", "-j", "1", "--only", "dagsorden", "-o", outdir, indir]
    t, rc, err = measure_builds([argv], args.batch_runs, before=lambda i: shutil.rmtree(outdir, True))[0]
    acmd = CMDS.add("mkdir $T/in; for i in $(seq %d); do cp examples/kontor-27.xml $T/in/k$i.xml; done; %s"
                    % (args.typst_docs, shown(argv[:7] + ["$T/out", "$T/in"])))
    per_doc = (t.median / args.typst_docs, (t.user + t.sys) / args.typst_docs) if t else None
    typst = float(m.group(1))
    mc = re.search(r"warm CPU ms per document: ([\d.]+)", p.stdout)
    typst_cpu = float(mc.group(1)) if mc else None
    rows = rep.section("(6) Typst 0.14 (typst-ts-node-compiler), warm and memo-cached, one process: the agenda "
                       "of kontor-27 compiled %d times %s" % (args.typst_docs, cmd),
                       ["", "wall ms per document", "CPU ms per document"])
    rows.append(["Typst, warm (median)", "%.3f" % typst, "%.3f" % typst_cpu if typst_cpu else "-"])
    if per_doc:
        rows.append(["amokit batch -j 1 --only dagsorden, per document %s" % acmd, "%.3f" % per_doc[0],
                     "%.3f" % per_doc[1]])
        rep.target("#24 batch -j 1 vs Typst's warm batch, wall", "%.1fx" % (typst / per_doc[0]),
                   "≥ %gx" % TARGET_TYPST_FACTOR, typst / per_doc[0] >= TARGET_TYPST_FACTOR, wall=True, cmd=cmd)
        if typst_cpu:
            rep.target("#24 batch -j 1 vs Typst's warm batch, CPU time", "%.1fx" % (typst_cpu / per_doc[1]),
                       "≥ %gx" % TARGET_TYPST_FACTOR, typst_cpu / per_doc[1] >= TARGET_TYPST_FACTOR, cmd=cmd)


def bench_wheel(builds, args, tmp, rep):
    xml = os.path.join(tmp, "wheel-500.xml")
    g = gen("wheel", 500, xml)
    outs = [os.path.join(tmp, "wheel-out-%d" % i) for i in range(len(builds))]
    argvs = [[b, "render", xml, "--only", "aarshjul", "--poster", "A1", "-o", o] for (_, b), o in zip(builds, outs)]
    for o in outs:
        fresh_dir(o)
    t, rc, err = measure_builds(argvs[:1], args.runs)[0]
    cmd = CMDS.add("%s && %s" % (g, shown(argvs[0][:-1] + ["$T/out"])))
    if t is None:
        rep.target("#7 A1 årshjul, 500 activities, median", "failed", "≤ %g ms" % TARGET_WHEEL_MS, False, cmd=cmd)
        return
    rep.target("#7 A1 årshjul, 500 activities, median", "%.1f ms" % t.median, "≤ %g ms" % TARGET_WHEEL_MS,
               t.median <= TARGET_WHEEL_MS, wall=True, cmd=cmd)


def measure(argv, runs):
    """Median ms, peak RSS KiB, exit code and stderr of argv (for peers)."""
    t, rc, err = measure_builds([argv], runs)[0]
    return (t.median if t else None), (peak_rss(argv) if t else 0), rc, err


def peers(amokit, runs):
    """The same agenda by amokit and by Apache FOP, timed in one run."""
    ex = os.path.join(ROOT, "examples", "kontor-27.xml")
    with tempfile.TemporaryDirectory(prefix="amokit-peers.") as tmp:
        ours = [amokit, "render", ex, "--only", "dagsorden", "-o", tmp]
        fop = ["fop", "-q", "-xml", ex, "-xsl", os.path.join(HERE, "dagsorden.xsl"), "-param", "layout",
               os.path.join(ROOT, "layouts", "dagsorden.xml"), "-param", "messages",
               os.path.join(ROOT, "layouts", "messages", "da.xml"), "-pdf", os.path.join(tmp, "fop.pdf")]
        a_ms, a_rss, a_rc, a_err = measure(ours, runs)
        f_ms, f_rss, f_rc, f_err = measure(fop, runs)
        if a_ms is None or f_ms is None:
            sys.stderr.write((a_err if a_ms is None else f_err)[-2000:])
            print("peers: a run failed (amokit exit %d, fop exit %d)" % (a_rc, f_rc))
            return 1
        a_size = os.path.getsize(os.path.join(tmp, "dagsorden.pdf"))
        f_size = os.path.getsize(os.path.join(tmp, "fop.pdf"))
        a_pages = subprocess.run(["pdfinfo", os.path.join(tmp, "dagsorden.pdf")], capture_output=True,
                                 text=True).stdout
        f_pages = subprocess.run(["pdfinfo", os.path.join(tmp, "fop.pdf")], capture_output=True,
                                 text=True).stdout
        pages = lambda t: (re.search(r"Pages:\s+(\d+)", t) or re.search("()", "")).group(1) or "?"
        print("the agenda of examples/kontor-27.xml, whole process, medians of %d runs\n" % runs)
        print("%-22s %10s %10s %10s %6s" % ("program", "median", "peak RSS", "PDF bytes", "pages"))
        print("%-22s %7.1f ms %10s %10d %6s" % ("amokit", a_ms, kib(a_rss), a_size, pages(a_pages)))
        print("%-22s %7.1f ms %10s %10d %6s" % ("Apache FOP (XSL-FO)", f_ms, kib(f_rss), f_size, pages(f_pages)))
        print("\namokit is %.1f× faster than Apache FOP here" % (f_ms / a_ms))
        print("(FOP sets the base-14 Helvetica without embedding it; amokit embeds its font subsets)")
    return 0


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--peers":
        return peers(os.path.abspath(sys.argv[2]), int(os.environ.get("BENCH_RUNS", "10")))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("amokit", nargs="+", help="[LABEL=]binary; the first is the default build")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "15")))
    ap.add_argument("--batch", type=int, default=int(os.environ.get("BENCH_BATCH", "200")))
    ap.add_argument("--batch-runs", type=int, default=int(os.environ.get("BENCH_BATCH_RUNS", "3")))
    ap.add_argument("--perf-runs", type=int, default=int(os.environ.get("BENCH_PERF_RUNS", "10")))
    ap.add_argument("--typst-docs", type=int, default=int(os.environ.get("BENCH_TYPST_DOCS", "50")))
    ap.add_argument("--no-callgrind", action="store_true")
    ap.add_argument("--no-large", action="store_true")
    ap.add_argument("--fifo", action="store_true", default=os.environ.get("BENCH_FIFO", "") not in ("", "0"),
                    help="time every process under SCHED_FIFO (chrt -f 1); BENCH_FIFO=1")
    args = ap.parse_args()
    global FIFO
    FIFO = args.fifo and fifo(True) and fifo(False)
    if args.fifo and not FIFO:
        print("bench: --fifo needs root or CAP_SYS_NICE (sched_setscheduler); timing as usual")
    builds = []
    for i, a in enumerate(args.amokit):
        label, _, path = a.rpartition("=")
        builds.append((label or ("default" if i == 0 else "build %d" % i), os.path.abspath(path)))
    load = load_average()
    busy = load is not None and load[0] > BUSY_LOAD and not FIFO
    rep = Report(busy)
    print("amokit benchmark: %s; %d CPUs; load average %s"
          % (", ".join("%s %s" % (l, os.path.relpath(b, ROOT)) for l, b in builds), os.cpu_count(),
             " ".join("%.2f" % x for x in load) if load else "unknown"))
    if FIFO:
        print("every timed process runs under SCHED_FIFO (chrt -f 1): wall clock as on a quiet machine, "
              "judged whatever the load\n")
    if busy:
        print("WARNING: the machine is busy (load %.2f > %g): wall-clock medians and minimums say little, "
              "and their targets are not judged (?).\n         Instruction counts, page faults and peak RSS "
              "do not depend on the load." % (load[0], BUSY_LOAD))
    print("native instruction counts (perf stat): %s\n" % (
        "available" if perf_counts_instructions() else
        "not available on this machine (no hardware counters: a virtual machine); callgrind counts instead"))
    with tempfile.TemporaryDirectory(prefix="amokit-bench.") as tmp:
        sizes = bench_sets(builds, args, tmp, rep)
        bench_batch(builds, args, tmp, rep)
        bench_wheel(builds, args, tmp, rep)
        bench_perf(builds, args, tmp, rep)
        if not args.no_large:
            bench_large(builds, args, tmp, rep)
        bench_sizes(sizes, rep)
        bench_typst(builds, args, tmp, rep)
    rep.print()
    end = load_average()
    if end:
        print("\nload average at the end: %s" % " ".join("%.2f" % x for x in end))
    return 0


if __name__ == "__main__":
    sys.exit(main())
