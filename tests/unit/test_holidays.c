/*
 * test_holidays.c: counting working days (weekends, days off, the change
 * to summer time), strict dates, and the holidays table: the seeded bank
 * holidays, adding (refusals in words), removing, and every change
 * audited.
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

#include "answers.h"
#include "holidays.h"
#include "issues.h"
#include "timefmt.h"

UNITDB_GROUP("/tmp/portal-hol-XXXXXX")

static const struct actor admin = { 1, "Alex Morgan", "admin", "127.0.0.1" };

/* "YYYY-MM-DD HH:MM" local time as seconds. */
static int64_t
at(const char *day, int hour)
{
	int64_t	 t;

	assert_int_equal(time_parse_date(day, &t), 0);
	return (t + hour * 3600);
}

static void
assert_day(int64_t t, const char *want)
{
	char	 day[TIME_DAY_LEN];

	time_day(t, day);
	assert_string_equal(day, want);
}

static void
weekends_and_days_off(void **state)
{
	struct time_days	 off;
	int64_t			 due;

	(void)state;
	/* Thursday plus five: Friday, then Monday to Thursday, to the
	 * last second of the day, as a date typed in a form ends. */
	due = time_add_working_days(at("2026-12-17", 10), 5, NULL);
	assert_day(due, "2026-12-24");
	assert_int_equal(due, at("2026-12-24", 0) + 23 * 3600 + 59 * 60 + 59);
	assert_int_equal(due, time_day_end(at("2026-12-24", 0)));
	/* An answer at 23:59:30 that day is on time. */
	assert_true(at("2026-12-24", 23) + 59 * 60 + 30 <= due);
	memset(&off, 0, sizeof(off));
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-28");
	(void)snprintf(off.day[off.n++], TIME_DAY_LEN, "2026-12-25");
	due = time_add_working_days(at("2026-12-24", 10), 1, &off);
	assert_day(due, "2026-12-29");
	/* Across the clocks going forward (29 March 2026): still 23:59:59. */
	due = time_add_working_days(at("2026-03-27", 12), 1, NULL);
	assert_int_equal(due, at("2026-03-30", 0) + 23 * 3600 + 59 * 60 + 59);
}

static void
dates_are_strict(void **state)
{
	int64_t	 t;

	(void)state;
	assert_int_equal(time_parse_date("2028-02-29", &t), 0);
	assert_day(t, "2028-02-29");
	assert_int_equal(time_parse_date("2026-02-29", &t), -1);
	assert_int_equal(time_parse_date("2026-02-30", &t), -1);
	assert_int_equal(time_parse_date("2026-13-01", &t), -1);
	assert_int_equal(time_parse_date("2026-1-01x", &t), -1);
	assert_int_equal(time_parse_date("", &t), -1);
	assert_int_equal(time_parse_date(NULL, &t), -1);
}

static void
seeded_bank_holidays_count(void **state)
{
	struct time_days	 off;

	(void)state;
	assert_int_equal(holidays_from(db, at("2026-12-01", 9), &off), 0);
	assert_true(off.n >= 3);
	assert_string_equal(off.day[0], "2026-12-25");
	assert_string_equal(off.day[1], "2026-12-28");
	assert_string_equal(off.day[2], "2027-01-01");
	/* Twenty working days from 30 March 2026 skip Easter. */
	assert_day(holidays_working_days(db, at("2026-03-30", 9), 20),
	    "2026-04-29");
}

static void
adding_and_removing(void **state)
{
	struct time_days	 off;
	const char		*why;
	int64_t			 n, id;

	(void)state;
	assert_int_equal(holidays_add(db, &admin, "2026-02-30", "Closed",
	    &why), -1);
	assert_string_equal(why, "Enter a real date, like 2027-12-24.");
	assert_int_equal(holidays_add(db, &admin, "24/12/2027", "Closed",
	    &why), -1);
	assert_non_null(why);
	assert_int_equal(holidays_add(db, &admin, "2026-12-25", "Again",
	    &why), -1);
	assert_string_equal(why, "That day is already on the list.");

	assert_int_equal(holidays_add(db, &admin, "2026-12-24",
	    "Council closure day", &why), 0);
	assert_int_equal(holidays_from(db, at("2026-12-24", 9), &off), 0);
	assert_string_equal(off.day[0], "2026-12-24");
	assert_day(holidays_working_days(db, at("2026-12-23", 9), 1),
	    "2026-12-29");
	assert_int_equal(db_int(db, &id, "SELECT id FROM holidays WHERE "
	    "day = '2026-12-24'", ""), 1);
	assert_int_equal(holidays_remove(db, &admin, id), 0);
	assert_int_equal(holidays_remove(db, &admin, id), -1);
	assert_day(holidays_working_days(db, at("2026-12-23", 9), 1),
	    "2026-12-24");
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM audit_log WHERE "
	    "action IN ('holiday.add', 'holiday.remove')", ""), 1);
	assert_int_equal(n, 2);
}

/* The end of day, local time: what a date typed in a form means. */
static int64_t
end_of(const char *day)
{
	return (time_day_after(at(day, 0)) - 1);
}

/*
 * More time is counted in days on the calendar, across the change to
 * summer time too, and ends on a working day.
 */
static void
more_time_is_counted_in_calendar_days(void **state)
{
	struct response	 r;
	struct arena	 a;
	int64_t		 id;
	const char	*why;

	(void)state;
	assert_int_equal(time_add_days(at("2027-03-18", 23), 28),
	    at("2027-04-15", 23));
	assert_int_equal(db_exec(db, "INSERT INTO categories (key, name, "
	    "position) VALUES ('time', 'Time', 99)", ""), 0);
	assert_int_equal(db_exec(db, "INSERT INTO issues (category_id, title, "
	    "summary, state, due_at, created_at) VALUES (?1, 'T', 'T', "
	    "'with_councillor', ?2, 1)", "ii", db_last_id(db),
	    end_of("2027-03-18")), 0);
	id = db_last_id(db);
	assert_int_equal(db_exec(db, "INSERT OR REPLACE INTO settings (key, "
	    "value, label) VALUES ('extension_days_max', '28', 'Days')", ""),
	    0);
	arena_init(&a);
	memset(&r, 0, sizeof(r));
	r.decision = "more_time";
	r.new_due = end_of("2027-04-15");
	assert_null(answers_extension_problem(db, &a, id, &r,
	    at("2027-03-20", 9)));
	/* A day more is 29 days, though 28 x 86,400 s (an hour short,
	 * the clocks having gone forward) would let it through. */
	r.new_due = end_of("2027-04-16");
	assert_non_null(why = answers_extension_problem(db, &a, id, &r,
	    at("2027-03-20", 9)));
	assert_non_null(strstr(why, "at most 28 more days"));
	r.new_due = end_of("2027-04-10");
	assert_non_null(why = answers_extension_problem(db, &a, id, &r,
	    at("2027-03-20", 9)));
	assert_non_null(strstr(why, "not a working day"));
	/* Asked once the most there could be has gone by: said so, not
	 * "choose a date" that has passed. */
	r.new_due = end_of("2027-04-23");
	assert_non_null(why = answers_extension_problem(db, &a, id, &r,
	    at("2027-04-19", 9)));
	assert_non_null(strstr(why, "ran out on 15 April 2027"));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(weekends_and_days_off),
		cmocka_unit_test(dates_are_strict),
		cmocka_unit_test(seeded_bank_holidays_count),
		cmocka_unit_test(adding_and_removing),
		cmocka_unit_test(more_time_is_counted_in_calendar_days),
	};

	time_zone_init();
	return (cmocka_run_group_tests_name("holidays", tests, setup,
	    teardown));
}
