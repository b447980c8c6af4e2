#include "config.h"
/*
 * cmd-sweep.c - "sweep" and "compare": the same experiment once per value.
 *
 * Every run builds a fresh net from the session's spec, settings and seed
 * with one setting changed, and trains it for the epochs setting on the
 * session's data.  The session's own net, data and settings are left as
 * they were; only the results (kept for "plot sweep") and the last chart
 * change.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"

void
run_free(struct run_result *r)
{
	free(r->hist_train);
	free(r->hist_val);
	free(r->weights);
	memset(r, 0, sizeof *r);
}

void
sweep_clear(struct sweep *sw)
{
	for (int i = 0; i < sw->n; i++)
		run_free(&sw->r[i]);
	memset(sw, 0, sizeof *sw);
}

void
run_collect(struct run_result *r, struct nn_net *net, const struct lab *l,
    int status)
{
	const struct nn_epoch *h;
	struct nn_layer_stats st[NN_MAX_LAYERS];
	int n = nn_net_history(net, &h);
	long m = 0, small = 0;
	char err[128];

	r->status = status;
	r->epochs = n;
	r->hist_train = xcalloc((size_t)n + 1, sizeof(double));
	r->hist_val = xcalloc((size_t)n + 1, sizeof(double));
	r->best_val_loss = NAN;
	for (int i = 0; i < n; i++) {
		double v = isnan(h[i].val_loss) ? h[i].train_loss :
		    h[i].val_loss;

		r->hist_train[i] = h[i].train_loss;
		r->hist_val[i] = h[i].val_loss;
		if (isnan(r->best_val_loss) || v < r->best_val_loss) {
			r->best_val_loss = v;
			r->best_epoch = h[i].epoch;
		}
	}
	/* the run's net as it stands: after an early stop the restored best
	 * weights, which the weight figures below describe too */
	{
		struct lab tmp = *l;
		struct measure ms;

		tmp.net = net;
		if (n > 0 && lab_measure(&tmp, &ms, err, sizeof err) == 0) {
			r->train_loss = ms.train_loss;
			r->val_loss = ms.val_loss;
		} else {
			r->train_loss = n ? h[n - 1].train_loss : NAN;
			r->val_loss = n ? h[n - 1].val_loss : NAN;
		}
	}
	r->penalty = nn_net_penalty(net, l->train->n);
	r->w_norm = nn_net_weight_norm(net);
	r->zero_frac = nn_net_zero_share(net);
	r->nweights = nn_net_nweights(net);
	r->weights = xcalloc((size_t)r->nweights + 1, sizeof(double));
	r->nlayers = nn_net_nlayers(net);
	for (int k = 0; k < r->nlayers; k++) {
		int in, out;
		const double *w = nn_net_weights(net, k, &in, &out);

		for (long i = 0; i < (long)in * out; i++) {
			small += fabs(w[i]) < 1e-3;
			r->weights[m++] = w[i];
		}
	}
	r->small_frac = m ? (double)small / (double)m : 0;
	for (int k = 0; k < r->nlayers; k++)
		r->grad[k] = NAN;
	if (nn_net_gradients(net, l->train, err, sizeof err) == 0 &&
	    nn_net_stats(net, NULL, st, err, sizeof err) == 0)
		for (int k = 0; k < r->nlayers; k++)
			r->grad[k] = st[k].grad_norm;
}

/* Shared by sweep and compare: validates, runs, reports. */
static int
runs_exec(struct cmd_ctx *c, int compare)
{
	const struct param_def *d = param_find(c->argv[1].s);
	struct params p[SWEEP_MAX];
	struct sweep sw;
	int nv = c->argc - 2, rc = CMD_OK;
	char err[256];

	if (d == NULL)
		return param_unknown(c, 1, c->argv[1].s, 0);
	if (nv < 2)
		return cmd_error(c, -1, "missing value (usage: %s %s)",
		    c->entry->name, c->entry->usage);
	for (int i = 0; i < nv; i++) {
		if (c->s != NULL)
			p[i] = c->s->lab.p;
		else
			params_default(&p[i]);
		if (param_parse(c, 2 + i, d, c->argv[2 + i].s, &p[i]) != 0)
			return CMD_ERROR;
	}
	if (c->s == NULL)
		return CMD_OK;
	if (lab_ready(c) != CMD_OK)
		return CMD_ERROR;

	for (int i = 0; i < nv; i++)
		if (strcmp(d->name, "lambda") == 0 ? p[i].lambda > 0 :
		    i == 0) {
			param_note_inert(c, &p[i], d->name);
			break;
		}
	memset(&sw, 0, sizeof sw);
	snprintf(sw.key, sizeof sw.key, "%s", d->name);
	sw.compare = compare;
	for (int i = 0; i < nv; i++) {
		struct nn_net *net;
		struct nn_train_result res;
		struct run_result *r = &sw.r[sw.n];

		if (p[i].loss == 3 &&
		    c->s->lab.all->task != NN_TASK_CLASSIFICATION) {
			rc = cmd_error(c, 2 + i, "loss bce needs 0/1 targets");
			break;
		}
		net = lab_new_net(&c->s->lab, c->s->lab.spec, &p[i], err,
		    sizeof err);
		if (net == NULL) {
			rc = cmd_error(c, 2 + i, "%s", err);
			break;
		}
		if (session_train(c->s, net, &c->s->lab, (int)p[i].epochs, &res,
		    err, sizeof err) != 0) {
			nn_net_free(net);
			rc = cmd_error(c, 2 + i, "%s", err);
			break;
		}
		snprintf(r->value, sizeof r->value, "%s", c->argv[2 + i].s);
		run_collect(r, net, &c->s->lab, (int)res.status);
		sw.n++;
		nn_net_free(net);
		if (res.status == NN_TRAIN_CANCELLED) {
			rc = CMD_STOPPED;
			break;
		}
	}
	if (rc == CMD_ERROR) {
		sweep_clear(&sw);
		return rc;
	}
	if (strcmp(sw.key, "epochs") == 0)	/* the runs' own lengths */
		cmd_out(c, "%s %s: %d run%s from seed %ld", compare ?
		    "compare" : "sweep", sw.key, sw.n, sw.n == 1 ? "" : "s",
		    c->s->lab.p.seed);
	else
		cmd_out(c, "%s %s: %d run%s of %ld epochs from seed %ld",
		    compare ? "compare" : "sweep", sw.key, sw.n,
		    sw.n == 1 ? "" : "s", c->s->lab.p.epochs,
		    c->s->lab.p.seed);
	cmd_out(c, "%-10s %-10s %-10s %-10s %-6s %-10s %-6s %s", sw.key,
	    "train", "val", "best_val", "best@", "|w|", "zero", "status");
	for (int i = 0; i < sw.n; i++) {
		struct run_result *r = &sw.r[i];
		char a[4][32];

		fmt_num(a[0], sizeof a[0], r->train_loss);
		fmt_num(a[1], sizeof a[1], r->val_loss);
		fmt_num(a[2], sizeof a[2], r->best_val_loss);
		fmt_num(a[3], sizeof a[3], r->w_norm);
		cmd_out(c, "%-10s %-10s %-10s %-10s %-6d %-10s %-6.3f %s",
		    r->value, a[0], a[1], a[2], r->best_epoch, a[3],
		    r->zero_frac, nn_train_status_name(r->status));
	}
	sweep_clear(&c->s->sweep);
	c->s->sweep = sw;
	if (rc == CMD_STOPPED)
		cmd_out(c, "interrupted after %d run%s", sw.n,
		    sw.n == 1 ? "" : "s");
	{
		struct plot pl;

		memset(&pl, 0, sizeof pl);
		if (!compare) {
			pl.kind = PLOT_SWEEP;
			plot_sweep_title(pl.title, sizeof pl.title, sw.key);
			session_show_plot(c->s, c->t, &pl);
			return rc;
		}
		if (sw.n < 2)
			return rc;
		pl.kind = PLOT_CMP_LOSS;
		plot_compare_title(pl.title, sizeof pl.title, &sw);
		session_show_plot(c->s, c->t, &pl);
		memset(&pl, 0, sizeof pl);
		if (!strcmp(sw.key, "reg") || !strcmp(sw.key, "lambda") ||
		    !strcmp(sw.key, "l1mode")) {
			pl.kind = PLOT_HIST2;
			snprintf(pl.title, sizeof pl.title, "weights: %s %s "
			    "(up) vs %s (down)", sw.key, sw.r[0].value,
			    sw.r[1].value);
		} else {
			int nl = sw.r[0].nlayers;

			pl.kind = PLOT_CMP_GRADS;
			pl.na = 2 * nl;
			pl.a = xcalloc((size_t)pl.na, sizeof *pl.a);
			pl.labels = xcalloc((size_t)pl.na, sizeof *pl.labels);
			pl.nlabels = pl.na;
			for (int k = 0; k < nl; k++)
				for (int j = 0; j < 2; j++) {
					pl.a[2 * k + j] = sw.r[j].grad[k];
					pl.labels[2 * k + j] = xasprintf("%.8s "
					    "L%d", sw.r[j].value, k + 1);
				}
			snprintf(pl.title, sizeof pl.title, "gradient norm per "
			    "layer: %s %s vs %s", sw.key, sw.r[0].value,
			    sw.r[1].value);
		}
		session_show_plot(c->s, c->t, &pl);
	}
	return rc;
}

static int
sweep_exec(struct cmd_ctx *c)
{
	return runs_exec(c, 0);
}

static int
compare_exec(struct cmd_ctx *c)
{
	return runs_exec(c, 1);
}

const struct cmd_entry cmd_sweep_entry = {
	.name = "sweep",
	.usage = "KEY V1 V2 [V3...]",
	.summary = "the same experiment per value: the regularization path",
	.help = "KEY: any setting (see 'show params'); 2..16 values, each "
	    "checked like 'set KEY V'\n"
	    "Each run: a fresh net from the spec and the seed, trained for "
	    "the epochs setting.  The session's net is not touched.\n"
	    "Prints train/val loss, |w| and the share of zero weights per "
	    "value and charts them ('plot sweep' again later).",
	.min_args = 1,
	.max_args = 1 + SWEEP_MAX,
	.complete = param_complete,
	.exec = sweep_exec,
};

const struct cmd_entry cmd_compare_entry = {
	.name = "compare",
	.usage = "KEY V1 V2",
	.summary = "two runs from the same seed side by side",
	.help = "KEY: any setting; e.g. compare reg l1 l2 (mirrored weight "
	    "histograms), compare act sigmoid relu (gradient bars)\n"
	    "Charts both loss curves, then weights (reg, lambda, l1mode) or "
	    "per-layer gradient norms (other keys).",
	.min_args = 3,
	.max_args = 3,
	.complete = param_complete,
	.exec = compare_exec,
};
