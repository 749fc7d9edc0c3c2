/*
 * audit.c: /admin/audit, the audit log for admins, newest first, with
 * filters by action, person and dates, fifty rows a page.
 */
#include <string.h>

#include "app.h"
#include "retention.h"
#include "timefmt.h"

#define AUDIT_PAGE	50

int
page_audit(struct http_request *req)
{
	struct page		 pg;
	struct audit_filter	 f;
	const char		*from, *to;
	int64_t			 next;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_ADMIN))
		return (KORE_RESULT_OK);
	pg.title = "Audit log";
	pg.nav = "audit";
	memset(&f, 0, sizeof(f));
	f.limit = AUDIT_PAGE;
	f.action = form_text(&pg.form, "action", 64, 0, 0, &pg.errors, "");
	f.actor = form_text(&pg.form, "actor", 40, 0, 0, &pg.errors, "");
	from = form_raw(&pg.form, "from");
	to = form_raw(&pg.form, "to");
	if (from != NULL && *from != '\0' && time_parse_date(from, &f.from))
		form_error(&pg.errors, "from", "Enter a date like 2026-11-01.");
	if (to != NULL && *to != '\0') {
		if (time_parse_date(to, &f.to) == -1)
			form_error(&pg.errors, "to", "Enter a date like "
			    "2026-11-30.");
		else
			f.to = time_day_after(f.to);	/* its end */
	}
	(void)form_id(&pg.form, "before", &f.before);
	tv_set_str(pg.ctx, "action", f.action ? f.action : "");
	tv_set_str(pg.ctx, "actor", f.actor ? f.actor : "");
	tv_set_str(pg.ctx, "from", from ? from : "");
	tv_set_str(pg.ctx, "to", to ? to : "");
	if (pg.errors.n > 0) {
		(void)audit_actions(app_db, tv_set_list(pg.ctx, "actions"),
		    f.action);
		return (page_form_errors(&pg, "audit"));
	}
	if (retention_last(app_db, pg.ctx) == -1 ||
	    audit_list(app_db, &f, tv_set_list(pg.ctx, "rows"), &next) == -1 ||
	    audit_actions(app_db, tv_set_list(pg.ctx, "actions"),
		    f.action) == -1)
		return (page_error(&pg, 500));
	if (next > 0)
		tv_set_str(pg.ctx, "older", arena_printf(&pg.arena,
		    "/admin/audit?action=%s&actor=%s&from=%s&to=%s&before=%lld",
		    form_urlencode(&pg.arena, f.action ? f.action : ""),
		    form_urlencode(&pg.arena, f.actor ? f.actor : ""),
		    form_urlencode(&pg.arena, from ? from : ""),
		    form_urlencode(&pg.arena, to ? to : ""), (long long)next));
	return (page_render(&pg, 200, "audit"));
}
