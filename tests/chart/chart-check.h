/*
 * chart-check.h - invariants every rendered chart must satisfy.
 */
#ifndef REGTUTOR_CHART_CHECK_H
#define REGTUTOR_CHART_CHECK_H

#include "chart/chart.h"

/*
 * Checks text rendered by grid_to_text() for a w x h grid: exactly h lines,
 * each w display columns once SGR sequences are stripped; no ESC at all when
 * colors is CHART_COLOR_NONE; when ascii is set, no drawing glyph but
 * ASCII ones (text keeps its characters: grid_ascii_cp()).  Returns
 * NULL when fine, else a static message naming the first problem.
 */
const char *chart_check_text(const char *text, int w, int h,
    enum chart_colors colors, int ascii);

/*
 * Checks a grid drawn with thick strokes (chart_opts.thick; render it with
 * no legend, whose samples are half blocks): no braille anywhere, and
 * every cell of a data series (role SERIES1..6) that is less than a whole
 * block (a quadrant, half or eighth block) touches, within one cell in any
 * direction, a whole block U+2588 of the same series, or a cell of a
 * series drawn over it (which took the block: overlaps go by priority).
 * So no series is anywhere thinner than a cell where it is not hidden.
 * NULL when fine, else a static message naming the first offending cell.
 */
const char *chart_check_thick(const struct grid *g);

#endif
