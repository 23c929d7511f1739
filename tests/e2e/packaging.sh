#!/bin/sh
# packaging.sh: amokit as a distribution ships it (issue 20). The binary
# links libxml2 as a shared library, and the calendar helper amokit-ics
# libical, which amokit itself does not load; no source includes a
# dependency's private header or structure; `make install` into a staging
# directory gives a binary that renders every example from any directory,
# finding its data beside itself or through AMOKIT_DATADIR, and
# `make uninstall` removes every file again; the man page renders without
# a warning; the bash completion offers the commands, the options and the
# documents amokit makes.
# Run from the repository root with AMOKIT=<binary> and BUILD=<build dir>.
set -u
AMOKIT=${AMOKIT:-build/amokit}
BUILD=${BUILD:-$(dirname "$AMOKIT")}
root=$(pwd)
tmp=$(mktemp -d /tmp/amokit-packaging.XXXXXX) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# --- linking -------------------------------------------------------------
# needs BINARY LIB: LIB is (1) or is not (0) among BINARY's NEEDED libraries.
needs() {
	readelf -d "$1" > "$tmp/dynamic" 2>&1
	libs=$(grep NEEDED "$tmp/dynamic" | tr -s ' ' | cut -d' ' -f6 | tr '\n' ' ')
	case "$libs" in *"[$2.so"*) [ "$3" = 1 ] ;; *) [ "$3" = 0 ] ;; esac ||
		{ bad "$(basename "$1") NEEDED: $libs"; return; }
	[ "$3" = 1 ] && ok "$(basename "$1") links $2 as a shared library" ||
		ok "$(basename "$1") does not load $2"
}
if command -v readelf > /dev/null; then
	needs "$AMOKIT" libxml2 1
	needs "$AMOKIT" libical 0
	needs "$BUILD/amokit-ics" libxml2 1
	needs "$BUILD/amokit-ics" libical 1
else
	echo "skip: no readelf"
fi

# --- public APIs only ------------------------------------------------------
# libxml2's internal headers; libhyphen's structures beyond the opaque
# HyphenDict pointer that hnj_hyphen_load returns.
private='<libxml/(parserInternals|private/[a-z]*)\.h>|\bHyphen(State|Trans)\b|->(nextlevel|num_states|states|cset|nohyphenl?)\b'
if grep -EnH "$private" src/*.c src/*.h include/*.h tools/*.c > "$tmp/private"; then
	bad "a dependency's internals are used: $(cat "$tmp/private")"
else
	ok "no private header or structure of libxml2 or libhyphen in src/, include/, tools/"
fi

# --- install, run from elsewhere, uninstall ----------------------------------
stage=$tmp/stage
if make -s B="$BUILD" install DESTDIR="$stage" > "$tmp/install.log" 2>&1; then
	ok "make install DESTDIR=..."
else
	bad "make install failed: $(tail -n 5 "$tmp/install.log")"
fi
bin=$(find "$stage" -path '*/bin/amokit' -type f)
data=$(find "$stage" -path '*/share/amokit' -type d)
mkdir -p "$tmp/elsewhere"
for how in beside env; do
	n=0; err=
	for x in examples/*.xml; do
		out=$tmp/elsewhere/$how/$(basename "$x" .xml)
		mkdir -p "$out"
		if [ $how = env ]; then
			(cd "$tmp/elsewhere" && AMOKIT_DATADIR=$data "$bin" render "$root/$x" -o "$out") > /dev/null 2> "$tmp/err" || err="$x: $(cat "$tmp/err")"
		else
			(cd "$tmp/elsewhere" && "$bin" render "$root/$x" -o "$out") > /dev/null 2> "$tmp/err" || err="$x: $(cat "$tmp/err")"
		fi
		n=$((n + $(ls "$out"/*.pdf 2> /dev/null | wc -l)))
	done
	if [ -z "$err" ] && [ "$n" -ge 24 ]; then ok "installed binary renders every example from another directory ($how: $n PDFs)"
	else bad "installed binary ($how): $n PDFs; $err"; fi
done
if [ -n "$bin" ] && (cd "$tmp/elsewhere" && "$bin" ics "$root/examples/kontor-27.xml" -o k.ics) &&
   grep -q 'BEGIN:VEVENT' "$tmp/elsewhere/k.ics"; then
	ok "installed binary exports the calendar through its installed helper"
else
	bad "installed binary: ics failed"
fi
if [ -n "$bin" ] && (cd /tmp && AMOKIT_DATADIR=/nonexistent "$bin" blank -o "$tmp/elsewhere" 2> "$tmp/err"); then
	bad "AMOKIT_DATADIR pointing nowhere was not noticed"
else
	grep -q '/nonexistent' "$tmp/err" && ok "a wrong AMOKIT_DATADIR is named in the error" || bad "error without the path: $(cat "$tmp/err")"
fi
man=$(find "$stage" -name amokit.1 -type f)
if command -v groff > /dev/null && [ -n "$man" ]; then
	if groff -k -man -Tutf8 -ww -z "$man" 2> "$tmp/groff" && [ ! -s "$tmp/groff" ]; then
		grep -q 'AMOKIT_DATADIR' "$man" && ok "man page renders without warnings" || bad "man page does not document AMOKIT_DATADIR"
	else
		bad "man page: $(head -n 5 "$tmp/groff")"
	fi
else
	echo "skip: no groff or no installed man page"
fi
make -s B="$BUILD" uninstall DESTDIR="$stage" > "$tmp/uninstall.log" 2>&1
left=$(find "$stage" -type f)
[ -z "$left" ] && ok "make uninstall removes every installed file" || bad "left after uninstall: $left"

# --- every command documented and completed -----------------------------------
commands=$("$AMOKIT" --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p')
missing=
for c in $commands; do
	grep -q "^\.B amokit $(echo "$c" | sed 's/-/\\\\-/g')\$" man/amokit.1.in || missing="$missing man:$c"
	grep -q "local commands=.*\b$c\b" completion/amokit || missing="$missing completion:$c"
done
if [ -n "$commands" ] && [ -z "$missing" ]; then ok "every command of amokit --help is in the man page and the completion"
else bad "commands '$(echo $commands)' missing:$missing"; fi
# ... and every long option of each command's --help.
missing=
for c in $commands; do
	offered=$(sed -n "s/^[[:space:]]*\(.*|\)\{0,1\}$c\()\| |\).*opts=\"\([^\"]*\)\".*/\3/p" completion/amokit)
	for o in $("$AMOKIT" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		case " $offered " in *" $o "*) ;; *) missing="$missing completion:$c:$o" ;; esac
		grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')" man/amokit.1.in || missing="$missing man:$o"
	done
done
[ -z "$missing" ] && ok "every option of every command's --help is in the man page and the completion" ||
	bad "options missing:$missing"

# --- bash completion ----------------------------------------------------------
complete_line() {
	bash -c '. /usr/share/bash-completion/bash_completion; . completion/amokit
		line=$1; COMP_LINE=$line; COMP_POINT=${#line}
		read -ra COMP_WORDS <<< "$line"
		[[ $line == *" " ]] && COMP_WORDS+=("")
		COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
		_amokit amokit "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
		printf "%s\n" "${COMPREPLY[@]}"' complete "$1" | sort | tr '\n' ' '
}
if ! bash -n completion/amokit; then
	bad "completion/amokit has a syntax error"
elif [ ! -f /usr/share/bash-completion/bash_completion ]; then
	echo "skip: bash-completion is not installed"
else
	got=$(complete_line "amokit ")
	[ "$got" = "--help --version batch blank check ics import new next-year render " ] && ok "completes the commands" || bad "commands: $got"
	got=$(complete_line "amokit render --p")
	[ "$got" = "--poster --previous " ] && ok "completes render's options" || bad "render --p: $got"
	got=$(complete_line "amokit render --only dagsorden,a")
	[ "$got" = "dagsorden,aarshjul dagsorden,arbejdsark " ] && ok "completes a list of documents" || bad "--only dagsorden,a: $got"
	# The documents offered are exactly those a full render makes.
	docs=$(complete_line "amokit render --only ")
	made=$(ls "$tmp/elsewhere/env/kontor-27" | sed 's/\.pdf$//' | sort | tr '\n' ' ')
	[ "$docs" = "$made" ] && ok "offers exactly the documents amokit makes" || bad "offered '$docs', made '$made'"
fi

echo "packaging: $pass passed, $fail failed"
[ "$fail" = 0 ]
