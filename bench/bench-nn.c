/*
 * bench-nn.c - training throughput of the engine, single thread, on the
 * circle data (250 training examples, batch 10, lr 0.03, squared error):
 *   a) 2-4-2-1 tanh   b) 2 -> 8 x 8 -> 1 sigmoid, L2   c) 2-64-64-1 relu.
 * "train-X" counts examples through forward + backward + update (reshuffled
 * mini-batches, as nn_train does); "epoch-X" times whole nn_train epochs,
 * which also evaluate the training loss after each epoch.  The heap line is
 * the engine's own peak allocation (nn_mem_peak: network, caches, optimizer
 * state) while running setup c, plus the 250 training rows it reads.
 *
 * The yardstick: "plain-X" is the same training done by a plain
 * per-example trainer (below), built with the same flags, measured in the
 * same run; "ratio-X" is train-X over plain-X, the engine's speed in units
 * of the plain loops, which varies much less with the machine and its load
 * than either figure.  Before timing, each setup checks that the plain
 * trainer and the engine end a few epochs with the same weights to the
 * bit (they do the same arithmetic in the same order), so both count the
 * same work; a mismatch stops the bench.
 *
 * Times are CPU times, and each figure is the best of three runs, since the
 * machine may be shared (the engine and the plain trainer take turns).
 * Output lines: "bench NAME VALUE UNIT" (a ratio has no unit), for
 * tracking figures over time.  An argument such as "ac" limits the run to
 * those setups.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nn/nn.h"

#define NTRAIN 250
#define BATCH 10

/* The process's CPU time: the time it waits for a core on a loaded machine
 * does not count. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct setup {
	const char *name, *spec;
	enum nn_act act;
	enum nn_reg reg;
	double seconds;		/* time budget of each measurement */
};

static const struct setup setups[] = {
	{ "a", "2-4-2-1", NN_ACT_TANH, NN_REG_NONE, 0.4 },
	{ "b", "2-8-8-8-8-8-8-8-8-1", NN_ACT_SIGMOID, NN_REG_L2, 0.4 },
	{ "c", "2-64-64-1", NN_ACT_RELU, NN_REG_NONE, 0.4 },
};

static struct nn_net *
make_net(const struct setup *s)
{
	struct nn_config c = nn_config_default();
	char err[200];
	struct nn_net *net;

	c.act = s->act;
	c.loss = NN_LOSS_MSE;
	c.lr = 0.03;
	c.batch = BATCH;
	c.reg = s->reg;
	c.lambda = s->reg == NN_REG_NONE ? 0 : 0.001;
	net = nn_net_new(s->spec, &c, err, sizeof err);
	if (net == NULL) {
		fprintf(stderr, "bench-nn: %s\n", err);
		exit(1);
	}
	return net;
}

/* ============================================================ yardstick */

/*
 * The plain trainer: what a textbook writes.  Each unit j of a layer keeps
 * its weight vector w[j][i] over the inputs i and its bias.  One example at
 * a time goes forward (z_j = b_j + sum_i w[j][i] a_i in order of i, then the
 * activation; the output unit is linear) and back (the output's delta from
 * the squared error; each unit's weight and bias gradients add delta_j a_i;
 * the delta of the layer below is sum_j w[j][i] delta_j in order of j, times
 * the activation's derivative); after the batch's examples every parameter
 * takes an SGD step (with the L2 term's gradient for setup b).  Nothing is
 * blocked or batched: it is the yardstick the engine is measured against.
 */
struct plain_layer {
	int in, out;
	double *w, *b;		/* w[j * in + i]: unit j, input i */
	double *gw, *gb;	/* their gradients, summed over the batch */
	double *a;		/* act(z) of the current example (out) */
	double *delta;		/* dL/dz of the current example (out) */
};

struct plain {
	int nl;
	enum nn_act act;
	double lr, l2;		/* l2: lambda / ntrain, or 0 */
	struct plain_layer L[16];
};

/* A plain trainer starting from the engine net's current weights. */
static struct plain *
plain_new(const struct setup *s, struct nn_net *net)
{
	struct plain *pl = calloc(1, sizeof *pl);
	const struct nn_config *c = nn_net_config(net);
	int k, i, j;

	pl->nl = nn_net_nlayers(net);
	pl->act = s->act;
	pl->lr = c->lr;
	pl->l2 = c->reg == NN_REG_L2 ? c->lambda / NTRAIN : 0;
	for (k = 0; k < pl->nl; k++) {
		struct plain_layer *l = &pl->L[k];
		const double *w = nn_net_weights(net, k, &l->in, &l->out);
		const double *b = nn_net_biases(net, k);

		l->w = malloc((size_t)l->in * l->out * sizeof *l->w);
		l->gw = malloc((size_t)l->in * l->out * sizeof *l->gw);
		l->b = malloc((size_t)l->out * sizeof *l->b);
		l->gb = malloc((size_t)l->out * sizeof *l->gb);
		l->a = malloc((size_t)l->out * sizeof *l->a);
		l->delta = malloc((size_t)l->out * sizeof *l->delta);
		for (j = 0; j < l->out; j++) {
			l->b[j] = b[j];
			for (i = 0; i < l->in; i++)	/* the engine's is (in, out) */
				l->w[j * l->in + i] = w[i * l->out + j];
		}
	}
	return pl;
}

static void
plain_free(struct plain *pl)
{
	int k;

	for (k = 0; k < pl->nl; k++) {
		free(pl->L[k].w);
		free(pl->L[k].gw);
		free(pl->L[k].b);
		free(pl->L[k].gb);
		free(pl->L[k].a);
		free(pl->L[k].delta);
	}
	free(pl);
}

static double
plain_act(enum nn_act act, double z)
{
	switch (act) {
	case NN_ACT_TANH:
		return tanh(z);
	case NN_ACT_SIGMOID:
		return z >= 0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
	case NN_ACT_RELU:
		return z > 0 ? z : 0;
	default:
		fprintf(stderr, "bench-nn: the plain trainer has no %s\n",
		    nn_act_name(act));
		exit(1);
	}
}

/* d act / dz from the activation's value a (and the sign of z for relu) */
static double
plain_dact(enum nn_act act, double a, double d)
{
	switch (act) {
	case NN_ACT_TANH:
		return d * (1 - a * a);
	case NN_ACT_SIGMOID:
		return d * a * (1 - a);
	default:	/* relu: a > 0 exactly when z > 0 */
		return a > 0 ? d : 0;
	}
}

/* One mini-batch of the rows idx[0..n) of d; returns its mean loss. */
static double
plain_batch(struct plain *pl, const struct nn_dataset *d, const int *idx,
    int n)
{
	double loss = 0, inv = 1.0 / n;
	int e, k, i, j;

	for (k = 0; k < pl->nl; k++) {
		struct plain_layer *l = &pl->L[k];

		memset(l->gw, 0, (size_t)l->in * l->out * sizeof *l->gw);
		memset(l->gb, 0, (size_t)l->out * sizeof *l->gb);
	}
	for (e = 0; e < n; e++) {
		const double *x = d->x + (long)idx[e] * d->nin;
		const double *y = d->y + (long)idx[e] * d->nout;
		struct plain_layer *lo = &pl->L[pl->nl - 1];

		for (k = 0; k < pl->nl; k++) {		/* forward */
			struct plain_layer *l = &pl->L[k];
			const double *in = k ? pl->L[k - 1].a : x;

			for (j = 0; j < l->out; j++) {
				double z = l->b[j];

				for (i = 0; i < l->in; i++)
					z += l->w[j * l->in + i] * in[i];
				l->a[j] = k < pl->nl - 1 ? plain_act(pl->act, z)
				    : z;
			}
		}
		for (j = 0; j < lo->out; j++) {		/* squared error */
			double err = lo->a[j] - y[j];

			loss += err * err;
			lo->delta[j] = 2 * err * inv;
		}
		for (k = pl->nl - 1; k >= 0; k--) {	/* backward */
			struct plain_layer *l = &pl->L[k];
			const double *in = k ? pl->L[k - 1].a : x;

			for (j = 0; j < l->out; j++) {
				l->gb[j] += l->delta[j];
				for (i = 0; i < l->in; i++)
					l->gw[j * l->in + i] +=
					    l->delta[j] * in[i];
			}
			if (k == 0)
				break;
			for (i = 0; i < l->in; i++) {
				double s = 0;

				for (j = 0; j < l->out; j++)
					s += l->w[j * l->in + i] * l->delta[j];
				pl->L[k - 1].delta[i] = plain_dact(pl->act,
				    pl->L[k - 1].a[i], s);
			}
		}
	}
	for (k = 0; k < pl->nl; k++) {			/* SGD step */
		struct plain_layer *l = &pl->L[k];

		for (i = 0; i < l->in * l->out; i++)
			l->w[i] -= pl->lr * (pl->l2 > 0 ?
			    l->gw[i] + 2 * pl->l2 * l->w[i] : l->gw[i]);
		for (j = 0; j < l->out; j++)
			l->b[j] -= pl->lr * l->gb[j];
	}
	return loss / (n * pl->L[pl->nl - 1].out);
}

/* Whether the plain trainer holds the engine net's weights, to the bit. */
static int
plain_same(const struct plain *pl, struct nn_net *net)
{
	int k, i, j, in, out;

	for (k = 0; k < pl->nl; k++) {
		const struct plain_layer *l = &pl->L[k];
		const double *w = nn_net_weights(net, k, &in, &out);
		const double *b = nn_net_biases(net, k);

		for (j = 0; j < out; j++) {
			if (memcmp(&b[j], &l->b[j], sizeof b[j]) != 0)
				return 0;
			for (i = 0; i < in; i++)
				if (memcmp(&w[i * out + j], &l->w[j * in + i],
				    sizeof w[0]) != 0)
					return 0;
		}
	}
	return 1;
}

/* ============================================================ timing */

/*
 * One epoch of reshuffled mini-batches through the engine (pl NULL) or the
 * plain trainer; returns the examples it took.
 */
static long
epoch(struct nn_net *net, struct plain *pl, const struct nn_dataset *tr,
    struct nn_rng *r, int *perm)
{
	int i;

	nn_rng_shuffle(r, perm, tr->n);
	for (i = 0; i < tr->n; i += BATCH) {
		int b = tr->n - i < BATCH ? tr->n - i : BATCH;

		if (pl != NULL)
			plain_batch(pl, tr, perm + i, b);
		else if (nn_train_batch(net, tr, perm + i, b, NULL, NULL, 0) < 0)
			exit(1);
	}
	return tr->n;
}

/*
 * Three epochs from the same start on both; they must end with the same
 * weights, or the two do not do the same work and the ratio means nothing.
 */
static void
check_same(const struct setup *s, const struct nn_dataset *tr)
{
	struct nn_net *net = make_net(s);
	struct plain *pl = plain_new(s, net);
	struct nn_rng r1, r2;
	int perm1[NTRAIN], perm2[NTRAIN], i;

	nn_rng_seed(&r1, 1);
	nn_rng_seed(&r2, 1);
	for (i = 0; i < tr->n; i++)
		perm1[i] = perm2[i] = i;
	for (i = 0; i < 3; i++) {
		epoch(net, NULL, tr, &r1, perm1);
		epoch(NULL, pl, tr, &r2, perm2);
	}
	if (!plain_same(pl, net)) {
		fprintf(stderr, "bench-nn: setup %s: the engine and the plain "
		    "trainer end with different weights\n", s->name);
		exit(1);
	}
	plain_free(pl);
	nn_net_free(net);
}

/* Mini-batch epochs until the budget is spent through the engine (plain 0)
 * or the plain trainer; returns examples/s. */
static double
bench_train(const struct setup *s, const struct nn_dataset *tr, int plain)
{
	struct nn_net *net = make_net(s);
	struct plain *pl = plain ? plain_new(s, net) : NULL;
	struct nn_rng r;
	int perm[NTRAIN], i;
	long ex = 0;
	double t0 = now(), t;

	nn_rng_seed(&r, 1);
	for (i = 0; i < tr->n; i++)
		perm[i] = i;
	do {
		ex += epoch(net, pl, tr, &r, perm);
		t = now() - t0;
	} while (t < s->seconds);
	if (pl != NULL)
		plain_free(pl);
	nn_net_free(net);
	return ex / t;
}

static double
bench_epochs(const struct setup *s, const struct nn_dataset *tr)
{
	struct nn_net *net = make_net(s);
	long ex = 0;
	double t0 = now(), t;

	do {
		if (nn_train(net, tr, NULL, 20, NULL, NULL, NULL, NULL, NULL,
		    0) < 0)
			exit(1);
		ex += 20L * tr->n;
		t = now() - t0;
	} while (t < s->seconds);
	nn_net_free(net);
	return ex / t;
}

static double
max(double a, double b)
{
	return a > b ? a : b;
}

int
main(int argc, char **argv)
{
	struct nn_dataset *all, *tr, *va;
	size_t i, base;
	int rep;

	all = nn_dataset_generate(NN_DS_CIRCLE, 2 * NTRAIN, 0.05, 1, NULL, 0);
	if (all == NULL || nn_dataset_split(all, 0.5, 1, &tr, &va, NULL, 0) < 0
	    || tr->n != NTRAIN)
		return 1;
	for (i = 0; i < sizeof setups / sizeof setups[0]; i++) {
		const struct setup *s = &setups[i];
		double train = 0, plain = 0, ep = 0;

		if (argc > 1 && strchr(argv[1], s->name[0]) == NULL)
			continue;	/* "bench-nn c" runs setup c only */
		check_same(s, tr);
		base = nn_mem_current();
		nn_mem_reset_peak();
		for (rep = 0; rep < 3; rep++) {	/* best of three, in turns */
			train = max(train, bench_train(s, tr, 0));
			plain = max(plain, bench_train(s, tr, 1));
		}
		printf("bench train-%s %.0f ex/s\n", s->name, train);
		printf("bench plain-%s %.0f ex/s\n", s->name, plain);
		printf("bench ratio-%s %.2f\n", s->name, train / plain);
		if (s->name[0] == 'c')
			printf("bench heap-c %zu bytes\n",
			    nn_mem_peak() - base +
			    (size_t)(tr->n * (tr->nin + tr->nout)) *
			    sizeof(double));
		for (rep = 0; rep < 3; rep++)
			ep = max(ep, bench_epochs(s, tr));
		printf("bench epoch-%s %.0f ex/s\n", s->name, ep);
		fflush(stdout);
	}
	nn_dataset_free(all);
	nn_dataset_free(tr);
	nn_dataset_free(va);
	return 0;
}
