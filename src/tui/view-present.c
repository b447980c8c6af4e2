#include "config.h"
/*
 * view-present.c - classroom mode's key numbers beside the chart.
 *
 * The numbers themselves (which, and their values) come from present.c
 * through t->nums, refreshed after every action; this view draws them in
 * big digits into t->lay.big.  While the session's own net trains, its
 * losses are shown as the epochs report them.
 */

#include <string.h>

#include "chart/chart.h"
#include "tui/present.h"
#include "tui/shell.h"
#include "tui/tui-int.h"
#include "util/util.h"

void
view_present_draw(struct tui *t)
{
	const struct tui_rect *r = &t->lay.big;
	struct present_number nums[PRESENT_MAX_NUMBERS];
	int n = t->nnums;

	if (r->w <= 0 || r->h <= 0)
		return;
	memcpy(nums, t->nums, sizeof(nums));
	if (t->training && t->ep.own) {
		present_set(nums, n, "train_loss", t->ep.train_loss);
		present_set(nums, n, "val_loss", t->ep.val_loss);
	}
	grid_resize(&t->big, r->w, r->h);
	present_panel(&t->big, nums, n, tui_glyphs(t));
	tui_put_grid(r, &t->big);
}
