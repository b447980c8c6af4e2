/*
 * test-data.c - generators (shape, balance, determinism), splits, the CSV
 * loader's errors and round trip, spec parsing, config keys and name tables.
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

#include "nn/nn.h"
#include "util/util.h"
#include "../testutil.h"

static void
generators(void **state)
{
	int k;

	(void)state;
	for (k = 0; k < NN_DS_COUNT; k++) {
		struct nn_dataset *a, *b;
		int i, ones = 0;

		a = nn_dataset_generate(k, 101, 0.1, 5, NULL, 0);
		b = nn_dataset_generate(k, 101, 0.1, 5, NULL, 0);
		assert_non_null(a);
		assert_int_equal(a->n, 101);
		assert_int_equal(a->nout, 1);
		assert_memory_equal(a->x, b->x, 101 * a->nin * sizeof(double));
		assert_memory_equal(a->y, b->y, 101 * sizeof(double));
		if (k == NN_DS_POLY || k == NN_DS_SINE) {
			assert_int_equal(a->nin, 1);
			assert_int_equal(a->task, NN_TASK_REGRESSION);
		} else {
			assert_int_equal(a->nin, 2);
			assert_int_equal(a->task, NN_TASK_CLASSIFICATION);
			for (i = 0; i < 101; i++) {
				assert_true(a->y[i] == 0 || a->y[i] == 1);
				ones += a->y[i] == 1;
				assert_true(fabs(a->x[2 * i]) < 2);
			}
			assert_int_equal(ones, 50);
		}
		for (i = 0; i < 101 * a->nin; i++)
			assert_true(isfinite(a->x[i]));
		nn_dataset_free(b);
		b = nn_dataset_generate(k, 101, 0.1, 6, NULL, 0);
		assert_true(memcmp(a->x, b->x, 101 * a->nin *
		    sizeof(double)) != 0);
		nn_dataset_free(a);
		nn_dataset_free(b);
	}
}

static void
generator_errors(void **state)
{
	char err[200];

	(void)state;
	assert_null(nn_dataset_generate(NN_DS_XOR, 0, 0.1, 1, err, sizeof err));
	assert_non_null(strstr(err, "size"));
	assert_null(nn_dataset_generate(NN_DS_XOR, 10, -1, 1, err, sizeof err));
	assert_non_null(strstr(err, "noise"));
	assert_null(nn_dataset_generate(NN_DS_COUNT, 10, 0, 1, err, sizeof err));
}

static void
split(void **state)
{
	struct nn_dataset *d = nn_dataset_generate(NN_DS_SINE, 10, 0, 1, NULL,
	    0), *t1, *v1, *t2, *v2;
	double s = 0;
	int i;

	(void)state;
	assert_int_equal(nn_dataset_split(d, 0.7, 3, &t1, &v1, NULL, 0), 0);
	assert_int_equal(nn_dataset_split(d, 0.7, 3, &t2, &v2, NULL, 0), 0);
	assert_int_equal(t1->n, 7);
	assert_int_equal(v1->n, 3);
	assert_memory_equal(t1->x, t2->x, 7 * sizeof(double));
	assert_memory_equal(v1->y, v2->y, 3 * sizeof(double));
	/* a permutation: nothing lost, nothing doubled */
	for (i = 0; i < 7; i++)
		s += t1->x[i];
	for (i = 0; i < 3; i++)
		s += v1->x[i];
	for (i = 0; i < 10; i++)
		s -= d->x[i];
	assert_close(s, 0, 1e-12);
	nn_dataset_free(t2);
	nn_dataset_free(v2);
	assert_int_equal(nn_dataset_split(d, 1, 3, &t2, &v2, NULL, 0), 0);
	assert_int_equal(v2->n, 0);
	assert_int_equal(nn_dataset_split(d, 0, 3, &t2, &v2, NULL, 0), -1);
	nn_dataset_free(t2);
	nn_dataset_free(v2);
	nn_dataset_free(t1);
	nn_dataset_free(v1);
	nn_dataset_free(d);
}

static struct nn_dataset *
csv(const char *text, char *err, size_t errlen)
{
	FILE *f = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	struct nn_dataset *d;

	assert_non_null(f);
	d = nn_dataset_read_csv(f, "t.csv", err, errlen);
	fclose(f);
	return d;
}

static void
csv_good(void **state)
{
	char err[200];
	struct nn_dataset *d;

	(void)state;
	d = csv("# comment\nx1, x2 ,label\r\n\n0.5,1,1\r\n-2, 3e-1 ,0\n", err,
	    sizeof err);
	if (d == NULL)
		fail_msg("%s", err);
	assert_int_equal(d->n, 2);
	assert_int_equal(d->nin, 2);
	assert_int_equal(d->task, NN_TASK_CLASSIFICATION);
	assert_close(d->x[3], 0.3, 0);
	assert_close(d->y[1], 0, 0);
	nn_dataset_free(d);
	d = csv("1,2.5\n2,3.5\n", err, sizeof err);
	assert_non_null(d);
	assert_int_equal(d->task, NN_TASK_REGRESSION);
	assert_int_equal(d->nin, 1);
	nn_dataset_free(d);
	/* a byte order mark before a first row of numbers: the row is data */
	d = csv("\xef\xbb\xbf" "1,2.5\n2,3.5\n", err, sizeof err);
	if (d == NULL)
		fail_msg("%s", err);
	assert_int_equal(d->n, 2);
	assert_close(d->x[0], 1, 0);
	nn_dataset_free(d);
	/* ... and before a header: the header still is one */
	d = csv("\xef\xbb\xbf" "x,y\n2,3.5\n", err, sizeof err);
	assert_non_null(d);
	assert_int_equal(d->n, 1);
	nn_dataset_free(d);
}

static void
csv_errors(void **state)
{
	static const struct {
		const char *text, *msg;
	} cases[] = {
		{ "a,b\n1,2\n3,x\n", "t.csv:3:3: 'x' is not a finite number" },
		{ "1,2,3\n4,5\n", "t.csv:2:4: 2 fields, expected 3" },
		{ "1,2\n4,5,6\n", "t.csv:2:5: 3 fields, expected 2" },
		{ "1,2,3\n4,,6\n", "t.csv:2:3: empty field" },
		{ "x,y\n# nothing\n", "t.csv: no data rows" },
		{ "", "t.csv: no data rows" },
		{ "1\n2\n", "t.csv:1:1: need at least 2 columns (inputs, then the "
		    "target)" },
		{ "1,2\n1,1e400\n", "t.csv:2:3: '1e400' is not a finite number" },
		{ "1,2\n  1 , nan\n", "t.csv:2:7: 'nan' is not a finite number" },
	};

	char wide[2 * 258 + 2], err[200] = "";
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		err[0] = '\0';
		assert_null(csv(cases[i].text, err, sizeof err));
		assert_string_equal(err, cases[i].msg);
	}
	/* 258 fields "1,": the column named is the first one too many */
	for (i = 0; i < 258; i++)
		memcpy(wide + 2 * i, "1,", 2);
	memcpy(wide + 2 * 258 - 1, "\n", 2);
	assert_null(csv(wide, err, sizeof err));
	assert_string_equal(err, "t.csv:1:515: too many columns (at most 257)");
}

static void
csv_round_trip(void **state)
{
	struct nn_dataset *d = nn_dataset_generate(NN_DS_SPIRAL, 30, 0.2, 8,
	    NULL, 0), *e;
	char *buf = NULL, err[200];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	assert_int_equal(nn_dataset_write_csv(d, f), 0);
	fclose(f);
	assert_memory_equal(buf, "x1,x2,y\n", 8);
	e = csv(buf, err, sizeof err);
	assert_non_null(e);
	assert_int_equal(e->n, 30);
	assert_int_equal(e->task, NN_TASK_CLASSIFICATION);
	assert_memory_equal(d->x, e->x, 60 * sizeof(double));
	assert_memory_equal(d->y, e->y, 30 * sizeof(double));
	free(buf);
	nn_dataset_free(d);
	nn_dataset_free(e);
}

static void
spec_parsing(void **state)
{
	static const struct {
		const char *spec, *msg;
	} bad[] = {
		{ "2--3", "spec '2--3': empty layer size at position 3" },
		{ "0-1", "spec '0-1': layer 1 has 0 units" },
		{ "2-", "spec '2-': empty layer size at position 3" },
		{ "2", "spec '2': need at least inputs and outputs, e.g. 2-1" },
		{ "2-x", "spec '2-x': 'x' at position 3 is not a digit" },
		{ "2-8 ", "spec '2-8 ': ' ' at position 4 is not a digit or '-'" },
		{ "2-257-1", "spec '2-257-1': layer 2 is wider than 256 units" },
		{ "2-99999999999999999999-1",
		    "spec '2-99999999999999999999-1': layer 2 is wider than 256 "
		    "units" },
		{ "1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1",
		    "spec '1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1': more than 16 "
		    "layers (at most 17 numbers)" },
		{ "", "empty network spec (expected e.g. 2-16-1)" },
	};
	int sizes[NN_MAX_LAYERS + 1], n;
	char err[200];
	size_t i;

	(void)state;
	assert_int_equal(nn_spec_parse("2-16-16-1", sizes, &n, err, sizeof err),
	    0);
	assert_int_equal(n, 4);
	assert_int_equal(sizes[1], 16);
	for (i = 0; i < COUNT(bad); i++) {
		assert_int_equal(nn_spec_parse(bad[i].spec, sizes, &n, err,
		    sizeof err), -1);
		assert_string_equal(err, bad[i].msg);
	}
}

static void
config_keys(void **state)
{
	struct nn_config c = nn_config_default(), d;
	char buf[64], err[200];
	const char *k;
	int i;

	(void)state;
	assert_int_equal(nn_config_check(&c, err, sizeof err), 0);
	/* every key reads back what it wrote */
	for (i = 0; (k = nn_config_key(i)) != NULL; i++) {
		d = nn_config_default();
		assert_int_equal(nn_config_get(&c, k, buf, sizeof buf), 0);
		assert_int_equal(nn_config_set(&d, k, buf, err, sizeof err), 0);
		assert_memory_equal(&c, &d, sizeof c);
	}
	assert_int_equal(i, 32);
	assert_int_equal(nn_config_set(&c, "lambda", "0.01", err, sizeof err),
	    0);
	assert_close(c.lambda, 0.01, 0);
	assert_int_equal(nn_config_set(&c, "act", "relu", err, sizeof err), 0);
	assert_int_equal(c.act, NN_ACT_RELU);
	assert_int_equal(nn_config_set(&c, "early_stop", "on", err, sizeof err),
	    0);
	assert_int_equal(c.early_stop, 1);
	d = c;
	assert_int_equal(nn_config_set(&c, "act", "relux", err, sizeof err), -1);
	assert_string_equal(err, "act: unknown value 'relux'; did you mean "
	    "'relu'? (allowed: linear|sigmoid|tanh|relu|leaky|elu|softplus)");
	assert_int_equal(nn_config_set(&c, "lambda", "-1", err, sizeof err), -1);
	assert_string_equal(err, "lambda: -1 is out of range (allowed: a "
	    "number >= 0 and <= 100)");
	assert_int_equal(nn_config_set(&c, "dropout", "1", err, sizeof err), -1);
	assert_string_equal(err, "dropout: 1 is out of range (allowed: a "
	    "number >= 0 and <= 0.95)");
	assert_int_equal(nn_config_set(&c, "batch", "0", err, sizeof err), -1);
	assert_string_equal(err, "batch: 0 is out of range (allowed: an "
	    "integer from 1 to 1024)");
	assert_int_equal(nn_config_set(&c, "lr", "abc", err, sizeof err), -1);
	assert_string_equal(err, "lr: 'abc' is not a finite number (allowed: "
	    "a number > 0 and <= 10)");
	assert_int_equal(nn_config_set(&c, "seed", "-3", err, sizeof err), -1);
	assert_int_equal(nn_config_set(&c, "nope", "1", err, sizeof err), -1);
	assert_string_equal(err, "unknown setting 'nope'");
	assert_memory_equal(&c, &d, sizeof c);	/* unchanged by failures */
	assert_int_equal(nn_config_get(&c, "nope", buf, sizeof buf), -1);
	c.loss = NN_LOSS_BCE;
	c.loss_auto = 0;
	c.out_act = NN_ACT_SIGMOID;
	assert_int_equal(nn_config_check(&c, err, sizeof err), -1);
	assert_non_null(strstr(err, "logits"));
}

static void
name_tables(void **state)
{
	int k;

	(void)state;
	for (k = 0; k < NN_ACT_COUNT; k++)
		assert_int_equal(nn_act_from_name(nn_act_name(k)), k);
	for (k = 0; k < NN_DS_COUNT; k++)
		assert_int_equal(nn_dataset_kind_from_name(
		    nn_dataset_kind_name(k)), k);
	assert_int_equal(nn_opt_from_name("adam"), NN_OPT_ADAM);
	assert_int_equal(nn_norm_from_name("layer"), NN_NORM_LAYER);
	assert_int_equal(nn_reg_from_name("l2"), NN_REG_L2);
	assert_int_equal(nn_l1mode_from_name("prox"), NN_L1_PROX);
	assert_int_equal(nn_loss_from_name("bce"), NN_LOSS_BCE);
	assert_int_equal(nn_init_from_name("he"), NN_INIT_HE);
	assert_int_equal(nn_act_from_name("Tanh"), -1);
	assert_int_equal(nn_act_from_name(NULL), -1);
	assert_null(nn_act_name(NN_ACT_COUNT));
	assert_null(nn_act_name(-1));
	assert_string_equal(nn_task_name(NN_TASK_CLASSIFICATION),
	    "classification");
}

static void
rng(void **state)
{
	struct nn_rng a, b;
	double s = 0, s2 = 0;
	int i, perm[10], seen = 0;

	(void)state;
	nn_rng_seed(&a, 1);
	nn_rng_seed(&b, 1);
	for (i = 0; i < 100; i++)
		assert_true(nn_rng_next(&a) == nn_rng_next(&b));
	for (i = 0; i < 20000; i++) {
		double z = nn_rng_normal(&a);

		s += z;
		s2 += z * z;
	}
	assert_close(s / 20000, 0, 0.03);
	assert_close(s2 / 20000, 1, 0.05);
	for (i = 0; i < 10; i++)
		perm[i] = i;
	nn_rng_shuffle(&a, perm, 10);
	for (i = 0; i < 10; i++)
		seen |= 1 << perm[i];
	assert_int_equal(seen, 1023);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(generators),
		cmocka_unit_test(generator_errors),
		cmocka_unit_test(split),
		cmocka_unit_test(csv_good),
		cmocka_unit_test(csv_errors),
		cmocka_unit_test(csv_round_trip),
		cmocka_unit_test(spec_parsing),
		cmocka_unit_test(config_keys),
		cmocka_unit_test(name_tables),
		cmocka_unit_test(rng),
	};

	return cmocka_run_group_tests_name("nn/data", tests, NULL, NULL);
}
