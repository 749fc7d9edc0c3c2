/*
 * pledge_draft.c: /pledge/draft, where young people read the draft of the
 * next Pledge and comment on its promises before it is published. Each
 * comment waits for a worker (/moderation/comments) and is checked by the
 * safeguarding scan like any other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "pledge.h"
#include "quota.h"
#include "settings.h"

/*
 * Put the words sent back, and why they were not taken, by promise id's
 * own box. The rows are the
 * page's, built just now; the const of the walk is only the walk's.
 */
static void
keep_words(struct page *pg, int64_t id, const char *words)
{
	const struct tval	*t, *p;
	const char		*v;
	char			 want[24];

	(void)snprintf(want, sizeof(want), "%lld", (long long)id);
	for (t = tv_first(tv_get(pg->ctx, "themes")); t != NULL;
	    t = tv_next(t))
		for (p = tv_first(tv_get(t, "promises")); p != NULL;
		    p = tv_next(p))
			if ((v = tv_get_str(p, "id")) != NULL &&
			    strcmp(v, want) == 0) {
				tv_set_str((struct tval *)p, "v_comment",
				    words);
				if (pg->errors.head != NULL)
					tv_set_str((struct tval *)p, "v_error",
					    pg->errors.head->message);
			}
}

static int
draft_page(struct page *pg, int64_t draft, int errors)
{
	int64_t	 id;

	pg->title = "Help us write the next Pledge";
	pg->nav = "pledge";
	tv_set_bool(pg->ctx, "has_draft", draft > 0);
	if (draft > 0 && pledge_version(app_db, draft, settings_int(app_db,
	    "small_count", 5), pg->now, pg->ctx) != 1)
		return (page_error(pg, 500));
	if (errors && form_id(&pg->form, "id", &id) == 0)
		keep_words(pg, id, form_raw(&pg->form, "comment"));
	return (errors ? page_form_errors(pg, "pledge_draft") :
	    page_render(pg, 200, "pledge_draft"));
}

/* Over the hourly limit: the page again, with why. 1 held, 0 go, -1. */
static int
held_back(struct page *pg, const char *field)
{
	int64_t	 wait;

	wait = quota_account_wait(app_db, QUOTA_PLEDGE_CHECK,
	    pg->sess.user_id, pg->now);
	if (wait <= 0)
		return (wait < 0 ? -1 : 0);
	form_error(&pg->errors, field, arena_printf(&pg->arena, "You have "
	    "sent a lot in the last hour. Please try again in about %lld "
	    "minutes.", (long long)(wait + 59) / 60));
	return (1);
}

/*
 * The draft was published, thrown away or lost this promise while the
 * comment was being written, so nothing was saved. Worrying words are
 * kept as a view and the help page shown (views_stale_words()); other
 * words come back to copy, above the draft now being written, if any.
 */
static int
draft_moved_on(struct page *pg, int64_t draft)
{
	const char	*words;

	words = form_raw(&pg->form, "comment");
	if (words == NULL || words[strspn(words, " \t\r\n")] == '\0')
		return (draft_page(pg, draft, 0));
	if (views_stale_words(pg, words))
		return (KORE_RESULT_OK);
	tv_set_bool(pg->ctx, "has_kept", 1);
	tv_set_str(tv_push_map(tv_set_list(pg->ctx, "kept")), "text", words);
	form_error(&pg->errors, "kept", draft > 0 ? "That promise changed "
	    "while you were writing, so your comment was not sent. Copy it "
	    "into a promise below if you still want to say it." : "The new "
	    "Pledge was finished while you were writing, so your comment was "
	    "not sent. Copy it to keep it.");
	return (draft_page(pg, draft, 1));
}

static int
send_comment(struct page *pg, int64_t draft)
{
	struct promise_ref	 r;
	struct form_errors	 why;
	const char		*comment, *field;
	int64_t			 id;
	int			 worry, flagged, rc;

	if (form_id(&pg->form, "id", &id) == -1 ||
	    pledge_promise_ref(app_db, id, &r) != 1 || r.version_id != draft)
		return (draft_moved_on(pg, draft));
	field = arena_printf(&pg->arena, "c%lld", (long long)id);
	/* Worrying words are kept whatever their length. */
	if ((worry = page_worrying(pg, form_raw(&pg->form,
	    "comment"))) == -1)
		return (page_error(pg, 500));
	if (worry)
		comment = form_keep(&pg->arena, form_raw(&pg->form, "comment"));
	else {
		/* The box's own error, shown against this promise's box. */
		form_errors_init(&why, &pg->arena);
		comment = form_text(&pg->form, "comment", VERDICT_COMMENT_MAX,
		    1, 1, &why, "Write your comment in the box first.");
		if (comment == NULL) {
			form_error(&pg->errors, field, why.head->message);
			return (draft_page(pg, draft, 1));
		}
		if ((rc = held_back(pg, field)) != 0)
			return (rc == -1 ? page_error(pg, 500) :
			    draft_page(pg, draft, 1));
	}
	if (pledge_draft_comment(app_db, &pg->actor, id, comment, pg->now,
	    &flagged) == -1)
		return (page_error(pg, 500));
	if (flagged)
		return (help_page(pg));
	if (quota_account_sent(app_db, QUOTA_PLEDGE_CHECK, pg->sess.user_id,
	    pg->now) == -1)
		kore_log(LOG_ERR, "counting a draft comment: %s",
		    db_errmsg(app_db));
	return (page_redirect(pg, arena_printf(&pg->arena, "/pledge/draft#p%lld",
	    (long long)id), "draft_comment_sent"));
}

int
page_pledge_draft(struct http_request *req)
{
	struct page	 pg;
	int64_t		 draft;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (pledge_draft_id(app_db, &draft) == -1)
		return (page_error(&pg, 500));
	if (req->method != HTTP_METHOD_POST)
		return (draft_page(&pg, draft, 0));
	return (send_comment(&pg, draft));
}
