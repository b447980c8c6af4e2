/*
 * strings.h - the TUI's user-visible strings in English and Korean.
 *
 * A small static table instead of gettext: the shell has a few dozen
 * strings, and the language is a run-time choice (--lang, else the locale
 * environment).  Placeholders are "{}" (filled in order by tui_fmt with
 * string arguments), so no table entry is ever a printf format.
 */
#ifndef REGTUTOR_TUI_STRINGS_H
#define REGTUTOR_TUI_STRINGS_H

#include <stddef.h>

enum tui_lang { TUI_LANG_EN = 0, TUI_LANG_KO = 1 };

enum tui_msg {
	M_TOO_SMALL,		/* {}x{}: "terminal too small (need 60x16)" */
	M_MENU_TITLE,
	M_MENU_KEYS,
	M_MENU_DONE,		/* {}/{}: pages seen */
	M_PAGE,			/* {}/{} */
	M_NO_CHART,
	M_PROMPT_HINT,
	M_PRESENT_HINT,
	M_TRAINING,		/* {}/{}: epoch */
	M_TRAIN_HINT,		/* on the prompt row while training */
	M_TRAIN_QUEUED,		/* {}: a line typed while training */
	M_TRAIN_REFUSED,	/* {} {}: a second one, not run; the first */
	M_TRAIN_WAIT,		/* a page or answer key while training */
	M_PAGER_KEYS,		/* the long-output overlay's keys */
	M_QUIT_CONFIRM,
	M_STOPPED,
	M_JUMP_PROMPT,		/* {}: last page */
	M_BAD_PAGE,
	M_HELP_TITLE,
	M_HELP_CLOSE,
	M_HELP_1, M_HELP_2, M_HELP_3, M_HELP_4, M_HELP_5, M_HELP_6,
	M_HELP_7, M_HELP_8, M_HELP_9, M_HELP_10, M_HELP_11, M_HELP_12,
	M_HELP_13, M_HELP_14, M_HELP_15, M_HELP_16, M_HELP_17, M_HELP_18,
	M_HELP_19, M_HELP_20,
	M_HELP_MENU_1, M_HELP_MENU_2, M_HELP_MENU_3, M_HELP_MENU_4,
	M_HELP_MENU_5, M_HELP_MENU_6,
	M_MATCHES,
	M_QUIZ_KEYS,		/* {}: labels "1-3", {}: keys "a|b|c" */
	M_QUIZ_RIGHT,
	M_QUIZ_WRONG,
	M_NO_LESSON,		/* {}: name */
	M_LAST_PAGE,
	M_FIRST_PAGE,
	M_LESSON_DONE,
	M_TAB_LESSON, M_TAB_CHART, M_TAB_OUTPUT,
	M_ERROR,		/* prefix of error lines */
	M_MORE_BELOW,		/* {}-{}/{}: lines shown, of the page */
	M_MORE_BELOW_J,		/* the same in classroom mode */
	M_MORE_ABOVE,		/* {}-{}/{} */
	M_OUT_NEWER,		/* {}: lines below the output area */
	M_TAB_OUTPUT_MORE,	/* rule label: older output above */
	M_NO_MORE_HINTS,
	M_CHART_OF,		/* {}/{}: the chart shown, of the page's */
	M_NO_MORE_CHARTS,
	M_PAGE_NO_CHART,
	M_CHECK_DIFFERS,	/* a failed checkpoint, before its numbers */
	M_CHECK_RERUN,		/* what to do about it */
	M_TRY_MET,		/* a try-it whose @expect the learner met */
	M_RERUN,		/* {}: page number, run again */
	M_KEY_IGNORED,		/* {}: the key, {}: the keys of the page */
	M_KEYS_QUIZ,		/* {}: labels; the keys of a waiting quiz */
	M_KEYS_PAGE,		/* the keys of a page with no quiz waiting */
	M_NOT_A_CHOICE,		/* {}: the digit, {}: labels */
	M_NO_QUESTION,		/* a digit or "answer" with no quiz waiting */
	M_ANSWER_BAD,		/* {}: the word, {}: labels, {}: keys */
	M_RESUMED,		/* {}/{}: the page a lesson continues at */
	M_MENU_CONTINUE,	/* {}/{}: the page the lesson continues at */
	M_END_NEXT,		/* {}: number, {}: title of the next lesson */
	M_END_LAST,		/* the end of the last lesson */
	M_PRESENT_ON,		/* P: classroom mode entered */
	M_PRESENT_OFF,		/* P: left */
	M_ANSWER_FIRST,		/* classroom Space while a quiz waits */
	M_COUNT
};

/* The string for id in lang (never NULL). */
const char *tui_str(enum tui_lang lang, enum tui_msg id);
/*
 * Formats id into buf (size n, always terminated when n > 0), replacing
 * each "{}" in turn with the next argument (const char *; missing ones are
 * empty).  Returns buf.
 */
char *tui_fmt(char *buf, size_t n, enum tui_lang lang, enum tui_msg id,
    ...);

/* Parses "en" / "ko"; 0 on success, -1 otherwise. */
int tui_lang_parse(const char *s, enum tui_lang *out);

#endif
