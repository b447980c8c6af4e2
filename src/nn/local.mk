# src/nn/local.mk - the nn layer (included by Makefile.am).
noinst_LIBRARIES += libnn.a
libnn_a_SOURCES = src/nn/nn.h src/nn/nn-internal.h src/nn/core.c \
	src/nn/settings.c src/nn/act.c src/nn/loss.c src/nn/opt.c \
	src/nn/norm.c src/nn/net.c src/nn/train.c src/nn/data.c src/nn/diag.c \
	src/nn/io.c
libnn_a_SOURCES += src/nn/dense.c src/nn/dense-simd.h

# Tests: one cmocka binary per concern.
NN_TEST_LDADD = libtestutil.a libnn.a libutil.a $(CMOCKA_LIBS) $(LIBS)
check_PROGRAMS += tests/test-nn-grad
TESTS += tests/test-nn-grad
tests_test_nn_grad_SOURCES = tests/nn/test-grad.c
tests_test_nn_grad_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_nn_grad_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/test-nn-act
TESTS += tests/test-nn-act
tests_test_nn_act_SOURCES = tests/nn/test-act.c
tests_test_nn_act_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_nn_act_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/test-nn-train
TESTS += tests/test-nn-train
tests_test_nn_train_SOURCES = tests/nn/test-train.c
tests_test_nn_train_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_nn_train_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/test-nn-data tests/test-nn-io
TESTS += tests/test-nn-data tests/test-nn-io
tests_test_nn_data_SOURCES = tests/nn/test-data.c
tests_test_nn_data_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_nn_data_LDADD = $(NN_TEST_LDADD)
tests_test_nn_io_SOURCES = tests/nn/test-io.c
tests_test_nn_io_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_nn_io_LDADD = $(NN_TEST_LDADD)
check_PROGRAMS += tests/test-nn-dense
TESTS += tests/test-nn-dense
tests_test_nn_dense_SOURCES = tests/nn/test-dense.c
tests_test_nn_dense_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_nn_dense_LDADD = $(NN_TEST_LDADD)

# Benchmark (make bench): training examples per second, peak heap.
EXTRA_PROGRAMS += bench/bench-nn
BENCH_PROGS += bench/bench-nn
CLEANFILES += bench/bench-nn
bench_bench_nn_SOURCES = bench/bench-nn.c
bench_bench_nn_LDADD = libnn.a libutil.a $(LIBS)
