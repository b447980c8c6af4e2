/*
 * test-progress.c - the progress file: round trip, atomic replacement (no
 * temporary left behind, directories created), a corrupt file set aside
 * with a warning, reset, and the XDG/HOME default path; where a lesson
 * resumes and which one is in progress (version 2, and version 1 files),
 * quizzes right out of total.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "lesson/lesson.h"
#include "lesson/progress.h"
#include "util/util.h"
#include "../testutil.h"

static char *tmpdir;

static int
setup(void **state)
{
	char tmpl[] = "/tmp/regtutor-progress-XXXXXX";

	(void)state;
	if (mkdtemp(tmpl) == NULL)
		return -1;
	tmpdir = xstrdup(tmpl);
	return 0;
}

static void
rm_rf(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char *p;
		struct stat sb;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			rm_rf(p);
		else
			unlink(p);
		free(p);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

static int
teardown(void **state)
{
	(void)state;
	rm_rf(tmpdir);
	free(tmpdir);
	return 0;
}

/* Number of entries in dir (without . and ..). */
static int
count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
round_trip(void **state)
{
	char *path = xasprintf("%s/a/b/progress", tmpdir);
	char *dir = xasprintf("%s/a/b", tmpdir);
	struct strbuf w;
	struct progress *p;

	(void)state;
	strbuf_init(&w);
	p = progress_load(path, &w);		/* missing: empty, no warning */
	assert_int_equal(w.len, 0);
	assert_int_equal(progress_pages_seen(p, "01-overfitting"), 0);
	progress_see_page(p, "01-overfitting", 0);
	progress_see_page(p, "01-overfitting", 3);
	progress_see_page(p, "01-overfitting", 3);
	progress_see_page(p, "02-l1-l2", 1);
	progress_answer(p, "01-overfitting", "q-curves", "b");
	progress_answer(p, "01-overfitting", "q-curves", "a");
	progress_answer(p, "01-overfitting", "p-stop", "down");
	progress_see_page(p, "my lesson", 2);		/* not a word: cleaned */
	assert_int_equal(progress_save(p, &w), 0);	/* creates a/b */
	progress_free(p);

	assert_int_equal(count_entries(dir), 1);	/* no temporary left */
	p = progress_load(path, &w);
	assert_int_equal(w.len, 0);
	assert_int_equal(progress_pages_seen(p, "01-overfitting"), 2);
	assert_true(progress_page_seen(p, "01-overfitting", 3));
	assert_false(progress_page_seen(p, "01-overfitting", 1));
	assert_int_equal(progress_pages_seen(p, "02-l1-l2"), 1);
	assert_int_equal(progress_quizzes_answered(p, "01-overfitting"), 2);
	assert_string_equal(progress_quiz_answer(p, "01-overfitting",
	    "q-curves"), "a");
	assert_null(progress_quiz_answer(p, "02-l1-l2", "q-curves"));
	assert_string_equal(progress_path(p), path);
	assert_true(progress_page_seen(p, "my lesson", 2));
	assert_int_equal(progress_pages_seen(p, "my lesson"), 1);
	progress_free(p);
	strbuf_done(&w);
	free(path);
	free(dir);
	dir = xasprintf("%s/a", tmpdir);
	rm_rf(dir);
	free(dir);
}

static void
atomic_replace(void **state)
{
	char *path = xasprintf("%s/progress", tmpdir);
	char *hard = xasprintf("%s/old-link", tmpdir);
	struct progress *p;
	struct stat a, b;
	FILE *f;
	char line[64];

	(void)state;
	struct strbuf err;

	test_write_file(path, "# regtutor progress 1\npage 00-tour 0\n");
	/* a file with a second hard link is not replaced (the other name
	 * would keep the old contents): saving says so, both stay */
	assert_int_equal(link(path, hard), 0);
	p = progress_load(path, NULL);
	progress_see_page(p, "00-tour", 1);
	strbuf_init(&err);
	assert_int_equal(progress_save(p, &err), -1);
	assert_non_null(strstr(err.s, "has 2 hard links"));
	strbuf_done(&err);
	unlink(hard);
	assert_int_equal(link(path, hard), 0);
	f = fopen(hard, "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof line, f));
	assert_non_null(fgets(line, sizeof line, f));
	assert_string_equal(line, "page 00-tour 0\n");
	assert_null(fgets(line, sizeof line, f));	/* old one untouched */
	fclose(f);
	assert_int_equal(count_entries(tmpdir), 2);
	unlink(hard);
	/* one link: replaced by a new file renamed into place */
	assert_int_equal(stat(path, &a), 0);
	assert_int_equal(progress_save(p, NULL), 0);
	progress_free(p);
	assert_int_equal(stat(path, &b), 0);
	assert_true(a.st_ino != b.st_ino);
	assert_int_equal(count_entries(tmpdir), 1);
	unlink(path);
	free(hard);
	free(path);
}

static void
corrupt_set_aside(void **state)
{
	static const char *const bad[] = {
		"garbage\n",
		"# regtutor progress 1\npage 00-tour minus-one\n",
		"# regtutor progress 1\nquiz 00-tour q\n",
		"# regtutor progress 1\nwhat is this\n",
		"",
	};
	char *path = xasprintf("%s/progress", tmpdir);
	char *aside = xasprintf("%s/progress.corrupt", tmpdir);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct strbuf w;
		struct progress *p;
		struct stat sb;

		test_write_file(path, bad[i]);
		strbuf_init(&w);
		p = progress_load(path, &w);
		assert_non_null(p);
		assert_non_null(strstr(w.s, "corrupt"));
		assert_non_null(strstr(w.s, aside));
		assert_int_equal(progress_pages_seen(p, "00-tour"), 0);
		assert_int_equal(stat(aside, &sb), 0);
		assert_int_not_equal(stat(path, &sb), 0);
		/* and progress goes on */
		progress_see_page(p, "00-tour", 2);
		assert_int_equal(progress_save(p, NULL), 0);
		progress_free(p);
		p = progress_load(path, &w);
		assert_int_equal(progress_pages_seen(p, "00-tour"), 1);
		progress_free(p);
		strbuf_done(&w);
		unlink(aside);
	}
	/* reset removes it; resetting again is fine */
	assert_int_equal(progress_reset(path, NULL), 0);
	assert_int_equal(progress_reset(path, NULL), 0);
	assert_int_equal(count_entries(tmpdir), 0);
	free(aside);
	free(path);
}

static void
default_path(void **state)
{
	char *p;

	(void)state;
	setenv("XDG_DATA_HOME", "/x/data", 1);
	p = progress_default_path();
	assert_string_equal(p, "/x/data/regtutor/progress");
	free(p);
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	setenv("HOME", "/home/u", 1);
	p = progress_default_path();
	assert_string_equal(p, "/home/u/.local/share/regtutor/progress");
	free(p);
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	assert_null(progress_default_path());
}

/* A save that cannot happen fails and says why. */
static void
save_errors_reported(void **state)
{
	char *file = xasprintf("%s/plain-file", tmpdir);
	char *path = xasprintf("%s/sub/progress", file);
	struct strbuf err;
	struct progress *p;

	(void)state;
	test_write_file(file, "not a directory\n");
	strbuf_init(&err);
	p = progress_load(path, &err);
	assert_int_equal(err.len, 0);
	progress_see_page(p, "01-overfitting", 0);
	assert_int_equal(progress_save(p, &err), -1);
	assert_non_null(strstr(err.s, "cannot create the directory of"));
	assert_non_null(strstr(err.s, path));
	progress_free(p);
	strbuf_done(&err);
	free(path);
	free(file);
}

/* Where a lesson resumes, and which lesson is in progress: kept across a
 * save, the latest one last in the file. */
static void
resume_at(void **state)
{
	char *path = xasprintf("%s/progress", tmpdir);
	struct strbuf w, b;
	struct progress *p;
	FILE *f;

	(void)state;
	strbuf_init(&w);
	p = progress_load(path, &w);
	assert_null(progress_latest(p));
	assert_int_equal(progress_at(p, "02-l1-l2"), -1);
	progress_see_page(p, "02-l1-l2", 0);
	progress_set_at(p, "02-l1-l2", 0);
	progress_see_page(p, "02-l1-l2", 4);
	progress_set_at(p, "02-l1-l2", 4);
	progress_set_at(p, "01-overfitting", 2);
	progress_set_at(p, "02-l1-l2", 3);	/* went back, then left */
	assert_int_equal(progress_at(p, "02-l1-l2"), 3);
	assert_int_equal(progress_at(p, "01-overfitting"), 2);
	assert_string_equal(progress_latest(p), "02-l1-l2");
	/* an "at" fact is not a page seen */
	assert_int_equal(progress_pages_seen(p, "01-overfitting"), 0);
	assert_int_equal(progress_pages_seen(p, "02-l1-l2"), 2);
	assert_int_equal(progress_save(p, &w), 0);
	progress_free(p);

	/* the file: version 2, the lesson left last on the last line */
	f = fopen(path, "r");
	assert_non_null(f);
	strbuf_init(&b);
	assert_int_equal(strbuf_read_file_max(&b, f, 1 << 20), 0);
	fclose(f);
	assert_string_equal(b.s, "# regtutor progress 2\n"
	    "page 02-l1-l2 0\npage 02-l1-l2 4\nat 01-overfitting 2\n"
	    "at 02-l1-l2 3\n");
	strbuf_done(&b);

	p = progress_load(path, &w);
	assert_int_equal(w.len, 0);
	assert_int_equal(progress_at(p, "02-l1-l2"), 3);
	assert_int_equal(progress_at(p, "01-overfitting"), 2);
	assert_string_equal(progress_latest(p), "02-l1-l2");
	progress_set_at(p, "01-overfitting", 5);
	assert_string_equal(progress_latest(p), "01-overfitting");
	progress_free(p);
	strbuf_done(&w);
	unlink(path);
	free(path);
}

/* A version 1 file (no "at" lines) still loads: a lesson resumes at the
 * furthest page seen, the lesson in progress is the one of the last page
 * line; saved again it is version 2.  "at" lines in a version 1 file are
 * corrupt. */
static void
version_1(void **state)
{
	char *path = xasprintf("%s/progress", tmpdir);
	char *aside = xasprintf("%s/progress.corrupt", tmpdir);
	struct strbuf w;
	struct progress *p;

	(void)state;
	test_write_file(path, "# regtutor progress 1\n"
	    "page 02-l1-l2 0\npage 02-l1-l2 1\npage 02-l1-l2 2\n"
	    "page 02-l1-l2 3\npage 02-l1-l2 4\npage 01-overfitting 1\n"
	    "page 02-l1-l2 2\nquiz 02-l1-l2 p-seeds most\n");
	strbuf_init(&w);
	p = progress_load(path, &w);
	assert_int_equal(w.len, 0);
	assert_int_equal(progress_pages_seen(p, "02-l1-l2"), 5);
	assert_int_equal(progress_at(p, "02-l1-l2"), 4);
	assert_int_equal(progress_at(p, "01-overfitting"), 1);
	assert_int_equal(progress_at(p, "03-vanishing"), -1);
	assert_string_equal(progress_latest(p), "01-overfitting");
	assert_string_equal(progress_quiz_answer(p, "02-l1-l2", "p-seeds"),
	    "most");
	assert_int_equal(progress_save(p, &w), 0);
	progress_free(p);
	p = progress_load(path, &w);
	assert_int_equal(w.len, 0);
	assert_int_equal(progress_at(p, "02-l1-l2"), 4);
	progress_free(p);

	test_write_file(path, "# regtutor progress 1\nat 02-l1-l2 3\n");
	p = progress_load(path, &w);
	assert_non_null(strstr(w.s, "corrupt"));
	assert_int_equal(progress_at(p, "02-l1-l2"), -1);
	progress_free(p);
	unlink(aside);
	strbuf_done(&w);
	free(aside);
	free(path);
}

/* Quizzes right out of total: the recorded answer is compared with the
 * lesson's @answer; a quiz not answered counts in the total only. */
static void
quiz_score(void **state)
{
	static const char text[] =
	    "@title Score\n@lang en\n"
	    "@page One\n"
	    "@quiz q-one\nPick.\n@choice a A.\n@choice b B.\n@answer b\n"
	    "@end\n"
	    "@predict p-two\nGuess.\n@choice up Up.\n@choice down Down.\n"
	    "@answer down\n> data poly n=20\n@end\n"
	    "@page Two\n"
	    "@quiz q-three\nPick.\n@choice x X.\n@choice y Y.\n@answer x\n"
	    "@end\n";
	char *path = xasprintf("%s/progress", tmpdir);
	struct lesson *l;
	struct progress *p;
	int right = -1, total = -1;

	(void)state;
	l = lesson_parse("99-score.lesson", text, NULL, NULL);
	assert_non_null(l);
	p = progress_load(path, NULL);
	progress_quiz_score(p, l, &right, &total);
	assert_int_equal(right, 0);
	assert_int_equal(total, 3);
	progress_answer(p, l->name, "q-one", "a");	/* wrong */
	progress_answer(p, l->name, "p-two", "down");	/* right */
	progress_quiz_score(p, l, &right, &total);
	assert_int_equal(right, 1);
	assert_int_equal(total, 3);
	assert_int_equal(progress_quizzes_answered(p, l->name), 2);
	progress_answer(p, l->name, "q-one", "b");	/* answered again */
	progress_answer(p, l->name, "q-three", "x");
	progress_quiz_score(p, l, &right, &total);
	assert_int_equal(right, 3);
	progress_answer(p, "other", "q-three", "y");	/* not this lesson */
	progress_quiz_score(p, l, &right, &total);
	assert_int_equal(right, 3);
	progress_free(p);
	lesson_free(l);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(atomic_replace),
		cmocka_unit_test(corrupt_set_aside),
		cmocka_unit_test(default_path),
		cmocka_unit_test(save_errors_reported),
		cmocka_unit_test(resume_at),
		cmocka_unit_test(version_1),
		cmocka_unit_test(quiz_score),
	};

	return cmocka_run_group_tests_name("lesson/progress", tests, setup,
	    teardown);
}
