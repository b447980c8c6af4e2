/*
 * main.c - regtutor's command line: options and mode selection.
 *
 * Modes: the full-screen lesson shell (a terminal), --batch LESSON (a lesson
 * without a terminal), -e 'CMDS', --repl (line-mode readline), commands from a
 * non-terminal stdin, --check FILE... and --list.  Everything else lives in
 * the layers under src/.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static void
usage(FILE *f)
{
	fprintf(f,
"Usage: regtutor [OPTION]... [LESSON]\n"
"Learn why deep networks overfit, and what to do about it, in the terminal.\n"
"\n"
"  -h, --help       show this help and exit\n"
"  -V, --version    show version information and exit\n");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("regtutor %s\n", PACKAGE_VERSION);
			return 0;
		default:
			fprintf(stderr, "regtutor: unknown option '%s'\n",
			    argv[optind - 1]);
			fprintf(stderr, "Try 'regtutor --help' for more information.\n");
			return 2;
		}
	}
	return 0;
}
