/*
 * i18n.h - message catalogs: the one way a user-visible string is translated.
 *
 * Every string the user can see is written in English in the source and
 * marked: _("...") where it is used, N_("...") in a static table (then
 * _() at the point of use).  GNU gettext looks the English text up in the
 * catalog of the chosen language (po/LANG.po, installed as
 * $(localedir)/LANG/LC_MESSAGES/regtutor.mo); a string without a
 * translation stays English.  The language is a process-wide choice made
 * by i18n_set_lang(): "en" or "ko", from --lang, else the locale
 * environment (lesson_env_lang()).  Numbers are not affected: LC_NUMERIC
 * stays "C".  Without NLS (configure --disable-nls) everything is English.
 */
#ifndef REGTUTOR_I18N_H
#define REGTUTOR_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s)	gettext(s)
#else
#define _(s)	((const char *)(s))
#endif
#define N_(s)	s

/*
 * Binds the text domain: to $REGTUTOR_LOCALEDIR when set, else to the
 * catalogs of the build tree (po/locale next to the executable, which
 * make copies there from po/LANG.gmo) when they exist, else to the installed
 * LOCALEDIR.  Translations are delivered in UTF-8 whatever the locale's
 * character set.  Call once, after setlocale(LC_ALL, "").
 */
void i18n_init(void);

/*
 * Makes lang ("en" or "ko") the language of every later _().  Sets
 * LANGUAGE, and, because GNU gettext ignores LANGUAGE under the "C"
 * locale, moves LC_MESSAGES from "C" to C.UTF-8 when needed, so Korean
 * works without a ko_KR locale installed.  Returns 0, or -1 (English
 * stays) when lang is not "en"/"ko" or no locale lets the catalog be used.
 */
int i18n_set_lang(const char *lang);

/* The language set by i18n_set_lang(): "en" (the default) or "ko". */
const char *i18n_lang(void);

/*
 * Whether the user's terminal shows UTF-8: i18n_env_names_utf8() says
 * whether the locale environment names a UTF-8 locale (the first of
 * LC_ALL, LC_CTYPE, LANG that is set), which the terminal then shows even
 * when that locale is not generated here; i18n_utf8_shown() is that, or
 * a locale whose codeset is UTF-8.
 */
int i18n_env_names_utf8(void);
int i18n_utf8_shown(void);
/*
 * The rule for Korean without UTF-8, the one for every mode: the language
 * to show for lang, which is lang, or "en" when lang is "ko" and the
 * terminal does not show UTF-8 (utf8 == 0: Hangul would be blank or '?').
 * *note (may be NULL) then gets the one line, in English, that says so and
 * how to get Korean; else NULL.
 */
const char *i18n_lang_shown(const char *lang, int utf8, const char **note);

#endif
