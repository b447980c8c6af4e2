/*
 * axis.c - nice ticks, number labels, and the frame layout around a plot.
 *
 * Ticks are multiples of 1, 2, 2.5 or 5 x 10^k; the smallest step whose tick
 * count fits is taken, so labels never crowd.  X labels are thinned until no
 * two overlap.  The frame decides which decorations fit: when rows or columns
 * run short, the title goes first, then the legend, the x label, the x tick
 * labels and finally the y tick labels.
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/util.h"
#include "chart/chart-int.h"

#define MIN_PLOT_H 3
#define MIN_PLOT_W 4

/* ------------------------------------------------------------ numbers */

/* Smallest nice step giving at most maxticks ticks (extended or inside). */
static double
nice_step(double lo, double hi, int maxticks, int extend)
{
	static const double mant[] = { 1, 2, 2.5, 5 };
	double span = hi - lo, base, s;
	long cnt;
	int j;
	size_t k;

	if (maxticks < 2)
		maxticks = 2;
	base = pow(10, floor(log10(span / maxticks)) - 1);
	for (j = 0; j < 8; j++, base *= 10)
		for (k = 0; k < COUNT(mant); k++) {
			s = mant[k] * base;
			if (extend)
				cnt = (long)(ceil(hi / s - 1e-9) -
				    floor(lo / s + 1e-9)) + 1;
			else
				cnt = (long)(floor(hi / s + 1e-9) -
				    ceil(lo / s - 1e-9)) + 1;
			if (cnt <= maxticks)
				return s;
		}
	return span;
}

static double
snap(double t, double step)
{
	return fabs(t) < step * 1e-9 ? 0.0 : t;
}

int
chart_nice_ticks(double lo, double hi, int maxticks, double *out, int cap,
    double *step)
{
	double s;
	long k, k0, k1;
	int n = 0;

	if (!isfinite(lo) || !isfinite(hi) || lo > hi || cap <= 0 ||
	    !isfinite(hi - lo))
		return 0;
	if (lo == hi) {
		out[0] = lo;
		if (step != NULL)
			*step = 0;
		return 1;
	}
	s = nice_step(lo, hi, maxticks, 0);
	k0 = (long)ceil(lo / s - 1e-9);
	k1 = (long)floor(hi / s + 1e-9);
	for (k = k0; k <= k1 && n < cap; k++)
		out[n++] = snap((double)k * s, s);
	if (step != NULL)
		*step = s;
	return n;
}

/* Decimals needed to print multiples of step exactly (at most 10). */
static int
step_decimals(double step)
{
	double m;
	int d;

	if (!(step > 0) || !isfinite(step))
		return 0;
	for (d = 0; d < 10; d++) {
		m = step * pow(10, d);
		if (fabs(m - nearbyint(m)) < 1e-6 * m)
			return d;
	}
	return d;
}

/* Trims "1.50e+06" style output into "1.5e6". */
static void
compact_exp(char *buf)
{
	char *e = strchr(buf, 'e'), *p, *q;
	char tail[16];
	int ex;

	if (e == NULL)
		return;
	ex = atoi(e + 1);
	p = e;
	if (memchr(buf, '.', (size_t)(e - buf)) != NULL) {
		while (p > buf && p[-1] == '0')
			p--;
		if (p > buf && p[-1] == '.')
			p--;
	}
	snprintf(tail, sizeof tail, "e%d", ex);
	for (q = tail; *q; q++)
		*p++ = *q;
	*p = '\0';
}

char *
chart_fmt_tick(double v, double step, char *buf, size_t n)
{
	double a = fabs(v);
	int d, e;

	if (n == 0)
		return buf;
	if (isnan(v)) {
		snprintf(buf, n, "nan");
		return buf;
	}
	if (isinf(v)) {
		snprintf(buf, n, v > 0 ? "inf" : "-inf");
		return buf;
	}
	if (step <= 0 || !isfinite(step)) {
		snprintf(buf, n, "%.3g", num_shown(v, -1));
		compact_exp(buf);
		return buf;
	}
	if (a < step * 1e-9) {
		snprintf(buf, n, "0");
		return buf;
	}
	/* a fine step on values that are not small (0.13740 0.13742):
	 * fixed decimals, or every label would read 1.374e-1 */
	if (a >= 1e5 || (step < 1e-3 && (a < 1e-3 ||
	    step_decimals(step) > 6))) {
		e = (int)floor(log10(a));
		d = step_decimals(step / pow(10, e));
		if (d > 3)
			d = 3;
		snprintf(buf, n, "%.*e", d, v);
		compact_exp(buf);
		return buf;
	}
	d = step_decimals(step);
	snprintf(buf, n, "%.*f", d, num_shown(v, d));
	return buf;
}

char *
chart_fmt_sci(double v, char *buf, size_t n)
{
	if (isnan(v))
		snprintf(buf, n, "nan");
	else if (isinf(v))
		snprintf(buf, n, v > 0 ? "inf" : "-inf");
	else if (v == 0)
		snprintf(buf, n, "0");
	else
		snprintf(buf, n, "%.1e", v);
	return buf;
}

/* ------------------------------------------------------------ axes */

double
axis_tf(const struct axis *a, double v)
{
	if (!a->log)
		return v;
	return v > 0 ? log10(v) : NAN;
}

double
axis_xpix(const struct axis *a, const struct canvas *c, double v)
{
	if (a->hi <= a->lo)
		return (c->pw - 1) / 2.0;
	return (v - a->lo) / (a->hi - a->lo) * (c->pw - 1);
}

double
axis_ypix(const struct axis *a, const struct canvas *c, double v)
{
	if (a->hi <= a->lo)
		return (c->ph - 1) / 2.0;
	return (a->hi - v) / (a->hi - a->lo) * (c->ph - 1);
}

/* Plain numeric ticks: no explicit labels, every tick labelled. */
static void
axis_plain(struct axis *a)
{
	a->integer = 0;
	a->explicit_ = 0;
	a->every = 1;
}

void
axis_label(const struct axis *a, double t, char *buf, size_t n)
{
	long e;

	if (a->log && fabs(t - nearbyint(t)) > 1e-9) {	/* 2 or 5 x 10^e */
		snprintf(buf, n, "%.0g", pow(10, t));
		return;
	}
	if (a->log) {
		e = lround(t);
		if (e >= 0 && e <= 3)
			snprintf(buf, n, "%.0f", pow(10, (double)e));
		else if (e == -1)
			snprintf(buf, n, "0.1");
		else if (e == -2)
			snprintf(buf, n, "0.01");
		else
			snprintf(buf, n, "1e%ld", e);
		return;
	}
	chart_fmt_tick(t, a->step, buf, n);
}

void
axis_fit(struct axis *a, double lo, double hi, int maxticks)
{
	double s, pad;
	long k, k0, k1;

	a->log = 0;
	a->nt = 0;
	axis_plain(a);
	if (!isfinite(lo) || !isfinite(hi) || lo > hi || !isfinite(hi - lo)) {
		lo = 0;
		hi = 1;
	}
	if (lo == hi) {
		pad = fabs(lo) * 0.1;
		if (pad == 0 || !isfinite(pad))
			pad = 1;
		/* near the largest double the padded ends stop there */
		lo = fmax(lo - pad, -DBL_MAX);
		hi = fmin(hi + pad, DBL_MAX);
	}
	if (maxticks < 2)
		maxticks = 2;
	s = nice_step(lo, hi, maxticks, 1);
	if (!isfinite(floor(lo / s + 1e-9) * s) ||
	    !isfinite(ceil(hi / s - 1e-9) * s)) {
		/* ends rounded out to the step would overflow (values near
		 * the largest double): the axis is the range itself, with
		 * the nice ticks inside it */
		a->lo = lo;
		a->hi = hi;
		a->nt = chart_nice_ticks(lo, hi, maxticks, a->t,
		    AXIS_MAXTICKS, &a->step);
		return;
	}
	k0 = (long)floor(lo / s + 1e-9);
	k1 = (long)ceil(hi / s - 1e-9);
	a->lo = snap((double)k0 * s, s);
	a->hi = snap((double)k1 * s, s);
	a->step = s;
	for (k = k0; k <= k1 && a->nt < AXIS_MAXTICKS; k++)
		a->t[a->nt++] = snap((double)k * s, s);
}

void
axis_fit_log(struct axis *a, double lo, double hi, int maxticks)
{
	static const int steps[] = { 1, 2, 3, 5, 10, 20, 50, 100 };
	long elo, ehi, e;
	int k = 1;
	size_t i;

	a->log = 1;
	a->nt = 0;
	axis_plain(a);
	if (!(lo > 0) || !isfinite(lo) || !(hi > 0) || !isfinite(hi) ||
	    lo > hi) {
		lo = 1;
		hi = 10;
	}
	elo = (long)floor(log10(lo) + 1e-9);
	ehi = (long)ceil(log10(hi) - 1e-9);
	if (ehi <= elo)
		ehi = elo + 1;
	if (maxticks < 2)
		maxticks = 2;
	for (i = 0; i < COUNT(steps); i++) {
		k = steps[i];
		if ((ehi - elo) / k + 1 <= maxticks)
			break;
	}
	a->lo = (double)elo;
	a->hi = (double)ehi;
	a->step = k;
	/* one or two decades: 2 and 5 between them too, when rows allow */
	if (ehi - elo <= 2 && 3 * (ehi - elo) + 1 <= maxticks) {
		for (e = elo; e <= ehi; e++) {
			a->t[a->nt++] = (double)e;
			if (e < ehi) {
				a->t[a->nt++] = (double)e + log10(2);
				a->t[a->nt++] = (double)e + log10(5);
			}
		}
		return;
	}
	for (e = elo; e <= ehi && a->nt < AXIS_MAXTICKS; e++)
		if (e % k == 0)
			a->t[a->nt++] = (double)e;
}

void
axis_fixed(struct axis *a, double lo, double hi, int maxticks)
{
	a->log = 0;
	axis_plain(a);
	if (!isfinite(lo) || !isfinite(hi) || lo > hi ||
	    !isfinite((hi - lo) * 4)) {
		lo = 0;
		hi = 1;
	}
	a->lo = lo;
	a->hi = hi;
	a->nt = chart_nice_ticks(lo, hi, maxticks, a->t, AXIS_MAXTICKS,
	    &a->step);
}

/* Whole-number ticks inside [a->lo, a->hi]: steps 1, 2, 5 x 10^k. */
static void
int_ticks(struct axis *a, int maxticks)
{
	static const double mant[] = { 1, 2, 5 };
	double s = 1, base;
	long k, k0 = 0, k1 = -1;
	int j, found = 0;
	size_t m;

	if (maxticks < 1)
		maxticks = 1;
	for (j = 0, base = 1; j < 16 && !found; j++, base *= 10)
		for (m = 0; m < COUNT(mant) && !found; m++) {
			s = mant[m] * base;
			k0 = (long)ceil(a->lo / s - 1e-9);
			k1 = (long)floor(a->hi / s + 1e-9);
			found = k1 - k0 + 1 <= maxticks;
		}
	a->nt = 0;
	a->step = s;
	for (k = k0; k <= k1 && a->nt < AXIS_MAXTICKS; k++)
		a->t[a->nt++] = snap((double)k * s, s);
}

void
axis_integer(struct axis *a, int maxticks)
{
	a->integer = 1;
	if (a->log || !isfinite(a->lo) || !isfinite(a->hi) ||
	    !isfinite((a->hi - a->lo) * 4) || a->hi - a->lo > 1e15)
		return;
	int_ticks(a, maxticks);
}

void
axis_explicit(struct axis *a, double lo, double hi, const double *pos,
    const char *const *text, int n)
{
	int i;

	axis_fixed(a, lo, hi, 2);
	a->nt = 0;
	a->explicit_ = 1;
	for (i = 0; i < n && a->nt < AXIS_MAXTICKS; i++) {
		if (!(pos[i] >= a->lo && pos[i] <= a->hi) || text[i] == NULL)
			continue;
		a->t[a->nt] = pos[i];
		a->txt[a->nt++] = text[i];
	}
}

const char *
axis_tick_text(const struct axis *a, int i, char *buf, size_t n)
{
	if (a->explicit_)
		return a->txt[i];
	axis_label(a, a->t[i], buf, n);
	return buf;
}

/* Start column of tick i's label, clamped to [left, right). */
static int
xlabel_pos(const struct axis *a, const struct canvas *c, double t, int lw,
    int left, int right)
{
	int col = c->x + (int)lround(axis_xpix(a, c, t)) / c->sx;
	int s = col - (lw - 1) / 2;

	if (s + lw > right)
		s = right - lw;
	if (s < left)
		s = left;
	return s;
}

void
axis_thin_x(struct axis *a, const struct canvas *c, int left, int right)
{
	char buf[32];
	const char *txt;
	int mt, i, s, lw, end, ok, k;

	if (a->explicit_) {
		/* every tick keeps its mark; label every k-th, whole */
		for (k = 1; k <= a->nt; k++) {
			end = left - 2;
			ok = 1;
			for (i = 0; i < a->nt && ok; i += k) {
				lw = utf8_width(a->txt[i], (size_t)-1);
				if (lw > right - left)
					continue;	/* never drawn */
				s = xlabel_pos(a, c, a->t[i], lw, left, right);
				ok = s > end + 1;
				end = s + lw - 1;
			}
			if (ok)
				break;
		}
		a->every = k;
		return;
	}
	for (mt = a->nt; mt >= 2; mt--) {
		if (mt < a->nt && a->integer)
			int_ticks(a, mt);
		else if (mt < a->nt && !a->log)
			a->nt = chart_nice_ticks(a->lo, a->hi, mt, a->t,
			    AXIS_MAXTICKS, &a->step);
		end = left - 2;
		ok = 1;
		for (i = 0; i < a->nt; i++) {
			txt = axis_tick_text(a, i, buf, sizeof buf);
			lw = utf8_width(txt, (size_t)-1);
			s = xlabel_pos(a, c, a->t[i], lw, left, right);
			if (s <= end + 1) {
				ok = 0;
				break;
			}
			end = s + lw - 1;
		}
		if (ok)
			return;
		if (a->log) {
			/* drop every other decade */
			for (i = 0, s = 0; i < a->nt; i += 2)
				a->t[s++] = a->t[i];
			a->nt = s;
			a->step *= 2;
			mt = a->nt + 1;
		}
	}
	if (a->nt > 2) {
		a->t[1] = a->t[a->nt - 1];
		a->nt = 2;
	}
}

int
ymaxticks(int ph)
{
	int n = (ph - 1) / 2 + 1;

	if (n < 2)
		n = 2;
	if (n > 11)
		n = 11;
	return n;
}

/* ------------------------------------------------------------ frame */

void
chart_too_small(struct grid *g, const char *what)
{
	char buf[64];

	grid_clear(g);
	snprintf(buf, sizeof buf, _("(%s: too small)"), what);
	if (utf8_width(buf, (size_t)-1) > g->w)
		snprintf(buf, sizeof buf, _("(too small)"));
	grid_text(g, 0, 0, g->w, buf, GRID_LABEL, GRID_DIM);
}

void
chart_begin(struct grid *g, const struct chart_opts *o)
{
	grid_clear(g);
	g->ascii = o->tiers.glyphs == CHART_GLYPH_ASCII;
}

int
frame_rows(struct frame *f, struct grid *g, const struct chart_opts *o,
    int want_legend, int want_xticks)
{
	int spare, row;

	memset(f, 0, sizeof *f);
	f->w = g->w;
	f->h = g->h;
	f->title_row = f->legend_row = f->xlabel_row = f->xtick_row = -1;
	spare = g->h - 1 - MIN_PLOT_H;
	if (spare < 0 || g->w < MIN_PLOT_W + 1) {
		f->small = 1;
		chart_too_small(g, _("chart"));
		return -1;
	}
	/* claim rows, most important first; the title is dropped first */
	if (want_xticks && spare > 0)
		f->xtick_row = 1, spare--;
	if (o->xlabel != NULL && spare > 0)
		f->xlabel_row = 1, spare--;
	if (want_legend && !o->no_legend && spare > 0) {
		f->legend_row = 1, spare--;
		f->legend_rows = 1;
		/* further rows (a note wrapped rather than cut) outrank
		 * the title; a plot row stays */
		while (f->legend_rows < want_legend && spare > 1)
			f->legend_rows++, spare--;
	}
	if ((o->title != NULL || o->ylabel != NULL) && spare > 0) {
		f->title_row = 1, spare--;
		f->title_rows = 1;
		/* a title too long for the row: a second one, if spare */
		if (o->title != NULL && spare > 0 && title_rows(g->w -
		    (o->ylabel != NULL ? utf8_width(o->ylabel, (size_t)-1) +
		    1 : 0), o->title) > 1)
			f->title_rows = 2, spare--;
	}
	f->py = f->title_row >= 0 ? f->title_rows : 0;
	row = g->h;
	if (f->legend_row >= 0) {
		row -= f->legend_rows;
		f->legend_row = row;
	}
	if (f->xlabel_row >= 0)
		f->xlabel_row = --row;
	if (f->xtick_row >= 0)
		f->xtick_row = --row;
	f->axis_row = --row;
	if (f->title_row >= 0)
		f->title_row = 0;
	f->ph = f->axis_row - f->py;
	return 0;
}

int
frame_cols(struct frame *f, struct grid *g, const struct axis *ya)
{
	char buf[32];
	int i, lw = 0, w;

	for (i = 0; ya != NULL && i < ya->nt; i++) {
		axis_label(ya, ya->t[i], buf, sizeof buf);
		w = utf8_width(buf, (size_t)-1);
		if (w > lw)
			lw = w;
	}
	if (g->w - lw - 1 < MIN_PLOT_W)
		lw = 0;
	f->ylab_w = lw;
	f->px = lw + 1;
	f->pw = g->w - f->px;
	if (f->pw < MIN_PLOT_W) {
		f->small = 1;
		chart_too_small(g, _("chart"));
		return -1;
	}
	return 0;
}

void
frame_draw(struct frame *f, struct grid *g, const struct chart_opts *o,
    const struct canvas *c, const struct axis *xa, const struct axis *ya)
{
	int ascii = o->tiers.glyphs == CHART_GLYPH_ASCII;
	uint32_t vbar = ascii ? '|' : 0x2502, hbar = ascii ? '-' : 0x2500;
	uint32_t corner = ascii ? '+' : 0x2514, ytick = ascii ? '+' : 0x2524;
	uint32_t xtick = ascii ? '+' : 0x252C;
	char buf[32];
	const char *txt;
	int i, row, col, lw, s, last = -1, end = -2, tw, left;

	for (row = f->py; row < f->py + f->ph; row++)
		grid_put(g, f->px - 1, row, vbar, GRID_AXIS, 0, 0);
	grid_put(g, f->px - 1, f->axis_row, corner, GRID_AXIS, 0, 0);
	for (col = f->px; col < f->px + f->pw; col++)
		grid_put(g, col, f->axis_row, hbar, GRID_AXIS, 0, 0);

	for (i = 0; ya != NULL && i < ya->nt; i++) {
		row = f->py + (int)lround(axis_ypix(ya, c, ya->t[i])) / c->sy;
		if (row < f->py || row >= f->py + f->ph || row == last)
			continue;
		last = row;
		grid_put(g, f->px - 1, row, ytick, GRID_AXIS, 0, 0);
		if (f->ylab_w > 0) {
			axis_label(ya, ya->t[i], buf, sizeof buf);
			lw = utf8_width(buf, (size_t)-1);
			grid_text(g, f->ylab_w - lw, row, lw, buf, GRID_LABEL,
			    0);
		}
	}
	for (i = 0; xa != NULL && i < xa->nt; i++) {
		col = c->x + (int)lround(axis_xpix(xa, c, xa->t[i])) / c->sx;
		if (col < f->px || col >= f->px + f->pw)
			continue;
		grid_put(g, col, f->axis_row, xtick, GRID_AXIS, 0, 0);
		if (f->xtick_row < 0 || (xa->every > 1 && i % xa->every))
			continue;
		txt = axis_tick_text(xa, i, buf, sizeof buf);
		lw = utf8_width(txt, (size_t)-1);
		if (lw > g->w)
			continue;	/* shown whole or not at all */
		s = col - (lw - 1) / 2;
		if (s + lw > g->w)
			s = g->w - lw;
		if (s < 0)
			s = 0;
		if (s <= end + 1)
			continue;
		grid_text(g, s, f->xtick_row, lw, txt, GRID_LABEL, 0);
		end = s + lw - 1;
	}
	if (f->title_row >= 0) {
		left = 0;
		if (o->ylabel != NULL)
			left = grid_text_words(g, 0, f->title_row, g->w,
			    o->ylabel, GRID_LABEL, 0) + 1;
		if (o->title != NULL && f->title_rows > 1) {
			title_draw(g, left, f->title_row, g->w - left,
			    f->title_rows, o->title);
		} else if (o->title != NULL) {
			tw = utf8_width(o->title, (size_t)-1);
			s = (g->w - tw) / 2;
			if (s < left)
				s = left;
			grid_text_words(g, s, f->title_row, g->w - s,
			    o->title, GRID_TITLE, GRID_BOLD);
		}
	}
	if (f->xlabel_row >= 0 && o->xlabel != NULL)
		grid_text_center(g, f->px, f->xlabel_row, f->pw, o->xlabel,
		    GRID_LABEL, 0);
}

/* ------------------------------------------------------------ glyphs */

uint32_t
eighth_up(int k)
{
	if (k <= 0)
		return ' ';
	if (k >= 8)
		return 0x2588;
	return 0x2580 + (uint32_t)k;
}

uint32_t
eighth_right(int k)
{
	if (k <= 0)
		return ' ';
	if (k >= 8)
		return 0x2588;
	return 0x2590 - (uint32_t)k;
}

int
legend_item(struct grid *g, int x, int y, int maxx, uint32_t glyph, int role,
    int attr, const char *text)
{
	int n = 0, tw;

	if (x >= maxx)
		return 0;
	if (glyph != 0) {
		n += grid_put(g, x, y, glyph, role, 0, attr);
		n += grid_text(g, x + n, y, maxx - x - n, " ", GRID_LABEL, 0);
	}
	tw = grid_text_words(g, x + n, y, maxx - x - n, text, GRID_LABEL, 0);
	if (tw == 0 && n > 0) {		/* no room for the text: no item */
		grid_fill(g, x, y, n, 1, ' ', 0, 0, 0);
		return 0;
	}
	return n + tw;
}

/* The longest prefix of s (n bytes) that ends before a space and is at
 * most w columns wide: its length, 0 when even the first word is wider. */
static size_t
fit_prefix(const char *s, size_t n, int w)
{
	size_t i, best = 0;

	for (i = 1; i <= n; i++)
		if ((i == n || s[i] == ' ') && s[i - 1] != ' ' &&
		    utf8_width(s, i) <= w)
			best = i;
	return best;
}

int
title_rows(int w, const char *title)
{
	if (title == NULL || utf8_width(title, (size_t)-1) <= w)
		return 1;
	return fit_prefix(title, strlen(title), w) > 0 ? 2 : 1;
}

void
title_draw(struct grid *g, int x, int y, int w, int rows, const char *title)
{
	size_t k;
	char *first;

	if (title == NULL)
		return;
	if (rows < 2 || title_rows(w, title) < 2) {
		grid_text_center(g, x, y, w, title, GRID_TITLE, GRID_BOLD);
		return;
	}
	k = fit_prefix(title, strlen(title), w);
	first = xstrndup(title, k);
	grid_text_center(g, x, y, w, first, GRID_TITLE, GRID_BOLD);
	free(first);
	title += k;
	while (*title == ' ')
		title++;
	grid_text_center(g, x, y + 1, w, title, GRID_TITLE, GRID_BOLD);
}

int
legend_flow(struct grid *g, int x0, int y, int rows, int maxx,
    const struct legend_entry *e, int n)
{
	int i, x = x0, row = 0;

	for (i = 0; i < n; i++) {
		const char *t = e[i].text;
		int gw = e[i].glyph != 0 ? 2 : 0, tw = utf8_width(t, (size_t)-1);
		int fg = e[i].fg != 0 ? e[i].fg : GRID_LABEL, indent;

		if (x > x0 && x + gw + tw > maxx && row + 1 < rows) {
			row++;
			x = x0;
		}
		if (x + gw >= maxx)
			break;
		if (g != NULL && gw > 0) {
			grid_put(g, x, y + row, e[i].glyph, e[i].role, 0,
			    e[i].attr);
			grid_put(g, x + 1, y + row, ' ', 0, 0, 0);
		}
		x += gw;
		indent = x;
		/* a text wider than the rest of the row: at spaces, onward */
		while (utf8_width(t, (size_t)-1) > maxx - x && row + 1 < rows) {
			size_t k = fit_prefix(t, strlen(t), maxx - x);

			if (k == 0 && x == indent)
				break;	/* a word wider than a row: cut here */
			if (g != NULL && k > 0) {
				char *part = xstrndup(t, k);

				grid_text(g, x, y + row, maxx - x, part, fg, 0);
				free(part);
			}
			t += k;
			while (*t == ' ')
				t++;
			row++;
			x = indent;
		}
		if (g != NULL)
			x += grid_text_words(g, x, y + row, maxx - x, t, fg, 0);
		else
			x += utf8_width(t, (size_t)-1);
		x += 2;
	}
	return row + 1;
}
