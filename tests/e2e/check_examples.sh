#!/bin/sh
# check_examples.sh: every example workplace validates (`amokit check`
# exits 0), and the check command's exit codes hold: --version, an unknown
# command or option (2), --strict with warnings (1).
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
fail=0
want() {  # want CODE DESCRIPTION COMMAND...
	code=$1; what=$2; shift 2
	"$@" > /dev/null 2>&1
	rc=$?
	if [ "$rc" = "$code" ]; then echo "ok   $what (exit $rc)"
	else echo "FAIL $what: exit $rc, expected $code"; fail=1; fi
}

[ "$("$AMOKIT" --version)" = "amokit 0.1.0" ] && echo "ok   --version" || { echo "FAIL --version"; fail=1; }
want 2 "no command" "$AMOKIT"
want 2 "unknown command" "$AMOKIT" frobnicate
want 2 "unknown option" "$AMOKIT" check --frobnicate tests/bad/schemalocation-ignored.xml
want 2 "check without a file" "$AMOKIT" check
want 0 "check --help" "$AMOKIT" check --help
want 0 "warnings without --strict" "$AMOKIT" check tests/bad/schemalocation-ignored.xml
want 1 "warnings with --strict" "$AMOKIT" check --strict tests/bad/schemalocation-ignored.xml
want 1 "a rejected file among good ones" "$AMOKIT" check tests/bad/schemalocation-ignored.xml tests/bad/date-feb30.xml
want 1 "--max-size below the file" "$AMOKIT" check --max-size 100 tests/bad/schemalocation-ignored.xml

set -- examples/*.xml
if [ ! -e "$1" ]; then
	echo "skip: no examples/*.xml yet"
else
	"$AMOKIT" check "$@"
	rc=$?
	if [ "$rc" = 0 ]; then echo "ok   $# examples validate"
	else echo "FAIL: amokit check examples/*.xml exited $rc"; fail=1; fi
fi
exit $fail
