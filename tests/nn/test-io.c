/*
 * test-io.c - saving and loading networks: bit-exact round trips for every
 * layer kind (with batch-norm running statistics), embedding in a larger
 * stream, and line-numbered errors.
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

/* Same parameters, stats and config, bit for bit. */
static void
assert_same_net(struct nn_net *a, struct nn_net *b)
{
	int k, in, out;

	assert_int_equal(nn_net_nlayers(a), nn_net_nlayers(b));
	assert_memory_equal(nn_net_config(a), nn_net_config(b),
	    sizeof(struct nn_config));
	for (k = 0; k < nn_net_nlayers(a); k++) {
		double *wa = nn_net_weights(a, k, &in, &out);

		assert_memory_equal(wa, nn_net_weights(b, k, NULL, NULL),
		    (size_t)in * out * sizeof(double));
		assert_memory_equal(nn_net_biases(a, k), nn_net_biases(b, k),
		    (size_t)out * sizeof(double));
		if (nn_net_gamma(a, k) != NULL) {
			assert_memory_equal(nn_net_gamma(a, k),
			    nn_net_gamma(b, k), (size_t)out * sizeof(double));
			assert_memory_equal(nn_net_beta(a, k),
			    nn_net_beta(b, k), (size_t)out * sizeof(double));
		}
		if (nn_net_running_mean(a, k) != NULL) {
			assert_memory_equal(nn_net_running_mean(a, k),
			    nn_net_running_mean(b, k),
			    (size_t)out * sizeof(double));
			assert_memory_equal(nn_net_running_var(a, k),
			    nn_net_running_var(b, k),
			    (size_t)out * sizeof(double));
		}
	}
}

/* a saved to text (*text, the caller frees it) and loaded back. */
static struct nn_net *
reload(struct nn_net *a, char **text)
{
	char err[200];
	struct nn_net *b;

	*text = nn_net_save_string(a);
	b = nn_net_load_string(*text, "mem", err, sizeof err);
	if (b == NULL)
		fail_msg("%s", err);
	return b;
}

static void
round_trip(void **state)
{
	int norm;

	(void)state;
	for (norm = 0; norm < NN_NORM_COUNT; norm++) {
		struct nn_config c = nn_config_default();
		struct nn_dataset *d = nn_dataset_generate(NN_DS_MOONS, 60, 0.1,
		    3, NULL, 0);
		struct nn_net *a, *b;
		char *s1, *s2, err[200];
		double pa[60], pb[60];

		c.norm = norm;
		c.act = NN_ACT_LEAKY;
		c.leak = 0.1;
		c.dropout = 0.25;
		c.opt = NN_OPT_ADAM;
		c.lr = 0.01;
		c.reg = NN_REG_L1;
		c.lambda = 0.001;
		c.seed = 2147483647;	/* the largest seed */
		c.clip = 0.75;
		nn_config_for_task(&c, NN_TASK_CLASSIFICATION);
		a = nn_net_new("2-7-5-1", &c, err, sizeof err);
		assert_non_null(a);
		assert_int_equal(nn_train(a, d, NULL, 4, NULL, NULL, NULL, NULL,
		    NULL, 0), 0);
		b = reload(a, &s1);
		assert_same_net(a, b);
		s2 = nn_net_save_string(b);
		assert_string_equal(s1, s2);
		nn_net_predict(a, d->x, 60, pa);
		nn_net_predict(b, d->x, 60, pb);
		assert_memory_equal(pa, pb, sizeof pa);
		assert_int_equal(nn_net_history(b, NULL), 0);
		free(s1);
		free(s2);
		nn_net_free(a);
		nn_net_free(b);
		nn_dataset_free(d);
	}
}

/* A version 1 file (no keys of version 2) loads with their defaults;
 * this one is what the program wrote before version 2. */
static void
version_1_loads(void **state)
{
	static const char v1[] =
	    "regtutor-net 1\nspec 1-2-1\nact tanh\nleak 0.050000000000000003\n"
	    "out_act linear\ninit xavier\ninit_scale 0.10000000000000001\n"
	    "bias_init 0\nnorm none\ndropout 0\nloss mse\nreg none\n"
	    "lambda 0\nl1mode subgrad\nopt sgd\nlr 0.029999999999999999\n"
	    "momentum 0.90000000000000002\nbeta1 0.90000000000000002\n"
	    "beta2 0.999\nadam_eps 1e-08\nbatch 10\nepochs 100\n"
	    "early_stop 0\npatience 5\nmin_delta 0\nrestore_best 1\n"
	    "bn_momentum 0.10000000000000001\nnorm_eps 1.0000000000000001e-05\n"
	    "shuffle 1\nseed 1\nparam 0 W 2\n0.5 -0.25\nparam 0 b 2\n0 0\n"
	    "param 1 W 2\n1 2\nparam 1 b 1\n0.125\nend\n";
	struct nn_config c = nn_config_default();
	struct nn_net *net;
	char err[200], *s;

	(void)state;
	net = nn_net_load_string(v1, "v1", err, sizeof err);
	if (net == NULL)
		fail_msg("%s", err);
	c.loss_auto = 0;	/* a net's loss is the one it uses */
	assert_memory_equal(nn_net_config(net), &c, sizeof c);
	assert_true(nn_net_weights(net, 1, NULL, NULL)[1] == 2);
	s = nn_net_save_string(net);
	assert_non_null(strstr(s, "regtutor-net 2\n"));
	assert_non_null(strstr(s, "\nclip 0\n"));
	free(s);
	nn_net_free(net);
}

static void
embedded_in_stream(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_net *a = nn_net_new("3-2", &c, NULL, 0), *b;
	char *buf = NULL, line[64], err[200];
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	fputs("lab 1\n", f);
	assert_int_equal(nn_net_save(a, f), 0);
	fputs("after the net\n", f);
	fclose(f);
	f = fmemopen(buf, len, "r");
	assert_non_null(fgets(line, sizeof line, f));
	b = nn_net_load(f, "lab", 1, err, sizeof err);
	if (b == NULL)
		fail_msg("%s", err);
	assert_same_net(a, b);
	assert_non_null(fgets(line, sizeof line, f));
	assert_string_equal(line, "after the net\n");
	fclose(f);
	free(buf);
	nn_net_free(a);
	nn_net_free(b);
}

/* Replaces the first line starting with key in a saved net. */
static char *
edit(const char *saved, const char *key, const char *repl)
{
	const char *p = strstr(saved, key), *e;
	struct strbuf b;

	assert_non_null(p);
	e = strchr(p, '\n');
	strbuf_init(&b);
	strbuf_add(&b, saved, (size_t)(p - saved));
	strbuf_adds(&b, repl);
	strbuf_adds(&b, e);
	return strbuf_detach(&b);
}

static void
load_errors(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_net *a;
	char *s, *t, err[200];
	size_t i;
	static const struct {
		const char *key, *repl, *msg;
	} cases[] = {
		{ "regtutor-net", "regtutor-net 3", "f:1: unsupported format "
		    "version '3' (this program reads versions 1 to 2)" },
		{ "regtutor-net", "hello", "f:1: not a saved network: expected "
		    "'regtutor-net 2'" },
		{ "spec", "spec 2--1", "f:2: spec '2--1': empty layer size at "
		    "position 3" },
		{ "act ", "act swish", "f:6: act: unknown value 'swish' "
		    "(allowed: linear|sigmoid|tanh|relu|leaky|elu|softplus)" },
		{ "lambda", "lambda -2", "f:3: lambda: -2 is out of range "
		    "(allowed: a number >= 0 and <= 100)" },
		{ "lr ", "colour blue", "f:8: unknown setting 'colour'" },
		{ "param 0 W", "param 0 W 5", "f:35: layer 0 'W' has 5 values, "
		    "expected 4" },
		{ "param 0 b", "param 3 b 2", "f:37: layer 3 does not exist (0..0)" },
		{ "param 0 b", "param 0 gamma 2", "f:37: layer 0 has no 'gamma' "
		    "parameters" },
		{ "param 0 b", "param 0 W 4", "f:37: layer 0 'W' given twice" },
		{ "end", "# no end", "f:39: missing 'end' line" },
		{ "param 0 b", "param 0 b", "f:37: expected 'param LAYER NAME "
		    "COUNT'" },
	};

	(void)state;
	a = nn_net_new("2-2", &c, NULL, 0);
	s = nn_net_save_string(a);
	for (i = 0; i < COUNT(cases); i++) {
		struct nn_net *b;

		t = edit(s, cases[i].key, cases[i].repl);
		b = nn_net_load_string(t, "f", err, sizeof err);
		if (b != NULL)
			fail_msg("case %zu loaded", i);
		assert_string_equal(err, cases[i].msg);
		free(t);
	}
	/* a bad number inside a block */
	t = edit(s, "param 0 b 2\n", "param 0 b 2\n0.5 zz\n");
	assert_null(nn_net_load_string(t, "f", err, sizeof err));
	assert_string_equal(err, "f:38: 'zz' is not a number");
	free(t);
	t = edit(s, "param 0 b 2\n", "param 0 b 2\n0.5 1e400\n");
	assert_null(nn_net_load_string(t, "f", err, sizeof err));
	assert_string_equal(err, "f:38: '1e400' is out of range");
	free(t);
	assert_null(nn_net_load_string("", "f", err, sizeof err));
	assert_string_equal(err, "f:1: empty input");
	free(s);
	nn_net_free(a);
}

static void
diverged_net_saves(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_net *a = nn_net_new("2-2", &c, NULL, 0), *b;
	char *s;

	(void)state;
	nn_net_weights(a, 0, NULL, NULL)[1] = NAN;
	nn_net_weights(a, 0, NULL, NULL)[2] = -INFINITY;
	/* subnormals (strtod flags them ERANGE) come back exactly too */
	nn_net_weights(a, 0, NULL, NULL)[3] = 4.9406564584124654e-324;
	nn_net_biases(a, 0)[0] = -1e-310;
	b = reload(a, &s);
	assert_true(isnan(nn_net_weights(b, 0, NULL, NULL)[1]));
	assert_true(isinf(nn_net_weights(b, 0, NULL, NULL)[2]));
	assert_true(nn_net_weights(b, 0, NULL, NULL)[3] ==
	    4.9406564584124654e-324);
	assert_true(nn_net_biases(b, 0)[0] == -1e-310);
	free(s);
	nn_net_free(a);
	nn_net_free(b);
}

static void
history_csv(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = nn_dataset_generate(NN_DS_SINE, 10, 0, 1, NULL,
	    0);
	struct nn_net *a = nn_net_new("1-3-1", &c, NULL, 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int lines = 0;
	char *p;

	(void)state;
	assert_int_equal(nn_train(a, d, NULL, 3, NULL, NULL, NULL, NULL, NULL,
	    0), 0);
	assert_int_equal(nn_history_write_csv(a, f), 0);
	fclose(f);
	for (p = buf; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 4);
	assert_memory_equal(buf, "epoch,train_loss,val_loss,penalty,train_acc,"
	    "val_acc,lr\n1,", 52);
	free(buf);
	nn_net_free(a);
	nn_dataset_free(d);
}

/*
 * nn_net_set_history: a loaded net given the saved history continues where
 * the saved one stood (epoch numbers; the next run's best epoch as the
 * saved net's would be); bad rows are refused and change nothing.
 */
static void
set_history(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = nn_dataset_generate(NN_DS_SINE, 40, 0.3, 1, NULL,
	    0), *tr, *va;
	struct nn_net *a, *b;
	struct nn_train_result ra, rb;
	const struct nn_epoch *ha, *hb;
	struct nn_epoch bad[2];
	char *s, err[200];
	int na;

	(void)state;
	assert_int_equal(nn_dataset_split(d, 0.5, 2, &tr, &va, NULL, 0), 0);
	c.lr = 0.3;
	c.patience = 1000;
	a = nn_net_new("1-8-1", &c, NULL, 0);
	assert_int_equal(nn_train(a, tr, va, 30, NULL, NULL, NULL, &ra, NULL,
	    0), 0);
	na = nn_net_history(a, &ha);
	assert_int_equal(na, 30);
	b = reload(a, &s);
	assert_int_equal(nn_net_history(b, NULL), 0);
	assert_int_equal(nn_net_set_history(b, ha, na, err, sizeof err), 0);
	assert_int_equal(nn_net_history(b, &hb), na);
	assert_memory_equal(ha, hb, (size_t)na * sizeof *ha);
	/* the next epoch is numbered on, the best epoch is remembered */
	assert_int_equal(nn_train(a, tr, va, 1, NULL, NULL, NULL, &ra, NULL,
	    0), 0);
	assert_int_equal(nn_train(b, tr, va, 1, NULL, NULL, NULL, &rb, NULL,
	    0), 0);
	assert_int_equal(nn_net_history(b, &hb), 31);
	assert_int_equal(hb[30].epoch, 31);
	assert_int_equal(rb.best_epoch, ra.best_epoch);
	/* early stopping watches its own run: a one-epoch run's best is
	 * that epoch, numbered in the whole history */
	assert_int_equal(rb.best_epoch, 31);
	/* errors: epochs out of order, negative count; b is unchanged */
	memset(bad, 0, sizeof bad);
	bad[0].epoch = 1;
	bad[1].epoch = 3;
	assert_int_equal(nn_net_set_history(b, bad, 2, err, sizeof err), -1);
	assert_non_null(strstr(err, "epoch 3"));
	assert_int_equal(nn_net_set_history(b, bad, -1, err, sizeof err), -1);
	assert_int_equal(nn_net_history(b, NULL), 31);
	/* an empty history is the state of a new net */
	assert_int_equal(nn_net_set_history(b, NULL, 0, err, sizeof err), 0);
	assert_int_equal(nn_net_history(b, NULL), 0);
	free(s);
	nn_net_free(a);
	nn_net_free(b);
	nn_dataset_free(d);
	nn_dataset_free(tr);
	nn_dataset_free(va);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(version_1_loads),
		cmocka_unit_test(round_trip),
		cmocka_unit_test(embedded_in_stream),
		cmocka_unit_test(load_errors),
		cmocka_unit_test(diverged_net_saves),
		cmocka_unit_test(history_csv),
		cmocka_unit_test(set_history),
	};

	return cmocka_run_group_tests_name("nn/io", tests, NULL, NULL);
}
