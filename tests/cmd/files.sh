#!/bin/sh
# tests/cmd/files.sh - the real binary's files: what export/save may
# replace (special files, links, modes), what every reader refuses (by
# type, without blocking on a FIFO; by size; by its limits) and that ^C
# stops a long training inside an epoch.
. "$REGTUTOR_SRCDIR/tests/tap.sh"
R=${REGTUTOR:-./regtutor}
T=$(mktemp -d "${TMPDIR:-/tmp}/regtutor-files-XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
plan 47

NET='data moons n=40; net 2-4-1'

# ------------------------------------------------------------ writing
mkfifo "$T/fifo"
err=$(timeout 10 "$R" -e "$NET" -e "export weights $T/fifo" 2>&1); rc=$?
is "export to a FIFO: exit 1 (no hang)" "$rc" 1
like "export to a FIFO: refused by type" "$err" \
	"export: $T/fifo: not a regular file .*refusing to replace it"
ok "export to a FIFO: still a FIFO" test -p "$T/fifo"

err=$("$R" -e "$NET" -e "save /dev/null" 2>&1); rc=$?
is "save to /dev/null: exit 1" "$rc" 1
like "save to /dev/null: refused" "$err" "/dev/null: not a regular file"
ok "/dev/null: still a device" test -c /dev/null
err=$("$R" -e "$NET" -e "export data /dev/stdout" 2>&1); rc=$?
is "export to /dev/stdout: refused" "$rc" 1

mkdir "$T/dir"
err=$("$R" -e "$NET" -e "save $T/dir" 2>&1)
like "save onto a directory: refused" "$err" "$T/dir: is a directory"

printf 'old\n' > "$T/target"
chmod 600 "$T/target"
ln -s target "$T/link"
"$R" -e "$NET" -e "export weights $T/link" >/dev/null 2>&1; rc=$?
is "export through a symlink: exit 0" "$rc" 0
ok "the symlink stays a symlink" test -L "$T/link"
like "its target got the net" "$(head -1 "$T/target")" '^regtutor-net [0-9]+$'
is "a 0600 file stays 0600" "$(stat -c %a "$T/target")" 600

printf 'one\n' > "$T/h1"
ln "$T/h1" "$T/h2"
err=$("$R" -e "$NET" -e "save $T/h2" 2>&1); rc=$?
is "save over a hard-linked file: exit 1" "$rc" 1
like "save over a hard-linked file: says why" "$err" "has 2 hard links"
is "both names keep the old text" "$(cat "$T/h1" "$T/h2")" "one
one"

ln -s "$T/victim" "$T/dangling"
err=$("$R" -e "$NET" -e "save $T/dangling" 2>&1)
like "a dangling link: refused" "$err" "symbolic link to nothing"
ok "nothing created where it points" test ! -e "$T/victim"
is "no temporary file left behind" \
	"$(ls "$T" | grep -c tmp)" 0

# ------------------------------------------------------------ reading
for c in "data load" "load" "import weights"; do
	err=$("$R" -e "$c /dev/zero" 2>&1)
	like "$c /dev/zero: refused by type" "$err" \
		"/dev/zero: not a regular file"
	err=$("$R" -e "$c $T/dir" 2>&1)
	like "$c DIRECTORY: is a directory" "$err" "$T/dir: is a directory"
	err=$(timeout 10 "$R" -e "$c $T/fifo" 2>&1); rc=$?
	is "$c FIFO: refused at once (exit 1, no hang)" "$rc" 1
done
err=$("$R" --check "$T/dir" /dev/zero 2>&1); rc=$?
is "--check DIRECTORY DEVICE: exit 1" "$rc" 1
like "--check: a directory refused by type" "$err" "$T/dir: is a directory"
like "--check: a device refused by type" "$err" "/dev/zero: not a regular file"
err=$("$R" --batch "$T/dir" 2>&1)
like "--batch DIRECTORY: is a directory" "$err" "$T/dir: is a directory"

awk 'BEGIN { for (i = 0; i < 70000; i++) printf "1"; print ",0" }' \
	> "$T/longline.csv"
err=$("$R" -e "data load $T/longline.csv" 2>&1)
like "CSV: a line over 64 KiB" "$err" \
	"longline.csv:1: line too long \(limit 64 KiB\)"
{ echo 'regtutor-net 1'; echo 'spec 2-1'; cat "$T/longline.csv"; } > "$T/long.net"
err=$("$R" -e "import weights $T/long.net" 2>&1)
like "net file: a line over 64 KiB" "$err" \
	"long.net:3: line too long \(limit 64 KiB\)"
{ echo 'regtutor-lab 1'; cat "$T/longline.csv"; } > "$T/long.lab"
err=$("$R" -e "load $T/long.lab" 2>&1)
like "lab file: a line over 64 KiB" "$err" \
	"long.lab:2: line too long \(limit 64 KiB\)"
awk 'BEGIN { for (i = 0; i < 666667; i++) print "1,2,0" }' > "$T/many.csv"
err=$("$R" -e "data load $T/many.csv" 2>&1)
like "CSV: more than 2000000 numbers" "$err" \
	"many.csv:666667:1: more than 2000000 numbers"

# a 54-byte lab asking for 257,000,000 numbers: refused before allocating
printf 'regtutor-lab 1\ndata csv rows=1000000 nin=256 nout=1\n' > "$T/big.lab"
err=$("$R" -e "load $T/big.lab" 2>&1); rc=$?
is "lab csv too large: exit 1 (not an abort)" "$rc" 1
like "lab csv too large: says the limit" "$err" \
	"big.lab:2: data csv rows=1000000 nin=256 nout=1 is 257000000 numbers, too large \(limit 2000000\)"
# a lab file's data line is the data command: the same message, at
# file:line:column
for kv in n=4294967300 n=2 noise=11 seed=99999999999 split=0.01; do
	printf 'regtutor-lab 2\ndata spiral %s\nend\n' "$kv" > "$T/kv.lab"
	err=$("$R" -e "load $T/kv.lab" 2>&1)
	want=$("$R" -e "data spiral $kv" 2>&1)
	want=${want#regtutor: }
	case $err in
	*"kv.lab:2:13: $want") r=0 ;;
	*) r=1; printf '# got:  %s\n# want: ...kv.lab:2:13: %s\n' "$err" \
		"$want" ;;
	esac
	tap_result $r "lab data $kv: refused as data refuses it"
done

# ------------------------------------------------------------ sizes
err=$("$R" -e "data spiral n=100000; net 2-256-256-256-1; train 1" 2>&1)
like "rows x weights over the limit: refused" "$err" \
	"too large together: rows x weights must be at most 1000000000"
err=$("$R" -e "net 2-256-256-256-256-256-256-1" 2>&1)
like "a net over 300000 weights: refused" "$err" \
	"has 328448 weights, too many \(limit 300000\)"

# ^C during training: checked before every mini-batch (one row here), the
# epoch under way ends there, its evaluation is short (1000 rows): it stops
# within a few seconds even under a sanitizer on a loaded machine
"$R" -e "data spiral n=1000; net 2-128-128-128-128-1" \
	-e "set batch 1; train 100000" > "$T/int.out" 2>&1 &
pid=$!
sleep 3
t0=$(date +%s)
kill -INT $pid
wait $pid; rc=$?
t1=$(date +%s)
is "^C: exit 130" "$rc" 130
ok "^C: stopped within 5 s" test $((t1 - t0)) -le 5
like "^C: says so" "$(cat "$T/int.out")" "interrupted after [0-9]+ epoch"
finish
