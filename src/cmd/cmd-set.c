#include "config.h"
/*
 * cmd-set.c - "set", "get" and "show": settings and what the lab holds.
 *
 * Each setting's row in the engine's table says when it acts on a live
 * net: at once; at the next "reset" (init, init_scale, seed); or, when it
 * changes what the net computes (act, norm, skip, ...), by rebuilding the
 * net with fresh weights from the seed.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

/* Is command i of the line a well-formed "set KEY VALUE"? */
static int
is_set(const struct cmd_ctx *c, int i)
{
	return i >= 0 && i < c->line_n && c->line_cmds[i].n == 3 &&
	    strcmp(c->line_cmds[i].v[0].s, "set") == 0;
}

/*
 * "set lambda 0.1; set reg l1" must not warn that lambda has no effect:
 * a run of sets on one line is judged as a whole, by its last set, once
 * every setting of the run is in place (each key once).
 */
static void
note_inert_run(struct cmd_ctx *c, const struct nn_config *p)
{
	int first = c->line_i;

	if (c->line_cmds == NULL) {
		param_note_inert(c, p, c->argv[1].s);
		return;
	}
	if (is_set(c, c->line_i + 1))
		return;		/* a later set of the run speaks */
	while (is_set(c, first - 1))
		first--;
	for (int i = first; i <= c->line_i; i++) {
		const struct nn_setting *d =
		    param_find(c->line_cmds[i].v[1].s);
		int again = 0;

		for (int j = i + 1; j <= c->line_i && !again; j++)
			again = param_find(c->line_cmds[j].v[1].s) == d;
		if (d != NULL && !again)
			param_note_inert(c, p, d->name);
	}
}

/*
 * The net follows a changed setting as the table's row says: at once, at
 * the next reset (said so), or, for a setting that changes what the net
 * computes, by a rebuild with fresh weights from the seed (said so: the
 * trained weights are gone, as with 'net').
 */
static int
set_exec(struct cmd_ctx *c)
{
	const struct nn_setting *d = param_find(c->argv[1].s);
	struct nn_config cfg;
	char err[256], buf[64];

	if (d == NULL)
		return param_unknown(c, 1, c->argv[1].s, 0);
	cfg = c->s != NULL ? c->s->lab.cfg : nn_config_default();
	if (param_parse(c, 2, d, c->argv[2].s, &cfg) != 0)
		return CMD_ERROR;
	if (c->s == NULL)
		return CMD_OK;
	if (c->s->lab.net != NULL && (d->flags & NN_SETTING_REBUILD)) {
		struct nn_net *net = lab_new_net(&c->s->lab, c->s->lab.spec,
		    &cfg, err, sizeof err);
		char sk[96];

		if (net == NULL)
			return cmd_error(c, 2, "%s", err);
		session_set_net(c->s, net);
		cmd_info(c, _("%s changes %s: net %s rebuilt with fresh "
		    "weights"), d->name, d->flags & NN_SETTING_SHAPE ?
		    _("the network's layers") : _("what the network computes"),
		    c->s->lab.spec);
		net_skip_layers(net, sk, sizeof sk);
		if (sk[0] != '\0' && (d->flags & NN_SETTING_SHAPE))
			cmd_info(c, _("identity skip around layer%s %s"),
			    strchr(sk, ',') ? "s" : "", sk);
	} else if (c->s->lab.net != NULL) {
		struct nn_config cf = lab_config(&c->s->lab, &cfg);

		if (nn_net_set_config(c->s->lab.net, &cf, err,
		    sizeof err) != 0)
			return cmd_error(c, 2, "%s", err);
		if (d->flags & NN_SETTING_RESET)
			cmd_info(c, _("%s takes effect at the next 'reset'"),
			    d->name);
	}
	c->s->lab.cfg = cfg;
	param_format(d, &cfg, buf, sizeof buf);
	cmd_out(c, "%s = %s", d->name, buf);
	note_inert_run(c, &cfg);
	return CMD_OK;
}

const struct cmd_entry cmd_set_entry = {
	.name = "set",
	.usage = "KEY VALUE",
	.summary = N_("change a setting, e.g. set lambda 0.01"),
	.help = N_("KEY: one of the settings below; 'show params' lists them "
	    "with their values.\n"
	    "With a net, a setting marked 'rebuilds the net' (it changes what "
	    "the net computes) builds it anew with fresh weights from the "
	    "seed; one 'used at net/reset' acts at the next 'reset'; the "
	    "others act at once.\n"
	    "opt adamw: the adam step, then w -= lr*wd*w for every weight "
	    "(biases are not decayed); unlike reg l2, whose gradient adam "
	    "divides by its running scale, the decay is the same share for "
	    "every weight.\n"
	    "clip X: before each update the gradient of all parameters is "
	    "scaled to L2 norm X when longer (0: off); see 'get grad_norm'.\n"
	    "input_noise S: each training mini-batch sees its inputs plus "
	    "Gaussian noise of sd S, drawn afresh from the seed's training "
	    "generator; evaluation and the metrics never do.\n"
	    "skip on: every hidden layer as wide as its input adds that input "
	    "to its output (x + f(x), a residual block); rebuilds the net."),
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_MUTATES,
	.complete = param_complete,
	.exec = set_exec,
};

static const char *const *
get_complete(int argi, const char *prev)
{
	static const char *names[96];

	(void)prev;
	if (argi != 0)
		return NULL;
	if (names[0] == NULL) {
		size_t n = 0;
		const char *const *q = session_query_names();

		for (const char *const *p = param_names(); *p != NULL; p++)
			names[n++] = *p;
		for (size_t i = 0; q[i] != NULL && n < COUNT(names) - 1; i++)
			names[n++] = q[i];
	}
	return names;
}

/* Is name a metric ("grad_norm.2" matches "grad_norm.K")? */
static int
is_query(const char *name)
{
	const char *const *q = session_query_names();

	for (int i = 0; q[i] != NULL; i++) {
		const char *dot = strchr(q[i], '.');
		long k;

		if (dot == NULL) {
			if (strcmp(name, q[i]) == 0)
				return 1;
		} else if (strncmp(name, q[i], (size_t)(dot - q[i] + 1)) == 0 &&
		    parse_long(name + (dot - q[i]) + 1, &k) == 0 && k >= 1 &&
		    k <= NN_MAX_LAYERS)
			return 1;
	}
	return 0;
}

/*
 * get of a name that is neither a setting nor a metric: the nearest of
 * both (a metric's ".K" forms by their stem) as the "did you mean", else
 * the settings' message.
 */
static int
get_unknown(struct cmd_ctx *c, const char *name)
{
	const char *const *keys = param_complete(0, NULL);
	const char *const *q = session_query_names();
	char best[32] = "";
	int bestd = 3, d, i;

	for (i = 0; keys[i] != NULL; i++)
		if ((d = edit_distance(keys[i], name)) < bestd) {
			bestd = d;
			snprintf(best, sizeof best, "%s", keys[i]);
		}
	for (i = 0; q[i] != NULL; i++) {
		const char *dot = strchr(q[i], '.');
		char stem[32];

		snprintf(stem, sizeof stem, "%.*s", dot != NULL ?
		    (int)(dot - q[i]) : (int)strlen(q[i]), q[i]);
		if ((d = edit_distance(stem, name)) < bestd) {
			bestd = d;
			snprintf(best, sizeof best, "%s", q[i]);
		}
	}
	if (best[0] != '\0' && param_find(best) == NULL)
		return cmd_error(c, 1, _("unknown setting or metric '%s'; did "
		    "you mean '%s'? (try 'show params' or 'help get')"), name,
		    best);
	return param_unknown(c, 1, name, 1);
}

static int
get_exec(struct cmd_ctx *c)
{
	const struct nn_setting *d = param_find(c->argv[1].s);
	char buf[64];
	double v;

	if (d == NULL && !is_query(c->argv[1].s))
		return get_unknown(c, c->argv[1].s);
	if (c->s == NULL)
		return CMD_OK;
	if (d != NULL) {
		param_format(d, &c->s->lab.cfg, buf, sizeof buf);
		cmd_out(c, "%s = %s", d->name, buf);
		return CMD_OK;
	}
	if (session_query(c->s, c->argv[1].s, &v) != 0)
		return cmd_error(c, 1, "%s", session_errmsg(c->s));
	fmt_num(buf, sizeof buf, v);
	cmd_out(c, "%s = %s", c->argv[1].s, buf);
	return CMD_OK;
}

const struct cmd_entry cmd_get_entry = {
	.name = "get",
	.usage = "KEY|METRIC",
	.summary = N_("print a setting or a metric, e.g. get val_loss"),
	.help = N_("KEY: any setting (see 'show params').\n"
	    "METRIC: train_loss val_loss train_mode_loss best_val_loss "
	    "best_epoch epochs_trained stopped_early diverged penalty lambda "
	    "w_norm w_dist_init zero_frac small_frac acc val_acc test_loss "
	    "test_acc "
	    "grad_norm grad_norm.K "
	    "grad_ratio sat.K dead.K (K: layer number from 1)\n"
	    "grad_norm: the L2 norm of the full-batch gradient of every "
	    "parameter (biases too) on the training rows, unclipped: what "
	    "'set clip' compares; grad_norm.K: of layer K's weights\n"
	    "w_dist_init: the L2 norm of (weights - starting weights), the "
	    "start being what net or reset drew or import read (save and "
	    "load keep it)\n"
	    "test_loss test_acc: on the test split of 'data ... test=T' (see "
	    "'help eval')\n"
	    "train_mode_loss: the training loss in training mode over one "
	    "pass (see 'help eval')\n"
	    "After sweep/compare ... seeds=N or compare BUNDLE...: "
	    "mean_val.K sd_val.K mean_best_val.K sd_best_val.K mean_train.K "
	    "sd_train.K (K: the value's or bundle's position from 1; mean "
	    "and sample sd over the seeds of the final val loss, best val "
	    "loss, train loss), mean_test.K sd_test.K (of the test loss, "
	    "with a test split), lowest.K (seeds where K's val loss is the "
	    "lowest of all), wins (compare: seeds where V2's val loss is "
	    "lower)\n"
	    "After any sweep/compare: chosen_val chosen_test (the run with the "
	    "lowest val loss: its val loss and its test loss; with seeds=N "
	    "chosen on each seed, the means over the seeds)"),
	.min_args = 1,
	.max_args = 1,
	.complete = get_complete,
	.exec = get_exec,
};

/* ------------------------------------------------------------ show */

static const char *const show_what[] = { "params", "net", "stats", "history",
    NULL };

static const char *const *
show_complete(int argi, const char *prev)
{
	(void)prev;
	return argi == 0 ? show_what : NULL;
}

static void
show_params(struct cmd_ctx *c)
{
	const struct nn_setting *d;
	char buf[64], allowed[160];
	int w = 0;

	for (int i = 0; (d = nn_setting_at(i)) != NULL; i++)	/* names */
		if ((int)strlen(d->name) > w)
			w = (int)strlen(d->name);
	for (int i = 0; (d = nn_setting_at(i)) != NULL; i++) {
		param_format(d, &c->s->lab.cfg, buf, sizeof buf);
		param_allowed(d, 0, allowed, sizeof allowed);
		cmd_out(c, "%-*s %-8s %-34s %s", w, d->name, buf, allowed,
		    _(d->help));
	}
}

static void
show_net(struct cmd_ctx *c)
{
	struct nn_net *net = c->s->lab.net;
	const struct nn_config *cf = nn_net_config(net);
	const struct nn_epoch *h;
	char spec[64];

	nn_net_spec(net, spec, sizeof spec);
	cmd_out(c, _("net %s: %ld parameters, %ld weights, %d epochs trained"),
	    spec, nn_net_nparams(net), nn_net_nweights(net),
	    nn_net_history(net, &h));
	for (int k = 0; k < nn_net_nlayers(net); k++) {
		int last = k == nn_net_nlayers(net) - 1;

		cmd_out(c, _("  layer %d: dense %d -> %d%s%s%s%s"), k + 1,
		    nn_net_width(net, k), nn_net_width(net, k + 1),
		    last ? "" : (cf->norm == NN_NORM_BATCH ? _(", batch norm") :
		    cf->norm == NN_NORM_LAYER ? _(", layer norm") : ""),
		    last ? _(", output") : ", ",
		    last ? (cf->loss == NN_LOSS_BCE ? _(" (sigmoid in loss)") :
		    "") : nn_act_name(cf->act),
		    nn_net_skip(net, k) ? _(", + identity skip (x + f(x))") : "");
	}
	{
		/* what is on of the settings that are off by default */
		char more[160] = "";
		size_t n = 0;

		if (cf->opt == NN_OPT_ADAMW)
			n += (size_t)snprintf(more + n, sizeof more - n,
			    ", wd %g", cf->wd);
		if (cf->clip > 0 && n < sizeof more)
			n += (size_t)snprintf(more + n, sizeof more - n,
			    _(", clip %g"), cf->clip);
		if (cf->input_noise > 0 && n < sizeof more)
			snprintf(more + n, sizeof more - n,
			    _(", input noise %g"), cf->input_noise);
		cmd_out(c, _("  loss %s, reg %s, lambda %g, opt %s, lr %g, "
		    "batch %d%s"), nn_loss_name(cf->loss), nn_reg_name(cf->reg),
		    cf->lambda, nn_opt_name(cf->opt), cf->lr, cf->batch, more);
	}
}

static void
show_stats(struct cmd_ctx *c)
{
	struct nn_layer_stats st[NN_MAX_LAYERS];
	struct nn_net *net = c->s->lab.net;
	const struct nn_dataset *d = c->s->lab.train;
	char err[256], a[6][24];

	if (d != NULL && d->nin != nn_net_nin(net))
		d = NULL;
	if (nn_net_stats(net, d, st, err, sizeof err) != 0) {
		cmd_error(c, 1, "%s", err);
		return;
	}
	cmd_out(c, "layer  shape      w_mean     w_std      zero   small  "
	    "act_std    sat    dead");
	for (int k = 0; k < nn_net_nlayers(net); k++) {
		fmt_num(a[0], sizeof a[0], st[k].w_mean);
		fmt_num(a[1], sizeof a[1], st[k].w_std);
		fmt_num(a[2], sizeof a[2], st[k].act_std);
		snprintf(a[3], sizeof a[3], "%d-%d", st[k].in, st[k].out);
		fmt_measure(a[4], sizeof a[4], st[k].act_sat);
		fmt_measure(a[5], sizeof a[5], st[k].act_dead);
		cmd_out(c, "%-6d %-10s %-10s %-10s %-6.3f %-6.3f %-10s %-6s %s",
		    k + 1, a[3], a[0], a[1], st[k].frac_zero, st[k].frac_small,
		    a[2], a[4], a[5]);
	}
	fmt_num(a[0], sizeof a[0], nn_net_weight_norm(net));
	cmd_out(c, _("|w| = %s, zero share %.3f"), a[0], nn_net_zero_share(net));
}

static void
show_history(struct cmd_ctx *c)
{
	const struct nn_epoch *h;
	int n = nn_net_history(c->s->lab.net, &h), acc = 0;
	char a[5][24];

	if (n == 0) {
		cmd_out(c, _("no epochs trained yet"));
		return;
	}
	/* accuracy columns only where there is an accuracy (not for
	 * regression); a missing one is a dash, never "nan" */
	for (int i = 0; i < n && !acc; i++)
		acc = !isnan(h[i].train_acc) || !isnan(h[i].val_acc);
	cmd_out(c, "epoch  train_loss  val_loss    penalty%s",
	    acc ? "     train_acc  val_acc" : "");
	for (int i = 0; i < n; i++) {
		/* long runs: the first 5 and the last 15 epochs */
		if (n > 25 && i == 5) {
			cmd_out(c, _("...    (%d epochs not shown; 'export history "
			    "FILE' has them all)"), n - 20);
			i = n - 15;
		}
		fmt_num(a[0], sizeof a[0], h[i].train_loss);
		fmt_num(a[1], sizeof a[1], h[i].val_loss);
		fmt_num(a[2], sizeof a[2], h[i].penalty);
		fmt_num(a[3], sizeof a[3], h[i].train_acc);
		fmt_num(a[4], sizeof a[4], h[i].val_acc);
		if (isnan(h[i].train_acc))
			snprintf(a[3], sizeof a[3], "-");
		if (isnan(h[i].val_acc))
			snprintf(a[4], sizeof a[4], "-");
		if (acc)
			cmd_out(c, "%-6d %-11s %-11s %-11s %-10s %s",
			    h[i].epoch, a[0], a[1], a[2], a[3], a[4]);
		else
			cmd_out(c, "%-6d %-11s %-11s %s", h[i].epoch, a[0],
			    a[1], a[2]);
	}
}

static int
show_exec(struct cmd_ctx *c)
{
	int what;

	if (arg_enum(c, 1, "WHAT", c->argv[1].s, show_what, &what) != 0)
		return CMD_ERROR;
	if (c->s == NULL)
		return CMD_OK;
	if (what == 0) {
		show_params(c);
		return CMD_OK;
	}
	if (c->s->lab.net == NULL)
		return cmd_error(c, 1, _("no network yet (use 'net SPEC' first)"));
	if (what == 1)
		show_net(c);
	else if (what == 2)
		show_stats(c);
	else
		show_history(c);
	return c->failed ? CMD_ERROR : CMD_OK;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "params|net|stats|history",
	.summary = N_("list settings, the network, per-layer statistics, history"),
	.help = N_("params: every setting with its value and allowed values\n"
	    "net: layers and shapes; stats: weights and activations per layer "
	    "(on the training rows)\nhistory: losses per epoch (long runs: "
	    "the first 5 and the last 15)"),
	.min_args = 1,
	.max_args = 1,
	.complete = show_complete,
	.exec = show_exec,
};
