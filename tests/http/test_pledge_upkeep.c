/*
 * test_pledge_upkeep.c: keeping the draft of the next Pledge tidy over
 * real HTTP: the edit form shows the promise's own title, promises are
 * moved and removed, a draft is thrown away, and only the participation
 * team may do any of it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "harness.h"
#include "testutil.h"

static long
manage(struct client *c, const char *form, struct resp *r)
{
	return (client_post(c, "/pledge/manage", "/pledge/manage", form, r));
}

/* Start a draft (a copy of the current Pledge); its id. */
static int64_t
start_draft(void)
{
	struct resp	 r;

	assert_int_equal(manage(&worker, "action=new", &r), 303);
	resp_free(&r);
	return (count("SELECT id FROM pledge_versions WHERE state = 'draft'"));
}

/* The first two draft promises of one theme, in the order shown. */
static void
two_in_a_theme(int64_t draft, int64_t *a, int64_t *b)
{
	int64_t	 theme;

	theme = count("SELECT theme_id FROM promises WHERE version_id = %lld "
	    "GROUP BY theme_id HAVING count(*) >= 2 ORDER BY theme_id LIMIT 1",
	    (long long)draft);
	*a = count("SELECT id FROM promises WHERE version_id = %lld AND "
	    "theme_id = %lld ORDER BY position, id LIMIT 1", (long long)draft,
	    (long long)theme);
	*b = count("SELECT id FROM promises WHERE version_id = %lld AND "
	    "theme_id = %lld ORDER BY position, id LIMIT 1 OFFSET 1",
	    (long long)draft, (long long)theme);
	assert_true(*a > 0 && *b > 0);
}

/* Where a promise comes in its theme, from 1. */
static int64_t
place(int64_t id)
{
	return (count("SELECT count(*) FROM promises q, promises p WHERE "
	    "p.id = %lld AND q.version_id = p.version_id AND q.theme_id = "
	    "p.theme_id AND (q.position < p.position OR (q.position = "
	    "p.position AND q.id <= p.id))", (long long)id));
}

static void
edit_form_shows_the_promise(void **state)
{
	struct resp	 r;
	char		 path[64];
	int64_t		 draft, id;

	(void)state;
	draft = start_draft();
	assert_true(draft > 0);
	id = count("SELECT min(id) FROM promises WHERE version_id = %lld",
	    (long long)draft);
	assert_int_equal(db_run("UPDATE promises SET title = 'We will answer "
	    "every letter' WHERE id = (SELECT min(id) FROM promises WHERE "
	    "version_id = (SELECT id FROM pledge_versions WHERE state = "
	    "'draft'))"), 0);
	(void)snprintf(path, sizeof(path), "/pledge/manage/promise?id=%lld",
	    (long long)id);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "name=\"title\" value=\"We will answer every "
	    "letter\""));
	assert_false(resp_has(&r, "value=\"Change a promise\""));
	resp_free(&r);
	/* A new promise starts empty, not with the page's own title. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/pledge/manage/promise", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "name=\"title\" value=\"\""));
	assert_false(resp_has(&r, "value=\"Add a promise\""));
	resp_free(&r);
}

static void
promises_move_within_their_theme(void **state)
{
	struct resp	 r;
	char		 form[64];
	int64_t		 draft, a, b;

	(void)state;
	draft = count("SELECT id FROM pledge_versions WHERE state = 'draft'");
	two_in_a_theme(draft, &a, &b);
	assert_int_equal(place(a), 1);
	assert_int_equal(place(b), 2);
	(void)snprintf(form, sizeof(form), "action=up&id=%lld", (long long)b);
	assert_int_equal(manage(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(place(b), 1);
	assert_int_equal(place(a), 2);
	/* Already first: nothing changes. */
	assert_int_equal(manage(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(place(b), 1);
	(void)snprintf(form, sizeof(form), "action=down&id=%lld",
	    (long long)b);
	assert_int_equal(manage(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(place(a), 1);
	assert_int_equal(place(b), 2);
	/* Each real move is audited; the one that did nothing is not. */
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action IN "
	    "('promise.move_up', 'promise.move_down') AND object_id = %lld",
	    (long long)b), 2);
}

static void
promises_are_removed_from_the_draft(void **state)
{
	struct resp	 r;
	char		 form[64];
	int64_t		 draft, a, b, current;

	(void)state;
	draft = count("SELECT id FROM pledge_versions WHERE state = 'draft'");
	two_in_a_theme(draft, &a, &b);
	/* One with an update recorded is kept, and the worker is told. */
	assert_int_equal(db_run("INSERT INTO promise_updates (promise_id, at, "
	    "status, progress, evidence) SELECT max(id), 1, 'kept', 100, "
	    "'done' FROM promises WHERE version_id = (SELECT id FROM "
	    "pledge_versions WHERE state = 'draft')"), 0);
	(void)snprintf(form, sizeof(form), "action=remove&id=%lld",
	    (long long)count("SELECT max(id) FROM promises WHERE version_id "
	    "= %lld", (long long)draft));
	assert_int_equal(manage(&worker, form, &r), 422);
	assert_true(resp_has(&r, "so it is kept"));
	resp_free(&r);
	assert_int_equal(db_run("DELETE FROM promise_updates WHERE promise_id "
	    "IN (SELECT id FROM promises WHERE version_id = (SELECT id FROM "
	    "pledge_versions WHERE state = 'draft'))"), 0);

	(void)snprintf(form, sizeof(form), "action=remove&id=%lld",
	    (long long)a);
	assert_int_equal(manage(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM promises WHERE id = %lld",
	    (long long)a), 0);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'promise.remove' AND object_id = %lld", (long long)a), 1);
	/* A promise of the published Pledge cannot be removed here. */
	current = count("SELECT min(p.id) FROM promises p JOIN "
	    "pledge_versions v ON v.id = p.version_id WHERE v.state = "
	    "'current'");
	(void)snprintf(form, sizeof(form), "action=remove&id=%lld",
	    (long long)current);
	assert_int_equal(manage(&worker, form, &r), 404);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM promises WHERE id = %lld",
	    (long long)current), 1);
}

static void
only_the_team_keeps_the_draft(void **state)
{
	struct resp	 r;
	char		 form[64];
	int64_t		 id;

	(void)state;
	id = count("SELECT min(id) FROM promises WHERE version_id = (SELECT "
	    "id FROM pledge_versions WHERE state = 'draft')");
	(void)snprintf(form, sizeof(form), "action=remove&id=%lld",
	    (long long)id);
	assert_int_equal(client_post(&cllr, "/pledge", "/pledge/manage", form,
	    &r), 404);
	resp_free(&r);
	assert_int_equal(client_post(&young, "/pledge", "/pledge/manage",
	    "action=discard&sure=1", &r), 404);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM promises WHERE id = %lld",
	    (long long)id), 1);
	assert_int_equal(count("SELECT count(*) FROM pledge_versions WHERE "
	    "state = 'draft'"), 1);
}

static void
a_draft_is_thrown_away(void **state)
{
	struct resp	 r;
	int64_t		 draft, current, shown;

	(void)state;
	draft = count("SELECT id FROM pledge_versions WHERE state = 'draft'");
	current = count("SELECT id FROM pledge_versions WHERE state = "
	    "'current'");
	shown = count("SELECT count(*) FROM promises WHERE version_id = %lld",
	    (long long)current);
	/* Not without saying so. */
	assert_int_equal(manage(&worker, "action=discard", &r), 422);
	assert_true(resp_has(&r, "Tick the box to say you want to throw the "
	    "draft away."));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM pledge_versions WHERE id "
	    "= %lld", (long long)draft), 1);
	assert_int_equal(manage(&worker, "action=discard&sure=1", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM pledge_versions WHERE "
	    "state = 'draft'"), 0);
	assert_int_equal(count("SELECT count(*) FROM promises WHERE version_id "
	    "= %lld", (long long)draft), 0);
	/* The Pledge everyone sees is as it was. */
	assert_int_equal(count("SELECT id FROM pledge_versions WHERE state = "
	    "'current'"), current);
	assert_int_equal(count("SELECT count(*) FROM promises WHERE version_id "
	    "= %lld", (long long)current), shown);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'pledge.discard'"), 1);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/pledge/manage", &r), 0);
	assert_true(resp_has(&r, "The draft is thrown away."));
	assert_true(resp_has(&r, "Start a draft"));
	resp_free(&r);
	/* Nothing left to throw away. */
	assert_int_equal(manage(&worker, "action=discard&sure=1", &r), 409);
	resp_free(&r);
}

static long
draft_comment(struct client *c, int64_t id, const char *comment,
    struct resp *r)
{
	char	 form[2048];

	(void)snprintf(form, sizeof(form), "id=%lld&comment=%s", (long long)id,
	    url_enc(comment));
	return (client_post(c, "/pledge/draft", "/pledge/draft", form, r));
}

static void
young_people_comment_on_the_draft(void **state)
{
	struct resp	 r;
	char		 longer[1100], anchor[32];
	int64_t		 draft, id, current, tallied, c;

	(void)state;
	/* No draft: nothing to comment on, said plainly. */
	assert_int_equal(count("SELECT count(*) FROM pledge_versions WHERE "
	    "state = 'draft'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/pledge/draft", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "There is no new Pledge being written"));
	resp_free(&r);
	/* Sent from a draft page after the draft was finished. */
	current = count("SELECT min(p.id) FROM promises p JOIN "
	    "pledge_versions v ON v.id = p.version_id WHERE v.state = "
	    "'current'");
	assert_int_equal(draft_comment(&young, current, "Keep the bus passes",
	    &r), 422);
	assert_true(resp_has(&r, "finished while you were writing"));
	assert_true(resp_has(&r, ">Keep the bus passes</textarea>"));
	resp_free(&r);

	draft = start_draft();
	id = count("SELECT min(id) FROM promises WHERE version_id = %lld",
	    (long long)draft);
	tallied = count("SELECT count(*) FROM verdicts WHERE current = 1");
	resp_init(&r);
	assert_int_equal(http_get(&young, "/pledge", &r), 0);
	assert_true(resp_has(&r, "href=\"/pledge/draft\""));
	resp_free(&r);
	(void)snprintf(anchor, sizeof(anchor), "id=\"p%lld\"", (long long)id);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/pledge/draft", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, anchor));
	resp_free(&r);

	/* Mistakes: told by the box, the words kept. */
	assert_int_equal(draft_comment(&young, id, "   ", &r), 422);
	assert_true(resp_has(&r, "Write your comment in the box first."));
	resp_free(&r);
	memset(longer, 'a', 1050);
	memcpy(longer, "Too long ", 9);
	longer[1050] = '\0';
	assert_int_equal(draft_comment(&young, id, longer, &r), 422);
	assert_true(resp_has(&r, longer));
	assert_true(resp_has(&r, "aria-invalid=\"true\""));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE on_draft = "
	    "1"), 0);

	assert_int_equal(draft_comment(&young, id, "Please add free bus "
	    "passes to this one", &r), 303);
	resp_free(&r);
	c = count("SELECT max(id) FROM verdicts WHERE on_draft = 1");
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE id = %lld "
	    "AND promise_id = %lld AND current = 0 AND comment_state = "
	    "'received' AND urgent = 0 AND user_id = (SELECT id FROM users "
	    "WHERE name_key = 'jaden')", (long long)c, (long long)id), 1);
	/* It counts in no tally of whether promises are kept. */
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE current = "
	    "1"), tallied);
	/* A worker reads it before it is shown anywhere. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation/comments", &r), 0);
	assert_true(resp_has(&r, "Please add free bus passes to this one"));
	assert_true(resp_has(&r, "on the draft of the next Pledge"));
	resp_free(&r);

	/* Worrying words: kept, a concern opened, the help page shown. */
	assert_int_equal(draft_comment(&young, id, "my carer punched me", &r),
	    200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	c = count("SELECT max(id) FROM verdicts WHERE on_draft = 1");
	assert_int_equal(count("SELECT urgent FROM verdicts WHERE id = %lld",
	    (long long)c), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'pledge_comment' AND item_id = %lld AND closed_at IS NULL",
	    (long long)c), 1);

	/* Only the draft's promises, and only young people. */
	/* A promise no longer on the draft (published, thrown away or
	 * taken out while the page was open): the words come back to
	 * copy, and worrying ones are kept with the help page shown. */
	assert_int_equal(draft_comment(&young, current, "On the old one", &r),
	    422);
	assert_true(resp_has(&r, "your comment was not sent"));
	assert_true(resp_has(&r, ">On the old one</textarea>"));
	resp_free(&r);
	c = count("SELECT count(*) FROM concerns WHERE closed_at IS NULL");
	assert_int_equal(draft_comment(&young, current, "my foster carer hit "
	    "me wiv a belt", &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE closed_at "
	    "IS NULL"), c + 1);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body = 'my "
	    "foster carer hit me wiv a belt'"), 1);
	assert_int_equal(client_status(&cllr, "/pledge/draft"), 404);
	assert_int_equal(client_status(&worker, "/pledge/draft"), 404);

	/* A draft with young people's words in it is not thrown away. */
	assert_int_equal(manage(&worker, "action=discard&sure=1", &r), 422);
	assert_true(resp_has(&r, "so the draft is kept"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE on_draft = "
	    "1"), 2);
}

/* Run the reminders once, as cron would. */
static void
remind(void)
{
	char	 out[256];

	assert_int_equal(harness_ctl("pledge-remind", out, sizeof(out)), 0);
	assert_non_null(strstr(out, "Reminded the owners of"));
}

/* Set every update of promise id to days ago (adding one if none). */
static void
progress_at(int64_t id, int days)
{
	char	 sql[512];
	long long at;

	at = (long long)time(NULL) - (long long)days * 86400;
	if (count("SELECT count(*) FROM promise_updates WHERE promise_id = "
	    "%lld", (long long)id) == 0) {
		(void)snprintf(sql, sizeof(sql), "INSERT INTO promise_updates "
		    "(promise_id, at, status, progress, evidence) VALUES "
		    "(%lld, %lld, 'in_the_works', 10, 'Started')",
		    (long long)id, at);
		assert_int_equal(db_run(sql), 0);
	}
	(void)snprintf(sql, sizeof(sql), "UPDATE promise_updates SET at = "
	    "%lld WHERE promise_id = %lld", at, (long long)id);
	assert_int_equal(db_run(sql), 0);
}

static int64_t
reminders_for(int64_t id)
{
	return (count("SELECT count(*) FROM notifications WHERE link = "
	    "'/pledge/%lld' AND user_id = (SELECT owner_id FROM promises "
	    "WHERE id = %lld)", (long long)id, (long long)id));
}

static void
owners_of_stale_promises_are_reminded(void **state)
{
	struct resp	 r;
	char		 sql[256], link[64];
	int64_t		 p, q, sam;

	(void)state;
	sam = count("SELECT id FROM users WHERE name_key = 'cllr sam okafor'");
	p = count("SELECT min(p.id) FROM promises p JOIN pledge_versions v ON "
	    "v.id = p.version_id WHERE v.state = 'current' AND p.owner_id = "
	    "%lld AND p.status NOT IN ('kept', 'partly_kept', 'broken')",
	    (long long)sam);
	q = count("SELECT max(p.id) FROM promises p JOIN pledge_versions v ON "
	    "v.id = p.version_id WHERE v.state = 'current' AND p.owner_id = "
	    "%lld AND p.id != %lld", (long long)sam, (long long)p);
	assert_true(p > 0 && q > 0);
	/* Fresh progress: no reminder. */
	progress_at(p, 1);
	remind();
	assert_int_equal(reminders_for(p), 0);
	/* Older than the setting (90 days): one reminder, once. */
	progress_at(p, 100);
	remind();
	remind();
	assert_int_equal(reminders_for(p), 1);
	/* A settled promise is never chased. */
	(void)snprintf(sql, sizeof(sql), "UPDATE promises SET status = 'kept' "
	    "WHERE id = %lld", (long long)q);
	assert_int_equal(db_run(sql), 0);
	progress_at(q, 300);
	remind();
	assert_int_equal(reminders_for(q), 0);
	/* The owner reads it, with a link to the promise. */
	(void)snprintf(link, sizeof(link), "href=\"/pledge/%lld\"",
	    (long long)p);
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/notifications", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "No progress has been recorded on"));
	assert_true(resp_has(&r, link));
	assert_true(resp_has(&r, "Notifications <span class=\"nav-count\">"));
	resp_free(&r);
	/* An update after the reminder goes stale in its turn: reminded
	 * again. (The reminder is moved back to before that update.) */
	(void)snprintf(sql, sizeof(sql), "UPDATE promises SET reminded_at = "
	    "%lld WHERE id = %lld", (long long)time(NULL) - 99 * 86400,
	    (long long)p);
	assert_int_equal(db_run(sql), 0);
	progress_at(p, 10);
	remind();
	assert_int_equal(reminders_for(p), 1);
	progress_at(p, 95);
	remind();
	assert_int_equal(reminders_for(p), 2);
	/* The setting decides how old is too old. */
	assert_int_equal(db_run("UPDATE settings SET value = '365' WHERE key "
	    "= 'pledge_stale_days'"), 0);
	progress_at(p, 200);
	assert_int_equal(db_run("UPDATE promises SET reminded_at = NULL"), 0);
	remind();
	assert_int_equal(reminders_for(p), 2);
	assert_int_equal(db_run("UPDATE settings SET value = '90' WHERE key "
	    "= 'pledge_stale_days'"), 0);
	/* An owner whose account is off is not reminded (the workers were
	 * told when it was turned off); back on, they are. */
	(void)snprintf(sql, sizeof(sql), "UPDATE users SET disabled_at = 1 "
	    "WHERE id = %lld", (long long)sam);
	assert_int_equal(db_run(sql), 0);
	remind();
	assert_int_equal(reminders_for(p), 2);
	(void)snprintf(sql, sizeof(sql), "UPDATE users SET disabled_at = NULL "
	    "WHERE id = %lld", (long long)sam);
	assert_int_equal(db_run(sql), 0);
	remind();
	assert_int_equal(reminders_for(p), 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edit_form_shows_the_promise),
		cmocka_unit_test(promises_move_within_their_theme),
		cmocka_unit_test(promises_are_removed_from_the_draft),
		cmocka_unit_test(only_the_team_keeps_the_draft),
		cmocka_unit_test(a_draft_is_thrown_away),
		cmocka_unit_test(young_people_comment_on_the_draft),
		cmocka_unit_test(owners_of_stale_promises_are_reminded),
	};

	return (cmocka_run_group_tests_name("http_pledge_upkeep", tests,
	    demo_group_setup, group_teardown_server));
}
