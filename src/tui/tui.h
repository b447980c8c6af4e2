/*
 * tui.h - the full-screen lesson shell (ncursesw + GNU readline).
 *
 * regtutor on a terminal with no mode option runs tui_main(): a lesson
 * menu, then per lesson the lesson pane, the chart pane (redrawn live while
 * training), a scrollable output area, a readline prompt and a status line.
 * Every typed command goes through cmd_execute(), the same interpreter the
 * lessons and the batch modes use.  src/tui/ is the only code in regtutor
 * that includes curses or readline.
 */
#ifndef REGTUTOR_TUI_H
#define REGTUTOR_TUI_H

struct tui_options {
	const char *lesson;	/* lesson to open (name, file or number
				   "0"); NULL = the lesson menu */
	const char *lang;	/* "en", "ko"; NULL = from the locale */
	const char *lang_note;	/* Korean was asked for and cannot be
				   shown: the line saying so, shown on the
				   screen (NULL: none) */
	int present;		/* classroom mode (--present) */
	int ascii;		/* 7-bit glyphs only (--ascii) */
	int color;		/* enum chart_color_when (--color) */
	unsigned long seed;	/* session seed */
	int seed_set;		/* 1: --seed given; lessons play on seed in
				   place of their @seed */
};

/*
 * Runs the shell until the user quits.  Needs stdin and stdout on a
 * terminal.  Restores the terminal on every exit path (also on SIGTERM,
 * SIGHUP and fatal signals).  Returns the process exit status: 0 after a
 * normal quit, 1 on an error (message printed on stderr after the screen
 * is restored).
 */
int tui_main(const struct tui_options *o);

#endif
