#include "config.h"
/*
 * view-menu.c - the lesson menu screen: the lessons of the current
 * language with their numbers (as regtutor --list and "regtutor N" use
 * them) and how many of their pages the learner has seen (the lesson in
 * progress: the page it continues at), then the free lab; the selected
 * row in reverse, scrolled to stay in view.
 */

#include <stdio.h>

#include "lesson/lesson-cli.h"
#include "lesson/progress.h"
#include "tui/shell.h"
#include "tui/tui-int.h"
#include "util/i18n.h"
#include "util/util.h"

void
view_menu_draw(struct tui *t)
{
	int i, y = 3, rows = LINES - 5, first = 0;
	char buf[256], n1[16], n2[16];

	tui_put_text(1, 2, COLS - 4, _("regtutor - lessons"),
	    (size_t)-1, GRID_TITLE, GRID_BOLD);
	snprintf(buf, sizeof(buf), "[%s]", tui_lang_code(t));
	tui_put_text(1, COLS - 6, 5, buf, (size_t)-1, GRID_LABEL, 0);
	if (t->sel >= rows)
		first = t->sel - rows + 1;
	for (i = first; i < t->nitems && y < LINES - 2; i++, y++) {
		const struct menu_item *m = &t->items[i];
		int sel = i == t->sel, x;

		if (sel)
			attrset(A_REVERSE);
		mvhline(y, 2, ' ', COLS - 4);
		attrset(A_NORMAL);
		x = 3;
		/* The numbers of regtutor --list and "regtutor N". */
		if (m->path != NULL && m->number >= 0)
			snprintf(buf, sizeof(buf), "%2d  %s", m->number,
			    m->title);
		else
			snprintf(buf, sizeof(buf), "    %s", m->title);
		x += tui_put_text(y, x, COLS - 24, buf, (size_t)-1,
		    sel ? GRID_DEFAULT : GRID_DEFAULT,
		    sel ? GRID_REVERSE | GRID_BOLD : 0);
		if (m->path != NULL && COLS > 40 && i == t->cont_item) {
			/* the lesson in progress: where Enter continues */
			snprintf(n1, sizeof(n1), "%d",
			    progress_at(t->prog, m->name) + 1);
			snprintf(n2, sizeof(n2), "%d", m->npages);
			utf8_snprintf(buf, sizeof(buf), _("continue %s/%s"), n1,
			    n2);
			tui_put_text(y, COLS - 18, 15, buf, (size_t)-1,
			    GRID_GOOD, sel ? GRID_REVERSE | GRID_BOLD :
			    GRID_BOLD);
		} else if (m->path != NULL && COLS > 40) {
			snprintf(n1, sizeof(n1), "%d", t->prog != NULL ?
			    progress_pages_seen(t->prog, m->name) : 0);
			snprintf(n2, sizeof(n2), "%d", m->npages);
			utf8_snprintf(buf, sizeof(buf), _("%s/%s pages"), n1, n2);
			tui_put_text(y, COLS - 18, 15, buf, (size_t)-1,
			    GRID_LABEL, sel ? GRID_REVERSE : 0);
		}
	}
	if (t->nitems <= 1 && y + 1 < LINES - 2) {
		/* where the lessons were looked for, and how to fix it */
		struct tui_rect r = { 4, y + 1, COLS - 6, LINES - 3 - y - 1 };
		struct view_plain p = { &r, 0, GRID_WARN, 0 };
		struct strbuf help;

		strbuf_init(&help);
		lesson_dir_help(tui_lang_code(t), &help);
		if (help.s[0] == 'n')	/* "No lessons found (looked in ..." */
			help.s[0] = 'N';
		tui_wrap(help.s, r.w > 0 ? r.w : 1, view_plain_line, &p);
		strbuf_done(&help);
	}
	if (t->note[0] != '\0') {
		/* the note wraps upwards from above the keys, below the list */
		int n = tui_wrap(t->note, COLS - 2 > 0 ? COLS - 2 : 1, NULL,
		    NULL);
		struct tui_rect r = { 1, LINES - 1 - n, COLS - 2, n };
		struct view_plain p = { &r, 0, GRID_WARN, GRID_BOLD };

		if (r.y <= y) {		/* no room: its last rows */
			int skip = y + 1 - r.y;

			r.y += skip;
			r.h -= skip;
			p.row = -skip;
		}
		if (r.h > 0)
			tui_wrap(t->note, r.w, view_plain_line, &p);
	}
	tui_put_text(LINES - 1, 1, COLS - 2, _("Up/Down or number choose  Enter open  l language  ? help  q quit"),
	    (size_t)-1, GRID_LABEL, GRID_DIM);
}
