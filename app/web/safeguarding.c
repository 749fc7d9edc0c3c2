/*
 * safeguarding.c: /admin/safeguarding, where admins keep the list of
 * phrases that put a view at the top of the queue, marked urgent.
 */
#include <string.h>

#include "app.h"
#include "safeguarding.h"

static const char *const topic_keys[] = {
	"self_harm", "suicide", "abuse", "exploitation", "missing", "violence",
	"unsafe", NULL,
};

static int
phrases_page(struct page *pg, int errors)
{
	pg->title = "Safeguarding phrases";
	pg->nav = "safeguarding";
	tv_set_str(pg->ctx, "phrase", form_raw(&pg->form, "phrase"));
	if (safeguarding_phrases(app_db, tv_set_list(pg->ctx, "phrases")) ==
	    -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "safeguarding") :
	    page_render(pg, 200, "safeguarding"));
}

int
page_safeguarding(struct http_request *req)
{
	struct page	 pg;
	const char	*phrase, *why;
	int64_t		 id;
	int		 topic;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_ADMIN))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST)
		return (phrases_page(&pg, 0));
	if (form_id(&pg.form, "remove", &id) == 0) {
		if (safeguarding_remove(app_db, &pg.actor, id) == -1)
			return (page_error(&pg, 404));
		return (page_redirect(&pg, "/admin/safeguarding",
		    "phrase_removed"));
	}
	phrase = form_text(&pg.form, "phrase", 100, 0, 1, &pg.errors,
	    "Type the phrase to look for.");
	topic = form_choice(&pg.form, "topic", topic_keys, &pg.errors,
	    "Choose a topic.");
	if (pg.errors.n > 0)
		return (phrases_page(&pg, 1));
	if (safeguarding_add(app_db, &pg.actor, phrase, topic_keys[topic],
	    &why) == -1) {
		if (why == NULL)
			return (page_error(&pg, 500));
		form_error(&pg.errors, "phrase", why);
		return (phrases_page(&pg, 1));
	}
	return (page_redirect(&pg, "/admin/safeguarding", "phrase_added"));
}
