/*
 * invite.c: make, look up and use invite and reset codes (see invite.h).
 * The caller holds the transaction; this writes the audit row.
 */
#include <string.h>

#include "invite.h"

static const char *sql_insert =
	"INSERT INTO invites (code_hash, kind, role, user_id, created_by, "
	"created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char *sql_find =
	"SELECT id, kind, role, coalesce(user_id, 0), expires_at, "
	"coalesce(used_at, 0) FROM invites WHERE code_hash = ?1";
static const char *sql_use =
	"UPDATE invites SET used_at = ?2, used_by = ?3 "
	"WHERE id = ?1 AND used_at IS NULL";

static void
code_digest(const char *canonical, unsigned char *out)
{
	auth_digest(canonical, strlen(canonical), out);
}

/*
 * A new code for role (reset_for > 0: a password reset for that user),
 * valid for `days`. code receives the readable code (AUTH_CODE_LEN).
 */
int
invite_create(struct db *db, const struct actor *by, enum role role,
    int64_t reset_for, int64_t now, int64_t days, char *code, int64_t *id)
{
	unsigned char	 digest[AUTH_DIGEST_BYTES];
	char		 canon[AUTH_CODE_LEN];
	sqlite3_stmt	*st;
	int		 rc;

	auth_code_new(code, AUTH_CODE_LEN);
	if (auth_code_normalise(code, canon, sizeof(canon)) < 0)
		return (-1);
	code_digest(canon, digest);
	if ((st = db_prep(db, sql_insert)) == NULL)
		return (-1);
	sqlite3_bind_blob(st, 1, digest, sizeof(digest), SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, reset_for > 0 ? "reset" : "invite", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 3, role_key(role), -1, SQLITE_STATIC);
	if (reset_for > 0)
		sqlite3_bind_int64(st, 4, reset_for);
	if (by != NULL && by->id > 0)
		sqlite3_bind_int64(st, 5, by->id);
	sqlite3_bind_int64(st, 6, now);
	sqlite3_bind_int64(st, 7, now + days * 86400);
	rc = db_step(st);
	db_done(st);
	if (rc != 0)
		return (-1);
	*id = db_last_id(db);
	return (audit_write(db, by, reset_for > 0 ? "invite.reset_create" :
	    "invite.create", reset_for > 0 ? "user" : "invite",
	    reset_for > 0 ? reset_for : *id, role_key(role)));
}

/* Look up a typed code (any spacing or case), new or old length. */
enum invite_state
invite_find(struct db *db, const char *typed, int64_t now, struct invite *inv)
{
	unsigned char	 digest[AUTH_DIGEST_BYTES];
	char		 canon[AUTH_CODE_LEN + 16];
	sqlite3_stmt	*st;
	int		 n;

	n = auth_code_normalise(typed, canon, sizeof(canon));
	if (n != AUTH_INVITE_SYMBOLS && n != AUTH_INVITE_OLD_SYMBOLS)
		return (INVITE_UNKNOWN);
	code_digest(canon, digest);
	if ((st = db_prep(db, sql_find)) == NULL)
		return (INVITE_UNKNOWN);
	sqlite3_bind_blob(st, 1, digest, sizeof(digest), SQLITE_TRANSIENT);
	if (db_step(st) != 1) {
		db_done(st);
		return (INVITE_UNKNOWN);
	}
	inv->id = sqlite3_column_int64(st, 0);
	inv->reset = strcmp(db_col_text(st, 1), "reset") == 0;
	inv->role = role_parse(db_col_text(st, 2));
	inv->user_id = sqlite3_column_int64(st, 3);
	inv->expires_at = sqlite3_column_int64(st, 4);
	inv->used_at = sqlite3_column_int64(st, 5);
	db_done(st);
	if (inv->used_at > 0)
		return (INVITE_USED);
	if (now >= inv->expires_at)
		return (INVITE_EXPIRED);
	return (INVITE_OK);
}

/* Mark used. -1 if it was used meanwhile (two tabs, one code). */
int
invite_use(struct db *db, int64_t id, int64_t user_id, int64_t now)
{
	if (db_exec(db, sql_use, "iii", id, now, user_id) != 0)
		return (-1);
	return (db_changes(db) == 1 ? 0 : -1);
}

const char *
invite_problem(enum invite_state s)
{
	switch (s) {
	case INVITE_OK:
		return (NULL);
	case INVITE_USED:
		return ("This code has already been used. Each code works "
		    "once. Ask the person who gave it to you for a new one.");
	case INVITE_EXPIRED:
		return ("This code has run out. Ask the person who gave it to "
		    "you for a new one.");
	default:
		/* Not the code's shape (the hint under the box shows it):
		 * a code typed just right may still be unknown. */
		return ("We cannot find that code. Check each letter and "
		    "number against the one you were given, then try again. "
		    "If it still does not work, ask the person who gave it to "
		    "you for a new one.");
	}
}
