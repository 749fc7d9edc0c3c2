/*
 * notify.c: timeline events and notifications (see notify.h). An event
 * on an issue reaches every view that joined it, in two statements, not a
 * query per view.
 */
#include "notify.h"
#include "timefmt.h"

static const char *sql_event =
	"INSERT INTO view_events (view_id, at, kind, text) "
	"VALUES (?1, ?2, ?3, ?4)";
static const char *sql_note =
	"INSERT INTO notifications (user_id, view_id, at, text) "
	"SELECT author_id, id, ?2, ?3 FROM views "
	"WHERE id = ?1 AND author_id IS NOT NULL";
/* The same, already read: a receipt for what its author did. */
static const char *sql_note_own =
	"INSERT INTO notifications (user_id, view_id, at, text, read_at) "
	"SELECT author_id, id, ?2, ?3, ?2 FROM views "
	"WHERE id = ?1 AND author_id IS NOT NULL";
static const char *sql_issue_events =
	"INSERT INTO view_events (view_id, at, kind, text) "
	"SELECT id, ?2, ?3, ?4 FROM views "
	"WHERE issue_id = ?1 AND state IN ('approved', 'merged')";
static const char *sql_issue_notes =
	"INSERT INTO notifications (user_id, view_id, at, text) "
	"SELECT author_id, id, ?2, ?3 || ' \"' || title || '\"' FROM views "
	"WHERE issue_id = ?1 AND state IN ('approved', 'merged') "
	"AND author_id IS NOT NULL";
/* The same, for the views of an issue that chose (?5 = 0) or refused
 * (?5 = 1) publication. */
static const char *sql_issue_events_by =
	"INSERT INTO view_events (view_id, at, kind, text) "
	"SELECT id, ?2, ?3, ?4 FROM views "
	"WHERE issue_id = ?1 AND state IN ('approved', 'merged') "
	"AND (publish = 'no') = ?5";
static const char *sql_unread =
	"SELECT count(*) FROM notifications "
	"WHERE user_id = ?1 AND read_at IS NULL";
static const char *sql_list =
	"SELECT id, coalesce(view_id, 0), at, text, read_at IS NULL, "
	"coalesce(link, '') "
	"FROM notifications WHERE user_id = ?1 ORDER BY id DESC LIMIT 100";
static const char *sql_read =
	"UPDATE notifications SET read_at = ?2 "
	"WHERE user_id = ?1 AND read_at IS NULL";

/* The event, and the note by note_sql (sql_note or sql_note_own). */
static int
view_event(struct db *db, const char *note_sql, int64_t view_id,
    int64_t now, const char *kind, const char *text, const char *note)
{
	if (db_exec(db, sql_event, "iitt", view_id, now, kind, text) != 0)
		return (-1);
	return (db_exec(db, note_sql, "iit", view_id, now, note));
}

/* An event on one view, and a notification to its author (if any). */
int
notify_view(struct db *db, int64_t view_id, int64_t now, const char *kind,
    const char *text, const char *note)
{
	return (view_event(db, sql_note, view_id, now, kind, text, note));
}

/*
 * The same for what the author did themselves (sent a view, took it
 * back): on their list, but not a new message on the badge.
 */
int
notify_view_own(struct db *db, int64_t view_id, int64_t now,
    const char *kind, const char *text, const char *note)
{
	return (view_event(db, sql_note_own, view_id, now, kind, text, note));
}

/* The same for every view that joined an issue. */
int
notify_issue(struct db *db, int64_t issue_id, int64_t now, const char *kind,
    const char *text, const char *note)
{
	if (db_exec(db, sql_issue_events, "iitt", issue_id, now, kind,
	    text) != 0)
		return (-1);
	return (db_exec(db, sql_issue_notes, "iit", issue_id, now, note));
}

/*
 * An event on an issue whose words differ for the authors who asked to
 * keep their view private: nothing they wrote is public, so their
 * timeline must not say otherwise.
 */
int
notify_issue_private(struct db *db, int64_t issue_id, int64_t now,
    const char *kind, const char *shared, const char *private,
    const char *note)
{
	if (db_exec(db, sql_issue_events_by, "iitti", issue_id, now, kind,
	    shared, (int64_t)0) != 0 ||
	    db_exec(db, sql_issue_events_by, "iitti", issue_id, now, kind,
	    private, (int64_t)1) != 0)
		return (-1);
	return (db_exec(db, sql_issue_notes, "iit", issue_id, now, note));
}

static const char *sql_notify_workers =
	"INSERT INTO notifications (user_id, at, text, link) "
	"SELECT id, ?1, ?2, ?3 FROM users WHERE role = 'participation_worker' "
	"AND disabled_at IS NULL AND closed_at IS NULL";
static const char *sql_notify_one =
	"INSERT INTO notifications (user_id, at, text, link) "
	"VALUES (?1, ?2, ?3, ?4)";

/* One staff member told of something to do, with where to do it. */
int
notify_user(struct db *db, int64_t user_id, int64_t now, const char *text,
    const char *link)
{
	return (db_exec(db, sql_notify_one, "iitt", user_id, now, text,
	    link));
}

/* Every active participation worker told. */
int
notify_workers(struct db *db, int64_t now, const char *text,
    const char *link)
{
	return (db_exec(db, sql_notify_workers, "itt", now, text, link));
}

int64_t
notify_unread(struct db *db, int64_t user_id)
{
	int64_t	 n;

	return (db_int(db, &n, sql_unread, "i", user_id) == 1 ? n : 0);
}

int
notify_list(struct db *db, int64_t user_id, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_list, "i", user_id);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		if (sqlite3_column_int64(st, 1) > 0)
			tv_set_int(row, "view_id", sqlite3_column_int64(st, 1));
		tv_set_str(row, "at", time_human(tv_arena(row),
		    sqlite3_column_int64(st, 2)));
		tv_set_str(row, "text", db_col_text(st, 3));
		tv_set_bool(row, "unread", sqlite3_column_int(st, 4));
		/* Staff notifications point at a page (alert.c). */
		if (*db_col_text(st, 5) != '\0')
			tv_set_str(row, "link", db_col_text(st, 5));
	}
	db_done(st);
	return (rc);
}

int
notify_read_all(struct db *db, int64_t user_id, int64_t now)
{
	return (db_exec(db, sql_read, "ii", user_id, now));
}
