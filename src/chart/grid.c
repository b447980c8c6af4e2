/*
 * grid.c - the cell grid and its plain-text back-end.
 *
 * Charts write code points and styles into cells; this file keeps wide
 * characters consistent (a wide code point always owns the cell to its right,
 * marked GRID_CONT) and turns a grid into UTF-8 lines of equal display width,
 * with ANSI SGR sequences only when a colour tier is asked for.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"
#include "chart/grid.h"

static const struct grid_cell blank_cell = { ' ', 0, 0, 0, 0 };

void
grid_init(struct grid *g, int w, int h)
{
	g->w = g->h = g->cap = 0;
	g->ascii = 0;
	g->cells = NULL;
	grid_resize(g, w, h);
}

void
grid_done(struct grid *g)
{
	if (g == NULL)
		return;
	free(g->cells);
	g->cells = NULL;
	g->w = g->h = g->cap = 0;
}

void
grid_resize(struct grid *g, int w, int h)
{
	size_t need;

	if (w < 0)
		w = 0;
	if (h < 0)
		h = 0;
	need = (size_t)w * (size_t)h;
	if (need > (size_t)g->cap || g->cells == NULL) {
		if (need == 0)
			need = 1;
		g->cells = xreallocarray(g->cells, need, sizeof *g->cells);
		g->cap = (int)need;
	}
	g->w = w;
	g->h = h;
	grid_clear(g);
}

void
grid_clear(struct grid *g)
{
	int i, n = g->w * g->h;

	for (i = 0; i < n; i++)
		g->cells[i] = blank_cell;
}

struct grid_cell *
grid_at(struct grid *g, int x, int y)
{
	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return NULL;
	return &g->cells[y * g->w + x];
}

const struct grid_cell *
grid_cat(const struct grid *g, int x, int y)
{
	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return NULL;
	return &g->cells[y * g->w + x];
}

/* Blanks the other half of a wide character that x,y is part of. */
static void
unsplit(struct grid *g, int x, int y)
{
	struct grid_cell *c = grid_at(g, x, y), *o;

	if (c == NULL)
		return;
	if (c->flags & GRID_CONT) {
		o = grid_at(g, x - 1, y);
		if (o != NULL) {
			o->cp = ' ';
			o->flags = 0;
		}
		c->cp = ' ';
		c->flags = 0;
	} else if ((o = grid_at(g, x + 1, y)) != NULL &&
	    (o->flags & GRID_CONT)) {
		o->cp = ' ';
		o->flags = 0;
	}
}

uint32_t
grid_ascii_cp(uint32_t cp)
{
	const char *a = cp_ascii(cp);

	if (cp < 0x80)
		return cp;
	if (a != NULL && a[0] != '\0' && a[1] == '\0')
		return (uint32_t)(unsigned char)a[0];
	/* box drawing, blocks, shapes, symbols, dingbats, braille, arrows */
	if (cp >= 0x2500 && cp < 0x2C00)
		return '?';
	return cp;
}

int
grid_put(struct grid *g, int x, int y, uint32_t cp, int fg, int bg, int attr)
{
	struct grid_cell *c = grid_at(g, x, y), *r;
	int w;

	if (c == NULL)
		return 0;
	w = cp_width(cp);
	if (w == 0)
		cp = '?', w = 1;
	if (w == 2 && x + 1 >= g->w)
		cp = ' ', w = 1;
	if (g->ascii && grid_ascii_cp(cp) != cp) {
		/* a drawing glyph: its one-column spelling, else '?' */
		grid_put(g, x, y, grid_ascii_cp(cp), fg, bg, attr);
		if (w == 2)
			grid_put(g, x + 1, y, '?', fg, bg, attr);
		return w;
	}
	unsplit(g, x, y);
	if (w == 2)
		unsplit(g, x + 1, y);
	c->cp = cp;
	c->fg = (uint8_t)fg;
	c->bg = (uint8_t)bg;
	c->attr = (uint8_t)attr;
	c->flags = 0;
	if (w == 2) {
		r = c + 1;
		r->cp = 0;
		r->fg = (uint8_t)fg;
		r->bg = (uint8_t)bg;
		r->attr = (uint8_t)attr;
		r->flags = GRID_CONT;
	}
	return w;
}

int
grid_text(struct grid *g, int x, int y, int maxw, const char *s, int fg,
    int attr)
{
	size_t i = 0, n;
	int col = 0, cw, limit;
	uint32_t cp;
	struct grid_cell *c;

	if (s == NULL || y < 0 || y >= g->h)
		return 0;
	limit = g->w - x;
	if (maxw >= 0 && maxw < limit)
		limit = maxw;
	n = strlen(s);
	while (i < n && col < limit) {
		i += utf8_decode(s + i, n - i, &cp);
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			cp = '?';
		cw = cp_width(cp);
		if (cw == 0)
			continue;	/* combining marks cannot have a cell */
		if (col + cw > limit)
			break;
		if (x + col >= 0) {
			c = grid_at(g, x + col, y);
			grid_put(g, x + col, y, cp, fg, c ? c->bg : 0, attr);
		}
		col += cw;
	}
	return col;
}

/*
 * s fitted into maxw columns at a word: s itself when it fits, else its
 * longest prefix that ends before a space and fits with "..." after it
 * (newly allocated into *mem), else NULL (not even one word fits).
 */
static const char *
fit_words(const char *s, int maxw, char **mem)
{
	size_t i, best = 0;

	*mem = NULL;
	if (utf8_width(s, (size_t)-1) <= maxw)
		return s;
	for (i = 1; s[i] != '\0'; i++)
		if (s[i] == ' ' && s[i - 1] != ' ' &&
		    utf8_width(s, i) + 3 <= maxw)
			best = i;
	if (best == 0)
		return NULL;
	*mem = xasprintf("%.*s...", (int)best, s);
	return *mem;
}

int
grid_text_words(struct grid *g, int x, int y, int maxw, const char *s,
    int fg, int attr)
{
	char *mem;
	int n = 0;

	if (s == NULL)
		return 0;
	if (maxw < 0 || maxw > g->w - x)
		maxw = g->w - x;
	s = fit_words(s, maxw, &mem);
	if (s != NULL)
		n = grid_text(g, x, y, maxw, s, fg, attr);
	free(mem);
	return n;
}

int
grid_text_center(struct grid *g, int x, int y, int maxw, const char *s,
    int fg, int attr)
{
	char *mem;
	int tw, n = 0;

	if (s == NULL)
		return 0;
	if (maxw > g->w - x)
		maxw = g->w - x;
	s = fit_words(s, maxw, &mem);
	if (s != NULL) {
		tw = utf8_width(s, (size_t)-1);
		n = grid_text(g, x + (maxw - tw) / 2, y, tw, s, fg, attr);
	}
	free(mem);
	return n;
}

void
grid_fill(struct grid *g, int x, int y, int w, int h, uint32_t cp, int fg,
    int bg, int attr)
{
	int i, j;

	for (j = y; j < y + h; j++)
		for (i = x; i < x + w; i++)
			if (grid_at(g, i, j) != NULL)
				grid_put(g, i, j, cp, fg, bg, attr);
}

void
grid_blit(struct grid *g, int x, int y, const struct grid *src)
{
	int i, j;
	const struct grid_cell *s;
	struct grid_cell *d;

	for (j = 0; j < src->h; j++)
		for (i = 0; i < src->w; i++) {
			s = &src->cells[j * src->w + i];
			if ((d = grid_at(g, x + i, y + j)) == NULL)
				continue;
			if (s->flags & GRID_CONT)
				continue;
			grid_put(g, x + i, y + j, s->cp ? s->cp : ' ', s->fg,
			    s->bg, s->attr);
		}
}

/* ------------------------------------------------------------ back-end */

static void
add_sgr(struct strbuf *b, const struct grid_cell *c, enum chart_colors colors)
{
	int fg = chart_role_color(c->fg, colors);
	int bg = chart_role_color(c->bg, colors);

	strbuf_adds(b, "\033[0");
	if (c->attr & GRID_BOLD)
		strbuf_adds(b, ";1");
	if (c->attr & GRID_DIM)
		strbuf_adds(b, ";2");
	if (c->attr & GRID_UNDERLINE)
		strbuf_adds(b, ";4");
	if (c->attr & GRID_REVERSE)
		strbuf_adds(b, ";7");
	if (fg >= 0) {
		if (colors == CHART_COLOR_256)
			strbuf_addf(b, ";38;5;%d", fg);
		else
			strbuf_addf(b, ";%d", 30 + fg);
	}
	if (bg >= 0) {
		if (colors == CHART_COLOR_256)
			strbuf_addf(b, ";48;5;%d", bg);
		else
			strbuf_addf(b, ";%d", 40 + bg);
	}
	strbuf_addch(b, 'm');
}

static int
same_style(const struct grid_cell *a, const struct grid_cell *b,
    enum chart_colors colors)
{
	return a->attr == b->attr &&
	    chart_role_color(a->fg, colors) == chart_role_color(b->fg, colors) &&
	    chart_role_color(a->bg, colors) == chart_role_color(b->bg, colors);
}

static int
plain_style(const struct grid_cell *c, enum chart_colors colors)
{
	return same_style(c, &blank_cell, colors);
}

void
grid_to_text(const struct grid *g, enum chart_colors colors,
    struct strbuf *out)
{
	const struct grid_cell *c, *cur;
	int x, y;

	for (y = 0; y < g->h; y++) {
		cur = &blank_cell;
		for (x = 0; x < g->w; x++) {
			c = &g->cells[y * g->w + x];
			if (c->flags & GRID_CONT)
				continue;
			if (colors != CHART_COLOR_NONE &&
			    !same_style(c, cur, colors)) {
				if (plain_style(c, colors))
					strbuf_adds(out, "\033[0m");
				else
					add_sgr(out, c, colors);
				cur = c;
			}
			strbuf_addcp(out, c->cp ? c->cp : ' ');
		}
		if (colors != CHART_COLOR_NONE && !plain_style(cur, colors))
			strbuf_adds(out, "\033[0m");
		strbuf_addch(out, '\n');
	}
}

char *
grid_to_string(const struct grid *g, enum chart_colors colors)
{
	struct strbuf b;

	strbuf_init(&b);
	grid_to_text(g, colors, &b);
	return strbuf_detach(&b);
}
