/*
 * my_issues.c: /my-issues, the issues sent to a councillor (overdue
 * first), and /my-issues/ID, where they answer with a decision, a
 * response for young people and, unless they agree, the reason.
 */
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "app.h"
#include "issues.h"
#include "settings.h"
#include "timefmt.h"

int
page_my_issues(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) ||
	    !page_require(&pg, R_COUNCILLOR))
		return (KORE_RESULT_OK);
	pg.title = "Issues to answer";
	pg.nav = "my_issues";
	if (issues_for_councillor(app_db, pg.sess.user_id, pg.now,
	    pg.ctx) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "my_issues"));
}

/*
 * The form's fields: what was typed, else an answer sent back to be
 * changed, else empty.
 */
static void
fields(struct page *pg, const struct tval *check)
{
	const struct form	*f = &pg->form;
	static const char *const keys[][2] = {
		{ "text", "text" }, { "reason", "reason" },
		{ "new_due", "new_due_iso" },
		{ "action_text", "action_text" },
		{ "action_owner", "action_owner" },
		{ "action_due", "action_due_iso" },
	};
	const char		*v;
	size_t			 i;
	int			 typed;

	typed = pg->req->method == HTTP_METHOD_POST;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		v = typed || check == NULL ? form_raw(f, keys[i][0]) :
		    tv_get_str(check, keys[i][1]);
		tv_set_str(pg->ctx, arena_printf(&pg->arena, "f_%s",
		    keys[i][0]), v);
	}
	v = typed || check == NULL ? form_raw(f, "decision") :
	    tv_get_str(check, "decision_key");
	tv_set_bool(pg->ctx, arena_printf(&pg->arena, "pick_%s", v ? v : ""),
	    1);
}

static int
answer_page(struct page *pg, int64_t id, int errors)
{
	const struct tval	*check;
	int			 rc;

	if ((rc = issues_detail(app_db, id, 0, pg->ctx)) != 1 ||
	    (rc = answers_check(app_db, id, pg->ctx)) == -1)
		return (page_missing(pg, rc));
	pg->title = tv_get_str(pg->ctx, "title");
	pg->nav = "my_issues";
	tv_set_str(pg->ctx, "extensions_max", times_words(&pg->arena,
	    settings_int(app_db, "extensions_max", 1)));
	tv_set_int(pg->ctx, "extension_days_max", settings_int(app_db,
	    "extension_days_max", 28));
	tv_set_bool(pg->ctx, "checked", answers_check_needed(app_db,
	    pg->sess.user_id) == 1);
	check = tv_get(pg->ctx, "check");
	fields(pg, check);
	/* While writing: how hard it is to read, and which words to explain. */
	answers_reading(app_db, tv_get_str(pg->ctx, "f_text"),
	    tv_get_str(pg->ctx, "f_reason"), tv_set_map(pg->ctx, "draft"));
	return (errors ? page_form_errors(pg, "my_issue") :
	    page_render(pg, 200, "my_issue"));
}

static void
read_response(struct page *pg, struct response *r)
{
	const struct form	*f = &pg->form;
	const char		*d;

	memset(r, 0, sizeof(*r));
	r->decision = form_raw(f, "decision");
	r->text = form_text(f, "text", RESPONSE_MAX, 1, 0, &pg->errors, "");
	r->reason = form_text(f, "reason", RESPONSE_MAX, 1, 0, &pg->errors,
	    "");
	r->action_text = form_text(f, "action_text", 1000, 1, 0, &pg->errors,
	    "");
	r->action_owner = form_text(f, "action_owner", 200, 0, 0,
	    &pg->errors, "");
	if ((d = form_raw(f, "new_due")) != NULL && *d != '\0' &&
	    time_parse_date(d, &r->new_due) == -1)
		form_error(&pg->errors, "new_due", "Enter a date like "
		    "2026-12-18.");
	if ((d = form_raw(f, "action_due")) != NULL && *d != '\0' &&
	    time_parse_date(d, &r->action_due) == -1)
		form_error(&pg->errors, "action_due", "Enter a date like "
		    "2026-12-18.");
	/* The end of that day, however long the day (clocks change). */
	if (r->new_due > 0)
		r->new_due = time_day_after(r->new_due) - 1;
}

/*
 * A POST on an issue already answered (from another tab, say): nothing
 * is saved, and the words typed come back to copy.
 */
static int
answered_already(struct page *pg, int64_t id)
{
	struct issue	 is;

	if (issues_get(app_db, id, &is) != 1)
		return (page_error(pg, 500));
	tv_set_bool(pg->ctx, "can_answer", 0);
	tv_set_bool(pg->ctx, "typed_back", 1);
	form_error(&pg->errors, "typed", is.answered_at > 0 ?
	    arena_printf(&pg->arena, "This issue was already answered on %s, "
	    "so your answer was not sent. Your words are below to copy.",
	    time_date(&pg->arena, is.answered_at)) : "This issue was already "
	    "answered, so your answer was not sent. Your words are below to "
	    "copy.");
	return (answer_page(pg, id, 1));
}

/*
 * Not sent to this councillor (never, or moved on to another since the
 * form was opened): 404, as if it did not exist, with what they typed
 * shown back to copy. Nothing says whose it is now.
 */
static int
not_yours(struct page *pg)
{
	if (pg->req->method == HTTP_METHOD_POST) {
		guard_keep_words(pg);
		tv_set_str(pg->ctx, "kept_note", "Nothing was sent. If this "
		    "issue was sent to you before, it has moved to someone "
		    "else. Copy your words if you want to keep them.");
	}
	return (page_error(pg, 404));
}

/* Send r: to a worker's check, or straight to young people. */
static int
send_answer(struct page *pg, int64_t id, const struct response *r)
{
	struct issue	 is;

	switch (answers_check_needed(app_db, pg->sess.user_id)) {
	case 1:
		if (answers_submit(app_db, &pg->actor, id, pg->sess.user_id, r,
		    pg->now) == 0)
			return (page_redirect(pg, "/my-issues",
			    "answer_checking"));
		break;
	case 0:
		if (issues_respond(app_db, &pg->actor, id, r, pg->now) == 0)
			return (page_redirect(pg, "/my-issues", "answered"));
		break;
	default:
		return (page_error(pg, 500));
	}
	/* Answered from another tab since the checks above? */
	if (issues_get(app_db, id, &is) == 1 &&
	    !issues_may_respond(&is, pg->sess.user_id))
		return (is.councillor_id == pg->sess.user_id ?
		    answered_already(pg, id) : not_yours(pg));
	return (page_error(pg, 500));
}

int
page_my_issue(struct http_request *req)
{
	struct page	 pg;
	struct issue	 is;
	struct response	 r;
	const char	*why, *field;
	int64_t		 id;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_COUNCILLOR))
		return (KORE_RESULT_OK);
	id = strtoll(req->path + strlen("/my-issues/"), NULL, 10);
	/* Not sent to you: as if it did not exist. */
	if (id <= 0 || issues_get(app_db, id, &is) != 1 ||
	    is.councillor_id != pg.sess.user_id)
		return (not_yours(&pg));
	tv_set_bool(pg.ctx, "can_answer", issues_may_respond(&is,
	    pg.sess.user_id));
	if (req->method != HTTP_METHOD_POST)
		return (answer_page(&pg, id, 0));
	if (!issues_may_respond(&is, pg.sess.user_id))
		return (answered_already(&pg, id));
	read_response(&pg, &r);
	/* "Check my answer": the reading age and words, nothing saved. */
	if (form_has(&pg.form, "preview"))
		return (answer_page(&pg, id, pg.errors.n > 0));
	if (pg.errors.n == 0 && (why = issues_response_problem(&r, pg.now,
	    &field)) != NULL)
		form_error(&pg.errors, field, why);
	if (pg.errors.n == 0 && (why = answers_extension_problem(app_db,
	    &pg.arena, id, &r, pg.now)) != NULL)
		form_error(&pg.errors, "new_due", why);
	/* Every young person on the issue reads the answer: it may not
	 * repeat a private view's words, even one shared with you. */
	if (pg.errors.n == 0 && issues_answer_quotes_private(app_db, id,
	    &r) != 0)
		form_error(&pg.errors, "text", "This repeats words from a "
		    "young person's private view (five words in a row, or a "
		    "whole short sentence). Every young person on this issue "
		    "reads your answer, so please say it in your own words. "
		    "Your answer is still here.");
	if (pg.errors.n > 0)
		return (answer_page(&pg, id, 1));
	return (send_answer(&pg, id, &r));
}
