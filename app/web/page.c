/*
 * page.c: the life of a page: method check, render into the layout,
 * security headers, styled error pages.
 *
 * Every response the portal writes goes through http_security_headers();
 * only the few errors Kore answers before a handler runs (400, 413, 414)
 * are Kore's own.
 */
#include <string.h>
#include <time.h>

#include "app.h"
#include "concerns.h"
#include "consult.h"
#include "settings.h"
#include "start.h"

static const struct {
	int		 status;
	const char	*title;
	const char	*message;
} error_texts[] = {
	{ 400, "Something in that request was not right",
	    "Please go back and try again." },
	{ 403, "That did not work",
	    "The form may have been open too long. Please go back, reload "
	    "the page and try again." },
	{ 404, "We can't find that page",
	    "The page may have moved, or the address may be wrong. If you "
	    "followed a link here, it may be out of date." },
	{ 405, "That page can't be used like that",
	    "Please go back and use the links and buttons on the page." },
	{ 409, "That can't be done now",
	    "Things have moved on since the page was loaded. Please go back "
	    "and reload it." },
	{ 422, "Please check what you typed",
	    "Something in the form needs changing." },
	{ 429, "Please wait a moment",
	    "There have been too many tries. Please wait a minute and try "
	    "again." },
	{ 500, "Something went wrong on our side",
	    "It is not your fault. Please try again in a few minutes. "
	    "Nothing you sent has been half-saved." },
	{ 503, "The portal is busy",
	    "Please try again in a few minutes." },
};

void
http_security_headers(struct http_request *req, int is_page)
{
	http_response_header(req, "content-security-policy",
	    "default-src 'self'; object-src 'none'; base-uri 'none'; "
	    "frame-ancestors 'none'; form-action 'self'");
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "referrer-policy", "same-origin");
	http_response_header(req, "x-frame-options", "DENY");
	http_response_header(req, "cross-origin-opener-policy",
	    "same-origin");
	http_response_header(req, "permissions-policy",
	    "camera=(), microphone=(), geolocation=()");
	if (is_page) {
		http_response_header(req, "cache-control", "no-store");
		http_response_header(req, "content-type",
		    "text/html; charset=utf-8");
	}
}

/* Messages shown once after a redirect, chosen by key (never free text). */
static const struct {
	const char	*key;
	const char	*text;
} flashes[] = {
	{ "signed_in", "You are signed in. Welcome back." },
	{ "signed_out", "You have signed out. See you soon." },
	{ "joined", "Welcome! Your account is ready." },
	{ "name_changed", "Your name has been changed." },
	{ "signin_changed", "The name you sign in with has been changed. "
	    "Use it next time you sign in." },
	{ "password_changed", "Your password has been changed. You have "
	    "been signed out everywhere else." },
	{ "sessions_ended", "You have been signed out everywhere else." },
	{ "account_disabled", "The account has been turned off. Anyone "
	    "using it has been signed out." },
	{ "account_disabled_holding", "The account has been turned off. "
	    "Anyone using it has been signed out. It still holds issues, "
	    "actions or Pledge promises: the participation workers have been "
	    "told how to pass them to someone else." },
	{ "account_enabled", "The account has been turned back on." },
	{ "consult_need_band", "To answer the council's questions, first "
	    "tell us your age group and where you live, below." },
	{ "account_self", "You cannot turn off or reset your own account "
	    "here. Change your password on Your account; another admin can "
	    "turn yours off." },
	{ "account_reset_off", "That account is turned off, so a new "
	    "password would not let them in. Turn it on first, then make a "
	    "new code." },
	{ "view_sent", "Thank you. We got your view. A participation worker "
	    "will read it soon." },
	{ "view_withdrawn", "You took this back." },
	{ "view_back_already", "You already took this view back." },
	{ "view_answered", "This view cannot be taken back now: the council "
	    "has already answered it." },
	{ "details_changed", "Thank you. We have saved how old you are and "
	    "where you live." },
	{ "details_same", "Nothing changed: that is what we had already." },
	/* Said by the page beside its form (flash_close_asked). */
	{ "close_asked", NULL },
	{ "moderated", "Done. The young person has been told." },
	{ "flag_cleared", "The safeguarding flag is cleared and what you did "
	    "is recorded." },
	{ "issue_sent_moved", "Sent. The day you chose is a weekend or a day "
	    "the council is closed, so it is due by the next working day, "
	    "shown below." },
	{ "issue_sent", "Sent. The councillor can see it now, and the young "
	    "people have been told." },
	{ "issue_published", "Published on You said, we did. The young people "
	    "have been told." },
	{ "answered", "Thank you. Your answer has gone to the young people." },
	{ "phrase_added", "The phrase is on the list. New views are checked "
	    "for it from now on." },
	{ "phrase_removed", "The phrase is off the list." },
	{ "settings_saved", "The settings are saved." },
	{ "commentary_saved", "The commentary is saved. It is shown in the "
	    "report for these dates." },
	{ "board_member", "Saved: they sit on the corporate parenting board "
	    "and can read its report for young people." },
	{ "board_member_off", "Saved: they no longer sit on the board." },
	{ "holiday_added", "The day is on the list. Deadlines counted in "
	    "working days skip it from now on." },
	{ "holiday_removed", "The day is off the list." },
	{ "promise_updated", "The update is recorded and shown on the "
	    "promise." },
	{ "draft_discarded", "The draft is thrown away. The Pledge everyone "
	    "sees has not changed." },
	{ "promise_removed", "The promise is out of the draft." },
	{ "draft_comment_sent", "Thank you. A participation worker will read "
	    "your comment before the new Pledge is finished." },
	{ "view_entered", "The view is saved in their name. It waits here "
	    "to be moderated like any other, and they can follow it." },
	{ "view_entered_concern", "The view is saved in their name. Its "
	    "words worried the safeguarding check, so a concern is open." },
	{ "verdicts_saved", "Thank you. Your answers are saved. You can "
	    "change them any time. The counts everyone sees change once a "
	    "few more young people have answered, so no one can tell what "
	    "you said." },
	{ "draft_started", "A draft of the next Pledge is ready: a copy of "
	    "the current one." },
	{ "draft_saved", "The draft is saved." },
	{ "promise_saved", "The promise is saved in the draft." },
	{ "pledge_published", "The new Pledge is published. The old one "
	    "stays readable." },
	{ "pledge_added", "Your pledge is added." },
	{ "pledge_updated", "Your pledge is updated." },
	{ "name_hidden", "Done. Your name will not be shown with any answer." },
	{ "view_deleted", "Your view is deleted." },
	{ "meeting_made", "The meeting is planned. Now build its agenda." },
	{ "meeting_saved", "Saved." },
	{ "suggestion_sent", "Thank you. A participation worker will read "
	    "your suggestion." },
	{ "view_withdrawn_safety", "You took this back. Because it is about "
	    "your safety, a participation worker will still read it." },
	{ "concern_held", "You have taken this concern. It stays open until "
	    "someone closes it with what was done." },
	{ "concern_closed", "The concern is closed and what was done is "
	    "recorded." },
	{ "concern_raised", "The concern is on the urgent list." },
	{ "concern_closed_first", "Someone else closed this concern first, "
	    "while your page was open. What you wrote is kept on it as a "
	    "note below." },
	{ "concern_noted", "Your note is on the concern's record." },
	{ "outbox_retry", "The emails that had failed will be tried again "
	    "now." },
	{ "answer_checking", "Thank you. A participation worker will check "
	    "your answer, then the young people will read it." },
	{ "answer_approved", "Approved. The young people have been told the "
	    "answer." },
	{ "answer_returned", "Sent back. The councillor can see your note." },
	{ "glossary_saved", "The glossary is saved." },
	/* Young people answer back (answerback.c). */
	{ "reply_sent", "Thank you. We got your reply. A participation "
	    "worker will read it soon." },
	{ "again_sent", "Thank you. A participation worker will decide "
	    "and tell you what they decided and why." },
	{ "again_reopened", "Reopened. The councillor has been asked to "
	    "answer again, and the young people have been told." },
	{ "again_declined", "Declined. The young person can read your "
	    "reason." },
	{ "metoo_on", "Thank you. You said this matters to you too. The "
	    "count changes once a few more young people have said so." },
	{ "metoo_off", "Done. Your \"me too\" is taken off." },
	{ "consult_saved", "Saved." },
	{ "consult_opened", "The consultation is open. Young people it is "
	    "for can see it now." },
	{ "consult_closed", "The consultation is closed. Nobody can answer "
	    "it now." },
	{ "consult_published", "Published on the \"We asked, you said, we "
	    "did\" page." },
	{ "consult_issue", "The issue is made, in your words. Send it to a "
	    "councillor from here." },
	{ "consult_kept", "Your answers are saved. Come back to finish any "
	    "time before it closes." },
	{ "consult_sent", "Thank you. Your answers are sent." },
	{ "action_done", "Marked done. The young people who raised it have "
	    "been asked if it happened." },
	{ "action_dropped", "Dropped. The young people who raised it have "
	    "been told why." },
	{ "happened_saved", "Thank you. Your answer is saved. You can change "
	    "it any time. The counts change once a few more young people "
	    "have answered." },
};

static int64_t	 session_writes;	/* see page_begin */

static int
read_form(struct page *pg)
{
	struct buf	 body;
	char		 chunk[4096];
	ssize_t		 n;
	int		 rc;

	if (pg->req->method != HTTP_METHOD_POST)
		return (form_parse(&pg->arena, pg->req->query_string ?
		    pg->req->query_string : "", pg->req->query_string ?
		    strlen(pg->req->query_string) : 0, &pg->form));
	if (pg->req->http_body == NULL && pg->req->http_body_fd == -1)
		return (form_parse(&pg->arena, "", 0, &pg->form));
	/* A handler woken after a password task reads the body again. */
	if (http_body_rewind(pg->req) != KORE_RESULT_OK)
		return (-1);
	buf_init(&body, 1024);
	while ((n = http_body_read(pg->req, chunk, sizeof(chunk))) > 0)
		buf_append(&body, chunk, (size_t)n);
	rc = n < 0 ? -1 : form_parse(&pg->arena, body.data ? body.data : "",
	    body.len, &pg->form);
	buf_free(&body);
	return (rc);
}

/*
 * Start a page: method, session, form, and for POST the CSRF and origin
 * checks. Returns 1 to go on, 0 when the request has been answered.
 * HEAD is served as GET; Kore drops the body.
 */
int
page_begin(struct page *pg, struct http_request *req, int allow)
{
	sqlite3_int64	 before;
	int		 ok;

	memset(pg, 0, sizeof(*pg));
	pg->req = req;
	sendmore_use(req);
	arena_init(&pg->arena);
	pg->ctx = tv_map(&pg->arena);
	form_errors_init(&pg->errors, &pg->arena);
	pg->now = (int64_t)time(NULL);
	guard_client_ip(req, pg->ip, sizeof(pg->ip));

	ok = 0;
	if (req->method == HTTP_METHOD_GET || req->method == HTTP_METHOD_HEAD)
		ok = (allow & ALLOW_GET) != 0;
	else if (req->method == HTTP_METHOD_POST)
		ok = (allow & ALLOW_POST) != 0;
	if (!ok) {
		http_response_header(req, "allow", (allow & ALLOW_GET) ?
		    ((allow & ALLOW_POST) ? "GET, HEAD, POST" : "GET, HEAD") :
		    "POST");
		(void)page_error(pg, 405);
		return (0);
	}
	/* A page's reads share one read transaction, from the version
	 * on, ended by the first write (db.c): a session noting its
	 * last-seen time ends it, so it starts again after, and a POST's
	 * write ends it before it writes. The last page's is used again
	 * if nothing was committed since it began (db_read_again). */
	(void)db_read_again(app_db);
	/* The database's version, read once: the page cache's key and
	 * the settings copy (settings.c) both go by it. */
	if (pcache_db_version(app_db, &pg->cache_ver) == 0) {
		pg->have_ver = 1;
		pg->cache_ver.own_changes -= session_writes;
		settings_at(app_db, pg->cache_ver.data_version,
		    pg->cache_ver.own_changes);
	}
	/* A session's own writes (last seen, once a minute; an expired
	 * one removed) are on no kept page: read by data_version, they do
	 * not make this worker's kept pages stale. (The shared count of
	 * commits, db.c, counts them: a page a minute is made again.) */
	before = sqlite3_total_changes64(db_handle(app_db));
	guard_session(pg);
	session_writes += sqlite3_total_changes64(db_handle(app_db)) - before;
	(void)db_read_begin(app_db);
	if (read_form(pg) == -1) {
		(void)page_error(pg, 400);
		return (0);
	}
	if (req->method == HTTP_METHOD_POST && !(allow & ALLOW_RESUMED) &&
	    !guard_post(pg))
		return (0);
	pg->post_ok = req->method == HTTP_METHOD_POST && !pg->stale_form;
	return (1);
}

/*
 * Only for these roles. Visitors who have not signed in are sent to sign
 * in; people of another role get 404, so pages cannot be probed.
 */
int
page_require(struct page *pg, int roles)
{
	const char	*next;

	if (!pg->signed_in) {
		next = pg->req->method == HTTP_METHOD_GET ? pg->req->path : "/";
		(void)page_redirect(pg, arena_printf(&pg->arena,
		    "/login?next=%s", next), NULL);
		return (0);
	}
	if (!(roles & (1 << pg->sess.role))) {
		(void)page_error(pg, 404);
		return (0);
	}
	return (1);
}

void
page_end(struct page *pg)
{
	db_read_keep(app_db);
	settings_done();
	arena_free(&pg->arena);
}

/* Show a message on the next page this browser loads. */
void
page_flash(struct page *pg, const char *key)
{
	guard_set_cookie(pg, "portal_flash", key, 1);
}

static void
take_flash(struct page *pg)
{
	const char	*key;
	size_t		 i;

	if ((key = guard_cookie(pg, "portal_flash")) == NULL)
		return;
	for (i = 0; i < sizeof(flashes) / sizeof(flashes[0]); i++) {
		if (strcmp(flashes[i].key, key) != 0)
			continue;
		if (flashes[i].text != NULL)
			tv_set_str(pg->ctx, "flash", flashes[i].text);
		tv_set_bool(pg->ctx, arena_printf(&pg->arena, "flash_%s",
		    flashes[i].key), 1);
	}
	guard_set_cookie(pg, "portal_flash", NULL, 1);
}

/* 303 to a local path, optionally leaving a flash message. Ends the page. */
int
page_redirect(struct page *pg, const char *location, const char *flash)
{
	if (flash != NULL)
		page_flash(pg, flash);
	http_security_headers(pg->req, 1);
	http_response_header(pg->req, "location", location);
	http_response(pg->req, 303, NULL, 0);
	page_end(pg);
	return (KORE_RESULT_OK);
}

/*
 * The counts beside the menu items are on every signed-in page, and the
 * queue's reads every waiting view. None changes unless the data does,
 * so each worker keeps them for the database's version as it is when
 * the page is drawn (a POST may have written since page_begin): the
 * queue and open concerns for everyone, the rest per person. Bounded:
 * a full table starts again. The consultations a young person may
 * answer also move with the time, when one opens or closes: that count
 * is kept until the next such time.
 */
#define KEPT_COUNTS	256

enum count_kind {
	COUNT_QUEUE, COUNT_CONCERNS, COUNT_UNREAD, COUNT_TO_ANSWER,
	COUNT_CONSULT
};

static struct {
	struct pcache_version	 ver;
	size_t			 n;
	struct {
		enum count_kind	 kind;
		int64_t		 user_id;
		int64_t		 value;
		int64_t		 until;		/* good before this time */
	}			 at[KEPT_COUNTS];
} kept;

/* Consultations this young person may answer and has not finished. */
static int64_t
consult_count(int64_t user_id, int64_t now)
{
	struct consult_person	 p;
	struct user		 u;

	if (user_by_id(app_db, user_id, &u) != 1)
		return (-1);
	p.id = u.id;
	p.age_band = u.age_band;
	p.lives_outside = u.lives_outside;
	return (consult_open_count(app_db, &p, now));
}

static int64_t
count_now(enum count_kind kind, int64_t user_id, int64_t now)
{
	switch (kind) {
	case COUNT_QUEUE:
		return (start_queue_count(app_db));
	case COUNT_CONCERNS:
		return (concerns_count_open(app_db));
	case COUNT_UNREAD:
		return (notify_unread(app_db, user_id));
	case COUNT_TO_ANSWER:
		return (start_answers_waiting(app_db, user_id));
	case COUNT_CONSULT:
		return (consult_count(user_id, now));
	}
	return (-1);
}

/* Forget the kept counts if the data has moved. -1: read them afresh. */
static int
counts_at_version(void)
{
	struct pcache_version	 v;

	if (pcache_db_version(app_db, &v) == -1)
		return (-1);
	v.own_changes -= session_writes;
	if (v.data_version != kept.ver.data_version ||
	    v.own_changes != kept.ver.own_changes) {
		kept.ver = v;
		kept.n = 0;
	}
	return (0);
}

/* A count at now, kept unless fresh is -1 (see counts_at_version). */
static int64_t
count_kept(int fresh, enum count_kind kind, int64_t user_id, int64_t now)
{
	int64_t	 value, until;
	size_t	 i;

	if (fresh == -1)
		return (count_now(kind, user_id, now));
	for (i = 0; i < kept.n; i++)
		if (kept.at[i].kind == kind && kept.at[i].user_id == user_id)
			break;
	if (i < kept.n && now < kept.at[i].until)
		return (kept.at[i].value);
	if ((value = count_now(kind, user_id, now)) < 0)
		return (value);
	until = INT64_MAX;
	if (kind == COUNT_CONSULT &&
	    (until = consult_next_change(app_db, now)) == -1)
		return (value);
	if (i == kept.n) {
		if (kept.n == KEPT_COUNTS)
			kept.n = i = 0;
		kept.n++;
	}
	kept.at[i].kind = kind;
	kept.at[i].user_id = user_id;
	kept.at[i].value = value;
	kept.at[i].until = until;
	return (value);
}

/* The consultations badge in the menu, and a note above the start page. */
static void
consult_badge(struct page *pg, struct tval *user, int fresh)
{
	int64_t	 n;

	if ((n = count_kept(fresh, COUNT_CONSULT, pg->sess.user_id,
	    pg->now)) <= 0)
		return;
	tv_set_int(user, "consult_open", n);
	if (strcmp(pg->req->path, "/") == 0)
		tv_set_bool(user, "consult_home", 1);
}

static void
layout_data(struct page *pg)
{
	struct tval	*c = pg->ctx;
	struct tval	*user;
	int64_t		 unread, waiting;
	int		 fresh;

	tv_set_str(c, "council_name", settings_text(app_db, &pg->arena,
	    "council_name", "Our council"));
	tv_set_str(c, "cicc_name", settings_text(app_db, &pg->arena,
	    "cicc_name", "Children in Care Council"));
	tv_set_str(c, "title", pg->title ? pg->title : "Welcome");
	/* "Error: " is for the window's title, read first by a screen
	 * reader; never on the page's own heading. */
	tv_set_str(c, "doc_title", tv_get(c, "error_summary") != NULL ?
	    arena_printf(&pg->arena, "Error: %s", pg->title ? pg->title :
	    "Welcome") : pg->title ? pg->title : "Welcome");
	tv_set_str(c, "css_version", assets_version("site.css"));
	tv_set_str(c, "js_version", assets_version("enhance.js"));
	/* Kore refuses a longer form with a blank page before any handler
	 * runs: enhance.js stops it in the browser, words still there. */
	tv_set_int(c, "body_max", (int64_t)http_body_max);
	tv_set_str(c, "csrf", pg->csrf ? pg->csrf : "");
	if (pg->nav != NULL)
		tv_set_bool(c, arena_printf(&pg->arena, "nav_%s", pg->nav), 1);
	/* Young people's pages, and every page before signing in. */
	tv_set_bool(c, "quick_exit", !pg->signed_in ||
	    pg->sess.role == ROLE_YOUNG);
	if (!pg->signed_in || pg->sess.role == ROLE_YOUNG)
		help_footer(pg);
	if (!pg->signed_in)
		return;
	fresh = counts_at_version();
	user = tv_set_map(c, "me");
	tv_set_str(user, "name", pg->sess.name);
	tv_set_str(user, "role", role_label(pg->sess.role));
	tv_set_bool(user, "young", pg->sess.role == ROLE_YOUNG);
	tv_set_bool(user, "worker", pg->sess.role == ROLE_WORKER);
	tv_set_bool(user, "councillor", pg->sess.role == ROLE_COUNCILLOR);
	tv_set_bool(user, "admin", pg->sess.role == ROLE_ADMIN);
	tv_set_bool(user, "staff", pg->sess.role != ROLE_YOUNG);
	tv_set_bool(user, "manages", pg->sess.role == ROLE_WORKER ||
	    pg->sess.role == ROLE_ADMIN);
	/* Set only when some are unread: a number is always truthy in a
	 * template, so 0 would show as a badge. */
	if ((unread = count_kept(fresh, COUNT_UNREAD, pg->sess.user_id,
	    pg->now)) > 0)
		tv_set_int(user, "unread", unread);
	if (pg->sess.role == ROLE_YOUNG)
		consult_badge(pg, user, fresh);
	/* Work waiting, beside its menu item; set only when some is. */
	if (pg->sess.role == ROLE_WORKER &&
	    (waiting = count_kept(fresh, COUNT_QUEUE, 0, pg->now)) > 0)
		tv_set_int(user, "queue", waiting);
	if (pg->sess.role == ROLE_COUNCILLOR &&
	    (waiting = count_kept(fresh, COUNT_TO_ANSWER, pg->sess.user_id,
	    pg->now)) > 0)
		tv_set_int(user, "to_answer", waiting);
	/* The urgent list's count, on every worker's and admin's page. */
	if (pg->sess.role == ROLE_WORKER || pg->sess.role == ROLE_ADMIN)
		tv_set_str(user, "concerns_open", arena_printf(&pg->arena,
		    "%lld", (long long)count_kept(fresh, COUNT_CONCERNS, 0,
		    pg->now)));
}

/* The layout around body, sent with status. Ends the page. */
static int
send_layout(struct page *pg, int status, const char *body, size_t len)
{
	struct buf	 html;

	buf_init(&html, 8192);
	tv_set(pg->ctx, "body", tv_strn(&pg->arena, body, len));
	(void)tmpl_render(app_templates, "layout", pg->ctx, &html);
	http_security_headers(pg->req, 1);
	http_response(pg->req, status, html.data, html.len);
	buf_free(&html);
	page_end(pg);
	return (KORE_RESULT_OK);
}

/* A body rendered before (a kept one), in this viewer's layout. */
int
page_render_body(struct page *pg, int status, const char *body, size_t len)
{
	layout_data(pg);
	take_flash(pg);
	return (send_layout(pg, status, body, len));
}

/*
 * Render template tmpl inside the layout and send it. Ends the page.
 * A page cache_serve() chose to keep is kept here (cache.c).
 */
int
page_render(struct page *pg, int status, const char *tmpl)
{
	struct buf	 body, html;
	int		 rc;

	buf_init(&body, 4096);
	layout_data(pg);
	take_flash(pg);
	if (tmpl_render(app_templates, tmpl, pg->ctx, &body) == -1) {
		kore_log(LOG_ERR, "no template named %s", tmpl);
		buf_free(&body);
		return (page_error(pg, 500));
	}
	if (status != 200 || pg->cache_key == NULL) {
		rc = send_layout(pg, status, body.data, body.len);
		buf_free(&body);
		return (rc);
	}
	/* Kept: the whole page for a visitor, else only the body. */
	buf_init(&html, 8192);
	tv_set(pg->ctx, "body", tv_strn(&pg->arena, body.data, body.len));
	(void)tmpl_render(app_templates, "layout", pg->ctx, &html);
	if (cache_keep(pg, &body, &html)) {
		buf_free(&body);
		buf_free(&html);
		return (KORE_RESULT_OK);
	}
	http_security_headers(pg->req, 1);
	http_response(pg->req, status, html.data, html.len);
	buf_free(&body);
	buf_free(&html);
	page_end(pg);
	return (KORE_RESULT_OK);
}

/*
 * The same form again with what was typed and an error summary that
 * links to each field. Ends the page.
 */
int
page_form_errors(struct page *pg, const char *tmpl)
{
	const struct form_error	*fe;
	struct tval		*list, *item, *by;

	list = tv_set_list(tv_set_map(pg->ctx, "error_summary"), "items");
	by = tv_set_map(pg->ctx, "error");
	for (fe = pg->errors.head; fe != NULL; fe = fe->next) {
		item = tv_push_map(list);
		tv_set_str(item, "field", fe->field);
		tv_set_str(item, "message", fe->message);
		tv_set_str(by, fe->field, fe->message);
	}
	return (page_render(pg, 422, tmpl));
}

/* A styled error page for status. Ends the page. */
int
page_error(struct page *pg, int status)
{
	size_t	 i;

	if (status == 404 && guard_rescue_words(pg))
		return (KORE_RESULT_OK);
	for (i = 0; i < sizeof(error_texts) / sizeof(error_texts[0]); i++)
		if (error_texts[i].status == status)
			break;
	if (i == sizeof(error_texts) / sizeof(error_texts[0]))
		i = 0;
	/* What the visitor cannot fix, the operator must hear about. */
	if (status >= 500)
		kore_log(LOG_ERR, "%d for %s: %s", status, pg->req->path,
		    app_db != NULL ? db_errmsg(app_db) : "");
	pg->title = error_texts[i].title;
	tv_set_int(pg->ctx, "status", status);
	tv_set_str(pg->ctx, "heading", error_texts[i].title);
	tv_set_str(pg->ctx, "message", error_texts[i].message);
	return (page_render(pg, status, "error"));
}

/*
 * A record looked for by its id: 404 when it is not there (rc 0), the
 * error page and a log line when the database failed (rc -1).
 */
int
page_missing(struct page *pg, int rc)
{
	return (page_error(pg, rc == -1 ? 500 : 404));
}

/* The last route in kore.conf: anything no other route claimed. */
int
page_not_found(struct http_request *req)
{
	struct page	 pg;

	memset(&pg, 0, sizeof(pg));
	pg.req = req;
	arena_init(&pg.arena);
	pg.ctx = tv_map(&pg.arena);
	form_errors_init(&pg.errors, &pg.arena);
	guard_client_ip(req, pg.ip, sizeof(pg.ip));
	pg.now = (int64_t)time(NULL);
	guard_session(&pg);
	return (page_error(&pg, 404));
}
