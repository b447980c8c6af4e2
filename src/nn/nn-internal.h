/*
 * nn-internal.h - the layout of struct nn_net and the helpers shared by the
 * engine's files (and by its own tests, which check the calculus directly).
 * Nothing outside src/nn/ and tests/nn/ includes this.
 *
 * All trainable parameters live in one flat block p[] (llm.c style), with
 * the gradient g[] and the optimizer moments m[], v[] in the same layout, so
 * the optimizer and the penalties are single loops.  Per dense layer the
 * block holds W (in, out), b (out) and, for a normalized hidden layer,
 * gamma (out) and beta (out).  Running batch-norm statistics are not
 * trainable and live in stats[] (mean (out), var (out) per layer).
 */
#ifndef REGTUTOR_NN_INTERNAL_H
#define REGTUTOR_NN_INTERNAL_H

#include "nn/nn.h"

/* Rows evaluated at once in evaluation mode (bounds the cache size). */
#define NN_EVAL_CHUNK 64

/* Forward-pass flags. */
enum {
	NN_FW_TRAIN = 1,	/* batch norm uses batch statistics */
	NN_FW_DROPOUT = 2,	/* draw dropout masks (training) */
	NN_FW_STATS = 4,	/* update running batch-norm statistics */
	NN_FW_KEEPMASK = 8	/* reuse the previous masks (gradient checks) */
};

struct nn_layer {
	int in, out;
	int hidden;		/* not the output layer: norm, act, dropout */
	long off_w, off_b;	/* offsets in p[] */
	long off_g, off_be;	/* gamma, beta; -1 without normalization */
	long off_s;		/* running mean at stats[off_s], var at +out; -1 */
	/* Caches of the last forward pass, (cap, out) each unless noted. */
	double *z;		/* x W + b */
	double *xhat;		/* normalized z (norm only) */
	double *u;		/* gamma xhat + beta, or z without norm */
	double *h;		/* act(u) */
	double *mask;		/* dropout multipliers 0 or 1/(1-p) (dropout only) */
	double *a;		/* h * mask (dropout only) */
	double *f;		/* the block's output: a or h */
	double *r;		/* in + f (skip only) */
	double *outp;		/* what the next layer reads: r or f */
	double *mean, *rstd;	/* batch: (out); layer: (cap) */
	int bn_single;		/* last batch-norm forward used running stats (B == 1) */
};

struct nn_net {
	struct nn_config cfg;
	int nl;			/* dense layers */
	int sizes[NN_MAX_LAYERS + 1];
	struct nn_layer L[NN_MAX_LAYERS];
	long np, nw, nstats;	/* parameters, of which weights; stats */
	double *p, *g, *m, *v;	/* (np) each */
	double *pprev;		/* (np) p before the last update */
	double *p0;		/* (np) the starting parameters: drawn at
				 * nn_net_new/nn_net_reset, or as loaded */
	double *stats;		/* (nstats) */
	double *best_p, *best_stats;	/* early-stopping snapshot or NULL */
	struct nn_rng rng;	/* dropout masks and shuffling */
	long adam_t;		/* adam step count */
	struct nn_early early;
	struct nn_epoch *hist;
	int nhist, caphist;
	int have_grad;		/* g holds a gradient (nn__backward ran) */
	int have_update;	/* pprev holds the values before an update */
	/* Scratch, grown on demand (nn__ensure_cap). */
	int cap;		/* rows the caches hold */
	int cache_dropout;	/* caches have mask/a */
	int cache_norm;
	int cache_skip;		/* caches have r, and d3 exists */
	double *cache;		/* one block for all layer caches */
	double *xin, *yin;	/* gathered mini-batch (cap, nin), (cap, nout) */
	double *d1, *d2;	/* backward deltas (cap, max width) */
	double *d3;		/* the delta a skip passes on (skip only) */
	double *wt;		/* transposed W scratch (max in*out) */
	double *dbuf;		/* output delta (cap, nout) */
};

/* Memory accounting wrappers (abort on OOM). */
void *nn_alloc(size_t n);
void *nn_zalloc(size_t n);
void *nn_realloc(void *p, size_t n);
void nn_free(void *p);
double *nn_dup(const double *a, size_t n);

void nn_errf(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Kind tables (core.c): the rows of a table indexed by the kind's enum,
 * stride bytes apart, each starting with its const char *name.
 * nn__kind_name() gives row k's name (NULL out of range), nn__kind_find()
 * the row named s (-1 if none).  NN_KIND_NAMES defines a kind's public
 * pfx_name() and pfx_from_name() on its table.
 */
const char *nn__kind_name(const void *rows, size_t stride, int n, int k);
int nn__kind_find(const void *rows, size_t stride, int n, const char *s);
#define NN_KIND_NAMES(pfx, rows, n) \
const char *pfx##_name(int k) \
{ \
	return nn__kind_name(rows, sizeof rows[0], n, k); \
} \
int pfx##_from_name(const char *s) \
{ \
	return nn__kind_find(rows, sizeof rows[0], n, s); \
}

/* Activations (act.c).  Over an array: h = f(u). */
void nn__act_forward(double *h, const double *u, long n, int act, double leak);
/* du = dh * f'(u), using the cached h where cheaper (du may alias dh). */
void nn__act_backward(double *du, const double *dh, const double *u,
    const double *h, long n, int act, double leak);
/* Whether act has a saturation band (tanh, sigmoid) and whether output a
 * lies in it; whether a unit of act at 0 on every example is dead (relu). */
int nn__act_has_saturation(int act);
int nn__act_saturated(int act, double a);
int nn__act_dies(int act);
/* The logistic function, computed without overflow. */
double nn__sigmoid(double x);
/* 0 if every enum nn_act has a complete row, else -1 and which. */
int nn__act_check(char *err, size_t errlen);

/* Normalizations (norm.c), for a net with a norm: xhat of layer l from
 * its z (B rows), and dz from dxhat in place; whether a kind keeps
 * running statistics (batch). */
void nn__norm_forward(struct nn_net *net, struct nn_layer *l, int B,
    int flags);
void nn__norm_backward(const struct nn_net *net, struct nn_layer *l,
    double *dz, int B);
int nn__norm_has_stats(int norm);
/* 0 if every enum nn_norm / nn_opt has a complete row, else -1. */
int nn__norm_check(char *err, size_t errlen);
int nn__opt_check(char *err, size_t errlen);
/* 0 if every enum nn_init (net.c) / nn_dataset_kind (data.c) has a
 * complete row, else -1. */
int nn__init_check(char *err, size_t errlen);
int nn__dataset_check(char *err, size_t errlen);

/* Makes the caches hold at least B rows. */
void nn__ensure_cap(struct nn_net *net, int B);
/* Dense products (dense.c), row-major (B, width) blocks: z = x W + b (b
 * NULL: no bias); dW += x^T dz, db += the sum of dz's rows and, unless dx
 * is NULL, dx = dz W^T using wt (in * out scratch).  Every sum runs in
 * the order of its shared index, whatever the code path. */
void nn__dense_forward(double *z, const double *x, const double *W,
    const double *b, int B, int in, int out);
void nn__dense_backward(double *dx, double *dW, double *db, const double *dz,
    const double *x, const double *W, double *wt, int B, int in, int out);
/* Tests: the dense products take at most code path max (0 portable C, 1
 * AVX2, 2 AVX-512; the results must be the same bits); returns the best
 * path this processor has. */
int nn__dense_limit(int max);
/* Forward pass on B rows of x; returns the output layer's output buffer
 * (B, nout): out_act(z), i.e. logits for bce. */
const double *nn__forward(struct nn_net *net, const double *x, int B,
    int flags);
/* Adds N(0, input_noise^2) from the training rng to the B gathered rows
 * in xin (row by row, input by input); nothing, and no draw, at 0. */
void nn__input_noise(struct nn_net *net, int B);
/* Losses and penalties (loss.c).  Mean loss L0 of the last forward (B
 * rows) against targets y, and its gradient dL0/d(output) into d (B,
 * nout). */
double nn__loss(const struct nn_net *net, const double *y, int B);
void nn__loss_grad(const struct nn_net *net, double *d, const double *y,
    int B);
/* Whether the net's output is a logit under loss (bce): predictions are
 * sigmoid(output), class 1 when output >= 0. */
int nn__loss_logits(int loss);
/* Adds the penalty's gradient for ntrain examples to the weights' part of
 * g (L2, subgradient L1; nothing when the penalty is a proximal step). */
void nn__penalty_grad(struct nn_net *net, int ntrain);
/* The proximal step of the penalty after an update (L1 with l1mode
 * prox): soft-thresholds the weights by lr lambda / ntrain. */
void nn__penalty_prox(struct nn_net *net, int ntrain);
/* 0 if every enum nn_loss and nn_reg has a complete row, else -1. */
int nn__loss_check(char *err, size_t errlen);
/* Zeroes g, backpropagates L0 of the last forward (B rows of x, targets y)
 * and adds the penalty gradient for ntrain examples (L2 and subgradient L1;
 * proximal L1 is applied in the update instead). */
void nn__backward(struct nn_net *net, const double *x, const double *y, int B,
    int ntrain);
/* One optimizer step with the gradient in g (clipped first, see
 * nn__clip). */
void nn__update(struct nn_net *net, int ntrain);
/* sqrt(sum g^2) over all parameters. */
double nn__grad_norm(const struct nn_net *net);
/* Clipping by global norm: when cfg.clip > 0 and the gradient's norm N
 * exceeds it, g *= clip / N.  Returns N (before clipping). */
double nn__clip(struct nn_net *net);
/* Penalty term (lambda/n) sum |w| or w^2 (loss.c). */
double nn__penalty(const struct nn_net *net, int ntrain);
/* 0 if d has the net's inputs and outputs, else -1 and "<what> data has
 * ... but the network has ..."; then nn__check_work(). */
int nn__check_data(const struct nn_net *net, const struct nn_dataset *d,
    const char *what, char *err, size_t errlen);
/* 0 if a pass of the net over d's rows is within NN_MAX_WORK (rows x
 * weights), so it ends within about a second; else -1 and why. */
int nn__check_work(const struct nn_net *net, const struct nn_dataset *d,
    const char *what, char *err, size_t errlen);
/* The engine's stop request (nn_set_interrupt): true when set. */
int nn__interrupted(void);
/* Rows of a gradient pass at a time: bounds its memory, and a stop
 * request is honoured between chunks. */
#define NN_GRAD_CHUNK 1024
/* Whether layer k has an identity skip (nn_net_skip). */
int nn__skip(const struct nn_net *net, int k);
/* Whether layer k's hidden activation exists (k < nl-1). */
int nn__act_of_layer(const struct nn_net *net, int k);

#endif
