#!/usr/bin/env python3
"""pdfa_check.py: checks PDF files against PDF/A-1b (ISO 19005-1), clause by
clause, because no PDF/A validator is packaged for Debian; a file that
claims level A (PDF/A-1a) must also pass the PDF/UA checker's rules
(tests/uacheck.py), which hold what §6.3.8 and §6.8 add.

Reads each file raw (header, trailers, cross-reference table, object and
stream keywords) and through tests/pdfread.py (`qpdf --json`: every object,
streams decoded there). Prints one line per
failed clause, `FILE: [CLAUSE name] what is wrong (object)`, warnings as
`FILE: warning: ...`, then `N passed, N failed` over the files; exits 0 only
when every file passes, 1 when one fails, 2 on usage errors.

It checks what amokit's archive copy must satisfy (issue 6): the file
structure, no encryption, a trailer ID, XMP metadata identifying PDF/A-1 that
matches the document information, an RGB output intent with a version-2 ICC
profile, embedded fonts (CIDSet for CID fonts), for level A every structure
element typed /StructElem (6.8.3.3), no transparency, no forbidden
actions or additional actions, printable annotations, no embedded files, no
LZW, no JavaScript, no XFA, device colours matching the output intent. It is
not a complete validator: font widths against the font program, the
implementation limits of 6.1.12 and the content of XMP extension schemas are
not checked.

usage: pdfa_check.py [-q] FILE.pdf..."""
import datetime
import re
import struct
import sys
import xml.etree.ElementTree as ET

from pdfread import (NS, REF, Pdf, bytes_of, content_ops, is_num, open_checked, q, run_checker, text_of,
                     xmp_properties, xmp_text)

EOL = (b"\r\n", b"\n", b"\r")

# ---- 6.1 file structure --------------------------------------------------

def check_header(pdf, r):
    m = re.match(rb"%PDF-1\.(\d)(\r\n|\r|\n)", pdf.raw)
    if not m:
        r.fail("6.1.2 header", "the file does not start with %PDF-1.n and an end of line")
        return
    if int(m.group(1)) > 4:
        r.fail("6.1.2 header", "version 1.%s, PDF/A-1 needs 1.4 or lower" % m.group(1).decode())
    second = pdf.raw[m.end():m.end() + 64]
    m2 = re.match(rb"%([^\r\n]*)", second)
    if not m2 or len(m2.group(1)) < 4 or any(c < 128 for c in m2.group(1)[:4]):
        r.fail("6.1.2 header", "no comment line of four or more bytes above 127 after the header")
    version = pdf.catalog.get("/Version") if pdf.ok else None
    if isinstance(version, str) and version not in ("/1.0", "/1.1", "/1.2", "/1.3", "/1.4"):
        r.fail("6.1.2 header", "catalog /Version %s" % version)


def check_eof(pdf, r):
    at = pdf.raw.rfind(b"%%EOF")
    if at < 0:
        r.fail("6.1.3 trailer", "no %%EOF marker")
    elif pdf.raw[at + 5:] not in (b"",) + EOL:
        r.fail("6.1.3 trailer", "%d bytes after the last %%%%EOF" % len(pdf.raw[at + 5:]))


def raw_trailers(pdf):
    """The text of every trailer dictionary in the file."""
    return [pdf.raw[m.end():pdf.raw.find(b"startxref", m.end())]
            for m in re.finditer(rb"(?<![A-Za-z])trailer(?![A-Za-z])", pdf.raw)]


def check_encryption(pdf, r):
    if any(re.search(rb"/Encrypt(?![A-Za-z0-9])", t) for t in raw_trailers(pdf)) or \
            "/Encrypt" in pdf.trailer or pdf.encrypted:
        r.fail("6.1.3 encryption", "the trailer has /Encrypt")


def check_id(pdf, r):
    ids = pdf.get(pdf.trailer.get("/ID"))
    if ids is None:
        r.fail("6.1.3 trailer-id", "the trailer has no /ID")
    elif not (isinstance(ids, list) and len(ids) == 2 and all(bytes_of(pdf.get(x)) for x in ids)):
        r.fail("6.1.3 trailer-id", "/ID is not an array of two non-empty strings: %r" % (ids,))


def raw_int(pdf, offsets, v):
    """An integer written directly, or the integer an `N G R` points to."""
    m = re.fullmatch(rb"(\d+) (\d+) R", v)
    if not m:
        return int(v)
    at = offsets.get((int(m.group(1)), int(m.group(2))))
    if at is None:
        return None
    m = re.match(rb"\d+ \d+ obj\s+(\d+)", pdf.raw[at:at + 64])
    return int(m.group(1)) if m else None


def xref_offsets(pdf, r):
    """Object offsets from the cross-reference table(s), checking their
    form (6.1.4); None when there is no usable table."""
    ms = list(re.finditer(rb"startxref\s+(\d+)\s+%%EOF", pdf.raw))
    m = ms[-1] if ms else None
    if not m:
        r.fail("6.1.4 xref", "no startxref offset before the final %%EOF")
        return None
    offsets, at, seen = {}, int(m.group(1)), set()
    while at not in seen:
        seen.add(at)
        head = re.match(rb"xref(\r\n|\r|\n)", pdf.raw[at:at + 8])
        if not head:
            r.fail("6.1.4 xref", "startxref or /Prev (%d) does not point at an `xref` keyword "
                   "with one end of line (a cross-reference stream is not PDF 1.4)" % at)
            return None
        pos = at + head.end()
        while True:
            sub = re.match(rb"(\d+) (\d+)(\r\n|\r|\n)", pdf.raw[pos:pos + 32])
            if not sub:
                break
            first, count = int(sub.group(1)), int(sub.group(2))
            pos += sub.end()
            for i in range(count):
                e = pdf.raw[pos:pos + 20]
                em = re.fullmatch(rb"(\d{10}) (\d{5}) ([nf])( \r| \n|\r\n)", e)
                if not em:
                    r.fail("6.1.4 xref", "malformed entry for object %d" % (first + i))
                    return None
                if em.group(3) == b"n":
                    offsets.setdefault((first + i, int(em.group(2))), int(em.group(1)))
                pos += 20
        t = re.match(rb"\s*trailer\s*<<", pdf.raw[pos:pos + 64])
        if not t:
            r.fail("6.1.4 xref", "no trailer after the table at %d" % at)
            return None
        prev = re.search(rb"/Prev\s+(\d+)", pdf.raw[pos:pdf.raw.find(b"startxref", pos)])
        if not prev:
            break
        at = int(prev.group(1))
    return offsets


def check_objects(pdf, r):
    """6.1.7 streams and 6.1.8 indirect objects, at the offsets the
    cross-reference table gives."""
    offsets = xref_offsets(pdf, r)
    if offsets is None:
        return
    for (num, gen), at in sorted(offsets.items(), key=lambda x: x[1]):
        name = "%d %d obj" % (num, gen)
        m = re.match(rb"(\d+) (\d+) obj(\r\n|\r|\n)", pdf.raw[at:at + 40])
        if not m or (int(m.group(1)), int(m.group(2))) != (num, gen):
            r.fail("6.1.8 objects", "object %s: not `N G obj` and an end of line at offset %d" % (name, at))
            continue
        body = at + m.end()
        end = pdf.raw.find(b"endobj", body)
        s = re.search(rb">>\s*stream", pdf.raw[body:end if end > 0 else len(pdf.raw)])
        if s:
            kw = body + s.end()
            if pdf.raw[kw:kw + 2] != b"\r\n" and pdf.raw[kw:kw + 1] != b"\n":
                r.fail("6.1.7 streams", "%s: `stream` not followed by CRLF or LF" % name)
                continue
            data = kw + (2 if pdf.raw[kw:kw + 2] == b"\r\n" else 1)
            lm = re.search(rb"/Length\s+(\d+ \d+ R|\d+)", pdf.raw[body:body + s.start()])
            length = raw_int(pdf, offsets, lm.group(1)) if lm else None
            if length is None:
                r.fail("6.1.7 streams", "%s: no usable /Length" % name)
                continue
            tail = re.match(rb"(\r\n|\r|\n)endstream", pdf.raw[data + length:data + length + 12])
            if not tail:
                r.fail("6.1.7 streams", "%s: /Length %d does not end at an end of line and `endstream`"
                       % (name, length))
                continue
            end = pdf.raw.find(b"endobj", data + length)
        if end < 0 or pdf.raw[end - 1:end] not in (b"\n", b"\r") or \
                not re.match(rb"endobj(\r\n|\r|\n)", pdf.raw[end:end + 8]):
            r.fail("6.1.8 objects", "%s: `endobj` not between ends of line" % name)
    for d, ref, top in pdf.dicts():
        if top and any(k in d for k in ("/F", "/FFilter", "/FDecodeParms")):
            r.fail("6.1.7 streams", "stream %s refers to an external file" % ref)


def check_filters(pdf, r):
    for ref, o in pdf.objs.items():
        if "stream" in o:
            f = pdf.get(o["stream"]["dict"].get("/Filter"))
            if f == "/LZWDecode" or (isinstance(f, list) and "/LZWDecode" in [pdf.get(x) for x in f]):
                r.fail("6.1.10 filters", "stream %s uses LZWDecode" % ref)


def check_embedded_files(pdf, r):
    for d, ref, _ in pdf.dicts():
        if "/EmbeddedFiles" in d:
            r.fail("6.1.11 embedded-files", "/EmbeddedFiles name tree in %s" % ref)
        if "/EF" in d:
            r.fail("6.1.11 embedded-files", "file specification with /EF in %s" % ref)


def check_optional_content(pdf, r):
    if "/OCProperties" in pdf.catalog:
        r.fail("6.1.13 optional-content", "the catalog has /OCProperties")


# ---- 6.2 graphics ---------------------------------------------------------

def icc_problems(data, n):
    """What is wrong with an ICC profile for a PDF/A-1 output intent."""
    if data is None:
        return ["the profile stream cannot be decoded"]
    if len(data) < 132:
        return ["%d bytes, shorter than an ICC header and tag count" % len(data)]
    size, = struct.unpack(">I", data[:4])
    out = []
    if size != len(data):
        out.append("header size %d but the stream holds %d bytes" % (size, len(data)))
    if data[36:40] != b"acsp":
        out.append("no 'acsp' signature at offset 36")
    if data[8] > 2:
        out.append("ICC version %d.%d, PDF/A-1 needs version 2 or older" % (data[8], data[9] >> 4))
    if data[12:16] not in (b"mntr", b"prtr"):
        out.append("device class %r is neither 'mntr' nor 'prtr'" % data[12:16].decode("latin-1"))
    space = data[16:20]
    want = {1: b"GRAY", 3: b"RGB ", 4: b"CMYK"}.get(n)
    if space != want:
        out.append("colour space %r does not match /N %r" % (space.decode("latin-1"), n))
    count, = struct.unpack(">I", data[128:132])
    if 132 + 12 * count > len(data):
        out.append("tag table of %d entries runs past the end" % count)
    else:
        for i in range(count):
            sig, off, ln = struct.unpack(">4sII", data[132 + 12 * i:144 + 12 * i])
            if off + ln > len(data):
                out.append("tag %r runs past the end" % sig.decode("latin-1"))
    return out


def output_intent_space(pdf, r):
    """Checks the PDF/A output intent (6.2.2); gives its colour space
    ('RGB ', 'CMYK', 'GRAY') or None."""
    clause = "6.2.2 output-intent"
    intents = pdf.get(pdf.catalog.get("/OutputIntents"))
    if not isinstance(intents, list) or not intents:
        r.fail(clause, "the catalog has no /OutputIntents array")
        return None
    pdfa = [i for i in intents if isinstance(pdf.get(i), dict) and pdf.get(pdf.get(i).get("/S")) == "/GTS_PDFA1"]
    if not pdfa:
        r.fail(clause, "no output intent with /S /GTS_PDFA1")
        return None
    profiles = {pdf.get(i).get("/DestOutputProfile") for i in intents if isinstance(pdf.get(i), dict)}
    profiles.discard(None)
    if len(profiles) > 1:
        r.fail(clause, "output intents with different profiles: %s" % sorted(profiles))
    intent = pdf.get(pdfa[0])
    if not text_of(pdf.get(intent.get("/OutputConditionIdentifier"))):
        r.fail(clause, "the GTS_PDFA1 intent has no /OutputConditionIdentifier string")
    prof = intent.get("/DestOutputProfile")
    if not pdf.is_stream(prof):
        r.fail(clause, "the GTS_PDFA1 intent has no /DestOutputProfile stream")
        return None
    n = pdf.get(pdf.get(prof).get("/N"))
    if n != 3:
        r.fail(clause, "profile %s has /N %r, not 3 (RGB)" % (prof, n))
    data = pdf.stream_data(prof)
    for p in icc_problems(data, n):
        r.fail(clause, "profile %s: %s" % (prof, p))
    return data[16:20].decode("latin-1") if data and len(data) >= 20 else None


def check_graphics(pdf, r):
    clause = "6.2 graphics"
    for d, ref, _ in pdf.dicts():
        sub = d.get("/Subtype")
        if sub == "/Image":
            if "/Alternates" in d:
                r.fail(clause, "image %s has /Alternates" % ref)
            if pdf.get(d.get("/Interpolate")) is True:
                r.fail(clause, "image %s has /Interpolate true" % ref)
            if d.get("/Intent") not in (None, "/RelativeColorimetric", "/AbsoluteColorimetric",
                                        "/Perceptual", "/Saturation"):
                r.fail(clause, "image %s has rendering intent %s" % (ref, d.get("/Intent")))
        if sub == "/PS" or d.get("/Subtype2") == "/PS" or (sub == "/Form" and "/PS" in d):
            r.fail(clause, "PostScript XObject %s" % ref)
        if sub == "/Form" and "/Ref" in d:
            r.fail(clause, "reference XObject %s" % ref)
        if sub in ("/Image", "/Form") and "/OPI" in d:
            r.fail(clause, "XObject %s has /OPI" % ref)
        if "/TR" in d:
            r.fail(clause, "graphics state %s has a transfer function /TR" % ref)
        if "/TR2" in d and d.get("/TR2") != "/Default":
            r.fail(clause, "graphics state %s has /TR2 other than /Default" % ref)
        if "/HTO" in d:
            r.fail(clause, "halftone in %s has /HTO" % ref)


# Content streams: which device colour spaces they paint with.

OP_SPACE = {b"rg": "RGB ", b"RG": "RGB ", b"k": "CMYK", b"K": "CMYK", b"g": "GRAY", b"G": "GRAY"}
NAME_SPACE = {b"/DeviceRGB": "RGB ", b"/RGB": "RGB ", b"/DeviceCMYK": "CMYK", b"/CMYK": "CMYK",
              b"/DeviceGray": "GRAY", b"/G": "GRAY"}


def device_spaces(pdf, r):
    """{space: where} for the device colour spaces the file uses."""
    used = {}
    contents = set()
    for ref, page in pdf.pages():
        c = page.get("/Contents")
        for x in (c if isinstance(c, list) else [c]):
            if isinstance(x, str):
                contents.add(x)
    for ref, o in pdf.objs.items():
        if "stream" in o and o["stream"]["dict"].get("/Subtype") == "/Form":
            contents.add(ref)
    for ref in sorted(contents):
        data = pdf.stream_data(ref)
        if data is None:
            r.warn("content stream %s cannot be decoded; its colours are not checked" % ref)
            continue
        for op, args in content_ops(data):
            if op in OP_SPACE:
                used.setdefault(OP_SPACE[op], "operator %s in %s" % (op.decode(), ref))
            elif op in (b"cs", b"CS") and args and args[-1] in NAME_SPACE and args[-1] != b"/G":
                used.setdefault(NAME_SPACE[args[-1]], "%s in %s" % (args[-1].decode(), ref))
            elif op == b"BI":
                for k, v in zip(args[0::2], args[1::2]):
                    if k in (b"/CS", b"/ColorSpace") and v in NAME_SPACE:
                        used.setdefault(NAME_SPACE[v], "inline image %s in %s" % (v.decode(), ref))
                    if k in (b"/F", b"/Filter") and v in (b"/LZW", b"/LZWDecode"):
                        r.fail("6.1.10 filters", "inline image with LZW in %s" % ref)
    names = {"/DeviceRGB": "RGB ", "/DeviceCMYK": "CMYK", "/DeviceGray": "GRAY"}

    def walk(v, ref):
        if isinstance(v, dict):
            for k, x in v.items():
                if k not in ("/DefaultRGB", "/DefaultCMYK", "/DefaultGray"):
                    walk(x, ref)
        elif isinstance(v, list):
            for x in v:
                walk(x, ref)
        elif v in names:
            used.setdefault(names[v], "%s in %s" % (v, ref))
    for ref, o in pdf.objs.items():
        walk(o["stream"]["dict"] if "stream" in o else o.get("value"), ref)
    defaults = {k for d, _, _ in pdf.dicts() for k in ("/DefaultRGB", "/DefaultCMYK", "/DefaultGray") if k in d}
    for k, space in (("/DefaultRGB", "RGB "), ("/DefaultCMYK", "CMYK"), ("/DefaultGray", "GRAY")):
        if k in defaults:
            used.pop(space, None)
    return used


def check_colour(pdf, r, intent_space):
    for space, where in sorted(device_spaces(pdf, r).items()):
        if intent_space is None:
            r.fail("6.2.3 colour", "device colour (%s) without a PDF/A output intent" % where)
        elif space != "GRAY" and space != intent_space:
            r.fail("6.2.3 colour", "%s colour (%s) but the output intent is %s"
                   % (space.strip(), where, intent_space.strip()))


# ---- 6.3 fonts ------------------------------------------------------------

def truetype_cmaps(data):
    """The (platform, encoding) pairs of a TrueType font's cmap table."""
    try:
        ntables, = struct.unpack(">H", data[4:6])
        for i in range(ntables):
            tag, _, off, _ = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
            if tag == b"cmap":
                n, = struct.unpack(">H", data[off + 2:off + 4])
                return {struct.unpack(">HH", data[off + 4 + 8 * k:off + 8 + 8 * k]) for k in range(n)}
    except struct.error:
        return None
    return set()


def parse_cmap(data):
    """An embedded CMap's codespace [(low, high) as bytes], {code bytes:
    CID} from its cidrange and cidchar sections, and its WMode."""
    text = data.decode("latin-1")
    space = [(bytes.fromhex(a), bytes.fromhex(b)) for part in
             re.findall(r"begincodespacerange(.*?)endcodespacerange", text, re.S)
             for a, b in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", part)]
    cids = {}
    for part in re.findall(r"begincidrange(.*?)endcidrange", text, re.S):
        for a, b, c in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\d+)", part):
            lo, hi, n = int(a, 16), int(b, 16), len(a) // 2
            for k in range(lo, hi + 1):
                cids[k.to_bytes(n, "big")] = int(c) + k - lo
    for part in re.findall(r"begincidchar(.*?)endcidchar", text, re.S):
        for a, c in re.findall(r"<([0-9A-Fa-f]+)>\s*(\d+)", part):
            cids[bytes.fromhex(a)] = int(c)
    m = re.search(r"/WMode\s+(\d+)\s+def", text)
    return space, cids, int(m.group(1)) if m else 0


def split_codes(s, space):
    """The codes of string s as a CMap's codespace cuts them."""
    out, i = [], 0
    while i < len(s):
        for n in (1, 2, 3, 4):
            c = s[i:i + n]
            if len(c) == n and any(len(lo) == n and lo <= c <= hi and
                                   all(lo[k] <= c[k] <= hi[k] for k in range(n)) for lo, hi in space):
                break
        else:
            n, c = 1, s[i:i + 1]
        out.append(c)
        i += n
    return out


def check_embedded_cmap(pdf, r, name, ref, cidfont):
    """6.3.3.3: an embedded CMap's WMode in its dictionary and its stream
    agree, its CIDSystemInfo has the CIDFont's registry and ordering and
    at least its supplement; every code maps to a CID."""
    clause = "6.3 fonts"
    d = pdf.get(ref)
    if d.get("/Type") != "/CMap" or not isinstance(pdf.get(d.get("/CMapName")), str):
        r.fail(clause, "Type0 font %s: embedded CMap without /Type /CMap and /CMapName" % name)
    space, cids, wmode = parse_cmap(pdf.stream_data(ref) or b"")
    if (pdf.get(d.get("/WMode")) or 0) != wmode:
        r.fail(clause, "Type0 font %s: the CMap's /WMode differs from its stream's" % name)
    mine, theirs = pdf.get(d.get("/CIDSystemInfo")), pdf.get((cidfont or {}).get("/CIDSystemInfo"))
    if isinstance(mine, dict) and isinstance(theirs, dict):
        for k in ("/Registry", "/Ordering"):
            if text_of(pdf.get(mine.get(k))) != text_of(pdf.get(theirs.get(k))):
                r.fail(clause, "Type0 font %s: CMap and CIDFont %s differ" % (name, k))
        if (pdf.get(theirs.get("/Supplement")) or 0) > (pdf.get(mine.get("/Supplement")) or 0):
            r.fail(clause, "Type0 font %s: the CIDFont's supplement exceeds the CMap's" % name)
    else:
        r.fail(clause, "Type0 font %s: embedded CMap without /CIDSystemInfo" % name)
    if not space or not cids:
        r.fail(clause, "Type0 font %s: embedded CMap without codespace or CIDs" % name)


def check_font(pdf, r, ref, font, seen_cmap):
    clause = "6.3 fonts"
    sub = pdf.get(font.get("/Subtype"))
    name = "%s (%s)" % (pdf.get(font.get("/BaseFont")), ref)
    if sub == "/Type3":
        return
    if sub == "/Type0":
        desc = pdf.get(font.get("/DescendantFonts"))
        if not isinstance(desc, list) or len(desc) != 1 or not isinstance(pdf.get(desc[0]), dict):
            r.fail(clause, "Type0 font %s without one descendant font" % name)
        enc_ref = font.get("/Encoding")
        enc = pdf.get(enc_ref)
        if isinstance(enc, str) and enc not in ("/Identity-H", "/Identity-V"):
            r.fail(clause, "Type0 font %s uses CMap %s, which is not embedded" % (name, enc))
        elif pdf.is_stream(enc_ref):
            check_embedded_cmap(pdf, r, name, enc_ref, pdf.get(desc[0]) if isinstance(desc, list) and desc else None)
        return
    fd = pdf.get(font.get("/FontDescriptor"))
    if not isinstance(fd, dict):
        r.fail(clause, "font %s has no font descriptor, so it is not embedded" % name)
        return
    files = [k for k in ("/FontFile", "/FontFile2", "/FontFile3") if pdf.is_stream(fd.get(k))]
    if not files:
        r.fail(clause, "font %s is not embedded" % name)
    if sub in ("/CIDFontType0", "/CIDFontType2") and not pdf.is_stream(fd.get("/CIDSet")):
        r.fail(clause, "CID font %s has no /CIDSet stream in its descriptor" % name)
    if sub == "/CIDFontType2" and not (font.get("/CIDToGIDMap") == "/Identity" or pdf.is_stream(font.get("/CIDToGIDMap"))):
        r.fail(clause, "CIDFontType2 %s has no /CIDToGIDMap" % name)
    base = pdf.get(font.get("/BaseFont")) or ""
    if sub == "/Type1" and re.match(r"/[A-Z]{6}\+", base) and not bytes_of(pdf.get(fd.get("/CharSet"))):
        r.fail(clause, "Type 1 subset %s has no /CharSet" % name)
    if sub != "/TrueType":
        return
    flags = pdf.get(fd.get("/Flags")) or 0
    enc = pdf.get(font.get("/Encoding"))
    if flags & 4:
        if enc is not None:
            r.fail(clause, "symbolic TrueType font %s has an /Encoding" % name)
        return
    base_enc = pdf.get(enc.get("/BaseEncoding")) if isinstance(enc, dict) else enc
    if base_enc not in ("/WinAnsiEncoding", "/MacRomanEncoding"):
        r.fail(clause, "non-symbolic TrueType font %s has encoding %s, not WinAnsi or MacRoman" % (name, base_enc))
    if isinstance(enc, dict) and "/Differences" in enc and "/FontFile2" in files:
        key = fd.get("/FontFile2")
        if key not in seen_cmap:
            seen_cmap[key] = truetype_cmaps(pdf.stream_data(key) or b"")
        if seen_cmap[key] is not None and (3, 1) not in seen_cmap[key]:
            r.warn("TrueType font %s has /Differences but its program has no (3,1) cmap" % name)


# 6.3.6: the widths in a simple TrueType font's dictionary, or a CIDFont's
# /W, must match the glyphs of its program, for every code the content uses.

ACCENTS = {"acute": "ACUTE", "grave": "GRAVE", "caron": "CARON", "breve": "BREVE", "ogonek": "OGONEK",
           "cedilla": "CEDILLA", "dieresis": "DIAERESIS", "macron": "MACRON", "dotaccent": "DOT ABOVE",
           "ring": "RING ABOVE", "tilde": "TILDE", "circumflex": "CIRCUMFLEX", "slash": "STROKE",
           "hungarumlaut": "DOUBLE ACUTE", "commaaccent": "COMMA BELOW"}
SPACING = {"caron": 0x2C7, "breve": 0x2D8, "ogonek": 0x2DB, "dotaccent": 0x2D9, "ring": 0x2DA,
           "hungarumlaut": 0x2DD, "dieresis": 0xA8, "macron": 0xAF, "cedilla": 0xB8, "acute": 0xB4,
           "grave": 0x60, "tilde": 0x2DC, "circumflex": 0x2C6, "dotlessi": 0x131, "space": 0x20,
           "Dcroat": 0x110, "dcroat": 0x111, "Eth": 0xD0, "eth": 0xF0, "Thorn": 0xDE, "thorn": 0xFE,
           "germandbls": 0xDF, "AE": 0xC6, "ae": 0xE6, "OE": 0x152, "oe": 0x153}


def glyph_unicode(name):
    """The character a glyph name stands for, for the names of Latin letters
    and accents amokit's code pages use; None for others."""
    import unicodedata
    if re.fullmatch(r"uni[0-9A-F]{4}", name):
        return int(name[3:], 16)
    if re.fullmatch(r"[A-Za-z]", name):
        return ord(name)
    if name in SPACING:
        return SPACING[name]
    m = re.fullmatch(r"([A-Za-z])(%s)" % "|".join(ACCENTS), name)
    if m:
        case = "CAPITAL" if m.group(1).isupper() else "SMALL"
        accents = [ACCENTS[m.group(2)]]
        if m.group(2) == "commaaccent" and m.group(1) not in "Ss":
            accents.insert(0, "CEDILLA")   # the Adobe Glyph List's Tcommaaccent is U+0162
        for accent in accents:
            try:
                return ord(unicodedata.lookup("LATIN %s LETTER %s WITH %s" % (case, m.group(1).upper(), accent)))
            except KeyError:
                pass
    return None


def truetype_metrics(data):
    """(advance widths in 1000ths of an em by glyph, {unicode: glyph} from
    the (3,1) cmap); None when the program cannot be read that far."""
    try:
        tables = {}
        for i in range(struct.unpack(">H", data[4:6])[0]):
            tag, _, off, ln = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
            tables[tag] = off
        upem, = struct.unpack(">H", data[tables[b"head"] + 18:tables[b"head"] + 20])
        nmetrics, = struct.unpack(">H", data[tables[b"hhea"] + 34:tables[b"hhea"] + 36])
        hmtx = tables[b"hmtx"]
        widths = [round(struct.unpack(">H", data[hmtx + 4 * g:hmtx + 4 * g + 2])[0] * 1000 / upem)
                  for g in range(nmetrics)]
        if b"cmap" not in tables:   # a CIDFontType2 program needs none
            return widths, None
        cmap = tables[b"cmap"]
        sub = None
        for k in range(struct.unpack(">H", data[cmap + 2:cmap + 4])[0]):
            pid, eid, off = struct.unpack(">HHI", data[cmap + 4 + 8 * k:cmap + 12 + 8 * k])
            if (pid, eid) == (3, 1):
                sub = cmap + off
        if sub is None or struct.unpack(">H", data[sub:sub + 2])[0] != 4:
            return widths, None
        segs = struct.unpack(">H", data[sub + 6:sub + 8])[0] // 2
        ends = struct.unpack(">%dH" % segs, data[sub + 14:sub + 14 + 2 * segs])
        starts = struct.unpack(">%dH" % segs, data[sub + 16 + 2 * segs:sub + 16 + 4 * segs])
        deltas = struct.unpack(">%dh" % segs, data[sub + 16 + 4 * segs:sub + 16 + 6 * segs])
        ro_at = sub + 16 + 6 * segs
        ranges = struct.unpack(">%dH" % segs, data[ro_at:ro_at + 2 * segs])
        uni = {}
        for k in range(segs):
            for c in range(starts[k], min(ends[k], 0xFFFE) + 1):
                if ranges[k] == 0:
                    g = (c + deltas[k]) & 0xFFFF
                else:
                    at = ro_at + 2 * k + ranges[k] + 2 * (c - starts[k])
                    g, = struct.unpack(">H", data[at:at + 2])
                    g = (g + deltas[k]) & 0xFFFF if g else 0
                if g:
                    uni[c] = g
        return widths, uni
    except (KeyError, struct.error):
        return None


def code_unicode(pdf, font, code):
    enc = pdf.get(font.get("/Encoding"))
    base = pdf.get(enc.get("/BaseEncoding")) if isinstance(enc, dict) else enc
    if isinstance(enc, dict):
        diffs, at = pdf.get(enc.get("/Differences")) or [], 0
        names = {}
        for x in diffs:
            if is_num(x):
                at = int(x)
            else:
                names[at] = x[1:]
                at += 1
        if code in names:
            return glyph_unicode(names[code])
    try:
        ch = bytes([code]).decode("mac_roman" if base == "/MacRomanEncoding" else "cp1252")
    except UnicodeDecodeError:
        return None
    return ord(ch)


def font_resources(pdf, owner):
    """The /Font resource dictionary of a page (inherited ones included) or
    form XObject."""
    seen = 0
    while isinstance(owner, dict) and seen < 64:
        res = pdf.get(owner.get("/Resources"))
        if isinstance(res, dict):
            return pdf.get(res.get("/Font")) or {}
        owner = pdf.get(owner.get("/Parent"))
        seen += 1
    return {}


def used_codes(pdf, r):
    """{font reference: set of codes} the content streams show."""
    used = {}
    streams = []
    for ref, page in pdf.pages():
        c = page.get("/Contents")
        streams.append(([x for x in (c if isinstance(c, list) else [c]) if isinstance(x, str)], page))
    for ref, o in pdf.objs.items():
        if "stream" in o and o["stream"]["dict"].get("/Subtype") == "/Form":
            streams.append(([ref], o["stream"]["dict"]))
    for refs, owner in streams:
        fonts = font_resources(pdf, owner)
        data = b"".join((pdf.stream_data(x) or b"") + b"\n" for x in refs)
        current = None
        for op, args in content_ops(data):
            if op == b"Tf" and len(args) >= 2 and isinstance(args[-2], bytes):
                current = fonts.get(args[-2].decode("latin-1"))
            elif op in (b"Tj", b"TJ", b"'", b'"') and isinstance(current, str):
                for a in args:
                    if isinstance(a, tuple):
                        used.setdefault(current, set()).add(a[1])
    return used


def cid_widths(pdf, cidfont):
    """{CID: width} from a CIDFont's /W array."""
    w, out, i = pdf.get(cidfont.get("/W")) or [], {}, 0
    while i + 1 < len(w):
        first, nxt = pdf.get(w[i]), pdf.get(w[i + 1])
        if isinstance(nxt, list):
            for k, x in enumerate(nxt):
                out[int(first) + k] = pdf.get(x)
            i += 2
        elif i + 2 < len(w):
            for c in range(int(first), int(nxt) + 1):
                out[c] = pdf.get(w[i + 2])
            i += 3
        else:
            break
    return out


def check_cid_widths(pdf, r, font, strings, metrics):
    """6.3.6 for a Type0 font over a CIDFontType2: each code the content
    shows is a CID (Identity-H: the two-byte code; an embedded CMap: what
    it maps the code to); its /W width must match its glyph's advance."""
    desc = pdf.get(font.get("/DescendantFonts"))
    cid = pdf.get(desc[0]) if isinstance(desc, list) and desc else None
    if not isinstance(cid, dict) or cid.get("/Subtype") != "/CIDFontType2":
        return
    fd = pdf.get(cid.get("/FontDescriptor"))
    prog = fd.get("/FontFile2") if isinstance(fd, dict) else None
    if not pdf.is_stream(prog):
        return
    if prog not in metrics:
        metrics[prog] = truetype_metrics(pdf.stream_data(prog) or b"")
    if metrics[prog] is None:
        return
    advances = metrics[prog][0]
    gmap = cid.get("/CIDToGIDMap")
    gdata = pdf.stream_data(gmap) if pdf.is_stream(gmap) else None
    widths, dw = cid_widths(pdf, cid), pdf.get(cid.get("/DW")) or 1000
    wrong = []
    enc = font.get("/Encoding")
    if pdf.is_stream(enc):   # an embedded CMap: codes to CIDs
        space, cmap, _ = parse_cmap(pdf.stream_data(enc) or b"")
        cids = set()
        for s in strings:
            for code in split_codes(s, space):
                if code not in cmap:
                    wrong.append("code <%s> maps to no CID" % code.hex())
                else:
                    cids.add(cmap[code])
    else:                    # Identity-H: the two-byte code is the CID
        cids = {(s[i] << 8) | s[i + 1] for s in strings for i in range(0, len(s) - 1, 2)}
    for c in sorted(cids):
        g = c if gdata is None else (int.from_bytes(gdata[2 * c:2 * c + 2], "big") if 2 * c + 2 <= len(gdata) else 0)
        have, want = widths.get(c, dw), advances[min(g, len(advances) - 1)]
        if not is_num(have) or abs(have - want) > 1:
            wrong.append("CID %d: /W %s, glyph %d" % (c, have, want))
    if wrong:
        r.fail("6.3.6 font-widths", "font %s: %s" % (pdf.get(font.get("/BaseFont")), ", ".join(wrong[:4])))


def check_widths(pdf, r):
    metrics = {}
    for ref, strings in sorted(used_codes(pdf, r).items()):
        font = pdf.get(ref)
        if isinstance(font, dict) and font.get("/Subtype") == "/Type0":
            check_cid_widths(pdf, r, font, strings, metrics)
        if not isinstance(font, dict) or font.get("/Subtype") != "/TrueType":
            continue
        codes = {b for s in strings for b in s}
        fd = pdf.get(font.get("/FontDescriptor"))
        prog = fd.get("/FontFile2") if isinstance(fd, dict) else None
        if not pdf.is_stream(prog) or (pdf.get(fd.get("/Flags")) or 0) & 4:
            continue
        if prog not in metrics:
            metrics[prog] = truetype_metrics(pdf.stream_data(prog) or b"")
        m = metrics[prog]
        if m is None or m[1] is None:
            r.warn("font %s: no (3,1) cmap to check its widths against" % ref)
            continue
        advances, uni = m
        first = pdf.get(font.get("/FirstChar")) or 0
        widths = pdf.get(font.get("/Widths")) or []
        wrong = []
        for code in sorted(codes):
            u = code_unicode(pdf, font, code)
            g = uni.get(u) if u is not None else None
            if g is None:
                continue
            have = pdf.get(widths[code - first]) if 0 <= code - first < len(widths) else font.get("/MissingWidth", 0)
            want = advances[min(g, len(advances) - 1)]
            if not is_num(have) or abs(have - want) > 1:
                wrong.append("code %d: /Widths %s, glyph %d" % (code, have, want))
        if wrong:
            r.fail("6.3.6 font-widths", "font %s (%s): %s" % (pdf.get(font.get("/BaseFont")), ref, ", ".join(wrong[:4])))


def check_fonts(pdf, r):
    seen_cmap = {}
    for ref, o in pdf.objs.items():
        v = o.get("value")
        if isinstance(v, dict) and v.get("/Type") == "/Font":
            check_font(pdf, r, ref, v, seen_cmap)


# ---- 6.4 transparency, 6.5 annotations, 6.6 actions, 6.9 forms ----------

def annotations(pdf):
    found = {}
    for ref, page in pdf.pages():
        for a in pdf.get(page.get("/Annots")) or []:
            if isinstance(pdf.get(a), dict):
                found[a if isinstance(a, str) else "in " + ref] = pdf.get(a)
    for ref, o in pdf.objs.items():
        v = o.get("value")
        if isinstance(v, dict) and v.get("/Type") == "/Annot":
            found[ref] = v
    return found


def check_transparency(pdf, r, annots):
    clause = "6.4 transparency"
    annot_ids = {id(a) for a in annots.values()}
    for d, ref, _ in pdf.dicts():
        if "/SMask" in d and pdf.get(d["/SMask"]) != "/None":
            r.fail(clause, "/SMask in %s" % ref)
        for k in ("/CA", "/ca"):
            v = pdf.get(d.get(k))
            if is_num(v) and v != 1 and id(d) not in annot_ids:
                r.fail(clause, "%s %g in %s" % (k, v, ref))
        bm = pdf.get(d.get("/BM"))
        if bm is not None and bm not in ("/Normal", "/Compatible") and \
                not (isinstance(bm, list) and all(pdf.get(x) in ("/Normal", "/Compatible") for x in bm)):
            r.fail(clause, "blend mode %s in %s" % (bm, ref))
        if pdf.get(d.get("/S")) == "/Transparency":
            r.fail(clause, "transparency group in %s" % ref)


ALLOWED_ANNOTS = {"/Text", "/Link", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine",
                  "/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Ink", "/Popup",
                  "/Widget", "/PrinterMark", "/TrapNet"}


def check_annotations(pdf, r, annots, intent_space):
    clause = "6.5 annotations"
    for ref, a in sorted(annots.items()):
        sub = pdf.get(a.get("/Subtype"))
        if sub not in ALLOWED_ANNOTS:
            r.fail(clause, "annotation %s has subtype %s" % (ref, sub))
        f = pdf.get(a.get("/F"))
        if not isinstance(f, int):
            r.fail(clause, "annotation %s has no /F flags" % ref)
        else:
            if not f & 4:
                r.fail(clause, "annotation %s lacks the Print flag (/F %d)" % (ref, f))
            if f & (1 | 2 | 32):
                r.fail(clause, "annotation %s is Invisible, Hidden or NoView (/F %d)" % (ref, f))
        ca = pdf.get(a.get("/CA"))
        if is_num(ca) and ca != 1:
            r.fail(clause, "annotation %s has /CA %g" % (ref, ca))
        if ("/C" in a or "/IC" in a) and intent_space != "RGB ":
            r.fail(clause, "annotation %s has /C or /IC without an RGB output intent" % ref)
        ap = pdf.get(a.get("/AP"))
        if isinstance(ap, dict) and set(ap) != {"/N"}:
            r.fail(clause, "annotation %s has appearance keys %s besides /N" % (ref, sorted(set(ap) - {"/N"})))


ACTIONS = {"/GoTo", "/GoToR", "/GoToE", "/Launch", "/Thread", "/URI", "/Sound", "/Movie", "/Hide", "/Named",
           "/SubmitForm", "/ResetForm", "/ImportData", "/JavaScript", "/SetOCGState", "/Rendition",
           "/Trans", "/GoTo3DView", "/set-state", "/no-op"}
ALLOWED_ACTIONS = {"/GoTo", "/GoToR", "/Thread", "/URI", "/Named", "/SubmitForm"}
ALLOWED_NAMED = {"/NextPage", "/PrevPage", "/FirstPage", "/LastPage"}


def check_actions(pdf, r):
    clause = "6.6 actions"
    for d, ref, _ in pdf.dicts():
        s = pdf.get(d.get("/S"))
        if (s in ACTIONS or d.get("/Type") == "/Action") and s not in ALLOWED_ACTIONS:
            r.fail(clause, "%s action in %s" % (s, ref))
        if s == "/Named" and pdf.get(d.get("/N")) not in ALLOWED_NAMED:
            r.fail(clause, "named action %s in %s" % (pdf.get(d.get("/N")), ref))
        for k in ("/JS", "/JavaScript", "/AA"):
            if k in d:
                r.fail(clause, "%s in %s" % (k, ref))


def check_forms(pdf, r):
    form = pdf.get(pdf.catalog.get("/AcroForm"))
    if isinstance(form, dict):
        if "/XFA" in form:
            r.fail("6.9 forms", "the interactive form has /XFA")
        if pdf.get(form.get("/NeedAppearances")) is True:
            r.fail("6.9 forms", "the interactive form has /NeedAppearances true")
    for d, ref, _ in pdf.dicts():
        if "/XFA" in d and d is not form:
            r.fail("6.9 forms", "/XFA in %s" % ref)


# ---- 6.7 metadata ----------------------------------------------------------

# Schemas XMP 2004 predefines (6.7.8): properties in others need an extension schema.
PREDEFINED = set(NS.values()) | {
    "http://ns.adobe.com/xap/1.0/rights/", "http://ns.adobe.com/xap/1.0/mm/",
    "http://ns.adobe.com/xap/1.0/bj/", "http://ns.adobe.com/xap/1.0/t/pg/",
    "http://ns.adobe.com/photoshop/1.0/", "http://ns.adobe.com/tiff/1.0/",
    "http://ns.adobe.com/exif/1.0/", "http://ns.adobe.com/exif/1.0/aux/",
    "http://ns.adobe.com/camera-raw-settings/1.0/", "http://ns.adobe.com/xap/1.0/t/",
    "http://www.aiim.org/pdfa/ns/extension/", "http://www.aiim.org/pdfa/ns/schema#",
    "http://www.aiim.org/pdfa/ns/property#", "http://www.aiim.org/pdfa/ns/type#",
    "http://www.aiim.org/pdfa/ns/field#"}


def pdf_date(s):
    m = re.fullmatch(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(?:([+\-Z])(?:(\d\d)'?(?:(\d\d)'?)?)?)?", s or "")
    if not m:
        return None
    return date_value(m.groups()[:6], m.group(7), m.group(8), m.group(9))


def xmp_date(s):
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?"
                     r"(?:(Z)|([+\-])(\d\d):(\d\d))?)?)?)?", (s or "").strip())
    if not m:
        return None
    sign = "Z" if m.group(7) else m.group(8)
    return date_value(m.groups()[:6], sign, m.group(9), m.group(10))


def date_value(fields, sign, hh, mm):
    """A comparable date: (UTC datetime, True) with a zone, (local, False)
    without; None when the fields are out of range."""
    d = [int(x) if x else dflt for x, dflt in zip(fields, (0, 1, 1, 0, 0, 0))]
    try:
        t = datetime.datetime(*d)
    except ValueError:
        return None
    if sign is None:
        return t, False
    off = datetime.timedelta(hours=int(hh or 0), minutes=int(mm or 0))
    if sign == "Z":
        if off:
            return None
        return t, True
    return (t - off if sign == "+" else t + off), True


INFO_XMP = [("/Title", "dc", "title", "alt"), ("/Author", "dc", "creator", "seq"),
            ("/Subject", "dc", "description", "alt"), ("/Keywords", "pdf", "Keywords", "simple"),
            ("/Creator", "xmp", "CreatorTool", "simple"), ("/Producer", "pdf", "Producer", "simple"),
            ("/CreationDate", "xmp", "CreateDate", "date"), ("/ModDate", "xmp", "ModifyDate", "date")]


def check_info_xmp(pdf, r, props):
    clause = "6.7.3 info-xmp"
    info = pdf.get(pdf.trailer.get("/Info"))
    if not isinstance(info, dict):
        return
    for key, prefix, local, kind in INFO_XMP:
        if key not in info:
            continue
        want = text_of(pdf.get(info[key]))
        prop = "%s:%s" % (prefix, local)
        v = props.get(q(prefix, local))
        if want is None:
            r.fail(clause, "/Info %s is not a string" % key)
            continue
        if v is None:
            r.fail(clause, "/Info has %s but the XMP has no %s" % (key, prop))
            continue
        if kind == "date":
            got_s = xmp_text(v, "simple")
            a, b = pdf_date(want), xmp_date(got_s)
            if a is None or b is None:
                r.fail(clause, "cannot compare dates %s %r and %s %r" % (key, want, prop, got_s))
            elif a != b:
                r.fail(clause, "%s %r and %s %r are not the same instant" % (key, want, prop, got_s))
            continue
        got = xmp_text(v, kind)
        if kind == "seq":
            if got is None or len(got) != 1:
                r.fail(clause, "%s is not an rdf:Seq of one entry" % prop)
                continue
            got = got[0]
        if got is None:
            r.fail(clause, "%s has no %s value" % (prop, "x-default" if kind == "alt" else "simple"))
        elif got != want:
            r.fail(clause, "/Info %s %r differs from %s %r" % (key, want, prop, got))


def check_metadata(pdf, r):
    clause = "6.7.2 metadata"
    ref = pdf.catalog.get("/Metadata")
    if ref is None:
        r.fail(clause, "the catalog has no /Metadata")
        return
    if not pdf.is_stream(ref):
        r.fail(clause, "/Metadata is not a stream")
        return
    d = pdf.get(ref)
    if d.get("/Type") != "/Metadata" or d.get("/Subtype") != "/XML":
        r.fail(clause, "metadata stream %s is not /Type /Metadata /Subtype /XML" % ref)
    if "/Filter" in d:
        r.fail(clause, "metadata stream %s has a /Filter" % ref)
    data = pdf.stream_data(ref)
    if data is None:
        r.fail(clause, "metadata stream %s cannot be decoded" % ref)
        return
    head = re.match(rb"(?:\xef\xbb\xbf)?<\?xpacket\s([^?]*)\?>", data)
    if not head:
        r.warn("the XMP in %s has no xpacket header" % ref)
    elif re.search(rb"\b(bytes|encoding)\s*=", head.group(1)):
        r.fail("6.7.5 xmp-packet", "the xpacket header has a bytes or encoding attribute")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        r.fail(clause, "the XMP in %s is not well-formed XML: %s" % (ref, e))
        return
    props = xmp_properties(root)
    part = props.get(q("pdfaid", "part"))
    conf = props.get(q("pdfaid", "conformance"))
    part = xmp_text(part, "simple") if part is not None else None
    conf = xmp_text(conf, "simple") if conf is not None else None
    if (part or "").strip() != "1" or (conf or "").strip() not in ("A", "B"):
        r.fail("6.7.11 pdfa-id", "pdfaid:part %r and pdfaid:conformance %r, expected '1' and 'A' or 'B'"
               % (part, conf))
    elif conf.strip() == "A":
        check_level_a(pdf, r)
    extended = {e.text.strip() for e in root.iter("{http://www.aiim.org/pdfa/ns/schema#}namespaceURI") if e.text}
    for tag in props:
        ns = tag[1:].split("}")[0] if tag.startswith("{") else ""
        if ns not in PREDEFINED and ns not in extended:
            r.fail("6.7.8 xmp-schemas", "property %s is in no predefined schema and no extension schema" % tag)
    check_info_xmp(pdf, r, props)


# ---- 6.8 level A -----------------------------------------------------------

# Level A is level B plus the logical structure (§6.8.2, §6.8.3), Unicode
# for every character (§6.3.8) and the natural language (§6.8.4). The PDF/UA
# checker's rules hold all of that and more (every content marked or an
# artifact, tables, lists, figures' alternative text): a file that claims
# level A must pass them, each reported under the PDF/A clause it serves.
LEVEL_A = {"7.1 marked": "6.8.2.2 marked", "7.1 struct-tree": "6.8.2.2 struct-tree",
           "7.1 struct-types": "6.8.3.3 struct-types", "7.2 lang": "6.8.4 lang",
           "7.21 tounicode": "6.3.8 tounicode", "7.21 fonts": "6.3 fonts"}


class LevelA:
    """A Report's fail() under the PDF/A clause of a PDF/UA rule."""

    def __init__(self, r):
        self.r = r

    def fail(self, rule, msg):
        self.r.fail(LEVEL_A.get(rule, "6.8 level-a"), "PDF/UA %s: %s" % (rule, msg))

    def warn(self, msg):
        self.r.warn(msg)


def check_struct_type(pdf, r):
    """§6.8.3.3: every structure element has /Type /StructElem, which PDF
    itself makes optional (veraPDF's rule 6.8.3-2, PDFTron's PDFA8_3_3_2)."""
    root = pdf.get(pdf.catalog.get("/StructTreeRoot"))
    if not isinstance(root, dict):
        return    # uacheck reports it
    todo, seen, missing = [root.get("/K")], set(), []
    while todo:
        k = todo.pop()
        if isinstance(k, list):
            todo.extend(k)
            continue
        if not (isinstance(k, str) and REF.match(k)) or k in seen:
            continue
        seen.add(k)
        e = pdf.get(k)
        if not isinstance(e, dict) or e.get("/Type") in ("/MCR", "/OBJR") or "/S" not in e:
            continue
        if e.get("/Type") != "/StructElem":
            missing.append(k)
        todo.append(e.get("/K"))
    if missing:
        r.fail("6.8.3.3 struct-elem-type", "%d structure elements without /Type /StructElem (%s)"
               % (len(missing), ", ".join(sorted(missing)[:3])))


def check_level_a(pdf, r):
    import uacheck  # it imports this module: not at the top
    uacheck.check_pdf(pdf, LevelA(r))
    check_struct_type(pdf, r)


# ---- driver -----------------------------------------------------------------

def check_file(path, quiet):
    pdf, r = open_checked(path, quiet, (check_header, check_eof, check_encryption))
    if pdf is None:
        return r
    if pdf.qpdf_errors:
        r.fail("6.1 syntax", "qpdf: %s" % pdf.qpdf_errors.replace("\n", " | ")[:300])
    check_id(pdf, r)
    check_objects(pdf, r)
    check_filters(pdf, r)
    check_embedded_files(pdf, r)
    check_optional_content(pdf, r)
    space = output_intent_space(pdf, r)
    check_graphics(pdf, r)
    check_colour(pdf, r, space)
    check_fonts(pdf, r)
    check_widths(pdf, r)
    annots = annotations(pdf)
    check_transparency(pdf, r, annots)
    check_annotations(pdf, r, annots, space)
    check_actions(pdf, r)
    check_forms(pdf, r)
    check_metadata(pdf, r)
    return r


def main(argv):
    return run_checker(argv, check_file, __doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
