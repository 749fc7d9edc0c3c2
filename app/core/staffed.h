/*
 * staffed.h: staffed hours: the days and times a worker reads what comes
 * in (settings staffed_days and staffed_hours), with the bank holidays
 * on the holidays list skipped, in the council's time zone. So a young
 * person is told the truth about when someone will read what they sent.
 */
#ifndef PORTAL_STAFFED_H
#define PORTAL_STAFFED_H

#include <stdint.h>

#include "arena.h"
#include "db.h"
#include "timefmt.h"

/* Less time than this before closing is not promised as "today". */
#define STAFFED_MARGIN_MIN	60

struct staffed {
	unsigned	 days;	/* bit (1 << tm_wday): Sunday is 0 */
	int		 from;	/* minutes after midnight */
	int		 until;
};

int		 staffed_parse(const char *, const char *, struct staffed *);
const char	*staffed_days_problem(const char *);
const char	*staffed_hours_problem(const char *);
int		 staffed_load(struct db *, int64_t, struct staffed *,
		    struct time_days *);
int		 staffed_open(const struct staffed *, const struct time_days *,
		    int64_t);
int64_t		 staffed_next(const struct staffed *, const struct time_days *,
		    int64_t);
const char	*staffed_words(struct arena *, const struct staffed *,
		    const struct time_days *, int64_t);
const char	*staffed_words_now(struct db *, struct arena *, int64_t);
const char	*staffed_reply_words(struct arena *, const struct staffed *,
		    const struct time_days *, int64_t, int);
const char	*staffed_reply_words_now(struct db *, struct arena *, int64_t);
const char	*staffed_day_words(struct arena *, int64_t);

#endif
