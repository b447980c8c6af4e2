/*
 * train.c - the training loop: epochs of reshuffled mini-batches, the
 * per-epoch history (L0 and penalty apart, accuracy), early stopping with
 * restore of the best weights, divergence detection, cancellation, and the
 * full-batch gradient used to inspect a network without changing it.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "nn/nn-internal.h"
#include "util/i18n.h"
#include "util/util.h"

/* ============================================================ early stopping */

void
nn_early_init(struct nn_early *e)
{
	e->best = INFINITY;
	e->best_epoch = 0;
	e->wait = 0;
}

int
nn_early_update(struct nn_early *e, int epoch, double loss, int patience,
    double min_delta, int *improved)
{
	int imp = isfinite(loss) && loss < e->best - min_delta;

	if (imp) {
		e->best = loss;
		e->best_epoch = epoch;
		e->wait = 0;
	} else
		e->wait++;
	if (improved != NULL)
		*improved = imp;
	return !imp && e->wait >= patience;
}

/* ============================================================ helpers */

/*
 * A run (one nn_train() call that records an epoch) watches itself: the
 * best epoch, the patience count and the best-weights snapshot start
 * over at its first epoch, so an earlier run's best (trained with other
 * settings, early stopping off, ...) is neither restored nor reported.
 */
static void
new_run(struct nn_net *net)
{
	nn_early_init(&net->early);
	nn_free(net->best_p);
	nn_free(net->best_stats);
	net->best_p = net->best_stats = NULL;
}

static int
params_finite(const struct nn_net *net)
{
	long i;

	for (i = 0; i < net->np; i++)
		if (!isfinite(net->p[i]))
			return 0;
	return 1;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void
push_history(struct nn_net *net, const struct nn_epoch *e)
{
	if (net->nhist == net->caphist) {
		net->caphist = net->caphist ? 2 * net->caphist : 64;
		net->hist = nn_realloc(net->hist,
		    (size_t)net->caphist * sizeof *net->hist);
	}
	net->hist[net->nhist++] = *e;
}

/* Gathers rows idx[0..B) of d into the net's input/target buffers. */
static void
gather(struct nn_net *net, const struct nn_dataset *d, const int *idx, int B)
{
	int r;

	nn__ensure_cap(net, B);
	for (r = 0; r < B; r++) {
		int s = idx ? idx[r] : r;

		memcpy(net->xin + (long)r * d->nin, d->x + (long)s * d->nin,
		    (size_t)d->nin * sizeof(double));
		memcpy(net->yin + (long)r * d->nout, d->y + (long)s * d->nout,
		    (size_t)d->nout * sizeof(double));
	}
}

/* One forward/backward/update on the gathered rows (with input noise, if
 * set); returns L0 of the batch as the step saw it. */
static double
step(struct nn_net *net, int B, int ntrain)
{
	double loss;

	nn__input_noise(net, B);
	nn__forward(net, net->xin, B, NN_FW_TRAIN | NN_FW_DROPOUT | NN_FW_STATS);
	loss = nn__loss(net, net->yin, B);
	nn__backward(net, net->xin, net->yin, B, ntrain);
	nn__update(net, ntrain);
	return loss;
}

/* ============================================================ API */

int
nn_train_batch(struct nn_net *net, const struct nn_dataset *d, const int *idx,
    int n, double *loss, char *err, size_t errlen)
{
	int r;
	double l;

	if (nn__check_data(net, d, _("training"), err, errlen) < 0)
		return -1;
	if (n < 1 || n > NN_MAX_BATCH) {
		nn_errf(err, errlen, "a mini-batch needs 1 to %d rows",
		    NN_MAX_BATCH);
		return -1;
	}
	for (r = 0; r < n; r++)
		if ((idx ? idx[r] : r) < 0 || (idx ? idx[r] : r) >= d->n) {
			nn_errf(err, errlen, "row %d is outside the data (%d rows)",
			    idx ? idx[r] + 1 : r + 1, d->n);
			return -1;
		}
	gather(net, d, idx, n);
	l = step(net, n, d->n);
	if (loss != NULL)
		*loss = l;
	return 0;
}

/* The engine's stop request; see nn_set_interrupt(). */
static volatile sig_atomic_t *stop_flag;

void
nn_set_interrupt(volatile sig_atomic_t *flag)
{
	stop_flag = flag;
}

int
nn__interrupted(void)
{
	return stop_flag != NULL && *stop_flag;
}

int
nn_net_gradients(struct nn_net *net, const struct nn_dataset *d, char *err,
    size_t errlen)
{
	double *acc;
	long i;
	int r;

	if (nn__check_data(net, d, _("the"), err, errlen) < 0)
		return -1;
	if (d->n < 1) {
		nn_errf(err, errlen, _("no data to take a gradient on"));
		return -1;
	}
	if (d->n <= NN_GRAD_CHUNK) {
		nn__ensure_cap(net, d->n);
		nn__forward(net, d->x, d->n, NN_FW_TRAIN);
		nn__backward(net, d->x, d->y, d->n, d->n);
		return 0;
	}
	/* The mean gradient is the row-weighted mean of the chunks' (the
	 * penalty's part, the same in each, adds up to itself once); batch
	 * norm normalizes each chunk on its own rows. */
	acc = nn_zalloc((size_t)net->np * sizeof *acc);
	for (r = 0; r < d->n; r += NN_GRAD_CHUNK) {
		int B = d->n - r < NN_GRAD_CHUNK ? d->n - r : NN_GRAD_CHUNK;
		const double *x = d->x + (long)r * d->nin;
		double w = (double)B / d->n;

		if (nn__interrupted()) {
			nn_free(acc);
			nn_errf(err, errlen, _("interrupted"));
			return -1;
		}
		nn__ensure_cap(net, B);
		nn__forward(net, x, B, NN_FW_TRAIN);
		nn__backward(net, x, d->y + (long)r * d->nout, B, d->n);
		for (i = 0; i < net->np; i++)
			acc[i] += w * net->g[i];
	}
	memcpy(net->g, acc, (size_t)net->np * sizeof *acc);
	nn_free(acc);
	return 0;
}

int
nn_net_evaluate_train_mode(struct nn_net *net, const struct nn_dataset *d,
    int batch, uint64_t seed, double *loss, char *err, size_t errlen)
{
	struct nn_rng saved = net->rng, rng;
	int *perm, N, bs, r;
	double s = 0;

	if (nn__check_data(net, d, _("the"), err, errlen) < 0)
		return -1;
	if (d->n < 1) {
		nn_errf(err, errlen, _("no data to evaluate on"));
		return -1;
	}
	if (batch < 1) {
		nn_errf(err, errlen, _("a mini-batch needs at least 1 row"));
		return -1;
	}
	N = d->n;
	bs = batch < N ? batch : N;
	/* a stream of its own: training's shuffles and masks stay as they
	 * would have been; the constant keeps it apart from the seed's
	 * other uses */
	nn_rng_seed(&rng, seed ^ UINT64_C(0x7472616e2d6d6f64));
	perm = nn_alloc((size_t)N * sizeof *perm);
	for (r = 0; r < N; r++)
		perm[r] = r;
	nn_rng_shuffle(&rng, perm, N);
	net->rng = rng;
	for (r = 0; r < N; r += bs) {
		int B = N - r < bs ? N - r : bs;

		gather(net, d, perm + r, B);
		/* batch statistics and dropout, running statistics kept */
		nn__forward(net, net->xin, B, NN_FW_TRAIN | NN_FW_DROPOUT);
		s += nn__loss(net, net->yin, B) * B;
	}
	net->rng = saved;
	nn_free(perm);
	*loss = s / N;
	return 0;
}

int
nn_train(struct nn_net *net, const struct nn_dataset *train,
    const struct nn_dataset *val, int epochs, nn_epoch_cb cb, void *ctx,
    volatile sig_atomic_t *cancel, struct nn_train_result *res, char *err,
    size_t errlen)
{
	struct nn_train_result rr;
	int *perm, e, N, bs, hasval;

	if (train == NULL || train->n < 1) {
		nn_errf(err, errlen, _("no training data"));
		return -1;
	}
	if (nn__check_data(net, train, _("training"), err, errlen) < 0)
		return -1;
	hasval = val != NULL && val->n > 0;
	if (hasval && nn__check_data(net, val, _("validation"), err, errlen) < 0)
		return -1;
	if (epochs < 0) {
		nn_errf(err, errlen, _("epochs must be >= 0"));
		return -1;
	}
	memset(&rr, 0, sizeof rr);
	rr.status = NN_TRAIN_DONE;
	N = train->n;
	bs = net->cfg.batch < N ? net->cfg.batch : N;
	perm = nn_alloc((size_t)N * sizeof *perm);
	for (e = 0; e < epochs; e++) {
		struct nn_epoch ep;
		double t0 = now(), bl = 0;
		int r, i, cancelled = 0, bad = 0, improved, stop;

		for (i = 0; i < N; i++)
			perm[i] = i;
		if (net->cfg.shuffle)
			nn_rng_shuffle(&net->rng, perm, N);
		for (r = 0; r < N; r += bs) {
			int B = N - r < bs ? N - r : bs;

			if (cancel != NULL && *cancel) {
				cancelled = 1;
				break;
			}
			gather(net, train, perm + r, B);
			bl = step(net, B, N);
			if (!isfinite(bl)) {
				bad = 1;
				break;
			}
		}
		if (cancelled && r == 0) {
			rr.status = NN_TRAIN_CANCELLED;	/* nothing ran: no row */
			break;
		}
		if (e == 0)
			new_run(net);
		memset(&ep, 0, sizeof ep);
		ep.epoch = net->nhist + 1;
		ep.lr = net->cfg.lr;
		nn_net_evaluate(net, train, &ep.train_loss, &ep.train_acc,
		    NULL, 0);
		if (hasval)
			nn_net_evaluate(net, val, &ep.val_loss, &ep.val_acc,
			    NULL, 0);
		else
			ep.val_loss = ep.val_acc = NAN;
		ep.penalty = nn__penalty(net, N);
		ep.seconds = now() - t0;
		push_history(net, &ep);
		rr.epochs_run++;
		if (bad || !isfinite(ep.train_loss) || !params_finite(net)) {
			rr.status = NN_TRAIN_DIVERGED;
			break;
		}
		stop = nn_early_update(&net->early, ep.epoch,
		    hasval ? ep.val_loss : ep.train_loss, net->cfg.patience,
		    net->cfg.min_delta, &improved);
		if (improved && net->cfg.early_stop && net->cfg.restore_best) {
			if (net->best_p == NULL) {
				net->best_p = nn_alloc((size_t)net->np *
				    sizeof(double));
				net->best_stats = nn_alloc((size_t)(net->nstats ?
				    net->nstats : 1) * sizeof(double));
			}
			memcpy(net->best_p, net->p, (size_t)net->np *
			    sizeof(double));
			if (net->nstats)
				memcpy(net->best_stats, net->stats,
				    (size_t)net->nstats * sizeof(double));
		}
		if (cb != NULL && cb(ctx, &ep) != 0)
			cancelled = 1;
		if (cancelled) {
			rr.status = NN_TRAIN_CANCELLED;
			break;
		}
		if (net->cfg.early_stop && stop) {
			rr.status = NN_TRAIN_EARLY_STOP;
			rr.stopped_early = 1;
			if (net->cfg.restore_best && net->best_p != NULL) {
				memcpy(net->p, net->best_p, (size_t)net->np *
				    sizeof(double));
				if (net->nstats)
					memcpy(net->stats, net->best_stats,
					    (size_t)net->nstats *
					    sizeof(double));
				rr.restored = 1;
				net->have_update = 0;
			}
			break;
		}
	}
	nn_free(perm);
	rr.best_epoch = nn_net_best(net, &rr.best_loss);
	if (res != NULL)
		*res = rr;
	return 0;
}

int
nn_net_best(const struct nn_net *net, double *loss)
{
	if (loss != NULL)
		*loss = net->early.best_epoch ? net->early.best : NAN;
	return net->early.best_epoch;
}

int
nn_net_history(const struct nn_net *net, const struct nn_epoch **h)
{
	if (h != NULL)
		*h = net->hist;
	return net->nhist;
}

int
nn_net_set_history(struct nn_net *net, const struct nn_epoch *h, int n,
    char *err, size_t errlen)
{
	int i;

	if (n < 0 || (n > 0 && h == NULL)) {
		nn_errf(err, errlen, _("bad history length %d"), n);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (h[i].epoch != i + 1) {
			nn_errf(err, errlen, _("history row %d is epoch %d, "
			    "expected %d"), i + 1, h[i].epoch, i + 1);
			return -1;
		}
	net->nhist = 0;
	for (i = 0; i < n; i++)
		push_history(net, &h[i]);
	nn_early_init(&net->early);
	for (i = 0; i < n; i++)
		if (isfinite(h[i].train_loss))	/* nn_train stops before */
			nn_early_update(&net->early, h[i].epoch,
			    isnan(h[i].val_loss) ?
			    h[i].train_loss : h[i].val_loss,
			    net->cfg.patience, net->cfg.min_delta, NULL);
	nn_free(net->best_p);
	nn_free(net->best_stats);
	net->best_p = net->best_stats = NULL;
	return 0;
}

int
nn_history_write_csv(const struct nn_net *net, FILE *f)
{
	int i;

	fprintf(f, "epoch,train_loss,val_loss,penalty,train_acc,val_acc,lr\n");
	for (i = 0; i < net->nhist; i++) {
		const struct nn_epoch *e = &net->hist[i];

		fprintf(f, "%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n", e->epoch,
		    e->train_loss, e->val_loss, e->penalty, e->train_acc,
		    e->val_acc, e->lr);
	}
	return ferror(f) ? -1 : 0;
}
