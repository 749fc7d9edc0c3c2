/*
 * timefmt.c: formatting and parsing dates (see timefmt.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timefmt.h"

/* Read the zone file now: sandboxed workers cannot open it later. */
void
time_zone_init(void)
{
	(void)setenv("TZ", "Europe/London", 1);
	tzset();
}

/* strftime's formats must be literals to be checked, hence the macro. */
#define FORMAT(a, t, f) do {						\
	struct tm	 tm_;						\
	time_t		 tt_ = (time_t)(t);				\
	char		 s_[64];					\
									\
	if ((t) <= 0 || localtime_r(&tt_, &tm_) == NULL)		\
		return ("");						\
	(void)strftime(s_, sizeof(s_), f, &tm_);			\
	return (arena_strdup((a), s_[0] == ' ' ? s_ + 1 : s_));	\
} while (0)

/* "3 Nov 2026, 14:05" */
const char *
time_human(struct arena *a, int64_t t)
{
	FORMAT(a, t, "%e %b %Y, %H:%M");
}

static const char *
format_date(struct arena *a, int64_t t)
{
	FORMAT(a, t, "%e %B %Y");
}

/*
 * "3 November 2026". Lists show a date on every row, and the zone
 * lookup and strftime were a thirtieth of a young person's /views: the
 * words are kept per hour (the zone only changes on the hour), in a
 * small table per thread.
 */
#define DATE_MEMO	64

const char *
time_date(struct arena *a, int64_t t)
{
	static _Thread_local struct {
		int64_t	 hour;		/* t / 3600 + 1; 0: empty */
		char	 words[32];
	} memo[DATE_MEMO];
	const char	*s;
	size_t		 i;

	if (t <= 0)
		return ("");
	i = (size_t)(t / 3600) % DATE_MEMO;
	if (memo[i].hour == t / 3600 + 1)
		return (arena_strdup(a, memo[i].words));
	s = format_date(a, t);
	if (strlen(s) < sizeof(memo[i].words)) {
		memo[i].hour = t / 3600 + 1;
		(void)snprintf(memo[i].words, sizeof(memo[i].words), "%s", s);
	}
	return (s);
}

/* "2026-11-03", for date inputs and CSV. */
const char *
time_iso_date(struct arena *a, int64_t t)
{
	FORMAT(a, t, "%Y-%m-%d");
}

/* The same into a TIME_DAY_LEN buffer, for comparing days as text. */
void
time_day(int64_t t, char *out)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	out[0] = '\0';
	if (localtime_r(&tt, &tm) != NULL)
		(void)strftime(out, TIME_DAY_LEN, "%Y-%m-%d", &tm);
}

/*
 * "YYYY-MM-DD" to the start of that day, local time. 0 on success; a day
 * that does not exist (2026-02-30) is refused, not moved on.
 */
int
time_parse_date(const char *s, int64_t *out)
{
	struct tm	 tm;
	char		*end;
	time_t		 t;
	int		 mday, mon;

	if (s == NULL || strlen(s) != 10)
		return (-1);
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%d", &tm);
	if (end == NULL || *end != '\0' || tm.tm_year < 100 ||
	    tm.tm_year > 200)
		return (-1);
	mday = tm.tm_mday;
	mon = tm.tm_mon;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || tm.tm_mday != mday ||
	    tm.tm_mon != mon)
		return (-1);
	*out = (int64_t)t;
	return (0);
}

/*
 * The start of the day after the one t is in: the end of a day named in
 * a form. Adding 86,400 s is an hour out on the two days a year the
 * clocks change, which are 23 and 25 hours long. t itself on error.
 */
int64_t
time_day_after(int64_t t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t, next;

	if (localtime_r(&tt, &tm) == NULL)
		return (t);
	tm.tm_mday++;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	if ((next = mktime(&tm)) == (time_t)-1)
		return (t);
	return ((int64_t)next);
}

/*
 * The last second of the day t is in, 23:59:59 local: the end of every
 * due date, whether typed in a form, moved off a day off or counted in
 * working days, so an answer is on time or late by the same instant
 * whichever way its date was made. The second before the next midnight,
 * as days are 23 or 25 hours long when the clocks change. t itself on
 * error.
 */
int64_t
time_day_end(int64_t t)
{
	int64_t	 next;

	next = time_day_after(t);
	return (next > t ? next - 1 : t);
}

/*
 * t moved n calendar days on, at the same time of day: 28 days after a
 * due date is 28 days on the calendar, not 28 x 86,400 s, which is an
 * hour out across a clock change. t itself on error.
 */
int64_t
time_add_days(int64_t t, int n)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t, moved;

	if (localtime_r(&tt, &tm) == NULL)
		return (t);
	tm.tm_mday += n;
	tm.tm_isdst = -1;
	if ((moved = mktime(&tm)) == (time_t)-1)
		return (t);
	return ((int64_t)moved);
}

static int
day_off(const struct tm *tm, const struct time_days *off)
{
	char	 day[TIME_DAY_LEN];
	size_t	 i;

	if (tm->tm_wday == 0 || tm->tm_wday == 6)
		return (1);
	if (off == NULL)
		return (0);
	(void)strftime(day, sizeof(day), "%Y-%m-%d", tm);
	for (i = 0; i < off->n; i++)
		if (strcmp(off->day[i], day) == 0)
			return (1);
	return (0);
}

/* Whether t's day is a working day: Monday to Friday, not a day off. */
int
time_is_working_day(int64_t t, const struct time_days *off)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL)
		return (1);
	return (!day_off(&tm, off));
}

/*
 * t plus n working days, at the end of that day (time_day_end): Monday
 * to Friday, and not one of the days off (may be NULL).
 */
int64_t
time_add_working_days(int64_t t, int n, const struct time_days *off)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL)
		return (t + (int64_t)n * 86400);
	while (n > 0) {
		tm.tm_mday++;
		tm.tm_isdst = -1;
		tt = mktime(&tm);
		(void)localtime_r(&tt, &tm);
		if (!day_off(&tm, off))
			n--;
	}
	return (time_day_end((int64_t)mktime(&tm)));
}

/* How often, in words: "once", "twice", "3 times". */
const char *
times_words(struct arena *a, int64_t n)
{
	if (n == 1)
		return ("once");
	if (n == 2)
		return ("twice");
	return (arena_printf(a, "%lld times", (long long)n));
}
