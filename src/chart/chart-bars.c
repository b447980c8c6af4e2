/*
 * chart-bars.c - log-scale bars from a floor, histograms, mirrored histograms.
 *
 * Log bars are measured from a floor rather than from 1, so gradient norms of
 * 1e-9 still get a visible bar (a common log bar chart draws max(log v, 0)
 * and shows nothing below 1).  Values under the floor get an underflow mark
 * instead of silently vanishing.  Histograms emphasise the bin holding zero
 * and say in words what share of the weights is (near) zero, which is the
 * point of the L1-versus-L2 lesson.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"
#include "util/util.h"
#include "chart/chart-int.h"

#define MAXBINS 128

/* ------------------------------------------------------------ log bars */

/*
 * Draws a horizontal bar of `cells` (fractional) cells at x,y; whole:
 * rounded to whole cells, at least one (thick strokes, no eighths).
 */
static void
hbar(struct grid *g, int x, int y, double cells, int role, int ascii,
    int whole)
{
	int full, rem, i;

	if (!(cells >= 0))
		cells = 0;
	if (cells > g->w)
		cells = g->w;
	full = (int)floor(cells);
	rem = (int)lround((cells - full) * 8);
	if (rem == 8)
		full++, rem = 0;
	if (whole) {
		full = (int)lround(cells);
		if (full < 1)
			full = 1;	/* every value >= floor is visible */
		for (i = 0; i < full; i++)
			grid_put(g, x + i, y, ascii ? '#' : 0x2588, role, 0,
			    0);
		return;
	}
	for (i = 0; i < full; i++)
		grid_put(g, x + i, y, ascii ? '#' : 0x2588, role, 0, 0);
	if (ascii) {
		/* half a cell: '=', apart from the threshold's ':' */
		if (rem >= 4)
			grid_put(g, x + full, y, '=', role, 0, 0);
		else if (full == 0)
			grid_put(g, x, y, '.', role, 0, 0);
	} else {
		if (full == 0 && rem == 0)
			rem = 1;	/* every value >= floor is visible */
		if (rem > 0)
			grid_put(g, x + full, y, eighth_right(rem), role, 0, 0);
	}
}

/* 10^floor(log10 v), kept within the normal doubles. */
static double
decade_floor(double v)
{
	double e = floor(log10(v) + 1e-9);

	return pow(10, e < -306 ? -306 : e > 307 ? 307 : e);
}

/* The formatted value of a bar: "nan", "neg" or the number. */
static void
logbar_value(double v, char *buf, size_t size)
{
	if (isnan(v))
		snprintf(buf, size, "nan");
	else if (v < 0)
		snprintf(buf, size, "neg");
	else
		chart_fmt_sci(v, buf, size);
}

/*
 * Draws the decade axis of one column of bars on row arow, from ax to
 * ax + bw, with the decade labels on the row below when ticks; labels stay
 * within columns x0..x1-1 and do not overlap.
 */
static void
logbar_axis(struct grid *g, int x0, int x1, int ax, int bw, int arow,
    int ticks, double lf, double lt, int ascii)
{
	char buf2[32];
	int i, k, e, col, s, end, lw;

	grid_put(g, ax, arow, ascii ? '+' : 0x2514, GRID_AXIS, 0, 0);
	for (i = 1; i <= bw; i++)
		grid_put(g, ax + i, arow, ascii ? '-' : 0x2500, GRID_AXIS, 0,
		    0);
	for (k = 1; k < 100000; k = k < 10 ? k + 1 : k * 2) {
		/* every k-th decade: accept when labels do not overlap */
		int ok = 1;

		end = x0 - 2;
		for (e = (int)ceil(lf - 1e-9); e <= (int)floor(lt + 1e-9); e++) {
			if (e % k != 0)
				continue;
			snprintf(buf2, sizeof buf2, "1e%d", e);
			lw = (int)strlen(buf2);
			col = ax + (int)lround((e - lf) / (lt - lf) * bw);
			s = col - lw / 2;
			if (s < x0)
				s = x0;
			if (s + lw > x1)
				s = x1 - lw;
			if (s <= end + 1) {
				ok = 0;
				break;
			}
			end = s + lw - 1;
		}
		if (ok)
			break;
	}
	end = x0 - 2;
	for (e = (int)ceil(lf - 1e-9); e <= (int)floor(lt + 1e-9); e++) {
		if (e % k != 0)
			continue;
		col = ax + (int)lround((e - lf) / (lt - lf) * bw);
		if (col > ax)
			grid_put(g, col, arow, ascii ? '+' : 0x252C, GRID_AXIS,
			    0, 0);
		if (!ticks)
			continue;
		snprintf(buf2, sizeof buf2, "1e%d", e);
		lw = (int)strlen(buf2);
		s = col - lw / 2;
		if (s < x0)
			s = x0;
		if (s + lw > x1)
			s = x1 - lw;
		if (s <= end + 1)
			continue;
		grid_text(g, s, arow + 1, lw, buf2, GRID_LABEL, 0);
		end = s + lw - 1;
	}
}

/*
 * Bytes of the leading words shared by labels first, first + stride, ..
 * below n ("layer " of "layer 1" .. "layer 16"), each label keeping at
 * least one character; 0 when none.
 */
static size_t
logbar_common_prefix(const char *const *labels, int n, int first,
    int stride)
{
	const char *l0;
	size_t i, word = 0;
	int j;

	if (labels == NULL || first + stride >= n || labels[first] == NULL)
		return 0;
	l0 = labels[first];
	for (i = 0; l0[i] != '\0'; i++) {
		for (j = first + stride; j < n; j += stride)
			if (labels[j] == NULL || labels[j][i] != l0[i] ||
			    labels[j][i + 1] == '\0')
				return word;
		if (l0[i + 1] == '\0')
			return word;
		if (l0[i] == ' ')
			word = i + 1;
	}
	return word;
}

/* Widest label i from byte skip[i % m] on, 0 without labels. */
static int
logbar_label_width(const char *const *labels, int n, const size_t *skip,
    int m)
{
	int i, lw, w = 0;

	for (i = 0; labels != NULL && i < n; i++)
		if (labels[i] != NULL) {
			lw = utf8_width(labels[i] + skip[i % m], (size_t)-1);
			if (lw > w)
				w = lw;
		}
	return w;
}

/* Gap between side-by-side columns of bars, in cells. */
#define LOGBAR_GAP 2
/* Most bars per group that get a column each. */
#define LOGBAR_MAXGROUP 4

/*
 * Columns of bars for a grid too short for one bar per row: the fewest
 * columns (2 to 4, whole groups in each) whose bars fit in `avail` rows
 * with every label whole and bars at least 4 cells long; 1 when no such
 * layout exists (then the bars that do not fit are left out).
 */
static int
logbar_columns(int w, int n, int gsz, int labw, int vw, int avail)
{
	int ncols, ngroups = (n + gsz - 1) / gsz, cw, per;

	for (ncols = 2; ncols <= 4; ncols++) {
		cw = (w - LOGBAR_GAP * (ncols - 1)) / ncols;
		per = (ngroups + ncols - 1) / ncols * gsz;
		if (per <= avail && labw <= cw / 2 &&
		    cw - (labw > 0 ? labw + 1 : 0) - 2 - vw >= 4)
			return ncols;
	}
	return 1;
}

void
chart_logbars(struct grid *g, const struct chart_opts *o,
    const struct chart_logbar_opts *bo, const char *const *labels,
    const double *v, int n)
{
	static const struct chart_logbar_opts dflt;
	int ascii = o->tiers.glyphs == CHART_GLYPH_ASCII;
	double fl, top, lf, lt, minpos = INFINITY, maxv = 0, cells;
	char buf[32], buf2[32];
	int i, rows, avail, title = 0, legend = 0, ticks = 0, labw = 0, vw = 3;
	int ax, bw, row0, arow, lw, any_under = 0, role;
	int tcol = -1, thick = 1, share = 0, gsz, ngroups, y0, r, ym;
	int ncols = 1, cw, per = 0, c, x0, x1;
	const char *l;
	int member = 0, hdr = 0;	/* a column per group member, its header */
	size_t skip[LOGBAR_MAXGROUP] = { 0 }, sk[LOGBAR_MAXGROUP] = { 0 };
	struct legend_entry le[3];
	char lt_under[48], lt_thr[96], lt_scale[48];
	int nle = 0, lx, lneed;

	if (bo == NULL)
		bo = &dflt;
	if (v == NULL || n < 0)
		n = 0;
	chart_begin(g, o);
	for (i = 0; i < n; i++) {
		if (v[i] > 0 && isfinite(v[i])) {
			if (v[i] < minpos)
				minpos = v[i];
			if (v[i] > maxv)
				maxv = v[i];
		}
	}
	fl = bo->floor > 0 && isfinite(bo->floor) ? bo->floor :
	    isfinite(minpos) ? decade_floor(minpos) / 10 : 1e-12;
	top = bo->top > fl && isfinite(bo->top) ? bo->top :
	    maxv > 0 ? pow(10, fmin(ceil(log10(maxv) - 1e-9), 308)) : 1;
	if (top <= fl)
		top = fl * 10;
	if (!isfinite(top))
		top = DBL_MAX;
	lf = log10(fl);
	lt = log10(top);

	/* the legend: values below the floor, the threshold, the scale */
	for (i = 0; i < n; i++)
		any_under |= v[i] >= 0 && v[i] < fl;
	if (any_under) {
		snprintf(lt_under, sizeof lt_under, _("below %s"),
		    chart_fmt_tick(fl, 0, buf2, sizeof buf2));
		le[nle++] = (struct legend_entry){ ascii ? '<' : 0x25C2,
		    GRID_BAD, GRID_BOLD, 0, lt_under };
	}
	if (bo->threshold_on && bo->threshold > 0 &&
	    isfinite(bo->threshold) && log10(bo->threshold) >= lf &&
	    log10(bo->threshold) <= lt) {
		snprintf(lt_thr, sizeof lt_thr, "%s %s", bo->threshold_label ?
		    bo->threshold_label : _("threshold"),
		    chart_fmt_tick(bo->threshold, 0, buf2, sizeof buf2));
		le[nle++] = (struct legend_entry){ ascii ? ':' : 0x250A,
		    GRID_WARN, 0, 0, lt_thr };
	}
	snprintf(lt_scale, sizeof lt_scale, _("log scale from %s"),
	    chart_fmt_tick(fl, 0, buf2, sizeof buf2));
	le[nle++] = (struct legend_entry){ 0, 0, 0, 0, lt_scale };

	labw = logbar_label_width(labels, n, skip, 1);
	for (i = 0; i < n; i++) {
		logbar_value(v[i], buf, sizeof buf);
		lw = (int)strlen(buf);
		if (lw > vw)
			vw = lw;
	}
	gsz = bo->group > 1 ? bo->group : 1;
	ngroups = (n + gsz - 1) / gsz;

	/*
	 * Rows: bars, axis line; then title, tick labels, legend.  When the
	 * bars and title do not fit one bar a row, the bars are laid out in
	 * side-by-side columns (whole groups in each, every label whole), so
	 * that every bar and the title stay on screen; if that needs it, the
	 * leading words all labels share are left out ("layer 1" .. "layer
	 * 16" become 1 .. 16: the title says what they count).  Failing
	 * that, grouped bars whose members' labels each share leading words
	 * get a column per member headed by those words ("sigmoid", "relu"),
	 * a row per group ("L1" .. "L10").  Failing that, the bars that do
	 * not fit are left out.
	 */
	avail = g->h - 1;
	if (avail < 1 || g->w < 12) {
		chart_too_small(g, _("bars"));
		return;
	}
	if (n > 0 && n + (o->title != NULL) > avail && avail >= 2) {
		ncols = logbar_columns(g->w, n, gsz, labw,
		    vw, avail - (o->title != NULL));
		sk[0] = logbar_common_prefix(labels, n, 0, 1);
		if (ncols == 1 && sk[0] > 0) {
			ncols = logbar_columns(g->w, n, gsz,
			    logbar_label_width(labels, n, sk, 1), vw,
			    avail - (o->title != NULL));
			if (ncols > 1)
				skip[0] = sk[0];
		}
		if (ncols == 1 && gsz > 1 && gsz <= LOGBAR_MAXGROUP) {
			/* a column per member, its shared words the header */
			for (c = 0; c < gsz; c++)
				if ((sk[c] = logbar_common_prefix(labels, n, c,
				    gsz)) == 0)
					break;
			if (c == gsz && logbar_columns(g->w, gsz, 1,
			    logbar_label_width(labels, n, sk, gsz), vw,
			    1) == gsz && ngroups + 1 + (o->title != NULL) <=
			    avail) {
				ncols = gsz;
				member = hdr = 1;
				memcpy(skip, sk, sizeof skip);
			}
		}
		labw = logbar_label_width(labels, n, skip, member ? gsz : 1);
		if (ncols > 1)
			per = member ? ngroups :
			    (ngroups + ncols - 1) / ncols * gsz;
	}
	rows = ncols > 1 ? per : n < 1 ? 1 : n;
	if (rows > avail)
		rows = avail;
	avail -= rows + hdr;
	if (avail > 0 && o->title != NULL)
		title = 1, avail--;
	if (avail > 0)
		ticks = 1, avail--;
	/*
	 * The legend under the axis, or from the left edge when it needs
	 * fewer rows there; as many rows as it needs rather than a cut one,
	 * when there is room.
	 */
	lx = labw > 0 ? labw + 1 : 0;
	lneed = legend_flow(NULL, lx, 0, LEGEND_MAXROWS, g->w, le, nle);
	if (legend_flow(NULL, 0, 0, LEGEND_MAXROWS, g->w, le, nle) < lneed)
		lx = 0, lneed = legend_flow(NULL, 0, 0, LEGEND_MAXROWS,
		    g->w, le, nle);
	if (avail > 0 && !o->no_legend)
		legend = 1, avail--;
	while (legend > 0 && legend < lneed && avail > 0)
		legend++, avail--;
	if (title && avail > 0 && title_rows(g->w, o->title) > 1)
		title = 2, avail--;
	/*
	 * A tall grid (classroom mode) is filled: each group of bars gets an
	 * equal share of the rows, its bars at the top of the share as thick
	 * as leaves a blank row below them (up to three rows each).  One row
	 * per bar when there is no row to spare per group.
	 */
	if (ncols == 1 && n > 0 && rows == n &&
	    (n + avail) / ngroups >= gsz + 1) {
		share = n + avail;
		for (thick = 3; thick > 1; thick--)
			if (gsz * thick + 1 <= share / ngroups)
				break;
		rows = share;
		avail = 0;
	}
	cw = (g->w - LOGBAR_GAP * (ncols - 1)) / ncols;
	if (ncols == 1)
		cw = g->w;
	if (labw > cw / 3 && !(ncols > 1 && labw <= cw / 2))
		labw = cw / 3;
	if (cw - labw - 1 - vw - 2 < 4)
		labw = 0;
	bw = cw - (labw > 0 ? labw + 1 : 0) - 1 - 1 - vw;
	if (bw < 4) {
		chart_too_small(g, _("bars"));
		return;
	}
	row0 = title + hdr;
	arow = row0 + rows;
	if (title)
		title_draw(g, 0, 0, g->w, title, o->title);

	for (c = 0; c < ncols; c++) {
		x0 = c * (cw + LOGBAR_GAP);
		x1 = c == ncols - 1 ? g->w : x0 + cw;
		ax = x0 + (labw > 0 ? labw + 1 : 0);
		if (hdr && labels != NULL && labels[c] != NULL) {
			/* the member's shared words, without the last space */
			lw = (int)skip[c] - 1 < (int)sizeof buf - 1 ?
			    (int)skip[c] - 1 : (int)sizeof buf - 1;
			memcpy(buf, labels[c], (size_t)lw);
			buf[lw] = '\0';
			grid_text(g, ax + 1, title, x1 - ax - 1, buf,
			    GRID_LABEL, GRID_BOLD);
		}
		/* threshold column */
		tcol = -1;
		if (bo->threshold_on && bo->threshold > 0 &&
		    isfinite(bo->threshold)) {
			cells = (log10(bo->threshold) - lf) / (lt - lf) * bw;
			if (cells >= 0 && cells <= bw)
				tcol = ax + (int)lround(cells);
		}
		for (i = 0; i < rows; i++) {
			grid_put(g, ax, row0 + i, ascii ? '|' : 0x2502,
			    GRID_AXIS, 0, 0);
			if (tcol > ax)
				grid_put(g, tcol, row0 + i, ascii ? ':' :
				    0x250A, GRID_WARN, 0, 0);
		}
		logbar_axis(g, x0, x1, ax, bw, arow, ticks, lf, lt, ascii);
	}
	for (i = 0; i < n; i++) {
		c = member ? i % gsz : ncols > 1 ? i / per : 0;
		x0 = c * (cw + LOGBAR_GAP);
		x1 = c == ncols - 1 ? g->w : x0 + cw;
		ax = x0 + (labw > 0 ? labw + 1 : 0);
		y0 = share > 0 ? row0 + i / gsz * share / ngroups +
		    i % gsz * thick : row0 + (member ? i / gsz :
		    ncols > 1 ? i % per : i);
		if (y0 + thick > row0 + rows)
			break;
		ym = y0 + (thick - 1) / 2;	/* the middle row */
		if (labels != NULL && labels[i] != NULL && labw > 0) {
			l = labels[i] + skip[member ? i % gsz : 0];
			lw = utf8_width(l, (size_t)-1);
			grid_text(g, x0 + (labw - lw > 0 ? labw - lw : 0), ym,
			    labw, l, GRID_LABEL, 0);
		}
		role = bo->threshold_on ? (v[i] < bo->threshold ? GRID_BAD :
		    GRID_GOOD) : GRID_SERIES1;
		logbar_value(v[i], buf, sizeof buf);
		for (r = y0; r < y0 + thick; r++) {
			if (v[i] >= fl && isfinite(v[i])) {
				cells = (log10(v[i]) - lf) / (lt - lf) * bw;
				if (cells > bw)
					cells = bw;
				hbar(g, ax + 1, r, cells, role, ascii,
				    o->thick);
			} else if (v[i] == INFINITY) {
				hbar(g, ax + 1, r, bw, role, ascii, o->thick);
			} else if (v[i] >= 0 && r == ym) {
				grid_put(g, ax, ym, ascii ? '<' : 0x25C2,
				    GRID_BAD, 0, GRID_BOLD);
				any_under = 1;
			}
		}
		grid_text(g, x1 - (int)strlen(buf), ym, vw, buf,
		    role == GRID_BAD ? GRID_BAD : GRID_LABEL, 0);
	}
	ax = labw > 0 ? labw + 1 : 0;
	if (n == 0)
		grid_text(g, ax + 2, row0, bw, _("(no data)"), GRID_LABEL,
		    GRID_DIM);
	if (legend)
		legend_flow(g, lx > 0 ? ax : 0, arow + 1 + ticks, legend, g->w,
		    le, nle);
}

/* ------------------------------------------------------------ histogram */

struct bins {
	int n;
	double lo, hi;
	int count[MAXBINS];
	int zero_bin;		/* bin holding 0, -1 if none */
	int total, zeros, outside;
	int maxc;
};

static void
bins_range(const double *v, int n, const double *w, int nw, double *lo,
    double *hi, int *symmetric)
{
	double mn = INFINITY, mx = -INFINITY, m;
	int i;

	for (i = 0; i < n; i++)
		if (isfinite(v[i])) {
			if (v[i] < mn)
				mn = v[i];
			if (v[i] > mx)
				mx = v[i];
		}
	for (i = 0; i < nw; i++)
		if (isfinite(w[i])) {
			if (w[i] < mn)
				mn = w[i];
			if (w[i] > mx)
				mx = w[i];
		}
	*symmetric = 0;
	if (!isfinite(mn)) {
		*lo = -1;
		*hi = 1;
		*symmetric = 1;
		return;
	}
	if (mn < 0 && mx > 0) {
		m = fmax(-mn, mx);
		*lo = -m;
		*hi = m;
		*symmetric = 1;
	} else {
		*lo = mn;
		*hi = mx;
	}
	if (*lo == *hi) {
		m = fabs(*lo) * 0.5;
		if (m == 0)
			m = 1, *symmetric = 1;
		*lo -= m;
		*hi += m;
	}
}

/*
 * The histogram's range: the options' lo..hi when set, else that of the
 * finite values of v and w; kept finite when absurd.
 */
static void
hist_range(const struct chart_hist_opts *ho, const double *v, int n,
    const double *w, int nw, double *lo, double *hi, int *sym)
{
	if (ho->lo < ho->hi && isfinite(ho->lo) && isfinite(ho->hi)) {
		*lo = ho->lo;
		*hi = ho->hi;
		*sym = *lo == -*hi;
	} else {
		bins_range(v, n, w, nw, lo, hi, sym);
	}
	if (!isfinite((*hi - *lo) * 4)) {	/* absurd range: keep it finite */
		*lo = fmax(*lo, -1e307);
		*hi = fmin(*hi, 1e307);
	}
}

/* Bin of v in [lo, hi]; halved operands cannot overflow to inf. */
static int
bin_of(const struct bins *b, double v)
{
	double t = (v / 2 - b->lo / 2) / (b->hi / 2 - b->lo / 2) * b->n;

	if (!(t >= 0))
		return 0;
	if (t >= b->n)
		return b->n - 1;
	return (int)t;
}

static void
bins_fill(struct bins *b, const double *v, int n, double eps)
{
	int i, k;

	memset(b->count, 0, sizeof b->count);
	b->total = b->zeros = b->outside = b->maxc = 0;
	b->zero_bin = -1;
	if (b->lo <= 0 && b->hi >= 0)
		b->zero_bin = bin_of(b, 0);
	for (i = 0; i < n; i++) {
		if (!isfinite(v[i]))
			continue;
		b->total++;
		if (fabs(v[i]) <= eps)
			b->zeros++;
		if (v[i] < b->lo || v[i] > b->hi) {
			b->outside++;
			continue;
		}
		k = bin_of(b, v[i]);
		if (++b->count[k] > b->maxc)
			b->maxc = b->count[k];
	}
}

static double
bar_height(int count, int maxc, int logcount)
{
	if (count <= 0 || maxc <= 0)
		return 0;
	if (logcount)
		return log1p(count) / log1p(maxc);
	return (double)count / maxc;
}

/*
 * A bar `cells` rows long (clamped to the grid) as whole cells and eighths
 * of the next: whole (the ASCII tier, thick strokes) rounds to whole cells
 * (rem 0); a bar shorter than an eighth still shows one (rem 1), as does a
 * whole bar below half a cell.
 */
static void
split_cells(const struct grid *g, double cells, int whole, int *full,
    int *rem)
{
	if (!(cells >= 0))
		cells = 0;
	if (cells > g->h)
		cells = g->h;
	*full = (int)floor(cells);
	*rem = (int)lround((cells - *full) * 8);
	if (*rem == 8)
		++*full, *rem = 0;
	if (whole) {
		*full = (int)lround(cells);
		if (*full == 0 && cells > 0)
			*full = 1;
		*rem = 0;
	} else if (*full == 0 && *rem == 0 && cells > 0) {
		*rem = 1;
	}
}

/* Vertical bar growing up from row `base` (exclusive) for `cells` rows;
 * whole: in whole cells (ASCII tier, thick strokes). */
static void
vbar_up(struct grid *g, int x, int w, int base, double cells, int role,
    int attr, int whole, uint32_t fullcp)
{
	int full, rem, i, j;

	split_cells(g, cells, whole, &full, &rem);
	for (j = 0; j < w; j++) {
		for (i = 0; i < full; i++)
			grid_put(g, x + j, base - 1 - i, fullcp, role, 0, attr);
		if (rem > 0)
			grid_put(g, x + j, base - 1 - full, eighth_up(rem),
			    role, 0, attr);
	}
}

/* Vertical bar growing down from row `base` (exclusive); whole as above. */
static void
vbar_down(struct grid *g, int x, int w, int base, double cells, int role,
    int attr, int whole, uint32_t fullcp)
{
	int full, rem, i, j;
	uint32_t part = 0;

	split_cells(g, cells, whole, &full, &rem);
	if (rem >= 6)
		full++;
	else if (rem >= 3)
		part = 0x2580;		/* upper half */
	else if (rem >= 1)
		part = 0x2594;		/* upper eighth */
	for (j = 0; j < w; j++) {
		for (i = 0; i < full; i++)
			grid_put(g, x + j, base + 1 + i, fullcp, role, 0, attr);
		if (!whole && part != 0)
			grid_put(g, x + j, base + 1 + full, part, role, 0,
			    attr);
	}
}

static void
zero_caption(char *buf, size_t n, const char *name, const struct bins *b,
    double eps)
{
	char e[32];
	int pct = b->total ? (int)lround(100.0 * b->zeros / b->total) : 0;

	if (eps > 0)
		snprintf(buf, n, _("%s%szeros %d%% (|w|<=%s) of %d"), name ? name :
		    "", name ? ": " : "", pct, chart_fmt_sci(eps, e, sizeof e),
		    b->total);
	else
		snprintf(buf, n, _("%s%szeros %d%% of %d"), name ? name : "",
		    name ? ": " : "", pct, b->total);
}

/* Number of bins for plot width pw. */
static int
pick_bins(const struct chart_hist_opts *ho, int pw, int symmetric)
{
	int nb = ho->nbins > 0 ? ho->nbins : pw / 2;

	if (nb > pw)
		nb = pw;
	if (nb > MAXBINS)
		nb = MAXBINS;
	if (ho->nbins <= 0 && symmetric && nb % 2 == 0 && nb > 1)
		nb--;		/* a bin centred on zero */
	if (nb < 1)
		nb = 1;
	return nb;
}

static void
x_axis_labels(struct grid *g, int x0, int cw, int row, int tickrow,
    double lo, double hi, enum chart_glyphs gl)
{
	struct canvas c;
	struct axis xa;
	struct frame f;
	struct chart_opts o;

	memset(&o, 0, sizeof o);
	memset(&f, 0, sizeof f);
	o.tiers.glyphs = gl;
	canvas_init(&c, g, x0, 0, cw, 1, CHART_GLYPH_ASCII);
	axis_fixed(&xa, lo, hi, cw / 4 + 1);
	axis_thin_x(&xa, &c, 0, g->w);
	f.px = x0;
	f.pw = cw;
	f.py = row;
	f.ph = 0;
	f.axis_row = row;
	f.xtick_row = tickrow;
	f.title_row = f.legend_row = f.xlabel_row = -1;
	/* draw ticks and labels only (frame_draw also draws the corner) */
	frame_draw(&f, g, &o, &c, &xa, NULL);
}

void
chart_hist(struct grid *g, const struct chart_opts *o,
    const struct chart_hist_opts *ho, const char *name, const double *v,
    int n)
{
	static const struct chart_hist_opts dflt;
	struct bins b;
	struct frame f;
	struct axis ya;
	struct canvas c;
	struct legend_entry le;
	char buf[128];
	int ascii = o->tiers.glyphs == CHART_GLYPH_ASCII, k, bw, sym, mt;
	double lo, hi;

	if (ho == NULL)
		ho = &dflt;
	if (v == NULL || n < 0)
		n = 0;
	chart_begin(g, o);
	hist_range(ho, v, n, NULL, 0, &lo, &hi, &sym);
	/* y axis: counts, computed on a provisional bin count */
	b.lo = lo;
	b.hi = hi;
	b.n = pick_bins(ho, g->w - 4, sym);
	bins_fill(&b, v, n, ho->zero_eps);
	/* the caption wraps to further rows rather than lose its end */
	zero_caption(buf, sizeof buf, name, &b, ho->zero_eps);
	le.glyph = ascii ? '@' : 0x2593;
	le.role = GRID_WARN;
	le.attr = GRID_BOLD;
	le.fg = 0;
	le.text = buf;
	if (frame_rows(&f, g, o, legend_flow(NULL, 4, 0, LEGEND_MAXROWS,
	    g->w, &le, 1), 1) < 0)
		return;
	mt = ymaxticks(f.ph);
	if (b.maxc + 1 < mt)
		mt = b.maxc + 1;
	axis_fit(&ya, 0, b.maxc > 0 ? b.maxc : 1, mt);
	if (frame_cols(&f, g, &ya) < 0)
		return;
	b.n = pick_bins(ho, f.pw, sym);
	bins_fill(&b, v, n, ho->zero_eps);
	if (b.maxc > ya.hi) {
		axis_fit(&ya, 0, b.maxc, mt);
		ya.lo = 0;
	}
	canvas_init(&c, g, f.px, f.py, f.pw, f.ph, CHART_GLYPH_ASCII);
	bw = f.pw / b.n;
	for (k = 0; k < b.n; k++) {
		int z = k == b.zero_bin;

		vbar_up(g, f.px + k * bw, bw, f.py + f.ph,
		    ho->logcount ? bar_height(b.count[k], b.maxc, 1) * f.ph *
		    (b.maxc / ya.hi) : b.count[k] / ya.hi * f.ph,
		    z ? GRID_WARN : GRID_SERIES1, z ? GRID_BOLD : 0,
		    ascii || o->thick, z ? (ascii ? '@' : 0x2593) :
		    (ascii ? '#' : 0x2588));
	}
	frame_draw(&f, g, o, &c, NULL, &ya);
	if (f.xtick_row >= 0)
		x_axis_labels(g, f.px, bw * b.n, f.axis_row, f.xtick_row, lo,
		    hi, o->tiers.glyphs);
	if (f.legend_row >= 0) {
		zero_caption(buf, sizeof buf, name, &b, ho->zero_eps);
		le.text = buf;
		legend_flow(g, f.px, f.legend_row, f.legend_rows, g->w, &le, 1);
	}
	if (b.total == 0)
		grid_text_center(g, f.px, f.py + f.ph / 2, f.pw, _("(no data)"),
		    GRID_LABEL, GRID_DIM);
}

void
chart_hist2(struct grid *g, const struct chart_opts *o,
    const struct chart_hist_opts *ho, const char *name_a, const double *a,
    int na, const char *name_b, const double *b, int nb)
{
	static const struct chart_hist_opts dflt;
	struct bins ba, bb;
	int ascii = o->tiers.glyphs == CHART_GLYPH_ASCII;
	int avail, title = 0, ticks = 0, legend = 0, hh, mid, labw, pw, bw, k;
	int maxc, sym, x, lw, tot, la = 0, lb = 0;
	double lo, hi;
	char cap_a[128], cap_b[128], lab[32];
	struct legend_entry le[2];

	if (ho == NULL)
		ho = &dflt;
	if (a == NULL || na < 0)
		na = 0;
	if (b == NULL || nb < 0)
		nb = 0;
	chart_begin(g, o);
	hist_range(ho, a, na, b, nb, &lo, &hi, &sym);
	avail = g->h - 1 - 4;	/* axis row, two halves of >= 2 */
	if (avail < 0 || g->w < 10) {
		chart_too_small(g, _("histogram"));
		return;
	}
	ba.lo = bb.lo = lo;
	ba.hi = bb.hi = hi;
	ba.n = bb.n = pick_bins(ho, g->w - 6, sym);
	bins_fill(&ba, a, na, ho->zero_eps);
	bins_fill(&bb, b, nb, ho->zero_eps);
	maxc = ba.maxc > bb.maxc ? ba.maxc : bb.maxc;
	snprintf(lab, sizeof lab, "%d", maxc);
	labw = (int)strlen(lab);

	/* the captions (zeros do not depend on the bins): each a row, and
	 * further rows rather than a cut one when there is room */
	zero_caption(cap_a, sizeof cap_a, name_a ? name_a : _("up"), &ba,
	    ho->zero_eps);
	zero_caption(cap_b, sizeof cap_b, name_b ? name_b : _("down"), &bb,
	    ho->zero_eps);
	le[0] = (struct legend_entry){ ascii ? '^' : 0x25B2, GRID_SERIES1,
	    GRID_BOLD, 0, cap_a };
	le[1] = (struct legend_entry){ ascii ? 'v' : 0x25BC, GRID_SERIES2, 0,
	    0, cap_b };
	if (avail > 0)
		ticks = 1, avail--;
	if (avail > 1 && !o->no_legend) {
		la = lb = 1;
		avail -= 2;
		while (la < legend_flow(NULL, labw + 1, 0, LEGEND_MAXROWS,
		    g->w, &le[0], 1) && avail > 0)
			la++, avail--;
		while (lb < legend_flow(NULL, labw + 1, 0, LEGEND_MAXROWS,
		    g->w, &le[1], 1) && avail > 0)
			lb++, avail--;
		legend = la + lb;
	}
	if (avail > 0 && o->title != NULL)
		title = 1, avail--;
	if (title && avail > 0 && title_rows(g->w, o->title) > 1)
		title = 2, avail--;
	hh = (g->h - title - 1 - ticks - legend) / 2;
	mid = title + hh;
	pw = g->w - labw - 1;
	ba.n = bb.n = pick_bins(ho, pw, sym);
	bins_fill(&ba, a, na, ho->zero_eps);
	bins_fill(&bb, b, nb, ho->zero_eps);
	maxc = ba.maxc > bb.maxc ? ba.maxc : bb.maxc;
	if (maxc < 1)
		maxc = 1;
	snprintf(lab, sizeof lab, "%d", maxc);
	bw = pw / ba.n;

	if (title)
		title_draw(g, 0, 0, g->w, title, o->title);
	for (k = title; k < title + hh; k++)
		grid_put(g, labw, k, ascii ? '|' : 0x2502, GRID_AXIS, 0, 0);
	for (k = mid + 1; k <= mid + hh; k++)
		grid_put(g, labw, k, ascii ? '|' : 0x2502, GRID_AXIS, 0, 0);
	grid_put(g, labw, title, ascii ? '+' : 0x2524, GRID_AXIS, 0, 0);
	grid_put(g, labw, mid + hh, ascii ? '+' : 0x2524, GRID_AXIS, 0, 0);
	grid_text(g, labw - (int)strlen(lab), title, labw, lab, GRID_LABEL, 0);
	grid_text(g, labw - (int)strlen(lab), mid + hh, labw, lab, GRID_LABEL,
	    0);
	grid_text(g, labw - 1, mid, 1, "0", GRID_LABEL, 0);
	grid_put(g, labw, mid, ascii ? '+' : 0x253C, GRID_AXIS, 0, 0);
	for (x = labw + 1; x < g->w; x++)
		grid_put(g, x, mid, ascii ? '-' : 0x2500, GRID_AXIS, 0, 0);
	for (k = 0; k < ba.n; k++) {
		int z = k == ba.zero_bin;

		vbar_up(g, labw + 1 + k * bw, bw, mid,
		    bar_height(ba.count[k], maxc, ho->logcount) * hh,
		    z ? GRID_WARN : GRID_SERIES1, z ? GRID_BOLD : 0,
		    ascii || o->thick, z ? (ascii ? '@' : 0x2593) :
		    (ascii ? '#' : 0x2588));
		vbar_down(g, labw + 1 + k * bw, bw, mid,
		    bar_height(bb.count[k], maxc, ho->logcount) * hh,
		    z ? GRID_WARN : GRID_SERIES2, z ? GRID_BOLD : 0,
		    ascii || o->thick, z ? (ascii ? '@' : 0x2593) :
		    (ascii ? '=' : 0x2588));
	}
	/* names in the halves' top-right / bottom-right corners */
	if (name_a != NULL) {
		lw = utf8_width(name_a, (size_t)-1);
		grid_text(g, g->w - lw, title, lw, name_a, GRID_SERIES1,
		    GRID_BOLD);
	}
	if (name_b != NULL) {
		lw = utf8_width(name_b, (size_t)-1);
		grid_text(g, g->w - lw, mid + hh, lw, name_b, GRID_SERIES2,
		    GRID_BOLD);
	}
	if (ticks)
		x_axis_labels(g, labw + 1, bw * ba.n, mid, mid + hh + 1, lo, hi,
		    o->tiers.glyphs);
	/* x_axis_labels put a corner at the axis start; restore the cross */
	grid_put(g, labw, mid, ascii ? '+' : 0x253C, GRID_AXIS, 0, 0);
	if (legend) {
		int y = mid + hh + 1 + ticks;

		legend_flow(g, labw + 1, y, la, g->w, &le[0], 1);
		legend_flow(g, labw + 1, y + la, lb, g->w, &le[1], 1);
	}
	tot = ba.total + bb.total;
	if (tot == 0)
		grid_text_center(g, labw + 1, mid - 1, pw, _("(no data)"),
		    GRID_LABEL, GRID_DIM);
}

/* ------------------------------------------------------------ mean bars */

/* "0.372 ± 0.084" (or "0.372" without an sd, "nan"). */
static void
meanbar_text(char *buf, size_t len, double m, double sd, int ascii)
{
	if (isnan(m))
		snprintf(buf, len, "nan");
	else if (isnan(sd))
		snprintf(buf, len, "%.3g", num_shown(m, -1));
	else
		snprintf(buf, len, "%.3g %s %.2g", num_shown(m, -1),
		    ascii ? "+-" : "\xc2\xb1", sd);
}

void
chart_meanbars(struct grid *g, const struct chart_opts *o,
    const char *const *labels, const double *mean, const double *sd, int n,
    const char *note)
{
	int ascii = o->tiers.glyphs == CHART_GLYPH_ASCII;
	double top = 0, ticks[16], step = 0;
	char buf[64], tb[32];
	int avail, rows, gap = 0, title = 0, legend = 0, labw = 0, vw = 3;
	int ax, bw, row0, arow, nt, end, nle = 0;
	struct legend_entry le[3];

	if (mean == NULL || n < 0)
		n = 0;
	chart_begin(g, o);
	for (int i = 0; i < n; i++) {
		double hi = mean[i] + (sd != NULL && !isnan(sd[i]) ? sd[i] : 0);
		int lw;

		if (isfinite(hi) && hi > top)
			top = hi;
		if (isfinite(mean[i]) && mean[i] > top)
			top = mean[i];
		if (labels != NULL && labels[i] != NULL &&
		    (lw = utf8_width(labels[i], (size_t)-1)) > labw)
			labw = lw;
		meanbar_text(buf, sizeof buf, mean[i], sd != NULL ? sd[i] : NAN,
		    ascii);
		if ((lw = utf8_width(buf, (size_t)-1)) > vw)
			vw = lw;
	}
	if (!(top > 0))
		top = 1;
	/* rows: bars, axis line, tick labels, legend, title */
	avail = g->h - 2;
	if (avail < 1 || g->w < 16) {
		chart_too_small(g, _("bars"));
		return;
	}
	rows = n < 1 ? 1 : n;
	if (rows > avail)
		rows = avail;
	avail -= rows;
	if (avail > 0 && o->title != NULL)
		title = 1, avail--;
	/* the legend and the note: further rows rather than a cut note,
	 * when there is room (before the blank rows between bars) */
	le[nle++] = (struct legend_entry){ ascii ? '#' : 0x2588, GRID_SERIES1,
	    0, 0, _("mean") };
	le[nle++] = (struct legend_entry){ ascii ? '|' : 0x2524, GRID_MARKER,
	    GRID_BOLD, 0, ascii ? _("mean +- sd") : _("mean \xc2\xb1 sd") };
	if (note != NULL)
		le[nle++] = (struct legend_entry){ 0, 0, 0, 0, note };
	if (avail > 0)
		legend = 1, avail--;
	while (legend > 0 && avail > 0 && legend < legend_flow(NULL,
	    labw > g->w / 3 ? g->w / 3 + 1 : labw > 0 ? labw + 1 : 0, 0,
	    LEGEND_MAXROWS, g->w, le, nle))
		legend++, avail--;
	if (title && avail > 0 && title_rows(g->w, o->title) > 1)
		title = 2, avail--;
	if (n > 1 && avail >= n - 1)
		gap = 1;	/* a blank row between bars */
	if (labw > g->w / 3)
		labw = g->w / 3;
	ax = labw > 0 ? labw + 1 : 0;
	bw = g->w - ax - 1 - 1 - vw;
	if (bw < 6) {
		chart_too_small(g, _("bars"));
		return;
	}
	nt = chart_nice_ticks(0, top, bw / 8 > 2 ? bw / 8 : 2, ticks,
	    (int)COUNT(ticks), &step);
	if (nt > 0 && ticks[nt - 1] < top && step > 0 &&
	    nt < (int)COUNT(ticks)) {
		top = ticks[nt - 1] + step;	/* the axis ends on a tick */
		ticks[nt++] = top;
	}
	row0 = title;
	arow = row0 + (gap ? 2 * rows - 1 : rows);
	if (title)
		title_draw(g, 0, 0, g->w, title, o->title);
	for (int r = row0; r < arow; r++)
		grid_put(g, ax, r, ascii ? '|' : 0x2502, GRID_AXIS, 0, 0);
	for (int i = 0; i < n && i < rows; i++) {
		int y = row0 + (gap ? 2 * i : i);
		double s = sd != NULL ? sd[i] : NAN;

		if (labels != NULL && labels[i] != NULL && labw > 0) {
			int lw = utf8_width(labels[i], (size_t)-1);

			grid_text(g, lw < labw ? labw - lw : 0, y, labw,
			    labels[i], GRID_LABEL, 0);
		}
		meanbar_text(buf, sizeof buf, mean[i], s, ascii);
		grid_text(g, g->w - utf8_width(buf, (size_t)-1), y, vw, buf,
		    GRID_LABEL, 0);
		if (!(mean[i] >= 0) || !isfinite(mean[i]))
			continue;
		hbar(g, ax + 1, y, mean[i] / top * bw, GRID_SERIES1, ascii,
		    o->thick);
		if (!isnan(s) && s > 0) {
			/* the whisker: drawn over the bar inside it */
			int a = ax + 1 + (int)lround(fmax(mean[i] - s, 0) /
			    top * bw);
			int b = ax + 1 + (int)lround((mean[i] + s) / top * bw);

			if (b > ax + bw)
				b = ax + bw;
			for (int k = a; k <= b; k++) {
				struct grid_cell *c = grid_at(g, k, y);
				int inside = c != NULL && c->cp != ' ' &&
				    c->cp != 0;

				if (inside && k != a && k != b)
					continue;	/* the bar stays */
				grid_put(g, k, y, k == a ? (ascii ? '|' :
				    0x251C) : k == b ? (ascii ? '|' : 0x2524) :
				    (ascii ? '-' : 0x2500), GRID_MARKER, 0,
				    GRID_BOLD);
			}
		}
	}
	if (n == 0)
		grid_text(g, ax + 2, row0, bw, _("(no data)"), GRID_LABEL,
		    GRID_DIM);
	/* the linear axis, ticks at nice values */
	grid_put(g, ax, arow, ascii ? '+' : 0x2514, GRID_AXIS, 0, 0);
	for (int i = 1; i <= bw; i++)
		grid_put(g, ax + i, arow, ascii ? '-' : 0x2500, GRID_AXIS, 0,
		    0);
	end = -2;
	for (int i = 0; i < nt; i++) {
		int col = ax + (int)lround(ticks[i] / top * bw), lw, s;

		if (col > ax + bw)
			continue;
		if (col > ax)
			grid_put(g, col, arow, ascii ? '+' : 0x252C, GRID_AXIS,
			    0, 0);
		if (arow + 1 >= g->h)
			continue;
		chart_fmt_tick(ticks[i], step, tb, sizeof tb);
		lw = (int)strlen(tb);
		s = col - lw / 2;
		if (s < 0)
			s = 0;
		if (s + lw > g->w)
			s = g->w - lw;
		if (s <= end + 1)
			continue;
		grid_text(g, s, arow + 1, lw, tb, GRID_LABEL, 0);
		end = s + lw - 1;
	}
	if (legend && arow + 2 < g->h)
		legend_flow(g, ax, arow + 2, legend, g->w, le, nle);
}
