#include "config.h"
/*
 * sweep.c - the lifetime of a sweep's results (sweep.h): what session.c,
 * cmd-sweep.c and plot.c share of a sweep without depending on each
 * other.
 */

#include <stdlib.h>
#include <string.h>

#include "cmd/sweep.h"

void
sweep_run_free(struct run_result *r)
{
	free(r->hist_train);
	free(r->hist_val);
	free(r->weights);
	memset(r, 0, sizeof *r);
}

void
sweep_clear(struct sweep *sw)
{
	for (int i = 0; i < sw->n; i++)
		sweep_run_free(&sw->r[i]);
	memset(sw, 0, sizeof *sw);
}
