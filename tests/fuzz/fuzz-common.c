#include "config.h"
/*
 * fuzz-common.c - helpers of the fuzz harnesses (see fuzz.h).
 */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"
#include "fuzz.h"

void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: fuzz property: %s\n", file, line, what);
	abort();
}

char *
fuzz_text(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static char scratch[64];

/* Removes the scratch directory and the files in it (at exit). */
static void
remove_scratch(void)
{
	DIR *d = opendir(scratch);
	struct dirent *e;

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			char *p = xasprintf("%s/%s", scratch, e->d_name);

			if (strcmp(e->d_name, ".") != 0 &&
			    strcmp(e->d_name, "..") != 0)
				(void)unlink(p);
			free(p);
		}
		closedir(d);
	}
	(void)rmdir(scratch);
}

const char *
fuzz_scratch(void)
{
	char *dir = scratch;

	if (dir[0] == '\0') {
		const char *tmp = getenv("TMPDIR");

		snprintf(dir, sizeof scratch, "%.40s/regtutor-fuzz-XXXXXX",
		    tmp != NULL && *tmp != '\0' && strlen(tmp) <= 40 ? tmp :
		    "/tmp");
		if (mkdtemp(dir) == NULL || chdir(dir) != 0) {
			perror(dir);
			abort();
		}
		atexit(remove_scratch);
	}
	return dir;
}

void
fuzz_write(const char *name, const uint8_t *data, size_t size)
{
	FILE *f = fopen(name, "wb");

	if (f == NULL || (size > 0 && fwrite(data, 1, size, f) != size) ||
	    fclose(f) != 0) {
		perror(name);
		abort();
	}
}

char *
fuzz_read(const char *name, size_t *size)
{
	FILE *f = fopen(name, "rb");
	struct strbuf b;
	char buf[8192];
	size_t n;

	*size = 0;
	if (f == NULL)
		return NULL;
	strbuf_init(&b);
	strbuf_add(&b, "", 0);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&b, buf, n);
	if (ferror(f)) {
		perror(name);
		abort();
	}
	fclose(f);
	*size = b.len;
	return strbuf_detach(&b);
}

int
fuzz_same_file(const char *a, const char *b)
{
	size_t na, nb;
	char *sa = fuzz_read(a, &na), *sb = fuzz_read(b, &nb);
	int same = sa != NULL && sb != NULL && na == nb &&
	    memcmp(sa, sb, na) == 0;

	free(sa);
	free(sb);
	return same;
}
