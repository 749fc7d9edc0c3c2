/*
 * test_seed.c: the demo council's issues are due as the product makes
 * due dates: at the end of a working day (23:59:59 on the council's
 * clock), never on a weekend or a day off.
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

#include "holidays.h"
#include "seed.h"
#include "timefmt.h"

UNITDB_GROUP("/tmp/portal-seed-XXXXXX")

static void
demo_due_dates_end_working_days(void **state)
{
	sqlite3_stmt	*st;
	char		 err[256], day[TIME_DAY_LEN];
	int64_t		 due[256];
	size_t		 n, i;
	int		 rc;

	(void)state;
	time_zone_init();
	assert_int_equal(seed_demo(db, err, sizeof(err)), 1);
	n = 0;
	st = db_query(db, "SELECT due_at FROM issues WHERE due_at IS NOT NULL "
	    "UNION SELECT first_due_at FROM issues WHERE first_due_at IS NOT "
	    "NULL UNION SELECT new_due FROM answer_checks WHERE new_due > 0",
	    "");
	while (n < 256 && (rc = db_step(st)) == 1)
		due[n++] = sqlite3_column_int64(st, 0);
	db_done(st);
	assert_int_not_equal(rc, -1);
	assert_true(n >= 3);
	for (i = 0; i < n; i++) {
		time_day(due[i], day);
		if (time_day_end(due[i]) != due[i])
			fail_msg("due %s not at the end of the day", day);
		if (holidays_working(db, due[i]) != 1)
			fail_msg("due %s, not a working day", day);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(demo_due_dates_end_working_days),
	};

	return (cmocka_run_group_tests_name("seed", tests, setup, teardown));
}
