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
 *
 * The kinds of chart are the rows of plot_kinds[] at the end of this
 * file: per kind its KIND word, usage and help (the plot command and its
 * help read them), its argument, what it gathers when plotted, what it
 * captures of live state and how it draws.  Adding a kind is a row and its
 * functions.
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

/*
 * The net a chart is of, in the words its titles use: the activation,
 * then what is not the default (normalization, initialization, skips), so
 * that two runs of a page that differ there have different titles: "relu",
 * "sigmoid, norm batch, init normal", "relu, skip".
 */
static void
net_words(char *buf, size_t n, const struct nn_config *p)
{
	char norm[32] = "", init[32] = "";

	if (p->norm != NN_NORM_NONE)
		snprintf(norm, sizeof norm, ", norm %s", nn_norm_name(p->norm));
	if (p->init != nn_config_default().init)
		snprintf(init, sizeof init, ", init %s", nn_init_name(p->init));
	snprintf(buf, n, "%s%s%s%s", nn_act_name(p->act), norm, init,
	    p->skip ? ", skip" : "");
}

void
plot_train_title(char *buf, size_t n, const struct nn_config *p)
{
	char loss[16] = "", net[96], reg[64] = "";

	/* what is not the default: short enough for a narrow chart pane */
	if (!p->loss_auto)
		snprintf(loss, sizeof loss, " %s", nn_loss_name(p->loss));
	net_words(net, sizeof net, p);
	if (p->reg != NN_REG_NONE) /* the penalty and its strength, l1's step */
		snprintf(reg, sizeof reg, ", %s %g%s%s", nn_reg_name(p->reg),
		    p->lambda, p->reg == NN_REG_L1 ? " " : "",
		    p->reg == NN_REG_L1 ? nn_l1mode_name(p->l1mode) : "");
	snprintf(buf, n, _("loss%s (%s, batch %d%s)"), loss, net, p->batch,
	    reg);
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
	if (plot_kinds[p->kind].counts != NULL)
		plot_kinds[p->kind].counts(p, &la, &lb);
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
	p->best_epoch = nn_net_best(s->lab.net, &p->best_loss);
}

static void
draw_loss(const struct plot *p, struct grid *g, const struct chart_opts *o)
{
	struct chart_line_opts lo;
	struct chart_series sr[2];
	int hasval = 0;
	char label[64], num[32];

	for (int i = 0; i < p->nb; i++)
		hasval |= !isnan(p->b[i]);
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
	if (hasval && p->best_epoch > 0) {	/* the engine's best epoch */
		fmt_num(num, sizeof num, p->best_loss);
		snprintf(label, sizeof label, _("best@%d val=%s"), p->best_epoch,
		    num);
		lo.marker = 1;
		lo.marker_x = p->best_epoch;
		lo.marker_y = p->best_loss;
		lo.marker_label = label;
	}
	chart_line(g, o, &lo, sr, hasval ? 2 : 1);
}

/* All weights of layer k (0-based) or of every layer (k < 0); caller frees. */
static double *
collect_weights(struct nn_net *net, int k, int *n)
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
	p->a = collect_weights(s->lab.net, p->layer - 1, &p->na);
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

/* Rows from which the path chart has two panels. */
#define PATH_SPLIT_MIN	12

/*
 * The path chart in two panels over the same x axis: above, the best
 * validation loss on its own axis (a log axis when it spans more than a
 * decade), so a rise from 0.01 to 0.03 is as tall as the panel; below,
 * |w| / max|w| and the zero share on 0..1.  Fewer than PATH_SPLIT_MIN
 * rows: the validation loss alone.  The x label is left out: the title
 * ("regularization path: lambda") names the key.  sr: the three series, in that order.
 */
static void
draw_path_panels(struct grid *g, const struct chart_opts *o,
    const struct chart_line_opts *lo, const struct chart_series *sr)
{
	struct chart_line_opts lt = *lo, lb = *lo;
	struct chart_opts ot = *o, ob = *o;
	struct chart_series below[3];
	struct grid top, bot;
	double vmin = INFINITY, vmax = 0;
	int ht;

	for (int i = 0; i < sr[0].n; i++)
		if (isfinite(sr[0].y[i])) {
			vmin = fmin(vmin, sr[0].y[i]);
			vmax = fmax(vmax, sr[0].y[i]);
		}
	lt.logy = vmin > 0 && vmax > 10 * vmin;
	if (g->h < PATH_SPLIT_MIN) {
		chart_line(g, o, &lt, sr, 1);
		return;
	}
	/* above: title, ylabel naming the curve, no legend; below: the
	 * legend, no x label (the title names the key); 6 rows each at
	 * least, 3 of them plot */
	ht = g->h / 2;
	lt.ylab_w = lb.ylab_w = 5;	/* "0.138" over "1": x lines up */
	ot.xlabel = NULL;
	ot.ylabel = sr[0].name;
	ot.no_legend = 1;
	ob.title = NULL;
	ob.ylabel = NULL;
	ob.xlabel = NULL;
	grid_init(&top, g->w, ht);
	grid_init(&bot, g->w, g->h - ht);
	chart_line(&top, &ot, &lt, sr, 1);
	/* below: the same pens as in one chart (series 2 and 3) */
	below[0] = sr[0];
	below[0].name = NULL;
	below[0].y = NULL;
	below[1] = sr[1];
	below[2] = sr[2];
	lb.ylo = 0;
	lb.yhi = 1;
	chart_line(&bot, &ob, &lb, below, 3);
	grid_clear(g);
	grid_blit(g, 0, 0, &top);
	grid_blit(g, 0, ht, &bot);
	grid_done(&top);
	grid_done(&bot);
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
	draw_path_panels(g, o, &lo, sr);
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
	if (plot_kinds[p->kind].capture != NULL)
		plot_kinds[p->kind].capture(s, out);
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
	o.thick = p->thick;
	o.title = p->title[0] ? p->title : NULL;
	plot_kinds[p->kind].draw(p, g, &o);
}

void
plot_render(struct session *s, const struct plot *p, struct grid *g,
    int thick)
{
	struct plot snap;

	plot_capture(s, p, &snap);
	snap.thick = thick != 0;
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
	if (plot_kinds[s->plot.kind].rows != NULL)
		h = plot_kinds[s->plot.kind].rows(&s->plot, h);
	add_snapshot(s, t, h, 1);
}

int
transcript_add_session_chart(struct transcript *t, struct session *s)
{
	if (s->plot.kind == PLOT_NONE)
		return -1;
	return add_snapshot(s, t, s->height, 0);
}

/* ============================================================ the kinds */

/*
 * Each kind's functions (parse, gather, capture, draw, counts, rows), then
 * plot_kinds[], the table that names them.  A kind is one row: the plot
 * command, its usage and help, completion, capture, drawing and the chart
 * height all read it.
 */

static const char *const loss_scales[] = { "linear", "log", NULL };

static const char *const *
loss_scale_words(void)
{
	return loss_scales;
}

/* The activations plot fn draws: the engine's, as 'set act' offers. */
static const char *const *
act_words(void)
{
	return kind_names(nn_act_name);
}

/* ------------------------------------------------------------ parse */

static int
parse_loss(struct cmd_ctx *c, struct plot *p)
{
	if (c->argc > 2 && arg_enum(c, 2, "SCALE", c->argv[2].s, loss_scales,
	    &p->logy) != 0)
		return CMD_ERROR;
	return CMD_OK;
}

static int
parse_layer(struct cmd_ctx *c, struct plot *p)
{
	long layer = 0;

	if (c->argc > 2 && arg_long(c, 2, "LAYER", c->argv[2].s, 1,
	    NN_MAX_LAYERS, &layer) != 0)
		return CMD_ERROR;
	p->layer = (int)layer;
	return CMD_OK;
}

static int
parse_fn(struct cmd_ctx *c, struct plot *p)
{
	char buf[256];

	if (c->argc < 3)
		return cmd_error(c, -1, _("fn: missing ACT (allowed: %s)"),
		    choices_str(act_words(), buf, sizeof buf));
	if (arg_enum(c, 2, "ACT", c->argv[2].s, act_words(), &p->act) != 0)
		return CMD_ERROR;
	return CMD_OK;
}

/* ------------------------------------------------------------ gather */

static int
need_net(struct cmd_ctx *c)
{
	if (c->s->lab.net == NULL)
		return cmd_error(c, -1, _("no network yet (use 'net SPEC' first)"));
	return CMD_OK;
}

/*
 * A gradient or statistics pass over the training rows that did not
 * finish: stopped by ^C (cmd_interrupt, which the engine checks between
 * chunks of rows) is not an error but CMD_STOPPED, as for train; anything
 * else is.  No chart is drawn either way.
 */
static int
pass_failed(struct cmd_ctx *c, const char *err)
{
	if (cmd_interrupt) {
		cmd_out(c, _("%s: interrupted (no chart)"), c->argv[0].s);
		return CMD_STOPPED;
	}
	return cmd_error(c, 1, "%s", err);
}

static int
gather_grads(struct cmd_ctx *c, struct plot *p)
{
	struct nn_layer_stats st[NN_MAX_LAYERS];
	struct nn_net *net;
	int nl;
	char err[256], words[96];

	if (need_net(c) != CMD_OK || lab_ready(c) != CMD_OK)
		return CMD_ERROR;
	net = c->s->lab.net;
	nl = nn_net_nlayers(net);
	if (nn_net_gradients(net, c->s->lab.train, err, sizeof err) != 0 ||
	    nn_net_stats(net, NULL, st, err, sizeof err) != 0)
		return pass_failed(c, err);
	p->kind = PLOT_GRADS;
	p->na = nl;
	p->a = xcalloc((size_t)nl, sizeof *p->a);
	p->labels = xcalloc((size_t)nl, sizeof *p->labels);
	p->nlabels = nl;
	for (int k = 0; k < nl; k++) {
		char num[32];

		p->a[k] = st[k].grad_norm;
		p->labels[k] = xasprintf(_("layer %d"), k + 1);
		fmt_num(num, sizeof num, st[k].grad_norm);
		cmd_out(c, _("layer %d: |dL/dW| = %s"), k + 1, num);
	}
	net_words(words, sizeof words, &c->s->lab.cfg);
	snprintf(p->title, sizeof p->title, _("gradient norm per layer (%s)"),
	    words);
	return CMD_OK;
}

static int
gather_acts(struct cmd_ctx *c, struct plot *p)
{
	struct nn_layer_stats st[NN_MAX_LAYERS];
	struct nn_net *net;
	int nh;
	char err[256], words[96];

	if (need_net(c) != CMD_OK)
		return CMD_ERROR;
	net = c->s->lab.net;
	nh = nn_net_nlayers(net) - 1;
	if (lab_ready(c) != CMD_OK)
		return CMD_ERROR;
	if (nh < 1)
		return cmd_error(c, 1, _("the network has no hidden layer"));
	if (nn_net_stats(net, c->s->lab.train, st, err, sizeof err) != 0)
		return pass_failed(c, err);
	p->kind = PLOT_ACTS;
	p->na = nh;
	p->a = xcalloc((size_t)nh * 4, sizeof *p->a);
	for (int k = 0; k < nh; k++) {
		char a[4][32];

		p->a[k] = st[k].act_mean;
		p->a[nh + k] = st[k].act_std;
		p->a[2 * nh + k] = st[k].act_sat;
		p->a[3 * nh + k] = st[k].act_dead;
		fmt_num(a[0], sizeof a[0], st[k].act_mean);
		fmt_num(a[1], sizeof a[1], st[k].act_std);
		fmt_measure(a[2], sizeof a[2], st[k].act_sat);
		fmt_measure(a[3], sizeof a[3], st[k].act_dead);
		cmd_out(c, _("layer %d: mean %s, std %s, saturated %s, dead %s"),
		    k + 1, a[0], a[1], a[2], a[3]);
	}
	net_words(words, sizeof words, &c->s->lab.cfg);
	snprintf(p->title, sizeof p->title, _("activations per hidden layer (%s)"),
	    words);
	return CMD_OK;
}

#define BRES 32		/* boundary heatmap samples per axis */

/* Writes d's n inputs, then its n targets, to out (2n numbers), sorted by
 * input, so a series reads left to right. */
static void
sorted_points(const struct nn_dataset *d, double *out)
{
	int n = d->n;

	for (int i = 0; i < n; i++) {
		out[i] = d->x[i];
		out[n + i] = d->y[i];
	}
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && out[j - 1] > out[j]; j--) {
			double t = out[j];

			out[j] = out[j - 1], out[j - 1] = t;
			t = out[n + j];
			out[n + j] = out[n + j - 1], out[n + j - 1] = t;
		}
}

static int
gather_boundary(struct cmd_ctx *c, struct plot *p)
{
	struct lab *l = &c->s->lab;
	const struct nn_dataset *d;
	double xlo = INFINITY, xhi = -INFINITY, ylo = INFINITY, yhi = -INFINITY;
	int nt, nv;

	if (lab_ready(c) != CMD_OK)
		return CMD_ERROR;
	d = l->all;
	nt = l->train->n;
	nv = l->val != NULL ? l->val->n : 0;
	if (d->nin > 2 || d->nout != 1)
		return cmd_error(c, 1, _("boundary needs 1 or 2 inputs and 1 output "
		    "(the data has %d and %d)"), d->nin, d->nout);
	for (int i = 0; i < d->n; i++) {
		double x = d->x[i * d->nin];
		double y = d->nin == 2 ? d->x[i * d->nin + 1] : d->y[i];

		xlo = fmin(xlo, x);
		xhi = fmax(xhi, x);
		ylo = fmin(ylo, y);
		yhi = fmax(yhi, y);
	}
	if (!(xhi > xlo))
		xhi = xlo + 1;
	if (!(yhi > ylo))
		yhi = ylo + 1;
	p->kind = PLOT_BOUNDARY;
	if (d->nin == 2) {
		double *in = xmalloc(2 * BRES * BRES * sizeof *in);
		double mx = (xhi - xlo) * 0.05, my = (yhi - ylo) * 0.05;

		xlo -= mx, xhi += mx, ylo -= my, yhi += my;
		p->samples = BRES;
		p->na = 4 + BRES * BRES;
		p->a = xmalloc((size_t)p->na * sizeof *p->a);
		p->a[0] = xlo, p->a[1] = xhi, p->a[2] = ylo, p->a[3] = yhi;
		for (int j = 0; j < BRES; j++)
			for (int i = 0; i < BRES; i++) {
				in[2 * (j * BRES + i)] = xlo + i * (xhi - xlo) /
				    (BRES - 1);
				in[2 * (j * BRES + i) + 1] = ylo + j *
				    (yhi - ylo) / (BRES - 1);
			}
		nn_net_predict(l->net, in, BRES * BRES, p->a + 4);
		free(in);
		if (d->task != NN_TASK_CLASSIFICATION)
			for (int i = 0; i < BRES * BRES; i++)
				p->a[4 + i] = 1 / (1 + exp(-p->a[4 + i]));
		/* the training points, then the validation points */
		p->split = nt;
		p->nb = 3 * (nt + nv);
		p->b = xmalloc((size_t)p->nb * sizeof *p->b);
		for (int k = 0; k < 2; k++) {
			const struct nn_dataset *ds = k ? l->val : l->train;
			double *o = p->b + (k ? 3 * nt : 0);

			for (int i = 0; i < (k ? nv : nt); i++) {
				o[3 * i] = ds->x[2 * i];
				o[3 * i + 1] = ds->x[2 * i + 1];
				o[3 * i + 2] = ds->y[i] >= 0.5;
			}
		}
		snprintf(p->title, sizeof p->title, _("decision boundary: "
		    "p(class 1), contour 0.5"));
	} else {
		int m = 2 * c->s->width;

		p->kind = PLOT_PREDICTION;
		p->split = nt;
		p->na = 2 * (nt + nv);
		p->a = xmalloc((size_t)p->na * sizeof *p->a);
		sorted_points(l->train, p->a);
		if (nv > 0)
			sorted_points(l->val, p->a + 2 * nt);
		p->nb = 2 * m;
		p->b = xmalloc((size_t)p->nb * sizeof *p->b);
		for (int i = 0; i < m; i++)
			p->b[i] = xlo + i * (xhi - xlo) / (m - 1);
		nn_net_predict(l->net, p->b, m, p->b + m);
		/* a run trained with a loss of its own (loss=mae) says so:
		 * two fits of one page told apart */
		if (l->trained && !l->run.loss_auto)
			snprintf(p->title, sizeof p->title, _("prediction vs "
			    "data (loss %s)"), nn_loss_name(l->run.loss));
		else
			snprintf(p->title, sizeof p->title,
			    _("prediction vs data"));
	}
	return CMD_OK;
}

static int
gather_norm(struct cmd_ctx *c, struct plot *p)
{
	struct lab *l = &c->s->lab;
	long layer = p->layer ? p->layer : 1;
	int nl, B, F;
	char err[256];

	if (lab_ready(c) != CMD_OK)
		return CMD_ERROR;
	nl = nn_net_nlayers(l->net);
	if (l->cfg.norm == NN_NORM_NONE)
		return cmd_error(c, 1, _("the net has no normalization (use 'set "
		    "norm batch' or 'set norm layer')"));
	if (nl < 2)
		return cmd_error(c, 1, _("the net %s has no hidden layer to "
		    "normalize (build one with e.g. 'net 2-8-1')"), l->spec);
	if (layer > nl - 1)
		return cmd_error(c, 2, _("LAYER: %ld is out of range (allowed: 1.."
		    "%d, the hidden layers)"), layer, nl - 1);
	B = l->cfg.batch < 8 ? l->cfg.batch : 8;
	if (B > l->train->n)
		B = l->train->n;
	F = nn_net_width(l->net, (int)layer);
	p->kind = PLOT_NORM;
	p->na = B;
	p->nb = F;
	p->a = xcalloc((size_t)B * (size_t)F, sizeof *p->a);
	if (nn_net_norm_matrix(l->net, l->train, B, (int)layer - 1, NULL, p->a,
	    err, sizeof err) != 0)
		return cmd_error(c, 1, "%s", err);
	p->by_row = l->cfg.norm != NN_NORM_BATCH;	/* batch: a column, layer: a row */
	p->hilite = 0;
	snprintf(p->title, sizeof p->title, _("%s norm, hidden layer %ld: "
	    "mini-batch of %d x %d features"), nn_norm_name(l->cfg.norm), layer, B,
	    F);
	return CMD_OK;
}


/* The net's losses, titled as its last training's live chart was (the
 * run's settings: a page's runs told apart). */
static int
gather_loss(struct cmd_ctx *c, struct plot *p)
{
	const struct nn_epoch *h;
	char run[128];

	if (need_net(c) != CMD_OK)
		return CMD_ERROR;
	if (c->s->lab.trained && nn_net_history(c->s->lab.net, &h) > 0)
		plot_train_title(run, sizeof run, &c->s->lab.run);
	else
		snprintf(run, sizeof run, "%s", _("loss"));
	snprintf(p->title, sizeof p->title, "%s%s", run, p->logy ?
	    _(" (log scale)") : "");
	return CMD_OK;
}

static int
gather_weights(struct cmd_ctx *c, struct plot *p)
{
	if (need_net(c) != CMD_OK)
		return CMD_ERROR;
	if (p->layer > nn_net_nlayers(c->s->lab.net))
		return cmd_error(c, 2, _("LAYER: %d is out of range (allowed: "
		    "1..%d)"), p->layer, nn_net_nlayers(c->s->lab.net));
	if (p->layer)
		snprintf(p->title, sizeof p->title, _("weights of layer %d "
		    "(reg %s, lambda %g)"), p->layer,
		    nn_reg_name(c->s->lab.cfg.reg), c->s->lab.cfg.lambda);
	else
		snprintf(p->title, sizeof p->title, _("all weights (reg %s, "
		    "lambda %g)"), nn_reg_name(c->s->lab.cfg.reg),
		    c->s->lab.cfg.lambda);
	return CMD_OK;
}

static int
gather_fn(struct cmd_ctx *c, struct plot *p)
{
	(void)c;
	snprintf(p->title, sizeof p->title, _("%s and its derivative"),
	    nn_act_name(p->act));
	return CMD_OK;
}

static int
gather_sweep(struct cmd_ctx *c, struct plot *p)
{
	if (c->s->sweep.n == 0 || c->s->sweep.compare)
		return cmd_error(c, 1, _("no sweep yet (try 'sweep lambda 0 "
		    "0.01 0.1')"));
	plot_sweep_title(p->title, sizeof p->title, c->s->sweep.key);
	return CMD_OK;
}

static int
gather_compare(struct cmd_ctx *c, struct plot *p)
{
	const struct sweep *sw = &c->s->sweep;

	/* the two runs' losses; the net's own is "plot loss" */
	if (sw->n < 2 || !sw->compare)
		return cmd_error(c, 1, _("no comparison yet (try 'compare "
		    "lambda 0 0.01')"));
	plot_compare_title(p->title, sizeof p->title, sw);
	return CMD_OK;
}

/* ------------------------------------------------------------ capture */

static void
capture_fn(struct session *s, struct plot *p)
{
	p->leak = s->lab.cfg.leak;
}

/* ------------------------------------------------------------ draw */

static void
draw_none(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	(void)p;
	(void)o;
	grid_clear(g);
}

static void
draw_loss_kind(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	o->xlabel = _("epoch");
	o->ylabel = NULL;	/* the title says "loss" */
	draw_loss(p, g, o);
}

static void
draw_weights_kind(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	draw_weights(p, g, o);
}

/* Gradient norms per layer, log scale; a compare's two runs side by side
 * per layer. */
static void
draw_grads(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	struct chart_logbar_opts bo;

	memset(&bo, 0, sizeof bo);
	bo.threshold_on = 1;
	bo.threshold = 1e-4;
	bo.threshold_label = _("vanishing");
	if (p->kind == PLOT_CMP_GRADS)	/* two runs per layer */
		bo.group = 2;
	chart_logbars(g, o, &bo, (const char *const *)p->labels, p->a, p->na);
}

static void
draw_acts(const struct plot *p, struct grid *g, struct chart_opts *o)
{
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
	o->xlabel = _("hidden layer");
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
	chart_line(g, o, &lo, sr, ns);
}

static void
draw_fn(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	double ctx[2][3] = { { p->act, p->leak, 0 }, { p->act, p->leak, 1 } };
	struct chart_fn fn[2];
	char n1[32], n2[32];

	snprintf(n1, sizeof n1, "%s", nn_act_name(p->act));
	snprintf(n2, sizeof n2, "%s'", nn_act_name(p->act));
	fn[0].name = n1;
	fn[0].f = fn_act;
	fn[0].ctx = ctx[0];
	fn[1].name = n2;
	fn[1].f = fn_act;
	fn[1].ctx = ctx[1];
	o->xlabel = "x";
	chart_function(g, o, -6, 6, 0, 0, fn, 2);
}

static void
draw_boundary(const struct plot *p, struct grid *g, struct chart_opts *o)
{
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
	chart_heatmap(g, o, &ho, p->a + 4, p->samples, p->samples, pts, npts);
	free(pts);
}

static void
draw_prediction(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	struct chart_series sr[3];
	struct chart_line_opts lo;
	int nt = p->split, nv = p->na / 2 - p->split;
	int m = p->nb / 2;

	/* the prediction is a curve, the data are points (drawn after it,
	 * so a marker stays on the curve): training points as blobs,
	 * validation points as letters, so they differ without colour too */
	memset(&lo, 0, sizeof lo);
	memset(sr, 0, sizeof sr);
	sr[0].name = "prediction";
	sr[0].x = p->b;
	sr[0].y = p->b + m;
	sr[0].n = m;
	sr[1].name = "train";
	sr[1].x = p->a;
	sr[1].y = p->a + nt;
	sr[1].n = nt;
	sr[2].name = "val";
	sr[2].x = p->a + 2 * nt;
	sr[2].y = p->a + 2 * nt + nv;
	sr[2].n = nv;
	lo.points = 1u << 1 | 1u << 2;
	lo.point_glyph[2] = 'v';
	o->xlabel = "x";
	chart_line(g, o, &lo, sr, nv > 0 ? 3 : 2);
}

static void
draw_norm(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	chart_matrix(g, o, p->a, p->na, p->nb, p->by_row ? CHART_GROUP_ROW :
	    CHART_GROUP_COLUMN, p->hilite);
}

static void
draw_sweep_kind(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	o->xlabel = p->xlabel;
	draw_sweep(p, g, o);
}

static void
draw_hist2_kind(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	draw_hist2(p, g, o);
}

static void
draw_cmp_loss_kind(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	o->xlabel = _("epoch");
	draw_cmp_loss(p, g, o);
}

/* a: mean val loss, b: its sd per bundle */
static void
draw_bundles(const struct plot *p, struct grid *g, struct chart_opts *o)
{
	chart_meanbars(g, o, (const char *const *)p->labels, p->a, p->b, p->na,
	    NULL);
}

/* ------------------------------------------------------------ counts */

static void
counts_acts(const struct plot *p, int *na, int *nb)
{
	*na = 4 * p->na;	/* mean, std, saturated, dead */
	*nb = p->nb;
}

static void
counts_norm(const struct plot *p, int *na, int *nb)
{
	*na = p->na * p->nb;	/* the matrix; no b */
	*nb = 0;
}

/* ------------------------------------------------------------ rows */

/* one row per bar plus axis, tick labels, legend and title */
static int
rows_grads(const struct plot *p, int h)
{
	return h < p->na + 4 ? p->na + 4 : h;
}

/* a small matrix: title, header, one row per example, a blank row and two
 * notes, with no run of blank rows before the notes */
static int
rows_norm(const struct plot *p, int h)
{
	return h > p->na + 5 ? p->na + 5 : h;
}

/* bars: title, a bar and a blank row each, axis, ticks, legend */
static int
rows_bundles(const struct plot *p, int h)
{
	return h > 2 * p->na + 3 ? 2 * p->na + 3 : h;
}

/* ------------------------------------------------------------ table */

const struct plot_kind_def plot_kinds[PLOT_KIND_COUNT] = {
	[PLOT_NONE] = {
		.draw = draw_none,
	},
	[PLOT_LOSS] = {
		.name = "loss",
		.usage = "loss [log]",
		.help = N_("loss [log|linear]: train and val loss per epoch, "
		    "best epoch marked"),
		.args = loss_scale_words,
		.parse = parse_loss,
		.gather = gather_loss,
		.capture = capture_loss,
		.draw = draw_loss_kind,
	},
	[PLOT_WEIGHTS] = {
		.name = "weights",
		.usage = "weights [LAYER]",
		.help = N_("weights [LAYER]: histogram of the weights (all layers "
		    "by default), share of zeros"),
		.parse = parse_layer,
		.gather = gather_weights,
		.capture = capture_weights,
		.draw = draw_weights_kind,
	},
	[PLOT_GRADS] = {
		.name = "grads",
		.usage = "grads",
		.help = N_("grads: gradient norm per layer (full batch), log scale"),
		.gather = gather_grads,
		.draw = draw_grads,
		.rows = rows_grads,
	},
	[PLOT_ACTS] = {
		.name = "acts",
		.usage = "acts",
		.help = N_("acts: mean, std, saturated and dead share per hidden "
		    "layer"),
		.gather = gather_acts,
		.draw = draw_acts,
		.counts = counts_acts,
	},
	[PLOT_FN] = {
		.name = "fn",
		.usage = "fn ACT",
		.help = N_("fn ACT: an activation and its derivative"),
		.args = act_words,
		.args_name = "ACT",
		.parse = parse_fn,
		.gather = gather_fn,
		.capture = capture_fn,
		.draw = draw_fn,
	},
	[PLOT_BOUNDARY] = {
		.name = "boundary",
		.usage = "boundary",
		.help = N_("boundary: the classifier's output over the plane with "
		    "the data (1 input: prediction vs data)"),
		.gather = gather_boundary,
		.draw = draw_boundary,
	},
	[PLOT_NORM] = {
		.name = "norm",
		.usage = "norm [LAYER]",
		.help = N_("norm [LAYER]: one mini-batch at a hidden layer, the "
		    "batch- or layer-normalized group highlighted"),
		.parse = parse_layer,
		.gather = gather_norm,
		.draw = draw_norm,
		.counts = counts_norm,
		.rows = rows_norm,
	},
	[PLOT_SWEEP] = {
		.name = "sweep",
		.usage = "sweep",
		.help = N_("sweep: the last sweep's regularization path"),
		.gather = gather_sweep,
		.capture = capture_sweep,
		.draw = draw_sweep_kind,
	},
	[PLOT_HIST2] = {	/* compare of reg, lambda or l1mode */
		.capture = capture_hist2,
		.draw = draw_hist2_kind,
	},
	[PLOT_CMP_LOSS] = {
		.name = "compare",
		.usage = "compare",
		.help = N_("compare: the last compare's two runs, train and val "
		    "loss per epoch ('plot loss' is the net's own history, "
		    "which compare leaves as it was)"),
		.gather = gather_compare,
		.capture = capture_cmp_loss,
		.draw = draw_cmp_loss_kind,
	},
	[PLOT_CMP_GRADS] = {	/* compare of other keys */
		.draw = draw_grads,
		.rows = rows_grads,
	},
	[PLOT_BUNDLES] = {	/* sweep of bundles with seeds=N */
		.draw = draw_bundles,
		.rows = rows_bundles,
	},
	[PLOT_PREDICTION] = {	/* boundary with one input */
		.draw = draw_prediction,
	},
};
