/*
 * test_actions.c: actions that finish, over real HTTP against the demo
 * council (issue 13, "Actions that finish"). Marking done needs dated
 * evidence and dropping a reason; only the owner and workers may; each
 * young person who raised the issue answers "Did it happen?" once
 * (changeable); the counts are suppressed under the small-number setting
 * with secondary suppression; and /you-said-we-did never says "by" a date
 * that has passed without saying it is late.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"
#include "testutil.h"

/* The action of the demo issue with this title (from its answer). */
static int64_t
action_of(const char *title)
{
	return (count("SELECT a.id FROM actions a JOIN issues i ON "
	    "i.id = a.issue_id WHERE i.title = '%s' AND "
	    "a.meeting_action_id IS NULL", title));
}

/* Action id agreed on 1 January 2025, before the days the tests give. */
static void
agreed_long_ago(int64_t id)
{
	char	 sql[128];

	(void)snprintf(sql, sizeof(sql), "UPDATE actions SET created_at = "
	    "1735689600 WHERE id = %lld", (long long)id);
	assert_int_equal(db_run(sql), 0);
}

static long
post_action(struct client *c, int64_t id, const char *form, struct resp *r)
{
	char	 path[64];

	(void)snprintf(path, sizeof(path), "/actions/%lld", (long long)id);
	return (client_post(c, path, path, form, r));
}

/* GET /actions/ID, or /actions/ID/happened. */
static long
get_status(struct client *c, int64_t id, int happened)
{
	char	 path[96];

	(void)snprintf(path, sizeof(path), "/actions/%lld%s", (long long)id,
	    happened ? "/happened" : "");
	return (client_status(c, path));
}


/* The meeting page reads each action's state: never "by" a day gone. */
static void
meeting_page_reads_the_state(int64_t meeting)
{
	struct resp	 r;
	char		 path[64];

	(void)snprintf(path, sizeof(path), "/meetings/%lld",
	    (long long)meeting);
	assert_int_equal(db_run("UPDATE meeting_actions SET due_on = "
	    "978307200 WHERE what = 'Ask the bus company about passes'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_true(resp_has(&r, "was due by 1 January 2001: <strong>late"
	    "</strong>, not done yet"));
	resp_free(&r);
	assert_int_equal(db_run("UPDATE actions SET state = 'done', evidence "
	    "= 'The passes came', happened_on = 1893456000, closed_at = "
	    "1893456000 WHERE what = 'Ask the bus company about passes'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_true(resp_has(&r, "(Priya Shah, done on "));
	assert_false(resp_has(&r, "was due by 1 January 2001"));
	resp_free(&r);
}

/* Every answered action became a row with an owner account. */
static void
answers_and_meetings_make_actions(void **state)
{
	struct resp	 r;
	int64_t		 item, before;

	(void)state;
	assert_int_equal(count("SELECT count(*) FROM issues WHERE "
	    "length(coalesce(action_text, '')) > 0 AND id NOT IN (SELECT "
	    "issue_id FROM actions WHERE issue_id IS NOT NULL)"), 0);
	assert_int_equal(count("SELECT count(*) FROM actions WHERE owner_id "
	    "IS NULL"), 0);
	/* A meeting action: owned by the staff account "who" names. */
	assert_int_equal(client_post(&worker, "/meetings", "/meetings",
	    "title=Actions+test&date=2099-01-01&time=10%3A00&place=Hall",
	    &r), 303);
	resp_free(&r);
	item = count("SELECT id FROM meetings WHERE title = 'Actions test'");
	{
		char path[64], form[256];

		(void)snprintf(path, sizeof(path), "/meetings/%lld",
		    (long long)item);
		(void)snprintf(form, sizeof(form), "action=add_free&"
		    "free_title=Bus+passes");
		assert_int_equal(client_post(&worker, path, path, form, &r),
		    303);
		resp_free(&r);
		before = count("SELECT count(*) FROM actions");
		(void)snprintf(form, sizeof(form), "action=action&item=%lld&"
		    "what=Ask+the+bus+company+about+passes&who=Priya+Shah&"
		    "due=2099-02-01", (long long)count("SELECT id FROM "
		    "agenda_items WHERE meeting_id = %lld", (long long)item));
		assert_int_equal(client_post(&worker, path, path, form, &r),
		    303);
		resp_free(&r);
	}
	assert_int_equal(count("SELECT count(*) FROM actions"), before + 1);
	assert_int_equal(count("SELECT count(*) FROM actions a JOIN users u "
	    "ON u.id = a.owner_id WHERE a.what = 'Ask the bus company about "
	    "passes' AND u.display_name = 'Priya Shah' AND "
	    "a.meeting_action_id IS NOT NULL"), 1);
	meeting_page_reads_the_state(item);
}

/* Overdue open actions show as overdue to staff, and late in public. */
static void
overdue_and_late_wording(void **state)
{
	struct resp	 r;
	char		 part[1024];
	int64_t		 id;

	(void)state;
	id = action_of("Tell us when our social worker changes");
	assert_int_equal(count("SELECT count(*) FROM actions WHERE id = %lld "
	    "AND state = 'open' AND due_at + 86399 < CAST(strftime('%%s', "
	    "'now') AS INTEGER)", (long long)id), 1);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/actions", &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(resp_between(&r, "New social worker visits within "
	    "10 days", "</tr>", part, sizeof(part)));
	assert_non_null(strstr(part, "Overdue"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(resp_between(&r, "New social worker visits within "
	    "10 days", "</p>", part, sizeof(part)));
	assert_non_null(strstr(part, "It is late"));
	/* Never "by <date>." alone for a date that has passed. */
	assert_null(strstr(part, "</strong> New social"));
	assert_true(strstr(part, ", by ") == NULL);
	/* The finished demo action reads "Done on". */
	assert_true(resp_has(&r, "Done on"));
	assert_true(resp_has(&r, "Leisure passes were posted"));
	resp_free(&r);
}

static void
done_needs_dated_evidence(void **state)
{
	struct resp	 r;
	char		 sql[512];
	int64_t		 id, audit;

	(void)state;
	id = action_of("Laptops for homework");
	agreed_long_ago(id);
	audit = count("SELECT count(*) FROM audit_log WHERE action = "
	    "'action.done'");
	/* Nothing written. */
	assert_int_equal(post_action(&worker, id, "do=done&evidence=&"
	    "on=2026-01-01", &r), 422);
	assert_true(resp_has(&r, "Say what happened"));
	resp_free(&r);
	/* Too few real words. */
	assert_int_equal(post_action(&worker, id, "do=done&evidence=ok&"
	    "on=2026-01-01", &r), 422);
	assert_true(resp_has(&r, "a few real words"));
	assert_true(resp_has(&r, ">ok</textarea>"));
	resp_free(&r);
	/* No day, a bad day, a day to come. */
	assert_int_equal(post_action(&worker, id, "do=done&evidence=Laptops+"
	    "were+delivered+to+every+home&on=", &r), 422);
	assert_true(resp_has(&r, "Give the day it happened"));
	resp_free(&r);
	assert_int_equal(post_action(&worker, id, "do=done&evidence=Laptops+"
	    "were+delivered+to+every+home&on=31/12/2025", &r), 422);
	assert_true(resp_has(&r, "Enter a real day like"));
	resp_free(&r);
	/* What happened is published: like the answer, it may not quote
	 * a young person's private view of the issue. */
	(void)snprintf(sql, sizeof(sql), "INSERT INTO views (category_id, "
	    "title, body, state, publish, issue_id, created_at) SELECT "
	    "category_id, 'Mine', 'I had no laptop so I did all my homework "
	    "on my phone', 'approved', 'no', issue_id, 1 FROM actions a JOIN "
	    "issues i ON i.id = a.issue_id WHERE a.id = %lld", (long long)id);
	assert_int_equal(db_run(sql), 0);
	assert_int_equal(post_action(&worker, id, "do=done&evidence=We+heard+"
	    "that+you+did+all+my+homework+on+my+phone%3B+laptops+came.&"
	    "on=2026-01-05", &r), 422);
	assert_true(resp_has(&r, "private view"));
	assert_true(resp_has(&r, "laptops came.</textarea>"));
	resp_free(&r);
	assert_int_equal(post_action(&worker, id, "do=drop&reason=You+did+"
	    "all+my+homework+on+my+phone%2C+sorry.", &r), 422);
	assert_true(resp_has(&r, "private view"));
	resp_free(&r);
	assert_int_equal(db_run("DELETE FROM views WHERE title = 'Mine' AND "
	    "publish = 'no' AND created_at = 1"), 0);
	/* Before it was agreed would count as done on time. */
	assert_int_equal(post_action(&worker, id, "do=done&evidence=Laptops+"
	    "were+delivered+to+every+home&on=2000-01-01", &r), 422);
	assert_true(resp_has(&r, "before this action was agreed"));
	assert_true(resp_has(&r, "Laptops were delivered to every home"
	    "</textarea>"));
	resp_free(&r);
	assert_int_equal(post_action(&worker, id, "do=done&evidence=Laptops+"
	    "were+delivered+to+every+home&on=2099-01-01", &r), 422);
	assert_true(resp_has(&r, "That day has not come yet"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM actions WHERE id = %lld "
	    "AND state = 'open'", (long long)id), 1);
	/* Done: evidence, day and link kept; the raisers asked. */
	assert_int_equal(post_action(&worker, id, "do=done&evidence=Laptops+"
	    "were+delivered+to+every+home&on=2026-01-05&link=Virtual+School+"
	    "newsletter", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM actions WHERE id = %lld "
	    "AND state = 'done' AND evidence = 'Laptops were delivered to "
	    "every home' AND evidence_link = 'Virtual School newsletter' AND "
	    "happened_on > 0 AND closed_by = (SELECT id FROM users WHERE "
	    "display_name = 'Priya Shah')", (long long)id), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'action.done'"), audit + 1);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "link = '/actions/%lld/happened' AND user_id = (SELECT id FROM "
	    "users WHERE display_name = 'Zara')", (long long)id), 1);
	/* Twice is refused in words. */
	assert_int_equal(post_action(&worker, id, "do=done&evidence=Laptops+"
	    "were+delivered+again+today&on=2026-01-06", &r), 422);
	assert_true(resp_has(&r, "already marked"));
	/* ...and what was typed comes back to copy. */
	assert_true(resp_has(&r, "What you wrote was not sent"));
	assert_true(resp_has(&r, "readonly>Laptops were delivered again "
	    "today</textarea>"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_true(resp_has(&r, "Laptops were delivered to every home"));
	resp_free(&r);
}

static void
drop_needs_a_reason(void **state)
{
	struct resp	 r;
	int64_t		 id;

	(void)state;
	id = action_of("Staying put until 21");
	assert_int_equal(post_action(&cllr, id, "do=drop&reason=", &r), 422);
	assert_true(resp_has(&r, "Say why it will not happen"));
	resp_free(&r);
	assert_int_equal(post_action(&cllr, id, "do=drop&reason=no", &r),
	    422);
	assert_true(resp_has(&r, "a few real words"));
	resp_free(&r);
	assert_int_equal(post_action(&cllr, id, "do=drop&reason=The+leaflet+"
	    "is+replaced+by+a+talk+at+every+16+review", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM actions WHERE id = %lld "
	    "AND state = 'dropped' AND drop_reason LIKE 'The leaflet is "
	    "replaced%%'", (long long)id), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'action.drop' AND object_id = %lld", (long long)id), 1);
	/* Those who raised it are told which promise, with a way to why. */
	assert_true(count("SELECT count(*) FROM notifications WHERE text = "
	    "'\"' || (SELECT what FROM actions WHERE id = %lld) || '\" will "
	    "not happen. See why on your view.' AND link = '/views'",
	    (long long)id) > 0);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_true(resp_has(&r, "This will not happen"));
	assert_true(resp_has(&r, "The leaflet is replaced by a talk"));
	resp_free(&r);
	/* Once closed, neither can be done again. */
	assert_int_equal(post_action(&worker, id, "do=drop&reason=Another+"
	    "reason+for+dropping+it", &r), 422);
	assert_true(resp_has(&r, "already marked"));
	resp_free(&r);
}

static void
only_owner_and_workers(void **state)
{
	struct resp	 r;
	int64_t		 id;

	(void)state;
	id = action_of("Help to catch up");
	/* Visitors sign in; young people and strangers get 404. */
	assert_int_equal(client_status(&anon, "/actions"), 303);
	assert_int_equal(client_status(&young, "/actions"), 404);
	assert_int_equal(get_status(&young, id, 0), 404);
	assert_int_equal(post_action(&young, id, "do=drop&reason=Young+"
	    "people+cannot+drop+this", &r), 404);
	resp_free(&r);
	/* Admins read but do not mark. */
	assert_int_equal(get_status(&admin, id, 0), 200);
	assert_int_equal(post_action(&admin, id, "do=drop&reason=Admins+"
	    "cannot+drop+this+one", &r), 404);
	resp_free(&r);
	/* Someone else's action is no action for a councillor. */
	assert_int_equal(db_run("UPDATE actions SET owner_id = (SELECT id "
	    "FROM users WHERE display_name = 'Priya Shah') WHERE id = "
	    "(SELECT a.id FROM actions a JOIN issues i ON i.id = a.issue_id "
	    "WHERE i.title = 'Help to catch up')"), 0);
	assert_int_equal(get_status(&cllr, id, 0), 404);
	assert_int_equal(post_action(&cllr, id, "do=drop&reason=Not+mine+to+"
	    "drop+at+all", &r), 404);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/actions", &r), 0);
	assert_int_equal(r.status, 200);
	assert_false(resp_has(&r, "Tutoring through"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM actions WHERE id = %lld "
	    "AND state = 'open'", (long long)id), 1);
	/* Its owner, a worker, may. */
	agreed_long_ago(id);
	assert_int_equal(post_action(&worker, id, "do=done&evidence=Tutors+"
	    "booked+for+twelve+young+people&on=2026-02-01", &r), 303);
	resp_free(&r);
}

/* One answer per person, changeable; only those who raised it. */
static void
did_it_happen_once_per_person(void **state)
{
	struct resp	 r;
	char		 path[96];
	int64_t		 leisure, open, jaden, before;
	int		 i;

	(void)state;
	leisure = action_of("Free leisure pass for everyone in care");
	jaden = count("SELECT id FROM users WHERE display_name = 'Jaden'");
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "user_id = %lld AND link = '/actions/%lld/happened'",
	    (long long)jaden, (long long)leisure), 1);
	(void)snprintf(path, sizeof(path), "/actions/%lld/happened",
	    (long long)leisure);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Did it happen for you?"));
	assert_true(resp_has(&r, "Send my answer"));
	resp_free(&r);
	assert_int_equal(client_post(&young, path, path, "answer=maybe", &r),
	    422);
	assert_true(resp_has(&r, "Choose one answer"));
	resp_free(&r);
	assert_int_equal(client_post(&young, path, path, "", &r), 422);
	resp_free(&r);
	assert_int_equal(client_post(&young, path, path, "answer=yes", &r),
	    303);
	resp_free(&r);
	assert_int_equal(client_post(&young, path, path, "answer=no", &r),
	    303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM action_answers WHERE "
	    "action_id = %lld AND user_id = %lld", (long long)leisure,
	    (long long)jaden), 1);
	assert_int_equal(count("SELECT count(*) FROM action_answers WHERE "
	    "action_id = %lld AND user_id = %lld AND answer = 'no'",
	    (long long)leisure, (long long)jaden), 1);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "value=\"no\" checked"));
	assert_true(resp_has(&r, "Change my answer"));
	resp_free(&r);
	/* It is in Jaden's own data. */
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_true(resp_has(&r, "Leisure passes sent to all carers: "
	    "<strong>No</strong>"));
	resp_free(&r);
	/* The audit says who, never what nor which action; the same
	 * answer again is not logged again. */
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'action.happened' AND (detail != '' OR object_type != 'user')"),
	    0);
	before = count("SELECT count(*) FROM audit_log");
	for (i = 0; i < 5; i++) {
		assert_int_equal(client_post(&young, path, path, "answer=no",
		    &r), 303);
		resp_free(&r);
	}
	assert_int_equal(count("SELECT count(*) FROM audit_log"), before);
	/* Staff cannot answer; an open action cannot be answered; an issue
	 * Jaden did not raise is no action of his. */
	assert_int_equal(client_status(&worker, path), 404);
	open = action_of("Tell us when our social worker changes");
	assert_int_equal(get_status(&young, open, 1),
	    404);
	assert_int_equal(db_run("UPDATE actions SET state = 'done', "
	    "evidence = 'Visits now happen within ten days', happened_on = 1 "
	    "WHERE id = (SELECT a.id FROM actions a JOIN issues i ON i.id = "
	    "a.issue_id WHERE i.title = 'Tell us when our social worker "
	    "changes')"), 0);
	assert_int_equal(get_status(&young, open, 1),
	    404);
	(void)snprintf(path, sizeof(path), "/actions/%lld/happened",
	    (long long)open);
	assert_int_equal(client_post(&young, "/you-said-we-did", path,
	    "answer=yes", &r), 404);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM action_answers WHERE "
	    "action_id = %lld", (long long)open), 0);
}

/* Counts under the setting are hidden, and so is one that gives it away. */
/*
 * "Did it happen?" is found again from the young person's own view, not
 * only from a message (Messages keeps the last 100), and leads back.
 */
static void
did_it_happen_from_the_view(void **state)
{
	struct resp	 r;
	char		 view[64], happened[96], want[160];
	int64_t		 leisure, v;

	(void)state;
	leisure = action_of("Free leisure pass for everyone in care");
	v = count("SELECT max(v.id) FROM views v JOIN actions a ON "
	    "a.issue_id = v.issue_id JOIN users u ON u.id = v.author_id "
	    "WHERE a.id = %lld AND u.display_name = 'Jaden' AND v.state IN "
	    "('approved', 'merged')", (long long)leisure);
	assert_true(v > 0);
	(void)snprintf(view, sizeof(view), "/views/%lld", (long long)v);
	(void)snprintf(happened, sizeof(happened), "/actions/%lld/happened",
	    (long long)leisure);
	resp_init(&r);
	assert_int_equal(http_get(&young, view, &r), 0);
	assert_int_equal(r.status, 200);
	/* Jaden answered it (did_it_happen_once_per_person()). */
	(void)snprintf(want, sizeof(want), "<a href=\"%s\">Change your "
	    "answer", happened);
	assert_true(resp_has(&r, want));
	assert_true(resp_has(&r, "</strong> · done on "));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, happened, &r), 0);
	(void)snprintf(want, sizeof(want), "<a href=\"%s\">Back to your "
	    "view</a>", view);
	assert_true(resp_has(&r, want));
	resp_free(&r);
}

static void
counts_are_suppressed(void **state)
{
	struct resp	 r;
	char		 part[2048];
	int64_t		 leisure;

	(void)state;
	leisure = action_of("Free leisure pass for everyone in care");
	/* The demo: five yes shown; partly, no, not sure hidden. */
	assert_int_equal(db_run("UPDATE action_answers SET answer = 'yes' "
	    "WHERE user_id = (SELECT id FROM users WHERE display_name = "
	    "'Jaden')"), 0);
	assert_int_equal(db_release(), 0);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_non_null(resp_between(&r, "Leisure passes were posted",
	    "</li>", part, sizeof(part)));
	assert_non_null(strstr(part, "Yes: 6"));
	assert_non_null(strstr(part, "Partly: fewer than 5"));
	assert_non_null(strstr(part, "No: fewer than 5"));
	assert_non_null(strstr(part, "Not sure: fewer than 5"));
	resp_free(&r);
	/* One small count alone would be the total minus the rest: a
	 * second is hidden. Threshold 2: yes 3, partly 2, no 1, not sure 2. */
	assert_int_equal(db_run("UPDATE settings SET value = '2' WHERE key = "
	    "'small_count'"), 0);
	{
		char sql[512];

		(void)snprintf(sql, sizeof(sql), "UPDATE action_answers SET "
		    "answer = CASE (SELECT display_name FROM users WHERE "
		    "id = user_id) WHEN 'Jaden' THEN 'yes' WHEN 'Mia' THEN "
		    "'yes' WHEN 'Kai' THEN 'yes' WHEN 'Ash' THEN 'partly' "
		    "WHEN 'Zara' THEN 'partly' WHEN 'Leo' THEN 'no' ELSE "
		    "'not_sure' END WHERE action_id = %lld",
		    (long long)leisure);
		assert_int_equal(db_run(sql), 0);
	}
	assert_int_equal(db_release(), 0);
	assert_int_equal(count("SELECT count(*) FROM action_answers WHERE "
	    "action_id = %lld", (long long)leisure), 8);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_non_null(resp_between(&r, "Leisure passes were posted",
	    "</li>", part, sizeof(part)));
	assert_non_null(strstr(part, "Yes: 3"));
	assert_non_null(strstr(part, "No: fewer than 2"));
	assert_true(strstr(part, "Partly: not shown") != NULL ||
	    strstr(part, "Not sure: not shown") != NULL);
	resp_free(&r);
	/* The staff page hides the same. */
	resp_init(&r);
	(void)snprintf(part, sizeof(part), "/actions/%lld",
	    (long long)leisure);
	assert_int_equal(http_get(&worker, part, &r), 0);
	assert_true(resp_has(&r, "No: fewer than 2"));
	assert_false(resp_has(&r, "No: 1<"));
	resp_free(&r);
	/* And the issue page, beside the council's own answer. */
	resp_init(&r);
	(void)snprintf(part, sizeof(part), "/issues/%lld", (long long)count(
	    "SELECT issue_id FROM actions WHERE id = %lld",
	    (long long)leisure));
	assert_int_equal(http_get(&worker, part, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Did it happen? Young people who raised it "
	    "say:"));
	assert_true(resp_has(&r, "No: fewer than 2"));
	assert_true(resp_has(&r, "Yes: 3"));
	resp_free(&r);
	assert_int_equal(db_run("UPDATE settings SET value = '5' WHERE key = "
	    "'small_count'"), 0);
	/* None answered reads as a few answered: "No young person has
	 * answered yet" beside "fewer than 5" would say that is at least 1. */
	assert_int_equal(db_run("DELETE FROM action_answers"), 0);
	assert_int_equal(db_release(), 0);
	resp_init(&r);
	(void)snprintf(part, sizeof(part), "/actions/%lld",
	    (long long)leisure);
	assert_int_equal(http_get(&worker, part, &r), 0);
	assert_true(resp_has(&r, "fewer than 5 have answered so far"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_non_null(resp_between(&r, "Leisure passes were posted",
	    "</li>", part, sizeof(part)));
	assert_non_null(strstr(part, "fewer than 5 have answered so far"));
	resp_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(answers_and_meetings_make_actions),
		cmocka_unit_test(overdue_and_late_wording),
		cmocka_unit_test(done_needs_dated_evidence),
		cmocka_unit_test(drop_needs_a_reason),
		cmocka_unit_test(only_owner_and_workers),
		cmocka_unit_test(did_it_happen_once_per_person),
		cmocka_unit_test(did_it_happen_from_the_view),
		cmocka_unit_test(counts_are_suppressed),
	};

	return (cmocka_run_group_tests_name("http_actions", tests,
	    demo_group_setup, group_teardown_server));
}
