/*
 * consult_manage.c: participation workers' consultation pages (issue
 * #15), all under /consultations/manage:
 *
 *   /consultations/manage              the list, and a new one
 *   /consultations/manage/ID           details, questions, open, close,
 *                                      the outcome and publishing it
 *   /consultations/manage/ID/preview   as a young person sees it
 *   /consultations/manage/ID/results   counts, charts, free text, tags,
 *                                      "turn into an issue"
 *   /consultations/manage/ID/results.csv
 *
 * Workers and admins only; anyone else gets 404. Every POST is audited
 * by the core, in its transaction.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "consult.h"
#include "reports.h"
#include "settings.h"
#include "timefmt.h"
#include "users.h"
#include "views.h"

#define MANAGE		(R_WORKER | R_ADMIN)
#define BASE		"/consultations/manage/"

static const char *const audiences[] = { "all", "bands", "inside",
    "outside", "leavers", NULL };
static const char *const q_kinds[] = { "one", "several", "scale", "short",
    "long", NULL };

static int64_t
threshold(void)
{
	return (settings_int(app_db, "small_count", 5));
}

/* The consultation in the path after BASE; 1 found. */
static int
path_consult(struct page *pg, struct consult *c)
{
	int64_t	 id;

	id = strtoll(pg->req->path + strlen(BASE), NULL, 10);
	return (id > 0 && consult_get(app_db, id, c) == 1);
}

/* The audience form fields back into ctx (from c, or as sent). */
static void
audience_fields(struct page *pg, const char *blist, const char *aud)
{
	struct tval	*list, *row;
	size_t		 i;

	tv_set_bool(pg->ctx, arena_printf(&pg->arena, "aud_%s", aud), 1);
	list = tv_set_list(pg->ctx, "bands");
	for (i = 0; age_band_keys[i] != NULL; i++) {
		row = tv_push_map(list);
		tv_set_str(row, "key", age_band_keys[i]);
		tv_set_str(row, "label", age_band_label(age_band_keys[i]));
		if (strstr(blist, age_band_keys[i]) != NULL)
			tv_set_bool(row, "checked", 1);
	}
}

/* Read title, why, audience and dates; errors on pg. */
static int
read_details(struct page *pg, struct consult_in *in)
{
	const struct form	*f = &pg->form;
	struct buf		 b;
	const char		*v;
	size_t			 i;
	int			 aud;

	memset(in, 0, sizeof(*in));
	in->title = form_text(f, "title", CONSULT_TITLE_MAX, 0, 1,
	    &pg->errors, "Give the consultation a title.");
	in->why = form_text(f, "why", CONSULT_WHY_MAX, 1, 1, &pg->errors,
	    "Say in plain words why we are asking.");
	aud = form_choice(f, "audience", audiences, &pg->errors,
	    "Choose who it is for.");
	in->area = "any";
	in->bands = "";
	buf_init(&b, 64);
	if (aud == 1) {
		for (i = 0; age_band_keys[i] != NULL; i++)
			if (form_has(f, arena_printf(&pg->arena, "band_%s",
			    age_band_keys[i])))
				buf_appendf(&b, "%s%s", b.len ? " " : "",
				    age_band_keys[i]);
		if (b.len == 0)
			form_error(&pg->errors, "audience", "Tick at least one "
			    "age band, or choose another audience.");
		in->bands = arena_strdup(&pg->arena, buf_cstr(&b));
	} else if (aud == 2 || aud == 3)
		in->area = audiences[aud];
	in->leavers = aud == 4;
	buf_free(&b);
	if ((v = form_raw(f, "opens")) == NULL ||
	    time_parse_date(v, &in->opens_at) != 0)
		form_error(&pg->errors, "opens", "Give the day it opens, like "
		    "2026-12-01.");
	if ((v = form_raw(f, "closes")) == NULL ||
	    time_parse_date(v, &in->closes_at) != 0)
		form_error(&pg->errors, "closes", "Give the day it closes, like "
		    "2026-12-31.");
	else if (in->opens_at > 0 && in->closes_at <= in->opens_at)
		form_error(&pg->errors, "closes", "It must close after the "
		    "day it opens.");
	/* Open through the whole closing day. */
	if (in->closes_at > 0)
		in->closes_at = time_day_after(in->closes_at);
	tv_set_str(pg->ctx, "v_title", form_raw(f, "title"));
	tv_set_str(pg->ctx, "v_why", form_raw(f, "why"));
	tv_set_str(pg->ctx, "v_opens", form_raw(f, "opens"));
	tv_set_str(pg->ctx, "v_closes", form_raw(f, "closes"));
	audience_fields(pg, in->bands, aud < 0 ? "all" : audiences[aud]);
	return (pg->errors.n == 0);
}

static int
list_page(struct page *pg, int errors)
{
	pg->title = "Consultations";
	pg->nav = "consult_manage";
	if (!errors) {
		tv_set_str(pg->ctx, "v_opens", time_iso_date(&pg->arena,
		    pg->now));
		tv_set_str(pg->ctx, "v_closes", time_iso_date(&pg->arena,
		    pg->now + 28 * 86400));
		audience_fields(pg, "", "all");
	}
	if (consult_list_manage(app_db, pg->now, tv_set_list(pg->ctx,
	    "consultations")) == -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "consult_manage") :
	    page_render(pg, 200, "consult_manage"));
}

int
page_consult_manage(struct http_request *req)
{
	struct page		 pg;
	struct consult_in	 in;
	int64_t			 id;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, MANAGE))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST)
		return (list_page(&pg, 0));
	if (!read_details(&pg, &in))
		return (list_page(&pg, 1));
	if (consult_create(app_db, &pg.actor, &in, pg.now, &id) != 0)
		return (page_error(&pg, 500));
	return (page_redirect(&pg, arena_printf(&pg.arena, BASE "%lld",
	    (long long)id), "consult_saved"));
}

/* The edit page of c, with whatever pg's ctx already holds. */
static int
edit_page(struct page *pg, const struct consult *c, int errors,
    int details_sent)
{
	struct tval	*ctx = pg->ctx;
	const char	*aud;

	pg->title = c->title;
	pg->nav = "consult_manage";
	tv_set_int(ctx, "cid", c->id);
	if (consult_detail(app_db, c->id, ctx) != 1 ||
	    consult_questions(app_db, c->id, tv_set_list(ctx,
	    "questions")) == -1)
		return (page_error(pg, 500));
	pg->title = c->title;
	tv_set_str(ctx, "audience_words", consult_audience_words(&pg->arena,
	    c->bands, c->area, c->leavers));
	tv_set_bool(ctx, arena_printf(&pg->arena, "state_%s", c->state), 1);
	tv_set_bool(ctx, "frozen", c->responses > 0);
	tv_set_bool(ctx, "editable", strcmp(c->state, "draft") == 0 ||
	    strcmp(c->state, "open") == 0);
	tv_set_str(ctx, "opens", time_date(&pg->arena, c->opens_at));
	tv_set_str(ctx, "closes", time_date(&pg->arena, c->closes_at - 1));
	tv_set_str(ctx, "responses", count_text(&pg->arena, c->responses,
	    threshold()));
	if (!details_sent) {
		tv_set_str(ctx, "v_title", c->title);
		tv_set_str(ctx, "v_why", tv_get_str(ctx, "why"));
		tv_set_str(ctx, "v_opens", time_iso_date(&pg->arena,
		    c->opens_at));
		tv_set_str(ctx, "v_closes", time_iso_date(&pg->arena,
		    c->closes_at - 1));
		aud = c->leavers ? "leavers" : c->bands[0] != '\0' ? "bands" :
		    strcmp(c->area, "any") == 0 ? "all" : c->area;
		audience_fields(pg, c->bands, aud);
	}
	if (!tv_truthy_key(ctx, "v_kind_set"))
		tv_set_bool(ctx, "kind_one", 1);
	if (!tv_truthy_key(ctx, "o_we_asked_set")) {
		tv_set_str(ctx, "o_we_asked", tv_get_str(ctx, "we_asked"));
		tv_set_str(ctx, "o_you_said", tv_get_str(ctx, "you_said"));
		tv_set_str(ctx, "o_we_did", tv_get_str(ctx, "we_did"));
	}
	return (errors ? page_form_errors(pg, "consult_edit") :
	    page_render(pg, 200, "consult_edit"));
}

/* Where trailing blanks start in a choice, so "Yes " is "Yes". */
static size_t
blank_end(const char *s)
{
	size_t	 n;

	for (n = strlen(s); n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t');
	    n--)
		continue;
	return (n);
}

/* 1 if the question already has this choice (in any case). */
static int
seen(const struct consult_question_in *q, const char *label)
{
	size_t	 i;

	for (i = 0; i < q->noptions; i++)
		if (strcasecmp(q->options[i], label) == 0)
			return (1);
	return (0);
}

/* Read a new question from the form; errors on pg. */
static int
read_question(struct page *pg, struct consult_question_in *q)
{
	const struct form	*f = &pg->form;
	const char		*v, *line, *end;
	char			*label;
	int			 k;

	memset(q, 0, sizeof(*q));
	k = form_choice(f, "kind", q_kinds, &pg->errors,
	    "Choose what kind of question it is.");
	q->kind = k < 0 ? "one" : q_kinds[k];
	q->text = form_text(f, "q_text", CONSULT_Q_MAX, 1, 1, &pg->errors,
	    "Write the question.");
	q->simple = form_text(f, "q_simple", CONSULT_Q_MAX, 1, 0,
	    &pg->errors, "");
	q->optional = form_has(f, "q_optional");
	q->low_word = form_text(f, "low_word", CONSULT_WORD_MAX, 0, 0,
	    &pg->errors, "");
	q->high_word = form_text(f, "high_word", CONSULT_WORD_MAX, 0, 0,
	    &pg->errors, "");
	v = form_text(f, "q_options", CONSULT_OPTS_MAX * (CONSULT_OPT_MAX + 2),
	    1, 0, &pg->errors, "");
	for (line = v; line != NULL && *line != '\0'; line = end) {
		end = line + strcspn(line, "\r\n");
		while (line < end && (*line == ' ' || *line == '\t'))
			line++;
		if (end > line && q->noptions < CONSULT_OPTS_MAX) {
			label = arena_strndup(&pg->arena, line,
			    (size_t)(end - line));
			label[blank_end(label)] = '\0';
			if (strlen(label) > CONSULT_OPT_MAX)
				form_error(&pg->errors, "q_options", "Keep each "
				    "choice under 80 characters.");
			if (seen(q, label))
				form_error(&pg->errors, "q_options", "Give "
				    "each choice only once.");
			q->options[q->noptions++] = label;
		} else if (end > line)
			form_error(&pg->errors, "q_options", "Give at most 8 "
			    "choices.");
		end += strspn(end, "\r\n");
	}
	if ((strcmp(q->kind, "one") == 0 || strcmp(q->kind, "several") == 0) &&
	    q->noptions < 2)
		form_error(&pg->errors, "q_options", "Give at least two "
		    "choices, one on each line.");
	if (strcmp(q->kind, "one") != 0 && strcmp(q->kind, "several") != 0)
		q->noptions = 0;
	tv_set_bool(pg->ctx, "v_kind_set", 1);
	tv_set_bool(pg->ctx, arena_printf(&pg->arena, "kind_%s", q->kind),
	    1);
	tv_set_str(pg->ctx, "v_q_text", form_raw(f, "q_text"));
	tv_set_str(pg->ctx, "v_q_simple", form_raw(f, "q_simple"));
	tv_set_bool(pg->ctx, "v_q_optional", q->optional);
	tv_set_str(pg->ctx, "v_low_word", form_raw(f, "low_word"));
	tv_set_str(pg->ctx, "v_high_word", form_raw(f, "high_word"));
	tv_set_str(pg->ctx, "v_q_options", form_raw(f, "q_options"));
	return (pg->errors.n == 0);
}

static int
outcome(struct page *pg, const struct consult *c, int publish)
{
	const struct form	*f = &pg->form;
	const char		*asked, *said, *did;
	int			 rc;

	asked = form_text(f, "we_asked", CONSULT_OUTCOME_MAX, 1, publish,
	    &pg->errors, "Write what we asked.");
	said = form_text(f, "you_said", CONSULT_OUTCOME_MAX, 1, publish,
	    &pg->errors, "Write what young people said.");
	did = form_text(f, "we_did", CONSULT_OUTCOME_MAX, 1, publish,
	    &pg->errors, "Write what we did, or will do.");
	tv_set_bool(pg->ctx, "o_we_asked_set", 1);
	tv_set_str(pg->ctx, "o_we_asked", form_raw(f, "we_asked"));
	tv_set_str(pg->ctx, "o_you_said", form_raw(f, "you_said"));
	tv_set_str(pg->ctx, "o_we_did", form_raw(f, "we_did"));
	if (strcmp(c->state, "closed") != 0 &&
	    strcmp(c->state, "published") != 0)
		form_error(&pg->errors, "we_asked", "Close the consultation "
		    "before writing what happened.");
	if (pg->errors.n > 0)
		return (edit_page(pg, c, 1, 0));
	rc = consult_outcome(app_db, &pg->actor, c->id, asked, said, did,
	    publish, pg->now);
	if (rc != 0)
		return (page_error(pg, rc == CONSULT_STATE ? 409 : 500));
	return (page_redirect(pg, arena_printf(&pg->arena, BASE "%lld",
	    (long long)c->id), publish ? "consult_published" :
	    "consult_saved"));
}

static int
edit_post(struct page *pg, const struct consult *c)
{
	static const char *const dos[] = { "details", "question", "remove",
	    "open", "close", "outcome", "publish", NULL };
	struct consult_in		 in;
	struct consult_question_in	 q;
	const char			*back;
	int64_t				 qid;
	int				 d, rc;

	back = arena_printf(&pg->arena, BASE "%lld", (long long)c->id);
	if ((d = form_choice(&pg->form, "do", dos, &pg->errors, "")) < 0)
		return (page_error(pg, 400));
	switch (d) {
	case 0:
		if (!read_details(pg, &in))
			return (edit_page(pg, c, 1, 1));
		rc = consult_update(app_db, &pg->actor, c->id, &in);
		if (rc == CONSULT_FROZEN) {
			form_error(&pg->errors, "audience", "Someone has "
			    "already answered, so who it is for cannot change "
			    "now.");
			return (edit_page(pg, c, 1, 1));
		}
		break;
	case 1:
		if (!read_question(pg, &q))
			return (edit_page(pg, c, 1, 0));
		rc = consult_question_add(app_db, &pg->actor, c->id, &q);
		if (rc == CONSULT_FROZEN || rc == CONSULT_STATE) {
			form_error(&pg->errors, "q_text", rc == CONSULT_FROZEN ?
			    "Someone has already answered, so the questions "
			    "cannot change now." : "This consultation has as "
			    "many questions as it can take.");
			return (edit_page(pg, c, 1, 0));
		}
		break;
	case 2:
		if (form_id(&pg->form, "question", &qid) == -1)
			return (page_error(pg, 400));
		rc = consult_question_remove(app_db, &pg->actor, c->id, qid);
		break;
	case 3:
	case 4:
		rc = consult_set_state(app_db, &pg->actor, c->id,
		    d == 3 ? "open" : "closed", pg->now);
		if (rc == CONSULT_STATE && d == 3) {
			form_error(&pg->errors, "q_text", "Add at least one "
			    "question before opening it.");
			return (edit_page(pg, c, 1, 0));
		}
		break;
	default:
		return (outcome(pg, c, d == 6));
	}
	if (rc == CONSULT_FROZEN || rc == CONSULT_STATE)
		return (page_error(pg, 409));
	if (rc != 0)
		return (page_error(pg, 500));
	return (page_redirect(pg, back, d == 3 ? "consult_opened" :
	    d == 4 ? "consult_closed" : "consult_saved"));
}

int
page_consult_edit(struct http_request *req)
{
	struct page	 pg;
	struct consult	 c;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, MANAGE))
		return (KORE_RESULT_OK);
	if (!path_consult(&pg, &c))
		return (page_error(&pg, 404));
	if (req->method == HTTP_METHOD_POST)
		return (edit_post(&pg, &c));
	return (edit_page(&pg, &c, 0, 0));
}

int
page_consult_preview(struct http_request *req)
{
	struct page	 pg;
	struct consult	 c;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, MANAGE))
		return (KORE_RESULT_OK);
	if (!path_consult(&pg, &c))
		return (page_error(&pg, 404));
	return (consult_answer_page(&pg, &c, NULL, 1));
}

static int
results_page(struct page *pg, const struct consult *c, int errors)
{
	pg->title = arena_printf(&pg->arena, "Results: %s", c->title);
	pg->nav = "consult_manage";
	tv_set_int(pg->ctx, "id", c->id);
	tv_set_int(pg->ctx, "cid", c->id);
	tv_set_str(pg->ctx, "c_title", c->title);
	tv_set_int(pg->ctx, "threshold", threshold());
	if (consult_results(app_db, c->id, threshold(), pg->ctx) == -1 ||
	    consult_texts(app_db, c->id, tv_set_list(pg->ctx, "texts")) ==
	    -1 ||
	    views_categories(app_db, tv_set_list(pg->ctx, "categories"),
	    0) == -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "consult_results") :
	    page_render(pg, 200, "consult_results"));
}

/* Tag a text answer, or turn it into an issue. */
static int
results_post(struct page *pg, const struct consult *c)
{
	static const char *const dos[] = { "tag", "issue", NULL };
	const char	*theme, *title, *summary, *handle;
	int64_t		 aid, cat, iid;
	int		 d, rc;

	if ((d = form_choice(&pg->form, "do", dos, &pg->errors, "")) < 0)
		return (page_error(pg, 400));
	handle = form_raw(&pg->form, "answer");
	if ((rc = consult_text_find(app_db, c->id, handle, &aid)) != 1)
		return (page_error(pg, rc == -1 ? 500 : 404));
	if (d == 0) {
		theme = form_text(&pg->form, "theme", CONSULT_THEME_MAX, 0, 0,
		    &pg->errors, "");
		if (theme == NULL)
			return (results_page(pg, c, 1));
		rc = consult_tag(app_db, &pg->actor, c->id, aid, theme);
		if (rc != 0)
			return (page_error(pg, rc == CONSULT_STATE ? 404 :
			    500));
		return (page_redirect(pg, arena_printf(&pg->arena,
		    BASE "%lld/results#a%s", (long long)c->id, handle),
		    "consult_saved"));
	}
	cat = 0;
	if (form_id(&pg->form, "category", &cat) == -1 ||
	    !views_category_valid(app_db, cat))
		form_error(&pg->errors, "category", "Choose what the issue is "
		    "about.");
	title = form_text(&pg->form, "issue_title", 120, 0, 1, &pg->errors,
	    "Give the issue a title, in your own words.");
	summary = form_text(&pg->form, "issue_summary", 2000, 1, 1,
	    &pg->errors, "Write a summary for councillors, in your own "
	    "words.");
	if (pg->errors.n > 0)
		return (results_page(pg, c, 1));
	rc = consult_to_issue(app_db, &pg->actor, c->id, aid, cat, title,
	    summary, pg->now, &iid);
	if (rc == CONSULT_FLAGGED) {
		form_error(&pg->errors, "answer", "Someone must take the open "
		    "safeguarding concern about this answer before it can "
		    "become an issue.");
		return (results_page(pg, c, 1));
	}
	if (rc != 0)
		return (page_error(pg, rc == CONSULT_STATE ? 404 : 500));
	return (page_redirect(pg, arena_printf(&pg->arena, "/issues/%lld",
	    (long long)iid), "consult_issue"));
}

int
page_consult_results(struct http_request *req)
{
	struct page	 pg;
	struct consult	 c;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, MANAGE))
		return (KORE_RESULT_OK);
	if (!path_consult(&pg, &c))
		return (page_error(&pg, 404));
	if (req->method == HTTP_METHOD_POST)
		return (results_post(&pg, &c));
	return (results_page(&pg, &c, 0));
}

int
page_consult_csv(struct http_request *req)
{
	struct page	 pg;
	struct consult	 c;
	struct buf	 csv;
	int		 rc;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, MANAGE))
		return (KORE_RESULT_OK);
	if (!path_consult(&pg, &c))
		return (page_error(&pg, 404));
	http_response_header(req, "content-disposition", arena_printf(
	    &pg.arena, "attachment; filename=\"consultation-%lld.csv\"",
	    (long long)c.id));
	buf_init(&csv, 8192);
	if (consult_results_csv(app_db, c.id, threshold(), &csv) == -1) {
		buf_free(&csv);
		return (page_error(&pg, 500));
	}
	rc = cache_send(&pg, "text/csv; charset=utf-8", &csv);
	buf_free(&csv);
	return (rc);
}
