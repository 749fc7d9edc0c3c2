/*
 * suppress.h: small-number suppression for every published count table,
 * in HTML, CSV, JSON and charts alike.
 *
 * A table is cells and lines: a line says its cells add up to its total
 * (a row with its total, a column, or two tables that count the same
 * people two ways and so share one total). Counts under the threshold
 * are hidden ("fewer than N"); then, while any hidden count could still be
 * worked out from what is shown (the total minus the rest, one table
 * against another, or the fact that no count is below zero), one more
 * count is hidden ("not shown"), the smallest that helps. Not for
 * deciding what to count: the caller builds the table.
 */
#ifndef PORTAL_SUPPRESS_H
#define PORTAL_SUPPRESS_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define SUP_CELLS_MAX	160
#define SUP_LINES_MAX	32
#define SUP_LINE_MAX	80

enum sup_state {
	SUP_SHOWN,
	SUP_SMALL,		/* under the threshold: "fewer than N" */
	SUP_HIDDEN,		/* would give a small one away: "not shown" */
	SUP_UNPUBLISHED,	/* never published, for example a total */
};

struct sup_line {
	size_t		 total;
	size_t		 n;
	size_t		 cell[SUP_LINE_MAX];
};

struct suppress {
	int64_t		 threshold;
	size_t		 ncells;
	int64_t		 value[SUP_CELLS_MAX];
	enum sup_state	 state[SUP_CELLS_MAX];
	int		 total[SUP_CELLS_MAX];
	size_t		 nlines;
	struct sup_line	 line[SUP_LINES_MAX];
};

void		 sup_init(struct suppress *, int64_t);
size_t		 sup_cell(struct suppress *, int64_t);
size_t		 sup_total(struct suppress *, int64_t, int);
void		 sup_line(struct suppress *, size_t, const size_t *, size_t);
void		 sup_primary(struct suppress *);
void		 sup_run(struct suppress *);
int		 sup_disclosed(const struct suppress *, size_t *);
int		 sup_shown(const struct suppress *, size_t);
const char	*sup_text(const struct suppress *, struct arena *, size_t);

#endif
