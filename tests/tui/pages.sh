#!/bin/sh
# tests/tui/pages.sh - the lesson pages of the full-screen shell, end to
# end in tmux (tests/tui/lessons/en/04-pages.lesson): the chart pane holds
# the page's own charts (paging "chart 1/2" with < and >, snapshots shown
# again on going back), a page opens at its top, quiz feedback stays in
# view, going back (p) and re-running (r) give the checkpoint values of
# --batch, and a lesson runs on a session of its own while the learner's
# lab waits.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
NTESTS=34
. "$REGTUTOR_SRCDIR/tests/tui/lib.sh"
tui_start pages $NTESTS

# The chart pane: right of the lesson pane's rule, above the output.
chart_pane() { screen | awk '/^──/ { exit } { sub(/^[^│]*│/, ""); print }'; }

tm new-session -d -x 80 -y 24 \
    "env PS1='READY\$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
    REGTUTOR_DATADIR='$REGTUTOR_SRCDIR/tests/tui' \
    XDG_STATE_HOME='$WORK/state' XDG_DATA_HOME='$WORK/data' \
    HOME='$WORK' INPUTRC=/dev/null sh"
wait_for 'READY\$' 50
tm send-keys -l "'$R' 4; echo \"EXIT:\$?\""
tm send-keys Enter

# 1. a page with two charts pages through them
check "page 1: the first of its two charts" wait_for 'chart 1/2  < > turn'
cmp_loss() { chart_pane | grep -q 'loss: lambda 0 vs 0\.1'; }
check "chart 1 is the loss comparison" cmp_loss
tm send-keys '>'
check "> turns to chart 2/2" wait_for 'chart 2/2  < > turn'
check "chart 2 is the weight comparison" wait_for 'weights: lambda 0 '
tm send-keys '<'
check "< turns back to chart 1/2" wait_for 'chart 1/2  < > turn'
c1=$(chart_pane)

# 2. the next page opens at its top and shows only its own chart
tm send-keys n
idle_on 2/4
check "a page opens at its top" wait_for '^2/4 +Train then check'
check "its first paragraph in view" wait_for '^TOP-OF-PAGE-2'
own_chart() { chart_pane | grep -q '^ *loss (tanh, batch' &&
	! chart_pane | grep -q 'lambda 0 vs' && ! screen | grep -q 'chart 1/'; }
check "its own chart only: the loss of its train" own_chart

# 3. quiz feedback stays in view, first and second
tm send-keys 1
check "the first answer's feedback in view" wait_for 'FEEDBACK-ONE'
tm send-keys 2
check "the second answer's feedback in view" wait_for 'FEEDBACK-TWO'

# 4. back: the page's charts as they were
tm send-keys p
idle_on 1/4
check "back on page 1: chart 1/2 again" wait_for 'chart 1/2  < > turn'
same_chart() { [ "$(chart_pane)" = "$c1" ]; }
check "back on page 1: the chart as it was" same_chart

# 5. checkpoint values: in order, after going back, after r; as --batch
tm resize-window -x 100 -y 60
tm send-keys n
idle_on 2/4
wait_for '^✓ ' 300
v1=$(pane_checks)
check "page 2 shows its checkpoint as a result with numbers" \
    [ -n "$v1" ]
# (page 2's checkpoint; page 4's fails on purpose)
vb=$(REGTUTOR_DATADIR="$REGTUTOR_SRCDIR/tests/tui" "$R" --batch 4 2>/dev/null |
    batch_checks | grep -v '^w_norm')
same_batch() { [ "$v1" = "$vb" ]; }
check "the values are those of --batch" same_batch
tm send-keys 1 2 p
idle_on 1/4
tm send-keys n
idle_on 2/4
wait_for '^✓ ' 300
v2=$(pane_checks)
check "back (p) and on again: the same values" [ "$v1" = "$v2" ]
tm send-keys 1 2 n
idle_on 3/4
tm send-keys p
idle_on 2/4
wait_for '^✓ ' 300
v4=$(pane_checks)
check "back (p) to a page run before: its results as they were" \
    [ "$v1" = "$v4" ]
check "... and its quiz answers" wait_for 'FEEDBACK-TWO'
tm send-keys r
check "r says the page ran again from a clean state" \
    wait_for 'page 2 run again from a clean state'
idle_on 2/4
wait_for '^✓ ' 300
v3=$(pane_checks)
check "re-run (r): the same values" [ "$v1" = "$v3" ]

# 6. a try-it met by the learner's own command says so, with the answer
tm send-keys n
idle_on 3/4
no_done() { ! screen | grep -q 'your commands did it'; }
check "a try-it not done yet: no confirmation" no_done
tm send-keys :
tm send-keys -l 'set lambda 0.3'
tm send-keys Enter
check "a try-it done: the pane says so" wait_for 'Done - your commands did it\.'
check "... and shows the answer" wait_for 'Solution: set lambda 0\.3'
tm send-keys Escape
sleep 0.1

# 7. a checkpoint that fails reads as a result that differs, with r
tm send-keys n
idle_on 4/4
check "a failed checkpoint: the result differs from what is expected" \
    wait_for '^The result differs from what the lesson'
vw=$(REGTUTOR_DATADIR="$REGTUTOR_SRCDIR/tests/tui" "$R" --batch 4 2>/dev/null |
    batch_checks | grep '^w_norm = ')
fail_nums() { [ -n "$vw" ] && [ "$(pane_checks)" = "$vw" ]; }
check "... with the numbers of --batch" fail_nums
check "... the lesson's text for it" wait_for '^FAIL-TEXT: the weights'
check "... and r to run the page again" \
    wait_for '^Press r to run this page again'

# 8. the lesson's session is its own; the learner's lab comes back
tm send-keys m
wait_for 'Free lab' 50
tm send-keys j j j j j j j j Enter
tm send-keys -l 'set lambda 0.5'
tm send-keys Enter
check "free lab: lambda 0.5" wait_for '^ free lab .*λ=0\.5 '
# two trainings of a line, a net rebuilt between them: a loss chart each,
# stacked when they fit (100x60)
tm send-keys -l 'data poly; net 1-8-1; train 5; net 1-4-1; train 7'
tm send-keys Enter
wait_for 'trained 7 epochs' 300
two_losses() { [ "$(chart_pane | grep -c '^ *loss (tanh, batch')" = 2 ] &&
	! screen | grep -q 'chart 1/'; }
check "free lab: a loss chart per training, stacked" two_losses
# at 80x24 they take turns; < and > on an empty prompt line turn them
tm resize-window -x 80 -y 24
check "free lab at 80x24: chart 2/2, the line's last (the state it left)" \
    wait_for 'chart 2/2  < > turn'
tm send-keys '<'
check "< on an empty prompt line turns to chart 1/2" \
    wait_for 'chart 1/2  < > turn'
empty_prompt() { screen | grep -Eq '^> *($| type a command)'; }
check "... and types nothing" empty_prompt
tm send-keys Escape
sleep 0.1
tm send-keys m
wait_for 'Free lab' 50
tm send-keys 4 Enter
# it continues at the page it was left on (the note over the status line
# says so until the next key)
wait_for 'continued at page 4 of 4' 600
tm send-keys j
check "a lesson starts fresh: lambda 0" wait_for '^ Pages and.*λ=0 '
tm send-keys m
wait_for 'Free lab' 50
tm send-keys j j j j j j j j Enter
check "back in the free lab: the learner's lambda 0.5" \
    wait_for '^ free lab .*λ=0\.5 '
tm send-keys Escape
sleep 0.1
tm send-keys q
check "q quits" wait_for 'EXIT:0'
finish
