#!/bin/sh
# uacheck.sh: the PDF/UA-1 checker (tests/uacheck.py) can fail (issue 22).
# Renders the agenda (a table, lists, links) and the årshjul (a figure),
# checks that both pass, also rewritten by qpdf into its editable QDF form;
# then breaks one rule at a time in a copy of the QDF file (fix-qdf
# repairs lengths and offsets, so only the intended defect remains) and
# asserts that the checker fails the copy on exactly that rule. Finally
# the same for the untagged file an older amokit wrote, which must fail.
# Run from the repository root with AMOKIT set (tools/runtests.sh).
set -u
AMOKIT=${AMOKIT:-build/amokit}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

"$AMOKIT" render examples/kontor-27.xml --only dagsorden,aarshjul -o "$TMP" > /dev/null ||
	{ echo "FAIL render"; exit 1; }
for d in dagsorden aarshjul; do
	qpdf --qdf --object-streams=disable "$TMP/$d.pdf" "$TMP/$d.qdf.pdf" ||
		{ echo "FAIL qpdf --qdf $d"; exit 1; }
	for f in "$TMP/$d.pdf" "$TMP/$d.qdf.pdf"; do
		if python3 tests/uacheck.py "$f" > "$TMP/out" 2>&1; then
			ok "$(basename "$f") passes"
		else
			bad "$(basename "$f") fails:"; sed 's/^/    /' "$TMP/out"
		fi
	done
done

# broken RULE DOC DESCRIPTION PYTHON: a copy of DOC's QDF file edited by
# PYTHON (on bytes `s`, which it must change) must fail on RULE only.
broken() {
	rule=$1; doc=$2; what=$3; edit=$4
	f="$TMP/broken.pdf"
	if ! python3 - "$TMP/$doc.qdf.pdf" "$TMP/edited.pdf" <<EOF
import re, sys
s = open(sys.argv[1], "rb").read()
t = s
$edit
if s == t:
    sys.exit("the edit changed nothing")
open(sys.argv[2], "wb").write(s)
EOF
	then
		bad "$what: could not make the broken file"; return
	fi
	fix-qdf "$TMP/edited.pdf" > "$f" 2> "$TMP/fixerr" || { bad "$what: fix-qdf failed: $(cat "$TMP/fixerr")"; return; }
	python3 tests/uacheck.py "$f" > "$TMP/out" 2>&1
	rc=$?
	rules=$(sed -n 's/^[^[]*\[\([^]]*\)\].*/\1/p' "$TMP/out" | sort -u | tr '\n' ',' | sed 's/,$//')
	if [ "$rc" = 1 ] && [ "$rules" = "$rule" ]; then
		ok "$what: fails [$rule]"
	else
		bad "$what: exit $rc, rules '$rules', expected '$rule'"; sed 's/^/    /' "$TMP/out" | head -5
	fi
}

broken "7.1 marked" dagsorden "not marked" \
	's = s.replace(b"/Marked true", b"/Marked false", 1)'
broken "7.1 display-title" dagsorden "the file name as the title" \
	's = s.replace(b"/DisplayDocTitle true", b"/DisplayDocTitle false", 1)'
broken "7.2 lang" dagsorden "no language" \
	's = re.sub(rb"  /Lang \([^)]*\)\n", b"", s, count=1)'
broken "7.2 lang" dagsorden "an element's language not a language tag" \
	's = s.replace(b"/S /H1\n", b"/S /H1\n  /Lang (Dansk sprog)\n", 1)'
broken "5 pdfuaid" dagsorden "no PDF/UA identification" \
	's = s.replace(b"<pdfuaid:part>1</pdfuaid:part>", b"", 1)'
broken "7.1 title" dagsorden "no dc:title" \
	's = re.sub(rb"<dc:title>.*?</dc:title>", b"", s, count=1, flags=re.S)'
broken "7.1 struct-types" dagsorden "a type of its own" \
	's = s.replace(b"/S /P\n", b"/S /Para\n", 1)'
broken "7.4 headings" dagsorden "a heading level skipped" \
	's = s.replace(b"/S /H2\n", b"/S /H4\n", 1)'
broken "7.4 headings" dagsorden "no H1 first" \
	's = s.replace(b"/S /H1\n", b"/S /H2\n", 1)'
broken "7.5 tables" dagsorden "a table without header cells" \
	's = s.replace(b"/S /TH\n", b"/S /TD\n")'
broken "7.5 tables" dagsorden "a header cell without a scope" \
	's = s.replace(b"/Scope /Column", b"/Summary (x)", 1)'
broken "7.6 lists" dagsorden "an item's body as a paragraph" \
	's = s.replace(b"/S /LBody\n", b"/S /P\n", 1)'
broken "7.3 figures" aarshjul "a figure without alternative text" \
	's = re.sub(rb"  /Alt (\(.*?[^\\\\]\)|<[0-9A-Fa-f]*>)\n", b"", s, count=1, flags=re.S)'
broken "7.1 content" dagsorden "content neither tagged nor artifact" \
	's = re.sub(rb"(%% Contents for page 1\n.*?\nstream\n)", rb"\g<1>0 0 m 10 10 l S\n", s, count=1, flags=re.S)'
broken "7.1 artifacts" dagsorden "tagged content inside an artifact" \
	's = re.sub(rb"(%% Contents for page 1\n.*?\nstream\n)(.*?)(\nendstream)", rb"\g<1>/Artifact BMC\n\g<2>\nEMC\g<3>", s, count=1, flags=re.S)'
broken "7.1 parent-tree" dagsorden "a page pointing at another page's parent tree entry" \
	's = s.replace(b"/StructParents 0\n", b"/StructParents 1\n", 1)'
broken "7.18 annotations" dagsorden "a link without a description" \
	's = re.sub(rb"  /Contents \(https?:[^)]*\)\n", b"", s, count=1)'
broken "7.18 tabs" dagsorden "a page of links without a tab order" \
	's = s.replace(b"  /Tabs /S\n", b"", 1)'
broken "7.21 tounicode" dagsorden "a font without ToUnicode" \
	's = re.sub(rb"  /ToUnicode \d+ 0 R\n", b"", s, count=1)'

# A file without any tagging, as amokit wrote them before issue 22.
python3 - "$TMP/dagsorden.qdf.pdf" "$TMP/edited.pdf" <<'EOF'
import re, sys
s = open(sys.argv[1], "rb").read()
s = re.sub(rb"  /StructTreeRoot \d+ 0 R\n", b"", s, count=1)
open(sys.argv[2], "wb").write(s)
EOF
fix-qdf "$TMP/edited.pdf" > "$TMP/untagged.pdf"
if python3 tests/uacheck.py "$TMP/untagged.pdf" > "$TMP/out" 2>&1; then
	bad "a file without a structure tree passes"
else
	grep -q "7.1 struct-tree" "$TMP/out" && ok "a file without a structure tree fails [7.1 struct-tree]" ||
		bad "a file without a structure tree fails, but not on 7.1 struct-tree"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
