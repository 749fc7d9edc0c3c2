/*
 * actions.c: actions that finish (app/core/actions.c).
 *
 *   /actions                  staff: open actions, overdue first
 *                             (?show=all: finished ones too); a
 *                             councillor sees only their own
 *   /actions/ID               one action; its owner or a worker marks it
 *                             done (with dated evidence) or dropped
 *                             (with a reason young people read)
 *   /actions/ID/happened      "Did it happen?": a young person who raised
 *                             the issue answers once, and may change it
 *
 * Someone else's action, or one a young person did not raise, is 404.
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "settings.h"
#include "timefmt.h"

#define R_ACTIONS	(R_WORKER | R_COUNCILLOR | R_ADMIN)

static int64_t
threshold(void)
{
	return (settings_int(app_db, "small_count", 5));
}

/* The action id in a path like /actions/ID..., or 0. */
static int64_t
path_id(const char *path)
{
	return (strtoll(path + strlen("/actions/"), NULL, 10));
}

int
page_actions(struct http_request *req)
{
	struct page	 pg;
	const char	*show;
	int64_t		 owner;
	int		 all;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_ACTIONS))
		return (KORE_RESULT_OK);
	show = form_raw(&pg.form, "show");
	all = show != NULL && strcmp(show, "all") == 0;
	owner = pg.sess.role == ROLE_COUNCILLOR ? pg.sess.user_id : 0;
	pg.title = owner ? "My actions" : "Actions";
	pg.nav = "actions";
	tv_set_bool(pg.ctx, "show_all", all);
	tv_set_bool(pg.ctx, "mine", owner != 0);
	if (actions_list(app_db, owner, all, pg.now, tv_set_list(pg.ctx,
	    "actions")) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "actions"));
}

/* May this person read action ac? Workers and admins all; others own. */
static int
may_read(const struct page *pg, const struct action *ac)
{
	return (pg->sess.role == ROLE_WORKER || pg->sess.role == ROLE_ADMIN ||
	    ac->owner_id == pg->sess.user_id);
}

static int
action_page(struct page *pg, const struct action *ac, int errors)
{
	const char	*v;

	if (actions_show(app_db, ac->id, pg->now, threshold(), pg->ctx) != 1)
		return (page_error(pg, 500));
	pg->title = "An action";
	pg->nav = "actions";
	tv_set_bool(pg->ctx, "may_close", strcmp(ac->state, "open") == 0 &&
	    actions_may_close(ac, pg->sess.role, pg->sess.user_id));
	tv_set_str(pg->ctx, "f_evidence", form_raw(&pg->form, "evidence"));
	tv_set_str(pg->ctx, "f_link", form_raw(&pg->form, "link"));
	tv_set_str(pg->ctx, "f_reason", form_raw(&pg->form, "reason"));
	/* Closed by someone else while this page was open: the words typed
	 * come back to copy, the forms being gone. */
	tv_set_bool(pg->ctx, "unsent", errors && !tv_truthy_key(pg->ctx,
	    "may_close") && (!form_empty(&pg->form, "evidence") ||
	    !form_empty(&pg->form, "reason")));
	v = form_raw(&pg->form, "on");
	tv_set_str(pg->ctx, "f_on", v != NULL ? v : time_iso_date(&pg->arena,
	    pg->now));
	return (errors ? page_form_errors(pg, "action") :
	    page_render(pg, 200, "action"));
}

/* Plain words for what the core refused, on the field it is about. */
static int
refused(struct page *pg, const struct action *ac, enum action_result r,
    const char *field)
{
	if (r == ACTION_MISSING)
		return (page_error(pg, 404));
	if (r == ACTION_ERROR)
		return (page_error(pg, 500));
	if (r == ACTION_CLOSED)
		form_error(&pg->errors, "unsent", "Someone has already marked "
		    "this action done or dropped.");
	else if (r == ACTION_FUTURE)
		form_error(&pg->errors, "on", "That day has not come yet. "
		    "Mark it done once it has happened.");
	else if (r == ACTION_QUOTES)
		form_error(&pg->errors, field, "This repeats words from a young "
		    "person's private view of this issue (five or more in a "
		    "row). Young people and the public read this: say it in "
		    "your own words.");
	else if (r == ACTION_EARLY)
		form_error(&pg->errors, "on", "That day is before this action "
		    "was agreed. Give the day it was done.");
	else if (r == ACTION_VAGUE)
		form_error(&pg->errors, field, strcmp(field, "reason") == 0 ?
		    "Say why in a few real words (at least 3). Young people "
		    "will read it." : "Say what happened in a few real words "
		    "(at least 3). Young people will read it.");
	return (action_page(pg, ac, 1));
}

static int
mark_done(struct page *pg, const struct action *ac)
{
	const char		*evidence, *link;
	enum action_result	 r;
	int64_t			 on;

	evidence = form_text(&pg->form, "evidence", ACTION_EVIDENCE_MAX, 1, 1,
	    &pg->errors, "Say what happened. Young people will read it.");
	link = form_text(&pg->form, "link", ACTION_LINK_MAX, 0, 0,
	    &pg->errors, "");
	on = 0;
	if (form_empty(&pg->form, "on"))
		form_error(&pg->errors, "on", "Give the day it happened.");
	else if (time_parse_date(form_raw(&pg->form, "on"), &on) == -1)
		form_error(&pg->errors, "on", "Enter a real day like "
		    "2026-12-03 (year, month, day).");
	if (pg->errors.n > 0)
		return (action_page(pg, ac, 1));
	r = actions_done(app_db, &pg->actor, ac->id, evidence, on, link,
	    pg->now);
	if (r != ACTION_OK)
		return (refused(pg, ac, r, "evidence"));
	return (page_redirect(pg, arena_printf(&pg->arena, "/actions/%lld",
	    (long long)ac->id), "action_done"));
}

static int
mark_dropped(struct page *pg, const struct action *ac)
{
	const char		*reason;
	enum action_result	 r;

	reason = form_text(&pg->form, "reason", ACTION_REASON_MAX, 1, 1,
	    &pg->errors, "Say why it will not happen. Young people will read "
	    "it.");
	if (reason == NULL)
		return (action_page(pg, ac, 1));
	r = actions_drop(app_db, &pg->actor, ac->id, reason, pg->now);
	if (r != ACTION_OK)
		return (refused(pg, ac, r, "reason"));
	return (page_redirect(pg, arena_printf(&pg->arena, "/actions/%lld",
	    (long long)ac->id), "action_dropped"));
}

static int
happened(struct http_request *req)
{
	struct page	 pg;
	struct action	 ac;
	const char	*answer;
	int64_t		 id;
	int		 rc;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	id = path_id(req->path);
	if (id <= 0 || (rc = actions_get(app_db, id, &ac)) == 0)
		return (page_error(&pg, 404));
	if (rc == -1 || (rc = actions_may_answer(app_db, id,
	    pg.sess.user_id)) == -1)
		return (page_error(&pg, 500));
	if (rc == 0)
		return (page_error(&pg, 404));
	if (req->method == HTTP_METHOD_POST) {
		answer = form_raw(&pg.form, "answer");
		if (!actions_answer_valid(answer))
			form_error(&pg.errors, "answer", "Choose one answer: "
			    "yes, partly, no or not sure.");
		else if (actions_answer(app_db, &pg.actor, id, answer,
		    pg.now) == -1)
			return (page_error(&pg, 500));
		else
			return (page_redirect(&pg, arena_printf(&pg.arena,
			    "/actions/%lld/happened", (long long)id),
			    "happened_saved"));
	}
	if (actions_happened_form(app_db, id, pg.sess.user_id, pg.ctx) != 1)
		return (page_error(&pg, 500));
	pg.title = "Did it happen?";
	pg.nav = "notifications";
	return (pg.errors.n > 0 ? page_form_errors(&pg, "action_happened") :
	    page_render(&pg, 200, "action_happened"));
}

int
page_action(struct http_request *req)
{
	struct page	 pg;
	struct action	 ac;
	const char	*what;
	int		 rc;

	if (strstr(req->path, "/happened") != NULL)
		return (happened(req));
	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_ACTIONS))
		return (KORE_RESULT_OK);
	if ((rc = actions_get(app_db, path_id(req->path), &ac)) == -1)
		return (page_error(&pg, 500));
	if (rc == 0 || !may_read(&pg, &ac))
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (action_page(&pg, &ac, 0));
	if (!actions_may_close(&ac, pg.sess.role, pg.sess.user_id))
		return (page_error(&pg, 404));
	what = form_raw(&pg.form, "do");
	if (what != NULL && strcmp(what, "done") == 0)
		return (mark_done(&pg, &ac));
	if (what != NULL && strcmp(what, "drop") == 0)
		return (mark_dropped(&pg, &ac));
	return (page_error(&pg, 400));
}
