/*
 * test-unit.c - the chart layer's parts: packing, ticks, labels, tiers,
 * grid text, live ranges, decimation, a no-ragged-lines sweep over every
 * case at many sizes, and a sweep over pane sizes for words cut at the edge.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/util.h"
#include "chart/chart.h"
#include "chart/chart-int.h"
#include "chart/chart-samples.h"
#include "chart-check.h"
#include "../testutil.h"

static const struct chart_tiers braille = { CHART_GLYPH_BRAILLE,
	CHART_COLOR_256 };
static const struct chart_tiers ascii = { CHART_GLYPH_ASCII,
	CHART_COLOR_NONE };

/* ------------------------------------------------------------ ASCII tier */

/* The ASCII glyph tier spells drawing glyphs and keeps text: a Korean
 * title stays Hangul (--ascii: "text keeps its characters"). */
static void
ascii_tier_keeps_text(void **state)
{
	struct grid g;
	char *s;

	(void)state;
	assert_int_equal(grid_ascii_cp(0x2500), '-');	/* a rule */
	assert_int_equal(grid_ascii_cp(0x2588), '#');	/* a full block */
	assert_int_equal(grid_ascii_cp(0x28FF), '?');	/* braille */
	assert_int_equal(grid_ascii_cp(0x2713), '?');	/* "ok": 2 columns */
	assert_int_equal(grid_ascii_cp(0xC190), 0xC190);	/* Hangul */
	assert_int_equal(grid_ascii_cp(0x03BB), 0x03BB);	/* lambda */
	assert_int_equal(grid_ascii_cp('a'), 'a');
	grid_init(&g, 12, 1);
	g.ascii = 1;
	grid_text(&g, 0, 0, -1, "\xec\x86\x90\xec\x8b\xa4 \xe2\x94\x80"
	    "\xe2\xa3\xbf", GRID_LABEL, 0);
	s = grid_to_string(&g, CHART_COLOR_NONE);
	assert_string_equal(s, "\xec\x86\x90\xec\x8b\xa4 -?     \n");
	free(s);
	grid_done(&g);
}

/* ------------------------------------------------------------ notes */

/* text with every run of blanks and newlines as one space */
static char *
squeeze(const char *text)
{
	char *out = xmalloc(strlen(text) + 1), *o = out;

	for (; *text != '\0'; text++) {
		if (*text == ' ' || *text == '\n') {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';
		} else {
			*o++ = *text;
		}
	}
	*o = '\0';
	return out;
}

/*
 * Narrow charts keep every word of their notes, legends, captions and
 * (given a row to spare) titles: a note too long for its row wraps onto
 * further rows (the chart gives up a plot row, or the room it has)
 * instead of being cut with "...".
 * Checked in every tier on the narrow sample cases, whose goldens show
 * the layout.
 */
static void
narrow_notes_whole(void **state)
{
	static const struct {
		const char *name, *note;
	} cases[] = {
		{ "logbars/vanishing-43", "vanishing 0.0001 log scale from 1e-7" },
		{ "logbars/vanishing-30", "vanishing 0.0001 log scale from 1e-7" },
		{ "line/four-names-43", "sigmoid train" },
		{ "line/four-names-43", "relu val" },
		{ "line/four-names-30", "relu val" },
		{ "hist/mirror-30", "L1: zeros 63% (|w|<=1.0e-03) of 1000" },
		{ "hist/mirror-30", "L2: zeros 1% (|w|<=1.0e-03) of 1000" },
		{ "hist/weights-30", "L2: zeros 0% (|w|<=1.0e-03) of 2000" },
		{ "matrix/layernorm-30", "layer norm: one example (x3) over "
		    "its features" },
		{ "matrix/layernorm-30", "[ ] normalized together: n=6 "
		    "mean=-0.438 std=0.888" },
		{ "meanbars/seeds-36", "mean sd 10 seeds" },
		/* titles: a second row when the chart has one left over */
		{ "logbars/vanishing-30", "gradient norm per layer (sigmoid)" },
		{ "hist/mirror-30", "L1 (up) vs L2 (down), log count" },
		{ "matrix/layernorm-30", "LayerNorm: normalize each example "
		    "over its features" },
	};
	struct grid g;

	(void)state;
	grid_init(&g, 0, 0);
	for (size_t i = 0; i < COUNT(cases); i++) {
		const struct chart_case *c = chart_case_find(cases[i].name);

		assert_non_null(c);
		for (int t = 0; t < 3; t++) {
			char *s, *flat;

			chart_case_render(c, &chart_tier_cases[t].tiers, 0, &g);
			s = grid_to_string(&g, CHART_COLOR_NONE);
			flat = squeeze(s);
			/* the sd marker's text: "mean +- sd" in ASCII */
			if (strstr(cases[i].note, "mean sd") != NULL) {
				char *p = strstr(flat, "sd ");

				if (p == NULL ||
				    strncmp(p, "sd 10 seeds", 11) != 0)
					print_error("%s (%s):\n%s", cases[i].name,
					    chart_tier_cases[t].name, s);
				assert_non_null(p);
				assert_int_equal(strncmp(p, "sd 10 seeds",
				    11), 0);
			} else if (strstr(flat, cases[i].note) == NULL) {
				print_error("%s (%s): no '%s' in\n%s",
				    cases[i].name, chart_tier_cases[t].name,
				    cases[i].note, s);
				fail();
			}
			free(flat);
			free(s);
		}
	}
	grid_done(&g);
}

/* ------------------------------------------------------------ packing */

static void
braille_packing(void **state)
{
	static const unsigned want[4][2] = {
		{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
	};
	unsigned all = 0;
	int x, y;

	(void)state;
	for (y = 0; y < 4; y++)
		for (x = 0; x < 2; x++) {
			assert_int_equal(chart_braille_bit(x, y), want[y][x]);
			all |= chart_braille_bit(x, y);
		}
	assert_int_equal(all, 0xff);
	assert_int_equal(chart_braille_bit(2, 0), 0);
	assert_int_equal(chart_braille_cp(0), ' ');	/* never U+2800 */
	assert_int_equal(chart_braille_cp(0xff), 0x28ff);
	assert_int_equal(chart_braille_cp(0x12), 0x2812);
}

static void
quadrant_packing(void **state)
{
	static const uint32_t want[16] = {
		' ', 0x2598, 0x259D, 0x2580, 0x2596, 0x258C, 0x259E, 0x259B,
		0x2597, 0x259A, 0x2590, 0x259C, 0x2584, 0x2599, 0x259F, 0x2588
	};
	unsigned m;

	(void)state;
	assert_int_equal(chart_quadrant_bit(0, 0), 1);
	assert_int_equal(chart_quadrant_bit(1, 0), 2);
	assert_int_equal(chart_quadrant_bit(0, 1), 4);
	assert_int_equal(chart_quadrant_bit(1, 1), 8);
	for (m = 0; m < 16; m++)
		assert_int_equal(chart_quadrant_cp(m), want[m]);
}

/* Pixels drawn into one cell accumulate; a higher pen takes the cell. */
static void
canvas_cells(void **state)
{
	struct grid g;
	struct canvas c;
	struct pen lo = { GRID_AXIS, 0, '.', 0xff, 0 };
	struct pen hi;

	(void)state;
	grid_init(&g, 3, 2);
	canvas_init(&c, &g, 1, 0, 2, 2, CHART_GLYPH_BRAILLE);
	assert_int_equal(c.pw, 4);
	assert_int_equal(c.ph, 8);
	canvas_set(&c, 0, 0, &lo);
	canvas_set(&c, 1, 3, &lo);
	assert_int_equal(grid_at(&g, 1, 0)->cp, 0x2800 | 0x01 | 0x80);
	series_pen(0, CHART_GLYPH_BRAILLE, &hi);
	canvas_set(&c, 1, 1, &hi);	/* clears the axis dots */
	assert_int_equal(grid_at(&g, 1, 0)->cp, 0x2800 | 0x10);
	assert_int_equal(grid_at(&g, 1, 0)->fg, GRID_SERIES1);
	canvas_set(&c, 0, 0, &lo);	/* lower pen cannot draw here */
	assert_int_equal(grid_at(&g, 1, 0)->cp, 0x2800 | 0x10);
	canvas_set(&c, 99, 0, &lo);	/* outside: ignored */
	canvas_set(&c, -1, 0, &lo);
	assert_int_equal(grid_at(&g, 0, 0)->cp, ' ');

	canvas_init(&c, &g, 0, 0, 3, 2, CHART_GLYPH_QUADRANT);
	grid_clear(&g);
	canvas_set(&c, 0, 0, &lo);
	canvas_set(&c, 1, 1, &lo);
	assert_int_equal(grid_at(&g, 0, 0)->cp, 0x259A);	/* UL+LR */
	grid_done(&g);
}

/* The legend sample is exactly what the plot draws for a flat line. */
static void
legend_samples(void **state)
{
	struct grid g;
	struct pen p;

	(void)state;
	grid_init(&g, 2, 1);
	series_pen(0, CHART_GLYPH_BRAILLE, &p);
	pen_sample(&g, 0, 0, CHART_GLYPH_BRAILLE, 0, &p);
	assert_int_equal(grid_at(&g, 0, 0)->cp, 0x2812);
	series_pen(1, CHART_GLYPH_BRAILLE, &p);
	pen_sample(&g, 0, 0, CHART_GLYPH_BRAILLE, 0, &p);
	assert_int_equal(grid_at(&g, 0, 0)->cp, 0x2802);	/* dotted */
	series_pen(1, CHART_GLYPH_ASCII, &p);
	pen_sample(&g, 0, 0, CHART_GLYPH_ASCII, 0, &p);
	assert_int_equal(grid_at(&g, 0, 0)->cp, 'o');
	assert_int_equal(grid_at(&g, 1, 0)->cp, 'o');
	/* thick: two whole cells of the series' glyph (solid, shades) */
	series_pen(0, CHART_GLYPH_BRAILLE, &p);
	pen_sample(&g, 0, 0, CHART_GLYPH_BRAILLE, 1, &p);
	assert_int_equal(grid_at(&g, 0, 0)->cp, 0x2588);
	assert_int_equal(grid_at(&g, 1, 0)->cp, 0x2588);
	series_pen(1, CHART_GLYPH_BRAILLE, &p);
	pen_sample(&g, 0, 0, CHART_GLYPH_BRAILLE, 1, &p);
	assert_int_equal(grid_at(&g, 0, 0)->cp, 0x2592);
	assert_int_equal(grid_at(&g, 1, 0)->cp, 0x2592);
	series_pen(3, CHART_GLYPH_QUADRANT, &p);
	pen_sample(&g, 0, 0, CHART_GLYPH_QUADRANT, 1, &p);
	assert_int_equal(grid_at(&g, 0, 0)->cp, 0x2591);
	assert_int_equal(grid_at(&g, 1, 0)->cp, 0x2591);
	grid_done(&g);
}

/* ------------------------------------------------------------ thick */

/* Cells of g with a code point in [lo, hi]. */
static int
count_cps(const struct grid *g, uint32_t lo, uint32_t hi)
{
	int x, y, n = 0;

	for (y = 0; y < g->h; y++)
		for (x = 0; x < g->w; x++)
			n += grid_cat(g, x, y)->cp >= lo &&
			    grid_cat(g, x, y)->cp <= hi;
	return n;
}

/*
 * Thick strokes (classroom mode): the same chart thin has braille, or in
 * quadrants strokes half a cell wide, and fails chart_check_thick(); thick
 * it passes in every glyph tier at many sizes, has whole blocks and no
 * braille, and its bars have no eighth-block ends.
 */
static void
thick_strokes(void **state)
{
	static const char *const kinds[] = { "line/basic", "line/boundary",
		"function/sigmoid", "line/sweep" };
	const struct chart_case *c;
	struct chart_opts o;
	struct grid g;
	const char *err;
	size_t k;
	int w, h, gl;

	(void)state;
	grid_init(&g, 0, 0);
	for (k = 0; k < COUNT(kinds); k++) {
		c = chart_case_find(kinds[k]);
		assert_non_null(c);
		memset(&o, 0, sizeof o);
		o.tiers = braille;
		o.no_legend = 1;
		grid_resize(&g, c->w, c->h);
		c->draw(&g, &o);
		assert_true(count_cps(&g, 0x2801, 0x28FF) > 0);
		assert_non_null(chart_check_thick(&g));
		o.tiers.glyphs = CHART_GLYPH_QUADRANT;
		grid_resize(&g, c->w, c->h);
		c->draw(&g, &o);
		assert_non_null(chart_check_thick(&g));
		for (gl = 0; gl < 3; gl++)
			for (w = 24; w <= 120; w += 16)
				for (h = 6; h <= 35; h += 7) {
			o.tiers.glyphs = (enum chart_glyphs)gl;
			o.thick = 1;
			grid_resize(&g, w, h);
			c->draw(&g, &o);
			err = chart_check_thick(&g);
			if (err != NULL)
				fail_msg("%s %dx%d %s: %s", kinds[k], w, h,
				    chart_glyphs_name(o.tiers.glyphs), err);
			if (gl != CHART_GLYPH_ASCII && h >= 13)
				assert_true(count_cps(&g, 0x2588, 0x2588) >
				    0);
				}
	}
	/* bars end on whole cells */
	c = chart_case_find("logbars/grads");
	assert_non_null(c);
	memset(&o, 0, sizeof o);
	o.tiers = braille;
	grid_resize(&g, c->w, c->h);
	c->draw(&g, &o);
	assert_true(count_cps(&g, 0x2589, 0x258F) > 0);	/* eighths */
	o.thick = 1;
	c->draw(&g, &o);
	assert_int_equal(count_cps(&g, 0x2589, 0x258F), 0);
	c = chart_case_find("hist/weights-l2");
	assert_non_null(c);
	o.thick = 0;
	grid_resize(&g, c->w, c->h);
	c->draw(&g, &o);
	assert_true(count_cps(&g, 0x2581, 0x2587) > 0);
	o.thick = 1;
	c->draw(&g, &o);
	assert_int_equal(count_cps(&g, 0x2581, 0x2587), 0);
	grid_done(&g);
}

/*
 * A noisy curve in thick strokes stays a line (lesson 3's losses jump
 * between 0.690 and 0.710 every epoch): a flat series is one row of
 * cells, the noisy pair covers well under half of the plot, and the two
 * are told apart by glyph, in the plot and the legend, without colour.
 */
static void
thick_noisy(void **state)
{
	static const struct chart_tiers mono = { CHART_GLYPH_QUADRANT,
		CHART_COLOR_NONE };
	double tr[60], va[60], flat[60];
	unsigned long r = 12345;
	struct chart_series s[2];
	struct chart_line_opts lo;
	struct chart_opts o;
	struct grid g;
	int i, x, y, rows = 0, cells = 0, n1 = 0, n2 = 0, plot = 0;

	(void)state;
	for (i = 0; i < 60; i++) {
		r = r * 1103515245 + 12345;
		tr[i] = 0.694 + (double)(r >> 16 & 1023) / 1023 * 0.006;
		r = r * 1103515245 + 12345;
		va[i] = 0.692 + (double)(r >> 16 & 1023) / 1023 * 0.018;
		flat[i] = 0.5;
	}
	memset(&o, 0, sizeof o);
	memset(&lo, 0, sizeof lo);
	memset(s, 0, sizeof s);
	lo.ylo = NAN;
	lo.yhi = NAN;
	o.tiers = mono;
	o.thick = 1;
	o.no_legend = 1;
	grid_init(&g, 76, 32);
	/* flat: one row of whole cells */
	lo.ylo = 0.2;
	lo.yhi = 0.8;
	s[0].y = flat;
	s[0].n = 60;
	chart_line(&g, &o, &lo, s, 1);
	for (y = 0; y < g.h; y++) {
		int any = 0;

		for (x = 0; x < g.w; x++)
			any |= grid_cat(&g, x, y)->fg == GRID_SERIES1;
		rows += any;
	}
	assert_int_equal(rows, 1);
	/* noisy: a line each, not a wall */
	lo.ylo = lo.yhi = NAN;
	s[0].y = tr;
	s[1].y = va;
	s[1].n = 60;
	s[0].name = "train";
	s[1].name = "val";
	o.no_legend = 0;
	chart_line(&g, &o, &lo, s, 2);
	for (y = 0; y < g.h; y++)
		for (x = 0; x < g.w; x++) {
			const struct grid_cell *c = grid_cat(&g, x, y);

			if (c->fg == GRID_SERIES1)
				n1 += c->cp == 0x2588;
			if (c->fg == GRID_SERIES2)
				n2 += c->cp == 0x2592;
			cells += c->fg == GRID_SERIES1 ||
			    c->fg == GRID_SERIES2;
			plot += c->fg != GRID_AXIS && c->fg != GRID_LABEL &&
			    c->fg != GRID_TITLE;
		}
	assert_null(chart_check_thick(&g));
	assert_true(n1 > 20);		/* train: solid blocks */
	assert_true(n2 > 20);		/* val: shaded */
	print_message("# noisy thick: %d of %d cells\n", cells, plot);
	assert_true(cells * 100 < plot * 40);
	grid_done(&g);
}

/* ------------------------------------------------------------ big digits */

/* Row y of g as UTF-8 (static buffer). */
static const char *
row_utf8(const struct grid *g, int y)
{
	static char buf[512];
	size_t n = 0;
	int x;

	for (x = 0; x < g->w && n + 5 < sizeof buf; x++)
		n += utf8_encode(grid_cat(g, x, y)->cp, buf + n);
	buf[n] = '\0';
	return buf;
}

static void
big_digits(void **state)
{
	struct grid g;
	char a[2] = "0", b[2] = "0";
	int i, j, w;

	(void)state;
	/* 3 pixels a digit, 1 for '.', a pixel between glyphs */
	assert_int_equal(chart_big_width("0.5", 1), 3 + 1 + 1 + 1 + 3);
	assert_int_equal(chart_big_width("0.5", 2), 2 * 9);
	assert_int_equal(chart_big_width("", 1), 0);
	assert_int_equal(chart_big_width(NULL, 1), 0);
	/* a UTF-8 character is one '?' glyph, not one per byte */
	assert_int_equal(chart_big_width("\xce\xbb", 1), 3);
	assert_int_equal(chart_big_height(CHART_GLYPH_QUADRANT, 1), 3);
	assert_int_equal(chart_big_height(CHART_GLYPH_BRAILLE, 2), 5);
	assert_int_equal(chart_big_height(CHART_GLYPH_ASCII, 1), 5);

	grid_init(&g, 12, 5);
	w = chart_big_text(&g, 0, 0, "0.5", 1, CHART_GLYPH_QUADRANT,
	    GRID_SERIES2, GRID_BOLD);
	assert_int_equal(w, 9);
	assert_string_equal(row_utf8(&g, 0),
	    "\xe2\x96\x88\xe2\x96\x80\xe2\x96\x88   "	/* █▀█ */
	    "\xe2\x96\x88\xe2\x96\x80\xe2\x96\x80   ");	/* █▀▀ */
	assert_string_equal(row_utf8(&g, 1),
	    "\xe2\x96\x88 \xe2\x96\x88   "			/* █ █ */
	    "\xe2\x96\x80\xe2\x96\x80\xe2\x96\x88   ");	/* ▀▀█ */
	assert_string_equal(row_utf8(&g, 2),
	    "\xe2\x96\x80\xe2\x96\x80\xe2\x96\x80 "	/* ▀▀▀ */
	    "\xe2\x96\x80 "					/* ▀ */
	    "\xe2\x96\x80\xe2\x96\x80\xe2\x96\x80   ");	/* ▀▀▀ */
	assert_int_equal(grid_at(&g, 0, 0)->fg, GRID_SERIES2);
	assert_int_equal(grid_at(&g, 0, 0)->attr, GRID_BOLD);
	assert_int_equal(grid_at(&g, 1, 1)->fg, GRID_SERIES2); /* blank too */

	/* ASCII: '#' pixels, one row each */
	grid_resize(&g, 12, 5);
	w = chart_big_text(&g, 0, 0, "-1", 1, CHART_GLYPH_ASCII, 0, 0);
	assert_int_equal(w, 7);
	assert_string_equal(row_utf8(&g, 0), "     #      ");
	assert_string_equal(row_utf8(&g, 1), "    ##      ");
	assert_string_equal(row_utf8(&g, 2), "###  #      ");
	assert_string_equal(row_utf8(&g, 4), "    ###     ");

	/* scale 2: whole cells, two per pixel */
	grid_resize(&g, 12, 5);
	w = chart_big_text(&g, 0, 0, "7", 2, CHART_GLYPH_BRAILLE, 0, 0);
	assert_int_equal(w, 6);
	assert_int_equal(grid_at(&g, 0, 0)->cp, 0x2588);
	assert_int_equal(grid_at(&g, 5, 0)->cp, 0x2588);
	assert_int_equal(grid_at(&g, 0, 1)->cp, ' ');
	assert_int_equal(grid_at(&g, 4, 4)->cp, 0x2588);

	/* an unknown character draws as '?'; clipping at the edge is safe */
	grid_resize(&g, 12, 5);
	chart_big_text(&g, 0, 0, "#", 2, CHART_GLYPH_ASCII, 0, 0);
	{
		struct grid q;

		grid_init(&q, 12, 5);
		chart_big_text(&q, 0, 0, "?", 2, CHART_GLYPH_ASCII, 0, 0);
		for (i = 0; i < 5; i++) {
			char r1[64];

			snprintf(r1, sizeof r1, "%s", row_utf8(&g, i));
			assert_string_equal(r1, row_utf8(&q, i));
		}
		grid_done(&q);
	}
	chart_big_text(&g, 10, 3, "888", 2, CHART_GLYPH_BRAILLE, 0, 0);

	/* the ten digits all differ */
	grid_resize(&g, 3, 5);
	for (i = 0; i < 10; i++)
		for (j = i + 1; j < 10; j++) {
			struct grid q;
			int x, y, same = 1;

			a[0] = (char)('0' + i);
			b[0] = (char)('0' + j);
			grid_init(&q, 3, 5);
			chart_big_text(&g, 0, 0, a, 1, CHART_GLYPH_ASCII, 0, 0);
			chart_big_text(&q, 0, 0, b, 1, CHART_GLYPH_ASCII, 0, 0);
			for (y = 0; y < 5; y++)
				for (x = 0; x < 3; x++)
					same &= grid_at(&g, x, y)->cp ==
					    grid_at(&q, x, y)->cp;
			assert_false(same);
			grid_done(&q);
		}
	grid_done(&g);
}

/* ------------------------------------------------------------ ticks */

static void
assert_ticks(double lo, double hi, int max, const double *want, int n)
{
	double t[32], step;
	int i, got = chart_nice_ticks(lo, hi, max, t, 32, &step);

	assert_int_equal(got, n);
	for (i = 0; i < n; i++)
		assert_close(t[i], want[i], 1e-12);
}

static void
nice_ticks(void **state)
{
	static const double q[] = { 0, 0.25, 0.5, 0.75, 1 };
	static const double f[] = { 0, 0.2, 0.4, 0.6, 0.8, 1 };
	static const double s[] = { -1, -0.5, 0, 0.5, 1 };
	static const double h[] = { 0, 25, 50, 75, 100 };
	static const double e[] = { 2e-12, 4e-12 };
	static const double one[] = { 3 };
	double t[4];

	(void)state;
	assert_ticks(0, 1, 5, q, 5);
	assert_ticks(0, 1, 6, f, 6);
	assert_ticks(-1, 1, 5, s, 5);
	assert_ticks(0, 100, 5, h, 5);
	assert_ticks(1e-12, 5e-12, 2, e, 2);
	assert_ticks(3, 3, 5, one, 1);
	assert_int_equal(chart_nice_ticks(1, 0, 5, t, 4, NULL), 0);
	assert_int_equal(chart_nice_ticks(NAN, 1, 5, t, 4, NULL), 0);
	assert_int_equal(chart_nice_ticks(0, INFINITY, 5, t, 4, NULL), 0);
	/* cap respected */
	assert_int_equal(chart_nice_ticks(0, 100, 50, t, 4, NULL), 4);
}

static void
axis_fitting(void **state)
{
	struct axis a;

	(void)state;
	axis_fit(&a, 0.04, 2.3, 6);
	assert_close(a.lo, 0, 1e-12);
	assert_close(a.hi, 2.5, 1e-12);
	assert_close(a.step, 0.5, 1e-12);
	axis_fit(&a, 0.5, 0.5, 5);	/* constant: padded */
	assert_true(a.lo < 0.5 && a.hi > 0.5);
	axis_fit(&a, NAN, NAN, 5);
	assert_close(a.lo, 0, 1e-12);
	assert_close(a.hi, 1, 1e-12);
	/* near the largest double: finite ends and nice ticks all the same
	 * (rounding the ends out once overflowed, and a NaN met a cast) */
	for (int k = 0; k < 3; k++) {
		static const double v[][2] = { { DBL_MAX, DBL_MAX },
		    { 1.7e308, 1.7e308 }, { 0.5, 1.7e308 } };

		axis_fit(&a, v[k][0], v[k][1], 6);
		assert_true(isfinite(a.lo) && isfinite(a.hi));
		assert_true(a.lo <= v[k][0] && a.hi >= v[k][1]);
		assert_true(a.nt >= 2);
		for (int i = 0; i < a.nt; i++)	/* within a pixel's share */
			assert_true(isfinite(a.t[i]) &&
			    a.t[i] >= a.lo - a.step * 1e-6 &&
			    a.t[i] <= a.hi + a.step * 1e-6);
	}
	axis_fit_log(&a, 3e-12, 20, 40);
	assert_close(a.lo, -12, 1e-12);
	assert_close(a.hi, 2, 1e-12);
	assert_int_equal(a.nt, 15);
	axis_fit_log(&a, 3e-12, 20, 4);	/* every 5th decade */
	assert_true(a.nt <= 4);
	assert_close(a.step, 5, 1e-12);
}

/* A log axis over one decade also has 2 and 5: "0.1 0.2 0.5 1"; with
 * too few rows for them, decades only. */
static void
log_minor_ticks(void **state)
{
	static const char *const want[] = { "0.1", "0.2", "0.5", "1" };
	struct axis a;
	char buf[32];
	int i;

	(void)state;
	axis_fit_log(&a, 0.15, 0.9, 6);
	assert_int_equal(a.nt, 4);
	for (i = 0; i < 4; i++) {
		axis_label(&a, a.t[i], buf, sizeof buf);
		assert_string_equal(buf, want[i]);
	}
	axis_fit_log(&a, 0.15, 0.9, 3);
	assert_int_equal(a.nt, 2);
	axis_fit_log(&a, 3e-3, 20, 40);	/* five decades: decades only */
	assert_int_equal(a.nt, 6);
}

static void
tick_labels(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(chart_fmt_tick(0.25, 0.25, b, sizeof b), "0.25");
	assert_string_equal(chart_fmt_tick(0.5, 0.25, b, sizeof b), "0.50");
	assert_string_equal(chart_fmt_tick(300, 100, b, sizeof b), "300");
	assert_string_equal(chart_fmt_tick(1.5, 0.5, b, sizeof b), "1.5");
	assert_string_equal(chart_fmt_tick(1e-16, 0.1, b, sizeof b), "0");
	assert_string_equal(chart_fmt_tick(1e6, 2e5, b, sizeof b), "1e6");
	assert_string_equal(chart_fmt_tick(2.5e-7, 2.5e-7, b, sizeof b),
	    "2.5e-7");
	assert_string_equal(chart_fmt_tick(1e-12, 0, b, sizeof b), "1e-12");
	assert_string_equal(chart_fmt_tick(0.5, 0, b, sizeof b), "0.5");
	assert_string_equal(chart_fmt_tick(NAN, 1, b, sizeof b), "nan");
	assert_string_equal(chart_fmt_sci(3.2e-7, b, sizeof b), "3.2e-07");
	assert_string_equal(chart_fmt_sci(0, b, sizeof b), "0");
	assert_string_equal(chart_fmt_sci(-INFINITY, b, sizeof b), "-inf");
}

/* ------------------------------------------------------------ tiers */

static void
tier_detection(void **state)
{
	struct chart_tiers t;
	enum chart_glyphs gl;
	enum chart_colors co;

	(void)state;
	t = chart_tiers_choose("UTF-8", "xterm-256color", NULL, 0);
	assert_int_equal(t.glyphs, CHART_GLYPH_BRAILLE);
	assert_int_equal(t.colors, CHART_COLOR_256);
	t = chart_tiers_choose("utf8", "xterm", NULL, 0);
	assert_int_equal(t.glyphs, CHART_GLYPH_BRAILLE);
	assert_int_equal(t.colors, CHART_COLOR_8);
	t = chart_tiers_choose("UTF-8", "xterm-256color", "1", 256);
	assert_int_equal(t.colors, CHART_COLOR_NONE);
	t = chart_tiers_choose("UTF-8", "xterm", "", 256);	/* empty: ignored */
	assert_int_equal(t.colors, CHART_COLOR_256);
	t = chart_tiers_choose("ANSI_X3.4-1968", "xterm-256color", NULL, 0);
	assert_int_equal(t.glyphs, CHART_GLYPH_ASCII);
	t = chart_tiers_choose("UTF-8", "dumb", NULL, 0);
	assert_int_equal(t.glyphs, CHART_GLYPH_ASCII);
	assert_int_equal(t.colors, CHART_COLOR_NONE);
	t = chart_tiers_choose("UTF-8", "linux", NULL, 8);
	assert_int_equal(t.glyphs, CHART_GLYPH_ASCII);
	assert_int_equal(t.colors, CHART_COLOR_8);
	t = chart_tiers_choose(NULL, NULL, NULL, 0);
	assert_int_equal(t.glyphs, CHART_GLYPH_ASCII);
	assert_int_equal(t.colors, CHART_COLOR_NONE);
	t = chart_tiers_choose("UTF-8", "xterm-256color", NULL, 2);
	assert_int_equal(t.colors, CHART_COLOR_NONE);
	t = chart_tiers_choose("UTF-8", "xterm-256color", NULL, 8);
	assert_int_equal(t.colors, CHART_COLOR_8);

	/* --color: the one decision for the shell and the headless modes */
	assert_int_equal(chart_colors_choose(CHART_WHEN_NEVER, 1,
	    "xterm-256color", NULL, 256), CHART_COLOR_NONE);
	assert_int_equal(chart_colors_choose(CHART_WHEN_AUTO, 0,
	    "xterm-256color", NULL, 0), CHART_COLOR_NONE);	/* a pipe */
	assert_int_equal(chart_colors_choose(CHART_WHEN_AUTO, 1,
	    "xterm-256color", "1", 256), CHART_COLOR_NONE);
	assert_int_equal(chart_colors_choose(CHART_WHEN_AUTO, 1, "xterm",
	    NULL, -1), CHART_COLOR_NONE);	/* curses: no colours */
	assert_int_equal(chart_colors_choose(CHART_WHEN_AUTO, 1, "xterm",
	    NULL, 0), CHART_COLOR_8);
	assert_int_equal(chart_colors_choose(CHART_WHEN_AUTO, 1, "",
	    NULL, 0), CHART_COLOR_NONE);
	assert_int_equal(chart_colors_choose(CHART_WHEN_ALWAYS, 0,
	    "xterm-256color", "1", 0), CHART_COLOR_256);
	assert_int_equal(chart_colors_choose(CHART_WHEN_ALWAYS, 1, "dumb",
	    NULL, 0), CHART_COLOR_8);
	assert_int_equal(chart_colors_choose(CHART_WHEN_ALWAYS, 1,
	    "xterm-256color", "1", 88), CHART_COLOR_8);
	assert_int_equal(chart_colors_choose(CHART_WHEN_ALWAYS, 1,
	    "xterm-256color", NULL, -1), CHART_COLOR_NONE);

	assert_int_equal(chart_glyphs_parse("quadrant", &gl), 0);
	assert_int_equal(gl, CHART_GLYPH_QUADRANT);
	assert_int_equal(chart_glyphs_parse("sextant", &gl), -1);
	assert_int_equal(chart_colors_parse("mono", &co), 0);
	assert_int_equal(co, CHART_COLOR_NONE);
	assert_int_equal(chart_colors_parse("256", &co), 0);
	assert_int_equal(co, CHART_COLOR_256);
	assert_string_equal(chart_glyphs_name(CHART_GLYPH_BRAILLE), "braille");
	assert_string_equal(chart_colors_name(CHART_COLOR_8), "8");
}

static void
palette(void **state)
{
	int r, c;

	(void)state;
	assert_int_equal(chart_role_color(GRID_DEFAULT, CHART_COLOR_256), -1);
	for (r = 0; r < GRID_ROLE_COUNT; r++) {
		assert_int_equal(chart_role_color(r, CHART_COLOR_NONE), -1);
		c = chart_role_color(r, CHART_COLOR_256);
		assert_true(c >= -1 && c <= 255);
		c = chart_role_color(r, CHART_COLOR_8);
		assert_true(c >= -1 && c <= 7);
		assert_string_not_equal(chart_role_name(r), "?");
	}
	/* series differ from each other in both colour tiers */
	for (r = GRID_SERIES1; r < GRID_SERIES6; r++)
		assert_int_not_equal(chart_role_color(r, CHART_COLOR_256),
		    chart_role_color(r + 1, CHART_COLOR_256));
	assert_int_equal(chart_role_color(99, CHART_COLOR_256), -1);
}

/* ------------------------------------------------------------ grid */

static void
grid_wide_text(void **state)
{
	struct grid g;
	char *s;
	const char *e;

	(void)state;
	grid_init(&g, 5, 2);
	assert_int_equal(grid_text(&g, 0, 0, -1, "한국어", 0, 0), 4);
	assert_int_equal(grid_at(&g, 1, 0)->flags, GRID_CONT);
	assert_int_equal(grid_at(&g, 1, 0)->cp, 0);
	/* a wide char never straddles the edge */
	assert_int_equal(grid_put(&g, 4, 1, 0xD55C, 0, 0, 0), 1);
	assert_int_equal(grid_at(&g, 4, 1)->cp, ' ');
	/* overwriting half of a wide char blanks the other half */
	grid_put(&g, 1, 0, 'x', 0, 0, 0);
	assert_int_equal(grid_at(&g, 0, 0)->cp, ' ');
	assert_int_equal(grid_at(&g, 1, 0)->cp, 'x');
	assert_int_equal(grid_text(&g, 0, 1, 3, "ab한", 0, 0), 2);
	assert_int_equal(grid_text(&g, 0, 1, -1, "a\tb", 0, 0), 3);
	assert_int_equal(grid_at(&g, 1, 1)->cp, '?');
	s = grid_to_string(&g, CHART_COLOR_NONE);
	e = chart_check_text(s, 5, 2, CHART_COLOR_NONE, 0);
	assert_null(e);
	free(s);
	/* resize reuses the cells when they suffice */
	{
		struct grid_cell *before = g.cells;

		grid_resize(&g, 2, 2);
		assert_ptr_equal(g.cells, before);
		assert_int_equal(grid_at(&g, 0, 0)->cp, ' ');
		assert_null(grid_at(&g, 2, 0));
	}
	grid_done(&g);
	grid_done(NULL);
}

static void
grid_sgr(void **state)
{
	struct grid g;
	char *s;

	(void)state;
	grid_init(&g, 3, 1);
	grid_put(&g, 0, 0, 'a', GRID_SERIES1, 0, GRID_BOLD);
	grid_put(&g, 1, 0, 'b', GRID_SERIES1, 0, GRID_BOLD);
	s = grid_to_string(&g, CHART_COLOR_256);
	assert_string_equal(s, "\033[0;1;38;5;33mab\033[0m \n");
	free(s);
	s = grid_to_string(&g, CHART_COLOR_8);
	assert_string_equal(s, "\033[0;1;36mab\033[0m \n");
	free(s);
	s = grid_to_string(&g, CHART_COLOR_NONE);
	assert_string_equal(s, "ab \n");
	free(s);
	grid_done(&g);
}

/* ------------------------------------------------------------ charts */

/* Appending inside the range keeps it; beyond grows it; it never shrinks. */
static void
live_range(void **state)
{
	double y[100];
	struct grid g;
	struct chart_opts o;
	struct chart_line_opts lo;
	struct chart_range r;
	struct chart_series s = { "loss", y, NULL, 0, 1, 1 };
	double lo0, hi0;
	int i, changes = 0;

	(void)state;
	for (i = 0; i < 100; i++)
		y[i] = 2.0 * exp(-i / 20.0);
	memset(&o, 0, sizeof o);
	memset(&lo, 0, sizeof lo);
	o.tiers = braille;
	chart_range_reset(&r);
	lo.range = &r;
	grid_init(&g, 60, 16);
	s.n = 5;
	chart_line(&g, &o, &lo, &s, 1);
	assert_true(r.valid);
	lo0 = r.lo;
	hi0 = r.hi;
	assert_true(lo0 <= y[4] && hi0 >= 2.0);
	for (s.n = 6; s.n <= 100; s.n++) {
		chart_line(&g, &o, &lo, &s, 1);
		if (y[s.n - 1] >= lo0 && y[s.n - 1] <= hi0) {
			/* inside: unchanged */
			assert_close(r.lo, lo0, 0);
			assert_close(r.hi, hi0, 0);
		} else {
			/* outside: grows, never shrinks, stays >= 0 */
			assert_true(r.lo <= y[s.n - 1] && r.lo < lo0);
			assert_true(r.hi >= hi0);
			assert_true(r.lo >= 0);
			changes++;
		}
		lo0 = r.lo;
		hi0 = r.hi;
	}
	assert_true(changes <= 4);
	print_message("# live range: %d changes over 95 appends\n", changes);
	/* a spike beyond the range grows it to a nice bound */
	s.n = 100;
	y[99] = 7.3;
	chart_line(&g, &o, &lo, &s, 1);
	assert_true(r.hi >= 7.3);
	assert_true(r.hi < 15);
	hi0 = r.hi;
	y[99] = 0.1;
	chart_line(&g, &o, &lo, &s, 1);
	assert_close(r.hi, hi0, 0);
	/* switching to log resets the memory */
	lo.logy = 1;
	chart_line(&g, &o, &lo, &s, 1);
	assert_int_equal(r.log, 1);
	grid_done(&g);
}

/* A one-sample spike among 10,000 points still reaches the top. */
static void
spike_survives(void **state)
{
	static double y[10000];
	struct grid g;
	struct chart_opts o;
	struct chart_line_opts lo;
	struct chart_series s = { NULL, y, NULL, 10000, 0, 1 };
	int i, x, found = 0;

	(void)state;
	for (i = 0; i < 10000; i++)
		y[i] = 0.5;
	y[5003] = 10;
	memset(&o, 0, sizeof o);
	memset(&lo, 0, sizeof lo);
	lo.ylo = 0;
	lo.yhi = 10;
	o.tiers = ascii;
	grid_init(&g, 40, 12);
	chart_line(&g, &o, &lo, &s, 1);
	for (x = 0; x < g.w; x++)
		if (grid_at(&g, x, 0)->cp == '*')
			found++;
	assert_int_equal(found, 1);
	grid_done(&g);
}

/* Every value >= floor gets a visible bar; below floor an underflow mark. */
static void
logbars_visible(void **state)
{
	static const double v[] = { 1e-12, 1.1e-12, 1e-9, 1e2, 5e-13 };
	struct grid g;
	struct chart_opts o;
	struct chart_logbar_opts bo;
	int i;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&bo, 0, sizeof bo);
	o.tiers = braille;
	bo.floor = 1e-12;
	grid_init(&g, 50, 8);
	chart_logbars(&g, &o, &bo, NULL, v, 5);
	/* no labels: axis at column 0, bars from column 1 */
	for (i = 0; i < 4; i++)
		assert_int_not_equal(grid_at(&g, 1, i)->cp, ' ');
	assert_int_equal(grid_at(&g, 0, 4)->cp, 0x25C2);
	assert_int_equal(grid_at(&g, 1, 4)->cp, ' ');
	o.tiers = ascii;
	chart_logbars(&g, &o, &bo, NULL, v, 5);
	for (i = 0; i < 4; i++)
		assert_int_not_equal(grid_at(&g, 1, i)->cp, ' ');
	assert_int_equal(grid_at(&g, 0, 4)->cp, '<');
	grid_done(&g);
}

static double
dsig(double x, void *ctx)
{
	double s = 1 / (1 + exp(-x));

	(void)ctx;
	return s * (1 - s);
}

/* sigmoid' peaks at 0.25 and that row carries the label 0.25. */
static void
sigmoid_peak_reads_025(void **state)
{
	const struct chart_fn fn = { "d", dsig, NULL };
	struct grid g;
	struct chart_opts o;
	int y, x, row = -1, top = -1;
	char line[16];

	(void)state;
	memset(&o, 0, sizeof o);
	o.tiers = ascii;
	grid_init(&g, 60, 20);
	chart_function(&g, &o, -6, 6, 0, 1, &fn, 1);
	for (y = 0; y < g.h; y++) {
		for (x = 0; x < 4; x++)
			line[x] = (char)grid_at(&g, x, y)->cp;
		line[4] = '\0';
		if (strcmp(line, "0.25") == 0)
			row = y;
		for (x = 5; x < g.w && top < 0; x++)
			if (grid_at(&g, x, y)->cp == '*')
				top = y;
	}
	assert_true(row >= 0);
	assert_int_equal(top, row);
	grid_done(&g);
}

static void
sparkline_text(void **state)
{
	static const double v[] = { 0, 1, 2, 3, 4, 5, 6, 7, NAN, 7 };
	char *s;

	(void)state;
	s = chart_sparkline_str(v, 10, 12, CHART_GLYPH_BRAILLE);
	assert_string_equal(s, "▁▂▃▄▅▆▇█ █  ");
	free(s);
	s = chart_sparkline_str(v, 10, 4, CHART_GLYPH_ASCII);
	assert_string_equal(s, "_@ @");	/* last 4 values, own scale */
	free(s);
	s = chart_sparkline_str(NULL, 0, 3, CHART_GLYPH_ASCII);
	assert_string_equal(s, "   ");
	free(s);
	s = chart_sparkline_str(v, 10, 0, CHART_GLYPH_ASCII);
	assert_string_equal(s, "");
	free(s);
}

/* The label text is somewhere on the grid. */
static void
t_assert_label(const struct grid *g)
{
	char *t = grid_to_string(g, CHART_COLOR_NONE);

	assert_non_null(strstr(t, "best@10 val=0.49"));
	free(t);
}

/* Occurrences of byte ch in t. */
static int
count_char(const char *t, char ch)
{
	int n = 0;

	for (; *t; t++)
		n += *t == ch;
	return n;
}

/*
 * A scatter series (opts.points) is one marker per point and no line: two
 * far-apart points are two marks, while the same series as a line joins
 * them; in braille a marker is a 2x2 blob, in the legend too.
 */
static void
scatter_points_not_joined(void **state)
{
	static const double x[] = { 0, 10 }, y[] = { 0, 10 };
	struct chart_series s = { "pts", y, x, 2, 0, 0 };
	struct chart_line_opts lo;
	struct chart_opts o;
	struct grid g;
	char *t;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&lo, 0, sizeof lo);
	o.tiers = ascii;
	o.no_legend = 1;
	grid_init(&g, 40, 12);
	chart_line(&g, &o, &lo, &s, 1);
	t = grid_to_string(&g, CHART_COLOR_NONE);
	assert_true(count_char(t, '*') > 10);	/* a line */
	free(t);
	lo.points = 1;
	chart_line(&g, &o, &lo, &s, 1);
	t = grid_to_string(&g, CHART_COLOR_NONE);
	assert_int_equal(count_char(t, '*'), 2);	/* two marks */
	free(t);
	o.tiers.glyphs = CHART_GLYPH_BRAILLE;
	o.no_legend = 0;
	chart_line(&g, &o, &lo, &s, 1);
	t = grid_to_string(&g, CHART_COLOR_NONE);
	/* U+2836 (rows 1-2) in the legend, 2x2 blobs at the points */
	assert_non_null(strstr(t, "\u2836  pts"));
	free(t);
	grid_done(&g);
}

/* Row y of g as plain text (ASCII tier), in buf of at least g->w + 1. */
static char *
row_text(struct grid *g, int y, char *buf)
{
	int x;

	for (x = 0; x < g->w; x++)
		buf[x] = (char)grid_at(g, x, y)->cp;
	buf[g->w] = '\0';
	return buf;
}

/*
 * Mean bars: bars on a linear axis from 0 in proportion to the means, the
 * whisker from mean - sd to mean + sd (its inner end drawn over the bar),
 * none without an sd; labels left, "mean +- sd" right; the axis ends on a
 * tick above the largest mean + sd.
 */
static void
meanbars_scale_and_whiskers(void **state)
{
	static const char *const labels[] = { "a", "bb" };
	static const double mean[] = { 1.0, 0.5 }, sd[] = { 0.2, NAN };
	struct grid g;
	struct chart_opts o;
	char row[64];
	int hash0 = 0, hash1 = 0, last0 = -1, bar0 = -1;

	(void)state;
	memset(&o, 0, sizeof o);
	o.tiers = ascii;
	grid_init(&g, 40, 9);
	chart_meanbars(&g, &o, labels, mean, sd, 2, "3 seeds");
	/* 2 columns of labels, the axis, 27 columns of bars, 8 of values;
	 * the ticks 0 .. 1.5: a bar of 1 is 18 cells, of 0.5 9 cells */
	assert_string_equal(row_text(&g, 0, row),
	    " a |##############|###----|     1 +- 0.2");
	assert_string_equal(row_text(&g, 1, row),
	    "   |                                    ");
	assert_string_equal(row_text(&g, 2, row),
	    "bb |#########                        0.5");
	for (int x = 0; x < g.w; x++) {
		hash0 += grid_at(&g, x, 0)->cp == '#';
		hash1 += grid_at(&g, x, 2)->cp == '#';
		if (grid_at(&g, x, 0)->cp == '#')
			bar0 = x;
		if (grid_at(&g, x, 0)->cp == '|')
			last0 = x;
	}
	assert_int_equal(hash0 + 1, 2 * hash1);	/* one cell is the '|' */
	assert_true(last0 > bar0);		/* mean + sd past the bar */
	assert_non_null(strstr(row_text(&g, 3, row), "+------"));
	row_text(&g, 4, row);
	assert_non_null(strstr(row, "0.5"));
	assert_non_null(strstr(row, "1.5"));
	row_text(&g, 5, row);
	assert_non_null(strstr(row, "# mean"));
	assert_non_null(strstr(row, "3 seeds"));
	/* Unicode: the whisker's ends are box-drawing tees */
	o.tiers = braille;
	chart_meanbars(&g, &o, labels, mean, sd, 2, NULL);
	{
		int tee_l = -1, tee_r = -1, block = -1;

		for (int x = 0; x < g.w; x++) {
			uint32_t cp = grid_at(&g, x, 0)->cp;

			if (cp == 0x251C)
				tee_l = x;
			else if (cp == 0x2524)
				tee_r = x;
			else if (cp == 0x2588)
				block = x;
		}
		assert_true(tee_l > 0 && tee_l < block && block < tee_r);
	}
	grid_done(&g);
}

/* A NaN mean has no bar and says nan; no data and tiny grids do not
 * crash. */
static void
meanbars_edge_cases(void **state)
{
	static const double mean[] = { NAN, 2 }, sd[] = { 1, 0 };
	struct grid g;
	struct chart_opts o;
	char row[64];

	(void)state;
	memset(&o, 0, sizeof o);
	o.tiers = ascii;
	grid_init(&g, 30, 6);
	chart_meanbars(&g, &o, NULL, mean, sd, 2, NULL);
	row_text(&g, 0, row);
	assert_non_null(strstr(row, "nan"));
	assert_null(strchr(row + 1, '#'));
	chart_meanbars(&g, &o, NULL, NULL, NULL, 0, NULL);
	assert_non_null(strstr(row_text(&g, 0, row),
	    "(no data)"));
	grid_resize(&g, 10, 2);
	chart_meanbars(&g, &o, NULL, mean, sd, 2, NULL);
	grid_done(&g);
}

/* The x tick row: the row under the bottom axis (the row of most '-'). */
static int
xtick_row(struct grid *g)
{
	char buf[512];
	int y, best = -1, bestn = 0;

	for (y = 0; y < g->h; y++) {
		int n = count_char(row_text(g, y, buf), '-');

		if (n > bestn) {
			bestn = n;
			best = y;
		}
	}
	return best < 0 ? -1 : best + 1;
}

/*
 * Explicit x ticks (a sweep's values): one labelled tick per run in order,
 * no numeric ticks such as "1.5"; in a narrow pane labels that would
 * overlap are dropped, never cut, and every tick keeps its mark.
 */
static void
explicit_x_ticks(void **state)
{
	static const double x[] = { 1, 2, 3, 4 }, y[] = { 0.5, 0.4, 0.3, 0.6 };
	static const char *const txt[] = { "0", "0.1", "1", "10" };
	static const char *const lng[] = { "0.0001", "0.001", "0.01", "0.1" };
	struct chart_series s = { "loss", y, x, 4, 0, 0 };
	struct chart_line_opts lo;
	struct chart_opts o;
	struct grid g;
	char buf[128], *tok, *save = NULL;
	int row, k;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&lo, 0, sizeof lo);
	o.tiers = ascii;
	lo.xlo = 0.75;
	lo.xhi = 4.25;
	lo.xtick_pos = x;
	lo.xtick_text = txt;
	lo.nxticks = 4;
	grid_init(&g, 60, 12);
	chart_line(&g, &o, &lo, &s, 1);
	row = xtick_row(&g);
	assert_true(row > 0);
	k = 0;
	for (tok = strtok_r(row_text(&g, row, buf), " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save))
		assert_string_equal(tok, txt[k++]);
	assert_int_equal(k, 4);
	grid_done(&g);

	/* narrow: whole labels only, from the list, in order; 4 tick marks */
	grid_init(&g, 20, 12);
	lo.xtick_text = lng;
	chart_line(&g, &o, &lo, &s, 1);
	row = xtick_row(&g);
	assert_true(row > 0);
	k = 0;
	for (tok = strtok_r(row_text(&g, row, buf), " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		while (k < 4 && strcmp(tok, lng[k]) != 0)
			k++;
		assert_true(k < 4);	/* a whole label, in order */
		k++;
	}
	/* the axis row: the corner and one mark per tick */
	assert_int_equal(count_char(row_text(&g, row - 1, buf), '+'), 5);
	grid_done(&g);
}

/* Whole-number x ticks (epochs, layers): never "1.5", however few points
 * or however narrow the thinning. */
static void
integer_x_ticks(void **state)
{
	static const int widths[] = { 16, 30, 72, 120 };
	static const int counts[] = { 1, 2, 3, 5, 17, 1000 };
	double y[1000];
	struct chart_series s = { "loss", y, NULL, 0, 1, 1 };
	struct chart_line_opts lo;
	struct chart_opts o;
	struct grid g;
	char buf[160];
	size_t i, j;
	int row, any;

	(void)state;
	for (i = 0; i < COUNT(y); i++)
		y[i] = 1.0 / (1.0 + (double)i);
	memset(&o, 0, sizeof o);
	memset(&lo, 0, sizeof lo);
	o.tiers = ascii;
	o.no_legend = 1;
	lo.xint = 1;
	for (i = 0; i < COUNT(widths); i++)
		for (j = 0; j < COUNT(counts); j++) {
			s.n = counts[j];
			grid_init(&g, widths[i], 12);
			chart_line(&g, &o, &lo, &s, 1);
			row = xtick_row(&g);
			assert_true(row > 0);
			row_text(&g, row, buf);
			assert_null(strchr(buf, '.'));
			any = strspn(buf, " ") < strlen(buf);
			assert_true(any);
			grid_done(&g);
		}
}

/* popcount of a braille cell's dots (0 for other cells). */
static int
braille_dots(unsigned cp)
{
	unsigned m;
	int n = 0;

	if (cp < 0x2800 || cp > 0x28FF)
		return 0;
	for (m = cp - 0x2800; m; m >>= 1)
		n += m & 1;
	return n;
}

/* A marked line (opts.marks) keeps its line and adds a 2x2 marker per
 * measured point. */
static void
marks_on_lines(void **state)
{
	static const double x[] = { 0, 5, 10 }, y[] = { 1, 1, 1 };
	struct chart_series s = { "v", y, x, 3, 0, 0 };
	struct chart_line_opts lo;
	struct chart_opts o;
	struct grid g;
	int cx, cy, fat[2], pass;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&lo, 0, sizeof lo);
	o.tiers = braille;
	o.no_legend = 1;
	lo.xlo = -1;
	lo.xhi = 11;
	grid_init(&g, 40, 10);
	for (pass = 0; pass < 2; pass++) {
		lo.marks = (unsigned)pass;
		chart_line(&g, &o, &lo, &s, 1);
		fat[pass] = 0;
		for (cy = 0; cy < g.h; cy++)
			for (cx = 0; cx < g.w; cx++)
				fat[pass] += braille_dots(grid_at(&g, cx,
				    cy)->cp) >= 4;
	}
	assert_int_equal(fat[0], 0);	/* a flat line: one dot row */
	assert_int_equal(fat[1], 3);	/* a blob per point */
	grid_done(&g);
}

/*
 * A tall pane (classroom mode) is filled by the log bars: each bar gets
 * several rows, its label and value on one of them, and the rows left
 * empty at the bottom are fewer than the bars; a short pane keeps one row
 * per bar.
 */
static void
logbars_fill_tall(void **state)
{
	static const double v[] = { 1e-6, 1e-3, 1e-1 };
	static const char *const lab[] = { "layer 1", "layer 2", "layer 3" };
	struct grid g;
	struct chart_opts o;
	struct chart_logbar_opts bo;
	char buf[128];
	int y, bars, labelled, last = -1;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&bo, 0, sizeof bo);
	o.tiers = ascii;
	o.title = "gradients";
	grid_init(&g, 72, 24);
	chart_logbars(&g, &o, &bo, lab, v, 3);
	bars = labelled = 0;
	for (y = 0; y < g.h; y++) {
		row_text(&g, y, buf);
		if (strchr(buf, '#') != NULL)
			bars++;
		if (strstr(buf, "layer ") != NULL) {
			assert_non_null(strchr(buf, '#'));
			labelled++;
		}
		if (strspn(buf, " ") < strlen(buf))
			last = y;
	}
	assert_int_equal(labelled, 3);
	assert_true(bars >= 6);
	assert_true(g.h - 1 - last < 3);
	grid_done(&g);

	grid_init(&g, 72, 7);		/* title, 3 bars, axis, ticks, legend */
	chart_logbars(&g, &o, &bo, lab, v, 3);
	for (bars = 0, y = 0; y < g.h; y++)
		bars += strchr(row_text(&g, y, buf), '#') != NULL;
	assert_int_equal(bars, 3);
	grid_done(&g);
}

/*
 * Tall bar charts in a short pane (the shell's chart pane at 80x24 is
 * about 43x14): 16 layers, and 20 bars grouped two per layer, in 14 and
 * in 10 rows, every glyph tier, 80 columns wide; and 43 wide, where the
 * 16 layers' labels lose their shared "layer " and (in 14 rows) the
 * grouped bars get a column per run headed by its name, labels "L1" ..
 * "L10": the title and every bar's label and value are on screen, every
 * line as wide as the grid.
 */
static void
logbars_short_pane(void **state)
{
	static const int heights[] = { 14, 10 }, widths[] = { 80, 43 };
	static const struct chart_tiers *tiers[] = { &ascii, &braille };
	static const int counts[] = { 16, 20 };
	char *lab[20], want[32], val[32], *t, *line, *nl;
	const char *const *labels = (const char *const *)lab;
	const char *axis;
	struct chart_logbar_opts bo;
	struct chart_opts o;
	struct grid g;
	double v[20];
	int ti, ci, hi, wi, i, n, w, lines;

	(void)state;
	for (ti = 0; ti < 2; ti++)
	for (wi = 0; wi < 2; wi++)
	for (ci = 0; ci < 2; ci++)
	for (hi = 0; hi < 2; hi++) {
		n = counts[ci];
		w = widths[wi];
		if (w < 80 && n == 20 && heights[hi] < 14)
			continue;
		axis = ti == 0 ? "|" : "\u2502";
		memset(&o, 0, sizeof o);
		memset(&bo, 0, sizeof bo);
		o.tiers = *tiers[ti];
		o.title = "gradient norm per layer";
		bo.group = n == 20 ? 2 : 1;
		for (i = 0; i < n; i++) {
			v[i] = pow(10, -1 - 0.4 * i);
			lab[i] = n == 20 ? xasprintf("%s L%d", i % 2 ?
			    "relu" : "sigmoid", i / 2 + 1) :
			    xasprintf("layer %d", i + 1);
		}
		grid_init(&g, w, heights[hi]);
		chart_logbars(&g, &o, &bo, labels, v, n);
		t = grid_to_string(&g, CHART_COLOR_NONE);
		assert_non_null(strstr(t, "gradient norm per layer"));
		for (i = 0; i < n; i++) {
			/* the label whole, then a space and the axis */
			if (w < 80 && n == 20)
				snprintf(want, sizeof want, " L%d %s",
				    i / 2 + 1, axis);
			else if (w < 80)
				snprintf(want, sizeof want, "%2d %s", i + 1,
				    axis);
			else
				snprintf(want, sizeof want, "%s %s", lab[i],
				    axis);
			if (strstr(t, want) == NULL)
				fail_msg("%d bars in %dx%d, tier %d: no "
				    "\"%s\" in\n%s", n, w, heights[hi], ti,
				    want, t);
			chart_fmt_sci(v[i], val, sizeof val);
			assert_non_null(strstr(t, val));
			free(lab[i]);
		}
		if (w < 80 && n == 20) {
			assert_non_null(strstr(t, " sigmoid "));
			assert_non_null(strstr(t, " relu "));
		}
		lines = 0;
		for (line = t; *line != '\0'; line = nl + 1) {
			nl = strchr(line, '\n');
			assert_non_null(nl);
			assert_int_equal(utf8_width(line,
			    (size_t)(nl - line)), w);
			lines++;
		}
		assert_int_equal(lines, heights[hi]);
		free(t);
		grid_done(&g);
	}
}

/* The heatmap's scale "0 ░▒▓█ 1" is shown whole or not at all: never a
 * lone "0" at the end of the legend in a narrow pane. */
static void
heatmap_scale_whole(void **state)
{
	static const double z[] = { 0, 0.5, 0.5, 1 };
	struct chart_heatmap_opts ho;
	struct chart_opts o;
	struct grid g;
	char buf[128];
	int w, n;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&ho, 0, sizeof ho);
	o.tiers = ascii;
	ho.xlo = ho.ylo = 0;
	ho.xhi = ho.yhi = 1;
	ho.contour_on = 1;
	ho.contour = 0.5;
	for (w = 30; w <= 80; w++) {
		grid_init(&g, w, 12);
		chart_heatmap(&g, &o, &ho, z, 2, 2, NULL, 0);
		row_text(&g, g.h - 1, buf);
		n = (int)strlen(buf);
		while (n > 0 && buf[n - 1] == ' ')
			buf[--n] = '\0';
		assert_true(n > 0);
		if (strstr(buf, "z=0.5 ") != NULL)	/* the scale is there */
			assert_int_equal(buf[n - 1], '1');
		grid_done(&g);
	}
}

static double
f_ident(double x, void *ctx)
{
	(void)ctx;
	return x;
}

/* A function plot in few rows keeps the data's range: y = x on [-6, 6]
 * reaches the top and the bottom plot rows (not an axis of -10..10). */
static void
function_range_tight(void **state)
{
	const struct chart_fn fn = { "x", f_ident, NULL };
	struct grid g;
	struct chart_opts o;
	char buf[64];
	int y, first = -1, last = -1;

	(void)state;
	memset(&o, 0, sizeof o);
	o.tiers = ascii;
	o.no_legend = 1;
	grid_init(&g, 40, 7);		/* 5 plot rows, axis, ticks */
	chart_function(&g, &o, -6, 6, 0, 0, &fn, 1);
	for (y = 0; y < g.h; y++)
		if (strchr(row_text(&g, y, buf), '*') != NULL) {
			if (first < 0)
				first = y;
			last = y;
		}
	assert_int_equal(first, 0);
	assert_int_equal(last, xtick_row(&g) - 2);
	grid_done(&g);
}

/* Row of the first line starting with text t, or -1. */
static int
row_starting(struct grid *g, const char *t)
{
	char buf[128];
	int y;

	for (y = 0; y < g->h; y++)
		if (strncmp(row_text(g, y, buf), t, strlen(t)) == 0)
			return y;
	return -1;
}

/* A matrix in a tall pane, more than half empty, spaces its rows out; in
 * a pane it fills, the rows stay adjacent. */
static void
matrix_fills_tall(void **state)
{
	double m[4 * 3];
	struct chart_opts o;
	struct grid g;
	int i;

	(void)state;
	for (i = 0; i < 12; i++)
		m[i] = i * 0.5 - 2;
	memset(&o, 0, sizeof o);
	o.tiers = ascii;
	o.title = "batch norm";
	grid_init(&g, 40, 24);
	chart_matrix(&g, &o, m, 4, 3, CHART_GROUP_COLUMN, 1);
	assert_int_equal(row_starting(&g, "x1") - row_starting(&g, "x0"), 2);
	assert_int_equal(row_starting(&g, "x3") - row_starting(&g, "x2"), 2);
	grid_done(&g);
	grid_init(&g, 40, 10);
	chart_matrix(&g, &o, m, 4, 3, CHART_GROUP_COLUMN, 1);
	assert_int_equal(row_starting(&g, "x1") - row_starting(&g, "x0"), 1);
	grid_done(&g);
}

/* No negative zero: a column whose mean is a rounding error below 0 says
 * mean=0.000, and a cell of -0.001 shows 0.00. */
static void
matrix_no_negative_zero(void **state)
{
	double m[2 * 2] = { 1, -0.001, -1 - 1e-12, 0.0005 };
	struct chart_opts o;
	struct grid g;
	char *t;

	(void)state;
	memset(&o, 0, sizeof o);
	o.tiers = ascii;
	grid_init(&g, 60, 10);
	chart_matrix(&g, &o, m, 2, 2, CHART_GROUP_COLUMN, 1);
	t = grid_to_string(&g, CHART_COLOR_NONE);
	assert_non_null(strstr(t, "mean=0.000 "));
	assert_null(strstr(t, "-0.0"));
	free(t);
	grid_done(&g);
}

/* A legend that would leave a series out entirely takes a second row:
 * every series is named, two per row. */
static void
legend_wraps(void **state)
{
	static const double y[] = { 1, 2, 3 };
	static const char *const nm[] = { "tanh train", "tanh val",
	    "relu train", "relu val" };
	struct chart_series s[4];
	struct chart_opts o;
	struct grid g;
	char *t;
	int i;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(s, 0, sizeof s);
	o.tiers = ascii;
	o.title = "loss";
	o.xlabel = "epoch";
	for (i = 0; i < 4; i++) {
		s[i].name = nm[i];
		s[i].y = y;
		s[i].n = 3;
		s[i].x0 = 1;
	}
	grid_init(&g, 40, 10);
	chart_line(&g, &o, NULL, s, 4);
	t = grid_to_string(&g, CHART_COLOR_NONE);
	for (i = 0; i < 4; i++)
		assert_non_null(strstr(t, nm[i]));
	/* half the items a row: "tanh val" ends its row */
	assert_non_null(strstr(t, "tanh val"));
	assert_true(strspn(strstr(t, "tanh val") + 8, " ") ==
	    strcspn(strstr(t, "tanh val") + 8, "\n"));
	assert_null(chart_check_text(t, 40, 10, CHART_COLOR_NONE, 1));
	free(t);
	grid_done(&g);
}

/* The 256-colour palette as RGB, for a direct-colour terminal. */
static void
palette_rgb(void **state)
{
	(void)state;
	assert_int_equal(chart_color_rgb(1), 0x800000);
	assert_int_equal(chart_color_rgb(33), 0x0087ff);	/* series1 */
	assert_int_equal(chart_color_rgb(196), 0xff0000);	/* bad */
	assert_int_equal(chart_color_rgb(208), 0xff8700);	/* series2 */
	assert_int_equal(chart_color_rgb(244), 0x808080);	/* axis */
	assert_int_equal(chart_color_rgb(232), 0x080808);
	assert_int_equal(chart_color_rgb(-1), -1);
	assert_int_equal(chart_color_rgb(256), -1);
	/* one meaning a colour: red is for failures, not for a marker or
	 * the "more" note */
	assert_int_not_equal(chart_role_color(GRID_MARKER, CHART_COLOR_256),
	    chart_role_color(GRID_BAD, CHART_COLOR_256));
	assert_int_not_equal(chart_role_color(GRID_MARKER, CHART_COLOR_8),
	    chart_role_color(GRID_BAD, CHART_COLOR_8));
}

/* Notes wrap to a second row instead of losing their end: the
 * histogram's caption keeps "of N", the matrix note keeps its std. */
static void
notes_wrap(void **state)
{
	static double v[4224];
	double m[8 * 4];
	struct chart_hist_opts ho = { 0, 0, 0, 1e-6, 0 };
	struct chart_opts o;
	struct grid g;
	char *t;
	int i;

	(void)state;
	for (i = 0; i < 4224; i++)
		v[i] = (i % 97 - 48) / 80.0;
	memset(&o, 0, sizeof o);
	o.tiers = braille;
	o.title = "all weights";
	grid_init(&g, 43, 13);
	chart_hist(&g, &o, &ho, "weights", v, 4224);
	t = grid_to_string(&g, CHART_COLOR_NONE);
	assert_non_null(strstr(t, "(|w|<=1.0e-06)"));
	assert_non_null(strstr(t, "4224"));
	assert_null(strstr(t, "..."));
	free(t);
	grid_done(&g);
	for (i = 0; i < 32; i++)
		m[i] = (i * 7 % 11) / 5.0 - 1;
	o.tiers = ascii;
	o.title = "batch norm";
	grid_init(&g, 43, 13);
	chart_matrix(&g, &o, m, 8, 4, CHART_GROUP_COLUMN, 0);
	t = grid_to_string(&g, CHART_COLOR_NONE);
	assert_non_null(strstr(t, "std="));
	free(t);
	grid_done(&g);
}

/* Without colour two braille curves differ by more than dot density:
 * the second carries its mark ('o') on the curve and in the legend; with
 * colour it does not. */
static void
mono_curves_by_glyph(void **state)
{
	double tr[60], va[60];
	struct chart_series s[2];
	struct chart_tiers mono = { CHART_GLYPH_BRAILLE, CHART_COLOR_NONE };
	struct chart_opts o;
	struct grid g;
	char *t, *leg;
	int i, marks = 0;

	(void)state;
	for (i = 0; i < 60; i++) {
		tr[i] = 1.0 / (1 + i);
		va[i] = 0.5 + 0.004 * i;
	}
	memset(&o, 0, sizeof o);
	memset(s, 0, sizeof s);
	s[0].name = "train";
	s[0].y = tr;
	s[1].name = "val";
	s[1].y = va;
	s[0].n = s[1].n = 60;
	s[0].x0 = s[1].x0 = 1;
	o.tiers = mono;
	grid_init(&g, 50, 14);
	chart_line(&g, &o, NULL, s, 2);
	t = grid_to_string(&g, CHART_COLOR_NONE);
	leg = strstr(t, "o val");
	assert_non_null(leg);
	for (i = 0; t + i < leg; i++)
		marks += t[i] == 'o';
	assert_true(marks >= 4);	/* on the curve, every 6 columns */
	free(t);
	o.tiers.colors = CHART_COLOR_256;
	chart_line(&g, &o, NULL, s, 2);
	t = grid_to_string(&g, CHART_COLOR_NONE);
	assert_null(strstr(t, "o val"));
	free(t);
	grid_done(&g);
}

/*
 * The early-stopping label hides no curve when a row is free: a flat
 * validation curve runs through the marker's row, so the label moves to
 * another row; every series cell of the chart without the label is still
 * there with it, and the triangle stays at the point.
 */
static void
marker_label_avoids_curves(void **state)
{
	double tr[40], va[40];
	struct chart_series s[2] = {
		{ "train", tr, NULL, 40, 1, 1 }, { "val", va, NULL, 40, 1, 1 }
	};
	struct chart_line_opts lo;
	struct chart_opts o;
	struct grid a, b;
	int i, k, hidden = 0, tri = 0;

	(void)state;
	for (i = 0; i < 40; i++) {
		tr[i] = 1.0 - 0.02 * i;
		va[i] = i == 9 ? 0.49 : 0.5;
	}
	memset(&o, 0, sizeof o);
	memset(&lo, 0, sizeof lo);
	grid_init(&a, 60, 14);
	grid_init(&b, 60, 14);
	lo.marker = 1;
	lo.marker_x = 10;
	lo.marker_y = 0.49;
	for (k = 0; k < 3; k++) {
		o.tiers.glyphs = k == 0 ? CHART_GLYPH_ASCII : k == 1 ?
		    CHART_GLYPH_QUADRANT : CHART_GLYPH_BRAILLE;
		lo.marker_label = NULL;
		chart_line(&a, &o, &lo, s, 2);
		lo.marker_label = "best@10 val=0.49";
		chart_line(&b, &o, &lo, s, 2);
		for (i = 0; i < a.w * a.h; i++) {
			const struct grid_cell *ca = &a.cells[i], *cb = &b.cells[i];

			if (ca->fg >= GRID_SERIES1 && ca->fg <= GRID_SERIES6 &&
			    (cb->cp != ca->cp || cb->fg != ca->fg))
				hidden++;
			tri += (cb->cp == 'v' || cb->cp == 0x25BC) &&
			    cb->fg == GRID_MARKER && (cb->attr & GRID_BOLD);
		}
		t_assert_label(&b);
	}
	assert_int_equal(hidden, 0);
	assert_int_equal(tri, 3);
	grid_done(&a);
	grid_done(&b);
}

/* Shrinking drops the title first, then legend, x label, x tick labels. */
static void
degrade_order(void **state)
{
	static const double y[] = { 3, 1, 2, 0.5 };
	struct chart_series s = { "LEG", y, NULL, 4, 1, 1 };
	struct chart_opts o;
	struct grid g;
	char *t;
	int h, has_title, has_leg, has_xl, has_tick;

	(void)state;
	memset(&o, 0, sizeof o);
	o.tiers = ascii;
	o.title = "TTL";
	o.xlabel = "XLB";
	grid_init(&g, 40, 1);
	for (h = 12; h >= 0; h--) {
		grid_resize(&g, 40, h);
		chart_line(&g, &o, NULL, &s, 1);
		t = grid_to_string(&g, CHART_COLOR_NONE);
		assert_null(chart_check_text(t, 40, h, CHART_COLOR_NONE, 1));
		has_title = strstr(t, "TTL") != NULL;
		has_leg = strstr(t, "LEG") != NULL;
		has_xl = strstr(t, "XLB") != NULL;
		has_tick = strstr(t, "2.0") != NULL;
		assert_int_equal(has_title, h >= 8);
		assert_int_equal(has_leg, h >= 7);
		assert_int_equal(has_xl, h >= 6);
		assert_int_equal(has_tick, h >= 5);
		if (h < 4 && h > 0)
			assert_non_null(strstr(t, "too small"));
		free(t);
	}
	grid_done(&g);
}

static double
f_wild(double x, void *ctx)
{
	(void)ctx;
	return x > 0 ? 1e308 * x : x < -1 ? NAN : -1e-310;
}

/* Absurd magnitudes draw something sane (and stay clean under UBSan). */
static void
extreme_values(void **state)
{
	static const double y[] = { 1e308, -1e308, 1e-320, -0.0, 5e-324,
		1.7e308, NAN, 3 };
	static const double x[] = { -1e308, 1e308, 0, 1, 2, 3, 4, 5 };
	static const double xs[] = { 1, 1, 1, 1, 1, 1, 1, 1 };
	const struct chart_fn fn = { "wild", f_wild, NULL };
	struct chart_series s[3] = {
		{ "a", y, NULL, 8, 0, 1 }, { "b", y, x, 8, 0, 0 },
		{ "c", y, xs, 8, 0, 0 }
	};
	struct chart_point pt[2] = { { 1e308, -1e308, 0, 0 }, { NAN, 0, 1, 0 } };
	struct chart_heatmap_opts ho;
	struct chart_hist_opts hi;
	struct chart_line_opts lo;
	struct grid g;
	struct chart_opts o;
	char *text;
	int gl, logy;

	(void)state;
	memset(&o, 0, sizeof o);
	memset(&ho, 0, sizeof ho);
	memset(&hi, 0, sizeof hi);
	grid_init(&g, 50, 14);
	for (gl = 0; gl < 3; gl++) {
		o.tiers.glyphs = (enum chart_glyphs)gl;
		o.tiers.colors = CHART_COLOR_256;
		for (logy = 0; logy < 2; logy++) {
			memset(&lo, 0, sizeof lo);
			lo.logy = logy;
			lo.marker = 1;
			lo.marker_x = 1e308;
			lo.marker_y = NAN;
			lo.hline_on = 1;
			lo.hline = -1e308;
			chart_line(&g, &o, &lo, s, 3);
			lo.xlo = -1e308;
			lo.xhi = 1e308;
			lo.ylo = 0;
			lo.yhi = INFINITY;
			chart_line(&g, &o, &lo, s, 3);
		}
		chart_function(&g, &o, -1e308, 1e308, 0, 0, &fn, 1);
		chart_function(&g, &o, -2, 2, 0, 0, &fn, 1);
		chart_hist(&g, &o, NULL, "h", y, 8);
		hi.lo = -1e308;
		hi.hi = 1e308;
		hi.nbins = 100000;
		chart_hist(&g, &o, &hi, "h", y, 8);
		chart_hist2(&g, &o, &hi, "a", y, 8, "b", x, 8);
		chart_logbars(&g, &o, NULL, NULL, y, 8);
		ho.xlo = -1e308;
		ho.xhi = 1e308;
		ho.zlo = -1e308;
		ho.zhi = 1e308;
		ho.contour_on = 1;
		chart_heatmap(&g, &o, &ho, y, 4, 2, pt, 2);
		chart_matrix(&g, &o, y, 2, 4, CHART_GROUP_ROW, 7);
		chart_matrix(&g, &o, y, 2, 4, CHART_GROUP_COLUMN, -3);
		text = grid_to_string(&g, o.tiers.colors);
		assert_null(chart_check_text(text, 50, 14, o.tiers.colors, 0));
		free(text);
	}
	grid_done(&g);
}

/* Every case at many sizes and all nine tiers, thin and thick: never
 * ragged, no crash. */
static void
size_sweep(void **state)
{
	static const int ws[] = { 0, 1, 3, 5, 8, 13, 21, 34, 55, 90 };
	static const int hs[] = { 0, 1, 2, 3, 4, 6, 9, 14, 30 };
	struct grid g;
	struct chart_opts o;
	char *text;
	const char *err;
	size_t i, j;
	int c, gl, co, th;

	(void)state;
	grid_init(&g, 0, 0);
	for (c = 0; c < chart_ncases; c++)
		for (gl = 0; gl < 3; gl++)
			for (co = 0; co < 3; co++)
				for (th = 0; th < 2; th++)
				for (i = 0; i < COUNT(ws); i++)
					for (j = 0; j < COUNT(hs); j++) {
		memset(&o, 0, sizeof o);
		o.tiers.glyphs = (enum chart_glyphs)gl;
		o.tiers.colors = (enum chart_colors)co;
		o.thick = th;
		grid_resize(&g, ws[i], hs[j]);
		chart_cases[c].draw(&g, &o);
		text = grid_to_string(&g, o.tiers.colors);
		err = chart_check_text(text, ws[i], hs[j], o.tiers.colors,
		    gl == CHART_GLYPH_ASCII);
		if (err != NULL)
			fail_msg("%s/%s %dx%d %s/%s: %s", chart_cases[c].chart,
			    chart_cases[c].name, ws[i], hs[j],
			    chart_glyphs_name(o.tiers.glyphs),
			    chart_colors_name(o.tiers.colors), err);
		free(text);
					}
	grid_done(&g);
}

/*
 * Appends to *set (a " word word " list) the ASCII letter runs of text that
 * are not yet in it; with set NULL instead returns the first run ending a
 * line that is missing from known (NULL when every such run is known).  A
 * run is two or more letters: a decoration cut at the pane edge leaves a
 * fragment there ("featu").
 */
static const char *
word_runs(const char *text, char **set, const char *known)
{
	static char miss[64];
	const char *p = text;

	while (*p != '\0') {
		size_t n = 0, k;
		char key[66];

		while (((p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z'))
			n++;
		for (k = 0; k + 2 < n && !(p[k] == p[k + 1] &&
		    p[k] == p[k + 2]); k++)
			;
		/* "oo", "xooo", "Ox", "ovo": plot marks (a heatmap's training
		 * and validation points, a fit's training marks 'o' and
		 * validation letters 'v' in ASCII), not words */
		if (n < 2 || n > 60 || k + 2 < n || (n == 2 && p[0] == p[1]) ||
		    strspn(p, "oxOX") >= n || strspn(p, "ov") >= n ||
		    (set == NULL && p[n] != '\n')) {
			p += n ? n : 1;
			continue;
		}
		snprintf(key, sizeof key, " %.*s ", (int)n, p);
		if (set != NULL && strstr(*set, key) == NULL) {
			char *t = xasprintf("%s%s", *set, key + 1);

			free(*set);
			*set = t;
		} else if (set == NULL && strstr(known, key) == NULL) {
			snprintf(miss, sizeof miss, "%.*s", (int)n, p);
			return miss;
		}
		p += n;
	}
	return NULL;
}

/*
 * Narrow panes (the TUI's chart pane is about 43x14): every decoration
 * either fits whole, is shortened at a word, or is dropped; no word is ever
 * cut at the edge.  The words of each case at a roomy size are the
 * reference; at every width 30..80 and height 8..24 each letter run shown
 * must be one of them.
 */
static void
no_cut_words(void **state)
{
	static const struct chart_tiers *tiers[] = { &ascii, &braille };
	struct grid g;
	struct chart_opts o;
	char *text, *known;
	const char *bad;
	int c, t, w, h;

	(void)state;
	grid_init(&g, 0, 0);
	for (c = 0; c < chart_ncases; c++)
		for (t = 0; t < 2; t++) {
			memset(&o, 0, sizeof o);
			o.tiers = *tiers[t];
			o.tiers.colors = CHART_COLOR_NONE;
			known = xstrdup(" ");
			grid_resize(&g, 200, 60);
			chart_cases[c].draw(&g, &o);
			text = grid_to_string(&g, CHART_COLOR_NONE);
			word_runs(text, &known, NULL);
			free(text);
			for (w = 30; w <= 80; w++)
				for (h = 8; h <= 24; h++) {
			grid_resize(&g, w, h);
			chart_cases[c].draw(&g, &o);
			text = grid_to_string(&g, CHART_COLOR_NONE);
			bad = word_runs(text, NULL, known);
			if (bad != NULL)
				fail_msg("%s/%s %dx%d %s: cut word '%s' in\n%s",
				    chart_cases[c].chart, chart_cases[c].name,
				    w, h, chart_glyphs_name(o.tiers.glyphs),
				    bad, text);
			free(text);
				}
			free(known);
		}
	grid_done(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_tier_keeps_text),
		cmocka_unit_test(narrow_notes_whole),
		cmocka_unit_test(braille_packing),
		cmocka_unit_test(quadrant_packing),
		cmocka_unit_test(canvas_cells),
		cmocka_unit_test(legend_samples),
		cmocka_unit_test(thick_strokes),
		cmocka_unit_test(thick_noisy),
		cmocka_unit_test(big_digits),
		cmocka_unit_test(nice_ticks),
		cmocka_unit_test(axis_fitting),
		cmocka_unit_test(tick_labels),
		cmocka_unit_test(tier_detection),
		cmocka_unit_test(palette),
		cmocka_unit_test(grid_wide_text),
		cmocka_unit_test(grid_sgr),
		cmocka_unit_test(live_range),
		cmocka_unit_test(spike_survives),
		cmocka_unit_test(logbars_visible),
		cmocka_unit_test(sigmoid_peak_reads_025),
		cmocka_unit_test(sparkline_text),
		cmocka_unit_test(scatter_points_not_joined),
		cmocka_unit_test(explicit_x_ticks),
		cmocka_unit_test(integer_x_ticks),
		cmocka_unit_test(marks_on_lines),
		cmocka_unit_test(logbars_fill_tall),
		cmocka_unit_test(logbars_short_pane),
		cmocka_unit_test(heatmap_scale_whole),
		cmocka_unit_test(function_range_tight),
		cmocka_unit_test(matrix_fills_tall),
		cmocka_unit_test(matrix_no_negative_zero),
		cmocka_unit_test(mono_curves_by_glyph),
		cmocka_unit_test(notes_wrap),
		cmocka_unit_test(palette_rgb),
		cmocka_unit_test(legend_wraps),
		cmocka_unit_test(log_minor_ticks),
		cmocka_unit_test(marker_label_avoids_curves),
		cmocka_unit_test(degrade_order),
		cmocka_unit_test(meanbars_scale_and_whiskers),
		cmocka_unit_test(meanbars_edge_cases),
		cmocka_unit_test(extreme_values),
		cmocka_unit_test(size_sweep),
		cmocka_unit_test(no_cut_words),
	};

	return cmocka_run_group_tests_name("chart-unit", tests, NULL, NULL);
}
