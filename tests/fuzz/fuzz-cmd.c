#include "config.h"
/*
 * fuzz-cmd.c - one command line on a fresh session (what the shell, --repl,
 * -e and standard input run).
 *
 * Properties: a line the validator (cmd_check) rejects fails when run too;
 * a line of one command that fails leaves the session as it was; every
 * message is one printable line of valid UTF-8 (no terminal control bytes)
 * of bounded length.  Training stops after a few epochs per input (through
 * the epoch hook, as ^C does) so that inputs stay quick.  Lines that name
 * a path with '/' are skipped: files are written in a scratch directory
 * only.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/cmd-int.h"
#include "util/util.h"
#include "fuzz.h"

#define MAX_EPOCHS 40		/* per input, over every run of the line */
#define MAX_MESSAGE 600		/* bytes of one error message */

static int
stop_after(void *ctx, const struct cmd_epoch_info *info)
{
	int *left = ctx;

	(void)info;
	return --*left <= 0;
}

/* Valid UTF-8 without C0/C1 controls (tabs allowed). */
static int
clean_text(const char *s)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);

		if (cp == 0xfffd && !(k == 3 && memcmp(s + i, "\xef\xbf\xbd",
		    3) == 0))
			return 0;
		if ((cp < 0x20 && cp != '\t') || (cp >= 0x7f && cp < 0xa0))
			return 0;
		i += k;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = fuzz_text(data, size), *before, *after;
	struct session *s;
	struct transcript *t;
	struct cmdline *cmds;
	int ncmds, checked, rc, left = MAX_EPOCHS, errcol;
	char err[512], terr[256];
	size_t erroff;

	if (memchr(data, '/', size) != NULL) {
		free(line);
		return 0;
	}
	fuzz_scratch();
	s = session_new(1);
	session_set_render(s, CMD_GLYPH_ASCII, 0, 80, 24);
	session_set_epoch_hook(s, stop_after, &left);
	t = transcript_new();
	before = session_dump(s);
	checked = cmd_check(line, err, sizeof err, &errcol);
	rc = cmd_execute(s, line, t);
	after = session_dump(s);
	/* (a run stopped as by ^C ends the line before the bad command) */
	if (checked != 0)
		FUZZ_ASSERT(rc == CMD_ERROR || rc == CMD_STOPPED,
		    "a line cmd_check rejects fails");
	if (cmd_tokenize(line, &cmds, &ncmds, terr, sizeof terr,
	    &erroff) == 0) {
		if (ncmds == 1 && rc == CMD_ERROR)
			FUZZ_ASSERT(strcmp(before, after) == 0,
			    "a failed command leaves the session unchanged");
		cmd_tokens_free(cmds, ncmds);
	}
	for (size_t i = 0; i < transcript_count(t); i++) {
		const struct tr_item *it = transcript_item(t, i);

		if (it->kind != TR_ERROR)
			continue;
		FUZZ_ASSERT(strlen(it->text) <= MAX_MESSAGE,
		    "an error message is of bounded length");
		FUZZ_ASSERT(clean_text(it->text),
		    "an error message is printable UTF-8");
	}
	free(before);
	free(after);
	transcript_free(t);
	session_free(s);
	free(line);
	return 0;
}
