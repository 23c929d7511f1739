#!/bin/sh
# sizes.sh: what the documents weigh (issues 22 and 24). Renders every
# example's full set and the blank set with amokit, and once more without
# structure trees (tests/untagged_render.c: the same files but for the
# tags), and checks
#   - issue 24: an A4 document is at most 20 KiB for its first two pages
#     plus 5 KiB for each further page (the årshjul, a poster, is not A4);
#   - issue 22: tagging adds at most 15 % to a file.
# A kind of document that cannot meet a target today is held to the
# ceiling CEILING below gives it instead (why: bench/NOTES.md, "What
# tagging costs"), so that it cannot grow unnoticed; every figure is
# printed, each miss of an issue's target marked, and a last line counts
# the documents within each target.
# Run from the repository root with AMOKIT and BUILD set (tools/runtests.sh).
set -u
AMOKIT=${AMOKIT:-build/amokit}
B=${BUILD:-build}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=1767225600
fail() { echo "sizes: $*"; exit 1; }
[ -x "$B/tests/untagged_render" ] || fail "no $B/tests/untagged_render (make test builds it)"
for x in examples/*.xml; do
	n=$(basename "$x" .xml)
	mkdir -p "$TMP/t/$n" "$TMP/u/$n"
	"$AMOKIT" render "$x" -o "$TMP/t/$n" > /dev/null || fail "render $x"
	"$B/tests/untagged_render" "$x" "$TMP/u/$n" || fail "untagged_render $x"
done
mkdir -p "$TMP/t/blank" "$TMP/u/blank"
"$AMOKIT" blank -o "$TMP/t/blank" > /dev/null || fail "blank"
"$B/tests/untagged_render" --blank "$TMP/u/blank" || fail "untagged_render --blank"

python3 - "$TMP" <<'PY'
import os, re, subprocess, sys

tmp = sys.argv[1]
KIB = 1024
TAG_TARGET = 15.0            # issue 22: per cent added by tagging
# Kinds of document above a target today, held to a ceiling instead:
# (per cent added by tagging, size as a multiple of issue 24's budget).
# Why they are above: bench/NOTES.md, "What tagging costs".
# The shares are of the untagged file, which one-byte text codes made
# smaller (pdf_font.h): the same tags are a larger share of it.
CEILING = {
    "referat": (150.5, 1.96),         # PDF/A-1a: PDF 1.4, no object streams
    "forberedelsesark": (45.0, 1.0),
    "dagsorden": (31.0, 1.06),
    "arbejdsark": (21.0, 1.0),
    "informationsark": (20.5, 1.0),
    "aarshjul": (24.0, None),         # a poster, not A4: no budget
}
bad = 0
rows, tag_ok, size_ok, n, n_a4 = [], 0, 0, 0, 0
for name in sorted(os.listdir(tmp + "/t")):
    for f in sorted(os.listdir("%s/t/%s" % (tmp, name))):
        doc = f[:-4]
        t = os.path.getsize("%s/t/%s/%s" % (tmp, name, f))
        u = os.path.getsize("%s/u/%s/%s" % (tmp, name, f))
        info = subprocess.run(["pdfinfo", "%s/t/%s/%s" % (tmp, name, f)], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        tag_max, size_max = CEILING.get(doc, (TAG_TARGET, 1.0))
        added = 100.0 * (t - u) / u
        budget = 20 * KIB + 5 * KIB * max(0, pages - 2)
        notes = []
        n += 1
        if added <= TAG_TARGET:
            tag_ok += 1
        else:
            notes.append("tags over 15 %")
        if added > tag_max:
            notes.append("FAIL: over this kind's ceiling of %.0f %%" % tag_max)
            bad += 1
        if doc != "aarshjul":
            n_a4 += 1
            if t <= budget:
                size_ok += 1
            else:
                notes.append("over budget")
            if t > budget * size_max:
                notes.append("FAIL: over %.2f x the budget" % size_max)
                bad += 1
        rows.append("%-16s %-17s %3d p. %7d %7d %+6.1f %% %7s %s" % (
            name, doc, pages, u, t, added, budget if doc != "aarshjul" else "-", "; ".join(notes)))
print("%-16s %-17s %6s %7s %7s %8s %7s" % ("set", "document", "pages", "untag.", "tagged", "tags", "budget"))
print("\n".join(rows))
print("issue 22: %d of %d documents tagged within 15 %%; issue 24: %d of %d A4 documents within budget"
      % (tag_ok, n, size_ok, n_a4))
print("sizes: %s" % ("ok" if not bad else "%d over a ceiling" % bad))
sys.exit(1 if bad else 0)
PY
