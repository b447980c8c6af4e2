#include "config.h"
/*
 * cmd-plot.c - "plot": one chart of the session into the transcript.
 *
 * The kinds of chart are the rows of plot_kinds[] (plot.c): each names
 * its KIND, usage and help, completes and parses its argument and gathers
 * its numbers.  This file is the command around them: the KIND word, its
 * argument, the usage and help put together from the rows.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

/* The KIND words, in the table's order; NULL-terminated. */
static const char *const *
plot_kind_words(enum plot_kind *kinds)
{
	static const char *names[PLOT_KIND_COUNT + 1];
	static enum plot_kind of[PLOT_KIND_COUNT];
	int n = 0;

	if (names[0] == NULL)
		for (int k = 0; k < PLOT_KIND_COUNT; k++)
			if (plot_kinds[k].name != NULL) {
				of[n] = (enum plot_kind)k;
				names[n++] = plot_kinds[k].name;
			}
	if (kinds != NULL)
		memcpy(kinds, of, sizeof of);
	return names;
}

static const struct plot_kind_def *
kind_named(const char *name)
{
	for (int k = 0; k < PLOT_KIND_COUNT; k++)
		if (plot_kinds[k].name != NULL &&
		    strcmp(plot_kinds[k].name, name) == 0)
			return &plot_kinds[k];
	return NULL;
}

static const char *const *
plot_complete(int argi, const char *prev)
{
	const struct plot_kind_def *d;

	if (argi == 0)
		return plot_kind_words(NULL);
	if (argi == 1 && prev != NULL && (d = kind_named(prev)) != NULL)
		return d->args != NULL ? d->args() : NULL;
	return NULL;
}

/* The usage ("loss [log]|weights [LAYER]|...") and the help (a line per
 * kind, translated) from the table, made once per language. */
static void
plot_describe(const char **usage, const char **help)
{
	static struct strbuf u, h;
	static const char *lang;

	if (u.s == NULL || strcmp(lang, i18n_lang()) != 0) {
		if (u.s != NULL) {
			strbuf_done(&u);
			strbuf_done(&h);
		}
		lang = i18n_lang();
		strbuf_init(&u);
		strbuf_init(&h);
		for (int k = 0; k < PLOT_KIND_COUNT; k++) {
			const struct plot_kind_def *d = &plot_kinds[k];
			char buf[256];

			if (d->name == NULL)
				continue;
			strbuf_addf(&u, "%s%s", u.len ? "|" : "", d->usage);
			strbuf_addf(&h, "%s%s", h.len ? "\n" : "", _(d->help));
			if (d->args_name != NULL)
				strbuf_addf(&h, "; %s: %s", d->args_name,
				    choices_str(d->args(), buf, sizeof buf));
		}
	}
	*usage = u.s;
	*help = h.s;
}

static int
plot_exec(struct cmd_ctx *c)
{
	enum plot_kind kinds[PLOT_KIND_COUNT];
	const char *const *names = plot_kind_words(kinds);
	const struct plot_kind_def *d;
	struct plot p;
	int i, rc;

	if (arg_enum(c, 1, "KIND", c->argv[1].s, names, &i) != 0)
		return CMD_ERROR;
	d = &plot_kinds[kinds[i]];
	memset(&p, 0, sizeof p);
	if (d->parse != NULL && d->parse(c, &p) != CMD_OK)
		return CMD_ERROR;
	if (c->argc > 3 || (c->argc > 2 && d->parse == NULL))
		return cmd_error(c, c->argc - 1, _("unexpected argument '%s' "
		    "(usage: plot %s)"), c->argv[c->argc - 1].s,
		    cmd_usage(c->entry));
	if (c->s == NULL)
		return CMD_OK;
	p.kind = kinds[i];
	if ((rc = d->gather(c, &p)) != CMD_OK) {
		plot_clear(&p);
		return rc;
	}
	session_show_plot(c->s, c->t, &p);
	return CMD_OK;
}

const struct cmd_entry cmd_plot_entry = {
	.name = "plot",
	.summary = N_("draw a chart of the session"),
	.describe = plot_describe,
	.min_args = 1,
	.max_args = 2,
	.complete = plot_complete,
	.exec = plot_exec,
};
