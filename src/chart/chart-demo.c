/*
 * chart-demo.c - prints every sample chart in every tier, for eyeballing.
 *
 * Not installed.  With no arguments it prints all cases in the three golden
 * tiers (braille+256, quadrant+8, ascii+mono).  Options pick one tier:
 * -g ascii|quadrant|braille, -c none|8|256, -a auto-detects from the
 * environment, -t draws thick strokes (classroom mode); arguments select
 * charts ("line") or cases ("line/basic").
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"
#include "chart/chart.h"
#include "chart/chart-samples.h"

static int
selected(const struct chart_case *c, int argc, char **argv)
{
	char name[128];
	int i;

	if (argc == 0)
		return 1;
	snprintf(name, sizeof name, "%s/%s", c->chart, c->name);
	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], c->chart) == 0 ||
		    strcmp(argv[i], name) == 0)
			return 1;
	return 0;
}

static int thick;

static void
show(const struct chart_case *c, const char *tname,
    const struct chart_tiers *t, struct grid *g)
{
	char *s;

	chart_case_render(c, t, thick, g);
	printf("== %s/%s (%s, %dx%d) ==\n", c->chart, c->name, tname, c->w,
	    c->h);
	s = grid_to_string(g, t->colors);
	fputs(s, stdout);
	free(s);
}

static void
usage(void)
{
	fprintf(stderr, "usage: chart-demo [-at] [-g ascii|quadrant|braille] "
	    "[-c none|8|256] [chart[/case] ...]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct chart_tiers t = { CHART_GLYPH_BRAILLE, CHART_COLOR_256 };
	struct grid g;
	char tname[64];
	int ch, one = 0, i, k;

	while ((ch = getopt(argc, argv, "atg:c:")) != -1) {
		switch (ch) {
		case 'a':
			setlocale(LC_ALL, "");
			setlocale(LC_NUMERIC, "C");	/* tick labels use '.' */
			t = chart_detect_tiers(0);
			one = 1;
			break;
		case 't':
			thick = 1;
			break;
		case 'g':
			if (chart_glyphs_parse(optarg, &t.glyphs) != 0)
				usage();
			one = 1;
			break;
		case 'c':
			if (chart_colors_parse(optarg, &t.colors) != 0)
				usage();
			one = 1;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	grid_init(&g, 0, 0);
	for (i = 0; i < chart_ncases; i++) {
		if (!selected(&chart_cases[i], argc, argv))
			continue;
		if (one) {
			snprintf(tname, sizeof tname, "%s-%s",
			    chart_glyphs_name(t.glyphs),
			    chart_colors_name(t.colors));
			show(&chart_cases[i], tname, &t, &g);
			continue;
		}
		for (k = 0; k < 3; k++)
			show(&chart_cases[i], chart_tier_cases[k].name,
			    &chart_tier_cases[k].tiers, &g);
	}
	grid_done(&g);
	return 0;
}
