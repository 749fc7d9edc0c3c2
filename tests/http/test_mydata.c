/*
 * test_mydata.c: a young person's data rights over real HTTP (the download
 * holds exactly their records and nobody else's; unanswered views can be
 * deleted, answered and safeguarding ones cannot; names come off published
 * outcomes) and the retention purge (only what is past its time goes).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "harness.h"
#include "testutil.h"


static void
download_holds_exactly_their_records(void **state)
{
	struct resp	 r;
	json_t		*doc, *views, *v;
	json_error_t	 err;
	char		 ct[128], sql[512];
	size_t		 i;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data.json", &r), 0);
	assert_int_equal(r.status, 200);
	assert_string_equal(resp_header(&r, "content-type", ct, sizeof(ct)),
	    "application/json; charset=utf-8");
	doc = json_loadb(r.body.data, r.body.len, 0, &err);
	assert_non_null(doc);
	assert_string_equal(json_string_value(json_object_get(
	    json_object_get(doc, "account"), "display_name")), "Jaden");
	views = json_object_get(doc, "views");
	assert_int_equal(json_array_size(views), count("SELECT count(*) FROM "
	    "views v JOIN users u ON u.id = v.author_id WHERE u.name_key = "
	    "'jaden'"));
	json_array_foreach(views, i, v) {
		(void)snprintf(sql, sizeof(sql), "SELECT count(*) FROM views v "
		    "JOIN users u ON u.id = v.author_id WHERE u.name_key = "
		    "'jaden' AND v.id = %s", json_string_value(
		    json_object_get(v, "id")));
		assert_int_equal(count("%s", sql), 1);
		assert_true(json_array_size(json_object_get(v, "timeline")) >=
		    1);
	}
	assert_true(json_array_size(json_object_get(doc, "sign_ins")) >= 1);
	/* Nobody else's words or names. */
	assert_false(resp_has(&r, "Pocket money is different"));
	assert_false(resp_has(&r, "\"Mia\""));
	json_decref(doc);
	resp_free(&r);
	/* The page shows the same views. */
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_true(resp_has(&r, "Reviews at times we can make"));
	assert_false(resp_has(&r, "Pocket money is different"));
	resp_free(&r);
	assert_int_equal(client_status(&young, "/account/data.json") , 200);
}

/* Whether the body holds a run of at least n hex digits (a digest). */
static int
hex_run(const struct resp *r, size_t n)
{
	size_t	 i, run;

	for (i = run = 0; i < r->body.len; i++) {
		run = isxdigit((unsigned char)r->body.data[i]) ? run + 1 : 0;
		if (run >= n)
			return (1);
	}
	return (0);
}

/*
 * Their own words and records elsewhere are in it too: a meeting idea,
 * an "ask again" with the worker's answer, a "me too", the browsers and
 * sessions they are signed in with (by date: never a stored digest), and
 * the plain words about safety records.
 */
static void
download_holds_their_other_records(void **state)
{
	struct resp	 r;
	json_t		*doc, *a;
	json_error_t	 err;
	char		 sql[512];
	int64_t		 uid;

	(void)state;
	uid = count("SELECT id FROM users WHERE name_key = 'jaden'");
	(void)snprintf(sql, sizeof(sql), "INSERT INTO agenda_suggestions "
	    "(meeting_id, user_id, text, created_at) VALUES (1, %lld, "
	    "'Marigold bus passes idea', 1700000000)", (long long)uid);
	assert_int_equal(db_run(sql), 0);
	(void)snprintf(sql, sizeof(sql), "INSERT INTO answer_appeals "
	    "(issue_id, user_id, reason, state, created_at, decided_at, "
	    "decision_reason) VALUES (5, %lld, 'Juniper they did not listen', "
	    "'declined', 1700000000, 1700000100, 'Zeppelin it was answered "
	    "in full')", (long long)uid);
	assert_int_equal(db_run(sql), 0);
	(void)snprintf(sql, sizeof(sql), "INSERT OR IGNORE INTO issue_support "
	    "(issue_id, user_id, created_at) VALUES (4, %lld, 1700000000)",
	    (long long)uid);
	assert_int_equal(db_run(sql), 0);
	assert_true(count("SELECT count(*) FROM known_devices WHERE user_id = "
	    "%lld", (long long)uid) >= 1);

	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data.json", &r), 0);
	assert_int_equal(r.status, 200);
	doc = json_loadb(r.body.data, r.body.len, 0, &err);
	assert_non_null(doc);
	a = json_object_get(doc, "meeting_suggestions");
	assert_int_equal(json_array_size(a), 1);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(a, 0), "words")), "Marigold bus passes idea");
	a = json_object_get(doc, "asked_to_look_again");
	assert_int_equal(json_array_size(a), 1);
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(a, 0), "why")), "Zeppelin it was answered in full");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(a, 0), "issue")), "Sleepovers take too long to "
	    "agree");
	assert_int_equal(json_array_size(json_object_get(doc, "me_too")),
	    count("SELECT count(*) FROM issue_support WHERE user_id = %lld",
	    (long long)uid));
	assert_int_equal(json_array_size(json_object_get(doc,
	    "browsers_you_signed_in_from")), count("SELECT count(*) FROM "
	    "known_devices WHERE user_id = %lld", (long long)uid));
	assert_int_equal(json_array_size(json_object_get(doc,
	    "signed_in_now")), count("SELECT count(*) FROM sessions WHERE "
	    "user_id = %lld", (long long)uid));
	assert_non_null(json_object_get(doc, "safety_records"));
	/* No digest of a cookie or session, in any spelling. */
	assert_false(hex_run(&r, 32));
	assert_false(resp_has(&r, "token"));
	assert_false(resp_has(&r, "csrf"));
	json_decref(doc);
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_true(resp_has(&r, "Marigold bus passes idea"));
	assert_true(resp_has(&r, "Juniper they did not listen"));
	assert_true(resp_has(&r, "Zeppelin it was answered in full"));
	assert_true(resp_has(&r, "Laptops for homework"));
	assert_true(resp_has(&r, "Browsers you signed in from"));
	assert_true(resp_has(&r, "not deleted"));
	resp_free(&r);
}

/*
 * The page and the file speak plain words, not the codes kept in the
 * database: a Pledge "not sure" reads as the check page's own choice, a
 * sign-in as "Signed in", a meeting idea's state as what happened to it.
 */
static void
no_internal_codes_shown(void **state)
{
	struct resp	 r;
	const char	*codes[] = { "not_sure", "signin.success",
	    "signin.failure", "signout", "\"received\"", "\"declined\"" };
	size_t		 i;

	(void)state;
	assert_int_equal(db_run("UPDATE verdicts SET verdict = 'not_sure' "
	    "WHERE id = (SELECT min(vd.id) FROM verdicts vd JOIN users u ON "
	    "u.id = vd.user_id WHERE u.name_key = 'jaden')"), 0);
	assert_true(count("SELECT count(*) FROM audit_log a JOIN users u ON "
	    "u.id = a.actor_id WHERE u.name_key = 'jaden' AND a.action = "
	    "'signin.success'") >= 1);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<strong>Not sure</strong>"));
	assert_true(resp_has(&r, "Signed in"));
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		assert_false(resp_has(&r, codes[i]));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data.json", &r), 0);
	assert_true(resp_has(&r, "\"Not sure\""));
	assert_true(resp_has(&r, "\"Signed in\""));
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++)
		assert_false(resp_has(&r, codes[i]));
	resp_free(&r);
}

/*
 * The meetings they were invited to, with whether they came, and the
 * audit log's rows about them beyond sign-ins (what they did, and what
 * staff did to their account) are in the page and the file, in words:
 * never another invitee, nor the worker's name or address.
 */
static void
download_holds_meetings_and_doings(void **state)
{
	struct resp	 r;
	json_t		*doc, *a, *row;
	json_error_t	 err;
	int64_t		 uid, staff;
	size_t		 i;
	int		 came, answered, board;
	char		 sql[512];

	(void)state;
	uid = count("SELECT id FROM users WHERE name_key = 'jaden'");
	staff = count("SELECT id FROM users WHERE name_key = 'priya shah'");
	assert_true(count("SELECT count(*) FROM meeting_invitees WHERE "
	    "user_id = %lld AND attendance = 'attended'", (long long)uid) >=
	    1);
	(void)snprintf(sql, sizeof(sql), "INSERT INTO audit_log (at, "
	    "actor_id, actor_name, actor_role, action, object_type, "
	    "object_id, detail, ip) VALUES (1700000000, %lld, 'Jaden', "
	    "'young_person', 'consult.answer', 'user', %lld, 'named', "
	    "'10.44.55.66'), (1700000100, %lld, 'Priya Shah', "
	    "'participation_worker', 'account.board', 'user', %lld, '', "
	    "'10.99.88.77')", (long long)uid, (long long)uid,
	    (long long)staff, (long long)uid);
	assert_int_equal(db_run(sql), 0);

	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data.json", &r), 0);
	assert_int_equal(r.status, 200);
	doc = json_loadb(r.body.data, r.body.len, 0, &err);
	assert_non_null(doc);
	a = json_object_get(doc, "meetings_invited_to");
	assert_int_equal(json_array_size(a), count("SELECT count(*) FROM "
	    "meeting_invitees WHERE user_id = %lld", (long long)uid));
	came = 0;
	json_array_foreach(a, i, row)
		came |= strcmp(json_string_value(json_object_get(row, "came")),
		    "You came") == 0;
	assert_true(came);
	a = json_object_get(doc, "what_you_did");
	answered = board = 0;
	json_array_foreach(a, i, row) {
		const char *w = json_string_value(json_object_get(row, "what"));

		answered |= strcmp(w, "You finished a consultation, with your "
		    "name") == 0 && strcmp(json_string_value(json_object_get(
		    row, "from")), "10.44.55.66") == 0;
		board |= strstr(w, "corporate parenting board") != NULL;
	}
	assert_true(answered);
	assert_true(board);
	/* Not another invitee, nor the worker who did it, nor a code. */
	assert_false(resp_has(&r, "Maria Lopez"));
	assert_false(resp_has(&r, "10.99.88.77"));
	assert_false(resp_has(&r, "Priya"));
	assert_false(resp_has(&r, "consult.answer"));
	assert_false(resp_has(&r, "account.board"));
	json_decref(doc);
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_true(resp_has(&r, "Meetings you were invited to"));
	assert_true(resp_has(&r, "What you did on this website"));
	assert_true(resp_has(&r, "You finished a consultation, with your "
	    "name"));
	assert_true(resp_has(&r, "<strong>You came</strong>"));
	assert_false(resp_has(&r, "Maria Lopez"));
	assert_false(resp_has(&r, "10.99.88.77"));
	resp_free(&r);
	/* On the page, one line a kind a day: a Pledge check of many
	 * promises is one line, with how many, not a line each. */
	assert_int_equal(db_run("INSERT INTO audit_log (at, actor_id, "
	    "actor_name, action, object_type, object_id, detail, ip) SELECT "
	    "CAST(strftime('%s', 'now') AS INTEGER), id, display_name, "
	    "'verdict.set', 'promise', 1, '', '127.0.0.1' FROM users, (SELECT "
	    "1 UNION ALL SELECT 2 UNION ALL SELECT 3) WHERE name_key = "
	    "'jaden'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_true(resp_has(&r, "You told us how our promises are kept · "));
	assert_true(resp_has(&r, " times</li>"));
	assert_false(resp_has(&r, "from internet address 127.0.0.1</li>"
	    "<li class=\"item\">"));
	resp_free(&r);
}

/*
 * "Ask us to close my account": every participation worker is told in
 * the portal with the words, no email carries them, the audit log has
 * the request without them, and the young person reads what happens
 * next. Too many words come back to fix (422); worrying words are never
 * refused: a concern holds them and the help lines are shown.
 */
static void
ask_to_close_tells_workers(void **state)
{
	struct resp	 r;
	char		 form[4200], big[2101];
	int64_t		 workers, notes, mails, concerns;

	(void)state;
	workers = count("SELECT count(*) FROM users WHERE role = "
	    "'participation_worker' AND disabled_at IS NULL AND closed_at IS "
	    "NULL");
	assert_true(workers >= 1);
	notes = count("SELECT count(*) FROM notifications");
	mails = count("SELECT count(*) FROM outbox");
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_true(resp_has(&r, "Ask us to close my account"));
	assert_true(resp_has(&r, "What we keep:"));
	resp_free(&r);

	/* Too long: the words come back, nothing is sent. */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	(void)snprintf(form, sizeof(form), "close=1&close_words=%s", big);
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 422);
	assert_true(resp_has(&r, "2000 characters or fewer"));
	assert_true(resp_has(&r, big));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM notifications"), notes);

	(void)snprintf(form, sizeof(form), "close=1&close_words=%s",
	    url_enc("Tangerine I am moving on"));
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM notifications n JOIN "
	    "users u ON u.id = n.user_id WHERE u.role = 'participation_worker' "
	    "AND n.text LIKE 'Jaden asked us to close their account.%%' AND "
	    "n.text LIKE '%%Tangerine I am moving on%%'"), workers);
	assert_int_equal(count("SELECT count(*) FROM notifications"),
	    notes + workers);
	/* The same sent again (a double click): told once. */
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM notifications"),
	    notes + workers);
	/* No email at all: the portal's own notes only. */
	assert_int_equal(count("SELECT count(*) FROM outbox"), mails);
	assert_int_equal(count("SELECT count(*) FROM audit_log a JOIN users u "
	    "ON u.id = a.actor_id WHERE u.name_key = 'jaden' AND a.action = "
	    "'account.close_request' AND a.detail = ''"), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE detail "
	    "LIKE '%%Tangerine%%'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_true(resp_has(&r, "We have told the participation team"));
	resp_free(&r);
	/* Still open until a worker has talked to them. */
	assert_int_equal(count("SELECT count(*) FROM users WHERE name_key = "
	    "'jaden' AND disabled_at IS NULL"), 1);

	/* Worrying words: kept in a concern, not in the note, help shown. */
	concerns = count("SELECT count(*) FROM concerns WHERE closed_at IS "
	    "NULL");
	(void)snprintf(form, sizeof(form), "close=1&close_words=%s",
	    url_enc("Nobody listens, I want to hurt myself."));
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	assert_true(resp_has(&r, "We have told the participation team"));
	/* Where the form sends them (#close), not far above it; and no
	 * promise of "soon" that the staffed hours may not keep. */
	assert_non_null(strstr(buf_cstr(&r.body), "id=\"close\""));
	assert_non_null(strstr(strstr(buf_cstr(&r.body), "id=\"close\""),
	    "We are here to help"));
	assert_false(resp_has(&r, "talk to you soon"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE closed_at "
	    "IS NULL"), concerns + 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE text = "
	    "'Nobody listens, I want to hurt myself.'"), 1);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "text LIKE '%%hurt myself%%'"), 0);
	assert_int_equal(count("SELECT count(*) FROM outbox WHERE body LIKE "
	    "'%%hurt myself%%'"), 0);
	assert_int_equal(count("SELECT count(*) FROM audit_log a JOIN users u "
	    "ON u.id = a.actor_id WHERE u.name_key = 'jaden' AND a.action = "
	    "'account.close_request'"), 2);
}

/*
 * The footer of a young person's page gives the council's out-of-hours
 * number beside the national lines when an admin has set it, and not
 * when it is empty.
 */
static void
footer_gives_out_of_hours_number(void **state)
{
	struct resp	 r;

	(void)state;
	assert_int_equal(db_run("UPDATE settings SET value = '01632 960 777' "
	    "WHERE key = 'edt_phone'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_true(resp_has(&r, "href=\"tel:01632960777\">Call 01632 960 "
	    "777</a>"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/", &r), 0);
	assert_true(resp_has(&r, "Call 01632 960 777"));
	resp_free(&r);
	assert_int_equal(db_run("UPDATE settings SET value = '' WHERE key = "
	    "'edt_phone'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_false(resp_has(&r, "emergency duty team"));
	assert_true(resp_has(&r, "Call 0800 1111"));
	resp_free(&r);
}

static void
delete_only_what_may_go(void **state)
{
	struct resp	 r;
	char		 form[256];
	int64_t		 mine, answered, other;

	(void)state;
	mine = count("SELECT v.id FROM views v JOIN users u ON u.id = "
	    "v.author_id WHERE u.name_key = 'jaden' AND v.title = 'Reviews at "
	    "times we can make'");
	answered = count("SELECT v.id FROM views v JOIN users u ON u.id = "
	    "v.author_id WHERE u.name_key = 'jaden' AND v.title = 'Free "
	    "leisure pass for everyone in care'");
	other = count("SELECT id FROM views WHERE title = 'Pocket money is "
	    "different in every home'");
	(void)snprintf(form, sizeof(form), "delete=%lld&sure=1",
	    (long long)answered);
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 422);
	assert_true(resp_has(&r, "part of the record"));
	resp_free(&r);
	/* Said beside it, with no Delete to press. */
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_true(resp_has(&r, "A councillor has answered this, so it "
	    "stays"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "delete=%lld", (long long)other);
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 404);
	resp_free(&r);
	/* For good, so asked first, with its words: one tap deletes
	 * nothing. */
	(void)snprintf(form, sizeof(form), "delete=%lld", (long long)mine);
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 200);
	assert_true(resp_has(&r, "Delete this view for good?"));
	assert_true(resp_has(&r, "Reviews at times we can make"));
	assert_true(resp_has(&r, "name=\"sure\" value=\"1\""));
	assert_true(resp_has(&r, "No, keep it"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld",
	    (long long)mine), 1);
	(void)snprintf(form, sizeof(form), "delete=%lld&sure=1",
	    (long long)mine);
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld",
	    (long long)mine), 0);
	assert_int_equal(count("SELECT count(*) FROM view_events WHERE "
	    "view_id = %lld", (long long)mine), 0);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id IN "
	    "(%lld, %lld)", (long long)answered, (long long)other), 2);
	/* A private view in an issue not yet answered: its words go, its
	 * row stays, so the issue still cannot be published under a title
	 * that may be its words. */
	assert_int_equal(db_run("INSERT INTO views (category_id, title, body, "
	    "state, created_at, author_id, publish, issue_id) VALUES (1, "
	    "'Private in an issue', 'Private words', 'merged', 1, (SELECT id "
	    "FROM users WHERE name_key = 'jaden'), 'no', (SELECT min(id) FROM "
	    "issues WHERE state IN ('open', 'with_councillor')))"), 0);
	mine = count("SELECT max(id) FROM views");
	(void)snprintf(form, sizeof(form), "delete=%lld&sure=1",
	    (long long)mine);
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld AND "
	    "author_id IS NULL AND body = '' AND title = 'Deleted by the young "
	    "person' AND issue_id IS NOT NULL", (long long)mine), 1);
	assert_int_equal(db_run("DELETE FROM views WHERE title = 'Deleted by "
	    "the young person'"), 0);
	/* In an issue answered once and reopened: answered, so it stays. */
	assert_int_equal(db_run("INSERT INTO views (category_id, title, body, "
	    "state, created_at, author_id, publish, issue_id) VALUES (1, "
	    "'In a reopened issue', 'Reopened words', 'merged', 1, (SELECT id "
	    "FROM users WHERE name_key = 'jaden'), 'anonymous', (SELECT "
	    "min(id) FROM issues WHERE state IN ('open', "
	    "'with_councillor')))"), 0);
	mine = count("SELECT max(id) FROM views");
	assert_int_equal(db_run("INSERT INTO answers_before (issue_id, "
	    "decision, answered_at) SELECT issue_id, 'agreed', 1 FROM views "
	    "WHERE title = 'In a reopened issue'"), 0);
	(void)snprintf(form, sizeof(form), "delete=%lld&sure=1",
	    (long long)mine);
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 422);
	assert_true(resp_has(&r, "part of the record"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld AND "
	    "body = 'Reopened words'", (long long)mine), 1);
	assert_int_equal(db_run("DELETE FROM answers_before WHERE answered_at "
	    "= 1 AND decision = 'agreed'"), 0);
	assert_int_equal(db_run("DELETE FROM views WHERE title = 'In a "
	    "reopened issue'"), 0);
}

/* Raise a view as the young person; its number. */
static int64_t
raise(const char *title, const char *body)
{
	struct resp	 r;
	char		 form[512], loc[128];

	(void)snprintf(form, sizeof(form), "category=%lld&title=%s&body=%s&"
	    "publish=anonymous", (long long)count("SELECT id FROM categories "
	    "WHERE key = 'leisure'"), url_enc(title), url_enc(body));
	assert_int_equal(client_post(&young, "/views/new", "/views/new", form,
	    &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	return (strtoll(loc + strlen("/views/"), NULL, 10));
}

/*
 * A view its writer deletes leaves the files, not only the tables: the
 * database's pages are wiped as they are freed (secure_delete), and the
 * log's older copies of them go when the log is emptied after.
 */
static void
deleted_words_leave_the_files(void **state)
{
	static const char *words = "Quillfeather lemonade 4471";
	struct resp	 r;
	char		 form[64];
	int64_t		 id;

	(void)state;
	id = raise("Deleting this one", words);
	/* Written where a copy of the disk would find them. */
	assert_true(db_files_hold(words));
	(void)snprintf(form, sizeof(form), "delete=%lld&sure=1", (long long)id);
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 303);
	resp_free(&r);
	/* The log is emptied off the event loop: soon, not at once. */
	assert_true(db_files_lose(words));
}

/*
 * A view about the young person's safety is kept: the page offers no
 * Delete that can only be refused, and says why beside it.
 */
static void
a_view_about_safety_offers_no_delete(void **state)
{
	struct resp	 r;
	char		 button[160];
	int64_t		 id;

	(void)state;
	(void)snprintf(button, sizeof(button), "category=%lld&title=Scared&"
	    "body=my+foster+carer+hits+me+every+night&publish=no", (long long)
	    count("SELECT id FROM categories WHERE key = 'leisure'"));
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    button, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	id = count("SELECT max(item_id) FROM concerns WHERE kind = 'view'");
	assert_true(count("SELECT count(*) FROM views WHERE id = %lld AND "
	    "title = 'Scared'", (long long)id) == 1);
	(void)snprintf(button, sizeof(button), "name=\"delete\" value=\"%lld\"",
	    (long long)id);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data", &r), 0);
	assert_false(resp_has(&r, button));
	assert_true(resp_has(&r, "We keep this one, because it was about "
	    "your safety"));
	resp_free(&r);
}

/*
 * The newest view, deleted, keeps its number: the next one sent does not
 * take it, so a worker's link or an audit entry for it never leads to
 * someone else's. The same for a purged account (retention).
 */
static void
a_deleted_view_keeps_its_number(void **state)
{
	struct resp	 r;
	char		 form[64];
	int64_t		 gone, next;

	(void)state;
	gone = raise("Sent by mistake", "Some words");
	assert_int_equal(gone, count("SELECT max(id) FROM views"));
	(void)snprintf(form, sizeof(form), "delete=%lld&sure=1",
	    (long long)gone);
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    form, &r), 303);
	resp_free(&r);
	next = raise("Sent on purpose", "Some words");
	assert_true(next > gone);
}

static void
name_comes_off_published_outcomes(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_true(resp_has(&r, "raised by Jaden"));
	resp_free(&r);
	assert_int_equal(client_post(&young, "/account/data", "/account/data",
	    "hide_name=1", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_false(resp_has(&r, "raised by Jaden"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views v JOIN users u ON "
	    "u.id = v.author_id WHERE u.name_key = 'jaden' AND v.publish = "
	    "'name'"), 0);
}

static void
purge_removes_only_expired(void **state)
{
	char	 out[512];
	int64_t	 before, old_flagged, recent;

	(void)state;
	/* Three years old: two unpublished, one flagged; one account. */
	assert_int_equal(db_run("UPDATE views SET created_at = 1 WHERE title "
	    "IN ('Haircuts', 'Savings account', 'I don''t feel safe where I "
	    "live', 'Free leisure pass for everyone in care')"), 0);
	assert_int_equal(db_run("UPDATE users SET disabled_at = 1 WHERE "
	    "name_key = 'tyler'"), 0);
	before = count("SELECT count(*) FROM views");
	recent = count("SELECT count(*) FROM views WHERE created_at > 1");
	old_flagged = count("SELECT count(*) FROM views WHERE title = 'I "
	    "don''t feel safe where I live'");
	assert_int_equal(harness_ctl("purge --dry-run", out, sizeof(out)), 0);
	assert_non_null(strstr(out, "Would delete 2 unpublished view(s) and "
	    "1 closed account(s)"));
	assert_non_null(strstr(out, "Kept 1 old view(s)"));
	assert_int_equal(count("SELECT count(*) FROM views"), before);
	assert_int_equal(harness_ctl("purge", out, sizeof(out)), 0);
	assert_non_null(strstr(out, "Deleted 2"));
	assert_int_equal(count("SELECT count(*) FROM views"), before - 2);
	assert_int_equal(count("SELECT count(*) FROM views WHERE created_at > "
	    "1"), recent);
	/* Published outcomes and safeguarding records stay. */
	assert_int_equal(count("SELECT count(*) FROM views WHERE title = "
	    "'Free leisure pass for everyone in care'"), 1);
	assert_int_equal(count("SELECT count(*) FROM views WHERE title = 'I "
	    "don''t feel safe where I live'"), old_flagged);
	assert_int_equal(count("SELECT count(*) FROM users WHERE name_key = "
	    "'tyler'"), 0);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'retention.purge' AND detail = 'views 2, kept 1, accounts 1'"),
	    1);
	/* Run again from cron: nothing left to do. */
	assert_int_equal(harness_ctl("purge", out, sizeof(out)), 0);
	assert_non_null(strstr(out, "Deleted 0"));
}

/*
 * A closed account, once purged, takes with it the views its owner could
 * have deleted: a private view nobody worried about leaves the workers'
 * queue, the tables and the files. A view with a concern stays whole
 * with its concern on the workers' list, and an answered one stays as
 * part of the record, without the name.
 */
static void
purged_account_takes_its_views(void **state)
{
	static const char *words = "Xylophone private 5523";
	struct resp	 r;
	char		 form[256], out[512];
	int64_t		 id, scared;

	(void)state;
	(void)snprintf(form, sizeof(form), "category=%lld&title=Private+one&"
	    "body=%s&publish=no", (long long)count("SELECT id FROM categories "
	    "WHERE key = 'leisure'"), url_enc(words));
	assert_int_equal(client_post(&young, "/views/new", "/views/new", form,
	    &r), 303);
	resp_free(&r);
	id = count("SELECT max(id) FROM views");
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_true(resp_has(&r, "Private one"));
	resp_free(&r);
	scared = count("SELECT max(item_id) FROM concerns WHERE kind = 'view' "
	    "AND text LIKE '%%foster carer hits me%%'");
	assert_true(scared > 0);
	assert_true(db_files_hold(words));
	/* Turned off by a worker long ago, then the nightly purge. */
	assert_int_equal(db_run("UPDATE users SET disabled_at = 1 WHERE "
	    "name_key = 'jaden'"), 0);
	assert_int_equal(harness_ctl("purge", out, sizeof(out)), 0);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld",
	    (long long)id), 0);
	assert_int_equal(count("SELECT count(*) FROM view_events WHERE "
	    "view_id = %lld", (long long)id), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_false(resp_has(&r, "Private one"));
	resp_free(&r);
	assert_true(db_files_lose(words));
	/* Kept: the worry, open on the workers' list, and the answer. */
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld "
	    "AND author_id IS NULL AND body LIKE '%%foster carer hits me%%'",
	    (long long)scared), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'view' AND item_id = %lld AND closed_at IS NULL", (long long)
	    scared), 1);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/safeguarding", &r), 0);
	(void)snprintf(form, sizeof(form), "/safeguarding/%lld", (long long)
	    count("SELECT id FROM concerns WHERE kind = 'view' AND item_id = "
	    "%lld", (long long)scared));
	assert_true(resp_has(&r, form));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE title = "
	    "'Free leisure pass for everyone in care' AND author_id IS NULL"),
	    1);
	/* The workers' notes of the close request lost the name and the
	 * words (ask_to_close_tells_workers sent them). */
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "text LIKE '%%Jaden%%' OR text LIKE '%%Tangerine%%'"), 0);
	assert_true(count("SELECT count(*) FROM notifications WHERE text = "
	    "'A young person asked us to close their account. It has since "
	    "been deleted.'") >= 1);
	assert_true(db_files_lose("Tangerine I am moving on"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(download_holds_exactly_their_records),
		cmocka_unit_test(download_holds_their_other_records),
		cmocka_unit_test(no_internal_codes_shown),
		cmocka_unit_test(download_holds_meetings_and_doings),
		cmocka_unit_test(ask_to_close_tells_workers),
		cmocka_unit_test(footer_gives_out_of_hours_number),
		cmocka_unit_test(delete_only_what_may_go),
		cmocka_unit_test(deleted_words_leave_the_files),
		cmocka_unit_test(a_view_about_safety_offers_no_delete),
		cmocka_unit_test(a_deleted_view_keeps_its_number),
		cmocka_unit_test(name_comes_off_published_outcomes),
		cmocka_unit_test(purge_removes_only_expired),
		cmocka_unit_test(purged_account_takes_its_views),
	};

	return (cmocka_run_group_tests_name("http_mydata", tests, demo_group_setup,
	    group_teardown_server));
}
