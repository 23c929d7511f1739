#!/usr/bin/env python3
"""objstm.py FILE.pdf...: what a tagged PDF's object streams hold (issue 22).

For each file amokit wrote with object streams (PDF 1.7; not the PDF/A-1
referat), prints the object streams' bytes in the file, their objects,
what the streams' headers (the "number offset" pairs, ISO 32000-1 §7.5.7)
cost (the objects compressed with and without their header by zlib at
level 6, close to the writer's libdeflate level 6), and of the objects
the structure elements, their marked-content sequences (MCIDs) and how
many of those only continue an element whose content an artifact cut in
two (a line-end hyphen, a marker drawn inside a label).

    SOURCE_DATE_EPOCH=1767225600 build/amokit render examples/kontor-27.xml -o t
    python3 bench/objstm.py t/*.pdf
"""
import re
import sys
import zlib

STREAM = re.compile(rb"<</Type/ObjStm/N (\d+)/First (\d+)/Length (\d+)/Filter/FlateDecode>>\nstream\n")


def object_streams(path):
    """[(bytes in the file, [(number, object bytes)...])...]"""
    data = open(path, "rb").read()
    out = []
    for m in STREAM.finditer(data):
        _, first, length = map(int, m.groups())
        dec = zlib.decompress(data[m.end():m.end() + length])
        head = dec[:first].split()
        nums, offs = [int(x) for x in head[0::2]], [int(x) for x in head[1::2]]
        objs = []
        for i, (num, off) in enumerate(zip(nums, offs)):
            end = offs[i + 1] if i + 1 < len(offs) else len(dec) - first
            objs.append((num, dec[first + off:first + end]))
        out.append((length, objs))
    return out


def mcids(obj):
    """The MCIDs an element's /K names directly."""
    m = re.search(rb"/K\[([^\]]*)\]", obj)
    if m and b"R" not in m.group(1) and b"<<" not in m.group(1):
        return len(m.group(1).split())
    return 1 if re.search(rb"/K \d+>>", obj) else 0


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for path in sys.argv[1:]:
        streams = object_streams(path)
        if not streams:
            print("%s: no object streams" % path)
            continue
        in_file = with_head = without = n = elements = marks = split = 0
        for length, objs in streams:
            in_file += length
            body = b"".join(o for _, o in objs)
            pairs, off = [], 0
            for num, o in objs:
                pairs.append(b"%d %d" % (num, off))
                off += len(o)
            with_head += len(zlib.compress(b" ".join(pairs) + b" " + body, 6))
            without += len(zlib.compress(body, 6))
            n += len(objs)
            for _, o in objs:
                if o.startswith(b"<</S/") or o.startswith(b"<</Type/StructElem"):
                    elements += 1
                    k = mcids(o)
                    marks += k
                    split += max(0, k - 1)
        head = with_head - without
        print("%s: object streams %d bytes, %d objects; headers ~%d bytes (%.1f a pair); "
              "%d structure elements, %d MCIDs, %d of them continuing an element cut by an artifact"
              % (path, in_file, n, head, head / n, elements, marks, split))


if __name__ == "__main__":
    main()
