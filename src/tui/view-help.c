#include "config.h"
/*
 * view-help.c - what covers the screen instead of its views: the help
 * overlay (a box with the keys of the screen it was asked on, menu or
 * lesson), the overlay of a long output (help, show params: more than the
 * output area holds, scrollable) and, when the terminal is smaller than
 * the layout needs, the notice saying the size needed.
 */

#include <stdio.h>

#include "tui/hints.h"
#include "tui/shell.h"
#include "tui/tui-int.h"
#include "util/i18n.h"
#include "util/util.h"

/* The key lines of the screen the overlay was asked on (menu or lesson),
 * their count in *n, and the box: as many rows as fit the terminal. */
static const char *const *
help_box(const struct tui *t, int *n, struct tui_rect *box)
{
	const char *const *lines = t->screen == SCR_MENU ? tui_help_menu :
	    tui_help_lesson;
	int w = 60, h;

	for (*n = 0; lines[*n] != NULL; (*n)++)
		;
	h = *n + 4;
	if (w > COLS - 2)
		w = COLS - 2;
	if (h > LINES - 2)
		h = LINES - 2;
	box->x = (COLS - w) / 2;
	box->y = (LINES - h) / 2;
	box->w = w;
	box->h = h;
	return lines;
}

/* Key lines the box shows at once. */
static int
help_rows(const struct tui_rect *box)
{
	return box->h - 4 > 0 ? box->h - 4 : 0;
}

/* The first key line shown: as far as n lines in rows allow. */
static void
help_clamp(struct tui *t, int n, int rows)
{
	if (t->help_scroll > n - rows)
		t->help_scroll = n - rows;
	if (t->help_scroll < 0)
		t->help_scroll = 0;
}

void
view_help_draw(struct tui *t)
{
	struct tui_rect box;
	int n, i, rows, top;
	const char *const *lines = help_box(t, &n, &box);
	char more[128], a[16], b[16], c[16];

	rows = help_rows(&box);
	help_clamp(t, n, rows);
	top = t->help_scroll;
	tui_clear_rect(&box);
	tui_put_box(&box, _("Keys"));
	for (i = 0; i < rows && top + i < n; i++)
		tui_put_text(box.y + 1 + i, box.x + 2, box.w - 4,
		    _(lines[top + i]), (size_t)-1, GRID_DEFAULT, 0);
	if (rows >= n) {
		tui_put_text(box.y + box.h - 2, box.x + 2, box.w - 4,
		    _("press any key"), (size_t)-1, GRID_LABEL, GRID_DIM);
		return;
	}
	/* a short terminal: the rest is a scroll away, and says so */
	snprintf(a, sizeof(a), "%d", top + 1);
	snprintf(b, sizeof(b), "%d", top + rows);
	snprintf(c, sizeof(c), "%d", n);
	utf8_snprintf(more, sizeof(more),
	    _("j/k scroll, any other key closes  %s-%s/%s"), a, b, c);
	tui_put_text(box.y + box.h - 2, box.x + 2, box.w - 4, more,
	    (size_t)-1, GRID_LABEL, GRID_DIM);
}

/*
 * A key while the help overlay is shown: on a terminal too short for all
 * its lines, j/k, the arrows, Space and the page keys scroll them; any
 * other key closes it.  Returns 1 when the key scrolled.
 */
int
view_help_key(struct tui *t, int c)
{
	struct tui_rect box;
	int n, rows, d;

	help_box(t, &n, &box);
	rows = help_rows(&box);
	if (rows >= n)
		return 0;
	if (c == 'j' || c == KEY_DOWN)
		d = 1;
	else if (c == 'k' || c == KEY_UP)
		d = -1;
	else if (c == ' ' || c == KEY_NPAGE)
		d = rows > 1 ? rows - 1 : 1;
	else if (c == KEY_PPAGE)
		d = -(rows > 1 ? rows - 1 : 1);
	else
		return 0;
	t->help_scroll += d;
	help_clamp(t, n, rows);
	t->dirty = 1;
	return 1;
}

void
view_too_small_draw(struct tui *t)
{
	char w[16], h[16], buf[128];
	int cols;

	snprintf(w, sizeof(w), "%d", t->lay.need_w);
	snprintf(h, sizeof(h), "%d", t->lay.need_h);
	utf8_snprintf(buf, sizeof(buf), _(TUI_TOO_SMALL), w,
	    tui_term.ascii ? "x" : "\xc3\x97", h);
	cols = utf8_width(buf, (size_t)-1);
	if (cols > COLS) {
		/* Even the notice does not fit: wrap it. */
		struct tui_rect r = { 0, 0, COLS, LINES };
		struct view_plain p = { &r, LINES / 2 - 1, GRID_WARN,
		    GRID_BOLD };

		tui_wrap(buf, COLS, view_plain_line, &p);
		return;
	}
	tui_put_text(LINES / 2, (COLS - cols) / 2, COLS, buf, (size_t)-1,
	    GRID_WARN, GRID_BOLD);
}

int
view_pager_draw(struct tui *t)
{
	struct tui_rect box = { 1, 1, COLS - 2, LINES - 2 }, in;
	struct view_plain p;
	int total, rows;

	if (box.w < 10 || box.h < 4)
		return 1;
	in.x = box.x + 2;
	in.y = box.y + 1;
	in.w = box.w - 4;
	in.h = box.h - 3;	/* the bottom row: the keys */
	rows = in.h;
	total = tui_wrap(t->pager, in.w, NULL, NULL);
	if (t->pager_scroll > total - rows)
		t->pager_scroll = total - rows;
	if (t->pager_scroll < 0)
		t->pager_scroll = 0;
	tui_clear_rect(&box);
	tui_put_box(&box, _("output"));
	p.r = &in;
	p.row = -t->pager_scroll;
	p.fg = GRID_DEFAULT;
	p.attr = 0;
	tui_wrap(t->pager, in.w, view_plain_line, &p);
	tui_put_text(box.y + box.h - 2, in.x, in.w,
	    _("j k Space PgUp PgDn scroll, q Esc Enter close"), (size_t)-1, GRID_LABEL, GRID_DIM);
	return rows;
}
