#include "config.h"
/*
 * cmd-data.c - "data": generate a toy data set or load a CSV file, and
 * split it into training and validation rows (and, if asked, test rows).
 *
 * The new rows are built and split completely before the session's data is
 * replaced, so a bad argument or an unreadable file changes nothing.
 */

#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

/* The limits as the help text (translated whole) states them. */
_Static_assert(DATA_N_MIN == 4 && DATA_N_MAX == 100000, "data help: n=");
_Static_assert(DATA_NOISE_MAX == 10, "data help: noise=");
_Static_assert(NN_MAX_VALUES == 2000000 && NN_MAX_EXAMPLES == 1000000,
    "data help: load");

static const char *const data_keys[] = { "n=", "noise=", "split=", "test=",
    "seed=", NULL };
static const char *const data_first[] = { "poly", "sine", "circle", "xor",
    "gauss", "spiral", "moons", "load", NULL };

static const char *const *
data_complete(int argi, const char *prev)
{
	(void)prev;
	return argi == 0 ? data_first : data_keys;
}

/*
 * Defaults per kind.  poly is a handful of noisy points of a low-degree
 * polynomial, half of them held out; the other sets are large enough for a
 * small net to learn their shape.
 */
void
data_defaults(int kind, struct data_spec *ds)
{
	ds->kind = kind;
	ds->n = kind == NN_DS_POLY ? 20 : 200;
	ds->noise = 0.1;
	ds->split = kind == NN_DS_POLY ? 0.5 : 0.7;
	ds->test = 0;
}

/*
 * The file "data load" reads: FILE, or with a leading $LESSONDATA the
 * lessons' data directory in its place (session_set_lesson_data()); the
 * messages keep FILE as written.  Newly allocated in *path; an error when
 * $LESSONDATA has no directory.
 */
static int
lesson_data_path(struct cmd_ctx *c, const char *file, char **path)
{
	static const char var[] = "$LESSONDATA";
	size_t n = sizeof(var) - 1;

	*path = NULL;
	if (strncmp(file, var, n) != 0 ||
	    (file[n] != '\0' && file[n] != '/')) {
		*path = xstrdup(file);
		return CMD_OK;
	}
	if (c->s->lesson_data == NULL)
		return cmd_error(c, 2, _("%s stands for the data directory of "
		    "the lessons, and no lesson is open (allowed: a file name, "
		    "or %s/FILE in a lesson)"), var, var);
	*path = xasprintf("%s%s", c->s->lesson_data, file + n);
	return CMD_OK;
}

static int
data_exec(struct cmd_ctx *c)
{
	struct session *s = c->s;
	struct data_spec ds;
	struct nn_dataset *all, *tr, *va, *te;
	int test_at = -1;
	const char *file = NULL;
	char err[512];
	int kind, first = 2;

	memset(&ds, 0, sizeof ds);
	if (strcmp(c->argv[1].s, "load") == 0) {
		if (c->argc < 3)
			return cmd_error(c, -1, _("load: missing FILE (usage: "
			    "data load FILE.csv [split=S] [seed=N])"));
		file = c->argv[2].s;
		kind = -1;
		first = 3;
	} else if (arg_enum(c, 1, "KIND", c->argv[1].s, data_first,
	    &kind) != 0)
		return CMD_ERROR;
	data_defaults(kind, &ds);
	ds.seed = s ? (long)s->lab.cfg.seed : 1;
	for (int i = first; i < c->argc; i++) {
		char key[16];
		const char *v;

		if (arg_keyval(c, i, key, sizeof key, &v) != 0)
			return CMD_ERROR;
		if (strcmp(key, "n") == 0 && file == NULL) {
			if (arg_long(c, i, "n", v, DATA_N_MIN, DATA_N_MAX,
			    &ds.n) != 0)
				return CMD_ERROR;
		} else if (strcmp(key, "noise") == 0 && file == NULL) {
			if (arg_double(c, i, "noise", v, 0, DATA_NOISE_MAX,
			    &ds.noise) != 0)
				return CMD_ERROR;
		} else if (strcmp(key, "split") == 0) {
			if (arg_double(c, i, "split", v, DATA_SPLIT_MIN, 1,
			    &ds.split) != 0)
				return CMD_ERROR;
		} else if (strcmp(key, "test") == 0) {
			if (arg_double(c, i, "test", v, 0, DATA_TEST_MAX,
			    &ds.test) != 0)
				return CMD_ERROR;
			test_at = i;
		} else if (strcmp(key, "seed") == 0) {
			if (arg_long(c, i, "seed", v, 0, DATA_SEED_MAX,
			    &ds.seed) != 0)
				return CMD_ERROR;
		} else
			return cmd_error(c, i, _("unknown key '%s' (allowed: %s)"),
			    key, file ? "split, test, seed" :
			    "n, noise, split, test, seed");
	}
	if (ds.split + ds.test > 1 + 1e-12) {
		char a[32], b[32];

		fmt_num(a, sizeof a, ds.split);
		fmt_num(b, sizeof b, ds.test);
		return cmd_error(c, test_at, _("test: split %s + test %s is more "
		    "than all the rows (allowed: split + test <= 1, e.g. "
		    "split=0.6 test=0.2)"), a, b);
	}
	if (s == NULL)
		return CMD_OK;

	ds.kind = kind;
	if (file != NULL && strcmp(file, "-") == 0 && s->rows_in != NULL) {
		/* the rows a lab file carries (lab-file.c) */
		all = nn_dataset_read_csv(s->rows_in, s->rows_name, err,
		    sizeof err);
		if (all == NULL)
			return cmd_error(c, 2, "%s", err);
		ds.n = all->n;
		ds.noise = 0;
	} else if (file != NULL) {
		char *path;

		if (lesson_data_path(c, file, &path) != CMD_OK)
			return CMD_ERROR;
		all = nn_dataset_load_csv(path, err, sizeof err);
		free(path);
		if (all == NULL)
			return cmd_error(c, 2, "%s", err);
		ds.n = all->n;
		ds.noise = 0;
	} else {
		all = nn_dataset_generate((enum nn_dataset_kind)kind, (int)ds.n,
		    ds.noise, (uint64_t)ds.seed, err, sizeof err);
		if (all == NULL)
			return cmd_error(c, 1, "%s", err);
	}
	if (data_split(all, &ds, (uint64_t)ds.seed, &tr, &va, &te, err,
	    sizeof err) != 0) {
		nn_dataset_free(all);
		return cmd_error(c, -1, "%s", err);
	}
	if (tr->n == 0 || (te != NULL && te->n == 0)) {
		int notrain = tr->n == 0;

		nn_dataset_free(all);
		nn_dataset_free(tr);
		nn_dataset_free(va);
		nn_dataset_free(te);
		if (notrain)
			return cmd_error(c, -1, _("split: no training rows left "
			    "(allowed: a larger split or more rows)"));
		return cmd_error(c, test_at, _("test: no test rows (allowed: "
		    "a larger test share or more rows)"));
	}
	free(s->lab.ds.csv);
	nn_dataset_free(s->lab.all);
	nn_dataset_free(s->lab.train);
	nn_dataset_free(s->lab.val);
	nn_dataset_free(s->lab.test);
	ds.csv = file ? xstrdup(file) : NULL;
	s->lab.ds = ds;
	s->lab.all = all;
	s->lab.train = tr;
	s->lab.val = va;
	s->lab.test = te;
	if (te != NULL)
		cmd_out(c, _("data %s: %d rows (%d train, %d val, %d test), %d "
		    "input%s, %s"), file ? file : nn_dataset_kind_name(kind),
		    all->n, tr->n, va->n, te->n, all->nin, all->nin == 1 ? "" : "s",
		    nn_task_name(all->task));
	else
		cmd_out(c, _("data %s: %d rows (%d train, %d val), %d input%s, "
		    "%s"), file ? file : nn_dataset_kind_name(kind), all->n, tr->n,
		    va->n, all->nin, all->nin == 1 ? "" : "s",
		    _(nn_task_name(all->task)));
	if (s->lab.net != NULL) {
		if (nn_net_nin(s->lab.net) != all->nin ||
		    nn_net_nout(s->lab.net) != all->nout) {
			char spec[64];

			nn_net_spec(s->lab.net, spec, sizeof spec);
			cmd_warn(c, _("the network %s does not fit this data "
			    "(%d in, %d out): build one with 'net'"), spec,
			    all->nin, all->nout);
		} else {
			struct nn_config cf = lab_config(&s->lab,
			    &s->lab.cfg);

			if (nn_net_set_config(s->lab.net, &cf, err,
			    sizeof err) != 0)
				cmd_warn(c, "%s", err);
		}
	}
	return CMD_OK;
}

const struct cmd_entry cmd_data_entry = {
	.name = "data",
	.usage = "KIND [n=N] [noise=X] [split=S] [test=T] [seed=N] | load "
	    "FILE.csv [split=S] [test=T] [seed=N]",
	.summary = N_("make a toy data set or load a CSV file"),
	.help = N_("KIND: poly|sine (regression, 1 input), "
	    "circle|xor|gauss|spiral|moons (classification, 2 inputs)\n"
	    "n=N rows (4..100000); "
	    "noise=X (0..10, default 0.1)\n"
	    "split=S share of rows for training (0.05"
	    "..1); seed=N (default: "
	    "the session seed)\n"
	    "test=T share of rows held out as a test split (0..0.9, split + "
	    "test <= 1; default 0: none): the rest is validation; training, "
	    "early stopping and every choice leave it alone; 'eval test', "
	    "test_loss and test_acc read it, and a sweep reports the test "
	    "loss of the run it chose on validation\n"
	    "poly defaults to n=20 split=0.5: a handful of noisy points of a "
	    "cubic\n"
	    "the other kinds default to n=200 split=0.7\n"
	    "load FILE.csv: comma-separated numbers, last column the target "
	    "(at most 2000000 numbers, 1000000"
	    " rows)"),
	.min_args = 1,
	.max_args = 7,
	.flags = CMD_MUTATES,
	.complete = data_complete,
	.exec = data_exec,
};
