/*
 * answerback.c: young people answer back to an answer.
 *
 *   /views/ID/reply    reply to the answer (a view, moderated like any)
 *   /views/ID/again    ask for the answer to be looked at again
 *   /issues/ID/again   a worker decides those requests (reopen, decline)
 *   /issues/ID/metoo   "this matters to me too" on a published issue
 *
 * A young person's words are never lost: the safeguarding scan reads
 * them before any rule of the form, worrying words are kept and the help
 * page follows, and every refusal shows the form again with the words.
 * Only the author of a view may reply or ask about its answer; anyone
 * else gets the same 404 as for an id that does not exist.
 */
#include <stdlib.h>
#include <string.h>

#include "answerback.h"
#include "app.h"
#include "holidays.h"
#include "issues.h"
#include "quota.h"
#include "readability.h"
#include "settings.h"
#include "views.h"

/* The id after prefix in the path, or 0. */
static int64_t
path_id(struct page *pg, const char *prefix)
{
	int64_t	 id;

	id = strtoll(pg->req->path + strlen(prefix), NULL, 10);
	return (id > 0 ? id : 0);
}

/* The view named in the path, if it is this young person's own. */
static int
own_view(struct page *pg, struct view *v)
{
	int64_t	 id;

	id = path_id(pg, "/views/");
	return (id > 0 && views_get(app_db, id, v) == 1 &&
	    views_may_see(v, pg->sess.user_id));
}

/* A reply's or request's form, with the words sent back in it. */
static int
answer_form(struct page *pg, const struct view *v, const char *tmpl,
    int errors)
{
	char		 token[AUTH_FORM_TOKEN_LEN];
	const char	*t;

	pg->nav = "views";
	tv_set_int(pg->ctx, "view_id", v->id);
	if (views_show(app_db, v, tv_set_map(pg->ctx, "view")) != 1)
		return (page_error(pg, 500));
	tv_set_str(pg->ctx, "f_body", form_raw(&pg->form, "body"));
	if ((t = guard_form_token(pg)) == NULL) {
		auth_form_token_new(pg->csrf, token);
		t = token;
	}
	tv_set_str(pg->ctx, "form_token", t);
	return (errors ? page_form_errors(pg, tmpl) :
	    page_render(pg, 200, tmpl));
}

/* An ordinary reply over the hourly limit of views: 1 held back. */
static int
held_back(struct page *pg)
{
	int64_t	 wait;

	wait = quota_account_wait(app_db, QUOTA_VIEW, pg->sess.user_id,
	    pg->now);
	if (wait <= 0)
		return (wait < 0 ? -1 : 0);
	form_error(&pg->errors, "body", arena_printf(&pg->arena, "You have "
	    "sent a lot in the last hour. Your words are still here. Please "
	    "try again later, in about %lld minutes.",
	    (long long)(wait + 59) / 60));
	return (1);
}

/* The reply as a view: filed under the issue it answers back to. */
static void
reply_input(struct page *pg, const struct ab_answer *ans, const char *body,
    struct view_input *in)
{
	memset(in, 0, sizeof(*in));
	in->category_id = ans->category_id;
	in->title = arena_printf(&pg->arena, "My reply: %s", ans->title);
	in->body = body;
	in->better = "";
	in->publish = "no";
	in->form_token = guard_form_token(pg);
	in->reply_to = ans->issue_id;
}

static int
send_reply(struct page *pg, const struct view *v)
{
	struct ab_answer	 ans;
	struct view_input	 in;
	struct view_created	 vc;
	const char		*body;
	int			 worry;

	pg->title = "Reply to the answer";
	if ((worry = page_worrying(pg, form_raw(&pg->form, "body") ?
	    form_raw(&pg->form, "body") : "")) == -1 ||
	    ab_answer_of(app_db, v, &ans) == -1)
		return (page_error(pg, 500));
	body = form_text(&pg->form, "body", REPLY_BODY_MAX, 1, 1, &pg->errors,
	    "Write your reply.");
	if (!ans.can_reply && !worry)
		form_error(&pg->errors, "body", "You cannot reply to this "
		    "answer now: it is being looked at again. Your words are "
		    "still here. You can send them as a new view.");
	if (!worry && pg->errors.n == 0 && held_back(pg) == -1)
		return (page_error(pg, 500));
	if (!worry && pg->errors.n > 0)
		return (answer_form(pg, v, "views_reply", 1));
	/* Worrying words are kept whatever else is wrong with them. */
	if (worry && body == NULL)
		body = form_keep(&pg->arena, form_raw(&pg->form, "body"));
	reply_input(pg, &ans, body, &in);
	if (worry && (in.category_id <= 0 || !ans.can_reply) &&
	    views_rescue(app_db, &pg->arena, &in, in.title, in.body, "",
	    1) == -1)
		return (page_error(pg, 500));
	if (!ans.can_reply)
		in.reply_to = 0;
	if (views_create(app_db, &pg->actor, &in, pg->now, &vc) == -1) {
		kore_log(LOG_ERR, "a reply: %s", db_errmsg(app_db));
		return (page_error(pg, 500));
	}
	if (!vc.flagged && !vc.duplicate && quota_account_sent(app_db,
	    QUOTA_VIEW, pg->sess.user_id, pg->now) == -1)
		kore_log(LOG_ERR, "counting a reply: %s", db_errmsg(app_db));
	if (vc.flagged) {
		tv_set_int(pg->ctx, "view_id", vc.id);
		return (help_page(pg));
	}
	return (page_redirect(pg, arena_printf(&pg->arena, "/views/%lld",
	    (long long)vc.id), "reply_sent"));
}

int
page_view_reply(struct http_request *req)
{
	struct page		 pg;
	struct view		 v;
	struct ab_answer	 ans;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (!own_view(&pg, &v))
		return (page_error(&pg, 404));
	if (req->method == HTTP_METHOD_POST)
		return (send_reply(&pg, &v));
	if (ab_answer_of(app_db, &v, &ans) == -1)
		return (page_error(&pg, 500));
	if (!ans.can_reply)
		return (page_error(&pg, 404));
	pg.title = "Reply to the answer";
	return (answer_form(&pg, &v, "views_reply", 0));
}

static int
send_again(struct page *pg, const struct view *v)
{
	const char	*reason;
	int		 worry, flagged;

	pg->title = "Ask for the answer to be looked at again";
	if ((worry = page_worrying(pg, form_raw(&pg->form, "body") ?
	    form_raw(&pg->form, "body") : "")) == -1)
		return (page_error(pg, 500));
	reason = form_text(&pg->form, "body", APPEAL_REASON_MAX, 1, 1,
	    &pg->errors, "Tell us why it should be looked at again.");
	if (reason != NULL && !worry && read_real_words(reason) <
	    REASON_MIN_WORDS)
		form_error(&pg->errors, "body", "Tell us a bit more: why should "
		    "it be looked at again? (at least 3 words)");
	if (!worry && pg->errors.n > 0)
		return (answer_form(pg, v, "views_again", 1));
	if (reason == NULL)
		reason = form_keep(&pg->arena, form_raw(&pg->form, "body"));
	switch (ab_appeal_create(app_db, &pg->actor, v, reason, pg->now,
	    &flagged)) {
	case AB_OK:
		break;
	case AB_ALREADY:
		form_error(&pg->errors, "body", "You have already asked, and "
		    "a worker has not decided yet. Your words are still here.");
		return (answer_form(pg, v, "views_again", 1));
	case AB_NOT_NOW:
		form_error(&pg->errors, "body", "You cannot ask about this "
		    "answer now. Your words are still here: you can send them "
		    "as a new view, or talk to an advocate.");
		return (answer_form(pg, v, "views_again", 1));
	default:
		kore_log(LOG_ERR, "a request to look again: %s",
		    db_errmsg(app_db));
		return (page_error(pg, 500));
	}
	if (flagged) {
		tv_set_int(pg->ctx, "view_id", v->id);
		return (help_page(pg));
	}
	return (page_redirect(pg, arena_printf(&pg->arena, "/views/%lld",
	    (long long)v->id), "again_sent"));
}

int
page_view_again(struct http_request *req)
{
	struct page		 pg;
	struct view		 v;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (!own_view(&pg, &v))
		return (page_error(&pg, 404));
	if (req->method == HTTP_METHOD_POST)
		return (send_again(&pg, &v));
	/* Not while a request of theirs waits for a worker. */
	if (ab_view_context(app_db, &v, pg.sess.user_id, pg.ctx) == -1)
		return (page_error(&pg, 500));
	if (!tv_truthy_key(pg.ctx, "can_ask"))
		return (page_error(&pg, 404));
	pg.title = "Ask for the answer to be looked at again";
	return (answer_form(&pg, &v, "views_again", 0));
}

/* The worker's page of requests about one issue. */
static int
again_page(struct page *pg, int64_t issue, int errors)
{
	int	 rc;

	if ((rc = issues_detail(app_db, issue, 1, pg->ctx)) != 1)
		return (page_missing(pg, rc));
	/* The layout's "title" is the page's: keep the issue's apart. */
	tv_set_str(pg->ctx, "issue_title", tv_get_str(pg->ctx, "title"));
	pg->title = "Asked to look again";
	pg->nav = "issues";
	tv_set_int(pg->ctx, "issue_id", issue);
	tv_set_bool(pg->ctx, "worker", pg->sess.role == ROLE_WORKER);
	tv_set_str(pg->ctx, "f_reason", form_raw(&pg->form, "reason"));
	tv_set_str(pg->ctx, "f_appeal", form_raw(&pg->form, "appeal"));
	if (ab_appeals_open(app_db, issue, tv_set_list(pg->ctx,
	    "appeals")) == -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "issue_again") :
	    page_render(pg, 200, "issue_again"));
}

static int
decide_again(struct page *pg, int64_t issue)
{
	const char	*action, *reason;
	int64_t		 appeal, due;
	int		 reopen;

	action = form_raw(&pg->form, "action");
	reopen = action != NULL && strcmp(action, "reopen") == 0;
	if (!reopen && (action == NULL || strcmp(action, "decline") != 0))
		form_error(&pg->errors, "action", "Choose what to do.");
	if (form_id(&pg->form, "appeal", &appeal) == -1)
		form_error(&pg->errors, "action", "Choose a request.");
	reason = form_text(&pg->form, "reason", APPEAL_DECISION_MAX, 1, 0,
	    &pg->errors, "");
	if (!reopen && (reason == NULL || read_real_words(reason) <
	    REASON_MIN_WORDS))
		form_error(&pg->errors, "reason", "Write the reason the young "
		    "person will read (at least 3 words).");
	if (pg->errors.n > 0)
		return (again_page(pg, issue, 1));
	/* Already the end of the last working day: nothing to add. */
	due = holidays_working_days(app_db, pg->now, (int)settings_int(app_db,
	    "response_days", 20));
	if (due == -1)
		return (page_error(pg, 500));
	switch (ab_appeal_decide(app_db, &pg->actor, issue, appeal, reopen,
	    reason != NULL ? reason : "", due, pg->now)) {
	case AB_OK:
		return (page_redirect(pg, arena_printf(&pg->arena,
		    "/issues/%lld/again", (long long)issue), reopen ?
		    "again_reopened" : "again_declined"));
	case AB_NOT_NOW:
		form_error(&pg->errors, "action", "This request has been "
		    "decided already, or the issue has no councillor to send "
		    "it back to.");
		return (again_page(pg, issue, 1));
	default:
		return (page_error(pg, 500));
	}
}

int
page_issue_again(struct http_request *req)
{
	struct page	 pg;
	int64_t		 issue;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_WORKER | R_ADMIN))
		return (KORE_RESULT_OK);
	if ((issue = path_id(&pg, "/issues/")) == 0)
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (again_page(&pg, issue, 0));
	/* Deciding is the participation team's job, as on /issues/ID. */
	if (pg.sess.role != ROLE_WORKER)
		return (page_error(&pg, 404));
	return (decide_again(&pg, issue));
}

/* Where to go back to after "me too": only our own pages. */
static const char *
metoo_back(struct page *pg)
{
	const char	*b;

	b = form_raw(&pg->form, "back");
	if (b != NULL && strncmp(b, "/you-said-we-did", 16) == 0 &&
	    strpbrk(b, "\\\r\n") == NULL && strstr(b, "//") == NULL)
		return (b);
	return ("/you-said-we-did");
}

int
page_issue_metoo(struct http_request *req)
{
	struct page	 pg;
	const char	*undo;
	int64_t		 issue;
	int		 on;

	if (!page_begin(&pg, req, ALLOW_POST) || !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if ((issue = path_id(&pg, "/issues/")) == 0)
		return (page_error(&pg, 404));
	undo = form_raw(&pg.form, "undo");
	on = undo == NULL || *undo == '\0';
	switch (ab_metoo_set(app_db, &pg.actor, issue, on, pg.now)) {
	case AB_OK:
		return (page_redirect(&pg, arena_printf(&pg.arena, "%s#issue-%lld",
		    metoo_back(&pg), (long long)issue), on ? "metoo_on" :
		    "metoo_off"));
	case AB_NOT_NOW:
		return (page_error(&pg, 404));
	default:
		return (page_error(&pg, 500));
	}
}

/* The count and this viewer's own "me too" on each published issue. */
int
answerback_you_said(struct page *pg, struct tval *outcomes)
{
	const struct tval	*row;
	const char		*id;
	int64_t			 threshold, viewer;

	threshold = settings_int(app_db, "small_count", 5);
	viewer = pg->signed_in && pg->sess.role == ROLE_YOUNG ?
	    pg->sess.user_id : 0;
	tv_set_bool(pg->ctx, "metoo_young", viewer > 0);
	tv_set_bool(pg->ctx, "metoo_signin", !pg->signed_in);
	/* After a "no" or "partly", what a young person can do next. */
	tv_set_str(pg->ctx, "advocacy_phone", settings_text(app_db, &pg->arena,
	    "advocacy_phone", ""));
	tv_set_str(pg->ctx, "metoo_back", pg->req->query_string != NULL &&
	    *pg->req->query_string != '\0' ? arena_printf(&pg->arena,
	    "/you-said-we-did?%s", pg->req->query_string) : "/you-said-we-did");
	for (row = tv_first(outcomes); row != NULL; row = tv_next(row)) {
		if ((id = tv_get_str(row, "id")) == NULL)
			continue;
		/* The rows are this page's own, built just now. */
		if (ab_metoo_put(app_db, strtoll(id, NULL, 10), viewer,
		    threshold, (struct tval *)(uintptr_t)row) == -1)
			return (-1);
	}
	return (0);
}

/* The view's page: reply, ask again, and what became of a request. */
int
answerback_view(struct page *pg, const struct view *v)
{
	if (ab_reply_context(app_db, v, pg->ctx) == -1)
		return (-1);
	return (ab_view_context(app_db, v, pg->signed_in ? pg->sess.user_id :
	    0, pg->ctx) == -1 ? -1 : 0);
}

/* The issue's page: how many requests wait for a worker. */
int
answerback_issue(struct page *pg, int64_t issue)
{
	int64_t	 n;

	if ((n = ab_appeals_count(app_db, issue)) == -1)
		return (-1);
	if (n > 0)
		tv_set_int(pg->ctx, "appeals_open", n);
	return (0);
}

/*
 * A reply or a request sent with a token that went stale (the session
 * ran out): worrying words are never lost, so they go to workers as a
 * view from whoever this is now, and the help page follows (views.c).
 * Other words come back on the refusal page to copy (guard.c). 1 if
 * answered here.
 */
int
answerback_stale(struct page *pg)
{
	const char	*p, *body;
	char		*end;

	p = pg->req->path;
	if (strncmp(p, "/views/", 7) != 0)
		return (0);
	(void)strtoll(p + 7, &end, 10);
	if (end == p + 7 || (strcmp(end, "/reply") != 0 &&
	    strcmp(end, "/again") != 0))
		return (0);
	if ((body = form_raw(&pg->form, "body")) == NULL ||
	    page_worrying(pg, body) != 1)
		return (0);
	(void)views_stale(pg);
	return (1);
}
