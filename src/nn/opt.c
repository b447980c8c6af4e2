/*
 * opt.c - the update: clipping by global norm, then the optimizer's step,
 * one row per optimizer in opts[] (the step on every parameter, then what
 * the optimizer does apart from the gradient: adamw's decoupled weight
 * decay), then the penalty's proximal step when it is one (loss.c).
 *
 * The optimizers work on the flat parameter block p[] with the gradient
 * g[] and the moments m[], v[] in the same layout (nn-internal.h), so each
 * step is a single loop gcc vectorises.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "nn/nn-internal.h"
#include "util/util.h"

/* ============================================================ clipping */

double
nn__grad_norm(const struct nn_net *net)
{
	double s = 0;
	long i;

	for (i = 0; i < net->np; i++)
		s += net->g[i] * net->g[i];
	return sqrt(s);
}

/*
 * Clipping by global norm: one factor for the whole gradient, so its
 * direction is kept and only a step that would be too long is shortened.
 * The backward pass of the clip, were it part of a loss, is this scaling
 * itself: the clipped gradient is clip * g / |g| (tests/nn/test-grad.c
 * checks it against central differences of the loss).
 */
double
nn__clip(struct nn_net *net)
{
	double n = nn__grad_norm(net), f;
	long i;

	if (!(net->cfg.clip > 0) || !(n > net->cfg.clip))
		return n;
	f = net->cfg.clip / n;
	for (i = 0; i < net->np; i++)
		net->g[i] *= f;
	return n;
}

double
nn_net_grad_norm(const struct nn_net *net)
{
	return net->have_grad ? nn__grad_norm(net) : NAN;
}

/* ============================================================ optimizers */

/* sgd: w -= lr g */
static void
sgd_step(struct nn_net *net)
{
	double *restrict p = net->p, *restrict g = net->g;
	double lr = net->cfg.lr;
	long i;

	for (i = 0; i < net->np; i++)
		p[i] -= lr * g[i];
}

/* momentum: v = mu v + g; w -= lr v (v kept in m[]) */
static void
momentum_step(struct nn_net *net)
{
	double *restrict p = net->p, *restrict g = net->g;
	double *restrict m = net->m;
	double lr = net->cfg.lr, mu = net->cfg.momentum;
	long i;

	for (i = 0; i < net->np; i++) {
		m[i] = mu * m[i] + g[i];
		p[i] -= lr * m[i];
	}
}

/* adam: first and second moments, then the bias-corrected step */
static void
adam_step(struct nn_net *net)
{
	double *restrict p = net->p, *restrict g = net->g;
	double *restrict m = net->m, *restrict v = net->v;
	double lr = net->cfg.lr, b1 = net->cfg.beta1, b2 = net->cfg.beta2;
	double eps = net->cfg.adam_eps, c1, c2;
	long i;

	net->adam_t++;
	c1 = 1 - pow(b1, (double)net->adam_t);
	c2 = 1 - pow(b2, (double)net->adam_t);
	for (i = 0; i < net->np; i++) {
		m[i] = b1 * m[i] + (1 - b1) * g[i];
		v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
		p[i] -= lr * (m[i] / c1) / (sqrt(v[i] / c2) + eps);
	}
}

/*
 * adamw's decoupled weight decay, after the adam step and outside it:
 * every weight (not the biases, gains or shifts) shrinks by the same
 * factor lr wd, whatever its gradient history (reg l2 inside adam would
 * be divided by sqrt(vhat) like the rest of the gradient).
 */
static void
adamw_decay(struct nn_net *net)
{
	double f = net->cfg.lr * net->cfg.wd;
	int k;
	long i;

	if (!(net->cfg.wd > 0))
		return;
	for (k = 0; k < net->nl; k++) {
		double *w = net->p + net->L[k].off_w;
		long nw = (long)net->L[k].in * net->L[k].out;

		for (i = 0; i < nw; i++)
			w[i] -= f * w[i];
	}
}

struct opt_kind {
	const char *name;
	void (*step)(struct nn_net *net);	/* p from g (and m, v) */
	void (*after)(struct nn_net *net);	/* then this, or NULL */
};

static const struct opt_kind opts[] = {
	[NN_OPT_SGD] = { "sgd", sgd_step, NULL },
	[NN_OPT_MOMENTUM] = { "momentum", momentum_step, NULL },
	[NN_OPT_ADAM] = { "adam", adam_step, NULL },
	[NN_OPT_ADAMW] = { "adamw", adam_step, adamw_decay },
};
/* an enum value past the last row fails here; a gap is refused by
 * nn_kinds_check() at start-up */
_Static_assert(COUNT(opts) == NN_OPT_COUNT, "one row per enum nn_opt");

static const struct opt_kind *
opt_of(int k)
{
	assert(k >= 0 && k < NN_OPT_COUNT);
	return &opts[k];
}

NN_KIND_NAMES(nn_opt, opts, NN_OPT_COUNT)

int
nn__opt_check(char *err, size_t errlen)
{
	int k;

	for (k = 0; k < NN_OPT_COUNT; k++)
		if (opts[k].name == NULL || opts[k].step == NULL) {
			nn_errf(err, errlen, "optimizer %d has no table row "
			    "(src/nn/opt.c)", k);
			return -1;
		}
	return 0;
}

/* ============================================================ update */

void
nn__update(struct nn_net *net, int ntrain)
{
	const struct opt_kind *o = opt_of(net->cfg.opt);

	if (net->cfg.clip > 0)	/* else no need for the norm */
		nn__clip(net);
	/* the previous values, for the update:data ratio (diag.c) */
	memcpy(net->pprev, net->p, (size_t)net->np * sizeof *net->p);
	o->step(net);
	if (o->after != NULL)
		o->after(net);
	nn__penalty_prox(net, ntrain);
	net->have_update = 1;
}
