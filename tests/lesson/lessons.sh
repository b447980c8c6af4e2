#!/bin/sh
# tests/lesson/lessons.sh - every shipped lesson, in both languages, passes
# --check and plays in --batch with every checkpoint passing; --list shows
# them; a broken lesson is rejected with file:line:col.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
D=$REGTUTOR_SRCDIR/lessons

files=$(ls "$D"/en/*.lesson "$D"/ko/*.lesson)
n=0
for f in $files; do n=$((n + 4)); done
# every "`1-4-1` (13 parameters)" / "`1-4-1`(파라미터 13개)" in a lesson
# text must be what 'net' reports for that architecture
pairs=$(cat $files | sed -n \
    -e 's/.*`\([0-9][0-9-]*\)` *(\([0-9][0-9]*\) parameters).*/\1 \2/p' \
    -e 's/.*`\([0-9][0-9-]*\)` *(파라미터 \([0-9][0-9]*\)개).*/\1 \2/p')
np=$(printf '%s\n' "$pairs" | grep -c .)
plan $((n + 13 + np))

for f in $files; do
	name=${f#"$D"/}
	err=$("$R" --check "$f" 2>&1); rc=$?
	is "$name: --check" "$rc:$err" "0:"
	lang=${name%%/*}
	out=$("$R" --lang "$lang" --batch "$f" --ascii --width 72 2>&1); rc=$?
	is "$name: --batch exits 0" "$rc" 0
	if printf '%s\n' "$out" | grep -Eq -- '-> (FAILED|실패)'; then
		tap_result 1 "$name: no failed checkpoint"
		printf '%s\n' "$out" | grep -E -A2 -- '-> (FAILED|실패)' | sed 's/^/# /'
	else
		tap_result 0 "$name: no failed checkpoint"
	fi
	# a lesson's own steps never trip a warning ('has no effect' and the
	# like), except the two a lesson may show on purpose: a training that
	# diverges, and a data set the previous net does not fit (a lesson
	# that fails to build a new one fails its next step)
	if printf '%s\n' "$out" | grep '^warning: ' |
	    grep -v -e '^warning: diverged at epoch' \
	    -e '^warning: the network .* does not fit this data' | grep -q .; then
		tap_result 1 "$name: no warning from its steps"
		printf '%s\n' "$out" | grep -B1 '^warning: ' | sed 's/^/# /'
	else
		tap_result 0 "$name: no warning from its steps"
	fi
done

is "lessons name parameter counts" "$([ "$np" -ge 2 ] && echo yes)" yes
set -- $pairs
while [ $# -ge 2 ]; do
	out=$("$R" -e "net $1" 2>&1)
	like "net $1 has the $2 parameters a lesson says" "$out" \
	    ": [0-9]+ dense layers?, $2 parameters"
	shift 2
done

out=$("$R" --lang en --list); rc=$?
is "--list exits 0" "$rc" 0
like "--list shows lesson 0's title" "$out" '^ +0  Tour'
like "--list shows lesson 4" "$out" '^ +4  '
out=$("$R" --lang ko --list); rc=$?
like "--list in Korean" "$out" '^ +1  .*쪽'
# pages seen and quizzes answered right out of all, from a progress file
# of version 1 (no "at" lines) and of version 2
X=$(pwd)/tests/tmp/lessons-list-$$
mkdir -p "$X/regtutor"
printf '%s\n' '# regtutor progress 1' 'page 01-overfitting 0' \
    'page 01-overfitting 1' 'quiz 01-overfitting q-capacity c' \
    'quiz 01-overfitting p-longrun down' 'quiz 01-overfitting q-why b' \
    > "$X/regtutor/progress"
out=$(XDG_DATA_HOME=$X "$R" --lang en --list 2>&1)
like "--list: pages seen, quizzes right/total (version 1 file)" "$out" \
    '^ +1  .*  2/9 pages, 2/4 quizzes right$'
like "--list: a lesson not begun" "$out" '^ +2  .*  0/[0-9]+ pages, 0/[0-9]+ quizzes right$'
printf '%s\n' '# regtutor progress 2' 'page 01-overfitting 0' \
    'quiz 01-overfitting q-restore a' 'at 01-overfitting 0' \
    > "$X/regtutor/progress"
out=$(XDG_DATA_HOME=$X "$R" --lang en --list 2>&1)
like "--list: version 2 file" "$out" '^ +1  .*  1/9 pages, 1/4 quizzes right$'
rm -rf "$X"

err=$("$R" --check "$REGTUTOR_SRCDIR/tests/lesson/broken.lesson" 2>&1); rc=$?
is "--check of a broken lesson exits 1" "$rc" 1
like "--check reports file:line:col" "$err" 'broken.lesson:10:19: trian'
out=$("$R" --batch "$REGTUTOR_SRCDIR/tests/lesson/fails.lesson" 2>&1); rc=$?
is "--batch with a failing checkpoint exits 1" "$rc" 1
like "the failed checkpoint shows its numbers" "$out" 'train_loss = [0-9.e+-]+ > 1000 -> FAILED'
out=$("$R" --batch no-such-lesson 2>&1); rc=$?
is "--batch of an unknown lesson exits 2" "$rc" 2
finish
