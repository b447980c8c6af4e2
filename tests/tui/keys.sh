#!/bin/sh
# tests/tui/keys.sh - the key model and resume of the full-screen shell,
# end to end in tmux.  Quiz choices are labelled 1, 2, 3 and only those
# digits answer; letters are page keys and never answer, an answer never
# turns the page, a key that does nothing says so under the page with the
# keys of the page; a word answer goes through the prompt ("answer bn").
# A lesson opened again continues at the page it was left on (progress
# file version 2, and version 1 files), the menu chooses the lesson in
# progress and offers to continue it, the last page offers the next
# lesson (N), --list counts quizzes right out of all.  The bugs of issue
# 12 on the shipped lessons: lesson 2 page 3 "n" turns the page (it
# answered "none"), lesson 4 page 5 "b" says what to press and "3" answers
# "bn" without leaving the page, lesson 3 page 6 "s" says so and "answer
# orders" at the prompt answers.  The help overlay scrolls on a short
# terminal.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
NTESTS=49
. "$REGTUTOR_SRCDIR/tests/tui/lib.sh"
tui_start keys $NTESTS data2

PROG=$WORK/data/regtutor/progress
answered() { lesson_pane | grep -Eq '^(Right\.|Not quite\.)'; }
not_answered() { ! answered; }
FIX=$REGTUTOR_SRCDIR/tests/tui

tm new-session -d -x 100 -y 50 \
    "env PS1='READY\$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
    XDG_STATE_HOME='$WORK/state' HOME='$WORK' INPUTRC=/dev/null sh"
wait_for 'READY\$' 50

# 1. the key model on the fixture's quiz page
start "$FIX" "$WORK/data" 4
idle_on 1/4
tm send-keys n
idle_on 2/4
check "a quiz shows its labels" wait_for '^  1\) The letter a\.'
check "... and says how to answer: digits, or a word at the prompt" \
    settled 50 pane_has 'press 1-2 to answer \(prompt: answer a\|b\)'
tm send-keys a
check "a (a choice's key) does not answer" not_answered
check "... and says what the keys of the page are" \
    settled 50 note_has "^'a' does nothing here: 1-2 answer"
tm send-keys x
check "x: the same feedback" settled 50 note_has "^'x' does nothing here"
tm send-keys 3
check "3 (no such choice) does not answer" not_answered
check "... and says which digits do" \
    settled 50 note_has '^3 is not a choice here: press 1-2'
tm send-keys 1
check "1 answers the first question" wait_for 'FEEDBACK-ONE'
check "an answer does not turn the page" on_page 2/4
tm send-keys :
tm send-keys -l 'answer b'
tm send-keys Enter
check "'answer b' at the prompt answers the second question" \
    wait_for 'FEEDBACK-TWO'
check "... with the choice the word names (right)" \
    wait_for '^Right\. FEEDBACK-TWO'
tm send-keys :
tm send-keys -l 'answer 2'
tm send-keys Enter
check "'answer' with no question waiting says so" \
    wait_for 'answer: no question waits for an answer on this page'
tm send-keys Escape
sleep 0.2
tm send-keys 2
check "a digit with no question waiting says so" \
    settled 50 note_has '^no question waits for an answer on this page'
tm send-keys n
idle_on 3/4
quit

# 2. resume: the page left on, its state rebuilt; the menu continues it
check "the progress file records the page left on (version 2)" \
    sh -c "head -n 1 '$PROG' | grep -qx '# regtutor progress 2' &&
	grep -qx 'at 04-pages 2' '$PROG'"
out=$(REGTUTOR_DATADIR=$FIX XDG_DATA_HOME=$WORK/data "$R" --lang en --list)
like "--list: pages seen and quizzes right out of all" "$out" \
    '^ +4  Pages and charts fixture +3/4 pages, 2/2 quizzes right$'
start "$FIX" "$WORK/data" ""
check "the menu offers to continue the lesson in progress" \
    wait_for '^ +4  Pages and charts fixture +continue 3/4'
sel_row() { tm capture-pane -e -p | grep "$(printf '\033')\\[[0-9;]*7m" |
	grep -q "$1"; }
check "... and has it chosen" sel_row 'Pages and charts'
tm send-keys Enter
check "Enter continues it at page 3" pane_idle 3/4
check "... and says so" settled 50 note_has 'continued at page 3 of 4'
# page 2's train 30 ran on the way: the session is in the state page 3
# expects (any key clears the note over the status line)
tm send-keys j
check "... its state rebuilt (page 2's training ran)" \
    wait_for '^ Pages and.* ep 30 '
quit
start "$FIX" "$WORK/data" 4
check "regtutor 4 continues at page 3 too" pane_idle 3/4
tm send-keys m
check "m: the menu offers to continue it" \
    wait_for '^ +4  Pages and charts fixture +continue 3/4'
tm send-keys Enter
pane_idle 3/4
tm send-keys n
idle_on 4/4
check "the last page of the last lesson: the menu is the way on" \
    settled 50 pane_has 'End of the lesson\. That was the last one: m for the menu\.'
tm send-keys n
check "n on the last page of the last lesson says so, without N" settled 50 note_has '^last page of the last lesson - m the menu'
quit

# 3. the next lesson from the last page; a lesson never opened starts at
# page 1
start "$FIX" "$WORK/data" 1
check "a lesson never opened starts at page 1" idle_on 1/3
tm send-keys g
tm send-keys -l 3
tm send-keys Enter
idle_on 3/3
check "its last page offers the next lesson" \
    settled 50 pane_has 'End of the lesson\. N: next lesson, 3 Second fixture lesson; m: the menu\.'
tm send-keys N
check "N opens the next lesson" wait_for '1/1 +Only page'
# its one page's quiz answered: finished (merely opened it is not:
# tests/tui/resume.sh)
tm send-keys 2
wait_for '^Right\. The alphabet' 100
quit
# lesson 3 (one page) was left finished: the menu chooses the one after
start "$FIX" "$WORK/data" ""
wait_for '^ +3  Second fixture lesson' 100
check "a finished lesson: the menu chooses the next one" \
    sel_row 'Pages and charts'
no_continue() { ! screen | grep -q 'continue'; }
check "... and offers no 'continue'" no_continue
quit

# 4. a version 1 progress file: the furthest page seen
mkdir -p "$WORK/data2/regtutor"
printf '%s\n' '# regtutor progress 1' 'page 01-tui 0' 'page 01-tui 1' \
    > "$WORK/data2/regtutor/progress"
start "$FIX" "$WORK/data2" 1
check "version 1 file: continues at the furthest page seen" pane_idle 2/3
quit
check "... saved again as version 2" \
    sh -c "grep -qx 'at 01-tui 1' '$WORK/data2/regtutor/progress'"

# 5. the bugs of issue 12 on the shipped lessons (a taller pane: whole
# pages and their quizzes in view)
tm resize-window -x 120 -y 50
rm -rf "$WORK/data2"
mkdir -p "$WORK/data2"
start "$REGTUTOR_SRCDIR" "$WORK/data2" 2
idle_on 1/10
tm send-keys g
tm send-keys -l 3
tm send-keys Enter
idle_on 3/10
check "lesson 2 page 3: the predict waits" \
    wait_for '^  3\) None: a penalty only makes the fit worse\.'
tm send-keys n
check "lesson 2 page 3: n turns the page (it does not answer 'none')" \
    idle_on 4/10
quit
check "... and no answer was recorded" \
    sh -c "! grep -q 'quiz 02-l1-l2 p-seeds' '$WORK/data2/regtutor/progress'"

start "$REGTUTOR_SRCDIR" "$WORK/data2" 4
idle_on 1/8
tm send-keys g
tm send-keys -l 5
tm send-keys Enter
idle_on 5/8
check "lesson 4 page 5: the predict waits (labels 1-3)" \
    wait_for '^  3\) Batch norm\.'
tm send-keys b
check "lesson 4 page 5: b does not answer" not_answered
check "... it says what to press" \
    settled 50 note_has "^'b' does nothing here: 1-3 answer"
tm send-keys 3
check "3 answers 'bn': right" wait_for '^Right\. With 2 examples per batch'
check "... on page 5 still (the experiment ran, no page skipped)" \
    idle_on 5/8
quit

start "$REGTUTOR_SRCDIR" "$WORK/data2" 3
idle_on 1/10
tm send-keys g
tm send-keys -l 6
tm send-keys Enter
idle_on 6/10
check "lesson 3 page 6: the predict waits" \
    wait_for '^  1\) Orders of magnitude larger'
tm send-keys s
check "lesson 3 page 6: s does not answer, and says so" \
    settled 50 note_has "^'s' does nothing here: 1-3 answer"
tm send-keys :
tm send-keys -l 'answer orders'
tm send-keys Enter
check "'answer orders' at the prompt answers it" wait_for '^Right\.'
check "... on page 6 still" idle_on 6/10
tm send-keys Escape
sleep 0.2
# a short terminal: the help overlay's lines scroll, any other key closes
tm resize-window -x 60 -y 18
tm send-keys '?'
check "? at 60x18: the overlay says its lines scroll" \
    wait_for 'j/k scroll, any other key closes  1-[0-9]+/[0-9]+'
tm send-keys j
check "... j scrolls them" \
    wait_for 'j/k scroll, any other key closes  2-[0-9]+/[0-9]+'
tm send-keys x
check "... another key closes it" settled 50 eval '! screen | grep -q "Keys"'
tm resize-window -x 120 -y 50
tm send-keys m
check "m opens the menu (it never answers)" \
    wait_for '^ +3  .* +continue 6/10'
tm send-keys 9
check "the menu: a digit with no lesson says so" \
    wait_for 'no lesson 9 here: the digits choose the lessons listed'
tm send-keys x
check "the menu: another key says it does nothing there" \
    wait_for "'x' does nothing in the menu: its keys are on the line below"
quit
finish
