#!/bin/sh
# tests/lesson/seeds.sh - regtutor --batch LESSON --seeds A-B: one run per
# seed (the seed replaces @seed), per checkpoint the seeds that pass, the
# ones that fail and the worst case; exit status 1 when a checkpoint fails
# on any seed; clear errors for bad ranges.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
L=$REGTUTOR_SRCDIR/tests/lesson/seeds.lesson
plan 18

out=$("$R" --batch "$L" --seeds 1-6 2>/dev/null); rc=$?
is "a checkpoint failing on some seeds: exit 1" "$rc" 1
like "the header names the seeds" "$out" '^Seeds: seeds 1-6 \(6 runs\)$'
like "page:line, count, condition" "$out" '^1:13 +3/6 +train_loss < 0\.15$'
like "the seeds it failed on" "$out" '^ +FAILED on seeds 2, 4, 6$'
like "the worst case with its seed and numbers" "$out" \
    '^ +worst: seed 6: train_loss = 1\.21[0-9]* < 0\.15$'
like "a checkpoint passing everywhere" "$out" '^2:19 +6/6 +lambda < 1$'
like "summary" "$out" '^1 of 2 checkpoints failed on some seed$'

out=$("$R" --batch "$L" --seeds=3 2>&1); rc=$?
is "one seed that passes: exit 0" "$rc" 0
like "every checkpoint passed" "$out" '^all 2 checkpoints passed on every seed$'
like "the seed replaces @seed" "$out" '^1:13 +1/1 +train_loss'

# the numbers are those of --batch of the lesson with that @seed
mkdir -p tests/tmp
sed 's/^@seed 1$/@seed 4/' "$L" >tests/tmp/seeds4.lesson
one=$("$R" --batch tests/tmp/seeds4.lesson 2>/dev/null |
    sed -n 's/^Check: \(train_loss = [^ ]*\) .*/\1/p')
got=$("$R" --batch "$L" --seeds 4-4 2>/dev/null |
    sed -n 's/^ *worst: seed 4: \(train_loss = [^ ]*\) .*/\1/p')
like "--batch with @seed 4 shows a train loss" "$one" '^train_loss = 0\.[0-9]+$'
is "--seeds 4-4 finds the numbers of @seed 4" "$got" "$one"
rm -f tests/tmp/seeds4.lesson

err=$("$R" --batch "$L" --seeds 6-2 2>&1); rc=$?
like "a backwards range: exit 2 and why" "$rc: $err" \
    "^2: regtutor: --seeds: '6-2': the first seed is larger than the last"
err=$("$R" --batch "$L" --seeds 1-1000 2>&1); rc=$?
like "too many seeds" "$rc: $err" "^2: regtutor: --seeds: '1-1000' is 1000 seeds; at most 100"
err=$("$R" --batch "$L" --seeds 1..3 2>&1); rc=$?
like "not a range" "$rc: $err" "^2: regtutor: --seeds: '1..3' is not a range of seeds \(write A-B"
err=$("$R" --seeds 1-3 2>&1); rc=$?
like "--seeds without --batch" "$rc: $err" "^2: regtutor: --seeds needs --batch LESSON"
err=$("$R" --batch no-such-lesson --seeds 1-3 2>&1); rc=$?
is "an unknown lesson: exit 2" "$rc" 2
like "--help documents --seeds" "$("$R" --help)" '--seeds=A-B'
finish
