/*
 * session-int.h - private to src/cmd/: what a session holds and the
 * operations the commands share.
 *
 * The session keeps the learner's settings (one struct nn_config, read
 * and written through the engine's settings table), the data (its
 * generator parameters or loaded CSV rows, split into train/val), the
 * network (an nn_net, which owns its own history and early-stop state), the
 * results of the last train/sweep/compare, the last chart (so it can be
 * re-rendered at any size) and a bounded undo stack of full snapshots.
 */
#ifndef REGTUTOR_SESSION_INT_H
#define REGTUTOR_SESSION_INT_H

#include <stdint.h>

#include "chart/chart.h"
#include "cmd/cmd-int.h"
#include "cmd/sweep.h"
#include "nn/nn.h"

#define UNDO_MAX	16

/* The data as the learner asked for it. */
struct data_spec {
	int kind;		/* enum nn_dataset_kind, or -1: loaded CSV */
	long n;
	double noise;
	double split;		/* share of rows used for training, (0, 1] */
	double test;		/* share held out as the test split, [0, 1),
				 * split + test <= 1; 0: none */
	long seed;
	char *csv;		/* file name of a loaded CSV (kind == -1) */
};

/*
 * What "data" accepts, the one place these ranges are set: the data
 * command and the lab loader (a lab's data line) refuse the same values.
 * CSV data (data load, a lab's "data csv") has 1..NN_MAX_EXAMPLES rows of
 * 1..NN_MAX_WIDTH inputs and one target, NN_MAX_VALUES numbers at most.
 */
#define DATA_N_MIN	4
#define DATA_N_MAX	100000
#define DATA_NOISE_MAX	10
#define DATA_SPLIT_MIN	0.05
#define DATA_TEST_MAX	0.9
#define DATA_SEED_MAX	2147483647
/* Limits of the lab file "load" reads. */
#define LAB_MAX_LINE	NN_MAX_LINE
#define LAB_MAX_BYTES	(256LL << 20)

/* Sets kind and the default n, noise and split of a generated kind (-1:
 * a loaded CSV file gets the defaults of the large sets). */
void data_defaults(int kind, struct data_spec *ds);

/* The state undo restores and save writes. */
struct lab {
	struct nn_config cfg;		/* the settings (loss may be auto) */
	struct data_spec ds;
	struct nn_dataset *all;		/* NULL: no data yet */
	struct nn_dataset *train, *val;
	struct nn_dataset *test;	/* NULL: no test split; read only by
					   eval test, test_loss, test_acc */
	struct nn_net *net;		/* NULL: no network yet */
	char spec[64];			/* the net's spec as typed */
	/* The loss the last train run of net used (nn_loss_name(): a
	 * loss= override or the net's own); NULL: not trained since it was
	 * built, or not known (a lab read from a file). */
	const char *run_loss;
};

/* The kinds of chart, the rows of plot_kinds[] (plot.c). */
enum plot_kind {
	PLOT_NONE, PLOT_LOSS, PLOT_WEIGHTS, PLOT_GRADS, PLOT_ACTS, PLOT_FN,
	PLOT_BOUNDARY, PLOT_NORM, PLOT_SWEEP, PLOT_HIST2, PLOT_CMP_LOSS,
	PLOT_CMP_GRADS, PLOT_BUNDLES, PLOT_PREDICTION,
	PLOT_KIND_COUNT
};

/*
 * What a chart shows.  The session's last plot (struct session.plot) is a
 * spec: charts of live state (loss, weights, sweep, compare, fn) name only
 * their kind and options and read the session when rendered, so the shell's
 * chart pane follows training; charts of a moment (grads, acts, boundary,
 * norm) carry their numbers from the start.  plot_capture() turns a spec
 * into a snapshot, which holds every number and option its render needs:
 * the transcript keeps one per chart item, so a chart can be drawn again,
 * at any size, after the session has moved on.
 */
struct plot {
	enum plot_kind kind;
	int logy;			/* loss */
	int layer;			/* weights, norm: 1-based; weights: 0
					   all layers */
	int act;			/* fn: the activation */
	/*
	 * boundary: a = xlo xhi ylo yhi then samples x samples outputs,
	 * b = x y class triples, the first split of them training points,
	 * the rest validation.  prediction (boundary with one input): a =
	 * training x then y, then validation x then y, split training
	 * points; b = grid x then the prediction.
	 */
	int samples;
	int split;
	int by_row;			/* norm: layer norm's groups are rows
					   (0: batch norm's, columns) */
	int hilite;			/* norm: the highlighted group */
	char title[160];
	/* copied data for charts that do not read the live session */
	double *a, *b;
	int na, nb;
	char **labels;
	int nlabels;
	/*
	 * Snapshot only (plot_capture()), the live kinds' numbers in a, b
	 * and labels: loss: a = train, b = val losses (na = nb epochs from
	 * x0); weights: a = the weights; sweep: labels = the values, a =
	 * best val loss, |w| and zero share per run (na = 3 runs); hist2:
	 * a, b = the two runs' weights, labels = their values; compare
	 * loss: a (b) = run 1's (2's) train then val losses (na = 2
	 * epochs), labels = the values (nlabels = the runs).
	 */
	int snapshot;			/* 1: self-contained */
	struct chart_tiers tiers;
	int x0;				/* loss: epoch of a[0] */
	int best_epoch;			/* loss: nn_net_best() (0: none) */
	double best_loss;		/* loss: its loss */
	int nseeds;			/* sweep: seeds=N (b: per run the mean
					   val loss, its sd, the mean train
					   loss; nb = 3 runs) */
	double leak;			/* fn: leaky's slope */
	char xlabel[32];		/* sweep: the swept key */
	const char *empty;		/* a note instead of a chart (static) */
	/* drawn in thick strokes (chart_opts.thick, classroom mode): set
	 * on a copy by whoever draws it, never captured */
	int thick;
};

struct session {
	struct lab lab;
	int glyphs, colors, width, height;
	struct plot plot;
	struct sweep sweep;
	/* last train */
	int last_status;		/* enum nn_train_status, -1: none */
	cmd_epoch_fn hook;
	void *hook_ctx;
	char errmsg[256];
	/* undo */
	struct lab *undo[UNDO_MAX];
	char *undo_what[UNDO_MAX];	/* the command each one undoes */
	int nundo;
	struct nn_rng step_rng;		/* mini-batches of "step" */
	/* what "data load -" reads: the rows a lab file carries, while
	 * lab_load() replays its data line (NULL: "-" is a file name) */
	FILE *rows_in;
	const char *rows_name;
	/* what $LESSONDATA stands for in "data load" (NULL: no lesson has
	 * said; kept by session_restart()) */
	char *lesson_data;
};

/* cfg as the engine runs it on l's data: loss auto resolved for the
 * data's task (regression without data). */
struct nn_config lab_config(const struct lab *l, const struct nn_config *cfg);
/* Deep copy / free of a lab. */
struct lab *lab_copy(const struct lab *l);
void lab_done(struct lab *l);

/*
 * The rows of all shuffled with seed: round(split * n) for training, the
 * last round(test * n) of the others (at most all of them) held out as the
 * test split, the rest for validation.  With test 0 *te is NULL and the
 * training and validation rows are those of nn_dataset_split().  0, or -1
 * with a message; the caller frees the three.
 */
int data_split(const struct nn_dataset *all, const struct data_spec *ds,
    uint64_t seed, struct nn_dataset **tr, struct nn_dataset **va,
    struct nn_dataset **te, char *err, size_t errlen);
/* Re-splits l->all into train/val/test with l->ds and its seed. */
int lab_split(struct lab *l, char *err, size_t errlen);
/* A fresh net from spec and the settings cfg; NULL with a message. */
struct nn_net *lab_new_net(const struct lab *l, const char *spec,
    const struct nn_config *cfg, char *err, size_t errlen);

/* The layers (1-based) with an identity skip, "2, 3", into buf; "" when
 * none. */
void net_skip_layers(const struct nn_net *net, char *buf, size_t len);

/* Puts net (owned from now) in place of the session's net: no last
 * training status any more.  The spec is the caller's to set. */
void session_set_net(struct session *s, struct nn_net *net);

/* Snapshot for undo (cmd.c, before each mutating command what, as
 * typed); takes l and what. */
void session_push_undo_lab(struct session *s, struct lab *l, char *what);

/* Lab state text (version 1) and its loader; load leaves s unchanged on
 * error ("name:line: message"). */
char *lab_dump(const struct lab *l);
int lab_load(struct lab *out, FILE *f, const char *name, char *err,
    size_t errlen);

/* Data and net present and of matching shape?  CMD_OK or an error. */
int lab_ready(struct cmd_ctx *c);

/* The net as it stands now (not the last history row, which after an early
 * stop describes the weights that were thrown away): losses and accuracy in
 * evaluation mode on the current split, the penalty for the training rows.
 * val_* are NAN without validation rows, *_acc NAN for regression.  0, or
 * -1 with a message when there is no data or net or they do not fit. */
struct measure {
	double train_loss, val_loss, train_acc, val_acc, penalty;
	int has_val;		/* a validation split: val_* are its numbers
				 * (NAN there is a diverged net, not "none") */
};
int lab_measure(const struct lab *l, struct measure *m, char *err,
    size_t errlen);

/* Training with the session's hook and progress; fills res. */
int session_train(struct session *s, struct nn_net *net,
    const struct lab *l, int epochs, struct nn_train_result *res,
    char *err, size_t errlen);

/* Charts: render the session's plot into g at its size (a spec is
 * captured first, a snapshot drawn as it is), in thick strokes when
 * thick is 1. */
void plot_render(struct session *s, const struct plot *p, struct grid *g,
    int thick);

/*
 * One kind of chart: all that differs between kinds, in one row of
 * plot_kinds[] (indexed by enum plot_kind).  The kinds with a name are the
 * plot command's, in the order it lists them; the others are drawn by
 * sweep and compare (and a one-input boundary).
 */
struct plot_kind_def {
	const char *name;	/* KIND of "plot KIND"; NULL: not a KIND */
	const char *usage;	/* its part of the usage, "loss [log]" */
	const char *help;	/* its line of "help plot" */
	const char *const *(*args)(void);	/* completion words of its
					   argument */
	const char *args_name;	/* non-NULL: the help line goes on with
				   "; NAME: " and the words of args */
	/* Its argument (argv[2], may be absent) into the spec, checked
	 * without a session; NULL: it takes none. */
	int (*parse)(struct cmd_ctx *c, struct plot *p);
	/* The spec for the session now: checks, title, and a chart of a
	 * moment's numbers.  CMD_OK, or the error already reported. */
	int (*gather)(struct cmd_ctx *c, struct plot *p);
	/* A live chart's numbers into its snapshot; NULL: they came with
	 * the spec. */
	void (*capture)(struct session *s, struct plot *p);
	/* Draws a snapshot; o holds the tiers and the title. */
	void (*draw)(const struct plot *p, struct grid *g,
	    struct chart_opts *o);
	/* How many numbers a and b hold; NULL: na and nb. */
	void (*counts)(const struct plot *p, int *na, int *nb);
	/* The chart's rows when the session's charts have h; NULL: h. */
	int (*rows)(const struct plot *p, int h);
};
extern const struct plot_kind_def plot_kinds[PLOT_KIND_COUNT];
/* A snapshot of p (a spec or a snapshot) with s's live state and render
 * tiers; out is overwritten (plot_clear() it after use). */
void plot_capture(struct session *s, const struct plot *p, struct plot *out);
/* Draws a snapshot into g at g's size. */
void plot_draw(const struct plot *p, struct grid *g);
/* A deep copy of p into out (overwritten). */
void plot_copy(struct plot *out, const struct plot *p);
void plot_clear(struct plot *p);
/* Attaches snapshot p (taken) to the transcript's last item, a chart. */
void transcript_set_snapshot(struct transcript *t, struct plot *p);
/* The snapshot of chart item i, or NULL. */
const struct plot *transcript_snapshot(const struct transcript *t,
    size_t i);
/* The sweep chart's title: "regularization path: lambda", "sweep: act". */
void plot_sweep_title(char *buf, size_t n, const char *key);
/* The title of a train's live loss chart, with the run's settings that
 * tell one run from another, short enough for a narrow chart pane: "loss
 * (relu, norm batch, batch 2)", "loss (tanh, batch 10, l2 0.03)" (the
 * penalty and lambda), "loss (tanh, batch 10, l1 0.1 subgrad)", "loss mae
 * (linear, batch 21)". */
void plot_train_title(char *buf, size_t n, const struct nn_config *p);
/* The title of a compare's loss chart: "loss: act tanh vs relu". */
void plot_compare_title(char *buf, size_t n, const struct sweep *sw);
/* Stores p as the last plot and appends its render to the transcript. */
void session_show_plot(struct session *s, struct transcript *t,
    struct plot *p);
struct chart_tiers session_tiers(const struct session *s);

#endif
