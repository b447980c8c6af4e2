/*
 * test-load.c - the lesson loader: a valid lesson becomes the expected
 * model, and every class of mistake is reported as file:line:col with the
 * line and a caret, all of them in one pass, never a half-loaded lesson.
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

#include "lesson/lesson.h"
#include "util/util.h"
#include "../testutil.h"

#define HEAD "@title T\n@lang en\n"

/* Parses text; returns the diagnostics (caller frees), *n the count. */
static char *
diag_of(const char *text, int *n)
{
	struct strbuf d;
	struct lesson *l;

	strbuf_init(&d);
	l = lesson_parse("t.lesson", text, &d, n);
	if (*n > 0)
		assert_null(l);
	else
		assert_non_null(l);
	lesson_free(l);
	return strbuf_detach(&d);
}

/* Expects exactly one problem whose message line starts with want. */
static void
expect_one(const char *text, const char *want)
{
	int n = 0;
	char *d = diag_of(text, &n);

	if (n != 1 || strncmp(d, want, strlen(want)) != 0) {
		print_error("want one problem starting \"%s\", got %d:\n%s\n",
		    want, n, d);
		free(d);
		fail();
	}
	free(d);
}

static void
valid_lesson_model(void **state)
{
	static const char text[] =
	    "# a comment\n"
	    "@title A **small** lesson\n"
	    "@lang ko\n"
	    "@seed 7\n"
	    "\n"
	    "@page First\n"
	    "Some text that\n"
	    "goes on.\n"
	    "- item one\n"
	    "- item two\n"
	    "\n"
	    "> data poly\n"
	    "@remember base train_loss\n"
	    "@check train_loss <= 2*base\n"
	    "@pass fine: {base}\n"
	    "@fail bad\n"
	    "\n"
	    "@page Second\n"
	    "@quiz q1\n"
	    "Which one?\n"
	    "@choice a First\n"
	    "@choice b Second\n"
	    "@answer b\n"
	    "@explain Because.\n"
	    "@end\n"
	    "@predict p1\n"
	    "Up or down?\n"
	    "@choice up Up\n"
	    "@choice down Down\n"
	    "@answer down\n"
	    "> data poly\n"
	    "@end\n"
	    "@try\n"
	    "Your turn.\n"
	    "@suggest data poly\n"
	    "@hint one\n"
	    "@hint two\n"
	    "@solution data poly\n"
	    "@end\n"
	    "\\@ not a directive\n";
	struct strbuf d;
	struct lesson *l;
	const struct lesson_page *pg;
	int n = -1;

	(void)state;
	strbuf_init(&d);
	l = lesson_parse("dir/03-small.lesson", text, &d, &n);
	if (l == NULL)
		print_error("%s", d.s);
	assert_non_null(l);
	assert_int_equal(n, 0);
	assert_string_equal(l->name, "03-small");
	assert_int_equal(lesson_number(l), 3);
	assert_string_equal(l->title, "A **small** lesson");
	assert_string_equal(l->lang, "ko");
	assert_int_equal(l->seed, 7);
	assert_int_equal(l->npages, 2);

	pg = &l->pages[0];
	assert_string_equal(pg->title, "First");
	assert_int_equal(pg->nblocks, 6);
	assert_int_equal(pg->blocks[0].kind, LB_TEXT);
	assert_string_equal(pg->blocks[0].text, "Some text that goes on.");
	assert_int_equal(pg->blocks[1].bullet, 1);
	assert_string_equal(pg->blocks[1].text, "item one");
	assert_int_equal(pg->blocks[2].bullet, 1);
	assert_int_equal(pg->blocks[3].kind, LB_CMD);
	assert_string_equal(pg->blocks[3].text, "data poly");
	assert_int_equal(pg->blocks[4].kind, LB_REMEMBER);
	assert_string_equal(pg->blocks[4].name, "base");
	assert_string_equal(pg->blocks[4].metric, "train_loss");
	assert_int_equal(pg->blocks[5].kind, LB_CHECK);
	assert_int_equal(pg->blocks[5].line, 14);
	assert_int_equal(pg->blocks[5].op, LOP_LE);
	assert_int_equal(pg->blocks[5].lhs.kind, LO_METRIC);
	assert_int_equal(pg->blocks[5].rhs.kind, LO_NAME);
	assert_close(pg->blocks[5].rhs.factor, 2, 0);
	assert_string_equal(pg->blocks[5].pass, "fine: {base}");
	assert_string_equal(pg->blocks[5].fail, "bad");

	pg = &l->pages[1];
	assert_int_equal(pg->nblocks, 4);
	assert_int_equal(pg->blocks[0].kind, LB_QUIZ);
	assert_string_equal(pg->blocks[0].id, "q1");
	assert_string_equal(pg->blocks[0].text, "Which one?");
	assert_int_equal(pg->blocks[0].nchoices, 2);
	assert_int_equal(pg->blocks[0].answer, 1);
	assert_string_equal(pg->blocks[0].explain, "Because.");
	assert_int_equal(pg->blocks[1].kind, LB_PREDICT);
	assert_int_equal(pg->blocks[1].ncmds, 1);
	assert_int_equal(pg->blocks[1].answer, 1);
	assert_int_equal(pg->blocks[2].kind, LB_TRY);
	assert_int_equal(pg->blocks[2].nhints, 2);
	assert_string_equal(pg->blocks[2].suggest, "data poly");
	assert_string_equal(pg->blocks[2].solution, "data poly");
	assert_int_equal(pg->blocks[3].kind, LB_TEXT);
	assert_string_equal(pg->blocks[3].text, "@ not a directive");
	lesson_free(l);
	strbuf_done(&d);
}

static void
error_unknown_directive(void **state)
{
	(void)state;
	expect_one(HEAD "@page P\ntext\n@quz q1\n",
	    "t.lesson:5:1: unknown directive '@quz' (did you mean '@quiz'?)");
}

static void
error_bad_command(void **state)
{
	int n = 0;
	char *d;

	(void)state;
	/* the caret points into the command: column 3 is its first word */
	d = diag_of(HEAD "@page P\n> trian 10\n", &n);
	assert_int_equal(n, 1);
	assert_true(strncmp(d, "t.lesson:4:3: ", 14) == 0);
	assert_non_null(strstr(d, "trian"));
	assert_non_null(strstr(d, "    4 | > trian 10\n      |   ^\n"));
	free(d);
	/* valid commands a lesson may not run by itself */
	d = diag_of(HEAD "@page P\n> data poly; quit\n", &n);
	assert_int_equal(n, 1);
	assert_true(strncmp(d, "t.lesson:4:14: 'quit' is not allowed", 36)
	    == 0);
	free(d);
	/* a bad argument: the caret moves to it */
	d = diag_of(HEAD "@page P\n> data poly; train -5\n", &n);
	assert_int_equal(n, 1);
	assert_true(strncmp(d, "t.lesson:4:", 11) == 0);
	assert_true(atoi(d + 11) > 13);
	free(d);
}

static void
error_unknown_metric(void **state)
{
	(void)state;
	expect_one(HEAD "@page P\n@check val_los < 1\n",
	    "t.lesson:4:8: unknown metric or name 'val_los' "
	    "(did you mean 'val_loss'?)");
	expect_one(HEAD "@page P\n@remember a val_los\n",
	    "t.lesson:4:13: unknown metric 'val_los' "
	    "(did you mean 'val_loss'?)");
	/* grad_norm.K takes a layer number */
	expect_one(HEAD "@page P\n@check grad_norm.x < 1\n",
	    "t.lesson:4:8: unknown metric or name 'grad_norm.x'");
}

static void
error_name_before_remember(void **state)
{
	(void)state;
	expect_one(HEAD "@page P\n> data poly\n@check val_loss < base\n"
	    "@remember base val_loss\n",
	    "t.lesson:5:19: 'base' is used before it is remembered "
	    "(@remember at line 6)");
	expect_one(HEAD "@page P\n> data poly\n@check val_loss < 1\n"
	    "@pass got {nothing}\n",
	    "t.lesson:6:12: unknown metric or name 'nothing'");
}

static void
error_duplicates(void **state)
{
	(void)state;
	expect_one(HEAD "@page P\n@quiz q\nQ?\n@choice a A\n@choice b B\n"
	    "@answer a\n@end\n@quiz q\nQ?\n@choice a A\n@choice b B\n"
	    "@answer a\n@end\n",
	    "t.lesson:10:7: duplicate quiz id 'q' (first used at line 4)");
	expect_one(HEAD "@page P\n@remember a val_loss\n"
	    "@remember a train_loss\n",
	    "t.lesson:5:11: 'a' is already remembered (line 4)");
	expect_one(HEAD "@page P\n@quiz q\nQ?\n@choice a A\n@choice a B\n"
	    "@answer a\n@end\n",
	    "t.lesson:7:9: duplicate choice key 'a'");
	expect_one("@title T\n@title U\n@lang en\n@page P\ntext\n",
	    "t.lesson:2:1: duplicate @title");
}

static void
error_quiz_keys(void **state)
{
	(void)state;
	expect_one(HEAD "@page P\n@quiz q\nQ?\n@choice a A\n@choice b B\n"
	    "@answer c\n@end\n",
	    "t.lesson:8:9: @answer 'c' is not one of the choices");
	expect_one(HEAD "@page P\n@quiz q\nQ?\n@choice a A\n@answer a\n@end\n",
	    "t.lesson:4:1: @quiz needs at least two @choice lines");
	expect_one(HEAD "@page P\n@predict p\nQ?\n@choice a A\n@choice b B\n"
	    "@answer a\n@end\n",
	    "t.lesson:4:1: @predict needs the experiment");
}

/* A quiz has at most LESSON_CHOICES_MAX choices: they are labelled with
 * the digits 1 to 9. */
static void
error_too_many_choices(void **state)
{
	struct strbuf t;
	int k;

	(void)state;
	strbuf_init(&t);
	strbuf_adds(&t, HEAD "@page P\n@quiz q\nQ?\n");
	for (k = 0; k < LESSON_CHOICES_MAX + 1; k++)
		strbuf_addf(&t, "@choice c%d C\n", k);
	strbuf_adds(&t, "@answer c0\n@end\n");
	expect_one(t.s, "t.lesson:15:1: @quiz has more than 9 choices "
	    "(they are labelled 1 to 9)");
	strbuf_done(&t);
}

/* Choices are answered by their labels 1, 2, 3 (keys pressed, words
 * typed) and by their keys only when typed; no letter key answers. */
static void
choice_labels(void **state)
{
	struct lesson *l;
	const struct lesson_block *b;
	char range[16], *keys;

	(void)state;
	l = lesson_parse("t.lesson", HEAD "@page P\n@quiz q\nQ?\n"
	    "@choice none N\n@choice most M\n@choice bn B\n@answer bn\n"
	    "@end\n", NULL, NULL);
	assert_non_null(l);
	b = &l->pages[0].blocks[0];
	assert_int_equal(b->kind, LB_QUIZ);
	assert_string_equal(lesson_choice_label(0), "1");
	assert_string_equal(lesson_choice_label(8), "9");
	assert_string_equal(lesson_choice_label(9), "?");
	assert_int_equal(lesson_choice_of_key(b, '1'), 0);
	assert_int_equal(lesson_choice_of_key(b, '3'), 2);
	assert_int_equal(lesson_choice_of_key(b, '4'), -1);
	assert_int_equal(lesson_choice_of_key(b, '0'), -1);
	/* the first letters of the keys are page keys, never answers */
	assert_int_equal(lesson_choice_of_key(b, 'n'), -1);
	assert_int_equal(lesson_choice_of_key(b, 'm'), -1);
	assert_int_equal(lesson_choice_of_key(b, 'b'), -1);
	assert_int_equal(lesson_choice_of_word(b, "2"), 1);
	assert_int_equal(lesson_choice_of_word(b, "bn"), 2);
	assert_int_equal(lesson_choice_of_word(b, "none"), 0);
	assert_int_equal(lesson_choice_of_word(b, "b"), -1);
	assert_int_equal(lesson_choice_of_word(b, "4"), -1);
	lesson_choice_range(b, range, sizeof(range));
	assert_string_equal(range, "1-3");
	keys = lesson_choice_keys(b, "|");
	assert_string_equal(keys, "none|most|bn");
	free(keys);
	lesson_free(l);
}

static void
error_structure(void **state)
{
	(void)state;
	expect_one(HEAD "@page P\n@quiz q\nQ?\n@choice a A\n@choice b B\n"
	    "@answer a\n",
	    "t.lesson:4:1: @quiz block is not closed with @end "
	    "(reached end of file)");
	expect_one(HEAD "text first\n@page P\ntext\n",
	    "t.lesson:3:1: text before the first @page");
	expect_one(HEAD "@page P\ntext\n@choice a A\n",
	    "t.lesson:5:1: @choice belongs inside a @quiz or @predict block");
	expect_one(HEAD "@page P\ntext\n@end\n",
	    "t.lesson:5:1: @end without an open");
	expect_one(HEAD "@page P\ntext\n@pass yes\n",
	    "t.lesson:5:1: @pass must follow a @check line");
	expect_one(HEAD "@page P\n@quiz q\nQ?\n> data poly\n@choice a A\n"
	    "@choice b B\n@answer a\n@end\n",
	    "t.lesson:6:1: commands inside @quiz are not allowed");
	expect_one(HEAD "@page P\n@try\nDo it.\n@hint h\n@end\n",
	    "t.lesson:4:1: @try needs a @solution command");
	expect_one(HEAD "@page Empty\n@page P\ntext\n",
	    "t.lesson:3:1: page has no content");
	expect_one("@lang en\n@page P\ntext\n",
	    "t.lesson:1:1: missing @title in the header");
	expect_one(HEAD "@page P\n@check 1 < 2\n",
	    "t.lesson:4:8: a checkpoint compares a metric");
	expect_one(HEAD "@page P\n@check val_loss = 2\n",
	    "t.lesson:4:17: expected a comparison");
	expect_one("@title T\n@lang fr\n@page P\ntext\n",
	    "t.lesson:2:7: unknown language 'fr' (allowed: en, ko)");
}

static void
error_emphasis_and_utf8(void **state)
{
	int n = 0;
	char *d;

	(void)state;
	expect_one(HEAD "@page P\nsome `code here\n",
	    "t.lesson:4:6: unterminated `code` span");
	/* a span may continue on the next line of its paragraph */
	d = diag_of(HEAD "@page P\nsome **bold\ntext** here\n", &n);
	assert_int_equal(n, 0);
	free(d);
	expect_one(HEAD "@page P\nsome **bold\n\ntext here\n",
	    "t.lesson:4:6: unterminated **bold** span");
	expect_one(HEAD "@page P\n@quiz q\nQ `a?\n@choice a A\n"
	    "@choice b B\n@answer a\n@end\n",
	    "t.lesson:5:3: unterminated `code` span");
	/* Hangul: columns count display width, the caret lines up */
	d = diag_of(HEAD "@page P\n가나 **굵게\n", &n);
	assert_int_equal(n, 1);
	assert_true(strncmp(d, "t.lesson:4:6: unterminated **bold**", 35)
	    == 0);
	assert_non_null(strstr(d, "    4 | 가나 **굵게\n      |      ^\n"));
	free(d);
	expect_one(HEAD "@page P\nab\xff" "cd\n",
	    "t.lesson:4:3: invalid UTF-8 byte 0xff");
}

static void
all_errors_reported(void **state)
{
	int n = 0;
	char *d;

	(void)state;
	d = diag_of("@lang xx\n@page P\n@quz\n> trian\n@check nope < 1\n"
	    "@quiz q\n", &n);
	/* language, directive, command, metric, unclosed quiz (no question,
	 * choices, answer), missing title */
	assert_true(n >= 6);
	assert_non_null(strstr(d, "t.lesson:1:7:"));
	assert_non_null(strstr(d, "t.lesson:3:1:"));
	assert_non_null(strstr(d, "t.lesson:4:3:"));
	assert_non_null(strstr(d, "t.lesson:5:8:"));
	assert_non_null(strstr(d, "t.lesson:6:1:"));
	free(d);
}

/* A broken file on disk: the whole report is a golden file. */
static void
broken_file_golden(void **state)
{
	char *path = test_srcpath("tests/lesson/broken.lesson");
	struct strbuf d;
	struct lesson *l;
	const char *base;
	int n = 0;

	(void)state;
	strbuf_init(&d);
	l = lesson_load(path, &d, &n);
	assert_null(l);
	assert_true(n > 5);
	/* golden text without the source directory */
	base = strstr(d.s, "tests/lesson/");
	assert_non_null(base);
	{
		char *rel = xstrdup(d.s);
		char *dir = xstrndup(d.s, (size_t)(base - d.s));
		struct strbuf out;
		char *q = rel, *hit;

		strbuf_init(&out);
		while ((hit = strstr(q, dir)) != NULL && *dir != '\0') {
			strbuf_add(&out, q, (size_t)(hit - q));
			q = hit + strlen(dir);
		}
		strbuf_adds(&out, q);
		assert_golden("lesson/broken.diag", out.s);
		strbuf_done(&out);
		free(rel);
		free(dir);
	}
	strbuf_done(&d);
	free(path);
	/* a missing file is one problem, not a crash */
	strbuf_init(&d);
	assert_null(lesson_load("/nonexistent/x.lesson", &d, &n));
	assert_int_equal(n, 1);
	assert_non_null(strstr(d.s, "/nonexistent/x.lesson: "));
	strbuf_done(&d);
}

/* $LESSONDATA: lessons/data beside the lesson's language directory,
 * whatever the path looks like (a one-letter file name included). */
static void
lessondata_expands(void **state)
{
	static const struct {
		const char *path, *want;
	} cases[] = {
		{ "/x/lessons/en/02-l1.lesson", "/x/lessons/data" },
		{ "lessons/en/02-l1.lesson", "lessons/data" },
		{ "en/02-l1.lesson", "./data" },
		{ "./a", "../data" },
		{ "a", "../data" },
	};
	const char *text = HEAD "@page P\n"
	    "> data load $LESSONDATA/outlier.csv split=1\n";
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		struct lesson *l = lesson_parse(cases[i].path, text, NULL,
		    NULL);
		assert_non_null(l);
		/* shown as written; data load reads it in l->datadir */
		assert_string_equal(l->pages[0].blocks[0].text,
		    "data load $LESSONDATA/outlier.csv split=1");
		assert_string_equal(l->datadir, cases[i].want);
		lesson_free(l);
	}
}

/* Problems found in different passes (syntax, commands, references) are
 * reported in file order. */
static void
problems_in_file_order(void **state)
{
	const char *text =
	    "@title T\n@lang en\n@page P\nhello **bold\n> net 2--3\n"
	    "> trian 5\n@check val_los < 3\n";
	struct strbuf d;
	const char *q;
	int n = 0, last = 0, seen = 0;

	(void)state;
	strbuf_init(&d);
	assert_null(lesson_parse("t.lesson", text, &d, &n));
	assert_int_equal(n, 4);
	for (q = d.s; (q = strstr(q, "t.lesson:")) != NULL; q++) {
		int line = atoi(q + strlen("t.lesson:"));

		assert_true(line >= last);
		last = line;
		seen++;
	}
	assert_int_equal(seen, 4);
	assert_non_null(strstr(d.s, "t.lesson:4:7: unterminated"));
	strbuf_done(&d);
}

/* "@expect EXPR" inside @try: the condition of @check, validated the same
 * way with file:line:column; once per try-it; nowhere else. */
#define TRY_OPEN "@page P\n> data poly; net 1-4-1\n@try\nMake a zero.\n"
#define TRY_CLOSE "@hint Use l1.\n@solution train 10 reg=l1\n@end\n"

static void
try_expect(void **state)
{
	struct lesson *l;
	const struct lesson_block *b;
	char *e;

	(void)state;
	l = lesson_parse("t.lesson", HEAD "@page P\n> data poly\n"
	    "@remember v0 lambda\n@try\nDo it.\n"
	    "@expect zero_frac >= 0.5*v0\n" TRY_CLOSE, NULL, NULL);
	assert_non_null(l);
	b = &l->pages[0].blocks[2];
	assert_int_equal(b->kind, LB_TRY);
	assert_true(b->expect);
	assert_int_equal(b->lhs.kind, LO_METRIC);
	assert_string_equal(b->lhs.word, "zero_frac");
	assert_int_equal(b->op, LOP_GE);
	assert_int_equal(b->rhs.kind, LO_NAME);
	assert_close(b->rhs.factor, 0.5, 0);
	e = lesson_expr_text(b);
	assert_string_equal(e, "zero_frac >= 0.5*v0");
	free(e);
	lesson_free(l);

	/* a try-it without @expect has none */
	l = lesson_parse("t.lesson", HEAD TRY_OPEN TRY_CLOSE, NULL, NULL);
	assert_non_null(l);
	assert_false(l->pages[0].blocks[1].expect);
	lesson_free(l);

	expect_one(HEAD TRY_OPEN "@expect zero_fraq > 0\n" TRY_CLOSE,
	    "t.lesson:7:9: unknown metric or name 'zero_fraq' (did you mean "
	    "'zero_frac'?)");
	expect_one(HEAD TRY_OPEN "@expect zero_frac = 0\n" TRY_CLOSE,
	    "t.lesson:7:19: expected a comparison");
	expect_one(HEAD TRY_OPEN "@expect 1 < 2\n" TRY_CLOSE,
	    "t.lesson:7:9: @expect compares a metric");
	expect_one(HEAD TRY_OPEN "@expect zero_frac > 0\n"
	    "@expect w_norm < 1\n" TRY_CLOSE,
	    "t.lesson:8:1: duplicate @expect");
	expect_one(HEAD "@page P\ntext\n@expect zero_frac > 0\n",
	    "t.lesson:5:1: @expect belongs inside a @try block");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_lesson_model),
		cmocka_unit_test(error_unknown_directive),
		cmocka_unit_test(error_bad_command),
		cmocka_unit_test(error_unknown_metric),
		cmocka_unit_test(error_name_before_remember),
		cmocka_unit_test(error_duplicates),
		cmocka_unit_test(error_quiz_keys),
		cmocka_unit_test(error_too_many_choices),
		cmocka_unit_test(choice_labels),
		cmocka_unit_test(error_structure),
		cmocka_unit_test(error_emphasis_and_utf8),
		cmocka_unit_test(all_errors_reported),
		cmocka_unit_test(broken_file_golden),
		cmocka_unit_test(lessondata_expands),
		cmocka_unit_test(problems_in_file_order),
		cmocka_unit_test(try_expect),
	};

	return cmocka_run_group_tests_name("lesson/load", tests, NULL, NULL);
}
