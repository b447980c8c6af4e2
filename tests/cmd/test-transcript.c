#include "config.h"
/*
 * test-transcript.c - chart snapshots in the transcript: every chart item
 * is drawn again exactly as it was recorded after the session has moved
 * on (trained further, new sweep, other settings), at its own size and at
 * any other; copies keep their snapshot; text items are not charts.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "chart/grid.h"
#include "cmd/cmd.h"
#include "util/util.h"

/* Chart item i drawn again at w x h, as text (caller frees). */
static char *
redraw(const struct transcript *t, size_t i, int w, int h)
{
	struct grid g;
	char *s;

	grid_init(&g, w, h);
	assert_int_equal(transcript_render_chart(t, i, &g), 0);
	s = grid_to_string(&g, CHART_COLOR_NONE);
	grid_done(&g);
	return s;
}

/* Every chart kind that reads live state, plus the ones of a moment. */
static const char *const lines[] = {
	"data poly n=30 seed=2; net 1-8-8-1; train 30; plot loss",
	"plot loss log",
	"plot weights",
	"plot weights 1",
	"set act leaky; set leak 0.2; plot fn leaky",
	"set epochs 5; compare lambda 0 0.1",
	"set epochs 4; sweep lambda 0 0.01 0.1",
	"compare act tanh relu",
	"plot grads",
	"plot boundary",
};

/* What moves the session on: every live chart would look different. */
static const char *const later[] = {
	"train 40 lambda=0.05",
	"set leak 0.01",
	"set epochs 3; sweep lambda 1 2",
	"set epochs 2; compare reg l1 l2",
	"net 1-3-1; train 2",
};

static void
snapshots_redraw_as_recorded(void **state)
{
	struct session *s = session_new(1);
	struct transcript *t = transcript_new(), *copy = transcript_new();
	char **before;
	size_t n, charts = 0, differ = 0;

	(void)state;
	session_set_render(s, CMD_GLYPH_ASCII, CMD_COLOR_NONE, 48, 12);
	for (size_t k = 0; k < sizeof lines / sizeof *lines; k++)
		assert_int_equal(cmd_execute(s, lines[k], t), CMD_OK);
	n = transcript_count(t);
	before = xcalloc(n + 1, sizeof *before);
	for (size_t i = 0; i < n; i++) {
		const struct tr_item *it = transcript_item(t, i);
		struct grid g;

		if (it->kind != TR_CHART) {
			grid_init(&g, 10, 6);
			assert_int_equal(transcript_render_chart(t, i, &g), -1);
			grid_done(&g);
			continue;
		}
		charts++;
		/* at its own size the snapshot gives the recorded grid */
		before[i] = grid_to_string(it->grid, CHART_COLOR_NONE);
		{
			char *again = redraw(t, i, it->grid->w, it->grid->h);

			assert_string_equal(again, before[i]);
			free(again);
		}
		transcript_copy_item(copy, t, i);
	}
	assert_true(charts >= 12);
	for (size_t k = 0; k < sizeof later / sizeof *later; k++)
		assert_int_equal(cmd_execute(s, later[k], t), CMD_OK);
	for (size_t i = 0, j = 0; i < n; i++) {
		const struct tr_item *it = transcript_item(t, i);
		char *again, *big, *live;
		struct grid g;

		if (before[i] == NULL)
			continue;
		/* after the session moved on: still the recorded chart,
		 * from the transcript and from a copy of the item */
		again = redraw(t, i, it->grid->w, it->grid->h);
		assert_string_equal(again, before[i]);
		free(again);
		again = redraw(copy, j, it->grid->w, it->grid->h);
		assert_string_equal(again, before[i]);
		free(again);
		assert_string_equal(transcript_item(copy, j)->text, it->text);
		j++;
		/* any size: as wide as asked, the same at the same size */
		big = redraw(t, i, 70, 18);
		again = redraw(t, i, 70, 18);
		assert_string_equal(big, again);
		assert_non_null(strstr(big, "\n"));
		assert_int_equal((int)(strchr(big, '\n') - big), 70);
		free(again);
		/* the live chart of the session is another one now */
		grid_init(&g, it->grid->w, it->grid->h);
		session_render_chart(s, &g);
		live = grid_to_string(&g, CHART_COLOR_NONE);
		differ += strcmp(live, before[i]) != 0;
		free(live);
		grid_done(&g);
		free(big);
		free(before[i]);
	}
	assert_int_equal(differ, charts);
	free(before);
	transcript_free(copy);
	transcript_free(t);
	session_free(s);
}

/* The session's last chart appended as an item (a train's loss curve). */
static void
session_chart_as_item(void **state)
{
	struct session *s = session_new(1);
	struct transcript *t = transcript_new(), *out = transcript_new();
	struct grid g;
	char *a, *b;

	(void)state;
	session_set_render(s, CMD_GLYPH_ASCII, CMD_COLOR_NONE, 40, 10);
	assert_int_equal(transcript_add_session_chart(out, s), -1);
	assert_int_equal(transcript_count(out), 0);
	/* a net without history: only a note, no chart */
	assert_int_equal(cmd_execute(s, "data poly n=30; net 1-8-1; train 2; "
	    "net 1-4-1", t), CMD_OK);
	assert_int_equal(transcript_add_session_chart(out, s), -1);
	assert_int_equal(transcript_count(out), 0);
	assert_int_equal(cmd_execute(s, "data poly n=30; net 1-8-1; train 20",
	    t), CMD_OK);
	assert_int_equal(transcript_add_session_chart(out, s), 0);
	assert_int_equal(transcript_item(out, 0)->kind, TR_CHART);
	a = grid_to_string(transcript_item(out, 0)->grid, CHART_COLOR_NONE);
	assert_int_equal(cmd_execute(s, "train 30", t), CMD_OK);
	grid_init(&g, 40, 10);
	assert_int_equal(transcript_render_chart(out, 0, &g), 0);
	b = grid_to_string(&g, CHART_COLOR_NONE);
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "20"));
	free(a);
	free(b);
	grid_done(&g);
	/* the title names the run's settings that tell runs apart */
	assert_non_null(strstr(transcript_item(out, 0)->text, "loss ("));
	assert_int_equal(cmd_execute(s, "set norm batch; train 5 loss=mae "
	    "batch=4 reg=l2 lambda=0.5", t), CMD_OK);
	assert_int_equal(transcript_add_session_chart(out, s), 0);
	assert_string_equal(transcript_item(out, 1)->text,
	    "loss mae (tanh, norm batch, batch 4, l2 0.5)");
	assert_int_equal(cmd_execute(s, "train 2 reg=l1 lambda=0.1 "
	    "l1mode=subgrad", t), CMD_OK);
	assert_int_equal(transcript_add_session_chart(out, s), 0);
	assert_string_equal(transcript_item(out, 2)->text,
	    "loss (tanh, norm batch, batch 10, l1 0.1 subgrad)");
	transcript_free(out);
	transcript_free(t);
	session_free(s);
}

/* Cells of g in the braille block, and whole blocks. */
static void
count_glyphs(const struct grid *g, int *braille, int *blocks)
{
	*braille = *blocks = 0;
	for (int y = 0; y < g->h; y++)
		for (int x = 0; x < g->w; x++) {
			uint32_t cp = grid_cat(g, x, y)->cp;

			*braille += cp >= 0x2800 && cp <= 0x28FF;
			*blocks += cp == 0x2588;
		}
}

/*
 * Classroom mode draws the same snapshots in thick strokes: a loss chart
 * recorded in braille comes back without a braille cell, in whole blocks,
 * from the transcript and live from the session; thin again after.
 */
static void
thick_redraw(void **state)
{
	static const char *const charts[] = {
		"data poly n=30 seed=2; net 1-8-8-1; train 30; plot loss",
		"plot fn sigmoid",
		"set epochs 4; sweep lambda 0 0.01 0.1",
		"set epochs 5; compare lambda 0 0.1",
		"plot boundary",
	};
	struct session *s = session_new(1);
	struct transcript *t = transcript_new();
	struct grid g;
	int br, bl, seen = 0;

	(void)state;
	session_set_render(s, CMD_GLYPH_BRAILLE, CMD_COLOR_256, 60, 16);
	for (size_t k = 0; k < sizeof charts / sizeof *charts; k++)
		assert_int_equal(cmd_execute(s, charts[k], t), CMD_OK);
	grid_init(&g, 90, 24);
	for (size_t i = 0; i < transcript_count(t); i++) {
		if (transcript_item(t, i)->kind != TR_CHART)
			continue;
		assert_int_equal(transcript_render_chart_thick(t, i, &g, 0),
		    0);
		count_glyphs(&g, &br, &bl);
		seen += br > 0;		/* (compare's weights are bars) */
		assert_int_equal(transcript_render_chart_thick(t, i, &g, 1),
		    0);
		count_glyphs(&g, &br, &bl);
		assert_int_equal(br, 0);
		assert_true(bl > 0);
	}
	assert_int_equal(seen, (int)(sizeof charts / sizeof *charts));
	assert_int_equal(session_render_chart_thick(s, &g, 1), 0);
	count_glyphs(&g, &br, &bl);
	assert_int_equal(br, 0);
	assert_true(bl > 0);
	assert_int_equal(session_render_chart_thick(s, &g, 0), 0);
	count_glyphs(&g, &br, &bl);
	assert_true(br > 0);
	grid_done(&g);
	transcript_free(t);
	session_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(snapshots_redraw_as_recorded),
		cmocka_unit_test(session_chart_as_item),
		cmocka_unit_test(thick_redraw),
	};

	return cmocka_run_group_tests_name("transcript", tests, NULL, NULL);
}
