/*
 * bench-chart.c - render time of the charts at terminal sizes.
 *
 * The TUI re-renders the loss chart at pane size after every epoch and on
 * every resize, so the line chart must stay far below a frame: the target
 * is an 80x24 braille line chart of 10,000 points in under 1 ms.  Each
 * figure is the best of five timing runs (the machine is shared), each run
 * repeating the render for about 0.1 s.  Output lines: "bench NAME VALUE ms".
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/util.h"
#include "chart/chart.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double ya[10000], yb[10000], w[10000], z[64 * 64];
static struct grid grid;
static struct chart_opts opts;

static void
draw_line(void)
{
	struct chart_series s = { "train", ya, NULL, 10000, 1, 1 };

	chart_line(&grid, &opts, NULL, &s, 1);
}

static void
draw_line2(void)
{
	struct chart_series s[2] = {
		{ "train", ya, NULL, 10000, 1, 1 }, { "val", yb, NULL, 10000, 1, 1 }
	};
	struct chart_line_opts lo;

	memset(&lo, 0, sizeof lo);
	lo.marker = 1;
	lo.marker_x = 4000;
	lo.marker_y = yb[3999];
	lo.marker_label = "best@4000";
	chart_line(&grid, &opts, &lo, s, 2);
}

static void
draw_hist(void)
{
	chart_hist(&grid, &opts, NULL, "w", w, 10000);
}

static void
draw_heat(void)
{
	struct chart_heatmap_opts ho;

	memset(&ho, 0, sizeof ho);
	ho.xlo = ho.ylo = -1;
	ho.xhi = ho.yhi = 1;
	ho.contour_on = 1;
	ho.contour = 0.5;
	chart_heatmap(&grid, &opts, &ho, z, 64, 64, NULL, 0);
}

static void
draw_text(void)
{
	char *s;

	draw_line();
	s = grid_to_string(&grid, CHART_COLOR_256);
	free(s);
}

static void
bench(const char *name, void (*fn)(void), enum chart_glyphs gl)
{
	double best = INFINITY, t0, t;
	long n, k;
	int run;

	opts.tiers.glyphs = gl;
	for (run = 0; run < 5; run++) {
		t0 = now();
		n = 0;
		do {
			for (k = 0; k < 20; k++)
				fn();
			n += 20;
			t = now() - t0;
		} while (t < 0.1);
		if (t / n < best)
			best = t / n;
	}
	printf("bench %s %.3f ms\n", name, best * 1e3);
}

int
main(void)
{
	int i, j;

	for (i = 0; i < 10000; i++) {
		ya[i] = 2.0 / (1 + i / 500.0) + 0.05 * sin(i * 12.9898);
		yb[i] = ya[i] + 0.2 + (i > 4000 ? (i - 4000) * 1e-4 : 0);
		w[i] = sin(i * 78.233) * cos(i * 0.37);
	}
	for (j = 0; j < 64; j++)
		for (i = 0; i < 64; i++)
			z[j * 64 + i] = 1 / (1 + exp(-(j - 32 - 10 * sin(i / 8.0)) /
			    4.0));
	opts.tiers.colors = CHART_COLOR_256;
	opts.title = "loss";
	grid_init(&grid, 80, 24);
	bench("chart-line-10k", draw_line, CHART_GLYPH_BRAILLE);
	bench("chart-line-10k-ascii", draw_line, CHART_GLYPH_ASCII);
	bench("chart-line-2x10k-marker", draw_line2, CHART_GLYPH_BRAILLE);
	bench("chart-line-10k+text", draw_text, CHART_GLYPH_BRAILLE);
	bench("chart-hist-10k", draw_hist, CHART_GLYPH_BRAILLE);
	bench("chart-heatmap-64x64", draw_heat, CHART_GLYPH_BRAILLE);
	grid_resize(&grid, 200, 60);
	bench("chart-line-10k-200x60", draw_line, CHART_GLYPH_BRAILLE);
	grid_done(&grid);
	return 0;
}
