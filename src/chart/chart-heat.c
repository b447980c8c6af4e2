/*
 * chart-heat.c - heatmap with contour and points, matrix view, sparklines.
 *
 * The heatmap shows a classifier's output over the input plane: a diverging
 * background ramp when there is colour, a shade ramp of characters when there
 * is not, the z = 0.5 contour in sub-cell dots (found where neighbouring
 * pixels fall on different sides), and the data points on top.  The matrix
 * view shows which numbers a normalization layer pools together: a column
 * for batch norm, a row for layer norm, in brackets so it reads in mono.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/util.h"
#include "chart/chart-int.h"

/* ------------------------------------------------------------ heatmap */

struct field {
	const double *z;
	int zw, zh;
	double xlo, xhi, ylo, yhi;
};

/* Bilinear sample at plane point x,y; NaN outside or on NaN data. */
static double
field_at(const struct field *f, double x, double y)
{
	double u, v, fu, fv, a, b, c, d;
	int i, j, i1, j1;

	if (f->zw < 1 || f->zh < 1)
		return NAN;
	u = f->zw > 1 ? (x - f->xlo) / (f->xhi - f->xlo) * (f->zw - 1) : 0;
	v = f->zh > 1 ? (y - f->ylo) / (f->yhi - f->ylo) * (f->zh - 1) : 0;
	if (!(u >= 0) || !(v >= 0) || u > f->zw - 1 || v > f->zh - 1)
		return NAN;
	i = (int)floor(u);
	j = (int)floor(v);
	i1 = i + 1 < f->zw ? i + 1 : i;
	j1 = j + 1 < f->zh ? j + 1 : j;
	fu = u - i;
	fv = v - j;
	a = f->z[j * f->zw + i];
	b = f->z[j * f->zw + i1];
	c = f->z[j1 * f->zw + i];
	d = f->z[j1 * f->zw + i1];
	return (a * (1 - fu) + b * fu) * (1 - fv) + (c * (1 - fu) + d * fu) * fv;
}

static const uint32_t shade_uni[5] = { ' ', 0x2591, 0x2592, 0x2593, 0x2588 };
static const char shade_ascii[] = " .:-=*#%@";

/*
 * The corner labels show the exact extents, which are rarely round
 * (-1.146876): print them to a power of ten a hundredth of the span, so
 * about three digits ("-1.15").
 */
static double
label_step(double span)
{
	if (!(span > 0) || !isfinite(span))
		return 0;
	return pow(10, floor(log10(span)) - 2);
}

/* "2.00" -> "2", "0.50" -> "0.5" (fixed-point labels only). */
static void
trim_zeros(char *s)
{
	size_t n = strlen(s);

	if (strchr(s, '.') == NULL || strchr(s, 'e') != NULL)
		return;
	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[--n] = '\0';
}

/*
 * The contour's glyph, in the legend as in the plot: the series mark in
 * ASCII, all dots in braille, a whole block in quadrants and thick
 * strokes, except over the mono shade ramp (whose top is that block):
 * there a thick contour is '#'.
 */
static uint32_t
contour_cp(const struct chart_opts *o)
{
	if (o->tiers.glyphs == CHART_GLYPH_ASCII)
		return '+';
	if (o->thick)
		return o->tiers.colors == CHART_COLOR_NONE ? '#' : 0x2588;
	return o->tiers.glyphs == CHART_GLYPH_BRAILLE ? 0x28FF : 0x2588;
}

/* The letter of a data point: its class, in capitals when validation. */
static uint32_t
point_glyph(const struct chart_point *p)
{
	static const char train[3] = "ox+", val[3] = "OX#";
	int k = p->cls == 0 ? 0 : p->cls == 1 ? 1 : 2;

	return (uint32_t)(p->val ? val[k] : train[k]);
}

/* A legend item "o x train": both class letters, bold (attr added, as in
 * the plot), then the text; nothing when the text has no room.  Returns
 * the width. */
static int
legend_pair(struct grid *g, int x, int row, const char *letters,
    const char *text, int attr)
{
	int n;

	if (x + 4 >= g->w)
		return 0;
	grid_put(g, x, row, (uint32_t)letters[0], 0, 0, GRID_BOLD | attr);
	grid_put(g, x + 1, row, ' ', 0, 0, 0);
	n = legend_item(g, x + 2, row, g->w, (uint32_t)letters[1], 0,
	    GRID_BOLD | attr, text);
	if (n == 0) {
		grid_fill(g, x, row, 2, 1, ' ', 0, 0, 0);
		return 0;
	}
	return 2 + n;
}

void
chart_heatmap(struct grid *g, const struct chart_opts *o,
    const struct chart_heatmap_opts *ho, const double *z, int zw, int zh,
    const struct chart_point *pts, int npts)
{
	static const struct chart_heatmap_opts dflt;
	int ascii = o->tiers.glyphs == CHART_GLYPH_ASCII;
	enum chart_colors col = o->tiers.colors;
	struct field fd;
	struct canvas c;
	struct pen pen = { GRID_LABEL, GRID_BOLD, '+', 0xff, 0 };
	char lo_s[32], hi_s[32], buf[64];
	double zlo, zhi, t, x, y, zz, step;
	int avail, title = 0, legend = 0, xlab = 0, labw = 0, px, py, pw, ph;
	int cx, cy, i, k, s0, s1, s2, lw, lx, nval = 0;
	int pattr = o->thick ? GRID_REVERSE : 0;	/* of a point */

	if (ho == NULL)
		ho = &dflt;
	chart_begin(g, o);
	fd.z = z;
	fd.zw = z != NULL && zw > 0 ? zw : 0;
	fd.zh = z != NULL && zh > 0 ? zh : 0;
	fd.xlo = ho->xlo;
	fd.xhi = ho->xhi;
	fd.ylo = ho->ylo;
	fd.yhi = ho->yhi;
	if (!(fd.xlo < fd.xhi) || !isfinite(fd.xhi - fd.xlo))
		fd.xlo = -1, fd.xhi = 1;
	if (!(fd.ylo < fd.yhi) || !isfinite(fd.yhi - fd.ylo))
		fd.ylo = -1, fd.yhi = 1;
	zlo = ho->zlo;
	zhi = ho->zhi;
	if (!(zlo < zhi) || !isfinite(zhi - zlo))
		zlo = 0, zhi = 1;

	avail = g->h - 3;
	if (avail < 0 || g->w < 8) {
		chart_too_small(g, _("heatmap"));
		return;
	}
	if (avail > 0)
		xlab = 1, avail--;
	if (avail > 0 && !o->no_legend)
		legend = 1, avail--;
	if (avail > 0 && o->title != NULL)
		title = 1, avail--;
	if (title && avail > 0 && title_rows(g->w, o->title) > 1)
		title = 2, avail--;
	py = title;
	ph = g->h - title - xlab - legend;
	step = label_step(fd.yhi - fd.ylo);
	chart_fmt_tick(fd.yhi, step, hi_s, sizeof hi_s);
	chart_fmt_tick(fd.ylo, step, lo_s, sizeof lo_s);
	trim_zeros(hi_s);
	trim_zeros(lo_s);
	labw = utf8_width(hi_s, (size_t)-1);
	if (utf8_width(lo_s, (size_t)-1) > labw)
		labw = utf8_width(lo_s, (size_t)-1);
	if (g->w - labw - 1 < 6)
		labw = 0;
	px = labw + 1;
	pw = g->w - px;
	if (title)
		title_draw(g, 0, 0, g->w, title, o->title);
	for (cy = 0; cy < ph; cy++)
		grid_put(g, px - 1, py + cy, ascii ? '|' : 0x2502, GRID_AXIS, 0,
		    0);
	if (labw > 0) {
		grid_text(g, labw - utf8_width(hi_s, (size_t)-1), py, labw, hi_s,
		    GRID_LABEL, 0);
		grid_text(g, labw - utf8_width(lo_s, (size_t)-1), py + ph - 1,
		    labw, lo_s, GRID_LABEL, 0);
	}

	/* background: one sample per cell centre */
	for (cy = 0; cy < ph; cy++)
		for (cx = 0; cx < pw; cx++) {
			x = fd.xlo + (cx + 0.5) / pw * (fd.xhi - fd.xlo);
			y = fd.yhi - (cy + 0.5) / ph * (fd.yhi - fd.ylo);
			zz = field_at(&fd, x, y);
			if (isnan(zz))
				continue;
			t = (zz - zlo) / (zhi - zlo);
			t = !(t >= 0) ? 0 : t > 1 ? 1 : t;
			if (col != CHART_COLOR_NONE) {
				k = (int)lround(t * (GRID_NSHADES - 1));
				grid_put(g, px + cx, py + cy, ' ', 0,
				    GRID_SHADE0 + k, 0);
			} else if (ascii) {
				k = (int)lround(t * 8);
				grid_put(g, px + cx, py + cy,
				    (uint32_t)shade_ascii[k], 0, 0, 0);
			} else {
				k = (int)lround(t * 4);
				grid_put(g, px + cx, py + cy, shade_uni[k], 0, 0,
				    0);
			}
		}

	/*
	 * contour: pixels whose right or lower neighbour is on the other
	 * side; with thick strokes the pixels are whole cells, each a block
	 * over the ramp (the ASCII tier keeps its mark)
	 */
	canvas_init(&c, g, px, py, pw, ph, o->thick ? CHART_GLYPH_ASCII :
	    o->tiers.glyphs);
	if (ho->contour_on && fd.zw > 0) {
		for (cy = 0; cy < c.ph; cy++)
			for (cx = 0; cx < c.pw; cx++) {
				x = fd.xlo + (cx + 0.5) / c.pw * (fd.xhi - fd.xlo);
				y = fd.yhi - (cy + 0.5) / c.ph * (fd.yhi - fd.ylo);
				zz = field_at(&fd, x, y);
				if (isnan(zz))
					continue;
				s0 = zz >= ho->contour;
				s1 = s0;
				s2 = s0;
				if (cx + 1 < c.pw) {
					zz = field_at(&fd, x + (fd.xhi - fd.xlo) /
					    c.pw, y);
					if (!isnan(zz))
						s1 = zz >= ho->contour;
				}
				if (cy + 1 < c.ph) {
					zz = field_at(&fd, x, y - (fd.yhi -
					    fd.ylo) / c.ph);
					if (!isnan(zz))
						s2 = zz >= ho->contour;
				}
				if (s1 == s0 && s2 == s0)
					continue;
				if (o->thick && !ascii)
					grid_put(g, px + cx, py + cy,
					    contour_cp(o), GRID_LABEL,
					    grid_at(g, px + cx, py + cy)->bg,
					    GRID_BOLD);
				else
					canvas_set(&c, cx, cy, &pen);
			}
	}

	/* points */
	for (i = 0; pts != NULL && i < npts; i++) {
		if (!isfinite(pts[i].x) || !isfinite(pts[i].y))
			continue;
		x = (pts[i].x - fd.xlo) / (fd.xhi - fd.xlo) * pw;
		y = (fd.yhi - pts[i].y) / (fd.yhi - fd.ylo) * ph;
		if (!(x >= 0 && x <= pw && y >= 0 && y <= ph))
			continue;
		cx = (int)x;
		cy = (int)y;
		if (cx == pw && pts[i].x == fd.xhi)
			cx--;
		if (cy == ph && pts[i].y == fd.ylo)
			cy--;
		if (cx < 0 || cy < 0 || cx >= pw || cy >= ph)
			continue;
		k = grid_at(g, px + cx, py + cy)->bg;
		grid_put(g, px + cx, py + cy, point_glyph(&pts[i]), 0, k,
		    GRID_BOLD | pattr);
		nval += pts[i].val != 0;
	}

	if (xlab) {
		int row = py + ph;

		chart_fmt_tick(fd.xlo, label_step(fd.xhi - fd.xlo), lo_s,
		    sizeof lo_s);
		chart_fmt_tick(fd.xhi, label_step(fd.xhi - fd.xlo), hi_s,
		    sizeof hi_s);
		trim_zeros(lo_s);
		trim_zeros(hi_s);
		grid_text(g, px, row, pw, lo_s, GRID_LABEL, 0);
		lw = utf8_width(hi_s, (size_t)-1);
		if (lw + utf8_width(lo_s, (size_t)-1) + 1 < pw)
			grid_text(g, g->w - lw, row, lw, hi_s, GRID_LABEL, 0);
		if (o->xlabel != NULL && utf8_width(o->xlabel, (size_t)-1) +
		    lw + utf8_width(lo_s, (size_t)-1) + 4 < pw)
			grid_text_center(g, px, row, pw, o->xlabel, GRID_LABEL,
			    0);
	}
	if (legend) {
		int row = g->h - 1;

		lx = px;
		if (nval > 0) {		/* "o x train  O X val" */
			lx += legend_pair(g, lx, row, "ox", _("train"), pattr) +
			    2;
			lx += legend_pair(g, lx, row, "OX", _("val"), pattr) + 2;
		} else {
			lx += legend_item(g, lx, row, g->w, 'o', 0,
			    GRID_BOLD | pattr, _("class 0")) + 2;
			lx += legend_item(g, lx, row, g->w, 'x', 0,
			    GRID_BOLD | pattr, _("class 1")) + 2;
		}
		if (ho->contour_on) {
			snprintf(buf, sizeof buf, "z=%g", ho->contour);
			lx += legend_item(g, lx, row, g->w, contour_cp(o),
			    GRID_LABEL, GRID_BOLD, buf) + 2;
		}
		chart_fmt_tick(zlo, 0, lo_s, sizeof lo_s);
		chart_fmt_tick(zhi, 0, hi_s, sizeof hi_s);
		/* the scale "0 ░▒▓█ 1" whole or not at all */
		if (lx + (int)strlen(lo_s) + 7 + (int)strlen(hi_s) > g->w)
			return;
		lx += grid_text(g, lx, row, g->w - lx, lo_s, GRID_LABEL, 0);
		lx += grid_text(g, lx, row, g->w - lx, " ", GRID_LABEL, 0);
		for (k = 0; k < 5 && lx < g->w; k++) {
			if (col != CHART_COLOR_NONE)
				grid_put(g, lx++, row, ' ', 0, GRID_SHADE0 + 2 * k,
				    0);
			else if (ascii)
				grid_put(g, lx++, row,
				    (uint32_t)shade_ascii[2 * k], 0, 0, 0);
			else
				grid_put(g, lx++, row, shade_uni[k], 0, 0, 0);
		}
		lx += grid_text(g, lx, row, g->w - lx, " ", GRID_LABEL, 0);
		grid_text(g, lx, row, g->w - lx, hi_s, GRID_LABEL, 0);
	}
}

/* ------------------------------------------------------------ matrix */

#define SLOT 8

static void
fmt_cell(double v, int big, char *buf, size_t n)
{
	if (isnan(v))
		snprintf(buf, n, "%6s", "nan");
	else if (big)
		snprintf(buf, n, "%6.0e", v);
	else
		snprintf(buf, n, "%6.2f", num_shown(v, 2));
}

/* What the highlighted group is, for the caption under the matrix. */
static void
caption_text(char *buf, size_t len, enum chart_group group, int index,
    int ascii)
{
	if (group == CHART_GROUP_COLUMN)
		snprintf(buf, len, _("batch norm: one feature (f%d) over "
		    "the batch %s"), index, ascii ? "v" : "\xe2\x86\x93");
	else
		snprintf(buf, len, _("layer norm: one example (x%d) over "
		    "its features %s"), index, ascii ? "->" : "\xe2\x86\x92");
}

void
chart_matrix(struct grid *g, const struct chart_opts *o, const double *m,
    int rows, int cols, enum chart_group group, int index)
{
	int ascii = o->tiers.glyphs == CHART_GLYPH_ASCII;
	struct legend_entry cap_le = { 0, 0, 0, GRID_HILITE, NULL };
	char buf[96], num[32], capbuf[96];
	int labw, vis_c, vis_r, c0 = 0, r0 = 0, avail, title = 0, caption = 0;
	int stats = 0, r, c, x, y, big = 0, hl, more_c, more_r, n = 0, i;
	int slots, hc, lead = 0, labw0, pitch = 1;
	double sum = 0, sq = 0, mean, sd;

	chart_begin(g, o);
	if (m == NULL || rows < 0 || cols < 0)
		rows = cols = 0;
	for (i = 0; i < rows * cols; i++)
		if (isfinite(m[i]) && fabs(m[i]) >= 999.5)
			big = 1;
	snprintf(buf, sizeof buf, "x%d", rows > 0 ? rows - 1 : 0);
	labw = (int)strlen(buf) + 1;
	avail = g->h - 2;	/* header and at least one row */
	if (avail < 0 || g->w < labw + SLOT) {
		chart_too_small(g, _("matrix"));
		return;
	}
	vis_r = rows;
	if (avail >= rows + 1 && group != CHART_GROUP_NONE)
		caption = 1;
	if (avail >= rows + 2 && group != CHART_GROUP_NONE)
		stats = 1;
	if (avail >= rows + caption + stats + 1 && o->title != NULL)
		title = 1;
	/* a note or caption too long for a row takes further ones while
	 * every row of the matrix still fits; the numbers first */
	if (stats) {
		struct legend_entry le = { 0, 0, 0, 0, buf };
		int need;

		/* as wide as the note can be: a sign, 3 decimals */
		snprintf(buf, sizeof buf, _("[ ] normalized together: n=%d "
		    "mean=%.3f std=%.3f"), rows > cols ? rows : cols, -0.0001,
		    0.0);
		need = legend_flow(NULL, 0, 0, LEGEND_MAXROWS, g->w, &le, 1);
		while (stats < need &&
		    avail - (rows - 1) - caption - stats - title >= 1)
			stats++;
	}
	if (caption) {
		int need;

		caption_text(capbuf, sizeof capbuf, group, index, ascii);
		cap_le.text = capbuf;
		need = legend_flow(NULL, 0, 0, LEGEND_MAXROWS, g->w, &cap_le,
		    1);
		while (caption < need &&
		    avail - (rows - 1) - caption - stats - title >= 1)
			caption++;
	}
	if (title && avail - (rows - 1) - caption - stats - title >= 1 &&
	    title_rows(g->w, o->title) > 1)
		title = 2;
	if (vis_r > avail - caption - stats)
		vis_r = avail - caption - stats;
	if (vis_r < 1)
		vis_r = rows > 0 ? 1 : 0;
	/* columns: keep the highlighted one in view, "..." where elided */
	slots = (g->w - labw) / SLOT;
	vis_c = cols;
	if (cols > slots) {
		hc = group == CHART_GROUP_COLUMN && index >= 0 &&
		    index < cols ? index : 0;
		if (hc < slots - 1) {
			vis_c = slots - 1;
		} else if (hc == cols - 1) {
			lead = 1;
			vis_c = slots - 1;
			c0 = cols - vis_c;
		} else {
			lead = 1;
			vis_c = slots - 2 > 0 ? slots - 2 : 1;
			c0 = hc - vis_c + 1;
		}
	}
	more_c = c0 + vis_c < cols;
	more_r = rows > vis_r;
	if (more_r && vis_r > 1)
		vis_r--;
	if (group == CHART_GROUP_ROW && index >= vis_r && vis_r > 0)
		r0 = index - vis_r + 1;
	if (r0 + vis_r > rows)
		vis_r = rows - r0;
	labw0 = labw;
	labw += lead * SLOT;
	/* a tall grid (classroom mode) more than half empty: a blank row
	 * between the rows, so the table fills the pane */
	if (!more_r && vis_r > 1 &&
	    2 * (title + 1 + vis_r + caption + stats) <= g->h)
		pitch = 2;

	y = 0;
	if (title) {
		title_draw(g, 0, y, g->w, title, o->title);
		y += title;
	}
	/* header */
	for (c = 0; c < vis_c; c++) {
		hl = group == CHART_GROUP_COLUMN && c0 + c == index;
		snprintf(buf, sizeof buf, "%s f%d", hl ? (ascii ? "v" :
		    "\xe2\x86\x93") : " ", c0 + c);
		x = labw + c * SLOT + SLOT - 1 - utf8_width(buf, (size_t)-1);
		grid_text(g, x, y, SLOT, buf, hl ? GRID_HILITE : GRID_LABEL,
		    hl ? GRID_BOLD : 0);
	}
	if (more_c)
		grid_text(g, labw + vis_c * SLOT, y, SLOT, "   ...", GRID_LABEL,
		    0);
	if (lead)
		grid_text(g, labw0, y, SLOT, "   ...", GRID_LABEL, 0);
	y++;
	for (r = 0; r < vis_r; r++, y += pitch) {
		int hrow = group == CHART_GROUP_ROW && r0 + r == index;

		snprintf(buf, sizeof buf, "x%d", r0 + r);
		grid_text(g, 0, y, labw0, buf, hrow ? GRID_HILITE : GRID_LABEL,
		    hrow ? GRID_BOLD : 0);
		if (hrow)
			grid_put(g, labw0 - 1, y, ascii ? '>' : 0x2192,
			    GRID_HILITE, 0, GRID_BOLD);
		for (c = 0; c < vis_c; c++) {
			hl = hrow || (group == CHART_GROUP_COLUMN &&
			    c0 + c == index);
			fmt_cell(m[(r0 + r) * cols + c0 + c], big, num,
			    sizeof num);
			snprintf(buf, sizeof buf, "%s%s%s", hl ? "[" : " ", num,
			    hl ? "]" : " ");
			grid_text(g, labw + c * SLOT, y, SLOT, buf,
			    hl ? GRID_HILITE : GRID_LABEL,
			    hl ? GRID_REVERSE | GRID_BOLD : 0);
		}
		if (more_c)
			grid_text(g, labw + vis_c * SLOT, y, SLOT, "   ...",
			    GRID_LABEL, 0);
		if (lead)
			grid_text(g, labw0, y, SLOT, "   ...", GRID_LABEL, 0);
	}
	if (more_r && y < g->h - caption - stats) {
		grid_text(g, 0, y, g->w, "...", GRID_LABEL, 0);
		y++;
	}
	if (rows == 0 || cols == 0) {
		grid_text(g, 0, y, g->w, _("(no data)"), GRID_LABEL, GRID_DIM);
		return;
	}
	if (group == CHART_GROUP_NONE || index < 0 ||
	    (group == CHART_GROUP_COLUMN && index >= cols) ||
	    (group == CHART_GROUP_ROW && index >= rows))
		return;
	for (i = 0; i < (group == CHART_GROUP_COLUMN ? rows : cols); i++) {
		double v = group == CHART_GROUP_COLUMN ? m[i * cols + index] :
		    m[index * cols + i];

		if (!isfinite(v))
			continue;
		sum += v;
		sq += v * v;
		n++;
	}
	mean = n ? sum / n : NAN;
	sd = n ? sqrt(fmax(sq / n - mean * mean, 0)) : NAN;
	y = g->h - caption - stats;
	if (caption) {
		cap_le.text = capbuf;
		y += legend_flow(g, 0, y, caption, g->w, &cap_le, 1);
	}
	if (stats) {
		struct legend_entry le = { 0, 0, 0, 0, buf };

		snprintf(buf, sizeof buf, _("[ ] normalized together: n=%d "
		    "mean=%.3f std=%.3f"), n, num_shown(mean, 3),
		    num_shown(sd, 3));
		legend_flow(g, 0, y, stats, g->w, &le, 1);
	}
}

/* ------------------------------------------------------------ sparkline */

static const char spark_ascii[] = "_.-=+*#@";

static uint32_t
spark_cp(double v, double lo, double hi, enum chart_glyphs gl)
{
	int k;

	if (!isfinite(v))
		return ' ';
	k = hi > lo ? (int)lround((v - lo) / (hi - lo) * 7) : 3;
	k = k < 0 ? 0 : k > 7 ? 7 : k;
	if (gl == CHART_GLYPH_ASCII)
		return (uint32_t)spark_ascii[k];
	return 0x2581 + (uint32_t)k;
}

static void
spark_range(const double *v, int n, double *lo, double *hi)
{
	int i;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (i = 0; i < n; i++)
		if (isfinite(v[i])) {
			if (v[i] < *lo)
				*lo = v[i];
			if (v[i] > *hi)
				*hi = v[i];
		}
}

int
chart_sparkline(struct grid *g, int x, int y, int w, const double *v, int n,
    enum chart_glyphs glyphs, int fg)
{
	double lo, hi;
	int i, k, start;

	if (v == NULL || n < 0)
		n = 0;
	if (w > g->w - x)
		w = g->w - x;
	if (w <= 0 || y < 0 || y >= g->h)
		return 0;
	start = n > w ? n - w : 0;
	spark_range(v + start, n - start, &lo, &hi);
	for (i = 0; i < w; i++) {
		k = start + i;
		grid_put(g, x + i, y, k < n ? spark_cp(v[k], lo, hi, glyphs) :
		    ' ', fg, 0, 0);
	}
	return w;
}

char *
chart_sparkline_str(const double *v, int n, int w, enum chart_glyphs glyphs)
{
	struct grid g;
	struct strbuf b;
	char *s;

	if (w < 0)
		w = 0;
	grid_init(&g, w, 1);
	chart_sparkline(&g, 0, 0, w, v, n, glyphs, 0);
	strbuf_init(&b);
	grid_to_text(&g, CHART_COLOR_NONE, &b);
	grid_done(&g);
	if (b.len > 0)
		b.s[--b.len] = '\0';	/* drop the newline */
	s = strbuf_detach(&b);
	return s;
}
