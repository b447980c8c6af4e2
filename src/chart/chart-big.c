/*
 * chart-big.c - big digits for the key numbers of a projected page.
 *
 * A 3x5-pixel font, one row of three bits per pixel row (the high bit is
 * the left pixel), drawn with half blocks (two pixel rows per cell row)
 * or with whole cells (scale 2, and the ASCII tier's '#').  The font is a
 * table: a character not in it is drawn as '?', never skipped, so a
 * number's width is always what chart_big_width() says.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "util/util.h"
#include "chart/chart-int.h"

#define BIG_ROWS 5

static const struct big_glyph {
	char c;
	unsigned char w;		/* pixels */
	unsigned char rows[BIG_ROWS];	/* bit 2 = left pixel (w = 3) */
} big_font[] = {
	{ '0', 3, { 7, 5, 5, 5, 7 } },
	{ '1', 3, { 2, 6, 2, 2, 7 } },
	{ '2', 3, { 7, 1, 7, 4, 7 } },
	{ '3', 3, { 7, 1, 7, 1, 7 } },
	{ '4', 3, { 5, 5, 7, 1, 1 } },
	{ '5', 3, { 7, 4, 7, 1, 7 } },
	{ '6', 3, { 7, 4, 7, 5, 7 } },
	{ '7', 3, { 7, 1, 1, 1, 1 } },
	{ '8', 3, { 7, 5, 7, 5, 7 } },
	{ '9', 3, { 7, 5, 7, 1, 7 } },
	{ '.', 1, { 0, 0, 0, 0, 1 } },
	{ '-', 3, { 0, 0, 7, 0, 0 } },
	{ '+', 3, { 0, 2, 7, 2, 0 } },
	{ 'e', 3, { 0, 3, 7, 4, 3 } },
	{ '%', 3, { 5, 1, 2, 4, 5 } },
	{ 'n', 3, { 0, 0, 6, 5, 5 } },
	{ 'a', 3, { 0, 3, 5, 5, 3 } },
	{ 'i', 3, { 2, 0, 2, 2, 2 } },
	{ 'f', 3, { 3, 2, 7, 2, 2 } },
	{ ' ', 2, { 0, 0, 0, 0, 0 } },
	{ '?', 3, { 7, 1, 3, 0, 2 } },
};

/* The glyph of byte c ('?' for anything not in the font). */
static const struct big_glyph *
big_glyph(char c)
{
	size_t i;

	for (i = 0; i < COUNT(big_font); i++)
		if (big_font[i].c == c)
			return &big_font[i];
	return big_glyph('?');
}

/* Pixel (px, py) of glyph b: 1 when set (0 outside it). */
static int
big_pixel(const struct big_glyph *b, int px, int py)
{
	if (px < 0 || px >= b->w || py < 0 || py >= BIG_ROWS)
		return 0;
	return (b->rows[py] >> (b->w - 1 - px)) & 1;
}

/*
 * The characters of s one by one: a multi-byte UTF-8 character counts
 * once (as '?'), so a stray λ costs one glyph, not two.
 */
static const char *
big_next(const char *s, char *c)
{
	unsigned char u = (unsigned char)*s;

	if (u < 0x80) {
		*c = (char)u;
		return s + 1;
	}
	*c = '?';
	s++;
	while (((unsigned char)*s & 0xC0) == 0x80)
		s++;
	return s;
}

int
chart_big_width(const char *s, int scale)
{
	int px = 0, n = 0;
	char c;

	if (s == NULL)
		return 0;
	if (scale != 2)
		scale = 1;
	while (*s != '\0') {
		s = big_next(s, &c);
		px += big_glyph(c)->w;
		n++;
	}
	if (n > 1)
		px += n - 1;		/* the gaps */
	return px * scale;
}

int
chart_big_height(enum chart_glyphs gl, int scale)
{
	if (gl == CHART_GLYPH_ASCII || scale == 2)
		return BIG_ROWS;
	return (BIG_ROWS + 1) / 2;
}

int
chart_big_text(struct grid *g, int x, int y, const char *s, int scale,
    enum chart_glyphs gl, int role, int attr)
{
	/* half-block cell by (upper, lower) pixel */
	static const uint32_t halves[4] = { ' ', 0x2584, 0x2580, 0x2588 };
	const struct big_glyph *b;
	int h = chart_big_height(gl, scale), x0 = x, col, r, k, top, bot;
	char c;

	if (s == NULL)
		return 0;
	if (scale != 2)
		scale = 1;
	while (*s != '\0') {
		s = big_next(s, &c);
		b = big_glyph(c);
		if (x > x0) {		/* the gap before this glyph */
			grid_fill(g, x, y, scale, h, ' ', role, 0, attr);
			x += scale;
		}
		for (col = 0; col < b->w; col++)
			for (r = 0; r < h; r++)
				for (k = 0; k < scale; k++) {
					uint32_t cp;

					if (h == BIG_ROWS) {
						cp = big_pixel(b, col, r) ?
						    (gl == CHART_GLYPH_ASCII ?
						    '#' : 0x2588) : ' ';
					} else {
						top = big_pixel(b, col, 2 * r);
						bot = big_pixel(b, col,
						    2 * r + 1);
						cp = halves[top * 2 + bot];
					}
					grid_put(g, x + col * scale + k, y + r,
					    cp, role, 0, attr);
				}
		x += b->w * scale;
	}
	return x - x0;
}
