/*
 * start.c: the counts and short lists of the staff start page (see
 * start.h), and the counts shown beside menu items. Read only: it
 * changes nothing, so it writes no audit row.
 *
 * Not for the full lists: each count links to the page that owns it
 * (/moderation, /safeguarding, /my-issues, /issues, /meetings...).
 */
#include <stdint.h>

#include "issues.h"
#include "pledge.h"
#include "start.h"
#include "timefmt.h"

static const char *sql_queue =
	"SELECT count(*) FROM views WHERE state = 'received'";
static const char *sql_queue_urgent =
	"SELECT count(*) FROM views WHERE state = 'received' AND urgent = 1";
static const char *sql_concerns =
	"SELECT count(*), coalesce(sum(urgent), 0), "
	"coalesce(sum(held_by IS NULL), 0) FROM concerns "
	"WHERE closed_at IS NULL";
static const char *sql_to_check =
	"SELECT count(*) FROM answer_checks WHERE state = 'waiting'";
/* Overdue as the lists these counts link to say it: ISSUE_LATE. */
static const char *sql_cllr_waiting =
	"SELECT count(*), coalesce(sum(" ISSUE_LATE("", "?2") "), 0) "
	"FROM issues WHERE councillor_id = ?1 AND state = 'with_councillor' "
	/* An answer a worker is checking leaves nothing to do for now. */
	"AND NOT EXISTS (SELECT 1 FROM answer_checks ac WHERE "
	"ac.issue_id = issues.id AND ac.state = 'waiting')";
static const char *sql_cllr_returned =
	"SELECT count(*) FROM answer_checks WHERE councillor_id = ?1 "
	"AND state = 'returned'";
static const char *sql_overdue_all =
	"SELECT count(*) FROM issues WHERE " ISSUE_LATE("", "?1");
static const char *sql_to_send =
	"SELECT count(*) FROM issues WHERE state = 'open'";
static const char *sql_to_publish =
	"SELECT count(*) FROM issues WHERE state = 'answered'";
static const char *sql_meetings =
	"SELECT id, title, starts_at, place FROM meetings "
	"WHERE starts_at >= ?1 - 3600 AND starts_at < ?1 + ?2 "
	"ORDER BY starts_at, id LIMIT 5";
static const char *sql_outbox_failed =
	"SELECT count(*) FROM outbox WHERE state = 'failed'";
static const char *sql_accounts =
	"SELECT coalesce(sum(role = 'young_person'), 0), "
	"coalesce(sum(role = 'participation_worker'), 0), "
	"coalesce(sum(role = 'councillor'), 0), "
	"coalesce(sum(role = 'admin'), 0), "
	"coalesce(sum(disabled_at IS NOT NULL), 0) FROM users "
	"WHERE closed_at IS NULL";
static const char *sql_invites =
	"SELECT count(*) FROM invites WHERE used_at IS NULL "
	"AND expires_at > ?1 AND kind = 'invite'";

/* One count into ctx under key (and key_one when it is 1). 0 or -1. */
static int
put_count(struct db *db, struct tval *ctx, const char *key, const char *sql,
    const char *fmt, int64_t a, int64_t b)
{
	int64_t	 n;
	int	 rc;

	if (fmt[0] == '\0')
		rc = db_int(db, &n, sql, "");
	else if (fmt[1] == '\0')
		rc = db_int(db, &n, sql, fmt, a);
	else
		rc = db_int(db, &n, sql, fmt, a, b);
	if (rc != 1)
		return (-1);
	tv_set_int(ctx, key, n);
	tv_set_bool(ctx, arena_printf(tv_arena(ctx), "%s_any", key), n > 0);
	tv_set_bool(ctx, arena_printf(tv_arena(ctx), "%s_one", key), n == 1);
	return (0);
}

/* How many views wait in the moderation queue (-1 on error). */
int64_t
start_queue_count(struct db *db)
{
	int64_t	 n;

	return (db_int(db, &n, sql_queue, "") == 1 ? n : -1);
}

/* How many issues wait for this councillor's answer (-1 on error). */
int64_t
start_answers_waiting(struct db *db, int64_t councillor)
{
	sqlite3_stmt	*st;
	int64_t		 n;
	int		 rc;

	n = -1;
	st = db_query(db, sql_cllr_waiting, "ii", councillor, (int64_t)0);
	if ((rc = db_step(st)) == 1)
		n = sqlite3_column_int64(st, 0);
	db_done(st);
	return (rc == 1 ? n : -1);
}

/* A councillor: issues awaiting their answer (overdue first), and counts. */
int
start_councillor(struct db *db, int64_t councillor, int64_t now,
    struct tval *ctx)
{
	struct tval	*c;
	sqlite3_stmt	*st;
	int		 rc;

	c = tv_set_map(ctx, "counts");
	st = db_query(db, sql_cllr_waiting, "ii", councillor, now);
	if ((rc = db_step(st)) == 1) {
		tv_set_int(c, "waiting", sqlite3_column_int64(st, 0));
		tv_set_bool(c, "waiting_one", sqlite3_column_int64(st, 0) == 1);
		tv_set_bool(c, "waiting_any", sqlite3_column_int64(st, 0) > 0);
		tv_set_int(c, "overdue", sqlite3_column_int64(st, 1));
		tv_set_bool(c, "overdue_any", sqlite3_column_int64(st, 1) > 0);
	}
	db_done(st);
	if (rc != 1 ||
	    put_count(db, c, "returned", sql_cllr_returned, "i", councillor,
	    0) == -1)
		return (-1);
	return (issues_for_councillor(db, councillor, now, ctx));
}

static int
put_meetings(struct db *db, int64_t now, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_meetings, "ii", now,
	    (int64_t)START_MEETINGS_AHEAD);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
		tv_set_str(row, "when", time_human(tv_arena(row),
		    sqlite3_column_int64(st, 2)));
		tv_set_str(row, "place", db_col_text(st, 3));
	}
	db_done(st);
	return (rc);
}

static int
put_concerns(struct db *db, struct tval *c)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_concerns, "");
	if ((rc = db_step(st)) == 1) {
		tv_set_int(c, "concerns", sqlite3_column_int64(st, 0));
		tv_set_bool(c, "concerns_any", sqlite3_column_int64(st, 0) > 0);
		tv_set_bool(c, "concerns_one", sqlite3_column_int64(st, 0) == 1);
		tv_set_int(c, "concerns_urgent", sqlite3_column_int64(st, 1));
		tv_set_bool(c, "concerns_urgent_any",
		    sqlite3_column_int64(st, 1) > 0);
		tv_set_int(c, "concerns_untaken", sqlite3_column_int64(st, 2));
		tv_set_bool(c, "concerns_untaken_any",
		    sqlite3_column_int64(st, 2) > 0);
	}
	db_done(st);
	return (rc == 1 ? 0 : -1);
}

/*
 * A participation worker: open concerns, the queue, answers to check,
 * issues to send, publish or chase, meetings soon, Pledge promises with
 * no progress for stale_days.
 */
int
start_worker(struct db *db, int64_t now, int64_t stale_days,
    struct tval *ctx)
{
	struct tval	*c;
	int64_t		 stale;

	c = tv_set_map(ctx, "counts");
	if (put_concerns(db, c) == -1 ||
	    put_count(db, c, "queue", sql_queue, "", 0, 0) == -1 ||
	    put_count(db, c, "queue_urgent", sql_queue_urgent, "", 0, 0) ==
	    -1 ||
	    put_count(db, c, "to_check", sql_to_check, "", 0, 0) == -1 ||
	    put_count(db, c, "to_send", sql_to_send, "", 0, 0) == -1 ||
	    put_count(db, c, "to_publish", sql_to_publish, "", 0, 0) == -1 ||
	    put_count(db, c, "overdue", sql_overdue_all, "i", now, 0) == -1)
		return (-1);
	if ((stale = pledge_stale_count(db, now, stale_days)) == -1)
		return (-1);
	tv_set_int(c, "stale", stale);
	tv_set_bool(c, "stale_any", stale > 0);
	tv_set_bool(c, "stale_one", stale == 1);
	tv_set_int(c, "stale_days", stale_days);
	return (put_meetings(db, now, tv_set_list(ctx, "meetings")));
}

/* An admin: open concerns, mail that failed, accounts, invites. */
int
start_admin(struct db *db, int64_t now, struct tval *ctx)
{
	static const char *const roles[] = {	/* sql_accounts' columns */
		"young", "workers", "councillors", "admins", "disabled",
	};
	struct tval	*c;
	sqlite3_stmt	*st;
	int64_t		 n;
	size_t		 i;
	int		 rc;

	c = tv_set_map(ctx, "counts");
	if (put_concerns(db, c) == -1 ||
	    put_count(db, c, "failed", sql_outbox_failed, "", 0, 0) == -1 ||
	    put_count(db, c, "invites", sql_invites, "i", now, 0) == -1)
		return (-1);
	st = db_query(db, sql_accounts, "");
	if ((rc = db_step(st)) == 1)
		for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
			n = sqlite3_column_int64(st, (int)i);
			tv_set_int(c, roles[i], n);
			tv_set_bool(c, arena_printf(tv_arena(c), "%s_one",
			    roles[i]), n == 1);
			tv_set_bool(c, arena_printf(tv_arena(c), "%s_any",
			    roles[i]), n > 0);
		}
	db_done(st);
	return (rc == 1 ? 0 : -1);
}
