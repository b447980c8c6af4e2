#include "config.h"
/*
 * hints.c - the help overlay's lines and the sentence saying how a quiz
 * is answered (hints.h).  Key names stay ASCII in every language; each
 * help line fits the 56 columns inside the help box.
 */

#include <stddef.h>
#include <stdio.h>

#include "tui/hints.h"
#include "util/i18n.h"
#include "util/util.h"

char *
tui_keys_hint(const char *range, const char *words)
{
	char buf[512];

	utf8_snprintf(buf, sizeof(buf), _(TUI_KEYS_HINT), range, words);
	return xstrdup(buf);
}

const char *const tui_help_lesson[] = {
	N_("n PgDn        next page"),
	N_("p PgUp        previous page"),
	N_("Space         rest of a long page, then next page"),
	N_("j k Up Down   scroll the page (Home End)"),
	N_("[ ]           scroll the output (prompt: PgUp PgDn)"),
	N_("g  m          go to a page / lesson menu"),
	N_(": Tab Tab     command prompt, completion (Esc leaves)"),
	N_("Enter         try it / next page"),
	N_("1-9  h        answer a quiz (its labels) / next hint"),
	N_("Ctrl-C        stop training / clear the line"),
	N_("? F1          this help"),
	N_("r             run this page again from a clean state"),
	N_("< >           the page's previous / next chart"),
	N_("q             quit (asks while training)"),
	N_("training      ? j k [ ] : work; a typed line waits"),
	N_("N             next lesson (the menu: m)"),
	N_(":answer 2     answer at the prompt (or by word)"),
	N_("P F5          classroom mode (Space: next step)"),
	NULL
};

const char *const tui_help_menu[] = {
	N_("Up Down j k   choose a lesson"),
	N_("0-9           the lesson with that number"),
	N_("Enter         open it"),
	N_("l             English / Korean"),
	N_("? F1          this help (on a page: its keys)"),
	N_("q             quit"),
	NULL
};
