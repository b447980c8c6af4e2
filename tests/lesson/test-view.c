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
	};

	return cmocka_run_group_tests_name("lesson/view", tests, NULL, NULL);
}
