#!/bin/sh
# readme.sh: every command line in README.md works as written (issue 18).
#
# The command lines are taken from the README's ```sh blocks (a line ending
# in \ continues on the next), in order, and run one by one with sh in a
# temporary copy of the repository (its committed files, with the build
# folder beside them), so that a command may use what an earlier one made,
# as a reader following the README would. Each must exit 0. One line is
# not run, and says why: `make test` is the suite that runs this test.
# Installing stays inside the temporary folder: DESTDIR points there, and
# `sudo` runs its command as the user running the test.
# Run from the repository root with AMOKIT=<binary> and BUILD=<build folder>.
AMOKIT=${AMOKIT:-build/amokit}
BUILD=${BUILD:-build}
TMP=$(mktemp -d)
trap 'chmod -R u+w "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
pass=0; fail=0; skipped=0

# The repository as a fresh clone would have it, plus the build.
if git ls-files > "$TMP/files" 2>/dev/null && [ -s "$TMP/files" ]; then
	mkdir -p "$TMP/repo"
	tar -cf - -T "$TMP/files" | tar -xf - -C "$TMP/repo"
else
	cp -a . "$TMP/repo"
fi
mkdir -p "$TMP/repo/build"
cp -a "$BUILD"/. "$TMP/repo/build/"
[ "$BUILD" != build ] && rm -rf "$TMP/repo/$BUILD" && ln -s build "$TMP/repo/$BUILD" 2>/dev/null

# sudo, for this test, only runs its command; installs go to a stage.
mkdir -p "$TMP/bin" "$TMP/stage"
printf '#!/bin/sh\nexec "$@"\n' > "$TMP/bin/sudo"
chmod +x "$TMP/bin/sudo"
PATH="$TMP/bin:$PATH"
DESTDIR="$TMP/stage"
export PATH DESTDIR

# The command lines of the ```sh blocks.
awk '
	/^```sh[ \t]*$/ { inblock = 1; next }
	/^```/          { inblock = 0; next }
	inblock {
		line = cont $0
		if (line ~ /\\$/) { cont = substr(line, 1, length(line) - 1); line = ""; next }
		cont = ""
		sub(/^[ \t]+/, "", line)
		if (line != "" && line !~ /^#/) print line
	}' README.md > "$TMP/commands"

n=$(wc -l < "$TMP/commands")
[ "$n" -ge 5 ] && echo "readme: $n command lines" || { echo "FAIL readme: only $n command lines found"; exit 1; }

i=0
while IFS= read -r cmd; do
	i=$((i + 1))
	case "$cmd" in
	"make test"*)
		skipped=$((skipped + 1)); echo "skip $cmd   (this test is part of it)"; continue ;;
	esac
	# The README says build/amokit: the binary under test, in the copy.
	if (cd "$TMP/repo" && sh -c "$cmd") > "$TMP/out.$i" 2>&1 < /dev/null; then
		pass=$((pass + 1)); echo "ok   $cmd"
	else
		fail=$((fail + 1)); echo "FAIL $cmd"; sed 's/^/    /' "$TMP/out.$i" | tail -n 8
	fi
done < "$TMP/commands"

echo "readme: $pass passed, $fail failed, $skipped not run"
[ "$fail" = 0 ]
