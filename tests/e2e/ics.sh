#!/bin/sh
# ics.sh: `amokit ics` on the care-centre example, read back by a small
# RFC 5545 parser of our own (below, in Python): CRLF line ends, lines of at
# most 75 octets holding whole UTF-8 characters, balanced BEGIN/END, one
# VEVENT per <activity> with its title as SUMMARY (unescaped) and a unique
# UID; then that stdout and -o give the same bytes, that two runs give the
# same bytes, and that no temporary file is left beside the output.
# Run from the repository root with AMOKIT=<binary>.
set -u
AMOKIT=${AMOKIT:-build/amokit}
xml=examples/plejecenter-140.xml
fail() { echo "ics: $*"; exit 1; }
[ -e "$xml" ] || { echo "skip: no $xml"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

SOURCE_DATE_EPOCH=1767225600 "$AMOKIT" ics "$xml" -o "$tmp/x.ics" 2> "$tmp/err"
rc=$?
if [ "$rc" = 2 ] && grep -q "not available" "$tmp/err"; then
	echo "skip: 'amokit ics' is not available in this build yet"
	exit 0
fi
[ "$rc" = 0 ] || { cat "$tmp/err"; fail "amokit ics exited $rc"; }
[ "$(ls -A "$tmp")" = "$(printf 'err\nx.ics')" ] || fail "files left beside the output: $(ls -A "$tmp")"

python3 - "$tmp/x.ics" "$xml" <<'EOF' || exit 1
import sys
import xml.etree.ElementTree as ET

ics_path, xml_path = sys.argv[1], sys.argv[2]
data = open(ics_path, "rb").read()

def fail(msg):
    print("ics: " + msg)
    sys.exit(1)

# Physical lines: CRLF only, at most 75 octets, whole UTF-8 characters each.
if not data.endswith(b"\r\n"):
    fail("the file does not end in CRLF")
physical = data[:-2].split(b"\r\n")
for n, line in enumerate(physical, 1):
    if b"\r" in line or b"\n" in line:
        fail("line %d: a bare CR or LF" % n)
    if len(line) > 75:
        fail("line %d: %d octets, more than 75" % (n, len(line)))
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        fail("line %d: splits a UTF-8 character" % n)

# Unfolding (RFC 5545 3.1): a line starting with a space or tab continues
# the one before, without that first character.
logical = []
for line in physical:
    if line[:1] in (b" ", b"\t") and logical:
        logical[-1] += line[1:]
    else:
        logical.append(line)
logical = [l.decode("utf-8") for l in logical]

def split_line(line):
    """NAME, parameters, value of a content line (quoted parameters allowed)."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            head, value = line[:i], line[i + 1:]
            parts = head.split(";")
            return parts[0].upper(), parts[1:], value
    fail("no ':' in content line %r" % line)

def unescape(text):
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        elif ch in ",;":
            fail("unescaped %r in a TEXT value: %r" % (ch, text))
        else:
            out.append(ch)
            i += 1
    return "".join(out)

stack, events, event = [], [], None
for line in logical:
    name, params, value = split_line(line)
    if name == "BEGIN":
        stack.append(value)
        if value == "VEVENT":
            event = {}
    elif name == "END":
        if not stack or stack.pop() != value:
            fail("END:%s does not close what is open" % value)
        if value == "VEVENT":
            events.append(event)
            event = None
    elif event is not None:
        event[name] = (params, value)
if stack:
    fail("unclosed: %s" % stack)

head = dict((split_line(l)[0], split_line(l)[2]) for l in logical[:8])
for key, want in (("PRODID", "-//amokit//amokit 0.1.0//DA"), ("VERSION", "2.0"),
                  ("CALSCALE", "GREGORIAN")):
    if head.get(key) != want:
        fail("%s is %r, expected %r" % (key, head.get(key), want))
if not head.get("X-WR-CALNAME", "").startswith("Årshjul 2026 – "):
    fail("X-WR-CALNAME is %r" % head.get("X-WR-CALNAME"))

root = ET.parse(xml_path).getroot()
titles = [el.findtext("{*}title") or el.findtext("title")
          for el in root.iter() if el.tag.split("}")[-1] == "activity"]
if len(events) != len(titles):
    fail("%d VEVENTs for %d activities" % (len(events), len(titles)))
uids = set()
for i, (ev, title) in enumerate(zip(events, titles)):
    for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "CATEGORIES"):
        if key not in ev:
            fail("event %d has no %s" % (i + 1, key))
    summary = unescape(ev["SUMMARY"][1])
    if summary != title.strip():
        fail("event %d: SUMMARY %r, expected %r" % (i + 1, summary, title))
    unescape(ev["CATEGORIES"][1])
    if ev["DTSTAMP"][1] != "20260101T000000Z":
        fail("event %d: DTSTAMP %s is not SOURCE_DATE_EPOCH" % (i + 1, ev["DTSTAMP"][1]))
    uids.add(ev["UID"][1])
if len(uids) != len(events):
    fail("UIDs are not unique")
print("ok: %d events for %d activities" % (len(events), len(titles)))
EOF

SOURCE_DATE_EPOCH=1767225600 "$AMOKIT" ics "$xml" > "$tmp/stdout.ics" || fail "ics to stdout failed"
cmp -s "$tmp/x.ics" "$tmp/stdout.ics" || fail "stdout and -o differ"
SOURCE_DATE_EPOCH=1767225600 "$AMOKIT" ics "$xml" -o "$tmp/y.ics" || fail "second run failed"
cmp -s "$tmp/x.ics" "$tmp/y.ics" || fail "two runs give different bytes"
SOURCE_DATE_EPOCH=1767225600 "$AMOKIT" ics "$xml" -o "$tmp/no/such/dir.ics" || fail "-o into a missing folder should create it"
cmp -s "$tmp/x.ics" "$tmp/no/such/dir.ics" || fail "the calendar in the created folder differs"
: > "$tmp/file"
"$AMOKIT" ics "$xml" -o "$tmp/file/dir.ics" 2> /dev/null
[ $? = 2 ] || fail "writing below a regular file should exit 2"
echo "ok: ics round trip, stdout, reproducible"
