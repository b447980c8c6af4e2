#include "config.h"
/*
 * i18n.c - where the message catalogs are and which one is used.
 *
 * The language is chosen once by the command line (or the locale
 * environment) and may be switched by the lesson shell; both go through
 * i18n_set_lang(), the one place that talks to gettext's language lookup.
 */

#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/util.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static const char *cur_lang = "en";

#if ENABLE_NLS
/*
 * The build tree's catalogs: po/locale beside the running executable,
 * when it holds this package's Korean catalog (make builds it there).
 * Returns an allocated path or NULL.
 */
static char *
build_tree_localedir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash, *dir, *mo;
	int ok;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	dir = xasprintf("%s/po/locale", exe);
	mo = xasprintf("%s/ko/LC_MESSAGES/%s.mo", dir, PACKAGE);
	ok = access(mo, R_OK) == 0;
	free(mo);
	if (!ok) {
		free(dir);
		return NULL;
	}
	return dir;
}
#endif

void
i18n_init(void)
{
#if ENABLE_NLS
	const char *env = getenv("REGTUTOR_LOCALEDIR");
	char *tree = NULL;

	if (env == NULL || env[0] == '\0')
		tree = build_tree_localedir();
	bindtextdomain(PACKAGE, env != NULL && env[0] != '\0' ? env :
	    tree != NULL ? tree : LOCALEDIR);
	free(tree);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}

#if ENABLE_NLS
/* GNU gettext reads LANGUAGE only when LC_MESSAGES is not "C"/"POSIX". */
static int
messages_locale_usable(void)
{
	static const char *const fallbacks[] = {
		"C.UTF-8", "C.utf8", "en_US.UTF-8", "ko_KR.UTF-8",
	};
	const char *cur = setlocale(LC_MESSAGES, NULL);
	size_t i;

	if (cur != NULL && strcmp(cur, "C") != 0 && strcmp(cur, "POSIX") != 0)
		return 1;
	for (i = 0; i < COUNT(fallbacks); i++)
		if (setlocale(LC_MESSAGES, fallbacks[i]) != NULL)
			return 1;
	return 0;
}
#endif

int
i18n_set_lang(const char *lang)
{
	if (lang == NULL || (strcmp(lang, "en") != 0 && strcmp(lang, "ko") != 0))
		return -1;
#if ENABLE_NLS
	if (strcmp(lang, "ko") == 0 && !messages_locale_usable())
		return -1;
	if (setenv("LANGUAGE", lang, 1) != 0)
		return -1;
	/* a new domain binding makes gettext forget the strings it found */
	textdomain(PACKAGE);
	cur_lang = strcmp(lang, "ko") == 0 ? "ko" : "en";
	return 0;
#else
	cur_lang = "en";
	return strcmp(lang, "en") == 0 ? 0 : -1;
#endif
}

const char *
i18n_lang(void)
{
	return cur_lang;
}

int
i18n_env_names_utf8(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	size_t i;

	for (i = 0; i < COUNT(vars); i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return strcasestr(v, "UTF-8") != NULL ||
			    strcasestr(v, "utf8") != NULL;
	}
	return 0;
}

int
i18n_utf8_shown(void)
{
	return locale_is_utf8() || i18n_env_names_utf8();
}

const char *
i18n_lang_shown(const char *lang, int utf8, const char **note)
{
	if (note != NULL)
		*note = NULL;
	if (utf8 || strcmp(lang, "ko") != 0)
		return lang;
	if (note != NULL)
		/* in English: the terminal cannot show the Korean */
		*note = "Korean needs a UTF-8 locale (e.g. LANG=ko_KR.UTF-8 "
		    "or LANG=C.UTF-8); showing the English lessons";
	return "en";
}
