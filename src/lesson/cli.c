#include "config.h"
/*
 * cli.c - lessons from the command line: finding lesson files, --check,
 * --list, --reset-progress and --batch (a whole lesson played to stdout
 * with no terminal, quizzes answered with the keyed answer, for CI and
 * golden tests).
 */

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "lesson/lesson-cli.h"
#include "lesson/lesson-view.h"
#include "lesson/lesson.h"
#include "lesson/progress.h"
#include "util/i18n.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/regtutor"
#endif

/* ------------------------------------------------------------ finding */

/* "ko", "ko_KR.UTF-8", "ko-KR", "ko:en" (a LANGUAGE list), the glibc
 * alias "korean"; not "kok_IN" (Konkani). */
static int
names_korean(const char *v)
{
	size_t n = strncmp(v, "korean", 6) == 0 ? 6 :
	    strncmp(v, "ko", 2) == 0 ? 2 : 0;

	/* strchr finds the terminating NUL too: "ko" alone */
	return n > 0 && strchr(n == 2 ? "_.:@-" : ".:@", v[n]) != NULL;
}

const char *
lesson_lang_pick(const char *language, const char *lc_all,
    const char *lc_messages, const char *lang)
{
	const char *v[4] = { language, lc_all, lc_messages, lang };
	size_t i;

	for (i = 0; i < COUNT(v); i++)
		if (v[i] != NULL && v[i][0] != '\0')
			return names_korean(v[i]) ? "ko" : "en";
	return "en";
}

const char *
lesson_env_lang(void)
{
	return lesson_lang_pick(getenv("LANGUAGE"), getenv("LC_ALL"),
	    getenv("LC_MESSAGES"), getenv("LANG"));
}

/*
 * Whether the running program is the one in the build directory it was
 * built in (REGTUTOR_BUILDDIR, set by the makefile): its directory, links
 * resolved, is that directory.  An installed copy lives elsewhere and so
 * never looks at the build tree.  Asked once.
 */
static int
running_from_build_tree(void)
{
#ifdef REGTUTOR_BUILDDIR
	static int known, yes;
	char *exe, *dir, *slash;

	if (known)
		return yes;
	known = 1;
	exe = realpath("/proc/self/exe", NULL);
	dir = realpath(REGTUTOR_BUILDDIR, NULL);
	if (exe != NULL && dir != NULL && (slash = strrchr(exe, '/')) != NULL) {
		*slash = '\0';
		yes = strcmp(exe, dir) == 0;
	}
	free(exe);
	free(dir);
	return yes;
#else
	return 0;
#endif
}

/* Whether dir/lessons/lang is a directory. */
static int
has_lessons(const char *dir, const char *lang)
{
	char *p = xasprintf("%s/lessons/%s", dir, lang);
	struct stat sb;
	int ok = stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);

	free(p);
	return ok;
}

/*
 * The data directories to look in, in order, into v (room for 3):
 * $REGTUTOR_DATADIR alone when set; else, for the program in its build
 * directory, the source tree it was built from (its lessons are the ones
 * that go with its code), then the installed PKGDATADIR.
 */
static int
data_dirs(const char *v[3])
{
	const char *d = getenv("REGTUTOR_DATADIR");
	int n = 0;

	if (d != NULL && *d != '\0') {
		v[n++] = d;
		return n;
	}
#ifdef REGTUTOR_SRCDIR
	if (running_from_build_tree())
		v[n++] = REGTUTOR_SRCDIR;
#endif
	v[n++] = PKGDATADIR;
	return n;
}

const char *
lesson_lang_shown(const char *lang, int utf8, struct strbuf *note)
{
	const char *line;

	lang = i18n_lang_shown(lang, utf8, &line);
	if (line != NULL && note != NULL)
		strbuf_addf(note, "%s\n", line);
	return lang;
}

char *
lesson_dir(const char *lang)
{
	const char *v[3];
	int i, n = data_dirs(v);

	for (i = 0; i < n - 1; i++)
		if (has_lessons(v[i], lang))
			break;
	return xasprintf("%s/lessons/%s", v[i], lang);
}

void
lesson_dir_help(const char *lang, struct strbuf *sb)
{
	const char *v[3];
	int i, n = data_dirs(v);

	strbuf_adds(sb, _("no lessons found (looked in "));
	for (i = 0; i < n; i++)
		strbuf_addf(sb, "%s%s/lessons/%s", i == 0 ? "" :
		    i == n - 1 ? _(" and ") : ", ", v[i], lang);
	if (getenv("REGTUTOR_DATADIR") != NULL &&
	    *getenv("REGTUTOR_DATADIR") != '\0')
		strbuf_adds(sb, _(", from REGTUTOR_DATADIR): set "
		    "REGTUTOR_DATADIR to the directory holding lessons/, or "
		    "unset it to use the installed lessons\n"));
	else
		strbuf_adds(sb, _("): run `make install`, or `make run` in the "
		    "build directory, or set REGTUTOR_DATADIR to the source "
		    "directory (the one holding lessons/)\n"));
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
lesson_paths(const char *lang, char ***paths)
{
	char *dir = lesson_dir(lang);
	struct dirent *e;
	char **v = NULL;
	size_t n = 0;
	DIR *d;

	d = opendir(dir);
	while (d != NULL && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len <= 7 || e->d_name[0] == '.' ||
		    strcmp(e->d_name + len - 7, ".lesson") != 0)
			continue;
		v = xreallocarray(v, n + 2, sizeof *v);
		v[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	if (d != NULL)
		closedir(d);
	free(dir);
	v = xreallocarray(v, n + 1, sizeof *v);
	v[n] = NULL;
	qsort(v, n, sizeof *v, cmp_str);
	*paths = v;
	return (int)n;
}

void
lesson_paths_free(char **paths)
{
	char **p;

	if (paths == NULL)
		return;
	for (p = paths; *p != NULL; p++)
		free(*p);
	free(paths);
}

/* "dir/01-overfitting.lesson" matches "1", "01-overfitting", "overfitting". */
static int
spec_matches(const char *path, const char *spec)
{
	const char *b = strrchr(path, '/'), *dash;
	size_t n;
	long num, fnum;

	b = b != NULL ? b + 1 : path;
	n = strlen(b) - 7;
	if (parse_long(spec, &num) == 0) {
		char *digits = xstrndup(b, strspn(b, "0123456789"));
		int ok = *digits != '\0' && parse_long(digits, &fnum) == 0 &&
		    fnum == num;

		free(digits);
		return ok;
	}
	if (strlen(spec) == n && strncmp(b, spec, n) == 0)
		return 1;
	dash = strchr(b, '-');
	return dash != NULL && (size_t)(b + n - dash - 1) == strlen(spec) &&
	    strncmp(dash + 1, spec, strlen(spec)) == 0;
}

char *
lesson_resolve(const char *spec, const char *lang, struct strbuf *err)
{
	struct stat sb;
	char **v, *found = NULL;
	int i, n;

	if (strchr(spec, '/') != NULL || (strlen(spec) > 7 &&
	    strcmp(spec + strlen(spec) - 7, ".lesson") == 0)) {
		if (stat(spec, &sb) == 0)
			return xstrdup(spec);
		strbuf_addf(err, _("no lesson file '%s'\n"), spec);
		return NULL;
	}
	n = lesson_paths(lang, &v);
	for (i = 0; i < n; i++) {
		if (spec_matches(v[i], spec)) {
			found = xstrdup(v[i]);
			break;
		}
	}
	if (found == NULL && n == 0) {
		strbuf_addf(err, _("no lesson '%s': "), spec);
		lesson_dir_help(lang, err);
	} else if (found == NULL) {
		char *dir = lesson_dir(lang);

		strbuf_addf(err, _("no lesson '%s' in %s"), spec, dir);
		if (n > 0) {
			strbuf_adds(err, _(" (there are:"));
			for (i = 0; i < n; i++) {
				const char *b = strrchr(v[i], '/') + 1;

				strbuf_addf(err, " %.*s", (int)strlen(b) - 7,
				    b);
			}
			strbuf_adds(err, ")");
		}
		strbuf_adds(err, "\n");
		free(dir);
	}
	lesson_paths_free(v);
	return found;
}

/* ------------------------------------------------------------ batch */

struct out {
	FILE *f;
	int color;		/* emphasis with escape sequences */
	int colors;		/* CMD_COLOR_* of the transcript */
	struct lesson_view_opts vo;	/* the transcript form */
	struct lesson_view v;	/* lines printed as they come */
};

/* Prints the lines added to o->v since the last call; with
 * o->vo.ascii_text spelt in ASCII (the wrapped ones are already, the
 * lines kept as written, a suggestion or a solution, are here). */
static void
put_view(struct out *o)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m;

	if (o->vo.ascii_text && (m = open_memstream(&buf, &len)) != NULL) {
		struct strbuf b;

		lesson_view_print(&o->v, 0, m, o->color);
		fclose(m);
		strbuf_init(&b);
		strbuf_add_ascii(&b, buf, len);
		fwrite(b.s, 1, b.len, o->f);
		strbuf_done(&b);
		free(buf);
	} else {
		lesson_view_print(&o->v, 0, o->f, o->color);
	}
	lesson_view_clear(&o->v);
}

static int
flush_tr(struct transcript *t, size_t *from, const struct out *o)
{
	size_t n = transcript_count(t), i;
	int errors = 0;

	for (i = *from; i < n; i++)
		if (transcript_item(t, i)->kind == TR_ERROR)
			errors++;
	transcript_print(t, *from, o->f, NULL, o->colors, 1);
	*from = n;
	return errors;
}

/* Plays the current page; returns failures.  The blocks are shown as
 * lesson_view_block() renders them, the commands' transcript between. */
static int
batch_page(struct lesson_run *r, struct out *o, size_t *from)
{
	const struct lesson *l = r->lesson;
	const struct lesson_page *pg = &l->pages[r->page];
	int fails = 0, rc;

	for (;;) {
		int i = r->next;
		const struct lesson_block *b;

		if (i >= pg->nblocks)
			break;
		b = &pg->blocks[i];
		if (b->kind == LB_QUIZ || b->kind == LB_PREDICT) {
			lesson_view_question(&o->v, &o->vo, l, b, i, NULL);
			put_view(o);
		}
		rc = lesson_step(r);
		if (rc == LR_WAIT) {
			lesson_view_keyed(&o->v, l, b, i);
			put_view(o);
			rc = lesson_answer(r, b->answer);
			fails += flush_tr(r->tr, from, o);
			lesson_view_answer(&o->v, &o->vo, l, b, i, &r->st[i]);
			put_view(o);
			continue;
		}
		fails += flush_tr(r->tr, from, o);
		if (b->kind == LB_TRY) {
			/* the transcript shows every hint */
			for (int h = 0; h <= b->nhints; h++)
				lesson_reveal_hint(r, i);
		}
		lesson_view_block(&o->v, &o->vo, l, pg, i, &r->st[i]);
		put_view(o);
		if (b->kind == LB_CHECK && r->st[i].result != 1)
			fails++;
		if (rc == LR_END)
			break;
	}
	return fails;
}

int
lesson_batch(struct lesson *l, FILE *out, const struct lesson_render *ro)
{
	struct session *s = session_new(l->seed);
	struct transcript *t = transcript_new();
	struct lesson_run *r;
	struct out o;
	size_t from = 0;
	int p, fails = 0, num = lesson_number(l), w;
	char *head, *rule;

	memset(&o, 0, sizeof(o));
	o.f = out;
	o.vo.width = ro != NULL && ro->width > 0 ? ro->width : 72;
	o.vo.transcript = 1;
	o.color = ro != NULL && ro->colors != CMD_COLOR_NONE;
	o.vo.ticks = !o.color;
	o.vo.ascii_text = ro != NULL && ro->ascii_text;
	o.colors = ro != NULL ? ro->colors : CMD_COLOR_NONE;
	session_set_render(s, ro != NULL ? ro->glyphs : CMD_GLYPH_ASCII,
	    ro != NULL ? ro->colors : CMD_COLOR_NONE, o.vo.width,
	    ro != NULL && ro->height > 0 ? ro->height : 16);
	r = lesson_run_new(l, s, t);
	/* the lesson's title, underlined */
	if (num >= 0)
		head = xasprintf("%d. %s", num, l->title);
	else
		head = xstrdup(l->title);
	if (ro != NULL && ro->seed_set) {	/* not the lesson's own seed */
		char *h = xasprintf(_("%s (seed %lu)"), head, l->seed);

		free(head);
		head = h;
	}
	if (o.vo.ascii_text) {
		char *a = utf8_to_ascii(head);

		free(head);
		head = a;
	}
	w = utf8_width(head, (size_t)-1);
	if (w > o.vo.width)
		w = o.vo.width;
	rule = xcalloc((size_t)w + 1, 1);
	memset(rule, '=', (size_t)w);
	fprintf(out, "%s\n%s\n\n", head, rule);
	free(rule);
	free(head);
	for (p = 0; p < l->npages; p++) {
		lesson_view_heading(&o.v, &o.vo, l, p);
		put_view(&o);
		lesson_goto(r, p);
		fails += batch_page(r, &o, &from);
	}
	lesson_view_free(&o.v);
	lesson_run_free(r);
	transcript_free(t);
	session_free(s);
	return fails;
}

/* ------------------------------------------------------------ seeds */

int
lesson_seed_range(const char *s, unsigned long *first, unsigned long *last,
    char *err, size_t errlen)
{
	const char *dash = strchr(s, '-');
	char *a = xstrndup(s, dash != NULL ? (size_t)(dash - s) : strlen(s));
	long lo, hi;
	int ok;

	ok = parse_long(a, &lo) == 0 && (dash == NULL ||
	    parse_long(dash + 1, &hi) == 0);
	free(a);
	if (dash == NULL)
		hi = lo;
	if (!ok || *s == '-' || lo < 0 || hi < 0 || lo > LESSON_SEED_MAX ||
	    hi > LESSON_SEED_MAX) {
		snprintf(err, errlen, _("'%s' is not a range of seeds (write "
		    "A-B with seeds from 0 to %ld, e.g. 1-20)"), s,
		    (long)LESSON_SEED_MAX);
		return -1;
	}
	if (lo > hi) {
		snprintf(err, errlen, _("'%s': the first seed is larger than "
		    "the last (write A-B with A <= B)"), s);
		return -1;
	}
	if (hi - lo + 1 > LESSON_SEEDS_MAX) {
		snprintf(err, errlen, _("'%s' is %ld seeds; at most %d at a "
		    "time"), s, hi - lo + 1, LESSON_SEEDS_MAX);
		return -1;
	}
	*first = (unsigned long)lo;
	*last = (unsigned long)hi;
	return 0;
}

/* One checkpoint over the seeds. */
struct seed_check {
	const struct lesson_block *b;
	int page;
	int passed, runs;
	double worst;		/* smallest relative margin so far */
	unsigned long worst_seed;
	char *worst_msg;	/* its assertion with the numbers */
	struct strbuf failed;	/* "5, 6, 9" */
};

/* How clearly a check held: > 0 passed, <= 0 failed, relative to the
 * size of the values; -INFINITY when it could not be evaluated. */
static double
check_margin(const struct lesson_block *b, const struct lesson_state *st)
{
	double a = st->lhs, c = st->rhs, d, scale;

	if (st->result < 0 || isnan(a) || isnan(c))
		return -INFINITY;
	d = b->op == LOP_LT || b->op == LOP_LE ? c - a : a - c;
	scale = fmax(fabs(a), fabs(c));
	d = scale > 0 ? d / scale : d;
	/* an equality that passes (<=, >=) is a pass with no margin */
	if (st->result == 1 && d <= 0)
		d = 0;
	if (st->result == 0 && d >= 0)
		d = -1e-300;
	return d;
}

/* The assertion of a check message without "Check: " and " -> verdict". */
static char *
assertion_of(const struct lesson *l, const char *msg)
{
	const char *pre = lesson_word(l, LW_CHECK), *s = msg, *arrow, *q;
	size_t n = strlen(pre);

	if (strncmp(s, pre, n) == 0 && s[n] == ':' && s[n + 1] == ' ')
		s += n + 2;
	arrow = NULL;
	for (q = strstr(s, " -> "); q != NULL; q = strstr(q + 1, " -> "))
		arrow = q;
	return xstrndup(s, arrow != NULL ? (size_t)(arrow - s) : strlen(s));
}

/*
 * Plays l once on a fresh session with seed, quietly, quizzes answered
 * with the keyed answer; folds every checkpoint into cs (in file order).
 * Returns the number of failed commands; the first error into err.
 */
static int
play_seed(struct lesson *l, unsigned long seed, struct seed_check *cs,
    struct strbuf *err)
{
	struct session *s = session_new(seed);
	struct transcript *t = transcript_new();
	struct lesson_run *r = lesson_run_new(l, s, t);
	int p, k = 0, errors = 0;

	r->seed = seed;
	for (p = 0; p < l->npages; p++) {
		const struct lesson_page *pg = &l->pages[p];

		lesson_goto(r, p);
		while (r->next < pg->nblocks) {
			int i = r->next, rc = lesson_step(r);
			const struct lesson_block *b = &pg->blocks[i];

			if (rc == LR_WAIT)
				rc = lesson_answer(r, b->answer);
			if (b->kind == LB_CHECK) {
				struct seed_check *c = &cs[k++];
				double m = check_margin(b, &r->st[i]);

				c->runs++;
				if (r->st[i].result == 1)
					c->passed++;
				else
					strbuf_addf(&c->failed, "%s%lu",
					    c->failed.len ? ", " : "", seed);
				if (c->worst_msg == NULL || m < c->worst) {
					free(c->worst_msg);
					c->worst_msg = assertion_of(l,
					    r->st[i].message);
					c->worst = m;
					c->worst_seed = seed;
				}
			}
			if (rc == LR_END)
				break;
		}
	}
	for (size_t i = 0; i < transcript_count(t); i++) {
		const struct tr_item *it = transcript_item(t, i);

		if (it->kind != TR_ERROR)
			continue;
		if (errors++ == 0)
			strbuf_addf(err, "%s", it->text);
	}
	lesson_run_free(r);
	transcript_free(t);
	session_free(s);
	return errors;
}

int
lesson_batch_seeds(struct lesson *l, unsigned long first, unsigned long last,
    FILE *out)
{
	struct seed_check *cs = NULL;
	unsigned long seed;
	int n = 0, p, i, bad = 0, cmd_fails = 0, num = lesson_number(l);
	int nseeds = (int)(last - first + 1);
	int progress = isatty(STDERR_FILENO);

	for (p = 0; p < l->npages; p++)
		for (i = 0; i < l->pages[p].nblocks; i++) {
			if (l->pages[p].blocks[i].kind != LB_CHECK)
				continue;
			cs = xreallocarray(cs, (size_t)n + 1, sizeof *cs);
			memset(&cs[n], 0, sizeof cs[n]);
			cs[n].b = &l->pages[p].blocks[i];
			cs[n].page = p;
			strbuf_init(&cs[n].failed);
			n++;
		}
	if (num >= 0)
		fprintf(out, _("%d. %s: seeds %lu-%lu (%d run%s)\n"), num,
		    l->title, first, last, nseeds, nseeds == 1 ? "" : "s");
	else
		fprintf(out, _("%s: seeds %lu-%lu (%d run%s)\n"), l->title, first,
		    last, nseeds, nseeds == 1 ? "" : "s");
	for (seed = first; seed <= last; seed++) {
		struct strbuf err;
		int e;

		if (progress) {	/* a terminal: which seed is playing */
			fputc('\r', stderr);
			fprintf(stderr, _("  seed %lu (%lu of %d) "), seed,
			    seed - first + 1, nseeds);
		}
		strbuf_init(&err);
		e = play_seed(l, seed, cs, &err);
		if (e > 0) {
			fprintf(out, _("seed %lu: %d command%s failed: %s\n"),
			    seed, e, e == 1 ? "" : "s", err.s);
			cmd_fails++;
		}
		strbuf_done(&err);
	}
	if (progress)
		fprintf(stderr, "\r%*s\r", 32, "");
	fprintf(out, _("\npage:line  passed   checkpoint\n"));
	for (i = 0; i < n; i++) {
		struct seed_check *c = &cs[i];
		char *e = lesson_expr_text(c->b);
		char where[32];

		snprintf(where, sizeof where, "%d:%d", c->page + 1,
		    c->b->line);
		fprintf(out, "%-10s %3d/%-3d  %s\n", where, c->passed, c->runs,
		    e);
		if (c->passed < c->runs)
			fprintf(out, _("%20sFAILED on seed%s %s\n"), "",
			    c->runs - c->passed > 1 ? "s" : "", c->failed.s);
		fprintf(out, _("%20sworst: seed %lu: %s\n"), "", c->worst_seed,
		    c->worst_msg != NULL ? c->worst_msg : "");
		bad += c->passed < c->runs;
		free(e);
		free(c->worst_msg);
		strbuf_done(&c->failed);
	}
	fprintf(out, "\n");
	if (bad > 0 || cmd_fails > 0)
		fprintf(out, _("%d of %d checkpoint%s failed on some seed%s\n"),
		    bad, n, n == 1 ? "" : "s", cmd_fails > 0 ?
		    _("; commands failed on some seed") : "");
	else
		fprintf(out, _("all %d checkpoint%s passed on every seed\n"), n,
		    n == 1 ? "" : "s");
	free(cs);
	return bad + cmd_fails;
}

/* ------------------------------------------------------------ entry points */

int
lesson_cli_check(int nfiles, char *const *files)
{
	int i, bad = 0;

	for (i = 0; i < nfiles; i++) {
		struct strbuf diag;
		struct lesson *l;
		int nerr = 0;

		strbuf_init(&diag);
		l = lesson_load(files[i], &diag, &nerr);
		if (l == NULL) {
			fputs(diag.s, stderr);
			fprintf(stderr, _("%s: %d problem%s\n"), files[i], nerr,
			    nerr == 1 ? "" : "s");
			bad = 1;
		}
		lesson_free(l);
		strbuf_done(&diag);
	}
	return bad;
}

int
lesson_cli_batch(const char *spec, const char *lang,
    const struct lesson_render *ro)
{
	return lesson_cli_batch_seeds(spec, lang, ro, NULL);
}

int
lesson_cli_batch_seeds(const char *spec, const char *lang,
    const struct lesson_render *ro, const char *seeds)
{
	unsigned long first = 0, last = 0;
	char msg[160];
	struct strbuf err;
	struct lesson *l;
	char *path;
	int fails;

	if (seeds != NULL && lesson_seed_range(seeds, &first, &last, msg,
	    sizeof msg) != 0) {
		fprintf(stderr, "regtutor: --seeds: %s\n", msg);
		return 2;
	}
	strbuf_init(&err);
	if (lang == NULL)
		lang = lesson_env_lang();
	if (ro != NULL && ro->ascii_text) {
		lang = lesson_lang_shown(lang, 0, &err);
		if (err.len > 0)
			fprintf(stderr, "regtutor: %s", err.s);
		strbuf_done(&err);
		strbuf_init(&err);
	}
	path = lesson_resolve(spec, lang, &err);
	if (path == NULL) {
		fprintf(stderr, "regtutor: %s", err.s);
		strbuf_done(&err);
		return 2;
	}
	l = lesson_load(path, &err, NULL);
	free(path);
	if (l == NULL) {
		fputs(err.s, stderr);
		strbuf_done(&err);
		return 2;
	}
	strbuf_done(&err);
	if (ro != NULL && ro->seed_set)
		l->seed = ro->seed;	/* as --seeds plays each of its seeds */
	/* the lesson's language is the language of the words around it */
	i18n_set_lang(l->lang);
	if (seeds != NULL) {
		fails = lesson_batch_seeds(l, first, last, stdout);
		fflush(stdout);
		if (fails > 0)
			fprintf(stderr, _("regtutor: %s: checkpoints failed on "
			    "some of seeds %s\n"), l->name, seeds);
		lesson_free(l);
		return fails > 0 ? 1 : 0;
	}
	fails = lesson_batch(l, stdout, ro);
	fflush(stdout);
	if (fails > 0)
		fprintf(stderr, _("regtutor: %s: %d checkpoint%s or command%s "
		    "failed\n"), l->name, fails, fails == 1 ? "" : "s",
		    fails == 1 ? "" : "s");
	lesson_free(l);
	return fails > 0 ? 1 : 0;
}

/* The display columns of --list's title column. */
#define LIST_TITLE_COLS	40

int
lesson_cli_list(const char *lang)
{
	struct strbuf warn;
	struct progress *pr;
	char **v;
	int i, n, ascii = !locale_is_utf8();

	if (lang == NULL)
		lang = lesson_env_lang();
	strbuf_init(&warn);
	lang = lesson_lang_shown(lang, !ascii, &warn);
	pr = progress_load(NULL, &warn);
	if (warn.len > 0)
		fprintf(stderr, "regtutor: %s", warn.s);
	strbuf_done(&warn);
	n = lesson_paths(lang, &v);
	if (n == 0) {
		struct strbuf help;

		strbuf_init(&help);
		lesson_dir_help(lang, &help);
		fprintf(stderr, "regtutor: %s", help.s);
		strbuf_done(&help);
	}
	for (i = 0; i < n; i++) {
		struct lesson *l = lesson_load(v[i], NULL, NULL);
		const char *b = strrchr(v[i], '/') + 1;
		struct lesson_lines ls;
		int w, pad, right, total, j;

		if (l == NULL) {
			printf(_("  ?  %.*s  (does not load: regtutor --check "
			    "%s)\n"), (int)strlen(b) - 7, b, v[i]);
			continue;
		}
		/* a title wider than its column goes on under itself, so
		 * the counts stay in their column and a line in 80; a
		 * locale that is not UTF-8: spelt in ASCII (lambda) */
		memset(&ls, 0, sizeof ls);
		lesson_wrap_ex(l->title, LIST_TITLE_COLS, 0, 0,
		    ascii ? LESSON_WRAP_ASCII : 0, &ls);
		w = ls.v[0].width;
		pad = w < LIST_TITLE_COLS ? LIST_TITLE_COLS - w : 0;
		progress_quiz_score(pr, l, &right, &total);
		printf("%3d  %s%*s  %d/%d %s, %d/%d %s\n", lesson_number(l),
		    ls.v[0].text, pad, "", progress_pages_seen(pr, l->name),
		    l->npages, _("pages"), right, total, _("quizzes right"));
		for (j = 1; j < ls.n; j++)
			printf("     %s\n", ls.v[j].text);
		lesson_lines_free(&ls);
		lesson_free(l);
	}
	lesson_paths_free(v);
	progress_free(pr);
	return n > 0 ? 0 : 1;
}

int
lesson_cli_reset_progress(void)
{
	struct strbuf err;
	int rc;

	strbuf_init(&err);
	rc = progress_reset(NULL, &err);
	if (rc != 0)
		fprintf(stderr, "regtutor: %s", err.s);
	strbuf_done(&err);
	return rc != 0 ? 1 : 0;
}
