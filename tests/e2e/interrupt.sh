#!/bin/sh
# interrupt.sh: a workplace's documents are replaced whole or not at all,
# however a run ends (issue 19, item 1; output.h).
#
#  1. render, killed at random moments (SIGINT or SIGKILL) while it
#     replaces one workplace's six documents with another's: the folder
#     always holds one whole set, the old or the new. After SIGINT no
#     staging folder is left. After SIGKILL one may be, and the next run
#     into the folder (here `ics -o` into it) removes it; only a SIGKILL
#     within the few renames of a publication can leave the folder mixed,
#     and then only with its ".amokit-commit" journal, which that next run
#     completes.
#  2. batch -j 2 over four workplaces, SIGINT or SIGKILL to the parent
#     alone or to the whole process group (SIGINT to the group is what
#     Ctrl-C on a terminal sends): every workplace folder holds one whole
#     set of its own; after SIGINT, or a SIGKILL of the parent alone (the
#     workers follow it), no staging folder is left (only the journal of
#     SHA256SUMS, should the parent die within its publication); after a
#     SIGKILL of every process the next batch removes them. And a worker
#     killed alone, over workplaces in subfolders: the parent removes its
#     staging folder.
#  3. Two renders of different workplaces into one folder at once, many
#     times: both succeed, one whole set remains, nothing else.
#
# KILL_LOOPS (default 30) sets the iterations of 1 and 2, KILL_SEED the
# random moments (printed, so a failure can be replayed).
# Run from the repository root with AMOKIT=<binary>.
AMOKIT=${AMOKIT:-build/amokit}
LOOPS=${KILL_LOOPS:-30}
SEED=${KILL_SEED:-$(date +%s)}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
echo "seed $SEED (KILL_SEED=$SEED to replay)"

# --- reference sets ------------------------------------------------------------
# sums DIR: the sorted SHA-256 lines of DIR's PDFs.
sums() { (cd "$1" && sha256sum -- *.pdf 2> /dev/null | sort); }
for x in kontor-27 toemrer-6 produktion-45 plejecenter-140; do
	mkdir "$TMP/ref-$x"
	"$AMOKIT" render "examples/$x.xml" -j 1 -o "$TMP/ref-$x" > /dev/null || { bad "reference render of $x"; exit 1; }
	sums "$TMP/ref-$x" > "$TMP/ref-$x.sums"
done
# set_of DIR: the workplace whose whole set DIR holds, "none", or "mixed".
set_of() {
	s=$(sums "$1")
	[ -z "$s" ] && { echo none; return; }
	for x in kontor-27 toemrer-6 produktion-45 plejecenter-140; do
		[ "$s" = "$(cat "$TMP/ref-$x.sums")" ] && { echo "$x"; return; }
	done
	echo mixed
}
left_in() { find "$1" -name '.amokit-*' 2> /dev/null | head -n 3; }

# rnd I: a pseudo-random number from the seed and I (Lehmer's generator).
rnd() {
	x=$(((SEED % 1000003 * 7919 + $1 * 104729) % 2147483646 + 1))
	x=$((x * 48271 % 2147483647)); x=$((x * 48271 % 2147483647))
	echo "$x"
}
# delay I MAX: a random moment in seconds, 0 .. MAX ms.
delay() { r=$(($(rnd "$1") % ($2 + 1))); printf '%d.%03d' $((r / 1000)) $((r % 1000)); }
# pick I N: a random 0 .. N-1.
pick() { echo $(($(rnd "$1") / 1000 % $2)); }

# ms CMD...: the wall time of CMD in milliseconds.
ms() { t0=$(date +%s%N); "$@" > /dev/null 2>&1; echo $((($(date +%s%N) - t0) / 1000000)); }

# gone PGID: waits (up to 10 s) until no process of the group is left.
# (dash's kill takes no "--": a negative number is the group.)
gone() {
	k=0
	while kill -0 "-$1" 2> /dev/null && [ $k -lt 1000 ]; do sleep 0.01; k=$((k + 1)); done
	! kill -0 "-$1" 2> /dev/null
}

# --- 1. render -------------------------------------------------------------------
D="$TMP/render"; mkdir "$D"
"$AMOKIT" render examples/kontor-27.xml -o "$D" > /dev/null
T=$(ms "$AMOKIT" render examples/toemrer-6.xml -o "$TMP/timing")
MAX=$((T * 3 / 2 + 5))
echo "render takes about $T ms; killing within 0..$MAX ms"
i=0; ints=0; kills=0; done_runs=0; cut=0; bad_before=$fail
while [ $i -lt "$LOOPS" ]; do
	old=$(set_of "$D")
	new=toemrer-6; [ "$old" = toemrer-6 ] && new=kontor-27
	sig=INT; [ "$(pick "$i" 2)" = 1 ] && sig=KILL
	setsid "$AMOKIT" render "examples/$new.xml" -o "$D" > /dev/null 2>&1 &
	pid=$!
	sleep "$(delay "$i" "$MAX")"
	kill -s "$sig" "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null; rc=$?
	gone "$pid" || bad "render $i: processes left"
	now=$(set_of "$D")
	[ "$rc" = 0 ] && done_runs=$((done_runs + 1))
	if [ "$sig" = INT ]; then
		ints=$((ints + 1))
		[ -n "$(left_in "$D")" ] && bad "render $i (SIGINT, exit $rc): left $(left_in "$D")"
		[ "$now" = "$old" ] || [ "$now" = "$new" ] || bad "render $i (SIGINT, exit $rc): the folder holds $now"
	else
		kills=$((kills + 1))
		if [ "$now" = mixed ] && [ -n "$(find "$D" -name '.amokit-commit.*')" ]; then
			cut=$((cut + 1))
		elif [ "$now" != "$old" ] && [ "$now" != "$new" ]; then
			bad "render $i (SIGKILL, exit $rc): the folder holds $now"
		fi
		# The next run into the folder tidies it (and completes a cut set).
		"$AMOKIT" ics examples/kontor-27.xml -o "$D/plan.ics" 2> "$TMP/err" || bad "render $i: ics after the kill: $(cat "$TMP/err")"
		rm -f "$D/plan.ics"
		now=$(set_of "$D")
		[ -n "$(left_in "$D")" ] && bad "render $i: the next run left $(left_in "$D")"
		[ "$now" = "$old" ] || [ "$now" = "$new" ] || bad "render $i (SIGKILL, then tidied): the folder holds $now"
	fi
	i=$((i + 1))
done
[ "$fail" = "$bad_before" ] &&
	ok "render killed $LOOPS times ($ints SIGINT, $kills SIGKILL; $done_runs finished first; $cut cut within a publication and completed): always one whole set, no leftover"

# --- 2. batch --------------------------------------------------------------------
mkdir "$TMP/a" "$TMP/b"
set -- kontor-27 toemrer-6 produktion-45 plejecenter-140
k=1
for x in "$@"; do
	cp "examples/$x.xml" "$TMP/a/w$k.xml"
	k=$((k + 1))
done
# b: the same names, each with the next workplace's contents
cp examples/toemrer-6.xml "$TMP/b/w1.xml"; cp examples/produktion-45.xml "$TMP/b/w2.xml"
cp examples/plejecenter-140.xml "$TMP/b/w3.xml"; cp examples/kontor-27.xml "$TMP/b/w4.xml"
# expected W: the two sets folder W may hold
expected() {
	case $1 in
	w1) echo "kontor-27 toemrer-6" ;; w2) echo "toemrer-6 produktion-45" ;;
	w3) echo "produktion-45 plejecenter-140" ;; w4) echo "plejecenter-140 kontor-27" ;;
	esac
}
O="$TMP/batch"
# check_batch I WHAT: every workplace folder whole and its own (or absent).
check_batch() {
	for w in w1 w2 w3 w4; do
		[ -e "$O/$w" ] || continue
		now=$(set_of "$O/$w")
		case " $(expected "$w") " in
		*" $now "*) ;;
		*) bad "batch $1 ($2): $w holds $now" ;;
		esac
	done
}
"$AMOKIT" batch -j 2 -o "$O" "$TMP/a" 2> /dev/null
T=$(ms "$AMOKIT" batch -j 2 -o "$TMP/timing-b" "$TMP/a")
MAX=$((T * 3 / 2 + 5))
echo "batch takes about $T ms; killing within 0..$MAX ms"
i=0; bad_before=$fail; how_n="0 0 0"
n_int=0; n_ctrlc=0; n_parent=0; n_group=0; n_cut=0
while [ $i -lt "$LOOPS" ]; do
	src=a; [ $((i % 2)) = 0 ] && src=b
	case $(pick "$i" 4) in
	0) how="SIGINT to the parent"; n_int=$((n_int + 1)) ;;
	1) how="SIGINT to every process (Ctrl-C)"; n_ctrlc=$((n_ctrlc + 1)) ;;
	2) how="SIGKILL to the parent"; n_parent=$((n_parent + 1)) ;;
	*) how="SIGKILL to every process"; n_group=$((n_group + 1)) ;;
	esac
	setsid "$AMOKIT" batch -j 2 -o "$O" "$TMP/$src" > /dev/null 2>&1 &
	pid=$!
	sleep "$(delay "$i" "$MAX")"
	case $how in
	"SIGINT to the parent") kill -s INT "$pid" 2> /dev/null ;;
	"SIGINT to every process (Ctrl-C)") kill -s INT "-$pid" 2> /dev/null ;;
	"SIGKILL to the parent") kill -s KILL "$pid" 2> /dev/null ;;
	*) kill -s KILL "-$pid" 2> /dev/null ;;
	esac
	wait "$pid" 2> /dev/null
	gone "$pid" || bad "batch $i ($how): processes left"
	check_batch "$i" "$how"
	if [ "$how" = "SIGKILL to the parent" ] && [ -n "$(find "$O" -name '.amokit-tmp.*')" ]; then
		bad "batch $i ($how): the workers left $(find "$O" -name '.amokit-tmp.*' | head -n 2)"
	fi
	# The parent publishes SHA256SUMS as a set of one file: a SIGKILL within
	# that publication leaves its journal, which the next run completes.
	if [ "$how" = "SIGKILL to the parent" ] && [ -n "$(find "$O" -maxdepth 1 -name '.amokit-commit.*')" ]; then
		n_cut=$((n_cut + 1))
		how="SIGKILL to every process"
	fi
	if [ "$how" = "SIGKILL to every process" ]; then
		"$AMOKIT" batch -j 2 -o "$O" "$TMP/$src" > /dev/null 2>&1 || bad "batch $i: the next batch failed"
		check_batch "$i" "the next batch"
	fi
	if [ -n "$(left_in "$O")" ]; then
		bad "batch $i ($how): left $(left_in "$O")"
		ls -la $(left_in "$O") | sed 's/^/    /'
		rm -rf "$O"/.amokit-*
	fi
	i=$((i + 1))
done
[ "$fail" = "$bad_before" ] &&
	ok "batch killed $LOOPS times ($n_int SIGINT to the parent, $n_ctrlc to every process, $n_parent SIGKILL to the parent, $n_group to every process; $n_cut SHA256SUMS publications cut, completed by the next run): every folder one whole set of its own, no leftover"

# A worker killed outright (the batch goes on, over workplaces in
# subfolders): its workplace fails, its staging folder is removed by the
# parent at once, every folder is whole.
mkdir -p "$TMP/sub/x" "$TMP/sub/y"
cp examples/plejecenter-140.xml "$TMP/sub/x/p1.xml"; cp examples/plejecenter-140.xml "$TMP/sub/y/p2.xml"
cp examples/produktion-45.xml "$TMP/sub/x/p3.xml"; cp examples/produktion-45.xml "$TMP/sub/y/p4.xml"
S="$TMP/subout"; i=0; bad_before=$fail; killed=0
while [ $i -lt 10 ]; do
	rm -rf "$S"
	setsid "$AMOKIT" batch -j 2 -o "$S" "$TMP/sub" > /dev/null 2>&1 &
	pid=$!
	sleep "$(delay "$((i + 1000))" 150)"
	w=$(pgrep -P "$pid" | head -n 1)
	[ -n "$w" ] && kill -s KILL "$w" 2> /dev/null && killed=$((killed + 1))
	wait "$pid" 2> /dev/null
	gone "$pid" || bad "worker kill $i: processes left"
	[ -n "$(left_in "$S")" ] && bad "worker kill $i: left $(left_in "$S")"
	for d in "$S"/*/*/; do
		[ -d "$d" ] || continue
		[ "$(ls "$d" | wc -l)" = 6 ] || bad "worker kill $i: $d holds $(ls "$d" | wc -l) documents"
	done
	i=$((i + 1))
done
[ "$fail" = "$bad_before" ] && ok "batch over subfolders, one worker killed outright ($killed of 10 runs): no leftover, every folder whole"

# --- 3. two renders into one folder at once ----------------------------------------
C="$TMP/concurrent"; mkdir "$C"
i=0; bad_before=$fail; ROUNDS=$((LOOPS / 2 + 5))
while [ $i -lt "$ROUNDS" ]; do
	"$AMOKIT" render examples/kontor-27.xml -o "$C" > /dev/null 2> "$TMP/e1" &
	p1=$!
	"$AMOKIT" render examples/toemrer-6.xml -o "$C" > /dev/null 2> "$TMP/e2" &
	p2=$!
	wait $p1; r1=$?
	wait $p2; r2=$?
	[ "$r1" = 0 ] && [ "$r2" = 0 ] || bad "concurrent $i: exit $r1 and $r2: $(cat "$TMP/e1" "$TMP/e2")"
	now=$(set_of "$C")
	[ "$now" = kontor-27 ] || [ "$now" = toemrer-6 ] || bad "concurrent $i: the folder holds $now"
	[ -n "$(left_in "$C")" ] && bad "concurrent $i: left $(left_in "$C")"
	i=$((i + 1))
done
[ "$fail" = "$bad_before" ] && ok "two renders into one folder at once, $ROUNDS times: both exit 0, one whole set, nothing else"

echo "interrupt: $pass passed, $fail failed"
[ "$fail" = 0 ]
