/*
 * reminders.c: nudges that need no request. Every hour, worker 1 reminds
 * the owners of Pledge promises whose progress is older than the
 * pledge_stale_days setting (pledge_remind_stale: once per stale update,
 * in the portal's notifications). `portalctl pledge-remind` does the
 * same once, from cron or by hand.
 */
#include <time.h>

#include "app.h"
#include "pledge.h"
#include "settings.h"

#define REMINDERS_WORKER	1
#define REMINDERS_INTERVAL	(60 * 60 * 1000)

static void
reminders_tick(void *arg, u_int64_t now)
{
	int	 n;

	(void)arg;
	(void)now;
	n = pledge_remind_stale(app_db, (int64_t)time(NULL),
	    settings_int(app_db, "pledge_stale_days", 90));
	if (n == -1)
		kore_log(LOG_ERR, "pledge reminders: %s", db_errmsg(app_db));
	else if (n > 0)
		kore_log(LOG_INFO, "pledge reminders: %d owners told", n);
}

/* From kore_worker_configure: worker 1 starts the hourly timer. */
void
reminders_init(void)
{
	if (worker == NULL || worker->id != REMINDERS_WORKER)
		return;
	(void)kore_timer_add(reminders_tick, REMINDERS_INTERVAL, NULL, 0);
}
