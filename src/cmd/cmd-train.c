#include "config.h"
/*
 * cmd-train.c - "train" and "step": running the optimizer; "eval":
 * measuring the net as it stands.
 *
 * train [EPOCHS] [key=value...] trains the session's net; the overrides
 * hold for this run only.  The summary uses fmt_num() numbers and never a
 * time, so transcripts are deterministic.  An interrupt (cmd_interrupt or
 * the epoch hook) stops after the current epoch and keeps what was learned.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

static const char *const *
train_complete(int argi, const char *prev)
{
	static const char *keys[64];

	(void)argi;
	(void)prev;
	if (keys[0] == NULL) {
		static char buf[64][24];
		const struct nn_setting *d;
		size_t n = 0;

		for (int i = 0; (d = nn_setting_at(i)) != NULL &&
		    n + 1 < COUNT(keys); i++)
			if (d->flags & NN_SETTING_RUN) {
				snprintf(buf[n], sizeof buf[n], "%s=", d->name);
				keys[n] = buf[n];
				n++;
			}
	}
	return keys;
}

/* The keys a run can override: the settings whose row allows it (not
 * those that act when the net is built or change what it computes, nor
 * epochs, the EPOCHS argument). */
static int
override_check(struct cmd_ctx *c, int argi, const char *key,
    const struct nn_setting *d)
{
	const char *best;

	/* a typo ('lamda') gets the nearest setting, as 'set' does */
	if (d == NULL && (best = param_nearest(key, NN_SETTING_RUN)) != NULL)
		return cmd_error(c, argi, _("unknown key '%s'; did you mean "
		    "'%s'? (see 'show params')"), key, best);
	if (d == NULL || strcmp(d->name, "epochs") == 0)
		return cmd_error(c, argi, _("unknown key '%s' (allowed: any "
		    "setting but %s; see 'show params')"), key,
		    param_fixed_names());
	if (d->flags & NN_SETTING_REBUILD)
		return cmd_error(c, argi, _("%s acts when the net is built: "
		    "use 'set %s', which rebuilds the net (allowed here: "
		    "lambda, reg, lr, ...)"), d->name, d->name);
	if (!(d->flags & NN_SETTING_RUN))
		return cmd_error(c, argi, _("%s acts when the net is built: "
		    "use 'set %s' and 'reset' (allowed here: lambda, "
		    "reg, lr, ...)"), d->name, d->name);
	return 0;
}

/* "train loss X, val loss Y, penalty Z" and the accuracy line, for the net
 * as it stands. */
static void
print_measure(struct cmd_ctx *c, const char *lead, const struct measure *m)
{
	char a[3][32];

	fmt_num(a[0], sizeof a[0], m->train_loss);
	fmt_num(a[1], sizeof a[1], m->val_loss);
	fmt_num(a[2], sizeof a[2], m->penalty);
	/* Without a validation set there is no val loss to report (a NaN
	 * one, from a diverged net, is reported as it is). */
	if (!m->has_val)
		cmd_out(c, _("%strain loss %s (no validation set), penalty %s"),
		    lead, a[0], a[2]);
	else
		cmd_out(c, _("%strain loss %s, val loss %s, penalty %s"), lead,
		    a[0], a[1], a[2]);
	if (!isnan(m->train_acc)) {
		fmt_num(a[0], sizeof a[0], m->train_acc);
		if (!m->has_val)
			cmd_out(c, _("accuracy: train %s"), a[0]);
		else {
			fmt_num(a[1], sizeof a[1], m->val_acc);
			cmd_out(c, _("accuracy: train %s, val %s"), a[0], a[1]);
		}
	}
}

/*
 * The numbers describe the net as it stands after the run: after an early
 * stop that restored the best weights these are the best epoch's weights,
 * not the last row of the history.
 */
static void
summary(struct cmd_ctx *c, const struct nn_train_result *res, int first,
    const struct nn_config *p, int measured, struct measure m)
{
	struct nn_net *net = c->s->lab.net;
	const struct nn_epoch *h;
	int n = nn_net_history(net, &h);
	char a[4][32], lead[96];

	if (n == 0) {
		cmd_out(c, _("train: no epoch completed"));
		return;
	}
	if (!measured) {
		m.train_loss = h[n - 1].train_loss;
		m.val_loss = h[n - 1].val_loss;
		m.penalty = h[n - 1].penalty;
		m.train_acc = h[n - 1].train_acc;
		m.val_acc = h[n - 1].val_acc;
	}
	snprintf(lead, sizeof lead, _("trained %d epoch%s (%d-%d): %s"),
	    res->epochs_run, res->epochs_run == 1 ? "" : "s", first + 1, n,
	    res->restored ? _("restored net: ") : "");
	print_measure(c, lead, &m);
	switch (res->status) {
	case NN_TRAIN_EARLY_STOP:
		fmt_num(a[3], sizeof a[3], res->best_loss);
		cmd_out(c, _("early stop at epoch %d (patience %d): best %s "
		    "loss %s at epoch %d%s"), n, p->patience,
		    c->s->lab.val && c->s->lab.val->n ? _("val") : _("train"), a[3],
		    res->best_epoch, res->restored ?
		    _(", best weights restored") : "");
		break;
	case NN_TRAIN_DIVERGED:
		cmd_warn(c, _("diverged at epoch %d: the loss or a weight is no "
		    "longer finite (try a smaller lr)"), n);
		break;
	case NN_TRAIN_CANCELLED:
		cmd_out(c, _("interrupted after %d epoch%s"), res->epochs_run,
		    res->epochs_run == 1 ? "" : "s");
		break;
	default:
		break;
	}
}

static int
train_exec(struct cmd_ctx *c)
{
	struct nn_config p;
	long epochs = -1;
	int first = 1, hist0, rc, measured;
	struct measure m = { NAN, NAN, NAN, NAN, NAN, 0 };
	struct nn_train_result res;
	struct nn_config orig, cf;
	const struct nn_epoch *h;
	char err[256];

	if (c->argc > 1 && strchr(c->argv[1].s, '=') == NULL) {
		if (arg_long(c, 1, "EPOCHS", c->argv[1].s, 1, 100000,
		    &epochs) != 0)
			return CMD_ERROR;
		first = 2;
	}
	p = c->s != NULL ? c->s->lab.cfg : nn_config_default();
	if (param_keyvals(c, first, &p, override_check) != CMD_OK)
		return CMD_ERROR;
	if (c->s == NULL)
		return CMD_OK;
	for (int i = first; i < c->argc; i++) {
		char *eq = strchr(c->argv[i].s, '=');

		*eq = '\0';
		param_note_inert(c, &p, c->argv[i].s);
		*eq = '=';
	}
	if (lab_ready(c) != CMD_OK)
		return CMD_ERROR;
	if (param_loss_fits(c, -1, &p, c->s->lab.all) != CMD_OK)
		return CMD_ERROR;
	if (epochs < 0)
		epochs = p.epochs;
	orig = *nn_net_config(c->s->lab.net);
	cf = lab_config(&c->s->lab, &p);
	if (nn_net_set_config(c->s->lab.net, &cf, err, sizeof err) != 0)
		return cmd_error(c, -1, "%s", err);
	plot_clear(&c->s->plot);
	c->s->plot.kind = PLOT_LOSS;
	plot_train_title(c->s->plot.title, sizeof c->s->plot.title, &p);
	hist0 = nn_net_history(c->s->lab.net, &h);
	rc = session_train(c->s, c->s->lab.net, &c->s->lab, (int)epochs, &res,
	    err, sizeof err);
	/* measured with this run's settings (a lambda= override counts in
	 * the penalty), before they are put back */
	measured = rc == 0 && lab_measure(&c->s->lab, &m, err, sizeof err) == 0;
	nn_net_set_config(c->s->lab.net, &orig, NULL, 0);
	if (rc != 0)
		return cmd_error(c, -1, "%s", err);
	c->s->last_status = (int)res.status;
	c->s->lab.run_loss = nn_loss_name(cf.loss);
	summary(c, &res, hist0, &p, measured, m);
	return res.status == NN_TRAIN_CANCELLED ? CMD_STOPPED : CMD_OK;
}

const struct cmd_entry cmd_train_entry = {
	.name = "train",
	.usage = "[EPOCHS] [key=value...]",
	.summary = N_("train the net, e.g. train 50 lambda=0.01"),
	.help = N_("EPOCHS: 1..100000 (default: the epochs setting)\n"
	    "key=value: any setting that acts at once (see 'help set'), but "
	    "epochs; holds for this run only\n"
	    "Early stopping: early=on stops after 'patience' epochs without "
	    "an improvement larger than min_delta, and with restore=on puts "
	    "back the best weights (set early on; patience 5 by default)."),
	.min_args = 0,
	.max_args = 21,
	.flags = CMD_MUTATES,
	.complete = train_complete,
	.exec = train_exec,
};

/* eval's modes: evaluation mode (0), training mode over a pass (1); and
 * 2, "eval test": the held-out test split. */
static const char *const eval_modes[] = { "eval", "train", NULL };

static const char *const *
eval_complete(int argi, const char *prev)
{
	static const char *const keys[] = { "mode=eval", "mode=train", "test",
	    NULL };

	(void)prev;
	return argi == 0 ? keys : NULL;
}

static int
eval_exec(struct cmd_ctx *c)
{
	struct measure m;
	char err[256], key[16], a[2][32];
	const char *v;
	int mode = 0;
	double tl;

	if (c->argc > 1 && strcmp(c->argv[1].s, "test") == 0)
		mode = 2;
	else if (c->argc > 1) {
		if (strchr(c->argv[1].s, '=') == NULL)
			return cmd_error(c, 1, _("unknown argument '%s' (allowed: "
			    "test, mode=eval|train)"), c->argv[1].s);
		if (arg_keyval(c, 1, key, sizeof key, &v) != 0)
			return CMD_ERROR;
		if (strcmp(key, "mode") != 0)
			return cmd_error(c, 1, _("unknown key '%s' (allowed: "
			    "mode=eval|train)"), key);
		if (arg_enum(c, 1, "mode", v, eval_modes, &mode) != 0)
			return CMD_ERROR;
	}
	if (c->s == NULL)
		return CMD_OK;
	if (lab_ready(c) != CMD_OK)
		return CMD_ERROR;
	if (mode == 2) {
		const struct nn_dataset *te = c->s->lab.test;
		double acc;

		if (te == NULL || te->n == 0)
			return cmd_error(c, 1, _("no test split (make one with "
			    "'data KIND test=0.2', say)"));
		if (session_query(c->s, "test_loss", &tl) != 0)
			return cmd_error(c, -1, "%s", session_errmsg(c->s));
		fmt_num(a[0], sizeof a[0], tl);
		if (te->task == NN_TASK_CLASSIFICATION &&
		    session_query(c->s, "test_acc", &acc) == 0) {
			fmt_num(a[1], sizeof a[1], acc);
			cmd_out(c, _("eval test: test loss %s, accuracy %s (%d "
			    "held-out rows)"), a[0], a[1], te->n);
		} else
			cmd_out(c, _("eval test: test loss %s (%d held-out rows)"),
			    a[0], te->n);
		return CMD_OK;
	}
	if (lab_measure(&c->s->lab, &m, err, sizeof err) != 0)
		return cmd_error(c, -1, "%s", err);
	if (mode == 0) {
		print_measure(c, _("eval: "), &m);
		return CMD_OK;
	}
	if (session_query(c->s, "train_mode_loss", &tl) != 0)
		return cmd_error(c, -1, "%s", session_errmsg(c->s));
	fmt_num(a[0], sizeof a[0], tl);
	fmt_num(a[1], sizeof a[1], m.train_loss);
	cmd_out(c, _("eval mode=train: train loss %s in training mode (one "
	    "pass in mini-batches of %ld, batch-norm statistics of each "
	    "batch, dropout on), %s in evaluation mode"), a[0],
	    (long)(c->s->lab.cfg.batch < c->s->lab.train->n ?
	    c->s->lab.cfg.batch : c->s->lab.train->n), a[1]);
	return CMD_OK;
}

const struct cmd_entry cmd_eval_entry = {
	.name = "eval",
	.usage = "[test | mode=eval|train]",
	.summary = N_("measure the current net: train and validation loss, "
	    "accuracy, penalty"),
	.help = N_("No training, no change to the net or its history.\n"
	    "Losses in evaluation mode (no dropout, running batch-norm "
	    "statistics); accuracy for classification data.\n"
	    "After an early stop it measures the restored best weights.\n"
	    "mode=train: the training loss in training mode over one pass of "
	    "the training set in mini-batches of the batch setting (batch "
	    "norm on each mini-batch's statistics, dropout masks from a "
	    "generator of the seed), next to the evaluation-mode loss; the "
	    "running statistics and the training's random numbers are not "
	    "touched (metric train_mode_loss).\n"
	    "test: the loss (and accuracy) on the test split of 'data ... "
	    "test=T', rows that training, early stopping and every choice "
	    "leave alone (metrics test_loss, test_acc): look at it once, "
	    "after choosing on validation."),
	.min_args = 0,
	.max_args = 1,
	.complete = eval_complete,
	.exec = eval_exec,
};

static int
step_exec(struct cmd_ctx *c)
{
	struct lab *l;
	int n, *idx;
	double loss;
	char err[256], a[32];

	if (c->s == NULL)
		return CMD_OK;
	if (lab_ready(c) != CMD_OK)
		return CMD_ERROR;
	l = &c->s->lab;
	n = (int)(l->cfg.batch < l->train->n ? l->cfg.batch : l->train->n);
	idx = xmalloc((size_t)n * sizeof *idx);
	for (int i = 0; i < n; i++)
		idx[i] = (int)nn_rng_below(&c->s->step_rng,
		    (uint64_t)l->train->n);
	if (nn_train_batch(l->net, l->train, idx, n, &loss, err,
	    sizeof err) != 0) {
		free(idx);
		return cmd_error(c, -1, "%s", err);
	}
	free(idx);
	fmt_num(a, sizeof a, loss);
	cmd_out(c, _("step: one update on a mini-batch of %d, batch loss %s "
	    "before it"), n, a);
	return CMD_OK;
}

const struct cmd_entry cmd_step_entry = {
	.name = "step",
	.usage = "",
	.summary = N_("one optimizer update on one random mini-batch"),
	.help = N_("The rows are drawn with the session seed; the history is not "
	    "changed."),
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_MUTATES,
	.exec = step_exec,
};
