/*
 * progress.h - what the learner has done: pages seen and quiz answers.
 *
 * Stored as plain text in $XDG_DATA_HOME/regtutor/progress (fallback
 * ~/.local/share/regtutor/progress), one fact per line:
 *
 *	# regtutor progress 1
 *	page 01-overfitting 3
 *	quiz 01-overfitting q-curves b
 *
 * Lessons are keyed by name (file name without ".lesson"), the same in
 * every language.  Saving writes a temporary file in the same directory and
 * renames it over the old one, so a crash never leaves half a file.  A
 * file that does not parse is renamed to "progress.corrupt" with a warning
 * and progress starts empty: never a crash, never silently lost.
 */
#ifndef REGTUTOR_PROGRESS_H
#define REGTUTOR_PROGRESS_H

#include "util/util.h"

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
/* The file path this progress is saved to. */
const char *progress_path(const struct progress *p);

#endif
