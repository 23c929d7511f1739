#!/bin/sh
# compliance.sh: the required points in `amokit check` and on the referat's
# check page (before the signatures). Every example covers them all (check --strict exits 0, the
# last page says so and answers "Ja" throughout);
# tests/data/missing-cooperation.xml lacks the form of cooperation, so check
# warns and names what is missing, --strict exits 1, and the referat's last
# page answers "Ikke oplyst" for it and names the parts. An invited person
# whose attendance is not recorded is in the minutes and makes the check
# "not stated", never "yes".
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The text of the referat's check page of $1 (rendered into $2) and the
# page after it, one line: the check comes before the signatures.
last_page() {
	pages=$(pdfinfo "$2/referat.pdf" | awk '/^Pages:/ {print $2}')
	p=1
	while [ "$p" -le "$pages" ]; do
		if pdftotext -f "$p" -l "$p" "$2/referat.pdf" - | grep -qF "Tjek af drøftelsens punkter og deltagere"; then
			pdftotext -f "$p" -l "$((p < pages ? p + 1 : p))" "$2/referat.pdf" - | tr -s ' \n' '  '
			return
		fi
		p=$((p + 1))
	done
}

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
if grep -q "^$missing:[0-9]*: advarsel: cooperation: ikke oplyst: hvor ofte og hvordan I mødes" "$out/strict"; then
	ok "the warning names the point, what is missing and the file"
else
	bad "no warning naming the cooperation point: $(cat "$out/strict")"
fi
[ "$(grep -c advarsel "$out/strict")" = 1 ] && ok "only the missing point is named" || bad "unexpected warnings: $(cat "$out/strict")"

# The referat's last page: the compliance check.
mkdir "$out/r"
if "$AMOKIT" render "$missing" --only referat -o "$out/r" > /dev/null; then
	last_page "$missing" "$out/r" > "$out/last1.txt"
	for want in "Tjek af drøftelsens punkter og deltagere" "Samarbejdet i det kommende år Ikke oplyst" \
	            "Det er ikke aftalt, hvor ofte og hvordan I mødes. Det er ikke aftalt, hvem der indkalder" "Kilder: Arbejdstilsynets vejledning"; do
		grep -qF "$want" "$out/last1.txt" && ok "last page says: $want" || bad "last page lacks: $want"
	done
	grep -qF "Referatet viser, at alle punkter er drøftet" "$out/last1.txt" && bad "last page claims everything is covered"
	grep -qwF "Nej" "$out/last1.txt" && bad "last page answers Nej where the file is silent"
else
	bad "render of $missing failed"
fi
for x in examples/*.xml; do
	n=$(basename "$x" .xml)
	mkdir "$out/$n"
	"$AMOKIT" render "$x" --only referat -o "$out/$n" > /dev/null || bad "render $n"
	last_page "$x" "$out/$n" > "$out/$n.txt"
	grep -qF "Referatet viser, at alle punkter er drøftet, og at de rette deltagere var med" "$out/$n.txt" \
		&& ok "$n: the last page says every point is covered" || bad "$n: the last page does not say every point is covered"
	[ "$(grep -o "Ikke oplyst" "$out/$n.txt" | wc -l)" = 1 ] || bad "$n: the last page names something not stated"
	grep -qwF "Nej" "$out/$n.txt" && bad "$n: the last page answers Nej"
	[ "$(grep -o ' Ja ' "$out/$n.txt" | wc -l)" -ge 7 ] && ok "$n: Ja for every point" || bad "$n: fewer than 7 Ja"
done

# An invited person with no attendance recorded: in the minutes, and the
# answer for their group is not stated.
sed 's|<person id="dora" role="amr" attendance="present" new-in-amo="true" group="kontoret">|<person id="dora" role="amr" new-in-amo="true" group="kontoret">|' \
	examples/kontor-27.xml > "$out/unrecorded.xml"
"$AMOKIT" check --strict "$out/unrecorded.xml" 2> "$out/u.err"
[ $? = 1 ] && grep -q "present-amr: ikke oplyst: fremmødet er ikke registreret for Dóra Kovács" "$out/u.err" \
	&& ok "attendance not recorded: not stated, named" || bad "attendance not recorded: $(cat "$out/u.err")"
mkdir "$out/u"
"$AMOKIT" render "$out/unrecorded.xml" --only referat -o "$out/u" > /dev/null || bad "render unrecorded"
pdftotext -f 1 -l 1 "$out/u/referat.pdf" - | tr -s ' \n' '  ' > "$out/u1.txt"
grep -qF "Inviteret, fremmøde ikke registreret" "$out/u1.txt" && grep -qF "Dóra Kovács" "$out/u1.txt" \
	&& ok "the minutes list the invited AMR whose attendance is not recorded" \
	|| bad "the minutes drop the invited AMR: $(cat "$out/u1.txt")"
last_page "$out/unrecorded.xml" "$out/u" | grep -qF "Arbejdsmiljørepræsentanterne deltog Ikke oplyst Fremmødet er ikke registreret: Dóra Kovács" \
	&& ok "the last page: not stated, for whom" || bad "the last page does not say the AMR's attendance is not recorded"
exit $fail
