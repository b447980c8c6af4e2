/*
 * testutil.c - tolerance comparison, small file helpers and golden files
 * for the cmocka tests.
 */
#include "config.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/util.h"
#include "testutil.h"

int
test_close(double a, double b, double tol)
{
	double scale = 1.0;

	if (isnan(a) || isnan(b))
		return 0;
	if (fabs(a) > scale)
		scale = fabs(a);
	if (fabs(b) > scale)
		scale = fabs(b);
	return fabs(a - b) <= tol * scale;
}

void
test_assert_close(double a, double b, double tol, const char *sa,
    const char *sb, const char *file, int line)
{
	if (!test_close(a, b, tol)) {
		print_error("%s (%.17g) != %s (%.17g) within %g\n", sa, a, sb,
		    b, tol);
		_fail(file, line);
	}
}

char *
test_srcpath(const char *rel)
{
	const char *dir = getenv("REGTUTOR_SRCDIR");

	if (dir == NULL)
		dir = getenv("REGTUTOR_DATADIR");
	if (dir == NULL)
		dir = ".";
	return xasprintf("%s/%s", dir, rel);
}

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct strbuf b;

	if (f == NULL)
		return NULL;
	strbuf_init(&b);
	if (strbuf_read_file(&b, f) != 0) {
		fclose(f);
		strbuf_done(&b);
		return NULL;
	}
	fclose(f);
	return strbuf_detach(&b);
}

void
test_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_true(fputs(text, f) != EOF);
	assert_int_equal(fclose(f), 0);
}

char *
test_read_file(const char *path)
{
	char *text = read_all(path);

	assert_non_null(text);
	return text;
}

int
golden_compare(const char *name, const char *text)
{
	char *rel = xasprintf("tests/golden/%s", name);
	char *path = test_srcpath(rel);
	char *want;
	const char *upd = getenv("UPDATE_GOLDEN");
	int rc = 0;

	free(rel);
	if (upd != NULL && strcmp(upd, "1") == 0) {
		FILE *f;

		mkdir_parents(path, 0777);
		f = fopen(path, "wb");
		if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
			print_error("cannot write golden file %s\n", path);
			rc = -1;
		}
		free(path);
		return rc;
	}
	want = read_all(path);
	if (want == NULL) {
		print_error("missing golden file %s (run UPDATE_GOLDEN=1 make check)\n",
		    path);
		free(path);
		return -1;
	}
	if (strcmp(want, text) != 0) {
		char tmpl[] = "/tmp/regtutor-golden-XXXXXX";
		int fd = mkstemp(tmpl);

		rc = -1;
		print_error("output differs from golden file %s\n", path);
		if (fd >= 0) {
			FILE *f = fdopen(fd, "wb");
			char *cmd;

			if (f != NULL) {
				fputs(text, f);
				fclose(f);
			} else
				close(fd);
			cmd = xasprintf("diff -u '%s' '%s' | sed 's/^/# /' 1>&2", path, tmpl);
			if (system(cmd) == -1)
				print_error("cannot run diff\n");
			free(cmd);
			unlink(tmpl);
		}
	}
	free(want);
	free(path);
	return rc;
}
