#include "config.h"
/*
 * test-cmd.c - the command language: tokenizer, every command's normal use
 * and its errors, bad input leaving the state unchanged, validation without
 * a session, completion, metric queries, undo, save/load and export/import
 * round trips, the epoch hook and re-rendering the last chart.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "chart/grid.h"
#include "cmd/cmd.h"
#include "cmd/cmd-int.h"
#include "cmd/session-int.h"	/* the splits, for the test split's checks */
#include "util/util.h"
#include "../testutil.h"

#define SETUP "data moons n=60 noise=0.1 seed=3; net 2-4-1; set epochs 3"

/* A temporary file path under tests/tmp of the build dir; caller frees. */
static char *
tmpfile_path(const char *name)
{
	(void)mkdir("tests", 0755);
	(void)mkdir("tests/tmp", 0755);
	return xasprintf("tests/tmp/cmd-%s", name);
}

/* Runs line, expecting rc; returns the transcript text (caller frees). */
static char *
run(struct session *s, const char *line, int want)
{
	struct transcript *t = transcript_new();
	int rc = cmd_execute(s, line, t);
	char *text = transcript_text(t);

	if (rc != want)
		print_error("line '%s': rc %d, want %d\n%s", line, rc, want,
		    text);
	assert_int_equal(rc, want);
	transcript_free(t);
	return text;
}

/* Runs line expecting rc, and asserts its text contains want. */
static void
expect(struct session *s, const char *line, int rc, const char *want)
{
	char *text = run(s, line, rc);

	if (strstr(text, want) == NULL)
		print_error("line '%s': no '%s' in\n%s", line, want, text);
	assert_non_null(strstr(text, want));
	free(text);
}

static void
run_ok(struct session *s, const char *line)
{
	free(run(s, line, CMD_OK));
}

/* run_ok() of a formatted line. */
static void PRINTF_LIKE(2, 3)
run_okf(struct session *s, const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	run_ok(s, line);
	free(line);
}

static size_t
count_kind(const struct transcript *t, enum tr_kind k)
{
	size_t n = 0;

	for (size_t i = 0; i < transcript_count(t); i++)
		n += transcript_item(t, i)->kind == k;
	return n;
}

/* ------------------------------------------------------------ tokenizer */

static void
tokenizer_quotes_semicolons_comments(void **state)
{
	struct cmdline *c;
	int n;
	char err[64];
	size_t off;

	(void)state;
	assert_int_equal(cmd_tokenize("set act 'relu'; train 2 # go", &c, &n,
	    err, sizeof err, &off), 0);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].n, 3);
	assert_string_equal(c[0].v[2].s, "relu");
	assert_int_equal(c[0].v[2].off, 8);
	assert_string_equal(c[1].v[0].s, "train");
	assert_int_equal(c[1].n, 2);
	cmd_tokens_free(c, n);

	assert_int_equal(cmd_tokenize("save \"a b;c\" ;; ", &c, &n, err,
	    sizeof err, &off), 0);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].v[1].s, "a b;c");
	cmd_tokens_free(c, n);

	assert_int_equal(cmd_tokenize("# only a comment", &c, &n, err,
	    sizeof err, &off), 0);
	assert_int_equal(n, 0);
	cmd_tokens_free(c, n);

	assert_int_equal(cmd_tokenize("set act 'relu", &c, &n, err, sizeof err,
	    &off), -1);
	assert_int_equal(off, 8);
	assert_non_null(strstr(err, "unterminated"));
}

/* ------------------------------------------------------------ check */

static void
check_validates_without_state(void **state)
{
	char err[256];
	int col = 0;

	(void)state;
	assert_int_equal(cmd_check(SETUP "; train 5 lambda=0.1 reg=l2", err,
	    sizeof err, &col), 0);
	assert_int_equal(cmd_check("plot fn relu; sweep lambda 0 0.1; "
	    "compare reg l1 l2; get grad_norm.2; help set", err, sizeof err,
	    &col), 0);

	assert_int_equal(cmd_check("set lambda abc", err, sizeof err, &col), -1);
	assert_int_equal(col, 12);
	assert_non_null(strstr(err, "set: lambda: 'abc'"));
	assert_non_null(strstr(err, "allowed"));

	assert_int_equal(cmd_check("train 5; trian 3", err, sizeof err, &col),
	    -1);
	assert_int_equal(col, 10);
	assert_non_null(strstr(err, "did you mean 'train'"));

	/* display columns, not bytes: Hangul is two columns wide */
	assert_int_equal(cmd_check("save '한글'; set act foo", err, sizeof err,
	    &col), -1);
	assert_int_equal(col, 22);

	assert_int_equal(cmd_check("net 2--3", err, sizeof err, &col), -1);
	assert_int_equal(col, 5);
	assert_int_equal(cmd_check("net 2-4-1 norm=group", err, sizeof err,
	    &col), -1);
	assert_non_null(strstr(err, "none|batch|layer"));
	assert_int_equal(cmd_check("get nosuch", err, sizeof err, &col), -1);
	assert_int_equal(cmd_check("plot fn", err, sizeof err, &col), -1);
	assert_int_equal(cmd_check("train 5 norm=batch", err, sizeof err,
	    &col), -1);
}

/* ------------------------------------------------------------ bad input */

static const char *const bad_lines[] = {
	"trian 5",
	"set lambda abc",
	"set lambda -1",
	"set lambda 1e400",
	"set lambda nan",
	"set lambda",
	"set lambda 1 2",
	"set bogus 1",
	"set act relu6",
	"set batch 0",
	"set batch 2.5",
	"get nosuch",
	"net 2--3",
	"net 0-1",
	"net 2-4",
	"net 3-4-1",
	"net 2-4-1 act=foo",
	"net 2-4-1 colour=red",
	"data",
	"data blobs",
	"data moons n=abc",
	"data moons split=0",
	"data moons n=10 extra",
	"data load tests/tmp/cmd-does-not-exist.csv",
	"data load tests/tmp/cmd-bad.csv",
	"load tests/tmp/cmd-does-not-exist.lab",
	"load tests/tmp/cmd-bad.lab",
	"import weights tests/tmp/cmd-does-not-exist.net",
	"import weights tests/tmp/cmd-bad.lab",
	"import biases x",
	"export foo x",
	"export weights",
	"train abc",
	"train -5",
	"train 10 norm=batch",
	"train 5 lr=0",
	"train 5 loss=bce lr=0.1 dropout=2",
	"plot",
	"plot nothing",
	"plot fn",
	"plot fn nosuch",
	"plot weights 9",
	"plot weights x",
	"plot loss cubic",
	"plot grads 2",
	"plot norm",
	"plot sweep",
	"sweep lambda",
	"sweep lamda 0 1",
	"sweep lambda 0 -1",
	"compare reg l1",
	"compare reg l1 l3",
	"show nothing",
	"help nothing",
	"seed -1",
	"seed 1 2",
	"set act 'relu",
	"quit now",
	"reset 3",
	"get grad_norm.99",
	"get dead.1",
	"data moons test=0.5",
	"data moons test=-0.1",
	"data moons test=0.95 split=0.05",
	"data poly n=16 test=0.01",
	"eval foo",
	"eval test",
	"get test_loss",
	"net 2-16-8-1 skip=on",
};

static void
bad_input_changes_nothing(void **state)
{
	struct session *s = session_new(1);
	char *csv = tmpfile_path("bad.csv");
	char *lab = tmpfile_path("bad.lab");

	(void)state;
	test_write_file(csv, "x1,x2,y\n1,2,0\n3,oops,1\n");
	test_write_file(lab,
	    "regtutor-lab 1\nset lambda 0.5\nset act nosuch\nend\n");
	run_ok(s, SETUP);
	run_ok(s, "train 2");
	for (size_t i = 0; i < COUNT(bad_lines); i++) {
		struct transcript *t = transcript_new();
		char *before = session_dump(s), *after;
		int rc = cmd_execute(s, bad_lines[i], t);

		if (rc != CMD_ERROR || count_kind(t, TR_ERROR) != 1) {
			char *text = transcript_text(t);

			print_error("'%s': rc %d, %zu errors\n%s", bad_lines[i],
			    rc, count_kind(t, TR_ERROR), text);
			free(text);
		}
		assert_int_equal(rc, CMD_ERROR);
		assert_int_equal(count_kind(t, TR_ERROR), 1);
		after = session_dump(s);
		if (strcmp(before, after) != 0)
			print_error("'%s' changed the state\n", bad_lines[i]);
		assert_string_equal(before, after);
		free(before);
		free(after);
		transcript_free(t);
	}
	free(csv);
	free(lab);
	session_free(s);
}

static void
error_messages_name_command_argument_allowed(void **state)
{
	struct session *s = session_new(1);
	char *text;

	(void)state;
	expect(s, "set lambda -1", CMD_ERROR,
	    "error: set: lambda: -1 is out of range "
	    "(allowed: a number >= 0 and <= 100)");
	expect(s, "trian 5", CMD_ERROR,
	    "error: trian: unknown command; did you mean 'train'?");
	text = run(s, "set act rleu", CMD_ERROR);
	assert_non_null(strstr(text, "did you mean 'relu'?"));
	assert_non_null(strstr(text, "linear|sigmoid|tanh|relu|leaky|elu|"
	    "softplus"));
	free(text);
	expect(s, "set lambda 1e400", CMD_ERROR,
	    "'1e400' is not a finite number");
	expect(s, "net 0-1", CMD_ERROR, "net: SPEC:");
	expect(s, "data load tests/tmp/cmd-bad.csv", CMD_ERROR,
	    "cmd-bad.csv:3");
	expect(s, "load tests/tmp/cmd-bad.lab", CMD_ERROR, "cmd-bad.lab:3:");
	expect(s, "train 3", CMD_ERROR, "no data yet");
	/* a line stops at its first error; earlier commands stand */
	free(run(s, "set lambda 0.5; set reg l9; set lr 0.5", CMD_ERROR));
	expect(s, "get lambda; get reg; get lr", CMD_OK,
	    "lambda = 0.5\nreg = none\nlr = 0.03\n");
	session_free(s);
}

/* ------------------------------------------------------------ commands */

static void
set_get_show(void **state)
{
	struct session *s = session_new(1);
	char *text;

	(void)state;
	expect(s, "set lambda 0.01", CMD_OK,
	    "warning: reg is none, so lambda has no effect");
	/* a typo in a one-run override gets the nearest setting too */
	expect(s, "train 5 lamda=0.1", CMD_ERROR,
	    "unknown key 'lamda'; did you mean 'lambda'?");
	/* get knows metrics too: a typo gets the nearest metric */
	expect(s, "get grad_ration", CMD_ERROR,
	    "unknown setting or metric 'grad_ration'; did you mean "
	    "'grad_ratio'?");
	expect(s, "get val_los", CMD_ERROR, "did you mean 'val_loss'?");
	/* a run of sets on one line is judged once every setting is in
	 * place: the reg that follows makes lambda count */
	text = run(s, "set reg none; set lambda 0.02; set reg l1", CMD_OK);
	assert_null(strstr(text, "warning"));
	free(text);
	/* still said when the run ends without fixing it, after the run */
	expect(s, "set reg none; set lambda 0.03; set lr 0.03", CMD_OK,
	    "lr = 0.03\nwarning: reg is none, so lambda has no effect");
	text = run(s, "set l1mode prox; set l1mode subgrad", CMD_OK);
	assert_non_null(strstr(text, "l1mode = subgrad\nwarning: l1mode only "
	    "matters with reg l1\n"));
	assert_null(strstr(text, "l1mode = prox\nwarning"));
	/* a key set twice in the run is judged once */
	assert_null(strstr(strstr(text, "l1mode only") + 1, "l1mode only"));
	free(text);
	text = run(s, "set lambda 0.01; set reg l1; set act relu; get lambda; "
	    "show params", CMD_OK);
	assert_non_null(strstr(text, "lambda = 0.01\n"));
	assert_non_null(strstr(text, "reg         l1 "));
	assert_non_null(strstr(text, "act         relu "));
	free(text);
	run_ok(s, SETUP);
	text = run(s, "set norm batch; show net", CMD_OK);
	assert_non_null(strstr(text, "rebuilt with fresh weights"));
	assert_non_null(strstr(text, "batch norm"));
	free(text);
	text = run(s, "train 2; show history; show stats", CMD_OK);
	assert_non_null(strstr(text, "epoch  train_loss"));
	assert_non_null(strstr(text, "|w| = "));
	free(text);
	/* a measure that does not apply prints "-": saturation of relu, dead
	 * units of tanh and of the output layer */
	text = run(s, "net 2-4-1 act=relu; train 1; show stats; plot acts",
	    CMD_OK);
	assert_null(strstr(text, "nan"));
	assert_non_null(strstr(text, "saturated -, dead "));
	free(text);
	text = run(s, "net 2-4-1 act=tanh; train 1; show stats; plot acts",
	    CMD_OK);
	assert_null(strstr(text, "nan"));
	assert_non_null(strstr(text, ", dead -"));
	free(text);
	/* regression has no accuracy: no accuracy columns, no "nan" */
	text = run(s, "data poly; net 1-4-1; train 2; show history", CMD_OK);
	assert_non_null(strstr(text, "epoch  train_loss  val_loss    "
	    "penalty\n"));
	assert_null(strstr(text, "nan"));
	assert_null(strstr(text, "train_acc"));
	free(text);
	text = run(s, "data moons; net 2-4-1; train 2; show history", CMD_OK);
	assert_non_null(strstr(text, "penalty     train_acc  val_acc\n"));
	assert_null(strstr(text, "nan"));
	free(text);
	session_free(s);
}

static void
train_step_reset_seed(void **state)
{
	struct session *s = session_new(1);
	char *a, *b;
	double v;

	(void)state;
	run_ok(s, SETUP);
	a = session_dump(s);
	expect(s, "train", CMD_OK, "trained 3 epochs (1-3)");
	assert_int_equal(session_query(s, "epochs_trained", &v), 0);
	assert_close(v, 3, 0);
	expect(s, "train 2 lr=0.5 reg=l2 lambda=0.1", CMD_OK, "(4-5)");
	/* overrides held for one run only */
	expect(s, "get lr; get reg", CMD_OK, "lr = 0.03\nreg = none");
	expect(s, "step", CMD_OK, "mini-batch of 10");
	/* reset: the same seed gives the same initial weights */
	run_ok(s, "reset");
	b = session_dump(s);
	assert_string_equal(a, b);
	free(b);
	run_ok(s, "seed 7");
	b = session_dump(s);
	assert_string_not_equal(a, b);
	free(b);
	run_ok(s, "seed 1");
	b = session_dump(s);
	assert_string_equal(a, b);
	free(b);
	free(a);
	session_free(s);
}

/* Value of "NAME NUMBER" after "what" in text, e.g. "val loss 0.12". */
static double
number_after(const char *text, const char *what)
{
	const char *p = strstr(text, what);
	double v = NAN;

	assert_non_null(p);
	assert_int_equal(sscanf(p + strlen(what), "%lf", &v), 1);
	return v;
}

/*
 * After an early stop that restored the best weights, the train summary,
 * "get", session_query, the status and "eval" all describe the restored
 * net (the best epoch), not the last row of the history.
 */
static void
restored_net_is_what_reports_describe(void)
{
	struct session *s = session_new(1);
	struct session_status st;
	const char *lastrow;
	char *text, *ev, *hist;
	double v, best, last;

	run_ok(s, "data poly n=16 noise=0.3 split=0.5; net 1-64-64-1 "
	    "act=tanh; set opt adam; set lr 0.01; set batch 8; "
	    "set early on");
	text = run(s, "train 600", CMD_OK);
	assert_non_null(strstr(text, "best weights restored"));
	assert_int_equal(session_query(s, "best_val_loss", &best), 0);
	/* the last history row is past the best epoch, and worse */
	hist = run(s, "show history", CMD_OK);
	hist[strlen(hist) - 1] = '\0';
	lastrow = strrchr(hist, '\n') + 1;
	assert_int_equal(sscanf(lastrow, "%*d %*g %lf", &last), 1);
	assert_true(last > best * 1.001);
	free(hist);
	assert_close(number_after(text, "val loss "), best, 1e-3 * best);
	free(text);
	assert_int_equal(session_query(s, "val_loss", &v), 0);
	assert_close(v, best, 1e-12);
	text = run(s, "get val_loss", CMD_OK);
	assert_close(number_after(text, "val_loss = "), best, 1e-3 * best);
	free(text);
	session_get_status(s, &st);
	assert_close(st.val_loss, best, 1e-12);
	/* eval measures, changes nothing */
	text = session_dump(s);
	ev = run(s, "eval", CMD_OK);
	assert_close(number_after(ev, "val loss "), best, 1e-3 * best);
	assert_non_null(strstr(ev, "eval: train loss "));
	assert_null(strstr(ev, "accuracy"));	/* regression */
	free(ev);
	ev = session_dump(s);
	assert_string_equal(text, ev);
	free(text);
	free(ev);
	/* no undo snapshot either */
	assert_int_equal(cmd_find("eval")->flags & CMD_MUTATES, 0);
	/* a sweep's runs stop early too: val is their best val loss */
	text = run(s, "set epochs 600; sweep lambda 0 0.5", CMD_OK);
	{
		const char *row = strstr(text, "\n0 ");
		char tl[32], vl[32], bv[32];

		assert_non_null(row);
		assert_int_equal(sscanf(row + 1, "%*s %31s %31s %31s", tl, vl,
		    bv), 3);
		assert_string_equal(vl, bv);
	}
	free(text);
	expect(s, "data moons n=40; net 2-4-1; eval", CMD_OK,
	    "accuracy: train ");
	/* the summary's penalty is the run's: lambda= counts */
	text = run(s, "set reg l2; train 2 lambda=0.5", CMD_OK);
	assert_true(number_after(text, "penalty ") > 0);
	free(text);
	text = run(s, "eval", CMD_OK);
	assert_true(number_after(text, "penalty ") == 0);	/* lambda 0 */
	free(text);
	free(run(s, "eval 3", CMD_ERROR));
	session_free(s);
}

/* poly is a handful of points, half held out; the others are larger. */
static void
data_defaults_per_kind(void **state)
{
	struct session *s = session_new(1);

	(void)state;
	expect(s, "data poly", CMD_OK, "20 rows (10 train, 10 val)");
	expect(s, "data poly n=40 split=0.75", CMD_OK,
	    "40 rows (30 train, 10 val)");
	expect(s, "data moons", CMD_OK, "200 rows (140 train, 60 val)");
	expect(s, "data sine split=0.5", CMD_OK,
	    "200 rows (100 train, 100 val)");
	expect(s, "help data", CMD_OK, "poly defaults to n=20 split=0.5");
	session_free(s);
}

static void
early_stopping_and_divergence(void **state)
{
	struct session *s = session_new(1);
	double v;

	(void)state;
	run_ok(s, "data sine n=40 noise=0.3; net 1-16-1 act=tanh; "
	    "set early on; set patience 2; set lr 0.3");
	expect(s, "train 300", CMD_OK, "early stop at epoch");
	assert_int_equal(session_query(s, "stopped_early", &v), 0);
	assert_close(v, 1, 0);
	run_ok(s, "set early off; net 1-16-1 act=linear");
	restored_net_is_what_reports_describe();
	expect(s, "train 20 lr=10 opt=sgd", CMD_OK, "diverged");
	assert_int_equal(session_query(s, "diverged", &v), 0);
	assert_close(v, 1, 0);
	session_free(s);
}

/*
 * The early-stopping settings: early (off), patience (5), min_delta (0),
 * restore (on); set/get/show, train overrides, their effect, save/load,
 * and older lab files where patience 0 meant off.
 */
static void
early_stopping_settings(void **state)
{
	struct session *s = session_new(1);
	char *text, *lab = tmpfile_path("early.lab");
	double ep;

	(void)state;
	text = run(s, "get early; get patience; get min_delta; get restore",
	    CMD_OK);
	assert_non_null(strstr(text, "early = off\npatience = 5\n"
	    "min_delta = 0\nrestore = on\n"));
	free(text);
	text = run(s, "show params", CMD_OK);
	assert_non_null(strstr(text, "early       off      off|on"));
	/* integer ranges in full, not 1..1e+05 */
	assert_non_null(strstr(text, "patience    5        1..100000 "));
	assert_non_null(strstr(text, "seed        1        0..2147483647 "));
	assert_null(strstr(text, "e+0"));
	assert_non_null(strstr(text, "min_delta   0"));
	assert_non_null(strstr(text, "restore     on       off|on"));
	free(text);
	free(run(s, "set patience 0", CMD_ERROR));
	free(run(s, "set min_delta -1", CMD_ERROR));
	free(run(s, "set early yes", CMD_ERROR));
	run_ok(s, "data poly n=16 noise=0.3 split=0.5; net 1-64-64-1; "
	    "set opt adam; set lr 0.01; set batch 8");
	/* off by default: all 300 epochs run */
	text = run(s, "train 300", CMD_OK);
	assert_null(strstr(text, "early stop"));
	free(text);
	/* an override turns it on for one run */
	run_ok(s, "reset");
	text = run(s, "train 600 early=on patience=3", CMD_OK);
	assert_non_null(strstr(text, "early stop at epoch"));
	assert_non_null(strstr(text, "(patience 3)"));
	assert_non_null(strstr(text, "best weights restored"));
	free(text);
	expect(s, "get early; get patience", CMD_OK,
	    "early = off\npatience = 5\n");
	/* restore off: the last weights stay */
	run_ok(s, "reset");
	text = run(s, "train 600 early=on restore=off", CMD_OK);
	assert_non_null(strstr(text, "early stop at epoch"));
	assert_null(strstr(text, "restored"));
	free(text);
	/* a huge min_delta: nothing after the first epoch counts, so the run
	 * stops after 1 + patience epochs */
	run_ok(s, "reset; set early on; set min_delta 100");
	free(run(s, "train 600", CMD_OK));
	assert_int_equal(session_query(s, "epochs_trained", &ep), 0);
	assert_close(ep, 6, 0);
	/* save/load keeps all four */
	run_ok(s, "set patience 7; set restore off");
	run_okf(s, "save %s", lab);
	run_ok(s, "set early off; set patience 2; set min_delta 0; "
	    "set restore on");
	run_okf(s, "load %s", lab);
	text = run(s, "get early; get patience; get min_delta; get restore",
	    CMD_OK);
	assert_non_null(strstr(text, "early = on\npatience = 7\n"
	    "min_delta = 100\nrestore = off\n"));
	free(text);
	/* older lab files: patience 0 was off, patience N on */
	test_write_file(lab, "regtutor-lab 1\nset patience 0\nend\n");
	run_okf(s, "load %s", lab);
	expect(s, "get early; get patience", CMD_OK,
	    "early = off\npatience = 5\n");
	test_write_file(lab, "regtutor-lab 1\nset patience 9\nend\n");
	run_okf(s, "load %s", lab);
	expect(s, "get early; get patience", CMD_OK,
	    "early = on\npatience = 9\n");
	remove(lab);
	free(lab);
	session_free(s);
}

static int
last_best(void *ctx, const struct cmd_epoch_info *info)
{
	*(int *)ctx = info->best_epoch;
	return 0;
}

/*
 * The best epoch is the engine's (nn_net_best: the early-stopping rule,
 * min_delta included), wherever it is shown: the train summary, get
 * best_epoch and best_val_loss, the epoch hook, the loss chart's marker
 * and a sweep's best@ column.  With min_delta 0.01 the val loss still
 * creeps down by less than 0.01 after the best epoch, so a plain lowest
 * value would name a later epoch.
 */
static void
best_epoch_has_one_owner(void **state)
{
	struct session *s = session_new(1);
	const struct nn_epoch *h;
	struct grid g;
	char *text, *want, *chart;
	double v, best, bestval;
	int be, n, hook_best = -1, lowest = 0;

	(void)state;
	session_set_render(s, CMD_GLYPH_ASCII, CMD_COLOR_NONE, 72, 16);
	session_set_epoch_hook(s, last_best, &hook_best);
	run_ok(s, "data moons n=60 noise=0.1 seed=3; net 2-8-1; "
	    "set early on; set min_delta 0.01");
	text = run(s, "train 200", CMD_OK);
	best = number_after(text, "best val loss ");
	be = (int)number_after(strstr(text, "best val loss "), " at epoch ");
	n = nn_net_history(s->lab.net, &h);
	for (int i = 1; i < n; i++)
		if (h[i].val_loss < h[lowest].val_loss)
			lowest = i;
	assert_true(be > 0 && lowest + 1 > be);	/* the rules differ here */
	bestval = h[be - 1].val_loss;
	free(text);
	assert_int_equal(session_query(s, "best_epoch", &v), 0);
	assert_int_equal((int)v, be);
	assert_int_equal(session_query(s, "best_val_loss", &v), 0);
	assert_close(v, bestval, 0);
	assert_close(v, best, 1e-3);
	assert_int_equal(hook_best, be);
	expect(s, "get best_epoch", CMD_OK, "best_epoch = ");
	run_ok(s, "plot loss");
	grid_init(&g, 72, 16);
	assert_int_equal(session_render_chart(s, &g), 0);
	chart = grid_to_string(&g, CHART_COLOR_NONE);
	want = xasprintf("best@%d ", be);
	assert_non_null(strstr(chart, want));
	free(want);
	free(chart);
	grid_done(&g);
	/* a sweep's run of the same net and settings */
	run_ok(s, "sweep min_delta 0.01 0.02");
	assert_int_equal(s->sweep.r[0].best_epoch, be);
	assert_close(s->sweep.r[0].best_val_loss, bestval, 0);
	session_free(s);
}

static void
plots_render_and_rerender(void **state)
{
	struct session *s = session_new(1);
	struct grid g;
	static const char *const plots[] = { "plot loss", "plot loss log",
	    "plot weights", "plot weights 1", "plot grads", "plot acts",
	    "plot fn relu", "plot boundary", "sweep lambda 0 0.1",
	    "plot sweep", "compare reg l1 l2", "compare act sigmoid relu" };

	(void)state;
	grid_init(&g, 30, 8);
	assert_int_equal(session_render_chart(s, &g), -1);
	run_ok(s, SETUP "; train 2; set lambda 0.01");
	for (size_t i = 0; i < COUNT(plots); i++) {
		struct transcript *t = transcript_new();

		assert_int_equal(cmd_execute(s, plots[i], t), CMD_OK);
		assert_true(count_kind(t, TR_CHART) >= 1);
		transcript_free(t);
		/* the last chart renders again at another size */
		assert_int_equal(session_render_chart(s, &g), 0);
	}
	grid_resize(&g, 50, 12);
	assert_int_equal(session_render_chart(s, &g), 0);
	run_ok(s, "set norm layer; set batch 4; plot norm; data sine n=30; "
	    "net 1-4-1; train 2; plot boundary");
	grid_done(&g);
	session_free(s);
}

/* plot boundary with one input: the data are points, the prediction a
 * line (ASCII: 'o' marks, one per row at most, and '*' for the curve). */
static void
boundary_regression_scatter(void **state)
{
	struct session *s = session_new(1);
	struct grid g;
	char *t;
	int marks = 0;

	(void)state;
	session_set_render(s, CMD_GLYPH_ASCII, CMD_COLOR_NONE, 60, 16);
	run_ok(s, "data poly n=12 split=1; net 1-4-1; train 5; plot boundary");
	grid_init(&g, 60, 16);
	assert_int_equal(session_render_chart(s, &g), 0);
	t = grid_to_string(&g, CHART_COLOR_NONE);
	/* plot rows: the y axis in column 5; the text rows have words */
	for (const char *line = t; *line; ) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);

		if (len > 5 && (line[4] == '|' || line[4] == '+') &&
		    line[5] != '-')
			for (size_t i = 5; i < len; i++)
				marks += line[i] == 'o';
		line += len + (end != NULL);
	}
	assert_true(marks >= 6 && marks <= 12);
	assert_non_null(strstr(t, "o  train"));
	assert_null(strstr(t, " val"));	/* split=1: no validation rows */
	assert_non_null(strstr(t, "** prediction"));
	free(t);
	grid_done(&g);
	session_free(s);
}

/* Where the legend word w starts (row *y, column *x) in g; 0, or -1. */
static int
find_word(const struct grid *g, const char *w, int *x, int *y)
{
	int n = (int)strlen(w);

	for (int r = g->h - 1; r >= 0; r--)
		for (int c = 0; c + n <= g->w; c++) {
			int k = 0;

			while (k < n && g->cells[r * g->w + c + k].cp ==
			    (uint32_t)(unsigned char)w[k])
				k++;
			if (k == n) {
				*x = c;
				*y = r;
				return 0;
			}
		}
	return -1;
}

/* Cells of code point cp in rows 1 .. last-1 (the plot, not the title). */
static int
count_cp(const struct grid *g, uint32_t cp, int last)
{
	int n = 0;

	for (int r = 1; r < last; r++)
		for (int c = 0; c < g->w; c++)
			n += g->cells[r * g->w + c].cp == cp;
	return n;
}

/* The chart item of t drawn at 60x16, as text (caller frees). */
static char *
redraw(const struct transcript *t, struct grid *g)
{
	for (size_t i = 0; i < transcript_count(t); i++)
		if (transcript_item(t, i)->kind == TR_CHART) {
			assert_int_equal(transcript_render_chart(t, i, g), 0);
			return grid_to_string(g, CHART_COLOR_NONE);
		}
	fail_msg("no chart in the transcript");
	return NULL;
}

/*
 * plot boundary tells training and validation points apart by shape, not
 * only colour, in every glyph tier: one input, the legend names "train"
 * and "val" with different samples and the val sample marks points in the
 * plot; two inputs, training points are 'o' 'x' and validation points 'O'
 * 'X'.  The transcript's snapshot keeps the split after the session moves
 * on.
 */
static void
boundary_train_val_differ(void **state)
{
	static const int tiers[] = { CMD_GLYPH_ASCII, CMD_GLYPH_QUADRANT,
	    CMD_GLYPH_BRAILLE };
	struct grid g;

	(void)state;
	grid_init(&g, 60, 16);
	for (size_t k = 0; k < COUNT(tiers); k++) {
		struct session *s = session_new(1);
		struct transcript *t = transcript_new();
		int tx, ty, vx, vy;
		uint32_t tcp, vcp;
		char *before, *after;

		session_set_render(s, tiers[k], CMD_COLOR_NONE, 60, 16);
		run_ok(s, "data poly n=24 split=0.5; net 1-4-1; train 5");
		assert_int_equal(cmd_execute(s, "plot boundary", t), CMD_OK);
		before = redraw(t, &g);
		assert_int_equal(find_word(&g, "train", &tx, &ty), 0);
		assert_int_equal(find_word(&g, "val", &vx, &vy), 0);
		tcp = g.cells[ty * g.w + tx - 3].cp;
		vcp = g.cells[vy * g.w + vx - 3].cp;
		assert_true(tcp != ' ' && vcp != ' ');
		assert_true(tcp != vcp);
		/* 12 validation points: most in cells of their own */
		assert_true(count_cp(&g, vcp, vy) >= 6);
		/* the session moves on; the snapshot does not */
		run_ok(s, "data poly n=24 split=0.9; train 1; plot boundary");
		after = redraw(t, &g);
		assert_string_equal(before, after);
		free(before);
		free(after);
		transcript_free(t);

		t = transcript_new();
		run_ok(s, "data xor n=40 split=0.5; net 2-8-1; train 5");
		assert_int_equal(cmd_execute(s, "plot boundary", t), CMD_OK);
		free(redraw(t, &g));
		assert_int_equal(find_word(&g, "train", &tx, &ty), 0);
		assert_int_equal(find_word(&g, "val", &vx, &vy), 0);
		assert_int_equal(g.cells[ty * g.w + tx - 4].cp, 'o');
		assert_int_equal(g.cells[ty * g.w + tx - 2].cp, 'x');
		assert_int_equal(g.cells[vy * g.w + vx - 4].cp, 'O');
		assert_int_equal(g.cells[vy * g.w + vx - 2].cp, 'X');
		assert_true(count_cp(&g, 'o', ty - 1) +
		    count_cp(&g, 'x', ty - 1) >= 10);
		assert_true(count_cp(&g, 'O', ty - 1) +
		    count_cp(&g, 'X', ty - 1) >= 10);
		transcript_free(t);
		session_free(s);
	}
	grid_done(&g);
}

/* ------------------------------------------------------------ files */

static void
export_import_identical_weights(void **state)
{
	struct session *s = session_new(1);
	char *f1 = tmpfile_path("w1.net"), *f2 = tmpfile_path("w2.net");
	char *line, *a, *b;

	(void)state;
	run_ok(s, SETUP "; train 3");
	line = xasprintf("export weights %s; train 2; set act relu; "
	    "import weights %s; export weights %s", f1, f1, f2);
	run_ok(s, line);
	/* the imported net's settings become the session's */
	expect(s, "get act", CMD_OK, "act = tanh\n");
	a = test_read_file(f1);
	b = test_read_file(f2);
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "regtutor-net 2"));
	free(a);
	free(b);
	free(line);
	run_okf(s, "export history %s; export data %s", f1, f2);
	a = test_read_file(f2);
	assert_non_null(strstr(a, "x1,x2,y"));
	free(a);
	free(f1);
	free(f2);
	session_free(s);
}

static void
save_load_round_trip_and_csv(void **state)
{
	struct session *s = session_new(1);
	char *f = tmpfile_path("lab.lab"), *csv = tmpfile_path("data.csv");
	char *a, *b;

	(void)state;
	run_ok(s, SETUP "; set lambda 0.02; set reg l2");
	a = session_dump(s);
	run_okf(s, "save %s; data sine; net 1-3-1; set lambda 1; load %s",
	    f, f);
	b = session_dump(s);
	assert_string_equal(a, b);
	free(a);
	free(b);

	/* a loaded CSV travels inside the lab file */
	test_write_file(csv, "# toy\nx,y\n0,0.5\n1,1.5\n2,2.5\n3,3.5\n4,4.5\n"
	    "5,5.5\n");
	run_okf(s, "data load %s split=0.5; net 1-2-1; train 2; save %s",
	    csv, f);
	a = session_dump(s);
	assert_non_null(strstr(a, "\ncsv 7\nx1,y\n0,0.5\n"));
	assert_non_null(strstr(a, "\n5,5.5\ndata load - split=0.5 seed=1\n"));
	run_okf(s, "data moons; load %s", f);
	b = session_dump(s);
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(f);
	free(csv);
	session_free(s);
}

/*
 * The history travels with a saved lab: after load the history is the
 * saved one to the last bit (export history writes %.17g), the loss chart
 * draws it, training goes on from the next epoch, and a bad history row is
 * a file:line error that leaves the session alone.
 */
static void
save_load_restores_history(void **state)
{
	struct session *s = session_new(1);
	char *f = tmpfile_path("hist.lab"), *h1 = tmpfile_path("h1.csv");
	char *h2 = tmpfile_path("h2.csv"), *line, *a, *b, *text;
	struct grid g;
	double v;

	(void)state;
	line = xasprintf("data sine n=40 noise=0.2; net 1-8-1; train 25; "
	    "data moons n=40; net 2-4-1; train 3 lr=0.5; train 4; "
	    "export history %s; save %s", h1, f);
	/* the moons net: classification, so accuracies are numbers too */
	run_ok(s, line);
	free(line);
	run_okf(s, "data sine; net 1-3-1; load %s; export history %s",
	    f, h2);
	a = test_read_file(h1);
	b = test_read_file(h2);
	assert_string_equal(a, b);
	assert_non_null(strstr(b, "\n7,"));
	free(a);
	free(b);
	assert_int_equal(session_query(s, "epochs_trained", &v), 0);
	assert_close(v, 7, 0);
	text = run(s, "plot loss", CMD_OK);
	assert_null(strstr(text, "no training history"));
	free(text);
	grid_init(&g, 40, 10);
	assert_int_equal(session_render_chart(s, &g), 0);
	grid_done(&g);
	expect(s, "train 2", CMD_OK, "(8-9)");

	/* a regression net without validation rows: nan fields load */
	run_okf(s, "data sine n=20 split=1; net 1-4-1; train 3; "
	    "export history %s; save %s; net 1-2-1; load %s; export history %s",
	    h1, f, f, h2);
	a = test_read_file(h1);
	b = test_read_file(h2);
	assert_string_equal(a, b);
	assert_non_null(strstr(b, ",nan,"));
	free(a);
	free(b);

	/* errors name the line; the session keeps its 3 epochs */
	test_write_file(f,
	    "regtutor-lab 1\nhistory 1\n1,0.5,0.5,0,0,0,0.1\nend\n");
	line = xasprintf("load %s", f);
	expect(s, line, CMD_ERROR, "without a net");
	free(line);
	a = session_dump(s);
	*strstr(a, "history 3\n") = '\0';
	b = xasprintf("%shistory 1\n2,0.5,0.5,0,0,0,0.1\nend\n", a);
	test_write_file(f, b);
	line = xasprintf("load %s", f);
	expect(s, line, CMD_ERROR, "bad history row");
	assert_int_equal(session_query(s, "epochs_trained", &v), 0);
	assert_close(v, 3, 0);
	free(line);
	free(a);
	free(b);
	free(f);
	free(h1);
	free(h2);
	session_free(s);
}

static void
undo_restores_settings_and_net(void **state)
{
	struct session *s = session_new(1);
	char *a, *b;
	double v;

	(void)state;
	expect(s, "undo", CMD_ERROR, "nothing to undo");
	run_ok(s, SETUP);
	a = session_dump(s);
	run_ok(s, "set lambda 0.3");
	run_ok(s, "train 2");
	/* undo says what it undid, as typed */
	expect(s, "undo", CMD_OK,
	    "undid 'train 2' (");
	expect(s, "get lambda", CMD_OK, "lambda = 0.3\n");
	assert_int_equal(session_query(s, "epochs_trained", &v), 0);
	assert_close(v, 0, 0);
	run_ok(s, "undo");
	b = session_dump(s);
	assert_string_equal(a, b);
	free(a);
	free(b);
	/* a failed command leaves no undo step */
	run_ok(s, "set lambda 0.1");
	free(run(s, "set lambda -2", CMD_ERROR));
	expect(s, "undo", CMD_OK, "undid 'set lambda 0.1' (");
	expect(s, "get lambda", CMD_OK, "lambda = 0\n");
	session_free(s);
}

/* ------------------------------------------------------------ queries */

static void
queries(void **state)
{
	struct session *s = session_new(1);
	const char *const *names = session_query_names();
	double v;

	(void)state;
	assert_int_equal(session_query(s, "val_loss", &v), -1);
	assert_non_null(strstr(session_errmsg(s), "no network"));
	assert_int_equal(session_query(s, "nosuch", &v), -1);
	assert_non_null(strstr(session_errmsg(s), "unknown metric"));
	run_ok(s, "data moons n=60 seed=3 test=0.2; net 2-6-6-1 act=tanh; "
	    "train 3; set epochs 3; compare lr 0.1 0.2 seeds=2");
	for (int i = 0; names[i] != NULL; i++) {
		char *name = xstrdup(names[i]);
		char *k = strstr(name, ".K");

		if (k != NULL)
			strcpy(k, ".1");
		if (session_query(s, name, &v) != 0)
			print_error("%s: %s\n", name, session_errmsg(s));
		if (strcmp(name, "dead.1") == 0)
			assert_int_equal(session_query(s, name, &v), -1);
		else
			assert_int_equal(session_query(s, name, &v), 0);
		free(name);
	}
	assert_int_equal(session_query(s, "epochs_trained", &v), 0);
	assert_close(v, 3, 0);
	assert_int_equal(session_query(s, "grad_norm.3", &v), 0);
	assert_true(v > 0);
	assert_int_equal(session_query(s, "grad_norm.4", &v), -1);
	assert_int_equal(session_query(s, "sat.3", &v), -1);
	assert_int_equal(session_query(s, "acc", &v), 0);
	assert_true(v >= 0 && v <= 1);
	session_free(s);
}

/* ------------------------------------------------------------ completion */

static int
has(char **v, const char *w)
{
	for (size_t i = 0; v[i] != NULL; i++)
		if (strcmp(v[i], w) == 0)
			return 1;
	return 0;
}

static void
completion(void **state)
{
	char **v;
	size_t st;

	(void)state;
	v = cmd_complete("se", 2, &st);
	assert_true(has(v, "set") && has(v, "seed"));
	assert_false(has(v, "train"));
	assert_int_equal(st, 0);
	cmd_complete_free(v);
	v = cmd_complete("data moons; set a", 17, &st);
	assert_true(has(v, "act"));
	assert_int_equal(st, 16);
	cmd_complete_free(v);
	v = cmd_complete("set act r", 9, &st);
	assert_true(has(v, "relu"));
	assert_false(has(v, "tanh"));
	cmd_complete_free(v);
	v = cmd_complete("train 5 lr", 10, &st);
	assert_true(has(v, "lr="));
	cmd_complete_free(v);
	v = cmd_complete("train 5 min", 11, &st);
	assert_true(has(v, "min_delta="));
	cmd_complete_free(v);
	v = cmd_complete("set ea", 6, &st);
	assert_true(has(v, "early"));
	cmd_complete_free(v);
	v = cmd_complete("set restore o", 13, &st);
	assert_true(has(v, "on") && has(v, "off"));
	cmd_complete_free(v);
	v = cmd_complete("net 2-4-1 act=s", 15, &st);
	assert_true(has(v, "sigmoid") && has(v, "softplus"));
	assert_int_equal(st, 14);
	cmd_complete_free(v);
	v = cmd_complete("plot ", 5, &st);
	assert_true(has(v, "loss") && has(v, "boundary"));
	cmd_complete_free(v);
	v = cmd_complete("plot fn ta", 10, &st);
	assert_true(has(v, "tanh"));
	cmd_complete_free(v);
	/* compare: a setting or a bundle first, then values or bundles */
	v = cmd_complete("compare ", 8, &st);
	assert_true(has(v, "lambda") && has(v, "none") && has(v, "early="));
	cmd_complete_free(v);
	v = cmd_complete("compare act re", 14, &st);
	assert_true(has(v, "relu"));
	assert_false(has(v, "reg="));
	cmd_complete_free(v);
	v = cmd_complete("compare none ea", 15, &st);
	assert_true(has(v, "early="));
	cmd_complete_free(v);
	v = cmd_complete("compare none dropout=0.5 ", 25, &st);
	assert_true(has(v, "n=") && has(v, "seeds=") && has(v, "reg="));
	assert_false(has(v, "seed="));
	cmd_complete_free(v);
	v = cmd_complete("xyz ", 4, &st);
	assert_null(v[0]);
	cmd_complete_free(v);
	/* the settings and metrics of issue 14 */
	v = cmd_complete("set ", 4, &st);
	assert_true(has(v, "init_scale") && has(v, "clip") && has(v, "wd") &&
	    has(v, "input_noise") && has(v, "skip"));
	cmd_complete_free(v);
	v = cmd_complete("set opt adam", 12, &st);
	assert_true(has(v, "adam") && has(v, "adamw"));
	cmd_complete_free(v);
	v = cmd_complete("net 2-8-8-1 sk", 14, &st);
	assert_true(has(v, "skip="));
	cmd_complete_free(v);
	v = cmd_complete("net 2-8-8-1 skip=o", 18, &st);
	assert_true(has(v, "on") && has(v, "off"));
	cmd_complete_free(v);
	v = cmd_complete("net 2-8-8-1 init_", 17, &st);
	assert_true(has(v, "init_scale="));
	cmd_complete_free(v);
	v = cmd_complete("train 5 input", 13, &st);
	assert_true(has(v, "input_noise="));
	cmd_complete_free(v);
	v = cmd_complete("train 5 ", 8, &st);
	assert_true(has(v, "clip=") && has(v, "wd="));
	assert_false(has(v, "skip=") || has(v, "init_scale="));
	cmd_complete_free(v);
	v = cmd_complete("data moons te", 13, &st);
	assert_true(has(v, "test="));
	cmd_complete_free(v);
	v = cmd_complete("eval ", 5, &st);
	assert_true(has(v, "test"));
	cmd_complete_free(v);
	v = cmd_complete("get te", 6, &st);
	assert_true(has(v, "test_loss") && has(v, "test_acc"));
	cmd_complete_free(v);
	v = cmd_complete("get grad_n", 10, &st);
	assert_true(has(v, "grad_norm") && has(v, "grad_norm.K"));
	cmd_complete_free(v);
	v = cmd_complete("get w_", 6, &st);
	assert_true(has(v, "w_norm") && has(v, "w_dist_init"));
	cmd_complete_free(v);
	v = cmd_complete("get chosen_", 11, &st);
	assert_true(has(v, "chosen_val") && has(v, "chosen_test"));
	cmd_complete_free(v);
	v = cmd_complete("get mean_t", 10, &st);
	assert_true(has(v, "mean_train.K") && has(v, "mean_test.K"));
	cmd_complete_free(v);
}

/* ------------------------------------------------------------ hook, help */

static int
stop_at_two(void *ctx, const struct cmd_epoch_info *e)
{
	int *calls = ctx;

	(*calls)++;
	assert_int_equal(e->epochs, 50);
	return e->epoch >= 2;
}

static void
epoch_hook_can_stop(void **state)
{
	struct session *s = session_new(1);
	int calls = 0;
	double v;

	(void)state;
	run_ok(s, SETUP);
	session_set_epoch_hook(s, stop_at_two, &calls);
	expect(s, "train 50", CMD_STOPPED, "interrupted after 2 epochs");
	assert_int_equal(calls, 2);
	assert_int_equal(session_query(s, "epochs_trained", &v), 0);
	assert_close(v, 2, 0);
	session_set_epoch_hook(s, NULL, NULL);
	session_free(s);
}

/* Counts epochs of the session's own net ([0]) and of other runs ([1]). */
static int
count_own(void *ctx, const struct cmd_epoch_info *e)
{
	int *n = ctx;

	n[e->own ? 0 : 1]++;
	return 0;
}

/* The hook tells the session's own training from a sweep's or compare's
 * runs (the shell keeps the loss chart of the former only). */
static void
epoch_hook_tells_own_net(void **state)
{
	struct session *s = session_new(1);
	int n[2] = { 0, 0 };

	(void)state;
	run_ok(s, SETUP);
	session_set_epoch_hook(s, count_own, n);
	run_ok(s, "train 4");
	assert_int_equal(n[0], 4);
	assert_int_equal(n[1], 0);
	run_ok(s, "set epochs 3; compare lambda 0 0.1; sweep lambda 0 1 2");
	assert_int_equal(n[0], 4);
	assert_int_equal(n[1], 15);
	session_free(s);
}

/* The val loss of a run of settings on seed: a fresh session with that
 * seed, its data and net, trained for the epochs setting. */
static double
single_run(long seed, const char *settings)
{
	struct session *s = session_new((unsigned long)seed);
	char *line = xasprintf("data poly n=30 noise=0.3 split=0.5; "
	    "net 1-8-8-1 act=tanh; set epochs 40; set opt adam; set lr 0.01; "
	    "%s; train", settings);
	double v;

	run_ok(s, line);
	assert_int_equal(session_query(s, "val_loss", &v), 0);
	free(line);
	session_free(s);
	return v;
}

#define MULTI_SETUP "data poly n=30 noise=0.3 split=0.5; net 1-8-8-1 " \
	"act=tanh; set epochs 40; set opt adam; set lr 0.01; set reg l2"

/*
 * compare/sweep seeds=N: every value on seeds s..s+N-1, data made per
 * seed when it followed the session seed, the net from each seed: the
 * means, sds and wins are those of separate single runs.
 */
static void
multi_seed_compare(void **state)
{
	struct session *s = session_new(4);
	double a[3], b[3], v, m, sd;
	int wins = 0;
	char *text, *dump;

	(void)state;
	for (int j = 0; j < 3; j++) {
		a[j] = single_run(4 + j, "set reg l2; set lambda 0");
		b[j] = single_run(4 + j, "set reg l2; set lambda 0.05");
		wins += b[j] < a[j];
	}
	run_ok(s, MULTI_SETUP);
	dump = session_dump(s);
	text = run(s, "compare lambda 0 0.05 seeds=3", CMD_OK);
	assert_non_null(strstr(text, "compare lambda: 2 values x 3 seeds "
	    "(4-6), 40 epochs each, data made per seed"));
	assert_non_null(strstr(text, "0.05 has the lower val loss on "));
	assert_non_null(strstr(text, "(mean of 3 seeds)"));
	free(text);
	m = (a[0] + a[1] + a[2]) / 3;
	sd = sqrt(((a[0] - m) * (a[0] - m) + (a[1] - m) * (a[1] - m) +
	    (a[2] - m) * (a[2] - m)) / 2);
	assert_int_equal(session_query(s, "mean_val.1", &v), 0);
	assert_close(v, m, 1e-12);
	assert_int_equal(session_query(s, "sd_val.1", &v), 0);
	assert_close(v, sd, 1e-9);
	assert_int_equal(session_query(s, "mean_val.2", &v), 0);
	assert_close(v, (b[0] + b[1] + b[2]) / 3, 1e-12);
	assert_int_equal(session_query(s, "wins", &v), 0);
	assert_close(v, wins, 0);
	assert_int_equal(session_query(s, "mean_best_val.1", &v), 0);
	assert_true(v <= m + 1e-12);
	assert_int_equal(session_query(s, "sd_train.2", &v), 0);
	assert_true(v > 0);
	assert_int_equal(session_query(s, "mean_val.3", &v), -1);
	assert_non_null(strstr(session_errmsg(s), "no such value"));
	/* the session's own data, net and settings untouched */
	text = session_dump(s);
	assert_string_equal(text, dump);
	free(text);
	free(dump);

	/* a sweep: the same per-value means; wins belongs to compare */
	text = run(s, "sweep lambda 0 0.01 0.05 seeds=3", CMD_OK);
	/* the chart: the means and the spread over the seeds */
	assert_non_null(strstr(text, "regularization path: lambda (mean of 3 "
	    "seeds)"));
	assert_non_null(strstr(text, "val loss mean"));
	assert_non_null(strstr(text, "mean - sd"));
	assert_non_null(strstr(text, "mean + sd"));
	free(text);
	assert_int_equal(session_query(s, "mean_val.3", &v), 0);
	assert_close(v, (b[0] + b[1] + b[2]) / 3, 1e-12);
	assert_int_equal(session_query(s, "wins", &v), -1);

	/* without seeds= the results are a single run's: no seed metrics */
	run_ok(s, "compare lambda 0 0.05");
	assert_int_equal(session_query(s, "mean_val.1", &v), -1);
	assert_non_null(strstr(session_errmsg(s), "seeds=N"));
	session_free(s);
}

/* w_dist_init: 0 for a net as built or reset, the engine's distance after
 * training, kept by undo and by save + load, a new start after import or
 * the load of a lab file without a start block. */
static void
w_dist_init_metric(void **state)
{
	struct session *s = session_new(3);
	char *file = tmpfile_path("w-dist.net"), *lab = tmpfile_path("w-dist.lab");
	char *text, *bad, *line;
	double v, d;

	(void)state;
	run_ok(s, "data moons n=60; net 2-8-1; get w_dist_init");
	assert_int_equal(session_query(s, "w_dist_init", &v), 0);
	assert_true(v == 0);
	run_ok(s, "train 20");
	assert_int_equal(session_query(s, "w_dist_init", &v), 0);
	d = nn_net_init_distance(s->lab.net);
	assert_true(v == d && v > 0);
	run_ok(s, "reset");
	assert_int_equal(session_query(s, "w_dist_init", &v), 0);
	assert_true(v == 0);
	run_ok(s, "undo");
	assert_int_equal(session_query(s, "w_dist_init", &v), 0);
	assert_true(v == d);
	/* a saved lab keeps the start: after load the same distance */
	run_okf(s, "save %s; reset; load %s", lab, lab);
	assert_int_equal(session_query(s, "w_dist_init", &v), 0);
	assert_true(v == d);
	/* a lab file without its start block starts at the loaded weights;
	 * a start block of the wrong size is an error naming the line */
	text = test_read_file(lab);
	*strstr(text, "start ") = '\0';
	bad = xasprintf("%send\n", text);
	test_write_file(lab, bad);
	run_okf(s, "load %s", lab);
	assert_int_equal(session_query(s, "w_dist_init", &v), 0);
	assert_true(v == 0);
	free(bad);
	bad = xasprintf("%sstart 3\n1 2 3\nend\n", text);
	test_write_file(lab, bad);
	line = xasprintf("load %s", lab);
	expect(s, line, CMD_ERROR, "bad start count");
	free(line);
	free(bad);
	bad = xasprintf("%sstart 24\n1 2 x\nend\n", text);
	test_write_file(lab, bad);
	line = xasprintf("load %s", lab);
	expect(s, line, CMD_ERROR, "bad starting weight");
	free(line);
	free(bad);
	free(text);
	/* import: the imported weights are the start */
	run_okf(s, "train 5; export weights %s; import weights %s", file,
	    file);
	assert_int_equal(session_query(s, "w_dist_init", &v), 0);
	assert_true(v == 0);
	remove(file);
	remove(lab);
	free(file);
	free(lab);
	session_free(s);
}

/* The val and test loss of a run on a three-way split (early stopping on,
 * so the val loss is that of the epoch it chose), as single_run. */
static void
split_run(long seed, double lambda, double *val, double *test)
{
	struct session *s = session_new((unsigned long)seed);
	char *line = xasprintf("data poly n=40 noise=0.3 split=0.5 test=0.25; "
	    "net 1-8-8-1 act=tanh; set epochs 40; set opt adam; set lr 0.03; "
	    "set batch 5; set early on; set patience 3; set reg l2; "
	    "set lambda %g; train", lambda);

	run_ok(s, line);
	assert_int_equal(session_query(s, "val_loss", val), 0);
	assert_int_equal(session_query(s, "test_loss", test), 0);
	free(line);
	session_free(s);
}

#define SPLIT_SETUP "data poly n=40 noise=0.3 split=0.5 test=0.25; " \
	"net 1-8-8-1 act=tanh; set epochs 40; set opt adam; set lr 0.03; " \
	"set batch 5; set early on; set patience 3; set reg l2"

/*
 * The choice on validation: after a sweep on data with a test split,
 * chosen_val is the lowest val loss of the runs and chosen_test that
 * run's test loss; with seeds=N the choice is made seed by seed and both
 * are means over the seeds, and mean_test.K is value K's mean test loss.
 * All against separate single runs.  Without a test split there is no
 * chosen_test and no "chosen" line.
 */
static void
sweep_choice_on_validation(void **state)
{
	static const double lam[3] = { 0, 0.3, 3 };
	struct session *s = session_new(2);
	double val[3][3], test[3][3], v, cv = 0, ct = 0, mt[3] = { 0, 0, 0 };
	char *text, want[160], a[32], b[32];
	int best = 0;

	(void)state;
	for (int j = 0; j < 3; j++)
		for (int i = 0; i < 3; i++)
			split_run(2 + j, lam[i], &val[j][i], &test[j][i]);
	expect(s, "get chosen_val", CMD_ERROR, "no sweep or compare yet");
	run_ok(s, SPLIT_SETUP);
	/* one run per value from seed 2 */
	text = run(s, "sweep lambda 0 0.3 3", CMD_OK);
	for (int i = 1; i < 3; i++)
		if (val[0][i] < val[0][best])
			best = i;
	fmt_num(a, sizeof a, val[0][best]);
	fmt_num(b, sizeof b, test[0][best]);
	snprintf(want, sizeof want, "chosen on validation: lambda %g (val "
	    "loss %s); its test loss %s\n", lam[best], a, b);
	assert_non_null(strstr(text, want));
	free(text);
	assert_int_equal(session_query(s, "chosen_val", &v), 0);
	assert_true(v == val[0][best]);
	assert_int_equal(session_query(s, "chosen_test", &v), 0);
	assert_true(v == test[0][best]);
	/* seed by seed over seeds 2-4 */
	for (int j = 0; j < 3; j++) {
		best = 0;
		for (int i = 1; i < 3; i++)
			if (val[j][i] < val[j][best])
				best = i;
		cv += val[j][best] / 3;
		ct += test[j][best] / 3;
		for (int i = 0; i < 3; i++)
			mt[i] += test[j][i] / 3;
	}
	text = run(s, "sweep lambda 0 0.3 3 seeds=3", CMD_OK);
	assert_non_null(strstr(text, " test loss\n"));
	assert_non_null(strstr(text, "chosen on validation, seed by seed: "
	    "val loss "));
	free(text);
	assert_int_equal(session_query(s, "chosen_val", &v), 0);
	assert_close(v, cv, 1e-12);
	assert_int_equal(session_query(s, "chosen_test", &v), 0);
	assert_close(v, ct, 1e-12);
	for (int i = 0; i < 3; i++) {
		char name[32];

		snprintf(name, sizeof name, "mean_test.%d", i + 1);
		assert_int_equal(session_query(s, name, &v), 0);
		assert_close(v, mt[i], 1e-12);
	}
	assert_int_equal(session_query(s, "sd_test.2", &v), 0);
	assert_true(v > 0);
	/* no test split: the choice is made, but nothing judges it */
	run_ok(s, "data poly n=40 noise=0.3 split=0.5");
	text = run(s, "sweep lambda 0 0.3 3", CMD_OK);
	assert_null(strstr(text, "chosen"));
	free(text);
	assert_int_equal(session_query(s, "chosen_val", &v), 0);
	expect(s, "get chosen_test", CMD_ERROR, "without a test split");
	text = run(s, "sweep lambda 0 0.3 seeds=2", CMD_OK);
	assert_null(strstr(text, "test loss"));
	free(text);
	expect(s, "get mean_test.1", CMD_ERROR, "no test split");
	session_free(s);
}

/* Data made with another seed, or loaded, stays the same for every seed:
 * then only the nets differ. */
static void
multi_seed_data_kept(void **state)
{
	struct session *s = session_new(1);
	double v, want = 0;
	char *text;

	(void)state;
	run_ok(s, MULTI_SETUP "; data poly n=30 noise=0.3 split=0.5 seed=9");
	text = run(s, "compare lambda 0 0.05 seeds=2", CMD_OK);
	assert_non_null(strstr(text, "the same data for every seed"));
	free(text);
	/* the nets of seeds 1 and 2, both on seed 9's data */
	for (long k = 1; k <= 2; k++) {
		struct session *t = session_new((unsigned long)k);

		run_ok(t, MULTI_SETUP "; data poly n=30 noise=0.3 split=0.5 "
		    "seed=9; net 1-8-8-1 act=tanh; set lambda 0; train");
		assert_int_equal(session_query(t, "val_loss", &v), 0);
		want += v / 2;
		session_free(t);
	}
	assert_int_equal(session_query(s, "mean_val.1", &v), 0);
	assert_close(v, want, 1e-12);
	session_free(s);
}

static int interrupt_after;

/* Sets the interrupt flag at the given epoch count, as ^C would. */
static int
interrupt_hook(void *ctx, const struct cmd_epoch_info *e)
{
	int *calls = ctx;

	(void)e;
	if (++*calls == interrupt_after)
		cmd_interrupt = 1;
	return 0;
}

/* An interrupt stops between runs: the seeds done so far are reported. */
static void
multi_seed_interrupt(void **state)
{
	struct session *s = session_new(1);
	int calls = 0;
	double v;

	(void)state;
	run_ok(s, MULTI_SETUP);
	session_set_epoch_hook(s, interrupt_hook, &calls);
	interrupt_after = 2 * 40 + 5;	/* seed 2, first value, epoch 5 */
	expect(s, "compare lambda 0 0.05 seeds=5", CMD_STOPPED,
	    "interrupted after 1 of 5 seeds");
	assert_int_equal(calls, 2 * 40 + 5);	/* no run after the stop */
	assert_int_equal(session_query(s, "mean_val.1", &v), 0);
	cmd_interrupt = 0;
	calls = 0;
	interrupt_after = 3;
	expect(s, "compare lambda 0 0.05 seeds=5", CMD_STOPPED,
	    "interrupted before a seed was complete");
	assert_int_equal(calls, 3);
	cmd_interrupt = 0;
	session_set_epoch_hook(s, NULL, NULL);
	session_free(s);
}

/* seeds=N is checked like any argument, before anything runs. */
static void
multi_seed_errors(void **state)
{
	struct session *s = session_new(1);
	char err[256];
	int col;

	(void)state;
	run_ok(s, MULTI_SETUP);
	expect(s, "compare lambda 0 0.05 seeds=1", CMD_ERROR,
	    "seeds: 1 is out of range (allowed: an integer from 2 to 30)");
	expect(s, "compare lambda 0 0.05 seeds=31", CMD_ERROR,
	    "from 2 to 30");
	expect(s, "compare lambda 0 0.05 seeds=x", CMD_ERROR,
	    "seeds: 'x' is not an integer");
	expect(s, "sweep lambda 0 0.05 seeds=2 seeds=3", CMD_ERROR,
	    "seeds= given twice");
	expect(s, "compare lambda 0 0.05 0.1", CMD_ERROR,
	    "compare takes two values");
	expect(s, "compare seed 1 2 seeds=3", CMD_ERROR,
	    "does not go with compare seed");
	expect(s, "compare lambda 0 seeds=3", CMD_ERROR, "missing value");
	assert_int_equal(cmd_check("compare lambda 0 0.05 seeds=40", err,
	    sizeof err, &col), -1);
	assert_non_null(strstr(err, "from 2 to 30"));
	assert_int_equal(col, 23);	/* at seeds=40 */
	assert_int_equal(cmd_check("sweep lambda 0 0.01 0.1 seeds=10", err,
	    sizeof err, &col), 0);
	session_free(s);
}

/* The val loss of one run as a bundle runs it: data (made with seed),
 * net and settings from seed, trained for the epochs setting. */
static double
bundle_run(long seed, const char *data, const char *net,
    const char *settings, double *best)
{
	struct session *s = session_new((unsigned long)seed);
	char *line = xasprintf("%s; %s; set epochs 40; set opt adam; set lr "
	    "0.01; set reg l2; %s; train", data, net, settings);
	double v;

	run_ok(s, line);
	assert_int_equal(session_query(s, "val_loss", &v), 0);
	assert_int_equal(session_query(s, "best_val_loss", best), 0);
	free(line);
	session_free(s);
	return v;
}

/*
 * compare BUNDLE...: each bundle (settings, a build-time setting such as
 * dropout, a data size) on seeds s..s+N-1 gives the means, sds, lowest
 * counts and wins of the separate runs; the table and the bar chart show
 * every bundle; the session's own state is left as it was.
 */
static void
bundle_compare(void **state)
{
	static const char *const d30 = "data poly n=30 noise=0.3 split=0.5";
	static const char *const d60 = "data poly n=60 noise=0.3 split=0.5";
	static const char *const net = "net 1-8-8-1 act=tanh";
	struct session *s = session_new(4);
	double v[4][3], b[4][3], m, sd, q, x;
	int lowest[4] = { 0 }, wins = 0;
	char *text, *dump;

	(void)state;
	for (int j = 0; j < 3; j++) {
		v[0][j] = bundle_run(4 + j, d30, net, "set lambda 0", &b[0][j]);
		v[1][j] = bundle_run(4 + j, d30, net,
		    "set lambda 0.05; set lr 0.02", &b[1][j]);
		v[2][j] = bundle_run(4 + j, d30, "net 1-8-8-1 act=tanh "
		    "dropout=0.3", "set lambda 0", &b[2][j]);
		v[3][j] = bundle_run(4 + j, d60, net, "set lambda 0",
		    &b[3][j]);
		wins += v[1][j] < v[0][j];
		x = fmin(fmin(v[0][j], v[1][j]), fmin(v[2][j], v[3][j]));
		for (int i = 0; i < 4; i++)
			lowest[i] += v[i][j] == x;
	}
	run_ok(s, MULTI_SETUP "; set lambda 0");
	dump = session_dump(s);
	text = run(s, "compare none \"lambda=0.05 lr=0.02\" dropout=0.3 n=60 "
	    "seeds=3", CMD_OK);
	assert_non_null(strstr(text, "compare 4 bundles x 3 seeds (4-6), 40 "
	    "epochs each, data made per seed"));
	assert_non_null(strstr(text, "lambda=0.05 lr=0.02 "));
	assert_non_null(strstr(text, "val loss after training: mean and sd "
	    "of 3 seeds"));
	if (strstr(text, "dropout=0.3 |") == NULL)
		print_error("%s", text);
	assert_non_null(strstr(text, "dropout=0.3 |"));	/* a bar */
	assert_non_null(strstr(text, "| mean +- sd"));
	free(text);
	for (int i = 0; i < 4; i++) {
		char name[32];

		m = (v[i][0] + v[i][1] + v[i][2]) / 3;
		q = 0;
		for (int j = 0; j < 3; j++)
			q += (v[i][j] - m) * (v[i][j] - m);
		sd = sqrt(q / 2);
		snprintf(name, sizeof name, "mean_val.%d", i + 1);
		assert_int_equal(session_query(s, name, &x), 0);
		assert_close(x, m, 1e-12);
		snprintf(name, sizeof name, "sd_val.%d", i + 1);
		assert_int_equal(session_query(s, name, &x), 0);
		assert_close(x, sd, 1e-9);
		snprintf(name, sizeof name, "mean_best_val.%d", i + 1);
		assert_int_equal(session_query(s, name, &x), 0);
		assert_close(x, (b[i][0] + b[i][1] + b[i][2]) / 3, 1e-12);
		snprintf(name, sizeof name, "lowest.%d", i + 1);
		assert_int_equal(session_query(s, name, &x), 0);
		assert_close(x, lowest[i], 0);
	}
	assert_int_equal(session_query(s, "wins", &x), 0);
	assert_close(x, wins, 0);
	assert_int_equal(session_query(s, "lowest.5", &x), -1);
	assert_non_null(strstr(session_errmsg(s), "no such value"));
	/* the session's own data, net and settings untouched */
	text = session_dump(s);
	assert_string_equal(text, dump);
	free(text);
	free(dump);

	/* without seeds=: one run each from the session seed */
	text = run(s, "compare none n=60", CMD_OK);
	assert_non_null(strstr(text, "compare 2 bundles x 1 seed (4-4)"));
	assert_non_null(strstr(text, "val loss after training: seed 4"));
	free(text);
	assert_int_equal(session_query(s, "mean_val.2", &x), 0);
	assert_close(x, v[3][0], 1e-12);
	assert_int_equal(session_query(s, "sd_val.2", &x), -1);
	session_free(s);
}

/* Every bundle is checked before anything runs: one clear message, the
 * state unchanged, in check mode too. */
static void
bundle_errors(void **state)
{
	struct session *s = session_new(1);
	char err[256], *dump, *text, *csv = tmpfile_path("bundle.csv");
	int col;

	(void)state;
	run_ok(s, MULTI_SETUP);
	dump = session_dump(s);
	expect(s, "compare none \"reg=l2 lambda=x\"", CMD_ERROR,
	    "lambda: 'x' is not a finite number");
	expect(s, "compare none \"lamda=0.1\"", CMD_ERROR,
	    "unknown key 'lamda'; did you mean 'lambda'?");
	expect(s, "compare none seed=3", CMD_ERROR,
	    "every bundle runs on the same seeds");
	expect(s, "compare none \"dropout=0.5 dropout=0.3\"", CMD_ERROR,
	    "dropout given twice in one bundle");
	expect(s, "compare none \"early=on patience\"", CMD_ERROR,
	    "'patience' is not KEY=VALUE");
	expect(s, "compare none \"\"", CMD_ERROR, "an empty bundle");
	expect(s, "compare none \"early=on seeds=3\"", CMD_ERROR,
	    "seeds=N goes after the bundles");
	expect(s, "compare none n=2", CMD_ERROR, "n: 2 is out of range");
	expect(s, "compare none early=on seeds=1", CMD_ERROR,
	    "from 2 to 30");
	expect(s, "compare none", CMD_ERROR, "two bundles or more");
	expect(s, "sweep none early=on", CMD_ERROR,
	    "bundles of settings go with compare");
	expect(s, "compare none \"reg=l2 lambda=0.01 l1mode=prox lr=0.1\"",
	    CMD_ERROR, "at most 31 characters");
	text = session_dump(s);
	assert_string_equal(text, dump);
	free(text);
	free(dump);
	/* n=N makes generated data anew: not with a loaded file */
	test_write_file(csv, "x,y\n0,0\n1,1\n2,2\n3,3\n4,4\n5,5\n");
	run_okf(s, "data load %s split=0.5; net 1-2-1", csv);
	expect(s, "compare none n=40", CMD_ERROR, "needs generated data");
	free(csv);
	/* check mode: the column of the bad bundle */
	assert_int_equal(cmd_check("compare none \"lamda=1\" seeds=3", err,
	    sizeof err, &col), -1);
	assert_int_equal(col, 14);	/* at the quoted bundle */
	assert_int_equal(cmd_check("compare none early=on \"reg=l2 "
	    "lambda=0.3\" n=320 seeds=10", err, sizeof err, &col), 0);
	session_free(s);
}

/*
 * train_mode_loss and eval mode=train: the loss in training mode over one
 * pass, without changing the net; without dropout or batch norm it is the
 * evaluation-mode loss.
 */
static void
train_mode_metric(void **state)
{
	struct session *s = session_new(2), *twin = session_new(2);
	double tm, tl, again;
	char *a, *b;

	(void)state;
	run_ok(s, "data moons n=60 seed=3; net 2-8-1 act=tanh; train 5");
	assert_int_equal(session_query(s, "train_mode_loss", &tm), 0);
	assert_int_equal(session_query(s, "train_loss", &tl), 0);
	assert_close(tm, tl, 1e-12);
	run_ok(s, "net 2-16-16-1 norm=batch dropout=0.3; set batch 4; "
	    "train 5");
	run_ok(twin, "data moons n=60 seed=3; net 2-8-1 act=tanh; train 5; "
	    "net 2-16-16-1 norm=batch dropout=0.3; set batch 4; train 5");
	a = session_dump(s);
	assert_int_equal(session_query(s, "train_mode_loss", &tm), 0);
	assert_int_equal(session_query(s, "train_mode_loss", &again), 0);
	assert_true(tm == again);
	assert_int_equal(session_query(s, "train_loss", &tl), 0);
	assert_true(fabs(tm - tl) > 1e-6);
	expect(s, "eval mode=train", CMD_OK, "in training mode (one pass in "
	    "mini-batches of 4");
	b = session_dump(s);
	assert_string_equal(a, b);	/* running stats included */
	free(a);
	free(b);
	/* training goes on as if nothing had been measured */
	run_ok(s, "train 3");
	run_ok(twin, "train 3");
	a = session_dump(s);
	b = session_dump(twin);
	assert_string_equal(a, b);
	free(a);
	free(b);
	expect(s, "eval mode=fast", CMD_ERROR, "allowed: eval|train");
	expect(s, "eval speed=1", CMD_ERROR, "allowed: mode=eval|train");
	session_free(s);
	session_free(twin);
}

static int
count_epochs(void *ctx, const struct cmd_epoch_info *e)
{
	(void)e;
	(*(int *)ctx)++;
	return 0;
}

/*
 * session_restart(): the state of a new session with that seed (settings,
 * data, net, history, results, chart and undo gone), render options and
 * the epoch hook kept.  What a lesson starts from.
 */
static void
restart_is_a_new_session(void **state)
{
	struct session *s = session_new(1), *fresh = session_new(7);
	struct grid g;
	char *a, *b, *text;
	int calls = 0;
	double v;

	(void)state;
	grid_init(&g, 40, 10);
	session_set_render(s, CMD_GLYPH_BRAILLE, CMD_COLOR_256, 50, 12);
	session_set_epoch_hook(s, count_epochs, &calls);
	run_ok(s, SETUP "; set early on; set batch 2; set lambda 0.3; "
	    "train 3; sweep lr 0.1 0.2; step; plot loss");
	assert_int_equal(session_render_chart(s, &g), 0);
	assert_true(calls > 0);

	session_restart(s, 7);
	a = session_dump(s);
	b = session_dump(fresh);
	assert_string_equal(a, b);
	free(a);
	free(b);
	assert_int_equal(session_render_chart(s, &g), -1);	/* no chart */
	assert_int_equal(session_query(s, "epochs_trained", &v), -1);
	assert_int_equal(session_query(s, "lambda", &v), 0);
	assert_close(v, 0, 0);
	expect(s, "undo", CMD_ERROR, "nothing to undo");
	expect(s, "plot sweep", CMD_ERROR, "sweep");
	expect(s, "get seed", CMD_OK, "seed = 7");
	/* the same runs as on a new session: step's mini-batches too */
	run_ok(fresh, SETUP "; train 3; step");
	calls = 0;
	run_ok(s, SETUP "; train 3; step");
	assert_true(calls >= 3);			/* the hook is kept */
	a = session_dump(s);
	b = session_dump(fresh);
	assert_string_equal(a, b);
	free(a);
	free(b);
	/* render options kept: the chart is 50 columns wide, braille */
	text = run(s, "plot loss", CMD_OK);
	assert_non_null(strstr(text, "\xe2\xa0"));	/* U+28xx */
	free(text);
	session_set_epoch_hook(s, NULL, NULL);
	grid_done(&g);
	session_free(s);
	session_free(fresh);
}

static void
help_and_quit(void **state)
{
	struct session *s = session_new(1);
	const char *const *names = cmd_names();
	struct session_status st;
	char *text;

	(void)state;
	text = run(s, "help", CMD_OK);
	for (int i = 0; names[i] != NULL; i++) {
		char *w = xasprintf("\n  %s ", names[i]);

		assert_non_null(strstr(text, w));
		free(w);
	}
	free(text);
	text = run(s, "help set", CMD_OK);
	assert_non_null(strstr(text, "usage: set KEY VALUE"));
	assert_non_null(strstr(text, "l1mode"));
	free(text);
	expect(s, "help plot", CMD_OK, "boundary");
	free(run(s, "set lambda 0.5; quit; set lambda 0.7", CMD_QUIT));
	session_get_status(s, &st);
	assert_close(st.lambda, 0.5, 0);
	assert_false(st.have_net);
	assert_string_equal(st.reg, "none");
	session_free(s);
}

/*
 * The lists of kinds in help, usage, errors and completion come from the
 * engine's tables: every activation, init and norm the engine names is
 * listed, "plot fn" draws each activation, and no "{...}" is left over.
 */
static void
kinds_come_from_the_engine(void **state)
{
	struct session *s = session_new(1);
	char *text, *line;
	char **v;
	size_t st;
	int k;

	(void)state;
	for (size_t i = 0; i < cmd_table_len; i++) {
		line = xasprintf("help %s", cmd_table[i]->name);
		text = run(s, line, CMD_OK);
		assert_null(strstr(text, "{act}"));
		assert_null(strstr(text, "{norm}"));
		assert_null(strstr(text, "{init}"));
		free(text);
		free(line);
	}
	text = run(s, "help plot; help net; plot fn", CMD_ERROR);
	{
		struct strbuf all;
		int n = 0;

		strbuf_init(&all);
		for (k = 0; nn_act_name(k) != NULL; k++) {
			strbuf_addf(&all, "%s%s", k ? "|" : "",
			    nn_act_name(k));
			line = xasprintf("plot fn %s", nn_act_name(k));
			expect(s, line, CMD_OK, nn_act_name(k));
			free(line);
		}
		assert_int_equal(k, NN_ACT_COUNT);
		for (const char *p = text; (p = strstr(p, all.s)) != NULL; p++)
			n++;
		assert_int_equal(n, 3);	/* help plot, help net, the error */
		strbuf_done(&all);
	}
	free(text);
	for (k = 0; nn_norm_name(k) != NULL; k++)
		expect(s, "help net", CMD_OK, nn_norm_name(k));
	for (k = 0; nn_init_name(k) != NULL; k++)
		expect(s, "help net", CMD_OK, nn_init_name(k));
	v = cmd_complete("plot fn ", 8, &st);
	for (k = 0; k < NN_ACT_COUNT; k++) {
		int found = 0;

		for (int i = 0; v[i] != NULL; i++)
			found |= strcmp(v[i], nn_act_name(k)) == 0;
		assert_true(found);
	}
	cmd_complete_free(v);
	expect(s, "net 2-4-1 a b c d e f g h i", CMD_ERROR,
	    "[norm=none|batch|layer]");
	session_free(s);
}

/* ------------------------------------------------------------ printing */

static char *
stream_text(FILE *f)
{
	struct strbuf b;
	char buf[1024];
	size_t n;

	rewind(f);
	strbuf_init(&b);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&b, buf, n);
	return strbuf_detach(&b);
}

static void
print_splits_errors_and_status(void **state)
{
	struct session *s = session_new(1);
	struct transcript *t = transcript_new();
	struct session_status st;
	FILE *out = tmpfile(), *err = tmpfile();
	char *o, *e;

	(void)state;
	assert_non_null(out);
	assert_non_null(err);
	session_set_render(s, CMD_GLYPH_ASCII, CMD_COLOR_NONE, 40, 8);
	(void)cmd_execute(s, "set lr 0.1; plot fn tanh", t);
	(void)cmd_execute(s, "set lr zero", t);
	transcript_print(t, 0, out, err, CMD_COLOR_NONE, 1);
	o = stream_text(out);
	e = stream_text(err);
	assert_non_null(strstr(o, "> set lr 0.1; plot fn tanh\nlr = 0.1\n"));
	assert_non_null(strstr(o, "tanh and its derivative"));
	assert_null(strstr(o, "zero'"));
	assert_string_equal(e, "regtutor: set: lr: 'zero' is not a finite "
	    "number (allowed: a number > 0 and <= 10)\n");
	free(o);
	free(e);
	/* colour: escape sequences only when asked for */
	rewind(out);
	transcript_print(t, 0, out, NULL, CMD_COLOR_256, 0);
	o = stream_text(out);
	assert_non_null(strchr(o, '\033'));
	assert_non_null(strstr(o, "error: set: lr:"));
	free(o);
	fclose(out);
	fclose(err);

	run_ok(s, SETUP "; set lambda 0.2; set reg l2; train 2");
	session_get_status(s, &st);
	assert_close(st.lambda, 0.2, 0);
	assert_string_equal(st.reg, "l2");
	assert_string_equal(st.act, "tanh");
	assert_string_equal(st.norm, "none");
	assert_string_equal(st.spec, "2-4-1");
	assert_string_equal(st.data, "moons");
	assert_int_equal(st.epoch, 2);
	assert_true(st.have_data && st.have_net);
	assert_true(isfinite(st.train_loss) && isfinite(st.val_loss));
	assert_true(st.penalty > 0);
	transcript_free(t);
	session_free(s);
}

/*
 * "data load $LESSONDATA/FILE" reads FILE in the lessons' data directory
 * (session_set_lesson_data()) and says the name as written; without a
 * directory it is an error naming what is allowed, and nothing changes.
 */
static void
data_load_lessondata(void **state)
{
	struct session *s = session_new(1);
	char *dir = test_srcpath("lessons/data"), *text;
	struct session_status st;

	(void)state;
	expect(s, "data load $LESSONDATA/outlier.csv split=1", CMD_ERROR,
	    "data: $LESSONDATA stands for the data directory of the lessons, "
	    "and no lesson is open (allowed: a file name, or $LESSONDATA/FILE "
	    "in a lesson)");
	session_get_status(s, &st);
	assert_false(st.have_data);
	session_set_lesson_data(s, dir);
	text = run(s, "data load $LESSONDATA/outlier.csv split=1", CMD_OK);
	assert_string_equal(text, "> data load $LESSONDATA/outlier.csv "
	    "split=1\ndata $LESSONDATA/outlier.csv: 21 rows (21 train, 0 val), "
	    "1 input, regression\n");
	free(text);
	/* kept when the session starts over (a page run again) */
	session_restart(s, 1);
	free(run(s, "data load $LESSONDATA/outlier-far.csv", CMD_OK));
	expect(s, "data load $LESSONDATA/none.csv", CMD_ERROR, "none.csv");
	session_free(s);
	free(dir);
}

/*
 * The status line's losses are in the loss of the last train run, named:
 * after "train loss=mae" they are the MAE numbers train printed, not the
 * net's own MSE; a plain train puts its own loss back; a rebuilt net has
 * its own.  During a run the epoch hook names the run's loss.
 */
static int
hook_loss(void *ctx, const struct cmd_epoch_info *info)
{
	snprintf(ctx, 16, "%s", info->loss != NULL ? info->loss : "(null)");
	return 0;
}

static void
test_status_run_loss(void **state)
{
	struct session *s = session_new(1);
	struct session_status st;
	char *text, seen[16] = "";

	(void)state;
	run_ok(s, "data poly n=40 seed=2; net 1-8-1; set epochs 20");
	session_get_status(s, &st);
	assert_string_equal(st.loss, "mse");
	session_set_epoch_hook(s, hook_loss, seen);
	text = run(s, "train loss=mae", CMD_OK);
	assert_string_equal(seen, "mae");
	session_get_status(s, &st);
	assert_string_equal(st.loss, "mae");
	assert_close(st.train_loss, number_after(text, "train loss "), 1e-3);
	assert_close(st.val_loss, number_after(text, "val loss "), 1e-3);
	free(text);
	text = run(s, "train 5", CMD_OK);
	assert_string_equal(seen, "mse");
	session_get_status(s, &st);
	assert_string_equal(st.loss, "mse");
	assert_close(st.train_loss, number_after(text, "train loss "), 1e-3);
	free(text);
	run_ok(s, "train 5 loss=mae; net 1-4-1");
	session_get_status(s, &st);
	assert_string_equal(st.loss, "mse");
	session_set_epoch_hook(s, NULL, NULL);
	session_free(s);
}

/* ------------------------------------------------------------ settings */

/* A valid value of d other than def (the row's range or names). */
static const char *
other_value(const struct nn_setting *d, const char *def, char *buf,
    size_t len)
{
	const char *v;

	for (int k = 0; (v = nn_setting_choice(d, k)) != NULL; k++)
		if (strcmp(v, def) != 0)
			return v;
	snprintf(buf, len, "%.17g", d->max);
	if (strcmp(buf, def) == 0)
		snprintf(buf, len, "%.17g", d->min_open ?
		    (d->min + d->max) / 2 : d->min);
	return buf;
}

/*
 * Every row of the settings table reaches the engine: a value other than
 * the default, set through the command language, is what the live net's
 * config holds and what 'get' says.  Iterating the table covers a new
 * row without a change here.
 */
static void
every_setting_reaches_the_engine(void **state)
{
	const struct nn_setting *d;
	struct nn_config def = nn_config_default();

	(void)state;
	for (int i = 0; (d = nn_setting_at(i)) != NULL; i++) {
		struct session *s = session_new(1);
		char dv[64], buf[64], want[64], got[64], shown[96], *line;
		const char *v;

		run_ok(s, "data sine n=40; net 1-4-4-1");
		nn_setting_get(&def, d, dv, sizeof dv);
		v = other_value(d, dv, buf, sizeof buf);
		line = xasprintf("set %s %s", d->name, v);
		run_ok(s, line);
		free(line);
		nn_setting_get(&s->lab.cfg, d, want, sizeof want);
		if (strcmp(want, dv) == 0)
			fail_msg("set %s %s left the default %s", d->name, v,
			    dv);
		nn_setting_get(nn_net_config(s->lab.net), d, got, sizeof got);
		if (strcmp(want, got) != 0)
			fail_msg("set %s %s: the session has %s, the net %s",
			    d->name, v, want, got);
		param_format(d, &s->lab.cfg, buf, sizeof buf);
		snprintf(shown, sizeof shown, "%s = %s\n", d->name, buf);
		line = xasprintf("get %s", d->name);
		expect(s, line, CMD_OK, shown);
		free(line);
		session_free(s);
	}
}

/* A row's help says when it acts, as its flags do (set's messages and
 * 'help set' must agree). */
static void
setting_help_matches_flags(void **state)
{
	const struct nn_setting *d;

	(void)state;
	for (int i = 0; (d = nn_setting_at(i)) != NULL; i++) {
		assert_int_equal(strstr(d->help, "rebuilds the net") != NULL,
		    (d->flags & NN_SETTING_REBUILD) != 0);
		assert_int_equal(strstr(d->help, "used at net/reset") != NULL,
		    (d->flags & NN_SETTING_RESET) != 0);
		/* one of: at once, at reset, by a rebuild */
		assert_int_equal(!!(d->flags & NN_SETTING_NOW) +
		    !!(d->flags & NN_SETTING_RESET) +
		    !!(d->flags & NN_SETTING_REBUILD), 1);
	}
}

/*
 * import weights brings every setting of the file, and a later set of
 * another setting keeps them (it used to rebuild the engine config from
 * the command settings, which reset beta1 and shuffle to their defaults).
 */
static void
import_then_set_keeps_settings(void **state)
{
	struct session *s = session_new(1);
	struct nn_config c = nn_config_default();
	char *path = tmpfile_path("beta.net"), *line, err[256];
	const struct nn_setting *d;
	struct nn_net *net;
	FILE *f;

	(void)state;
	c.beta1 = 0.5;
	c.shuffle = 0;
	c.opt = NN_OPT_ADAM;
	net = nn_net_new("1-4-1", &c, err, sizeof err);
	assert_non_null(net);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(nn_net_save(net, f), 0);
	fclose(f);
	run_ok(s, "data sine n=40");
	line = xasprintf("import weights %s", path);
	run_ok(s, line);
	free(line);
	run_ok(s, "set lambda 0.1");
	expect(s, "get beta1; get shuffle", CMD_OK,
	    "beta1 = 0.5\nshuffle = off\n");
	assert_true(nn_net_config(s->lab.net)->beta1 == 0.5);
	assert_int_equal(nn_net_config(s->lab.net)->shuffle, 0);
	for (int i = 0; (d = nn_setting_at(i)) != NULL; i++) {
		char a[64], b[64];

		if (strcmp(d->name, "lambda") == 0)
			continue;
		nn_setting_get(nn_net_config(net), d, a, sizeof a);
		nn_setting_get(nn_net_config(s->lab.net), d, b, sizeof b);
		if (strcmp(a, b) != 0)
			fail_msg("%s: imported %s, now %s", d->name, a, b);
	}
	nn_net_free(net);
	remove(path);
	free(path);
	session_free(s);
}

/* set act on a trained net rebuilds it from the seed, says so, and
 * gives the weights 'net' gives with that act; it never changes a
 * trained net in place. */
static void
set_act_rebuilds(void **state)
{
	struct session *s = session_new(1), *t = session_new(1);
	double w1, w2, ep;

	(void)state;
	run_ok(s, "data sine n=40; net 1-8-1; train 5");
	expect(s, "set act relu", CMD_OK, "act changes what the network "
	    "computes: net 1-8-1 rebuilt with fresh weights");
	assert_int_equal(session_query(s, "epochs_trained", &ep), 0);
	assert_true(ep == 0);
	assert_int_equal(nn_net_config(s->lab.net)->act, NN_ACT_RELU);
	run_ok(t, "data sine n=40; net 1-8-1 act=relu");
	assert_int_equal(session_query(s, "w_norm", &w1), 0);
	assert_int_equal(session_query(t, "w_norm", &w2), 0);
	assert_true(w1 == w2);
	/* the same rule for the other rows that change the computation */
	expect(s, "set leak 0.2", CMD_OK, "leak changes what the network "
	    "computes");
	expect(s, "train 2 act=tanh", CMD_ERROR, "act acts when the net is "
	    "built");
	session_free(s);
	session_free(t);
}

/* A lab file's data line is the data command: what it refuses, the file
 * refuses, with the command's message at file:line:column, and nothing
 * of the file is applied. */
static void
lab_file_lines_are_commands(void **state)
{
	struct session *s = session_new(1);
	char *lab = tmpfile_path("cmdline.lab"), *line, *want, *msg;
	struct transcript *t = transcript_new();

	(void)state;
	/* the data command's own message */
	assert_int_equal(cmd_execute(s, "data moons n=2 noise=50", t),
	    CMD_ERROR);
	msg = NULL;
	for (size_t i = 0; i < transcript_count(t); i++)
		if (transcript_item(t, i)->kind == TR_ERROR)
			msg = transcript_item(t, i)->text;
	assert_non_null(msg);
	assert_non_null(strstr(msg, "data: n: 2 is out of range"));
	test_write_file(lab, "regtutor-lab 2\nset lambda 0.5\n"
	    "data moons n=2 noise=50\nend\n");
	want = xasprintf("%s:3:12: %s", lab, msg);
	line = xasprintf("load %s", lab);
	expect(s, line, CMD_ERROR, want);
	expect(s, "get lambda", CMD_OK, "lambda = 0\n");
	free(want);
	/* checked first: a bad set after a good one changes nothing */
	test_write_file(lab, "regtutor-lab 2\nset lambda 0.5\nset act relux\n"
	    "end\n");
	expect(s, line, CMD_ERROR, ":3:9: set: act: unknown value 'relux'; "
	    "did you mean 'relu'?");
	expect(s, "get lambda", CMD_OK, "lambda = 0\n");
	/* only set and data: a file cannot run other commands */
	test_write_file(lab, "regtutor-lab 2\nset lambda 0.5; train 3\nend\n");
	expect(s, line, CMD_ERROR, ":2: expected one 'set' or 'data' command");
	free(line);
	transcript_free(t);
	remove(lab);
	free(lab);
	session_free(s);
}

/* The manual's list of settings (under 'set') is the table's, in its
 * order. */
static void
manual_lists_the_settings(void **state)
{
	char *path = test_srcpath("man/regtutor.1");
	char *text = test_read_file(path), *p, *end;
	const char *const *names = param_names();
	int i = 0;

	(void)state;
	p = strstr(text, "The settings are:\n");
	assert_non_null(p);
	end = strstr(p, "\n.El\n");
	assert_non_null(end);
	*end = '\0';
	while ((p = strstr(p, "\n.It Cm ")) != NULL) {
		char name[32];

		p += 8;
		snprintf(name, sizeof name, "%.*s", (int)strcspn(p, " \n"), p);
		if (names[i] == NULL || strcmp(names[i], name) != 0)
			fail_msg("the manual lists '%s' where the table has "
			    "'%s'", name, names[i] ? names[i] : "(end)");
		i++;
	}
	if (names[i] != NULL)
		fail_msg("the manual does not list '%s'", names[i]);
	free(text);
	free(path);
}

/* ------------------------------------------------------------ golden */

struct script {
	const char *name;
	const char *text;
};

static const struct script scripts[] = {
	{ "cmd/basics.txt",
	    "help\n"
	    "data moons n=80 noise=0.15 seed=2\n"
	    "net 2-8-8-1 act=tanh\n"
	    "show net\n"
	    "train 12\n"
	    "get val_loss; get w_norm\n"
	    "plot loss\n"
	    "plot boundary\n" },
	{ "cmd/regularization.txt",
	    "data poly n=24 noise=0.3 split=0.7 seed=4; net 1-16-16-1 act=tanh\n"
	    "set epochs 30; set lr 0.05\n"
	    "set lambda 0.05; set l1mode prox\n"
	    "compare reg l1 l2 # same seed, two penalties\n"
	    "set reg l1\n"
	    "sweep lambda 0 0.01 0.1 1\n"
	    "sweep lambda 0 0.02 0.04 0.06\n"
	    "plot weights\n" },
	{ "cmd/gradients.txt",
	    "data circle n=60 seed=1; net 2-8-8-8-8-1 act=sigmoid\n"
	    "plot fn sigmoid\n"
	    "plot grads\n"
	    "set epochs 5; compare act sigmoid relu\n"
	    "set norm batch; set batch 4; plot norm 2\n" },
	/* per-layer and per-run x axes: whole numbers and the values */
	{ "cmd/layers.txt",
	    "data moons n=60 seed=1; net 2-6-1 act=relu; train 3\n"
	    "plot acts\n"
	    "net 2-6-6-6-1 act=tanh; train 3; plot acts\n"
	    "compare epochs 2 3\n"
	    "set reg l2; sweep lambda 0 0.001 0.1 10\n"
	    "sweep act relu tanh\n" },
	{ "cmd/errors.txt",
	    "trian 5\n"
	    "set lambda -0.5\n"
	    "set lambda abc\n"
	    "set lambda 1e400\n"
	    "set lambda nan\n"
	    "set lambda\n"
	    "set bogus 1\n"
	    "net 2--3\n"
	    "net 0-1\n"
	    "train 5\n"
	    "data moons; net 1-4-1\n"
	    "plot fn\n"
	    "undo\n" },
};

/*
 * Every plot kind is a whole row: it draws, and a KIND of the plot command
 * has usage, help and gather; the command's usage, help and KIND words are
 * the table's.
 */
static void
plot_kinds_table(void **state)
{
	const struct cmd_entry *e = cmd_find("plot");
	struct transcript *t = transcript_new();
	struct session *s = session_new(1);
	int named = 0;

	(void)state;
	assert_non_null(e);
	for (int k = 0; k < PLOT_KIND_COUNT; k++) {
		const struct plot_kind_def *d = &plot_kinds[k];

		assert_non_null(d->draw);
		if (d->name == NULL)
			continue;
		named++;
		assert_non_null(d->usage);
		assert_non_null(d->help);
		assert_non_null(d->gather);
		assert_non_null(strstr(cmd_usage(e), d->usage));
		assert_non_null(strstr(cmd_help(e), d->help));
		assert_int_equal(strncmp(d->usage, d->name, strlen(d->name)),
		    0);
	}
	assert_int_equal(named, 9);
	assert_int_equal(cmd_execute(s, "plot bogus", t), CMD_ERROR);
	assert_true(transcript_count(t) > 0);
	assert_non_null(strstr(transcript_item(t, transcript_count(t) - 1)->text,
	    "allowed: loss|weights|grads|acts|fn|boundary|norm|sweep|compare"));
	session_free(s);
	transcript_free(t);
}

static void
golden_transcripts(void **state)
{
	(void)state;
	for (size_t i = 0; i < COUNT(scripts); i++) {
		struct session *s = session_new(1);
		struct transcript *t = transcript_new();
		char *copy = xstrdup(scripts[i].text), *save = NULL, *text;

		session_set_render(s, CMD_GLYPH_ASCII, CMD_COLOR_NONE, 64, 12);
		for (char *l = strtok_r(copy, "\n", &save); l != NULL;
		    l = strtok_r(NULL, "\n", &save))
			(void)cmd_execute(s, l, t);
		text = transcript_text(t);
		assert_golden(scripts[i].name, text);
		/* mono output carries no escape sequences */
		assert_null(strchr(text, '\033'));
		free(text);
		free(copy);
		transcript_free(t);
		session_free(s);
	}
}

/* Without a validation set no "val loss nan" is printed; counts agree in number. */
static void
summary_without_validation(void **state)
{
	struct session *s = session_new(1);
	char *text;

	(void)state;
	expect(s, "data poly n=10 split=1; net 1-1 act=linear", CMD_OK,
	    "1 dense layer, 2 parameters (1 weight),");
	text = run(s, "train 3", CMD_OK);
	assert_non_null(strstr(text, "(no validation set)"));
	assert_null(strstr(text, "nan"));
	free(text);
	expect(s, "data moons n=20 split=1; net 2-3-1", CMD_OK,
	    "2 dense layers, 13 parameters (9 weights),");
	text = run(s, "train 2", CMD_OK);
	assert_non_null(strstr(text, "accuracy: train "));
	assert_null(strstr(text, "nan"));
	free(text);
	session_free(s);
}

/* A small matrix view is as tall as its table: no run of blank rows
 * between the rows and the notes in a transcript. */
static void
norm_matrix_fits_its_table(void **state)
{
	struct session *s = session_new(1);
	char *text, *p;
	int blank = 0, nblank = 0, rows = 0;

	(void)state;
	session_set_render(s, CMD_GLYPH_ASCII, CMD_COLOR_NONE, 72, 24);
	run_ok(s, "data moons n=40; net 2-4-4-1 norm=batch; set batch 8");
	text = run(s, "plot norm", CMD_OK);
	for (p = text; *p != '\0'; ) {
		char *nl = strchr(p, '\n');
		size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);

		if (strspn(p, " ") == len)
			nblank++;
		else
			nblank = 0;
		if (nblank > blank)
			blank = nblank;
		rows++;
		p += len + (nl != NULL);
	}
	assert_true(blank <= 1);
	assert_true(rows < 24);
	assert_non_null(strstr(text, "normalized together: n=8"));
	assert_non_null(strstr(text, "mini-batch of 8 x 4"));
	free(text);
	session_free(s);
}

/* ------------------------------------------------------------ issue 14 */

/* init_scale: a setting that acts at net/reset (like init), exact scaling
 * of the normal draws, not a one-run override, kept by save/load and undo. */
static void
init_scale_setting(void **state)
{
	struct session *s = session_new(1);
	char *lab = tmpfile_path("init-scale.lab"), *text;
	double w1, w2, w3;

	(void)state;
	expect(s, "get init_scale", CMD_OK, "init_scale = 0.1\n");
	text = run(s, "show params", CMD_OK);
	assert_non_null(strstr(text, "init_scale  0.1"));
	assert_non_null(strstr(text, ">0..1000"));
	free(text);
	expect(s, "set init_scale 0", CMD_ERROR, "init_scale");
	expect(s, "set init_scale 2", CMD_OK,
	    "warning: init_scale only matters with init normal or uniform");
	run_ok(s, SETUP "; set init normal; set init_scale 1; reset");
	assert_int_equal(session_query(s, "w_norm", &w1), 0);
	expect(s, "set init_scale 2", CMD_OK,
	    "init_scale takes effect at the next 'reset'");
	assert_int_equal(session_query(s, "w_norm", &w2), 0);
	assert_true(w2 == w1);
	run_ok(s, "reset");
	assert_int_equal(session_query(s, "w_norm", &w2), 0);
	assert_true(w2 == 2 * w1);	/* the same draws, twice the scale */
	run_ok(s, "net 2-4-1 init=uniform init_scale=0.5");
	expect(s, "get init; get init_scale", CMD_OK,
	    "init = uniform\ninit_scale = 0.5\n");
	expect(s, "train 2 init_scale=3", CMD_ERROR,
	    "init_scale acts when the net is built");
	/* undo puts the setting and the net back */
	assert_int_equal(session_query(s, "w_norm", &w1), 0);
	run_ok(s, "net 2-4-1 init_scale=0.25");
	run_ok(s, "undo");
	expect(s, "get init_scale", CMD_OK, "init_scale = 0.5\n");
	assert_int_equal(session_query(s, "w_norm", &w3), 0);
	assert_true(w3 == w1);
	/* save/load */
	run_okf(s, "save %s", lab);
	run_ok(s, "set init_scale 7; set init he");
	run_okf(s, "load %s", lab);
	expect(s, "get init; get init_scale", CMD_OK,
	    "init = uniform\ninit_scale = 0.5\n");
	/* he is an init of its own */
	expect(s, "net 2-4-1 init=he", CMD_OK, "init he");
	remove(lab);
	free(lab);
	session_free(s);
}

/* clip: a setting the live net follows at once, a one-run override too;
 * get grad_norm: the full-batch norm of every parameter's gradient. */
static void
clip_and_grad_norm(void **state)
{
	struct session *s = session_new(1);
	char *lab = tmpfile_path("clip.lab"), *text, name[32];
	double g, gk, sq = 0, w1, w2;

	(void)state;
	expect(s, "get clip", CMD_OK, "clip = 0\n");
	text = run(s, "show params", CMD_OK);
	assert_non_null(strstr(text, "clip        0        0..1000"));
	free(text);
	expect(s, "set clip -1", CMD_ERROR, "clip");
	expect(s, "get grad_norm", CMD_ERROR, "no network yet");
	run_ok(s, SETUP);
	assert_int_equal(session_query(s, "grad_norm", &g), 0);
	for (int k = 1; k <= 2; k++) {
		snprintf(name, sizeof name, "grad_norm.%d", k);
		assert_int_equal(session_query(s, name, &gk), 0);
		sq += gk * gk;
	}
	/* the weights' norms and the biases' share */
	assert_true(g > sqrt(sq) && g < 2 * sqrt(sq) + 1e-3);
	expect(s, "get grad_norm", CMD_OK, "grad_norm = ");
	/* a tiny clip slows training down: a shorter step each time */
	run_ok(s, "set lr 0.5; train 3");
	assert_int_equal(session_query(s, "w_norm", &w1), 0);
	run_ok(s, "reset; set clip 1e-4; train 3");
	assert_int_equal(session_query(s, "w_norm", &w2), 0);
	assert_true(w1 != w2);
	/* one step moves the weights by at most lr * clip, so |w| too */
	run_ok(s, "reset");
	assert_int_equal(session_query(s, "w_norm", &w1), 0);
	run_ok(s, "step");
	assert_int_equal(session_query(s, "w_norm", &w2), 0);
	assert_true(fabs(w2 - w1) <= 0.5 * 1e-4 + 1e-15);
	/* undo, save and load */
	run_ok(s, "set clip 2");
	run_ok(s, "undo");
	expect(s, "get clip", CMD_OK, "clip = 0.0001\n");
	run_okf(s, "save %s", lab);
	run_ok(s, "set clip 0");
	run_okf(s, "load %s", lab);
	expect(s, "get clip", CMD_OK, "clip = 0.0001\n");
	remove(lab);
	free(lab);
	session_free(s);
}

/* opt adamw with wd: the weights shrink against adam's; warnings when one
 * is set without the other; undo, save and load keep both. */
static void
adamw_weight_decay(void **state)
{
	struct session *s = session_new(1);
	char *lab = tmpfile_path("adamw.lab"), *text;
	double wa, ww, wl;

	(void)state;
	expect(s, "get wd", CMD_OK, "wd = 0\n");
	expect(s, "set wd 0.1", CMD_OK,
	    "warning: wd only matters with opt adamw");
	expect(s, "set wd 0; set opt adamw", CMD_OK,
	    "warning: wd is 0, so adamw is adam");
	text = run(s, "set opt adamw; set wd 0.5", CMD_OK);
	assert_null(strstr(text, "warning"));
	free(text);
	text = run(s, "show params", CMD_OK);
	assert_non_null(strstr(text, "sgd|momentum|adam|adamw"));
	assert_non_null(strstr(text, "wd          0.5      0..100"));
	free(text);
	run_ok(s, SETUP "; set lr 0.01; train 20 opt=adam");
	assert_int_equal(session_query(s, "w_norm", &wa), 0);
	run_ok(s, "reset; train 20");
	assert_int_equal(session_query(s, "w_norm", &ww), 0);
	assert_true(ww < wa);
	/* at matched strength, l2 inside adam is another thing */
	run_ok(s, "reset; train 20 opt=adam reg=l2 lambda=0.5");
	assert_int_equal(session_query(s, "w_norm", &wl), 0);
	assert_true(wl != ww);
	expect(s, "show net", CMD_OK, "opt adamw, lr 0.01, batch 10, wd 0.5\n");
	expect(s, "set clip 2; set input_noise 0.1; show net", CMD_OK,
	    "opt adamw, lr 0.01, batch 10, wd 0.5, clip 2, input noise 0.1\n");
	run_ok(s, "set clip 0; set input_noise 0");
	run_ok(s, "set wd 0.25; undo");
	expect(s, "get wd", CMD_OK, "wd = 0.5\n");
	run_okf(s, "save %s", lab);
	run_ok(s, "set opt sgd; set wd 0");
	run_okf(s, "load %s", lab);
	expect(s, "get opt; get wd", CMD_OK, "opt = adamw\nwd = 0.5\n");
	remove(lab);
	free(lab);
	session_free(s);
}

/* input_noise: deterministic per seed, a one-run override, never seen by
 * evaluation; undo, save and load keep it. */
static void
input_noise_setting(void **state)
{
	struct session *s = session_new(1);
	char *lab = tmpfile_path("noise.lab"), *text;
	double a, b, plain, v1, v2;

	(void)state;
	expect(s, "get input_noise", CMD_OK, "input_noise = 0\n");
	text = run(s, "show params", CMD_OK);
	assert_non_null(strstr(text, "input_noise 0        0..10"));
	free(text);
	expect(s, "set input_noise -0.1", CMD_ERROR, "input_noise");
	run_ok(s, SETUP "; train 5");
	assert_int_equal(session_query(s, "w_norm", &plain), 0);
	run_ok(s, "reset; train 5 input_noise=0.3");
	assert_int_equal(session_query(s, "w_norm", &a), 0);
	expect(s, "get input_noise", CMD_OK, "input_noise = 0\n");
	run_ok(s, "set input_noise 0.3; reset; train 5");
	assert_int_equal(session_query(s, "w_norm", &b), 0);
	assert_true(a == b);
	assert_true(a != plain);
	assert_int_equal(session_query(s, "val_loss", &v1), 0);
	assert_int_equal(session_query(s, "val_loss", &v2), 0);
	assert_true(v1 == v2);
	run_ok(s, "set input_noise 1; undo");
	expect(s, "get input_noise", CMD_OK, "input_noise = 0.3\n");
	run_okf(s, "save %s", lab);
	run_ok(s, "set input_noise 0");
	run_okf(s, "load %s", lab);
	expect(s, "get input_noise", CMD_OK, "input_noise = 0.3\n");
	remove(lab);
	free(lab);
	session_free(s);
}

/* skip: net ... skip=on names the layers that got one; refused with the
 * widths when none qualifies (state unchanged); set skip rebuilds; kept by
 * export/import, save/load and undo; flat gradients through a deep net. */
static void
skip_connections(void **state)
{
	struct session *s = session_new(1);
	char *lab = tmpfile_path("skip.lab"), *net = tmpfile_path("skip.net");
	char *text, *before, *after;
	double g1, g1s;

	(void)state;
	expect(s, "get skip", CMD_OK, "skip = off\n");
	run_ok(s, "data moons n=60 noise=0.1 seed=3");
	expect(s, "net 2-8-8-8-1 skip=on", CMD_OK,
	    "seed 1, skip around layers 2, 3\n");
	text = run(s, "show net", CMD_OK);
	assert_non_null(strstr(text, "layer 1: dense 2 -> 8, tanh\n"));
	assert_non_null(strstr(text, "layer 2: dense 8 -> 8, tanh, + identity "
	    "skip (x + f(x))\n"));
	assert_non_null(strstr(text, "layer 4: dense 8 -> 1, output"));
	free(text);
	/* refused, nothing changed */
	before = session_dump(s);
	expect(s, "net 2-16-8-1", CMD_ERROR, "2-16-8-1 has hidden layers "
	    "2->16, 16->8 (e.g. 2-16-16-1, or skip off)");
	after = session_dump(s);
	assert_string_equal(before, after);
	free(before);
	free(after);
	expect(s, "train 2 skip=off", CMD_ERROR, "skip acts when the net is "
	    "built");
	/* the export keeps it */
	run_ok(s, "train 2");
	run_okf(s, "export weights %s", net);
	text = test_read_file(net);
	assert_non_null(strstr(text, "\nskip on\n"));
	free(text);
	run_ok(s, "net 2-8-8-8-1 skip=off");
	expect(s, "show net", CMD_OK, "layer 2: dense 8 -> 8, tanh\n");
	run_okf(s, "import weights %s", net);
	expect(s, "get skip", CMD_OK, "skip = on\n");
	expect(s, "show net", CMD_OK, "+ identity skip");
	/* set skip rebuilds, as norm does */
	expect(s, "set skip off", CMD_OK, "skip changes the network's layers");
	expect(s, "show net", CMD_OK, "layer 3: dense 8 -> 8, tanh\n");
	run_ok(s, "undo");
	expect(s, "get skip", CMD_OK, "skip = on\n");
	expect(s, "show net", CMD_OK, "+ identity skip");
	run_okf(s, "save %s", lab);
	run_ok(s, "net 2-8-8-8-1 skip=off");
	run_okf(s, "load %s", lab);
	expect(s, "get skip", CMD_OK, "skip = on\n");
	expect(s, "show net", CMD_OK, "+ identity skip");
	/* a deep sigmoid net: the first layer's gradient is far larger with
	 * the skips than without (flat instead of vanishing) */
	run_ok(s, "net 2-16-16-16-16-16-16-16-16-1 act=sigmoid skip=off");
	assert_int_equal(session_query(s, "grad_norm.1", &g1), 0);
	run_ok(s, "net 2-16-16-16-16-16-16-16-16-1 act=sigmoid skip=on");
	assert_int_equal(session_query(s, "grad_norm.1", &g1s), 0);
	assert_true(g1s > 100 * g1);
	remove(lab);
	remove(net);
	free(lab);
	free(net);
	session_free(s);
}

/* The mean squared error of net on d, row by row through predict: an
 * oracle apart from nn_net_evaluate(). */
static double
mse_by_rows(struct nn_net *net, const struct nn_dataset *d)
{
	double sum = 0, o;

	for (int i = 0; i < d->n; i++) {
		nn_net_predict(net, d->x + (long)i * d->nin, 1, &o);
		sum += (o - d->y[i]) * (o - d->y[i]);
	}
	return sum / d->n;
}

/*
 * data ... test=T: the validation rows of the plain split are cut into
 * validation and test (same rows, same order); test_loss is the mse on
 * them; training never reads them (changing their targets changes no
 * training number); undo, save and load keep the split.
 */
static void
test_split(void **state)
{
	struct session *s = session_new(1), *t = session_new(1);
	char *lab = tmpfile_path("test-split.lab"), *text;
	struct nn_dataset *val0;
	double tl, tl2, acc, v1, v2, w1, w2;

	(void)state;
	text = run(s, "data sine n=100 seed=4 split=0.6", CMD_OK);
	assert_null(strstr(text, "test"));	/* as before */
	free(text);
	assert_null(s->lab.test);
	val0 = nn_dataset_copy(s->lab.val);
	expect(s, "data sine n=100 seed=4 split=0.6 test=0.15", CMD_OK,
	    "data sine: 100 rows (60 train, 25 val, 15 test), 1 input");
	assert_int_equal(val0->n, 40);
	assert_int_equal(s->lab.val->n + s->lab.test->n, val0->n);
	assert_memory_equal(s->lab.val->x, val0->x, 25 * sizeof(double));
	assert_memory_equal(s->lab.test->x, val0->x + 25,
	    15 * sizeof(double));
	assert_memory_equal(s->lab.test->y, val0->y + 25,
	    15 * sizeof(double));
	nn_dataset_free(val0);
	expect(s, "get test_loss", CMD_ERROR, "no network yet");
	run_ok(s, "net 1-8-1; train 30");
	assert_int_equal(session_query(s, "test_loss", &tl), 0);
	assert_close(tl, mse_by_rows(s->lab.net, s->lab.test), 1e-12);
	expect(s, "get test_acc", CMD_ERROR, "accuracy needs classification");
	expect(s, "eval test", CMD_OK, " (15 held-out rows)\n");
	/* nothing trains on, stops on or measures with the test rows */
	run_ok(t, "data sine n=100 seed=4 split=0.6 test=0.15");
	for (int i = 0; i < t->lab.test->n; i++)
		t->lab.test->y[i] += 5;
	run_ok(t, "net 1-8-1; set early on; train 30");
	run_ok(s, "reset; set early on; train 30");
	assert_int_equal(session_query(s, "val_loss", &v1), 0);
	assert_int_equal(session_query(t, "val_loss", &v2), 0);
	assert_true(v1 == v2);
	assert_int_equal(session_query(s, "w_norm", &w1), 0);
	assert_int_equal(session_query(t, "w_norm", &w2), 0);
	assert_true(w1 == w2);
	assert_int_equal(session_query(t, "test_loss", &tl2), 0);
	assert_true(tl2 > tl + 1);
	/* classification: accuracy by hand */
	run_ok(s, "data moons n=100 test=0.2 seed=2; net 2-8-1; train 10");
	{
		int hit = 0;
		double o;

		for (int i = 0; i < s->lab.test->n; i++) {
			nn_net_predict(s->lab.net, s->lab.test->x + 2L * i, 1,
			    &o);
			hit += (o >= 0.5) == (s->lab.test->y[i] >= 0.5);
		}
		assert_int_equal(session_query(s, "test_acc", &acc), 0);
		assert_close(acc, (double)hit / s->lab.test->n, 1e-15);
	}
	text = run(s, "eval test", CMD_OK);
	assert_non_null(strstr(text, "eval test: test loss "));
	assert_non_null(strstr(text, ", accuracy "));
	free(text);
	/* save/load: the same rows again */
	assert_int_equal(session_query(s, "test_loss", &tl), 0);
	run_okf(s, "save %s", lab);
	text = test_read_file(lab);
	assert_non_null(strstr(text, " test=0.20000000000000001 seed=2\n"));
	free(text);
	run_ok(s, "data moons n=100 seed=2");
	assert_null(s->lab.test);
	run_okf(s, "load %s", lab);
	assert_int_equal(session_query(s, "test_loss", &tl2), 0);
	assert_true(tl == tl2);
	/* undo */
	run_ok(s, "data moons n=100 seed=2");
	run_ok(s, "undo");
	assert_int_equal(s->lab.test->n, 20);
	/* sweeps run on the same three-way split (and never read test) */
	run_ok(s, "set epochs 3; compare lambda 0 0.01 seeds=2");
	/* a lab file whose split and test overlap */
	test_write_file(lab, "regtutor-lab 1\ndata moons n=100 noise=0.1 "
	    "split=0.7 test=0.4 seed=1\nend\n");
	expect(s, "load tests/tmp/cmd-test-split.lab", CMD_ERROR,
	    "cmd-test-split.lab:2:38: data: test: split 0.7 + test 0.4 is "
	    "more than all the rows");
	remove(lab);
	free(lab);
	session_free(s);
	session_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(data_load_lessondata),
		cmocka_unit_test(test_status_run_loss),
		cmocka_unit_test(tokenizer_quotes_semicolons_comments),
		cmocka_unit_test(check_validates_without_state),
		cmocka_unit_test(bad_input_changes_nothing),
		cmocka_unit_test(error_messages_name_command_argument_allowed),
		cmocka_unit_test(set_get_show),
		cmocka_unit_test(train_step_reset_seed),
		cmocka_unit_test(data_defaults_per_kind),
		cmocka_unit_test(early_stopping_and_divergence),
		cmocka_unit_test(early_stopping_settings),
		cmocka_unit_test(plots_render_and_rerender),
		cmocka_unit_test(boundary_regression_scatter),
		cmocka_unit_test(boundary_train_val_differ),
		cmocka_unit_test(export_import_identical_weights),
		cmocka_unit_test(save_load_round_trip_and_csv),
		cmocka_unit_test(save_load_restores_history),
		cmocka_unit_test(undo_restores_settings_and_net),
		cmocka_unit_test(queries),
		cmocka_unit_test(completion),
		cmocka_unit_test(epoch_hook_can_stop),
		cmocka_unit_test(epoch_hook_tells_own_net),
		cmocka_unit_test(restart_is_a_new_session),
		cmocka_unit_test(multi_seed_compare),
		cmocka_unit_test(sweep_choice_on_validation),
		cmocka_unit_test(w_dist_init_metric),
		cmocka_unit_test(multi_seed_data_kept),
		cmocka_unit_test(multi_seed_interrupt),
		cmocka_unit_test(multi_seed_errors),
		cmocka_unit_test(bundle_compare),
		cmocka_unit_test(bundle_errors),
		cmocka_unit_test(train_mode_metric),
		cmocka_unit_test(help_and_quit),
		cmocka_unit_test(print_splits_errors_and_status),
		cmocka_unit_test(summary_without_validation),
		cmocka_unit_test(norm_matrix_fits_its_table),
		cmocka_unit_test(init_scale_setting),
		cmocka_unit_test(clip_and_grad_norm),
		cmocka_unit_test(adamw_weight_decay),
		cmocka_unit_test(input_noise_setting),
		cmocka_unit_test(skip_connections),
		cmocka_unit_test(test_split),
		cmocka_unit_test(every_setting_reaches_the_engine),
		cmocka_unit_test(setting_help_matches_flags),
		cmocka_unit_test(import_then_set_keeps_settings),
		cmocka_unit_test(set_act_rebuilds),
		cmocka_unit_test(lab_file_lines_are_commands),
		cmocka_unit_test(manual_lists_the_settings),
		cmocka_unit_test(golden_transcripts),
		cmocka_unit_test(plot_kinds_table),
		cmocka_unit_test(kinds_come_from_the_engine),
		cmocka_unit_test(best_epoch_has_one_owner),
	};

	return cmocka_run_group_tests_name("cmd", tests, NULL, NULL);
}
