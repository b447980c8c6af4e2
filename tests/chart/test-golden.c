/*
 * test-golden.c - every sample chart in three tiers against its golden file.
 *
 * Each case of chart-samples.c is rendered as braille+256, quadrant+8 and
 * ascii+mono, checked for the invariants (equal line widths, no ESC in mono,
 * ASCII only in the ASCII tier) and compared byte for byte with
 * tests/golden/chart/<chart>/<case>.<tier>.txt (UPDATE_GOLDEN=1 rewrites).
 * The thick cases (chart_thick_cases, classroom mode) are also drawn with
 * thick strokes as thick-braille+256, thick-quadrant+mono and
 * thick-ascii+mono (<case>.thick-<tier>.txt), and must pass
 * chart_check_thick(): no series anywhere thinner than a cell.
 */
#include "config.h"

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
#include "chart/chart-samples.h"
#include "chart-check.h"
#include "../testutil.h"

#define NCASES 35
#define NTHICK 15

static int index_of[NCASES + NTHICK];

static void
golden_case(void **state)
{
	const struct chart_case *c = &chart_cases[*(int *)*state];
	struct grid g;
	char name[256], *text;
	const char *err;
	int k, bad = 0;

	grid_init(&g, 0, 0);
	for (k = 0; k < 3; k++) {
		const struct chart_tier_case *t = &chart_tier_cases[k];

		chart_case_render(c, &t->tiers, 0, &g);
		text = grid_to_string(&g, t->tiers.colors);
		err = chart_check_text(text, c->w, c->h, t->tiers.colors,
		    t->tiers.glyphs == CHART_GLYPH_ASCII);
		if (err != NULL) {
			print_error("%s/%s %s: %s\n", c->chart, c->name,
			    t->name, err);
			bad = 1;
		}
		snprintf(name, sizeof name, "chart/%s/%s.%s.txt", c->chart,
		    c->name, t->name);
		if (golden_compare(name, text) != 0)
			bad = 1;
		free(text);
	}
	grid_done(&g);
	assert_int_equal(bad, 0);
}

static const struct chart_tier_case thick_tiers[3] = {
	{ "thick-braille-256", { CHART_GLYPH_BRAILLE, CHART_COLOR_256 } },
	{ "thick-quadrant-mono", { CHART_GLYPH_QUADRANT, CHART_COLOR_NONE } },
	{ "thick-ascii-mono", { CHART_GLYPH_ASCII, CHART_COLOR_NONE } },
};

static void
thick_case(void **state)
{
	const char *cname = chart_thick_cases[*(int *)*state - NCASES];
	const struct chart_case *c = chart_case_find(cname);
	struct chart_opts o;
	struct grid g;
	char name[256], *text;
	const char *err;
	int k, bad = 0;

	assert_non_null(c);
	grid_init(&g, 0, 0);
	for (k = 0; k < 3; k++) {
		const struct chart_tier_case *t = &thick_tiers[k];

		chart_case_render(c, &t->tiers, 1, &g);
		text = grid_to_string(&g, t->tiers.colors);
		err = chart_check_text(text, c->w, c->h, t->tiers.colors,
		    t->tiers.glyphs == CHART_GLYPH_ASCII);
		if (err != NULL) {
			print_error("%s %s: %s\n", cname, t->name, err);
			bad = 1;
		}
		snprintf(name, sizeof name, "chart/%s/%s.%s.txt", c->chart,
		    c->name, t->name);
		if (golden_compare(name, text) != 0)
			bad = 1;
		free(text);
		/* the strokes themselves, without the legend's samples */
		memset(&o, 0, sizeof o);
		o.tiers = t->tiers;
		o.thick = 1;
		o.no_legend = 1;
		grid_resize(&g, c->w, c->h);
		c->draw(&g, &o);
		if ((err = chart_check_thick(&g)) != NULL) {
			print_error("%s %s: %s\n", cname, t->name, err);
			bad = 1;
		}
	}
	grid_done(&g);
	assert_int_equal(bad, 0);
}

static void
case_count(void **state)
{
	(void)state;
	assert_int_equal(chart_ncases, NCASES);
	assert_int_equal(chart_nthick, NTHICK);
}

#define G(i) { NULL, golden_case, NULL, NULL, &index_of[i] }
#define T(i) { NULL, thick_case, NULL, NULL, &index_of[NCASES + i] }

int
main(void)
{
	struct CMUnitTest tests[] = {
		cmocka_unit_test(case_count),
		G(0), G(1), G(2), G(3), G(4), G(5), G(6), G(7), G(8), G(9),
		G(10), G(11), G(12), G(13), G(14), G(15), G(16), G(17), G(18),
		G(19), G(20), G(21), G(22), G(23), G(24), G(25), G(26), G(27),
		G(28), G(29), G(30), G(31), G(32), G(33), G(34),
		T(0), T(1), T(2), T(3), T(4), T(5), T(6), T(7), T(8), T(9),
		T(10), T(11), T(12), T(13), T(14),
	};
	char *names[NCASES + NTHICK];
	int i, rc;

	for (i = 0; i < NCASES; i++) {
		index_of[i] = i;
		names[i] = i < chart_ncases ? xasprintf("%s/%s",
		    chart_cases[i].chart, chart_cases[i].name) : xstrdup("?");
		tests[i + 1].name = names[i];
	}
	for (i = 0; i < NTHICK; i++) {
		index_of[NCASES + i] = NCASES + i;
		names[NCASES + i] = xasprintf("thick %s", i < chart_nthick ?
		    chart_thick_cases[i] : "?");
		tests[NCASES + i + 1].name = names[NCASES + i];
	}
	rc = cmocka_run_group_tests_name("chart-golden", tests, NULL, NULL);
	for (i = 0; i < NCASES + NTHICK; i++)
		free(names[i]);
	return rc;
}
