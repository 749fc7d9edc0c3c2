/*
 * safeguarding.c: /admin/safeguarding, where admins keep the list of
 * phrases that put a view at the top of the queue, marked urgent, and
 * try a sentence against the matcher before adding anything.
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

/*
 * "Try a sentence": what the matcher would say about it, nothing stored.
 * The sentence stays in its box either way.
 */
static int
try_sentence(struct page *pg)
{
	struct tval	*tried, *list, *row;
	struct buf	 rules;
	const char	*text;
	char		*item, *next, *colon;
	int		 hits;

	text = form_text(&pg->form, "try", 2000, 1, 1, &pg->errors,
	    "Type a sentence to try.");
	tv_set_str(pg->ctx, "try", form_raw(&pg->form, "try"));
	if (text == NULL)
		return (phrases_page(pg, 1));
	buf_init(&rules, 256);
	if ((hits = safeguarding_match(app_db, text, &rules)) == -1) {
		buf_free(&rules);
		return (page_error(pg, 500));
	}
	tried = tv_set_map(pg->ctx, "tried");
	tv_set_bool(tried, "flagged", hits > 0);
	list = tv_set_list(tried, "rules");
	for (item = (char *)buf_cstr(&rules); hits > 0 && item != NULL;
	    item = next) {
		if ((next = strchr(item, ',')) != NULL)
			*next++ = '\0';
		row = tv_push_map(list);
		tv_set_str(row, "rule", item);
		if ((colon = strchr(item, ':')) != NULL) {
			*colon = '\0';
			tv_set_str(row, "topic",
			    safeguarding_topic_label(item));
			*colon = ':';
		}
	}
	buf_free(&rules);
	return (phrases_page(pg, 0));
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
	if (form_has(&pg.form, "try"))
		return (try_sentence(&pg));
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
