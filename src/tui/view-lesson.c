#include "config.h"
/*
 * view-lesson.c - the lesson pane: the open page's blocks as far as the
 * lesson has run (text, commands, quizzes with their feedback, checkpoint
 * results, try-its with hints and solutions), or the free lab's note.
 *
 * What a block shows is decided in src/lesson (lesson-view.h, the pane
 * form), the same rendering --batch prints; here each line's role becomes
 * a style.  Each frame lays the page out at the pane's width, measures it
 * (its length, where the block to bring in view starts and ends), clamps
 * the scroll and draws the lines that show.  A page longer than the pane
 * gives up the pane's last row to a note saying how to scroll.  In
 * classroom mode the lines are spaced by a blank row, for the back of the
 * room (between items: a paragraph's wrapped lines stay together).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "lesson/lesson-view.h"
#include "lesson/lesson.h"
#include "tui/hints.h"
#include "tui/shell.h"
#include "tui/tui-int.h"
#include "util/i18n.h"
#include "util/util.h"

/* The pane's style of each role of lesson-view.h. */
static const struct {
	int fg, attr;
} role_style[] = {
	[LV_GAP] = { GRID_DEFAULT, 0 },
	[LV_BODY] = { GRID_DEFAULT, 0 },
	[LV_TITLE] = { GRID_TITLE, GRID_BOLD },
	[LV_RULE] = { GRID_TITLE, 0 },
	[LV_COMMAND] = { GRID_SERIES2, GRID_BOLD },
	[LV_CHOICE] = { GRID_DEFAULT, 0 },
	[LV_CHOSEN] = { GRID_HILITE, GRID_REVERSE },
	[LV_KEYED] = { GRID_GOOD, GRID_BOLD },
	[LV_KEYS] = { GRID_LABEL, GRID_DIM },
	[LV_ANSWER] = { GRID_DEFAULT, 0 },
	[LV_RIGHT] = { GRID_GOOD, GRID_BOLD },
	[LV_WRONG] = { GRID_BAD, GRID_BOLD },
	[LV_PASS] = { GRID_GOOD, GRID_BOLD },
	[LV_PASS_NUMBERS] = { GRID_LABEL, 0 },
	[LV_FAIL] = { GRID_BAD, GRID_BOLD },
	[LV_FAIL_NUMBERS] = { GRID_BAD, 0 },
	[LV_RERUN] = { GRID_WARN, 0 },
	[LV_CHECK] = { GRID_DEFAULT, 0 },
	[LV_SUGGEST] = { GRID_SERIES2, 0 },
	[LV_EXPECT] = { GRID_LABEL, 0 },
	[LV_HINT] = { GRID_LABEL, 0 },
	[LV_MET] = { GRID_GOOD, GRID_BOLD },
	[LV_MET_TEXT] = { GRID_GOOD, 0 },
	[LV_SOLUTION] = { GRID_SERIES2, GRID_BOLD },
};
_Static_assert(COUNT(role_style) == LV_ROLE_COUNT, "a role without a style");

/* Draws line ln at row y of r: its role's style, bold and code spans
 * emphasised. */
static void
draw_line(const struct tui_rect *r, int y,
    const struct lesson_vline *ln)
{
	int fg = role_style[ln->role].fg, attr = role_style[ln->role].attr;
	int x = 0;

	for (int j = 0; j < ln->nspans; j++) {
		const struct lesson_span *sp = &ln->spans[j];
		int sfg = fg, sattr = attr;

		if (sp->style == LS_BOLD)
			sattr |= GRID_BOLD;
		else if (sp->style == LS_CODE) {
			sfg = GRID_SERIES2;
			if (tui_term.colors == CHART_COLOR_NONE)
				sattr |= GRID_UNDERLINE;
		}
		x += tui_put_text(r->y + y, r->x + x, r->w - x,
		    ln->text + sp->off, sp->len, sfg, sattr);
	}
	if (ln->nspans == 0)
		tui_put_text(r->y + y, r->x, r->w, ln->text, (size_t)-1, fg,
		    attr);
}

const char *
view_lab_note(const struct tui *t)
{
	(void)t;
	return _("**Free lab** - type commands without a lesson, e.g. "
	    "`data moons`, `net 2-16-16-1`, `train 50`, "
	    "`set lambda 0.1`. `help` lists the commands; m opens the "
	    "lesson menu.");
}

/*
 * The page as lines at width w (lesson-view.h, the pane form): the open
 * page's blocks as far as the lesson has run, or the free lab's note.
 * Records where t->show_block (and t->show_after) start and end, and the
 * line of show_block's answer feedback.
 */
static void
lesson_pane_lines(struct tui *t, int w, struct lesson_view *v)
{
	struct lesson_view_opts o;
	const struct lesson_page *pg;
	int i, wait;

	memset(&o, 0, sizeof(o));
	o.width = w;
	o.ascii = tui_term.ascii;
	o.ascii_text = !tui_term.utf8;	/* spelt before wrapping */
	o.check_differs = _("The result differs from what the lesson expects:");
	o.check_rerun = _("Press r to run this page again from a clean state.");
	o.try_met = _("Done - your commands did it.");
	o.keys_hint = tui_keys_hint;
	t->show_top = t->show_end = t->after_end = t->show_fb = -1;
	if (t->run == NULL) {
		lesson_view_text(v, &o, LV_BODY, -1, 0, 0, view_lab_note(t));
		return;
	}
	pg = &t->lesson->pages[t->run->page];
	lesson_view_heading(v, &o, t->lesson, t->run->page);
	wait = lesson_waiting(t->run);
	for (i = 0; i < pg->nblocks && t->run->st != NULL; i++) {
		int top = v->n;

		if (i >= t->run->next && i != wait)
			break;
		lesson_view_block(v, &o, t->lesson, pg, i, &t->run->st[i]);
		if (i == t->show_block) {
			t->show_top = top;
			t->show_end = v->n;
			for (int k = top; k < v->n && t->show_fb < 0; k++)
				if (v->v[k].role == LV_RIGHT ||
				    v->v[k].role == LV_WRONG)
					t->show_fb = k;
		}
		if (i == t->show_after && i != t->show_block)
			t->after_end = v->n;
	}
	/* the end of the lesson: the way on */
	if (t->run->page == t->lesson->npages - 1 && wait < 0 &&
	    t->run->next >= pg->nblocks && t->next_item != -1) {
		char buf[512], num[16];

		if (t->next_item >= 0) {
			const struct menu_item *m = &t->items[t->next_item];

			snprintf(num, sizeof(num), "%d", m->number);
			utf8_snprintf(buf, sizeof(buf), _("End of the lesson. "
			    "N: next lesson, %s %s; m: the menu."), num,
			    m->title);
		} else {
			utf8_snprintf(buf, sizeof(buf), "%s", _("End of the "
			    "lesson. That was the last one: m for the menu."));
		}
		lesson_view_text(v, &o, LV_RIGHT, -1, 0, 0, buf);
	}
}

/* The pane's text lines: up to the last that is not a gap. */
static int
lines_total(const struct lesson_view *v)
{
	int n = v->n;

	while (n > 0 && v->v[n - 1].role == LV_GAP)
		n--;
	return n;
}

/* The last row of an overflowing lesson pane: where the text goes on and
 * which keys scroll it. */
static void
scroll_note_draw(struct tui *t, const struct tui_rect *r)
{
	char a[16], b[16], c[16], buf[160];
	int last = t->lesson_scroll + t->lesson_view;
	int y = r->y + r->h - 1;

	snprintf(a, sizeof(a), "%d", t->lesson_scroll + 1);
	snprintf(b, sizeof(b), "%d", last < t->lesson_total ? last :
	    t->lesson_total);
	snprintf(c, sizeof(c), "%d", t->lesson_total);
	/* (in classroom mode Space is the next step, j scrolls) */
	utf8_snprintf(buf, sizeof(buf), last < t->lesson_total ?
	    (t->present ? _(TUI_MORE_BELOW_J) : _(TUI_MORE_BELOW)) :
	    _(TUI_MORE_ABOVE), a, b, c);
	mvhline(y, r->x, ' ', r->w);
	tui_put_text(y, r->x, r->w, buf, (size_t)-1, GRID_MARKER,
	    GRID_REVERSE);
}

void
view_lesson_draw(struct tui *t)
{
	const struct tui_layout *l = &t->lay;
	struct tui_rect lr = l->lesson;
	struct lesson_view v = { NULL, 0 };
	int more, n, *row;

	if (lr.w <= 0 || lr.h <= 0)
		return;		/* the free lab: no lesson pane */

	/*
	 * The lesson pane: lay the page out, clamp the scroll, draw.  A page
	 * longer than the pane gives up its last row to a line saying how
	 * to scroll, so no text is ever covered.
	 */
	lesson_pane_lines(t, lr.w, &v);
	/*
	 * The row of each line: one a line, or in classroom mode a blank
	 * row between two paragraphs, choices or other items with no gap
	 * between them (not between the wrapped lines of one); the
	 * recorded line numbers become rows.
	 */
	row = xcalloc((size_t)v.n + 1, sizeof(*row));
	for (int i = 0, r = 0; i <= v.n; i++) {
		row[i] = r++;
		if (t->present && i + 1 < v.n && v.v[i].role != LV_GAP &&
		    v.v[i + 1].role != LV_GAP && !v.v[i + 1].cont)
			r++;
	}
	if (t->show_top >= 0)
		t->show_top = row[t->show_top];
	if (t->show_fb >= 0)
		t->show_fb = row[t->show_fb];
	if (t->show_end > 0)
		t->show_end = row[t->show_end - 1] + 1;
	if (t->after_end > 0)
		t->after_end = row[t->after_end - 1] + 1;
	n = lines_total(&v);
	t->lesson_total = n > 0 ? row[n - 1] + 1 : 0;
	more = t->lesson_total > lr.h && lr.h >= 3;
	if (more)
		lr.h--;
	t->lesson_view = lr.h;
	if (t->show_block >= 0 && t->show_top >= 0) {
		/* Bring the block in view, its start first (an answered
		 * quiz: its feedback), then as much of the block after it
		 * as fits. */
		int top = t->show_fb >= 0 ? t->show_fb : t->show_top;

		t->lesson_scroll = t->show_end - lr.h;
		if (t->after_end - lr.h > t->lesson_scroll)
			t->lesson_scroll = t->after_end - lr.h;
		if (t->lesson_scroll > top && !t->show_tail)
			t->lesson_scroll = top;
		t->show_block = -1;
		t->show_after = -1;
		t->show_tail = 0;
	}
	if (t->lesson_scroll > t->lesson_total - lr.h)
		t->lesson_scroll = t->lesson_total - lr.h;
	if (t->lesson_scroll < 0)
		t->lesson_scroll = 0;
	for (int i = 0; i < v.n; i++)
		if (row[i] >= t->lesson_scroll &&
		    row[i] < t->lesson_scroll + lr.h)
			draw_line(&lr, row[i] - t->lesson_scroll, &v.v[i]);
	free(row);
	lesson_view_free(&v);
	if (more)
		scroll_note_draw(t, &l->lesson);
}
