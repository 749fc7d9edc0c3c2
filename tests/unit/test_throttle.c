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

#include "quota.h"
#include "throttle.h"

UNITDB_GROUP("/tmp/portal-thr-XXXXXX")

static int64_t
db_count_key(const char *key)
{
	int64_t	 n;

	if (db_int(db, &n, "SELECT count(*) FROM attempts WHERE key = ?1",
	    "t", key) != 1)
		return (-1);
	return (n);
}

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

/*
 * More attempts in the window than a (lowered) cap: the wait ends when
 * the cap-th newest leaves the window, and only cap rows are read.
 */
static void
cap_lowered_counts_the_newest(void **state)
{
	int64_t	 now = 3000000;
	int	 i;

	(void)state;
	for (i = 0; i < 10; i++)
		assert_int_equal(throttle_fail(db, "sent:view:7", now + i), 0);
	/* The 3rd newest is at now + 7: an hour after it. */
	assert_int_equal(throttle_wait(db, "sent:view:7", now + 10, 3600, 3),
	    3597);
	assert_int_equal(throttle_wait(db, "sent:view:7", now + 10, 3600, 11),
	    0);
}

/* A whole IPv6 /64 is one address; IPv4 in IPv6 is IPv4. */
static void
ipv6_keyed_by_64(void **state)
{
	char	 a[80], b[80];

	(void)state;
	throttle_addr_key("2001:db8:1:2:aaaa::1", a, sizeof(a));
	throttle_addr_key("2001:db8:1:2:ffff:ffff:ffff:9", b, sizeof(b));
	assert_string_equal(a, "2001:db8:1:2::/64");
	assert_string_equal(a, b);
	throttle_addr_key("2001:db8:1:3::1", b, sizeof(b));
	assert_string_not_equal(a, b);
	throttle_addr_key("::ffff:192.0.2.7", a, sizeof(a));
	assert_string_equal(a, "192.0.2.7");
	throttle_addr_key("192.0.2.7", a, sizeof(a));
	assert_string_equal(a, "192.0.2.7");
	throttle_addr_key("not an address", a, sizeof(a));
	assert_string_equal(a, "not an address");
}

/*
 * Views sent without an account count against the address's /64: a
 * phone given a whole /64 cannot send past the limit from fresh
 * addresses in it (each from a fresh browser, too).
 */
static void
anon_views_count_per_64(void **state)
{
	char	 ip[64], cookie[64];
	int	 i;

	(void)state;
	for (i = 1; i <= 30; i++) {
		(void)snprintf(ip, sizeof(ip), "2001:db8:1:2::%x", i);
		(void)snprintf(cookie, sizeof(cookie), "browser-%032d", i);
		assert_int_equal(quota_anon_wait(db, cookie, ip, 1000), 0);
		assert_int_equal(quota_anon_sent(db, cookie, ip, 1000), 0);
	}
	assert_true(quota_anon_wait(db, "browser-fresh-0000000000000000000",
	    "2001:db8:1:2:ffff::1", 1000) > 0);
	assert_int_equal(quota_anon_wait(db, "browser-fresh-0000000000000000000",
	    "2001:db8:1:3::1", 1000), 0);
	throttle_ip_key("bigworry", "2001:db8:1:2::77", ip, sizeof(ip));
	assert_string_equal(ip, "bigworry:a:2001:db8:1:2::/64");
}

/* "Cody", "Cody\t", "CODY\n" are one name to count against. */
static void
signin_keys_fold_the_name(void **state)
{
	struct signin_keys	 a, b;

	(void)state;
	throttle_signin_keys("10.0.0.1", "cookie", "Cody", &a);
	throttle_signin_keys("10.0.0.1", "cookie", " CODY\t\t\n", &b);
	assert_string_equal(a.pair, b.pair);
	assert_string_equal(a.dev, b.dev);
	assert_string_equal(a.acct, "acct:cody");
	assert_null(strstr(a.dev, "cookie"));	/* only a digest is kept */
	throttle_signin_keys("2001:db8::1", NULL, "Cody", &b);
	assert_string_equal(b.pair, "pair:2001:db8::/64|cody");
	assert_string_equal(b.dev, "");
}

/* Tries written before their check: the fourth parallel one waits. */
static void
tries_in_flight_count(void **state)
{
	struct signin_keys	 k;
	int64_t			 now = 3000000;
	int			 i;

	(void)state;
	throttle_signin_keys("10.0.0.2", NULL, "Flight", &k);
	for (i = 0; i < THROTTLE_FREE_TRIES; i++) {
		assert_int_equal(throttle_signin_wait(db, &k, now), 0);
		assert_int_equal(throttle_signin_try(db, &k, now), 0);
	}
	assert_true(throttle_signin_wait(db, &k, now) > 0);
	/* A right password takes its try back from address and account. */
	assert_int_equal(throttle_signin_ok(db, &k, now), 0);
	assert_int_equal(throttle_signin_wait(db, &k, now), 0);
	assert_int_equal(db_count_key(k.addr), THROTTLE_FREE_TRIES - 1);
	assert_int_equal(db_count_key(k.pair), 0);
}

/*
 * Hundreds of failures at one name from many addresses never stop its
 * owner's first try from another; they only cost later tries a delay.
 */
static void
owner_not_locked_out(void **state)
{
	struct signin_keys	 k, owner;
	char			 ip[32];
	int64_t			 now = 3100000;
	int			 i;

	(void)state;
	for (i = 0; i < 300; i++) {
		(void)snprintf(ip, sizeof(ip), "10.1.%d.%d", i / 200, i % 200);
		throttle_signin_keys(ip, NULL, "Cllr Sam Okafor", &k);
		assert_int_equal(throttle_signin_try(db, &k, now), 0);
	}
	throttle_signin_keys("10.9.9.9", "owner", "cllr sam okafor", &owner);
	assert_int_equal(throttle_signin_wait(db, &owner, now), 0);
	assert_int_equal(throttle_signin_try(db, &owner, now), 0);
	/* A typo now costs a short wait, not a lock-out. */
	i = (int)throttle_signin_wait(db, &owner, now);
	assert_true(i > 0 && i <= 2);
	assert_int_equal(throttle_signin_wait(db, &owner, now + 2), 0);
	/* The attacker's own address is capped. */
	for (i = 0; i < 12; i++)
		assert_int_equal(throttle_signin_try(db, &k, now + 1), 0);
	assert_true(throttle_signin_wait(db, &k, now + 1) > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(delay_arithmetic),
		cmocka_unit_test(keys_are_separate),
		cmocka_unit_test(caps_per_window),
		cmocka_unit_test(cap_lowered_counts_the_newest),
		cmocka_unit_test(ipv6_keyed_by_64),
		cmocka_unit_test(anon_views_count_per_64),
		cmocka_unit_test(signin_keys_fold_the_name),
		cmocka_unit_test(tries_in_flight_count),
		cmocka_unit_test(owner_not_locked_out),
	};

	return (cmocka_run_group_tests_name("throttle", tests, setup,
	    teardown));
}
