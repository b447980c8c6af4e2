#include "config.h"
/*
 * test-present.c - classroom mode's key numbers: which the page shows (the
 * lambda, the metrics its checks, @remember and @expect name, else the
 * validation loss), how they are formatted, and the big-digit panel at
 * the widths the layout gives it.
 */

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "chart/chart.h"
#include "chart/grid.h"
#include "cmd/cmd.h"
#include "lesson/lesson.h"
#include "tui/layout.h"
#include "tui/present.h"
#include "util/util.h"

static const char fixture[] =
    "@title Present fixture\n"
    "@lang en\n"
    "@page Named\n"
    "Text first.\n"
    "> data poly n=30; net 1-8-8-1; train 10\n"
    "@remember before train_loss\n"
    "@check val_loss < 10*train_loss\n"
    "@check grad_ratio > 0\n"
    "@page None named\n"
    "Only text.\n"
    "> train 2\n"
    "@page Try\n"
    "@try\n"
    "Set lambda above 0.2.\n"
    "@hint Use set.\n"
    "@solution set lambda 0.3\n"
    "@expect w_norm > lambda\n"
    "@end\n";

static void
fmt_values(void **state)
{
	char b[24];

	(void)state;
	present_fmt(0.0123456, b, sizeof b);
	assert_string_equal(b, "0.0123");
	present_fmt(-0.0, b, sizeof b);
	assert_string_equal(b, "0");
	present_fmt(1.5e-5, b, sizeof b);
	assert_string_equal(b, "1.5e-05");
	present_fmt(37, b, sizeof b);
	assert_string_equal(b, "37");
	present_fmt(123456789, b, sizeof b);
	assert_true(strlen(b) <= 7);
	present_fmt(-3.25e-12, b, sizeof b);
	assert_true(strlen(b) <= 7);
	present_fmt(NAN, b, sizeof b);
	assert_string_equal(b, "nan");
	present_fmt(-INFINITY, b, sizeof b);
	assert_string_equal(b, "-inf");
}

static void
which_numbers(void **state)
{
	struct session *s = session_new(1);
	struct transcript *t = transcript_new();
	struct lesson *l;
	struct present_number nums[PRESENT_MAX_NUMBERS];
	struct session_status st;
	double v;
	char want[24];
	int n;

	(void)state;
	l = lesson_parse("present.lesson", fixture, NULL, NULL);
	assert_non_null(l);
	/* nothing trained: only lambda (val_loss is not available) */
	n = present_numbers(s, &l->pages[0], 0, nums);
	assert_int_equal(n, 1);
	assert_string_equal(nums[0].name, "lambda");
	assert_string_equal(nums[0].label, "\xce\xbb");
	assert_string_equal(nums[0].value, "0");
	n = present_numbers(s, &l->pages[0], 1, nums);
	assert_string_equal(nums[0].label, "lambda");

	/* a net that has not trained: its losses read "-", as the status
	 * line's do (the same state), the number keeps its place */
	assert_int_equal(cmd_execute(s, "data poly n=30; net 1-8-8-1", t),
	    CMD_OK);
	session_get_status(s, &st);
	assert_true(isnan(st.train_loss));
	assert_int_equal(session_query(s, "train_loss", &v), 0);
	n = present_numbers(s, &l->pages[0], 0, nums);
	assert_int_equal(n, 3);
	assert_string_equal(nums[1].name, "train_loss");
	assert_string_equal(nums[1].value, "-");
	assert_string_equal(nums[2].name, "val_loss");
	assert_string_equal(nums[2].value, "-");
	assert_int_equal(chart_big_width("-", 1), 3);	/* a glyph, not '?' */
	assert_int_equal(cmd_execute(s, "set lambda 0.001; train 10", t),
	    CMD_OK);
	/* lambda, then the page's metrics in page order, three at most */
	n = present_numbers(s, &l->pages[0], 0, nums);
	assert_int_equal(n, 3);
	assert_string_equal(nums[0].name, "lambda");
	assert_string_equal(nums[0].value, "0.001");
	assert_string_equal(nums[1].name, "train_loss");
	assert_string_equal(nums[2].name, "val_loss");
	assert_int_equal(nums[1].role, GRID_SERIES1);	/* as in the chart */
	assert_int_equal(nums[2].role, GRID_SERIES2);
	assert_int_equal(session_query(s, "val_loss", &v), 0);
	present_fmt(v, want, sizeof want);
	assert_string_equal(nums[2].value, want);
	session_get_status(s, &st);	/* the status line's value */
	present_fmt(st.val_loss, want, sizeof want);
	assert_string_equal(nums[2].value, want);
	/* a page that names none: the validation loss */
	n = present_numbers(s, &l->pages[1], 0, nums);
	assert_int_equal(n, 2);
	assert_string_equal(nums[1].name, "val_loss");
	/* a try-it's @expect names w_norm */
	n = present_numbers(s, &l->pages[2], 0, nums);
	assert_int_equal(n, 2);
	assert_string_equal(nums[1].name, "w_norm");
	/* the free lab */
	n = present_numbers(s, NULL, 0, nums);
	assert_int_equal(n, 2);
	assert_string_equal(nums[1].name, "val_loss");
	/* live values while training */
	present_set(nums, n, "val_loss", 0.5);
	assert_string_equal(nums[1].value, "0.5");
	present_set(nums, n, "nothing", 1);
	lesson_free(l);
	transcript_free(t);
	session_free(s);
}

/* Columns of row y of g holding a code point in [lo, hi]. */
static int
row_count(const struct grid *g, int y, uint32_t lo, uint32_t hi)
{
	int x, n = 0;

	for (x = 0; x < g->w; x++)
		n += grid_cat(g, x, y)->cp >= lo && grid_cat(g, x, y)->cp <= hi;
	return n;
}

static void
panel(void **state)
{
	struct present_number nums[3];
	struct grid g;
	int rows, y;

	(void)state;
	memset(nums, 0, sizeof nums);
	snprintf(nums[0].label, sizeof nums[0].label, "\xce\xbb");
	snprintf(nums[0].value, sizeof nums[0].value, "0.01");
	nums[0].role = GRID_TITLE;
	snprintf(nums[1].label, sizeof nums[1].label, "val_loss");
	snprintf(nums[1].value, sizeof nums[1].value, "0.0123");
	nums[1].role = GRID_SERIES2;
	snprintf(nums[2].label, sizeof nums[2].label, "grad_ratio");
	snprintf(nums[2].value, sizeof nums[2].value, "3.2e-07");
	nums[2].role = GRID_HILITE;

	/* the present column at 120x35: labels beside the digits */
	grid_init(&g, 36, 11);
	rows = present_panel(&g, nums, 3, CHART_GLYPH_QUADRANT);
	assert_int_equal(rows, 3 * 3 + 2);
	assert_int_equal(present_panel_rows(nums, 3, CHART_GLYPH_QUADRANT, 36),
	    rows);
	for (y = 0; y < 11; y++)
		if (y != 3 && y != 7)
			assert_true(row_count(&g, y, 0x2580, 0x2588) > 0);
	assert_int_equal(row_count(&g, 3, 0x2580, 0x2588), 0);	/* gaps */
	assert_int_equal(grid_at(&g, 9, 1)->cp, 0x3bb);	/* right-aligned λ */
	assert_int_equal(grid_at(&g, 2, 5)->cp, 'v');		/* val_loss */
	assert_int_equal(grid_at(&g, 11, 4)->fg, GRID_SERIES2);
	/* no room for the third: left out, never cut */
	grid_resize(&g, 36, 9);
	assert_int_equal(present_panel(&g, nums, 3, CHART_GLYPH_QUADRANT), 7);
	/* narrower: the label above the digits */
	grid_resize(&g, 26, 14);
	rows = present_panel(&g, nums, 2, CHART_GLYPH_QUADRANT);
	assert_int_equal(rows, 1 + 3 + 1 + 1 + 3);
	assert_int_equal(present_panel_rows(nums, 2, CHART_GLYPH_QUADRANT, 26),
	    rows);
	assert_int_equal(present_panel_rows(nums, 3, CHART_GLYPH_QUADRANT, 26),
	    rows + 1 + 1 + 3);
	assert_int_equal(present_panel_rows(nums, 3, CHART_GLYPH_ASCII, 40),
	    3 * 5 + 2);		/* '#' digits are 5 rows */
	assert_int_equal(present_panel_rows(nums, 0, CHART_GLYPH_ASCII, 40), 0);
	assert_int_equal(grid_at(&g, 0, 0)->cp, 0x3bb);
	assert_int_equal(grid_at(&g, 0, 5)->cp, 'v');
	/* too narrow for digits: plain bold text */
	grid_resize(&g, 12, 6);
	rows = present_panel(&g, nums, 2, CHART_GLYPH_ASCII);
	assert_int_equal(rows, 3);	/* two lines and the gap */
	assert_int_equal(present_panel_rows(nums, 2, CHART_GLYPH_ASCII, 12), 3);
	assert_int_equal(grid_at(&g, 0, 2)->cp, 'v');	/* "val_loss 0.0123" */
	assert_int_equal(grid_at(&g, 0, 2)->fg, GRID_SERIES2);
	grid_done(&g);
}

/*
 * A page with no chart gives its text the chart's room: in classroom mode
 * at 120x35 the text where the chart was, centred and at most
 * TUI_TEXT_MAX_W wide, the numbers the whole column; in the normal shell
 * at 80x24 the whole width (it had 36 columns beside 43 of "no chart");
 * the wide normal layout stays.
 */
static void
no_chart_layout(void **state)
{
	struct tui_layout l, before;

	(void)state;
	tui_layout(120, 35, 1, 0, &l);
	before = l;
	tui_layout_no_chart(&l);
	assert_int_equal(l.chart.w, 0);
	assert_true(l.lesson.w <= TUI_TEXT_MAX_W);
	assert_true(l.lesson.w >= TUI_TEXT_MAX_W - 4);
	assert_true(l.lesson.w > 2 * before.lesson.w - 20);
	/* centred in the chart's columns */
	assert_true(abs(l.lesson.x - (before.chart.w - l.lesson.x -
	    l.lesson.w)) <= 1);
	assert_true(l.lesson.x + l.lesson.w <= before.vsep.x);
	assert_int_equal(l.big.h, before.chart.h);
	assert_int_equal(l.hsep.w, 0);
	assert_false(tui_rect_overlap(&l.lesson, &l.big));
	/* the numbers take their rows; the text stays where it is */
	tui_layout_big_rows(&l, 7);
	assert_int_equal(l.big.h, 7);
	assert_int_equal(l.lesson.y, before.chart.y + 1);

	tui_layout(80, 24, 0, 1, &l);
	before = l;
	tui_layout_no_chart(&l);
	assert_int_equal(l.lesson.w, 80);
	assert_int_equal(l.lesson.h, before.lesson.h);
	assert_int_equal(l.chart.w, 0);
	assert_int_equal(l.vsep.w, 0);
	assert_int_equal(l.output.w, before.output.w);

	tui_layout(160, 40, 0, 1, &l);
	before = l;
	tui_layout_no_chart(&l);
	assert_memory_equal(&l, &before, sizeof l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fmt_values),
		cmocka_unit_test(which_numbers),
		cmocka_unit_test(panel),
		cmocka_unit_test(no_chart_layout),
	};

	return cmocka_run_group_tests_name("tui-present", tests, NULL, NULL);
}
