#!/bin/sh
# deps.sh PACKAGE...: make sure the Debian packages amokit needs are there.
# As root, installs the missing ones; otherwise prints the exact apt-get line
# and fails, so `make demo` and `make test` stop with a clear instruction.
missing=""
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian: trust the user
for p in "$@"; do
	case "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "amokit: installing Debian packages:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null \
		|| { echo "amokit: apt-get install failed" >&2; exit 1; }
else
	echo "amokit: missing Debian packages. Run:" >&2
	echo "  sudo apt-get install$missing" >&2
	exit 1
fi
