#!/bin/sh
# schema_docs.sh: the workplace format documents itself (issue 18). Every
# element, attribute, named type and enumerated value of
# schema/workplace.xsd carries xs:documentation in Danish, and the field
# reference make writes from it (BUILD/felter.html) has a section for every
# element declaration with its documentation and every attribute.
# Run from the repository root with BUILD=<build folder>.
BUILD=${BUILD:-build}
python3 - "$BUILD/felter.html" <<'PY'
import re, sys
import xml.etree.ElementTree as ET
XS = "{http://www.w3.org/2001/XMLSchema}"
root = ET.parse("schema/workplace.xsd").getroot()
fails = []
def doc(node):
    d = node.find(XS + "annotation/" + XS + "documentation")
    return d if d is not None and (d.text or "").strip() else None
n = 0
danish = 0
for node in root.iter():
    tag = node.tag.replace(XS, "")
    what = None
    if tag in ("element", "attribute") and node.get("name"):
        what = "%s %s" % (tag, node.get("name"))
    elif tag == "simpleType" and node.get("name"):
        what = "type %s" % node.get("name")
    elif tag == "enumeration":
        what = "value %s" % node.get("value")
    if not what:
        continue
    n += 1
    d = doc(node)
    if d is None:
        fails.append("no documentation: " + what)
        continue
    if d.get("{http://www.w3.org/XML/1998/namespace}lang") != "da":
        fails.append("documentation not marked xml:lang=\"da\": " + what)
    if re.search(r"[æøå]|\b(og|eller|der|som|fx|skal|kan)\b", d.text):
        danish += 1
if n and danish < n * 3 // 4:
    fails.append("only %d of %d texts read as Danish" % (danish, n))
page = open(sys.argv[1], encoding="utf-8").read()
sections = len(re.findall(r'<section id="', page))
decls = sum(1 for e in root.iter(XS + "element") if e.get("name"))
if sections < decls - 5:   # globals and their refs appear once
    fails.append("felter.html has %d sections for %d element declarations" % (sections, decls))
for e in root.iter(XS + "element"):
    d = doc(e)
    text = " ".join(d.text.split()) if d is not None else ""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    if d is not None and text not in page:
        fails.append("felter.html lacks the documentation of <%s>" % e.get("name"))
for a in root.iter(XS + "attribute"):
    if "<code>%s</code>" % a.get("name") not in page:
        fails.append("felter.html lacks attribute %s" % a.get("name"))
for f in fails:
    print("FAIL " + f)
print("schema_docs: %d declarations, %d with Danish documentation, %d sections in felter.html; %d failures"
      % (n, danish, sections, len(fails)))
sys.exit(1 if fails else 0)
PY
