/*
 * release.c: counts people change themselves, shown in steps (see
 * release.h). The caller holds the transaction that changes the answer,
 * so the answer and its place in the next release are one write.
 */
#include <string.h>

#include "release.h"
#include "settings.h"

static const struct {
	const char	*kind;
	const char	*live;		/* ?1 the item: its counts now */
} kinds[] = {
	{ RELEASE_PLEDGE, "INSERT INTO released_counts (kind, item_id, "
	    "sub_id, answer, n) SELECT 'pledge', ?1, v.promise_id, v.verdict, "
	    "count(*) FROM verdicts v JOIN promises p ON p.id = v.promise_id "
	    "WHERE p.version_id = ?1 AND v.current = 1 "
	    "GROUP BY v.promise_id, v.verdict" },
	{ RELEASE_HAPPENED, "INSERT INTO released_counts (kind, item_id, "
	    "sub_id, answer, n) SELECT 'happened', ?1, 0, answer, count(*) "
	    "FROM action_answers WHERE action_id = ?1 GROUP BY answer" },
	{ RELEASE_METOO, "INSERT INTO released_counts (kind, item_id, "
	    "sub_id, answer, n) SELECT 'metoo', ?1, 0, '', count(*) "
	    "FROM issue_support WHERE issue_id = ?1 HAVING count(*) > 0" },
};

static const char *sql_forget =
	"DELETE FROM released_counts WHERE kind = ?1 AND item_id = ?2";
static const char *sql_done =
	"DELETE FROM release_waiting WHERE kind = ?1 AND item_id = ?2";
static const char *sql_wait =
	"INSERT OR IGNORE INTO release_waiting (kind, item_id, user_id) "
	"VALUES (?1, ?2, ?3)";
static const char *sql_waiting =
	"SELECT count(*) FROM release_waiting WHERE kind = ?1 AND item_id = ?2";
static const char *sql_items =
	"SELECT 'pledge', id FROM pledge_versions UNION ALL "
	"SELECT 'happened', id FROM actions UNION ALL "
	"SELECT 'metoo', id FROM issues";

/* Show item's counts as they are now. 0, or -1. */
int
release_now(struct db *db, const char *kind, int64_t item)
{
	size_t	 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (strcmp(kinds[i].kind, kind) != 0)
			continue;
		return (db_exec(db, sql_forget, "ti", kind, item) != 0 ||
		    db_exec(db, kinds[i].live, "i", item) != 0 ||
		    db_exec(db, sql_done, "ti", kind, item) != 0 ? -1 : 0);
	}
	return (-1);
}

/*
 * user changed their answer on item: released once small_count people
 * have (each counted once however often they change it). 0, or -1.
 */
int
release_changed(struct db *db, const char *kind, int64_t item, int64_t user)
{
	int64_t	 waiting;

	if (db_exec(db, sql_wait, "tii", kind, item, user) != 0 ||
	    db_int(db, &waiting, sql_waiting, "ti", kind, item) != 1)
		return (-1);
	if (waiting < settings_int(db, "small_count", 5))
		return (0);
	return (release_now(db, kind, item));
}

/* Release everything as it stands (demo and generated data). 0, -1. */
int
release_all(struct db *db)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_items, "");
	while ((rc = db_step(st)) == 1)
		if (release_now(db, db_col_text(st, 0),
		    sqlite3_column_int64(st, 1)) == -1) {
			rc = -1;
			break;
		}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}
