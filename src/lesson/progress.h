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
 * "page": a page (0-based) seen; "quiz": the key of the choice last
 * answered (which choice, hence right or wrong against the lesson's
 * @answer; the shell shows a question answered before as answered with
 * it); "at": the page the learner was on when they left the lesson, where
 * reopening it resumes (one a lesson; the last "at" line is the lesson
 * left last).  Version 1 files (no "at" lines) still load: a lesson then
 * resumes at the furthest page seen, and the lesson left last is the
 * one of the last "page" line.  A lesson is finished when its last page
 * was seen and every question on it answered (progress_finished()): being
 * on the last page is not enough.
 * Lessons are keyed by name (file name without ".lesson"), the same in
 * every language.  Saving writes a temporary file in the same directory and
 * renames it over the old one, so a crash never leaves half a file.  A
 * bad line is ignored with a warning naming file and line, the other lines
 * are kept, and the file as it was is copied to "progress.corrupt"; a file
 * that is not a progress file at all (first line, NUL bytes, size) is
 * renamed to "progress.corrupt" with a warning and progress starts empty:
 * never a crash, never silently lost.
 */
#ifndef REGTUTOR_PROGRESS_H
#define REGTUTOR_PROGRESS_H

#include "util/util.h"

struct lesson;
struct lesson_block;
struct progress;

/* The default file path (caller frees), or NULL when neither
 * $XDG_DATA_HOME nor $HOME is set. */
char *progress_default_path(void);

/*
 * Loads path (NULL: the default path).  A missing file is empty progress.
 * Bad lines are skipped, the first named as "PATH:LINE: ..." in warn (when
 * not NULL), and the file is copied to PATH.corrupt; a file that is not a
 * progress file is renamed to PATH.corrupt, with a warning.  Never returns
 * NULL.
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
/* The choice (index into b->choices) recorded for quiz or predict b of
 * lesson l, or -1: never answered, or the key recorded is none of its
 * choices (the lesson has changed since). */
int progress_choice(const struct progress *p, const struct lesson *l,
    const struct lesson_block *b);
/* Has the learner finished l: its last page seen and every quiz and
 * predict on that page answered with one of its choices?  A lesson merely
 * opened, or left on its last page with a question waiting, has not been
 * finished. */
int progress_finished(const struct progress *p, const struct lesson *l);
/* Quizzes and predicts of l whose recorded choice is the keyed one
 * (*right), and how many l has (*total). */
void progress_quiz_score(const struct progress *p, const struct lesson *l,
    int *right, int *total);
/* The file path this progress is saved to. */
const char *progress_path(const struct progress *p);

#endif
