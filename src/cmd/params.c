#include "config.h"
/*
 * params.c - the command language's view of the engine's settings table
 * (nn.h, nn_setting_*): lookup with a nearest-name suggestion, parsing
 * into a config with the command's error position, the display format,
 * completion words and the warnings about settings that do nothing.
 *
 * The table itself, names, ranges, defaults, help and when a change acts,
 * is the engine's; nothing here lists a setting except the warnings of
 * param_note_inert(), which are about combinations.
 */

#include <stdio.h>
#include <string.h>

#include "cmd/cmd-int.h"
#include "nn/nn.h"
#include "util/i18n.h"

#define MAX_SETTINGS	64
#define MAX_CHOICES	16

const struct nn_setting *
param_find(const char *name)
{
	return nn_setting_find(name);
}

const char *const *
param_choices(const struct nn_setting *d)
{
	static const char *v[MAX_SETTINGS][MAX_CHOICES + 1];
	const struct nn_setting *r;
	int row = 0;

	while ((r = nn_setting_at(row)) != NULL && r != d)
		row++;
	if (r == NULL || row >= MAX_SETTINGS || nn_setting_choice(d, 0) == NULL)
		return NULL;
	if (v[row][0] == NULL)
		for (int i = 0; i < MAX_CHOICES &&
		    (v[row][i] = nn_setting_choice(d, i)) != NULL; i++)
			;
	return v[row];
}

/* The names of the rows with all of the flags in want (0: every row). */
static const char *const *
names_with(int want, const char **v, size_t cap)
{
	const struct nn_setting *d;
	size_t n = 0;

	for (int i = 0; (d = nn_setting_at(i)) != NULL && n + 1 < cap; i++)
		if ((d->flags & want) == want)
			v[n++] = d->name;
	v[n] = NULL;
	return v;
}

const char *const *
param_names(void)
{
	static const char *v[MAX_SETTINGS + 1];

	return v[0] != NULL ? v : names_with(0, v, COUNT(v));
}

const char *
param_fixed_names(void)
{
	static char buf[256];
	const struct nn_setting *d;

	if (buf[0] == '\0')
		for (int i = 0; (d = nn_setting_at(i)) != NULL; i++)
			if (!(d->flags & NN_SETTING_RUN))
				snprintf(buf + strlen(buf), sizeof buf -
				    strlen(buf), "%s%s", buf[0] ? ", " : "",
				    d->name);
	return buf;
}

const char *const *
param_complete(int argi, const char *prev)
{
	const struct nn_setting *d;

	if (argi == 0)
		return param_names();
	if (argi == 1 && prev != NULL && (d = param_find(prev)) != NULL)
		return param_choices(d);
	return NULL;
}

const char *
param_nearest(const char *key, int want)
{
	const struct nn_setting *d;
	struct nearest n;

	nearest_init(&n, key);
	for (int i = 0; (d = nn_setting_at(i)) != NULL; i++)
		if ((d->flags & want) == want)
			nearest_add(&n, d->name);
	return nearest_best(&n);
}

int
param_unknown(struct cmd_ctx *c, int argi, const char *key, int queries)
{
	const char *best = param_nearest(key, 0);

	if (best != NULL)
		return cmd_error(c, argi, _("unknown key '%s'; did you mean '%s'? "
		    "(try 'show params'%s)"), key, best,
		    queries ? _(" or 'help get'") : "");
	return cmd_error(c, argi, _("unknown key '%s' (try 'show params'%s)"), key,
	    queries ? _(" or 'help get'") : "");
}

int
param_parse(struct cmd_ctx *c, int argi, const struct nn_setting *d,
    const char *text, struct nn_config *cfg)
{
	char err[1024];		/* cmd_error() cuts a long one with "..." */

	if (nn_setting_parse(cfg, d, text, err, sizeof err) != 0)
		return cmd_error(c, argi, "%s", err);
	return 0;
}

void
param_format(const struct nn_setting *d, const struct nn_config *cfg,
    char *buf, size_t len)
{
	if (d->type == NN_SETTING_REAL)
		fmt_num(buf, len, nn_setting_number(cfg, d));
	else
		nn_setting_get(cfg, d, buf, len);
}

void
param_allowed(const struct nn_setting *d, int typed, char *buf, size_t len)
{
	char a[32], b[32];

	if (param_choices(d) != NULL) {
		choices_str(param_choices(d), buf, len);
		return;
	}
	if (d->type == NN_SETTING_REAL) {
		fmt_num(a, sizeof a, d->min);
		fmt_num(b, sizeof b, d->max);
	} else {	/* 1..100000, not 1..1e+05 */
		fmt_int(a, sizeof a, d->min);
		fmt_int(b, sizeof b, d->max);
	}
	if (typed)
		snprintf(buf, len, "%s %s..%s", d->type == NN_SETTING_REAL ?
		    _("number") : _("integer"), a, b);
	else
		snprintf(buf, len, "%s%s..%s", d->min_open ? ">" : "", a, b);
}

int
param_keyvals(struct cmd_ctx *c, int first, struct nn_config *cfg,
    int (*check)(struct cmd_ctx *c, int argi, const char *key,
    const struct nn_setting *d))
{
	for (int i = first; i < c->argc; i++) {
		char key[32];
		const char *v;
		const struct nn_setting *d;

		if (arg_keyval(c, i, key, sizeof key, &v) != 0)
			return CMD_ERROR;
		d = param_find(key);
		if (check(c, i, key, d) != 0 ||
		    param_parse(c, i, d, v, cfg) != 0)
			return CMD_ERROR;
	}
	return CMD_OK;
}

/*
 * Settings that do nothing in the current combination are the classic
 * trap ("I raised lambda and nothing changed"): say so.
 */
void
param_note_inert(struct cmd_ctx *c, const struct nn_config *p,
    const char *key)
{
	if (strcmp(key, "lambda") == 0 && p->reg == NN_REG_NONE &&
	    p->lambda > 0)
		cmd_warn(c, _("reg is none, so lambda has no effect (set reg l1 "
		    "or set reg l2)"));
	else if (strcmp(key, "reg") == 0 && p->reg != NN_REG_NONE &&
	    p->lambda == 0)
		cmd_warn(c, _("lambda is 0, so reg %s has no effect (set lambda "
		    "0.01, say)"), nn_reg_name(p->reg));
	else if (strcmp(key, "l1mode") == 0 && p->reg != NN_REG_L1)
		cmd_warn(c, _("l1mode only matters with reg l1"));
	else if (strcmp(key, "leak") == 0 && p->act != NN_ACT_LEAKY)
		cmd_warn(c, _("leak only matters with act leaky"));
	else if (strcmp(key, "momentum") == 0 && p->opt != NN_OPT_MOMENTUM)
		cmd_warn(c, _("momentum only matters with opt momentum"));
	else if (strcmp(key, "wd") == 0 && p->opt != NN_OPT_ADAMW &&
	    p->wd > 0)
		cmd_warn(c, _("wd only matters with opt adamw (with other "
		    "optimizers use reg l2)"));
	else if (strcmp(key, "opt") == 0 && p->opt == NN_OPT_ADAMW &&
	    p->wd == 0)
		cmd_warn(c, _("wd is 0, so adamw is adam (set wd 0.01, say)"));
	else if (strcmp(key, "init_scale") == 0 && p->init != NN_INIT_NORMAL &&
	    p->init != NN_INIT_UNIFORM)
		cmd_warn(c, _("init_scale only matters with init normal or "
		    "uniform (xavier and he scale by the layer widths)"));
}

int
param_loss_fits(struct cmd_ctx *c, int argi, const struct nn_config *cfg,
    const struct nn_dataset *all)
{
	if (cfg->loss_auto || cfg->loss != NN_LOSS_BCE || all == NULL ||
	    all->task == NN_TASK_CLASSIFICATION)
		return CMD_OK;
	return cmd_error(c, argi, _("loss bce needs 0/1 targets (allowed "
	    "here: auto|mse|mae)"));
}
