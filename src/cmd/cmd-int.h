/*
 * cmd-int.h - private to src/cmd/: the command table, the argument helpers
 * and the settings table.
 *
 * A command is data plus one function (tmux's cmd_entry).  The function
 * first parses and validates all of its arguments; when it runs in check
 * mode (c->s == NULL, used by cmd_check() for lesson loading) it returns
 * right there, otherwise it goes on to act on the session.  So the check
 * and the execution can never disagree about what is valid.
 */
#ifndef REGTUTOR_CMD_INT_H
#define REGTUTOR_CMD_INT_H

#include <stddef.h>

#include "cmd/cmd.h"
#include "util/util.h"

/* ------------------------------------------------------------ tokens */

struct token {
	char *s;		/* unquoted word */
	size_t off;		/* byte offset of the word in the whole line */
};

struct cmdline {
	struct token *v;
	int n;
	size_t off;		/* offset of the command's first byte */
	size_t end;		/* offset just past the command text */
};

/*
 * Splits line into commands at ';' and words at blanks; quotes group,
 * '#' outside quotes ends the line.  Empty commands are dropped.  Returns
 * 0, or -1 with a message and *erroff (unterminated quote).
 */
int cmd_tokenize(const char *line, struct cmdline **cmds, int *ncmds,
    char *err, size_t errlen, size_t *erroff);
void cmd_tokens_free(struct cmdline *cmds, int ncmds);

/* ------------------------------------------------------------ commands */

struct cmd_entry;

struct cmd_ctx {
	struct session *s;		/* NULL in check mode */
	struct transcript *t;		/* NULL in check mode */
	const struct cmd_entry *entry;
	struct token *argv;		/* argv[0] is the command name */
	int argc;
	/* the whole line: this is command line_cmds[line_i] of line_n */
	const struct cmdline *line_cmds;
	int line_i, line_n;
	/* check mode and errors */
	char *err;
	size_t errlen;
	size_t erroff;			/* byte offset of the offending word */
	int failed;
};

struct cmd_entry {
	const char *name;
	const char *usage;		/* arguments, e.g. "KEY VALUE" */
	const char *summary;		/* one line for "help" */
	const char *help;		/* details for "help CMD", '\n'-separated */
	int min_args, max_args;		/* words after the name; -1: any */
	int flags;			/* CMD_MUTATES */
	/*
	 * Completion words for argument argi (0-based after the name), prev
	 * is the word before it (NULL for argi 0); NULL-terminated or NULL.
	 */
	const char *const *(*complete)(int argi, const char *prev);
	int (*exec)(struct cmd_ctx *c);
	/* Usage and help made from a table of the command's own (plot's
	 * kinds), in place of usage and help; NULL: none. */
	void (*describe)(const char **usage, const char **help);
};

/* e's usage and help (help may be NULL, else translated), written or
 * described. */
const char *cmd_usage(const struct cmd_entry *e);
const char *cmd_help(const struct cmd_entry *e);

#define CMD_MUTATES	0x1		/* take an undo snapshot before */

extern const struct cmd_entry *const cmd_table[];
extern const size_t cmd_table_len;
const struct cmd_entry *cmd_find(const char *name);

/*
 * Records an error about argument argi (0 = the command word, -1 = the
 * command as a whole) and returns CMD_ERROR.  The message is prefixed with
 * the command name.
 */
int cmd_error(struct cmd_ctx *c, int argi, const char *fmt, ...)
    PRINTF_LIKE(3, 4);
/* Output helpers (no-ops in check mode). */
void cmd_out(struct cmd_ctx *c, const char *fmt, ...) PRINTF_LIKE(2, 3);
void cmd_info(struct cmd_ctx *c, const char *fmt, ...) PRINTF_LIKE(2, 3);
void cmd_warn(struct cmd_ctx *c, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Argument helpers.  All return 0 or CMD_ERROR (after cmd_error()). */
int arg_double(struct cmd_ctx *c, int argi, const char *what, const char *text,
    double min, double max, double *out);
int arg_long(struct cmd_ctx *c, int argi, const char *what, const char *text,
    long min, long max, long *out);
/* Index of text in the NULL-terminated choices, or error naming them. */
int arg_enum(struct cmd_ctx *c, int argi, const char *what, const char *text,
    const char *const *choices, int *out);
/* Splits argv[argi] "key=value" into key/value (value points into s). */
int arg_keyval(struct cmd_ctx *c, int argi, char *key, size_t keylen,
    const char **value);
/* "a|b|c" into buf. */
const char *choices_str(const char *const *choices, char *buf, size_t len);
/*
 * An engine kind's names in enum order, NULL-terminated, for arg_enum(),
 * choices_str() and completion: name is nn_act_name() or its like (NULL
 * past the last kind).  Built on first use, kept until exit.
 */
const char *const *kind_names(const char *(*name)(int));
/*
 * Command text (usage, help) with each "{act}", "{init}" or "{norm}"
 * replaced by that kind's names from the engine joined by '|', so a list
 * of kinds is written nowhere but in the engine's table.  Caller frees.
 */
char *cmd_text(const char *s);

/* ------------------------------------------------------------ settings */
/*
 * The settings are the engine's table (nn.h: struct nn_setting, one row a
 * setting); the session holds one struct nn_config.  These helpers are
 * the command language's view of the rows.
 */
struct nn_config;
struct nn_dataset;
struct nn_setting;

/* The row of a setting's name (or older alias), NULL when none. */
const struct nn_setting *param_find(const char *name);
/* Every setting's name, in the table's order, NULL-terminated. */
const char *const *param_names(void);
/* A kind's or flag's allowed values, NULL-terminated; NULL for numbers. */
const char *const *param_choices(const struct nn_setting *d);
/* The settings train may not override for one run, joined by ", ". */
const char *param_fixed_names(void);
/* Completion of "KEY VALUE" (set, sweep, compare): the keys, then a
 * kind's or flag's values. */
const char *const *param_complete(int argi, const char *prev);
/* The setting nearest to key (edit distance <= 2) among the rows with
 * every flag of want, or NULL. */
const char *param_nearest(const char *key, int want);
/* Error for an unknown key at argi, with the nearest key as a suggestion
 * (queries: also point at 'help get'); returns CMD_ERROR. */
int param_unknown(struct cmd_ctx *c, int argi, const char *key, int queries);
/* Applies "key=value" arguments first.. into cfg; check(c, argi, key, d)
 * (d NULL when no setting has that name) accepts a key with 0 or reports
 * it with CMD_ERROR. */
int param_keyvals(struct cmd_ctx *c, int first, struct nn_config *cfg,
    int (*check)(struct cmd_ctx *c, int argi, const char *key,
    const struct nn_setting *d));
/* Parses text for d into cfg as the table checks it; 0 or CMD_ERROR with
 * the table's message at argi. */
int param_parse(struct cmd_ctx *c, int argi, const struct nn_setting *d,
    const char *text, struct nn_config *cfg);
/* d's value in cfg as the transcript shows it ("0.01", "l2", "on"). */
void param_format(const struct nn_setting *d, const struct nn_config *cfg,
    char *buf, size_t len);
/* d's allowed values: "none|l1|l2", ">0..10", or with typed (for help)
 * "number 0..10", "integer 1..100000". */
void param_allowed(const struct nn_setting *d, int typed, char *buf,
    size_t len);
/* Warns when key has no effect with the other settings in p. */
void param_note_inert(struct cmd_ctx *c, const struct nn_config *p,
    const char *key);
/* Refuses loss bce for data whose targets are not 0/1 (all NULL: no
 * data, nothing to refuse); CMD_OK or CMD_ERROR at argi. */
int param_loss_fits(struct cmd_ctx *c, int argi, const struct nn_config *cfg,
    const struct nn_dataset *all);

#endif
