/*
 * test-train.c - optimizer steps against hand-computed values, proximal L1
 * zeros, determinism, early stopping (the pure rule on a crafted history
 * and the trainer's restore), divergence, cancellation, batch norm with a
 * batch of one, diagnostics, the distance from the starting weights.
 */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "nn/nn.h"
#include "nn/nn-internal.h"	/* the training rng, for input noise */
#include "util/util.h"
#include "../testutil.h"

/* A 1-1 linear net w = 0.5, b = 0.1 and one example x = 2, y = 1:
 * o = 1.1, L0 = 0.01, dL/dw = 2 (o - y) x = 0.4, dL/db = 0.2. */
static struct nn_net *
tiny(struct nn_config *c, struct nn_dataset **d)
{
	struct nn_net *net = nn_net_new("1-1", c, NULL, 0);

	assert_non_null(net);
	nn_net_weights(net, 0, NULL, NULL)[0] = 0.5;
	nn_net_biases(net, 0)[0] = 0.1;
	*d = nn_dataset_new(1, 1, 1, NN_TASK_REGRESSION);
	(*d)->x[0] = 2;
	(*d)->y[0] = 1;
	return net;
}

static void
one_step(struct nn_net *net, struct nn_dataset *d, double want_loss)
{
	double loss;

	assert_int_equal(nn_train_batch(net, d, NULL, 1, &loss, NULL, 0), 0);
	assert_close(loss, want_loss, 1e-12);
}

#define W(net) nn_net_weights((net), 0, NULL, NULL)[0]
#define B(net) nn_net_biases((net), 0)[0]

static void
sgd_step(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d;
	struct nn_net *net;
	struct nn_layer_stats st;

	(void)state;
	c.lr = 0.1;
	net = tiny(&c, &d);
	one_step(net, d, 0.01);
	assert_close(W(net), 0.5 - 0.1 * 0.4, 1e-14);
	assert_close(B(net), 0.1 - 0.1 * 0.2, 1e-14);
	/* update:data ratio ||dW|| / ||W|| of that step */
	assert_int_equal(nn_net_stats(net, NULL, &st, NULL, 0), 0);
	assert_close(st.update_ratio, 0.04 / 0.46, 1e-14);
	assert_close(st.grad_norm, 0.4, 1e-14);
	nn_net_free(net);
	nn_dataset_free(d);
}

static void
momentum_steps(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d;
	struct nn_net *net;
	double w, b, gw, gb, vw, vb;

	(void)state;
	c.lr = 0.1;
	c.opt = NN_OPT_MOMENTUM;
	c.momentum = 0.9;
	net = tiny(&c, &d);
	one_step(net, d, 0.01);
	/* step 1: v = g */
	w = 0.5 - 0.1 * 0.4;
	b = 0.1 - 0.1 * 0.2;
	vw = 0.4;
	vb = 0.2;
	assert_close(W(net), w, 1e-14);
	/* step 2 by hand: o = 2w + b */
	gw = 2 * (2 * w + b - 1) * 2;
	gb = 2 * (2 * w + b - 1);
	vw = 0.9 * vw + gw;
	vb = 0.9 * vb + gb;
	one_step(net, d, (2 * w + b - 1) * (2 * w + b - 1));
	assert_close(W(net), w - 0.1 * vw, 1e-14);
	assert_close(B(net), b - 0.1 * vb, 1e-14);
	nn_net_free(net);
	nn_dataset_free(d);
}

static void
adam_steps(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d;
	struct nn_net *net;
	double w, b, g, m, v, mh, vh;

	(void)state;
	c.lr = 0.01;
	c.opt = NN_OPT_ADAM;
	net = tiny(&c, &d);
	one_step(net, d, 0.01);
	/* step 1: mhat = g, vhat = g^2, so the step is lr g / (|g| + eps) */
	w = 0.5 - 0.01 * 0.4 / (0.4 + 1e-8);
	b = 0.1 - 0.01 * 0.2 / (0.2 + 1e-8);
	assert_close(W(net), w, 1e-14);
	assert_close(B(net), b, 1e-14);
	/* step 2 for w */
	g = 2 * (2 * w + b - 1) * 2;
	m = 0.9 * (0.1 * 0.4) + 0.1 * g;
	v = 0.999 * (0.001 * 0.16) + 0.001 * g * g;
	mh = m / (1 - 0.9 * 0.9);
	vh = v / (1 - 0.999 * 0.999);
	one_step(net, d, (2 * w + b - 1) * (2 * w + b - 1));
	assert_close(W(net), w - 0.01 * mh / (sqrt(vh) + 1e-8), 1e-13);
	nn_net_free(net);
	nn_dataset_free(d);
}

/* Clipping by hand on tiny(): g = (0.4, 0.2), |g| = sqrt(0.2); with clip
 * 0.1 the step is lr * 0.1 * g / sqrt(0.2); a clip above |g| changes
 * nothing, to the bit. */
static void
clip_step(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d;
	struct nn_net *net, *plain;

	(void)state;
	c.lr = 0.1;
	c.clip = 0.1;
	net = tiny(&c, &d);
	one_step(net, d, 0.01);
	assert_close(W(net), 0.5 - 0.1 * 0.1 * 0.4 / sqrt(0.2), 1e-15);
	assert_close(B(net), 0.1 - 0.1 * 0.1 * 0.2 / sqrt(0.2), 1e-15);
	/* the gradient kept is the clipped one */
	assert_close(nn_net_grad_norm(net), 0.1, 1e-15);
	nn_net_free(net);
	nn_dataset_free(d);
	c.clip = 0.5;
	net = tiny(&c, &d);
	nn_dataset_free(d);
	c.clip = 0;
	plain = tiny(&c, &d);
	one_step(net, d, 0.01);
	one_step(plain, d, 0.01);
	assert_true(W(net) == W(plain) && B(net) == B(plain));
	assert_close(W(net), 0.5 - 0.1 * 0.4, 1e-15);
	nn_net_free(net);
	nn_net_free(plain);
	nn_dataset_free(d);
}

/*
 * Two steps of tiny() by hand: adamw (lr 0.01, wd 0.1) is the adam step
 * and then w *= 1 - lr wd, the bias untouched; reg l2 (lambda 0.1, n 1)
 * inside adam instead adds 2 lambda w / n to the gradient, which adam
 * then divides by sqrt(vhat): at step 1 the step is lr whatever the
 * penalty.  adamw with wd 0 is adam to the bit.
 */
static void
adamw_and_l2_in_adam(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d;
	struct nn_net *net, *adam;
	double w, b, g, m, v, mh, vh;
	const double eps = 1e-8;

	(void)state;
	c.lr = 0.01;
	c.opt = NN_OPT_ADAMW;
	c.wd = 0.1;
	net = tiny(&c, &d);
	one_step(net, d, 0.01);
	w = (0.5 - 0.01 * 0.4 / (0.4 + eps)) * (1 - 0.01 * 0.1);
	b = 0.1 - 0.01 * 0.2 / (0.2 + eps);
	assert_close(W(net), w, 1e-15);
	assert_true(B(net) == b);
	g = 2 * (2 * w + b - 1) * 2;
	m = 0.9 * (0.1 * 0.4) + 0.1 * g;
	v = 0.999 * (0.001 * 0.16) + 0.001 * g * g;
	mh = m / (1 - 0.9 * 0.9);
	vh = v / (1 - 0.999 * 0.999);
	one_step(net, d, (2 * w + b - 1) * (2 * w + b - 1));
	assert_close(W(net), (w - 0.01 * mh / (sqrt(vh) + eps)) *
	    (1 - 0.01 * 0.1), 1e-14);
	nn_net_free(net);
	nn_dataset_free(d);

	/* reg l2 inside adam */
	c.opt = NN_OPT_ADAM;
	c.wd = 0;
	c.reg = NN_REG_L2;
	c.lambda = 0.1;
	net = tiny(&c, &d);
	one_step(net, d, 0.01);
	g = 0.4 + 2 * 0.1 * 0.5;	/* 0.5 */
	w = 0.5 - 0.01 * g / (g + eps);
	b = 0.1 - 0.01 * 0.2 / (0.2 + eps);
	assert_close(W(net), w, 1e-15);
	assert_close(W(net), 0.5 - 0.01, 1e-9);	/* as without l2 */
	m = 0.1 * g;
	v = 0.001 * g * g;
	g = 2 * (2 * w + b - 1) * 2 + 2 * 0.1 * w;
	m = 0.9 * m + 0.1 * g;
	v = 0.999 * v + 0.001 * g * g;
	mh = m / (1 - 0.9 * 0.9);
	vh = v / (1 - 0.999 * 0.999);
	one_step(net, d, (2 * w + b - 1) * (2 * w + b - 1));
	assert_close(W(net), w - 0.01 * mh / (sqrt(vh) + eps), 1e-14);
	nn_net_free(net);
	nn_dataset_free(d);

	/* wd 0: adamw is adam */
	c.reg = NN_REG_NONE;
	c.lambda = 0;
	adam = tiny(&c, &d);
	nn_dataset_free(d);
	c.opt = NN_OPT_ADAMW;
	net = tiny(&c, &d);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(nn_train_batch(net, d, NULL, 1, NULL, NULL,
		    0), 0);
		assert_int_equal(nn_train_batch(adam, d, NULL, 1, NULL, NULL,
		    0), 0);
	}
	assert_true(W(net) == W(adam) && B(net) == B(adam));
	nn_net_free(net);
	nn_net_free(adam);
	nn_dataset_free(d);
}

/*
 * Input noise by hand on tiny() (sgd, lr 0.1, sd 0.5): the step sees
 * x = 2 + 0.5 e, e the training rng's next normal, so o = 0.5 x + 0.1,
 * dL/dw = 2 (o - 1) x, dL/db = 2 (o - 1); the data set is not touched,
 * the rng moves on by exactly that draw, and evaluation sees no noise.
 */
static void
input_noise_step(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d, *big;
	struct nn_net *net, *a, *b, *plain;
	struct nn_rng r;
	double e, x, o, loss, l1, l2;

	(void)state;
	c.lr = 0.1;
	c.input_noise = 0.5;
	net = tiny(&c, &d);
	r = net->rng;
	e = nn_rng_normal(&r);
	x = 2 + 0.5 * e;
	o = 0.5 * x + 0.1;
	assert_int_equal(nn_train_batch(net, d, NULL, 1, &loss, NULL, 0), 0);
	assert_close(loss, (o - 1) * (o - 1), 1e-15);
	assert_close(W(net), 0.5 - 0.1 * 2 * (o - 1) * x, 1e-15);
	assert_close(B(net), 0.1 - 0.1 * 2 * (o - 1), 1e-15);
	assert_true(d->x[0] == 2);
	assert_memory_equal(&net->rng, &r, sizeof r);
	/* evaluation: the plain forward, every time */
	assert_int_equal(nn_net_evaluate(net, d, &l1, NULL, NULL, 0), 0);
	assert_int_equal(nn_net_evaluate(net, d, &l2, NULL, NULL, 0), 0);
	o = W(net) * 2 + B(net);
	assert_true(l1 == l2);
	assert_close(l1, (o - 1) * (o - 1), 1e-15);
	nn_net_free(net);
	nn_dataset_free(d);

	/* whole runs: the seed fixes the noise; noise changes the run */
	big = nn_dataset_generate(NN_DS_SINE, 40, 0.1, 2, NULL, 0);
	c = nn_config_default();
	c.input_noise = 0.3;
	a = nn_net_new("1-8-1", &c, NULL, 0);
	b = nn_net_new("1-8-1", &c, NULL, 0);
	c.input_noise = 0;
	plain = nn_net_new("1-8-1", &c, NULL, 0);
	assert_int_equal(nn_train(a, big, NULL, 5, NULL, NULL, NULL, NULL,
	    NULL, 0), 0);
	assert_int_equal(nn_train(b, big, NULL, 5, NULL, NULL, NULL, NULL,
	    NULL, 0), 0);
	assert_int_equal(nn_train(plain, big, NULL, 5, NULL, NULL, NULL, NULL,
	    NULL, 0), 0);
	assert_memory_equal(nn_net_weights(a, 0, NULL, NULL),
	    nn_net_weights(b, 0, NULL, NULL), 8 * sizeof(double));
	assert_memory_not_equal(nn_net_weights(a, 0, NULL, NULL),
	    nn_net_weights(plain, 0, NULL, NULL), 8 * sizeof(double));
	nn_net_free(a);
	nn_net_free(b);
	nn_net_free(plain);
	nn_dataset_free(big);
}

/*
 * skip by hand on a 1-1-1 net (act linear; w0 0.5, b0 0.1, w1 3, b1 0.2)
 * at x = 2: the hidden layer is 1 wide like its input, so it carries
 * h = x + (w0 x + b0) = 3.1 and o = w1 h + b1 = 9.5 (9.5 - 6.2 = 3.3 less
 * without the skip: 3.5); with tanh, o = w1 (x + tanh(w0 x + b0)) + b1.
 * dL/dw0 for mse against y = 9: 2 (o - y) w1 x.  A net with no such
 * layer is refused with its widths, at build and at set_config.
 */
static void
skip_by_hand(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d;
	struct nn_net *net;
	const double *g;
	double x = 2, o;
	char err[300];

	(void)state;
	c.act = NN_ACT_LINEAR;
	c.skip = 1;
	net = nn_net_new("1-1-1", &c, err, sizeof err);
	assert_non_null(net);
	assert_true(nn_net_skip(net, 0));
	assert_false(nn_net_skip(net, 1));	/* the output layer never */
	nn_net_weights(net, 0, NULL, NULL)[0] = 0.5;
	nn_net_biases(net, 0)[0] = 0.1;
	nn_net_weights(net, 1, NULL, NULL)[0] = 3;
	nn_net_biases(net, 1)[0] = 0.2;
	nn_net_predict(net, &x, 1, &o);
	assert_close(o, 9.5, 1e-15);
	d = nn_dataset_new(1, 1, 1, NN_TASK_REGRESSION);
	d->x[0] = 2;
	d->y[0] = 9;
	assert_int_equal(nn_net_gradients(net, d, NULL, 0), 0);
	g = nn_net_weight_grads(net, 0);
	assert_close(g[0], 2 * (9.5 - 9) * 3 * 2, 1e-14);
	g = nn_net_weight_grads(net, 1);
	assert_close(g[0], 2 * (9.5 - 9) * 3.1, 1e-14);
	c.skip = 0;
	assert_int_equal(nn_net_set_config(net, &c, NULL, 0), 0);
	nn_net_predict(net, &x, 1, &o);
	assert_close(o, 3.5, 1e-15);
	c.skip = 1;
	c.act = NN_ACT_TANH;
	assert_int_equal(nn_net_set_config(net, &c, NULL, 0), 0);
	nn_net_predict(net, &x, 1, &o);
	assert_close(o, 3 * (2 + tanh(1.1)) + 0.2, 1e-15);
	nn_net_free(net);
	nn_dataset_free(d);

	/* refused, naming the widths */
	assert_null(nn_net_new("2-16-8-1", &c, err, sizeof err));
	assert_string_equal(err, "skip on needs a hidden layer with as many "
	    "units as its input (x + f(x)), but 2-16-8-1 has hidden layers "
	    "2->16, 16->8 (e.g. 2-16-16-1, or skip off)");
	assert_null(nn_net_new("3-1", &c, err, sizeof err));
	assert_non_null(strstr(err, "3-1 has no hidden layer"));
	c.skip = 0;
	net = nn_net_new("2-16-8-1", &c, err, sizeof err);
	assert_non_null(net);
	c.skip = 1;
	assert_int_equal(nn_net_set_config(net, &c, err, sizeof err), -1);
	assert_non_null(strstr(err, "2->16, 16->8"));
	assert_false(nn_net_config(net)->skip);
	nn_net_free(net);
	/* 2-8-8-8-1: layers 2 and 3 (0-based 1, 2) */
	net = nn_net_new("2-8-8-8-1", &c, err, sizeof err);
	assert_false(nn_net_skip(net, 0));
	assert_true(nn_net_skip(net, 1) && nn_net_skip(net, 2));
	assert_false(nn_net_skip(net, 3));
	nn_net_free(net);
}

static void
penalty_steps(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d;
	struct nn_net *net;
	struct nn_layer_stats st;

	(void)state;
	/* L2, lambda 1, n = 1: gradient += 2 (lambda/n) w = 1.0; bias untouched */
	c.lr = 0.1;
	c.reg = NN_REG_L2;
	c.lambda = 1;
	net = tiny(&c, &d);
	assert_close(nn_net_penalty(net, 1), 0.25, 1e-15);
	one_step(net, d, 0.01);
	assert_close(W(net), 0.5 - 0.1 * (0.4 + 1.0), 1e-14);
	assert_close(B(net), 0.1 - 0.1 * 0.2, 1e-14);
	nn_net_free(net);
	nn_dataset_free(d);

	/* L1 subgradient: gradient += (lambda/n) sign(w) */
	c.reg = NN_REG_L1;
	c.l1mode = NN_L1_SUBGRAD;
	c.lambda = 0.3;
	net = tiny(&c, &d);
	assert_close(nn_net_penalty(net, 1), 0.15, 1e-15);
	one_step(net, d, 0.01);
	assert_close(W(net), 0.5 - 0.1 * (0.4 + 0.3), 1e-14);
	nn_net_free(net);
	nn_dataset_free(d);

	/* L1 proximal: plain step to 0.46, then shrink by lr*lambda/n */
	c.l1mode = NN_L1_PROX;
	net = tiny(&c, &d);
	one_step(net, d, 0.01);
	assert_close(W(net), 0.46 - 0.03, 1e-14);
	/* the ratio measures the whole change, threshold included */
	assert_int_equal(nn_net_stats(net, NULL, &st, NULL, 0), 0);
	assert_close(st.update_ratio, 0.07 / 0.43, 1e-14);
	nn_net_free(net);
	nn_dataset_free(d);
	c.lambda = 5;	/* threshold 0.5 > 0.46: exactly zero */
	net = tiny(&c, &d);
	one_step(net, d, 0.01);
	assert_true(W(net) == 0.0);
	assert_false(signbit(W(net)));
	nn_net_free(net);
	nn_dataset_free(d);
}

static struct nn_dataset *
gen(enum nn_dataset_kind k, int n, double noise, uint64_t seed)
{
	struct nn_dataset *d = nn_dataset_generate(k, n, noise, seed, NULL, 0);

	assert_non_null(d);
	return d;
}

/*
 * The n of (lambda/n) is the number of training examples, not the
 * mini-batch: four copies of the tiny example, mini-batches of two, no
 * shuffling, one epoch = two steps, each with lambda/4.
 */
static void
penalty_n_is_the_training_set(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = nn_dataset_new(4, 1, 1, NN_TASK_REGRESSION);
	struct nn_net *net;
	const struct nn_epoch *h;
	double w, b, e, t;
	int i;

	(void)state;
	for (i = 0; i < 4; i++) {
		d->x[i] = 2;
		d->y[i] = 1;
	}
	c.lr = 0.1;
	c.batch = 2;
	c.shuffle = 0;
	c.reg = NN_REG_L2;
	c.lambda = 1;
	net = nn_net_new("1-1", &c, NULL, 0);
	W(net) = 0.5;
	B(net) = 0.1;
	assert_close(nn_net_penalty(net, 4), 0.25 / 4, 1e-15);
	assert_int_equal(nn_train(net, d, NULL, 1, NULL, NULL, NULL, NULL,
	    NULL, 0), 0);
	/* by hand: dL0/dw = 2 e x, dL0/db = 2 e, e = o - y; + 2 (1/4) w */
	w = 0.5, b = 0.1;
	for (i = 0; i < 2; i++) {
		e = 2 * w + b - 1;
		t = w - 0.1 * (2 * e * 2 + 2 * 0.25 * w);
		b -= 0.1 * 2 * e;
		w = t;
	}
	assert_close(W(net), w, 1e-14);
	assert_close(B(net), b, 1e-14);
	assert_int_equal(nn_net_history(net, &h), 1);
	assert_close(h[0].penalty, 0.25 * w * w, 1e-15);
	nn_net_free(net);

	/* proximal L1: the threshold is lr lambda / 4 after each plain step */
	c.reg = NN_REG_L1;
	c.l1mode = NN_L1_PROX;
	c.lambda = 0.2;
	net = nn_net_new("1-1", &c, NULL, 0);
	W(net) = 0.5;
	B(net) = 0.1;
	assert_int_equal(nn_train(net, d, NULL, 1, NULL, NULL, NULL, NULL,
	    NULL, 0), 0);
	w = 0.5, b = 0.1;
	for (i = 0; i < 2; i++) {
		e = 2 * w + b - 1;
		t = w - 0.1 * 2 * e * 2;
		b -= 0.1 * 2 * e;
		w = t > 0 ? t - 0.1 * 0.2 / 4 : t + 0.1 * 0.2 / 4;
	}
	assert_close(W(net), w, 1e-14);
	assert_close(B(net), b, 1e-14);
	assert_close(nn_net_history(net, &h) == 1 ? h[0].penalty : -1,
	    0.2 / 4 * fabs(w), 1e-15);
	nn_net_free(net);
	nn_dataset_free(d);
}

/* The penalty counts the weights only: not biases, not the gains and
 * offsets of a normalization. */
static void
penalty_over_weights_only(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_net *net;
	double s1 = 0, s2 = 0, *w;
	int k, in, out, i, norm;

	(void)state;
	for (norm = NN_NORM_BATCH; norm <= NN_NORM_LAYER; norm++) {
		c.norm = norm;
		c.lambda = 0.3;
		c.bias_init = 0.7;
		net = nn_net_new("2-3-4-1", &c, NULL, 0);
		s1 = s2 = 0;
		for (k = 0; k < nn_net_nlayers(net); k++) {
			w = nn_net_weights(net, k, &in, &out);
			for (i = 0; i < in * out; i++) {
				s1 += fabs(w[i]);
				s2 += w[i] * w[i];
			}
			for (i = 0; k < 2 && i < out; i++) {
				nn_net_gamma(net, k)[i] = 3;
				nn_net_beta(net, k)[i] = -2;
			}
		}
		c.reg = NN_REG_L1;
		assert_int_equal(nn_net_set_config(net, &c, NULL, 0), 0);
		assert_close(nn_net_penalty(net, 6), 0.3 / 6 * s1, 1e-15);
		c.reg = NN_REG_L2;
		assert_int_equal(nn_net_set_config(net, &c, NULL, 0), 0);
		assert_close(nn_net_penalty(net, 6), 0.3 / 6 * s2, 1e-15);
		c.reg = NN_REG_NONE;
		nn_net_free(net);
	}
}

/* Losses by their definitions, BCE on logits also where a naive
 * log(sigmoid) overflows; the network is the identity (1-1, w 1, b 0). */
static void
loss_values(void **state)
{
	static const double z[] = { -800, -2, 0, 3, 800 };
	static const double y[] = { 0, 1, 1, 0, 0 };
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = nn_dataset_new(5, 1, 1, NN_TASK_CLASSIFICATION);
	struct nn_net *net;
	double loss, acc, want, p[5];
	int i, l;

	(void)state;
	for (i = 0; i < 5; i++) {
		d->x[i] = z[i];
		d->y[i] = y[i];
	}
	for (l = 0; l < NN_LOSS_COUNT; l++) {
		c.loss = l;
		net = nn_net_new("1-1", &c, NULL, 0);
		W(net) = 1;
		B(net) = 0;
		assert_int_equal(nn_net_evaluate(net, d, &loss, &acc, NULL, 0),
		    0);
		want = 0;
		for (i = 0; i < 5; i++) {
			double s = 1 / (1 + exp(-z[i]));

			if (l == NN_LOSS_MSE)
				want += (z[i] - y[i]) * (z[i] - y[i]);
			else if (l == NN_LOSS_MAE)
				want += fabs(z[i] - y[i]);
			else if (fabs(z[i]) < 100)	/* -t log s - (1-t) log(1-s) */
				want += -y[i] * log(s) - (1 - y[i]) * log(1 - s);
			else	/* exp(-800) is 0 in doubles: the exact limits */
				want += z[i] > 0 && y[i] == 0 ? z[i] : 0;
		}
		assert_close(loss, want / 5, 1e-13);
		/* class 1 when the probability (bce) or the output is >= 0.5 */
		assert_close(acc, l == NN_LOSS_BCE ? 2.0 / 5 : 1.0 / 5, 0);
		nn_net_predict(net, d->x, 5, p);
		if (l == NN_LOSS_BCE) {
			assert_true(p[0] >= 0 && p[0] < 1e-300);
			assert_true(p[4] == 1);
			assert_close(p[1], 1 / (1 + exp(2)), 1e-15);
		} else
			assert_memory_equal(p, z, sizeof p);
		nn_net_free(net);
	}
	nn_dataset_free(d);
}

/* Batch norm's running statistics after one step of B rows: per feature
 * r = 0.9 r + 0.1 batch, with the batch variance unbiased (B - 1); in
 * evaluation every row is normalized with them alone, whatever else is in
 * the batch. */
static void
batchnorm_running_stats(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_MOONS, 5, 0.1, 8);
	struct nn_net *net;
	double zz[5 * 3], mean, var, o2[2], o;
	const double *w, *b;
	int r, j, i;

	(void)state;
	c.norm = NN_NORM_BATCH;
	net = nn_net_new("2-3-1", &c, NULL, 0);
	w = nn_net_weights(net, 0, NULL, NULL);
	b = nn_net_biases(net, 0);
	for (r = 0; r < 5; r++)
		for (j = 0; j < 3; j++) {
			zz[r * 3 + j] = b[j];
			for (i = 0; i < 2; i++)
				zz[r * 3 + j] += d->x[r * 2 + i] * w[i * 3 + j];
		}
	assert_int_equal(nn_train_batch(net, d, NULL, 5, NULL, NULL, 0), 0);
	for (j = 0; j < 3; j++) {
		mean = var = 0;
		for (r = 0; r < 5; r++)
			mean += zz[r * 3 + j] / 5;
		for (r = 0; r < 5; r++)
			var += (zz[r * 3 + j] - mean) * (zz[r * 3 + j] - mean);
		var /= 4;
		assert_close(nn_net_running_mean(net, 0)[j], 0.1 * mean, 1e-14);
		assert_close(nn_net_running_var(net, 0)[j], 0.9 + 0.1 * var,
		    1e-14);
	}
	nn_net_predict(net, d->x, 2, o2);
	nn_net_predict(net, d->x + 2, 1, &o);
	assert_true(o == o2[1]);
	nn_net_free(net);
	nn_dataset_free(d);
}

/* The lesson contrast: the proximal rule makes weights exactly 0, the
 * subgradient rule makes them jitter around 0. */
static void
prox_l1_exact_zeros(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_POLY, 20, 0.1, 5);
	struct nn_net *a, *b;
	struct nn_train_result res;

	(void)state;
	c.reg = NN_REG_L1;
	c.lambda = 0.5;
	c.lr = 0.05;
	c.l1mode = NN_L1_PROX;
	a = nn_net_new("1-16-16-1", &c, NULL, 0);
	c.l1mode = NN_L1_SUBGRAD;
	b = nn_net_new("1-16-16-1", &c, NULL, 0);
	assert_int_equal(nn_train(a, d, NULL, 60, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_DONE);
	assert_int_equal(nn_train(b, d, NULL, 60, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_true(nn_net_zero_share(a) > 0.3);
	assert_true(nn_net_zero_share(b) < 0.01);
	nn_net_free(a);
	nn_net_free(b);
	nn_dataset_free(d);
}

static void
determinism(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_CIRCLE, 80, 0.1, 9), *tr, *va;
	struct nn_net *a, *b, *x;
	const struct nn_epoch *ha, *hb;

	(void)state;
	assert_int_equal(nn_dataset_split(d, 0.75, 4, &tr, &va, NULL, 0), 0);
	c.opt = NN_OPT_ADAM;
	c.lr = 0.01;
	c.dropout = 0.2;
	c.norm = NN_NORM_BATCH;
	c.act = NN_ACT_RELU;
	c.init = NN_INIT_HE;
	c.seed = 77;
	nn_config_for_task(&c, NN_TASK_CLASSIFICATION);
	a = nn_net_new("2-8-8-1", &c, NULL, 0);
	b = nn_net_new("2-8-8-1", &c, NULL, 0);
	x = nn_net_copy(a);
	assert_int_equal(nn_train(a, tr, va, 6, NULL, NULL, NULL, NULL, NULL,
	    0), 0);
	/* the same run split over two calls */
	assert_int_equal(nn_train(b, tr, va, 2, NULL, NULL, NULL, NULL, NULL,
	    0), 0);
	assert_int_equal(nn_train(b, tr, va, 4, NULL, NULL, NULL, NULL, NULL,
	    0), 0);
	assert_memory_equal(nn_net_weights(a, 1, NULL, NULL),
	    nn_net_weights(b, 1, NULL, NULL), 64 * sizeof(double));
	assert_memory_equal(nn_net_running_var(a, 0), nn_net_running_var(b, 0),
	    8 * sizeof(double));
	assert_int_equal(nn_net_history(a, &ha), 6);
	assert_int_equal(nn_net_history(b, &hb), 6);
	assert_true(ha[5].val_loss == hb[5].val_loss);
	assert_true(ha[5].train_acc >= 0 && ha[5].train_acc <= 1);
	assert_true(isfinite(ha[5].val_acc));
	/* reset gives the initial weights back and clears the history */
	nn_net_reset(a);
	assert_int_equal(nn_net_history(a, NULL), 0);
	assert_memory_equal(nn_net_weights(a, 1, NULL, NULL),
	    nn_net_weights(x, 1, NULL, NULL), 64 * sizeof(double));
	/* another seed, other weights */
	c.seed = 78;
	nn_net_free(b);
	b = nn_net_new("2-8-8-1", &c, NULL, 0);
	assert_true(memcmp(nn_net_weights(a, 1, NULL, NULL),
	    nn_net_weights(b, 1, NULL, NULL), 64 * sizeof(double)) != 0);
	nn_net_free(a);
	nn_net_free(b);
	nn_net_free(x);
	nn_dataset_free(d);
	nn_dataset_free(tr);
	nn_dataset_free(va);
}

/* A copy is a full snapshot: it continues exactly like the original and
 * training it leaves the original alone (undo, A/B runs). */
static void
copy_is_a_snapshot(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_GAUSS, 40, 0.1, 3);
	struct nn_net *a, *b;
	double before[16];
	const struct nn_epoch *ha, *hb;

	(void)state;
	c.opt = NN_OPT_MOMENTUM;
	c.dropout = 0.1;
	nn_config_for_task(&c, NN_TASK_CLASSIFICATION);
	a = nn_net_new("2-8-1", &c, NULL, 0);
	assert_int_equal(nn_train(a, d, NULL, 2, NULL, NULL, NULL, NULL, NULL,
	    0), 0);
	b = nn_net_copy(a);
	memcpy(before, nn_net_weights(a, 0, NULL, NULL), sizeof before);
	assert_int_equal(nn_train(b, d, NULL, 3, NULL, NULL, NULL, NULL, NULL,
	    0), 0);
	assert_memory_equal(before, nn_net_weights(a, 0, NULL, NULL),
	    sizeof before);
	assert_int_equal(nn_net_history(a, NULL), 2);
	assert_int_equal(nn_train(a, d, NULL, 3, NULL, NULL, NULL, NULL, NULL,
	    0), 0);
	assert_memory_equal(nn_net_weights(a, 0, NULL, NULL),
	    nn_net_weights(b, 0, NULL, NULL), sizeof before);
	assert_int_equal(nn_net_history(a, &ha), 5);
	assert_int_equal(nn_net_history(b, &hb), 5);
	assert_true(ha[4].train_loss == hb[4].train_loss);
	nn_net_free(a);
	nn_net_free(b);
	nn_dataset_free(d);
}

/*
 * The distance from the starting weights, by hand: a 2-2-1 net whose six
 * weights are moved by known amounts (the biases too, which must not
 * count): sqrt(0.3^2 + 0.4^2 + 1.2^2) = 1.3.  A copy keeps the start,
 * reset and load make the current weights the start, and one SGD step of
 * the tiny net moves it by exactly lr * dL/dw.
 */
static void
init_distance_by_hand(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d;
	struct nn_net *net, *cp, *ld;
	double *w0, *w1;
	char *text;

	(void)state;
	net = nn_net_new("2-2-1", &c, NULL, 0);
	assert_non_null(net);
	assert_true(nn_net_init_distance(net) == 0);
	w0 = nn_net_weights(net, 0, NULL, NULL);
	w1 = nn_net_weights(net, 1, NULL, NULL);
	w0[0] += 0.3;
	w0[3] -= 0.4;
	w1[1] += 1.2;
	nn_net_biases(net, 0)[1] += 5;
	nn_net_biases(net, 1)[0] -= 7;
	assert_close(nn_net_init_distance(net), 1.3, 1e-12);
	/* a copy starts where the original started */
	cp = nn_net_copy(net);
	assert_close(nn_net_init_distance(cp), 1.3, 1e-12);
	/* loaded weights are a start of their own */
	text = nn_net_save_string(net);
	ld = nn_net_load_string(text, "t", NULL, 0);
	assert_non_null(ld);
	assert_true(nn_net_init_distance(ld) == 0);
	nn_net_weights(ld, 1, NULL, NULL)[0] += 0.5;
	assert_close(nn_net_init_distance(ld), 0.5, 1e-12);
	/* reset draws the start again: the same weights, distance 0 */
	nn_net_reset(net);
	assert_true(nn_net_init_distance(net) == 0);
	assert_close(nn_net_weights(net, 0, NULL, NULL)[0],
	    nn_net_weights(cp, 0, NULL, NULL)[0] - 0.3, 1e-15);
	free(text);
	nn_net_free(ld);
	nn_net_free(cp);
	nn_net_free(net);

	/* training: the tiny net's start is w = 0.5 once set and reset is
	 * not called, so set it through a load; one SGD step of lr 0.1
	 * moves w by 0.1 * 0.4 */
	c.lr = 0.1;
	net = tiny(&c, &d);
	text = nn_net_save_string(net);
	ld = nn_net_load_string(text, "t", NULL, 0);
	assert_non_null(ld);
	one_step(ld, d, 0.01);
	assert_close(nn_net_init_distance(ld), 0.04, 1e-14);
	free(text);
	nn_net_free(ld);
	nn_net_free(net);
	nn_dataset_free(d);
}

static void
early_rule_on_crafted_history(void **state)
{
	static const double loss[] = { 1.0, 0.8, 0.6, 0.61, 0.59, 0.62, 0.63,
		0.64, 0.5 };
	struct nn_early e;
	int i, imp, stop = 0;

	(void)state;
	/* patience 3: best 0.59 at epoch 5, then 3 epochs without
	 * improvement: stop after epoch 8 */
	nn_early_init(&e);
	for (i = 0; i < (int)COUNT(loss); i++) {
		stop = nn_early_update(&e, i + 1, loss[i], 3, 0, &imp);
		if (stop)
			break;
	}
	assert_int_equal(i + 1, 8);
	assert_int_equal(e.best_epoch, 5);
	assert_close(e.best, 0.59, 0);
	/* min_delta 0.05: 0.59 is not enough better than 0.6; best is epoch 3,
	 * stop after epoch 6 */
	nn_early_init(&e);
	for (i = 0; i < (int)COUNT(loss); i++)
		if (nn_early_update(&e, i + 1, loss[i], 3, 0.05, NULL))
			break;
	assert_int_equal(i + 1, 6);
	assert_int_equal(e.best_epoch, 3);
	/* NaN never counts as an improvement */
	nn_early_init(&e);
	assert_int_equal(nn_early_update(&e, 1, NAN, 1, 0, &imp), 1);
	assert_int_equal(imp, 0);
}

static void
early_stop_restores_best(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_POLY, 24, 0.3, 11), *tr, *va;
	struct nn_net *net;
	struct nn_train_result res;
	const struct nn_epoch *h;
	double vl;
	int n;

	(void)state;
	assert_int_equal(nn_dataset_split(d, 0.5, 1, &tr, &va, NULL, 0), 0);
	c.act = NN_ACT_TANH;
	c.opt = NN_OPT_ADAM;
	c.lr = 0.02;
	c.batch = 4;
	c.early_stop = 1;
	c.patience = 5;
	net = nn_net_new("1-32-32-1", &c, NULL, 0);
	assert_int_equal(nn_train(net, tr, va, 2000, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_EARLY_STOP);
	assert_true(res.stopped_early && res.restored);
	n = nn_net_history(net, &h);
	assert_int_equal(n, res.epochs_run);
	assert_int_equal(n, res.best_epoch + 5);
	assert_true(n < 2000);
	assert_close(res.best_loss, h[res.best_epoch - 1].val_loss, 0);
	/* the restored weights are the best epoch's */
	assert_int_equal(nn_net_evaluate(net, va, &vl, NULL, NULL, 0), 0);
	assert_true(vl == h[res.best_epoch - 1].val_loss);
	nn_net_free(net);
	/* restore off: the same stop, the last epoch's weights stay */
	c.restore_best = 0;
	net = nn_net_new("1-32-32-1", &c, NULL, 0);
	assert_int_equal(nn_train(net, tr, va, 2000, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_EARLY_STOP);
	assert_true(res.stopped_early && !res.restored);
	assert_int_equal(nn_net_history(net, &h), res.best_epoch + 5);
	assert_int_equal(nn_net_evaluate(net, va, &vl, NULL, NULL, 0), 0);
	assert_true(vl == h[res.epochs_run - 1].val_loss);
	assert_true(vl != h[res.best_epoch - 1].val_loss);
	nn_net_free(net);
	nn_dataset_free(d);
	nn_dataset_free(tr);
	nn_dataset_free(va);
}

/*
 * A run watches its own epochs: after a long run without early stopping
 * whose best epoch lies far back, a run with early stopping on counts its
 * patience from its own first epoch and restores (and reports) its own
 * best epoch, not the earlier run's.
 */
static void
early_stop_watches_its_own_run(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_POLY, 24, 0.3, 11), *tr, *va;
	struct nn_net *net;
	struct nn_train_result res;
	const struct nn_epoch *h;
	double vl, best0;
	int n0, n, be0;

	(void)state;
	assert_int_equal(nn_dataset_split(d, 0.5, 1, &tr, &va, NULL, 0), 0);
	c.act = NN_ACT_TANH;
	c.opt = NN_OPT_ADAM;
	c.lr = 0.02;
	c.batch = 4;
	c.patience = 5;
	net = nn_net_new("1-32-32-1", &c, NULL, 0);
	/* early stopping off: 400 epochs, far past the best one */
	assert_int_equal(nn_train(net, tr, va, 400, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_DONE);
	n0 = nn_net_history(net, &h);
	be0 = nn_net_best(net, &best0);
	assert_true(be0 >= 1 && be0 + 5 < n0);
	/* early stopping on for the next run */
	c.early_stop = 1;
	assert_int_equal(nn_net_set_config(net, &c, NULL, 0), 0);
	assert_int_equal(nn_train(net, tr, va, 2000, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_EARLY_STOP);
	n = nn_net_history(net, &h);
	assert_int_equal(n, n0 + res.epochs_run);
	/* its best is one of its own epochs, and it ran patience past it */
	assert_true(res.best_epoch > n0);
	assert_int_equal(res.best_epoch, nn_net_best(net, NULL));
	assert_true(res.epochs_run >= 6);
	assert_int_equal(n, res.best_epoch + 5);
	assert_close(res.best_loss, h[res.best_epoch - 1].val_loss, 0);
	for (int i = n0; i < n; i++)
		assert_true(h[i].val_loss >= res.best_loss);
	/* the weights put back are that epoch's */
	assert_true(res.restored);
	assert_int_equal(nn_net_evaluate(net, va, &vl, NULL, NULL, 0), 0);
	assert_true(vl == h[res.best_epoch - 1].val_loss);
	/* a run that records no epoch (0 epochs) keeps the last run's best */
	assert_int_equal(nn_train(net, tr, va, 0, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_int_equal(nn_net_best(net, NULL), n - 5);
	nn_net_free(net);
	nn_dataset_free(d);
	nn_dataset_free(tr);
	nn_dataset_free(va);
}

static void
divergence_is_reported(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_SINE, 30, 0.1, 2);
	struct nn_net *net;
	struct nn_train_result res;
	struct nn_layer_stats st[3];
	const struct nn_epoch *h;
	int n;

	(void)state;
	c.act = NN_ACT_RELU;
	c.lr = 10;		/* the largest the settings allow */
	net = nn_net_new("1-8-8-1", &c, NULL, 0);
	assert_int_equal(nn_train(net, d, NULL, 50, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_DIVERGED);
	assert_string_equal(nn_train_status_name(res.status), "diverged");
	n = nn_net_history(net, &h);
	assert_true(n >= 1 && n < 50);
	assert_false(isfinite(h[n - 1].train_loss));
	/* still inspectable, and a reset recovers it */
	assert_int_equal(nn_net_stats(net, d, st, NULL, 0), 0);
	nn_net_reset(net);
	c.lr = 0.01;
	assert_int_equal(nn_net_set_config(net, &c, NULL, 0), 0);
	assert_int_equal(nn_train(net, d, NULL, 3, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_DONE);
	assert_int_equal(nn_net_history(net, &h), 3);
	assert_true(isfinite(h[2].train_loss));
	nn_net_free(net);
	nn_dataset_free(d);
}

static int
stop_at_three(void *ctx, const struct nn_epoch *e)
{
	int *calls = ctx;

	(*calls)++;
	return e->epoch == 3;
}

static volatile sig_atomic_t flag;

static int
set_flag_at_four(void *ctx, const struct nn_epoch *e)
{
	(void)ctx;
	if (e->epoch == 4)
		flag = 1;
	return 0;
}

static void
cancellation(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_XOR, 50, 0.05, 2);
	struct nn_net *net;
	struct nn_train_result res;
	int calls = 0;

	(void)state;
	nn_config_for_task(&c, NN_TASK_CLASSIFICATION);
	net = nn_net_new("2-4-1", &c, NULL, 0);
	assert_int_equal(nn_train(net, d, NULL, 10, stop_at_three, &calls,
	    NULL, &res, NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_CANCELLED);
	assert_int_equal(res.epochs_run, 3);
	assert_int_equal(calls, 3);
	flag = 1;	/* set before the first mini-batch: nothing runs */
	assert_int_equal(nn_train(net, d, NULL, 10, NULL, NULL, &flag, &res,
	    NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_CANCELLED);
	assert_int_equal(res.epochs_run, 0);
	assert_int_equal(nn_net_history(net, NULL), 3);
	/* set from the callback of the 4th epoch, as a signal handler would:
	 * the flag is seen before the next mini-batch */
	flag = 0;
	assert_int_equal(nn_train(net, d, NULL, 10, set_flag_at_four, NULL,
	    &flag, &res, NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_CANCELLED);
	assert_int_equal(res.epochs_run, 1);
	assert_int_equal(nn_net_history(net, NULL), 4);
	nn_net_free(net);
	nn_dataset_free(d);
}

static void
batchnorm_batch_of_one(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_GAUSS, 20, 0.1, 6);
	struct nn_net *net;
	struct nn_train_result res;
	const struct nn_epoch *h;
	double pre[4], post[4], o1, o2, m[4];
	int j;

	(void)state;
	c.norm = NN_NORM_BATCH;
	c.batch = 1;
	nn_config_for_task(&c, NN_TASK_CLASSIFICATION);
	net = nn_net_new("2-4-1", &c, NULL, 0);
	assert_int_equal(nn_train(net, d, NULL, 3, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_int_equal(res.status, NN_TRAIN_DONE);
	assert_int_equal(nn_net_history(net, &h), 3);
	assert_true(isfinite(h[2].train_loss));
	/* running stats were never updated by batches of one */
	memcpy(m, nn_net_running_mean(net, 0), sizeof m);
	for (j = 0; j < 4; j++) {
		assert_true(m[j] == 0);
		assert_true(nn_net_running_var(net, 0)[j] == 1);
	}
	/* a one-row "batch" normalizes with the running stats, like eval */
	assert_int_equal(nn_net_norm_matrix(net, d, 1, 0, pre, post, NULL, 0),
	    0);
	for (j = 0; j < 4; j++)
		assert_close(post[j], pre[j] / sqrt(1 + 1e-5), 1e-12);
	nn_net_predict(net, d->x, 1, &o1);
	nn_net_predict(net, d->x, 1, &o2);
	assert_true(isfinite(o1) && o1 == o2 && o1 > 0 && o1 < 1);
	/* with larger batches the running stats move */
	c.batch = 5;
	assert_int_equal(nn_net_set_config(net, &c, NULL, 0), 0);
	assert_int_equal(nn_train(net, d, NULL, 1, NULL, NULL, NULL, &res,
	    NULL, 0), 0);
	assert_true(nn_net_running_var(net, 0)[0] != 1);
	nn_net_free(net);
	nn_dataset_free(d);
}

static void
norm_matrix_groups(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_MOONS, 12, 0.1, 6);
	struct nn_net *net;
	double pre[8 * 6], post[8 * 6], s;
	char err[200];
	int r, j;

	(void)state;
	c.norm = NN_NORM_BATCH;
	net = nn_net_new("2-6-6-1", &c, NULL, 0);
	assert_int_equal(nn_net_norm_matrix(net, d, 8, 1, pre, post, NULL, 0),
	    0);
	for (j = 0; j < 6; j++) {	/* each column: mean 0 */
		for (s = 0, r = 0; r < 8; r++)
			s += post[r * 6 + j];
		assert_close(s / 8, 0, 1e-12);
	}
	nn_net_free(net);
	c.norm = NN_NORM_LAYER;
	net = nn_net_new("2-6-6-1", &c, NULL, 0);
	assert_int_equal(nn_net_norm_matrix(net, d, 8, 0, pre, post, NULL, 0),
	    0);
	for (r = 0; r < 8; r++) {	/* each row: mean 0 */
		for (s = 0, j = 0; j < 6; j++)
			s += post[r * 6 + j];
		assert_close(s / 6, 0, 1e-12);
	}
	assert_int_equal(nn_net_norm_matrix(net, d, 8, 2, pre, post, err,
	    sizeof err), -1);
	nn_net_free(net);
	c.norm = NN_NORM_NONE;
	net = nn_net_new("2-6-1", &c, NULL, 0);
	assert_int_equal(nn_net_norm_matrix(net, d, 8, 0, pre, post, err,
	    sizeof err), -1);
	assert_non_null(strstr(err, "no normalization"));
	nn_net_free(net);
	nn_dataset_free(d);
}

static void
diagnostics(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_CIRCLE, 40, 0.05, 6);
	struct nn_net *net;
	struct nn_layer_stats st[3];
	long counts[10], tot = 0;
	double *w;
	int i;

	(void)state;
	c.act = NN_ACT_RELU;
	net = nn_net_new("2-5-4-1", &c, NULL, 0);
	w = nn_net_weights(net, 0, NULL, NULL);
	for (i = 0; i < 5; i++)
		w[i] = 0;		/* inputs 1 -> all units */
	for (i = 5; i < 10; i++)
		w[i] = 0;		/* unit outputs 0 + bias 0 -> dead */
	assert_int_equal(nn_net_stats(net, d, st, NULL, 0), 0);
	assert_int_equal(st[0].nweights, 10);
	assert_close(st[0].frac_zero, 1.0, 0);
	assert_close(st[0].act_dead, 1.0, 0);
	assert_true(isnan(st[0].act_sat));
	assert_true(isnan(st[2].act_dead));	/* output is linear */
	assert_close(nn_net_zero_share(net), 10.0 / nn_net_nweights(net), 0);
	assert_int_equal(nn_weight_histogram(net, -1, 10, -1, 1, counts),
	    nn_net_nweights(net));
	for (i = 0; i < 10; i++)
		tot += counts[i];
	assert_int_equal(tot, nn_net_nweights(net));
	assert_true(counts[5] >= 10);	/* the zeros land in [0, 0.2) */
	nn_net_free(net);

	c.act = NN_ACT_TANH;
	c.init = NN_INIT_NORMAL;
	c.init_scale = 20;	/* saturates */
	net = nn_net_new("2-8-1", &c, NULL, 0);
	assert_int_equal(nn_net_stats(net, d, st, NULL, 0), 0);
	assert_true(st[0].act_sat > 0.5);
	assert_true(st[0].w_maxabs > 5);
	assert_int_equal(nn_train(net, d, NULL, 1, NULL, NULL, NULL, NULL,
	    NULL, 0), 0);
	assert_int_equal(nn_net_stats(net, NULL, st, NULL, 0), 0);
	assert_true(st[0].update_ratio >= 0);
	assert_true(st[1].grad_norm >= 0);
	assert_true(isnan(st[0].act_mean));
	nn_net_free(net);
	nn_dataset_free(d);
}

/* Activation mean and std over several evaluation chunks agree with the
 * outputs taken directly (the output layer is linear: its activations are
 * the predictions). */
static void
activation_mean_std(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_CIRCLE, 150, 0.1, 4);
	struct nn_layer_stats st[2];
	struct nn_net *net;
	double o[150], m = 0, v = 0;
	int i;

	(void)state;
	c.bias_init = 0.5;	/* a mean away from 0 */
	net = nn_net_new("2-5-1", &c, NULL, 0);
	nn_net_predict(net, d->x, 150, o);
	for (i = 0; i < 150; i++)
		m += o[i] / 150;
	for (i = 0; i < 150; i++)
		v += (o[i] - m) * (o[i] - m) / 150;
	assert_int_equal(nn_net_stats(net, d, st, NULL, 0), 0);
	assert_close(st[1].act_mean, m, 1e-13);
	assert_close(st[1].act_std, sqrt(v), 1e-13);
	assert_true(st[1].act_std > 0.05 && fabs(st[1].act_mean) > 0.2);
	nn_net_free(net);
	nn_dataset_free(d);
}

static void
bad_arguments(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_SINE, 10, 0, 1);
	struct nn_net *net;
	char err[200];

	(void)state;
	net = nn_net_new("2-3-1", &c, NULL, 0);
	assert_int_equal(nn_train(net, d, NULL, 1, NULL, NULL, NULL, NULL, err,
	    sizeof err), -1);
	assert_string_equal(err, "training data has 1 input and 1 output but "
	    "the network has 2 and 1");
	assert_int_equal(nn_net_evaluate(net, d, NULL, NULL, err, sizeof err),
	    -1);
	assert_string_equal(err, "the data has 1 input and 1 output but "
	    "the network has 2 and 1");
	c.norm = NN_NORM_LAYER;
	assert_int_equal(nn_net_set_config(net, &c, err, sizeof err), -1);
	assert_non_null(strstr(err, "norm"));
	c.norm = NN_NORM_NONE;
	c.lr = -1;
	assert_int_equal(nn_net_set_config(net, &c, err, sizeof err), -1);
	assert_string_equal(err, "lr is out of range (allowed: a number > 0 "
	    "and <= 10)");
	nn_net_free(net);
	nn_dataset_free(d);
}

/*
 * The default spiral (200 points, noise 0.1, as "data spiral" makes it) is
 * learnable by a small net: 2-16-16-1 with tanh in 200 epochs gets most of
 * the training points right with plain SGD and nearly all with adam (with
 * 1.75 turns from the centre both stayed near 60%).
 */
static void
spiral_is_learnable(void **state)
{
	struct nn_dataset *d = gen(NN_DS_SPIRAL, 200, 0.1, 1), *tr, *va;
	double loss, acc[2], vacc;
	int k;

	(void)state;
	assert_int_equal(nn_dataset_split(d, 0.7, 1, &tr, &va, NULL, 0), 0);
	for (k = 0; k < 2; k++) {
		struct nn_config c = nn_config_default();
		struct nn_net *net;

		nn_config_for_task(&c, NN_TASK_CLASSIFICATION);
		if (k == 1) {
			c.opt = NN_OPT_ADAM;
			c.lr = 0.01;
		}
		net = nn_net_new("2-16-16-1", &c, NULL, 0);
		assert_int_equal(nn_train(net, tr, va, 200, NULL, NULL, NULL,
		    NULL, NULL, 0), 0);
		assert_int_equal(nn_net_evaluate(net, tr, &loss, &acc[k], NULL,
		    0), 0);
		assert_int_equal(nn_net_evaluate(net, va, &loss, &vacc, NULL,
		    0), 0);
		assert_true(vacc > 0.75);
		nn_net_free(net);
	}
	assert_true(acc[0] > 0.85);
	assert_true(acc[1] > 0.95);
	nn_dataset_free(d);
	nn_dataset_free(tr);
	nn_dataset_free(va);
}

/*
 * Training-mode loss over one pass, by hand.  Batch norm: a 1-1-1 linear
 * net, W = 2 then 1, rows x = 0, 1 with targets 0.  In one batch of two,
 * z = 0, 2 has mean 1 and variance 1, so the outputs are -+1/sqrt(1+eps)
 * and the loss 1/(1+eps); in evaluation mode the running statistics (mean
 * 0, variance 1) give outputs 0 and 2/sqrt(1+eps), loss 2/(1+eps); batches
 * of one row use the running statistics too.  Nothing in the net changes.
 */
static void
train_mode_loss_batchnorm(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = nn_dataset_new(2, 1, 1, NN_TASK_REGRESSION);
	struct nn_net *net;
	double eps, loss, ev;
	char *before, *after;

	(void)state;
	c.act = NN_ACT_LINEAR;
	c.norm = NN_NORM_BATCH;
	eps = c.norm_eps;
	net = nn_net_new("1-1-1", &c, NULL, 0);
	assert_non_null(net);
	nn_net_weights(net, 0, NULL, NULL)[0] = 2;
	nn_net_biases(net, 0)[0] = 0;
	nn_net_gamma(net, 0)[0] = 1;
	nn_net_beta(net, 0)[0] = 0;
	nn_net_weights(net, 1, NULL, NULL)[0] = 1;
	nn_net_biases(net, 1)[0] = 0;
	assert_close(nn_net_running_mean(net, 0)[0], 0, 0);
	assert_close(nn_net_running_var(net, 0)[0], 1, 0);
	d->x[0] = 0;
	d->x[1] = 1;
	d->y[0] = d->y[1] = 0;
	before = nn_net_save_string(net);
	assert_int_equal(nn_net_evaluate_train_mode(net, d, 2, 1, &loss, NULL,
	    0), 0);
	assert_close(loss, 1 / (1 + eps), 1e-14);
	assert_int_equal(nn_net_evaluate_train_mode(net, d, 64, 9, &loss, NULL,
	    0), 0);			/* batch >= rows: the whole set */
	assert_close(loss, 1 / (1 + eps), 1e-14);
	assert_int_equal(nn_net_evaluate(net, d, &ev, NULL, NULL, 0), 0);
	assert_close(ev, 2 / (1 + eps), 1e-14);
	assert_int_equal(nn_net_evaluate_train_mode(net, d, 1, 1, &loss, NULL,
	    0), 0);
	assert_close(loss, ev, 1e-14);
	after = nn_net_save_string(net);	/* running stats included */
	assert_string_equal(before, after);
	assert_int_equal(nn_net_evaluate_train_mode(net, d, 0, 1, &loss, NULL,
	    0), -1);
	free(before);
	free(after);
	nn_net_free(net);
	nn_dataset_free(d);
}

/*
 * Dropout 0.5 on a 1-1-1 linear net with weights 1 and rows x = 1, y = 0:
 * each row's output is its mask, 0 or 2, so the loss is 4k/N for the k
 * rows kept, about 2 (evaluation mode: 1).  The masks come from the seed,
 * not from the net's rng: training afterwards is as without the call.
 */
static void
train_mode_loss_dropout(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = nn_dataset_new(1000, 1, 1, NN_TASK_REGRESSION);
	struct nn_net *net, *twin;
	double loss, again, other, ev, k;
	char *a, *b;

	(void)state;
	c.act = NN_ACT_LINEAR;
	c.dropout = 0.5;
	c.batch = 10;
	net = nn_net_new("1-1-1", &c, NULL, 0);
	assert_non_null(net);
	nn_net_weights(net, 0, NULL, NULL)[0] = 1;
	nn_net_biases(net, 0)[0] = 0;
	nn_net_weights(net, 1, NULL, NULL)[0] = 1;
	nn_net_biases(net, 1)[0] = 0;
	for (int i = 0; i < d->n; i++) {
		d->x[i] = 1;
		d->y[i] = 0;
	}
	twin = nn_net_copy(net);
	assert_int_equal(nn_net_evaluate_train_mode(net, d, 10, 3, &loss, NULL,
	    0), 0);
	k = loss * d->n / 4;
	assert_close(k, round(k), 1e-9);
	assert_true(loss > 1.6 && loss < 2.4);
	assert_int_equal(nn_net_evaluate(net, d, &ev, NULL, NULL, 0), 0);
	assert_close(ev, 1, 1e-14);
	assert_int_equal(nn_net_evaluate_train_mode(net, d, 10, 3, &again,
	    NULL, 0), 0);
	assert_true(again == loss);
	assert_int_equal(nn_net_evaluate_train_mode(net, d, 10, 4, &other,
	    NULL, 0), 0);
	assert_true(other != loss);
	/* the net's own rng untouched: one epoch each, the same weights */
	assert_int_equal(nn_train(net, d, NULL, 1, NULL, NULL, NULL, NULL,
	    NULL, 0), 0);
	assert_int_equal(nn_train(twin, d, NULL, 1, NULL, NULL, NULL, NULL,
	    NULL, 0), 0);
	a = nn_net_save_string(net);
	b = nn_net_save_string(twin);
	assert_string_equal(a, b);
	free(a);
	free(b);
	nn_net_free(net);
	nn_net_free(twin);
	nn_dataset_free(d);
}

/* With neither batch norm nor dropout, training mode is evaluation mode. */
static void
train_mode_loss_plain(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_dataset *d = gen(NN_DS_MOONS, 50, 0.2, 5);
	struct nn_net *net;
	double loss, ev;

	(void)state;
	c.act = NN_ACT_TANH;
	net = nn_net_new("2-8-8-1", &c, NULL, 0);
	assert_non_null(net);
	assert_int_equal(nn_train(net, d, NULL, 3, NULL, NULL, NULL, NULL,
	    NULL, 0), 0);
	assert_int_equal(nn_net_evaluate(net, d, &ev, NULL, NULL, 0), 0);
	assert_int_equal(nn_net_evaluate_train_mode(net, d, 7, 11, &loss, NULL,
	    0), 0);
	assert_close(loss, ev, 1e-12);
	nn_net_free(net);
	nn_dataset_free(d);
}

/* init he: N(0, 2/in), told apart from a uniform of the same sd by its
 * tails (a uniform never passes sqrt(3) sd); normal and uniform scale
 * with init_scale exactly (the same draws times the scale). */
static void
init_he_and_scale(void **state)
{
	struct nn_config c = nn_config_default();
	struct nn_net *net, *a, *b;
	double s = 0, q = 0, mx = 0, sd;
	int in, out;
	const double *w;
	long n, i;

	(void)state;
	c.init = NN_INIT_HE;
	net = nn_net_new("100-200-1", &c, NULL, 0);
	assert_non_null(net);
	w = nn_net_weights(net, 0, &in, &out);
	n = (long)in * out;
	for (i = 0; i < n; i++) {
		s += w[i];
		q += w[i] * w[i];
		if (fabs(w[i]) > mx)
			mx = fabs(w[i]);
	}
	sd = sqrt(q / n - (s / n) * (s / n));
	assert_close(sd, sqrt(2.0 / 100), 0.02 * sqrt(2.0 / 100));
	assert_true(fabs(s / n) < 0.05 * sd);
	assert_true(mx > 3.5 * sd);
	nn_net_free(net);
	for (int k = NN_INIT_NORMAL; k <= NN_INIT_UNIFORM; k++) {
		c.init = k;
		c.init_scale = 1;
		a = nn_net_new("3-5-2", &c, NULL, 0);
		c.init_scale = 4;
		b = nn_net_new("3-5-2", &c, NULL, 0);
		for (int l = 0; l < 2; l++) {
			const double *wa = nn_net_weights(a, l, &in, &out);
			const double *wb = nn_net_weights(b, l, NULL, NULL);

			for (i = 0; i < (long)in * out; i++) {
				assert_true(wb[i] == 4 * wa[i]);
				if (k == NN_INIT_UNIFORM)
					assert_true(fabs(wb[i]) < 4);
			}
		}
		nn_net_free(a);
		nn_net_free(b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sgd_step),
		cmocka_unit_test(momentum_steps),
		cmocka_unit_test(adam_steps),
		cmocka_unit_test(penalty_steps),
		cmocka_unit_test(penalty_n_is_the_training_set),
		cmocka_unit_test(penalty_over_weights_only),
		cmocka_unit_test(loss_values),
		cmocka_unit_test(batchnorm_running_stats),
		cmocka_unit_test(train_mode_loss_batchnorm),
		cmocka_unit_test(train_mode_loss_dropout),
		cmocka_unit_test(train_mode_loss_plain),
		cmocka_unit_test(prox_l1_exact_zeros),
		cmocka_unit_test(determinism),
		cmocka_unit_test(copy_is_a_snapshot),
		cmocka_unit_test(init_distance_by_hand),
		cmocka_unit_test(early_rule_on_crafted_history),
		cmocka_unit_test(early_stop_restores_best),
		cmocka_unit_test(early_stop_watches_its_own_run),
		cmocka_unit_test(divergence_is_reported),
		cmocka_unit_test(cancellation),
		cmocka_unit_test(batchnorm_batch_of_one),
		cmocka_unit_test(norm_matrix_groups),
		cmocka_unit_test(diagnostics),
		cmocka_unit_test(activation_mean_std),
		cmocka_unit_test(bad_arguments),
		cmocka_unit_test(spiral_is_learnable),
		cmocka_unit_test(init_he_and_scale),
		cmocka_unit_test(clip_step),
		cmocka_unit_test(adamw_and_l2_in_adam),
		cmocka_unit_test(input_noise_step),
		cmocka_unit_test(skip_by_hand),
	};

	return cmocka_run_group_tests_name("nn/train", tests, NULL, NULL);
}
