/*
 * lesson-view.h - a lesson page as styled lines: the one rendering of
 * lesson blocks, shown by the shell's lesson pane and printed by --batch.
 *
 * Each block (text, command, quiz, predict, checkpoint, try-it) becomes
 * lines once, here: wrapped to a width, each with a role (what the line
 * is: body text, a title, a chosen answer, a passed checkpoint, ...) and
 * the emphasis spans of its text.  Renderers only map roles to their
 * styles: the shell to curses colours, --batch to plain text (emphasis as
 * escape sequences with colour).
 *
 * Two forms.  The pane form is the live page (the choices as answered, the
 * keys that answer a waiting quiz, a checkpoint as a result for the
 * student, the hints revealed so far).  The transcript form is --batch's
 * record of a whole run (the quiz id and the keyed answer, the exact
 * assertion of a checkpoint, every hint and the solution); --batch prints
 * the transcript of the commands between the parts of a block, so the
 * parts have functions of their own.
 */
#ifndef REGTUTOR_LESSON_VIEW_H
#define REGTUTOR_LESSON_VIEW_H

#include <stdio.h>

#include "lesson/lesson.h"

/* What a line is; the renderers style by it. */
enum lesson_role {
	LV_GAP,			/* the blank line between blocks */
	LV_BODY,		/* running text */
	LV_TITLE,		/* a page, quiz or try-it heading */
	LV_RULE,		/* the underline of a heading (transcript) */
	LV_COMMAND,		/* a command step, "> cmd" */
	LV_CHOICE,		/* a choice of a quiz */
	LV_CHOSEN,		/* the choice the student picked */
	LV_KEYED,		/* the right choice, after a wrong answer */
	LV_KEYS,		/* how a quiz is answered: opts.keys_hint
				   worded and wrapped, else "1-3 a|b|c" (the
				   labels, a space, the choices' words) */
	LV_ANSWER,		/* "Answer: b" (transcript) */
	LV_RIGHT,		/* the feedback of a right answer */
	LV_WRONG,		/* the feedback of a wrong answer */
	LV_PASS,		/* a passed checkpoint: its @pass text */
	LV_PASS_NUMBERS,	/* ... and the numbers */
	LV_FAIL,		/* a failed checkpoint: that it differs */
	LV_FAIL_NUMBERS,	/* ... and the numbers */
	LV_RERUN,		/* how to run the page again */
	LV_CHECK,		/* a checkpoint's assertion (transcript) */
	LV_SUGGEST,		/* a try-it's suggested command */
	LV_EXPECT,		/* a try-it's condition (transcript) */
	LV_HINT,		/* a hint */
	LV_MET,			/* the try-it was done */
	LV_MET_TEXT,		/* ... what it showed */
	LV_SOLUTION,		/* a try-it's solution */
	LV_ROLE_COUNT
};

struct lesson_vline {
	char *text;		/* markers removed, indentation included, no
				   trailing blanks */
	struct lesson_span *spans;	/* cover the text, in order */
	int nspans;
	enum lesson_role role;
	int block;		/* the block it shows; -1 the page heading */
	int cont;		/* 1: wrapped on from the line before (the
				   same paragraph or choice) */
};

struct lesson_view {
	struct lesson_vline *v;
	int n;
};

struct lesson_view_opts {
	int width;		/* display columns to wrap to */
	int transcript;		/* 1: --batch's form, 0: the pane's */
	int ticks;		/* keep the backticks of `code` (plain text) */
	int ascii;		/* no check mark before a passed result */
	int ascii_text;		/* text spelt in ASCII before wrapping
				   (util's cp_ascii: a terminal that is not
				   UTF-8) */
	/* The pane's sentences in the shell's language (pane form only). */
	const char *check_differs;	/* a checkpoint that failed */
	const char *check_rerun;	/* the key that runs the page again */
	const char *try_met;		/* a try-it done */
	/* How a waiting quiz is answered, in words: the sentence for the
	 * labels ("1-3") and the choices' words ("a|b|c"), newly allocated,
	 * wrapped like text; NULL: the one raw line "1-3 a|b|c". */
	char *(*keys_hint)(const char *range, const char *words);
};

/* The role's name ("body", "title", ...), for golden files. */
const char *lesson_role_name(enum lesson_role r);

/* Empties v (zero it first once); lesson_view_free() frees it. */
void lesson_view_clear(struct lesson_view *v);
void lesson_view_free(struct lesson_view *v);

/* text (with emphasis markers, '\n' = hard break) wrapped to o->width:
 * first line at indent1, the others at indent2. */
void lesson_view_text(struct lesson_view *v, const struct lesson_view_opts *o,
    enum lesson_role role, int block, int indent1, int indent2,
    const char *text);

/* The heading of page p: "N/M  title" (pane), or "Page N/M: title"
 * underlined (transcript); then a gap. */
void lesson_view_heading(struct lesson_view *v,
    const struct lesson_view_opts *o, const struct lesson *l, int p);

/*
 * Block i of page pg in state st.  The pane form shows every part of the
 * block as it stands; the transcript form shows text blocks, the gap
 * after commands, checkpoints and try-its (quizzes come in parts:
 * lesson_view_question(), then lesson_view_answer()).
 */
void lesson_view_block(struct lesson_view *v, const struct lesson_view_opts *o,
    const struct lesson *l, const struct lesson_page *pg, int i,
    const struct lesson_state *st);
/* A quiz or predict block's heading and choices. */
void lesson_view_question(struct lesson_view *v,
    const struct lesson_view_opts *o, const struct lesson *l,
    const struct lesson_block *b, int i, const struct lesson_state *st);
/* Its keyed answer, "Answer: b" (transcript form). */
void lesson_view_keyed(struct lesson_view *v, const struct lesson *l,
    const struct lesson_block *b, int i);
/* The feedback of the answer in st, then a gap (transcript form; the pane
 * form has it in lesson_view_block()). */
void lesson_view_answer(struct lesson_view *v,
    const struct lesson_view_opts *o, const struct lesson *l,
    const struct lesson_block *b, int i, const struct lesson_state *st);

/* Lines from..n-1 of v as text to f: emphasis as escape sequences with
 * color, else plain. */
void lesson_view_print(const struct lesson_view *v, int from, FILE *f,
    int color);

#endif
