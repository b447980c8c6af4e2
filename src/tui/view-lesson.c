#include "config.h"
/*
 * view-lesson.c - the lesson pane: the open page's blocks as far as the
 * lesson has run (text, commands, quizzes with their feedback, checkpoint
 * results, try-its with hints and solutions), or the free lab's note.
 *
 * The page is drawn twice per frame: once to measure it (its length, where
 * the block to bring in view starts and ends) and once, with the scroll
 * clamped, to draw the lines that show.  A page longer than the pane gives
 * up the pane's last row to a note saying how to scroll.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "lesson/lesson.h"
#include "tui/shell.h"
#include "tui/tui-int.h"
#include "util/i18n.h"
#include "util/util.h"

/* Draw context for the lesson pane: counts lines, draws visible ones. */
struct pane {
	const struct tui_rect *r;
	int line;		/* next line index (from the top) */
	int skip;		/* lines scrolled away */
	int draw;
	int end;		/* line after the last one with text */
};

static void
pane_line(struct pane *p, const char *s, int fg, int attr)
{
	int y = p->line - p->skip;

	if (p->draw && y >= 0 && y < p->r->h)
		tui_put_text(p->r->y + y, p->r->x, p->r->w, s, (size_t)-1, fg,
		    attr);
	p->line++;
	if (s[0] != '\0')
		p->end = p->line;
}

static void
pane_wrapped(struct pane *p, const char *text, int indent1, int indent2,
    int fg, int attr)
{
	struct lesson_lines ls;
	int i, j;

	memset(&ls, 0, sizeof(ls));
	lesson_wrap(text, p->r->w, indent1, indent2, &ls);
	for (i = 0; i < ls.n; i++) {
		const struct lesson_line *l = &ls.v[i];
		int y = p->line - p->skip, x = 0;

		if (p->draw && y >= 0 && y < p->r->h) {
			for (j = 0; j < l->nspans; j++) {
				const struct lesson_span *sp = &l->spans[j];
				int sfg = fg, sattr = attr;

				if (sp->style == LS_BOLD)
					sattr |= GRID_BOLD;
				else if (sp->style == LS_CODE) {
					sfg = GRID_SERIES2;
					if (tui_term.colors == CHART_COLOR_NONE)
						sattr |= GRID_UNDERLINE;
				}
				x += tui_put_text(p->r->y + y, p->r->x + x,
				    p->r->w - x, l->text + sp->off, sp->len,
				    sfg, sattr);
			}
			if (l->nspans == 0)
				tui_put_text(p->r->y + y, p->r->x, p->r->w,
				    l->text, (size_t)-1, fg, attr);
		}
		p->line++;
		p->end = p->line;
	}
	lesson_lines_free(&ls);
}

/* pane_wrapped() of a formatted text (lesson texts have no length limit). */
static void pane_fmt(struct pane *p, int indent1, int indent2, int fg,
    int attr, const char *fmt, ...) PRINTF_LIKE(6, 7);

static void
pane_fmt(struct pane *p, int indent1, int indent2, int fg, int attr,
    const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	pane_wrapped(p, text, indent1, indent2, fg, attr);
	free(text);
}

/*
 * A checkpoint as a result for the student: passed, its @pass text then
 * the numbers; failed (or not measurable), that the result differs from
 * what the lesson expects, the numbers, the @fail text and the key that
 * runs the page again from a clean state.  Nothing before it ran.
 */
static void
check_draw(struct tui *t, struct pane *p, const struct lesson_state *st)
{
	const char *m = st->message, *nl, *arrow, *txt = st->text;
	char prefix[64];
	char *nums;
	size_t n;

	if (m == NULL)
		return;
	/* the numbers: the message's first line without "Check: " and
	 * " -> passed" (the assertion form --batch prints) */
	nl = strchr(m, '\n');
	n = nl != NULL ? (size_t)(nl - m) : strlen(m);
	snprintf(prefix, sizeof(prefix), "%s: ",
	    lesson_word(t->lesson, LW_CHECK));
	if (strncmp(m, prefix, strlen(prefix)) == 0 &&
	    strlen(prefix) <= n) {
		m += strlen(prefix);
		n -= strlen(prefix);
	}
	nums = xstrndup(m, n);
	if ((arrow = strstr(nums, " -> ")) != NULL)
		nums[arrow - nums] = '\0';
	if (txt == NULL && nl != NULL)
		txt = nl + 1;	/* the author's text, as --batch has it */
	if (st->result == 1) {
		pane_fmt(p, 0, 2, GRID_GOOD, GRID_BOLD, "%s%s",
		    tui_term.ascii ? "" : "\xe2\x9c\x93 ",
		    txt != NULL ? txt : lesson_word(t->lesson, LW_PASSED));
		pane_fmt(p, 2, 2, GRID_LABEL, 0, "(%s)", nums);
	} else {
		pane_fmt(p, 0, 0, GRID_BAD, GRID_BOLD, "%s",
		    _("The result differs from what the lesson expects:"));
		pane_fmt(p, 2, 2, GRID_BAD, 0, "%s", nums);
		if (txt != NULL)
			pane_wrapped(p, txt, 0, 0, GRID_DEFAULT, 0);
		pane_fmt(p, 0, 0, GRID_WARN, 0, "%s",
		    _("Press r to run this page again from a clean state."));
	}
	free(nums);
}

static void
lesson_block_draw(struct tui *t, struct pane *p, int i)
{
	const struct lesson_page *pg = &t->lesson->pages[t->run->page];
	const struct lesson_block *b = &pg->blocks[i];
	const struct lesson_block *next = i + 1 < pg->nblocks ?
	    &pg->blocks[i + 1] : NULL;
	const struct lesson_state *st = &t->run->st[i];
	const struct lesson *l = t->lesson;
	char buf[512];
	int k;

	switch (b->kind) {
	case LB_TEXT:
		if (b->bullet) {
			pane_fmt(p, 0, 2, GRID_DEFAULT, 0, "- %s", b->text);
			if (next != NULL && next->kind == LB_TEXT &&
			    next->bullet)
				return;	/* a list: no gap between items */
		} else {
			pane_wrapped(p, b->text, 0, 0, GRID_DEFAULT, 0);
		}
		break;
	case LB_CMD:
		pane_fmt(p, 0, 2, GRID_SERIES2, GRID_BOLD, "%s%s", PROMPT,
		    b->text);
		if (next != NULL && next->kind == LB_CMD)
			return;
		break;
	case LB_QUIZ:
	case LB_PREDICT:
		pane_fmt(p, 0, 0, GRID_TITLE, GRID_BOLD, "%s: %s",
		    lesson_word(l, b->kind == LB_QUIZ ? LW_QUIZ : LW_PREDICT),
		    b->text);
		for (k = 0; k < b->nchoices; k++) {
			int chosen = st->answer == k;
			/* after a wrong answer the right one stands out */
			int right = st->answer >= 0 && !st->correct &&
			    k == b->answer;

			pane_fmt(p, 2, 5, chosen ? GRID_HILITE : right ?
			    GRID_GOOD : GRID_DEFAULT, chosen ? GRID_REVERSE :
			    right ? GRID_BOLD : 0, "%s) %s",
			    b->choices[k].key, b->choices[k].text);
		}
		if (st->answer >= 0) {
			/* the explanation as of the answer */
			const char *e = st->text;

			if (i == t->show_block)
				t->show_fb = p->line;
			if (st->correct)
				pane_fmt(p, 0, 0, GRID_GOOD, GRID_BOLD,
				    "%s %s", lesson_word(l, LW_RIGHT),
				    e != NULL ? e : "");
			else	/* say which answer is right, not only why */
				pane_fmt(p, 0, 0, GRID_BAD, GRID_BOLD,
				    "%s %s: %s. %s", lesson_word(l, LW_WRONG),
				    lesson_word(l, LW_ANSWER),
				    b->choices[b->answer].key,
				    e != NULL ? e : "");
		} else {
			struct strbuf keys;

			strbuf_init(&keys);
			for (k = 0; k < b->nchoices; k++)
				strbuf_addf(&keys, "%s%s", k ? "/" : "",
				    b->choices[k].key);
			strbuf_addf(&keys, ", 1-%d", b->nchoices);
			utf8_snprintf(buf, sizeof(buf), _("answer with %s"),
			    keys.s);
			strbuf_done(&keys);
			pane_line(p, buf, GRID_LABEL, GRID_DIM);
		}
		break;
	case LB_CHECK:
		check_draw(t, p, st);
		break;
	case LB_TRY:
		pane_fmt(p, 0, 0, GRID_TITLE, GRID_BOLD, "%s: %s",
		    lesson_word(l, LW_TRY), b->text);
		if (b->suggest != NULL)
			pane_fmt(p, 2, 4, GRID_SERIES2, 0, "%s: %s",
			    lesson_word(l, LW_SUGGEST), b->suggest);
		for (k = 0; k < st->hints && k < b->nhints; k++)
			pane_fmt(p, 2, 4, GRID_LABEL, 0, "%s %d: %s",
			    lesson_word(l, LW_HINT), k + 1, b->hints[k]);
		if (st->met) {
			/* the learner did it: say so, and the answer */
			pane_fmt(p, 0, 2, GRID_GOOD, GRID_BOLD, "%s%s",
			    tui_term.ascii ? "" : "\xe2\x9c\x93 ",
			    _("Done - your commands did it."));
			if (st->text != NULL)
				pane_wrapped(p, st->text, 2, 2, GRID_GOOD, 0);
		}
		if ((st->met || st->hints > b->nhints) && b->solution != NULL)
			pane_fmt(p, 2, 4, GRID_SERIES2, GRID_BOLD, "%s: %s",
			    lesson_word(l, LW_SOLUTION), b->solution);
		break;
	case LB_REMEMBER:
		return;		/* nothing to show */
	}
	pane_line(p, "", GRID_DEFAULT, 0);	/* paragraph gap */
}

static void
lesson_pane_draw(struct tui *t, const struct tui_rect *r, int draw)
{
	struct pane p = { r, 0, 0, draw, 0 };
	const struct lesson_page *pg;
	int i, wait;

	if (t->run == NULL) {
		pane_wrapped(&p, _("**Free lab** - type commands without a "
		    "lesson, e.g. `data moons`, `net 2-16-16-1`, `train 50`, "
		    "`set lambda 0.1`. `help` lists the commands; m opens the "
		    "lesson menu."), 0, 0, GRID_DEFAULT, 0);
		t->lesson_total = p.end;
		return;
	}
	pg = &t->lesson->pages[t->run->page];
	p.skip = t->lesson_scroll;
	pane_fmt(&p, 0, 0, GRID_TITLE, GRID_BOLD, "%d/%d  %s",
	    t->run->page + 1, t->lesson->npages,
	    pg->title != NULL ? pg->title : "");
	pane_line(&p, "", GRID_DEFAULT, 0);
	wait = lesson_waiting(t->run);
	for (i = 0; i < pg->nblocks && t->run->st != NULL; i++) {
		if (i >= t->run->next && i != wait)
			break;
		if (i == t->show_block)
			t->show_top = p.line;
		lesson_block_draw(t, &p, i);
		if (i == t->show_block)
			t->show_end = p.line;
		if (i == t->show_after && i != t->show_block)
			t->after_end = p.line;
	}
	t->lesson_total = p.end;	/* the last paragraph gap is no text */
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
	utf8_snprintf(buf, sizeof(buf), last < t->lesson_total ?
	    _(TUI_MORE_BELOW) : _(TUI_MORE_ABOVE), a, b, c);
	mvhline(y, r->x, ' ', r->w);
	tui_put_text(y, r->x, r->w, buf, (size_t)-1, GRID_MARKER,
	    GRID_REVERSE);
}

void
view_lesson_draw(struct tui *t)
{
	const struct tui_layout *l = &t->lay;
	struct tui_rect lr = l->lesson;
	int more;

	/*
	 * The lesson pane: measure, clamp the scroll, draw.  A page
	 * longer than the pane gives up its last row to a line
	 * saying how to scroll, so no text is ever covered.
	 */
	t->show_top = t->show_end = t->after_end = t->show_fb = -1;
	lesson_pane_draw(t, &lr, 0);
	more = t->lesson_total > lr.h && lr.h >= 3;
	if (more)
		lr.h--;
	t->lesson_view = lr.h;
	if (t->show_block >= 0 && t->show_top >= 0) {
		/* Bring the block in view, its start first (an
		 * answered quiz: its feedback), then as much of the
		 * block after it as fits. */
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
	lesson_pane_draw(t, &lr, 1);
	if (more)
		scroll_note_draw(t, &l->lesson);
}
