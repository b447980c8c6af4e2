/*
 * test-util.c - UTF-8 widths, strict number parsing, string buffers, the
 * learner's file paths.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/util.h"
#include "testutil.h"

static void
hangul_is_two_columns(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("한국어", (size_t)-1), 6);
	assert_int_equal(utf8_width("ㅎㅏ", (size_t)-1), 4);
	/* NFD jamo: L + V + T = 2 columns */
	assert_int_equal(utf8_width("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", (size_t)-1), 2);
	assert_int_equal(utf8_width("abc", (size_t)-1), 3);
	assert_int_equal(utf8_width("a\xffz", (size_t)-1), 3);
}

static void
prefix_cols_never_splits_wide(void **state)
{
	(void)state;
	assert_int_equal(utf8_prefix_cols("한국어", 3), 3);
	assert_int_equal(utf8_prefix_cols("한국어", 4), 6);
	assert_int_equal(utf8_prefix_cols("ab한", 3), 2);
}

static void
whole_characters_only(void **state)
{
	(void)state;
	assert_int_equal(utf8_whole("ab한", 5), 5);	/* whole */
	assert_int_equal(utf8_whole("ab한", 4), 2);	/* 1 of 3 bytes */
	assert_int_equal(utf8_whole("ab한", 3), 2);
	assert_int_equal(utf8_whole("ab한", 2), 2);
	assert_int_equal(utf8_whole("\xf0\x9f\x98\x80", 3), 0);
	assert_int_equal(utf8_whole("\xf0\x9f\x98\x80", 4), 4);
	assert_int_equal(utf8_whole("é", 2), 2);
	assert_int_equal(utf8_whole("é", 1), 0);
	assert_int_equal(utf8_whole("", 0), 0);
	/* stray continuation bytes are not ours to judge */
	assert_int_equal(utf8_whole("a\x80\x80", 3), 3);
}

static void
decode_encode_roundtrip(void **state)
{
	uint32_t cps[] = { 0x41, 0xe9, 0x2800, 0xac00, 0x1f600 }, cp;
	char buf[4];
	size_t i, n;

	(void)state;
	for (i = 0; i < COUNT(cps); i++) {
		n = utf8_encode(cps[i], buf);
		assert_int_equal(utf8_decode(buf, n, &cp), n);
		assert_int_equal(cp, cps[i]);
	}
	assert_int_equal(utf8_decode("\xc0\x80", 2, &cp), 1);
	assert_int_equal(cp, 0xfffd);
}

static void
strict_numbers(void **state)
{
	double d;
	long l;

	(void)state;
	assert_int_equal(parse_double("0.25", &d), 0);
	assert_close(d, 0.25, 1e-15);
	assert_int_equal(parse_double("1e400", &d), -1);
	assert_int_equal(parse_double("-1e400", &d), -1);
	/* subnormals read back exactly; a literal that underflows to 0 is refused */
	assert_int_equal(parse_double("4.9406564584124654e-324", &d), 0);
	assert_true(d > 0.0 && d == 4.9406564584124654e-324);
	assert_int_equal(parse_double("1e-400", &d), -1);
	assert_int_equal(parse_double("0e-400", &d), 0);
	assert_int_equal(parse_double("nan", &d), -1);
	assert_int_equal(parse_double("abc", &d), -1);
	assert_int_equal(parse_double("1x", &d), -1);
	assert_int_equal(parse_double("", &d), -1);
	assert_int_equal(parse_long("42", &l), 0);
	assert_int_equal(l, 42);
	assert_int_equal(parse_long("4.2", &l), -1);
	assert_int_equal(parse_long("99999999999999999999", &l), -1);
}

static void
strbuf_grows(void **state)
{
	struct strbuf b;
	char *s;
	int i;

	(void)state;
	strbuf_init(&b);
	for (i = 0; i < 1000; i++)
		strbuf_addf(&b, "%d,", i % 10);
	strbuf_addcp(&b, 0xac00);
	assert_int_equal(b.len, 2003);
	s = strbuf_detach(&b);
	assert_string_equal(s + 2000, "가");
	free(s);
}

static void
edit_distance_suggests(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("trian", "train"), 2);
	assert_int_equal(edit_distance("plot", "plot"), 0);
	assert_int_equal(edit_distance("", "abc"), 3);
}

static void
xdg_path_and_dirs(void **state)
{
	char *dir = xasprintf("tests/tmp/util-%ld", (long)getpid());
	char *file = xasprintf("%s/a/b/file", dir), *p, *text;
	struct strbuf b;
	struct stat st;
	FILE *f;

	(void)state;
	setenv("HOME", "/home/learner", 1);
	setenv("XDG_STATE_HOME", "/var/state", 1);
	p = xdg_path("XDG_STATE_HOME", ".local/state", "regtutor/history");
	assert_string_equal(p, "/var/state/regtutor/history");
	free(p);
	setenv("XDG_STATE_HOME", "relative", 1);	/* not absolute: HOME */
	p = xdg_path("XDG_STATE_HOME", ".local/state", "regtutor/history");
	assert_string_equal(p, "/home/learner/.local/state/regtutor/history");
	free(p);
	unsetenv("XDG_STATE_HOME");
	setenv("HOME", "", 1);
	assert_null(xdg_path("XDG_STATE_HOME", ".local/state", "x"));

	/* the directories up to the file, twice (existing ones are fine) */
	assert_int_equal(mkdir_parents(file, 0700), 0);
	assert_int_equal(mkdir_parents(file, 0700), 0);
	p = xasprintf("%s/a/b", dir);
	assert_int_equal(stat(p, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(stat(file, &st), -1);	/* the file itself: not made */
	free(p);
	test_write_file(file, "one\ntwo\n");
	/* a file in the way of a directory */
	p = xasprintf("%s/c/d", file);
	assert_int_equal(mkdir_parents(p, 0700), -1);
	free(p);

	f = fopen(file, "r");
	assert_non_null(f);
	strbuf_init(&b);
	strbuf_adds(&b, ">");
	assert_int_equal(strbuf_read_file(&b, f), 0);
	fclose(f);
	assert_string_equal(b.s, ">one\ntwo\n");
	strbuf_done(&b);
	text = test_read_file(file);
	assert_string_equal(text, "one\ntwo\n");
	free(text);

	unlink(file);
	p = xasprintf("%s/a/b", dir);
	rmdir(p);
	free(p);
	p = xasprintf("%s/a", dir);
	rmdir(p);
	free(p);
	rmdir(dir);
	free(file);
	free(dir);
}

static void
mono_clock_advances(void **state)
{
	struct timespec ms20 = { 0, 20000000 };
	double t0 = mono_seconds(), t1;

	(void)state;
	assert_int_equal(nanosleep(&ms20, NULL), 0);
	t1 = mono_seconds();
	assert_true(t1 - t0 >= 0.019);
	assert_true(t1 - t0 < 10);
}

/* atomic_open/close replace a file whole; a failed write leaves it be. */
static void
atomic_replace(void **state)
{
	char dir[] = "/tmp/regtutor-atomic-XXXXXX", *path, *tmp, *text;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/lab.txt", dir);
	test_write_file(path, "old\n");

	f = atomic_open(path, &tmp);
	assert_non_null(f);
	fputs("new\n", f);
	text = test_read_file(path);
	assert_string_equal(text, "old\n");	/* not visible before close */
	free(text);
	assert_int_equal(atomic_close(f, tmp, path), 0);
	text = test_read_file(path);
	assert_string_equal(text, "new\n");
	free(text);

	/* abort: the old file stays, no temporary file is left */
	f = atomic_open(path, &tmp);
	assert_non_null(f);
	fputs("half", f);
	atomic_abort(f, tmp);
	text = test_read_file(path);
	assert_string_equal(text, "new\n");
	free(text);

	/* rename onto a directory fails: error, temporary file removed */
	char *sub = xasprintf("%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	f = atomic_open(sub, &tmp);
	assert_non_null(f);
	char *tmpname = xstrdup(tmp);
	fputs("x", f);
	assert_int_equal(atomic_close(f, tmp, sub), -1);
	assert_int_equal(access(tmpname, F_OK), -1);
	free(tmpname);

	/* a directory that does not exist: atomic_open fails */
	char *nodir = xasprintf("%s/none/lab.txt", dir);
	assert_null(atomic_open(nodir, &tmp));
	assert_null(tmp);

	rmdir(sub);
	unlink(path);
	rmdir(dir);
	free(nodir);
	free(sub);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hangul_is_two_columns),
		cmocka_unit_test(prefix_cols_never_splits_wide),
		cmocka_unit_test(whole_characters_only),
		cmocka_unit_test(decode_encode_roundtrip),
		cmocka_unit_test(strict_numbers),
		cmocka_unit_test(strbuf_grows),
		cmocka_unit_test(edit_distance_suggests),
		cmocka_unit_test(xdg_path_and_dirs),
		cmocka_unit_test(mono_clock_advances),
		cmocka_unit_test(atomic_replace),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
