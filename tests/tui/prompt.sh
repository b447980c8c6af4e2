#!/bin/sh
# tests/tui/prompt.sh - the shell's prompt command 'answer', end to end in
# tmux: Tab completes 'answer' and its argument with the labels and words
# of the question waiting on the page (from the lesson's quiz), and says
# so when none waits; each wrong
# use of 'answer' (no choice, two words, not a choice, no question
# waiting, no lesson) gets one message, in Korean too.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
NTESTS=21
. "$REGTUTOR_SRCDIR/tests/tui/lib.sh"
tui_start prompt $NTESTS

# The prompt row (the second last) and the output area's last lines.
prompt_is() { screen | tail -n 2 | head -n 1 | sed 's/ *$//' |
	grep -Eq -- "^> $1\$"; }
start() {
	tm send-keys -l "env REGTUTOR_DATADIR='$1' XDG_DATA_HOME='$WORK/data' \
'$R' $2; echo \"EXIT:\$?\""
	tm send-keys Enter
}
type_line() { tm send-keys -l "$1"; tm send-keys Enter; }
not_answered() { ! screen | grep -q FEEDBACK-ONE; }
# Esc leaves the prompt (readline takes Esc and a key at once for Meta)
leave_prompt() { tm send-keys Escape; sleep 0.3; }
FIX=$REGTUTOR_SRCDIR/tests/tui

tm new-session -d -x 100 -y 40 \
    "env PS1='READY\$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
    XDG_STATE_HOME='$WORK/state' HOME='$WORK' INPUTRC=/dev/null sh"
wait_for 'READY\$' 50

# 1. the fixture's page 2: two quizzes, choices a and b (labels 1 and 2)
start "$FIX" "--lang en 4"
idle_on 1/4
tm send-keys n
idle_on 2/4
wait_for '^  1\) The letter a\.'
tm send-keys :
check "the empty prompt says what its keys do" \
    wait_for '^> +type a command - Enter runs it, Tab completes, Esc: page keys'
tm send-keys :
check "':' again on the empty prompt is not typed, and says the prompt is open" \
    wait_for 'the prompt is open: type a command \(Esc: page keys\)'
check "... the line stays empty" settled 50 prompt_is ' *type a command.*'
tm send-keys -l 'ans'
tm send-keys Tab
check "Tab completes the command name 'answer'" settled 50 prompt_is 'answer'
tm send-keys Tab Tab
check "Tab Tab after 'answer ' lists the labels and the choices' words" \
    wait_for 'matches: 1 2 a b$'
type_line ''
check "'answer' alone: what is missing and what is allowed" \
    wait_for "answer: missing CHOICE; give 1-2 or one of a, b \\(e\\.g\\. 'answer 1'\\)"
type_line 'answer 1 2'
check "'answer 1 2': one choice only" \
    wait_for "answer: one choice only, not '1 2'; give 1-2 or one of a, b"
type_line 'answer c'
check "'answer c': not a choice here" \
    wait_for "answer: 'c' is not a choice here; give 1-2 or one of a, b"
check "... and nothing is answered" not_answered
tm send-keys -l 'answer b'
tm send-keys Tab
check "Tab completes a word of the waiting quiz" settled 50 prompt_is 'answer b'
tm send-keys Enter
check "... which answers it" wait_for 'Not quite\. Answer: 1\. FEEDBACK-ONE'
tm send-keys :
tm send-keys -l 'answer '
tm send-keys Tab Tab
check "the second quiz's words in turn" wait_for 'matches: 1 2 a b$'
type_line '2'
wait_for 'FEEDBACK-TWO'
tm send-keys :
tm send-keys -l 'answer '
tm send-keys Tab
check "Tab after 'answer ' with no question waiting says so" \
    wait_for '^answer: no question waits for an answer on this page'
check "... and completes nothing" settled 50 prompt_is 'answer'
tm send-keys C-c
type_line 'answer 1'
check "'answer 1' with no question waiting: one message" \
    wait_for '^answer: no question waits for an answer on this page'
leave_prompt
tm send-keys q
wait_for 'EXIT:0' 100
tm send-keys -l 'clear'
tm send-keys Enter
wait_gone 'EXIT:0' 50

# 2. the free lab: 'answer' is a command of the table (help lists it), so
# Tab completes it; typed with no lesson open it says why
start "$FIX" "--lang en"
wait_for 'Pages and charts fixture'
for _k in 1 2 3 4 5 6 7 8 9; do tm send-keys j; done
tm send-keys Enter
check "the free lab opens" wait_for ' free lab ' 100
check "the free lab's empty chart pane suggests a line that works as typed" \
    wait_for 'no chart yet - try: data sine; net 1-16-1; train 50'
tm send-keys -l 'ans'	# (the prompt has the keys in the free lab)
tm send-keys Tab
check "the free lab: Tab completes 'ans' to 'answer', a command" \
    settled 50 prompt_is 'answer'
tm send-keys C-c
type_line 'answer 1'
check "the free lab: 'answer 1' says no lesson is open" \
    wait_for "^error: answer: no lesson is open; a lesson's questions are answered on its pages"
leave_prompt
tm send-keys q
wait_for 'EXIT:0' 100
tm send-keys -l 'clear'
tm send-keys Enter
wait_gone 'EXIT:0' 50

# 3. Korean: the shipped lesson 0's quiz (page 4)
start "$REGTUTOR_SRCDIR" "--lang ko 0"
idle_on 1/
tm send-keys g
tm send-keys -l 4
tm send-keys Enter
wait_for '1-3 키로 답하세요'
tm send-keys :
type_line 'answer'
check "Korean: 'answer' alone says what is missing" \
    wait_for "answer: 보기가 빠졌습니다\\. 1-3 또는 a, b, c 중 하나를 쓰세요"
type_line 'answer z'
check "Korean: not a choice" \
    wait_for "answer: 'z'는 보기가 아닙니다"
leave_prompt
tm send-keys q
wait_for 'EXIT:0' 100
finish
