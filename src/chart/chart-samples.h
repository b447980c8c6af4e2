/*
 * chart-samples.h - the sample charts shared by chart-demo and the golden
 * tests (not part of libchart).  Each case draws one chart (or a few frames
 * of a live chart) with fixed, seeded data into a grid of its own size.
 */
#ifndef REGTUTOR_CHART_SAMPLES_H
#define REGTUTOR_CHART_SAMPLES_H

#include "chart/chart.h"

struct chart_case {
	const char *chart;	/* "line", "logbars", ... */
	const char *name;	/* "basic", "empty", ... */
	int w, h;
	void (*draw)(struct grid *g, const struct chart_opts *o);
};

extern const struct chart_case chart_cases[];
extern const int chart_ncases;

/* The three tiers the goldens use, and their file-name suffixes. */
struct chart_tier_case {
	const char *name;	/* "braille-256" ... */
	struct chart_tiers tiers;
};
extern const struct chart_tier_case chart_tier_cases[3];

/* Renders case c in tier t (thick: chart_opts.thick) into g (resized to
 * the case's size). */
void chart_case_render(const struct chart_case *c,
    const struct chart_tiers *t, int thick, struct grid *g);

/* The cases ("chart/case") also drawn in thick strokes: one or more of
 * every chart kind. */
extern const char *const chart_thick_cases[];
extern const int chart_nthick;
/* The case named "chart/case", or NULL. */
const struct chart_case *chart_case_find(const char *name);

/* Training-like loss curves: n epochs, train and validation. */
void sample_losses(double *train, double *val, int n, unsigned seed);
/* n values from a seeded normal(0, sd). */
void sample_normal(double *v, int n, double sd, unsigned seed);

#endif
