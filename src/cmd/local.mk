# src/cmd/local.mk - the cmd layer (included by Makefile.am).
noinst_LIBRARIES += libcmd.a
libcmd_a_SOURCES = src/cmd/cmd.h src/cmd/cmd-int.h src/cmd/session-int.h \
	src/cmd/cmd.c src/cmd/parse.c src/cmd/params.c src/cmd/transcript.c \
	src/cmd/session.c src/cmd/lab.c src/cmd/plot.c src/cmd/lab-file.c \
	src/cmd/cmd-data.c src/cmd/cmd-net.c src/cmd/cmd-set.c \
	src/cmd/cmd-train.c src/cmd/cmd-plot.c src/cmd/cmd-sweep.c \
	src/cmd/cmd-file.c src/cmd/cmd-help.c src/cmd/sweep.c src/cmd/sweep.h

check_PROGRAMS += tests/test-cmd
TESTS += tests/test-cmd tests/cmd/headless.sh tests/cmd/files.sh
tests_test_cmd_SOURCES = tests/cmd/test-cmd.c
tests_test_cmd_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_cmd_LDADD = libtestutil.a libcmd.a libchart.a libnn.a libutil.a \
	$(CMOCKA_LIBS) $(LIBS)
# Chart snapshots: a transcript's charts drawn again as they were.
check_PROGRAMS += tests/test-transcript
TESTS += tests/test-transcript
tests_test_transcript_SOURCES = tests/cmd/test-transcript.c
tests_test_transcript_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_transcript_LDADD = libtestutil.a libcmd.a libchart.a libnn.a \
	libutil.a $(CMOCKA_LIBS) $(LIBS)

check_PROGRAMS += tests/test-cmd-edge
TESTS += tests/test-cmd-edge
tests_test_cmd_edge_SOURCES = tests/cmd/test-edge.c
tests_test_cmd_edge_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_cmd_edge_LDADD = libtestutil.a libcmd.a libchart.a libnn.a \
	libutil.a $(CMOCKA_LIBS) $(LIBS)

EXTRA_DIST += tests/cmd/headless.sh tests/cmd/files.sh
