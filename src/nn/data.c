/*
 * data.c - data sets: the seeded toy generators (poly and sine regression,
 * circle/xor/gauss/spiral/moons classification on roughly [-1, 1]^2),
 * deterministic train/validation splits, and CSV load/export.  The CSV
 * loader is all-or-nothing: a bad row is an error naming its line and
 * column, and nothing is returned.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/nn-internal.h"
#include "util/i18n.h"
#include "util/util.h"

struct nn_dataset *
nn_dataset_new(int n, int nin, int nout, enum nn_task task)
{
	struct nn_dataset *d = nn_zalloc(sizeof *d);

	d->n = n;
	d->nin = nin;
	d->nout = nout;
	d->task = task;
	d->x = nn_zalloc((size_t)(n ? n : 1) * nin * sizeof(double));
	d->y = nn_zalloc((size_t)(n ? n : 1) * nout * sizeof(double));
	return d;
}

struct nn_dataset *
nn_dataset_copy(const struct nn_dataset *s)
{
	/* the one place a data set is written after it is made: its count */
	struct nn_dataset *d = (struct nn_dataset *)(uintptr_t)s;

	d->shares++;
	return d;
}

void
nn_dataset_free(struct nn_dataset *d)
{
	if (d == NULL)
		return;
	if (d->shares > 0) {
		d->shares--;
		return;
	}
	nn_free(d->x);
	nn_free(d->y);
	nn_free(d);
}

/* ============================================================ generators */

/*
 * The generators, one row each in kinds[]: a regression set draws x
 * uniformly on [-1, 1] and y = curve(x); a 2-D classification set draws
 * each point of class c (0/1) with point(), before noise (i/n places the
 * point along a spiral arm).
 */

/* a gentle cubic */
static double
poly_curve(double x)
{
	return x * x * x - 0.5 * x + 0.2;
}

static double
sine_curve(double x)
{
	return sin(M_PI * x);
}

/* class 1 inside radius 0.5, class 0 on a ring 0.7..1 */
static void
circle_point(struct nn_rng *r, int c, int i, int n, double *x)
{
	double t, rad;

	(void)i, (void)n;
	rad = c ? 0.5 * sqrt(nn_rng_uniform(r)) :
	    0.7 + 0.3 * nn_rng_uniform(r);
	t = 2 * M_PI * nn_rng_uniform(r);
	x[0] = rad * cos(t);
	x[1] = rad * sin(t);
}

/* class 1 in quadrants with x1*x2 > 0; a small gap at the axes */
static void
xor_point(struct nn_rng *r, int c, int i, int n, double *x)
{
	(void)i, (void)n;
	do {
		x[0] = 2 * nn_rng_uniform(r) - 1;
		x[1] = 2 * nn_rng_uniform(r) - 1;
	} while (fabs(x[0]) < 0.05 || fabs(x[1]) < 0.05 ||
	    ((x[0] * x[1] > 0) != (c == 1)));
}

static void
gauss_point(struct nn_rng *r, int c, int i, int n, double *x)
{
	(void)i, (void)n;
	x[0] = (c ? 0.4 : -0.4) + 0.2 * nn_rng_normal(r);
	x[1] = (c ? 0.4 : -0.4) + 0.2 * nn_rng_normal(r);
}

/*
 * Two arms of 3/4 turn from radius 0.2 outwards: the hardest of the 2-D
 * sets, yet learnable by a small net (2-16-16-1 reaches ~88% in 200
 * epochs of plain SGD, ~100% with adam).  With 1.75 turns from the
 * centre it stayed near 60%.
 */
static void
spiral_point(struct nn_rng *r, int c, int i, int n, double *x)
{
	double t, rad;

	(void)r;
	rad = 0.2 + 0.8 * (double)i / (n > 1 ? n : 1);
	t = 0.75 * rad * 2 * M_PI + (c ? M_PI : 0);
	x[0] = rad * sin(t);
	x[1] = rad * cos(t);
}

/* two half moons, centred and scaled to about [-1, 1] x [-.5, .5] */
static void
moons_point(struct nn_rng *r, int c, int i, int n, double *x)
{
	double t = M_PI * nn_rng_uniform(r);

	(void)i, (void)n;
	if (c == 0) {
		x[0] = cos(t);
		x[1] = sin(t);
	} else {
		x[0] = 1 - cos(t);
		x[1] = 0.5 - sin(t);
	}
	x[0] = (x[0] - 0.5) / 1.5;
	x[1] = (x[1] - 0.25) / 1.5;
}

struct ds_kind {
	const char *name;
	double (*curve)(double x);	/* regression, or NULL */
	void (*point)(struct nn_rng *r, int c, int i, int n, double *x);
};

static const struct ds_kind kinds[] = {
	[NN_DS_POLY] = { "poly", poly_curve, NULL },
	[NN_DS_SINE] = { "sine", sine_curve, NULL },
	[NN_DS_CIRCLE] = { "circle", NULL, circle_point },
	[NN_DS_XOR] = { "xor", NULL, xor_point },
	[NN_DS_GAUSS] = { "gauss", NULL, gauss_point },
	[NN_DS_SPIRAL] = { "spiral", NULL, spiral_point },
	[NN_DS_MOONS] = { "moons", NULL, moons_point },
};
/* an enum value past the last row fails here; a gap is refused by
 * nn_kinds_check() at start-up */
_Static_assert(COUNT(kinds) == NN_DS_COUNT, "one row per data set kind");

NN_KIND_NAMES(nn_dataset_kind, kinds, NN_DS_COUNT)

int
nn__dataset_check(char *err, size_t errlen)
{
	int k;

	for (k = 0; k < NN_DS_COUNT; k++)
		if (kinds[k].name == NULL ||
		    (kinds[k].curve == NULL) == (kinds[k].point == NULL)) {
			nn_errf(err, errlen, "data set kind %d has no table "
			    "row (src/nn/data.c)", k);
			return -1;
		}
	return 0;
}

struct nn_dataset *
nn_dataset_generate(enum nn_dataset_kind kind, int n, double noise,
    uint64_t seed, char *err, size_t errlen)
{
	struct nn_dataset *d, *s;
	struct nn_rng r;
	int *perm, i;

	if ((int)kind < 0 || kind >= NN_DS_COUNT) {
		nn_errf(err, errlen, "unknown data set kind %d", (int)kind);
		return NULL;
	}
	if (n < 1 || n > NN_MAX_EXAMPLES) {
		nn_errf(err, errlen, "data set size must be 1..%d",
		    NN_MAX_EXAMPLES);
		return NULL;
	}
	if (!isfinite(noise) || noise < 0 || noise > 100) {
		nn_errf(err, errlen, "noise must be in [0, 100]");
		return NULL;
	}
	nn_rng_seed(&r, seed);
	if (kinds[kind].curve != NULL) {
		d = nn_dataset_new(n, 1, 1, NN_TASK_REGRESSION);
		for (i = 0; i < n; i++) {
			double x = 2 * nn_rng_uniform(&r) - 1;
			double y = kinds[kind].curve(x);

			d->x[i] = x;
			d->y[i] = y + noise * nn_rng_normal(&r);
		}
		return d;
	}
	s = nn_dataset_new(n, 2, 1, NN_TASK_CLASSIFICATION);
	for (i = 0; i < n; i++) {
		int c = i % 2;

		kinds[kind].point(&r, c, i / 2, (n + 1) / 2, s->x + 2L * i);
		s->x[2L * i] += noise * nn_rng_normal(&r);
		s->x[2L * i + 1] += noise * nn_rng_normal(&r);
		s->y[i] = c;
	}
	/* random order, so a split by position is a random split */
	perm = nn_alloc((size_t)n * sizeof *perm);
	for (i = 0; i < n; i++)
		perm[i] = i;
	nn_rng_shuffle(&r, perm, n);
	d = nn_dataset_new(n, 2, 1, NN_TASK_CLASSIFICATION);
	for (i = 0; i < n; i++) {
		d->x[2L * i] = s->x[2L * perm[i]];
		d->x[2L * i + 1] = s->x[2L * perm[i] + 1];
		d->y[i] = s->y[perm[i]];
	}
	nn_free(perm);
	nn_dataset_free(s);
	return d;
}

int
nn_dataset_split(const struct nn_dataset *d, double ratio, uint64_t seed,
    struct nn_dataset **train, struct nn_dataset **val, char *err,
    size_t errlen)
{
	struct nn_rng r;
	int *perm, i, nt;

	if (!isfinite(ratio) || ratio <= 0 || ratio > 1) {
		nn_errf(err, errlen, _("split ratio must be in (0, 1]"));
		return -1;
	}
	nt = (int)floor(ratio * d->n + 0.5);
	perm = nn_alloc((size_t)(d->n ? d->n : 1) * sizeof *perm);
	for (i = 0; i < d->n; i++)
		perm[i] = i;
	nn_rng_seed(&r, seed);
	nn_rng_shuffle(&r, perm, d->n);
	*train = nn_dataset_new(nt, d->nin, d->nout, d->task);
	*val = nn_dataset_new(d->n - nt, d->nin, d->nout, d->task);
	for (i = 0; i < d->n; i++) {
		struct nn_dataset *t = i < nt ? *train : *val;
		int row = i < nt ? i : i - nt;

		memcpy(t->x + (long)row * d->nin, d->x + (long)perm[i] * d->nin,
		    (size_t)d->nin * sizeof(double));
		memcpy(t->y + (long)row * d->nout,
		    d->y + (long)perm[i] * d->nout,
		    (size_t)d->nout * sizeof(double));
	}
	nn_free(perm);
	return 0;
}

/* ============================================================ CSV */

struct csv_field {
	const char *s;		/* start (after leading blanks) */
	size_t len;		/* without trailing blanks */
	int col;		/* 1-based column of the field's first byte */
};

/* Splits line at commas; returns the field count (fields[] has room max). */
static int
csv_split(const char *line, struct csv_field *f, int max)
{
	const char *p = line;
	int n = 0;

	for (;;) {
		const char *st = p, *e;

		while (*p != ',' && *p != '\0')
			p++;
		e = p;
		while (st < e && (*st == ' ' || *st == '\t'))
			st++;
		while (e > st && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (n < max) {
			f[n].s = st;
			f[n].len = (size_t)(e - st);
			f[n].col = (int)(st - line) + 1;
		}
		n++;
		if (*p == '\0')
			break;
		p++;
	}
	return n;
}

static int
field_number(const struct csv_field *f, double *v)
{
	char buf[128];

	if (f->len == 0 || f->len >= sizeof buf)
		return -1;
	memcpy(buf, f->s, f->len);
	buf[f->len] = '\0';
	return parse_double(buf, v);
}

#define CSV_MAX_COLS (NN_MAX_WIDTH + 1)

struct nn_dataset *
nn_dataset_read_csv(FILE *f, const char *name, char *err, size_t errlen)
{
	struct csv_field fl[CSV_MAX_COLS + 1];	/* + the first one too many */
	struct line_reader lr;
	char *line, why[64];
	size_t len;
	double *vals = NULL;
	long nvals = 0, capv = 0;
	int lineno = 0, ncols = 0, rows = 0, header_ok = 1, i;
	int all01 = 1;
	struct nn_dataset *d = NULL;

	if (name == NULL)
		name = "<csv>";
	line_init(&lr, f, NN_MAX_LINE, NN_MAX_CSV_BYTES);
	while ((line = line_next(&lr, &len)) != NULL) {
		int nf;
		const char *p;

		lineno++;
		/* a UTF-8 byte order mark (spreadsheets write one) is not part
		 * of the first field: kept, it made a first row of numbers
		 * look like a header, and the row was lost */
		if (lineno == 1 && len >= 3 &&
		    memcmp(line, "\xef\xbb\xbf", 3) == 0) {
			memmove(line, line + 3, len - 2);
			len -= 3;
		}
		for (p = line; *p == ' ' || *p == '\t'; p++)
			;
		if (*p == '\0' || *p == '#')
			continue;
		if (strlen(line) != len) {
			nn_errf(err, errlen, _("%s:%d:%d: NUL byte in line"), name,
			    lineno, (int)strlen(line) + 1);
			goto fail;
		}
		nf = csv_split(line, fl, CSV_MAX_COLS + 1);
		if (nf > CSV_MAX_COLS) {
			nn_errf(err, errlen,
			    _("%s:%d:%d: too many columns (at most %d)"), name,
			    lineno, fl[CSV_MAX_COLS].col, CSV_MAX_COLS);
			goto fail;
		}
		if (ncols == 0) {
			double v;

			if (header_ok && field_number(&fl[0], &v) != 0 &&
			    fl[0].len > 0) {
				/* a header line: remember only its width */
				header_ok = 0;
				if (nf < 2) {
					nn_errf(err, errlen,
					    _("%s:%d:1: need at least 2 columns "
					    "(inputs, then the target)"), name,
					    lineno);
					goto fail;
				}
				ncols = nf;
				continue;
			}
			if (nf < 2) {
				nn_errf(err, errlen,
				    _("%s:%d:1: need at least 2 columns (inputs, "
				    "then the target)"), name, lineno);
				goto fail;
			}
			ncols = nf;
		}
		header_ok = 0;
		if (nf != ncols) {
			nn_errf(err, errlen, _("%s:%d:%d: %d field%s, expected %d"),
			    name, lineno, nf > ncols ? fl[ncols].col :
			    (int)len + 1, nf, nf == 1 ? "" : "s", ncols);
			goto fail;
		}
		if (rows >= NN_MAX_EXAMPLES) {
			nn_errf(err, errlen, _("%s:%d:1: more than %d rows"), name,
			    lineno, NN_MAX_EXAMPLES);
			goto fail;
		}
		if (nvals + nf > NN_MAX_VALUES) {
			nn_errf(err, errlen, _("%s:%d:1: more than %d numbers "
			    "(%d rows of %d)"), name, lineno, NN_MAX_VALUES,
			    rows + 1, nf);
			goto fail;
		}
		if (nvals + nf > capv) {
			capv = capv ? 2 * capv : 256;
			while (capv < nvals + nf)
				capv *= 2;
			vals = nn_realloc(vals, (size_t)capv * sizeof *vals);
		}
		for (i = 0; i < nf; i++) {
			double v;

			if (fl[i].len == 0) {
				nn_errf(err, errlen, _("%s:%d:%d: empty field"),
				    name, lineno, fl[i].col);
				goto fail;
			}
			if (field_number(&fl[i], &v) != 0) {
				nn_errf(err, errlen,
				    _("%s:%d:%d: '%.*s' is not a finite number"),
				    name, lineno, fl[i].col,
				    (int)(fl[i].len > 40 ? 40 : fl[i].len),
				    fl[i].s);
				goto fail;
			}
			vals[nvals++] = v;
			if (i == nf - 1 && v != 0 && v != 1)
				all01 = 0;
		}
		rows++;
	}
	if (lr.error != LINE_OK) {
		if (lr.error == LINE_TOO_LONG)
			nn_errf(err, errlen, "%s:%ld: %s", name, lr.line,
			    line_error(&lr, why, sizeof why));
		else
			nn_errf(err, errlen, "%s: %s", name,
			    line_error(&lr, why, sizeof why));
		goto fail;
	}
	if (rows == 0) {
		nn_errf(err, errlen, _("%s: no data rows"), name);
		goto fail;
	}
	d = nn_dataset_new(rows, ncols - 1, 1,
	    all01 ? NN_TASK_CLASSIFICATION : NN_TASK_REGRESSION);
	for (i = 0; i < rows; i++) {
		memcpy(d->x + (long)i * (ncols - 1), vals + (long)i * ncols,
		    (size_t)(ncols - 1) * sizeof(double));
		d->y[i] = vals[(long)i * ncols + ncols - 1];
	}
fail:
	line_done(&lr);
	nn_free(vals);
	return d;
}

struct nn_dataset *
nn_dataset_load_csv(const char *path, char *err, size_t errlen)
{
	FILE *f = file_open_read(path, NN_MAX_CSV_BYTES, err, errlen);
	struct nn_dataset *d;

	if (f == NULL)
		return NULL;
	d = nn_dataset_read_csv(f, path, err, errlen);
	fclose(f);
	return d;
}

int
nn_dataset_write_csv(const struct nn_dataset *d, FILE *f)
{
	int i, j;

	for (j = 0; j < d->nin; j++)
		fprintf(f, "x%d,", j + 1);
	if (d->nout == 1)
		fputs("y", f);
	else
		for (j = 0; j < d->nout; j++)
			fprintf(f, "%sy%d", j ? "," : "", j + 1);
	fputc('\n', f);
	for (i = 0; i < d->n; i++) {
		for (j = 0; j < d->nin; j++)
			fprintf(f, "%.17g,", d->x[(long)i * d->nin + j]);
		for (j = 0; j < d->nout; j++)
			fprintf(f, "%s%.17g", j ? "," : "",
			    d->y[(long)i * d->nout + j]);
		fputc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}
