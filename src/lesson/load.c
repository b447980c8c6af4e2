#include "config.h"
/*
 * load.c - the lesson loader and validator.
 *
 * A lesson file is read line by line into the model of lesson.h.  Every
 * check the stepper could otherwise trip over later is made here, up
 * front: directive syntax, block structure, every command line (through
 * cmd_check(), the same validation the interpreter runs), metric names,
 * quiz keys, names used before they are remembered, duplicate ids, and
 * balanced emphasis.  The loader keeps going after a problem so that one
 * run reports all of them, each as "file:line:col: message" with the line
 * and a caret; a lesson with any problem is not returned at all, so it can
 * never be half-run.
 */

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "lesson/lesson.h"
#include "util/i18n.h"

#define MAX_ERRORS 50

struct srcline {
	const char *s;		/* not NUL-terminated at len */
	size_t len;
};

struct known_name {
	char *name;
	int line;
};

/*
 * Emphasis markers: **bold** and `code` must be closed within the text
 * they open in (a directive's line, or a paragraph, which may span lines).
 * struct emph carries the open markers from line to line of a paragraph.
 */
struct emph {
	int bold, code;
	int bold_line, code_line;
	size_t bold_off, code_off;
};

/* One reported problem; the report is sorted by position at the end. */
struct diag_item {
	int line, col, seq;
	char *text;		/* "file:line:col: message\n" plus the quoted line */
};

struct parser {
	const char *path;
	struct srcline *lines;
	int nlines;
	struct strbuf *diag;
	int nerr;
	struct diag_item *items;	/* reported problems, sorted on output */
	int nitems;

	struct lesson *l;
	int have_title, have_lang, have_seed;
	int page;		/* index of the current page, -1 in the header */

	/* paragraph being collected */
	struct strbuf para;
	int para_line;
	int para_bullet;
	int in_para;
	struct emph para_emph;	/* markers open in the paragraph */

	/* open @quiz/@predict/@try block (index on the current page) */
	int open;		/* -1 when none */
	const char *open_name;
	int answer_line;	/* @answer: where, for the error at @end */
	size_t answer_off;
	char *answer_key;
	struct strbuf question;
	int q_blank;		/* a blank line since the last question text */

	int choice_lines;	/* @choice lines in the open block */
	int page_nerr;		/* p->nerr when the page began */

	int last_check;		/* index of a @check @pass/@fail may follow */

	/* names remembered so far; all @remember lines (pre-scan) */
	struct known_name *names;
	int nnames;
	struct known_name *later;
	int nlater;
	/* quiz ids so far */
	struct known_name *ids;
	int nids;
	/* name -> index of its first entry in names, later, ids */
	struct strmap names_ix, later_ix, ids_ix;
};

/* ------------------------------------------------------------ diagnostics */

/* Reports a problem at line (1-based) and byte offset off of that line. */
static void PRINTF_LIKE(4, 5)
errat(struct parser *p, int line, size_t off, const char *fmt, ...)
{
	struct srcline *sl;
	va_list ap;
	size_t i;
	int col;
	struct strbuf b;
	struct diag_item *it;

	p->nerr++;
	if (p->diag == NULL || p->nerr > MAX_ERRORS)
		return;
	if (line < 1)
		line = 1;
	if (line > p->nlines) {
		/* at end of file: point just past the last line */
		line = p->nlines > 0 ? p->nlines : 1;
		off = p->nlines > 0 ? p->lines[line - 1].len : 0;
	}
	sl = p->nlines > 0 ? &p->lines[line - 1] : NULL;
	if (sl != NULL && off > sl->len)
		off = sl->len;
	col = sl != NULL ? utf8_width(sl->s, off) + 1 : 1;

	strbuf_init(&b);
	strbuf_addf(&b, "%s:%d:%d: ", p->path, line, col);
	va_start(ap, fmt);
	{
		char *m = xvasprintf(fmt, ap);

		strbuf_adds(&b, m);
		free(m);
	}
	va_end(ap);
	strbuf_addch(&b, '\n');
	if (sl != NULL) {
		strbuf_addf(&b, "%5d | ", line);
		strbuf_add(&b, sl->s, sl->len);
		strbuf_adds(&b, "\n      | ");
		for (i = 0; i < off; ) {
			uint32_t cp;
			size_t n = utf8_decode(sl->s + i, off - i, &cp);
			int w;

			if (cp == '\t') {
				strbuf_addch(&b, '\t');
			} else {
				for (w = cp_width(cp); w > 0; w--)
					strbuf_addch(&b, ' ');
			}
			i += n;
		}
		strbuf_adds(&b, "^\n");
	}
	p->items = xgrow(p->items, (size_t)p->nitems, sizeof *p->items);
	it = &p->items[p->nitems];
	it->line = line;
	it->col = col;
	it->seq = p->nitems++;
	it->text = strbuf_detach(&b);
}

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag_item *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Appends the problems to the report in file order, then frees them. */
static void
diag_flush(struct parser *p)
{
	int i;

	if (p->nitems > 0)
		qsort(p->items, (size_t)p->nitems, sizeof *p->items, diag_cmp);
	for (i = 0; i < p->nitems; i++) {
		strbuf_adds(p->diag, p->items[i].text);
		free(p->items[i].text);
	}
	if (p->diag != NULL && p->nerr > MAX_ERRORS)
		strbuf_addf(p->diag, _("%s: too many errors, giving up\n"),
		    p->path);
	free(p->items);
	p->items = NULL;
	p->nitems = 0;
}


/* ------------------------------------------------------------ small helpers */

static int
is_ident(const char *s, int allow_dash)
{
	const char *q;

	if (*s == '\0')
		return 0;
	for (q = s; *q != '\0'; q++) {
		if (isalnum((unsigned char)*q) || *q == '_')
			continue;
		if (allow_dash && *q == '-')
			continue;
		return 0;
	}
	return 1;
}

/* Is name a metric session_query() knows ("grad_norm.3" matches
 * "grad_norm.K")? */
static int
metric_valid(const char *name)
{
	const char *const *v;

	for (v = session_query_names(); *v != NULL; v++) {
		size_t n = strlen(*v);
		long k;

		if (strcmp(*v, name) == 0)
			return 1;
		if (n >= 2 && strcmp(*v + n - 2, ".K") == 0 &&
		    strncmp(*v, name, n - 1) == 0 &&
		    parse_long(name + n - 1, &k) == 0 && k >= 1 && k <= 999 &&
		    isdigit((unsigned char)name[n - 1]))
			return 1;
	}
	return 0;
}

/* The closest known metric or remembered name, or NULL. */
static const char *
suggest_word(const struct parser *p, const char *w)
{
	const char *const *v;
	struct nearest n;
	int i;

	nearest_init(&n, w);
	for (v = session_query_names(); *v != NULL; v++)
		nearest_add(&n, *v);
	for (i = 0; i < p->nnames; i++)
		nearest_add(&n, p->names[i].name);
	return nearest_best(&n);
}

/* The first entry of v named name, found through its index ix. */
static const struct known_name *
find_name(const struct known_name *v, const struct strmap *ix,
    const char *name)
{
	int i = strmap_get(ix, name);

	return i >= 0 ? &v[i] : NULL;
}

static void
add_name(struct known_name **v, int *n, struct strmap *ix, const char *name,
    int line)
{
	*v = xgrow(*v, (size_t)*n, sizeof **v);
	(*v)[*n].name = xstrdup(name);
	(*v)[*n].line = line;
	if (strmap_get(ix, name) < 0)
		strmap_put(ix, name, *n);
	(*n)++;
}

static void
free_names(struct known_name *v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* Reports an unknown metric/name word at line/off with the best hint. */
static void
unknown_word(struct parser *p, int line, size_t off, const char *w)
{
	const struct known_name *k = find_name(p->later, &p->later_ix, w);
	const char *sug;

	if (k != NULL) {
		errat(p, line, off, _("'%s' is used before it is remembered "
		    "(@remember at line %d)"), w, k->line);
		return;
	}
	sug = suggest_word(p, w);
	if (sug != NULL)
		errat(p, line, off, _("unknown metric or name '%s' "
		    "(did you mean '%s'?)"), w, sug);
	else
		errat(p, line, off, _("unknown metric or name '%s' "
		    "(see 'help metrics' for the metric names)"), w);
}

static void
scan_emphasis(struct emph *e, int line, size_t base, const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '`') {
			e->code = !e->code;
			e->code_line = line;
			e->code_off = base + i;
		} else if (!e->code && s[i] == '*' && s[i + 1] == '*') {
			e->bold = !e->bold;
			e->bold_line = line;
			e->bold_off = base + i;
			i++;
		}
	}
}

static void
end_emphasis(struct parser *p, struct emph *e)
{
	if (e->code)
		errat(p, e->code_line, e->code_off,
		    _("unterminated `code` span"));
	if (e->bold)
		errat(p, e->bold_line, e->bold_off,
		    _("unterminated **bold** span"));
	memset(e, 0, sizeof *e);
}

/* Checks the markers of a one-line text s at byte offset base of line. */
static void
check_emphasis(struct parser *p, int line, size_t base, const char *s)
{
	struct emph e;

	memset(&e, 0, sizeof e);
	scan_emphasis(&e, line, base, s);
	end_emphasis(p, &e);
}

/* Checks {NAME} references in a text at line/base. */
static void
check_refs(struct parser *p, int line, size_t base, const char *s)
{
	const char *q, *e;

	for (q = s; (q = strchr(q, '{')) != NULL; q = e) {
		char *w;

		e = strchr(q, '}');
		if (e == NULL) {
			errat(p, line, base + (size_t)(q - s),
			    _("'{' without '}' (write {NAME} to show a value)"));
			return;
		}
		w = xstrndup(q + 1, (size_t)(e - q - 1));
		if (find_name(p->names, &p->names_ix, w) == NULL &&
		    !metric_valid(w))
			unknown_word(p, line, base + (size_t)(q - s) + 1, w);
		free(w);
	}
}

/*
 * Commands a lesson must not run by itself: they leave the program or
 * touch files in the learner's directory.  (A learner may still type them,
 * and @suggest/@solution may name them.)
 */
static const char *const lesson_forbidden[] = {
	"quit", "save", "load", "export", "import", NULL
};

/* Reports a forbidden command in cmd (at byte offset off of line). */
static int
check_allowed(struct parser *p, int line, size_t off, const char *cmd)
{
	const char *q = cmd;
	char quote = 0;
	int start = 1;

	for (; *q != '\0'; q++) {
		if (quote) {
			if (*q == quote)
				quote = 0;
			continue;
		}
		if (*q == '#')
			break;
		if (*q == '\'' || *q == '"') {
			quote = *q;
			start = 0;
		} else if (*q == ';') {
			start = 1;
		} else if (start && !isspace((unsigned char)*q)) {
			const char *const *f;
			size_t n = strcspn(q, " \t;#");

			start = 0;
			for (f = lesson_forbidden; *f != NULL; f++) {
				if (strlen(*f) == n && strncmp(q, *f, n) == 0) {
					errat(p, line, off + (size_t)(q - cmd),
					    _("'%s' is not allowed as a lesson "
					    "step (it leaves the lesson or "
					    "writes files)"), *f);
					return -1;
				}
			}
		}
	}
	return 0;
}

/* Validates a command line at byte offset off of line via cmd_check(). */
static int
check_cmd(struct parser *p, int line, size_t off, const char *cmd)
{
	char err[256];
	int col = 0;

	if (*cmd == '\0') {
		errat(p, line, off, _("empty command"));
		return -1;
	}
	if (cmd_check(cmd, err, sizeof err, &col) == 0)
		return 0;
	/* col is a display column within cmd: map it back to a byte offset */
	{
		const char *q = cmd;
		int w = 1;

		while (*q != '\0' && w < col) {
			uint32_t cp;
			size_t n = utf8_decode(q, strlen(q), &cp);

			w += cp_width(cp);
			q += n;
		}
		errat(p, line, off + (size_t)(q - cmd), "%s", err);
	}
	return -1;
}

/*
 * The lessons' data directory (lessons/data next to lessons/en and
 * lessons/ko) of the lesson at path: ".../lessons/<lang>/NN-name.lesson"
 * gives ".../lessons/data", "en/x.lesson" "./data", "x.lesson" "../data".
 */
static char *
data_dir(const char *path)
{
	const char *end = strrchr(path, '/');
	char *dir, *slash, *d;

	if (end == NULL)
		return xstrdup("../data");
	dir = xstrndup(path, (size_t)(end - path));	/* the lesson's dir */
	slash = strrchr(dir, '/');
	if (slash != NULL) {
		*slash = '\0';
		d = xasprintf("%s/data", dir);
	} else {
		d = xstrdup(strcmp(dir, ".") == 0 ? "../data" : "./data");
	}
	free(dir);
	return d;
}

/* ------------------------------------------------------------ building */

static struct lesson_page *
cur_page(struct parser *p)
{
	return &p->l->pages[p->page];
}

static struct lesson_block *
new_block(struct parser *p, enum lesson_block_kind kind, int line)
{
	struct lesson_page *pg = cur_page(p);
	struct lesson_block *b;

	pg->blocks = xgrow(pg->blocks, (size_t)pg->nblocks, sizeof *pg->blocks);
	b = &pg->blocks[pg->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->line = line;
	b->answer = -1;
	b->lhs.factor = b->rhs.factor = 1;
	return b;
}

static void
flush_para(struct parser *p)
{
	struct lesson_block *b;

	if (!p->in_para)
		return;
	p->in_para = 0;
	end_emphasis(p, &p->para_emph);
	b = new_block(p, LB_TEXT, p->para_line);
	b->text = strbuf_detach(&p->para);
	b->bullet = p->para_bullet;
}

static void
push_str(char ***v, int *n, const char *s)
{
	*v = xreallocarray(*v, (size_t)*n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

/* Closes the open block (at @end, or reports it unterminated). */
static void
close_block(struct parser *p, int line, int ended)
{
	struct lesson_block *b;
	int start;

	if (p->open < 0)
		return;
	b = &cur_page(p)->blocks[p->open];
	start = b->line;
	if (!ended)
		errat(p, start, 0, _("%s block is not closed with @end "
		    "(reached %s)"), p->open_name,
		    line > p->nlines ? _("end of file") : _("the next @page"));
	b->text = strbuf_detach(&p->question);
	if (b->kind == LB_QUIZ || b->kind == LB_PREDICT) {
		if (*b->text == '\0')
			errat(p, start, 0, _("%s has no question text"),
			    p->open_name);
		if (p->choice_lines < 2)
			errat(p, start, 0, _("%s needs at least two @choice lines"),
			    p->open_name);
		if (p->answer_key == NULL) {
			errat(p, start, 0, _("%s has no @answer"), p->open_name);
		} else {
			b->answer = lesson_choice_index(b, p->answer_key);
			if (b->answer < 0)
				errat(p, p->answer_line, p->answer_off,
				    _("@answer '%s' is not one of the choices"),
				    p->answer_key);
		}
		if (b->kind == LB_PREDICT && b->ncmds == 0)
			errat(p, start, 0, _("@predict needs the experiment: at "
			    "least one '> command' line run after the answer"));
	} else {
		if (*b->text == '\0')
			errat(p, start, 0, _("@try has no prompt text"));
		if (b->nhints == 0)
			errat(p, start, 0, _("@try needs at least one @hint"));
		if (b->solution == NULL)
			errat(p, start, 0, _("@try needs a @solution command"));
	}
	free(p->answer_key);
	p->answer_key = NULL;
	p->open = -1;
}

/* ------------------------------------------------------------ directives */

struct dctx {
	int line;
	const char *arg;	/* trimmed argument text (NUL-terminated copy) */
	size_t argoff;		/* byte offset of arg in the line */
	size_t diroff;		/* byte offset of the directive word */
	const char *dname;
};

/* Byte offset in the line of pointer q into d->arg. */
static size_t
aoff(const struct dctx *d, const char *q)
{
	return d->argoff + (size_t)(q - d->arg);
}

/* Where the directive may appear. */
#define W_HEADER	0x01
#define W_PAGE		0x02	/* on a page, outside blocks */
#define W_QUIZ		0x04	/* inside @quiz / @predict */
#define W_TRY		0x08	/* inside @try */
#define W_ANY		0x0f

struct directive {
	const char *name;
	int where;
	int needs_arg;
	void (*fn)(struct parser *, const struct dctx *);
};

/* Splits the first word off d->arg: returns it (caller frees) and the rest. */
static char *
first_word(const char *s, const char **rest)
{
	const char *e = s;

	while (*e != '\0' && !isspace((unsigned char)*e))
		e++;
	*rest = e;
	while (**rest != '\0' && isspace((unsigned char)**rest))
		(*rest)++;
	return xstrndup(s, (size_t)(e - s));
}

static void
d_title(struct parser *p, const struct dctx *d)
{
	if (p->have_title++) {
		errat(p, d->line, d->diroff, _("duplicate @title"));
		return;
	}
	p->l->title = xstrdup(d->arg);
}

static void
d_lang(struct parser *p, const struct dctx *d)
{
	if (p->have_lang++) {
		errat(p, d->line, d->diroff, _("duplicate @lang"));
		return;
	}
	if (strcmp(d->arg, "en") != 0 && strcmp(d->arg, "ko") != 0) {
		errat(p, d->line, d->argoff, _("unknown language '%s' "
		    "(allowed: en, ko)"), d->arg);
		return;
	}
	free(p->l->lang);
	p->l->lang = xstrdup(d->arg);
}

static void
d_seed(struct parser *p, const struct dctx *d)
{
	long v;

	if (p->have_seed++) {
		errat(p, d->line, d->diroff, _("duplicate @seed"));
		return;
	}
	if (parse_long(d->arg, &v) != 0 || v < 0) {
		errat(p, d->line, d->argoff, _("@seed needs a non-negative "
		    "integer, not '%s'"), d->arg);
		return;
	}
	p->l->seed = (unsigned long)v;
}

static void
d_page(struct parser *p, const struct dctx *d)
{
	struct lesson_page *pg;

	flush_para(p);
	close_block(p, d->line, 0);
	if (p->page >= 0 && cur_page(p)->nblocks == 0 &&
	    p->nerr == p->page_nerr)
		errat(p, cur_page(p)->line, 0, _("page has no content"));
	p->page_nerr = p->nerr;
	p->l->pages = xgrow(p->l->pages, (size_t)p->l->npages,
	    sizeof *p->l->pages);
	p->page = p->l->npages++;
	pg = cur_page(p);
	memset(pg, 0, sizeof *pg);
	pg->title = xstrdup(d->arg);
	pg->line = d->line;
}

static void
open_block(struct parser *p, const struct dctx *d, enum lesson_block_kind k)
{
	struct lesson_block *b;

	flush_para(p);
	b = new_block(p, k, d->line);
	p->open = cur_page(p)->nblocks - 1;
	p->open_name = d->dname;
	p->choice_lines = 0;
	strbuf_done(&p->question);
	strbuf_init(&p->question);
	p->q_blank = 0;
	if (k == LB_TRY)
		return;
	if (!is_ident(d->arg, 1)) {
		errat(p, d->line, d->argoff, _("%s needs an id of letters, "
		    "digits, '_' and '-', not '%s'"), d->dname, d->arg);
		return;
	}
	{
		const struct known_name *k2 = find_name(p->ids, &p->ids_ix,
		    d->arg);

		if (k2 != NULL)
			errat(p, d->line, d->argoff, _("duplicate quiz id '%s' "
			    "(first used at line %d)"), d->arg, k2->line);
		else
			add_name(&p->ids, &p->nids, &p->ids_ix, d->arg, d->line);
	}
	b->id = xstrdup(d->arg);
}

static void
d_quiz(struct parser *p, const struct dctx *d)
{
	open_block(p, d, LB_QUIZ);
}

static void
d_predict(struct parser *p, const struct dctx *d)
{
	open_block(p, d, LB_PREDICT);
}

static void
d_try(struct parser *p, const struct dctx *d)
{
	if (*d->arg != '\0')
		errat(p, d->line, d->argoff, _("@try takes no argument "
		    "(the prompt goes on the following lines)"));
	open_block(p, d, LB_TRY);
}

static void
d_end(struct parser *p, const struct dctx *d)
{
	if (*d->arg != '\0')
		errat(p, d->line, d->argoff, _("@end takes no argument"));
	close_block(p, d->line, 1);
}

static struct lesson_block *
open_blk(struct parser *p)
{
	return &cur_page(p)->blocks[p->open];
}

static void
d_choice(struct parser *p, const struct dctx *d)
{
	struct lesson_block *b = open_blk(p);
	const char *rest;
	char *key = first_word(d->arg, &rest);

	p->choice_lines++;
	if (!is_ident(key, 1)) {
		errat(p, d->line, d->argoff, _("@choice needs a key of letters, "
		    "digits, '_' and '-' first, not '%s'"), key);
	} else if (*rest == '\0') {
		errat(p, d->line, d->argoff + strlen(key),
		    _("@choice '%s' has no text"), key);
	} else if (lesson_choice_index(b, key) >= 0) {
		errat(p, d->line, d->argoff, _("duplicate choice key '%s'"), key);
	} else if (b->nchoices == LESSON_CHOICES_MAX) {
		errat(p, d->line, 0, _("%s has more than %d choices (they "
		    "are labelled 1 to %d)"), p->open_name, LESSON_CHOICES_MAX,
		    LESSON_CHOICES_MAX);
	} else {
		check_emphasis(p, d->line, aoff(d, rest), rest);
		b->choices = xreallocarray(b->choices, (size_t)b->nchoices + 1,
		    sizeof *b->choices);
		b->choices[b->nchoices].key = key;
		b->choices[b->nchoices].text = xstrdup(rest);
		b->nchoices++;
		return;
	}
	free(key);
}

static void
d_answer(struct parser *p, const struct dctx *d)
{
	if (p->answer_key != NULL) {
		errat(p, d->line, d->diroff, _("duplicate @answer"));
		return;
	}
	p->answer_key = xstrdup(d->arg);
	p->answer_line = d->line;
	p->answer_off = d->argoff;
}

static void
d_explain(struct parser *p, const struct dctx *d)
{
	struct lesson_block *b = open_blk(p);

	if (b->explain != NULL) {
		errat(p, d->line, d->diroff, _("duplicate @explain"));
		return;
	}
	check_emphasis(p, d->line, d->argoff, d->arg);
	check_refs(p, d->line, d->argoff, d->arg);
	b->explain = xstrdup(d->arg);
}

/* @suggest and @solution: a command line, given once per try-it. */
static void
set_try_cmd(struct parser *p, const struct dctx *d, char **field,
    const char *directive)
{
	if (*field != NULL) {
		errat(p, d->line, d->diroff, _("duplicate %s"), directive);
		return;
	}
	*field = xstrdup(d->arg);
	check_cmd(p, d->line, d->argoff, *field);
}

static void
d_suggest(struct parser *p, const struct dctx *d)
{
	set_try_cmd(p, d, &open_blk(p)->suggest, "@suggest");
}

static void
d_hint(struct parser *p, const struct dctx *d)
{
	struct lesson_block *b = open_blk(p);

	check_emphasis(p, d->line, d->argoff, d->arg);
	push_str(&b->hints, &b->nhints, d->arg);
}

static void
d_solution(struct parser *p, const struct dctx *d)
{
	set_try_cmd(p, d, &open_blk(p)->solution, "@solution");
}

static void
d_remember(struct parser *p, const struct dctx *d)
{
	struct lesson_block *b;
	const char *rest;
	char *name = first_word(d->arg, &rest);
	const struct known_name *k;
	size_t moff = d->argoff + (size_t)(rest - d->arg);

	flush_para(p);
	if (!is_ident(name, 0) || isdigit((unsigned char)*name)) {
		errat(p, d->line, d->argoff, _("@remember needs a NAME of "
		    "letters, digits and '_', not '%s'"), name);
	} else if (*rest == '\0') {
		errat(p, d->line, moff, _("@remember %s: which metric? "
		    "(e.g. @remember %s val_loss)"), name, name);
	} else if (metric_valid(name)) {
		errat(p, d->line, d->argoff, _("name '%s' is a metric; pick "
		    "another name"), name);
	} else if ((k = find_name(p->names, &p->names_ix, name)) != NULL) {
		errat(p, d->line, d->argoff, _("'%s' is already remembered "
		    "(line %d); use a new name"), name, k->line);
	} else if (strchr(rest, ' ') != NULL || !metric_valid(rest)) {
		const char *sug = suggest_word(p, rest);

		if (sug != NULL)
			errat(p, d->line, moff, _("unknown metric '%s' "
			    "(did you mean '%s'?)"), rest, sug);
		else
			errat(p, d->line, moff, _("unknown metric '%s'"), rest);
	} else {
		add_name(&p->names, &p->nnames, &p->names_ix, name, d->line);
		b = new_block(p, LB_REMEMBER, d->line);
		b->name = name;
		b->metric = xstrdup(rest);
		return;
	}
	free(name);
}

/* Operand scanner for @check. */
static const char *
skip_sp(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static int
is_wordch(int c)
{
	return isalnum(c) || c == '_' || c == '.' || c == '-' || c == '+';
}

/* Parses an operand at *sp; 0 or -1 (reported). */
static int
parse_operand(struct parser *p, const struct dctx *d, const char **sp,
    struct lesson_operand *o)
{
	const char *s = skip_sp(*sp), *w;
	char *word;
	double num;

	o->factor = 1;
	for (;;) {
		w = s;
		while (is_wordch((unsigned char)*s))
			s++;
		if (s == w) {
			errat(p, d->line, aoff(d, w), _("expected a "
			    "number, metric or remembered name here"));
			return -1;
		}
		word = xstrndup(w, (size_t)(s - w));
		s = skip_sp(s);
		if (*s == '*') {
			if (parse_double(word, &num) != 0) {
				errat(p, d->line, aoff(d, w),
				    _("only a number can scale a value "
				    "(write 0.5*NAME), not '%s'"), word);
				free(word);
				return -1;
			}
			free(word);
			o->factor *= num;
			s = skip_sp(s + 1);
			continue;
		}
		break;
	}
	*sp = s;
	if (parse_double(word, &num) == 0) {
		o->kind = LO_NUMBER;
		o->num = num;
		free(word);
		return 0;
	}
	if (find_name(p->names, &p->names_ix, word) != NULL) {
		o->kind = LO_NAME;
	} else if (metric_valid(word)) {
		o->kind = LO_METRIC;
	} else {
		unknown_word(p, d->line, aoff(d, w), word);
		free(word);
		return -1;
	}
	o->word = word;
	return 0;
}

/*
 * The condition of @check and @expect: "lhs op rhs" in d->arg into *lhs,
 * *op, *rhs; 0, or -1 (reported; nothing to free).
 */
static int
parse_cond(struct parser *p, const struct dctx *d,
    struct lesson_operand *lhs, enum lesson_op *op,
    struct lesson_operand *rhs)
{
	const char *s = d->arg, *opat;

	memset(lhs, 0, sizeof *lhs);
	memset(rhs, 0, sizeof *rhs);
	if (parse_operand(p, d, &s, lhs) != 0)
		return -1;
	opat = s;
	if (s[0] == '<' && s[1] == '=') {
		*op = LOP_LE;
		s += 2;
	} else if (s[0] == '>' && s[1] == '=') {
		*op = LOP_GE;
		s += 2;
	} else if (s[0] == '<') {
		*op = LOP_LT;
		s++;
	} else if (s[0] == '>') {
		*op = LOP_GT;
		s++;
	} else {
		errat(p, d->line, aoff(d, opat), _("expected a "
		    "comparison (<, <=, >, >=) here"));
		free(lhs->word);
		return -1;
	}
	if (parse_operand(p, d, &s, rhs) != 0) {
		free(lhs->word);
		return -1;
	}
	if (*s != '\0') {
		errat(p, d->line, aoff(d, s), _("unexpected '%s' after "
		    "the comparison"), s);
		free(lhs->word);
		free(rhs->word);
		return -1;
	}
	if (lhs->kind == LO_NUMBER && rhs->kind == LO_NUMBER) {
		errat(p, d->line, d->argoff, _("%s compares a metric "
		    "or a remembered name, not two numbers"),
		    strcmp(d->dname, "@check") == 0 ? "a checkpoint" :
		    d->dname);
		return -1;
	}
	return 0;
}

static void
d_check(struct parser *p, const struct dctx *d)
{
	struct lesson_block *b;
	struct lesson_operand lhs, rhs;
	enum lesson_op op;

	flush_para(p);
	p->last_check = -2;	/* until the checkpoint is known to be good */
	if (parse_cond(p, d, &lhs, &op, &rhs) != 0)
		return;
	b = new_block(p, LB_CHECK, d->line);
	b->text = xstrdup(d->arg);
	b->lhs = lhs;
	b->rhs = rhs;
	b->op = op;
	p->last_check = cur_page(p)->nblocks - 1;
}

/* @expect EXPR in a @try: when the learner has done what it asks. */
static void
d_expect(struct parser *p, const struct dctx *d)
{
	struct lesson_block *b = open_blk(p);
	struct lesson_operand lhs, rhs;
	enum lesson_op op;

	if (b->expect) {
		errat(p, d->line, d->diroff, _("duplicate @expect"));
		return;
	}
	if (parse_cond(p, d, &lhs, &op, &rhs) != 0)
		return;
	b->expect = 1;
	b->lhs = lhs;
	b->rhs = rhs;
	b->op = op;
}

static void
d_passfail(struct parser *p, const struct dctx *d)
{
	struct lesson_block *b;
	char **slot;

	if (p->last_check == -2)
		return;		/* its @check was reported already */
	if (p->last_check < 0) {
		errat(p, d->line, d->diroff, _("%s must follow a @check line"),
		    d->dname);
		return;
	}
	b = &cur_page(p)->blocks[p->last_check];
	slot = strcmp(d->dname, "@pass") == 0 ? &b->pass : &b->fail;
	if (*slot != NULL) {
		errat(p, d->line, d->diroff, _("duplicate %s for this @check"),
		    d->dname);
		return;
	}
	check_emphasis(p, d->line, d->argoff, d->arg);
	check_refs(p, d->line, d->argoff, d->arg);
	*slot = xstrdup(d->arg);
}

static const struct directive directives[] = {
	{ "@title",	W_HEADER,	1, d_title },
	{ "@lang",	W_HEADER,	1, d_lang },
	{ "@seed",	W_HEADER,	1, d_seed },
	{ "@page",	W_HEADER | W_PAGE | W_QUIZ | W_TRY, 1, d_page },
	{ "@quiz",	W_PAGE,		1, d_quiz },
	{ "@predict",	W_PAGE,		1, d_predict },
	{ "@try",	W_PAGE,		0, d_try },
	{ "@choice",	W_QUIZ,		1, d_choice },
	{ "@answer",	W_QUIZ,		1, d_answer },
	{ "@explain",	W_QUIZ,		1, d_explain },
	{ "@suggest",	W_TRY,		1, d_suggest },
	{ "@hint",	W_TRY,		1, d_hint },
	{ "@solution",	W_TRY,		1, d_solution },
	{ "@expect",	W_TRY,		1, d_expect },
	{ "@end",	W_QUIZ | W_TRY,	0, d_end },
	{ "@remember",	W_PAGE,		1, d_remember },
	{ "@check",	W_PAGE,		1, d_check },
	{ "@pass",	W_PAGE,		1, d_passfail },
	{ "@fail",	W_PAGE,		1, d_passfail },
};

static const char *
where_str(int where)
{
	if (where & W_HEADER)
		return _("in the header, before the first @page");
	if (where == W_PAGE)
		return _("on a page, outside @quiz/@predict/@try blocks");
	if (where == W_QUIZ)
		return _("inside a @quiz or @predict block");
	if (where == W_TRY)
		return _("inside a @try block");
	return _("inside a @quiz, @predict or @try block");
}

static int
cur_where(const struct parser *p)
{
	const struct lesson_block *b;

	if (p->page < 0)
		return W_HEADER;
	if (p->open < 0)
		return W_PAGE;
	b = &p->l->pages[p->page].blocks[p->open];
	return b->kind == LB_TRY ? W_TRY : W_QUIZ;
}

static void
directive(struct parser *p, int line, const char *s, size_t len)
{
	const struct directive *dir = NULL;
	struct dctx d;
	size_t wl = 0, i;
	char *word, *arg;
	const char *a;

	while (wl < len && !isspace((unsigned char)s[wl]))
		wl++;
	word = xstrndup(s, wl);
	for (i = 0; i < COUNT(directives); i++)
		if (strcmp(directives[i].name, word) == 0)
			dir = &directives[i];
	if (dir == NULL) {
		const char *best;
		struct nearest n;

		nearest_init(&n, word);
		for (i = 0; i < COUNT(directives); i++)
			nearest_add(&n, directives[i].name);
		if ((best = nearest_best(&n)) != NULL)
			errat(p, line, 0, _("unknown directive '%s' (did you "
			    "mean '%s'?)"), word, best);
		else
			errat(p, line, 0, _("unknown directive '%s' (write "
			    "'\\@' to start a text line with '@')"), word);
		free(word);
		return;
	}
	free(word);
	if (!(dir->where & cur_where(p))) {
		if (strcmp(dir->name, "@end") == 0)
			errat(p, line, 0, _("@end without an open @quiz, "
			    "@predict or @try block"));
		else
			errat(p, line, 0, _("%s belongs %s"), dir->name,
			    where_str(dir->where));
		return;
	}
	a = s + wl;
	while (a < s + len && isspace((unsigned char)*a))
		a++;
	arg = xstrndup(a, len - (size_t)(a - s));
	/* trailing blanks */
	for (i = strlen(arg); i > 0 && isspace((unsigned char)arg[i - 1]); i--)
		arg[i - 1] = '\0';
	if (dir->needs_arg && *arg == '\0') {
		errat(p, line, wl, _("%s needs an argument"), dir->name);
		free(arg);
		return;
	}
	d.line = line;
	d.arg = arg;
	d.argoff = (size_t)(a - s);
	d.diroff = 0;
	d.dname = dir->name;
	if (dir->fn != d_passfail)
		p->last_check = -1;
	dir->fn(p, &d);
	free(arg);
}

/* ------------------------------------------------------------ lines */

/* A "> command" line. */
static void
command_line(struct parser *p, int line, const char *s, size_t len)
{
	size_t off = 1;
	char *cmd;
	int w = cur_where(p);

	if (off < len && s[off] == ' ')
		off++;
	cmd = xstrndup(s + off, len - off);
	if (w == W_HEADER) {
		errat(p, line, 0, _("command step before the first @page"));
	} else if (w == W_TRY) {
		errat(p, line, 0, _("a @try block hands the prompt to the "
		    "learner: use @suggest or @solution, not '> command'"));
	} else if (w == W_QUIZ && open_blk(p)->kind == LB_QUIZ) {
		errat(p, line, 0, _("commands inside @quiz are not allowed "
		    "(use @predict to run an experiment after the answer)"));
	} else if (check_cmd(p, line, off, cmd) == 0 &&
	    check_allowed(p, line, off, cmd) == 0) {
		if (w == W_QUIZ) {
			struct lesson_block *b = open_blk(p);

			push_str(&b->cmds, &b->ncmds, cmd);
		} else {
			struct lesson_block *b;

			flush_para(p);
			b = new_block(p, LB_CMD, line);
			b->text = cmd;
			return;
		}
	}
	free(cmd);
}

/* A text line (s already past an escaping backslash). */
static void
text_line(struct parser *p, int line, const char *s, size_t len,
    size_t base)
{
	size_t lead = 0;
	char *t;
	int w = cur_where(p);

	while (lead < len && isspace((unsigned char)s[lead]))
		lead++;
	while (len > lead && isspace((unsigned char)s[len - 1]))
		len--;
	t = xstrndup(s + lead, len - lead);
	if (w != W_PAGE || strncmp(t, "- ", 2) == 0)
		flush_para(p);
	if (w != W_PAGE)
		check_emphasis(p, line, base + lead, t);
	if (w == W_HEADER) {
		errat(p, line, base + lead, _("text before the first @page"));
	} else if (w != W_PAGE) {
		if (p->question.len > 0)
			strbuf_addch(&p->question, p->q_blank ? '\n' : ' ');
		strbuf_adds(&p->question, t);
		p->q_blank = 0;
	} else {
		int bullet = strncmp(t, "- ", 2) == 0;

		if (!p->in_para) {
			p->in_para = 1;
			p->para_line = line;
			p->para_bullet = bullet;
			strbuf_done(&p->para);
			strbuf_init(&p->para);
		} else {
			strbuf_addch(&p->para, ' ');
		}
		strbuf_adds(&p->para, bullet ? t + 2 : t);
		scan_emphasis(&p->para_emph, line, base + lead, t);
	}
	free(t);
}

static int
blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!isspace((unsigned char)s[i]))
			return 0;
	return 1;
}

static void
split_lines(struct parser *p, const char *text)
{
	const char *s = text, *e;

	while (*s != '\0') {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		p->lines = xgrow(p->lines, (size_t)p->nlines, sizeof *p->lines);
		p->lines[p->nlines].s = s;
		p->lines[p->nlines].len = (size_t)(e - s);
		if (e > s && e[-1] == '\r')
			p->lines[p->nlines].len--;
		p->nlines++;
		s = *e == '\n' ? e + 1 : e;
	}
}

/* Every "@remember NAME" of the file, for "used before remembered". */
static void
prescan(struct parser *p)
{
	int i;

	for (i = 0; i < p->nlines; i++) {
		const struct srcline *sl = &p->lines[i];
		const char *q, *e;

		if (sl->len < 10 || strncmp(sl->s, "@remember", 9) != 0 ||
		    !isspace((unsigned char)sl->s[9]))
			continue;
		q = sl->s + 9;
		while (q < sl->s + sl->len && isspace((unsigned char)*q))
			q++;
		for (e = q; e < sl->s + sl->len &&
		    !isspace((unsigned char)*e); e++)
			;
		if (e > q) {
			char *n = xstrndup(q, (size_t)(e - q));

			add_name(&p->later, &p->nlater, &p->later_ix, n, i + 1);
			free(n);
		}
	}
}

/* Invalid UTF-8 makes widths and carets meaningless: report it. */
static int
check_utf8(struct parser *p, int line)
{
	const struct srcline *sl = &p->lines[line - 1];
	size_t i = 0;

	while (i < sl->len) {
		uint32_t cp;
		size_t n = utf8_decode(sl->s + i, sl->len - i, &cp);

		if (cp == 0xFFFD && !(n == 3 &&
		    memcmp(sl->s + i, "\xef\xbf\xbd", 3) == 0)) {
			errat(p, line, i, _("invalid UTF-8 byte 0x%02x"),
			    (unsigned char)sl->s[i]);
			return -1;
		}
		i += n;
	}
	return 0;
}

static void
parse_lines(struct parser *p)
{
	int i;

	for (i = 0; i < p->nlines; i++) {
		const char *s = p->lines[i].s;
		size_t len = p->lines[i].len;
		int line = i + 1;

		if (check_utf8(p, line) != 0)
			continue;
		if (len > 0 && s[0] == '#')
			continue;
		if (blank(s, len)) {
			if (p->open >= 0)
				p->q_blank = 1;
			else
				flush_para(p);
			p->last_check = -1;
			continue;
		}
		if (s[0] == '@') {
			directive(p, line, s, len);
			continue;
		}
		p->last_check = -1;
		if (s[0] == '>')
			command_line(p, line, s, len);
		else if (s[0] == '\\')
			text_line(p, line, s + 1, len - 1, 1);
		else
			text_line(p, line, s, len, 0);
	}
	flush_para(p);
	if (p->page >= 0) {
		close_block(p, p->nlines + 1, 0);
		if (cur_page(p)->nblocks == 0 && p->nerr == p->page_nerr)
			errat(p, cur_page(p)->line, 0, _("page has no content"));
	}
	if (!p->have_title)
		errat(p, 1, 0, _("missing @title in the header"));
	if (!p->have_lang)
		errat(p, 1, 0, _("missing @lang in the header (en or ko)"));
	if (p->l->npages == 0)
		errat(p, p->nlines + 1, 0, _("the lesson has no @page"));
}

/* ------------------------------------------------------------ public */

static char *
base_name(const char *path)
{
	const char *b = strrchr(path, '/');
	size_t n;

	b = b != NULL ? b + 1 : path;
	n = strlen(b);
	if (n > 7 && strcmp(b + n - 7, ".lesson") == 0)
		n -= 7;
	return xstrndup(b, n);
}

struct lesson *
lesson_parse(const char *path, const char *text, struct strbuf *diag,
    int *nerr)
{
	struct parser p;
	struct lesson *l;

	memset(&p, 0, sizeof p);
	p.path = path;
	p.diag = diag;
	p.page = -1;
	p.open = -1;
	p.last_check = -1;
	strbuf_init(&p.para);
	strbuf_init(&p.question);
	l = p.l = xcalloc(1, sizeof *l);
	l->path = xstrdup(path);
	l->name = base_name(path);
	l->seed = 1;
	l->lang = xstrdup("en");
	l->datadir = data_dir(path);

	split_lines(&p, text);
	prescan(&p);
	parse_lines(&p);
	diag_flush(&p);

	strbuf_done(&p.para);
	strbuf_done(&p.question);
	free(p.answer_key);
	free(p.lines);
	free_names(p.names, p.nnames);
	free_names(p.later, p.nlater);
	free_names(p.ids, p.nids);
	strmap_done(&p.names_ix);
	strmap_done(&p.later_ix);
	strmap_done(&p.ids_ix);
	if (nerr != NULL)
		*nerr = p.nerr;
	if (p.nerr > 0) {
		lesson_free(l);
		return NULL;
	}
	return l;
}

/* A lesson file's limits (regtutor-lesson(5)); checked before parsing. */
#define LESSON_MAX_BYTES	(16 << 20)
#define LESSON_MAX_LINE		65536

/* The first line of text longer than LESSON_MAX_LINE bytes (1-based),
 * or 0 when there is none. */
static long
long_line(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;
	long line = 1;

	for (; p < end; p = nl + 1, line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (nl - p > LESSON_MAX_LINE)
			return line;
	}
	return 0;
}

struct lesson *
lesson_load(const char *path, struct strbuf *diag, int *nerr)
{
	struct strbuf b;
	struct lesson *l;
	char err[512], lim[32], m[64];
	const char *why = NULL;
	FILE *f;
	long ll = 0;
	int rerr;

	f = file_open_read(path, LESSON_MAX_BYTES, err, sizeof err);
	if (f == NULL) {
		if (diag != NULL)
			strbuf_addf(diag, "%s\n", err);
		if (nerr != NULL)
			*nerr = 1;
		return NULL;
	}
	strbuf_init(&b);
	rerr = strbuf_read_file_max(&b, f, LESSON_MAX_BYTES);
	fclose(f);
	if (rerr == -1)
		why = _("read error");
	else if (rerr == -2) {
		format_size(LESSON_MAX_BYTES, lim, sizeof lim);
		snprintf(m, sizeof m, _("too large (limit %s)"), lim);
		why = m;
	} else if (memchr(b.s, '\0', b.len) != NULL)
		why = _("not a text file (NUL byte)");
	else if ((ll = long_line(b.s, b.len)) > 0) {
		format_size(LESSON_MAX_LINE, lim, sizeof lim);
		snprintf(m, sizeof m, _("line too long (limit %s)"), lim);
		why = m;
	}
	if (why != NULL) {
		if (diag != NULL) {
			if (ll > 0)
				strbuf_addf(diag, "%s:%ld: %s\n", path, ll, why);
			else
				strbuf_addf(diag, "%s: %s\n", path, why);
		}
		if (nerr != NULL)
			*nerr = 1;
		strbuf_done(&b);
		return NULL;
	}
	l = lesson_parse(path, b.s, diag, nerr);
	strbuf_done(&b);
	return l;
}

static void
block_done(struct lesson_block *b)
{
	int i;

	free(b->text);
	free(b->id);
	for (i = 0; i < b->nchoices; i++) {
		free(b->choices[i].key);
		free(b->choices[i].text);
	}
	free(b->choices);
	free(b->explain);
	for (i = 0; i < b->ncmds; i++)
		free(b->cmds[i]);
	free(b->cmds);
	free(b->name);
	free(b->metric);
	free(b->lhs.word);
	free(b->rhs.word);
	free(b->pass);
	free(b->fail);
	free(b->suggest);
	for (i = 0; i < b->nhints; i++)
		free(b->hints[i]);
	free(b->hints);
	free(b->solution);
}

void
lesson_free(struct lesson *l)
{
	int i, j;

	if (l == NULL)
		return;
	for (i = 0; i < l->npages; i++) {
		for (j = 0; j < l->pages[i].nblocks; j++)
			block_done(&l->pages[i].blocks[j]);
		free(l->pages[i].blocks);
		free(l->pages[i].title);
	}
	free(l->pages);
	free(l->path);
	free(l->name);
	free(l->title);
	free(l->lang);
	free(l->datadir);
	free(l);
}

int
lesson_number(const struct lesson *l)
{
	long v = 0;
	const char *s = l->name;

	if (!isdigit((unsigned char)*s))
		return -1;
	while (isdigit((unsigned char)*s))
		v = v * 10 + (*s++ - '0');
	return v > 9999 ? -1 : (int)v;
}

int
lesson_choice_index(const struct lesson_block *b, const char *key)
{
	int i;

	for (i = 0; i < b->nchoices; i++)
		if (strcmp(b->choices[i].key, key) == 0)
			return i;
	return -1;
}

const char *
lesson_choice_label(int k)
{
	static const char labels[LESSON_CHOICES_MAX][2] = {
		"1", "2", "3", "4", "5", "6", "7", "8", "9"
	};

	return k >= 0 && k < LESSON_CHOICES_MAX ? labels[k] : "?";
}

int
lesson_choice_of_key(const struct lesson_block *b, int c)
{
	int k;

	for (k = 0; k < b->nchoices; k++)
		if (c == (unsigned char)lesson_choice_label(k)[0])
			return k;
	return -1;
}

void
lesson_choice_range(const struct lesson_block *b, char *buf, size_t n)
{
	snprintf(buf, n, "%s-%s", lesson_choice_label(0),
	    lesson_choice_label(b->nchoices - 1));
}

char *
lesson_choice_keys(const struct lesson_block *b, const char *sep)
{
	struct strbuf s;
	int k;

	strbuf_init(&s);
	for (k = 0; k < b->nchoices; k++)
		strbuf_addf(&s, "%s%s", k > 0 ? sep : "", b->choices[k].key);
	return strbuf_detach(&s);
}

int
lesson_choice_of_word(const struct lesson_block *b, const char *w)
{
	int k;

	for (k = 0; k < b->nchoices; k++)
		if (strcmp(w, lesson_choice_label(k)) == 0)
			return k;
	return lesson_choice_index(b, w);
}
