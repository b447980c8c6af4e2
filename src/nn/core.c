/*
 * core.c - the engine's small parts: name tables for the kinds without
 * functions of their own (the activations, inits, losses, optimizers,
 * norms and data sets have tables with their functions: act.c, net.c,
 * loss.c, opt.c, norm.c, data.c; the settings are settings.c's), network
 * spec parsing, the seeded random generator and the allocation accounting
 * behind the benchmark's heap figure.
 */
#include "config.h"

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

static const char *const l1mode_names[] = { "subgrad", "prox" };
static const char *const task_names[] = { N_("regression"),
    N_("classification") };
static const char *const status_names[] = {
	N_("done"), N_("early-stop"), N_("diverged"), N_("cancelled")
};

_Static_assert(COUNT(l1mode_names) == NN_L1_COUNT, "l1mode names");
_Static_assert(COUNT(task_names) == NN_TASK_COUNT, "task names");
_Static_assert(COUNT(status_names) == NN_TRAIN_STATUS_COUNT, "status names");

/* The name of row k of a kind table whose rows, stride bytes apart,
 * start with their name (a plain name list is such a table). */
static const char *
row_name(const void *rows, size_t stride, int k)
{
	const char *name;

	memcpy(&name, (const char *)rows + (size_t)k * stride, sizeof name);
	return name;
}

const char *
nn__kind_name(const void *rows, size_t stride, int n, int k)
{
	return k >= 0 && k < n ? row_name(rows, stride, k) : NULL;
}

int
nn__kind_find(const void *rows, size_t stride, int n, const char *s)
{
	int k;

	if (s == NULL)
		return -1;
	for (k = 0; k < n; k++)
		if (row_name(rows, stride, k) != NULL &&
		    strcmp(row_name(rows, stride, k), s) == 0)
			return k;
	return -1;
}

NN_KIND_NAMES(nn_l1mode, l1mode_names, NN_L1_COUNT)

int
nn_kinds_check(char *err, size_t errlen)
{
	if (nn__act_check(err, errlen) < 0 || nn__loss_check(err, errlen) < 0 ||
	    nn__opt_check(err, errlen) < 0 || nn__norm_check(err, errlen) < 0 ||
	    nn__init_check(err, errlen) < 0 ||
	    nn__dataset_check(err, errlen) < 0)
		return -1;
	return 0;
}

const char *
nn_task_name(int k)
{
	return nn__kind_name(task_names, sizeof task_names[0], NN_TASK_COUNT,
	    k);
}

const char *
nn_train_status_name(int k)
{
	return nn__kind_name(status_names, sizeof status_names[0],
	    NN_TRAIN_STATUS_COUNT, k);
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
