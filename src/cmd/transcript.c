#include "config.h"
/*
 * transcript.c - the append-only record of what commands printed.
 *
 * Items are text lines of a kind (echo, output, info, warning, error) or
 * charts (a grid plus a title, and the snapshot of what the chart showed,
 * so it can be drawn again at another size: transcript_render_chart()).  The TUI walks the items to draw its
 * console pane, the headless modes print them as plain text, and the tests
 * compare that text with golden files, so nothing here may depend on time
 * or on the terminal.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/grid.h"
#include "cmd/cmd.h"
#include "cmd/session-int.h"
#include "util/i18n.h"
#include "util/util.h"

struct transcript {
	struct tr_item *v;
	struct plot **snap;	/* [cap]: a chart item's snapshot, or NULL */
	size_t n, cap;
};

struct transcript *
transcript_new(void)
{
	return xcalloc(1, sizeof(struct transcript));
}

static void
item_done(struct transcript *t, size_t i)
{
	struct tr_item *it = &t->v[i];

	free(it->text);
	if (it->grid != NULL) {
		grid_done(it->grid);
		free(it->grid);
	}
	if (t->snap[i] != NULL) {
		plot_clear(t->snap[i]);
		free(t->snap[i]);
		t->snap[i] = NULL;
	}
}

void
transcript_clear(struct transcript *t)
{
	for (size_t i = 0; i < t->n; i++)
		item_done(t, i);
	t->n = 0;
}

void
transcript_free(struct transcript *t)
{
	if (t == NULL)
		return;
	transcript_clear(t);
	free(t->v);
	free(t->snap);
	free(t);
}

size_t
transcript_count(const struct transcript *t)
{
	return t->n;
}

const struct tr_item *
transcript_item(const struct transcript *t, size_t i)
{
	return i < t->n ? &t->v[i] : NULL;
}

static struct tr_item *
push(struct transcript *t)
{
	struct tr_item *it;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
		t->snap = xreallocarray(t->snap, t->cap, sizeof *t->snap);
	}
	t->snap[t->n] = NULL;
	it = &t->v[t->n++];
	memset(it, 0, sizeof *it);
	return it;
}

void
transcript_add(struct transcript *t, enum tr_kind kind, const char *fmt, ...)
{
	struct tr_item *it;
	va_list ap;
	char *s, *nl;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	/* one item per line, so every consumer can treat items as lines */
	for (char *p = s;; p = nl + 1) {
		nl = strchr(p, '\n');
		it = push(t);
		it->kind = kind;
		it->text = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		if (nl == NULL)
			break;
	}
	free(s);
}

void
transcript_add_chart(struct transcript *t, const char *title, struct grid *g)
{
	struct tr_item *it = push(t);

	it->kind = TR_CHART;
	it->text = xstrdup(title ? title : "");
	it->grid = g;
}

void
transcript_set_snapshot(struct transcript *t, struct plot *p)
{
	if (t->n == 0 || t->v[t->n - 1].kind != TR_CHART ||
	    t->snap[t->n - 1] != NULL) {
		plot_clear(p);
		free(p);
		return;
	}
	t->snap[t->n - 1] = p;
}

const struct plot *
transcript_snapshot(const struct transcript *t, size_t i)
{
	return i < t->n ? t->snap[i] : NULL;
}

int
transcript_render_chart(const struct transcript *t, size_t i, struct grid *g)
{
	return transcript_render_chart_thick(t, i, g, 0);
}

int
transcript_render_chart_thick(const struct transcript *t, size_t i,
    struct grid *g, int thick)
{
	const struct tr_item *it;

	if (i >= t->n || t->v[i].kind != TR_CHART)
		return -1;
	it = &t->v[i];
	if (t->snap[i] != NULL) {
		struct plot style = *t->snap[i];	/* shares its data */

		style.thick = thick != 0;
		plot_draw(&style, g);
	} else {
		/* a chart added without a snapshot: the grid as it was */
		grid_clear(g);
		if (it->grid != NULL)
			grid_blit(g, 0, 0, it->grid);
	}
	return 0;
}

void
transcript_copy_item(struct transcript *dst, const struct transcript *src,
    size_t i)
{
	const struct tr_item *it;
	struct tr_item *c;

	if (i >= src->n)
		return;
	it = &src->v[i];
	c = push(dst);
	c->kind = it->kind;
	c->text = xstrdup(it->text != NULL ? it->text : "");
	if (it->grid != NULL) {
		c->grid = xmalloc(sizeof *c->grid);
		grid_init(c->grid, it->grid->w, it->grid->h);
		c->grid->ascii = it->grid->ascii;
		grid_blit(c->grid, 0, 0, it->grid);
	}
	if (src->snap[i] != NULL) {
		dst->snap[dst->n - 1] = xmalloc(sizeof(struct plot));
		plot_copy(dst->snap[dst->n - 1], src->snap[i]);
	}
}

static void
item_text(const struct tr_item *it, struct strbuf *b, int color, int echo,
    int errors_inline)
{
	switch (it->kind) {
	case TR_ECHO:
		if (echo)
			strbuf_addf(b, "> %s\n", it->text);
		break;
	case TR_OUTPUT:
		strbuf_addf(b, "%s\n", it->text);
		break;
	case TR_INFO:
		strbuf_addf(b, "%s\n", it->text);
		break;
	case TR_WARNING:
		strbuf_addf(b, _("warning: %s\n"), it->text);
		break;
	case TR_ERROR:
		if (errors_inline)
			strbuf_addf(b, _("error: %s\n"), it->text);
		break;
	case TR_CHART:
		if (it->grid != NULL)
			grid_to_text(it->grid, (enum chart_colors)color, b);
		break;
	}
}

void
transcript_print(const struct transcript *t, size_t from, FILE *out,
    FILE *err, int color, int echo)
{
	struct strbuf b;

	strbuf_init(&b);
	for (size_t i = from; i < t->n; i++) {
		const struct tr_item *it = &t->v[i];

		if (it->kind == TR_ERROR && err != NULL) {
			fflush(out);
			fprintf(err, "regtutor: %s\n", it->text);
			fflush(err);
			continue;
		}
		b.len = 0;
		if (b.s != NULL)
			b.s[0] = '\0';
		item_text(it, &b, color, echo, 1);
		if (b.len > 0)
			fwrite(b.s, 1, b.len, out);
	}
	fflush(out);
	strbuf_done(&b);
}

char *
transcript_text(const struct transcript *t)
{
	struct strbuf b;

	strbuf_init(&b);
	for (size_t i = 0; i < t->n; i++)
		item_text(&t->v[i], &b, CMD_COLOR_NONE, 1, 1);
	if (b.s == NULL)
		strbuf_add(&b, "", 0);
	return strbuf_detach(&b);
}
