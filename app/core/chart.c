/*
 * chart.c: SVG charts (see chart.h). Sizes are in the viewBox, so the
 * chart scales with the page; colours meet contrast on white.
 */
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "tmpl.h"

#define BAR_H		28
#define LABEL_W		230
#define PLOT_W		420
#define LINE_W		640
#define LINE_H		220

static void
text(struct buf *out, const char *s)
{
	html_escape(out, s, strlen(s));
}

static int64_t
largest(const struct chart_point *p, size_t n)
{
	int64_t	 max;
	size_t	 i;

	for (max = 1, i = 0; i < n; i++)
		if (p[i].hidden == NULL && p[i].value > max)
			max = p[i].value;
	return (max);
}

/*
 * The chart's name, and its description naming each point not shown and
 * why: a picture that only leaves a gap says nothing to a screen reader.
 */
static void
heading(struct buf *out, const char *title, const struct chart_point *p,
    size_t n)
{
	size_t	 i;
	int	 any;

	buf_puts(out, "<title>");
	text(out, title);
	buf_puts(out, "</title>");
	for (any = 0, i = 0; i < n; i++) {
		if (p[i].hidden == NULL)
			continue;
		buf_puts(out, any++ ? "; " : "<desc>Numbers not shown: ");
		text(out, p[i].label);
		buf_puts(out, " (");
		text(out, p[i].hidden);
		buf_puts(out, ")");
	}
	if (any)
		buf_puts(out, ".</desc>");
}

/* Horizontal bars, one a row, the value written at the end of each. */
void
chart_bars(struct buf *out, const char *title, const struct chart_point *p,
    size_t n)
{
	int64_t	 max, w;
	size_t	 i;
	int	 y;

	max = largest(p, n);
	buf_appendf(out, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d "
	    "%zu\" xmlns=\"http://www.w3.org/2000/svg\">",
	    LABEL_W + PLOT_W + 120, n * BAR_H + 10);
	heading(out, title, p, n);
	for (i = 0; i < n; i++) {
		y = (int)i * BAR_H + 5;
		buf_appendf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
		    "font-size=\"14\" fill=\"#1b1b1b\">", LABEL_W - 8, y + 18);
		text(out, p[i].label);
		buf_puts(out, "</text>");
		if (p[i].hidden != NULL) {
			buf_appendf(out, "<text x=\"%d\" y=\"%d\" font-size=\"13\""
			    " fill=\"#4a4f55\">", LABEL_W, y + 18);
			text(out, p[i].hidden);
			buf_puts(out, "</text>");
			continue;
		}
		w = p[i].value * PLOT_W / max;
		buf_appendf(out, "<rect x=\"%d\" y=\"%d\" width=\"%lld\" "
		    "height=\"%d\" fill=\"#1d4f91\"/><text x=\"%lld\" y=\"%d\" "
		    "font-size=\"13\" fill=\"#1b1b1b\">%lld</text>", LABEL_W,
		    y + 2, (long long)(w > 0 ? w : 1), BAR_H - 8,
		    (long long)(LABEL_W + w + 6), y + 18,
		    (long long)p[i].value);
	}
	buf_puts(out, "</svg>");
}

/* The height of a shown value on the line chart. */
static int
line_y(int64_t v, int64_t max)
{
	return ((int)(LINE_H - v * (LINE_H - 20) / max));
}

/* A dashed mark across the plot at x, with the hidden point's words. */
static void
hidden_mark(struct buf *out, int x, const char *words)
{
	int	 tx = x - 6, ty = LINE_H / 2 + 10;

	buf_appendf(out, "<line x1=\"%d\" y1=\"20\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#4a4f55\" stroke-dasharray=\"4 4\"/><text x=\"%d\" "
	    "y=\"%d\" transform=\"rotate(-90 %d %d)\" text-anchor=\"middle\" "
	    "font-size=\"12\" fill=\"#4a4f55\">", x, x, LINE_H, tx, ty, tx,
	    ty);
	text(out, words);
	buf_puts(out, "</text>");
}

/*
 * A line over time. A suppressed point has no value to plot: the line
 * breaks there and a dashed mark carries its words ("fewer than 5",
 * "not shown"), never a point at zero, which would read as none.
 */
void
chart_line(struct buf *out, const char *title, const struct chart_point *p,
    size_t n)
{
	int64_t	 max;
	size_t	 i;
	int	 x, step, open;

	max = largest(p, n);
	step = n > 1 ? (LINE_W - 80) / (int)(n - 1) : 0;
	buf_appendf(out, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d "
	    "%d\" xmlns=\"http://www.w3.org/2000/svg\">", LINE_W, LINE_H + 52);
	heading(out, title, p, n);
	buf_appendf(out, "<line x1=\"40\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#4a4f55\"/>", LINE_H, LINE_W - 20, LINE_H);
	/* One line for each run of shown points. */
	for (open = 0, i = 0; i < n; i++) {
		if (p[i].hidden != NULL) {
			if (open)
				buf_puts(out, "\"/>");
			open = 0;
			continue;
		}
		if (!open)
			buf_puts(out, "<polyline fill=\"none\" "
			    "stroke=\"#1d4f91\" stroke-width=\"3\" points=\"");
		buf_appendf(out, "%s%d,%d", open ? " " : "",
		    40 + (int)i * step, line_y(p[i].value, max));
		open = 1;
	}
	if (open)
		buf_puts(out, "\"/>");
	for (i = 0; i < n; i++) {
		x = 40 + (int)i * step;
		if (p[i].hidden != NULL)
			hidden_mark(out, x, p[i].hidden);
		else
			buf_appendf(out, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" "
			    "fill=\"#1d4f91\" stroke=\"#1d4f91\" "
			    "stroke-width=\"2\"/><text x=\"%d\" y=\"%d\" "
			    "text-anchor=\"middle\" font-size=\"12\" "
			    "fill=\"#1b1b1b\">%lld</text>", x,
			    line_y(p[i].value, max), x,
			    line_y(p[i].value, max) - 10,
			    (long long)p[i].value);
		/* Every other label a row lower: a year of months fits. */
		buf_appendf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
		    "font-size=\"12\" fill=\"#1b1b1b\">", x, LINE_H +
		    (n > 8 && i % 2 ? 36 : 20));
		text(out, p[i].label);
		buf_puts(out, "</text>");
	}
	buf_puts(out, "</svg>");
}
