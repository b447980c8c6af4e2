/*
 * present.h - classroom mode (--present): the page's key numbers, big.
 *
 * A projected page shows, beside its chart, the few numbers the page is
 * about in big digits (chart_big_text), legible from the back of a room.
 * Which numbers is decided here, once: the lambda in effect first (every
 * lesson turns on the strength of a regulariser), then the metrics that
 * the page's checkpoints, @remember lines and try-it @expect conditions
 * name (in page order, each once), up to PRESENT_MAX_NUMBERS in all; a
 * page that names none shows the validation loss of the net as it stands
 * (what the last train's summary reports).  A metric that is not
 * available (no net yet) is left out; the losses and accuracies of a net
 * that has not trained yet read "-", as the status line's losses do, so
 * the two never show different states.  Values are queried now, so they
 * follow the session as the page's experiments run.
 *
 * Pure of curses: present_panel() draws into a chart grid that the shell
 * copies to the screen, so both are unit-tested.
 */
#ifndef REGTUTOR_TUI_PRESENT_H
#define REGTUTOR_TUI_PRESENT_H

#include <stddef.h>

#include "chart/chart.h"

struct session;
struct lesson_page;

#define PRESENT_MAX_NUMBERS 3

struct present_number {
	char name[32];		/* the metric ("lambda", "val_loss", ...) */
	char label[32];		/* as shown: "λ" ("lambda" when ascii) */
	char value[24];		/* for big digits: "0.0123", "nan" */
	int role;		/* grid role of its digits */
};

/*
 * The key numbers of page pg (NULL: no lesson, the free lab) for session
 * s into out[PRESENT_MAX_NUMBERS]; ascii: labels without Unicode.
 * Returns how many.
 */
int present_numbers(struct session *s, const struct lesson_page *pg,
    int ascii, struct present_number *out);
/*
 * Sets the value of the number called name in nums[0..n) to v (the live
 * losses while training); nothing when there is none.
 */
void present_set(struct present_number *nums, int n, const char *name,
    double v);
/*
 * v as the big digits show it: three significant digits, at most 7
 * characters ("0.0123", "1.5e-05", "37"), "0" for zero of either sign,
 * "nan" / "inf" / "-inf".
 */
void present_fmt(double v, char *buf, size_t n);
/*
 * Draws the numbers into g (its whole size, cleared first): per number
 * the label in the left column, bold, and the value in big digits beside
 * it (3 rows each, a blank row between numbers); when not all of them fit
 * side by side, each label on a row of its own above its digits; a value
 * whose digits do not fit at all, in plain bold text after its label.  Numbers that do
 * not fit the height are left out.  Returns the rows used.
 */
int present_panel(struct grid *g, const struct present_number *nums, int n,
    enum chart_glyphs gl);
/* The rows present_panel() needs for all n numbers in a panel w wide. */
int present_panel_rows(const struct present_number *nums, int n,
    enum chart_glyphs gl, int w);

#endif
