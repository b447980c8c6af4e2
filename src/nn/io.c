/*
 * io.c - saving and loading a network as versioned text (format in nn.h):
 * the spec, every config key, then each parameter block and the running
 * batch-norm statistics as %.17g numbers, which read back bit-exactly.
 * The loader checks everything (version, keys, ranges, block names and
 * sizes, numbers) and reports "name:line: message"; it stops after the
 * "end" line so the block can live inside a larger lab-state file.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/nn-internal.h"
#include "util/i18n.h"
#include "util/util.h"

/* Version 2 added config keys (nn.h lists them); a version 1 file, which
 * has none of them, loads with their defaults. */
#define FORMAT_VERSION 2

/* The blocks of a layer, in file order; off/len describe where they live. */
enum blk { BLK_W, BLK_B, BLK_GAMMA, BLK_BETA, BLK_RMEAN, BLK_RVAR, BLK_COUNT };
static const char *const blk_names[BLK_COUNT] = {
	"W", "b", "gamma", "beta", "rmean", "rvar"
};

/* Pointer and length of block b of layer k, or NULL if it has none. */
static double *
block(struct nn_net *net, int k, int b, long *len)
{
	struct nn_layer *l = &net->L[k];

	*len = l->out;
	switch (b) {
	case BLK_W:
		*len = (long)l->in * l->out;
		return net->p + l->off_w;
	case BLK_B:
		return net->p + l->off_b;
	case BLK_GAMMA:
		return l->off_g >= 0 ? net->p + l->off_g : NULL;
	case BLK_BETA:
		return l->off_be >= 0 ? net->p + l->off_be : NULL;
	case BLK_RMEAN:
		return l->off_s >= 0 ? net->stats + l->off_s : NULL;
	default:
		return l->off_s >= 0 ? net->stats + l->off_s + l->out : NULL;
	}
}

int
nn_net_save(const struct nn_net *cnet, FILE *f)
{
	/* block() hands out writable pointers; saving only reads them. */
	struct nn_net *net = (struct nn_net *)(uintptr_t)cnet;
	char spec[NN_MAX_LAYERS * 4 + 8], val[64];
	const char *key;
	int i, k, b;

	nn_net_spec(net, spec, sizeof spec);
	fprintf(f, "regtutor-net %d\nspec %s\n", FORMAT_VERSION, spec);
	for (i = 0; (key = nn_config_key(i)) != NULL; i++) {
		nn_config_get(&net->cfg, key, val, sizeof val);
		fprintf(f, "%s %s\n", key, val);
	}
	for (k = 0; k < net->nl; k++)
		for (b = 0; b < BLK_COUNT; b++) {
			long len, j;
			const double *a = block(net, k, b, &len);

			if (a == NULL)
				continue;
			fprintf(f, "param %d %s %ld\n", k, blk_names[b], len);
			for (j = 0; j < len; j++)
				fprintf(f, "%.17g%c", a[j],
				    j % 4 == 3 || j == len - 1 ? '\n' : ' ');
		}
	fprintf(f, "end\n");
	return ferror(f) ? -1 : 0;
}

char *
nn_net_save_string(const struct nn_net *net)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int bad;

	if (f == NULL)
		xfatal("open_memstream: %s", strerror(errno));
	/* a memory stream fails only when memory runs out: abort, as xmalloc
	 * (the stream is closed either way) */
	bad = nn_net_save(net, f) < 0;
	if (fclose(f) != 0)
		bad = 1;
	if (bad)
		xfatal("saving a network to memory: %s", strerror(errno));
	return buf;
}

/* ============================================================ loading */

struct loader {
	struct line_reader lr;
	const char *name;
	int line0, line;
	int failed;		/* a message is in err: the first one stays */
	char *err;
	size_t errlen;
};

static void
lerr(struct loader *ld, const char *msg)
{
	if (ld->failed)
		return;
	ld->failed = 1;
	nn_errf(ld->err, ld->errlen, "%s:%d: %s", ld->name,
	    ld->line0 + ld->line, msg);
}

/* Next meaningful line (comments and blank lines skipped), NULL at EOF
 * or when the input is over its limits (the message is then in err). */
static char *
next_line(struct loader *ld)
{
	size_t n;
	char *buf, why[64];

	while ((buf = line_next(&ld->lr, &n)) != NULL) {
		char *p;

		ld->line++;
		while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
			buf[--n] = '\0';
		for (p = buf; *p == ' ' || *p == '\t'; p++)
			;
		if (*p == '\0' || *p == '#')
			continue;
		return p;
	}
	if (ld->lr.error != LINE_OK) {
		ld->line++;
		lerr(ld, line_error(&ld->lr, why, sizeof why));
	}
	return NULL;
}

/* Reads len numbers (any layout across lines) into a. */
static int
read_numbers(struct loader *ld, double *a, long len)
{
	long got = 0;

	while (got < len) {
		char *p = next_line(ld), *tok, *save = NULL;

		if (p == NULL) {
			lerr(ld, _("file ends inside a parameter block"));
			return -1;
		}
		for (tok = strtok_r(p, " \t", &save); tok != NULL;
		    tok = strtok_r(NULL, " \t", &save)) {
			char *end;
			double v;

			if (got == len) {
				lerr(ld, _("more numbers than the block holds"));
				return -1;
			}
			/* "inf" and "nan" are what a diverged net saves; a
			 * subnormal sets ERANGE yet reads back exactly; only
			 * overflow of a finite literal is out of range */
			errno = 0;
			v = strtod(tok, &end);
			if (end == tok || *end != '\0' || (errno == ERANGE &&
			    isinf(v))) {
				char m[96];

				snprintf(m, sizeof m, _("'%.40s' is %s"), tok,
				    end == tok || *end != '\0' ? _("not a number") :
				    _("out of range"));
				lerr(ld, m);
				return -1;
			}
			a[got++] = v;
		}
	}
	return 0;
}

static struct nn_net *
load(struct loader *ld)
{
	struct nn_config c = nn_config_default();
	struct nn_net *net = NULL;
	int sizes[NN_MAX_LAYERS + 1], nsizes = 0;
	unsigned char seen[NN_MAX_LAYERS][BLK_COUNT];
	char *p, m[300];
	int k, b;

	memset(seen, 0, sizeof seen);
	p = next_line(ld);
	if (p == NULL) {
		lerr(ld, _("empty input: expected 'regtutor-net 2'"));
		return NULL;
	}
	if (strncmp(p, "regtutor-net ", 13) != 0) {
		lerr(ld, _("not a saved network: expected 'regtutor-net 2'"));
		return NULL;
	}
	if (strcmp(p + 13, "1") != 0 && strcmp(p + 13, "2") != 0) {
		snprintf(m, sizeof m, _("unsupported format version '%.20s' "
		    "(this program reads versions 1 to %d)"), p + 13,
		    FORMAT_VERSION);
		lerr(ld, m);
		return NULL;
	}
	while ((p = next_line(ld)) != NULL) {
		char *key = p, *val = strchr(p, ' ');

		if (val != NULL) {
			*val++ = '\0';
			while (*val == ' ' || *val == '\t')
				val++;
		}
		if (strcmp(key, "end") == 0 && val == NULL)
			break;
		if (val == NULL) {
			snprintf(m, sizeof m, _("'%.40s' needs a value"), key);
			lerr(ld, m);
			goto fail;
		}
		if (strcmp(key, "spec") == 0) {
			if (net != NULL || nsizes) {
				lerr(ld, _("spec given twice or after parameters"));
				goto fail;
			}
			if (nn_spec_parse(val, sizes, &nsizes, m, sizeof m) < 0) {
				lerr(ld, m);
				goto fail;
			}
			continue;
		}
		if (strcmp(key, "param") != 0) {
			char e[200];

			if (net != NULL) {
				lerr(ld, _("settings must come before parameters"));
				goto fail;
			}
			if (nn_config_set(&c, key, val, e, sizeof e) < 0) {
				lerr(ld, e);
				goto fail;
			}
			continue;
		}
		/* param <layer> <what> <count> */
		{
			long len, cnt;
			int layer, used;
			char what[16];
			double *a;

			if (net == NULL) {
				if (nsizes == 0) {
					lerr(ld, _("parameters before the spec line"));
					goto fail;
				}
				net = nn_net_new_sizes(sizes, nsizes, &c, m,
				    sizeof m);
				if (net == NULL) {
					lerr(ld, m);
					goto fail;
				}
			}
			if (sscanf(val, "%d %15s %ld%n", &layer, what, &cnt,
			    &used) != 3 || val[used] != '\0') {
				lerr(ld, _("expected 'param LAYER NAME COUNT'"));
				goto fail;
			}
			if (layer < 0 || layer >= net->nl) {
				snprintf(m, sizeof m, _("layer %d does not exist "
				    "(0..%d)"), layer, net->nl - 1);
				lerr(ld, m);
				goto fail;
			}
			for (b = 0; b < BLK_COUNT; b++)
				if (strcmp(what, blk_names[b]) == 0)
					break;
			if (b == BLK_COUNT ||
			    (a = block(net, layer, b, &len)) == NULL) {
				snprintf(m, sizeof m, _("layer %d has no '%s' "
				    "parameters"), layer, what);
				lerr(ld, m);
				goto fail;
			}
			if (seen[layer][b]) {
				snprintf(m, sizeof m, _("layer %d '%s' given twice"),
				    layer, what);
				lerr(ld, m);
				goto fail;
			}
			if (cnt != len) {
				snprintf(m, sizeof m, _("layer %d '%s' has %ld "
				    "values, expected %ld"), layer, what, cnt,
				    len);
				lerr(ld, m);
				goto fail;
			}
			seen[layer][b] = 1;
			if (read_numbers(ld, a, len) < 0)
				goto fail;
		}
	}
	if (p == NULL) {
		lerr(ld, _("missing 'end' line"));
		goto fail;
	}
	if (net == NULL) {
		if (nsizes == 0) {
			lerr(ld, _("no spec line"));
			goto fail;
		}
		lerr(ld, _("no parameters"));
		goto fail;
	}
	for (k = 0; k < net->nl; k++)
		for (b = 0; b < BLK_COUNT; b++) {
			long len;

			if (block(net, k, b, &len) != NULL && !seen[k][b]) {
				snprintf(m, sizeof m, _("layer %d '%s' is missing"),
				    k, blk_names[b]);
				lerr(ld, m);
				goto fail;
			}
		}
	/* a loaded net starts from the weights it was loaded with */
	memcpy(net->p0, net->p, (size_t)net->np * sizeof *net->p0);
	return net;
fail:
	nn_net_free(net);
	return NULL;
}

struct nn_net *
nn_net_load(FILE *f, const char *name, int line0, char *err, size_t errlen)
{
	struct loader ld;
	struct nn_net *net;

	memset(&ld, 0, sizeof ld);
	line_init(&ld.lr, f, NN_MAX_LINE, NN_MAX_NET_BYTES);
	ld.name = name ? name : "<net>";
	ld.line0 = line0;
	ld.err = err;
	ld.errlen = errlen;
	net = load(&ld);
	line_done(&ld.lr);
	return net;
}

struct nn_net *
nn_net_load_string(const char *s, const char *name, char *err, size_t errlen)
{
	char *copy;
	FILE *f;
	struct nn_net *net;

	if (s == NULL || *s == '\0') {
		nn_errf(err, errlen, _("%s:1: empty input"), name ? name : "<net>");
		return NULL;
	}
	copy = xstrdup(s);
	f = fmemopen(copy, strlen(copy), "r");
	if (f == NULL)
		xfatal("fmemopen: %s", strerror(errno));
	net = nn_net_load(f, name, 0, err, errlen);
	fclose(f);
	free(copy);
	return net;
}
