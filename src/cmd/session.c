#include "config.h"
/*
 * session.c - the state every command acts on, and the views of it that
 * the TUI and the lessons read (status, metric queries, the last chart).
 *
 * The lab itself (settings, data, net) and its operations are lab.c's.
 * The learner's settings are one engine config (struct nn_config), kept
 * whether or not a net exists, so "set" never needs one; a net gets them
 * when it is built and whenever they change.  Undo keeps full copies of
 * the lab (settings, data, net), taken by the interpreter before each
 * mutating command.
 */

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/grid.h"
#include "cmd/session-int.h"
#include "util/i18n.h"

/* ------------------------------------------------------------ lifecycle */

/* The lab part of a new session: default settings with seed, no data,
 * no net, no last training status; step_rng seeded. */
static void
session_init_lab(struct session *s, unsigned long seed)
{
	s->lab.cfg = nn_config_default();
	s->lab.cfg.seed = seed & 0x7fffffff;
	s->lab.ds.kind = -1;
	s->last_status = -1;
	nn_rng_seed(&s->step_rng, s->lab.cfg.seed);
}

struct session *
session_new(unsigned long seed)
{
	struct session *s;
	char err[256];

	/* a kind without its table row is a build mistake: refuse to start */
	if (nn_kinds_check(err, sizeof err) != 0) {
		fprintf(stderr, "regtutor: internal error: %s\n", err);
		abort();
	}
	s = xcalloc(1, sizeof *s);
	/* ^C stops the engine's long passes too (gradients, statistics) */
	nn_set_interrupt(&cmd_interrupt);
	s->glyphs = CMD_GLYPH_ASCII;
	s->colors = CMD_COLOR_NONE;
	s->width = 72;
	s->height = 16;
	session_init_lab(s, seed);
	return s;
}

/* Everything a session owns, released; the struct itself stays. */
static void
session_release(struct session *s)
{
	lab_done(&s->lab);
	for (int i = 0; i < s->nundo; i++) {
		lab_done(s->undo[i]);
		free(s->undo[i]);
		free(s->undo_what[i]);
	}
	s->nundo = 0;
	plot_clear(&s->plot);
	sweep_clear(&s->sweep);
}

void
session_free(struct session *s)
{
	if (s == NULL)
		return;
	session_release(s);
	free(s->lesson_data);
	free(s);
}

void
session_restart(struct session *s, unsigned long seed)
{
	int glyphs = s->glyphs, colors = s->colors, width = s->width,
	    height = s->height;
	cmd_epoch_fn hook = s->hook;
	void *hook_ctx = s->hook_ctx;
	char *lesson_data = s->lesson_data;

	session_release(s);
	memset(s, 0, sizeof *s);
	s->lesson_data = lesson_data;
	s->glyphs = glyphs;
	s->colors = colors;
	s->width = width;
	s->height = height;
	s->hook = hook;
	s->hook_ctx = hook_ctx;
	session_init_lab(s, seed);
}

void
session_set_lesson_data(struct session *s, const char *dir)
{
	char *d = dir != NULL ? xstrdup(dir) : NULL;

	free(s->lesson_data);
	s->lesson_data = d;
}

void
session_set_render(struct session *s, int glyphs, int colors, int width,
    int height)
{
	if (glyphs >= CMD_GLYPH_ASCII && glyphs <= CMD_GLYPH_BRAILLE)
		s->glyphs = glyphs;
	if (colors >= CMD_COLOR_NONE && colors <= CMD_COLOR_256)
		s->colors = colors;
	if (width >= 20)
		s->width = width > 400 ? 400 : width;
	if (height >= 6)
		s->height = height > 200 ? 200 : height;
}

struct chart_tiers
session_tiers(const struct session *s)
{
	struct chart_tiers t;

	t.glyphs = (enum chart_glyphs)s->glyphs;
	t.colors = (enum chart_colors)s->colors;
	return t;
}

void
session_set_epoch_hook(struct session *s, cmd_epoch_fn fn, void *ctx)
{
	s->hook = fn;
	s->hook_ctx = ctx;
}

const char *
session_errmsg(const struct session *s)
{
	return s->errmsg;
}

void
session_push_undo_lab(struct session *s, struct lab *l, char *what)
{
	if (s->nundo == UNDO_MAX) {
		lab_done(s->undo[0]);
		free(s->undo[0]);
		free(s->undo_what[0]);
		memmove(s->undo, s->undo + 1, (UNDO_MAX - 1) * sizeof s->undo[0]);
		memmove(s->undo_what, s->undo_what + 1,
		    (UNDO_MAX - 1) * sizeof s->undo_what[0]);
		s->nundo--;
	}
	s->undo_what[s->nundo] = what;
	s->undo[s->nundo++] = l;
}

/* ------------------------------------------------------------ net */

void
session_set_net(struct session *s, struct nn_net *net)
{
	nn_net_free(s->lab.net);
	s->lab.net = net;
	s->lab.run_loss = NULL;
	s->last_status = -1;
}

void
net_skip_layers(const struct nn_net *net, char *buf, size_t len)
{
	size_t n = 0;
	int cnt = 0;

	buf[0] = '\0';
	for (int k = 0; k < nn_net_nlayers(net); k++)
		if (nn_net_skip(net, k)) {
			int w = snprintf(buf + n, len - n, "%s%d", cnt ? ", " :
			    "", k + 1);

			if (w < 0 || (size_t)w >= len - n)
				break;
			n += (size_t)w;
			cnt++;
		}
}

/* ------------------------------------------------------------ training */

struct train_ctx {
	struct session *s;
	int epochs;
	int first;		/* history length before the run */
	const struct lab *l;
	struct nn_net *net;
};

static int
train_cb(void *vctx, const struct nn_epoch *e)
{
	struct train_ctx *ctx = vctx;
	struct cmd_epoch_info info;

	if (ctx->s->hook == NULL)
		return 0;
	memset(&info, 0, sizeof info);
	info.epoch = e->epoch - ctx->first;
	info.epochs = ctx->epochs;
	info.total_epochs = e->epoch;
	info.train_loss = e->train_loss;
	info.val_loss = e->val_loss;
	info.penalty = e->penalty;
	info.own = ctx->net == ctx->s->lab.net;
	info.loss = nn_loss_name(nn_net_config(ctx->net)->loss);
	info.best_epoch = nn_net_best(ctx->net, &info.best_val_loss);
	return ctx->s->hook(ctx->s->hook_ctx, &info);
}

int
session_train(struct session *s, struct nn_net *net, const struct lab *l,
    int epochs, struct nn_train_result *res, char *err, size_t errlen)
{
	struct train_ctx ctx;
	const struct nn_epoch *h;

	ctx.s = s;
	ctx.epochs = epochs;
	ctx.first = nn_net_history(net, &h);
	ctx.l = l;
	ctx.net = net;
	return nn_train(net, l->train, l->val && l->val->n > 0 ? l->val : NULL,
	    epochs, train_cb, &ctx, &cmd_interrupt, res, err, errlen);
}

/* ------------------------------------------------------------ status */

/* lab_measure() of the net as it stands in the loss of its last train
 * run (lab.run_loss), so the status line's numbers are those train
 * printed; the net's settings are put back. */
static int
status_measure(struct lab *l, struct measure *m, char *err, size_t errlen)
{
	struct nn_config orig = *nn_net_config(l->net), cf = orig;
	int loss, rc;

	if (l->run_loss == NULL ||
	    strcmp(l->run_loss, nn_loss_name(orig.loss)) == 0 ||
	    (loss = nn_loss_from_name(l->run_loss)) < 0)
		return lab_measure(l, m, err, errlen);
	cf.loss = (enum nn_loss)loss;
	if (nn_net_set_config(l->net, &cf, err, errlen) != 0)
		return -1;
	rc = lab_measure(l, m, err, errlen);
	nn_net_set_config(l->net, &orig, NULL, 0);
	return rc;
}

void
session_get_status(struct session *s, struct session_status *st)
{
	const struct nn_config *p = &s->lab.cfg;
	const struct nn_epoch *h;
	struct measure m;
	char err[256];

	memset(st, 0, sizeof *st);
	st->lambda = p->lambda;
	st->reg = nn_reg_name(p->reg);
	st->act = nn_act_name(p->act);
	st->norm = nn_norm_name(p->norm);
	st->opt = nn_opt_name(p->opt);
	st->lr = p->lr;
	st->penalty = NAN;
	st->train_loss = st->val_loss = NAN;
	if (s->lab.net != NULL && nn_net_history(s->lab.net, &h) > 0 &&
	    status_measure(&s->lab, &m, err, sizeof err) == 0) {
		st->train_loss = m.train_loss;
		st->val_loss = m.val_loss;
	}
	st->have_data = s->lab.all != NULL;
	st->have_net = s->lab.net != NULL;
	if (s->lab.net != NULL) {
		st->epoch = nn_net_history(s->lab.net, &h);
		st->loss = s->lab.run_loss != NULL ? s->lab.run_loss :
		    nn_loss_name(nn_net_config(s->lab.net)->loss);
		st->penalty = nn_net_penalty(s->lab.net,
		    s->lab.train ? s->lab.train->n : 0);
		nn_net_spec(s->lab.net, st->spec, sizeof st->spec);
	}
	if (s->lab.all != NULL)
		snprintf(st->data, sizeof st->data, "%s",
		    s->lab.ds.kind >= 0 ? nn_dataset_kind_name(s->lab.ds.kind) :
		    "csv");
}

int
session_render_chart(struct session *s, struct grid *g)
{
	return session_render_chart_thick(s, g, 0);
}

int
session_render_chart_thick(struct session *s, struct grid *g, int thick)
{
	if (s->plot.kind == PLOT_NONE) {
		grid_clear(g);
		return -1;
	}
	plot_render(s, &s->plot, g, thick);
	return 0;
}

/* ------------------------------------------------------------ queries */

/* The metrics, in the order 'help get' and the manuals list them (cmd.h
 * says what each means). */
static const char *const query_names[] = {
	"train_loss", "val_loss", "train_mode_loss", "best_val_loss",
	"best_epoch", "epochs_trained", "stopped_early", "diverged", "penalty",
	"lambda", "w_norm", "w_dist_init", "zero_frac", "small_frac", "acc", "val_acc",
	"test_loss", "test_acc", "grad_norm", "grad_norm.K", "grad_ratio", "sat.K", "dead.K",
	"mean_val.K", "sd_val.K", "mean_best_val.K", "sd_best_val.K",
	"mean_train.K", "sd_train.K", "mean_test.K", "sd_test.K", "wins",
	"lowest.K", "chosen_val", "chosen_test", NULL
};

static int qfail(struct session *s, const char *fmt, ...) PRINTF_LIKE(2, 3);

static int
qfail(struct session *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->errmsg, sizeof s->errmsg, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * The metrics of the last sweep/compare with seeds=N (or of setting
 * bundles): value K's mean or sd over the seeds, on how many seeds it had
 * the lowest val loss, and wins.  1 when name is one of them (*out set, or
 * -1 returned through *rc with the message), 0 when it is not.
 */
static int
seeds_query(struct session *s, const char *name, double *out, int *rc)
{
	const struct sweep *sw = &s->sweep;
	const struct {
		const char *prefix;
		const double *v;
	} stats[] = {
		{ "mean_val", sw->mean_val }, { "sd_val", sw->sd_val },
		{ "mean_best_val", sw->mean_best_val },
		{ "sd_best_val", sw->sd_best_val },
		{ "mean_train", sw->mean_train }, { "sd_train", sw->sd_train },
		{ "mean_test", sw->mean_test }, { "sd_test", sw->sd_test },
	};
	double low[SWEEP_MAX];
	const double *v = NULL;
	long k = 0;

	*rc = -1;
	for (int i = 0; i < SWEEP_MAX; i++)
		low[i] = sw->lowest[i];
	if (strncmp(name, "lowest.", 7) == 0) {
		v = low;
		if (parse_long(name + 7, &k) != 0)
			k = 0;
	} else if (strcmp(name, "wins") != 0) {
		for (size_t i = 0; i < COUNT(stats) && v == NULL; i++) {
			size_t n = strlen(stats[i].prefix);

			if (strncmp(name, stats[i].prefix, n) == 0 &&
			    name[n] == '.')
				v = stats[i].v;
			if (v != NULL && parse_long(name + n + 1, &k) != 0)
				k = 0;
		}
		if (v == NULL)
			return 0;
	}
	if (sw->nseeds == 0) {
		qfail(s, _("%s: no sweep or compare with seeds=N yet (e.g. "
		    "'compare lambda 0 0.01 seeds=10')"), name);
		return 1;
	}
	if (v == NULL) {
		if (!sw->compare) {
			qfail(s, _("wins: only after a compare with seeds=N"));
			return 1;
		}
		*out = sw->wins;
	} else {
		if (k < 1 || k > sw->n) {
			qfail(s, _("%s: no such value (the last %s had %d: 1 "
			    "to %d)"), name, sw->compare ? "compare" : "sweep",
			    sw->n, sw->n);
			return 1;
		}
		*out = v[k - 1];
		if (isnan(*out)) {
			qfail(s, _("%s: not a number (%s)"), name,
			    v == sw->mean_test || v == sw->sd_test ?
			    _("no test split when it ran?") :
			    _("no validation split?"));
			return 1;
		}
	}
	*rc = 0;
	return 1;
}

const char *const *
session_query_names(void)
{
	return query_names;
}

/* Parses "grad_norm.3" style names: returns K (1-based) or 0. */
static int
layer_suffix(const char *name, const char *prefix)
{
	size_t n = strlen(prefix);
	long k;

	if (strncmp(name, prefix, n) != 0 || name[n] != '.')
		return 0;
	if (parse_long(name + n + 1, &k) != 0 || k < 1 || k > NN_MAX_LAYERS)
		return -1;
	return (int)k;
}

static double
small_share(struct nn_net *net)
{
	long n = 0, small = 0;

	for (int k = 0; k < nn_net_nlayers(net); k++) {
		int in, out;
		const double *w = nn_net_weights(net, k, &in, &out);

		for (long i = 0; i < (long)in * out; i++) {
			n++;
			small += fabs(w[i]) < 1e-3;
		}
	}
	return n ? (double)small / (double)n : 0;
}

int
session_query(struct session *s, const char *name, double *out)
{
	struct lab *l = &s->lab;
	const struct nn_epoch *h;
	struct nn_layer_stats st[NN_MAX_LAYERS];
	char err[256];
	int k = 0, n;

	s->errmsg[0] = '\0';
	if (strcmp(name, "lambda") == 0) {
		*out = l->cfg.lambda;
		return 0;
	}
	if (strcmp(name, "stopped_early") == 0 ||
	    strcmp(name, "diverged") == 0) {
		if (s->last_status < 0)
			return qfail(s, _("%s: nothing trained yet"), name);
		*out = name[0] == 's' ? s->last_status == NN_TRAIN_EARLY_STOP :
		    s->last_status == NN_TRAIN_DIVERGED;
		return 0;
	}
	{
		int known = 0;

		for (int i = 0; query_names[i] != NULL; i++) {
			const char *dot = strchr(query_names[i], '.');
			size_t len = dot ? (size_t)(dot - query_names[i]) :
			    strlen(query_names[i]);

			if (dot ? strncmp(name, query_names[i], len) == 0 &&
			    name[len] == '.' :
			    strcmp(name, query_names[i]) == 0)
				known = 1;
		}
		if (!known)
			return qfail(s, _("unknown metric '%s'"), name);
	}
	{
		int rc;

		if (seeds_query(s, name, out, &rc))
			return rc;
	}
	if (strcmp(name, "chosen_val") == 0 ||
	    strcmp(name, "chosen_test") == 0) {
		if (s->sweep.n == 0)
			return qfail(s, _("%s: no sweep or compare yet (e.g. "
			    "'sweep lambda 0 0.01 0.1')"), name);
		*out = name[7] == 'v' ? s->sweep.chosen_val :
		    s->sweep.chosen_test;
		if (isnan(*out))
			return qfail(s, "%s: %s", name, name[7] == 'v' ?
			    _("no run of the last sweep has a val loss") :
			    _("the last sweep ran without a test split (make "
			    "one with 'data KIND test=0.2', say)"));
		return 0;
	}
	if (l->net == NULL)
		return qfail(s, _("%s: no network yet"), name);
	n = nn_net_history(l->net, &h);
	if (strcmp(name, "epochs_trained") == 0) {
		*out = n;
		return 0;
	}
	if (strcmp(name, "w_norm") == 0) {
		*out = nn_net_weight_norm(l->net);
		return 0;
	}
	if (strcmp(name, "w_dist_init") == 0) {
		*out = nn_net_init_distance(l->net);
		return 0;
	}
	if (strcmp(name, "zero_frac") == 0) {
		*out = nn_net_zero_share(l->net);
		return 0;
	}
	if (strcmp(name, "small_frac") == 0) {
		*out = small_share(l->net);
		return 0;
	}
	if (strcmp(name, "train_loss") == 0 || strcmp(name, "val_loss") == 0) {
		struct measure m;

		/* the net as it stands (restored best weights included) */
		if (lab_measure(l, &m, err, sizeof err) != 0)
			return qfail(s, "%s: %s", name, err);
		*out = name[0] == 't' ? m.train_loss : m.val_loss;
		if (isnan(*out))
			return qfail(s, "%s: %s", name, name[0] == 't' ?
			    _("the loss is not a number (diverged?)") :
			    _("no validation split"));
		return 0;
	}
	if (strcmp(name, "train_mode_loss") == 0) {
		if (l->train == NULL)
			return qfail(s, _("%s: no data yet"), name);
		if (nn_net_evaluate_train_mode(l->net, l->train, l->cfg.batch,
		    l->cfg.seed, out, err, sizeof err) != 0)
			return qfail(s, "%s: %s", name, err);
		return 0;
	}
	if (strcmp(name, "best_val_loss") == 0 ||
	    strcmp(name, "best_epoch") == 0) {
		double best;
		int be = nn_net_best(l->net, &best);

		if (be == 0)
			return qfail(s, _("%s: nothing trained yet"), name);
		*out = name[5] == 'v' ? best : be;
		return 0;
	}
	if (l->train == NULL)
		return qfail(s, _("%s: no data yet"), name);
	if (strcmp(name, "penalty") == 0) {
		*out = nn_net_penalty(l->net, l->train->n);
		return 0;
	}
	if (strcmp(name, "test_loss") == 0 || strcmp(name, "test_acc") == 0) {
		double loss, acc;

		if (l->test == NULL || l->test->n == 0)
			return qfail(s, _("%s: no test split (make one with "
			    "'data KIND test=0.2', say)"), name);
		if (nn_net_nin(l->net) != l->test->nin ||
		    nn_net_evaluate(l->net, l->test, &loss, &acc, err,
		    sizeof err) != 0)
			return qfail(s, _("%s: the network does not fit the data"),
			    name);
		*out = name[5] == 'l' ? loss : acc;
		if (isnan(*out))
			return qfail(s, "%s: %s", name, name[5] == 'l' ?
			    _("the loss is not a number (diverged?)") :
			    _("accuracy needs classification data"));
		return 0;
	}
	if (strcmp(name, "acc") == 0 || strcmp(name, "val_acc") == 0) {
		const struct nn_dataset *d = name[0] == 'a' ? l->train : l->val;
		double loss, acc;

		if (d == NULL || d->n == 0)
			return qfail(s, _("%s: no validation split"), name);
		if (nn_net_nin(l->net) != d->nin ||
		    nn_net_evaluate(l->net, d, &loss, &acc, err,
		    sizeof err) != 0)
			return qfail(s, _("%s: the network does not fit the data"),
			    name);
		if (isnan(acc))
			return qfail(s, _("%s: accuracy needs classification data"),
			    name);
		*out = acc;
		return 0;
	}
	if (nn_net_nin(l->net) != l->train->nin)
		return qfail(s, _("%s: the network does not fit the data"), name);
	if (strcmp(name, "grad_norm") == 0) {
		/* all parameters, full batch, unclipped: what clip compares */
		if (nn_net_gradients(l->net, l->train, err, sizeof err) != 0)
			return qfail(s, _("%s: gradient evaluation failed"), name);
		*out = nn_net_grad_norm(l->net);
		return 0;
	}
	if (strcmp(name, "grad_ratio") == 0 ||
	    (k = layer_suffix(name, "grad_norm")) != 0) {
		int nl = nn_net_nlayers(l->net);

		if (strcmp(name, "grad_ratio") != 0 && (k < 0 || k > nl))
			return qfail(s, _("%s: no such layer"), name);
		if (nn_net_gradients(l->net, l->train, err, sizeof err) != 0 ||
		    nn_net_stats(l->net, NULL, st, err, sizeof err) != 0)
			return qfail(s, _("%s: gradient evaluation failed"), name);
		if (strcmp(name, "grad_ratio") == 0)
			*out = st[nl - 1].grad_norm > 0 ?
			    st[0].grad_norm / st[nl - 1].grad_norm : NAN;
		else
			*out = st[k - 1].grad_norm;
		return 0;
	}
	if ((k = layer_suffix(name, "sat")) != 0 ||
	    (k = layer_suffix(name, "dead")) != 0) {
		int nl = nn_net_nlayers(l->net);

		if (k < 0 || k >= nl)
			return qfail(s, _("%s: no such hidden layer"), name);
		if (nn_net_stats(l->net, l->train, st, err, sizeof err) != 0)
			return qfail(s, _("%s: statistics failed"), name);
		*out = name[0] == 's' ? st[k - 1].act_sat : st[k - 1].act_dead;
		if (isnan(*out))
			return name[0] == 's' ?
			    qfail(s, _("%s: saturation is defined for tanh and "
			    "sigmoid"), name) :
			    qfail(s, _("%s: dead units are defined for relu"),
			    name);
		return 0;
	}
	return qfail(s, _("unknown metric '%s'"), name);
}
