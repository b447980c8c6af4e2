/*
 * diag.c - numbers that explain a network's health: weight statistics and
 * histograms per layer, gradient norms, update:data ratios, activation
 * saturation and dead ReLUs, total weight norm and sparsity, and the
 * pre/post-normalization matrices behind the batch-vs-layer-norm view.
 * Everything is returned as numbers; drawing is the chart layer's job.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "nn/nn-internal.h"
#include "util/i18n.h"
#include "util/util.h"

static void
weight_stats(const struct nn_net *net, int k, struct nn_layer_stats *s)
{
	const struct nn_layer *l = &net->L[k];
	const double *w = net->p + l->off_w;
	long n = (long)l->in * l->out, i, zero = 0, small = 0;
	double sum = 0, sq = 0, mx = 0, mean;

	for (i = 0; i < n; i++) {
		sum += w[i];
		if (fabs(w[i]) > mx || isnan(w[i]))
			mx = fabs(w[i]);
		zero += w[i] == 0;
		small += fabs(w[i]) < 1e-3;
	}
	mean = sum / n;
	for (i = 0; i < n; i++)
		sq += (w[i] - mean) * (w[i] - mean);
	s->in = l->in;
	s->out = l->out;
	s->nweights = n;
	s->w_mean = mean;
	s->w_std = sqrt(sq / n);
	s->w_maxabs = mx;
	s->frac_zero = (double)zero / n;
	s->frac_small = (double)small / n;
	s->grad_norm = s->update_ratio = NAN;
	if (net->have_grad) {
		const double *g = net->g + l->off_w;
		double gs = 0;

		for (i = 0; i < n; i++)
			gs += g[i] * g[i];
		s->grad_norm = sqrt(gs);
	}
	if (net->have_update) {
		const double *o = net->pprev + l->off_w;
		double d2 = 0, w2 = 0;

		for (i = 0; i < n; i++) {
			d2 += (w[i] - o[i]) * (w[i] - o[i]);
			w2 += w[i] * w[i];
		}
		s->update_ratio = w2 > 0 ? sqrt(d2 / w2) : NAN;
	}
	s->act_mean = s->act_std = s->act_sat = s->act_dead = NAN;
}

int
nn_net_stats(struct nn_net *net, const struct nn_dataset *d,
    struct nn_layer_stats *st, char *err, size_t errlen)
{
	unsigned char alive[NN_MAX_LAYERS][NN_MAX_WIDTH];
	double mean[NN_MAX_LAYERS], m2[NN_MAX_LAYERS], cnt[NN_MAX_LAYERS];
	long sat[NN_MAX_LAYERS];
	int k, r;

	for (k = 0; k < net->nl; k++)
		weight_stats(net, k, &st[k]);
	if (d == NULL || d->n == 0)
		return 0;
	if (d->nin != net->sizes[0]) {
		nn_errf(err, errlen, _("data has %d inputs, the network %d"),
		    d->nin, net->sizes[0]);
		return -1;
	}
	if (nn__check_work(net, d, _("the"), err, errlen) < 0)
		return -1;
	memset(alive, 0, sizeof alive);
	for (k = 0; k < net->nl; k++)
		mean[k] = m2[k] = cnt[k] = 0, sat[k] = 0;
	/* one pass: each chunk's mean and spread around it, merged into the
	 * running ones (Chan et al.), as stable as two passes over the data */
	for (r = 0; r < d->n; r += NN_EVAL_CHUNK) {
		int B = d->n - r < NN_EVAL_CHUNK ? d->n - r : NN_EVAL_CHUNK;

		if (nn__interrupted()) {
			nn_errf(err, errlen, _("interrupted"));
			return -1;
		}
		nn__forward(net, d->x + (long)r * d->nin, B, 0);
		for (k = 0; k < net->nl; k++) {
			const struct nn_layer *l = &net->L[k];
			int act = nn__act_of_layer(net, k);
			long n = (long)B * l->out, i;
			double sum = 0, mc, sq = 0, delta, tot;

			for (i = 0; i < n; i++) {
				double a = l->h[i];

				sum += a;
				sat[k] += nn__act_saturated(act, a);
				if (a != 0)
					alive[k][i % l->out] = 1;
			}
			mc = sum / n;
			for (i = 0; i < n; i++)
				sq += (l->h[i] - mc) * (l->h[i] - mc);
			tot = cnt[k] + n;
			delta = mc - mean[k];
			mean[k] += delta * n / tot;
			m2[k] += sq + delta * delta * cnt[k] * n / tot;
			cnt[k] = tot;
		}
	}
	for (k = 0; k < net->nl; k++) {
		const struct nn_layer *l = &net->L[k];
		int act = nn__act_of_layer(net, k), j, dead = 0;

		st[k].act_mean = mean[k];
		st[k].act_std = sqrt(m2[k] / cnt[k]);
		if (nn__act_has_saturation(act))
			st[k].act_sat = sat[k] / cnt[k];
		if (nn__act_dies(act)) {
			for (j = 0; j < l->out; j++)
				dead += !alive[k][j];
			st[k].act_dead = (double)dead / l->out;
		}
	}
	return 0;
}

long
nn_weight_histogram(const struct nn_net *net, int k, int nbins, double lo,
    double hi, long *counts)
{
	int k0 = k < 0 ? 0 : k, k1 = k < 0 ? net->nl : k + 1, b;
	long tot = 0, i;

	if (nbins < 1 || k >= net->nl || !(hi > lo))
		return 0;
	for (b = 0; b < nbins; b++)
		counts[b] = 0;
	for (k = k0; k < k1; k++) {
		const double *w = net->p + net->L[k].off_w;
		long n = (long)net->L[k].in * net->L[k].out;

		for (i = 0; i < n; i++) {
			double t = (w[i] - lo) / (hi - lo) * nbins;

			if (isnan(t))
				continue;
			b = t < 0 ? 0 : t >= nbins ? nbins - 1 : (int)t;
			counts[b]++;
			tot++;
		}
	}
	return tot;
}

double
nn_net_weight_norm(const struct nn_net *net)
{
	double s = 0;
	int k;
	long i;

	for (k = 0; k < net->nl; k++) {
		const double *w = net->p + net->L[k].off_w;
		long n = (long)net->L[k].in * net->L[k].out;

		for (i = 0; i < n; i++)
			s += w[i] * w[i];
	}
	return sqrt(s);
}

double
nn_net_init_distance(const struct nn_net *net)
{
	double s = 0;
	int k;
	long i;

	for (k = 0; k < net->nl; k++) {
		const double *w = net->p + net->L[k].off_w;
		const double *w0 = net->p0 + net->L[k].off_w;
		long n = (long)net->L[k].in * net->L[k].out;

		for (i = 0; i < n; i++)
			s += (w[i] - w0[i]) * (w[i] - w0[i]);
	}
	return sqrt(s);
}

double
nn_net_zero_share(const struct nn_net *net)
{
	long z = 0, i;
	int k;

	for (k = 0; k < net->nl; k++) {
		const double *w = net->p + net->L[k].off_w;
		long n = (long)net->L[k].in * net->L[k].out;

		for (i = 0; i < n; i++)
			z += w[i] == 0;
	}
	return net->nw ? (double)z / net->nw : 0;
}

int
nn_net_norm_matrix(struct nn_net *net, const struct nn_dataset *d, int B,
    int k, double *pre, double *post, char *err, size_t errlen)
{
	const struct nn_layer *l;

	if (net->cfg.norm == NN_NORM_NONE) {
		nn_errf(err, errlen, _("the network has no normalization (norm none)"));
		return -1;
	}
	if (k < 0 || k >= net->nl - 1) {
		nn_errf(err, errlen, _("hidden layer must be 1..%d"), net->nl - 1);
		return -1;
	}
	if (d->nin != net->sizes[0]) {
		nn_errf(err, errlen, _("data has %d inputs, the network %d"),
		    d->nin, net->sizes[0]);
		return -1;
	}
	if (nn__check_work(net, d, _("the"), err, errlen) < 0)
		return -1;
	if (B < 1 || B > d->n) {
		nn_errf(err, errlen, _("batch must be 1..%d (the data size)"),
		    d->n);
		return -1;
	}
	nn__forward(net, d->x, B, NN_FW_TRAIN);
	l = &net->L[k];
	if (pre != NULL)
		memcpy(pre, l->z, (size_t)B * l->out * sizeof(double));
	if (post != NULL)
		memcpy(post, l->xhat, (size_t)B * l->out * sizeof(double));
	return 0;
}
