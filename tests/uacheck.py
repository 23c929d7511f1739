#!/usr/bin/env python3
"""uacheck.py: checks tagged PDF files against the machine-checkable rules of
PDF/UA-1 (ISO 14289-1), because no PDF/UA validator is packaged for Debian.

Reads each file through `qpdf --json` (tests/pdfread.py, the reader it shares
with tests/pdfa_check.py: every object, object streams included) and checks what
amokit's documents promise (issue 22), clause by clause:

  7.1  the file is tagged (/MarkInfo /Marked true, no /Suspects), has a
       structure tree, and all content is either marked content that the
       structure tree owns (an MCID its element lists on that page, through
       the page's /StructParents entry of the parent tree) or an artifact,
       never one inside the other; the structure types are standard (or
       role-mapped to one); XMP metadata with a dc:title, shown by viewers
       (/DisplayDocTitle true)
  5    XMP identification pdfuaid:part 1
  7.2  the document's natural language (/Lang), and any element's that
       differs from it, a language tag
  7.3  figures have alternative text
  7.4  headings: the first numbered heading is H1, no level is skipped on
       the way down
  7.5  tables: rows in Table/THead/TBody/TFoot, cells in rows, a header
       cell (TH) in every table, each TH with a /Scope, the same number of
       cells in every row
  7.6  lists: items in L, labels and bodies in items
  7.18 annotations: each in the structure (/StructParent, an OBJR in a
       Link element for a link), with /Contents; /Tabs /S on their pages
  7.21 fonts: embedded, with ToUnicode; a CIDFontType2 with CIDToGIDMap

Prints one line per failed rule, `FILE: [RULE name] what is wrong`, then
`N passed, N failed`; exits 0 only when every file passes, 1 when one
fails, 2 on usage errors. -q leaves out warnings.

usage: uacheck.py [-q] FILE.pdf..."""
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdfread import REF, content_ops, open_checked, q, run_checker, text_of, xmp_properties, xmp_text  # noqa: E402

LANG_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


# ISO 32000-1 §14.8.4: the standard structure types.
STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody",
    "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
    "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
    "Formula", "Form"}
HEADING = re.compile(r"^H([1-6])$")
PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"sh", b"Do", b"BI",
         b"Tj", b"TJ", b"'", b'"'}


def name(v):
    return v[1:] if isinstance(v, str) and v.startswith("/") else None


def as_list(v):
    return v if isinstance(v, list) else [] if v is None else [v]


def kids_of(pdf, v):
    """A /K value as a list, references to elements kept as references."""
    if isinstance(v, str) and REF.match(v) and isinstance(pdf.get(v), list):
        v = pdf.get(v)
    return as_list(v)


# ---- catalog and metadata ----------------------------------------------------

def check_catalog(pdf, r):
    cat = pdf.catalog
    mark = pdf.get(cat.get("/MarkInfo"))
    if not isinstance(mark, dict) or pdf.get(mark.get("/Marked")) is not True:
        r.fail("7.1 marked", "the catalog has no /MarkInfo <</Marked true>>")
    elif pdf.get(mark.get("/Suspects")) is True:
        r.fail("7.1 marked", "/MarkInfo says /Suspects true")
    vp = pdf.get(cat.get("/ViewerPreferences"))
    if not isinstance(vp, dict) or pdf.get(vp.get("/DisplayDocTitle")) is not True:
        r.fail("7.1 display-title", "no /ViewerPreferences <</DisplayDocTitle true>>")
    lang = text_of(pdf.get(cat.get("/Lang")))
    if not lang or not LANG_TAG.fullmatch(lang):
        r.fail("7.2 lang", "the catalog's /Lang is %r, not a language tag" % lang)


def check_metadata(pdf, r):
    ref = pdf.catalog.get("/Metadata")
    data = pdf.stream_data(ref) if ref else None
    if data is None:
        r.fail("7.1 metadata", "no XMP metadata stream")
        return
    try:
        props = xmp_properties(ET.fromstring(data))
    except ET.ParseError as e:
        r.fail("7.1 metadata", "the XMP is not well-formed: %s" % e)
        return
    title = props.get(q("dc", "title"))
    if title is None or not (xmp_text(title, "alt") or "").strip():
        r.fail("7.1 title", "the XMP has no dc:title")
    part = props.get("{http://www.aiim.org/pdfua/ns/id/}part")
    if part is None or (xmp_text(part, "simple") or "").strip() != "1":
        r.fail("5 pdfuaid", "the XMP does not identify PDF/UA-1 (pdfuaid:part 1)")


# ---- the structure tree ---------------------------------------------------------

class Tree:
    """The structure tree: its elements in document order, each with its
    kids resolved, and the marked content and annotations it owns."""

    def __init__(self, pdf, r):
        self.pdf, self.r = pdf, r
        self.elems = []          # (ref, dict, depth), in order
        self.kids = {}           # ref -> [('elem', ref) | ('mcid', page, n) | ('objr', page, ref)]
        self.parent = {}         # ref -> parent ref
        self.owner = {}          # (page, mcid) -> element ref
        self.objr = {}           # annotation ref -> element ref
        self.rolemap = {}
        root = pdf.get(pdf.catalog.get("/StructTreeRoot"))
        if not isinstance(root, dict):
            r.fail("7.1 struct-tree", "the catalog has no /StructTreeRoot")
            self.root = None
            return
        self.root = root
        rm = pdf.get(root.get("/RoleMap"))
        if isinstance(rm, dict):
            self.rolemap = {k[1:]: name(pdf.get(v)) for k, v in rm.items()}
        seen = set()
        for k in kids_of(pdf, root.get("/K")):
            self.walk(k, None, 0, seen)

    def role(self, ref):
        s = name(self.pdf.get(self.dict_of(ref).get("/S")))
        for _ in range(8):   # follow the role map to a standard type
            if s in STANDARD or s not in self.rolemap:
                break
            s = self.rolemap[s]
        return s

    def dict_of(self, ref):
        d = self.pdf.get(ref)
        return d if isinstance(d, dict) else {}

    def walk(self, ref, parent, depth, seen):
        if not (isinstance(ref, str) and REF.match(ref)):
            self.r.fail("7.1 struct-tree", "a structure element that is not an indirect object")
            return
        if ref in seen:
            self.r.fail("7.1 struct-tree", "element %s appears twice in the tree" % ref)
            return
        seen.add(ref)
        e = self.dict_of(ref)
        if parent is not None and e.get("/P") != parent:
            self.r.fail("7.1 struct-tree", "element %s's /P is %s, its parent is %s" % (ref, e.get("/P"), parent))
        self.elems.append((ref, e, depth))
        self.parent[ref] = parent
        if "/Lang" in e:   # a part in another language (a participant's sheet)
            lang = text_of(self.pdf.get(e.get("/Lang")))
            if not lang or not LANG_TAG.fullmatch(lang):
                self.r.fail("7.2 lang", "element %s's /Lang is %r, not a language tag" % (ref, lang))
        page = e.get("/Pg")
        kids = self.kids[ref] = []
        for k in kids_of(self.pdf, e.get("/K")):
            kd = self.pdf.get(k)
            if isinstance(k, int):
                if page is None:
                    self.r.fail("7.1 parent-tree", "element %s has MCID %d but no /Pg" % (ref, k))
                kids.append(("mcid", page, k))
            elif isinstance(kd, dict) and kd.get("/Type") == "/MCR":
                kids.append(("mcid", kd.get("/Pg", page), kd.get("/MCID")))
            elif isinstance(kd, dict) and kd.get("/Type") == "/OBJR":
                kids.append(("objr", kd.get("/Pg", page), kd.get("/Obj")))
                self.objr[kd.get("/Obj")] = ref
            elif isinstance(kd, dict):
                kids.append(("elem", k))
                self.walk(k, ref, depth + 1, seen)
        for kid in kids:
            if kid[0] == "mcid":
                key = (kid[1], kid[2])
                if key in self.owner:
                    self.r.fail("7.1 parent-tree", "MCID %s on page %s belongs to %s and %s"
                                % (kid[2], kid[1], self.owner[key], ref))
                self.owner[key] = ref

    def elem_kids(self, ref):
        return [k[1] for k in self.kids.get(ref, []) if k[0] == "elem"]

    def parent_tree(self):
        """{key: value} of the parent tree (a number tree)."""
        out = {}
        def walk(node, depth):
            node = self.pdf.get(node)
            if not isinstance(node, dict) or depth > 32:
                return
            nums = self.pdf.get(node.get("/Nums"))
            if isinstance(nums, list):
                for i in range(0, len(nums) - 1, 2):
                    out[nums[i]] = nums[i + 1]
            for k in as_list(self.pdf.get(node.get("/Kids"))):
                walk(k, depth + 1)
        if self.root is not None:
            walk(self.root.get("/ParentTree"), 0)
        return out


def check_types(tree, r):
    for ref, e, _ in tree.elems:
        if tree.role(ref) not in STANDARD:
            r.fail("7.1 struct-types", "element %s has type %s, neither standard nor role-mapped to one"
                   % (ref, e.get("/S")))


def check_headings(tree, r):
    prev = None
    for ref, e, _ in tree.elems:
        m = HEADING.match(tree.role(ref) or "")
        if not m:
            continue
        level = int(m.group(1))
        if prev is None and level != 1:
            r.fail("7.4 headings", "the first heading is H%d, not H1 (%s)" % (level, ref))
        elif prev is not None and level > prev + 1:
            r.fail("7.4 headings", "H%d follows H%d: a level skipped (%s)" % (level, prev, ref))
        prev = level


def check_figures(tree, r):
    for ref, e, _ in tree.elems:
        if tree.role(ref) in ("Figure", "Formula"):
            alt = text_of(tree.pdf.get(e.get("/Alt"))) or text_of(tree.pdf.get(e.get("/ActualText")))
            if not (alt or "").strip():
                r.fail("7.3 figures", "%s %s has no alternative text" % (tree.role(ref), ref))
            elif re.search(r"\{\w+\}|^\s|\s\s|\s[,.:;]", alt):
                r.fail("7.3 figures", "%s %s's alternative text has a gap where a word belongs: %r"
                       % (tree.role(ref), ref, alt[:80]))


def attributes(pdf, e):
    out = {}
    for a in as_list(pdf.get(e.get("/A"))):
        a = pdf.get(a)
        if isinstance(a, dict):
            out.update(a)
    return out


def check_tables(tree, r):
    pdf = tree.pdf
    allowed = {"Table": {"TR", "THead", "TBody", "TFoot", "Caption"}, "THead": {"TR"}, "TBody": {"TR"},
               "TFoot": {"TR"}, "TR": {"TH", "TD"}}
    for ref, e, _ in tree.elems:
        role = tree.role(ref)
        if role in allowed:
            for k in tree.elem_kids(ref):
                if tree.role(k) not in allowed[role]:
                    r.fail("7.5 tables", "%s %s holds a %s" % (role, ref, tree.role(k)))
        if role in ("TR", "TH", "TD", "THead", "TBody", "TFoot"):
            up = tree.role(tree.parent.get(ref)) if tree.parent.get(ref) else None
            want = {"TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"}}.get(role, {"Table"})
            if up not in want:
                r.fail("7.5 tables", "%s %s is in a %s" % (role, ref, up))
        if role == "TH":
            scope = name(pdf.get(attributes(pdf, e).get("/Scope")))
            if scope not in ("Row", "Column", "Both") and "/Headers" not in attributes(pdf, e):
                r.fail("7.5 tables", "TH %s has no /Scope" % ref)
        if role != "Table":
            continue
        rows, heads = [], 0
        stack = [ref]
        while stack:
            x = stack.pop(0)
            for k in tree.elem_kids(x):
                kr = tree.role(k)
                if kr == "TR":
                    cells = [c for c in tree.elem_kids(k) if tree.role(c) in ("TH", "TD")]
                    heads += sum(tree.role(c) == "TH" for c in cells)
                    rows.append(sum(int(pdf.get(attributes(pdf, tree.dict_of(c)).get("/ColSpan")) or 1)
                                    for c in cells))
                elif kr in ("THead", "TBody", "TFoot"):
                    stack.append(k)
        if not heads:
            r.fail("7.5 tables", "table %s has no header cell (TH)" % ref)
        if len(set(rows)) > 1:
            r.fail("7.5 tables", "table %s has rows of %s cells" % (ref, sorted(set(rows))))


def check_lists(tree, r):
    for ref, e, _ in tree.elems:
        role = tree.role(ref)
        for k in tree.elem_kids(ref):
            kr = tree.role(k)
            if role == "L" and kr not in ("LI", "L", "Caption"):
                r.fail("7.6 lists", "L %s holds a %s" % (ref, kr))
            if role == "LI" and kr not in ("Lbl", "LBody"):
                r.fail("7.6 lists", "LI %s holds a %s" % (ref, kr))
        if role in ("LI", "Lbl", "LBody"):
            up = tree.role(tree.parent.get(ref)) if tree.parent.get(ref) else None
            if up != ("L" if role == "LI" else "LI"):
                r.fail("7.6 lists", "%s %s is in a %s" % (role, ref, up))


# ---- content ------------------------------------------------------------------------

def pages(pdf):
    """(ref, page) in the page tree's order."""
    out = []
    def walk(ref, depth):
        node = pdf.get(ref)
        if not isinstance(node, dict) or depth > 64:
            return
        if node.get("/Type") == "/Page":
            out.append((ref, node))
        for k in as_list(pdf.get(node.get("/Kids"))):
            walk(k, depth + 1)
    walk(pdf.catalog.get("/Pages"), 0)
    return out


def contents_of(pdf, page):
    """The refs of a page's content streams."""
    c = page.get("/Contents")
    if pdf.is_stream(c):
        return [c]
    return [x for x in as_list(pdf.get(c)) if pdf.is_stream(x)]


def mcid_of(operands):
    """The MCID of a BDC's property list written in place, else None."""
    for i, t in enumerate(operands):
        if t == b"/MCID" and i + 1 < len(operands) and re.fullmatch(rb"\d+", operands[i + 1] or b""):
            return int(operands[i + 1])
    return None


def check_content(tree, pdf, r):
    """Every painting operator inside structure content or an artifact, not
    both; every MCID owned by its element through the parent tree."""
    ptree = tree.parent_tree()
    for n, (ref, page) in enumerate(pages(pdf), 1):
        key = pdf.get(page.get("/StructParents"))
        owners = pdf.get(ptree.get(key)) if key is not None else None
        data = b"".join((pdf.stream_data(c) or b"") + b"\n" for c in contents_of(pdf, page))
        stack, seen, unmarked = [], set(), 0   # stack: 'mcid', 'artifact' or 'other' per open BDC/BMC
        for op, operands in content_ops(data):
            if op in (b"BDC", b"BMC"):
                tag = operands[0] if operands else b""
                mcid = mcid_of(operands) if op == b"BDC" else None
                kind = "artifact" if tag == b"/Artifact" else "mcid" if mcid is not None else "other"
                if kind == "artifact" and "mcid" in stack:
                    r.fail("7.1 artifacts", "page %d: an artifact inside tagged content" % n)
                if kind == "mcid" and "artifact" in stack:
                    r.fail("7.1 artifacts", "page %d: tagged content (MCID %d) inside an artifact" % (n, mcid))
                if kind == "mcid":
                    if mcid in seen:
                        r.fail("7.1 parent-tree", "page %d: MCID %d used twice" % (n, mcid))
                    seen.add(mcid)
                    owner = owners[mcid] if isinstance(owners, list) and mcid < len(owners) else None
                    if owner is None:
                        r.fail("7.1 parent-tree", "page %d: MCID %d has no entry in the parent tree "
                               "(/StructParents %s)" % (n, mcid, key))
                    elif tree.owner.get((ref, mcid)) != owner:
                        r.fail("7.1 parent-tree", "page %d: MCID %d's parent tree entry is %s, the element "
                               "listing it is %s" % (n, mcid, owner, tree.owner.get((ref, mcid))))
                stack.append(kind)
            elif op == b"EMC":
                if stack:
                    stack.pop()
            elif op in PAINT and "mcid" not in stack and "artifact" not in stack:
                unmarked += 1
        if unmarked:
            r.fail("7.1 content", "page %d: %d painting operators neither tagged nor artifact" % (n, unmarked))
        for (pg, mcid), owner in tree.owner.items():
            if pg == ref and mcid not in seen:
                r.fail("7.1 parent-tree", "element %s lists MCID %s on page %d, which has none" % (owner, mcid, n))


# ---- annotations and fonts -------------------------------------------------------------

def check_annotations(tree, pdf, r):
    ptree = tree.parent_tree()
    for n, (ref, page) in enumerate(pages(pdf), 1):
        annots = as_list(pdf.get(page.get("/Annots")))
        if annots and pdf.get(page.get("/Tabs")) != "/S":
            r.fail("7.18 tabs", "page %d has annotations but no /Tabs /S" % n)
        for a in annots:
            d = pdf.get(a)
            if not isinstance(d, dict) or d.get("/Subtype") == "/Popup":
                continue
            if not (text_of(pdf.get(d.get("/Contents"))) or "").strip():
                r.fail("7.18 annotations", "annotation %s has no /Contents" % a)
            owner = tree.objr.get(a)
            if owner is None:
                r.fail("7.18 annotations", "annotation %s is in no structure element" % a)
                continue
            if d.get("/Subtype") == "/Link" and tree.role(owner) != "Link":
                r.fail("7.18 annotations", "link %s is in a %s, not a Link" % (a, tree.role(owner)))
            sp = pdf.get(d.get("/StructParent"))
            if sp is None or ptree.get(sp) != owner:
                r.fail("7.18 annotations", "annotation %s's /StructParent %s does not lead to %s" % (a, sp, owner))


def check_fonts(pdf, r):
    for d, ref, _ in pdf.dicts():
        if d.get("/Type") != "/Font" or d.get("/Subtype") == "/Type3":
            continue
        sub = d.get("/Subtype")
        if sub in ("/CIDFontType0", "/CIDFontType2"):
            if sub == "/CIDFontType2" and "/CIDToGIDMap" not in d:
                r.fail("7.21 fonts", "CIDFontType2 %s has no /CIDToGIDMap" % ref)
        elif "/ToUnicode" not in d:
            r.fail("7.21 tounicode", "font %s has no /ToUnicode" % ref)
        desc = d
        if sub == "/Type0":
            desc = pdf.get((pdf.get(d.get("/DescendantFonts")) or [None])[0]) or {}
        fd = pdf.get(desc.get("/FontDescriptor")) if isinstance(desc, dict) else None
        if isinstance(fd, dict) and not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            r.fail("7.21 fonts", "font %s is not embedded" % ref)


# ---- driver ------------------------------------------------------------------------------

def check_pdf(pdf, r):
    """The rules on a file already read (tests/pdfa_check.py uses them for
    PDF/A-1a too)."""
    check_catalog(pdf, r)
    check_metadata(pdf, r)
    tree = Tree(pdf, r)
    if tree.root is None:
        return
    check_types(tree, r)
    check_headings(tree, r)
    check_figures(tree, r)
    check_tables(tree, r)
    check_lists(tree, r)
    check_content(tree, pdf, r)
    check_annotations(tree, pdf, r)
    check_fonts(pdf, r)


def check_file(path, quiet):
    pdf, r = open_checked(path, quiet)
    if pdf is not None:
        check_pdf(pdf, r)
    return r


def main(argv):
    return run_checker(argv, check_file, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
