#!/bin/sh
# images.sh: nothing is read outside what the user named (issue 19,
# item 3; safe_path.h). A workplace's <logo> is read only from the
# workplace file's folder or below, a layout's <image src> only from the
# layouts folder or below: no absolute path, no '..', no symbolic link on
# the way, a regular file (a FIFO neither blocks nor is opened), PNG or
# JPEG by its content, at most 16 MiB. Each refusal names the rule with
# FILE:LINE and exit 1, and an absolute or '..' path is refused before
# anything is looked at: the messages for an existing and a missing secret
# are the same, and strace sees no access to either. A logo that may be
# read is drawn (pdfimages finds it). Each run has a 10 s limit.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -s "$TMP/err" ] && sed 's/^/    /' "$TMP/err" | head -3; }
run() { timeout 10 "$@" > "$TMP/out" 2> "$TMP/err"; rc=$?; }

# A PNG of w x h pixels at $1.
png() {
	python3 - "$1" <<'EOF'
import struct, sys, zlib
w, h = 40, 20
rows = b"".join(b"\0" + bytes(v for x in range(w) for v in (5 * x, 200 - 9 * y, 90)) for y in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
EOF
}

# Layouts whose agenda shows the workplace's logo.
cp -r layouts "$TMP/lay"
sed 's|<h1><msg key="agenda.dagsorden"/></h1>|<image path="/logo" width="30mm"/><h1><msg key="agenda.dagsorden"/></h1>|' layouts/dagsorden.xml \
	> "$TMP/lay/dagsorden.xml"
grep -q 'path="/logo"' "$TMP/lay/dagsorden.xml" || { bad "could not put the logo in the layout"; exit 1; }

W="$TMP/wp"; mkdir -p "$W/sub" "$TMP/outside"
png "$W/logo.png"; png "$W/sub/logo.png"; png "$TMP/outside/secret.png"
# workplace NAME LOGO: a workplace file $W/NAME.xml whose <logo> is LOGO (line 5).
workplace() {
	{ printf '<?xml version="1.0" encoding="UTF-8"?>\n'
	  printf '<workplace xmlns="urn:amokit:workplace:2" version="2">\n'
	  printf '  <name>Logo ApS</name>\n  <headcount>12</headcount>\n'
	  printf '  <logo>%s</logo>\n' "$2"
	  printf '  <meeting><date>2026-03-10</date></meeting>\n</workplace>\n'; } > "$W/$1.xml"
}

# drawn NAME LOGO: render shows the logo.
drawn() {
	workplace "$1" "$2"
	rm -rf "$TMP/o"; mkdir "$TMP/o"
	run "$AMOKIT" render "$W/$1.xml" --layouts "$TMP/lay" --only dagsorden -o "$TMP/o"
	n=$(pdfimages -list "$TMP/o/dagsorden.pdf" 2> /dev/null | tail -n +3 | wc -l)
	[ "$rc" = 0 ] && [ "$n" = 1 ] && ok "logo '$2': drawn" || bad "logo '$2': exit $rc, $n images"
}
drawn same logo.png
drawn below sub/logo.png
drawn dotted ./sub//logo.png

# refused NAME LOGO RULE [check]: render (and check, when asked: the rules
# of spelling are the reader's) exits 1 naming FILE:5 and RULE, no file written.
refused() {
	workplace "$1" "$2"
	rm -rf "$TMP/o"; mkdir "$TMP/o"
	run "$AMOKIT" render "$W/$1.xml" --layouts "$TMP/lay" --only dagsorden -o "$TMP/o"
	if [ "$rc" != 1 ]; then bad "logo '$2': exit $rc, expected 1"; return; fi
	grep -q "^$W/$1.xml:5: .*$3" "$TMP/err" || { bad "logo '$2': the message does not name $1.xml:5 and '$3'"; return; }
	[ -z "$(ls -A "$TMP/o")" ] || { bad "logo '$2': something was written"; return; }
	if [ "${4:-}" = check ]; then
		run "$AMOKIT" check "$W/$1.xml"
		[ "$rc" = 1 ] && grep -q "$3" "$TMP/err" || { bad "logo '$2': check exit $rc"; return; }
	fi
	ok "logo '$2': refused, '$(head -n 1 "$TMP/err" | sed "s|^$W/||")'"
}
refused dotdot ../outside/secret.png "en sti med '..'" check
refused deep sub/../../outside/secret.png "en sti med '..'" check
refused absolute "$TMP/outside/secret.png" "en absolut sti" check
refused shadow /etc/shadow "en absolut sti" check
ln -s ../outside/secret.png "$W/link.png"
refused link link.png "et symbolsk link"
ln -s ../outside "$W/linked"
refused linkdir linked/secret.png "gennem et symbolsk link"
mkfifo "$W/fifo.png"
refused fifo fifo.png "ikke en almindelig fil"
printf 'no picture at all' > "$W/text.png"
refused text text.png "hverken et PNG- eller et JPEG"
{ printf '\211PNG\r\n\032\n'; head -c $((17 * 1024 * 1024)) /dev/zero; } > "$W/huge.png"
refused huge huge.png "for stor"
refused missing nothere.png "findes ikke"

# Nothing about other paths: the same words whether the secret exists or not.
workplace secret1 "$TMP/outside/secret.png"; workplace secret2 "$TMP/outside/nosuch.png"
"$AMOKIT" check "$W/secret1.xml" 2>&1 | sed "s|secret1.xml|X|; s|secret.png|Y|" > "$TMP/m1"
"$AMOKIT" check "$W/secret2.xml" 2>&1 | sed "s|secret2.xml|X|; s|nosuch.png|Y|" > "$TMP/m2"
cmp -s "$TMP/m1" "$TMP/m2" && ok "an existing and a missing secret get the same message" ||
	bad "the messages differ: $(cat "$TMP/m1") / $(cat "$TMP/m2")"
if command -v strace > /dev/null && strace -qq -e trace=none true 2> /dev/null; then
	strace -f -qq -e trace=%file -o "$TMP/trace" "$AMOKIT" render "$W/secret1.xml" --layouts "$TMP/lay" \
		--only dagsorden -o "$TMP/o" > /dev/null 2>&1
	grep -q "secret.png\|/etc/shadow" "$TMP/trace" && bad "strace: the secret's path was looked at" ||
		ok "strace: the secret's path is never looked at"
fi

# --- a layout's own images, beneath the layouts folder ---------------------------
laid() {
	sed "s|<h1><msg key=\"agenda.dagsorden\"/></h1>|<image src=\"$2\" width=\"20mm\"/><h1><msg key=\"agenda.dagsorden\"/></h1>|" layouts/dagsorden.xml \
		> "$TMP/lay/dagsorden.xml"
	line=$(grep -n "image src=" "$TMP/lay/dagsorden.xml" | cut -d: -f1)
	run "$AMOKIT" render examples/kontor-27.xml --layouts "$TMP/lay" --only dagsorden -o "$TMP/o"
	if [ "$1" = ok ]; then
		[ "$rc" = 0 ] && ok "layout image '$2': drawn" || bad "layout image '$2': exit $rc"
	else
		[ "$rc" = 1 ] && grep -q "dagsorden.xml:$line: .*$1" "$TMP/err" &&
			ok "layout image '$2': refused at dagsorden.xml:$line" || bad "layout image '$2': exit $rc"
	fi
}
png "$TMP/lay/mark.png"
rm -rf "$TMP/o"; mkdir "$TMP/o"
laid ok mark.png
laid "en sti med '..'" ../outside/secret.png
laid "en absolut sti" "$TMP/outside/secret.png"
ln -s "$TMP/outside/secret.png" "$TMP/lay/linked.png"
laid "et symbolsk link" linked.png

echo "images: $pass passed, $fail failed"
[ "$fail" = 0 ]
