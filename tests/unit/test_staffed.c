/*
 * test_staffed.c: staffed hours in Europe/London time: parsing the
 * settings, open or not, when a worker will next read something (across
 * weekends, bank holidays and the clocks changing), and the words a
 * young person reads after sending something worrying.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "unitdb.h"

#include "settings.h"
#include "staffed.h"
#include "timefmt.h"

UNITDB_GROUP("/tmp/portal-staffed-XXXXXX")

/* Local time "YYYY-MM-DD" plus hour:minute. */
static int64_t
at(const char *day, int hour, int min)
{
	int64_t	 t;

	assert_int_equal(time_parse_date(day, &t), 0);
	return (t + hour * 3600 + min * 60);
}

static const struct staffed office = { 0x3e, 9 * 60, 17 * 60 };

static void
parsing(void **state)
{
	struct staffed	 s;

	(void)state;
	assert_int_equal(staffed_parse("Mon-Fri", "09:00-17:00", &s), 0);
	assert_int_equal(s.days, 0x3e);
	assert_int_equal(s.from, 540);
	assert_int_equal(s.until, 1020);
	assert_int_equal(staffed_parse("mon-thu, Sat", "08:30-24:00", &s), 0);
	assert_int_equal(s.days, 0x1e | 0x40);
	assert_int_equal(s.until, 1440);
	assert_int_equal(staffed_parse("Fri-Mon", "10:00-11:00", &s), 0);
	assert_int_equal(s.days, 0x01 | 0x02 | 0x20 | 0x40);
	assert_int_equal(staffed_parse("Monday", "09:00-17:00", &s), -1);
	assert_int_equal(staffed_parse("", "09:00-17:00", &s), -1);
	assert_int_equal(staffed_parse("Mon-Fri", "17:00-09:00", &s), -1);
	assert_int_equal(staffed_parse("Mon-Fri", "9:00-17:00", &s), -1);
	assert_int_equal(staffed_parse("Mon-Fri", "09:60-17:00", &s), -1);
	assert_int_equal(staffed_parse("Mon-Fri", "09:00-25:00", &s), -1);
	assert_non_null(staffed_days_problem("Mon-Funday"));
	assert_null(staffed_days_problem("Tue"));
	assert_non_null(staffed_hours_problem("all day"));
	assert_null(staffed_hours_problem("07:45-19:15"));
}

static void
open_or_not(void **state)
{
	(void)state;
	/* Wednesday 25 November 2026 (winter: GMT). */
	assert_false(staffed_open(&office, NULL, at("2026-11-25", 8, 59)));
	assert_true(staffed_open(&office, NULL, at("2026-11-25", 9, 0)));
	assert_true(staffed_open(&office, NULL, at("2026-11-25", 16, 59)));
	assert_false(staffed_open(&office, NULL, at("2026-11-25", 17, 0)));
	assert_false(staffed_open(&office, NULL, at("2026-11-28", 11, 0)));
}

static void
summer_time(void **state)
{
	int64_t	 t;

	(void)state;
	/* Monday 6 July 2026, 08:30 UTC is 09:30 in London: open. */
	t = 1783326600;
	assert_int_equal(t, at("2026-07-06", 9, 30));
	assert_true(staffed_open(&office, NULL, t));
	/* Saturday 24 October 2026, 07:00 BST: the clocks go back on
	 * Sunday, so Monday 09:00 is 09:00 UTC, 51 hours on, not 50. */
	t = at("2026-10-24", 7, 0);
	assert_int_equal(staffed_next(&office, NULL, t), 1793005200);
	assert_int_equal(staffed_next(&office, NULL, t) - t, 51 * 3600);
	/* Friday 27 March 2026 evening: the clocks go forward on Sunday,
	 * Monday 09:00 is 08:00 UTC. */
	assert_int_equal(staffed_next(&office, NULL, at("2026-03-27", 18, 0)),
	    1774857600);
}

static void
next_reader(void **state)
{
	struct time_days	 off;
	int64_t			 t;

	(void)state;
	/* Open with time to spare: now. */
	t = at("2026-11-25", 10, 0);
	assert_int_equal(staffed_next(&office, NULL, t), t);
	/* Less than an hour before closing is not promised as today. */
	assert_int_equal(staffed_next(&office, NULL, at("2026-11-25", 16, 30)),
	    at("2026-11-26", 9, 0));
	/* Early morning: later today. */
	assert_int_equal(staffed_next(&office, NULL, at("2026-11-25", 6, 0)),
	    at("2026-11-25", 9, 0));
	/* Christmas: 25 (Fri) and 28 (Mon) are bank holidays. */
	memset(&off, 0, sizeof(off));
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-25");
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-28");
	assert_int_equal(staffed_next(&office, &off, at("2026-12-24", 18, 0)),
	    at("2026-12-29", 9, 0));
	assert_false(staffed_open(&office, &off, at("2026-12-25", 10, 0)));
	assert_int_equal(staffed_next(&office, NULL, at("2026-12-24", 18, 0)),
	    at("2026-12-25", 9, 0));
}

static void
words(void **state)
{
	struct time_days	 off;
	struct arena		 a;

	(void)state;
	arena_init(&a);
	assert_string_equal(staffed_words(&a, &office, NULL,
	    at("2026-11-25", 10, 0)), "A worker will read this today.");
	/* The case: 02:30 on a Saturday, by the clock (never
	 * "Saturday night", which is the night to come). */
	assert_string_equal(staffed_words(&a, &office, NULL,
	    at("2026-11-28", 2, 30)), "It is 2:30am on Saturday. A worker "
	    "will read this on Monday morning.");
	assert_string_equal(staffed_words(&a, &office, NULL,
	    at("2026-11-26", 3, 0)), "It is 3am on Thursday. A worker will "
	    "read this later today, after 9am.");
	assert_string_equal(staffed_words(&a, &office, NULL,
	    at("2026-11-27", 17, 30)), "It is Friday evening. A worker will "
	    "read this on Monday morning.");
	assert_string_equal(staffed_words(&a, &office, NULL,
	    at("2026-11-25", 22, 0)), "It is Wednesday night. A worker will "
	    "read this tomorrow morning.");
	assert_string_equal(staffed_words(&a, &office, NULL,
	    at("2026-11-25", 7, 15)), "It is Wednesday morning. A worker "
	    "will read this later today, after 9am.");
	memset(&off, 0, sizeof(off));
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-25");
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-28");
	assert_string_equal(staffed_words(&a, &office, &off,
	    at("2026-12-25", 11, 0)), "It is Friday morning, a day off for "
	    "the team. A worker will read this on Tuesday morning.");
	/* A week or more away: the date. */
	memset(&off, 0, sizeof(off));
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-28");
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-29");
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-30");
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-31");
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2027-01-01");
	assert_string_equal(staffed_words(&a, &office, &off,
	    at("2026-12-26", 12, 0)), "It is Saturday afternoon. A worker "
	    "will read this on Monday 4 January.");
	arena_free(&a);
}

/* The settings and the seeded bank holidays, read together. */
static void
from_the_database(void **state)
{
	struct time_days	 off;
	struct staffed		 s;
	struct arena		 a;

	(void)state;
	assert_int_equal(settings_set(db, "staffed_days", "Mon-Sat"), 0);
	assert_int_equal(settings_set(db, "staffed_hours", "10:00-16:00"), 0);
	assert_int_equal(staffed_load(db, at("2026-12-24", 12, 0), &s, &off),
	    0);
	assert_int_equal(s.days, 0x7e);
	assert_int_equal(s.from, 600);
	/* Christmas Day is off; Boxing Day is a staffed Saturday. */
	arena_init(&a);
	assert_string_equal(staffed_words(&a, &s, &off,
	    at("2026-12-24", 18, 0)), "It is Thursday evening. A worker will "
	    "read this on Saturday morning.");
	/* Unreadable settings fall back to Mon-Fri 09:00-17:00. */
	assert_int_equal(settings_set(db, "staffed_hours", "whenever"), 0);
	assert_int_equal(staffed_load(db, at("2026-12-24", 12, 0), &s, &off),
	    0);
	assert_int_equal(s.days, 0x3e);
	assert_int_equal(s.from, 540);
	arena_free(&a);
}

/* When a young person hears back: a day from the calendar, in words. */
static void
reply_words(void **state)
{
	struct arena		 a;
	struct time_days	 off;

	(void)state;
	arena_init(&a);
	assert_string_equal(staffed_reply_words(&a, &office, NULL,
	    at("2026-11-25", 10, 0), 20), "A worker will read it today. If "
	    "it goes to councillors, they answer within 20 working days.");
	assert_string_equal(staffed_reply_words(&a, &office, NULL,
	    at("2026-11-28", 2, 30), 1), "A worker will read it by Monday "
	    "30 November. If it goes to councillors, they answer within 1 "
	    "working day.");
	/* Days off are skipped. */
	memset(&off, 0, sizeof(off));
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-25");
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-28");
	assert_string_equal(staffed_reply_words(&a, &office, &off,
	    at("2026-12-24", 18, 0), 20), "A worker will read it by Tuesday "
	    "29 December. If it goes to councillors, they answer within 20 "
	    "working days.");
	assert_string_equal(staffed_day_words(&a, at("2026-12-02", 12, 0)),
	    "Wednesday 2 December");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parsing),
		cmocka_unit_test(open_or_not),
		cmocka_unit_test(summer_time),
		cmocka_unit_test(next_reader),
		cmocka_unit_test(words),
		cmocka_unit_test(reply_words),
		cmocka_unit_test(from_the_database),
	};

	time_zone_init();
	return (cmocka_run_group_tests_name("staffed", tests, setup,
	    teardown));
}
