#include "config.h"
/*
 * parse.c - words of the command language and the argument helpers.
 *
 * The tokenizer knows ';' (command separator), '#' (comment to the end of
 * the line), blanks, and '...' / "..." quotes (no escapes inside '',
 * backslash escapes the next byte inside "").  Every word remembers its
 * byte offset so errors can point at a column.  The helpers turn words into
 * numbers and enumerations strictly, with messages that say what is
 * allowed.
 */

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd-int.h"
#include "nn/nn.h"
#include "util/i18n.h"

/* ------------------------------------------------------------ tokenizer */

static void
push_token(struct cmdline *cl, struct strbuf *w, size_t off)
{
	cl->v = xreallocarray(cl->v, (size_t)cl->n + 1, sizeof *cl->v);
	cl->v[cl->n].s = strbuf_detach(w);
	cl->v[cl->n].off = off;
	cl->n++;
}

static void
push_cmd(struct cmdline **cmds, int *n, struct cmdline *cl)
{
	if (cl->n == 0) {
		free(cl->v);
	} else {
		*cmds = xreallocarray(*cmds, (size_t)*n + 1, sizeof **cmds);
		(*cmds)[(*n)++] = *cl;
	}
	memset(cl, 0, sizeof *cl);
}

int
cmd_tokenize(const char *line, struct cmdline **cmds, int *ncmds, char *err,
    size_t errlen, size_t *erroff)
{
	struct cmdline cl = { NULL, 0, 0, 0 };
	struct strbuf w;
	size_t i = 0, woff = 0;
	int inword = 0;

	*cmds = NULL;
	*ncmds = 0;
	strbuf_init(&w);
	for (;;) {
		char ch = line[i];

		if (ch == '\0' || ch == '\n' || ch == '#' || ch == ';' ||
		    ch == ' ' || ch == '\t' || ch == '\r') {
			if (inword) {
				push_token(&cl, &w, woff);
				inword = 0;
			}
			if (ch == ' ' || ch == '\t' || ch == '\r') {
				i++;
				continue;
			}
			cl.end = i;
			push_cmd(cmds, ncmds, &cl);
			if (ch == ';' || ch == '\n') {
				i++;
				cl.off = i;
				continue;
			}
			break;	/* NUL or comment */
		}
		if (!inword) {
			inword = 1;
			woff = i;
			if (cl.n == 0)
				cl.off = i;
		}
		if (ch == '\'' || ch == '"') {
			char q = ch;
			size_t qoff = i++;

			while (line[i] != q) {
				if (line[i] == '\0') {
					snprintf(err, errlen,
					    _("unterminated %s quote"),
					    q == '"' ? _("double") : _("single"));
					*erroff = qoff;
					strbuf_done(&w);
					push_cmd(cmds, ncmds, &cl);
					cmd_tokens_free(*cmds, *ncmds);
					*cmds = NULL;
					*ncmds = 0;
					return -1;
				}
				if (q == '"' && line[i] == '\\' &&
				    line[i + 1] != '\0')
					i++;
				strbuf_addch(&w, line[i++]);
			}
			i++;
			/* an empty quoted word still is a word */
			if (w.s == NULL)
				strbuf_add(&w, "", 0);
			continue;
		}
		strbuf_addch(&w, ch);
		i++;
	}
	strbuf_done(&w);
	return 0;
}

void
cmd_tokens_free(struct cmdline *cmds, int ncmds)
{
	for (int i = 0; i < ncmds; i++) {
		for (int j = 0; j < cmds[i].n; j++)
			free(cmds[i].v[j].s);
		free(cmds[i].v);
	}
	free(cmds);
}

/* ------------------------------------------------------------ messages */

#define MSG_MAX 500		/* bytes of an error message, "..." included */
#define MSG_WORD_MAX 64		/* bytes of the command word in front of it */

/*
 * Appends s to b as it may be shown in a terminal: control bytes (C0 but
 * the kept ones, DEL, C1) and bytes that are not UTF-8 become "\xHH", so
 * that no argument can carry an escape sequence into a message.  keep
 * lists the control bytes let through ("\n" for multi-line output).  When
 * b would grow past max bytes, stops before the character that does not
 * fit and appends "..." (max 0: no limit).
 */
static void
add_shown(struct strbuf *b, const char *s, const char *keep, size_t max)
{
	size_t n = strlen(s), i = 0;

	while (i < n) {
		char piece[20];
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp), plen = 0;
		int bad = (cp == 0xfffd && !(k == 3 &&
		    memcmp(s + i, "\xef\xbf\xbd", 3) == 0)) ||
		    (cp < 0x20 && (cp == 0 || strchr(keep, (int)cp) == NULL)) ||
		    (cp >= 0x7f && cp < 0xa0);

		if (bad)
			for (size_t j = 0; j < k; j++)
				plen += (size_t)snprintf(piece + plen,
				    sizeof piece - plen, "\\x%02x",
				    (unsigned char)s[i + j]);
		else {
			memcpy(piece, s + i, k);
			plen = k;
		}
		if (max > 0 && b->len + plen > max - 3) {
			strbuf_adds(b, "...");
			return;
		}
		strbuf_add(b, piece, plen);
		i += k;
	}
}

int
cmd_error(struct cmd_ctx *c, int argi, const char *fmt, ...)
{
	struct strbuf b;
	char *msg;
	va_list ap;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (c->failed) {
		free(msg);
		return CMD_ERROR;
	}
	c->failed = 1;
	if (argi >= 0 && argi < c->argc)
		c->erroff = c->argv[argi].off;
	else if (c->argc > 0)
		c->erroff = c->argv[0].off;
	/* the one place an error message is put together: "word: message",
	 * bounded and with the user's bytes made harmless */
	strbuf_init(&b);
	add_shown(&b, c->argv[0].s, "", MSG_WORD_MAX);
	strbuf_adds(&b, ": ");
	add_shown(&b, msg, "", MSG_MAX);
	if (c->err != NULL)
		snprintf(c->err, c->errlen, "%s", b.s);
	if (c->t != NULL)
		transcript_add(c->t, TR_ERROR, "%s", b.s);
	strbuf_done(&b);
	free(msg);
	return CMD_ERROR;
}

static void PRINTF_LIKE(3, 0)
cmd_vadd(struct cmd_ctx *c, enum tr_kind kind, const char *fmt, va_list ap)
{
	struct strbuf b;
	char *s;

	if (c->t == NULL)
		return;
	s = xvasprintf(fmt, ap);
	strbuf_init(&b);
	add_shown(&b, s, "\t\n", 0);
	transcript_add(c->t, kind, "%s", b.s);
	strbuf_done(&b);
	free(s);
}

void
cmd_out(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cmd_vadd(c, TR_OUTPUT, fmt, ap);
	va_end(ap);
}

void
cmd_info(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cmd_vadd(c, TR_INFO, fmt, ap);
	va_end(ap);
}

void
cmd_warn(struct cmd_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cmd_vadd(c, TR_WARNING, fmt, ap);
	va_end(ap);
}

/* ------------------------------------------------------------ arguments */

static void
range_str(char *buf, size_t len, double min, double max, int min_open)
{
	char a[32], b[32];

	fmt_num(a, sizeof a, min);
	fmt_num(b, sizeof b, max);
	if (isinf(max))
		snprintf(buf, len, _("a number %s %s"), min_open ? ">" : ">=", a);
	else
		snprintf(buf, len, _("a number %s %s and <= %s"),
		    min_open ? ">" : ">=", a, b);
}

static int
real_check(struct cmd_ctx *c, int argi, const char *what, const char *text,
    double min, double max, int min_open, double *out)
{
	char allowed[96];
	double v;

	range_str(allowed, sizeof allowed, min, max, min_open);
	if (parse_double(text, &v) != 0)
		return cmd_error(c, argi, _("%s: '%s' is not a finite number "
		    "(allowed: %s)"), what, text, allowed);
	if (v < min || v > max || (min_open && v == min))
		return cmd_error(c, argi, _("%s: %s is out of range (allowed: %s)"),
		    what, text, allowed);
	*out = v;
	return 0;
}

int
arg_double(struct cmd_ctx *c, int argi, const char *what, const char *text,
    double min, double max, double *out)
{
	return real_check(c, argi, what, text, min, max, 0, out);
}

int
arg_long(struct cmd_ctx *c, int argi, const char *what, const char *text,
    long min, long max, long *out)
{
	long v;

	if (parse_long(text, &v) != 0)
		return cmd_error(c, argi, _("%s: '%s' is not an integer "
		    "(allowed: an integer from %ld to %ld)"), what, text, min, max);
	if (v < min || v > max)
		return cmd_error(c, argi, _("%s: %s is out of range "
		    "(allowed: an integer from %ld to %ld)"), what, text, min, max);
	*out = v;
	return 0;
}

const char *
choices_str(const char *const *choices, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; choices[i] != NULL; i++) {
		int k = snprintf(buf + n, len - n, "%s%s", i ? "|" : "",
		    choices[i]);
		if (k < 0 || (size_t)k >= len - n)
			break;
		n += (size_t)k;
	}
	return buf;
}

const char *const *
kind_names(const char *(*name)(int))
{
	static struct {
		const char *(*name)(int);
		const char **v;
	} lists[16];
	size_t i;
	int n;

	for (i = 0; i < COUNT(lists) && lists[i].name != NULL; i++)
		if (lists[i].name == name)
			return lists[i].v;
	if (i == COUNT(lists))
		abort();	/* more kinds than lists: raise the 16 */
	for (n = 0; name(n) != NULL; n++)
		;
	lists[i].v = xcalloc((size_t)n + 1, sizeof *lists[i].v);
	for (n = 0; name(n) != NULL; n++)
		lists[i].v[n] = name(n);
	lists[i].name = name;
	return lists[i].v;
}

char *
cmd_text(const char *s)
{
	static const struct {
		const char *tag;
		const char *(*name)(int);
	} tags[] = {
		{ "{act}", nn_act_name },
		{ "{init}", nn_init_name },
		{ "{norm}", nn_norm_name },
	};
	const char *const *names;
	struct strbuf b;
	size_t i;

	strbuf_init(&b);
	while (*s != '\0') {
		for (i = 0; i < COUNT(tags); i++)
			if (strncmp(s, tags[i].tag, strlen(tags[i].tag)) == 0)
				break;
		if (i == COUNT(tags)) {
			strbuf_addch(&b, *s++);
			continue;
		}
		names = kind_names(tags[i].name);
		for (int k = 0; names[k] != NULL; k++)
			strbuf_addf(&b, "%s%s", k ? "|" : "", names[k]);
		s += strlen(tags[i].tag);
	}
	return strbuf_detach(&b);
}

int
arg_enum(struct cmd_ctx *c, int argi, const char *what, const char *text,
    const char *const *choices, int *out)
{
	char buf[256];
	const char *best;

	for (int i = 0; choices[i] != NULL; i++)
		if (strcmp(choices[i], text) == 0) {
			*out = i;
			return 0;
		}
	best = nearest_in(text, choices);
	choices_str(choices, buf, sizeof buf);
	if (best != NULL)
		return cmd_error(c, argi, _("%s: unknown value '%s'; did you mean "
		    "'%s'? (allowed: %s)"), what, text, best, buf);
	return cmd_error(c, argi, _("%s: unknown value '%s' (allowed: %s)"), what,
	    text, buf);
}

int
arg_keyval(struct cmd_ctx *c, int argi, char *key, size_t keylen,
    const char **value)
{
	const char *s = c->argv[argi].s;
	const char *eq = strchr(s, '=');

	if (eq == NULL || eq == s)
		return cmd_error(c, argi, _("'%s' is not key=value"), s);
	if ((size_t)(eq - s) >= keylen)
		return cmd_error(c, argi, _("unknown key in '%s'"), s);
	memcpy(key, s, (size_t)(eq - s));
	key[eq - s] = '\0';
	*value = eq + 1;
	return 0;
}

