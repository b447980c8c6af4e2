#include "config.h"
/*
 * view-chart.c - the chart pane of the lesson screen.
 *
 * The pane belongs to the current page: it shows the page's deck of chart
 * snapshots (the free lab's: its latest command line's), stacked when
 * every chart gets STACK_MIN rows, otherwise one at a time with a label
 * ("chart 2/3") saying which and how to turn; during training the live
 * loss chart; in classroom mode all of them in thick strokes.
 * view_chart_render() renders into the shell's grid when
 * something changed (a relayout, new charts, an epoch's frame); redraw()
 * puts that grid on the screen with view_chart_draw().
 */

#include <stdio.h>

#include "chart/chart.h"
#include "cmd/cmd.h"
#include "tui/shell.h"
#include "tui/tui-int.h"
#include "util/i18n.h"
#include "util/util.h"

#define STACK_MIN	10	/* rows a stacked chart needs at least */

struct transcript *
view_chart_deck(struct tui *t, int **sel)
{
	if (t->run != NULL && t->decks != NULL) {
		*sel = &t->deck_sel[t->run->page];
		return t->decks[t->run->page];
	}
	*sel = &t->lab_sel;
	return t->lab_deck;
}

/* Draws deck item i into rows y..y+h-1 of the chart grid. */
static void
chart_blit(struct tui *t, const struct transcript *d, int i, int y, int h)
{
	struct grid g;

	grid_init(&g, t->chart.w, h);
	if (transcript_render_chart_thick(d, (size_t)i, &g, t->present) == 0)
		grid_blit(&t->chart, 0, y, &g);
	grid_done(&g);
}

/*
 * The chart pane: the live chart while training; else the deck, stacked
 * when every chart gets STACK_MIN rows, otherwise the selected one, with
 * a label saying which it is and how to turn (on the rule under the pane,
 * so the chart keeps every row).
 */
void
view_chart_render(struct tui *t)
{
	const struct tui_rect *r = &t->lay.chart;
	struct transcript *d;
	int *sel, n;

	if (t->lay.too_small || r->w <= 0 || r->h <= 0) {
		t->have_chart = 0;
		return;
	}
	grid_resize(&t->chart, r->w, r->h);
	grid_clear(&t->chart);
	t->chart_label[0] = '\0';
	d = view_chart_deck(t, &sel);
	n = d != NULL ? (int)transcript_count(d) : 0;
	if (t->training || n == 0) {
		/* the free lab before any chart: whatever the session has */
		t->have_chart = (t->training || t->run == NULL) &&
		    session_render_chart_thick(t->s, &t->chart,
		    t->present) == 0;
		return;
	}
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	t->have_chart = 1;
	if (n == 1 || r->h / n >= STACK_MIN) {
		for (int i = 0; i < n; i++)
			chart_blit(t, d, i, i * r->h / n,
			    (i + 1) * r->h / n - i * r->h / n);
	} else {
		char a[16], b[16];
		int below = t->lay.hsep.h > 0 &&
		    t->lay.hsep.y == r->y + r->h;

		/* no rule right under the pane: the label takes its last row */
		chart_blit(t, d, *sel, 0, below ? r->h : r->h - 1);
		snprintf(a, sizeof(a), "%d", *sel + 1);
		snprintf(b, sizeof(b), "%d", n);
		utf8_snprintf(t->chart_label, sizeof(t->chart_label),
		    _(" chart %s/%s  < > turn "), a, b);
		if (!below)
			grid_text(&t->chart, 0, r->h - 1, r->w, t->chart_label,
			    GRID_MARKER, GRID_REVERSE);
	}
}

void
view_chart_draw(struct tui *t)
{
	const struct tui_layout *l = &t->lay;

	if (t->have_chart) {
		tui_put_grid(&l->chart, &t->chart);
		if (t->chart_label[0] != '\0' && l->hsep.h > 0 &&
		    l->hsep.y == l->chart.y + l->chart.h) {
			/* which chart of the page, right under it */
			int w = utf8_width(t->chart_label, (size_t)-1) + 2;

			if (w > l->chart.w)
				w = l->chart.w;
			tui_put_text(l->hsep.y, l->chart.x + l->chart.w - w,
			    w, t->chart_label, (size_t)-1, GRID_MARKER,
			    GRID_REVERSE);
		}
	} else if (l->chart.h > 0) {
		struct session_status st;
		const char *s;

		/* the free lab's hint is a line that works as typed */
		session_get_status(t->s, &st);
		if (t->run != NULL)
			s = _("no chart on this page");
		else if (!st.have_data)
			s = _("no chart yet - try: data sine; net 1-16-1; "
			    "train 50");
		else if (!st.have_net)
			s = _("no chart yet - build a net for the data "
			    "(help net), then: train 50");
		else
			s = _("no chart yet - try: train 50");
		int w = utf8_width(s, (size_t)-1);

		tui_put_text(l->chart.y + l->chart.h / 2,
		    l->chart.x + (w < l->chart.w ?
		    (l->chart.w - w) / 2 : 0), l->chart.w, s,
		    (size_t)-1, GRID_LABEL, GRID_DIM);
	}
}
