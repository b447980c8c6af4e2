/*
 * chart-line.c - line charts (loss curves) and function plots.
 *
 * Points are streamed once: consecutive points falling in the same pixel
 * column are reduced to that column's first, last, min and max, the column
 * is drawn as a vertical span min..max (so a one-epoch spike survives any
 * amount of decimation) and joined to the next column by a line from last to
 * first.  A NaN/Inf (or y <= 0 on a log axis) breaks the line: a gap.  A
 * scatter series (chart_line_opts.points) gets one marker per point.  The
 * cost is O(points + pixels) with no allocation, so 10,000 points render in
 * well under a millisecond.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"
#include "util/util.h"
#include "chart/chart-int.h"

#define PIXCLAMP 1e6

/* A source of points: returns 0 at the end. */
typedef void (*point_fn)(const void *ctx, int i, double *x, double *y);

static double
clampd(double v)
{
	if (v < -PIXCLAMP)
		return -PIXCLAMP;
	if (v > PIXCLAMP)
		return PIXCLAMP;
	return v;
}

static void
span(struct canvas *c, int col, double y0, double y1, struct pen *p)
{
	long a = lround(clampd(y0)), b = lround(clampd(y1)), y;

	if (a < 0)
		a = 0;
	if (b > c->ph - 1)
		b = c->ph - 1;
	for (y = a; y <= b; y++)
		canvas_plot(c, col, (int)y, p);
}

/*
 * The canvas pixel of data point (x, y) (y before the axis transform):
 * 0 and *px, *py when it is finite and on the plot, else -1.  The one
 * mapping of every point marker.
 */
static int
point_pixel(const struct canvas *c, const struct axis *xa,
    const struct axis *ya, double x, double y, int *px, int *py)
{
	double fx, fy;

	y = axis_tf(ya, y);
	if (!isfinite(x) || !isfinite(y))
		return -1;
	fx = axis_xpix(xa, c, x);
	fy = axis_ypix(ya, c, y);
	if (!(fx >= -0.5 && fx <= c->pw - 0.5 && fy >= -0.5 &&
	    fy <= c->ph - 0.5))
		return -1;
	*px = (int)lround(fx);
	*py = (int)lround(fy);
	if (*px >= c->pw)
		*px = c->pw - 1;
	if (*py >= c->ph)
		*py = c->ph - 1;
	return 0;
}

/* Streams n points through min/max column decimation onto the canvas. */
static void
draw_points(struct canvas *c, const struct axis *xa, const struct axis *ya,
    struct pen *p, point_fn get, const void *ctx, int n)
{
	double x, y, fx, fy, cmin = 0, cmax = 0, clast = 0;
	long col, cx = 0;
	int i, have = 0, linked = 0;

	for (i = 0; i < n; i++) {
		get(ctx, i, &x, &y);
		y = axis_tf(ya, y);
		if (!isfinite(x) || !isfinite(y)) {
			if (have && cx >= 0 && cx < c->pw)
				span(c, (int)cx, cmin, cmax, p);
			have = linked = 0;
			continue;
		}
		fx = clampd(axis_xpix(xa, c, x));
		fy = clampd(axis_ypix(ya, c, y));
		if (isnan(fx) || isnan(fy)) {
			if (have && cx >= 0 && cx < c->pw)
				span(c, (int)cx, cmin, cmax, p);
			have = linked = 0;
			continue;
		}
		col = lround(fx);
		if (have && col == cx) {
			if (fy < cmin)
				cmin = fy;
			if (fy > cmax)
				cmax = fy;
			clast = fy;
			continue;
		}
		if (have && cx >= 0 && cx < c->pw)
			span(c, (int)cx, cmin, cmax, p);
		if (have && linked)
			canvas_dline(c, (double)cx, clast, fx, fy, p);
		cx = col;
		cmin = cmax = clast = fy;
		have = linked = 1;
	}
	if (have && cx >= 0 && cx < c->pw)
		span(c, (int)cx, cmin, cmax, p);
}

/*
 * A marker per finite point, no line: a 2x2-pixel blob inside the point's
 * cell (the full cell in the quadrant tier, the series' mark in ASCII), so
 * a scatter reads as dots next to the 1-pixel lines of other series.
 */
static void
draw_markers(struct canvas *c, const struct axis *xa, const struct axis *ya,
    struct pen *p, point_fn get, const void *ctx, int n)
{
	double x, y;
	int i, px, py, cx, cy;

	for (i = 0; i < n; i++) {
		get(ctx, i, &x, &y);
		if (point_pixel(c, xa, ya, x, y, &px, &py) != 0)
			continue;
		cx = px / c->sx * c->sx;	/* both columns of the cell */
		cy = py / c->sy * c->sy;
		if (canvas_thick_pen(c, p)) {
			/* two whole cells: this one and its neighbour on
			 * the side of the point (or the one inside) */
			int nx = px % c->sx * 2 >= c->sx ? cx + c->sx :
			    cx - c->sx;

			if (nx < 0 || nx >= c->pw)
				nx = nx < 0 ? cx + c->sx : cx - c->sx;
			canvas_cell(c, cx, cy, p);
			canvas_cell(c, nx, cy, p);
			continue;
		}
		if (c->sy > 2)			/* two rows around the point */
			cy = py + 1 < cy + c->sy ? py : py - 1;
		canvas_set(c, cx, cy, p);
		canvas_set(c, cx + c->sx - 1, cy, p);
		canvas_set(c, cx, cy + (c->sy > 1), p);
		canvas_set(c, cx + c->sx - 1, cy + (c->sy > 1), p);
	}
}

/* Columns between two stamps of a series' mark (MONO_STAMP). */
#define STAMP_EVERY	6

/*
 * Without colour, a dotted braille curve and a solid one differ only in
 * density; series index i >= 1 of a line chart also gets its ASCII mark
 * ('o' for the second) stamped on its curve every STAMP_EVERY columns, at
 * a column offset of its own so two series' stamps do not meet: in such a
 * column, the topmost cell that is still the series' own (its pixels).
 */
static void
draw_stamps(struct canvas *c, const struct pen *p, int i)
{
	int col, row;

	for (col = 0; col < c->cw; col++) {
		if ((col + 2 * i) % STAMP_EVERY != 0)
			continue;
		for (row = 0; row < c->ch; row++) {
			struct grid_cell *cell = grid_at(c->g, c->x + col,
			    c->y + row);

			if (cell != NULL && cell->fg == p->role &&
			    cell->cp != ' ') {
				grid_put(c->g, c->x + col, c->y + row,
				    (uint32_t)(unsigned char)p->ascii,
				    p->role, 0, GRID_BOLD);
				break;
			}
		}
	}
}

/* Whether series i is told apart by stamped marks (see draw_stamps). */
static int
stamped(const struct chart_opts *o, int i)
{
	return i > 0 && o->tiers.colors == CHART_COLOR_NONE &&
	    o->tiers.glyphs != CHART_GLYPH_ASCII;
}

/*
 * A marker per finite point as a letter in the point's cell, over whatever
 * the canvas drew there (chart_line_opts.point_glyph); in reverse video
 * on a thick canvas, so the point is a whole cell of its colour.
 */
static void
draw_letters(struct canvas *c, const struct axis *xa, const struct axis *ya,
    const struct pen *p, char letter, point_fn get, const void *ctx, int n)
{
	double x, y;
	int i, px, py;

	for (i = 0; i < n; i++) {
		get(ctx, i, &x, &y);
		if (point_pixel(c, xa, ya, x, y, &px, &py) != 0)
			continue;
		grid_put(c->g, c->x + px / c->sx, c->y + py / c->sy,
		    (uint32_t)(unsigned char)letter, p->role, 0, GRID_BOLD |
		    (c->thick ? GRID_REVERSE : 0));
	}
}

static void
series_point(const void *ctx, int i, double *x, double *y)
{
	const struct chart_series *s = ctx;
	double dx = s->dx != 0 ? s->dx : 1;

	*x = s->x != NULL ? s->x[i] : s->x0 + i * dx;
	*y = s->y[i];
}

/* Finite data extents over all series (y > 0 only when logy). */
static int
data_extent(const struct chart_series *s, int ns, int logy, double *xlo,
    double *xhi, double *ylo, double *yhi)
{
	double x, y;
	int i, k, any = 0;

	*xlo = *ylo = INFINITY;
	*xhi = *yhi = -INFINITY;
	for (k = 0; k < ns; k++)
		for (i = 0; i < s[k].n && s[k].y != NULL; i++) {
			series_point(&s[k], i, &x, &y);
			if (!isfinite(x) || !isfinite(y) || (logy && y <= 0))
				continue;
			any = 1;
			if (x < *xlo)
				*xlo = x;
			if (x > *xhi)
				*xhi = x;
			if (y < *ylo)
				*ylo = y;
			if (y > *yhi)
				*yhi = y;
		}
	return any;
}

void
chart_range_reset(struct chart_range *r)
{
	memset(r, 0, sizeof *r);
}

/* Chooses the y axis, keeping a live range from jittering. */
static void
fit_y(struct axis *ya, const struct chart_line_opts *lo, int any, double dlo,
    double dhi, int ph)
{
	struct chart_range *r = lo->range;
	int mt = ymaxticks(ph);

	if (isfinite(lo->ylo) && isfinite(lo->yhi) && lo->ylo < lo->yhi) {
		if (lo->logy && lo->ylo > 0)
			axis_fit_log(ya, lo->ylo, lo->yhi, mt);
		else
			axis_fixed(ya, lo->ylo, lo->yhi, mt);
		return;
	}
	if (r != NULL && r->valid && r->log != lo->logy)
		chart_range_reset(r);
	if (r != NULL && r->valid && (!any || (dlo >= r->lo && dhi <= r->hi))) {
		if (lo->logy)
			axis_fit_log(ya, r->lo, r->hi, mt);
		else
			axis_fixed(ya, r->lo, r->hi, mt);
		return;
	}
	if (r != NULL && r->valid && any) {
		/*
		 * Growing: add half the span as headroom on the side that
		 * grew, so a steadily falling loss re-scales a few times
		 * (geometrically), not at every epoch.  Positive data never
		 * gets a negative bound this way.
		 */
		double nlo = dlo < r->lo ? dlo : r->lo;
		double nhi = dhi > r->hi ? dhi : r->hi;
		double span = nhi - nlo;

		if (lo->logy) {
			span = log10(nhi) - log10(nlo);
			if (dlo < r->lo)
				nlo = pow(10, log10(nlo) - span / 2);
			if (dhi > r->hi)
				nhi = pow(10, log10(nhi) + span / 2);
		} else {
			if (dlo < r->lo)
				nlo = dlo >= 0 && nlo - span / 2 < 0 ? 0 :
				    nlo - span / 2;
			if (dhi > r->hi)
				nhi = dhi <= 0 && nhi + span / 2 > 0 ? 0 :
				    nhi + span / 2;
		}
		dlo = nlo;
		dhi = nhi;
	}
	if (lo->logy) {
		if (!any)
			dlo = 1, dhi = 10;
		axis_fit_log(ya, dlo, dhi, mt);
		if (r != NULL && any) {
			r->lo = pow(10, ya->lo);
			r->hi = pow(10, ya->hi);
		}
	} else {
		if (!any)
			dlo = 0, dhi = 1;
		axis_fit(ya, dlo, dhi, mt);
		if (r != NULL && any) {
			r->lo = ya->lo;
			r->hi = ya->hi;
		}
	}
	if (r != NULL && any) {
		r->valid = 1;
		r->log = lo->logy;
	}
}

/* The legend sample of a scatter: one marker, as drawn in the plot. */
static int
marker_sample(struct grid *g, int x, int y, enum chart_glyphs gl, int thick,
    struct pen *p)
{
	struct canvas c;

	if (x < 0 || x + 2 > g->w || y < 0 || y >= g->h)
		return 0;
	grid_put(g, x, y, ' ', 0, 0, 0);
	grid_put(g, x + 1, y, ' ', 0, 0, 0);
	if (thick) {		/* two whole cells, as in the plot */
		grid_put(g, x, y, gl == CHART_GLYPH_ASCII ?
		    (uint32_t)(unsigned char)p->ascii : pen_thick_cp(p),
		    p->role, 0, p->attr);
		grid_put(g, x + 1, y, gl == CHART_GLYPH_ASCII ?
		    (uint32_t)(unsigned char)p->ascii : pen_thick_cp(p),
		    p->role, 0, p->attr);
		return 2;
	}
	canvas_init(&c, g, x, y, 1, 1, gl);
	canvas_set(&c, 0, c.sy > 2 ? 1 : 0, p);
	canvas_set(&c, c.sx - 1, c.sy > 2 ? 1 : 0, p);
	canvas_set(&c, 0, c.sy > 2 ? 2 : c.sy - 1, p);
	canvas_set(&c, c.sx - 1, c.sy > 2 ? 2 : c.sy - 1, p);
	return 2;
}

/*
 * Legend rows: two when one row would leave an item out entirely (an
 * item merely shortened at the end of the row keeps one row).  The plot
 * starts a few columns in, after the y labels: counted as 6.
 */
static int
legend_want(const struct grid *g, const char *const *names, int n)
{
	int i, x = 6, named = 0, tw;

	for (i = 0; i < n; i++) {
		if (names[i] == NULL)
			continue;
		named = 1;
		if (x + 3 + 4 > g->w)	/* not even "xx abc" */
			return 2;
		tw = 3 + utf8_width(names[i], (size_t)-1);
		x += tw + 2;
		if (x - 2 > g->w)	/* shortened: no room after it */
			x = g->w + 1;
	}
	return named;
}

/*
 * The legend from the plot's left edge.  With two legend rows the first
 * holds half the items (fewer when they do not fit whole), the second the
 * rest; on the last row the legend ends with an item shortened at a word
 * or left out.
 */
static void
draw_legend(struct grid *g, const struct frame *f, enum chart_glyphs gl,
    int thick, const char *const *names, int n, unsigned points,
    const char *letters, unsigned stamps)
{
	struct pen p;
	int i, x = f->px, row = f->legend_row, named = 0, k = 0;

	if (row < 0)
		return;
	for (i = 0; i < n; i++)
		named += names[i] != NULL;
	for (i = 0; i < n; i++) {
		int x0, nw, tw;

		if (names[i] == NULL)
			continue;
		tw = 3 + utf8_width(names[i], (size_t)-1);
		if (x > f->px && row + 1 < f->legend_row + f->legend_rows &&
		    (x + tw > g->w || k >= (named + 1) / 2)) {
			row++;
			x = f->px;
		}
		k++;
		x0 = x;
		series_pen(i, gl, &p);
		if (x + 3 > g->w)
			break;
		if ((points & (1u << i)) && letters != NULL &&
		    letters[i] != 0) {
			grid_put(g, x, row, (uint32_t)(unsigned char)letters[i],
			    p.role, 0, GRID_BOLD | (thick ? GRID_REVERSE : 0));
			grid_put(g, x + 1, row, ' ', 0, 0, 0);
			x += 2;
		} else if (points & (1u << i)) {
			x += marker_sample(g, x, row, gl, thick, &p);
		} else {
			int w = pen_sample(g, x, row, gl, thick, &p);

			if (stamps & (1u << i))	/* as on the curve */
				grid_put(g, x + 1, row,
				    (uint32_t)(unsigned char)p.ascii, p.role,
				    0, GRID_BOLD);
			x += w;
		}
		x += grid_text(g, x, row, 1, " ", 0, 0);
		nw = grid_text_words(g, x, row, g->w - x, names[i],
		    GRID_LABEL, 0);
		if (nw == 0) {		/* no room for the name: no item */
			grid_fill(g, x0, row, g->w - x0, 1, ' ', 0, 0, 0);
			break;
		}
		x += nw + 2;
	}
}

/* Plotted cells (anything but blanks and the marker's own rule) that a
 * label of width tw at x, row would cover. */
static int
covered(const struct grid *g, int x, int row, int tw)
{
	int n = 0, i;

	for (i = x; i < x + tw && i < g->w; i++) {
		const struct grid_cell *cl = &g->cells[row * g->w + i];

		n += cl->cp != ' ' && cl->fg != GRID_MARKER;
	}
	return n;
}

/*
 * The early-stopping marker: a dotted rule at marker_x (drawn under the
 * series: pass 0), then the triangle at the point and the label (pass 1,
 * over the series).  The label goes right of the rule if it fits, else
 * left, on the plot row where it hides the fewest plotted cells; of equal
 * rows the one nearest the point wins, so a clear row by the point keeps
 * the label there.
 */
static void
draw_marker(struct grid *g, const struct frame *f, struct canvas *c,
    const struct axis *xa, const struct axis *ya,
    const struct chart_line_opts *lo, int ascii, int pass)
{
	struct pen p = { GRID_MARKER, 0, ':', 0x55, 0 };
	double fx = axis_xpix(xa, c, lo->marker_x), fy;
	int col, cell, row, tw, y, lx, lw, best = -1, bestn = 0;
	const char *label = lo->marker_label;

	if (!isfinite(fx) || fx < -0.5 || fx > c->pw - 0.5)
		return;
	col = (int)lround(fx);
	if (pass == 0) {
		for (y = 0; y < c->ph; y++)
			canvas_plot(c, col, y, &p);
		return;
	}
	cell = f->px + col / c->sx;
	row = f->py;
	fy = axis_ypix(ya, c, axis_tf(ya, lo->marker_y));
	if (isfinite(fy) && fy >= -0.5 && fy <= c->ph - 0.5) {
		row = f->py + (int)lround(fy) / c->sy - 1;
		if (row < f->py)
			row = f->py;
	}
	grid_put(g, cell, row, ascii ? 'v' : 0x25BC, GRID_MARKER, 0,
	    GRID_BOLD);
	if (label == NULL)
		return;
	tw = utf8_width(label, (size_t)-1);
	if (cell + 2 + tw <= f->px + f->pw) {
		lx = cell + 2;
		lw = f->px + f->pw - cell - 2;
	} else if (cell - 1 - tw >= f->px) {
		lx = cell - 1 - tw;
		lw = tw;
	} else {
		lx = f->px;
		lw = cell - f->px;
	}
	if (lw > tw)
		lw = tw;
	for (y = f->py; y < f->py + f->ph; y++) {
		int n = covered(g, lx, y, lw);

		if (best < 0 || n < bestn || (n == bestn &&
		    abs(y - row) < abs(best - row))) {
			best = y;
			bestn = n;
		}
	}
	if (best >= 0)
		grid_text(g, lx, best, lw, label, GRID_MARKER, 0);
}

static void
no_data(struct grid *g, const struct frame *f)
{
	grid_text_center(g, f->px, f->py + f->ph / 2, f->pw, _("(no data)"),
	    GRID_LABEL, GRID_DIM);
}

void
chart_line(struct grid *g, const struct chart_opts *o,
    const struct chart_line_opts *lo, const struct chart_series *s, int ns)
{
	static const struct chart_line_opts dflt;
	const char *names[CHART_MAX_SERIES];
	struct frame f;
	struct axis xa, ya;
	struct canvas c;
	struct pen p;
	double xlo, xhi, ylo, yhi;
	int i, any, named = 0, ascii = o->tiers.glyphs == CHART_GLYPH_ASCII;
	unsigned stamps = 0;

	if (lo == NULL)
		lo = &dflt;
	if (ns > CHART_MAX_SERIES)
		ns = CHART_MAX_SERIES;
	if (ns < 0 || s == NULL)
		ns = 0;
	chart_begin(g, o);
	for (i = 0; i < ns; i++) {
		names[i] = s[i].name;
		named |= s[i].name != NULL;
	}
	any = data_extent(s, ns, lo->logy, &xlo, &xhi, &ylo, &yhi);
	if (isfinite(lo->xlo) && isfinite(lo->xhi) && lo->xlo < lo->xhi) {
		xlo = lo->xlo;
		xhi = lo->xhi;
	} else if (!any) {
		xlo = 0;
		xhi = 1;
	} else if (xlo == xhi) {
		xlo -= 1;
		xhi += 1;
	}
	if (frame_rows(&f, g, o, named ? legend_want(g, names, ns) : 0,
	    1) < 0)
		return;
	fit_y(&ya, lo, any, ylo, yhi, f.ph);
	if (frame_cols(&f, g, &ya) < 0)
		return;
	if (lo->ylab_w > f.ylab_w && g->w - lo->ylab_w - 1 >= f.pw / 2) {
		f.ylab_w = lo->ylab_w;
		f.px = f.ylab_w + 1;
		f.pw = g->w - f.px;
	}
	canvas_init_chart(&c, g, f.px, f.py, f.pw, f.ph, o);
	if (lo->nxticks > 0 && lo->xtick_pos != NULL &&
	    lo->xtick_text != NULL) {
		axis_explicit(&xa, xlo, xhi, lo->xtick_pos, lo->xtick_text,
		    lo->nxticks);
	} else {
		axis_fixed(&xa, xlo, xhi, f.pw / 4 + 1);
		if (lo->xint)
			axis_integer(&xa, f.pw / 4 + 1);
	}
	axis_thin_x(&xa, &c, 0, g->w);

	if (lo->hline_on && isfinite(axis_tf(&ya, lo->hline))) {
		struct pen hp = { GRID_WARN, 0, '-', 0x33, 0 };
		double hy = axis_ypix(&ya, &c, axis_tf(&ya, lo->hline));

		canvas_dline(&c, 0, hy, c.pw - 1, hy, &hp);
	}
	if (lo->marker)
		draw_marker(g, &f, &c, &xa, &ya, lo, ascii, 0);
	for (i = 0; i < ns; i++) {
		if (s[i].y == NULL || s[i].n <= 0)
			continue;
		series_pen(i, o->tiers.glyphs, &p);
		if ((lo->points & (1u << i)) && lo->point_glyph[i] != 0)
			continue;	/* letters go over everything */
		if (lo->points & (1u << i))
			draw_markers(&c, &xa, &ya, &p, series_point, &s[i],
			    s[i].n);
		else
			draw_points(&c, &xa, &ya, &p, series_point, &s[i],
			    s[i].n);
	}
	for (i = 0; i < ns; i++) {	/* no colour: marks tell lines apart */
		if (s[i].y == NULL || s[i].n <= 0 || !stamped(o, i) ||
		    (lo->points & (1u << i)))
			continue;
		series_pen(i, o->tiers.glyphs, &p);
		draw_stamps(&c, &p, i);
		stamps |= 1u << i;
	}
	for (i = 0; i < ns; i++) {	/* markers over all the lines */
		if (s[i].y == NULL || s[i].n <= 0 ||
		    !(lo->marks & ~lo->points & (1u << i)))
			continue;
		series_pen(i, o->tiers.glyphs, &p);
		draw_markers(&c, &xa, &ya, &p, series_point, &s[i], s[i].n);
	}
	for (i = 0; i < ns; i++) {	/* letter markers over everything */
		if (s[i].y == NULL || s[i].n <= 0 ||
		    !(lo->points & (1u << i)) || lo->point_glyph[i] == 0)
			continue;
		series_pen(i, o->tiers.glyphs, &p);
		draw_letters(&c, &xa, &ya, &p, lo->point_glyph[i],
		    series_point, &s[i], s[i].n);
	}
	if (lo->marker)
		draw_marker(g, &f, &c, &xa, &ya, lo, ascii, 1);
	frame_draw(&f, g, o, &c, &xa, &ya);
	if (!any)
		no_data(g, &f);
	draw_legend(g, &f, o->tiers.glyphs, o->thick, names, ns, lo->points,
	    lo->point_glyph, stamps);
}

/* ------------------------------------------------------------ functions */

struct fn_ctx {
	const struct chart_fn *fn;
	double lo, step;
};

static void
fn_point(const void *ctx, int i, double *x, double *y)
{
	const struct fn_ctx *fc = ctx;

	*x = fc->lo + i * fc->step;
	*y = fc->fn->f(*x, fc->fn->ctx);
}

void
chart_function(struct grid *g, const struct chart_opts *o, double xlo,
    double xhi, double ylo, double yhi, const struct chart_fn *fn, int nfn)
{
	const char *names[CHART_MAX_SERIES];
	struct frame f;
	struct axis xa, ya;
	struct canvas c;
	struct pen p;
	struct fn_ctx fc;
	double dlo = INFINITY, dhi = -INFINITY, x, y;
	int i, k, named = 0, mt;
	unsigned stamps = 0;
	const int nsample = 257;

	chart_begin(g, o);
	if (nfn > CHART_MAX_SERIES)
		nfn = CHART_MAX_SERIES;
	if (nfn < 0 || fn == NULL)
		nfn = 0;
	if (!isfinite(xlo) || !isfinite(xhi) || xlo >= xhi)
		xlo = -1, xhi = 1;
	for (k = 0; k < nfn; k++) {
		names[k] = fn[k].name;
		named |= fn[k].name != NULL;
		for (i = 0; i < nsample; i++) {
			x = xlo + (xhi - xlo) * i / (nsample - 1);
			y = fn[k].f(x, fn[k].ctx);
			if (!isfinite(y))
				continue;
			if (y < dlo)
				dlo = y;
			if (y > dhi)
				dhi = y;
		}
	}
	if (frame_rows(&f, g, o, named ? legend_want(g, names, nfn) : 0,
	    1) < 0)
		return;
	mt = ymaxticks(f.ph);
	if (mt > 5)
		mt = 5;		/* favours steps like 0.25 over 0.2 */
	if (isfinite(ylo) && isfinite(yhi) && ylo < yhi) {
		axis_fixed(&ya, ylo, yhi, mt);
	} else {
		axis_fit(&ya, dlo, dhi, mt);
		/*
		 * Few rows make coarse steps: x on [-6, 6] would get an axis
		 * of -10..10 and use 60% of the height.  Then the data's own
		 * range, with nice ticks inside it.
		 */
		if (dlo < dhi && (dhi - dlo) < 0.7 * (ya.hi - ya.lo))
			axis_fixed(&ya, dlo, dhi, mt);
	}
	if (frame_cols(&f, g, &ya) < 0)
		return;
	canvas_init_chart(&c, g, f.px, f.py, f.pw, f.ph, o);
	axis_fixed(&xa, xlo, xhi, f.pw / 4 + 1);
	axis_thin_x(&xa, &c, 0, g->w);

	if (ya.lo <= 0 && ya.hi >= 0) {
		struct pen zp = { GRID_AXIS, GRID_DIM, '-', 0xff, 0 };
		double zy = axis_ypix(&ya, &c, 0);

		canvas_dline(&c, 0, zy, c.pw - 1, zy, &zp);
	}
	if (xlo <= 0 && xhi >= 0) {
		struct pen zp = { GRID_AXIS, GRID_DIM, '|', 0xff, 0 };
		double zx = axis_xpix(&xa, &c, 0);

		canvas_dline(&c, zx, 0, zx, c.ph - 1, &zp);
	}
	fc.lo = xlo;
	fc.step = c.pw > 1 ? (xhi - xlo) / (c.pw - 1) : 0;
	for (k = 0; k < nfn; k++) {
		fc.fn = &fn[k];
		series_pen(k, o->tiers.glyphs, &p);
		draw_points(&c, &xa, &ya, &p, fn_point, &fc, c.pw);
	}
	for (k = 0; k < nfn; k++) {	/* no colour: marks tell lines apart */
		if (!stamped(o, k))
			continue;
		fc.fn = &fn[k];
		series_pen(k, o->tiers.glyphs, &p);
		draw_stamps(&c, &p, k);
		stamps |= 1u << k;
	}
	frame_draw(&f, g, o, &c, &xa, &ya);
	if (nfn == 0)
		no_data(g, &f);
	draw_legend(g, &f, o->tiers.glyphs, o->thick, names, nfn, 0, NULL,
	    stamps);
}
