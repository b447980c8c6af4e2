/*
 * util.c - allocation, string buffers, UTF-8 widths and strict number parsing.
 *
 * The width table is our own compact version of Unicode's East Asian Width
 * (W/F) and zero-width (Mn/Me/Cf, Hangul medial/final jamo) properties, so a
 * Korean lesson lays out the same in every locale and in the tests.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"
#include "util/i18n.h"

void
xfatal(const char *fmt, ...)
{
	va_list ap;

	fputs("regtutor: fatal: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		xfatal("out of memory allocating %zu bytes", n);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		xfatal("out of memory allocating %zu x %zu bytes", nmemb, size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		xfatal("out of memory reallocating %zu bytes", n);
	return q;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		xfatal("allocation overflow: %zu x %zu", nmemb, size);
	return xrealloc(p, nmemb * size);
}

void *
xgrow(void *p, size_t n, size_t size)
{
	if (n == 0)
		return xreallocarray(p, 8, size);
	if (n >= 8 && (n & (n - 1)) == 0) {
		if (n > SIZE_MAX / 2)
			xfatal("allocation overflow: %zu x 2", n);
		return xreallocarray(p, 2 * n, size);
	}
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		xfatal("vsnprintf failed");
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

/* ---------------------------------------------------------------- strbuf */

void
strbuf_init(struct strbuf *b)
{
	b->cap = 64;
	b->len = 0;
	b->s = xmalloc(b->cap);
	b->s[0] = '\0';
}

void
strbuf_done(struct strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

static void
strbuf_grow(struct strbuf *b, size_t extra)
{
	size_t need;

	if (b->s == NULL)
		strbuf_init(b);
	if (extra > SIZE_MAX - 1 - b->len)
		xfatal("string buffer overflow: %zu + %zu bytes", b->len, extra);
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->s = xrealloc(b->s, b->cap);
}

void
strbuf_add(struct strbuf *b, const char *s, size_t n)
{
	strbuf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
strbuf_adds(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

void
strbuf_addch(struct strbuf *b, int c)
{
	char ch = (char)c;

	strbuf_add(b, &ch, 1);
}

void
strbuf_addcp(struct strbuf *b, uint32_t cp)
{
	char buf[4];

	strbuf_add(b, buf, utf8_encode(cp, buf));
}

void
strbuf_addf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_adds(b, p);
	free(p);
}

char *
strbuf_detach(struct strbuf *b)
{
	char *s;

	if (b->s == NULL)
		strbuf_init(b);
	s = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

int
strbuf_read_file(struct strbuf *b, FILE *f)
{
	char buf[8192];
	size_t n;

	if (b->s == NULL)
		strbuf_init(b);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(b, buf, n);
	return ferror(f) ? -1 : 0;
}

/* ---------------------------------------------------------------- files */

char *
xdg_path(const char *var, const char *home_dir, const char *name)
{
	const char *x = getenv(var), *h = getenv("HOME");

	if (x != NULL && x[0] == '/')
		return xasprintf("%s/%s", x, name);
	if (h == NULL || h[0] == '\0')
		return NULL;
	return xasprintf("%s/%s/%s", h, home_dir, name);
}

int
mkdir_parents(const char *path, mode_t mode)
{
	char *d = xstrdup(path), *q;
	int rc = 0, e = 0;

	/* Each '/' after the first byte ends a directory to make. */
	for (q = d + 1; *q != '\0' && rc == 0; q++) {
		if (*q != '/')
			continue;
		*q = '\0';
		if (mkdir(d, mode) != 0 && errno != EEXIST) {
			rc = -1;
			e = errno;
		}
		*q = '/';
	}
	free(d);
	if (rc != 0)
		errno = e;
	return rc;
}

/* ---------------------------------------------------------------- strmap */

static size_t
str_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a */

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return (size_t)(h ^ (h >> 29));
}

/* The slot of key, or the empty slot where it would go (cap > n). */
static size_t
strmap_slot(const struct strmap *m, const char *key)
{
	size_t i = str_hash(key) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

int
strmap_get(const struct strmap *m, const char *key)
{
	size_t i;

	if (m->cap == 0)
		return -1;
	i = strmap_slot(m, key);
	return m->keys[i] != NULL ? m->vals[i] : -1;
}

void
strmap_put(struct strmap *m, const char *key, int val)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap) {	/* at most half full */
		struct strmap g;

		g.cap = m->cap ? 2 * m->cap : 16;
		g.n = m->n;
		g.keys = xcalloc(g.cap, sizeof *g.keys);
		g.vals = xcalloc(g.cap, sizeof *g.vals);
		for (i = 0; i < m->cap; i++)
			if (m->keys[i] != NULL) {
				size_t j = strmap_slot(&g, m->keys[i]);

				g.keys[j] = m->keys[i];
				g.vals[j] = m->vals[i];
			}
		free(m->keys);
		free(m->vals);
		*m = g;
	}
	i = strmap_slot(m, key);
	if (m->keys[i] == NULL) {
		m->keys[i] = xstrdup(key);
		m->n++;
	}
	m->vals[i] = val;
}

void
strmap_done(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/* ---------------------------------------------------------------- UTF-8 */

size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t len, i;

	if (n == 0) {
		*cp = 0;
		return 0;
	}
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		*cp = 0xfffd;
		return 1;
	}
	if (len > n) {
		*cp = 0xfffd;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff))) {
		*cp = 0xfffd;
		return 1;
	}
	*cp = c;
	return len;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

struct range {
	uint32_t lo, hi;
};

/* Zero-width: combining marks, format characters, Hangul medial/final jamo. */
static const struct range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x0e31, 0x0e31 },
	{ 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e }, { 0x1160, 0x11ff },
	{ 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff }, { 0x200b, 0x200f },
	{ 0x202a, 0x202e }, { 0x2060, 0x2064 }, { 0x20d0, 0x20ff },
	{ 0x302a, 0x302d }, { 0x3099, 0x309a }, { 0xd7b0, 0xd7ff },
	{ 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff },
	{ 0xe0100, 0xe01ef },
};

/* East Asian Wide and Fullwidth. */
static const struct range wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
	{ 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c },
	{ 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x303e },
	{ 0x3041, 0x33ff }, { 0x3400, 0x4dbf }, { 0x4e00, 0x9fff },
	{ 0xa000, 0xa4cf }, { 0xa960, 0xa97f }, { 0xac00, 0xd7a3 },
	{ 0xf900, 0xfaff }, { 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x16fe0, 0x18cff },
	{ 0x1b000, 0x1b2ff }, { 0x1f004, 0x1f004 }, { 0x1f0cf, 0x1f0cf },
	{ 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a }, { 0x1f200, 0x1f251 },
	{ 0x1f300, 0x1f64f }, { 0x1f680, 0x1f6ff }, { 0x1f900, 0x1f9ff },
	{ 0x1fa70, 0x1faff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

static int
in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
cp_width(uint32_t cp)
{
	if (cp == 0)
		return 0;
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return 0;
	if (cp < 0x300)
		return 1;
	if (in_table(cp, zero_width, COUNT(zero_width)))
		return 0;
	if (in_table(cp, wide, COUNT(wide)))
		return 2;
	return 1;
}

int
utf8_width(const char *s, size_t n)
{
	size_t i = 0;
	int w = 0;
	uint32_t cp;

	if (n == (size_t)-1)
		n = strlen(s);
	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		w += cp_width(cp);
	}
	return w;
}

size_t
utf8_prefix_cols(const char *s, int cols)
{
	size_t i = 0, n = strlen(s), k;
	int w = 0, cw;
	uint32_t cp;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		cw = cp_width(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	return i;
}

size_t
utf8_whole(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = len, need;

	/* back over continuation bytes to the last lead byte */
	while (i > 0 && len - i < 3 && (u[i - 1] & 0xc0) == 0x80)
		i--;
	if (i == 0 || u[i - 1] < 0xc0)
		return len;
	need = u[i - 1] >= 0xf0 ? 4 : u[i - 1] >= 0xe0 ? 3 : 2;
	return len - (i - 1) < need ? i - 1 : len;
}

char *
utf8_snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	if (k < 0)
		buf[0] = '\0';
	else if ((size_t)k >= n)	/* cut: whole characters only */
		buf[utf8_whole(buf, n - 1)] = '\0';
	return buf;
}

/*
 * ASCII spellings, for a terminal whose locale is not UTF-8: the one table
 * of them (lesson text, the shell's text and frames, chart cells).  Sorted
 * by code point.  Chosen for the lessons' formulas (L = L0 + (lambda/n)
 * sum |w|) and the charts' frames, markers and bars.
 */
static const struct {
	uint32_t cp;
	const char *ascii;
} ascii_table[] = {
	{ 0x00A0, " " },	/* no-break space */
	{ 0x00A7, "S" },	/* section sign */
	{ 0x00AB, "<<" }, { 0x00B0, "deg" }, { 0x00B1, "+-" },
	{ 0x00B2, "^2" }, { 0x00B3, "^3" }, { 0x00B5, "u" },
	{ 0x00B7, "*" },	/* middle dot: a product in the formulas */
	{ 0x00B9, "^1" }, { 0x00BB, ">>" }, { 0x00D7, "x" }, { 0x00F7, "/" },
	{ 0x0177, "yhat" },	/* y with circumflex: a prediction */
	{ 0x0394, "Delta" }, { 0x03A3, "sum" }, { 0x03A9, "Omega" },
	{ 0x03B1, "alpha" }, { 0x03B2, "beta" }, { 0x03B3, "gamma" },
	{ 0x03B4, "delta" }, { 0x03B5, "eps" }, { 0x03B7, "eta" },
	{ 0x03B8, "theta" }, { 0x03BB, "lambda" }, { 0x03BC, "mu" },
	{ 0x03C0, "pi" }, { 0x03C3, "sigma" }, { 0x03C4, "tau" },
	{ 0x03C6, "phi" },
	{ 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" }, { 0x2013, "-" },
	{ 0x2014, "--" }, { 0x2016, "||" },	/* double bar: a norm */
	{ 0x2018, "'" }, { 0x2019, "'" }, { 0x201C, "\"" }, { 0x201D, "\"" },
	{ 0x2022, "*" }, { 0x2026, "..." }, { 0x2032, "'" }, { 0x2033, "''" },
	{ 0x2070, "^0" }, { 0x2074, "^4" }, { 0x2075, "^5" }, { 0x2076, "^6" },
	{ 0x2077, "^7" }, { 0x2078, "^8" }, { 0x2079, "^9" }, { 0x207A, "^+" },
	{ 0x207B, "^-" },
	{ 0x2080, "0" }, { 0x2081, "1" }, { 0x2082, "2" }, { 0x2083, "3" },
	{ 0x2084, "4" }, { 0x2085, "5" }, { 0x2086, "6" }, { 0x2087, "7" },
	{ 0x2088, "8" }, { 0x2089, "9" },
	{ 0x2190, "<-" }, { 0x2191, "^" }, { 0x2192, "->" }, { 0x2193, "v" },
	{ 0x2194, "<->" }, { 0x21D2, "=>" },
	{ 0x2202, "d" }, { 0x2207, "grad" }, { 0x2208, "in" },
	{ 0x2211, "sum" }, { 0x2212, "-" }, { 0x221A, "sqrt" },
	{ 0x221D, "~" },	/* proportional to */
	{ 0x221E, "inf" }, { 0x2223, "|" }, { 0x2248, "~" }, { 0x2260, "!=" },
	{ 0x2264, "<=" }, { 0x2265, ">=" }, { 0x226A, "<<" }, { 0x226B, ">>" },
	/* box drawing: frames, axes, ticks */
	{ 0x2500, "-" }, { 0x2501, "-" }, { 0x2502, "|" }, { 0x2503, "|" },
	{ 0x2504, "-" }, { 0x2505, "-" }, { 0x2506, ":" }, { 0x2507, ":" },
	{ 0x2508, "-" }, { 0x2509, "-" }, { 0x250A, ":" }, { 0x250B, ":" },
	{ 0x250C, "+" }, { 0x2510, "+" }, { 0x2514, "+" }, { 0x2518, "+" },
	{ 0x251C, "+" }, { 0x2524, "+" }, { 0x252C, "+" }, { 0x2534, "+" },
	{ 0x253C, "+" }, { 0x2545, "+" }, { 0x2550, "=" }, { 0x2551, "|" },
	{ 0x256D, "+" }, { 0x256E, "+" }, { 0x256F, "+" }, { 0x2570, "+" },
	{ 0x2574, "-" }, { 0x2575, "|" }, { 0x2576, "-" }, { 0x2577, "|" },
	/* block elements: bars and heat cells */
	{ 0x2580, "#" }, { 0x2581, "_" }, { 0x2582, "_" }, { 0x2583, "=" },
	{ 0x2584, "=" }, { 0x2585, "#" }, { 0x2586, "#" }, { 0x2587, "#" },
	{ 0x2588, "#" }, { 0x2589, "#" }, { 0x258A, "#" }, { 0x258B, "#" },
	{ 0x258C, "#" }, { 0x258D, "#" }, { 0x258E, "|" }, { 0x258F, "|" },
	{ 0x2590, "#" }, { 0x2591, "." }, { 0x2592, ":" }, { 0x2593, "#" },
	{ 0x2594, "-" }, { 0x2595, "|" }, { 0x2596, "." }, { 0x2597, "." },
	{ 0x2598, "'" }, { 0x2599, "#" }, { 0x259A, ":" }, { 0x259B, "#" },
	{ 0x259C, "#" }, { 0x259D, "'" }, { 0x259E, ":" }, { 0x259F, "#" },
	/* geometric shapes: markers */
	{ 0x25A0, "#" }, { 0x25A1, "o" }, { 0x25B2, "^" }, { 0x25B6, ">" },
	{ 0x25B8, ">" }, { 0x25BA, ">" }, { 0x25BC, "v" }, { 0x25C0, "<" },
	{ 0x25C2, "<" }, { 0x25C4, "<" }, { 0x25CB, "o" }, { 0x25CF, "*" },
	{ 0x2713, "ok" }, { 0x2714, "ok" }, { 0x2717, "x" }, { 0x2718, "x" },
	{ 0xFFFD, "?" },
};

const char *
cp_ascii(uint32_t cp)
{
	size_t lo = 0, hi = COUNT(ascii_table);

	if (cp < 0x80)
		return NULL;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < ascii_table[mid].cp)
			hi = mid;
		else if (cp > ascii_table[mid].cp)
			lo = mid + 1;
		else
			return ascii_table[mid].ascii;
	}
	return NULL;
}

uint32_t
cp_ascii1(uint32_t cp)
{
	const char *a;

	if (cp < 0x80)
		return cp;
	a = cp_ascii(cp);
	return a != NULL && a[0] != '\0' && a[1] == '\0' ? (uint32_t)a[0] :
	    '?';
}

/* A superscript digit or sign: its spellings share one '^' in a run. */
static int
is_superscript(uint32_t cp)
{
	return cp == 0x00B2 || cp == 0x00B3 || cp == 0x00B9 ||
	    cp == 0x2070 || (cp >= 0x2074 && cp <= 0x207B);
}

void
strbuf_add_ascii(struct strbuf *b, const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp, prev = 0;

	if (n == (size_t)-1)
		n = strlen(s);
	while (i < n) {
		const char *a;
		int w;

		i += utf8_decode(s + i, n - i, &cp);
		if (cp < 0x80) {
			strbuf_addch(b, (int)cp);
		} else if ((a = cp_ascii(cp)) != NULL) {
			/* 0.25 with superscript 1 0 is 0.25^10, not ^1^0 */
			if (is_superscript(cp) && is_superscript(prev))
				a++;
			strbuf_adds(b, a);
			/* "sqrt" before a number or a name: a space */
			if (cp == 0x221A && i < n && isalnum((unsigned char)s[i]))
				strbuf_addch(b, ' ');
		} else {
			/* a '?' per column: a wide character keeps its room */
			for (w = cp_width(cp); w > 0; w--)
				strbuf_addch(b, '?');
		}
		prev = cp;
	}
}

char *
utf8_to_ascii(const char *s)
{
	struct strbuf b;

	strbuf_init(&b);
	strbuf_add_ascii(&b, s, (size_t)-1);
	return strbuf_detach(&b);
}

int
locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "UTF8") == 0);
}

double
num_shown(double v, int decimals)
{
	if (v == 0 || (decimals >= 0 && fabs(v) < 0.5 * pow(10, -decimals)))
		return 0.0;	/* also -0.0, and -0.0004 at 3 decimals */
	return v;
}

/* ---------------------------------------------------------------- parsing */

void
fmt_num(char *buf, size_t len, double v)
{
	if (isnan(v))
		snprintf(buf, len, "nan");
	else if (isinf(v))
		snprintf(buf, len, v > 0 ? "inf" : "-inf");
	else if (v == 0)
		snprintf(buf, len, "0");
	else
		snprintf(buf, len, "%.4g", v);
}

void
fmt_measure(char *buf, size_t len, double v)
{
	if (isnan(v))
		snprintf(buf, len, "-");
	else
		fmt_num(buf, len, v);
}

void
fmt_int(char *buf, size_t len, double v)
{
	if (isfinite(v) && v == floor(v) && fabs(v) < 1e15)
		snprintf(buf, len, "%.0f", v == 0 ? 0.0 : v);
	else
		fmt_num(buf, len, v);
}

int
parse_double(const char *s, double *out)
{
	char *end;
	double v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtod(s, &end);
	if (*end != '\0' || end == s)
		return -1;
	if (!isfinite(v))
		return -1;
	/* ERANGE: overflow (caught above) or underflow.  A subnormal result
	 * is exact enough to keep (saved files hold them); one that flushed
	 * to zero from a nonzero literal is refused. */
	if (errno == ERANGE && v == 0.0)
		return -1;
	*out = v;
	return 0;
}

int
parse_long(const char *s, long *out)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end != '\0' || end == s || errno == ERANGE)
		return -1;
	*out = v;
	return 0;
}

double
mono_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int *row = xcalloc(lb + 1, sizeof *row), prev, tmp, best;

	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	best = row[lb];
	free(row);
	return best;
}

void
nearest_init(struct nearest *n, const char *word)
{
	n->word = word;
	n->best = NULL;
	n->dist = NEAREST_MAX + 1;
}

void
nearest_add(struct nearest *n, const char *name)
{
	int d = edit_distance(name, n->word);

	if (d < n->dist) {
		n->dist = d;
		n->best = name;
	}
}

const char *
nearest_best(const struct nearest *n)
{
	return n->best;
}

const char *
nearest_in(const char *word, const char *const *names)
{
	struct nearest n;

	nearest_init(&n, word);
	for (; *names != NULL; names++)
		nearest_add(&n, *names);
	return nearest_best(&n);
}

/* ---------------------------------------------------------------- safe writes */

static int
file_err(char *err, size_t errlen, const char *path, const char *why)
{
	snprintf(err, errlen, "%s: %s", path, why);
	return -1;
}

/* Why the file st may not be replaced or read, or NULL when it may. */
static const char *
not_regular(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return _("is a directory");
	if (!S_ISREG(st->st_mode))
		return _("not a regular file (a FIFO, device or socket)");
	return NULL;
}

int
atomic_open(struct atomic_file *a, const char *path, char *err,
    size_t errlen)
{
	struct stat st;
	char m[160];
	const char *why;
	int fd, have = 0;
	mode_t mode, um;

	memset(a, 0, sizeof *a);
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		/* written through: the file the link names is replaced; only
		 * our own links, so a link planted in a shared directory such
		 * as /tmp cannot turn a save into a write elsewhere */
		if (st.st_uid != geteuid())
			return file_err(err, errlen, path, _("a symbolic link "
			    "owned by another user; not writing through it"));
		if ((a->dest = realpath(path, NULL)) == NULL)
			return file_err(err, errlen, path, errno == ENOENT ?
			    _("a symbolic link to nothing; not writing through "
			    "it") : strerror(errno));
	} else
		a->dest = xstrdup(path);
	if (stat(a->dest, &st) == 0) {
		have = 1;
		if ((why = not_regular(&st)) != NULL) {
			snprintf(m, sizeof m, _("%s; refusing to replace it"), why);
			goto fail;
		}
		if (st.st_nlink > 1) {
			snprintf(m, sizeof m, _("has %lu hard links; refusing to "
			    "replace it (the other names would keep the old "
			    "contents)"), (unsigned long)st.st_nlink);
			goto fail;
		}
	} else if (errno != ENOENT) {
		snprintf(m, sizeof m, "%s", strerror(errno));
		goto fail;
	}
	a->tmp = xasprintf("%s.tmp.XXXXXX", a->dest);
	if ((fd = mkstemp(a->tmp)) < 0) {
		snprintf(m, sizeof m, "%s", strerror(errno));
		free(a->tmp);
		a->tmp = NULL;
		goto fail;
	}
	um = umask(0);
	umask(um);
	mode = have ? st.st_mode & 07777 : 0666 & ~um;
	if (fchmod(fd, mode) != 0 || (a->f = fdopen(fd, "w")) == NULL) {
		snprintf(m, sizeof m, "%s", strerror(errno));
		close(fd);
		unlink(a->tmp);
		free(a->tmp);
		a->tmp = NULL;
		goto fail;
	}
	a->name = xstrdup(path);
	return 0;
fail:
	free(a->dest);
	a->dest = NULL;
	return file_err(err, errlen, path, m);
}

static void
atomic_free(struct atomic_file *a)
{
	free(a->tmp);
	free(a->dest);
	free(a->name);
	memset(a, 0, sizeof *a);
}

int
atomic_close(struct atomic_file *a, char *err, size_t errlen)
{
	int rc = 0, e = 0;

	if (ferror(a->f) || fflush(a->f) != 0 || fsync(fileno(a->f)) != 0) {
		rc = -1;
		e = errno ? errno : EIO;
	}
	if (fclose(a->f) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	if (rc == 0 && rename(a->tmp, a->dest) != 0) {
		rc = -1;
		e = errno;
	}
	if (rc != 0) {
		unlink(a->tmp);
		file_err(err, errlen, a->name, strerror(e));
	}
	atomic_free(a);
	return rc;
}

void
atomic_abort(struct atomic_file *a)
{
	fclose(a->f);
	unlink(a->tmp);
	atomic_free(a);
}

/* ---------------------------------------------------------------- bounded input */

void
format_size(long long n, char *buf, size_t len)
{
	if (n >= 1LL << 20 && n % (1LL << 20) == 0)
		snprintf(buf, len, "%lld MiB", n >> 20);
	else if (n >= 1LL << 10 && n % (1LL << 10) == 0)
		snprintf(buf, len, "%lld KiB", n >> 10);
	else
		snprintf(buf, len, _("%lld bytes"), n);
}

FILE *
file_open_read(const char *path, long long max_bytes, char *err,
    size_t errlen)
{
	struct stat st;
	const char *why;
	char lim[32], m[96];
	int fd, fl;
	FILE *f;

	/* O_NONBLOCK: opening a FIFO without a writer must not wait */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		file_err(err, errlen, path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		file_err(err, errlen, path, strerror(errno));
		close(fd);
		return NULL;
	}
	if ((why = not_regular(&st)) != NULL) {
		file_err(err, errlen, path, why);
		close(fd);
		return NULL;
	}
	if (st.st_size > max_bytes) {
		format_size(max_bytes, lim, sizeof lim);
		snprintf(m, sizeof m, _("too large (%lld bytes; limit %s)"),
		    (long long)st.st_size, lim);
		file_err(err, errlen, path, m);
		close(fd);
		return NULL;
	}
	if ((fl = fcntl(fd, F_GETFL)) < 0 ||
	    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0 ||
	    (f = fdopen(fd, "r")) == NULL) {
		file_err(err, errlen, path, strerror(errno));
		close(fd);
		return NULL;
	}
	return f;
}

void
line_init(struct line_reader *r, FILE *f, size_t max_line,
    long long max_bytes)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->max_line = max_line;
	r->max_bytes = max_bytes;
}

char *
line_next(struct line_reader *r, size_t *lenp)
{
	size_t n = 0;
	int c, any = 0;

	if (r->error != LINE_OK)
		return NULL;
	if (r->buf == NULL) {
		r->cap = 256;
		r->buf = xmalloc(r->cap);
	}
	r->line++;
	while ((c = getc(r->f)) != EOF) {
		any = 1;
		if (r->max_bytes > 0 && ++r->nbytes > r->max_bytes) {
			r->error = LINE_TOO_LARGE;
			return NULL;
		}
		if (c == '\n')
			break;
		/* room for max_line bytes and a '\r' before the newline */
		if (n > r->max_line) {
			r->error = LINE_TOO_LONG;
			return NULL;
		}
		if (n + 1 >= r->cap) {
			r->cap *= 2;
			r->buf = xrealloc(r->buf, r->cap);
		}
		r->buf[n++] = (char)c;
	}
	if (ferror(r->f)) {
		r->error = LINE_READ_ERROR;
		return NULL;
	}
	if (!any) {
		r->line--;
		return NULL;
	}
	if (n > 0 && r->buf[n - 1] == '\r')
		n--;
	if (n > r->max_line) {
		r->error = LINE_TOO_LONG;
		return NULL;
	}
	r->buf[n] = '\0';
	if (lenp != NULL)
		*lenp = n;
	return r->buf;
}

const char *
line_error(const struct line_reader *r, char *buf, size_t len)
{
	char lim[32];

	switch (r->error) {
	case LINE_TOO_LONG:
		format_size((long long)r->max_line, lim, sizeof lim);
		snprintf(buf, len, _("line too long (limit %s)"), lim);
		break;
	case LINE_TOO_LARGE:
		format_size(r->max_bytes, lim, sizeof lim);
		snprintf(buf, len, _("too large (limit %s)"), lim);
		break;
	case LINE_READ_ERROR:
		snprintf(buf, len, _("read error: %s"), strerror(errno));
		break;
	default:
		snprintf(buf, len, "%s", "");
		break;
	}
	return buf;
}

void
line_done(struct line_reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->cap = 0;
}

int
strbuf_read_file_max(struct strbuf *b, FILE *f, size_t max)
{
	char buf[8192];
	size_t n;

	if (b->s == NULL)
		strbuf_init(b);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (n > max || b->len > max - n)
			return -2;
		strbuf_add(b, buf, n);
	}
	return ferror(f) ? -1 : 0;
}
