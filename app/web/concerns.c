/*
 * concerns.c: the participation team's urgent list of safeguarding
 * concerns, for workers and admins.
 *
 *   /safeguarding           open concerns, urgent first, then oldest
 *                           first; ?show=closed lists the closed ones
 *   /safeguarding/ID        one concern: the kept words, take it, close
 *                           it with a written action, add a note
 *   /safeguarding/raise     a worker raises a concern by hand about an
 *                           item (?kind=view&item=ID) or an account
 *
 * Not /admin/safeguarding: that is the admin's phrase list.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "concerns.h"

#define R_CONCERNS	(R_WORKER | R_ADMIN)

/* What a worker may raise a concern about by hand. */
static const char *const raise_kinds[] = {
	CONCERN_VIEW, CONCERN_COMMENT, CONCERN_SUGGESTION, CONCERN_ACCOUNT,
	NULL,
};

/* The link to page `page` of the list f shows. */
static const char *
list_link(struct page *pg, const struct concern_filter *f, int64_t page)
{
	return (arena_printf(&pg->arena, "/safeguarding?%s%spage=%lld",
	    f->closed ? "show=closed&" : "", f->newest ? "order=newest&" : "",
	    (long long)page + 1));
}

/* Which rows of how many, and the way to the pages either side. */
static void
list_pages(struct page *pg, const struct concern_filter *f, int64_t total)
{
	int64_t	 first, last;

	first = f->page * CONCERNS_PAGE + 1;
	last = first + CONCERNS_PAGE - 1 < total ? first + CONCERNS_PAGE - 1 :
	    total;
	tv_set_int(pg->ctx, "total", total);
	if (total > CONCERNS_PAGE)
		tv_set_str(pg->ctx, "showing", arena_printf(&pg->arena,
		    "%lld to %lld", (long long)first, (long long)last));
	if (f->page > 0)
		tv_set_str(pg->ctx, "prev_page", list_link(pg, f,
		    f->page - 1));
	if (last < total)
		tv_set_str(pg->ctx, "next_page", list_link(pg, f,
		    f->page + 1));
}

int
page_concerns(struct http_request *req)
{
	struct page		 pg;
	struct concern_filter	 f;
	const char		*show, *order;
	int64_t			 page, total;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_CONCERNS))
		return (KORE_RESULT_OK);
	memset(&f, 0, sizeof(f));
	show = form_raw(&pg.form, "show");
	order = form_raw(&pg.form, "order");
	f.closed = show != NULL && strcmp(show, "closed") == 0;
	f.newest = !f.closed && order != NULL && strcmp(order, "newest") == 0;
	if (form_id(&pg.form, "page", &page) == 0 && page <= 1000000)
		f.page = page - 1;
	pg.title = f.closed ? "Closed safeguarding concerns" :
	    "Safeguarding concerns";
	pg.nav = "concerns";
	tv_set_bool(pg.ctx, "show_closed", f.closed);
	tv_set_bool(pg.ctx, "newest", f.newest);
	if (concerns_list(app_db, &f, pg.now, tv_set_list(pg.ctx,
	    "concerns"), &total) == -1)
		return (page_error(&pg, 500));
	list_pages(&pg, &f, total);
	return (page_render(&pg, 200, "concerns"));
}

static int
concern_page(struct page *pg, int64_t id, int errors)
{
	if (concern_show(app_db, id, pg->now, pg->ctx) != 1)
		return (page_error(pg, 404));
	pg->title = "A safeguarding concern";
	pg->nav = "concerns";
	tv_set_str(pg->ctx, "action_text", form_raw(&pg->form, "action"));
	if (tv_get(pg->ctx, "note_text_kept") != NULL)
		tv_set_str(pg->ctx, "note_text", tv_get_str(pg->ctx,
		    "note_text_kept"));
	else
		tv_set_str(pg->ctx, "note_text", form_raw(&pg->form, "note"));
	return (errors ? page_form_errors(pg, "concern") :
	    page_render(pg, 200, "concern"));
}

/*
 * Someone closed it first, from a newer page: the words this worker
 * wrote are what they did, and go on the record as a note, not away.
 */
static int
closed_first(struct page *pg, int64_t id)
{
	const char	*raw, *action;

	raw = form_raw(&pg->form, "action");
	action = raw == NULL ? NULL : form_text(&pg->form, "action",
	    CONCERN_ACTION_MAX, 1, 1, &pg->errors, "");
	/* Too long, or nothing, for a note: back in the note box. */
	if (action == NULL) {
		form_errors_init(&pg->errors, &pg->arena);
		form_error(&pg->errors, "note", raw == NULL || *raw == '\0' ?
		    "Someone else closed this concern first, while your page "
		    "was open." : "Someone else closed this concern first, "
		    "while your page was open. What you wrote is in the note "
		    "box below: shorten it, then add it as a note.");
		tv_set_str(pg->ctx, "note_text_kept", raw);
		return (concern_page(pg, id, 1));
	}
	if (concern_note(app_db, &pg->actor, id, action, pg->now) !=
	    CONCERN_OK)
		return (page_error(pg, 500));
	return (page_redirect(pg, arena_printf(&pg->arena,
	    "/safeguarding/%lld", (long long)id), "concern_closed_first"));
}

static int
close_concern(struct page *pg, int64_t id)
{
	const char		*action;
	enum concern_result	 r;
	int64_t			 was, seen;
	int			 closed;

	/* Closed from a newer page first: whatever this worker wrote is
	 * theirs to keep as a note, short or long, vague or not. */
	if ((closed = concern_is_closed(app_db, id)) == -1)
		return (page_error(pg, 404));
	if (closed)
		return (closed_first(pg, id));
	action = form_text(&pg->form, "action", CONCERN_ACTION_MAX, 1, 1,
	    &pg->errors, "Write what was done and who was told. This is "
	    "required to close a concern.");
	if (action == NULL)
		return (concern_page(pg, id, 1));
	was = -1;
	if (form_raw(&pg->form, "holder") != NULL &&
	    form_id(&pg->form, "holder", &was) == -1)
		was = 0;
	/* A page without it (loaded before it was asked) showed the words
	 * as they were then: it is shown again, as when words were added. */
	if (form_id(&pg->form, "seen", &seen) == -1)
		seen = 0;
	r = concern_close(app_db, &pg->actor, id, action, was, seen, pg->now);
	if (r == CONCERN_TAKEN)
		form_error(&pg->errors, "action", "Someone else took this "
		    "concern while your page was open: \"Who has it\" on this "
		    "page says who. Your words are below. Close it only if you "
		    "still mean to; they will be told.");
	else if (r == CONCERN_GREW)
		form_error(&pg->errors, "action", seen > 0 ? "New words were "
		    "added to this concern while your page was open: read "
		    "them at the end of what was written, above. Your words "
		    "are below. Close it only if you still mean to." : "Your "
		    "page was out of date. Read what was written, above, to "
		    "the end: words may have been added. Your words are "
		    "below. Close it only if you still mean to.");
	else if (r == CONCERN_VAGUE)
		form_error(&pg->errors, "action", "Say a little more: what "
		    "was done, and who was told. For example: \"Phoned her "
		    "social worker, who is visiting today.\"");
	else if (r == CONCERN_CLOSED)
		return (closed_first(pg, id));
	else if (r == CONCERN_MISSING)
		return (page_error(pg, 404));
	else if (r != CONCERN_OK)
		return (page_error(pg, 500));
	if (pg->errors.n > 0)
		return (concern_page(pg, id, 1));
	return (page_redirect(pg, arena_printf(&pg->arena,
	    "/safeguarding/%lld", (long long)id), "concern_closed"));
}

/* A note on the record: what happened next, open or closed. */
static int
note_concern(struct page *pg, int64_t id)
{
	const char		*note;
	enum concern_result	 r;

	note = form_text(&pg->form, "note", CONCERN_ACTION_MAX, 1, 1,
	    &pg->errors, "Write the note first.");
	if (note == NULL)
		return (concern_page(pg, id, 1));
	r = concern_note(app_db, &pg->actor, id, note, pg->now);
	if (r == CONCERN_MISSING)
		return (page_error(pg, 404));
	if (r != CONCERN_OK)
		return (page_error(pg, 500));
	return (page_redirect(pg, arena_printf(&pg->arena,
	    "/safeguarding/%lld#notes", (long long)id), "concern_noted"));
}

/* Take it, from the holder the page showed (a form without says any). */
static int
hold_concern(struct page *pg, int64_t id)
{
	enum concern_result	 r;
	int64_t			 was;

	was = -1;
	if (form_raw(&pg->form, "holder") != NULL &&
	    form_id(&pg->form, "holder", &was) == -1)
		was = 0;
	r = concern_hold(app_db, &pg->actor, id, was, pg->now);
	if (r == CONCERN_MISSING)
		return (page_error(pg, 404));
	if (r == CONCERN_CLOSED || r == CONCERN_TAKEN) {
		form_error(&pg->errors, "hold", r == CONCERN_CLOSED ?
		    "This concern is closed already." : "Someone else took "
		    "this concern while your page was open: \"Who has it\" on "
		    "this page says who. Take it over only if you mean to.");
		return (concern_page(pg, id, 1));
	}
	if (r != CONCERN_OK)
		return (page_error(pg, 500));
	return (page_redirect(pg, arena_printf(&pg->arena,
	    "/safeguarding/%lld", (long long)id), "concern_held"));
}

int
page_concern(struct http_request *req)
{
	struct page	 pg;
	const char	*what;
	int64_t		 id;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_CONCERNS))
		return (KORE_RESULT_OK);
	id = strtoll(req->path + strlen("/safeguarding/"), NULL, 10);
	if (id <= 0)
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (concern_page(&pg, id, 0));
	if ((what = form_raw(&pg.form, "do")) == NULL)
		return (page_error(&pg, 400));
	if (strcmp(what, "close") == 0)
		return (close_concern(&pg, id));
	if (strcmp(what, "note") == 0)
		return (note_concern(&pg, id));
	if (strcmp(what, "hold") == 0)
		return (hold_concern(&pg, id));
	return (page_error(&pg, 400));
}

/* The raise form, with the item's words so the worker knows it is right. */
static int
raise_page(struct page *pg, int kind, int64_t item, int errors)
{
	struct concern_item	 it;
	struct buf		 text;
	const char		*urgent;
	int			 rc;

	buf_init(&text, 256);
	rc = concern_item(app_db, raise_kinds[kind], item, &it, &text);
	if (rc != 1) {
		buf_free(&text);
		return (page_error(pg, rc == 0 ? 404 : 500));
	}
	pg->title = "Raise a safeguarding concern";
	pg->nav = "concerns";
	tv_set_str(pg->ctx, "kind", raise_kinds[kind]);
	tv_set_int(pg->ctx, "item", item);
	tv_set_str(pg->ctx, "about", it.label);
	tv_set_str(pg->ctx, "link", it.link);
	tv_set_str(pg->ctx, "text", buf_cstr(&text));
	buf_free(&text);
	tv_set_str(pg->ctx, "reason", form_raw(&pg->form, "reason"));
	urgent = form_raw(&pg->form, "urgent");
	tv_set_bool(pg->ctx, "urgent", pg->req->method != HTTP_METHOD_POST ||
	    urgent != NULL);
	return (errors ? page_form_errors(pg, "concern_raise") :
	    page_render(pg, 200, "concern_raise"));
}

int
page_concern_raise(struct http_request *req)
{
	struct page	 pg;
	const char	*reason;
	int64_t		 item, id;
	int		 kind, rc;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_CONCERNS))
		return (KORE_RESULT_OK);
	kind = form_choice(&pg.form, "kind", raise_kinds, &pg.errors, "");
	if (kind < 0 || form_id(&pg.form, "item", &item) == -1)
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (raise_page(&pg, kind, item, 0));
	reason = form_text(&pg.form, "reason", CONCERN_REASON_MAX, 1, 1,
	    &pg.errors, "Write a short reason: what worries you.");
	if (reason == NULL)
		return (raise_page(&pg, kind, item, 1));
	rc = concern_raise(app_db, &pg.actor, raise_kinds[kind], item, reason,
	    form_has(&pg.form, "urgent"), pg.now, &id);
	if (rc == 1)
		return (page_error(&pg, 404));
	if (rc != 0)
		return (page_error(&pg, 500));
	return (page_redirect(&pg, arena_printf(&pg.arena,
	    "/safeguarding/%lld", (long long)id), "concern_raised"));
}
