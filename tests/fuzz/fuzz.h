/*
 * fuzz.h - what the fuzz harnesses share (tests/fuzz/fuzz-*.c).
 *
 * Each harness defines LLVMFuzzerTestOneInput() and is linked two ways:
 * with libFuzzer by 'make fuzz' (clang, -fsanitize=fuzzer,address,undefined)
 * and with replay.c by the normal build, which runs every corpus file and
 * reproducer in 'make check'.  A harness checks properties, not only the
 * absence of crashes; a broken property aborts with a message naming it.
 */
#ifndef REGTUTOR_FUZZ_H
#define REGTUTOR_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with "fuzz property: what" when ok is false. */
#define FUZZ_ASSERT(ok, what) \
	((ok) ? (void)0 : fuzz_fail(__FILE__, __LINE__, (what)))
void fuzz_fail(const char *file, int line, const char *what)
    __attribute__((noreturn));

/* A NUL-terminated copy of the input (caller frees). */
char *fuzz_text(const uint8_t *data, size_t size);
/* Changes into a private scratch directory (made once per process) so that
 * the files a harness writes stay there; returns its path. */
const char *fuzz_scratch(void);
/* Writes data to name in the current directory; aborts on failure. */
void fuzz_write(const char *name, const uint8_t *data, size_t size);
/* The whole content of name (caller frees; *size gets its length), or NULL
 * when it does not exist. */
char *fuzz_read(const char *name, size_t *size);
/* Are the two files byte-for-byte the same? */
int fuzz_same_file(const char *a, const char *b);

#endif
