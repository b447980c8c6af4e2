#include "config.h"
/*
 * fuzz-progress.c - the learner's progress file reader.
 *
 * Properties: a file that is not a progress file is set aside whole as
 * PATH.corrupt, with a warning, and progress starts empty; one with bad
 * lines is copied whole to PATH.corrupt and left as it is, with a warning
 * naming FILE:LINE, and its good lines load; what loaded saves, loads
 * again without a warning and saves again to the same bytes.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lesson/progress.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf warn, err;
	struct progress *p, *p2;
	char *kept, *first, *second;
	size_t klen, flen, slen;

	fuzz_scratch();
	(void)unlink("prog.corrupt");
	fuzz_write("prog", data, size);
	strbuf_init(&warn);
	strbuf_init(&err);
	p = progress_load("prog", &warn);
	FUZZ_ASSERT(p != NULL, "progress_load never fails");
	if (warn.len > 0) {
		kept = fuzz_read("prog.corrupt", &klen);
		FUZZ_ASSERT(kept != NULL && klen == size &&
		    (size == 0 || memcmp(kept, data, size) == 0),
		    "a file with a warning is kept whole as PATH.corrupt");
		free(kept);
		if (access("prog", F_OK) != 0) {
			/* not a progress file: moved aside, nothing loaded */
			FUZZ_ASSERT(progress_latest(p) == NULL,
			    "a file set aside loads nothing");
			progress_free(p);
			strbuf_done(&warn);
			strbuf_done(&err);
			return 0;
		}
		/* bad lines: the file untouched, the good lines loaded
		 * (saved below, they load without a warning) */
		kept = fuzz_read("prog", &klen);
		FUZZ_ASSERT(kept != NULL && klen == size &&
		    (size == 0 || memcmp(kept, data, size) == 0),
		    "a file with bad lines is left as it is");
		FUZZ_ASSERT(strstr(warn.s, "prog:") == warn.s,
		    "a bad line is named as FILE:LINE");
		free(kept);
		strbuf_done(&warn);
		strbuf_init(&warn);
	}
	FUZZ_ASSERT(progress_save(p, &err) == 0, "saving loaded progress");
	first = fuzz_read("prog", &flen);
	FUZZ_ASSERT(first != NULL, "the saved file exists");
	p2 = progress_load("prog", &warn);
	FUZZ_ASSERT(warn.len == 0, "saved progress loads without a warning");
	FUZZ_ASSERT(progress_save(p2, &err) == 0, "saving it again");
	second = fuzz_read("prog", &slen);
	FUZZ_ASSERT(second != NULL && flen == slen &&
	    memcmp(first, second, flen) == 0,
	    "save, load, save: the same bytes");
	free(first);
	free(second);
	progress_free(p2);
	progress_free(p);
	strbuf_done(&warn);
	strbuf_done(&err);
	return 0;
}
