/*
 * chart.h: bar and line charts as SVG, drawn on the server so reports
 * print and work without scripts. Every label goes through html_escape;
 * a point the table hides (suppress.c) is drawn with its words ("fewer
 * than N", "not shown") and no bar, and as a gap in a line, never a point
 * at zero, so a chart never shows what a table would hide nor says a
 * hidden count was none; the chart's description (<desc>) names each.
 */
#ifndef PORTAL_CHART_H
#define PORTAL_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct chart_point {
	const char	*label;
	int64_t		 value;
	const char	*hidden;	/* NULL: shown; else what to write */
};

void	chart_bars(struct buf *, const char *, const struct chart_point *,
	    size_t);
void	chart_line(struct buf *, const char *, const struct chart_point *,
	    size_t);

#endif
