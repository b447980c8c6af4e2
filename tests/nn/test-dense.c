/*
 * test-dense.c - the dense products give the same bits on every code path
 * (portable C, AVX2, AVX-512, as far as this processor has them): each
 * against plain loops that add every sum in the order of its index, on
 * awkward shapes (tails of rows and columns) and values whose sums change
 * when reordered; and whole training runs (norms, dropout, skip, adam,
 * penalties) that end with the same weights whichever path ran them.
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
#include "nn/nn-internal.h"
#include "util/util.h"
#include "../testutil.h"

/* Values over many magnitudes, signs and some zeros (-0 among them), so
 * that adding in another order almost surely changes a sum's last bits. */
static void
fill(double *a, long n, struct nn_rng *r)
{
	long i;

	for (i = 0; i < n; i++) {
		double u = nn_rng_uniform(r);

		if (u < 0.05)
			a[i] = u < 0.025 ? 0.0 : -0.0;
		else
			a[i] = (2 * nn_rng_uniform(r) - 1) *
			    pow(10, (int)(nn_rng_uniform(r) * 13) - 6);
	}
}

static int
same_bits(const double *a, const double *b, long n)
{
	return memcmp(a, b, (size_t)n * sizeof *a) == 0;
}

/* The shapes: rows, inputs, outputs; tails of 1..3 and 1..7 everywhere. */
static const int shapes[][3] = {
	{ 1, 1, 1 }, { 1, 2, 64 }, { 10, 2, 64 }, { 10, 64, 64 },
	{ 10, 64, 1 }, { 3, 5, 7 }, { 7, 9, 13 }, { 13, 17, 33 },
	{ 2, 31, 12 }, { 5, 4, 20 }, { 64, 3, 40 }, { 11, 24, 9 },
};

/* Forward and backward of one shape on path lim against in-order loops. */
static void
check_shape(int B, int in, int out, int lim, struct nn_rng *r)
{
	long nx = (long)B * in, nw = (long)in * out, nz = (long)B * out;
	double *x = xmalloc((size_t)nx * sizeof *x);
	double *W = xmalloc((size_t)nw * sizeof *W);
	double *b = xmalloc((size_t)out * sizeof *b);
	double *dz = xmalloc((size_t)nz * sizeof *dz);
	double *z = xmalloc((size_t)nz * sizeof *z);
	double *zr = xmalloc((size_t)nz * sizeof *zr);
	double *dW = xmalloc((size_t)nw * sizeof *dW);
	double *dWr = xmalloc((size_t)nw * sizeof *dWr);
	double *db = xmalloc((size_t)out * sizeof *db);
	double *dbr = xmalloc((size_t)out * sizeof *dbr);
	double *dx = xmalloc((size_t)nx * sizeof *dx);
	double *dxr = xmalloc((size_t)nx * sizeof *dxr);
	double *wt = xmalloc((size_t)nw * sizeof *wt);
	int i, j, k, row;

	fill(x, nx, r);
	fill(W, nw, r);
	fill(b, out, r);
	fill(dz, nz, r);
	fill(dW, nw, r);	/* the gradients accumulate onto what is there */
	fill(db, out, r);
	memcpy(dWr, dW, (size_t)nw * sizeof *dW);
	memcpy(dbr, db, (size_t)out * sizeof *db);
	for (row = 0; row < B; row++)
		for (j = 0; j < out; j++) {
			double s = b[j];

			for (k = 0; k < in; k++)
				s += x[(long)row * in + k] * W[(long)k * out + j];
			zr[(long)row * out + j] = s;
		}
	for (i = 0; i < in; i++)
		for (j = 0; j < out; j++) {
			double s = dWr[(long)i * out + j];

			for (row = 0; row < B; row++)
				s += x[(long)row * in + i] *
				    dz[(long)row * out + j];
			dWr[(long)i * out + j] = s;
		}
	for (j = 0; j < out; j++)
		for (row = 0; row < B; row++)
			dbr[j] += dz[(long)row * out + j];
	for (row = 0; row < B; row++)
		for (i = 0; i < in; i++) {
			double s = 0;

			for (j = 0; j < out; j++)
				s += dz[(long)row * out + j] *
				    W[(long)i * out + j];
			dxr[(long)row * in + i] = s;
		}
	nn__dense_limit(lim);
	nn__dense_forward(z, x, W, b, B, in, out);
	nn__dense_backward(dx, dW, db, dz, x, W, wt, B, in, out);
	if (!same_bits(z, zr, nz) || !same_bits(dW, dWr, nw) ||
	    !same_bits(db, dbr, out) || !same_bits(dx, dxr, nx))
		fail_msg("path %d, %d rows, %d-%d: z %s, dW %s, db %s, dx %s",
		    lim, B, in, out, same_bits(z, zr, nz) ? "same" : "DIFFERS",
		    same_bits(dW, dWr, nw) ? "same" : "DIFFERS",
		    same_bits(db, dbr, out) ? "same" : "DIFFERS",
		    same_bits(dx, dxr, nx) ? "same" : "DIFFERS");
	free(x), free(W), free(b), free(dz), free(z), free(zr), free(dW);
	free(dWr), free(db), free(dbr), free(dx), free(dxr), free(wt);
}

static void
kernels_keep_order(void **state)
{
	struct nn_rng r;
	int best = nn__dense_limit(2), lim;
	size_t s;

	(void)state;
	nn_rng_seed(&r, 7);
	for (lim = 0; lim <= best; lim++)
		for (s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
			check_shape(shapes[s][0], shapes[s][1], shapes[s][2],
			    lim, &r);
	nn__dense_limit(2);
}

/* The training runs: a spec, then settings by name. */
struct run {
	const char *spec;
	int batch;
	enum nn_act act;
	enum nn_norm norm;
	double dropout;
	int skip;
	enum nn_opt opt;
	enum nn_reg reg;
};

static const struct run runs[] = {
	{ "2-64-64-1", 10, NN_ACT_RELU, NN_NORM_NONE, 0, 0, NN_OPT_SGD,
	    NN_REG_NONE },
	{ "2-4-2-1", 10, NN_ACT_TANH, NN_NORM_NONE, 0, 0, NN_OPT_SGD,
	    NN_REG_NONE },
	{ "2-13-13-13-1", 7, NN_ACT_SIGMOID, NN_NORM_BATCH, 0, 1,
	    NN_OPT_ADAM, NN_REG_L2 },
	{ "2-33-17-3-1", 13, NN_ACT_LEAKY, NN_NORM_LAYER, 0.2, 0,
	    NN_OPT_MOMENTUM, NN_REG_L1 },
	{ "2-24-24-1", 1, NN_ACT_ELU, NN_NORM_NONE, 0, 1, NN_OPT_SGD,
	    NN_REG_NONE },
	{ "2-40-9-1", 32, NN_ACT_SOFTPLUS, NN_NORM_BATCH, 0.1, 0,
	    NN_OPT_ADAMW, NN_REG_L2 },
};

/* All parameters after 3 epochs of run ru on path lim (caller frees). */
static double *
train_on(const struct run *ru, int lim, const struct nn_dataset *tr,
    long *np)
{
	struct nn_config c = nn_config_default();
	struct nn_net *net;
	double *p;
	char err[200];

	c.act = ru->act;
	c.norm = ru->norm;
	c.dropout = ru->dropout;
	c.skip = ru->skip;
	c.opt = ru->opt;
	c.reg = ru->reg;
	c.lambda = ru->reg == NN_REG_NONE ? 0 : 0.01;
	c.batch = ru->batch;
	c.lr = ru->opt == NN_OPT_ADAM || ru->opt == NN_OPT_ADAMW ? 0.01 : 0.05;
	net = nn_net_new(ru->spec, &c, err, sizeof err);
	if (net == NULL)
		fail_msg("%s: %s", ru->spec, err);
	nn__dense_limit(lim);
	assert_int_equal(nn_train(net, tr, NULL, 3, NULL, NULL, NULL, NULL,
	    NULL, 0), 0);
	*np = net->np;
	p = xmalloc((size_t)net->np * sizeof *p);
	memcpy(p, net->p, (size_t)net->np * sizeof *p);
	nn_net_free(net);
	return p;
}

static void
paths_train_alike(void **state)
{
	struct nn_dataset *all, *tr, *va;
	int best = nn__dense_limit(2), lim;
	size_t i;

	(void)state;
	all = nn_dataset_generate(NN_DS_CIRCLE, 200, 0.1, 3, NULL, 0);
	assert_non_null(all);
	assert_int_equal(nn_dataset_split(all, 0.5, 3, &tr, &va, NULL, 0), 0);
	for (i = 0; i < sizeof runs / sizeof runs[0]; i++) {
		long n0, n;
		double *p0 = train_on(&runs[i], 0, tr, &n0);

		for (lim = 1; lim <= best; lim++) {
			double *p = train_on(&runs[i], lim, tr, &n);

			assert_int_equal(n, n0);
			if (!same_bits(p, p0, n))
				fail_msg("%s: path %d ends with other weights "
				    "than the portable path", runs[i].spec,
				    lim);
			free(p);
		}
		free(p0);
	}
	nn__dense_limit(2);
	nn_dataset_free(all);
	nn_dataset_free(tr);
	nn_dataset_free(va);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kernels_keep_order),
		cmocka_unit_test(paths_train_alike),
	};

	printf("# dense paths on this processor: up to %d\n",
	    nn__dense_limit(2));
	return cmocka_run_group_tests_name("nn/dense", tests, NULL, NULL);
}
