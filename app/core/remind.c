/*
 * remind.c: see remind.h. Each reminder is its own small transaction:
 * the deadline_reminders row (INSERT OR IGNORE, so a second runner
 * inserts nothing and sends nothing), the notifications and the email.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "notify.h"
#include "outbox.h"
#include "remind.h"
#include "settings.h"
#include "timefmt.h"

/*
 * An answer waiting for a worker's check is not the councillor's to do.
 * A request for more time is no answer: until a worker grants it the
 * old date stands, and the councillor is reminded of it.
 */
#define CHECK_WAITING	"NOT EXISTS (SELECT 1 FROM answer_checks a "	\
	"WHERE a.issue_id = i.id AND a.state = 'waiting' "		\
	"AND a.decision <> 'more_time')"
static const char *sql_due_soon =
	"SELECT i.id, i.due_at, i.councillor_id, "
	"coalesce(u.display_name, '') FROM issues i "
	"LEFT JOIN users u ON u.id = i.councillor_id "
	"WHERE i.state = 'with_councillor' AND i.due_at > ?1 "
	"AND i.due_at <= ?1 + ?2 AND " CHECK_WAITING " "
	"AND NOT EXISTS (SELECT 1 FROM deadline_reminders r "
	"WHERE r.issue_id = i.id AND r.kind = 'before' AND r.due_at = i.due_at) "
	"ORDER BY i.due_at LIMIT 100";
/* Nor is one overdue: its answer has been given, the check is late. */
static const char *sql_overdue =
	"SELECT i.id, i.due_at, i.councillor_id, "
	"coalesce(u.display_name, '') FROM issues i "
	"LEFT JOIN users u ON u.id = i.councillor_id "
	"WHERE i.state = 'with_councillor' AND i.due_at <= ?1 "
	"AND " CHECK_WAITING " "
	"AND NOT EXISTS (SELECT 1 FROM deadline_reminders r "
	"WHERE r.issue_id = i.id AND r.kind = 'overdue' "
	"AND r.due_at = i.due_at) ORDER BY i.due_at LIMIT 100";
static const char *sql_mark =
	"INSERT OR IGNORE INTO deadline_reminders (issue_id, kind, due_at, "
	"sent_at) VALUES (?1, ?2, ?3, ?4)";
static const char *sql_notify_staff =
	"INSERT INTO notifications (user_id, at, text, link) "
	"SELECT id, ?1, ?2, ?3 FROM users "
	"WHERE role IN ('participation_worker', 'admin') "
	"AND disabled_at IS NULL AND closed_at IS NULL";

struct due {
	int64_t		 issue;
	int64_t		 due_at;
	int64_t		 councillor;
	char		 name[128];
};

/* One reminder (overdue 0) or escalation (1). 1 sent, 0 not, -1. */
static int
send_one(struct db *db, const struct due *d, int overdue, int64_t now)
{
	struct arena	 a;
	const char	*site, *link, *text, *body;
	size_t		 n;
	int		 ok;

	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_mark, "itii", d->issue, overdue ? "overdue" :
	    "before", d->due_at, now) != 0) {
		db_rollback(db);
		return (-1);
	}
	if (db_changes(db) == 0) {	/* another runner sent it */
		db_rollback(db);
		return (0);
	}
	arena_init(&a);
	site = settings_text(db, &a, "site_url", "");
	n = strlen(site);
	while (n > 0 && site[n - 1] == '/')
		n--;
	link = arena_printf(&a, "/my-issues/%lld", (long long)d->issue);
	if (overdue) {
		text = arena_printf(&a, "An answer is overdue: it was due on %s",
		    time_date(&a, d->due_at));
		body = arena_printf(&a, "An answer from %s on the Care Council "
		    "portal was due on %s and has not been given.\n\nSign in "
		    "to see it: %.*s/issues/%lld\n\nThis email never holds what "
		    "young people wrote.\n", d->name, time_date(&a, d->due_at),
		    (int)n, site, (long long)d->issue);
		ok = notify_user(db, d->councillor, now,
		    text, link) == 0 &&
		    db_exec(db, sql_notify_staff, "itt", now,
		    arena_printf(&a, "%s's answer is overdue: it was due on %s",
		    d->name, time_date(&a, d->due_at)), arena_printf(&a,
		    "/issues/%lld", (long long)d->issue)) == 0 &&
		    outbox_queue_list(db, settings_text(db, &a, "escalation_emails",
		    ""), "An answer is overdue", body, now) == 0;
	} else {
		text = arena_printf(&a, "Reminder: an answer is due on %s",
		    time_date(&a, d->due_at));
		body = arena_printf(&a, "%s has an answer due on %s on the "
		    "Care Council portal.\n\nSign in to answer: %.*s%s\n\nThis "
		    "email never holds what young people wrote.\n", d->name,
		    time_date(&a, d->due_at), (int)n, site, link);
		ok = notify_user(db, d->councillor, now,
		    text, link) == 0 &&
		    outbox_queue_list(db, settings_text(db, &a, "reminder_emails", ""),
		    "An answer is due soon", body, now) == 0;
	}
	arena_free(&a);
	if (db_end(db, ok) == -1)
		return (-1);
	return (1);
}

/* Read up to REMIND_BATCH rows first: no statement open while writing. */
static int
pass(struct db *db, int overdue, int64_t now, int *sent)
{
	struct due	 d[REMIND_BATCH];
	sqlite3_stmt	*st;
	int64_t		 ahead;
	int		 rc, i, n;

	ahead = settings_int(db, "remind_days", 3) * 86400;
	st = overdue ? db_query(db, sql_overdue, "i", now) :
	    db_query(db, sql_due_soon, "ii", now, ahead);
	for (n = 0; n < REMIND_BATCH && (rc = db_step(st)) == 1; n++) {
		d[n].issue = sqlite3_column_int64(st, 0);
		d[n].due_at = sqlite3_column_int64(st, 1);
		d[n].councillor = sqlite3_column_int64(st, 2);
		(void)snprintf(d[n].name, sizeof(d[n].name), "%s",
		    db_col_text(st, 3));
	}
	db_done(st);
	if (n < REMIND_BATCH && rc == -1)
		return (-1);
	for (i = 0; i < n; i++) {
		if ((rc = send_one(db, &d[i], overdue, now)) == -1)
			return (-1);
		*sent += rc;
	}
	return (0);
}

/* One pass of both kinds at time now. 0 or -1. */
int
remind_run(struct db *db, int64_t now, struct remind_report *r)
{
	memset(r, 0, sizeof(*r));
	if (pass(db, 0, now, &r->before) == -1)
		return (-1);
	return (pass(db, 1, now, &r->overdue));
}
