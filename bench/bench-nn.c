/*
 * bench-nn.c - training throughput of the engine, single thread, on the
 * circle data (250 training examples, batch 10, lr 0.03, squared error):
 *   a) 2-4-2-1 tanh   b) 2 -> 8 x 8 -> 1 sigmoid, L2   c) 2-64-64-1 relu.
 * "train-X" counts examples through forward + backward + update (reshuffled
 * mini-batches, as nn_train does); "epoch-X" times whole nn_train epochs,
 * which also evaluate the training loss after each epoch.  The heap line is
 * the engine's own peak allocation (nn_mem_peak: network, caches, optimizer
 * state) while running setup c, plus the 250 training rows it reads.  The
 * train and epoch figures are the best of three runs, since the machine is
 * shared.
 * Output lines: "bench NAME VALUE UNIT", for tracking figures over time.
 * An argument such as "ac" limits the run to those setups.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nn/nn.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
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
	c.batch = 10;
	c.reg = s->reg;
	c.lambda = s->reg == NN_REG_NONE ? 0 : 0.001;
	net = nn_net_new(s->spec, &c, err, sizeof err);
	if (net == NULL) {
		fprintf(stderr, "bench-nn: %s\n", err);
		exit(1);
	}
	return net;
}

/* Mini-batch epochs until the budget is spent; returns examples/s. */
static double
bench_train(const struct setup *s, const struct nn_dataset *tr)
{
	struct nn_net *net = make_net(s);
	struct nn_rng r;
	int perm[250], i;
	long ex = 0;
	double t0 = now(), t;

	nn_rng_seed(&r, 1);
	for (i = 0; i < tr->n; i++)
		perm[i] = i;
	do {
		nn_rng_shuffle(&r, perm, tr->n);
		for (i = 0; i < tr->n; i += 10) {
			int b = tr->n - i < 10 ? tr->n - i : 10;

			if (nn_train_batch(net, tr, perm + i, b, NULL, NULL,
			    0) < 0)
				exit(1);
			ex += b;
		}
		t = now() - t0;
	} while (t < s->seconds);
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

/* The machine is shared: a figure is the best of three runs. */
static double
best_of_three(double (*run)(const struct setup *, const struct nn_dataset *),
    const struct setup *s, const struct nn_dataset *tr)
{
	double best = 0, v;
	int rep;

	for (rep = 0; rep < 3; rep++)
		if ((v = run(s, tr)) > best)
			best = v;
	return best;
}

int
main(int argc, char **argv)
{
	struct nn_dataset *all, *tr, *va;
	size_t i, base;

	all = nn_dataset_generate(NN_DS_CIRCLE, 500, 0.05, 1, NULL, 0);
	if (all == NULL || nn_dataset_split(all, 0.5, 1, &tr, &va, NULL, 0) < 0)
		return 1;
	for (i = 0; i < sizeof setups / sizeof setups[0]; i++) {
		const struct setup *s = &setups[i];

		if (argc > 1 && strchr(argv[1], s->name[0]) == NULL)
			continue;	/* "bench-nn c" runs setup c only */
		base = nn_mem_current();
		nn_mem_reset_peak();
		printf("bench train-%s %.0f ex/s\n", s->name,
		    best_of_three(bench_train, s, tr));
		if (s->name[0] == 'c')
			printf("bench heap-c %zu bytes\n",
			    nn_mem_peak() - base +
			    (size_t)(tr->n * (tr->nin + tr->nout)) *
			    sizeof(double));
		printf("bench epoch-%s %.0f ex/s\n", s->name,
		    best_of_three(bench_epochs, s, tr));
		fflush(stdout);
	}
	nn_dataset_free(all);
	nn_dataset_free(tr);
	nn_dataset_free(va);
	return 0;
}
