/*
 * pledge.c: the Care Pledge pages.
 *
 *   /pledge                  the current Pledge (public)
 *   /pledge/ID               one promise: updates, verdicts; progress form
 *                            for workers and the owning councillor
 *   /pledge/check            a young person's verdict on every promise
 *   /pledge/scorecard(.csv)  the whole Pledge as a table, and as CSV
 *   /pledge/versions[/ID]    every version, past ones still readable
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "glossary.h"
#include "pledge.h"
#include "quota.h"
#include "settings.h"

static const char *const status_keys[] = {
	"not_started", "in_the_works", "stalled", "kept", "partly_kept",
	"broken", NULL,
};
static const char *const verdict_opts[] = {
	"yes", "partly", "no", "not_sure", NULL,
};

/* A promise's own words, in the order its page shows them. */
static const char *const promise_keys[] = {
	"title", "description", "delivery", "measure", "target", "owner",
	NULL,
};
static const char *const update_keys[] = {
	"evidence", "measure_value", NULL,
};
static const char *const title_keys[] = { "title", NULL };
static const char *const intro_keys[] = { "intro", NULL };

static int64_t
threshold(void)
{
	return (settings_int(app_db, "small_count", 5));
}

static void
explain_rows(struct glossary *g, const struct tval *list,
    const char *const *keys)
{
	const struct tval	*it;

	for (it = tv_first(list); it != NULL; it = tv_next(it))
		glossary_explain_keys(g, (struct tval *)it, keys);
}

/*
 * Words young people may not know ("IRO"), explained in brackets the
 * first time the page uses them, as on every public page. The glossary
 * is in the database, so a change to it is a write and no page kept
 * from before it is served again.
 */
static int
explain_pledge(struct page *pg)
{
	struct glossary		 g;
	const struct tval	*theme;

	if (glossary_load(app_db, &pg->arena, &g) == -1)
		return (-1);
	glossary_explain_keys(&g, pg->ctx, intro_keys);
	for (theme = tv_first(tv_get(pg->ctx, "themes")); theme != NULL;
	    theme = tv_next(theme))
		explain_rows(&g, tv_get(theme, "promises"), title_keys);
	return (0);
}

static int
explain_promise(struct page *pg)
{
	struct glossary	 g;

	if (glossary_load(app_db, &pg->arena, &g) == -1)
		return (-1);
	glossary_explain_keys(&g, pg->ctx, promise_keys);
	explain_rows(&g, tv_get(pg->ctx, "updates"), update_keys);
	return (0);
}

static int
explain_list(struct page *pg, const char *key, const char *const *keys)
{
	struct glossary	 g;

	if (glossary_load(app_db, &pg->arena, &g) == -1)
		return (-1);
	explain_rows(&g, tv_get(pg->ctx, key), keys);
	return (0);
}

int
page_pledge(struct http_request *req)
{
	struct page	 pg;
	int64_t		 id;

	if (!page_begin(&pg, req, ALLOW_GET) ||
	    cache_serve(&pg, R_ANON | R_ANY))
		return (KORE_RESULT_OK);
	pg.title = "Our promises to you";
	pg.nav = "pledge";
	if (pledge_current_id(app_db, &id) == -1)
		return (page_error(&pg, 500));
	if (id > 0 && (pledge_version(app_db, id, threshold(), pg.now,
	    pg.ctx) != 1 || explain_pledge(&pg) == -1))
		return (page_error(&pg, 500));
	/* While the next one is being written, young people may comment. */
	if (pg.signed_in && pg.sess.role == ROLE_YOUNG) {
		if (pledge_draft_id(app_db, &id) == -1)
			return (page_error(&pg, 500));
		tv_set_bool(pg.ctx, "draft_open", id > 0);
	}
	return (page_render(&pg, 200, "pledge"));
}

static int
promise_page(struct page *pg, int64_t id, const struct promise_ref *r,
    int errors)
{
	const char	*v;
	int		 rc;

	if ((rc = pledge_promise(app_db, id, threshold(), pg->ctx)) != 1)
		return (page_missing(pg, rc));
	/* The browser's title stays short; the page explains. */
	pg->title = tv_get_str(pg->ctx, "title");
	if (explain_promise(pg) == -1)
		return (page_error(pg, 500));
	pg->nav = "pledge";
	tv_set_bool(pg->ctx, "can_update", pg->signed_in &&
	    pledge_may_update(pg->sess.role, pg->sess.user_id, r));
	tv_set_bool(pg->ctx, "current", strcmp(r->version_state, "current") ==
	    0);
	v = form_raw(&pg->form, "status");
	tv_set_bool(pg->ctx, arena_printf(&pg->arena, "pick_%s",
	    v ? v : r->status), 1);
	v = form_raw(&pg->form, "progress");
	tv_set_str(pg->ctx, "f_progress", v ? v : arena_printf(&pg->arena,
	    "%d", r->progress));
	tv_set_str(pg->ctx, "f_evidence", form_raw(&pg->form, "evidence"));
	tv_set_str(pg->ctx, "f_measure", form_raw(&pg->form, "measure_value"));
	/* The update the form was read beside (record_update()). */
	tv_set_int(pg->ctx, "seen", pledge_last_update(app_db, id));
	/* Sent to an old version: the form is gone, the words are not. */
	tv_set_bool(pg->ctx, "unsent", errors && !tv_truthy_key(pg->ctx,
	    "can_update") && !form_empty(&pg->form, "evidence"));
	return (errors ? page_form_errors(pg, "pledge_promise") :
	    page_render(pg, 200, "pledge_promise"));
}

static int
record_update(struct page *pg, const struct promise_ref *r)
{
	const char	*evidence, *measure, *why;
	char		*end;
	long		 progress;
	int		 s;

	s = form_choice(&pg->form, "status", status_keys, &pg->errors,
	    "Choose the promise's status.");
	progress = strtol(form_raw(&pg->form, "progress") ?
	    form_raw(&pg->form, "progress") : "", &end, 10);
	if (form_raw(&pg->form, "progress") == NULL || *end != '\0' ||
	    end == form_raw(&pg->form, "progress") || progress < 0 ||
	    progress > 100)
		form_error(&pg->errors, "progress", "Progress is a number "
		    "from 0 to 100.");
	evidence = form_text(&pg->form, "evidence", PROMISE_TEXT_MAX, 1, 1,
	    &pg->errors, "Say what has happened: the evidence for this "
	    "update.");
	measure = form_text(&pg->form, "measure_value", 100, 0, 0,
	    &pg->errors, "");
	if (pg->errors.n == 0 && (why = pledge_update_problem(r->status,
	    status_keys[s], (int)progress)) != NULL)
		form_error(&pg->errors, strstr(why, "Progress") ||
		    strstr(why, "%") ? "progress" : "status", why);
	/* Someone updated it while this page was open: read theirs first
	 * (a "kept" was overwritten by an older page's "in the works"). */
	if (pg->errors.n == 0 && form_raw(&pg->form, "seen") != NULL &&
	    strtoll(form_raw(&pg->form, "seen"), NULL, 10) !=
	    pledge_last_update(app_db, r->id))
		form_error(&pg->errors, "evidence", "Someone else recorded an "
		    "update while your page was open: it is shown above. Read "
		    "it, then send yours again if it is still right. Your "
		    "words are still here.");
	if (pg->errors.n > 0)
		return (promise_page(pg, r->id, r, 1));
	if (pledge_update(app_db, &pg->actor, r->id, status_keys[s],
	    (int)progress, evidence, measure, pg->now) == -1)
		return (page_error(pg, 500));
	return (page_redirect(pg, arena_printf(&pg->arena, "/pledge/%lld",
	    (long long)r->id), "promise_updated"));
}

int
page_pledge_promise(struct http_request *req)
{
	struct page		 pg;
	struct promise_ref	 r;
	int64_t			 id;
	int			 rc;

	/* Staff may have a progress form here: only the same-for-all
	 * pages of visitors and young people are kept. */
	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    cache_serve(&pg, R_ANON | R_YOUNG))
		return (KORE_RESULT_OK);
	id = strtoll(req->path + strlen("/pledge/"), NULL, 10);
	if (id <= 0)
		return (page_error(&pg, 404));
	if ((rc = pledge_promise_ref(app_db, id, &r)) != 1)
		return (page_missing(&pg, rc));
	/* A draft is the participation team's until it is published. */
	if (strcmp(r.version_state, "draft") == 0 && (!pg.signed_in ||
	    pg.sess.role != ROLE_WORKER))
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (promise_page(&pg, id, &r, 0));
	if (!page_require(&pg, R_WORKER | R_COUNCILLOR))
		return (KORE_RESULT_OK);
	/* A new Pledge went live while the page was open: nothing saved,
	 * the words shown back beside the way to the promise now. */
	if (strcmp(r.version_state, "current") != 0 &&
	    (pg.sess.role == ROLE_WORKER || r.owner_id == pg.sess.user_id)) {
		form_error(&pg.errors, "unsent", "A new version of the Pledge "
		    "started while your page was open, so this update was not "
		    "saved. Copy your words, then record them on the promise "
		    "as it is now.");
		return (promise_page(&pg, id, &r, 1));
	}
	/* Someone else's promise looks like no promise at all. */
	if (!pledge_may_update(pg.sess.role, pg.sess.user_id, &r))
		return (page_error(&pg, 404));
	return (record_update(&pg, &r));
}

/* After an error, each promise shows what was typed, not what was saved. */
static void
keep_typed(struct page *pg, const struct tval *list)
{
	const struct tval	*it;
	struct tval		*row;
	const char		*v, *c;
	char			 key[48];
	size_t			 i;

	for (it = tv_first(list); it != NULL; it = tv_next(it)) {
		row = (struct tval *)it;
		(void)snprintf(key, sizeof(key), "v_%s", tv_get_str(row, "id"));
		if ((v = form_raw(&pg->form, key)) != NULL) {
			for (i = 0; verdict_opts[i] != NULL; i++)
				tv_set_bool(row, arena_printf(&pg->arena,
				    "v_%s", verdict_opts[i]),
				    strcmp(v, verdict_opts[i]) == 0);
		}
		key[0] = 'c';
		if ((c = form_raw(&pg->form, key)) != NULL)
			tv_set_str(row, "comment", c);
	}
}

static int
check_page(struct page *pg, int64_t version, int errors)
{
	struct tval	*list;

	pg->title = "Are we keeping our promises?";
	pg->nav = "pledge_check";
	list = tv_set_list(pg->ctx, "promises");
	if (pledge_check_list(app_db, version, pg->sess.user_id, list) == -1 ||
	    explain_list(pg, "promises", title_keys) == -1)
		return (page_error(pg, 500));
	if (errors)
		keep_typed(pg, list);
	return (errors ? page_form_errors(pg, "pledge_check") :
	    page_render(pg, 200, "pledge_check"));
}

/*
 * Whether any comment on the form worries the safeguarding check, read
 * as typed. 1 yes, 0 no, -1 on error.
 */
static int
check_worries(struct page *pg)
{
	const struct form	*f = &pg->form;
	size_t			 i;
	int			 w;

	for (i = 0; i < f->n; i++) {
		if (strncmp(f->fields[i].name, "c_", 2) != 0)
			continue;
		if ((w = page_worrying(pg, f->fields[i].value)) != 0)
			return (w);
	}
	return (0);
}

/*
 * Sent a lot this hour: the form again with every answer kept. 1 held
 * back, 0 may go, -1 on error.
 */
static int
check_held_back(struct page *pg)
{
	int64_t	 wait;

	wait = quota_account_wait(app_db, QUOTA_PLEDGE_CHECK,
	    pg->sess.user_id, pg->now);
	if (wait <= 0)
		return (wait < 0 ? -1 : 0);
	form_error(&pg->errors, "check", arena_printf(&pg->arena, "You have "
	    "sent your answers a lot of times in the last hour. They are "
	    "still here. Please send them again in about %lld minutes.",
	    (long long)(wait + 59) / 60));
	return (1);
}

/* Whether a field holds words, not only white space. */
static int
has_words(const struct form_field *f)
{
	return (f->value != NULL && f->value[strspn(f->value, " \t\r\n")]
	    != '\0');
}

/*
 * Whether an answer or a comment on the form is for a promise that is
 * not in the Pledge in force (the form was open while it changed). 1
 * yes, 0 no, -1 on error.
 */
static int
check_stale(struct page *pg)
{
	const struct form	*f = &pg->form;
	struct promise_ref	 r;
	size_t			 i;
	int64_t			 id;
	int			 rc;

	for (i = 0; i < f->n; i++) {
		if (strncmp(f->fields[i].name, "v_", 2) != 0 &&
		    (strncmp(f->fields[i].name, "c_", 2) != 0 ||
		    !has_words(&f->fields[i])))
			continue;
		id = strtoll(f->fields[i].name + 2, NULL, 10);
		if ((rc = pledge_promise_ref(app_db, id, &r)) == -1)
			return (-1);
		if (rc != 1 || strcmp(r.version_state, "current") != 0)
			return (1);
	}
	return (0);
}

/*
 * One answer from the form. On a form that worries us (any comment on
 * it), nothing is refused: each comment is kept as typed, over any
 * limit, and "not sure" stands in for an answer not chosen. 1 read, 0
 * not (an error is recorded), -1 not an answer.
 */
static int
read_answer(struct page *pg, size_t i, int worry, int64_t *id,
    const char **verdict, const char **comment)
{
	const struct form	*f = &pg->form;
	struct form_errors	 unshown;
	char			 key[48], ckey[48];
	int			 k;

	*id = strtoll(f->fields[i].name + 2, NULL, 10);
	(void)snprintf(key, sizeof(key), "v_%lld", (long long)*id);
	(void)snprintf(ckey, sizeof(ckey), "c_%lld", (long long)*id);
	if (*id <= 0 || strcmp(key + 1, f->fields[i].name + 1) != 0)
		return (-1);
	form_errors_init(&unshown, &pg->arena);
	k = form_choice(f, key, verdict_opts, worry ? &unshown : &pg->errors,
	    "Choose one answer.");
	if (k < 0 && !worry)
		return (0);
	*verdict = k < 0 ? "not_sure" : verdict_opts[k];
	if (worry) {
		*comment = form_keep(&pg->arena, form_raw(f, ckey));
		return (1);
	}
	*comment = form_text(f, ckey, VERDICT_COMMENT_MAX, 1, 0,
	    &pg->errors, "");
	return (*comment != NULL);
}

/*
 * The Pledge changed while this form was open, so a promise on it is no
 * longer in force and nothing was saved. Worrying words are kept as a
 * view and the help page shown (views_stale_words()); other comments
 * come back to copy above the Pledge in force.
 */
static int
check_outdated(struct page *pg, int64_t version, int worry)
{
	const struct form	*f = &pg->form;
	struct tval		*kept;
	struct buf		 all;
	const char		*words;
	size_t			 i;

	buf_init(&all, 256);
	kept = tv_set_list(pg->ctx, "kept");
	for (i = 0; i < f->n; i++) {
		if (strncmp(f->fields[i].name, "c_", 2) != 0 ||
		    !has_words(&f->fields[i]))
			continue;
		tv_set_str(tv_push_map(kept), "text", f->fields[i].value);
		buf_appendf(&all, "%s%s", all.len > 0 ? "\n" : "",
		    f->fields[i].value);
	}
	words = arena_strdup(&pg->arena, buf_cstr(&all));
	buf_free(&all);
	if (worry && views_stale_words(pg, words))
		return (KORE_RESULT_OK);
	tv_set_bool(pg->ctx, "has_kept", *words != '\0');
	form_error(&pg->errors, "check", "Our promises changed while you were "
	    "answering, so your answers were not saved. Please answer the "
	    "promises below.");
	return (check_page(pg, version, 1));
}

/*
 * Save every verdict on the form in one transaction. A form with a
 * worrying comment is never refused: all of it is saved, over any limit,
 * and the help page shown.
 */
static int
save_check(struct page *pg, int64_t version)
{
	const struct form	*f = &pg->form;
	const char		*v, *comment;
	size_t			 i;
	int64_t			 id;
	int			 flagged, any, worry, rc;

	if ((worry = check_worries(pg)) == -1 ||
	    (rc = check_stale(pg)) == -1)
		return (page_error(pg, 500));
	if (rc == 1)
		return (check_outdated(pg, version, worry));
	if (!worry && (rc = check_held_back(pg)) != 0)
		return (rc == -1 ? page_error(pg, 500) :
		    check_page(pg, version, 1));
	/* A worry sent again (a double click) shows the help page again. */
	any = worry;
	if (db_begin(app_db) == -1)
		return (page_error(pg, 500));
	for (i = 0; i < f->n; i++) {
		if (strncmp(f->fields[i].name, "v_", 2) != 0 &&
		    strncmp(f->fields[i].name, "c_", 2) != 0)
			continue;
		/* A comment without its answer is read, never dropped. */
		if (f->fields[i].name[0] == 'c' && (!has_words(&f->fields[i])
		    || form_has(f, arena_printf(&pg->arena, "v_%s",
		    f->fields[i].name + 2))))
			continue;
		if (read_answer(pg, i, worry, &id, &v, &comment) != 1)
			continue;
		if (pledge_verdict_set(app_db, &pg->actor, id, v, comment,
		    pg->now, &flagged) == -1) {
			db_rollback(app_db);
			return (check_outdated(pg, version, worry));
		}
		any |= flagged;
	}
	if (pg->errors.n > 0 && !any) {
		db_rollback(app_db);
		return (check_page(pg, version, 1));
	}
	if (db_commit(app_db) == -1)
		return (page_error(pg, 500));
	if (any)
		return (help_page(pg));
	if (quota_account_sent(app_db, QUOTA_PLEDGE_CHECK, pg->sess.user_id,
	    pg->now) == -1)
		kore_log(LOG_ERR, "counting a Pledge check: %s",
		    db_errmsg(app_db));
	return (page_redirect(pg, "/pledge", "verdicts_saved"));
}

/*
 * A Pledge check sent from a page open so long its form token went stale,
 * by a young person still signed in: nothing is saved, and the form comes
 * back with every answer and comment as sent, to press Save again (as a
 * view's form does). Worrying comments never get here (guard.c keeps
 * them first). 1 if this answered the request.
 */
int
pledge_check_stale(struct page *pg)
{
	int64_t	 version;

	if (strcmp(pg->req->path, "/pledge/check") != 0 || !pg->signed_in ||
	    pg->sess.role != ROLE_YOUNG ||
	    pledge_current_id(app_db, &version) == -1 || version == 0)
		return (0);
	form_error(&pg->errors, "save", "This page was open a long time, so "
	    "your answers are not saved yet. They are filled in again below: "
	    "check them and press Save my answers.");
	(void)check_page(pg, version, 1);
	return (1);
}

int
page_pledge_check(struct http_request *req)
{
	struct page	 pg;
	int64_t		 version;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (pledge_current_id(app_db, &version) == -1)
		return (page_error(&pg, 500));
	if (version == 0)
		return (page_redirect(&pg, "/pledge", NULL));
	if (req->method != HTTP_METHOD_POST)
		return (check_page(&pg, version, 0));
	return (save_check(&pg, version));
}

/*
 * The scorecard's words young people may not know, listed under its
 * table: explained inside the cells, a row would no longer read as its
 * line of the CSV.
 */
static int
score_words(struct page *pg)
{
	static const char *const keys[] = { "title", "owner", NULL };
	struct glossary		 g;
	const struct tval	*row;
	struct tval		*list;
	struct buf		 all;
	size_t			 i;

	if (glossary_load(app_db, &pg->arena, &g) == -1)
		return (-1);
	buf_init(&all, 4096);
	for (row = tv_first(tv_get(pg->ctx, "rows")); row != NULL;
	    row = tv_next(row))
		for (i = 0; keys[i] != NULL; i++)
			buf_appendf(&all, "%s\n", tv_get_str(row, keys[i]) ?
			    tv_get_str(row, keys[i]) : "");
	list = tv_set_list(pg->ctx, "words");
	glossary_words(&g, buf_cstr(&all), list);
	buf_free(&all);
	if (tv_first(list) != NULL)
		tv_set_bool(pg->ctx, "has_words", 1);
	return (0);
}

int
page_pledge_scorecard(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) ||
	    cache_serve(&pg, R_ANON | R_ANY))
		return (KORE_RESULT_OK);
	pg.title = "Pledge scorecard";
	pg.nav = "pledge";
	tv_set_int(pg.ctx, "threshold", threshold());
	if (pledge_scorecard(app_db, threshold(), pg.now, tv_set_list(pg.ctx,
	    "rows")) == -1 || score_words(&pg) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "pledge_scorecard"));
}

int
page_pledge_csv(struct http_request *req)
{
	struct page	 pg;
	struct buf	 csv;
	int		 rc;

	if (!page_begin(&pg, req, ALLOW_GET))
		return (KORE_RESULT_OK);
	http_response_header(req, "content-disposition",
	    "attachment; filename=\"pledge-scorecard.csv\"");
	if (cache_serve(&pg, R_ANON | R_ANY))
		return (KORE_RESULT_OK);
	buf_init(&csv, 8192);
	if (pledge_scorecard_csv(app_db, threshold(), pg.now, &csv) == -1) {
		buf_free(&csv);
		return (page_error(&pg, 500));
	}
	rc = cache_send(&pg, "text/csv; charset=utf-8", &csv);
	buf_free(&csv);
	return (rc);
}

int
page_pledge_versions(struct http_request *req)
{
	struct page	 pg;
	int64_t		 id, draft;
	int		 rc;

	if (!page_begin(&pg, req, ALLOW_GET))
		return (KORE_RESULT_OK);
	pg.nav = "pledge";
	if (strcmp(req->path, "/pledge/versions") == 0) {
		pg.title = "Every version of the Pledge";
		if (pledge_versions(app_db, tv_set_list(pg.ctx, "versions")) ==
		    -1)
			return (page_error(&pg, 500));
		return (page_render(&pg, 200, "pledge_versions"));
	}
	id = strtoll(req->path + strlen("/pledge/versions/"), NULL, 10);
	if (pledge_draft_id(app_db, &draft) == -1)
		return (page_error(&pg, 500));
	if (id == draft && (!pg.signed_in || pg.sess.role != ROLE_WORKER))
		return (page_error(&pg, 404));
	if (id <= 0)
		return (page_error(&pg, 404));
	if ((rc = pledge_version(app_db, id, threshold(), pg.now, pg.ctx)) !=
	    1)
		return (page_missing(&pg, rc));
	if (explain_pledge(&pg) == -1)
		return (page_error(&pg, 500));
	pg.title = tv_get_str(pg.ctx, "pledge_title");
	return (page_render(&pg, 200, "pledge"));
}
