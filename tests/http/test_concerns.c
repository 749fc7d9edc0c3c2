/*
 * test_concerns.c: safeguarding concerns over real HTTP. Reproduces
 * issue 11's items 1 (a flagged view taken back vanished from every
 * list), 4 (no concern by hand; flagged comments and suggestions had no
 * author and did not count) and 9 ("Waiting to be read" after a worker
 * had read it), and shows each fixed. A flagged view survives withdraw,
 * reject, redirect, merge, purge and account deletion with its concern
 * open and its words kept, checked on the pages and in the database.
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

/* Raise a view as young; its id (flagged views answer with help). */
static int64_t
raise(const char *title, const char *body, int flagged)
{
	struct resp	 r;
	char		 form[2048];
	long		 st;

	(void)snprintf(form, sizeof(form), "category=%lld&title=%s&body=%s&"
	    "publish=no", (long long)count("SELECT id FROM categories WHERE "
	    "key = 'placements'"), url_enc(title), url_enc(body));
	st = client_post(&young, "/views/new", "/views/new", form, &r);
	assert_int_equal(st, flagged ? 200 : 303);
	if (flagged)
		assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	return (count("SELECT max(id) FROM views WHERE title = '%s'", title));
}

static int64_t
concern_of(const char *kind, int64_t item)
{
	return (count("SELECT coalesce(max(id), 0) FROM concerns WHERE kind = "
	    "'%s' AND item_id = %lld", kind, (long long)item));
}

/*
 * Young gives a Pledge verdict whose comment is worrying, on the current
 * promise picked by pick ("min" or "max"): the help page answers and a
 * concern opens. The verdict's id.
 */
static int64_t
worrying_comment(const char *pick, const char *words)
{
	struct resp	 r;
	char		 form[256];
	int64_t		 promise, verdict;

	promise = count("SELECT %s(p.id) FROM promises p JOIN pledge_versions "
	    "v ON v.id = p.version_id WHERE v.state = 'current'", pick);
	(void)snprintf(form, sizeof(form), "v_%lld=no&c_%lld=%s",
	    (long long)promise, (long long)promise, url_enc(words));
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    form, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	verdict = count("SELECT max(id) FROM verdicts WHERE comment = '%s'",
	    words);
	assert_true(concern_of("pledge_comment", verdict) > 0);
	return (verdict);
}

/* The concern is open, with the words, in the database and on both pages. */
static void
assert_open_with_words(int64_t concern, const char *words)
{
	struct resp	 r;
	char		 path[64], row[96];

	assert_true(concern > 0);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE id = %lld "
	    "AND closed_at IS NULL AND instr(text, '%s') > 0",
	    (long long)concern, words), 1);
	(void)snprintf(row, sizeof(row), "href=\"/safeguarding/%lld\"",
	    (long long)concern);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/safeguarding", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, row));
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/safeguarding/%lld",
	    (long long)concern);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, words));
	assert_true(resp_has(&r, "Close the concern"));
	resp_free(&r);
}

static void
take(int64_t concern)
{
	struct resp	 r;
	char		 path[64];

	(void)snprintf(path, sizeof(path), "/safeguarding/%lld",
	    (long long)concern);
	assert_int_equal(client_post(&worker, path, path, "do=hold", &r),
	    303);
	resp_free(&r);
}

static long
moderate(int64_t view, const char *form)
{
	struct resp	 r;
	char		 path[64];
	long		 st;

	(void)snprintf(path, sizeof(path), "/moderation/%lld",
	    (long long)view);
	st = client_post(&worker, path, path, form, &r);
	resp_free(&r);
	return (st);
}

/* Item 1: taken back, the view left /moderation and its flag was lost. */
static void
repro_1_taken_back_stays_on_the_list(void **state)
{
	struct resp	 r;
	char		 path[64];
	int64_t		 view, c;

	(void)state;
	view = raise("At home", "he hit me with a belt", 1);
	c = concern_of("view", view);
	(void)snprintf(path, sizeof(path), "/views/%lld/withdraw",
	    (long long)view);
	assert_int_equal(client_post(&young, "/views", path, "confirm=1",
	    &r), 303);
	resp_free(&r);
	/* Told the truth: a worker still reads it. */
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)view);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "a participation worker will still read it"));
	assert_false(resp_has(&r, "Nobody will work on it"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld AND "
	    "state = 'withdrawn'", (long long)view), 1);
	/* Gone from the queue, as before; not from the urgent list. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	(void)snprintf(path, sizeof(path), "href=\"/moderation/%lld\"",
	    (long long)view);
	assert_false(resp_has(&r, path));
	resp_free(&r);
	assert_open_with_words(c, "he hit me with a belt");
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/safeguarding", &r), 0);
	assert_true(resp_has(&r, "Jaden"));
	assert_true(resp_has(&r, path));	/* the link to the view */
	assert_true(resp_has(&r, "Nobody yet"));
	resp_free(&r);
}

/* Reject, redirect and merge: none of them closes a concern. */
static void
decisions_leave_the_concern_open(void **state)
{
	char		 form[128];
	int64_t		 rejected, redirected, merged, issue;

	(void)state;
	rejected = raise("Rejected one", "my carer punched me", 1);
	redirected = raise("Redirected one", "i want to kill myself", 1);
	merged = raise("Merged one", "he hits me when i am late", 1);
	assert_int_equal(moderate(rejected, "action=reject&reason=This+is+"
	    "not+for+the+council+as+a+whole."), 303);
	assert_int_equal(moderate(redirected, "action=redirect&route="
	    "social_worker&words=Your+social+worker+can+help."), 303);
	/* Joining an issue needs someone to have taken the concern. */
	issue = count("SELECT min(id) FROM issues WHERE state != "
	    "'published'");
	(void)snprintf(form, sizeof(form), "action=merge&issue_id=%lld",
	    (long long)issue);
	assert_int_equal(moderate(merged, form), 422);
	take(concern_of("view", merged));
	assert_int_equal(moderate(merged, form), 303);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id IN (%lld, "
	    "%lld, %lld) AND state IN ('rejected', 'redirected', 'merged')",
	    (long long)rejected, (long long)redirected, (long long)merged), 3);
	assert_open_with_words(concern_of("view", rejected),
	    "my carer punched me");
	assert_open_with_words(concern_of("view", redirected),
	    "i want to kill myself");
	assert_open_with_words(concern_of("view", merged),
	    "he hits me when i am late");
}

/* Item 4: a worker raises a concern by hand, then redirects the view. */
static void
repro_4_worker_raises_a_concern(void **state)
{
	struct resp	 r;
	char		 path[96], loc[96];
	int64_t		 view, jaden, c;

	(void)state;
	view = raise("My placement", "my foster dad takes my phone every "
	    "night and reads it", 0);
	(void)snprintf(path, sizeof(path), "/safeguarding/raise?kind=view&"
	    "item=%lld", (long long)view);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "reads it"));
	resp_free(&r);
	/* The reason is required; what was typed is kept. */
	(void)snprintf(path, sizeof(path), "kind=view&item=%lld&reason=&"
	    "urgent=1", (long long)view);
	assert_int_equal(client_post(&worker, "/safeguarding",
	    "/safeguarding/raise", path, &r), 422);
	assert_true(resp_has(&r, "Write a short reason"));
	assert_true(resp_has(&r, "name=\"urgent\" value=\"1\" checked"));
	resp_free(&r);
	assert_int_equal(concern_of("view", view), 0);
	(void)snprintf(path, sizeof(path), "kind=view&item=%lld&reason=%s&"
	    "urgent=1", (long long)view, url_enc("Sleeping in a shed is "
	    "neglect; call her social worker."));
	assert_int_equal(client_post(&worker, "/safeguarding",
	    "/safeguarding/raise", path, &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	c = concern_of("view", view);
	(void)snprintf(path, sizeof(path), "/safeguarding/%lld",
	    (long long)c);
	assert_string_equal(loc, path);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE id = %lld "
	    "AND source = 'worker' AND raised_by = (SELECT id FROM users WHERE "
	    "name_key = 'priya shah') AND reason LIKE 'Sleeping in a shed%%'",
	    (long long)c), 1);
	/* Redirected "to the social worker": the record stays. */
	assert_int_equal(moderate(view, "action=redirect&route=social_worker&"
	    "words=Your+social+worker+can+help."), 303);
	assert_open_with_words(c, "takes my phone every night");
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_true(resp_has(&r, "Raised by"));
	assert_true(resp_has(&r, "Sleeping in a shed is neglect"));
	resp_free(&r);

	/* An account too, from the accounts page. */
	jaden = count("SELECT id FROM users WHERE name_key = 'jaden'");
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/accounts", &r), 0);
	(void)snprintf(path, sizeof(path), "/safeguarding/raise?kind=account&"
	    "amp;item=%lld", (long long)jaden);
	assert_true(resp_has(&r, path));
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "kind=account&item=%lld&reason=%s",
	    (long long)jaden, url_enc("Missed three meetings, seemed scared."));
	assert_int_equal(client_post(&worker, "/safeguarding",
	    "/safeguarding/raise", path, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'account' AND item_id = %lld AND urgent = 0 AND closed_at IS "
	    "NULL", (long long)jaden), 1);
	/* Nothing to raise it about: 404. */
	assert_int_equal(client_status(&worker, "/safeguarding/raise?kind=view"
	    "&item=99999999"), 404);
}

/* Item 4: flagged comments and suggestions show their author and count. */
static void
repro_4_comments_and_suggestions(void **state)
{
	struct resp	 r;
	char		 form[256], loc[96];
	int64_t		 meeting, verdict, sugg;

	(void)state;
	verdict = worrying_comment("min", "nobody listens and i want to end "
	    "my life");

	assert_int_equal(client_post(&worker, "/meetings", "/meetings",
	    "title=January+meeting&date=2099-01-09&time=17%3A30&"
	    "place=Town+hall&invited=All+members", &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	meeting = strtoll(loc + strlen("/meetings/"), NULL, 10);
	assert_int_equal(client_post(&young, loc, loc, "action=suggest&text="
	    "i+am+going+to+run+away+tonight", &r), 200);
	resp_free(&r);
	sugg = count("SELECT max(id) FROM agenda_suggestions WHERE meeting_id "
	    "= %lld", (long long)meeting);
	assert_open_with_words(concern_of("agenda_suggestion", sugg),
	    "run away tonight");
	assert_open_with_words(concern_of("pledge_comment", verdict),
	    "end my life");

	/* Both count on /moderation. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	/* Counted in words: "1 flagged comment", "2 flagged comments". */
	assert_true(resp_has(&r, ">1 flagged comment on promises<"));
	assert_true(resp_has(&r, ">1 flagged agenda suggestion<"));
	resp_free(&r);
	/* Workers see who wrote them. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation/comments", &r), 0);
	assert_true(resp_has(&r, "end my life"));
	assert_true(resp_has(&r, "from Jaden"));
	/* The verdict as the young person chose it, not its code. */
	assert_true(resp_has(&r, "said \"No\""));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, loc, &r), 0);
	assert_true(resp_has(&r, "run away tonight"));
	assert_true(resp_has(&r, "from Jaden"));
	resp_free(&r);
	/* Declining the suggestion closes nothing. */
	(void)snprintf(form, sizeof(form), "action=decline&suggestion=%lld",
	    (long long)sugg);
	assert_int_equal(client_post(&worker, loc, loc, form, &r), 303);
	resp_free(&r);
	assert_open_with_words(concern_of("agenda_suggestion", sugg),
	    "run away tonight");
}

/* Review item 1: a worrying suggestion went onto the agenda untaken. */
static void
flagged_suggestion_waits_for_a_taker(void **state)
{
	struct resp	 r;
	char		 form[128], loc[96], present[128];
	int64_t		 meeting, sugg;

	(void)state;
	assert_int_equal(client_post(&worker, "/meetings", "/meetings",
	    "title=February+meeting&date=2099-02-06&time=17%3A30&"
	    "place=Town+hall&invited=All+members", &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	meeting = strtoll(loc + strlen("/meetings/"), NULL, 10);
	assert_int_equal(client_post(&young, loc, loc, "action=suggest&text="
	    "my+stepdad+hits+me+when+mum+is+out", &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	sugg = count("SELECT max(id) FROM agenda_suggestions WHERE meeting_id "
	    "= %lld", (long long)meeting);
	(void)snprintf(form, sizeof(form), "action=accept&suggestion=%lld",
	    (long long)sugg);
	assert_int_equal(client_post(&worker, loc, loc, form, &r), 422);
	assert_true(resp_has(&r, "nobody has taken yet"));
	assert_true(resp_has(&r, "hits me when mum"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM agenda_suggestions WHERE "
	    "id = %lld AND state = 'received'", (long long)sugg), 1);
	assert_int_equal(count("SELECT count(*) FROM agenda_items WHERE "
	    "meeting_id = %lld", (long long)meeting), 0);
	(void)snprintf(present, sizeof(present), "%s/present", loc);
	resp_init(&r);
	assert_int_equal(http_get(&young, loc, &r), 0);
	assert_false(resp_has(&r, "hits me when mum"));
	resp_free(&r);
	/* Councillors see only meetings they are invited to: invite one,
	 * so the big screen really answers and is checked. */
	(void)snprintf(form, sizeof(form), "action=invite_account&user=%lld",
	    (long long)count("SELECT id FROM users WHERE display_name = "
	    "'Cllr Sam Okafor'"));
	assert_int_equal(client_post(&worker, loc, loc, form, &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&cllr, present, &r), 0);
	assert_int_equal(r.status, 200);
	assert_false(resp_has(&r, "hits me when mum"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "action=accept&suggestion=%lld",
	    (long long)sugg);
	/* Once a worker has taken the concern, it may go on. */
	take(concern_of("agenda_suggestion", sugg));
	assert_int_equal(client_post(&worker, loc, loc, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM agenda_items WHERE "
	    "meeting_id = %lld", (long long)meeting), 1);
	assert_open_with_words(concern_of("agenda_suggestion", sugg),
	    "hits me when mum");
}

/* Review item 2: a worrying Pledge comment was shown untaken. */
static void
flagged_comment_waits_for_a_taker(void **state)
{
	struct resp	 r;
	char		 form[256], path[64];
	int64_t		 promise, verdict;

	(void)state;
	verdict = worrying_comment("max", "i cut myself again last night");
	promise = count("SELECT promise_id FROM verdicts WHERE id = %lld",
	    (long long)verdict);
	(void)snprintf(form, sizeof(form), "id=%lld&decision=approve&note=%s",
	    (long long)verdict, url_enc("Rang her social worker."));
	assert_int_equal(client_post(&worker, "/moderation/comments",
	    "/moderation/comments", form, &r), 422);
	assert_true(resp_has(&r, "nobody has taken yet"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE id = %lld "
	    "AND comment_state = 'received'", (long long)verdict), 1);
	(void)snprintf(path, sizeof(path), "/pledge/%lld", (long long)promise);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_false(resp_has(&r, "cut myself again"));
	resp_free(&r);
	/* Not showing it needs no taker; showing it does. */
	take(concern_of("pledge_comment", verdict));
	assert_int_equal(client_post(&worker, "/moderation/comments",
	    "/moderation/comments", form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE id = %lld "
	    "AND comment_state = 'approved'", (long long)verdict), 1);
	assert_open_with_words(concern_of("pledge_comment", verdict),
	    "cut myself again");
}

/* Review item 3: names were never scanned. Refused, kept, and read. */
static void
worrying_names_are_read_not_used(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 code[64], form[512];
	int64_t		 jaden;

	(void)state;
	jaden = count("SELECT id FROM users WHERE name_key = 'jaden'");
	assert_int_equal(client_post(&young, "/account", "/account/name",
	    "new_name=i+want+to+die&current=kite-river-42", &r), 422);
	assert_true(resp_has(&r, "We will not use that as a name"));
	assert_true(resp_has(&r, "We are here to help"));
	assert_true(resp_has(&r, "If you need help now, or you are in danger"));
	assert_true(resp_has(&r, "value=\"i want to die\""));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM users WHERE id = %lld "
	    "AND display_name = 'Jaden'", (long long)jaden), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'account' AND author_id = %lld AND item_id = %lld AND text = "
	    "'i want to die'", (long long)jaden, (long long)jaden), 1);
	assert_open_with_words(count("SELECT max(id) FROM concerns WHERE "
	    "kind = 'account' AND text = 'i want to die'"), "i want to die");
	/* Sent again, the same words open nothing new. */
	assert_int_equal(client_post(&young, "/account", "/account/name",
	    "new_name=i+want+to+die&current=kite-river-42", &r), 422);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'account' AND text = 'i want to die'"), 1);
	/* The private sign-in name too. */
	assert_int_equal(client_post(&young, "/account", "/account/signin",
	    "new_signin=nobody+would+care+if+i+died&current_si=kite-river-42",
	    &r), 422);
	assert_true(resp_has(&r, "We will not use that as a name"));
	assert_true(resp_has(&r, "value=\"nobody would care if i died\""));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'account' AND author_id = %lld AND text = 'nobody would care if "
	    "i died'", (long long)jaden), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE detail "
	    "LIKE '%%want to die%%' OR detail LIKE '%%if i died%%'"), 0);

	/* Joining: no account yet, so no author, but the invite is named. */
	assert_int_equal(client_post(&worker, "/accounts", "/accounts/invite",
	    "role=young_person", &r), 200);
	assert_non_null(resp_between(&r, "id=\"code\">", "</p>", code,
	    sizeof(code)));
	resp_free(&r);
	memset(&c, 0, sizeof(c));
	(void)snprintf(form, sizeof(form), "code=%s&name=i+want+to+kill+"
	    "myself&signin=me+kim&password=long-enough-pw&password2=long-"
	    "enough-pw&age_band=12_15&area=inside", code);
	assert_int_equal(client_post(&c, "/join", "/join/finish", form, &r),
	    422);
	assert_true(resp_has(&r, "We will not use that as a name"));
	assert_true(resp_has(&r, "We are here to help"));
	assert_true(resp_has(&r, "value=\"i want to kill myself\""));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM users WHERE signin_key = "
	    "'me kim' OR name_key = 'i want to kill myself'"), 0);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'account' AND author_id IS NULL AND text = 'i want to kill "
	    "myself' AND reason LIKE '%%invite%%'"), 1);
	(void)snprintf(form, sizeof(form), "/safeguarding/%lld", (long long)
	    count("SELECT max(id) FROM concerns WHERE text = 'i want to kill "
	    "myself'"));
	resp_init(&r);
	assert_int_equal(http_get(&worker, form, &r), 0);
	assert_true(resp_has(&r, "Typed as a name when joining with invite"));
	assert_true(resp_has(&r, "No account"));
	resp_free(&r);
	/* An ordinary name still joins with the same code. */
	(void)snprintf(form, sizeof(form), "code=%s&name=Kim+B&signin=me+kim&"
	    "password=long-enough-pw&password2=long-enough-pw&age_band=12_15&"
	    "area=inside", code);
	assert_int_equal(client_post(&c, "/join", "/join/finish", form, &r),
	    303);
	resp_free(&r);
	/* The code is used now: a worry typed as a name still gets through. */
	memset(&c, 0, sizeof(c));
	(void)snprintf(form, sizeof(form), "code=%s&name=my+carer+hits+me+"
	    "every+night&signin=he+says+he+will+kill+me+too&password=long-"
	    "enough-pw&password2=long-enough-pw&age_band=12_15&area=inside",
	    code);
	assert_int_equal(client_post(&c, "/join", "/join/finish", form, &r),
	    422);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'account' AND author_id IS NULL AND text = 'my carer hits me "
	    "every night' AND closed_at IS NULL"), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'account' AND author_id IS NULL AND text = 'he says he will kill "
	    "me too' AND closed_at IS NULL"), 1);
}

/*
 * A refused form's words are kept, shown back and stored with a concern,
 * but never its secrets: the password that confirms a change, or an
 * invite code (the next person on a shared phone could read them).
 */
static void
secrets_are_never_kept(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[512];

	(void)state;
	session_forgotten(&c, "/account", csrf, sizeof(csrf));
	(void)snprintf(body, sizeof(body), "csrf=%s&new_name=%s&current="
	    "kite-river-42", csrf, url_enc("my foster carer hits me and i "
	    "want to kill myself"));
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/account/name", body, &r), 0);
	assert_true(resp_has(&r, "We are here to help"));
	assert_false(resp_has(&r, "kite-river-42"));
	resp_free(&r);
	assert_true(count("SELECT count(*) FROM concerns WHERE text LIKE "
	    "'%%foster carer hits me%%' AND closed_at IS NULL") >= 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE text LIKE "
	    "'%%kite-river%%'"), 0);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body LIKE "
	    "'%%kite-river%%' OR title LIKE '%%kite-river%%'"), 0);

	/* Ordinary words: shown back to copy; passwords and the private
	 * sign-in name are not. */
	(void)snprintf(body, sizeof(body), "csrf=%s&current_pw=kite-river-42"
	    "&new_password=a-new-long-pw-1&new_password2=a-new-long-pw-1&"
	    "current_si=kite-river-42&new_signin=jaden+two", csrf);
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/account/password", body, &r), 0);
	assert_int_equal(r.status, 403);
	assert_false(resp_has(&r, "jaden two"));
	assert_false(resp_has(&r, "kite-river-42"));
	assert_false(resp_has(&r, "a-new-long-pw-1"));
	resp_free(&r);

	/* Joining with a form gone stale: the code stays with its owner. */
	memset(&c, 0, sizeof(c));
	assert_int_equal(client_csrf(&c, "/join", csrf, sizeof(csrf)), 0);
	(void)snprintf(body, sizeof(body), "csrf=%sx&code=QQQQ-WWWW-EEEE&"
	    "name=%s", csrf, url_enc("my foster carer hits me every night"));
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/join/finish", body, &r), 0);
	assert_false(resp_has(&r, "QQQQ-WWWW-EEEE"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE text LIKE "
	    "'%%QQQQ%%'"), 0);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body LIKE "
	    "'%%QQQQ%%'"), 0);
}

/*
 * A stream of worrying views sent without an account from one address:
 * each opens its concern, on the list until closed, and someone is always
 * told; but past three an hour they are told together: one note each
 * that moves to the top (a new one once read), and an email at most every
 * ten minutes, not one of each for every message.
 */
static int64_t
alerts(void)
{
	return (count("SELECT count(*) FROM notifications WHERE text LIKE "
	    "'A new %%concern%%' AND user_id = (SELECT id FROM users WHERE "
	    "name_key = 'priya shah')"));
}

static int64_t
flood_notes(const char *which)
{
	return (count("SELECT count(*) FROM notifications WHERE text LIKE "
	    "'New concerns keep coming in%%' AND link = '/safeguarding?order="
	    "newest' AND %s AND user_id = (SELECT id FROM users WHERE "
	    "name_key = 'priya shah')", which));
}

static void
anon_worry_view(struct client *c, int i)
{
	struct resp	 r;
	char		 form[512];

	(void)snprintf(form, sizeof(form), "category=%lld&title=Help+%d&"
	    "body=%s&publish=no", (long long)count("SELECT id FROM categories "
	    "WHERE key = 'placements'"), i, url_enc("he hits me every night "
	    "and i want to die"));
	assert_int_equal(client_post(c, "/views/new", "/views/new", form, &r),
	    200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
}

static void
anon_flood_alerts_once(void **state)
{
	struct client	 c;
	int64_t		 before, first;
	int		 i;

	(void)state;
	assert_int_equal(db_run("DELETE FROM worry_origins"), 0);
	assert_int_equal(db_run("UPDATE settings SET value = 'dsl@example.org' "
	    "WHERE key = 'safeguarding_emails'"), 0);
	memset(&c, 0, sizeof(c));
	before = alerts();
	first = count("SELECT coalesce(max(id), 0) FROM concerns");
	for (i = 1; i <= 6; i++)
		anon_worry_view(&c, i);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE id > %lld "
	    "AND closed_at IS NULL AND author_id IS NULL", (long long)first),
	    6);
	assert_int_equal(alerts() - before, 3);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE id > %lld "
	    "AND reason LIKE '%%told with the others%%'", (long long)first), 3);
	/* Three together: one note, at the top, unread. */
	assert_int_equal(flood_notes("read_at IS NULL"), 1);
	/* One email at once, the next not before ten minutes on. */
	assert_int_equal(count("SELECT count(*) FROM outbox WHERE subject = "
	    "'More concerns are waiting' AND next_attempt_at = created_at"), 1);
	assert_int_equal(count("SELECT count(*) FROM outbox WHERE subject = "
	    "'More concerns are waiting' AND next_attempt_at > created_at AND "
	    "next_attempt_at <= created_at + 600"), 1);
	/* Read, the note is not reused: the next concern is news again. */
	assert_int_equal(db_run("UPDATE notifications SET read_at = at WHERE "
	    "text LIKE 'New concerns keep coming in%'"), 0);
	anon_worry_view(&c, 7);
	assert_int_equal(flood_notes("read_at IS NULL"), 1);
	assert_int_equal(flood_notes("1"), 2);
	/* A signed-in young person is always told of on their own. */
	(void)raise("Flood check", "my carer hits me and i want to die", 1);
	assert_int_equal(alerts() - before, 4);
}

/*
 * Worrying words sent to something that is not there (a view that is
 * not theirs or was purged while the form was open; a meeting gone) are
 * kept as a view from the sender, and the help follows: never a bare 404.
 */
static void
worry_to_nothing_is_kept(void **state)
{
	static const char *const paths[] = { "/views/999999/reply",
	    "/views/999999/again", "/meetings/999999" };
	struct resp	 r;
	char		 form[256], words[64];
	int64_t		 jaden;
	size_t		 i;

	(void)state;
	jaden = count("SELECT id FROM users WHERE name_key = 'jaden'");
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		(void)snprintf(words, sizeof(words), "my carer hurts me, "
		    "number %zu", i);
		(void)snprintf(form, sizeof(form), "action=suggest&text=%s&"
		    "body=%s", url_enc(words), url_enc(words));
		assert_int_equal(client_post(&young, "/views/new", paths[i],
		    form, &r), 200);
		assert_true(resp_has(&r, "We are here to help"));
		resp_free(&r);
		assert_int_equal(count("SELECT count(*) FROM views v JOIN "
		    "concerns c ON c.kind = 'view' AND c.item_id = v.id WHERE "
		    "v.author_id = %lld AND v.title = 'From the page %s' AND "
		    "v.body LIKE '%%hurts me%%' AND c.closed_at IS NULL",
		    (long long)jaden, paths[i]), 1);
	}
	/* Sent again (a reload): the same view, not a second. */
	(void)snprintf(form, sizeof(form), "action=suggest&text=%s&body=%s",
	    url_enc("my carer hurts me, number 0"), url_enc("my carer hurts "
	    "me, number 0"));
	assert_int_equal(client_post(&young, "/views/new", paths[0], form,
	    &r), 200);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body LIKE "
	    "'my carer hurts me, number 0%%'"), 1);
	/* Other words get the 404, with the words to copy (review 111:
	 * they were lost), from a young person and from staff alike. */
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		assert_int_equal(client_post(&young, "/views/new", paths[i],
		    "action=suggest&text=Thanks+for+the+answer&body=Thanks+for+"
		    "the+answer", &r), 404);
		assert_true(resp_has(&r, ">Thanks for the answer</textarea>"));
		assert_true(resp_has(&r, "is not there any more"));
		resp_free(&r);
	}
	assert_int_equal(client_post(&worker, "/meetings", "/meetings/999999",
	    "action=minutes&item=1&minutes=Long+notes+of+the+meeting", &r),
	    404);
	assert_true(resp_has(&r, ">Long notes of the meeting</textarea>"));
	resp_free(&r);
	/* A consultation that is not there: the worry is kept too. */
	assert_int_equal(client_post(&young, "/consultations",
	    "/consultations/999999/answer", "q1=my+stepdad+hits+me+and+i+am+"
	    "scared+to+go+home", &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views v JOIN concerns c "
	    "ON c.kind = 'view' AND c.item_id = v.id WHERE v.author_id = %lld "
	    "AND v.body LIKE '%%stepdad hits me%%' AND c.closed_at IS NULL",
	    (long long)jaden), 1);
}

/*
 * A form sent from our own site with no token field at all (review 111):
 * its words come back to copy, and worrying ones reach a worker.
 */
static void
no_token_field_loses_nothing(void **state)
{
	struct resp	 r;
	char		 path[64];

	(void)state;
	(void)snprintf(path, sizeof(path), "/meetings/%lld",
	    (long long)count("SELECT min(id) FROM meetings"));
	resp_init(&r);
	assert_int_equal(http_post_form(&young, path, "action=suggest&text="
	    "A+film+night+at+the+next+meeting", &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, ">A film night at the next meeting"
	    "</textarea>"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_post_form(&young, path, "action=suggest&text="
	    "my+foster+carer+locks+me+out+at+night", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views v JOIN concerns c "
	    "ON c.kind = 'view' AND c.item_id = v.id WHERE v.body LIKE "
	    "'%%locks me out at night%%' AND c.closed_at IS NULL"), 1);
}

/* Item 9: once a worker has read it, the author is told so. */
static void
repro_9_author_sees_it_was_read(void **state)
{
	struct resp	 r;
	char		 path[64], cpath[64];
	int64_t		 flagged, plain;

	(void)state;
	flagged = raise("Scared", "i dont feel safe where i live now", 1);
	plain = raise("Bus passes", "can we have bus passes for college", 0);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)flagged);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "Waiting to be read"));
	resp_free(&r);
	/* The worker closes the concern: the author now reads the truth. */
	(void)snprintf(cpath, sizeof(cpath), "/safeguarding/%lld",
	    (long long)concern_of("view", flagged));
	assert_int_equal(close_concern_as(&worker, cpath, "action="
	    "Met+her+at+school+with+her+social+worker%3B+she+is+safe+now.",
	    &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "A worker has read it"));
	assert_false(resp_has(&r, "Waiting to be read"));
	resp_free(&r);
	/* Opening an ordinary view in moderation is reading it too. */
	resp_init(&r);
	assert_int_equal(http_get(&young, "/views", &r), 0);
	assert_true(resp_has(&r, "Waiting to be read"));
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/moderation/%lld",
	    (long long)plain);
	assert_int_equal(client_status(&worker, path), 200);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld AND "
	    "state = 'received' AND read_at IS NOT NULL AND read_by = (SELECT "
	    "id FROM users WHERE name_key = 'priya shah')", (long long)plain),
	    1);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)plain);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "A worker has read it"));
	resp_free(&r);
}

/* Closing needs a written action; closed concerns stay readable. */
static void
closing_needs_a_written_action(void **state)
{
	struct resp	 r;
	char		 path[64], row[96], seen[24], sql[256], form[256];
	int64_t		 view, c;

	(void)state;
	view = raise("Night", "a man in a car keeps asking me to get in and "
	    "gives me drugs", 1);
	c = concern_of("view", view);
	(void)snprintf(path, sizeof(path), "/safeguarding/%lld", (long long)c);
	assert_int_equal(close_concern_as(&worker, path, "action=",
	    &r), 422);
	assert_true(resp_has(&r, "This is required"));
	resp_free(&r);
	assert_int_equal(close_concern_as(&worker, path, "action=ok",
	    &r), 422);
	assert_true(resp_has(&r, "Say a little more"));
	assert_true(resp_has(&r, ">ok</textarea>"));
	resp_free(&r);
	assert_open_with_words(c, "gives me drugs");
	/* More words join it while the page is open (worries from one
	 * address): the close that was written before them is held back. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_non_null(resp_between(&r, "name=\"seen\" value=\"", "\"",
	    seen, sizeof(seen)));
	resp_free(&r);
	(void)snprintf(sql, sizeof(sql), "UPDATE concerns SET text = text || "
	    "' and he says he will hurt my sister' WHERE id = %lld",
	    (long long)c);
	assert_int_equal(db_run(sql), 0);
	(void)snprintf(form, sizeof(form), "do=close&seen=%s&action=Told+the+"
	    "police+and+her+social+worker%%3B+strategy+meeting+tomorrow.",
	    seen);
	assert_int_equal(client_post(&worker, path, path, form, &r), 422);
	assert_true(resp_has(&r, "New words were added"));
	assert_true(resp_has(&r, "hurt my sister"));
	assert_true(resp_has(&r, "strategy meeting tomorrow.</textarea>"));
	resp_free(&r);
	assert_open_with_words(c, "hurt my sister");
	/* A page from before the length was on it: shown again. */
	assert_int_equal(client_post(&worker, path, path, "do=close&action="
	    "Told+the+police+and+her+social+worker%3B+strategy+meeting+"
	    "tomorrow.", &r), 422);
	assert_true(resp_has(&r, "Your page was out of date"));
	resp_free(&r);
	assert_open_with_words(c, "hurt my sister");
	assert_int_equal(close_concern_as(&worker, path, "action="
	    "Told+the+police+and+her+social+worker%3B+strategy+meeting+"
	    "tomorrow.", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE id = %lld "
	    "AND closed_at IS NOT NULL AND closed_by = (SELECT id FROM users "
	    "WHERE name_key = 'priya shah') AND action LIKE "
	    "'Told the police%%'",
	    (long long)c), 1);
	(void)snprintf(row, sizeof(row), "href=\"/safeguarding/%lld\"",
	    (long long)c);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/safeguarding", &r), 0);
	assert_false(resp_has(&r, row));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/safeguarding?show=closed", &r),
	    0);
	assert_true(resp_has(&r, row));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&admin, path, &r), 0);
	assert_true(resp_has(&r, "gives me drugs"));
	assert_true(resp_has(&r, "Told the police"));
	assert_false(resp_has(&r, "Close the concern"));
	resp_free(&r);
	/* The audit log knows it was closed, not what anyone wrote. */
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'concern.close' AND object_id = %lld", (long long)c), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE detail "
	    "LIKE '%%police%%' OR detail LIKE '%%drugs%%'"), 0);
}

/*
 * Two workers on one concern from pages open at the same time: taking it
 * from a page that showed nobody, after someone else took it, asks
 * again; taking it over tells the one who had it; closing it second
 * keeps the words as a note, and notes can be added after.
 */
static void
two_workers_keep_both_records(void **state)
{
	struct client	 rob;
	struct resp	 r;
	char		 path[64], form[256], big[4200];
	int64_t		 c, priya;

	(void)state;
	assert_int_equal(db_run("INSERT INTO users (display_name, name_key, "
	    "role, password_hash, created_at) SELECT 'Rob Lane', 'rob lane', "
	    "role, password_hash, created_at FROM users WHERE name_key = "
	    "'priya shah'"), 0);
	memset(&rob, 0, sizeof(rob));
	assert_int_equal(client_login(&rob, "Rob Lane", "worker-demo-2026"),
	    303);
	priya = count("SELECT id FROM users WHERE name_key = 'priya shah'");
	c = concern_of("view", raise("Out late", "an older boy makes me carry "
	    "packages and i am scared", 1));
	(void)snprintf(path, sizeof(path), "/safeguarding/%lld", (long long)c);
	resp_init(&r);
	assert_int_equal(http_get(&rob, path, &r), 0);
	assert_true(resp_has(&r, "name=\"holder\" value=\"0\""));
	resp_free(&r);
	assert_int_equal(client_post(&worker, path, path, "do=hold&holder=0",
	    &r), 303);
	resp_free(&r);
	/* Rob's page still said nobody. */
	assert_int_equal(client_post(&rob, path, path, "do=hold&holder=0",
	    &r), 422);
	assert_true(resp_has(&r, "Someone else took this concern"));
	assert_true(resp_has(&r, "Priya Shah, since"));
	resp_free(&r);
	assert_int_equal(count("SELECT held_by FROM concerns WHERE id = %lld",
	    (long long)c), priya);
	(void)snprintf(form, sizeof(form), "do=hold&holder=%lld",
	    (long long)priya);
	assert_int_equal(client_post(&rob, path, path, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "user_id = %lld AND text = 'Rob Lane took over safeguarding "
	    "concern %lld, which you had taken. Read what they wrote.'",
	    (long long)priya, (long long)c), 1);
	/* Priya closes it; Rob, from his older page, closes it too. */
	assert_int_equal(close_concern_as(&worker, path, "action="
	    "Spoke+to+Jaden+and+told+the+exploitation+team+today.", &r), 303);
	resp_free(&r);
	assert_int_equal(close_concern_as(&rob, path, "action="
	    "Called+the+police+child+exploitation+desk+at+22%3A30.", &r),
	    303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&rob, path, &r), 0);
	assert_true(resp_has(&r, "Someone else closed this concern first"));
	assert_true(resp_has(&r, "told the exploitation team"));
	assert_true(resp_has(&r, "Called the police child exploitation desk"));
	assert_true(resp_has(&r, "<strong>Rob Lane</strong>"));
	resp_free(&r);
	/* Words too vague to close with are kept as a note all the same;
	 * too long for one, they wait in the note box. */
	assert_int_equal(close_concern_as(&rob, path, "action="
	    "rang+them", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concern_notes WHERE "
	    "concern_id = %lld AND text = 'rang them'", (long long)c), 1);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memcpy(big, "do=close&action=", 16);
	assert_int_equal(client_post(&rob, path, path, big, &r), 422);
	assert_true(resp_has(&r, "Someone else closed this concern first"));
	assert_true(resp_has(&r, "xxxxxxxxxx</textarea>"));
	resp_free(&r);
	/* A note on the closed record; an empty one is refused in words. */
	assert_int_equal(client_post(&worker, path, path, "do=note&note=",
	    &r), 422);
	assert_true(resp_has(&r, "Write the note first"));
	resp_free(&r);
	assert_int_equal(client_post(&worker, path, path, "do=note&note="
	    "Social+worker+visited+the+next+day%3B+safe.", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&admin, path, &r), 0);
	assert_true(resp_has(&r, "Social worker visited the next day; safe."));
	resp_free(&r);
	/* Pressed twice: one note. */
	assert_int_equal(client_post(&worker, path, path, "do=note&note="
	    "Social+worker+visited+the+next+day%3B+safe.", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concern_notes WHERE "
	    "concern_id = %lld", (long long)c), 3);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'concern.note' AND object_id = %lld", (long long)c), 3);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE detail "
	    "LIKE '%%police%%' OR detail LIKE '%%visited%%'"), 0);
	/* A take-over from a form that says nothing of who had it (a page
	 * from before) still tells the one who had it. */
	c = concern_of("view", raise("Out later", "an older boy makes me "
	    "carry packages again", 1));
	(void)snprintf(path, sizeof(path), "/safeguarding/%lld", (long long)c);
	assert_int_equal(client_post(&worker, path, path, "do=hold", &r), 303);
	resp_free(&r);
	assert_int_equal(client_post(&rob, path, path, "do=hold", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "user_id = %lld AND text = 'Rob Lane took over safeguarding "
	    "concern %lld, which you had taken. Read what they wrote.'",
	    (long long)priya, (long long)c), 1);
	/* Closing from a page that showed nobody, after Rob took it: asked
	 * again with the words kept; closed once Priya has seen, and Rob
	 * is told. */
	c = concern_of("view", raise("Out latest", "an older boy makes me "
	    "carry packages every night", 1));
	(void)snprintf(path, sizeof(path), "/safeguarding/%lld", (long long)c);
	assert_int_equal(client_post(&rob, path, path, "do=hold&holder=0", &r),
	    303);
	resp_free(&r);
	assert_int_equal(close_concern_as(&worker, path, "holder=0&"
	    "action=Phoned+the+exploitation+team%2C+visit+booked.", &r), 422);
	assert_true(resp_has(&r, "Someone else took this concern"));
	assert_true(resp_has(&r, "Phoned the exploitation team, visit "
	    "booked.</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE id = %lld "
	    "AND closed_at IS NULL", (long long)c), 1);
	(void)snprintf(form, sizeof(form), "holder=%lld&action="
	    "Phoned+the+exploitation+team%%2C+visit+booked.", (long long)
	    count("SELECT id FROM users WHERE name_key = 'rob lane'"));
	assert_int_equal(close_concern_as(&worker, path, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "user_id = (SELECT id FROM users WHERE name_key = 'rob lane') AND "
	    "text = 'Priya Shah closed safeguarding concern %lld, which you "
	    "had taken. Read what they wrote.'", (long long)c), 1);
	client_logout(&rob);
}

/* Only workers and admins: everyone else gets 404, visitors sign in. */
static void
only_workers_and_admins(void **state)
{
	struct resp	 r;
	char		 path[64], count_html[96];
	int64_t		 c;

	(void)state;
	c = count("SELECT max(id) FROM concerns");
	(void)snprintf(path, sizeof(path), "/safeguarding/%lld", (long long)c);
	assert_int_equal(client_status(&young, "/safeguarding"), 404);
	assert_int_equal(client_status(&cllr, "/safeguarding"), 404);
	assert_int_equal(client_status(&young, path), 404);
	assert_int_equal(client_status(&cllr, path), 404);
	assert_int_equal(client_status(&young, "/safeguarding/raise?kind="
	    "account&item=1"), 404);
	assert_int_equal(client_status(&anon, "/safeguarding"), 303);
	assert_int_equal(client_post(&young, "/views", path, "do=hold", &r),
	    404);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE id = %lld "
	    "AND held_by = (SELECT id FROM users WHERE name_key = 'jaden')",
	    (long long)c), 0);
	/* The open count is on every worker's and admin's page. */
	(void)snprintf(count_html, sizeof(count_html), "Concerns <span "
	    "class=\"nav-count\">%lld<", (long long)count("SELECT count(*) "
	    "FROM concerns WHERE closed_at IS NULL"));
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/pledge", &r), 0);
	assert_true(resp_has(&r, count_html));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/admin/settings", &r), 0);
	assert_true(resp_has(&r, count_html));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/pledge", &r), 0);
	assert_false(resp_has(&r, "/safeguarding"));
	resp_free(&r);
}

/*
 * A flood of worrying words from one browser (600 concerns) before one
 * child's own: every open concern is on a page of the list, the count
 * says how many, and "Newest first" puts the child's at the top.
 */
static void
a_flood_hides_no_concern(void **state)
{
	struct resp	 r;
	char		 path[96], row[64];
	int64_t		 child, open;
	int		 pages;

	(void)state;
	assert_int_equal(db_run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
	    "SELECT i + 1 FROM n WHERE i < 600) INSERT INTO concerns (kind, "
	    "item_id, text, source, created_at) SELECT 'view', 0, 'Flood ' "
	    "|| i, 'scan', CAST(strftime('%s', 'now') AS INTEGER) - 3600 + i "
	    "FROM n"), 0);
	assert_int_equal(db_run("INSERT INTO concerns (kind, item_id, text, "
	    "source, created_at) VALUES ('view', 0, 'I want to kill myself "
	    "tonight', 'scan', CAST(strftime('%s', 'now') AS INTEGER))"), 0);
	child = count("SELECT max(id) FROM concerns");
	open = count("SELECT count(*) FROM concerns WHERE closed_at IS NULL");
	(void)snprintf(row, sizeof(row), "href=\"/safeguarding/%lld\"",
	    (long long)child);
	/* Newest first: on the first page. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/safeguarding?order=newest", &r),
	    0);
	assert_true(resp_has(&r, row));
	resp_free(&r);
	/* Oldest first: Next, page by page, reaches it. */
	(void)snprintf(path, sizeof(path), "/safeguarding");
	for (pages = 0; pages < 20; pages++) {
		resp_init(&r);
		assert_int_equal(http_get(&worker, path, &r), 0);
		assert_int_equal(r.status, 200);
		if (pages == 0) {
			(void)snprintf(row, sizeof(row), "Showing 1 to 100 of "
			    "%lld", (long long)open);
			assert_true(resp_has(&r, row));
			(void)snprintf(row, sizeof(row), "href=\"/safeguarding/"
			    "%lld\"", (long long)child);
		}
		if (resp_has(&r, row))
			break;
		assert_non_null(resp_between(&r, "<a rel=\"next\" href=\"",
		    "\">Next</a>", path, sizeof(path)));
		resp_free(&r);
	}
	resp_free(&r);
	assert_int_equal(pages, (int)((open - 1) / 100));
	/* Past the end is the last page, with the way back. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/safeguarding?page=1000000", &r),
	    0);
	assert_true(resp_has(&r, row));
	assert_true(resp_has(&r, "rel=\"prev\""));
	resp_free(&r);
	/* The moderation queue lists 200, and says where the rest are. */
	assert_int_equal(db_run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
	    "SELECT i + 1 FROM n WHERE i < 201) INSERT INTO views "
	    "(category_id, title, body, state, created_at) SELECT 1, "
	    "'Queued ' || i, 'Queued words', 'received', 1 FROM n"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_true(resp_has(&r, "Only the first 200 of the"));
	assert_true(resp_has(&r, "href=\"/safeguarding?order=newest\""));
	resp_free(&r);
	assert_int_equal(db_run("DELETE FROM views WHERE title LIKE 'Queued "
	    "%'"), 0);
	assert_int_equal(db_run("DELETE FROM concerns WHERE text LIKE 'Flood "
	    "%' OR text = 'I want to kill myself tonight'"), 0);
}

/* The purge and account deletion keep the concern and its words. */
static void
purge_and_account_deletion_keep_it(void **state)
{
	struct resp	 r;
	char		 out[512];
	int64_t		 open_view, closed_view, c_open, c_closed, jaden;

	(void)state;
	open_view = raise("Old and open", "she slaps me and it bruises", 1);
	closed_view = raise("Old and closed", "i ran away last week", 1);
	c_open = concern_of("view", open_view);
	c_closed = concern_of("view", closed_view);
	assert_int_equal(db_run("UPDATE concerns SET closed_at = CAST(strftime("
	    "'%s', 'now') AS INTEGER), closed_by "
	    "= (SELECT id FROM users WHERE name_key = 'priya shah'), action = "
	    "'Found safe at a friend''s house; carers told.' WHERE kind = "
	    "'view' AND item_id IN (SELECT id FROM views WHERE title = 'Old "
	    "and closed')"), 0);
	/* An ancient closed concern goes; an ancient open one never does. */
	assert_int_equal(db_run("INSERT INTO concerns (kind, item_id, text, "
	    "source, created_at, closed_at, action) VALUES ('view', 0, "
	    "'Ancient words', 'scan', 1, 1, 'Dealt with long ago by the "
	    "team.')"), 0);
	assert_int_equal(db_run("UPDATE concerns SET created_at = 1 WHERE "
	    "kind = 'view' AND item_id IN (SELECT id FROM views WHERE title = "
	    "'Old and open')"), 0);
	/* Both views are past their time; Jaden's account is turned off. */
	assert_int_equal(db_run("UPDATE views SET created_at = 1 WHERE title "
	    "IN ('Old and open', 'Old and closed')"), 0);
	jaden = count("SELECT id FROM users WHERE name_key = 'jaden'");
	assert_int_equal(db_run("UPDATE users SET disabled_at = 1 WHERE "
	    "name_key = 'jaden'"), 0);
	assert_int_equal(harness_ctl("purge", out, sizeof(out)), 0);
	assert_non_null(strstr(out, "Deleted 1 closed safeguarding "
	    "concern(s)"));
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE text = "
	    "'Ancient words'"), 0);
	/* The account went (or, where a kept record such as a worrying
	 * comment points at it, was wiped to its number), and so did the
	 * closed concern's view; nothing else. */
	assert_int_equal(count("SELECT count(*) FROM users WHERE id = %lld "
	    "AND (purged_at IS NULL OR display_name != 'Deleted account')",
	    (long long)jaden), 0);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld",
	    (long long)closed_view), 0);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld",
	    (long long)open_view), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE id = %lld "
	    "AND closed_at IS NOT NULL AND text LIKE '%%ran away last week%%'",
	    (long long)c_closed), 1);
	assert_open_with_words(c_open, "she slaps me");
	/* Every concern Jaden's words opened is still open or closed by a
	 * person, with the name as it was. */
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE "
	    "author_id = %lld AND closed_at IS NOT NULL AND closed_by IS NULL",
	    (long long)jaden), 0);
	assert_open_with_words(concern_of("view", count("SELECT id FROM views "
	    "WHERE title = 'At home'")), "he hit me with a belt");
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/safeguarding", &r), 0);
	assert_true(resp_has(&r, "Jaden"));
	assert_false(resp_has(&r, "Deleted account"));
	resp_free(&r);
	/* The wiped account's open concern still says who the child is. */
	(void)snprintf(out, sizeof(out), "/safeguarding/%lld",
	    (long long)c_open);
	resp_init(&r);
	assert_int_equal(http_get(&worker, out, &r), 0);
	assert_true(resp_has(&r, "<dt>From</dt><dd>Jaden</dd>"));
	resp_free(&r);
	resp_init(&r);
	(void)snprintf(out, sizeof(out), "/safeguarding/%lld",
	    (long long)c_closed);
	assert_int_equal(http_get(&worker, out, &r), 0);
	assert_true(resp_has(&r, "no longer there"));
	assert_true(resp_has(&r, "i ran away last week"));
	resp_free(&r);
}

/*
 * A close sent from a page gone stale (signed out and in again): what
 * was done comes back to copy, and the page's own count is not words.
 */
static void
a_stale_close_keeps_what_was_done(void **state)
{
	struct resp	 r;
	char		 form[512], path[64];

	(void)state;
	(void)snprintf(path, sizeof(path), "/safeguarding/%lld", (long long)
	    count("SELECT min(id) FROM concerns WHERE closed_at IS NULL"));
	(void)snprintf(form, sizeof(form), "csrf=stale&do=close&holder=0&"
	    "seen=987654&action=%s&note=%s", url_enc("Spoke to Jaden and "
	    "phoned his social worker"), url_enc("Ring school on Monday"));
	resp_init(&r);
	assert_int_equal(http_post_form(&worker, path, form, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, ">Spoke to Jaden and phoned his social "
	    "worker</textarea>"));
	assert_true(resp_has(&r, ">Ring school on Monday</textarea>"));
	assert_false(resp_has(&r, "987654"));
	resp_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(repro_1_taken_back_stays_on_the_list),
		cmocka_unit_test(decisions_leave_the_concern_open),
		cmocka_unit_test(repro_4_worker_raises_a_concern),
		cmocka_unit_test(repro_4_comments_and_suggestions),
		cmocka_unit_test(flagged_suggestion_waits_for_a_taker),
		cmocka_unit_test(flagged_comment_waits_for_a_taker),
		cmocka_unit_test(worrying_names_are_read_not_used),
		cmocka_unit_test(secrets_are_never_kept),
		cmocka_unit_test(anon_flood_alerts_once),
		cmocka_unit_test(worry_to_nothing_is_kept),
		cmocka_unit_test(no_token_field_loses_nothing),
		cmocka_unit_test(repro_9_author_sees_it_was_read),
		cmocka_unit_test(closing_needs_a_written_action),
		cmocka_unit_test(a_stale_close_keeps_what_was_done),
		cmocka_unit_test(two_workers_keep_both_records),
		cmocka_unit_test(only_workers_and_admins),
		cmocka_unit_test(a_flood_hides_no_concern),
		/* Last: it deletes Jaden's account. */
		cmocka_unit_test(purge_and_account_deletion_keep_it),
	};

	return (cmocka_run_group_tests_name("http_concerns", tests,
	    demo_group_setup, group_teardown_server));
}
