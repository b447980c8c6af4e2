#include "config.h"
/*
 * lab-file.c - the lab state file written by "save" and read by "load".
 *
 * Format, version 1 (text, one item per line, '#' comment lines allowed):
 *
 *   regtutor-lab 1
 *   set KEY VALUE                  every setting, as the "set" command
 *   data KIND n=N noise=X split=S [test=T] seed=N   a generated data
 *   data csv rows=R nin=I nout=O split=S [test=T] seed=N    set, or rows
 *   R lines of I+O comma-separated numbers (%.17g)
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
 * Numbers print with %.17g, so save + load reproduces the weights exactly.
 * Loading builds a complete new lab first; on any error it names
 * file:line and the session is not touched.
 */

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/session-int.h"
#include "util/i18n.h"

#define XSTR(x) STR(x)
#define STR(x) #x

char *
lab_dump(const struct lab *l)
{
	struct strbuf b;
	char buf[64];

	strbuf_init(&b);
	strbuf_adds(&b, "regtutor-lab 1\n");
	for (size_t i = 0; i < param_count; i++) {
		if (param_table[i].type == PT_REAL) {
			double v;

			memcpy(&v, (const char *)&l->p + param_table[i].off,
			    sizeof v);
			snprintf(buf, sizeof buf, "%.17g", v);
		} else
			param_format(&param_table[i], &l->p, buf, sizeof buf);
		strbuf_addf(&b, "set %s %s\n", param_table[i].name, buf);
	}
	/* test= only when there is a test split: older files have none */
	if (l->ds.test > 0)
		snprintf(buf, sizeof buf, " test=%.17g", l->ds.test);
	else
		buf[0] = '\0';
	if (l->all != NULL && l->ds.kind >= 0) {
		strbuf_addf(&b, "data %s n=%ld noise=%.17g split=%.17g%s "
		    "seed=%ld\n", data_names[l->ds.kind], l->ds.n, l->ds.noise,
		    l->ds.split, buf, l->ds.seed);
	} else if (l->all != NULL) {
		const struct nn_dataset *d = l->all;

		strbuf_addf(&b, "data csv rows=%d nin=%d nout=%d split=%.17g%s "
		    "seed=%ld\n", d->n, d->nin, d->nout, l->ds.split, buf,
		    l->ds.seed);
		for (int i = 0; i < d->n; i++) {
			for (int j = 0; j < d->nin; j++)
				strbuf_addf(&b, "%.17g,", d->x[i * d->nin + j]);
			for (int j = 0; j < d->nout; j++)
				strbuf_addf(&b, "%.17g%s", d->y[i * d->nout + j],
				    j + 1 < d->nout ? "," : "\n");
		}
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

/* A data line's key=value words, as the data command takes them: the
 * same keys and the same ranges (see session-int.h); kind -1 is CSV. */
static int
data_fields(struct reader *r, char *line, int kind, struct data_spec *ds,
    long *rows, long *nin, long *nout)
{
	static const char *const gen_keys = "n, noise, split, test, seed";
	static const char *const csv_keys = "rows, nin, nout, split, test, "
	    "seed";
	char *save = NULL, m[200];

	for (char *w = strtok_r(line, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(w, '=');
		const char *allowed = NULL;
		double d;
		long v;

		if (eq == NULL)
			return fail(r, _("expected key=value in the data line"));
		*eq++ = '\0';
		if (kind >= 0 && !strcmp(w, "n")) {
			if (parse_long(eq, &v) || v < DATA_N_MIN ||
			    v > DATA_N_MAX)
				allowed = XSTR(DATA_N_MIN) ".." XSTR(DATA_N_MAX);
			ds->n = v;
		} else if (kind >= 0 && !strcmp(w, "noise")) {
			if (parse_double(eq, &d) || d < 0 || d > DATA_NOISE_MAX)
				allowed = "0.." XSTR(DATA_NOISE_MAX);
			ds->noise = d;
		} else if (!strcmp(w, "split")) {
			if (parse_double(eq, &d) || d < DATA_SPLIT_MIN || d > 1)
				allowed = XSTR(DATA_SPLIT_MIN) "..1";
			ds->split = d;
		} else if (!strcmp(w, "test")) {
			if (parse_double(eq, &d) || d < 0 || d > DATA_TEST_MAX)
				allowed = "0.." XSTR(DATA_TEST_MAX);
			ds->test = d;
		} else if (!strcmp(w, "seed")) {
			if (parse_long(eq, &v) || v < 0 || v > DATA_SEED_MAX)
				allowed = "0.." XSTR(DATA_SEED_MAX);
			ds->seed = v;
		} else if (kind < 0 && !strcmp(w, "rows")) {
			if (parse_long(eq, rows) || *rows < 1 ||
			    *rows > NN_MAX_EXAMPLES)
				allowed = "1.." XSTR(NN_MAX_EXAMPLES);
		} else if (kind < 0 && !strcmp(w, "nin")) {
			if (parse_long(eq, nin) || *nin < 1 ||
			    *nin > NN_MAX_WIDTH)
				allowed = "1.." XSTR(NN_MAX_WIDTH);
		} else if (kind < 0 && !strcmp(w, "nout")) {
			if (parse_long(eq, nout) || *nout != 1)
				allowed = _("1 (one target column)");
		} else {
			snprintf(m, sizeof m, _("unknown key '%.40s' in the data "
			    "line (allowed: %s)"), w, kind >= 0 ? gen_keys :
			    csv_keys);
			return fail(r, m);
		}
		if (allowed != NULL) {
			snprintf(m, sizeof m, _("data %s=%.40s is out of range "
			    "(allowed: %s)"), w, eq, allowed);
			return fail(r, m);
		}
	}
	return 0;
}

static int
read_csv_rows(struct reader *r, struct nn_dataset *d)
{
	int w = d->nin + d->nout;

	for (int i = 0; i < d->n; i++) {
		char *line = next_line(r), *save = NULL, *tok;
		int j = 0;

		if (line == NULL)
			return fail(r, _("unexpected end of file in the data rows"));
		for (tok = strtok_r(line, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save), j++) {
			double v;

			if (j >= w || parse_double(tok, &v) != 0)
				return fail(r, _("bad data row"));
			if (j < d->nin)
				d->x[i * d->nin + j] = v;
			else
				d->y[i * d->nout + j - d->nin] = v;
		}
		if (j != w)
			return fail(r, _("bad data row (wrong number of fields)"));
	}
	return 0;
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

static int
load_body(struct reader *r, struct lab *l)
{
	char *line;
	char msg[300];
	int gotend = 0, saw_early = 0;

	if ((line = next_line(r)) == NULL || strcmp(line, "regtutor-lab 1") != 0)
		return fail(r, _("not a regtutor lab file (expected "
		    "'regtutor-lab 1')"));
	while (!gotend && (line = next_line(r)) != NULL) {
		if (line[0] == '\0')
			continue;
		if (strncmp(line, "set ", 4) == 0) {
			struct token tok[3];
			char setword[] = "set";
			struct cmd_ctx c;
			char *key = line + 4, *val = strchr(key, ' ');
			const struct param_def *d;

			if (val == NULL)
				return fail(r, _("expected 'set KEY VALUE'"));
			*val++ = '\0';
			if ((d = param_find(key)) == NULL) {
				snprintf(msg, sizeof msg, _("unknown setting '%s'"),
				    key);
				return fail(r, msg);
			}
			memset(&c, 0, sizeof c);
			memset(tok, 0, sizeof tok);
			tok[0].s = setword;
			c.argv = tok;
			c.argc = 1;
			c.err = msg;
			c.errlen = sizeof msg;
			if (strcmp(key, "early") == 0)
				saw_early = 1;
			/* files before 'early' existed: patience 0 was off,
			 * patience N > 0 was on */
			if (strcmp(key, "patience") == 0 && !saw_early) {
				l->p.early = strcmp(val, "0") != 0;
				if (!l->p.early)
					continue;
			}
			if (param_parse(&c, -1, d, val, &l->p) != 0)
				return fail(r, msg);
		} else if (strncmp(line, "data ", 5) == 0) {
			char *rest = line + 5, *sp = strchr(rest, ' ');
			long rows = 0, nin = 0, nout = 0;
			char err[256];
			int kind = -1;

			if (sp == NULL)
				return fail(r, _("expected 'data KIND key=value...'"));
			*sp++ = '\0';
			if (strcmp(rest, "csv") != 0) {
				for (int i = 0; data_names[i]; i++)
					if (!strcmp(rest, data_names[i]))
						kind = i;
				if (kind < 0)
					return fail(r, _("unknown data kind"));
			}
			data_defaults(kind, &l->ds);
			l->ds.seed = l->p.seed;
			if (l->all != NULL)
				return fail(r, _("a second data line"));
			if (data_fields(r, sp, kind, &l->ds, &rows, &nin,
			    &nout) != 0)
				return -1;
			if (l->ds.split + l->ds.test > 1 + 1e-12)
				return fail(r, _("split + test is more than 1 in "
				    "the data line"));
			if (kind >= 0) {
				l->all = nn_dataset_generate(
				    (enum nn_dataset_kind)kind, (int)l->ds.n,
				    l->ds.noise, (uint64_t)l->ds.seed, err,
				    sizeof err);
				if (l->all == NULL)
					return fail(r, err);
			} else {
				if (rows == 0 || nin == 0 || nout == 0)
					return fail(r, _("data csv needs rows=, "
					    "nin= and nout="));
				/* checked before a byte is allocated */
				if (rows * (nin + nout) > NN_MAX_VALUES) {
					snprintf(msg, sizeof msg, _("data csv "
					    "rows=%ld nin=%ld nout=%ld is %ld "
					    "numbers, too large (limit %d)"),
					    rows, nin, nout, rows * (nin + nout),
					    NN_MAX_VALUES);
					return fail(r, msg);
				}
				l->all = nn_dataset_new((int)rows, (int)nin,
				    (int)nout, NN_TASK_REGRESSION);
				if (read_csv_rows(r, l->all) != 0)
					return -1;
				l->all->task = NN_TASK_CLASSIFICATION;
				for (int i = 0; i < l->all->n * l->all->nout;
				    i++)
					if (l->all->y[i] != 0 &&
					    l->all->y[i] != 1)
						l->all->task =
						    NN_TASK_REGRESSION;
				l->ds.n = rows;
				l->ds.csv = xstrdup(r->name);
			}
			if (lab_split(l, err, sizeof err) != 0)
				return fail(r, err);
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
	/* a net that does not fit the data is allowed, as in a session */
	return 0;
}

int
lab_load(struct lab *out, FILE *f, const char *name, char *err,
    size_t errlen)
{
	struct reader r;
	struct lab l;
	int rc;

	memset(&r, 0, sizeof r);
	line_init(&r.lr, f, LAB_MAX_LINE, LAB_MAX_BYTES);
	r.name = name;
	r.err = err;
	r.errlen = errlen;
	memset(&l, 0, sizeof l);
	params_default(&l.p);
	l.ds.kind = -1;
	rc = load_body(&r, &l);
	line_done(&r.lr);
	if (rc != 0) {
		lab_done(&l);
		return -1;
	}
	*out = l;
	return 0;
}
