#include "config.h"
/*
 * run.c - the lesson stepper: a loaded lesson played against a session.
 *
 * A page is a list of blocks processed in order.  Command steps go through
 * cmd_execute() (the same interpreter the REPL uses) into the caller's
 * transcript; @remember stores session_query() values; a checkpoint
 * compares live metrics with numbers or remembered values and keeps a
 * message that states what it found, numbers included.  A quiz stops the
 * page until it is answered; a predict quiz runs its experiment only after
 * the answer.  Nothing here prints: the TUI and batch mode render the
 * per-block state.
 */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "lesson/lesson.h"
#include "util/i18n.h"

/* ------------------------------------------------------------ words */

static const char *const words[LW_COUNT] = {
	[LW_PAGE] = N_("Page"),
	[LW_QUIZ] = N_("Quiz"),
	[LW_PREDICT] = N_("Predict, then run"),
	[LW_RIGHT] = N_("Right."),
	[LW_WRONG] = N_("Not quite."),
	[LW_ANSWER] = N_("Answer"),
	[LW_CHECK] = N_("Check"),
	[LW_PASSED] = N_("passed"),
	[LW_FAILED] = N_("FAILED"),
	[LW_TRY] = N_("Try it"),
	[LW_SUGGEST] = N_("Suggested command"),
	[LW_HINT] = N_("Hint"),
	[LW_SOLUTION] = N_("Solution"),
	[LW_UNAVAILABLE] = N_("not available"),
	[LW_CAUGHT_UP] = N_("command steps run for the pages skipped"),
	[LW_EXPECT] = N_("Done when"),
	[LW_MET] = N_("Done: your commands did it."),
};

const char *
lesson_word(const struct lesson *l, enum lesson_word w)
{
	if ((unsigned)w >= LW_COUNT)
		return "";
	(void)l;	/* the lesson's language is the process's (i18n.h) */
	return _(words[w]);
}

/* ------------------------------------------------------------ run */

struct lesson_run *
lesson_run_new(struct lesson *l, struct session *s, struct transcript *t)
{
	struct lesson_run *r = xcalloc(1, sizeof *r);

	r->lesson = l;
	r->session = s;
	r->tr = t;
	r->ran = xcalloc((size_t)l->npages + 1, sizeof *r->ran);
	r->seed = l->seed;
	session_set_lesson_data(s, l->datadir);
	lesson_goto(r, 0);
	return r;
}

static void
free_states(struct lesson_run *r)
{
	int i;

	if (r->st == NULL)
		return;
	for (i = 0; i < r->lesson->pages[r->page].nblocks; i++) {
		free(r->st[i].message);
		free(r->st[i].text);
	}
	free(r->st);
	r->st = NULL;
}

/* Forgets every remembered value. */
static void
clear_values(struct lesson_run *r)
{
	for (int i = 0; i < r->nvalues; i++)
		free(r->names[i]);
	free(r->names);
	free(r->values);
	r->names = NULL;
	r->values = NULL;
	r->nvalues = 0;
	strmap_done(&r->value_ix);
}

void
lesson_run_free(struct lesson_run *r)
{
	if (r == NULL)
		return;
	free_states(r);
	clear_values(r);
	free(r->ran);
	free(r);
}

static int remember(struct lesson_run *r, const struct lesson_block *b,
    struct transcript *t);

/*
 * Runs blocks from..end of page q without showing anything: what reading
 * the page would have done to the session.  Errors (and only they) are
 * copied into the run's transcript.
 */
static void
catch_up_page(struct lesson_run *r, int q, int from)
{
	const struct lesson_page *pg = &r->lesson->pages[q];
	struct transcript *quiet = transcript_new();

	for (int i = from; i < pg->nblocks; i++) {
		const struct lesson_block *b = &pg->blocks[i];

		if (b->kind == LB_CMD)
			cmd_execute(r->session, b->text, quiet);
		else if (b->kind == LB_PREDICT)
			for (int k = 0; k < b->ncmds; k++)
				cmd_execute(r->session, b->cmds[k], quiet);
		else if (b->kind == LB_REMEMBER)
			remember(r, b, quiet);
	}
	for (size_t i = 0; i < transcript_count(quiet); i++) {
		const struct tr_item *it = transcript_item(quiet, i);

		if (it->kind == TR_ERROR)
			transcript_add(r->tr, TR_ERROR, "%s", it->text);
	}
	transcript_free(quiet);
}

/* Back to the start: a restarted session, nothing remembered, no page
 * run. */
static void
start_clean(struct lesson_run *r)
{
	session_restart(r->session, r->seed);
	clear_values(r);
	memset(r->ran, 0, (size_t)r->lesson->npages * sizeof *r->ran);
	r->ran_upto = r->ran_end = 0;
}

/* Selects page; with clean, starts clean first (see lesson_goto()). */
static int
select_page(struct lesson_run *r, int page, int clean)
{
	struct strbuf pages;
	int i, n, caught = 0;

	if (r->st != NULL && r->next > r->ran[r->page]) {
		r->ran[r->page] = r->next;
		if (r->page >= r->ran_end)
			r->ran_end = r->page + 1;
	}
	/* The current page's states stay until the catch-up is over: its
	 * training calls the front end's epoch hook, which redraws the page
	 * it still shows (freeing them first crashed the shell on 'g'). */
	if (page >= r->lesson->npages)
		page = r->lesson->npages - 1;
	if (page < 0)
		page = 0;
	/* the state of pages 0..page-1 played in order: nothing of the
	 * target page or a later one may have run (ran_end: no page from
	 * there on has, so this is not a scan to the lesson's end) */
	if (r->ran_end > page)
		clean = 1;
	if (clean)
		start_clean(r);
	strbuf_init(&pages);
	/* pages before ran_upto ran whole: a long lesson read in order is
	 * not rescanned from its first page on every turn */
	for (i = r->ran_upto; i < r->lesson->npages &&
	    r->ran[i] >= r->lesson->pages[i].nblocks; i++)
		;
	r->ran_upto = i;
	for (i = r->ran_upto; i < page; i++) {
		if (r->ran[i] >= r->lesson->pages[i].nblocks)
			continue;
		catch_up_page(r, i, r->ran[i]);
		r->ran[i] = r->lesson->pages[i].nblocks;
		if (r->ran[i] > 0 && i >= r->ran_end)
			r->ran_end = i + 1;
		strbuf_addf(&pages, "%s%d", caught++ ? ", " : "", i + 1);
	}
	if (caught > 0)
		transcript_add(r->tr, TR_INFO, _("lesson: %s: %s"),
		    lesson_word(r->lesson, LW_CAUGHT_UP), pages.s);
	strbuf_done(&pages);
	free_states(r);
	r->page = page;
	r->next = 0;
	n = r->lesson->pages[page].nblocks;
	r->st = xcalloc((size_t)n + 1, sizeof *r->st);
	for (i = 0; i < n; i++) {
		r->st[i].answer = -1;
		r->st[i].result = -1;
		r->st[i].lhs = r->st[i].rhs = NAN;
	}
	return caught;
}

int
lesson_goto(struct lesson_run *r, int page)
{
	return select_page(r, page, 0);
}

int
lesson_restart_page(struct lesson_run *r)
{
	int rc;

	select_page(r, r->page, 1);
	while ((rc = lesson_step(r)) == LR_OK)
		;
	return rc;
}

int
lesson_recall(const struct lesson_run *r, const char *name, double *out)
{
	int i = strmap_get(&r->value_ix, name);

	if (i < 0)
		return -1;
	*out = r->values[i];
	return 0;
}

static void
store(struct lesson_run *r, const char *name, double v)
{
	int i = strmap_get(&r->value_ix, name);

	if (i >= 0) {
		r->values[i] = v;
		return;
	}
	r->names = xgrow(r->names, (size_t)r->nvalues, sizeof *r->names);
	r->values = xgrow(r->values, (size_t)r->nvalues, sizeof *r->values);
	r->names[r->nvalues] = xstrdup(name);
	r->values[r->nvalues] = v;
	strmap_put(&r->value_ix, name, r->nvalues++);
}

/* @remember NAME METRIC: stores the metric's value; 0, or -1 with the
 * error in t. */
static int
remember(struct lesson_run *r, const struct lesson_block *b,
    struct transcript *t)
{
	double v;

	if (session_query(r->session, b->metric, &v) != 0) {
		transcript_add(t, TR_ERROR, _("lesson: @remember %s %s: %s"),
		    b->name, b->metric, session_errmsg(r->session));
		return -1;
	}
	store(r, b->name, v);
	return 0;
}

/* A metric or remembered value by name; 0 or -1. */
static int
value_of(struct lesson_run *r, const char *w, double *out)
{
	if (lesson_recall(r, w, out) == 0)
		return 0;
	return session_query(r->session, w, out);
}

/* Numbers in messages: enough digits to compare, no noise. */
static void
fmtv(char *buf, size_t len, double v)
{
	if (v == 0)
		snprintf(buf, len, "0");
	else if (fabs(v) >= 1e-3 && fabs(v) < 1e5)
		snprintf(buf, len, "%.4g", v);
	else
		snprintf(buf, len, "%.3e", v);
}

char *
lesson_subst(struct lesson_run *r, const char *text)
{
	struct strbuf b;
	const char *q = text, *o, *e;

	strbuf_init(&b);
	while ((o = strchr(q, '{')) != NULL && (e = strchr(o, '}')) != NULL) {
		char *w = xstrndup(o + 1, (size_t)(e - o - 1));
		double v;
		char num[32];

		strbuf_add(&b, q, (size_t)(o - q));
		if (value_of(r, w, &v) == 0) {
			fmtv(num, sizeof num, v);
			strbuf_adds(&b, num);
		} else {
			strbuf_addf(&b, "{%s: %s}", w,
			    lesson_word(r->lesson, LW_UNAVAILABLE));
		}
		free(w);
		q = e + 1;
	}
	strbuf_adds(&b, q);
	return strbuf_detach(&b);
}

/* Value of an operand; describes it into b ("val_loss = 0.12"). */
static int
operand(struct lesson_run *r, const struct lesson_operand *o, double *out,
    struct strbuf *b)
{
	char num[32];
	double v;

	if (o->kind == LO_NUMBER) {
		*out = o->num * o->factor;
		fmtv(num, sizeof num, *out);
		strbuf_adds(b, num);
		return 0;
	}
	if (value_of(r, o->word, &v) != 0) {
		strbuf_addf(b, "%s (%s)", o->word,
		    lesson_word(r->lesson, LW_UNAVAILABLE));
		return -1;
	}
	*out = o->factor * v;
	if (o->factor != 1) {
		fmtv(num, sizeof num, o->factor);
		strbuf_addf(b, "%s*", num);
	}
	fmtv(num, sizeof num, *out);
	strbuf_addf(b, "%s = %s", o->word, num);
	if (o->factor != 1) {
		fmtv(num, sizeof num, v);
		strbuf_addf(b, " (%s = %s)", o->word, num);
	}
	return 0;
}

/* The comparison operators as written, by enum lesson_op. */
static const char *const op_names[] = { "<", "<=", ">", ">=" };

/* An operand as an author would write it: "0.5*early", "1e-05". */
static void
operand_text(struct strbuf *b, const struct lesson_operand *o)
{
	if (o->factor != 1)
		strbuf_addf(b, "%.10g*", o->factor);
	if (o->kind == LO_NUMBER)
		strbuf_addf(b, "%.10g", o->num);
	else
		strbuf_adds(b, o->word);
}

char *
lesson_expr_text(const struct lesson_block *b)
{
	struct strbuf m;

	if (b->kind == LB_CHECK && b->text != NULL)
		return xstrdup(b->text);	/* as written */
	strbuf_init(&m);
	operand_text(&m, &b->lhs);
	strbuf_addf(&m, " %s ", op_names[b->op]);
	operand_text(&m, &b->rhs);
	return strbuf_detach(&m);
}

/*
 * lhs op rhs of b on live state: 1 true, 0 false, -1 unavailable; the
 * values into *a and *c (NAN when unavailable), the assertion (without a
 * verdict) appended to m when not NULL.
 */
static int
eval_expr(struct lesson_run *r, const struct lesson_block *b, double *a,
    double *c, struct strbuf *m)
{
	struct strbuf scratch;
	int ok, res;

	strbuf_init(&scratch);
	if (m == NULL)
		m = &scratch;
	*a = *c = NAN;
	ok = operand(r, &b->lhs, a, m) == 0;
	strbuf_addf(m, " %s ", op_names[b->op]);
	ok = (operand(r, &b->rhs, c, m) == 0) && ok;
	strbuf_done(&scratch);
	if (!ok || isnan(*a) || isnan(*c))
		return -1;
	switch (b->op) {
	case LOP_LT:
		res = *a < *c;
		break;
	case LOP_LE:
		res = *a <= *c;
		break;
	case LOP_GT:
		res = *a > *c;
		break;
	default:
		res = *a >= *c;
		break;
	}
	return res;
}

/* The checkpoint of block b evaluated: result, message and values. */
static int
eval_check(struct lesson_run *r, const struct lesson_block *b, char **msg,
    double *a, double *c)
{
	struct strbuf m;
	int res;

	strbuf_init(&m);
	strbuf_addf(&m, "%s: ", lesson_word(r->lesson, LW_CHECK));
	res = eval_expr(r, b, a, c, &m);
	strbuf_addf(&m, " -> %s", lesson_word(r->lesson,
	    res == 1 ? LW_PASSED : LW_FAILED));
	*msg = strbuf_detach(&m);
	return res;
}

int
lesson_eval_check(struct lesson_run *r, const struct lesson_block *b,
    char **msg)
{
	double a, c;

	return eval_check(r, b, msg, &a, &c);
}

int
lesson_step(struct lesson_run *r)
{
	const struct lesson_page *pg = &r->lesson->pages[r->page];
	const struct lesson_block *b;
	struct lesson_state *st;
	int rc;

	if (r->next >= pg->nblocks)
		return LR_END;
	b = &pg->blocks[r->next];
	st = &r->st[r->next];
	switch (b->kind) {
	case LB_QUIZ:
	case LB_PREDICT:
		if (st->answer < 0)
			return LR_WAIT;
		break;
	case LB_CMD:
		rc = cmd_execute(r->session, b->text, r->tr);
		st->done = 1;
		r->next++;
		if (rc == CMD_ERROR)
			return LR_ERROR;
		return r->next >= pg->nblocks ? LR_END : LR_OK;
	case LB_REMEMBER:
		if (remember(r, b, r->tr) != 0) {
			st->done = 1;
			r->next++;
			return LR_ERROR;
		}
		break;
	case LB_CHECK: {
		const char *tail;

		free(st->message);
		free(st->text);
		st->message = st->text = NULL;
		st->result = eval_check(r, b, &st->message, &st->lhs,
		    &st->rhs);
		if (st->result != 1)
			r->checks_failed++;
		/* the text of this moment, not of a later step's */
		tail = st->result == 1 ? b->pass : b->fail;
		if (tail != NULL)
			st->text = lesson_subst(r, tail);
		break;
	}
	case LB_TEXT:
	case LB_TRY:
		break;
	}
	st->done = 1;
	r->next++;
	return r->next >= pg->nblocks ? LR_END : LR_OK;
}

int
lesson_enter_page(struct lesson_run *r, int page)
{
	int rc;

	lesson_goto(r, page);
	while ((rc = lesson_step(r)) == LR_OK)
		;
	return rc;
}

int
lesson_waiting(const struct lesson_run *r)
{
	const struct lesson_page *pg = &r->lesson->pages[r->page];
	const struct lesson_block *b;

	if (r->st == NULL || r->next >= pg->nblocks)
		return -1;	/* no page entered yet */
	b = &pg->blocks[r->next];
	if ((b->kind == LB_QUIZ || b->kind == LB_PREDICT) &&
	    r->st[r->next].answer < 0)
		return r->next;
	return -1;
}

int
lesson_answer(struct lesson_run *r, int choice)
{
	const struct lesson_page *pg = &r->lesson->pages[r->page];
	const struct lesson_block *b;
	struct lesson_state *st;
	int i, i0 = lesson_waiting(r), err = 0;

	if (i0 < 0)
		return -1;
	b = &pg->blocks[i0];
	if (choice < 0 || choice >= b->nchoices)
		return -1;
	st = &r->st[i0];
	st->answer = choice;
	st->correct = choice == b->answer;
	for (i = 0; i < b->ncmds && !err; i++)
		if (cmd_execute(r->session, b->cmds[i], r->tr) == CMD_ERROR)
			err = 1;
	free(st->text);
	st->text = b->explain != NULL ? lesson_subst(r, b->explain) : NULL;
	st->done = 1;
	r->next++;
	return err ? LR_ERROR : LR_OK;
}

int
lesson_reveal_hint(struct lesson_run *r, int i)
{
	const struct lesson_page *pg = &r->lesson->pages[r->page];

	if (i < 0 || i >= pg->nblocks || pg->blocks[i].kind != LB_TRY)
		return -1;
	if (r->st[i].hints > pg->blocks[i].nhints)
		return -1;
	return ++r->st[i].hints;
}

int
lesson_try_poll(struct lesson_run *r)
{
	const struct lesson_page *pg = &r->lesson->pages[r->page];
	int i, n = 0;

	if (r->st == NULL)
		return 0;
	for (i = 0; i < pg->nblocks; i++) {
		const struct lesson_block *b = &pg->blocks[i];
		double a, c;

		if (b->kind != LB_TRY || !b->expect || !r->st[i].done ||
		    r->st[i].met)
			continue;
		if (eval_expr(r, b, &a, &c, NULL) == 1) {
			r->st[i].met = 1;
			n++;
		}
	}
	return n;
}
