/*
 * login.c: /login and /logout.
 *
 * People sign in with their sign-in name, which only they know; a display
 * name never signs anyone in. Wrong name, wrong password and a turned-off
 * account get the same words and take the same time (an unknown name is
 * checked against a dummy hash or, when checks are queueing, answered by
 * a timer after the time a check takes; see pwtask.c). Every try is written down before its
 * password is checked, under the folded name, the address and the device
 * (see throttle.h), so neither spelling nor parallel requests get past
 * the count; a browser that has signed in to the account before counts
 * only its own tries, so nobody on the same address can lock the
 * account's owner out of it. When too many
 * password checks are waiting, the answer is "busy" at once.
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
	switch (status) {
	case 200:
		return (page_render(pg, 200, "login"));
	case 429:
		tv_set_bool(pg->ctx, "throttled", 1);
		return (page_render(pg, 429, "login"));
	case 503:
		pw_busy_header(pg);
		return (page_render(pg, 503, "login"));
	}
	return (page_form_errors(pg, "login"));
}

/* The throttle keys of a sign-in by name from this page's browser. */
static void
keys(struct page *pg, const char *name, struct signin_keys *k)
{
	const char	*device;

	if ((device = guard_cookie(pg, "__Host-portal_csrf")) == NULL)
		device = guard_cookie(pg, "portal_csrf");
	throttle_signin_keys(pg->ip, device, name, k);
}

/*
 * Write this try down if it may be made now. Returns 0 (go on), the
 * seconds to wait, or -1 on error. One transaction, so two workers
 * cannot both see room for one more.
 */
static int64_t
take_try(struct page *pg, const struct signin_keys *k)
{
	int64_t	 wait;

	if (db_begin(app_db) == -1)
		return (-1);
	if ((wait = throttle_signin_wait(app_db, k, pg->now)) == 0 &&
	    throttle_signin_try(app_db, k, pg->now) == -1)
		wait = -1;
	if (wait != 0) {
		db_rollback(app_db);
		return (wait);
	}
	return (db_commit(app_db) == -1 ? -1 : 0);
}

static int
record_failure(struct page *pg, const struct user *u, int found)
{
	struct actor	 who = pg->actor;

	if (found) {
		who.id = u->id;
		who.name = u->name;
		who.role = role_key(u->role);
	}
	return (audit_write(app_db, &who, "signin.failure", "user",
	    found ? u->id : 0, found ? (u->disabled ? "account turned off" :
	    "wrong password") : "unknown name"));
}

static int
sign_in(struct page *pg, const struct user *u, const char *next,
    const struct signin_keys *k, int64_t at)
{
	struct actor	 who = pg->actor;
	const char	*agent;
	char		 token[AUTH_TOKEN_LEN], device[AUTH_TOKEN_LEN];
	int64_t		 sid;

	who.id = u->id;
	who.name = u->name;
	who.role = role_key(u->role);
	agent = pg->req->agent ? pg->req->agent : "";
	/*
	 * This browser is now known to this account (pw_account_busy()),
	 * by a value of ours: one it brought could have been planted.
	 */
	auth_token_new(device);
	if (db_begin(app_db) == -1)
		return (page_error(pg, 500));
	if (throttle_signin_ok(app_db, k, at) == -1 ||
	    session_device_note(app_db, device, u->id, pg->now) == -1 ||
	    session_create(app_db, u->id, pg->now, pg->ip, agent, token,
	    &sid) == -1 ||
	    audit_write(app_db, &who, "signin.success", "user", u->id,
	    "") == -1 || db_commit(app_db) == -1) {
		db_rollback(app_db);
		kore_log(LOG_ERR, "sign-in: %s", db_errmsg(app_db));
		return (page_error(pg, 500));
	}
	guard_set_session_cookie(pg, token);
	guard_set_device(pg, device);
	views_track_forget(pg);
	/* Staff asked for nowhere in particular start at their own page. */
	next = safe_next(next);
	if (strcmp(next, "/") == 0 && u->role != ROLE_YOUNG)
		next = "/start";
	return (page_redirect(pg, next, "signed_in"));
}

static int
login_start(struct page *pg)
{
	struct signin_keys	 k;
	struct user		 u;
	const char		*name, *password, *next;
	char			 hash[AUTH_HASH_MAX];
	int64_t			 wait;
	int			 found, known;

	known = 0;
	name = form_text(&pg->form, "name", DISPLAY_NAME_MAX, 0, 1,
	    &pg->errors, "Enter the name you sign in with.");
	password = form_raw(&pg->form, "password");
	next = form_raw(&pg->form, "next");
	if (password == NULL || *password == '\0')
		form_error(&pg->errors, "password", "Enter your password.");
	if (pg->errors.n > 0)
		return (login_form(pg, form_raw(&pg->form, "name"), next, 422));
	/* Whether this browser has signed in to the account before, asked
	 * of a made-up name too, so both take the same time. */
	keys(pg, name, &k);
	memset(&u, 0, sizeof(u));
	hash[0] = '\0';
	if ((found = user_by_signin(app_db, name, &u, hash,
	    sizeof(hash))) == -1 || (known = session_device_known(app_db,
	    guard_device(pg), found ? u.id : 0, pg->now)) == -1)
		return (page_error(pg, 500));
	k.known = known;
	/* A try that would wait is told so first, so a flood from one
	 * address is turned away cheaply, before it is told "busy". */
	if ((wait = throttle_signin_wait(app_db, &k, pg->now)) == 0) {
		/* No such account, and checks are queueing: answer after
		 * the time a check takes, without a place in the queue. */
		if (!found && pw_crowded(pg))
			return (pw_job_delay(pg));
		if (pw_busy(pg) || (found && pw_account_busy(u.id) &&
		    !known))
			return (login_form(pg, name, next, 503));
		if ((wait = take_try(pg, &k)) == 0)
			return (pw_job_start(pg, PW_VERIFY, password,
			    found ? hash : "", NULL, found ? u.id : 0));
	}
	if (wait == -1)
		return (page_error(pg, 500));
	tv_set_int(pg->ctx, "wait", wait);
	return (login_form(pg, name, next, 429));
}

static int
login_finish(struct page *pg, struct pw_job *job)
{
	struct signin_keys	 k;
	struct user		 u;
	const char		*name, *next;
	int			 found;

	name = form_text(&pg->form, "name", DISPLAY_NAME_MAX, 0, 1,
	    &pg->errors, "Enter the name you sign in with.");
	next = form_raw(&pg->form, "next");
	if (name == NULL)
		return (page_error(pg, 500));
	keys(pg, name, &k);
	memset(&u, 0, sizeof(u));
	found = job->user_id > 0 && user_by_id(app_db, job->user_id, &u) == 1;
	if (found && job->verified && !u.disabled)
		return (sign_in(pg, &u, next, &k, job->at));
	/* The try was counted before the check; only the audit row is
	 * left (none for made-up names answered in a flood, which would
	 * bury the log). A turned-off account gets the same words as a
	 * wrong password, so the answer does not say the password was
	 * right. */
	if (!job->delayed && record_failure(pg, &u, found) == -1)
		return (page_error(pg, 500));
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
		    session_sign_out(app_db, pg.sess.id) == -1 ||
		    audit_write(app_db, &pg.actor, "signout", "user",
		    pg.sess.user_id, "") == -1 || db_commit(app_db) == -1) {
			db_rollback(app_db);
			return (page_error(&pg, 500));
		}
	}
	guard_clear_session_cookie(&pg);
	/* Words kept for this browser go too, and the code to follow a
	 * view sent from it: the device may be shared. */
	views_draft_forget(&pg);
	views_track_forget(&pg);
	return (page_redirect(&pg, "/", "signed_out"));
}
