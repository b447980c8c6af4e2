/*
 * act.c - the activations, one row each in acts[]: the name, the scalar
 * value f(x) and derivative f'(x) ("plot fn", the tests), the vector
 * forward h = f(u) and backward du = dh f'(u) that training runs over a
 * (B, width) block, and what the diagnostics count (saturation, dead
 * units).
 *
 * The two paths are written apart (the vector backward reuses the cached
 * output where that is cheaper, e.g. sigmoid's h (1 - h)), so
 * tests/nn/test-act.c compares them on a grid of inputs and checks the
 * scalar derivative against central differences.  Adding an activation is
 * its enum value in nn.h, its functions and one row here (and its name in
 * regtutor(1)); the command language takes the names from nn_act_name().
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "nn/nn-internal.h"
#include "util/util.h"

/* ============================================================ shared */

double
nn__sigmoid(double x)
{
	double e;

	if (x >= 0)
		return 1.0 / (1.0 + exp(-x));
	e = exp(x);
	return e / (1.0 + e);
}

static double
softplus(double x)
{
	if (x > 0)
		return x + log1p(exp(-x));
	return log1p(exp(x));
}

/* ============================================================ linear */

static double
linear_f(double x, double leak)
{
	(void)leak;
	return x;
}

static double
linear_df(double x, double leak)
{
	(void)x, (void)leak;
	return 1;
}

static void
linear_forward(double *h, const double *u, long n, double leak)
{
	(void)leak;
	if (h != u)
		memcpy(h, u, (size_t)n * sizeof *h);
}

static void
linear_backward(double *du, const double *dh, const double *u,
    const double *h, long n, double leak)
{
	(void)u, (void)h, (void)leak;
	if (du != dh)
		memcpy(du, dh, (size_t)n * sizeof *du);
}

/* ============================================================ sigmoid */

static double
sigmoid_f(double x, double leak)
{
	(void)leak;
	return nn__sigmoid(x);
}

static double
sigmoid_df(double x, double leak)
{
	double y = nn__sigmoid(x);

	(void)leak;
	return y * (1 - y);
}

static void
sigmoid_forward(double *h, const double *u, long n, double leak)
{
	long i;

	(void)leak;
	for (i = 0; i < n; i++)
		h[i] = nn__sigmoid(u[i]);
}

static void
sigmoid_backward(double *du, const double *dh, const double *u,
    const double *h, long n, double leak)
{
	long i;

	(void)u, (void)leak;
	for (i = 0; i < n; i++)
		du[i] = dh[i] * h[i] * (1 - h[i]);
}

/* outside [0.03, 0.97]: the derivative is below 0.03 */
static int
sigmoid_saturated(double a)
{
	return a < 0.03 || a > 0.97;
}

/* ============================================================ tanh */

static double
tanh_f(double x, double leak)
{
	(void)leak;
	return tanh(x);
}

static double
tanh_df(double x, double leak)
{
	double y = tanh(x);

	(void)leak;
	return 1 - y * y;
}

static void
tanh_forward(double *h, const double *u, long n, double leak)
{
	long i;

	(void)leak;
	for (i = 0; i < n; i++)
		h[i] = tanh(u[i]);
}

static void
tanh_backward(double *du, const double *dh, const double *u,
    const double *h, long n, double leak)
{
	long i;

	(void)u, (void)leak;
	for (i = 0; i < n; i++)
		du[i] = dh[i] * (1 - h[i] * h[i]);
}

/* |a| > 0.97: the derivative is below 0.06 */
static int
tanh_saturated(double a)
{
	return fabs(a) > 0.97;
}

/* ============================================================ relu */

/* x if keep, else +0, without a branch (relu's signs are a coin toss, so a
 * branch would be mispredicted half the time): x's bits, masked. */
static inline double
keep_if(int keep, double x)
{
	uint64_t b;

	memcpy(&b, &x, sizeof b);
	b &= -(uint64_t)(keep != 0);
	memcpy(&x, &b, sizeof x);
	return x;
}

static double
relu_f(double x, double leak)
{
	(void)leak;
	return x > 0 ? x : 0;
}

/* f'(0) = 0 */
static double
relu_df(double x, double leak)
{
	(void)leak;
	return x > 0 ? 1 : 0;
}

static void
relu_forward(double *h, const double *u, long n, double leak)
{
	long i;

	(void)leak;
	for (i = 0; i < n; i++)	/* u > 0 ? u : 0 */
		h[i] = keep_if(u[i] > 0, u[i]);
}

static void
relu_backward(double *du, const double *dh, const double *u,
    const double *h, long n, double leak)
{
	long i;

	(void)h, (void)leak;
	for (i = 0; i < n; i++)	/* u > 0 ? dh : 0 */
		du[i] = keep_if(u[i] > 0, dh[i]);
}

/* ============================================================ leaky */

static double
leaky_f(double x, double leak)
{
	return x > 0 ? x : leak * x;
}

static double
leaky_df(double x, double leak)
{
	return x > 0 ? 1 : leak;
}

static void
leaky_forward(double *h, const double *u, long n, double leak)
{
	long i;

	for (i = 0; i < n; i++)
		h[i] = u[i] > 0 ? u[i] : leak * u[i];
}

static void
leaky_backward(double *du, const double *dh, const double *u,
    const double *h, long n, double leak)
{
	long i;

	(void)h;
	for (i = 0; i < n; i++)
		du[i] = u[i] > 0 ? dh[i] : leak * dh[i];
}

/* ============================================================ elu */

static double
elu_f(double x, double leak)
{
	(void)leak;
	return x > 0 ? x : expm1(x);
}

static double
elu_df(double x, double leak)
{
	(void)leak;
	return x > 0 ? 1 : exp(x);
}

static void
elu_forward(double *h, const double *u, long n, double leak)
{
	long i;

	(void)leak;
	for (i = 0; i < n; i++)
		h[i] = u[i] > 0 ? u[i] : expm1(u[i]);
}

/* for x <= 0, f' = e^x = f + 1 */
static void
elu_backward(double *du, const double *dh, const double *u,
    const double *h, long n, double leak)
{
	long i;

	(void)leak;
	for (i = 0; i < n; i++)
		du[i] = u[i] > 0 ? dh[i] : dh[i] * (h[i] + 1);
}

/* ============================================================ softplus */

static double
softplus_f(double x, double leak)
{
	(void)leak;
	return softplus(x);
}

static double
softplus_df(double x, double leak)
{
	(void)leak;
	return nn__sigmoid(x);
}

static void
softplus_forward(double *h, const double *u, long n, double leak)
{
	long i;

	(void)leak;
	for (i = 0; i < n; i++)
		h[i] = softplus(u[i]);
}

static void
softplus_backward(double *du, const double *dh, const double *u,
    const double *h, long n, double leak)
{
	long i;

	(void)h, (void)leak;
	for (i = 0; i < n; i++)
		du[i] = dh[i] * nn__sigmoid(u[i]);
}

/* ============================================================ the table */

struct act_kind {
	const char *name;
	/* scalar value and derivative at x (leak: leaky's slope) */
	double (*f)(double x, double leak);
	double (*df)(double x, double leak);
	/* h = f(u) and du = dh f'(u) over n values; h may be u, du may be
	 * dh; backward may read the forward's input u and output h */
	void (*forward)(double *h, const double *u, long n, double leak);
	void (*backward)(double *du, const double *dh, const double *u,
	    const double *h, long n, double leak);
	/* whether an output a counts as saturated (NULL: never) */
	int (*saturated)(double a);
	int dies;		/* a unit at 0 on every example is dead */
};

/* a row: the functions are named after the activation */
#define ACT(k, nm, sat, dies) [k] = { #nm, nm##_f, nm##_df, nm##_forward, \
	nm##_backward, sat, dies }

static const struct act_kind acts[] = {
	ACT(NN_ACT_LINEAR, linear, NULL, 0),
	ACT(NN_ACT_SIGMOID, sigmoid, sigmoid_saturated, 0),
	ACT(NN_ACT_TANH, tanh, tanh_saturated, 0),
	ACT(NN_ACT_RELU, relu, NULL, 1),
	ACT(NN_ACT_LEAKY, leaky, NULL, 0),
	ACT(NN_ACT_ELU, elu, NULL, 0),
	ACT(NN_ACT_SOFTPLUS, softplus, NULL, 0),
};
#undef ACT
/* an enum value past the last row fails here; a gap is refused by
 * nn_kinds_check() at start-up */
_Static_assert(COUNT(acts) == NN_ACT_COUNT, "one row per enum nn_act");

static const struct act_kind *
act_of(int k)
{
	assert(k >= 0 && k < NN_ACT_COUNT);
	return &acts[k];
}

int
nn__act_check(char *err, size_t errlen)
{
	int k;

	for (k = 0; k < NN_ACT_COUNT; k++)
		if (acts[k].name == NULL || acts[k].f == NULL ||
		    acts[k].df == NULL || acts[k].forward == NULL ||
		    acts[k].backward == NULL) {
			nn_errf(err, errlen, "activation %d has no table row "
			    "(src/nn/act.c)", k);
			return -1;
		}
	return 0;
}

/* ============================================================ API */

NN_KIND_NAMES(nn_act, acts, NN_ACT_COUNT)

void
nn_act_eval(int act, double leak, double x, double *f, double *df)
{
	const struct act_kind *a = act_of(act);

	if (f != NULL)
		*f = a->f(x, leak);
	if (df != NULL)
		*df = a->df(x, leak);
}

void
nn__act_forward(double *h, const double *u, long n, int act, double leak)
{
	act_of(act)->forward(h, u, n, leak);
}

void
nn__act_backward(double *du, const double *dh, const double *u,
    const double *h, long n, int act, double leak)
{
	act_of(act)->backward(du, dh, u, h, n, leak);
}

int
nn__act_saturated(int act, double a)
{
	const struct act_kind *k = act_of(act);

	return k->saturated != NULL && k->saturated(a);
}

int
nn__act_has_saturation(int act)
{
	return act_of(act)->saturated != NULL;
}

int
nn__act_dies(int act)
{
	return act_of(act)->dies;
}
