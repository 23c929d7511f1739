#!/bin/sh
# stress.sh: a workplace at the schema's limits through every document.
# tests/data/stress_workplace.py writes a file with 40 handleplan rows, text
# fields of up to 2,000 characters and 100 invited participants with names in
# many European Latin scripts (and the same with 10 rows). amokit accepts
# both and renders all documents; then:
#   - every PDF passes tests/pdfcheck.py --margin 8 with the overlap check,
#     and the four sheets pass tests/e2e/cellcheck.py (no word crosses a rule);
#   - every long field comes through whole: its first and last word (the
#     markers A<id> and Z<id>) are printed where the layout puts the field;
#   - the handleplan runs over consecutive landscape pages with the header
#     Hvad? … Opfølgning? on each, rows in order, and 40 rows take four times
#     the pages of 10 rows (within 15 %);
#   - forberedelsesark has a sheet per participant, in order, and the seven
#     names of the layout issue come back exactly.
# Run from the repository root with AMOKIT and BUILD set (tools/runtests.sh).
set -eu
AMOKIT=${AMOKIT:?AMOKIT must name the amokit binary}
B=${BUILD:?BUILD must name the build directory}
out=$B/tests/stress
rm -rf "$out"
mkdir -p "$out/r40" "$out/r10"
fail() { echo "stress: $*"; exit 1; }
status=0

python3 tests/data/stress_workplace.py 40 "$out/r40.xml"
python3 tests/data/stress_workplace.py 10 "$out/r10.xml"
for n in 40 10; do
	"$AMOKIT" check "$out/r$n.xml" > /dev/null 2>&1 || fail "amokit check rejects r$n.xml"
	"$AMOKIT" render "$out/r$n.xml" -o "$out/r$n" > /dev/null || fail "amokit render r$n.xml failed"
done

names="Łukasz Wiśniewski|Dóra Kovács|Ştefan Ţurcanu|Rūta Žemaitė|Çağla Öztürk|Ævar Þórsson|Jürgen Groß"
set --
IFS='|'
for name in $names; do set -- "$@" --exact "$name"; done
unset IFS
sheets="forberedelsesark arbejdsark informationsark dagsorden"
for doc in $sheets aarshjul; do
	pdf=$out/r40/$doc.pdf
	[ -s "$pdf" ] || fail "no $doc.pdf"
	if [ "$doc" = forberedelsesark ]; then
		python3 tests/pdfcheck.py --margin 8 "$@" "$pdf" > "$out/$doc.pdfcheck" 2>&1 &
	else
		python3 tests/pdfcheck.py --margin 8 "$pdf" > "$out/$doc.pdfcheck" 2>&1 &
	fi
	if [ "$doc" != aarshjul ]; then
		python3 tests/e2e/cellcheck.py "$pdf" > "$out/$doc.cellcheck" 2>&1 &
	fi
	wait
done
for doc in $sheets aarshjul; do
	for check in pdfcheck cellcheck; do
		log=$out/$doc.$check
		[ -e "$log" ] || continue
		tail -n 1 "$log" | grep -q "1 passed, 0 failed" && continue
		grep -v "passed, .* failed" "$log" | head -20
		echo "stress: $check failed on $doc"
		status=1
	done
done

python3 - "$out" > "$out/content.log" 2>&1 <<'EOF' || { cat "$out/content.log"; status=1; }
import re, subprocess, sys
import xml.etree.ElementTree as ET

W = "{urn:amokit:workplace:2}"
HEADER = ["Hvad?", "Hvorfor?", "Hvordan?", "Hvornår?", "Hvem?", "Opfølgning?"]
out = sys.argv[1]
problems = []


def expect(cond, msg):
    if not cond:
        problems.append(msg)


def pages(pdf):
    """[(width, height, [(x0, y0, text)])] from pdftotext -bbox."""
    bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    result = []
    for page in re.split(r"<page ", bbox)[1:]:
        w, h = re.match(r'width="([\d.]+)" height="([\d.]+)"', page).groups()
        ws = [(float(x), float(y), t) for x, y, t in
              re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<', page)]
        result.append((float(w), float(h), ws))
    return result


def first_page(pgs, word):
    """Index of the first page with this word (HTML-escaped in -bbox)."""
    word = word.replace("&", "&amp;")
    for n, (_, _, ws) in enumerate(pgs):
        if any(re.sub(r"[.,;:·()]+$", "", t) == word for _, _, t in ws):
            return n
    return -1


def has_header(ws):
    for y in {round(y) for _, y, t in ws if t == "Hvad?"}:
        line = [t for x, yy, t in sorted(ws) if abs(yy - y) < 2 and t in HEADER]
        if line == HEADER:
            return True
    return False


def markers(xml, section):
    """The A/Z markers of every field under the section, in document order."""
    root = ET.parse(xml).getroot()
    found = []
    for el in root.find(W + section).iter():
        words = (el.text or "").split()
        if words and re.fullmatch(r"A_\w+", words[0]):
            found.append((words[0], words[-1]))
    return found


def check_markers(doc, pgs, section, what="", where=None):
    ms = markers("%s/r40.xml" % out, section)
    expect(ms, "%s: no markers under %s" % (doc, section))
    last = 0
    for a, z in ms:
        if not a.endswith(what):
            continue
        pa, pz = first_page(pgs, a), first_page(pgs, z)
        expect(pa >= 0, "%s: field %s (%s) does not start" % (doc, a[2:], section))
        expect(pz >= 0, "%s: field %s (%s) is cut, its last word %s is missing" % (doc, a[2:], section, z))
        if where is not None and pa >= 0:
            expect(pa in where, "%s: field %s on page %d, outside %s" % (doc, a[2:], pa + 1, section))
        if pa >= 0:
            expect(pa >= last, "%s: field %s on page %d, before the previous one" % (doc, a[2:], pa + 1))
            last = pa


# The handleplan.
def handleplan(rows):
    pgs = pages("%s/r%d/informationsark.pdf" % (out, rows))
    hp = [n for n, (_, _, ws) in enumerate(pgs) if has_header(ws)]
    expect(hp, "informationsark r%d: no page with the handleplan header" % rows)
    if hp:
        expect(hp == list(range(hp[0], hp[-1] + 1)),
               "informationsark r%d: handleplan header missing on pages %s" % (
                   rows, sorted(set(range(hp[0], hp[-1] + 1)) - set(hp))))
        expect(all(pgs[n][0] > pgs[n][1] for n in hp),
               "informationsark r%d: handleplan pages not all landscape" % rows)
    return pgs, hp


pgs, hp40 = handleplan(40)
_, hp10 = handleplan(10)
check_markers("informationsark", pgs, "action-plan", where=set(hp40))
expect(len(hp40) > 1, "informationsark: handleplan of 40 rows on %d page(s)" % len(hp40))
if hp10:
    ratio = len(hp40) / len(hp10)
    expect(3.4 <= ratio <= 4.6, "informationsark: 40 rows on %d pages, 10 rows on %d (ratio %.2f, expected about 4)"
           % (len(hp40), len(hp10), ratio))
print("handleplan: 40 rows on %d pages, 10 rows on %d" % (len(hp40), len(hp10)))

# Dagsorden: every section it prints, whole, and the participants.
pgs = pages("%s/r40/dagsorden.pdf" % out)
for section in ("apv", "last-year-goals", "focus-areas", "goals", "cooperation", "accidents", "announcements",
                "competence-plan"):
    check_markers("dagsorden", pgs, section)
text = subprocess.run(["pdftotext", "%s/r40/dagsorden.pdf" % out, "-"], capture_output=True, text=True).stdout
text = re.sub(r"\s+", " ", text)
root = ET.parse("%s/r40.xml" % out).getroot()
people = [(p.find(W + "name").text, p.get("role")) for p in root.iter(W + "person")]
invited = [n for n, r in people if r in ("employer", "leader", "amr")]
expect(len(invited) == 100, "r40.xml: %d invited, expected 100" % len(invited))
for n in invited:
    expect(n in text, "dagsorden: participant %r missing" % n)

# Arbejdsark: focus areas, goals, competence plan, last year's goals.
pgs = pages("%s/r40/arbejdsark.pdf" % out)
before = len(problems)
check_markers("arbejdsark", pgs, "goals", what="t")
check_markers("arbejdsark", pgs, "competence-plan")
check_markers("arbejdsark", pgs, "last-year-goals", what="t")

# Forberedelsesark: a sheet per participant, in order.
pgs = pages("%s/r40/forberedelsesark.pdf" % out)
starts = [n for n, (_, _, ws) in enumerate(pgs) if ws and any(t == "Forberedelsesark" for _, _, t in ws[:8])]
expect(len(starts) == len(invited), "forberedelsesark: %d sheets for %d participants" % (len(starts), len(invited)))
for i, (name, start) in enumerate(zip(invited, starts)):
    end = starts[i + 1] if i + 1 < len(starts) else len(pgs)
    words = " ".join(t for _, _, t in pgs[start][2])
    expect(name.replace("&", "&amp;") in words, "forberedelsesark page %d: %r missing" % (start + 1, name))
    expect(first_page(pgs[start:end], "Z_apv0p") >= 0, "forberedelsesark sheet %d: the APV item is cut" % (i + 1))
print("forberedelsesark: %d sheets on %d pages" % (len(starts), len(pgs)))

for p in problems:
    print(p)
print("content: %d problems" % len(problems))
sys.exit(1 if problems else 0)
EOF
grep "^  \|^handleplan\|^forberedelsesark" "$out/content.log" || true
[ "$status" = 0 ] || fail "failed"
echo "stress: ok"
