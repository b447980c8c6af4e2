/*
 * chart-samples.c - fixed sample data and one drawing per golden case.
 *
 * The data imitate what the lessons show (loss curves that overfit,
 * gradient norms that vanish layer by layer, L1 and L2 weight histograms,
 * a two-moons decision field, a batch of activations) and come from a small
 * seeded generator, so every run draws the same pictures.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"
#include "chart/chart-samples.h"

/* ------------------------------------------------------------ data */

static uint64_t
rng_next(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	*s = x;
	return x;
}

static double
rng_uniform(uint64_t *s)
{
	return (double)(rng_next(s) >> 11) / 9007199254740992.0;
}

static double
rng_normal(uint64_t *s)
{
	double u = rng_uniform(s), v = rng_uniform(s);

	if (u < 1e-300)
		u = 1e-300;
	return sqrt(-2 * log(u)) * cos(2 * M_PI * v);
}

void
sample_normal(double *v, int n, double sd, unsigned seed)
{
	uint64_t s = 0x9E3779B97F4A7C15ull ^ seed;
	int i;

	for (i = 0; i < n; i++)
		v[i] = sd * rng_normal(&s);
}

void
sample_losses(double *train, double *val, int n, unsigned seed)
{
	uint64_t s = 0x2545F4914F6CDD1Dull ^ seed;
	int i;
	double e;

	for (i = 0; i < n; i++) {
		e = i + 1;
		train[i] = 2.2 * exp(-e / 9) + 0.04 + 0.02 * rng_uniform(&s);
		val[i] = 2.2 * exp(-e / 11) + 0.30 + 0.0009 * (e - 30) *
		    (e > 30 ? (e - 30) : 0) / 4 + 0.03 * rng_uniform(&s);
	}
}

/* Index of the smallest value. */
static int
argmin(const double *v, int n)
{
	int i, b = 0;

	for (i = 1; i < n; i++)
		if (v[i] < v[b])
			b = i;
	return b;
}

/* ------------------------------------------------------------ line */

static void
line_basic(struct grid *g, const struct chart_opts *o0)
{
	double tr[60], va[60];
	struct chart_opts o = *o0;
	struct chart_line_opts lo;
	struct chart_series s[2] = {
		{ "train", tr, NULL, 60, 1, 1 }, { "val", va, NULL, 60, 1, 1 }
	};
	char label[64];
	int b;

	sample_losses(tr, va, 60, 1);
	b = argmin(va, 60);
	memset(&lo, 0, sizeof lo);
	lo.marker = 1;
	lo.marker_x = b + 1;
	lo.marker_y = va[b];
	snprintf(label, sizeof label, "best@%d val=%.3f", b + 1, va[b]);
	lo.marker_label = label;
	o.title = "Loss: train vs validation";
	o.xlabel = "epoch";
	o.ylabel = "loss";
	chart_line(g, &o, &lo, s, 2);
}

static void
line_empty(struct grid *g, const struct chart_opts *o0)
{
	struct chart_opts o = *o0;
	struct chart_series s = { "train", NULL, NULL, 0, 1, 1 };

	o.title = "no data yet";
	chart_line(g, &o, NULL, &s, 1);
}

static void
line_one(struct grid *g, const struct chart_opts *o0)
{
	static const double y[1] = { 0.693 };
	struct chart_opts o = *o0;
	struct chart_series s = { "train", y, NULL, 1, 1, 1 };

	o.title = "one point";
	chart_line(g, &o, NULL, &s, 1);
}

static void
line_constant(struct grid *g, const struct chart_opts *o0)
{
	double y[40];
	struct chart_opts o = *o0;
	struct chart_series s = { "loss", y, NULL, 40, 1, 1 };
	int i;

	for (i = 0; i < 40; i++)
		y[i] = 0.5;
	o.title = "constant";
	chart_line(g, &o, NULL, &s, 1);
}

static void
line_naninf(struct grid *g, const struct chart_opts *o0)
{
	double y[50], z[50];
	struct chart_opts o = *o0;
	struct chart_series s[2] = {
		{ "with gaps", y, NULL, 50, 0, 1 }, { "inf", z, NULL, 50, 0, 1 }
	};
	int i;

	for (i = 0; i < 50; i++) {
		y[i] = sin(i / 6.0);
		z[i] = cos(i / 6.0) * 0.5;
	}
	y[10] = NAN;
	y[11] = NAN;
	y[25] = INFINITY;
	y[35] = -INFINITY;
	z[20] = NAN;
	z[40] = INFINITY;
	o.title = "NaN and Inf are gaps";
	chart_line(g, &o, NULL, s, 2);
}

static void
line_logy(struct grid *g, const struct chart_opts *o0)
{
	double tr[60], va[60];
	struct chart_opts o = *o0;
	struct chart_line_opts lo;
	struct chart_series s[2] = {
		{ "train", tr, NULL, 60, 1, 1 }, { "val", va, NULL, 60, 1, 1 }
	};

	sample_losses(tr, va, 60, 2);
	tr[5] = 0;		/* non-positive values: gaps on a log axis */
	tr[6] = -1;
	memset(&lo, 0, sizeof lo);
	lo.logy = 1;
	o.title = "log y (0 and -1 are gaps)";
	o.xlabel = "epoch";
	chart_line(g, &o, &lo, s, 2);
}

static void
line_magnitudes(struct grid *g, const struct chart_opts *o0)
{
	double y[40], x[40];
	struct chart_opts o = *o0;
	struct chart_line_opts lo;
	struct chart_series s = { "grad norm", y, x, 40, 0, 0 };
	int i;

	for (i = 0; i < 40; i++) {
		x[i] = i * 1e6 / 39;
		y[i] = pow(10, -12 + 18.0 * i / 39);
	}
	memset(&lo, 0, sizeof lo);
	lo.logy = 1;
	lo.hline_on = 1;
	lo.hline = 1e-6;
	o.title = "1e-12 .. 1e6 on a log axis";
	chart_line(g, &o, &lo, &s, 1);
}

static void
line_spikes(struct grid *g, const struct chart_opts *o0)
{
	static double y[10000];
	struct chart_opts o = *o0;
	struct chart_series s = { "10k steps", y, NULL, 10000, 0, 1 };
	uint64_t st = 7;
	int i;

	for (i = 0; i < 10000; i++)
		y[i] = 1.0 / (1 + i / 800.0) + 0.05 * rng_uniform(&st);
	y[3001] = 2.5;		/* single-step spikes must survive */
	y[7777] = 1.9;
	o.title = "10,000 points, min/max per column";
	chart_line(g, &o, NULL, &s, 1);
}

static void
line_hangul(struct grid *g, const struct chart_opts *o0)
{
	double tr[30], va[30];
	struct chart_opts o = *o0;
	struct chart_series s[2] = {
		{ "훈련", tr, NULL, 30, 1, 1 }, { "검증", va, NULL, 30, 1, 1 }
	};

	sample_losses(tr, va, 30, 3);
	o.title = "손실 곡선 (과적합)";
	o.xlabel = "에폭";
	o.ylabel = "손실";
	chart_line(g, &o, NULL, s, 2);
}

static void
line_six(struct grid *g, const struct chart_opts *o0)
{
	static const char *const names[6] = { "s1", "s2", "s3", "s4", "s5",
		"s6" };
	double y[6][30];
	struct chart_opts o = *o0;
	struct chart_series s[6];
	int i, k;

	for (k = 0; k < 6; k++) {
		for (i = 0; i < 30; i++)
			y[k][i] = k + sin(i / 4.0 + k);
		s[k].name = names[k];
		s[k].y = y[k];
		s[k].x = NULL;
		s[k].n = 30;
		s[k].x0 = 0;
		s[k].dx = 1;
	}
	o.title = "six series";
	chart_line(g, &o, NULL, s, 6);
}

/* Two runs' train and validation curves, named as compare names them:
 * drawn narrow, the legend takes as many rows as its names need. */
static void
line_four_names(struct grid *g, const struct chart_opts *o0)
{
	static const char *const names[4] = { "sigmoid train",
		"sigmoid val", "relu train", "relu val" };
	double y[4][30];
	struct chart_opts o = *o0;
	struct chart_series s[4];
	int i, k;

	for (k = 0; k < 4; k++) {
		for (i = 0; i < 30; i++)
			y[k][i] = 0.7 - (k / 2) * 0.4 * (1 - exp(-i / 8.0)) +
			    (k % 2) * 0.05;
		s[k].name = names[k];
		s[k].y = y[k];
		s[k].x = NULL;
		s[k].n = 30;
		s[k].x0 = 1;
		s[k].dx = 1;
	}
	o.title = "loss";
	chart_line(g, &o, NULL, s, 4);
}

static void
line_live(struct grid *g, const struct chart_opts *o0)
{
	double tr[40], va[40];
	struct chart_opts o = *o0;
	struct chart_line_opts lo;
	struct chart_range r;
	struct chart_series s[2] = {
		{ "train", tr, NULL, 0, 1, 1 }, { "val", va, NULL, 0, 1, 1 }
	};
	struct grid f;
	int k, fh = g->h / 3;

	sample_losses(tr, va, 40, 4);
	chart_range_reset(&r);
	memset(&lo, 0, sizeof lo);
	lo.range = &r;
	grid_init(&f, g->w, fh);
	for (k = 0; k < 3; k++) {
		s[0].n = s[1].n = 10 + 15 * k;	/* 10, 25, 40 epochs */
		grid_resize(&f, g->w, fh);
		o.title = k == 0 ? "live: 10 epochs" : k == 1 ?
		    "live: 25 epochs" : "live: 40 epochs";
		chart_line(&f, &o, &lo, s, 2);
		grid_blit(g, 0, k * fh, &f);
	}
	grid_done(&f);
}

/* A regression fit: 16 noisy points of a cubic as a scatter, the smooth
 * prediction as a line (plot boundary with one input). */
static void
line_scatter(struct grid *g, const struct chart_opts *o0)
{
	double dx[16], dy[16], px[61], py[61];
	struct chart_opts o = *o0;
	struct chart_line_opts lo;
	struct chart_series s[2] = {
		{ "prediction", py, px, 61, 0, 0 },
		{ "data", dy, dx, 16, 0, 0 }
	};
	int i;

	sample_normal(dy, 16, 0.15, 9);
	for (i = 0; i < 16; i++) {
		dx[i] = -1 + 2.0 * i / 15;
		dy[i] += dx[i] * dx[i] * dx[i] - 0.5 * dx[i] + 0.2;
	}
	for (i = 0; i < 61; i++) {
		px[i] = -1 + 2.0 * i / 60;
		py[i] = 0.8 * px[i] * px[i] * px[i] - 0.4 * px[i] + 0.2;
	}
	memset(&lo, 0, sizeof lo);
	lo.points = 1u << 1;
	o.title = "prediction vs data";
	o.xlabel = "x";
	chart_line(g, &o, &lo, s, 2);
}

static void
line_small(struct grid *g, const struct chart_opts *o0)
{
	line_basic(g, o0);
}

/* A fit of one input (plot boundary with one input): the prediction as a
 * line, training points as markers, validation points as letters. */
static void
line_boundary(struct grid *g, const struct chart_opts *o0)
{
	double tx[12], ty[12], vx[6], vy[6], px[61], py[61];
	struct chart_opts o = *o0;
	struct chart_line_opts lo;
	struct chart_series s[3] = {
		{ "prediction", py, px, 61, 0, 0 },
		{ "train", ty, tx, 12, 0, 0 },
		{ "val", vy, vx, 6, 0, 0 }
	};
	int i;

	sample_normal(ty, 12, 0.2, 11);
	sample_normal(vy, 6, 0.2, 12);
	for (i = 0; i < 12; i++) {
		tx[i] = -1 + 2.0 * i / 11;
		ty[i] += sin(3 * tx[i]);
	}
	for (i = 0; i < 6; i++) {
		vx[i] = -0.9 + 1.8 * i / 5;
		vy[i] += sin(3 * vx[i]);
	}
	for (i = 0; i < 61; i++) {
		px[i] = -1 + 2.0 * i / 60;
		py[i] = sin(3 * px[i]) + 0.3 * sin(17 * px[i]);
	}
	memset(&lo, 0, sizeof lo);
	lo.points = 1u << 1 | 1u << 2;
	lo.point_glyph[2] = 'v';
	o.title = "boundary: one input";
	o.xlabel = "x";
	chart_line(g, &o, &lo, s, 3);
}

/* A sweep over lambda: one tick per value, train and validation loss as
 * lines with a marker per run, the norm of the weights as a third. */
static void
line_sweep(struct grid *g, const struct chart_opts *o0)
{
	static const char *const text[5] = { "0", "1e-4", "1e-3", "0.01",
		"0.1" };
	static const double pos[5] = { 0, 1, 2, 3, 4 };
	static const double tr[5] = { 0.02, 0.03, 0.06, 0.15, 0.42 };
	static const double va[5] = { 0.31, 0.27, 0.19, 0.22, 0.45 };
	static const double wn[5] = { 1, 0.82, 0.55, 0.31, 0.12 };
	struct chart_opts o = *o0;
	struct chart_line_opts lo;
	struct chart_series s[3] = {
		{ "train", tr, pos, 5, 0, 0 },
		{ "val", va, pos, 5, 0, 0 },
		{ "|w|/max", wn, pos, 5, 0, 0 }
	};

	memset(&lo, 0, sizeof lo);
	lo.xlo = -0.5;
	lo.xhi = 4.5;
	lo.xtick_pos = pos;
	lo.xtick_text = text;
	lo.nxticks = 5;
	lo.marks = 7;
	o.title = "sweep lambda";
	o.xlabel = "lambda";
	chart_line(g, &o, &lo, s, 3);
}

/* ------------------------------------------------------------ log bars */

static void
bars_grads(struct grid *g, const struct chart_opts *o0)
{
	static const char *const labels[] = { "layer 1", "layer 2", "layer 3",
		"layer 4", "layer 5", "layer 6", "layer 7", "output" };
	static const double v[] = { 0, 3.2e-11, 4.1e-9, 2.7e-7, 1.5e-5,
		8.8e-4, 0.061, 42 };
	struct chart_opts o = *o0;
	struct chart_logbar_opts bo;

	memset(&bo, 0, sizeof bo);
	bo.floor = 1e-12;
	bo.threshold_on = 1;
	bo.threshold = 1e-6;
	bo.threshold_label = "vanishing";
	o.title = "gradient norm per layer (sigmoid, depth 8)";
	chart_logbars(g, &o, &bo, labels, v, 8);
}

/* Lesson 3's chart: ten sigmoid layers, the vanishing threshold 1e-4;
 * drawn narrow, its legend wraps rather than being cut. */
static void
bars_vanishing(struct grid *g, const struct chart_opts *o0)
{
	static const char *const labels[] = { "layer 1", "layer 2", "layer 3",
		"layer 4", "layer 5", "layer 6", "layer 7", "layer 8",
		"layer 9", "layer 10" };
	static const double v[] = { 1.612e-06, 2.756e-06, 5.336e-06,
		2.072e-05, 7.448e-05, 3.174e-4, 1.332e-3, 4.608e-3, 1.436e-2,
		4.527e-2 };
	struct chart_opts o = *o0;
	struct chart_logbar_opts bo;

	memset(&bo, 0, sizeof bo);
	bo.threshold_on = 1;
	bo.threshold = 1e-4;
	bo.threshold_label = "vanishing";
	o.title = "gradient norm per layer (sigmoid)";
	chart_logbars(g, &o, &bo, labels, v, 10);
}

static void
bars_empty(struct grid *g, const struct chart_opts *o0)
{
	struct chart_opts o = *o0;

	o.title = "no layers";
	chart_logbars(g, &o, NULL, NULL, NULL, 0);
}

static void
bars_odd(struct grid *g, const struct chart_opts *o0)
{
	static const char *const labels[] = { "nan", "negative", "zero",
		"inf", "tiny", "1" };
	const double v[] = { NAN, -3, 0, INFINITY, 1e-300, 1 };
	struct chart_opts o = *o0;

	o.title = "odd values (auto floor)";
	chart_logbars(g, &o, NULL, labels, v, 6);
}

static void
bars_equal(struct grid *g, const struct chart_opts *o0)
{
	static const char *const labels[] = { "a", "b", "c" };
	static const double v[] = { 0.5, 0.5, 0.5 };
	struct chart_opts o = *o0;

	o.title = "equal";
	chart_logbars(g, &o, NULL, labels, v, 3);
}

/* ------------------------------------------------------------ hist */

static void
hist_weights(struct grid *g, const struct chart_opts *o0)
{
	double w[2000];
	struct chart_opts o = *o0;
	struct chart_hist_opts ho;

	sample_normal(w, 2000, 0.3, 5);
	memset(&ho, 0, sizeof ho);
	ho.zero_eps = 1e-3;
	o.title = "weights, L2 (weight decay)";
	chart_hist(g, &o, &ho, "L2", w, 2000);
}

static void
hist_sparse(struct grid *g, const struct chart_opts *o0)
{
	double w[1000];
	struct chart_opts o = *o0;
	struct chart_hist_opts ho;
	int i;

	sample_normal(w, 1000, 0.4, 6);
	for (i = 0; i < 1000; i++)
		if (fabs(w[i]) < 0.35)
			w[i] = 0;	/* L1 drives small weights to zero */
	memset(&ho, 0, sizeof ho);
	ho.zero_eps = 1e-3;
	o.title = "weights, L1";
	chart_hist(g, &o, &ho, "L1", w, 1000);
}

static void
hist_mirror(struct grid *g, const struct chart_opts *o0)
{
	double a[1000], b[1000];
	struct chart_opts o = *o0;
	struct chart_hist_opts ho;
	int i;

	sample_normal(a, 1000, 0.4, 6);
	for (i = 0; i < 1000; i++)
		if (fabs(a[i]) < 0.35)
			a[i] = 0;
	sample_normal(b, 1000, 0.3, 7);
	memset(&ho, 0, sizeof ho);
	ho.zero_eps = 1e-3;
	ho.logcount = 1;
	o.title = "L1 (up) vs L2 (down), log count";
	chart_hist2(g, &o, &ho, "L1", a, 1000, "L2", b, 1000);
}

static void
hist_empty(struct grid *g, const struct chart_opts *o0)
{
	struct chart_opts o = *o0;

	o.title = "empty";
	chart_hist(g, &o, NULL, "w", NULL, 0);
}

static void
hist_constant(struct grid *g, const struct chart_opts *o0)
{
	static const double v[5] = { 0.25, 0.25, 0.25, 0.25, NAN };
	struct chart_opts o = *o0;

	o.title = "constant";
	chart_hist(g, &o, NULL, "w", v, 5);
}

/* ------------------------------------------------------------ functions */

static double
f_sigmoid(double x, void *ctx)
{
	(void)ctx;
	return 1 / (1 + exp(-x));
}

static double
f_dsigmoid(double x, void *ctx)
{
	double s = f_sigmoid(x, ctx);

	return s * (1 - s);
}

static double
f_tanh(double x, void *ctx)
{
	(void)ctx;
	return tanh(x);
}

static double
f_dtanh(double x, void *ctx)
{
	double t = tanh(x);

	(void)ctx;
	return 1 - t * t;
}

static double
f_relu(double x, void *ctx)
{
	(void)ctx;
	return x > 0 ? x : 0;
}

static void
fn_sigmoid(struct grid *g, const struct chart_opts *o0)
{
	const struct chart_fn fn[2] = {
		{ "sigmoid", f_sigmoid, NULL }, { "sigmoid'", f_dsigmoid, NULL }
	};
	struct chart_opts o = *o0;

	o.title = "sigmoid and its derivative (max 0.25)";
	o.xlabel = "x";
	chart_function(g, &o, -6, 6, 0, 0, fn, 2);
}

static void
fn_tanh(struct grid *g, const struct chart_opts *o0)
{
	const struct chart_fn fn[3] = {
		{ "tanh", f_tanh, NULL }, { "tanh'", f_dtanh, NULL },
		{ "relu", f_relu, NULL }
	};
	struct chart_opts o = *o0;

	o.title = "tanh, tanh' and relu";
	chart_function(g, &o, -3, 3, -1.5, 3, fn, 3);
}

/* ------------------------------------------------------------ heatmap */

static void
heat_moons(struct grid *g, const struct chart_opts *o0)
{
	static double z[41 * 31];
	struct chart_point pts[40];
	struct chart_opts o = *o0;
	struct chart_heatmap_opts ho;
	uint64_t s = 11;
	double x, y, d;
	int i, j;

	/* a smooth boundary: a tilted sine wave */
	for (j = 0; j < 31; j++)
		for (i = 0; i < 41; i++) {
			x = -2 + 4.0 * i / 40;
			y = -1.5 + 3.0 * j / 30;
			d = y - 0.8 * sin(1.5 * x);
			z[j * 41 + i] = 1 / (1 + exp(-3 * d));
		}
	for (i = 0; i < 40; i++) {
		pts[i].x = -2 + 4 * rng_uniform(&s);
		pts[i].y = -1.5 + 3 * rng_uniform(&s);
		pts[i].cls = pts[i].y - 0.8 * sin(1.5 * pts[i].x) > 0;
		pts[i].val = i % 4 == 3;	/* a quarter held out */
	}
	memset(&ho, 0, sizeof ho);
	ho.xlo = -2;
	ho.xhi = 2;
	ho.ylo = -1.5;
	ho.yhi = 1.5;
	ho.contour_on = 1;
	ho.contour = 0.5;
	o.title = "P(class 1) over the input plane";
	chart_heatmap(g, &o, &ho, z, 41, 31, pts, 40);
}

static void
heat_empty(struct grid *g, const struct chart_opts *o0)
{
	struct chart_opts o = *o0;

	o.title = "no field";
	chart_heatmap(g, &o, NULL, NULL, 0, 0, NULL, 0);
}

/* ------------------------------------------------------------ matrix */

static double batch[8 * 6];

static void
matrix_case(struct grid *g, const struct chart_opts *o0, const char *title,
    enum chart_group group, int index)
{
	struct chart_opts o = *o0;

	sample_normal(batch, 8 * 6, 1.0, 8);
	o.title = title;
	chart_matrix(g, &o, batch, 8, 6, group, index);
}

static void
matrix_bn(struct grid *g, const struct chart_opts *o)
{
	matrix_case(g, o, "BatchNorm: normalize each feature over the batch",
	    CHART_GROUP_COLUMN, 2);
}

static void
matrix_ln(struct grid *g, const struct chart_opts *o)
{
	matrix_case(g, o, "LayerNorm: normalize each example over its features",
	    CHART_GROUP_ROW, 3);
}

static void
matrix_elided(struct grid *g, const struct chart_opts *o)
{
	matrix_case(g, o, NULL, CHART_GROUP_COLUMN, 5);
}

/* ------------------------------------------------------------ sparkline */

static void
spark_all(struct grid *g, const struct chart_opts *o)
{
	double tr[60], va[60], c[10], gap[20];
	int i;

	sample_losses(tr, va, 60, 9);
	for (i = 0; i < 10; i++)
		c[i] = 1;
	for (i = 0; i < 20; i++)
		gap[i] = i % 7 == 3 ? NAN : i;
	grid_text(g, 0, 0, 8, "train", GRID_LABEL, 0);
	chart_sparkline(g, 8, 0, 40, tr, 60, o->tiers.glyphs, GRID_SERIES1);
	grid_text(g, 0, 1, 8, "val", GRID_LABEL, 0);
	chart_sparkline(g, 8, 1, 40, va, 60, o->tiers.glyphs, GRID_SERIES2);
	grid_text(g, 0, 2, 8, "const", GRID_LABEL, 0);
	chart_sparkline(g, 8, 2, 40, c, 10, o->tiers.glyphs, GRID_SERIES3);
	grid_text(g, 0, 3, 8, "gaps", GRID_LABEL, 0);
	chart_sparkline(g, 8, 3, 40, gap, 20, o->tiers.glyphs, GRID_SERIES4);
	grid_text(g, 0, 4, 8, "empty", GRID_LABEL, 0);
	chart_sparkline(g, 8, 4, 40, NULL, 0, o->tiers.glyphs, GRID_SERIES5);
}

/* ------------------------------------------------------------ mean bars */

static void
meanbars_seeds(struct grid *g, const struct chart_opts *o0)
{
	static const char *const labels[] = { "lambda 0", "lambda 1e-3",
		"lambda 0.01" };
	static const double mean[] = { 0.312, 0.214, 0.251 };
	static const double sd[] = { 0.061, 0.032, NAN };
	struct chart_opts o = *o0;

	o.title = "val loss over seeds";
	chart_meanbars(g, &o, labels, mean, sd, 3, "10 seeds");
}

/* ------------------------------------------------------------ big digits */

static void
big_digits(struct grid *g, const struct chart_opts *o)
{
	enum chart_glyphs gl = o->tiers.glyphs;
	int h1 = chart_big_height(gl, 1);

	grid_text(g, 0, 0, g->w, "val loss", GRID_LABEL, 0);
	chart_big_text(g, 0, 1, "0.0123", 1, gl, GRID_SERIES2, GRID_BOLD);
	chart_big_text(g, 26, 1, "-4.5e-7", 1, gl, GRID_SERIES1, 0);
	chart_big_text(g, 0, 2 + h1, "6789", 2, gl, GRID_TITLE, 0);
	chart_big_text(g, 32, 2 + h1, "12%", 1, gl, GRID_WARN, 0);
	chart_big_text(g, 32, 3 + 2 * h1, "nan", 1, gl, GRID_BAD, 0);
}

/* ------------------------------------------------------------ table */

const struct chart_case chart_cases[] = {
	{ "line", "basic", 72, 20, line_basic },
	{ "line", "empty", 40, 10, line_empty },
	{ "line", "one-point", 40, 10, line_one },
	{ "line", "constant", 40, 10, line_constant },
	{ "line", "nan-inf", 60, 14, line_naninf },
	{ "line", "log-y", 60, 16, line_logy },
	{ "line", "magnitudes", 60, 16, line_magnitudes },
	{ "line", "spikes-10k", 72, 16, line_spikes },
	{ "line", "hangul", 50, 14, line_hangul },
	{ "line", "six-series", 60, 16, line_six },
	{ "line", "live", 56, 36, line_live },
	{ "line", "scatter", 60, 16, line_scatter },
	{ "line", "small", 28, 7, line_small },
	{ "line", "tiny", 12, 3, line_small },
	{ "line", "boundary", 60, 16, line_boundary },
	{ "line", "sweep", 60, 16, line_sweep },
	{ "line", "four-names-43", 43, 14, line_four_names },
	{ "line", "four-names-30", 30, 14, line_four_names },
	{ "logbars", "grads", 64, 13, bars_grads },
	{ "logbars", "vanishing-43", 43, 14, bars_vanishing },
	{ "logbars", "vanishing-30", 30, 16, bars_vanishing },
	{ "logbars", "empty", 40, 5, bars_empty },
	{ "logbars", "odd", 56, 10, bars_odd },
	{ "logbars", "equal", 40, 7, bars_equal },
	{ "hist", "weights-l2", 64, 14, hist_weights },
	{ "hist", "weights-l1", 64, 14, hist_sparse },
	{ "hist", "mirror", 64, 20, hist_mirror },
	{ "hist", "mirror-30", 30, 20, hist_mirror },
	{ "hist", "weights-30", 30, 14, hist_weights },
	{ "hist", "empty", 40, 8, hist_empty },
	{ "hist", "constant", 40, 8, hist_constant },
	{ "function", "sigmoid", 64, 18, fn_sigmoid },
	{ "function", "tanh-relu", 64, 18, fn_tanh },
	{ "heatmap", "moons", 60, 20, heat_moons },
	{ "heatmap", "empty", 30, 6, heat_empty },
	{ "matrix", "batchnorm", 64, 13, matrix_bn },
	{ "matrix", "layernorm", 64, 13, matrix_ln },
	{ "matrix", "elided", 36, 6, matrix_elided },
	{ "matrix", "layernorm-30", 30, 16, matrix_ln },
	{ "sparkline", "all", 48, 5, spark_all },
	{ "meanbars", "seeds", 60, 9, meanbars_seeds },
	{ "meanbars", "seeds-36", 36, 10, meanbars_seeds },
	{ "big", "digits", 60, 16, big_digits },
};
const int chart_ncases = (int)COUNT(chart_cases);

/* One case of every chart kind the shell draws, in thick strokes. */
const char *const chart_thick_cases[] = {
	"line/basic", "line/log-y", "line/six-series", "line/scatter",
	"line/boundary", "line/sweep", "line/small", "function/sigmoid",
	"function/tanh-relu", "logbars/grads", "hist/weights-l2",
	"hist/mirror", "heatmap/moons", "matrix/batchnorm", "meanbars/seeds",
};
const int chart_nthick = (int)COUNT(chart_thick_cases);

const struct chart_case *
chart_case_find(const char *name)
{
	char buf[128];
	int i;

	for (i = 0; i < chart_ncases; i++) {
		snprintf(buf, sizeof buf, "%s/%s", chart_cases[i].chart,
		    chart_cases[i].name);
		if (strcmp(buf, name) == 0)
			return &chart_cases[i];
	}
	return NULL;
}

const struct chart_tier_case chart_tier_cases[3] = {
	{ "braille-256", { CHART_GLYPH_BRAILLE, CHART_COLOR_256 } },
	{ "quadrant-8", { CHART_GLYPH_QUADRANT, CHART_COLOR_8 } },
	{ "ascii-mono", { CHART_GLYPH_ASCII, CHART_COLOR_NONE } },
};

void
chart_case_render(const struct chart_case *c, const struct chart_tiers *t,
    int thick, struct grid *g)
{
	struct chart_opts o;

	memset(&o, 0, sizeof o);
	o.tiers = *t;
	o.thick = thick;
	grid_resize(g, c->w, c->h);
	c->draw(g, &o);
}
