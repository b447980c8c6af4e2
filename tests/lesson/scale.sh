#!/bin/sh
# tests/lesson/scale.sh - long inputs take time in proportion to their
# length: a 100,000-page lesson in --batch, 20,000 @remember/@check lines,
# a progress file of 100,000 facts (each against a quarter of it), and the
# lesson size limits.  With linear lookups (quadratic in all) the large
# inputs took 11 to 23 times as long as the small ones, 11 to 17 s.
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
# linear T1 T4: true when 4 times the input took less than 8 times as long
# (plus half a second of start-up and noise); quadratic work takes 16.
linear() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(b < 8 * a + 0.5) }'; }

pages() {
	awk -v n="$1" 'BEGIN { print "@title Many pages\n@lang en\n@seed 1\n"
		for (i = 0; i < n; i++) printf "@page Page %d\nText %d.\n\n", i, i }'
}
pages 25000 > "$T/pages1.lesson"
pages 100000 > "$T/pages4.lesson"
t1=$(seconds "$R" --batch "$T/pages1.lesson")
t4=$(seconds "$R" --batch "$T/pages4.lesson")
echo "# --batch of 25000 and 100000 pages: $t1 s, $t4 s"
ok "--batch: 100000 pages take about 4 times 25000" linear "$t1" "$t4"
n=$("$R" --batch "$T/pages4.lesson" 2>/dev/null | grep -c '^Page [0-9]*/100000: ')
is "--batch shows every page" "$n" 100000

checks() {
	awk -v n="$1" 'BEGIN { print "@title Many checks\n@lang en\n@seed 1\n"
		print "@page One\n> data poly\n> net 1-4-1\n> train 1"
		for (i = 0; i < n; i++) printf "@remember v%d train_loss\n", i
		for (i = 0; i < n; i++) printf "@check v%d <= train_loss\n", i }'
}
checks 5000 > "$T/checks1.lesson"
checks 20000 > "$T/checks4.lesson"
t1=$(seconds "$R" --check "$T/checks1.lesson")
t4=$(seconds "$R" --check "$T/checks4.lesson")
echo "# --check of 5000 and 20000 @remember/@check: $t1 s, $t4 s"
ok "--check: 20000 @remember/@check take about 4 times 5000" linear "$t1" "$t4"
t1=$(seconds "$R" --batch "$T/checks1.lesson")
t4=$(seconds "$R" --batch "$T/checks4.lesson")
echo "# --batch of 5000 and 20000 @remember/@check: $t1 s, $t4 s"
ok "--batch: 20000 @remember/@check take about 4 times 5000" linear "$t1" "$t4"
"$R" --batch "$T/checks4.lesson" >/dev/null 2>&1; rc=$?
is "every check passed" "$rc" 0

facts() {
	mkdir -p "$T/xdg$1/regtutor"
	awk -v n="$1" 'BEGIN { print "# regtutor progress 1"
		for (i = 0; i < n; i++)
			if (i % 2) printf "quiz lesson%d q%d a\n", i % 100, i
			else printf "page lesson%d %d\n", i % 100, i / 100 }' \
		> "$T/xdg$1/regtutor/progress"
}
facts 25000
facts 100000
t1=$(XDG_DATA_HOME="$T/xdg25000" seconds "$R" --list)
t4=$(XDG_DATA_HOME="$T/xdg100000" seconds "$R" --list)
echo "# --list with 25000 and 100000 progress facts: $t1 s, $t4 s"
ok "progress: 100000 facts take about 4 times 25000" linear "$t1" "$t4"
ok "and were not set aside as corrupt" \
	test ! -e "$T/xdg100000/regtutor/progress.corrupt"

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
