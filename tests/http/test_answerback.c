/*
 * test_answerback.c: young people answer back, over real HTTP on the
 * demo council: a reply to an answer is a view moderated like any and
 * shown to the worker as a reply to its issue; a worrying reply opens a
 * concern and shows the help page; "look at it again" is decided both
 * ways with reasons (declined: the young person reads why; reopened:
 * back to the councillor), one open request per person; "me too" once
 * per person, undone, its count hidden under the small-number setting,
 * refused on unpublished issues and for staff.
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

#define LEISURE	"Free leisure pass for everyone in care"

/* Jaden's view on the leisure pass, and its issue, told "not agreed". */
static int64_t	 view_id, issue_id;
static char	 vpath[64];

static void
not_agreed(void)
{
	view_id = count("SELECT id FROM views WHERE title = '" LEISURE "'");
	issue_id = count("SELECT issue_id FROM views WHERE id = %lld",
	    (long long)view_id);
	assert_true(view_id > 0 && issue_id > 0);
	assert_int_equal(db_run("UPDATE issues SET decision = 'not_agreed', "
	    "reason = 'There is no money for it this year.' WHERE title = '"
	    LEISURE "'"), 0);
	(void)snprintf(vpath, sizeof(vpath), "/views/%lld",
	    (long long)view_id);
}

/* A path or string with an id in it, from a ring of four buffers. */
static char	 pbuf[4][96];
static int	 pn;

static char *
slot(void)
{
	pn = (pn + 1) % 4;
	return (pbuf[pn]);
}

#define path(fmt, id) __extension__ ({					\
	char *b_ = slot();						\
	(void)snprintf(b_, sizeof(pbuf[0]), fmt, (long long)(id));	\
	(const char *)b_;						\
})

static void
reply_is_moderated_and_linked(void **state)
{
	struct resp	 r;
	char		 loc[128];
	int64_t		 reply;

	(void)state;
	not_agreed();
	/* The answer says what to do next: reply, ask again, an advocate. */
	resp_init(&r);
	assert_int_equal(http_get(&young, vpath, &r), 0);
	assert_true(resp_has(&r, "id=\"what-next\""));
	assert_true(resp_has(&r, path("href=\"/views/%lld/reply\"", view_id)));
	assert_true(resp_has(&r, path("href=\"/views/%lld/again\"", view_id)));
	assert_true(resp_has(&r, "Talk to an advocate"));
	assert_true(resp_has(&r, "href=\"tel:01632960002\""));
	resp_free(&r);

	/* Empty: a plain error, nothing saved. */
	resp_init(&r);
	assert_int_equal(client_post(&young, path("/views/%lld/reply",
	    view_id), path("/views/%lld/reply", view_id), "body=", &r), 422);
	assert_true(resp_has(&r, "Write your reply."));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE reply_to = "
	    "%lld", (long long)issue_id), 0);

	/* Sent: a view waiting to be read, linked to the issue. */
	resp_init(&r);
	assert_int_equal(client_post(&young, path("/views/%lld/reply",
	    view_id), path("/views/%lld/reply", view_id), "body=I+still+"
	    "think+the+pass+should+cover+the+bus+too.", &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	reply = count("SELECT id FROM views WHERE reply_to = %lld AND "
	    "author_id = (SELECT id FROM users WHERE name_key = 'jaden') AND "
	    "state = 'received' AND body = 'I still think the pass should "
	    "cover the bus too.'", (long long)issue_id);
	assert_true(reply > 0);
	assert_string_equal(loc, path("/views/%lld", reply));
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'view.create' AND object_id = %lld AND detail = 'reply to issue "
	    "%lld'", (long long)reply, (long long)issue_id), 1);

	/* The worker moderates it, told what it is a reply to. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_true(resp_has(&r, path("A reply to issue %lld</span>",
	    issue_id)));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path("/moderation/%lld", reply),
	    &r), 0);
	assert_true(resp_has(&r, path("A reply to issue %lld:", issue_id)));
	assert_true(resp_has(&r, path("href=\"/issues/%lld\"", issue_id)));
	resp_free(&r);

	/* Its author follows it, from the answer's page too. */
	resp_init(&r);
	assert_int_equal(http_get(&young, loc, &r), 0);
	assert_true(resp_has(&r, path("This is your reply to the answer about "
	    "<a href=\"/views/%lld\">", view_id)));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, vpath, &r), 0);
	assert_true(resp_has(&r, "You replied on"));
	/* Read by the worker above: said as the reply's own page says it. */
	assert_true(resp_has(&r, "see your reply</a> (A worker has read "
	    "it)"));
	resp_free(&r);
	/* The worker keeps it with the issue it answers, published or not:
	 * its councillor is told and reads it there (its words shared). */
	assert_int_equal(db_run(path("UPDATE views SET share = 1 WHERE id = "
	    "%lld", reply)), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path("/moderation/%lld", reply),
	    &r), 0);
	assert_true(resp_has(&r, path("Keep it with issue %lld", issue_id)));
	resp_free(&r);
	assert_int_equal(client_post(&worker, path("/moderation/%lld", reply),
	    path("/moderation/%lld", reply), "action=file", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld AND "
	    "state = 'merged' AND issue_id = %lld", (long long)reply,
	    (long long)issue_id), 1);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "link = '/my-issues/%lld' AND user_id = (SELECT councillor_id "
	    "FROM issues WHERE id = %lld) AND text LIKE 'A young person "
	    "replied%%'", (long long)issue_id, (long long)issue_id), 1);
	resp_init(&r);
	assert_int_equal(http_get(&young, loc, &r), 0);
	assert_true(resp_has(&r, "kept it with the issue it answers"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&cllr, path("/my-issues/%lld", issue_id),
	    &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "I still think the pass should cover the bus "
	    "too."));
	resp_free(&r);

	/* Nobody else replies for them: staff and visitors. */
	assert_int_equal(client_status(&worker, path("/views/%lld/reply",
	    view_id)), 404);
	assert_int_equal(client_status(&cllr, path("/views/%lld/reply",
	    view_id)), 404);
	assert_int_equal(client_status(&anon, path("/views/%lld/reply",
	    view_id)), 303);
	/* Another young person's view is not found. */
	assert_int_equal(client_status(&young, path("/views/%lld/reply",
	    count("SELECT id FROM views WHERE title = 'Pocket money is "
	    "different in every home'"))), 404);
}

static void
worrying_reply_shows_help(void **state)
{
	struct resp	 r;
	char		 body[6200];
	size_t		 i;
	int64_t		 reply;

	(void)state;
	/* Worrying words are kept even with the form's rules broken: here,
	 * past the length limit. */
	(void)snprintf(body, sizeof(body), "body=I+want+to+hurt+myself+");
	for (i = strlen(body); i < sizeof(body) - 1; i++)
		body[i] = 'a';
	body[sizeof(body) - 1] = '\0';
	resp_init(&r);
	assert_int_equal(client_post(&young, path("/views/%lld/reply",
	    view_id), path("/views/%lld/reply", view_id), body, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	assert_true(resp_has(&r, "0800 1111"));
	resp_free(&r);
	reply = count("SELECT max(id) FROM views WHERE reply_to = %lld AND "
	    "body LIKE 'I want to hurt myself%%'", (long long)issue_id);
	assert_true(reply > 0);
	assert_int_equal(count("SELECT length(body) FROM views WHERE id = "
	    "%lld", (long long)reply), (int64_t)strlen(body) - 5);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'view' AND item_id = %lld AND closed_at IS NULL",
	    (long long)reply), 1);
	assert_int_equal(count("SELECT urgent FROM views WHERE id = %lld",
	    (long long)reply), 1);
}

/* Signed out while writing a reply: worrying words still reach workers;
 * other words come back on the page to copy. */
static void
timed_out_reply_keeps_the_words(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[512], p[64];

	(void)state;
	(void)snprintf(p, sizeof(p), "/views/%lld/reply", (long long)view_id);
	session_forgotten(&c, vpath, csrf, sizeof(csrf));

	(void)snprintf(body, sizeof(body), "csrf=%s&body=%s", csrf,
	    url_enc("The bus pass matters to my whole home."));
	resp_init(&r);
	assert_int_equal(http_post_form(&c, p, body, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "The bus pass matters to my whole home."));
	resp_free(&r);

	(void)snprintf(body, sizeof(body), "csrf=%s&body=%s", csrf,
	    url_enc("Nobody listens, I want to hurt myself."));
	post_gets_help(&c, p, body);
	assert_int_equal(count("SELECT count(*) FROM views v JOIN concerns c "
	    "ON c.kind = 'view' AND c.item_id = v.id WHERE v.body = 'Nobody "
	    "listens, I want to hurt myself.' AND c.closed_at IS NULL"), 1);
}

static void
ask_again_decided_both_ways(void **state)
{
	struct resp	 r;
	char		 again[64], ipath[64], vagain[64], due[16], sql[256];
	char		 row[512];
	int64_t		 appeal, concern, open_before;
	int		 i;

	(void)state;
	(void)snprintf(vagain, sizeof(vagain), "/views/%lld/again",
	    (long long)view_id);
	(void)snprintf(again, sizeof(again), "/issues/%lld/again",
	    (long long)issue_id);
	(void)snprintf(ipath, sizeof(ipath), "/issues/%lld",
	    (long long)issue_id);

	/* "." is not a reason; the words come back. */
	resp_init(&r);
	assert_int_equal(client_post(&young, vagain, vagain, "body=Why+.",
	    &r), 422);
	assert_true(resp_has(&r, "at least 3 words"));
	assert_true(resp_has(&r, "Why .</textarea>"));
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(client_post(&young, vagain, vagain, "body=The+pass+"
	    "should+cover+the+bus+because+we+live+far+away.", &r), 303);
	resp_free(&r);
	appeal = count("SELECT id FROM answer_appeals WHERE issue_id = %lld "
	    "AND state = 'open'", (long long)issue_id);
	assert_true(appeal > 0);
	assert_true(count("SELECT count(*) FROM notifications WHERE link = "
	    "'/issues/%lld/again'", (long long)issue_id) >= 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'appeal.create' AND object_id = %lld", (long long)issue_id), 1);
	/* Sent twice (a double tap): as sent, not "already asked". */
	resp_init(&r);
	assert_int_equal(client_post(&young, vpath, vagain, "body=The+pass+"
	    "should+cover+the+bus+because+we+live+far+away.", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM answer_appeals WHERE "
	    "issue_id = %lld", (long long)issue_id), 1);

	/* Worrying words in a request are never refused, even with one
	 * waiting: a concern opens and the help page shows; sent twice,
	 * still one. */
	for (i = 0; i < 2; i++) {
		resp_init(&r);
		assert_int_equal(client_post(&young, vpath, vagain, "body=They+"
		    "will+not+listen+and+I+want+to+run+away.", &r), 200);
		assert_true(resp_has(&r, "We are here to help"));
		resp_free(&r);
	}
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE closed_at "
	    "IS NULL AND text = 'They will not listen and I want to run "
	    "away.'"), 1);
	assert_int_equal(count("SELECT count(*) FROM answer_appeals WHERE "
	    "issue_id = %lld", (long long)issue_id), 1);

	/* One open request per person: the form says so, and so does the
	 * database. */
	assert_int_equal(client_status(&young, vagain), 404);
	resp_init(&r);
	assert_int_equal(client_post(&young, vpath, vagain, "body=Please+"
	    "look+again+at+the+bus.", &r), 422);
	assert_true(resp_has(&r, "already asked"));
	assert_true(resp_has(&r, "Please look again at the bus.</textarea>"));
	resp_free(&r);
	assert_int_not_equal(db_run("INSERT INTO answer_appeals (issue_id, "
	    "user_id, reason, created_at) SELECT issue_id, user_id, 'x', 1 "
	    "FROM answer_appeals WHERE state = 'open' AND issue_id = "
	    "(SELECT issue_id FROM views WHERE title = '" LEISURE "')"), 0);
	assert_int_equal(count("SELECT count(*) FROM answer_appeals WHERE "
	    "issue_id = %lld", (long long)issue_id), 1);
	resp_init(&r);
	assert_int_equal(http_get(&young, vpath, &r), 0);
	assert_true(resp_has(&r, "You asked for it to be looked at again"));
	assert_false(resp_has(&r, path("href=\"/views/%lld/again\"",
	    view_id)));
	resp_free(&r);

	/* The worker sees it; only a worker decides. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, ipath, &r), 0);
	assert_true(resp_has(&r, "1 asked for this answer to be looked at "
	    "again"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, again, &r), 0);
	assert_true(resp_has(&r, "The pass should cover the bus because we "
	    "live far away."));
	resp_free(&r);
	assert_int_equal(client_post(&admin, again, again, path("action="
	    "reopen&appeal=%lld", appeal), &r), 404);
	resp_free(&r);
	assert_int_equal(client_status(&cllr, again), 404);
	assert_int_equal(client_status(&young, again), 404);

	/* Declined: a reason is needed, and the young person reads it. */
	resp_init(&r);
	assert_int_equal(client_post(&worker, again, again, path("action="
	    "decline&reason=.&appeal=%lld", appeal), &r), 422);
	assert_true(resp_has(&r, "at least 3 words"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&worker, again, again, path("action="
	    "decline&reason=The+bus+pass+is+a+different+budget.&appeal=%lld",
	    appeal), &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM answer_appeals WHERE id "
	    "= %lld AND state = 'declined'", (long long)appeal), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'appeal.decline' AND object_id = %lld", (long long)issue_id), 1);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND state = 'published'", (long long)issue_id), 1);
	resp_init(&r);
	assert_int_equal(http_get(&young, vpath, &r), 0);
	assert_true(resp_has(&r, "<strong>Why:</strong> The bus pass is a "
	    "different budget."));
	resp_free(&r);
	/* Decided once only. */
	resp_init(&r);
	assert_int_equal(client_post(&worker, again, again, path("action="
	    "reopen&appeal=%lld", appeal), &r), 422);
	assert_true(resp_has(&r, "decided already"));
	resp_free(&r);

	/* Asked again, with worrying words: stored, flagged, help shown. */
	resp_init(&r);
	assert_int_equal(client_post(&young, vagain, vagain, "body=Other+"
	    "councils+pay+for+the+bus.+I+want+to+hurt+myself.",
	    &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	appeal = count("SELECT id FROM answer_appeals WHERE issue_id = %lld "
	    "AND state = 'open'", (long long)issue_id);
	assert_true(appeal > 0);
	concern = count("SELECT id FROM concerns WHERE kind = 'answer_appeal' "
	    "AND item_id = %lld AND closed_at IS NULL", (long long)appeal);
	assert_true(concern > 0);
	/* Sent twice (a double tap, or Back then Send): the help page
	 * again, and still one concern. */
	open_before = count("SELECT count(*) FROM concerns WHERE closed_at IS "
	    "NULL");
	resp_init(&r);
	assert_int_equal(client_post(&young, vagain, vagain, "body=Other+"
	    "councils+pay+for+the+bus.+I+want+to+hurt+myself.",
	    &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE closed_at "
	    "IS NULL"), open_before);
	/* New worrying words while it waits: a concern about the request,
	 * not about the view, whose own words did not worry. */
	resp_init(&r);
	assert_int_equal(client_post(&young, vagain, vagain, "body=and+my+"
	    "carer+hits+me", &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'answer_appeal' AND item_id = %lld AND closed_at IS NULL AND "
	    "text = 'and my carer hits me'", (long long)appeal), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'view' AND item_id = %lld", (long long)view_id), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, again, &r), 0);
	assert_true(resp_has(&r, "Safeguarding flag"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path("/safeguarding/%lld", concern),
	    &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, path("href=\"/issues/%lld\"", issue_id)));
	resp_free(&r);

	/* The new due date is the one a worker is offered when sending an
	 * issue today: response_days working days, not a day later. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, path("/issues/%lld", count("SELECT "
	    "min(id) FROM issues WHERE state = 'open'")), &r), 0);
	assert_non_null(resp_between(&r, "name=\"due\" value=\"", "\"", due,
	    sizeof(due)));
	resp_free(&r);

	/* Its first answer, late, in October 2024 (see the board below). */
	(void)snprintf(sql, sizeof(sql), "UPDATE issues SET answered_at = "
	    "unixepoch('2024-10-20 12:00'), first_due_at = unixepoch("
	    "'2024-10-10 22:59:59'), due_at = unixepoch('2024-10-10 "
	    "22:59:59'), sent_at = unixepoch('2024-10-01'), published_at = "
	    "unixepoch('2024-10-22') WHERE id = %lld", (long long)issue_id);
	assert_int_equal(db_run(sql), 0);
	/* Reopened: back with the councillor. Their account turned off
	 * meanwhile, the workers are told to send it on. */
	(void)snprintf(sql, sizeof(sql), "UPDATE users SET disabled_at = 1 "
	    "WHERE id = (SELECT councillor_id FROM issues WHERE id = %lld)",
	    (long long)issue_id);
	assert_int_equal(db_run(sql), 0);
	resp_init(&r);
	assert_int_equal(client_post(&worker, again, again, path("action="
	    "reopen&appeal=%lld", appeal), &r), 303);
	resp_free(&r);
	assert_true(count("SELECT count(*) FROM notifications WHERE text = "
	    "'Issue %lld was reopened, but the councillor who answered it has "
	    "had their account turned off. Send it on to another councillor.'",
	    (long long)issue_id) >= 1);
	(void)snprintf(sql, sizeof(sql), "UPDATE users SET disabled_at = NULL "
	    "WHERE id = (SELECT councillor_id FROM issues WHERE id = %lld)",
	    (long long)issue_id);
	assert_int_equal(db_run(sql), 0);
	/* 23:59 in London is the same day in UTC, summer or winter. */
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND date(due_at, 'unixepoch') = '%s'", (long long)issue_id, due),
	    1);
	/* Off the public pages until a worker publishes the new answer. */
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND state = 'with_councillor' AND due_at > strftime('%%s', "
	    "'now') AND published_at IS NULL", (long long)issue_id), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'appeal.reopen' AND object_id = %lld", (long long)issue_id), 1);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "link = '/my-issues/%lld' AND text NOT LIKE 'A young person "
	    "replied%%' AND text NOT LIKE 'An issue was sent%%'",
	    (long long)issue_id), 1);
	assert_int_equal(count("SELECT count(*) FROM view_events WHERE "
	    "view_id = %lld AND kind = 'reopened'", (long long)view_id), 1);
	resp_init(&r);
	assert_int_equal(http_get(&young, vpath, &r), 0);
	assert_true(resp_has(&r, "asked the councillor to answer again. You "
	    "will hear what they decide"));
	resp_free(&r);
	/* Once answered again, it says so, not "you will hear". */
	(void)snprintf(sql, sizeof(sql), "UPDATE issues SET state = "
	    "'published', answered_at = (SELECT max(decided_at) + 60 FROM "
	    "answer_appeals WHERE issue_id = %lld), published_at = 1 WHERE "
	    "id = %lld", (long long)issue_id, (long long)issue_id);
	assert_int_equal(db_run(sql), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, vpath, &r), 0);
	assert_true(resp_has(&r, "The councillor answered again on "));
	assert_false(resp_has(&r, "councillor to answer again. You will hear"));
	resp_free(&r);
	/* October 2024's board report still has the first answer, late:
	 * a report once tabled does not change when an issue is reopened
	 * and answered again. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2024-10-01&"
	    "to=2024-10-31", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "20 October 2024"));
	assert_true(resp_has(&r, "10 days"));
	/* Its outcome, published that October, is still in "You said,
	 * we did" there, though reopening took it off the public page. */
	assert_true(resp_has(&r, "Why: There is no money for it this year."));
	resp_free(&r);
	/* The spreadsheet lists that earlier answer too, as the report
	 * counts it. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/issues.csv", &r), 0);
	assert_true(resp_has(&r, "answered, then reopened"));
	resp_free(&r);
	(void)snprintf(sql, sizeof(sql), "UPDATE issues SET state = "
	    "'with_councillor', answered_at = NULL, published_at = NULL "
	    "WHERE id = %lld", (long long)issue_id);
	assert_int_equal(db_run(sql), 0);
	/* Waiting for a new answer, the issue's own row (first) has no
	 * decision: the earlier one is on its own row. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/issues.csv", &r), 0);
	(void)snprintf(sql, sizeof(sql), "\r\n%lld,", (long long)issue_id);
	assert_non_null(resp_between(&r, sql, "\r\n", row, sizeof(row)));
	assert_non_null(strstr(row, "with_councillor"));
	assert_null(strstr(row, "greed"));
	resp_free(&r);
	/* Answered again: the earlier answer's open actions are replaced,
	 * and say so; they are not left standing under the new answer. */
	(void)snprintf(sql, sizeof(sql), "INSERT INTO actions (issue_id, what, "
	    "created_at) VALUES (%lld, 'An older promise', 1)",
	    (long long)issue_id);
	assert_int_equal(db_run(sql), 0);
	(void)snprintf(sql, sizeof(sql), "UPDATE issues SET state = "
	    "'answered', decision = 'agreed', answered_at = 1000 WHERE id = "
	    "%lld", (long long)issue_id);
	assert_int_equal(db_run(sql), 0);
	assert_int_equal(count("SELECT count(*) FROM actions WHERE what = 'An "
	    "older promise' AND state = 'dropped' AND drop_reason LIKE 'The "
	    "councillor answered again%%'"), 1);
	(void)snprintf(sql, sizeof(sql), "UPDATE issues SET state = "
	    "'with_councillor', answered_at = NULL WHERE id = %lld",
	    (long long)issue_id);
	assert_int_equal(db_run(sql), 0);
	/* The councillor answers again, on the usual form. */
	resp_init(&r);
	assert_int_equal(http_get(&cllr, path("/my-issues/%lld", issue_id),
	    &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "name=\"decision\" value=\"partly\""));
	resp_free(&r);
	/* While it is looked at again, no reply and no request. */
	assert_int_equal(client_status(&young, path("/views/%lld/reply",
	    view_id)), 404);
	assert_int_equal(client_status(&young, vagain), 404);
}

static void
me_too_once_undo_and_suppressed(void **state)
{
	struct resp	 r;
	char		 metoo[64];
	int		 i;
	int64_t		 issue, open_issue, laptops;

	(void)state;
	issue = count("SELECT id FROM issues WHERE title = 'Tell us when our "
	    "social worker changes'");
	laptops = count("SELECT issue_id FROM views WHERE title = 'Laptops "
	    "for homework'");
	open_issue = count("SELECT id FROM issues WHERE published_at IS NULL "
	    "LIMIT 1");
	assert_true(issue > 0 && laptops > 0 && open_issue > 0);
	(void)snprintf(metoo, sizeof(metoo), "/issues/%lld/metoo",
	    (long long)issue);

	/* The demo's laptops answer has 6: shown, to everyone. */
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_true(resp_has(&r, "6 young people said this matters to them "
	    "too."));
	assert_true(resp_has(&r, "to say this matters to you too"));
	resp_free(&r);

	/* Once per person, however often it is pressed. */
	resp_init(&r);
	assert_int_equal(client_post(&young, "/you-said-we-did", metoo, "",
	    &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&young, "/you-said-we-did", metoo, "",
	    &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issue_support WHERE "
	    "issue_id = %lld", (long long)issue), 1);
	assert_int_not_equal(db_run("INSERT INTO issue_support SELECT "
	    "issue_id, user_id, 1 FROM issue_support LIMIT 1"), 0);
	/* Logged against Jaden, never the issue: rows per issue would
	 * count its supporters. */
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'issue.metoo' AND object_type = 'user' AND object_id = (SELECT "
	    "id FROM users WHERE name_key = 'jaden')"), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "LIKE 'issue.metoo%%' AND object_type = 'issue'"), 0);

	/* One, then four: under 5 nobody reads the number. */
	resp_init(&r);
	assert_int_equal(http_get(&young, "/you-said-we-did", &r), 0);
	assert_true(resp_has(&r, "You said this matters to you too."));
	assert_false(resp_has(&r, "1 young people said"));
	resp_free(&r);
	assert_int_equal(db_run("INSERT INTO issue_support (issue_id, user_id, "
	    "created_at) SELECT (SELECT id FROM issues WHERE title = 'Tell us "
	    "when our social worker changes'), id, 1 FROM users WHERE role = "
	    "'young_person' AND name_key IN ('mia', 'kai', 'zara')"), 0);
	assert_int_equal(db_release(), 0);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_false(resp_has(&r, "4 young people said"));
	assert_false(resp_has(&r, "than 5 young people said"));
	resp_free(&r);
	assert_int_equal(db_run("INSERT INTO issue_support (issue_id, user_id, "
	    "created_at) SELECT (SELECT id FROM issues WHERE title = 'Tell us "
	    "when our social worker changes'), id, 1 FROM users WHERE role = "
	    "'young_person' AND name_key = 'leo'"), 0);
	assert_int_equal(db_release(), 0);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_true(resp_has(&r, "5 young people said"));
	resp_free(&r);

	/* Undone: 4 now, but what everyone sees moves only when five
	 * people have changed theirs (release.h): pressing it off and on
	 * must not tell Jaden that 4 others said so. */
	resp_init(&r);
	assert_int_equal(client_post(&young, "/you-said-we-did", metoo,
	    "undo=1", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issue_support WHERE "
	    "issue_id = %lld", (long long)issue), 4);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_true(resp_has(&r, "5 young people said"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'issue.metoo_undo' AND object_type = 'user'"), 1);
	/* On and off again and again: the log says so once an hour, not
	 * a row a press. */
	for (i = 0; i < 6; i++) {
		assert_int_equal(client_post(&young, "/you-said-we-did", metoo,
		    i % 2 ? "undo=1" : "", &r), 303);
		resp_free(&r);
	}
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "LIKE 'issue.metoo%%' AND object_id = (SELECT id FROM users WHERE "
	    "name_key = 'jaden')"), 2);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/you-said-we-did", &r), 0);
	assert_true(resp_has(&r, "5 young people said"));
	assert_false(resp_has(&r, "4 young people said"));
	resp_free(&r);
	/* Released as it stands (four others changing theirs would do
	 * it): 4 is under 5, and hidden. */
	assert_int_equal(db_release(), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/you-said-we-did", &r), 0);
	assert_false(resp_has(&r, "5 young people said"));
	assert_false(resp_has(&r, "4 young people said"));
	resp_free(&r);

	/* Not on an unpublished issue; not for staff. */
	resp_init(&r);
	assert_int_equal(client_post(&young, "/you-said-we-did",
	    path("/issues/%lld/metoo", open_issue), "", &r), 404);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issue_support WHERE "
	    "issue_id = %lld", (long long)open_issue), 0);
	resp_init(&r);
	assert_int_equal(client_post(&worker, "/you-said-we-did", metoo, "",
	    &r), 404);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&cllr, "/you-said-we-did", metoo, "",
	    &r), 404);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issue_support WHERE "
	    "issue_id = %lld", (long long)issue), 4);
	/* The public data never carries the count. */
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/open-data.json", &r), 0);
	assert_false(resp_has(&r, "metoo"));
	resp_free(&r);
}

static void
demo_council_answers_back(void **state)
{
	struct resp	 r;
	int64_t		 pocket;

	(void)state;
	pocket = count("SELECT issue_id FROM views WHERE title = 'Pocket "
	    "money is different in every home'");
	assert_int_equal(count("SELECT count(*) FROM views WHERE reply_to = "
	    "%lld AND state = 'received'", (long long)pocket), 1);
	assert_int_equal(count("SELECT count(*) FROM answer_appeals WHERE "
	    "issue_id = %lld AND state = 'open'", (long long)pocket), 1);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND decision = 'not_agreed' AND published_at IS NOT NULL",
	    (long long)pocket), 1);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path("/issues/%lld/again", pocket),
	    &r), 0);
	assert_true(resp_has(&r, "buy their own lunch"));
	assert_true(resp_has(&r, "Reopen: the councillor answers again"));
	resp_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(demo_council_answers_back),
		cmocka_unit_test(reply_is_moderated_and_linked),
		cmocka_unit_test(worrying_reply_shows_help),
		cmocka_unit_test(timed_out_reply_keeps_the_words),
		cmocka_unit_test(ask_again_decided_both_ways),
		cmocka_unit_test(me_too_once_undo_and_suppressed),
	};

	return (cmocka_run_group_tests(tests, demo_group_setup,
	    group_teardown_server));
}
