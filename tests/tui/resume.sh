#!/bin/sh
# tests/tui/resume.sh - answers survive closing the shell, end to end in
# tmux.  A quiz answered in lesson 3 (right or wrong) is in the progress
# file; the lesson reopened continues on that page with the answer and its
# feedback shown and nothing waiting; going back to the page after a
# resume shows it answered too; r asks again and the new answer replaces
# the old one (--list counts it).  A lesson is finished only when its last
# page was seen and answered: the fixture's one-page lesson merely opened
# is still the lesson in progress, answered it is finished.  A bad line in
# the progress file costs only itself, with file:line.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
NTESTS=25
. "$REGTUTOR_SRCDIR/tests/tui/lib.sh"
tui_start resume $NTESTS data2

PROG=$WORK/data/regtutor/progress
waits() { lesson_pane | grep -q '^press 1-[0-9] to answer'; }
not_waiting() { ! waits; }
list() { REGTUTOR_DATADIR=$1 XDG_DATA_HOME=$2 "$R" --lang en --list 2>&1; }
FIX=$REGTUTOR_SRCDIR/tests/tui
WRONG='^Not quite\. Answer: 3\. At x = 0'

tm new-session -d -x 100 -y 50 \
    "env PS1='READY\$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
    XDG_STATE_HOME='$WORK/state' HOME='$WORK' INPUTRC=/dev/null sh"
wait_for 'READY\$' 50

# 1. lesson 3 page 2: a wrong answer, then quit on that page
start "$REGTUTOR_SRCDIR" "$WORK/data" 3
idle_on 1/10
tm send-keys n
idle_on 2/10
check "lesson 3 page 2: the quiz waits" settled 100 waits
tm send-keys 1
check "1 answers it (wrong)" wait_for "$WRONG"
quit
check "the progress file keeps the choice" \
    grep -qx 'quiz 03-vanishing q-sigmax a' "$PROG"
like "--list: answered, not right" "$(list "$REGTUTOR_SRCDIR" "$WORK/data")" \
    ' 3  Vanishing gradients +2/10 pages, 0/4 quizzes right'

# 2. reopened: on page 2, answered as before, nothing waiting
start "$REGTUTOR_SRCDIR" "$WORK/data" 3
check "reopened, it continues at page 2" pane_idle 2/10
check "... with the earlier answer and its feedback" wait_for "$WRONG"
check "... and the quiz does not wait again" settled 50 not_waiting
tm send-keys 3
check "... a digit answers nothing" \
    settled 50 note_has '^no question waits for an answer on this page'
tm send-keys n
idle_on 3/10
quit
check "the answer is still the one given" \
    grep -qx 'quiz 03-vanishing q-sigmax a' "$PROG"

# 3. reopened on page 3, back to page 2: answered there too
start "$REGTUTOR_SRCDIR" "$WORK/data" 3
pane_idle 3/10
tm send-keys p
check "back to page 2 after a resume" pane_idle 2/10
check "... it shows the answer given before" wait_for "$WRONG"
check "... and nothing waits" settled 50 not_waiting
# 4. r asks again; the new answer replaces the old
tm send-keys r
check "r: the quiz waits again" settled 100 waits
tm send-keys 3
check "3 answers it (right)" wait_for '^Right\. At x = 0'
quit
check "the new answer replaces the old one in the file" \
    sh -c "grep -qx 'quiz 03-vanishing q-sigmax c' '$PROG' &&
	! grep -q 'q-sigmax a' '$PROG'"
like "--list counts it right" "$(list "$REGTUTOR_SRCDIR" "$WORK/data")" \
    ' 3  Vanishing gradients +3/10 pages, 1/4 quizzes right'

# 5. finished means the last page answered, not opened: the fixture's
# lesson 3 has one page, with a quiz
start "$FIX" "$WORK/data2" 3
check "the one-page lesson opens on its quiz" pane_idle 1/1
settled 100 waits
quit
sel_row() { tm capture-pane -e -p | grep "$(printf '\033')\\[[0-9;]*7m" |
	grep -q "$1"; }
start "$FIX" "$WORK/data2" ""
check "merely opened, it is the lesson in progress" \
    wait_for '^ +3  Second fixture lesson +continue 1/1'
check "... and chosen on the menu" sel_row 'Second fixture lesson'
tm send-keys Enter
pane_idle 1/1
tm send-keys 2
check "answered" wait_for '^Right\. The alphabet'
quit
start "$FIX" "$WORK/data2" ""
check "answered, it is finished: no 'continue'" \
    wait_for '^ +3  Second fixture lesson +1/1 pages'
check "... and the next lesson is chosen" sel_row 'Pages and charts'
quit

# 6. a bad line costs only itself
printf '%s\n' '# regtutor progress 2' 'page 03-vanishing 0' 'pgae oops 1' \
    'page 03-vanishing 1' 'at 03-vanishing 1' > "$PROG"
out=$(list "$REGTUTOR_SRCDIR" "$WORK/data")
like "--list: a bad line named by file and line" "$out" \
    "progress:3: 'pgae oops 1': expected a line of the form 'page LESSON PAGE'"
like "... the other lines kept" "$out" \
    ' 3  Vanishing gradients +2/10 pages, 0/4 quizzes right'
check "... the file as it was copied aside" \
    sh -c "grep -qx 'pgae oops 1' '$PROG.corrupt' &&
	grep -qx 'pgae oops 1' '$PROG'"
finish
