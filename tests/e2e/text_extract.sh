#!/bin/sh
# text_extract.sh: every character comes back from the PDF (issue 15).
#
# 1. Names in the scripts today's fonts cover (Danish, Polish, Czech,
#    Hungarian, Romanian, Turkish, Lithuanian, Latvian, Icelandic, German,
#    French, Welsh, ...) come back from pdftotext through the fonts' ToUnicode
#    maps, upright, and turned inside a label's span; the file has no
#    /ActualText but those spans'.
# 2. Characters the fonts lack (CJK, Greek and Cyrillic until the fonts
#    carry them, Thai, Armenian, an emoji, ț with comma below) print as a
#    replacement mark and still come back, through /ActualText; and
#    pdftotext never returns U+FFFD for them. (Right-to-left scripts are
#    left out: pdftotext reorders them for display.)
# 3. Every month name and every activity title of each example's årshjul
#    is found by pdftotext in the poster (labels set along the arcs).
# Every file also passes tests/pdfcheck.py (fonts: CID TrueType, uni yes).
# Run from the repository root with AMOKIT and BUILD set (tools/runtests.sh).
set -eu
AMOKIT=${AMOKIT:-build/amokit}
B=${BUILD:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "text_extract: $*"; exit 1; }
driver=$B/tests/render_driver
[ -x "$driver" ] || fail "no $driver (make test builds it)"

cat > "$T/covered.txt" <<'EOF'
Søren Ærbø Åkjær Østergård
Łukasz Wiśniewski Żółć
Dvořák Růžena Šťastná
Dóra Kovács Győző Tőkés
Ștefan Bălănescu Ioana Șerban
Çağla Öztürk Işıl Ağaoğlu
Rūta Žemaitė Jonas Čiurlionis
Jānis Bērziņš Līga Ķīse
Ævar Þórsson Guðrún Sigurðardóttir
Jürgen Groß Müßig
François Lefèvre Cœur Noël
Ŵyn Ŷr Ẅrecsam
„citat“ – ‘enkelt’ … € • ‰ ™ 70 %
EOF
cat > "$T/missing.txt" <<'EOF'
王小明 李雷
Γιώργος Παπαδόπουλος
Олександр Ґонта Їжак
สมชาย Հայկ
Nguyễn Thị Ánh
Țurcanu Țepeș
ok 👍 ✓ ≤ ≥ →
EOF
"$driver" "$T/covered.pdf" lines "$T/covered.txt" || fail "driver failed (covered)"
"$driver" "$T/missing.pdf" lines "$T/missing.txt" || fail "driver failed (missing)"
python3 tests/pdfcheck.py --no-overlap "$T/covered.pdf" "$T/missing.pdf" > "$T/pc.txt" ||
	fail "pdfcheck: $(cat "$T/pc.txt")"

python3 - "$T" <<'EOF' || fail "text did not come back"
import subprocess, sys, unicodedata, zlib, re
T = sys.argv[1]
bad = 0

def text_of(pdf, page):
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"],
                         capture_output=True, text=True)
    if out.stderr.strip():
        raise SystemExit("pdftotext warns: " + out.stderr.strip())
    return unicodedata.normalize("NFC", out.stdout)

def squash(s):
    return " ".join(s.split())

def actual_text_spans(pdf):
    data = open(pdf, "rb").read()
    n = 0
    for m in re.finditer(rb"/Length (\d+) ?/Filter ?/FlateDecode>>\nstream\n", data):
        body = data[m.end():m.end() + int(m.group(1))]
        try:
            n += zlib.decompress(body).count(b"/ActualText")
        except zlib.error:
            pass
    return n

for name in ("covered", "missing"):
    lines = [l for l in open("%s/%s.txt" % (T, name), encoding="utf-8").read().splitlines() if l]
    for i, line in enumerate(lines, 1):
        got = squash(text_of("%s/%s.pdf" % (T, name), i))
        want = squash(unicodedata.normalize("NFC", line))
        # upright once, and the turned copy once more
        if got.count(want) < 2:
            print("%s page %d: %r not found twice in %r" % (name, i, want, got))
            bad += 1
        if "\ufffd" in got:
            print("%s page %d: U+FFFD in the text: %r" % (name, i, got))
            bad += 1
spans = actual_text_spans(T + "/covered.pdf")
if spans != len([l for l in open(T + "/covered.txt", encoding="utf-8") if l.strip()]):
    print("covered.pdf: %d /ActualText spans, expected one per label only" % spans)
    bad += 1
if actual_text_spans(T + "/missing.pdf") <= 7:
    print("missing.pdf: the characters the fonts lack have no /ActualText of their own")
    bad += 1
sys.exit(1 if bad else 0)
EOF
echo "ok: covered and missing characters come back"

# 3. The posters: month names and activity titles, whole.
for x in examples/*.xml; do
	"$AMOKIT" render "$x" --only aarshjul -o "$T" > /dev/null || fail "render $x failed"
	python3 - "$x" "$T/aarshjul.pdf" <<'EOF' || fail "$x: poster text not found"
import re, subprocess, sys
xml = open(sys.argv[1], encoding="utf-8").read()
text = " ".join(subprocess.run(["pdftotext", sys.argv[2], "-"], capture_output=True, text=True).stdout.split())
months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december"]
titles = [" ".join(t.split()) for t in re.findall(r"<activity[^>]*>\s*<title>([^<]*)</title>", xml)]
titles = [t.replace("&amp;", "&") for t in titles]
missing = [m for m in months if m not in text] + [t for t in titles if t not in text]
if missing:
    print("%s: not found: %s" % (sys.argv[1], missing[:5]))
    sys.exit(1)
EOF
done
echo "ok: every month name and activity title found in the posters"
