#include "config.h"
/*
 * view-status.c - the bottom rows of the lesson screen: the status line
 * (lesson and page, lambda and penalty, activation, norm, epoch or the
 * training's progress, losses), a note drawn over it (a question, first or
 * last page), and the prompt row (readline's line when focused, else a
 * hint; during training how to stop the run).
 *
 * When the line is too narrow for every segment, tui_status_fit() decides
 * by priority which are shown.
 */

#include <stdio.h>
#include <string.h>

#include <readline/readline.h>

#include "cmd/cmd.h"
#include "tui/shell.h"
#include "tui/tui-int.h"
#include "util/i18n.h"
#include "util/util.h"

static void
fmt_loss(char *buf, size_t n, double v)
{
	if (v != v)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.4g", v);
}

/* Status line: lesson, page, lambda, penalty, activation, norm, epoch,
 * losses; tui_status_fit() decides what is shown when space is short. */
static void
status_draw(struct tui *t, const struct tui_rect *r)
{
	struct session_status st;
	struct tui_seg seg[10];
	char a[32], b[32], n1[16], n2[16];
	int nseg = 0, i, x = 0;
	short pair;

	memset(seg, 0, sizeof(seg));
	session_get_status(t->s, &st);
	if (t->training) {
		st.epoch = t->ep.total_epochs;
		st.train_loss = t->ep.train_loss;
		st.val_loss = t->ep.val_loss;
		st.penalty = t->ep.penalty;
		st.loss = t->ep.loss;	/* the run's (train loss=mae) */
	}
	if (t->lesson != NULL && t->run != NULL) {
		snprintf(n1, sizeof(n1), "%d", t->run->page + 1);
		snprintf(n2, sizeof(n2), "%d", t->lesson->npages);
		snprintf(seg[nseg].text, sizeof(seg[0].text), "%s",
		    t->lesson->title);
		seg[nseg].flex = 1;
		seg[nseg].prio = 1;
		seg[nseg++].bold = 1;
		utf8_snprintf(seg[nseg].text, sizeof(seg[0].text), _("page %s/%s"),
		    n1, n2);
		seg[nseg++].prio = 0;
	} else if (t->screen == SCR_LESSON) {
		snprintf(seg[nseg].text, sizeof(seg[0].text), "%s",
		    _("free lab"));
		seg[nseg].flex = 1;
		seg[nseg].prio = 1;
		seg[nseg++].bold = 1;
	}
	snprintf(seg[nseg].text, sizeof(seg[0].text), "%s=%g %s",
	    tui_term.ascii ? "lambda" : "\xce\xbb", st.lambda,
	    st.reg != NULL ? st.reg : "");
	seg[nseg++].prio = 0;
	if (st.penalty == st.penalty) {
		fmt_loss(a, sizeof(a), st.penalty);
		snprintf(seg[nseg].text, sizeof(seg[0].text), _("pen %s"), a);
		seg[nseg++].prio = 3;
	}
	snprintf(seg[nseg].text, sizeof(seg[0].text), "act %s",
	    st.act != NULL ? st.act : "-");
	seg[nseg++].prio = 2;
	snprintf(seg[nseg].text, sizeof(seg[0].text), "norm %s",
	    st.norm != NULL ? st.norm : "-");
	/* "norm none" says little: it goes with the penalty, first. */
	seg[nseg++].prio = st.norm == NULL || strcmp(st.norm, "none") == 0 ?
	    3 : 2;
	if (t->training) {
		snprintf(n1, sizeof(n1), "%d", t->ep.epoch);
		snprintf(n2, sizeof(n2), "%d", t->ep.epochs);
		utf8_snprintf(seg[nseg].text, sizeof(seg[0].text),
		    _("ep %s/%s"), n1, n2);
		seg[nseg].bold = 1;
		seg[nseg++].prio = 0;
	} else {
		snprintf(seg[nseg].text, sizeof(seg[0].text), "ep %d",
		    st.epoch);
		seg[nseg++].prio = 1;
	}
	fmt_loss(a, sizeof(a), st.train_loss);
	fmt_loss(b, sizeof(b), st.val_loss);
	/* which loss: the run's during a run, after it the last run's
	 * (train loss=mae: mae, as train's own line) */
	snprintf(seg[nseg].text, sizeof(seg[0].text), _("%s%strain %s val %s"),
	    st.loss != NULL ? st.loss : "", st.loss != NULL ? " " : "", a, b);
	seg[nseg++].prio = 0;

	tui_status_fit(seg, nseg, r->w);
	attrset(tui_style_attr(GRID_DEFAULT, GRID_DEFAULT, GRID_REVERSE,
	    &pair));
	mvhline(r->y, r->x, ' ', r->w);
	attrset(A_NORMAL);
	for (i = 0; i < nseg; i++) {
		if (!seg[i].shown)
			continue;
		x += x > 0 ? 2 : 1;
		if (x >= r->w)
			break;
		x += tui_put_text(r->y, r->x + x, r->w - x, seg[i].text,
		    (size_t)-1, GRID_DEFAULT, GRID_REVERSE |
		    (seg[i].bold ? GRID_BOLD : 0));
	}
}

static void
note_draw(struct tui *t, const struct tui_rect *r)
{
	/* A note (quit question, first/last page) over the status line. */
	if (t->note[0] == '\0')
		return;
	mvhline(r->y, r->x, ' ', r->w);
	tui_put_text(r->y, r->x + 1, r->w - 1, t->note, (size_t)-1, GRID_WARN,
	    GRID_BOLD | GRID_REVERSE);
}

void
view_status_draw(struct tui *t)
{
	status_draw(t, &t->lay.status);
	note_draw(t, &t->lay.status);
}

void
view_prompt_draw(struct tui *t)
{
	const struct tui_layout *l = &t->lay;
	int visible;

	visible = l->prompt.h > 0;
	if (visible && t->training && (!t->train_typing || t->help)) {
		/* The line was accepted; say how to stop the run. */
		tui_put_text(l->prompt.y, l->prompt.x, l->prompt.w,
		    _("training - Ctrl-C stops it (the state is kept), "
		    ": next command, ? help, q quits"), (size_t)-1,
		    GRID_WARN, GRID_BOLD);
	} else if (visible && rl_end == 0 &&
	    t->focus != FOCUS_PROMPT) {
		tui_put_text(l->prompt.y, l->prompt.x, l->prompt.w,
		    t->present ? _(TUI_PRESENT_HINT) :
		    _(TUI_PROMPT_HINT), (size_t)-1, GRID_LABEL, GRID_DIM);
	} else if (visible) {
		if (t->help)
			tui_input_draw(&l->prompt, 0);
		else
			tui_input_draw(&l->prompt,
			    t->focus == FOCUS_PROMPT);
	}
}
