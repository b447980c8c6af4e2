/*
 * lesson.h - lessons: the script format's loader and validator, paragraph
 * wrapping by display width, and the stepper that runs a lesson against a
 * session of the command language.
 *
 * The file format is specified in regtutor-lesson(5).  In short: a header
 * (@title, @lang, @seed), then pages (@page TITLE), each holding blocks in
 * order: paragraphs, command steps ("> data poly"), multiple-choice quizzes
 * (@quiz ... @end), predict-then-run quizzes (@predict ... @end, whose
 * commands run only after the learner has committed to an answer),
 * @remember NAME METRIC, checkpoints (@check EXPR with @pass/@fail texts)
 * and try-it steps (@try ... @end with @suggest, @hint..., @solution).
 *
 * Everything is validated by lesson_load()/lesson_parse(): a lesson either
 * loads completely, or not at all, with every problem reported as
 * "file:line:column: message" followed by the offending line and a caret.
 *
 * Running (struct lesson_run) never prints: command steps go through
 * cmd_execute() into the caller's transcript; quiz answers, hints and
 * checkpoint results are kept as per-block state the caller renders (the
 * TUI draws them, --batch prints them).
 */
#ifndef REGTUTOR_LESSON_H
#define REGTUTOR_LESSON_H

#include <stddef.h>

#include "util/util.h"

struct session;
struct transcript;

/* ------------------------------------------------------------ the model */

enum lesson_block_kind {
	LB_TEXT,	/* a narrative paragraph (text, bullet) */
	LB_CMD,		/* a command step: text is the command line */
	LB_QUIZ,	/* multiple choice: waits for an answer */
	LB_PREDICT,	/* predict-then-run: waits, then runs cmds */
	LB_REMEMBER,	/* stores metric's current value under name */
	LB_CHECK,	/* checkpoint: lhs op rhs on live state */
	LB_TRY		/* try-it: prompt, suggestion, hints, solution */
};

/* One side of a checkpoint comparison: factor * (number | metric | name). */
enum lesson_operand_kind { LO_NUMBER, LO_METRIC, LO_NAME };
struct lesson_operand {
	enum lesson_operand_kind kind;
	double factor;		/* 1 unless written "0.5*name" */
	double num;		/* LO_NUMBER */
	char *word;		/* LO_METRIC / LO_NAME: the word as written */
};

enum lesson_op { LOP_LT, LOP_LE, LOP_GT, LOP_GE };

struct lesson_choice {
	char *key;		/* "a", "up", ... */
	char *text;
};

struct lesson_block {
	enum lesson_block_kind kind;
	int line;		/* 1-based line in the file */
	/*
	 * LB_TEXT: the paragraph ('\n' = hard break; **bold**, `code`);
	 * LB_CMD: the command line; LB_QUIZ/LB_PREDICT: the question;
	 * LB_TRY: the prompt; LB_CHECK: the expression as written.
	 */
	char *text;
	int bullet;		/* LB_TEXT: a "- " list item */

	/* LB_QUIZ, LB_PREDICT */
	char *id;		/* unique within the lesson (progress key) */
	struct lesson_choice *choices;
	int nchoices;
	int answer;		/* index of the keyed choice */
	char *explain;		/* shown after answering; may be NULL */
	char **cmds;		/* LB_PREDICT: run after the answer */
	int ncmds;

	/* LB_REMEMBER */
	char *name;
	char *metric;

	/* LB_CHECK */
	struct lesson_operand lhs, rhs;
	enum lesson_op op;
	char *pass, *fail;	/* author's texts ({NAME} substituted); may be NULL */

	/* LB_TRY: an optional "@expect EXPR" (lhs op rhs as for LB_CHECK)
	 * that becomes true when the learner's own commands did what the
	 * try-it asks; lesson_try_poll() watches it */
	int expect;
	char *suggest;		/* a command to prefill; may be NULL */
	char **hints;
	int nhints;
	char *solution;		/* the answer: a command line */
};

struct lesson_page {
	char *title;
	int line;
	struct lesson_block *blocks;
	int nblocks;
};

struct lesson {
	char *path;		/* as loaded ("<string>" for lesson_parse) */
	char *name;		/* file name without directory and ".lesson" */
	char *title;
	char *lang;		/* "en" or "ko" */
	unsigned long seed;	/* session seed (@seed, default 1) */
	/* The lessons' data directory (lessons/data beside the language
	 * directories): what $LESSONDATA stands for in the lesson's commands,
	 * which keep the word as written (session_set_lesson_data()). */
	char *datadir;
	struct lesson_page *pages;
	int npages;
};

/*
 * Loads and validates a lesson file.  Returns the lesson, or NULL when
 * there was any problem; then every problem has been appended to diag
 * (when not NULL) as "path:line:col: message\n  line\n  caret\n" and *nerr
 * (when not NULL) is their count.
 */
struct lesson *lesson_load(const char *path, struct strbuf *diag, int *nerr);
/* The same on text in memory; path is only used in messages and name. */
struct lesson *lesson_parse(const char *path, const char *text,
    struct strbuf *diag, int *nerr);
/* NULL is a no-op. */
void lesson_free(struct lesson *l);

/* Number of the lesson from its name ("01-overfitting" -> 1), or -1. */
int lesson_number(const struct lesson *l);

/* ------------------------------------------------------------ wrapping */

enum lesson_style { LS_PLAIN, LS_BOLD, LS_CODE };

struct lesson_span {
	size_t off, len;	/* bytes of the line's text */
	enum lesson_style style;
};

struct lesson_line {
	char *text;		/* markers removed, indentation included */
	int width;		/* display columns */
	struct lesson_span *spans;	/* cover the text, in order */
	int nspans;
};

struct lesson_lines {
	struct lesson_line *v;
	int n;
};

/*
 * Wraps text (with **bold** and `code` markers, '\n' = hard break) to
 * width display columns: breaks at spaces, a word longer than a line is
 * cut between characters (a wide character is never split).  The first
 * line is indented by indent1 columns, the others by indent2 (a bullet
 * uses 0 and 2 and starts its text with "- ").  Appends to out (zero it
 * first); free with lesson_lines_free().  width < 8 is treated as 8.
 */
void lesson_wrap(const char *text, int width, int indent1, int indent2,
    struct lesson_lines *out);
/* Flags of lesson_wrap_ex(). */
#define LESSON_WRAP_TICKS	0x1	/* keep the backticks of `code` (as
					   LS_CODE text): for plain output */
#define LESSON_WRAP_ASCII	0x2	/* spell every character in ASCII
					   (util's cp_ascii: lambda, sum, ^2)
					   before wrapping: a terminal that
					   is not UTF-8 */
void lesson_wrap_ex(const char *text, int width, int indent1, int indent2,
    int flags, struct lesson_lines *out);
void lesson_lines_free(struct lesson_lines *ls);
/* Text with the emphasis markers removed; caller frees. */
char *lesson_plain(const char *text);

/* ------------------------------------------------------------ running */

/* Results of the stepper functions. */
#define LR_OK		0	/* one block done; more follow */
#define LR_WAIT		1	/* the current block waits for an answer */
#define LR_END		2	/* the page is finished */
#define LR_ERROR	3	/* a command failed (see the transcript) */

/* What happened to a block on the current page. */
struct lesson_state {
	int done;		/* the block has been processed */
	int answer;		/* quiz/predict: chosen index, -1 before */
	int correct;		/* quiz/predict: answer was the keyed one */
	int hints;		/* try: hints revealed; nhints + 1 = solution shown */
	int result;		/* check: -1 not evaluated, 0 failed, 1 passed */
	char *message;		/* check: the assertion with the numbers
				   ("Check: val_loss = 0.12 < ... -> passed") */
	double lhs, rhs;	/* check: the values compared (NAN: unavailable) */
	/*
	 * The author's text of the block with {NAME} substituted at the
	 * moment the block was processed (a check's @pass or @fail text, a
	 * quiz or predict explanation when answered), so the shell and
	 * --batch show the values of that moment, not of a later step on
	 * the page.  NULL when the block has no such text (yet).
	 */
	char *text;
	int met;		/* try: its @expect has been true */
};

struct lesson_run {
	struct lesson *lesson;		/* not owned */
	struct session *session;	/* not owned */
	struct transcript *tr;		/* not owned */
	int page;			/* current page, 0-based */
	int next;			/* next block on the page to process */
	struct lesson_state *st;	/* [nblocks] of the current page */
	/* remembered values, in the order they were stored */
	char **names;
	double *values;
	int nvalues;
	struct strmap value_ix;	/* name -> its index in names/values */
	int checks_failed;		/* over the whole run */
	/* the seed a clean start restarts the session with: the lesson's
	 * @seed from lesson_run_new(); a caller may set another (--seeds) */
	unsigned long seed;
	/* [npages]: how many leading blocks of each page have been
	 * processed (the furthest any visit got); see lesson_goto() */
	int *ran;
	int ran_upto;	/* ran[i] is complete for every i < ran_upto */
	int ran_end;	/* ran[i] is 0 for every i >= ran_end (both set 0
			 * when ran[] is cleared) */
};

/*
 * A run of lesson l on session s, command output into t.  Page 0 is
 * selected but not entered; the session is not touched.  Opening a lesson
 * is session_restart(s, l->seed) then lesson_run_new(): every lesson
 * starts from the same state, whatever ran on the session before.
 */
struct lesson_run *lesson_run_new(struct lesson *l, struct session *s,
    struct transcript *t);
void lesson_run_free(struct lesson_run *r);

/*
 * Selects page (clamped to the valid range) with fresh block states, the
 * session in the state that playing the pages before it in order gives.
 * The page itself runs nothing.
 *
 * When the target page or a page after it has run (partly or whole: going
 * back, or to the current page again), the run starts clean first: the
 * session is restarted (session_restart() with r->seed), remembered values
 * are cleared and every page counts as not run.  Then the pages before the
 * target are brought up to date in order: every block of an earlier page
 * not processed yet (a page jumped over, or the rest of a page left while
 * a quiz waited) runs, command steps, @remember and the experiment of a
 * predict quiz (its commands, as after any answer); quizzes get no answer,
 * checkpoints are not evaluated and try-it solutions do not run.  Their
 * output is not shown: errors go to the transcript, then one TR_INFO line
 * naming the pages.  A jump forward from a page keeps what the learner did
 * on the pages before (their own commands stay, nothing runs twice).
 * Returns the number of pages caught up.
 */
int lesson_goto(struct lesson_run *r, int page);
/*
 * Processes the next block of the page: runs a command step, stores a
 * remembered value, evaluates a checkpoint; text and try-it blocks just
 * become done.  A quiz or predict block that has not been answered returns
 * LR_WAIT without advancing.  LR_END when the page is finished.
 */
int lesson_step(struct lesson_run *r);
/* lesson_goto() then lesson_step() until it returns something other than
 * LR_OK: what the TUI calls when the learner turns to a page. */
int lesson_enter_page(struct lesson_run *r, int page);
/*
 * Starts the current page again from a clean state: a fresh session
 * (session_restart() with the lesson's seed), remembered values cleared,
 * pages before the current one caught up in order, then the page entered
 * as by lesson_enter_page().  Going back with lesson_goto() to an earlier
 * page does the same, so any page is in the state that playing the pages
 * before it in order gives.
 */
int lesson_restart_page(struct lesson_run *r);
/*
 * Evaluates the @expect condition of every try-it block of the current
 * page that has been reached (done) and is not met yet (call after each
 * command the learner runs).  Returns how many became met now; their
 * lesson_state.met is set.  A condition whose metric is not available
 * (no net yet, ...) is not met.
 */
int lesson_try_poll(struct lesson_run *r);
/* The block waiting for an answer, or -1. */
int lesson_waiting(const struct lesson_run *r);
/*
 * Answers the waiting quiz/predict block with choice index (0-based):
 * records it, runs a predict block's commands, substitutes its explanation
 * into lesson_state.text (after the experiment), and advances past it
 * (call lesson_step() to go on).  LR_OK, LR_ERROR (a predict command failed), or
 * -1 when nothing waits or choice is out of range.
 */
int lesson_answer(struct lesson_run *r, int choice);
/* Index of the choice with key, or -1. */
int lesson_choice_index(const struct lesson_block *b, const char *key);
/*
 * Choice labels: what the learner presses to answer a quiz or predict,
 * shown next to each choice in the shell and in --batch output.  Choice k
 * (0-based) is labelled with the digit k + 1, so a quiz has at most
 * LESSON_CHOICES_MAX choices (the loader refuses more).  The author's keys
 * (@choice KEY) name choices in the lesson file, in @answer and in the
 * progress file; a learner can type one at the shell's prompt ("answer
 * most") but never as a key press: labels are digits so that no choice
 * shares a key with the shell's page keys (n, p, m, q, ...).
 */
#define LESSON_CHOICES_MAX	9
/* The label of choice k: "1" to "9" ("?" when k is out of range). */
const char *lesson_choice_label(int k);
/* The choice a key press c answers on b: its index, or -1 when c is not
 * the label of one of b's choices. */
int lesson_choice_of_key(const struct lesson_block *b, int c);
/* The choice a typed word answers on b: a label ("2") or a choice key
 * ("most"), labels first; its index, or -1. */
int lesson_choice_of_word(const struct lesson_block *b, const char *w);
/* The labels of b as a range for messages: "1-3" into buf. */
void lesson_choice_range(const struct lesson_block *b, char *buf, size_t n);
/* The keys of b joined by sep ("both|ln|bn"); caller frees. */
char *lesson_choice_keys(const struct lesson_block *b, const char *sep);
/*
 * Try-it on the current page (block index i): reveals the next hint;
 * after the last hint the solution.  Returns the new count (see
 * lesson_state.hints), or -1 when everything is already shown / not a
 * try-it block.
 */
int lesson_reveal_hint(struct lesson_run *r, int i);
/*
 * Evaluates checkpoint b (or a try-it's @expect) now.  Returns 1 passed,
 * 0 failed, -1 when a metric was unavailable; *msg (caller frees) is the
 * assertion with the numbers, in the lesson's language ("Check: val_loss
 * = 0.12 < early = 0.2 -> passed"); the @pass/@fail text is not part of
 * it (lesson_step() puts it into lesson_state.text).
 */
int lesson_eval_check(struct lesson_run *r, const struct lesson_block *b,
    char **msg);
/* The condition of a checkpoint or @expect as text: "val_loss < 0.5*early";
 * caller frees. */
char *lesson_expr_text(const struct lesson_block *b);
/* Substitutes {NAME} (remembered values, metrics) in text; caller frees. */
char *lesson_subst(struct lesson_run *r, const char *text);
/* A remembered value: 0 and *out, or -1. */
int lesson_recall(const struct lesson_run *r, const char *name, double *out);

/* Built-in words ("Page", "Right.", "Hint", ...) in the language of the
 * messages (i18n.h), which lesson players make the lesson's. */
enum lesson_word {
	LW_PAGE, LW_QUIZ, LW_PREDICT, LW_RIGHT, LW_WRONG, LW_ANSWER,
	LW_CHECK, LW_PASSED, LW_FAILED, LW_TRY, LW_SUGGEST, LW_HINT,
	LW_SOLUTION, LW_UNAVAILABLE, LW_CAUGHT_UP, LW_EXPECT, LW_MET,
	LW_COUNT
};
const char *lesson_word(const struct lesson *l, enum lesson_word w);

#endif
