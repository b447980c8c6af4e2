#include "config.h"
/*
 * tui.c - the full-screen lesson shell: menu, lesson pane, live chart pane,
 * output area, readline prompt and status line.
 *
 * Two screens: the lesson menu, and a lesson (or the free lab, a lesson
 * screen without a lesson).  On the lesson screen keys go either to the
 * lesson (focus LESSON: paging, quizzes, help, quit) or to the readline
 * prompt (focus PROMPT, entered with ':' or Tab, left with Esc).  Every
 * line typed at the prompt and every command step of a lesson runs through
 * cmd_execute() with the same session and transcript; the transcript is
 * drained into the output area after each action.
 *
 * Keys on a lesson page have one meaning each: the digits answer the
 * waiting question (the labels lesson_choice_label() puts next to its
 * choices) and do nothing else; letters and the other keys are page keys
 * and never answer; a key that does nothing says so in the note, with the
 * keys of the page.  A word answer is typed at the prompt ("answer bn").
 *
 * Sessions: the free lab is the learner's own session; a lesson runs on a
 * session of its own, fresh (the lesson's seed, default settings, nothing
 * else) each time a lesson is opened, so a lesson always starts from the
 * same state and the learner's lab is back when the lesson is closed.  A
 * lesson opened again continues at the page it was left on (the progress
 * file's "at"), the pages before it caught up quietly as g does; a
 * question the learner answered before, in this shell or an earlier one,
 * shows answered with their choice instead of asking again (r asks
 * again); the menu chooses the lesson in progress until it is finished
 * (progress_finished()), and a lesson's last page offers the next one
 * (N).
 *
 * Charts: the chart pane belongs to the current page.  Every chart item a
 * page's steps (and the learner's commands on it) put into the transcript
 * is kept, as a snapshot, in that page's deck; a training of the session's
 * own net with no chart drawn after it adds the loss curve it left.  The pane
 * shows the deck stacked when the charts fit, otherwise one at a time
 * ("chart 2/3"): the one the text in view speaks of, each chart standing
 * at the step that drew it (view_chart_follow()), or one turned to with <
 * and >, until the page scrolls; during training it shows the live loss
 * chart.  The free lab's deck holds the charts of the latest command line
 * that drew or trained.
 *
 * Live training: the session's per-epoch hook polls the keyboard without
 * waiting (Ctrl-C stops the run, q asks before quitting, a resize relays
 * out) and redraws chart and status line on the schedule of
 * tui_frame_due(): at least every ~33 ms when the epochs are shorter than
 * that, and never more often than every 30 ms.  The whole screen is redrawn into stdscr each frame;
 * curses sends only the cells that changed.
 *
 * This file keeps the state (struct tui, shell.h), the main loop and the
 * key dispatch; redraw() has the views draw it: view-lesson.c,
 * view-chart.c, view-output.c, view-status.c, view-menu.c, view-help.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <readline/readline.h>

#include "chart/chart.h"
#include "cmd/cmd.h"
#include "lesson/lesson-cli.h"
#include "lesson/lesson-view.h"
#include "lesson/lesson.h"
#include "lesson/progress.h"
#include "tui/shell.h"
#include "tui/tui-int.h"
#include "tui/tui.h"
#include "util/i18n.h"
#include "util/util.h"

#define POLL_MS		200	/* idle key poll (signal flags) */
#define OUT_MAX		2000	/* output lines kept */

static struct tui *the_tui;	/* for the readline and resize hooks */

static void redraw(struct tui *t);
static void relayout(struct tui *t);
static void key_prompt(struct tui *t, int c);
static void scroll_output(struct tui *t, int delta);
static void focus_prompt(struct tui *t);
static void swallow_escape(void);
static void focus_lesson(struct tui *t);
static void lay_out(struct tui *t);
static int chartless(struct tui *t);
static void present_refresh(struct tui *t);
static void turn_page(struct tui *t, int delta);

/* ------------------------------------------------------------ output */

static void
out_add(struct tui *t, enum tr_kind kind, const char *text)
{
	if (t->nout == OUT_MAX) {
		free(t->out[0].text);
		memmove(t->out, t->out + 1, (t->nout - 1) * sizeof(*t->out));
		t->nout--;
	}
	if (t->nout == t->capout) {
		t->capout = t->capout ? t->capout * 2 : 64;
		t->out = xreallocarray(t->out, t->capout, sizeof(*t->out));
	}
	t->out[t->nout].kind = kind;
	t->out[t->nout].text = xstrdup(text);
	t->nout++;
	t->out_scroll = 0;	/* new output: follow the bottom */
	t->dirty = 1;
}


/* < and >: the previous or next chart of the page; 0 when there is none
 * to turn to. */
static int
turn_chart(struct tui *t, int delta)
{
	struct chart_deck *d = view_chart_deck(t);
	int n = d->tr != NULL ? (int)transcript_count(d->tr) : 0;

	if (n < 2 || d->sel + delta < 0 || d->sel + delta >= n)
		return 0;
	d->sel += delta;
	d->held = 1;	/* until the page scrolls */
	view_chart_render(t);
	return 1;
}

/* The block of the open page whose output transcript item i is
 * (LESSON_VIEW_LEARNER: the learner's commands, or no lesson). */
static int
made_by(const struct tui *t, int i)
{
	if (t->run == NULL || t->run->st == NULL)
		return LESSON_VIEW_LEARNER;
	return lesson_view_owner(t->run->st,
	    t->lesson->pages[t->run->page].nblocks, i);
}

/* 1 when the transcript has a chart at index from or after it. */
static int
chart_since(const struct tui *t, int from)
{
	for (size_t i = (size_t)from; i < transcript_count(t->tr); i++)
		if (transcript_item(t->tr, i)->kind == TR_CHART)
			return 1;
	return 0;
}

/* The last training's loss chart becomes one of the action's charts, at
 * the transcript's current end, when no chart was drawn after it. */
static void
keep_loss(struct tui *t)
{
	size_t n = transcript_count(t->losses);

	if (t->train_at < 0 || transcript_count(t->pend) == 0 ||
	    chart_since(t, t->train_at))
		return;
	transcript_copy_item(t->losses, t->pend, 0);
	t->loss_at = xreallocarray(t->loss_at, n + 1, sizeof(*t->loss_at));
	t->loss_at[n] = (int)transcript_count(t->tr);
	/* the block of the training's command line, just before it began */
	t->loss_by = xreallocarray(t->loss_by, n + 1, sizeof(*t->loss_by));
	t->loss_by[n] = made_by(t, t->train_at - 1);
}

/* The transcript's items not in the output area yet, into it (a chart
 * as its title in brackets). */
static void
out_items(struct tui *t)
{
	size_t n = transcript_count(t->tr);

	for (; t->tr_out < n; t->tr_out++) {
		const struct tr_item *it = transcript_item(t->tr, t->tr_out);

		if (it->kind == TR_CHART) {
			char *s = xasprintf("[%s: %s]",
			    _("chart"),
			    it->text != NULL ? it->text : "");

			out_add(t, TR_CHART, s);
			free(s);
		} else {
			out_add(t, it->kind, it->text != NULL ? it->text : "");
		}
	}
}

/*
 * Moves new transcript items into the output area, and the action's
 * charts into the deck of the page (the free lab: the deck becomes the
 * line's charts): the chart items, and in their place in time the loss
 * chart of each training of the session's own net that no chart followed,
 * each with the block of the page that made it.  The page's own charts
 * are shown as the text in view follows (view_chart_follow()); the
 * learner's own, the last new one, held until the page scrolls.
 */
static void
drain(struct tui *t)
{
	size_t i, k = 0, n = transcript_count(t->tr), n0;
	size_t nl;
	int charts = 0, mine = 1, by;
	struct chart_deck *d = view_chart_deck(t);

	keep_loss(t);
	nl = transcript_count(t->losses);
	out_items(t);
	for (i = 0; i < n; i++)
		charts += transcript_item(t->tr, i)->kind == TR_CHART;
	if (t->run == NULL && charts + nl > 0)
		chart_deck_clear(d);
	n0 = d->tr != NULL ? transcript_count(d->tr) : 0;
	for (i = 0; i <= n; i++) {
		for (; k < nl && t->loss_at[k] <= (int)i; k++) {
			chart_deck_add(d, t->losses, k, t->loss_by[k]);
			mine &= t->loss_by[k] == LESSON_VIEW_LEARNER;
		}
		if (i < n && transcript_item(t->tr, i)->kind == TR_CHART) {
			by = made_by(t, (int)i);
			chart_deck_add(d, t->tr, i, by);
			mine &= by == LESSON_VIEW_LEARNER;
		}
	}
	if (d->tr != NULL && transcript_count(d->tr) > n0 && mine) {
		/* the learner's commands drew: their last chart, the state
		 * the line left ('plot loss; train 300' ends on the run's
		 * loss, not the plot from before it); < turns to the others */
		d->sel = (int)transcript_count(d->tr) - 1;
		d->held = 1;
	}
	/* the page's output is taken: later items are not its */
	if (t->run != NULL && t->run->st != NULL)
		for (int b = 0; b < t->lesson->pages[t->run->page].nblocks;
		    b++)
			t->run->st[b].out_at = -1;
	transcript_clear(t->tr);
	t->tr_out = 0;
	t->training_seen = t->train_typing = 0;
	if (strcmp(t->note, _("training: pages and answers wait for it to end (Ctrl-C stops it)")) == 0)
		t->note[0] = '\0';	/* the run it spoke of is over */
	transcript_clear(t->pend);
	transcript_clear(t->losses);
	t->training = 0;
	t->train_at = -1;
	if (chartless(t) != t->no_chart)
		relayout(t);	/* the text takes the chart's room or
				   gives it back */
	view_chart_render(t);
	present_refresh(t);
}

/* ------------------------------------------------------------ live hook */

/* Waits for y/n while training; 1 = yes.  Resizes are handled. */
static int
confirm_quit(struct tui *t)
{
	int c, yes = 0;

	snprintf(t->note, sizeof(t->note), "%s",
	    _("Training is running. Quit? (y/n)"));
	redraw(t);
	timeout(-1);
	for (;;) {
		c = tui_getch();
		if (c == KEY_RESIZE) {
			relayout(t);
			redraw(t);
			continue;
		}
		if (c == ERR && !tui_quit_signal)
			continue;
		yes = c == 'y' || c == 'Y' || c == ERR;
		break;
	}
	timeout(0);
	t->note[0] = '\0';
	return yes;
}

/* Rows the long-output overlay shows at once (for paging). */
static int
pager_rows(void)
{
	return LINES - 5 > 1 ? LINES - 5 : 1;
}

/* A key for the long-output overlay (t->pager): scrolls or closes it. */
static void
pager_key(struct tui *t, int c)
{
	switch (c) {
	case 'j':
	case KEY_DOWN:
		t->pager_scroll++;
		break;
	case 'k':
	case KEY_UP:
		t->pager_scroll--;
		break;
	case ' ':
	case KEY_NPAGE:
		t->pager_scroll += pager_rows() - 1;
		break;
	case 'b':
	case KEY_PPAGE:
		t->pager_scroll -= pager_rows() - 1;
		break;
	case KEY_HOME:
		t->pager_scroll = 0;
		break;
	case KEY_END:
		t->pager_scroll = 1 << 20;	/* clamped on draw */
		break;
	case 27:
		swallow_escape();
		/* FALLTHROUGH */
	case 'q':
	case 'Q':
	case '\r':
	case '\n':
	case KEY_ENTER:
		free(t->pager);
		t->pager = NULL;
		break;
	default:
		break;
	}
	t->dirty = 1;
}

/* The scrolling keys of a lesson page (the page: j k Up Down Home End;
 * the output: [ ]), the same during a run: 1 when c was one.  Scrolling
 * the page ends a chart turned to by hand: the pane follows the text. */
static int
scroll_key(struct tui *t, int c)
{
	switch (c) {
	case KEY_UP:
	case 'k':
		t->lesson_scroll--;
		break;
	case KEY_DOWN:
	case 'j':
		t->lesson_scroll++;
		break;
	case KEY_HOME:
		t->lesson_scroll = 0;
		break;
	case KEY_END:
		t->lesson_scroll = t->lesson_total;	/* clamped on draw */
		break;
	case '[':
	case KEY_SR:
		scroll_output(t, 3);
		return 1;
	case ']':
	case KEY_SF:
		scroll_output(t, -3);
		return 1;
	default:
		return 0;
	}
	/* the page scrolled: the chart follows the text again */
	view_chart_deck(t)->held = 0;
	return 1;
}

/* The help overlay, from its first key line. */
static void
open_help(struct tui *t)
{
	t->help = 1;
	t->help_scroll = 0;
}

/*
 * A key while training; 1 stops the run.  The shell stays usable: the
 * help overlay, scrolling the page and the output, and the prompt (a line
 * entered now waits for the run to end: on_line); what would change the
 * page under the run (turning pages, answering, re-running) waits, said
 * in the note.  Ctrl-C stops the run wherever the focus is.
 */
static int
training_key(struct tui *t, int c)
{
	switch (c) {
	case 3:			/* Ctrl-C */
		return 1;
	case KEY_RESIZE:
		relayout(t);
		t->dirty = 1;
		return 0;
	case 26:		/* Ctrl-Z */
		tui_term_suspend();
		t->dirty = 1;
		return 0;
	default:
		break;
	}
	t->dirty = 1;
	if (t->pager != NULL) {
		pager_key(t, c);
		return 0;
	}
	if (t->help) {		/* any key but scrolling closes it */
		if (view_help_key(t, c))
			return 0;
		if (c == 27)
			swallow_escape();
		t->help = 0;
		return 0;
	}
	if (t->train_typing && t->focus == FOCUS_PROMPT &&
	    t->screen == SCR_LESSON) {
		if (c == 27 && rl_end == 0) {	/* back to the run's keys */
			swallow_escape();
			t->train_typing = 0;
			return 0;
		}
		key_prompt(t, c);	/* typing, Esc, F1, PgUp/PgDn */
		return 0;
	}
	t->note[0] = '\0';
	if (scroll_key(t, c))
		return 0;
	switch (c) {
	case 'q':
	case 'Q':
		if (confirm_quit(t)) {
			t->quit = 1;
			return 1;
		}
		break;
	case '?':
	case KEY_F(1):
		open_help(t);
		break;
	case 27:
		swallow_escape();
		break;
	case ':':
	case '\t':
	case '/':
		if (t->screen == SCR_LESSON) {
			focus_prompt(t);
			t->train_typing = 1;
		}
		break;
	default:
		snprintf(t->note, sizeof(t->note), "%s",
		    _("training: pages and answers wait for it to end (Ctrl-C stops it)"));
		break;
	}
	return 0;
}

/* Keys while training: 1 stops the run. */
static int
poll_training_keys(struct tui *t)
{
	int c, stop = 0;

	timeout(0);
	while (!stop && (c = getch()) != ERR)	/* not tui_getch: a poll */
		stop = training_key(t, c);
	timeout(POLL_MS);
	return stop;
}

static int
epoch_hook(void *ctx, const struct cmd_epoch_info *info)
{
	struct tui *t = ctx;
	long long now;
	int stop, frame = 0;

	t->training = 1;
	t->ep = *info;
	if (t->no_chart)
		relayout(t);	/* the live chart needs its pane */
	/* A training of the session's net in this action (its command line
	 * is in the transcript already; a lesson's quiet catch-up of earlier
	 * pages is not): the one before it keeps its loss chart. */
	if (info->own && info->epoch == 1 && transcript_count(t->tr) > 0) {
		keep_loss(t);
		transcript_clear(t->pend);
		t->train_at = (int)transcript_count(t->tr);
	}
	/* what the line's earlier commands printed, before the run; the
	 * keys are the run's until : opens the prompt */
	if (info->epoch == 1) {
		out_items(t);
		if (!t->training_seen)
			t->train_typing = 0;
		t->training_seen = 1;
	}
	stop = poll_training_keys(t);
	if (tui_quit_signal)
		stop = 1;
	now = tui_now_ms();
	if (info->epoch == 1)
		t->last_epoch = now;
	if (t->dirty || info->epoch == 1 || info->epoch >= info->epochs ||
	    tui_frame_due(now, t->last_frame, now - t->last_epoch)) {
		view_chart_render(t);
		redraw(t);
		t->last_frame = now;
		t->frames++;
		frame = 1;
	}
	t->last_epoch = now;
	/* Its loss chart as it stands: each epoch of a short run (an early
	 * stop ends it at any one), each frame and the last of a long one. */
	if (info->own && t->train_at >= 0 && (info->total_epochs <= 5000 ||
	    frame || info->epoch >= info->epochs || stop)) {
		transcript_clear(t->pend);
		transcript_add_session_chart(t->pend, t->s);
	}
	return stop;
}

/*
 * The output lines from out0 on, when they are more than the output area
 * shows (help, show params, a long table): also in the long-output
 * overlay, from their top, where they can be read and scrolled.
 */
static void
open_pager(struct tui *t, size_t out0)
{
	struct strbuf b;
	int rows = 0;
	size_t i;

	if (out0 > t->nout || t->lay.output.w <= 0 || t->screen != SCR_LESSON)
		return;
	strbuf_init(&b);
	for (i = out0; i < t->nout; i++) {
		char *s = view_out_text(&t->out[i]);

		rows += tui_wrap(s, t->lay.output.w, NULL, NULL);
		strbuf_addf(&b, "%s%s", b.len > 0 ? "\n" : "", s);
		free(s);
	}
	if (rows > t->lay.output.h && b.len > 0) {
		free(t->pager);
		t->pager = strbuf_detach(&b);
		t->pager_scroll = 0;
	}
	strbuf_done(&b);
}

static int prompt_answer(struct tui *t, const char *line);

/* Runs one command line through the interpreter ("answer ..." answers
 * the lesson's waiting question instead, see prompt_answer()). */
static void
run_line(struct tui *t, const char *line)
{
	size_t out0 = t->nout;
	long frames0 = t->frames;
	int rc;

	if (prompt_answer(t, line))
		return;
	t->training = 0;
	t->training_seen = 0;
	t->last_frame = 0;
	rc = cmd_execute(t->s, line, t->tr);
	drain(t);		/* training over */
	if (t->frames == frames0)	/* a run's output was in view */
		open_pager(t, out0);
	if (t->run != NULL && lesson_try_poll(t->run) > 0) {
		/* a try-it of the page done by the learner: in view */
		const struct lesson_page *pg = &t->lesson->pages[t->run->page];

		for (int i = 0; i < pg->nblocks; i++)
			if (pg->blocks[i].kind == LB_TRY && t->run->st[i].met)
				t->show_block = i;
		t->show_tail = 1;
	}
	if (rc == CMD_QUIT)
		t->quit = 1;
	else if (rc == CMD_STOPPED)
		out_add(t, TR_INFO, _("training stopped; the state is kept"));
	t->dirty = 1;
}

/* ------------------------------------------------------------ lessons */

static void
menu_free(struct tui *t)
{
	int i;

	for (i = 0; i < t->nitems; i++) {
		free(t->items[i].path);
		free(t->items[i].name);
		free(t->items[i].title);
	}
	free(t->items);
	t->items = NULL;
	t->nitems = 0;
}

/*
 * Korean on a terminal that is not UTF-8 would be blank: English instead,
 * and a note (in the output, once) saying that Korean needs a UTF-8
 * locale.
 */
static void
lang_shown(struct tui *t)
{
	if (!t->lang_ko || tui_term.utf8)
		return;
	t->lang_ko = 0;
	i18n_set_lang("en");
	if (t->said_lang == 0)
		t->said_lang = -1;	/* due: lang_say() */
}

/* The note of lang_shown(), when due and not said yet. */
static void
lang_say(struct tui *t)
{
	struct strbuf note;

	if (t->said_lang >= 0)
		return;
	t->said_lang = 1;
	strbuf_init(&note);
	(void)lesson_lang_shown("ko", 0, &note);
	note.s[strcspn(note.s, "\n")] = '\0';
	out_add(t, TR_WARNING, note.s);
	strbuf_done(&note);
}

const char *
tui_lang_code(const struct tui *t)
{
	return t->lang_ko ? "ko" : "en";
}

/*
 * The menu item of the lesson in progress (the one left last) when it is
 * not finished, or -1; *next (when not NULL): the item to choose on
 * start, that lesson, or the one after it when it is finished (its last
 * page seen and every question there answered: progress_finished()), or
 * -1.
 */
static int
menu_in_progress(const struct tui *t, int *next)
{
	const char *name = t->prog != NULL ? progress_latest(t->prog) : NULL;
	int i;

	if (next != NULL)
		*next = -1;
	for (i = 0; name != NULL && i < t->nitems; i++) {
		const struct menu_item *m = &t->items[i];

		if (m->path == NULL || strcmp(m->name, name) != 0)
			continue;
		if (!m->finished) {
			if (next != NULL)
				*next = i;
			return i;
		}
		if (next != NULL && i + 1 < t->nitems &&
		    t->items[i + 1].path != NULL)
			*next = i + 1;
		return -1;
	}
	return -1;
}

/* The lessons of the current language, then the free lab. */
static void
menu_load(struct tui *t)
{
	char **paths = NULL;
	int i, n;

	menu_free(t);
	n = lesson_paths(tui_lang_code(t), &paths);
	t->items = xcalloc((size_t)(n > 0 ? n : 0) + 1, sizeof(*t->items));
	for (i = 0; i < n; i++) {
		/* no diagnostics: --check reports broken lessons */
		struct lesson *l = lesson_load(paths[i], NULL, NULL);
		struct menu_item *m;

		if (l == NULL)
			continue;
		m = &t->items[t->nitems++];
		m->path = xstrdup(paths[i]);
		m->name = xstrdup(l->name);
		m->title = xstrdup(l->title);
		m->npages = l->npages;
		m->number = lesson_number(l);
		m->finished = t->prog != NULL && progress_finished(t->prog, l);
		lesson_free(l);
	}
	if (paths != NULL)
		lesson_paths_free(paths);
	t->items[t->nitems].title = xstrdup(_("Free lab (no lesson)"));
	t->items[t->nitems].number = -1;
	t->nitems++;
	if (t->sel >= t->nitems)
		t->sel = t->nitems - 1;
	t->cont_item = menu_in_progress(t, NULL);
}

/* Trouble with the learner's files (progress, history): in the output
 * pane while the screen is up, on stderr once it is gone.  Clears msg. */
static void
report_files(struct tui *t, struct strbuf *msg)
{
	while (msg->len > 0 && msg->s[msg->len - 1] == '\n')
		msg->s[--msg->len] = '\0';
	if (msg->len > 0) {
		if (tui_term.active)
			out_add(t, TR_ERROR, msg->s);
		else
			fprintf(stderr, "regtutor: %s\n", msg->s);
	}
	strbuf_done(msg);
	strbuf_init(msg);
}

static void
view_free(struct page_view *v)
{
	free(v->st);
	memset(v, 0, sizeof(*v));
}

/* Keeps what the learner did on the current page (its strings are not
 * kept: the replay makes them again).  The blocks this visit did not
 * reach (a page left halfway in classroom mode) keep what an earlier
 * visit saved. */
static void
view_save(struct tui *t)
{
	struct page_view *v;
	struct lesson_state *old;
	int n, oldn;

	if (t->run == NULL || t->run->st == NULL)
		return;
	v = &t->views[t->run->page];
	old = v->st;
	oldn = v->n;
	n = t->lesson->pages[t->run->page].nblocks;
	v->st = xcalloc((size_t)n + 1, sizeof(*v->st));
	v->n = n;
	v->whole = t->run->next >= n || lesson_waiting(t->run) >= 0;
	for (int i = 0; i < n; i++) {
		v->st[i] = i >= t->run->next && i < oldn &&
		    i != lesson_waiting(t->run) ? old[i] : t->run->st[i];
		v->st[i].message = v->st[i].text = NULL;
	}
	free(old);
}

/* Closes the open lesson, if any, and saves the progress made in it
 * (pages seen and answers change only while a lesson is open). */
static void
lesson_close(struct tui *t)
{
	struct strbuf err;

	if (t->lesson != NULL && t->prog != NULL) {
		strbuf_init(&err);
		progress_save(t->prog, &err);
		report_files(t, &err);
		strbuf_done(&err);
	}
	lesson_run_free(t->run);
	t->run = NULL;
	if (t->decks != NULL) {
		for (int i = 0; i < t->lesson->npages; i++) {
			chart_deck_free(&t->decks[i]);
			view_free(&t->views[i]);
		}
		free(t->decks);
		free(t->views);
		t->decks = NULL;
		t->views = NULL;
	}
	lesson_free(t->lesson);
	t->lesson = NULL;
	/* the learner's own lab again */
	t->s = t->lab;
}

enum chart_glyphs
tui_glyphs(const struct tui *t)
{
	(void)t;		/* the same for every shell of the process */
	return tui_term.ascii ? CHART_GLYPH_ASCII : chart_detect_tiers(0).glyphs;
}

/* The chart options of the screen for session s. */
static void
session_render(struct tui *t, struct session *s)
{
	session_set_render(s, tui_glyphs(t), tui_term.colors,
	    t->lay.chart.w >= 20 ? t->lay.chart.w : 72,
	    t->lay.chart.h >= 6 ? t->lay.chart.h : 16);
}

/* Starts the page's view at its top, with no note. */
static void
page_top(struct tui *t)
{
	t->lesson_scroll = 0;
	t->show_block = -1;
	t->show_after = -1;
	t->show_tail = 0;
	t->note[0] = '\0';
	if (t->run != NULL && t->decks != NULL)
		t->decks[t->run->page].held = 0;	/* it follows the text */
}

/*
 * Answers the questions of the page that the learner answered before, in
 * this shell or an earlier one (the progress file keeps the choice), with
 * the choice they made, the page going on after each as an answer makes
 * it go on (in classroom mode it does not: the next step is the
 * teacher's); stops at a question never answered.  So a page entered
 * again shows its answers and feedback instead of asking again; r asks
 * again.  Returns the last block answered, or -1.
 */
static int
answer_as_before(struct tui *t)
{
	const struct lesson_page *pg;
	int w, k, last = -1;

	if (t->run == NULL || t->prog == NULL)
		return -1;
	pg = &t->lesson->pages[t->run->page];
	while ((w = lesson_waiting(t->run)) >= 0 &&
	    (k = progress_choice(t->prog, t->lesson, &pg->blocks[w])) >= 0) {
		lesson_answer(t->run, k);
		last = w;
		if (t->present)
			break;
		while (lesson_step(t->run) == LR_OK)
			;
	}
	return last;
}

/* ------------------------------------------------------------ classroom */

/*
 * Classroom mode shows a page one step a key.  A step is a paragraph (a
 * text block), or an experiment: the command steps in a row and the
 * checkpoints and @remember lines right after them, so the class sees
 * the run and its verdict together; a quiz, a predict or a try-it is a
 * step of its own (a quiz then waits for its answer).  @remember lines,
 * which show nothing, go with the step before them.  Returns the result
 * of the last lesson_step() (LR_END when the page had nothing left).
 */
static int
present_unit(struct tui *t)
{
	const struct lesson_page *pg = &t->lesson->pages[t->run->page];
	int rc = LR_END, cmds = 0;
	enum lesson_block_kind k;

	while (t->run->next < pg->nblocks) {
		k = pg->blocks[t->run->next].kind;
		if (cmds && k != LB_CMD && k != LB_CHECK &&
		    k != LB_REMEMBER)
			break;		/* the experiment is over */
		if (cmds && k == LB_CMD &&
		    pg->blocks[t->run->next - 1].kind != LB_CMD)
			break;		/* another experiment */
		if (k == LB_CMD)
			cmds = 1;
		rc = lesson_step(t->run);
		if (rc != LR_OK)
			break;
		if (!cmds && k != LB_REMEMBER)
			break;		/* one paragraph, quiz, check, try */
	}
	/* the silent lines after it go with it */
	while (rc == LR_OK && t->run->next < pg->nblocks &&
	    pg->blocks[t->run->next].kind == LB_REMEMBER)
		rc = lesson_step(t->run);
	return rc;
}

static void page_restore(struct tui *t);

/* Space in classroom mode: the rest of what the page shows first (a pane
 * at a time, as a pager), then the page's next step in view, its start
 * first; at the end of the page, the next page. */
static void
present_step(struct tui *t)
{
	int first, w;

	if (t->run == NULL)
		return;
	if (t->lesson_scroll + t->lesson_view < t->lesson_total) {
		t->lesson_scroll += t->lesson_view > 2 ?
		    t->lesson_view - 1 : 1;
		t->dirty = 1;
		return;
	}
	if (lesson_waiting(t->run) >= 0) {
		snprintf(t->note, sizeof(t->note), "%s",
		    _("answer the quiz first"));
		t->dirty = 1;
		return;
	}
	if (t->run->next >= t->lesson->pages[t->run->page].nblocks) {
		turn_page(t, 1);
		return;
	}
	first = t->run->next;
	present_unit(t);
	page_restore(t);		/* a page run before: as answered */
	answer_as_before(t);		/* a quiz answered before: its answer */
	w = lesson_waiting(t->run);	/* a quiz now waiting: shown too */
	t->show_block = first;
	t->show_after = w >= 0 ? w : t->run->next - 1;
	t->show_tail = 0;		/* a step taller than the pane: its
					   start, Space shows the rest */
	drain(t);
	t->dirty = 1;
}

/* The key numbers of the page, queried now (classroom mode only: a
 * metric such as grad_ratio costs a pass over the data). */
static void
present_refresh(struct tui *t)
{
	t->nnums = 0;
	if (!t->present || t->screen != SCR_LESSON)
		return;
	t->nnums = present_numbers(t->s, t->run != NULL ?
	    &t->lesson->pages[t->run->page] : NULL, tui_term.ascii ||
	    tui_glyphs(t) == CHART_GLYPH_ASCII, t->nums);
	lay_out(t);	/* the column's rows for that many */
}

/*
 * P: classroom mode on or off.  Nothing is run again or lost: the page,
 * its charts (drawn again from their snapshots), the session, the output
 * and the line at the prompt stay; a page shown step by step is shown
 * whole in normal mode (its remaining steps run, as turning to it would
 * have run them).
 */
static void
toggle_present(struct tui *t)
{
	t->present = !t->present;
	tui_term.present = t->present;
	if (!t->present && t->run != NULL && t->screen == SCR_LESSON) {
		int from = t->run->next;

		while (lesson_step(t->run) == LR_OK)
			;
		if (t->run->next > from) {
			t->show_block = from;
			t->show_after = t->run->next - 1;
			drain(t);
		}
	}
	if (t->present && t->focus == FOCUS_PROMPT && rl_end == 0)
		t->focus = FOCUS_LESSON;
	if (t->present && t->run != NULL && t->run->next > 0) {
		/* the newest of the page in view, as after a step */
		t->show_block = t->run->next - 1;
		t->show_tail = 1;
	}
	present_refresh(t);
	relayout(t);
	snprintf(t->note, sizeof(t->note), "%s", t->present ?
	    _("classroom mode: Space shows the next step, P leaves") :
	    _("classroom mode off (P: back to it)"));
	t->dirty = 1;
}

/*
 * A page run before, as it was: entered from a clean state (lesson_goto()
 * restarts the session and replays the pages before it), its quizzes
 * answered as the learner answered them, hints and try-its as they were;
 * quietly, so its output and charts are not added again (its deck keeps
 * the snapshots of the first run).  The session ends as the page left it.
 */
static void
replay_page(struct tui *t, int page)
{
	const struct page_view *v = &t->views[page];
	struct transcript *quiet = transcript_new(), *tr = t->run->tr;
	int w;

	t->run->tr = quiet;
	lesson_enter_page(t->run, page);
	while ((w = lesson_waiting(t->run)) >= 0 && w < v->n &&
	    v->st[w].answer >= 0) {
		lesson_answer(t->run, v->st[w].answer);
		while (lesson_step(t->run) == LR_OK)
			;
	}
	for (int i = 0; i < v->n; i++) {
		t->run->st[i].hints = v->st[i].hints;
		t->run->st[i].met = v->st[i].met;
	}
	t->run->tr = tr;
	for (size_t i = 0; i < transcript_count(quiet); i++)
		if (transcript_item(quiet, i)->kind == TR_ERROR)
			transcript_copy_item(tr, quiet, i);
	transcript_free(quiet);
}

/*
 * A page run before, run again from its top (classroom mode, or a page
 * left halfway in it): the learner's part as it was, for the blocks
 * reached so far: a waiting quiz gets the answer it had (outside
 * classroom mode the page then goes on), hints and try-its as they were.
 */
static void
page_restore(struct tui *t)
{
	const struct page_view *v = &t->views[t->run->page];
	int w;

	if (v->st == NULL)
		return;
	while ((w = lesson_waiting(t->run)) >= 0 && w < v->n &&
	    v->st[w].answer >= 0) {
		lesson_answer(t->run, v->st[w].answer);
		if (t->present)
			break;		/* the next step waits for a key */
		while (lesson_step(t->run) == LR_OK)
			;
	}
	/* (what this visit revealed stays) */
	for (int i = 0; i < v->n && i < t->run->next; i++) {
		if (v->st[i].hints > t->run->st[i].hints)
			t->run->st[i].hints = v->st[i].hints;
		t->run->st[i].met |= v->st[i].met;
	}
}

/*
 * Shows a page: runs it (from the state that playing the pages before it
 * in order gives), its questions answered before answered again with the
 * learner's choices (answer_as_before()), or with again = 1, a page run
 * before in this shell, replays it as it was (replay_page()).
 */
static void
show_page(struct tui *t, int page, int again)
{
	int answered = -1, w;

	if (t->run == NULL)
		return;
	view_save(t);
	page_top(t);		/* a page opens at its top */
	if (again && !t->present && page >= 0 &&
	    page < t->lesson->npages && t->views[page].st != NULL &&
	    t->views[page].whole) {
		replay_page(t, page);
	} else {
		/*
		 * Run from its top, its charts made again: a page not run
		 * yet, any page in classroom mode (whose steps are shown
		 * one a key, a page run before too) and a page left
		 * halfway there (its deck lacks the charts of the rest).
		 */
		if (page >= 0 && page < t->lesson->npages)
			chart_deck_clear(&t->decks[page]);
		lesson_goto(t->run, page);
		if (t->present) {
			present_unit(t);	/* the first step only */
		} else {
			while (lesson_step(t->run) == LR_OK)
				;
		}
		if (again)
			page_restore(t);
		/* its questions answered before (an earlier visit, an
		 * earlier shell): answered so again, the last feedback in
		 * view */
		if ((answered = answer_as_before(t)) >= 0) {
			w = lesson_waiting(t->run);
			t->show_block = answered;
			t->show_after = w >= 0 ? w : t->run->next - 1;
		}
	}
	t->decks[t->run->page].held = 0;	/* it follows the text */
	if (t->prog != NULL) {
		progress_see_page(t->prog, t->lesson->name, t->run->page);
		/* reopening the lesson continues here */
		progress_set_at(t->prog, t->lesson->name, t->run->page);
	}
	drain(t);
	t->dirty = 1;
}

/* r: the current page again from a clean state (the pages before it
 * replayed in order), its charts replaced by the new ones. */
static void
rerun_page(struct tui *t)
{
	char n[16];

	if (t->run == NULL)
		return;
	page_top(t);
	chart_deck_clear(&t->decks[t->run->page]);
	lesson_restart_page(t->run);
	drain(t);
	snprintf(n, sizeof(n), "%d", t->run->page + 1);
	utf8_snprintf(t->note, sizeof(t->note), _("page %s run again from a clean state"), n);
	t->dirty = 1;
}

static int
lesson_open_path(struct tui *t, const char *path)
{
	struct strbuf diag;
	struct lesson *l;
	unsigned long own_seed;
	int at;

	strbuf_init(&diag);
	l = lesson_load(path, &diag, NULL);
	if (l == NULL) {
		char *nl;

		/* First line of the diagnostics into the output area. */
		if ((nl = strchr(diag.s, '\n')) != NULL)
			*nl = '\0';
		out_add(t, TR_ERROR, diag.s);
		strbuf_done(&diag);
		return -1;
	}
	strbuf_done(&diag);
	own_seed = l->seed;
	if (t->o->seed_set)	/* --seed: the lesson plays on it */
		l->seed = t->o->seed;
	lesson_close(t);
	t->lesson = l;
	/* the shell speaks the lesson's language (a file of the other one) */
	t->lang_ko = strcmp(l->lang, "ko") == 0;
	i18n_set_lang(tui_lang_code(t));
	/* a session of the lesson's own, fresh: every lesson starts from
	 * the same state, whatever ran before; the learner's lab waits */
	if (t->ls == NULL) {
		t->ls = session_new(l->seed);
		session_render(t, t->ls);
		session_set_epoch_hook(t->ls, epoch_hook, t);
	}
	session_restart(t->ls, l->seed);
	t->s = t->ls;
	t->decks = xcalloc((size_t)l->npages + 1, sizeof(*t->decks));
	t->views = xcalloc((size_t)l->npages + 1, sizeof(*t->views));
	t->run = lesson_run_new(l, t->s, t->tr);
	t->screen = SCR_LESSON;
	t->focus = FOCUS_LESSON;
	/* the lesson after it in the menu, which its last page offers */
	t->next_item = -1;
	for (int i = 0; i < t->nitems; i++)
		if (t->items[i].path != NULL &&
		    strcmp(t->items[i].name, l->name) == 0)
			t->next_item = i + 1 < t->nitems &&
			    t->items[i + 1].path != NULL ? i + 1 : -2;
	/* continue at the page it was left on, the pages before it played
	 * quietly as g does */
	at = t->prog != NULL ? progress_at(t->prog, l->name) : -1;
	if (at >= l->npages)
		at = l->npages - 1;
	show_page(t, at > 0 ? at : 0, 0);
	if (t->o->seed_set) {
		char *s = xasprintf(_("seed %lu (--seed), in place of the "
		    "lesson's seed %lu"), l->seed, own_seed);

		out_add(t, TR_INFO, s);
		free(s);
	}
	if (at > 0) {
		char n1[16], n2[16];

		snprintf(n1, sizeof(n1), "%d", at + 1);
		snprintf(n2, sizeof(n2), "%d", l->npages);
		utf8_snprintf(t->note, sizeof(t->note), _("continued at page %s of %s - p or g to go back"), n1, n2);
	}
	return 0;
}

static void
menu_open(struct tui *t, int i)
{
	if (i < 0 || i >= t->nitems)
		return;
	t->sel = i;		/* back on the menu (m), this one is chosen */
	if (t->items[i].path == NULL) {
		lesson_close(t);
		t->screen = SCR_LESSON;
		t->focus = FOCUS_PROMPT;
		t->dirty = 1;
		relayout(t);
		if (!t->present) {	/* no lesson pane: the note here */
			char *s = lesson_plain(view_lab_note(t));

			out_add(t, TR_INFO, s);
			free(s);
		}
		return;
	}
	lesson_open_path(t, t->items[i].path);
	relayout(t);
}

static void
turn_page(struct tui *t, int delta)
{
	int p;

	if (t->run == NULL)
		return;
	p = t->run->page + delta;
	if (p < 0) {
		snprintf(t->note, sizeof(t->note), "%s",
		    _("first page"));
		t->dirty = 1;
		return;
	}
	if (p >= t->lesson->npages) {
		snprintf(t->note, sizeof(t->note), "%s", t->next_item >= 0 ?
		    _("last page - N next lesson, m the menu") :
		    _("last page of the last lesson - m the menu"));
		t->dirty = 1;
		return;
	}
	/*
	 * A page run before (back, or on again after going back) shows as it
	 * was, answers, results and charts, the session in the state the page
	 * left it; a page not run yet runs.  r runs it afresh.
	 */
	show_page(t, p, 1);
}

/*
 * Continues the page after an answer until it waits or ends.  The
 * answer's feedback stays in view, with as much of what followed (up to
 * the next question) as fits below it.
 */
static void
continue_page(struct tui *t)
{
	int answered = t->run->next - 1, w;

	while (!t->present && lesson_step(t->run) == LR_OK)
		;
	w = lesson_waiting(t->run);
	t->show_block = answered;
	t->show_after = w >= 0 ? w : t->run->next - 1;
	t->show_tail = 0;
	drain(t);
	t->dirty = 1;
}

/* The quiz or predict block waiting for an answer, or NULL. */
static const struct lesson_block *
waiting_block(const struct tui *t)
{
	int w;

	if (t->run == NULL || (w = lesson_waiting(t->run)) < 0)
		return NULL;
	return &t->lesson->pages[t->run->page].blocks[w];
}

/* Answers the waiting question with choice i: recorded in the progress
 * (by its key), then the page goes on. */
static void
answer_choice(struct tui *t, int i)
{
	const struct lesson_block *b = waiting_block(t);

	if (b == NULL)
		return;
	if (t->prog != NULL && b->id != NULL)
		progress_answer(t->prog, t->lesson->name, b->id,
		    b->choices[i].key);
	lesson_answer(t->run, i);
	continue_page(t);
}

/*
 * A digit on a lesson page: the label of a choice answers the waiting
 * question; any other digit, or a digit with no question waiting, says so
 * under the page.  Digits do nothing else on a page.
 */
static void
digit_key(struct tui *t, int c)
{
	const struct lesson_block *b = waiting_block(t);
	char k[2] = { (char)c, '\0' }, range[16];
	int i;

	if (b == NULL) {
		snprintf(t->note, sizeof(t->note), "%s",
		    _("no question waits for an answer on this page"));
		return;
	}
	if ((i = lesson_choice_of_key(b, c)) < 0) {
		lesson_choice_range(b, range, sizeof(range));
		utf8_snprintf(t->note, sizeof(t->note), _("%s is not a choice here: press %s"), k,
		    range);
		return;
	}
	answer_choice(t, i);
}

/* The key c as a note names it: the character, else curses' name. */
static void
key_label(int c, char *buf, size_t n)
{
	const char *kn;

	if (c > 0x20 && c < 0x7f)
		snprintf(buf, n, "%c", c);
	else
		snprintf(buf, n, "%s", (kn = keyname(c)) != NULL ? kn : "?");
}

/* A key that does nothing on the page: says so, with the keys that act
 * there (a waiting question's labels first). */
static void
ignored_key(struct tui *t, int c)
{
	const struct lesson_block *b = waiting_block(t);
	char k[32], keys[160], range[16];

	key_label(c, k, sizeof(k));
	if (b != NULL) {
		lesson_choice_range(b, range, sizeof(range));
		utf8_snprintf(keys, sizeof(keys), _("%s answer, n/p page, : prompt, ? all keys"), range);
	} else {
		snprintf(keys, sizeof(keys), "%s",
		    _("n/p page, j/k scroll, : prompt, ? all keys"));
	}
	utf8_snprintf(t->note, sizeof(t->note), _("'%s' does nothing here: %s"), k, keys);
}

/*
 * "answer WORD" at the prompt: answers the waiting question with the
 * choice labelled WORD or keyed WORD (lesson_choice_of_word()).  Returns 1
 * when the line was an answer line (answered, or refused with one message
 * and nothing changed), 0 for any other line.
 */
static int
prompt_answer(struct tui *t, const char *line)
{
	const struct lesson_block *b;
	char *w, *e, range[16], *keys, msg[512];
	int i;

	while (*line == ' ' || *line == '\t')
		line++;
	if (strncmp(line, "answer", 6) != 0 ||
	    (line[6] != '\0' && line[6] != ' ' && line[6] != '\t'))
		return 0;
	out_add(t, TR_ECHO, line);
	for (line += 6; *line == ' ' || *line == '\t'; line++)
		;
	w = xstrdup(line);
	for (e = w + strlen(w); e > w && (e[-1] == ' ' || e[-1] == '\t'); e--)
		;
	*e = '\0';
	b = waiting_block(t);
	if (b != NULL) {
		lesson_choice_range(b, range, sizeof(range));
		keys = lesson_choice_keys(b, ", ");
	} else {
		keys = NULL;
	}
	if (b == NULL && t->run == NULL) {
		utf8_snprintf(msg, sizeof(msg), "answer: %s",
		    _("no lesson is open; a lesson's questions are answered "
		    "on its pages"));
	} else if (b == NULL) {
		utf8_snprintf(msg, sizeof(msg), "answer: %s",
		    _("no question waits for an answer on this page"));
	} else if (w[0] == '\0') {
		utf8_snprintf(msg, sizeof(msg), _("answer: missing CHOICE; "
		    "give %s or one of %s (e.g. 'answer %s')"), range, keys,
		    lesson_choice_label(0));
	} else if (strpbrk(w, " \t") != NULL) {
		utf8_snprintf(msg, sizeof(msg), _("answer: one choice only, "
		    "not '%s'; give %s or one of %s"), w, range, keys);
	} else if ((i = lesson_choice_of_word(b, w)) < 0) {
		utf8_snprintf(msg, sizeof(msg), _("answer: '%s' is not a "
		    "choice here; give %s or one of %s"), w, range, keys);
	} else {
		msg[0] = '\0';
		answer_choice(t, i);
		focus_lesson(t);	/* the feedback, then the page keys */
	}
	if (msg[0] != '\0')
		out_add(t, TR_ERROR, msg);
	free(keys);
	free(w);
	t->dirty = 1;
	return 1;
}

/*
 * What "answer" completes to at the prompt (input.c's answer_words): a
 * command while a lesson is open; its argument the waiting question's
 * labels, then its choices' words, from the lesson's block.  With no
 * question waiting: none, and the output area says why (once for Tabs
 * in a row).
 */
static int
answer_words(void *ctx, char ***vp)
{
	struct tui *t = ctx;
	const struct lesson_block *b = waiting_block(t);
	char **v, msg[256];
	int k, n = 0;

	if (vp == NULL)
		return t->run != NULL;
	*vp = NULL;
	if (b == NULL) {
		utf8_snprintf(msg, sizeof(msg), "answer: %s",
		    _("no question waits for an answer on this page"));
		if (t->nout == 0 || t->out[t->nout - 1].kind != TR_INFO ||
		    strcmp(t->out[t->nout - 1].text, msg) != 0)
			out_add(t, TR_INFO, msg);
		t->dirty = 1;
		return 1;
	}
	v = xcalloc((size_t)b->nchoices * 2 + 1, sizeof(*v));
	for (k = 0; k < b->nchoices; k++)
		v[n++] = xstrdup(lesson_choice_label(k));
	for (k = 0; k < b->nchoices; k++)
		v[n++] = xstrdup(b->choices[k].key);
	*vp = v;
	return 1;
}

/* N: the next lesson in the menu (the last page offers it). */
static void
next_lesson(struct tui *t)
{
	if (t->next_item >= 0) {
		menu_open(t, t->next_item);
		return;
	}
	snprintf(t->note, sizeof(t->note), "%s",
	    _("End of the lesson. That was the last one: m for the menu."));
}

/* The try-it block of the page (the last one shown), or -1. */
static int
try_block(const struct tui *t)
{
	const struct lesson_page *pg;
	int i, found = -1;

	if (t->run == NULL)
		return -1;
	pg = &t->lesson->pages[t->run->page];
	for (i = 0; i < pg->nblocks; i++)
		if (pg->blocks[i].kind == LB_TRY &&
		    i < t->run->next)
			found = i;
	return found;
}

/*
 * 1 when the open page has no chart and none to come: none drawn (its
 * deck is empty), no training running and no command step or predict
 * (whose experiment runs after the answer) left to run.  A chart the
 * learner draws there later brings the chart pane back.
 */
static int
chartless(struct tui *t)
{
	const struct lesson_page *pg;
	int i;

	if (t->run == NULL || t->screen != SCR_LESSON || t->training ||
	    t->decks == NULL || (t->decks[t->run->page].tr != NULL &&
	    transcript_count(t->decks[t->run->page].tr) > 0))
		return 0;
	pg = &t->lesson->pages[t->run->page];
	for (i = t->run->next; i < pg->nblocks; i++)
		if (pg->blocks[i].kind == LB_CMD ||
		    pg->blocks[i].kind == LB_PREDICT)
			return 0;
	return 1;
}

/* The panes for the screen's size and mode; in classroom mode the key
 * numbers take the rows they need and the lesson text the rest; a page
 * with no chart gives its text the chart's room. */
static void
lay_out(struct tui *t)
{
	int prompt = !t->present || t->focus == FOCUS_PROMPT;

	tui_layout(COLS, LINES, t->present, prompt, &t->lay);
	if (t->screen == SCR_LESSON && t->run == NULL && !t->present)
		tui_layout_lab(&t->lay);	/* charts get the width */
	t->no_chart = chartless(t);
	if (t->no_chart)
		tui_layout_no_chart(&t->lay);
	tui_layout_big_rows(&t->lay, present_panel_rows(t->nums, t->nnums,
	    tui_glyphs(t), t->lay.big.w));
}

static void
relayout(struct tui *t)
{
	lay_out(t);
	session_render(t, t->lab);
	if (t->ls != NULL)
		session_render(t, t->ls);
	view_chart_render(t);
	t->dirty = 1;
}

static void
redraw(struct tui *t)
{
	const struct tui_layout *l = &t->lay;

	erase();
	if (l->too_small) {
		view_too_small_draw(t);
	} else if (t->screen == SCR_MENU) {
		view_menu_draw(t);
	} else {
		view_lesson_draw(t);
		if (l->vsep.h > 0)
			tui_put_vrule(&l->vsep);
		view_present_draw(t);
		if (l->output.h > 0)
			view_output_draw(t, &l->output);
		if (l->hsep.w > 0)
			tui_put_hrule(&l->hsep, t->present ? _("lesson") :
			    t->out_older ? _("output ([ / PgUp: older)") :
			    _("output"));
		view_chart_draw(t);
		view_status_draw(t);
		view_prompt_draw(t);
	}
	if (t->pager != NULL && !l->too_small)
		view_pager_draw(t);
	else if (t->help && !l->too_small)
		view_help_draw(t);
	tui_cursor(!t->help && t->pager == NULL && (!t->training ||
	    t->train_typing) &&
	    !l->too_small &&
	    t->screen == SCR_LESSON && t->focus == FOCUS_PROMPT &&
	    l->prompt.h > 0);
	refresh();
	t->dirty = 0;
}

/* ------------------------------------------------------------ keys */

static void
on_line(void *ctx, const char *line)
{
	struct tui *t = ctx;
	char buf[512];

	if (t->training && line != NULL) {
		/* typed during a run: the first line waits for its end, a
		 * second one is not run (said, with the one that waits) */
		if (t->pending != NULL)
			utf8_snprintf(buf, sizeof(buf), _("not run: %s (one command line already waits for the training to end: %s)"),
			    line, t->pending);
		else
			utf8_snprintf(buf, sizeof(buf), _("runs when the training ends: %s"),
			    line);
		out_add(t, t->pending != NULL ? TR_WARNING : TR_INFO, buf);
		if (t->pending == NULL)
			t->pending = xstrdup(line);
		t->train_typing = 0;	/* the prompt row: the run's keys */
		t->dirty = 1;
		return;
	}
	free(t->pending);
	t->pending = NULL;
	if (line == NULL)
		t->pending_eof = 1;
	else
		t->pending = xstrdup(line);
}

static void
on_matches(void *ctx, const char *const *m, int n)
{
	struct tui *t = ctx;
	struct strbuf b;
	int i;

	strbuf_init(&b);
	strbuf_adds(&b, _("matches:"));
	for (i = 0; i < n; i++) {
		strbuf_addch(&b, ' ');
		strbuf_adds(&b, m[i]);
	}
	/* Tab again on the same word (readline lists on each): once */
	if (t->nout == 0 || t->out[t->nout - 1].kind != TR_INFO ||
	    strcmp(t->out[t->nout - 1].text, b.s) != 0)
		out_add(t, TR_INFO, b.s);
	strbuf_done(&b);
	redraw(t);
}

static void
on_idle_key(int c)
{
	if (c == KEY_RESIZE && the_tui != NULL) {
		relayout(the_tui);
		redraw(the_tui);
	}
}

static void
focus_prompt(struct tui *t)
{
	if (t->focus == FOCUS_PROMPT)
		return;
	t->focus = FOCUS_PROMPT;
	if (t->present)
		relayout(t);
	t->dirty = 1;
}

static void
focus_lesson(struct tui *t)
{
	if (t->screen != SCR_LESSON)
		return;
	t->focus = FOCUS_LESSON;
	if (t->present)
		relayout(t);
	t->dirty = 1;
}

static void
scroll_output(struct tui *t, int delta)
{
	size_t i;
	int total = 0;

	for (i = 0; i < t->nout; i++) {
		char *s = view_out_text(&t->out[i]);

		total += tui_wrap(s, t->lay.output.w > 0 ? t->lay.output.w : 1,
		    NULL, NULL);
		free(s);
	}
	t->out_scroll += delta;
	/* Scrolled back, the area's last row is the "newer below" note. */
	if (t->out_scroll > total - t->lay.output.h + 1)
		t->out_scroll = total - t->lay.output.h + 1;
	if (t->out_scroll < 0)
		t->out_scroll = 0;
	t->dirty = 1;
}

/* Reads a page number in the status line; -1 when cancelled. */
static int
ask_page(struct tui *t)
{
	char num[8] = "", last[16];
	size_t n = 0;
	long v;
	int shown = 0;		/* the screen shows num */

	snprintf(last, sizeof(last), "%d", t->lesson->npages);
	for (;;) {
		int c;

		if (!shown) {
			utf8_snprintf(t->note, sizeof(t->note),
			    _("go to page (1-%s): "), last);
			strncat(t->note, num, sizeof(t->note) -
			    strlen(t->note) - 1);
			redraw(t);
			shown = 1;
		}
		c = tui_getch();
		if (c == ERR) {		/* the poll timeout: nothing new */
			if (tui_quit_signal)
				return -1;
			continue;
		}
		shown = 0;
		if (c == KEY_RESIZE) {
			relayout(t);
			continue;
		}
		if (c >= '0' && c <= '9' && n + 1 < sizeof(num)) {
			num[n++] = (char)c;
			num[n] = '\0';
		} else if ((c == KEY_BACKSPACE || c == 127 || c == 8) && n > 0) {
			num[--n] = '\0';
		} else if (c == '\r' || c == '\n' || c == KEY_ENTER) {
			break;
		} else if (c == 27 || c == 3 || c == 'q') {
			n = 0;
			break;
		}
	}
	t->note[0] = '\0';
	if (n == 0 || parse_long(num, &v) != 0)
		return -1;
	if (v < 1 || v > t->lesson->npages) {
		snprintf(t->note, sizeof(t->note), "%s",
		    _("no such page"));
		return -1;
	}
	return (int)v - 1;
}

static void
key_menu(struct tui *t, int c)
{
	t->note[0] = '\0';
	switch (c) {
	case KEY_UP:
	case 'k':
		if (t->sel > 0)
			t->sel--;
		break;
	case KEY_DOWN:
	case 'j':
		if (t->sel + 1 < t->nitems)
			t->sel++;
		break;
	case KEY_HOME:
		t->sel = 0;
		break;
	case KEY_END:
		t->sel = t->nitems - 1;
		break;
	case '\r':
	case '\n':
	case KEY_ENTER:
	case ' ':
	case KEY_RIGHT:
		menu_open(t, t->sel);
		break;
	case 'l':
	case 'L':
		t->lang_ko = !t->lang_ko;
		lang_shown(t);
		i18n_set_lang(tui_lang_code(t));
		lang_say(t);
		menu_load(t);
		break;
	case 'q':
	case 'Q':
	case 3:
		t->quit = 1;
		break;
	default:
		/* A digit selects the lesson with that number; any other
		 * key says what the menu's keys are. */
		if (c >= '0' && c <= '9') {
			int i, found = 0;

			for (i = 0; i < t->nitems; i++)
				if (t->items[i].path != NULL &&
				    t->items[i].number == c - '0') {
					t->sel = i;
					found = 1;
				}
			if (!found)
				utf8_snprintf(t->note, sizeof(t->note),
				    _("no lesson %c here: the digits choose "
				    "the lessons listed"), c);
		} else if (c != KEY_RESIZE && c != ERR) {
			char k[32];

			key_label(c, k, sizeof(k));
			utf8_snprintf(t->note, sizeof(t->note),
			    _("'%s' does nothing in the menu: its keys are "
			    "on the line below"), k);
		}
		break;
	}
	t->dirty = 1;
}

static void
key_lesson(struct tui *t, int c)
{
	int p, tb;

	t->note[0] = '\0';
	/*
	 * One key model: on a lesson page the digits answer (the labels of
	 * the waiting question's choices) and do nothing else; every other
	 * key is a page key and never answers; a key that does nothing says
	 * so, with the keys of the page.
	 */
	if (t->run != NULL && c >= '0' && c <= '9') {
		digit_key(t, c);
		t->dirty = 1;
		return;
	}
	if (scroll_key(t, c)) {
		t->dirty = 1;
		return;
	}
	if (c == 'N' && t->run != NULL) {
		next_lesson(t);
		t->dirty = 1;
		return;
	}
	if (c == '<' || c == '>') {
		if (!turn_chart(t, c == '<' ? -1 : 1))
			snprintf(t->note, sizeof(t->note), "%s",
			    _("no other chart this way"));
		t->dirty = 1;
		return;
	}
	if (c == 'r' && t->run != NULL) {
		rerun_page(t);
		return;
	}
	switch (c) {
	case ' ':
		if (t->present && t->run != NULL) {
			present_step(t);	/* classroom: a step a key */
			break;
		}
		/* Like a pager: the rest of a long page first. */
		if (t->lesson_scroll + t->lesson_view < t->lesson_total) {
			t->lesson_scroll += t->lesson_view > 2 ?
			    t->lesson_view - 1 : 1;
			view_chart_deck(t)->held = 0;
			break;
		}
		turn_page(t, 1);
		break;
	case 'n':
	case KEY_NPAGE:
		turn_page(t, 1);
		break;
	case 'p':
	case KEY_PPAGE:
	case KEY_BACKSPACE:
		turn_page(t, -1);
		break;
	case 'g':
		if (t->run != NULL && (p = ask_page(t)) >= 0)
			show_page(t, p, 1);
		break;
	case 'm':
		lesson_close(t);
		menu_load(t);
		t->screen = SCR_MENU;
		break;
	case 'q':
	case 'Q':
		t->quit = 1;
		break;
	case 'h':
		if ((tb = try_block(t)) >= 0) {
			if (lesson_reveal_hint(t->run, tb) >= 0) {
				t->show_block = tb;	/* the hint in view */
				t->show_tail = 1;
				break;
			}
		}
		snprintf(t->note, sizeof(t->note), "%s",
		    _("no (more) hints on this page"));
		break;
	case '\r':
	case '\n':
	case KEY_ENTER:
		if ((tb = try_block(t)) >= 0) {
			const struct lesson_block *b =
			    &t->lesson->pages[t->run->page].blocks[tb];

			if (b->suggest != NULL && rl_end == 0)
				tui_input_set_line(b->suggest);
			focus_prompt(t);
		} else if (t->present) {
			present_step(t);
		} else {
			turn_page(t, 1);
		}
		break;
	case ':':
	case '\t':
	case '/':
		focus_prompt(t);
		break;
	case 3:
		snprintf(t->note, sizeof(t->note), "%s",
		    _(TUI_PROMPT_HINT));
		break;
	default:
		/* In the free lab any other printable key starts a command
		 * line; on a lesson page it does nothing, and says so. */
		if (c > 0x20 && c < 0x7f && t->run == NULL) {
			focus_prompt(t);
			tui_input_key(c);
		} else if (t->run != NULL) {
			ignored_key(t, c);
		}
		break;
	}
	t->dirty = 1;
}

static void
key_prompt(struct tui *t, int c)
{
	switch (c) {
	case 3:
		tui_input_cancel();
		break;
	case 27:
		/* A lone Esc leaves the prompt; Esc + key is Meta-key. */
		timeout(0);
		c = tui_getch();
		timeout(POLL_MS);
		if (c == ERR) {
			focus_lesson(t);
		} else {
			tui_input_key(27);
			tui_input_key(c);
		}
		break;
	case KEY_PPAGE:
		scroll_output(t, t->lay.output.h > 2 ? t->lay.output.h - 1 : 1);
		break;
	case KEY_NPAGE:
		scroll_output(t, -(t->lay.output.h > 2 ? t->lay.output.h - 1 :
		    1));
		break;
	case KEY_F(1):
		open_help(t);
		break;
	case ':':
		/* the key that opened the prompt, pressed again out of habit:
		 * no command starts with it */
		if (rl_end == 0) {
			snprintf(t->note, sizeof(t->note), "%s",
			    _("the prompt is open: type a command (Esc: page "
			    "keys)"));
			break;
		}
		tui_input_key(c);
		break;
	default:
		/* on an empty line (no command starts with them) < and >
		 * turn the charts, as on the page */
		if ((c == '<' || c == '>') && rl_end == 0 &&
		    turn_chart(t, c == '<' ? -1 : 1))
			break;
		tui_input_key(c);
		break;
	}
	t->dirty = 1;
}

/*
 * Esc outside the prompt: the rest of an escape sequence curses did not
 * know (a terminal whose keys differ from its terminfo entry) arrives at
 * once; it is dropped so that "ESC [ 4 ~" does not act as the keys [ and 4.
 */
static void
swallow_escape(void)
{
	int c, n = 0;

	timeout(0);
	c = getch();
	if (c == '[' || c == 'O') {
		/* CSI / SS3: parameters, then one final byte. */
		while ((c = getch()) != ERR && n++ < 16)
			if (c >= 0x40 && c <= 0x7e)
				break;
	}
	/* Anything else after the Esc is dropped too (Meta-key). */
	timeout(POLL_MS);
}

static void
handle_key(struct tui *t, int c)
{
	if (c == KEY_RESIZE) {
		relayout(t);
		return;
	}
	if (t->pager != NULL && c != KEY_RESIZE && c != 26 &&
	    !t->lay.too_small) {
		pager_key(t, c);
		return;
	}
	if (c == 27 && (t->screen == SCR_MENU || t->focus != FOCUS_PROMPT)) {
		swallow_escape();
		if (t->help) {
			t->help = 0;
			t->dirty = 1;
		}
		return;
	}
	if (c == 26) {			/* Ctrl-Z */
		tui_term_suspend();
		relayout(t);
		return;
	}
	if (t->help) {
		if (!view_help_key(t, c))
			t->help = 0;
		t->dirty = 1;
		return;
	}
	if (t->lay.too_small) {
		if (c == 'q' || c == 'Q' || c == 3)
			t->quit = 1;
		return;
	}
	if (t->screen == SCR_MENU) {
		if (c == '?' || c == KEY_F(1))
			open_help(t);
		else
			key_menu(t, c);
		t->dirty = 1;
		return;
	}
	if (c == KEY_F(5) || (c == 'P' && t->focus != FOCUS_PROMPT)) {
		toggle_present(t);
		return;
	}
	if (t->focus == FOCUS_PROMPT) {
		key_prompt(t, c);
	} else if (c == '?' || c == KEY_F(1)) {
		open_help(t);
		t->dirty = 1;
	} else {
		key_lesson(t, c);
	}
}

/* ------------------------------------------------------------ main */

/* Opens o->lesson ("0" = the first lesson); -1 when not found. */
static int
open_initial(struct tui *t, const char *spec)
{
	struct strbuf err;
	char *path = NULL;
	long n;

	if (parse_long(spec, &n) == 0 && n >= 0) {
		int i;

		for (i = 0; i < t->nitems; i++) {
			if (t->items[i].path == NULL)
				continue;
			if (t->items[i].number == n) {
				menu_open(t, i);
				return 0;
			}
		}
		/* No lesson with that number: a 0-based index (0 = first). */
		if (n == 0 && t->nitems > 1) {
			menu_open(t, 0);
			return 0;
		}
	}
	strbuf_init(&err);
	path = lesson_resolve(spec, tui_lang_code(t), &err);
	if (path == NULL) {
		char buf[256];

		utf8_snprintf(buf, sizeof(buf), _("no lesson '%s'"), spec);
		out_add(t, TR_ERROR, err.len > 0 ? err.s : buf);
		snprintf(t->note, sizeof(t->note), "%s", buf);
		strbuf_done(&err);
		return -1;
	}
	strbuf_done(&err);
	lesson_open_path(t, path);
	free(path);
	return 0;
}

int
tui_main(const struct tui_options *o)
{
	struct tui_input_hooks hooks;
	struct strbuf err;
	struct tui t;
	int sig, sel;

	/* First readline touch, before curses and any rl_* call: otherwise
	 * readline exports LINES/COLUMNS and resizing stops working. */
	rl_change_environment = 0;

	memset(&t, 0, sizeof(t));
	t.show_block = -1;
	t.o = o;
	tui_term.utf8 = tui_term_locale();
	tui_term.ascii = o->ascii || !tui_term.utf8;
	tui_ascii_text(!tui_term.utf8);
	tui_term.present = o->present;
	t.present = o->present;
	t.lang_ko = strcmp(o->lang != NULL ? o->lang : lesson_env_lang(),
	    "ko") == 0;
	i18n_set_lang(tui_lang_code(&t));

	t.lab = session_new(o->seed);
	t.s = t.lab;
	t.tr = transcript_new();
	t.pend = transcript_new();
	t.losses = transcript_new();
	t.train_at = -1;
	t.show_after = -1;
	strbuf_init(&err);
	t.prog = progress_load(NULL, &err);
	grid_init(&t.chart, 0, 0);
	grid_init(&t.big, 0, 0);
	session_set_epoch_hook(t.lab, epoch_hook, &t);
	the_tui = &t;

	if (tui_term_start(o->color) != 0) {
		strbuf_done(&err);
		session_free(t.lab);
		transcript_free(t.tr);
		chart_deck_free(&t.lab_deck);
		transcript_free(t.pend);
		transcript_free(t.losses);
		progress_free(t.prog);
		grid_done(&t.chart);
		grid_done(&t.big);
		return 1;
	}
	timeout(POLL_MS);
	hooks.on_line = on_line;
	hooks.show_matches = on_matches;
	hooks.answer_words = answer_words;
	hooks.ctx = &t;
	tui_input_init(PROMPT, &hooks);
	tui_input_idle_key = on_idle_key;
	report_files(&t, &err);	/* a corrupt progress file set aside */
	lang_shown(&t);		/* --lang ko on a terminal without UTF-8 */
	if (o->lang_note != NULL && t.said_lang == 0) {
		/* main() chose English for it: said here, where it is seen,
		 * in the output and on the menu's message line */
		t.said_lang = -1;
		lang_say(&t);
		utf8_snprintf(t.note, sizeof(t.note), "%s", o->lang_note);
	}

	menu_load(&t);
	/* the menu opens on the lesson in progress (or the next one) */
	if (menu_in_progress(&t, &sel) >= 0 || sel >= 0)
		t.sel = sel;
	t.screen = SCR_MENU;
	relayout(&t);
	if (o->lesson != NULL)
		open_initial(&t, o->lesson);
	lang_say(&t);

	while (!t.quit && !tui_quit_signal) {
		int c;

		if (t.dirty)
			redraw(&t);
		c = tui_getch();
		if (c != ERR)
			handle_key(&t, c);
		if (t.pending_eof) {
			t.pending_eof = 0;
			t.quit = 1;
		}
		if (t.pending != NULL) {
			char *line = t.pending;

			t.pending = NULL;
			run_line(&t, line);
			free(line);
		}
	}

	sig = tui_quit_signal;
	tui_input_done(&err);
	tui_term_stop();
	report_files(&t, &err);
	strbuf_done(&err);
	lesson_close(&t);
	menu_free(&t);
	for (size_t i = 0; i < t.nout; i++)
		free(t.out[i].text);
	free(t.out);
	free(t.pending);
	free(t.pager);
	grid_done(&t.chart);
	grid_done(&t.big);
	transcript_free(t.tr);
	chart_deck_free(&t.lab_deck);
	transcript_free(t.pend);
	transcript_free(t.losses);
	free(t.loss_at);
	free(t.loss_by);
	session_free(t.ls);
	session_free(t.lab);
	progress_free(t.prog);
	the_tui = NULL;
	if (sig != 0) {
		/* Terminal restored; now die of the signal as asked. */
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return 0;
}
