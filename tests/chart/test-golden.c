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
 * The tests are made from the table of cases, and a golden file of no case
 * fails, so neither the list nor its count is kept by hand.
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

#include <dirent.h>

#include "util/util.h"
#include "chart/chart.h"
#include "chart/chart-samples.h"
#include "chart-check.h"
#include "../testutil.h"

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

/* A thick case (state: its index in chart_thick_cases) in the thick
 * tiers against its goldens, and its strokes by chart_check_thick(). */
static void
thick_case(void **state)
{
	const char *cname = chart_thick_cases[*(int *)*state];
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

/* 1 when name is "<case>.<tier>.txt" of a case of chart (a thick tier's
 * for a thick case). */
static int
known_golden(const char *chart, const char *name)
{
	char want[256], full[256];

	for (int i = 0; i < chart_ncases; i++) {
		if (strcmp(chart_cases[i].chart, chart) != 0)
			continue;
		snprintf(full, sizeof full, "%s/%s", chart, chart_cases[i].name);
		for (int k = 0; k < 3; k++) {
			snprintf(want, sizeof want, "%s.%s.txt",
			    chart_cases[i].name, chart_tier_cases[k].name);
			if (strcmp(want, name) == 0)
				return 1;
			for (int j = 0; j < chart_nthick; j++) {
				if (strcmp(chart_thick_cases[j], full) != 0)
					continue;
				snprintf(want, sizeof want, "%s.%s.txt",
				    chart_cases[i].name, thick_tiers[k].name);
				if (strcmp(want, name) == 0)
					return 1;
			}
		}
	}
	return 0;
}

/* Every file under tests/golden/chart/ is a case's: a case removed or
 * renamed leaves no golden file behind that nothing checks. */
static void
no_stray_goldens(void **state)
{
	char *top = test_srcpath("tests/golden/chart");
	DIR *d = opendir(top), *sub;
	struct dirent *e, *f;
	int stray = 0, files = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		char *path;

		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", top, e->d_name);
		sub = opendir(path);
		if (sub == NULL) {
			print_error("stray golden file %s\n", path);
			stray++;
			free(path);
			continue;
		}
		while ((f = readdir(sub)) != NULL) {
			if (f->d_name[0] == '.')
				continue;
			files++;
			if (!known_golden(e->d_name, f->d_name)) {
				print_error("stray golden file %s/%s (no such "
				    "case in chart-samples.c)\n", path,
				    f->d_name);
				stray++;
			}
		}
		closedir(sub);
		free(path);
	}
	closedir(d);
	free(top);
	assert_int_equal(stray, 0);
	assert_int_equal(files, 3 * chart_ncases + 3 * chart_nthick);
}

/* One test per case of chart-samples.c, named after it, then the check
 * for stray golden files: the list is the table's, not kept here. */
int
main(void)
{
	struct CMUnitTest *tests;
	char **names;
	int *index_of, i, n = chart_ncases + chart_nthick, rc;

	tests = xcalloc((size_t)n + 1, sizeof(*tests));
	names = xcalloc((size_t)n, sizeof(*names));
	index_of = xcalloc((size_t)n, sizeof(*index_of));
	for (i = 0; i < chart_ncases; i++) {
		index_of[i] = i;
		names[i] = xasprintf("%s/%s", chart_cases[i].chart,
		    chart_cases[i].name);
		tests[i].name = names[i];
		tests[i].test_func = golden_case;
		tests[i].initial_state = &index_of[i];
	}
	for (; i < n; i++) {	/* the thick cases */
		index_of[i] = i - chart_ncases;
		names[i] = xasprintf("thick %s", chart_thick_cases[i -
		    chart_ncases]);
		tests[i].name = names[i];
		tests[i].test_func = thick_case;
		tests[i].initial_state = &index_of[i];
	}
	tests[i].name = "no_stray_goldens";
	tests[i].test_func = no_stray_goldens;
	rc = _cmocka_run_group_tests("chart-golden", tests, (size_t)n + 1,
	    NULL, NULL);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(tests);
	free(index_of);
	return rc;
}
