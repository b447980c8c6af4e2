# tests/tui/lib.sh - what the shell's end-to-end tests share (sourced): an
# isolated tmux server, screen capture, and waits that poll the screen
# with a deadline instead of sleeping blindly (the machine may be busy).
# Needs $SOCK (the server's socket name) and $T (the tmux binary), which
# tui_start sets up for a script.
# tui_start NAME NTESTS [DIR...]: the plan of NTESTS checks; without tmux
# every check fails (never skipped) and the script ends; else the server's
# socket regtutor-NAME-PID and a fresh $WORK (tests/tmp/NAME-PID, with
# state/, data/ and each DIR), both gone when the script exits.
tui_start() {
	_name=$1 _n=$2
	shift 2
	plan "$_n"
	if [ -z "$T" ] || [ ! -x "$T" ]; then
		_i=0
		while [ $_i -lt "$_n" ]; do
			tap_result 1 "tmux is required (configure found none)"
			_i=$((_i + 1))
		done
		finish
	fi
	SOCK=regtutor-$_name-$$
	WORK=$(pwd)/tests/tmp/$_name-$$
	rm -rf "$WORK"
	mkdir -p "$WORK/state" "$WORK/data"
	for _d in "$@"; do mkdir -p "$WORK/$_d"; done
	trap 'tm kill-server >/dev/null 2>&1; rm -rf "$WORK"' EXIT
	trap 'exit 1' INT TERM HUP
}
tm() { "$T" -L "$SOCK" -f /dev/null "$@"; }
screen() { tm capture-pane -p 2>/dev/null; }
# wait_for PATTERN [TENTHS]: until the screen matches (ERE); 1 on timeout.
wait_for() {
	n=${2:-150}
	i=0
	while [ $i -lt "$n" ]; do
		if screen | grep -Eq -- "$1"; then return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# wait_gone PATTERN [TENTHS]: until the screen no longer matches.
wait_gone() {
	n=${2:-150}
	i=0
	while [ $i -lt "$n" ]; do
		if ! screen | grep -Eq -- "$1"; then return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# settled TENTHS CMD...: until CMD succeeds on two polls 0.3 s apart (a
# screen caught halfway through a redraw passes only once); 1 on timeout.
# (Its variables are its own: the callers' loops use short names.)
settled() {
	settled_lim=$1
	shift
	settled_t=0
	while [ $settled_t -lt "$settled_lim" ]; do
		if "$@"; then
			sleep 0.3
			if "$@"; then return 0; fi
		fi
		sleep 0.1
		settled_t=$((settled_t + 4))
	done
	return 1
}
# Nothing trains: the prompt row of every frame drawn during a training
# says how to stop it.
not_training() { ! screen | grep -q '^training - Ctrl-C'; }
check() { name=$1; shift; if "$@"; then tap_result 0 "$name"; else
	tap_result 1 "$name"; screen | sed 's/^/# | /'; fi; }
# The numbers of the checkpoints in the lesson pane (left of the rule,
# above the output), one "name = value" a line: the parenthesised lines
# under a passed checkpoint, the indented line under a failed one.
lesson_pane() { screen | awk '/^──/ { exit } { sub(/│.*/, ""); print }'; }
# The page in the status line; idle_on: until the page shows and nothing
# trains (every redraw during an action is a training frame, which says
# how to stop it; sequence.sh waits longer); the page in the lesson
# pane's title (the status line may be covered by a note).
on_page() { screen | grep -q " page $1  " && not_training; }
idle_on() { settled 600 on_page "$1"; }
pane_on() { screen | grep -Eq "^$1 " && not_training; }
pane_idle() { settled 600 pane_on "$1"; }
# The lesson pane's text as one line (wrapped lines joined by a space).
pane_has() { lesson_pane | sed 's/ *$//' | tr '\n' ' ' | grep -Eq -- "$1"; }
# The note drawn over the status line (the last row).
note() { screen | tail -n 1 | sed 's/^ //'; }
note_has() { note | grep -Eq -- "$1"; }
# start DATADIR DATAHOME ARGS: the shell in the pane with lessons from
# DATADIR and progress under DATAHOME; quit: q, and the pane cleared.
start() {
	tm send-keys -l "env REGTUTOR_DATADIR='$1' XDG_DATA_HOME='$2' \
'$R' $3; echo \"EXIT:\$?\""
	tm send-keys Enter
}
quit() {
	tm send-keys q
	wait_for 'EXIT:0' 100
	tm send-keys -l 'clear'
	tm send-keys Enter
	wait_gone 'EXIT:0' 50
}
pane_checks() {
	lesson_pane | awk '
	    /^The result differs from what/ { bad = 1; seen = 0; next }
	    bad && /^  / { s = s " " $0; seen = 1; next }
	    bad && !seen { next }
	    { bad = 0 }
	    /^  \(/ && !inp { inp = 1; d = 0 }
	    inp { s = s " " $0; d += gsub(/\(/, "(") - gsub(/\)/, ")");
		if (d <= 0) inp = 0 }
	    END { print s }' | check_values
}
# The same from "regtutor --batch" output on stdin: "Check:" lines and
# their continuation up to "-> passed" or "-> FAILED".
batch_checks() {
	awk '/^Check: / { inc = 1 }
	    inc { s = s " " $0; if ($0 ~ /->( |$)/) inc = 0 }
	    END { print s }' | check_values
}
# "name = value" pairs of a line, one a line (wrapping joined by spaces).
check_values() {
	tr -s ' ' | grep -Eo '[A-Za-z_][A-Za-z0-9_.]* = -?[0-9][0-9.e+-]*' |
	    sed 's/[.]$//'
}
# The numbers in the quiz and predict explanations of the lesson pane
# ("Right. ..." or "Not quite. Answer: KEY. ..." up to a blank line), one
# a line; and in "regtutor --batch" output on stdin.
pane_explained() {
	lesson_pane | awk '/^(Right\.|Not quite\.)/ { inx = 1 }
	    /^ *$/ { inx = 0 } inx { s = s " " $0 } END { print s }' |
	    explained_numbers
}
batch_explained() {
	awk '/^Right\./ { inx = 1 } /^ *$/ { inx = 0 }
	    inx { s = s " " $0 } END { print s }' | explained_numbers
}
explained_numbers() {
	sed 's/Not quite\. Answer: [^ ]*\.//g' |
	    grep -Eo '[0-9]+([.][0-9]+)?(e[-+]?[0-9]+)?'
}
