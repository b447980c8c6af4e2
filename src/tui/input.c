#include "config.h"
/*
 * input.c - GNU readline inside curses, through the callback interface.
 *
 * curses owns the terminal; readline only edits a buffer.  The recipe (see
 * the project's build notes, section 1) is followed exactly:
 * rl_change_environment = 0 before any other readline call (tui_main does
 * it first), readline's own terminal preparation and signal handling off,
 * keys fed one by one from curses, a getc hook that blocks in curses when
 * readline wants the rest of a multibyte character or key sequence, and a
 * redisplay hook that draws the prompt row itself: cursor column from the
 * display width of the text before rl_point (rl_point is a byte offset),
 * horizontal scrolling by columns.  Completion lists go into the output
 * area through a hook instead of being printed over the screen.
 *
 * Keys arrive with curses keypad on (the lesson pane needs PgDn, F1); the
 * few editing keys curses decodes are turned back into the byte sequences
 * readline binds by default.
 */

#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "cmd/cmd.h"
#include "tui/hints.h"
#include "tui/tui-int.h"
#include "util/i18n.h"
#include "util/util.h"


void (*tui_input_idle_key)(int c);

static struct tui_input_hooks hooks;
static const char *prompt_text;		/* as given to tui_input_init */
static unsigned char queue[64];		/* bytes waiting for readline */
static int qhead, qlen;
static int hscroll;			/* first visible column of the line */
static struct tui_rect prompt_rect;
static int prompt_focused;
static FILE *devnull;
static char **cands;			/* current completion candidates */
static size_t cand_next;
static int installed;

/* ------------------------------------------------------------ keys */

static void
push_byte(int b)
{
	if (qlen < (int)sizeof(queue))
		queue[(qhead + qlen++) % sizeof(queue)] = (unsigned char)b;
}

static void
push_str(const char *s)
{
	while (*s != '\0')
		push_byte((unsigned char)*s++);
}

static int
pop_byte(void)
{
	int b = queue[qhead];

	qhead = (qhead + 1) % (int)sizeof(queue);
	qlen--;
	return b;
}

/* A key from curses as readline's input bytes. */
static void
push_key(int c)
{
	if (c >= 0 && c < 256) {
		push_byte(c);
		return;
	}
	switch (c) {
	case KEY_LEFT:		push_str("\033[D"); break;
	case KEY_RIGHT:		push_str("\033[C"); break;
	case KEY_UP:		push_str("\033[A"); break;
	case KEY_DOWN:		push_str("\033[B"); break;
	case KEY_HOME:		push_str("\033[H"); break;
	case KEY_END:		push_str("\033[F"); break;
	case KEY_DC:		push_str("\033[3~"); break;
	case KEY_BACKSPACE:	push_byte(0x7f); break;
	case KEY_ENTER:		push_byte('\r'); break;
	default:		break;	/* not an editing key */
	}
}

int
tui_getch(void)
{
	static int quick;
	long long t0 = tui_now_ms();
	int c = getch();

	if (c != ERR) {
		quick = 0;
		return c;
	}
	/* A waiting read that keeps failing at once: the terminal is gone
	 * (end of file without SIGHUP).  Wind down instead of spinning. */
	if (tui_now_ms() - t0 < 2) {
		if (++quick >= 100)
			tui_quit_signal = SIGHUP;
	} else {
		quick = 0;
	}
	return ERR;
}

int
tui_getkey_wait(void)
{
	for (;;) {
		int c = tui_getch();

		if (c == ERR) {
			if (tui_quit_signal)
				return ERR;
			continue;	/* the poll timeout */
		}
		if (c == KEY_RESIZE) {
			if (tui_input_idle_key != NULL)
				tui_input_idle_key(c);
			continue;
		}
		return c;
	}
}

/* readline's getc: the next queued byte, else block in curses for more
 * (readline asks for the rest of a multibyte character or sequence). */
static int
getc_cb(FILE *f)
{
	(void)f;
	while (qlen == 0) {
		int c = tui_getkey_wait();

		if (c == ERR)
			return EOF;
		push_key(c);
	}
	return pop_byte();
}

static int
avail_cb(void)
{
	return qlen > 0;
}

void
tui_input_key(int c)
{
	push_key(c);
	while (qlen > 0 && installed)
		rl_callback_read_char();
}

/* ------------------------------------------------------------ display */

static void
redisplay_cb(void)
{
	if (prompt_rect.w > 0 && prompt_rect.h > 0) {
		tui_input_draw(&prompt_rect, prompt_focused);
		refresh();
	}
}

void
tui_input_draw(const struct tui_rect *r, int focused)
{
	const char *pr = rl_display_prompt != NULL ? rl_display_prompt : "> ";
	const char *line = rl_line_buffer != NULL ? rl_line_buffer : "";
	int pw, avail, total, cur, col = 0;
	size_t i = 0, n = (size_t)(rl_end > 0 ? rl_end : 0);

	prompt_rect = *r;
	prompt_focused = focused;
	if (r->w <= 0 || r->h <= 0)
		return;
	tui_clear_rect(r);
	pw = tui_put_text(r->y, r->x, r->w / 2, pr, strlen(pr), GRID_TITLE,
	    focused ? GRID_BOLD : GRID_DIM);
	avail = r->w - pw;
	total = tui_text_cols(line, n);
	cur = tui_text_cols(line, (size_t)(rl_point > 0 ? rl_point : 0));
	hscroll = tui_hscroll(cur, total, avail, hscroll);
	if (hscroll > 0 && pw > 0)
		tui_put_text(r->y, r->x + pw - 1, 1, "<", 1, GRID_MARKER,
		    GRID_BOLD);
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(line + i, n - i, &cp);
		int w = tui_text_cols(line + i, k);

		if (col >= hscroll) {
			if (col - hscroll + w > avail)
				break;
			tui_put_text(r->y, r->x + pw + col - hscroll, w,
			    line + i, k, GRID_DEFAULT, 0);
		}
		col += w;
		i += k;
	}
	if (focused && n == 0 && avail > 2)	/* what the keys do now */
		tui_put_text(r->y, r->x + pw + 1, avail - 1,
		    _(TUI_PROMPT_EMPTY), (size_t)-1, GRID_LABEL, GRID_DIM);
	if (focused) {
		move(r->y, r->x + pw + cur - hscroll);
		tui_cursor(1);
	}
}

/* ------------------------------------------------------------ lines */

static void
line_cb(char *line)
{
	if (line != NULL && line[0] != '\0') {
		HIST_ENTRY *last = history_length > 0 ?
		    history_get(history_base + history_length - 1) : NULL;

		if (last == NULL || strcmp(last->line, line) != 0)
			add_history(line);
	}
	hscroll = 0;
	if (hooks.on_line != NULL)
		hooks.on_line(hooks.ctx, line);
	free(line);
}

void
tui_input_cancel(void)
{
	rl_free_line_state();
	rl_callback_sigcleanup();
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
	rl_mark = 0;
	hscroll = 0;
	qlen = 0;
	/* Leave any search or argument mode: reinstall the prompt. */
	rl_callback_handler_remove();
	rl_callback_handler_install(prompt_text, line_cb);
}

void
tui_input_set_line(const char *s)
{
	rl_replace_line(s, 0);
	rl_point = rl_end;
}

/* ------------------------------------------------------------ completion */

static char *
gen_cb(const char *text, int state)
{
	(void)text;
	(void)state;
	if (cands == NULL || cands[cand_next] == NULL)
		return NULL;
	return xstrdup(cands[cand_next++]);
}

/* "answer" alone on the line: the shell's command while a lesson is open
 * (tui.c reads the whole line); its argument, the second word, completes
 * to the waiting question's labels and words.  Returns 1 and the words in
 * *v when the word ending at end is that argument; 0 for any other word. */
static int
answer_complete(const char *line, int end, char ***v)
{
	static const char name[] = "answer";
	const char *p = line, *e = line + end;
	size_t nl = sizeof(name) - 1;

	if (hooks.answer_words == NULL ||
	    hooks.answer_words(hooks.ctx, NULL) == 0)
		return 0;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (memchr(p, ';', (size_t)(e - p)) != NULL)
		return 0;
	/* the first word is the command table's (answer is a row of it) */
	if (memchr(p, ' ', (size_t)(e - p)) == NULL &&
	    memchr(p, '\t', (size_t)(e - p)) == NULL)
		return 0;
	if ((size_t)(e - p) <= nl || strncmp(p, name, nl) != 0 ||
	    (p[nl] != ' ' && p[nl] != '\t'))
		return 0;
	for (p += nl; p < e && (*p == ' ' || *p == '\t'); p++)
		;
	if (memchr(p, ' ', (size_t)(e - p)) != NULL ||
	    memchr(p, '\t', (size_t)(e - p)) != NULL) {
		*v = xcalloc(1, sizeof(**v));	/* one word only */
		return 1;
	}
	hooks.answer_words(hooks.ctx, v);
	if (*v == NULL) {
		*v = xcalloc(1, sizeof(**v));
		return 1;
	}
	/* those that begin with what is typed */
	for (size_t i = 0, k = 0;; i++) {
		char *w = (*v)[i];

		if (w != NULL && strncmp(w, p, (size_t)(e - p)) != 0) {
			free(w);
			continue;
		}
		(*v)[k++] = w;
		if (w == NULL)
			break;
	}
	return 1;
}

char **
tui_complete(const char *text, int start, int end)
{
	size_t st = 0, i;
	char **v, **m;

	rl_attempted_completion_over = 1;	/* never file names */
	if (answer_complete(rl_line_buffer, end, &v))
		st = (size_t)start;
	else
		v = cmd_complete(rl_line_buffer, (size_t)end, &st);
	/* Align the candidates with readline's idea of the word start
	 * (cmd_complete may begin the word after "key="). */
	for (i = 0; v[i] != NULL; i++) {
		char *c = v[i];

		if (st < (size_t)start) {
			size_t d = (size_t)start - st;

			if (strlen(c) >= d)
				memmove(c, c + d, strlen(c + d) + 1);
		} else if (st > (size_t)start) {
			v[i] = xasprintf("%.*s%s", (int)(st - (size_t)start),
			    rl_line_buffer + start, c);
			free(c);
		}
	}
	cands = v;
	cand_next = 0;
	m = rl_completion_matches(text, gen_cb);
	/* a single "key=": its value follows, not a space */
	if (m != NULL && v[0] != NULL && v[1] == NULL && v[0][0] != '\0' &&
	    v[0][strlen(v[0]) - 1] == '=')
		rl_completion_suppress_append = 1;
	cmd_complete_free(v);
	cands = NULL;
	return m;
}

static void
show_matches_cb(char **matches, int num, int max_len)
{
	(void)max_len;
	if (hooks.show_matches != NULL)
		hooks.show_matches(hooks.ctx, (const char *const *)(matches + 1),
		    num);
	rl_forced_update_display();
}

/* ------------------------------------------------------------ setup */

char *
tui_history_path(void)
{
	return xdg_path("XDG_STATE_HOME", ".local/state", "regtutor/history");
}

int
tui_history_usable(const char *path, char *why, size_t len)
{
	struct stat st;
	char lim[32];

	if (stat(path, &st) != 0)
		return 0;	/* not there yet: written at the end */
	if (S_ISDIR(st.st_mode)) {
		snprintf(why, len, _("is a directory"));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, len, _("not a regular file"));
		return -1;
	}
	if (st.st_size > TUI_HISTORY_MAX_BYTES) {
		format_size(TUI_HISTORY_MAX_BYTES, lim, sizeof lim);
		snprintf(why, len, _("too large (limit %s)"), lim);
		return -1;
	}
	return 0;
}

/* Why the history file is not used this time ("" when it is). */
static char hist_refused[128];

void
tui_input_init(const char *prompt, const struct tui_input_hooks *h)
{
	char *hist;

	hooks = *h;
	prompt_text = prompt;
	qhead = qlen = 0;
	hscroll = 0;
	/* rl_change_environment = 0 has been set by tui_main already. */
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_getc_function = getc_cb;
	rl_input_available_hook = avail_cb;
	rl_redisplay_function = redisplay_cb;
	rl_completion_display_matches_hook = show_matches_cb;
	rl_attempted_completion_function = tui_complete;
	rl_completer_word_break_characters = " \t;";
	rl_readline_name = "regtutor";
	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	if (devnull != NULL)
		rl_outstream = devnull;	/* readline never writes the tty */
	rl_variable_bind("bell-style", "none");
	rl_variable_bind("show-all-if-ambiguous", "on");
	rl_variable_bind("enable-bracketed-paste", "off");
	using_history();
	stifle_history(TUI_HISTORY_MAX);
	hist = tui_history_path();
	hist_refused[0] = '\0';
	if (hist != NULL) {
		if (tui_history_usable(hist, hist_refused,
		    sizeof hist_refused) == 0)
			read_history(hist);
		free(hist);
	}
	rl_callback_handler_install(prompt, line_cb);
	rl_set_screen_size(1, 4096);
	installed = 1;
}

void
tui_input_done(struct strbuf *err)
{
	char *hist;
	int e;

	if (!installed)
		return;
	installed = 0;
	rl_callback_handler_remove();
	hist = tui_history_path();
	if (hist != NULL && hist_refused[0] != '\0') {
		strbuf_addf(err, _("the command history %s was not used: %s\n"),
		    hist, hist_refused);
		free(hist);
		hist = NULL;
	}
	if (hist != NULL) {
		e = mkdir_parents(hist, 0700) != 0 ? errno : write_history(hist);
		if (e != 0)
			strbuf_addf(err, _("cannot save the command history to "
			    "%s: %s\n"), hist, strerror(e));
		free(hist);
	}
	clear_history();
	if (devnull != NULL) {
		rl_outstream = NULL;
		fclose(devnull);
		devnull = NULL;
	}
}
