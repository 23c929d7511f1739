#!/bin/sh
# aarshjul.sh: the årshjul poster end to end. Renders the four examples at
# A3 and A1, portrait and landscape, blank, tiled on A4 and with the legal
# rhythm, plus generated plans of 300 and 500 activities (titles up to 80
# characters, 40 in one week) and the benchmark's plans of 500 and 5000
# (their list continues on further pages); every PDF must pass
# pdfcheck.py --margin 8 and show every activity's title or its number. Prints the median time of
# the 500-activity A1 render (informational; the target is 50 ms).
# env: AMOKIT (the binary), run from the repository root.
set -u
AMOKIT=${AMOKIT:-build/amokit}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }

# check PDF [WORKPLACE]: pdfcheck, then every activity by title or number
check() {
	python3 tests/pdfcheck.py --margin 8 "$1" >"$T/pc.out" 2>&1 || { no "$1"; cat "$T/pc.out"; }
	[ $# -ge 2 ] || return 0
	pdftotext -raw "$1" "$T/text.txt" 2>/dev/null || { no "pdftotext $1"; return; }
	python3 - "$2" "$T/text.txt" <<'EOF' || no "activities missing in $1"
import re, sys
xml = open(sys.argv[1], encoding="utf-8").read()
# -raw keeps content-stream order, so a label set along the arc comes out
# in one piece even though its glyphs are scattered; compare without
# whitespace and without hyphens added at line breaks in the list
text = re.sub(r"\s+", "", open(sys.argv[2], encoding="utf-8").read())
unesc = lambda s: s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
acts = re.findall(r"<activity\b.*?</activity>", xml, re.S)
titles = [unesc(re.search(r"<title>(.*?)</title>", a, re.S).group(1)) for a in acts]
flat = lambda t: re.sub(r"\s+", "", t)
missing = [t for t in titles if flat(t) not in text and flat(t).replace("-", "") not in text.replace("-", "")]
for t in missing[:5]:
    print("missing:", t)
print("%d of %d activities found" % (len(titles) - len(missing), len(titles))) if missing else None
sys.exit(1 if missing else 0)
EOF
}

render() {   # render OUTDIR ARGS...
	out=$1; shift
	mkdir -p "$out"
	"$AMOKIT" "$@" -o "$out" >"$T/log" 2>&1 || { no "amokit $*"; cat "$T/log"; return 1; }
}

for ex in examples/*.xml; do
	n=$(basename "$ex" .xml)
	for size in A3 A1; do
		for orient in portrait landscape; do
			flag=""; [ "$orient" = landscape ] && flag=--landscape
			d="$T/$n-$size-$orient"
			render "$d" render "$ex" --only aarshjul --poster "$size" $flag && check "$d/aarshjul.pdf" "$ex"
		done
	done
	# tiles cut words at their edges by design: check the file, not the words
	if render "$T/$n-tile" render "$ex" --only aarshjul --poster A1 --tile A4; then
		f="$T/$n-tile/aarshjul.pdf"
		qpdf --check "$f" >/dev/null 2>&1 || no "qpdf --check $f"
		[ "$(pdfinfo "$f" | sed -n 's/^Pages: *//p')" -gt 4 ] || no "$f: too few tiles"
	fi
	render "$T/$n-rhythm" render "$ex" --only aarshjul --poster A2 --with-rhythm && check "$T/$n-rhythm/aarshjul.pdf" "$ex"
done
for size in A3 A1; do
	render "$T/blank-$size" blank --only aarshjul --poster "$size" && check "$T/blank-$size/aarshjul.pdf"
done

# generated plans: N activities, 40 in ISO week 23, titles up to 80 characters
gen() {
	python3 - "$1" "$2" <<'EOF'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
words = ["Møde", "APV", "runde", "kursus", "opfølgning", "trivsel", "brandøvelse", "kemi",
         "evaluering", "sikkerhed", "ergonomi", "arbejdsmiljøgruppen", "førstehjælp"]
rings = [("m", "#0072B2", "Møder"), ("a", "#E69F00", "APV"), ("u", "#009E73", "Uddannelse"),
         ("r", "#CC79A7", "Runderinger"), ("t", "#D55E00", "Trivsel")]
out = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<workplace xmlns="urn:amokit:workplace:2" version="2">',
       "  <name>Stress Plejecenter</name>", "  <headcount>140</headcount>",
       "  <meeting><date>2026-02-10</date><covers-year>2026</covers-year></meeting>",
       '  <wheel year="2026">']
out += ['    <ring id="%s" colour="%s">%s</ring>' % r for r in rings]
for i in range(n):
    want = 80 if i % 10 == 0 else 8 + (i * 7) % 30
    t = "A%d" % i
    k = i
    while len(t) < want:
        t += " " + words[k % len(words)]
        k += 3
    t = t[:want].rstrip()
    if i < 40:
        when = "<date>2026-06-%02d</date>" % (1 + i % 7)
    elif i % 9 == 0:
        m = 1 + i % 11
        when = '<period from="2026-%02d-03" to="2026-%02d-02"/>' % (m, m + 1)
    elif i % 13 == 0:
        when = "<month>%d</month>" % (1 + i % 12)
    else:
        when = "<date>2026-%02d-%02d</date>" % (1 + (i * 5) % 12, 1 + (i * 11) % 28)
    out += ['    <activity ring="%s">' % rings[i % 5][0], "      <title>%s</title>" % t,
            "      " + when, "    </activity>"]
out += ["  </wheel>", "</workplace>", ""]
open(path, "w", encoding="utf-8").write("\n".join(out))
EOF
}
for n in 300 500; do
	gen $n "$T/plan$n.xml"
	"$AMOKIT" check "$T/plan$n.xml" >"$T/log" 2>&1 || { no "generated plan $n is invalid"; cat "$T/log"; continue; }
	render "$T/plan$n" render "$T/plan$n.xml" --only aarshjul --poster A1 && check "$T/plan$n/aarshjul.pdf" "$T/plan$n.xml"
done

# the benchmark's plans (long titles with responsible persons) are never
# refused: the numbered list goes on over further pages of the poster's size
for n in 500 5000; do
	python3 bench/gen.py wheel $n "$T/bench$n.xml" || { no "bench/gen.py wheel $n"; continue; }
	for size in A3 A2 A1; do
		[ $n = 5000 ] && [ $size = A2 ] && continue
		d="$T/bench$n-$size"
		render "$d" render "$T/bench$n.xml" --only aarshjul --poster "$size" && check "$d/aarshjul.pdf" "$T/bench$n.xml"
		[ -f "$d/aarshjul.pdf" ] && [ "$(pdfinfo "$d/aarshjul.pdf" | sed -n 's/^Pages: *//p')" -gt 1 ] || no "$d: no list pages"
	done
done

# informational: median wall time of the benchmark's 500-activity A1 render
if [ -f "$T/bench500-A1/aarshjul.pdf" ]; then
	python3 - "$AMOKIT" "$T/bench500.xml" "$T/time" <<'EOF'
import os, statistics, subprocess, sys, time
amokit, plan, out = sys.argv[1:]
os.makedirs(out, exist_ok=True)
runs = []
for _ in range(11):
    t = time.perf_counter()
    subprocess.run([amokit, "render", plan, "--only", "aarshjul", "--poster", "A1", "-o", out],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    runs.append((time.perf_counter() - t) * 1000)
print("aarshjul: 500 activities at A1: median %.1f ms over %d runs (target 50 ms)" % (statistics.median(runs), len(runs)))
EOF
fi

[ $fail = 0 ] && echo "aarshjul.sh: all passed"
exit $fail
