#include "config.h"
/*
 * repl.c - regtutor --repl: a readline prompt over the command language.
 *
 * Each line goes to cmd_execute() and its transcript is printed at once.
 * ^C while training stops the run (cmd_interrupt) and keeps the state; ^C
 * at the prompt clears the line.  History is kept across sessions in the
 * XDG state directory.
 */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cmd/cmd.h"
#include "tui/repl.h"
#include "tui/tui-int.h"
#include "util/i18n.h"
#include "util/util.h"


/* A history file that cannot be written: said once, then left alone. */
static char *
history_failed(char *hist, int err)
{
	fprintf(stderr, _("regtutor: cannot write the command history to %s: "
	    "%s\n"), hist, strerror(err));
	free(hist);
	return NULL;
}

/* Progress of a long run on stderr, at most ten updates a second. */
struct progress {
	double start;		/* mono_seconds() at the first epoch */
	double last;		/* seconds since start of the last print */
};

static int
progress(void *ctx, const struct cmd_epoch_info *e)
{
	struct progress *p = ctx;
	double t;

	if (e->epoch <= 1) {
		p->start = mono_seconds();
		p->last = 0;
	}
	t = mono_seconds() - p->start;
	if (e->epoch >= e->epochs) {
		if (p->last > 0)
			fprintf(stderr, "\r%60s\r", "");
		return 0;
	}
	if (t - p->last < 0.1 || t < 0.3)
		return 0;	/* short runs print nothing */
	p->last = t;
	fputc('\r', stderr);
	fprintf(stderr, _("  epoch %d/%d  loss %.4g  %.0fs left  (^C stops) "),
	    e->epoch, e->epochs, e->train_loss,
	    t / e->epoch * (e->epochs - e->epoch));
	fflush(stderr);
	return 0;
}

static volatile sig_atomic_t at_prompt, prompt_sigint;

/*
 * ^C: during a command, ask training to stop after the current epoch; at
 * the prompt, note it for on_signal_event().  Only flags are set here:
 * readline calls are not async-signal-safe.
 */
static void
on_sigint(int sig)
{
	(void)sig;
	if (at_prompt)
		prompt_sigint = 1;
	else
		cmd_interrupt = 1;
}

/* Readline's hook after a signal interrupted its read: a ^C at the
 * prompt drops the line being edited and shows a fresh prompt (readline
 * has already restored the terminal). */
static int
on_signal_event(void)
{
	if (!prompt_sigint)
		return 0;
	prompt_sigint = 0;
	(void)write(STDOUT_FILENO, "\n", 1);
	rl_on_new_line();
	rl_replace_line("", 0);
	rl_redisplay();
	return 0;
}

int
repl_main(struct session *s, int color, int keep_going)
{
	static char breaks[] = " \t;";
	struct progress prog;
	struct transcript *t = transcript_new();
	char *hist = tui_history_path();
	struct sigaction sa, old;
	int status = 0;
	char *line;

	(void)keep_going;
	rl_readline_name = "regtutor";
	rl_attempted_completion_function = tui_complete;
	rl_basic_word_break_characters = breaks;
	rl_signal_event_hook = on_signal_event;
	using_history();
	stifle_history(TUI_HISTORY_MAX);
	memset(&prog, 0, sizeof prog);
	if (isatty(STDERR_FILENO))
		session_set_epoch_hook(s, progress, &prog);
	if (hist != NULL) {
		char why[128];

		if (tui_history_usable(hist, why, sizeof why) != 0) {
			fprintf(stderr, _("regtutor: the command history %s is "
			    "not used: %s\n"), hist, why);
			free(hist);
			hist = NULL;
		}
	}
	if (hist != NULL && mkdir_parents(hist, 0700) != 0)
		hist = history_failed(hist, errno);
	if (hist != NULL && read_history(hist) != 0) {
		int e = write_history(hist);	/* create it */

		if (e != 0)
			hist = history_failed(hist, e);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGINT, &sa, &old);
	printf(_("regtutor %s: type 'help' for the commands, 'quit' or ^D to "
	    "leave.\n"), PACKAGE_VERSION);
	for (;;) {
		int rc;

		at_prompt = 1;
		line = readline("regtutor> ");
		at_prompt = 0;
		if (line == NULL)
			break;
		if (line[strspn(line, " \t")] != '\0') {
			add_history(line);
			/* append at once: a killed session keeps its lines */
			if (hist != NULL) {
				int e = append_history(1, hist);

				if (e != 0)
					hist = history_failed(hist, e);
			}
		}
		rc = cmd_execute(s, line, t);
		free(line);
		if (prog.last > 0) {	/* an interrupted run left its line */
			fprintf(stderr, "\r%60s\r", "");
			prog.last = 0;
		}
		transcript_print(t, 0, stdout, stderr, color, 0);
		transcript_clear(t);
		status = rc == CMD_ERROR;
		if (rc == CMD_QUIT)
			break;
	}
	if (line == NULL)
		putchar('\n');
	sigaction(SIGINT, &old, NULL);
	rl_signal_event_hook = NULL;
	if (hist != NULL) {
		int e = history_truncate_file(hist, TUI_HISTORY_MAX);

		if (e != 0)
			hist = history_failed(hist, e);
		free(hist);
	}
	session_set_epoch_hook(s, NULL, NULL);
	transcript_free(t);
	return status;
}
