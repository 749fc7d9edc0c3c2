/*
 * test_concerns.c: safeguarding concerns. The scan opens one with a copy
 * of the words; the list puts urgent first, then oldest; closing needs
 * real words and only closes once; taking a concern about a view tells
 * its author a worker has read it; deleting the item or the account
 * loses neither the words nor the name; a worker raises one by hand;
 * the audit log never holds the words.
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

#include "concerns.h"
#include "views.h"

UNITDB_GROUP("/tmp/portal-concerns-XXXXXX")

static struct actor	 young = { 0, "Robin", "young_person", "127.0.0.1" };
static struct actor	 worker = { 0, "Priya Shah", "participation_worker",
			    "127.0.0.1" };

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

static void
ensure_people(void)
{
	if (young.id == 0)
		young.id = add_user("Robin", "young_person");
	if (worker.id == 0)
		worker.id = add_user("Priya Shah", "participation_worker");
}

/* A view from young, through views_create and so the scan. */
static int64_t
raise_view(const char *title, const char *body, int64_t now, int *flagged)
{
	struct view_input	 in;
	struct view_created	 vc;

	memset(&in, 0, sizeof(in));
	in.category_id = 1;
	in.title = title;
	in.body = body;
	in.better = "";
	in.publish = "no";
	assert_int_equal(views_create(db, &young, &in, now, &vc), 0);
	*flagged = vc.flagged;
	return (vc.id);
}

static int64_t
concern_of(int64_t view)
{
	int64_t	 id;

	assert_int_equal(db_int(db, &id, "SELECT id FROM concerns WHERE kind = "
	    "'view' AND item_id = ?1", "i", view), 1);
	return (id);
}

static void
scan_opens_a_concern_with_a_copy(void **state)
{
	struct arena	 a;
	struct tval	*ctx;
	int64_t		 view, id, before;
	int		 flagged;

	(void)state;
	ensure_people();
	before = concerns_count_open(db);
	view = raise_view("At home", "he hit me with a belt", 1000, &flagged);
	assert_true(flagged);
	id = concern_of(view);
	assert_int_equal(concerns_count_open(db), before + 1);
	arena_init(&a);
	ctx = tv_map(&a);
	assert_int_equal(concern_show(db, id, 1000 + 7200, ctx), 1);
	assert_non_null(strstr(tv_get_str(ctx, "text"), "he hit me with a "
	    "belt"));
	assert_string_equal(tv_get_str(ctx, "author"), "Robin");
	assert_string_equal(tv_get_str(ctx, "about"), "A view");
	assert_string_equal(tv_get_str(ctx, "age"), "2 hours");
	assert_true(strlen(tv_get_str(ctx, "rules")) > 0);
	assert_false(tv_truthy_key(ctx, "closed"));
	assert_false(tv_truthy_key(ctx, "by_worker"));
	arena_free(&a);
	/* An ordinary view opens nothing. */
	(void)raise_view("Bowling", "we went bowling on saturday", 1001,
	    &flagged);
	assert_false(flagged);
	assert_int_equal(concerns_count_open(db), before + 1);
	/* The audit log says a concern was opened, never what it said. */
	assert_int_equal(one("SELECT count(*) FROM audit_log WHERE action = "
	    "'concern.open'"), 1);
	assert_int_equal(one("SELECT count(*) FROM audit_log WHERE detail "
	    "LIKE '%belt%'"), 0);
}

static void
list_is_urgent_first_then_oldest(void **state)
{
	struct concern_in	 in;
	struct concern_filter	 f;
	struct arena		 a;
	struct tval		*list;
	const struct tval	*row;
	const char		*want[3];
	int64_t			 slow, old_urgent, new_urgent, total;
	int			 i;

	(void)state;
	ensure_people();
	assert_int_equal(db_exec(db, "UPDATE concerns SET closed_at = 1, "
	    "closed_by = ?1, action = 'Tidy up before this test runs.' "
	    "WHERE closed_at IS NULL", "i", worker.id), 0);
	memset(&in, 0, sizeof(in));
	in.kind = CONCERN_ACCOUNT;
	in.item_id = young.id;
	in.author_id = young.id;
	in.text = "";
	in.source = "worker";
	in.raised_by = worker.id;
	in.reason = "Seemed frightened at the meeting.";
	in.urgent = 0;
	assert_true((slow = concern_open(db, &worker, &in, 100)) > 0);
	in.urgent = 1;
	assert_true((new_urgent = concern_open(db, &worker, &in, 300)) > 0);
	assert_true((old_urgent = concern_open(db, &worker, &in, 200)) > 0);
	arena_init(&a);
	list = tv_list(&a);
	memset(&f, 0, sizeof(f));
	assert_int_equal(concerns_list(db, &f, 400, list, &total), 0);
	assert_int_equal(tv_count(list), 3);
	assert_int_equal(total, 3);
	want[0] = arena_printf(&a, "%lld", (long long)old_urgent);
	want[1] = arena_printf(&a, "%lld", (long long)new_urgent);
	want[2] = arena_printf(&a, "%lld", (long long)slow);
	for (i = 0, row = tv_first(list); row != NULL; row = tv_next(row), i++)
		assert_string_equal(tv_get_str(row, "id"), want[i]);
	/* Closed ones are on their own list. */
	/* Newest first, if asked: urgent ones still at the top. */
	list = tv_list(&a);
	f.newest = 1;
	assert_int_equal(concerns_list(db, &f, 400, list, &total), 0);
	assert_string_equal(tv_get_str(tv_first(list), "id"), want[1]);
	list = tv_list(&a);
	f.closed = 1;
	assert_int_equal(concerns_list(db, &f, 400, list, &total), 0);
	assert_true(tv_count(list) >= 1);
	for (row = tv_first(list); row != NULL; row = tv_next(row))
		assert_true(tv_truthy_key(row, "closed"));
	arena_free(&a);
	/* A worker's concern needs a reason. */
	in.reason = "";
	assert_int_equal(concern_open(db, &worker, &in, 500), -1);
}

static void
closing_needs_real_words(void **state)
{
	int64_t	 view, id, seen;
	int	 flagged;

	(void)state;
	ensure_people();
	view = raise_view("Tonight", "i want to kill myself", 2000, &flagged);
	id = concern_of(view);
	assert_false(concern_action_ok(NULL));
	assert_int_equal(concern_close(db, &worker, id, "", -1, -1, 2100),
	    CONCERN_VAGUE);
	assert_int_equal(concern_close(db, &worker, id, "ok", -1, -1, 2100),
	    CONCERN_VAGUE);
	assert_int_equal(concern_close(db, &worker, id, "done - - - - - - "
	    "- - - -", -1, -1, 2100), CONCERN_VAGUE);
	/* Emoji, dashes and dots are not words, however many bytes. */
	assert_int_equal(concern_close(db, &worker, id, "\xF0\x9F\x98\x80"
	    "\xF0\x9F\x98\x80 \xF0\x9F\x98\x80\xF0\x9F\x98\x80 "
	    "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 \xF0\x9F\x98\x80\xF0"
	    "\x9F\x98\x80", -1, -1, 2100), CONCERN_VAGUE);
	assert_int_equal(concern_close(db, &worker, id, "\xE2\x80\x94\xE2"
	    "\x80\x94 \xE2\x80\xA6\xE2\x80\xA6 \xE2\x80\x94\xE2\x80"
	    "\x94 \xE2\x80\xA6\xE2\x80\xA6\xE2\x80\xA6", -1, -1, 2100),
	    CONCERN_VAGUE);
	/* Real words in another script are words. */
	assert_true(concern_action_ok("\xE0\xA6\xB8\xE0\xA6\xAE\xE0\xA6"
	    "\xBE\xE0\xA6\x9C\xE0\xA6\x95\xE0\xA6\xB0\xE0\xA7\x8D"
	    "\xE0\xA6\xAE\xE0\xA7\x80 \xE0\xA6\x95\xE0\xA7\x87 "
	    "\xE0\xA6\xAB\xE0\xA7\x8B\xE0\xA6\xA8 \xE0\xA6\x95\xE0"
	    "\xA6\xB0\xE0\xA6\xBE \xE0\xA6\xB9\xE0\xA6\xAF\xE0\xA6"
	    "\xBC\xE0\xA7\x87\xE0\xA6\x9B\xE0\xA7\x87"));
	assert_int_equal(one("SELECT count(*) FROM concerns WHERE closed_at "
	    "IS NOT NULL AND item_id = (SELECT max(id) FROM views)"), 0);
	assert_int_equal(concern_close(db, &worker, 999999, "Phoned the "
	    "social worker, who is visiting today.", -1, -1, 2100),
	    CONCERN_MISSING);
	/* More words joined it after the worker's page: not closed. */
	assert_int_equal(db_int(db, &seen, "SELECT length(text) FROM concerns "
	    "WHERE id = ?1", "i", id), 1);
	assert_int_equal(db_exec(db, "UPDATE concerns SET text = text || "
	    "' and he hits me' WHERE id = ?1", "i", id), 0);
	assert_int_equal(concern_close(db, &worker, id, "Phoned the social "
	    "worker, who is visiting today.", -1, seen, 2100), CONCERN_GREW);
	assert_int_equal(concern_is_closed(db, id), 0);
	assert_int_equal(concern_close(db, &worker, id, "Phoned the social "
	    "worker, who is visiting today.", -1, seen + 15, 2100),
	    CONCERN_OK);
	assert_int_equal(concern_close(db, &worker, id, "Phoned the social "
	    "worker again, she is fine.", -1, -1, 2200), CONCERN_CLOSED);
	assert_int_equal(concern_hold(db, &worker, id, -1, 2200),
	    CONCERN_CLOSED);
	assert_int_equal(one("SELECT count(*) FROM audit_log WHERE action = "
	    "'concern.close' AND detail = ''"), 1);
	assert_int_equal(one("SELECT count(*) FROM audit_log WHERE detail "
	    "LIKE '%social worker%'"), 0);
}

static void
taking_a_concern_reads_the_view(void **state)
{
	struct view	 v;
	int64_t		 view, id;
	int		 flagged;

	(void)state;
	ensure_people();
	view = raise_view("School", "my carer punched me", 3000, &flagged);
	id = concern_of(view);
	assert_int_equal(views_get(db, view, &v), 1);
	assert_false(v.read);
	assert_string_equal(views_label(v.state, v.issue_state, v.read),
	    "Waiting to be read");
	assert_int_equal(concerns_unheld(db, CONCERN_VIEW, view), 1);
	assert_int_equal(concern_hold(db, &worker, id, 0, 3100), CONCERN_OK);
	assert_int_equal(concerns_unheld(db, CONCERN_VIEW, view), 0);
	assert_int_equal(concerns_open_about(db, CONCERN_VIEW, view), 1);
	assert_int_equal(views_get(db, view, &v), 1);
	assert_true(v.read);
	assert_string_equal(views_label(v.state, v.issue_state, v.read),
	    "A worker has read it");
}

static void
deleting_item_and_account_keeps_the_words(void **state)
{
	struct arena	 a;
	struct tval	*ctx;
	struct actor	 gone = { 0, "Sky", "young_person", "127.0.0.1" };
	struct actor	 saved;
	int64_t		 view, id;
	int		 flagged;

	(void)state;
	ensure_people();
	gone.id = add_user("Sky", "young_person");
	saved = young;
	young = gone;
	view = raise_view("Help", "i dont feel safe at home", 4000, &flagged);
	young = saved;
	id = concern_of(view);
	/* What the purge and a data-rights deletion do to the rows. */
	assert_int_equal(db_exec(db, "DELETE FROM notifications WHERE view_id "
	    "= ?1", "i", view), 0);
	assert_int_equal(db_exec(db, "DELETE FROM view_events WHERE view_id "
	    "= ?1", "i", view), 0);
	assert_int_equal(db_exec(db, "DELETE FROM views WHERE id = ?1", "i",
	    view), 0);
	assert_int_equal(db_exec(db, "DELETE FROM users WHERE id = ?1", "i",
	    gone.id), 0);
	arena_init(&a);
	ctx = tv_map(&a);
	assert_int_equal(concern_show(db, id, 4100, ctx), 1);
	assert_non_null(strstr(tv_get_str(ctx, "text"), "i dont feel safe at "
	    "home"));
	assert_string_equal(tv_get_str(ctx, "author"), "Sky");
	assert_true(tv_truthy_key(ctx, "gone"));
	assert_false(tv_truthy_key(ctx, "closed"));
	arena_free(&a);
}

static void
worker_raises_a_concern_by_hand(void **state)
{
	int64_t	 id, first, n, view;
	int	 flagged;

	(void)state;
	ensure_people();
	view = raise_view("My room", "i never get to see my brother", 5000,
	    &flagged);
	assert_false(flagged);
	assert_int_equal(concern_raise(db, &worker, CONCERN_VIEW, view,
	    "Says her brother was moved after a fight; check.", 1, 5100, &id),
	    0);
	assert_true((first = id) > 0);
	assert_int_equal(one("SELECT count(*) FROM concerns WHERE source = "
	    "'worker' AND text LIKE '%see my brother%' AND reason LIKE "
	    "'Says her brother%' AND closed_at IS NULL"), 1);
	assert_int_equal(concern_raise(db, &worker, CONCERN_ACCOUNT,
	    young.id, "Missed three meetings and seemed scared.", 1, 5200,
	    &id), 0);
	assert_int_equal(concern_raise(db, &worker, CONCERN_VIEW, 999999,
	    "No such view", 1, 5300, &id), 1);
	assert_int_equal(concern_raise(db, &worker, "nonsense", 1,
	    "No such kind", 1, 5300, &id), 1);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM audit_log WHERE "
	    "action = 'concern.raise' AND object_id >= ?1", "i", first), 1);
	assert_int_equal(n, 2);
	assert_int_equal(one("SELECT count(*) FROM audit_log WHERE detail "
	    "LIKE '%brother%'"), 0);
}

/*
 * A view is taken back only while its issue is still being dealt with,
 * judged again in the write: a page read before the issue was answered
 * cannot take it back after. Its concern stays open either way.
 */
static void
withdraw_is_checked_when_written(void **state)
{
	struct view	 v, stale;
	int64_t		 view, issue;
	int		 flagged;

	(void)state;
	ensure_people();
	view = raise_view("Trips", "more trips please", 4000, &flagged);
	assert_int_equal(db_exec(db, "INSERT INTO issues (category_id, title, "
	    "summary, state, created_at) VALUES (1, 'Trips', 'More trips', "
	    "'open', 4000)", ""), 0);
	issue = db_last_id(db);
	assert_int_equal(db_exec(db, "UPDATE views SET state = 'merged', "
	    "issue_id = ?1 WHERE id = ?2", "ii", issue, view), 0);
	assert_int_equal(views_get(db, view, &stale), 1);
	assert_true(views_may_withdraw(&stale));
	assert_int_equal(db_exec(db, "UPDATE issues SET state = 'published' "
	    "WHERE id = ?1", "i", issue), 0);
	assert_int_equal(views_withdraw(db, &young, &stale, 4100), -1);
	assert_int_equal(views_get(db, view, &v), 1);
	assert_string_equal(v.state, "merged");
	assert_int_equal(db_exec(db, "UPDATE issues SET state = 'open' "
	    "WHERE id = ?1", "i", issue), 0);
	assert_int_equal(views_withdraw(db, &young, &stale, 4200), 0);
	assert_int_equal(views_get(db, view, &v), 1);
	assert_string_equal(v.state, "withdrawn");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scan_opens_a_concern_with_a_copy),
		cmocka_unit_test(list_is_urgent_first_then_oldest),
		cmocka_unit_test(closing_needs_real_words),
		cmocka_unit_test(taking_a_concern_reads_the_view),
		cmocka_unit_test(deleting_item_and_account_keeps_the_words),
		cmocka_unit_test(worker_raises_a_concern_by_hand),
		cmocka_unit_test(withdraw_is_checked_when_written),
	};

	return (cmocka_run_group_tests_name("concerns", tests, setup,
	    teardown));
}
