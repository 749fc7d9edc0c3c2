/*
 * views.c: /views/new (raise a view, with or without an account), /views
 * (my views), /views/ID (one view's timeline), /views/ID/withdraw, and
 * /track (follow a view raised without an account, by its code).
 *
 * Only the author may see a view; anyone else, and any id that does not
 * exist, gets the same 404.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "throttle.h"
#include "views.h"

#define ANON_VIEWS_PER_HOUR	5

static const char *const publish_opts[] = { "no", "name", "anonymous", NULL };

static int
new_form(struct page *pg, int errors)
{
	const struct form	*f = &pg->form;
	const char		*v;
	char			 token[AUTH_TOKEN_LEN];
	int64_t			 cat;

	pg->title = "Raise a view";
	pg->nav = "raise";
	cat = 0;
	(void)form_id(f, "category", &cat);
	if (views_categories(app_db, tv_set_list(pg->ctx, "categories"),
	    cat) == -1)
		return (page_error(pg, 500));
	tv_set_str(pg->ctx, "v_title", form_raw(f, "title"));
	tv_set_str(pg->ctx, "v_body", form_raw(f, "body"));
	tv_set_str(pg->ctx, "v_better", form_raw(f, "better"));
	tv_set_bool(pg->ctx, "v_share", form_has(f, "share"));
	v = form_raw(f, "publish");
	tv_set_bool(pg->ctx, arena_printf(&pg->arena, "publish_%s",
	    v ? v : "no"), 1);
	/* One token per form shown: sent twice, it makes one view. */
	if ((v = form_raw(f, "form_token")) == NULL || strlen(v) != 43) {
		auth_token_new(token);
		v = token;
	}
	tv_set_str(pg->ctx, "form_token", v);
	tv_set_bool(pg->ctx, "anonymous", !pg->signed_in);
	return (errors ? page_form_errors(pg, "views_new") :
	    page_render(pg, 200, "views_new"));
}

static int
read_view(struct page *pg, struct view_input *in)
{
	const struct form	*f = &pg->form;
	int			 p;

	memset(in, 0, sizeof(*in));
	if (form_id(f, "category", &in->category_id) == -1 ||
	    !views_category_valid(app_db, in->category_id))
		form_error(&pg->errors, "category", "Choose what it is about.");
	in->title = form_text(f, "title", VIEW_TITLE_MAX, 0, 1, &pg->errors,
	    "Give it a short title.");
	in->body = form_text(f, "body", VIEW_BODY_MAX, 1, 1, &pg->errors,
	    "Tell us what you want to say.");
	in->better = form_text(f, "better", VIEW_BETTER_MAX, 1, 0,
	    &pg->errors, "");
	in->share = form_has(f, "share");
	p = form_choice(f, "publish", publish_opts, &pg->errors,
	    "Choose whether we may share what happens.");
	in->publish = p < 0 ? "no" : publish_opts[p];
	if (!pg->signed_in && p == 1)
		form_error(&pg->errors, "publish", "Without an account there is "
		    "no name to show. Choose \"without my name\" or \"no\".");
	in->form_token = form_raw(f, "form_token");
	return (pg->errors.n == 0);
}

static int
anon_allowed(struct page *pg)
{
	char	 key[96];
	int64_t	 wait;

	(void)snprintf(key, sizeof(key), "anonview:%s", pg->ip);
	wait = throttle_wait(app_db, key, pg->now, 3600, ANON_VIEWS_PER_HOUR);
	if (wait > 0) {
		tv_set_int(pg->ctx, "wait_minutes", (wait + 59) / 60);
		return (0);
	}
	return (throttle_fail(app_db, key, pg->now) == 0);
}

static int
submitted(struct page *pg, const struct view_created *vc)
{
	if (pg->signed_in && !vc->flagged)
		return (page_redirect(pg, arena_printf(&pg->arena,
		    "/views/%lld", (long long)vc->id), "view_sent"));
	pg->title = vc->flagged ? "We are here to help" : "We got your view";
	if (vc->flagged)
		help_context(pg);
	tv_set_bool(pg->ctx, "flagged", vc->flagged);
	tv_set_bool(pg->ctx, "duplicate", vc->duplicate);
	tv_set_str(pg->ctx, "track", vc->track);
	if (pg->signed_in)
		tv_set_int(pg->ctx, "view_id", vc->id);
	return (page_render(pg, 200, "views_sent"));
}

int
page_views_new(struct http_request *req)
{
	struct page		 pg;
	struct view_input	 in;
	struct view_created	 vc;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST))
		return (KORE_RESULT_OK);
	/* Staff do not raise views here; young people and visitors do. */
	if (pg.signed_in && pg.sess.role != ROLE_YOUNG)
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (new_form(&pg, 0));
	if (!read_view(&pg, &in))
		return (new_form(&pg, 1));
	if (!pg.signed_in && !anon_allowed(&pg)) {
		tv_set_bool(pg.ctx, "throttled", 1);
		form_error(&pg.errors, "title", "Lots of views have been sent "
		    "from here in the last hour. Please try again later.");
		return (new_form(&pg, 1));
	}
	if (views_create(app_db, &pg.actor, &in, pg.now, &vc) == -1) {
		kore_log(LOG_ERR, "views_create: %s", db_errmsg(app_db));
		return (page_error(&pg, 500));
	}
	return (submitted(&pg, &vc));
}

int
page_views(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	pg.title = "My views";
	pg.nav = "views";
	if (views_mine(app_db, pg.sess.user_id, tv_set_list(pg.ctx,
	    "views")) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "views_list"));
}

static int
show(struct page *pg, const struct view *v, const char *track)
{
	if (views_show(app_db, v, pg->ctx) != 1)
		return (page_error(pg, 500));
	pg->title = tv_get_str(pg->ctx, "title");
	if (track != NULL)
		tv_set_str(pg->ctx, "track", track);
	return (page_render(pg, 200, "view_show"));
}

/* The view named in the path, if this person may see it. */
static int
own_view(struct page *pg, struct view *v)
{
	int64_t	 id;

	id = strtoll(pg->req->path + strlen("/views/"), NULL, 10);
	return (id > 0 && views_get(app_db, id, v) == 1 &&
	    views_may_see(v, pg->sess.user_id));
}

int
page_view_show(struct http_request *req)
{
	struct page	 pg;
	struct view	 v;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (!own_view(&pg, &v))
		return (page_error(&pg, 404));
	pg.nav = "views";
	return (show(&pg, &v, NULL));
}

int
page_view_withdraw(struct http_request *req)
{
	struct page	 pg;
	struct view	 v;

	if (!page_begin(&pg, req, ALLOW_POST) || !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (!own_view(&pg, &v))
		return (page_error(&pg, 404));
	if (views_withdraw(app_db, &pg.actor, &v, pg.now) == -1)
		return (page_error(&pg, views_may_withdraw(&v) ? 500 : 409));
	return (page_redirect(&pg, arena_printf(&pg.arena, "/views/%lld",
	    (long long)v.id), "view_withdrawn"));
}

int
page_track(struct http_request *req)
{
	struct page	 pg;
	struct view	 v;
	const char	*code;
	char		 key[96];
	int64_t		 wait;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST))
		return (KORE_RESULT_OK);
	pg.title = "Follow a view";
	pg.nav = "track";
	if (req->method != HTTP_METHOD_POST)
		return (page_render(&pg, 200, "track"));
	(void)snprintf(key, sizeof(key), "track:%s", pg.ip);
	if ((wait = throttle_wait(app_db, key, pg.now, 600, 20)) != 0) {
		form_error(&pg.errors, "code", "Too many wrong codes from here. "
		    "Please wait a few minutes.");
		return (page_form_errors(&pg, "track"));
	}
	code = form_text(&pg.form, "code", 40, 0, 1, &pg.errors,
	    "Type the code you were given.");
	tv_set_str(pg.ctx, "code", form_raw(&pg.form, "code"));
	if (code == NULL)
		return (page_form_errors(&pg, "track"));
	if (views_by_track(app_db, code, &v) != 1) {
		(void)throttle_fail(app_db, key, pg.now);
		form_error(&pg.errors, "code", "We cannot find a view with that "
		    "code. Check it and try again.");
		return (page_form_errors(&pg, "track"));
	}
	return (show(&pg, &v, code));
}

int
page_notifications(struct http_request *req)
{
	struct page	 pg;

	/* Young people hear about their views; workers and admins about
	 * new concerns (alert.c). */
	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG | R_WORKER | R_ADMIN))
		return (KORE_RESULT_OK);
	if (req->method == HTTP_METHOD_POST) {
		if (notify_read_all(app_db, pg.sess.user_id, pg.now) == -1)
			return (page_error(&pg, 500));
		return (page_redirect(&pg, "/notifications", NULL));
	}
	tv_set_bool(pg.ctx, "staff_notes", pg.sess.role != ROLE_YOUNG);
	pg.title = pg.sess.role == ROLE_YOUNG ? "Messages" : "Notifications";
	pg.nav = "notifications";
	if (notify_list(app_db, pg.sess.user_id, tv_set_list(pg.ctx,
	    "notes")) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "notifications"));
}
