#include "config.h"
/*
 * view-output.c - the output area under the lesson pane: what the command
 * lines and the lesson's steps printed, newest at the bottom, wrapped to
 * the area, styled by kind (echo, info, warning, error, chart).
 *
 * Scrolled back (t->out_scroll), the area's last row says how many lines
 * are newer and how to come back; when older lines are hidden above, the
 * rule over the area says so (t->out_older).  The plain-text line drawer
 * here is also the too-small notice's.
 */

#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmd.h"
#include "tui/shell.h"
#include "tui/tui-int.h"
#include "util/i18n.h"
#include "util/util.h"

void
view_plain_line(void *ctx, const char *line, size_t len)
{
	struct view_plain *p = ctx;

	if (p->row >= 0 && p->row < p->r->h)
		tui_put_text(p->r->y + p->row, p->r->x, p->r->w, line, len,
		    p->fg, p->attr);
	p->row++;
}

char *
view_out_text(const struct outline *o)
{
	if (o->kind == TR_ECHO)
		return xasprintf("%s%s", PROMPT, o->text);
	if (o->kind == TR_ERROR)
		return xasprintf("%s: %s", _("error"), o->text);
	return xstrdup(o->text);
}

void
view_output_draw(struct tui *t, const struct tui_rect *area)
{
	/* From the newest line backwards until the area is full; scrolled
	 * back, the last row says so and how to come back. */
	struct tui_rect rr = *area, *r = &rr;
	int bottom, top_line;
	size_t i = t->nout;

	if (t->out_scroll > 0 && r->h >= 3) {
		int y = r->y + r->h - 1;
		char n[16], buf[160];

		r->h--;
		snprintf(n, sizeof(n), "%d", t->out_scroll);
		utf8_snprintf(buf, sizeof(buf), _("-- %s newer lines below: ] or PgDn --"), n);
		mvhline(y, r->x, ' ', r->w);
		tui_put_text(y, r->x, r->w, buf, (size_t)-1, GRID_MARKER,
		    GRID_REVERSE);
	}
	bottom = r->h + t->out_scroll;	/* row after the last line */
	top_line = bottom;

	while (i > 0 && bottom > 0) {
		const struct outline *o = &t->out[--i];
		struct view_plain p = { r, 0, GRID_DEFAULT, 0 };
		char *text = view_out_text(o);

		switch (o->kind) {
		case TR_ECHO:
			p.attr = GRID_BOLD;
			break;
		case TR_INFO:
			p.fg = GRID_LABEL;
			p.attr = GRID_DIM;
			break;
		case TR_WARNING:
			p.fg = GRID_WARN;
			p.attr = GRID_BOLD;
			break;
		case TR_ERROR:
			p.fg = GRID_BAD;
			p.attr = GRID_BOLD;
			break;
		case TR_CHART:
			p.fg = GRID_TITLE;
			break;
		case TR_OUTPUT:
			break;
		}
		bottom -= tui_wrap(text, r->w, NULL, NULL);
		p.row = bottom;
		tui_wrap(text, r->w, view_plain_line, &p);
		free(text);
		top_line = bottom;
	}
	/* Older lines above the area: the rule above it says so. */
	t->out_older = i > 0 || top_line < 0;
}
