/*
 * test-view.c - the lesson pane without a terminal: pages of a fixture
 * lesson played as the shell plays them (quizzes answered wrong and right,
 * a hint asked for, a try-it done, a checkpoint that fails), each state
 * rendered as styled lines (lesson-view.h, the pane form) and compared
 * with tests/golden/lesson/view/<case>.txt: one line per pane row, its
 * role, then its text.  Also: text blocks are the same lines in the pane
 * and in --batch's transcript form.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cmd/cmd.h"
#include "lesson/lesson-view.h"
#include "lesson/lesson.h"
#include "util/util.h"
#include "../testutil.h"

#define FIXTURE "tests/tui/lessons/en/04-pages.lesson"

struct play {
	struct lesson *l;
	struct session *s;
	struct transcript *tr;
	struct lesson_run *r;
	struct strbuf out;	/* the golden text so far */
};

static void
play_open(struct play *p)
{
	char *path = test_srcpath(FIXTURE);
	struct strbuf d;

	strbuf_init(&d);
	p->l = lesson_load(path, &d, NULL);
	if (p->l == NULL)
		print_error("%s", d.s);
	assert_non_null(p->l);
	strbuf_done(&d);
	free(path);
	p->s = session_new(p->l->seed);
	session_set_render(p->s, CMD_GLYPH_ASCII, CMD_COLOR_NONE, 60, 12);
	p->tr = transcript_new();
	p->r = lesson_run_new(p->l, p->s, p->tr);
	strbuf_init(&p->out);
}

static void
play_close(struct play *p)
{
	lesson_run_free(p->r);
	transcript_free(p->tr);
	session_free(p->s);
	lesson_free(p->l);
	strbuf_done(&p->out);
}

/* The pane as the shell lays it out now, at width w, into p->out under a
 * heading naming the state. */
static void
snapshot(struct play *p, const char *state, int w, int ascii)
{
	const struct lesson_page *pg = &p->l->pages[p->r->page];
	struct lesson_view v = { NULL, 0 };
	struct lesson_view_opts o;
	int wait = lesson_waiting(p->r);

	memset(&o, 0, sizeof(o));
	o.width = w;
	o.ascii = ascii;
	o.check_differs = "The result differs from what the lesson expects.";
	o.check_rerun = "Press r to run this page again.";
	o.try_met = "Done.";
	lesson_view_heading(&v, &o, p->l, p->r->page);
	for (int i = 0; i < pg->nblocks; i++) {
		if (i >= p->r->next && i != wait)
			break;
		lesson_view_block(&v, &o, p->l, pg, i, &p->r->st[i]);
	}
	strbuf_addf(&p->out, "== page %d, %s (width %d)\n", p->r->page + 1,
	    state, w);
	for (int i = 0; i < v.n; i++) {
		assert_true(utf8_width(v.v[i].text, (size_t)-1) <= w);
		strbuf_addf(&p->out, "%-12s |%s\n",
		    lesson_role_name(v.v[i].role), v.v[i].text);
	}
	lesson_view_free(&v);
}

static void
continue_page(struct play *p)
{
	while (lesson_step(p->r) == LR_OK)
		;
}

/* Every page of the fixture in its states, at width w. */
static void
pages_at(int w, const char *golden)
{
	struct play p;
	int try_block = -1;

	play_open(&p);
	lesson_enter_page(p.r, 0);
	snapshot(&p, "run", w, 1);

	lesson_enter_page(p.r, 1);
	snapshot(&p, "waiting for the first answer", w, 1);
	assert_int_equal(lesson_answer(p.r, 1), LR_OK);	/* wrong */
	continue_page(&p);
	snapshot(&p, "first answer wrong", w, 1);
	assert_int_equal(lesson_answer(p.r, 1), LR_OK);	/* right */
	continue_page(&p);
	snapshot(&p, "second answer right", w, 0);

	lesson_enter_page(p.r, 2);
	snapshot(&p, "try-it", w, 1);
	for (int i = 0; i < p.l->pages[2].nblocks; i++)
		if (p.l->pages[2].blocks[i].kind == LB_TRY)
			try_block = i;
	assert_true(try_block >= 0);
	assert_int_equal(lesson_reveal_hint(p.r, try_block), 1);
	snapshot(&p, "a hint asked for", w, 1);
	assert_int_equal(cmd_execute(p.s, "set lambda 0.3", p.tr), 0);
	assert_int_equal(lesson_try_poll(p.r), 1);
	snapshot(&p, "try-it done", w, 0);

	lesson_enter_page(p.r, 3);
	snapshot(&p, "a checkpoint that fails", w, 1);
	assert_golden(golden, p.out.s);
	play_close(&p);
}

static void
pane_golden_60(void **state)
{
	(void)state;
	pages_at(60, "lesson/view/04-pages.w60.txt");
}

static void
pane_golden_30(void **state)
{
	(void)state;
	pages_at(30, "lesson/view/04-pages.w30.txt");
}

/* A text block is the same lines in the pane and in --batch. */
static void
text_same_in_both_forms(void **state)
{
	struct play p;
	struct lesson_view a = { NULL, 0 }, b = { NULL, 0 };
	struct lesson_view_opts pane, batch;
	const struct lesson_page *pg;

	(void)state;
	play_open(&p);
	memset(&pane, 0, sizeof(pane));
	pane.width = 40;
	batch = pane;
	batch.transcript = 1;
	pg = &p.l->pages[1];
	lesson_enter_page(p.r, 1);
	for (int i = 0; i < pg->nblocks; i++) {
		if (pg->blocks[i].kind != LB_TEXT)
			continue;
		lesson_view_clear(&a);
		lesson_view_clear(&b);
		lesson_view_block(&a, &pane, p.l, pg, i, &p.r->st[i]);
		lesson_view_block(&b, &batch, p.l, pg, i, &p.r->st[i]);
		assert_true(a.n > 1);
		assert_int_equal(a.n, b.n);
		for (int k = 0; k < a.n; k++) {
			assert_string_equal(a.v[k].text, b.v[k].text);
			assert_int_equal(a.v[k].role, b.v[k].role);
		}
	}
	lesson_view_free(&a);
	lesson_view_free(&b);
	play_close(&p);
}

/*
 * Which chart for which scroll position (lesson_view_chart()): the page of
 * lesson 3 page 4 at 80x24, 65 rows, 12 in view, a chart made at row 14
 * (plot grads) and one at row 38 (plot acts).
 */
static void
chart_follows_the_reading(void **state)
{
	const int two[] = { 14, 38 };
	const int tie[] = { 5, 20, 20 };
	const int late[] = { 5, 40, 20 };	/* the learner's, then a quiz's */
	const int back[] = { 10, 5 };

	(void)state;
	assert_int_equal(lesson_view_chart(two, 0, 0, 12, 65), -1);
	/* the page's top: the reading row is the top row */
	assert_int_equal(lesson_view_chart(two, 2, 0, 12, 65), 0);
	/* 25: rows 25-36 in view, reading row 25 + 11*25/53 = 30 */
	assert_int_equal(lesson_view_chart(two, 2, 25, 12, 65), 0);
	/* 31: reading row 37, above plot acts; 32: row 38, at it */
	assert_int_equal(lesson_view_chart(two, 2, 31, 12, 65), 0);
	assert_int_equal(lesson_view_chart(two, 2, 32, 12, 65), 1);
	/* the page's end: its last row */
	assert_int_equal(lesson_view_chart(two, 2, 53, 12, 65), 1);
	assert_int_equal(lesson_view_chart(two, 2, 60, 12, 65), 1);
	/* a page that fits is read at its end */
	assert_int_equal(lesson_view_chart(two, 2, 0, 70, 65), 1);
	/* two charts of one step: the first made */
	assert_int_equal(lesson_view_chart(tie, 3, 53, 12, 65), 1);
	/* anchors out of order: the one anchored last above the reading
	 * row; none above it: the one anchored first */
	assert_int_equal(lesson_view_chart(late, 3, 20, 12, 65), 2);
	assert_int_equal(lesson_view_chart(late, 3, 53, 12, 65), 1);
	assert_int_equal(lesson_view_chart(back, 2, 0, 3, 65), 1);
}

/* A page that draws twice in its steps and once when its predict is
 * answered: each chart belongs to the block that drew it and stands at
 * its line (the predict's: its feedback), and the chart in view follows
 * the scroll from the first to the last. */
#define CHARTS_LESSON "@title Charts\n@lang en\n@seed 3\n" \
	"@page Three charts\n" \
	"First the tanh function, the curve and its derivative.\n\n" \
	"> plot fn tanh\n\n" \
	"TANH-TEXT: the derivative is largest at 0 and fades on both sides, " \
	"so a unit far from 0 passes little gradient back.\n\n" \
	"> plot fn relu\n\n" \
	"RELU-TEXT: the derivative is 1 for a positive input and 0 below, " \
	"so a unit stuck below 0 passes no gradient at all.\n\n" \
	"@predict p\nAnd leaky relu?\n@choice a Its slope below 0 is " \
	"small.\n@choice b Zero.\n@answer a\n@explain LEAKY-TEXT: a slope " \
	"of 0.01 below 0.\n> plot fn leaky\n@end\n\n" \
	"LAST-TEXT: the end.\n"

static void
charts_anchored(void **state)
{
	struct lesson *l = lesson_parse("charts.lesson", CHARTS_LESSON, NULL,
	    NULL);
	struct session *s;
	struct transcript *tr = transcript_new();
	struct lesson_run *r;
	struct lesson_view v = { NULL, 0 };
	struct lesson_view_opts o;
	const struct lesson_page *pg;
	int by[4], at[4], n = 0, total, rows = 8;

	(void)state;
	assert_non_null(l);
	s = session_new(l->seed);
	r = lesson_run_new(l, s, tr);
	pg = &l->pages[0];
	assert_int_equal(lesson_enter_page(r, 0), LR_WAIT);
	assert_int_equal(lesson_answer(r, 0), LR_OK);
	while (lesson_step(r) == LR_OK)
		;
	for (size_t i = 0; i < transcript_count(tr); i++)
		if (transcript_item(tr, i)->kind == TR_CHART && n < 4)
			by[n++] = lesson_view_owner(r->st, pg->nblocks,
			    (int)i);
	assert_int_equal(n, 3);
	assert_int_equal(pg->blocks[by[0]].kind, LB_CMD);
	assert_string_equal(pg->blocks[by[0]].text, "plot fn tanh");
	assert_string_equal(pg->blocks[by[1]].text, "plot fn relu");
	assert_int_equal(pg->blocks[by[2]].kind, LB_PREDICT);
	/* before any block ran: the learner's */
	assert_int_equal(lesson_view_owner(r->st, pg->nblocks, -1),
	    LESSON_VIEW_LEARNER);

	memset(&o, 0, sizeof(o));
	o.width = 36;
	lesson_view_heading(&v, &o, l, 0);
	for (int i = 0; i < pg->nblocks; i++)
		lesson_view_block(&v, &o, l, pg, i, &r->st[i]);
	for (int k = 0; k < n; k++)
		at[k] = lesson_view_anchor(&v, by[k]);
	assert_string_equal(v.v[at[0]].text, "> plot fn tanh");
	assert_string_equal(v.v[at[1]].text, "> plot fn relu");
	assert_int_equal(v.v[at[2]].role, LV_RIGHT);
	assert_non_null(strstr(v.v[at[2]].text, "LEAKY-TEXT"));
	assert_true(at[0] < at[1] && at[1] < at[2]);
	/* the learner's: the page's last text line */
	assert_non_null(strstr(v.v[lesson_view_anchor(&v,
	    LESSON_VIEW_LEARNER)].text, "LAST-TEXT"));

	/* scrolled: the top, with the tanh text in view, the end */
	total = v.n;
	while (total > 0 && v.v[total - 1].role == LV_GAP)
		total--;
	assert_true(total > rows);
	assert_int_equal(lesson_view_chart(at, n, 0, rows, total), 0);
	assert_int_equal(lesson_view_chart(at, n, total - rows, rows, total),
	    2);
	for (int top = 0; top <= total - rows; top++) {
		int k = lesson_view_chart(at, n, top, rows, total);
		int read = top + (rows - 1) * top / (total - rows);

		/* the chart of the last step drawn at or above the reading
		 * row, never one below it */
		assert_true(k == 0 || at[k] <= read);
		assert_true(k + 1 >= n || at[k + 1] > read);
	}
	lesson_view_free(&v);
	lesson_run_free(r);
	session_free(s);
	transcript_free(tr);
	lesson_free(l);
}

/* Every role has a name, so a golden file never says "?". */
static void
roles_named(void **state)
{
	(void)state;
	for (int r = 0; r < LV_ROLE_COUNT; r++)
		assert_string_not_equal(lesson_role_name((enum lesson_role)r),
		    "?");
	assert_string_equal(lesson_role_name(LV_ROLE_COUNT), "?");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pane_golden_60),
		cmocka_unit_test(pane_golden_30),
		cmocka_unit_test(text_same_in_both_forms),
		cmocka_unit_test(roles_named),
		cmocka_unit_test(chart_follows_the_reading),
		cmocka_unit_test(charts_anchored),
	};

	return cmocka_run_group_tests_name("lesson/view", tests, NULL, NULL);
}
