/*
 * mydata.c: /account/data, where a young person sees everything the portal
 * holds about them, downloads it (/account/data.json), deletes views that
 * have not been answered, takes their name off published outcomes and
 * asks for their account to be closed.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "concerns.h"
#include "mydata.h"

static int
data_page(struct page *pg, int errors)
{
	const char	*v;

	pg->title = "Your information";
	pg->nav = "account";
	/* Words typed in the box come back only with their error. */
	if (errors && (v = form_raw(&pg->form, "close_words")) != NULL)
		tv_set_str(pg->ctx, "close_words", v);
	if (mydata_collect(app_db, pg->sess.user_id, tv_set_map(pg->ctx,
	    "data")) == -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "mydata") :
	    page_render(pg, 200, "mydata"));
}

/*
 * Ask us to close my account. Words that worry the scan are never
 * refused: they open a concern, as a worrying name does, and the help
 * lines are shown beside the answer. Other words may not be too long.
 */
static int
ask_close(struct page *pg)
{
	const char	*words;
	int		 worry;

	if ((worry = concern_name(app_db, &pg->actor, pg->sess.user_id,
	    form_raw(&pg->form, "close_words"), "Typed when asking us to "
	    "close their account, on /account/data.", pg->now)) == -1)
		return (page_error(pg, 500));
	words = worry ? NULL : form_text(&pg->form, "close_words", 2000, 1, 0,
	    &pg->errors, NULL);
	if (!worry && words == NULL)
		return (data_page(pg, 1));
	if (mydata_ask_close(app_db, &pg->actor, words, worry, pg->now) == -1)
		return (page_error(pg, 500));
	if (!worry)
		return (page_redirect(pg, "/account/data#close",
		    "close_asked"));
	tv_set_bool(pg->ctx, "flagged", 1);
	tv_set_bool(pg->ctx, "flash_close_asked", 1);
	help_context(pg);
	return (data_page(pg, 0));
}

/* "Delete this view for good?", with its words, before it is done. */
static int
ask_delete(struct page *pg, const struct view *v)
{
	/* Its own map: the layout's "title" is the page's. */
	if (views_show(app_db, v, tv_set_map(pg->ctx, "view")) != 1)
		return (page_error(pg, 500));
	tv_set_int(pg->ctx, "id", v->id);
	pg->title = "Delete this view for good?";
	pg->nav = "account";
	return (page_render(pg, 200, "mydata_delete"));
}

int
page_mydata(struct http_request *req)
{
	struct page	 pg;
	struct view	 v;
	const char	*why;
	int64_t		 id;
	int		 n;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST)
		return (data_page(&pg, 0));
	if (form_has(&pg.form, "close"))
		return (ask_close(&pg));
	if (form_has(&pg.form, "hide_name")) {
		if (mydata_hide_name(app_db, &pg.actor, pg.sess.user_id, &n) ==
		    -1)
			return (page_error(&pg, 500));
		return (page_redirect(&pg, "/account/data", "name_hidden"));
	}
	/* Only your own view; anyone else's looks like no view at all. */
	if (form_id(&pg.form, "delete", &id) == -1 ||
	    views_get(app_db, id, &v) != 1 ||
	    !views_may_see(&v, pg.sess.user_id))
		return (page_error(&pg, 404));
	/* For good, so asked first: one tap on a phone is easily made. */
	if (!form_has(&pg.form, "sure"))
		return (ask_delete(&pg, &v));
	if (mydata_delete_view(app_db, &pg.actor, &v, &why) == -1) {
		if (why == NULL)
			return (page_error(&pg, 500));
		form_error(&pg.errors, "views", why);
		return (data_page(&pg, 1));
	}
	write_empty_log();
	return (page_redirect(&pg, "/account/data", "view_deleted"));
}

int
page_mydata_json(struct http_request *req)
{
	struct page	 pg;
	struct buf	 out;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (mydata_collect(app_db, pg.sess.user_id, pg.ctx) == -1)
		return (page_error(&pg, 500));
	buf_init(&out, 4096);
	tv_json(pg.ctx, &out);
	buf_putc(&out, '\n');
	http_security_headers(req, 0);
	http_response_header(req, "content-type",
	    "application/json; charset=utf-8");
	http_response_header(req, "content-disposition",
	    "attachment; filename=\"my-information.json\"");
	http_response_header(req, "cache-control", "no-store");
	http_response(req, 200, out.data, out.len);
	buf_free(&out);
	page_end(&pg);
	return (KORE_RESULT_OK);
}
