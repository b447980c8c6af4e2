#!/bin/sh
# tests/tui/present.sh - classroom mode (--present) end to end in tmux at
# the projector's 120x35 (tests/tui/present/lessons/en/05-present.lesson):
# no data series drawn thinner than a whole cell (not one braille cell on
# the screen, whole blocks in the chart), the page's key numbers in big
# digits beside the chart, the lesson text one step a key (a paragraph,
# then the experiment; a step taller than the pane a pane at a time), a
# page run before stepped again from its top with its charts, and P
# leaving and entering classroom mode on the same page with nothing run
# again.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
NTESTS=49
. "$REGTUTOR_SRCDIR/tests/tui/lib.sh"
tui_start present $NTESTS

# U+2800..U+28FF (braille) in UTF-8: E2 A0..A3 xx
BRAILLE=$(printf '\342[\240\241\242\243]')
no_braille() { ! screen | LC_ALL=C grep -q "$BRAILLE"; }
has_braille() { screen | LC_ALL=C grep -q "$BRAILLE"; }
# The chart: left of the column's rule (the last one on a row), above the
# status line; the column: right of it.
chart_area() { screen | sed '$d' | sed 's/│[^│]*$//'; }
column() { screen | sed '$d' | sed -n 's/^.*│//p'; }
# Whole blocks in the chart: a series at least a cell thick somewhere.
thick_chart() { chart_area | grep -q '█'; }
# The key numbers: their labels and big digits (half and whole blocks)
# in the column's first rows.
big_numbers() {
	column | sed -n '1,11p' | grep -q "$1" &&
	    [ "$(column | sed -n '1,11p' | grep -c '[▀▄█]')" -ge 3 ]
}
outputs() { screen | grep -c "$1"; }

tm new-session -d -x 120 -y 35 \
    "env PS1='READY\$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
    REGTUTOR_DATADIR='$REGTUTOR_SRCDIR/tests/tui/present' \
    XDG_STATE_HOME='$WORK/state' XDG_DATA_HOME='$WORK/data' \
    HOME='$WORK' INPUTRC=/dev/null sh"
wait_for 'READY\$' 50
tm send-keys -l "'$R' --present 5; echo \"EXIT:\$?\""
tm send-keys Enter

# 1. the page opens with its first paragraph only, lambda big beside it
check "--present opens the page" idle_on 1/3
check "the first paragraph shows" wait_for 'PARA-ONE'
hidden2() { ! screen | grep -q 'PARA-TWO'; }
check "the second paragraph waits for a key" hidden2
check "the key numbers: lambda in big digits" big_numbers 'λ'
check "no chart before the experiment" wait_for 'no chart'

# 2. Space: the next paragraph; Space again: the experiment runs
tm send-keys Space
check "Space shows the next paragraph" wait_for 'PARA-TWO'
hidden_check() { ! screen | grep -q 'CHECK-PASS'; }
check "the experiment has not run yet" hidden_check
tm send-keys Space
check "Space runs the experiment and shows its check" \
    settled 600 sh -c "'$T' -L '$SOCK' -f /dev/null capture-pane -p |
    grep -q CHECK-PASS"
idle_on 1/3
check "the loss chart is drawn in whole blocks" thick_chart
check "no data series thinner than a cell: no braille" no_braille
check "the checkpoint's val_loss in big digits" big_numbers 'val_loss'
check "the chart is at the left edge, full height" \
    sh -c "'$T' -L '$SOCK' -f /dev/null capture-pane -p | sed -n '2,30p' |
    cut -c 1-12 | grep -q '┤'"
hidden3() { ! screen | grep -q 'PARA-THREE'; }
check "the last paragraph still waits" hidden3
CAP1=$(screen)

# 3. P leaves classroom mode on the same page: thin charts, the page
# whole, nothing run again; P comes back to the same state
# (the note saying so stands where the status line was, until a key)
page1() { screen | grep -q '1/3 Step by step' && not_training; }
tm send-keys P
check "P: normal mode, says so" wait_for 'classroom mode off'
check "P: the same page" page1
check "normal mode draws braille again" settled 100 has_braille
check "the page is shown whole" wait_for 'PARA-THREE'
once() { [ "$(outputs 'trained 40 epochs')" -eq 1 ]; }
check "the experiment ran once" once
tm send-keys P
check "P again: classroom mode, says so" wait_for 'classroom mode: Space'
check "thick again: no braille" settled 100 no_braille
check "the numbers are back" big_numbers 'val_loss'
check "the same page, its newest step in view" wait_for 'PARA-THREE'

# 4. at the end of the page Space turns to the next, first paragraph only
tm send-keys Space
check "Space at the page's end: the next page" idle_on 2/3
check "it opens with its first paragraph" wait_for 'PAGE-TWO-PARA'
tm send-keys Space
check "the function chart, thick" settled 300 sh -c \
    "'$T' -L '$SOCK' -f /dev/null capture-pane -p | grep -q 'sigmoid' &&
    ! '$T' -L '$SOCK' -f /dev/null capture-pane -p | LC_ALL=C grep -q '$BRAILLE'"

# 5. a step taller than the pane opens at its start; Space shows the
# rest of it before the next step
tm send-keys Space
check "a long paragraph opens at its start" wait_for 'LONG-START'
long_end_hidden() { ! screen | grep -q 'LONG-END'; }
check "its end is below, not skipped" long_end_hidden
# Space until its end shows: every word of it was on the screen once
screen | grep -o 'filler[0-9]*' >"$WORK/seen"
i=0
while [ $i -lt 8 ] && ! screen | grep -q 'LONG-END'; do
	tm send-keys Space
	sleep 0.5
	screen | grep -o 'filler[0-9]*' >>"$WORK/seen"
	i=$((i + 1))
done
check "Space: the rest of the paragraph first" wait_for 'LONG-END'
all_seen() { [ "$(sort -u "$WORK/seen" | wc -l)" -eq 189 ]; }
check "no line of it skipped" all_seen
end_hidden() { ! screen | grep -q 'PAGE-TWO-END'; }
check "the next step still waits" end_hidden
tm send-keys Space
check "Space again: the next step" wait_for 'PAGE-TWO-END'

# 6. back to a page run before: from its top again, a step a key, its
# experiment run again with its chart (not replayed quietly, chartless)
tm send-keys p
check "p: page 1 again" idle_on 1/3
check "it opens at its first paragraph" wait_for 'PARA-ONE'
check "the rest waits for a key" hidden2
check "no chart before its experiment" wait_for 'no chart'
tm send-keys Space
check "Space: the next paragraph" wait_for 'PARA-TWO'
tm send-keys Space
check "Space: the experiment and its check" \
    settled 600 sh -c "'$T' -L '$SOCK' -f /dev/null capture-pane -p |
    grep -q CHECK-PASS"
idle_on 1/3
check "its loss chart, drawn again" thick_chart
no_nochart() { ! screen | grep -q 'no chart'; }
check "no 'no chart' on the revisited page" no_nochart
check "its val_loss in big digits" big_numbers 'val_loss'
tm send-keys Space Space
check "Space at its end: page 2 again" idle_on 2/3

# 7. the live chart while training is thick too
tm send-keys :
tm send-keys -l 'train 400'
tm send-keys Enter
wait_for '^training - Ctrl-C' 300
check "training in classroom mode: no braille" no_braille
tm send-keys C-c
idle_on 2/3

# 8. a page with no chart, now or to come: its text takes the chart's
# room (from the screen's left, wide), no "no chart"; a blank row between
# choices, none between the wrapped lines of one
tm send-keys Escape
sleep 0.1
tm send-keys n
check "n: the page with no chart" idle_on 3/3
check "its text shows" wait_for 'PAGE-THREE-PARA'
check "no 'no chart' where the chart was" no_nochart
text_left() { screen | grep -q '^ \{1,12\}PAGE-THREE-PARA is text only: no step of this page draws'; }
check "the text where the chart was, wide" text_left
tm send-keys Space
check "the quiz shows" wait_for 'CHOICE-TWO'
# the row after the first line of choice 1 holds its wrapped rest, then
# a blank row before choice 2
choice_rows() {
	screen | awk '/CHOICE-ONE/ { a = NR } /ONE-END/ { b = NR }
	    /CHOICE-TWO/ { c = NR }
	    END { exit !(a && b == a + 1 && c == b + 2) }'
}
check "one choice single-spaced, choices double-spaced" choice_rows
tm send-keys q
check "q quits" wait_for 'EXIT:0'

if [ -n "${PRESENT_CAPTURE:-}" ]; then
	printf '%s\n' "$CAP1" >"$PRESENT_CAPTURE"
fi
finish
