#include "config.h"
/*
 * term.c - the terminal for the full-screen shell: locale, curses start and
 * stop, colour pairs, and every path that must give the terminal back.
 *
 * A tutor that leaves a learner's terminal in raw mode after a crash is
 * worse than one that never started, so endwin() runs on a normal quit
 * (tui_term_stop), at exit (atexit), on SIGTERM and SIGHUP (a flag the main
 * loop and the training hook obey, then the signal is re-raised), and on
 * fatal signals (the handler calls endwin and re-raises with the default
 * action, so the exit status and core dump stay honest).
 */

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart/chart.h"
#include "tui/tui-int.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/util.h"

struct tui_term tui_term;
volatile sig_atomic_t tui_quit_signal;

static SCREEN *screen;
static int atexit_done;
/* Colour pair per (fg role, bg role); 0 = not allocated yet. */
static short pairs[GRID_ROLE_COUNT][GRID_ROLE_COUNT];
static short next_pair = 1;

static const int fatal_signals[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL };

/* Screen sizes the environment may ask for: far above any real terminal,
 * far below what curses cannot allocate. */
static const struct {
	const char *name;
	long max;
} size_vars[] = { { "LINES", 2000 }, { "COLUMNS", 4000 } };


int
tui_term_locale(void)
{
	const char *cs;
	int shown;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");	/* '.' in numbers, as in main() */
	cs = nl_langinfo(CODESET);
	if (cs != NULL && strcmp(cs, "UTF-8") == 0)
		return 1;
	/* Not UTF-8: a UTF-8 locale that is not generated here (the
	 * terminal still shows UTF-8), or one that is not UTF-8 at all
	 * (LANG=C: text is spelt in ASCII).  Either way C.UTF-8, which every
	 * glibc has, for character handling only. */
	shown = i18n_env_names_utf8();
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL) {
		cs = nl_langinfo(CODESET);
		if (cs != NULL && strcmp(cs, "UTF-8") == 0)
			return shown;
	}
	setlocale(LC_CTYPE, "");
	return 0;
}

static void
on_fatal(int sig)
{
	/* Not async-signal-safe in theory; in practice the one chance to
	 * give the learner a usable terminal back before dying. */
	if (tui_term.active)
		endwin();
	tui_term.active = 0;
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
on_quit(int sig)
{
	tui_quit_signal = sig;
}

static void
on_atexit(void)
{
	tui_term_stop();
}

static void
install_signals(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (i = 0; i < COUNT(fatal_signals); i++)
		sigaction(fatal_signals[i], &sa, NULL);

	/* No SA_RESTART: a blocked read returns so the flag is seen. */
	sa.sa_handler = on_quit;
	sa.sa_flags = 0;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
}

static void
restore_signals(void)
{
	size_t i;

	for (i = 0; i < COUNT(fatal_signals); i++)
		signal(fatal_signals[i], SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
}

int
tui_term_start(int color_mode)
{
	char *cup;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, _("regtutor: the full-screen shell needs a "
		    "terminal (try --repl or -e)\n"));
		return -1;
	}
	/* curses takes LINES and COLUMNS over the terminal's own size; a huge
	 * value makes newterm() fail as if the terminal type were unknown */
	for (size_t i = 0; i < COUNT(size_vars); i++) {
		const char *v = getenv(size_vars[i].name);
		long n;

		if (v != NULL && parse_long(v, &n) == 0 &&
		    (n < 1 || n > size_vars[i].max)) {
			fprintf(stderr, _("regtutor: %s=%s is out of range "
			    "(allowed: 1..%ld; unset it to use the terminal's "
			    "size)\n"), size_vars[i].name, v, size_vars[i].max);
			return -1;
		}
	}
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		fprintf(stderr, _("regtutor: cannot use terminal type '%s'\n"),
		    getenv("TERM") != NULL ? getenv("TERM") : "(unset)");
		return -1;
	}
	set_term(screen);
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		/* A terminal that cannot move the cursor (TERM=dumb). */
		endwin();
		delscreen(screen);
		screen = NULL;
		fprintf(stderr, _("regtutor: terminal type '%s' cannot move the "
		    "cursor; try --repl\n"), getenv("TERM") != NULL ?
		    getenv("TERM") : "(unset)");
		return -1;
	}
	tui_term.active = 1;
	if (!atexit_done) {
		atexit(on_atexit);
		atexit_done = 1;
	}
	install_signals();

	raw();			/* ^C, ^Z, ^S, ^Q arrive as bytes */
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);

	memset(pairs, 0, sizeof(pairs));
	next_pair = 1;
	/* the terminal's colour count from terminfo: COLORS is only set
	 * once start_color() ran (a direct-colour terminal would be taken
	 * for an 8-colour one) */
	tui_term.colors = chart_colors_choose(
	    (enum chart_color_when)color_mode, 1, getenv("TERM"),
	    getenv("NO_COLOR"), has_colors() ? (tigetnum("colors") > 0 ?
	    tigetnum("colors") : 0) : -1);
	if (tui_term.colors != CHART_COLOR_NONE) {
		start_color();
		use_default_colors();
	}
	return 0;
}

static int cursor_state = -1;

void
tui_cursor(int on)
{
	/* curs_set() writes to the terminal; only on a change. */
	if (on != cursor_state) {
		curs_set(on ? 1 : 0);
		cursor_state = on;
	}
}

void
tui_term_stop(void)
{
	if (!tui_term.active)
		return;
	tui_term.active = 0;
	/* A blank screen to leave: a terminal resized since the shell began
	 * (tmux) may carry rows of the alternate screen over into the
	 * learner's own screen when it ends; then they are blank rows, not
	 * pieces of a chart. */
	erase();
	refresh();
	curs_set(1);
	cursor_state = -1;
	endwin();
	restore_signals();
	if (screen != NULL) {
		delscreen(screen);
		screen = NULL;
	}
}

void
tui_term_suspend(void)
{
	endwin();
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);
	/* Continued: take the terminal again. */
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

long long
tui_now_ms(void)
{
	return (long long)(mono_seconds() * 1000);
}

/*
 * Colour pair n of palette colours cf, cb (-1: the terminal's default).
 * A direct-colour terminal (COLORS beyond 256: TERM=xterm-direct) takes a
 * colour number as its RGB value, so the palette's number becomes the
 * RGB it stands for; else 33 would be the near-black 0x000021.
 */
static int
set_pair(int n, int cf, int cb)
{
#if NCURSES_VERSION_MAJOR > 6 || \
    (NCURSES_VERSION_MAJOR == 6 && NCURSES_VERSION_MINOR >= 1)
	if (COLORS > 256)
		return init_extended_pair(n, cf < 0 ? -1 :
		    (int)chart_color_rgb(cf), cb < 0 ? -1 :
		    (int)chart_color_rgb(cb));
#endif
	return init_pair((short)n, (short)cf, (short)cb);
}

attr_t
tui_style_attr(int fg, int bg, int attr, short *pair)
{
	attr_t a = A_NORMAL;

	*pair = 0;
	if (attr & GRID_BOLD)
		a |= A_BOLD;
	if (attr & GRID_DIM)
		a |= A_DIM;
	if (attr & GRID_REVERSE)
		a |= A_REVERSE;
	if (attr & GRID_UNDERLINE)
		a |= A_UNDERLINE;
	if (tui_term.present)
		a |= A_BOLD;	/* high contrast for a projector */
	if (tui_term.colors == CHART_COLOR_NONE || fg < 0 ||
	    fg >= GRID_ROLE_COUNT || bg < 0 || bg >= GRID_ROLE_COUNT)
		return a;
	if (fg == GRID_DEFAULT && bg == GRID_DEFAULT)
		return a;
	if (pairs[fg][bg] == 0) {
		int cf = chart_role_color(fg, tui_term.colors);
		int cb = chart_role_color(bg, tui_term.colors);

		if (next_pair >= COLOR_PAIRS)
			return a;	/* out of pairs: attributes only */
		if (set_pair(next_pair, cf, cb) == ERR)
			return a;
		pairs[fg][bg] = next_pair++;
	}
	*pair = pairs[fg][bg];
	return a;
}
