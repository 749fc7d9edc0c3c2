/*
 * reports.h: the corporate parenting board report and the exports, all
 * with small counts suppressed.
 */
#ifndef PORTAL_REPORTS_H
#define PORTAL_REPORTS_H

#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "tmpl.h"

#define OPEN_DATA_PAGE	50	/* outcomes a page of /open-data.json */

struct report_period {
	int64_t		 from;		/* inclusive */
	int64_t		 to;		/* exclusive */
	int64_t		 now;
	int64_t		 threshold;
	int64_t		 prev_from;	/* 0: the same length before */
};

const char	*count_text(struct arena *, int64_t, int64_t);
void		 report_previous(const struct report_period *,
		    struct report_period *);
int		 report_board(struct db *, const struct report_period *,
		    struct tval *);
int		 report_issues_csv(struct db *, int64_t, int, struct buf *);
int		 report_open_data(struct db *, int64_t, int64_t, int64_t,
		    struct buf *);

#endif
