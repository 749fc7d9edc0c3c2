/*
 * reminders.c: nudges that need no request. Worker 1 (the one that sends
 * mail) looks once a minute after starting and then every hour for
 * answers coming due or overdue (remind.c) and for Pledge promises whose
 * progress is older than the pledge_stale_days setting
 * (pledge_remind_stale). `portalctl remind` and `portalctl pledge-remind`
 * do the same from cron; none is ever sent twice.
 *
 * Not for: what a reminder says or who gets it (remind.c, pledge.c).
 */
#include <time.h>

#include "app.h"
#include "pledge.h"
#include "remind.h"
#include "settings.h"

#define REMIND_WORKER	1
#define REMIND_FIRST	60000		/* ms after the worker starts */
#define REMIND_INTERVAL	3600000		/* ms: hourly */

static void
reminders_tick(void *arg, u_int64_t now)
{
	struct remind_report	 r;
	int			 n;

	(void)arg;
	(void)now;
	db_read_end(app_db);	/* not a page's kept snapshot */
	if (remind_run(app_db, (int64_t)time(NULL), &r) == -1)
		kore_log(LOG_ERR, "reminders: %s", db_errmsg(app_db));
	else if (r.before + r.overdue > 0)
		kore_log(LOG_NOTICE, "reminders: %d due soon, %d overdue",
		    r.before, r.overdue);
	n = pledge_remind_stale(app_db, (int64_t)time(NULL),
	    settings_int(app_db, "pledge_stale_days", 90));
	if (n == -1)
		kore_log(LOG_ERR, "pledge reminders: %s", db_errmsg(app_db));
	else if (n > 0)
		kore_log(LOG_INFO, "pledge reminders: %d owners told", n);
}

/* From kore_worker_configure, beside mailer_init. */
void
reminders_init(void)
{
	if (worker == NULL || worker->id != REMIND_WORKER)
		return;
	(void)kore_timer_add(reminders_tick, REMIND_FIRST, NULL, 1);
	(void)kore_timer_add(reminders_tick, REMIND_INTERVAL, NULL, 0);
}
