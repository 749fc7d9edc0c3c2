/*
 * test_views.c: the core loop over real HTTP, by all three roles: raise,
 * safeguard, moderate, send, answer, publish, follow; the tracking code
 * for young people without an account; and who may see what.
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


/* Raise a view as c; returns the new view's id (signed in) or 0. */
static int64_t
raise_view(struct client *c, const char *title, const char *body,
    const char *extra, struct resp *r)
{
	char	 form[4096], loc[128];
	long	 st;

	(void)snprintf(form, sizeof(form), "category=%lld&title=%s&body=%s&"
	    "publish=anonymous%s", (long long)count("SELECT id FROM "
	    "categories WHERE key = 'leisure'"), url_enc(title),
	    url_enc(body), extra ? extra : "");
	st = client_post(c, "/views/new", "/views/new", form, r);
	if (st == 303 && resp_header(r, "location", loc, sizeof(loc)))
		return (strtoll(loc + strlen("/views/"), NULL, 10));
	return (0);
}

static void
form_explains_and_keeps_input(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&young, "/views/new", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "participation worker"));
	assert_true(resp_has(&r, "not for emergencies"));
	assert_true(resp_has(&r, "0800 1111"));
	assert_true(resp_has(&r, "116 123"));
	assert_true(resp_has(&r, "85258"));
	resp_free(&r);
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    "title=&body=My+words+stay%0D%0Ahere&publish=no", &r), 422);
	assert_true(resp_has(&r, "There is a problem"));
	assert_true(resp_has(&r, "href=\"#category\""));
	assert_true(resp_has(&r, "Give it a short title"));
	/* The text comes back, line break and all. */
	assert_true(resp_has(&r, "My words stay\r\nhere</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body LIKE "
	    "'My words%%'"), 0);
}

/* The form token on c's own /views/new (issued to c). */
static void
own_form_token(struct client *c, const char *query, char *out, size_t len)
{
	struct resp	 r;
	char		 path[256];

	(void)snprintf(path, sizeof(path), "/views/new%s", query);
	resp_init(&r);
	assert_int_equal(http_get(c, path, &r), 0);
	assert_non_null(resp_between(&r, "name=\"form_token\" value=\"", "\"",
	    out, len));
	resp_free(&r);
}

static void
same_form_twice_is_one_view(void **state)
{
	struct resp	 r;
	char		 form[512], token[64];
	int		 i;

	(void)state;
	own_form_token(&young, "", token, sizeof(token));
	(void)snprintf(form, sizeof(form), "category=1&title=Twice&body=Sent"
	    "+twice&publish=no&form_token=%s", token);
	for (i = 0; i < 2; i++) {
		assert_int_equal(client_post(&young, "/views/new",
		    "/views/new", form, &r), 303);
		resp_free(&r);
	}
	assert_int_equal(count("SELECT count(*) FROM views WHERE title = "
	    "'Twice'"), 1);
}

/*
 * The same form sent again with other words (back, edit, send) is a new
 * view, scanned like any other: no words are dropped, and a worry in
 * them reaches the workers. Sent again as it was, it is still one view.
 */
static void
changed_words_sent_again_are_a_new_view(void **state)
{
	struct resp	 r;
	char		 form[512], token[64];
	int		 i;

	(void)state;
	own_form_token(&young, "", token, sizeof(token));
	(void)snprintf(form, sizeof(form), "category=1&title=Clubs&body=A+"
	    "football+club+near+us&publish=no&form_token=%s", token);
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    form, &r), 303);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "category=1&title=Clubs&body=My+"
	    "carer+hits+me+and+I+am+scared+to+go+home&publish=no&"
	    "form_token=%s", token);
	for (i = 0; i < 2; i++) {
		assert_int_equal(client_post(&young, "/views/new",
		    "/views/new", form, &r), 200);
		assert_true(resp_has(&r, "0800 1111"));
		resp_free(&r);
	}
	assert_int_equal(count("SELECT count(*) FROM views WHERE body = 'A "
	    "football club near us'"), 1);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body = 'My "
	    "carer hits me and I am scared to go home'"), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns c JOIN views v "
	    "ON c.kind = 'view' AND v.id = c.item_id WHERE v.body = 'My carer "
	    "hits me and I am scared to go home' AND c.closed_at IS NULL"), 1);
}

/*
 * A stray NUL byte (pasted text can hold one) never loses the words
 * around it: a worry is kept with the help page, other words come back.
 */
static void
a_nul_byte_loses_no_words(void **state)
{
	struct resp	 r;

	(void)state;
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    "category=1&title=Home&body=My+foster+carer+hits+me+every%00+"
	    "night&publish=no", &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views v JOIN concerns c "
	    "ON c.kind = 'view' AND c.item_id = v.id WHERE v.body = 'My "
	    "foster carer hits me every  night' AND c.closed_at IS NULL"), 1);
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    "category=1&title=Clubs&body=A+chess+club%00+please&publish=no",
	    &r), 422);
	assert_true(resp_has(&r, "A chess club"));
	assert_true(resp_has(&r, " please</textarea>"));
	resp_free(&r);
}

/*
 * A long view in another script is 9 bytes a character once form-encoded:
 * over 64 KiB, it still reaches us, and a worry in it is kept.
 */
static void
a_long_worry_in_bengali_is_kept(void **state)
{
	struct resp	 r;
	struct buf	 form;
	int		 i;

	(void)state;
	buf_init(&form, 80 * 1024);
	buf_appendf(&form, "category=1&title=Home&publish=no&body=My+foster+"
	    "carer+hits+me+");
	for (i = 0; i < 7500; i++)
		buf_appendf(&form, "%%E0%%A6%%85");
	assert_true(form.len > 64 * 1024);
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    buf_cstr(&form), &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	buf_free(&form);
	assert_int_equal(count("SELECT count(*) FROM views v JOIN concerns c "
	    "ON c.kind = 'view' AND c.item_id = v.id WHERE v.body LIKE 'My "
	    "foster carer hits me %%' AND length(v.body) = 7524"), 1);
}

/*
 * Repro (review 111): worrying words sent from a page after its session
 * was gone (kept, from nobody), then again from the same page signed in,
 * clashed with the first on the form's key: "could not save" every time
 * and never the help page. Both are kept now, and help shows each time.
 */
static void
same_form_signed_out_then_in_is_kept(void **state)
{
	struct client	 c;
	char		 csrf[128], form[512], *session;
	int64_t		 before;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	assert_int_equal(client_csrf(&c, "/pledge/check", csrf, sizeof(csrf)),
	    0);
	(void)snprintf(form, sizeof(form), "csrf=%s&c_999999=%s", csrf,
	    url_enc("my uncle touches me when he comes round"));
	before = count("SELECT count(*) FROM concerns WHERE closed_at IS NULL");
	assert_non_null(session = strstr(c.cookies, "portal="));
	*session = 'x';		/* the browser forgot it */
	post_gets_help(&c, "/pledge/check", form);
	*session = 'p';
	post_gets_help(&c, "/pledge/check", form);
	post_gets_help(&c, "/pledge/check", form);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE closed_at "
	    "IS NULL"), before + 2);
}

/*
 * A worry typed into any other form whose token went stale (a Pledge
 * comment, a meeting suggestion), signed in or not, is kept as a view, a
 * concern opens and the help page shows: not only a 403 to copy from.
 */
static void
stale_worry_from_any_form_reaches_a_worker(void **state)
{
	struct client	 visitor;
	struct resp	 r;
	char		 form[512], path[64];
	int64_t		 concerns;

	(void)state;
	concerns = count("SELECT count(*) FROM concerns WHERE closed_at IS "
	    "NULL");
	(void)snprintf(form, sizeof(form), "csrf=stale-token&v_%lld=no&"
	    "c_%lld=%s", (long long)count("SELECT min(id) FROM promises"),
	    (long long)count("SELECT min(id) FROM promises"),
	    url_enc("my carer hits me at home"));
	post_gets_help(&young, "/pledge/check", form);
	/* A token no session of theirs gave out: from nobody, never filed
	 * as the signed-in person's own (test_phone.c: a shared phone). */
	assert_int_equal(count("SELECT count(*) FROM views WHERE body LIKE "
	    "'%%my carer hits me at home' AND title = 'From the page "
	    "/pledge/check' AND author_id IS NULL"), 1);
	/* Signed out, on a meeting's suggestions. */
	memset(&visitor, 0, sizeof(visitor));
	(void)snprintf(path, sizeof(path), "/meetings/%lld",
	    (long long)count("SELECT min(id) FROM meetings"));
	(void)snprintf(form, sizeof(form), "csrf=stale-token&action=suggest&"
	    "text=%s", url_enc("he hurts me and I am scared"));
	post_gets_help(&visitor, path, form);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body = 'he "
	    "hurts me and I am scared' AND author_id IS NULL"), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE closed_at "
	    "IS NULL"), concerns + 2);
	/* Words that do not worry us still come back to copy, unsaved. */
	(void)snprintf(form, sizeof(form), "csrf=stale-token&action=suggest&"
	    "text=%s", url_enc("More pizza at meetings"));
	resp_init(&r);
	assert_int_equal(http_post_form(&visitor, path, form, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "More pizza at meetings"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body LIKE "
	    "'%%pizza%%'"), 0);
	/* A councillor's answer sent after their session ran out: the
	 * words come back, not kept as a young person's view. */
	(void)snprintf(form, sizeof(form), "csrf=stale-token&decision=partly&"
	    "text=%s", url_enc("Some young people told us they self harm when "
	    "placements break down"));
	resp_init(&r);
	assert_int_equal(http_post_form(&visitor, "/my-issues/1", form, &r),
	    0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "they self harm when placements"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE title = "
	    "'From the page /my-issues/1'"), 0);
	/* Nor is a councillor's "done" on an action. */
	(void)snprintf(form, sizeof(form), "csrf=stale-token&do=done&"
	    "evidence=%s", url_enc("A boy told us he was being hurt at home "
	    "and wanted to run away"));
	resp_init(&r);
	assert_int_equal(http_post_form(&visitor, "/actions/1", form, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "wanted to run away"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE title = "
	    "'From the page /actions/1'"), 0);
}

/*
 * Security #1: a token planted by someone else (sent first by an
 * attacker, or in a link's query string) never swallows a child's view,
 * and a child's token tells an attacker nothing.
 */
static void
planted_form_token_cannot_drop_a_view(void **state)
{
	struct client	 attacker;
	struct resp	 r;
	char		 form[512], token[64];
	const char	*planted =
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

	(void)state;
	memset(&attacker, 0, sizeof(attacker));
	(void)snprintf(form, sizeof(form), "category=1&title=Planted&body="
	    "Nothing&publish=no&form_token=%s", planted);
	assert_int_equal(client_post(&attacker, "/views/new", "/views/new",
	    form, &r), 200);
	resp_free(&r);
	/* The child opens the attacker's link: nothing in it is used. */
	own_form_token(&young, "?form_token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	    "AAAAAAAAA&body=Prefilled+words&title=Prefilled", token,
	    sizeof(token));
	assert_string_not_equal(token, planted);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/views/new?body=Prefilled+words&"
	    "title=Prefilled", &r), 0);
	assert_false(resp_has(&r, "Prefilled"));
	resp_free(&r);
	/* Even sending the planted token itself, the view is stored. */
	(void)snprintf(form, sizeof(form), "category=1&title=At+home&body="
	    "my+foster+carer+hits+me&publish=no&form_token=%s", planted);
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    form, &r), 200);
	assert_true(resp_has(&r, "0800 1111"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body = "
	    "'my foster carer hits me' AND author_id IS NOT NULL"), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns c JOIN views v "
	    "ON c.kind = 'view' AND v.id = c.item_id WHERE v.body = "
	    "'my foster carer hits me' AND c.closed_at IS NULL"), 1);
	/* The child's own token, replayed by the attacker, finds nothing. */
	own_form_token(&young, "", token, sizeof(token));
	(void)snprintf(form, sizeof(form), "category=1&title=Mine&body="
	    "Mine&publish=no&form_token=%s", token);
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    form, &r), 303);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "category=1&title=Probe&body="
	    "Probe&publish=no&form_token=%s", token);
	assert_int_equal(client_post(&attacker, "/views/new", "/views/new",
	    form, &r), 200);
	assert_false(resp_has(&r, "already"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE title = "
	    "'Probe'"), 1);
	/* The signed-out attacker's sends do not count against later tests. */
	assert_int_equal(db_run("DELETE FROM attempts WHERE key LIKE "
	    "'anonview:%'"), 0);
}

static void
whole_loop_by_three_roles(void **state)
{
	struct resp	 r;
	char		 path[64], form[1024];
	int64_t		 view, issue, cid;

	(void)state;
	view = raise_view(&young, "Leisure passes for everyone",
	    "My friends get a leisure pass and I have to ask every time.",
	    "&better=Give+us+all+one", &r);
	assert_true(view > 0);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)view);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "Waiting to be read"));
	assert_true(resp_has(&r, "We got this"));
	resp_free(&r);

	/* The worker reads it and approves it as a public issue. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_true(resp_has(&r, "Leisure passes for everyone"));
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/moderation/%lld",
	    (long long)view);
	/* Its page leads with the view's own title (review 112). */
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_true(resp_has(&r, "<h1>Leisure passes for everyone</h1>"));
	resp_free(&r);
	assert_int_equal(client_post(&worker, path, path, "action=approve&"
	    "issue_title=Leisure+passes&summary=Young+people+want+a+leisure+"
	    "pass+without+asking+each+time.", &r), 303);
	resp_free(&r);
	issue = count("SELECT issue_id FROM views WHERE id = %lld",
	    (long long)view);
	assert_true(issue > 0);

	/* Sent to the councillor, who finds it in their list. */
	cid = count("SELECT id FROM users WHERE role = 'councillor'");
	(void)snprintf(path, sizeof(path), "/issues/%lld", (long long)issue);
	(void)snprintf(form, sizeof(form), "action=send&councillor=%lld&"
	    "due=2099-01-31", (long long)cid);
	assert_int_equal(client_post(&worker, path, path, form, &r), 303);
	resp_free(&r);
	/* 31 January 2099 is a Saturday: due by the next working day,
	 * and the worker is told so. */
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND date(due_at, 'unixepoch') = '2099-02-02'", (long long)issue),
	    1);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_true(resp_has(&r, "so it is due by the next working day"));
	resp_free(&r);
	/* The councillor is told at once, not by the reminder. */
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "user_id = %lld AND link = '/my-issues/%lld' AND text LIKE 'An "
	    "issue was sent to you%%'", (long long)cid, (long long)issue), 1);
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/my-issues", &r), 0);
	assert_true(resp_has(&r, "Leisure passes"));
	resp_free(&r);

	/* "Not agreed" without a reason is not an answer. */
	(void)snprintf(path, sizeof(path), "/my-issues/%lld", (long long)issue);
	assert_int_equal(client_post(&cllr, path, path, "decision=not_agreed&"
	    "text=We+cannot+do+this.&reason=", &r), 422);
	assert_true(resp_has(&r, "Give the reason"));
	assert_true(resp_has(&r, "We cannot do this.</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE id = %lld "
	    "AND decision IS NULL AND state = 'with_councillor'",
	    (long long)issue), 1);
	assert_int_equal(client_post(&cllr, path, path, "decision=partly&"
	    "text=Passes+for+11+to+18+from+January.&reason=The+budget+covers+"
	    "11+to+18+this+year.", &r), 303);
	resp_free(&r);
	/* A worker checks the answer before young people read it. */
	(void)snprintf(path, sizeof(path), "/issues/%lld", (long long)issue);
	assert_int_equal(client_post(&worker, path, path, approve_form(path,
	    form, sizeof(form)), &r), 303);
	resp_free(&r);

	/* The young person reads the decision and the reason. */
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)view);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "Partly agreed"));
	assert_true(resp_has(&r, "The budget covers 11 to 18 this year."));
	resp_free(&r);

	/* Published: the public page has the summary, never their words. */
	(void)snprintf(path, sizeof(path), "/issues/%lld", (long long)issue);
	assert_int_equal(client_post(&worker, path, path, "action=publish",
	    &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Young people want a leisure pass"));
	assert_true(resp_has(&r, "Partly agreed"));
	assert_true(resp_has(&r, "The budget covers 11 to 18"));
	assert_false(resp_has(&r, "I have to ask every time"));
	/* Jaden asked to be named on one demo outcome, and only there. */
	assert_true(resp_has(&r, "raised by Jaden"));
	assert_false(resp_has(&r, "raised by Jaden, "));
	/* A demo answer's action, done, with what happened (actions.c). */
	assert_true(resp_has(&r, "We said we would: Leisure passes sent to "
	    "all carers"));
	assert_true(resp_has(&r, "Done on"));
	resp_free(&r);
	/* A notification at every step, and the count in the header. */
	assert_true(count("SELECT count(*) FROM notifications WHERE view_id = "
	    "%lld", (long long)view) >= 5);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/notifications", &r), 0);
	assert_true(resp_has(&r, "nav-count"));
	assert_true(resp_has(&r, "A councillor has answered"));
	resp_free(&r);
	assert_int_equal(client_post(&young, "/notifications",
	    "/notifications", "", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM notifications n JOIN "
	    "users u ON u.id = n.user_id WHERE u.name_key = 'jaden' AND "
	    "n.read_at IS NULL"), 0);
	assert_true(count("SELECT count(*) FROM audit_log WHERE action IN "
	    "('view.create', 'view.approve', 'issue.send', 'issue.answer', "
	    "'issue.publish')") >= 5);
}

static void
flagged_view_waits_for_someone_to_take_it(void **state)
{
	struct resp	 r;
	char		 path[64], cpath[64];
	int64_t		 view;
	const char	*body = "Sometimes I want to hurt myself when they "
	    "move me.";

	(void)state;
	assert_int_equal(raise_view(&young, "Moving again", body, NULL, &r),
	    0);
	assert_int_equal(r.status, 200);
	/* Help, and when a worker will really read it (staffed hours:
	 * tests/http/test_outbox.c checks the words). */
	assert_true(resp_has(&r, "We are here to help"));
	assert_true(resp_has(&r, "0800 1111"));
	assert_true(resp_has(&r, "A worker will read this"));
	resp_free(&r);
	view = count("SELECT id FROM views WHERE body = 'Sometimes I want to "
	    "hurt myself when they move me.'");
	assert_int_equal(count("SELECT urgent FROM views WHERE id = %lld",
	    (long long)view), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'view' AND item_id = %lld AND rules LIKE 'self_harm:%%' AND "
	    "closed_at IS NULL", (long long)view), 1);

	/* Top of the queue. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_true(strstr(buf_cstr(&r.body), "Moving again") <
	    strstr(buf_cstr(&r.body), "</tbody>"));
	assert_true(resp_has(&r, "Safeguarding flag"));
	resp_free(&r);

	/* It cannot become an issue until someone has taken the concern. */
	(void)snprintf(path, sizeof(path), "/moderation/%lld",
	    (long long)view);
	assert_int_equal(client_post(&worker, path, path, "action=approve&"
	    "issue_title=Moves&summary=Moves+are+hard.", &r), 422);
	assert_true(resp_has(&r, "safeguarding concern nobody has taken"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld "
	    "AND state = 'received' AND issue_id IS NULL", (long long)view), 1);
	(void)snprintf(cpath, sizeof(cpath), "/safeguarding/%lld",
	    (long long)count("SELECT id FROM concerns WHERE kind = 'view' AND "
	    "item_id = %lld", (long long)view));
	assert_int_equal(client_post(&worker, cpath, cpath, "do=hold", &r),
	    303);
	resp_free(&r);
	assert_int_equal(client_post(&worker, path, path, "action=approve&"
	    "issue_title=Moves&summary=Moves+are+hard.", &r), 303);
	resp_free(&r);
	/* Approving did not close it: only a person with an action does. */
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'view' AND item_id = %lld AND closed_at IS NULL AND held_by IS "
	    "NOT NULL", (long long)view), 1);
	assert_int_equal(close_concern_as(&worker, cpath, ""
	    "action=Spoke+to+the+young+person+and+their+social+worker.", &r),
	    303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'view' AND item_id = %lld AND closed_at IS NOT NULL AND action "
	    "LIKE 'Spoke%%'", (long long)view), 1);
}

static void
no_account_tracking_code(void **state)
{
	struct client	 pest;
	struct resp	 r;
	char		 code[64], form[512], token[128], ftok[128];
	char		 again[64], code2[64];
	int		 i;

	(void)state;
	assert_int_equal(raise_view(&anon, "Bus passes", "The bus pass runs "
	    "out too soon.", NULL, &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(resp_between(&r, "id=\"track-code\">", "</p>", code,
	    sizeof(code)));
	assert_int_equal(strlen(code), 19);	/* 16 symbols, 80 bits */
	resp_free(&r);
	/* Reloaded (the same form sent again): the same code, shown again. */
	assert_int_equal(client_csrf(&anon, "/views/new", token,
	    sizeof(token)), 0);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/views/new", &r), 0);
	assert_non_null(resp_between(&r, "name=\"form_token\" value=\"", "\"",
	    ftok, sizeof(ftok)));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "csrf=%s&form_token=%s&category=1&"
	    "title=Reload&body=Sent+then+reloaded&publish=no", token, ftok);
	for (i = 0; i < 2; i++) {
		resp_init(&r);
		assert_int_equal(http_post_form(&anon, "/views/new", form, &r),
		    0);
		assert_int_equal(r.status, 200);
		assert_non_null(resp_between(&r, "id=\"track-code\">", "</p>",
		    i == 0 ? again : code2, sizeof(again)));
		resp_free(&r);
	}
	assert_string_equal(again, code2);
	(void)snprintf(form, sizeof(form), "code=%s", url_enc(code));
	assert_int_equal(client_post(&anon, "/track", "/track", form, &r),
	    200);
	assert_true(resp_has(&r, "Bus passes"));
	assert_true(resp_has(&r, "Waiting to be read"));
	resp_free(&r);
	assert_int_equal(client_post(&anon, "/track", "/track",
	    "code=AAAA-BBBB-CCCC-DDDD", &r), 422);
	assert_true(resp_has(&r, "cannot find a view with that code"));
	resp_free(&r);
	/* Someone else at the same address (a school) tries wrong codes
	 * until told to wait; the child's right code still lets them in. */
	memset(&pest, 0, sizeof(pest));
	(void)snprintf(pest.local_ip, sizeof(pest.local_ip), "%s",
	    anon.local_ip);
	for (i = 0; i < 21; i++) {
		assert_int_equal(client_post(&pest, "/track", "/track",
		    "code=AAAA-BBBB-CCCC-EEEE", &r), 422);
		if (i == 20)
			assert_true(resp_has(&r, "Too many wrong codes"));
		resp_free(&r);
	}
	assert_int_equal(client_post(&anon, "/track", "/track", form, &r),
	    200);
	assert_true(resp_has(&r, "Bus passes"));
	resp_free(&r);
	/* Five an hour from one address (two sent above). */
	for (i = 0; i < 3; i++) {
		assert_int_equal(raise_view(&anon, "More", "Another one", NULL,
		    &r), 0);
		assert_int_equal(r.status, 200);
		resp_free(&r);
	}
	assert_int_equal(raise_view(&anon, "More", "Another one", NULL, &r),
	    0);
	assert_int_equal(r.status, 422);
	assert_true(resp_has(&r, "try again later"));
	resp_free(&r);
}

static void
others_cannot_see_a_view(void **state)
{
	struct client	 other, mgr;
	struct resp	 r;
	char		 code[64], form[512], path[64];
	int64_t		 view;

	(void)state;
	memset(&other, 0, sizeof(other));
	memset(&mgr, 0, sizeof(mgr));
	view = raise_view(&young, "Mine only", "Private words", NULL, &r);
	resp_free(&r);
	assert_int_equal(client_login(&mgr, "Priya Shah", "worker-demo-2026"),
	    303);
	assert_int_equal(client_post(&mgr, "/accounts", "/accounts/invite",
	    "role=young_person", &r), 200);
	assert_non_null(resp_between(&r, "id=\"code\">", "</p>", code,
	    sizeof(code)));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "code=%s", code);
	assert_int_equal(client_post(&other, "/join", "/join", form, &r), 200);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "code=%s&name=Robin&signin=Robin+"
	    "Hidden&password=robin-long-pw&password2=robin-long-pw&"
	    "age_band=12_15&area=inside", code);
	assert_int_equal(client_post(&other, "/join", "/join/finish", form,
	    &r), 303);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)view);
	assert_int_equal(client_status(&other, path), 404);
	assert_int_equal(client_status(&other, "/views/999999"), 404);
	assert_int_equal(client_status(&young, path), 200);
	(void)snprintf(path, sizeof(path), "/views/%lld/withdraw",
	    (long long)view);
	assert_int_equal(client_post(&other, "/views", path, "", &r), 404);
	resp_free(&r);
	/* Staff pages stay staff pages. */
	assert_int_equal(client_status(&young, "/moderation"), 404);
	assert_int_equal(client_status(&cllr, "/issues"), 404);
	assert_int_equal(client_status(&cllr, "/moderation"), 404);
	assert_int_equal(client_status(&worker, "/my-issues"), 404);
	assert_int_equal(client_status(&anon, "/views"), 303);
}

static void
redirect_and_merge_tell_the_young_person(void **state)
{
	struct resp	 r;
	char		 path[64], form[256];
	int64_t		 a, b, issue;

	(void)state;
	a = raise_view(&young, "My own review", "My review was cancelled.",
	    NULL, &r);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/moderation/%lld", (long long)a);
	assert_int_equal(client_post(&worker, path, path, "action=redirect&"
	    "words=This+is+about+you.+Your+IRO+can+fix+it.", &r), 422);
	assert_true(resp_has(&r, "Choose who can help"));
	resp_free(&r);
	assert_int_equal(client_post(&worker, path, path, "action=redirect&"
	    "route=iro&words=This+is+about+you.+Your+IRO+can+fix+it.", &r),
	    303);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)a);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	/* What it means for them, not the team's word for it. */
	assert_true(resp_has(&r, "Sent to someone who can help"));
	assert_false(resp_has(&r, "different route"));
	assert_true(resp_has(&r, "Independent Reviewing Officer"));
	resp_free(&r);

	issue = count("SELECT max(id) FROM issues");
	b = raise_view(&young, "Passes again", "Same as the others.", NULL,
	    &r);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/moderation/%lld", (long long)b);
	(void)snprintf(form, sizeof(form), "action=merge&issue_id=%lld",
	    (long long)issue);
	assert_int_equal(client_post(&worker, path, path, form, &r), 303);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)b);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "joined their issue"));
	resp_free(&r);
	/* A decision twice is refused, not repeated, and what the second
	 * worker typed comes back to copy. */
	(void)snprintf(path, sizeof(path), "/moderation/%lld", (long long)b);
	assert_int_equal(client_post(&worker, path, path, "action=reject&"
	    "reason=Already+raised+in+March%3B+see+the+minutes.", &r), 422);
	assert_true(resp_has(&r, "already dealt with"));
	assert_true(resp_has(&r, "What you wrote was not sent"));
	assert_true(resp_has(&r, "readonly>Already raised in March; see the "
	    "minutes.</textarea>"));
	resp_free(&r);
}

/*
 * Raise a view in words a 10-year-old reads: no "placements",
 * "designated teachers" or "allowances" in the topics, and the lengths
 * said in words as well as characters.
 */
static void
form_in_plain_words(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&young, "/views/new", &r), 0);
	assert_int_equal(r.status, 200);
	assert_false(resp_has(&r, "placements"));
	assert_false(resp_has(&r, "designated"));
	assert_false(resp_has(&r, "allowance"));
	assert_true(resp_has(&r, "the teacher at school who helps children "
	    "in care"));
	assert_true(resp_has(&r, "pocket money"));
	assert_true(resp_has(&r, "moving home"));
	assert_true(resp_has(&r, "Up to 120 characters, about 20 words. (A "
	    "character is one letter, number, space or mark.)"));
	assert_true(resp_has(&r, "up to 5,000 characters, about 800 words."));
	resp_free(&r);
}

/*
 * A word is explained once a page, where it is first used: the answer
 * box explains "IRO", and the timeline's copy of the answer below it,
 * stored explained as a message, does not say it again.
 */
static void
view_explains_a_word_once(void **state)
{
	struct resp	 r;
	char		 path[64];
	int64_t		 v;

	(void)state;
	v = count("SELECT id FROM views WHERE title = 'Reviews at times we "
	    "can make'");
	assert_true(v > 0);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)v);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(resp_count(&r, "(Independent Reviewing Officer"), 1);
	assert_true(resp_count(&r, "IRO") >= 2);
	/* The first use, in the answer box, is the explained one. */
	assert_true(resp_has(&r, "<strong>Why:</strong> I have asked the IRO "
	    "(Independent Reviewing Officer"));
	assert_true(resp_has(&r, "Why: I have asked the IRO team"));
	resp_free(&r);
}

/*
 * A worrying view's page does not give the ordinary timetable
 * (councillors, 20 working days): it says a worker reads it and may talk
 * to someone who can help keep them safe, and where the help numbers
 * are. An ordinary view still says when councillors answer.
 */
static void
worrying_view_says_what_a_worker_does(void **state)
{
	struct resp	 r;
	char		 path[64];
	int64_t		 v;

	(void)state;
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    "category=1&title=At+home&body=my+foster+carer+hits+me+when+I+"
	    "am+late&publish=no", &r), 200);
	resp_free(&r);
	v = count("SELECT id FROM views WHERE body = 'my foster carer hits "
	    "me when I am late'");
	assert_true(v > 0);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)v);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "id=\"when-read\""));
	assert_true(resp_has(&r, "A worker will read this"));
	assert_true(resp_has(&r, "someone who can help keep you safe"));
	assert_true(resp_has(&r, "under \"Need help now?\" at the bottom"));
	assert_true(resp_has(&r, "0800 1111"));
	assert_false(resp_has(&r, "If it goes to councillors"));
	assert_false(resp_has(&r, "working days"));
	assert_false(resp_has(&r, "Councillors only read a summary"));
	resp_free(&r);
	v = raise_view(&young, "Skate park", "Can we have a skate park?",
	    NULL, &r);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)v);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "If it goes to councillors, they answer "
	    "within 20 working days."));
	assert_false(resp_has(&r, "help keep you safe"));
	resp_free(&r);
}

/*
 * "Take this back" asks first: a slip of the thumb on a phone must not
 * end a view for good. The button opens a question; a POST without
 * confirm=1 (an old page, a stray tap) only asks again; "No, keep it"
 * goes back to the view.
 */
static void
withdraw_asks_first(void **state)
{
	struct resp	 r;
	char		 path[64], view[64];
	int64_t		 v;

	(void)state;
	v = raise_view(&young, "Think twice", "Keep this one.", NULL, &r);
	resp_free(&r);
	(void)snprintf(view, sizeof(view), "/views/%lld", (long long)v);
	(void)snprintf(path, sizeof(path), "/views/%lld/withdraw",
	    (long long)v);
	resp_init(&r);
	assert_int_equal(http_get(&young, view, &r), 0);
	assert_true(resp_has(&r, "href=\"/views/"));
	assert_true(resp_has(&r, "/withdraw\">Take this back</a>"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<h1>Take this view back?</h1>"));
	assert_true(resp_has(&r, "<h2>Think twice</h2>"));
	assert_true(resp_has(&r, "Nobody will work on it any more."));
	assert_true(resp_has(&r, "name=\"confirm\" value=\"1\""));
	assert_true(resp_has(&r, ">Yes, take it back</button>"));
	assert_true(resp_has(&r, "\">No, keep it</a>"));
	resp_free(&r);
	assert_int_equal(client_post(&young, view, path, "", &r), 200);
	assert_true(resp_has(&r, "Take this view back?"));
	resp_free(&r);
	assert_int_equal(client_post(&young, view, path, "confirm=yes", &r),
	    200);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld "
	    "AND state = 'received'", (long long)v), 1);
	assert_int_equal(client_post(&young, view, path, "confirm=1", &r),
	    303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld "
	    "AND state = 'withdrawn'", (long long)v), 1);
	/* Taken back, there is nothing to ask: back to the view, saying so
	 * (review 112: a bare "Error 409"). */
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, view, &r), 0);
	assert_true(resp_has(&r, "You already took this view back."));
	resp_free(&r);
	/* Sending it and taking it back are on their list, not new
	 * messages on the badge. */
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "view_id = %lld AND read_at IS NOT NULL", (long long)v), 2);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "view_id = %lld AND read_at IS NULL", (long long)v), 0);
}

static void
withdraw_until_answered(void **state)
{
	struct resp	 r;
	char		 path[256];
	int64_t		 v;

	(void)state;
	v = raise_view(&young, "Changed my mind", "Not any more.", NULL, &r);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/views/%lld/withdraw",
	    (long long)v);
	assert_int_equal(client_post(&young, "/views", path, "confirm=1",
	    &r), 303);
	resp_free(&r);
	assert_int_equal(client_post(&young, "/views", path, "confirm=1",
	    &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld "
	    "AND state = 'withdrawn'", (long long)v), 1);
	/* One already made into an issue that a councillor has: the
	 * council may still answer the topic, and the young person is told
	 * so, not that nobody will work on it. */
	v = raise_view(&young, "Passed on already", "Bus fares.", NULL, &r);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "UPDATE views SET state = "
	    "'approved', issue_id = (SELECT min(id) FROM issues WHERE state = "
	    "'with_councillor') WHERE id = %lld", (long long)v);
	assert_int_equal(db_run(path), 0);
	(void)snprintf(path, sizeof(path), "/views/%lld/withdraw",
	    (long long)v);
	assert_int_equal(client_post(&young, "/views", path, "confirm=1",
	    &r), 303);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)v);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "the council may still answer it"));
	assert_false(resp_has(&r, "Nobody will work on it now"));
	resp_free(&r);
}

/*
 * A view joined to an issue that holds another young person's private
 * view: its author is told the issue's name as the public reads it,
 * never the worker's first title, which may quote the private one.
 */
/* Jaden raises a view titled title, a worker joins it to issue: the
 * view's page as Jaden then reads it, in *r (the caller frees). */
static void
merge_and_read(int64_t issue, const char *title, struct resp *r)
{
	char	 path[64], form[64];
	int64_t	 v;

	v = raise_view(&young, title, "Our teachers are never there.", NULL,
	    r);
	resp_free(r);
	(void)snprintf(path, sizeof(path), "/moderation/%lld", (long long)v);
	(void)snprintf(form, sizeof(form), "action=merge&issue_id=%lld",
	    (long long)issue);
	assert_int_equal(client_post(&worker, path, path, form, r), 303);
	resp_free(r);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)v);
	resp_init(r);
	assert_int_equal(http_get(&young, path, r), 0);
}

static void
merged_into_an_issue_by_its_public_name(void **state)
{
	struct resp	 r;
	char		 path[256];
	int64_t		 issue;
	const char	*secret = "Zara says Mr Bell never turns up";

	(void)state;
	issue = count("SELECT min(issue_id) FROM views WHERE publish = 'no' "
	    "AND issue_id IS NOT NULL AND issue_id IN (SELECT id FROM issues "
	    "WHERE public_title IS NULL)");
	assert_true(issue > 0);
	(void)snprintf(path, sizeof(path), "UPDATE issues SET title = '%s' "
	    "WHERE id = %lld", secret, (long long)issue);
	assert_int_equal(db_run(path), 0);
	merge_and_read(issue, "Teachers", &r);
	assert_true(resp_has(&r, "it has joined their issue"));
	assert_true(resp_has(&r, "You will hear what happens."));
	assert_false(resp_has(&r, "Mr Bell"));
	resp_free(&r);
	/* Joined to an issue already answered: told where the answer is,
	 * not that news will come. */
	(void)snprintf(path, sizeof(path), "UPDATE issues SET state = "
	    "'answered', decision = 'agreed', response = 'Yes.', answered_at "
	    "= 1 WHERE id = %lld", (long long)issue);
	assert_int_equal(db_run(path), 0);
	merge_and_read(issue, "Teachers again", &r);
	assert_true(resp_has(&r, "The council has already answered it"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data.json", &r), 0);
	assert_false(resp_has(&r, "Mr Bell"));
	resp_free(&r);
}

static void
hostile_text_is_kept_and_escaped(void **state)
{
	struct resp	 r;
	char		 path[64];
	int64_t		 v;

	(void)state;
	v = raise_view(&young, "<b>bold</b> \"quoted\"",
	    "<script>alert(1)</script>' OR 1=1; --", NULL, &r);
	assert_true(v > 0);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body = "
	    "'<script>alert(1)</script>'' OR 1=1; --'"), 1);
	(void)snprintf(path, sizeof(path), "/moderation/%lld", (long long)v);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_true(resp_has(&r, "&lt;script&gt;alert(1)&lt;/script&gt;"
	    "&#39; OR 1=1; --"));
	assert_false(resp_has(&r, "<script>"));
	assert_true(resp_has(&r, "&lt;b&gt;bold&lt;/b&gt; &quot;quoted"));
	resp_free(&r);
	/* A right-to-left override is refused, with the text kept. */
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    "category=1&title=abc%E2%80%AEdef&body=x&publish=no", &r), 422);
	assert_true(resp_has(&r, "hidden characters"));
	resp_free(&r);
}

static void
admins_edit_the_phrase_list(void **state)
{
	struct resp	 r;
	char		 form[128];
	int64_t		 id;

	(void)state;
	assert_int_equal(client_status(&worker, "/admin/safeguarding"), 404);
	assert_int_equal(client_post(&admin, "/admin/safeguarding",
	    "/admin/safeguarding", "phrase=Trap+House!&topic=exploitation",
	    &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM safeguarding_phrases "
	    "WHERE phrase = 'trap house'"), 1);
	assert_int_equal(client_post(&admin, "/admin/safeguarding",
	    "/admin/safeguarding", "phrase=trap+house&topic=exploitation",
	    &r), 422);
	assert_true(resp_has(&r, "already on the list"));
	resp_free(&r);
	/* New views are checked for it at once. */
	assert_int_equal(raise_view(&young, "Weekends", "They took me to a "
	    "trap house at the weekend.", NULL, &r), 0);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	id = count("SELECT id FROM safeguarding_phrases WHERE phrase = "
	    "'trap house'");
	(void)snprintf(form, sizeof(form), "remove=%lld", (long long)id);
	assert_int_equal(client_post(&admin, "/admin/safeguarding",
	    "/admin/safeguarding", form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "LIKE 'safeguarding.phrase_%%'"), 2);
}

/* The due date a worker is offered for an open issue. */
static void
default_due(const char *path, char *out, size_t outlen)
{
	struct resp	 r;

	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_non_null(resp_between(&r, "name=\"due\" value=\"", "\"", out,
	    outlen));
	resp_free(&r);
}

static void
admins_keep_the_bank_holidays(void **state)
{
	struct resp	 r;
	char		 path[64], form[128], due[16], later[16];
	int64_t		 issue, id;

	(void)state;
	assert_int_equal(client_status(&anon, "/admin/holidays"), 303);
	assert_int_equal(client_status(&worker, "/admin/holidays"), 404);
	issue = count("SELECT id FROM issues WHERE state = 'open' "
	    "ORDER BY id LIMIT 1");
	assert_true(issue > 0);
	(void)snprintf(path, sizeof(path), "/issues/%lld", (long long)issue);
	default_due(path, due, sizeof(due));

	/* Refused, in words, with nothing saved. */
	assert_int_equal(client_post(&admin, "/admin/holidays",
	    "/admin/holidays", "day=2026-02-30&name=Closed", &r), 422);
	assert_true(resp_has(&r, "Enter a real date"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "day=%s&name=", due);
	assert_int_equal(client_post(&admin, "/admin/holidays",
	    "/admin/holidays", form, &r), 422);
	assert_true(resp_has(&r, "Say what the day is"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM holidays WHERE day = "
	    "'%s'", due), 0);

	/* The suggested due date itself becomes a day off: it moves on. */
	(void)snprintf(form, sizeof(form), "day=%s&name=Closure+day", due);
	assert_int_equal(client_post(&admin, "/admin/holidays",
	    "/admin/holidays", form, &r), 303);
	resp_free(&r);
	assert_int_equal(client_post(&admin, "/admin/holidays",
	    "/admin/holidays", form, &r), 422);
	assert_true(resp_has(&r, "already on the list"));
	assert_true(resp_has(&r, "Closure day"));
	resp_free(&r);
	default_due(path, later, sizeof(later));
	assert_true(strcmp(later, due) > 0);

	id = count("SELECT id FROM holidays WHERE day = '%s'", due);
	(void)snprintf(form, sizeof(form), "remove=%lld", (long long)id);
	assert_int_equal(client_post(&admin, "/admin/holidays",
	    "/admin/holidays", form, &r), 303);
	resp_free(&r);
	default_due(path, later, sizeof(later));
	assert_string_equal(later, due);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "IN ('holiday.add', 'holiday.remove')"), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(form_explains_and_keeps_input),
		cmocka_unit_test(same_form_twice_is_one_view),
		cmocka_unit_test(changed_words_sent_again_are_a_new_view),
		cmocka_unit_test(a_nul_byte_loses_no_words),
		cmocka_unit_test(a_long_worry_in_bengali_is_kept),
		cmocka_unit_test(stale_worry_from_any_form_reaches_a_worker),
		cmocka_unit_test(same_form_signed_out_then_in_is_kept),
		cmocka_unit_test(planted_form_token_cannot_drop_a_view),
		cmocka_unit_test(whole_loop_by_three_roles),
		cmocka_unit_test(flagged_view_waits_for_someone_to_take_it),
		cmocka_unit_test(no_account_tracking_code),
		cmocka_unit_test(others_cannot_see_a_view),
		cmocka_unit_test(redirect_and_merge_tell_the_young_person),
		cmocka_unit_test(form_in_plain_words),
		cmocka_unit_test(view_explains_a_word_once),
		cmocka_unit_test(worrying_view_says_what_a_worker_does),
		cmocka_unit_test(withdraw_asks_first),
		cmocka_unit_test(withdraw_until_answered),
		cmocka_unit_test(merged_into_an_issue_by_its_public_name),
		cmocka_unit_test(hostile_text_is_kept_and_escaped),
		cmocka_unit_test(admins_edit_the_phrase_list),
		cmocka_unit_test(admins_keep_the_bank_holidays),
	};

	return (cmocka_run_group_tests_name("http_views", tests, demo_group_setup,
	    group_teardown_server));
}
