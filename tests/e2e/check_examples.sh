#!/bin/sh
# check_examples.sh: every example workplace validates (`amokit check`
# exits 0). Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
set -- examples/*.xml
if [ ! -e "$1" ]; then
	echo "skip: no examples/*.xml yet"
	exit 0
fi
"$AMOKIT" check "$@"
rc=$?
if [ "$rc" != 0 ]; then
	echo "FAIL: amokit check examples/*.xml exited $rc"
	exit 1
fi
echo "ok: $# examples validate"
