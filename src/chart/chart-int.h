/*
 * chart-int.h - internals shared by the chart files (not for other layers).
 *
 * A canvas is a rectangle of grid cells seen as a pixel matrix (2x4 braille,
 * 2x2 quadrant or 1x1 ASCII).  Pixels are accumulated directly in the grid
 * cells (the code point is the dot mask), so drawing needs no scratch
 * memory.  Overlaps follow priorities, not blending: a cell shows only the
 * pixels of its highest-priority owner, so glyph and colour always agree.
 *
 * A frame is the layout around a plot: title, y tick labels, axis lines,
 * x tick labels, x label and legend rows, dropped in that order when small.
 */
#ifndef REGTUTOR_CHART_INT_H
#define REGTUTOR_CHART_INT_H

#include "chart/chart.h"

/* ------------------------------------------------------------ canvas */

struct canvas {
	struct grid *g;
	int x, y, cw, ch;	/* cell rectangle in the grid */
	int sx, sy;		/* pixels per cell */
	int pw, ph;		/* pixel size */
	enum chart_glyphs glyphs;
	int thick;		/* series pens stamp blocks (chart_opts.thick) */
};

/* How a series or rule is drawn. */
struct pen {
	int role;		/* grid_role, also the overlap priority */
	int attr;
	char ascii;		/* the mark in the ASCII tier */
	unsigned pattern;	/* 8-step dash pattern, bit i = step i drawn */
	unsigned step;		/* running step counter */
};

void canvas_init(struct canvas *c, struct grid *g, int x, int y, int cw,
    int ch, enum chart_glyphs glyphs);
/*
 * The canvas of a chart's plot area in the style of o: canvas_init() in
 * o's glyph tier, or for o->thick a quadrant canvas (ASCII stays ASCII)
 * whose series pens stamp thick blocks (see chart_opts.thick).
 */
void canvas_init_chart(struct canvas *c, struct grid *g, int x, int y,
    int cw, int ch, const struct chart_opts *o);
/* 1 when pen p draws thick strokes on c (a data series on a thick canvas). */
int canvas_thick_pen(const struct canvas *c, const struct pen *p);
void canvas_set(struct canvas *c, int px, int py, struct pen *p);
/* The whole cell of pixel (px, py) in pen p, in p's thick glyph
 * (pen_thick_cp(); its mark in the ASCII tier): a thick pen's stroke. */
void canvas_cell(struct canvas *c, int px, int py, struct pen *p);
/* The glyph of series pen p's thick cells: a solid block for the first
 * series, shades for the next ones (whole cells all). */
uint32_t pen_thick_cp(const struct pen *p);
/* Pattern-aware pixel: advances p->step, sets the pixel if its bit is on. */
void canvas_plot(struct canvas *c, int px, int py, struct pen *p);
/* A line between pixel centres (already clipped to a sane range). */
void canvas_line(struct canvas *c, int x0, int y0, int x1, int y1,
    struct pen *p);
/* A line between doubles in pixel space, clipped to the canvas. */
void canvas_dline(struct canvas *c, double x0, double y0, double x1,
    double y1, struct pen *p);
/*
 * The pen of series i (0-based): role, attribute, ASCII mark, dash pattern
 * (solid in the ASCII tier, where the mark tells series apart).
 */
void series_pen(int i, enum chart_glyphs glyphs, struct pen *p);
/*
 * Writes the legend sample of pen p (2 cells) at x,y; returns 2.  thick:
 * the sample of a thick stroke, two cells of its glyph.
 */
int pen_sample(struct grid *g, int x, int y, enum chart_glyphs glyphs,
    int thick, const struct pen *p);
int role_prio(int role);

/* ------------------------------------------------------------ axes */

#define AXIS_MAXTICKS 32

struct axis {
	double lo, hi;		/* in axis space (log10 of value when log) */
	int log;
	double t[AXIS_MAXTICKS]; /* tick positions, axis space */
	int nt;
	double step;		/* tick step, axis space */
	int integer;		/* whole-number ticks only (counts, epochs) */
	/* explicit tick labels, one per t[i] (NULL = numbers) */
	const char *txt[AXIS_MAXTICKS];
	int explicit_;		/* txt[] holds the labels */
	int every;		/* label every k-th tick only (>= 1) */
};

/* Maps v (axis space) to pixel: x left->right, y top->bottom. */
double axis_xpix(const struct axis *a, const struct canvas *c, double v);
double axis_ypix(const struct axis *a, const struct canvas *c, double v);
/* Transforms a value to axis space (log10 for log axes; NaN if <= 0). */
double axis_tf(const struct axis *a, double v);
/* Formats tick i's label. */
void axis_label(const struct axis *a, double t, char *buf, size_t n);
/*
 * Fits a linear axis to [lo, hi] with nice ticks extended outward, at most
 * maxticks; handles lo == hi and non-finite input.
 */
void axis_fit(struct axis *a, double lo, double hi, int maxticks);
/* Log axis over values [lo, hi] (> 0): whole decades. */
void axis_fit_log(struct axis *a, double lo, double hi, int maxticks);
/* Linear axis exactly over [lo, hi] with nice ticks inside it. */
void axis_fixed(struct axis *a, double lo, double hi, int maxticks);
/*
 * Whole-number ticks inside [lo, hi] (steps 1, 2, 5 x 10^k), at most
 * maxticks; the axis stays integer when axis_thin_x thins it.
 */
void axis_integer(struct axis *a, int maxticks);
/*
 * Ticks at the given positions with the given labels (categories: one tick
 * per run, labelled with its value) over [lo, hi]; positions outside are
 * left out, at most AXIS_MAXTICKS.
 */
void axis_explicit(struct axis *a, double lo, double hi, const double *pos,
    const char *const *text, int n);
/* Keeps only ticks whose labels fit side by side in the canvas width
 * (explicit labels: every tick stays, only every k-th is labelled). */
void axis_thin_x(struct axis *a, const struct canvas *c, int left, int right);
/* Tick i's label text: the explicit label or the number in buf. */
const char *axis_tick_text(const struct axis *a, int i, char *buf, size_t n);

struct frame {
	int w, h;
	int title_row, legend_row, xlabel_row, xtick_row; /* -1 = none */
	int legend_rows;	/* 1, or 2 when the legend wraps */
	int axis_row;		/* bottom axis line */
	int px, py, pw, ph;	/* plot area in cells */
	int ylab_w;		/* width of y tick labels; 0 = dropped */
	int small;		/* nothing fits */
};

/* Every chart starts here: a blank grid that, in the ASCII glyph tier,
 * stores any code point >= 0x80 as '?' (so no chart can leak one). */
void chart_begin(struct grid *g, const struct chart_opts *o);

/*
 * Lays out rows for a chart with a bottom x axis; want_legend 2 asks for
 * a legend of two rows (the second row goes before the title, never
 * taking the plot below its minimum).
 * Returns 0, or -1 (and writes the "too small" note) when not even the
 * plot fits.
 */
int frame_rows(struct frame *f, struct grid *g, const struct chart_opts *o,
    int want_legend, int want_xticks);
/* Lays out columns given the y axis; -1 when too narrow (note written). */
int frame_cols(struct frame *f, struct grid *g, const struct axis *ya);
/* Draws axis lines, y ticks and labels, x ticks and labels, title, x label. */
void frame_draw(struct frame *f, struct grid *g, const struct chart_opts *o,
    const struct canvas *c, const struct axis *xa, const struct axis *ya);
/* Writes a one-line note (row 0) and blanks the rest. */
void chart_too_small(struct grid *g, const char *what);
/* y maxticks for a plot of ph rows. */
int ymaxticks(int ph);

/* Glyph helpers. */
uint32_t eighth_up(int k);	/* k = 1..8 -> U+2581..2588 */
uint32_t eighth_right(int k);	/* k = 1..8 -> U+258F..2588 */
int legend_item(struct grid *g, int x, int y, int maxx, uint32_t glyph,
    int role, int attr, const char *text);
/*
 * Legend items (or notes: glyph 0) flowed over rows y .. y + rows - 1,
 * from x0 to maxx: an item goes on the current row when it fits whole,
 * else on the next; a text longer than a row wraps at spaces onto the
 * next rows, under its own start; on the last row what does not fit is
 * cut at a word ("...").  So a note keeps its last numbers on a second
 * row instead of losing them.  g NULL: nothing drawn.  Returns the rows
 * the items take (with rows large: the rows they need).
 */
struct legend_entry {
	uint32_t glyph;		/* 0: text only */
	int role, attr;		/* of the glyph */
	int fg;			/* of the text: GRID_LABEL unless set */
	const char *text;
};
int legend_flow(struct grid *g, int x0, int y, int rows, int maxx,
    const struct legend_entry *e, int n);

#endif
