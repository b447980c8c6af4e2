/*
 * chart-check.h - invariants every rendered chart must satisfy.
 */
#ifndef REGTUTOR_CHART_CHECK_H
#define REGTUTOR_CHART_CHECK_H

#include "chart/chart.h"

/*
 * Checks text rendered by grid_to_text() for a w x h grid: exactly h lines,
 * each w display columns once SGR sequences are stripped; no ESC at all when
 * colors is CHART_COLOR_NONE; only bytes < 0x80 when ascii is set.  Returns
 * NULL when fine, else a static message naming the first problem.
 */
const char *chart_check_text(const char *text, int w, int h,
    enum chart_colors colors, int ascii);

#endif
