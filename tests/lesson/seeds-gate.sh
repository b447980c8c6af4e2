#!/bin/sh
# tests/lesson/seeds-gate.sh - the seed gate: every shipped lesson, in both
# languages, passes every checkpoint on every seed 1-20 (regtutor --batch
# LESSON --seeds 1-20).  A lesson claim must hold beyond the lesson's own
# seed.  Two lessons run at a time; a failure shows the checkpoints that
# failed, the seeds and the worst case.
#
# A Korean lesson runs exactly the command lines, checkpoints and
# remembered values of the English one (test-lesson-shipped compares their
# loaded structures), so its numbers on any seed are the English lesson's:
# it is played on seeds 1-3 only (REGTUTOR_GATE_KO_SEEDS),
# which checks its texts and substitutions, not the engine again.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
D=$REGTUTOR_SRCDIR/lessons
SEEDS=${REGTUTOR_GATE_SEEDS:-1-20}
KO_SEEDS=${REGTUTOR_GATE_KO_SEEDS:-1-3}
T=tests/tmp/seeds-gate
mkdir -p "$T"

files=$(ls "$D"/en/*.lesson "$D"/ko/*.lesson)
n=0
for f in $files; do n=$((n + 1)); done
plan "$n"

seeds_of() {
	case $1 in
	*/ko/*) echo "$KO_SEEDS" ;;
	*) echo "$SEEDS" ;;
	esac
}

# run: lesson file -> $T/<lang>-<name>.out and .rc
run() {
	o=$T/$(basename "$(dirname "$1")")-$(basename "$1" .lesson)
	"$R" --batch "$1" --seeds "$(seeds_of "$1")" >"$o.out" 2>&1
	echo $? >"$o.rc"
}
set -- $files
while [ $# -gt 0 ]; do
	run "$1" &
	if [ $# -gt 1 ]; then run "$2"; fi
	wait
	shift; [ $# -gt 0 ] && shift
done

for f in $files; do
	o=$T/$(basename "$(dirname "$f")")-$(basename "$f" .lesson)
	name=${f#"$D"/}
	if [ "$(cat "$o.rc")" = 0 ]; then
		tap_result 0 "$name: every checkpoint on seeds $(seeds_of "$f")"
	else
		tap_result 1 "$name: every checkpoint on seeds $(seeds_of "$f")"
		# the failed checkpoints: their line, the seeds, the worst case
		# (a Korean lesson reports in Korean)
		awk '/^[0-9]+:[0-9]+ / { head = $0; next }
		    /FAILED on seed|실패한 시드/ { print head; print; getline; print }
		    /command.* failed|명령 .*실패/ { print }' "$o.out" |
		    sed 's/^/# /'
	fi
done
rm -rf "$T"
finish
