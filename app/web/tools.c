/*
 * tools.c: a participation worker's everyday tools. /accounts/ID/view
 * types in a view a young person gave on paper, by phone or at a meeting,
 * in their name; /paper-form is the one-page form to print for them.
 *
 * A view typed in goes through views_create like any other: the same
 * safeguarding scan, the same moderation queue, the same timeline for
 * its author. What it adds is who typed it and how it was given.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "quota.h"
#include "views.h"

static const char *const publish_opts[] = { "no", "name", "anonymous", NULL };

static int
entry_form(struct page *pg, const struct user *u, int errors)
{
	const struct form	*f = &pg->form;
	const char		*v;
	char			 token[AUTH_FORM_TOKEN_LEN];
	int64_t			 cat;

	pg->title = arena_printf(&pg->arena, "Type in a view for %s",
	    u->name);
	pg->nav = "accounts";
	tv_set_int(pg->ctx, "user_id", u->id);
	tv_set_str(pg->ctx, "who", u->name);
	cat = 0;
	(void)form_id(f, "category", &cat);
	if (views_categories(app_db, tv_set_list(pg->ctx, "categories"),
	    cat) == -1)
		return (page_error(pg, 500));
	if (pg->req->method == HTTP_METHOD_POST) {
		tv_set_str(pg->ctx, "v_title", form_raw(f, "title"));
		tv_set_str(pg->ctx, "v_body", form_raw(f, "body"));
		tv_set_str(pg->ctx, "v_better", form_raw(f, "better"));
		tv_set_bool(pg->ctx, "v_share", form_has(f, "share"));
		v = form_raw(f, "publish");
		tv_set_bool(pg->ctx, arena_printf(&pg->arena, "publish_%s",
		    v ? v : "no"), 1);
		v = form_raw(f, "given_via");
		if (v != NULL)
			tv_set_bool(pg->ctx, arena_printf(&pg->arena,
			    "given_%s", v), 1);
	} else
		tv_set_bool(pg->ctx, "publish_no", 1);
	/* One token per form shown: sent twice, it makes one view. */
	if ((v = guard_form_token(pg)) == NULL) {
		auth_form_token_new(pg->csrf, token);
		v = token;
	}
	tv_set_str(pg->ctx, "form_token", v);
	return (errors ? page_form_errors(pg, "tools_view") :
	    page_render(pg, 200, "tools_view"));
}

static int
read_entry(struct page *pg, const struct user *u, struct view_input *in)
{
	const struct form	*f = &pg->form;
	int			 p, g;

	memset(in, 0, sizeof(*in));
	in->for_id = u->id;
	g = form_choice(f, "given_via", views_given_ways, &pg->errors,
	    "Choose how they gave you their view.");
	in->given_via = g < 0 ? "other" : views_given_ways[g];
	if (form_id(f, "category", &in->category_id) == -1 ||
	    !views_category_valid(app_db, in->category_id))
		form_error(&pg->errors, "category", "Choose what it is about.");
	in->title = form_text(f, "title", VIEW_TITLE_MAX, 0, 1, &pg->errors,
	    "Give it a short title.");
	in->body = form_text(f, "body", VIEW_BODY_MAX, 1, 1, &pg->errors,
	    "Type in what they want to say, in their words.");
	in->better = form_text(f, "better", VIEW_BETTER_MAX, 1, 0,
	    &pg->errors, "");
	in->share = form_has(f, "share");
	p = form_choice(f, "publish", publish_opts, &pg->errors,
	    "Choose what they said about sharing the answer.");
	in->publish = p < 0 ? "no" : publish_opts[p];
	in->form_token = guard_form_token(pg);
	return (pg->errors.n == 0);
}

/* Whether the words worry the safeguarding check, as they were typed. */
static int
worrying(struct page *pg)
{
	const char	*t, *b, *w;

	t = form_raw(&pg->form, "title");
	b = form_raw(&pg->form, "body");
	w = form_raw(&pg->form, "better");
	return (page_worrying(pg, arena_printf(&pg->arena, "%s\n%s\n%s",
	    t ? t : "", b ? b : "", w ? w : "")));
}

/*
 * The young person named in "/accounts/ID/view", if this worker's. An
 * account turned off while the form was being typed still takes what
 * was typed: the words are theirs, and a worker reads them first.
 */
static int
their_account(struct page *pg, struct user *u)
{
	int64_t	 id;

	id = strtoll(pg->req->path + strlen("/accounts/"), NULL, 10);
	return (id > 0 && user_by_id(app_db, id, u) == 1 &&
	    u->role == ROLE_YOUNG && (!u->disabled ||
	    pg->req->method == HTTP_METHOD_POST) &&
	    accounts_may_manage(pg->sess.role, pg->sess.user_id, u));
}

int
page_tools_view(struct http_request *req)
{
	struct page		 pg;
	struct user		 u;
	struct view_input	 in;
	struct view_created	 vc;
	int			 ok, worry;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_WORKER))
		return (KORE_RESULT_OK);
	if (!their_account(&pg, &u))
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (entry_form(&pg, &u, 0));
	ok = read_entry(&pg, &u, &in);
	/* As for any view: worrying words are kept whatever else is wrong
	 * with the form, and the scan opens a concern. */
	if ((worry = worrying(&pg)) == -1)
		return (page_error(&pg, 500));
	if (!ok && !worry)
		return (entry_form(&pg, &u, 1));
	if (!ok && views_rescue(app_db, &pg.arena, &in,
	    form_raw(&pg.form, "title"), form_raw(&pg.form, "body"),
	    form_raw(&pg.form, "better"), 1) == -1)
		return (page_error(&pg, 500));
	if (views_create(app_db, &pg.actor, &in, pg.now, &vc) == -1) {
		kore_log(LOG_ERR, "views_create: %s", db_errmsg(app_db));
		return (page_error(&pg, 500));
	}
	return (page_redirect(&pg, arena_printf(&pg.arena, "/moderation/%lld",
	    (long long)vc.id), vc.flagged ? "view_entered_concern" :
	    "view_entered"));
}

int
page_tools_paper(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET))
		return (KORE_RESULT_OK);
	pg.title = "Paper form: have your say";
	if (views_categories(app_db, tv_set_list(pg.ctx, "categories"),
	    0) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "tools_paper"));
}
