/*
 * nn.h - the training engine of regtutor: small fully connected networks with
 * every knob the lessons turn (activations, initialisation, L1/L2 penalties,
 * dropout, batch/layer normalization, optimizers, early stopping), toy data
 * sets, diagnostics and a text save format.
 *
 * Rules of the engine: numbers are double; all randomness comes from a seed
 * the caller gives (one seed, bit-identical results); nothing here prints or
 * touches a terminal.  Functions that can fail on user input take
 * (char *err, size_t errlen), write a one-line message there (err may be
 * NULL) and return -1 or NULL; they never print.  Out-of-memory aborts
 * (util.h xmalloc).  Every *_free(NULL) is a harmless no-op.
 *
 * A network is  in -> [dense -> (norm) -> act -> (dropout)] x hidden -> dense
 * -> out_act; with skip on, a hidden layer as wide as its input adds that
 * input to its output (a residual block h' = h + f(h)).  It owns its parameters, its optimizer state, its training
 * history and its early-stopping state: one object is "a model being
 * trained", so nn_net_copy() is a complete snapshot (undo, A/B compare).
 */
#ifndef REGTUTOR_NN_H
#define REGTUTOR_NN_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ------------------------------------------------------------ limits */
#define NN_MAX_LAYERS	16	/* dense layers; a spec has at most 17 numbers */
#define NN_MAX_WIDTH	256	/* units in any layer, inputs included */
#define NN_MAX_WEIGHTS	300000	/* weights of a network (biases apart) */
#define NN_MAX_WORK	1e9	/* rows x weights of one pass over a data set */
#define NN_MAX_BATCH	1024	/* mini-batch size */
#define NN_MAX_EXAMPLES	1000000	/* rows in a data set */
#define NN_MAX_VALUES	2000000	/* numbers in a data set: rows x (in + out) */
#define NN_MAX_LINE	65536	/* bytes in a line of a CSV or net file */
#define NN_MAX_CSV_BYTES (64LL << 20)	/* a CSV file */
#define NN_MAX_NET_BYTES (64LL << 20)	/* a saved network */

/* ------------------------------------------------------------ kinds */
/*
 * Each kind has a name: nn_X_name(k) gives the lower-case name (NULL if k
 * is out of range, so k = 0, 1, ... until NULL lists them in enum order),
 * nn_X_from_name(s) the kind or -1.  The activations, initialisations,
 * losses, penalties, optimizers, norms and data sets are rows of tables
 * with their functions (act.c, net.c, loss.c, opt.c, norm.c, data.c): one
 * row per enum value.  A value past the last row fails to compile; a gap in a table is
 * found by nn_kinds_check().
 */

enum nn_act {
	NN_ACT_LINEAR,		/* "linear"   x */
	NN_ACT_SIGMOID,		/* "sigmoid"  1/(1+e^-x) */
	NN_ACT_TANH,		/* "tanh" */
	NN_ACT_RELU,		/* "relu"     max(0,x), f'(0)=0 */
	NN_ACT_LEAKY,		/* "leaky"    max(a*x, x), a = leak (0.05) */
	NN_ACT_ELU,		/* "elu"      x>0 ? x : e^x-1 */
	NN_ACT_SOFTPLUS,	/* "softplus" log(1+e^x) */
	NN_ACT_COUNT
};
const char *nn_act_name(int k);
int nn_act_from_name(const char *s);

enum nn_init {
	NN_INIT_XAVIER,		/* "xavier"  U(-r,r), r = sqrt(6/(in+out)) */
	NN_INIT_HE,		/* "he"      N(0, 2/in) */
	NN_INIT_NORMAL,		/* "normal"  N(0, init_scale^2) */
	NN_INIT_UNIFORM,	/* "uniform" U(-init_scale, init_scale) */
	NN_INIT_COUNT
};
const char *nn_init_name(int k);
int nn_init_from_name(const char *s);

enum nn_loss {
	NN_LOSS_MSE,		/* "mse" mean (o-t)^2 over examples and outputs */
	NN_LOSS_MAE,		/* "mae" mean |o-t| */
	NN_LOSS_BCE,		/* "bce" binary cross-entropy on logits (stable) */
	NN_LOSS_COUNT
};
const char *nn_loss_name(int k);
int nn_loss_from_name(const char *s);

enum nn_reg {
	NN_REG_NONE,		/* "none" */
	NN_REG_L1,		/* "l1"  L = L0 + (lambda/n) sum |w| */
	NN_REG_L2,		/* "l2"  L = L0 + (lambda/n) sum w^2 */
	NN_REG_COUNT
};
const char *nn_reg_name(int k);
int nn_reg_from_name(const char *s);

enum nn_l1mode {
	NN_L1_SUBGRAD,		/* "subgrad" gradient += (lambda/n) sign(w), sign(0)=0 */
	NN_L1_PROX,		/* "prox"    after the step w = sign(w) max(|w|-lr*lambda/n, 0) */
	NN_L1_COUNT
};
const char *nn_l1mode_name(int k);
int nn_l1mode_from_name(const char *s);

enum nn_opt {
	NN_OPT_SGD,		/* "sgd"      w -= lr g */
	NN_OPT_MOMENTUM,	/* "momentum" v = mu v + g; w -= lr v */
	NN_OPT_ADAM,		/* "adam"     bias-corrected, beta1/beta2/eps */
	NN_OPT_ADAMW,		/* "adamw"    the adam step, then decoupled
				 * weight decay w -= lr wd w (weights only) */
	NN_OPT_COUNT
};
const char *nn_opt_name(int k);
int nn_opt_from_name(const char *s);

enum nn_norm {
	NN_NORM_NONE,		/* "none" */
	NN_NORM_BATCH,		/* "batch" per feature over the mini-batch; a
				 * training batch of ONE row has no batch
				 * variance, so it is normalized with the
				 * running statistics (as in evaluation) and
				 * leaves them unchanged: never NaN */
	NN_NORM_LAYER,		/* "layer" per example over the features */
	NN_NORM_COUNT
};
const char *nn_norm_name(int k);
int nn_norm_from_name(const char *s);

enum nn_dataset_kind {
	NN_DS_POLY,		/* "poly"   regression, 1-D, few noisy points of a cubic */
	NN_DS_SINE,		/* "sine"   regression, 1-D, sin(pi x) on [-1, 1] */
	NN_DS_CIRCLE,		/* "circle" classification, 2-D, inside vs ring */
	NN_DS_XOR,		/* "xor"    classification, 2-D, sign(x1*x2) */
	NN_DS_GAUSS,		/* "gauss"  classification, 2-D, two blobs */
	NN_DS_SPIRAL,		/* "spiral" classification, 2-D, two arms of 3/4 turn */
	NN_DS_MOONS,		/* "moons"  classification, 2-D, two half moons */
	NN_DS_COUNT
};
const char *nn_dataset_kind_name(int k);
int nn_dataset_kind_from_name(const char *s);

enum nn_task {
	NN_TASK_REGRESSION,	/* "regression" */
	NN_TASK_CLASSIFICATION,	/* "classification": targets 0/1 */
	NN_TASK_COUNT
};
const char *nn_task_name(int k);

/* 0 if every kind has a complete table row, else -1 and a message naming
 * the kind and its file.  The front end calls it at start-up. */
int nn_kinds_check(char *err, size_t errlen);

/* Value f(x) and derivative f'(x) of an activation (leak used by leaky). */
void nn_act_eval(int act, double leak, double x, double *f, double *df);

/* ------------------------------------------------------------ random */
/* xoshiro256** seeded through splitmix64.  Plain struct: copy to fork. */
struct nn_rng {
	uint64_t s[4];
};
void nn_rng_seed(struct nn_rng *r, uint64_t seed);
uint64_t nn_rng_next(struct nn_rng *r);
double nn_rng_uniform(struct nn_rng *r);	/* [0, 1) */
double nn_rng_normal(struct nn_rng *r);		/* N(0, 1) */
uint64_t nn_rng_below(struct nn_rng *r, uint64_t n);	/* [0, n), n > 0 */
void nn_rng_shuffle(struct nn_rng *r, int *a, int n);	/* Fisher-Yates */

/* ------------------------------------------------------------ config */
/* Every hyper-parameter.  Fields marked [structural] fix the shape of the
 * parameter block and can only change by building a new net. */
struct nn_config {
	enum nn_act act;	/* hidden activation (tanh) */
	double leak;		/* leaky slope, 0 <= leak < 1 (0.05) */
	enum nn_act out_act;	/* output activation (linear); must be linear with bce */
	enum nn_init init;	/* weight init (xavier) */
	double init_scale;	/* sigma (normal) or a (uniform), > 0 (0.1) */
	double bias_init;	/* constant bias (0) */
	enum nn_norm norm;	/* [structural] between hidden dense and act (none) */
	double dropout;		/* rate p after hidden acts, 0 <= p < 1 (0) */
	enum nn_loss loss;	/* (mse) */
	int loss_auto;		/* 1: the loss is the data's task's,
				 * nn_config_for_task() (1) */
	enum nn_reg reg;	/* (none) */
	double lambda;		/* >= 0 (0) */
	enum nn_l1mode l1mode;	/* (subgrad) */
	enum nn_opt opt;	/* (sgd) */
	double lr;		/* > 0 (0.03) */
	double momentum;	/* mu, 0 <= mu < 1 (0.9) */
	double beta1, beta2;	/* adam, in [0,1) (0.9, 0.999) */
	double adam_eps;	/* > 0 (1e-8) */
	int batch;		/* mini-batch size 1..NN_MAX_BATCH (10) */
	int epochs;		/* default count for a "train" command (100) */
	int early_stop;		/* 0/1: stop when the monitored loss stalls (0) */
	int patience;		/* epochs without improvement, >= 1 (5) */
	double min_delta;	/* improvement must exceed this, >= 0 (0) */
	int restore_best;	/* 0/1: on early stop restore best weights (1) */
	double bn_momentum;	/* running stats: r = (1-m) r + m batch (0.1);
				 * the batch variance is unbiased (B - 1) */
	double norm_eps;	/* epsilon of both norms, > 0 (1e-5) */
	int shuffle;		/* 0/1: reshuffle the training set each epoch (1) */
	uint64_t seed;		/* initial weights, dropout masks, shuffling (1) */
	double clip;		/* gradient clipping: before each update the
				 * gradient of all parameters is scaled down
				 * to this global L2 norm if longer; 0 = off,
				 * >= 0 (0) */
	double wd;		/* adamw's decoupled weight decay: after the
				 * adam step every weight (not the biases,
				 * gains or shifts) w -= lr wd w, apart from
				 * the gradient and its adaptive scaling
				 * (Loshchilov & Hutter); >= 0 (0) */
	double input_noise;	/* sd of Gaussian noise added to the inputs of
				 * each training mini-batch (a fresh draw per
				 * value and step, from the training rng: the
				 * seed fixes it); never in evaluation,
				 * nn_net_gradients() or the training-mode
				 * loss; >= 0 (0) */
	int skip;		/* 0/1: identity skip around every hidden
				 * layer whose width equals its input's:
				 * h_{k+1} = h_k + f(h_k), f the layer's
				 * dense/norm/act/dropout; a net must have at
				 * least one such layer (0) */
};
/* The defaults: the settings table's (see below). */
struct nn_config nn_config_default(void);
/* Resolves loss auto for a task: with loss_auto set, the loss becomes
 * mse for regression, bce (on logits) for classification and loss_auto 0;
 * else c is left alone. */
void nn_config_for_task(struct nn_config *c, enum nn_task task);
/* 0 if every field is in range, else -1 and a message naming the field. */
int nn_config_check(const struct nn_config *c, char *err, size_t errlen);

/* ------------------------------------------------------------ settings */
/*
 * The settings table: one row for every field of struct nn_config, the one
 * owner of its name, type, range, default, allowed names and help text,
 * and of when a change takes effect.  The commands set/get/show params,
 * their completion and help, the per-run overrides of train, the lab and
 * net files and the manual's list all read it (a test compares the manual
 * with it).  nn_config_default() is the rows' defaults.
 */
enum nn_setting_type {
	NN_SETTING_REAL,	/* double, min..max (min excluded: min_open) */
	NN_SETTING_INT,		/* int, min..max */
	NN_SETTING_SEED,	/* uint64_t, min..max */
	NN_SETTING_KIND,	/* an enum, by the names of kind_name() */
	NN_SETTING_FLAG		/* int 0/1, written off/on */
};

/* When a changed value acts on a net that exists (one of the first three)
 * and where else it may be given. */
#define NN_SETTING_NOW		0x01	/* the live net follows at once */
#define NN_SETTING_RESET	0x02	/* acts when weights are drawn: the
					   next net or reset */
#define NN_SETTING_REBUILD	0x04	/* changes what a net computes: set
					   rebuilds the net, fresh weights
					   from the seed */
#define NN_SETTING_SHAPE	0x08	/* (with REBUILD) changes the net's
					   layers */
#define NN_SETTING_RUN		0x10	/* train KEY=VALUE may override it for
					   one run */
#define NN_SETTING_NET		0x20	/* net SPEC KEY=VALUE takes it */
#define NN_SETTING_AUTO		0x40	/* a KIND with the extra first name
					   "auto", kept in the int at
					   auto_off */

struct nn_setting {
	const char *name;	/* as set, get and the files spell it */
	const char *alias;	/* an older name files may use, or NULL */
	enum nn_setting_type type;
	size_t off;		/* the field in struct nn_config */
	size_t auto_off;	/* NN_SETTING_AUTO: the int that says auto */
	double min, max;	/* REAL, INT, SEED */
	int min_open;		/* REAL: min itself is not allowed */
	const char *def;	/* the default, as set takes it */
	const char *(*kind_name)(int);	/* KIND: NULL past the last */
	const char *help;	/* one line */
	int flags;		/* NN_SETTING_* */
};

/* The rows in their listing order (NULL past the end), and the row of a
 * name or alias (NULL: none). */
const struct nn_setting *nn_setting_at(int i);
const struct nn_setting *nn_setting_find(const char *name);
/*
 * Parses text into s's field of c, checking it as "set" does; on error c
 * is unchanged and err holds "NAME: 'x' is not a finite number (allowed:
 * a number >= 0 and <= 100)", "NAME: 5 is out of range (allowed: ...)",
 * "NAME: unknown value 'relux'; did you mean 'relu'? (allowed: a|b)".
 * Flags take on/off (and 1/0, as older net files wrote them).  0 or -1.
 */
int nn_setting_parse(struct nn_config *c, const struct nn_setting *s,
    const char *text, char *err, size_t errlen);
/* The value as parse takes it back exactly (doubles %.17g, kinds and
 * flags by name, "auto"). */
void nn_setting_get(const struct nn_config *c, const struct nn_setting *s,
    char *buf, size_t len);
/* A number's value (REAL, INT, SEED; a flag 0 or 1; a kind its index,
 * -1 for auto). */
double nn_setting_number(const struct nn_config *c,
    const struct nn_setting *s);
/* KIND and FLAG: allowed name i ("auto" first where it applies), NULL
 * past the last. */
const char *nn_setting_choice(const struct nn_setting *s, int i);
/* What is allowed, as parse's messages say it: "a number > 0 and <= 10",
 * "an integer from 1 to 1024", "off|on". */
void nn_setting_allowed(const struct nn_setting *s, char *buf, size_t len);

/* The net file's keys: the rows by index and by name (nn_setting_get and
 * nn_setting_parse on the row).  nn_config_get returns -1 for an unknown
 * key. */
const char *nn_config_key(int i);
int nn_config_set(struct nn_config *c, const char *key, const char *value,
    char *err, size_t errlen);
int nn_config_get(const struct nn_config *c, const char *key, char *buf,
    size_t len);

/* Parses "2-16-16-1" into sizes[] (room for NN_MAX_LAYERS+1); *n gets the
 * count (>= 2).  Errors: empty part ("2--3"), zero or non-number, more than
 * NN_MAX_WIDTH, fewer than 2 or more than NN_MAX_LAYERS+1 numbers. */
int nn_spec_parse(const char *s, int *sizes, int *n, char *err, size_t errlen);

/* ------------------------------------------------------------ data */
struct nn_dataset {
	int n;			/* examples */
	int nin;		/* inputs per example */
	int nout;		/* targets per example (1 for all built-in sets) */
	enum nn_task task;
	double *x;		/* (n, nin) row-major */
	double *y;		/* (n, nout) */
	int shares;		/* copies sharing these rows (see _copy) */
};
/* A generated set: n in 1..NN_MAX_EXAMPLES, noise in [0, 100] (poly/sine:
 * std of Gaussian noise added to y; 2-D sets: std of Gaussian noise added to
 * each coordinate, the data spanning about [-1, 1]^2, so 0..0.5 is
 * sensible).  Classes alternate before shuffling, so they are balanced
 * (n/2 ones).  Points come in random order.  Caller frees. */
struct nn_dataset *nn_dataset_generate(enum nn_dataset_kind kind, int n,
    double noise, uint64_t seed, char *err, size_t errlen);
/* An empty set of the given shape (rows zero-filled). */
struct nn_dataset *nn_dataset_new(int n, int nin, int nout, enum nn_task task);
/* A data set is not changed once made, so a copy shares it (the undo
 * history holds many labs of the same rows): nn_dataset_copy() returns d
 * itself, counted, and nn_dataset_free() frees with the last holder. */
struct nn_dataset *nn_dataset_copy(const struct nn_dataset *d);
void nn_dataset_free(struct nn_dataset *d);
/* Shuffles a copy with seed, puts round(ratio*n) rows in *train and the rest
 * in *val (either may be empty, n == 0).  0 < ratio <= 1.  Caller frees both. */
int nn_dataset_split(const struct nn_dataset *d, double ratio, uint64_t seed,
    struct nn_dataset **train, struct nn_dataset **val, char *err,
    size_t errlen);
/* CSV: comma-separated numbers, optional first header line (a line whose
 * first field is not a number), '#' comment lines and blank lines skipped,
 * last column = target.  Every row must have the same number of fields (>= 2).
 * Task is classification when every target is exactly 0 or 1.  At most
 * NN_MAX_EXAMPLES rows and NN_MAX_VALUES numbers, lines of NN_MAX_LINE
 * bytes, NN_MAX_CSV_BYTES in all.  On error "name:line:column: message"
 * and NULL; nothing is half-loaded.  load_csv refuses what is not a
 * regular file (directory, FIFO, device) before reading. */
struct nn_dataset *nn_dataset_read_csv(FILE *f, const char *name, char *err,
    size_t errlen);
struct nn_dataset *nn_dataset_load_csv(const char *path, char *err,
    size_t errlen);
/* Writes a header "x1,...,y" then one row per example (%.17g).  0 or -1. */
int nn_dataset_write_csv(const struct nn_dataset *d, FILE *f);

/* ------------------------------------------------------------ network */
struct nn_net;

struct nn_net *nn_net_new(const char *spec, const struct nn_config *c,
    char *err, size_t errlen);
struct nn_net *nn_net_new_sizes(const int *sizes, int n,
    const struct nn_config *c, char *err, size_t errlen);
void nn_net_free(struct nn_net *net);
/* Deep copy: parameters, optimizer state, history, early-stop state, rng. */
struct nn_net *nn_net_copy(const struct nn_net *net);
/* Re-initialises weights from config seed (the same weights every time for
 * the same seed), clears optimizer state, history and early-stop state. */
void nn_net_reset(struct nn_net *net);

/* Whether dense layer k has an identity skip around it (skip on, a
 * hidden layer, as many units as inputs). */
int nn_net_skip(const struct nn_net *net, int k);

/* The config in use (borrowed). */
const struct nn_config *nn_net_config(const struct nn_net *net);
/* Changes settings between calls.  Anything may change except the
 * structural norm (error), and skip only to on when a layer qualifies.  Changing opt clears the optimizer state; init,
 * init_scale, bias_init and seed take effect at the next nn_net_reset(). */
int nn_net_set_config(struct nn_net *net, const struct nn_config *c,
    char *err, size_t errlen);

/* Shape: nn_net_nlayers() dense layers; width(0) = inputs, width(k) =
 * outputs of dense layer k-1, width(nlayers) = outputs. */
int nn_net_nlayers(const struct nn_net *net);
int nn_net_width(const struct nn_net *net, int k);
int nn_net_nin(const struct nn_net *net);
int nn_net_nout(const struct nn_net *net);
/* Writes "2-16-16-1" into buf. */
void nn_net_spec(const struct nn_net *net, char *buf, size_t len);
/* Total trainable parameters, and the weights alone (what L1/L2 see). */
long nn_net_nparams(const struct nn_net *net);
long nn_net_nweights(const struct nn_net *net);

/* Parameter access for dense layer k (0-based).  W is (in, out) row-major:
 * W[i*out + j] connects input i to unit j.  Pointers are into the net
 * (writable; valid until nn_net_free); in/out may be NULL.  gamma/beta and
 * the running mean/var return NULL when layer k has no normalization (the
 * output layer never has). */
double *nn_net_weights(struct nn_net *net, int k, int *in, int *out);
double *nn_net_biases(struct nn_net *net, int k);
double *nn_net_gamma(struct nn_net *net, int k);
double *nn_net_beta(struct nn_net *net, int k);
double *nn_net_running_mean(struct nn_net *net, int k);
double *nn_net_running_var(struct nn_net *net, int k);
/* The starting weights of dense layer k (see nn_net_init_distance()),
 * same layout as nn_net_weights() and writable, so a saved lab can put
 * back the start it had. */
double *nn_net_start_weights(struct nn_net *net, int k, int *in, int *out);
/* Gradient of the last nn_net_gradients()/training step, same layout. */
const double *nn_net_weight_grads(const struct nn_net *net, int k);
/* The global L2 norm of that gradient over every parameter (weights,
 * biases, gains and shifts), as clipping measures it; NAN before any.
 * After a training step with clip on it is the clipped gradient's. */
double nn_net_grad_norm(const struct nn_net *net);

/* Evaluation-mode forward (running BN stats, no dropout) on n rows of x
 * (n, nin) into out (n, nout).  With loss bce the output is the probability
 * sigmoid(logit); otherwise out_act of the last layer.  Any n >= 0. */
void nn_net_predict(struct nn_net *net, const double *x, int n, double *out);
/* Mean loss L0 (evaluation mode) and accuracy over d (acc NAN for
 * regression; classification: prediction >= 0.5 means class 1). */
int nn_net_evaluate(struct nn_net *net, const struct nn_dataset *d,
    double *loss, double *acc, char *err, size_t errlen);
/* The penalty (lambda/n) sum |w| or w^2 for n training examples (0 if none). */
double nn_net_penalty(const struct nn_net *net, int n);

/* ------------------------------------------------------------ training */
/* One row of the history; epochs count from 1 since the last reset. */
struct nn_epoch {
	int epoch;
	double train_loss;	/* L0 on the training set, evaluation mode */
	double val_loss;	/* L0 on the validation set; NAN without one */
	double penalty;		/* (lambda/n) sum ..., reported apart from L0 */
	double train_acc;	/* NAN for regression */
	double val_acc;		/* NAN for regression or without validation */
	double lr;		/* learning rate used in this epoch */
	double seconds;		/* wall time of the epoch */
};

enum nn_train_status {
	NN_TRAIN_DONE,		/* ran all requested epochs */
	NN_TRAIN_EARLY_STOP,	/* patience ran out (weights restored if asked) */
	NN_TRAIN_DIVERGED,	/* loss or a weight became NaN/Inf; net kept as is */
	NN_TRAIN_CANCELLED,	/* callback returned nonzero or *cancel was set */
	NN_TRAIN_STATUS_COUNT
};
const char *nn_train_status_name(int k); /* "done" "early-stop" "diverged" "cancelled" */

struct nn_train_result {
	enum nn_train_status status;
	int epochs_run;		/* epochs completed by this call */
	int best_epoch;		/* nn_net_best() after the call */
	double best_loss;	/* its loss */
	int stopped_early;	/* status == NN_TRAIN_EARLY_STOP */
	int restored;		/* best weights were restored */
};

/* Per-epoch callback: return nonzero to cancel (after this epoch). */
typedef int (*nn_epoch_cb)(void *ctx, const struct nn_epoch *e);

/* Trains up to epochs epochs (>= 0) on train (val may be NULL or empty),
 * appending to the history.  cb may be NULL; cancel may be NULL, else it is
 * checked before each mini-batch and a set flag ends the epoch early (a
 * partial epoch is recorded if at least one mini-batch ran; the engine
 * never clears the flag).  Early stopping (if config.early_stop)
 * monitors val loss, else train loss, of this call's epochs only: the
 * best epoch, the patience count and the best weights start over at the
 * call's first epoch (see nn_net_best()).
 * Returns 0 (see res->status, res may be NULL) or -1 on bad arguments
 * (shape mismatch, empty training set). */
int nn_train(struct nn_net *net, const struct nn_dataset *train,
    const struct nn_dataset *val, int epochs, nn_epoch_cb cb, void *ctx,
    volatile sig_atomic_t *cancel, struct nn_train_result *res, char *err,
    size_t errlen);
/*
 * The engine's stop request: when *flag becomes nonzero, the passes that
 * can take long besides training (nn_net_gradients(), nn_net_stats() with
 * data) stop at their next chunk and fail with "interrupted"; the front
 * end points it at its ^C flag.  NULL (the default): never.  Training
 * has its own cancel argument, checked before every mini-batch.
 */
void nn_set_interrupt(volatile sig_atomic_t *flag);
/* One update on rows idx[0..n-1] of d (idx NULL: rows 0..n-1), training
 * mode (input noise, dropout, clipping: as a step of nn_train); *loss (may
 * be NULL) gets the mini-batch L0 before the update, on the inputs the
 * step saw.  The
 * penalty uses ntrain = d->n.  Does not touch the history. */
int nn_train_batch(struct nn_net *net, const struct nn_dataset *d,
    const int *idx, int n, double *loss, char *err, size_t errlen);
/* Full-batch gradient of L0 + penalty on d in training mode (dropout and
 * input noise off, running stats untouched, not clipped), no update.  Read
 * it with nn_net_weight_grads() or nn_net_stats().  Taken NN_GRAD_CHUNK
 * (1024) rows at a time, so its memory is bounded: batch norm normalizes
 * each chunk on its own rows (on the whole set when it has at most 1024
 * rows).  Fails with "interrupted" when the engine's stop request is set
 * (nn_set_interrupt). */
int nn_net_gradients(struct nn_net *net, const struct nn_dataset *d,
    char *err, size_t errlen);

/*
 * Mean loss L0 over one pass of d in training mode, the net unchanged:
 * mini-batches of batch rows (batch >= d->n: the whole set at once; the
 * last batch may be smaller), rows in an order shuffled by an rng derived
 * from seed; batch norm normalizes each mini-batch with its own statistics
 * (a batch of one row uses the running ones, as training does) and dropout
 * draws its masks from that rng.  Parameters, running statistics, the
 * net's own rng (training's shuffles and masks) and history stay as they
 * were, so the same call gives the same number.  With neither batch norm
 * nor dropout it equals the evaluation-mode loss of nn_net_evaluate().
 * 0, or -1 with a message (shape mismatch, no rows, batch < 1).
 */
int nn_net_evaluate_train_mode(struct nn_net *net, const struct nn_dataset *d,
    int batch, uint64_t seed, double *loss, char *err, size_t errlen);

/*
 * The best epoch of the last run, by the early-stopping rule (see
 * nn_early_update(): an epoch is the new best when its monitored loss,
 * val when training had a validation set, else train, is below the best
 * so far by more than min_delta), whether or not early stopping is on.
 * The last run is the last nn_train() call that recorded an epoch (its
 * epochs only; the number is the epoch's place in the whole history);
 * after nn_net_set_history() the whole history counts as one run.  *loss
 * (may be NULL) gets its monitored loss.  0 and NAN before any epoch.
 * The one answer to "which epoch was best": what early stopping
 * restores, what the front end reports and marks.
 */
int nn_net_best(const struct nn_net *net, double *loss);
/* History since the last reset: returns the count, *h points into the net
 * (valid until the next train/reset/free). */
int nn_net_history(const struct nn_net *net, const struct nn_epoch **h);
/* Replaces the history with a copy of h[0..n-1], as if those n epochs had
 * just been trained: a saved lab is restored with it.  Epochs must run 1..n
 * in order; any value (NAN included) is accepted for the losses.  The
 * early-stopping state is rebuilt by replaying the monitored loss (val when
 * it is a number, else train) with the net's patience and min_delta; the
 * best-weights snapshot is not (the current weights stand).  0, or -1 with
 * a message (the net unchanged). */
int nn_net_set_history(struct nn_net *net, const struct nn_epoch *h, int n,
    char *err, size_t errlen);
/* Writes "epoch,train_loss,val_loss,penalty,train_acc,val_acc,lr". */
int nn_history_write_csv(const struct nn_net *net, FILE *f);

/* Early stopping as a pure rule, also used by nn_train (exposed so a lesson
 * or test can replay a loss history). */
struct nn_early {
	double best;		/* lowest loss seen (+inf at start) */
	int best_epoch;		/* its epoch (0: none) */
	int wait;		/* epochs since the last improvement */
};
void nn_early_init(struct nn_early *e);
/* Feeds the loss of epoch; improvement means loss < best - min_delta.
 * Returns 1 when wait reached patience (stop now), 0 otherwise, and sets
 * *improved (may be NULL) when this epoch became the best. */
int nn_early_update(struct nn_early *e, int epoch, double loss, int patience,
    double min_delta, int *improved);

/* ------------------------------------------------------------ diagnostics */
struct nn_layer_stats {
	int in, out;		/* shape of dense layer k */
	long nweights;		/* in*out */
	double w_mean, w_std;	/* of the weights (population std) */
	double w_maxabs;	/* max |w| */
	double frac_zero;	/* fraction exactly 0 */
	double frac_small;	/* fraction with |w| < 1e-3 */
	double grad_norm;	/* ||dL/dW||_2 of the last gradient (NAN if none yet) */
	double update_ratio;	/* ||dW_update||_2 / ||W||_2 of the last update (NAN if none) */
	/* Activation statistics of this layer's output on the data given to
	 * nn_net_stats (evaluation mode); NAN when no data was given. */
	double act_mean, act_std;
	double act_sat;		/* tanh: |a| > 0.97; sigmoid: a outside [0.03, 0.97]; else NAN */
	double act_dead;	/* relu: fraction of units that are 0 on every example; else NAN */
};
/* Fills st[0..nlayers-1].  d may be NULL (no activation statistics). */
int nn_net_stats(struct nn_net *net, const struct nn_dataset *d,
    struct nn_layer_stats *st, char *err, size_t errlen);
/* Histogram of the weights of layer k (k = -1: all layers) into counts[nbins]
 * over [lo, hi); values outside are clamped into the end bins.  Returns the
 * number of weights counted. */
long nn_weight_histogram(const struct nn_net *net, int k, int nbins,
    double lo, double hi, long *counts);
/* sqrt(sum w^2) over all weights, and the fraction of weights exactly 0. */
double nn_net_weight_norm(const struct nn_net *net);
double nn_net_zero_share(const struct nn_net *net);
/* sqrt(sum (w - w0)^2) over all weights (not biases), w0 the starting
 * weights: those nn_net_new() or nn_net_reset() drew, or nn_net_load()
 * read (nn_net_copy() keeps them).  How far training has carried the
 * weights, the quantity early stopping bounds. */
double nn_net_init_distance(const struct nn_net *net);

/* Batch vs layer norm view: runs the first B rows of d (B <= d->n) in
 * training mode without side effects and copies, for hidden layer k
 * (0 <= k < nlayers-1), the (B, F) pre-normalization values into pre and the
 * normalized values (before gamma/beta) into post (either may be NULL),
 * F = nn_net_width(net, k+1).  Error if the net has no normalization. */
int nn_net_norm_matrix(struct nn_net *net, const struct nn_dataset *d, int B,
    int k, double *pre, double *post, char *err, size_t errlen);

/* ------------------------------------------------------------ save/load */
/*
 * Text format, version 2 (line oriented, '#' comments allowed):
 *   regtutor-net 2
 *   spec 2-16-16-1
 *   <setting> <value>         one line per row of the settings table, by
 *                             its name (nn_setting_get: kinds and flags by
 *                             name, doubles %.17g); the older names
 *                             early_stop and restore_best read too
 *   param <layer> <what> <count>
 *   <count numbers, %.17g, up to 4 per line>
 *   ...                       what = W b gamma beta rmean rvar
 *   end
 * Doubles print with %.17g, so values round-trip bit-exactly.  Loading reads
 * up to and including the "end" line and leaves the stream after it, so the
 * block can be embedded in a larger file.  The history and optimizer state
 * are not in this block (a loaded net starts at epoch 0); a caller that
 * keeps the history elsewhere puts it back with nn_net_set_history().
 * Version 1 files (before the keys of version 2) still load: the keys
 * they lack keep their defaults, which are what version 1 meant.
 */
int nn_net_save(const struct nn_net *net, FILE *f);
/* Returns a newly allocated string (caller frees). */
char *nn_net_save_string(const struct nn_net *net);
/* Errors read "name:line: message".  line0 is added to line numbers, for
 * blocks embedded in a larger file (0 for a file of its own). */
struct nn_net *nn_net_load(FILE *f, const char *name, int line0, char *err,
    size_t errlen);
struct nn_net *nn_net_load_string(const char *s, const char *name, char *err,
    size_t errlen);

/* ------------------------------------------------------------ memory */
/* Bytes the engine has allocated (nets, data sets) now, and the peak since
 * the last nn_mem_reset_peak(); for the benchmark's heap figure. */
size_t nn_mem_current(void);
size_t nn_mem_peak(void);
void nn_mem_reset_peak(void);

#endif
