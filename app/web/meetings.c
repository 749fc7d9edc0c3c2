/*
 * meetings.c: Children in Care Council meetings.
 *
 *   /meetings                 upcoming and past; workers schedule one
 *   /meetings/ID              the agenda; workers build it, keep minutes
 *                             and actions, mark items for the board and
 *                             record its reply, publish the minutes;
 *                             young people suggest agenda items
 *   /meetings/ID/present      the screen the room looks at: one item at a
 *                             time, big type, plain links to move on
 *
 * Young people with an account are the members; they see the agenda, and
 * the minutes once a worker has published them. Councillors attend only
 * when invited: they see only the meetings they are invited to, and any
 * other is "not found" (invitee_can_see). Invitees: invitees.c.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "invitees.h"
#include "quota.h"
#include "meetings.h"
#include "pledge.h"
#include "settings.h"
#include "timefmt.h"

static int64_t
path_id(struct page *pg)
{
	return (strtoll(pg->req->path + strlen("/meetings/"), NULL, 10));
}

static int
list_page(struct page *pg, int errors)
{
	pg->title = "Meetings";
	pg->nav = "meetings";
	tv_set_bool(pg->ctx, "worker", pg->sess.role == ROLE_WORKER);
	/* Young people read plain words, staff the words of their work. */
	tv_set_bool(pg->ctx, "young", pg->sess.role == ROLE_YOUNG);
	tv_set_bool(pg->ctx, "invited_only", pg->sess.role == ROLE_COUNCILLOR);
	tv_set_str(pg->ctx, "f_title", form_raw(&pg->form, "title"));
	tv_set_str(pg->ctx, "f_date", form_raw(&pg->form, "date"));
	tv_set_str(pg->ctx, "f_time", form_raw(&pg->form, "time"));
	tv_set_str(pg->ctx, "f_place", form_raw(&pg->form, "place"));
	tv_set_str(pg->ctx, "f_link", form_raw(&pg->form, "link"));
	tv_set_str(pg->ctx, "f_invited", form_raw(&pg->form, "invited"));
	if (meeting_list(app_db, pg->now, pg->sess.role == ROLE_COUNCILLOR ?
	    pg->sess.user_id : 0, pg->ctx) == -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "meetings") :
	    page_render(pg, 200, "meetings"));
}

static int
schedule(struct page *pg)
{
	struct meeting_input	 in;
	const char		*t;
	int64_t			 day, id;
	int			 hh, mm;

	memset(&in, 0, sizeof(in));
	in.title = form_text(&pg->form, "title", 120, 0, 1, &pg->errors,
	    "Give the meeting a name.");
	if (time_parse_date(form_raw(&pg->form, "date"), &day) == -1)
		form_error(&pg->errors, "date", "Enter the date, like "
		    "2026-12-05.");
	t = form_raw(&pg->form, "time");
	if (t == NULL || sscanf(t, "%2d:%2d", &hh, &mm) != 2 || hh < 0 ||
	    hh > 23 || mm < 0 || mm > 59)
		form_error(&pg->errors, "time", "Enter the time, like 17:30.");
	in.place = form_text(&pg->form, "place", 200, 0, 0, &pg->errors, "");
	in.link = form_text(&pg->form, "link", 300, 0, 0, &pg->errors, "");
	in.invited = form_text(&pg->form, "invited", 1000, 1, 0, &pg->errors,
	    "");
	if (pg->errors.n > 0)
		return (list_page(pg, 1));
	in.starts_at = day + hh * 3600 + mm * 60;
	if (meeting_create(app_db, &pg->actor, &in, pg->now, &id) == -1)
		return (page_error(pg, 500));
	return (page_redirect(pg, arena_printf(&pg->arena, "/meetings/%lld",
	    (long long)id), "meeting_made"));
}

int
page_meetings(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_ANY))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST)
		return (list_page(&pg, 0));
	if (pg.sess.role != ROLE_WORKER)
		return (page_error(&pg, 404));
	return (schedule(&pg));
}

/*
 * After an error on one item's minutes or action form, that item shows
 * what was typed (and, if another worker saved since, theirs beside it),
 * with its form open.
 */
static void
keep_item_words(struct page *pg)
{
	const struct form	*f = &pg->form;
	struct tval		*row;
	const char		*action;
	int64_t			 item;

	if (pg->req->method != HTTP_METHOD_POST ||
	    (action = form_raw(f, "action")) == NULL ||
	    form_id(f, "item", &item) == -1)
		return;
	for (row = (struct tval *)tv_first(tv_get(pg->ctx, "items"));
	    row != NULL; row = (struct tval *)tv_next(row)) {
		if (strtoll(tv_get_str(row, "id"), NULL, 10) != item)
			continue;
		if (strcmp(action, "minutes") == 0) {
			tv_set_str(row, "saved_minutes", tv_get_str(row,
			    "minutes"));
			tv_set_str(row, "saved_reply", tv_get_str(row,
			    "board_reply"));
			tv_set_bool(row, "conflict", form_raw(f, "seen") !=
			    NULL && strcmp(form_raw(f, "seen"),
			    tv_get_str(row, "seen")) != 0);
			tv_set_str(row, "minutes", form_raw(f, "minutes"));
			tv_set_str(row, "board_reply", form_raw(f,
			    "board_reply"));
			tv_set_bool(row, "for_board", form_has(f,
			    "for_board"));
			tv_set_bool(row, "open_minutes", 1);
		} else if (strcmp(action, "action") == 0) {
			tv_set_str(row, "f_what", form_raw(f, "what"));
			tv_set_str(row, "f_who", form_raw(f, "who"));
			tv_set_str(row, "f_due", form_raw(f, "due"));
			tv_set_bool(row, "open_action", 1);
		}
	}
}

static int
meeting_page(struct page *pg, int64_t id, int errors)
{
	int	 is_worker = pg->sess.role == ROLE_WORKER;

	if (meeting_get(app_db, id, pg->sess.role != ROLE_YOUNG, pg->ctx) !=
	    1)
		return (page_error(pg, 404));
	pg->title = tv_get_str(pg->ctx, "title");
	pg->nav = "meetings";
	tv_set_int(pg->ctx, "meeting_id", id);
	tv_set_bool(pg->ctx, "worker", is_worker);
	tv_set_bool(pg->ctx, "young", pg->sess.role == ROLE_YOUNG);
	/* Suggestions are for a meeting still to come (or to show back the
	 * words of one refused because it has happened). */
	tv_set_bool(pg->ctx, "suggest_open", pg->sess.role == ROLE_YOUNG &&
	    (strtoll(tv_get_str(pg->ctx, "starts_at"), NULL, 10) > pg->now ||
	    pg->req->method == HTTP_METHOD_POST));
	tv_set_bool(pg->ctx, "started", strtoll(tv_get_str(pg->ctx,
	    "starts_at"), NULL, 10) <= pg->now);
	keep_item_words(pg);
	tv_set_str(pg->ctx, "v_free_title", form_raw(&pg->form, "free_title"));
	if (invitees_context(pg, id, strtoll(tv_get_str(pg->ctx, "starts_at"),
	    NULL, 10)) == -1)
		return (page_error(pg, 500));
	if (is_worker && (meeting_options(app_db, tv_set_list(pg->ctx,
	    "issue_options"), tv_set_list(pg->ctx, "promise_options")) == -1 ||
	    meeting_suggestions(app_db, id, tv_set_list(pg->ctx,
	    "suggestions")) == -1))
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "meeting") :
	    page_render(pg, 200, "meeting"));
}

/* A worker's change to the agenda or minutes. */
static int
worker_action(struct page *pg, int64_t id, const char *action)
{
	const struct form	*f = &pg->form;
	const char		*a, *b;
	int64_t			 ref, item, due;
	int			 rc;

	item = 0;
	(void)form_id(f, "item", &item);
	if ((rc = invitees_action(pg, id, action)) == 1)
		return (meeting_page(pg, id, 1));
	if (rc == 0)
		return (page_redirect(pg, arena_printf(&pg->arena,
		    "/meetings/%lld#invitees", (long long)id), "meeting_saved"));
	if (rc == -1)
		return (page_error(pg, 404));
	rc = -1;
	if (strcmp(action, "add_issue") == 0 || strcmp(action,
	    "add_promise") == 0) {
		if (form_id(f, "ref", &ref) == 0)
			rc = meeting_add_item(app_db, &pg->actor, id,
			    action + 4, ref, NULL);
	} else if (strcmp(action, "add_free") == 0) {
		a = form_text(f, "free_title", 200, 0, 1, &pg->errors,
		    "Write the item.");
		if (a == NULL)
			return (meeting_page(pg, id, 1));
		rc = meeting_add_item(app_db, &pg->actor, id, "free", 0, a);
	} else if (strcmp(action, "up") == 0 || strcmp(action, "down") == 0) {
		rc = meeting_move_item(app_db, id, item, action[0] == 'u');
	} else if (strcmp(action, "minutes") == 0) {
		a = form_text(f, "minutes", 5000, 1, 0, &pg->errors, "");
		b = form_text(f, "board_reply", 5000, 1, 0, &pg->errors, "");
		if (pg->errors.n > 0)
			return (meeting_page(pg, id, 1));
		rc = meeting_minutes(app_db, &pg->actor, id, item, a,
		    form_has(f, "for_board"), b, form_raw(f, "seen"));
		if (rc == 2) {
			form_error(&pg->errors, arena_printf(&pg->arena,
			    "min%lld", (long long)item), "Someone else saved "
			    "this item's minutes while your page was open: "
			    "theirs are shown above the box, yours are in it. "
			    "Put them together, then save.");
			return (meeting_page(pg, id, 1));
		}
	} else if (strcmp(action, "action") == 0) {
		a = form_text(f, "what", 500, 0, 1, &pg->errors,
		    "Say what will be done.");
		b = form_text(f, "who", 100, 0, 1, &pg->errors,
		    "Say who will do it.");
		due = 0;
		if (!form_empty(f, "due") &&
		    time_parse_date(form_raw(f, "due"), &due) == -1)
			form_error(&pg->errors, "due", "Enter a date like "
			    "2027-01-31.");
		else if (due > 0 && due + 86400 <= pg->now)
			form_error(&pg->errors, "due", "That day has passed. "
			    "Give the day it will be done by, today or later.");
		if (pg->errors.n > 0)
			return (meeting_page(pg, id, 1));
		rc = meeting_add_action(app_db, &pg->actor, id, item, a, b,
		    due, pg->now);
	} else if (strcmp(action, "publish") == 0) {
		if ((rc = meeting_publish(app_db, &pg->actor, id, pg->now)) ==
		    2) {
			form_error(&pg->errors, "publish", "This meeting has "
			    "not happened yet. Publish its minutes after it.");
			return (meeting_page(pg, id, 1));
		}
	} else if (strcmp(action, "accept") == 0 ||
	    strcmp(action, "decline") == 0) {
		if (form_id(f, "suggestion", &ref) == 0 &&
		    (rc = meeting_decide(app_db, &pg->actor, id, ref,
		    action[0] == 'a')) == -1) {
			form_error(&pg->errors, "suggestions", "That suggestion "
			    "was already added or declined by someone else.");
			return (meeting_page(pg, id, 1));
		}
	}
	if (rc == 1) {
		form_error(&pg->errors, "suggestions", "This suggestion has a "
		    "safeguarding concern nobody has taken yet. Take it first "
		    "(it stays open until someone closes it).");
		return (meeting_page(pg, id, 1));
	}
	if (rc == -1)
		return (page_error(pg, 404));
	return (page_redirect(pg, arena_printf(&pg->arena, "/meetings/%lld",
	    (long long)id), "meeting_saved"));
}

/*
 * A young person's suggestion for the agenda. The safeguarding check
 * reads it first: a worrying one is kept whatever its length and however
 * many were sent this hour, and the help page shown. An ordinary one over
 * the hourly limit waits, its words kept on the form.
 */
static int
suggest(struct page *pg, int64_t id)
{
	const char	*raw, *text;
	int64_t		 wait;
	int		 worry, flagged, rc;

	raw = form_raw(&pg->form, "text");
	tv_set_str(pg->ctx, "v_text", raw);
	if ((worry = page_worrying(pg, raw)) == -1)
		return (page_error(pg, 500));
	if (worry)
		text = form_keep(&pg->arena, raw);
	else if ((text = form_text(&pg->form, "text", 1000, 1, 1, &pg->errors,
	    "Write what you would like to talk about.")) == NULL)
		return (meeting_page(pg, id, 1));
	if (!worry && (wait = quota_account_wait(app_db, QUOTA_SUGGESTION,
	    pg->sess.user_id, pg->now)) != 0) {
		if (wait < 0)
			return (page_error(pg, 500));
		form_error(&pg->errors, "text", arena_printf(&pg->arena, "You "
		    "have sent a lot of suggestions in the last hour. Your "
		    "words are still here. Please try again later, in about "
		    "%lld minutes.", (long long)(wait + 59) / 60));
		return (meeting_page(pg, id, 1));
	}
	if ((rc = meeting_suggest(app_db, &pg->actor, id, text, pg->now,
	    &flagged)) == -1)
		return (page_error(pg, 500));
	/* Nobody reads the agenda of a meeting that has happened; the
	 * words stay on the form to send to the next one. */
	if (rc == 1) {
		form_error(&pg->errors, "text", "This meeting has already "
		    "happened, so nobody will read its agenda now. Your words "
		    "are still here: copy them and suggest them for the next "
		    "meeting on the meetings page.");
		return (meeting_page(pg, id, 1));
	}
	if (flagged)
		return (help_page(pg));
	if (quota_account_sent(app_db, QUOTA_SUGGESTION, pg->sess.user_id,
	    pg->now) == -1)
		kore_log(LOG_ERR, "counting a suggestion: %s",
		    db_errmsg(app_db));
	return (page_redirect(pg, arena_printf(&pg->arena, "/meetings/%lld",
	    (long long)id), "suggestion_sent"));
}

int
page_meeting(struct http_request *req)
{
	struct page	 pg;
	const char	*action;
	int64_t		 id;
	int		 rc;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_ANY))
		return (KORE_RESULT_OK);
	if ((id = path_id(&pg)) <= 0)
		return (page_error(&pg, 404));
	if ((rc = meeting_get(app_db, id, 0, tv_map(&pg.arena))) != 1 ||
	    (rc = invitee_can_see(app_db, id, pg.sess.user_id,
	    pg.sess.role)) != 1)
		return (page_missing(&pg, rc));
	if (req->method != HTTP_METHOD_POST)
		return (meeting_page(&pg, id, 0));
	action = form_raw(&pg.form, "action");
	if (action != NULL && strcmp(action, "suggest") == 0 &&
	    pg.sess.role == ROLE_YOUNG)
		return (suggest(&pg, id));
	if (pg.sess.role != ROLE_WORKER || action == NULL)
		return (page_error(&pg, 404));
	return (worker_action(&pg, id, action));
}

int
page_meeting_present(struct http_request *req)
{
	struct page		 pg;
	const struct tval	*it;
	struct tval		*items;
	int64_t			 id, n, i, promise;
	int			 rc;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_ANY))
		return (KORE_RESULT_OK);
	if ((id = path_id(&pg)) <= 0)
		return (page_error(&pg, 404));
	if ((rc = invitee_can_see(app_db, id, pg.sess.user_id,
	    pg.sess.role)) != 1 || (rc = meeting_get(app_db, id, 0,
	    pg.ctx)) != 1)
		return (page_missing(&pg, rc));
	items = (struct tval *)tv_get(pg.ctx, "items");
	n = (int64_t)tv_count(items);
	i = 1;
	(void)form_id(&pg.form, "item", &i);
	if (i > n)
		i = n;
	pg.title = tv_get_str(pg.ctx, "title");
	tv_set_int(pg.ctx, "n", n);
	tv_set_int(pg.ctx, "at", i);
	if (i > 1)
		tv_set_int(pg.ctx, "prev", i - 1);
	if (i < n)
		tv_set_int(pg.ctx, "next", i + 1);
	for (it = tv_first(items); it != NULL && --i > 0; it = tv_next(it))
		;
	if (it != NULL) {
		tv_set(pg.ctx, "item", (struct tval *)it);
		promise = tv_get_str(it, "promise_id") ?
		    strtoll(tv_get_str(it, "promise_id"), NULL, 10) : 0;
		if (promise > 0 && pledge_promise(app_db, promise,
		    settings_int(app_db, "small_count", 5),
		    tv_set_map(pg.ctx, "promise")) == -1)
			return (page_error(&pg, 500));
	}
	tv_set_bool(pg.ctx, "presenting", 1);
	return (page_render(&pg, 200, "meeting_present"));
}
