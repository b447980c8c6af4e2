# src/tui/local.mk - the tui layer (included by Makefile.am).
noinst_LIBRARIES += libtui.a
libtui_a_SOURCES = src/tui/repl.c src/tui/repl.h
libtui_a_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS) $(READLINE_CFLAGS)

# The full-screen shell (tui.h: tui_main).
libtui_a_SOURCES += src/tui/tui.h src/tui/tui-int.h src/tui/tui.c \
	src/tui/shell.h src/tui/view-lesson.c src/tui/view-chart.c \
	src/tui/view-output.c src/tui/view-status.c src/tui/view-menu.c \
	src/tui/view-help.c src/tui/view-present.c \
	src/tui/term.c src/tui/draw.c src/tui/input.c \
	src/tui/layout.c src/tui/layout.h src/tui/hints.c src/tui/hints.h \
	src/tui/present.c src/tui/present.h

check_PROGRAMS += tests/test-tui-layout
TESTS += tests/test-tui-layout
tests_test_tui_layout_SOURCES = tests/tui/test-layout.c
tests_test_tui_layout_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_tui_layout_LDADD = libtestutil.a libtui.a libutil.a $(CMOCKA_LIBS) $(LIBS)

check_PROGRAMS += tests/test-tui-present
TESTS += tests/test-tui-present
tests_test_tui_present_SOURCES = tests/tui/test-present.c
tests_test_tui_present_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_tui_present_LDADD = libtestutil.a libtui.a liblesson.a libcmd.a \
	libchart.a libnn.a libutil.a $(CMOCKA_LIBS) $(LIBS)

check_PROGRAMS += tests/test-tui-prompt
TESTS += tests/test-tui-prompt
tests_test_tui_prompt_SOURCES = tests/tui/test-prompt.c
tests_test_tui_prompt_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_tui_prompt_LDADD = libtestutil.a libtui.a liblesson.a libcmd.a \
	libchart.a libnn.a libutil.a $(CMOCKA_LIBS) $(LIBS)

check_PROGRAMS += tests/test-tui-draw
TESTS += tests/test-tui-draw
tests_test_tui_draw_SOURCES = tests/tui/test-draw.c
tests_test_tui_draw_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(NCURSESW_CFLAGS) \
	$(READLINE_CFLAGS)
tests_test_tui_draw_LDADD = libtestutil.a libtui.a libchart.a libutil.a \
	$(CMOCKA_LIBS) $(NCURSESW_LIBS) $(LIBS)

# End-to-end: the real binary in tmux (tests/tui/lessons is its fixture):
# the shell; a lesson's pages (charts, back, re-run, quiz feedback, try-it);
# the shipped lessons 0-4 in one shell against --batch; terminal sizes;
# the key model and resume; answers kept across shells and what finished
# means; classroom mode at 120x35 (tests/tui/present is its fixture); the
# chart pane following the reading on lesson 3.
TESTS += tests/tui/tui.sh tests/tui/pages.sh tests/tui/sequence.sh \
	tests/tui/term-size.sh tests/tui/terminals.sh tests/tui/training.sh \
	tests/tui/keys.sh tests/tui/resume.sh tests/tui/present.sh \
	tests/tui/prompt.sh tests/tui/charts.sh
EXTRA_DIST += tests/tui/tui.sh tests/tui/pages.sh tests/tui/sequence.sh \
	tests/tui/term-size.sh tests/tui/terminals.sh tests/tui/training.sh \
	tests/tui/keys.sh tests/tui/resume.sh tests/tui/present.sh \
	tests/tui/prompt.sh tests/tui/charts.sh \
	tests/tui/lib.sh \
	tests/tui/symbols/lessons/en/01-symbols.lesson \
	tests/tui/present/lessons/en/05-present.lesson \
	tests/tui/lessons/en/01-tui.lesson \
	tests/tui/lessons/en/03-second.lesson \
	tests/tui/lessons/en/04-pages.lesson
