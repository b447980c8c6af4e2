#include "config.h"
/*
 * lab.c - the lab: the settings, data and net a session works on, as
 * values the commands share: copies for undo, the split of the data into
 * training, validation and test rows, the settings a new net gets for the
 * data's task, a new net, its losses measured, and the check that data
 * and net are there and fit before a command uses them.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

/* ------------------------------------------------------------ copies */

void
lab_done(struct lab *l)
{
	free(l->ds.csv);
	nn_dataset_free(l->all);
	nn_dataset_free(l->train);
	nn_dataset_free(l->val);
	nn_dataset_free(l->test);
	nn_net_free(l->net);
	memset(l, 0, sizeof *l);
}

struct lab *
lab_copy(const struct lab *l)
{
	struct lab *c = xmalloc(sizeof *c);

	*c = *l;
	c->ds.csv = l->ds.csv ? xstrdup(l->ds.csv) : NULL;
	c->all = l->all ? nn_dataset_copy(l->all) : NULL;
	c->train = l->train ? nn_dataset_copy(l->train) : NULL;
	c->val = l->val ? nn_dataset_copy(l->val) : NULL;
	c->test = l->test ? nn_dataset_copy(l->test) : NULL;
	c->net = l->net ? nn_net_copy(l->net) : NULL;
	return c;
}


/* ------------------------------------------------------------ settings, data, net */

struct nn_config
lab_config(const struct lab *l, const struct nn_config *cfg)
{
	struct nn_config c = *cfg;

	nn_config_for_task(&c, l->all ? l->all->task : NN_TASK_REGRESSION);
	return c;
}

/* Rows first..first+n-1 of d as a set of their own. */
static struct nn_dataset *
data_rows(const struct nn_dataset *d, int first, int n)
{
	struct nn_dataset *o = nn_dataset_new(n, d->nin, d->nout, d->task);

	if (n > 0) {
		memcpy(o->x, d->x + (long)first * d->nin,
		    (size_t)n * d->nin * sizeof *o->x);
		memcpy(o->y, d->y + (long)first * d->nout,
		    (size_t)n * d->nout * sizeof *o->y);
	}
	return o;
}

int
data_split(const struct nn_dataset *all, const struct data_spec *ds,
    uint64_t seed, struct nn_dataset **tr, struct nn_dataset **va,
    struct nn_dataset **te, char *err, size_t errlen)
{
	struct nn_dataset *rest;
	int nte;

	*te = NULL;
	if (nn_dataset_split(all, ds->split, seed, tr, &rest, err,
	    errlen) != 0)
		return -1;
	if (!(ds->test > 0)) {
		*va = rest;
		return 0;
	}
	/* the rest is in shuffled order already: its tail is held out */
	nte = (int)lround(ds->test * all->n);
	if (nte > rest->n)
		nte = rest->n;
	*va = data_rows(rest, 0, rest->n - nte);
	*te = data_rows(rest, rest->n - nte, nte);
	nn_dataset_free(rest);
	return 0;
}

int
lab_split(struct lab *l, char *err, size_t errlen)
{
	struct nn_dataset *tr, *va, *te;

	if (data_split(l->all, &l->ds, (uint64_t)l->ds.seed, &tr, &va, &te,
	    err, errlen) != 0)
		return -1;
	nn_dataset_free(l->train);
	nn_dataset_free(l->val);
	nn_dataset_free(l->test);
	l->train = tr;
	l->val = va;
	l->test = te;
	return 0;
}

struct nn_net *
lab_new_net(const struct lab *l, const char *spec,
    const struct nn_config *cfg, char *err, size_t errlen)
{
	struct nn_config c = lab_config(l, cfg);

	return nn_net_new(spec, &c, err, errlen);
}

int
lab_measure(const struct lab *l, struct measure *m, char *err, size_t errlen)
{
	m->train_loss = m->val_loss = m->train_acc = m->val_acc = NAN;
	m->penalty = NAN;
	m->has_val = l->val != NULL && l->val->n > 0;
	if (l->net == NULL || l->train == NULL || l->train->n == 0) {
		snprintf(err, errlen, "%s", l->net == NULL ? _("no network yet") :
		    _("no data yet"));
		return -1;
	}
	if (nn_net_nin(l->net) != l->train->nin ||
	    nn_net_nout(l->net) != l->train->nout) {
		snprintf(err, errlen, _("the network does not fit the data"));
		return -1;
	}
	if (nn_net_evaluate(l->net, l->train, &m->train_loss, &m->train_acc,
	    err, errlen) != 0)
		return -1;
	if (l->val != NULL && l->val->n > 0 && nn_net_evaluate(l->net, l->val,
	    &m->val_loss, &m->val_acc, err, errlen) != 0)
		return -1;
	m->penalty = nn_net_penalty(l->net, l->train->n);
	return 0;
}

/* Data and net present and of matching shape?  Else an error. */
int
lab_ready(struct cmd_ctx *c)
{
	const struct lab *l = &c->s->lab;

	if (l->all == NULL)
		return cmd_error(c, -1, _("no data yet (use 'data KIND' first, "
		    "e.g. 'data moons')"));
	if (l->net == NULL)
		return cmd_error(c, -1, _("no network yet (use 'net SPEC' first, "
		    "e.g. 'net %d-16-%d')"), l->all->nin, l->all->nout);
	if (nn_net_nin(l->net) != l->all->nin ||
	    nn_net_nout(l->net) != l->all->nout)
		return cmd_error(c, -1, _("the network does not fit the data "
		    "(%d inputs, %d outputs): build one with 'net'"),
		    l->all->nin, l->all->nout);
	return param_loss_fits(c, -1, &l->cfg, l->all);
}
