/*
 * consult.c: young people answering consultations (issue #15).
 *
 *   /consultations            the open ones for this person
 *   /consultations/ID         why we ask; start, named or anonymous
 *   /consultations/ID/answer  a few questions a page; next, back, save
 *                             and come back, send
 *
 * Someone outside a consultation's audience (or when it is not open)
 * gets the same 404 as for an id that does not exist. Worrying words in
 * any text answer are saved at once, whatever else is wrong with the
 * page, and open a concern (holding the words, and the person only if
 * they answer with their name); the help page follows.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "consult.h"
#include "quota.h"
#include "timefmt.h"
#include "users.h"

#define BASE	"/consultations/"

static const char *const whos[] = { "named", "anonymous", NULL };

static int	too_late(struct page *);
static int	worry_kept(struct page *, int);
static const char *sql_said_already =
	"SELECT count(*) FROM consult_answers WHERE response_id = ?1 AND "
	"question_id = ?2 AND text = ?3";
static const char *sql_free_text =
	"SELECT count(*) FROM consult_questions WHERE id = ?1 AND "
	"kind IN ('short', 'long')";

/* This person as the audience check sees them. */
static int
person(struct page *pg, struct consult_person *p)
{
	struct user	 u;

	memset(p, 0, sizeof(*p));
	if (user_by_id(app_db, pg->sess.user_id, &u) != 1)
		return (-1);
	p->id = u.id;
	p->age_band = arena_strdup(&pg->arena, u.age_band);
	p->lives_outside = u.lives_outside;
	return (0);
}

/* A young person who has not said their age band or area (consult.c). */
static int
unknown(struct page *pg)
{
	struct consult_person	 p;

	return (pg->signed_in && person(pg, &p) == 0 &&
	    !consult_person_known(&p));
}

/* The consultation in the path, if this person may answer it now. */
static int
mine(struct page *pg, struct consult *c, struct consult_person *p)
{
	int64_t	 id;

	id = strtoll(pg->req->path + strlen(BASE), NULL, 10);
	return (id > 0 && consult_get(app_db, id, c) == 1 &&
	    person(pg, p) == 0 && consult_for(c, p, pg->now));
}

int
page_consultations(struct http_request *req)
{
	struct page		 pg;
	struct consult_person	 p;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	pg.title = "Questions for you";
	pg.nav = "consult";
	if (person(&pg, &p) == -1 || consult_open_list(app_db, &p, pg.now,
	    tv_set_list(pg.ctx, "consultations")) == -1)
		return (page_error(&pg, 500));
	tv_set_bool(pg.ctx, "unknown", !consult_person_known(&p));
	return (page_render(&pg, 200, "consultations"));
}

int
page_consultation(struct http_request *req)
{
	struct page		 pg;
	struct consult		 c;
	struct consult_person	 p;
	struct consult_response	 r;
	int			 found, who, rc;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST && unknown(&pg))
		return (page_redirect(&pg, "/account", "consult_need_band"));
	if (!mine(&pg, &c, &p))
		return (page_error(&pg, 404));
	if ((found = consult_response_find(app_db, c.id, p.id, &r)) == -1)
		return (page_error(&pg, 500));
	if (found == 1 && !r.finished)
		return (page_redirect(&pg, arena_printf(&pg.arena,
		    BASE "%lld/answer", (long long)c.id), NULL));
	pg.title = c.title;
	pg.nav = "consult";
	tv_set_int(pg.ctx, "id", c.id);
	if (consult_detail(app_db, c.id, pg.ctx) != 1)
		return (page_error(&pg, 500));
	tv_set_str(pg.ctx, "closes", time_date(&pg.arena, c.closes_at - 1));
	tv_set_int(pg.ctx, "nquestions", consult_question_count(app_db,
	    c.id));
	if (found == 1) {
		tv_set_bool(pg.ctx, "done", 1);
		return (page_render(&pg, 200, "consultation"));
	}
	if (req->method != HTTP_METHOD_POST)
		return (page_render(&pg, 200, "consultation"));
	who = form_choice(&pg.form, "who", whos, &pg.errors,
	    "Choose whether to answer with your name or without it.");
	if (who < 0)
		return (page_form_errors(&pg, "consultation"));
	rc = consult_response_start(app_db, &pg.actor, c.id, &p, who == 1,
	    pg.now, &r);
	if (rc != 0 && rc != CONSULT_DONE)
		return (page_error(&pg, 500));
	return (page_redirect(&pg, arena_printf(&pg.arena, BASE "%lld/answer",
	    (long long)c.id), NULL));
}

/*
 * The questions of page n (0-based) of list, moved into out (a value
 * lives in one list: list is not walked again); how many pages.
 */
static int
page_of(const struct tval *list, int n, struct tval *out)
{
	const struct tval	*q, *mine[CONSULT_PER_PAGE];
	int			 i, k, j;

	for (i = 0, k = 0, q = tv_first(list); q != NULL; q = tv_next(q), i++)
		if (i / CONSULT_PER_PAGE == n && k < CONSULT_PER_PAGE)
			mine[k++] = q;
	for (j = 0; j < k; j++)
		tv_push(out, (struct tval *)mine[j]);
	return ((i + CONSULT_PER_PAGE - 1) / CONSULT_PER_PAGE);
}

static int64_t
id_of(const struct tval *v)
{
	return (strtoll(tv_get_str(v, "id"), NULL, 10));
}

/*
 * Mark each question of the page with what is chosen or typed: from the
 * form sent back (sent) or from the saved answers (saved).
 */
static void
fill(struct page *pg, struct tval *qs, const struct tval *saved, int sent)
{
	struct arena	*a = &pg->arena;
	struct tval	*q, *o, *pts, *pt;
	const char	*v, *key;
	int64_t		 qid;
	int		 s;

	for (q = (struct tval *)tv_first(qs); q != NULL;
	    q = (struct tval *)tv_next(q)) {
		qid = id_of(q);
		key = arena_printf(a, "q%lld", (long long)qid);
		tv_set_str(q, "field", key);
		/* Always set, so a question without a problem does not
		 * pick up the page's own "error" map from above it. */
		tv_set_str(q, "error", form_error_for(&pg->errors, key) !=
		    NULL ? form_error_for(&pg->errors, key) : "");
		for (o = (struct tval *)tv_first(tv_get(q, "options"));
		    o != NULL; o = (struct tval *)tv_next(o)) {
			v = arena_printf(a, "o%lld", (long long)id_of(o));
			tv_set_str(o, "field", v);
			tv_set_str(o, "qfield", key);
			if (sent ? (form_has(&pg->form, v) ||
			    ((v = form_raw(&pg->form, key)) != NULL &&
			    strcmp(v, tv_get_str(o, "id")) == 0)) :
			    tv_truthy_key(saved, v))
				tv_set_bool(o, "checked", 1);
		}
		if (tv_truthy_key(q, "is_scale")) {
			pts = tv_set_list(q, "points");
			for (s = 1; s <= 5; s++) {
				pt = tv_push_map(pts);
				tv_set_int(pt, "n", s);
				tv_set_str(pt, "qfield", key);
				if (s == 1)
					tv_set_str(pt, "word", tv_get_str(q,
					    "low_word"));
				if (s == 5)
					tv_set_str(pt, "word", tv_get_str(q,
					    "high_word"));
				v = sent ? form_raw(&pg->form, key) : NULL;
				if (sent ? (v != NULL && atoi(v) == s) :
				    tv_truthy_key(saved, arena_printf(a,
				    "%s_%d", key, s)))
					tv_set_bool(pt, "checked", 1);
			}
		}
		v = sent ? form_raw(&pg->form, key) : tv_get_str(saved, key);
		if (v != NULL && (tv_truthy_key(q, "is_short") ||
		    tv_truthy_key(q, "is_long")))
			tv_set_str(q, "value", v);
	}
}

/*
 * The answering page: page n of c's questions. r is NULL for a worker's
 * preview (links instead of a form). sent: show the form as sent back.
 */
static int
answer_form(struct page *pg, const struct consult *c,
    const struct consult_response *r, int n, int sent, int errors)
{
	struct tval	*all, *qs, *saved;
	int		 pages;

	pg->title = c->title;
	pg->nav = r != NULL ? "consult" : "consult_manage";
	all = tv_list(&pg->arena);
	if (consult_questions(app_db, c->id, all) == -1)
		return (page_error(pg, 500));
	qs = tv_set_list(pg->ctx, "page_questions");
	pages = page_of(all, n, qs);
	if (n < 0 || (n >= pages && pages > 0))
		return (page_error(pg, 404));
	saved = tv_map(&pg->arena);
	if (r != NULL && !sent && consult_answers_mine(app_db, r->id,
	    saved) == -1)
		return (page_error(pg, 500));
	fill(pg, qs, saved, sent);
	tv_set_int(pg->ctx, "cid", c->id);
	tv_set_str(pg->ctx, "title", c->title);
	tv_set_int(pg->ctx, "page", n);
	tv_set_int(pg->ctx, "page_number", n + 1);
	tv_set_int(pg->ctx, "pages", pages);
	if (n > 0)
		tv_set_int(pg->ctx, "prev", n - 1);
	if (n + 1 < pages)
		tv_set_int(pg->ctx, "next", n + 1);
	else
		tv_set_bool(pg->ctx, "last", 1);
	if (r == NULL)
		tv_set_bool(pg->ctx, "preview", 1);
	else
		tv_set_bool(pg->ctx, "anonymous", r->anonymous);
	if (form_has(&pg->form, "simple") || (pg->req->query_string != NULL &&
	    strstr(pg->req->query_string, "simple=1") != NULL))
		tv_set_bool(pg->ctx, "simple", 1);
	return (errors ? page_form_errors(pg, "consult_answer") :
	    page_render(pg, 200, "consult_answer"));
}

int
consult_answer_page(struct page *pg, const struct consult *c,
    const struct consult_response *r, int preview)
{
	int64_t	 n;

	/* Coming back without a page: where they stopped. */
	n = !preview && r != NULL ? r->page : 0;
	(void)form_id(&pg->form, "page", &n);
	if (!preview && r != NULL && n > r->page)
		n = r->page;
	if (n > CONSULT_QUESTIONS_MAX)
		n = 0;
	return (answer_form(pg, c, preview ? NULL : r, (int)n, 0, 0));
}

/* Whether any text typed on this page worries the scan. */
static int
worrying(struct page *pg, const struct tval *qs)
{
	const struct tval	*q;
	const char		*v;
	int			 w;

	for (q = tv_first(qs); q != NULL; q = tv_next(q)) {
		if (!tv_truthy_key(q, "is_short") && !tv_truthy_key(q,
		    "is_long"))
			continue;
		v = form_raw(&pg->form, arena_printf(&pg->arena, "q%lld",
		    (long long)id_of(q)));
		if ((w = page_worrying(pg, v)) != 0)
			return (w);
	}
	return (0);
}

/*
 * Read the answers on this page into in. check: required questions must
 * be answered and text must fit (errors on pg); otherwise (saving for
 * later, or worrying words) everything typed is kept as it is.
 */
static size_t
read_answers(struct page *pg, const struct tval *qs,
    struct consult_answer_in *in, int check)
{
	const struct tval	*q, *o;
	const char		*key, *v;
	size_t			 n, max;
	int64_t			 oid;
	int			 answered;

	n = 0;
	for (q = tv_first(qs); q != NULL && n < CONSULT_PER_PAGE;
	    q = tv_next(q)) {
		memset(&in[n], 0, sizeof(in[n]));
		in[n].question_id = id_of(q);
		in[n].kind = tv_get_str(q, "kind");
		key = arena_printf(&pg->arena, "q%lld",
		    (long long)in[n].question_id);
		v = form_raw(&pg->form, key);
		if (tv_truthy_key(q, "is_one")) {
			if (v != NULL && (oid = strtoll(v, NULL, 10)) > 0) {
				in[n].option_ids[0] = oid;
				in[n].noptions = 1;
			}
		} else if (tv_truthy_key(q, "is_several")) {
			for (o = tv_first(tv_get(q, "options")); o != NULL &&
			    in[n].noptions < CONSULT_OPTS_MAX; o = tv_next(o))
				if (form_has(&pg->form, arena_printf(
				    &pg->arena, "o%lld",
				    (long long)id_of(o))))
					in[n].option_ids[in[n].noptions++] =
					    id_of(o);
		} else if (tv_truthy_key(q, "is_scale")) {
			if (v != NULL && atoi(v) >= 1 && atoi(v) <= 5)
				in[n].scale = atoi(v);
		} else {
			max = tv_truthy_key(q, "is_short") ?
			    CONSULT_SHORT_MAX : CONSULT_LONG_MAX;
			if (check)
				v = form_text(&pg->form, key, max, 1, 0,
				    &pg->errors, "");
			else if (v != NULL)
				v = form_keep(&pg->arena, v);
			in[n].text = v;
		}
		answered = in[n].noptions > 0 || in[n].scale > 0 ||
		    (in[n].text != NULL && *in[n].text != '\0');
		if (check && !answered && !tv_truthy_key(q, "optional") &&
		    form_error_for(&pg->errors, key) == NULL)
			form_error(&pg->errors, key, tv_truthy_key(q,
			    "is_short") || tv_truthy_key(q, "is_long") ?
			    "Please write an answer to this question." :
			    "Please choose an answer to this question.");
		n++;
	}
	return (n);
}

/*
 * The help page after worrying answers, leading on: back to page `page`
 * of the questions (said: why, or NULL), or, page -1, to the
 * consultation, the answers sent. Ends the page.
 */
static int
help_after(struct page *pg, const struct consult *c,
    const struct consult_response *r, int page, const char *said)
{
	struct tval	*next;

	next = tv_set_map(pg->ctx, "help_next");
	if (page < 0) {
		said = "Your answers were sent.";
		tv_set_str(next, "href", arena_printf(&pg->arena, BASE "%lld",
		    (long long)c->id));
		tv_set_str(next, "label", "Back to the consultation");
	} else {
		tv_set_str(next, "href", arena_printf(&pg->arena,
		    BASE "%lld/answer?page=%d", (long long)c->id, page));
		tv_set_str(next, "label", "Go back to the questions");
	}
	if (said != NULL)
		tv_set_str(next, "said", said);
	/* They chose no name: nobody can come to them, so say how to ask. */
	if (r->anonymous)
		tv_set_bool(next, "anonymous", 1);
	return (help_page(pg));
}

/*
 * Worrying words are saved now, as typed, and help is shown, even from a
 * page ahead of the saved one (which does not move it on). On the saved
 * page, with every answer it asks for, the button pressed counts too:
 * Next moves on, Send on the last page sends (the answers count in the
 * results); help leads back to where that left them.
 */
static int
worry_post(struct page *pg, const struct consult *c,
    struct consult_response *r, const struct tval *qs, int n, int pages,
    int act)
{
	struct consult_answer_in	 in[CONSULT_PER_PAGE];
	size_t				 nin;
	int				 to, finish, flagged, rc;

	nin = read_answers(pg, qs, in, n <= r->page && (act == 0 ||
	    act == 3));
	to = n > r->page ? r->page : n;
	finish = 0;
	if (n <= r->page && pg->errors.n == 0) {
		if (act == 0 && n + 1 < pages)
			to = n + 1;
		finish = act == 3 && n + 1 >= pages;
	}
	/* Missing answers are not asked for here: help comes first. */
	form_errors_init(&pg->errors, &pg->arena);
	rc = consult_answers_save(app_db, &pg->actor, c->id, r, in, nin, to,
	    finish, pg->now, &flagged);
	if (rc != 0 && rc != CONSULT_DONE)
		return (page_error(pg, 500));
	if (finish || rc == CONSULT_DONE)
		return (help_after(pg, c, r, -1, NULL));
	return (help_after(pg, c, r, to, act == 3 ? "We kept your answers. "
	    "Some questions still need an answer before you can send them." :
	    NULL));
}

static int
answer_post(struct page *pg, const struct consult *c,
    struct consult_response *r)
{
	static const char *const acts[] = { "next", "back", "save", "send",
	    NULL };
	struct consult_answer_in	 in[CONSULT_PER_PAGE];
	struct tval			*all, *qs;
	const char			*v;
	int64_t				 n64;
	size_t				 nin;
	int				 n, pages, act, worry, next, flagged, rc;

	n64 = 0;
	(void)form_id(&pg->form, "page", &n64);
	all = tv_list(&pg->arena);
	qs = tv_list(&pg->arena);
	if (consult_questions(app_db, c->id, all) == -1)
		return (page_error(pg, 500));
	/* No such page: worrying words still reach a worker first. */
	pages = n64 >= 0 && n64 <= CONSULT_QUESTIONS_MAX ?
	    page_of(all, (int)n64, qs) : 0;
	if (n64 < 0 || n64 >= pages)
		return (too_late(pg));
	n = (int)n64;
	if ((worry = worrying(pg, qs)) == -1)
		return (page_error(pg, 500));
	/*
	 * Worrying words are saved now, as typed, and help is shown, even
	 * from a page ahead of the saved one (which does not move it on).
	 */
	/* Anything else pressed keeps what was typed, for later. */
	v = form_raw(&pg->form, "act");
	for (act = 0; v != NULL && acts[act] != NULL; act++)
		if (strcmp(v, acts[act]) == 0)
			break;
	if (v == NULL || acts[act] == NULL)
		act = 2;
	if (worry)
		return (worry_post(pg, c, r, qs, n, pages, act));
	/* A page ahead of the saved one: the words come back to copy. */
	if (n > r->page)
		return (too_late(pg));
	nin = read_answers(pg, qs, in, act == 0 || act == 3);
	if (pg->errors.n > 0)
		return (answer_form(pg, c, r, n, 1, 1));
	next = act == 0 ? n + 1 : act == 1 && n > 0 ? n - 1 : n;
	rc = consult_answers_save(app_db, &pg->actor, c->id, r, in, nin,
	    act == 0 ? next : n, act == 3 && n + 1 >= pages, pg->now,
	    &flagged);
	if (rc == CONSULT_DONE)
		return (page_redirect(pg, arena_printf(&pg->arena, BASE "%lld",
		    (long long)c->id), NULL));
	if (rc != 0)
		return (page_error(pg, 500));
	if (act == 2)
		return (page_redirect(pg, "/consultations", "consult_kept"));
	if (act == 3 && n + 1 >= pages)
		return (page_redirect(pg, arena_printf(&pg->arena, BASE "%lld",
		    (long long)c->id), "consult_sent"));
	return (page_redirect(pg, arena_printf(&pg->arena,
	    BASE "%lld/answer?page=%d%s", (long long)c->id, next,
	    form_has(&pg->form, "simple") ? "&simple=1" : ""), NULL));
}

/*
 * Answers sent when they can no longer be taken (the consultation closed,
 * or they were already sent): worrying words still reach a worker, and
 * any other words are shown back to copy. Ends the page.
 */
/*
 * A field a young person typed into: an answer ("q<id>") that is not a
 * choice's or a scale point's number. One word counts as much as many.
 */
static int
typed(const struct form_field *f)
{
	const char	*p;
	int64_t		 free_text;

	if (f->value == NULL || f->name[0] != 'q' || *f->value == '\0')
		return (0);
	for (p = f->value; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return (1);
	/* Only digits: words if the question asks for words ("7"). */
	return (db_int(app_db, &free_text, sql_free_text, "i",
	    strtoll(f->name + 1, NULL, 10)) == 1 && free_text > 0);
}

/* Whether a refused form's field f holds a consultation answer typed. */
int
consult_typed_field(const struct form_field *f)
{
	return (typed(f));
}

/*
 * Answers that cannot be taken (closed or sent meanwhile, or a page
 * ahead of the saved one): worrying words still reach a worker, and the
 * rest come back on the refusal to copy.
 */
static int
too_late(struct page *pg)
{
	const struct form_field	*f;
	struct tval		*list;
	size_t			 i;

	/* A good token: the words are this signed-in person's own. */
	if (worry_kept(pg, pg->signed_in))
		return (KORE_RESULT_OK);
	list = NULL;
	for (i = 0; i < pg->form.n; i++) {
		f = &pg->form.fields[i];
		if (!typed(f))
			continue;
		if (list == NULL) {
			tv_set_bool(pg->ctx, "has_kept", 1);
			tv_set_str(pg->ctx, "again", "/consultations");
			tv_set_str(pg->ctx, "kept_note", unknown(pg) ?
			    "Before you can answer, tell us your age group and "
			    "where you live on Your account. Nothing was sent: "
			    "copy your words first." : "These answers could "
			    "not be taken: the questions may have closed, or "
			    "your answers were already sent. Nothing was "
			    "saved. Copy your words if you want to keep them.");
			list = tv_set_list(pg->ctx, "kept");
		}
		tv_set_str(tv_push_map(list), "text", f->value);
	}
	return (page_error(pg, 409));
}

/*
 * Sent again once sent (a second press, or Back then Send): every answer
 * typed is already one of theirs, word for word. 1 so, 0 not, -1 error.
 */
static int
sent_again(struct page *pg, const struct consult_response *r)
{
	const struct form_field	*f;
	int64_t			 n;
	size_t			 i;
	int			 typed_any = 0;

	for (i = 0; i < pg->form.n; i++) {
		f = &pg->form.fields[i];
		if (!typed(f))
			continue;
		if (db_int(app_db, &n, sql_said_already, "iit", r->id,
		    (int64_t)strtoll(f->name + 1, NULL, 10), f->value) != 1)
			return (-1);
		if (n == 0)
			return (0);
		typed_any = 1;
	}
	return (typed_any);
}

/*
 * Their answers were sent already and these are the same: nothing to
 * keep again (worrying words opened their concern the first time), so
 * say they were sent; help again if the words worry.
 */
static int
already_sent(struct page *pg, const struct consult *c,
    const struct consult_response *r)
{
	const struct form_field	*f;
	size_t			 i;
	int			 w;

	for (i = 0, w = 0; i < pg->form.n && w == 0; i++) {
		f = &pg->form.fields[i];
		if (typed(f) && (w = page_worrying(pg, f->value)) == -1)
			return (page_error(pg, 500));
	}
	if (w == 0)
		return (page_redirect(pg, arena_printf(&pg->arena, BASE "%lld",
		    (long long)c->id), "consult_sent"));
	return (help_after(pg, c, r, -1, NULL));
}

int
page_consultation_answer(struct http_request *req)
{
	struct page		 pg;
	struct consult		 c;
	struct consult_person	 p;
	struct consult_response	 r;
	int			 found, again;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	found = mine(&pg, &c, &p) ? consult_response_find(app_db, c.id, p.id,
	    &r) : 0;
	if (found == -1)
		return (page_error(&pg, 500));
	/* Closed (or sent) while they were typing: the words are kept. */
	if ((found == 0 || r.finished) && req->method == HTTP_METHOD_POST) {
		if (found == 1 && (again = sent_again(&pg, &r)) != 0)
			return (again == -1 ? page_error(&pg, 500) :
			    already_sent(&pg, &c, &r));
		return (too_late(&pg));
	}
	if (found == 0 && unknown(&pg))
		return (page_redirect(&pg, "/account", "consult_need_band"));
	if (found == 0 && !mine(&pg, &c, &p))
		return (page_error(&pg, 404));
	if (found == 0 || r.finished)
		return (page_redirect(&pg, arena_printf(&pg.arena, BASE "%lld",
		    (long long)c.id), NULL));
	if (req->method == HTTP_METHOD_POST)
		return (answer_post(&pg, &c, &r));
	return (consult_answer_page(&pg, &c, &r, 0));
}

/*
 * Whom late words of a signed-in person's own form name: them, unless
 * they chose to answer this consultation without their name (NULL). 0,
 * or -1 on error.
 */
static int
late_named(struct page *pg, int64_t cid, int signed_in,
    const struct actor **named)
{
	struct consult_response	 r;
	int			 found;

	*named = NULL;
	if (!signed_in)
		return (0);
	if ((found = consult_response_find(app_db, cid, pg->sess.user_id,
	    &r)) == -1)
		return (-1);
	if (found == 0 || !r.anonymous)
		*named = &pg->actor;
	return (0);
}

/*
 * Worrying words typed on an answer page that cannot be taken reach a
 * worker now (linked to nobody) and the help page is shown. signed_in:
 * sent by the person signed in, with their own form's token, so their
 * words are a concern of their own; else whoever sent them is not known
 * for sure. 1 answered so, 0 if the words do not worry.
 */
static int
worry_kept(struct page *pg, int signed_in)
{
	const struct form_field	*f;
	const struct actor	*named;
	const char		*words;
	struct consult		 c;
	struct buf		 all;
	int64_t			 cid;
	size_t			 i;
	int			 rc;

	cid = strtoll(pg->req->path + strlen(BASE), NULL, 10);
	buf_init(&all, 256);
	for (i = 0; i < pg->form.n; i++) {
		f = &pg->form.fields[i];
		if (typed(f))
			buf_appendf(&all, "%s\n", f->value);
	}
	rc = 0;
	if (all.len > 0 && page_worrying(pg, buf_cstr(&all)) == 1 &&
	    (rc = consult_get(app_db, cid, &c)) == 0) {
		/* No such consultation (taken down, or an address made
		 * up): kept as a view from whoever sent them. */
		words = arena_strdup(&pg->arena, buf_cstr(&all));
		buf_free(&all);
		return (views_stale_words(pg, words));
	}
	if (rc == 1 && (rc = late_named(pg, cid, signed_in, &named)) == 0)
		rc = consult_worry_kept(app_db, cid, buf_cstr(&all), pg->ip,
		    signed_in, named, pg->now);
	buf_free(&all);
	if (rc != 1)
		return (0);
	(void)help_page(pg);
	return (1);
}

/*
 * An answer page sent with a token that went stale (guard.c): worrying
 * words reach a worker (worry_kept) and 1 is returned; 0 for guard.c's
 * usual refusal (which shows the words again to copy).
 */
int
consult_stale(struct page *pg)
{
	return (worry_kept(pg, 0));
}
