/*
 * sweep.h - private to src/cmd/: the results of a sweep or compare, kept
 * in the session for "plot sweep", "plot compare" and the metrics.
 *
 * cmd-sweep.c runs the experiments and fills a struct sweep; session.c
 * keeps the last one (and frees it with the session), plot.c draws it.
 * Only the data and its lifetime live here, so those files share it
 * without including each other's operations.
 */
#ifndef REGTUTOR_SWEEP_H
#define REGTUTOR_SWEEP_H

#include "nn/nn.h"

#define SWEEP_MAX	16

/* One run of a sweep or compare. */
struct run_result {
	char value[32];			/* the swept value (or bundle) as
					   typed */
	double train_loss, val_loss, best_val_loss;
	double test_loss;		/* on the test split; NAN without one */
	int best_epoch, epochs;
	double w_norm, zero_frac, small_frac, penalty;
	int status;			/* enum nn_train_status */
	double *hist_train, *hist_val;	/* per epoch, epochs long */
	double *weights;		/* all weights, nweights long */
	long nweights;
	double grad[NN_MAX_LAYERS];	/* per-layer gradient norms */
	int nlayers;
};

/* seeds=N of sweep and compare: how many seeds a value may run on */
#define SEEDS_MIN	2
#define SEEDS_MAX	30

struct sweep {
	char key[32];
	int n;
	/* one run per value; after seeds=N the means over the seeds (losses,
	 * |w|, zero share, per-epoch curves) */
	struct run_result r[SWEEP_MAX];
	int compare;			/* 1: from "compare", 0: "sweep" */
	int bundles;			/* 1: a compare of setting bundles
					   (r[i].value: the bundle) */
	/* seeds=N: every value ran on seeds seed0 .. seed0 + nseeds - 1
	 * (0: a single run per value from the session seed) */
	int nseeds;
	long seed0;
	/* per value over the seeds: mean and sample sd of the final val
	 * loss, the best val loss and the train loss */
	double mean_val[SWEEP_MAX], sd_val[SWEEP_MAX];
	double mean_best_val[SWEEP_MAX], sd_best_val[SWEEP_MAX];
	double mean_train[SWEEP_MAX], sd_train[SWEEP_MAX];
	/* and of the test loss, NAN without a test split */
	double mean_test[SWEEP_MAX], sd_test[SWEEP_MAX];
	int wins;			/* seeds where value 2's val loss is
					   below value 1's */
	int lowest[SWEEP_MAX];		/* seeds where value i's val loss is
					   the lowest of all values (ties
					   count for each) */
	/* The choice on validation: the value whose run has the lowest val
	 * loss (on each seed with seeds=N), that run's val loss and its
	 * test loss (NAN without a test split); with seeds=N the mean and
	 * sample sd over the seeds of the chosen runs' figures.  chosen is
	 * the value's index (single runs; -1 with seeds=N, where the
	 * choice is per seed, or when no run has a val loss). */
	int chosen;
	double chosen_val, chosen_test;
	double sd_chosen_val, sd_chosen_test;
};

/* Frees what run r holds and zeroes it. */
void sweep_run_free(struct run_result *r);
/* Frees every run of sw and zeroes it (an empty sweep). */
void sweep_clear(struct sweep *sw);

#endif
