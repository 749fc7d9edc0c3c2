/*
 * account.c: /account, where anyone signed in changes their display name,
 * their private sign-in name or their password (the current password is
 * asked for each) and sees where they are signed in, and can sign out
 * everywhere else. Whether a name is taken is answered only a few times
 * an hour (sign-in names are private). A new password also gives this
 * browser a new session: the old cookie is dead everywhere. A young
 * person also changes their age band and whether they live inside the
 * council's area here, as they grow up or move.
 */
#include <string.h>

#include "app.h"
#include "board.h"
#include "throttle.h"

/* The age band and area choices as typed, or as they are now. */
static void
details_choices(struct page *pg, const struct user *u)
{
	const char	*band, *area;

	if ((band = form_raw(&pg->form, "age_band")) == NULL)
		band = u->age_band;
	if ((area = form_raw(&pg->form, "area")) == NULL &&
	    !form_has(&pg->form, "details"))
		area = u->lives_outside ? "outside" : "inside";
	if (age_band_valid(band))
		tv_set_bool(pg->ctx, arena_printf(&pg->arena, "band_%s", band),
		    1);
	if (area != NULL && (strcmp(area, "inside") == 0 ||
	    strcmp(area, "outside") == 0))
		tv_set_bool(pg->ctx, arena_printf(&pg->arena, "area_%s", area),
		    1);
}

static int
account_page(struct page *pg, int errors)
{
	struct user	 u;
	const char	*band, *v;
	char		 signin[NAME_KEY_MAX], a[NAME_KEY_MAX], b[NAME_KEY_MAX];

	if (user_by_id(app_db, pg->sess.user_id, &u) != 1 ||
	    user_signin_name(app_db, u.id, signin, sizeof(signin)) != 1)
		return (page_error(pg, 500));
	tv_set_str(pg->ctx, "signin", signin);
	/* Accounts from before sign-in names were private still sign in
	 * with the name everyone sees: say so, and how to change it. */
	tv_set_bool(pg->ctx, "signin_public",
	    user_name_key(signin, a, sizeof(a)) == 0 &&
	    user_name_key(u.name, b, sizeof(b)) == 0 && strcmp(a, b) == 0);
	pg->title = "Your account";
	pg->nav = "account";
	tv_set_str(pg->ctx, "name", u.name);
	tv_set_str(pg->ctx, "role", role_label(u.role));
	tv_set_bool(pg->ctx, "young", u.role == ROLE_YOUNG);
	tv_set_bool(pg->ctx, "on_board", u.role == ROLE_YOUNG &&
	    board_member(app_db, u.id));
	band = age_band_label(u.age_band);
	tv_set_str(pg->ctx, "age_band", band ? band : "");
	tv_set_bool(pg->ctx, "outside", u.lives_outside);
	if (u.role == ROLE_YOUNG)
		details_choices(pg, &u);
	if ((v = form_raw(&pg->form, "new_name")) != NULL)
		tv_set_str(pg->ctx, "new_name", v);
	if ((v = form_raw(&pg->form, "new_signin")) != NULL)
		tv_set_str(pg->ctx, "new_signin", v);
	if (session_list(app_db, pg->sess.user_id, pg->sess.id,
	    tv_set_list(pg->ctx, "sessions")) == -1)
		return (page_error(pg, 500));
	if (errors == 503) {
		pw_busy_header(pg);
		return (page_render(pg, 503, "account"));
	}
	return (errors ? page_form_errors(pg, "account") :
	    page_render(pg, 200, "account"));
}

/* A young person's age band and area; the audit row says only that
 * they changed, not to what. */
static int
change_details(struct page *pg)
{
	struct user	 u;
	int		 band, area;

	band = form_choice(&pg->form, "age_band", age_band_keys, &pg->errors,
	    "Choose how old you are.");
	area = form_choice(&pg->form, "area", area_keys, &pg->errors,
	    "Choose where you live.");
	if (pg->errors.n > 0)
		return (account_page(pg, 1));
	if (user_by_id(app_db, pg->sess.user_id, &u) != 1)
		return (page_error(pg, 500));
	if (strcmp(u.age_band, age_band_keys[band]) == 0 &&
	    u.lives_outside == (area == 1))
		return (page_redirect(pg, "/account",
		    "details_same"));
	if (db_begin(app_db) == -1)
		return (page_error(pg, 500));
	if (user_set_details(app_db, u.id, age_band_keys[band],
	    area == 1) == -1 ||
	    audit_write(app_db, &pg->actor, "account.details", "user", u.id,
	    "") == -1 || db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (page_error(pg, 500));
	}
	return (page_redirect(pg, "/account", "details_changed"));
}

int
page_account(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_ANY))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST)
		return (account_page(&pg, 0));
	/* Only young people have an age band and an area. */
	if (pg.sess.role != ROLE_YOUNG || !form_has(&pg.form, "details"))
		return (page_error(&pg, 404));
	return (change_details(&pg));
}

/* Start checking the current password; the job carries the user's id. */
static int
verify_current(struct page *pg, const char *field, const char *new_pw)
{
	char	 hash[AUTH_HASH_MAX];

	if (pw_busy(pg))
		return (account_page(pg, 503));
	if (user_password_hash(app_db, pg->sess.user_id, hash,
	    sizeof(hash)) != 1)
		return (page_error(pg, 500));
	return (pw_job_start(pg, new_pw ? PW_VERIFY_HASH : PW_VERIFY,
	    form_raw(&pg->form, field), hash, new_pw, pg->sess.user_id));
}

/* Refuse another "is it taken?" answer too soon, on field. -1 on error. */
static int
names_limit(struct page *pg, const char *field)
{
	int64_t	 wait;

	if ((wait = throttle_names_wait(app_db, pg->ip, pg->sess.user_id,
	    pg->now)) > 0)
		form_error(&pg->errors, field,
		    throttle_names_words(&pg->arena, wait));
	return (wait == -1 ? -1 : 0);
}

/* After a rename failed in the database: a taken name, or an error. */
static int
rename_failed(struct page *pg, const char *field, const char *why)
{
	if (why == NULL || throttle_names_taken(app_db, pg->ip,
	    pg->sess.user_id, pg->now) == -1)
		return (page_error(pg, 500));
	form_error(&pg->errors, field, why);
	return (account_page(pg, 1));
}

static int
change_name(struct page *pg, struct pw_job *job)
{
	const char	*name, *why;
	int		 worry;

	if ((worry = help_name_worries(pg, pg->sess.user_id, "new_name",
	    "Typed as a new name that everyone sees, on /account.")) == -1)
		return (page_error(pg, 500));
	name = worry ? NULL : form_text(&pg->form, "new_name", 200, 0, 1,
	    &pg->errors, "Type the new name you want.");
	if (name != NULL && (why = user_name_problem(name, pg->sess.role)))
		form_error(&pg->errors, "new_name", why);
	if (form_empty(&pg->form, "current"))
		form_error(&pg->errors, "current",
		    "Type your password, to show it is you.");
	if (pg->errors.n == 0 && names_limit(pg, "new_name") == -1)
		return (page_error(pg, 500));
	if (pg->errors.n > 0)
		return (account_page(pg, 1));
	if (job == NULL)
		return (verify_current(pg, "current", NULL));
	if (!job->verified) {
		form_error(&pg->errors, "current", "That password is not "
		    "right. Try again.");
		return (account_page(pg, 1));
	}
	if (db_begin(app_db) == -1)
		return (page_error(pg, 500));
	if (user_set_name(app_db, pg->sess.user_id, name, &why) == -1 ||
	    audit_write(app_db, &pg->actor, "account.rename", "user",
	    pg->sess.user_id, "") == -1 || db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (rename_failed(pg, "new_name", why));
	}
	return (page_redirect(pg, "/account", "name_changed"));
}

static int
change_signin(struct page *pg, struct pw_job *job)
{
	struct user	 u;
	const char	*name, *why, *current;
	int		 worry;

	if (user_by_id(app_db, pg->sess.user_id, &u) != 1 ||
	    (worry = help_name_worries(pg, u.id, "new_signin", "Typed as a "
	    "new private sign-in name, on /account.")) == -1)
		return (page_error(pg, 500));
	name = worry ? NULL : form_text(&pg->form, "new_signin", 200, 0, 1,
	    &pg->errors, "Type the new name you want to sign in with.");
	if (name != NULL && (why = user_signin_problem(name, u.name)))
		form_error(&pg->errors, "new_signin", why);
	current = form_raw(&pg->form, "current_si");
	if (current == NULL || *current == '\0')
		form_error(&pg->errors, "current_si",
		    "Type your password, to show it is you.");
	if (pg->errors.n == 0 && names_limit(pg, "new_signin") == -1)
		return (page_error(pg, 500));
	if (pg->errors.n > 0)
		return (account_page(pg, 1));
	if (job == NULL)
		return (verify_current(pg, "current_si", NULL));
	if (!job->verified) {
		form_error(&pg->errors, "current_si", "That password is not "
		    "right. Try again.");
		return (account_page(pg, 1));
	}
	if (db_begin(app_db) == -1)
		return (page_error(pg, 500));
	if (user_set_signin(app_db, pg->sess.user_id, name, &why) == -1 ||
	    audit_write(app_db, &pg->actor, "account.signin_name", "user",
	    pg->sess.user_id, "") == -1 || db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (rename_failed(pg, "new_signin", why));
	}
	return (page_redirect(pg, "/account", "signin_changed"));
}

static int
change_password(struct page *pg, struct pw_job *job)
{
	const char	*pw, *why;
	char		 token[AUTH_TOKEN_LEN];
	int64_t		 sid;
	int		 second;

	pw = form_raw(&pg->form, "new_password");
	if (form_empty(&pg->form, "current_pw"))
		form_error(&pg->errors, "current_pw",
		    "Type your password now, to show it is you.");
	if ((why = password_new_problem(pw, form_raw(&pg->form,
	    "new_password2"), &second)) != NULL)
		form_error(&pg->errors, second ? "new_password2" :
		    "new_password", why);
	if (pg->errors.n > 0)
		return (account_page(pg, 1));
	if (job == NULL)
		return (verify_current(pg, "current_pw", pw));
	if (!job->verified) {
		form_error(&pg->errors, "current_pw", "That password is not "
		    "right. Try again.");
		return (account_page(pg, 1));
	}
	if (!job->hashed || db_begin(app_db) == -1)
		return (page_error(pg, 500));
	/* Every session ends, this one too: whoever may have copied its
	 * cookie is out, and this browser goes on with a new one. */
	if (user_set_password(app_db, pg->sess.user_id, job->new_hash) == -1 ||
	    session_end_user(app_db, pg->sess.user_id, 0) == -1 ||
	    session_create(app_db, pg->sess.user_id, pg->now, pg->ip,
	    pg->req->agent ? pg->req->agent : "", token, &sid) == -1 ||
	    audit_write(app_db, &pg->actor, "password.change", "user",
	    pg->sess.user_id, "") == -1 || db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (page_error(pg, 500));
	}
	guard_set_session_cookie(pg, token);
	return (page_redirect(pg, "/account", "password_changed"));
}

int
page_account_name(struct http_request *req)
{
	return (pw_page(req, ALLOW_POST, R_ANY, change_name));
}

int
page_account_signin(struct http_request *req)
{
	return (pw_page(req, ALLOW_POST, R_ANY, change_signin));
}

int
page_account_password(struct http_request *req)
{
	return (pw_page(req, ALLOW_POST, R_ANY, change_password));
}

int
page_account_sessions(struct http_request *req)
{
	struct page	 pg;
	int		 n;

	if (!page_begin(&pg, req, ALLOW_POST) || !page_require(&pg, R_ANY))
		return (KORE_RESULT_OK);
	if (db_begin(app_db) == -1)
		return (page_error(&pg, 500));
	if ((n = session_end_user(app_db, pg.sess.user_id, pg.sess.id)) ==
	    -1 || audit_write(app_db, &pg.actor, "signout.others", "user",
	    pg.sess.user_id, arena_printf(&pg.arena, "%d", n)) == -1 ||
	    db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (page_error(&pg, 500));
	}
	return (page_redirect(&pg, "/account", "sessions_ended"));
}
