/*
 * audit.c: write audit rows. Reading and filtering the log for admins is
 * in audit_read.c. Rows hold no secrets and no text young people wrote.
 */
#include <time.h>

#include "audit.h"

static const char *sql_insert =
	"INSERT INTO audit_log (at, actor_id, actor_name, actor_role, action, "
	"object_type, object_id, detail, ip) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

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
	sqlite3_bind_text(st, 9, who && who->ip ? who->ip : "", -1,
	    SQLITE_TRANSIENT);
	rc = db_step(st);
	db_done(st);
	return (rc == 0 ? 0 : -1);
}
