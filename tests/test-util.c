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
#include <dirent.h>
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
nearest_name(void **state)
{
	static const char *const names[] = { "train", "plot", "trace", NULL };
	static const char *const none[] = { NULL };
	struct nearest n;

	(void)state;
	assert_string_equal(nearest_in("trian", names), "train");
	assert_string_equal(nearest_in("plt", names), "plot");
	/* ties: the first offered */
	assert_string_equal(nearest_in("trbce", names), "trace");
	assert_string_equal(nearest_in("tra", names), "train");
	/* more than NEAREST_MAX edits away: no suggestion */
	assert_null(nearest_in("xyzzy", names));
	assert_null(nearest_in("plot", none));
	nearest_init(&n, "lamda");
	assert_null(nearest_best(&n));
	nearest_add(&n, "lr");
	assert_null(nearest_best(&n));
	nearest_add(&n, "lambda");
	nearest_add(&n, "lambda2");
	assert_string_equal(nearest_best(&n), "lambda");
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
	char dir[] = "/tmp/regtutor-atomic-XXXXXX", *path, *text, err[512];
	struct atomic_file af;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/lab.txt", dir);
	test_write_file(path, "old\n");

	assert_int_equal(atomic_open(&af, path, err, sizeof err), 0);
	fputs("new\n", af.f);
	text = test_read_file(path);
	assert_string_equal(text, "old\n");	/* not visible before close */
	free(text);
	assert_int_equal(atomic_close(&af, err, sizeof err), 0);
	text = test_read_file(path);
	assert_string_equal(text, "new\n");
	free(text);

	/* abort: the old file stays, no temporary file is left */
	assert_int_equal(atomic_open(&af, path, err, sizeof err), 0);
	char *tmpname = xstrdup(af.tmp);
	fputs("half", af.f);
	atomic_abort(&af);
	text = test_read_file(path);
	assert_string_equal(text, "new\n");
	free(text);
	assert_int_equal(access(tmpname, F_OK), -1);
	free(tmpname);

	/* a directory that does not exist: atomic_open fails, says why */
	char *nodir = xasprintf("%s/none/lab.txt", dir);
	assert_int_equal(atomic_open(&af, nodir, err, sizeof err), -1);
	assert_non_null(strstr(err, "No such file or directory"));
	assert_non_null(strstr(err, nodir));

	unlink(path);
	rmdir(dir);
	free(nodir);
	free(path);
}

/* The directory's entries other than . and .., counted. */
static int
entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

/* What may not be replaced is refused with a message, and left as it is. */
static void
atomic_refuses_special_files(void **state)
{
	char dir[] = "/tmp/regtutor-atomic-XXXXXX", err[512];
	struct atomic_file af;
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));

	/* a directory */
	char *sub = xasprintf("%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(atomic_open(&af, sub, err, sizeof err), -1);
	assert_non_null(strstr(err, "is a directory"));
	assert_int_equal(stat(sub, &st), 0);
	assert_true(S_ISDIR(st.st_mode));

	/* a FIFO: refused without opening it (no reader: no hang) */
	char *fifo = xasprintf("%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(atomic_open(&af, fifo, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a regular file"));
	assert_int_equal(stat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));

	/* a device, and /dev/stdout (a link to a terminal or pipe) */
	assert_int_equal(atomic_open(&af, "/dev/null", err, sizeof err), -1);
	assert_non_null(strstr(err, "/dev/null: not a regular file"));
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	assert_int_equal(atomic_open(&af, "/dev/stdout", err, sizeof err), -1);

	/* a link to a FIFO is refused too */
	char *lf = xasprintf("%s/to-fifo", dir);
	assert_int_equal(symlink(fifo, lf), 0);
	assert_int_equal(atomic_open(&af, lf, err, sizeof err), -1);
	assert_non_null(strstr(err, "not a regular file"));

	/* a dangling link */
	char *dl = xasprintf("%s/dangling", dir);
	assert_int_equal(symlink("nowhere", dl), 0);
	assert_int_equal(atomic_open(&af, dl, err, sizeof err), -1);
	assert_non_null(strstr(err, "symbolic link to nothing"));
	assert_int_equal(access(dir, F_OK), 0);

	/* a file with two hard links: both names keep the old text */
	char *h1 = xasprintf("%s/h1", dir), *h2 = xasprintf("%s/h2", dir);
	test_write_file(h1, "old\n");
	assert_int_equal(link(h1, h2), 0);
	assert_int_equal(atomic_open(&af, h2, err, sizeof err), -1);
	assert_non_null(strstr(err, "has 2 hard links"));
	char *text = test_read_file(h1);
	assert_string_equal(text, "old\n");
	free(text);

	/* nothing was left behind: sub fifo to-fifo dangling h1 h2 */
	assert_int_equal(entries(dir), 6);
	unlink(h1);
	unlink(h2);
	unlink(dl);
	unlink(lf);
	unlink(fifo);
	rmdir(sub);
	rmdir(dir);
	free(h1);
	free(h2);
	free(dl);
	free(lf);
	free(fifo);
	free(sub);
}

/* A link is written through; a link planted at a temporary name is never
 * followed; the mode of the file replaced is kept. */
static void
atomic_links_and_modes(void **state)
{
	char dir[] = "/tmp/regtutor-atomic-XXXXXX", err[512];
	struct atomic_file af;
	struct stat st;
	char *text;

	(void)state;
	assert_non_null(mkdtemp(dir));
	char *target = xasprintf("%s/target", dir);
	char *link_ = xasprintf("%s/link", dir);
	test_write_file(target, "old\n");
	assert_int_equal(chmod(target, 0600), 0);
	assert_int_equal(symlink("target", link_), 0);

	/* through the link: the target gets the new text, the link stays */
	assert_int_equal(atomic_open(&af, link_, err, sizeof err), 0);
	fputs("new\n", af.f);
	assert_int_equal(atomic_close(&af, err, sizeof err), 0);
	assert_int_equal(lstat(link_, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	text = test_read_file(target);
	assert_string_equal(text, "new\n");
	free(text);
	/* a 0600 file stays 0600 */
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	assert_int_equal(chmod(target, 0640), 0);
	assert_int_equal(atomic_open(&af, target, err, sizeof err), 0);
	assert_int_equal(atomic_close(&af, err, sizeof err), 0);
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);

	/* a new file: 0666 less the umask */
	char *fresh = xasprintf("%s/fresh", dir);
	mode_t um = umask(022);
	assert_int_equal(atomic_open(&af, fresh, err, sizeof err), 0);
	assert_int_equal(atomic_close(&af, err, sizeof err), 0);
	umask(um);
	assert_int_equal(stat(fresh, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);

	/* links planted at every old-style and new-style temporary name
	 * pointing at a victim: the victim is never written */
	char *victim = xasprintf("%s/victim", dir);
	test_write_file(victim, "victim\n");
	char *planted = xasprintf("%s.tmp.%ld", target, (long)getpid());
	assert_int_equal(symlink(victim, planted), 0);
	assert_int_equal(atomic_open(&af, target, err, sizeof err), 0);
	assert_string_not_equal(af.tmp, planted);
	assert_int_equal(lstat(af.tmp, &st), 0);
	assert_true(S_ISREG(st.st_mode));	/* a new file, not a link */
	fputs("safe\n", af.f);
	assert_int_equal(atomic_close(&af, err, sizeof err), 0);
	text = test_read_file(victim);
	assert_string_equal(text, "victim\n");
	free(text);
	text = test_read_file(target);
	assert_string_equal(text, "safe\n");
	free(text);

	/* a link owned by someone else (planted in a shared directory) is
	 * not written through; only root can make one to test it */
	if (geteuid() == 0) {
		assert_int_equal(lchown(link_, 65534, 65534), 0);
		assert_int_equal(atomic_open(&af, link_, err, sizeof err), -1);
		assert_non_null(strstr(err, "owned by another user"));
		text = test_read_file(target);
		assert_string_equal(text, "safe\n");
		free(text);
	}

	unlink(planted);
	unlink(victim);
	unlink(fresh);
	unlink(link_);
	unlink(target);
	assert_int_equal(entries(dir), 0);
	rmdir(dir);
	free(planted);
	free(victim);
	free(fresh);
	free(link_);
	free(target);
}

/* file_open_read refuses by type and size, without blocking on a FIFO. */
static void
open_read_refuses(void **state)
{
	char dir[] = "/tmp/regtutor-read-XXXXXX", err[512];
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_null(file_open_read(dir, 100, err, sizeof err));
	assert_non_null(strstr(err, ": is a directory"));
	char *fifo = xasprintf("%s/fifo", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_null(file_open_read(fifo, 100, err, sizeof err));  /* no hang */
	assert_non_null(strstr(err, ": not a regular file"));
	assert_null(file_open_read("/dev/zero", 100, err, sizeof err));
	assert_string_equal(err, "/dev/zero: not a regular file "
	    "(a FIFO, device or socket)");
	char *big = xasprintf("%s/big", dir);
	test_write_file(big, "0123456789\n");
	assert_null(file_open_read(big, 10, err, sizeof err));
	assert_non_null(strstr(err, "too large (11 bytes; limit 10 bytes)"));
	f = file_open_read(big, 11, err, sizeof err);
	assert_non_null(f);
	fclose(f);
	char *none = xasprintf("%s/none", dir);
	assert_null(file_open_read(none, 10, err, sizeof err));
	assert_non_null(strstr(err, "No such file or directory"));
	unlink(big);
	unlink(fifo);
	rmdir(dir);
	free(none);
	free(big);
	free(fifo);
}

static void
lines_are_bounded(void **state)
{
	static char text[] = "ab\r\ncd\n\nlast";
	struct line_reader lr;
	char why[64], *l;
	size_t len;
	FILE *f;

	(void)state;
	f = fmemopen(text, strlen(text), "r");
	line_init(&lr, f, 4, 0);
	l = line_next(&lr, &len);
	assert_string_equal(l, "ab");
	assert_int_equal(len, 2);
	assert_string_equal(line_next(&lr, NULL), "cd");
	assert_string_equal(line_next(&lr, NULL), "");
	assert_string_equal(line_next(&lr, NULL), "last");
	assert_null(line_next(&lr, NULL));
	assert_int_equal(lr.error, LINE_OK);
	assert_int_equal(lr.line, 4);
	line_done(&lr);
	fclose(f);

	/* a line of 5 bytes with a limit of 4; exactly 4 is fine */
	f = fmemopen(text, strlen(text), "r");
	line_init(&lr, f, 3, 0);
	assert_string_equal(line_next(&lr, NULL), "ab");
	assert_string_equal(line_next(&lr, NULL), "cd");
	assert_string_equal(line_next(&lr, NULL), "");
	assert_null(line_next(&lr, NULL));
	assert_int_equal(lr.error, LINE_TOO_LONG);
	assert_int_equal(lr.line, 4);
	assert_string_equal(line_error(&lr, why, sizeof why),
	    "line too long (limit 3 bytes)");
	line_done(&lr);
	fclose(f);

	/* the whole input over its limit, counted as read */
	f = fopen("/dev/zero", "r");
	assert_non_null(f);
	line_init(&lr, f, 1 << 20, 1 << 16);
	assert_null(line_next(&lr, NULL));
	assert_int_equal(lr.error, LINE_TOO_LARGE);
	assert_string_equal(line_error(&lr, why, sizeof why),
	    "too large (limit 64 KiB)");
	line_done(&lr);
	fclose(f);

	/* a NUL byte is kept, with the length */
	static char nul[] = "a\0b\n";
	f = fmemopen(nul, 4, "r");
	line_init(&lr, f, 10, 0);
	l = line_next(&lr, &len);
	assert_int_equal(len, 3);
	assert_int_equal(l[2], 'b');
	line_done(&lr);
	fclose(f);
}

/* xgrow: room for every element written, the contents kept (ASan checks
 * the bounds); reallocations only at powers of two. */
static void
xgrow_grows(void **state)
{
	int *v = NULL, on_stack[4];
	size_t n;

	(void)state;
	for (n = 0; n < 5000; n++) {
		v = xgrow(v, n, sizeof *v);
		v[n] = (int)n;
	}
	for (n = 0; n < 5000; n++)
		assert_int_equal(v[n], (int)n);
	free(v);
	/* between powers of two nothing is reallocated: realloc of a
	 * pointer not from malloc would abort */
	for (n = 1; n < 100; n++)
		if (n < 8 || (n & (n - 1)) != 0)
			assert_ptr_equal(xgrow(on_stack, n, sizeof *v),
			    on_stack);
}

static void
strmap_maps(void **state)
{
	struct strmap m;
	char k[32];
	int i;

	(void)state;
	memset(&m, 0, sizeof m);
	assert_int_equal(strmap_get(&m, "x"), -1);
	for (i = 0; i < 5000; i++) {
		snprintf(k, sizeof k, "key%d", i);
		strmap_put(&m, k, i);
	}
	strmap_put(&m, "key7", 70);
	assert_int_equal(m.n, 5000);
	for (i = 0; i < 5000; i++) {
		snprintf(k, sizeof k, "key%d", i);
		assert_int_equal(strmap_get(&m, k), i == 7 ? 70 : i);
	}
	assert_int_equal(strmap_get(&m, "key5000"), -1);
	assert_int_equal(strmap_get(&m, ""), -1);
	strmap_done(&m);
	assert_int_equal(strmap_get(&m, "key1"), -1);
}

/* The one table of ASCII spellings, for a locale that is not UTF-8. */
static void
ascii_spellings(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "L = L0 + (\u03bb/n) \u03a3 |w|",
		    "L = L0 + (lambda/n) sum |w|" },
		{ "(\u03bb/n) \u03a3 w\u00b2", "(lambda/n) sum w^2" },
		{ "0.25\u00b9\u2070, 0.4\u2079", "0.25^10, 0.4^9" },
		{ "s \u00b7 \u221a16 \u2248 1", "s * sqrt 16 ~ 1" },
		{ "\u2016w\u2016 = \u221a(\u03a3 w\u00b2)",
		    "||w|| = sqrt(sum w^2)" },
		{ "w \u2190 (1 \u2212 2\u00b7lr)", "w <- (1 - 2*lr)" },
		{ "\u03c3\u2032 \u00b1 \u0177 \u2026", "sigma' +- yhat ..." },
		{ "\u250c\u2500\u2510\u2502\u2514\u2518", "+-+|++" },
		{ "\u2588\u25bc\u25c2\u2713", "#v<ok" },
		{ "\ud55c\uae00 ok", "???? ok" },	/* 2 columns each */
		{ "plain", "plain" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(cases); i++) {
		char *got = utf8_to_ascii(cases[i].in);

		assert_string_equal(got, cases[i].out);
		free(got);
	}
	assert_null(cp_ascii('a'));
	assert_null(cp_ascii(0x4E00));
	assert_string_equal(cp_ascii(0x00A0), " ");	/* the first row */
	assert_string_equal(cp_ascii(0xFFFD), "?");	/* the last row */
	assert_int_equal(cp_ascii1(0x2500), '-');
	assert_int_equal(cp_ascii1(0x03BB), '?');	/* "lambda": 6 columns */
	assert_int_equal(cp_ascii1('x'), 'x');
}

static void
no_negative_zero(void **state)
{
	char buf[32];

	(void)state;
	snprintf(buf, sizeof buf, "%.3f", num_shown(-0.0004, 3));
	assert_string_equal(buf, "0.000");
	snprintf(buf, sizeof buf, "%.3f", num_shown(-0.0006, 3));
	assert_string_equal(buf, "-0.001");
	snprintf(buf, sizeof buf, "%.3g", num_shown(-0.0, -1));
	assert_string_equal(buf, "0");
	snprintf(buf, sizeof buf, "%.3g", num_shown(-1e-20, -1));
	assert_string_equal(buf, "-1e-20");
	snprintf(buf, sizeof buf, "%.2f", num_shown(2.5, 2));
	assert_string_equal(buf, "2.50");
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
		cmocka_unit_test(nearest_name),
		cmocka_unit_test(xdg_path_and_dirs),
		cmocka_unit_test(mono_clock_advances),
		cmocka_unit_test(atomic_replace),
		cmocka_unit_test(atomic_refuses_special_files),
		cmocka_unit_test(atomic_links_and_modes),
		cmocka_unit_test(open_read_refuses),
		cmocka_unit_test(lines_are_bounded),
		cmocka_unit_test(xgrow_grows),
		cmocka_unit_test(strmap_maps),
		cmocka_unit_test(ascii_spellings),
		cmocka_unit_test(no_negative_zero),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
