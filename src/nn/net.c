/*
 * net.c - a network: its parameter layout, initialisation, and the batched
 * forward/backward pairs of each layer kind (dense, batch norm, layer norm,
 * activation, dropout, loss) plus the optimizer step.
 *
 * A mini-batch is processed as a (B, width) matrix per layer, with loops
 * ordered so the innermost runs along contiguous memory (axpy form) and gcc
 * can vectorise it at -O2; the backward pass through W uses a transposed
 * copy for the same reason.  Forward caches what backward needs, as in
 * llm.c; backward accumulates gradients into the flat g[] block.
 *
 * Batch norm with a batch of one row (training mode) has no batch variance,
 * so it normalizes with the running statistics instead (as in evaluation)
 * and leaves them unchanged; the output is never NaN.
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
			if (net->cfg.norm == NN_NORM_BATCH) {
				l->off_s = soff;
				soff += 2L * l->out;
			}
		}
	}
	net->np = off;
	net->nstats = soff;
}

/* Draws the initial parameters from cfg.seed; the same seed gives the same
 * weights.  The training rng is seeded from the same seed, after them. */
static void
init_params(struct nn_net *net)
{
	struct nn_rng r;
	int k;
	long i;

	nn_rng_seed(&r, net->cfg.seed);
	for (k = 0; k < net->nl; k++) {
		struct nn_layer *l = &net->L[k];
		double *w = net->p + l->off_w;
		long n = (long)l->in * l->out;
		double a;

		switch (net->cfg.init) {
		case NN_INIT_XAVIER:
			a = sqrt(6.0 / (l->in + l->out));
			for (i = 0; i < n; i++)
				w[i] = (2 * nn_rng_uniform(&r) - 1) * a;
			break;
		case NN_INIT_HE:
			a = sqrt(2.0 / l->in);
			for (i = 0; i < n; i++)
				w[i] = nn_rng_normal(&r) * a;
			break;
		case NN_INIT_NORMAL:
			for (i = 0; i < n; i++)
				w[i] = nn_rng_normal(&r) * net->cfg.init_scale;
			break;
		default:
			for (i = 0; i < n; i++)
				w[i] = (2 * nn_rng_uniform(&r) - 1) *
				    net->cfg.init_scale;
			break;
		}
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

/* ============================================================ dense */

/*
 * The three products of a dense layer share the same register tiles:
 * tile4x4() (4 rows x 4 columns of accumulators reduced over the shared
 * index), then tile2x4() for two rows left, then the tails, in plain C.
 * Each loaded value is used several times, the accumulators stay in
 * registers, and gcc's basic-block vectoriser turns each group of four
 * statements into vector instructions at -O2 without extra flags; the
 * eight independent add chains of the 4x4 tile hide the add latency a
 * 2x4 tile waits on (an evaluation pass ran about 7% faster).
 * Every output is its start value plus the products in the order of the
 * shared index, so the tails for rows or columns that do not fill a tile
 * give bit-identical sums.
 */

/*
 * p[r*ps + c] = start + sum over k < n, in order, of u[r*ur + k*su] *
 * w[k*sw + c] for the tile's rows r < 2 and columns c < 4, where start is
 * init[c] (the bias), or p[r*ps + c] itself when init is NULL.
 */
#define START(q, c) (init != NULL ? init[c] : (q)[c])
static inline void
tile2x4(double *restrict p, const double *restrict init, long ps,
    const double *restrict u, long ur, long su, const double *restrict w,
    long sw, int n)
{
	double *p0 = p, *p1 = p0 + ps;
	double a0 = START(p0, 0), a1 = START(p0, 1), a2 = START(p0, 2),
	    a3 = START(p0, 3);
	double c0 = START(p1, 0), c1 = START(p1, 1), c2 = START(p1, 2),
	    c3 = START(p1, 3);
	int k;

	for (k = 0; k < n; k++, u += su, w += sw) {
		double s = u[0], t = u[ur];

		a0 += s * w[0];
		a1 += s * w[1];
		a2 += s * w[2];
		a3 += s * w[3];
		c0 += t * w[0];
		c1 += t * w[1];
		c2 += t * w[2];
		c3 += t * w[3];
	}
	p0[0] = a0, p0[1] = a1, p0[2] = a2, p0[3] = a3;
	p1[0] = c0, p1[1] = c1, p1[2] = c2, p1[3] = c3;
}

/* The same for 4 rows: more independent sums to hide the add latency. */
static inline void
tile4x4(double *restrict p, const double *restrict init, long ps,
    const double *restrict u, long ur, long su, const double *restrict w,
    long sw, int n)
{
	double *p0 = p, *p1 = p0 + ps, *p2 = p1 + ps, *p3 = p2 + ps;
	double a0 = START(p0, 0), a1 = START(p0, 1), a2 = START(p0, 2),
	    a3 = START(p0, 3);
	double b0 = START(p1, 0), b1 = START(p1, 1), b2 = START(p1, 2),
	    b3 = START(p1, 3);
	double c0 = START(p2, 0), c1 = START(p2, 1), c2 = START(p2, 2),
	    c3 = START(p2, 3);
	double d0 = START(p3, 0), d1 = START(p3, 1), d2 = START(p3, 2),
	    d3 = START(p3, 3);
	int k;

	for (k = 0; k < n; k++, u += su, w += sw) {
		double s = u[0], t = u[ur], v = u[2 * ur], x = u[3 * ur];

		a0 += s * w[0];
		a1 += s * w[1];
		a2 += s * w[2];
		a3 += s * w[3];
		b0 += t * w[0];
		b1 += t * w[1];
		b2 += t * w[2];
		b3 += t * w[3];
		c0 += v * w[0];
		c1 += v * w[1];
		c2 += v * w[2];
		c3 += v * w[3];
		d0 += x * w[0];
		d1 += x * w[1];
		d2 += x * w[2];
		d3 += x * w[3];
	}
	p0[0] = a0, p0[1] = a1, p0[2] = a2, p0[3] = a3;
	p1[0] = b0, p1[1] = b1, p1[2] = b2, p1[3] = b3;
	p2[0] = c0, p2[1] = c1, p2[2] = c2, p2[3] = c3;
	p3[0] = d0, p3[1] = d1, p3[2] = d2, p3[3] = d3;
}

/* The same sum for one column of the tile: the column tail. */
static inline void
tile2x1(double *restrict p, const double *restrict init, long ps,
    const double *restrict u, long ur, long su, const double *restrict w,
    long sw, int n)
{
	double a = START(p, 0), c = START(p + ps, 0);
	int k;

	for (k = 0; k < n; k++, u += su, w += sw) {
		a += u[0] * w[0];
		c += u[ur] * w[0];
	}
	p[0] = a;
	p[ps] = c;
}

/*
 * p[c] += sum over k < n, in order, of u[k*su] * w[k*sw + c] for c < m,
 * one k at a time along p (axpy form, vectorised): a single row's tail.
 */
static inline void
axpy_rows(double *restrict p, const double *restrict u, long su,
    const double *restrict w, long sw, int n, int m)
{
	int k, c;

	for (k = 0; k < n; k++) {
		const double s = u[k * su], *wk = w + k * sw;

		for (c = 0; c < m; c++)
			p[c] += s * wk[c];
	}
}

/* z (B, out) = x (B, in) W (in, out) + b (b may be NULL: no bias) */
static void
dense_forward(double *restrict z, const double *restrict x,
    const double *restrict W, const double *restrict b, int B, int in,
    int out)
{
	int r, j;

	if (b == NULL)		/* no bias: the sums start at 0 */
		memset(z, 0, (size_t)B * out * sizeof *z);
	for (r = 0; r + 4 <= B; r += 4) {
		double *zr = z + (long)r * out;
		const double *xr = x + (long)r * in;

		for (j = 0; j + 4 <= out; j += 4)
			tile4x4(zr + j, b ? b + j : NULL, out, xr, in, 1, W + j,
			    out, in);
		for (; j < out; j++) {
			tile2x1(zr + j, b ? b + j : NULL, out, xr, in, 1, W + j,
			    out, in);
			tile2x1(zr + 2 * out + j, b ? b + j : NULL, out,
			    xr + 2 * in, in, 1, W + j, out, in);
		}
	}
	for (; r + 2 <= B; r += 2) {
		double *zr = z + (long)r * out;
		const double *xr = x + (long)r * in;

		for (j = 0; j + 4 <= out; j += 4)
			tile2x4(zr + j, b ? b + j : NULL, out, xr, in, 1, W + j,
			    out, in);
		for (; j < out; j++)
			tile2x1(zr + j, b ? b + j : NULL, out, xr, in, 1, W + j,
			    out, in);
	}
	for (; r < B; r++) {	/* rows left: axpy along z's row */
		if (b != NULL)
			memcpy(z + (long)r * out, b, (size_t)out * sizeof *z);
		axpy_rows(z + (long)r * out, x + (long)r * in, 1, W, out, in,
		    out);
	}
}

/* dW += x^T dz, db += sum dz, dx = dz W^T (dx may be NULL: first layer). */
static void
dense_backward(double *restrict dx, double *restrict dW, double *restrict db,
    const double *restrict dz, const double *restrict x,
    const double *restrict W, double *restrict wt, int B, int in, int out)
{
	int r, i = 0, j;

	for (r = 0; r < B; r++)
		for (j = 0; j < out; j++)
			db[j] += dz[(long)r * out + j];
	/* dW tiles: 4 (then 2) inputs x 4 units, reduced over the rows */
	for (; i + 4 <= in; i += 4) {
		double *gi = dW + (long)i * out;

		for (j = 0; j + 4 <= out; j += 4)
			tile4x4(gi + j, NULL, out, x + i, 1, in, dz + j, out,
			    B);
		for (; j < out; j++) {
			tile2x1(gi + j, NULL, out, x + i, 1, in, dz + j, out,
			    B);
			tile2x1(gi + 2 * out + j, NULL, out, x + i + 2, 1, in,
			    dz + j, out, B);
		}
	}
	for (; i + 2 <= in; i += 2) {
		double *gi = dW + (long)i * out;

		for (j = 0; j + 4 <= out; j += 4)
			tile2x4(gi + j, NULL, out, x + i, 1, in, dz + j, out,
			    B);
		for (; j < out; j++)
			tile2x1(gi + j, NULL, out, x + i, 1, in, dz + j, out,
			    B);
	}
	for (; i < in; i++)		/* inputs left: axpy along dW's row */
		axpy_rows(dW + (long)i * out, x + i, in, dz, out, B, out);
	if (dx == NULL)
		return;
	/* dx = dz W^T through the transpose, so the same tiles apply */
	for (j = 0; j < out; j++)
		for (i = 0; i < in; i++)
			wt[(long)j * in + i] = W[(long)i * out + j];
	dense_forward(dx, dz, wt, NULL, B, out, in);
}
#undef START

/* ============================================================ normalization */

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
batchnorm_backward(struct nn_layer *l, double *dz, int B)
{
	int F = l->out, r, j;

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

/* Layer norm: per row over its F features; same in training and evaluation. */
static void
layernorm_forward(struct nn_net *net, struct nn_layer *l, int B)
{
	int F = l->out, r, j;
	double eps = net->cfg.norm_eps;

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
layernorm_backward(struct nn_layer *l, double *dz, int B)
{
	int F = l->out, r, j;

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

		dense_forward(l->z, in, net->p + l->off_w, net->p + l->off_b,
		    B, l->in, l->out);
		l->u = l->z;
		if (l->hidden && net->cfg.norm != NN_NORM_NONE) {
			const double *ga = net->p + l->off_g;
			const double *be = net->p + l->off_be;
			int F = l->out, r, j;

			assert(l->xhat != NULL);	/* caches made for norm */
			if (net->cfg.norm == NN_NORM_BATCH)
				batchnorm_forward(net, l, B, flags);
			else
				layernorm_forward(net, l, B);
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

/* ============================================================ loss */

static double
bce_logit(double z, double t)
{
	return (z > 0 ? z : 0) - z * t + log1p(exp(-fabs(z)));
}

double
nn__loss(const struct nn_net *net, const double *y, int B)
{
	const struct nn_layer *l = &net->L[net->nl - 1];
	long n = (long)B * l->out, i;
	double s = 0;

	if (n == 0)
		return 0;
	switch (net->cfg.loss) {
	case NN_LOSS_MAE:
		for (i = 0; i < n; i++)
			s += fabs(l->outp[i] - y[i]);
		break;
	case NN_LOSS_BCE:
		for (i = 0; i < n; i++)
			s += bce_logit(l->outp[i], y[i]);
		break;
	default:
		for (i = 0; i < n; i++)
			s += (l->outp[i] - y[i]) * (l->outp[i] - y[i]);
		break;
	}
	return s / n;
}

double
nn__penalty(const struct nn_net *net, int ntrain)
{
	double s = 0;
	int k;
	long i;

	if (net->cfg.reg == NN_REG_NONE || net->cfg.lambda == 0 || ntrain < 1)
		return 0;
	for (k = 0; k < net->nl; k++) {
		const double *w = net->p + net->L[k].off_w;
		long n = (long)net->L[k].in * net->L[k].out;

		if (net->cfg.reg == NN_REG_L1)
			for (i = 0; i < n; i++)
				s += fabs(w[i]);
		else
			for (i = 0; i < n; i++)
				s += w[i] * w[i];
	}
	return net->cfg.lambda / ntrain * s;
}

double
nn_net_penalty(const struct nn_net *net, int n)
{
	return nn__penalty(net, n);
}

/* ============================================================ backward */

void
nn__backward(struct nn_net *net, const double *x, const double *y, int B,
    int ntrain)
{
	struct nn_layer *lo = &net->L[net->nl - 1];
	long n = (long)B * lo->out, i;
	double *d = net->d1, *dnext = net->d2, inv = n ? 1.0 / n : 0;
	int k;

	assert(B >= 0 && B <= net->cap);	/* the forward pass's caches */
	memset(net->g, 0, (size_t)net->np * sizeof *net->g);
	/* dL0/d(output) then through out_act to dz of the last layer. */
	switch (net->cfg.loss) {
	case NN_LOSS_MAE:
		for (i = 0; i < n; i++) {
			double e = lo->outp[i] - y[i];

			d[i] = (e > 0 ? inv : e < 0 ? -inv : 0);
		}
		break;
	case NN_LOSS_BCE: {
		/* d/dz of the stable form is sigmoid(z) - t (out_act linear). */
		for (i = 0; i < n; i++) {
			double f;

			nn_act_eval(NN_ACT_SIGMOID, 0, lo->outp[i], &f, NULL);
			d[i] = (f - y[i]) * inv;
		}
		break;
	}
	default:
		for (i = 0; i < n; i++)
			d[i] = 2 * (lo->outp[i] - y[i]) * inv;
		break;
	}
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
			if (net->cfg.norm == NN_NORM_BATCH)
				batchnorm_backward(l, d, B);
			else
				layernorm_backward(l, d, B);
		}
		dense_backward(k ? dnext : NULL, net->g + l->off_w,
		    net->g + l->off_b, d, in, net->p + l->off_w, net->wt, B,
		    l->in, l->out);
		if (k && nn__skip(net, k))
			for (i = 0; i < m; i++)
				dnext[i] += net->d3[i];
		t = d;
		d = dnext;
		dnext = t;
	}
	/* Penalty gradient on weights only. */
	if (net->cfg.reg != NN_REG_NONE && net->cfg.lambda > 0 && ntrain > 0 &&
	    !(net->cfg.reg == NN_REG_L1 && net->cfg.l1mode == NN_L1_PROX)) {
		double c = net->cfg.lambda / ntrain;

		for (k = 0; k < net->nl; k++) {
			const double *w = net->p + net->L[k].off_w;
			double *g = net->g + net->L[k].off_w;
			long nw = (long)net->L[k].in * net->L[k].out;

			if (net->cfg.reg == NN_REG_L2)
				for (i = 0; i < nw; i++)
					g[i] += 2 * c * w[i];
			else
				for (i = 0; i < nw; i++)
					g[i] += w[i] > 0 ? c : w[i] < 0 ? -c : 0;
		}
	}
	net->have_grad = 1;
}

/* ============================================================ update */

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

/* Updates p[lo..hi) from g with the configured optimizer. */
static void
update_range(struct nn_net *net, long lo, long hi, double c1, double c2)
{
	double *restrict p = net->p, *restrict g = net->g;
	double *restrict m = net->m, *restrict v = net->v;
	double lr = net->cfg.lr;
	long i;

	switch (net->cfg.opt) {
	case NN_OPT_MOMENTUM: {
		double mu = net->cfg.momentum;

		for (i = lo; i < hi; i++) {
			m[i] = mu * m[i] + g[i];
			p[i] -= lr * m[i];
		}
		break;
	}
	case NN_OPT_ADAM:
	case NN_OPT_ADAMW: {	/* adamw: the decay follows in nn__update */
		double b1 = net->cfg.beta1, b2 = net->cfg.beta2;
		double eps = net->cfg.adam_eps;

		for (i = lo; i < hi; i++) {
			/* first and second moments, then bias-corrected step */
			m[i] = b1 * m[i] + (1 - b1) * g[i];
			v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
			p[i] -= lr * (m[i] / c1) / (sqrt(v[i] / c2) + eps);
		}
		break;
	}
	default:
		for (i = lo; i < hi; i++)
			p[i] -= lr * g[i];
		break;
	}
}

void
nn__update(struct nn_net *net, int ntrain)
{
	double c1 = 1, c2 = 1;
	int prox = net->cfg.reg == NN_REG_L1 && net->cfg.l1mode == NN_L1_PROX &&
	    net->cfg.lambda > 0 && ntrain > 0;
	double thr = prox ? net->cfg.lr * net->cfg.lambda / ntrain : 0;
	int k;
	long i;

	nn__clip(net);
	if (net->cfg.opt == NN_OPT_ADAM || net->cfg.opt == NN_OPT_ADAMW) {
		net->adam_t++;
		c1 = 1 - pow(net->cfg.beta1, (double)net->adam_t);
		c2 = 1 - pow(net->cfg.beta2, (double)net->adam_t);
	}
	/* the previous values, for the update:data ratio (diag.c) */
	memcpy(net->pprev, net->p, (size_t)net->np * sizeof *net->p);
	update_range(net, 0, net->np, c1, c2);
	if (net->cfg.opt == NN_OPT_ADAMW && net->cfg.wd > 0) {
		/* decoupled weight decay, after the adam step and outside
		 * it: every weight shrinks by the same factor, whatever its
		 * gradient history (reg l2 inside adam would be divided by
		 * sqrt(vhat) like the rest of the gradient) */
		double f = net->cfg.lr * net->cfg.wd;

		for (k = 0; k < net->nl; k++) {
			double *w = net->p + net->L[k].off_w;
			long nw = (long)net->L[k].in * net->L[k].out;

			for (i = 0; i < nw; i++)
				w[i] -= f * w[i];
		}
	}
	if (prox)	/* soft-threshold the weights after the step */
		for (k = 0; k < net->nl; k++) {
			double *w = net->p + net->L[k].off_w;
			long nw = (long)net->L[k].in * net->L[k].out;

			for (i = 0; i < nw; i++) {
				double a = fabs(w[i]) - thr;

				w[i] = a > 0 ? copysign(a, w[i]) : 0;
			}
		}
	net->have_update = 1;
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
			if (net->cfg.loss == NN_LOSS_BCE)
				nn_act_eval(NN_ACT_SIGMOID, 0, o[i], &dst[i],
				    NULL);
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

			if (net->cfg.loss == NN_LOSS_BCE)
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
