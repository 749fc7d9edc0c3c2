/*
 * test_remind.c: reminders before an answer is due and alerts once it is
 * overdue. An answer waiting for a worker's check has been given, so
 * none go; a request for more time waiting for one is no answer, so
 * both still do.
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

#include "remind.h"
#include "timefmt.h"

UNITDB_GROUP("/tmp/portal-remind-XXXXXX")

#define DAY	86400
#define NOW	((int64_t)1790000000)	/* a fixed "now": no clock in tests */

static int64_t		 cllr;

static int64_t
one(const char *sql, int64_t id)
{
	int64_t	 n;

	assert_int_equal(db_int(db, &n, sql, "i", id), 1);
	return (n);
}

/* An issue with the councillor, due at due, and a check waiting. */
static int64_t
waiting(const char *decision, int64_t due)
{
	int64_t	 issue;

	if (cllr == 0) {
		time_zone_init();
		assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
		    "name_key, role, password_hash, created_at) VALUES ('Cllr "
		    "Sam Okafor', 'cllr sam okafor', 'councillor', 'x', 1)",
		    ""), 0);
		cllr = db_last_id(db);
	}
	assert_int_equal(db_exec(db, "INSERT INTO issues (category_id, title, "
	    "summary, state, councillor_id, sent_at, due_at, first_due_at, "
	    "created_at) VALUES (1, 'Wifi', 's', 'with_councillor', ?1, ?2, "
	    "?3, ?3, ?2)", "iii", cllr, NOW - 30 * DAY, due), 0);
	issue = db_last_id(db);
	assert_int_equal(db_exec(db, "INSERT INTO answer_checks (issue_id, "
	    "councillor_id, state, decision, response, reason, new_due, "
	    "written_at) VALUES (?1, ?2, 'waiting', ?3, 'Soon.', 'Asking the "
	    "housing team first.', ?4, ?5)", "iitii", issue, cllr, decision,
	    due + 14 * DAY, NOW - 3 * DAY), 0);
	return (issue);
}

static int64_t
sent(int64_t issue, const char *kind)
{
	int64_t	 n;

	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM "
	    "deadline_reminders WHERE issue_id = ?1 AND kind = ?2", "it",
	    issue, kind), 1);
	return (n);
}

/* Asked for more time, not yet granted: the old date still stands. */
static void
more_time_waiting_is_no_answer(void **state)
{
	struct remind_report	 r;
	int64_t			 soon, late;

	(void)state;
	soon = waiting("more_time", NOW + DAY);
	late = waiting("more_time", NOW - DAY);
	assert_int_equal(remind_run(db, NOW, &r), 0);
	assert_int_equal(r.before, 1);
	assert_int_equal(r.overdue, 1);
	assert_int_equal(sent(soon, "before"), 1);
	assert_int_equal(sent(late, "overdue"), 1);
	assert_true(one("SELECT count(*) FROM notifications WHERE user_id = "
	    "?1 AND text LIKE 'An answer is overdue%'", cllr) == 1);
}

/* An answer waiting for its check has been given: nothing goes. */
static void
answer_waiting_is_given(void **state)
{
	struct remind_report	 r;
	int64_t			 soon, late;

	(void)state;
	soon = waiting("agreed", NOW + DAY);
	late = waiting("partly", NOW - DAY);
	assert_int_equal(remind_run(db, NOW, &r), 0);
	assert_int_equal(r.before + r.overdue, 0);
	assert_int_equal(sent(soon, "before") + sent(late, "overdue"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(more_time_waiting_is_no_answer),
		cmocka_unit_test(answer_waiting_is_given),
	};

	return (cmocka_run_group_tests_name("remind", tests, setup,
	    teardown));
}
