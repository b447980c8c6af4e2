/*
 * lesson-cli.h - the lesson entry points of the command line, called by
 * src/main.c: --check, --batch, --list, --reset-progress, and the helpers
 * that find lesson files by number, name or path in the right language.
 *
 * Lesson files live in $REGTUTOR_DATADIR/lessons/<lang>/ when that is set,
 * else in PKGDATADIR/lessons/<lang>/, named NN-name.lesson; the program
 * run from its build directory looks first in the source tree it was built
 * from (so ./regtutor works before make install).
 */
#ifndef REGTUTOR_LESSON_CLI_H
#define REGTUTOR_LESSON_CLI_H

#include <stdio.h>

#include "util/util.h"

struct lesson;

/* Chart/text rendering for batch output (CMD_GLYPH_*, CMD_COLOR_*;
 * width/height in cells, 0 = default 72 x 16). */
struct lesson_render {
	int glyphs;
	int colors;
	int width;
	int height;
	int ascii_text;		/* spell the text in ASCII (a locale that is
				   not UTF-8): lesson_batch() */
	int seed_set;		/* 1 (--seed): play on seed in place of the
				   lesson's @seed, named in the title */
	unsigned long seed;
};

/*
 * The lesson language from the environment values (any may be NULL): the
 * first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set and non-empty
 * decides; "ko" when it names Korean ("ko", "ko_KR.UTF-8", "ko:en", the
 * alias "korean"; not "kok_IN"), else "en".  lesson_env_lang() asks the
 * environment.  The --batch/--list and the shell decide the same way.
 */
const char *lesson_lang_pick(const char *language, const char *lc_all,
    const char *lc_messages, const char *lang);
const char *lesson_env_lang(void);
/*
 * The lesson language a terminal can show: lang, or "en" when lang is
 * "ko" and the terminal is not UTF-8 (utf8 == 0), with a line in note
 * (if not NULL) saying that Korean needs a UTF-8 locale and how to get
 * one; Hangul spelt as '?' would be no lesson at all.
 */
const char *lesson_lang_shown(const char *lang, int utf8, struct strbuf *note);
/* The lesson directory for lang (no trailing slash): the first of the
 * places above that has one, else the last; caller frees. */
char *lesson_dir(const char *lang);
/* Appends to sb, for when there are no lessons for lang, one line saying
 * where they were looked for and how to fix it (make install, make run,
 * REGTUTOR_DATADIR). */
void lesson_dir_help(const char *lang, struct strbuf *sb);
/* Sorted paths of the *.lesson files for lang; returns the count, *paths
 * a NULL-terminated array (free with lesson_paths_free). */
int lesson_paths(const char *lang, char ***paths);
void lesson_paths_free(char **paths);
/* A lesson named by number ("1"), name ("overfitting", "01-overfitting")
 * or path: its path (caller frees), or NULL with a message in err. */
char *lesson_resolve(const char *spec, const char *lang, struct strbuf *err);

/*
 * Plays lesson l to out without a terminal: the whole transcript (text,
 * commands as typed, plain-text charts), quizzes answered with the keyed
 * answer, hints and solutions of try-it steps shown.  Returns the number
 * of failed checkpoints plus failed commands (0 = success).
 */
int lesson_batch(struct lesson *l, FILE *out, const struct lesson_render *ro);

/* Seeds of --seeds: from 0 to LESSON_SEED_MAX, at most LESSON_SEEDS_MAX
 * of them in one range. */
#define LESSON_SEED_MAX		2147483647L
#define LESSON_SEEDS_MAX	100
/*
 * Parses a --seeds range "A-B" (or one seed "A"): 0 and *first, *last; -1
 * with a message in err (not a range, A > B, too many seeds).
 */
int lesson_seed_range(const char *s, unsigned long *first,
    unsigned long *last, char *err, size_t errlen);
/*
 * Plays l once per seed first..last (the seed replaces @seed), quietly,
 * quizzes answered with the keyed answer, and prints to out per
 * checkpoint (page:line and its condition) how many seeds passed, the
 * seeds it failed on, and the worst case (the smallest margin relative to
 * the values compared, with its seed and numbers); seeds whose commands
 * failed are named.  Returns the number of checkpoints that failed on
 * some seed plus the seeds with failed commands (0 = success).
 */
int lesson_batch_seeds(struct lesson *l, unsigned long first,
    unsigned long last, FILE *out);

/* regtutor --check FILE...: all problems to stderr; exit status (0 ok,
 * 1 problems). */
int lesson_cli_check(int nfiles, char *const *files);
/* regtutor --batch LESSON: exit status 0 when every checkpoint passed, 1
 * when one failed or a command failed, 2 when the lesson is not found or
 * does not load. */
int lesson_cli_batch(const char *spec, const char *lang,
    const struct lesson_render *ro);
/* The same with --seeds RANGE (NULL: a plain --batch): exit status 0 when
 * every checkpoint passed on every seed, 1 when one failed on some seed or
 * a command failed, 2 for a bad range or a lesson not found. */
int lesson_cli_batch_seeds(const char *spec, const char *lang,
    const struct lesson_render *ro, const char *seeds);
/* regtutor --list: number, title and progress of each lesson; exit status. */
int lesson_cli_list(const char *lang);
/* regtutor --reset-progress: removes the progress file; exit status. */
int lesson_cli_reset_progress(void);

#endif
