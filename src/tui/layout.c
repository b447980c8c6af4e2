#include "config.h"
/*
 * layout.c - pane geometry, word wrap and prompt scrolling for the TUI.
 *
 * Pure arithmetic, no curses: tests/tui/test-layout.c checks every rule
 * here for many terminal sizes.  Normal mode puts the lesson text on the
 * left and the chart on the right with the output area below (on wide
 * terminals the lesson pane takes the whole left column); classroom mode
 * gives the chart the whole height and most of the width, the key numbers
 * and the lesson text a column beside it.
 */

#include <string.h>

#include "tui/layout.h"
#include "util/util.h"

static void
rect_set(struct tui_rect *r, int x, int y, int w, int h)
{
	r->x = x;
	r->y = y;
	r->w = w > 0 ? w : 0;
	r->h = h > 0 ? h : 0;
}

static void
layout_normal(int w, int h, struct tui_layout *l)
{
	int main_h = h - 2;	/* above the prompt and status lines */
	int lw, top;

	rect_set(&l->status, 0, h - 1, w, 1);
	rect_set(&l->prompt, 0, h - 2, w, 1);
	if (w >= 120) {
		/* Wide: lesson pane the whole left column. */
		lw = w * 2 / 5;
		top = main_h * 3 / 5;
		rect_set(&l->lesson, 0, 0, lw, main_h);
		rect_set(&l->vsep, lw, 0, 1, main_h);
		rect_set(&l->chart, lw + 1, 0, w - lw - 1, top);
		rect_set(&l->hsep, lw + 1, top, w - lw - 1, 1);
		rect_set(&l->output, lw + 1, top + 1, w - lw - 1,
		    main_h - top - 1);
	} else {
		/* Lesson text and chart matter more than old output: two
		 * thirds of the rows (80x24: 14 rows, 7 of output). */
		lw = w * 9 / 20;
		top = main_h * 2 / 3;
		rect_set(&l->lesson, 0, 0, lw, top);
		rect_set(&l->vsep, lw, 0, 1, top);
		rect_set(&l->chart, lw + 1, 0, w - lw - 1, top);
		rect_set(&l->hsep, 0, top, w, 1);
		rect_set(&l->output, 0, top + 1, w, main_h - top - 1);
	}
}

/*
 * Classroom mode: a chart as tall as the screen, read from the back of a
 * room, and beside it a column of short lines: the key numbers in big
 * digits, a rule, the lesson text.
 */
static void
layout_present(int w, int h, int prompt_shown, struct tui_layout *l)
{
	int y = h - 1;		/* rows above the status line */
	int sw, cw, bh;

	rect_set(&l->status, 0, h - 1, w, 1);
	if (prompt_shown) {
		rect_set(&l->prompt, 0, h - 2, w, 1);
		rect_set(&l->output, 0, h - 5, w, 3);
		y = h - 5;
	}
	sw = w / 3;	/* "best_val_loss" and 7 big digits side by side */
	if (sw < 26)
		sw = 26;
	if (sw > 46)
		sw = 46;
	cw = w - sw - 1;
	bh = y / 3 < TUI_BIG_ROWS ? y / 3 : TUI_BIG_ROWS;
	rect_set(&l->chart, 0, 0, cw, y);
	rect_set(&l->vsep, cw, 0, 1, y);
	rect_set(&l->big, cw + 1, 0, sw, bh);
	rect_set(&l->hsep, cw + 1, bh, sw, 1);
	rect_set(&l->lesson, cw + 1, bh + 1, sw, y - bh - 1);
}

int
tui_layout(int w, int h, int present, int prompt_shown, struct tui_layout *l)
{
	memset(l, 0, sizeof(*l));
	l->w = w;
	l->h = h;
	l->need_w = TUI_MIN_W;
	l->need_h = TUI_MIN_H;
	if (w < TUI_MIN_W || h < TUI_MIN_H) {
		l->too_small = 1;
		return -1;
	}
	if (present)
		layout_present(w, h, prompt_shown, l);
	else
		layout_normal(w, h, l);
	return 0;
}

void
tui_layout_lab(struct tui_layout *l)
{
	int top = l->chart.h;

	if (l->too_small || l->lesson.w == 0 || top <= 0)
		return;
	rect_set(&l->lesson, 0, 0, 0, 0);
	rect_set(&l->vsep, 0, 0, 0, 0);
	rect_set(&l->chart, 0, 0, l->w, top);
	rect_set(&l->hsep, 0, top, l->w, 1);
	rect_set(&l->output, 0, top + 1, l->w, l->h - 2 - top - 1);
}

void
tui_layout_no_chart(struct tui_layout *l)
{
	int w;

	if (l->too_small || l->chart.w == 0 || l->lesson.w == 0)
		return;
	if (l->big.w > 0) {
		/* classroom: the text where the chart was, at most
		 * TUI_TEXT_MAX_W wide, centred; the numbers keep the
		 * column, all of it */
		w = l->chart.w - 2;
		if (w > TUI_TEXT_MAX_W)
			w = TUI_TEXT_MAX_W;
		rect_set(&l->lesson, l->chart.x + (l->chart.w - w) / 2,
		    l->chart.y + 1, w, l->chart.h - 1);
		rect_set(&l->big, l->big.x, l->chart.y, l->big.w,
		    l->chart.h);
		rect_set(&l->hsep, 0, 0, 0, 0);
	} else if (l->lesson.y == l->chart.y && l->lesson.h == l->chart.h) {
		/* side by side (below 120 columns): the text takes the
		 * chart's columns too */
		rect_set(&l->lesson, l->lesson.x, l->lesson.y,
		    l->chart.x + l->chart.w - l->lesson.x, l->lesson.h);
		rect_set(&l->vsep, 0, 0, 0, 0);
	} else {
		return;		/* wide: the text column is wide enough */
	}
	rect_set(&l->chart, 0, 0, 0, 0);
}

void
tui_layout_big_rows(struct tui_layout *l, int rows)
{
	int bottom = l->lesson.y + l->lesson.h;

	if (l->big.w == 0 || l->big.h == 0)
		return;
	if (rows < 1)
		rows = 1;
	if (rows >= l->big.h)
		return;
	l->big.h = rows;
	if (l->hsep.w == 0)
		return;		/* the text is not below the numbers */
	l->hsep.y = l->big.y + rows;
	l->lesson.y = l->hsep.y + 1;
	l->lesson.h = bottom - l->lesson.y;
}

int
tui_rect_overlap(const struct tui_rect *a, const struct tui_rect *b)
{
	if (a->w <= 0 || a->h <= 0 || b->w <= 0 || b->h <= 0)
		return 0;
	return a->x < b->x + b->w && b->x < a->x + a->w &&
	    a->y < b->y + b->h && b->y < a->y + a->h;
}

/* ------------------------------------------------------------ text */

/* Text is spelt in ASCII (a terminal that is not UTF-8): tui_ascii_text. */
static int ascii_text;

void
tui_ascii_text(int on)
{
	ascii_text = on;
}

int
tui_cp_cols(uint32_t cp)
{
	const char *a;

	if (cp < 0x20 || cp == 0x7f)
		return 2;	/* shown as ^X */
	if (ascii_text && cp >= 0x80 && cp_width(cp) > 0 &&
	    (a = cp_ascii(cp)) != NULL)
		return (int)strlen(a);	/* as drawn: "lambda" */
	return cp_width(cp);
}

int
tui_text_cols(const char *s, size_t n)
{
	size_t i = 0;
	int cols = 0;
	uint32_t cp;

	while (i < n && s[i] != '\0') {
		i += utf8_decode(s + i, n - i, &cp);
		cols += tui_cp_cols(cp);
	}
	return cols;
}

int
tui_truncate(const char *s, int width, char *buf, size_t n)
{
	size_t i = 0, len = strlen(s), keep = 0;
	int cols = 0, keep_cols = 0, ell;
	uint32_t cp;

	if (n == 0)
		return 0;
	if (width < 0)
		width = 0;
	/* Room left for the text when it has to be cut. */
	ell = width >= 4 ? width - 3 : width;
	while (i < len) {
		size_t k = utf8_decode(s + i, len - i, &cp);
		int cw = tui_cp_cols(cp);

		if (cols + cw > width)
			break;
		cols += cw;
		i += k;
		if (cols <= ell) {
			keep = i;
			keep_cols = cols;
		}
	}
	if (i >= len) {
		keep = len;		/* everything fits */
		keep_cols = cols;
		ell = -1;
	} else if (width < 4) {
		ell = -1;		/* no room for "...": just cut */
	}
	/* Not in the middle of a word's trailing space. */
	while (ell >= 0 && keep > 0 && s[keep - 1] == ' ') {
		keep--;
		keep_cols--;
	}
	if (keep >= n)
		keep = n - 1;
	memcpy(buf, s, keep);
	if (ell >= 0 && keep + 3 < n) {
		memcpy(buf + keep, "...", 3);
		keep += 3;
		keep_cols += 3;
	}
	buf[keep] = '\0';
	return keep_cols;
}

/* Columns of the shown segments (1 leading space, 2 between), a flex one
 * counted at min(its width, flex_cap); -1 cap: its whole width. */
static int
status_cols(const struct tui_seg *seg, int n, int drop, int flex_cap)
{
	int i, cols = 0, k = 0;

	for (i = 0; i < n; i++) {
		int cw = tui_text_cols(seg[i].text, strlen(seg[i].text));

		if (seg[i].prio >= drop || seg[i].text[0] == '\0')
			continue;
		if (seg[i].flex && flex_cap >= 0 && cw > flex_cap)
			cw = flex_cap;
		cols += (k++ ? 2 : 1) + cw;
	}
	return cols;
}

int
tui_status_fit(struct tui_seg *seg, int n, int width)
{
	int i, drop, maxp = 0;

	for (i = 0; i < n; i++)
		if (seg[i].prio > maxp)
			maxp = seg[i].prio;
	/* Hide the least important segments until the rest fits, a flex
	 * segment counted at its shortest (at TUI_SEG_FLEX_WANT while the
	 * least important ones are still in). */
	for (drop = maxp + 1; drop > 1; drop--)
		if (status_cols(seg, n, drop, drop > TUI_SEG_FLEX_WANT_PRIO ?
		    TUI_SEG_FLEX_WANT : TUI_SEG_FLEX_MIN) <= width)
			break;
	for (i = 0; i < n; i++)
		seg[i].shown = seg[i].prio < drop && seg[i].text[0] != '\0';
	/* The flex segments take what the others leave. */
	for (i = 0; i < n; i++) {
		char buf[sizeof(seg[0].text)];
		int room;

		if (!seg[i].shown || !seg[i].flex)
			continue;
		room = width - status_cols(seg, n, drop, -1) +
		    tui_text_cols(seg[i].text, strlen(seg[i].text));
		if (room < TUI_SEG_FLEX_MIN && room < tui_text_cols(seg[i].text,
		    strlen(seg[i].text))) {
			seg[i].shown = 0;	/* only at prio 0: no room */
			continue;
		}
		tui_truncate(seg[i].text, room, buf, sizeof(buf));
		memcpy(seg[i].text, buf, sizeof(buf));
	}
	return status_cols(seg, n, drop, -1);
}

/*
 * The hanging indent of the logical line at s (up to a '\n'): the column
 * of the text after "  word  " (a key or name, then two or more spaces:
 * help's "  eval     measure ..."), else its leading spaces; 0 when that
 * would leave less than half of width.
 */
static int
wrap_hang(const char *s, int width)
{
	int lead = 0, col, gap = 0;
	const char *p = s;

	while (*p == ' ')
		p++, lead++;
	col = lead;
	for (const char *e = p + strcspn(p, " \n"); p < e;) {
		uint32_t cp;

		p += utf8_decode(p, (size_t)(e - p), &cp);
		col += tui_cp_cols(cp);
	}
	while (p[gap] == ' ')
		gap++;
	if (gap >= 2 && p[gap] != '\0' && p[gap] != '\n' && col > lead)
		col += gap;
	else
		col = lead;
	return col * 2 <= width ? col : 0;
}

int
tui_wrap(const char *text, int width, tui_wrap_fn fn, void *ctx)
{
	size_t n = strlen(text), start = 0;
	int lines = 0, hang = 0, cont = 0;
	struct strbuf line;

	if (width < 1)
		width = 1;
	strbuf_init(&line);
	hang = wrap_hang(text, width);
	for (;;) {
		size_t i = start, brk = 0, cut, slash = 0;
		int cols = 0, have_brk = 0, room = cont ? width - hang : width;
		uint32_t cp;

		/* Find the longest prefix from start that fits. */
		while (i < n && text[i] != '\n') {
			size_t k = utf8_decode(text + i, n - i, &cp);
			int cw = tui_cp_cols(cp);

			if (cp == ' ') {
				brk = i;
				have_brk = 1;
			}
			if (cols + cw > room)
				break;
			cols += cw;
			i += k;
			if (cp == '/')
				slash = i;	/* a path breaks after a '/' */
		}
		if (i >= n || text[i] == '\n') {
			cut = i;		/* the rest fits */
		} else if (have_brk && brk > start) {
			cut = brk;		/* break at the last space */
		} else if (i == start) {
			/* A single character wider than the line. */
			cut = start + utf8_decode(text + start, n - start, &cp);
		} else if (slash > start) {
			cut = slash;		/* a path: after its last '/' */
		} else {
			cut = i;		/* a word longer than the line */
		}
		if (fn != NULL) {
			size_t e = cut;

			while (e > start && text[e - 1] == ' ')
				e--;
			if (cont && hang > 0) {
				/* a continuation: under the text it goes on */
				line.len = 0;
				for (int h = 0; h < hang; h++)
					strbuf_addch(&line, ' ');
				strbuf_add(&line, text + start, e - start);
				fn(ctx, line.s, line.len);
			} else {
				fn(ctx, text + start, e - start);
			}
		}
		lines++;
		if (cut >= n)
			break;
		start = cut;
		if (text[start] == '\n') {
			start++;
			cont = 0;
			hang = wrap_hang(text + start, width);
			if (start >= n) {
				if (fn != NULL)
					fn(ctx, text + start, 0);
				lines++;
				break;
			}
		} else {
			cont = 1;
			while (start < n && text[start] == ' ')
				start++;
			if (start >= n)
				break;
		}
	}
	strbuf_done(&line);
	return lines;
}

int
tui_hscroll(int cur, int total, int avail, int old)
{
	int margin, off = old;

	if (avail < 1)
		return cur;
	if (total < avail)
		return 0;	/* everything fits (room for the cursor) */
	margin = avail >= 12 ? avail / 6 : 0;
	if (cur < off + margin)
		off = cur - margin;
	if (cur > off + avail - 1 - margin)
		off = cur - (avail - 1 - margin);
	if (off > total - avail + 1)
		off = total - avail + 1;	/* no empty tail */
	if (cur > off + avail - 1)
		off = cur - avail + 1;
	if (off < 0)
		off = 0;
	return off;
}

int
tui_frame_due(long long now_ms, long long last_ms, long long step_ms)
{
	long long since = now_ms - last_ms;

	return since >= TUI_FRAME_MIN_MS || since + step_ms > TUI_FRAME_MAX_MS;
}
