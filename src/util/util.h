/*
 * util.h - small helpers shared by every layer of regtutor.
 *
 * Allocation that aborts on out-of-memory (so callers never handle NULL from
 * x*alloc), string helpers, and UTF-8 display-width measurement (Hangul and
 * other East Asian wide characters occupy two terminal columns).  Nothing here
 * prints to a terminal except xfatal(), which is only for impossible states.
 */
#ifndef REGTUTOR_UTIL_H
#define REGTUTOR_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(f, a)
#define NORETURN
#endif

/* Allocation: abort with a message on out-of-memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t nmemb, size_t size);
/*
 * Room for element n (the count before adding) of an array that grows one
 * element at a time: reallocates only when n is 0 or a power of two from
 * 8 on, to twice the room, so adding N elements copies O(N) bytes (not
 * O(N^2): realloc need not extend in place).  The array must only ever be
 * grown by xgrow() (or be NULL).
 */
void *xgrow(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string; caller frees. */
char *xasprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap) PRINTF_LIKE(1, 0);
/* Prints "regtutor: fatal: ..." on stderr and aborts. */
void xfatal(const char *fmt, ...) PRINTF_LIKE(1, 2) NORETURN;

/* A growable byte buffer (always NUL-terminated). */
struct strbuf {
	char *s;
	size_t len, cap;
};
void strbuf_init(struct strbuf *b);
void strbuf_done(struct strbuf *b);
void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_adds(struct strbuf *b, const char *s);
void strbuf_addf(struct strbuf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
void strbuf_addch(struct strbuf *b, int c);
/* Appends code point cp encoded as UTF-8. */
void strbuf_addcp(struct strbuf *b, uint32_t cp);
/* Detaches and returns the string; the buffer is reset. */
char *strbuf_detach(struct strbuf *b);
/* Appends what is left of f, to its end; 0, or -1 on a read error. */
int strbuf_read_file(struct strbuf *b, FILE *f);

/*
 * The learner's files.  xdg_path() is "$VAR/NAME" when the environment
 * variable VAR holds an absolute path, else "$HOME/HOME_DIR/NAME"; NULL
 * when neither is usable.  Caller frees.  mkdir_parents() creates the
 * directories leading to the file PATH with MODE (existing ones are fine);
 * 0, or -1 with errno set.
 */
char *xdg_path(const char *var, const char *home_dir, const char *name);
int mkdir_parents(const char *path, mode_t mode);

/*
 * Safe replacement of a file.  atomic_open() creates a new temporary file
 * next to the file it replaces (mkstemp: O_CREAT|O_EXCL, so a link planted
 * at the temporary name is never followed); atomic_close() flushes, syncs
 * and closes it and renames it over the destination, so readers see the
 * old file or the whole new one, never a half-written one.
 *
 * What may be replaced: a regular file with one link (it keeps its
 * permission bits, a 0600 file stays 0600) or nothing (a new file gets
 * 0666 less the umask).  A symbolic link of our own is written through:
 * the file it points to is replaced and the link stays.  Refused, with a
 * message: a directory, a FIFO, a device or socket (so "/dev/stdout" is
 * refused), a dangling link, a link owned by another user (one planted in
 * /tmp), and a file with several hard links (replacing it would leave the
 * other names on the old contents).
 *
 * Both return 0, or -1 with "PATH: why" in err.  On any error nothing is
 * left behind and the destination is untouched.  atomic_abort() gives up:
 * closes and removes the temporary file.
 */
struct atomic_file {
	FILE *f;		/* write here */
	char *tmp;		/* the temporary file's name */
	char *dest;		/* the file replaced (a link's target) */
	char *name;		/* the name given, for messages */
};
int atomic_open(struct atomic_file *a, const char *path, char *err,
    size_t errlen);
int atomic_close(struct atomic_file *a, char *err, size_t errlen);
void atomic_abort(struct atomic_file *a);

/*
 * Bounded input.  file_open_read() opens path for reading only when it is
 * a regular file of at most max_bytes bytes: a directory is refused as
 * "is a directory", a FIFO, device or socket as "not a regular file"
 * (opened without blocking, so a FIFO with no writer never hangs), a
 * larger file as "too large (limit ...)".  NULL with "PATH: why" in err.
 */
FILE *file_open_read(const char *path, long long max_bytes, char *err,
    size_t errlen);
/* "64 MiB", "4 KiB", "100 bytes": a limit in words, into buf. */
void format_size(long long n, char *buf, size_t len);

/*
 * Lines of a stream, each at most max_line bytes (newline excluded), at
 * most max_bytes bytes in all (0: no total limit).  line_next() returns
 * the next line without its newline (and a '\r' before it), NUL-terminated
 * (*len: its length; NUL bytes inside are kept), or NULL at the end or on
 * an error: then error is one of the LINE_* codes and line_error() words
 * it ("line too long (limit 64 KiB)").  line is the number of the line
 * last returned (or being read when an error stopped it).
 */
enum { LINE_OK, LINE_TOO_LONG, LINE_TOO_LARGE, LINE_READ_ERROR };
struct line_reader {
	FILE *f;
	size_t max_line;
	long long max_bytes, nbytes;
	long line;
	int error;
	char *buf;
	size_t cap;
};
void line_init(struct line_reader *r, FILE *f, size_t max_line,
    long long max_bytes);
char *line_next(struct line_reader *r, size_t *len);
/* The error in words, into buf; "" when there was none. */
const char *line_error(const struct line_reader *r, char *buf, size_t len);
void line_done(struct line_reader *r);
/* Like strbuf_read_file(), but -2 when f holds more than max bytes. */
int strbuf_read_file_max(struct strbuf *b, FILE *f, size_t max);

/*
 * A map from strings to non-negative ints (an index into the caller's own
 * array, usually), for lookups that must not be linear.  Keys are copied.
 * Open addressing; zero-initialized is an empty map.
 */
struct strmap {
	char **keys;
	int *vals;
	size_t cap, n;
};
/* The value of key, or -1. */
int strmap_get(const struct strmap *m, const char *key);
/* Sets key to val (>= 0), adding or replacing. */
void strmap_put(struct strmap *m, const char *key, int val);
void strmap_done(struct strmap *m);

/*
 * UTF-8.  Decoding is locale-independent (our own decoder), so widths are the
 * same in tests and in every locale.  Invalid bytes decode as U+FFFD, one byte
 * consumed.
 */
/* Decodes one code point at s (at most n bytes); returns bytes consumed (>=1). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* Terminal columns of one code point: 0 (combining, controls), 1 or 2. */
int cp_width(uint32_t cp);
/* Display columns of a UTF-8 string (n bytes, or to NUL if n == (size_t)-1). */
int utf8_width(const char *s, size_t n);
/* Byte length of the longest prefix of s that fits in cols columns. */
size_t utf8_prefix_cols(const char *s, int cols);
/* len, less a character cut short at the end of s[0..len) (a buffer
 * truncated by bytes). */
size_t utf8_whole(const char *s, size_t len);
/* snprintf into buf (size n > 0), an output cut short ending at a whole
 * character (a translated message may be longer than the English one).
 * Returns buf. */
char *utf8_snprintf(char *buf, size_t n, const char *fmt, ...)
    PRINTF_LIKE(3, 4);

/*
 * Text for a terminal that can show only ASCII (a locale that is not
 * UTF-8): util owns the one table of ASCII spellings.  cp_ascii() is the
 * spelling of cp ("lambda" for U+03BB, "sum" for U+03A3, "^2" for U+00B2,
 * "-" for U+2500 ...), NULL for ASCII and for characters it has none for.
 * cp_ascii1() is the one-column form, for a chart cell: cp itself when
 * ASCII, the spelling when it is one character, else '?'.
 * strbuf_add_ascii() appends s (n bytes, or to NUL if n == (size_t)-1)
 * spelt in ASCII: a run of superscripts shares one '^' ("^10"), a
 * character with no spelling becomes one '?' per column (Hangul "??").
 * utf8_to_ascii() does the same into a new string (caller frees).
 * locale_is_utf8(): the LC_CTYPE codeset is UTF-8 (setlocale ran).
 */
const char *cp_ascii(uint32_t cp);
uint32_t cp_ascii1(uint32_t cp);
void strbuf_add_ascii(struct strbuf *b, const char *s, size_t n);
char *utf8_to_ascii(const char *s);
int locale_is_utf8(void);

/*
 * v ready to print with `decimals` digits after the point (-1: a %g
 * format): 0 when it would print as a negative zero ("-0", "-0.000"),
 * else v.  Every fixed-point number shown passes through it.
 */
double num_shown(double v, int decimals);
/* The stable number format of every transcript and message: %.4g, and
 * "0", "nan", "inf", "-inf" spelled out. */
void fmt_num(char *buf, size_t len, double v);
/* A measure that may not apply (NAN: the saturated share of relu, the
 * dead share of tanh or of the output layer): "-" then, else as
 * fmt_num().  Every table and message of such measures prints with it. */
void fmt_measure(char *buf, size_t len, double v);
/* A whole number in full ("100000", "2147483647", never "1e+05"), for
 * integer settings and ranges; anything else as fmt_num(). */
void fmt_int(char *buf, size_t len, double v);

/* Parsing numbers strictly: whole string, finite, in range.  0 on success. */
int parse_double(const char *s, double *out);
int parse_long(const char *s, long *out);

/* Seconds of a monotonic clock (for elapsed times, not dates). */
double mono_seconds(void);

/* Levenshtein distance (nearest_*() below uses it). */
int edit_distance(const char *a, const char *b);

/*
 * The one nearest-name search behind every "did you mean": a name within
 * NEAREST_MAX edits of the word, the closest (the first of equals) among
 * the candidates offered.  nearest_init() with the word typed, then
 * nearest_add() for each name that may be suggested; nearest_best() is
 * the suggestion, or NULL when none is close enough.  Names are borrowed,
 * not copied.
 */
#define NEAREST_MAX 2
struct nearest {
	const char *word;
	const char *best;
	int dist;
};
void nearest_init(struct nearest *n, const char *word);
void nearest_add(struct nearest *n, const char *name);
const char *nearest_best(const struct nearest *n);
/* nearest_*() over a NULL-terminated list of names. */
const char *nearest_in(const char *word, const char *const *names);

#endif
