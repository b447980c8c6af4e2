#include "config.h"
/*
 * replay.c - runs a fuzz harness on saved inputs, without libFuzzer.
 *
 * Linked with one harness (fuzz-*.c) by the normal build.  Arguments are
 * files or directories (every regular file in them, sorted); each input is
 * one TAP test line.  A broken property aborts the program, so the test
 * fails with the harness's message in the log.
 */

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/util.h"
#include "fuzz.h"

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends path (a file) or the files in it (a directory) to *v. */
static void
collect(const char *path, char ***v, size_t *n)
{
	struct stat st;
	struct dirent *e;
	DIR *d;

	if (stat(path, &st) != 0) {
		perror(path);
		exit(1);
	}
	if (!S_ISDIR(st.st_mode)) {
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = realpath(path, NULL);
		return;
	}
	if ((d = opendir(path)) == NULL) {
		perror(path);
		exit(1);
	}
	while ((e = readdir(d)) != NULL) {
		char *p;

		if (e->d_name[0] == '.')
			continue;
		p = xasprintf("%s/%s", path, e->d_name);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
			*v = xreallocarray(*v, *n + 1, sizeof **v);
			/* absolute: a harness may change directory */
			(*v)[(*n)++] = realpath(p, NULL);
		}
		free(p);
	}
	closedir(d);
}

int
main(int argc, char **argv)
{
	char **v = NULL;
	size_t n = 0;

	for (int i = 1; i < argc; i++)
		collect(argv[i], &v, &n);
	if (n == 0) {
		fprintf(stderr, "replay: no inputs\n");
		return 1;
	}
	qsort(v, n, sizeof *v, by_name);
	printf("1..%zu\n", n);
	fflush(stdout);
	for (size_t i = 0; i < n; i++) {
		FILE *f = fopen(v[i], "rb");
		struct strbuf b;
		char buf[8192];
		size_t k;

		if (f == NULL) {
			perror(v[i]);
			return 1;
		}
		strbuf_init(&b);
		strbuf_add(&b, "", 0);
		while ((k = fread(buf, 1, sizeof buf, f)) > 0)
			strbuf_add(&b, buf, k);
		fclose(f);
		LLVMFuzzerTestOneInput((const uint8_t *)b.s, b.len);
		printf("ok %zu - %s\n", i + 1, v[i]);
		fflush(stdout);
		strbuf_done(&b);
		free(v[i]);
	}
	free(v);
	return 0;
}
