#!/bin/sh
# tests/tui/charts.sh - the chart pane follows the reading, end to end in
# tmux on the shipped lesson 3 page 4 at 80x24: its two charts (plot
# grads, then plot acts) do not fit stacked, so the pane shows the one
# the text in view speaks of: the gradient chart at the page's top, the
# activations at its end; < and > turn by hand, and that choice holds
# until the page scrolls again.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
NTESTS=9
. "$REGTUTOR_SRCDIR/tests/tui/lib.sh"
tui_start charts $NTESTS

# The chart pane: right of the lesson pane's rule, above the output.
chart_pane() { screen | awk '/^──/ { exit } { sub(/^[^│]*│/, ""); print }'; }
grads() { chart_pane | grep -q 'gradient norm per layer (sigmoid)' &&
    screen | grep -q 'chart 1/2  < > turn'; }
acts() { chart_pane | grep -q 'activations per hidden layer (sigmoid)' &&
    screen | grep -q 'chart 2/2  < > turn'; }
at_end() { screen | grep -q 'end: k/Up back'; }
at_top() { lesson_pane | grep -q '^4/10 '; }

tm new-session -d -x 80 -y 24 \
    "env PS1='READY\$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
    REGTUTOR_DATADIR='$REGTUTOR_SRCDIR' \
    XDG_STATE_HOME='$WORK/state' XDG_DATA_HOME='$WORK/data' \
    HOME='$WORK' INPUTRC=/dev/null sh"
wait_for 'READY\$' 50
tm send-keys -l "'$R' 3; echo \"EXIT:\$?\""
tm send-keys Enter
wait_for ' page 1/10  ' 300
tm send-keys g
wait_for 'go to page' 50
tm send-keys 4 Enter
check "lesson 3 page 4 opens" settled 3000 on_page 4/10
check "at the page's top: the gradient chart (1/2)" settled 50 grads

# Space pages down to the end, where the text speaks of plot acts
i=0
while ! at_end && [ $i -lt 10 ]; do
	tm send-keys Space
	sleep 0.3
	i=$((i + 1))
done
check "scrolled to the page's end" at_end
check "at the end: the activations chart (2/2)" settled 50 acts
tm send-keys '<'
check "< turns to the gradient chart by hand" settled 50 grads
tm send-keys 1
check "a key that scrolls nothing keeps the chart turned to" settled 20 grads
tm send-keys k
check "scrolling again: the chart of the text (2/2)" settled 50 acts

# back to the top, a line at a time: the gradient chart again
i=0
while ! at_top && [ $i -lt 80 ]; do
	tm send-keys k
	i=$((i + 1))
done
check "scrolled back to the top" settled 50 at_top
check "at the top: the gradient chart (1/2)" settled 50 grads

tm send-keys q
finish
