#include "config.h"
/*
 * cmd-net.c - "net", "reset" and "seed": building the network.
 *
 * A net is always built from its spec and the current settings, so the
 * same seed gives the same initial weights every time ("reset" after
 * "train" starts the identical experiment again).
 */

#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

/* The settings net takes as KEY=VALUE: the rows flagged for it. */
static const char *const *
net_keys(void)
{
	static const char *keys[32];
	static char buf[32][24];

	if (keys[0] == NULL) {
		const struct nn_setting *d;
		size_t n = 0;

		for (int i = 0; (d = nn_setting_at(i)) != NULL &&
		    n + 1 < COUNT(keys); i++)
			if (d->flags & NN_SETTING_NET) {
				snprintf(buf[n], sizeof buf[n], "%s=", d->name);
				keys[n] = buf[n];
				n++;
			}
	}
	return keys;
}

static const char *const *
net_complete(int argi, const char *prev)
{
	(void)prev;
	return argi == 0 ? NULL : net_keys();
}

/* Builds a net for l from spec; checks it fits the data.  NULL on error. */
static struct nn_net *
build(struct cmd_ctx *c, int argi, const struct lab *l, const char *spec,
    const struct nn_config *p)
{
	char err[256];
	struct nn_net *net = lab_new_net(l, spec, p, err, sizeof err);

	if (net == NULL) {
		cmd_error(c, argi, "%s", err);
		return NULL;
	}
	if (l->all != NULL && (nn_net_nin(net) != l->all->nin ||
	    nn_net_nout(net) != l->all->nout)) {
		cmd_error(c, argi, _("SPEC: '%s' has %d input%s and %d output%s "
		    "but the data has %d and %d (allowed: %d-...-%d)"), spec,
		    nn_net_nin(net), nn_net_nin(net) == 1 ? "" : "s",
		    nn_net_nout(net), nn_net_nout(net) == 1 ? "" : "s",
		    l->all->nin, l->all->nout, l->all->nin, l->all->nout);
		nn_net_free(net);
		return NULL;
	}
	return net;
}

static void
describe(struct cmd_ctx *c, struct nn_net *net)
{
	const struct nn_config *p = &c->s->lab.cfg;
	char spec[64];
	int nl = nn_net_nlayers(net);
	long nw = nn_net_nweights(net);

	char sk[96], skip[120] = "";

	nn_net_spec(net, spec, sizeof spec);
	net_skip_layers(net, sk, sizeof sk);
	if (sk[0] != '\0')
		snprintf(skip, sizeof skip, _(", skip around layer%s %s"),
		    strchr(sk, ',') ? "s" : "", sk);
	cmd_out(c, _("net %s: %d dense layer%s, %ld parameters (%ld "
	    "weight%s), act %s, norm %s, dropout %g, init %s, seed %llu%s"),
	    spec, nl,
	    nl == 1 ? "" : "s", nn_net_nparams(net), nw, nw == 1 ? "" : "s",
	    nn_act_name(p->act), nn_norm_name(p->norm), p->dropout,
	    nn_init_name(p->init), (unsigned long long)p->seed, skip);
}

/* The settings net takes as key=value. */
static int
net_key_check(struct cmd_ctx *c, int argi, const char *key,
    const struct nn_setting *d)
{
	if (d == NULL || !(d->flags & NN_SETTING_NET)) {
		char buf[160];
		size_t n = 0;

		buf[0] = '\0';
		for (const char *const *k = net_keys(); *k != NULL; k++)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%.*s",
			    n ? ", " : "", (int)strlen(*k) - 1, *k);
		return cmd_error(c, argi, _("unknown key '%s' (allowed: %s)"),
		    key, buf);
	}
	return 0;
}

static int
net_exec(struct cmd_ctx *c)
{
	struct nn_config p;
	int sizes[NN_MAX_LAYERS + 1], n;
	char err[256];
	struct nn_net *net;

	if (nn_spec_parse(c->argv[1].s, sizes, &n, err, sizeof err) != 0)
		return cmd_error(c, 1, _("SPEC: %s (allowed: widths 1..%d joined "
		    "by '-', e.g. 2-16-16-1)"), err, NN_MAX_WIDTH);
	p = c->s != NULL ? c->s->lab.cfg : nn_config_default();
	if (param_keyvals(c, 2, &p, net_key_check) != CMD_OK)
		return CMD_ERROR;
	if (c->s == NULL)
		return CMD_OK;
	if ((net = build(c, 1, &c->s->lab, c->argv[1].s, &p)) == NULL)
		return CMD_ERROR;
	session_set_net(c->s, net);
	c->s->lab.cfg = p;
	snprintf(c->s->lab.spec, sizeof c->s->lab.spec, "%s", c->argv[1].s);
	nn_rng_seed(&c->s->step_rng, p.seed);
	describe(c, net);
	if (c->s->lab.all == NULL)
		cmd_info(c, _("no data yet: try 'data moons' (2 inputs) or "
		    "'data sine' (1 input)"));
	return CMD_OK;
}

const struct cmd_entry cmd_net_entry = {
	.name = "net",
	.usage = "SPEC [act=A] [norm={norm}] [dropout=P] [init=I] "
	    "[init_scale=S] [leak=X] [skip=on|off]",
	.summary = N_("build a fresh network, e.g. net 2-16-16-1 act=relu"),
	.help = N_("SPEC: layer widths from inputs to outputs joined by '-', "
	    "each 1..256, 2..17 numbers\n"
	    "act={act}; norm={norm}; dropout=P (0..0.95)\n"
	    "init={init}; init_scale=S (>0..1000: the sd of "
	    "normal, the half-width of uniform; xavier and he ignore it); "
	    "leak=X (0..0.99)\n"
	    "skip=on: every hidden layer as wide as its input gets an "
	    "identity skip, h + f(h) (a residual block); refused when no "
	    "hidden layer is\n"
	    "The options become the session's settings.  The weights come "
	    "from the seed: the same seed gives the same net."),
	.min_args = 1,
	.max_args = 8,
	.flags = CMD_MUTATES,
	.complete = net_complete,
	.exec = net_exec,
};

/* Rebuilds the session's net from its spec and the current settings. */
static int
rebuild(struct cmd_ctx *c)
{
	struct nn_net *net;

	net = build(c, -1, &c->s->lab, c->s->lab.spec, &c->s->lab.cfg);
	if (net == NULL)
		return CMD_ERROR;
	session_set_net(c->s, net);
	nn_rng_seed(&c->s->step_rng, c->s->lab.cfg.seed);
	return CMD_OK;
}

static int
reset_exec(struct cmd_ctx *c)
{
	if (c->s == NULL)
		return CMD_OK;
	if (c->s->lab.net == NULL)
		return cmd_error(c, -1, _("no network yet (use 'net SPEC' first)"));
	if (rebuild(c) != CMD_OK)
		return CMD_ERROR;
	cmd_out(c, _("reset: net %s rebuilt from seed %llu, history "
	    "cleared"),
	    c->s->lab.spec, (unsigned long long)c->s->lab.cfg.seed);
	return CMD_OK;
}

const struct cmd_entry cmd_reset_entry = {
	.name = "reset",
	.usage = "",
	.summary = N_("rebuild the net from its spec, settings and seed"),
	.help = N_("Same seed, same initial weights: the experiment starts over.\n"
	    "Settings that only act at build time (norm, skip, init, "
	    "init_scale, seed) take effect here."),
	.min_args = 0,
	.max_args = 0,
	.flags = CMD_MUTATES,
	.exec = reset_exec,
};

static int
seed_exec(struct cmd_ctx *c)
{
	const struct nn_setting *d = param_find("seed");
	long v;

	if (arg_long(c, 1, "N", c->argv[1].s, (long)d->min, (long)d->max,
	    &v) != 0)
		return CMD_ERROR;
	if (c->s == NULL)
		return CMD_OK;
	if (c->s->lab.net != NULL) {
		uint64_t old = c->s->lab.cfg.seed;

		c->s->lab.cfg.seed = (uint64_t)v;
		if (rebuild(c) != CMD_OK) {
			c->s->lab.cfg.seed = old;
			return CMD_ERROR;
		}
		cmd_out(c, _("seed %ld: net %s rebuilt"), v, c->s->lab.spec);
	} else {
		c->s->lab.cfg.seed = (uint64_t)v;
		cmd_out(c, _("seed %ld"), v);
	}
	return CMD_OK;
}

const struct cmd_entry cmd_seed_entry = {
	.name = "seed",
	.usage = "N",
	.summary = N_("set the seed and rebuild the net from it"),
	.help = N_("N: 0..2147483647.  Data made afterwards uses it too "
	    "(unless data seed= is given)."),
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_MUTATES,
	.exec = seed_exec,
};
