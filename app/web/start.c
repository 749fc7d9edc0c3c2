/*
 * start.c: /start, the first page a member of staff sees after signing
 * in: what waits for them, counted, each count a link to the page that
 * deals with it. Councillors, workers and admins each get their own.
 * A young person's start is the home page, so /start sends them there.
 */
#include "app.h"
#include "settings.h"
#include "start.h"

int
page_start(struct http_request *req)
{
	struct page	 pg;
	int		 rc;

	if (!page_begin(&pg, req, ALLOW_GET))
		return (KORE_RESULT_OK);
	if (pg.signed_in && pg.sess.role == ROLE_YOUNG)
		return (page_redirect(&pg, "/", NULL));
	if (!page_require(&pg, R_STAFF))
		return (KORE_RESULT_OK);
	pg.title = "Start";
	pg.nav = "start";
	switch (pg.sess.role) {
	case ROLE_COUNCILLOR:
		rc = start_councillor(app_db, pg.sess.user_id, pg.now, pg.ctx);
		tv_set_bool(pg.ctx, "is_councillor", 1);
		break;
	case ROLE_WORKER:
		rc = start_worker(app_db, pg.now, settings_int(app_db,
		    "pledge_stale_days", 90), pg.ctx);
		tv_set_bool(pg.ctx, "is_worker", 1);
		break;
	default:
		rc = start_admin(app_db, pg.now, pg.ctx);
		tv_set_bool(pg.ctx, "is_admin", 1);
		break;
	}
	if (rc == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "start"));
}
