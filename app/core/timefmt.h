/*
 * timefmt.h: times and dates as people read them, in the council's time
 * zone (Europe/London, set once at start).
 */
#ifndef PORTAL_TIMEFMT_H
#define PORTAL_TIMEFMT_H

#include <stdint.h>

#include "arena.h"

/* Days off besides weekends ("YYYY-MM-DD"), for counting working days. */
#define TIME_DAYS_MAX	64
#define TIME_DAY_LEN	11

struct time_days {
	char	day[TIME_DAYS_MAX][TIME_DAY_LEN];
	size_t	n;
};

void		 time_zone_init(void);
const char	*time_human(struct arena *, int64_t);
const char	*time_date(struct arena *, int64_t);
const char	*time_iso_date(struct arena *, int64_t);
void		 time_day(int64_t, char *);
int		 time_parse_date(const char *, int64_t *);
int64_t		 time_day_after(int64_t);
int64_t		 time_day_end(int64_t);
int64_t		 time_add_days(int64_t, int);
const char	*times_words(struct arena *, int64_t);
int		 time_is_working_day(int64_t, const struct time_days *);
int64_t		 time_add_working_days(int64_t, int,
		    const struct time_days *);

#endif
