/*
 * test_pledge.c: status rules, progress bounds, verdict tallies with
 * small-number suppression, versions copied and published keeping their
 * links, verdict history, and CSV quoting.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "unitdb.h"
#include "pledge.h"
#include "timefmt.h"

UNITDB_GROUP("/tmp/portal-pledge-XXXXXX")

static void
status_transitions_and_progress_bounds(void **state)
{
	(void)state;
	assert_null(pledge_update_problem("not_started", "in_the_works", 10));
	assert_null(pledge_update_problem("in_the_works", "kept", 100));
	assert_null(pledge_update_problem("kept", "stalled", 60));
	assert_null(pledge_update_problem("not_started", "not_started", 0));
	assert_non_null(pledge_update_problem("in_the_works", "kept", 90));
	assert_non_null(pledge_update_problem("in_the_works", "not_started",
	    0));
	assert_non_null(pledge_update_problem("not_started", "not_started",
	    5));
	assert_non_null(pledge_update_problem("stalled", "in_the_works", -1));
	assert_non_null(pledge_update_problem("stalled", "in_the_works", 101));
	assert_non_null(pledge_update_problem("stalled", "finished", 50));
	assert_non_null(pledge_update_problem("stalled", NULL, 50));
}

static void
tally_suppresses_small_counts(void **state)
{
	struct arena	 a;
	struct tval	*t;
	int64_t		 few[V_COUNT] = { 3, 1, 0, 0 };
	int64_t		 many[V_COUNT] = { 12, 5, 4, 1 };

	(void)state;
	arena_init(&a);
	t = tv_map(&a);
	pledge_tally(few, 5, t);
	assert_false(tv_truthy_key(t, "enough"));
	assert_string_equal(tv_get_str(t, "total"), "fewer than 5");
	assert_string_equal(tv_get_str(tv_get(t, "yes"), "count"),
	    "fewer than 5");
	assert_false(tv_truthy_key(tv_get(t, "yes"), "shown"));
	t = tv_map(&a);
	pledge_tally(many, 5, t);
	assert_true(tv_truthy_key(t, "enough"));
	assert_string_equal(tv_get_str(t, "total"), "22");
	assert_string_equal(tv_get_str(tv_get(t, "yes"), "count"), "12");
	assert_string_equal(tv_get_str(tv_get(t, "yes"), "pct"), "55");
	assert_string_equal(tv_get_str(tv_get(t, "partly"), "count"), "5");
	/* 4 and 1 stay hidden even when the total is large. */
	assert_string_equal(tv_get_str(tv_get(t, "no"), "count"),
	    "fewer than 5");
	assert_null(tv_get_str(tv_get(t, "no"), "pct"));
	assert_string_equal(tv_get_str(tv_get(t, "not_sure"), "count"),
	    "fewer than 5");
	arena_free(&a);
}

static int64_t
one(const char *sql)
{
	int64_t	 n;

	assert_int_equal(db_int(db, &n, sql, ""), 1);
	return (n);
}

static void
versions_copy_and_publish_keep_links(void **state)
{
	struct actor		 w = { 0, "w", "participation_worker", "" };
	struct actor		 y = { 0, "y", "young_person", "" };
	struct promise_input	 in;
	struct promise_ref	 r;
	const char		*why;
	int64_t			 v1, v2, p1, p2, again, uid;
	int			 flagged;

	(void)state;
	assert_int_equal(user_create(db, "Sky", ROLE_YOUNG, "x", "12_15", 0,
	    &uid, &why), 0);
	y.id = uid;
	assert_int_equal(pledge_draft_new(db, &w, 1000, 3, &v1), 0);
	/* Asking again gives the same draft. */
	assert_int_equal(pledge_draft_new(db, &w, 1001, 3, &again), 0);
	assert_int_equal(again, v1);
	memset(&in, 0, sizeof(in));
	in.theme_id = 1;
	in.title = "We will give you a free leisure pass";
	in.description = in.delivery = in.measure = in.target = "";
	in.owner_team = "Leisure team";
	assert_int_equal(pledge_promise_save(db, &w, v1, 0, &in, &p1), 0);
	/* No verdicts on a draft. */
	assert_int_equal(pledge_verdict_set(db, &y, p1, "yes", "", 1002,
	    &flagged), -1);
	assert_int_equal(pledge_draft_publish(db, &w, v1, 2000), 0);
	assert_int_equal(pledge_verdict_set(db, &y, p1, "yes", "", 2001,
	    &flagged), 0);

	assert_int_equal(pledge_draft_new(db, &w, 3000, 3, &v2), 0);
	assert_true(v2 != v1);
	p2 = one("SELECT id FROM promises WHERE version_id = 2");
	assert_int_equal(one("SELECT replaces_id FROM promises WHERE "
	    "version_id = 2"), p1);
	/* Changing the draft leaves the current Pledge alone. */
	in.title = "We will give you a free leisure pass and a bus pass";
	assert_int_equal(pledge_promise_save(db, &w, v2, p2, &in, &again), 0);
	/* And a promise of the current Pledge is not the draft's to edit. */
	assert_int_equal(pledge_promise_save(db, &w, v2, p1, &in, &again), -1);
	assert_int_equal(one("SELECT count(*) FROM promises WHERE id = 1 AND "
	    "title = 'We will give you a free leisure pass'"), 1);
	assert_int_equal(pledge_draft_publish(db, &w, v2, 4000), 0);
	assert_int_equal(pledge_promise_ref(db, p1, &r), 1);
	assert_string_equal(r.version_state, "past");
	assert_int_equal(pledge_promise_ref(db, p2, &r), 1);
	assert_string_equal(r.version_state, "current");
	assert_int_equal(one("SELECT count(*) FROM pledge_versions WHERE "
	    "state = 'current'"), 1);
	/* The old promise is readable and points to its successor. */
	{
		struct arena	 a;
		struct tval	*ctx;

		arena_init(&a);
		ctx = tv_map(&a);
		assert_int_equal(pledge_promise(db, p1, 5, ctx), 1);
		assert_string_equal(tv_get_str(ctx, "replaced_by"),
		    arena_printf(&a, "%lld", (long long)p2));
		arena_free(&a);
	}
	/* Past promises take no new verdicts. */
	assert_int_equal(pledge_verdict_set(db, &y, p1, "no", "", 4001,
	    &flagged), -1);
}

static void
verdicts_count_once_and_keep_history(void **state)
{
	struct actor	 y = { 0, "y", "young_person", "" };
	int64_t		 p;
	int		 flagged;

	(void)state;
	y.id = one("SELECT id FROM users WHERE name_key = 'sky'");
	p = one("SELECT p.id FROM promises p JOIN pledge_versions v ON "
	    "v.id = p.version_id WHERE v.state = 'current'");
	assert_int_equal(pledge_verdict_set(db, &y, p, "yes", "", 5000,
	    &flagged), 0);
	assert_int_equal(pledge_verdict_set(db, &y, p, "yes", "", 5001,
	    &flagged), 0);
	assert_int_equal(one("SELECT count(*) FROM verdicts WHERE promise_id "
	    "= 2"), 1);
	assert_int_equal(pledge_verdict_set(db, &y, p, "no", "Still waiting.",
	    5002, &flagged), 0);
	assert_false(flagged);
	assert_int_equal(one("SELECT count(*) FROM verdicts WHERE promise_id "
	    "= 2 AND current = 1"), 1);
	assert_int_equal(one("SELECT count(*) FROM verdicts WHERE promise_id "
	    "= 2"), 2);
	assert_int_equal(one("SELECT count(*) FROM verdicts WHERE promise_id "
	    "= 2 AND current = 1 AND verdict = 'no' AND comment_state = "
	    "'received'"), 1);
	/* A comment that suggests risk is flagged for a worker at once. */
	assert_int_equal(pledge_verdict_set(db, &y, p, "no", "I don't feel "
	    "safe at home", 5003, &flagged), 0);
	assert_true(flagged);
	assert_int_equal(one("SELECT urgent FROM verdicts WHERE current = 1 "
	    "AND promise_id = 2"), 1);
	assert_int_equal(pledge_verdict_set(db, &y, p, "maybe", "", 5004,
	    &flagged), -1);
}

static void
csv_quoting(void **state)
{
	struct buf	 b;

	(void)state;
	buf_init(&b, 0);
	csv_field(&b, "plain", 0);
	csv_field(&b, "a, b", 0);
	csv_field(&b, "say \"hi\"", 0);
	csv_field(&b, "two\nlines", 0);
	csv_field(&b, "=SUM(A1)", 0);
	csv_field(&b, "\t=1+1", 0);
	csv_field(&b, "Zo\xc3\xab", 1);
	assert_string_equal(buf_cstr(&b), "plain,\"a, b\",\"say \"\"hi\"\"\","
	    "\"two\nlines\",\"'=SUM(A1)\",\"'\t=1+1\",Zo\xc3\xab\r\n");
	buf_free(&b);
}

/*
 * An update at 23:30 UTC on 19 August 2026 was made on 20 August on the
 * council's clock, as the Pledge page says: the reminder says so too.
 */
static void
stale_reminder_dates_on_the_councils_clock(void **state)
{
	struct actor	 w = { 0, "w", "participation_worker", "" };
	const char	*why;
	int64_t		 owner, ver, id, upd, now;

	(void)state;
	time_zone_init();
	assert_int_equal(user_create(db, "Cllr Ada Stone", ROLE_COUNCILLOR,
	    "x", NULL, 0, &owner, &why), 0);
	assert_int_equal(pledge_draft_new(db, &w, 5000, 3, &ver), 0);
	assert_int_equal(db_exec(db, "INSERT INTO promises (version_id, "
	    "theme_id, title, owner_id) VALUES (?1, 1, 'Free bus passes', ?2)",
	    "ii", ver, owner), 0);
	id = db_last_id(db);
	assert_int_equal(pledge_draft_publish(db, &w, ver, 6000), 0);
	upd = 1787182200;	/* 2026-08-19 23:30:00 UTC */
	assert_int_equal(db_exec(db, "INSERT INTO promise_updates (promise_id, "
	    "at, status, progress, evidence) VALUES (?1, ?2, 'in_the_works', "
	    "10, 'Asked the bus company.')", "ii", id, upd), 0);
	now = upd + 100 * 86400;
	assert_true(pledge_remind_stale(db, now, 90) >= 1);
	assert_int_equal(one("SELECT count(*) FROM notifications WHERE "
	    "text = 'No progress has been recorded on \"Free bus passes\" "
	    "since 20 August 2026. Please add an update for the young "
	    "people.'"), 1);
	/* Once: not again until a newer update is stale. */
	assert_int_equal(pledge_remind_stale(db, now + 3600, 90), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(status_transitions_and_progress_bounds),
		cmocka_unit_test(tally_suppresses_small_counts),
		cmocka_unit_test(versions_copy_and_publish_keep_links),
		cmocka_unit_test(verdicts_count_once_and_keep_history),
		cmocka_unit_test(csv_quoting),
		cmocka_unit_test(stale_reminder_dates_on_the_councils_clock),
	};

	return (cmocka_run_group_tests_name("pledge", tests, setup,
	    teardown));
}
