#include "config.h"
/*
 * lab-file.c - the lab state file written by "save" and read by "load".
 *
 * The file is a command script with payload blocks.  Format, version 2
 * (text, one item per line, '#' comment lines allowed):
 *
 *   regtutor-lab 2
 *   set KEY VALUE                  every setting, as the "set" command
 *                                  takes it (numbers %.17g)
 *   data KIND n=N noise=X split=S [test=T] seed=N   generated data, or
 *   csv L                          for loaded rows, L lines of CSV as
 *   ...                            "export data" writes them (header
 *   data load - split=S [test=T] seed=N   first), then the data command
 *                                  that reads them ("-": these rows)
 *   net                            when there is a network:
 *   regtutor-net 2 ... end         the engine's own net format (nn.h)
 *   history N                      N lines "epoch,train,val,penalty,
 *   ...                            train_acc,val_acc,lr" (nan for "none");
 *                                  restored, so a loaded net goes on from
 *                                  epoch N (files without the lr field
 *                                  load too; epoch wall times are not kept)
 *   start N                        the net's starting weights (what
 *   N numbers, 4 a line            w_dist_init measures from), layer by
 *                                  layer as the net block's W; without
 *                                  it the loaded weights are the start
 *   end
 *
 * The set and data lines are the command language itself: each is
 * checked as the interpreter checks it (cmd_check(): the same messages,
 * as file:line:column) before any runs, and then they are replayed in a
 * session of their own, so a lab file accepts exactly what the commands
 * accept.  Version 1 files (rows inline after "data csv rows=R nin=I
 * nout=O split=S seed=N"; "set patience 0" for no early stopping before
 * "early" existed) load too.  Numbers print with %.17g, so save + load
 * reproduces the weights exactly.  Loading builds a complete new lab
 * first; on any error it names file:line and the session is not touched.
 */

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"


char *
lab_dump(const struct lab *l)
{
	const struct nn_setting *d;
	struct strbuf b;
	char buf[64];

	strbuf_init(&b);
	strbuf_adds(&b, "regtutor-lab 2\n");
	for (int i = 0; (d = nn_setting_at(i)) != NULL; i++) {
		nn_setting_get(&l->cfg, d, buf, sizeof buf);
		strbuf_addf(&b, "set %s %s\n", d->name, buf);
	}
	/* test= only when there is a test split */
	if (l->ds.test > 0)
		snprintf(buf, sizeof buf, " test=%.17g", l->ds.test);
	else
		buf[0] = '\0';
	if (l->all != NULL && l->ds.kind >= 0) {
		strbuf_addf(&b, "data %s n=%ld noise=%.17g split=%.17g%s "
		    "seed=%ld\n", nn_dataset_kind_name(l->ds.kind), l->ds.n,
		    l->ds.noise, l->ds.split, buf, l->ds.seed);
	} else if (l->all != NULL) {
		char *rows = NULL;
		size_t len = 0, lines = 0;
		FILE *mf = open_memstream(&rows, &len);

		if (mf == NULL || nn_dataset_write_csv(l->all, mf) != 0)
			abort();	/* out of memory */
		fclose(mf);
		for (size_t i = 0; i < len; i++)
			lines += rows[i] == '\n';
		strbuf_addf(&b, "csv %zu\n%sdata load - split=%.17g%s "
		    "seed=%ld\n", lines, rows, l->ds.split, buf, l->ds.seed);
		free(rows);
	}
	if (l->net != NULL) {
		char *s = nn_net_save_string(l->net);
		const struct nn_epoch *h;
		int n = nn_net_history(l->net, &h);

		strbuf_addf(&b, "net\n%s", s);
		if (b.len > 0 && b.s[b.len - 1] != '\n')
			strbuf_addch(&b, '\n');
		free(s);
		strbuf_addf(&b, "history %d\n", n);
		for (int i = 0; i < n; i++)
			strbuf_addf(&b, "%d,%.17g,%.17g,%.17g,%.17g,%.17g,"
			    "%.17g\n", h[i].epoch, h[i].train_loss,
			    h[i].val_loss, h[i].penalty, h[i].train_acc,
			    h[i].val_acc, h[i].lr);
		strbuf_addf(&b, "start %ld\n", nn_net_nweights(l->net));
		for (int k = 0, m = 0; k < nn_net_nlayers(l->net); k++) {
			int in, out;
			const double *w = nn_net_start_weights(l->net, k, &in,
			    &out);

			for (long i = 0; i < (long)in * out; i++, m++)
				strbuf_addf(&b, "%.17g%s", w[i],
				    m % 4 == 3 ? "\n" : " ");
		}
		if (b.s[b.len - 1] == ' ')
			b.s[b.len - 1] = '\n';
	}
	strbuf_adds(&b, "end\n");
	return strbuf_detach(&b);
}

char *
session_dump(struct session *s)
{
	return lab_dump(&s->lab);
}

/* ------------------------------------------------------------ loading */

struct reader {
	struct line_reader lr;
	const char *name;
	int line;
	int failed;		/* a message is in err: the first one stays */
	char *err;
	size_t errlen;
};

static int
fail(struct reader *r, const char *msg)
{
	if (!r->failed)
		snprintf(r->err, r->errlen, "%s:%d: %s", r->name, r->line,
		    msg);
	r->failed = 1;
	return -1;
}

/* Next line without its newline, skipping '#' comments; NULL at EOF or
 * when the file is over its limits (the message is then in err). */
static char *
next_line(struct reader *r)
{
	char *buf, why[64];

	while ((buf = line_next(&r->lr, NULL)) != NULL) {
		r->line++;
		if (buf[0] == '#')
			continue;
		return buf;
	}
	if (r->lr.error != LINE_OK) {
		r->line++;
		fail(r, line_error(&r->lr, why, sizeof why));
	}
	return NULL;
}

static int
read_net(struct reader *r, struct lab *l)
{
	struct strbuf b;
	char *line, err[512];
	int line0 = r->line;
	FILE *mf;

	strbuf_init(&b);
	while ((line = next_line(r)) != NULL) {
		strbuf_addf(&b, "%s\n", line);
		if (strcmp(line, "end") == 0)
			break;
	}
	if (line == NULL) {
		strbuf_done(&b);
		return fail(r, _("unexpected end of file in the net block"));
	}
	mf = fmemopen(b.s, b.len, "r");
	if (mf == NULL) {
		strbuf_done(&b);
		return fail(r, _("cannot read the net block"));
	}
	l->net = nn_net_load(mf, r->name, line0, err, sizeof err);
	fclose(mf);
	strbuf_done(&b);
	if (l->net == NULL) {
		snprintf(r->err, r->errlen, "%s", err);
		return -1;
	}
	nn_net_spec(l->net, l->spec, sizeof l->spec);
	return 0;
}

/* A history number: what %.17g wrote, nan and inf included. */
static int
hist_number(const char *s, double *v)
{
	const char *t = s[0] == '-' ? s + 1 : s;

	if (strcmp(t, "nan") == 0) {
		*v = NAN;
		return 0;
	}
	if (strcmp(t, "inf") == 0) {
		*v = s[0] == '-' ? -INFINITY : INFINITY;
		return 0;
	}
	return parse_double(s, v);
}

/* "history N" and its rows, put back into the net read before. */
static int
read_history(struct reader *r, struct lab *l, const char *count)
{
	struct nn_epoch *h;
	long n;
	char err[256];

	if (parse_long(count, &n) != 0 || n < 0 || n > INT_MAX)
		return fail(r, _("bad history count"));
	if (l->net == NULL)
		return fail(r, _("a history without a net"));
	if (nn_net_history(l->net, NULL) > 0)
		return fail(r, _("a second history"));
	h = NULL;
	for (long i = 0, cap = 0; i < n; i++) {
		char *line = next_line(r), *save = NULL, *tok;
		double f[7];
		int j = 0;
		long ep;

		if (line == NULL) {
			free(h);
			return fail(r, _("unexpected end of file in the history"));
		}
		if (i == cap) {		/* grown as rows come: n may lie */
			cap = cap ? 2 * cap : 256;
			h = xrealloc(h, (size_t)cap * sizeof *h);
		}
		for (tok = strtok_r(line, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save), j++)
			if (j >= 7 || (j == 0 ? parse_long(tok, &ep) != 0 ||
			    ep != i + 1 : hist_number(tok, &f[j]) != 0)) {
				free(h);
				return fail(r, _("bad history row (expected "
				    "EPOCH,train,val,penalty,train_acc,"
				    "val_acc,lr, epochs from 1)"));
			}
		if (j < 6) {
			free(h);
			return fail(r, _("bad history row (too few fields)"));
		}
		h[i].epoch = (int)ep;
		h[i].train_loss = f[1];
		h[i].val_loss = f[2];
		h[i].penalty = f[3];
		h[i].train_acc = f[4];
		h[i].val_acc = f[5];
		h[i].lr = j == 7 ? f[6] : nn_net_config(l->net)->lr;
	}
	if (nn_net_set_history(l->net, h, (int)n, err, sizeof err) != 0) {
		free(h);
		return fail(r, err);
	}
	free(h);
	return 0;
}

/* "start N" and its numbers, whitespace-separated over as many lines as
 * it takes: the starting weights of the net read before. */
static int
read_start(struct reader *r, struct lab *l, const char *count)
{
	long n, got = 0, nw;
	double *v;

	if (l->net == NULL)
		return fail(r, _("starting weights without a net"));
	nw = nn_net_nweights(l->net);
	if (parse_long(count, &n) != 0 || n != nw)
		return fail(r, _("bad start count (expected the number of the "
		    "net's weights)"));
	v = xcalloc((size_t)nw + 1, sizeof *v);
	while (got < n) {
		char *line = next_line(r), *save = NULL, *tok;

		if (line == NULL) {
			free(v);
			return fail(r, _("unexpected end of file in the starting "
			    "weights"));
		}
		for (tok = strtok_r(line, " ", &save); tok != NULL;
		    tok = strtok_r(NULL, " ", &save))
			if (got == n || hist_number(tok, &v[got++]) != 0 ||
			    !isfinite(v[got - 1])) {
				free(v);
				return fail(r, _("bad starting weight (expected "
				    "N finite numbers, 4 a line)"));
			}
	}
	for (int k = 0, m = 0; k < nn_net_nlayers(l->net); k++) {
		int in, out;
		double *w = nn_net_start_weights(l->net, k, &in, &out);

		for (long i = 0; i < (long)in * out; i++)
			w[i] = v[m++];
	}
	free(v);
	return 0;
}

/* The script of a lab file: its set and data lines, each with its line
 * number, checked as the interpreter checks them. */
struct script {
	char **line;
	int *lineno;
	int n;
	struct strbuf rows;	/* the csv block */
	int rows_line;		/* its first line, 0: none */
	int reads_rows;		/* a "data load -" line */
	int saw_early;		/* version 1: an "early" line came */
};

static void
script_done(struct script *sc)
{
	for (int i = 0; i < sc->n; i++)
		free(sc->line[i]);
	free(sc->line);
	free(sc->lineno);
	strbuf_done(&sc->rows);
}

/* Checks line (the reader's current line) as a command and keeps it: a
 * single set or data command, valid as cmd_check() judges it. */
static int
script_add(struct reader *r, struct script *sc, const char *line)
{
	struct cmdline *cmds;
	int ncmds, col, bad;
	char err[256];
	size_t off;

	if (cmd_tokenize(line, &cmds, &ncmds, err, sizeof err, &off) != 0)
		ncmds = 0;
	bad = ncmds != 1 || (strcmp(cmds[0].v[0].s, "set") != 0 &&
	    strcmp(cmds[0].v[0].s, "data") != 0);
	if (!bad && strcmp(cmds[0].v[0].s, "data") == 0 && cmds[0].n > 2 &&
	    strcmp(cmds[0].v[1].s, "load") == 0) {
		if (strcmp(cmds[0].v[2].s, "-") != 0)
			bad = 2;
		sc->reads_rows = 1;
	}
	if (ncmds > 0)
		cmd_tokens_free(cmds, ncmds);
	if (bad)
		return fail(r, bad == 2 ? _("a lab file loads its own rows "
		    "('data load -' after a csv block)") : _("expected one "
		    "'set' or 'data' command"));
	if (cmd_check(line, err, sizeof err, &col) != 0) {
		if (!r->failed)
			snprintf(r->err, r->errlen, "%s:%d:%d: %s", r->name,
			    r->line, col, err);
		r->failed = 1;
		return -1;
	}
	sc->line = xrealloc(sc->line, (size_t)(sc->n + 1) * sizeof *sc->line);
	sc->lineno = xrealloc(sc->lineno, (size_t)(sc->n + 1) *
	    sizeof *sc->lineno);
	sc->line[sc->n] = xstrdup(line);
	sc->lineno[sc->n++] = r->line;
	return 0;
}

/* "csv L" and its L lines. */
static int
read_rows(struct reader *r, struct script *sc, const char *count)
{
	long n;

	if (sc->rows_line != 0)
		return fail(r, _("a second csv block"));
	if (parse_long(count, &n) != 0 || n < 1 || n > NN_MAX_EXAMPLES + 1)
		return fail(r, _("bad csv line count"));
	sc->rows_line = r->line + 1;
	for (long i = 0; i < n; i++) {
		char *line = next_line(r);

		if (line == NULL)
			return fail(r, _("unexpected end of file in the csv "
			    "block"));
		strbuf_addf(&sc->rows, "%s\n", line);
	}
	return 0;
}

/* Version 1's "data csv rows=R nin=I nout=O split=S [test=T] seed=N" and
 * its R rows: the rows become the csv block, the line "data load -". */
static int
v1_csv(struct reader *r, struct script *sc, char *words)
{
	struct strbuf cmd;
	long rows = -1, nin = 1, nout = 1, *v;
	char msg[200];
	int rc;

	strbuf_init(&cmd);
	strbuf_adds(&cmd, "data load -");
	for (char *save = NULL, *w = strtok_r(words, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		v = strncmp(w, "rows=", 5) == 0 ? &rows :
		    strncmp(w, "nin=", 4) == 0 ? &nin :
		    strncmp(w, "nout=", 5) == 0 ? &nout : NULL;
		if (v == NULL)
			strbuf_addf(&cmd, " %s", w);
		else if (parse_long(strchr(w, '=') + 1, v) != 0 || *v < 1 ||
		    *v > NN_MAX_EXAMPLES) {
			strbuf_done(&cmd);
			snprintf(msg, sizeof msg, _("data csv %.40s is out of "
			    "range (allowed: 1..%d)"), w, NN_MAX_EXAMPLES);
			return fail(r, msg);
		}
	}
	if (rows < 0) {
		strbuf_done(&cmd);
		return fail(r, _("data csv needs rows="));
	}
	/* refused before a row is read */
	if (rows * (nin + nout) > NN_MAX_VALUES) {
		strbuf_done(&cmd);
		snprintf(msg, sizeof msg, _("data csv rows=%ld nin=%ld "
		    "nout=%ld is %ld numbers, too large (limit %d)"), rows, nin, nout,
		    rows * (nin + nout), NN_MAX_VALUES);
		return fail(r, msg);
	}
	rc = script_add(r, sc, cmd.s);
	strbuf_done(&cmd);
	if (rc != 0)
		return -1;
	sc->rows_line = r->line + 1;
	for (long i = 0; i < rows; i++) {
		char *line = next_line(r);

		if (line == NULL)
			return fail(r, _("unexpected end of file in the data rows"));
		strbuf_addf(&sc->rows, "%s\n", line);
	}
	return 0;
}

/* Reads the whole file: the script (checked), the rows, and the net
 * with its history and starting weights into l->net. */
static int
load_body(struct reader *r, struct script *sc, struct lab *l)
{
	char *line, msg[300];
	int gotend = 0, version;

	if ((line = next_line(r)) == NULL ||
	    (strcmp(line, "regtutor-lab 1") != 0 &&
	    strcmp(line, "regtutor-lab 2") != 0))
		return fail(r, _("not a regtutor lab file (expected "
		    "'regtutor-lab 2', or 1 from an older version)"));
	version = line[13] - '0';
	while (!gotend && (line = next_line(r)) != NULL) {
		if (line[0] == '\0')
			continue;
		if (version == 1 && strncmp(line, "set early ", 10) == 0)
			sc->saw_early = 1;
		if (version == 1 && strncmp(line, "set patience ", 13) == 0 &&
		    !sc->saw_early) {
			/* before 'early': patience 0 was off, N > 0 on */
			int on = strcmp(line + 13, "0") != 0;

			if (script_add(r, sc, on ? "set early on" :
			    "set early off") != 0)
				return -1;
			if (!on)
				continue;
		}
		if (version == 1 && strncmp(line, "data csv ", 9) == 0) {
			if (v1_csv(r, sc, line + 9) != 0)
				return -1;
		} else if (strncmp(line, "set ", 4) == 0 ||
		    strncmp(line, "data ", 5) == 0) {
			if (script_add(r, sc, line) != 0)
				return -1;
		} else if (version == 2 && strncmp(line, "csv ", 4) == 0) {
			if (read_rows(r, sc, line + 4) != 0)
				return -1;
		} else if (strcmp(line, "net") == 0) {
			if (l->net != NULL)
				return fail(r, _("a second net block"));
			if (read_net(r, l) != 0)
				return -1;
		} else if (strncmp(line, "history ", 8) == 0) {
			if (read_history(r, l, line + 8) != 0)
				return -1;
		} else if (strncmp(line, "start ", 6) == 0) {
			if (read_start(r, l, line + 6) != 0)
				return -1;
		} else if (strcmp(line, "end") == 0) {
			gotend = 1;
		} else {
			snprintf(msg, sizeof msg, _("unknown line '%.40s'"), line);
			return fail(r, msg);
		}
	}
	if (!gotend)
		return fail(r, _("unexpected end of file (no 'end' line)"));
	if (sc->reads_rows != (sc->rows_line != 0))
		return fail(r, sc->reads_rows ? _("'data load -' without a "
		    "csv block") : _("a csv block without 'data load -'"));
	return 0;
}

/* Replays the script in a session of its own; its lab goes to out. */
static int
replay(struct reader *r, struct script *sc, struct lab *out)
{
	struct session *s = session_new(1);
	struct transcript *t = transcript_new();
	char name[300];
	int rc = 0;

	snprintf(name, sizeof name, _("%s (csv block from line %d)"), r->name,
	    sc->rows_line);
	if (sc->rows_line != 0)
		s->rows_in = fmemopen(sc->rows.s, sc->rows.len, "r");
	s->rows_name = name;
	for (int i = 0; i < sc->n && rc == 0; i++) {
		if (cmd_execute(s, sc->line[i], t) == CMD_OK)
			continue;
		r->line = sc->lineno[i];
		for (size_t k = transcript_count(t); k-- > 0;)
			if (transcript_item(t, k)->kind == TR_ERROR) {
				fail(r, transcript_item(t, k)->text);
				break;
			}
		if (!r->failed)
			fail(r, _("the line failed"));
		rc = -1;
	}
	if (s->rows_in != NULL)
		fclose(s->rows_in);
	s->rows_in = NULL;
	transcript_free(t);
	if (rc == 0) {
		*out = s->lab;
		memset(&s->lab, 0, sizeof s->lab);
		if (out->all != NULL && out->ds.kind < 0) {
			free(out->ds.csv);
			out->ds.csv = xstrdup(r->name);
		}
	}
	session_free(s);
	return rc;
}

int
lab_load(struct lab *out, FILE *f, const char *name, char *err,
    size_t errlen)
{
	struct reader r;
	struct script sc;
	struct lab payload, l;
	int rc;

	memset(&r, 0, sizeof r);
	memset(&sc, 0, sizeof sc);
	strbuf_init(&sc.rows);
	line_init(&r.lr, f, LAB_MAX_LINE, LAB_MAX_BYTES);
	r.name = name;
	r.err = err;
	r.errlen = errlen;
	memset(&payload, 0, sizeof payload);
	rc = load_body(&r, &sc, &payload);
	line_done(&r.lr);
	if (rc == 0)
		rc = replay(&r, &sc, &l);
	script_done(&sc);
	if (rc != 0) {
		lab_done(&payload);
		return -1;
	}
	/* the net, its history and start, as the file carries them */
	l.net = payload.net;
	memcpy(l.spec, payload.spec, sizeof l.spec);
	*out = l;
	return 0;
}
