#include "config.h"
/*
 * test-prompt.c - the small things at the shell's prompt that need no
 * terminal: the line under a waiting quiz that says how to answer it fits
 * the lesson pane of an 80x24 terminal for every quiz and predict of the
 * shipped lessons, in English and Korean (the pane wraps it); a lesson's
 * command steps show its data files as the lesson wrote them
 * ($LESSONDATA/outlier.csv, not the directory they are installed in) and
 * wrap at the pane's width between words only.
 */

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../testutil.h"
#include "lesson/lesson-view.h"
#include "lesson/lesson.h"
#include "tui/hints.h"
#include "tui/layout.h"
#include "util/i18n.h"
#include "util/util.h"

/* The lines saying how block i of pg is answered, laid out at width w as
 * the lesson pane lays them out; each fits w.  Returns how many. */
static int
keys_lines_fit(const struct lesson *l, const struct lesson_page *pg, int i,
    int w)
{
	struct lesson_view v = { NULL, 0 };
	struct lesson_view_opts o;
	struct lesson_state st;
	int n = 0;

	memset(&o, 0, sizeof(o));
	o.width = w;
	o.keys_hint = tui_keys_hint;
	memset(&st, 0, sizeof(st));
	st.answer = -1;
	st.result = -1;
	lesson_view_block(&v, &o, l, pg, i, &st);
	for (int k = 0; k < v.n; k++) {
		int cols = utf8_width(v.v[k].text, (size_t)-1);

		if (cols > w)
			print_error("%s page %d: '%s' is %d columns (pane %d)\n",
			    l->path, (int)(pg - l->pages) + 1, v.v[k].text, cols, w);
		assert_true(cols <= w);
		if (v.v[k].role == LV_KEYS)
			n++;
	}
	lesson_view_free(&v);
	return n;
}

static void
test_keys_hint_fits(void **state)
{
	static const char *const langs[] = { "en", "ko" };
	struct tui_layout lay;
	int quizzes = 0, wrapped = 0;

	(void)state;
	i18n_init();
	assert_int_equal(tui_layout(80, 24, 0, 1, &lay), 0);
	for (size_t k = 0; k < COUNT(langs); k++) {
		char rel[32], *dir;
		struct dirent **names;
		int n;

		assert_int_equal(i18n_set_lang(langs[k]), 0);
		snprintf(rel, sizeof(rel), "lessons/%s", langs[k]);
		dir = test_srcpath(rel);
		n = scandir(dir, &names, NULL, alphasort);
		assert_true(n > 0);
		for (int f = 0; f < n; f++) {
			const char *name = names[f]->d_name;
			struct strbuf diag;
			struct lesson *l;
			char *path;

			if (name[0] < '0' || name[0] > '7' ||
			    strstr(name, ".lesson") == NULL) {
				free(names[f]);
				continue;
			}
			path = xasprintf("%s/%s", dir, name);
			strbuf_init(&diag);
			l = lesson_load(path, &diag, NULL);
			if (l == NULL)
				print_error("%s", diag.s);
			assert_non_null(l);
			for (int p = 0; p < l->npages; p++) {
				const struct lesson_page *pg = &l->pages[p];

				for (int i = 0; i < pg->nblocks; i++) {
					int kind = pg->blocks[i].kind, m;

					if (kind != LB_QUIZ && kind != LB_PREDICT)
						continue;
					m = keys_lines_fit(l, pg, i,
					    lay.lesson.w);
					assert_true(m >= 1);
					quizzes++;
					wrapped += m > 1;
				}
			}
			lesson_free(l);
			strbuf_done(&diag);
			free(path);
			free(names[f]);
		}
		free(names);
		free(dir);
	}
	/* lessons 0-7 in both languages have quizzes, and some of them
	 * need the second line at 80 columns */
	assert_true(quizzes >= 40);
	assert_true(wrapped > 0);
	i18n_set_lang("en");
}

/* Block i (a command step) of pg at width w: its lines, joined by a
 * space without the "> " and the indentation, are its words. */
static void
cmd_lines_whole(const struct lesson *l, const struct lesson_page *pg, int i,
    int w)
{
	struct lesson_view v = { NULL, 0 };
	struct lesson_view_opts o;
	struct lesson_state st;
	struct strbuf joined, want;
	const char *p;

	memset(&o, 0, sizeof(o));
	o.width = w;
	memset(&st, 0, sizeof(st));
	st.answer = -1;
	st.result = -1;
	lesson_view_block(&v, &o, l, pg, i, &st);
	strbuf_init(&joined);
	strbuf_init(&want);
	strbuf_adds(&want, "> ");
	for (p = pg->blocks[i].text; *p != '\0'; p++)	/* blanks as one */
		if (*p != ' ' || (p[1] != ' ' && p[1] != '\0'))
			strbuf_addch(&want, *p);
	for (int k = 0; k < v.n; k++) {
		const char *t = v.v[k].text;

		if (v.v[k].role != LV_COMMAND)
			continue;
		assert_true(utf8_width(t, (size_t)-1) <= w);
		assert_null(strstr(t, l->datadir));
		while (joined.len > 0 && *t == ' ')
			t++;
		if (joined.len > 0)
			strbuf_addch(&joined, ' ');
		strbuf_adds(&joined, t);
	}
	if (strcmp(joined.s, want.s) != 0)
		print_error("%s: '%s' shown as '%s' at %d columns\n", l->path,
		    want.s, joined.s, w);
	assert_string_equal(joined.s, want.s);
	strbuf_done(&joined);
	strbuf_done(&want);
	lesson_view_free(&v);
}

static void
test_data_path_shown(void **state)
{
	char *path = test_srcpath("lessons/en/02-l1-l2.lesson");
	struct tui_layout lay;
	struct lesson *l;
	int found = 0;

	(void)state;
	assert_int_equal(tui_layout(80, 24, 0, 1, &lay), 0);
	l = lesson_load(path, NULL, NULL);
	assert_non_null(l);
	for (int p = 0; p < l->npages; p++) {
		const struct lesson_page *pg = &l->pages[p];

		for (int i = 0; i < pg->nblocks; i++) {
			if (pg->blocks[i].kind != LB_CMD)
				continue;
			cmd_lines_whole(l, pg, i, lay.lesson.w);
			found += strstr(pg->blocks[i].text,
			    "data load $LESSONDATA/outlier") != NULL;
		}
	}
	assert_int_equal(found, 2);	/* outlier.csv, outlier-far.csv */
	lesson_free(l);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_hint_fits),
		cmocka_unit_test(test_data_path_shown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
