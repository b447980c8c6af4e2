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
 * Atomic replacement of a file: atomic_open() opens "PATH.tmp.PID" for
 * writing (NULL and errno on failure); atomic_close() flushes, syncs and
 * closes it and renames it over path, so readers see the old file or the
 * whole new one, never a half-written one.  On any error it removes the
 * temporary file, leaves path untouched and returns -1 with errno set.
 * atomic_abort() gives up: closes and removes the temporary file.
 */
FILE *atomic_open(const char *path, char **tmp);
int atomic_close(FILE *f, char *tmp, const char *path);
void atomic_abort(FILE *f, char *tmp);

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

/* Parsing numbers strictly: whole string, finite, in range.  0 on success. */
int parse_double(const char *s, double *out);
int parse_long(const char *s, long *out);

/* Seconds of a monotonic clock (for elapsed times, not dates). */
double mono_seconds(void);

/* Levenshtein distance, for "did you mean" suggestions. */
int edit_distance(const char *a, const char *b);

#endif
