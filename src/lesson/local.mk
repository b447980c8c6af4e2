# src/lesson/local.mk - the lesson layer (included by Makefile.am).
#
# liblesson.a: the lesson loader/validator, wrapping, the stepper, progress
# and the lesson entry points of the command line (--check, --batch, --list).

noinst_LIBRARIES += liblesson.a
liblesson_a_SOURCES = \
	src/lesson/lesson.h src/lesson/lesson-cli.h src/lesson/progress.h \
	src/lesson/lesson-view.h src/lesson/view.c \
	src/lesson/load.c src/lesson/wrap.c src/lesson/run.c \
	src/lesson/progress.c src/lesson/cli.c

LESSON_TEST_LIBS = libtestutil.a liblesson.a libcmd.a libchart.a libnn.a \
	libutil.a $(CMOCKA_LIBS) $(LIBS)

check_PROGRAMS += tests/test-lesson-load tests/test-lesson-wrap \
	tests/test-lesson-progress tests/test-lesson-run \
	tests/test-lesson-shipped tests/test-lesson-view
TESTS += tests/test-lesson-view
TESTS += tests/test-lesson-load tests/test-lesson-wrap \
	tests/test-lesson-progress tests/test-lesson-run \
	tests/test-lesson-shipped tests/lesson/lessons.sh \
	tests/lesson/seeds.sh tests/lesson/seeds-gate.sh tests/lesson/scale.sh

tests_test_lesson_load_SOURCES = tests/lesson/test-load.c
tests_test_lesson_load_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_lesson_load_LDADD = $(LESSON_TEST_LIBS)

tests_test_lesson_wrap_SOURCES = tests/lesson/test-wrap.c
tests_test_lesson_wrap_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_lesson_wrap_LDADD = $(LESSON_TEST_LIBS)

tests_test_lesson_progress_SOURCES = tests/lesson/test-progress.c
tests_test_lesson_progress_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_lesson_progress_LDADD = $(LESSON_TEST_LIBS)

tests_test_lesson_run_SOURCES = tests/lesson/test-run.c
tests_test_lesson_run_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_lesson_run_LDADD = $(LESSON_TEST_LIBS)

tests_test_lesson_view_SOURCES = tests/lesson/test-view.c
tests_test_lesson_view_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_lesson_view_LDADD = $(LESSON_TEST_LIBS)

tests_test_lesson_shipped_SOURCES = tests/lesson/test-shipped.c
tests_test_lesson_shipped_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_lesson_shipped_LDADD = $(LESSON_TEST_LIBS)

EXTRA_DIST += tests/lesson/lessons.sh tests/lesson/broken.lesson \
	tests/lesson/fails.lesson tests/lesson/seeds.sh tests/lesson/seeds.lesson \
	tests/lesson/seeds-gate.sh tests/lesson/scale.sh
