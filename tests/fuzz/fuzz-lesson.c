#include "config.h"
/*
 * fuzz-lesson.c - the lesson loader and validator (--check, every lesson
 * opened).
 *
 * Properties: a lesson loads (no problem reported) or is rejected with at
 * least one "path:line:col: message" diagnostic and a matching count; the
 * same input gives the same verdict and the same diagnostics twice.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf d1, d2;
	struct lesson *l1, *l2;
	int n1 = -1, n2 = -1;

	fuzz_scratch();
	fuzz_write("in.lesson", data, size);
	strbuf_init(&d1);
	strbuf_init(&d2);
	l1 = lesson_load("in.lesson", &d1, &n1);
	l2 = lesson_load("in.lesson", &d2, &n2);
	if (l1 == NULL) {
		FUZZ_ASSERT(n1 > 0, "a rejected lesson counts its problems");
		FUZZ_ASSERT(d1.s != NULL &&
		    strncmp(d1.s, "in.lesson:", 10) == 0,
		    "a rejected lesson names the file");
	} else {
		FUZZ_ASSERT(n1 == 0, "a loaded lesson has no problem");
		FUZZ_ASSERT(l1->npages >= 1, "a loaded lesson has a page");
	}
	FUZZ_ASSERT((l1 == NULL) == (l2 == NULL) && n1 == n2,
	    "the same verdict twice");
	FUZZ_ASSERT((d1.s == NULL) == (d2.s == NULL) &&
	    (d1.s == NULL || strcmp(d1.s, d2.s) == 0),
	    "the same diagnostics twice");
	lesson_free(l1);
	lesson_free(l2);
	strbuf_done(&d1);
	strbuf_done(&d2);
	return 0;
}
