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

static void
ascii_words(void **state)
{
	char *s;

	(void)state;
	s = wrapped("the quick brown fox jumps over the lazy dog", 15, 0, 0);
	assert_string_equal(s, "the quick brown|fox jumps over|the lazy dog");
	free(s);
	s = wrapped("a  b   c", 20, 0, 0);
	assert_string_equal(s, "a b c");
	free(s);
	s = wrapped("one\ntwo three", 20, 0, 0);
	assert_string_equal(s, "one|two three");
	free(s);
}

static void
hangul_by_columns(void **state)
{
	char *s;

	(void)state;
	/* each word is 6 columns; two words and a space = 13 */
	s = wrapped("검증의 손실이 커지면 학습을 멈춘다", 13, 0, 0);
	assert_string_equal(s, "검증의 손실이|커지면 학습을|멈춘다");
	free(s);
	/* 12 columns: only one word per line plus nothing */
	s = wrapped("검증의 손실이 커지면", 12, 0, 0);
	assert_string_equal(s, "검증의|손실이|커지면");
	free(s);
	/* mixed scripts */
	s = wrapped("L2 정규화는 weight를 줄인다", 14, 0, 0);
	assert_string_equal(s, "L2 정규화는|weight를|줄인다");
	free(s);
}

static void
long_words_cut_between_characters(void **state)
{
	char *s;

	(void)state;
	/* 10 Hangul syllables = 20 columns into 9: never half a syllable */
	s = wrapped("가나다라마바사아자차", 9, 0, 0);
	assert_string_equal(s, "가나다라|마바사아|자차");
	free(s);
	s = wrapped("abcdefghijklmnopqrst", 8, 0, 0);
	assert_string_equal(s, "abcdefgh|ijklmnop|qrst");
	free(s);
}

static void
indentation_and_bullets(void **state)
{
	char *s;

	(void)state;
	s = wrapped("- 배치 정규화는 같은 위치의 특성끼리", 16, 0, 2);
	assert_string_equal(s, "- 배치 정규화는|  같은 위치의|  특성끼리");
	free(s);
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
