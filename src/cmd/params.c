#include "config.h"
/*
 * params.c - the table of settings behind set/get/show params and the
 * key=value overrides of train, net and data.
 *
 * One row per setting: type, range or allowed names, one line of help and
 * where it lives in struct params.  Enumerations list their names in the
 * engine's order, so a name's index is the engine's enum value.
 */

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd-int.h"
#include "nn/nn.h"
#include "util/i18n.h"

const char *const reg_names[] = { "none", "l1", "l2", NULL };
const char *const l1mode_names[] = { "subgrad", "prox", NULL };
const char *const act_names[] = { "linear", "sigmoid", "tanh", "relu",
    "leaky", "elu", "softplus", NULL };
const char *const opt_names[] = { "sgd", "momentum", "adam", "adamw",
    NULL };
/* "auto": mse for regression data, bce for classification data */
const char *const loss_names[] = { "auto", "mse", "mae", "bce", NULL };
const char *const norm_names[] = { "none", "batch", "layer", NULL };
const char *const init_names[] = { "xavier", "he", "normal", "uniform", NULL };
const char *const onoff_names[] = { "off", "on", NULL };
const char *const data_names[] = { "poly", "sine", "circle", "xor", "gauss",
    "spiral", "moons", NULL };

#define REAL(n, lo, hi, open, h) \
	{ #n, PT_REAL, lo, hi, open, NULL, h, offsetof(struct params, n) }
#define INT(n, lo, hi, h) \
	{ #n, PT_INT, lo, hi, 0, NULL, h, offsetof(struct params, n) }
#define ENUM(n, names, h) \
	{ #n, PT_ENUM, 0, 0, 0, names, h, offsetof(struct params, n) }

const struct param_def param_table[] = {
	REAL(lambda, 0, 100, 0, N_("regularization strength")),
	ENUM(reg, reg_names, N_("penalty on the weights")),
	ENUM(l1mode, l1mode_names, N_("how L1 is applied: subgradient or proximal step")),
	ENUM(act, act_names, N_("activation of the hidden layers")),
	REAL(leak, 0, 0.99, 0, N_("slope of leaky for x < 0")),
	REAL(lr, 0, 10, 1, N_("learning rate")),
	ENUM(opt, opt_names, N_("optimizer")),
	REAL(momentum, 0, 0.999, 0, N_("momentum coefficient")),
	REAL(wd, 0, 100, 0, N_("weight decay of opt adamw: w -= lr*wd*w after "
	    "each step (weights, not biases)")),
	REAL(clip, 0, 1000, 0, N_("clip the gradient to this global L2 norm "
	    "before each update (0: off)")),
	INT(batch, 1, NN_MAX_BATCH, N_("mini-batch size")),
	INT(epochs, 1, 100000, N_("epochs of a plain 'train'")),
	ENUM(early, onoff_names, N_("early stopping on the validation loss")),
	INT(patience, 1, 100000, N_("early stop after this many epochs without "
	    "improvement")),
	REAL(min_delta, 0, 1000, 0, N_("an improvement must be larger than this")),
	ENUM(restore, onoff_names, N_("at an early stop, restore the best weights")),
	ENUM(loss, loss_names, N_("loss function (auto: by the data's task)")),
	REAL(dropout, 0, 0.95, 0, N_("dropout rate after hidden activations")),
	REAL(input_noise, 0, 10, 0, N_("sd of Gaussian noise added to the "
	    "training inputs of each mini-batch (never at evaluation)")),
	ENUM(norm, norm_names, N_("normalization in hidden layers (rebuilds the net)")),
	ENUM(skip, onoff_names, N_("identity skip around each hidden layer as "
	    "wide as its input (rebuilds the net)")),
	ENUM(init, init_names, N_("weight initialization (used at net/reset)")),
	REAL(init_scale, 0, 1000, 1, N_("sd of init normal, half-width of init "
	    "uniform (used at net/reset)")),
	INT(seed, 0, 2147483647, N_("seed of the weights, dropout and shuffling")),
};
const size_t param_count = COUNT(param_table);

/* The settings that act when a net is built (PARAM_BUILD_TIME lists
 * them for messages). */
static const char *const build_time[] = { "norm", "skip", "init",
    "init_scale", "seed", NULL };

int
param_build_time(const char *name)
{
	for (int i = 0; build_time[i] != NULL; i++)
		if (strcmp(build_time[i], name) == 0)
			return 1;
	return 0;
}

const char *
param_build_time_names(void)
{
	static char buf[96];

	if (buf[0] == '\0')
		for (int i = 0; build_time[i] != NULL; i++)
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			    "%s%s", i ? ", " : "", build_time[i]);
	return buf;
}

const struct param_def *
param_find(const char *name)
{
	for (size_t i = 0; i < param_count; i++)
		if (strcmp(param_table[i].name, name) == 0)
			return &param_table[i];
	return NULL;
}

static const char *const *
param_names(void)
{
	static const char *names[32];

	if (names[0] == NULL)
		for (size_t i = 0; i < param_count && i < COUNT(names) - 1; i++)
			names[i] = param_table[i].name;
	return names;
}

const char *const *
param_complete(int argi, const char *prev)
{
	const struct param_def *d;

	if (argi == 0)
		return param_names();
	if (argi == 1 && prev != NULL && (d = param_find(prev)) != NULL &&
	    d->type == PT_ENUM)
		return d->choices;
	return NULL;
}

int
param_unknown(struct cmd_ctx *c, int argi, const char *key, int queries)
{
	const char *best;
	struct nearest n;

	nearest_init(&n, key);
	for (size_t i = 0; i < param_count; i++)
		nearest_add(&n, param_table[i].name);
	if ((best = nearest_best(&n)) != NULL)
		return cmd_error(c, argi, _("unknown key '%s'; did you mean '%s'? "
		    "(try 'show params'%s)"), key, best,
		    queries ? _(" or 'help get'") : "");
	return cmd_error(c, argi, _("unknown key '%s' (try 'show params'%s)"), key,
	    queries ? _(" or 'help get'") : "");
}

void
params_default(struct params *p)
{
	static const struct params defaults = {
		.act = 2,		/* tanh */
		.leak = 0.05,
		.lr = 0.03,
		.momentum = 0.9,
		.init_scale = 0.1,
		.batch = 10,
		.epochs = 100,
		.early = 0,		/* off: lesson 1 shows overfitting first */
		.patience = 5,		/* as in the notes */
		.restore = 1,
		.seed = 1,
	};

	*p = defaults;		/* every other setting is 0: none, sgd, auto */
}

/*
 * Settings that do nothing in the current combination are the classic
 * trap ("I raised lambda and nothing changed"): say so.
 */
void
param_note_inert(struct cmd_ctx *c, const struct params *p, const char *key)
{
	if (strcmp(key, "lambda") == 0 && p->reg == 0 && p->lambda > 0)
		cmd_warn(c, _("reg is none, so lambda has no effect (set reg l1 "
		    "or set reg l2)"));
	else if (strcmp(key, "reg") == 0 && p->reg != 0 && p->lambda == 0)
		cmd_warn(c, _("lambda is 0, so reg %s has no effect (set lambda "
		    "0.01, say)"), reg_names[p->reg]);
	else if (strcmp(key, "l1mode") == 0 && p->reg != 1)
		cmd_warn(c, _("l1mode only matters with reg l1"));
	else if (strcmp(key, "leak") == 0 && p->act != 4)
		cmd_warn(c, _("leak only matters with act leaky"));
	else if (strcmp(key, "momentum") == 0 && p->opt != 1)
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
