/*
 * util.c - allocation, string buffers, UTF-8 widths and strict number parsing.
 *
 * The width table is our own compact version of Unicode's East Asian Width
 * (W/F) and zero-width (Mn/Me/Cf, Hangul medial/final jamo) properties, so a
 * Korean lesson lays out the same in every locale and in the tests.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

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

/* ---------------------------------------------------------------- parsing */

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

/* ---------------------------------------------------------------- files */

FILE *
atomic_open(const char *path, char **tmp)
{
	FILE *f;

	*tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	if ((f = fopen(*tmp, "w")) == NULL) {
		int e = errno;

		free(*tmp);
		*tmp = NULL;
		errno = e;
	}
	return f;
}

int
atomic_close(FILE *f, char *tmp, const char *path)
{
	int rc = 0, e = 0;

	if (ferror(f) || fflush(f) != 0 || fsync(fileno(f)) != 0) {
		rc = -1;
		e = errno ? errno : EIO;
	}
	if (fclose(f) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		rc = -1;
		e = errno;
	}
	if (rc != 0) {
		unlink(tmp);
		errno = e;
	}
	free(tmp);
	return rc;
}

void
atomic_abort(FILE *f, char *tmp)
{
	fclose(f);
	unlink(tmp);
	free(tmp);
}
