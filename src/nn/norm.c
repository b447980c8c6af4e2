/*
 * norm.c - the normalizations of a hidden layer's pre-activations z, one
 * row each in norms[]: the forward z -> xhat (zero mean, unit variance
 * over a group) and its backward dxhat -> dz, and whether the kind keeps
 * running statistics.  The learned gain and shift (u = gamma xhat + beta)
 * are the same for every kind and sit in net.c's forward and backward.
 *
 * Batch norm normalizes each feature over the mini-batch's rows; a
 * training batch of one row has no batch variance, so it normalizes with
 * the running statistics instead (as in evaluation) and leaves them
 * unchanged: the output is never NaN.  Layer norm normalizes each row
 * over its features, the same in training and evaluation.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "nn/nn-internal.h"
#include "util/util.h"

/* ============================================================ batch norm */

/*
 * Batch norm forward: per feature j over the B rows.  Caches xhat and
 * rstd (and the mean) for backward.  Without NN_FW_TRAIN (evaluation) the
 * running statistics are used; with it the batch's own, and NN_FW_STATS
 * moves the running ones towards them (the variance unbiased, B - 1).
 * With B == 1 in training mode the running statistics are used (see the
 * file comment) and l->bn_single is set.
 */
static void
batchnorm_forward(struct nn_net *net, struct nn_layer *l, int B, int flags)
{
	int F = l->out, r, j;
	double eps = net->cfg.norm_eps, mom = net->cfg.bn_momentum;
	double *rm = net->stats + l->off_s, *rv = rm + F;
	double *mean = l->mean, *rstd = l->rstd;

	l->bn_single = 0;
	if (!(flags & NN_FW_TRAIN) || B == 1) {
		l->bn_single = 1;
		for (j = 0; j < F; j++) {
			mean[j] = rm[j];
			rstd[j] = 1.0 / sqrt(rv[j] + eps);
		}
	} else {
		for (j = 0; j < F; j++)
			mean[j] = rstd[j] = 0;
		for (r = 0; r < B; r++)
			for (j = 0; j < F; j++)
				mean[j] += l->z[(long)r * F + j];
		for (j = 0; j < F; j++)
			mean[j] /= B;
		for (r = 0; r < B; r++)
			for (j = 0; j < F; j++) {
				double d = l->z[(long)r * F + j] - mean[j];

				rstd[j] += d * d;	/* sum of squares for now */
			}
		for (j = 0; j < F; j++) {
			double var = rstd[j] / B;

			if (flags & NN_FW_STATS) {
				rm[j] = (1 - mom) * rm[j] + mom * mean[j];
				rv[j] = (1 - mom) * rv[j] +
				    mom * rstd[j] / (B - 1);
			}
			rstd[j] = 1.0 / sqrt(var + eps);
		}
	}
	for (r = 0; r < B; r++)
		for (j = 0; j < F; j++)
			l->xhat[(long)r * F + j] =
			    (l->z[(long)r * F + j] - mean[j]) * rstd[j];
}

/* dz from dxhat (stored in dz on entry, overwritten):
 * dz = rstd/B (B dxhat - sum dxhat - xhat sum(dxhat xhat)), per feature. */
static void
batchnorm_backward(const struct nn_net *net, struct nn_layer *l, double *dz,
    int B)
{
	int F = l->out, r, j;

	(void)net;
	if (l->bn_single) {
		for (r = 0; r < B; r++)
			for (j = 0; j < F; j++)
				dz[(long)r * F + j] *= l->rstd[j];
		return;
	}
	for (j = 0; j < F; j++) {
		double a = 0, b = 0;

		for (r = 0; r < B; r++) {
			a += dz[(long)r * F + j];
			b += dz[(long)r * F + j] * l->xhat[(long)r * F + j];
		}
		for (r = 0; r < B; r++) {
			long i = (long)r * F + j;

			dz[i] = l->rstd[j] / B *
			    (B * dz[i] - a - l->xhat[i] * b);
		}
	}
}

/* ============================================================ layer norm */

/* Layer norm: per row over its F features; same in training and evaluation. */
static void
layernorm_forward(struct nn_net *net, struct nn_layer *l, int B, int flags)
{
	int F = l->out, r, j;
	double eps = net->cfg.norm_eps;

	(void)flags;
	for (r = 0; r < B; r++) {
		const double *z = l->z + (long)r * F;
		double *xh = l->xhat + (long)r * F;
		double m = 0, v = 0, rs;

		for (j = 0; j < F; j++)
			m += z[j];
		m /= F;
		for (j = 0; j < F; j++)
			v += (z[j] - m) * (z[j] - m);
		v /= F;
		rs = 1.0 / sqrt(v + eps);
		l->mean[r] = m;
		l->rstd[r] = rs;
		for (j = 0; j < F; j++)
			xh[j] = (z[j] - m) * rs;
	}
}

static void
layernorm_backward(const struct nn_net *net, struct nn_layer *l, double *dz,
    int B)
{
	int F = l->out, r, j;

	(void)net;
	for (r = 0; r < B; r++) {
		double *d = dz + (long)r * F;
		const double *xh = l->xhat + (long)r * F;
		double a = 0, b = 0, rs = l->rstd[r];

		for (j = 0; j < F; j++) {
			a += d[j];
			b += d[j] * xh[j];
		}
		for (j = 0; j < F; j++)
			d[j] = rs / F * (F * d[j] - a - xh[j] * b);
	}
}

/* ============================================================ the table */

struct norm_kind {
	const char *name;
	/* xhat (and the caches backward reads) from l->z of B rows */
	void (*forward)(struct nn_net *net, struct nn_layer *l, int B,
	    int flags);
	/* dz from dxhat, in place */
	void (*backward)(const struct nn_net *net, struct nn_layer *l,
	    double *dz, int B);
	int stats;		/* keeps running mean and variance */
};

/* "none" has no functions: a net without norm never calls them */
static const struct norm_kind norms[] = {
	[NN_NORM_NONE] = { "none", NULL, NULL, 0 },
	[NN_NORM_BATCH] = { "batch", batchnorm_forward, batchnorm_backward, 1 },
	[NN_NORM_LAYER] = { "layer", layernorm_forward, layernorm_backward, 0 },
};
/* an enum value past the last row fails here; a gap is refused by
 * nn_kinds_check() at start-up */
_Static_assert(COUNT(norms) == NN_NORM_COUNT, "one row per enum nn_norm");

static const struct norm_kind *
norm_of(int k)
{
	assert(k >= 0 && k < NN_NORM_COUNT);
	return &norms[k];
}

NN_KIND_NAMES(nn_norm, norms, NN_NORM_COUNT)

int
nn__norm_has_stats(int norm)
{
	return norm_of(norm)->stats;
}

void
nn__norm_forward(struct nn_net *net, struct nn_layer *l, int B, int flags)
{
	norm_of(net->cfg.norm)->forward(net, l, B, flags);
}

void
nn__norm_backward(const struct nn_net *net, struct nn_layer *l, double *dz,
    int B)
{
	norm_of(net->cfg.norm)->backward(net, l, dz, B);
}

int
nn__norm_check(char *err, size_t errlen)
{
	int k;

	for (k = 0; k < NN_NORM_COUNT; k++)
		if (norms[k].name == NULL || (k != NN_NORM_NONE &&
		    (norms[k].forward == NULL || norms[k].backward == NULL))) {
			nn_errf(err, errlen, "norm %d has no table row "
			    "(src/nn/norm.c)", k);
			return -1;
		}
	return 0;
}
