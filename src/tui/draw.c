#include "config.h"
/*
 * draw.c - the one place where cells become curses output: UTF-8 text with
 * styles, chart grids, rules.
 *
 * Columns are counted with util's cp_width() (the same table the charts
 * and the layout use), and every character is placed at an explicit
 * position, so one disagreement with the C library's wcwidth cannot shift
 * the rest of a line.  A 2-column character never goes into the last column
 * of its area.  --ascii (or a locale that is not UTF-8) draws frames and
 * charts with 7-bit characters only; text (a Korean lesson, what the
 * learner types) keeps its characters while the locale is UTF-8, and is
 * spelt in ASCII (util's table: "lambda", "sum", "^2"; '?' a column for
 * what it has no spelling for) only when the terminal cannot show it.
 */

#include <wchar.h>

#include "tui/tui-int.h"
#include "util/util.h"

static void
put_cp(int y, int x, uint32_t cp, attr_t a, short pair)
{
	cchar_t cc;
	wchar_t wc[2];

	wc[0] = (wchar_t)cp;
	wc[1] = L'\0';
	if (setcchar(&cc, wc, a, pair, NULL) == ERR) {
		wc[0] = L'?';
		setcchar(&cc, wc, a, pair, NULL);
	}
	mvadd_wch(y, x, &cc);
}

void
tui_clear_rect(const struct tui_rect *r)
{
	int y;

	for (y = r->y; y < r->y + r->h; y++)
		mvhline(y, r->x, ' ', r->w);
}

int
tui_put_text(int y, int x, int maxw, const char *s, size_t n, int fg,
    int attr)
{
	short pair;
	attr_t a = tui_style_attr(fg, GRID_DEFAULT, attr, &pair);
	int col = 0;
	size_t i = 0;

	while (i < n && s[i] != '\0') {
		uint32_t cp;
		int w;

		i += utf8_decode(s + i, n - i, &cp);
		w = tui_cp_cols(cp);
		if (w == 0)
			continue;	/* combining marks are dropped */
		if (col + w > maxw)
			break;
		if (cp < 0x20 || cp == 0x7f) {
			put_cp(y, x + col, '^', a, pair);
			put_cp(y, x + col + 1, cp == 0x7f ? '?' : cp + '@', a,
			    pair);
		} else if (cp >= 0x80 && !tui_term.utf8) {
			/* util's ASCII spelling ("lambda"), else '?' a column;
			 * w (tui_cp_cols) is its length */
			const char *sp = cp_ascii(cp);
			int k;

			for (k = 0; k < w; k++)
				put_cp(y, x + col + k, sp != NULL ?
				    (uint32_t)(unsigned char)sp[k] : '?', a,
				    pair);
		} else {
			put_cp(y, x + col, cp, a, pair);
		}
		col += w;
	}
	return col;
}

void
tui_put_grid(const struct tui_rect *r, const struct grid *g)
{
	int x, y;

	for (y = 0; y < g->h && y < r->h; y++) {
		for (x = 0; x < g->w && x < r->w; x++) {
			const struct grid_cell *c = grid_cat(g, x, y);
			uint32_t cp;
			short pair;
			attr_t a;

			if (c == NULL || (c->flags & GRID_CONT))
				continue;
			cp = c->cp;
			a = tui_style_attr(c->fg, c->bg, c->attr, &pair);
			if (cp == 0 || cp < 0x20 || cp == 0x7f)
				cp = ' ';
			if (cp >= 0x80 && !tui_term.utf8)
				cp = cp_ascii1(cp);	/* '-' for a rule */
			else if (tui_term.ascii && grid_ascii_cp(cp) != cp)
				cp = grid_ascii_cp(cp);	/* --ascii: glyphs */
			else if (cp_width(cp) == 2 && x + 1 >= r->w)
				cp = ' ';	/* half a character: clipped */
			put_cp(r->y + y, r->x + x, cp, a, pair);
		}
	}
}

void
tui_put_hrule(const struct tui_rect *r, const char *label)
{
	short pair;
	attr_t a = tui_style_attr(GRID_AXIS, GRID_DEFAULT, GRID_DIM, &pair);
	int x;

	for (x = 0; x < r->w; x++) {
		if (tui_term.ascii)
			put_cp(r->y, r->x + x, '-', a, pair);
		else
			mvadd_wch(r->y, r->x + x, WACS_HLINE);
	}
	if (label != NULL && r->w > 6)
		tui_put_text(r->y, r->x + 2, r->w - 4, label, (size_t)-1,
		    GRID_LABEL, 0);
}

void
tui_put_vrule(const struct tui_rect *r)
{
	short pair;
	attr_t a = tui_style_attr(GRID_AXIS, GRID_DEFAULT, GRID_DIM, &pair);
	int y;

	for (y = 0; y < r->h; y++) {
		if (tui_term.ascii)
			put_cp(r->y + y, r->x, '|', a, pair);
		else
			mvadd_wch(r->y + y, r->x, WACS_VLINE);
	}
}

void
tui_put_box(const struct tui_rect *r, const char *title)
{
	/* the rules' style: box drawing, 7-bit with --ascii */
	static const char *const uni[6] = { "\u250c", "\u2510", "\u2514",
	    "\u2518", "\u2500", "\u2502" };
	static const char *const asc[6] = { "+", "+", "+", "+", "-", "|" };
	const char *const *b = tui_term.ascii ? asc : uni;
	int i;

	if (r->w < 2 || r->h < 2)
		return;
	for (i = 1; i < r->w - 1; i++) {
		tui_put_text(r->y, r->x + i, 1, b[4], (size_t)-1, GRID_AXIS, 0);
		tui_put_text(r->y + r->h - 1, r->x + i, 1, b[4], (size_t)-1,
		    GRID_AXIS, 0);
	}
	for (i = 1; i < r->h - 1; i++) {
		tui_put_text(r->y + i, r->x, 1, b[5], (size_t)-1, GRID_AXIS, 0);
		tui_put_text(r->y + i, r->x + r->w - 1, 1, b[5], (size_t)-1,
		    GRID_AXIS, 0);
	}
	tui_put_text(r->y, r->x, 1, b[0], (size_t)-1, GRID_AXIS, 0);
	tui_put_text(r->y, r->x + r->w - 1, 1, b[1], (size_t)-1, GRID_AXIS, 0);
	tui_put_text(r->y + r->h - 1, r->x, 1, b[2], (size_t)-1, GRID_AXIS, 0);
	tui_put_text(r->y + r->h - 1, r->x + r->w - 1, 1, b[3], (size_t)-1,
	    GRID_AXIS, 0);
	if (title != NULL && r->w > 6)
		tui_put_text(r->y, r->x + 2, r->w - 4, title, (size_t)-1,
		    GRID_TITLE, GRID_BOLD);
}
