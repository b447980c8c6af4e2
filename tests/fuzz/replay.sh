#!/bin/sh
# tests/fuzz/replay.sh - every saved fuzz input (seeds, minimized corpus,
# reproducers of past findings) replayed through its harness as built by the
# normal compiler: one TAP line per harness, the harness's own output as
# comments when it fails.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
names="cmd csv lab lesson progress weights"
plan 6
for name in $names; do
	log=$(tests/fuzz/replay-"$name" "$REGTUTOR_SRCDIR/tests/fuzz/corpus/$name" 2>&1)
	rc=$?
	n=$(printf '%s\n' "$log" | grep -c '^ok ')
	if [ $rc -eq 0 ]; then
		tap_result 0 "fuzz corpus $name: $n inputs"
	else
		tap_result 1 "fuzz corpus $name: failed after $n inputs"
		printf '%s\n' "$log" | tail -20 | sed 's/^/# /'
	fi
done
finish
