/*
 * welcome.c: /welcome, where a young person lands after joining: what to
 * do first, how to stay safe here, and where help is. Their settings
 * stay at /account, one link away.
 */
#include "app.h"

int
page_welcome(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	pg.title = "Welcome";
	help_context(&pg);
	return (page_render(&pg, 200, "welcome"));
}
