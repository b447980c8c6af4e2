/*
 * chart-check.c - the golden-case invariants, shared by the chart tests.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "util/util.h"
#include "chart-check.h"

const char *
chart_check_text(const char *text, int w, int h, enum chart_colors colors,
    int ascii)
{
	static char msg[128];
	const char *p = text, *nl;
	struct strbuf line;
	int row = 0, width;

	if (colors == CHART_COLOR_NONE && strchr(text, '\033') != NULL)
		return "mono output contains ESC";
	if (ascii)
		for (p = text; *p; p++)
			if ((unsigned char)*p >= 0x80) {
				snprintf(msg, sizeof msg, "byte 0x%02x in the "
				    "ASCII tier at offset %ld",
				    (unsigned char)*p, (long)(p - text));
				return msg;
			}
	strbuf_init(&line);
	for (p = text; *p; p = nl + 1, row++) {
		nl = strchr(p, '\n');
		if (nl == NULL) {
			strbuf_done(&line);
			return "last line lacks a newline";
		}
		line.len = 0;
		line.s[0] = '\0';
		while (p < nl) {
			if (*p == '\033') {
				/* CSI ... final byte in 0x40..0x7e */
				if (p[1] != '[') {
					strbuf_done(&line);
					return "ESC not followed by [";
				}
				p += 2;
				while (p < nl && !(*p >= 0x40 && *p <= 0x7e))
					p++;
				if (p < nl && *p != 'm') {
					strbuf_done(&line);
					return "escape other than SGR";
				}
				p++;
				continue;
			}
			strbuf_add(&line, p, 1);
			p++;
		}
		width = utf8_width(line.s, line.len);
		if (width != w) {
			snprintf(msg, sizeof msg, "line %d is %d columns, not %d",
			    row + 1, width, w);
			strbuf_done(&line);
			return msg;
		}
	}
	strbuf_done(&line);
	if (row != h) {
		snprintf(msg, sizeof msg, "%d lines, not %d", row, h);
		return msg;
	}
	return NULL;
}
