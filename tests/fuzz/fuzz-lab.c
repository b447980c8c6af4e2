#include "config.h"
/*
 * fuzz-lab.c - the lab file reader ('load', what 'save' writes).
 *
 * Properties: a failed 'load' leaves the session as it was; a loaded lab
 * saves, loads into a fresh session to the same state, and saves again to
 * the same bytes.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "fuzz.h"

static int
run(struct session *s, const char *line)
{
	struct transcript *t = transcript_new();
	int rc = cmd_execute(s, line, t);

	if (rc != CMD_OK && rc != CMD_ERROR) {
		char *text = transcript_text(t);

		fprintf(stderr, "%s\n", text);
		free(text);
	}
	transcript_free(t);
	return rc;
}

static struct session *
fresh(void)
{
	struct session *s = session_new(1);

	session_set_render(s, CMD_GLYPH_ASCII, 0, 80, 24);
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct session *s, *s2;
	char *before, *after, *again;

	fuzz_scratch();
	fuzz_write("in.lab", data, size);
	s = fresh();
	/* a session with something in it, so that 'unchanged' means more */
	FUZZ_ASSERT(run(s, "data moons n=20 seed=2; net 2-3-1; train 2") ==
	    CMD_OK, "the starting session");
	before = session_dump(s);
	if (run(s, "load in.lab") != CMD_OK) {
		after = session_dump(s);
		FUZZ_ASSERT(strcmp(before, after) == 0,
		    "a failed load leaves the session unchanged");
		free(after);
		free(before);
		session_free(s);
		return 0;
	}
	after = session_dump(s);
	FUZZ_ASSERT(run(s, "save out1.lab") == CMD_OK, "saving a loaded lab");
	s2 = fresh();
	FUZZ_ASSERT(run(s2, "load out1.lab") == CMD_OK,
	    "a saved lab loads again");
	again = session_dump(s2);
	FUZZ_ASSERT(strcmp(after, again) == 0,
	    "save, load: the same state");
	FUZZ_ASSERT(run(s2, "save out2.lab") == CMD_OK, "saving it again");
	FUZZ_ASSERT(fuzz_same_file("out1.lab", "out2.lab"),
	    "save, load, save: the same bytes");
	free(before);
	free(after);
	free(again);
	session_free(s);
	session_free(s2);
	return 0;
}
