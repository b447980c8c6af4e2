/*
 * shell.h - the state of the full-screen shell, shared by tui.c (the
 * controller: screens, keys, lessons, live training) and the views that
 * draw it (view-*.c).
 *
 * One struct tui holds everything the shell knows.  tui.c changes it in
 * answer to keys, command lines and training epochs and calls redraw();
 * redraw() asks each view to draw its part of the screen from it:
 * view-lesson.c the lesson pane, view-chart.c the chart pane,
 * view-output.c the output area, view-status.c the status line, its note
 * and the prompt row, view-menu.c the lesson menu, view-help.c the help
 * overlay and the too-small notice, view-present.c classroom mode's key
 * numbers.  Views draw into stdscr at the
 * rectangles of t->lay; besides drawing they only record what they
 * measured (lines of the lesson page, where a block is, whether older
 * output is hidden) for the controller's scrolling.
 */
#ifndef REGTUTOR_TUI_SHELL_H
#define REGTUTOR_TUI_SHELL_H

#include <stddef.h>

#include "chart/grid.h"
#include "cmd/cmd.h"
#include "lesson/lesson.h"
#include "tui/hints.h"
#include "tui/layout.h"
#include "tui/present.h"
#include "tui/tui-int.h"
#include "tui/tui.h"

#define PROMPT		"> "

enum tui_screen { SCR_MENU, SCR_LESSON };
enum tui_focus { FOCUS_LESSON, FOCUS_PROMPT };

struct outline {
	enum tr_kind kind;
	char *text;
};

/* What the learner did on a page run before: quiz answers, hints, try-its
 * done; going back replays the page with them. */
struct page_view {
	struct lesson_state *st;	/* NULL: not run yet */
	int n;				/* blocks */
	int whole;			/* it ran as far as it goes (to its
					   end or a quiz that waits); not:
					   left halfway in classroom mode */
};

/*
 * The charts of a page (the free lab's: of its latest command line that
 * drew), in the order they were made, each with the block that made it.
 * When they do not all fit, the pane shows one: the one the text in view
 * speaks of, or one turned to by hand (< >), which stays until the page
 * is scrolled or new text comes into view.
 */
struct chart_deck {
	struct transcript *tr;	/* the charts, as snapshots */
	int *by;		/* [charts]: the block that made each
				   (LESSON_VIEW_LEARNER: the learner) */
	int sel;		/* the one shown */
	int held;		/* sel was chosen by hand */
};

struct menu_item {
	char *path;		/* NULL: the free lab */
	char *name;
	char *title;
	int npages;
	int number;		/* the lesson's number (regtutor --list), or -1 */
	int finished;		/* progress_finished() when the menu was made */
};

struct tui {
	const struct tui_options *o;
	int lang_ko;		/* the shell speaks Korean (else English) */
	struct session *s;
	struct transcript *tr;
	struct progress *prog;

	enum tui_screen screen;
	enum tui_focus focus;
	int help;		/* help overlay shown */
	int help_scroll;	/* its first key line shown (a short screen) */
	char *pager;		/* a long output shown in an overlay (lines
				   joined by '\n'), or NULL */
	int pager_scroll;	/* its first row shown */
	int quit;
	int said_lang;		/* Korean needs UTF-8: -1 to say, 1 said */
	int dirty;
	struct tui_layout lay;

	/* the learner's own lab, a lesson's session; s is the one in use */
	struct session *lab, *ls;

	/* output area */
	struct outline *out;
	size_t nout, capout;
	int out_scroll;		/* wrapped lines up from the bottom */

	int out_older;		/* lines above the output area */

	/* chart pane */
	struct grid chart;
	int have_chart;
	/* charts (snapshots) per page of the open lesson, and the free
	 * lab's (struct chart_deck) */
	struct chart_deck *decks;	/* [npages] */
	struct chart_deck lab_deck;
	struct page_view *views;	/* [npages] */
	/* the action's trainings of the session's own net */
	int train_at;		/* transcript index where the last one began,
				   -1: none */
	struct transcript *pend;	/* its loss chart so far */
	struct transcript *losses;	/* earlier ones' with no chart after */
	int *loss_at;		/* [count of losses]: their transcript index */
	int *loss_by;		/* [count of losses]: the block that trained
				   (lesson_view_owner()) */
	char chart_label[64];	/* "chart 2/3 ..." under the pane, or "" */

	/* live training */
	int training;
	struct cmd_epoch_info ep;
	long long last_frame;
	long long last_epoch;	/* when the previous epoch ended */
	long frames;

	/* the line readline accepted, run by the main loop */
	char *pending;		/* a line to run (typed during a run: it
				   waits for the run to end) */
	size_t tr_out;		/* items of tr already in the output */
	int train_typing;	/* during a run, : opened the prompt: keys
				   type the next line */
	int training_seen;	/* a run began in this command line */
	int pending_eof;

	/* menu */
	struct menu_item *items;
	int nitems, sel;
	int cont_item;		/* the lesson in progress, "continue", or -1 */

	/* lesson */
	struct lesson *lesson;
	struct lesson_run *run;
	int lesson_scroll;
	int lesson_total;	/* wrapped lines of the page */
	int lesson_view;	/* rows of it on screen */
	int show_block;		/* block to scroll into view, -1 none */
	int show_top, show_end;	/* its lines, found while measuring */
	int show_tail;		/* its end matters more (a new hint) */
	int show_after;		/* block to show too, after show_block, -1 */
	int after_end;		/* its last line, found while measuring */
	int show_fb;		/* line of show_block's answer feedback, -1 */
	char note[256];		/* one-line note under the page */
	/* the menu item of the lesson after the open one (its last page
	 * offers it); -2: the open lesson is the last, -1: not in the menu */
	int next_item;

	/* classroom mode (--present, P toggles it): thick charts, the
	 * page's key numbers big, the page one step a key */
	int present;
	int no_chart;		/* the layout gave the text the chart's room
				   (a page with no chart, now or to come) */
	struct present_number nums[PRESENT_MAX_NUMBERS];
	int nnums;
	struct grid big;	/* the numbers as drawn */
};

/* The glyph tier of the screen's charts (--ascii, else from the locale
 * and the terminal), also that of classroom mode's big digits. */
enum chart_glyphs tui_glyphs(const struct tui *t);

/* "en" or "ko": the shell's language as lesson directories name it. */
const char *tui_lang_code(const struct tui *t);

/* ---------------------------------------------------- view-lesson.c */

/*
 * The lesson pane (the free lab's note without a lesson): measures the
 * page, clamps the scroll (bringing t->show_block in view), draws the
 * visible lines and, when the page is longer than the pane, a last row
 * saying how to scroll.
 */
void view_lesson_draw(struct tui *t);

/* The overlay of a long output (t->pager), scrolled by t->pager_scroll
 * (clamped here); returns the rows it shows at once. */
int view_pager_draw(struct tui *t);

/* The free lab's note: what to type (with **bold** and `code`). */
const char *view_lab_note(const struct tui *t);

/* ---------------------------------------------------- view-chart.c */

/* The deck of charts the pane shows now. */
struct chart_deck *view_chart_deck(struct tui *t);
/* Empties d; frees what it holds. */
void chart_deck_clear(struct chart_deck *d);
void chart_deck_free(struct chart_deck *d);
/* Item i of src (a chart) into d, made by block `by` of the page
 * (LESSON_VIEW_LEARNER: the learner's commands). */
void chart_deck_add(struct chart_deck *d, const struct transcript *src,
    size_t i, int by);
/* The deck's chart the text in view speaks of (lesson_view_chart()),
 * unless one was chosen by hand; anchors[k] is the row of the lesson pane
 * where chart k stands.  Renders the pane again when that changes it. */
void view_chart_follow(struct tui *t, const int *anchors, int top,
    int rows, int total);
/* Renders the chart pane's grid (t->chart, t->have_chart, t->chart_label)
 * for the current layout, deck and training state. */
void view_chart_render(struct tui *t);
/* Draws the rendered chart pane, or the notice that there is no chart. */
void view_chart_draw(struct tui *t);

/* ---------------------------------------------------- view-output.c */

/* Draws wrapped plain text a row at a time into r, starting at row (rows
 * outside r are clipped); a tui_wrap() callback. */
struct view_plain {
	const struct tui_rect *r;
	int row, fg, attr;
};
void view_plain_line(void *ctx, const char *line, size_t len);
/* The text of an output line as shown (echo and error prefixed); caller
 * frees. */
char *view_out_text(const struct outline *o);
/* The output area: the newest lines that fit in area, scrolled back by
 * t->out_scroll; sets t->out_older. */
void view_output_draw(struct tui *t, const struct tui_rect *area);

/* ---------------------------------------------------- view-status.c */

/* The status line and the note over it. */
void view_status_draw(struct tui *t);
/* The prompt row: how to stop a run, a hint, or readline's line. */
void view_prompt_draw(struct tui *t);

/* ---------------------------------------------------- view-present.c */

/* Classroom mode: the page's key numbers in big digits (t->lay.big). */
void view_present_draw(struct tui *t);

/* ---------------------------------------------------- view-menu.c */

/* The lesson menu screen. */
void view_menu_draw(struct tui *t);

/* ---------------------------------------------------- view-help.c */

/* The help overlay with the keys of the current screen. */
void view_help_draw(struct tui *t);
int view_help_key(struct tui *t, int c);
/* The notice that the terminal is too small, centred (wrapped if need). */
void view_too_small_draw(struct tui *t);

#endif
