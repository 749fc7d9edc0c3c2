/*
 * moderation.c: /moderation (the participation team's queue, urgent
 * first, then oldest) and /moderation/ID (one view: read it, see its
 * safeguarding concerns, then approve, redirect, reject or merge).
 * Concerns are held and closed at /safeguarding (concerns.c).
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "moderation.h"
#include "views.h"

static const char *const actions[] = {
	"approve", "redirect", "reject", "merge", "file", NULL,
};
static const char *const route_keys[] = {
	"social_worker", "iro", "advocate", "complaints", NULL,
};

static int	done_line(struct page *);
static int	go_next(struct page *, int64_t);

int
page_moderation(struct http_request *req)
{
	static const char *const reads[] = { "done", NULL };
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_WORKER))
		return (KORE_RESULT_OK);
	pg.title = "Moderation";
	pg.nav = "moderation";
	/* The queue is the same for every worker: kept until any write
	 * (a new view, a decision, a concern) or a minute has passed. */
	if (cache_serve_reading(&pg, R_WORKER, reads))
		return (KORE_RESULT_OK);
	if (done_line(&pg) == -1 || moderation_queue(app_db, pg.ctx) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "moderation"));
}

/*
 * Someone else dealt with the view while this worker typed: the forms
 * are gone, so what they wrote is shown back to copy, not dropped.
 */
static void
unsent(struct page *pg)
{
	static const struct {
		const char	*field, *label;
	} typed[] = {
		{ "issue_title", "Issue title" },
		{ "summary", "Public summary" },
		{ "words", "What to tell them" },
		{ "reason", "The reason" },
	};
	struct tval	*list, *row;
	const char	*v;
	size_t		 i;

	if (pg->req->method != HTTP_METHOD_POST ||
	    strcmp(tv_get_str(pg->ctx, "state"), "received") == 0)
		return;
	list = tv_set_list(pg->ctx, "unsent");
	for (i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
		if ((v = form_raw(&pg->form, typed[i].field)) == NULL ||
		    *v == '\0')
			continue;
		row = tv_push_map(list);
		tv_set_str(row, "label", typed[i].label);
		tv_set_str(row, "text", v);
		tv_set_bool(pg->ctx, "has_unsent", 1);
	}
}

static int
view_page(struct page *pg, int64_t id, int errors)
{
	const char	*v;
	int		 rc;

	if ((rc = moderation_view(app_db, id, pg->now, pg->ctx)) != 1 ||
	    (rc = done_line(pg)) == -1)
		return (page_missing(pg, rc));
	/* The author is told a worker has read it (a receipt, kept once). */
	if (pg->req->method != HTTP_METHOD_POST &&
	    views_mark_read(app_db, &pg->actor, id, pg->now) != 0)
		kore_log(LOG_ERR, "views_mark_read: %s", db_errmsg(app_db));
	/* The page's own title takes "title" in the layout. */
	tv_set_str(pg->ctx, "view_title", tv_get_str(pg->ctx, "title"));
	pg->title = "Read a view";
	pg->nav = "moderation";
	/* Keep what the worker typed, or offer the young person's words. */
	/* A private view's own title is never offered as a public one. */
	v = form_raw(&pg->form, "issue_title");
	tv_set_str(pg->ctx, "issue_title", v ? v :
	    strcmp(tv_get_str(pg->ctx, "publish"), "no") == 0 ? "" :
	    tv_get_str(pg->ctx, "title"));
	tv_set_str(pg->ctx, "summary", form_raw(&pg->form, "summary"));
	v = form_raw(&pg->form, "words");
	tv_set_str(pg->ctx, "words", v ? v : "This is about your own "
	    "situation, so it is best sorted out by someone who knows you. "
	    "Your participation worker can help you get in touch.");
	tv_set_str(pg->ctx, "reason", form_raw(&pg->form, "reason"));
	unsent(pg);
	return (errors ? page_form_errors(pg, "moderation_view") :
	    page_render(pg, 200, "moderation_view"));
}

static int64_t
path_id(struct page *pg)
{
	return (strtoll(pg->req->path + strlen("/moderation/"), NULL, 10));
}

/*
 * After a decision, the next view of the queue, saying what was done to
 * this one; at the end of the queue, the queue itself, empty.
 */
static int
go_next(struct page *pg, int64_t done)
{
	int64_t	 next;
	int	 rc;

	if ((rc = moderation_next(app_db, &next)) == -1)
		return (page_error(pg, 500));
	if (rc == 0)
		return (page_redirect(pg, arena_printf(&pg->arena,
		    "/moderation?done=%lld", (long long)done), NULL));
	return (page_redirect(pg, arena_printf(&pg->arena,
	    "/moderation/%lld?done=%lld", (long long)next, (long long)done),
	    NULL));
}

/*
 * "Done: approved 'X'" for the view named by ?done=, if a decision was
 * made on it. Only the id travels; the words come from the database.
 */
static int
done_line(struct page *pg)
{
	int64_t	 done;

	if (pg->req->method == HTTP_METHOD_POST ||
	    form_id(&pg->form, "done", &done) == -1)
		return (0);
	return (moderation_decided(app_db, done, pg->ctx) == -1 ? -1 : 0);
}

/* Run one decision; form problems come back on the same page. */
static int
decide(struct page *pg, int64_t id, int action)
{
	const struct form	*f = &pg->form;
	const char		*a, *b;
	enum mod_result		 r;
	int64_t			 issue;
	int			 route;

	r = MOD_ERROR;
	switch (action) {
	case 0:
		a = form_text(f, "issue_title", VIEW_TITLE_MAX, 0, 1,
		    &pg->errors, "Give the issue a short public title.");
		b = form_text(f, "summary", 2000, 1, 1, &pg->errors,
		    "Write a public summary. It is what councillors and the "
		    "public page show, never the young person's own words.");
		if (pg->errors.n > 0)
			return (view_page(pg, id, 1));
		r = moderation_approve(app_db, &pg->actor, id, a, b, pg->now,
		    &issue);
		break;
	case 1:
		route = form_choice(f, "route", route_keys, &pg->errors,
		    "Choose who can help.");
		a = form_text(f, "words", 2000, 1, 1, &pg->errors,
		    "Tell the young person where to go, in words they will "
		    "understand.");
		if (pg->errors.n > 0)
			return (view_page(pg, id, 1));
		b = arena_printf(&pg->arena, "%s Who can help: %s.", a,
		    moderation_route_text(route_keys[route]));
		r = moderation_redirect(app_db, &pg->actor, id,
		    route_keys[route], b, pg->now);
		break;
	case 2:
		a = form_text(f, "reason", 2000, 1, 1, &pg->errors,
		    "Give the reason. The young person will read it.");
		if (pg->errors.n > 0)
			return (view_page(pg, id, 1));
		r = moderation_reject(app_db, &pg->actor, id, a, pg->now);
		break;
	case 3:
		if (form_id(f, "issue_id", &issue) == -1) {
			form_error(&pg->errors, "issue_id", "Choose the issue "
			    "to join.");
			return (view_page(pg, id, 1));
		}
		r = moderation_merge(app_db, &pg->actor, id, issue, pg->now);
		break;
	case 4:
		r = moderation_file_reply(app_db, &pg->actor, id, pg->now);
		break;
	}
	if (r == MOD_FLAGGED)
		form_error(&pg->errors, "concerns", "This view has a "
		    "safeguarding concern nobody has taken yet. Take it first "
		    "(it stays open until someone closes it).");
	else if (r == MOD_DONE)
		form_error(&pg->errors, "action", "Someone has already "
		    "dealt with this view.");
	else if (r == MOD_NO_ISSUE)
		form_error(&pg->errors, "issue_id", "That issue no longer "
		    "exists.");
	else if (r != MOD_OK)
		return (page_error(pg, 500));
	if (pg->errors.n > 0)
		return (view_page(pg, id, 1));
	return (go_next(pg, id));
}

int
page_moderation_view(struct http_request *req)
{
	struct page	 pg;
	int64_t		 id;
	int		 action;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_WORKER))
		return (KORE_RESULT_OK);
	if ((id = path_id(&pg)) <= 0)
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (view_page(&pg, id, 0));
	action = form_choice(&pg.form, "action", actions, &pg.errors,
	    "Choose what to do.");
	if (action < 0)
		return (view_page(&pg, id, 1));
	return (decide(&pg, id, action));
}
