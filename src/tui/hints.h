/*
 * hints.h - the shell's messages that must fit the smallest screen: the
 * key hint of the prompt row, the lesson pane's scroll notes, how a quiz
 * is answered, the too-small notice and the help overlay's lines.
 *
 * English, marked for translation (N_(), shown through _()); they are
 * named here because tests/tui/test-layout.c measures them, translated,
 * against the layout of the smallest terminal.
 */
#ifndef REGTUTOR_TUI_HINTS_H
#define REGTUTOR_TUI_HINTS_H

#include "util/i18n.h"

/* The prompt row when the prompt is idle (classroom mode: the short one). */
#define TUI_PROMPT_HINT \
	N_(": command  n/p page  j/k scroll  [ ] output  ? help  q quit")
#define TUI_PRESENT_HINT	N_(": command")
/* After the prompt's "> " while its line is empty and it has the keys. */
#define TUI_PROMPT_EMPTY \
	N_("type a command - Enter runs it, Tab completes, Esc: page keys")
/* The lesson pane's last row: first-last/total lines of the page. */
#define TUI_MORE_BELOW		N_("more: j/Space  %s-%s/%s")
#define TUI_MORE_BELOW_J	N_("more: j  %s-%s/%s")	/* classroom mode */
#define TUI_MORE_ABOVE		N_("end: k/Up back  %s-%s/%s")
/* The terminal is smaller than the layout needs: width, 'x', height. */
#define TUI_TOO_SMALL		N_("terminal too small (need %s%s%s; q quits)")

/* How a waiting quiz is answered, under its choices (the lesson pane
 * wraps it): the labels' range ("1-3"), the choices' words ("a|b|c"). */
#define TUI_KEYS_HINT		N_("press %s to answer (prompt: answer %s)")
/* The sentence of TUI_KEYS_HINT, newly allocated (lesson_view_opts'
 * keys_hint). */
char *tui_keys_hint(const char *range, const char *words);

/* The help overlay's lines (NULL-terminated): the keys of a lesson page,
 * of the lesson menu. */
extern const char *const tui_help_lesson[];
extern const char *const tui_help_menu[];

#endif
