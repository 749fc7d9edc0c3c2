/*
 * test_generate.c: the benchmark council (portalctl generate) on a real
 * migrated database: every view and issue dated in the year before now,
 * and nothing answered or published after now.
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

#include "auth.h"
#include "generate.h"

UNITDB_GROUP("/tmp/portal-generate-XXXXXX")

#define DAY	86400
#define NOW	((int64_t)1790000000)	/* a fixed "now": no clock in tests */

static int64_t
one(const char *sql)
{
	int64_t	 n;

	assert_int_equal(db_int(db, &n, sql, "i", NOW), 1);
	return (n);
}

static void
nothing_happens_after_now(void **state)
{
	char	 err[256];

	(void)state;
	assert_int_equal(auth_init(), 0);
	assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
	    "name_key, role, password_hash, created_at) VALUES ('Cllr A', "
	    "'cllr a', 'councillor', 'x', 1)", ""), 0);
	assert_int_equal(generate_council(db, 20, 2000, NOW, "pw-for-tests",
	    err, sizeof(err)), 0);
	assert_int_equal(one("SELECT count(*) FROM views WHERE ?1 > 0"), 2000);
	assert_true(one("SELECT count(*) FROM issues WHERE published_at > 0 AND ?1")
	    > 0);
	assert_int_equal(one("SELECT count(*) FROM views WHERE created_at > "
	    "?1 OR created_at < ?1 - 365 * 86400"), 0);
	assert_int_equal(one("SELECT count(*) FROM issues WHERE created_at > "
	    "?1 OR sent_at > ?1 OR answered_at > ?1 OR published_at > ?1"),
	    0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_happens_after_now),
	};

	return (cmocka_run_group_tests_name("generate", tests, setup,
	    teardown));
}
