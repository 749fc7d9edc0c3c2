/*
 * reports.c: /reports/board (the corporate parenting board report, for
 * staff, printable), /reports/issues.csv (every issue, for staff) and
 * /open-data.json (published outcomes and the Pledge, public, no personal
 * data).
 */
#include <string.h>

#include "app.h"
#include "reports.h"
#include "settings.h"
#include "timefmt.h"

static int
send_file(struct page *pg, struct buf *b, const char *type,
    const char *name)
{
	int	 rc;

	if (name != NULL)
		http_response_header(pg->req, "content-disposition",
		    arena_printf(&pg->arena, "attachment; filename=\"%s\"",
		    name));
	/* Kept if cache_serve() chose to; no-store otherwise. */
	rc = cache_send(pg, type, b);
	buf_free(b);
	return (rc);
}

int
page_report_board(struct http_request *req)
{
	struct page		 pg;
	struct report_period	 p;
	const char		*from, *to;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_STAFF) ||
	    cache_serve(&pg, R_STAFF))
		return (KORE_RESULT_OK);
	pg.title = "Corporate parenting board report";
	pg.nav = "report";
	memset(&p, 0, sizeof(p));
	p.now = pg.now;
	p.threshold = settings_int(app_db, "small_count", 5);
	from = form_raw(&pg.form, "from");
	to = form_raw(&pg.form, "to");
	/* The last twelve months unless asked otherwise. */
	p.from = pg.now - 365 * 86400;
	p.to = pg.now + 1;
	if (from != NULL && *from != '\0' && time_parse_date(from, &p.from))
		form_error(&pg.errors, "from", "Enter a date like 2026-04-01.");
	if (to != NULL && *to != '\0') {
		if (time_parse_date(to, &p.to) == -1)
			form_error(&pg.errors, "to", "Enter a date like "
			    "2027-03-31.");
		else
			p.to += 86400;
	}
	if (pg.errors.n == 0 && p.to <= p.from)
		form_error(&pg.errors, "to", "The end must be after the start.");
	tv_set_str(pg.ctx, "from_iso", from && *from ? from :
	    time_iso_date(&pg.arena, p.from));
	tv_set_str(pg.ctx, "to_iso", to && *to ? to :
	    time_iso_date(&pg.arena, p.to - 1));
	if (pg.errors.n > 0)
		return (page_form_errors(&pg, "report_board"));
	if (report_board(app_db, &p, tv_set_map(pg.ctx, "report")) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "report_board"));
}

int
page_report_issues_csv(struct http_request *req)
{
	struct page	 pg;
	struct buf	 out;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_STAFF))
		return (KORE_RESULT_OK);
	buf_init(&out, 8192);
	if (report_issues_csv(app_db, settings_int(app_db, "small_count", 5),
	    &out) == -1) {
		buf_free(&out);
		return (page_error(&pg, 500));
	}
	return (send_file(&pg, &out, "text/csv; charset=utf-8",
	    "issues.csv"));
}

int
page_open_data(struct http_request *req)
{
	struct page	 pg;
	struct buf	 out;

	if (!page_begin(&pg, req, ALLOW_GET) ||
	    cache_serve(&pg, R_ANON | R_ANY))
		return (KORE_RESULT_OK);
	buf_init(&out, 8192);
	if (report_open_data(app_db, settings_int(app_db, "small_count", 5),
	    pg.now, &out) == -1) {
		buf_free(&out);
		return (page_error(&pg, 500));
	}
	return (send_file(&pg, &out, "application/json; charset=utf-8",
	    NULL));
}
