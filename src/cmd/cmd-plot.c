#include "config.h"
/*
 * cmd-plot.c - "plot": one chart of the session into the transcript.
 *
 * Each kind gathers its numbers from the engine here (gradients from a
 * full-batch evaluation, activation statistics on the training rows, the
 * classifier's output on a grid) and hands plain arrays to plot.c.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

static const char *const plot_kinds[] = { "loss", "weights", "grads", "acts",
    "fn", "boundary", "norm", "sweep", "compare", NULL };
static const char *const loss_opts[] = { "linear", "log", NULL };

enum { K_LOSS, K_WEIGHTS, K_GRADS, K_ACTS, K_FN, K_BOUNDARY, K_NORM,
    K_SWEEP, K_COMPARE };

static const char *const *
plot_complete(int argi, const char *prev)
{
	if (argi == 0)
		return plot_kinds;
	if (argi == 1 && prev != NULL && strcmp(prev, "fn") == 0)
		return act_names;
	if (argi == 1 && prev != NULL && strcmp(prev, "loss") == 0)
		return loss_opts;
	return NULL;
}

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
plot_grads(struct cmd_ctx *c, struct plot *p)
{
	struct nn_layer_stats st[NN_MAX_LAYERS];
	struct nn_net *net = c->s->lab.net;
	int nl = nn_net_nlayers(net);
	char err[256];

	if (lab_ready(c) != CMD_OK)
		return CMD_ERROR;
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
	snprintf(p->title, sizeof p->title, _("gradient norm per layer (%s)"),
	    act_names[c->s->lab.p.act]);
	return CMD_OK;
}

static int
plot_acts(struct cmd_ctx *c, struct plot *p)
{
	struct nn_layer_stats st[NN_MAX_LAYERS];
	struct nn_net *net = c->s->lab.net;
	int nh = nn_net_nlayers(net) - 1;
	char err[256];

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
		fmt_num(a[2], sizeof a[2], st[k].act_sat);
		fmt_num(a[3], sizeof a[3], st[k].act_dead);
		cmd_out(c, _("layer %d: mean %s, std %s, saturated %s, dead %s"),
		    k + 1, a[0], a[1], a[2], a[3]);
	}
	snprintf(p->title, sizeof p->title, _("activations per hidden layer (%s)"),
	    act_names[c->s->lab.p.act]);
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
plot_boundary(struct cmd_ctx *c, struct plot *p)
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
		p->layer = 2;
		p->act = BRES;
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
		p->layer = 1;
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
		snprintf(p->title, sizeof p->title, _("prediction vs data"));
	}
	return CMD_OK;
}

static int
plot_norm(struct cmd_ctx *c, struct plot *p, long layer)
{
	struct lab *l = &c->s->lab;
	int nl, B, F;
	char err[256];

	if (lab_ready(c) != CMD_OK)
		return CMD_ERROR;
	nl = nn_net_nlayers(l->net);
	if (l->p.norm == 0)
		return cmd_error(c, 1, _("the net has no normalization (use 'set "
		    "norm batch' or 'set norm layer')"));
	if (nl < 2)
		return cmd_error(c, 1, _("the net %s has no hidden layer to "
		    "normalize (build one with e.g. 'net 2-8-1')"), l->spec);
	if (layer > nl - 1)
		return cmd_error(c, 2, _("LAYER: %ld is out of range (allowed: 1.."
		    "%d, the hidden layers)"), layer, nl - 1);
	B = (int)(l->p.batch < 8 ? l->p.batch : 8);
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
	p->layer = l->p.norm;	/* 1 batch: a column, 2 layer: a row */
	p->act = 0;
	snprintf(p->title, sizeof p->title, _("%s norm, hidden layer %ld: "
	    "mini-batch of %d x %d features"), norm_names[l->p.norm], layer, B,
	    F);
	return CMD_OK;
}

static int
plot_exec(struct cmd_ctx *c)
{
	struct plot p;
	int kind, act = 0, rc = CMD_OK;
	long layer = 0;

	if (arg_enum(c, 1, "KIND", c->argv[1].s, plot_kinds, &kind) != 0)
		return CMD_ERROR;
	memset(&p, 0, sizeof p);
	switch (kind) {
	case K_LOSS:
		if (c->argc > 2 && arg_enum(c, 2, "SCALE", c->argv[2].s,
		    loss_opts, &p.logy) != 0)
			return CMD_ERROR;
		break;
	case K_WEIGHTS:
	case K_NORM:
		if (c->argc > 2 && arg_long(c, 2, "LAYER", c->argv[2].s, 1,
		    NN_MAX_LAYERS, &layer) != 0)
			return CMD_ERROR;
		break;
	case K_FN:
		if (c->argc < 3)
			return cmd_error(c, -1, _("fn: missing ACT (allowed: %s)"),
			    "linear|sigmoid|tanh|relu|leaky|elu|softplus");
		if (arg_enum(c, 2, "ACT", c->argv[2].s, act_names, &act) != 0)
			return CMD_ERROR;
		break;
	default:
		break;
	}
	if (c->argc > 3 || (c->argc > 2 && kind != K_LOSS &&
	    kind != K_WEIGHTS && kind != K_NORM && kind != K_FN))
		return cmd_error(c, c->argc - 1, _("unexpected argument '%s' "
		    "(usage: plot %s)"), c->argv[c->argc - 1].s,
		    c->entry->usage);
	if (c->s == NULL)
		return CMD_OK;

	switch (kind) {
	case K_LOSS:
		if ((rc = need_net(c)) != CMD_OK)
			break;
		p.kind = PLOT_LOSS;
		snprintf(p.title, sizeof p.title, _("loss%s"), p.logy ?
		    _(" (log scale)") : "");
		break;
	case K_WEIGHTS:
		if ((rc = need_net(c)) != CMD_OK)
			break;
		if (layer > nn_net_nlayers(c->s->lab.net)) {
			rc = cmd_error(c, 2, _("LAYER: %ld is out of range "
			    "(allowed: 1..%d)"), layer,
			    nn_net_nlayers(c->s->lab.net));
			break;
		}
		p.kind = PLOT_WEIGHTS;
		p.layer = (int)layer;
		if (layer)
			snprintf(p.title, sizeof p.title, _("weights of layer %ld "
			    "(reg %s, lambda %g)"), layer,
			    reg_names[c->s->lab.p.reg], c->s->lab.p.lambda);
		else
			snprintf(p.title, sizeof p.title, _("all weights (reg %s, "
			    "lambda %g)"), reg_names[c->s->lab.p.reg],
			    c->s->lab.p.lambda);
		break;
	case K_GRADS:
		if ((rc = need_net(c)) == CMD_OK)
			rc = plot_grads(c, &p);
		break;
	case K_ACTS:
		if ((rc = need_net(c)) == CMD_OK)
			rc = plot_acts(c, &p);
		break;
	case K_FN:
		p.kind = PLOT_FN;
		p.act = act;
		snprintf(p.title, sizeof p.title, _("%s and its derivative"),
		    act_names[act]);
		break;
	case K_BOUNDARY:
		rc = plot_boundary(c, &p);
		break;
	case K_NORM:
		rc = plot_norm(c, &p, layer ? layer : 1);
		break;
	case K_SWEEP:
		if (c->s->sweep.n == 0 || c->s->sweep.compare) {
			rc = cmd_error(c, 1, _("no sweep yet (try 'sweep lambda 0 "
			    "0.01 0.1')"));
			break;
		}
		p.kind = PLOT_SWEEP;
		plot_sweep_title(p.title, sizeof p.title, c->s->sweep.key);
		break;
	case K_COMPARE: {
		const struct sweep *sw = &c->s->sweep;

		/* the two runs' losses; the net's own is "plot loss" */
		if (sw->n < 2 || !sw->compare) {
			rc = cmd_error(c, 1, _("no comparison yet (try 'compare "
			    "lambda 0 0.01')"));
			break;
		}
		p.kind = PLOT_CMP_LOSS;
		plot_compare_title(p.title, sizeof p.title, sw);
		break;
	}
	}
	if (rc != CMD_OK) {
		plot_clear(&p);
		return rc;
	}
	session_show_plot(c->s, c->t, &p);
	return CMD_OK;
}

const struct cmd_entry cmd_plot_entry = {
	.name = "plot",
	.usage = "loss [log]|weights [LAYER]|grads|acts|fn ACT|boundary|"
	    "norm [LAYER]|sweep|compare",
	.summary = N_("draw a chart of the session"),
	.help = N_("loss [log|linear]: train and val loss per epoch, best epoch "
	    "marked\n"
	    "weights [LAYER]: histogram of the weights (all layers by default)"
	    ", share of zeros\n"
	    "grads: gradient norm per layer (full batch), log scale\n"
	    "acts: mean, std, saturated and dead share per hidden layer\n"
	    "fn ACT: an activation and its derivative; ACT: "
	    "linear|sigmoid|tanh|relu|leaky|elu|softplus\n"
	    "boundary: the classifier's output over the plane with the data "
	    "(1 input: prediction vs data)\n"
	    "norm [LAYER]: one mini-batch at a hidden layer, the batch- or "
	    "layer-normalised group highlighted\n"
	    "sweep: the last sweep's regularization path\n"
	    "compare: the last compare's two runs, train and val loss per "
	    "epoch ('plot loss' is the net's own history, which compare "
	    "leaves as it was)"),
	.min_args = 1,
	.max_args = 2,
	.complete = plot_complete,
	.exec = plot_exec,
};
