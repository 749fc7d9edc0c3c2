/*
 * join.c: /join, where an invite or reset code becomes an account or a
 * new password.
 *
 * Step one takes the code and shows the fields for its role: a display
 * name everyone sees and a private sign-in name, a password, and for young
 * people an age band and where they live (a reset code asks only for a new
 * password). Step two (/join/finish) checks the code again, hashes the
 * password in a task, and then, in one transaction, creates the account,
 * uses the code, writes the audit row and signs the person in.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "invite.h"
#include "throttle.h"

static int
code_form(struct page *pg, const char *code, int status)
{
	pg->title = "Join with a code";
	pg->nav = "login";
	tv_set_str(pg->ctx, "code", code ? code : "");
	if (status == 429) {
		tv_set_bool(pg->ctx, "throttled", 1);
		return (page_render(pg, 429, "join"));
	}
	if (status != 200)
		return (page_form_errors(pg, "join"));
	return (page_render(pg, 200, "join"));
}

static int
details_form(struct page *pg, const char *code, const struct invite *inv,
    int errors)
{
	const char	*v;

	pg->title = inv->reset ? "Choose a new password" : "Create your account";
	pg->nav = "login";
	tv_set_str(pg->ctx, "code", code);
	tv_set_bool(pg->ctx, "reset", inv->reset);
	tv_set_bool(pg->ctx, "young", inv->role == ROLE_YOUNG);
	tv_set_str(pg->ctx, "role", role_label(inv->role));
	if ((v = form_raw(&pg->form, "name")) != NULL)
		tv_set_str(pg->ctx, "name", v);
	if ((v = form_raw(&pg->form, "signin")) != NULL)
		tv_set_str(pg->ctx, "signin", v);
	if ((v = form_raw(&pg->form, "age_band")) != NULL)
		tv_set_bool(pg->ctx, arena_printf(&pg->arena, "band_%s", v), 1);
	if ((v = form_raw(&pg->form, "area")) != NULL)
		tv_set_bool(pg->ctx, arena_printf(&pg->arena, "area_%s", v), 1);
	if (errors == 503) {
		pw_busy_header(pg);
		return (page_render(pg, 503, "join_details"));
	}
	return (errors ? page_form_errors(pg, "join_details") :
	    page_render(pg, 200, "join_details"));
}

/*
 * Refuse the typed code with status. Names typed on the details form
 * (run out, used in another tab, too many wrong codes from here) that
 * worry the scan still reach a worker, both of them, and the help lines
 * show above the refusal, as check_names() does when the code is good.
 */
static int
refuse_code(struct page *pg, const char *code, int status)
{
	const char	*where;

	where = "Typed as a name when joining, with a code that was refused.";
	if (help_name_worries(pg, 0, "name", where) == -1 ||
	    help_name_worries(pg, 0, "signin", where) == -1)
		return (page_error(pg, 500));
	return (code_form(pg, code, status));
}

/*
 * Check the typed code, throttling failures per address. Returns 1 with
 * inv filled, or 0 after answering.
 */
static int
check_code(struct page *pg, const char *code, struct invite *inv)
{
	enum invite_state	 state;
	char			 key[96], addr[80];
	int64_t			 wait;

	/* An IPv6 client holds a whole /64: count it as one address. */
	throttle_addr_key(pg->ip, addr, sizeof(addr));
	(void)snprintf(key, sizeof(key), "code:%s", addr);
	wait = throttle_wait(app_db, key, pg->now, 600,
	    THROTTLE_CODE_PER_10MIN);
	if (wait != 0) {
		if (wait == -1)
			return (page_error(pg, 500), 0);
		tv_set_int(pg->ctx, "wait", wait);
		return (refuse_code(pg, code, 429), 0);
	}
	if ((state = invite_find(app_db, code, pg->now, inv)) == INVITE_OK)
		return (1);
	if (db_begin(app_db) == -1 || throttle_fail(app_db, key, pg->now) ==
	    -1 || audit_write(app_db, &pg->actor, "invite.refused", "invite",
	    state == INVITE_UNKNOWN ? 0 : inv->id, state == INVITE_USED ?
	    "used" : state == INVITE_EXPIRED ? "expired" : "unknown") == -1 ||
	    db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (page_error(pg, 500), 0);
	}
	form_error(&pg->errors, "code", invite_problem(state));
	return (refuse_code(pg, code, 422), 0);
}

int
page_join(struct http_request *req)
{
	struct page	 pg;
	struct invite	 inv;
	const char	*code;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST)
		return (code_form(&pg, form_raw(&pg.form, "code"), 200));
	code = form_text(&pg.form, "code", 64, 0, 1, &pg.errors,
	    "Enter the code you were given.");
	if (code == NULL)
		return (code_form(&pg, form_raw(&pg.form, "code"), 422));
	if (!check_code(&pg, code, &inv))
		return (KORE_RESULT_OK);
	return (details_form(&pg, code, &inv, 0));
}

/* The two names of a new account. -1 on error. */
static int
check_names(struct page *pg, const struct invite *inv, const char **name,
    const char **signin)
{
	const char	*why, *where;
	int64_t		 wait;
	int		 worry;

	/* No account yet: the invite tells the worker where it came from. */
	where = arena_printf(&pg->arena, "Typed as a name when joining with "
	    "invite %lld (for: %s).", (long long)inv->id,
	    role_label(inv->role));
	*name = *signin = NULL;
	if ((worry = help_name_worries(pg, 0, "name", where)) == 0)
		*name = form_text(&pg->form, "name", 200, 0, 1, &pg->errors,
		    "Choose a name to use here.");
	if (*name != NULL && (why = user_name_problem(*name,
	    inv->role)) != NULL)
		form_error(&pg->errors, "name", why);
	if (worry != -1 && (worry = help_name_worries(pg, 0, "signin",
	    where)) == 0)
		*signin = form_text(&pg->form, "signin", 200, 0, 1,
		    &pg->errors, "Choose a name to sign in with.");
	if (*signin != NULL && (why = user_signin_problem(*signin,
	    *name)) != NULL)
		form_error(&pg->errors, "signin", why);
	if (worry == -1)
		return (-1);
	/* Whether a name is taken is only answered a few times an hour. */
	if ((wait = throttle_names_wait(app_db, pg->ip, 0, pg->now)) > 0)
		form_error(&pg->errors, "signin",
		    throttle_names_words(&pg->arena, wait));
	return (0);
}

/* Validate step two's fields: 1 if there are problems, -1 on error. */
static int
check_details(struct page *pg, const struct invite *inv, const char **name,
    const char **signin, int *band, int *area)
{
	const char	*why;
	int		 second;

	*name = *signin = NULL;
	if (!inv->reset && check_names(pg, inv, name, signin) == -1)
		return (-1);
	if ((why = password_new_problem(form_raw(&pg->form, "password"),
	    form_raw(&pg->form, "password2"), &second)) != NULL)
		form_error(&pg->errors, second ? "password2" : "password", why);
	*band = *area = -1;
	if (!inv->reset && inv->role == ROLE_YOUNG) {
		*band = form_choice(&pg->form, "age_band", age_band_keys,
		    &pg->errors, "Choose how old you are.");
		*area = form_choice(&pg->form, "area", area_keys, &pg->errors,
		    "Choose where you live.");
	}
	return (pg->errors.n > 0);
}

static int
create_account(struct page *pg, const struct invite *inv, const char *name,
    const char *signin, const char *band, int outside, const char *hash,
    int64_t *uid)
{
	struct actor	 who = pg->actor;
	struct user	 u;
	const char	*why;

	if (inv->reset) {
		*uid = inv->user_id;
		if (user_by_id(app_db, *uid, &u) != 1)
			return (-1);
		/* A new password would open nothing: say so, not later. */
		if (u.disabled) {
			form_error(&pg->errors, "password", "This account is "
			    "turned off, so a new password would not let you "
			    "in. Ask a participation worker to turn it back "
			    "on.");
			return (-1);
		}
		if (user_set_password(app_db, *uid, hash) == -1 ||
		    session_end_user(app_db, *uid, 0) == -1)
			return (-1);
		who.id = *uid;
		who.name = u.name;
		who.role = role_key(u.role);
		return (audit_write(app_db, &who, "password.reset", "user",
		    *uid, ""));
	}
	if (user_create_signin(app_db, name, signin, inv->role, hash, band,
	    outside, uid, &why) == -1) {
		if (why != NULL)
			form_error(&pg->errors, strstr(why, "signs in") ?
			    "signin" : "name", why);
		return (-1);
	}
	who.id = *uid;
	who.name = name;
	who.role = role_key(inv->role);
	return (audit_write(app_db, &who, "account.create", "user", *uid,
	    role_key(inv->role)));
}

static int
join_finish(struct page *pg, struct pw_job *job)
{
	struct invite	 inv;
	const char	*code, *name, *signin;
	char		 token[AUTH_TOKEN_LEN];
	int64_t		 uid, sid;
	int		 band, area, rc;

	code = form_raw(&pg->form, "code");
	if (code == NULL || !check_code(pg, code, &inv))
		return (code == NULL ? code_form(pg, NULL, 200) :
		    KORE_RESULT_OK);
	if ((rc = check_details(pg, &inv, &name, &signin, &band, &area)) ==
	    -1)
		return (page_error(pg, 500));
	if (rc > 0)
		return (details_form(pg, code, &inv, 1));
	if (job == NULL) {
		if (pw_busy(pg))
			return (details_form(pg, code, &inv, 503));
		return (pw_job_start(pg, PW_HASH, NULL, NULL,
		    form_raw(&pg->form, "password"), 0));
	}
	if (!job->hashed)
		return (page_error(pg, 500));
	if (db_begin(app_db) == -1)
		return (page_error(pg, 500));
	if (create_account(pg, &inv, name, signin, band >= 0 ?
	    age_band_keys[band] : NULL, area == 1, job->new_hash, &uid) == -1 ||
	    invite_use(app_db, inv.id, uid, pg->now) == -1 ||
	    session_create(app_db, uid, pg->now, pg->ip, pg->req->agent ?
	    pg->req->agent : "", token, &sid) == -1) {
		db_rollback(app_db);
		if (pg->errors.n > 0) {
			if (throttle_names_taken(app_db, pg->ip, 0,
			    pg->now) == -1)
				return (page_error(pg, 500));
			return (details_form(pg, code, &inv, 1));
		}
		kore_log(LOG_ERR, "join: %s", db_errmsg(app_db));
		return (page_error(pg, 500));
	}
	if (db_commit(app_db) == -1)
		return (page_error(pg, 500));
	guard_set_session_cookie(pg, token);
	/* A new young person is welcomed; new staff start at their work. */
	if (inv.reset)
		return (page_redirect(pg, "/account", "password_changed"));
	return (page_redirect(pg, inv.role == ROLE_YOUNG ? "/welcome" :
	    "/start", "joined"));
}

int
page_join_finish(struct http_request *req)
{
	return (pw_page(req, ALLOW_POST, 0, join_finish));
}
