#include "config.h"
/*
 * view.c - lesson blocks as styled lines (lesson-view.h): the one place
 * that decides what a block shows, in which words, order and indentation,
 * for the shell's lesson pane and for --batch.
 *
 * Lines are wrapped with lesson_wrap_ex() and kept with their emphasis
 * spans and a role; trailing blanks are trimmed.  "Raw" lines (--batch's
 * suggested command, condition and solution, a heading's rule) are kept
 * as written: one plain span, no emphasis markers read, not wrapped.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lesson-view.h"
#include "lesson/lesson.h"
#include "util/util.h"

static const char *const role_names[] = {
	[LV_GAP] = "gap",
	[LV_BODY] = "body",
	[LV_TITLE] = "title",
	[LV_RULE] = "rule",
	[LV_COMMAND] = "command",
	[LV_CHOICE] = "choice",
	[LV_CHOSEN] = "chosen",
	[LV_KEYED] = "keyed",
	[LV_KEYS] = "keys",
	[LV_ANSWER] = "answer",
	[LV_RIGHT] = "right",
	[LV_WRONG] = "wrong",
	[LV_PASS] = "pass",
	[LV_PASS_NUMBERS] = "pass-numbers",
	[LV_FAIL] = "fail",
	[LV_FAIL_NUMBERS] = "fail-numbers",
	[LV_RERUN] = "rerun",
	[LV_CHECK] = "check",
	[LV_SUGGEST] = "suggest",
	[LV_EXPECT] = "expect",
	[LV_HINT] = "hint",
	[LV_MET] = "met",
	[LV_MET_TEXT] = "met-text",
	[LV_SOLUTION] = "solution",
};
_Static_assert(COUNT(role_names) == LV_ROLE_COUNT, "a role without a name");

/* The check mark before a passed result or a try-it done. */
#define CHECK_MARK	"\xe2\x9c\x93 "

const char *
lesson_role_name(enum lesson_role r)
{
	if ((unsigned)r >= LV_ROLE_COUNT || role_names[r] == NULL)
		return "?";
	return role_names[r];
}

void
lesson_view_clear(struct lesson_view *v)
{
	for (int i = 0; i < v->n; i++) {
		free(v->v[i].text);
		free(v->v[i].spans);
	}
	v->n = 0;
}

void
lesson_view_free(struct lesson_view *v)
{
	lesson_view_clear(v);
	free(v->v);
	v->v = NULL;
}

static struct lesson_vline *
add_line(struct lesson_view *v, enum lesson_role role, int block)
{
	struct lesson_vline *ln;

	v->v = xgrow(v->v, (size_t)v->n, sizeof(*v->v));
	ln = &v->v[v->n++];
	memset(ln, 0, sizeof(*ln));
	ln->role = role;
	ln->block = block;
	return ln;
}

/* A line as written: no wrapping, no emphasis markers. */
static void
raw(struct lesson_view *v, enum lesson_role role, int block,
    const char *text)
{
	struct lesson_vline *ln = add_line(v, role, block);

	ln->text = xstrdup(text);
	if (text[0] != '\0') {
		ln->spans = xcalloc(1, sizeof(*ln->spans));
		ln->spans[0].len = strlen(text);
		ln->spans[0].style = LS_PLAIN;
		ln->nspans = 1;
	}
}

static void
gap(struct lesson_view *v, int block)
{
	raw(v, LV_GAP, block, "");
}

void
lesson_view_text(struct lesson_view *v, const struct lesson_view_opts *o,
    enum lesson_role role, int block, int indent1, int indent2,
    const char *text)
{
	struct lesson_lines ls = { NULL, 0 };

	lesson_wrap_ex(text, o->width, indent1, indent2,
	    (o->ticks ? LESSON_WRAP_TICKS : 0) |
	    (o->ascii_text ? LESSON_WRAP_ASCII : 0), &ls);
	for (int i = 0; i < ls.n; i++) {
		struct lesson_line *l = &ls.v[i];
		struct lesson_vline *ln;
		size_t len = strlen(l->text);

		/* trim trailing blanks (an empty indented line) */
		while (len > 0 && l->text[len - 1] == ' ')
			len--;
		l->text[len] = '\0';
		while (l->nspans > 0 && l->spans[l->nspans - 1].off >= len)
			l->nspans--;
		if (l->nspans > 0) {
			struct lesson_span *sp = &l->spans[l->nspans - 1];

			if (sp->off + sp->len > len)
				sp->len = len - sp->off;
		}
		ln = add_line(v, role, block);
		ln->cont = i > 0;
		ln->text = l->text;
		ln->spans = l->spans;
		ln->nspans = l->nspans;
		l->text = NULL;
		l->spans = NULL;
	}
	lesson_lines_free(&ls);
}

/* lesson_view_text() of a formatted text. */
static void textf(struct lesson_view *v, const struct lesson_view_opts *o,
    enum lesson_role role, int block, int indent1, int indent2,
    const char *fmt, ...) PRINTF_LIKE(7, 8);

static void
textf(struct lesson_view *v, const struct lesson_view_opts *o,
    enum lesson_role role, int block, int indent1, int indent2,
    const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	lesson_view_text(v, o, role, block, indent1, indent2, text);
	free(text);
}

/* prefix + text wrapped: the first line at indent, the others aligned
 * after the prefix (or at indent + 2 for a long prefix). */
static void
prefixed(struct lesson_view *v, const struct lesson_view_opts *o,
    enum lesson_role role, int block, int indent, const char *prefix,
    const char *text)
{
	char *t = xasprintf("%s%s", prefix, text);
	int w = utf8_width(prefix, (size_t)-1);

	lesson_view_text(v, o, role, block, indent, indent + (w > 10 ? 2 : w),
	    t);
	free(t);
}

void
lesson_view_heading(struct lesson_view *v, const struct lesson_view_opts *o,
    const struct lesson *l, int p)
{
	const char *title = l->pages[p].title != NULL ? l->pages[p].title : "";

	if (o->transcript) {
		char *head = xasprintf("%s %d/%d: %s", lesson_word(l, LW_PAGE),
		    p + 1, l->npages, title);
		int w = utf8_width(head, (size_t)-1);
		char *rule;

		if (w > o->width)
			w = o->width;
		rule = xcalloc((size_t)(w > 0 ? w : 0) + 1, 1);
		memset(rule, '-', (size_t)(w > 0 ? w : 0));
		raw(v, LV_TITLE, -1, head);
		raw(v, LV_RULE, -1, rule);
		free(rule);
		free(head);
	} else {
		textf(v, o, LV_TITLE, -1, 0, 0, "%d/%d  %s", p + 1,
		    l->npages, title);
	}
	gap(v, -1);
}

void
lesson_view_question(struct lesson_view *v, const struct lesson_view_opts *o,
    const struct lesson *l, const struct lesson_block *b, int i,
    const struct lesson_state *st)
{
	const char *word = lesson_word(l, b->kind == LB_QUIZ ? LW_QUIZ :
	    LW_PREDICT);

	if (o->transcript) {
		char *head = xasprintf("%s [%s]: ", word, b->id);

		prefixed(v, o, LV_TITLE, i, 0, head, b->text);
		free(head);
		for (int k = 0; k < b->nchoices; k++) {
			char *key = xasprintf("%s) ", lesson_choice_label(k));

			prefixed(v, o, LV_CHOICE, i, 2, key,
			    b->choices[k].text);
			free(key);
		}
		return;
	}
	textf(v, o, LV_TITLE, i, 0, 0, "%s: %s", word, b->text);
	for (int k = 0; k < b->nchoices; k++) {
		int chosen = st != NULL && st->answer == k;
		/* after a wrong answer the right one stands out */
		int right = st != NULL && st->answer >= 0 && !st->correct &&
		    k == b->answer;

		textf(v, o, chosen ? LV_CHOSEN : right ? LV_KEYED : LV_CHOICE,
		    i, 2, 5, "%s) %s", lesson_choice_label(k),
		    b->choices[k].text);
	}
}

void
lesson_view_keyed(struct lesson_view *v, const struct lesson *l,
    const struct lesson_block *b, int i)
{
	char *line = xasprintf("%s: %s", lesson_word(l, LW_ANSWER),
	    lesson_choice_label(b->answer));

	raw(v, LV_ANSWER, i, line);
	free(line);
}

/* The feedback of an answer: right, or wrong (the pane says which answer
 * is right, not only why; --batch printed the keyed answer before). */
static void
feedback(struct lesson_view *v, const struct lesson_view_opts *o,
    const struct lesson *l, const struct lesson_block *b, int i,
    const struct lesson_state *st)
{
	/* the explanation as of the answer */
	const char *e = st->text != NULL ? st->text : "";

	if (o->transcript)
		textf(v, o, st->correct ? LV_RIGHT : LV_WRONG, i, 0, 2,
		    "%s %s", lesson_word(l, st->correct ? LW_RIGHT :
		    LW_WRONG), e);
	else if (st->correct)
		textf(v, o, LV_RIGHT, i, 0, 0, "%s %s",
		    lesson_word(l, LW_RIGHT), e);
	else
		textf(v, o, LV_WRONG, i, 0, 0, "%s %s: %s. %s",
		    lesson_word(l, LW_WRONG), lesson_word(l, LW_ANSWER),
		    lesson_choice_label(b->answer), e);
}

void
lesson_view_answer(struct lesson_view *v, const struct lesson_view_opts *o,
    const struct lesson *l, const struct lesson_block *b, int i,
    const struct lesson_state *st)
{
	feedback(v, o, l, b, i, st);
	gap(v, i);
}

/*
 * A checkpoint.  Transcript: the exact assertion, then the author's text
 * of that moment.  Pane, as a result for the student: passed, its @pass
 * text then the numbers; failed (or not measurable), that the result
 * differs from what the lesson expects, the numbers, the @fail text and
 * the key that runs the page again.  Nothing before it ran.
 */
static void
check(struct lesson_view *v, const struct lesson_view_opts *o,
    const struct lesson *l, int i, const struct lesson_state *st)
{
	const char *m = st->message, *nl, *arrow, *txt = st->text;
	char prefix[64];
	char *nums;
	size_t n;

	if (m == NULL)
		return;
	if (o->transcript) {
		lesson_view_text(v, o, LV_CHECK, i, 0, 2, m);
		if (txt != NULL)
			lesson_view_text(v, o, LV_BODY, i, 2, 2, txt);
		return;
	}
	/* the numbers: the message's first line without "Check: " and
	 * " -> passed" (the assertion form --batch prints) */
	nl = strchr(m, '\n');
	n = nl != NULL ? (size_t)(nl - m) : strlen(m);
	snprintf(prefix, sizeof(prefix), "%s: ", lesson_word(l, LW_CHECK));
	if (strncmp(m, prefix, strlen(prefix)) == 0 && strlen(prefix) <= n) {
		m += strlen(prefix);
		n -= strlen(prefix);
	}
	nums = xstrndup(m, n);
	if ((arrow = strstr(nums, " -> ")) != NULL)
		nums[arrow - nums] = '\0';
	if (txt == NULL && nl != NULL)
		txt = nl + 1;	/* the author's text, as --batch has it */
	if (st->result == 1) {
		textf(v, o, LV_PASS, i, 0, 2, "%s%s", o->ascii ? "" :
		    CHECK_MARK, txt != NULL ? txt : lesson_word(l, LW_PASSED));
		textf(v, o, LV_PASS_NUMBERS, i, 2, 2, "(%s)", nums);
	} else {
		lesson_view_text(v, o, LV_FAIL, i, 0, 0,
		    o->check_differs != NULL ? o->check_differs : "");
		lesson_view_text(v, o, LV_FAIL_NUMBERS, i, 2, 2, nums);
		if (txt != NULL)
			lesson_view_text(v, o, LV_BODY, i, 0, 0, txt);
		lesson_view_text(v, o, LV_RERUN, i, 0, 0,
		    o->check_rerun != NULL ? o->check_rerun : "");
	}
	free(nums);
}

/* A try-it: the pane as far as the student got (hints asked for, done or
 * not); the transcript with every hint and the solution. */
static void
try_it(struct lesson_view *v, const struct lesson_view_opts *o,
    const struct lesson *l, const struct lesson_block *b, int i,
    const struct lesson_state *st)
{
	char *line;
	int k;

	if (o->transcript) {
		line = xasprintf("%s: ", lesson_word(l, LW_TRY));
		prefixed(v, o, LV_TITLE, i, 0, line, b->text);
		free(line);
		if (b->suggest != NULL) {
			line = xasprintf("  %s: %s", lesson_word(l,
			    LW_SUGGEST), b->suggest);
			raw(v, LV_SUGGEST, i, line);
			free(line);
		}
		if (b->expect) {
			char *e = lesson_expr_text(b);

			line = xasprintf("  %s: %s", lesson_word(l, LW_EXPECT),
			    e);
			raw(v, LV_EXPECT, i, line);
			free(line);
			free(e);
		}
		for (k = 0; k < b->nhints; k++) {
			line = xasprintf("%s %d: ", lesson_word(l, LW_HINT),
			    k + 1);
			prefixed(v, o, LV_HINT, i, 2, line, b->hints[k]);
			free(line);
		}
		if (b->solution != NULL) {
			line = xasprintf("  %s: %s", lesson_word(l,
			    LW_SOLUTION), b->solution);
			raw(v, LV_SOLUTION, i, line);
			free(line);
		}
		return;
	}
	textf(v, o, LV_TITLE, i, 0, 0, "%s: %s", lesson_word(l, LW_TRY),
	    b->text);
	if (b->suggest != NULL)
		textf(v, o, LV_SUGGEST, i, 2, 4, "%s: %s",
		    lesson_word(l, LW_SUGGEST), b->suggest);
	for (k = 0; k < st->hints && k < b->nhints; k++)
		textf(v, o, LV_HINT, i, 2, 4, "%s %d: %s",
		    lesson_word(l, LW_HINT), k + 1, b->hints[k]);
	if (st->met) {
		/* the learner did it: say so, and the answer */
		textf(v, o, LV_MET, i, 0, 2, "%s%s", o->ascii ? "" :
		    CHECK_MARK, o->try_met != NULL ? o->try_met : "");
		if (st->text != NULL)
			lesson_view_text(v, o, LV_MET_TEXT, i, 2, 2, st->text);
	}
	if ((st->met || st->hints > b->nhints) && b->solution != NULL)
		textf(v, o, LV_SOLUTION, i, 2, 4, "%s: %s",
		    lesson_word(l, LW_SOLUTION), b->solution);
}

/* How a waiting quiz is answered: the labels (the keys that answer) and
 * the choices' words (typed at the prompt), in o->keys_hint's wording
 * wrapped to the width (a narrow pane gets two lines), else the raw
 * "1-3 a|b|c". */
static void
keys(struct lesson_view *v, const struct lesson_view_opts *o,
    const struct lesson_block *b, int i)
{
	char range[16], *words = lesson_choice_keys(b, "|"), *s;

	lesson_choice_range(b, range, sizeof(range));
	if (o->keys_hint != NULL) {
		s = o->keys_hint(range, words);
		lesson_view_text(v, o, LV_KEYS, i, 0, 2, s);
	} else {
		s = xasprintf("%s %s", range, words);
		raw(v, LV_KEYS, i, s);
	}
	free(s);
	free(words);
}

void
lesson_view_block(struct lesson_view *v, const struct lesson_view_opts *o,
    const struct lesson *l, const struct lesson_page *pg, int i,
    const struct lesson_state *st)
{
	const struct lesson_block *b = &pg->blocks[i];
	const struct lesson_block *next = i + 1 < pg->nblocks ?
	    &pg->blocks[i + 1] : NULL;

	switch (b->kind) {
	case LB_TEXT:
		if (b->bullet)
			textf(v, o, LV_BODY, i, 0, 2, "- %s", b->text);
		else
			lesson_view_text(v, o, LV_BODY, i, 0, 0, b->text);
		/* a list: no gap between items */
		if (b->bullet && next != NULL && next->kind == LB_TEXT &&
		    next->bullet)
			return;
		break;
	case LB_CMD:
		/* --batch has the command in the transcript */
		if (!o->transcript)
			textf(v, o, LV_COMMAND, i, 0, 2, "> %s", b->text);
		if (next != NULL && next->kind == LB_CMD)
			return;
		break;
	case LB_QUIZ:
	case LB_PREDICT:
		if (o->transcript)
			return;		/* in parts, around the transcript */
		lesson_view_question(v, o, l, b, i, st);
		if (st->answer >= 0)
			feedback(v, o, l, b, i, st);
		else
			keys(v, o, b, i);
		break;
	case LB_CHECK:
		check(v, o, l, i, st);
		break;
	case LB_TRY:
		try_it(v, o, l, b, i, st);
		break;
	case LB_REMEMBER:
		return;		/* nothing to show */
	}
	gap(v, i);
}

void
lesson_view_print(const struct lesson_view *v, int from, FILE *f, int color)
{
	for (int i = from; i < v->n; i++) {
		const struct lesson_vline *ln = &v->v[i];

		for (int k = 0; k < ln->nspans; k++) {
			const struct lesson_span *sp = &ln->spans[k];
			const char *on = NULL;

			if (color && sp->style == LS_BOLD)
				on = "\033[1m";
			else if (color && sp->style == LS_CODE)
				on = "\033[36m";
			if (on != NULL)
				fputs(on, f);
			fwrite(ln->text + sp->off, 1, sp->len, f);
			if (on != NULL)
				fputs("\033[0m", f);
		}
		/* no trailing blanks in plain output */
		fputc('\n', f);
	}
}
