/*
 * test_release.c: counts people change themselves are shown in steps of
 * at least small_count people (release.c), so no one can learn a hidden
 * count by changing their own answer and watching it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "release.h"
#include "unitdb.h"

UNITDB_GROUP("/tmp/portal-release-XXXXXX")

static int64_t	 issue;

static int64_t
shown(void)
{
	int64_t	 n;

	assert_int_equal(db_int(db, &n, "SELECT coalesce(sum(n), 0) FROM "
	    "released_counts WHERE kind = 'metoo' AND item_id = ?1", "i",
	    issue), 1);
	return (n);
}

/* Young person i presses "me too" (on) or takes it back, as the site. */
static void
press(int64_t i, int on)
{
	char	 name[32];
	int64_t	 user;

	(void)snprintf(name, sizeof(name), "yp%lld", (long long)i);
	assert_int_equal(db_int(db, &user, "SELECT id FROM users WHERE "
	    "name_key = ?1", "t", name), 1);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(on ? db_exec(db, "INSERT OR IGNORE INTO "
	    "issue_support (issue_id, user_id, created_at) VALUES (?1, ?2, 1)",
	    "ii", issue, user) : db_exec(db, "DELETE FROM issue_support WHERE "
	    "issue_id = ?1 AND user_id = ?2", "ii", issue, user), 0);
	assert_int_equal(release_changed(db, RELEASE_METOO, issue, user,
	    on ? NULL : "", on ? "" : NULL), 0);
	assert_int_equal(db_commit(db), 0);
}

static void
one_person_never_moves_the_count(void **state)
{
	char	 name[32];
	int64_t	 i;

	(void)state;
	for (i = 0; i < 12; i++) {
		(void)snprintf(name, sizeof(name), "yp%lld", (long long)i);
		assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
		    "name_key, role, password_hash, created_at) VALUES (?1, ?1, "
		    "'young_person', 'x', 1)", "t", name), 0);
	}
	assert_int_equal(db_exec(db, "INSERT INTO issues (category_id, title, "
	    "summary, state, created_at) VALUES (1, 'Bus passes', 'Passes', "
	    "'published', 1)", ""), 0);
	issue = db_last_id(db);

	/* Four press it: nothing released yet. */
	for (i = 0; i < 4; i++)
		press(i, 1);
	assert_int_equal(shown(), 0);
	/* The fifth person: released, all five at once. */
	press(4, 1);
	assert_int_equal(shown(), 5);
	/* One person on and off, again and again: what is shown stays. */
	for (i = 0; i < 9; i++)
		press(0, i % 2);
	assert_int_equal(shown(), 5);
	/* Others join in: released only when five people have changed
	 * theirs since, however many changes one of them made. */
	press(5, 1);
	press(6, 1);
	press(7, 1);
	assert_int_equal(shown(), 5);
	press(8, 1);
	/* 0 (off), 5, 6, 7, 8: eight now; one's own change is mixed with
	 * four others'. */
	assert_int_equal(shown(), 8);
}

static void
release_all_shows_everything_as_it_stands(void **state)
{
	int64_t	 waiting;

	(void)state;
	assert_int_equal(db_exec(db, "DELETE FROM issue_support WHERE "
	    "user_id IN (SELECT id FROM users WHERE name_key IN ('yp5', "
	    "'yp6'))", ""), 0);
	assert_int_equal(shown(), 8);
	assert_int_equal(release_all(db), 0);
	assert_int_equal(shown(), 6);
	assert_int_equal(db_int(db, &waiting, "SELECT count(*) FROM "
	    "release_waiting", ""), 1);
	assert_int_equal(waiting, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_person_never_moves_the_count),
		cmocka_unit_test(release_all_shows_everything_as_it_stands),
	};

	return (cmocka_run_group_tests_name("release", tests, setup,
	    teardown));
}
