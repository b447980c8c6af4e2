/*
 * progress.h - what the learner has done: pages seen and quiz answers.
 *
 * Stored as plain text in $XDG_DATA_HOME/regtutor/progress (fallback
 * ~/.local/share/regtutor/progress), one fact per line:
 *
 *	# regtutor progress 2
 *	page 01-overfitting 3
 *	quiz 01-overfitting q-curves b
 *	at 01-overfitting 3
 *
 * "page": a page (0-based) seen; "quiz": the choice key last answered;
 * "at": the page the learner was on when they left the lesson, where
 * reopening it resumes (one a lesson; the last "at" line is the lesson
 * left last).  Version 1 files (no "at" lines) still load: a lesson then
 * resumes at the furthest page seen, and the lesson left last is the
 * one of the last "page" line.
 * Lessons are keyed by name (file name without ".lesson"), the same in
 * every language.  Saving writes a temporary file in the same directory and
 * renames it over the old one, so a crash never leaves half a file.  A
 * file that does not parse is renamed to "progress.corrupt" with a warning
 * and progress starts empty: never a crash, never silently lost.
 */
#ifndef REGTUTOR_PROGRESS_H
#define REGTUTOR_PROGRESS_H

#include "util/util.h"

struct lesson;
struct progress;

/* The default file path (caller frees), or NULL when neither
 * $XDG_DATA_HOME nor $HOME is set. */
char *progress_default_path(void);

/*
 * Loads path (NULL: the default path).  A missing file is empty progress.
 * A corrupt file is renamed to PATH.corrupt and a warning appended to warn
 * (when not NULL).  Never returns NULL.
 */
struct progress *progress_load(const char *path, struct strbuf *warn);
/* Writes atomically (temporary file + rename), creating the directory.
 * 0, or -1 with a message appended to err. */
int progress_save(const struct progress *p, struct strbuf *err);
void progress_free(struct progress *p);
/* Removes the file (a missing file is fine).  0, or -1 with a message. */
int progress_reset(const char *path, struct strbuf *err);

void progress_see_page(struct progress *p, const char *lesson, int page);
int progress_page_seen(const struct progress *p, const char *lesson,
    int page);
/* Distinct pages of lesson seen. */
int progress_pages_seen(const struct progress *p, const char *lesson);
/* Records (or replaces) the answer to quiz id of lesson. */
void progress_answer(struct progress *p, const char *lesson, const char *id,
    const char *key);
/* The recorded answer key, or NULL. */
const char *progress_quiz_answer(const struct progress *p, const char *lesson,
    const char *id);
int progress_quizzes_answered(const struct progress *p, const char *lesson);
/* Records that the learner is on page of lesson (where reopening it
 * resumes) and makes lesson the one in progress. */
void progress_set_at(struct progress *p, const char *lesson, int page);
/* The page to resume lesson at (0-based), or -1 when it was never
 * opened; may be beyond the lesson's pages when it has changed. */
int progress_at(const struct progress *p, const char *lesson);
/* The lesson in progress (the one left last), or NULL. */
const char *progress_latest(const struct progress *p);
/* Quizzes and predicts of l whose recorded answer is the keyed one
 * (*right), and how many l has (*total). */
void progress_quiz_score(const struct progress *p, const struct lesson *l,
    int *right, int *total);
/* The file path this progress is saved to. */
const char *progress_path(const struct progress *p);

#endif
