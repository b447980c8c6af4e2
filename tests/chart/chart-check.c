/*
 * chart-check.c - the golden-case invariants, shared by the chart tests.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"
#include "chart-check.h"

const char *
chart_check_text(const char *text, int w, int h, enum chart_colors colors,
    int ascii)
{
	static char msg[128];
	const char *p = text, *nl;
	struct strbuf line;
	int row = 0, width;

	if (colors == CHART_COLOR_NONE && strchr(text, '\033') != NULL)
		return "mono output contains ESC";
	if (ascii)
		for (p = text; *p; ) {
			uint32_t cp;
			size_t k = utf8_decode(p, strlen(p), &cp);

			/* text keeps its characters, glyphs are ASCII */
			if (grid_ascii_cp(cp) != cp) {
				snprintf(msg, sizeof msg, "U+%04lX in the "
				    "ASCII tier at offset %ld",
				    (unsigned long)cp, (long)(p - text));
				return msg;
			}
			p += k;
		}
	strbuf_init(&line);
	for (p = text; *p; p = nl + 1, row++) {
		nl = strchr(p, '\n');
		if (nl == NULL) {
			strbuf_done(&line);
			return "last line lacks a newline";
		}
		line.len = 0;
		line.s[0] = '\0';
		while (p < nl) {
			if (*p == '\033') {
				/* CSI ... final byte in 0x40..0x7e */
				if (p[1] != '[') {
					strbuf_done(&line);
					return "ESC not followed by [";
				}
				p += 2;
				while (p < nl && !(*p >= 0x40 && *p <= 0x7e))
					p++;
				if (p < nl && *p != 'm') {
					strbuf_done(&line);
					return "escape other than SGR";
				}
				p++;
				continue;
			}
			strbuf_add(&line, p, 1);
			p++;
		}
		width = utf8_width(line.s, line.len);
		if (width != w) {
			snprintf(msg, sizeof msg, "line %d is %d columns, not %d",
			    row + 1, width, w);
			strbuf_done(&line);
			return msg;
		}
	}
	strbuf_done(&line);
	if (row != h) {
		snprintf(msg, sizeof msg, "%d lines, not %d", row, h);
		return msg;
	}
	return NULL;
}

/* A block element thinner than a whole cell: quadrants, halves, eighths. */
static int
partial_block(uint32_t cp)
{
	return (cp >= 0x2580 && cp <= 0x259F && cp != 0x2588 &&
	    !(cp >= 0x2591 && cp <= 0x2593));	/* shades fill the cell */
}

const char *
chart_check_thick(const struct grid *g)
{
	static char msg[128];
	int x, y, dx, dy, ok;

	for (y = 0; y < g->h; y++)
		for (x = 0; x < g->w; x++) {
			const struct grid_cell *c = grid_cat(g, x, y);

			if (c->cp >= 0x2800 && c->cp <= 0x28FF) {
				snprintf(msg, sizeof msg, "braille U+%04X at "
				    "%d,%d", (unsigned)c->cp, x, y);
				return msg;
			}
			if (c->fg < GRID_SERIES1 || c->fg > GRID_SERIES6 ||
			    !partial_block(c->cp))
				continue;
			ok = 0;
			for (dy = -1; dy <= 1 && !ok; dy++)
				for (dx = -1; dx <= 1 && !ok; dx++) {
					const struct grid_cell *n =
					    grid_cat(g, x + dx, y + dy);

					/* its block, or where a series
					 * drawn later (on top) took it */
					ok = n != NULL && ((n->cp == 0x2588 &&
					    n->fg == c->fg) || (n->fg > c->fg &&
					    n->fg <= GRID_SERIES6 &&
					    n->cp != ' '));
				}
			if (!ok) {
				snprintf(msg, sizeof msg, "%s U+%04X at %d,%d "
				    "has no whole block beside it",
				    chart_role_name(c->fg), (unsigned)c->cp, x,
				    y);
				return msg;
			}
		}
	return NULL;
}
