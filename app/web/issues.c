/*
 * issues.c: /issues for the participation team and admins (filter by
 * state, category, councillor, overdue) and /issues/ID (send to a
 * councillor with a due date; publish the answer).
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "answers.h"
#include "app.h"
#include "holidays.h"
#include "issues.h"
#include "readability.h"
#include "settings.h"
#include "timefmt.h"
#include "views.h"

static const char *const states[] = {
	"", "open", "with_councillor", "answered", "published", NULL,
};

int
page_issues(struct http_request *req)
{
	struct page		 pg;
	struct issue_filter	 f;
	int			 s;

	if (!page_begin(&pg, req, ALLOW_GET) ||
	    !page_require(&pg, R_WORKER | R_ADMIN))
		return (KORE_RESULT_OK);
	pg.title = "Issues";
	pg.nav = "issues";
	memset(&f, 0, sizeof(f));
	f.now = pg.now;
	s = form_choice(&pg.form, "state", states, &pg.errors, "");
	f.state = s > 0 ? states[s] : "";
	(void)form_id(&pg.form, "category", &f.category_id);
	(void)form_id(&pg.form, "councillor", &f.councillor_id);
	f.overdue = form_has(&pg.form, "overdue");
	tv_set_bool(pg.ctx, arena_printf(&pg.arena, "state_%s", f.state), 1);
	tv_set_bool(pg.ctx, "overdue", f.overdue);
	if (views_categories(app_db, tv_set_list(pg.ctx, "categories"),
	    f.category_id) == -1 ||
	    issues_councillors(app_db, f.councillor_id, tv_set_list(pg.ctx,
	    "councillors")) == -1 ||
	    issues_list(app_db, &f, tv_set_list(pg.ctx, "issues")) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "issues"));
}

/* Its actions, with "did it happen?" counts (actions.c). */
static int
issue_actions(struct page *pg, int64_t id)
{
	struct tval	*list;

	list = tv_set_list(pg->ctx, "actions");
	if (actions_of_issue(app_db, id, 0, pg->now, settings_int(app_db,
	    "small_count", 5), list) == -1)
		return (-1);
	tv_set_bool(pg->ctx, "has_actions", tv_count(list) > 0);
	return (0);
}

static int
issue_page(struct page *pg, int64_t id, int errors)
{
	int64_t	 days, due, councillor;
	int	 rc;

	if ((rc = issues_detail(app_db, id, 1, pg->ctx)) != 1 ||
	    (rc = answers_check(app_db, id, pg->ctx)) == -1 ||
	    (rc = answerback_issue(pg, id)) == -1)
		return (page_missing(pg, rc));
	if (issue_actions(pg, id) == -1)
		return (page_error(pg, 500));
	tv_set_str(pg->ctx, "f_note", form_raw(&pg->form, "note"));
	pg->title = tv_get_str(pg->ctx, "title");
	pg->nav = "issues";
	councillor = 0;
	(void)form_id(&pg->form, "councillor", &councillor);
	days = settings_int(app_db, "response_days", 20);
	if ((due = holidays_working_days(app_db, pg->now, (int)days)) == -1)
		return (page_error(pg, 500));
	tv_set_str(pg->ctx, "due_default", form_raw(&pg->form, "due") ?
	    form_raw(&pg->form, "due") : time_iso_date(&pg->arena, due));
	tv_set_int(pg->ctx, "response_days", days);
	tv_set_bool(pg->ctx, "worker", pg->sess.role == ROLE_WORKER);
	tv_set_str(pg->ctx, "public_title", form_raw(&pg->form,
	    "public_title"));
	tv_set_str(pg->ctx, "public_summary", form_raw(&pg->form,
	    "public_summary"));
	if (issues_councillors(app_db, councillor, tv_set_list(pg->ctx,
	    "councillors")) == -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "issue") :
	    page_render(pg, 200, "issue"));
}

/* The councillor and the date to answer by, from a send or move form. */
static void
read_send(struct page *pg, int64_t *councillor, int64_t *due)
{
	if (form_id(&pg->form, "councillor", councillor) == -1)
		form_error(&pg->errors, "councillor", "Choose a councillor.");
	if (time_parse_date(form_raw(&pg->form, "due"), due) == -1)
		form_error(&pg->errors, "due", "Enter the date they should "
		    "answer by, like 2026-12-18.");
	else {
		/* A weekend or a day off: due by the end of the next
		 * working day, and the worker is told (deadlines count
		 * working days); else the end of the day typed. */
		if (holidays_working(app_db, *due) == 0) {
			*due = holidays_working_days(app_db, *due, 1);
			tv_set_bool(pg->ctx, "due_moved", 1);
		} else
			*due = time_day_end(*due);
		if (*due <= pg->now)
			form_error(&pg->errors, "due", "The date must be in "
			    "the future.");
	}
}

static int
send_issue(struct page *pg, int64_t id)
{
	int64_t	 councillor, due;

	read_send(pg, &councillor, &due);
	if (pg->errors.n > 0)
		return (issue_page(pg, id, 1));
	if (issues_send(app_db, &pg->actor, id, councillor, due, pg->now) ==
	    -1) {
		form_error(&pg->errors, "councillor", "This issue could not be "
		    "sent. It may have been sent already, or that person is "
		    "not a councillor.");
		return (issue_page(pg, id, 1));
	}
	return (page_redirect(pg, arena_printf(&pg->arena, "/issues/%lld",
	    (long long)id), tv_truthy_key(pg->ctx, "due_moved") ?
	    "issue_sent_moved" : "issue_sent"));
}

/*
 * Move an issue waiting for one councillor's answer to another (the
 * first left, or was disabled), with a new date to answer by.
 */
static int
move_issue(struct page *pg, int64_t id)
{
	struct issue	 is;
	int64_t		 councillor, due;

	read_send(pg, &councillor, &due);
	if (pg->errors.n == 0 && issues_get(app_db, id, &is) == 1 &&
	    is.councillor_id == councillor)
		form_error(&pg->errors, "councillor", "It is with this "
		    "councillor already. Choose another one.");
	if (pg->errors.n > 0)
		return (issue_page(pg, id, 1));
	if (issues_move(app_db, &pg->actor, id, councillor, due, pg->now) ==
	    -1) {
		form_error(&pg->errors, "councillor", "This issue could not be "
		    "moved. It may have been answered already, or that person "
		    "is not a councillor.");
		return (issue_page(pg, id, 1));
	}
	/* Its words fit a move too (the flash table is page.c's). */
	return (page_redirect(pg, arena_printf(&pg->arena, "/issues/%lld",
	    (long long)id), tv_truthy_key(pg->ctx, "due_moved") ?
	    "issue_sent_moved" : "issue_sent"));
}

/*
 * Publish. An issue that gathered a private view needs the worker's own
 * public title and summary, and they must not quote it.
 */
static int
publish_issue(struct page *pg, int64_t id)
{
	const char	*title, *summary;

	title = form_text(&pg->form, "public_title", VIEW_TITLE_MAX, 0, 0,
	    &pg->errors, "");
	summary = form_text(&pg->form, "public_summary", PUBLIC_WORDS_MAX, 1,
	    0, &pg->errors, "");
	if (pg->errors.n > 0)
		return (issue_page(pg, id, 1));
	switch (issues_publish(app_db, &pg->actor, id, title, summary,
	    pg->now)) {
	case PUBLISH_OK:
		return (page_redirect(pg, arena_printf(&pg->arena,
		    "/issues/%lld", (long long)id), "issue_published"));
	case PUBLISH_NEEDS_WORDS:
		if (title == NULL || *title == '\0')
			form_error(&pg->errors, "public_title", "Write a public "
			    "title in your own words. A young person asked to "
			    "keep their view private, so it cannot be "
			    "published without it.");
		if (summary == NULL || *summary == '\0')
			form_error(&pg->errors, "public_summary", "Write a "
			    "public summary in your own words. A young person "
			    "asked to keep their view private, so it cannot be "
			    "published without it.");
		break;
	case PUBLISH_QUOTES:
		form_error(&pg->errors, "public_summary", "This uses the words "
		    "of a young person who asked to keep their view private. "
		    "Say it in your own words.");
		break;
	case PUBLISH_ANSWER_QUOTES:
		form_error(&pg->errors, "action", "The councillor's answer uses "
		    "the words of a young person who asked to keep their view "
		    "private, so it cannot be published as it is. Ask the "
		    "councillor to say it in their own words.");
		break;
	default:
		form_error(&pg->errors, "action", "Only an answered issue can "
		    "be published.");
		break;
	}
	return (issue_page(pg, id, 1));
}

/*
 * Approve the answer, only in the version the worker read on this page
 * (the form names it): one the councillor changed since is refused and
 * the page shows the new one.
 */
static int
approve_answer(struct page *pg, int64_t id)
{
	switch (answers_approve(app_db, &pg->actor, id, form_raw(&pg->form,
	    "version"), pg->now)) {
	case 0:
		return (page_redirect(pg, arena_printf(&pg->arena,
		    "/issues/%lld", (long long)id), "answer_approved"));
	case -3:
		form_error(&pg->errors, "check", "The councillor changed the "
		    "answer after you opened this page. Read it again below.");
		break;
	case -2:
		form_error(&pg->errors, "note", "This asks for more time than "
		    "the settings now allow. Send it back with a note.");
		break;
	case -4:
		form_error(&pg->errors, "note", "This answer repeats words from "
		    "a young person's private view (five words in a row, or a "
		    "whole short sentence). Every young person on this issue "
		    "would read them. Send it back with a note asking for it "
		    "in the councillor's own words.");
		break;
	default:
		form_error(&pg->errors, "note", "This answer could not be "
		    "approved. It may have been checked already, or its new "
		    "date has passed: send it back with a note.");
		break;
	}
	return (issue_page(pg, id, 1));
}

/* The answer check: approve it, or send it back with a note. */
static int
check_answer(struct page *pg, int64_t id, int approve)
{
	const char	*note;

	if (approve)
		return (approve_answer(pg, id));
	note = form_text(&pg->form, "note", ANSWER_NOTE_MAX, 1, 0,
	    &pg->errors, "");
	if (note != NULL && read_real_words(note) < REASON_MIN_WORDS)
		form_error(&pg->errors, "note", "Write a note to the councillor "
		    "(at least 3 words) saying what to change.");
	if (pg->errors.n > 0)
		return (issue_page(pg, id, 1));
	if (answers_return(app_db, &pg->actor, id, note, pg->now) == -1) {
		form_error(&pg->errors, "note", "This answer could not be sent "
		    "back. It may have been checked already.");
		return (issue_page(pg, id, 1));
	}
	return (page_redirect(pg, arena_printf(&pg->arena, "/issues/%lld",
	    (long long)id), "answer_returned"));
}

int
page_issue(struct http_request *req)
{
	struct page	 pg;
	const char	*action;
	int64_t		 id;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_WORKER | R_ADMIN))
		return (KORE_RESULT_OK);
	id = strtoll(req->path + strlen("/issues/"), NULL, 10);
	if (id <= 0)
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (issue_page(&pg, id, 0));
	/* Moving an issue on is the participation team's job. */
	if (pg.sess.role != ROLE_WORKER)
		return (page_error(&pg, 404));
	action = form_raw(&pg.form, "action");
	if (action != NULL && strcmp(action, "send") == 0)
		return (send_issue(&pg, id));
	if (action != NULL && strcmp(action, "move") == 0)
		return (move_issue(&pg, id));
	if (action != NULL && strcmp(action, "publish") == 0)
		return (publish_issue(&pg, id));
	if (action != NULL && (strcmp(action, "approve") == 0 ||
	    strcmp(action, "return") == 0))
		return (check_answer(&pg, id, strcmp(action, "approve") == 0));
	form_error(&pg.errors, "action", "Choose what to do.");
	return (issue_page(&pg, id, 1));
}
