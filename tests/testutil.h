/*
 * testutil.h - shared helpers for the cmocka test binaries.
 *
 * Include after <setjmp.h>, <stdarg.h>, <stddef.h> and <cmocka.h>.
 * assert_close(): doubles equal within an absolute-or-relative tolerance.
 * golden_check(): compare text with tests/golden/<name>, rewrite it when
 * UPDATE_GOLDEN=1, print a unified diff on mismatch.
 */
#ifndef REGTUTOR_TESTUTIL_H
#define REGTUTOR_TESTUTIL_H

#include <stddef.h>

/* True when |a-b| <= tol * max(1, |a|, |b|). */
int test_close(double a, double b, double tol);
#define assert_close(a, b, tol) \
	test_assert_close((a), (b), (tol), #a, #b, __FILE__, __LINE__)
void test_assert_close(double a, double b, double tol, const char *sa,
    const char *sb, const char *file, int line);

/* Path of a source-tree file: $REGTUTOR_SRCDIR (or $REGTUTOR_DATADIR)/rel. Caller frees. */
char *test_srcpath(const char *rel);

/* Writes text to path (asserting it could). */
void test_write_file(const char *path, const char *text);
/* The whole file (asserting it could be read); caller frees. */
char *test_read_file(const char *path);

/*
 * Compares text with tests/golden/<name>.  With UPDATE_GOLDEN=1 in the
 * environment the golden file is (re)written and the check passes.  On a
 * mismatch prints a unified diff and returns -1; 0 on match.
 */
int golden_compare(const char *name, const char *text);
#define assert_golden(name, text) assert_int_equal(golden_compare((name), (text)), 0)

#endif
