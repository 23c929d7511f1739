#!/usr/bin/env python3
"""bench.py: amokit's benchmark, whole-process runs, one table.

  bench.py [LABEL=]AMOKIT [[LABEL=]AMOKIT...] [--runs N] [--batch N] [--jobs N]
           [--no-callgrind]

The first binary is the default build, which the targets are about; every
further one (make bench passes the STATIC=yes build) is measured in the same
runs, interleaved with it run by run so that both see the same machine, and
gets a row of its own under each case.

Measures, each as the median of several runs of the whole process:
  (1) the full set of documents for each example in examples/;
  (2) a batch of N workplaces (variations of the examples, bench/gen.py) with
      one worker per CPU, reported per document;
  (3) an A1 årshjul with 500 activities;
and for each the peak RSS of the largest process (GNU time's %M, which
covers the batch's workers), the PDF sizes, and for (1) the instruction count
under callgrind (stable where wall times are noisy). Then the targets, each
with ✓ or ✗. Exit status 0 whatever the targets say: this is a report.
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

TARGET_SET_MS = 25.0
TARGET_BATCH_MS_PER_DOC = 2.0
TARGET_A4_BYTES = 20 * 1024
TARGET_RSS_KIB = 12 * 1024
TARGET_WHEEL_MS = 50.0


def run_once(argv):
    """Runs argv; returns (seconds, peak RSS in KiB, exit code, stderr)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return secs, ru.ru_maxrss, p.returncode, err.decode("utf-8", "replace")


def peak_rss(argv):
    """Peak RSS (KiB) of the largest process of one more run. Taken through
    GNU time, whose child starts from a small process: a child forked from
    Python would carry Python's own high-water mark through exec."""
    if not os.path.exists("/usr/bin/time"):
        return run_once(argv)[1]
    with tempfile.NamedTemporaryFile("r", prefix="amokit-rss.") as f:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        text = f.read().strip().splitlines()
        return int(text[-1]) if text and text[-1].isdigit() else 0


def measure(argv, runs, before=None, warmup=1):
    """Median wall time (ms), peak RSS (KiB), last exit code and stderr."""
    return measure_builds([argv], runs, before and (lambda i: before()), warmup)[0]


def measure_builds(argvs, runs, before=None, warmup=1):
    """measure() for several command lines (one per build), run in turn,
    the order alternating from run to run; before(i) prepares a run of
    argvs[i]. One (median ms, peak RSS KiB, exit code, stderr) per build."""
    times = [[] for _ in argvs]
    last = [(0, "")] * len(argvs)
    failed = [False] * len(argvs)
    for r in range(warmup + runs):
        order = range(len(argvs)) if r % 2 == 0 else reversed(range(len(argvs)))
        for i in order:
            if failed[i]:
                continue
            if before:
                before(i)
            secs, _, rc, err = run_once(argvs[i])
            last[i] = (rc, err)
            if rc != 0 and r == 0:
                failed[i] = True
            elif r >= warmup:
                times[i].append(secs * 1000)
    out = []
    for i, argv in enumerate(argvs):
        if failed[i]:
            out.append((None, 0, last[i][0], last[i][1]))
            continue
        if before:
            before(i)
        out.append((statistics.median(times[i]), peak_rss(argv), last[i][0], last[i][1]))
    return out


def build_rows(table, builds, results, docs=None):
    """A row per further build: its median (and per document), peak RSS."""
    for (label, _), (ms, rss, rc, _) in list(zip(builds, results))[1:]:
        if ms is None:
            table.row("      %s build" % label, "failed (exit %d)" % rc, "", "", "", "")
        else:
            table.row("      %s build" % label, "%.1f ms" % ms,
                      "%.2f ms" % (ms / docs) if docs else "", kib(rss), "", "")


def callgrind_ir(argv, tmp):
    if not shutil.which("valgrind"):
        return None
    out = os.path.join(tmp, "callgrind.out")
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"refs:\s+([\d,]+)", p.stderr)
    return int(m.group(1).replace(",", "")) if m else None


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)


def mark(ok):
    return "✓" if ok else "✗"


def kib(n):
    return "%.1f MiB" % (n / 1024) if n else "-"


class Table:
    def __init__(self):
        self.rows = []
        self.targets = []
        self.notes = []

    def row(self, *cells):
        self.rows.append([str(c) for c in cells])

    def target(self, what, value, limit, ok):
        self.targets.append((what, value, limit, ok))

    def print(self):
        head = ["case", "median", "per doc", "peak RSS", "instructions", "PDF bytes"]
        rows = [head] + self.rows
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        line = "  ".join("-" * w for w in widths)
        for i, r in enumerate(rows):
            print("  ".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths))))
            if i == 0:
                print(line)
        for n in self.notes:
            print(n)
        print()
        print("targets")
        for what, value, limit, ok in self.targets:
            print("  %s %-44s %14s  (target %s)" % (mark(ok), what, value, limit))
        met = sum(1 for t in self.targets if t[3])
        print("\n%d of %d targets met" % (met, len(self.targets)))


def pdf_sizes(outdir):
    return {os.path.basename(p)[:-4]: os.path.getsize(p) for p in glob.glob(os.path.join(outdir, "*.pdf"))}


def pdf_pages(path):
    """Page objects in a PDF (amokit writes no object streams)."""
    with open(path, "rb") as f:
        return len(re.findall(rb"/Type\s*/Page(?![s\w])", f.read()))


def bench_sets(builds, args, tmp, table):
    amokit = builds[0][1]
    biggest_a4 = (0, "")      # one- and two-page A4 documents, like the agenda
    per_page = (0, "")        # longer ones, per page
    rss_all = 0
    for ex in sorted(glob.glob(os.path.join(ROOT, "examples", "*.xml"))):
        name = os.path.basename(ex)[:-4]
        outs = [os.path.join(tmp, "set-%s-%d" % (name, i)) for i in range(len(builds))]
        for o in outs:
            fresh_dir(o)
        out = outs[0]
        argv = [amokit, "render", ex, "-o", out]
        results = measure_builds([[b, "render", ex, "-o", o] for (_, b), o in zip(builds, outs)], args.runs)
        ms, rss, rc, err = results[0]
        if ms is None:
            table.row("(1) full set " + name, "failed (exit %d)" % rc, "", "", "", "")
            table.target("full set " + name, "failed", "%g ms" % TARGET_SET_MS, False)
            sys.stderr.write(err)
            continue
        sizes = pdf_sizes(out)
        ir = None if args.no_callgrind else callgrind_ir(argv, tmp)
        total = sum(sizes.values())
        table.row("(1) full set " + name, "%.1f ms" % ms, "%.2f ms" % (ms / max(1, len(sizes))),
                  kib(rss), "{:,}".format(ir) if ir else "-", "%d in %d" % (total, len(sizes)))
        build_rows(table, builds, results, max(1, len(sizes)))
        for doc, size in sorted(sizes.items()):
            pages = pdf_pages(os.path.join(out, doc + ".pdf"))
            table.row("      %s (%d p.)" % (doc, pages), "", "", "", "", size)
            if doc == "aarshjul":
                continue
            if pages <= 2 and size > biggest_a4[0]:
                biggest_a4 = (size, "%s/%s" % (name, doc))
            if pages > 2 and size / pages > per_page[0]:
                per_page = (size / pages, "%s/%s, %d pages, %.1f KB" % (name, doc, pages, size / 1024))
        table.target("full set, one workplace: " + name, "%.1f ms" % ms, "≤ %g ms" % TARGET_SET_MS,
                     ms <= TARGET_SET_MS)
        rss_all = max(rss_all, rss)
    if biggest_a4[1]:
        table.target("largest 1-2 page A4 document (%s)" % biggest_a4[1], "%.1f KB" % (biggest_a4[0] / 1024),
                     "≤ 20 KB", biggest_a4[0] <= TARGET_A4_BYTES)
    if per_page[1]:
        table.notes.append("longer A4 documents: at most %.1f KB per page (%s)" % (per_page[0] / 1024, per_page[1]))
    return rss_all


def bench_batch(builds, args, tmp, table):
    amokit = builds[0][1]
    help_text = subprocess.run([amokit, "batch", "--help"], capture_output=True, text=True).stdout
    what = "(2) batch of %d" % args.batch
    if "--jobs" not in help_text:
        table.row(what, "no batch command", "", "", "", "")
        table.target("batch, per document", "n/a", "≤ %g ms" % TARGET_BATCH_MS_PER_DOC, False)
        return 0
    indir = os.path.join(tmp, "batch-in")
    outdirs = [os.path.join(tmp, "batch-out-%d" % i) for i in range(len(builds))]
    outdir = outdirs[0]
    subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "batch", str(args.batch), indir],
                   check=True)
    argvs = []
    for (_, b), o in zip(builds, outdirs):
        argv = [b, "batch", "-o", o, indir]
        if args.jobs:
            argv[2:2] = ["-j", str(args.jobs)]
        argvs.append(argv)
    results = measure_builds(argvs, args.batch_runs, before=lambda i: shutil.rmtree(outdirs[i], True),
                             warmup=0)
    ms, rss, rc, err = results[0]
    if ms is None:
        table.row(what, "failed (exit %d)" % rc, "", "", "", "")
        table.target("batch, per document", "failed", "≤ %g ms" % TARGET_BATCH_MS_PER_DOC, False)
        sys.stderr.write(err[-2000:])
        return rss
    docs = glob.glob(os.path.join(outdir, "*", "*.pdf"))
    per_doc = ms / max(1, len(docs))
    total = sum(os.path.getsize(p) for p in docs)
    table.row(what, "%.0f ms" % ms, "%.2f ms" % per_doc, kib(rss), "-",
              "%d in %d" % (total, len(docs)))
    build_rows(table, builds, results, max(1, len(docs)))
    table.target("batch of %d (%d documents), per document" % (args.batch, len(docs)),
                 "%.2f ms" % per_doc, "≤ %g ms" % TARGET_BATCH_MS_PER_DOC,
                 per_doc <= TARGET_BATCH_MS_PER_DOC)
    return rss


def bench_wheel(builds, args, tmp, table):
    xml = os.path.join(tmp, "wheel-500.xml")
    outs = [os.path.join(tmp, "wheel-out-%d" % i) for i in range(len(builds))]
    for o in outs:
        fresh_dir(o)
    out = outs[0]
    subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "wheel", "500", xml], check=True)
    argv = [builds[0][1], "render", xml, "--only", "aarshjul", "--poster", "A1", "-o", out]
    results = measure_builds([[b] + argv[1:-1] + [o] for (_, b), o in zip(builds, outs)], args.runs)
    ms, rss, rc, err = results[0]
    if ms is None:
        rss = peak_rss(argv)
        reason = err.strip().splitlines()[-1] if err.strip() else "exit %d" % rc
        reason = reason.replace(xml, "wheel-500.xml")
        table.row("(3) A1 årshjul, 500 activities", "refused", "", kib(rss), "", "")
        table.target("A1 årshjul, 500 activities", "refused", "≤ %g ms" % TARGET_WHEEL_MS, False)
        table.notes.append("(3) " + reason)
        return rss
    size = sum(pdf_sizes(out).values())
    table.row("(3) A1 årshjul, 500 activities", "%.1f ms" % ms, "", kib(rss), "-", size)
    build_rows(table, builds, results)
    table.target("A1 årshjul, 500 activities", "%.1f ms" % ms, "≤ %g ms" % TARGET_WHEEL_MS,
                 ms <= TARGET_WHEEL_MS)
    return rss


def peers(amokit, runs):
    """The same agenda by amokit and by Apache FOP, timed in one run."""
    ex = os.path.join(ROOT, "examples", "kontor-27.xml")
    with tempfile.TemporaryDirectory(prefix="amokit-peers.") as tmp:
        ours = [amokit, "render", ex, "--only", "dagsorden", "-o", tmp]
        fop = ["fop", "-q", "-xml", ex, "-xsl", os.path.join(HERE, "dagsorden.xsl"), "-param", "layout",
               os.path.join(ROOT, "layouts", "dagsorden.xml"), "-pdf", os.path.join(tmp, "fop.pdf")]
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
        runs = int(os.environ.get("BENCH_RUNS", "10"))
        return peers(os.path.abspath(sys.argv[2]), runs)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("amokit", nargs="+", help="[LABEL=]binary; the first is the default build")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "15")))
    ap.add_argument("--batch", type=int, default=int(os.environ.get("BENCH_BATCH", "1000")))
    ap.add_argument("--batch-runs", type=int, default=int(os.environ.get("BENCH_BATCH_RUNS", "3")))
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--no-callgrind", action="store_true")
    args = ap.parse_args()
    builds = []
    for i, a in enumerate(args.amokit):
        label, _, path = a.rpartition("=")
        builds.append((label or ("default" if i == 0 else "build %d" % i), os.path.abspath(path)))
    table = Table()
    with tempfile.TemporaryDirectory(prefix="amokit-bench.") as tmp:
        print("amokit benchmark: %s, %d CPUs, medians of %d runs (batch: %d runs)"
              % (", ".join("%s %s" % (l, os.path.relpath(b)) for l, b in builds), os.cpu_count(),
                 args.runs, args.batch_runs))
        print("targets: the %s build; further builds interleaved with it, run by run\n" % builds[0][0])
        rss = [bench_sets(builds, args, tmp, table), bench_batch(builds, args, tmp, table),
               bench_wheel(builds, args, tmp, table)]
    peak = max(rss)
    table.target("peak RSS, largest process of any case", kib(peak), "≤ %d MiB" % (TARGET_RSS_KIB // 1024),
                 0 < peak <= TARGET_RSS_KIB)
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
