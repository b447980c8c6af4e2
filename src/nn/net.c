/*
 * net.c - a network: its parameter layout, initialisation (one row per
 * kind in inits[]), and the batched forward and backward passes through
 * its layers: dense, normalization (norm.c), activation (act.c), dropout,
 * skip; the loss and penalty are in loss.c, the update in opt.c.
 *
 * A mini-batch is processed as a (B, width) matrix per layer; the dense
 * products are in dense.c.  Forward caches what backward needs, as in
 * llm.c; backward accumulates gradients into the flat g[] block.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nn/nn-internal.h"
#include "util/i18n.h"
#include "util/util.h"

/* ============================================================ layout */

int
nn__act_of_layer(const struct nn_net *net, int k)
{
	return k < net->nl - 1 ? (int)net->cfg.act : (int)net->cfg.out_act;
}

int
nn__skip(const struct nn_net *net, int k)
{
	return net->cfg.skip && k >= 0 && k < net->nl - 1 &&
	    net->sizes[k] == net->sizes[k + 1];
}

int
nn_net_skip(const struct nn_net *net, int k)
{
	return nn__skip(net, k);
}

/*
 * skip on needs a hidden layer as wide as its input; else the message
 * names the hidden layers' widths.  sizes[0..n-1] as in the spec.
 */
static int
check_skip(const struct nn_config *c, const int *sizes, int n, char *err,
    size_t errlen)
{
	struct strbuf b;
	int k;

	if (!c->skip)
		return 0;
	for (k = 0; k + 2 < n; k++)
		if (sizes[k] == sizes[k + 1])
			return 0;
	strbuf_init(&b);
	for (k = 0; k < n; k++)
		strbuf_addf(&b, "%s%d", k ? "-" : "", sizes[k]);
	strbuf_adds(&b, n > 2 ? _(" has hidden layers ") :
	    _(" has no hidden layer"));
	for (k = 0; k + 2 < n; k++)
		strbuf_addf(&b, "%s%d->%d", k ? ", " : "", sizes[k],
		    sizes[k + 1]);
	nn_errf(err, errlen, _("skip on needs a hidden layer with as many "
	    "units as its input (x + f(x)), but %s (e.g. %d-%d-%d-%d, or skip "
	    "off)"), b.s,
	    sizes[0], n > 2 ? sizes[1] : 16, n > 2 ? sizes[1] : 16,
	    sizes[n - 1]);
	strbuf_done(&b);
	return -1;
}

static void
layout(struct nn_net *net)
{
	long off = 0, soff = 0;
	int k;

	net->nw = 0;
	for (k = 0; k < net->nl; k++) {
		struct nn_layer *l = &net->L[k];

		l->in = net->sizes[k];
		l->out = net->sizes[k + 1];
		l->hidden = k < net->nl - 1;
		l->off_w = off;
		off += (long)l->in * l->out;
		net->nw += (long)l->in * l->out;
		l->off_b = off;
		off += l->out;
		l->off_g = l->off_be = l->off_s = -1;
		if (l->hidden && net->cfg.norm != NN_NORM_NONE) {
			l->off_g = off;
			off += l->out;
			l->off_be = off;
			off += l->out;
			if (nn__norm_has_stats(net->cfg.norm)) {
				l->off_s = soff;
				soff += 2L * l->out;
			}
		}
	}
	net->np = off;
	net->nstats = soff;
}

/* ============================================================ init */

/* The weight initialisations: n = in*out weights of a dense layer from r. */
static void
xavier_draw(double *w, long n, int in, int out, double scale,
    struct nn_rng *r)
{
	double a = sqrt(6.0 / (in + out));
	long i;

	(void)scale;
	for (i = 0; i < n; i++)
		w[i] = (2 * nn_rng_uniform(r) - 1) * a;
}

static void
he_draw(double *w, long n, int in, int out, double scale, struct nn_rng *r)
{
	double a = sqrt(2.0 / in);
	long i;

	(void)out, (void)scale;
	for (i = 0; i < n; i++)
		w[i] = nn_rng_normal(r) * a;
}

static void
normal_draw(double *w, long n, int in, int out, double scale,
    struct nn_rng *r)
{
	long i;

	(void)in, (void)out;
	for (i = 0; i < n; i++)
		w[i] = nn_rng_normal(r) * scale;
}

static void
uniform_draw(double *w, long n, int in, int out, double scale,
    struct nn_rng *r)
{
	long i;

	(void)in, (void)out;
	for (i = 0; i < n; i++)
		w[i] = (2 * nn_rng_uniform(r) - 1) * scale;
}

struct init_kind {
	const char *name;
	void (*draw)(double *w, long n, int in, int out, double scale,
	    struct nn_rng *r);
};

static const struct init_kind inits[] = {
	[NN_INIT_XAVIER] = { "xavier", xavier_draw },
	[NN_INIT_HE] = { "he", he_draw },
	[NN_INIT_NORMAL] = { "normal", normal_draw },
	[NN_INIT_UNIFORM] = { "uniform", uniform_draw },
};
/* an enum value past the last row fails here; a gap is refused by
 * nn_kinds_check() at start-up */
_Static_assert(COUNT(inits) == NN_INIT_COUNT, "one row per enum nn_init");

NN_KIND_NAMES(nn_init, inits, NN_INIT_COUNT)

int
nn__init_check(char *err, size_t errlen)
{
	int k;

	for (k = 0; k < NN_INIT_COUNT; k++)
		if (inits[k].name == NULL || inits[k].draw == NULL) {
			nn_errf(err, errlen, "init %d has no table row "
			    "(src/nn/net.c)", k);
			return -1;
		}
	return 0;
}

/* Draws the initial parameters from cfg.seed; the same seed gives the same
 * weights.  The training rng is seeded from the same seed, after them. */
static void
init_params(struct nn_net *net)
{
	const struct init_kind *ik;
	struct nn_rng r;
	int k;
	long i;

	assert((int)net->cfg.init >= 0 && (int)net->cfg.init < NN_INIT_COUNT);
	ik = &inits[net->cfg.init];
	nn_rng_seed(&r, net->cfg.seed);
	for (k = 0; k < net->nl; k++) {
		struct nn_layer *l = &net->L[k];

		ik->draw(net->p + l->off_w, (long)l->in * l->out, l->in,
		    l->out, net->cfg.init_scale, &r);
		for (i = 0; i < l->out; i++)
			net->p[l->off_b + i] = net->cfg.bias_init;
		if (l->off_g >= 0)
			for (i = 0; i < l->out; i++) {
				net->p[l->off_g + i] = 1;
				net->p[l->off_be + i] = 0;
			}
		if (l->off_s >= 0)
			for (i = 0; i < l->out; i++) {
				net->stats[l->off_s + i] = 0;
				net->stats[l->off_s + l->out + i] = 1;
			}
	}
	net->rng = r;
	memcpy(net->p0, net->p, (size_t)net->np * sizeof *net->p0);
}

static void
clear_training(struct nn_net *net)
{
	memset(net->g, 0, (size_t)net->np * sizeof *net->g);
	memset(net->m, 0, (size_t)net->np * sizeof *net->m);
	memset(net->v, 0, (size_t)net->np * sizeof *net->v);
	net->adam_t = 0;
	nn_early_init(&net->early);
	nn_free(net->best_p);
	nn_free(net->best_stats);
	net->best_p = net->best_stats = NULL;
	net->nhist = 0;
	net->have_grad = net->have_update = 0;
}

struct nn_net *
nn_net_new_sizes(const int *sizes, int n, const struct nn_config *c,
    char *err, size_t errlen)
{
	struct nn_net *net;
	int k;

	if (n < 2 || n > NN_MAX_LAYERS + 1) {
		nn_errf(err, errlen, _("a network needs 2 to %d layer sizes"),
		    NN_MAX_LAYERS + 1);
		return NULL;
	}
	long nw = 0;

	for (k = 0; k < n; k++)
		if (sizes[k] < 1 || sizes[k] > NN_MAX_WIDTH) {
			nn_errf(err, errlen, _("layer %d: width must be 1..%d"),
			    k + 1, NN_MAX_WIDTH);
			return NULL;
		}
	for (k = 0; k + 1 < n; k++)
		nw += (long)sizes[k] * sizes[k + 1];
	if (nw > NN_MAX_WEIGHTS) {
		nn_errf(err, errlen, _("the network has %ld weights, too many "
		    "(limit %d)"), nw, NN_MAX_WEIGHTS);
		return NULL;
	}
	if (nn_config_check(c, err, errlen) < 0 ||
	    check_skip(c, sizes, n, err, errlen) < 0)
		return NULL;
	net = nn_zalloc(sizeof *net);
	net->cfg = *c;
	net->cfg.loss_auto = 0;	/* a net's loss is the one it uses */
	net->nl = n - 1;
	memcpy(net->sizes, sizes, (size_t)n * sizeof *sizes);
	layout(net);
	net->p = nn_zalloc((size_t)net->np * sizeof *net->p);
	net->g = nn_zalloc((size_t)net->np * sizeof *net->g);
	net->m = nn_zalloc((size_t)net->np * sizeof *net->m);
	net->v = nn_zalloc((size_t)net->np * sizeof *net->v);
	net->pprev = nn_zalloc((size_t)net->np * sizeof *net->pprev);
	net->p0 = nn_zalloc((size_t)net->np * sizeof *net->p0);
	net->stats = nn_zalloc((size_t)(net->nstats ? net->nstats : 1) *
	    sizeof *net->stats);
	init_params(net);
	clear_training(net);
	return net;
}

struct nn_net *
nn_net_new(const char *spec, const struct nn_config *c, char *err,
    size_t errlen)
{
	int sizes[NN_MAX_LAYERS + 1], n;

	if (nn_spec_parse(spec, sizes, &n, err, errlen) < 0)
		return NULL;
	return nn_net_new_sizes(sizes, n, c, err, errlen);
}

static void
free_caches(struct nn_net *net)
{
	nn_free(net->cache);
	nn_free(net->xin);
	nn_free(net->yin);
	nn_free(net->d1);
	nn_free(net->d2);
	nn_free(net->d3);
	nn_free(net->wt);
	nn_free(net->dbuf);
	net->cache = net->xin = net->yin = net->d1 = net->d2 = net->d3 = NULL;
	net->wt = net->dbuf = NULL;
	net->cap = 0;
}

void
nn_net_free(struct nn_net *net)
{
	if (net == NULL)
		return;
	free_caches(net);
	nn_free(net->p);
	nn_free(net->g);
	nn_free(net->m);
	nn_free(net->v);
	nn_free(net->pprev);
	nn_free(net->p0);
	nn_free(net->stats);
	nn_free(net->best_p);
	nn_free(net->best_stats);
	nn_free(net->hist);
	nn_free(net);
}

struct nn_net *
nn_net_copy(const struct nn_net *net)
{
	struct nn_net *c = nn_alloc(sizeof *c);
	int k;

	*c = *net;
	c->p = nn_dup(net->p, (size_t)net->np);
	c->g = nn_dup(net->g, (size_t)net->np);
	c->m = nn_dup(net->m, (size_t)net->np);
	c->v = nn_dup(net->v, (size_t)net->np);
	c->pprev = nn_dup(net->pprev, (size_t)net->np);
	c->p0 = nn_dup(net->p0, (size_t)net->np);
	c->stats = nn_dup(net->stats, (size_t)(net->nstats ? net->nstats : 1));
	c->best_p = net->best_p ? nn_dup(net->best_p, (size_t)net->np) : NULL;
	c->best_stats = net->best_stats ?
	    nn_dup(net->best_stats, (size_t)(net->nstats ? net->nstats : 1)) :
	    NULL;
	c->hist = net->nhist ? nn_alloc((size_t)net->nhist * sizeof *c->hist) :
	    NULL;
	if (net->nhist)
		memcpy(c->hist, net->hist, (size_t)net->nhist * sizeof *c->hist);
	c->caphist = net->nhist;
	/* Caches are scratch: the copy grows its own. */
	c->cache = c->xin = c->yin = c->d1 = c->d2 = c->d3 = c->wt = NULL;
	c->dbuf = NULL;
	c->cap = 0;
	for (k = 0; k < c->nl; k++) {
		struct nn_layer *l = &c->L[k];

		l->z = l->xhat = l->u = l->h = l->mask = l->a = l->outp = NULL;
		l->f = l->r = NULL;
		l->mean = l->rstd = NULL;
	}
	return c;
}

void
nn_net_reset(struct nn_net *net)
{
	init_params(net);
	clear_training(net);
}

const struct nn_config *
nn_net_config(const struct nn_net *net)
{
	return &net->cfg;
}

int
nn_net_set_config(struct nn_net *net, const struct nn_config *c, char *err,
    size_t errlen)
{
	if (nn_config_check(c, err, errlen) < 0)
		return -1;
	if (c->norm != net->cfg.norm) {
		nn_errf(err, errlen,
		    _("norm is part of the network's shape: build a new network "
		    "to change it from %s to %s"), nn_norm_name(net->cfg.norm),
		    nn_norm_name(c->norm));
		return -1;
	}
	if (c->opt != net->cfg.opt) {
		memset(net->m, 0, (size_t)net->np * sizeof *net->m);
		memset(net->v, 0, (size_t)net->np * sizeof *net->v);
		net->adam_t = 0;
	}
	if (check_skip(c, net->sizes, net->nl + 1, err, errlen) < 0)
		return -1;
	if ((c->dropout > 0) != (net->cfg.dropout > 0) ||
	    (c->skip != 0) != (net->cfg.skip != 0))
		free_caches(net);
	net->cfg = *c;
	net->cfg.loss_auto = 0;	/* a net's loss is the one it uses */
	return 0;
}

/* ============================================================ accessors */

int
nn_net_nlayers(const struct nn_net *net)
{
	return net->nl;
}

int
nn_net_width(const struct nn_net *net, int k)
{
	return k >= 0 && k <= net->nl ? net->sizes[k] : 0;
}

int
nn_net_nin(const struct nn_net *net)
{
	return net->sizes[0];
}

int
nn_net_nout(const struct nn_net *net)
{
	return net->sizes[net->nl];
}

void
nn_net_spec(const struct nn_net *net, char *buf, size_t len)
{
	struct strbuf b;
	int k;

	strbuf_init(&b);
	for (k = 0; k <= net->nl; k++)
		strbuf_addf(&b, "%s%d", k ? "-" : "", net->sizes[k]);
	snprintf(buf, len, "%s", b.s);
	strbuf_done(&b);
}

long
nn_net_nparams(const struct nn_net *net)
{
	return net->np;
}

long
nn_net_nweights(const struct nn_net *net)
{
	return net->nw;
}

double *
nn_net_weights(struct nn_net *net, int k, int *in, int *out)
{
	if (k < 0 || k >= net->nl)
		return NULL;
	if (in != NULL)
		*in = net->L[k].in;
	if (out != NULL)
		*out = net->L[k].out;
	return net->p + net->L[k].off_w;
}

double *
nn_net_start_weights(struct nn_net *net, int k, int *in, int *out)
{
	double *w = nn_net_weights(net, k, in, out);

	return w != NULL ? net->p0 + (w - net->p) : NULL;
}

double *
nn_net_biases(struct nn_net *net, int k)
{
	return k >= 0 && k < net->nl ? net->p + net->L[k].off_b : NULL;
}

double *
nn_net_gamma(struct nn_net *net, int k)
{
	if (k < 0 || k >= net->nl || net->L[k].off_g < 0)
		return NULL;
	return net->p + net->L[k].off_g;
}

double *
nn_net_beta(struct nn_net *net, int k)
{
	if (k < 0 || k >= net->nl || net->L[k].off_be < 0)
		return NULL;
	return net->p + net->L[k].off_be;
}

double *
nn_net_running_mean(struct nn_net *net, int k)
{
	if (k < 0 || k >= net->nl || net->L[k].off_s < 0)
		return NULL;
	return net->stats + net->L[k].off_s;
}

double *
nn_net_running_var(struct nn_net *net, int k)
{
	if (k < 0 || k >= net->nl || net->L[k].off_s < 0)
		return NULL;
	return net->stats + net->L[k].off_s + net->L[k].out;
}

const double *
nn_net_weight_grads(const struct nn_net *net, int k)
{
	if (k < 0 || k >= net->nl)
		return NULL;
	return net->g + net->L[k].off_w;
}

/* ============================================================ caches */

void
nn__ensure_cap(struct nn_net *net, int B)
{
	int drop = net->cfg.dropout > 0, norm = net->cfg.norm != NN_NORM_NONE;
	int skip = net->cfg.skip != 0;
	int k, maxw = 0, cap;
	long maxwt = 0, tot = 0;
	double *q;

	if (B <= net->cap && drop == net->cache_dropout &&
	    norm == net->cache_norm && skip == net->cache_skip)
		return;
	cap = B > net->cap ? B : net->cap;
	if (cap < 1)
		cap = 1;
	free_caches(net);
	net->cap = cap;
	net->cache_dropout = drop;
	net->cache_norm = norm;
	net->cache_skip = skip;
	for (k = 0; k <= net->nl; k++)
		if (net->sizes[k] > maxw)
			maxw = net->sizes[k];
	for (k = 0; k < net->nl; k++) {
		struct nn_layer *l = &net->L[k];
		long n = (long)cap * l->out;
		int fl = l->hidden && norm, fd = l->hidden && drop;

		tot += 2 * n;			/* z, h */
		if (fl)
			tot += 2 * n + 2L * (cap > l->out ? cap : l->out);
		if (fd)
			tot += 2 * n;
		if (nn__skip(net, k))
			tot += n;
		if ((long)l->in * l->out > maxwt)
			maxwt = (long)l->in * l->out;
	}
	net->cache = q = nn_alloc((size_t)tot * sizeof *q);
	for (k = 0; k < net->nl; k++) {
		struct nn_layer *l = &net->L[k];
		long n = (long)cap * l->out;
		long ms = cap > l->out ? cap : l->out;

		l->z = q;
		q += n;
		l->h = q;
		q += n;
		l->xhat = l->mask = l->a = l->mean = l->rstd = l->r = NULL;
		l->u = l->z;
		if (l->hidden && norm) {
			l->xhat = q;
			q += n;
			l->u = q;	/* nn__forward() finds u right after xhat */
			q += n;
			l->mean = q;
			q += ms;
			l->rstd = q;
			q += ms;
		}
		if (l->hidden && drop) {
			l->mask = q;
			q += n;
			l->a = q;
			q += n;
		}
		if (nn__skip(net, k)) {
			l->r = q;
			q += n;
		}
	}
	assert(q == net->cache + tot);	/* carved exactly what was counted */
	net->xin = nn_alloc((size_t)cap * net->sizes[0] * sizeof(double));
	net->yin = nn_alloc((size_t)cap * net->sizes[net->nl] * sizeof(double));
	net->d1 = nn_alloc((size_t)cap * maxw * sizeof(double));
	net->d2 = nn_alloc((size_t)cap * maxw * sizeof(double));
	net->d3 = skip ? nn_alloc((size_t)cap * maxw * sizeof(double)) : NULL;
	net->dbuf = nn_alloc((size_t)cap * net->sizes[net->nl] *
	    sizeof(double));
	net->wt = nn_alloc((size_t)(maxwt ? maxwt : 1) * sizeof(double));
}


/* ============================================================ forward */

const double *
nn__forward(struct nn_net *net, const double *x, int B, int flags)
{
	const double *in = x;
	int k;
	long i;

	nn__ensure_cap(net, B);
	assert(B >= 0 && B <= net->cap);
	for (k = 0; k < net->nl; k++) {
		struct nn_layer *l = &net->L[k];
		long n = (long)B * l->out;
		int act = nn__act_of_layer(net, k);

		assert(l->in == net->sizes[k] && l->out == net->sizes[k + 1]);

		nn__dense_forward(l->z, in, net->p + l->off_w,
		    net->p + l->off_b, B, l->in, l->out);
		l->u = l->z;
		if (l->hidden && net->cfg.norm != NN_NORM_NONE) {
			const double *ga = net->p + l->off_g;
			const double *be = net->p + l->off_be;
			int F = l->out, r, j;

			assert(l->xhat != NULL);	/* caches made for norm */
			nn__norm_forward(net, l, B, flags);
			l->u = l->xhat + (long)net->cap * l->out; /* u follows xhat */
			for (r = 0; r < B; r++)
				for (j = 0; j < F; j++)
					l->u[(long)r * F + j] = ga[j] *
					    l->xhat[(long)r * F + j] + be[j];
		}
		if (act == NN_ACT_LINEAR)
			l->h = l->u;
		else {
			l->h = l->z + (long)net->cap * l->out;
			nn__act_forward(l->h, l->u, n, act, net->cfg.leak);
		}
		l->outp = l->h;
		if (l->hidden && net->cfg.dropout > 0 &&
		    (flags & (NN_FW_DROPOUT | NN_FW_KEEPMASK))) {
			double p = net->cfg.dropout, keep = 1.0 / (1.0 - p);

			if (!(flags & NN_FW_KEEPMASK))
				for (i = 0; i < n; i++)
					l->mask[i] = nn_rng_uniform(&net->rng)
					    < p ? 0 : keep;
			for (i = 0; i < n; i++)
				l->a[i] = l->h[i] * l->mask[i];
			l->outp = l->a;
		}
		l->f = l->outp;
		if (nn__skip(net, k)) {	/* residual: h_{k+1} = h_k + f(h_k) */
			for (i = 0; i < n; i++)
				l->r[i] = in[i] + l->f[i];
			l->outp = l->r;
		}
		in = l->outp;
	}
	return in;
}

/* ============================================================ input noise */

/*
 * Noise injection on the inputs: the training step sees x + e, e drawn
 * afresh for every value of every mini-batch, so the net cannot fit the
 * exact training points (Goodfellow 7.4-7.5).  It has no parameters and
 * no backward pass (the gradient is taken at the noisy inputs).
 */
void
nn__input_noise(struct nn_net *net, int B)
{
	double sd = net->cfg.input_noise;
	long i, n = (long)B * net->sizes[0];

	if (!(sd > 0))
		return;
	for (i = 0; i < n; i++)
		net->xin[i] += sd * nn_rng_normal(&net->rng);
}

/* ============================================================ backward */

void
nn__backward(struct nn_net *net, const double *x, const double *y, int B,
    int ntrain)
{
	double *d = net->d1, *dnext = net->d2;
	long i;
	int k;

	assert(B >= 0 && B <= net->cap);	/* the forward pass's caches */
	memset(net->g, 0, (size_t)net->np * sizeof *net->g);
	/* dL0/d(output) then through out_act to dz of the last layer. */
	nn__loss_grad(net, d, y, B);
	for (k = net->nl - 1; k >= 0; k--) {
		struct nn_layer *l = &net->L[k];
		const double *in = k ? net->L[k - 1].outp : x;
		long m = (long)B * l->out;
		double *t;

		/* d holds dL/d(outp) of layer k; a skip passes it on to the
		 * layer's input unchanged (d(in + f)/d(in) = 1), added to
		 * what flows back through f below */
		if (nn__skip(net, k))
			memcpy(net->d3, d, (size_t)m * sizeof *d);
		if (l->f == l->a && l->a != NULL)
			for (i = 0; i < m; i++)
				d[i] *= l->mask[i];
		nn__act_backward(d, d, l->u, l->h, m, nn__act_of_layer(net, k),
		    net->cfg.leak);
		if (l->hidden && net->cfg.norm != NN_NORM_NONE) {
			double *dga = net->g + l->off_g, *dbe = net->g + l->off_be;
			const double *ga = net->p + l->off_g;
			int F = l->out, r, j;

			for (r = 0; r < B; r++)
				for (j = 0; j < F; j++) {
					long q = (long)r * F + j;

					dga[j] += d[q] * l->xhat[q];
					dbe[j] += d[q];
					d[q] *= ga[j];
				}
			nn__norm_backward(net, l, d, B);
		}
		nn__dense_backward(k ? dnext : NULL, net->g + l->off_w,
		    net->g + l->off_b, d, in, net->p + l->off_w, net->wt, B,
		    l->in, l->out);
		if (k && nn__skip(net, k))
			for (i = 0; i < m; i++)
				dnext[i] += net->d3[i];
		t = d;
		d = dnext;
		dnext = t;
	}
	/* the penalty's gradient, on the weights only */
	nn__penalty_grad(net, ntrain);
	net->have_grad = 1;
}

/* ============================================================ evaluation */

int
nn__check_data(const struct nn_net *net, const struct nn_dataset *d,
    const char *what, char *err, size_t errlen)
{
	if (d->nin != net->sizes[0] || d->nout != net->sizes[net->nl]) {
		nn_errf(err, errlen,
		    _("%s data has %d input%s and %d output%s but the network "
		    "has %d and %d"), what, d->nin, d->nin == 1 ? "" : "s",
		    d->nout, d->nout == 1 ? "" : "s", net->sizes[0],
		    net->sizes[net->nl]);
		return -1;
	}
	return nn__check_work(net, d, what, err, errlen);
}

int
nn__check_work(const struct nn_net *net, const struct nn_dataset *d,
    const char *what, char *err, size_t errlen)
{
	if ((double)d->n * net->nw > NN_MAX_WORK) {
		nn_errf(err, errlen, _("%s data (%d rows) and the network (%ld "
		    "weights) are too large together: rows x weights must be "
		    "at most %.0f (use fewer rows or a smaller network)"),
		    what, d->n, net->nw, NN_MAX_WORK);
		return -1;
	}
	return 0;
}

void
nn_net_predict(struct nn_net *net, const double *x, int n, double *out)
{
	int nin = net->sizes[0], nout = net->sizes[net->nl], r;
	long i;

	for (r = 0; r < n; r += NN_EVAL_CHUNK) {
		int B = n - r < NN_EVAL_CHUNK ? n - r : NN_EVAL_CHUNK;
		const double *o = nn__forward(net, x + (long)r * nin, B, 0);
		double *dst = out + (long)r * nout;

		for (i = 0; i < (long)B * nout; i++) {
			if (nn__loss_logits(net->cfg.loss))
				dst[i] = nn__sigmoid(o[i]);
			else
				dst[i] = o[i];
		}
	}
}

int
nn_net_evaluate(struct nn_net *net, const struct nn_dataset *d, double *loss,
    double *acc, char *err, size_t errlen)
{
	int nout = net->sizes[net->nl], r;
	double s = 0;
	long hit = 0, i, tot;

	if (nn__check_data(net, d, _("the"), err, errlen) < 0)
		return -1;
	for (r = 0; r < d->n; r += NN_EVAL_CHUNK) {
		int B = d->n - r < NN_EVAL_CHUNK ? d->n - r : NN_EVAL_CHUNK;
		const double *o = nn__forward(net, d->x + (long)r * d->nin, B, 0);
		const double *y = d->y + (long)r * nout;

		s += nn__loss(net, y, B) * B;
		for (i = 0; i < (long)B * nout; i++) {
			double pr = o[i];

			if (nn__loss_logits(net->cfg.loss))
				pr = o[i] >= 0 ? 1 : 0;	/* sigmoid >= 0.5 */
			hit += (pr >= 0.5) == (y[i] >= 0.5);
		}
	}
	tot = (long)d->n * nout;
	if (loss != NULL)
		*loss = d->n ? s / d->n : NAN;
	if (acc != NULL)
		*acc = d->task == NN_TASK_CLASSIFICATION && tot ?
		    (double)hit / tot : NAN;
	return 0;
}
