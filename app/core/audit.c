/*
 * audit.c: write audit rows, and read them back for admins with filters.
 * Rows hold no secrets and no text young people wrote, and no address
 * for what was done without an account. Addresses go after
 * audit_ip_days, and a purged account's name and addresses with it (see
 * retention.c); nothing else in a row ever changes.
 */
#include <string.h>
#include <time.h>

#include "audit.h"
#include "timefmt.h"

static const char *sql_list =
	"SELECT id, at, actor_name, actor_role, action, object_type, "
	"coalesce(object_id, 0), detail, ip FROM audit_log "
	"WHERE (?1 = '' OR action = ?1) "
	"AND (?2 = '' OR actor_name LIKE '%' || ?2 || '%') "
	"AND (?3 = 0 OR at >= ?3) AND (?4 = 0 OR at < ?4) "
	"AND (?5 = 0 OR id < ?5) ORDER BY id DESC LIMIT ?6";
static const char *sql_actions =
	"SELECT DISTINCT action FROM audit_log ORDER BY action";

static const char *sql_insert =
	"INSERT INTO audit_log (at, actor_id, actor_name, actor_role, action, "
	"object_type, object_id, detail, ip) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static const char *sql_recent =
	"SELECT count(*) FROM audit_log WHERE actor_id = ?1 AND action = ?2 "
	"AND at >= ?3";

/*
 * audit_write(), unless who wrote the same action in the last hour: for
 * what a young person may switch back and forth ("me too", "Did it
 * happen?"), where a row each time lets one account fill the log. 0 on
 * success.
 */
int
audit_write_hourly(struct db *db, const struct actor *who,
    const char *action, const char *object_type, int64_t object_id,
    const char *detail)
{
	int64_t	 n;

	if (who == NULL || who->id <= 0)
		return (audit_write(db, who, action, object_type, object_id,
		    detail));
	if (db_int(db, &n, sql_recent, "iti", who->id, action,
	    (int64_t)time(NULL) - 3600) != 1)
		return (-1);
	return (n > 0 ? 0 : audit_write(db, who, action, object_type,
	    object_id, detail));
}

/* 0 on success. object_id 0 records no object. */
int
audit_write(struct db *db, const struct actor *who, const char *action,
    const char *object_type, int64_t object_id, const char *detail)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_prep(db, sql_insert);
	if (st == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, (int64_t)time(NULL));
	if (who != NULL && who->id > 0)
		sqlite3_bind_int64(st, 2, who->id);
	sqlite3_bind_text(st, 3, who && who->name ? who->name : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, who && who->role ? who->role : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, object_type ? object_type : "", -1,
	    SQLITE_TRANSIENT);
	if (object_id > 0)
		sqlite3_bind_int64(st, 7, object_id);
	sqlite3_bind_text(st, 8, detail ? detail : "", -1, SQLITE_TRANSIENT);
	/* Nobody signed in: no address either, so an anonymous view can
	 * not be traced back to a home's or a phone's connection. */
	sqlite3_bind_text(st, 9, who && who->id > 0 && who->ip ? who->ip : "",
	    -1, SQLITE_TRANSIENT);
	rc = db_step(st);
	db_done(st);
	return (rc == 0 ? 0 : -1);
}

/*
 * The newest rows matching f (newest first) into list. *next is the id
 * to page from for older rows, or 0 when there are no more.
 */
int
audit_list(struct db *db, const struct audit_filter *f, struct tval *list,
    int64_t *next)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int64_t		 id;
	int		 rc, n;

	*next = 0;
	st = db_query(db, sql_list, "ttiiid", f->action ? f->action : "",
	    f->actor ? f->actor : "", f->from, f->to, f->before,
	    f->limit + 1);
	for (n = 0; (rc = db_step(st)) == 1; n++) {
		id = sqlite3_column_int64(st, 0);
		if (n == f->limit) {
			*next = id + 1;
			break;
		}
		row = tv_push_map(list);
		tv_set_int(row, "id", id);
		tv_set_str(row, "at", time_human(tv_arena(row),
		    sqlite3_column_int64(st, 1)));
		tv_set_str(row, "actor", db_col_text(st, 2));
		tv_set_str(row, "role", db_col_text(st, 3));
		tv_set_str(row, "action", db_col_text(st, 4));
		tv_set_str(row, "object_type", db_col_text(st, 5));
		if (sqlite3_column_int64(st, 6) > 0)
			tv_set_int(row, "object_id",
			    sqlite3_column_int64(st, 6));
		tv_set_str(row, "detail", db_col_text(st, 7));
		tv_set_str(row, "ip", db_col_text(st, 8));
	}
	db_done(st);
	return (rc < 0 ? -1 : 0);
}

/* Every action name in the log, for the filter's choices. */
int
audit_actions(struct db *db, struct tval *list, const char *selected)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_actions, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_str(row, "action", db_col_text(st, 0));
		tv_set_bool(row, "selected", selected != NULL &&
		    strcmp(selected, db_col_text(st, 0)) == 0);
	}
	db_done(st);
	return (rc);
}
