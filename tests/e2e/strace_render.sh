#!/bin/sh
# strace_render.sh: bounds on what amokit touches and uses (issue 8, item 5).
#
# 1. Under `strace -f`, `render` of an example (every document), `blank`
#    and `ics` open nothing but: the input, the layouts (and their strings
#    files and message catalogs) and the fonts of the data directory, the
#    hyphenation dictionaries (/usr/share/hyphen), the output folder, its staging folder and the output files
#    in it (output.h), and the system's shared libraries, locale and
#    time-zone files (plus /proc and /sys under a sanitizer runtime). Failed
#    opens count too; a name opened relative to a folder's descriptor is
#    joined to that folder's path (strace -y). No socket() and no connect()
#    at all.
# 2. Every hostile input of tests/bad/, plus an oversized file, is answered
#    by `check` in at most 50 MiB peak RSS (GNU time's %M); their times are
#    checked by bad_inputs.sh.
#
# Skips (exit 0, with a message) when strace or GNU time is missing.
# Run from the repository root with AMOKIT=<binary> (default build/amokit).
AMOKIT=${AMOKIT:-build/amokit}
EX=examples/kontor-27.xml
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

SANITIZED=
case "${BUILD:-}" in *asan*|*sanit*) SANITIZED=1 ;; esac
ldd "$AMOKIT" 2>/dev/null | grep -q 'libasan\|libubsan' && SANITIZED=1

LAYOUTS=$(realpath layouts)
FONTS=$(realpath fonts)
INPUT=$(realpath "$EX")
HYPH=/usr/share/hyphen/hyph_da_DK.dic
ICC=/usr/share/color/icc/sRGB.icc   # the PDF/A output intent's profile (icc.h)

# allowed PATH OUTDIR: is PATH something the command may open?
allowed() {
	p=$1; out=$2
	case "$p" in
	/etc/ld.so.cache|/etc/ld.so.preload|/etc/localtime|/usr/share/hyphen/hyph_*.dic|"$ICC") return 0 ;;
	/lib/*|/lib64/*|/usr/lib/*|/usr/lib64/*|/usr/share/locale/*|/usr/share/zoneinfo/*|/usr/lib/locale/*) return 0 ;;
	/proc/*|/sys/*) [ -n "$SANITIZED" ] && return 0 ;;
	esac
	dir=$(dirname "$p"); base=$(basename "$p")
	rdir=$(realpath -m "$dir")
	case "$rdir" in
	"$LAYOUTS") case "$base" in *.xml|*.png|*.jpg|*.jpeg) return 0 ;; esac ;;
	"$LAYOUTS/messages") case "$base" in *.xml) return 0 ;; esac ;;
	"$FONTS") case "$base" in *.ttf) return 0 ;; esac ;;
	"$out") case "$base" in *.pdf|*.ics|.amokit-tmp.*|.) return 0 ;; esac ;;
	"$out"/.amokit-tmp.*) case "$base" in *.pdf|*.ics|.) return 0 ;; esac ;;
	esac
	[ "$(realpath -m "$p")" = "$out" ] && return 0
	[ "$(realpath -m "$p")" = "$INPUT" ] && return 0
	return 1
}

# traced NAME OUTDIR CMD...: runs CMD under strace, checks every open and
# that no socket was made.
traced() {
	name=$1; out=$(realpath -m "$2"); shift 2
	# LeakSanitizer cannot run under ptrace: leaks are checked by the rest
	# of the suite, here only the files are.
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	strace -f -qq -y -e trace=open,openat,openat2,creat,socket,connect -o "$TMP/trace" "$@" \
		> "$TMP/out" 2> "$TMP/err"
	rc=$?
	if [ "$rc" != 0 ]; then bad "$name: exit $rc"; sed 's/^/    /' "$TMP/err" | head -5; return; fi
	net=$(grep -E '(^|[ ])(socket|connect)\(' "$TMP/trace" | head -n 3)
	if [ -n "$net" ]; then bad "$name: network calls: $net"; return; fi
	n=0; stray=""
	# openat(3</dir>, "name", ...) is dir/name; open("path") and
	# openat(AT_FDCWD, "path") are path.
	for p in $(sed -n 's/.*openat2*([0-9]*<\([^>]*\)>, "\([^"]*\)".*/\1\/\2/p; t
	                  s/.*open[at2]*([^"]*"\([^"]*\)".*/\1/p; s/.*creat("\([^"]*\)".*/\1/p' "$TMP/trace" |
	           sed 's#^\([^/]\)#'"$PWD"'/\1#' | sort -u); do
		n=$((n + 1))
		allowed "$p" "$out" || stray="$stray $p"
	done
	if [ "$n" = 0 ]; then bad "$name: strace saw no open at all"; return; fi
	if [ -n "$stray" ]; then bad "$name: opened outside the allowed set:$stray"; return; fi
	ok "$name: $n distinct paths opened, all allowed; no socket, no connect"
}

if ! command -v strace > /dev/null; then
	echo "skip strace checks: strace is not installed (apt-get install strace)"
elif ! strace -qq -e trace=openat -o /dev/null true 2>/dev/null; then
	echo "skip strace checks: ptrace is not permitted here"
else
	mkdir "$TMP/render" "$TMP/blank"
	traced "render $EX" "$TMP/render" "$AMOKIT" render "$EX" -o "$TMP/render"
	[ "$(ls "$TMP/render"/*.pdf 2>/dev/null | wc -l)" -ge 6 ] || bad "render wrote fewer than six PDFs"
	# the trace must have seen what it guards: the input, a layout, a font, the dictionary
	for must in "$EX" layouts/dagsorden.xml fonts/ "$HYPH"; do
		grep -q "$(basename "$must")" "$TMP/trace" 2>/dev/null || bad "render trace does not show $must being opened"
	done
	traced "blank" "$TMP/blank" "$AMOKIT" blank -o "$TMP/blank"
	traced "ics $EX" "$TMP" "$AMOKIT" ics "$EX" -o "$TMP/plan.ics"
fi

# --- memory bound on hostile inputs ------------------------------------------------
LIMIT_KB=51200
[ -n "$SANITIZED" ] && LIMIT_KB=512000   # the ASan runtime's shadow memory
if ! [ -x /usr/bin/time ]; then
	echo "skip memory bound: GNU time is not installed (apt-get install time)"
else
	H='<?xml version="1.0" encoding="UTF-8"?>'
	W='<workplace xmlns="urn:amokit:workplace:2" version="2">'
	{ printf '%s\n%s\n<name>X</name><headcount>7</headcount>\n<!--' "$H" "$W"
	  head -c 1200000 /dev/zero | tr '\0' 'x'; printf -- '-->\n</workplace>\n'; } > "$TMP/oversize.xml"
	worst=0; worst_file=; n=0
	for f in tests/bad/*.xml "$TMP/oversize.xml"; do
		[ -f "$f" ] || continue
		/usr/bin/time -f %M -o "$TMP/rss" "$AMOKIT" check "$f" > /dev/null 2> "$TMP/err"
		rc=$?
		kb=$(tail -n 1 "$TMP/rss")
		n=$((n + 1))
		if [ "$rc" -ge 3 ]; then bad "$f: exit $rc"; continue; fi
		case "$kb" in ''|*[!0-9]*) bad "$f: no RSS reading ($kb)"; continue ;; esac
		[ "$kb" -gt "$worst" ] && { worst=$kb; worst_file=$f; }
		[ "$kb" -gt "$LIMIT_KB" ] && bad "$f: peak RSS $kb KiB > $LIMIT_KB KiB"
	done
	if [ "$n" -lt 10 ]; then
		bad "memory bound: only $n hostile inputs found"
	else
		ok "memory bound: $n hostile inputs, worst peak RSS $worst KiB ($worst_file), limit $LIMIT_KB KiB"
	fi
fi

echo "strace/bounds: $pass passed, $fail failed"
[ "$fail" = 0 ]
