#!/usr/bin/env python3
"""pdfread.py: the PDF reader the test suite's checkers share
(tests/pdfa_check.py for PDF/A-1, tests/uacheck.py for PDF/UA-1): a file's
raw bytes and its objects through `qpdf --json` (every object, object
streams included, streams decoded here), text strings as text, content
stream operators with their operands, XMP properties, a report of failed
clauses, and the command line both checkers have."""

import base64
import json
import re
import subprocess
import sys
import zlib

REF = re.compile(r"^(\d+) (\d+) R$")

# ---- PDF objects from qpdf --json ---------------------------------------

PDFDOC_HIGH = ("\u2022\u2020\u2021\u2026\u2014\u2013\u0192\u2044\u2039\u203a\u2212\u2030"
               "\u201e\u201c\u201d\u2018\u2019\u201a\u2122\ufb01\ufb02\u0141\u0152\u0160"
               "\u0178\u017d\u0131\u0142\u0153\u0161\u017e\ufffd\u20ac")
PDFDOC_LOW = "\u02d8\u02c7\u02c6\u02d9\u02dd\u02db\u02da\u02dc"


def pdfdoc_decode(b):
    """A PDF text string's bytes as text: UTF-16BE after a BOM, else
    PDFDocEncoding."""
    if b[:2] == b"\xfe\xff":
        return b[2:].decode("utf-16-be", "replace")
    out = []
    for c in b:
        if 0x18 <= c <= 0x1F:
            out.append(PDFDOC_LOW[c - 0x18])
        elif 0x80 <= c <= 0xA0:
            out.append(PDFDOC_HIGH[c - 0x80])
        else:
            out.append(chr(c))
    return "".join(out)


def is_string(v):
    return isinstance(v, str) and (v.startswith("u:") or v.startswith("b:"))


def text_of(v):
    """A qpdf JSON string value as text; None when v is not a string."""
    if not is_string(v):
        return None
    if v.startswith("u:"):
        return v[2:]
    return pdfdoc_decode(bytes.fromhex(v[2:]))


def bytes_of(v):
    if not is_string(v):
        return None
    return v[2:].encode("utf-8") if v.startswith("u:") else bytes.fromhex(v[2:])


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class Pdf:
    """One file: its raw bytes and its objects as qpdf reports them."""

    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.raw = f.read()
        p = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=none", path],
                           capture_output=True)
        self.qpdf_errors = p.stderr.decode("utf-8", "replace").strip()
        self.ok = p.returncode in (0, 3) and p.stdout.startswith(b"{")
        self.objs, self.trailer, self.encrypted = {}, {}, False
        if not self.ok:
            return
        j = json.loads(p.stdout)
        self.encrypted = bool(j.get("encrypt", {}).get("encrypted"))
        for key, o in j["qpdf"][1].items():
            if key == "trailer":
                self.trailer = o.get("value", {})
            elif key.startswith("obj:"):
                self.objs[key[4:]] = o
        self.catalog = self.get(self.trailer.get("/Root"))
        if not isinstance(self.catalog, dict):
            self.catalog = {}

    def get(self, v):
        """v with a reference resolved; a stream gives its dictionary."""
        if isinstance(v, str) and REF.match(v):
            o = self.objs.get(v)
            if o is None:
                return None
            return o["stream"]["dict"] if "stream" in o else o.get("value")
        return v

    def is_stream(self, v):
        return isinstance(v, str) and v in self.objs and "stream" in self.objs[v]

    def stream_data(self, ref):
        """The decoded bytes of stream ref; None when it is not a stream or
        uses a filter this checker cannot decode."""
        if not self.is_stream(ref):
            return None
        s = self.objs[ref]["stream"]
        data = base64.b64decode(s.get("data", ""))
        filters = self.get(s["dict"].get("/Filter"))
        if filters is None:
            filters = []
        elif not isinstance(filters, list):
            filters = [filters]
        for f in filters:
            f = self.get(f)
            try:
                if f in ("/FlateDecode", "/Fl"):
                    data = zlib.decompress(data)
                elif f in ("/ASCIIHexDecode", "/AHx"):
                    data = bytes.fromhex(re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">")[0]).decode())
                elif f in ("/ASCII85Decode", "/A85"):
                    data = base64.a85decode(data.strip().rstrip(b"~>").lstrip(b"<~"))
                else:
                    return None
            except (zlib.error, ValueError):
                return None
        return data

    def dicts(self):
        """Every dictionary in the file, nested ones included, with the
        object it belongs to and whether it is a stream's own dictionary."""
        def walk(v, owner, top):
            if isinstance(v, dict):
                yield v, owner, top
                for x in v.values():
                    yield from walk(x, owner, False)
            elif isinstance(v, list):
                for x in v:
                    yield from walk(x, owner, False)
        for ref, o in self.objs.items():
            if "stream" in o:
                yield from walk(o["stream"]["dict"], ref, True)
            else:
                yield from walk(o.get("value"), ref, False)

    def pages(self):
        return [(ref, o["value"]) for ref, o in self.objs.items()
                if "value" in o and isinstance(o["value"], dict) and o["value"].get("/Type") == "/Page"]


class Report:
    def __init__(self, path, quiet):
        self.path, self.quiet = path, quiet
        self.failed = {}
        self.warnings = []

    def fail(self, clause, msg):
        self.failed.setdefault(clause, [])
        if msg not in self.failed[clause]:
            self.failed[clause].append(msg)

    def warn(self, msg):
        if msg not in self.warnings:
            self.warnings.append(msg)

    def print(self):
        for clause, msgs in self.failed.items():
            extra = " (and %d more)" % (len(msgs) - 3) if len(msgs) > 3 else ""
            print("%s: [%s] %s%s" % (self.path, clause, "; ".join(msgs[:3]), extra))
        if not self.quiet:
            for w in self.warnings:
                print("%s: warning: %s" % (self.path, w))


# ---- content streams ------------------------------------------------------

TOKEN = re.compile(rb"\s+|%[^\r\n]*|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\{|\}|/[^\s/\[\]()<>{}%]*|"
                   rb"[^\s/\[\]()<>{}%]+")


ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def literal_string(data, i):
    """The bytes of the literal string starting at data[i] == '(' and the
    index after it."""
    depth, j, out, n = 1, i + 1, bytearray(), len(data)
    while j < n:
        ch = data[j:j + 1]
        if ch == b"\\":
            nxt = data[j + 1:j + 2]
            octal = re.match(rb"[0-7]{1,3}", data[j + 1:j + 4])
            if octal:
                out.append(int(octal.group(0), 8) & 255)
                j += 1 + octal.end()
                continue
            if nxt == b"\r":
                j += 3 if data[j + 2:j + 3] == b"\n" else 2
                continue
            out += ESCAPES.get(nxt, b"" if nxt == b"\n" else nxt)
            j += 2
            continue
        if ch == b"(":
            depth += 1
        elif ch == b")":
            depth -= 1
            if not depth:
                return bytes(out), j + 1
        out += ch
        j += 1
    return bytes(out), n


def content_ops(data):
    """(operator, operands) for each operator in a content stream; strings
    come as ('s', bytes), inline images as ('BI', [key, value, ...])."""
    i, n, operands = 0, len(data), []
    while i < n:
        if data[i:i + 1] == b"(":
            text, i = literal_string(data, i)
            operands.append(("s", text))
            continue
        m = TOKEN.match(data, i)
        if not m:
            i += 1
            continue
        tok = m.group(0)
        i = m.end()
        if tok[:1].isspace() or tok[:1] == b"%":
            continue
        if tok[:1] == b"<" and tok != b"<<":
            digits = re.sub(rb"\s", b"", tok[1:-1])
            operands.append(("s", bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())))
            continue
        if tok[:1] in b"/<[]{}>" or re.fullmatch(rb"[+\-]?(\d+\.?\d*|\.\d+)", tok) or tok in (b"true", b"false", b"null"):
            operands.append(tok)
            continue
        if tok == b"ID":
            end = re.compile(rb"\sEI(?=\s|$)").search(data, i + 1)
            yield b"BI", operands
            i = end.end() if end else n
        elif tok != b"BI":
            yield tok, operands
        operands = []


# ---- XMP ------------------------------------------------------------------

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "x": "adobe:ns:meta/",
      "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdf": "http://ns.adobe.com/pdf/1.3/",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
      "xml": "http://www.w3.org/XML/1998/namespace"}


def q(prefix, local):
    return "{%s}%s" % (NS[prefix], local)


def xmp_properties(root):
    """{'{ns}name': element or attribute text} over every rdf:Description."""
    props = {}
    for desc in root.iter(q("rdf", "Description")):
        for k, v in desc.attrib.items():
            if not k.startswith("{%s}" % NS["rdf"]) and not k.startswith("{%s}" % NS["xml"]):
                props.setdefault(k, v)
        for child in desc:
            props.setdefault(child.tag, child)
    return props


def xmp_text(v, kind):
    """A property's value: 'simple' text, 'alt' x-default entry, 'seq'
    entries (a list). None when it has another form."""
    if isinstance(v, str):
        return v if kind == "simple" else None
    if kind == "simple":
        return v.text or "" if len(v) == 0 else None
    container = v.find(q("rdf", "Alt" if kind == "alt" else "Seq"))
    if container is None:
        return None
    items = container.findall(q("rdf", "li"))
    if kind == "seq":
        return [i.text or "" for i in items]
    for i in items:
        if i.get(q("xml", "lang")) == "x-default":
            return i.text or ""
    return None


# ---- the command line --------------------------------------------------------

def open_checked(path, quiet, raw_checks=()):
    """(pdf, report) for the file at path; pdf is None when the file cannot
    be read or qpdf cannot read it (reported). Each of raw_checks(pdf, r)
    runs before that, on the raw bytes."""
    r = Report(path, quiet)
    try:
        pdf = Pdf(path)
    except OSError as e:
        r.fail("read", str(e))
        return None, r
    for check in raw_checks:
        check(pdf, r)
    if not pdf.ok:
        r.fail("qpdf", "qpdf cannot read the file: %s" % pdf.qpdf_errors.splitlines()[-1:])
        return None, r
    return pdf, r


def run_checker(argv, check_file, doc):
    """[-q] FILE...: check_file(path, quiet) → Report for each file, printed;
    then `N passed, N failed`. 0 when every file passes, 1 when one fails,
    2 on usage errors (doc's last line is the usage)."""
    quiet = "-q" in argv
    files = [a for a in argv if a != "-q"]
    if not files or any(a.startswith("-") for a in files):
        print(doc.strip().splitlines()[-1], file=sys.stderr)
        return 2
    passed = failed = 0
    for path in files:
        r = check_file(path, quiet)
        r.print()
        if r.failed:
            failed += 1
        else:
            passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1
