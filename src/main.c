#include "config.h"
/*
 * main.c - regtutor's command line: options and mode selection.
 *
 * Modes: the full-screen lesson shell (a terminal), --batch LESSON (a lesson
 * without a terminal), -e 'CMDS', --repl (line-mode readline), commands from a
 * non-terminal stdin, --check FILE... and --list.  Everything else lives in
 * the layers under src/.  A mode is one row of the modes[] table: a name and
 * a function taking the parsed options, so a new mode is one row and one
 * function.
 */

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "chart/chart.h"
#include "cmd/cmd.h"
#include "lesson/lesson-cli.h"
#include "tui/repl.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/util.h"

/* Exit statuses. */
#define EXIT_CMD_ERROR	1	/* a command failed */
#define EXIT_USAGE	2	/* bad command line */
#define EXIT_INTERRUPTED 130	/* ^C stopped training (128 + SIGINT) */

struct opts {
	char **exprs;		/* -e arguments, in order */
	int nexprs;
	char **args;		/* operands: LESSON, or --check's FILEs */
	int nargs;
	int check;		/* --check FILE... */
	const char *batch;	/* --batch LESSON */
	const char *seeds;	/* --seeds A-B (with --batch) */
	int list;		/* --list */
	int reset_progress;	/* --reset-progress */
	const char *lang;	/* --lang: en, ko; NULL = from the locale;
				   after decide_lang() the language shown */
	const char *lang_note;	/* Korean asked for, English shown: why */
	int help;		/* --help */
	int present;		/* --present: classroom mode of the shell */
	enum chart_color_when color_when;	/* --color (the shell decides
						   auto with curses) */
	int repl;		/* --repl */
	int ascii;		/* --ascii */
	int color;		/* CMD_COLOR_*, resolved from --color */
	int width, height;	/* chart size; 0 = default */
	long seed;
	int seed_set;		/* --seed given: lessons play on it too */
	int keep_going;		/* --keep-going */
	int echo;		/* --echo: "> CMD" before each command's output */
	int progress;		/* stderr is a terminal */
};


/* Longest command line read from standard input (bytes). */
#define STDIN_MAX_LINE	(64 * 1024)

static void
usage(FILE *f)
{
	fputs(_(
"Usage: regtutor [OPTION]... [LESSON]\n"
"Learn why deep networks overfit, and what to do about it, in the terminal.\n"
"\n"
"On a terminal, regtutor opens the lesson shell (the menu, or LESSON given\n"
"by number, name or file).\n"
"\n"
"      --batch=LESSON   play a lesson without a terminal, checkpoints checked\n"
"      --seeds=A-B      with --batch: play the lesson once per seed A..B\n"
"                       (replacing its @seed) and print per checkpoint how\n"
"                       many seeds pass and the worst case (at most 100)\n"
"      --check FILE...  validate lesson files (file:line:column diagnostics)\n"
"      --list           list the lessons and the progress made\n"
"      --lang=LANG      lesson language: en or ko (default: from the locale)\n"
"      --present        classroom mode of the lesson shell\n"
"      --reset-progress forget the progress made in the lessons\n"
"  -e, --execute=CMDS   run commands ('data moons; net 2-16-1; train 20')\n"
"                       and exit; may be repeated\n"
"      --repl           line-mode prompt (readline) without the full screen\n"
"      --ascii          draw charts with ASCII characters only\n"
"      --color=WHEN     colour in charts: auto, always or never (NO_COLOR\n"
"                       is respected by auto)\n"
"      --width=N        chart width in columns (20..400)\n"
"      --height=N       chart height in rows (6..200)\n"
"      --seed=N         initial seed of the session\n"
"  -k, --keep-going     do not stop at the first failing command\n"
"      --echo           print each command line before its output\n"
"  -h, --help           show this help and exit\n"
"  -V, --version        show version information and exit\n"
"\n"
"Without -e or --repl, commands are read from standard input when it is\n"
"not a terminal.  Type 'help' at the prompt for the command language.\n"), f);
}

/* ------------------------------------------------------------ progress */

struct progress {
	double start;		/* mono_seconds() at the run's start */
	double last;		/* seconds since start of the last print */
	int active;
};

/* Epoch hook for headless modes: a one-line progress meter on stderr. */
static int
progress_hook(void *ctx, const struct cmd_epoch_info *e)
{
	struct progress *p = ctx;
	double t, left;

	if (e->epoch <= 1 || !p->active) {
		p->start = mono_seconds();
		p->last = 0;
		p->active = 1;
	}
	t = mono_seconds() - p->start;
	/* at most ten lines a second, and always the last epoch */
	if (e->epoch > 1 && e->epoch < e->epochs && t - p->last < 0.1)
		return 0;
	p->last = t;
	left = e->epoch > 0 ? t / e->epoch * (e->epochs - e->epoch) : 0;
	fputc('\r', stderr);
	fprintf(stderr, _("  epoch %d/%d  loss %.4g  val %.4g  %.0fs left "),
	    e->epoch, e->epochs, e->train_loss, e->val_loss, left);
	if (e->epoch >= e->epochs) {
		fprintf(stderr, "\r%*s\r", 60, "");
		p->active = 0;
	}
	fflush(stderr);
	return 0;
}

static void
on_sigint(int sig)
{
	(void)sig;
	if (cmd_interrupt)
		signal(SIGINT, SIG_DFL);	/* a second ^C ends the program */
	cmd_interrupt = 1;
}

/* ------------------------------------------------------------ modes */

static int bad_usage(const char *fmt, ...) PRINTF_LIKE(1, 2);

static int
bad_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "regtutor: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s\n",
	    _("Try 'regtutor --help' for more information."));
	return EXIT_USAGE;
}


/* The chart glyphs: --ascii, else what the terminal can show. */
static int
glyphs_of(const struct opts *o)
{
	return o->ascii ? CMD_GLYPH_ASCII : (int)chart_detect_tiers(0).glyphs;
}

static struct session *
make_session(const struct opts *o)
{
	struct session *s = session_new((unsigned long)o->seed);

	session_set_render(s, glyphs_of(o), o->color, o->width, o->height);
	return s;
}

/*
 * Runs one line and prints what it added.  Returns the exit status so far
 * (0 or EXIT_CMD_ERROR) in *status; returns 1 when the caller must stop.
 */
static int
run_line(struct session *s, struct transcript *t, const struct opts *o,
    struct progress *prog, const char *line, int *status)
{
	int rc = cmd_execute(s, line, t);

	if (prog->active) {	/* an interrupted run left its line */
		fprintf(stderr, "\r%60s\r", "");
		prog->active = 0;
	}

	transcript_print(t, 0, stdout, stderr, o->color, o->echo);
	transcript_clear(t);
	if (rc == CMD_ERROR) {
		*status = EXIT_CMD_ERROR;
		return !o->keep_going;
	}
	if (rc == CMD_STOPPED) {
		/* ^C: the run kept its state, but the script goes no further */
		*status = EXIT_INTERRUPTED;
		return 1;
	}
	return rc == CMD_QUIT;
}

static int
run_headless(const struct opts *o, FILE *in)
{
	struct session *s = make_session(o);
	struct transcript *t = transcript_new();
	struct progress prog = { 0, 0, 0 };
	int status = 0;

	if (o->progress)
		session_set_epoch_hook(s, progress_hook, &prog);
	signal(SIGINT, on_sigint);
	if (in == NULL) {
		for (int i = 0; i < o->nexprs; i++)
			if (run_line(s, t, o, &prog, o->exprs[i], &status))
				break;
	} else {
		struct line_reader lr;
		char *line, why[64];
		size_t n;

		/* one command line at a time, each at most STDIN_MAX_LINE
		 * bytes: a stream may be endless, a line may not */
		line_init(&lr, in, STDIN_MAX_LINE, 0);
		while ((line = line_next(&lr, &n)) != NULL) {
			/* a command ends at a NUL: the rest of the line would
			 * be dropped without a word */
			if (memchr(line, '\0', n) != NULL) {
				fprintf(stderr, _("regtutor: standard input, line "
				    "%ld: a NUL byte in the line (not run)\n"),
				    lr.line);
				status = EXIT_CMD_ERROR;
				if (!o->keep_going)
					break;
				continue;
			}
			if (run_line(s, t, o, &prog, line, &status))
				break;
		}
		if (line == NULL && lr.error != LINE_OK) {
			fprintf(stderr, _("regtutor: standard input, line %ld: "
			    "%s (not run)\n"), lr.line,
			    line_error(&lr, why, sizeof why));
			status = EXIT_CMD_ERROR;
		}
		line_done(&lr);
	}
	transcript_free(t);
	session_free(s);
	return status;
}

static int
mode_execute(const struct opts *o)
{
	return run_headless(o, NULL);
}

static int
mode_stdin(const struct opts *o)
{
	return run_headless(o, stdin);
}

static struct lesson_render
lesson_render_of(const struct opts *o)
{
	struct lesson_render ro;

	memset(&ro, 0, sizeof ro);
	ro.glyphs = glyphs_of(o);
	ro.colors = o->color;
	ro.width = o->width;
	ro.height = o->height;
	ro.seed_set = o->seed_set;
	ro.seed = (unsigned long)o->seed;
	/* a locale that is not UTF-8 cannot show lambda or Hangul */
	ro.ascii_text = !locale_is_utf8();
	return ro;
}

static int
mode_check(const struct opts *o)
{
	if (o->nargs == 0)
		return bad_usage(_("--check needs lesson FILEs"));
	return lesson_cli_check(o->nargs, o->args);
}

static int
mode_batch(const struct opts *o)
{
	struct lesson_render ro = lesson_render_of(o);

	if (o->nargs > 0)
		return bad_usage(_("unexpected argument '%s'"), o->args[0]);
	return lesson_cli_batch_seeds(o->batch, o->lang, &ro, o->seeds);
}

static int
mode_list(const struct opts *o)
{
	if (o->nargs > 0)
		return bad_usage(_("unexpected argument '%s'"), o->args[0]);
	return lesson_cli_list(o->lang);
}

static int
mode_reset_progress(const struct opts *o)
{
	if (o->nargs > 0)
		return bad_usage(_("unexpected argument '%s'"), o->args[0]);
	return lesson_cli_reset_progress();
}

static int
mode_shell(const struct opts *o)
{
	struct tui_options to;

	if (o->nargs > 1)
		return bad_usage(_("unexpected argument '%s'"), o->args[1]);
	memset(&to, 0, sizeof to);
	to.lesson = o->nargs > 0 ? o->args[0] : NULL;
	to.lang = o->lang;
	to.lang_note = o->lang_note;
	to.present = o->present;
	to.ascii = o->ascii;
	to.color = (int)o->color_when;
	to.seed = (unsigned long)o->seed;
	to.seed_set = o->seed_set;
	return tui_main(&to);
}

static int
mode_repl(const struct opts *o)
{
	struct session *s = make_session(o);
	int status;

	status = repl_main(s, o->color, o->keep_going);
	session_free(s);
	return status;
}

struct mode {
	const char *name;
	int (*applies)(const struct opts *o);
	int (*run)(const struct opts *o);
};

static int
wants_execute(const struct opts *o)
{
	return o->nexprs > 0;
}

static int
wants_check(const struct opts *o)
{
	return o->check;
}

static int
wants_batch(const struct opts *o)
{
	return o->batch != NULL;
}

static int
wants_list(const struct opts *o)
{
	return o->list;
}

static int
wants_reset_progress(const struct opts *o)
{
	return o->reset_progress;
}

static int
names_lesson(const struct opts *o)
{
	return o->nargs > 0;
}

static int
wants_repl(const struct opts *o)
{
	return o->repl;
}

static int
stdin_not_tty(const struct opts *o)
{
	(void)o;
	return !isatty(STDIN_FILENO);
}

static int
always(const struct opts *o)
{
	(void)o;
	return 1;
}

/* First row that applies wins. */
static const struct mode modes[] = {
	{ "check", wants_check, mode_check },
	{ "batch", wants_batch, mode_batch },
	{ "list", wants_list, mode_list },
	{ "reset-progress", wants_reset_progress, mode_reset_progress },
	{ "execute", wants_execute, mode_execute },
	{ "repl", wants_repl, mode_repl },
	{ "shell", names_lesson, mode_shell },
	{ "stdin", stdin_not_tty, mode_stdin },
	{ "shell", always, mode_shell },
};

/* ------------------------------------------------------------ options */

/*
 * The language shown, decided once for every mode: --lang, else the
 * locale environment; Korean becomes English when the terminal does not
 * show UTF-8 (i18n_lang_shown(), which gives the note main() prints on
 * stderr and the shell on its screen).
 */
static void
decide_lang(struct opts *o)
{
	const char *asked = o->lang;

	o->lang = i18n_lang_shown(asked != NULL ? asked : lesson_env_lang(),
	    i18n_utf8_shown(), &o->lang_note);
	if (i18n_set_lang(o->lang) != 0 && asked != NULL &&
	    strcmp(o->lang, "en") != 0)
		fprintf(stderr, _("regtutor: no locale lets messages be shown "
		    "in '%s'; they stay English\n"), o->lang);
}

/* --color (NULL: auto) as a choice, and the colours of the headless
 * output it gives (CMD_COLOR_*); -1 when it names no choice. */
static int
resolve_color(const char *name, enum chart_color_when *when, int *out)
{
	static const struct {
		const char *name;
		enum chart_color_when when;
	} whens[] = {
		{ "auto", CHART_WHEN_AUTO },
		{ "never", CHART_WHEN_NEVER },
		{ "always", CHART_WHEN_ALWAYS },
	};
	static const int cmd_colors[] = {
		[CHART_COLOR_NONE] = CMD_COLOR_NONE,
		[CHART_COLOR_8] = CMD_COLOR_8,
		[CHART_COLOR_256] = CMD_COLOR_256,
	};
	size_t i;

	for (i = 0; i < COUNT(whens); i++)
		if (strcmp(name != NULL ? name : "auto", whens[i].name) == 0)
			break;
	if (i == COUNT(whens))
		return -1;
	*when = whens[i].when;
	*out = cmd_colors[chart_colors_choose(*when, isatty(STDOUT_FILENO),
	    getenv("TERM"), getenv("NO_COLOR"), 0)];
	return 0;
}

static int
terminal_width(void)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");
	long v;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 20)
		return ws.ws_col > 120 ? 100 : ws.ws_col - 2;
	if (cols != NULL && parse_long(cols, &v) == 0 && v >= 22 && v <= 400)
		return (int)v - 2;
	return 72;
}

/*
 * The exit status once standard output is flushed: output that never
 * arrived (a full disk) is a failure, not a success with nothing to show.
 */
static int
stdout_status(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, _("regtutor: write error on standard output: "
		    "%s\n"), strerror(errno));
		if (status == 0)
			status = EXIT_CMD_ERROR;
	}
	return status;
}

int
main(int argc, char **argv)
{
	enum { OPT_REPL = 256, OPT_ASCII, OPT_COLOR, OPT_WIDTH, OPT_HEIGHT,
	    OPT_SEED, OPT_ECHO, OPT_CHECK, OPT_BATCH, OPT_LIST, OPT_LANG,
	    OPT_PRESENT, OPT_RESET_PROGRESS, OPT_SEEDS };
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "execute", required_argument, NULL, 'e' },
		{ "keep-going", no_argument, NULL, 'k' },
		{ "repl", no_argument, NULL, OPT_REPL },
		{ "ascii", no_argument, NULL, OPT_ASCII },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "colour", required_argument, NULL, OPT_COLOR },
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "height", required_argument, NULL, OPT_HEIGHT },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "echo", no_argument, NULL, OPT_ECHO },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "batch", required_argument, NULL, OPT_BATCH },
		{ "seeds", required_argument, NULL, OPT_SEEDS },
		{ "list", no_argument, NULL, OPT_LIST },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "present", no_argument, NULL, OPT_PRESENT },
		{ "reset-progress", no_argument, NULL, OPT_RESET_PROGRESS },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o;
	const char *color = NULL;
	long v;
	int c, status;

	setlocale(LC_ALL, "");
	/* Numbers are read and written with a '.' in every locale: commands,
	 * lesson files and saved nets must mean the same everywhere. */
	setlocale(LC_NUMERIC, "C");
	i18n_init();
	/* the language of messages about the options: --lang (below) may
	 * change it */
	i18n_set_lang(i18n_lang_shown(lesson_env_lang(), i18n_utf8_shown(),
	    NULL));
	memset(&o, 0, sizeof o);
	o.seed = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hVe:k", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			o.help = 1;	/* once the language is known */
			break;
		case 'V':
			printf("regtutor %s\n", PACKAGE_VERSION);
			free(o.exprs);
			return stdout_status(0);
		case 'e':
			o.exprs = xreallocarray(o.exprs, (size_t)o.nexprs + 1,
			    sizeof *o.exprs);
			o.exprs[o.nexprs++] = optarg;
			break;
		case 'k':
			o.keep_going = 1;
			break;
		case OPT_REPL:
			o.repl = 1;
			break;
		case OPT_ASCII:
			o.ascii = 1;
			break;
		case OPT_COLOR:
			color = optarg;
			break;
		case OPT_WIDTH:
			if (parse_long(optarg, &v) != 0 || v < 20 || v > 400) {
				free(o.exprs);
				return bad_usage(_("--width: '%s' is not a "
				    "number from 20 to 400"), optarg);
			}
			o.width = (int)v;
			break;
		case OPT_HEIGHT:
			if (parse_long(optarg, &v) != 0 || v < 6 || v > 200) {
				free(o.exprs);
				return bad_usage(_("--height: '%s' is not a "
				    "number from 6 to 200"), optarg);
			}
			o.height = (int)v;
			break;
		case OPT_SEED:
			if (parse_long(optarg, &v) != 0 || v < 0 ||
			    v > 2147483647) {
				free(o.exprs);
				return bad_usage(_("--seed: '%s' is not a number "
				    "from 0 to 2147483647"), optarg);
			}
			o.seed = v;
			o.seed_set = 1;
			break;
		case OPT_ECHO:
			o.echo = 1;
			break;
		case OPT_CHECK:
			o.check = 1;
			break;
		case OPT_BATCH:
			o.batch = optarg;
			break;
		case OPT_SEEDS: {
			unsigned long a, b;
			char err[160];

			if (lesson_seed_range(optarg, &a, &b, err,
			    sizeof err) != 0) {
				free(o.exprs);
				return bad_usage(_("--seeds: %s"), err);
			}
			o.seeds = optarg;
			break;
		}
		case OPT_LIST:
			o.list = 1;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "en") != 0 &&
			    strcmp(optarg, "ko") != 0) {
				free(o.exprs);
				return bad_usage(_("--lang: '%s' is not en or ko"),
				    optarg);
			}
			o.lang = optarg;
			break;
		case OPT_PRESENT:
			o.present = 1;
			break;
		case OPT_RESET_PROGRESS:
			o.reset_progress = 1;
			break;
		case ':':
			free(o.exprs);
			return bad_usage(_("option '%s' needs an argument"),
			    argv[optind - 1]);
		default:
			free(o.exprs);
			fprintf(stderr, _("regtutor: unknown option '%s'\n"),
			    argv[optind - 1]);
			fprintf(stderr, "%s\n",
			    _("Try 'regtutor --help' for more information."));
			return EXIT_USAGE;
		}
	}
	decide_lang(&o);
	if (o.help) {
		if (o.lang_note != NULL)
			fprintf(stderr, "regtutor: %s\n", o.lang_note);
		usage(stdout);
		free(o.exprs);
		return stdout_status(0);
	}
	o.args = argv + optind;
	o.nargs = argc - optind;
	if (o.nargs > 0 && !o.check && (o.nexprs > 0 || o.repl)) {
		status = bad_usage(_("unexpected argument '%s'"), argv[optind]);
		free(o.exprs);
		return status;
	}
	if (o.seeds != NULL && o.batch == NULL) {
		free(o.exprs);
		return bad_usage(_("--seeds needs --batch LESSON"));
	}
	if (o.seeds != NULL && o.seed_set) {
		free(o.exprs);
		return bad_usage(_("--seed plays one seed and --seeds a range: "
		    "give one of them"));
	}
	if (resolve_color(color, &o.color_when, &o.color) != 0) {
		free(o.exprs);
		return bad_usage(_("--color: '%s' is not auto, always or never"),
		    color);
	}
	if (o.width == 0)
		o.width = terminal_width();
	if (o.height == 0)
		o.height = o.width / 4 < 10 ? 10 : o.width / 4 > 24 ? 24 :
		    o.width / 4;
	o.progress = isatty(STDERR_FILENO);

	status = 0;
	for (size_t i = 0; i < COUNT(modes); i++)
		if (modes[i].applies(&o)) {
			/* the shell shows the note on its screen (stderr is
			 * hidden under it); every other mode here */
			if (o.lang_note != NULL && modes[i].run != mode_shell)
				fprintf(stderr, "regtutor: %s\n", o.lang_note);
			status = modes[i].run(&o);
			break;
		}
	free(o.exprs);
	return stdout_status(status);
}
