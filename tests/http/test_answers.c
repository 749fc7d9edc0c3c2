/*
 * test_answers.c: answers worth reading and honest deadlines, over real
 * HTTP on the demo council: a councillor's answer waits for a worker's
 * check (approved, or sent back with a note), trusted councillors skip
 * it, the reading age and glossary words while writing, "." is not a
 * reason, /admin/glossary and first-use explanations on public pages,
 * limited extensions with the first due date kept, late answers in the
 * board report, reminders sent once each without a child's words, and
 * every due date ending at the same instant, the end of its day.
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

/* "YYYY-MM-DD", days from today (UTC is near enough at noon). */
static const char *
day_from_now(int days, char *out, size_t outlen)
{
	time_t		 t;
	struct tm	 tm;

	t = time(NULL) + (time_t)days * 86400;
	(void)gmtime_r(&t, &tm);
	(void)strftime(out, outlen, "%Y-%m-%d", &tm);
	return (out);
}

/*
 * The first working day at least days from now (Monday to Friday, not in
 * the holidays table): more time must end on one.
 */
static const char *
working_day_from_now(int days, char *out, size_t outlen)
{
	time_t		 t;
	struct tm	 tm;

	for (t = time(NULL) + (time_t)days * 86400;; t += 86400) {
		(void)gmtime_r(&t, &tm);
		(void)strftime(out, outlen, "%Y-%m-%d", &tm);
		if (tm.tm_wday != 0 && tm.tm_wday != 6 && count("SELECT "
		    "count(*) FROM holidays WHERE day = '%s'", out) == 0)
			return (out);
	}
}

/* The demo's issue with this title. */
static int64_t
issue_titled(const char *title)
{
	char	 sql[256];

	(void)snprintf(sql, sizeof(sql), "SELECT id FROM issues WHERE "
	    "title = '%s'", title);
	return (count("%s", sql));
}

/* An action promised by a date already gone is refused, nothing lost. */
static void
past_action_date_is_refused(void **state)
{
	struct resp	 r;
	char		 path[64], form[256], day[16];
	int64_t		 id;

	(void)state;
	id = issue_titled("Health checks at school are embarrassing");
	assert_true(id > 0);
	(void)snprintf(path, sizeof(path), "/my-issues/%lld", (long long)id);
	(void)snprintf(form, sizeof(form), "decision=agreed&text=Checks+"
	    "will+be+after+school.&action_text=Tell+every+school+nurse.&"
	    "action_owner=Health+team&action_due=%s", day_from_now(-3, day,
	    sizeof(day)));
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, form, &r), 422);
	assert_true(resp_has(&r, "The date for the action has passed. Choose "
	    "today or a later date."));
	assert_true(resp_has(&r, "Checks will be after school.</textarea>"));
	assert_true(resp_has(&r, "value=\"Tell every school nurse.\""));
	assert_true(resp_has(&r, "value=\"Health team\""));
	(void)snprintf(form, sizeof(form), "name=\"action_due\" value=\"%s\"",
	    day);
	assert_true(resp_has(&r, form));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM answer_checks WHERE "
	    "issue_id = %lld", (long long)id), 0);
}

static void
answer_waits_for_a_worker(void **state)
{
	struct resp	 r;
	char		 path[64], ipath[64], form[128], sql[320], day[16];
	char		 before[32], after[32];
	int64_t		 id, written, n;

	(void)state;
	id = issue_titled("Health checks at school are embarrassing");
	assert_true(id > 0);
	(void)snprintf(path, sizeof(path), "/my-issues/%lld", (long long)id);
	(void)snprintf(ipath, sizeof(ipath), "/issues/%lld", (long long)id);

	/* "." is not a reason: refused in plain words, input kept. */
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "decision=not_agreed&"
	    "text=We+cannot+move+them.&reason=.", &r), 422);
	assert_true(resp_has(&r, "at least 3"));
	assert_true(resp_has(&r, "We cannot move them.</textarea>"));
	resp_free(&r);

	/* Checking how easy it reads saves nothing. */
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "preview=1&"
	    "decision=partly&text=Health+assessments+for+LAC+will+be+"
	    "organised+independently+of+educational+establishments.&"
	    "reason=Nurses+work+in+schools.", &r), 200);
	assert_true(resp_has(&r, "Reading age: about <strong>"));
	assert_true(resp_has(&r, "Try shorter sentences"));
	assert_true(resp_has(&r, "<strong>LAC</strong>: looked-after "
	    "children"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM answer_checks"), 0);

	/* Sent: it waits for a worker; young people are not told yet. */
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "decision=partly&"
	    "text=Your+health+check+can+be+after+school+at+the+LAC+nurse.&"
	    "reason=Nurses+cannot+come+at+weekends.", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM answer_checks WHERE "
	    "issue_id = %lld AND state = 'waiting'", (long long)id), 1);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND decision IS NULL AND state = 'with_councillor'",
	    (long long)id), 1);
	assert_int_equal(count("SELECT count(*) FROM view_events e JOIN views "
	    "v ON v.id = e.view_id WHERE v.issue_id = %lld AND e.kind = "
	    "'answered'", (long long)id), 0);
	assert_true(count("SELECT count(*) FROM notifications WHERE link = "
	    "'/issues/%lld#check'", (long long)id) >= 1);

	/* The workers' list marks it; the councillor's list says so. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/issues", &r), 0);
	assert_true(resp_has(&r, "<span class=\"tag\">Answer to check</span>"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/my-issues", &r), 0);
	assert_true(resp_has(&r, "A worker is checking your answer"));
	/* Nothing left to do on it: not counted in the menu (review 112). */
	n = count("SELECT count(*) FROM issues WHERE councillor_id = (SELECT "
	    "id FROM users WHERE display_name = 'Cllr Sam Okafor') AND state = "
	    "'with_councillor' AND id <> %lld", (long long)id);
	(void)snprintf(form, sizeof(form), "Issues to answer <span class=\""
	    "nav-count\">%lld<", (long long)n);
	assert_true(n > 0 ? resp_has(&r, form) : !resp_has(&r,
	    "Issues to answer <span"));
	resp_free(&r);
	/* The worker sees it, its reading age and the words to explain. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, ipath, &r), 0);
	assert_true(resp_has(&r, "Answer waiting for your check"));
	assert_true(resp_has(&r, "Reading age: about"));
	assert_true(resp_has(&r, "<strong>LAC</strong>"));
	resp_free(&r);
	/* A councillor cannot approve their own answer. */
	assert_int_equal(client_post(&cllr, path, ipath, "action=approve",
	    &r), 404);
	resp_free(&r);

	/* Sent back: a note is needed, and the councillor reads it. */
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, "action=return&"
	    "note=.", &r), 422);
	assert_true(resp_has(&r, "at least 3 words"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, "action=return&"
	    "note=Please+say+LAC+in+plain+words.", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&cllr, path, &r), 0);
	assert_true(resp_has(&r, "A worker sent your answer back"));
	assert_true(resp_has(&r, "Please say LAC in plain words."));
	assert_true(resp_has(&r, "at the LAC nurse.</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE link "
	    "= '/my-issues/%lld' AND text LIKE 'A worker sent your answer "
	    "back%%'", (long long)id), 1);
	/* Nothing to approve while it is with the councillor. */
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, "action=approve",
	    &r), 422);
	resp_free(&r);

	/* An answer may not repeat a young person's private view: every
	 * young person on the issue reads it. Refused when written... */
	(void)snprintf(sql, sizeof(sql), "INSERT INTO views (category_id, "
	    "title, body, state, publish, share, issue_id, created_at) SELECT "
	    "category_id, 'Private', 'the nurse came to my school in front of "
	    "everyone', 'merged', 'no', 1, id, 1 FROM issues WHERE id = %lld",
	    (long long)id);
	assert_int_equal(db_run(sql), 0);
	assert_int_equal(client_post(&cllr, path, path, "decision=partly&"
	    "text=You+said+the+nurse+came+to+my+school+in+front+of+everyone."
	    "&reason=Nurses+cannot+come+at+weekends.", &r), 422);
	assert_true(resp_has(&r, "private view"));
	assert_true(resp_has(&r, "in front of everyone.</textarea>"));
	resp_free(&r);
	/* The action's owner is published beside it: the same rule. */
	assert_int_equal(client_post(&cllr, path, path, "decision=agreed&"
	    "text=We+will+change+how+health+checks+are+booked.&action_text="
	    "Book+checks+after+school&action_owner=The+nurse+came+to+my+"
	    "school+in+front+of+everyone&action_due=2031-01-15", &r), 422);
	assert_true(resp_has(&r, "private view"));
	resp_free(&r);
	/* ...and when checked, if the view came after it was written. */
	assert_int_equal(db_run("DELETE FROM views WHERE title = 'Private' AND "
	    "created_at = 1"), 0);
	assert_int_equal(client_post(&cllr, path, path, "decision=partly&"
	    "text=You+said+the+nurse+came+to+my+school+in+front+of+everyone."
	    "&reason=Nurses+cannot+come+at+weekends.", &r), 303);
	resp_free(&r);
	assert_int_equal(db_run(sql), 0);
	assert_int_equal(client_post(&worker, ipath, ipath, approve_form(ipath,
	    form, sizeof(form)), &r), 422);
	assert_true(resp_has(&r, "private view (five words in a row"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM view_events WHERE text "
	    "LIKE '%%in front of everyone%%'"), 0);
	assert_int_equal(client_post(&worker, ipath, ipath, "action=return&"
	    "note=Please+use+your+own+words.", &r), 303);
	resp_free(&r);
	assert_int_equal(db_run("DELETE FROM views WHERE title = 'Private' AND "
	    "created_at = 1"), 0);

	/* Sent again and approved: now young people read it, explained. */
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "decision=partly&"
	    "text=Your+health+check+can+be+after+school+with+the+LAC+nurse.&"
	    "reason=Nurses+cannot+come+at+weekends.", &r), 303);
	resp_free(&r);
	/* Sent three days ago, checked today: answered when it was sent,
	 * so a councillor on time is not counted late for the check. */
	assert_int_equal(db_run("UPDATE answer_checks SET written_at = "
	    "written_at - 259200"), 0);
	written = count("SELECT written_at FROM answer_checks WHERE issue_id "
	    "= %lld", (long long)id);
	/* Counted as answered while it waits for the check, so the check
	 * changes no period's figures. */
	(void)snprintf(sql, sizeof(sql), "/reports/board?from=%s&to=",
	    day_from_now(-10, day, sizeof(day)));
	(void)day_from_now(1, sql + strlen(sql), sizeof(sql) - strlen(sql));
	resp_init(&r);
	assert_int_equal(http_get(&worker, sql, &r), 0);
	assert_non_null(resp_between(&r, "Issues answered</th><td>", "</td>",
	    before, sizeof(before)));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, approve_form(ipath,
	    form, sizeof(form)), &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, sql, &r), 0);
	assert_non_null(resp_between(&r, "Issues answered</th><td>", "</td>",
	    after, sizeof(after)));
	resp_free(&r);
	assert_string_equal(before, after);
	assert_int_equal(count("SELECT answered_at FROM issues WHERE id = %lld",
	    (long long)id), written);
	assert_int_equal(count("SELECT count(*) FROM answer_checks"), 0);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND decision = 'partly' AND state = 'answered'", (long long)id),
	    1);
	assert_true(count("SELECT count(*) FROM view_events e JOIN views v ON "
	    "v.id = e.view_id WHERE v.issue_id = %lld AND e.kind = 'answered' "
	    "AND e.text LIKE '%%the LAC (looked-after children: children in "
	    "care) nurse%%'", (long long)id) >= 1);
	assert_true(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'issue.answer_approve'") >= 1);
}

/*
 * The open demo issue with this title, sent by the worker to Sam, due
 * in days. Its id.
 */
static int64_t
send_to_sam(const char *title, int days)
{
	struct resp	 r;
	char		 ipath[64], form[128], day[16];
	int64_t		 id;

	id = count("SELECT id FROM issues WHERE state = 'open' AND title = "
	    "'%s'", title);
	assert_true(id > 0);
	(void)snprintf(ipath, sizeof(ipath), "/issues/%lld", (long long)id);
	(void)snprintf(form, sizeof(form), "action=send&councillor=%lld&"
	    "due=%s", (long long)count("SELECT id FROM users WHERE "
	    "display_name = 'Cllr Sam Okafor'"), day_from_now(days, day,
	    sizeof(day)));
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, form, &r), 303);
	resp_free(&r);
	return (id);
}

/*
 * Sam answers; the worker opens the page and reads it; Sam sends the
 * form again with other words; the worker's Approve on the page already
 * open is refused in plain words, with the new answer shown to read.
 */
static void
approve_sends_only_the_answer_read(void **state)
{
	struct resp	 r;
	char		 path[64], ipath[64], read[256], fresh[256];
	int64_t		 id;

	(void)state;
	id = send_to_sam("Moving in the middle of exams", 30);
	(void)snprintf(path, sizeof(path), "/my-issues/%lld", (long long)id);
	(void)snprintf(ipath, sizeof(ipath), "/issues/%lld", (long long)id);
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "decision=agreed&"
	    "text=No+moves+in+exam+weeks+from+now+on.", &r), 303);
	resp_free(&r);
	(void)approve_form(ipath, read, sizeof(read));
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "decision=not_agreed&"
	    "text=Moves+must+still+happen+when+they+are+needed.&reason=Some+"
	    "moves+keep+young+people+safe.", &r), 303);
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, read, &r), 422);
	assert_true(resp_has(&r, "The councillor changed the answer after "
	    "you opened this page. Read it again below."));
	assert_true(resp_has(&r, "Moves must still happen when they are "
	    "needed."));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND state = 'with_councillor' AND decision IS NULL",
	    (long long)id), 1);
	assert_int_equal(count("SELECT count(*) FROM answer_checks WHERE "
	    "issue_id = %lld AND state = 'waiting'", (long long)id), 1);
	/* No version is no answer read. */
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, "action=approve",
	    &r), 422);
	resp_free(&r);

	/* Read again, approved: the words the worker read go out. */
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, approve_form(ipath,
	    fresh, sizeof(fresh)), &r), 303);
	resp_free(&r);
	assert_string_not_equal(read, fresh);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND state = 'answered' AND decision = 'not_agreed' AND response "
	    "= 'Moves must still happen when they are needed.'",
	    (long long)id), 1);
}

/*
 * Two tabs: in one Sam's answer was sent and approved; the long answer
 * sent from the other is not lost to a 404: the page says when it was
 * answered and gives the words back to copy. Another councillor still
 * gets 404 for it.
 */
static void
answered_elsewhere_gives_the_words_back(void **state)
{
	struct client	 zainab;
	struct resp	 r;
	char		 path[64], ipath[64], form[256];
	int64_t		 id;

	(void)state;
	id = send_to_sam("Music lessons", 30);
	(void)snprintf(path, sizeof(path), "/my-issues/%lld", (long long)id);
	(void)snprintf(ipath, sizeof(ipath), "/issues/%lld", (long long)id);
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "decision=agreed&"
	    "text=Music+lessons+are+free+for+everyone+in+care.", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, approve_form(ipath,
	    form, sizeof(form)), &r), 303);
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "decision=partly&"
	    "text=A+long+answer+I+spent+an+hour+on%2C+about+every+music+"
	    "teacher+we+asked.&reason=Some+teachers+have+no+free+places.&"
	    "action_text=Talk+to+the+music+service&action_owner=Music+hub&"
	    "action_due=2031-01-10", &r), 422);
	assert_true(resp_has(&r, "This issue was already answered on "));
	assert_true(resp_has(&r, "so your answer was not sent"));
	assert_true(resp_has(&r, "about every music teacher we asked."
	    "</textarea>"));
	assert_true(resp_has(&r, "Some teachers have no free places."
	    "</textarea>"));
	/* Every field typed, the action's owner and date too. */
	assert_true(resp_has(&r, "value=\"Music hub\""));
	assert_true(resp_has(&r, "value=\"2031-01-10\""));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM answer_checks WHERE "
	    "issue_id = %lld", (long long)id), 0);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND decision = 'agreed'", (long long)id), 1);

	/* Not theirs: as if it did not exist. */
	memset(&zainab, 0, sizeof(zainab));
	assert_int_equal(client_login(&zainab, "Cllr Zainab Reid",
	    "councillor-demo-2026-b"), 303);
	resp_init(&r);
	assert_int_equal(client_post(&zainab, "/my-issues", path,
	    "decision=agreed&text=Yes.", &r), 404);
	resp_free(&r);
}

static void
trusted_councillor_skips_the_check(void **state)
{
	struct resp	 r;
	char		 path[64];
	int64_t		 id;

	(void)state;
	id = issue_titled("Help with my first flat");
	assert_true(id > 0);
	assert_int_equal(db_run("UPDATE settings SET value = ' cllr sam "
	    "okafor , Someone Else' WHERE key = 'answer_trusted'"), 0);
	(void)snprintf(path, sizeof(path), "/my-issues/%lld", (long long)id);
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "decision=agreed&"
	    "text=We+will+run+money+sessions+every+month.", &r), 303);
	resp_free(&r);
	assert_int_equal(db_run("UPDATE settings SET value = '' WHERE key = "
	    "'answer_trusted'"), 0);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND state = 'answered'", (long long)id), 1);
	assert_int_equal(count("SELECT count(*) FROM answer_checks"), 0);
}

static void
glossary_is_edited_and_explains_public_pages(void **state)
{
	struct resp	 r;

	(void)state;
	assert_int_equal(client_status(&worker, "/admin/glossary"), 404);
	assert_int_equal(client_status(&young, "/admin/glossary"), 404);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/admin/glossary", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Pupil Premium Plus"));
	assert_true(resp_has(&r, "Staying Put"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&admin, "/admin/glossary",
	    "/admin/glossary", "term=pep&plain=again", &r), 422);
	assert_true(resp_has(&r, "on the list already"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&admin, "/admin/glossary",
	    "/admin/glossary", "term=SGO&plain=", &r), 422);
	assert_true(resp_has(&r, "in plain words"));
	assert_true(resp_has(&r, "value=\"SGO\""));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&admin, "/admin/glossary",
	    "/admin/glossary", "term=SGO&plain=Special+Guardianship+Order%3A+"
	    "someone+else+brings+you+up", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM glossary WHERE term = "
	    "'SGO'"), 1);

	/* First use explained, the second not; lower case "pep" is not PEP. */
	assert_int_equal(db_run("UPDATE issues SET response = 'Your PEP "
	    "meeting and your PEP will be on time. An SGO helps. A pep talk "
	    "too.' WHERE id = (SELECT min(id) FROM issues WHERE state = "
	    "'published')"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_true(resp_has(&r, "Your PEP (Personal Education Plan: your "
	    "plan for school) meeting and your PEP will be on time. An SGO "
	    "(Special Guardianship Order: someone else brings you up) helps. "
	    "A pep talk too."));
	resp_free(&r);
}

static void
extensions_are_limited_and_first_due_kept(void **state)
{
	struct resp	 r;
	char		 path[64], ipath[64], form[512], day[16];
	int64_t		 id, first;

	(void)state;
	id = issue_titled("Reviews at times we can make");
	assert_true(id > 0);
	first = count("SELECT first_due_at FROM issues WHERE id = %lld",
	    (long long)id);
	assert_true(count("SELECT due_at FROM issues WHERE id = %lld",
	    (long long)id) > first);
	(void)snprintf(path, sizeof(path), "/my-issues/%lld", (long long)id);
	(void)snprintf(ipath, sizeof(ipath), "/issues/%lld", (long long)id);

	/* Shown to the worker, and to the young person who raised it, with
	 * the reason's IRO explained. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, ipath, &r), 0);
	assert_true(resp_has(&r, "First due "));
	assert_true(resp_has(&r, "More time asked for once."));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "/views/%lld", (long long)count(
	    "SELECT min(id) FROM views WHERE issue_id = %lld", (long long)id));
	resp_init(&r);
	assert_int_equal(http_get(&young, form, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "The answer was first due by "));
	assert_true(resp_has(&r, "the IRO (Independent Reviewing Officer: "));
	resp_free(&r);

	/* The demo allows one extension: it has been used. */
	(void)snprintf(form, sizeof(form), "decision=more_time&text=Still+"
	    "waiting.&reason=The+IRO+team+has+not+answered+yet.&new_due=%s",
	    working_day_from_now(30, day, sizeof(day)));
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, form, &r), 422);
	assert_true(resp_has(&r, "already had all the extra time"));
	resp_free(&r);

	/* With two allowed: at most 28 days more, and a real reason. */
	assert_int_equal(db_run("UPDATE settings SET value = '2' WHERE key = "
	    "'extensions_max'"), 0);
	(void)snprintf(form, sizeof(form), "decision=more_time&text=Still+"
	    "waiting.&reason=The+IRO+team+has+not+answered+yet.&new_due=%s",
	    day_from_now(400, day, sizeof(day)));
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, form, &r), 422);
	assert_true(resp_has(&r, "at most 28 more days"));
	resp_free(&r);
	/* More time is never an earlier date, and uses nothing up. */
	assert_true(count("SELECT due_at - unixepoch() FROM issues WHERE id = "
	    "%lld", (long long)id) > 3 * 86400);
	(void)snprintf(form, sizeof(form), "decision=more_time&text=Still+"
	    "waiting.&reason=The+IRO+team+has+not+answered+yet.&new_due=%s",
	    day_from_now(1, day, sizeof(day)));
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, form, &r), 422);
	assert_true(resp_has(&r, "More time means a date after "));
	(void)snprintf(form, sizeof(form), "name=\"new_due\" value=\"%s\"",
	    day);
	assert_true(resp_has(&r, form));
	assert_true(resp_has(&r, "The IRO team has not answered yet."
	    "</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM answer_checks WHERE "
	    "issue_id = %lld", (long long)id), 0);
	assert_int_equal(count("SELECT extensions FROM issues WHERE id = %lld",
	    (long long)id), 1);
	(void)snprintf(form, sizeof(form), "decision=more_time&text=Still+"
	    "waiting.&reason=ok&new_due=%s", working_day_from_now(30, day,
	    sizeof(day)));
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, form, &r), 422);
	assert_true(resp_has(&r, "at least 3"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "decision=more_time&text=Still+"
	    "waiting.&reason=The+IRO+team+has+not+answered+yet.&new_due=%s",
	    working_day_from_now(30, day, sizeof(day)));
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, form, &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, approve_form(ipath,
	    form, sizeof(form)), &r), 303);
	resp_free(&r);
	assert_int_equal(db_run("UPDATE settings SET value = '1' WHERE key = "
	    "'extensions_max'"), 0);
	assert_int_equal(count("SELECT extensions FROM issues WHERE id = %lld",
	    (long long)id), 2);
	assert_int_equal(count("SELECT first_due_at FROM issues WHERE id = "
	    "%lld", (long long)id), first);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND extension_reason = 'The IRO team has not answered yet.'",
	    (long long)id), 1);

	/* Past its first due date, it is overdue in the board report and
	 * the workers' overdue list, though more time was given. */
	assert_int_equal(db_run("UPDATE issues SET first_due_at = "
	    "strftime('%s', '2026-01-15') WHERE title = 'Reviews at times we "
	    "can make'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board", &r), 0);
	assert_true(resp_has(&r, "Waiting past their first due date "));
	assert_true(resp_has(&r, "Given more time (late by their first due "
	    "date)</th><td>"));
	assert_true(resp_has(&r, "15 January 2026 (now due "));
	resp_free(&r);
	/* Sent on to another councillor without more time: still listed
	 * with the date it is now due. */
	assert_int_equal(db_run("UPDATE issues SET extensions = 0 WHERE title "
	    "= 'Reviews at times we can make'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board", &r), 0);
	assert_true(resp_has(&r, "15 January 2026 (now due "));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/issues?overdue=1", &r), 0);
	assert_true(resp_has(&r, "(first due 15 January 2026)"));
	resp_free(&r);
}

static void
reminders_sent_once_without_words(void **state)
{
	struct resp	 r;
	char		 out[256];
	int64_t		 id, notes, mails, waiting;

	(void)state;
	assert_int_equal(db_run("UPDATE settings SET value = "
	    "'members@northbridge.test' WHERE key = 'reminder_emails'"), 0);
	assert_int_equal(db_run("UPDATE settings SET value = "
	    "'team@northbridge.test' WHERE key = 'escalation_emails'"), 0);
	/* One issue due in two days, one overdue since yesterday (new due
	 * dates: the server's own hourly pass has not seen them). */
	id = issue_titled("Reviews at times we can make");
	assert_true(id > 0);
	assert_int_equal(db_run("UPDATE issues SET state = 'with_councillor', "
	    "due_at = unixepoch() + 2 * 86400 WHERE title = 'Reviews at times "
	    "we can make'"), 0);
	assert_int_equal(db_run("UPDATE issues SET state = 'with_councillor', "
	    "due_at = unixepoch() - 86400 WHERE title = 'Help with my first "
	    "flat'"), 0);
	/* Overdue too, but its answer waits for a worker's check: it has
	 * been given, so no one is told it has not. */
	waiting = issue_titled("Moving in the middle of exams");
	assert_true(waiting > 0);
	assert_int_equal(db_run("UPDATE issues SET state = 'with_councillor', "
	    "decision = NULL, due_at = unixepoch() - 86400 WHERE title = "
	    "'Moving in the middle of exams'"), 0);
	assert_int_equal(db_run("INSERT INTO answer_checks (issue_id, "
	    "councillor_id, state, decision, response, written_at) SELECT id, "
	    "councillor_id, 'waiting', 'agreed', 'Yes, from now on.', "
	    "unixepoch() FROM issues WHERE title = 'Moving in the middle of "
	    "exams'"), 0);
	notes = count("SELECT count(*) FROM notifications");
	mails = count("SELECT count(*) FROM outbox");
	assert_int_equal(harness_ctl("remind", out, sizeof(out)), 0);
	assert_non_null(strstr(out, "Sent "));
	assert_int_equal(count("SELECT count(*) FROM deadline_reminders WHERE "
	    "issue_id = %lld", (long long)waiting), 0);
	assert_true(count("SELECT count(*) FROM deadline_reminders WHERE kind "
	    "= 'before'") >= 1);
	assert_true(count("SELECT count(*) FROM outbox WHERE recipient = "
	    "'members@northbridge.test' AND subject = 'An answer is due "
	    "soon'") >= 1);
	assert_true(count("SELECT count(*) FROM outbox WHERE recipient = "
	    "'team@northbridge.test' AND subject = 'An answer is overdue'") >=
	    1);
	assert_true(count("SELECT count(*) FROM notifications WHERE text LIKE "
	    "'Reminder: an answer is due on %%'") >= 1);
	assert_true(count("SELECT count(*) FROM notifications n JOIN users u "
	    "ON u.id = n.user_id WHERE u.role = 'admin' AND n.text LIKE "
	    "'%%answer is overdue%%'") >= 1);
	assert_true(count("SELECT count(*) FROM notifications") > notes);
	/* The councillor reads theirs at /notifications. */
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/notifications", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Reminder: an answer is due on "));
	assert_true(resp_has(&r, "An answer is overdue: it was due on "));
	resp_free(&r);
	assert_true(count("SELECT count(*) FROM outbox") > mails);
	/* No child's words and no issue title in any email. */
	assert_int_equal(count("SELECT count(*) FROM outbox o, views v WHERE "
	    "instr(o.body, v.body) > 0 OR instr(o.body, v.title) > 0"), 0);
	assert_int_equal(count("SELECT count(*) FROM outbox o, issues i WHERE "
	    "instr(o.body, i.title) > 0 OR instr(o.subject, i.title) > 0"), 0);

	/* Again: nothing new. */
	notes = count("SELECT count(*) FROM notifications");
	mails = count("SELECT count(*) FROM outbox");
	assert_int_equal(harness_ctl("remind", out, sizeof(out)), 0);
	assert_non_null(strstr(out, "Sent 0 reminders and 0 overdue"));
	assert_int_equal(count("SELECT count(*) FROM notifications"), notes);
	assert_int_equal(count("SELECT count(*) FROM outbox"), mails);

	/* Sent back to the councillor: it is theirs again, and overdue. */
	assert_int_equal(db_run("UPDATE answer_checks SET state = 'returned' "
	    "WHERE issue_id = (SELECT id FROM issues WHERE title = 'Moving in "
	    "the middle of exams')"), 0);
	assert_int_equal(harness_ctl("remind", out, sizeof(out)), 0);
	assert_int_equal(count("SELECT count(*) FROM deadline_reminders WHERE "
	    "issue_id = %lld AND kind = 'overdue'", (long long)waiting), 1);
}

/*
 * c asks for more time on issue id (path: its /my-issues page) when the
 * issue's one extension (the demo's extensions_max) is used: refused,
 * nothing kept for a check.
 */
static void
more_time_refused(struct client *c, const char *path, int64_t id)
{
	struct resp	 r;
	char		 form[256], day[16];

	(void)snprintf(form, sizeof(form), "decision=more_time&text=Still+"
	    "waiting.&reason=Housing+has+not+written+back+yet.&new_due=%s",
	    working_day_from_now(30, day, sizeof(day)));
	resp_init(&r);
	assert_int_equal(client_post(c, path, path, form, &r), 422);
	assert_true(resp_has(&r, "already had all the extra time"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM answer_checks WHERE "
	    "issue_id = %lld", (long long)id), 0);
}

/*
 * An issue with a councillor who cannot answer goes to another, with a
 * new date: its young people are told, the move is audited, and the
 * first councillor's page for it is then as if it did not exist. A
 * disabled councillor's issue can be moved on too.
 */
static void
issue_moves_to_another_councillor(void **state)
{
	struct client	 zainab;
	struct resp	 r;
	char		 path[64], ipath[64], form[256], day[16];
	int64_t		 id, sam, zid, first, events;

	(void)state;
	id = issue_titled("Reviews at times we can make");
	sam = count("SELECT id FROM users WHERE display_name = 'Cllr Sam "
	    "Okafor'");
	zid = count("SELECT id FROM users WHERE display_name = 'Cllr Zainab "
	    "Reid'");
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND state = 'with_councillor' AND councillor_id = %lld",
	    (long long)id, (long long)sam), 1);
	first = count("SELECT first_due_at FROM issues WHERE id = %lld",
	    (long long)id);
	events = count("SELECT count(*) FROM view_events");
	(void)snprintf(path, sizeof(path), "/my-issues/%lld", (long long)id);
	(void)snprintf(ipath, sizeof(ipath), "/issues/%lld", (long long)id);
	(void)snprintf(form, sizeof(form), "decision=agreed&text=Reviews+after+"
	    "school+from+January.&action_text=Tell+every+IRO+in+writing&"
	    "action_owner=IRO+team&action_due=%s", day_from_now(60, day,
	    sizeof(day)));
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, form, &r), 303);
	resp_free(&r);

	/* Offered on the worker's page; to the same councillor: refused. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, ipath, &r), 0);
	assert_true(resp_has(&r, "Send to another councillor"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "action=move&councillor=%lld&"
	    "due=%s", (long long)sam, day_from_now(20, day, sizeof(day)));
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, form, &r), 422);
	assert_true(resp_has(&r, "It is with this councillor already."));
	resp_free(&r);

	/* To Zainab: told, audited, Sam's waiting answer dropped, and the
	 * more time Sam used still used: the allowance is the issue's. */
	(void)snprintf(form, sizeof(form), "UPDATE issues SET extensions = 1, "
	    "decision = 'more_time', response = 'Sam needs more time', "
	    "reason = 'Waiting for housing' WHERE id = %lld", (long long)id);
	assert_int_equal(db_run(form), 0);
	(void)snprintf(form, sizeof(form), "action=move&councillor=%lld&"
	    "due=%s", (long long)zid, day);
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND councillor_id = %lld AND state = 'with_councillor' AND "
	    "date(due_at, 'unixepoch') = '%s' AND first_due_at = %lld",
	    (long long)id, (long long)zid, day, (long long)first), 1);
	assert_int_equal(count("SELECT count(*) FROM answer_checks WHERE "
	    "issue_id = %lld", (long long)id), 0);
	assert_int_equal(count("SELECT extensions FROM issues WHERE id = "
	    "%lld", (long long)id), 1);
	/* Sam's "more time" words are not Zainab's answer. */
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND decision IS NULL AND response IS NULL", (long long)id), 1);
	assert_true(count("SELECT count(*) FROM view_events e JOIN views v ON "
	    "v.id = e.view_id WHERE v.issue_id = %lld AND e.kind = 'moved' "
	    "AND e.text LIKE 'This has moved to Cllr Zainab Reid%%'",
	    (long long)id) >= 1);
	assert_true(count("SELECT count(*) FROM view_events") > events);
	assert_true(count("SELECT count(*) FROM notifications WHERE text LIKE "
	    "'Your view has gone to another councillor:%%'") >= 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'issue.move' AND object_id = %lld AND detail = 'from Cllr Sam "
	    "Okafor to Cllr Zainab Reid'", (long long)id), 1);
	/* Both councillors are told; Sam keeps the words not sent. */
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "user_id = %lld AND text LIKE '%%no longer yours to answer. Your "
	    "answer was not sent. What you wrote: \"Reviews after school from "
	    "January.\" What would happen: \"Tell every IRO in writing\"'",
	    (long long)sam), 1);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "user_id = %lld AND link = '%s'", (long long)zid, path), 1);
	assert_int_equal(client_status(&cllr, path), 404);
	/* Sam's answer sent from the page he still had open: 404, his
	 * words shown back, nothing saved. */
	resp_init(&r);
	assert_int_equal(client_post(&cllr, "/my-issues", path,
	    "decision=agreed&text=Reviews+after+tea+time.", &r), 404);
	assert_true(resp_has(&r, "Reviews after tea time."));
	assert_true(resp_has(&r, "it has moved to someone else"));
	resp_free(&r);
	memset(&zainab, 0, sizeof(zainab));
	assert_int_equal(client_login(&zainab, "Cllr Zainab Reid",
	    "councillor-demo-2026-b"), 303);
	assert_int_equal(client_status(&zainab, path), 200);
	more_time_refused(&zainab, path, id);

	/* Zainab's account is turned off: the issue moves back to Sam. */
	assert_int_equal(db_run("UPDATE users SET disabled_at = unixepoch() "
	    "WHERE display_name = 'Cllr Zainab Reid'"), 0);
	(void)snprintf(form, sizeof(form), "action=move&councillor=%lld&"
	    "due=%s", (long long)sam, day);
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND councillor_id = %lld", (long long)id, (long long)sam), 1);
	assert_int_equal(client_status(&cllr, path), 200);
	/* Away and back: no second "more time" for Sam either. */
	assert_int_equal(count("SELECT extensions FROM issues WHERE id = "
	    "%lld", (long long)id), 1);
	more_time_refused(&cllr, path, id);
	/* Never to a councillor whose account is off. */
	(void)snprintf(form, sizeof(form), "action=move&councillor=%lld&"
	    "due=%s", (long long)zid, day);
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, form, &r), 422);
	assert_true(resp_has(&r, "could not be moved"));
	resp_free(&r);
	assert_int_equal(db_run("UPDATE users SET disabled_at = NULL WHERE "
	    "display_name = 'Cllr Zainab Reid'"), 0);
	/* Overdue in a past period, then moved (sent again): still overdue
	 * in that period's report, with the due date as it stood then: more
	 * time and the moves came after it, so its first alone. */
	(void)snprintf(form, sizeof(form), "UPDATE issues SET first_due_at = "
	    "unixepoch('2024-10-10 22:59:59') WHERE id = %lld", (long long)id);
	assert_int_equal(db_run(form), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2024-10-01&"
	    "to=2024-10-31", &r), 0);
	assert_true(resp_has(&r, "10 October 2024</td>"));
	assert_false(resp_has(&r, "10 October 2024 (now due "));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "UPDATE issues SET first_due_at = "
	    "%lld WHERE id = %lld", (long long)first, (long long)id);
	assert_int_equal(db_run(form), 0);
}

/* The row of issue id on the worker's list of answered issues. */
static void
answered_row(int64_t id, char *row, size_t rowlen)
{
	struct resp	 r;
	char		 from[64];

	(void)snprintf(from, sizeof(from), "href=\"/issues/%lld\">",
	    (long long)id);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/issues?state=answered", &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(resp_between(&r, from, "</tr>", row, rowlen));
	resp_free(&r);
}

/*
 * A default due date (response_days working days on, as a reopened
 * issue gets) ends at 23:59:59 on the council's clock, as a date typed
 * in a form does: an answer sent at 23:59:30 that day is on time, one
 * at the next midnight late.
 */
static void
default_due_date_ends_at_the_end_of_the_day(void **state)
{
	struct resp	 r;
	struct tm	 tm;
	char		 path[64], ipath[64], again[64], form[256], row[1024];
	time_t		 due;
	int64_t		 id, appeal, answered;

	(void)state;
	(void)setenv("TZ", "Europe/London", 1);
	tzset();
	id = count("SELECT min(id) FROM issues WHERE state IN ('answered', "
	    "'published') AND councillor_id = (SELECT id FROM users WHERE "
	    "display_name = 'Cllr Sam Okafor') AND NOT EXISTS (SELECT 1 FROM "
	    "answer_appeals a WHERE a.issue_id = issues.id AND a.state = "
	    "'open')");
	assert_true(id > 0);
	(void)snprintf(form, sizeof(form), "INSERT INTO answer_appeals "
	    "(issue_id, user_id, reason, created_at) SELECT %lld, min(id), "
	    "'Please look at it again.', unixepoch() FROM users WHERE role = "
	    "'young_person'", (long long)id);
	assert_int_equal(db_run(form), 0);
	appeal = count("SELECT max(id) FROM answer_appeals");
	(void)snprintf(path, sizeof(path), "/my-issues/%lld", (long long)id);
	(void)snprintf(ipath, sizeof(ipath), "/issues/%lld", (long long)id);
	(void)snprintf(again, sizeof(again), "/issues/%lld/again",
	    (long long)id);
	(void)snprintf(form, sizeof(form), "action=reopen&appeal=%lld",
	    (long long)appeal);
	resp_init(&r);
	assert_int_equal(client_post(&worker, again, again, form, &r), 303);
	resp_free(&r);

	/* The last second of its day, local time. */
	due = (time_t)count("SELECT due_at FROM issues WHERE id = %lld AND "
	    "state = 'with_councillor'", (long long)id);
	assert_non_null(localtime_r(&due, &tm));
	assert_int_equal(tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec,
	    23 * 3600 + 59 * 60 + 59);

	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "decision=agreed&"
	    "text=Yes%2C+we+will+do+it.", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(client_post(&worker, ipath, ipath, approve_form(ipath,
	    form, sizeof(form)), &r), 303);
	resp_free(&r);

	/* Sent at 23:59:30 on the day it was due: on time. */
	tm.tm_sec = 30;
	tm.tm_isdst = -1;
	answered = (int64_t)mktime(&tm);
	(void)snprintf(form, sizeof(form), "UPDATE issues SET answered_at = "
	    "%lld WHERE id = %lld AND state = 'answered'", (long long)answered,
	    (long long)id);
	assert_int_equal(db_run(form), 0);
	answered_row(id, row, sizeof(row));
	assert_null(strstr(row, "Late"));
	/* At the next midnight: late. */
	(void)snprintf(form, sizeof(form), "UPDATE issues SET answered_at = "
	    "due_at + 1 WHERE id = %lld", (long long)id);
	assert_int_equal(db_run(form), 0);
	answered_row(id, row, sizeof(row));
	assert_non_null(strstr(row, "Late"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(past_action_date_is_refused),
		cmocka_unit_test(answer_waits_for_a_worker),
		cmocka_unit_test(approve_sends_only_the_answer_read),
		cmocka_unit_test(answered_elsewhere_gives_the_words_back),
		cmocka_unit_test(trusted_councillor_skips_the_check),
		cmocka_unit_test(glossary_is_edited_and_explains_public_pages),
		cmocka_unit_test(extensions_are_limited_and_first_due_kept),
		cmocka_unit_test(reminders_sent_once_without_words),
		cmocka_unit_test(issue_moves_to_another_councillor),
		cmocka_unit_test(default_due_date_ends_at_the_end_of_the_day),
	};

	return (cmocka_run_group_tests(tests, demo_group_setup,
	    group_teardown_server));
}
