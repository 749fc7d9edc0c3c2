/*
 * home.c: the front page, "/". Says in plain words what the portal is for.
 */
#include "app.h"

int
page_home(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) ||
	    cache_serve(&pg, R_ANON | R_ANY))
		return (KORE_RESULT_OK);
	pg.title = "Have your say";
	return (page_render(&pg, 200, "home"));
}
