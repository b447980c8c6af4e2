#include "config.h"
/*
 * test-draw.c - the curses back-end of the TUI without a terminal: curses
 * runs on an xterm-256color description with its output going to
 * /dev/null, and the cells of stdscr are read back.  Checks UTF-8 text
 * (Hangul in two columns, clipping that never splits a wide character,
 * control characters as ^X, '?' in ASCII mode), grid copying (wide
 * characters and their continuation cells, styles to attributes, colour
 * pairs only with colour), rules, and the too-small notice strings.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <wchar.h>
#include <cmocka.h>

#include "chart/chart.h"
#include "tui/tui-int.h"
#include "util/util.h"
#include "../testutil.h"

static SCREEN *scr;
static FILE *out, *in;

static int
setup(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (out == NULL || in == NULL)
		return -1;
	scr = newterm("xterm-256color", out, in);
	if (scr == NULL)
		return -1;
	set_term(scr);
	resizeterm(24, 80);
	start_color();
	use_default_colors();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	return 0;
}

/* The character at y,x ('\0' for the right half of a wide character). */
static wchar_t
cell(int y, int x, attr_t *a, short *pair)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t at;
	short p;

	mvin_wch(y, x, &cc);
	getcchar(&cc, wc, &at, &p, NULL);
	if (a != NULL)
		*a = at;
	if (pair != NULL)
		*pair = p;
	return wc[0];
}

static void
reset(int colors, int ascii)
{
	erase();
	tui_term.colors = colors;
	tui_term.ascii = ascii;
	tui_term.utf8 = 1;
	tui_term.present = 0;
}

static void
text_hangul(void **state)
{
	(void)state;
	reset(CHART_COLOR_NONE, 0);
	assert_int_equal(tui_put_text(0, 0, 80, "안녕 ab", (size_t)-1,
	    GRID_DEFAULT, 0), 7);
	assert_true(cell(0, 0, NULL, NULL) == L'안');
	assert_true(cell(0, 2, NULL, NULL) == L'녕');
	assert_true(cell(0, 5, NULL, NULL) == L'a');
	/* 5 columns: the third syllable would need columns 4-5 */
	assert_int_equal(tui_put_text(1, 0, 5, "가나다", (size_t)-1,
	    GRID_DEFAULT, 0), 4);
	assert_true(cell(1, 4, NULL, NULL) == L' ');
	/* n bytes: one syllable is 3 bytes */
	assert_int_equal(tui_put_text(2, 0, 80, "가나다", 3, GRID_DEFAULT, 0),
	    2);
}

static void
text_controls_ascii(void **state)
{
	(void)state;
	reset(CHART_COLOR_NONE, 0);
	assert_int_equal(tui_put_text(0, 0, 80, "a\tb", (size_t)-1,
	    GRID_DEFAULT, 0), 4);
	assert_true(cell(0, 1, NULL, NULL) == L'^');
	assert_true(cell(0, 2, NULL, NULL) == L'I');
	/* --ascii: 7-bit frames and charts, but text keeps its characters */
	reset(CHART_COLOR_NONE, 1);
	assert_int_equal(tui_put_text(0, 0, 80, "λ=한", (size_t)-1,
	    GRID_DEFAULT, 0), 4);
	assert_true(cell(0, 0, NULL, NULL) == L'λ');
	assert_true(cell(0, 2, NULL, NULL) == L'한');
	/* a locale that cannot show it: spelt in ASCII (util's table),
	 * '?' per column for what has no spelling; widths agree */
	reset(CHART_COLOR_NONE, 1);
	tui_term.utf8 = 0;
	tui_ascii_text(1);
	assert_int_equal(tui_text_cols("λ=한", (size_t)-1), 9);
	assert_int_equal(tui_put_text(0, 0, 80, "λ=한", (size_t)-1,
	    GRID_DEFAULT, 0), 9);
	assert_true(cell(0, 0, NULL, NULL) == L'l');
	assert_true(cell(0, 5, NULL, NULL) == L'a');
	assert_true(cell(0, 6, NULL, NULL) == L'=');
	assert_true(cell(0, 7, NULL, NULL) == L'?');
	assert_true(cell(0, 8, NULL, NULL) == L'?');
	/* cut whole: no half of "lambda" */
	reset(CHART_COLOR_NONE, 1);
	tui_term.utf8 = 0;
	assert_int_equal(tui_put_text(0, 0, 4, "λ=", (size_t)-1,
	    GRID_DEFAULT, 0), 0);
	tui_ascii_text(0);
}

static void
text_attributes(void **state)
{
	attr_t a;
	short pair;

	(void)state;
	reset(CHART_COLOR_NONE, 0);
	tui_put_text(0, 0, 10, "x", 1, GRID_BAD, GRID_BOLD | GRID_UNDERLINE);
	cell(0, 0, &a, &pair);
	assert_true(a & A_BOLD);
	assert_true(a & A_UNDERLINE);
	assert_int_equal(pair, 0);		/* mono: no colour pair */
	reset(CHART_COLOR_256, 0);
	tui_put_text(0, 0, 10, "x", 1, GRID_BAD, 0);
	cell(0, 0, &a, &pair);
	assert_true(pair > 0);			/* a pair for the role */
	tui_put_text(0, 1, 10, "y", 1, GRID_BAD, 0);
	{
		short p2;

		cell(0, 1, NULL, &p2);
		assert_int_equal(p2, pair);	/* reused, not a new one */
	}
	tui_term.present = 1;			/* classroom: always bold */
	tui_put_text(0, 2, 10, "z", 1, GRID_DEFAULT, 0);
	cell(0, 2, &a, NULL);
	assert_true(a & A_BOLD);
}

static void
grid_copy(void **state)
{
	struct grid g;
	struct tui_rect r = { 10, 5, 6, 2 };
	attr_t a;

	(void)state;
	reset(CHART_COLOR_NONE, 0);
	grid_init(&g, 8, 3);
	grid_text(&g, 0, 0, -1, "ab한c", GRID_SERIES1, GRID_REVERSE);
	grid_put(&g, 5, 1, 0x4E00, GRID_DEFAULT, GRID_DEFAULT, 0);
	grid_put(&g, 0, 2, 'z', GRID_DEFAULT, GRID_DEFAULT, 0);
	tui_put_grid(&r, &g);
	assert_true(cell(5, 10, &a, NULL) == L'a');
	assert_true(a & A_REVERSE);
	assert_true(cell(5, 12, NULL, NULL) == L'한');
	assert_true(cell(5, 14, NULL, NULL) == L'c');
	/* a wide character in the last column of the area is not drawn */
	assert_true(cell(6, 15, NULL, NULL) == L' ');
	/* clipped to the rectangle: row 2 of the grid is outside */
	assert_true(cell(7, 10, NULL, NULL) == L' ');
	grid_done(&g);
}

static void
rules_and_clear(void **state)
{
	struct tui_rect h = { 0, 3, 20, 1 }, v = { 30, 0, 1, 5 };
	struct tui_rect c = { 0, 3, 5, 1 };

	(void)state;
	reset(CHART_COLOR_NONE, 1);
	tui_put_hrule(&h, "output");
	assert_true(cell(3, 0, NULL, NULL) == L'-');
	assert_true(cell(3, 2, NULL, NULL) == L'o');
	tui_put_vrule(&v);
	assert_true(cell(4, 30, NULL, NULL) == L'|');
	tui_clear_rect(&c);
	assert_true(cell(3, 2, NULL, NULL) == L' ');
	assert_true(cell(3, 6, NULL, NULL) == L'u');
	assert_true(cell(3, 8, NULL, NULL) == L'-');
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_hangul),
		cmocka_unit_test(text_controls_ascii),
		cmocka_unit_test(text_attributes),
		cmocka_unit_test(grid_copy),
		cmocka_unit_test(rules_and_clear),
	};

	return cmocka_run_group_tests_name("tui/draw", tests, setup, teardown);
}
