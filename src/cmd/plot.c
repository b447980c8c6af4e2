#include "config.h"
/*
 * plot.c - turns session state into charts (chart/chart.h).
 *
 * A struct plot records what was plotted.  Charts of live state (the loss
 * curve, the weight histogram, the sweep, a comparison) read the session
 * each time they are rendered, so the TUI's chart pane follows training;
 * charts of a moment (gradients, activations, boundary, norm matrix) keep
 * a copy of their numbers.  Rendering is two steps: plot_capture() copies
 * everything a chart needs out of the session into a snapshot, and
 * plot_draw() draws a snapshot at any grid size without the session.  The
 * transcript keeps the snapshot of every chart it records, so a lesson
 * page's charts can be drawn again as they were after the session moved
 * on.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/grid.h"
#include "cmd/session-int.h"
#include "util/i18n.h"

void
plot_clear(struct plot *p)
{
	free(p->a);
	free(p->b);
	for (int i = 0; i < p->nlabels; i++)
		free(p->labels[i]);
	free(p->labels);
	memset(p, 0, sizeof *p);
}

void
plot_sweep_title(char *buf, size_t n, const char *key)
{
	/* the path of the penalty's strength; other keys: plain sweeps */
	snprintf(buf, n, "%s: %s", strcmp(key, "lambda") == 0 ?
	    _("regularization path") : _("sweep"), key);
}

void
plot_train_title(char *buf, size_t n, const struct params *p)
{
	char loss[16] = "", norm[32] = "", reg[64] = "";

	/* what is not the default: short enough for a narrow chart pane */
	if (p->loss != 0)
		snprintf(loss, sizeof loss, " %s", loss_names[p->loss]);
	if (p->norm != 0)
		snprintf(norm, sizeof norm, ", norm %s", norm_names[p->norm]);
	if (p->reg != 0)	/* the penalty and its strength, l1's step */
		snprintf(reg, sizeof reg, ", %s %g%s%s", reg_names[p->reg],
		    p->lambda, p->reg == NN_REG_L1 ? " " : "",
		    p->reg == NN_REG_L1 ? l1mode_names[p->l1mode] : "");
	snprintf(buf, n, _("loss%s (%s%s, batch %ld%s)"), loss, act_names[p->act],
	    norm, p->batch, reg);
}

void
plot_compare_title(char *buf, size_t n, const struct sweep *sw)
{
	snprintf(buf, n, _("loss: %s %s vs %s"), sw->key, sw->r[0].value,
	    sw->r[1].value);
}

static void
note(struct grid *g, const char *msg)
{
	grid_clear(g);
	grid_text(g, 0, 0, -1, msg, GRID_LABEL, 0);
}

static double *
dup_doubles(const double *v, int n)
{
	double *c;

	if (v == NULL || n <= 0)
		return NULL;
	c = xmalloc((size_t)n * sizeof *c);
	memcpy(c, v, (size_t)n * sizeof *c);
	return c;
}

void
plot_copy(struct plot *out, const struct plot *p)
{
	int la = p->na, lb = p->nb;

	/* how many numbers a and b hold, where na and nb say otherwise */
	if (p->kind == PLOT_ACTS)
		la = 4 * p->na;		/* mean, std, saturated, dead */
	else if (p->kind == PLOT_NORM)
		la = p->na * p->nb, lb = 0;	/* the matrix; no b */
	*out = *p;
	out->a = dup_doubles(p->a, la);
	out->b = dup_doubles(p->b, lb);
	out->labels = NULL;
	if (p->nlabels > 0) {
		out->labels = xcalloc((size_t)p->nlabels, sizeof *out->labels);
		for (int i = 0; i < p->nlabels; i++)
			out->labels[i] = p->labels[i] != NULL ?
			    xstrdup(p->labels[i]) : NULL;
	}
}

/* Sets the labels of a snapshot to n copies of strings. */
static void
set_labels(struct plot *p, int n, const char *const *v)
{
	p->labels = xcalloc((size_t)n + 1, sizeof *p->labels);
	p->nlabels = n;
	for (int i = 0; i < n; i++)
		p->labels[i] = xstrdup(v[i]);
}

static void
capture_loss(struct session *s, struct plot *p)
{
	const struct nn_epoch *h;
	int n;

	if (s->lab.net == NULL || (n = nn_net_history(s->lab.net, &h)) == 0) {
		p->empty = _("no training history yet (try 'train')");
		return;
	}
	p->na = p->nb = n;
	p->a = xmalloc((size_t)n * sizeof *p->a);
	p->b = xmalloc((size_t)n * sizeof *p->b);
	for (int i = 0; i < n; i++) {
		p->a[i] = h[i].train_loss;
		p->b[i] = h[i].val_loss;
	}
	p->x0 = h[0].epoch;
}

static void
draw_loss(const struct plot *p, struct grid *g, const struct chart_opts *o)
{
	struct chart_line_opts lo;
	struct chart_series sr[2];
	double best = NAN;
	int be = 0, hasval = 0;
	char label[64], num[32];

	for (int i = 0; i < p->nb; i++) {
		if (!isnan(p->b[i])) {
			hasval = 1;
			if (isnan(best) || p->b[i] < best) {
				best = p->b[i];
				be = p->x0 + i;
			}
		}
	}
	memset(&lo, 0, sizeof lo);
	memset(sr, 0, sizeof sr);
	lo.logy = p->logy;
	lo.xint = 1;
	sr[0].name = _("train");
	sr[0].y = p->a;
	sr[0].n = p->na;
	sr[0].x0 = p->x0;
	sr[0].dx = 1;
	sr[1] = sr[0];
	sr[1].name = _("val");
	sr[1].y = p->b;
	if (hasval) {
		fmt_num(num, sizeof num, best);
		snprintf(label, sizeof label, _("best@%d val=%s"), be, num);
		lo.marker = 1;
		lo.marker_x = be;
		lo.marker_y = best;
		lo.marker_label = label;
	}
	chart_line(g, o, &lo, sr, hasval ? 2 : 1);
}

/* All weights of layer k (0-based) or of every layer (k < 0); caller frees. */
static double *
gather_weights(struct nn_net *net, int k, int *n)
{
	double *v = NULL;
	int m = 0;

	for (int i = 0; i < nn_net_nlayers(net); i++) {
		int in, out;
		const double *w;

		if (k >= 0 && i != k)
			continue;
		w = nn_net_weights(net, i, &in, &out);
		v = xreallocarray(v, (size_t)(m + in * out) + 1, sizeof *v);
		memcpy(v + m, w, (size_t)(in * out) * sizeof *v);
		m += in * out;
	}
	*n = m;
	return v;
}

static void
capture_weights(struct session *s, struct plot *p)
{
	if (s->lab.net == NULL || p->layer > nn_net_nlayers(s->lab.net)) {
		p->empty = _("no such network layer");
		return;
	}
	p->a = gather_weights(s->lab.net, p->layer - 1, &p->na);
}

static void
draw_weights(const struct plot *p, struct grid *g, const struct chart_opts *o)
{
	struct chart_hist_opts ho;

	memset(&ho, 0, sizeof ho);
	ho.zero_eps = 1e-6;
	chart_hist(g, o, &ho, _("weights"), p->a, p->na);
}

/* An activation (ctx: act, leak, 0 for f or 1 for f') for chart_function. */
static double
fn_act(double x, void *ctx)
{
	const double *a = ctx;
	double f, df;

	nn_act_eval((int)a[0], a[1], x, &f, &df);
	return a[2] != 0 ? df : f;
}

static void
capture_sweep(struct session *s, struct plot *p)
{
	const struct sweep *sw = &s->sweep;
	const char *text[SWEEP_MAX];
	int n = sw->n;

	snprintf(p->xlabel, sizeof p->xlabel, "%s", sw->key);
	if (n == 0) {
		p->empty = _("no sweep yet (try 'sweep lambda 0 0.01 0.1')");
		return;
	}
	p->na = 3 * n;
	p->a = xmalloc((size_t)p->na * sizeof *p->a);
	for (int i = 0; i < n; i++) {
		text[i] = sw->r[i].value;
		p->a[i] = sw->r[i].best_val_loss;
		p->a[n + i] = sw->r[i].w_norm;
		p->a[2 * n + i] = sw->r[i].zero_frac;
	}
	set_labels(p, n, text);
	if (sw->nseeds > 0) {
		/* seeds=N: the means over the seeds and their spread */
		p->nseeds = sw->nseeds;
		p->nb = 3 * n;
		p->b = xmalloc((size_t)p->nb * sizeof *p->b);
		memcpy(p->b, sw->mean_val, (size_t)n * sizeof *p->b);
		memcpy(p->b + n, sw->sd_val, (size_t)n * sizeof *p->b);
		memcpy(p->b + 2 * n, sw->mean_train, (size_t)n * sizeof *p->b);
	}
}

/*
 * The regularization path: one tick per run, labelled with its value, and
 * a marker on each measured point (the lines only join them).  Evenly
 * spaced numbers (epochs 10 20 30) sit at their values; values like
 * 0 0.01 0.1 1, far from evenly spaced, or words (l1 l2) sit at evenly
 * spaced positions.
 */
/*
 * A sweep over seeds=N: per value the mean final val loss, mean - sd and
 * mean + sd as the spread over the seeds, and the mean train loss; x as
 * draw_sweep() placed the runs.  p->b: means, sds, mean train losses.
 */

/*
 * The x axis of a sweep chart: one tick per swept value (at x, labelled
 * text) with a little room beyond the first and last run for their
 * markers; marks: the series drawn with markers (bits).
 */
static void
sweep_axis(struct chart_line_opts *lo, const double *x,
    const char *const *text, int n, unsigned marks)
{
	double pad = n >= 2 ? (x[n - 1] - x[0]) / (n - 1) * 0.25 : 0.5;

	memset(lo, 0, sizeof *lo);
	lo->xlo = x[0] - pad;
	lo->xhi = x[n - 1] + pad;
	lo->xtick_pos = x;
	lo->xtick_text = text;
	lo->nxticks = n;
	lo->marks = marks;
}

static void
draw_sweep_seeds(const struct plot *p, const double *x,
    const char *const *text, struct grid *g, const struct chart_opts *o)
{
	struct chart_line_opts lo;
	struct chart_series sr[4];
	double lo_v[SWEEP_MAX], hi_v[SWEEP_MAX];
	int n = p->nlabels;
	const double *mean_val = p->b, *sd_val = p->b + n;

	for (int i = 0; i < n; i++) {
		double sd = isnan(sd_val[i]) ? 0 : sd_val[i];

		lo_v[i] = mean_val[i] - sd;
		hi_v[i] = mean_val[i] + sd;
	}
	memset(sr, 0, sizeof sr);
	sweep_axis(&lo, x, text, n, 15);
	sr[0].name = _("val loss mean");
	sr[0].y = mean_val;
	sr[0].x = x;
	sr[0].n = n;
	sr[1] = sr[0];
	sr[1].name = _("mean - sd");
	sr[1].y = lo_v;
	sr[2] = sr[0];
	sr[2].name = _("mean + sd");
	sr[2].y = hi_v;
	sr[3] = sr[0];
	sr[3].name = _("train loss mean");
	sr[3].y = p->b + 2 * n;
	chart_line(g, o, &lo, sr, 4);
}

static void
draw_sweep(const struct plot *p, struct grid *g, const struct chart_opts *o)
{
	struct chart_line_opts lo;
	struct chart_series sr[3];
	double x[SWEEP_MAX], vl[SWEEP_MAX], wn[SWEEP_MAX], zf[SWEEP_MAX];
	const char *text[SWEEP_MAX];
	double wmax = 0;
	int numeric = 1, n = p->nlabels;

	for (int i = 0; i < n; i++) {
		if (parse_double(p->labels[i], &x[i]) != 0)
			numeric = 0;
		if (p->a[n + i] > wmax)
			wmax = p->a[n + i];
		text[i] = p->labels[i];
	}
	if (numeric && n >= 2) {
		double gmin = INFINITY, gmax = 0;

		for (int i = 1; i < n; i++) {
			double gap = x[i] - x[i - 1];

			if (!(gap > 0)) {
				numeric = 0;
				break;
			}
			gmin = fmin(gmin, gap);
			gmax = fmax(gmax, gap);
		}
		if (numeric && gmax > 3 * gmin)
			numeric = 0;
	}
	for (int i = 0; i < n; i++) {
		if (!numeric)
			x[i] = i + 1;
		vl[i] = p->a[i];
		wn[i] = wmax > 0 ? p->a[n + i] / wmax : 0;
		zf[i] = p->a[2 * n + i];
	}
	if (p->nseeds > 0) {
		draw_sweep_seeds(p, x, text, g, o);
		return;
	}
	memset(sr, 0, sizeof sr);
	sweep_axis(&lo, x, text, n, 7);
	sr[0].name = _("best val loss");
	sr[0].y = vl;
	sr[0].x = x;
	sr[0].n = n;
	sr[1] = sr[0];
	sr[1].name = _("|w| / max|w|");
	sr[1].y = wn;
	sr[2] = sr[0];
	sr[2].name = _("zero share");
	sr[2].y = zf;
	chart_line(g, o, &lo, sr, 3);
}

static void
capture_cmp_loss(struct session *s, struct plot *p)
{
	const struct sweep *sw = &s->sweep;
	const char *text[2];
	int nr = sw->n < 2 ? sw->n : 2;

	for (int i = 0; i < nr; i++) {
		const struct run_result *r = &sw->r[i];
		int e = r->epochs;
		double *v = e > 0 ? xmalloc(2 * (size_t)e * sizeof *v) : NULL;

		if (e > 0) {
			memcpy(v, r->hist_train, (size_t)e * sizeof *v);
			memcpy(v + e, r->hist_val, (size_t)e * sizeof *v);
		}
		if (i == 0) {
			p->a = v;
			p->na = 2 * e;
		} else {
			p->b = v;
			p->nb = 2 * e;
		}
		text[i] = r->value;
	}
	set_labels(p, nr, text);
}

static void
draw_cmp_loss(const struct plot *p, struct grid *g,
    const struct chart_opts *o)
{
	struct chart_series sr[4];
	struct chart_line_opts lo;
	char names[4][48];
	int ns = 0;

	memset(&lo, 0, sizeof lo);
	memset(sr, 0, sizeof sr);
	lo.xint = 1;
	for (int i = 0; i < p->nlabels && i < 2; i++) {
		const double *v = i == 0 ? p->a : p->b;
		int e = (i == 0 ? p->na : p->nb) / 2;

		snprintf(names[ns], sizeof names[ns], _("%s train"),
		    p->labels[i]);
		sr[ns].name = names[ns];
		sr[ns].y = v;
		sr[ns].n = e;
		sr[ns].x0 = 1;
		sr[ns].dx = 1;
		ns++;
		if (e > 0 && !isnan(v[e])) {
			snprintf(names[ns], sizeof names[ns], _("%s val"),
			    p->labels[i]);
			sr[ns] = sr[ns - 1];
			sr[ns].name = names[ns];
			sr[ns].y = v + e;
			ns++;
		}
	}
	chart_line(g, o, &lo, sr, ns);
}

static void
capture_hist2(struct session *s, struct plot *p)
{
	const struct sweep *sw = &s->sweep;
	const char *text[2];

	if (sw->n < 2) {
		p->empty = _("no comparison yet");
		return;
	}
	p->a = dup_doubles(sw->r[0].weights, (int)sw->r[0].nweights);
	p->na = p->a != NULL ? (int)sw->r[0].nweights : 0;
	p->b = dup_doubles(sw->r[1].weights, (int)sw->r[1].nweights);
	p->nb = p->b != NULL ? (int)sw->r[1].nweights : 0;
	text[0] = sw->r[0].value;
	text[1] = sw->r[1].value;
	set_labels(p, 2, text);
}

static void
draw_hist2(const struct plot *p, struct grid *g, const struct chart_opts *o)
{
	struct chart_hist_opts ho;

	memset(&ho, 0, sizeof ho);
	ho.zero_eps = 1e-6;
	chart_hist2(g, o, &ho, p->labels[0], p->a, p->na, p->labels[1], p->b,
	    p->nb);
}

void
plot_capture(struct session *s, const struct plot *p, struct plot *out)
{
	if (p->snapshot) {
		plot_copy(out, p);
		return;
	}
	plot_copy(out, p);
	out->snapshot = 1;
	out->tiers = session_tiers(s);
	out->empty = NULL;
	switch (p->kind) {
	case PLOT_LOSS:
		capture_loss(s, out);
		break;
	case PLOT_WEIGHTS:
		capture_weights(s, out);
		break;
	case PLOT_FN:
		out->leak = s->lab.p.leak;
		break;
	case PLOT_SWEEP:
		capture_sweep(s, out);
		break;
	case PLOT_HIST2:
		capture_hist2(s, out);
		break;
	case PLOT_CMP_LOSS:
		capture_cmp_loss(s, out);
		break;
	case PLOT_NONE:
	case PLOT_GRADS:
	case PLOT_ACTS:
	case PLOT_BOUNDARY:
	case PLOT_NORM:
	case PLOT_CMP_GRADS:
	case PLOT_BUNDLES:
		break;		/* their numbers came with the spec */
	}
}

void
plot_draw(const struct plot *p, struct grid *g)
{
	struct chart_opts o;

	if (p->empty != NULL) {
		note(g, p->empty);
		return;
	}
	memset(&o, 0, sizeof o);
	o.tiers = p->tiers;
	o.title = p->title[0] ? p->title : NULL;
	switch (p->kind) {
	case PLOT_NONE:
		grid_clear(g);
		break;
	case PLOT_LOSS:
		o.xlabel = _("epoch");
		o.ylabel = NULL;	/* the title says "loss" */
		draw_loss(p, g, &o);
		break;
	case PLOT_WEIGHTS:
		draw_weights(p, g, &o);
		break;
	case PLOT_GRADS:
	case PLOT_CMP_GRADS: {
		struct chart_logbar_opts bo;

		memset(&bo, 0, sizeof bo);
		bo.threshold_on = 1;
		bo.threshold = 1e-4;
		bo.threshold_label = _("vanishing");
		if (p->kind == PLOT_CMP_GRADS)	/* two runs per layer */
			bo.group = 2;
		chart_logbars(g, &o, &bo, (const char *const *)p->labels, p->a,
		    p->na);
		break;
	}
	case PLOT_ACTS: {
		struct chart_line_opts lo;
		struct chart_series sr[4];
		static const char *const nm[4] = { N_("mean"), N_("std"),
		    N_("saturated"), N_("dead") };
		double pos[NN_MAX_LAYERS];
		char num[NN_MAX_LAYERS][8];
		const char *text[NN_MAX_LAYERS];
		int ns = 0;

		/* one tick per hidden layer, a marker per measured value */
		memset(&lo, 0, sizeof lo);
		memset(sr, 0, sizeof sr);
		for (int j = 0; j < p->na && j < NN_MAX_LAYERS; j++) {
			pos[j] = j + 1;
			snprintf(num[j], sizeof num[j], "%d", j + 1);
			text[j] = num[j];
		}
		lo.xlo = 0.5;
		lo.xhi = p->na + 0.5;
		lo.xtick_pos = pos;
		lo.xtick_text = text;
		lo.nxticks = p->na < NN_MAX_LAYERS ? p->na : NN_MAX_LAYERS;
		lo.marks = 15;
		o.xlabel = _("hidden layer");
		for (int i = 0; i < 4; i++) {
			int any = 0;

			for (int j = 0; j < p->na; j++)
				any |= !isnan(p->a[i * p->na + j]);
			if (!any)
				continue;
			sr[ns].name = _(nm[i]);
			sr[ns].y = p->a + i * p->na;
			sr[ns].n = p->na;
			sr[ns].x0 = 1;
			sr[ns].dx = 1;
			ns++;
		}
		chart_line(g, &o, &lo, sr, ns);
		break;
	}
	case PLOT_FN: {
		double ctx[2][3] = { { p->act, p->leak, 0 },
		    { p->act, p->leak, 1 } };
		struct chart_fn fn[2];
		char n1[32], n2[32];

		snprintf(n1, sizeof n1, "%s", act_names[p->act]);
		snprintf(n2, sizeof n2, "%s'", act_names[p->act]);
		fn[0].name = n1;
		fn[0].f = fn_act;
		fn[0].ctx = ctx[0];
		fn[1].name = n2;
		fn[1].f = fn_act;
		fn[1].ctx = ctx[1];
		o.xlabel = "x";
		chart_function(g, &o, -6, 6, 0, 0, fn, 2);
		break;
	}
	case PLOT_BOUNDARY:
		if (p->layer == 2) {
			struct chart_heatmap_opts ho;
			struct chart_point *pts;
			int npts = p->nb / 3;

			memset(&ho, 0, sizeof ho);
			ho.xlo = p->a[0];
			ho.xhi = p->a[1];
			ho.ylo = p->a[2];
			ho.yhi = p->a[3];
			ho.zlo = 0;
			ho.zhi = 1;
			ho.contour_on = 1;
			ho.contour = 0.5;
			pts = xcalloc((size_t)npts + 1, sizeof *pts);
			for (int i = 0; i < npts; i++) {
				pts[i].x = p->b[3 * i];
				pts[i].y = p->b[3 * i + 1];
				pts[i].cls = (int)p->b[3 * i + 2];
				pts[i].val = i >= p->split;
			}
			chart_heatmap(g, &o, &ho, p->a + 4, p->act, p->act,
			    pts, npts);
			free(pts);
		} else {
			struct chart_series sr[3];
			struct chart_line_opts lo;
			int nt = p->split, nv = p->na / 2 - p->split;
			int m = p->nb / 2;

			/* the prediction is a curve, the data are points
			 * (drawn after it, so a marker stays on the curve):
			 * training points as blobs, validation points as
			 * letters, so they differ without colour too */
			memset(&lo, 0, sizeof lo);
			memset(sr, 0, sizeof sr);
			sr[0].name = _("prediction");
			sr[0].x = p->b;
			sr[0].y = p->b + m;
			sr[0].n = m;
			sr[1].name = _("train");
			sr[1].x = p->a;
			sr[1].y = p->a + nt;
			sr[1].n = nt;
			sr[2].name = _("val");
			sr[2].x = p->a + 2 * nt;
			sr[2].y = p->a + 2 * nt + nv;
			sr[2].n = nv;
			lo.points = 1u << 1 | 1u << 2;
			lo.point_glyph[2] = 'v';
			o.xlabel = "x";
			chart_line(g, &o, &lo, sr, nv > 0 ? 3 : 2);
		}
		break;
	case PLOT_NORM:
		chart_matrix(g, &o, p->a, p->na, p->nb,
		    p->layer == 1 ? CHART_GROUP_COLUMN : CHART_GROUP_ROW,
		    p->act);
		break;
	case PLOT_SWEEP:
		o.xlabel = p->xlabel;
		draw_sweep(p, g, &o);
		break;
	case PLOT_HIST2:
		draw_hist2(p, g, &o);
		break;
	case PLOT_CMP_LOSS:
		o.xlabel = _("epoch");
		draw_cmp_loss(p, g, &o);
		break;
	case PLOT_BUNDLES:	/* a: mean val loss, b: its sd per bundle */
		chart_meanbars(g, &o, (const char *const *)p->labels, p->a,
		    p->b, p->na, NULL);
		break;
	}
}

void
plot_render(struct session *s, const struct plot *p, struct grid *g)
{
	struct plot snap;

	plot_capture(s, p, &snap);
	plot_draw(&snap, g);
	plot_clear(&snap);
}

/* Appends the session's plot, captured now, to t as a chart h rows high;
 * with empty = 0 nothing when there is only a note to show.  0 or -1. */
static int
add_snapshot(struct session *s, struct transcript *t, int h, int empty)
{
	struct grid *g;
	struct plot *snap = xmalloc(sizeof *snap);

	plot_capture(s, &s->plot, snap);
	if (snap->empty != NULL && !empty) {
		plot_clear(snap);
		free(snap);
		return -1;
	}
	g = xmalloc(sizeof *g);
	grid_init(g, s->width, h);
	plot_draw(snap, g);
	transcript_add_chart(t, s->plot.title, g);
	transcript_set_snapshot(t, snap);
	return 0;
}

void
session_show_plot(struct session *s, struct transcript *t, struct plot *p)
{
	int h = s->height;

	plot_clear(&s->plot);
	s->plot = *p;
	memset(p, 0, sizeof *p);
	/* one row per bar plus axis, tick labels, legend and title */
	if ((s->plot.kind == PLOT_GRADS || s->plot.kind == PLOT_CMP_GRADS) &&
	    h < s->plot.na + 4)
		h = s->plot.na + 4;
	/* a small matrix: title, header, one row per example, a blank row
	 * and two notes, with no run of blank rows before the notes */
	if (s->plot.kind == PLOT_NORM && h > s->plot.na + 5)
		h = s->plot.na + 5;
	/* bars: title, a bar and a blank row each, axis, ticks, legend */
	if (s->plot.kind == PLOT_BUNDLES && h > 2 * s->plot.na + 3)
		h = 2 * s->plot.na + 3;
	add_snapshot(s, t, h, 1);
}

int
transcript_add_session_chart(struct transcript *t, struct session *s)
{
	if (s->plot.kind == PLOT_NONE)
		return -1;
	return add_snapshot(s, t, s->height, 0);
}
