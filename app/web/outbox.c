/*
 * outbox.c: /admin/outbox, where admins see each email the portal has
 * queued and what became of it: waiting, sent, or failed for good, with
 * the attempts and the last error, and can send the failed ones again
 * once the settings are fixed. Subjects only: bodies never hold a
 * child's words, but there is no need to show them either.
 */
#include "app.h"
#include "outbox.h"
#include "settings.h"

#define OUTBOX_SHOWN	200

int
page_outbox(struct http_request *req)
{
	struct page	 pg;
	const char	*url, *to;
	int		 n;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_ADMIN))
		return (KORE_RESULT_OK);
	if (req->method == HTTP_METHOD_POST) {
		if (outbox_requeue_failed(app_db, &pg.actor, pg.now) == -1)
			return (page_error(&pg, 500));
		return (page_redirect(&pg, "/admin/outbox", "outbox_retry"));
	}
	pg.title = "Mail outbox";
	pg.nav = "settings";
	url = settings_text(app_db, &pg.arena, "smtp_url", "");
	to = settings_text(app_db, &pg.arena, "safeguarding_emails", "");
	tv_set_bool(pg.ctx, "mail_off", *url == '\0');
	tv_set_bool(pg.ctx, "nobody", *to == '\0');
	tv_set_str(pg.ctx, "addresses", to);
	if (outbox_counts(app_db, pg.ctx) == -1 ||
	    (n = outbox_list(app_db, tv_set_list(pg.ctx, "messages"),
	    OUTBOX_SHOWN)) == -1)
		return (page_error(&pg, 500));
	tv_set_bool(pg.ctx, "any", n > 0);
	return (page_render(&pg, 200, "outbox"));
}
