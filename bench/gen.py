#!/usr/bin/env python3
"""gen.py: workplace files for the benchmark and the batch tests.

  gen.py batch N DIR [--broken K]   N variations of examples/*.xml in DIR,
                                    named wp-0001.xml ...; with --broken K,
                                    file number K holds a date that does not
                                    exist (on a known line).
  gen.py wheel N FILE               one workplace whose årshjul has N
                                    activities over six rings, for an A1 poster.
  gen.py people N FILE              a workplace of 180 employees with N invited
                                    participants (leaders and AMRs), so N
                                    preparation sheets; N = 5000 makes a
                                    5,000-page forberedelsesark within the
                                    1 MiB cap (reader.h).
  gen.py plan N FILE                a workplace whose handleplan has N rows of
                                    everyday length (the informationsark's
                                    example plan and the minutes list them).

The variations change what a consultant's workplaces differ in: the name,
the meeting day, the head count (within its legal bracket), and how many
årshjul activities and last-year goals there are. Deterministic: the same
arguments give the same files.
"""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = sorted(glob.glob(os.path.join(HERE, "..", "examples", "*.xml")))

# Head counts stay inside their bracket so the rules see the same kind of
# workplace: <10, 10-34, 35+.
BRACKETS = [(1, 9), (10, 34), (35, 10000)]


def vary_headcount(n, i):
    lo, hi = next(b for b in BRACKETS if b[0] <= n <= b[1])
    return max(lo, min(hi, n + (i % 5) - 2))


def drop_last(xml, tag, k):
    """Removes the last k <tag>…</tag> elements (keeps at least one)."""
    spans = [m.span() for m in re.finditer(r"\n\s*<%s[ >].*?</%s>" % (tag, tag), xml, re.S)]
    k = min(k, max(0, len(spans) - 1))
    for start, end in reversed(spans[len(spans) - k:]):
        xml = xml[:start] + xml[end:]
    return xml


def variation(src, i):
    xml = src
    # The workplace's own name is the first <name> in the file.
    xml = re.sub(r"<name>(.*?)</name>", lambda m: "<name>%s – afdeling %d</name>" % (m.group(1), i),
                 xml, count=1)
    xml = re.sub(r"<headcount>(\d+)</headcount>",
                 lambda m: "<headcount>%d</headcount>" % vary_headcount(int(m.group(1)), i), xml, count=1)
    xml = re.sub(r"(<meeting>\s*<date>\d{4}-\d{2}-)(\d{2})(</date>)",
                 lambda m: "%s%02d%s" % (m.group(1), 1 + (int(m.group(2)) + i) % 28, m.group(3)), xml, count=1)
    xml = drop_last(xml, "activity", i % 4)
    return xml


def batch(n, outdir, broken):
    os.makedirs(outdir, exist_ok=True)
    sources = [open(p, encoding="utf-8").read() for p in EXAMPLES]
    width = max(4, len(str(n)))
    for i in range(1, n + 1):
        xml = variation(sources[(i - 1) % len(sources)], i)
        if i == broken:
            # The meeting on a day that does not exist.
            xml = re.sub(r"(<meeting>\s*<date>)\d{4}-\d{2}-\d{2}", r"\g<1>2026-02-30", xml, count=1)
        path = os.path.join(outdir, "wp-%0*d.xml" % (width, i))
        with open(path, "w", encoding="utf-8") as f:
            f.write(xml)


RINGS = [("amo", "#1F2A5C", "AMO-møder"), ("apv", "#B0306A", "APV og trivsel"),
         ("udd", "#E07B39", "Uddannelse"), ("runde", "#2E8B57", "Sikkerhedsrunder"),
         ("kemi", "#4FA3D9", "Kemi og udstyr"), ("opf", "#F2C14E", "Opfølgning")]
WORDS = ["Gennemgang", "af", "arbejdsmiljøorganisationens", "handleplan", "med", "teamet",
         "sikkerhedsrunde", "i", "lageret", "kompetenceudviklingsplan", "opfølgning", "på", "APV",
         "instruktion", "nyansatte", "trivselsmåling", "eftersyn", "stiger", "og", "værnemidler"]
RESPONSIBLE = ["Anja Thomsen", "Kim Rasmussen", "Helle Sand", "Søren Bak", "AMO", None]


def title(i):
    n = 2 + (i * 7) % 6
    return " ".join(WORDS[(i * 3 + k * 5) % len(WORDS)] for k in range(n)).capitalize() + " %d" % i


def when(i, year):
    kind = i % 4
    month = 1 + (i * 5) % 12
    day = 1 + (i * 11) % 28
    if kind == 0:
        return "<date>%d-%02d-%02d</date>" % (year, month, day)
    if kind == 1:
        end = min(28, day + 2 + i % 9)
        return '<period from="%d-%02d-%02d" to="%d-%02d-%02d"/>' % (year, month, day, year, month, end)
    if kind == 2:
        return "<week>%d</week>" % (1 + (i * 13) % 52)
    return "<month>%d</month>" % month


def wheel(n, path, year=2026):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<workplace xmlns="urn:amokit:workplace:2" version="2">',
           "  <name>Benchmark Produktion A/S</name>",
           "  <headcount>180</headcount>",
           "  <meeting><date>%d-02-10</date><covers-year>%d</covers-year></meeting>" % (year, year),
           '  <wheel year="%d">' % year]
    for rid, colour, name in RINGS:
        out.append('    <ring id="%s" colour="%s">%s</ring>' % (rid, colour, name))
    for i in range(n):
        rid = RINGS[i % len(RINGS)][0]
        resp = RESPONSIBLE[i % len(RESPONSIBLE)]
        out.append('    <activity ring="%s">' % rid)
        out.append("      <title>%s</title>" % title(i))
        if resp:
            out.append("      <responsible>%s</responsible>" % resp)
        out.append("      " + when(i, year))
        out.append("    </activity>")
    out += ["  </wheel>", "</workplace>", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


FIRST = ["Anja", "Bo", "Camilla", "Dóra", "Emil", "Fatima", "Gustav", "Helle", "Ida", "Jürgen",
         "Kim", "Łukasz", "Mette", "Niels", "Øystein", "Pia", "Rūta", "Søren", "Tove", "Ulla"]
LAST = ["Thomsen", "Rasmussen", "Sand", "Bak", "Kovács", "Groß", "Wiśniewski", "Mølgaard",
        "Nielsen", "Öztürk", "Jensen", "Dvořák", "Lindström", "Petersen", "Þórsson", "Holm"]


def person_name(i):
    """A unique name for every i (a number after the 320th)."""
    name = "%s %s" % (FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)])
    k = i // (len(FIRST) * len(LAST))
    return name + (" %d" % (k + 1) if k else "")


def header(out, people, year=2026):
    out += ['<?xml version="1.0" encoding="UTF-8"?>',
            '<workplace xmlns="urn:amokit:workplace:2" version="2">',
            "  <name>Benchmark Produktion A/S</name>",
            "  <address>Industrivej 12, 8600 Silkeborg</address>",
            "  <headcount>180</headcount>",
            '  <med-agreement applies="false"/>',
            "  <people>"]
    for i in range(people):
        role = "employer" if i == 0 else "leader" if i % 5 == 1 else "amr"
        out.append('    <person id="p%d" role="%s" attendance="present"><name>%s</name></person>'
                   % (i, role, person_name(i)))
    out += ["  </people>",
            "  <meeting><date>%d-03-12</date><start>09:00</start><end>12:00</end>"
            "<place>Kantinen</place><chair ref=\"p0\"/><minute-taker ref=\"p1\"/>"
            "<covers-year>%d</covers-year></meeting>" % (year, year)]


def sentence(i, words):
    return " ".join(WORDS[(i * 3 + k * 7) % len(WORDS)] for k in range(words)).capitalize() + "."


def goals_and_apv(out):
    out.append("  <last-year-goals>")
    for i, st in enumerate(["reached", "partly", "not-reached"]):
        out.append('    <goal status="%s" carried-over="false"><title>%s</title><comment>%s</comment></goal>'
                   % (st, sentence(i, 8), sentence(i + 5, 20)))
    out += ["  </last-year-goals>", "  <apv>", "    <last-date>2025-05-20</last-date>"]
    for i in range(3):
        out.append('    <item status="open"><problem>%s</problem><action>%s</action>'
                   "<owner>%s</owner><deadline>2026-06-30</deadline></item>"
                   % (sentence(i + 9, 10), sentence(i + 11, 16), person_name(i + 1)))
    out.append("  </apv>")


def people(n, path):
    out = []
    header(out, n)
    goals_and_apv(out)
    out += ["</workplace>", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def plan(n, path):
    out = []
    header(out, 12)
    goals_and_apv(out)
    out.append("  <action-plan>")
    for i in range(n):
        out.append('    <action status="%s"><what>%s</what><why>%s</why><how>%s</how>'
                   "<when>%s</when><who>%s</who><follow-up>%s</follow-up></action>"
                   % (["open", "in-progress", "done"][i % 3], sentence(i, 4 + i % 5),
                      sentence(i + 1, 6 + i % 7), sentence(i + 2, 8 + i % 11),
                      "%d. kvartal 2026" % (1 + i % 4), person_name(1 + i % 11),
                      sentence(i + 3, 5 + i % 4)))
    out += ["  </action-plan>", "</workplace>", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def main(argv):
    if len(argv) >= 4 and argv[1] == "batch":
        broken = int(argv[5]) if len(argv) >= 6 and argv[4] == "--broken" else 0
        batch(int(argv[2]), argv[3], broken)
    elif len(argv) == 4 and argv[1] == "wheel":
        wheel(int(argv[2]), argv[3])
    elif len(argv) == 4 and argv[1] == "people":
        people(int(argv[2]), argv[3])
    elif len(argv) == 4 and argv[1] == "plan":
        plan(int(argv[2]), argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
