/*
 * cmd.h - the one command language of regtutor: session, interpreter,
 * transcript.
 *
 * Every action a learner or a lesson takes is a line of commands
 * ("data moons n=200; net 2-16-16-1 act=tanh; train 50") executed by
 * cmd_execute() against a struct session.  Output (text lines and chart
 * grids) is appended to a struct transcript, which the TUI shows, the
 * headless modes print and the tests compare with golden files.  Nothing in
 * this layer touches the terminal.
 *
 * Error contract: a command validates all of its arguments before it
 * mutates anything, so a failing command leaves the session unchanged and
 * appends exactly one TR_ERROR item naming the command, the argument and
 * what is allowed.  On a line with several commands ("a; b; c") they run in
 * order and execution stops at the first error; the commands before it
 * stand (each one is atomic, the line is not).
 */
#ifndef REGTUTOR_CMD_H
#define REGTUTOR_CMD_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

#include "util/util.h"

struct grid;			/* chart/grid.h */
struct session;
struct transcript;

/* ------------------------------------------------------------ results */

#define CMD_OK		0	/* everything ran */
#define CMD_ERROR	1	/* a command failed; message in the transcript */
#define CMD_QUIT	2	/* "quit" ran (commands after it did not) */
#define CMD_STOPPED	3	/* training interrupted (state kept, not an error) */

/* ------------------------------------------------------------ session */

/* Render options of the charts a session produces (= enum chart_glyphs
 * and enum chart_colors of chart/chart.h). */
#define CMD_GLYPH_ASCII		0	/* 7-bit only */
#define CMD_GLYPH_QUADRANT	1	/* block elements */
#define CMD_GLYPH_BRAILLE	2	/* braille dots */
#define CMD_COLOR_NONE		0	/* mono: no escape sequences */
#define CMD_COLOR_8		1
#define CMD_COLOR_256		2

/* A new session: default settings, no data, no network yet. */
struct session *session_new(unsigned long seed);
/* Frees everything; NULL is a harmless no-op. */
void session_free(struct session *s);

/*
 * Back to the state of a new session with seed: default settings, no data,
 * no network, no history, no results, no chart, no undo.  The render
 * options and the epoch hook are kept.  What a lesson starts from.
 */
void session_restart(struct session *s, unsigned long seed);

/* Chart rendering: glyph tier, colour tier, chart size in cells
 * (width >= 20, height >= 6; defaults 72 x 16). */
void session_set_render(struct session *s, int glyphs, int colors, int width,
    int height);

/*
 * Interrupt: set to 1 from a signal handler or a key press to stop a
 * running train/sweep/compare cleanly after the current epoch (the state
 * reached so far is kept; the command reports "interrupted").  The
 * interpreter clears it when a command starts.
 */
extern volatile sig_atomic_t cmd_interrupt;

/* Per-epoch report, passed to the epoch hook during train/step. */
struct cmd_epoch_info {
	int epoch;		/* 1-based epoch within this run */
	int epochs;		/* planned epochs of this run */
	int total_epochs;	/* epochs in the session's history */
	double train_loss;	/* data loss, without the penalty */
	double val_loss;	/* NAN when there is no validation split */
	double penalty;		/* current lambda * R(w) */
	int best_epoch;		/* nn_net_best(): the run's best epoch so far */
	double best_val_loss;
	int own;		/* 1: the session's own net (train); 0: a run
				   of sweep or compare on a net of its own */
	const char *loss;	/* the loss the run trains and reports
				   ("mae" in train loss=mae) */
};
/*
 * The hook is called after every epoch of train/sweep/compare (with
 * progress information); a nonzero return stops the run like cmd_interrupt.
 * fn may be NULL to remove it.
 */
typedef int (*cmd_epoch_fn)(void *ctx, const struct cmd_epoch_info *info);
void session_set_epoch_hook(struct session *s, cmd_epoch_fn fn, void *ctx);

/*
 * The lessons' data directory: in "data load $LESSONDATA/FILE" the word
 * $LESSONDATA stands for dir, so a lesson's commands are shown as the
 * lesson wrote them and load the files shipped with it wherever it is
 * installed.  NULL forgets it.  The lesson stepper sets it.
 */
void session_set_lesson_data(struct session *s, const char *dir);

/* A snapshot of what the status line shows. */
struct session_status {
	double lambda;
	const char *reg;	/* "none", "l1", "l2" */
	const char *act;	/* "relu", "tanh", ... */
	const char *norm;	/* "none", "batch", "layer" */
	const char *opt;
	double lr;
	double penalty;		/* NAN when there is no network */
	int epoch;		/* epochs trained since the net was built */
	/* of the net as it stands (restored best weights after an early
	 * stop), not the last history row */
	double train_loss;	/* NAN before any training */
	double val_loss;	/* NAN before any training / no val split */
	const char *loss;	/* the loss they are in: the last train
				   run's ("mae" after train loss=mae), else
				   the net's own ("mse"); NULL with no net */
	int have_data, have_net;
	char spec[64];		/* e.g. "2-16-16-1", "" without a net */
	char data[32];		/* data kind, "" without data */
};
void session_get_status(struct session *s, struct session_status *st);

/*
 * Renders the session's most recent chart again at the size of g (which
 * the caller created with grid_new()), e.g. for the TUI chart pane on
 * resize and live during train (the loss chart is refreshed each epoch).
 * Returns 0, or -1 when there is no chart yet (g is then left cleared).
 */
int session_render_chart(struct session *s, struct grid *g);
/* The same in thick strokes when thick is 1 (chart_opts.thick: classroom
 * mode, where no data series is drawn thinner than a whole cell). */
int session_render_chart_thick(struct session *s, struct grid *g, int thick);

/*
 * Metric query for lesson checkpoints.  Names (session_query_names()):
 *   train_loss val_loss      data losses of the net as it stands (after
 *                            an early stop: the restored best weights)
 *   train_mode_loss          training loss in training mode over one
 *                            pass in mini-batches of the batch setting
 *                            (batch statistics, dropout; net unchanged)
 *   best_val_loss best_epoch the best epoch of the last train run (its
 *                            place in the history, 1-based) and its val
 *                            loss, from the engine (nn_net_best(): the
 *                            early-stopping rule, min_delta included)
 *   epochs_trained           epochs trained since the net was built
 *   stopped_early            1 when the last train stopped on patience
 *   diverged                 1 when the last train hit a non-finite loss
 *   penalty lambda           lambda * R(w), the lambda setting
 *   w_norm                   L2 norm of all weights (biases excluded)
 *   w_dist_init              L2 norm of (weights - starting weights):
 *                            those net or reset drew or import read
 *                            (a lab file keeps them)
 *   zero_frac small_frac     share of weights exactly 0, |w| < 1e-3
 *   acc val_acc              classification accuracy (train, val split)
 *   test_loss test_acc       loss and accuracy on the test split (data
 *                            ... test=T), which nothing else reads
 *   grad_norm                L2 norm of the full-batch gradient of all
 *                            parameters (unclipped; what clip compares)
 *   grad_norm.K              gradient norm of layer K (1-based weights),
 *                            full-batch gradient on the current net
 *   grad_ratio               grad_norm.1 / grad_norm.last
 *   sat.K dead.K             share of saturated / dead units of layer K
 *                            (hidden layers, on the training set)
 *   mean_val.K sd_val.K      after sweep/compare seeds=N: mean and sample
 *   mean_best_val.K ...      sd over the seeds for value K (from 1) of
 *   mean_train.K sd_train.K  the final val loss, best val loss, train loss
 *   mean_test.K sd_test.K    the same of the test loss (test split)
 *   wins                     after compare seeds=N: seeds where the 2nd
 *                            value's val loss is lower
 *   chosen_val chosen_test   after sweep/compare: the run with the lowest
 *                            val loss, its val and test loss (seeds=N:
 *                            chosen per seed, means over the seeds)
 * Returns 0 and sets *out; -1 with a message (session_errmsg()) when the
 * name is unknown or the value is not available (no data, no net, ...).
 */
int session_query(struct session *s, const char *name, double *out);
/* NULL-terminated list of query names; "grad_norm.K" etc. listed with K. */
const char *const *session_query_names(void);
/* The message of the last failed session_query(). */
const char *session_errmsg(const struct session *s);

/* Lab state as text (the save format); caller frees.  For tests/undo. */
char *session_dump(struct session *s);

/* ------------------------------------------------------------ transcript */

enum tr_kind {
	TR_ECHO,	/* the command line as typed */
	TR_OUTPUT,	/* normal command output */
	TR_INFO,	/* secondary notes (e.g. "using defaults") */
	TR_WARNING,
	TR_ERROR,	/* one line: "cmd: arg: problem (allowed: ...)" */
	TR_CHART	/* a chart: grid + title */
};

struct tr_item {
	enum tr_kind kind;
	char *text;		/* the line (no newline); title for TR_CHART */
	struct grid *grid;	/* TR_CHART only; owned by the transcript */
};

struct transcript *transcript_new(void);
void transcript_free(struct transcript *t);
void transcript_clear(struct transcript *t);
size_t transcript_count(const struct transcript *t);
/* Item i (0-based); valid until the transcript is cleared or freed. */
const struct tr_item *transcript_item(const struct transcript *t, size_t i);
/* Appends a text item (printf-style). */
void transcript_add(struct transcript *t, enum tr_kind kind, const char *fmt,
    ...) PRINTF_LIKE(3, 4);
/* Appends a chart; takes ownership of g. */
void transcript_add_chart(struct transcript *t, const char *title,
    struct grid *g);
/*
 * Prints items [from, count) as plain text: charts through the chart
 * plain-text back-end (color: CMD_COLOR_*).  TR_ERROR lines go to err
 * (prefixed "regtutor: ") when err is not NULL, else to out as "error: ...".
 * TR_ECHO lines are printed as "> line" only when echo is nonzero.
 */
void transcript_print(const struct transcript *t, size_t from, FILE *out,
    FILE *err, int color, int echo);
/*
 * Renders chart item i again at the size of g (grid_new() by the caller):
 * every chart item keeps a snapshot of what it showed, so a page's charts
 * can be redrawn as they were, at any size, after the session has moved
 * on.  Returns 0, or -1 when item i is not a chart.
 */
int transcript_render_chart(const struct transcript *t, size_t i,
    struct grid *g);
/* The same in thick strokes when thick is 1 (as session_render_chart_thick):
 * the snapshot decides what is drawn, the caller how. */
int transcript_render_chart_thick(const struct transcript *t, size_t i,
    struct grid *g, int thick);
/* Appends a copy of item i of src (a chart with its snapshot) to dst. */
void transcript_copy_item(struct transcript *dst, const struct transcript *src,
    size_t i);
/*
 * Appends the session's most recent chart (session_render_chart()), as it
 * stands now, to t as a chart item with its snapshot: e.g. the loss curve
 * a train left, which is not a transcript item of its own.  Returns 0, or
 * -1 when there is no chart yet or it would only be a note such as "no
 * training history yet" (nothing appended).
 */
int transcript_add_session_chart(struct transcript *t, struct session *s);
/* The whole transcript as text (mono, echo on, errors inline); caller frees. */
char *transcript_text(const struct transcript *t);

/* ------------------------------------------------------------ interpreter */

/*
 * Executes a line of commands separated by ';' ('#' starts a comment,
 * quotes '...' and "..." group words).  The line is echoed into the
 * transcript as TR_ECHO first.  Returns CMD_OK, CMD_ERROR, CMD_QUIT or
 * CMD_STOPPED.
 */
int cmd_execute(struct session *s, const char *line, struct transcript *t);

/*
 * Validates a line without executing it or needing a session: command
 * names, argument counts, keys and values.  Returns 0 when valid; else -1
 * with a message in err and the 1-based display column of the offending
 * word in *errcol (may be NULL).
 */
int cmd_check(const char *line, char *err, size_t errlen, int *errcol);

/*
 * Completion candidates for the word that ends at byte offset point of
 * line: command names, keys after set/get, key= in train/net/data,
 * enumerated values ("set act " -> relu, tanh, ...), "plot " kinds.
 * Returns a NULL-terminated array of newly allocated strings (free with
 * cmd_complete_free), never NULL; *start receives the byte offset where
 * the completed word begins.
 */
char **cmd_complete(const char *line, size_t point, size_t *start);
void cmd_complete_free(char **v);

/* NULL-terminated list of command names, in table order. */
const char *const *cmd_names(void);

#endif
