#include "config.h"
/*
 * fuzz-weights.c - the network reader ('import weights', the net block of
 * lab files).
 *
 * Properties: a rejected input gives a message "name:line: ..."; an
 * accepted net is within the engine's limits (layers, widths), and saving
 * it, loading the saved text and saving again gives the same bytes.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nn/nn.h"
#include "fuzz.h"

static struct nn_net *
load_net(const void *data, size_t size, char *err, size_t errlen)
{
	static const char empty[1];
	FILE *f = fmemopen(size > 0 ? (void *)(uintptr_t)data :
	    (void *)(uintptr_t)empty, size, "r");
	struct nn_net *net;

	FUZZ_ASSERT(f != NULL, "fmemopen");
	err[0] = '\0';
	net = nn_net_load(f, "in.net", 0, err, errlen);
	fclose(f);
	return net;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nn_net *net, *net2;
	char err[512], *a, *b;
	int nl;

	net = load_net(data, size, err, sizeof err);
	if (net == NULL) {
		FUZZ_ASSERT(strncmp(err, "in.net:", 7) == 0,
		    "a rejected net names the file");
		return 0;
	}
	nl = nn_net_nlayers(net);
	FUZZ_ASSERT(nl >= 1 && nl <= NN_MAX_LAYERS, "layers in limits");
	for (int k = 0; k <= nl; k++)
		FUZZ_ASSERT(nn_net_width(net, k) >= 1 &&
		    nn_net_width(net, k) <= NN_MAX_WIDTH, "widths in limits");
	a = nn_net_save_string(net);
	net2 = load_net(a, strlen(a), err, sizeof err);
	if (net2 == NULL)
		fprintf(stderr, "%s\n", err);
	FUZZ_ASSERT(net2 != NULL, "a saved net loads again");
	b = nn_net_save_string(net2);
	FUZZ_ASSERT(strcmp(a, b) == 0, "save, load, save: the same bytes");
	free(a);
	free(b);
	nn_net_free(net);
	nn_net_free(net2);
	return 0;
}
