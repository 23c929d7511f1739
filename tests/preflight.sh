#!/bin/sh
# preflight.sh FILE.pdf...: validates each file as PDF/A-1b with Apache
# PDFBox Preflight, an independent validator (Debian: default-jre-headless,
# libpdfbox2-java, which ships preflight.jar, libactivation-java and
# libjaxb-api-java, which Preflight needs on Java 11 and later). Prints
# each failing file's errors (Preflight's clause numbers and messages),
# then "N passed, N failed". Exit 0 when every file passes, 1 when one
# fails, 77 when Preflight is not installed. PREFLIGHT_JARS names another
# folder holding the jars.
J=${PREFLIGHT_JARS:-/usr/share/java}
CP=
for jar in preflight pdfbox2 fontbox2 xmpbox commons-logging javax.activation jaxb-api; do
	if [ ! -f "$J/$jar.jar" ]; then
		echo "preflight: $J/$jar.jar is missing (apt-get install default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java)" >&2
		exit 77
	fi
	CP=${CP:+$CP:}$J/$jar.jar
done
command -v java > /dev/null 2>&1 || { echo "preflight: no java (apt-get install default-jre-headless)" >&2; exit 77; }
[ $# -gt 0 ] || { echo "usage: preflight.sh FILE.pdf..." >&2; exit 2; }

out=$(mktemp) || exit 2
trap 'rm -f "$out"' EXIT
pass=0; fail=0
for f in "$@"; do
	# A short-lived JVM: the quick compiler only, a small heap.
	java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m -cp "$CP" \
		org.apache.pdfbox.preflight.Validator_A1b "$f" > "$out" 2>&1
	if grep -q 'is a valid PDF/A-1b file' "$out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "$f: not valid PDF/A-1b:"
		# Preflight's errors read "CLAUSE : message"; anything else (an
		# exception) is shown as it came.
		if grep -qE '^[0-9.]+ *: ' "$out"; then
			grep -E '^[0-9.]+ *: ' "$out" | sed 's/^/    /' | head -n 20
		else
			sed 's/^/    /' "$out" | head -n 10
		fi
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
