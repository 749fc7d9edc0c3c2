/*
 * test_days.c: the end of a day named in a form, on the council's clock
 * (Europe/London): the next midnight, also on the two days a year the
 * clocks change; the last second before it, where due dates end; and
 * migration 0029, which moves ends stored an hour out
 * to that midnight.
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "arena.h"
#include "db.h"
#include "timefmt.h"

/* Midnight starting day s ("YYYY-MM-DD"), local time. */
static int64_t
day(const char *s)
{
	int64_t	 t;

	assert_int_equal(time_parse_date(s, &t), 0);
	return (t);
}

static void
day_after_is_the_next_midnight(void **state)
{
	(void)state;
	/* 2019-03-31 is 23 hours long, 2019-10-27 is 25. */
	assert_int_equal(time_day_after(day("2019-03-31")),
	    day("2019-04-01"));
	assert_int_equal(day("2019-04-01") - day("2019-03-31"), 23 * 3600);
	assert_int_equal(time_day_after(day("2019-10-27")),
	    day("2019-10-28"));
	assert_int_equal(day("2019-10-28") - day("2019-10-27"), 25 * 3600);
	/* Any time in a day, and across a month and a year. */
	assert_int_equal(time_day_after(day("2026-11-26") + 86399),
	    day("2026-11-27"));
	assert_int_equal(time_day_after(day("2026-02-28")),
	    day("2026-03-01"));
	assert_int_equal(time_day_after(day("2026-12-31") + 43200),
	    day("2027-01-01"));
}

/*
 * The end of a day, where every due date ends: the second before the
 * next midnight, 23:59:59 local, on the 23- and 25-hour days too (a
 * day's start plus 86,399 s is an hour out on those).
 */
static void
day_end_is_the_last_second(void **state)
{
	(void)state;
	assert_int_equal(time_day_end(day("2026-11-26")),
	    day("2026-11-26") + 23 * 3600 + 59 * 60 + 59);
	assert_int_equal(time_day_end(day("2026-11-26") + 12 * 3600),
	    day("2026-11-27") - 1);
	/* The last second is still the day's own. */
	assert_int_equal(time_day_end(day("2026-11-27") - 1),
	    day("2026-11-27") - 1);
	assert_int_equal(time_day_end(day("2019-03-31")), day("2019-04-01") -
	    1);
	assert_int_equal(time_day_end(day("2019-10-27")), day("2019-10-28") -
	    1);
}

/*
 * A date's words on the local clock, either side of midnight in winter
 * and in summer, the same when asked again (from the words kept per
 * hour), and right for two hours that share a place in that table.
 */
static void
dates_follow_the_local_clock(void **state)
{
	struct arena	 a;
	int64_t		 winter, summer;
	int		 round;

	(void)state;
	arena_init(&a);
	winter = day("2026-03-29");	/* the clocks go forward at 01:00 */
	summer = day("2026-07-01");	/* midnight BST is 23:00 UTC */
	for (round = 0; round < 2; round++) {
		assert_string_equal(time_date(&a, winter - 1800),
		    "28 March 2026");
		assert_string_equal(time_date(&a, winter + 1800),
		    "29 March 2026");
		assert_string_equal(time_date(&a, summer - 1800),
		    "30 June 2026");
		assert_string_equal(time_date(&a, summer + 1800),
		    "1 July 2026");
		/* 64 hours on: the same place in the table. */
		assert_string_equal(time_date(&a, summer + 1800 + 64 * 3600),
		    "3 July 2026");
	}
	assert_string_equal(time_date(&a, 0), "");
	arena_free(&a);
}

/* Every migration up to and including last, linked into dir. */
static void
link_migrations(const char *dir, int last)
{
	char	 cmd[512];

	(void)snprintf(cmd, sizeof(cmd), "for f in migrations/*.sql; do "
	    "n=$(basename $f | cut -c1-4 | sed 's/^0*//'); [ \"$n\" -le %d ] && "
	    "ln -sf \"$PWD/$f\" %s/; done; true", last, dir);
	assert_int_equal(system(cmd), 0);
}

/* The period_to of the commentary that says body. */
static int64_t
commentary_end(struct db *db, const char *body)
{
	int64_t	 n;

	assert_int_equal(db_int(db, &n, "SELECT period_to FROM "
	    "report_commentary WHERE body = ?1", "t", body), 1);
	return (n);
}

static void
migration_moves_ends_to_midnight(void **state)
{
	struct db	*db;
	char		 dir[64], mig[96], path[96], err[256], cmd[128];
	int64_t		 n, spring, autumn, plain;

	(void)state;
	(void)snprintf(dir, sizeof(dir), "/tmp/portal-days-XXXXXX");
	assert_non_null(mkdtemp(dir));
	(void)snprintf(mig, sizeof(mig), "%s/migrations", dir);
	(void)snprintf(path, sizeof(path), "%s/test.db", dir);
	assert_int_equal(mkdir(mig, 0700), 0);
	link_migrations(mig, 28);
	assert_int_equal(db_open(&db, path, err, sizeof(err)), 0);
	assert_true(db_migrate(db, mig, err, sizeof(err)) > 0);
	/* Ends as they were stored: the last day's midnight + 86,400 s. */
	spring = day("2019-03-31") + 86400;	/* 01:00 on 1 April */
	autumn = day("2019-10-27") + 86400;	/* 23:00 on 27 October */
	plain = day("2019-06-30") + 86400;	/* midnight: right already */
	assert_int_equal(db_exec(db, "INSERT INTO report_commentary "
	    "(period_from, period_to, section, body, updated_at) VALUES "
	    "(1, ?1, 'raised', 'a', 1), (2, ?2, 'raised', 'b', 1), "
	    "(3, ?3, 'raised', 'c', 1), (4, ?4, 'raised', 'd', 1)", "iiii",
	    spring, autumn, plain, day("2019-06-29") + 23 * 3600), 0);
	assert_int_equal(db_exec(db, "INSERT INTO consultations (title, "
	    "opens_at, closes_at, created_at) VALUES ('x', 1, ?1, 1), "
	    "('y', 1, ?2, 1)", "ii", spring, plain), 0);
	link_migrations(mig, 29);
	assert_int_equal(db_migrate(db, mig, err, sizeof(err)), 1);
	assert_int_equal(commentary_end(db, "a"), day("2019-04-01"));
	assert_int_equal(commentary_end(db, "b"), day("2019-10-28"));
	assert_int_equal(commentary_end(db, "c"), plain);
	/* 23:00 on an ordinary day is not an end an hour out. */
	assert_int_equal(commentary_end(db, "d"),
	    day("2019-06-29") + 23 * 3600);
	assert_int_equal(db_int(db, &n, "SELECT closes_at FROM consultations "
	    "WHERE title = 'x'", ""), 1);
	assert_int_equal(n, day("2019-04-01"));
	assert_int_equal(db_int(db, &n, "SELECT closes_at FROM consultations "
	    "WHERE title = 'y'", ""), 1);
	assert_int_equal(n, plain);
	db_close(db);
	(void)snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(day_after_is_the_next_midnight),
		cmocka_unit_test(day_end_is_the_last_second),
		cmocka_unit_test(dates_follow_the_local_clock),
		cmocka_unit_test(migration_moves_ends_to_midnight),
	};

	time_zone_init();
	return (cmocka_run_group_tests_name("days", tests, NULL, NULL));
}
