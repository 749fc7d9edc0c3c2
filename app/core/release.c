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
	const char	*live;		/* ?1 item, ?2 answer: its count now */
} kinds[] = {
	{ RELEASE_PLEDGE, "SELECT count(*) FROM verdicts WHERE promise_id = ?1 "
	    "AND current = 1 AND verdict = ?2" },
	{ RELEASE_HAPPENED, "SELECT count(*) FROM action_answers "
	    "WHERE action_id = ?1 AND answer = ?2" },
	{ RELEASE_METOO, "SELECT count(*) FROM issue_support "
	    "WHERE issue_id = ?1 AND ?2 = ''" },
};

static const char *sql_wait =
	"INSERT OR IGNORE INTO release_waiting (kind, item_id, answer, "
	"user_id) VALUES (?1, ?2, ?3, ?4)";
static const char *sql_waiting =
	"SELECT count(*) FROM release_waiting WHERE kind = ?1 AND item_id = ?2 "
	"AND answer = ?3";
static const char *sql_show =
	"INSERT OR REPLACE INTO released_counts (kind, item_id, answer, n) "
	"VALUES (?1, ?2, ?3, ?4)";
static const char *sql_done =
	"DELETE FROM release_waiting WHERE kind = ?1 AND item_id = ?2 "
	"AND answer = ?3";
static const char *const sql_all[] = {
	"DELETE FROM released_counts",
	"DELETE FROM release_waiting",
	"INSERT INTO released_counts (kind, item_id, answer, n) "
	    "SELECT 'pledge', promise_id, verdict, count(*) FROM verdicts "
	    "WHERE current = 1 GROUP BY promise_id, verdict",
	"INSERT INTO released_counts (kind, item_id, answer, n) "
	    "SELECT 'happened', action_id, answer, count(*) "
	    "FROM action_answers GROUP BY action_id, answer",
	"INSERT INTO released_counts (kind, item_id, answer, n) "
	    "SELECT 'metoo', issue_id, '', count(*) "
	    "FROM issue_support GROUP BY issue_id",
};

static const char *
live_sql(const char *kind)
{
	size_t	 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return (kinds[i].live);
	return (NULL);
}

/*
 * user moved into or out of one count: released once small_count people
 * have since its last release. 0, or -1.
 */
static int
touched(struct db *db, const char *kind, int64_t item, const char *answer,
    int64_t user)
{
	const char	*live;
	int64_t		 waiting, n;

	if ((live = live_sql(kind)) == NULL ||
	    db_exec(db, sql_wait, "titi", kind, item, answer, user) != 0 ||
	    db_int(db, &waiting, sql_waiting, "tit", kind, item, answer) != 1)
		return (-1);
	if (waiting < settings_int(db, "small_count", 5))
		return (0);
	return (db_int(db, &n, live, "it", item, answer) != 1 ||
	    db_exec(db, sql_show, "titi", kind, item, answer, n) != 0 ||
	    db_exec(db, sql_done, "tit", kind, item, answer) != 0 ? -1 : 0);
}

/*
 * user's answer on item went from was to now (NULL: none): both counts
 * touched; the same answer again (a comment changed) touches none.
 */
int
release_changed(struct db *db, const char *kind, int64_t item, int64_t user,
    const char *was, const char *now)
{
	if (was != NULL && now != NULL && strcmp(was, now) == 0)
		return (0);
	if (was != NULL && touched(db, kind, item, was, user) == -1)
		return (-1);
	if (now != NULL && touched(db, kind, item, now, user) == -1)
		return (-1);
	return (0);
}

/* Release everything as it stands (demo and generated data). 0, -1. */
int
release_all(struct db *db)
{
	size_t	 i;

	for (i = 0; i < sizeof(sql_all) / sizeof(sql_all[0]); i++)
		if (db_exec(db, sql_all[i], "") != 0)
			return (-1);
	return (0);
}
