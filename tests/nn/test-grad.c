/*
 * test-grad.c - the engine's calculus against central differences: every
 * activation, every loss, both penalties, batch and layer norm in training
 * mode, dropout with a fixed mask, clipping by global norm.  Each check
 * also insists that the gradient is not trivially zero (genann's guard).
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

#define NTRAIN 7	/* the "n" of the penalties */

/* L0 + penalty of a forward pass that reuses the dropout masks. */
static double
total_loss(struct nn_net *net, const double *x, const double *y, int B)
{
	nn__forward(net, x, B, NN_FW_TRAIN | NN_FW_KEEPMASK);
	return nn__loss(net, y, B) + nn__penalty(net, NTRAIN);
}

/*
 * Builds spec with c, draws B random rows (targets in (0,1) so every loss
 * makes sense), and compares dL/dp for every parameter with
 * (L(p+h) - L(p-h)) / 2h.
 */
static void
gradcheck_clip(const char *spec, const struct nn_config *c, int B,
    double clip_frac);

static void
gradcheck(const char *spec, const struct nn_config *c, int B)
{
	gradcheck_clip(spec, c, B, 0);
}

/*
 * gradcheck() of the gradient as the update sees it after clipping by
 * global norm: with clip_frac > 0 the clip is clip_frac times the norm N
 * of the numeric gradient, and every clipped component must equal the
 * numeric one times min(1, clip / N).
 */
static void
gradcheck_clip(const char *spec, const struct nn_config *c, int B,
    double clip_frac)
{
	char err[200];
	struct nn_net *net = nn_net_new(spec, c, err, sizeof err);
	struct nn_rng r;
	double *x, *y, *g, *num, gmax = 0, nsq = 0, scale = 1;
	long i, nonzero = 0;
	int nin, nout, k, j;
	const double h = 1e-6;

	if (net == NULL)
		fail_msg("%s", err);
	nin = nn_net_nin(net);
	nout = nn_net_nout(net);
	nn_rng_seed(&r, 42);
	x = xmalloc((size_t)B * nin * sizeof *x);
	y = xmalloc((size_t)B * nout * sizeof *y);
	for (i = 0; i < (long)B * nin; i++)
		x[i] = 2 * nn_rng_uniform(&r) - 1;
	for (i = 0; i < (long)B * nout; i++)
		y[i] = c->loss == NN_LOSS_BCE ? (double)(nn_rng_uniform(&r) < 0.5)
		    : nn_rng_uniform(&r);
	/* biases and gains off their defaults, so every term matters */
	for (i = 0; i < net->np; i++)
		if (net->p[i] == 0 || net->p[i] == 1)
			net->p[i] += 0.3 * (2 * nn_rng_uniform(&r) - 1);
	/* running statistics too: with their defaults 0 and 1 the scale of
	 * a batch of one is 1/sqrt(1 + eps), and a backward pass that left
	 * it out would pass unnoticed */
	for (k = 0; k < net->nl; k++) {
		double *rm = nn_net_running_mean(net, k);
		double *rv = nn_net_running_var(net, k);

		for (j = 0; rm != NULL && j < net->L[k].out; j++) {
			rm[j] = 0.5 * (2 * nn_rng_uniform(&r) - 1);
			rv[j] = 0.5 + 1.5 * nn_rng_uniform(&r);
		}
	}
	nn__forward(net, x, B, NN_FW_TRAIN | NN_FW_DROPOUT);
	nn__backward(net, x, y, B, NTRAIN);
	g = xmalloc((size_t)net->np * sizeof *g);
	num = xmalloc((size_t)net->np * sizeof *num);
	for (i = 0; i < net->np; i++) {
		double keep = net->p[i], lp, lm;

		net->p[i] = keep + h;
		lp = total_loss(net, x, y, B);
		net->p[i] = keep - h;
		lm = total_loss(net, x, y, B);
		net->p[i] = keep;
		num[i] = (lp - lm) / (2 * h);
		nsq += num[i] * num[i];
	}
	if (clip_frac > 0) {
		double n;

		net->cfg.clip = clip_frac * sqrt(nsq);
		n = nn__clip(net);
		assert_close(n, sqrt(nsq), 1e-7 * (1 + n));
		scale = clip_frac < 1 ? clip_frac : 1;
	}
	memcpy(g, net->g, (size_t)net->np * sizeof *g);
	for (i = 0; i < net->np; i++) {
		double want = num[i] * scale;

		/* the differences agree to about 1e-9 here; 1e-7 leaves room
		 * yet catches a factor off by 1e-6 (such as 1/sqrt(1 + eps)) */
		if (fabs(g[i] - want) > 1e-7 * (1 + fabs(want)))
			fail_msg("%s act %s norm %s loss %s reg %s clip %g: "
			    "param %ld: analytic %.10g numeric %.10g", spec,
			    nn_act_name(c->act), nn_norm_name(c->norm),
			    nn_loss_name(c->loss), nn_reg_name(c->reg),
			    net->cfg.clip, i, g[i], want);
		if (fabs(g[i]) > gmax)
			gmax = fabs(g[i]);
		nonzero += g[i] != 0;
	}
	/* guard: a gradient of zeros would pass trivially */
	assert_true(gmax > 1e-4);
	assert_true(nonzero > net->np / 3);
	free(num);
	free(g);
	free(x);
	free(y);
	nn_net_free(net);
}

static void
every_activation(void **state)
{
	struct nn_config c = nn_config_default();
	int a;

	(void)state;
	for (a = 0; a < NN_ACT_COUNT; a++) {
		c.act = a;
		c.leak = 0.05;
		gradcheck("3-5-4-2", &c, 6);
	}
}

static void
output_activations(void **state)
{
	struct nn_config c = nn_config_default();
	int a;

	(void)state;
	c.act = NN_ACT_TANH;
	for (a = 0; a < NN_ACT_COUNT; a++) {
		if (a == NN_ACT_RELU)
			continue;	/* dead outputs would trip the guard */
		c.out_act = a;
		gradcheck("2-4-3", &c, 5);
	}
}

static void
every_loss(void **state)
{
	struct nn_config c = nn_config_default();

	(void)state;
	c.act = NN_ACT_SIGMOID;
	c.loss = NN_LOSS_MSE;
	gradcheck("2-6-1", &c, 8);
	c.loss = NN_LOSS_MAE;
	gradcheck("2-6-2", &c, 8);
	c.loss = NN_LOSS_BCE;
	gradcheck("2-6-1", &c, 8);
	c.out_act = NN_ACT_SIGMOID;
	c.loss = NN_LOSS_MSE;
	gradcheck("2-6-1", &c, 8);
}

static void
both_penalties(void **state)
{
	struct nn_config c = nn_config_default();

	(void)state;
	c.lambda = 0.7;
	c.reg = NN_REG_L2;
	gradcheck("3-4-4-1", &c, 4);
	c.reg = NN_REG_L1;
	c.l1mode = NN_L1_SUBGRAD;
	gradcheck("3-4-4-1", &c, 4);
	c.act = NN_ACT_RELU;
	c.reg = NN_REG_L2;
	c.lambda = 3;
	gradcheck("2-8-1", &c, 5);
}

static void
batch_norm_training(void **state)
{
	struct nn_config c = nn_config_default();
	int a;

	(void)state;
	c.norm = NN_NORM_BATCH;
	for (a = 0; a < NN_ACT_COUNT; a++) {
		c.act = a;
		gradcheck("3-5-4-2", &c, 7);
	}
	/* a batch of one falls back to the running statistics */
	c.act = NN_ACT_TANH;
	gradcheck("3-5-4-2", &c, 1);
}

static void
layer_norm(void **state)
{
	struct nn_config c = nn_config_default();
	int a;

	(void)state;
	c.norm = NN_NORM_LAYER;
	for (a = 0; a < NN_ACT_COUNT; a++) {
		c.act = a;
		gradcheck("3-5-4-2", &c, 3);
	}
	gradcheck("3-5-4-2", &c, 1);
}

static void
dropout_fixed_mask(void **state)
{
	struct nn_config c = nn_config_default();

	(void)state;
	c.dropout = 0.3;
	gradcheck("3-6-6-1", &c, 6);
	c.norm = NN_NORM_BATCH;
	c.act = NN_ACT_ELU;
	c.reg = NN_REG_L2;
	c.lambda = 0.2;
	gradcheck("3-6-6-1", &c, 6);
	c.norm = NN_NORM_LAYER;
	c.loss = NN_LOSS_BCE;
	c.reg = NN_REG_L1;
	gradcheck("3-6-6-1", &c, 6);
}

/* Inverted dropout: in training each hidden output is dropped (0) or kept
 * and scaled by 1/(1-p), at about the rate p; in evaluation it is the
 * identity.  (The gradient check above cannot see the scale: it reuses the
 * masks it is given.) */
static void
dropout_is_inverted(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_net *net, *plain;
	double x[40 * 2], o[40], q[40];
	const double keep = 1.0 / (1.0 - 0.4);
	struct nn_rng r;
	long i, n = 40L * 50, zeros = 0;
	int k;

	(void)state;
	c.dropout = 0.4;
	net = nn_net_new("2-50-50-1", &c, NULL, 0);
	assert_non_null(net);
	nn_rng_seed(&r, 5);
	for (i = 0; i < 80; i++)
		x[i] = 2 * nn_rng_uniform(&r) - 1;
	nn__forward(net, x, 40, NN_FW_TRAIN | NN_FW_DROPOUT);
	for (k = 0; k < 2; k++) {
		const struct nn_layer *l = &net->L[k];

		assert_ptr_equal(l->outp, l->a);
		for (i = 0; i < n; i++) {
			assert_true(l->mask[i] == 0 || l->mask[i] == keep);
			assert_true(l->a[i] == l->h[i] * l->mask[i]);
			zeros += l->mask[i] == 0;
		}
	}
	assert_in_range(zeros, (long)(0.35 * 2 * n), (long)(0.45 * 2 * n));
	/* evaluation: the same outputs as the net without dropout */
	c.dropout = 0;
	plain = nn_net_copy(net);
	assert_int_equal(nn_net_set_config(plain, &c, NULL, 0), 0);
	nn_net_predict(net, x, 40, o);
	nn_net_predict(plain, x, 40, q);
	assert_memory_equal(o, q, sizeof o);
	nn_net_free(plain);
	nn_net_free(net);
}

/* Clipping by global norm: the clipped gradient is the numeric one
 * scaled by clip / N when N > clip, and untouched when N <= clip; with
 * a penalty and normalization (whose gains are clipped too). */
static void
clipping(void **state)
{
	struct nn_config c = nn_config_default();

	(void)state;
	gradcheck_clip("3-5-4-2", &c, 6, 0.25);
	gradcheck_clip("3-5-4-2", &c, 6, 2);
	c.reg = NN_REG_L2;
	c.lambda = 0.5;
	c.norm = NN_NORM_BATCH;
	gradcheck_clip("3-5-4-2", &c, 6, 0.1);
	c.norm = NN_NORM_LAYER;
	c.dropout = 0.3;
	gradcheck_clip("3-6-6-1", &c, 6, 0.5);
}

/* Residual blocks: every hidden layer as wide as its input adds it to
 * its output; the skip's gradient (identity) joins the block's, through
 * every activation, both norms, dropout, a penalty and clipping, and
 * around the first layer too (2-2-1). */
static void
skip_connections(void **state)
{
	struct nn_config c = nn_config_default();
	int a;

	(void)state;
	c.skip = 1;
	for (a = 0; a < NN_ACT_COUNT; a++) {
		c.act = a;
		gradcheck("3-4-4-4-2", &c, 5);
	}
	c.act = NN_ACT_TANH;
	gradcheck("3-5-5-2-2-1", &c, 4);	/* a block, then none */
	gradcheck("2-2-1", &c, 4);
	c.norm = NN_NORM_BATCH;
	gradcheck("3-4-4-4-2", &c, 6);
	c.norm = NN_NORM_LAYER;
	c.dropout = 0.3;
	c.reg = NN_REG_L2;
	c.lambda = 0.4;
	gradcheck("3-6-6-6-1", &c, 6);
	gradcheck_clip("3-6-6-6-1", &c, 6, 0.3);
}

/* The full-batch gradient API agrees with the internal pair. */
static void
full_batch_gradient(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = nn_dataset_generate(NN_DS_CIRCLE, 20, 0.1, 3,
	    NULL, 0);
	struct nn_net *net = nn_net_new("2-4-1", &c, NULL, 0);
	struct nn_layer_stats st[2];
	double before[8];

	(void)state;
	assert_non_null(d);
	assert_non_null(net);
	memcpy(before, nn_net_weights(net, 0, NULL, NULL), sizeof before);
	assert_int_equal(nn_net_stats(net, NULL, st, NULL, 0), 0);
	assert_true(isnan(st[0].grad_norm));
	assert_true(isnan(nn_net_grad_norm(net)));
	assert_int_equal(nn_net_gradients(net, d, NULL, 0), 0);
	{
		/* the global norm: every parameter, biases included */
		double sq = 0;

		for (long i = 0; i < net->np; i++)
			sq += net->g[i] * net->g[i];
		assert_true(net->np > net->nw);
		assert_close(nn_net_grad_norm(net), sqrt(sq), 1e-15);
	}
	/* no update happened */
	assert_memory_equal(before, nn_net_weights(net, 0, NULL, NULL),
	    sizeof before);
	assert_int_equal(nn_net_stats(net, d, st, NULL, 0), 0);
	assert_true(st[0].grad_norm > 0);
	assert_true(st[1].grad_norm > 0);
	assert_true(isnan(st[0].update_ratio));
	nn_net_free(net);
	nn_dataset_free(d);
}

/* Over NN_GRAD_CHUNK rows the gradient is taken a chunk at a time: still
 * the mean of the rows' gradients, penalty included once. */
static void
chunked_gradient_is_the_mean(void **state)
{
	struct nn_config c = nn_config_default();
	int n = 2 * NN_GRAD_CHUNK + 77, i;
	struct nn_dataset *d = nn_dataset_generate(NN_DS_MOONS, n, 0.1, 5,
	    NULL, 0);
	struct nn_dataset *one = nn_dataset_new(1, 2, 1, d->task);
	struct nn_net *net;
	double full[2 * 3], sum[2 * 3] = { 0 };

	(void)state;
	c.reg = NN_REG_L2;
	c.lambda = 0.5;
	net = nn_net_new("2-3-1", &c, NULL, 0);
	assert_non_null(net);
	assert_int_equal(nn_net_gradients(net, d, NULL, 0), 0);
	memcpy(full, nn_net_weight_grads(net, 0), sizeof full);
	/* a one-row set's gradient penalizes as if it held n rows: the same
	 * penalty per row as the whole set's, so the mean of the per-row
	 * gradients is the whole set's gradient */
	for (i = 0; i < n; i++) {
		one->x[0] = d->x[2 * i];
		one->x[1] = d->x[2 * i + 1];
		one->y[0] = d->y[i];
		assert_int_equal(nn_net_gradients(net, one, NULL, 0), 0);
		for (int j = 0; j < 6; j++)
			sum[j] += nn_net_weight_grads(net, 0)[j] / n;
	}
	/* nn__penalty scales by the rows of the set: a one-row set
	 * counts the penalty n times over; take it back out */
	for (int j = 0; j < 6; j++) {
		double w = nn_net_weights(net, 0, NULL, NULL)[j];
		double pen = 2 * c.lambda * w;	/* d/dw of lambda w^2, n = 1 */

		sum[j] -= pen;
		sum[j] += pen / n;
		assert_close(full[j], sum[j], 1e-9);
	}
	nn_net_free(net);
	nn_dataset_free(one);
	nn_dataset_free(d);
}

/* The engine's stop request stops a long gradient pass; then it works. */
static void
gradient_pass_stops_on_request(void **state)
{
	static volatile sig_atomic_t stop;
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = nn_dataset_generate(NN_DS_MOONS,
	    2 * NN_GRAD_CHUNK, 0.1, 5, NULL, 0);
	struct nn_net *net = nn_net_new("2-3-1", &c, NULL, 0);
	struct nn_layer_stats st[2];
	char err[128];

	(void)state;
	nn_set_interrupt(&stop);
	stop = 1;
	assert_int_equal(nn_net_gradients(net, d, err, sizeof err), -1);
	assert_string_equal(err, "interrupted");
	assert_int_equal(nn_net_stats(net, d, st, err, sizeof err), -1);
	assert_string_equal(err, "interrupted");
	stop = 0;
	assert_int_equal(nn_net_gradients(net, d, err, sizeof err), 0);
	nn_set_interrupt(NULL);
	nn_net_free(net);
	nn_dataset_free(d);
}

/* A copy of a data set shares its rows; each holder frees its own. */
static void
dataset_copies_share(void **state)
{
	struct nn_dataset *d = nn_dataset_generate(NN_DS_SINE, 10, 0.1, 5,
	    NULL, 0);
	struct nn_dataset *c1 = nn_dataset_copy(d), *c2 = nn_dataset_copy(d);

	(void)state;
	assert_ptr_equal(c1->x, d->x);
	nn_dataset_free(d);
	nn_dataset_free(c1);
	assert_int_equal(c2->n, 10);	/* still there (ASan: not freed) */
	nn_dataset_free(c2);
}

static void
act_eval_matches_definitions(void **state)
{
	double f, df;

	(void)state;
	nn_act_eval(NN_ACT_LEAKY, 0.05, -2, &f, &df);
	assert_close(f, -0.1, 1e-15);
	assert_close(df, 0.05, 1e-15);
	nn_act_eval(NN_ACT_RELU, 0, 0, &f, &df);
	assert_close(f, 0, 0);
	assert_close(df, 0, 0);
	nn_act_eval(NN_ACT_SIGMOID, 0, 0, &f, &df);
	assert_close(f, 0.5, 1e-15);
	assert_close(df, 0.25, 1e-15);
	nn_act_eval(NN_ACT_SIGMOID, 0, -800, &f, &df);
	assert_true(isfinite(f) && f >= 0);
	nn_act_eval(NN_ACT_SOFTPLUS, 0, 800, &f, &df);
	assert_close(f, 800, 1e-15);
	nn_act_eval(NN_ACT_ELU, 0, -1, &f, &df);
	assert_close(f, exp(-1) - 1, 1e-15);
	assert_close(df, exp(-1), 1e-15);
	nn_act_eval(NN_ACT_TANH, 0, 0.5, &f, &df);
	assert_close(df, 1 - tanh(0.5) * tanh(0.5), 1e-15);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_activation),
		cmocka_unit_test(output_activations),
		cmocka_unit_test(every_loss),
		cmocka_unit_test(both_penalties),
		cmocka_unit_test(batch_norm_training),
		cmocka_unit_test(layer_norm),
		cmocka_unit_test(dropout_fixed_mask),
		cmocka_unit_test(dropout_is_inverted),
		cmocka_unit_test(clipping),
		cmocka_unit_test(skip_connections),
		cmocka_unit_test(chunked_gradient_is_the_mean),
		cmocka_unit_test(gradient_pass_stops_on_request),
		cmocka_unit_test(dataset_copies_share),
		cmocka_unit_test(full_batch_gradient),
		cmocka_unit_test(act_eval_matches_definitions),
	};

	return cmocka_run_group_tests_name("nn/grad", tests, NULL, NULL);
}
