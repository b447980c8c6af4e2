/*
 * test-act.c - the engine's kind tables.  Every activation exists twice,
 * as the scalar f, f' that "plot fn" draws and as the vector forward and
 * backward that training runs; here the two are compared on a grid of
 * inputs for several leaks, and the scalar derivative is checked against
 * central differences of the scalar value.  The loops run over every enum
 * value up to NN_ACT_COUNT, so a new activation is checked without a line
 * here.  Then every kind's table is complete (nn_kinds_check) and its
 * names round-trip.
 */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "nn/nn-internal.h"
#include "util/util.h"
#include "../testutil.h"

static const double leaks[] = { 0, 0.05, 0.3, 0.99 };

/* The grid: -8..8 in steps of 1/16 (0 included), and far-out values. */
static int
grid(double *x, int cap)
{
	static const double far[] = { -800, -40, -20, 20, 40, 800, 1e-12,
	    -1e-12 };
	int n = 0, i;

	for (i = -128; i <= 128 && n < cap; i++)
		x[n++] = i / 16.0;
	for (i = 0; i < (int)COUNT(far) && n < cap; i++)
		x[n++] = far[i];
	return n;
}

/* |a - b| within tol relative to the larger magnitude (or 1). */
static void
expect_close(const char *what, int act, double leak, double x, double a,
    double b, double tol)
{
	if (!test_close(a, b, tol))
		fail_msg("%s of %s (leak %g) at x = %.17g: %.17g vs %.17g", what,
		    nn_act_name(act), leak, x, a, b);
}

/*
 * Forward: h[i] = f(x[i]) by the vector path, into a separate buffer and
 * in place.  Backward: du[i] = dh[i] f'(x[i]) for arbitrary dh, into a
 * separate buffer and in place (du = dh, as training calls it).
 */
static void
scalar_and_vector_agree(void **state)
{
	double x[300], h[300], hin[300], dh[300], du[300], dui[300];
	int n = grid(x, (int)COUNT(x)), act, i;
	size_t li;

	(void)state;
	for (act = 0; act < NN_ACT_COUNT; act++)
		for (li = 0; li < COUNT(leaks); li++) {
			double leak = leaks[li];

			memcpy(hin, x, sizeof x);
			nn__act_forward(h, x, n, act, leak);
			nn__act_forward(hin, hin, n, act, leak);
			for (i = 0; i < n; i++) {
				double f, df;

				nn_act_eval(act, leak, x[i], &f, &df);
				assert_true(isfinite(f) && isfinite(df));
				expect_close("forward", act, leak, x[i], h[i], f,
				    1e-13);
				expect_close("forward in place", act, leak,
				    x[i], hin[i], h[i], 0);
				/* a gradient arriving from above */
				dh[i] = 1.5 * sin(3.0 * i) - 0.2;
			}
			memcpy(dui, dh, sizeof dh);
			nn__act_backward(du, dh, x, h, n, act, leak);
			nn__act_backward(dui, dui, x, h, n, act, leak);
			for (i = 0; i < n; i++) {
				double df;

				nn_act_eval(act, leak, x[i], NULL, &df);
				expect_close("backward", act, leak, x[i], du[i],
				    dh[i] * df, 1e-12);
				expect_close("backward in place", act, leak,
				    x[i], dui[i], du[i], 0);
			}
		}
}

/*
 * f'(x) against (f(x + e) - f(x - e)) / 2e, away from 0 where relu,
 * leaky and elu have a kink.  Not trivially: every activation must have a
 * derivative of at least 0.01 somewhere on the grid.
 */
static void
scalar_derivative_is_the_slope(void **state)
{
	const double e = 1e-5;
	double x[300];
	int n = grid(x, (int)COUNT(x)), act, i;
	size_t li;

	(void)state;
	for (act = 0; act < NN_ACT_COUNT; act++)
		for (li = 0; li < COUNT(leaks); li++) {
			double leak = leaks[li], big = 0;

			for (i = 0; i < n; i++) {
				double fp, fm, df, num;

				if (fabs(x[i]) < 2 * e || fabs(x[i]) > 50)
					continue;
				nn_act_eval(act, leak, x[i] + e, &fp, NULL);
				nn_act_eval(act, leak, x[i] - e, &fm, NULL);
				nn_act_eval(act, leak, x[i], NULL, &df);
				num = (fp - fm) / (2 * e);
				expect_close("derivative", act, leak, x[i], df,
				    num, 1e-6);
				if (fabs(df) > big)
					big = fabs(df);
			}
			if (!(big >= 0.01))
				fail_msg("%s: derivative never above 0.01",
				    nn_act_name(act));
		}
}

/* Every kind's names: k = 0.. until NULL gives COUNT distinct names, each
 * found again by from_name; unknown names are -1. */
static void
check_names(const char *(*name)(int), int (*from)(const char *), int count)
{
	int k, j;

	for (k = 0; k < count; k++) {
		assert_non_null(name(k));
		assert_int_equal(from(name(k)), k);
		for (j = 0; j < k; j++)
			assert_string_not_equal(name(j), name(k));
	}
	assert_null(name(count));
	assert_null(name(-1));
	assert_int_equal(from("no-such-kind"), -1);
	assert_int_equal(from(NULL), -1);
}

static void
tables_are_complete(void **state)
{
	char err[200];

	(void)state;
	assert_int_equal(nn_kinds_check(err, sizeof err), 0);
	check_names(nn_act_name, nn_act_from_name, NN_ACT_COUNT);
	check_names(nn_init_name, nn_init_from_name, NN_INIT_COUNT);
	check_names(nn_loss_name, nn_loss_from_name, NN_LOSS_COUNT);
	check_names(nn_reg_name, nn_reg_from_name, NN_REG_COUNT);
	check_names(nn_opt_name, nn_opt_from_name, NN_OPT_COUNT);
	check_names(nn_norm_name, nn_norm_from_name, NN_NORM_COUNT);
	check_names(nn_dataset_kind_name, nn_dataset_kind_from_name,
	    NN_DS_COUNT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scalar_and_vector_agree),
		cmocka_unit_test(scalar_derivative_is_the_slope),
		cmocka_unit_test(tables_are_complete),
	};

	return cmocka_run_group_tests_name("nn/act", tests, NULL, NULL);
}
