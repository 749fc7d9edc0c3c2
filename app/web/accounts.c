/*
 * accounts.c: /accounts, where admins manage every account and
 * participation workers manage young people's: list, invite, turn off and
 * on, and reset a sign-in with a one-time code (a young person who has
 * forgotten theirs asks their worker). Who may do what is decided in one
 * place, accounts_may_manage() and accounts_may_invite().
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "invite.h"
#include "issues.h"
#include "settings.h"

static const char *const invite_roles[] = {
	"young_person", "participation_worker", "councillor", "admin", NULL,
};

static int
accounts_page(struct page *pg, int errors)
{
	struct tval	*list, *row;
	enum role	 only;

	pg->title = pg->sess.role == ROLE_ADMIN ? "Accounts" : "Young people";
	pg->nav = "accounts";
	only = pg->sess.role == ROLE_ADMIN ? ROLE_NONE : ROLE_YOUNG;
	tv_set_bool(pg->ctx, "admin", pg->sess.role == ROLE_ADMIN);
	tv_set_int(pg->ctx, "invite_days", settings_int(app_db, "invite_days",
	    14));
	if (user_list(app_db, only, (list = tv_set_list(pg->ctx,
	    "accounts"))) == -1)
		return (page_error(pg, 500));
	for (row = (struct tval *)tv_first(list); row != NULL;
	    row = (struct tval *)tv_next(row))
		tv_set_bool(row, "me", strtoll(tv_get_str(row, "id"), NULL,
		    10) == pg->sess.user_id);
	return (errors ? page_form_errors(pg, "accounts") :
	    page_render(pg, 200, "accounts"));
}

int
page_accounts(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) ||
	    !page_require(&pg, R_WORKER | R_ADMIN))
		return (KORE_RESULT_OK);
	return (accounts_page(&pg, 0));
}

/* Show a new code once, with how to use it. */
static int
code_page(struct page *pg, const char *code, enum role role, int reset,
    const char *who, int64_t days)
{
	pg->title = reset ? "Password reset code" : "Invite code";
	pg->nav = "accounts";
	tv_set_str(pg->ctx, "code", code);
	tv_set_str(pg->ctx, "role", role_label(role));
	tv_set_bool(pg->ctx, "reset", reset);
	tv_set_str(pg->ctx, "who", who ? who : "");
	tv_set_int(pg->ctx, "days", days);
	return (page_render(pg, 200, "invite_created"));
}

int
page_accounts_invite(struct http_request *req)
{
	struct page	 pg;
	char		 code[AUTH_CODE_LEN];
	enum role	 role;
	int64_t		 id, days;
	int		 i;

	if (!page_begin(&pg, req, ALLOW_POST) ||
	    !page_require(&pg, R_WORKER | R_ADMIN))
		return (KORE_RESULT_OK);
	i = form_choice(&pg.form, "role", invite_roles, &pg.errors,
	    "Choose who the invite is for.");
	role = i < 0 ? ROLE_NONE : role_parse(invite_roles[i]);
	if (i >= 0 && !accounts_may_invite(pg.sess.role, role))
		form_error(&pg.errors, "role", "You cannot invite someone with "
		    "that role.");
	if (pg.errors.n > 0)
		return (accounts_page(&pg, 1));
	days = settings_int(app_db, "invite_days", 14);
	if (db_begin(app_db) == -1)
		return (page_error(&pg, 500));
	if (invite_create(app_db, &pg.actor, role, 0, pg.now, days, code,
	    &id) == -1 || db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (page_error(&pg, 500));
	}
	return (code_page(&pg, code, role, 0, NULL, days));
}

/* "/accounts/ID/verb": the id and the verb, or -1. */
static int
parse_path(const char *path, int64_t *id, const char **verb)
{
	const char	*p;
	char		*end;
	long long	 n;

	p = path + strlen("/accounts/");
	n = strtoll(p, &end, 10);
	if (n <= 0 || *end != '/')
		return (-1);
	*id = n;
	*verb = end + 1;
	return (0);
}

/*
 * What a turned-off person holds and what the workers do about each, in
 * words: "1 issue to answer and 2 promises of the current Pledge. Send
 * the issues on...". Only what they hold is named.
 */
static const char *
left_with_words(struct arena *a, int64_t issues, int64_t actions,
    int64_t promises)
{
	const char	*part[3], *held, *todo;
	size_t		 n, i;

	n = 0;
	todo = "";
	if (issues > 0) {
		part[n++] = arena_printf(a, "%lld issue%s to answer",
		    (long long)issues, issues == 1 ? "" : "s");
		todo = " Send the issues on to another councillor.";
	}
	if (actions > 0) {
		part[n++] = arena_printf(a, "%lld open action%s",
		    (long long)actions, actions == 1 ? "" : "s");
		todo = arena_printf(a, "%s See that each action is done, or "
		    "dropped with a reason.", todo);
	}
	/* pledge_manage.c changes only a draft's promises: say so. */
	if (promises > 0) {
		part[n++] = arena_printf(a, "%lld promise%s of the current "
		    "Pledge", (long long)promises, promises == 1 ? "" : "s");
		todo = arena_printf(a, "%s The Pledge still names them as who "
		    "is responsible, and reminders of no progress go to them. "
		    "The owner of a promise can only be changed in a new draft "
		    "of the Pledge: at Manage the Pledge, start a draft (or "
		    "open the one under way), choose another owner for each "
		    "of their promises, and publish it.", todo);
	}
	held = n > 0 ? part[0] : "";
	for (i = 1; i < n; i++)
		held = arena_printf(a, "%s%s%s", held, i == n - 1 ? " and " :
		    ", ", part[i]);
	return (arena_printf(a, "%s.%s", held, todo));
}

/*
 * A person turned off while they hold issues, actions or promises of the
 * current Pledge: the workers are told, or the issues wait for an answer
 * nobody can give and the promises name someone who has gone. 1 if so.
 */
static int
tell_team_left_with(struct page *pg, const struct user *u)
{
	const char	*link;
	int64_t		 issues, actions, promises;

	if (issues_held_by(app_db, u->id, &issues, &actions, &promises) == -1)
		return (-1);
	if (issues + actions + promises == 0)
		return (0);
	if (issues > 0)
		link = arena_printf(&pg->arena, "/issues?councillor=%lld",
		    (long long)u->id);
	else
		link = actions > 0 ? "/actions" : "/pledge/manage";
	if (notify_workers(app_db, pg->now, arena_printf(&pg->arena, "%s's "
	    "account was turned off while they still hold %s", u->name,
	    left_with_words(&pg->arena, issues, actions, promises)),
	    link) == -1)
		return (-1);
	return (1);
}

static int
set_enabled(struct page *pg, const struct user *u, int enable)
{
	int	 held;

	held = 0;
	if (db_begin(app_db) == -1)
		return (page_error(pg, 500));
	if (user_set_disabled(app_db, u->id, !enable, pg->now) == -1 ||
	    (!enable && session_end_user(app_db, u->id, 0) == -1) ||
	    (!enable && (held = tell_team_left_with(pg, u)) == -1) ||
	    audit_write(app_db, &pg->actor, enable ? "account.enable" :
	    "account.disable", "user", u->id, role_key(u->role)) == -1 ||
	    db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (page_error(pg, 500));
	}
	return (page_redirect(pg, "/accounts", enable ? "account_enabled" :
	    held ? "account_disabled_holding" : "account_disabled"));
}

static int
reset_code(struct page *pg, const struct user *u)
{
	char	 code[AUTH_CODE_LEN];
	int64_t	 id, days;

	days = settings_int(app_db, "invite_days", 14);
	if (db_begin(app_db) == -1)
		return (page_error(pg, 500));
	if (invite_create(app_db, &pg->actor, u->role, u->id, pg->now, days,
	    code, &id) == -1 || db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (page_error(pg, 500));
	}
	return (code_page(pg, code, u->role, 1, u->name, days));
}

int
page_accounts_action(struct http_request *req)
{
	struct page	 pg;
	struct user	 u;
	const char	*verb;
	int64_t		 id;

	if (!page_begin(&pg, req, ALLOW_POST) ||
	    !page_require(&pg, R_WORKER | R_ADMIN))
		return (KORE_RESULT_OK);
	/* Unknown, and not yours to manage, look the same; your own is
	 * said in words (its buttons are not shown). */
	if (parse_path(req->path, &id, &verb) == -1 ||
	    user_by_id(app_db, id, &u) != 1)
		return (page_error(&pg, 404));
	if (id == pg.sess.user_id)
		return (page_redirect(&pg, "/accounts", "account_self"));
	if (!accounts_may_manage(pg.sess.role, pg.sess.user_id, &u))
		return (page_error(&pg, 404));
	if (strcmp(verb, "disable") == 0)
		return (set_enabled(&pg, &u, 0));
	if (strcmp(verb, "enable") == 0)
		return (set_enabled(&pg, &u, 1));
	if (strcmp(verb, "reset") == 0 && u.disabled)
		return (page_redirect(&pg, "/accounts", "account_reset_off"));
	if (strcmp(verb, "reset") == 0)
		return (reset_code(&pg, &u));
	return (page_error(&pg, 404));
}
