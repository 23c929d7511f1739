#!/bin/sh
# sheets.sh: the four sheets (forberedelsesark, arbejdsark, informationsark,
# dagsorden), blank and filled from every example, checked as a reader sees
# them. Every PDF passes tests/pdfcheck.py (qpdf, fonts embedded, no tool
# warnings, words 8 pt inside the page, no overlaps) and tests/e2e/cellcheck.py
# (no word crosses a table or box rule). Then the content, through pdftotext:
#   - forberedelsesark: one page per participant invited under the head-count
#     rule, page i naming participant i with role and meeting date; the blank
#     sheet has its three writing boxes;
#   - dagsorden: the invitation text of the example's band (small, medium,
#     large, MED) and no other band's, the invited names, the 11 points in order;
#   - informationsark: the handleplan header Hvad? … Opfølgning? on one line.
# Expected texts come from layouts/*.xml and the examples' XML, so a changed
# wording does not break the test but a wrong choice does.
# Run from the repository root with AMOKIT and BUILD set (tools/runtests.sh).
set -eu
AMOKIT=${AMOKIT:?AMOKIT must name the amokit binary}
B=${BUILD:?BUILD must name the build directory}
out=$B/tests/sheets
rm -rf "$out"
mkdir -p "$out/blank"
fail() { echo "sheets: $*"; exit 1; }
sheets=forberedelsesark,arbejdsark,informationsark,dagsorden

"$AMOKIT" blank -o "$out/blank" --only $sheets > /dev/null || fail "amokit blank failed"
for x in examples/*.xml; do
	n=$(basename "$x" .xml)
	mkdir -p "$out/$n"
	"$AMOKIT" render "$x" -o "$out/$n" --only $sheets > /dev/null || fail "amokit render $x failed"
done
for d in "$out"/*/; do
	for s in forberedelsesark arbejdsark informationsark dagsorden; do
		[ -s "$d$s.pdf" ] || fail "missing $d$s.pdf"
	done
done
[ -z "$(ls "$out"/blank | grep aarshjul || true)" ] || fail "--only wrote more than asked"

# The PDF checks, two files at a time.
ls "$out"/*/*.pdf | xargs -n 5 -P 2 python3 tests/pdfcheck.py --margin 8 > "$out/pdfcheck.log" 2>&1 ||
	{ grep -v "passed, 0 failed" "$out/pdfcheck.log"; fail "pdfcheck failed"; }
ls "$out"/*/*.pdf | xargs -n 5 -P 2 python3 tests/e2e/cellcheck.py > "$out/cellcheck.log" 2>&1 ||
	{ grep -v "passed, 0 failed" "$out/cellcheck.log"; fail "cellcheck failed"; }

python3 - "$out" examples/*.xml <<'EOF' || fail "content checks failed"
import os, re, subprocess, sys
import xml.etree.ElementTree as ET

L = "{urn:amokit:layout:1}"
W = "{urn:amokit:workplace:2}"
out, examples = sys.argv[1], sys.argv[2:]
problems = []


# The Danish catalog: the layouts name their texts by key.
catalog = ET.parse("layouts/messages/da.xml").getroot()
messages = {m.get("key"): m for m in catalog.iter(L + "msg")}


def inline_text(el):
    """The text an element prints: its <msg key>s from the catalog, each
    {name} from the <arg name> the layout gives."""
    out = el.text or ""
    for c in el:
        if c.tag == L + "msg":
            args = {a.get("name"): inline_text(a) for a in c.findall(L + "arg")}
            t = "".join(messages[c.get("key")].itertext())
            out += re.sub(r"\{(\w[\w.-]*)\}", lambda m: args.get(m.group(1), ""), t)
        else:
            out += inline_text(c)
        out += c.tail or ""
    return out


def text_of(el):
    return re.sub(r"\s+", " ", inline_text(el)).strip()


def title_of(el):
    key = el.get("title-key")
    return text_of(messages[key]) if key else el.get("title")


def squash(s):
    """Letters only: line breaks, hyphenation and spacing do not count."""
    return re.sub(r"[\s\-\u00ad]+", "", s)


def pages(pdf):
    txt = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    return [re.sub(r"\s+", " ", p).strip() for p in txt.split("\f")[:-1]]


def expect(cond, msg):
    if not cond:
        problems.append(msg)


# What the layouts say.
strings = catalog
months = strings.find(L + "months").text.split()
roles = {e.get("key"): e.text for m in strings.iter(L + "map") if m.get("name") == "roles"
         for e in m.iter(L + "entry")}
dag = ET.parse("layouts/dagsorden.xml").getroot()
invitation = {}
for choose in dag.iter(L + "choose"):
    for when in choose.findall(L + "when"):
        if when.get("path") == "/derived/band":
            invitation[when.get("equals")] = text_of(when.find(L + "p"))
    if invitation:
        otherwise = choose.find(L + "otherwise")
        invitation["blank"] = text_of(otherwise.find(L + "p"))
        break
expect(sorted(invitation) == ["blank", "large", "med", "medium", "small"],
       "dagsorden.xml: no invitation text per band: %s" % sorted(invitation))
# The eleven points' headings; a point may have a heading per band (the
# small workplace's "2. Nye kolleger" for "2. Nye medlemmer i AMO").
points = {}
for h in dag.iter(L + "h2"):
    t = text_of(h)
    if re.match(r"\d+\. ", t):
        points.setdefault(int(t.split(".")[0]), []).append(t)
expect(sorted(points) == list(range(1, 12)),
       "dagsorden.xml: the points are not 1..11: %s" % sorted(points))
prep = ET.parse("layouts/forberedelsesark.xml").getroot()
blank_branch = prep.find(L + "body/" + L + "choose/" + L + "otherwise")
writing = [title_of(b) for b in blank_branch.iter(L + "box")
           if (b.get("lines") or b.get("fill")) and title_of(b) not in ("Navn", "Dato")]
expect(len(writing) == 3, "forberedelsesark.xml: blank sheet has not three writing boxes: %s" % writing)
handleplan = ["Hvad?", "Hvorfor?", "Hvordan?", "Hvornår?", "Hvem?", "Opfølgning?"]


def invited(band, person, committee):
    """Who is invited (src/rules.c): the employer and any deputy; 1-9 every
    employee; 10-34 the AMO's leaders and AMRs; 35+ the committee's members
    (without committees the AMO's leaders and AMRs); MED the committee's."""
    role = person.get("role")
    if role == "employer" or person.get("deputy") == "true":
        return True
    if band == "small":
        return role != "adviser"
    if band == "medium" or (band == "large" and committee is None):
        return role in ("leader", "amr")
    return committee is not None and person.get("id") in committee


def header_line(pdf):
    """Pages on which the six handleplan headings stand on one line, in order."""
    bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    found = []
    for n, page in enumerate(re.split(r"<page ", bbox)[1:], 1):
        ws = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<', page)
        for y in {round(float(w[1])) for w in ws if w[2] == "Hvad?"}:
            line = [w[2] for w in sorted(ws, key=lambda w: float(w[0])) if abs(float(w[1]) - y) < 2]
            if [t for t in line if t in handleplan] == handleplan:
                found.append(n)
    return found


def check_dagsorden(pdf, band, names):
    text = " ".join(pages(pdf))
    flat = squash(text)
    for b, sentence in invitation.items():
        there = squash(sentence) in flat
        expect(there == (b == band), "%s: invitation text for %s %s" % (
            pdf, b, "missing" if b == band else "present, but the band is " + band))
    for name in names:
        expect(name in text, "%s: invited %r not listed" % (pdf, name))
    at = [max(flat.find(squash(t)) for t in points[n]) for n in sorted(points)]
    expect(-1 not in at and at == sorted(at), "%s: the 11 points not all there in order: %s" % (
        pdf, [points[n] for n, i in zip(sorted(points), at) if i < 0]))


def check_informationsark(pdf):
    expect(header_line(pdf), "%s: no line with %s" % (pdf, " ".join(handleplan)))


# Blank set.
bd = os.path.join(out, "blank")
ps = pages(os.path.join(bd, "forberedelsesark.pdf"))
expect(len(ps) == 1, "blank forberedelsesark: %d pages, expected 1" % len(ps))
for title in writing:
    expect(squash(title) in squash(ps[0]), "blank forberedelsesark: box %r missing" % title)
check_dagsorden(os.path.join(bd, "dagsorden.pdf"), "blank", [])
check_informationsark(os.path.join(bd, "informationsark.pdf"))
expect("sagkyndig bistand" in " ".join(pages(os.path.join(bd, "arbejdsark.pdf"))),
       "blank arbejdsark: no reminder about sagkyndig bistand")

# Every example.
bands = set()
for x in examples:
    name = os.path.splitext(os.path.basename(x))[0]
    wp = ET.parse(x).getroot()
    med = wp.find(W + "med-agreement")
    headcount = int(wp.find(W + "headcount").text)
    if med is not None and med.get("applies") == "true":
        band = "med"
    else:
        band = "small" if headcount < 10 else "medium" if headcount < 35 else "large"
    bands.add(band)
    # The committee(s) holding the discussion: the meeting's, else all.
    committee = None
    if wp.find(W + "committees") is not None:
        chosen = wp.find(W + "meeting/" + W + "committee")
        cs = [c for c in wp.iter(W + "committee") if c.get("id") and
              (chosen is None or c.get("id") == chosen.get("ref"))]
        committee = {m.get("ref") for c in cs for m in c.iter(W + "member")}
    label = lambda p: "leader-no-amo" if band == "small" and p.get("role") == "leader" else p.get("role")
    people = [(p.find(W + "name").text, label(p)) for p in wp.iter(W + "person")]
    who = [(p.find(W + "name").text, label(p)) for p in wp.iter(W + "person") if invited(band, p, committee)]
    date = wp.find(W + "meeting/" + W + "date")
    d = os.path.join(out, name)

    # One sheet per participant, numbered on its own ("Side 1 af N"): its
    # first page, and a "Bilag" page after it when its pre-filled list is long.
    ps = []
    for t in pages(os.path.join(d, "forberedelsesark.pdf")):
        if not ps or re.search(r"Side 1 af \d+", t):
            ps.append(t)
        else:
            expect("Bilag" in t, "%s forberedelsesark: a sheet's second page is no Bilag" % name)
            ps[-1] += "\n" + t
    expect(len(ps) == len(who), "%s forberedelsesark: %d sheets for %d participants" % (name, len(ps), len(who)))
    for i, (pname, role) in enumerate(who):
        if i >= len(ps):
            break
        expect(pname in ps[i], "%s forberedelsesark page %d: %r missing" % (name, i + 1, pname))
        expect(roles[role] in ps[i], "%s forberedelsesark page %d: role %r missing" % (name, i + 1, roles[role]))
        others = [n for n, _ in people if n != pname and n in ps[i] and not n.startswith(pname)]
        expect(not [n for n, _ in who if n in others], "%s forberedelsesark page %d: other participants %s" % (name, i + 1, others))
        if date is not None:
            y, m, dd = date.text.split("-")
            printed = "%d. %s %s" % (int(dd), months[int(m) - 1], y)
            expect(printed in ps[i], "%s forberedelsesark page %d: date %r missing" % (name, i + 1, printed))
    check_dagsorden(os.path.join(d, "dagsorden.pdf"), band, [n for n, _ in who])
    if wp.find(W + "action-plan") is not None:
        check_informationsark(os.path.join(d, "informationsark.pdf"))

expect(bands == {"small", "medium", "large", "med"}, "the examples do not cover every band: %s" % sorted(bands))
for p in problems:
    print(p)
print("content: %d problems" % len(problems))
sys.exit(1 if problems else 0)
EOF
echo "sheets: ok"
