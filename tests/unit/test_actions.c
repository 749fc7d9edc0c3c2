/*
 * test_actions.c: the actions model on a real migrated database. The
 * triggers make one action per answered issue (owned by its councillor)
 * and per meeting action; done and dropped refuse vague words, days to
 * come and a second close; actions_counts() gives the board report open,
 * overdue, done, done late and dropped by due day.
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

#include "actions.h"
#include "timefmt.h"
#include "users.h"

UNITDB_GROUP("/tmp/portal-actions-XXXXXX")

#define DAY	86400
#define NOW	((int64_t)1790000000)	/* a fixed "now": no clock in tests */

static struct actor	 worker = { 0, "Priya Shah", "participation_worker",
			    "127.0.0.1" };
static int64_t		 cllr;

static int64_t
one(const char *sql)
{
	int64_t	 n;

	assert_int_equal(db_int(db, &n, sql, ""), 1);
	return (n);
}

static int64_t
add_user(const char *name, const char *role)
{
	assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
	    "name_key, role, password_hash, created_at) VALUES (?1, ?1, ?2, "
	    "'x', 1)", "tt", name, role), 0);
	return (db_last_id(db));
}

/* An issue answered with an action due on due; the action's id. */
static int64_t
answered(const char *what, int64_t due)
{
	int64_t	 issue;

	if (worker.id == 0) {
		time_zone_init();
		worker.id = add_user("Priya Shah", "participation_worker");
		cllr = add_user("Cllr Sam Okafor", "councillor");
	}
	assert_int_equal(db_exec(db, "INSERT INTO issues (category_id, title, "
	    "summary, state, councillor_id, created_at) VALUES (1, ?1, 's', "
	    "'with_councillor', ?2, ?3)", "tii", what, cllr, NOW - 30 * DAY),
	    0);
	issue = db_last_id(db);
	assert_int_equal(db_exec(db, "UPDATE issues SET state = 'answered', "
	    "decision = 'agreed', response = 'Yes', action_text = ?2, "
	    "action_owner = 'Children''s services', action_due = ?3, "
	    "answered_at = ?4 WHERE id = ?1", "itii", issue, what, due,
	    NOW - 20 * DAY), 0);
	return (one("SELECT max(id) FROM actions"));
}

static void
answers_make_owned_actions(void **state)
{
	struct action	 ac;
	int64_t		 id;

	(void)state;
	id = answered("Leisure passes for all", NOW + 10 * DAY);
	assert_int_equal(actions_get(db, id, &ac), 1);
	assert_int_equal(ac.owner_id, cllr);
	assert_string_equal(ac.state, "open");
	assert_true(actions_may_close(&ac, ROLE_COUNCILLOR, cllr));
	assert_false(actions_may_close(&ac, ROLE_COUNCILLOR, cllr + 100));
	assert_true(actions_may_close(&ac, ROLE_WORKER, worker.id));
	assert_false(actions_may_close(&ac, ROLE_ADMIN, worker.id));
	assert_false(actions_may_close(&ac, ROLE_YOUNG, cllr));
}

static void
done_and_dropped_refuse(void **state)
{
	int64_t	 id;

	(void)state;
	id = answered("Laptops for all", NOW - 5 * DAY);
	assert_int_equal(actions_done(db, &worker, id, "ok", NOW, "", NOW),
	    ACTION_VAGUE);
	assert_int_equal(actions_done(db, &worker, id, "Laptops were given "
	    "out", NOW + DAY, "", NOW), ACTION_FUTURE);
	assert_int_equal(actions_done(db, &worker, id + 1000, "Laptops were "
	    "given out", NOW, "", NOW), ACTION_MISSING);
	assert_int_equal(actions_done(db, &worker, id, "Laptops were given "
	    "out", NOW - DAY, "", NOW), ACTION_OK);
	assert_int_equal(actions_drop(db, &worker, id, "Changed our plan "
	    "completely", NOW), ACTION_CLOSED);
	assert_int_equal(actions_drop(db, &worker, id, "no", NOW),
	    ACTION_VAGUE);
	assert_int_equal(one("SELECT count(*) FROM audit_log WHERE action = "
	    "'action.done'"), 1);
}

static void
counts_by_due_day(void **state)
{
	struct action_counts	 c;
	int64_t			 a;

	(void)state;
	/* Before: one open (not due), one done late (Laptops). */
	(void)answered("Overdue one", NOW - 3 * DAY);
	a = answered("Dropped one", NOW + 3 * DAY);
	assert_int_equal(actions_drop(db, &worker, a, "The budget was cut "
	    "this year", NOW), ACTION_OK);
	/* Due today: not overdue yet. */
	(void)answered("Due today", NOW);
	assert_int_equal(actions_counts(db, 0, NOW + DAY, NOW, &c), 0);
	assert_int_equal(c.open, 3);
	assert_int_equal(c.overdue, 1);
	assert_int_equal(c.done, 1);
	assert_int_equal(c.done_late, 1);
	assert_int_equal(c.dropped, 1);
	/* A period that ended before they were closed counts them as they
	 * stood then: open, nothing done or dropped. */
	assert_int_equal(actions_counts(db, 0, NOW - 2 * DAY, NOW, &c), 0);
	assert_int_equal(c.done + c.dropped, 0);
	assert_true(c.open > 0);
	/* A window before any action was made counts nothing. */
	assert_int_equal(actions_counts(db, 0, 1000, NOW, &c), 0);
	assert_int_equal(c.open + c.done + c.dropped, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(answers_make_owned_actions),
		cmocka_unit_test(done_and_dropped_refuse),
		cmocka_unit_test(counts_by_due_day),
	};

	return (cmocka_run_group_tests_name("actions", tests, setup,
	    teardown));
}
