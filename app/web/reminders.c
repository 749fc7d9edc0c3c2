/*
 * reminders.c: the server's own reminder pass. Worker 1 (the one that
 * sends mail) looks once a minute after starting and then every hour for
 * answers coming due or overdue (remind.c); `portalctl remind` from cron
 * does the same, and neither ever sends one twice.
 *
 * Not for: what a reminder says or who gets it (remind.c).
 */
#include <time.h>

#include "app.h"
#include "remind.h"

#define REMIND_WORKER	1
#define REMIND_FIRST	60000		/* ms after the worker starts */
#define REMIND_INTERVAL	3600000		/* ms: hourly */

static void
reminders_tick(void *arg, u_int64_t now)
{
	struct remind_report	 r;

	(void)arg;
	(void)now;
	if (remind_run(app_db, (int64_t)time(NULL), &r) == -1) {
		kore_log(LOG_ERR, "reminders: %s", db_errmsg(app_db));
		return;
	}
	if (r.before + r.overdue > 0)
		kore_log(LOG_NOTICE, "reminders: %d due soon, %d overdue",
		    r.before, r.overdue);
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
