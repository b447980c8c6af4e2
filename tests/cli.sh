#!/bin/sh
# tests/cli.sh - the command line of the real binary: options, exit codes.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
plan 6

out=$("$R" --version); rc=$?
is "--version exits 0" "$rc" 0
like "--version names the program" "$out" '^regtutor [0-9]+\.[0-9]+'
out=$("$R" --help); rc=$?
is "--help exits 0" "$rc" 0
like "--help shows usage" "$out" '^Usage: regtutor'
err=$("$R" --bogus 2>&1 >/dev/null); rc=$?
is "unknown option exits 2" "$rc" 2
like "unknown option: one-line error and hint" "$err" "unknown option '--bogus'"
finish
