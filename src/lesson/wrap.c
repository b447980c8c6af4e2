#include "config.h"
/*
 * wrap.c - narrative text wrapped to a width in display columns.
 *
 * Lesson paragraphs carry light emphasis (**bold**, `code`) and may be
 * Korean, where every Hangul syllable takes two terminal columns.  The
 * wrapper removes the markers, remembers the style of every byte, breaks
 * lines at spaces by display width (util's cp_width) and cuts an overlong
 * word between characters, never inside one.  Each output line carries its
 * style spans so the TUI can draw bold and code, and batch mode can print
 * plain text or escape sequences.
 */

#include <stdlib.h>
#include <string.h>

#include "lesson/lesson.h"

/* Text without markers, with the style of every byte. */
struct styled {
	char *s;
	unsigned char *st;
	size_t len;
};

static void
unmark(const char *text, int flags, struct styled *o)
{
	size_t n = strlen(text), i;
	int bold = 0, code = 0;

	o->s = xmalloc(n + 1);
	o->st = xmalloc(n + 1);
	o->len = 0;
	for (i = 0; i < n; i++) {
		if (text[i] == '`') {
			code = !code;
			if (flags & LESSON_WRAP_TICKS) {
				o->s[o->len] = '`';
				o->st[o->len++] = LS_CODE;
			}
			continue;
		}
		if (!code && text[i] == '*' && text[i + 1] == '*') {
			bold = !bold;
			i++;
			continue;
		}
		o->s[o->len] = text[i];
		o->st[o->len] = code ? LS_CODE : bold ? LS_BOLD : LS_PLAIN;
		o->len++;
	}
	o->s[o->len] = '\0';
}

char *
lesson_plain(const char *text)
{
	struct styled o;

	unmark(text, 0, &o);
	free(o.st);
	return o.s;
}

/* A line under construction. */
struct lbuf {
	struct strbuf b;
	unsigned char *st;
	size_t stcap;
	int width;
	int content;		/* any word on it yet */
};

static void
lb_add(struct lbuf *l, const char *s, const unsigned char *st, size_t n,
    int w)
{
	if (l->b.len + n + 1 > l->stcap) {
		l->stcap = (l->b.len + n + 1) * 2;
		l->st = xrealloc(l->st, l->stcap);
	}
	if (st != NULL)
		memcpy(l->st + l->b.len, st, n);
	else
		memset(l->st + l->b.len, LS_PLAIN, n);
	strbuf_add(&l->b, s, n);
	l->width += w;
}

static void
lb_start(struct lbuf *l, int indent)
{
	strbuf_init(&l->b);
	l->width = 0;
	l->content = 0;
	while (indent-- > 0)
		lb_add(l, " ", NULL, 1, 1);
}

static void
lb_emit(struct lbuf *l, struct lesson_lines *out)
{
	struct lesson_line *ln;
	size_t i;

	out->v = xreallocarray(out->v, (size_t)out->n + 1, sizeof *out->v);
	ln = &out->v[out->n++];
	ln->width = l->width;
	ln->spans = NULL;
	ln->nspans = 0;
	for (i = 0; i < l->b.len; ) {
		size_t j = i;

		while (j < l->b.len && l->st[j] == l->st[i])
			j++;
		ln->spans = xreallocarray(ln->spans, (size_t)ln->nspans + 1,
		    sizeof *ln->spans);
		ln->spans[ln->nspans].off = i;
		ln->spans[ln->nspans].len = j - i;
		ln->spans[ln->nspans].style = (enum lesson_style)l->st[i];
		ln->nspans++;
		i = j;
	}
	ln->text = strbuf_detach(&l->b);
}

void
lesson_wrap(const char *text, int width, int indent1, int indent2,
    struct lesson_lines *out)
{
	lesson_wrap_ex(text, width, indent1, indent2, 0, out);
}

void
lesson_wrap_ex(const char *text, int width, int indent1, int indent2,
    int flags, struct lesson_lines *out)
{
	struct styled t;
	struct lbuf l;
	size_t i = 0;
	unsigned char sp_style = LS_PLAIN;

	if (width < 8)
		width = 8;
	if (indent1 > width / 2)
		indent1 = width / 2;
	if (indent2 > width / 2)
		indent2 = width / 2;
	if (flags & LESSON_WRAP_ASCII) {
		char *a = utf8_to_ascii(text);

		unmark(a, flags, &t);
		free(a);
	} else {
		unmark(text, flags, &t);
	}
	memset(&l, 0, sizeof l);
	lb_start(&l, indent1);
	while (i <= t.len) {
		size_t j;
		int ww;

		if (i == t.len || t.s[i] == '\n') {
			lb_emit(&l, out);
			if (i == t.len)
				break;
			i++;
			lb_start(&l, indent2);
			continue;
		}
		if (t.s[i] == ' ') {
			sp_style = t.st[i];	/* a space inside a span keeps it */
			i++;
			continue;
		}
		for (j = i; j < t.len && t.s[j] != ' ' && t.s[j] != '\n'; j++)
			;
		ww = utf8_width(t.s + i, j - i);
		if (l.content && l.width + 1 + ww > width) {
			lb_emit(&l, out);
			lb_start(&l, indent2);
		}
		if (l.content)
			lb_add(&l, " ", &sp_style, 1, 1);
		/* a word longer than a whole line (a path): cut after its
		 * last '/' that fits, else between characters */
		while (l.width + ww > width) {
			size_t k = i, slash = 0;
			int w = l.width, wslash = 0;

			for (;;) {
				uint32_t cp;
				size_t n = utf8_decode(t.s + k, j - k, &cp);
				int cw = cp_width(cp);

				if (w + cw > width && k > i)
					break;
				w += cw;
				k += n;
				if (cp == '/' && k < j) {
					slash = k;
					wslash = w;
				}
				if (k >= j)
					break;
			}
			if (slash > i && k < j) {
				k = slash;
				w = wslash;
			}
			lb_add(&l, t.s + i, t.st + i, k - i, w - l.width);
			ww -= utf8_width(t.s + i, k - i);
			i = k;
			if (i >= j)
				break;
			lb_emit(&l, out);
			lb_start(&l, indent2);
		}
		if (i < j)
			lb_add(&l, t.s + i, t.st + i, j - i, ww);
		l.content = 1;
		i = j;
	}
	free(l.st);
	free(t.s);
	free(t.st);
}

void
lesson_lines_free(struct lesson_lines *ls)
{
	int i;

	for (i = 0; i < ls->n; i++) {
		free(ls->v[i].text);
		free(ls->v[i].spans);
	}
	free(ls->v);
	ls->v = NULL;
	ls->n = 0;
}
