#include "config.h"
/*
 * cmd-help.c - "help", "quit" and "answer".
 *
 * Help is generated from the command table (usage, summary, details) and
 * the settings table, so it cannot drift from what the parser accepts;
 * lists of kinds in usage and details come from the engine (cmd_text()).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

static const char *const *
help_complete(int argi, const char *prev)
{
	(void)prev;
	return argi == 0 ? cmd_names() : NULL;
}

static int
help_exec(struct cmd_ctx *c)
{
	const struct cmd_entry *e = NULL;
	char *text;

	if (c->argc > 1 && (e = cmd_find(c->argv[1].s)) == NULL) {
		char buf[512];

		return cmd_error(c, 1, _("unknown command '%s' (allowed: %s)"),
		    c->argv[1].s, choices_str(cmd_names(), buf, sizeof buf));
	}
	if (c->s == NULL)
		return CMD_OK;
	if (e == NULL) {
		cmd_out(c, _("Commands (several on a line with ';', '#' starts a "
		    "comment; 'help COMMAND' for details):"));
		for (size_t i = 0; i < cmd_table_len; i++)
			cmd_out(c, "  %-8s %s", cmd_table[i]->name,
			    _(cmd_table[i]->summary));
		return CMD_OK;
	}
	text = cmd_text(cmd_usage(e));
	cmd_out(c, _("usage: %s%s%s"), e->name, text[0] ? " " : "", text);
	free(text);
	cmd_out(c, "%s", _(e->summary));
	if (cmd_help(e) != NULL) {
		text = cmd_text(cmd_help(e));
		cmd_out(c, "%s", text);
		free(text);
	}
	if (strcmp(e->name, "set") == 0 || strcmp(e->name, "get") == 0) {
		const struct nn_setting *d;
		char buf[160];

		for (int i = 0; (d = nn_setting_at(i)) != NULL; i++) {
			param_allowed(d, 1, buf, sizeof buf);
			cmd_out(c, "  %-9s %s: %s", d->name, buf, _(d->help));
		}
	}
	return CMD_OK;
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.usage = "[COMMAND]",
	.summary = N_("list the commands, or explain one"),
	.help = NULL,
	.min_args = 0,
	.max_args = 1,
	.complete = help_complete,
	.exec = help_exec,
};

static int
quit_exec(struct cmd_ctx *c)
{
	return c->s == NULL ? CMD_OK : CMD_QUIT;
}

/*
 * "answer" is the shell's: at its prompt, on a lesson page with a question
 * waiting, the front end takes the line before it reaches execute (see
 * src/tui).  It is in the table so that help lists and explains it and
 * Tab knows it; reaching exec means no such page is on screen.
 */
static int
answer_exec(struct cmd_ctx *c)
{
	return cmd_error(c, 1, _("no question waits here: 'answer' works at "
	    "the shell's prompt on a lesson page that asks one"));
}

const struct cmd_entry cmd_answer_entry = {
	.name = "answer",
	.usage = "CHOICE",
	.summary = N_("answer the question of a lesson page (shell prompt)"),
	.help = N_("CHOICE is the label shown before a choice (1, 2, ...) or "
	    "the choice's word; pressing the label on the page does the "
	    "same."),
	.min_args = 1,
	.max_args = 1,
	.exec = answer_exec,
};

const struct cmd_entry cmd_quit_entry = {
	.name = "quit",
	.usage = "",
	.summary = N_("leave regtutor"),
	.help = NULL,
	.min_args = 0,
	.max_args = 0,
	.exec = quit_exec,
};
