#include "config.h"
/*
 * fuzz-csv.c - the CSV reader (data load, lab files with csv data).
 *
 * Properties: a rejected input gives a message "name:line:column: ..."; an
 * accepted one is within the data limits (rows, columns) and written back
 * as CSV reads again to the same data, written byte for byte the same.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/nn.h"
#include "fuzz.h"

/* The data set written as CSV (caller frees). */
static char *
csv_text(const struct nn_dataset *d, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	FUZZ_ASSERT(f != NULL, "open_memstream");
	FUZZ_ASSERT(nn_dataset_write_csv(d, f) == 0, "writing the CSV");
	FUZZ_ASSERT(fclose(f) == 0, "closing the memory stream");
	return buf;
}

static struct nn_dataset *
read_csv(const void *data, size_t size, char *err, size_t errlen)
{
	static const char empty[1];
	FILE *f = fmemopen(size > 0 ? (void *)(uintptr_t)data :
	    (void *)(uintptr_t)empty, size, "r");
	struct nn_dataset *d;

	FUZZ_ASSERT(f != NULL, "fmemopen");
	err[0] = '\0';
	d = nn_dataset_read_csv(f, "in.csv", err, errlen);
	fclose(f);
	return d;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nn_dataset *d, *d2;
	char err[512], *a, *b;
	size_t alen, blen;

	d = read_csv(data, size, err, sizeof err);
	if (d == NULL) {
		FUZZ_ASSERT(strncmp(err, "in.csv:", 7) == 0,
		    "a rejected CSV names the file");
		return 0;
	}
	FUZZ_ASSERT(d->n >= 1 && d->n <= NN_MAX_EXAMPLES, "rows in limits");
	FUZZ_ASSERT(d->nin >= 1 && d->nout >= 1 &&
	    d->nin + d->nout <= NN_MAX_WIDTH + 1, "columns in limits");
	a = csv_text(d, &alen);
	d2 = read_csv(a, alen, err, sizeof err);
	FUZZ_ASSERT(d2 != NULL, "a written CSV reads again");
	FUZZ_ASSERT(d2->n == d->n && d2->nin == d->nin &&
	    d2->nout == d->nout && d2->task == d->task,
	    "read again: the same shape and task");
	FUZZ_ASSERT(memcmp(d2->x, d->x, (size_t)d->n * (size_t)d->nin *
	    sizeof *d->x) == 0 && memcmp(d2->y, d->y, (size_t)d->n *
	    (size_t)d->nout * sizeof *d->y) == 0,
	    "read again: the same numbers");
	b = csv_text(d2, &blen);
	FUZZ_ASSERT(alen == blen && memcmp(a, b, alen) == 0,
	    "write, read, write: the same bytes");
	free(a);
	free(b);
	nn_dataset_free(d);
	nn_dataset_free(d2);
	return 0;
}
