/*
 * tiers.c - glyph and colour tiers: detection, names, and the role palette.
 *
 * Charts store semantic roles, not colours; this table is the one place that
 * says what colour a role is in the 256- and 8-colour tiers.  Detection reads
 * the locale codeset (the caller runs setlocale), NO_COLOR and TERM, and takes
 * a colour count from the caller (curses knows COLORS, we do not).
 * chart_colors_choose() is the one place that decides whether output is in
 * colour, for the shell and the headless modes alike.
 */
#include "config.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/util.h"
#include "chart/chart.h"

/* Per role: 256-colour number, 8-colour number, name; -1 = default. */
static const struct {
	short c256, c8;
	const char *name;
} palette[GRID_ROLE_COUNT] = {
	[GRID_DEFAULT] = { -1, -1, "default" },
	[GRID_SERIES1] = { 33, 6, "series1" },	/* blue / cyan */
	[GRID_SERIES2] = { 208, 3, "series2" },	/* orange / yellow */
	[GRID_SERIES3] = { 70, 2, "series3" },	/* green */
	[GRID_SERIES4] = { 170, 5, "series4" },	/* magenta */
	[GRID_SERIES5] = { 160, 1, "series5" },	/* red */
	[GRID_SERIES6] = { 245, 7, "series6" },	/* grey / white */
	[GRID_AXIS] = { 244, -1, "axis" },
	[GRID_LABEL] = { -1, -1, "label" },
	[GRID_TITLE] = { -1, -1, "title" },
	[GRID_MARKER] = { 213, 5, "marker" },	/* not red: red means failure */
	[GRID_GOOD] = { 34, 2, "good" },
	[GRID_BAD] = { 196, 1, "bad" },
	[GRID_WARN] = { 214, 3, "warn" },
	[GRID_HILITE] = { 220, 3, "hilite" },
	/* diverging ramp, dark enough that default-coloured marks show */
	[GRID_SHADE0] = { 166, 3, "shade0" },
	[GRID_SHADE1] = { 172, 3, "shade1" },
	[GRID_SHADE2] = { 137, 3, "shade2" },
	[GRID_SHADE3] = { 95, -1, "shade3" },
	[GRID_SHADE4] = { 238, -1, "shade4" },
	[GRID_SHADE5] = { 60, -1, "shade5" },
	[GRID_SHADE6] = { 61, 4, "shade6" },
	[GRID_SHADE7] = { 25, 4, "shade7" },
	[GRID_SHADE8] = { 19, 4, "shade8" },
};

int
chart_role_color(int role, enum chart_colors colors)
{
	if (role < 0 || role >= GRID_ROLE_COUNT)
		return -1;
	switch (colors) {
	case CHART_COLOR_256:
		return palette[role].c256;
	case CHART_COLOR_8:
		return palette[role].c8;
	case CHART_COLOR_NONE:
		break;
	}
	return -1;
}

long
chart_color_rgb(int c)
{
	/* xterm's first 16: the 8 colours, then their bright forms */
	static const long base[16] = {
		0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080,
		0x008080, 0xc0c0c0, 0x808080, 0xff0000, 0x00ff00, 0xffff00,
		0x0000ff, 0xff00ff, 0x00ffff, 0xffffff
	};
	int r, g, b;

	if (c < 0 || c > 255)
		return -1;
	if (c < 16)
		return base[c];
	if (c >= 232)	/* 24 greys from 8 in steps of 10 */
		return (8 + 10L * (c - 232)) * 0x010101;
	c -= 16;	/* the 6x6x6 cube: levels 0, 95, 135, 175, 215, 255 */
	r = c / 36, g = c / 6 % 6, b = c % 6;
	return (r ? 55 + 40L * r : 0) << 16 | (g ? 55 + 40L * g : 0) << 8 |
	    (b ? 55 + 40L * b : 0);
}

const char *
chart_role_name(int role)
{
	if (role < 0 || role >= GRID_ROLE_COUNT)
		return "?";
	return palette[role].name;
}

static int
is_utf8(const char *codeset)
{
	return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 ||
	    strcasecmp(codeset, "UTF8") == 0);
}

struct chart_tiers
chart_tiers_choose(const char *codeset, const char *term,
    const char *no_color, int ncolors)
{
	struct chart_tiers t;
	int dumb = term != NULL && strcmp(term, "dumb") == 0;
	int console = term != NULL && (strcmp(term, "linux") == 0 ||
	    strncmp(term, "vt", 2) == 0);

	if (!is_utf8(codeset) || dumb || console)
		t.glyphs = CHART_GLYPH_ASCII;
	else
		t.glyphs = CHART_GLYPH_BRAILLE;

	t.colors = chart_colors_choose(CHART_WHEN_AUTO, 1, term, no_color,
	    ncolors);
	return t;
}

enum chart_colors
chart_colors_choose(enum chart_color_when when, int tty, const char *term,
    const char *no_color, int ncolors)
{
	int unset = term == NULL || *term == '\0';

	switch (when) {
	case CHART_WHEN_NEVER:
		return CHART_COLOR_NONE;
	case CHART_WHEN_AUTO:
		if (!tty || (no_color != NULL && *no_color != '\0') ||
		    (!unset && strcmp(term, "dumb") == 0) ||
		    (ncolors > 0 && ncolors < 8) || (ncolors == 0 && unset))
			return CHART_COLOR_NONE;
		break;
	case CHART_WHEN_ALWAYS:
		break;
	}
	if (ncolors < 0)
		return CHART_COLOR_NONE;
	if (ncolors >= 256 || (ncolors == 0 && !unset &&
	    strstr(term, "256color") != NULL))
		return CHART_COLOR_256;
	return CHART_COLOR_8;
}

struct chart_tiers
chart_detect_tiers(int ncolors)
{
	return chart_tiers_choose(nl_langinfo(CODESET), getenv("TERM"),
	    getenv("NO_COLOR"), ncolors);
}

static const char *const glyph_names[] = { "ascii", "quadrant", "braille" };
static const char *const color_names[] = { "none", "8", "256" };

const char *
chart_glyphs_name(enum chart_glyphs g)
{
	if ((unsigned)g >= COUNT(glyph_names))
		return "?";
	return glyph_names[g];
}

const char *
chart_colors_name(enum chart_colors c)
{
	if ((unsigned)c >= COUNT(color_names))
		return "?";
	return color_names[c];
}

int
chart_glyphs_parse(const char *s, enum chart_glyphs *out)
{
	size_t i;

	for (i = 0; i < COUNT(glyph_names); i++)
		if (strcmp(s, glyph_names[i]) == 0) {
			*out = (enum chart_glyphs)i;
			return 0;
		}
	return -1;
}

int
chart_colors_parse(const char *s, enum chart_colors *out)
{
	size_t i;

	if (strcmp(s, "mono") == 0) {
		*out = CHART_COLOR_NONE;
		return 0;
	}
	for (i = 0; i < COUNT(color_names); i++)
		if (strcmp(s, color_names[i]) == 0) {
			*out = (enum chart_colors)i;
			return 0;
		}
	return -1;
}
