#include "config.h"
/*
 * test-layout.c - the TUI's pure geometry: pane rectangles for many
 * terminal sizes in normal and classroom mode, the minimum size, word wrap
 * by display width (Hangul), prompt scrolling by columns, the redraw
 * throttle and the UI string table.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "../testutil.h"
#include "tui/layout.h"
#include "tui/hints.h"
#include "util/i18n.h"
#include "util/util.h"

static int
inside(const struct tui_rect *r, int w, int h)
{
	if (r->w == 0 || r->h == 0)
		return 1;
	return r->x >= 0 && r->y >= 0 && r->x + r->w <= w && r->y + r->h <= h;
}

/* Every pane inside the screen, no two overlapping, status on the last row. */
static void
check_layout(int w, int h, int present, int prompt)
{
	struct tui_layout l;
	const struct tui_rect *r[8];
	int i, j, cells = 0;

	assert_int_equal(tui_layout(w, h, present, prompt, &l), 0);
	assert_false(l.too_small);
	r[0] = &l.lesson; r[1] = &l.chart; r[2] = &l.output; r[3] = &l.prompt;
	r[4] = &l.status; r[5] = &l.vsep; r[6] = &l.hsep; r[7] = &l.big;
	for (i = 0; i < 8; i++) {
		assert_true(inside(r[i], w, h));
		cells += r[i]->w * r[i]->h;
		for (j = i + 1; j < 8; j++)
			assert_false(tui_rect_overlap(r[i], r[j]));
	}
	if (present)	/* the key numbers: at least one */
		assert_true(l.big.w >= 26 && l.big.h >= 3);
	else
		assert_int_equal(l.big.w * l.big.h, 0);
	assert_int_equal(l.status.y, h - 1);
	assert_int_equal(l.status.w, w);
	assert_true(l.lesson.w >= 20 && l.lesson.h >= 3);
	assert_true(l.chart.w >= 20 && l.chart.h >= 5);
	assert_true(cells <= w * h);
	if (!present || prompt) {
		assert_int_equal(l.prompt.y, h - 2);
		assert_int_equal(l.prompt.h, 1);
		assert_true(l.output.h >= 3);
	} else {
		assert_int_equal(l.prompt.h, 0);
		assert_int_equal(l.output.h, 0);
	}
	if (!present || !prompt)
		assert_int_equal(cells, w * h);	/* the screen is tiled */
}

static void
test_layout_80x24(void **state)
{
	struct tui_layout l;

	(void)state;
	assert_int_equal(tui_layout(80, 24, 0, 1, &l), 0);
	/* lesson | chart on top, output full width below, prompt, status */
	assert_int_equal(l.lesson.x, 0);
	assert_int_equal(l.lesson.w, 36);
	assert_int_equal(l.lesson.h, 14);
	assert_int_equal(l.vsep.x, 36);
	assert_int_equal(l.chart.x, 37);
	assert_int_equal(l.chart.w, 43);
	assert_int_equal(l.chart.h, 14);	/* a chart, not a strip */
	assert_int_equal(l.hsep.y, 14);
	assert_int_equal(l.output.y, 15);
	assert_int_equal(l.output.w, 80);
	assert_int_equal(l.output.h, 7);
	assert_int_equal(l.prompt.y, 22);
	assert_int_equal(l.status.y, 23);
	check_layout(80, 24, 0, 1);
}

static void
test_layout_wide(void **state)
{
	struct tui_layout l;

	(void)state;
	assert_int_equal(tui_layout(160, 48, 0, 1, &l), 0);
	/* lesson pane takes the whole left column */
	assert_int_equal(l.lesson.h, 46);
	assert_int_equal(l.lesson.w, 64);
	assert_int_equal(l.output.x, 65);
	assert_int_equal(l.chart.x, 65);
	check_layout(160, 48, 0, 1);
}

static void
test_layout_many_sizes(void **state)
{
	int w, h, p;

	(void)state;
	for (w = TUI_MIN_W; w <= 260; w += 7)
		for (h = TUI_MIN_H; h <= 90; h += 5)
			for (p = 0; p < 2; p++) {
				check_layout(w, h, 0, 1);
				check_layout(w, h, 1, p);
			}
	check_layout(TUI_MIN_W, TUI_MIN_H, 0, 1);
	check_layout(TUI_MIN_W, TUI_MIN_H, 1, 1);
	check_layout(119, 30, 0, 1);
	check_layout(120, 30, 0, 1);
}

static void
test_layout_present(void **state)
{
	struct tui_layout l, lp;

	(void)state;
	assert_int_equal(tui_layout(100, 40, 1, 0, &l), 0);
	assert_int_equal(l.chart.h, 39);	/* as tall as the screen */
	assert_int_equal(l.chart.w, 100 - 33 - 1);
	assert_int_equal(l.prompt.h, 0);	/* hidden until ':' */
	assert_int_equal(tui_layout(100, 40, 1, 1, &lp), 0);
	assert_int_equal(lp.prompt.h, 1);
	assert_true(lp.chart.h < l.chart.h);
	assert_int_equal(lp.chart.w, l.chart.w);
	/* the projector's 120x35: a chart of 79x34, a column of 40 with
	 * three big numbers over the lesson text */
	assert_int_equal(tui_layout(120, 35, 1, 0, &l), 0);
	assert_int_equal(l.chart.x, 0);
	assert_int_equal(l.chart.w, 79);
	assert_int_equal(l.chart.h, 34);
	assert_int_equal(l.vsep.x, 79);
	assert_int_equal(l.big.x, 80);
	assert_int_equal(l.big.w, 40);
	assert_int_equal(l.big.h, TUI_BIG_ROWS);
	assert_int_equal(l.hsep.y, TUI_BIG_ROWS);
	assert_int_equal(l.lesson.y, TUI_BIG_ROWS + 1);
	assert_int_equal(l.lesson.h, 34 - TUI_BIG_ROWS - 1);
	assert_int_equal(l.lesson.w, 40);
	/* one number: the lesson text moves up under it */
	tui_layout_big_rows(&l, 3);
	assert_int_equal(l.big.h, 3);
	assert_int_equal(l.hsep.y, 3);
	assert_int_equal(l.lesson.y, 4);
	assert_int_equal(l.lesson.h, 30);
	assert_int_equal(l.chart.h, 34);	/* nothing else moves */
	tui_layout_big_rows(&l, 40);		/* never more than given */
	assert_int_equal(l.big.h, 3);
	assert_int_equal(tui_layout(120, 35, 0, 1, &l), 0);
	lp = l;
	tui_layout_big_rows(&l, 3);		/* normal mode: no-op */
	assert_memory_equal(&l, &lp, sizeof l);
}

static void
test_layout_too_small(void **state)
{
	struct tui_layout l;
	char buf[80];

	(void)state;
	assert_int_equal(tui_layout(40, 12, 0, 1, &l), -1);
	assert_true(l.too_small);
	assert_int_equal(l.need_w, 60);
	assert_int_equal(l.need_h, 16);
	assert_int_equal(l.chart.w * l.chart.h, 0);
	assert_int_equal(tui_layout(59, 24, 0, 1, &l), -1);
	assert_int_equal(tui_layout(80, 15, 1, 0, &l), -1);
	assert_int_equal(tui_layout(60, 16, 0, 1, &l), 0);
	i18n_set_lang("en");
	utf8_snprintf(buf, sizeof(buf), _(TUI_TOO_SMALL), "60", "x", "16");
	assert_string_equal(buf, "terminal too small (need 60x16; q quits)");
}

/* The free lab has no lesson text: the chart gets the whole width. */
static void
test_layout_lab(void **state)
{
	struct tui_layout l;
	int sizes[3][2] = { { 80, 24 }, { 120, 35 }, { 200, 50 } };

	(void)state;
	for (int i = 0; i < 3; i++) {
		int w = sizes[i][0], h = sizes[i][1], chart_h;

		assert_int_equal(tui_layout(w, h, 0, 1, &l), 0);
		chart_h = l.chart.h;
		tui_layout_lab(&l);
		assert_int_equal(l.lesson.w, 0);
		assert_int_equal(l.vsep.w, 0);
		assert_int_equal(l.chart.x, 0);
		assert_int_equal(l.chart.w, w);
		assert_int_equal(l.chart.h, chart_h);
		assert_int_equal(l.output.w, w);
		assert_int_equal(l.output.y + l.output.h, h - 2);
		assert_false(tui_rect_overlap(&l.chart, &l.output));
		assert_false(tui_rect_overlap(&l.output, &l.prompt));
	}
}

struct wrapped {
	char lines[16][80];
	int n;
};

static void
collect(void *ctx, const char *line, size_t len)
{
	struct wrapped *w = ctx;

	assert_true(w->n < 16 && len < 80);
	memcpy(w->lines[w->n], line, len);
	w->lines[w->n][len] = '\0';
	w->n++;
}

static void
test_wrap_words(void **state)
{
	struct wrapped w = { .n = 0 };

	(void)state;
	assert_int_equal(tui_wrap("the quick brown fox jumps", 10, collect, &w),
	    3);
	assert_string_equal(w.lines[0], "the quick");
	assert_string_equal(w.lines[1], "brown fox");
	assert_string_equal(w.lines[2], "jumps");
	w.n = 0;
	assert_int_equal(tui_wrap("abcdefghijkl", 5, collect, &w), 3);
	assert_string_equal(w.lines[0], "abcde");
	assert_string_equal(w.lines[2], "kl");
	w.n = 0;
	assert_int_equal(tui_wrap("", 5, collect, &w), 1);
	assert_string_equal(w.lines[0], "");
	w.n = 0;
	assert_int_equal(tui_wrap("a\nb", 5, collect, &w), 2);
	assert_string_equal(w.lines[1], "b");
	w.n = 0;
	assert_int_equal(tui_wrap("exactly10!", 10, collect, &w), 1);
	/* a path breaks after a '/' */
	w.n = 0;
	assert_int_equal(tui_wrap("data /usr/share/regtutor/x.csv: 21 rows",
	    16, collect, &w), 4);
	assert_string_equal(w.lines[1], "/usr/share/");
	assert_string_equal(w.lines[2], "regtutor/x.csv:");
	/* a continuation hangs under the text it goes on: after "  name  "
	 * (help's rows), else under the leading spaces */
	w.n = 0;
	assert_int_equal(tui_wrap("  eval   measure the net now", 20, collect,
	    &w), 2);
	assert_string_equal(w.lines[0], "  eval   measure the");
	assert_string_equal(w.lines[1], "         net now");
	w.n = 0;
	assert_int_equal(tui_wrap("    indented words go on", 16, collect,
	    &w), 2);
	assert_string_equal(w.lines[1], "    words go on");
	/* a hang over half the width is dropped; a new line starts over */
	w.n = 0;
	assert_int_equal(tui_wrap("  name  x y z w v\nplain text here", 12,
	    collect, &w), 4);
	assert_string_equal(w.lines[1], "z w v");
	assert_string_equal(w.lines[3], "here");
}

static void
test_wrap_hangul(void **state)
{
	struct wrapped w = { .n = 0 };
	int i;

	(void)state;
	/* 10 columns: "정규화는" is 8 columns, the space would make 9 */
	assert_int_equal(tui_wrap("정규화는 과적합을 막는다", 10, collect, &w), 3);
	assert_string_equal(w.lines[0], "정규화는");
	assert_string_equal(w.lines[1], "과적합을");
	assert_string_equal(w.lines[2], "막는다");
	/* a long word breaks between syllables, never inside one */
	w.n = 0;
	assert_int_equal(tui_wrap("가나다라마", 5, collect, &w), 3);
	for (i = 0; i < w.n; i++)
		assert_true(utf8_width(w.lines[i], (size_t)-1) <= 5);
	assert_string_equal(w.lines[0], "가나");
	/* a 2-column character on a 1-column line still makes progress */
	w.n = 0;
	assert_int_equal(tui_wrap("한글", 1, collect, &w), 2);
}

static void
test_text_cols(void **state)
{
	const char *s = "안녕 ab";

	(void)state;
	assert_int_equal(tui_text_cols(s, strlen(s)), 7);
	assert_int_equal(tui_text_cols(s, 3), 2);	/* one syllable */
	assert_int_equal(tui_text_cols("a\tb", 3), 4);	/* ^I */
	assert_int_equal(tui_text_cols("", 0), 0);
}

static void
test_truncate(void **state)
{
	char buf[64];

	(void)state;
	/* fits: unchanged */
	assert_int_equal(tui_truncate("Tour of regtutor", 16, buf, sizeof(buf)),
	    16);
	assert_string_equal(buf, "Tour of regtutor");
	/* too long: cut with a plain ASCII "...", within the width */
	assert_int_equal(tui_truncate("Overfitting and early stopping", 14,
	    buf, sizeof(buf)), 14);
	assert_string_equal(buf, "Overfitting...");
	/* the space before a cut is dropped: "Overfitting...", not
	 * "Overfitting ..." */
	assert_int_equal(tui_truncate("Overfitting and early stopping", 15,
	    buf, sizeof(buf)), 14);
	assert_string_equal(buf, "Overfitting...");
	assert_int_equal(tui_truncate("Overfitting and early stopping", 12,
	    buf, sizeof(buf)), 12);
	assert_string_equal(buf, "Overfitti...");
	/* Hangul: never half a syllable; 11 columns hold 4 of them + "..." */
	assert_int_equal(tui_truncate("배치 정규화와 레이어 정규화", 11, buf,
	    sizeof(buf)), 10);
	assert_string_equal(buf, "배치 정...");
	assert_true(utf8_width(buf, (size_t)-1) <= 11);
	/* no room for the dots: a plain cut */
	assert_int_equal(tui_truncate("abcdef", 3, buf, sizeof(buf)), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(tui_truncate("abcdef", 0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
	/* a small buffer is still terminated */
	tui_truncate("abcdefghij", 8, buf, 4);
	assert_int_equal(strlen(buf), 3);
}

static void
seg_set(struct tui_seg *s, const char *text, int prio, int flex)
{
	memset(s, 0, sizeof(*s));
	snprintf(s->text, sizeof(s->text), "%s", text);
	s->prio = prio;
	s->flex = flex;
}

/* The status line of a lesson page, as view-status.c builds it. */
static int
status_segs(struct tui_seg *s, const char *title)
{
	seg_set(&s[0], title, 1, 1);
	seg_set(&s[1], "page 3/8", 0, 0);
	seg_set(&s[2], "λ=0.01 l2", 0, 0);
	seg_set(&s[3], "pen 0.0123", 3, 0);
	seg_set(&s[4], "act tanh", 2, 0);
	seg_set(&s[5], "norm none", 2, 0);
	seg_set(&s[6], "ep 600", 1, 0);
	seg_set(&s[7], "train 0.09679 val 0.1727", 0, 0);
	return 8;
}

static void
test_status_fit(void **state)
{
	struct tui_seg s[8];
	int n, cols, w;

	(void)state;
	/* wide: everything, the title whole */
	n = status_segs(s, "Overfitting and early stopping");
	cols = tui_status_fit(s, n, 132);
	assert_true(cols <= 132);
	for (int i = 0; i < n; i++)
		assert_true(s[i].shown);
	assert_string_equal(s[0].text, "Overfitting and early stopping");
	/* 80 columns: the title shortened, never dropped; page, lambda,
	 * epoch and losses kept; the penalty goes first */
	n = status_segs(s, "Overfitting and early stopping");
	cols = tui_status_fit(s, n, 80);
	assert_true(cols <= 80);
	assert_true(s[0].shown && s[1].shown && s[2].shown && s[6].shown &&
	    s[7].shown);
	assert_false(s[3].shown);
	assert_non_null(strstr(s[0].text, "..."));
	assert_true(strncmp(s[0].text, "Overfitting", 11) == 0);
	/* 100 columns: the penalty goes before the title gets short; act
	 * and norm stay */
	n = status_segs(s, "Overfitting and early stopping");
	cols = tui_status_fit(s, n, 100);
	assert_true(cols <= 100);
	assert_false(s[3].shown);
	assert_true(s[0].shown && s[4].shown && s[5].shown);
	assert_true(utf8_width(s[0].text, (size_t)-1) >= TUI_SEG_FLEX_WANT);
	/* Korean title, by display width */
	n = status_segs(s, "배치 정규화와 레이어 정규화");
	cols = tui_status_fit(s, n, 80);
	assert_true(cols <= 80);
	assert_true(s[0].shown);
	assert_true(strncmp(s[0].text, "배치", 6) == 0);
	/* every width: the line fits, the essential segments stay while
	 * they can, the title is there whenever it has its minimum */
	for (w = 20; w <= 200; w++) {
		n = status_segs(s, "Batch and layer normalization");
		cols = tui_status_fit(s, n, w);
		if (w >= 1 + 8 + 2 + 9 + 2 + 24)
			assert_true(cols <= w);
		assert_true(s[1].shown && s[2].shown && s[7].shown);
		if (w >= 1 + 8 + 2 + 9 + 2 + 24 + 2 + 6 + 2 +
		    TUI_SEG_FLEX_MIN)
			assert_true(s[0].shown && s[6].shown);
		if (s[0].shown)
			assert_true(utf8_width(s[0].text, (size_t)-1) >=
			    TUI_SEG_FLEX_MIN);
	}
}

static void
test_hscroll(void **state)
{
	(void)state;
	/* fits: no scrolling */
	assert_int_equal(tui_hscroll(10, 20, 40, 0), 0);
	assert_int_equal(tui_hscroll(39, 39, 40, 5), 0);
	/* cursor at the end of a long line: visible in the last column */
	assert_int_equal(tui_hscroll(100, 100, 40, 0), 61);
	/* moving back to the start scrolls back */
	assert_int_equal(tui_hscroll(0, 100, 40, 61), 0);
	/* moving inside the visible part keeps the offset */
	assert_int_equal(tui_hscroll(80, 100, 40, 61), 61);
	/* every result keeps the cursor visible */
	for (int cur = 0; cur <= 200; cur += 3)
		for (int old = 0; old <= 200; old += 17) {
			int off = tui_hscroll(cur, 200, 30, old);

			assert_true(cur >= off && cur <= off + 29);
			assert_true(off >= 0 && off <= 171);
		}
}

/* Simulated training: epochs of a fixed length; returns frames drawn in
 * one second, checking that no gap between frames is over the maximum
 * when the epochs are short enough for that. */
static int
simulate(int epoch_ms)
{
	long long now = 0, last = 0, step = epoch_ms, maxgap = 0;
	int frames = 0;

	while (now < 1000) {
		now += epoch_ms;
		if (tui_frame_due(now, last, step)) {
			if (now - last > maxgap)
				maxgap = now - last;
			last = now;
			frames++;
		}
	}
	if (epoch_ms <= TUI_FRAME_MAX_MS)
		assert_true(maxgap <= TUI_FRAME_MAX_MS);
	return frames;
}

static void
test_frame_due(void **state)
{
	int ms;

	(void)state;
	assert_false(tui_frame_due(1010, 1000, 1));
	assert_true(tui_frame_due(1030, 1000, 1));
	assert_true(tui_frame_due(5000, 0, 1));
	/* the next epoch would arrive too late: draw now */
	assert_true(tui_frame_due(1020, 1000, 20));
	/* fast epochs: about 33 frames a second, never more */
	assert_true(simulate(1) >= 30 && simulate(1) <= 34);
	/* any epoch length up to 33 ms: at least 30 frames a second; the
	 * screen can only change once per epoch */
	for (ms = 1; ms <= 33; ms++) {
		int f = simulate(ms);

		assert_true(f >= 30);
		/* never more than one frame per epoch, and with epochs
		 * short enough to skip some, not much over 33 a second */
		assert_true(f <= 1000 / ms + 1);
		if (ms <= 16)
			assert_true(f <= 42);
	}
}

/*
 * The Korean catalog of the build tree (REGTUTOR_LOCALEDIR, set by make
 * check) is loaded: messages come back translated, and go back to English.
 */
static void
test_strings(void **state)
{
	char buf[64];

	(void)state;
	i18n_init();
	assert_int_equal(i18n_set_lang("ko"), 0);
	assert_string_equal(i18n_lang(), "ko");
	assert_string_equal(_("press any key"), "아무 키나 누르세요");
	assert_string_not_equal(_(TUI_PROMPT_HINT), TUI_PROMPT_HINT);
	assert_int_equal(i18n_set_lang("en"), 0);
	assert_string_equal(_("press any key"), "press any key");
	assert_int_equal(i18n_set_lang("fr"), -1);
	assert_string_equal(i18n_lang(), "en");
	/* cut short: whole characters only, never part of one */
	assert_string_equal(utf8_snprintf(buf, 6, "%s/%s쪽", "2", "7"),
	    "2/7");
	assert_string_equal(utf8_snprintf(buf, 14, "no lesson '%s'", "한국"),
	    "no lesson '");
	assert_string_equal(utf8_snprintf(buf, sizeof(buf), "page %s/%s",
	    "2", "7"), "page 2/7");
}

/* The strings that must fit their place on the smallest screen, in every
 * language. */
static void
test_strings_fit(void **state)
{
	static const char *const langs[] = { "en", "ko" };
	struct tui_layout l;
	char buf[128];
	size_t k;
	int i;

	(void)state;
	i18n_init();
	tui_layout(TUI_MIN_W, TUI_MIN_H, 0, 1, &l);
	for (k = 0; k < COUNT(langs); k++) {
		assert_int_equal(i18n_set_lang(langs[k]), 0);
		/* help lines inside the 60-column box (2 columns of border
		 * and margin each side) */
		for (i = 0; tui_help_lesson[i] != NULL; i++)
			assert_true(utf8_width(_(tui_help_lesson[i]),
			    (size_t)-1) <= 56);
		for (i = 0; tui_help_menu[i] != NULL; i++)
			assert_true(utf8_width(_(tui_help_menu[i]),
			    (size_t)-1) <= 56);
		/* the key hint on the prompt row of the smallest screen */
		assert_true(utf8_width(_(TUI_PROMPT_HINT), (size_t)-1) <=
		    l.prompt.w);
		/* the scroll note in the narrowest lesson pane */
		utf8_snprintf(buf, sizeof(buf), _(TUI_MORE_BELOW), "100",
		    "112", "140");
		assert_true(utf8_width(buf, (size_t)-1) <= l.lesson.w);
		utf8_snprintf(buf, sizeof(buf), _(TUI_MORE_BELOW_J), "100",
		    "112", "140");
		assert_true(utf8_width(buf, (size_t)-1) <= l.lesson.w);
		utf8_snprintf(buf, sizeof(buf), _(TUI_MORE_ABOVE), "100",
		    "112", "140");
		assert_true(utf8_width(buf, (size_t)-1) <= l.lesson.w);
	}
	i18n_set_lang("en");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_80x24),
		cmocka_unit_test(test_layout_wide),
		cmocka_unit_test(test_layout_many_sizes),
		cmocka_unit_test(test_layout_present),
		cmocka_unit_test(test_layout_too_small),
		cmocka_unit_test(test_wrap_words),
		cmocka_unit_test(test_layout_lab),
		cmocka_unit_test(test_wrap_hangul),
		cmocka_unit_test(test_text_cols),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_status_fit),
		cmocka_unit_test(test_hscroll),
		cmocka_unit_test(test_frame_due),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_strings_fit),
	};

	return cmocka_run_group_tests_name("tui/layout", tests, NULL, NULL);
}
