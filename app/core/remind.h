/*
 * remind.h: reminders about answers coming due, and escalation when one
 * is overdue. Before the due date (remind_days), the councillor gets a
 * notification and reminder_emails an email; once it is overdue, the
 * councillor, every worker and every admin get a notification and
 * escalation_emails an email. Each is sent once per due date (the
 * deadline_reminders table), so running it often, from the server and
 * from cron at once, never repeats one. Emails hold no child's words:
 * only who, when and where to sign in.
 */
#ifndef PORTAL_REMIND_H
#define PORTAL_REMIND_H

#include <stdint.h>

#include "db.h"

#define REMIND_BATCH	100	/* issues one pass looks at, per kind */

struct remind_report {
	int	 before;	/* reminders sent */
	int	 overdue;	/* escalations sent */
};

int	remind_run(struct db *, int64_t, struct remind_report *);

#endif
