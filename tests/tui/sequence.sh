#!/bin/sh
# tests/tui/sequence.sh - lessons 0, 1, 2, 3 and 4 played in order in ONE
# full-screen shell (tmux), as a student would: every page in turn, every
# quiz answered, the next lesson opened from the menu.  Every checkpoint
# value the shell shows must equal what "regtutor --batch N" prints for
# that lesson alone: no state leaks from one lesson into the next.  A tall
# terminal keeps each page whole on screen.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=${TMUX_BIN:-}
LESSONS="0 1 2 3 4"
NTESTS=17
. "$REGTUTOR_SRCDIR/tests/tui/lib.sh"
tui_start seq $NTESTS

# Until the page shows and nothing trains (every redraw during an action
# is a training frame, which says how to stop it), up to 5 minutes a page:
# lesson 2 runs experiments over 20 seeds, and the machine may be busy.
idle_on() { settled 3000 on_page "$1"; }
answers() { lesson_pane | grep -Ec '^(Right\.|Not quite\.)'; }
more_answers() { [ "$(answers)" -gt "$1" ] && not_training; }
wait_answers() { settled 3000 more_answers "$1"; }

tm new-session -d -x 160 -y 100 \
    "env PS1='READY\$ ' LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
    REGTUTOR_DATADIR='$REGTUTOR_SRCDIR' \
    XDG_STATE_HOME='$WORK/state' XDG_DATA_HOME='$WORK/data' \
    HOME='$WORK' INPUTRC=/dev/null sh"
wait_for 'READY\$' 50
tm send-keys -l "'$R'; echo \"EXIT:\$?\""
tm send-keys Enter
check "the lesson menu" wait_for 'regtutor - lessons'

for L in $LESSONS; do
	out=$(REGTUTOR_DATADIR="$REGTUTOR_SRCDIR" "$R" --batch "$L")
	want=$(printf '%s\n' "$out" | batch_checks | tr '\n' ' ')
	wantx=$(printf '%s\n' "$out" | batch_explained | tr '\n' ' ')
	gotx=""
	tm send-keys "$L" Enter
	wait_for ' page 1/[0-9]+  ' 300
	np=$(screen | sed -n 's/.* page 1\/\([0-9]*\)  .*/\1/p' | head -n 1)
	got=""
	p=1
	while [ -n "$np" ] && [ $p -le "$np" ]; do
		idle_on "$p/$np" || break
		# every quiz of the page, the first choice (any answer will
		# do: the experiments run either way)
		k=0
		while lesson_pane | grep -q '^press [0-9]-[0-9] to answer' && [ $k -lt 9 ]; do
			a=$(answers)
			tm send-keys 1
			wait_answers "$a" || break
			k=$((k + 1))
		done
		got="$got$(pane_checks | tr '\n' ' ')"
		gotx="$gotx$(pane_explained | tr '\n' ' ')"
		[ $p -lt "$np" ] && tm send-keys n
		p=$((p + 1))
	done
	all_played() { [ -n "$np" ] && [ $p -gt "$np" ]; }
	check "lesson $L: all $np pages played" all_played
	if [ "$got" = "$want" ] && [ -n "$want" ]; then
		tap_result 0 "lesson $L after the ones before: checkpoint values as --batch $L"
	else
		tap_result 1 "lesson $L after the ones before: checkpoint values as --batch $L"
		printf '# shell: %s\n# batch: %s\n' "$got" "$want" | fold -w 150
	fi
	# the numbers in the explanations are those of their moment, as in
	# --batch (lesson 4 page 4: val_acc of the batch-norm run)
	if [ "$gotx" = "$wantx" ]; then
		tap_result 0 "lesson $L: explanations with the numbers of --batch $L"
	else
		tap_result 1 "lesson $L: explanations with the numbers of --batch $L"
		printf '# shell: %s\n# batch: %s\n' "$gotx" "$wantx" | fold -w 150
	fi
	tm send-keys m
	wait_for 'regtutor - lessons' 100
done
tm send-keys q
check "q quits" wait_for 'EXIT:0'
finish
