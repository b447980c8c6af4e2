/*
 * test-progress.c - the progress file: round trip, atomic replacement (no
 * temporary left behind, directories created), a file that is not
 * progress set aside with a warning, a bad line costing only itself
 * (FILE:LINE), reset, and the XDG/HOME default path; where a lesson
 * resumes and which one is in progress (version 2, and version 1 files),
 * the learner's choices kept (right or wrong), quizzes right out of total,
 * and what finished means.
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

/* The whole contents of path, or NULL; caller frees. */
static char *
slurp(const char *path)
{
	struct strbuf b;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return NULL;
	strbuf_init(&b);
	assert_int_equal(strbuf_read_file_max(&b, f, 1 << 20), 0);
	fclose(f);
	return strbuf_detach(&b);
}

/* Not a progress file at all (first line, empty, NUL bytes): renamed
 * aside whole, with a warning, progress starts empty and goes on. */
static void
corrupt_set_aside(void **state)
{
	static const char *const bad[] = {
		"garbage\npage 00-tour 1\n",
		"# regtutor progress 3\npage 00-tour 1\n",
		"",
	};
	static const char *const why[] = {
		":1: not a progress file (the first line is not "
		    "'# regtutor progress 2')",
		":1: not a progress file (the first line is not "
		    "'# regtutor progress 2')",
		"progress: not a progress file (empty",
	};
	char *path = xasprintf("%s/progress", tmpdir);
	char *aside = xasprintf("%s/progress.corrupt", tmpdir);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct strbuf w;
		struct progress *p;
		struct stat sb;
		char *kept;

		test_write_file(path, bad[i]);
		strbuf_init(&w);
		p = progress_load(path, &w);
		assert_non_null(p);
		assert_non_null(strstr(w.s, why[i]));
		assert_non_null(strstr(w.s, aside));
		assert_int_equal(progress_pages_seen(p, "00-tour"), 0);
		kept = slurp(aside);
		assert_non_null(kept);
		assert_string_equal(kept, bad[i]);	/* whole */
		free(kept);
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
	/* a NUL byte: not text */
	{
		FILE *f = fopen(path, "w");
		struct strbuf w;
		struct progress *p;

		assert_non_null(f);
		fwrite("# regtutor progress 2\npage a\0 1\n", 1, 32, f);
		fclose(f);
		strbuf_init(&w);
		p = progress_load(path, &w);
		assert_non_null(strstr(w.s, "a NUL byte"));
		assert_int_equal(count_entries(tmpdir), 1);	/* aside */
		progress_free(p);
		strbuf_done(&w);
		unlink(aside);
	}
	/* reset removes it; resetting again is fine */
	test_write_file(path, "# regtutor progress 2\n");
	assert_int_equal(progress_reset(path, NULL), 0);
	assert_int_equal(progress_reset(path, NULL), 0);
	assert_int_equal(count_entries(tmpdir), 0);
	free(aside);
	free(path);
}

/* A bad line in a progress file costs only itself: the first one named
 * as FILE:LINE with what was expected, the others counted, every good
 * line kept; the file as it was copied to PATH.corrupt (the file itself
 * untouched until the next save, which drops the bad lines). */
static void
bad_lines_kept(void **state)
{
	static const struct {
		const char *line, *why;
	} bad[] = {
		{ "page 00-tour minus-one", "'page 00-tour minus-one': expected "
		    "'page LESSON PAGE' (PAGE a number from 0 to 99999" },
		{ "quiz 00-tour q", "'quiz 00-tour q': expected "
		    "'quiz LESSON ID KEY' (words of letters" },
		{ "quiz 00-tour q a/b", "expected 'quiz LESSON ID KEY'" },
		{ "what is this", "'what is this': expected a line of the form "
		    "'page LESSON PAGE', 'quiz LESSON ID KEY', 'at LESSON "
		    "PAGE'" },
		{ "page 00-tour 100000", "expected 'page LESSON PAGE'" },
		{ "at 00-tour 1 2", "expected 'at LESSON PAGE'" },
		{ "page les\033son 1", "'page les?son 1': expected" },
	};
	char *path = xasprintf("%s/progress", tmpdir);
	char *aside = xasprintf("%s/progress.corrupt", tmpdir);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *text = xasprintf("# regtutor progress 2\n"
		    "page 00-tour 0\nquiz 00-tour q-one b\n%s\n"
		    "page 00-tour 3\nat 00-tour 3\n", bad[i].line);
		char *where = xasprintf("%s:4: ", path), *kept;
		struct strbuf w;
		struct progress *p;

		test_write_file(path, text);
		strbuf_init(&w);
		p = progress_load(path, &w);
		assert_non_null(strstr(w.s, where));
		assert_non_null(strstr(w.s, bad[i].why));
		assert_non_null(strstr(w.s, "ignored this line, kept the "
		    "other lines"));
		assert_non_null(strstr(w.s, aside));
		assert_int_equal(progress_pages_seen(p, "00-tour"), 2);
		assert_string_equal(progress_quiz_answer(p, "00-tour",
		    "q-one"), "b");
		assert_int_equal(progress_at(p, "00-tour"), 3);
		kept = slurp(aside);
		assert_string_equal(kept, text);
		free(kept);
		kept = slurp(path);
		assert_string_equal(kept, text);	/* untouched */
		free(kept);
		/* saved: the good lines, and it loads without a warning */
		assert_int_equal(progress_save(p, NULL), 0);
		progress_free(p);
		kept = slurp(path);
		assert_string_equal(kept, "# regtutor progress 2\n"
		    "page 00-tour 0\nquiz 00-tour q-one b\npage 00-tour 3\n"
		    "at 00-tour 3\n");
		free(kept);
		strbuf_done(&w);
		strbuf_init(&w);
		p = progress_load(path, &w);
		assert_int_equal(w.len, 0);
		progress_free(p);
		strbuf_done(&w);
		unlink(aside);
		free(where);
		free(text);
	}
	/* several: the first named, the others counted */
	test_write_file(path, "# regtutor progress 2\nx\npage 00-tour 1\n"
	    "y\nz\n");
	{
		struct strbuf w;
		struct progress *p;
		char *where = xasprintf("%s:2: 'x'", path);

		strbuf_init(&w);
		p = progress_load(path, &w);
		assert_non_null(strstr(w.s, where));
		assert_non_null(strstr(w.s, "ignored this line and 2 more bad "
		    "ones, kept the other lines"));
		assert_int_equal(progress_pages_seen(p, "00-tour"), 1);
		/* one message, one line */
		assert_ptr_equal(strchr(w.s, '\n'), w.s + w.len - 1);
		progress_free(p);
		strbuf_done(&w);
		free(where);
	}
	unlink(aside);
	unlink(path);
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
 * line; saved again it is version 2.  An "at" line in a version 1 file is
 * a bad line. */
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

	test_write_file(path, "# regtutor progress 1\npage 02-l1-l2 1\n"
	    "at 02-l1-l2 3\n");
	p = progress_load(path, &w);
	assert_non_null(strstr(w.s, ":3: 'at 02-l1-l2 3': expected a line of "
	    "the form 'page LESSON PAGE', 'quiz LESSON ID KEY';"));
	assert_int_equal(progress_at(p, "02-l1-l2"), 1);
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

/* The learner's choices round trip through the file: which choice of
 * each quiz and predict (hence right or wrong); a key that is no longer a
 * choice of the question is no answer; a version 2 file without quiz
 * lines loads with none. */
static void
answers_round_trip(void **state)
{
	static const char text[] =
	    "@title Answers\n@lang en\n"
	    "@page One\nRead.\n\n"
	    "@quiz q-one\nPick.\n@choice a A.\n@choice b B.\n@answer b\n"
	    "@end\n"
	    "@page Two\n"
	    "@predict p-two\nGuess.\n@choice up Up.\n@choice down Down.\n"
	    "@answer down\n> data poly n=20\n@end\n";
	char *path = xasprintf("%s/progress", tmpdir);
	const struct lesson_block *q1, *p2;
	struct lesson *l;
	struct progress *p;
	struct strbuf w;
	char *file;
	int right, total;

	(void)state;
	l = lesson_parse("98-answers.lesson", text, NULL, NULL);
	assert_non_null(l);
	q1 = &l->pages[0].blocks[1];
	p2 = &l->pages[1].blocks[0];
	test_write_file(path, "# regtutor progress 2\npage 98-answers 0\n"
	    "at 98-answers 0\n");
	strbuf_init(&w);
	p = progress_load(path, &w);
	assert_int_equal(w.len, 0);
	assert_int_equal(progress_choice(p, l, q1), -1);	/* none yet */
	assert_int_equal(progress_choice(p, l, p2), -1);
	progress_answer(p, l->name, "q-one", "a");	/* wrong */
	progress_see_page(p, l->name, 1);
	progress_answer(p, l->name, "p-two", "down");	/* right */
	progress_set_at(p, l->name, 1);
	assert_int_equal(progress_save(p, &w), 0);
	progress_free(p);

	file = slurp(path);
	assert_string_equal(file, "# regtutor progress 2\n"
	    "page 98-answers 0\nquiz 98-answers q-one a\n"
	    "page 98-answers 1\nquiz 98-answers p-two down\n"
	    "at 98-answers 1\n");
	free(file);
	p = progress_load(path, &w);
	assert_int_equal(w.len, 0);
	assert_int_equal(progress_choice(p, l, q1), 0);	/* "a", wrong */
	assert_int_equal(progress_choice(p, l, p2), 1);	/* "down", right */
	progress_quiz_score(p, l, &right, &total);
	assert_int_equal(right, 1);
	assert_int_equal(total, 2);
	/* the lesson changed: the key recorded is no choice of it now */
	progress_answer(p, l->name, "q-one", "zz");
	assert_int_equal(progress_choice(p, l, q1), -1);
	progress_quiz_score(p, l, &right, &total);
	assert_int_equal(right, 1);
	/* a text block is no question */
	assert_int_equal(l->pages[0].blocks[0].kind, LB_TEXT);
	assert_int_equal(progress_choice(p, l, &l->pages[0].blocks[0]), -1);
	progress_free(p);
	strbuf_done(&w);
	lesson_free(l);
	unlink(path);
	free(path);
}

/* Finished: the last page seen and every question on it answered; being
 * on the last page (opening a one-page lesson) is not enough; a last page
 * without a question is finished once seen. */
static void
finished(void **state)
{
	static const char one_page[] =
	    "@title One\n@lang en\n"
	    "@page Only\nText.\n"
	    "@quiz q-a\nPick.\n@choice a A.\n@choice b B.\n@answer b\n@end\n"
	    "@predict p-b\nGuess.\n@choice x X.\n@choice y Y.\n@answer y\n"
	    "> data poly n=20\n@end\n";
	static const char no_question[] =
	    "@title Two\n@lang en\n"
	    "@page First\n@quiz q-a\nPick.\n@choice a A.\n@choice b B.\n"
	    "@answer b\n@end\n"
	    "@page Summary\nThat is all.\n";
	char *path = xasprintf("%s/progress", tmpdir);
	struct lesson *l1, *l2;
	struct progress *p;

	(void)state;
	l1 = lesson_parse("97-one.lesson", one_page, NULL, NULL);
	l2 = lesson_parse("96-two.lesson", no_question, NULL, NULL);
	assert_non_null(l1);
	assert_non_null(l2);
	p = progress_load(path, NULL);
	assert_false(progress_finished(p, l1));
	/* opened: seen and "at" its last page, nothing answered */
	progress_see_page(p, l1->name, 0);
	progress_set_at(p, l1->name, 0);
	assert_false(progress_finished(p, l1));
	progress_answer(p, l1->name, "q-a", "a");	/* one of two */
	assert_false(progress_finished(p, l1));
	progress_answer(p, l1->name, "p-b", "nope");	/* not a choice */
	assert_false(progress_finished(p, l1));
	progress_answer(p, l1->name, "p-b", "x");	/* wrong is answered */
	assert_true(progress_finished(p, l1));

	/* "at" the last page is not seeing it; seen, it is finished even
	 * with an earlier question skipped */
	progress_set_at(p, l2->name, 1);
	assert_false(progress_finished(p, l2));
	progress_see_page(p, l2->name, 0);
	assert_false(progress_finished(p, l2));
	progress_see_page(p, l2->name, 1);
	assert_true(progress_finished(p, l2));
	progress_free(p);
	lesson_free(l1);
	lesson_free(l2);
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
		cmocka_unit_test(bad_lines_kept),
		cmocka_unit_test(answers_round_trip),
		cmocka_unit_test(finished),
	};

	return cmocka_run_group_tests_name("lesson/progress", tests, setup,
	    teardown);
}
