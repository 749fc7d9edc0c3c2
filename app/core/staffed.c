/*
 * staffed.c: see staffed.h. Times are worked out in local time with
 * mktime, so the clocks going forward or back move the hours with them.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "holidays.h"
#include "settings.h"
#include "staffed.h"

#define DAYS_AHEAD	400	/* look no further for the next staffed day */

static const char *const day_abbr[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	"Fri", "Sat" };
static const char *const day_name[] = { "Sunday", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const month_name[] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

static int
day_index(const char *s, size_t len)
{
	int	 i;

	for (i = 0; i < 7; i++)
		if (len == 3 && strncasecmp(s, day_abbr[i], 3) == 0)
			return (i);
	return (-1);
}

/* "Mon-Fri" or "Mon,Wed,Fri-Sun" into a bit per day. 0 or -1. */
static int
parse_days(const char *s, unsigned *out)
{
	const char	*p, *end, *dash;
	int		 a, b;

	*out = 0;
	for (p = s; *p != '\0'; p = *end ? end + 1 : end) {
		while (*p == ' ')
			p++;
		if ((end = strchr(p, ',')) == NULL)
			end = p + strlen(p);
		dash = memchr(p, '-', (size_t)(end - p));
		if (dash == NULL) {
			if ((a = day_index(p, (size_t)(end - p))) == -1)
				return (-1);
			b = a;
		} else if ((a = day_index(p, (size_t)(dash - p))) == -1 ||
		    (b = day_index(dash + 1, (size_t)(end - dash - 1))) == -1)
			return (-1);
		/* A range may wrap round the week: Fri-Mon. */
		for (;; a = (a + 1) % 7) {
			*out |= 1u << a;
			if (a == b)
				break;
		}
	}
	return (*out != 0 ? 0 : -1);
}

static int
parse_clock(const char *s, int *out)
{
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    s[2] != ':' || !isdigit((unsigned char)s[3]) ||
	    !isdigit((unsigned char)s[4]))
		return (-1);
	*out = ((s[0] - '0') * 10 + s[1] - '0') * 60 + (s[3] - '0') * 10 +
	    s[4] - '0';
	if ((s[3] - '0') > 5 || *out > 24 * 60)
		return (-1);
	return (0);
}

/* "09:00-17:00" (24-hour clock, the first before the second). */
static int
parse_hours(const char *s, int *from, int *until)
{
	if (strlen(s) != 11 || s[5] != '-' || parse_clock(s, from) == -1 ||
	    parse_clock(s + 6, until) == -1 || *from >= *until)
		return (-1);
	return (0);
}

/* 0 when both settings make sense, else -1 (out untouched). */
int
staffed_parse(const char *days, const char *hours, struct staffed *out)
{
	struct staffed	 s;

	if (parse_days(days, &s.days) == -1 ||
	    parse_hours(hours, &s.from, &s.until) == -1)
		return (-1);
	*out = s;
	return (0);
}

const char *
staffed_days_problem(const char *days)
{
	unsigned	 d;

	return (parse_days(days, &d) == -1 ? "Write days as three letters, "
	    "like Mon-Fri or Mon-Thu,Sat." : NULL);
}

const char *
staffed_hours_problem(const char *hours)
{
	int	 a, b;

	return (parse_hours(hours, &a, &b) == -1 ? "Write the hours like "
	    "09:00-17:00, the start before the end." : NULL);
}

/*
 * The settings (Mon-Fri 09:00-17:00 if they are unreadable) and the
 * days off from now's day on. 0, or -1 on a database error.
 */
int
staffed_load(struct db *db, int64_t now, struct staffed *s,
    struct time_days *off)
{
	struct arena	 a;
	int		 rc;

	s->days = 0x3e;
	s->from = 9 * 60;
	s->until = 17 * 60;
	arena_init(&a);
	(void)staffed_parse(settings_text(db, &a, "staffed_days", ""),
	    settings_text(db, &a, "staffed_hours", ""), s);
	arena_free(&a);
	rc = holidays_from(db, now, off);
	return (rc);
}

static int
is_day_off(const struct tm *tm, const struct time_days *off)
{
	char	 day[TIME_DAY_LEN];
	size_t	 i;

	if (off == NULL)
		return (0);
	(void)strftime(day, sizeof(day), "%Y-%m-%d", tm);
	for (i = 0; i < off->n; i++)
		if (strcmp(off->day[i], day) == 0)
			return (1);
	return (0);
}

/* The time minutes after the start of the day in tm (local time). */
static int64_t
at_minute(const struct tm *day, int minutes)
{
	struct tm	 tm = *day;

	tm.tm_hour = 0;
	tm.tm_min = minutes;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return ((int64_t)mktime(&tm));
}

/* The start of the day i days after t's, normalised (local time). */
static void
day_after(int64_t t, int i, struct tm *out)
{
	time_t	 tt = (time_t)t;

	(void)localtime_r(&tt, out);
	out->tm_mday += i;
	out->tm_hour = 12;	/* noon: never in a clock change */
	out->tm_min = out->tm_sec = 0;
	out->tm_isdst = -1;
	tt = mktime(out);
	(void)localtime_r(&tt, out);
}

/* 1 if t is in staffed hours on a staffed day that is not a day off. */
int
staffed_open(const struct staffed *s, const struct time_days *off,
    int64_t t)
{
	struct tm	 tm;

	day_after(t, 0, &tm);
	if (!(s->days & (1u << tm.tm_wday)) || is_day_off(&tm, off))
		return (0);
	return (t >= at_minute(&tm, s->from) && t < at_minute(&tm, s->until));
}

/*
 * When a worker will next read something sent at t: t itself when open
 * with at least STAFFED_MARGIN_MIN left, else the next opening. -1 if
 * no day in the next DAYS_AHEAD is staffed.
 */
int64_t
staffed_next(const struct staffed *s, const struct time_days *off,
    int64_t t)
{
	struct tm	 tm;
	int64_t		 open, close;
	int		 i;

	for (i = 0; i < DAYS_AHEAD; i++) {
		day_after(t, i, &tm);
		if (!(s->days & (1u << tm.tm_wday)) || is_day_off(&tm, off))
			continue;
		open = at_minute(&tm, s->from);
		close = at_minute(&tm, s->until);
		if (t < open)
			return (open);
		if (t < close - STAFFED_MARGIN_MIN * 60)
			return (t);
	}
	return (-1);
}

static const char *
part_of_day(int hour)
{
	if (hour >= 5 && hour < 12)
		return ("morning");
	if (hour >= 12 && hour < 17)
		return ("afternoon");
	if (hour >= 17 && hour < 21)
		return ("evening");
	return ("night");
}

/* "9am", "1:30pm", "12pm". */
static const char *
clock_words(struct arena *a, const struct tm *tm)
{
	int	 h;

	h = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
	if (tm->tm_min == 0)
		return (arena_printf(a, "%d%s", h, tm->tm_hour < 12 ? "am" :
		    "pm"));
	return (arena_printf(a, "%d:%02d%s", h, tm->tm_min,
	    tm->tm_hour < 12 ? "am" : "pm"));
}

/* Whole calendar days from a's day to b's day. */
static int
days_between(int64_t a, int64_t b)
{
	struct tm	 ta, tb;
	int		 i;

	day_after(b, 0, &tb);
	for (i = 0; i < DAYS_AHEAD; i++) {
		day_after(a, i, &ta);
		if (ta.tm_year == tb.tm_year && ta.tm_yday == tb.tm_yday)
			return (i);
	}
	return (DAYS_AHEAD);
}

/*
 * What to tell a young person who sent something now: "A worker will
 * read this today." when staffed, else what time it is and when a
 * worker will next read it: "It is Saturday night. A worker will read
 * this on Monday morning."
 */
const char *
staffed_words(struct arena *a, const struct staffed *s,
    const struct time_days *off, int64_t now)
{
	struct tm	 tn, tx;
	time_t		 tt;
	const char	*it, *when;
	int64_t		 next;
	int		 d;

	next = staffed_next(s, off, now);
	if (next == now)
		return ("A worker will read this today.");
	tt = (time_t)now;
	(void)localtime_r(&tt, &tn);
	/* Small hours by the clock: "Thursday night" at 3am reads as the
	 * night to come. */
	if (tn.tm_hour < 5)
		it = arena_printf(a, "It is %s on %s%s.", clock_words(a, &tn),
		    day_name[tn.tm_wday], is_day_off(&tn, off) ?
		    ", a day off for the team" : "");
	else
		it = arena_printf(a, "It is %s %s%s.", day_name[tn.tm_wday],
		    part_of_day(tn.tm_hour), is_day_off(&tn, off) ?
		    ", a day off for the team" : "");
	if (next == -1)
		return (arena_printf(a, "%s Nobody is reading messages here "
		    "at the moment.", it));
	tt = (time_t)next;
	(void)localtime_r(&tt, &tx);
	d = days_between(now, next);
	if (d == 0)
		when = arena_printf(a, "later today, after %s",
		    clock_words(a, &tx));
	else if (d == 1)
		when = arena_printf(a, "tomorrow %s",
		    part_of_day(tx.tm_hour));
	else if (d < 7)
		when = arena_printf(a, "on %s %s", day_name[tx.tm_wday],
		    part_of_day(tx.tm_hour));
	else
		when = arena_printf(a, "on %s %d %s", day_name[tx.tm_wday],
		    tx.tm_mday, month_name[tx.tm_mon]);
	return (arena_printf(a, "%s A worker will read this %s.", it, when));
}

/* staffed_words with the settings and days off from db (see above). */
const char *
staffed_words_now(struct db *db, struct arena *a, int64_t now)
{
	struct time_days	 off;
	struct staffed		 s;

	if (staffed_load(db, now, &s, &off) == -1)
		off.n = 0;
	return (staffed_words(a, &s, &off, now));
}

/* "Tuesday 2 December", the day of t. */
static const char *
day_words(struct arena *a, int64_t t)
{
	struct tm	 tm;
	time_t		 tt;

	tt = (time_t)t;
	(void)localtime_r(&tt, &tm);
	return (arena_printf(a, "%s %d %s", day_name[tm.tm_wday], tm.tm_mday,
	    month_name[tm.tm_mon]));
}

/*
 * When someone who sent a view at now hears back: "A worker will read it
 * by Tuesday 2 December." (or "today"), from the staffed hours and days
 * off; then "If it goes to councillors, they answer within 20 working
 * days." from response_days.
 */
const char *
staffed_reply_words(struct arena *a, const struct staffed *s,
    const struct time_days *off, int64_t now, int response_days)
{
	const char	*read;
	int64_t		 next;

	next = staffed_next(s, off, now);
	if (next == -1)
		read = "A worker will read it when the team is back.";
	else if (days_between(now, next) == 0)
		read = "A worker will read it today.";
	else
		read = arena_printf(a, "A worker will read it by %s.",
		    day_words(a, next));
	return (arena_printf(a, "%s If it goes to councillors, they answer "
	    "within %d working day%s.", read, response_days,
	    response_days == 1 ? "" : "s"));
}

/* staffed_reply_words with the settings and days off from db. */
const char *
staffed_reply_words_now(struct db *db, struct arena *a, int64_t now)
{
	struct time_days	 off;
	struct staffed		 s;

	if (staffed_load(db, now, &s, &off) == -1)
		off.n = 0;
	return (staffed_reply_words(a, &s, &off, now,
	    (int)settings_int(db, "response_days", 20)));
}

/* "Tuesday 2 December" for a due date, for the young person's view. */
const char *
staffed_day_words(struct arena *a, int64_t t)
{
	return (day_words(a, t));
}
