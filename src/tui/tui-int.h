/*
 * tui-int.h - what the files of the full-screen shell share.
 *
 * term.c owns the terminal (curses start/stop, locale, signals, colour
 * pairs), draw.c turns grids and UTF-8 text into curses cells, input.c is
 * the readline-inside-curses bridge, tui.c is the shell itself (screens,
 * keys, live training) and view-*.c draw its parts (shell.h).  All drawing goes to stdscr at rectangles computed
 * by layout.c; curses sends only the cells that changed.
 */
#ifndef REGTUTOR_TUI_INT_H
#define REGTUTOR_TUI_INT_H

#include <signal.h>
#include <stddef.h>

#include <curses.h>

#include "chart/grid.h"
#include "tui/layout.h"
#include "util/util.h"

/* ------------------------------------------------------------ term.c */

struct tui_term {
	int active;		/* curses is running */
	int utf8;		/* the terminal shows UTF-8 (the user's
				   locale is, or names, UTF-8) */
	int ascii;		/* draw 7-bit only (--ascii or no UTF-8) */
	int colors;		/* enum chart_colors of the screen */
	int present;		/* classroom mode: bold, high contrast */
};
extern struct tui_term tui_term;

/* A SIGTERM/SIGHUP arrived (the signal number); the shell winds down. */
extern volatile sig_atomic_t tui_quit_signal;

/*
 * setlocale(LC_ALL, "") but LC_NUMERIC stays "C"; when the codeset is not
 * UTF-8 tries C.UTF-8 for LC_CTYPE (character handling).  Returns 1 when
 * the terminal shows UTF-8: the codeset is UTF-8, or the environment
 * names a UTF-8 locale that is not generated here; 0 for LANG=C and other
 * locales that are not UTF-8 (then text is spelt in ASCII).
 */
int tui_term_locale(void);
/* Starts curses (raw, noecho, keypad, colours as chart_colors_choose()
 * decides for color_mode, an enum chart_color_when).
 * 0, or -1 with a message on stderr. */
int tui_term_start(int color_mode);
/* Restores the terminal; safe to call more than once. */
void tui_term_stop(void);
/* Ctrl-Z: gives the terminal back, stops, and takes it again. */
void tui_term_suspend(void);
/* Shows or hides the cursor (only when that changes). */
void tui_cursor(int on);
/* Milliseconds of a monotonic clock. */
long long tui_now_ms(void);

/* curses attributes (with colour pair) for a grid style. */
attr_t tui_style_attr(int fg, int bg, int attr, short *pair);

/* ------------------------------------------------------------ draw.c */

/* Fills a rectangle of stdscr with blanks. */
void tui_clear_rect(const struct tui_rect *r);
/*
 * Draws n bytes of UTF-8 at y,x, at most maxw columns; control characters
 * as ^X; with a locale that is not UTF-8, other characters spelt in ASCII
 * (util's cp_ascii: "lambda"; '?' a column without one).  Style as for
 * grid cells.  Returns the columns used.
 */
int tui_put_text(int y, int x, int maxw, const char *s, size_t n, int fg,
    int attr);
/* Draws a grid at r's origin, clipped to r. */
void tui_put_grid(const struct tui_rect *r, const struct grid *g);
/* A frame around r (box drawing, 7-bit with --ascii or no UTF-8), its
 * title (if not NULL) on the top edge. */
void tui_put_box(const struct tui_rect *r, const char *title);
/* Horizontal / vertical rule over r. */
void tui_put_hrule(const struct tui_rect *r, const char *label);
void tui_put_vrule(const struct tui_rect *r);

/* ------------------------------------------------------------ input.c */

/*
 * The readline bridge.  tui_input_init() configures readline for curses
 * (call after tui_term_start) and installs the prompt; on_line receives
 * each accepted line (NULL on ^D with an empty line) -- the caller copies
 * it.  redraw draws the prompt row (input.c calls it from readline's
 * redisplay hook and places the cursor).  show_matches lists completion
 * matches inside the UI.
 */
struct tui_input_hooks {
	void (*on_line)(void *ctx, const char *line);
	void (*show_matches)(void *ctx, const char *const *m, int n);
	/* The shell's own prompt command "answer" (NULL: there is none):
	 * with v NULL, 1 when it is a command now (a lesson is open), else
	 * 0; else the words its argument takes now (the waiting question's
	 * labels and choice words) in *v, NULL-terminated, freed with
	 * cmd_complete_free(), or NULL after saying why there are none. */
	int (*answer_words)(void *ctx, char ***v);
	void *ctx;
};
/* prompt must outlive the input (a string literal). */
void tui_input_init(const char *prompt, const struct tui_input_hooks *h);
/* Saves the history; a failure is described in err. */
void tui_input_done(struct strbuf *err);
/* Feeds one key from wgetch() (bytes and KEY_* codes) to readline. */
void tui_input_key(int c);
/* ^C at the prompt: drops the line being edited. */
void tui_input_cancel(void);
/* Replaces the line being edited (e.g. a lesson's suggested command). */
void tui_input_set_line(const char *s);
/* Draws the prompt and the visible part of the line into r and leaves
 * the curses cursor there when focused. */
void tui_input_draw(const struct tui_rect *r, int focused);
/* getch() for waiting reads (not nodelay): many immediate failures in a
 * row mean the terminal is gone and set tui_quit_signal. */
int tui_getch(void);
/* Reads the next key, waiting; used while readline needs more bytes. */
int tui_getkey_wait(void);
/* The key-poll hook called while tui_getkey_wait() idles (resize etc.). */
extern void (*tui_input_idle_key)(int c);
/* readline's attempted-completion function over cmd_complete(), for the
 * shell and --repl; with the hooks' answer_words, "answer" and its
 * argument too. */
char **tui_complete(const char *text, int start, int end);
/* History file path ($XDG_STATE_HOME/regtutor/history), shared with
 * --repl; NULL without XDG_STATE_HOME or HOME.  Caller frees. */
char *tui_history_path(void);
/* Lines of history kept. */
#define TUI_HISTORY_MAX 1000
/* The history file is read only when it is a regular file of at most this
 * many bytes (readline reads it whole); else it is neither read nor
 * written, and the user is told why. */
#define TUI_HISTORY_MAX_BYTES (4LL * 1024 * 1024)
/* 0 when path may be read as the history (or does not exist yet); -1 with
 * the reason in why ("too large (limit 4 MiB)", "is a directory", ...). */
int tui_history_usable(const char *path, char *why, size_t len);

#endif
