#!/bin/sh
# tests/tui/term-size.sh - the full-screen shell under LINES or COLUMNS
# values no terminal has: one clear message naming the variable and the
# allowed range, exit 1 (curses would fail and blame the terminal type).
# The shell needs a terminal: it runs in a tmux pane ($TMUX_BIN).
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
plan 4
if [ -z "$T" ] || [ ! -x "$T" ]; then
	for i in 1 2 3 4; do
		tap_result 1 "tmux is required (configure found none)"
	done
	finish
fi
SOCK=regtutor-size-$$
WORK=$(pwd)/tests/tmp/size-$$
mkdir -p "$WORK"
tm() { "$T" -L "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$WORK"' EXIT
trap 'exit 1' INT TERM HUP

# run VAR=VALUE: the shell in a fresh 80x24 pane; waits for its exit status
run() {
	rm -f "$WORK/err" "$WORK/rc"
	tm kill-server >/dev/null 2>&1
	tm new-session -d -x 80 -y 24 "env $1 TERM=xterm-256color \
	    LC_ALL=C.UTF-8 REGTUTOR_DATADIR='$REGTUTOR_SRCDIR/tests/tui' \
	    XDG_STATE_HOME='$WORK' XDG_DATA_HOME='$WORK' HOME='$WORK' \
	    '$R' 2>'$WORK/err'; echo \$? >'$WORK/rc'"
	i=0
	while [ ! -s "$WORK/rc" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	# a shell that did start is told to quit
	[ -s "$WORK/rc" ] || tm send-keys q >/dev/null 2>&1
}

run COLUMNS=99999999
is "COLUMNS=99999999: exit 1" "$(cat "$WORK/rc" 2>/dev/null)" 1
like "... names the variable and the range" "$(cat "$WORK/err")" \
    "^regtutor: COLUMNS=99999999 is out of range \\(allowed: 1\\.\\.4000; unset it"
run LINES=40000
is "LINES=40000: exit 1" "$(cat "$WORK/rc" 2>/dev/null)" 1
like "... names the variable" "$(cat "$WORK/err")" \
    "^regtutor: LINES=40000 is out of range \\(allowed: 1\\.\\.2000"
finish
