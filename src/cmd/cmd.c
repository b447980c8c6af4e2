#include "config.h"
/*
 * cmd.c - the interpreter: command table, execute, check, completion.
 *
 * cmd_execute() and cmd_check() share everything up to the point where a
 * command acts on the session: tokenizing, finding the entry ("did you
 * mean" for unknown names), the argument count, and the command's own
 * validation (its exec function run with c->s == NULL).  Undo snapshots are
 * taken here, before each mutating command, and kept only if it succeeds.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd-int.h"
#include "cmd/session-int.h"
#include "util/i18n.h"

volatile sig_atomic_t cmd_interrupt;

extern const struct cmd_entry cmd_data_entry, cmd_net_entry, cmd_set_entry,
    cmd_get_entry, cmd_show_entry, cmd_train_entry, cmd_step_entry,
    cmd_eval_entry,
    cmd_plot_entry, cmd_sweep_entry, cmd_compare_entry, cmd_reset_entry,
    cmd_seed_entry, cmd_undo_entry, cmd_export_entry, cmd_import_entry,
    cmd_save_entry, cmd_load_entry, cmd_help_entry, cmd_answer_entry,
    cmd_quit_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_data_entry,
	&cmd_net_entry,
	&cmd_set_entry,
	&cmd_get_entry,
	&cmd_show_entry,
	&cmd_train_entry,
	&cmd_step_entry,
	&cmd_eval_entry,
	&cmd_plot_entry,
	&cmd_sweep_entry,
	&cmd_compare_entry,
	&cmd_reset_entry,
	&cmd_seed_entry,
	&cmd_undo_entry,
	&cmd_export_entry,
	&cmd_import_entry,
	&cmd_save_entry,
	&cmd_load_entry,
	&cmd_help_entry,
	&cmd_answer_entry,
	&cmd_quit_entry,
};
const size_t cmd_table_len = COUNT(cmd_table);

const struct cmd_entry *
cmd_find(const char *name)
{
	for (size_t i = 0; i < cmd_table_len; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

const char *const *
cmd_names(void)
{
	static const char *names[COUNT(cmd_table) + 1];

	if (names[0] == NULL)
		for (size_t i = 0; i < cmd_table_len; i++)
			names[i] = cmd_table[i]->name;
	return names;
}

const char *
cmd_usage(const struct cmd_entry *e)
{
	const char *usage, *help;

	if (e->describe == NULL)
		return e->usage;
	e->describe(&usage, &help);
	return usage;
}

const char *
cmd_help(const struct cmd_entry *e)
{
	const char *usage, *help;

	if (e->describe == NULL)
		return e->help != NULL ? _(e->help) : NULL;
	e->describe(&usage, &help);
	return help;
}

/* The nearest command name (nearest_*()), or NULL. */
static const char *
suggest(const char *name)
{
	struct nearest n;

	nearest_init(&n, name);
	for (size_t i = 0; i < cmd_table_len; i++)
		nearest_add(&n, cmd_table[i]->name);
	return nearest_best(&n);
}

/*
 * Finds the entry and checks the argument count.  Returns the entry, or
 * NULL after cmd_error().
 */
static const struct cmd_entry *
lookup(struct cmd_ctx *c)
{
	const struct cmd_entry *e = cmd_find(c->argv[0].s);
	int nargs = c->argc - 1;
	const char *near;

	if (e == NULL) {
		near = suggest(c->argv[0].s);
		c->argc = 1;
		if (near != NULL)
			cmd_error(c, 0, _("unknown command; did you mean '%s'? "
			    "(try 'help')"), near);
		else
			cmd_error(c, 0, _("unknown command (try 'help')"));
		return NULL;
	}
	c->entry = e;
	if (nargs < e->min_args ||
	    (e->max_args >= 0 && nargs > e->max_args)) {
		char *usage = cmd_text(cmd_usage(e));

		if (nargs < e->min_args)
			cmd_error(c, -1, _("missing argument (usage: %s %s)"),
			    e->name, usage);
		else
			cmd_error(c, 1 + e->max_args, _("unexpected argument "
			    "'%s' (usage: %s %s)"), c->argv[1 + e->max_args].s,
			    e->name, usage);
		free(usage);
		return NULL;
	}
	return e;
}

int
cmd_execute(struct session *s, const char *line, struct transcript *t)
{
	struct cmdline *cmds;
	int ncmds, rc = CMD_OK;
	char err[256];
	size_t erroff;

	transcript_add(t, TR_ECHO, "%s", line);
	if (cmd_tokenize(line, &cmds, &ncmds, err, sizeof err, &erroff) != 0) {
		transcript_add(t, TR_ERROR, "%s", err);
		return CMD_ERROR;
	}
	for (int i = 0; i < ncmds && rc == CMD_OK; i++) {
		struct cmd_ctx c;
		const struct cmd_entry *e;
		struct lab *snap = NULL;

		memset(&c, 0, sizeof c);
		c.s = s;
		c.t = t;
		c.argv = cmds[i].v;
		c.argc = cmds[i].n;
		c.line_cmds = cmds;
		c.line_i = i;
		c.line_n = ncmds;
		if ((e = lookup(&c)) == NULL) {
			rc = CMD_ERROR;
			break;
		}
		cmd_interrupt = 0;
		if (e->flags & CMD_MUTATES)
			snap = lab_copy(&s->lab);
		rc = e->exec(&c);
		if (c.failed && rc == CMD_OK)
			rc = CMD_ERROR;
		if (snap != NULL && (rc == CMD_OK || rc == CMD_STOPPED))
			session_push_undo_lab(s, snap, xstrndup(line +
			    cmds[i].off, cmds[i].end - cmds[i].off));
		else if (snap != NULL) {
			lab_done(snap);
			free(snap);
		}
	}
	cmd_tokens_free(cmds, ncmds);
	return rc;
}

static int
display_col(const char *line, size_t off)
{
	return utf8_width(line, off) + 1;
}

int
cmd_check(const char *line, char *err, size_t errlen, int *errcol)
{
	struct cmdline *cmds;
	int ncmds, rc = 0;
	size_t erroff = 0;
	char tmp[256];

	if (cmd_tokenize(line, &cmds, &ncmds, tmp, sizeof tmp, &erroff) != 0) {
		snprintf(err, errlen, "%s", tmp);
		if (errcol != NULL)
			*errcol = display_col(line, erroff);
		return -1;
	}
	for (int i = 0; i < ncmds && rc == 0; i++) {
		struct cmd_ctx c;

		memset(&c, 0, sizeof c);
		c.argv = cmds[i].v;
		c.argc = cmds[i].n;
		c.line_cmds = cmds;
		c.line_i = i;
		c.line_n = ncmds;
		c.err = err;
		c.errlen = errlen;
		if (lookup(&c) == NULL || c.entry->exec(&c) != CMD_OK ||
		    c.failed) {
			if (!c.failed)
				cmd_error(&c, -1, _("invalid"));
			if (errcol != NULL)
				*errcol = display_col(line, c.erroff);
			rc = -1;
		}
	}
	cmd_tokens_free(cmds, ncmds);
	return rc;
}

/* ------------------------------------------------------------ completion */

struct cands {
	char **v;
	size_t n;
};

static void
cand_add(struct cands *cs, const char *prefix, const char *word,
    const char *suffix)
{
	size_t plen = strlen(prefix);

	if (strncmp(word, prefix, plen) != 0)
		return;
	for (size_t i = 0; i < cs->n; i++)
		if (strcmp(cs->v[i], word) == 0)
			return;
	cs->v = xreallocarray(cs->v, cs->n + 2, sizeof *cs->v);
	cs->v[cs->n++] = xasprintf("%s%s", word, suffix);
	cs->v[cs->n] = NULL;
}

static void
cand_list(struct cands *cs, const char *prefix, const char *const *words,
    const char *suffix)
{
	for (int i = 0; words[i] != NULL; i++)
		cand_add(cs, prefix, words[i], suffix);
}

char **
cmd_complete(const char *line, size_t point, size_t *start)
{
	struct cands cs = { NULL, 0 };
	struct cmdline *cmds = NULL;
	int ncmds = 0;
	size_t cmdstart = 0, ws, erroff;
	char *head, err[64], *word;
	const char *cmdname = NULL;
	int nwords;

	/* the current command starts after the last ';' before point */
	for (size_t i = 0; i < point && line[i] != '\0'; i++)
		if (line[i] == ';')
			cmdstart = i + 1;
	/* the word being completed starts after the last blank */
	ws = point;
	while (ws > cmdstart && line[ws - 1] != ' ' && line[ws - 1] != '\t')
		ws--;
	*start = ws;
	word = xstrndup(line + ws, point - ws);
	head = xstrndup(line + cmdstart, ws - cmdstart);
	if (cmd_tokenize(head, &cmds, &ncmds, err, sizeof err, &erroff) != 0)
		ncmds = 0;
	nwords = ncmds > 0 ? cmds[0].n : 0;
	if (nwords > 0)
		cmdname = cmds[0].v[0].s;

	if (nwords == 0) {
		cand_list(&cs, word, cmd_names(), "");
	} else {
		const struct cmd_entry *e = cmd_find(cmdname);
		const char *eq = strchr(word, '=');

		if (e != NULL && e->complete != NULL) {
			const char *prev = cmds[0].v[nwords - 1].s;

			if (eq != NULL) {
				/* key=VALUE: complete enumerated values */
				char key[32];
				size_t kl = (size_t)(eq - word);
				const struct nn_setting *d;

				if (kl < sizeof key) {
					memcpy(key, word, kl);
					key[kl] = '\0';
					d = param_find(key);
					if (d != NULL && param_choices(d) != NULL) {
						*start += kl + 1;
						cand_list(&cs, eq + 1,
						    param_choices(d), "");
					}
				}
			} else {
				const char *const *words;

				words = e->complete(nwords - 1,
				    nwords > 1 ? prev : NULL);
				if (words != NULL)
					cand_list(&cs, word, words, "");
			}
		}
	}
	free(word);
	free(head);
	cmd_tokens_free(cmds, ncmds);
	if (cs.v == NULL) {
		cs.v = xcalloc(1, sizeof *cs.v);
	}
	return cs.v;
}

void
cmd_complete_free(char **v)
{
	if (v == NULL)
		return;
	for (size_t i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}
