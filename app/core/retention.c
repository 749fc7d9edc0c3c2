/*
 * retention.c: the purge (see retention.h). One transaction; the audit
 * row records counts, never content. Then the WAL is checkpointed so the
 * deleted pages leave the log file too (secure_delete is on for every
 * connection).
 */
#include <stdio.h>
#include <string.h>

#include "retention.h"
#include "settings.h"

#define OLD_VIEWS							\
	"SELECT v.id FROM views v LEFT JOIN issues i ON i.id = v.issue_id " \
	"WHERE v.created_at < ?1 AND i.published_at IS NULL "		\
	"AND NOT EXISTS (SELECT 1 FROM concerns c WHERE c.kind = 'view' " \
	"AND c.item_id = v.id AND c.closed_at IS NULL)"
#define OLD_ACCOUNTS							\
	"SELECT id FROM users WHERE role = 'young_person' "		\
	"AND disabled_at IS NOT NULL AND disabled_at < ?1"
/* Closed concerns past their time; an open one is never purged. */
#define OLD_CONCERNS							\
	"SELECT id FROM concerns WHERE closed_at IS NOT NULL "		\
	"AND closed_at < ?1"

static const char *sql_count_views = "SELECT count(*) FROM (" OLD_VIEWS ")";
static const char *sql_count_kept =
	"SELECT count(*) FROM views v LEFT JOIN issues i ON i.id = v.issue_id "
	"WHERE v.created_at < ?1 AND i.published_at IS NULL "
	"AND EXISTS (SELECT 1 FROM concerns c WHERE c.kind = 'view' "
	"AND c.item_id = v.id AND c.closed_at IS NULL)";
static const char *sql_count_accounts =
	"SELECT count(*) FROM (" OLD_ACCOUNTS ")";
static const char *sql_count_concerns =
	"SELECT count(*) FROM (" OLD_CONCERNS ")";

enum cutoff { VIEWS, ACCOUNTS, CONCERNS };

/*
 * The statements of the purge, in order; ?1 is the cutoff. A concern
 * keeps its own copy of the words, so the items and accounts it was
 * about may go without losing them.
 */
static const struct {
	const char	*sql;
	enum cutoff	 cut;
} steps[] = {
	{ "DELETE FROM notifications WHERE view_id IN (" OLD_VIEWS ")", VIEWS },
	{ "DELETE FROM view_events WHERE view_id IN (" OLD_VIEWS ")", VIEWS },
	{ "DELETE FROM views WHERE id IN (" OLD_VIEWS ")", VIEWS },
	{ "DELETE FROM sessions WHERE user_id IN (" OLD_ACCOUNTS ")",
	    ACCOUNTS },
	{ "DELETE FROM notifications WHERE user_id IN (" OLD_ACCOUNTS ")",
	    ACCOUNTS },
	{ "DELETE FROM verdicts WHERE user_id IN (" OLD_ACCOUNTS ")",
	    ACCOUNTS },
	{ "DELETE FROM agenda_suggestions WHERE user_id IN (" OLD_ACCOUNTS
	    ")", ACCOUNTS },
	{ "DELETE FROM invites WHERE user_id IN (" OLD_ACCOUNTS ")",
	    ACCOUNTS },
	{ "UPDATE invites SET used_by = NULL WHERE used_by IN (" OLD_ACCOUNTS
	    ")", ACCOUNTS },
	{ "UPDATE views SET author_id = NULL WHERE author_id IN ("
	    OLD_ACCOUNTS ")", ACCOUNTS },
	{ "DELETE FROM users WHERE id IN (" OLD_ACCOUNTS ")", ACCOUNTS },
	{ "DELETE FROM concerns WHERE id IN (" OLD_CONCERNS ")", CONCERNS },
};

static int
counts(struct db *db, const int64_t *cut, struct purge_counts *c)
{
	return (db_int(db, &c->views, sql_count_views, "i", cut[VIEWS]) == 1 &&
	    db_int(db, &c->views_kept, sql_count_kept, "i", cut[VIEWS]) == 1 &&
	    db_int(db, &c->accounts, sql_count_accounts, "i",
	    cut[ACCOUNTS]) == 1 &&
	    db_int(db, &c->concerns, sql_count_concerns, "i",
	    cut[CONCERNS]) == 1 ? 0 : -1);
}

/*
 * Purge at time now; with dry_run only count. 0 on success, with c
 * holding what went (or would go).
 */
int
retention_purge(struct db *db, const struct actor *who, int64_t now,
    int dry_run, struct purge_counts *c)
{
	char	 detail[128];
	int64_t	 cut[3];
	size_t	 i;

	cut[VIEWS] = now - settings_int(db, "retention_unpublished_days",
	    730) * 86400;
	cut[ACCOUNTS] = now - settings_int(db, "retention_closed_account_days",
	    365) * 86400;
	cut[CONCERNS] = now - settings_int(db, "retention_concern_years", 25) *
	    (int64_t)365 * 86400;
	if (dry_run)
		return (counts(db, cut, c));
	if (db_begin(db) == -1)
		return (-1);
	if (counts(db, cut, c) == -1)
		goto fail;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (db_exec(db, steps[i].sql, "i", cut[steps[i].cut]) != 0)
			goto fail;
	(void)snprintf(detail, sizeof(detail), "views %lld, kept %lld, "
	    "accounts %lld", (long long)c->views, (long long)c->views_kept,
	    (long long)c->accounts);
	if (c->concerns > 0)
		(void)snprintf(detail + strlen(detail), sizeof(detail) -
		    strlen(detail), ", closed concerns %lld",
		    (long long)c->concerns);
	if (audit_write(db, who, "retention.purge", "", 0, detail) == -1 ||
	    db_commit(db) == -1)
		goto fail;
	(void)sqlite3_exec(db_handle(db), "PRAGMA wal_checkpoint(TRUNCATE)",
	    NULL, NULL, NULL);
	return (0);
fail:
	db_rollback(db);
	return (-1);
}
