#!/bin/sh
# tests/tui/tui.sh - end-to-end tests of the full-screen shell: the real
# binary ($REGTUTOR) driven inside tmux ($TMUX_BIN) with send-keys and
# capture-pane, on an isolated tmux server.  A shell runs in the pane so
# the test can see the prompt come back and the terminal modes restored.
# Every wait polls the screen with a deadline instead of sleeping blindly.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
NTESTS=59
. "$REGTUTOR_SRCDIR/tests/tui/lib.sh"
tui_start tui $NTESTS

# Foreground colours (SGR 30-37, 90-97, 38;5;N) on the screen.
colours() { tm capture-pane -e -p 2>/dev/null |
	grep -Eo "$(printf '\033')\\[([0-9;]*;)?(3[0-7]|9[0-7]|38;5;[0-9]+)(;[0-9;]*)?m" |
	wc -l; }
has_colour() { [ "$(colours)" -gt 0 ]; }
no_colour() { [ "$(colours)" -eq 0 ]; }
# The chart pane of the 80x24 layout: rows 1-14, columns 38-80.
chart_pane() { screen | sed -n '1,14p' | cut -c 38-; }

# A shell in an 80x24 pane; lessons from the test fixture, XDG dirs in
# the build tree so no user state is read or written.
tm new-session -d -x 80 -y 24 \
    "env PS1='READY\$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
    REGTUTOR_DATADIR='$REGTUTOR_SRCDIR/tests/tui' \
    XDG_STATE_HOME='$WORK/state' XDG_DATA_HOME='$WORK/data' \
    HOME='$WORK' INPUTRC=/dev/null sh"
wait_for 'READY\$' 50
tm send-keys -l "'$R'; echo \"EXIT:\$?\"; "
tm send-keys -l "stty -a | grep -q -e '-icanon' -e '-echo ' && echo TTY-BROKEN || echo TTY-OK"
tm send-keys Enter

# 1. the lesson menu, then open the first lesson from it
check "menu lists the lesson" wait_for 'TUI test lesson'
if [ $tap_fail -gt 0 ]; then
	# No full-screen shell at all: fail the rest at once, no timeouts.
	while [ $tap_n -lt $NTESTS ]; do
		tap_result 1 "the full-screen shell did not start"
	done
	finish
fi
# the menu numbers lessons as "regtutor --list" and "regtutor N" do (the
# fixture has lessons 1 and 3), and a digit picks the lesson with it
menu_numbers() { screen | grep -Eq '^ +1  TUI test lesson' &&
	screen | grep -Eq '^ +3  Second fixture lesson'; }
check "menu shows the lesson numbers (1, 3)" menu_numbers
tm send-keys 3 Enter
check "digit 3 + Enter opens lesson 3" wait_for '1/1 +Only page'
# a wrong quiz answer says which answer is right (by its label), not only
# why
tm send-keys 1
check "a wrong answer names the right one" \
    wait_for '^Not quite\. Answer: 2\. The alphabet'
check "the right choice is drawn in the 'good' colour, bold" \
    sh -c "'$T' -L '$SOCK' capture-pane -e -p |
	grep -q '$(printf '\033')\\[1m.*  2) The letter b'"
tm send-keys m
wait_for 'TUI test lesson' 50
tm send-keys 1 Enter
check "lesson opens on page 1" wait_for '1/3 +Setting up'
check "status line shows the page" wait_for '^ .*page 1/3  λ=0 '
# a title too long for the status line is shortened, not dropped
check "long lesson title shortened with ..." \
    wait_for '^ TUI test lesson.*[^ ]\.\.\.  page 1/3  '
check "command step ran into the output area" wait_for 'data moons: 100 rows'

# 2. page forward and back
tm send-keys n
check "n turns to page 2" wait_for 'page 2/3'
tm send-keys Space
check "Space turns to page 3" wait_for 'page 3/3'
# page 3 is longer than the pane: the last row says how to scroll
check "long page: scroll note with the keys" wait_for '^more: j/Space  1-'
tm send-keys j
check "j scrolls the page one line" wait_for '^more: j/Space  2-'
tm send-keys Space
check "Space shows the rest of the page" wait_for '^The end\.'
check "the end of the page in view" wait_for '^end: k/Up back'
tm send-keys p p
check "p goes back to page 1" wait_for 'page 1/3'

# 3. a command at the prompt changes the status line
tm send-keys :
tm send-keys -l 'set lambda 0.1'
tm send-keys Enter
check "set lambda 0.1 shows in the status line" \
    wait_for "^ .*(λ|lambda)=0\\.1 "

# 4. a short train draws a chart, a second one changes it
before=$(chart_pane)
tm send-keys -l 'train 5'
tm send-keys Enter
check "train 5 finishes" wait_for 'trained 5 epochs'
c1=$(chart_pane)
check "the chart pane shows the loss chart" [ "$before" != "$c1" ]
tm send-keys -l 'train 20'
tm send-keys Enter
check "train 20 finishes" wait_for 'trained 20 epochs'
c2=$(chart_pane)
check "the chart changed" [ "$c1" != "$c2" ]
check "colours on a 256-colour terminal" has_colour

# 4b. the output area scrolls back (PgUp at the prompt, [ ] on the page)
tm send-keys PPage
check "PgUp scrolls the output back" \
    wait_for '^-- [0-9]+ newer lines below: \] or PgDn --'
tm send-keys NPage
check "PgDn comes back to the newest output" wait_gone 'newer lines below'
tm send-keys Escape
sleep 0.1
tm send-keys [
check "[ scrolls the output back" wait_for 'newer lines below'
tm send-keys ]
check "] comes back" wait_gone 'newer lines below'
tm send-keys :

# 5. Ctrl-C stops a long train; the program lives on with its state
tm send-keys -l 'train 100000'
tm send-keys Enter
wait_for 'ep [0-9]+/100000' 100
check "training: the prompt row says Ctrl-C stops" \
    wait_for '^training - Ctrl-C stops it'
# q while training asks first; n goes on training
tm send-keys q
check "q while training asks before quitting" wait_for 'Quit\? \(y/n\)'
tm send-keys n
check "n: training goes on" wait_gone 'Quit\? \(y/n\)'
# a resize while training relays out and training goes on
tm resize-window -x 40 -y 12
wait_for 'terminal too small' 50
tm resize-window -x 80 -y 24
check "resize while training: panes back, still training" \
    wait_for 'ep [0-9]+/100000'
tm send-keys C-c
check "Ctrl-C stops training" wait_for 'training stopped'
epochs() { screen | tail -n 1 | sed -n 's/.* ep \([0-9]*\) .*/\1/p'; }
more_epochs() { e=$(epochs); [ -n "$e" ] && [ "$e" -gt 25 ]; }
check "still running, the epochs trained so far kept" more_epochs
tm send-keys -l 'get lambda'
tm send-keys Enter
check "still answers commands, lambda kept" wait_for 'lambda = 0\.1'

# 6. too small, then back
tm resize-window -x 40 -y 12
check "40x12: too-small notice" wait_for 'terminal too small \(need 60.16; q quits\)'
tm resize-window -x 80 -y 24
check "80x24 again: the panes are back" wait_for 'page 1/3'

# 7. Korean input, cursor in the right column ("> " + 2 syllables x 2)
tm send-keys -l '안녕'
wait_for '^> 안녕' 50
cx=$(tm display -p '#{cursor_x}')
korean_ok() { [ "$(screen | grep -c '^> 안녕')" = 1 ] && [ "$cx" = 6 ]; }
check "Korean echoed with the cursor at column 6" korean_ok
tm send-keys C-u

# 8. completion listed inside the screen; history recall
tm send-keys -l 'set act '
tm send-keys Tab
check "Tab lists the matches in the output area" \
    wait_for '^matches: .*relu.*tanh'
tm send-keys C-u
tm send-keys -l 'train 5 lam'
tm send-keys Tab
tm send-keys -l 'X'
check "Tab completes 'lambda=' with no space after it" \
    wait_for '^> train 5 lambda=X *$'
tm send-keys C-u Up
check "Up recalls the last line" wait_for '^> get lambda *$'
tm send-keys C-u

# 9. quit: the shell prompt is back and the terminal modes restored
tm send-keys Escape
sleep 0.1
tm send-keys q
check "q quits with status 0" wait_for 'EXIT:0'
check "terminal restored, shell prompt back" wait_for 'TTY-OK'
check "history saved in XDG_STATE_HOME" \
    grep -qx 'set lambda 0.1' "$WORK/state/regtutor/history"

# 10. "regtutor 0" (make run) opens the first lesson, without colour under
# NO_COLOR; SIGTERM gives the terminal back and the process dies of it
tm send-keys -l "clear; NO_COLOR=1 '$R' 0; echo \"EXIT:\$?\"; "
tm send-keys -l "stty -a | grep -q -e '-icanon' -e '-echo ' && echo TTY-BROKEN || echo TTY-AGAIN-OK"
tm send-keys Enter
check "regtutor 0 opens the first lesson" wait_for '^ .*page 1/3  '
check "NO_COLOR: no colours" no_colour
shpid=$(tm display -p '#{pane_pid}')
# the pane shell's child, from /proc (minimal systems have no ps): the
# fourth field of /proc/PID/stat, after "(comm)", is the parent's pid
rpid=""
for st in /proc/[0-9]*/stat; do
	fields=$(cat "$st" 2>/dev/null) || continue
	fields=${fields##*) }
	case $fields in
	?" $shpid "*) rpid=${st#/proc/}; rpid=${rpid%/stat}; break ;;
	esac
done
[ -n "$rpid" ] && kill -TERM "$rpid"
check "SIGTERM: the process ends with the signal" wait_for 'EXIT:143'
check "SIGTERM: terminal restored" wait_for 'TTY-AGAIN-OK'

# 11. classroom mode: the chart at the left edge, the prompt shows up
# only after ':', the page's command step runs on the first Space (the
# page shows a step a key: tests/tui/present.sh)
tm send-keys -l "clear; '$R' --present 0; echo \"EXIT:\$?\""
tm send-keys Enter
check "--present opens the lesson" wait_for '^ .*page 1/3  '
hidden() { ! screen | grep -Eq '^> *($| type a command)'; }
check "--present: no prompt until ':'" hidden
tm send-keys Space
wait_for 'data moons n=100'
tm send-keys :
check "--present: ':' opens the prompt" wait_for '^> *($| type a command)'
tm send-keys -l 'train 3'
tm send-keys Enter
check "--present: commands run" wait_for 'trained 3 epochs'
# the y axis sits near the left edge (normal mode has the lesson pane there)
wide() { screen | sed -n '1,12p' | cut -c 2-20 | grep -q '┤\|+'; }
check "--present: the chart starts at the left edge" wide
tm send-keys Escape
sleep 0.1
tm send-keys q
check "--present: q quits" wait_for 'EXIT:0.*'

# 11b. --ascii: frames are 7-bit, but text keeps its characters (a Korean
# learner on a terminal with ambiguous-width box drawing still reads Hangul)
tm send-keys -l "clear; '$R' --ascii 1; echo \"EXIT:\$?\""
tm send-keys Enter
wait_for '^ .*page 1/3  ' 50
tm send-keys :
wait_for '^> *($| type a command)' 50
tm send-keys -l '안녕'
ascii_text() { screen | grep -q '^> 안녕' && screen | grep -q -- '------' &&
	! screen | grep -q '[─│]'; }
check "--ascii: 7-bit frames, Hangul text kept" ascii_text
tm send-keys C-u Escape
sleep 0.1
tm send-keys q
wait_for 'EXIT:0.*' 50

# 12. --repl: ^C at the prompt drops the line, Tab completes, the history
# is appended; a history that cannot be written is said once
tm send-keys -l "clear; '$R' --repl; echo \"EXIT:\$?\""
tm send-keys Enter
wait_for '^regtutor> *$' 50
tm send-keys -l 'abc'
tm send-keys C-c
check "--repl: ^C drops the line, a fresh prompt" \
    wait_for '^regtutor> *$'
tm send-keys -l 'train 5 lam'
tm send-keys Tab
tm send-keys -l 'X'
check "--repl: Tab completes 'lambda=' with no space after it" \
    wait_for '^regtutor> train 5 lambda=X$'
tm send-keys C-u
tm send-keys -l 'get lr'
tm send-keys Enter
wait_for '^lr = ' 50
tm send-keys C-d
check "--repl: ^D quits with status 0" wait_for 'EXIT:0'
check "--repl: the line is in the history file at once" \
    grep -qx 'get lr' "$WORK/state/regtutor/history"
tm send-keys -l "clear; XDG_STATE_HOME='$WORK/state/regtutor/history' '$R' --repl; echo \"EXIT:\$?\""
tm send-keys Enter
check "--repl: a history that cannot be written is said" \
    wait_for 'regtutor: cannot write the command history to'
tm send-keys C-d
wait_for 'EXIT:0' 50

# 13. the shell says so when the progress file cannot be written
tm send-keys -l "clear; XDG_DATA_HOME='$WORK/state/regtutor/history' '$R' 1; echo \"EXIT:\$?\""
tm send-keys Enter
wait_for '^ .*page 1/3  ' 50
tm send-keys Escape
sleep 0.1
tm send-keys q
check "progress that cannot be saved is said on leaving" \
    wait_for 'regtutor: cannot create the directory of'
finish
