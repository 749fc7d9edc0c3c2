/*
 * test_phone.c: the phone-first parts of the page shell and the young
 * people's forms over real HTTP: the menu folds without JavaScript, the
 * error summary comes first and takes focus, words survive a session
 * that ran out. What the pages look like at 360 px is checked by the
 * browser suite (tests/browser/journeys.mjs).
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

/* Where needle first occurs in the body, or -1. */
static long
at(const struct resp *r, const char *needle)
{
	const char	*b, *p;

	b = buf_cstr((struct buf *)&r->body);
	if ((p = strstr(b, needle)) == NULL)
		return (-1);
	return (p - b);
}

static void
menu_folds_without_javascript(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/", &r), 0);
	assert_int_equal(r.status, 200);
	/* The links sit inside a details element behind a summary. */
	assert_true(at(&r, "<details class=\"menu\">") >= 0);
	assert_true(at(&r, "<summary class=\"menu-button\">Menu") >
	    at(&r, "<details class=\"menu\">"));
	assert_true(at(&r, "<nav class=\"site-nav\"") >
	    at(&r, "<summary class=\"menu-button\">"));
	assert_true(at(&r, "</nav>") < at(&r, "</details>"));
	/* Leave this site quickly stays outside the menu, first. */
	assert_true(at(&r, "class=\"quick-exit\"") >= 0);
	assert_true(at(&r, "class=\"quick-exit\"") <
	    at(&r, "<details class=\"menu\">"));
	resp_free(&r);

	/* Staff see the open concerns beside the Menu button. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/", &r), 0);
	assert_true(at(&r, "class=\"header-count\" href=\"/safeguarding\"") >=
	    0);
	assert_true(at(&r, "class=\"header-count\"") <
	    at(&r, "<details class=\"menu\">"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/", &r), 0);
	assert_false(resp_has(&r, "class=\"header-count\""));
	resp_free(&r);
}

static void
error_summary_comes_first_and_takes_focus(void **state)
{
	struct resp	 r;

	(void)state;
	assert_int_equal(client_post(&young, "/views/new", "/views/new",
	    "title=&body=", &r), 422);
	assert_true(at(&r, "class=\"error-summary\"") >= 0);
	assert_true(at(&r, "class=\"error-summary\"") < at(&r, "<h1>"));
	assert_true(resp_has(&r, "tabindex=\"-1\" autofocus"));
	/* The long intro is folded; the first question follows soon after. */
	assert_true(at(&r, "<details class=\"panel\">") < at(&r, "id=\"cat-1\""));
	assert_true(at(&r, "id=\"cat-1\"") - at(&r, "<h1>") < 2500);
	resp_free(&r);

	/* Every form with a summary puts it first: sign in, too. */
	memset(&anon, 0, sizeof(anon));
	assert_int_equal(client_post(&anon, "/login", "/login",
	    "name=&password=", &r), 422);
	assert_true(at(&r, "class=\"error-summary\"") >= 0);
	assert_true(at(&r, "class=\"error-summary\"") < at(&r, "<h1>"));
	resp_free(&r);
}

static void
home_has_one_main_action_and_card_links(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/", &r), 0);
	/* The main action comes before the cards, and every card links. */
	assert_true(at(&r, ">Tell us something</a>") >= 0);
	assert_true(at(&r, ">Tell us something</a>") <
	    at(&r, "class=\"cards\""));
	assert_true(resp_has(&r, "class=\"card-link\" href=\"/views/new\""));
	assert_true(resp_has(&r, "class=\"card-link\" href=\"/track\""));
	assert_true(resp_has(&r, "class=\"card-link\" href=\"/pledge\""));
	resp_free(&r);
	/* A signed-in young person follows their own views. */
	resp_init(&r);
	assert_int_equal(http_get(&young, "/", &r), 0);
	assert_true(resp_has(&r, "class=\"card-link\" href=\"/views\""));
	resp_free(&r);
}

static void
pledge_tells_visitors_how_to_give_a_verdict(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/pledge", &r), 0);
	assert_true(resp_has(&r, "href=\"/login?next=/pledge/check\""));
	assert_true(resp_has(&r, "join code"));
	resp_free(&r);
	/* The sign-in it links to comes back to the check. */
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/login?next=/pledge/check", &r), 0);
	assert_true(resp_has(&r, "name=\"next\" value=\"/pledge/check\""));
	resp_free(&r);
	/* A young person signed in gets the check itself instead. */
	resp_init(&r);
	assert_int_equal(http_get(&young, "/pledge", &r), 0);
	assert_true(resp_has(&r, "href=\"/pledge/check\""));
	assert_false(resp_has(&r, "Sign in to tell us"));
	resp_free(&r);
}

/* A young person signed in on their own, whose session then ran out. */
static void
timed_out(struct client *c, char *csrf, size_t len)
{
	memset(c, 0, sizeof(*c));
	assert_int_equal(client_login(c, "Jaden", "kite-river-42"), 303);
	assert_int_equal(client_csrf(c, "/views/new", csrf, len), 0);
	assert_int_equal(db_run("UPDATE sessions SET created_at = created_at "
	    "- 864000, seen_at = seen_at - 864000 WHERE id = (SELECT max(id) "
	    "FROM sessions)"), 0);
}

static void
timed_out_send_keeps_the_words(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[512], v[256];
	int64_t		 views;

	(void)state;
	timed_out(&c, csrf, sizeof(csrf));
	views = count("SELECT count(*) FROM views");
	(void)snprintf(body, sizeof(body), "csrf=%s&title=%s&body=%s&"
	    "publish=no", csrf, url_enc("Bus passes"),
	    url_enc("We need bus passes for college.\r\nAll of us."));
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/views/new", body, &r), 0);
	/* Not a 403: the form again, words in it, and what to do. */
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "You were signed out, but your words are "
	    "safe"));
	assert_true(resp_has(&r, "value=\"Bus passes\""));
	assert_true(resp_has(&r, "We need bus passes for college.\r\nAll of "
	    "us.</textarea>"));
	assert_true(resp_has(&r, "href=\"/login?next=/views/new\""));
	assert_non_null(resp_header(&r, "set-cookie", v, sizeof(v)));
	resp_free(&r);
	/* Nothing was sent; the words wait, hashed id and all. */
	assert_int_equal(count("SELECT count(*) FROM views"), views);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE title = "
	    "'Bus passes'"), 1);

	/* Signing in again brings them back. */
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Your words are back"));
	assert_true(resp_has(&r, "value=\"Bus passes\""));
	assert_true(resp_has(&r, "We need bus passes for college.\r\nAll of "
	    "us.</textarea>"));
	resp_free(&r);
	/* Sent, the draft is gone. */
	(void)snprintf(body, sizeof(body), "category=%lld&title=%s&body=%s&"
	    "publish=no", (long long)count("SELECT id FROM categories WHERE "
	    "key = 'leisure'"), url_enc("Bus passes"), url_enc("We need bus "
	    "passes for college."));
	assert_int_equal(client_post(&c, "/views/new", "/views/new", body,
	    &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views"), views + 1);
	assert_int_equal(count("SELECT count(*) FROM drafts"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_false(resp_has(&r, "Your words are back"));
	resp_free(&r);
}

/*
 * A shared phone: Jaden's session runs out as he sends, and he walks
 * away. Whoever signs in next on that browser gets an empty form; Jaden
 * signing in again gets his words.
 */
static void
timed_out_words_are_not_the_next_persons(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[512];

	(void)state;
	if (count("SELECT count(*) FROM users WHERE name_key = 'tamsin'") ==
	    0)
		assert_int_equal(db_run("INSERT INTO users (display_name, "
		    "name_key, signin_name, signin_key, role, password_hash, "
		    "age_band, created_at) SELECT 'Tamsin', 'tamsin', 'Tamsin', "
		    "'tamsin', 'young_person', password_hash, age_band, "
		    "created_at FROM users WHERE name_key = 'jaden'"), 0);
	timed_out(&c, csrf, sizeof(csrf));
	(void)snprintf(body, sizeof(body), "csrf=%s&title=%s&body=%s&"
	    "publish=no", csrf, url_enc("Someone at school"),
	    url_enc("I fancy someone at my school"));
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/views/new", body, &r), 0);
	assert_true(resp_has(&r, "After you sign in, your words will be "
	    "back here"));
	resp_free(&r);
	/* Tamsin, next on this browser (its cookies and all). */
	assert_int_equal(client_login(&c, "Tamsin", "kite-river-42"), 303);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_false(resp_has(&r, "Someone at school"));
	assert_false(resp_has(&r, "I fancy someone"));
	assert_false(resp_has(&r, "Your words are back"));
	resp_free(&r);
	/* She sends a view of her own, then her session runs out as she
	 * writes another: her words are kept too, apart from his. */
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    "category=1&title=Tamsins+view&body=Mine&publish=no", &r), 303);
	resp_free(&r);
	assert_int_equal(client_csrf(&c, "/views/new", csrf, sizeof(csrf)),
	    0);
	assert_int_equal(db_run("UPDATE sessions SET created_at = created_at "
	    "- 864000, seen_at = seen_at - 864000 WHERE id = (SELECT max(id) "
	    "FROM sessions)"), 0);
	(void)snprintf(body, sizeof(body), "csrf=%s&title=%s&body=%s&"
	    "publish=no", csrf, url_enc("Tamsins draft"),
	    url_enc("Words of Tamsin's own"));
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/views/new", body, &r), 0);
	assert_true(resp_has(&r, "After you sign in"));
	resp_free(&r);
	/* A visitor who has not signed in sees nothing either. */
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_false(resp_has(&r, "I fancy someone"));
	assert_false(resp_has(&r, "Tamsin's own"));
	resp_free(&r);
	/* Jaden, back on the same browser, has his words, not hers. */
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_true(resp_has(&r, "Your words are back"));
	assert_true(resp_has(&r, "I fancy someone at my school</textarea>"));
	assert_false(resp_has(&r, "Tamsin&#39;s own"));
	resp_free(&r);
	assert_int_equal(client_logout(&c), 303);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE title = "
	    "'Someone at school'"), 0);
	/* And Tamsin hers. */
	assert_int_equal(client_login(&c, "Tamsin", "kite-river-42"), 303);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_true(resp_has(&r, "Words of Tamsin&#39;s own</textarea>"));
	resp_free(&r);
	assert_int_equal(client_logout(&c), 303);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE owner_id IS "
	    "NOT NULL"), 0);
}

/*
 * Jaden's form, left open on a shared phone; his session runs out and
 * Tamsin signs in; Send. Worrying words reach the workers, but never as
 * Tamsin's: not on her pages, not in her data. Jaden's own old form,
 * sent after he signs in again, is his.
 */
static void
another_persons_form_is_not_theirs(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[512];

	(void)state;
	assert_true(count("SELECT count(*) FROM users WHERE name_key = "
	    "'tamsin'") == 1);
	timed_out(&c, csrf, sizeof(csrf));
	assert_int_equal(client_login(&c, "Tamsin", "kite-river-42"), 303);
	(void)snprintf(body, sizeof(body), "csrf=%s&title=Home&body=%s&"
	    "publish=no", csrf, url_enc("My stepdad hits me when he is "
	    "drunk, Jaden here"));
	post_gets_help(&c, "/views/new", body);
	assert_int_equal(count("SELECT count(*) FROM views WHERE author_id IS "
	    "NULL AND body LIKE 'My stepdad hits me%%Jaden here'"), 1);
	assert_int_equal(count("SELECT count(*) FROM views v JOIN users u ON "
	    "u.id = v.author_id WHERE v.body LIKE '%%Jaden here'"), 0);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE text LIKE "
	    "'%%Jaden here%%' AND closed_at IS NULL"), 1);
	/* The worker is told whose sessions these were: a lead. */
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE text LIKE "
	    "'%%Jaden here%%' AND author_id IS NULL AND reason LIKE 'Sent "
	    "while Tamsin (account %lld) was signed in, on a form opened "
	    "while Jaden (account %lld) was signed in. Kept without an "
	    "account: it could be from either of them.%%'", (long long)
	    count("SELECT id FROM users WHERE name_key = 'tamsin'"),
	    (long long)count("SELECT id FROM users WHERE name_key = "
	    "'jaden'")), 1);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/account/data", &r), 0);
	assert_false(resp_has(&r, "Jaden here"));
	resp_free(&r);
	assert_int_equal(client_logout(&c), 303);

	/* His own old form, sent once he is back: his. */
	timed_out(&c, csrf, sizeof(csrf));
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	(void)snprintf(body, sizeof(body), "csrf=%s&title=Home&body=%s&"
	    "publish=no", csrf, url_enc("My stepdad hits me, Jaden again"));
	post_gets_help(&c, "/views/new", body);
	assert_int_equal(count("SELECT count(*) FROM views v JOIN users u ON "
	    "u.id = v.author_id WHERE u.name_key = 'jaden' AND v.body LIKE "
	    "'%%Jaden again'"), 1);
	assert_int_equal(client_logout(&c), 303);

	/* So is any other form of his (a Pledge comment). */
	timed_out(&c, csrf, sizeof(csrf));
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	(void)snprintf(body, sizeof(body), "csrf=%s&v_%lld=no&c_%lld=%s", csrf,
	    (long long)count("SELECT min(id) FROM promises"),
	    (long long)count("SELECT min(id) FROM promises"),
	    url_enc("My foster carer hits me, Jaden on the Pledge"));
	post_gets_help(&c, "/pledge/check", body);
	assert_int_equal(count("SELECT count(*) FROM views v JOIN users u ON "
	    "u.id = v.author_id WHERE u.name_key = 'jaden' AND v.body LIKE "
	    "'%%Jaden on the Pledge'"), 1);
	assert_int_equal(client_logout(&c), 303);
}

static void
timed_out_worrying_words_reach_workers(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[512];

	(void)state;
	timed_out(&c, csrf, sizeof(csrf));
	(void)snprintf(body, sizeof(body), "csrf=%s&title=&body=%s", csrf,
	    url_enc("I want to hurt myself when they move me again."));
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/views/new", body, &r), 0);
	assert_true(resp_has(&r, "We are here to help"));
	assert_true(resp_has(&r, "You were signed out, so this is not in "
	    "\"My views\""));
	assert_true(resp_has(&r, "id=\"track-code\""));
	resp_free(&r);
	/* Kept as a view without an account, flagged for workers, who
	 * are told whose session had run out. */
	assert_int_equal(count("SELECT count(*) FROM views WHERE author_id IS "
	    "NULL AND body = 'I want to hurt myself when they move me "
	    "again.'"), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE text LIKE "
	    "'%%when they move me again.%%' AND author_id IS NULL AND reason "
	    "LIKE 'Sent after the session of Jaden (account %lld) had run "
	    "out%%'", (long long)count("SELECT id FROM users WHERE name_key = "
	    "'jaden'")), 1);
	assert_int_equal(count("SELECT count(*) FROM drafts"), 0);
}

static void
forged_stale_posts_change_nothing(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[512];
	const char	*evil[] = {
	    "Content-Type: application/x-www-form-urlencoded",
	    "Origin: https://attacker.example", NULL };
	const char	*fetch[] = {
	    "Content-Type: application/x-www-form-urlencoded",
	    "Sec-Fetch-Site: cross-site", NULL };
	int64_t		 views;

	(void)state;
	timed_out(&c, csrf, sizeof(csrf));
	views = count("SELECT count(*) FROM views");
	(void)snprintf(body, sizeof(body), "csrf=%s&title=x&body=%s", csrf,
	    url_enc("I want to hurt myself"));
	resp_init(&r);
	assert_int_equal(http_request(&c, "POST", "/views/new", body,
	    strlen(body), evil, &r), 0);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_request(&c, "POST", "/views/new", body,
	    strlen(body), fetch, &r), 0);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	/* Without any token it is refused too, the words back to copy. */
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/views/new", "title=x&body="
	    "Bigger+bins", &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, ">Bigger bins</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views"), views);
	assert_int_equal(count("SELECT count(*) FROM drafts"), 0);
}

/*
 * A form of choices only ("Did it happen?"), sent after the session ran
 * out: no words to keep, but the page says they were signed out and
 * leads back through signing in, not only "Error 403". A browser that
 * says nothing of the form's origin gets typed words back to copy.
 */
static void
timed_out_choices_say_signed_out(void **state)
{
	static const char *const form_only[] = { "Content-Type: "
	    "application/x-www-form-urlencoded", NULL };
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[256];

	(void)state;
	timed_out(&c, csrf, sizeof(csrf));
	(void)snprintf(body, sizeof(body), "csrf=%s&answer=yes", csrf);
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/actions/1/happened", body, &r),
	    0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "You were signed out"));
	assert_true(resp_has(&r, "href=\"/login?next=/\">Sign in again"));
	assert_false(resp_has(&r, "Error 403"));
	resp_free(&r);
	/* A browser that sends neither Origin nor Sec-Fetch-Site (an old
	 * one): typed words come back to copy, and nothing is kept. */
	timed_out(&c, csrf, sizeof(csrf));
	(void)snprintf(body, sizeof(body), "csrf=%s&title=Old&body=%s", csrf,
	    url_enc("Words from an old phone, my carer hits me"));
	resp_init(&r);
	assert_int_equal(http_request(&c, "POST", "/views/new", body,
	    strlen(body), form_only, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "Words from an old phone"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body LIKE "
	    "'Words from an old phone%%'"), 0);
	/* A forged token from nowhere is still only refused. */
	memset(&c, 0, sizeof(c));
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/actions/1/happened",
	    "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&answer=yes", &r),
	    0);
	assert_int_equal(r.status, 403);
	assert_false(resp_has(&r, "You were signed out"));
	resp_free(&r);
}

/*
 * Signed out on purpose, the forms that session gave are nobody's: words
 * sent on one later (someone else on the phone) are not kept for, or
 * named as, the person who signed out. Nothing typed on the sign-in
 * form is kept (a sign-in name is private).
 */
static void
signed_out_forms_are_nobodys(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[512];

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	assert_int_equal(client_csrf(&c, "/views/new", csrf, sizeof(csrf)), 0);
	assert_int_equal(client_logout(&c), 303);
	(void)snprintf(body, sizeof(body), "csrf=%s&title=Rowan&body=%s",
	    csrf, url_enc("Rowan here: more say in contact visits"));
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/views/new", body, &r), 0);
	assert_true(resp_has(&r, "Rowan here: more say in contact visits"));
	assert_false(resp_has(&r, "After you sign in, your words will be"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE body LIKE "
	    "'Rowan here%%'"), 0);
	(void)snprintf(body, sizeof(body), "csrf=%s&title=Home&body=%s", csrf,
	    url_enc("my foster dad touches me, Rowan"));
	post_gets_help(&c, "/views/new", body);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE text LIKE "
	    "'%%touches me, Rowan%%' AND reason NOT LIKE '%%Jaden%%'"), 1);

	/* The sign-in form, gone stale: nothing kept or shown back. */
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/login", "csrf=stale-token-0000&"
	    "name=i+want+to+kill+myself&password=x", &r), 0);
	assert_int_equal(r.status, 403);
	assert_false(resp_has(&r, "i want to kill myself"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE title = 'From "
	    "the page /login'"), 0);
}

/* Other young people's forms: a stale Send shows the words to copy. */
static void
timed_out_other_forms_show_the_words(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[512];
	int64_t		 before, promise;

	(void)state;
	timed_out(&c, csrf, sizeof(csrf));
	before = count("SELECT count(*) FROM verdicts");
	(void)snprintf(body, sizeof(body), "csrf=%s&v_1=no&c_1=%s", csrf,
	    url_enc("My review was moved three times & nobody said why."));
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/pledge/check", body, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "Your words are safe here"));
	assert_true(resp_has(&r, "My review was moved three times &amp; "
	    "nobody said why.</textarea>"));
	assert_true(resp_has(&r, "href=\"/login?next=/pledge/check\""));
	assert_false(resp_has(&r, csrf));
	/* Said where it was typed; the answer chosen is no "words". */
	assert_true(resp_has(&r, "Your comment on a promise"));
	assert_false(resp_has(&r, ">no</textarea>"));
	assert_false(resp_has(&r, "Error 403"));
	resp_free(&r);
	/* Nothing was saved. */
	assert_int_equal(count("SELECT count(*) FROM verdicts"), before);
	/* Still signed in, with a page open too long: not told to sign in
	 * again, and choices (a Pledge answer, a consultation's scale or
	 * option, an age band) are not words. */
	(void)snprintf(body, sizeof(body), "csrf=stale-token&action=suggest&"
	    "text=%s&v_1=not_sure&q%lld=3&q%lld=12&age_band=16_17",
	    url_enc("Nobody asks me."), (long long)count("SELECT coalesce("
	    "min(id), 99998) FROM consult_questions WHERE kind = 'scale'"),
	    (long long)count("SELECT coalesce(min(id), 99999) FROM "
	    "consult_questions WHERE kind = 'one'"));
	resp_init(&r);
	assert_int_equal(http_post_form(&young, "/meetings/1", body, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "Nobody asks me.</textarea>"));
	assert_true(resp_has(&r, "open a long time"));
	/* The headline says to copy first, never "reload the page". */
	assert_true(resp_has(&r, "copy them before you do anything else"));
	assert_false(resp_has(&r, "reload the page"));
	resp_free(&r);
	/* A form's own switches ("close=1") are not words either. */
	resp_init(&r);
	assert_int_equal(http_post_form(&young, "/account/data", "csrf=stale-"
	    "token&close=1&close_words=I+want+to+leave+this+site", &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "I want to leave this site</textarea>"));
	assert_false(resp_has(&r, ">1</textarea>"));
	assert_false(resp_has(&r, "sign in again"));
	assert_false(resp_has(&r, "not_sure"));
	assert_false(resp_has(&r, ">3</textarea>"));
	assert_false(resp_has(&r, ">12</textarea>"));
	assert_false(resp_has(&r, ">16_17</textarea>"));
	resp_free(&r);
	/* The Pledge check itself comes back filled in, to save again. */
	promise = count("SELECT min(p.id) FROM promises p JOIN "
	    "pledge_versions v ON v.id = p.version_id WHERE v.state = "
	    "'current'");
	(void)snprintf(body, sizeof(body), "csrf=stale-token&v_%lld=partly&"
	    "c_%lld=%s", (long long)promise, (long long)promise,
	    url_enc("Only sometimes."));
	resp_init(&r);
	assert_int_equal(http_post_form(&young, "/pledge/check", body, &r), 0);
	assert_int_equal(r.status, 422);
	assert_true(resp_has(&r, "This page was open a long time"));
	assert_true(resp_has(&r, "Only sometimes.</textarea>"));
	(void)snprintf(body, sizeof(body), "name=\"v_%lld\" value=\"partly\" "
	    "checked", (long long)promise);
	assert_true(resp_has(&r, body));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM verdicts"), before);
}

static void
views_say_when_and_what_next(void **state)
{
	struct resp	 r;
	char		 body[512], loc[128];
	int64_t		 id;

	(void)state;
	/* A view just sent says when a worker reads it, and councillors. */
	(void)snprintf(body, sizeof(body), "category=%lld&title=%s&body=%s&"
	    "publish=no", (long long)count("SELECT id FROM categories WHERE "
	    "key = 'education'"), url_enc("Homework clubs"), url_enc("Can we "
	    "have a homework club near us?"));
	assert_int_equal(client_post(&young, "/views/new", "/views/new", body,
	    &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, loc, &r), 0);
	assert_true(resp_has(&r, "id=\"when-read\">A worker will read it "));
	assert_true(resp_has(&r, "they answer within 20 working days."));
	resp_free(&r);
	/* Without an account, the confirmation says it too. */
	memset(&anon, 0, sizeof(anon));
	assert_int_equal(client_post(&anon, "/views/new", "/views/new", body,
	    &r), 200);
	assert_true(resp_has(&r, "We got your view"));
	assert_true(resp_has(&r, "A worker will read it "));
	assert_true(resp_has(&r, "within 20 working days."));
	resp_free(&r);

	/* A "Not agreed" is not green, and says what to do next. */
	id = count("SELECT v.id FROM views v JOIN users u ON u.id = "
	    "v.author_id JOIN issues i ON i.id = v.issue_id WHERE "
	    "u.name_key = 'jaden' AND i.decision = 'agreed' LIMIT 1");
	assert_true(id > 0);
	(void)snprintf(loc, sizeof(loc), "/views/%lld", (long long)id);
	resp_init(&r);
	assert_int_equal(http_get(&young, loc, &r), 0);
	assert_true(resp_has(&r, "<div class=\"notice success\">"));
	assert_false(resp_has(&r, "id=\"what-next\""));
	resp_free(&r);
	assert_int_equal(db_run("UPDATE issues SET decision = 'not_agreed', "
	    "reason = 'No money this year.' WHERE id = (SELECT issue_id FROM "
	    "views WHERE author_id = (SELECT id FROM users WHERE name_key = "
	    "'jaden') AND issue_id IS NOT NULL AND issue_id IN (SELECT id "
	    "FROM issues WHERE decision = 'agreed') LIMIT 1)"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, loc, &r), 0);
	assert_true(resp_has(&r, "The answer: Not agreed"));
	assert_false(resp_has(&r, "<div class=\"notice success\">"));
	assert_true(resp_has(&r, "id=\"what-next\""));
	/* Reply, or ask for it to be looked at again (answerback.c). */
	assert_true(resp_has(&r, "Reply to the answer</a>"));
	assert_true(resp_has(&r, "Ask for it to be looked at again</a>"));
	/* The demo council's own advocacy number, as a call button. */
	assert_true(resp_has(&r, "href=\"tel:01632960002\">Call 01632 960 "
	    "002</a>"));
	resp_free(&r);
}

static void
words_not_codes_and_things_to_tap(void **state)
{
	struct resp	 r;
	char		 path[64];
	int64_t		 id;

	(void)state;
	/* A worker reads the author's age in words, never "12_15". */
	id = count("SELECT v.id FROM views v JOIN users u ON u.id = "
	    "v.author_id WHERE u.age_band = '12_15' LIMIT 1");
	assert_true(id > 0);
	(void)snprintf(path, sizeof(path), "/moderation/%lld", (long long)id);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "(12 to 15)"));
	assert_false(resp_has(&r, "12_15"));
	resp_free(&r);
	/* Help lines are call buttons; wide tables scroll by keyboard. */
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/", &r), 0);
	assert_true(resp_has(&r, "class=\"call\" href=\"tel:08001111\">Call "
	    "0800 1111</a>"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/accounts", &r), 0);
	assert_true(resp_has(&r, "class=\"table-scroll\" tabindex=\"0\" "
	    "role=\"region\" aria-label=\""));
	/* Young people's pages get the warmer look; staff pages do not. */
	assert_false(resp_has(&r, "<body class=\"young\" "));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/", &r), 0);
	assert_true(resp_has(&r, "<body class=\"young\" "));
	assert_true(resp_has(&r, "src=\"/assets/icon-speak.svg\" alt=\"\""));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/assets/icon-speak.svg", &r), 0);
	assert_int_equal(r.status, 200);
	resp_free(&r);
}

/* A wrong code's message gives the same example as the hint under the
 * box, not a second one ("XXXX-XXXX-XXXX-XXXX"). */
static void
join_error_and_hint_agree(void **state)
{
	struct client	 c;
	struct resp	 r;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(client_post(&c, "/join", "/join",
	    "code=AAAA-BBBB-CCCC-DDDD", &r), 422);
	assert_true(resp_has(&r, "We cannot find that code"));
	/* The shape is the hint's to say; the message says what to do
	 * when a code typed just right is still unknown (review 112). */
	assert_int_equal(resp_count(&r, "It looks like 7K2M-Q9XD-HT4R-PWZ3"),
	    1);
	assert_true(resp_has(&r, "ask the person who gave it to you for a new "
	    "one"));
	assert_false(resp_has(&r, "XXXX"));
	resp_free(&r);
}

static void
devices_in_words(void **state)
{
	struct resp	 r;

	(void)state;
	assert_int_equal(db_run("UPDATE sessions SET agent = 'Mozilla/5.0 "
	    "(Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like "
	    "Gecko) Chrome/126.0.0.0 Mobile Safari/537.36' WHERE user_id = "
	    "(SELECT id FROM users WHERE name_key = 'jaden')"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<td>Chrome on Android</td>"));
	assert_false(resp_has(&r, "Mozilla/5.0"));
	resp_free(&r);
}

/*
 * Whether the style sheet sets any text under 16px (1rem) outside the
 * printed paper form: print sizes in pt are left alone.
 */
static int
css_has_small_text(const char *css)
{
	const char	*p, *sel, *v;
	char		*end;
	double		 n;

	for (p = css; (p = strstr(p, "font-size:")) != NULL; p++) {
		v = p + strlen("font-size:");
		n = strtod(v, &end);
		if (end == v)
			continue;
		/* Its rule, selector and all: from the last rule's end. */
		for (sel = p; sel > css && sel[-1] != '}'; sel--)
			;
		if (memmem(sel, (size_t)(p - sel), "paper", 5) != NULL)
			continue;
		if ((strncmp(end, "rem", 3) == 0 && n < 1) ||
		    (strncmp(end, "px", 2) == 0 && n < 16))
			return (1);
	}
	return (0);
}

/* The page at path as c holds want. */
static void
page_has(struct client *c, const char *path, const char *want)
{
	struct resp	 r;

	resp_init(&r);
	assert_int_equal(http_get(c, path, &r), 0);
	assert_int_equal(r.status, 200);
	if (!resp_has(&r, want))
		fail_msg("%s lacks %s", path, want);
	resp_free(&r);
}

/*
 * Young people's pages on a phone: no text under 16px (status tags,
 * timeline dates, the menu's count were 15.2 and 14.4px), and a link on
 * a line of its own is 44px tall, not the 20px of its words
 * (tests/browser/journeys.mjs measures both in Chromium).
 */
static void
text_16px_and_links_a_thumb_tall(void **state)
{
	struct resp	 r;
	char		 path[64];
	int64_t		 id;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/assets/site.css", &r), 0);
	assert_int_equal(r.status, 200);
	assert_false(css_has_small_text(buf_cstr(&r.body)));
	assert_true(resp_has(&r, ".link-line a, a.tap { display: inline-flex; "
	    "align-items: center; min-height: 44px; }"));
	resp_free(&r);
	page_has(&young, "/notifications", "<a class=\"tap\" href=\"/views/");
	page_has(&young, "/pledge/scorecard", "<p class=\"link-line\"><a "
	    "href=\"/pledge/scorecard.csv\" download>");
	page_has(&young, "/pledge", "<p class=\"link-line\"><a href=\"/pledge/"
	    "scorecard\">See it as a table</a> · <a href=\"/pledge/versions\">"
	    "Every version</a>");
	(void)snprintf(path, sizeof(path), "/meetings/%lld", (long long)count(
	    "SELECT min(id) FROM meetings"));
	page_has(&young, path, "<p class=\"link-line\"><a href=\"/meetings\">"
	    "All meetings</a>");
	/* The home page's card titles and "Answer them here", and "Show
	 * easier words" on a consultation's questions. */
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/assets/site.css", &r), 0);
	assert_true(resp_has(&r, ".card-link { text-decoration: underline; "
	    "display: inline-flex;\n  align-items: center; min-height: 44px; "
	    "}"));
	resp_free(&r);
	page_has(&young, "/", "<a class=\"tap\" href=\"/consultations\">"
	    "Answer them here</a>");
	id = count("SELECT min(id) FROM consultations WHERE state = 'open'");
	(void)snprintf(path, sizeof(path), "/consultations/%lld",
	    (long long)id);
	assert_int_equal(client_post(&young, path, path, "who=anonymous", &r),
	    303);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/consultations/%lld/answer",
	    (long long)id);
	page_has(&young, path, "<p class=\"link-line\"><a href=\"?page=");
	page_has(&young, path, ">Show easier words</a></p>");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(menu_folds_without_javascript),
		cmocka_unit_test(error_summary_comes_first_and_takes_focus),
		cmocka_unit_test(home_has_one_main_action_and_card_links),
		cmocka_unit_test(pledge_tells_visitors_how_to_give_a_verdict),
		cmocka_unit_test(timed_out_send_keeps_the_words),
		cmocka_unit_test(timed_out_words_are_not_the_next_persons),
		cmocka_unit_test(timed_out_worrying_words_reach_workers),
		cmocka_unit_test(forged_stale_posts_change_nothing),
		cmocka_unit_test(timed_out_other_forms_show_the_words),
		cmocka_unit_test(timed_out_choices_say_signed_out),
		cmocka_unit_test(signed_out_forms_are_nobodys),
		cmocka_unit_test(views_say_when_and_what_next),
		cmocka_unit_test(words_not_codes_and_things_to_tap),
		cmocka_unit_test(devices_in_words),
		cmocka_unit_test(join_error_and_hint_agree),
		cmocka_unit_test(text_16px_and_links_a_thumb_tall),
		cmocka_unit_test(another_persons_form_is_not_theirs),
	};

	return (cmocka_run_group_tests_name("http_phone", tests,
	    demo_group_setup, group_teardown_server));
}
