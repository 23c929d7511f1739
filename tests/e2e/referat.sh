#!/bin/sh
# referat.sh: the minutes for every example and blank. Each passes the PDF
# checks (pdfcheck.py --margin 8) and the PDF/A-1b checker, two runs with
# the same SOURCE_DATE_EPOCH give identical bytes, `render` logs the file's
# SHA-256 as sha256sum does, and the text shows every participant present
# or absent, "Side 1 af" and the compliance check before the signatures.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

pdfs=
for x in examples/*.xml; do
	n=$(basename "$x" .xml)
	mkdir -p "$out/$n/a" "$out/$n/b"
	if ! "$AMOKIT" render "$x" --only referat -o "$out/$n/a" > "$out/$n/log"; then
		bad "$n: render failed"; continue
	fi
	"$AMOKIT" render "$x" --only referat -o "$out/$n/b" > /dev/null || bad "$n: second render failed"
	pdf="$out/$n/a/referat.pdf"
	pdfs="$pdfs $pdf"
	cmp -s "$pdf" "$out/$n/b/referat.pdf" && ok "$n: two runs give identical bytes" \
		|| bad "$n: two runs differ"
	# The log line is "<sha256>  <path>", as sha256sum prints it.
	if (cd "$out/$n" && sed "s|  $out/$n/|  |" log | sha256sum -c --quiet -) > /dev/null 2>&1; then
		ok "$n: the logged SHA-256 matches the file"
	else
		bad "$n: logged SHA-256 line wrong: $(cat "$out/$n/log")"
	fi
	pdftotext "$pdf" "$out/$n/all.txt"
	tr -s ' \n' '  ' < "$out/$n/all.txt" > "$out/$n/all1.txt"
	# Everyone whose attendance the file records, by name.
	missing=$(python3 - "$x" "$out/$n/all1.txt" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"w": "urn:amokit:workplace:2"}
text = open(sys.argv[2], encoding="utf-8").read()
for p in ET.parse(sys.argv[1]).getroot().findall("w:people/w:person", ns):
    name = " ".join(p.find("w:name", ns).text.split())
    if p.get("attendance") and name not in text:
        print(name)
PY
)
	[ -z "$missing" ] && ok "$n: every participant is named" || bad "$n: names missing: $missing"
	grep -qF "Side 1 af" "$out/$n/all1.txt" && ok "$n: Side 1 af" || bad "$n: no 'Side 1 af'"
	pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
	# The check, then the signatures, which end the minutes.
	check=0; sign=0; p=1
	while [ "$p" -le "$pages" ]; do
		t=$(pdftotext -f "$p" -l "$p" "$pdf" -)
		case $t in *"Tjek af drøftelsens punkter og deltagere"*) [ "$check" = 0 ] && check=$p ;; esac
		case $t in *Underskrifter*) sign=$p ;; esac
		p=$((p + 1))
	done
	[ "$check" -gt 0 ] && [ "$check" -le "$sign" ] && [ "$sign" -ge $((pages - 1)) ] \
		&& ok "$n: the compliance check comes before the signatures at the end" \
		|| bad "$n: check on page $check, signatures on page $sign of $pages"
	pdftotext -f "$pages" -l "$pages" "$pdf" - | tr -s ' \n' '  ' | grep -qF "Side $pages af $pages" \
		&& ok "$n: Side $pages af $pages on the last page" || bad "$n: no 'Side $pages af $pages'"
done

mkdir -p "$out/blank"
if "$AMOKIT" blank --only referat -o "$out/blank" > /dev/null; then
	pdfs="$pdfs $out/blank/referat.pdf"
	pdftotext "$out/blank/referat.pdf" - | grep -qF "Underskrift" && ok "blank: signature boxes" \
		|| bad "blank: no signature boxes"
else
	bad "blank referat failed"
fi

# shellcheck disable=SC2086
python3 tests/pdfcheck.py --margin 8 $pdfs && ok "pdfcheck.py --margin 8" || bad "pdfcheck.py"
if [ -f tests/pdfa_check.py ]; then
	# shellcheck disable=SC2086
	python3 tests/pdfa_check.py $pdfs && ok "pdfa_check.py: PDF/A-1b" || bad "pdfa_check.py"
else
	echo "skip: tests/pdfa_check.py not there yet"
fi
exit $fail
