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

void
view_help_draw(struct tui *t)
{
	/* The keys of the screen it was asked on. */
	const char *const *lines = t->screen == SCR_MENU ? tui_help_menu :
	    tui_help_lesson;
	int w = 60, h, n = 0, x, y, i;
	struct tui_rect box;

	while (lines[n] != NULL)
		n++;
	h = n + 4;
	if (w > COLS - 2)
		w = COLS - 2;
	if (h > LINES - 2)
		h = LINES - 2;
	x = (COLS - w) / 2;
	y = (LINES - h) / 2;
	box.x = x;
	box.y = y;
	box.w = w;
	box.h = h;
	tui_clear_rect(&box);
	tui_put_box(&box, _("Keys"));
	for (i = 0; i < n && i + 2 < h - 1; i++)
		tui_put_text(y + 1 + i, x + 2, w - 4, _(lines[i]), (size_t)-1,
		    GRID_DEFAULT, 0);
	tui_put_text(y + h - 2, x + 2, w - 4, _("press any key"),
	    (size_t)-1, GRID_LABEL, GRID_DIM);
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
