#!/bin/sh
# tests/tui/terminals.sh - the full-screen shell on every kind of terminal:
# TERM=dumb refused with a hint, vt100 and a monochrome xterm without
# colour (and curves told apart by glyph), 256 colours, a direct-colour
# (truecolor) terminal getting the palette's RGB values, a locale that is
# not UTF-8 spelling the text in ASCII, and a resize during training that
# leaves nothing behind on the learner's screen.  The real binary in tmux
# ($TMUX_BIN), a shell in the pane; every wait polls with a deadline.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
NTESTS=20
plan $NTESTS

if [ -z "$T" ] || [ ! -x "$T" ]; then
	i=0
	while [ $i -lt $NTESTS ]; do
		tap_result 1 "tmux is required (configure found none)"
		i=$((i + 1))
	done
	finish
fi

NSHELL=0
SOCK=regtutor-terms-$$-0
WORK=$(pwd)/tests/tmp/terms-$$
rm -rf "$WORK"
mkdir -p "$WORK/state" "$WORK/data" "$WORK/terminfo"
. "$REGTUTOR_SRCDIR/tests/tui/lib.sh"
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# SGR sequences of the screen, one a line.
sgr() { tm capture-pane -e -p 2>/dev/null |
	grep -Eo "$(printf '\033')\\[[0-9;:]*m"; }
# Foreground colours in any form (30-37, 90-97, 38;5;N, 38;2;R;G;B).
colours() { sgr | grep -Ec '\[([0-9;]*;)?(3[0-7]|9[0-7]|38;[25];[0-9;]+)m'; }
no_colour() { [ "$(colours)" -eq 0 ]; }
# Characters a 7-bit terminal cannot show: braille, box drawing, Greek.
has_unicode() { screen | grep -q '[⠁-⣿─│┤┬└λΣ²]'; }

# shell ENV...: a fresh server (on a socket of its own: a server being
# killed must not take the new session with it), a shell in an 80x24
# pane with ENV.
shell() {
	tm kill-server >/dev/null 2>&1
	NSHELL=$((NSHELL + 1))
	SOCK=regtutor-terms-$$-$NSHELL
	tm new-session -d -x 80 -y 24 "env PS1='READY\$ ' \
	    LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
	    REGTUTOR_DATADIR='$REGTUTOR_SRCDIR/tests/tui' \
	    XDG_STATE_HOME='$WORK/state' XDG_DATA_HOME='$WORK/data' \
	    HOME='$WORK' INPUTRC=/dev/null $* sh"
	wait_for 'READY\$' 50
}
# launch ARGS: the shell (the fixture's lesson 1 unless other ARGS) and
# its exit status on the screen afterwards.
launch() {
	tm send-keys -l "clear; '$R' ${1:-1}; echo \"EXIT:\$?\""
	tm send-keys Enter
}
# prompt LINE: a command line at the shell's prompt, run.
prompt() {
	tm send-keys ':'
	wait_for '^> ' 50
	tm send-keys -l "$1"
	tm send-keys Enter
}
quit() {
	tm send-keys q
	wait_for 'EXIT:' 50
}

# 1. TERM=dumb: not a full-screen terminal, said with a way out
shell TERM=dumb
launch
check "TERM=dumb: the shell is refused, exit 1" wait_for '^EXIT:1$' 50
check "... with a hint to --repl" wait_for 'cannot move the cursor; try --repl'

# 2. vt100: no colour, ASCII charts (frames drawn with its line set)
shell TERM=vt100
launch
wait_for 'Setting up' 100
prompt 'train 30; plot loss'
check "vt100: a chart is drawn" wait_for 'trained 30 epochs' 300
check "... in ASCII (no braille)" settled 30 \
    eval 'screen | grep -q "train  oo val" && ! screen | grep -q "[⠁-⣿]"'
check "... with no colour" eval 'screen | grep -q "oo val" && no_colour'
quit

# 3. a monochrome terminal: no colour, validation told apart by its mark
shell TERM=xterm-mono
launch
wait_for 'Setting up' 100
prompt 'train 30; plot loss'
wait_for 'trained 30 epochs' 300
check "xterm-mono: no colour" settled 30 \
    eval 'screen | grep -q "trained 30" && no_colour'
check "... validation by its mark, in the legend" wait_for '.o val' 50
quit

# 4. 256 colours: palette numbers
shell TERM=xterm-256color
launch
wait_for 'Setting up' 100
prompt 'train 30; plot loss'
wait_for 'trained 30 epochs' 300
check "xterm-256color: 256-colour escapes" settled 30 \
    eval 'sgr | grep -q "38;5;[0-9]"'
quit

# 5. direct colour (a terminfo entry like xterm-direct's, compiled here):
# a colour number is its RGB value, so the palette's blue 33 must arrive
# as 0;135;255, not as the near-black 0;0;33
cat >"$WORK/direct.src" <<'EOF'
regtutor-direct|direct-colour test terminal,
	colors#0x1000000, pairs#0x10000, RGB,
	setaf=\E[%?%p1%{8}%<%t3%p1%d%e38;2;%p1%{65536}%/%d;%p1%{256}%/%{255}%&%d;%p1%{255}%&%d%;m,
	setab=\E[%?%p1%{8}%<%t4%p1%d%e48;2;%p1%{65536}%/%d;%p1%{256}%/%{255}%&%d;%p1%{255}%&%d%;m,
	use=xterm-256color,
EOF
if tic -x -o "$WORK/terminfo" "$WORK/direct.src" >/dev/null 2>&1; then
	shell TERMINFO="'$WORK/terminfo'" TERM=regtutor-direct
	launch
	wait_for 'Setting up' 100
	prompt 'train 30; plot loss'
	wait_for 'trained 30 epochs' 300
	check "truecolor: the palette as RGB (blue 33 = 0;135;255)" \
	    settled 30 eval 'sgr | grep -q "38;2;0;135;255"'
	check "... never a palette number read as RGB" \
	    eval '! sgr | grep -Eq "38;2;0;0;[0-9]+m"'
	quit
else
	tap_result 1 "truecolor: tic could not compile the test terminal"
	tap_result 1 "... (tic is part of ncurses)"
fi

# 6. a locale that is not UTF-8: lesson text and frames in ASCII (the
# symbols fixture: formulas in its text)
shell LANG=C LC_ALL=C \
    REGTUTOR_DATADIR="'$REGTUTOR_SRCDIR/tests/tui/symbols'"
launch
check "LC_ALL=C: lambda and sum spelt out" \
    wait_for "L2: L = L0 \\+ \\(lambda/n\\) sum w\\^2" 100
check "... nothing but ASCII on the screen" settled 30 \
    eval 'screen | grep -q "Setting up" && ! has_unicode'
quit
check "... --lang ko says once that Korean needs UTF-8" eval '
	launch "--lang ko 1"; wait_for "Setting up" 100 &&
	[ "$(screen | grep -c "Korean needs a UTF-8 locale")" -eq 1 ]'
quit
# the menu (no lesson named): English, and the note on its message line
launch "--lang ko"
check "... on the menu too, English with the note on screen" \
    wait_for "Korean needs a UTF-8 locale" 100
check "... the note whole, wrapped, not cut at the edge" \
    wait_for "the English lessons$" 50
check "... and no Hangul nor other non-ASCII" settled 30 \
    eval 'screen | grep -q "Korean needs" && ! screen | LC_ALL=C grep -q "[^ -~]"'
quit

# 6b. --seed N: the lesson plays on seed N, and the shell says so
shell
launch "--seed 7 1"
check "--seed 7: the lesson says it plays on seed 7" \
    wait_for 'seed 7 \(--seed\), in place of the lesson' 100
quit

# 7. No lessons: the menu says where it looked and how to fix it.
shell REGTUTOR_DATADIR=/nonexistent
launch " "
check "no lessons: the menu says where it looked and what to do" \
    wait_for 'No lessons found \(looked in /nonexistent/lessons/en' 100
quit

# 8. a resize while training, then quit: nothing of the shell's screen
# is left on the learner's (tmux carries rows of the alternate screen
# over when its size changed since it began)
shell
launch
wait_for 'Setting up' 100
prompt 'train 100000'
wait_for 'training - Ctrl-C' 100
tm resize-window -x 100 -y 30
sleep 0.5
tm send-keys q
wait_for 'Quit\?' 50
tm send-keys y
check "resize during training, quit: the shell ends" wait_for '^EXIT:0$' 100
check "... and leaves no piece of a chart or pane behind" \
    eval '! screen | grep -q "[⠁-⣿│┤]"'
finish
