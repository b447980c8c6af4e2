/*
 * layout.h - the screen geometry of the full-screen shell, as pure functions.
 *
 * Everything that decides where a pane goes, or where a line of text wraps,
 * lives here without curses so that it can be unit-tested: given the
 * terminal size and the mode, tui_layout() returns the rectangles of the
 * lesson pane, chart pane, output area, prompt line and status line, or says
 * the terminal is too small.  Widths are display columns (Hangul = 2).
 */
#ifndef REGTUTOR_TUI_LAYOUT_H
#define REGTUTOR_TUI_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

/* Smallest terminal the shell draws on; below it only a notice is shown. */
#define TUI_MIN_W	60
#define TUI_MIN_H	16

struct tui_rect {
	int x, y, w, h;		/* w == 0 or h == 0: not shown */
};

struct tui_layout {
	int w, h;		/* the terminal size this was computed for */
	int too_small;		/* 1: draw only the "too small" notice */
	int need_w, need_h;	/* the minimum size (for the notice) */
	struct tui_rect lesson;	/* current lesson page */
	struct tui_rect chart;	/* latest chart, redrawn live */
	struct tui_rect output;	/* scrollable command output */
	struct tui_rect prompt;	/* readline line; h == 0 when hidden */
	struct tui_rect status;	/* one line at the bottom */
	struct tui_rect vsep;	/* vertical rule between panes (w == 1) */
	struct tui_rect hsep;	/* horizontal rule above the output (h == 1) */
	struct tui_rect big;	/* classroom mode: the key numbers, big */
};

/*
 * Computes the panes for a w x h terminal.  present: classroom mode (the
 * chart on the left, full height; on the right a column of a third of
 * the width with the key numbers on top (big, TUI_BIG_ROWS rows) and the
 * lesson text below them; prompt and output at the bottom, shown only
 * while prompt_shown).  Always fills *l; returns 0, or -1 when the
 * terminal is below the minimum (l->too_small set, panes empty).
 */
#define TUI_BIG_ROWS	11	/* three numbers of 3 rows, 1 row between */
int tui_layout(int w, int h, int present, int prompt_shown,
    struct tui_layout *l);
/*
 * The free lab's normal layout: no lesson text, so no lesson pane; the
 * chart takes the whole width over the output (same rows as before).
 * Nothing changes for a layout that is too small or has no lesson pane.
 */
void tui_layout_lab(struct tui_layout *l);

/*
 * A lesson page with no chart, now or to come: its text gets the chart's
 * room.  Classroom mode: the text where the chart was, at most
 * TUI_TEXT_MAX_W columns wide and centred, the key numbers the whole
 * column beside it (no rule under them).  Normal mode below 120 columns
 * (text and chart side by side): the text pane takes the whole width.
 * The chart pane is then empty; nothing changes in the wide normal
 * layout, one too small, or one with no chart or lesson pane.
 */
#define TUI_TEXT_MAX_W	72
void tui_layout_no_chart(struct tui_layout *l);

/*
 * Classroom mode: the key numbers take only rows rows (at least 1, at most
 * the rows the layout gave them) and the lesson text below them the rest
 * of the column (after tui_layout_no_chart(), the numbers only).
 * Nothing else moves; no-op outside classroom mode.
 */
void tui_layout_big_rows(struct tui_layout *l, int rows);

/* 1 when the two rectangles share at least one cell. */
int tui_rect_overlap(const struct tui_rect *a, const struct tui_rect *b);

/*
 * Word wrap by display width.  Breaks text (UTF-8, no newlines expected;
 * a '\n' forces a break) into lines of at most width columns, breaking at
 * spaces when it can and inside a word only when the word alone is longer
 * than a line (never inside a character).  For each line calls fn with the
 * byte offset and length of the line (trailing break spaces excluded).
 * Returns the number of lines (at least 1, an empty text is one empty line).
 * width < 1 is treated as 1.
 */
typedef void (*tui_wrap_fn)(void *ctx, const char *line, size_t len);
int tui_wrap(const char *text, int width, tui_wrap_fn fn, void *ctx);

/*
 * Columns as the TUI draws them: a control character is 2 ("^X"), others
 * cp_width(), or with tui_ascii_text(1) (a terminal that is not UTF-8)
 * the length of util's ASCII spelling ("lambda": 6).  tui_cp_cols() for
 * one code point, tui_text_cols() for the first n bytes of s (cursor
 * columns of the prompt).
 */
void tui_ascii_text(int on);
int tui_cp_cols(uint32_t cp);
int tui_text_cols(const char *s, size_t n);

/*
 * Shortens s to at most width display columns for a one-line field (the
 * lesson title in the status line): when it does not fit, as much of it as
 * leaves room for "..." (plain ASCII, never an East-Asian-ambiguous
 * ellipsis), never cutting a character.  width < 4: cut without "...".
 * Writes into buf (size n, always terminated) and returns the columns.
 */
int tui_truncate(const char *s, int width, char *buf, size_t n);

/*
 * The status line as segments ("page 2/8", "act tanh", ...), drawn left to
 * right with two spaces between them after one leading space.  When they
 * do not all fit in width columns, tui_status_fit() hides the segments of
 * the highest prio first (prio 0: the last to go) and shortens a flex
 * segment (the lesson title) with "..." instead of hiding it, as long as
 * it keeps TUI_SEG_FLEX_MIN columns (segments of prio >= 3, the least
 * useful, go before it gets less than TUI_SEG_FLEX_WANT columns); the
 * flex text then takes all the room the shown segments leave.  Sets
 * shown, may rewrite a flex text, and returns the columns used.
 */
#define TUI_SEG_FLEX_MIN	10
#define TUI_SEG_FLEX_WANT	20	/* segments of prio >= ... */
#define TUI_SEG_FLEX_WANT_PRIO	3	/* ... go before it gets less */
struct tui_seg {
	char text[160];
	int prio;		/* 0 = most important */
	int flex;		/* may be shortened */
	int bold;		/* drawing hint, not used here */
	int shown;		/* out: drawn */
};
int tui_status_fit(struct tui_seg *seg, int n, int width);

/*
 * Horizontal scrolling of the prompt line, by columns.  Given the column of
 * the cursor within the line (cur), the width of the whole line (total),
 * the visible width (avail) and the previous scroll offset, returns the new
 * offset so that the cursor is visible, keeping a small margin and never
 * scrolling further than needed.
 */
int tui_hscroll(int cur, int total, int avail, int old);

/*
 * Throttle for live redraw while training.  A frame is due when at least
 * TUI_FRAME_MIN_MS have passed since the last one (never redraw more often
 * than needed), or when waiting for the next epoch (step_ms, the duration
 * of the last one) would leave more than TUI_FRAME_MAX_MS between frames
 * (so the screen is redrawn at least every ~33 ms, >= 30 frames a second,
 * whenever the epochs themselves are shorter than that).
 */
#define TUI_FRAME_MIN_MS	30
#define TUI_FRAME_MAX_MS	33
int tui_frame_due(long long now_ms, long long last_ms, long long step_ms);

#endif
