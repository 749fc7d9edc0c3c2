/*
 * holidays.c: /admin/holidays, where admins keep the days besides
 * weekends that are not working days (bank holidays, closure days).
 */
#include <string.h>

#include "app.h"
#include "holidays.h"

static int
holidays_page(struct page *pg, int errors)
{
	int	 n;

	pg->title = "Bank holidays";
	pg->nav = "settings";
	tv_set_str(pg->ctx, "day", form_raw(&pg->form, "day"));
	tv_set_str(pg->ctx, "name", form_raw(&pg->form, "name"));
	if ((n = holidays_list(app_db, pg->now, tv_set_list(pg->ctx,
	    "holidays"))) == -1)
		return (page_error(pg, 500));
	tv_set_bool(pg->ctx, "any", n > 0);
	return (errors ? page_form_errors(pg, "holidays") :
	    page_render(pg, 200, "holidays"));
}

int
page_holidays(struct http_request *req)
{
	struct page	 pg;
	const char	*day, *name, *why;
	int64_t		 id;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_ADMIN))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST)
		return (holidays_page(&pg, 0));
	if (form_id(&pg.form, "remove", &id) == 0) {
		if (holidays_remove(app_db, &pg.actor, id) == -1)
			return (page_error(&pg, 404));
		return (page_redirect(&pg, "/admin/holidays",
		    "holiday_removed"));
	}
	day = form_text(&pg.form, "day", 40, 0, 1, &pg.errors,
	    "Enter the date, like 2027-12-24.");
	name = form_text(&pg.form, "name", HOLIDAY_NAME_MAX, 0, 1, &pg.errors,
	    "Say what the day is, like \"Council closure day\".");
	if (pg.errors.n > 0)
		return (holidays_page(&pg, 1));
	if (holidays_add(app_db, &pg.actor, day, name, &why) == -1) {
		if (why == NULL)
			return (page_error(&pg, 500));
		form_error(&pg.errors, "day", why);
		return (holidays_page(&pg, 1));
	}
	return (page_redirect(&pg, "/admin/holidays", "holiday_added"));
}
