/*
 * chart.h - terminal charts drawn into a cell grid (see grid.h).
 *
 * Every chart is a pure function: data (plain double arrays, never engine
 * structures) + options + the caller's grid of any size w x h -> cells.  No
 * chart calls curses or prints.  Rendering allocates nothing per call except
 * small fixed scratch on the stack or the grid's own cells, so the TUI can
 * re-render at pane size many times a second.
 *
 * Tiers.  Glyphs: braille (2x4 dots per cell), quadrant blocks (2x2) or
 * ASCII; colours: 256, 8 or none (see grid.h).  chart_detect_tiers() picks
 * them from the locale codeset, NO_COLOR, TERM and a colour count; callers
 * may override either field.  Every series is distinguishable without colour
 * (its own dash pattern or ASCII mark plus an attribute), and the legend
 * shows the very glyphs used in the plot.
 *
 * Small grids degrade in order: title, legend, x label, x tick labels,
 * y tick labels are dropped until the plot fits; if nothing fits the grid
 * holds a one-line "too small" note.  Every row is always exactly w columns.
 */
#ifndef REGTUTOR_CHART_CHART_H
#define REGTUTOR_CHART_CHART_H

#include <stddef.h>

#include "chart/grid.h"

/* ------------------------------------------------------------ tiers */

enum chart_glyphs {
	CHART_GLYPH_ASCII = 0,	/* bytes < 0x80 only */
	CHART_GLYPH_QUADRANT,	/* U+2580 block elements, 2x2 per cell */
	CHART_GLYPH_BRAILLE	/* U+2800 braille, 2x4 per cell */
};

struct chart_tiers {
	enum chart_glyphs glyphs;
	enum chart_colors colors;
};

/*
 * Pure tier choice, for tests: codeset as from nl_langinfo(CODESET) (NULL =
 * unknown -> ASCII), term = $TERM (NULL ok), no_color = $NO_COLOR (set and
 * non-empty -> no colour), ncolors = colour count known to the caller (e.g.
 * curses COLORS; 0 = unknown, then TERM decides: *-256color -> 256, dumb ->
 * none, otherwise 8).  A non-UTF-8 codeset, TERM=dumb and the console
 * (TERM=linux, vt*: its font lacks braille and quadrants) get ASCII glyphs.
 */
struct chart_tiers chart_tiers_choose(const char *codeset, const char *term,
    const char *no_color, int ncolors);
/*
 * The same from the process environment: nl_langinfo(CODESET) (the caller
 * must have called setlocale(LC_ALL, "") first; this does not), getenv TERM
 * and NO_COLOR.  ncolors as above.
 */
struct chart_tiers chart_detect_tiers(int ncolors);

/* --color: auto, never, always. */
enum chart_color_when {
	CHART_WHEN_AUTO,
	CHART_WHEN_NEVER,
	CHART_WHEN_ALWAYS
};
/*
 * The one decision whether to draw in colour and with how many (the
 * shell, the headless output and chart_tiers_choose() all ask it).  tty:
 * the output is a terminal; term, no_color: $TERM and $NO_COLOR (NULL
 * ok); ncolors: the colour count the caller knows (curses COLORS, -1 when
 * the terminal has no colours, 0 unknown: then TERM decides).
 *   never: none.
 *   auto: none when the output is no terminal, NO_COLOR is set and not
 *   empty, TERM is dumb, fewer than 8 colours are known, or the count is
 *   unknown and TERM unset or empty; else as always.
 *   always: none when the terminal has none (-1); 256 when 256 or more
 *   are known, or the count is unknown and TERM names a 256color
 *   terminal; else 8.
 */
enum chart_colors chart_colors_choose(enum chart_color_when when, int tty,
    const char *term, const char *no_color, int ncolors);
/* Names: "ascii" "quadrant" "braille"; "none" "8" "256". */
const char *chart_glyphs_name(enum chart_glyphs g);
const char *chart_colors_name(enum chart_colors c);
/* Parses a name as above (also "mono" = none); 0 on success, -1 unknown. */
int chart_glyphs_parse(const char *s, enum chart_glyphs *out);
int chart_colors_parse(const char *s, enum chart_colors *out);

/* ------------------------------------------------------------ common */

/* Options shared by all charts.  Zero-initialise, then set what you need. */
struct chart_opts {
	struct chart_tiers tiers;
	const char *title;	/* UTF-8, may be Hangul; NULL = none */
	const char *xlabel;	/* NULL = none */
	const char *ylabel;	/* shown in the top-left corner; NULL = none */
	int no_legend;		/* 1 hides the legend */
	/*
	 * 1: thick strokes for a projector (classroom mode).  No data series
	 * is drawn thinner than one full cell: lines and curves go on a
	 * quadrant canvas (even in the braille tier) with a pen that
	 * fills the whole cell of every pixel of the path, so a stroke is
	 * one cell thick (a noisy curve stays a line, not a wall of
	 * blocks); scatter markers are two whole cells, letter markers
	 * reverse video; bars are whole cells (no eighth-block
	 * remainders); the heatmap contour is a line of whole cells.
	 * Series are solid and told apart by glyph as well as colour: a
	 * block for the first, shades for the next (the legend shows
	 * the same).  In the ASCII tier the pen is the series' mark, one
	 * cell.  Axes, rules and
	 * reference lines stay thin: they are not data.  The matrix view
	 * (numbers in cells) and sparklines have no strokes to thicken.
	 */
	int thick;
};

/* ------------------------------------------------------------ line chart */

#define CHART_MAX_SERIES 6

/*
 * One data series.  y[i] is plotted at x[i], or at x0 + i*dx when x is NULL
 * (dx == 0 means 1).  NaN and +-Inf in y (or x) are gaps; on a log axis so
 * are y <= 0.  Arrays are only read during the call.
 */
struct chart_series {
	const char *name;	/* legend text; NULL = not in legend */
	const double *y;
	const double *x;	/* NULL: evenly spaced from x0 by dx */
	int n;
	double x0, dx;
};

/*
 * Y-range memory for live charts, so the axis does not jitter while points
 * are appended: the range only grows, to nice tick multiples, and never
 * shrinks until chart_range_reset().  When data leave the range it grows
 * with headroom (half the span, never across zero for data of one sign),
 * so a falling loss rescales a few times, not every epoch.
 * Zero-initialised = empty.
 */
struct chart_range {
	double lo, hi;
	int valid;
	int log;		/* range was computed for a log axis */
};
void chart_range_reset(struct chart_range *r);

/* Line chart options (beyond chart_opts). */
struct chart_line_opts {
	int logy;		/* log10 y axis: decade ticks, y <= 0 are gaps */
	struct chart_range *range; /* live y-range memory; NULL = fit data */
	/* Fixed y range when ylo < yhi (both finite); overrides range. */
	double ylo, yhi;
	/* Fixed x range when xlo < xhi; else fitted to the data. */
	double xlo, xhi;
	/*
	 * Vertical marker (early stopping) at x = marker_x when marker is 1:
	 * a dotted rule, a triangle at (marker_x, marker_y) when marker_y is
	 * finite, and marker_label ("best@37 val=0.412") next to it.
	 */
	int marker;
	double marker_x, marker_y;
	const char *marker_label;
	/* Dashed horizontal reference line at y = hline when hline_on is 1. */
	int hline_on;
	double hline;
	/*
	 * Bit i set: series i is a scatter of points (measured data), drawn
	 * as one marker per point and never joined by a line.  The marker is
	 * a 2x2-dot blob in braille, a full quadrant cell, the series' mark
	 * in ASCII; the legend shows the same marker.
	 */
	unsigned points;
	/*
	 * Bit i set: series i is a line through measured values (a sweep,
	 * one value per layer): its line joins the points and each point
	 * also gets the marker above.
	 */
	unsigned marks;
	/*
	 * A letter for a scatter series (its bit set in points), 0 = none:
	 * each point is that letter in its cell, bold in the series' colour,
	 * in every glyph tier, and the legend shows it.  So two scatters
	 * (training and validation data) differ by shape without colour:
	 * a blob (braille, quadrant) or the series' mark (ASCII) against
	 * the letter.  Pick one unlike the ASCII marks "*o+x#%" of the
	 * other series.
	 */
	char point_glyph[CHART_MAX_SERIES];
	/*
	 * X ticks.  xint = 1: whole-number ticks only (epochs, layers), never
	 * "1.5".  nxticks > 0: ticks exactly at xtick_pos[i], labelled
	 * xtick_text[i] (categories such as the values of a sweep); every
	 * tick keeps its mark, and when labels would overlap only every k-th
	 * is labelled, never cut.  Strings are only read during the call.
	 */
	int xint;
	const double *xtick_pos;
	const char *const *xtick_text;
	int nxticks;
	/* At least this many columns for the y tick labels (0: as they
	 * need): charts stacked over one x axis line their plots up. */
	int ylab_w;
};

/* Draws up to CHART_MAX_SERIES series (later ones drawn on top). */
void chart_line(struct grid *g, const struct chart_opts *o,
    const struct chart_line_opts *lo, const struct chart_series *s, int ns);

/* ------------------------------------------------------------ log bars */

/*
 * Horizontal bars on a log10 axis measured from a floor, for per-layer
 * gradient norms spanning 1e-12 .. 1e2: bar length is
 * (log v - log floor) / (log max - log floor), so every value >= floor gets
 * at least a sliver.  Values < floor (and 0) show an underflow mark; NaN and
 * negative values show "nan"/"neg" as the value label.  Each bar has its
 * label on the left and its value ("3.2e-07") on the right.
 */
struct chart_logbar_opts {
	double floor;		/* > 0; 0 = one decade below the smallest positive value */
	double top;		/* > floor; 0 = decade at or above the largest value */
	int threshold_on;	/* draw a threshold line ("vanishing") */
	double threshold;
	const char *threshold_label; /* legend text for it, NULL = "threshold" */
	/*
	 * Bars per group (2 for two runs side by side per layer); 0 or 1 =
	 * each bar alone.  A tall grid is filled: bars get up to 3 rows each
	 * and groups are spaced by blank rows, label and value on the bar's
	 * middle row.  With no room to spare, one row per bar.
	 */
	int group;
};
void chart_logbars(struct grid *g, const struct chart_opts *o,
    const struct chart_logbar_opts *bo, const char *const *labels,
    const double *v, int n);

/* ------------------------------------------------------------ histogram */

/*
 * Histogram options.  Bins are nbins equal bins over [lo, hi) (hi included
 * in the last bin); lo >= hi means fitted to the data, symmetric around 0
 * when the data has both signs.  nbins <= 0 means one bin per column pair.
 * The bin containing 0 is emphasised, and the caption gives the share of
 * values with |v| <= zero_eps ("zeros 63%").
 */
struct chart_hist_opts {
	int nbins;
	double lo, hi;
	double zero_eps;	/* 0 -> exact zeros only */
	int logcount;		/* log(1+count) bar heights */
};
void chart_hist(struct grid *g, const struct chart_opts *o,
    const struct chart_hist_opts *ho, const char *name, const double *v,
    int n);
/*
 * Two histograms on shared bins, mirrored back to back: a grows up from the
 * middle row, b grows down (L1 above, L2 below).  Each half has its own
 * caption with its zero share.
 */
void chart_hist2(struct grid *g, const struct chart_opts *o,
    const struct chart_hist_opts *ho, const char *name_a, const double *a,
    int na, const char *name_b, const double *b, int nb);

/* ------------------------------------------------------------ mean bars */

/*
 * One horizontal bar per group on a linear axis from 0: the bar is the
 * mean of a value over repeated runs, the whisker over it spans mean - sd
 * to mean + sd (the spread of the runs).  Each bar has its label on the
 * left and "mean +- sd" on the right ("0.372 ± 0.084").  A NaN mean shows
 * "nan" and no bar; a NaN sd (one run) no whisker.  note, when not NULL,
 * is added to the legend ("10 seeds").  Bars are spaced by blank rows when
 * the grid has the room.
 */
void chart_meanbars(struct grid *g, const struct chart_opts *o,
    const char *const *labels, const double *mean, const double *sd, int n,
    const char *note);

/* ------------------------------------------------------------ functions */

/* A function sampled per plotted pixel column. */
struct chart_fn {
	const char *name;	/* legend text ("sigmoid", "sigmoid'") */
	double (*f)(double x, void *ctx);
	void *ctx;
};
/*
 * Plots up to CHART_MAX_SERIES functions over [xlo, xhi] on one y axis with
 * the x = 0 and y = 0 lines drawn when in range.  The y range is
 * [ylo, yhi] when ylo < yhi, else fitted to the samples with nice ticks
 * (so sigmoid' peaks at a labelled 0.25).
 */
void chart_function(struct grid *g, const struct chart_opts *o, double xlo,
    double xhi, double ylo, double yhi, const struct chart_fn *fn, int nfn);

/* ------------------------------------------------------------ heatmap */

/*
 * A data point on a heatmap: cls 0 is drawn 'o', 1 'x' (others '+'); a
 * validation point (val = 1) in capitals, 'O', 'X' ('#'), so it differs
 * from a training point by shape in every glyph and colour tier.
 */
struct chart_point {
	double x, y;
	int cls;
	int val;
};
/*
 * A 2-D field z (zw x zh samples, row-major, z[j*zw + i] at
 * x = xlo + i*(xhi-xlo)/(zw-1), y = ylo + j*(yhi-ylo)/(zh-1); row j = 0 is
 * the bottom) with values in [zlo, zhi] (e.g. class probability 0..1) shown
 * as a diverging background ramp (colour) or a shade ramp (mono), the
 * z = contour line (e.g. 0.5) drawn in dots, and the points on top.  NaN
 * samples are blank.  The field is bilinearly interpolated.
 */
struct chart_heatmap_opts {
	double xlo, xhi, ylo, yhi;
	double zlo, zhi;	/* zlo >= zhi -> 0 .. 1 */
	int contour_on;
	double contour;		/* usually 0.5 */
};
void chart_heatmap(struct grid *g, const struct chart_opts *o,
    const struct chart_heatmap_opts *ho, const double *z, int zw, int zh,
    const struct chart_point *pts, int npts);

/* ------------------------------------------------------------ matrix */

enum chart_group {
	CHART_GROUP_NONE = 0,
	CHART_GROUP_COLUMN,	/* batch norm: one feature over the batch */
	CHART_GROUP_ROW		/* layer norm: one example over its features */
};
/*
 * A rows x cols table of numbers (m[r*cols + c]; rows = batch examples,
 * columns = features) with one group highlighted: column `index` for
 * CHART_GROUP_COLUMN, row `index` for CHART_GROUP_ROW.  Highlighted cells
 * are in [brackets] and reverse video, so it reads in mono; the header or
 * row label carries an arrow, and two caption lines (when rows allow) say
 * what is normalized together ("batch norm: one feature (f2) over the
 * batch") and give that group's n, mean and std.  Columns and rows that do
 * not fit are elided with "...", keeping the highlighted group in view.
 */
void chart_matrix(struct grid *g, const struct chart_opts *o,
    const double *m, int rows, int cols, enum chart_group group, int index);

/* ------------------------------------------------------------ sparkline */

/*
 * Sparkline of the last values of v (NaN = blank) into one row at x,y, w
 * columns wide, one value per column (the last w values when n > w), scaled
 * to the finite min..max (a constant series sits mid-height).  Braille and
 * quadrant tiers use the eighth blocks U+2581..2588; ASCII uses the eight
 * levels "_.-=+*#@".  Returns columns written.
 */
int chart_sparkline(struct grid *g, int x, int y, int w, const double *v,
    int n, enum chart_glyphs glyphs, int fg);
/* The same as a newly allocated UTF-8 string of w columns; caller frees. */
char *chart_sparkline_str(const double *v, int n, int w,
    enum chart_glyphs glyphs);

/* ------------------------------------------------------------ big digits */

/*
 * Big text for the few numbers a projected page is about (the lambda, the
 * validation loss, the gradient ratio), drawn from a 3x5-pixel font:
 * digits, '.', '-', '+', 'e', '%', ' ' and the letters of "nan" and "inf";
 * any other character is drawn as '?'.  Glyphs are 3 pixels wide ('.' 1,
 * ' ' 2) with one blank pixel column between them.  scale 1: a pixel is
 * half a cell (U+2580 upper half, U+2584 lower half, U+2588 full), so a
 * digit is 3 columns by 3 rows; scale 2: a pixel is two whole cells side
 * by side, a digit 6 columns by 5 rows.  In the ASCII tier a pixel is '#'
 * (one or two columns, one row: 5 rows at either scale).  Every cell of
 * the text's box is written (blanks as spaces) with role and attr.
 */
/* Columns the text takes at scale (1 or 2; others count as 1). */
int chart_big_width(const char *s, int scale);
/* Rows it takes in glyph tier gl. */
int chart_big_height(enum chart_glyphs gl, int scale);
/* Draws s with its top-left cell at x,y (clipped); returns the columns. */
int chart_big_text(struct grid *g, int x, int y, const char *s, int scale,
    enum chart_glyphs gl, int role, int attr);

/* ------------------------------------------------------------ helpers */

/*
 * Nice ticks covering [lo, hi]: steps 1, 2, 2.5, 5 x 10^k with at most
 * maxticks ticks inside [lo, hi].  Writes up to cap values to out and the
 * step to *step (may be NULL); returns the count (0 if lo > hi or not
 * finite; for lo == hi returns the single tick lo).
 */
int chart_nice_ticks(double lo, double hi, int maxticks, double *out,
    int cap, double *step);
/*
 * Formats a tick value with as many decimals as the step needs ("0.25",
 * "1.5", "300"); exponent form ("3.2e-07", "1e+06") for very small or large
 * magnitudes.  Returns buf.
 */
char *chart_fmt_tick(double v, double step, char *buf, size_t n);
/* Formats a value in two significant digits exponent form: "3.2e-07". */
char *chart_fmt_sci(double v, char *buf, size_t n);

/*
 * Braille and quadrant packing.  Pixel (px, py) inside a cell, px in 0..1,
 * py in 0..3 (braille) or 0..1 (quadrant), py = 0 on top.
 */
unsigned chart_braille_bit(int px, int py);
/* Code point for a braille dot mask (0 -> ' ', never a blank U+2800). */
unsigned chart_braille_cp(unsigned mask);
/* Quadrant mask bits: UL=1, UR=2, LL=4, LR=8. */
unsigned chart_quadrant_bit(int px, int py);
/* Code point for a quadrant mask (0 -> ' ', 15 -> U+2588). */
unsigned chart_quadrant_cp(unsigned mask);

#endif
