/*
 * reports.c: /reports/board (the corporate parenting board report, for
 * staff, printable), /reports/issues.csv (every issue, for staff) and
 * /open-data.json (published outcomes and the Pledge, public, no personal
 * data).
 */
#include <string.h>

#include "app.h"
#include "board.h"
#include "json.h"
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

/* The first day of the calendar quarter day (YYYY-MM-DD) falls in. */
static const char *
quarter_first(struct arena *a, const char *day)
{
	int	 y, m;

	if (sscanf(day, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
		return ("");
	return (arena_printf(a, "%04d-%02d-01", y, (m - 1) / 3 * 3 + 1));
}

/* The last day of the calendar quarter day falls in. */
static const char *
quarter_last(struct arena *a, const char *day)
{
	int	 y, m;

	if (sscanf(day, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
		return ("");
	m = (m - 1) / 3 * 3 + 3;
	return (arena_printf(a, "%04d-%02d-%02d", y, m, m == 6 || m == 9 ?
	    30 : 31));
}

/* Whether from and to (first and last day) are one whole ended quarter. */
static int
whole_quarter(struct page *pg, const char *from, const char *to)
{
	return (strcmp(from, quarter_first(&pg->arena, from)) == 0 &&
	    strcmp(to, quarter_last(&pg->arena, from)) == 0 &&
	    strcmp(to, time_iso_date(&pg->arena, pg->now)) < 0);
}

/*
 * Young people on the board and councillors read whole calendar quarters
 * that have ended, each beside the quarter before. Any other start or end
 * could be moved a day at a time, and two reports set side by side would
 * give away a count each hides (staff see the views themselves).
 */
static void
quarters_only(struct page *pg, const char **from, const char **to)
{
	const char	*today, *last;
	int64_t		 start;

	today = time_iso_date(&pg->arena, pg->now);
	if (*from == NULL || **from == '\0') {
		/* The quarter before the one today is in. */
		if (time_parse_date(quarter_first(&pg->arena, today),
		    &start) == -1)
			start = pg->now;
		last = time_iso_date(&pg->arena, start - 43200);
		*from = quarter_first(&pg->arena, last);
		*to = quarter_last(&pg->arena, last);
	}
	if (*to == NULL || **to == '\0')
		*to = quarter_last(&pg->arena, *from);
	if (!whole_quarter(pg, *from, *to))
		form_error(&pg->errors, "from", "Choose one whole quarter that "
		    "has ended, like 2026-07-01 to 2026-09-30. Other dates "
		    "could let someone work out a small number we hide.");
}

/*
 * The report's period from the query (from, to: first and last day),
 * the last twelve months unless asked otherwise (staff), or a whole
 * quarter that has ended (everyone else); from_iso and to_iso go back
 * into the form. Errors are recorded in pg->errors.
 */
void
report_period_form(struct page *pg, struct report_period *p)
{
	const char	*from, *to, *before;
	int		 quarters;

	memset(p, 0, sizeof(*p));
	p->now = pg->now;
	p->threshold = settings_int(app_db, "small_count", 5);
	from = form_raw(&pg->form, "from");
	to = form_raw(&pg->form, "to");
	quarters = pg->sess.role != ROLE_WORKER && pg->sess.role != ROLE_ADMIN;
	if (quarters)
		quarters_only(pg, &from, &to);
	/* Whole days, so a period's commentary is found again. */
	if (from == NULL || *from == '\0')
		from = time_iso_date(&pg->arena, pg->now - 365 * 86400);
	if (to == NULL || *to == '\0')
		to = time_iso_date(&pg->arena, pg->now);
	if (time_parse_date(from, &p->from) == -1)
		form_error(&pg->errors, "from", "Enter a date like 2026-04-01.");
	if (time_parse_date(to, &p->to) == -1)
		form_error(&pg->errors, "to", "Enter a date like 2027-03-31.");
	else
		p->to = time_day_after(p->to);
	if (pg->errors.n == 0 && p->to <= p->from)
		form_error(&pg->errors, "to", "The end must be after the start.");
	/* A quarter's "before" is the calendar quarter before it. */
	if (quarters && pg->errors.n == 0) {
		before = quarter_first(&pg->arena, time_iso_date(&pg->arena,
		    p->from - 43200));
		if (time_parse_date(before, &p->prev_from) == -1)
			p->prev_from = 0;
	}
	tv_set_bool(pg->ctx, "quarters_only", quarters);
	/* Staff may read any dates; what they print for the board says so. */
	tv_set_bool(pg->ctx, "staff_period", !quarters &&
	    !whole_quarter(pg, from, to));
	tv_set_str(pg->ctx, "from_iso", from);
	tv_set_str(pg->ctx, "to_iso", to);
	tv_set_str(pg->ctx, "period_query", arena_printf(&pg->arena,
	    "from=%s&to=%s", form_urlencode(&pg->arena, from),
	    form_urlencode(&pg->arena, to)));
}

/*
 * Built by the reader thread (board_build.c): the request sleeps, and
 * this runs again to draw what it read.
 */
int
page_report_board(struct http_request *req)
{
	static const char *const reads[] = { "from", "to", NULL };
	struct page		 pg;
	struct report_period	 p;
	struct board_job	*bj;
	int			 rc;

	if (board_result(req, &bj, &rc) == -1)
		return (rc);
	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_STAFF) ||
	    cache_serve_reading(&pg, R_STAFF, reads))
		return (KORE_RESULT_OK);
	pg.title = "Corporate parenting board report";
	pg.nav = "report";
	report_period_form(&pg, &p);
	if (pg.errors.n > 0)
		return (page_form_errors(&pg, "report_board"));
	/* Workers write the commentary (the board's own reading of it). */
	tv_set_bool(pg.ctx, "may_comment", pg.sess.role == ROLE_WORKER ||
	    pg.sess.role == ROLE_ADMIN);
	if (bj == NULL)
		return (board_build(&pg, &p, 1));
	return (board_show(&pg, bj, "report_board"));
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
	    pg.sess.role != ROLE_COUNCILLOR, &out) == -1) {
		buf_free(&out);
		return (page_error(&pg, 500));
	}
	return (send_file(&pg, &out, "text/csv; charset=utf-8",
	    "issues.csv"));
}

/* A plain-words error a program reading the feed can show as it is. */
static int
json_error(struct page *pg, int status, const char *why)
{
	struct buf	 out;

	buf_init(&out, 128);
	buf_putc(&out, '{');
	json_kv_str(&out, "error", why, 1);
	buf_puts(&out, "}\n");
	http_security_headers(pg->req, 0);
	http_response_header(pg->req, "content-type",
	    "application/json; charset=utf-8");
	http_response_header(pg->req, "cache-control", "no-store");
	http_response(pg->req, status, out.data, out.len);
	buf_free(&out);
	page_end(pg);
	return (KORE_RESULT_OK);
}

int
page_open_data(struct http_request *req)
{
	static const char *const reads[] = { "page", NULL };
	struct page	 pg;
	struct buf	 out;
	int64_t		 page;
	int		 rc;

	if (!page_begin(&pg, req, ALLOW_GET) ||
	    cache_serve_reading(&pg, R_ANON | R_ANY, reads))
		return (KORE_RESULT_OK);
	page = 1;
	if (form_raw(&pg.form, "page") != NULL &&
	    form_id(&pg.form, "page", &page) == -1)
		return (json_error(&pg, 400, "page must be a whole number, "
		    "1 or more."));
	/* "page=01" is page 1, but not kept as another copy of it. */
	cache_read_as(&pg, reads, &page);
	buf_init(&out, 32768);
	rc = report_open_data(app_db, settings_int(app_db, "small_count", 5),
	    pg.now, page, &out);
	if (rc != 0) {
		buf_free(&out);
		return (rc == 1 ? json_error(&pg, 404, "There is no such page: "
		    "the first page says how many there are.") :
		    page_error(&pg, 500));
	}
	return (send_file(&pg, &out, "application/json; charset=utf-8",
	    NULL));
}
