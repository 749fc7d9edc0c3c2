/*
 * we_asked.c: /we-asked, the public page of published consultation
 * outcomes: "We asked / You said / We did", each in a worker's words.
 * The same for everyone, so kept in the page cache like /you-said-we-did.
 */
#include "app.h"
#include "consult.h"

int
page_we_asked(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) ||
	    cache_serve(&pg, R_ANON | R_ANY))
		return (KORE_RESULT_OK);
	pg.title = "We asked, you said, we did";
	pg.nav = "we_asked";
	if (consult_published(app_db, tv_set_list(pg.ctx, "outcomes")) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "we_asked"));
}
