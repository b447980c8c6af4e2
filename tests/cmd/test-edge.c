#include "config.h"
/*
 * test-edge.c - the command language at the edges: hostile bytes and huge
 * words in messages, numbers at the end of the double range, a diverged
 * (NaN) net, a net too small for what is asked, and files written with the
 * loss left to 'auto'.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "cmd/cmd.h"
#include "util/util.h"
#include "../testutil.h"

/* A path under tests/tmp of the build dir; caller frees. */
static char *
tmp_path(const char *name)
{
	(void)mkdir("tests", 0755);
	(void)mkdir("tests/tmp", 0755);
	return xasprintf("tests/tmp/edge-%s", name);
}

/* Runs line, expecting rc; returns the transcript text (caller frees). */
static char *
run(struct session *s, const char *line, int want)
{
	struct transcript *t = transcript_new();
	int rc = cmd_execute(s, line, t);
	char *text = transcript_text(t);

	if (rc != want)
		print_error("line '%.200s': rc %d, want %d\n%.2000s", line, rc,
		    want, text);
	assert_int_equal(rc, want);
	transcript_free(t);
	return text;
}

/* The error message (the last error item) of a failing line; caller
 * frees. */
static char *
error_of(struct session *s, const char *line)
{
	struct transcript *t = transcript_new();
	char *msg = NULL;

	assert_int_equal(cmd_execute(s, line, t), CMD_ERROR);
	for (size_t i = 0; i < transcript_count(t); i++)
		if (transcript_item(t, i)->kind == TR_ERROR) {
			free(msg);
			msg = xstrdup(transcript_item(t, i)->text);
		}
	transcript_free(t);
	assert_non_null(msg);
	return msg;
}

/* A 1 MB unknown command word is not echoed whole: the message is as
 * bounded as any other. */
static void
huge_word_is_cut(void **state)
{
	struct session *s = session_new(1);
	size_t n = 1 << 20;
	char *line = xmalloc(n + 1), *msg;

	(void)state;
	memset(line, 'x', n);
	line[n] = '\0';
	msg = error_of(s, line);
	assert_true(strlen(msg) <= 500);
	assert_non_null(strstr(msg, "...: unknown command"));
	free(msg);
	/* a huge argument too */
	memcpy(line, "set act ", 8);
	msg = error_of(s, line);
	assert_true(strlen(msg) <= 500);
	assert_int_equal(strncmp(msg, "set: ", 5), 0);
	assert_string_equal(msg + strlen(msg) - 3, "...");
	free(msg);
	free(line);
	session_free(s);
}

/* ESC, other control bytes and invalid UTF-8 from the user are shown as
 * \xHH in messages: nothing reaches the terminal as an escape sequence. */
static void
hostile_bytes_are_escaped(void **state)
{
	struct session *s = session_new(1);
	char *msg;

	(void)state;
	msg = error_of(s, "set act \"\x1b]0;owned\x07red\"");
	assert_null(strchr(msg, '\x1b'));
	assert_null(strchr(msg, '\x07'));
	assert_non_null(strstr(msg, "\\x1b]0;owned\\x07red"));
	free(msg);
	msg = error_of(s, "\x1b[2Jboom");
	assert_int_equal(strncmp(msg, "\\x1b[2Jboom: unknown command", 27),
	    0);
	free(msg);
	/* a byte that is not UTF-8, a C1 control (U+009B, CSI); Hangul and
	 * U+FFFD itself are kept */
	msg = error_of(s, "set act \"\xff\xc2\x9b" "31m\xed\x95\x9c\xef\xbf\xbd\"");
	assert_non_null(strstr(msg, "\\xff\\xc2\\x9b31m\xed\x95\x9c"
	    "\xef\xbf\xbd"));
	free(msg);
	session_free(s);
}

/* A diverged net (a NaN weight) has a validation set all the same: eval
 * says val loss nan, not "(no validation set)" followed by a val
 * accuracy. */
static void
nan_weight_eval(void **state)
{
	struct session *s = session_new(1);
	char *path = tmp_path("nan.net"), *line, *text, *w;
	struct strbuf b;
	FILE *f;

	(void)state;
	line = xasprintf("data moons n=40 seed=1; net 2-3-1; export weights "
	    "%s", path);
	free(run(s, line, CMD_OK));
	free(line);
	f = fopen(path, "r");
	assert_non_null(f);
	strbuf_init(&b);
	assert_int_equal(strbuf_read_file(&b, f), 0);
	fclose(f);
	/* the first weight of layer 0 becomes nan */
	w = strstr(b.s, "param 0 W 6\n");
	assert_non_null(w);
	w += strlen("param 0 W 6\n");
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "%.*snan%s", (int)(w - b.s), b.s, strchr(w, ' '));
	fclose(f);
	strbuf_done(&b);
	line = xasprintf("import weights %s", path);
	free(run(s, line, CMD_OK));
	free(line);
	text = run(s, "eval", CMD_OK);
	assert_null(strstr(text, "no validation set"));
	assert_non_null(strstr(text, "val loss nan"));
	assert_non_null(strstr(text, "accuracy: train "));
	assert_non_null(strstr(text, ", val "));
	free(text);
	(void)remove(path);
	free(path);
	session_free(s);
}

/* plot norm on a net without a hidden layer says so (it said "allowed:
 * 1..0"). */
static void
norm_without_hidden_layer(void **state)
{
	struct session *s = session_new(1);
	char *msg;

	(void)state;
	free(run(s, "data moons n=20; net 2-1 norm=batch", CMD_OK));
	msg = error_of(s, "plot norm");
	assert_null(strstr(msg, "1..0"));
	assert_non_null(strstr(msg, "no hidden layer"));
	free(msg);
	msg = error_of(s, "plot norm 1");
	assert_non_null(strstr(msg, "no hidden layer"));
	free(msg);
	session_free(s);
}

/* A net exported with the loss left to 'auto' imports with 'auto': a
 * classifier's bce does not follow it to regression data. */
static void
import_keeps_loss_auto(void **state)
{
	struct session *s = session_new(1), *s2 = session_new(1);
	char *path = tmp_path("auto.net"), *line, *text;

	(void)state;
	line = xasprintf("data moons n=40; net 2-3-1; train 2; export "
	    "weights %s", path);
	free(run(s, line, CMD_OK));
	free(line);
	line = xasprintf("import weights %s", path);
	free(run(s2, line, CMD_OK));
	free(line);
	text = run(s2, "get loss", CMD_OK);
	assert_string_equal(text, "> get loss\nloss = auto\n");
	free(text);
	free(run(s2, "data sine n=30; net 1-4-1; train 2", CMD_OK));
	/* a loss set by hand stays */
	line = xasprintf("data moons n=40; set loss mse; net 2-3-1; export "
	    "weights %s; set loss auto; import weights %s; get loss", path,
	    path);
	text = run(s, line, CMD_OK);
	assert_non_null(strstr(text, "loss = mse"));
	free(text);
	free(line);
	(void)remove(path);
	free(path);
	session_free(s);
	session_free(s2);
}

/* Losses near the largest double: plot loss draws its y ticks. */
static void
plot_loss_near_dbl_max(void **state)
{
	struct session *s = session_new(1);
	char *path = tmp_path("huge.lab"), *line, *text, *dump, *h;
	FILE *f;

	(void)state;
	session_set_render(s, CMD_GLYPH_ASCII, CMD_COLOR_NONE, 72, 20);
	free(run(s, "data moons n=20 seed=1; net 2-3-1", CMD_OK));
	dump = session_dump(s);
	h = strstr(dump, "history 0\n");
	assert_non_null(h);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "%.*shistory 3\n", (int)(h - dump), dump);
	for (int e = 1; e <= 3; e++)
		fprintf(f, "%d,1.79e308,1.79e308,0,0.5,0.5,0.03\n", e);
	fprintf(f, "%s", h + strlen("history 0\n"));
	fclose(f);
	free(dump);
	line = xasprintf("load %s", path);
	free(run(s, line, CMD_OK));
	free(line);
	text = run(s, "plot loss", CMD_OK);
	assert_non_null(strstr(text, "1.7e308+"));
	free(text);
	(void)remove(path);
	free(path);
	session_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(huge_word_is_cut),
		cmocka_unit_test(hostile_bytes_are_escaped),
		cmocka_unit_test(nan_weight_eval),
		cmocka_unit_test(norm_without_hidden_layer),
		cmocka_unit_test(import_keeps_loss_auto),
		cmocka_unit_test(plot_loss_near_dbl_max),
	};

	return cmocka_run_group_tests_name("cmd-edge", tests, NULL, NULL);
}
