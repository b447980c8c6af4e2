# src/chart/local.mk - the chart layer (included by Makefile.am).
#
# libchart.a: a pure renderer from double arrays into a cell grid; no curses.

noinst_LIBRARIES += libchart.a
libchart_a_SOURCES = \
	src/chart/grid.c src/chart/grid.h \
	src/chart/chart.h src/chart/chart-int.h \
	src/chart/tiers.c src/chart/canvas.c src/chart/axis.c \
	src/chart/chart-line.c src/chart/chart-bars.c src/chart/chart-heat.c \
	src/chart/chart-big.c

# chart-demo: every sample chart in every tier (not installed).
noinst_PROGRAMS += chart-demo
chart_demo_SOURCES = src/chart/chart-demo.c src/chart/chart-samples.c \
	src/chart/chart-samples.h
chart_demo_LDADD = libchart.a libutil.a $(LIBS)

# -------------------------------------------------------------- tests
check_LIBRARIES += libchartcheck.a
libchartcheck_a_SOURCES = tests/chart/chart-check.c tests/chart/chart-check.h \
	src/chart/chart-samples.c src/chart/chart-samples.h

check_PROGRAMS += tests/test-chart-golden tests/test-chart-unit
TESTS += tests/test-chart-golden tests/test-chart-unit
tests_test_chart_golden_SOURCES = tests/chart/test-golden.c
tests_test_chart_golden_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_chart_golden_LDADD = libchartcheck.a libtestutil.a libchart.a \
	libutil.a $(CMOCKA_LIBS) $(LIBS)
tests_test_chart_unit_SOURCES = tests/chart/test-unit.c
tests_test_chart_unit_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_chart_unit_LDADD = libchartcheck.a libtestutil.a libchart.a \
	libutil.a $(CMOCKA_LIBS) $(LIBS)

# Benchmark (make bench): render times; target 80x24, 10k points < 1 ms.
EXTRA_PROGRAMS += bench/bench-chart
BENCH_PROGS += bench/bench-chart
CLEANFILES += bench/bench-chart
bench_bench_chart_SOURCES = bench/bench-chart.c
bench_bench_chart_LDADD = libchart.a libutil.a $(LIBS)
