/*
 * test-shipped.c - the shipped lessons as a whole: the Korean lesson of
 * each number runs the same command lines, checkpoints, remembered values,
 * quiz keys and try-it commands as the English one (compared on the loaded
 * structures, page by page, texts aside); and a lesson played after any
 * other lesson on the same session, opened the way the shell opens it
 * (session_restart() with the lesson's seed), gives the transcript it
 * gives alone.
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
#include "lesson/lesson-cli.h"
#include "lesson/lesson.h"
#include "util/util.h"
#include "../testutil.h"

/* The lessons of lang, loaded, in file order; returns the count. */
static int
load_all(const char *lang, struct lesson ***out)
{
	char **paths;
	int n = lesson_paths(lang, &paths);
	struct lesson **v = xcalloc((size_t)n + 1, sizeof *v);

	for (int i = 0; i < n; i++) {
		struct strbuf d;

		strbuf_init(&d);
		v[i] = lesson_load(paths[i], &d, NULL);
		if (v[i] == NULL)
			fail_msg("%s", d.s);
		strbuf_done(&d);
	}
	lesson_paths_free(paths);
	*out = v;
	return n;
}

static void
free_all(struct lesson **v, int n)
{
	for (int i = 0; i < n; i++)
		lesson_free(v[i]);
	free(v);
}

/* A condition in one spelling however it was written ("1e-4" and
 * "0.0001" alike). */
static void
add_operand(struct strbuf *s, const struct lesson_operand *o)
{
	strbuf_addf(s, "%.17g*", o->factor);
	if (o->kind == LO_NUMBER)
		strbuf_addf(s, "%.17g", o->num);
	else
		strbuf_adds(s, o->word);
}

static void
add_cond(struct strbuf *s, const struct lesson_block *b)
{
	static const char *const ops[] = { "<", "<=", ">", ">=" };

	add_operand(s, &b->lhs);
	strbuf_addf(s, " %s ", ops[b->op]);
	add_operand(s, &b->rhs);
}

/* What a block does, as text: equal for en and ko when they run the same
 * step; NULL for narrative text. */
static char *
block_key(const struct lesson_block *b)
{
	struct strbuf s;

	strbuf_init(&s);
	switch (b->kind) {
	case LB_TEXT:
		strbuf_done(&s);
		return NULL;
	case LB_CMD:
		strbuf_addf(&s, "> %s", b->text);
		break;
	case LB_QUIZ:
	case LB_PREDICT:
		strbuf_addf(&s, "%s %s:", b->kind == LB_QUIZ ? "@quiz" :
		    "@predict", b->id);
		for (int i = 0; i < b->nchoices; i++)
			strbuf_addf(&s, " %s", b->choices[i].key);
		strbuf_addf(&s, " answer %s", b->choices[b->answer].key);
		for (int i = 0; i < b->ncmds; i++)
			strbuf_addf(&s, "; > %s", b->cmds[i]);
		break;
	case LB_REMEMBER:
		strbuf_addf(&s, "@remember %s %s", b->name, b->metric);
		break;
	case LB_CHECK:
		strbuf_adds(&s, "@check ");
		add_cond(&s, b);
		break;
	case LB_TRY:
		strbuf_addf(&s, "@try suggest %s solution %s",
		    b->suggest != NULL ? b->suggest : "-", b->solution);
		for (const struct lesson_block *c = b->expect ? b : NULL;
		    c != NULL; c = c->also) {
			strbuf_adds(&s, " expect ");
			add_cond(&s, c);
		}
		break;
	}
	return strbuf_detach(&s);
}

/* The steps of page pg, one per line; *n their count. */
static void
page_steps(const struct lesson_page *pg, struct strbuf *steps, int *n)
{
	*n = 0;
	for (int i = 0; i < pg->nblocks; i++) {
		char *k = block_key(&pg->blocks[i]);

		if (k == NULL)
			continue;
		strbuf_addf(steps, "%s\n", k);
		(*n)++;
		free(k);
	}
}

static void
korean_runs_what_english_runs(void **state)
{
	struct lesson **en, **ko;
	int nen = load_all("en", &en), nko = load_all("ko", &ko), bad = 0;

	(void)state;
	assert_true(nen >= 5);
	assert_int_equal(nen, nko);
	for (int i = 0; i < nen; i++) {
		const struct lesson *a = en[i], *b = ko[i];

		assert_int_equal(lesson_number(a), lesson_number(b));
		assert_string_equal(a->lang, "en");
		assert_string_equal(b->lang, "ko");
		if (a->seed != b->seed || a->npages != b->npages) {
			print_error("%s: @seed %lu / %lu, %d / %d pages\n",
			    a->name, a->seed, b->seed, a->npages, b->npages);
			bad++;
			continue;
		}
		for (int p = 0; p < a->npages; p++) {
			struct strbuf sa, sb;
			int na, nb;

			strbuf_init(&sa);
			strbuf_init(&sb);
			page_steps(&a->pages[p], &sa, &na);
			page_steps(&b->pages[p], &sb, &nb);
			if (strcmp(sa.s, sb.s) != 0) {
				print_error("%s page %d (en line %d, ko line "
				    "%d) differs:\n--- en\n%s--- ko\n%s",
				    a->name, p + 1, a->pages[p].line,
				    b->pages[p].line, sa.s, sb.s);
				bad++;
			}
			strbuf_done(&sa);
			strbuf_done(&sb);
		}
	}
	free_all(en, nen);
	free_all(ko, nko);
	assert_int_equal(bad, 0);
}

/* The model's own check that the comparison can fail: one changed
 * command, check or quiz key is a difference. */
static void
steps_differ_when_a_step_differs(void **state)
{
	static const char base[] =
	    "@title T\n@lang en\n@page P\n> data poly\n"
	    "@quiz q\nQ?\n@choice a A\n@choice b B\n@answer a\n@end\n"
	    "@check lambda < 1\n";
	const char *const variants[] = {
	    "@title T\n@lang ko\n@page P\n> data poly n=20\n"
	    "@quiz q\nQ?\n@choice a A\n@choice b B\n@answer a\n@end\n"
	    "@check lambda < 1\n",
	    "@title T\n@lang ko\n@page P\n> data poly\n"
	    "@quiz q\nQ?\n@choice a A\n@choice b B\n@answer b\n@end\n"
	    "@check lambda < 1\n",
	    "@title T\n@lang ko\n@page P\n> data poly\n"
	    "@quiz q\nQ?\n@choice a A\n@choice b B\n@answer a\n@end\n"
	    "@check lambda <= 1\n",
	};
	struct lesson *a = lesson_parse("a.lesson", base, NULL, NULL);
	struct strbuf sa;
	int na;

	(void)state;
	assert_non_null(a);
	strbuf_init(&sa);
	page_steps(&a->pages[0], &sa, &na);
	assert_int_equal(na, 3);
	for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
		struct lesson *b = lesson_parse("b.lesson", variants[v], NULL,
		    NULL);
		struct strbuf sb;
		int nb;

		assert_non_null(b);
		strbuf_init(&sb);
		page_steps(&b->pages[0], &sb, &nb);
		assert_int_equal(nb, 3);
		assert_string_not_equal(sa.s, sb.s);
		strbuf_done(&sb);
		lesson_free(b);
	}
	strbuf_done(&sa);
	lesson_free(a);
}

/* Plays every page of r's lesson in order, quizzes answered with the keyed
 * answer. */
static void
play_lesson(struct lesson_run *r)
{
	for (int p = 0; p < r->lesson->npages; p++) {
		const struct lesson_page *pg = &r->lesson->pages[p];
		int rc = lesson_enter_page(r, p);

		while (rc == LR_WAIT || rc == LR_OK || rc == LR_ERROR) {
			if (rc == LR_WAIT)
				lesson_answer(r, pg->blocks[lesson_waiting(r)].
				    answer);
			if (r->next >= pg->nblocks)
				break;
			rc = lesson_step(r);
		}
	}
}

/* Opens l on s as the shell does and plays it; the transcript as text
 * (caller frees). */
static char *
open_and_play(struct lesson *l, struct session *s)
{
	struct transcript *t = transcript_new();
	struct lesson_run *r;
	char *text;

	session_restart(s, l->seed);
	r = lesson_run_new(l, s, t);
	play_lesson(r);
	text = transcript_text(t);
	lesson_run_free(r);
	transcript_free(t);
	return text;
}

/*
 * An order of plays in which every ordered pair of different lessons
 * (a then b) occurs once as neighbours: an Euler circuit of the complete
 * directed graph on n lessons (Hierholzer), n*(n-1) + 1 plays.  Each play
 * is then both the lesson after one other and the one before the next, so
 * the test plays n*(n-1) + 1 lessons instead of 2*n*(n-1).  seq must hold
 * n*(n-1) + 1 entries; returns their count.  (The circuit comes out
 * reversed, which is an Euler circuit of the same complete graph.)
 */
static int
order_of_all_pairs(int n, int *seq)
{
	int *next = xcalloc((size_t)n, sizeof *next);	/* next unused edge */
	int *stack = xcalloc((size_t)(n * (n - 1) + 1), sizeof *stack);
	int sp = 0, len = 0;

	stack[sp++] = 0;
	while (sp > 0) {
		int v = stack[sp - 1];

		if (next[v] == v)
			next[v]++;
		if (next[v] < n)
			stack[sp++] = next[v]++;
		else
			seq[len++] = stack[--sp];
	}
	free(stack);
	free(next);
	return len;
}

static void
any_order_same_transcript(void **state)
{
	struct lesson **v;
	int n = load_all("en", &v), m;
	char **alone = xcalloc((size_t)n, sizeof *alone);
	int *seq, *seen;
	struct session *s;

	(void)state;
	assert_true(n >= 5);
	for (int i = 0; i < n; i++) {
		s = session_new(v[i]->seed);
		alone[i] = open_and_play(v[i], s);
		session_free(s);
	}
	seq = xcalloc((size_t)(n * (n - 1) + 1), sizeof *seq);
	seen = xcalloc((size_t)(n * n), sizeof *seen);
	m = order_of_all_pairs(n, seq);
	assert_int_equal(m, n * (n - 1) + 1);
	/* one session for the whole row of plays, as a class would */
	s = session_new(1);
	free(open_and_play(v[seq[0]], s));
	for (int i = 1; i < m; i++) {
		int a = seq[i - 1], b = seq[i];
		struct transcript *t = transcript_new();
		char *text;

		assert_true(a != b);
		seen[a * n + b]++;
		/* the learner's own lab between the lessons */
		cmd_execute(s, "set early on; set batch 2; set lambda 0.3; "
		    "set l1mode prox", t);
		transcript_free(t);
		text = open_and_play(v[b], s);
		if (strcmp(text, alone[b]) != 0)
			fail_msg("%s after %s: the transcript differs from %s "
			    "alone", v[b]->name, v[a]->name, v[b]->name);
		free(text);
	}
	session_free(s);
	/* every ordered pair exactly once */
	for (int a = 0; a < n; a++)
		for (int b = 0; b < n; b++)
			assert_int_equal(seen[a * n + b], a != b);
	free(seen);
	free(seq);
	for (int i = 0; i < n; i++)
		free(alone[i]);
	free(alone);
	free_all(v, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(korean_runs_what_english_runs),
		cmocka_unit_test(steps_differ_when_a_step_differs),
		cmocka_unit_test(any_order_same_transcript),
	};

	return cmocka_run_group_tests_name("lesson/shipped", tests, NULL,
	    NULL);
}
