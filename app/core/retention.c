/*
 * retention.c: the purge (see retention.h). One transaction; the audit
 * row records counts, never content. Then the WAL is checkpointed so the
 * deleted pages leave the log file too (secure_delete is on for every
 * connection).
 *
 * Accounts are purged one by one against the schema as it is, not a list
 * written when the purge was: every column that points at users is found
 * from the foreign keys, so a table added later cannot make the purge
 * fail. A record that must be kept (a safeguarding record, a worrying
 * comment or suggestion) keeps the account's number; the account itself is
 * then wiped to that number and nothing else.
 *
 * Each run's result is recorded in purge_runs, so a failure shows on the
 * admin pages and not only in cron's mail.
 */
#include <stdio.h>
#include <string.h>

#include "retention.h"
#include "settings.h"
#include "timefmt.h"

#define OLD_VIEWS							\
	"SELECT v.id FROM views v LEFT JOIN issues i ON i.id = v.issue_id " \
	"WHERE v.created_at < ?1 AND i.published_at IS NULL "		\
	"AND NOT EXISTS (SELECT 1 FROM concerns c WHERE c.kind = 'view' " \
	"AND c.item_id = v.id AND c.closed_at IS NULL)"
#define OLD_ACCOUNTS							\
	"SELECT id FROM users WHERE role = 'young_person' "		\
	"AND disabled_at IS NOT NULL AND disabled_at < ?1 "		\
	"AND purged_at IS NULL"
/* Closed concerns past their time; an open one is never purged. */
#define OLD_CONCERNS							\
	"SELECT id FROM concerns WHERE closed_at IS NOT NULL "		\
	"AND closed_at < ?1"

static const char *sql_old_views = OLD_VIEWS;
static const char *sql_old_accounts = OLD_ACCOUNTS;
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

/* One view's own trail, then the view. */
static const char *const view_steps[] = {
	"DELETE FROM notifications WHERE view_id = ?1",
	"DELETE FROM view_events WHERE view_id = ?1",
	"DELETE FROM redirects WHERE view_id = ?1",
	"DELETE FROM views WHERE id = ?1",
};

/*
 * An account's views that go with it: those its owner could delete on
 * /account/data (mydata_may_delete: not yet answered by a councillor,
 * not even before a reopening)
 * and that hold no safeguarding record, open or closed. An answered one
 * is part of the record (its issue's answer is, or will be, on "You said,
 * we did", and "me too"s hang on it): kept, nameless.
 */
#define ERASED_VIEWS							\
	"SELECT v.id FROM views v LEFT JOIN issues i ON i.id = v.issue_id " \
	"WHERE v.author_id = ?1 AND (v.state IN ('received', 'withdrawn', " \
	"'redirected', 'rejected') OR (i.state IN ('open', "		\
	"'with_councillor') AND NOT EXISTS (SELECT 1 FROM answers_before " \
	"b WHERE b.issue_id = i.id))) AND NOT EXISTS (SELECT 1 FROM "	\
	"concerns c "							\
	"WHERE c.kind = 'view' AND c.item_id = v.id) AND NOT EXISTS "	\
	"(SELECT 1 FROM safeguarding_flags f WHERE f.view_id = v.id)"
/*
 * A private one in an issue keeps its row, emptied: the issue must still
 * count as holding a private view, or it could be published under its
 * first title, which may be that young person's words (ISSUE_PUBLIC_TITLE).
 */
#define ERASED_PRIVATE	" AND v.issue_id IS NOT NULL AND v.publish = 'no'"
#define ERASED_GONE	" AND (v.issue_id IS NULL OR v.publish != 'no')"
/* Staff notes about the person name them (mydata_ask_close). */
#define ABOUT_ACCOUNT							\
	"(link = '/accounts/' || ?1 OR link LIKE '/accounts/' || ?1 || '/%')"

/*
 * What goes with an account: its sessions, messages, reset codes, saved
 * drafts, the views it could have deleted itself, and what it said that
 * worried nobody (a worrying comment or suggestion stays, and so the
 * account stays, wiped). Staff notes about it lose its name and words.
 * Every other column that points at it is emptied (found from the
 * schema); the audit log forgets its name and addresses but keeps what
 * was done.
 */
static const char *const account_steps[] = {
	("UPDATE views SET title = 'Deleted with its account', body = '', "
	    "better = '', outcome_text = NULL WHERE id IN (" ERASED_VIEWS
	    ERASED_PRIVATE ")"),
	"DELETE FROM notifications WHERE view_id IN (" ERASED_VIEWS ")",
	"DELETE FROM view_events WHERE view_id IN (" ERASED_VIEWS ")",
	"DELETE FROM redirects WHERE view_id IN (" ERASED_VIEWS
	    ERASED_GONE ")",
	"DELETE FROM views WHERE id IN (" ERASED_VIEWS ERASED_GONE ")",
	("UPDATE notifications SET link = NULL, text = CASE WHEN text LIKE "
	    "'% asked us to close their account.%' THEN 'A young person "
	    "asked us to close their account. It has since been deleted.' "
	    "ELSE 'A note about a young person whose account has since been "
	    "deleted.' END WHERE " ABOUT_ACCOUNT),
	"DELETE FROM sessions WHERE user_id = ?1",
	"DELETE FROM form_owners WHERE user_id = ?1",
	"DELETE FROM known_devices WHERE user_id = ?1",
	"DELETE FROM notifications WHERE user_id = ?1",
	"DELETE FROM invites WHERE user_id = ?1",
	"DELETE FROM verdicts WHERE user_id = ?1 AND urgent = 0",
	"DELETE FROM agenda_suggestions WHERE user_id = ?1 AND urgent = 0",
	"DELETE FROM personal_pledges WHERE councillor_id = ?1",
	"DELETE FROM issue_support WHERE user_id = ?1",
	/* Named answers go with their words (a worrying one's concern keeps
	 * its own copy); anonymous ones were never linked. */
	"DELETE FROM consult_responses WHERE user_id = ?1",
	"DELETE FROM answer_appeals WHERE user_id = ?1 AND id NOT IN "
	    "(SELECT item_id FROM concerns WHERE kind = 'answer_appeal')",
	"DELETE FROM action_answers WHERE user_id = ?1",
	/* Which counts they moved (release.c): no foreign key finds it. */
	"DELETE FROM release_waiting WHERE user_id = ?1",
	"DELETE FROM drafts WHERE user_id = ?1 OR owner_id = ?1",
	("UPDATE audit_log SET actor_id = NULL, actor_name = '', ip = '' "
	    "WHERE actor_id = ?1"),
};

/* Every column that points at users: table, column, NOT NULL. */
static const char *sql_refs =
	"SELECT m.name, p.\"from\", coalesce((SELECT t.\"notnull\" FROM "
	"pragma_table_info(m.name) t WHERE t.name = p.\"from\"), 0) "
	"FROM sqlite_master m, pragma_foreign_key_list(m.name) p "
	"WHERE m.type = 'table' AND p.\"table\" = 'users' "
	"ORDER BY m.name, p.\"from\"";
static const char *sql_purge_concerns =
	"DELETE FROM concerns WHERE id IN (" OLD_CONCERNS ")";
static const char *sql_delete_account = "DELETE FROM users WHERE id = ?1";
/* Concerns name their young person without a foreign key (0008). */
static const char *sql_concerned =
	"SELECT count(*) FROM concerns WHERE author_id = ?1";
/* The name key is random too: nobody can take it first by joining. */
static const char *sql_wipe_account =
	"UPDATE users SET display_name = 'Deleted account', "
	"name_key = 'purged:' || id || ':' || hex(randomblob(16)), "
	"signin_name = NULL, "
	"signin_key = 'purged:' || id || ':' || hex(randomblob(16)), "
	"password_hash = '!', age_band = NULL, "
	"lives_outside = NULL, closed_at = coalesce(closed_at, ?2), "
	"purged_at = ?2 WHERE id = ?1";
static const char *sql_forget_addresses =
	"UPDATE audit_log SET ip = '' WHERE ip != '' AND at < ?1";
/*
 * Sessions nobody has used for a week and past their longest life: most
 * young people close the browser rather than sign out, and each row
 * keeps an address and a device. A week, not at once, so words sent on
 * a session that just ran out still find whose they were (drafts.c).
 */
static const char *sql_forget_sessions =
	"DELETE FROM sessions WHERE seen_at < ?1 - 7 * 86400 "
	"AND created_at < ?1 - ?2";
static const char *sql_run =
	"INSERT INTO purge_runs (at, ok, detail) VALUES (?1, ?2, ?3)";
static const char *sql_last =
	"SELECT at, ok, detail FROM purge_runs ORDER BY id DESC LIMIT 1";

static int
counts(struct db *db, int64_t vcut, int64_t acut, int64_t ccut,
    struct purge_counts *c)
{
	return (db_int(db, &c->views, sql_count_views, "i", vcut) == 1 &&
	    db_int(db, &c->views_kept, sql_count_kept, "i", vcut) == 1 &&
	    db_int(db, &c->accounts, sql_count_accounts, "i", acut) == 1 &&
	    db_int(db, &c->concerns, sql_count_concerns, "i", ccut) == 1 ?
	    0 : -1);
}

/* A step refused only because something that must stay points here. */
static int
kept_by_reference(struct db *db)
{
	return (sqlite3_extended_errcode(db_handle(db)) ==
	    SQLITE_CONSTRAINT_FOREIGNKEY);
}

/* The ids sql (cut at ?1) returns, into out. 0 on success. */
static int
ids_of(struct db *db, const char *sql, int64_t cut, struct buf *out)
{
	sqlite3_stmt	*st;
	int64_t		 id;
	int		 rc;

	st = db_query(db, sql, "i", cut);
	while ((rc = db_step(st)) == 1) {
		id = sqlite3_column_int64(st, 0);
		buf_append(out, &id, sizeof(id));
	}
	db_done(st);
	return (rc == 0 ? 0 : -1);
}

/* Delete one old view; 1 deleted, 0 kept (something points at it). */
static int
purge_view(struct db *db, int64_t id)
{
	size_t	 i;

	if (db_begin(db) == -1)
		return (-1);
	for (i = 0; i < sizeof(view_steps) / sizeof(view_steps[0]); i++) {
		if (db_exec(db, view_steps[i], "i", id) == 0)
			continue;
		if (!kept_by_reference(db)) {
			db_rollback(db);
			return (-1);
		}
		db_rollback(db);
		return (0);
	}
	return (db_commit(db) == 0 ? 1 : -1);
}

/*
 * Empty every nullable column that points at account id, in whatever
 * table holds one. Prepared here rather than cached: the SQL is built
 * from the schema.
 */
static int
unlink_account(struct db *db, int64_t id)
{
	sqlite3_stmt	*refs, *st;
	char		*sql;
	int		 rc, ok;

	if ((refs = db_prep(db, sql_refs)) == NULL)
		return (-1);
	ok = 1;
	while (ok && (rc = db_step(refs)) == 1) {
		if (sqlite3_column_int(refs, 2))
			continue;	/* NOT NULL: deleted above, or kept */
		sql = sqlite3_mprintf("UPDATE \"%w\" SET \"%w\" = NULL "
		    "WHERE \"%w\" = ?1", db_col_text(refs, 0),
		    db_col_text(refs, 1), db_col_text(refs, 1));
		if (sql == NULL || sqlite3_prepare_v2(db_handle(db), sql, -1,
		    &st, NULL) != SQLITE_OK) {
			sqlite3_free(sql);
			ok = 0;
			break;
		}
		sqlite3_bind_int64(st, 1, id);
		ok = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
	db_done(refs);
	return (ok && rc != -1 ? 0 : -1);
}

/* Purge one account: 1 deleted, 0 wiped but kept, -1 error. */
static int
purge_account(struct db *db, int64_t id, int64_t now)
{
	size_t	 i;
	int64_t	 concerns;

	for (i = 0; i < sizeof(account_steps) / sizeof(account_steps[0]); i++)
		if (db_exec(db, account_steps[i], "i", id) != 0 &&
		    !kept_by_reference(db))
			return (-1);
	if (unlink_account(db, id) == -1 ||
	    db_int(db, &concerns, sql_concerned, "i", id) != 1)
		return (-1);
	if (concerns == 0 && db_exec(db, sql_delete_account, "i", id) == 0)
		return (1);
	if (concerns == 0 && !kept_by_reference(db))
		return (-1);
	return (db_exec(db, sql_wipe_account, "ii", id, now) == 0 ? 0 : -1);
}

static int
purge_all(struct db *db, int64_t vcut, int64_t acut, int64_t now,
    struct purge_counts *c)
{
	struct buf	 ids;
	int64_t		*id;
	size_t		 i, n;
	int		 rc;

	buf_init(&ids, 256);
	rc = ids_of(db, sql_old_views, vcut, &ids);
	n = ids.len / sizeof(int64_t);
	id = (int64_t *)(void *)ids.data;
	c->views = 0;
	for (i = 0; rc == 0 && i < n; i++) {
		switch (purge_view(db, id[i])) {
		case 1:
			c->views++;
			break;
		case 0:
			c->views_kept++;
			break;
		default:
			rc = -1;
		}
	}
	buf_reset(&ids);
	if (rc == 0)
		rc = ids_of(db, sql_old_accounts, acut, &ids);
	n = ids.len / sizeof(int64_t);
	id = (int64_t *)(void *)ids.data;
	c->accounts = c->accounts_kept = 0;
	for (i = 0; rc == 0 && i < n; i++) {
		switch (purge_account(db, id[i], now)) {
		case 1:
			c->accounts++;
			break;
		case 0:
			c->accounts_kept++;
			break;
		default:
			rc = -1;
		}
	}
	buf_free(&ids);
	return (rc);
}

static void
record_failure(struct db *db, int64_t now, const char *why)
{
	(void)db_exec(db, sql_run, "idt", now, 0, why);
}

/*
 * Purge at time now; with dry_run only count. 0 on success, with c
 * holding what went (or would go). A failure changes nothing but is
 * recorded, for the admin pages.
 */
int
retention_purge(struct db *db, const struct actor *who, int64_t now,
    int dry_run, struct purge_counts *c)
{
	char	 detail[160];
	int64_t	 vcut, acut, ccut, ipcut;

	vcut = now - settings_int(db, "retention_unpublished_days", 730) *
	    86400;
	acut = now - settings_int(db, "retention_closed_account_days", 365) *
	    86400;
	ccut = now - settings_int(db, "retention_concern_years", 25) *
	    (int64_t)365 * 86400;
	ipcut = now - settings_int(db, "audit_ip_days", 90) * 86400;
	memset(c, 0, sizeof(*c));
	if (dry_run)
		return (counts(db, vcut, acut, ccut, c));
	if (db_begin(db) == -1)
		goto fail;
	if (counts(db, vcut, acut, ccut, c) == -1 ||
	    purge_all(db, vcut, acut, now, c) == -1 ||
	    db_exec(db, sql_purge_concerns, "i", ccut) != 0 ||
	    db_exec(db, sql_forget_addresses, "i", ipcut) != 0 ||
	    db_exec(db, sql_forget_sessions, "ii", now, settings_int(db,
	    "session_hours", 8) * 3600) != 0)
		goto fail;
	(void)snprintf(detail, sizeof(detail), "views %lld, kept %lld, "
	    "accounts %lld", (long long)c->views, (long long)c->views_kept,
	    (long long)c->accounts);
	if (c->accounts_kept > 0)
		(void)snprintf(detail + strlen(detail), sizeof(detail) -
		    strlen(detail), ", wiped and kept %lld",
		    (long long)c->accounts_kept);
	if (c->concerns > 0)
		(void)snprintf(detail + strlen(detail), sizeof(detail) -
		    strlen(detail), ", closed concerns %lld",
		    (long long)c->concerns);
	if (audit_write(db, who, "retention.purge", "", 0, detail) == -1 ||
	    db_exec(db, sql_run, "idt", now, 1, detail) != 0 ||
	    db_commit(db) == -1)
		goto fail;
	(void)sqlite3_exec(db_handle(db), "PRAGMA wal_checkpoint(TRUNCATE)",
	    NULL, NULL, NULL);
	return (0);
fail:
	(void)snprintf(c->why, sizeof(c->why), "%s", db_errmsg(db));
	db_rollback(db);
	record_failure(db, now, c->why);
	return (-1);
}

/*
 * The last purge, if it failed, into ctx as purge_failed (at, reason);
 * nothing when it worked or never ran. 0 on success.
 */
int
retention_last(struct db *db, struct tval *ctx)
{
	struct tval	*m;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_last, "");
	if ((rc = db_step(st)) == 1 && sqlite3_column_int(st, 1) == 0) {
		m = tv_set_map(ctx, "purge_failed");
		tv_set_str(m, "at", time_human(tv_arena(m),
		    sqlite3_column_int64(st, 0)));
		tv_set_str(m, "reason", db_col_text(st, 2));
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}
