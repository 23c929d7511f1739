#!/usr/bin/env python3
"""stress_workplace.py: writes a workplace file that pushes every sheet.

usage: stress_workplace.py ROWS OUT.xml

The file has ROWS handleplan rows (tests/e2e/stress.sh uses 40 and 10), text
fields up to the schema's 2,000 characters full of long Danish compounds,
and 100 invited participants (employer, leaders, AMRs and AMO members of a
workplace with 180 employees, so the arbejdsmiljøudvalg meets) with names in
many European Latin scripts, plus a few employees and advisers who are not
invited. Every long field starts with the marker A_<id> and ends with the
marker Z_<id>, so a test can see that a field came through whole. The
handleplan's field lengths cycle with period 5, so 40 rows hold exactly four
times what 10 rows hold. The APV problems and last year's goals, which each
of the 100 preparation sheets lists, are shorter (300 characters at most) so
each sheet fits one page. Deterministic: the same arguments give the same file.
"""
import sys
from xml.sax.saxutils import escape

SENTENCES = [
    "Arbejdsmiljøorganisationen gennemgår kompetenceudviklingsplanen sammen med sikkerhedsrepræsentanten og arbejdsmiljørepræsentanten.",
    "Arbejdspladsvurderingen viser, at tunge løft ved vareindleveringen og produktionsomlægningerne belaster medarbejderne.",
    "Sikkerhedsrepræsentantens forslag om arbejdsmiljøuddannelse for samtlige arbejdsledere behandles på næste arbejdsmiljøudvalgsmøde.",
    "Ledelsesinformationssystemet skal vise overarbejde, sygefravær og nærved-ulykker uge for uge.",
    "Ventilationsanlægget i lakeringsafdelingen efterses, og luftskiftet måles før og efter ombygningen.",
    "Kemikalierisikovurderingen af rengøringsmidlerne udføres med sagkyndig bistand fra en autoriseret arbejdsmiljørådgiver.",
    "Medarbejdertilfredshedsundersøgelsen og trivselsmålingen sammenholdes, så indsatsen rettes mod de rigtige afdelinger.",
    "Æ, ø og å skal stå rigtigt i alle arbejdspladsbrugsanvisninger – også i dem, der oversættes til engelsk og polsk.",
]

FIRST = ["Łukasz", "Dóra", "Ştefan", "Rūta", "Çağla", "Ævar", "Jürgen", "Přemysl", "Ľubomír", "Zoltán",
         "Gintarė", "Jānis", "Ģirts", "Şükrü", "İlkay", "Jérôme", "Núria", "Gonçalo", "Åsa", "Øystein",
         "Iñaki", "Ioana", "Đorđe", "Dražen", "Małgorzata", "Ödön", "Kārlis", "Ġorġ", "Siân", "Œdipe"]
LAST = ["Wiśniewski", "Kovács", "Ţurcanu", "Žemaitė", "Öztürk", "Þórsson", "Groß", "Dvořák", "Šťastný",
        "Szőke", "Kazlauskaitė", "Bērziņš", "Ķiploks", "Yılmaz", "Güneş", "Lefèvre", "Puigdomènech",
        "Simões", "Lindström", "Bråten", "Etxeberría", "Ștefănescu", "Petrović", "Kovačević", "Dąbrowska",
        "Bűrös", "Ozoliņš", "Ħabela", "Ŵynne", "Cœurdevey", "Ļaviņš", "Mølgaard"]
# The seven names of the layout issue come first, whole.
FIXED = ["Łukasz Wiśniewski", "Dóra Kovács", "Ştefan Ţurcanu", "Rūta Žemaitė", "Çağla Öztürk",
         "Ævar Þórsson", "Jürgen Groß"]


def names(n):
    out = list(FIXED)
    i = 0
    while len(out) < n:
        name = "%s %s" % (FIRST[i % len(FIRST)], LAST[(i * 7 + 3) % len(LAST)])
        if name not in out:
            out.append(name)
        i += 1
    return out


def text(ident, length):
    """About length characters (at most 2,000), from A<id> to Z<id>."""
    head, tail = "A_%s " % ident, " Z_%s" % ident
    body, k = "", sum(map(ord, ident))
    while len(head) + len(body) + len(tail) < length:
        body += SENTENCES[k % len(SENTENCES)] + " "
        k += 1
    body = body[: length - len(head) - len(tail)]
    body = body[: body.rfind(" ")] if " " in body else body
    return escape(head + body.rstrip() + tail)


# Field lengths of the handleplan's rows, one period of five rows: two rows
# with fields at the limit, three of everyday length.
LENGTHS = [[2000, 300, 600, 40, 80, 300],
           [80, 200, 300, 40, 60, 200],
           [120, 200, 2000, 60, 60, 2000],
           [60, 100, 300, 40, 150, 150],
           [90, 400, 800, 120, 100, 400]]


def action(i):
    f = lambda name, k: text("%d%s" % (i, name), LENGTHS[i % 5][k])
    return """    <action status="%s">
      <what>%s</what>
      <why>%s</why>
      <how>%s</how>
      <when>%s</when>
      <who>%s</who>
      <follow-up>%s</follow-up>
    </action>""" % (["open", "in-progress", "done"][i % 3], f("what", 0), f("why", 1), f("how", 2),
                    f("when", 3), f("who", 4), f("fol", 5))


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    rows, path = int(argv[0]), argv[1]
    people = names(100)
    roles = ["employer"] + ["leader"] * 20 + ["amr"] * 40 + ["amr"] * 39
    persons = []
    for k, (name, role) in enumerate(zip(people, roles)):
        persons.append('    <person id="p%d" role="%s" attendance="present">\n      <name>%s</name>\n'
                       '      <title>%s</title>\n    </person>' % (k, role, escape(name),
                                                             "Sikkerhedsrepræsentant for arbejdsmiljøorganisationen"))
    for k, (name, role) in enumerate([("Bo Ikke Inviteret", "employee"), ("Rådgiver Udenfor", "adviser")], 100):
        persons.append('    <person id="p%d" role="%s">\n      <name>%s</name>\n    </person>' % (k, role, name))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<workplace xmlns="urn:amokit:workplace:2" version="2">',
           "  <name>Stresstestens Arbejdsmiljøorganisationsvirksomhed A/S</name>",
           "  <address>%s</address>" % text("address", 300),
           "  <headcount>180</headcount>",
           '  <med-agreement applies="false"/>',
           "  <people>", *persons, "  </people>",
           "  <meeting>\n    <date>2026-03-12</date>\n    <start>09:00</start>\n    <end>12:00</end>\n"
           "    <place>Kantinen</place>\n    <chair ref=\"p1\"/>\n    <minute-taker ref=\"p2\"/>\n  </meeting>",
           "  <last-year-goals>"]
    for i in range(3):
        out.append('    <goal status="%s" carried-over="true">\n      <title>%s</title>\n'
                   "      <comment>%s</comment>\n    </goal>"
                   % (["reached", "partly", "not-reached"][i], text("lyg%dt" % i, [200, 120, 80][i]),
                      text("lyg%dc" % i, 2000)))
    out += ["  </last-year-goals>", "  <apv>", "    <last-date>2025-05-20</last-date>"]
    for i in range(3):
        out.append('    <item status="open">\n      <problem>%s</problem>\n      <action>%s</action>\n'
                   "      <owner>%s</owner>\n      <deadline>2026-06-30</deadline>\n    </item>"
                   % (text("apv%dp" % i, [300, 120, 80][i]), text("apv%da" % i, 2000), escape(people[i])))
    out += ["  </apv>", "  <focus-areas>"]
    for i in range(3):
        out.append("    <area>\n      <title>Fokusområde %d om arbejdsmiljøorganisationen</title>\n"
                   "      <description>%s</description>\n    </area>" % (i + 1, text("fa%d" % i, 2000)))
    out += ["  </focus-areas>", "  <goals>"]
    for i in range(3):
        out.append("    <goal>\n      <title>%s</title>\n      <success>%s</success>\n"
                   "      <deadline>2026-12-31</deadline>\n      <owner>%s</owner>\n    </goal>"
                   % (text("g%dt" % i, 2000), text("g%ds" % i, 2000), escape(people[3 + i])))
    out += ["  </goals>", "  <action-plan>"] + [action(i) for i in range(rows)] + ["  </action-plan>"]
    out += ["  <cooperation>"] + ["    <%s>%s</%s>" % (t, text("co" + t[:3], 2000), t)
                                  for t in ("frequency", "convenes", "acute", "accidents", "information")]
    out += ["  </cooperation>", "  <competence-plan>"]
    for i in range(5):
        out.append('    <member ref="p%d">\n      <item form="training">\n        <topic>%s</topic>\n'
                   "        <when>2. kvartal</when>\n        <hours>14</hours>\n      </item>\n    </member>"
                   % (i + 1, text("cp%d" % i, 2000)))
    out += ["  </competence-plan>", '  <accidents year="2025" accidents="3" near-misses="12">',
            "    <summary>%s</summary>" % text("accs", 2000)]
    for i in range(3):
        out.append('    <incident kind="accident" date="2025-0%d-10">\n      <description>%s</description>\n'
                   "      <follow-up>%s</follow-up>\n    </incident>"
                   % (i + 3, text("inc%dd" % i, 2000), text("inc%df" % i, 2000)))
    out += ["  </accidents>", "  <announcements>"]
    out += ["    <announcement>%s</announcement>" % text("ann%d" % i, 2000) for i in range(3)]
    out += ["  </announcements>", "  <agenda>"]
    out += ['    <point n="%d" start="%02d:%02d" minutes="15">\n      <notes>%s</notes>\n'
            "      <decision>%s</decision>\n    </point>" % (n, 9 + n // 4, (n % 4) * 15,
                                                          text("n%d" % n, 2000), text("d%d" % n, 2000))
            for n in range(1, 12)]
    out += ["  </agenda>", '  <wheel year="2026">',
            '    <ring id="amo" colour="#1F5C7A">Arbejdsmiljøorganisationens møder og drøftelser</ring>',
            '    <ring id="apv" colour="#B0417A">Arbejdspladsvurdering og kompetenceudviklingsplan</ring>']
    for m in range(1, 13):
        out.append('    <activity ring="%s">\n      <title>Arbejdsmiljøudvalgsmøde nr. %d om kompetenceudviklingsplanen</title>\n'
                   "      <responsible>%s</responsible>\n      <month>%d</month>\n    </activity>"
                   % ("amo" if m % 2 else "apv", m, escape(people[m]), m))
    out += ["  </wheel>", "</workplace>", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
