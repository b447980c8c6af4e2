/*
 * test-run.c - the stepper on a real session: command steps run when the
 * page is entered, a quiz stops the page, a predict quiz runs its
 * experiment only after the answer, remembered values feed checkpoints
 * whose messages carry the numbers, hints come one at a time; jumping
 * forward runs the steps of the pages jumped over; and the
 * golden batch transcript of lesson 0 (ASCII, mono, 72 columns).
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

static const char small[] =
    "@title Small\n"
    "@lang en\n"
    "@seed 3\n"
    "@page One\n"
    "Intro text.\n"
    "> data poly n=30 noise=0.1; net 1-8-1 act=tanh\n"
    "> train 5\n"
    "@remember early val_loss\n"
    "@quiz q\n"
    "Will more training help?\n"
    "@choice yes Yes\n"
    "@choice no No\n"
    "@answer yes\n"
    "@explain It went from {early} to {val_loss}.\n"
    "@end\n"
    "@predict p\n"
    "Up or down?\n"
    "@choice up Up\n"
    "@choice down Down\n"
    "@answer down\n"
    "> train 60 lr=0.05\n"
    "@end\n"
    "@check val_loss < early\n"
    "@pass Lower: {val_loss} against {early}.\n"
    "@check val_loss > 10*early\n"
    "@fail As expected, not ten times higher.\n"
    "@try\n"
    "Train more yourself.\n"
    "@suggest train 10\n"
    "@hint Use train.\n"
    "@hint With a number.\n"
    "@solution train 10\n"
    "@end\n"
    "@page Two\n"
    "Done.\n";

static void
stepper_flow(void **state)
{
	struct session *s = session_new(3);
	struct transcript *t = transcript_new();
	struct lesson *l;
	struct lesson_run *r;
	struct strbuf d;
	size_t before;
	double early, v;
	int n = 0, rc;

	(void)state;
	strbuf_init(&d);
	l = lesson_parse("small.lesson", small, &d, &n);
	if (l == NULL)
		print_error("%s", d.s);
	assert_non_null(l);
	strbuf_done(&d);
	r = lesson_run_new(l, s, t);

	rc = lesson_enter_page(r, 0);
	assert_int_equal(rc, LR_WAIT);
	assert_int_equal(lesson_waiting(r), 4);		/* the quiz */
	assert_int_equal(lesson_recall(r, "early", &early), 0);
	assert_int_equal(session_query(s, "val_loss", &v), 0);
	assert_close(v, early, 0);
	assert_int_equal(lesson_answer(r, 7), -1);	/* no such choice */
	assert_int_equal(lesson_answer(r, 1), LR_OK);
	assert_int_equal(r->st[4].answer, 1);
	assert_false(r->st[4].correct);

	/* the predict experiment has not run before the answer */
	assert_int_equal(lesson_step(r), LR_WAIT);
	assert_int_equal(lesson_waiting(r), 5);
	before = transcript_count(t);
	assert_int_equal(lesson_answer(r, lesson_choice_index(
	    &l->pages[0].blocks[5], "down")), LR_OK);
	assert_true(r->st[5].correct);
	assert_true(transcript_count(t) > before);
	assert_string_equal(transcript_item(t, before)->text,
	    "train 60 lr=0.05");

	while ((rc = lesson_step(r)) == LR_OK)
		;
	assert_int_equal(rc, LR_END);
	assert_int_equal(r->st[6].result, 1);
	assert_non_null(strstr(r->st[6].message, "Check: val_loss = "));
	assert_non_null(strstr(r->st[6].message, " < early = "));
	/* the assertion in message, the author's text in text */
	assert_non_null(strstr(r->st[6].message, "-> passed"));
	assert_null(strstr(r->st[6].message, "Lower"));
	assert_non_null(r->st[6].text);
	assert_true(strncmp(r->st[6].text, "Lower: ", 7) == 0);
	assert_int_equal(r->st[7].result, 0);
	assert_non_null(strstr(r->st[7].message, "10*early = "));
	assert_non_null(strstr(r->st[7].message, "-> FAILED"));
	assert_string_equal(r->st[7].text, "As expected, not ten times higher.");
	assert_true(r->st[7].lhs > 0 && r->st[7].rhs > r->st[7].lhs);
	/* the quiz's explanation was filled in when it was answered */
	assert_non_null(r->st[4].text);
	assert_true(strncmp(r->st[4].text, "It went from ", 13) == 0);
	assert_int_equal(r->checks_failed, 1);

	/* hints one at a time, then the solution, then nothing */
	assert_int_equal(lesson_reveal_hint(r, 8), 1);
	assert_int_equal(lesson_reveal_hint(r, 8), 2);
	assert_int_equal(lesson_reveal_hint(r, 8), 3);
	assert_int_equal(lesson_reveal_hint(r, 8), -1);
	assert_int_equal(lesson_reveal_hint(r, 0), -1);

	{
		char *e = lesson_subst(r, "{early} {missing}");

		assert_non_null(strstr(e, "{missing: not available}"));
		free(e);
	}
	assert_int_equal(lesson_enter_page(r, 5), LR_END);	/* clamped */
	assert_int_equal(r->page, 1);
	lesson_run_free(r);
	lesson_free(l);
	transcript_free(t);
	session_free(s);
}

static size_t
count_errors(const struct transcript *t)
{
	size_t n = 0;

	for (size_t i = 0; i < transcript_count(t); i++)
		n += transcript_item(t, i)->kind == TR_ERROR;
	return n;
}

/* Enters page k and plays it to its end, answering every quiz with the
 * keyed choice; LR_END or LR_ERROR. */
static int
play_page(struct lesson_run *r, int k)
{
	const struct lesson_page *pg = &r->lesson->pages[k];
	int rc = lesson_enter_page(r, k);

	while (rc == LR_WAIT || rc == LR_OK) {
		if (rc == LR_WAIT && lesson_answer(r,
		    pg->blocks[lesson_waiting(r)].answer) == LR_ERROR)
			return LR_ERROR;
		rc = lesson_step(r);
	}
	return rc;
}

/*
 * Jumping forward runs what the pages jumped over would have run (command
 * steps, @remember, predict experiments), quietly, so the state is the
 * same as after reading them; the rest of a page left at a quiz runs too;
 * nothing runs twice.
 */
static void
goto_catches_up(void **state)
{
	struct session *s = session_new(3), *ref = session_new(3);
	struct transcript *t = transcript_new(), *tref = transcript_new();
	struct lesson *l = lesson_parse("small.lesson", small, NULL, NULL);
	struct lesson_run *r, *rr;
	double v, vref, early;
	const char *info;

	(void)state;
	assert_non_null(l);
	/* the reference: page 0 read and answered */
	rr = lesson_run_new(l, ref, tref);
	assert_int_equal(play_page(rr, 0), LR_END);
	assert_int_equal(lesson_enter_page(rr, 1), LR_END);
	assert_int_equal(session_query(ref, "val_loss", &vref), 0);

	/* straight to page 1 */
	r = lesson_run_new(l, s, t);
	assert_int_equal(lesson_enter_page(r, 1), LR_END);
	assert_int_equal(session_query(s, "epochs_trained", &v), 0);
	assert_close(v, 65, 0);		/* train 5, then the predict's 60 */
	assert_int_equal(session_query(s, "val_loss", &v), 0);
	assert_close(v, vref, 0);
	assert_int_equal(lesson_recall(r, "early", &early), 0);
	assert_int_equal(r->checks_failed, 0);	/* not evaluated */
	/* quietly: one info line, no echo of the commands */
	assert_int_equal(transcript_count(t), 1);
	info = transcript_item(t, 0)->text;
	assert_string_equal(info, "lesson: command steps run for the pages "
	    "skipped: 1");
	/* the same page again starts clean: page 0 caught up once more,
	 * nothing runs twice */
	assert_int_equal(lesson_goto(r, 1), 1);
	assert_int_equal(session_query(s, "epochs_trained", &v), 0);
	assert_close(v, 65, 0);
	assert_int_equal(session_query(s, "val_loss", &v), 0);
	assert_close(v, vref, 0);
	lesson_run_free(r);

	/* page 0 left at its quiz: only the rest runs (the experiment) */
	session_free(s);
	s = session_new(3);
	transcript_clear(t);
	r = lesson_run_new(l, s, t);
	assert_int_equal(lesson_enter_page(r, 0), LR_WAIT);
	assert_int_equal(lesson_goto(r, 1), 1);
	assert_int_equal(session_query(s, "epochs_trained", &v), 0);
	assert_close(v, 65, 0);
	assert_int_equal(session_query(s, "val_loss", &v), 0);
	assert_close(v, vref, 0);
	assert_int_equal(count_errors(t), 0);
	lesson_run_free(r);
	lesson_run_free(rr);
	lesson_free(l);
	transcript_free(t);
	transcript_free(tref);
	session_free(s);
	session_free(ref);
}

/* What the TUI's epoch hook does while a jump catches up: redraw the page
 * it still shows, asking lesson_waiting() and reading its states. */
static int hook_calls, hook_without_states;

static int
redraw_hook(void *ctx, const struct cmd_epoch_info *info)
{
	const struct lesson_run *r = ctx;

	(void)info;
	hook_calls++;
	if (r->st == NULL)
		hook_without_states++;
	else
		(void)r->st[r->next < 1 ? 0 : r->next - 1].answer;
	(void)lesson_waiting(r);
	return 0;
}

/* 'g' from a page left at its quiz to a page past the training steps: the
 * shown page's states live until the catch-up is over (the shell crashed
 * in lesson_waiting() on freed states). */
static void
goto_redraws_during_catch_up(void **state)
{
	struct session *s = session_new(3);
	struct transcript *t = transcript_new();
	struct lesson *l = lesson_parse("small.lesson", small, NULL, NULL);
	struct lesson_run *r;

	(void)state;
	assert_non_null(l);
	r = lesson_run_new(l, s, t);
	assert_int_equal(lesson_waiting(r), -1);	/* no page yet */
	session_set_epoch_hook(s, redraw_hook, r);
	hook_calls = hook_without_states = 0;
	assert_int_equal(lesson_enter_page(r, 0), LR_WAIT);
	assert_int_equal(lesson_enter_page(r, 1), LR_END);
	assert_true(hook_calls > 5);	/* the predict's 60 epochs ran */
	assert_int_equal(hook_without_states, 0);
	session_set_epoch_hook(s, NULL, NULL);
	lesson_run_free(r);
	lesson_free(l);
	transcript_free(t);
	session_free(s);
}

/* Every page of every lesson can be reached directly (the TUI's 'g') and
 * then plays without an error and with its checkpoints passing. */
static void
every_page_reachable_by_jump(void **state)
{
	static const char *const files[] = {
	    "lessons/en/00-tour.lesson", "lessons/en/01-overfitting.lesson",
	    "lessons/en/02-l1-l2.lesson", "lessons/en/03-vanishing.lesson",
	    "lessons/en/04-normalization.lesson", "lessons/en/06-depth.lesson",
	    "lessons/ko/01-overfitting.lesson" };

	(void)state;
	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		char *path = test_srcpath(files[f]);
		struct lesson *l = lesson_load(path, NULL, NULL);

		assert_non_null(l);
		for (int k = 1; k < l->npages; k++) {
			struct session *s = session_new(l->seed);
			struct transcript *t = transcript_new();
			struct lesson_run *r = lesson_run_new(l, s, t);
			int rc = play_page(r, k);

			if (rc != LR_END || count_errors(t) != 0 ||
			    r->checks_failed != 0) {
				char *text = transcript_text(t);

				print_error("%s page %d: rc %d, %d checks "
				    "failed\n%s", files[f], k + 1, rc,
				    r->checks_failed, text);
				free(text);
			}
			assert_int_equal(rc, LR_END);
			assert_int_equal(count_errors(t), 0);
			assert_int_equal(r->checks_failed, 0);
			lesson_run_free(r);
			transcript_free(t);
			session_free(s);
		}
		lesson_free(l);
		free(path);
	}
}

/* The tour tells, in both languages, how to scroll a long page (j/k,
 * Space) and the output area ([ and ]), as the lesson shell offers. */
static void
tour_mentions_scroll_keys(void **state)
{
	static const char *const files[] = { "lessons/en/00-tour.lesson",
	    "lessons/ko/00-tour.lesson" };
	static const char *const keys[] = { "`j`", "`k`", "`Space`", "`[`",
	    "`]`", "`g`" };

	(void)state;
	for (size_t f = 0; f < 2; f++) {
		char *path = test_srcpath(files[f]);
		struct lesson *l = lesson_load(path, NULL, NULL);
		struct strbuf all;

		assert_non_null(l);
		strbuf_init(&all);
		for (int i = 0; i < l->pages[0].nblocks; i++)
			if (l->pages[0].blocks[i].kind == LB_TEXT)
				strbuf_addf(&all, "%s\n",
				    l->pages[0].blocks[i].text);
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if (strstr(all.s, keys[k]) == NULL)
				fail_msg("%s: the first page does not mention "
				    "%s", files[f], keys[k]);
		strbuf_done(&all);
		lesson_free(l);
		free(path);
	}
}

/* Renders a number as a lesson text does ({NAME}): "%.4g" in range. */
static void
fmt4(char *buf, size_t n, double v)
{
	snprintf(buf, n, "%.4g", v);
}

/*
 * A text shows the values of its moment: a quiz explanation when it is
 * answered, a @pass text when its check is evaluated, not the values after
 * a later step of the page (lesson 4 page 4 showed the later run's
 * accuracy in the shell).
 */
static const char moment[] =
    "@title Moment\n@lang en\n@seed 2\n"
    "@page One\n"
    "> data poly n=30 noise=0.1; net 1-8-1 act=tanh; train 5\n"
    "@quiz q\nQ?\n@choice a A\n@choice b B\n@answer a\n"
    "@explain now {val_loss}\n@end\n"
    "> train 40 lr=0.05\n"
    "@check val_loss < 1000\n"
    "@pass then {val_loss}\n"
    "> train 40 lr=0.05\n";

static void
texts_of_their_moment(void **state)
{
	struct session *s = session_new(2);
	struct transcript *t = transcript_new();
	struct lesson *l = lesson_parse("m.lesson", moment, NULL, NULL);
	struct lesson_run *r;
	double v1, v2, v3;
	char want[64], num[32];

	(void)state;
	assert_non_null(l);
	r = lesson_run_new(l, s, t);
	assert_int_equal(lesson_enter_page(r, 0), LR_WAIT);
	assert_int_equal(session_query(s, "val_loss", &v1), 0);
	assert_int_equal(lesson_answer(r, 0), LR_OK);
	assert_int_equal(lesson_step(r), LR_OK);	/* train 40 */
	assert_int_equal(session_query(s, "val_loss", &v2), 0);
	while (lesson_step(r) == LR_OK)
		;
	assert_int_equal(session_query(s, "val_loss", &v3), 0);
	assert_true(v1 != v2 && v2 != v3);
	fmt4(num, sizeof num, v1);
	snprintf(want, sizeof want, "now %s", num);
	assert_string_equal(r->st[1].text, want);
	fmt4(num, sizeof num, v2);
	snprintf(want, sizeof want, "then %s", num);
	assert_string_equal(r->st[3].text, want);
	assert_int_equal(r->st[3].result, 1);
	lesson_run_free(r);
	lesson_free(l);
	transcript_free(t);
	session_free(s);
}

/* What session_dump() says plus the remembered values: the state a test
 * compares. */
static char *
state_of(struct lesson_run *r)
{
	char *d = session_dump(r->session);
	struct strbuf b;
	double v;

	strbuf_init(&b);
	strbuf_adds(&b, d);
	free(d);
	if (session_query(r->session, "val_loss", &v) == 0)
		strbuf_addf(&b, "val_loss %.17g\n", v);
	if (session_query(r->session, "epochs_trained", &v) == 0)
		strbuf_addf(&b, "epochs %.17g\n", v);
	for (int i = 0; i < r->nvalues; i++)
		strbuf_addf(&b, "%s=%.17g\n", r->names[i], r->values[i]);
	return strbuf_detach(&b);
}

static const char three[] =
    "@title Three\n@lang en\n@seed 4\n"
    "@page One\n"
    "> data poly n=30 noise=0.1; net 1-6-1 act=tanh\n"
    "> train 20\n"
    "@remember first val_loss\n"
    "@page Two\n"
    "> set lambda 0.01; set reg l2\n"
    "> train 30\n"
    "@remember second val_loss\n"
    "@page Three\n"
    "> train 10\n"
    "@check val_loss < 10*second\n";

/* The state at the start of page k when pages 0..k-1 are played in order
 * on a fresh session (caller frees). */
static char *
reference_state(struct lesson *l, int k)
{
	struct session *s = session_new(l->seed);
	struct transcript *t = transcript_new();
	struct lesson_run *r = lesson_run_new(l, s, t);
	char *st;

	for (int q = 0; q < k; q++)
		assert_int_equal(play_page(r, q), LR_END);
	lesson_goto(r, k);
	st = state_of(r);
	lesson_run_free(r);
	transcript_free(t);
	session_free(s);
	return st;
}

/*
 * Going back, to the same page again, or re-running a page starts clean:
 * the page is in the state that playing the pages before it in order
 * gives, whatever the learner typed meanwhile and whatever ran before the
 * lesson on the same session.
 */
static void
back_and_restart_start_clean(void **state)
{
	struct lesson *l = lesson_parse("three.lesson", three, NULL, NULL);
	struct session *s = session_new(99);
	struct transcript *t = transcript_new();
	struct lesson_run *r;
	char *ref[3], *got;
	double v;

	(void)state;
	assert_non_null(l);
	for (int k = 0; k < 3; k++)
		ref[k] = reference_state(l, k);
	/* a session that has been used: another seed, settings, a net */
	assert_int_equal(cmd_execute(s, "data moons n=40; net 2-5-1; "
	    "set early on; set batch 2; train 3", t), CMD_OK);
	r = lesson_run_new(l, s, t);
	assert_int_equal(r->seed, 4);
	/* forward: pages caught up on top of the used session */
	assert_int_equal(play_page(r, 0), LR_END);
	assert_int_equal(play_page(r, 1), LR_END);
	assert_int_equal(play_page(r, 2), LR_END);
	/* the learner's own experiment on page 3 */
	assert_int_equal(cmd_execute(s, "set lambda 0.5; train 50", t),
	    CMD_OK);

	/* back to page 2: clean, page 1 caught up */
	lesson_goto(r, 1);
	got = state_of(r);
	assert_string_equal(got, ref[1]);
	free(got);
	assert_int_equal(lesson_recall(r, "second", &v), -1);	/* cleared */
	assert_int_equal(lesson_recall(r, "first", &v), 0);	/* rebuilt */

	/* back to page 1: no net, no data, nothing remembered */
	lesson_goto(r, 0);
	got = state_of(r);
	assert_string_equal(got, ref[0]);
	free(got);
	assert_int_equal(r->nvalues, 0);
	assert_int_equal(session_query(s, "epochs_trained", &v), -1);

	/* forward to page 3, the learner trains, then re-runs the page */
	assert_int_equal(play_page(r, 2), LR_END);
	assert_int_equal(cmd_execute(s, "train 25", t), CMD_OK);
	assert_int_equal(lesson_restart_page(r), LR_END);
	assert_int_equal(r->page, 2);
	assert_int_equal(r->st[1].result, 1);
	assert_int_equal(session_query(s, "epochs_trained", &v), 0);
	assert_close(v, 60, 0);		/* 20 + 30 + 10: not the learner's 25 */

	/* 'the same page again' is a restart too */
	lesson_goto(r, 2);
	got = state_of(r);
	assert_string_equal(got, ref[2]);
	free(got);

	/* restart on page 1 without anything run: a fresh session still */
	lesson_goto(r, 0);
	assert_int_equal(cmd_execute(s, "set lambda 0.3", t), CMD_OK);
	assert_int_equal(lesson_restart_page(r), LR_END);
	assert_int_equal(session_query(s, "lambda", &v), 0);
	assert_close(v, 0, 0);
	for (int k = 0; k < 3; k++)
		free(ref[k]);
	lesson_run_free(r);
	lesson_free(l);
	transcript_free(t);
	session_free(s);
}

/* A run's seed is the one a clean start uses (--seeds sets another). */
static void
restart_uses_run_seed(void **state)
{
	struct lesson *l = lesson_parse("three.lesson", three, NULL, NULL);
	struct session *s = session_new(4);
	struct transcript *t = transcript_new();
	struct lesson_run *r;
	double a, b;

	(void)state;
	assert_non_null(l);
	r = lesson_run_new(l, s, t);
	assert_int_equal(play_page(r, 0), LR_END);
	assert_int_equal(lesson_recall(r, "first", &a), 0);
	r->seed = 5;
	assert_int_equal(lesson_restart_page(r), LR_END);
	assert_int_equal(lesson_recall(r, "first", &b), 0);
	assert_true(a != b);
	lesson_run_free(r);
	lesson_free(l);
	transcript_free(t);
	session_free(s);
}

/* @expect: met when the learner's commands make it true (every line of
 * it), only for try-its reached, once. */
static const char tryit[] =
    "@title Try\n@lang en\n@seed 3\n"
    "@page One\n"
    "> data poly n=30 noise=0.1; net 1-8-1\n"
    "@try\nMake a weight exactly zero.\n"
    "@expect zero_frac > 0\n"
    "@hint Use L1.\n@solution train 200 reg=l1 lambda=0.3 l1mode=prox\n@end\n"
    "@try\nTrain at all, 10 epochs.\n"
    "@expect epochs_trained >= 1\n"
    "@expect epochs_trained >= 10\n"
    "@hint train.\n@solution train 1\n@end\n"
    "@try\nNo condition.\n@hint x\n@solution train 1\n@end\n";

static void
try_poll_expect(void **state)
{
	struct lesson *l = lesson_parse("try.lesson", tryit, NULL, NULL);
	struct session *s = session_new(3);
	struct transcript *t = transcript_new();
	struct lesson_run *r;

	(void)state;
	assert_non_null(l);
	r = lesson_run_new(l, s, t);
	assert_int_equal(lesson_try_poll(r), 0);	/* nothing reached */
	assert_int_equal(lesson_enter_page(r, 0), LR_END);
	assert_int_equal(lesson_try_poll(r), 0);	/* no training yet */
	assert_false(r->st[1].met);
	assert_int_equal(cmd_execute(s, "train 5", t), CMD_OK);
	/* one of the second try-it's two conditions: not met */
	assert_int_equal(lesson_try_poll(r), 0);
	assert_false(r->st[1].met);
	assert_false(r->st[2].met);
	assert_int_equal(cmd_execute(s, "train 200 reg=l1 lambda=0.3 l1mode=prox", t),
	    CMD_OK);
	assert_int_equal(lesson_try_poll(r), 2);	/* now both */
	assert_true(r->st[1].met);
	assert_true(r->st[2].met);
	assert_int_equal(lesson_try_poll(r), 0);	/* once */
	assert_false(r->st[3].met);
	lesson_run_free(r);
	lesson_free(l);
	transcript_free(t);
	session_free(s);
}

/* --batch shows a try-it's condition as written. */
static void
batch_shows_expect(void **state)
{
	struct lesson_render ro = { .glyphs = CMD_GLYPH_ASCII,
	    .colors = CMD_COLOR_NONE, .width = 72, .height = 16 };
	struct lesson *l = lesson_parse("try.lesson", tryit, NULL, NULL);
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_non_null(l);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(lesson_batch(l, f, &ro), 0);
	fclose(f);
	assert_non_null(strstr(buf, "\n  Done when: zero_frac > 0\n"));
	assert_non_null(strstr(buf, "\n  Done when: epochs_trained >= 1 and "
	    "epochs_trained >= 10\n"));
	assert_null(strstr(strstr(buf, "No condition."), "Done when"));
	free(buf);
	lesson_free(l);
}

/*
 * Lesson 4's batch-size predict: its explanation names {val_loss} of the
 * batch-norm run at batch 2 (remembered right after as bn2), not the
 * layer-norm run that follows on the page (the shell once showed the later
 * run's value where --batch's check showed the earlier one); --batch prints
 * that text.
 */
static void
lesson4_predict_shows_its_moment(void **state)
{
	struct lesson_render ro = { .glyphs = CMD_GLYPH_ASCII,
	    .colors = CMD_COLOR_NONE, .width = 72, .height = 16 };
	char *path = test_srcpath("lessons/en/04-normalization.lesson");
	struct lesson *l = lesson_load(path, NULL, NULL);
	struct session *s;
	struct transcript *t;
	struct lesson_run *r;
	int page = -1, blk = -1;
	double bn2, now;
	char num[32], *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	assert_non_null(l);
	for (int p = 0; p < l->npages && page < 0; p++)
		for (int i = 0; i < l->pages[p].nblocks; i++)
			if (l->pages[p].blocks[i].id != NULL &&
			    strcmp(l->pages[p].blocks[i].id, "p-small") == 0) {
				page = p;
				blk = i;
			}
	if (page < 0)
		fail_msg("lesson 4 has no predict 'p-small' any more: update "
		    "this test to its batch-size predict");
	s = session_new(l->seed);
	t = transcript_new();
	r = lesson_run_new(l, s, t);
	for (int p = 0; p <= page; p++)
		assert_int_equal(play_page(r, p), LR_END);
	assert_int_equal(lesson_recall(r, "bn2", &bn2), 0);
	assert_int_equal(session_query(s, "val_loss", &now), 0);
	snprintf(num, sizeof num, "validation loss %.4g,", bn2);
	assert_non_null(r->st[blk].text);
	if (strstr(r->st[blk].text, num) == NULL)
		fail_msg("'%s' not in '%s' (val_loss at the end of the page: "
		    "%.4g)", num, r->st[blk].text, now);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	lesson_batch(l, f, &ro);
	fclose(f);
	assert_non_null(strstr(buf, num));
	free(buf);
	lesson_run_free(r);
	transcript_free(t);
	session_free(s);
	lesson_free(l);
	free(path);
}

/* Lesson 0 in batch mode is a golden transcript. */
static void
tour_golden(void **state)
{
	struct lesson_render ro = { .glyphs = CMD_GLYPH_ASCII,
	    .colors = CMD_COLOR_NONE, .width = 72, .height = 16 };
	char *path = test_srcpath("lessons/en/00-tour.lesson");
	struct strbuf d;
	struct lesson *l;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	strbuf_init(&d);
	l = lesson_load(path, &d, NULL);
	if (l == NULL)
		print_error("%s", d.s);
	assert_non_null(l);
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(lesson_batch(l, f, &ro), 0);
	fclose(f);
	assert_golden("lesson/00-tour.en.txt", buf);
	free(buf);
	lesson_free(l);
	strbuf_done(&d);
	free(path);
}

/* Lessons are found by number, name or path, in the right language. */
static void
finding_lessons(void **state)
{
	struct strbuf err;
	char *p, **v;
	int n;

	(void)state;
	strbuf_init(&err);
	p = lesson_resolve("1", "en", &err);
	assert_non_null(p);
	assert_non_null(strstr(p, "/lessons/en/01-"));
	free(p);
	p = lesson_resolve("overfitting", "ko", &err);
	assert_non_null(p);
	assert_non_null(strstr(p, "/lessons/ko/01-overfitting.lesson"));
	free(p);
	p = lesson_resolve("00-tour", "en", &err);
	assert_non_null(p);
	free(p);
	assert_null(lesson_resolve("99", "en", &err));
	assert_non_null(strstr(err.s, "no lesson '99'"));
	assert_non_null(strstr(err.s, "00-tour"));
	strbuf_done(&err);
	strbuf_init(&err);
	assert_null(lesson_resolve("/nonexistent/x.lesson", "en", &err));
	strbuf_done(&err);
	n = lesson_paths("en", &v);
	assert_true(n >= 5);
	assert_non_null(strstr(v[0], "00-tour.lesson"));
	assert_null(v[n]);
	lesson_paths_free(v);

	/* the shell decides the same way (these were tui_lang_pick's) */
	assert_string_equal(lesson_lang_pick(NULL, NULL, NULL, "ko_KR.UTF-8"),
	    "ko");
	assert_string_equal(lesson_lang_pick("", "C.UTF-8", NULL,
	    "ko_KR.UTF-8"), "en");
	assert_string_equal(lesson_lang_pick("ko", "C.UTF-8", NULL, NULL),
	    "ko");
	assert_string_equal(lesson_lang_pick(NULL, NULL, NULL, NULL), "en");
	assert_string_equal(lesson_lang_pick(NULL, NULL, NULL, "kok_IN"),
	    "en");
	assert_string_equal(lesson_lang_pick("ko:en", NULL, NULL, NULL), "ko");
	assert_string_equal(lesson_lang_pick(NULL, NULL, NULL, "korean"), "ko");
	assert_string_equal(lesson_lang_pick(NULL, "ko-KR", NULL, NULL), "ko");

	unsetenv("LANGUAGE");
	setenv("LC_ALL", "ko_KR.UTF-8", 1);
	assert_string_equal(lesson_env_lang(), "ko");
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("LANG", "ko_KR.UTF-8", 1);
	assert_string_equal(lesson_env_lang(), "en");	/* LC_ALL wins */
	unsetenv("LC_ALL");
	assert_string_equal(lesson_env_lang(), "ko");
	setenv("LANGUAGE", "en_US", 1);
	assert_string_equal(lesson_env_lang(), "en");
	unsetenv("LANGUAGE");
	unsetenv("LANG");
	unsetenv("LC_MESSAGES");
	assert_string_equal(lesson_env_lang(), "en");
	setenv("LC_ALL", "C.UTF-8", 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stepper_flow),
		cmocka_unit_test(goto_catches_up),
		cmocka_unit_test(goto_redraws_during_catch_up),
		cmocka_unit_test(every_page_reachable_by_jump),
		cmocka_unit_test(tour_golden),
		cmocka_unit_test(tour_mentions_scroll_keys),
		cmocka_unit_test(finding_lessons),
		cmocka_unit_test(texts_of_their_moment),
		cmocka_unit_test(back_and_restart_start_clean),
		cmocka_unit_test(restart_uses_run_seed),
		cmocka_unit_test(try_poll_expect),
		cmocka_unit_test(batch_shows_expect),
		cmocka_unit_test(lesson4_predict_shows_its_moment),
	};

	return cmocka_run_group_tests_name("lesson/run", tests, NULL, NULL);
}
