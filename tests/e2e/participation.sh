#!/bin/sh
# participation.sh: the exit of `amokit check --strict` over the
# participation matrix (tests/data/participation.tsv, the same rows
# tests/test_rules.c checks answer by answer): head counts 1, 9, 10, 34,
# 35, 140 × MED-aftale or not × the employer present, absent, or absent
# with a deputy present × the AMR as listed or recoded. Then the case that
# opened issue 14: kontor-27 with the employer absent and the AMR recoded
# to a leader must fail --strict and its referat must not claim the
# participants match the rules.
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

python3 - tests/data/participation.xml.in tests/data/participation.tsv "$out" <<'EOF' || bad "cannot write the matrix"
import sys
tmpl, table, out = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2], sys.argv[3]
roles = {"none": "amr", "amr-as-leader": "leader", "amr-as-employee": "employee"}
deputy = ('<person id="dep" role="employee" deputy="true" attendance="present">'
          '<name>Dan Stedfortræder</name></person>')
with open(out + "/rows", "w") as rows:
    for n, line in enumerate(l for l in open(table, encoding="utf-8") if l.strip() and not l.startswith("#")):
        hc, med, employer, recode, _, _, want = line.rstrip("\n").split("\t")
        doc = (tmpl.replace("@HEADCOUNT@", hc).replace("@MED@", med)
               .replace("@BOSS@", "present" if employer == "present" else "absent")
               .replace("@LEA@", "leader").replace("@AMR@", roles[recode])
               .replace("@DEPUTY@", deputy if employer == "deputy" else ""))
        path = "%s/row%03d.xml" % (out, n)
        open(path, "w", encoding="utf-8").write(doc)
        rows.write("%s %s %s\n" % (path, want, " ".join((hc, med, employer, recode))))
EOF

n=0; wrong=0
while read -r path want what; do
	n=$((n + 1))
	"$AMOKIT" check --strict "$path" > /dev/null 2> "$out/err"
	rc=$?
	if [ "$rc" != "$want" ]; then
		wrong=$((wrong + 1)); bad "$what: check --strict exited $rc, expected $want: $(head -n 3 "$out/err")"
	fi
	# Without --strict the same file is accepted: the answers are warnings.
	if [ "$want" = 1 ]; then
		"$AMOKIT" check "$path" > /dev/null 2>&1 || { wrong=$((wrong + 1)); bad "$what: check without --strict failed"; }
		grep -q "advarsel: [a-z-]*: " "$out/err" || { wrong=$((wrong + 1)); bad "$what: no warning says why"; }
	fi
done < "$out/rows"
[ "$n" = 108 ] && ok "108 rows of the matrix" || bad "$n rows, expected 108"
[ "$wrong" = 0 ] && ok "check --strict exits as the table says in every row"

# Issue 14's case: kontor-27, the employer absent, the AMR recoded to leader.
sed -e 's|<person id="henrik" role="employer" attendance="present">|<person id="henrik" role="employer" attendance="absent">|' \
    -e 's|<person id="camilla" role="leader" attendance="present" deputy="true" group="kontoret">|<person id="camilla" role="leader" attendance="present" group="kontoret">|' \
    -e 's|<person id="dora" role="amr" |<person id="dora" role="leader" |' \
    -e 's|<amr ref="dora"/>|<leader ref="dora"/>|' examples/kontor-27.xml > "$out/kontor.xml"
"$AMOKIT" check --strict "$out/kontor.xml" 2> "$out/kontor.err"
rc=$?
[ "$rc" = 1 ] && ok "issue 14's kontor-27: check --strict exits 1" || bad "issue 14's kontor-27: check --strict exited $rc"
grep -q "present-employer: nej: arbejdsgiveren Henrik Dahl har meldt afbud" "$out/kontor.err" \
	&& ok "the employer's absence is named" || bad "no warning about the employer: $(cat "$out/kontor.err")"
grep -q "present-amr: ikke oplyst: ingen arbejdsmiljørepræsentant" "$out/kontor.err" \
	&& ok "the missing AMR is named" || bad "no warning about the AMR: $(cat "$out/kontor.err")"
mkdir "$out/r"
if "$AMOKIT" render "$out/kontor.xml" --only referat -o "$out/r" > /dev/null; then
	pdftotext "$out/r/referat.pdf" - | tr -s ' \n' '  ' > "$out/k.txt"
	grep -qF "Alle lovpligtige punkter er dækket" "$out/k.txt" && bad "the referat claims every point is covered"
	grep -qF "svarer til reglen" "$out/k.txt" && bad "the referat claims the participants match the rule"
	grep -qF "Arbejdsgiveren eller en stedfortræder deltog Nej" "$out/k.txt" \
		&& ok "the referat answers Nej for the employer" || bad "the referat does not answer Nej for the employer"
	grep -qF "Arbejdsmiljørepræsentanterne deltog Ikke oplyst" "$out/k.txt" \
		&& ok "the referat answers Ikke oplyst for the AMR" || bad "the referat does not answer Ikke oplyst for the AMR"
else
	bad "render of issue 14's kontor-27 failed"
fi
exit $fail
