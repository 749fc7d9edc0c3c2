/*
 * test_session.c: sessions against a real database: only the hash is
 * stored, idle and absolute limits by role, disabled accounts, ending,
 * and a session kept only while the database is unchanged.
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

#include "session.h"

static struct db	*db;
static char		 dir[64];
static int64_t		 young, staff;
static const struct session_limits limits = { 30 * 60, 60 * 60, 8 * 3600 };

static int
setup(void **state)
{
	const char	*why;

	(void)state;
	(void)snprintf(dir, sizeof(dir), "/tmp/portal-ses-XXXXXX");
	if (unitdb_open(dir, &db) == -1 ||
	    user_create(db, "Sky", ROLE_YOUNG, "x", "12_15", 0, &young,
	    &why) == -1 ||
	    user_create(db, "Wendy", ROLE_WORKER, "x", NULL, 0, &staff,
	    &why) == -1)
		return (-1);
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	return (unitdb_close(dir, db));
}

static void
only_the_hash_is_stored(void **state)
{
	struct session	 s;
	char		 token[AUTH_TOKEN_LEN], sql[256];
	int64_t		 sid, n;

	(void)state;
	assert_int_equal(session_create(db, young, 1000, "127.0.0.1", "ua",
	    token, &sid), 0);
	(void)snprintf(sql, sizeof(sql), "SELECT count(*) FROM sessions "
	    "WHERE token_hash = '%s' OR CAST(token_hash AS TEXT) = '%s'",
	    token, token);
	assert_int_equal(db_int(db, &n, sql, ""), 1);
	assert_int_equal(n, 0);
	assert_int_equal(session_find(db, token, 1001, &limits, &s), 1);
	assert_int_equal(s.user_id, young);
	assert_int_equal(s.role, ROLE_YOUNG);
	assert_string_equal(s.name, "Sky");
	assert_int_equal(strlen(s.csrf), 43);
	assert_int_equal(session_find(db, "nope", 1001, &limits, &s), 0);
	token[0] = token[0] == 'A' ? 'B' : 'A';
	assert_int_equal(session_find(db, token, 1001, &limits, &s), 0);
}

static void
idle_limits_follow_the_role(void **state)
{
	struct session	 s;
	char		 ty[AUTH_TOKEN_LEN], ts[AUTH_TOKEN_LEN];
	int64_t		 sid;

	(void)state;
	assert_int_equal(session_create(db, young, 5000, "", "", ty, &sid), 0);
	assert_int_equal(session_create(db, staff, 5000, "", "", ts, &sid), 0);
	/* 45 minutes idle: too long for staff, fine for a young person. */
	assert_int_equal(session_find(db, ty, 5000 + 45 * 60, &limits, &s), 1);
	assert_int_equal(session_find(db, ts, 5000 + 45 * 60, &limits, &s), 0);
	/* Gone for good once expired. */
	assert_int_equal(session_find(db, ts, 5001, &limits, &s), 0);
}

static void
absolute_limit_and_ending(void **state)
{
	struct session	 s;
	char		 t[AUTH_TOKEN_LEN], t2[AUTH_TOKEN_LEN];
	int64_t		 now, sid, sid2;

	(void)state;
	now = 100000;
	assert_int_equal(session_create(db, young, now, "", "", t, &sid), 0);
	/* Busy all day: seen every 50 minutes, still ends at 8 hours. */
	for (now += 3000; now < 100000 + 8 * 3600; now += 3000)
		assert_int_equal(session_find(db, t, now, &limits, &s), 1);
	assert_int_equal(session_find(db, t, 100000 + 8 * 3600 + 1, &limits,
	    &s), 0);
	assert_int_equal(session_create(db, young, now, "", "", t, &sid), 0);
	assert_int_equal(session_create(db, young, now, "", "", t2, &sid2), 0);
	assert_true(session_end_user(db, young, sid) >= 1);
	assert_int_equal(session_find(db, t, now, &limits, &s), 1);
	assert_int_equal(session_find(db, t2, now, &limits, &s), 0);
	assert_int_equal(session_end(db, sid), 0);
	assert_int_equal(session_find(db, t, now, &limits, &s), 0);
}

static void
disabled_accounts_have_no_session(void **state)
{
	struct session	 s;
	char		 t[AUTH_TOKEN_LEN];
	int64_t		 sid;

	(void)state;
	assert_int_equal(session_create(db, staff, 9000, "", "", t, &sid), 0);
	assert_int_equal(user_set_disabled(db, staff, 1, 9001), 0);
	assert_int_equal(session_find(db, t, 9002, &limits, &s), 0);
	assert_int_equal(user_set_disabled(db, staff, 0, 9003), 0);
}

/* The data_version this connection sees now. */
static int64_t
version(void)
{
	int64_t	 v;

	assert_int_equal(db_int(db, &v, "PRAGMA data_version", ""), 1);
	return (v);
}

/*
 * A session found is kept while the database is as it was: a change by
 * another connection shows once the caller's data_version moves, a
 * change by this connection at once.
 */
static void
kept_until_the_database_changes(void **state)
{
	struct session	 s;
	struct db	*other;
	char		 t[AUTH_TOKEN_LEN], path[128], err[256];
	int64_t		 sid, v;

	(void)state;
	(void)snprintf(path, sizeof(path), "%s/unit.db", dir);
	assert_int_equal(db_open(&other, path, err, sizeof(err)), 0);
	assert_int_equal(session_create(db, young, 20000, "", "", t, &sid), 0);
	v = version();
	assert_int_equal(session_find_at(db, t, 20001, &limits, v, &s), 1);

	/* Disabled by another connection: the kept row is used while the
	 * caller says nothing moved, and read again when it has. */
	assert_int_equal(user_set_disabled(other, young, 1, 20002), 0);
	assert_int_equal(session_find_at(db, t, 20003, &limits, v, &s), 1);
	assert_int_equal(s.user_id, young);
	assert_true(version() != v);
	v = version();
	assert_int_equal(session_find_at(db, t, 20003, &limits, v, &s), 0);
	assert_int_equal(session_find(db, t, 20003, &limits, &s), 0);

	/* Ended by this connection: gone at once, whatever the caller's
	 * data_version says. */
	assert_int_equal(user_set_disabled(other, young, 0, 20004), 0);
	v = version();
	assert_int_equal(session_find_at(db, t, 20005, &limits, v, &s), 1);
	assert_int_equal(session_end(db, sid), 0);
	assert_int_equal(session_find_at(db, t, 20005, &limits, v, &s), 0);
	db_close(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_the_hash_is_stored),
		cmocka_unit_test(idle_limits_follow_the_role),
		cmocka_unit_test(absolute_limit_and_ending),
		cmocka_unit_test(disabled_accounts_have_no_session),
		cmocka_unit_test(kept_until_the_database_changes),
	};

	return (cmocka_run_group_tests_name("session", tests, setup,
	    teardown));
}
