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

/* ------------------------------------------------------------ settings */

enum param_type { PT_REAL, PT_INT, PT_ENUM };

struct param_def {
	const char *name;
	enum param_type type;
	double min, max;		/* inclusive bounds (PT_REAL, PT_INT) */
	int min_open;			/* min is exclusive */
	const char *const *choices;	/* PT_ENUM */
	const char *help;
	size_t off;			/* into struct params */
};

extern const char *const reg_names[];		/* none l1 l2 */
extern const char *const l1mode_names[];	/* subgrad prox */
extern const char *const act_names[];		/* relu tanh sigmoid ... */
extern const char *const opt_names[];
extern const char *const loss_names[];
extern const char *const norm_names[];
extern const char *const init_names[];
extern const char *const data_names[];
extern const char *const onoff_names[];	/* off on */

/* Everything "set" can change; also the per-run overrides of train. */
struct params {
	double lambda;
	int reg;
	int l1mode;
	int act;
	double leak;
	double lr;
	int opt;
	double momentum;
	double wd;		/* adamw's decoupled weight decay */
	double clip;		/* global gradient norm limit, 0 = off */
	long batch;
	long epochs;
	int early;		/* 0/1 */
	long patience;		/* >= 1 */
	double min_delta;
	int restore;		/* 0/1: restore the best weights */
	int loss;
	double dropout;
	double input_noise;	/* sd of the noise on training inputs */
	int norm;
	int skip;		/* 0/1: residual blocks where widths allow */
	int init;
	double init_scale;	/* sd (normal) or half-width (uniform) */
	long seed;
};

extern const struct param_def param_table[];
extern const size_t param_count;
const struct param_def *param_find(const char *name);
/* Does the setting act only when a net is built (norm, skip, init,
 * init_scale, seed)?  Such settings are not one-run overrides of train.  The names
 * joined by ", " for messages: */
int param_build_time(const char *name);
const char *param_build_time_names(void);
void params_default(struct params *p);
/* Completion of "KEY VALUE" (set, sweep, compare): the keys, then an
 * enumeration's names. */
const char *const *param_complete(int argi, const char *prev);
/* Error for an unknown key at argi, with the nearest key as a suggestion
 * (queries: also point at 'help get'); returns CMD_ERROR. */
int param_unknown(struct cmd_ctx *c, int argi, const char *key, int queries);
/* Applies "key=value" arguments first.. into p; check(c, argi, key, d)
 * (d NULL when no setting has that name) accepts a key with 0 or reports
 * it with CMD_ERROR. */
int param_keyvals(struct cmd_ctx *c, int first, struct params *p,
    int (*check)(struct cmd_ctx *c, int argi, const char *key,
    const struct param_def *d));
/* Parses text for d into p (validating); 0 or CMD_ERROR via c. */
int param_parse(struct cmd_ctx *c, int argi, const struct param_def *d,
    const char *text, struct params *p);
/* Formats d's value in p ("0.01", "l2"). */
void param_format(const struct param_def *d, const struct params *p,
    char *buf, size_t len);
/* d's allowed values: "none|l1|l2", ">0..10", or with typed (for help)
 * "number 0..10", "integer 1..1e+05". */
void param_allowed(const struct param_def *d, int typed, char *buf,
    size_t len);
/* Warns when key has no effect with the other settings in p. */
void param_note_inert(struct cmd_ctx *c, const struct params *p,
    const char *key);
/* Stable number format used in every transcript. */
void fmt_num(char *buf, size_t len, double v);

#endif
