/*
 * present.c - classroom mode: the key numbers of a page, drawn big.
 *
 * present_numbers() picks them (present.h says which, and why) and
 * present_panel() draws them into a grid with chart_big_text(); the shell
 * puts that grid beside the chart.  No curses here.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/grid.h"
#include "cmd/cmd.h"
#include "lesson/lesson.h"
#include "tui/present.h"
#include "util/util.h"

/* The colour of a metric's digits: the chart's colour for the same loss
 * (train: series 1, validation: series 2), else one that stands out. */
static int
number_role(const char *name)
{
	if (strcmp(name, "lambda") == 0)
		return GRID_TITLE;
	if (strncmp(name, "val", 3) == 0 || strstr(name, "_val") != NULL)
		return GRID_SERIES2;
	if (strncmp(name, "train", 5) == 0 || strstr(name, "_train") != NULL)
		return GRID_SERIES1;
	return GRID_HILITE;
}

void
present_fmt(double v, char *buf, size_t n)
{
	if (isnan(v)) {
		snprintf(buf, n, "nan");
		return;
	}
	if (isinf(v)) {
		snprintf(buf, n, v > 0 ? "inf" : "-inf");
		return;
	}
	if (v == 0) {		/* never "-0" */
		snprintf(buf, n, "0");
		return;
	}
	snprintf(buf, n, "%.3g", v);
	if (strlen(buf) > 7)
		snprintf(buf, n, "%.2g", v);
	if (strlen(buf) > 7)
		snprintf(buf, n, "%.1g", v);
}

/*
 * The metrics of a training (its losses and accuracies): before the net
 * has trained they read "-", as the status line's losses do, so the big
 * numbers and the status line never tell two states apart.
 */
static const char *const trained_metrics[] = {
	"train_loss", "val_loss", "train_mode_loss", "best_val_loss",
	"best_epoch", "acc", "val_acc",
};

static int
needs_training(const char *name)
{
	size_t i;

	for (i = 0; i < COUNT(trained_metrics); i++)
		if (strcmp(trained_metrics[i], name) == 0)
			return 1;
	return 0;
}

/* Adds metric name to out[0..*n) when it is new, there is room and the
 * session has a value for it (trained: the net has trained). */
static void
add_metric(struct session *s, const char *name, int ascii, int trained,
    struct present_number *out, int *n)
{
	struct present_number *p;
	double v;
	int i;

	if (name == NULL || *n >= PRESENT_MAX_NUMBERS)
		return;
	for (i = 0; i < *n; i++)
		if (strcmp(out[i].name, name) == 0)
			return;
	if (session_query(s, name, &v) != 0)
		return;
	p = &out[(*n)++];
	memset(p, 0, sizeof *p);
	snprintf(p->name, sizeof p->name, "%s", name);
	if (strcmp(name, "lambda") == 0)
		snprintf(p->label, sizeof p->label, "%s",
		    ascii ? "lambda" : "\xce\xbb");
	else
		snprintf(p->label, sizeof p->label, "%s", name);
	if (!trained && needs_training(name))
		snprintf(p->value, sizeof p->value, "-");
	else
		present_fmt(v, p->value, sizeof p->value);
	p->role = number_role(name);
}

static void
add_operand(struct session *s, const struct lesson_operand *o, int ascii,
    int trained, struct present_number *out, int *n)
{
	if (o->kind == LO_METRIC)
		add_metric(s, o->word, ascii, trained, out, n);
}

int
present_numbers(struct session *s, const struct lesson_page *pg, int ascii,
    struct present_number *out)
{
	struct session_status st;
	int n = 0, i, tr;

	session_get_status(s, &st);
	tr = st.epoch > 0;		/* as the status line's losses */
	add_metric(s, "lambda", ascii, tr, out, &n);
	for (i = 0; pg != NULL && i < pg->nblocks; i++) {
		const struct lesson_block *b = &pg->blocks[i];

		switch (b->kind) {
		case LB_CHECK:
			add_operand(s, &b->lhs, ascii, tr, out, &n);
			add_operand(s, &b->rhs, ascii, tr, out, &n);
			break;
		case LB_TRY:
			if (b->expect) {
				add_operand(s, &b->lhs, ascii, tr, out, &n);
				add_operand(s, &b->rhs, ascii, tr, out, &n);
			}
			break;
		case LB_REMEMBER:
			add_metric(s, b->metric, ascii, tr, out, &n);
			break;
		case LB_TEXT:
		case LB_CMD:
		case LB_QUIZ:
		case LB_PREDICT:
			break;		/* they name no metric */
		}
	}
	if (n < 2)
		add_metric(s, "val_loss", ascii, tr, out, &n);
	return n;
}

void
present_set(struct present_number *nums, int n, const char *name, double v)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(nums[i].name, name) == 0)
			present_fmt(v, nums[i].value, sizeof nums[i].value);
}

/* The label column's width, and 1 when every label fits beside its
 * digits in w columns (aligned). */
static int
panel_side(const struct present_number *nums, int n, int w, int *labw)
{
	int maxdw = 0, i, lw, dw;

	*labw = 0;
	for (i = 0; i < n; i++) {
		lw = utf8_width(nums[i].label, (size_t)-1);
		if (lw > *labw)
			*labw = lw;
		dw = chart_big_width(nums[i].value, 1);
		if (dw > maxdw)
			maxdw = dw;
	}
	return *labw + 1 + maxdw <= w;
}

int
present_panel_rows(const struct present_number *nums, int n,
    enum chart_glyphs gl, int w)
{
	int bh = chart_big_height(gl, 1), labw, side, rows = 0, i;

	side = panel_side(nums, n, w, &labw);
	for (i = 0; i < n; i++) {
		rows += i > 0;		/* the gap */
		if (side)
			rows += bh;
		else if (chart_big_width(nums[i].value, 1) <= w)
			rows += 1 + bh;
		else
			rows += 1;
	}
	return rows;
}

int
present_panel(struct grid *g, const struct present_number *nums, int n,
    enum chart_glyphs gl)
{
	int bh = chart_big_height(gl, 1), labw, y = 0, i, lw, dw, side;

	grid_clear(g);
	side = panel_side(nums, n, g->w, &labw);	/* all, aligned */
	for (i = 0; i < n; i++) {
		const struct present_number *p = &nums[i];
		int gap = y > 0;

		dw = chart_big_width(p->value, 1);
		if (side) {
			/* label | digits, the label on the middle row */
			if (y + gap + bh > g->h)
				break;
			y += gap;
			lw = utf8_width(p->label, (size_t)-1);
			grid_text(g, labw - lw, y + bh / 2, lw, p->label,
			    GRID_LABEL, GRID_BOLD);
			chart_big_text(g, labw + 1, y, p->value, 1, gl,
			    p->role, GRID_BOLD);
			y += bh;
		} else if (dw <= g->w) {
			/* the label above the digits */
			if (y + gap + 1 + bh > g->h)
				break;
			y += gap;
			grid_text(g, 0, y++, g->w, p->label, GRID_LABEL,
			    GRID_BOLD);
			chart_big_text(g, 0, y, p->value, 1, gl, p->role,
			    GRID_BOLD);
			y += bh;
		} else {
			/* too narrow for big digits: "label value" */
			char line[64];

			if (y + gap + 1 > g->h)
				break;
			y += gap;
			snprintf(line, sizeof line, "%s %s", p->label,
			    p->value);
			grid_text(g, 0, y++, g->w, line, p->role, GRID_BOLD);
		}
	}
	return y;
}
