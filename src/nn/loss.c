/*
 * loss.c - what training minimizes, L = L0 + penalty: the losses L0, one
 * row each in losses[] with the value and its gradient side by side, and
 * the penalties on the weights, one row each in regs[] with the value,
 * the gradient and (L1) the proximal step.
 *
 * A loss reads the output layer's output o (B, nout) of the last forward
 * pass: mean over examples and outputs.  A penalty is (lambda/n) R(w) for
 * n training examples, over the weights only (not biases, gains or
 * shifts).  tests/nn/test-grad.c checks every gradient here against
 * central differences.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "nn/nn-internal.h"
#include "util/util.h"

/* ============================================================ losses */

/* mse: mean (o - t)^2 */
static double
mse_sum(const double *o, const double *y, long n)
{
	double s = 0;
	long i;

	for (i = 0; i < n; i++)
		s += (o[i] - y[i]) * (o[i] - y[i]);
	return s;
}

static void
mse_grad(double *d, const double *o, const double *y, long n, double inv)
{
	long i;

	for (i = 0; i < n; i++)
		d[i] = 2 * (o[i] - y[i]) * inv;
}

/* mae: mean |o - t|, subgradient 0 at o = t */
static double
mae_sum(const double *o, const double *y, long n)
{
	double s = 0;
	long i;

	for (i = 0; i < n; i++)
		s += fabs(o[i] - y[i]);
	return s;
}

static void
mae_grad(double *d, const double *o, const double *y, long n, double inv)
{
	long i;

	for (i = 0; i < n; i++) {
		double e = o[i] - y[i];

		d[i] = (e > 0 ? inv : e < 0 ? -inv : 0);
	}
}

/* bce on the logit z: max(z, 0) - z t + log(1 + e^-|z|), no overflow */
static double
bce_sum(const double *o, const double *y, long n)
{
	double s = 0;
	long i;

	for (i = 0; i < n; i++) {
		double z = o[i];

		s += (z > 0 ? z : 0) - z * y[i] + log1p(exp(-fabs(z)));
	}
	return s;
}

/* d/dz of the stable form is sigmoid(z) - t */
static void
bce_grad(double *d, const double *o, const double *y, long n, double inv)
{
	long i;

	for (i = 0; i < n; i++)
		d[i] = (nn__sigmoid(o[i]) - y[i]) * inv;
}

struct loss_kind {
	const char *name;
	/* sum of the loss over n outputs o against targets y */
	double (*sum)(const double *o, const double *y, long n);
	/* d = dL0/do for L0 = inv * sum (inv = 1/n) */
	void (*grad)(double *d, const double *o, const double *y, long n,
	    double inv);
	int logits;		/* o is a logit: predictions are sigmoid(o) */
};

static const struct loss_kind losses[] = {
	[NN_LOSS_MSE] = { "mse", mse_sum, mse_grad, 0 },
	[NN_LOSS_MAE] = { "mae", mae_sum, mae_grad, 0 },
	[NN_LOSS_BCE] = { "bce", bce_sum, bce_grad, 1 },
};
/* an enum value past the last row fails here; a gap is refused by
 * nn_kinds_check() at start-up */
_Static_assert(COUNT(losses) == NN_LOSS_COUNT, "one row per enum nn_loss");

static const struct loss_kind *
loss_of(int k)
{
	assert(k >= 0 && k < NN_LOSS_COUNT);
	return &losses[k];
}

NN_KIND_NAMES(nn_loss, losses, NN_LOSS_COUNT)

int
nn__loss_logits(int loss)
{
	return loss_of(loss)->logits;
}

double
nn__loss(const struct nn_net *net, const double *y, int B)
{
	const struct nn_layer *l = &net->L[net->nl - 1];
	long n = (long)B * l->out;

	if (n == 0)
		return 0;
	return loss_of(net->cfg.loss)->sum(l->outp, y, n) / n;
}

void
nn__loss_grad(const struct nn_net *net, double *d, const double *y, int B)
{
	const struct nn_layer *l = &net->L[net->nl - 1];
	long n = (long)B * l->out;

	loss_of(net->cfg.loss)->grad(d, l->outp, y, n, n ? 1.0 / n : 0);
}

/* ============================================================ penalties */

/*
 * A penalty row: sum adds R's terms of n weights to s (one running sum
 * over the layers), grad adds c dR/dw to g (c = lambda/n), prox replaces
 * each weight by its proximal step for threshold thr (NULL: none; the
 * penalty is then always a gradient term).
 */
static double
l1_sum(double s, const double *w, long n)
{
	long i;

	for (i = 0; i < n; i++)
		s += fabs(w[i]);
	return s;
}

/* sign(w), sign(0) = 0 */
static void
l1_grad(double *g, const double *w, long n, double c)
{
	long i;

	for (i = 0; i < n; i++)
		g[i] += w[i] > 0 ? c : w[i] < 0 ? -c : 0;
}

/* soft threshold: w = sign(w) max(|w| - thr, 0) */
static void
l1_prox(double *w, long n, double thr)
{
	long i;

	for (i = 0; i < n; i++) {
		double a = fabs(w[i]) - thr;

		w[i] = a > 0 ? copysign(a, w[i]) : 0;
	}
}

static double
l2_sum(double s, const double *w, long n)
{
	long i;

	for (i = 0; i < n; i++)
		s += w[i] * w[i];
	return s;
}

static void
l2_grad(double *g, const double *w, long n, double c)
{
	long i;

	for (i = 0; i < n; i++)
		g[i] += 2 * c * w[i];
}

struct reg_kind {
	const char *name;
	double (*sum)(double s, const double *w, long n);
	void (*grad)(double *g, const double *w, long n, double c);
	void (*prox)(double *w, long n, double thr);
};

static const struct reg_kind regs[] = {
	[NN_REG_NONE] = { "none", NULL, NULL, NULL },
	[NN_REG_L1] = { "l1", l1_sum, l1_grad, l1_prox },
	[NN_REG_L2] = { "l2", l2_sum, l2_grad, NULL },
};
_Static_assert(COUNT(regs) == NN_REG_COUNT, "one row per enum nn_reg");

static const struct reg_kind *
reg_of(int k)
{
	assert(k >= 0 && k < NN_REG_COUNT);
	return &regs[k];
}

NN_KIND_NAMES(nn_reg, regs, NN_REG_COUNT)

/* The penalty's row when it is on (a reg, lambda > 0, n > 0), else NULL. */
static const struct reg_kind *
active(const struct nn_net *net, int ntrain)
{
	const struct reg_kind *r = reg_of(net->cfg.reg);

	return r->sum != NULL && net->cfg.lambda > 0 && ntrain > 0 ? r : NULL;
}

/* Whether the penalty is taken as a proximal step after the update
 * (l1mode prox and a penalty that has one) rather than a gradient. */
static int
by_prox(const struct nn_net *net, const struct reg_kind *r)
{
	return r->prox != NULL && net->cfg.l1mode == NN_L1_PROX;
}

double
nn__penalty(const struct nn_net *net, int ntrain)
{
	const struct reg_kind *r = active(net, ntrain);
	double s = 0;
	int k;

	if (r == NULL)
		return 0;
	for (k = 0; k < net->nl; k++)
		s = r->sum(s, net->p + net->L[k].off_w,
		    (long)net->L[k].in * net->L[k].out);
	return net->cfg.lambda / ntrain * s;
}

double
nn_net_penalty(const struct nn_net *net, int n)
{
	return nn__penalty(net, n);
}

void
nn__penalty_grad(struct nn_net *net, int ntrain)
{
	const struct reg_kind *r = active(net, ntrain);
	int k;

	if (r == NULL || by_prox(net, r))
		return;
	for (k = 0; k < net->nl; k++)
		r->grad(net->g + net->L[k].off_w, net->p + net->L[k].off_w,
		    (long)net->L[k].in * net->L[k].out,
		    net->cfg.lambda / ntrain);
}

void
nn__penalty_prox(struct nn_net *net, int ntrain)
{
	const struct reg_kind *r = active(net, ntrain);
	double thr;
	int k;

	if (r == NULL || !by_prox(net, r))
		return;
	thr = net->cfg.lr * net->cfg.lambda / ntrain;
	for (k = 0; k < net->nl; k++)
		r->prox(net->p + net->L[k].off_w,
		    (long)net->L[k].in * net->L[k].out, thr);
}

/* ============================================================ check */

int
nn__loss_check(char *err, size_t errlen)
{
	int k;

	for (k = 0; k < NN_LOSS_COUNT; k++)
		if (losses[k].name == NULL || losses[k].sum == NULL ||
		    losses[k].grad == NULL) {
			nn_errf(err, errlen, "loss %d has no table row "
			    "(src/nn/loss.c)", k);
			return -1;
		}
	for (k = 0; k < NN_REG_COUNT; k++)
		if (regs[k].name == NULL ||
		    (k != NN_REG_NONE && (regs[k].sum == NULL ||
		    regs[k].grad == NULL))) {
			nn_errf(err, errlen, "penalty %d has no table row "
			    "(src/nn/loss.c)", k);
			return -1;
		}
	return 0;
}
