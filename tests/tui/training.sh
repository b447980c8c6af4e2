#!/bin/sh
# tests/tui/training.sh - the full-screen shell stays usable while a long
# training runs: what the line's earlier commands printed shows before the
# run, the help overlay opens and closes, the output scrolls, a line typed
# at the prompt waits for the run to end and a second one is refused with
# a message, a page key says why it waits; and a long output (help) opens
# in a scrollable overlay.  The real binary in tmux ($TMUX_BIN).
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
NTESTS=16
. "$REGTUTOR_SRCDIR/tests/tui/lib.sh"
tui_start training $NTESTS

tm new-session -d -x 80 -y 24 "env PS1='READY\$ ' LANG=C.UTF-8 \
    LC_ALL=C.UTF-8 TERM=xterm-256color \
    REGTUTOR_DATADIR='$REGTUTOR_SRCDIR/tests/tui' \
    XDG_STATE_HOME='$WORK/state' XDG_DATA_HOME='$WORK/data' \
    HOME='$WORK' INPUTRC=/dev/null sh"
wait_for 'READY\$' 50
tm send-keys -l "'$R' 1; echo \"EXIT:\$?\""
tm send-keys Enter
wait_for 'Setting up' 100
output() { screen | sed -n '16,22p'; }

# 1. a long run; the line's earlier commands print before it starts
tm send-keys ':'
wait_for '^> ' 50
tm send-keys -l 'data poly n=40; net 1-32-32-1; train 100000'
tm send-keys Enter
check "a long training runs" wait_for 'ep [0-9]+/100000' 100
check "... the line's earlier output is shown before it ends" \
    eval 'output | grep -q "^data poly: 40 rows" &&
	output | grep -q "^net 1-32-32-1: "'

# 2. help overlay: the run's keys are the page's (: opens the prompt)
check "the prompt row says how to stop the run and what works" \
    wait_for '^training - Ctrl-C stops it.*: next command' 50
tm send-keys '?'
check "? opens the help overlay during training" wait_for 'Keys' 50
check "... which says what works while training" wait_for 'training +\? j k' 50
tm send-keys x
check "... any key closes it" wait_gone 'Keys' 50

# 3. a page key says why it waits; the output scrolls
tm send-keys n
check "n during training: the note says pages wait" \
    wait_for 'pages and answers wait for it to end' 50
tm send-keys '['
check "[ scrolls the output back" wait_for 'output \(\[ / PgUp: older\)|newer' 50

# 4. the prompt: one line waits, a second is refused, said so
tm send-keys ':'
sleep 0.3
tm send-keys -l 'get lr'
tm send-keys Enter
check "a line typed during training waits, said so" \
    wait_for 'runs when the training ends: get lr' 50
check "... and the prompt row shows the run's keys again" \
    wait_for '^training - Ctrl-C stops it' 50
tm send-keys ':'
sleep 0.3
tm send-keys -l 'get lambda'
tm send-keys Enter
check "... a second one is not run, said so" \
    wait_for 'not run: get lambda \(one command line already waits' 50
tm send-keys C-c
check "Ctrl-C stops the run, then the waiting line runs" \
    wait_for '^lr = 0\.03' 100
check "... and the other did not" eval '! screen | grep -q "^lambda = "'

# 5. Tab twice on an empty prompt: the commands listed once (and the
# shell's answer, a lesson being open)
tm send-keys Tab
sleep 0.3
tm send-keys Tab
check "Tab Tab on an empty prompt lists the commands once" \
    eval 'wait_for "^matches: answer compare data" 50 &&
	[ "$(screen | grep -c "^matches: ")" -eq 1 ]'

# 6. the status line says which loss its numbers are in: after a run
# with loss=mae, the run's (mae, the numbers train printed)
tm send-keys -l 'train 5 loss=mae'
tm send-keys Enter
check "after train loss=mae the status line names its loss" \
    wait_for ' mae train [0-9.]+ val [0-9.]+ *$' 100

# 7. a long output opens in a scrollable overlay
tm send-keys -l 'help'
tm send-keys Enter
check "help opens in an overlay" wait_for 'q Esc Enter close' 50
tm send-keys q
wait_gone 'q Esc Enter close' 50
tm send-keys Escape
sleep 0.3
tm send-keys q
wait_for 'EXIT:' 50
finish
