/*
 * grid.h - the cell grid every chart draws into.
 *
 * A grid is w x h terminal cells.  Each cell holds one code point and a style
 * made of semantic roles (not colour numbers) plus attribute bits.  Charts
 * only ever write into a grid; two back-ends read it: grid_to_text() below
 * (UTF-8, optional ANSI SGR colour; used by batch mode and the tests) and the
 * TUI's curses back-end, which copies cell by cell.
 *
 * Wide characters (Hangul = 2 columns) occupy two cells: the left cell holds
 * the code point, the right cell has cp == 0 and GRID_CONT in flags.  A
 * back-end prints the left cell and skips the continuation cell.
 *
 * Colour is a palette of roles (enum grid_role).  chart_role_color() maps a
 * role to a 256-colour or 8-colour number for a given colour tier, or -1 for
 * the terminal's default colour.  A TUI can allocate one curses pair per
 * (fg role, bg role) combination it meets (lazily), at most
 * GRID_ROLE_COUNT * GRID_ROLE_COUNT, in practice a few dozen.
 */
#ifndef REGTUTOR_CHART_GRID_H
#define REGTUTOR_CHART_GRID_H

#include <stdint.h>

struct strbuf;

/* Semantic colour roles; stored in grid_cell.fg and .bg. */
enum grid_role {
	GRID_DEFAULT = 0,	/* terminal default colour */
	GRID_SERIES1,		/* first data series (e.g. train loss) */
	GRID_SERIES2,		/* second series (e.g. validation loss) */
	GRID_SERIES3,
	GRID_SERIES4,
	GRID_SERIES5,
	GRID_SERIES6,
	GRID_AXIS,		/* frame, axis lines, tick marks */
	GRID_LABEL,		/* tick labels, axis labels, captions */
	GRID_TITLE,		/* chart title */
	GRID_MARKER,		/* annotations: early-stopping marker */
	GRID_GOOD,		/* healthy values */
	GRID_BAD,		/* alarming values (vanishing, underflow) */
	GRID_WARN,		/* threshold lines, emphasised bins */
	GRID_HILITE,		/* highlighted group (matrix view) */
	GRID_SHADE0,		/* diverging heatmap ramp: SHADE0 (low, orange) */
	GRID_SHADE1,
	GRID_SHADE2,
	GRID_SHADE3,
	GRID_SHADE4,		/* mid (0.5): near white / default */
	GRID_SHADE5,
	GRID_SHADE6,
	GRID_SHADE7,
	GRID_SHADE8,		/* high (blue) */
	GRID_ROLE_COUNT
};
#define GRID_NSHADES 9

/* Attribute bits (grid_cell.attr). */
#define GRID_BOLD	0x01
#define GRID_DIM	0x02
#define GRID_REVERSE	0x04
#define GRID_UNDERLINE	0x08

/* Flag bits (grid_cell.flags). */
#define GRID_CONT	0x01	/* right half of a wide character; cp == 0 */

struct grid_cell {
	uint32_t cp;		/* code point; ' ' when blank, 0 when GRID_CONT */
	uint8_t fg;		/* enum grid_role */
	uint8_t bg;		/* enum grid_role */
	uint8_t attr;		/* GRID_BOLD | ... */
	uint8_t flags;		/* GRID_CONT */
};

struct grid {
	int w, h;		/* size in cells */
	struct grid_cell *cells; /* h rows of w cells, row-major */
	int cap;		/* allocated cells (>= w*h) */
	/*
	 * The ASCII glyph tier: grid_put() stores every code point through
	 * grid_ascii_cp(), so no drawing glyph leaks into ASCII output while
	 * text (a Hangul title, a lambda) keeps its characters.  Charts set
	 * it from their glyph tier.
	 */
	int ascii;
};

/* Colour tiers (also used by chart.h). */
enum chart_colors {
	CHART_COLOR_NONE = 0,	/* monochrome: attributes only */
	CHART_COLOR_8,		/* the 8 ANSI colours */
	CHART_COLOR_256		/* xterm 256-colour palette */
};

/* Initialises an empty grid of w x h blank cells (w, h >= 0). */
void grid_init(struct grid *g, int w, int h);
/* Frees the cells; the grid may be re-initialised.  NULL is a no-op. */
void grid_done(struct grid *g);
/*
 * Resizes to w x h and blanks every cell.  Reuses the allocation when it is
 * large enough, so calling this before each render costs no allocation.
 */
void grid_resize(struct grid *g, int w, int h);
/* Blanks every cell (space, default style). */
void grid_clear(struct grid *g);
/* The cell at x,y, or NULL when outside the grid. */
struct grid_cell *grid_at(struct grid *g, int x, int y);
const struct grid_cell *grid_cat(const struct grid *g, int x, int y);
/*
 * Puts one code point at x,y with the given style.  A wide code point needs
 * two cells; if only one is left in the row a space is written instead.
 * Overwriting half of an existing wide character blanks its other half.
 * Returns the columns used (0 when clipped away entirely).
 */
int grid_put(struct grid *g, int x, int y, uint32_t cp, int fg, int bg,
    int attr);
/*
 * A code point as the ASCII glyph tier stores it: ASCII as it is; a
 * character util's table spells in one column as that column ('-' for a
 * rule, '#' for a block, '^' for a triangle); any other drawing glyph (box
 * drawing, blocks, shapes, symbols, braille: U+2500..U+2BFF) as '?'; text
 * (letters of any script, Hangul, Greek, punctuation) as it is -- a
 * terminal that cannot show it spells it when drawing.
 */
uint32_t grid_ascii_cp(uint32_t cp);
/*
 * Writes UTF-8 text at x,y, clipped to at most maxw columns (and to the
 * grid edge; maxw < 0 means up to the edge), measured by display width: a
 * wide character that does not fit whole is not written.  Control
 * characters are shown as '?'.  bg is left as it is in each cell.  Returns
 * the columns written.
 */
int grid_text(struct grid *g, int x, int y, int maxw, const char *s, int fg,
    int attr);
/*
 * Like grid_text() for a decoration (title, label, note): never cuts a
 * word.  Writes s whole when it fits in maxw columns (and before the grid
 * edge), else its longest part ending at a word followed by "...", else
 * nothing.  Returns the columns written.
 */
int grid_text_words(struct grid *g, int x, int y, int maxw, const char *s,
    int fg, int attr);
/* Like grid_text_words() but centred within [x, x+maxw). */
int grid_text_center(struct grid *g, int x, int y, int maxw, const char *s,
    int fg, int attr);
/* Fills a rectangle with code point cp (clipped to the grid). */
void grid_fill(struct grid *g, int x, int y, int w, int h, uint32_t cp,
    int fg, int bg, int attr);
/* Copies src into g at x,y (clipped). */
void grid_blit(struct grid *g, int x, int y, const struct grid *src);

/*
 * Plain-text back-end: appends the grid as h lines of UTF-8, each ending in
 * '\n' and each exactly w display columns wide (blank cells are spaces, so
 * no ragged lines).  With colours != CHART_COLOR_NONE, ANSI SGR sequences
 * carry colour and attributes and every line ends with a reset; with
 * CHART_COLOR_NONE the output contains no ESC byte at all.
 */
void grid_to_text(const struct grid *g, enum chart_colors colors,
    struct strbuf *out);
/* Same, as a newly allocated string; caller frees. */
char *grid_to_string(const struct grid *g, enum chart_colors colors);

/*
 * Colour number of a role in a tier: 0..255 for CHART_COLOR_256, 0..7 for
 * CHART_COLOR_8, and -1 ("terminal default") for GRID_DEFAULT, for roles
 * that keep the default colour, and always for CHART_COLOR_NONE.
 */
int chart_role_color(int role, enum chart_colors colors);
/* 0xRRGGBB of colour c of xterm's 256-colour palette (what c means on a
 * 256-colour terminal), for a direct-colour terminal, where a colour
 * number is its RGB value; -1 for c outside 0..255. */
long chart_color_rgb(int c);
/* Short name of a role ("series1", "axis", "shade4"...), for debugging. */
const char *chart_role_name(int role);

#endif
