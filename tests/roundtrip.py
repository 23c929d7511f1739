#!/usr/bin/env python3
"""roundtrip.py WORKPLACE.xml OUTDIR: every name of the workplace comes back
from the PDFs amokit rendered into OUTDIR, through pdftotext, equal after NFC.

Which document prints which names follows from what each is: the workplace's
name is on every document; every person's name on the preparation sheets
(one per participant), the agenda and the minutes; the handleplan's "who"
on the information sheet; each activity's responsible person on the årshjul.
A name may be wrapped over lines (white space is made one space, and a hyphen
at a line's end joined), never changed: the comparison is otherwise exact,
after Unicode NFC on both sides. Prints one line per document and a closing
'N passed, N failed'."""
import subprocess, sys, unicodedata, re
import xml.etree.ElementTree as ET

nfc = lambda s: unicodedata.normalize("NFC", " ".join(s.split()))

def names(root, path):
    return [nfc(e.text) for e in root.iterfind(path) if e.text and e.text.strip()]

def text_of(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, check=True)
    if out.stderr.strip():
        raise SystemExit("%s: pdftotext: %s" % (pdf, out.stderr.decode(errors="replace").strip()))
    t = unicodedata.normalize("NFC", out.stdout.decode("utf-8"))
    flat = " ".join(t.split())
    joined = " ".join(re.sub(r"-\s*\n\s*", "-", t).split())   # "Vester-\ngaard" kept with its hyphen
    unhyph = " ".join(re.sub(r"(?<=\w)-\s*\n\s*(?=\w)", "", t).split())
    return flat, joined, unhyph

def main():
    wp, outdir = sys.argv[1:]
    root = ET.parse(wp).getroot()
    NS = root.tag[:root.tag.index("}") + 1]   # the format's namespace, as the file names it
    workplace = nfc(root.find(NS + "name").text)
    people = names(root, "%speople/%sperson/%sname" % (NS, NS, NS))
    expect = {
        "forberedelsesark": [workplace] + people,
        "arbejdsark": [workplace],
        "informationsark": [workplace] + names(root, "%saction-plan/%saction/%swho" % (NS, NS, NS)),
        "dagsorden": [workplace] + people,
        "aarshjul": [workplace] + names(root, "%swheel/%sactivity/%sresponsible" % (NS, NS, NS)),
        "referat": [workplace] + people,
    }
    passed = failed = 0
    for doc, want in expect.items():
        texts = text_of("%s/%s.pdf" % (outdir, doc))
        missing = [n for n in want if not any(n in t for t in texts)]
        if missing:
            failed += 1
            print("FAIL %s: %d of %d names not given back: %s" % (doc, len(missing), len(want),
                  ", ".join(missing[:8])))
        else:
            passed += 1
            print("ok   %s: %d names given back" % (doc, len(want)))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0

sys.exit(main())
