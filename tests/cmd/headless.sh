#!/bin/sh
# tests/cmd/headless.sh - the real binary's headless modes: -e, commands on
# stdin, exit codes, errors on stderr, --keep-going, render flags.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
plan 16

out=$("$R" --ascii -e 'data moons n=40; net 2-4-1; train 2' 2>/dev/null); rc=$?
is "-e: exit 0" "$rc" 0
like "-e: training summary on stdout" "$out" '^trained 2 epochs \(1-2\)'

err=$("$R" -e 'set lambda -1; set lambda 0.5' 2>&1 >/dev/null); rc=$?
is "-e: failing command exits 1" "$rc" 1
like "-e: error on stderr names command, argument, allowed" "$err" \
	"^regtutor: set: lambda: -1 is out of range \(allowed: a number >= 0"

out=$("$R" -e 'trian' -e 'get lambda' 2>/dev/null); rc=$?
is "-e: stops at the first error" "$out" ""

out=$("$R" -k -e 'trian' -e 'set lr 0.5' -e 'get lr' 2>/dev/null); rc=$?
is "--keep-going runs the rest" "$out" "lr = 0.5
lr = 0.5"
is "--keep-going still exits 1" "$rc" 1

out=$(printf 'set lr 0.1\n# a comment\n\nget lr\nquit\nset lr 0.2\n' | "$R"); rc=$?
is "stdin: commands line by line, quit stops" "$out" "lr = 0.1
lr = 0.1"
is "stdin: exit 0" "$rc" 0

out=$(printf 'get lr\nset lr abc\nget lr\n' | "$R" 2>/dev/null); rc=$?
is "stdin: stop at the first error" "$rc:$out" "1:lr = 0.03"

out=$("$R" --ascii --width 40 --height 8 -e 'plot fn relu'); rc=$?
w=$(printf '%s\n' "$out" | awk '{ if (length($0) != 40) bad = 1 } END { print bad + 0 }')
is "--width/--height: every chart line is 40 columns" "$w" 0
like "--ascii: only ASCII" "$(printf '%s' "$out" | LC_ALL=C tr -d '\011\012\040-\176' | wc -c)" '^0$'

out=$(NO_COLOR=1 "$R" --color=always --ascii -e 'plot fn tanh' | grep -c "$(printf '\033')")
like "--color=always emits colour" "$out" '^[1-9]'

err=$("$R" --width 5 -e help 2>&1); rc=$?
is "bad --width is a usage error" "$rc" 2
# help and regtutor(1) list the same commands
missing=""
for c in $("$R" -e help | sed -n 's/^  \([a-z]*\) .*/\1/p'); do
	grep -q "^\.It Ic $c\( \|$\)" "$REGTUTOR_SRCDIR/man/regtutor.1" || missing="$missing $c"
done
is "every command of 'help' is documented in regtutor(1)" "$missing" ""
n=$("$R" -e help | grep -c '^  [a-z]')
is "help lists all 21 commands" "$n" 21
finish
