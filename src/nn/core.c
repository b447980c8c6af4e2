/*
 * core.c - the engine's small parts: name tables for every kind, the
 * hyper-parameter config (defaults, range checks, get/set by key), network
 * spec parsing, activation functions, the seeded random generator and the
 * allocation accounting behind the benchmark's heap figure.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/nn-internal.h"
#include "util/i18n.h"
#include "util/util.h"

/* ============================================================ errors, memory */

void
nn_errf(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Each block carries its size in a 16-byte header so frees can be counted. */
#define MEM_HDR 16
static size_t mem_cur, mem_peak;

void *
nn_alloc(size_t n)
{
	unsigned char *p = xmalloc(n + MEM_HDR);

	memcpy(p, &n, sizeof n);
	mem_cur += n;
	if (mem_cur > mem_peak)
		mem_peak = mem_cur;
	return p + MEM_HDR;
}

void *
nn_zalloc(size_t n)
{
	void *p = nn_alloc(n);

	memset(p, 0, n);
	return p;
}

void
nn_free(void *p)
{
	unsigned char *q;
	size_t n;

	if (p == NULL)
		return;
	q = (unsigned char *)p - MEM_HDR;
	memcpy(&n, q, sizeof n);
	mem_cur -= n;
	free(q);
}

void *
nn_realloc(void *p, size_t n)
{
	unsigned char *q;
	size_t old;

	if (p == NULL)
		return nn_alloc(n);
	q = (unsigned char *)p - MEM_HDR;
	memcpy(&old, q, sizeof old);
	q = xrealloc(q, n + MEM_HDR);
	memcpy(q, &n, sizeof n);
	mem_cur = mem_cur - old + n;
	if (mem_cur > mem_peak)
		mem_peak = mem_cur;
	return q + MEM_HDR;
}

double *
nn_dup(const double *a, size_t n)
{
	double *p = nn_alloc(n * sizeof *p);

	if (n > 0)
		memcpy(p, a, n * sizeof *p);
	return p;
}

size_t
nn_mem_current(void)
{
	return mem_cur;
}

size_t
nn_mem_peak(void)
{
	return mem_peak;
}

void
nn_mem_reset_peak(void)
{
	mem_peak = mem_cur;
}

/* ============================================================ name tables */

static const char *const act_names[] = {
	"linear", "sigmoid", "tanh", "relu", "leaky", "elu", "softplus"
};
static const char *const init_names[] = { "xavier", "he", "normal", "uniform" };
static const char *const loss_names[] = { "mse", "mae", "bce" };
static const char *const reg_names[] = { "none", "l1", "l2" };
static const char *const l1mode_names[] = { "subgrad", "prox" };
static const char *const opt_names[] = { "sgd", "momentum", "adam",
	"adamw" };
static const char *const norm_names[] = { "none", "batch", "layer" };
static const char *const ds_names[] = {
	"poly", "sine", "circle", "xor", "gauss", "spiral", "moons"
};
static const char *const task_names[] = { N_("regression"),
    N_("classification") };
static const char *const status_names[] = {
	"done", "early-stop", "diverged", "cancelled"
};

_Static_assert(COUNT(act_names) == NN_ACT_COUNT, "act names");
_Static_assert(COUNT(init_names) == NN_INIT_COUNT, "init names");
_Static_assert(COUNT(loss_names) == NN_LOSS_COUNT, "loss names");
_Static_assert(COUNT(reg_names) == NN_REG_COUNT, "reg names");
_Static_assert(COUNT(l1mode_names) == NN_L1_COUNT, "l1mode names");
_Static_assert(COUNT(opt_names) == NN_OPT_COUNT, "opt names");
_Static_assert(COUNT(norm_names) == NN_NORM_COUNT, "norm names");
_Static_assert(COUNT(ds_names) == NN_DS_COUNT, "dataset names");
_Static_assert(COUNT(task_names) == NN_TASK_COUNT, "task names");
_Static_assert(COUNT(status_names) == NN_TRAIN_STATUS_COUNT, "status names");

static const char *
name_of(const char *const *t, int n, int k)
{
	return k >= 0 && k < n ? t[k] : NULL;
}

static int
from_name(const char *const *t, int n, const char *s)
{
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(t[i], s) == 0)
			return i;
	return -1;
}

#define NAME_FUNCS(pfx, table) \
const char *pfx##_name(int k) { return name_of(table, (int)COUNT(table), k); } \
int pfx##_from_name(const char *s) { return from_name(table, (int)COUNT(table), s); }

NAME_FUNCS(nn_act, act_names)
NAME_FUNCS(nn_init, init_names)
NAME_FUNCS(nn_loss, loss_names)
NAME_FUNCS(nn_reg, reg_names)
NAME_FUNCS(nn_l1mode, l1mode_names)
NAME_FUNCS(nn_opt, opt_names)
NAME_FUNCS(nn_norm, norm_names)
NAME_FUNCS(nn_dataset_kind, ds_names)

const char *
nn_task_name(int k)
{
	return name_of(task_names, (int)COUNT(task_names), k);
}

const char *
nn_train_status_name(int k)
{
	return name_of(status_names, (int)COUNT(status_names), k);
}

/* ============================================================ activations */

static double
sigmoid(double x)
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

void
nn_act_eval(int act, double leak, double x, double *f, double *df)
{
	double y = x, d = 1;

	switch (act) {
	case NN_ACT_SIGMOID:
		y = sigmoid(x);
		d = y * (1 - y);
		break;
	case NN_ACT_TANH:
		y = tanh(x);
		d = 1 - y * y;
		break;
	case NN_ACT_RELU:
		y = x > 0 ? x : 0;
		d = x > 0 ? 1 : 0;
		break;
	case NN_ACT_LEAKY:
		y = x > 0 ? x : leak * x;
		d = x > 0 ? 1 : leak;
		break;
	case NN_ACT_ELU:
		y = x > 0 ? x : expm1(x);
		d = x > 0 ? 1 : exp(x);
		break;
	case NN_ACT_SOFTPLUS:
		y = softplus(x);
		d = sigmoid(x);
		break;
	default:
		break;
	}
	if (f != NULL)
		*f = y;
	if (df != NULL)
		*df = d;
}

void
nn__act_forward(double *h, const double *u, long n, int act, double leak)
{
	long i;

	switch (act) {
	case NN_ACT_SIGMOID:
		for (i = 0; i < n; i++)
			h[i] = sigmoid(u[i]);
		break;
	case NN_ACT_TANH:
		for (i = 0; i < n; i++)
			h[i] = tanh(u[i]);
		break;
	case NN_ACT_RELU:
		for (i = 0; i < n; i++)
			h[i] = u[i] > 0 ? u[i] : 0;
		break;
	case NN_ACT_LEAKY:
		for (i = 0; i < n; i++)
			h[i] = u[i] > 0 ? u[i] : leak * u[i];
		break;
	case NN_ACT_ELU:
		for (i = 0; i < n; i++)
			h[i] = u[i] > 0 ? u[i] : expm1(u[i]);
		break;
	case NN_ACT_SOFTPLUS:
		for (i = 0; i < n; i++)
			h[i] = softplus(u[i]);
		break;
	default:
		if (h != u)
			memcpy(h, u, (size_t)n * sizeof *h);
		break;
	}
}

void
nn__act_backward(double *du, const double *dh, const double *u,
    const double *h, long n, int act, double leak)
{
	long i;

	switch (act) {
	case NN_ACT_SIGMOID:
		for (i = 0; i < n; i++)
			du[i] = dh[i] * h[i] * (1 - h[i]);
		break;
	case NN_ACT_TANH:
		for (i = 0; i < n; i++)
			du[i] = dh[i] * (1 - h[i] * h[i]);
		break;
	case NN_ACT_RELU:
		for (i = 0; i < n; i++)
			du[i] = u[i] > 0 ? dh[i] : 0;
		break;
	case NN_ACT_LEAKY:
		for (i = 0; i < n; i++)
			du[i] = u[i] > 0 ? dh[i] : leak * dh[i];
		break;
	case NN_ACT_ELU:
		for (i = 0; i < n; i++)
			du[i] = u[i] > 0 ? dh[i] : dh[i] * (h[i] + 1);
		break;
	case NN_ACT_SOFTPLUS:
		for (i = 0; i < n; i++)
			du[i] = dh[i] * sigmoid(u[i]);
		break;
	default:
		if (du != dh)
			memcpy(du, dh, (size_t)n * sizeof *du);
		break;
	}
}

/* ============================================================ random */

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void
nn_rng_seed(struct nn_rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t
nn_rng_next(struct nn_rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

double
nn_rng_uniform(struct nn_rng *r)
{
	return (double)(nn_rng_next(r) >> 11) * 0x1.0p-53;
}

/* Box-Muller; one value per call keeps the state a plain struct. */
double
nn_rng_normal(struct nn_rng *r)
{
	double u1 = 1.0 - nn_rng_uniform(r);	/* (0, 1] */
	double u2 = nn_rng_uniform(r);

	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

uint64_t
nn_rng_below(struct nn_rng *r, uint64_t n)
{
	uint64_t lim = UINT64_MAX - UINT64_MAX % n, x;

	do
		x = nn_rng_next(r);
	while (x >= lim);
	return x % n;
}

void
nn_rng_shuffle(struct nn_rng *r, int *a, int n)
{
	int i, j, t;

	for (i = n - 1; i > 0; i--) {
		j = (int)nn_rng_below(r, (uint64_t)i + 1);
		t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}

/* ============================================================ config */

struct nn_config
nn_config_default(void)
{
	struct nn_config c;

	memset(&c, 0, sizeof c);
	c.act = NN_ACT_TANH;
	c.leak = 0.05;
	c.out_act = NN_ACT_LINEAR;
	c.init = NN_INIT_XAVIER;
	c.init_scale = 0.1;
	c.bias_init = 0;
	c.norm = NN_NORM_NONE;
	c.dropout = 0;
	c.loss = NN_LOSS_MSE;
	c.reg = NN_REG_NONE;
	c.lambda = 0;
	c.l1mode = NN_L1_SUBGRAD;
	c.opt = NN_OPT_SGD;
	c.lr = 0.03;
	c.momentum = 0.9;
	c.beta1 = 0.9;
	c.beta2 = 0.999;
	c.adam_eps = 1e-8;
	c.batch = 10;
	c.epochs = 100;
	c.early_stop = 0;
	c.patience = 5;
	c.min_delta = 0;
	c.restore_best = 1;
	c.bn_momentum = 0.1;
	c.norm_eps = 1e-5;
	c.shuffle = 1;
	c.seed = 1;
	return c;
}

void
nn_config_for_task(struct nn_config *c, enum nn_task task)
{
	c->out_act = NN_ACT_LINEAR;
	c->loss = task == NN_TASK_CLASSIFICATION ? NN_LOSS_BCE : NN_LOSS_MSE;
}

/* The key table: one row per field, with its kind and valid range. */
enum key_kind { K_ENUM, K_DOUBLE, K_INT, K_FLAG, K_U64 };
struct key {
	const char *name;
	enum key_kind kind;
	size_t off;
	const char *(*enum_name)(int);
	int (*enum_from)(const char *);
	double lo, hi;		/* doubles/ints: lo <= v <= hi */
	int lo_open, hi_open;	/* strict bounds */
};

#define KE(f, pfx) { #f, K_ENUM, offsetof(struct nn_config, f), pfx##_name, pfx##_from_name, 0, 0, 0, 0 }
#define KD(f, lo, hi, lopen, hopen) { #f, K_DOUBLE, offsetof(struct nn_config, f), NULL, NULL, lo, hi, lopen, hopen }
#define KI(f, lo, hi) { #f, K_INT, offsetof(struct nn_config, f), NULL, NULL, lo, hi, 0, 0 }
#define KF(f) { #f, K_FLAG, offsetof(struct nn_config, f), NULL, NULL, 0, 1, 0, 0 }

static const struct key keys[] = {
	KE(act, nn_act),
	KD(leak, 0, 1, 0, 1),
	KE(out_act, nn_act),
	KE(init, nn_init),
	KD(init_scale, 0, 1e3, 1, 0),
	KD(bias_init, -1e3, 1e3, 0, 0),
	KE(norm, nn_norm),
	KD(dropout, 0, 1, 0, 1),
	KE(loss, nn_loss),
	KE(reg, nn_reg),
	KD(lambda, 0, 1e6, 0, 0),
	KE(l1mode, nn_l1mode),
	KE(opt, nn_opt),
	KD(lr, 0, 1e6, 1, 0),
	KD(momentum, 0, 1, 0, 1),
	KD(beta1, 0, 1, 0, 1),
	KD(beta2, 0, 1, 0, 1),
	KD(adam_eps, 0, 1, 1, 0),
	KI(batch, 1, NN_MAX_BATCH),
	KI(epochs, 0, 10000000),
	KF(early_stop),
	KI(patience, 1, 1000000),
	KD(min_delta, 0, 1e300, 0, 0),
	KF(restore_best),
	KD(bn_momentum, 0, 1, 0, 0),
	KD(norm_eps, 0, 1, 1, 0),
	KF(shuffle),
	{ "seed", K_U64, offsetof(struct nn_config, seed), NULL, NULL, 0, 0, 0, 0 },
	/* format version 2 */
	KD(clip, 0, 1e6, 0, 0),
	KD(wd, 0, 1e6, 0, 0),
	KD(input_noise, 0, 1e6, 0, 0),
	KF(skip),
};

_Static_assert(sizeof(enum nn_act) == sizeof(int), "enums are int-sized");

const char *
nn_config_key(int i)
{
	return i >= 0 && i < (int)COUNT(keys) ? keys[i].name : NULL;
}

static const struct key *
find_key(const char *name)
{
	size_t i;

	for (i = 0; i < COUNT(keys); i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

/* Range message for a numeric key. */
static void
range_err(const struct key *k, char *err, size_t errlen)
{
	if (k->kind == K_INT)
		nn_errf(err, errlen, _("%s must be an integer from %.0f to %.0f"),
		    k->name, k->lo, k->hi);
	else if (k->hi >= 1e300)
		nn_errf(err, errlen, _("%s must be %s %g"), k->name,
		    k->lo_open ? ">" : ">=", k->lo);
	else
		nn_errf(err, errlen, _("%s must be in %s%g, %g%s"), k->name,
		    k->lo_open ? "(" : "[", k->lo, k->hi, k->hi_open ? ")" : "]");
}

static int
check_num(const struct key *k, double v)
{
	if (!isfinite(v))
		return -1;
	if (v < k->lo || (k->lo_open && v == k->lo))
		return -1;
	if (v > k->hi || (k->hi_open && v == k->hi))
		return -1;
	return 0;
}

static int
check_key(const struct nn_config *c, const struct key *k, char *err,
    size_t errlen)
{
	const char *base = (const char *)c;
	int iv;

	switch (k->kind) {
	case K_ENUM:
		memcpy(&iv, base + k->off, sizeof iv);
		if (k->enum_name(iv) == NULL) {
			nn_errf(err, errlen, _("%s has an unknown value %d"),
			    k->name, iv);
			return -1;
		}
		return 0;
	case K_DOUBLE: {
		double v;

		memcpy(&v, base + k->off, sizeof v);
		if (check_num(k, v) < 0) {
			range_err(k, err, errlen);
			return -1;
		}
		return 0;
	}
	case K_INT:
	case K_FLAG:
		memcpy(&iv, base + k->off, sizeof iv);
		if (check_num(k, iv) < 0) {
			if (k->kind == K_FLAG)
				nn_errf(err, errlen, _("%s must be 0 or 1"), k->name);
			else
				range_err(k, err, errlen);
			return -1;
		}
		return 0;
	case K_U64:
		return 0;
	}
	return 0;
}

int
nn_config_check(const struct nn_config *c, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < COUNT(keys); i++)
		if (check_key(c, &keys[i], err, errlen) < 0)
			return -1;
	if (c->loss == NN_LOSS_BCE && c->out_act != NN_ACT_LINEAR) {
		nn_errf(err, errlen,
		    _("loss bce works on logits: out_act must be linear (not %s)"),
		    nn_act_name(c->out_act));
		return -1;
	}
	return 0;
}

static int
parse_flag(const char *s, int *out)
{
	static const char *const on[] = { "1", "on", "yes", "true" };
	static const char *const off[] = { "0", "off", "no", "false" };
	size_t i;

	for (i = 0; i < COUNT(on); i++) {
		if (strcmp(s, on[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcmp(s, off[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

int
nn_config_set(struct nn_config *c, const char *key, const char *value,
    char *err, size_t errlen)
{
	const struct key *k = find_key(key);
	struct nn_config t = *c;
	char *base = (char *)&t;

	if (k == NULL) {
		nn_errf(err, errlen, _("unknown setting '%s'"), key);
		return -1;
	}
	switch (k->kind) {
	case K_ENUM: {
		int v = k->enum_from(value), i;

		if (v < 0) {
			struct strbuf b;

			strbuf_init(&b);
			for (i = 0; k->enum_name(i) != NULL; i++)
				strbuf_addf(&b, "%s%s", i ? " " : "",
				    k->enum_name(i));
			nn_errf(err, errlen, _("%s: unknown value '%s' (one of: %s)"),
			    k->name, value, b.s);
			strbuf_done(&b);
			return -1;
		}
		memcpy(base + k->off, &v, sizeof v);
		break;
	}
	case K_DOUBLE: {
		double v;

		if (parse_double(value, &v) != 0) {
			nn_errf(err, errlen, _("%s: '%s' is not a number"), k->name,
			    value);
			return -1;
		}
		memcpy(base + k->off, &v, sizeof v);
		break;
	}
	case K_INT: {
		long v;
		int iv;

		if (parse_long(value, &v) != 0 || v < (long)k->lo ||
		    v > (long)k->hi) {
			range_err(k, err, errlen);
			return -1;
		}
		iv = (int)v;
		memcpy(base + k->off, &iv, sizeof iv);
		break;
	}
	case K_FLAG: {
		int v;

		if (parse_flag(value, &v) != 0) {
			nn_errf(err, errlen, _("%s must be on or off, not '%s'"),
			    k->name, value);
			return -1;
		}
		memcpy(base + k->off, &v, sizeof v);
		break;
	}
	case K_U64: {
		char *end;
		unsigned long long v;

		errno = 0;
		if (value[0] < '0' || value[0] > '9' ||
		    (v = strtoull(value, &end, 10), errno != 0) || *end != '\0') {
			nn_errf(err, errlen,
			    _("%s must be a non-negative integer, not '%s'"),
			    k->name, value);
			return -1;
		}
		t.seed = (uint64_t)v;
		break;
	}
	}
	if (check_key(&t, k, err, errlen) < 0)
		return -1;
	*c = t;
	return 0;
}

int
nn_config_get(const struct nn_config *c, const char *key, char *buf,
    size_t len)
{
	const struct key *k = find_key(key);
	const char *base = (const char *)c;
	int iv;
	double dv;

	if (k == NULL)
		return -1;
	switch (k->kind) {
	case K_ENUM:
		memcpy(&iv, base + k->off, sizeof iv);
		snprintf(buf, len, "%s",
		    k->enum_name(iv) ? k->enum_name(iv) : "?");
		break;
	case K_DOUBLE:
		memcpy(&dv, base + k->off, sizeof dv);
		snprintf(buf, len, "%.17g", dv);
		break;
	case K_INT:
	case K_FLAG:
		memcpy(&iv, base + k->off, sizeof iv);
		snprintf(buf, len, "%d", iv);
		break;
	case K_U64:
		snprintf(buf, len, "%llu", (unsigned long long)c->seed);
		break;
	}
	return 0;
}

/* ============================================================ spec */

int
nn_spec_parse(const char *s, int *sizes, int *n, char *err, size_t errlen)
{
	const char *p = s;
	int k = 0;

	if (s == NULL || *s == '\0') {
		nn_errf(err, errlen, _("empty network spec (expected e.g. 2-16-1)"));
		return -1;
	}
	for (;;) {
		const char *start = p;
		long v = 0;

		while (*p >= '0' && *p <= '9') {
			if (v <= NN_MAX_WIDTH)
				v = v * 10 + (*p - '0');
			p++;
		}
		if (p == start) {
			if (*p == '-' || *p == '\0')
				nn_errf(err, errlen,
				    _("spec '%s': empty layer size at position %d"),
				    s, (int)(p - s) + 1);
			else
				nn_errf(err, errlen,
				    _("spec '%s': '%c' at position %d is not a digit"),
				    s, *p, (int)(p - s) + 1);
			return -1;
		}
		if (v == 0) {
			nn_errf(err, errlen,
			    _("spec '%s': layer %d has 0 units"), s, k + 1);
			return -1;
		}
		if (v > NN_MAX_WIDTH) {
			nn_errf(err, errlen,
			    _("spec '%s': layer %d is wider than %d units"), s,
			    k + 1, NN_MAX_WIDTH);
			return -1;
		}
		if (k == NN_MAX_LAYERS + 1) {
			nn_errf(err, errlen,
			    _("spec '%s': more than %d layers (at most %d numbers)"),
			    s, NN_MAX_LAYERS, NN_MAX_LAYERS + 1);
			return -1;
		}
		sizes[k++] = (int)v;
		if (*p == '\0')
			break;
		if (*p != '-') {
			nn_errf(err, errlen,
			    _("spec '%s': '%c' at position %d is not a digit or '-'"),
			    s, *p, (int)(p - s) + 1);
			return -1;
		}
		p++;
	}
	if (k < 2) {
		nn_errf(err, errlen,
		    _("spec '%s': need at least inputs and outputs, e.g. %s-1"),
		    s, s);
		return -1;
	}
	*n = k;
	return 0;
}
