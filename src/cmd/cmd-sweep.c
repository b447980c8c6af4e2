#include "config.h"
/*
 * cmd-sweep.c - "sweep" and "compare": the same experiment once per value.
 *
 * Every run builds a fresh net from the session's spec, settings and seed
 * with one setting changed, and trains it for the epochs setting on the
 * session's data.  compare also takes bundles of settings ("reg=l2
 * lambda=0.01", n=256 for more generated data, none), several changed
 * together per run.  With seeds=N every value or bundle runs on N seeds
 * and the results are means and spreads.  The session's own net, data and
 * settings are left as they were; only the results (kept for "plot sweep"
 * and the metrics) and the last chart change.
 */

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

/* The figures of one finished run of net (trained on l's data) into r. */
static void
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
	for (int i = 0; i < n; i++) {
		r->hist_train[i] = h[i].train_loss;
		r->hist_val[i] = h[i].val_loss;
	}
	r->best_epoch = nn_net_best(net, &r->best_val_loss);
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
	/* the test split, read once per run and shown only for the run
	 * chosen on validation (sweep_choose) */
	r->test_loss = NAN;
	if (n > 0 && l->test != NULL && l->test->n > 0) {
		double loss, acc;

		if (nn_net_evaluate(net, l->test, &loss, &acc, err,
		    sizeof err) == 0)
			r->test_loss = loss;
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

/* ------------------------------------------------------------ the choice */

/* The widest table line: the output pane of an 80-column terminal (the
 * shell gives the output the full width at 80x24). */
#define TABLE_WIDTH 80

/* A table's columns: nrow rows (row 0 the header) of ncol cells,
 * cell[r * ncol + k]. */
#define TABLE_MAXCOL 16

/* The widths of the columns (w[ncol]) by display width, and the width of
 * the widest line with gap spaces between columns. */
static int
table_width(char *const *cell, int nrow, int ncol, int gap, int *w)
{
	int total = gap * (ncol - 1);

	for (int k = 0; k < ncol; k++) {
		w[k] = 0;
		for (int r = 0; r < nrow; r++) {
			int cw = utf8_width(cell[r * ncol + k], (size_t)-1);

			if (cw > w[k])
				w[k] = cw;
		}
		total += w[k];
	}
	return total;
}

/*
 * Prints the table, left-aligned in columns as wide as their widest cell
 * by display width (Hangul takes two columns, so Korean headers line up),
 * two spaces apart, or one when two would make it wider than
 * TABLE_WIDTH; the last column unpadded.  Frees the cells.
 */
static void
table_out(struct cmd_ctx *c, char **cell, int nrow, int ncol)
{
	int w[TABLE_MAXCOL], gap = 2;
	struct strbuf line;

	assert(ncol <= TABLE_MAXCOL);
	if (table_width(cell, nrow, ncol, gap, w) > TABLE_WIDTH)
		gap = 1;
	table_width(cell, nrow, ncol, gap, w);
	for (int r = 0; r < nrow; r++) {
		strbuf_init(&line);
		for (int k = 0; k < ncol; k++) {
			const char *s = cell[r * ncol + k];

			strbuf_adds(&line, s);
			if (k + 1 < ncol)
				strbuf_addf(&line, "%*s", w[k] + gap -
				    utf8_width(s, (size_t)-1), "");
		}
		cmd_out(c, "%s", line.s);
		strbuf_done(&line);
	}
	for (int i = 0; i < nrow * ncol; i++)
		free(cell[i]);
}

/* Index of the lowest of v[0..n-1], the first on a tie, NaN never
 * chosen; -1 when every value is NaN. */
static int
argmin(const double *v, int n)
{
	int best = -1;

	for (int i = 0; i < n; i++)
		if (!isnan(v[i]) && (best < 0 || v[i] < v[best]))
			best = i;
	return best;
}

/* "chosen on validation: ..." when the data has a test split: the only
 * place a sweep shows a test loss, so the test rows judge the choice and
 * never make it. */
static void
report_choice(struct cmd_ctx *c, const struct sweep *sw, const struct lab *l)
{
	char a[32], b[32], ms[2][72];

	if (l->test == NULL || l->test->n == 0)
		return;
	if (sw->nseeds == 0) {
		if (sw->chosen < 0)
			return;
		fmt_num(a, sizeof a, sw->chosen_val);
		fmt_num(b, sizeof b, sw->chosen_test);
		cmd_out(c, _("chosen on validation: %s %s (val loss %s); its test "
		    "loss %s"), sw->key, sw->r[sw->chosen].value, a, b);
		return;
	}
	if (isnan(sw->chosen_val))
		return;
	fmt_num(a, sizeof a, sw->chosen_val);
	fmt_num(b, sizeof b, sw->sd_chosen_val);
	snprintf(ms[0], sizeof ms[0], "%s +- %s", a, b);
	fmt_num(a, sizeof a, sw->chosen_test);
	fmt_num(b, sizeof b, sw->sd_chosen_test);
	snprintf(ms[1], sizeof ms[1], "%s +- %s", a, b);
	cmd_out(c, _("chosen on validation, seed by seed: val loss %s; the "
	    "chosen runs' test loss %s"), ms[0], ms[1]);
}

/* ------------------------------------------------------------ seeds=N */

/* Mean and sample standard deviation (n - 1) of v[0..n-1]; sd NAN for
 * n < 2. */
static void
mean_sd(const double *v, int n, double *mean, double *sd)
{
	double m = 0, q = 0;

	for (int i = 0; i < n; i++)
		m += v[i];
	m = n > 0 ? m / n : NAN;
	for (int i = 0; i < n; i++)
		q += (v[i] - m) * (v[i] - m);
	*mean = m;
	*sd = n > 1 ? sqrt(q / (n - 1)) : NAN;
}

/*
 * The lab a run on seed uses: the session's data regenerated with seed
 * when regen (generated data whose seed is the session seed), made anew
 * with n rows when n > 0 (a bundle's n=N: generated data only, with seed
 * when regen, else with the data's own seed), else the session's own
 * (shared, not copied).  Frees with run_lab_done().
 */
static int
run_lab(struct lab *out, const struct lab *l, int regen, long n, long seed,
    char *err, size_t errlen)
{
	struct nn_dataset *all, *tr, *va, *te;
	long dseed = regen ? seed : l->ds.seed;

	*out = *l;
	out->net = NULL;
	if (!regen && n <= 0)
		return 0;
	all = nn_dataset_generate((enum nn_dataset_kind)l->ds.kind,
	    (int)(n > 0 ? n : l->ds.n), l->ds.noise, (uint64_t)dseed, err,
	    errlen);
	if (all == NULL)
		return -1;
	/* the same three-way split as the session's (a run never reads
	 * the test rows, but the validation rows are the same ones) */
	if (data_split(all, &l->ds, (uint64_t)dseed, &tr, &va, &te, err,
	    errlen) != 0) {
		nn_dataset_free(all);
		return -1;
	}
	out->ds.seed = dseed;
	if (n > 0)
		out->ds.n = n;
	out->all = all;
	out->train = tr;
	out->val = va;
	out->test = te;
	return 0;
}

static void
run_lab_done(struct lab *rl, const struct lab *l)
{
	if (rl->all != l->all) {
		nn_dataset_free(rl->all);
		nn_dataset_free(rl->train);
		nn_dataset_free(rl->val);
		nn_dataset_free(rl->test);
	}
}

/* "0.1234 +- 0.057" ("0.1234+-0.057" when compact); the mean alone for
 * a single seed (sd NAN). */
static void
fmt_mean_sd(char *buf, size_t len, double mean, double sd, int nseeds,
    int compact)
{
	char a[32], b[32];

	fmt_num(a, sizeof a, mean);
	/* two digits of the spread are all it can tell (the chart's too) */
	if (isfinite(sd) && sd != 0)
		snprintf(b, sizeof b, "%.2g", sd);
	else
		fmt_num(b, sizeof b, sd);
	if (nseeds < 2)
		snprintf(buf, len, "%s", a);
	else
		snprintf(buf, len, compact ? "%s+-%s" : "%s +- %s", a, b);
}

/* Per-epoch sums of one value's runs, for the mean curves. */
struct curve {
	double *train, *val;
	int *n;
	int len;
};

static void
curve_add(struct curve *cv, const struct run_result *r)
{
	if (r->epochs > cv->len) {
		cv->train = xreallocarray(cv->train, (size_t)r->epochs,
		    sizeof *cv->train);
		cv->val = xreallocarray(cv->val, (size_t)r->epochs,
		    sizeof *cv->val);
		cv->n = xreallocarray(cv->n, (size_t)r->epochs, sizeof *cv->n);
		for (int e = cv->len; e < r->epochs; e++) {
			cv->train[e] = cv->val[e] = 0;
			cv->n[e] = 0;
		}
		cv->len = r->epochs;
	}
	for (int e = 0; e < r->epochs; e++) {
		cv->train[e] += r->hist_train[e];
		cv->val[e] += r->hist_val[e];
		cv->n[e]++;
	}
}

/* How a multi-seed run was asked for: the values of one setting (sweep,
 * compare) or setting bundles (compare "BUNDLE" "BUNDLE" ...). */
enum multi_mode { MULTI_SWEEP, MULTI_COMPARE, MULTI_BUNDLES };

/*
 * seeds=N: every value on seeds s .. s+N-1 (s = the session seed), seeds
 * outer so that an interrupt leaves every value with the same seeds; the
 * net of a run is built from its seed and, when the data follows the
 * session seed, so is the data; a bundle's n=N (dn[i] > 0) makes its data
 * anew with that many rows.  nseeds 1 (bundles without seeds=): one run
 * per bundle from the session seed.  Reports mean +- sd per value, on how
 * many seeds each value had the lowest val loss and, for compare, on how
 * many seeds the second value has the lower val loss.
 */
static int
multi_exec(struct cmd_ctx *c, const char *key, struct nn_config *p,
    const long *dn, const int *argi, int nv, int nseeds, enum multi_mode mode)
{
	struct session *s = c->s;
	const struct lab *l = &s->lab;
	long s0 = (long)l->cfg.seed;
	int regen = l->ds.kind >= 0 && l->ds.seed == s0;
	int compare = mode != MULTI_SWEEP, same_epochs = 1;
	double (*val)[SEEDS_MAX] = xcalloc(SWEEP_MAX, sizeof *val);
	double (*best)[SEEDS_MAX] = xcalloc(SWEEP_MAX, sizeof *best);
	double (*train)[SEEDS_MAX] = xcalloc(SWEEP_MAX, sizeof *train);
	double (*test)[SEEDS_MAX] = xcalloc(SWEEP_MAX, sizeof *test);
	double cval[SEEDS_MAX], ctest[SEEDS_MAX];
	int nchosen = 0;
	double wsum[SWEEP_MAX], zsum[SWEEP_MAX];
	struct curve cv[SWEEP_MAX];
	struct sweep sw;
	int done = 0, rc = CMD_OK;
	char err[256];

	memset(cv, 0, sizeof cv);
	memset(wsum, 0, sizeof wsum);
	memset(zsum, 0, sizeof zsum);
	for (int j = 0; j < nseeds && rc == CMD_OK; j++) {
		struct lab rl;

		if (cmd_interrupt) {
			rc = CMD_STOPPED;
			break;
		}
		if (run_lab(&rl, l, regen, 0, s0 + j, err, sizeof err) != 0) {
			rc = cmd_error(c, -1, _("data for seed %ld: %s"), s0 + j,
			    err);
			break;
		}
		for (int i = 0; i < nv && rc == CMD_OK; i++) {
			struct nn_config pi = p[i];
			struct nn_train_result res;
			struct run_result r;
			struct nn_net *net;
			struct lab bl, *ul = &rl;

			if (cmd_interrupt) {
				rc = CMD_STOPPED;
				break;
			}
			if (dn[i] > 0) {	/* a bundle's own data size */
				if (run_lab(&bl, l, regen, dn[i], s0 + j, err,
				    sizeof err) != 0) {
					rc = cmd_error(c, argi[i], _("data for "
					    "seed %ld: %s"), s0 + j, err);
					break;
				}
				ul = &bl;
			}
			pi.seed = (uint64_t)(s0 + j);
			net = lab_new_net(ul, l->spec, &pi, err, sizeof err);
			if (net == NULL ||
			    session_train(s, net, ul, pi.epochs, &res, err,
			    sizeof err) != 0) {
				nn_net_free(net);
				if (ul != &rl)
					run_lab_done(ul, l);
				rc = cmd_error(c, argi[i], "%s", err);
				break;
			}
			memset(&r, 0, sizeof r);
			run_collect(&r, net, ul, (int)res.status);
			nn_net_free(net);
			if (ul != &rl)
				run_lab_done(ul, l);
			val[i][j] = r.val_loss;
			best[i][j] = r.best_val_loss;
			train[i][j] = r.train_loss;
			test[i][j] = r.test_loss;
			wsum[i] += r.w_norm;
			zsum[i] += r.zero_frac;
			curve_add(&cv[i], &r);
			sweep_run_free(&r);
			if (res.status == NN_TRAIN_CANCELLED)
				rc = CMD_STOPPED;
		}
		run_lab_done(&rl, l);
		if (rc == CMD_OK)
			done++;
	}
	if (rc == CMD_ERROR || done == 0) {
		for (int i = 0; i < nv; i++) {
			free(cv[i].train);
			free(cv[i].val);
			free(cv[i].n);
		}
		free(val);
		free(best);
		free(train);
		free(test);
		if (rc == CMD_STOPPED)
			cmd_out(c, _("interrupted before a seed was complete"));
		return rc;
	}

	memset(&sw, 0, sizeof sw);
	snprintf(sw.key, sizeof sw.key, "%s", key);
	sw.compare = compare;
	sw.bundles = mode == MULTI_BUNDLES;
	sw.n = nv;
	sw.nseeds = done;
	sw.seed0 = s0;
	for (int i = 0; i < nv; i++) {
		struct run_result *r = &sw.r[i];

		snprintf(r->value, sizeof r->value, "%s", c->argv[argi[i]].s);
		if (p[i].epochs != l->cfg.epochs)
			same_epochs = 0;
		mean_sd(val[i], done, &sw.mean_val[i], &sw.sd_val[i]);
		mean_sd(best[i], done, &sw.mean_best_val[i], &sw.sd_best_val[i]);
		mean_sd(train[i], done, &sw.mean_train[i], &sw.sd_train[i]);
		mean_sd(test[i], done, &sw.mean_test[i], &sw.sd_test[i]);
		r->test_loss = sw.mean_test[i];
		r->val_loss = sw.mean_val[i];
		r->best_val_loss = sw.mean_best_val[i];
		r->train_loss = sw.mean_train[i];
		r->w_norm = wsum[i] / done;
		r->zero_frac = zsum[i] / done;
		r->status = NN_TRAIN_DONE;
		/* the mean curves, epoch by epoch over the runs that got
		 * there */
		r->epochs = cv[i].len;
		r->hist_train = xcalloc((size_t)cv[i].len + 1, sizeof(double));
		r->hist_val = xcalloc((size_t)cv[i].len + 1, sizeof(double));
		for (int e = 0; e < cv[i].len; e++) {
			r->hist_train[e] = cv[i].train[e] / cv[i].n[e];
			r->hist_val[e] = cv[i].val[e] / cv[i].n[e];
		}
		free(cv[i].train);
		free(cv[i].val);
		free(cv[i].n);
	}
	for (int j = 0; j < done && nv >= 2; j++)
		sw.wins += val[1][j] < val[0][j];
	for (int j = 0; j < done; j++) {
		double lo = INFINITY;

		for (int i = 0; i < nv; i++)
			if (val[i][j] < lo)
				lo = val[i][j];
		for (int i = 0; i < nv; i++)
			sw.lowest[i] += val[i][j] == lo;
	}
	/* the choice a learner makes on each seed's validation rows, and
	 * what the test rows say of it */
	for (int j = 0; j < done; j++) {
		double v[SWEEP_MAX];
		int i;

		for (int q = 0; q < nv; q++)
			v[q] = val[q][j];
		i = argmin(v, nv);

		if (i < 0)
			continue;
		cval[nchosen] = val[i][j];
		ctest[nchosen++] = test[i][j];
	}
	sw.chosen = -1;
	mean_sd(cval, nchosen, &sw.chosen_val, &sw.sd_chosen_val);
	mean_sd(ctest, nchosen, &sw.chosen_test, &sw.sd_chosen_test);

	{
		char how[64];
		const char *data = regen ? _(", data made per seed") :
		    _(", the same data for every seed");

		if (mode == MULTI_BUNDLES ? !same_epochs :
		    strcmp(sw.key, "epochs") == 0)
			snprintf(how, sizeof how, "%s", mode == MULTI_BUNDLES ?
			    _(", epochs as each bundle sets them") : "");
		else
			snprintf(how, sizeof how, _(", %d epochs each"),
			    l->cfg.epochs);
		if (mode == MULTI_BUNDLES)
			cmd_out(c, _("compare %d bundles x %d seed%s (%ld-%ld)%s%s"),
			    nv, done, done == 1 ? "" : "s", s0, s0 + done - 1,
			    how, data);
		else
			cmd_out(c, _("%s %s: %d values x %d seeds (%ld-%ld)%s%s"),
			    compare ? "compare" : "sweep", sw.key, nv, done, s0,
			    s0 + done - 1, how, data);
	}
	for (int compact = 0; compact < 2; compact++) {
		int has_test = l->test != NULL && l->test->n > 0;
		int nc = has_test ? 6 : 5, k = 0, w[TABLE_MAXCOL];
		char **cell = xcalloc((size_t)(nv + 1) * (size_t)nc,
		    sizeof *cell);

		cell[k++] = xstrdup(sw.key);
		cell[k++] = xstrdup(_("val loss"));
		cell[k++] = xstrdup(_("best val loss"));
		cell[k++] = xstrdup(_("train loss"));
		cell[k++] = xstrdup(_("lowest"));
		if (has_test)
			cell[k++] = xstrdup(_("test loss"));
		for (int i = 0; i < nv; i++) {
			char col[4][72];

			fmt_mean_sd(col[0], sizeof col[0], sw.mean_val[i],
			    sw.sd_val[i], done, compact);
			fmt_mean_sd(col[1], sizeof col[1], sw.mean_best_val[i],
			    sw.sd_best_val[i], done, compact);
			fmt_mean_sd(col[2], sizeof col[2], sw.mean_train[i],
			    sw.sd_train[i], done, compact);
			fmt_mean_sd(col[3], sizeof col[3], sw.mean_test[i],
			    sw.sd_test[i], done, compact);
			cell[k++] = xstrdup(sw.r[i].value);
			cell[k++] = xstrdup(col[0]);
			cell[k++] = xstrdup(col[1]);
			cell[k++] = xstrdup(col[2]);
			cell[k++] = xasprintf("%d/%d", sw.lowest[i], done);
			if (has_test)
				cell[k++] = xstrdup(col[3]);
		}
		/* wider than the output pane of 80 columns: "m+-sd" */
		if (!compact &&
		    table_width(cell, nv + 1, nc, 2, w) > TABLE_WIDTH) {
			for (k = 0; k < (nv + 1) * nc; k++)
				free(cell[k]);
			free(cell);
			continue;
		}
		table_out(c, cell, nv + 1, nc);
		free(cell);
		break;
	}
	if (done > 1)
		cmd_info(c, _("mean +- sd over the seeds (sd: sample standard "
		    "deviation); val loss: the net as it stands after each "
		    "run; lowest: on how many seeds its val loss was the "
		    "lowest of all"));
	else
		cmd_info(c, _("one run each from seed %ld (seeds=N for mean +- "
		    "sd); val loss: the net as it stands after each run"), s0);
	if (mode == MULTI_COMPARE)
		cmd_out(c, _("%s has the lower val loss on %d of %d seed%s"),
		    sw.r[1].value, sw.wins, done, done == 1 ? "" : "s");
	report_choice(c, &sw, l);
	if (rc == CMD_STOPPED)
		cmd_out(c, _("interrupted after %d of %d seeds"), done, nseeds);
	free(val);
	free(best);
	free(train);
	free(test);
	sweep_clear(&s->sweep);
	s->sweep = sw;
	{
		struct plot pl;
		size_t len;

		memset(&pl, 0, sizeof pl);
		if (mode == MULTI_BUNDLES) {
			/* a chart of its moment: the numbers go with it */
			pl.kind = PLOT_BUNDLES;
			pl.na = pl.nb = nv;
			pl.a = xcalloc((size_t)nv, sizeof *pl.a);
			pl.b = xcalloc((size_t)nv, sizeof *pl.b);
			pl.labels = xcalloc((size_t)nv, sizeof *pl.labels);
			pl.nlabels = nv;
			for (int i = 0; i < nv; i++) {
				pl.a[i] = sw.mean_val[i];
				pl.b[i] = sw.sd_val[i];
				pl.labels[i] = xstrdup(sw.r[i].value);
			}
			if (done > 1)
				snprintf(pl.title, sizeof pl.title, _("val loss "
				    "after training: mean and sd of %d seeds"),
				    done);
			else
				snprintf(pl.title, sizeof pl.title, _("val loss "
				    "after training: seed %ld"), s0);
			session_show_plot(s, c->t, &pl);
			return rc;
		}
		if (compare) {
			pl.kind = PLOT_CMP_LOSS;
			plot_compare_title(pl.title, sizeof pl.title, &sw);
		} else {
			pl.kind = PLOT_SWEEP;
			plot_sweep_title(pl.title, sizeof pl.title, sw.key);
		}
		len = strlen(pl.title);
		snprintf(pl.title + len, sizeof pl.title - len, _(" (mean of %d "
		    "seeds)"), done);
		session_show_plot(s, c->t, &pl);
	}
	return rc;
}

/*
 * A bundle of settings: blank-separated KEY=VALUE words in one argument
 * ("reg=l2 lambda=0.01"), each checked as 'train key=value' checks it: any
 * setting but seed (seeds=N gives the seeds), each key once, and n=N
 * (4..100000), the number of rows of generated data, made anew; the word
 * none is the settings as they are.  Fills *p (from the session's
 * settings, or the defaults in check mode) and *n (0: the session's data).
 */
static int
bundle_parse(struct cmd_ctx *c, int argi, struct nn_config *p, long *n)
{
	const char *word = c->argv[argi].s;
	char buf[sizeof ((struct run_result *)0)->value];
	char seen[16][32];
	int nseen = 0;

	*p = c->s != NULL ? c->s->lab.cfg : nn_config_default();
	*n = 0;
	if (strcmp(word, "none") == 0)
		return 0;
	if (strlen(word) >= sizeof buf)
		return cmd_error(c, argi, _("a bundle is at most %zu characters "
		    "long"), sizeof buf - 1);
	snprintf(buf, sizeof buf, "%s", word);
	if (strspn(buf, " \t") == strlen(buf))
		return cmd_error(c, argi, _("an empty bundle (the settings as "
		    "they are: none)"));
	for (char *save = NULL, *kv = strtok_r(buf, " \t", &save); kv != NULL;
	    kv = strtok_r(NULL, " \t", &save)) {
		char *v = strchr(kv, '=');
		const struct nn_setting *d;

		if (v == NULL || v == kv)
			return cmd_error(c, argi, _("'%s' is not KEY=VALUE (a "
			    "bundle is settings such as \"reg=l2 "
			    "lambda=0.01\", or none)"), kv);
		*v++ = '\0';
		for (int i = 0; i < nseen; i++)
			if (strcmp(seen[i], kv) == 0)
				return cmd_error(c, argi, _("%s given twice in "
				    "one bundle"), kv);
		if (nseen < (int)COUNT(seen))
			snprintf(seen[nseen++], sizeof seen[0], "%s", kv);
		if (strcmp(kv, "n") == 0) {
			if (arg_long(c, argi, "n", v, 4, 100000, n) != 0)
				return CMD_ERROR;
			continue;
		}
		if (strcmp(kv, "seeds") == 0)
			return cmd_error(c, argi, _("seeds=N goes after the "
			    "bundles, not inside one"));
		if (strcmp(kv, "seed") == 0)
			return cmd_error(c, argi, _("seed: every bundle runs on "
			    "the same seeds (seeds=N; the first is the session "
			    "seed)"));
		if ((d = param_find(kv)) == NULL)
			return param_unknown(c, argi, kv, 0);
		if (param_parse(c, argi, d, v, p) != 0)
			return CMD_ERROR;
	}
	return 0;
}

/* compare BUNDLE BUNDLE... [seeds=N]: validates every bundle, runs,
 * reports. */
static int
bundles_exec(struct cmd_ctx *c)
{
	struct nn_config p[SWEEP_MAX];
	long dn[SWEEP_MAX], nseeds = 1;
	int argi[SWEEP_MAX], nv = 0, seeds_at = -1;

	for (int i = 1; i < c->argc; i++) {
		if (strncmp(c->argv[i].s, "seeds=", 6) == 0) {
			if (seeds_at >= 0)
				return cmd_error(c, i, _("seeds= given twice"));
			if (arg_long(c, i, "seeds", c->argv[i].s + 6, SEEDS_MIN,
			    SEEDS_MAX, &nseeds) != 0)
				return CMD_ERROR;
			seeds_at = i;
			continue;
		}
		if (nv == SWEEP_MAX)
			return cmd_error(c, i, _("too many bundles (allowed: 2 "
			    "to %d)"), SWEEP_MAX);
		if (bundle_parse(c, i, &p[nv], &dn[nv]) != 0)
			return CMD_ERROR;
		argi[nv++] = i;
	}
	if (nv < 2)
		return cmd_error(c, -1, _("compare needs two bundles or more "
		    "(e.g. compare none \"reg=l2 lambda=0.01\" seeds=10)"));
	if (c->s == NULL)
		return CMD_OK;
	if (lab_ready(c) != CMD_OK)
		return CMD_ERROR;
	for (int i = 0; i < nv; i++) {
		if (dn[i] > 0 && c->s->lab.ds.kind < 0)
			return cmd_error(c, argi[i], _("n=N makes the data anew, "
			    "which needs generated data ('data KIND'), not a "
			    "loaded file"));
		if (param_loss_fits(c, argi[i], &p[i], c->s->lab.all) !=
		    CMD_OK)
			return CMD_ERROR;
	}
	return multi_exec(c, "bundle", p, dn, argi, nv, (int)nseeds,
	    MULTI_BUNDLES);
}

/* compare's first word says which form: a setting (KEY V1 V2) or a
 * bundle (KEY=VALUE..., none). */
static int
is_bundle(const char *word)
{
	return strchr(word, '=') != NULL || strcmp(word, "none") == 0;
}

/* Shared by sweep and compare: validates, runs, reports. */
static int
runs_exec(struct cmd_ctx *c, int compare)
{
	const struct nn_setting *d = param_find(c->argv[1].s);
	struct nn_config p[SWEEP_MAX];
	struct sweep sw;
	int argi[SWEEP_MAX], nv = 0, rc = CMD_OK, seeds_at = -1;
	long nseeds = 0;
	char err[256];

	if (compare && is_bundle(c->argv[1].s))
		return bundles_exec(c);
	if (d == NULL && is_bundle(c->argv[1].s))
		return cmd_error(c, 1, _("sweep takes KEY V1 V2...; bundles of "
		    "settings go with compare"));
	if (d == NULL)
		return param_unknown(c, 1, c->argv[1].s, 0);
	/* the values, and seeds=N anywhere after the key */
	for (int i = 2; i < c->argc; i++) {
		if (strncmp(c->argv[i].s, "seeds=", 6) == 0) {
			if (seeds_at >= 0)
				return cmd_error(c, i, _("seeds= given twice"));
			if (arg_long(c, i, "seeds", c->argv[i].s + 6, SEEDS_MIN,
			    SEEDS_MAX, &nseeds) != 0)
				return CMD_ERROR;
			seeds_at = i;
			continue;
		}
		if (nv == SWEEP_MAX)
			return cmd_error(c, i, _("too many values (allowed: 2 "
			    "to %d)"), SWEEP_MAX);
		argi[nv++] = i;
	}
	if (nv < 2)
		return cmd_error(c, -1, _("missing value (usage: %s %s)"),
		    c->entry->name, c->entry->usage);
	if (compare && nv > 2)
		return cmd_error(c, argi[2], _("compare takes two values "
		    "(usage: compare %s)"), c->entry->usage);
	if (seeds_at >= 0 && strcmp(d->name, "seed") == 0)
		return cmd_error(c, seeds_at, _("seeds=N runs every value on "
		    "several seeds; it does not go with %s seed"),
		    c->entry->name);
	for (int i = 0; i < nv; i++) {
		p[i] = c->s != NULL ? c->s->lab.cfg : nn_config_default();
		if (param_parse(c, argi[i], d, c->argv[argi[i]].s, &p[i]) != 0)
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
	for (int i = 0; i < nv; i++)
		if (param_loss_fits(c, argi[i], &p[i], c->s->lab.all) !=
		    CMD_OK)
			return CMD_ERROR;
	if (seeds_at >= 0)
		{
		long dn[SWEEP_MAX] = { 0 };

		return multi_exec(c, d->name, p, dn, argi, nv, (int)nseeds,
		    compare ? MULTI_COMPARE : MULTI_SWEEP);
	}
	memset(&sw, 0, sizeof sw);
	snprintf(sw.key, sizeof sw.key, "%s", d->name);
	sw.compare = compare;
	for (int i = 0; i < nv; i++) {
		struct nn_net *net;
		struct nn_train_result res;
		struct run_result *r = &sw.r[sw.n];

		net = lab_new_net(&c->s->lab, c->s->lab.spec, &p[i], err,
		    sizeof err);
		if (net == NULL) {
			rc = cmd_error(c, argi[i], "%s", err);
			break;
		}
		if (session_train(c->s, net, &c->s->lab, p[i].epochs, &res,
		    err, sizeof err) != 0) {
			nn_net_free(net);
			rc = cmd_error(c, argi[i], "%s", err);
			break;
		}
		snprintf(r->value, sizeof r->value, "%s", c->argv[argi[i]].s);
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
		cmd_out(c, _("%s %s: %d run%s from seed %ld"), compare ?
		    "compare" : "sweep", sw.key, sw.n, sw.n == 1 ? "" : "s",
		    (long)c->s->lab.cfg.seed);
	else
		cmd_out(c, _("%s %s: %d run%s of %d epochs from seed %ld"),
		    compare ? "compare" : "sweep", sw.key, sw.n,
		    sw.n == 1 ? "" : "s", c->s->lab.cfg.epochs,
		    (long)c->s->lab.cfg.seed);
	{
		enum { NC = 8 };
		char **cell = xcalloc((size_t)(sw.n + 1) * NC, sizeof *cell);
		int k = 0;

		cell[k++] = xstrdup(sw.key);
		cell[k++] = xstrdup(_("train"));
		cell[k++] = xstrdup(_("val"));
		cell[k++] = xstrdup(_("best_val"));
		cell[k++] = xstrdup(_("best@"));
		cell[k++] = xstrdup("|w|");
		cell[k++] = xstrdup(_("zero"));
		cell[k++] = xstrdup(_("status"));
		for (int i = 0; i < sw.n; i++) {
			struct run_result *r = &sw.r[i];
			char a[4][32];

			fmt_num(a[0], sizeof a[0], r->train_loss);
			fmt_num(a[1], sizeof a[1], r->val_loss);
			fmt_num(a[2], sizeof a[2], r->best_val_loss);
			fmt_num(a[3], sizeof a[3], r->w_norm);
			cell[k++] = xstrdup(r->value);
			cell[k++] = xstrdup(a[0]);
			cell[k++] = xstrdup(a[1]);
			cell[k++] = xstrdup(a[2]);
			cell[k++] = xasprintf("%d", r->best_epoch);
			cell[k++] = xstrdup(a[3]);
			cell[k++] = xasprintf("%.3f",
			    num_shown(r->zero_frac, 3));
			cell[k++] = xstrdup(_(nn_train_status_name(r->status)));
		}
		table_out(c, cell, sw.n + 1, NC);
		free(cell);
	}
	{
		double v[SWEEP_MAX];

		for (int i = 0; i < sw.n; i++)
			v[i] = sw.r[i].val_loss;
		sw.chosen = argmin(v, sw.n);
	}
	sw.chosen_val = sw.chosen_test = NAN;
	sw.sd_chosen_val = sw.sd_chosen_test = NAN;
	if (sw.chosen >= 0) {
		sw.chosen_val = sw.r[sw.chosen].val_loss;
		sw.chosen_test = sw.r[sw.chosen].test_loss;
	}
	report_choice(c, &sw, &c->s->lab);
	sweep_clear(&c->s->sweep);
	c->s->sweep = sw;
	if (rc == CMD_STOPPED)
		cmd_out(c, _("interrupted after %d run%s"), sw.n,
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
			snprintf(pl.title, sizeof pl.title, _("weights: %s %s "
			    "(up) vs %s (down)"), sw.key, sw.r[0].value,
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
			snprintf(pl.title, sizeof pl.title, _("gradient norm per "
			    "layer: %s %s vs %s"), sw.key, sw.r[0].value,
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
	.usage = "KEY V1 V2 [V3...] [seeds=N]",
	.summary = N_("the same experiment per value: the regularization path"),
	.help = N_("KEY: any setting (see 'show params'); 2..16 values, each "
	    "checked like 'set KEY V'\n"
	    "Each run: a fresh net from the spec and the seed, trained for "
	    "the epochs setting.  The session's net is not touched.\n"
	    "Prints train/val loss, |w| and the share of zero weights per "
	    "value and charts them ('plot sweep' again later).\n"
	    "seeds=N (2..30): every value on seeds s..s+N-1 (s: the session "
	    "seed), the net built from each seed and the data too when it "
	    "was made with the session seed (a loaded CSV or data seed=... "
	    "stays); prints mean +- sd of the val loss, the best val loss "
	    "and the train loss per value and charts the mean val loss with "
	    "mean +- sd and the mean train loss.  Metrics: "
	    "mean_val.K sd_val.K mean_best_val.K sd_best_val.K mean_train.K "
	    "sd_train.K (K: the value's position from 1), lowest.K (seeds "
	    "where K's val loss is the lowest of all).\n"
	    "With a test split (data ... test=T): the value with the lowest "
	    "val loss is chosen (on each seed with seeds=N) and its run's "
	    "test loss printed next to its val loss, the test rows judging "
	    "the choice, never making it (metrics chosen_val chosen_test); "
	    "seeds=N adds the mean test loss per value (mean_test.K "
	    "sd_test.K)."),
	.min_args = 1,
	.max_args = 2 + SWEEP_MAX,
	.complete = param_complete,
	.exec = sweep_exec,
};

/*
 * Completion of compare: a setting or a bundle first (the keys, none and
 * KEY= words), then the values of a setting's enumeration, or after a
 * bundle more KEY= words, n= and seeds=.
 */
static const char *const *
compare_complete(int argi, const char *prev)
{
	static const char *words[64];
	static char buf[64][20];

	if (argi > 0 && prev != NULL && !is_bundle(prev))
		return param_complete(argi, prev);
	if (words[0] == NULL) {
		size_t n = 0;

		for (const char *const *k = param_names(); *k != NULL &&
		    n + 4 < COUNT(words); k++)
			if (strcmp(*k, "seed") != 0) {
				snprintf(buf[n], sizeof buf[n], "%s=", *k);
				words[n] = buf[n];
				n++;
			}
		words[n++] = "n=";
		words[n++] = "seeds=";
		words[n++] = "none";
	}
	if (argi == 0) {
		/* the keys of the KEY V1 V2 form, then the bundle words */
		static const char *first[2 * 64];
		const char *const *keys = param_complete(0, NULL);
		size_t n = 0;

		for (size_t i = 0; keys[i] != NULL && n + 1 < COUNT(first); i++)
			first[n++] = keys[i];
		for (size_t i = 0; words[i] != NULL && n + 1 < COUNT(first);
		    i++)
			if (strcmp(words[i], "seeds=") != 0)
				first[n++] = words[i];
		first[n] = NULL;
		return first;
	}
	return words;
}

const struct cmd_entry cmd_compare_entry = {
	.name = "compare",
	.usage = "KEY V1 V2 [seeds=N] | BUNDLE BUNDLE... [seeds=N]",
	.summary = N_("two runs side by side, or several bundles of settings"),
	.help = N_("KEY: any setting; e.g. compare reg l1 l2 (mirrored weight "
	    "histograms), compare act sigmoid relu (gradient bars)\n"
	    "Charts both loss curves, then weights (reg, lambda, l1mode) or "
	    "per-layer gradient norms (other keys).\n"
	    "seeds=N (2..30): both values on seeds s..s+N-1 (s: the session "
	    "seed; the data too when it was made with the session seed), "
	    "mean +- sd of the val loss, best val loss and train loss, and "
	    "on how many seeds V2 has the lower val loss (metric wins); "
	    "charts the mean loss curves.  For a claim that holds on "
	    "average, not on every seed.\n"
	    "BUNDLE: settings that go together, KEY=VALUE words in one "
	    "argument (quote it when there are several: \"reg=l2 "
	    "lambda=0.01\"), each checked as train key=value checks it; any "
	    "setting but seed (dropout, norm and init too: every run builds "
	    "its net); n=N: generated data made anew with N rows (same kind, "
	    "noise and split); none: the settings as they are.  2..16 "
	    "bundles, each a fresh net trained for its epochs on seeds "
	    "s..s+N-1 (one run each from the session seed without seeds=); "
	    "prints mean +- sd of the val loss, best val loss and train loss "
	    "per bundle and charts the mean val loss as bars with mean +- sd.  "
	    "e.g. compare none early=on "
	    "\"reg=l2 lambda=0.01\" dropout=0.5 n=256 seeds=10\n"
	    "After seeds=N or bundles: metrics mean_val.K sd_val.K "
	    "mean_best_val.K sd_best_val.K mean_train.K sd_train.K (K: the "
	    "value's or bundle's position from 1), wins, and lowest.K: on "
	    "how many seeds K had the lowest val loss of all.\n"
	    "With a test split: the test loss of the run chosen on "
	    "validation, as for sweep."),
	.min_args = 1,
	.max_args = SWEEP_MAX + 1,
	.complete = compare_complete,
	.exec = compare_exec,
};
