/*
 * login.c: /login and /logout.
 *
 * Wrong name and wrong password get the same words, and the same work
 * (an unknown name is checked against a dummy hash). Failures are
 * throttled per device and account, per account and per address (see
 * throttle.h).
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "throttle.h"

static const char *const bad_signin =
	"That name and password do not match an account. Check them and try "
	"again.";

/* A local path to go back to after signing in, or "/". */
static const char *
safe_next(const char *next)
{
	if (next == NULL || next[0] != '/' || next[1] == '/' ||
	    next[1] == '\\' || strlen(next) > 200 ||
	    strpbrk(next, "\\\r\n\t") != NULL)
		return ("/");
	return (next);
}

static int
login_form(struct page *pg, const char *name, const char *next, int status)
{
	pg->title = "Sign in";
	pg->nav = "login";
	tv_set_str(pg->ctx, "name", name ? name : "");
	tv_set_str(pg->ctx, "next", safe_next(next));
	if (status == 200)
		return (page_render(pg, 200, "login"));
	if (status == 429) {
		tv_set_bool(pg->ctx, "throttled", 1);
		return (page_render(pg, 429, "login"));
	}
	return (page_form_errors(pg, "login"));
}

/* The throttle keys for a sign-in by name from this page's address. */
static void
keys(struct page *pg, const char *name, char *pair, char *acct, char *addr,
    size_t len)
{
	char	 key[NAME_KEY_MAX];

	if (user_name_key(name, key, sizeof(key)) == -1)
		key[0] = '\0';
	(void)snprintf(pair, len, "pair:%s|%s", pg->ip, key);
	(void)snprintf(acct, len, "acct:%s", key);
	(void)snprintf(addr, len, "addr:%s", pg->ip);
}

/* Seconds before this sign-in may be tried; -1 on error. */
static int64_t
wait_for(struct page *pg, const char *name)
{
	char	 pair[256], acct[256], addr[128];
	int64_t	 w, most;

	keys(pg, name, pair, acct, addr, sizeof(pair));
	most = throttle_wait(app_db, pair, pg->now, 900, 0);
	if ((w = throttle_wait(app_db, acct, pg->now, 60,
	    THROTTLE_ACCT_PER_MIN)) > most)
		most = w;
	if ((w = throttle_wait(app_db, addr, pg->now, 300,
	    THROTTLE_ADDR_PER_5MIN)) > most)
		most = w;
	return (most);
}

static int
record_failure(struct page *pg, const char *name, const struct user *u,
    int found)
{
	struct actor	 who = pg->actor;
	char		 pair[256], acct[256], addr[128];

	keys(pg, name, pair, acct, addr, sizeof(pair));
	if (found) {
		who.id = u->id;
		who.name = u->name;
		who.role = role_key(u->role);
	}
	if (db_begin(app_db) == -1)
		return (-1);
	if (throttle_fail(app_db, pair, pg->now) == -1 ||
	    throttle_fail(app_db, acct, pg->now) == -1 ||
	    throttle_fail(app_db, addr, pg->now) == -1 ||
	    audit_write(app_db, &who, "signin.failure", "user",
	    found ? u->id : 0, found ? (u->disabled ? "account turned off" :
	    "wrong password") : "unknown name") == -1 ||
	    db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (-1);
	}
	return (0);
}

static int
sign_in(struct page *pg, const struct user *u, const char *next,
    const char *name)
{
	struct actor	 who = pg->actor;
	const char	*agent;
	char		 token[AUTH_TOKEN_LEN], pair[256], acct[256], addr[128];
	int64_t		 sid;

	who.id = u->id;
	who.name = u->name;
	who.role = role_key(u->role);
	agent = pg->req->agent ? pg->req->agent : "";
	keys(pg, name, pair, acct, addr, sizeof(pair));
	if (db_begin(app_db) == -1)
		return (page_error(pg, 500));
	if (throttle_clear(app_db, pair) == -1 ||
	    session_create(app_db, u->id, pg->now, pg->ip, agent, token,
	    &sid) == -1 ||
	    audit_write(app_db, &who, "signin.success", "user", u->id,
	    "") == -1 || db_commit(app_db) == -1) {
		db_rollback(app_db);
		kore_log(LOG_ERR, "sign-in: %s", db_errmsg(app_db));
		return (page_error(pg, 500));
	}
	guard_set_session_cookie(pg, token);
	return (page_redirect(pg, safe_next(next), "signed_in"));
}

static int
login_start(struct page *pg)
{
	struct user	 u;
	const char	*name, *password, *next;
	char		 hash[AUTH_HASH_MAX];
	int64_t		 wait;
	int		 found, rc;

	name = form_text(&pg->form, "name", DISPLAY_NAME_MAX, 0, 1,
	    &pg->errors, "Enter the name you use here.");
	password = form_raw(&pg->form, "password");
	next = form_raw(&pg->form, "next");
	if (password == NULL || *password == '\0')
		form_error(&pg->errors, "password", "Enter your password.");
	if (pg->errors.n > 0)
		return (login_form(pg, form_raw(&pg->form, "name"), next, 422));
	if ((wait = wait_for(pg, name)) == -1)
		return (page_error(pg, 500));
	if (wait > 0) {
		tv_set_int(pg->ctx, "wait", wait);
		return (login_form(pg, name, next, 429));
	}
	memset(&u, 0, sizeof(u));
	hash[0] = '\0';
	if ((found = user_by_name(app_db, name, &u, hash, sizeof(hash))) ==
	    -1)
		return (page_error(pg, 500));
	rc = pw_job_start(pg->req, PW_VERIFY, password, found ? hash : "",
	    NULL, found ? u.id : 0);
	page_end(pg);
	return (rc);
}

static int
login_finish(struct page *pg, struct pw_job *job)
{
	struct user	 u;
	const char	*name, *next;
	int		 found;

	name = form_raw(&pg->form, "name");
	next = form_raw(&pg->form, "next");
	memset(&u, 0, sizeof(u));
	found = job->user_id > 0 && user_by_id(app_db, job->user_id, &u) == 1;
	if (found && job->verified && !u.disabled)
		return (sign_in(pg, &u, next, name));
	if (record_failure(pg, name, &u, found) == -1)
		return (page_error(pg, 500));
	if (found && job->verified && u.disabled)
		form_error(&pg->errors, "name", "This account has been turned "
		    "off. Please talk to your participation worker.");
	else
		form_error(&pg->errors, "name", bad_signin);
	return (login_form(pg, name, next, 422));
}

static int
login_step(struct page *pg, struct pw_job *job)
{
	if (pg->req->method != HTTP_METHOD_POST) {
		if (pg->signed_in)
			return (page_redirect(pg, "/account", NULL));
		return (login_form(pg, NULL, form_raw(&pg->form, "next"),
		    200));
	}
	if (job == NULL)
		return (login_start(pg));
	return (login_finish(pg, job));
}

int
page_login(struct http_request *req)
{
	return (pw_page(req, ALLOW_GET | ALLOW_POST, 0, login_step));
}

int
page_logout(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_POST))
		return (KORE_RESULT_OK);
	if (pg.signed_in) {
		if (db_begin(app_db) == -1 ||
		    session_end(app_db, pg.sess.id) == -1 ||
		    audit_write(app_db, &pg.actor, "signout", "user",
		    pg.sess.user_id, "") == -1 || db_commit(app_db) == -1) {
			db_rollback(app_db);
			return (page_error(&pg, 500));
		}
	}
	guard_clear_session_cookie(&pg);
	return (page_redirect(&pg, "/", "signed_out"));
}
