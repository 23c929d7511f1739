#!/bin/sh
# compliance.sh: the legally required points in `amokit check` and on the
# referat's last page. Every example covers them all (check --strict exits
# 0); tests/data/missing-cooperation.xml lacks the form of cooperation, so
# check warns and names it, --strict exits 1, and the referat's last page
# says plainly that it is missing.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for x in examples/*.xml; do
	if "$AMOKIT" check --strict "$x" > "$out/err" 2>&1; then ok "$x: every required point covered"
	else bad "$x: check --strict exited $?: $(cat "$out/err")"; fi
done

missing=tests/data/missing-cooperation.xml
"$AMOKIT" check "$missing" > /dev/null 2> "$out/warn"
rc=$?
[ "$rc" = 0 ] && ok "without --strict a missing point is a warning (exit 0)" || bad "check exited $rc without --strict"
"$AMOKIT" check --strict "$missing" > /dev/null 2> "$out/strict"
rc=$?
[ "$rc" = 1 ] && ok "check --strict exits 1 on a missing point" || bad "check --strict exited $rc, expected 1"
if grep -q "^$missing:[0-9]*: advarsel: cooperation form and meeting intervals missing" "$out/strict"; then
	ok "the warning names the point and the file"
else
	bad "no warning naming the cooperation point: $(cat "$out/strict")"
fi
[ "$(grep -c advarsel "$out/strict")" = 1 ] && ok "only the missing point is named" || bad "unexpected warnings: $(cat "$out/strict")"

# The referat's last page: the compliance report.
mkdir "$out/r"
if "$AMOKIT" render "$missing" --only referat -o "$out/r" > /dev/null; then
	pages=$(pdfinfo "$out/r/referat.pdf" | awk '/^Pages:/ {print $2}')
	pdftotext -f "$pages" -l "$pages" "$out/r/referat.pdf" "$out/last.txt"
	tr -s ' \n' '  ' < "$out/last.txt" > "$out/last1.txt"
	for want in "Tjek af de lovpligtige punkter" "Samarbejdets form og mødeinterval" "Nej – mangler" \
	            "Det mangler" "Det er ikke aftalt, hvor ofte og hvordan I mødes"; do
		grep -qF "$want" "$out/last1.txt" && ok "last page says: $want" || bad "last page lacks: $want"
	done
	grep -qF "Alle lovpligtige punkter er dækket" "$out/last1.txt" && bad "last page claims everything is covered"
else
	bad "render of $missing failed"
fi
mkdir "$out/k"
"$AMOKIT" render examples/kontor-27.xml --only referat -o "$out/k" > /dev/null || bad "render kontor-27"
pages=$(pdfinfo "$out/k/referat.pdf" | awk '/^Pages:/ {print $2}')
pdftotext -f "$pages" -l "$pages" "$out/k/referat.pdf" - | tr -s ' \n' '  ' > "$out/k.txt"
grep -qF "Alle lovpligtige punkter er dækket" "$out/k.txt" && ok "a complete referat says all points are covered" \
	|| bad "kontor-27's last page does not say all points are covered"
grep -qF "Nej – mangler" "$out/k.txt" && bad "kontor-27's last page names something missing"
exit $fail
