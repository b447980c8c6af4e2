#include "config.h"
/*
 * cmd-file.c - files and time travel: export, import, save, load, undo.
 *
 * export writes the net (engine format), the history or the data (CSV);
 * import reads a net back; save/load write and read the whole lab (see
 * lab-file.c).  Every reader builds the new state completely before it
 * replaces anything, so a bad file leaves the session as it was.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

static const char *const export_what[] = { "weights", "history", "data",
    NULL };
static const char *const import_what[] = { "weights", NULL };

static const char *const *
export_complete(int argi, const char *prev)
{
	(void)prev;
	return argi == 0 ? export_what : NULL;
}

static const char *const *
import_complete(int argi, const char *prev)
{
	(void)prev;
	return argi == 0 ? import_what : NULL;
}

static int
export_exec(struct cmd_ctx *c)
{
	const char *file = c->argv[2].s;
	struct lab *l;
	struct atomic_file af;
	char err[512];
	int what, rc;

	if (arg_enum(c, 1, "WHAT", c->argv[1].s, export_what, &what) != 0)
		return CMD_ERROR;
	if (c->s == NULL)
		return CMD_OK;
	l = &c->s->lab;
	if (what != 2 && l->net == NULL)
		return cmd_error(c, 1, _("no network yet (use 'net SPEC' first)"));
	if (what == 2 && l->all == NULL)
		return cmd_error(c, 1, _("no data yet (use 'data KIND' first)"));
	if (atomic_open(&af, file, err, sizeof err) != 0)
		return cmd_error(c, 2, "%s", err);
	if (what == 0)
		rc = nn_net_save(l->net, af.f);
	else if (what == 1)
		rc = nn_history_write_csv(l->net, af.f);
	else
		rc = nn_dataset_write_csv(l->all, af.f);
	if (rc != 0) {
		atomic_abort(&af);
		return cmd_error(c, 2, _("%s: write error"), file);
	}
	if (atomic_close(&af, err, sizeof err) != 0)
		return cmd_error(c, 2, "%s", err);
	cmd_out(c, _("exported %s to %s"), export_what[what], file);
	return CMD_OK;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "weights|history|data FILE",
	.summary = N_("write the net, the loss history or the data to a file"),
	.help = N_("weights: the engine's text format (exact, %.17g), "
	    "read back by 'import weights'\n"
	    "history: CSV epoch,train_loss,val_loss,penalty,train_acc,val_acc,"
	    "lr\ndata: CSV x1,...,y"),
	.min_args = 2,
	.max_args = 2,
	.complete = export_complete,
	.exec = export_exec,
};

/*
 * Would the loss setting 'auto' give this loss?  For the session's data
 * when there is some, else for either task.  A weights file records the
 * loss its net trained with, not whether it was chosen by 'auto'; taken
 * as a fixed setting, a classifier's bce then made regression data loaded
 * later fail to train.
 */
static int
loss_is_auto(const struct lab *l, enum nn_loss loss)
{
	for (int task = 0; task < NN_TASK_COUNT; task++) {
		struct nn_config cf = nn_config_default();

		if (l->all != NULL && task != (int)l->all->task)
			continue;
		nn_config_for_task(&cf, (enum nn_task)task);
		if (cf.loss == loss)
			return 1;
	}
	return 0;
}

static int
import_exec(struct cmd_ctx *c)
{
	const char *file = c->argv[2].s;
	struct nn_net *net;
	char err[512], spec[64];
	int what;
	FILE *f;

	if (arg_enum(c, 1, "WHAT", c->argv[1].s, import_what, &what) != 0)
		return CMD_ERROR;
	if (c->s == NULL)
		return CMD_OK;
	if ((f = file_open_read(file, NN_MAX_NET_BYTES, err, sizeof err)) ==
	    NULL)
		return cmd_error(c, 2, "%s", err);
	net = nn_net_load(f, file, 0, err, sizeof err);
	fclose(f);
	if (net == NULL)
		return cmd_error(c, 2, "%s", err);
	if (c->s->lab.all != NULL && (nn_net_nin(net) != c->s->lab.all->nin ||
	    nn_net_nout(net) != c->s->lab.all->nout)) {
		nn_net_spec(net, spec, sizeof spec);
		nn_net_free(net);
		return cmd_error(c, 2, _("%s: the net %s does not fit the data "
		    "(%d inputs, %d outputs)"), file, spec, c->s->lab.all->nin,
		    c->s->lab.all->nout);
	}
	session_set_net(c->s, net);
	nn_net_spec(net, c->s->lab.spec, sizeof c->s->lab.spec);
	/* the net's settings, every one of them, become the session's */
	c->s->lab.cfg = *nn_net_config(net);
	if (loss_is_auto(&c->s->lab, nn_net_config(net)->loss))
		c->s->lab.cfg.loss_auto = 1;
	cmd_out(c, _("imported net %s from %s (%ld weights)"), c->s->lab.spec,
	    file, nn_net_nweights(net));
	return CMD_OK;
}

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "weights FILE",
	.summary = N_("replace the net with one written by 'export weights'"),
	.help = N_("The file's settings come with the net and become the "
	    "session's settings; the history starts at epoch 0."),
	.min_args = 2,
	.max_args = 2,
	.flags = CMD_MUTATES,
	.complete = import_complete,
	.exec = import_exec,
};

static int
save_exec(struct cmd_ctx *c)
{
	const char *file = c->argv[1].s;
	struct atomic_file af;
	char *text, err[512], lim[32];
	size_t len;

	if (c->s == NULL)
		return CMD_OK;
	/* what load would refuse is not written (a history of millions of
	 * epochs could make it so) */
	text = lab_dump(&c->s->lab);
	if ((len = strlen(text)) > (size_t)LAB_MAX_BYTES) {
		free(text);
		format_size(LAB_MAX_BYTES, lim, sizeof lim);
		return cmd_error(c, -1, _("the lab is too large to save (%zu "
		    "bytes; limit %s)"), len, lim);
	}
	if (atomic_open(&af, file, err, sizeof err) != 0) {
		free(text);
		return cmd_error(c, 1, "%s", err);
	}
	fputs(text, af.f);
	free(text);
	if (atomic_close(&af, err, sizeof err) != 0)
		return cmd_error(c, 1, "%s", err);
	cmd_out(c, _("saved the lab to %s"), file);
	return CMD_OK;
}

const struct cmd_entry cmd_save_entry = {
	.name = "save",
	.usage = "FILE",
	.summary = N_("write the whole lab (settings, data, net, history) to a file"),
	.help = N_("A versioned text file ('regtutor-lab 2'): its set and "
	    "data lines are commands, checked as the interpreter checks them; "
	    "see regtutor(1)."),
	.min_args = 1,
	.max_args = 1,
	.exec = save_exec,
};

static int
load_exec(struct cmd_ctx *c)
{
	const char *file = c->argv[1].s;
	struct lab l;
	char err[512];
	FILE *f;

	if (c->s == NULL)
		return CMD_OK;
	if ((f = file_open_read(file, LAB_MAX_BYTES, err, sizeof err)) == NULL)
		return cmd_error(c, 1, "%s", err);
	if (lab_load(&l, f, file, err, sizeof err) != 0) {
		fclose(f);
		return cmd_error(c, 1, "%s", err);
	}
	fclose(f);
	lab_done(&c->s->lab);
	c->s->lab = l;
	c->s->last_status = -1;
	cmd_out(c, _("loaded the lab from %s"), file);
	return CMD_OK;
}

const struct cmd_entry cmd_load_entry = {
	.name = "load",
	.usage = "FILE",
	.summary = N_("read a lab written by 'save'"),
	.help = N_("The net comes back with its history: training goes on from "
	    "the saved epoch.\n"
	    "A bad file is reported as FILE:LINE and changes nothing."),
	.min_args = 1,
	.max_args = 1,
	.flags = CMD_MUTATES,
	.exec = load_exec,
};

static int
undo_exec(struct cmd_ctx *c)
{
	struct session *s = c->s;
	struct lab *l;

	if (s == NULL)
		return CMD_OK;
	if (s->nundo == 0)
		return cmd_error(c, -1, _("nothing to undo"));
	l = s->undo[--s->nundo];
	lab_done(&s->lab);
	s->lab = *l;
	free(l);
	s->last_status = -1;
	cmd_out(c, _("undid '%s' (%d more step%s can be undone)"),
	    s->undo_what[s->nundo], s->nundo, s->nundo == 1 ? "" : "s");
	free(s->undo_what[s->nundo]);
	s->undo_what[s->nundo] = NULL;
	return CMD_OK;
}

const struct cmd_entry cmd_undo_entry = {
	.name = "undo",
	.usage = "",
	.summary = N_("restore the settings, data and net before the last change"),
	.help = N_("Up to 16 steps: data, net, set, train, step, reset, seed, "
	    "import, load."),
	.min_args = 0,
	.max_args = 0,
	.exec = undo_exec,
};
