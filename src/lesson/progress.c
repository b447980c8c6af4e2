#include "config.h"
/*
 * progress.c - the learner's progress file: load, atomic save, reset.
 *
 * The format is a handful of plain-text lines (see progress.h) so that a
 * learner can read it, copy it between machines or delete it.  A file
 * whose first line is not our header (or that is not text) is set aside
 * whole; in one of ours, a bad line costs only itself, named by file and
 * line, and the file as it was is copied aside before a save drops it.
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

/*
 * The lines of the file by their first word: how many words they have,
 * which of them is a PAGE (a number from 0 to PAGE_MAX; 0: none), the
 * file version that brought them, and their form (for messages).  Every
 * other word of a line is a word of the file (word_ok()).
 */
static const struct line_kind {
	const char *word;
	int nwords;
	int page;
	int since;
	const char *form;
} line_kinds[] = {
	{ "page", 3, 2, 1, "page LESSON PAGE" },
	{ "quiz", 4, 0, 1, "quiz LESSON ID KEY" },
	{ "at", 3, 2, 2, "at LESSON PAGE" },
};
#define NKINDS	(sizeof line_kinds / sizeof line_kinds[0])
#define PAGE_MAX	99999

/*
 * Parses one line into p; 0, or -1 with what is wrong with it (a phrase)
 * in why when it is not a valid fact.
 */
static int
parse_fact(struct progress *p, char *line, int version, struct strbuf *why)
{
	const struct line_kind *k = NULL;
	char *w[5], *save = NULL, *t;
	int n = 0, i;
	long page = 0;
	size_t j;

	for (t = strtok_r(line, " \t", &save); t != NULL;
	    t = strtok_r(NULL, " \t", &save)) {
		if (n == 5)
			break;
		w[n++] = t;
	}
	if (n == 0)
		return 0;
	for (j = 0; j < NKINDS; j++)
		if (strcmp(w[0], line_kinds[j].word) == 0 &&
		    version >= line_kinds[j].since)
			k = &line_kinds[j];
	if (k == NULL) {
		strbuf_adds(why, _("expected a line of the form"));
		for (j = 0; j < NKINDS; j++)
			if (version >= line_kinds[j].since)
				strbuf_addf(why, "%s '%s'", j > 0 ? "," : "",
				    line_kinds[j].form);
		return -1;
	}
	if (n != k->nwords)
		goto bad;
	for (i = 1; i < n; i++)
		if (i != k->page && !word_ok(w[i]))
			goto bad;
	if (k->page > 0 && (parse_long(w[k->page], &page) != 0 || page < 0 ||
	    page > PAGE_MAX))
		goto bad;
	if (strcmp(k->word, "page") == 0)
		progress_see_page(p, w[1], (int)page);
	else if (strcmp(k->word, "quiz") == 0)
		progress_answer(p, w[1], w[2], w[3]);
	else	/* the page the learner left the lesson on (once a lesson;
		 * the last one in the file is the lesson left last) */
		progress_set_at(p, w[1], (int)page);
	return 0;
bad:
	if (k->page > 0)
		strbuf_addf(why, _("expected '%s' (PAGE a number from 0 to %d; "
		    "the other words of letters, digits, '_', '-' and '.')"),
		    k->form, PAGE_MAX);
	else
		strbuf_addf(why, _("expected '%s' (words of letters, digits, "
		    "'_', '-' and '.')"), k->form);
	return -1;
}

/* line as a message may show it: at most 40 bytes, every byte that is
 * not printable ASCII as '?'. */
static void
quote_line(struct strbuf *b, const char *line)
{
	size_t i, n = strlen(line);

	for (i = 0; i < n && i < 40; i++)
		strbuf_addch(b, line[i] >= 0x20 && line[i] < 0x7f ? line[i] :
		    '?');
	if (n > 40)
		strbuf_adds(b, "...");
}

/* Writes the file's bytes to aside (the file as it was, set aside before
 * the next save drops its bad lines); 0, or -1 with the reason in e. */
static int
copy_aside(const char *aside, const struct strbuf *b, char *e, size_t elen)
{
	struct atomic_file af;

	if (atomic_open(&af, aside, e, elen) != 0)
		return -1;
	if (b->len > 0 && fwrite(b->s, 1, b->len, af.f) != b->len) {
		snprintf(e, elen, "%s: %s", aside, strerror(errno));
		atomic_abort(&af);
		return -1;
	}
	return atomic_close(&af, e, elen);
}

/*
 * Sets the whole file aside, as not a progress file this program can read:
 * renamed to PATH.corrupt, the facts read so far dropped, what was wrong
 * (at line, when not 0) and what happened in warn.
 */
static void
set_aside(struct progress *p, int line, const char *why, struct strbuf *warn)
{
	char *aside = xasprintf("%s.corrupt", p->path);
	char *where = line > 0 ? xasprintf("%s:%d", p->path, line) :
	    xstrdup(p->path);

	clear_facts(p);
	if (rename(p->path, aside) == 0) {
		if (warn != NULL)
			strbuf_addf(warn, _("%s: not a progress file (%s); "
			    "moved it to %s and started afresh\n"), where, why,
			    aside);
	} else if (warn != NULL) {
		strbuf_addf(warn, _("%s: not a progress file (%s), and it "
		    "could not be moved aside (%s); ignoring it\n"), where, why,
		    strerror(errno));
	}
	free(where);
	free(aside);
}

struct progress *
progress_load(const char *path, struct strbuf *warn)
{
	struct progress *p = xcalloc(1, sizeof *p);
	struct strbuf b, why, first_bad;
	struct stat st;
	char *start, *next, *line, e[512];
	int lineno = 0, version = 0, nbad = 0, bad_at = 0;
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
	strbuf_init(&why);
	strbuf_init(&first_bad);
	if (strbuf_read_file_max(&b, f, PROGRESS_MAX_BYTES) != 0) {
		fclose(f);
		snprintf(e, sizeof e, _("larger than %d MiB"),
		    PROGRESS_MAX_BYTES >> 20);
		set_aside(p, 0, e, warn);
		goto done;
	}
	fclose(f);
	if (memchr(b.s, '\0', b.len) != NULL) {
		set_aside(p, 0, _("a NUL byte: not a text file"), warn);
		goto done;
	}
	/*
	 * The first line says it is a progress file, and its version;
	 * without it nothing of the file can be trusted.  After it, a bad
	 * line costs only itself: the others are kept.
	 */
	for (start = b.s; *start != '\0'; start = next) {
		/* the buffer stays as read: a bad line copies it aside */
		next = strchr(start, '\n');
		next = next != NULL ? next + 1 : start + strlen(start);
		line = xstrndup(start, (size_t)(next - start));
		line[strcspn(line, "\n")] = '\0';
		if (++lineno == 1) {
			if (strcmp(line, HEADER) == 0)
				version = 2;
			else if (strcmp(line, HEADER_V1) == 0)
				version = 1;
			free(line);
			if (version == 0)
				break;
			continue;
		}
		why.len = 0;
		why.s[0] = '\0';
		if (strlen(line) > PROGRESS_MAX_LINE) {
			strbuf_addf(&why, _("longer than %d bytes"),
			    PROGRESS_MAX_LINE);
		} else {
			char *words = xstrdup(line);

			parse_fact(p, words, version, &why);
			free(words);
		}
		if (why.len > 0 && nbad++ == 0) {
			bad_at = lineno;
			strbuf_addch(&first_bad, '\'');
			quote_line(&first_bad, line);
			strbuf_addf(&first_bad, "': %s", why.s);
		}
		free(line);
	}
	if (version == 0) {
		snprintf(e, sizeof e, lineno == 0 ? _("empty, expected '%s'") :
		    _("the first line is not '%s'"), HEADER);
		set_aside(p, lineno > 0, e, warn);
		goto done;
	}
	if (nbad > 0) {
		/* the file as it was kept aside, the good lines loaded: the
		 * next save writes them without the bad ones */
		char *aside = xasprintf("%s.corrupt", p->path);
		int copied = copy_aside(aside, &b, e, sizeof e) == 0;

		if (warn != NULL) {
			strbuf_addf(warn, "%s:%d: %s; ", p->path, bad_at,
			    first_bad.s);
			if (nbad > 1)
				strbuf_addf(warn, _("ignored this line and %d "
				    "more bad ones, kept the other lines"),
				    nbad - 1);
			else
				strbuf_adds(warn, _("ignored this line, kept "
				    "the other lines"));
			if (copied)
				strbuf_addf(warn, _(" (the file as it was: "
				    "%s)\n"), aside);
			else
				strbuf_addf(warn, _(" (could not keep a copy "
				    "of the file as it was: %s)\n"), e);
		}
		free(aside);
	}
done:
	strbuf_done(&first_bad);
	strbuf_done(&why);
	strbuf_done(&b);
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

int
progress_choice(const struct progress *p, const struct lesson *l,
    const struct lesson_block *b)
{
	const char *a;
	int k;

	if ((b->kind != LB_QUIZ && b->kind != LB_PREDICT) || b->id == NULL ||
	    (a = progress_quiz_answer(p, l->name, b->id)) == NULL)
		return -1;
	for (k = 0; k < b->nchoices; k++)
		if (word_eq(a, b->choices[k].key))
			return k;
	return -1;
}

int
progress_finished(const struct progress *p, const struct lesson *l)
{
	const struct lesson_page *last;
	int i;

	if (l->npages == 0 || !progress_page_seen(p, l->name, l->npages - 1))
		return 0;
	last = &l->pages[l->npages - 1];
	for (i = 0; i < last->nblocks; i++)
		if ((last->blocks[i].kind == LB_QUIZ ||
		    last->blocks[i].kind == LB_PREDICT) &&
		    progress_choice(p, l, &last->blocks[i]) < 0)
			return 0;
	return 1;
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

			if (b->kind != LB_QUIZ && b->kind != LB_PREDICT)
				continue;
			(*total)++;
			if (progress_choice(p, l, b) == b->answer)
				(*right)++;
		}
	}
}
