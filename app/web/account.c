/*
 * account.c: /account, where anyone signed in changes their display name
 * or password (the current password is asked for both) and sees where
 * they are signed in, and can sign out everywhere else.
 */
#include <string.h>

#include "app.h"

static int
account_page(struct page *pg, int errors)
{
	struct user	 u;
	const char	*band, *v;

	if (user_by_id(app_db, pg->sess.user_id, &u) != 1)
		return (page_error(pg, 500));
	pg->title = "Your account";
	pg->nav = "account";
	tv_set_str(pg->ctx, "name", u.name);
	tv_set_str(pg->ctx, "role", role_label(u.role));
	tv_set_bool(pg->ctx, "young", u.role == ROLE_YOUNG);
	band = age_band_label(u.age_band);
	tv_set_str(pg->ctx, "age_band", band ? band : "");
	tv_set_bool(pg->ctx, "outside", u.lives_outside);
	if ((v = form_raw(&pg->form, "new_name")) != NULL)
		tv_set_str(pg->ctx, "new_name", v);
	if (session_list(app_db, pg->sess.user_id, pg->sess.id,
	    tv_set_list(pg->ctx, "sessions")) == -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "account") :
	    page_render(pg, 200, "account"));
}

int
page_account(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_ANY))
		return (KORE_RESULT_OK);
	return (account_page(&pg, 0));
}

/* Start checking the current password; the job carries the user's id. */
static int
verify_current(struct page *pg, const char *field, const char *new_pw)
{
	char	 hash[AUTH_HASH_MAX];
	int	 rc;

	if (user_password_hash(app_db, pg->sess.user_id, hash,
	    sizeof(hash)) != 1)
		return (page_error(pg, 500));
	rc = pw_job_start(pg->req, new_pw ? PW_VERIFY_HASH : PW_VERIFY,
	    form_raw(&pg->form, field), hash, new_pw, pg->sess.user_id);
	page_end(pg);
	return (rc);
}

static int
change_name(struct page *pg, struct pw_job *job)
{
	const char	*name, *why;

	name = form_text(&pg->form, "new_name", 200, 0, 1, &pg->errors,
	    "Type the new name you want.");
	if (name != NULL && (why = user_name_problem(name, pg->sess.role)))
		form_error(&pg->errors, "new_name", why);
	if (!form_has(&pg->form, "current") ||
	    *form_raw(&pg->form, "current") == '\0')
		form_error(&pg->errors, "current",
		    "Type your password, to show it is you.");
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
		if (why == NULL)
			return (page_error(pg, 500));
		form_error(&pg->errors, "new_name", why);
		return (account_page(pg, 1));
	}
	return (page_redirect(pg, "/account", "name_changed"));
}

static int
change_password(struct page *pg, struct pw_job *job)
{
	const char	*pw, *why;
	int		 second;

	pw = form_raw(&pg->form, "new_password");
	if (!form_has(&pg->form, "current_pw") ||
	    *form_raw(&pg->form, "current_pw") == '\0')
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
	if (user_set_password(app_db, pg->sess.user_id, job->new_hash) == -1 ||
	    session_end_user(app_db, pg->sess.user_id, pg->sess.id) == -1 ||
	    audit_write(app_db, &pg->actor, "password.change", "user",
	    pg->sess.user_id, "") == -1 || db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (page_error(pg, 500));
	}
	return (page_redirect(pg, "/account", "password_changed"));
}

int
page_account_name(struct http_request *req)
{
	return (pw_page(req, ALLOW_POST, R_ANY, change_name));
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
