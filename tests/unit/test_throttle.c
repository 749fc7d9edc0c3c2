/*
 * test_throttle.c: the delay arithmetic, and the three keys against a
 * real database: one account's failures do not slow another account from
 * the same address.
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

#include "throttle.h"

UNITDB_GROUP("/tmp/portal-thr-XXXXXX")

static void
delay_arithmetic(void **state)
{
	(void)state;
	assert_int_equal(throttle_delay(0, 0, 100), 0);
	assert_int_equal(throttle_delay(2, 100, 100), 0);
	assert_int_equal(throttle_delay(3, 100, 100), 1);	/* 1 s */
	assert_int_equal(throttle_delay(4, 100, 100), 2);
	assert_int_equal(throttle_delay(5, 100, 100), 4);
	assert_int_equal(throttle_delay(5, 100, 103), 1);	/* 3 s gone */
	assert_int_equal(throttle_delay(5, 100, 104), 0);
	assert_int_equal(throttle_delay(9, 100, 100), 60);	/* capped */
	assert_int_equal(throttle_delay(500, 100, 100), 60);
}

static void
keys_are_separate(void **state)
{
	int64_t	 now = 1000000;
	int	 i;

	(void)state;
	for (i = 0; i < 5; i++)
		assert_int_equal(throttle_fail(db, "pair:1.2.3.4|sky", now), 0);
	assert_true(throttle_wait(db, "pair:1.2.3.4|sky", now, 900, 0) > 0);
	assert_int_equal(throttle_wait(db, "pair:1.2.3.4|ash", now, 900, 0),
	    0);
	/* Failures leave the window. */
	assert_int_equal(throttle_wait(db, "pair:1.2.3.4|sky", now + 901, 900,
	    0), 0);
	assert_int_equal(throttle_clear(db, "pair:1.2.3.4|sky"), 0);
	assert_int_equal(throttle_wait(db, "pair:1.2.3.4|sky", now, 900, 0),
	    0);
}

static void
caps_per_window(void **state)
{
	int64_t	 now = 2000000;
	int	 i;

	(void)state;
	for (i = 0; i < THROTTLE_ACCT_PER_MIN - 1; i++)
		assert_int_equal(throttle_fail(db, "acct:sky", now + i), 0);
	assert_int_equal(throttle_wait(db, "acct:sky", now + 10, 60,
	    THROTTLE_ACCT_PER_MIN), 0);
	assert_int_equal(throttle_fail(db, "acct:sky", now + 10), 0);
	/* Ten in a minute: wait until the first of them is a minute old. */
	assert_int_equal(throttle_wait(db, "acct:sky", now + 10, 60,
	    THROTTLE_ACCT_PER_MIN), 50);
	assert_int_equal(throttle_wait(db, "acct:sky", now + 61, 60,
	    THROTTLE_ACCT_PER_MIN), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(delay_arithmetic),
		cmocka_unit_test(keys_are_separate),
		cmocka_unit_test(caps_per_window),
	};

	return (cmocka_run_group_tests_name("throttle", tests, setup,
	    teardown));
}
