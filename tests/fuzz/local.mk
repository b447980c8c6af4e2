# tests/fuzz/local.mk - fuzz harnesses (included by Makefile.am).
#
# Every harness (tests/fuzz/fuzz-NAME.c) is built twice:
#   - here, with the normal compiler and replay.c, as tests/fuzz/replay-NAME:
#     'make check' replays every file of tests/fuzz/corpus/NAME (seeds,
#     minimized corpus and reproducers of past findings) through it;
#   - by 'make fuzz' (tests/fuzz/fuzz.sh) with clang and libFuzzer
#     (-fsanitize=fuzzer,address,undefined), then run for FUZZ_TIME seconds
#     each, FUZZ_JOBS at a time (make fuzz FUZZ_TARGETS='csv lab' ...).

FUZZ_NAMES = cmd csv lab lesson progress weights
FUZZ_LIBRARY_FILES = $(libutil_a_SOURCES) $(libnn_a_SOURCES) \
	$(libchart_a_SOURCES) $(libcmd_a_SOURCES) $(liblesson_a_SOURCES)
FUZZ_TIME = 600
FUZZ_JOBS = 2
FUZZ_TARGETS = $(FUZZ_NAMES)

FUZZ_REPLAY_LIBS = libfuzzcommon.a liblesson.a libcmd.a libchart.a libnn.a \
	libutil.a $(LIBS)
check_LIBRARIES += libfuzzcommon.a
libfuzzcommon_a_SOURCES = tests/fuzz/fuzz-common.c tests/fuzz/fuzz.h \
	tests/fuzz/replay.c

check_PROGRAMS += tests/fuzz/replay-cmd tests/fuzz/replay-csv \
	tests/fuzz/replay-lab tests/fuzz/replay-lesson \
	tests/fuzz/replay-progress tests/fuzz/replay-weights
tests_fuzz_replay_cmd_SOURCES = tests/fuzz/fuzz-cmd.c
tests_fuzz_replay_cmd_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_csv_SOURCES = tests/fuzz/fuzz-csv.c
tests_fuzz_replay_csv_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_lab_SOURCES = tests/fuzz/fuzz-lab.c
tests_fuzz_replay_lab_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_lesson_SOURCES = tests/fuzz/fuzz-lesson.c
tests_fuzz_replay_lesson_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_progress_SOURCES = tests/fuzz/fuzz-progress.c
tests_fuzz_replay_progress_LDADD = $(FUZZ_REPLAY_LIBS)
tests_fuzz_replay_weights_SOURCES = tests/fuzz/fuzz-weights.c
tests_fuzz_replay_weights_LDADD = $(FUZZ_REPLAY_LIBS)

TESTS += tests/fuzz/replay.sh
EXTRA_DIST += tests/fuzz/replay.sh tests/fuzz/fuzz.sh tests/fuzz/corpus \
	tests/fuzz/dict

fuzz: $(FUZZ_LIBRARY_FILES)
	@FUZZ_CC='$(FUZZ_CC)' \
	LIBS='$(LIBS)' FUZZ_TIME='$(FUZZ_TIME)' FUZZ_JOBS='$(FUZZ_JOBS)' \
	FUZZ_SOURCES='$(FUZZ_LIBRARY_FILES)' FUZZ_ARGS='$(FUZZ_ARGS)' \
	$(SHELL) $(srcdir)/tests/fuzz/fuzz.sh '$(srcdir)' $(FUZZ_TARGETS)
.PHONY: fuzz

clean-local: clean-fuzz
clean-fuzz:
	-rm -rf tests/fuzz/build tests/fuzz/out
.PHONY: clean-fuzz
