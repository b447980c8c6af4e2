#!/bin/sh
# tests/cli.sh - the command line of the real binary: options, exit codes.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
plan 56
mkdir -p tests/tmp

out=$("$R" --version); rc=$?
is "--version exits 0" "$rc" 0
like "--version names the program" "$out" '^regtutor [0-9]+\.[0-9]+'
out=$("$R" --help); rc=$?
is "--help exits 0" "$rc" 0
like "--help shows usage" "$out" '^Usage: regtutor'
err=$("$R" --bogus 2>&1 >/dev/null); rc=$?
is "unknown option exits 2" "$rc" 2
like "unknown option: one-line error and hint" "$err" "unknown option '--bogus'"
err=$("$R" --width 2>&1 >/dev/null); rc=$?
is "option without its argument exits 2" "$rc" 2
like "... and says which option" "$err" "option '--width' needs an argument"
err=$("$R" --color=sometimes -e help 2>&1 >/dev/null); rc=$?
is "bad --color value exits 2" "$rc" 2
like "--help lists the headless options" "$("$R" --help)" '--repl'
err=$("$R" -e 'get lr' 2>&1 >/dev/full); rc=$?
is "output that cannot be written exits 1" "$rc" 1
like "... and says so" "$err" 'write error on standard output'
"$R" --help >/dev/full 2>/dev/null; rc=$?
is "--help that cannot be written exits 1" "$rc" 1
# A NUL byte on standard input: said, not silently cut, and exit 1.
err=$(printf 'set lr 0.5\nget lr\0set lr 0.1\nget lr\n' | "$R" 2>&1 >/dev/null); rc=$?
is "a NUL byte on stdin exits 1" "$rc" 1
like "... and names the line" "$err" \
    '^regtutor: standard input, line 2: a NUL byte in the line \(not run\)$'
out=$(printf 'get lr\0x\nget lr\n' | "$R" --keep-going 2>/dev/null)
is "... --keep-going runs the next lines" "$out" "lr = 0.03"
# A line longer than 64 KiB on standard input: refused by its number, not
# read into memory whole; the lines before it ran.  CRLF lines are read.
long=$( (printf 'get lambda\n'; head -c 70000 /dev/zero | tr '\0' a;
    printf '\nget lr\n') | "$R" 2>"tests/tmp/long-$$.err"); rc=$?
is "a line over 64 KiB on stdin exits 1" "$rc" 1
is "... after the lines before it" "$long" "lambda = 0"
like "... and says why" "$(cat "tests/tmp/long-$$.err")" \
    '^regtutor: standard input, line 2: line too long \(limit 64 KiB\) \(not run\)$'
rm -f "tests/tmp/long-$$.err"
out=$(printf 'set lr 0.5\r\nget lr\r\n' | "$R" 2>&1)
is "CRLF lines on stdin" "$out" "lr = 0.5
lr = 0.5"
# A history file over the limit is not read (readline reads it whole)
# nor overwritten, and --repl says so.
h=$(pwd)/tests/tmp/hist-$$
mkdir -p "$h/regtutor"
head -c 5000000 /dev/zero | tr '\0' x >"$h/regtutor/history"
err=$(echo quit | XDG_STATE_HOME=$h script -qec "'$R' --repl" /dev/null 2>&1)
like "--repl: an oversized history is not used and said" "$err" \
    'history .* is not used: too large \(limit 4 MiB\)'
rm -rf "$h"
# A comma-decimal locale does not change how numbers are read or written
# (the locale is compiled for the test when the system has not got it).
loc=$(pwd)/tests/tmp/locale-$$
mkdir -p "$loc"
if localedef -i de_DE -f UTF-8 "$loc/de_DE.UTF-8" >/dev/null 2>&1; then
	LOCPATH=$loc
	export LOCPATH
fi
out=$(LC_ALL=de_DE.UTF-8 "$R" -e 'get lr' -e 'set lr 0.5' 2>&1)
unset LOCPATH
rm -rf "$loc"
is "a comma-decimal locale: numbers keep their '.'" "$out" "lr = 0.03
lr = 0.5"
# Lessons from the build tree: the binary in its build directory reads the
# source tree's lessons without REGTUTOR_DATADIR; a copy elsewhere (an
# installed binary) never does; with no lessons the message says where it
# looked and how to fix it.
err=$(env -u REGTUTOR_DATADIR "$R" --batch nosuch 2>&1)
like "the build-tree binary finds the source tree's lessons" "$err" \
    "no lesson 'nosuch' in $REGTUTOR_SRCDIR/lessons/en \\(there are: 00-tour"
out=$(cd / && env -u REGTUTOR_DATADIR "$R" --list 2>&1)
like "... from any working directory" "$out" '^  0  Tour of regtutor'
c=$(pwd)/tests/tmp/copy-$$
mkdir -p "$c"
cp "$R" "$c/regtutor"
err=$(env -u REGTUTOR_DATADIR "$c/regtutor" --batch nosuch 2>&1)
rc=0; case $err in *"$REGTUTOR_SRCDIR/lessons"*) rc=1;; esac
is "a copy outside the build directory never reads the build tree" "$rc" 0
case $err in
*"no lessons found"*)
	like "... and with no lessons installed says where it looked and what to do" \
	    "$err" "no lessons found \\(looked in /.*/lessons/en\\): run .make install., or .make run. in the build directory, or set REGTUTOR_DATADIR";;
*)	like "... (lessons are installed: it reads those)" "$err" \
	    "no lesson 'nosuch' in /.*/lessons/en \\(there are:";;
esac
rm -rf "$c"
err=$(REGTUTOR_DATADIR=/nonexistent "$R" --list 2>&1); rc=$?
is "--list with no lessons exits 1" "$rc" 1
like "... naming REGTUTOR_DATADIR as where it looked" "$err" \
    'no lessons found \(looked in /nonexistent/lessons/en, from REGTUTOR_DATADIR\): set REGTUTOR_DATADIR'
# A locale that is not UTF-8: the lesson text is spelt in ASCII (the one
# table in util), nothing is left out, Korean says it needs UTF-8.
out=$(LC_ALL=C "$R" --batch 2 2>&1); rc=$?
is "LC_ALL=C --batch 2 exits 0" "$rc" 0
n=$(printf '%s\n' "$out" | LC_ALL=C grep -c '[^ -~]')
is "... prints only ASCII" "$n" 0
like "... with the formulas spelt out" "$out" \
    '^- L2: `L = L0 \+ \(lambda/n\) sum w\^2`$'
err=$(LC_ALL=C "$R" --batch 0 --lang ko 2>&1 >/dev/null); rc=$?
is "LC_ALL=C --lang ko --batch 0 exits 0" "$rc" 0
like "... and says once that Korean needs a UTF-8 locale" "$err" \
    '^regtutor: Korean needs a UTF-8 locale .*showing the English lessons$'
is "... once" "$(printf '%s\n' "$err" | grep -c Korean)" 1
# ... and so does every other mode: English, no Hangul, the note once on
# stderr.
for args in "--list" "-e trian" "--help"; do
	# shellcheck disable=SC2086
	LC_ALL=C LANG=C "$R" $args --lang ko >"tests/tmp/ko-$$.out" \
	    2>"tests/tmp/ko-$$.err"
	all=$(cat "tests/tmp/ko-$$.out" "tests/tmp/ko-$$.err")
	is "LC_ALL=C $args --lang ko: no Hangul" \
	    "$(printf '%s\n' "$all" | LC_ALL=C grep -c '[^ -~]')" 0
	is "... the note on stderr, once" \
	    "$(grep -c '^regtutor: Korean needs a UTF-8 locale' \
	    "tests/tmp/ko-$$.err")" 1
done
like "... -e trian speaks English" "$(LC_ALL=C "$R" -e trian --lang ko 2>&1)" \
    "trian: unknown command; did you mean 'train'"
like "... --list lists the English lessons" \
    "$(LC_ALL=C "$R" --list --lang ko 2>/dev/null)" 'Overfitting'
rm -f "tests/tmp/ko-$$.out" "tests/tmp/ko-$$.err"
# compare and sweep tables fit the 80 columns of the output pane (lesson
# 5's bundles with a test split: the widest), in Korean too, where the
# headers are Korean and line up by display width.
# table_lines OUTPUT: the lines of the table (its header to the footnote).
table_lines() { printf '%s\n' "$1" | sed -n '/^bundle\|^reg /,/^mean +- sd\|^one run/p' |
	sed '$d'; }
B='data moons n=60 test=0.2; net 2-8-1; set epochs 3; compare early=on "reg=l2 lambda=0.3" dropout=0.5 input_noise=0.2 "n=320 early=on"'
out=$(LC_ALL=C.UTF-8 "$R" -e "$B seeds=2" 2>&1)
is "compare of 5 bundles over seeds with a test split: 6 table lines" \
    "$(table_lines "$out" | wc -l)" 6
like "... none wider than 80 columns" \
    "$(table_lines "$out" | LC_ALL=C.UTF-8 wc -L)" '^([0-7][0-9]|80)$'
out=$(LC_ALL=C.UTF-8 "$R" -e "$B" 2>&1)
like "... one seed each: fits too" "$(table_lines "$out" | LC_ALL=C.UTF-8 wc -L)" \
    '^([0-7][0-9]|80)$'
K='data moons n=60; net 2-8-1; set epochs 3; compare reg l1 l2'
# widths WHAT: the distinct display widths of the table's lines cut
# before their last column (1: the last column lines up)
widths() { printf '%s\n' "$1" | grep -E '^(reg|l1|l2) ' | sed 's/[^ ]*$//' |
    while IFS= read -r l; do printf '%s' "$l" | LC_ALL=C.UTF-8 wc -L; done |
    sort -u | wc -l; }
out=$(LC_ALL=C.UTF-8 "$R" --lang ko -e "$K seeds=2" 2>&1)
like "Korean tables: Korean headers" "$out" \
    '^reg +검증 손실 +최적 검증 손실 +학습 손실 +최저$'
is "... columns aligned by display width" "$(widths "$out")" 1
out=$(LC_ALL=C.UTF-8 "$R" --lang ko -e "$K" 2>&1)
like "... one run each: status values translated" "$out" '^l1 .* 완료$'
is "... columns aligned by display width" "$(widths "$out")" 1
# --seed N plays a lesson on seed N in place of its @seed, and says so in
# the title; without it the lesson's own seed.
out=$("$R" --seed 7 --batch 0 2>&1); rc=$?
is "--seed 7 --batch 0 exits 0" "$rc" 0
like "... names seed 7 in the title" "$(printf '%s\n' "$out" | head -1)" \
    '^0\. .* \(seed 7\)$'
like "... and builds the lesson's net on seed 7" "$out" 'init xavier, seed 7$'
n=$("$R" --batch 0 2>&1 | grep -c 'seed 7')
is "--batch 0 alone plays the lesson's seed" "$n" 0
err=$("$R" --seed 7 --seeds 1-2 --batch 0 2>&1 >/dev/null); rc=$?
is "--seed with --seeds exits 2" "$rc" 2
# --list fits 80 columns: a long title goes on under itself and the
# counts stay in their column
out=$(LC_ALL=C.UTF-8 HOME="$(pwd)/tests/tmp" XDG_DATA_HOME="$(pwd)/tests/tmp/list-$$" "$R" --list 2>&1)
like "--list: no line wider than 80 columns" \
    "$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L)" '^([0-7][0-9]|80)$'
count_cols() { printf '%s\n' "$out" | grep 'pages,' |
	sed 's/[0-9]*\/[0-9]* pages,.*//' | while IFS= read -r l; do
		printf '%s\n' "$l" | LC_ALL=C.UTF-8 wc -L; done | sort -u; }
is "--list: the counts of every lesson start in one column" \
    "$(count_cols | wc -l)" 1
rm -rf "tests/tmp/list-$$"
finish
