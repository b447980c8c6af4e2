/*
 * canvas.c - sub-cell pixels: braille and quadrant packing, lines, pens.
 *
 * The grid cell itself stores the pixels: a braille cell's code point is
 * U+2800 | dots, a quadrant cell's is looked up from its 4-bit mask, an
 * ASCII cell holds its series' mark.  A cell belongs to the highest-priority
 * pen that drew in it; a higher pen clears the lower pen's dots first.
 *
 * Thick strokes (chart_opts.thick, for a projector): the canvas is in
 * quadrants and a series pen fills the whole cell of each pixel of its
 * path, with a glyph of its own (a solid block, then shades): a stroke is
 * one cell thick, never thinner, and a noisy curve stays a line instead
 * of a wall of blocks; series differ by glyph as well as colour, so a
 * thick stroke needs no dashes (it is solid).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/util.h"
#include "chart/chart-int.h"

/* The glyph of a thick pen's cells, by series: a whole cell each. */
static const uint32_t thick_cps[CHART_MAX_SERIES] = {
	0x2588, 0x2592, 0x2593, 0x2591, 0x2588, 0x2592
};

/* Braille dot bits by (px, py): columns 0..1, rows 0..3 top to bottom. */
static const unsigned char braille_bits[4][2] = {
	{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
};

/* UL=1 UR=2 LL=4 LR=8. */
static const uint32_t quadrant_cps[16] = {
	' ', 0x2598, 0x259D, 0x2580, 0x2596, 0x258C, 0x259E, 0x259B,
	0x2597, 0x259A, 0x2590, 0x259C, 0x2584, 0x2599, 0x259F, 0x2588
};

unsigned
chart_braille_bit(int px, int py)
{
	if (px < 0 || px > 1 || py < 0 || py > 3)
		return 0;
	return braille_bits[py][px];
}

unsigned
chart_braille_cp(unsigned mask)
{
	mask &= 0xff;
	return mask ? 0x2800 | mask : ' ';
}

unsigned
chart_quadrant_bit(int px, int py)
{
	if (px < 0 || px > 1 || py < 0 || py > 1)
		return 0;
	return 1u << (py * 2 + px);
}

unsigned
chart_quadrant_cp(unsigned mask)
{
	return quadrant_cps[mask & 15];
}

static unsigned
quadrant_mask(uint32_t cp)
{
	unsigned i;

	for (i = 1; i < 16; i++)
		if (quadrant_cps[i] == cp)
			return i;
	return 0;
}

int
role_prio(int role)
{
	switch (role) {
	case GRID_DEFAULT:
		return 0;
	case GRID_AXIS:
		return 1;
	case GRID_WARN:
		return 2;
	case GRID_MARKER:
		return 3;
	case GRID_LABEL:
		return 4;
	default:
		if (role >= GRID_SERIES1 && role <= GRID_SERIES6)
			return 10 + role;
		return 5;
	}
}

void
canvas_init(struct canvas *c, struct grid *g, int x, int y, int cw, int ch,
    enum chart_glyphs glyphs)
{
	c->g = g;
	c->x = x;
	c->y = y;
	c->cw = cw > 0 ? cw : 0;
	c->ch = ch > 0 ? ch : 0;
	c->glyphs = glyphs;
	c->thick = 0;
	switch (glyphs) {
	case CHART_GLYPH_BRAILLE:
		c->sx = 2, c->sy = 4;
		break;
	case CHART_GLYPH_QUADRANT:
		c->sx = 2, c->sy = 2;
		break;
	case CHART_GLYPH_ASCII:
	default:
		c->sx = 1, c->sy = 1;
		break;
	}
	c->pw = c->cw * c->sx;
	c->ph = c->ch * c->sy;
}

void
canvas_init_chart(struct canvas *c, struct grid *g, int x, int y, int cw,
    int ch, const struct chart_opts *o)
{
	enum chart_glyphs gl = o->tiers.glyphs;

	if (o->thick && gl == CHART_GLYPH_BRAILLE)
		gl = CHART_GLYPH_QUADRANT;
	canvas_init(c, g, x, y, cw, ch, gl);
	c->thick = o->thick != 0;
}

int
canvas_thick_pen(const struct canvas *c, const struct pen *p)
{
	return c->thick && p->role >= GRID_SERIES1 &&
	    p->role <= GRID_SERIES6;
}

void
canvas_set(struct canvas *c, int px, int py, struct pen *p)
{
	struct grid_cell *cell;
	unsigned mask = 0;
	int cx, cy, old;

	if (px < 0 || py < 0 || px >= c->pw || py >= c->ph)
		return;
	cx = px / c->sx;
	cy = py / c->sy;
	cell = &c->g->cells[(c->y + cy) * c->g->w + c->x + cx];
	old = cell->cp == ' ' ? -1 : role_prio(cell->fg);
	if (old > role_prio(p->role))
		return;
	if (c->glyphs == CHART_GLYPH_ASCII) {
		cell->cp = (uint32_t)(unsigned char)p->ascii;
	} else {
		if (old == role_prio(p->role)) {
			if (c->glyphs == CHART_GLYPH_BRAILLE)
				mask = cell->cp >= 0x2800 && cell->cp <= 0x28ff ?
				    cell->cp - 0x2800 : 0;
			else
				mask = quadrant_mask(cell->cp);
		}
		if (c->glyphs == CHART_GLYPH_BRAILLE)
			cell->cp = chart_braille_cp(mask |
			    chart_braille_bit(px % 2, py % 4));
		else
			cell->cp = chart_quadrant_cp(mask |
			    chart_quadrant_bit(px % 2, py % 2));
	}
	cell->fg = (uint8_t)p->role;
	cell->attr = (uint8_t)p->attr;
	cell->flags = 0;
}

uint32_t
pen_thick_cp(const struct pen *p)
{
	int i = p->role - GRID_SERIES1;

	return i >= 0 && i < CHART_MAX_SERIES ? thick_cps[i] : 0x2588;
}

void
canvas_cell(struct canvas *c, int px, int py, struct pen *p)
{
	struct grid_cell *cell;
	int x0, y0, dx, dy;

	if (px < 0 || py < 0 || px >= c->pw || py >= c->ph)
		return;
	x0 = px - px % c->sx;
	y0 = py - py % c->sy;
	for (dy = 0; dy < c->sy; dy++)
		for (dx = 0; dx < c->sx; dx++)
			canvas_set(c, x0 + dx, y0 + dy, p);
	cell = &c->g->cells[(c->y + py / c->sy) * c->g->w + c->x +
	    px / c->sx];
	if (c->glyphs != CHART_GLYPH_ASCII && cell->fg == p->role)
		cell->cp = pen_thick_cp(p);
}

void
canvas_plot(struct canvas *c, int px, int py, struct pen *p)
{
	unsigned bit;

	if (canvas_thick_pen(c, p)) {
		p->step++;		/* solid: the glyph tells series apart */
		canvas_cell(c, px, py, p);
		return;
	}
	bit = p->step++ & 7;
	if (p->pattern & (1u << bit))
		canvas_set(c, px, py, p);
}

void
canvas_line(struct canvas *c, int x0, int y0, int x1, int y1, struct pen *p)
{
	int dx = abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
	int dy = -abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
	int err = dx + dy, e2;

	for (;;) {
		canvas_plot(c, x0, y0, p);
		if (x0 == x1 && y0 == y1)
			break;
		e2 = 2 * err;
		if (e2 >= dy) {
			err += dy;
			x0 += sx;
		}
		if (e2 <= dx) {
			err += dx;
			y0 += sy;
		}
	}
}

/* Liang-Barsky clip parameter update; 0 when the segment is outside. */
static int
clip_t(double p, double q, double *t0, double *t1)
{
	double r;

	if (p == 0)
		return q >= 0;
	r = q / p;
	if (p < 0) {
		if (r > *t1)
			return 0;
		if (r > *t0)
			*t0 = r;
	} else {
		if (r < *t0)
			return 0;
		if (r < *t1)
			*t1 = r;
	}
	return 1;
}

void
canvas_dline(struct canvas *c, double x0, double y0, double x1, double y1,
    struct pen *p)
{
	double t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
	double xmin = -0.5, xmax = c->pw - 0.5, ymin = -0.5, ymax = c->ph - 0.5;

	if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
		return;
	if (!clip_t(-dx, x0 - xmin, &t0, &t1) ||
	    !clip_t(dx, xmax - x0, &t0, &t1) ||
	    !clip_t(-dy, y0 - ymin, &t0, &t1) ||
	    !clip_t(dy, ymax - y0, &t0, &t1))
		return;
	canvas_line(c, (int)lround(x0 + t0 * dx), (int)lround(y0 + t0 * dy),
	    (int)lround(x0 + t1 * dx), (int)lround(y0 + t1 * dy), p);
}

void
series_pen(int i, enum chart_glyphs glyphs, struct pen *p)
{
	static const unsigned patterns[CHART_MAX_SERIES] = {
		0xff, 0x55, 0x77, 0x33, 0x11, 0xbb
	};
	static const int attrs[CHART_MAX_SERIES] = {
		GRID_BOLD, 0, GRID_DIM, GRID_UNDERLINE, GRID_BOLD, GRID_DIM
	};
	static const char marks[CHART_MAX_SERIES] = "*o+x#%";

	i %= CHART_MAX_SERIES;
	p->role = GRID_SERIES1 + i;
	p->attr = attrs[i];
	p->ascii = marks[i];
	p->pattern = glyphs == CHART_GLYPH_ASCII ? 0xff : patterns[i];
	p->step = 0;
}

int
pen_sample(struct grid *g, int x, int y, enum chart_glyphs glyphs,
    int thick, const struct pen *p)
{
	struct canvas c;
	struct pen q = *p;
	int i, row;

	if (x < 0 || x + 2 > g->w || y < 0 || y >= g->h)
		return 0;
	grid_put(g, x, y, ' ', 0, 0, 0);
	grid_put(g, x + 1, y, ' ', 0, 0, 0);
	if (thick && glyphs != CHART_GLYPH_ASCII) {
		for (i = 0; i < 2; i++)	/* two cells of its glyph */
			grid_put(g, x + i, y, pen_thick_cp(p), p->role, 0,
			    p->attr);
		return 2;
	}
	canvas_init(&c, g, x, y, 2, 1, glyphs);
	q.step = 0;
	row = c.sy == 4 ? 1 : 0;	/* braille: second dot row */
	for (i = 0; i < c.pw; i++)
		canvas_plot(&c, i, row, &q);
	return 2;
}
