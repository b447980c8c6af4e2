#include "config.h"
/*
 * progress.c - the learner's progress file: load, atomic save, reset.
 *
 * The format is a handful of plain-text lines (see progress.h) so that a
 * learner can read it, copy it between machines or delete it.  Anything
 * unexpected in it is treated as corruption: the file is set aside, not
 * trusted in part.
 */

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lesson/lesson.h"
#include "lesson/progress.h"
#include "util/i18n.h"

/* The header written, and the versions read (version 1 had no "at"). */
#define HEADER		"# regtutor progress 2"
#define HEADER_V1	"# regtutor progress 1"

struct fact {
	char *lesson;
	int page;		/* >= 0: a page or at fact */
	int at;			/* 1: an at fact (the page the learner is on) */
	char *id, *key;		/* quiz fact (page == -1) */
};

struct progress {
	char *path;
	struct fact *v;		/* in the order learnt, the file's order */
	int n;
	struct strmap index;	/* fact_key() -> index in v */
	int latest;		/* the at fact set last (saved last), -1 */
};

/* Limits of the file: a larger one is set aside as corrupt. */
#define PROGRESS_MAX_BYTES	(16 << 20)
#define PROGRESS_MAX_LINE	4096

char *
progress_default_path(void)
{
	return xdg_path("XDG_DATA_HOME", ".local/share", "regtutor/progress");
}

/* A byte that may stand in a word of the file. */
static int
word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.';
}

static int
word_ok(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!word_char(*s))
			return 0;
	return 1;
}

/* A copy of s that is a valid word of the file: other bytes become '_'
 * (a lesson file named "my lesson.lesson" must not corrupt the file). */
static char *
clean_word(const char *s)
{
	char *c = xstrdup(*s != '\0' ? s : "_"), *q;

	for (q = c; *q != '\0'; q++)
		if (!word_char(*q))
			*q = '_';
	return c;
}

/* Does the stored (clean) word equal raw once raw is cleaned? */
static int
word_eq(const char *stored, const char *raw)
{
	if (*raw == '\0')
		return strcmp(stored, "_") == 0;
	for (; *stored != '\0' && *raw != '\0'; stored++, raw++)
		if (*stored != (word_char(*raw) ? *raw : '_'))
			return 0;
	return *stored == '\0' && *raw == '\0';
}

/* The index key of a page fact (id NULL, page >= 0), a quiz fact or an
 * at fact (id NULL, page -2: one a lesson), from clean words; caller
 * frees.  '/' never stands in a word. */
static char *
fact_key(const char *lesson, int page, const char *id)
{
	if (id == NULL && page == -2)
		return xasprintf("a/%s", lesson);
	if (id == NULL)
		return xasprintf("p/%s/%d", lesson, page);
	return xasprintf("q/%s/%s", lesson, id);
}

/* The index of a fact in p->v, or -1; raw words are cleaned first. */
static int
find_fact(const struct progress *p, const char *lesson, int page,
    const char *id)
{
	char *cl = clean_word(lesson), *ci = id ? clean_word(id) : NULL;
	char *k = fact_key(cl, page, ci);
	int i = strmap_get(&p->index, k);

	free(k);
	free(cl);
	free(ci);
	return i;
}

static void
add_fact(struct progress *p, const char *lesson, int page, const char *id,
    const char *key)
{
	struct fact *f;
	char *k;

	p->v = xgrow(p->v, (size_t)p->n, sizeof *p->v);
	f = &p->v[p->n];
	f->lesson = clean_word(lesson);
	f->page = page;
	f->at = 0;
	f->id = id != NULL ? clean_word(id) : NULL;
	f->key = key != NULL ? clean_word(key) : NULL;
	k = fact_key(f->lesson, page, f->id);
	strmap_put(&p->index, k, p->n++);
	free(k);
}

static void
clear_facts(struct progress *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].lesson);
		free(p->v[i].id);
		free(p->v[i].key);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
	p->latest = -1;
	strmap_done(&p->index);
}

/* Parses one line into p; 0, or -1 when it is not a valid fact. */
static int
parse_fact(struct progress *p, char *line, int version)
{
	char *w[5], *save = NULL, *t;
	int n = 0;
	long page;

	for (t = strtok_r(line, " \t", &save); t != NULL;
	    t = strtok_r(NULL, " \t", &save)) {
		if (n == 5)
			return -1;
		w[n++] = t;
	}
	if (n == 0)
		return 0;
	if (n == 3 && strcmp(w[0], "page") == 0 && word_ok(w[1]) &&
	    parse_long(w[2], &page) == 0 && page >= 0 && page < 100000) {
		progress_see_page(p, w[1], (int)page);
		return 0;
	}
	if (n == 4 && strcmp(w[0], "quiz") == 0 && word_ok(w[1]) &&
	    word_ok(w[2]) && word_ok(w[3])) {
		progress_answer(p, w[1], w[2], w[3]);
		return 0;
	}
	/* version 2: the page the learner left the lesson on (once a
	 * lesson; the last one in the file is the lesson left last) */
	if (n == 3 && strcmp(w[0], "at") == 0 && version >= 2 &&
	    word_ok(w[1]) && parse_long(w[2], &page) == 0 && page >= 0 && page < 100000) {
		progress_set_at(p, w[1], (int)page);
		return 0;
	}
	return -1;
}

struct progress *
progress_load(const char *path, struct strbuf *warn)
{
	struct progress *p = xcalloc(1, sizeof *p);
	struct strbuf b;
	struct stat st;
	char *line, *next, e[512];
	int bad = 0, first = 1, version = 0;
	FILE *f;

	p->latest = -1;
	p->path = path != NULL ? xstrdup(path) : progress_default_path();
	if (p->path == NULL)
		return p;
	if (stat(p->path, &st) != 0)
		return p;	/* no progress yet (saving says what is wrong) */
	if (!S_ISREG(st.st_mode) || (f = fopen(p->path, "r")) == NULL) {
		/* not ours to move aside: a directory, a FIFO... */
		if (!S_ISREG(st.st_mode))
			snprintf(e, sizeof e, "%s: %s", p->path,
			    S_ISDIR(st.st_mode) ? _("is a directory") :
			    _("not a regular file"));
		else
			snprintf(e, sizeof e, "%s: %s", p->path,
			    strerror(errno));
		if (warn != NULL)
			strbuf_addf(warn, _("cannot read the progress file "
			    "(%s); starting afresh\n"), e);
		return p;	/* saving will say why it cannot replace it */
	}
	strbuf_init(&b);
	if (strbuf_read_file_max(&b, f, PROGRESS_MAX_BYTES) != 0 ||
	    memchr(b.s, '\0', b.len) != NULL)
		bad = 1;
	fclose(f);
	for (line = b.s; !bad && line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (strlen(line) > PROGRESS_MAX_LINE)
			bad = 1;
		if (first) {
			first = 0;
			if (strcmp(line, HEADER) == 0)
				version = 2;
			else if (strcmp(line, HEADER_V1) == 0)
				version = 1;
			else
				bad = 1;
			continue;
		}
		if (parse_fact(p, line, version) != 0)
			bad = 1;
	}
	if (first && !bad)
		bad = 1;	/* empty file: not something we wrote */
	strbuf_done(&b);
	if (bad) {
		char *aside = xasprintf("%s.corrupt", p->path);

		clear_facts(p);
		if (rename(p->path, aside) == 0) {
			if (warn != NULL)
				strbuf_addf(warn, _("progress file %s is "
				    "corrupt; moved it to %s and started "
				    "afresh\n"), p->path, aside);
		} else if (warn != NULL) {
			strbuf_addf(warn, _("progress file %s is corrupt (and "
			    "could not be moved aside: %s); ignoring it\n"),
			    p->path, strerror(errno));
		}
		free(aside);
	}
	return p;
}

int
progress_save(const struct progress *p, struct strbuf *err)
{
	struct atomic_file af;
	char e[512];
	FILE *f;
	int i, rc = 0;

	if (p->path == NULL) {
		if (err != NULL)
			strbuf_adds(err, _("cannot save progress: neither "
			    "XDG_DATA_HOME nor HOME is set\n"));
		return -1;
	}
	if (mkdir_parents(p->path, 0700) != 0) {
		if (err != NULL)
			strbuf_addf(err, _("cannot create the directory of %s: "
			    "%s\n"), p->path, strerror(errno));
		return -1;
	}
	if (atomic_open(&af, p->path, e, sizeof e) != 0) {
		if (err != NULL)
			strbuf_addf(err, _("cannot save progress: %s\n"), e);
		return -1;
	}
	f = af.f;
	fprintf(f, "%s\n", HEADER);
	for (i = 0; i < p->n; i++) {
		const struct fact *fa = &p->v[i];

		if (i == p->latest)
			continue;	/* last: the file says it is the latest */
		if (fa->at)
			fprintf(f, "at %s %d\n", fa->lesson, fa->page);
		else if (fa->page >= 0)
			fprintf(f, "page %s %d\n", fa->lesson, fa->page);
		else
			fprintf(f, "quiz %s %s %s\n", fa->lesson, fa->id,
			    fa->key);
	}
	if (p->latest >= 0)
		fprintf(f, "at %s %d\n", p->v[p->latest].lesson,
		    p->v[p->latest].page);
	rc = atomic_close(&af, e, sizeof e);
	if (rc != 0 && err != NULL)
		strbuf_addf(err, _("cannot save progress: %s\n"), e);
	return rc;
}

void
progress_free(struct progress *p)
{
	if (p == NULL)
		return;
	clear_facts(p);
	free(p->path);
	free(p);
}

int
progress_reset(const char *path, struct strbuf *err)
{
	char *def = NULL;
	int rc = 0;

	if (path == NULL)
		path = def = progress_default_path();
	if (path == NULL)
		return 0;
	if (unlink(path) != 0 && errno != ENOENT) {
		if (err != NULL)
			strbuf_addf(err, _("cannot remove %s: %s\n"), path,
			    strerror(errno));
		rc = -1;
	}
	free(def);
	return rc;
}

const char *
progress_path(const struct progress *p)
{
	return p->path;
}

void
progress_see_page(struct progress *p, const char *lesson, int page)
{
	char *c = clean_word(lesson);

	if (page >= 0 && !progress_page_seen(p, c, page))
		add_fact(p, c, page, NULL, NULL);
	free(c);
}

int
progress_page_seen(const struct progress *p, const char *lesson, int page)
{
	return page >= 0 && find_fact(p, lesson, page, NULL) >= 0;
}

int
progress_pages_seen(const struct progress *p, const char *lesson)
{
	int i, c = 0;

	for (i = 0; i < p->n; i++)
		if (p->v[i].page >= 0 && !p->v[i].at &&
		    word_eq(p->v[i].lesson, lesson))
			c++;
	return c;
}

void
progress_answer(struct progress *p, const char *lesson, const char *id,
    const char *key)
{
	int i = find_fact(p, lesson, -1, id);

	if (i >= 0) {
		free(p->v[i].key);
		p->v[i].key = clean_word(key);
	} else
		add_fact(p, lesson, -1, id, key);
}

const char *
progress_quiz_answer(const struct progress *p, const char *lesson,
    const char *id)
{
	int i = find_fact(p, lesson, -1, id);

	return i >= 0 ? p->v[i].key : NULL;
}

int
progress_quizzes_answered(const struct progress *p, const char *lesson)
{
	int i, c = 0;

	for (i = 0; i < p->n; i++)
		if (p->v[i].page < 0 && word_eq(p->v[i].lesson, lesson))
			c++;
	return c;
}

void
progress_set_at(struct progress *p, const char *lesson, int page)
{
	int i;

	if (page < 0)
		return;
	if ((i = find_fact(p, lesson, -2, NULL)) < 0) {
		add_fact(p, lesson, -2, NULL, NULL);
		i = p->n - 1;
		p->v[i].at = 1;
	}
	p->v[i].page = page;
	p->latest = i;
}

int
progress_at(const struct progress *p, const char *lesson)
{
	int i = find_fact(p, lesson, -2, NULL), last = -1;

	if (i >= 0)
		return p->v[i].page;
	/* a version 1 file: the furthest page seen */
	for (i = 0; i < p->n; i++)
		if (p->v[i].page > last && !p->v[i].at &&
		    word_eq(p->v[i].lesson, lesson))
			last = p->v[i].page;
	return last;
}

const char *
progress_latest(const struct progress *p)
{
	int i;

	if (p->latest >= 0)
		return p->v[p->latest].lesson;
	/* a version 1 file: the lesson of the page seen last */
	for (i = p->n - 1; i >= 0; i--)
		if (p->v[i].page >= 0)
			return p->v[i].lesson;
	return NULL;
}

void
progress_quiz_score(const struct progress *p, const struct lesson *l,
    int *right, int *total)
{
	int pg, i;

	*right = *total = 0;
	for (pg = 0; pg < l->npages; pg++) {
		for (i = 0; i < l->pages[pg].nblocks; i++) {
			const struct lesson_block *b = &l->pages[pg].blocks[i];
			const char *a;

			if (b->kind != LB_QUIZ && b->kind != LB_PREDICT)
				continue;
			(*total)++;
			a = progress_quiz_answer(p, l->name, b->id);
			if (a != NULL && word_eq(a, b->choices[b->answer].key))
				(*right)++;
		}
	}
}
