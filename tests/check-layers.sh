#!/bin/sh
# tests/check-layers.sh - the layering rules of src/, checked on the source.
#
# The layers, lowest first: util < nn < chart < cmd < lesson < tui < main
# (src/main.c).  A file may include headers of its own layer and of layers
# below it, never above.  Only src/tui/ includes curses, ncurses or
# readline headers.  src/nn/ does no printing: no printf, puts, putchar,
# perror and no use of stdout or stderr (writing a file the caller opened,
# the net and CSV formats, is not printing).
#
# check_tree DIR prints one line per broken rule (file:line: what) and is
# run on the real tree, then on small trees that each break one rule, so
# this test can be seen to fail.
. "$REGTUTOR_SRCDIR/tests/tap.sh"

LAYERS="util nn chart cmd lesson tui main"

# The rank of a layer name (0 = lowest); empty when it is not a layer.
rank() {
	r=0
	for l in $LAYERS; do
		if [ "$l" = "$1" ]; then echo $r; return; fi
		r=$((r + 1))
	done
}

check_tree() {
	dir=$1
	find "$dir" -name '*.[ch]' | LC_ALL=C sort | while read -r f; do
		rel=${f#"$dir"/}
		case $rel in
		*/*) layer=${rel%%/*} ;;
		*) layer=main ;;
		esac
		own=$(rank "$layer")
		[ -n "$own" ] || { echo "$rel: not in a layer ($LAYERS)"; continue; }
		# #include "layer/file.h": the layer must not be above this one
		grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]*/' "$f" |
		while IFS= read -r hit; do
			line=${hit%%:*}
			inc=$(printf '%s\n' "$hit" | sed 's/.*include[[:space:]]*"\([^"]*\)".*/\1/')
			to=${inc%%/*}
			r=$(rank "$to")
			if [ -z "$r" ]; then
				echo "$rel:$line: includes \"$inc\", not a layer"
			elif [ "$r" -gt "$own" ]; then
				echo "$rel:$line: $layer includes \"$inc\" of $to, a layer above it"
			fi
		done
		if [ "$layer" != tui ]; then
			grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<(n?curses|ncursesw/|readline/|term\.h|panel\.h|menu\.h|form\.h)' "$f" |
			sed "s|^\([0-9]*\):.*|$rel:\1: curses or readline outside src/tui|"
		fi
		if [ "$layer" = nn ]; then
			# comments and strings aside, roughly: a match in code
			sed 's|//.*||' "$f" | grep -nE '(^|[^a-z_])(printf|vprintf|puts|putchar|perror)[[:space:]]*\(|(^|[^a-z_])(stdout|stderr)([^a-z_]|$)' |
			sed "s|^\([0-9]*\):.*|$rel:\1: src/nn prints (printf, puts, stdout or stderr)|"
		fi
	done
}

plan 7

src=$REGTUTOR_SRCDIR/src
bad=$(check_tree "$src")
is "src/ keeps the layering rules" "$bad" ""
[ -z "$bad" ] || printf '%s\n' "$bad" | sed 's/^/# /'

# Trees that break one rule each: the check must say so.
tmp=${TMPDIR:-/tmp}/check-layers.$$
trap 'rm -rf "$tmp"' EXIT
mk() {	# mk FILE LINE...: a fresh tree with one file
	rm -rf "$tmp"
	mkdir -p "$tmp/$(dirname "$1")"
	f=$1
	shift
	printf '%s\n' "$@" > "$tmp/$f"
}

mk nn/x.c '#include "util/util.h"' '#include "nn/nn.h"' \
    'int f(char *b) { return snprintf(b, 4, "x"); }'
is "a file that keeps the rules passes" "$(check_tree "$tmp")" ""
mk cmd/x.c '#include "util/util.h"' '#include "lesson/lesson.h"'
like "an upward include is found" "$(check_tree "$tmp")" \
    '^cmd/x.c:2: cmd includes "lesson/lesson.h" of lesson, a layer above'
mk lesson/x.c '#include <readline/readline.h>'
like "readline outside src/tui is found" "$(check_tree "$tmp")" \
    '^lesson/x.c:1: curses or readline outside src/tui'
mk chart/x.c '#include <stdio.h>' '#  include <curses.h>'
like "curses outside src/tui is found" "$(check_tree "$tmp")" \
    '^chart/x.c:2: curses or readline outside src/tui'
mk nn/x.c 'void f(void)' '{' '	fprintf(stderr, "x");' '}'
like "src/nn writing to stderr is found" "$(check_tree "$tmp")" \
    '^nn/x.c:3: src/nn prints'
mk nn/x.c 'void f(void) { printf("%d", 1); }'
like "src/nn calling printf is found" "$(check_tree "$tmp")" \
    '^nn/x.c:1: src/nn prints'
finish
