/*
 * councillors.c: councillors' personal pledges: /councillors (public,
 * everyone's) and /my-pledges (a councillor's own, to add and update).
 * Comments young people leave on promises are moderated at
 * /moderation/comments, also here, beside the other people-facing text.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "pledge.h"

/* The longest note on a personal pledge; the form says so too. */
#define PERSONAL_NOTE_MAX	1000

static const char *const status_keys[] = {
	"not_started", "in_the_works", "stalled", "kept", "partly_kept",
	"broken", NULL,
};

int
page_councillors(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) ||
	    cache_serve(&pg, R_ANON | R_ANY))
		return (KORE_RESULT_OK);
	pg.title = "Our councillors' pledges";
	pg.nav = "councillors";
	if (pledge_personal_list(app_db, 0, tv_set_list(pg.ctx, "pledges")) ==
	    -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "councillors"));
}

/*
 * Each personal pledge's update form: its status chosen and its note as
 * saved, or, for the one sent back with errors (typed), as typed, with
 * its errors beside its fields.
 */
static void
update_forms(struct page *pg, struct tval *list, int64_t typed)
{
	struct tval	*row;
	const char	*status, *msg;
	long long	 id;

	for (row = (struct tval *)tv_first(list); row != NULL;
	    row = (struct tval *)tv_next(row)) {
		id = strtoll(tv_get_str(row, "id"), NULL, 10);
		status = tv_get_str(row, "status_key");
		if (id == typed) {
			status = form_raw(&pg->form, "status");
			tv_set_str(row, "note", form_raw(&pg->form, "note"));
			if ((msg = form_error_for(&pg->errors, arena_printf(
			    &pg->arena, "st%lld", id))) != NULL)
				tv_set_str(row, "status_error", msg);
			if ((msg = form_error_for(&pg->errors, arena_printf(
			    &pg->arena, "no%lld", id))) != NULL)
				tv_set_str(row, "note_error", msg);
		}
		tv_set_bool(row, arena_printf(&pg->arena, "pick_%s",
		    status != NULL ? status : ""), 1);
	}
}

static int
mine_page(struct page *pg, int64_t typed, int errors)
{
	struct tval	*pledges;

	pg->title = "My pledges";
	pg->nav = "my_pledges";
	tv_set_str(pg->ctx, "f_text", form_raw(&pg->form, "text"));
	tv_set_int(pg->ctx, "note_max", PERSONAL_NOTE_MAX);
	pledges = tv_set_list(pg->ctx, "pledges");
	if (pledge_personal_list(app_db, pg->sess.user_id, pledges) == -1 ||
	    pledge_owned(app_db, pg->sess.user_id, pg->now,
	    tv_set_list(pg->ctx, "owned")) == -1)
		return (page_error(pg, 500));
	update_forms(pg, pledges, typed);
	return (errors ? page_form_errors(pg, "my_pledges") :
	    page_render(pg, 200, "my_pledges"));
}

/*
 * Update personal pledge id. Its errors are named after its own fields
 * (st<id>, no<id>): each pledge on the page has its own form.
 */
static int
update_pledge(struct page *pg, int64_t id)
{
	struct form_errors	 found;
	const struct form_error	*fe;
	const char		*note;
	int			 s, rc;

	form_errors_init(&found, &pg->arena);
	s = form_choice(&pg->form, "status", status_keys, &found,
	    "Choose how it is going.");
	note = form_text(&pg->form, "note", PERSONAL_NOTE_MAX, 1, 0, &found,
	    "");
	for (fe = found.head; fe != NULL; fe = fe->next)
		form_error(&pg->errors, arena_printf(&pg->arena, "%s%lld",
		    strcmp(fe->field, "status") == 0 ? "st" : "no",
		    (long long)id), fe->message);
	if (pg->errors.n > 0)
		return (mine_page(pg, id, 1));
	if ((rc = pledge_personal_update(app_db, &pg->actor, id,
	    status_keys[s], note, pg->now)) == -2) {
		form_error(&pg->errors, arena_printf(&pg->arena, "st%lld",
		    (long long)id), "This pledge has started, so it cannot go "
		    "back to \"not started\". Choose \"stalled\" if nothing "
		    "is happening.");
		return (mine_page(pg, id, 1));
	}
	if (rc == -1)
		return (page_error(pg, 404));
	return (page_redirect(pg, "/my-pledges", "pledge_updated"));
}

int
page_my_pledges(struct http_request *req)
{
	struct page	 pg;
	const char	*text;
	int64_t		 id;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_COUNCILLOR))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST)
		return (mine_page(&pg, 0, 0));
	if (form_id(&pg.form, "id", &id) == 0)
		return (update_pledge(&pg, id));
	text = form_text(&pg.form, "text", 300, 0, 1, &pg.errors,
	    "Write your pledge: \"I will...\"");
	if (text == NULL)
		return (mine_page(&pg, 0, 1));
	if (pledge_personal_add(app_db, &pg.actor, text, pg.now) == -1)
		return (page_error(&pg, 500));
	return (page_redirect(&pg, "/my-pledges", "pledge_added"));
}

int
page_moderation_comments(struct http_request *req)
{
	struct page	 pg;
	const char	*decision, *note;
	int64_t		 id;
	int		 rc;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_WORKER))
		return (KORE_RESULT_OK);
	pg.title = "Comments on promises";
	pg.nav = "moderation";
	if (req->method == HTTP_METHOD_POST) {
		decision = form_raw(&pg.form, "decision");
		note = form_text(&pg.form, "note", 2000, 1, 0, &pg.errors, "");
		if (form_id(&pg.form, "id", &id) == -1 || decision == NULL ||
		    note == NULL)
			return (page_error(&pg, 400));
		rc = pledge_comment_decide(app_db, &pg.actor, id,
		    strcmp(decision, "approve") == 0, note);
		if (rc == -2)
			form_error(&pg.errors, "note", "This comment was "
			    "flagged. Write what you did about it first.");
		else if (rc == -3)
			form_error(&pg.errors, arena_printf(&pg.arena, "c%lld",
			    (long long)id), "This comment has a safeguarding "
			    "concern nobody has taken yet. Take it first (it "
			    "stays open until someone closes it).");
		else if (rc == -1)
			return (page_error(&pg, 409));
		else
			return (page_redirect(&pg, "/moderation/comments",
			    "moderated"));
	}
	if (pledge_comments(app_db, tv_set_list(pg.ctx, "comments")) == -1)
		return (page_error(&pg, 500));
	return (pg.errors.n > 0 ? page_form_errors(&pg,
	    "moderation_comments") : page_render(&pg, 200,
	    "moderation_comments"));
}
