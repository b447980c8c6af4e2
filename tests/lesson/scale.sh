#!/bin/sh
# tests/lesson/scale.sh - long inputs take time in proportion to their
# length: a 100,000-page lesson in --batch, 20,000 @remember/@check lines,
# a progress file of 100,000 facts, and the lesson size limits.  Each ran
# 11 to 17 s when its lookups were linear (quadratic in all); the bounds
# below are several times what the linear code takes, even under ASan.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=$(mktemp -d "${TMPDIR:-/tmp}/regtutor-scale-XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
plan 10

# Seconds (with a fraction) the command takes; its output is discarded.
seconds() {
	t0=$(date +%s.%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}
# below T LIMIT: true when T < LIMIT
below() { awk -v t="$1" -v l="$2" 'BEGIN { exit !(t < l) }'; }

awk 'BEGIN { print "@title Many pages\n@lang en\n@seed 1\n"
	for (i = 0; i < 100000; i++) printf "@page Page %d\nText %d.\n\n", i, i }' \
	> "$T/pages.lesson"
t=$(seconds "$R" --batch "$T/pages.lesson")
echo "# --batch of 100000 pages: $t s"
ok "--batch of 100000 pages in under 4 s" below "$t" 4
n=$("$R" --batch "$T/pages.lesson" 2>/dev/null | grep -c '^Page [0-9]*/100000: ')
is "--batch shows every page" "$n" 100000

awk 'BEGIN { print "@title Many checks\n@lang en\n@seed 1\n\n@page One"
	print "> data poly\n> net 1-4-1\n> train 1"
	for (i = 0; i < 20000; i++) printf "@remember v%d train_loss\n", i
	for (i = 0; i < 20000; i++) printf "@check v%d <= train_loss\n", i }' \
	> "$T/checks.lesson"
t=$(seconds "$R" --check "$T/checks.lesson")
echo "# --check of 20000 @remember and @check: $t s"
ok "--check of 20000 @remember/@check in under 3 s" below "$t" 3
t=$(seconds "$R" --batch "$T/checks.lesson")
echo "# --batch of 20000 @remember and @check: $t s"
ok "--batch of 20000 @remember/@check in under 3 s" below "$t" 3
"$R" --batch "$T/checks.lesson" >/dev/null 2>&1; rc=$?
is "every check passed" "$rc" 0

mkdir -p "$T/xdg/regtutor"
awk 'BEGIN { print "# regtutor progress 1"
	for (i = 0; i < 100000; i++)
		if (i % 2) printf "quiz lesson%d q%d a\n", i % 100, i
		else printf "page lesson%d %d\n", i % 100, i / 100 }' \
	> "$T/xdg/regtutor/progress"
t=$(XDG_DATA_HOME="$T/xdg" seconds "$R" --list)
echo "# --list with 100000 progress facts: $t s"
ok "100000 progress facts load in under 3 s" below "$t" 3
ok "and were not set aside as corrupt" test ! -e "$T/xdg/regtutor/progress.corrupt"

# the lesson limits: 16 MiB, lines of 64 KiB
awk 'BEGIN { print "@title Long line\n@lang en\n\n@page One"
	for (i = 0; i < 70000; i++) printf "x"; print "" }' > "$T/long.lesson"
err=$("$R" --check "$T/long.lesson" 2>&1)
like "a line over 64 KiB" "$err" "long.lesson:5: line too long \(limit 64 KiB\)"
head -c 17000000 /dev/zero | tr '\0' '\n' > "$T/big.lesson"
err=$("$R" --check "$T/big.lesson" 2>&1)
like "a lesson over 16 MiB" "$err" \
	"big.lesson: too large \(17000000 bytes; limit 16 MiB\)"
err=$("$R" --check /dev/zero 2>&1)
like "a device: refused by type" "$err" "/dev/zero: not a regular file"
finish
