#!/bin/sh
# peers.sh [AMOKIT]: `make bench-peers`. Renders the agenda of
# examples/kontor-27.xml with amokit and with Apache FOP (bench/dagsorden.xsl
# turns the same workplace file into XSL-FO, with the point texts read from
# layouts/dagsorden.xml), times both in the same run and prints the ratio.
# Skips cleanly (exit 0) when fop is not installed: `apt-get install fop`.
AMOKIT=${1:-build-bench/amokit}
if ! command -v fop > /dev/null 2>&1; then
	echo "bench-peers: skipped, Apache FOP is not installed (apt-get install -y fop)"
	exit 0
fi
[ -x "$AMOKIT" ] || { echo "bench-peers: no binary at $AMOKIT" >&2; exit 2; }
exec python3 "$(dirname "$0")/bench.py" --peers "$AMOKIT"
