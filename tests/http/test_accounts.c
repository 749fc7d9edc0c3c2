/*
 * test_accounts.c: accounts over real HTTP: invite -> join -> sign in ->
 * sign out for every role, codes that are used or expired, CSRF and
 * cross-site refusals, session fixation, dead sessions, role boundaries,
 * the audit log and throttling, and what a person turned off still held
 * (issues, actions, Pledge promises) told to the workers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db.h"
#include "harness.h"

#define ADMIN_NAME	"Alex Morgan"
#define ADMIN_PW	"admin-demo-2026"
#define WORKER_NAME	"Priya Shah"
#define WORKER_PW	"worker-demo-2026"

#define between		resp_between
#define post		client_post
#define login		client_login
#define logout		client_logout
#define status_of	client_status
#define enc		url_enc

/* As a signed-in manager, make an invite for role; returns the code. */
static void
make_invite(struct client *mgr, const char *role, char *code, size_t len)
{
	struct resp	 r;
	char		 form[64];

	(void)snprintf(form, sizeof(form), "role=%s", role);
	assert_int_equal(post(mgr, "/accounts", "/accounts/invite", form, &r),
	    200);
	assert_non_null(between(&r, "id=\"code\">", "</p>", code, len));
	resp_free(&r);
}

static long
join(struct client *c, const char *code, const char *name, const char *pw,
    int young, struct resp *r)
{
	struct resp	 step;
	char		 form[1024];

	(void)snprintf(form, sizeof(form), "code=%s", code);
	assert_int_equal(post(c, "/join", "/join", form, &step), 200);
	resp_free(&step);
	/* Each signs in with "me " and their name: a name nobody sees. */
	(void)snprintf(form, sizeof(form), "code=%s&name=%s&signin=me+%s&"
	    "password=%s&password2=%s%s", code, enc(name), enc(name), enc(pw),
	    enc(pw), young ? "&age_band=12_15&area=outside" : "");
	return (post(c, "/join", "/join/finish", form, r));
}

static int64_t
count(const char *sql)
{
	int64_t	 n;

	n = db_count(sql);
	assert_true(n >= 0);
	return (n);
}

static void
exec_sql(const char *sql)
{
	assert_int_equal(db_run(sql), 0);
}

static void
journey_for_every_role(void **state)
{
	static const char *roles[] = { "young_person",
	    "participation_worker", "councillor", "admin" };
	static const char *names[] = { "Sky Walker", "Wendy Worker",
	    "Cllr Cara Bell", "Ada Admin" };
	struct client	 admin, c;
	struct resp	 r;
	char		 code[64], loc[256], me[64];
	size_t		 i;

	(void)state;
	memset(&admin, 0, sizeof(admin));
	assert_int_equal(login(&admin, ADMIN_NAME, ADMIN_PW), 303);
	for (i = 0; i < 4; i++) {
		memset(&c, 0, sizeof(c));
		make_invite(&admin, roles[i], code, sizeof(code));
		/* Four groups of four a person can type. */
		assert_int_equal(strlen(code), 19);
		assert_int_equal(join(&c, code, names[i], "a-good-long-secret",
		    i == 0, &r), 303);
		/* A young person is welcomed; staff start at their work. */
		assert_string_equal(resp_header(&r, "location", loc,
		    sizeof(loc)), i == 0 ? "/welcome" : "/start");
		resp_free(&r);
		/* Signed in straight away. */
		resp_init(&r);
		assert_int_equal(http_get(&c, loc, &r), 0);
		assert_int_equal(r.status, 200);
		assert_true(resp_has(&r, "Welcome! Your account is ready."));
		assert_true(resp_has(&r, names[i]));
		resp_free(&r);
		assert_int_equal(status_of(&c, "/account"), 200);
		/* Out, and the page is gone; in again with the password. */
		assert_int_equal(logout(&c), 303);
		assert_int_equal(status_of(&c, "/account"), 303);
		/* The display name does not sign anyone in. */
		assert_int_equal(login(&c, names[i], "a-good-long-secret"),
		    422);
		(void)snprintf(me, sizeof(me), "me %s", names[i]);
		assert_int_equal(login(&c, me, "a-good-long-secret"), 303);
		assert_int_equal(status_of(&c, "/account"), 200);
	}
	assert_int_equal(count("SELECT count(*) FROM users WHERE name_key = "
	    "'sky walker' AND age_band = '12_15' AND lives_outside = 1"), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'invite.create'"), 4);
	assert_true(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'account.create' AND actor_name = 'Ada Admin'") == 1);
	assert_true(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'signout'") >= 4);
	assert_true(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'signin.success'") >= 5);
	/* No secret ever reaches the log. */
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE detail "
	    "LIKE '%secret%' OR detail LIKE '%demo-2026%'"), 0);
}

static void
used_and_expired_codes(void **state)
{
	struct client	 admin, a, b;
	struct resp	 r;
	char		 code[64], form[128];

	(void)state;
	memset(&admin, 0, sizeof(admin));
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	assert_int_equal(login(&admin, ADMIN_NAME, ADMIN_PW), 303);
	make_invite(&admin, "young_person", code, sizeof(code));
	assert_int_equal(join(&a, code, "First User", "one-good-password",
	    1, &r), 303);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "code=%s", code);
	assert_int_equal(post(&b, "/join", "/join", form, &r), 422);
	assert_true(resp_has(&r, "already been used"));
	resp_free(&r);

	make_invite(&admin, "young_person", code, sizeof(code));
	exec_sql("UPDATE invites SET expires_at = 1 WHERE used_at IS NULL");
	(void)snprintf(form, sizeof(form), "code=%s", code);
	assert_int_equal(post(&b, "/join", "/join", form, &r), 422);
	assert_true(resp_has(&r, "run out"));
	/* What was typed is kept. */
	assert_true(resp_has(&r, code));
	resp_free(&r);
	assert_int_equal(post(&b, "/join", "/join", "code=NOPE-NOPE", &r),
	    422);
	assert_true(resp_has(&r, "We cannot find that code"));
	resp_free(&r);
}

static void
join_form_keeps_input_and_explains(void **state)
{
	struct client	 admin, c;
	struct resp	 r;
	char		 code[64], form[512];

	(void)state;
	memset(&admin, 0, sizeof(admin));
	memset(&c, 0, sizeof(c));
	assert_int_equal(login(&admin, WORKER_NAME, WORKER_PW), 303);
	make_invite(&admin, "young_person", code, sizeof(code));
	/* A right-to-left override hidden in the name; passwords differ. */
	(void)snprintf(form, sizeof(form), "code=%s&name=Ja%%E2%%80%%AEden&"
	    "password=abc&password2=abd&age_band=16_17", code);
	assert_int_equal(post(&c, "/join", "/join/finish", form, &r), 422);
	assert_true(resp_has(&r, "There is a problem"));
	assert_true(resp_has(&r, "hidden character"));
	assert_true(resp_has(&r, "at least 8 characters"));
	assert_true(resp_has(&r, "Choose where you live"));
	assert_true(resp_has(&r, "href=\"#name\""));
	assert_true(resp_has(&r, "value=\"16_17\" checked"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "code=%s&name=Admin&"
	    "password=long-enough-pw&password2=long-enough-pw&age_band=16_17"
	    "&area=inside", code);
	assert_int_equal(post(&c, "/join", "/join/finish", form, &r), 422);
	assert_true(resp_has(&r, "sound like a member of staff"));
	resp_free(&r);
	/* Nothing was created, and the code still works. */
	assert_int_equal(count("SELECT count(*) FROM users WHERE name_key = "
	    "'admin'"), 0);
	assert_int_equal(join(&c, code, "Jaden Two", "long-enough-pw", 1, &r),
	    303);
	resp_free(&r);
}

static void
csrf_and_cross_site_refused(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[256];
	const char	*evil[] = {
	    "Content-Type: application/x-www-form-urlencoded",
	    "Origin: http://evil.example", NULL };
	const char	*fetch[] = {
	    "Content-Type: application/x-www-form-urlencoded",
	    "Sec-Fetch-Site: cross-site", NULL };
	int64_t		 before;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(login(&c, WORKER_NAME, WORKER_PW), 303);
	before = count("SELECT count(*) FROM audit_log");
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/account/sessions", "", &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "That did not work"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/account/sessions",
	    "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &r), 0);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	/* The right token from the wrong site. */
	assert_int_equal(client_csrf(&c, "/account", csrf, sizeof(csrf)), 0);
	(void)snprintf(body, sizeof(body), "csrf=%s", csrf);
	resp_init(&r);
	assert_int_equal(http_request(&c, "POST", "/account/sessions", body,
	    strlen(body), evil, &r), 0);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_request(&c, "POST", "/account/sessions", body,
	    strlen(body), fetch, &r), 0);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	/* Sign-out is a POST too: a link or image cannot sign anyone out. */
	assert_int_equal(status_of(&c, "/logout"), 405);
	assert_int_equal(status_of(&c, "/account"), 200);
	assert_int_equal(count("SELECT count(*) FROM audit_log"), before);
}

static void
session_fixation_and_dead_cookies(void **state)
{
	struct client	 c, thief;
	char		 fixed[80], *v;

	(void)state;
	memset(&c, 0, sizeof(c));
	memset(&thief, 0, sizeof(thief));
	/* A cookie planted before sign-in is never honoured. */
	(void)snprintf(fixed, sizeof(fixed), "portal=%s",
	    "FixedFixedFixedFixedFixedFixedFixedFixed123");
	(void)snprintf(c.cookies, sizeof(c.cookies), "%s", fixed);
	assert_int_equal(login(&c, WORKER_NAME, WORKER_PW), 303);
	assert_null(strstr(c.cookies, fixed));
	(void)snprintf(thief.cookies, sizeof(thief.cookies), "%s", fixed);
	assert_int_equal(status_of(&thief, "/account"), 303);
	/* A copied live cookie stops working when its owner signs out. */
	v = strstr(c.cookies, "portal=");
	assert_non_null(v);
	(void)snprintf(thief.cookies, sizeof(thief.cookies), "%.50s", v);
	assert_int_equal(status_of(&thief, "/account"), 200);
	assert_int_equal(logout(&c), 303);
	assert_int_equal(status_of(&thief, "/account"), 303);
}

static void
disabled_accounts_lose_their_sessions(void **state)
{
	struct client	 worker, young;
	struct resp	 r;
	char		 code[64], path[64], loc[128];
	int64_t		 id;

	(void)state;
	memset(&worker, 0, sizeof(worker));
	memset(&young, 0, sizeof(young));
	assert_int_equal(login(&worker, WORKER_NAME, WORKER_PW), 303);
	make_invite(&worker, "young_person", code, sizeof(code));
	assert_int_equal(join(&young, code, "Rowan", "rowan-long-pass", 1,
	    &r), 303);
	resp_free(&r);
	assert_int_equal(status_of(&young, "/account"), 200);
	id = count("SELECT id FROM users WHERE name_key = 'rowan'");
	(void)snprintf(path, sizeof(path), "/accounts/%lld/disable",
	    (long long)id);
	assert_int_equal(post(&worker, "/accounts", path, "", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account", &r), 0);
	assert_int_equal(r.status, 303);
	assert_string_equal(resp_header(&r, "location", loc, sizeof(loc)),
	    "/login?next=/account");
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "name=me+Rowan&password=rowan-"
	    "long-pass");
	/* The right password of a turned-off account gets the words of a
	 * wrong one: the answer does not say the password was right. */
	assert_int_equal(post(&young, "/login", "/login", path, &r), 422);
	assert_false(resp_has(&r, "turned off"));
	assert_true(resp_has(&r, "do not match an account"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'account.disable'"), 1);
}

static void
roles_cannot_see_each_others_pages(void **state)
{
	struct client	 young, worker, cllr, anon;
	struct resp	 r;
	char		 path[64], loc[128];
	int64_t		 admin_id;

	(void)state;
	memset(&young, 0, sizeof(young));
	memset(&worker, 0, sizeof(worker));
	memset(&cllr, 0, sizeof(cllr));
	memset(&anon, 0, sizeof(anon));
	assert_int_equal(login(&young, "Jaden", "kite-river-42"), 303);
	assert_int_equal(login(&worker, WORKER_NAME, WORKER_PW), 303);
	assert_int_equal(login(&cllr, "Cllr Sam Okafor",
	    "councillor-demo-2026"), 303);
	assert_int_equal(status_of(&young, "/accounts"), 404);
	assert_int_equal(status_of(&young, "/admin/audit"), 404);
	assert_int_equal(status_of(&cllr, "/accounts"), 404);
	assert_int_equal(status_of(&worker, "/admin/audit"), 404);
	assert_int_equal(status_of(&worker, "/accounts"), 200);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/admin/audit", &r), 0);
	assert_int_equal(r.status, 303);
	assert_string_equal(resp_header(&r, "location", loc, sizeof(loc)),
	    "/login?next=/admin/audit");
	resp_free(&r);
	/* A worker may not touch staff accounts, nor invite them: the
	 * same answer as for an id that does not exist. */
	admin_id = count("SELECT id FROM users WHERE role = 'admin' LIMIT 1");
	(void)snprintf(path, sizeof(path), "/accounts/%lld/disable",
	    (long long)admin_id);
	assert_int_equal(post(&worker, "/accounts", path, "", &r), 404);
	resp_free(&r);
	assert_int_equal(post(&worker, "/accounts", "/accounts/99999/disable",
	    "", &r), 404);
	resp_free(&r);
	assert_int_equal(post(&worker, "/accounts", "/accounts/invite",
	    "role=admin", &r), 422);
	assert_true(resp_has(&r, "cannot invite"));
	resp_free(&r);
	/* Extra fields change nothing. */
	assert_int_equal(post(&young, "/account", "/account/sessions",
	    "role=admin&user_id=1", &r), 303);
	resp_free(&r);
	assert_int_equal(status_of(&young, "/accounts"), 404);
	assert_int_equal(count("SELECT count(*) FROM users WHERE role = "
	    "'admin' AND name_key = 'jaden'"), 0);
}

static void
account_changes_need_the_password(void **state)
{
	struct client	 a, b;
	struct resp	 r;

	(void)state;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	assert_int_equal(login(&a, "Cllr Sam Okafor", "councillor-demo-2026"),
	    303);
	assert_int_equal(login(&b, "Cllr Sam Okafor", "councillor-demo-2026"),
	    303);
	assert_int_equal(post(&a, "/account", "/account/name",
	    "new_name=Cllr+Sam+O&current=wrong-password", &r), 422);
	assert_true(resp_has(&r, "That password is not right"));
	assert_true(resp_has(&r, "value=\"Cllr Sam O\""));
	resp_free(&r);
	assert_int_equal(post(&a, "/account", "/account/password",
	    "current_pw=councillor-demo-2026&new_password=another-long-one&"
	    "new_password2=another-long-one", &r), 303);
	resp_free(&r);
	/* The other device was signed out; this one was not. */
	assert_int_equal(status_of(&b, "/account"), 303);
	assert_int_equal(status_of(&a, "/account"), 200);
	assert_int_equal(login(&b, "Cllr Sam Okafor", "another-long-one"),
	    303);
	assert_int_equal(post(&a, "/account", "/account/password",
	    "current_pw=another-long-one&new_password=councillor-demo-2026&"
	    "new_password2=councillor-demo-2026", &r), 303);
	resp_free(&r);
}

/*
 * A young person who grows up or moves says so on /account: a choice
 * left out comes back with the other kept (422), a good one is saved
 * with plain thanks, and the audit row says it changed, never to what.
 * Staff have no such form.
 */
static void
young_person_changes_age_and_area(void **state)
{
	struct client	 y, w;
	struct resp	 r;

	(void)state;
	memset(&y, 0, sizeof(y));
	memset(&w, 0, sizeof(w));
	assert_int_equal(login(&y, "Jaden", "kite-river-42"), 303);
	assert_int_equal(login(&w, WORKER_NAME, WORKER_PW), 303);
	resp_init(&r);
	assert_int_equal(http_get(&y, "/account", &r), 0);
	assert_true(resp_has(&r, "How old are you?"));
	resp_free(&r);
	assert_int_equal(post(&y, "/account", "/account",
	    "details=1&age_band=18_21", &r), 422);
	assert_true(resp_has(&r, "Choose where you live."));
	assert_true(resp_has(&r, "value=\"18_21\" checked"));
	resp_free(&r);
	assert_int_equal(post(&y, "/account", "/account",
	    "details=1&age_band=nineteen&area=outside", &r), 422);
	assert_true(resp_has(&r, "Choose how old you are."));
	assert_true(resp_has(&r, "value=\"outside\" checked"));
	resp_free(&r);
	assert_int_equal(post(&y, "/account", "/account",
	    "details=1&age_band=18_21&area=outside", &r), 303);
	resp_free(&r);
	assert_int_equal(db_count("SELECT count(*) FROM users WHERE name_key = "
	    "'jaden' AND age_band = '18_21' AND lives_outside = 1"), 1);
	assert_int_equal(db_count("SELECT count(*) FROM audit_log a JOIN users "
	    "u ON u.id = a.object_id WHERE u.name_key = 'jaden' AND a.action "
	    "= 'account.details' AND a.detail = ''"), 1);
	resp_init(&r);
	assert_int_equal(http_get(&y, "/account", &r), 0);
	assert_true(resp_has(&r, "We have saved how old you are"));
	assert_true(resp_has(&r, "18 to 21"));
	assert_true(resp_has(&r, "value=\"outside\" checked"));
	resp_free(&r);
	/* Staff have no age band to change. */
	assert_int_equal(post(&w, "/account", "/account",
	    "details=1&age_band=18_21&area=outside", &r), 404);
	resp_free(&r);
	assert_int_equal(db_count("SELECT count(*) FROM users WHERE name_key = "
	    "'priya shah' AND age_band IS NOT NULL"), 0);
}

static void
admin_reads_audit_with_filters(void **state)
{
	struct client	 admin;
	struct resp	 r;

	(void)state;
	memset(&admin, 0, sizeof(admin));
	assert_int_equal(login(&admin, ADMIN_NAME, ADMIN_PW), 303);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/admin/audit?action=signout", &r),
	    0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<td>signout</td>"));
	assert_false(resp_has(&r, "<td>signin.success</td>"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/admin/audit?from=yesterday", &r),
	    0);
	assert_int_equal(r.status, 422);
	assert_true(resp_has(&r, "Enter a date like"));
	resp_free(&r);
	/* The log cannot be rewritten, even from inside. */
	{
		struct db	*db;
		char		 err[256];

		assert_int_equal(db_open(&db, harness_db_path(), err,
		    sizeof(err)), 0);
		assert_int_not_equal(sqlite3_exec(db_handle(db),
		    "DELETE FROM audit_log", NULL, NULL, NULL), SQLITE_OK);
		assert_int_not_equal(sqlite3_exec(db_handle(db),
		    "UPDATE audit_log SET action = 'x'", NULL, NULL, NULL),
		    SQLITE_OK);
		db_close(db);
	}
}

static void
throttling_is_per_account_not_per_home(void **state)
{
	struct client	 c;
	struct resp	 r;
	int		 i;
	long		 st;

	(void)state;
	memset(&c, 0, sizeof(c));
	/* Jaden keeps getting it wrong... */
	for (i = 0, st = 0; i < 8 && st != 429; i++)
		st = login(&c, "Jaden", "not-my-password");
	assert_int_equal(st, 429);
	assert_true(i <= 5);
	assert_int_equal(post(&c, "/login", "/login",
	    "name=Jaden&password=kite-river-42", &r), 429);
	assert_true(resp_has(&r, "too many tries"));
	resp_free(&r);
	/* ...and someone else in the same home signs in at once. */
	assert_int_equal(login(&c, WORKER_NAME, WORKER_PW), 303);
	assert_true(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'signin.failure' AND actor_name = 'Jaden'") >= 3);
}

static void
admin_resets_a_password(void **state)
{
	struct client	 admin, old, c;
	struct resp	 r;
	char		 code[64], path[64], form[256];
	int64_t		 id;

	(void)state;
	memset(&admin, 0, sizeof(admin));
	memset(&old, 0, sizeof(old));
	memset(&c, 0, sizeof(c));
	assert_int_equal(login(&admin, ADMIN_NAME, ADMIN_PW), 303);
	assert_int_equal(login(&old, WORKER_NAME, WORKER_PW), 303);
	id = count("SELECT id FROM users WHERE name_key = 'priya shah'");
	(void)snprintf(path, sizeof(path), "/accounts/%lld/reset",
	    (long long)id);
	assert_int_equal(post(&admin, "/accounts", path, "", &r), 200);
	assert_true(resp_has(&r, "Password reset code for Priya Shah"));
	assert_non_null(between(&r, "id=\"code\">", "</p>", code,
	    sizeof(code)));
	resp_free(&r);
	/* The code asks only for a new password. */
	(void)snprintf(form, sizeof(form), "code=%s", code);
	assert_int_equal(post(&c, "/join", "/join", form, &r), 200);
	assert_true(resp_has(&r, "Choose a new password"));
	assert_false(resp_has(&r, "id=\"name\""));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "code=%s&password=priya-new-pass&"
	    "password2=priya-new-pass", code);
	assert_int_equal(post(&c, "/join", "/join/finish", form, &r), 303);
	resp_free(&r);
	/* Signed in with the new password; the old sessions are gone. */
	assert_int_equal(status_of(&c, "/account"), 200);
	assert_int_equal(status_of(&old, "/account"), 303);
	assert_int_equal(login(&old, WORKER_NAME, WORKER_PW), 422);
	assert_int_equal(login(&old, WORKER_NAME, "priya-new-pass"), 303);
	/* The log says whose password it was. */
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'password.reset' AND actor_name = 'Priya Shah' AND actor_role "
	    "= 'participation_worker'"), 1);
	/* A code for an account turned off after it was made is refused in
	 * words, before a password is set that would open nothing. */
	assert_int_equal(post(&admin, "/accounts", path, "", &r), 200);
	assert_non_null(between(&r, "id=\"code\">", "</p>", code,
	    sizeof(code)));
	resp_free(&r);
	assert_int_equal(db_run("UPDATE users SET disabled_at = 1 WHERE "
	    "name_key = 'priya shah'"), 0);
	memset(&c, 0, sizeof(c));
	(void)snprintf(form, sizeof(form), "code=%s&password=priya-new-pass2&"
	    "password2=priya-new-pass2", code);
	assert_int_equal(post(&c, "/join", "/join/finish", form, &r), 422);
	assert_true(resp_has(&r, "This account is turned off"));
	resp_free(&r);
	/* Nor is a new code made for it; and an admin's own row has no
	 * buttons, and its address says why in words. */
	assert_int_equal(post(&admin, "/accounts", path, "", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/accounts", &r), 0);
	assert_true(resp_has(&r, "That account is turned off, so a new "
	    "password"));
	(void)snprintf(form, sizeof(form), "action=\"/accounts/%lld/disable\"",
	    (long long)count("SELECT id FROM users WHERE name_key = "
	    "'alex morgan'"));
	assert_false(resp_has(&r, form));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "/accounts/%lld/disable",
	    (long long)count("SELECT id FROM users WHERE name_key = "
	    "'alex morgan'"));
	assert_int_equal(post(&admin, "/accounts", form, "", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/accounts", &r), 0);
	assert_true(resp_has(&r, "You cannot turn off or reset your own"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM users WHERE name_key = "
	    "'alex morgan' AND disabled_at IS NULL"), 1);
	assert_int_equal(db_run("UPDATE users SET disabled_at = NULL WHERE "
	    "name_key = 'priya shah'"), 0);
	/* Put it back for the other tests. */
	assert_int_equal(post(&old, "/account", "/account/password",
	    "current_pw=priya-new-pass&new_password=worker-demo-2026&"
	    "new_password2=worker-demo-2026", &r), 303);
	resp_free(&r);
}

static void
admin_changes_settings(void **state)
{
	struct client	 admin, anon, young;
	struct resp	 r;
	char		 form[1024];

	(void)state;
	memset(&admin, 0, sizeof(admin));
	memset(&anon, 0, sizeof(anon));
	assert_int_equal(login(&admin, ADMIN_NAME, ADMIN_PW), 303);
	(void)snprintf(form, sizeof(form), "council_name=Riverside+Council&"
	    "cicc_name=Riverside+Voices&response_days=abc&invite_days=14&"
	    "idle_minutes_staff=30&idle_minutes_young=60&session_hours=8&"
	    "pledge_review_years=3&small_count=5&"
	    "retention_unpublished_days=730&"
	    "retention_closed_account_days=365");
	assert_int_equal(post(&admin, "/admin/settings", "/admin/settings",
	    form, &r), 422);
	assert_true(resp_has(&r, "Enter a whole number from 1 to 100."));
	assert_true(resp_has(&r, "value=\"Riverside Council\""));
	resp_free(&r);
	/* All or nothing: the good values were not saved either. */
	assert_int_equal(count("SELECT count(*) FROM settings WHERE value = "
	    "'Riverside Council'"), 0);
	memcpy(strstr(form, "abc"), "20&", 3);
	assert_int_equal(post(&admin, "/admin/settings", "/admin/settings",
	    form, &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/", &r), 0);
	assert_true(resp_has(&r, "Riverside Voices"));
	resp_free(&r);
	assert_int_equal(status_of(&anon, "/admin/settings"), 303);

	/* A shorter timeout applies at once to sessions already open. */
	memset(&young, 0, sizeof(young));
	assert_int_equal(login(&young, "Jaden", "kite-river-42"), 303);
	assert_int_equal(db_run("UPDATE sessions SET seen_at = seen_at - 600 "
	    "WHERE user_id = (SELECT id FROM users WHERE name_key = "
	    "'jaden')"), 0);
	assert_int_equal(status_of(&young, "/views"), 200);
	assert_int_equal(db_run("UPDATE sessions SET seen_at = seen_at - 600 "
	    "WHERE user_id = (SELECT id FROM users WHERE name_key = "
	    "'jaden')"), 0);
	memcpy(strstr(form, "idle_minutes_young=60"), "idle_minutes_young=05",
	    21);
	assert_int_equal(post(&admin, "/admin/settings", "/admin/settings",
	    form, &r), 303);
	resp_free(&r);
	assert_int_equal(status_of(&young, "/views"), 303);
	/* The audit log says what each save changed, from what to what. */
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'settings.change' AND detail = 'idle_minutes_young 60 -> 05'"),
	    1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'settings.change' AND detail LIKE '%%council_name %% -> "
	    "Riverside Council%%'"), 1);
	/* Every setting the page lists is saved, these seven once were not. */
	assert_int_equal(post(&admin, "/admin/settings", "/admin/settings",
	    "reminder_emails=rem%40example.gov.uk&escalation_emails=esc%40"
	    "example.gov.uk&answer_check=0&answer_trusted=&extensions_max=2&"
	    "extension_days_max=10&remind_days=5", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM settings WHERE "
	    "(key, value) IN (VALUES ('reminder_emails', 'rem@example.gov.uk'),"
	    " ('escalation_emails', 'esc@example.gov.uk'), ('answer_check', "
	    "'0'), ('extensions_max', '2'), ('extension_days_max', '10'), "
	    "('remind_days', '5'))"), 6);
	/* Trusted councillors are named as they are, or the typo is said. */
	assert_int_equal(post(&admin, "/admin/settings", "/admin/settings",
	    "answer_trusted=Cllr+Sam+Okafr", &r), 422);
	assert_true(resp_has(&r, "No councillor is called &quot;Cllr Sam "
	    "Okafr&quot;"));
	resp_free(&r);
	assert_int_equal(post(&admin, "/admin/settings", "/admin/settings",
	    "answer_trusted=cllr+sam+okafor%2C+Cllr+Zainab+Reid", &r), 303);
	resp_free(&r);
	assert_int_equal(post(&admin, "/admin/settings", "/admin/settings",
	    "reminder_emails=&escalation_emails=&answer_check=1&"
	    "answer_trusted=&"
	    "extensions_max=1&extension_days_max=28&remind_days=3", &r), 303);
	resp_free(&r);
	/* Back as it was, for the other tests. */
	assert_int_equal(post(&admin, "/admin/settings", "/admin/settings",
	    "council_name=Northbridge+Council&cicc_name=Northbridge+Voices&"
	    "response_days=20&invite_days=14&idle_minutes_staff=30&"
	    "idle_minutes_young=60&session_hours=8&pledge_review_years=3&"
	    "small_count=5&retention_unpublished_days=730&"
	    "retention_closed_account_days=365", &r), 303);
	resp_free(&r);
}

/*
 * A councillor turned off while an issue waits for their answer: the
 * workers are told to send it on, and the admin is told they were.
 */
static void
turned_off_while_holding_issues(void **state)
{
	struct client	 admin;
	struct resp	 r;
	char		 path[192];
	int64_t		 zainab;

	(void)state;
	memset(&admin, 0, sizeof(admin));
	assert_int_equal(login(&admin, ADMIN_NAME, ADMIN_PW), 303);
	zainab = count("SELECT id FROM users WHERE display_name = 'Cllr "
	    "Zainab Reid'");
	assert_true(zainab > 0);
	(void)snprintf(path, sizeof(path), "INSERT INTO issues (category_id, "
	    "title, summary, state, councillor_id, created_at) VALUES (1, "
	    "'Held', 'Held', 'with_councillor', %lld, 1)", (long long)zainab);
	assert_int_equal(db_run(path), 0);
	(void)snprintf(path, sizeof(path), "/accounts/%lld/disable",
	    (long long)zainab);
	assert_int_equal(post(&admin, "/accounts", path, "", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/accounts", &r), 0);
	assert_true(resp_has(&r, "the participation workers have been told"));
	resp_free(&r);
	assert_true(count("SELECT count(*) FROM notifications n JOIN users u "
	    "ON u.id = n.user_id WHERE u.role = 'participation_worker' AND "
	    "n.text LIKE 'Cllr Zainab Reid''s account was turned off while "
	    "they still hold %%issue%%' AND n.link LIKE '/issues?councillor=%%'")
	    >= 1);
	(void)snprintf(path, sizeof(path), "/accounts/%lld/enable",
	    (long long)zainab);
	assert_int_equal(post(&admin, "/accounts", path, "", &r), 303);
	resp_free(&r);
	assert_int_equal(db_run("DELETE FROM issues WHERE title = 'Held' AND "
	    "created_at = 1"), 0);
}

/*
 * A councillor turned off while they own promises of the current Pledge
 * (and hold nothing else): the workers are told how many, that the
 * Pledge still names them, and that an owner is changed only in a new
 * draft of the Pledge, with a link to where drafts are made.
 */
static void
turned_off_while_owning_promises(void **state)
{
	struct client	 admin, worker;
	struct resp	 r;
	char		 sql[512], path[64];
	int64_t		 zainab, promise, sam;

	(void)state;
	memset(&admin, 0, sizeof(admin));
	memset(&worker, 0, sizeof(worker));
	assert_int_equal(login(&admin, ADMIN_NAME, ADMIN_PW), 303);
	assert_int_equal(login(&worker, WORKER_NAME, WORKER_PW), 303);
	zainab = count("SELECT id FROM users WHERE display_name = 'Cllr "
	    "Zainab Reid'");
	/* Nothing else held: only the promise can be what is told. */
	(void)snprintf(sql, sizeof(sql), "SELECT (SELECT count(*) FROM issues "
	    "WHERE councillor_id = %lld AND state = 'with_councillor') + "
	    "(SELECT count(*) FROM actions WHERE owner_id = %lld AND state = "
	    "'open')", (long long)zainab, (long long)zainab);
	assert_int_equal(count(sql), 0);
	promise = count("SELECT min(p.id) FROM promises p JOIN "
	    "pledge_versions v ON v.id = p.version_id WHERE v.state = "
	    "'current' AND p.owner_id IS NOT NULL");
	assert_true(promise > 0);
	(void)snprintf(sql, sizeof(sql), "SELECT owner_id FROM promises WHERE "
	    "id = %lld", (long long)promise);
	sam = count(sql);
	(void)snprintf(sql, sizeof(sql), "UPDATE promises SET owner_id = %lld "
	    "WHERE id = %lld", (long long)zainab, (long long)promise);
	exec_sql(sql);

	(void)snprintf(path, sizeof(path), "/accounts/%lld/disable",
	    (long long)zainab);
	assert_int_equal(post(&admin, "/accounts", path, "", &r), 303);
	resp_free(&r);
	assert_true(count("SELECT count(*) FROM notifications n JOIN users u "
	    "ON u.id = n.user_id WHERE u.role = 'participation_worker' AND "
	    "n.text LIKE 'Cllr Zainab Reid''s account was turned off while "
	    "they still hold 1 promise of the current Pledge. The Pledge still "
	    "names them as who is responsible%' AND n.link = "
	    "'/pledge/manage'") >= 1);
	/* The worker reads it, and where to change the owner. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/notifications", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "still hold 1 promise of the current "
	    "Pledge."));
	assert_true(resp_has(&r, "The owner of a promise can only be changed "
	    "in a new draft of the Pledge"));
	assert_false(resp_has(&r, "still hold 1 promise of the current Pledge. "
	    "Send the issues on"));
	resp_free(&r);

	(void)snprintf(path, sizeof(path), "/accounts/%lld/enable",
	    (long long)zainab);
	assert_int_equal(post(&admin, "/accounts", path, "", &r), 303);
	resp_free(&r);
	(void)snprintf(sql, sizeof(sql), "UPDATE promises SET owner_id = %lld "
	    "WHERE id = %lld", (long long)sam, (long long)promise);
	exec_sql(sql);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(journey_for_every_role),
		cmocka_unit_test(used_and_expired_codes),
		cmocka_unit_test(join_form_keeps_input_and_explains),
		cmocka_unit_test(csrf_and_cross_site_refused),
		cmocka_unit_test(session_fixation_and_dead_cookies),
		cmocka_unit_test(disabled_accounts_lose_their_sessions),
		cmocka_unit_test(roles_cannot_see_each_others_pages),
		cmocka_unit_test(account_changes_need_the_password),
		cmocka_unit_test(young_person_changes_age_and_area),
		cmocka_unit_test(admin_reads_audit_with_filters),
		cmocka_unit_test(admin_resets_a_password),
		cmocka_unit_test(admin_changes_settings),
		cmocka_unit_test(throttling_is_per_account_not_per_home),
		cmocka_unit_test(turned_off_while_holding_issues),
		cmocka_unit_test(turned_off_while_owning_promises),
	};

	return (cmocka_run_group_tests_name("http_accounts", tests,
	    group_setup_demo, group_teardown_server));
}
