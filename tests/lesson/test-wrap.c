/*
 * test-wrap.c - paragraph wrapping by display width: Hangul is two columns
 * wide, a wide character is never split, emphasis markers disappear and
 * become style spans.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lesson/lesson.h"
#include "util/util.h"
#include "../testutil.h"

/* All lines joined with '|', for compact expectations. */
static char *
wrapped(const char *text, int width, int i1, int i2)
{
	struct lesson_lines ls = { NULL, 0 };
	struct strbuf b;
	int i;

	lesson_wrap(text, width, i1, i2, &ls);
	strbuf_init(&b);
	for (i = 0; i < ls.n; i++) {
		if (i > 0)
			strbuf_addch(&b, '|');
		strbuf_adds(&b, ls.v[i].text);
		/* every line fits and its width is right */
		assert_true(ls.v[i].width <= (width < 8 ? 8 : width));
		assert_int_equal(ls.v[i].width,
		    utf8_width(ls.v[i].text, (size_t)-1));
	}
	lesson_lines_free(&ls);
	return strbuf_detach(&b);
}

/* Asserts that text wrapped so reads want (lines joined with '|'). */
static void
expect_wrap(const char *text, int width, int i1, int i2, const char *want)
{
	char *s = wrapped(text, width, i1, i2);

	assert_string_equal(s, want);
	free(s);
}

static void
ascii_words(void **state)
{
	(void)state;
	expect_wrap("the quick brown fox jumps over the lazy dog", 15, 0, 0,
	    "the quick brown|fox jumps over|the lazy dog");
	expect_wrap("a  b   c", 20, 0, 0, "a b c");
	expect_wrap("one\ntwo three", 20, 0, 0, "one|two three");
}

static void
hangul_by_columns(void **state)
{
	(void)state;
	/* each word is 6 columns; two words and a space = 13 */
	expect_wrap("검증의 손실이 커지면 학습을 멈춘다", 13, 0, 0,
	    "검증의 손실이|커지면 학습을|멈춘다");
	/* 12 columns: only one word per line plus nothing */
	expect_wrap("검증의 손실이 커지면", 12, 0, 0, "검증의|손실이|커지면");
	/* mixed scripts */
	expect_wrap("L2 정규화는 weight를 줄인다", 14, 0, 0,
	    "L2 정규화는|weight를|줄인다");
}

static void
long_words_cut_between_characters(void **state)
{
	(void)state;
	/* 10 Hangul syllables = 20 columns into 9: never half a syllable */
	expect_wrap("가나다라마바사아자차", 9, 0, 0, "가나다라|마바사아|자차");
	expect_wrap("abcdefghijklmnopqrst", 8, 0, 0, "abcdefgh|ijklmnop|qrst");
	/* a path longer than a line breaks after a '/', not mid-word */
	expect_wrap("data load /usr/share/regtutor/lessons/data/outlier.csv "
	    "split=1", 24, 0, 0, "data load|/usr/share/regtutor/|"
	    "lessons/data/outlier.csv|split=1");
}

static void
indentation_and_bullets(void **state)
{
	(void)state;
	expect_wrap("- 배치 정규화는 같은 위치의 특성끼리", 16, 0, 2,
	    "- 배치 정규화는|  같은 위치의|  특성끼리");
}

static void
emphasis_spans(void **state)
{
	struct lesson_lines ls = { NULL, 0 };
	const struct lesson_line *l;

	(void)state;
	lesson_wrap("a **굵은 글씨** and `train 10` end", 80, 0, 0, &ls);
	assert_int_equal(ls.n, 1);
	l = &ls.v[0];
	assert_string_equal(l->text, "a 굵은 글씨 and train 10 end");
	assert_int_equal(l->width, 28);
	assert_int_equal(l->nspans, 5);
	assert_int_equal(l->spans[0].style, LS_PLAIN);
	assert_int_equal(l->spans[1].style, LS_BOLD);
	assert_int_equal(l->spans[1].off, 2);
	assert_int_equal(l->spans[1].len, strlen("굵은 글씨"));
	assert_int_equal(l->spans[2].style, LS_PLAIN);
	assert_int_equal(l->spans[3].style, LS_CODE);
	assert_true(strncmp(l->text + l->spans[3].off, "train 10",
	    l->spans[3].len) == 0);
	lesson_lines_free(&ls);

	/* the style survives a line break inside the span */
	lesson_wrap("**bold words here**", 10, 0, 0, &ls);
	assert_int_equal(ls.n, 2);
	assert_int_equal(ls.v[0].nspans, 1);
	assert_int_equal(ls.v[0].spans[0].style, LS_BOLD);
	assert_int_equal(ls.v[1].spans[0].style, LS_BOLD);
	lesson_lines_free(&ls);

	{
		char *p = lesson_plain("x **y** `**z**`");

		assert_string_equal(p, "x y **z**");
		free(p);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_words),
		cmocka_unit_test(hangul_by_columns),
		cmocka_unit_test(long_words_cut_between_characters),
		cmocka_unit_test(indentation_and_bullets),
		cmocka_unit_test(emphasis_spans),
	};

	return cmocka_run_group_tests_name("lesson/wrap", tests, NULL, NULL);
}
