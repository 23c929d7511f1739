#!/bin/sh
# languages.sh: each participant in their own language (issue 21).
# - One render of a workplace with Danish, Polish and Ukrainian
#   participants gives each their preparation sheet in their language,
#   header and footer included, and the structure elements of a sheet not
#   in Danish carry its /Lang; a term of art keeps its Danish word in
#   parentheses once per sheet.
# - A workplace's lang is the default of the people who name none.
# - --lang writes the sheets, the agenda and the poster in that language
#   (PDF /Lang too); the referat stays Danish, the record, and a reading
#   copy in the language follows it (referat-pl.pdf).
# - Every language renders every document, blank and filled, and qpdf
#   finds nothing wrong.
# - An unknown language is refused: a person's with file and line (exit 1),
#   --lang's as a usage error (exit 2).
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=0

# text of the pages of PDF whose first page names NAME (a sheet of one participant)
sheet_of() {
	pdf=$1; name=$2
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	p=1
	while [ "$p" -le "$pages" ]; do
		if pdftotext -f "$p" -l "$p" "$pdf" - 2>/dev/null | grep -q "$name"; then
			pdftotext -f "$p" -l "$p" "$pdf" -
			return 0
		fi
		p=$((p + 1))
	done
	return 1
}

# --- three languages in one render ---------------------------------------
sed -e 's/<person id="camilla" role="leader"/<person id="camilla" lang="pl" role="leader"/' \
    -e 's/<person id="dora" role="amr"/<person id="dora" lang="uk" role="amr"/' \
    examples/kontor-27.xml > "$out/multi.xml"
if "$AMOKIT" render "$out/multi.xml" --only forberedelsesark -o "$out/multi" > /dev/null 2> "$out/err"; then
	pdf=$out/multi/forberedelsesark.pdf
	sheet_of "$pdf" "Henrik Dahl" > "$out/da.txt"
	sheet_of "$pdf" "Camilla Juul Pedersen" > "$out/pl.txt"
	sheet_of "$pdf" "Dóra Kovács" > "$out/uk.txt"
	if grep -q "^Forberedelsesark" "$out/da.txt" && grep -q "Side 1 af" "$out/da.txt" &&
	   grep -q "Arkusz przygotowawczy" "$out/pl.txt" && grep -q "Strona 1 z" "$out/pl.txt" &&
	   grep -q "Coroczne omówienie środowiska pracy 2026" "$out/pl.txt" &&
	   grep -q "Аркуш підготовки" "$out/uk.txt" && grep -q "Сторінка 1 з" "$out/uk.txt" &&
	   ! grep -q "Forberedelsesark" "$out/pl.txt" "$out/uk.txt"; then
		ok "one render: Danish, Polish and Ukrainian sheets, header and footer in each language"
	else
		bad "one render: the sheets are not each in their participant's language"
		head -n 12 "$out/da.txt" "$out/pl.txt" "$out/uk.txt"
	fi
	# The structure says each sheet's language: /Lang on the elements of
	# the Polish and the Ukrainian sheet (read with qpdf), none on the Danish.
	h1=$(qpdf --json --json-key=qpdf "$pdf" 2>/dev/null | python3 -c "
import json, sys
objs = json.load(sys.stdin)['qpdf'][1]
langs = sorted(v['value'].get('/Lang', '-') for v in objs.values()
               if isinstance(v, dict) and isinstance(v.get('value'), dict) and v['value'].get('/S') == '/H1')
print(' '.join(l[2:] if l.startswith('u:') else l for l in langs))")
	case " $h1 " in
	*" - "*"pl-PL uk-UA ") ok "the Polish and the Ukrainian sheet carry /Lang in the structure ($h1)" ;;
	*) bad "/Lang of the sheets' H1 elements: '$h1' (want some '-', one pl-PL, one uk-UA)" ;;
	esac
	n=$(grep -o "(årlig arbejdsmiljødrøftelse)" "$out/pl.txt" | wc -l)
	m=$(grep -o "(APV)" "$out/uk.txt" | wc -l)
	if [ "$n" -eq 1 ] && [ "$m" -eq 1 ] && ! grep -q "(årlig arbejdsmiljødrøftelse)\|(APV)" "$out/da.txt"; then
		ok "a term of art keeps its Danish word once per sheet"
	else
		bad "Danish terms in parentheses: $n on the Polish sheet, $m (APV) on the Ukrainian (want 1 each, 0 in Danish)"
	fi
else
	bad "render of a workplace in three languages: $(head -n 3 "$out/err")"
fi

# --- the workplace's default ------------------------------------------------
sed -e 's/<workplace xmlns="urn:amokit:workplace:2" version="2">/<workplace xmlns="urn:amokit:workplace:2" version="2" lang="en">/' \
    -e 's/<person id="dora" role="amr"/<person id="dora" lang="da" role="amr"/' \
    examples/kontor-27.xml > "$out/en.xml"
if "$AMOKIT" render "$out/en.xml" --only forberedelsesark,dagsorden -o "$out/en" > /dev/null 2>&1 &&
   sheet_of "$out/en/forberedelsesark.pdf" "Henrik Dahl" | grep -q "Preparation sheet" &&
   sheet_of "$out/en/forberedelsesark.pdf" "Dóra Kovács" | grep -q "^Forberedelsesark" &&
   pdftotext "$out/en/dagsorden.pdf" - | grep -q "^Dagsorden"; then
	ok "the workplace's lang is the default of its people (the agenda stays Danish)"
else
	bad "the workplace's lang as the people's default"
fi

# --- --lang ------------------------------------------------------------------
# The catalog's /Lang, read with qpdf: the catalog may sit in a compressed
# object stream (every document but the PDF/A-1 referat).
lang_of() { qpdf --json --json-key=qpdf "$1" 2>/dev/null | python3 -c "
import json, sys
objs = json.load(sys.stdin)['qpdf'][1]
root = next(v['value'] for v in objs.values() if isinstance(v, dict) and isinstance(v.get('value'), dict) and v['value'].get('/Type') == '/Catalog')
print(root.get('/Lang', 'u:')[2:])"; }
if "$AMOKIT" render examples/kontor-27.xml --lang pl -o "$out/pl" > /dev/null 2>&1 &&
   pdftotext "$out/pl/dagsorden.pdf" - | grep -q "Porządek obrad" &&
   pdftotext "$out/pl/referat.pdf" - | grep -q "^Referat" &&
   [ "$(lang_of "$out/pl/dagsorden.pdf")" = pl-PL ] && [ "$(lang_of "$out/pl/referat.pdf")" = da-DK ] &&
   sheet_of "$out/pl/forberedelsesark.pdf" "Henrik Dahl" | grep -q "Arkusz przygotowawczy" &&
   pdftotext "$out/pl/referat-pl.pdf" - | grep -q "Kopia do czytania po polsku" &&
   [ "$(lang_of "$out/pl/referat-pl.pdf")" = pl-PL ] &&
   ! pdftotext "$out/pl/referat.pdf" - | grep -q "Kopia do czytania\|læsekopi"; then
	ok "--lang pl: sheets and agenda in Polish (/Lang pl-PL), the referat in Danish, its reading copy referat-pl.pdf marked as such"
else
	bad "--lang pl"
fi

# --- every language, every document ---------------------------------------------
langs=$(ls layouts/messages | sed -n 's/\.xml$//p' | grep -v glossary)
broken=""
for l in $langs; do
	for what in blank render; do
		if [ $what = blank ]; then
			"$AMOKIT" blank --lang "$l" -o "$out/all-$l-$what" > /dev/null 2> "$out/err" || broken="$broken $l/$what"
		else
			"$AMOKIT" render examples/plejecenter-140.xml --lang "$l" -o "$out/all-$l-$what" > /dev/null 2> "$out/err" ||
				broken="$broken $l/$what"
		fi
		for f in "$out/all-$l-$what"/*.pdf; do
			qpdf --check "$f" > /dev/null 2>&1 || broken="$broken $f"
		done
	done
done
if [ -z "$broken" ]; then
	ok "every language renders every document, blank and filled ($(echo $langs))"
else
	bad "renders that failed:$broken"
fi

# --- unknown languages ----------------------------------------------------------
sed -e 's/<person id="dora" role="amr"/<person id="dora" lang="xx" role="amr"/' examples/kontor-27.xml > "$out/xx.xml"
line=$(grep -n 'lang="xx"' "$out/xx.xml" | cut -d: -f1)
"$AMOKIT" render "$out/xx.xml" -o "$out/xx" > /dev/null 2> "$out/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "xx.xml:$line:.*lang=\"xx\"" "$out/err" && [ ! -e "$out/xx/forberedelsesark.pdf" ]; then
	ok "a person's unknown language: exit 1, file and line, nothing written"
else
	bad "a person's unknown language: exit $rc, $(cat "$out/err")"
fi
"$AMOKIT" blank --lang xx -o "$out/xx2" > /dev/null 2> "$out/err"
rc=$?
if [ $rc -eq 2 ] && grep -q -- "--lang xx" "$out/err"; then
	ok "--lang xx: exit 2 with a message"
else
	bad "--lang xx: exit $rc, $(cat "$out/err")"
fi
"$AMOKIT" blank --lang PL -o "$out/xx3" > /dev/null 2>&1
[ $? -eq 2 ] && ok "--lang PL (not a code): exit 2" || bad "--lang PL accepted"

exit $fail
