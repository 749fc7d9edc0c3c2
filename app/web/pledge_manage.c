/*
 * pledge_manage.c: the participation team keeps the Pledge live.
 *
 *   /pledge/manage           the draft of the next version: start one (a
 *                            copy of the current Pledge), edit its title,
 *                            introduction and review date, remove or
 *                            reorder its promises, publish it or throw
 *                            it away
 *   /pledge/manage/promise   add or change a promise in the draft
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "issues.h"
#include "pledge.h"
#include "settings.h"
#include "timefmt.h"

static int
manage_page(struct page *pg, int errors)
{
	int64_t	 draft;

	pg->title = "Manage the Pledge";
	pg->nav = "pledge_manage";
	if (pledge_draft_id(app_db, &draft) == -1)
		return (page_error(pg, 500));
	if (draft > 0 && pledge_version(app_db, draft, 1, pg->now, pg->ctx) !=
	    1)
		return (page_error(pg, 500));
	tv_set_bool(pg->ctx, "has_draft", draft > 0);
	tv_set_int(pg->ctx, "draft_id", draft);
	if (form_raw(&pg->form, "title") != NULL) {
		tv_set_str(pg->ctx, "pledge_title", form_raw(&pg->form,
		    "title"));
		tv_set_str(pg->ctx, "intro", form_raw(&pg->form, "intro"));
		tv_set_str(pg->ctx, "review_iso", form_raw(&pg->form,
		    "review"));
	}
	return (errors ? page_form_errors(pg, "pledge_manage") :
	    page_render(pg, 200, "pledge_manage"));
}

static int
save_draft(struct page *pg, int64_t draft)
{
	const char	*title, *intro;
	int64_t		 review;

	title = form_text(&pg->form, "title", PROMISE_TITLE_MAX, 0, 1,
	    &pg->errors, "Give the Pledge a title.");
	intro = form_text(&pg->form, "intro", PROMISE_TEXT_MAX, 1, 1,
	    &pg->errors, "Write a short introduction for young people.");
	if (time_parse_date(form_raw(&pg->form, "review"), &review) == -1 ||
	    review <= pg->now)
		form_error(&pg->errors, "review", "Give the date it will be "
		    "reviewed, in the future, like 2029-11-30.");
	if (pg->errors.n > 0)
		return (manage_page(pg, 1));
	if (pledge_draft_set(app_db, &pg->actor, draft, title, intro,
	    review) == -1)
		return (page_error(pg, 500));
	return (page_redirect(pg, "/pledge/manage", "draft_saved"));
}

/* Throw the draft away, once the worker has ticked to say they mean it. */
static int
discard_draft(struct page *pg, int64_t draft)
{
	int	 rc;

	if (!form_has(&pg->form, "sure")) {
		form_error(&pg->errors, "sure", "Tick the box to say you want "
		    "to throw the draft away.");
		return (manage_page(pg, 1));
	}
	if ((rc = pledge_draft_discard(app_db, &pg->actor, draft)) == -1)
		return (page_error(pg, 500));
	if (rc == 0) {
		form_error(&pg->errors, "sure", "A promise in this draft is on "
		    "a meeting's agenda or has updates or young people's "
		    "answers or comments, so the draft is kept. Publish it instead, or "
		    "take it off the agenda first.");
		return (manage_page(pg, 1));
	}
	return (page_redirect(pg, "/pledge/manage", "draft_discarded"));
}

/* Remove a draft promise, or move it up or down in its theme. */
static int
tidy_promise(struct page *pg, int64_t draft, const char *action)
{
	struct promise_ref	 r;
	int64_t			 id;
	int			 rc;

	if (form_id(&pg->form, "id", &id) == -1 ||
	    pledge_promise_ref(app_db, id, &r) != 1 || r.version_id != draft)
		return (page_error(pg, 404));
	if (strcmp(action, "remove") != 0) {
		if (pledge_promise_move(app_db, &pg->actor, draft, id,
		    strcmp(action, "up") == 0) == -1)
			return (page_error(pg, 500));
		return (page_redirect(pg, arena_printf(&pg->arena,
		    "/pledge/manage#p%lld", (long long)id), NULL));
	}
	if ((rc = pledge_promise_remove(app_db, &pg->actor, draft, id)) == -1)
		return (page_error(pg, 500));
	if (rc == 0) {
		form_error(&pg->errors, arena_printf(&pg->arena, "p%lld",
		    (long long)id), "That promise is on a meeting's agenda or "
		    "has updates or young people's answers or comments, so it "
		    "is kept.");
		return (manage_page(pg, 1));
	}
	return (page_redirect(pg, "/pledge/manage", "promise_removed"));
}

int
page_pledge_manage(struct http_request *req)
{
	struct page	 pg;
	const char	*action;
	int64_t		 draft, id;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_WORKER))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST)
		return (manage_page(&pg, 0));
	if (pledge_draft_id(app_db, &draft) == -1)
		return (page_error(&pg, 500));
	action = form_raw(&pg.form, "action");
	if (action != NULL && strcmp(action, "new") == 0) {
		if (pledge_draft_new(app_db, &pg.actor, pg.now, settings_int(
		    app_db, "pledge_review_years", 3), &id) == -1)
			return (page_error(&pg, 500));
		return (page_redirect(&pg, "/pledge/manage", "draft_started"));
	}
	if (draft == 0)
		return (page_error(&pg, 409));
	/* Each form names the draft it was read beside: a page from before
	 * another worker published or threw that one away must not act on
	 * the next draft (publish someone's half-done work). */
	if (form_raw(&pg.form, "draft") != NULL && strtoll(form_raw(&pg.form,
	    "draft"), NULL, 10) != draft) {
		form_error(&pg.errors, "draft", "Someone else published or "
		    "threw away the draft you were looking at, so nothing was "
		    "done. This is the draft as it is now: read it before you "
		    "go on.");
		return (manage_page(&pg, 1));
	}
	if (action != NULL && strcmp(action, "save") == 0)
		return (save_draft(&pg, draft));
	if (action != NULL && strcmp(action, "discard") == 0)
		return (discard_draft(&pg, draft));
	if (action != NULL && (strcmp(action, "remove") == 0 ||
	    strcmp(action, "up") == 0 || strcmp(action, "down") == 0))
		return (tidy_promise(&pg, draft, action));
	if (action != NULL && strcmp(action, "publish") == 0) {
		if (pledge_draft_publish(app_db, &pg.actor, draft, pg.now) ==
		    -1)
			return (page_error(&pg, 500));
		return (page_redirect(&pg, "/pledge", "pledge_published"));
	}
	return (page_error(&pg, 400));
}

static int
promise_form(struct page *pg, int64_t id, int errors)
{
	const struct form	*f = &pg->form;
	int64_t			 theme, owner;
	int			 rc;

	pg->title = id ? "Change a promise" : "Add a promise";
	pg->nav = "pledge_manage";
	/*
	 * The promise's title goes in p_title: the layout puts the page's
	 * own title in "title", which once pre-filled "Add a promise".
	 */
	if (id > 0 && !errors) {
		if ((rc = pledge_promise(app_db, id, 1, pg->ctx)) != 1)
			return (page_missing(pg, rc));
		tv_set_str(pg->ctx, "p_title", tv_get_str(pg->ctx, "title"));
	}
	if (errors || id == 0) {
		tv_set_str(pg->ctx, "p_title", form_raw(f, "title"));
		tv_set_str(pg->ctx, "description", form_raw(f, "description"));
		tv_set_str(pg->ctx, "delivery", form_raw(f, "delivery"));
		tv_set_str(pg->ctx, "measure", form_raw(f, "measure"));
		tv_set_str(pg->ctx, "target", form_raw(f, "target"));
		tv_set_str(pg->ctx, "owner_team", form_raw(f, "owner_team"));
		tv_set_str(pg->ctx, "due_iso", form_raw(f, "due"));
		tv_set_bool(pg->ctx, "statutory", form_has(f, "statutory"));
	}
	theme = strtoll(tv_get_str(pg->ctx, "theme_id") ?
	    tv_get_str(pg->ctx, "theme_id") : "0", NULL, 10);
	owner = strtoll(tv_get_str(pg->ctx, "owner_id") ?
	    tv_get_str(pg->ctx, "owner_id") : "0", NULL, 10);
	(void)form_id(f, "theme", &theme);
	(void)form_id(f, "owner", &owner);
	tv_set_int(pg->ctx, "id", id);
	if (pledge_themes(app_db, theme, tv_set_list(pg->ctx, "themes")) ==
	    -1 || issues_councillors(app_db, owner, tv_set_list(pg->ctx,
	    "councillors")) == -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "pledge_edit") :
	    page_render(pg, 200, "pledge_edit"));
}

static int
read_promise(struct page *pg, struct promise_input *in)
{
	const struct form	*f = &pg->form;
	const char		*due;

	memset(in, 0, sizeof(*in));
	if (form_id(f, "theme", &in->theme_id) == -1)
		form_error(&pg->errors, "theme", "Choose a theme.");
	in->title = form_text(f, "title", PROMISE_TITLE_MAX, 0, 1,
	    &pg->errors, "Write the promise, to young people: \"We will...\"");
	in->description = form_text(f, "description", PROMISE_TEXT_MAX, 1, 0,
	    &pg->errors, "");
	in->delivery = form_text(f, "delivery", PROMISE_TEXT_MAX, 1, 0,
	    &pg->errors, "");
	in->measure = form_text(f, "measure", PROMISE_TEXT_MAX, 1, 0,
	    &pg->errors, "");
	in->target = form_text(f, "target", 200, 0, 0, &pg->errors, "");
	in->owner_team = form_text(f, "owner_team", 100, 0, 0, &pg->errors,
	    "");
	in->statutory = form_has(f, "statutory");
	(void)form_id(f, "owner", &in->owner_id);
	if (in->owner_id == 0 && in->owner_team != NULL &&
	    *in->owner_team == '\0')
		form_error(&pg->errors, "owner", "Choose a councillor who owns "
		    "it, or name the team.");
	due = form_raw(f, "due");
	if (due != NULL && *due != '\0' && time_parse_date(due,
	    &in->due_on) == -1)
		form_error(&pg->errors, "due", "Enter a date like 2027-03-31.");
	return (pg->errors.n == 0);
}

int
page_pledge_edit(struct http_request *req)
{
	struct page		 pg;
	struct promise_input	 in;
	struct promise_ref	 r;
	int64_t			 id, draft, saved;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_WORKER))
		return (KORE_RESULT_OK);
	id = 0;
	(void)form_id(&pg.form, "id", &id);
	if (pledge_draft_id(app_db, &draft) == -1)
		return (page_error(&pg, 500));
	/* Only the draft's promises can be changed. */
	if (draft == 0 || (id > 0 && (pledge_promise_ref(app_db, id, &r) != 1 ||
	    r.version_id != draft)))
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (promise_form(&pg, id, 0));
	if (!read_promise(&pg, &in))
		return (promise_form(&pg, id, 1));
	if (pledge_promise_save(app_db, &pg.actor, draft, id, &in, &saved) ==
	    -1)
		return (page_error(&pg, 500));
	return (page_redirect(&pg, "/pledge/manage", "promise_saved"));
}
