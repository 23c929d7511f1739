#!/bin/sh
# catalogs.sh: every message catalog has every key, and no key is unused
# (issue 21): BUILD/tools/catalog_check (make catalogs) passes the shipped
# layouts/, and reports each fault planted in a copy of them: a key the
# Danish catalog lacks (undefined), a key a translation lacks (missing), a
# key nothing uses (unused), a map entry a translation lacks, a
# placeholder the layout does not fill, a term the glossary lacks.
# Run from the repository root with BUILD set (tools/runtests.sh).
B=${BUILD:?BUILD must name the build directory}
CHECK=$B/tools/catalog_check
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

[ -x "$CHECK" ] || { echo "catalogs: $CHECK is not built (make $CHECK)"; exit 1; }

if "$CHECK" layouts > "$TMP/out" 2>&1; then
	ok "shipped catalogs: $(tail -n 1 "$TMP/out") ($(grep -c ' texts, ' "$TMP/out") languages)"
else
	bad "shipped catalogs:"; grep -v ' 0 problems$' "$TMP/out" | head -20
fi

# plant EXPECT SED-SCRIPT FILE: in a fresh copy of layouts/, FILE edited by
# the sed script must make the check fail with a line matching EXPECT.
plant() {
	expect=$1; script=$2; file=$3
	rm -rf "$TMP/lay"; cp -r layouts "$TMP/lay"
	sed -i -e "$script" "$TMP/lay/$file"
	cmp -s "layouts/$file" "$TMP/lay/$file" && { bad "$expect: the sed script changed nothing"; return; }
	"$CHECK" "$TMP/lay" > "$TMP/out" 2>&1
	rc=$?
	if [ "$rc" = 1 ] && grep -q -e "$expect" "$TMP/out"; then
		ok "reported: $(grep -m 1 -e "$expect" "$TMP/out")"
	else
		bad "$expect: exit $rc"; head -n 5 "$TMP/out"
	fi
}

plant "^da: undefined prep.moededato" '/<msg key="prep.moededato">/d' messages/da.xml
plant "^da: unused prep.ubrugt" 's|</messages>|  <msg key="prep.ubrugt">Ubrugt</msg>\n</messages>|' messages/da.xml
plant "^da: placeholder common.side-af x" 's|Side {page} af {pages}|Side {page} af {pages}{x}|' messages/da.xml
plant "^da: term common.side-af ingen" 's|Side {page} af {pages}|Side {page} af {pages} {term:ingen}|' messages/da.xml
# A translation: the Danish catalog under another code, less one key and
# one map entry.
rm -rf "$TMP/lay"; cp -r layouts "$TMP/lay"
sed -e 's/lang="da" tag="da-DK" name="Dansk"/lang="xx" tag="x-test" name="Test"/' \
    -e '/<msg key="common.navn">/d' -e '/<entry key="amr">/d' layouts/messages/da.xml > "$TMP/lay/messages/xx.xml"
"$CHECK" "$TMP/lay" > "$TMP/out" 2>&1
rc=$?
if [ "$rc" = 1 ] && grep -q "^xx: missing common.navn$" "$TMP/out" && grep -q "^xx: missing map roles amr$" "$TMP/out"; then
	ok "reported: a translation's missing key and map entry"
else
	bad "a translation's missing key and map entry: exit $rc"; head -n 5 "$TMP/out"
fi
# make catalogs runs the same check.
if grep -q 'catalog_check layouts' Makefile; then ok "make catalogs runs the check"; else bad "make catalogs"; fi

echo "catalogs: $pass passed, $fail failed"
[ "$fail" = 0 ]
