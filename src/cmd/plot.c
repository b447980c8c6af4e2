#include "config.h"
/*
 * plot.c - turns session state into charts (chart/chart.h).
 *
 * A struct plot records what was plotted.  Charts of live state (the loss
 * curve, the weight histogram, the sweep) read the session each time they
 * are rendered, so the TUI's chart pane follows training; charts of a
 * moment (gradients, activations, boundary, norm matrix) keep a copy of
 * their numbers.  Either way plot_render() can draw at any grid size.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/grid.h"
#include "cmd/session-int.h"

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
	    "regularization path" : "sweep", key);
}

static void
note(struct grid *g, const char *msg)
{
	grid_clear(g);
	grid_text(g, 0, 0, -1, msg, GRID_LABEL, 0);
}

static void
render_loss(struct session *s, const struct plot *p, struct grid *g,
    const struct chart_opts *o)
{
	const struct nn_epoch *h;
	struct chart_line_opts lo;
	struct chart_series sr[2];
	double *tr, *va, best = NAN;
	int n, be = 0, hasval = 0;
	char label[64], num[32];

	if (s->lab.net == NULL || (n = nn_net_history(s->lab.net, &h)) == 0) {
		note(g, "no training history yet (try 'train')");
		return;
	}
	tr = xmalloc((size_t)n * sizeof *tr);
	va = xmalloc((size_t)n * sizeof *va);
	for (int i = 0; i < n; i++) {
		tr[i] = h[i].train_loss;
		va[i] = h[i].val_loss;
		if (!isnan(va[i])) {
			hasval = 1;
			if (isnan(best) || va[i] < best) {
				best = va[i];
				be = h[i].epoch;
			}
		}
	}
	memset(&lo, 0, sizeof lo);
	memset(sr, 0, sizeof sr);
	lo.logy = p->logy;
	lo.xint = 1;
	sr[0].name = "train";
	sr[0].y = tr;
	sr[0].n = n;
	sr[0].x0 = h[0].epoch;
	sr[0].dx = 1;
	sr[1] = sr[0];
	sr[1].name = "val";
	sr[1].y = va;
	if (hasval) {
		fmt_num(num, sizeof num, best);
		snprintf(label, sizeof label, "best@%d val=%s", be, num);
		lo.marker = 1;
		lo.marker_x = be;
		lo.marker_y = best;
		lo.marker_label = label;
	}
	chart_line(g, o, &lo, sr, hasval ? 2 : 1);
	free(tr);
	free(va);
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
render_weights(struct session *s, const struct plot *p, struct grid *g,
    const struct chart_opts *o)
{
	struct chart_hist_opts ho;
	double *w;
	int n;

	if (s->lab.net == NULL || p->layer > nn_net_nlayers(s->lab.net)) {
		note(g, "no such network layer");
		return;
	}
	w = gather_weights(s->lab.net, p->layer - 1, &n);
	memset(&ho, 0, sizeof ho);
	ho.zero_eps = 1e-6;
	chart_hist(g, o, &ho, "weights", w, n);
	free(w);
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
 * render_sweep() placed the runs.
 */
static void
render_sweep_seeds(const struct sweep *sw, const double *x,
    const char *const *text, struct grid *g, const struct chart_opts *o)
{
	struct chart_line_opts lo;
	struct chart_series sr[4];
	double lo_v[SWEEP_MAX], hi_v[SWEEP_MAX], pad;

	for (int i = 0; i < sw->n; i++) {
		double sd = isnan(sw->sd_val[i]) ? 0 : sw->sd_val[i];

		lo_v[i] = sw->mean_val[i] - sd;
		hi_v[i] = sw->mean_val[i] + sd;
	}
	memset(&lo, 0, sizeof lo);
	memset(sr, 0, sizeof sr);
	pad = sw->n >= 2 ? (x[sw->n - 1] - x[0]) / (sw->n - 1) * 0.25 : 0.5;
	lo.xlo = x[0] - pad;
	lo.xhi = x[sw->n - 1] + pad;
	lo.xtick_pos = x;
	lo.xtick_text = text;
	lo.nxticks = sw->n;
	lo.marks = 15;
	sr[0].name = "val loss mean";
	sr[0].y = sw->mean_val;
	sr[0].x = x;
	sr[0].n = sw->n;
	sr[1] = sr[0];
	sr[1].name = "mean - sd";
	sr[1].y = lo_v;
	sr[2] = sr[0];
	sr[2].name = "mean + sd";
	sr[2].y = hi_v;
	sr[3] = sr[0];
	sr[3].name = "train loss mean";
	sr[3].y = sw->mean_train;
	chart_line(g, o, &lo, sr, 4);
}

static void
render_sweep(struct session *s, struct grid *g, const struct chart_opts *o)
{
	const struct sweep *sw = &s->sweep;
	struct chart_line_opts lo;
	struct chart_series sr[3];
	double x[SWEEP_MAX], vl[SWEEP_MAX], wn[SWEEP_MAX], zf[SWEEP_MAX];
	const char *text[SWEEP_MAX];
	double wmax = 0, pad;
	int numeric = 1;

	if (sw->n == 0) {
		note(g, "no sweep yet (try 'sweep lambda 0 0.01 0.1')");
		return;
	}
	for (int i = 0; i < sw->n; i++) {
		if (parse_double(sw->r[i].value, &x[i]) != 0)
			numeric = 0;
		if (sw->r[i].w_norm > wmax)
			wmax = sw->r[i].w_norm;
		text[i] = sw->r[i].value;
	}
	if (numeric && sw->n >= 2) {
		double gmin = INFINITY, gmax = 0;

		for (int i = 1; i < sw->n; i++) {
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
	for (int i = 0; i < sw->n; i++) {
		if (!numeric)
			x[i] = i + 1;
		vl[i] = sw->r[i].best_val_loss;
		wn[i] = wmax > 0 ? sw->r[i].w_norm / wmax : 0;
		zf[i] = sw->r[i].zero_frac;
	}
	if (sw->nseeds > 0) {
		render_sweep_seeds(sw, x, text, g, o);
		return;
	}
	memset(&lo, 0, sizeof lo);
	memset(sr, 0, sizeof sr);
	/* a little room beyond the first and last run for their markers */
	pad = sw->n >= 2 ? (x[sw->n - 1] - x[0]) / (sw->n - 1) * 0.25 : 0.5;
	lo.xlo = x[0] - pad;
	lo.xhi = x[sw->n - 1] + pad;
	lo.xtick_pos = x;
	lo.xtick_text = text;
	lo.nxticks = sw->n;
	lo.marks = 7;
	sr[0].name = "best val loss";
	sr[0].y = vl;
	sr[0].x = x;
	sr[0].n = sw->n;
	sr[1] = sr[0];
	sr[1].name = "|w| / max|w|";
	sr[1].y = wn;
	sr[2] = sr[0];
	sr[2].name = "zero share";
	sr[2].y = zf;
	chart_line(g, o, &lo, sr, 3);
}

static void
render_cmp_loss(struct session *s, struct grid *g, const struct chart_opts *o)
{
	const struct sweep *sw = &s->sweep;
	struct chart_series sr[4];
	struct chart_line_opts lo;
	char names[4][48];
	int ns = 0;

	memset(&lo, 0, sizeof lo);
	memset(sr, 0, sizeof sr);
	lo.xint = 1;
	for (int i = 0; i < sw->n && i < 2; i++) {
		const struct run_result *r = &sw->r[i];

		snprintf(names[ns], sizeof names[ns], "%s train", r->value);
		sr[ns].name = names[ns];
		sr[ns].y = r->hist_train;
		sr[ns].n = r->epochs;
		sr[ns].x0 = 1;
		sr[ns].dx = 1;
		ns++;
		if (r->epochs > 0 && !isnan(r->hist_val[0])) {
			snprintf(names[ns], sizeof names[ns], "%s val",
			    r->value);
			sr[ns] = sr[ns - 1];
			sr[ns].name = names[ns];
			sr[ns].y = r->hist_val;
			ns++;
		}
	}
	chart_line(g, o, &lo, sr, ns);
}

static void
render_hist2(struct session *s, struct grid *g, const struct chart_opts *o)
{
	const struct sweep *sw = &s->sweep;
	struct chart_hist_opts ho;

	if (sw->n < 2) {
		note(g, "no comparison yet");
		return;
	}
	memset(&ho, 0, sizeof ho);
	ho.zero_eps = 1e-6;
	chart_hist2(g, o, &ho, sw->r[0].value, sw->r[0].weights,
	    (int)sw->r[0].nweights, sw->r[1].value, sw->r[1].weights,
	    (int)sw->r[1].nweights);
}

void
plot_render(struct session *s, const struct plot *p, struct grid *g)
{
	struct chart_opts o;

	memset(&o, 0, sizeof o);
	o.tiers = session_tiers(s);
	o.title = p->title[0] ? p->title : NULL;
	switch (p->kind) {
	case PLOT_NONE:
		grid_clear(g);
		break;
	case PLOT_LOSS:
		o.xlabel = "epoch";
		o.ylabel = NULL;	/* the title says "loss" */
		render_loss(s, p, g, &o);
		break;
	case PLOT_WEIGHTS:
		render_weights(s, p, g, &o);
		break;
	case PLOT_GRADS:
	case PLOT_CMP_GRADS: {
		struct chart_logbar_opts bo;

		memset(&bo, 0, sizeof bo);
		bo.threshold_on = 1;
		bo.threshold = 1e-4;
		bo.threshold_label = "vanishing";
		if (p->kind == PLOT_CMP_GRADS)	/* two runs per layer */
			bo.group = 2;
		chart_logbars(g, &o, &bo, (const char *const *)p->labels, p->a,
		    p->na);
		break;
	}
	case PLOT_ACTS: {
		struct chart_line_opts lo;
		struct chart_series sr[4];
		static const char *const nm[4] = { "mean", "std", "saturated",
		    "dead" };
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
		o.xlabel = "hidden layer";
		for (int i = 0; i < 4; i++) {
			int any = 0;

			for (int j = 0; j < p->na; j++)
				any |= !isnan(p->a[i * p->na + j]);
			if (!any)
				continue;
			sr[ns].name = nm[i];
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
		double ctx[2][3] = { { p->act, s->lab.p.leak, 0 },
		    { p->act, s->lab.p.leak, 1 } };
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
			}
			chart_heatmap(g, &o, &ho, p->a + 4, p->act, p->act,
			    pts, npts);
			free(pts);
		} else {
			struct chart_series sr[2];
			struct chart_line_opts lo;
			int n = p->na / 2, m = p->nb / 2;

			/* the prediction is a curve, the data are points
			 * (drawn second, so a marker stays on the curve) */
			memset(&lo, 0, sizeof lo);
			memset(sr, 0, sizeof sr);
			sr[0].name = "prediction";
			sr[0].x = p->b;
			sr[0].y = p->b + m;
			sr[0].n = m;
			sr[1].name = "data";
			sr[1].x = p->a;
			sr[1].y = p->a + n;
			sr[1].n = n;
			lo.points = 1u << 1;
			o.xlabel = "x";
			chart_line(g, &o, &lo, sr, 2);
		}
		break;
	case PLOT_NORM:
		chart_matrix(g, &o, p->a, p->na, p->nb,
		    p->layer == 1 ? CHART_GROUP_COLUMN : CHART_GROUP_ROW,
		    p->act);
		break;
	case PLOT_SWEEP:
		o.xlabel = s->sweep.key;
		render_sweep(s, g, &o);
		break;
	case PLOT_HIST2:
		render_hist2(s, g, &o);
		break;
	case PLOT_CMP_LOSS:
		o.xlabel = "epoch";
		render_cmp_loss(s, g, &o);
		break;
	}
}

void
session_show_plot(struct session *s, struct transcript *t, struct plot *p)
{
	struct grid *g = xmalloc(sizeof *g);
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
	grid_init(g, s->width, h);
	plot_render(s, &s->plot, g);
	transcript_add_chart(t, s->plot.title, g);
}
