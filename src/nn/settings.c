/*
 * settings.c - the settings table: every field of struct nn_config as one
 * row (tmux's options table is the model), and the parsing, formatting and
 * range checks that go with it.
 *
 * A row names its field, its type and range or allowed names, its default,
 * a line of help and flags for when a change takes effect on a net that
 * exists (at once, at the next reset, or by rebuilding the net) and where
 * else it may be given (train's one-run overrides, net's options).  Every
 * user of the settings reads these rows, so a new row is known to set,
 * get, show params, help, completion, the files and the defaults at once.
 * The messages are the command language's, as the learner reads them.
 */
#include "config.h"

#include <assert.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "nn/nn-internal.h"
#include "util/i18n.h"
#include "util/util.h"

#define OFF(f)	offsetof(struct nn_config, f)

#define REAL(n, lo, hi, open, d, fl, h) \
	{ .name = #n, .type = NN_SETTING_REAL, .off = OFF(n), .min = lo, \
	  .max = hi, .min_open = open, .def = d, .flags = fl, .help = h }
#define INT(n, lo, hi, d, fl, h) \
	{ .name = #n, .type = NN_SETTING_INT, .off = OFF(n), .min = lo, \
	  .max = hi, .def = d, .flags = fl, .help = h }
#define KIND(n, f, pfx, d, fl, h) \
	{ .name = #n, .type = NN_SETTING_KIND, .off = OFF(f), \
	  .kind_name = pfx##_name, .def = d, .flags = fl, .help = h }
#define FLAG(n, f, al, d, fl, h) \
	{ .name = #n, .alias = al, .type = NN_SETTING_FLAG, .off = OFF(f), \
	  .def = d, .flags = fl, .help = h }

/* Takes effect at once and may be a one-run override of train. */
#define LIVE	(NN_SETTING_NOW | NN_SETTING_RUN)
/* Changes what the net computes: set rebuilds it. */
#define REBUILT	NN_SETTING_REBUILD
#define SHAPE	(NN_SETTING_REBUILD | NN_SETTING_SHAPE)

static const struct nn_setting table[] = {
	REAL(lambda, 0, 100, 0, "0", LIVE, N_("regularization strength")),
	KIND(reg, reg, nn_reg, "none", LIVE, N_("penalty on the weights")),
	KIND(l1mode, l1mode, nn_l1mode, "subgrad", LIVE,
	    N_("how L1 is applied: subgradient or proximal step")),
	KIND(act, act, nn_act, "tanh", REBUILT | NN_SETTING_NET,
	    N_("activation of the hidden layers (rebuilds the net)")),
	REAL(leak, 0, 0.99, 0, "0.05", REBUILT | NN_SETTING_NET,
	    N_("slope of leaky for x < 0 (rebuilds the net)")),
	REAL(lr, 0, 10, 1, "0.03", LIVE, N_("learning rate")),
	KIND(opt, opt, nn_opt, "sgd", LIVE, N_("optimizer")),
	REAL(momentum, 0, 0.999, 0, "0.9", LIVE, N_("momentum coefficient")),
	REAL(wd, 0, 100, 0, "0", LIVE, N_("weight decay of opt adamw: w -= "
	    "lr*wd*w after each step (weights, not biases)")),
	REAL(clip, 0, 1000, 0, "0", LIVE, N_("clip the gradient to this global "
	    "L2 norm before each update (0: off)")),
	INT(batch, 1, NN_MAX_BATCH, "10", LIVE, N_("mini-batch size")),
	INT(epochs, 1, 100000, "100", NN_SETTING_NOW,
	    N_("epochs of a plain 'train'")),
	FLAG(early, early_stop, "early_stop", "off", LIVE,
	    N_("early stopping on the validation loss")),
	INT(patience, 1, 100000, "5", LIVE, N_("early stop after this many "
	    "epochs without improvement")),
	REAL(min_delta, 0, 1000, 0, "0", LIVE,
	    N_("an improvement must be larger than this")),
	FLAG(restore, restore_best, "restore_best", "on", LIVE,
	    N_("at an early stop, restore the best weights")),
	{ .name = "loss", .type = NN_SETTING_KIND, .off = OFF(loss),
	  .auto_off = OFF(loss_auto), .kind_name = nn_loss_name,
	  .def = "auto", .flags = LIVE | NN_SETTING_AUTO,
	  .help = N_("loss function (auto: by the data's task)") },
	REAL(dropout, 0, 0.95, 0, "0", LIVE | NN_SETTING_NET,
	    N_("dropout rate after hidden activations")),
	REAL(input_noise, 0, 10, 0, "0", LIVE, N_("sd of Gaussian noise added "
	    "to the training inputs of each mini-batch (never at evaluation)")),
	KIND(norm, norm, nn_norm, "none", SHAPE | NN_SETTING_NET,
	    N_("normalization in hidden layers (rebuilds the net)")),
	FLAG(skip, skip, NULL, "off", SHAPE | NN_SETTING_NET, N_("identity skip "
	    "around each hidden layer as wide as its input (rebuilds the "
	    "net)")),
	KIND(init, init, nn_init, "xavier", NN_SETTING_RESET | NN_SETTING_NET,
	    N_("weight initialization (used at net/reset)")),
	REAL(init_scale, 0, 1000, 1, "0.1", NN_SETTING_RESET | NN_SETTING_NET,
	    N_("sd of init normal, half-width of init uniform (used at "
	    "net/reset)")),
	{ .name = "seed", .type = NN_SETTING_SEED, .off = OFF(seed),
	  .min = 0, .max = 2147483647, .def = "1",
	  .flags = NN_SETTING_RESET,
	  .help = N_("seed of the weights, dropout and shuffling (used at "
	    "net/reset)") },
	KIND(out_act, out_act, nn_act, "linear", REBUILT, N_("activation of the "
	    "output (linear with bce, which works on logits; rebuilds the "
	    "net)")),
	REAL(bias_init, -1000, 1000, 0, "0", NN_SETTING_RESET,
	    N_("starting value of every bias (used at net/reset)")),
	REAL(beta1, 0, 0.999, 0, "0.9", LIVE,
	    N_("adam's decay of its running mean of the gradient")),
	REAL(beta2, 0, 0.99999, 0, "0.999", LIVE,
	    N_("adam's decay of its running mean of the squared gradient")),
	REAL(adam_eps, 0, 1, 1, "1e-08", LIVE,
	    N_("added to adam's scale before it divides")),
	REAL(bn_momentum, 0, 1, 0, "0.1", LIVE, N_("batch norm's running "
	    "statistics move this share towards each batch's")),
	REAL(norm_eps, 0, 1, 1, "1e-05", REBUILT, N_("added to the variance "
	    "before a norm divides (rebuilds the net)")),
	FLAG(shuffle, shuffle, NULL, "on", LIVE,
	    N_("reshuffle the training rows each epoch")),
};

_Static_assert(sizeof(enum nn_act) == sizeof(int), "enums are int-sized");

static const char *const flag_names[] = { "off", "on", NULL };
/* what files may write for a flag, as 0, 1 (net files before the
 * settings table wrote numbers) */
static const char *const flag_words[][2] = { { "off", "on" }, { "0", "1" } };

const struct nn_setting *
nn_setting_at(int i)
{
	return i >= 0 && i < (int)COUNT(table) ? &table[i] : NULL;
}

const struct nn_setting *
nn_setting_find(const char *name)
{
	for (size_t i = 0; i < COUNT(table); i++)
		if (strcmp(table[i].name, name) == 0 ||
		    (table[i].alias != NULL &&
		    strcmp(table[i].alias, name) == 0))
			return &table[i];
	return NULL;
}

const char *
nn_setting_choice(const struct nn_setting *s, int i)
{
	if (i < 0)
		return NULL;
	if (s->type == NN_SETTING_FLAG)
		return i < 2 ? flag_names[i] : NULL;
	if (s->type != NN_SETTING_KIND)
		return NULL;
	if (s->flags & NN_SETTING_AUTO) {
		if (i == 0)
			return "auto";
		i--;
	}
	return s->kind_name(i);
}

void
nn_setting_allowed(const struct nn_setting *s, char *buf, size_t len)
{
	char a[32], b[32];
	size_t n = 0;

	buf[0] = '\0';
	switch (s->type) {
	case NN_SETTING_KIND:
	case NN_SETTING_FLAG:
		for (int i = 0; nn_setting_choice(s, i) != NULL; i++) {
			int k = snprintf(buf + n, len - n, "%s%s", i ? "|" : "",
			    nn_setting_choice(s, i));

			if (k < 0 || (size_t)k >= len - n)
				break;
			n += (size_t)k;
		}
		break;
	case NN_SETTING_REAL:
		fmt_num(a, sizeof a, s->min);
		fmt_num(b, sizeof b, s->max);
		snprintf(buf, len, _("a number %s %s and <= %s"),
		    s->min_open ? ">" : ">=", a, b);
		break;
	case NN_SETTING_INT:
	case NN_SETTING_SEED:
		snprintf(buf, len, _("an integer from %.0f to %.0f"), s->min,
		    s->max);
		break;
	}
}

/* The index of text among s's names (-1 for auto), or -2 with the message
 * naming the nearest one. */
static int
choice_index(const struct nn_setting *s, const char *text, char *err,
    size_t errlen)
{
	const char *best, *w;
	int base = s->flags & NN_SETTING_AUTO ? 1 : 0;
	char allowed[256];
	struct nearest near;

	if (s->type == NN_SETTING_FLAG)
		for (size_t i = 0; i < COUNT(flag_words); i++)
			for (int v = 0; v < 2; v++)
				if (strcmp(flag_words[i][v], text) == 0)
					return v;
	nearest_init(&near, text);
	for (int i = 0; (w = nn_setting_choice(s, i)) != NULL; i++) {
		if (strcmp(w, text) == 0)
			return i - base;
		nearest_add(&near, w);
	}
	best = nearest_best(&near);
	nn_setting_allowed(s, allowed, sizeof allowed);
	if (best != NULL)
		nn_errf(err, errlen, _("%s: unknown value '%s'; did you mean "
		    "'%s'? (allowed: %s)"), s->name, text, best, allowed);
	else
		nn_errf(err, errlen, _("%s: unknown value '%s' (allowed: %s)"),
		    s->name, text, allowed);
	return -2;
}

/* Is v in s's range? */
static int
in_range(const struct nn_setting *s, double v)
{
	return isfinite(v) && v >= s->min && v <= s->max &&
	    !(s->min_open && v == s->min);
}

int
nn_setting_parse(struct nn_config *c, const struct nn_setting *s,
    const char *text, char *err, size_t errlen)
{
	char *base = (char *)c, allowed[96];
	double dv;
	long lv;
	int iv;

	nn_setting_allowed(s, allowed, sizeof allowed);
	switch (s->type) {
	case NN_SETTING_REAL:
		if (parse_double(text, &dv) != 0) {
			nn_errf(err, errlen, _("%s: '%s' is not a finite number "
			    "(allowed: %s)"), s->name, text, allowed);
			return -1;
		}
		if (!in_range(s, dv)) {
			nn_errf(err, errlen, _("%s: %s is out of range "
			    "(allowed: %s)"), s->name, text, allowed);
			return -1;
		}
		memcpy(base + s->off, &dv, sizeof dv);
		return 0;
	case NN_SETTING_INT:
	case NN_SETTING_SEED:
		if (parse_long(text, &lv) != 0) {
			nn_errf(err, errlen, _("%s: '%s' is not an integer "
			    "(allowed: %s)"), s->name, text, allowed);
			return -1;
		}
		if (!in_range(s, (double)lv)) {
			nn_errf(err, errlen, _("%s: %s is out of range "
			    "(allowed: %s)"), s->name, text, allowed);
			return -1;
		}
		if (s->type == NN_SETTING_SEED) {
			uint64_t u = (uint64_t)lv;

			memcpy(base + s->off, &u, sizeof u);
		} else {
			iv = (int)lv;
			memcpy(base + s->off, &iv, sizeof iv);
		}
		return 0;
	case NN_SETTING_KIND:
	case NN_SETTING_FLAG:
		if ((iv = choice_index(s, text, err, errlen)) == -2)
			return -1;
		if (s->flags & NN_SETTING_AUTO) {
			int a = iv == -1;

			memcpy(base + s->auto_off, &a, sizeof a);
			if (a)
				return 0;
		}
		memcpy(base + s->off, &iv, sizeof iv);
		return 0;
	}
	return -1;
}

/* Is the auto flag of s set in c? */
static int
is_auto(const struct nn_config *c, const struct nn_setting *s)
{
	int a = 0;

	if (s->flags & NN_SETTING_AUTO)
		memcpy(&a, (const char *)c + s->auto_off, sizeof a);
	return a;
}

double
nn_setting_number(const struct nn_config *c, const struct nn_setting *s)
{
	const char *base = (const char *)c;
	double dv;
	uint64_t u;
	int iv;

	switch (s->type) {
	case NN_SETTING_REAL:
		memcpy(&dv, base + s->off, sizeof dv);
		return dv;
	case NN_SETTING_SEED:
		memcpy(&u, base + s->off, sizeof u);
		return (double)u;
	case NN_SETTING_KIND:
		if (is_auto(c, s))
			return -1;
		/* FALLTHROUGH */
	case NN_SETTING_INT:
	case NN_SETTING_FLAG:
		memcpy(&iv, base + s->off, sizeof iv);
		return iv;
	}
	return NAN;
}

void
nn_setting_get(const struct nn_config *c, const struct nn_setting *s,
    char *buf, size_t len)
{
	double v = nn_setting_number(c, s);
	const char *w;

	switch (s->type) {
	case NN_SETTING_REAL:
		snprintf(buf, len, "%.17g", v);
		break;
	case NN_SETTING_INT:
		snprintf(buf, len, "%d", (int)v);
		break;
	case NN_SETTING_SEED: {
		uint64_t u;

		memcpy(&u, (const char *)c + s->off, sizeof u);
		snprintf(buf, len, "%llu", (unsigned long long)u);
		break;
	}
	case NN_SETTING_KIND:
	case NN_SETTING_FLAG:
		w = nn_setting_choice(s, (int)v +
		    (s->flags & NN_SETTING_AUTO ? 1 : 0));
		snprintf(buf, len, "%s", w != NULL ? w : "?");
		break;
	}
}

struct nn_config
nn_config_default(void)
{
	struct nn_config c;

	memset(&c, 0, sizeof c);
	for (size_t i = 0; i < COUNT(table); i++) {
		int rc = nn_setting_parse(&c, &table[i], table[i].def, NULL, 0);

		(void)rc;
		assert(rc == 0);	/* a default the row refuses */
	}
	return c;
}

void
nn_config_for_task(struct nn_config *c, enum nn_task task)
{
	if (!c->loss_auto)
		return;
	c->loss = task == NN_TASK_CLASSIFICATION ? NN_LOSS_BCE : NN_LOSS_MSE;
	c->loss_auto = 0;
}

int
nn_config_check(const struct nn_config *c, char *err, size_t errlen)
{
	for (size_t i = 0; i < COUNT(table); i++) {
		const struct nn_setting *s = &table[i];
		double v = nn_setting_number(c, s);
		char allowed[96];

		if (s->type == NN_SETTING_KIND || s->type == NN_SETTING_FLAG) {
			if (v == -1 && is_auto(c, s))
				continue;
			if (nn_setting_choice(s, (int)v +
			    (s->flags & NN_SETTING_AUTO ? 1 : 0)) == NULL ||
			    v < 0) {
				nn_errf(err, errlen, _("%s has an unknown value "
				    "%d"), s->name, (int)v);
				return -1;
			}
		} else if (!in_range(s, v)) {
			nn_setting_allowed(s, allowed, sizeof allowed);
			nn_errf(err, errlen, _("%s is out of range (allowed: %s)"),
			    s->name, allowed);
			return -1;
		}
	}
	if (c->loss == NN_LOSS_BCE && !c->loss_auto &&
	    c->out_act != NN_ACT_LINEAR) {
		nn_errf(err, errlen,
		    _("loss bce works on logits: out_act must be linear (not %s)"),
		    nn_act_name(c->out_act));
		return -1;
	}
	return 0;
}

const char *
nn_config_key(int i)
{
	return i >= 0 && i < (int)COUNT(table) ? table[i].name : NULL;
}

int
nn_config_set(struct nn_config *c, const char *key, const char *value,
    char *err, size_t errlen)
{
	const struct nn_setting *s = nn_setting_find(key);

	if (s == NULL) {
		nn_errf(err, errlen, _("unknown setting '%s'"), key);
		return -1;
	}
	return nn_setting_parse(c, s, value, err, errlen);
}

int
nn_config_get(const struct nn_config *c, const char *key, char *buf,
    size_t len)
{
	const struct nn_setting *s = nn_setting_find(key);

	if (s == NULL)
		return -1;
	nn_setting_get(c, s, buf, len);
	return 0;
}
