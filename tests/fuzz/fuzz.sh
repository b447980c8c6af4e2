#!/bin/sh
# tests/fuzz/fuzz.sh - 'make fuzz': builds the libFuzzer harnesses and runs
# them.
#
#   fuzz.sh SRCDIR [NAME...]     (run from the build directory)
#
# Environment (set by the makefile): FUZZ_CC, a clang that links
# -fsanitize=fuzzer (found by configure); FUZZ_SOURCES, the library sources;
# FUZZ_TIME, seconds per harness; FUZZ_JOBS, harnesses run at a time;
# FUZZ_ARGS, more libFuzzer options; LIBS.
#
# The libraries are compiled with coverage (fuzzer-no-link), address and
# undefined sanitizers into tests/fuzz/build.  Each harness starts from the
# seeds in SRCDIR/tests/fuzz/corpus/NAME with SRCDIR/tests/fuzz/dict/NAME.dict
# and writes what it finds to tests/fuzz/out/NAME (corpus/, crash-*, the log).
# New interesting inputs stay out of the tree; to keep some, minimize them
# into the seed directory:
#   tests/fuzz/build/fuzz-NAME -merge=1 SRCDIR/tests/fuzz/corpus/NAME \
#       tests/fuzz/out/NAME/corpus
# and add any reproducer (crash-*) there too: 'make check' replays them all.
set -eu
# absolute paths: a harness may change its directory
srcdir=$(cd "$1" && pwd)
shift
if [ -z "${FUZZ_CC:-}" ]; then
	echo "make fuzz: needs clang with libFuzzer (-fsanitize=fuzzer)." >&2
	echo "  Install it (Debian/Ubuntu: apt-get install clang), then run" >&2
	echo "  ./configure again so that it is found." >&2
	exit 1
fi
FUZZ_TIME=${FUZZ_TIME:-600}
FUZZ_JOBS=${FUZZ_JOBS:-2}
build=$(pwd)/tests/fuzz/build
out=$(pwd)/tests/fuzz/out
mkdir -p "$build/obj" "$out"
san="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined"
san="$san -fno-sanitize-recover=all"
inc="-I. -I$srcdir/src -I$srcdir/tests/fuzz -DPKGDATADIR=\"/nonexistent\""

# The libraries, with coverage; a source is compiled again when it or any
# header is newer than its object.
objs=""
for src in $FUZZ_SOURCES; do
	case $src in *.c) ;; *) continue ;; esac
	o=$build/obj/$(echo "$src" | tr / _ | sed 's/\.c$/.o/')
	objs="$objs $o"
	if [ -f "$o" ] && [ -z "$(find "$srcdir/src" -name '*.[ch]' \
	    -newer "$o" | head -1)" ]; then
		continue
	fi
	echo "  CC(fuzz) $src"
	# shellcheck disable=SC2086
	$FUZZ_CC -std=c11 $san -fsanitize=fuzzer-no-link $inc -c \
	    "$srcdir/$src" -o "$o"
done

# The harnesses, linked with libFuzzer.
for name in "$@"; do
	echo "  CCLD(fuzz) fuzz-$name"
	# shellcheck disable=SC2086
	$FUZZ_CC -std=c11 $san -fsanitize=fuzzer $inc \
	    "$srcdir/tests/fuzz/fuzz-$name.c" "$srcdir/tests/fuzz/fuzz-common.c" \
	    $objs ${LIBS:-} -lm -o "$build/fuzz-$name"
done

# One run: NAME; the log is $out/NAME.log.
run_one() {
	name=$1
	mkdir -p "$out/$name/corpus"
	dict=""
	if [ -f "$srcdir/tests/fuzz/dict/$name.dict" ]; then
		dict="-dict=$srcdir/tests/fuzz/dict/$name.dict"
	fi
	# shellcheck disable=SC2086
	nice -n 19 "$build/fuzz-$name" -max_total_time="$FUZZ_TIME" \
	    -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$out/$name/" $dict ${FUZZ_ARGS:-} \
	    "$out/$name/corpus" "$srcdir/tests/fuzz/corpus/$name" \
	    >"$out/$name.log" 2>&1 || true
}

echo "make fuzz: $# harness(es), $FUZZ_TIME s each, $FUZZ_JOBS at a time;" \
    "logs in $out/"
set -- "$@"
while [ $# -gt 0 ]; do
	pids=""
	i=0
	while [ $# -gt 0 ] && [ $i -lt "$FUZZ_JOBS" ]; do
		run_one "$1" &
		pids="$pids $!"
		shift
		i=$((i + 1))
	done
	for p in $pids; do wait "$p"; done
done

# The table: executions, coverage, findings.
status=0
printf '%-10s %12s %8s %8s %s\n' harness executions cov ft findings
for name in $(ls "$out" | sed -n 's/\.log$//p'); do
	log=$out/$name.log
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | sed 's/cov: //')
	ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | sed 's/ft: //')
	found=$(ls "$out/$name" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' \
	    | tr '\n' ' ' || true)
	[ -n "$found" ] && status=1
	printf '%-10s %12s %8s %8s %s\n' "$name" "${execs:-?}" "${cov:-?}" \
	    "${ft:-?}" "${found:-none}"
done
exit $status
