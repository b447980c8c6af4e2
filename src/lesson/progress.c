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
#include <unistd.h>

#include "lesson/progress.h"

#define HEADER "# regtutor progress 1"

struct fact {
	char *lesson;
	int page;		/* >= 0: a page fact */
	char *id, *key;		/* quiz fact (page == -1) */
};

struct progress {
	char *path;
	struct fact *v;
	int n;
};

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

static void
add_fact(struct progress *p, const char *lesson, int page, const char *id,
    const char *key)
{
	struct fact *f;

	p->v = xreallocarray(p->v, (size_t)p->n + 1, sizeof *p->v);
	f = &p->v[p->n++];
	f->lesson = clean_word(lesson);
	f->page = page;
	f->id = id != NULL ? clean_word(id) : NULL;
	f->key = key != NULL ? clean_word(key) : NULL;
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
}

/* Parses one line into p; 0, or -1 when it is not a valid fact. */
static int
parse_fact(struct progress *p, char *line)
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
	return -1;
}

struct progress *
progress_load(const char *path, struct strbuf *warn)
{
	struct progress *p = xcalloc(1, sizeof *p);
	struct strbuf b;
	char *line, *next;
	int bad = 0, first = 1;
	FILE *f;

	p->path = path != NULL ? xstrdup(path) : progress_default_path();
	if (p->path == NULL)
		return p;
	f = fopen(p->path, "r");
	if (f == NULL)
		return p;	/* no progress yet */
	strbuf_init(&b);
	if (strbuf_read_file(&b, f) != 0 || memchr(b.s, '\0', b.len) != NULL)
		bad = 1;
	fclose(f);
	for (line = b.s; !bad && line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		if (first) {
			first = 0;
			if (strcmp(line, HEADER) != 0)
				bad = 1;
			continue;
		}
		if (parse_fact(p, line) != 0)
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
				strbuf_addf(warn, "progress file %s is "
				    "corrupt; moved it to %s and started "
				    "afresh\n", p->path, aside);
		} else if (warn != NULL) {
			strbuf_addf(warn, "progress file %s is corrupt (and "
			    "could not be moved aside: %s); ignoring it\n",
			    p->path, strerror(errno));
		}
		free(aside);
	}
	return p;
}

int
progress_save(const struct progress *p, struct strbuf *err)
{
	char *tmp;
	FILE *f;
	int i, rc = 0;

	if (p->path == NULL) {
		if (err != NULL)
			strbuf_adds(err, "cannot save progress: neither "
			    "XDG_DATA_HOME nor HOME is set\n");
		return -1;
	}
	if (mkdir_parents(p->path, 0700) != 0) {
		if (err != NULL)
			strbuf_addf(err, "cannot create the directory of %s: "
			    "%s\n", p->path, strerror(errno));
		return -1;
	}
	f = atomic_open(p->path, &tmp);
	if (f == NULL) {
		if (err != NULL)
			strbuf_addf(err, "cannot write %s: %s\n", p->path,
			    strerror(errno));
		return -1;
	}
	fprintf(f, "%s\n", HEADER);
	for (i = 0; i < p->n; i++) {
		const struct fact *fa = &p->v[i];

		if (fa->page >= 0)
			fprintf(f, "page %s %d\n", fa->lesson, fa->page);
		else
			fprintf(f, "quiz %s %s %s\n", fa->lesson, fa->id,
			    fa->key);
	}
	rc = atomic_close(f, tmp, p->path);
	if (rc != 0 && err != NULL)
		strbuf_addf(err, "cannot save progress to %s: %s\n", p->path,
		    strerror(errno));
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
			strbuf_addf(err, "cannot remove %s: %s\n", path,
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
	int i;

	for (i = 0; i < p->n; i++)
		if (p->v[i].page == page && word_eq(p->v[i].lesson, lesson))
			return 1;
	return 0;
}

int
progress_pages_seen(const struct progress *p, const char *lesson)
{
	int i, c = 0;

	for (i = 0; i < p->n; i++)
		if (p->v[i].page >= 0 && word_eq(p->v[i].lesson, lesson))
			c++;
	return c;
}

void
progress_answer(struct progress *p, const char *lesson, const char *id,
    const char *key)
{
	char *cl = clean_word(lesson), *ci = clean_word(id);
	int i;

	for (i = 0; i < p->n; i++) {
		struct fact *f = &p->v[i];

		if (f->page < 0 && strcmp(f->lesson, cl) == 0 &&
		    strcmp(f->id, ci) == 0) {
			free(f->key);
			f->key = clean_word(key);
			break;
		}
	}
	if (i == p->n)
		add_fact(p, cl, -1, ci, key);
	free(cl);
	free(ci);
}

const char *
progress_quiz_answer(const struct progress *p, const char *lesson,
    const char *id)
{
	int i;

	for (i = 0; i < p->n; i++)
		if (p->v[i].page < 0 && word_eq(p->v[i].lesson, lesson) &&
		    word_eq(p->v[i].id, id))
			return p->v[i].key;
	return NULL;
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
