/*
 * session.c: create, find, expire and end sessions (see session.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agent.h"
#include "session.h"
#include "settings.h"
#include "timefmt.h"

#define SEEN_EVERY	60	/* seconds between last-seen writes */

static const char *sql_insert =
	"INSERT INTO sessions (token_hash, user_id, csrf, created_at, "
	"seen_at, ip, agent) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)";
/* Whose session a form token was given in, for a week (0042). */
#define FORM_OWNER_DAYS	7
static const char *sql_owner_add =
	"INSERT OR REPLACE INTO form_owners (csrf_hash, user_id, created_at) "
	"VALUES (?1, ?2, ?3)";
static const char *sql_owner_prune =
	"DELETE FROM form_owners WHERE created_at < ?1";
static const char *sql_owner =
	"SELECT user_id FROM form_owners WHERE csrf_hash = ?1";
#define OWNER_KEY_LEN	(2 * AUTH_DIGEST_BYTES + 1)

static const char *sql_find =
	"SELECT s.id, s.user_id, s.csrf, s.created_at, s.seen_at, "
	"u.display_name, u.role FROM sessions s JOIN users u "
	"ON u.id = s.user_id WHERE s.token_hash = ?1 "
	"AND u.disabled_at IS NULL AND u.closed_at IS NULL";
static const char *sql_seen = "UPDATE sessions SET seen_at = ?2 WHERE id = ?1";
static const char *sql_end = "DELETE FROM sessions WHERE id = ?1";
static const char *sql_csrf_of = "SELECT csrf FROM sessions WHERE id = ?1";
static const char *sql_owner_forget =
	"DELETE FROM form_owners WHERE csrf_hash = ?1";
static const char *sql_end_user =
	"DELETE FROM sessions WHERE user_id = ?1 AND id != ?2";
static const char *sql_list =
	"SELECT id, created_at, seen_at, ip, agent FROM sessions "
	"WHERE user_id = ?1 ORDER BY seen_at DESC";

static const char *sql_device_known =
	"SELECT count(*) FROM known_devices WHERE token_hash = ?1 "
	"AND user_id = ?2 AND seen_at > ?3";
static const char *sql_device_note =
	"INSERT INTO known_devices (token_hash, user_id, seen_at) "
	"VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET seen_at = ?3";

void
session_limits_load(struct db *db, struct session_limits *l)
{
	l->idle_staff = settings_int(db, "idle_minutes_staff", 30) * 60;
	l->idle_young = settings_int(db, "idle_minutes_young", 60) * 60;
	l->absolute = settings_int(db, "session_hours", 8) * 3600;
}

/*
 * A new session for user. token receives the cookie value
 * (AUTH_TOKEN_LEN bytes). 0 on success.
 */
int
session_create(struct db *db, int64_t user_id, int64_t now, const char *ip,
    const char *agent, char *token, int64_t *sid)
{
	unsigned char	 digest[AUTH_DIGEST_BYTES];
	char		 csrf[AUTH_TOKEN_LEN], shortagent[161];
	char		 key[OWNER_KEY_LEN];
	sqlite3_stmt	*st;
	int		 rc;

	auth_token_new(token);
	auth_token_new(csrf);
	auth_digest(token, strlen(token), digest);
	(void)snprintf(shortagent, sizeof(shortagent), "%s",
	    agent ? agent : "");
	if ((st = db_prep(db, sql_insert)) == NULL)
		return (-1);
	sqlite3_bind_blob(st, 1, digest, sizeof(digest), SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_text(st, 3, csrf, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_text(st, 5, ip ? ip : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, shortagent, -1, SQLITE_TRANSIENT);
	rc = db_step(st);
	db_done(st);
	if (rc != 0)
		return (-1);
	*sid = db_last_id(db);
	auth_digest_hex(csrf, key, sizeof(key));
	if (db_exec(db, sql_owner_prune, "i", now - FORM_OWNER_DAYS *
	    86400) != 0 || db_exec(db, sql_owner_add, "tii", key, user_id,
	    now) != 0)
		return (-1);
	return (0);
}

/*
 * The account whose session gave out form token csrf (within the last
 * week): 1 and *user, 0 if not known (a visitor's, too old), -1.
 */
int
session_form_owner(struct db *db, const char *csrf, int64_t *user)
{
	char	 key[OWNER_KEY_LEN];

	*user = 0;
	if (csrf == NULL || *csrf == '\0')
		return (0);
	auth_digest_hex(csrf, key, sizeof(key));
	return (db_int(db, user, sql_owner, "t", key));
}

static int
expired(const struct session_limits *l, enum role role, int64_t created,
    int64_t seen, int64_t now)
{
	int64_t	 idle;

	idle = role == ROLE_YOUNG ? l->idle_young : l->idle_staff;
	return (now - seen > idle || now - created > l->absolute);
}

/*
 * Sessions found while the database stays as it was, per connection.
 * Every signed-in page looked its session up, and that query was a
 * twentieth of a young person's /views. A kept row is used only while
 * no connection has committed since it was read (PRAGMA data_version,
 * read by the caller in this read transaction) and this connection has
 * changed nothing either (total_changes): signing out, a disabled
 * account or a last-seen write all move one of the two.
 */
#define KEPT_MAX	256

struct kept_session {
	unsigned char	 digest[AUTH_DIGEST_BYTES];
	int64_t		 data_version;
	int64_t		 changes;
	int		 used;
	struct session	 s;
	int64_t		 created;
	int64_t		 seen;
};

static int	 kept_key;	/* its address names the memo (db_memo) */

static struct kept_session *
kept_slot(struct db *db, const unsigned char *digest)
{
	struct kept_session	*k;

	if ((k = db_memo(db, &kept_key)) == NULL) {
		if ((k = calloc(KEPT_MAX, sizeof(*k))) == NULL)
			return (NULL);
		db_memo_set(db, &kept_key, k, free);
	}
	return (&k[(digest[0] | (unsigned)digest[1] << 8) % KEPT_MAX]);
}

/* The session row for digest: 1 found, 0 none, -1 error. */
static int
read_session(struct db *db, const unsigned char *digest, struct session *s,
    int64_t *created, int64_t *seen)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, sql_find)) == NULL)
		return (-1);
	sqlite3_bind_blob(st, 1, digest, AUTH_DIGEST_BYTES, SQLITE_TRANSIENT);
	if ((rc = db_step(st)) != 1) {
		db_done(st);
		return (rc);
	}
	s->id = sqlite3_column_int64(st, 0);
	s->user_id = sqlite3_column_int64(st, 1);
	(void)snprintf(s->csrf, sizeof(s->csrf), "%s", db_col_text(st, 2));
	*created = sqlite3_column_int64(st, 3);
	*seen = sqlite3_column_int64(st, 4);
	(void)snprintf(s->name, sizeof(s->name), "%s", db_col_text(st, 5));
	s->role = role_parse(db_col_text(st, 6));
	db_done(st);
	return (1);
}

/*
 * The live session for a cookie value: 1 found, 0 none (unknown, expired,
 * or the account is disabled), -1 error. Expired sessions are removed;
 * on 0, s->user_id is the account whose session this was if it has just
 * run out (whose words a form sent now holds), else 0.
 * data_version: PRAGMA data_version as read in the current read
 * transaction, so a row kept since may be used; -1 to read it afresh.
 */
int
session_find_at(struct db *db, const char *token, int64_t now,
    const struct session_limits *l, int64_t data_version, struct session *s)
{
	unsigned char		 digest[AUTH_DIGEST_BYTES];
	struct kept_session	*k;
	int64_t			 created, seen, changes;
	int			 rc;

	memset(s, 0, sizeof(*s));
	if (token == NULL || strlen(token) != AUTH_TOKEN_LEN - 1)
		return (0);
	auth_digest(token, strlen(token), digest);
	changes = (int64_t)sqlite3_total_changes64(db_handle(db));
	k = data_version < 0 ? NULL : kept_slot(db, digest);
	if (k != NULL && k->used && k->data_version == data_version &&
	    k->changes == changes &&
	    memcmp(k->digest, digest, sizeof(digest)) == 0) {
		*s = k->s;
		created = k->created;
		seen = k->seen;
	} else {
		if ((rc = read_session(db, digest, s, &created, &seen)) != 1)
			return (rc);
		if (k != NULL) {
			memcpy(k->digest, digest, sizeof(digest));
			k->data_version = data_version;
			k->changes = changes;
			k->s = *s;
			k->created = created;
			k->seen = seen;
			k->used = 1;
		}
	}
	if (expired(l, s->role, created, seen, now)) {
		(void)session_end(db, s->id);
		s->id = 0;
		return (0);
	}
	/* Last-seen is written at most once a minute: each write is a
	 * durable commit, and a page view should not cost one. */
	if (now - seen >= SEEN_EVERY &&
	    db_exec(db, sql_seen, "ii", s->id, now) != 0)
		return (-1);
	return (1);
}

int
session_find(struct db *db, const char *token, int64_t now,
    const struct session_limits *l, struct session *s)
{
	return (session_find_at(db, token, now, l, -1, s));
}

int
session_end(struct db *db, int64_t sid)
{
	return (db_exec(db, sql_end, "i", sid));
}

/* The session ended by its owner ("Sign out"). */
int
session_sign_out(struct db *db, int64_t sid)
{
	sqlite3_stmt	*st;
	char		 key[OWNER_KEY_LEN];
	int		 rc;

	/* Signed out on purpose: a form the session gave is nobody's now,
	 * so words sent on it later (someone else, the same phone) are
	 * neither kept for this person nor named as theirs. */
	key[0] = '\0';
	st = db_query(db, sql_csrf_of, "i", sid);
	if ((rc = db_step(st)) == 1)
		auth_digest_hex(db_col_text(st, 0), key, sizeof(key));
	db_done(st);
	if (rc == -1 || (key[0] != '\0' && db_exec(db, sql_owner_forget, "t",
	    key) != 0))
		return (-1);
	return (session_end(db, sid));
}

/* End every session of user except `keep` (0 ends them all). */
int
session_end_user(struct db *db, int64_t user_id, int64_t keep)
{
	if (db_exec(db, sql_end_user, "ii", user_id, keep) != 0)
		return (-1);
	return (db_changes(db));
}

/* Add the user's sessions to list, marking the one in use. */
int
session_list(struct db *db, int64_t user_id, int64_t current,
    struct tval *list)
{
	struct arena	*a;
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_list, "i", user_id);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		a = tv_arena(row);
		tv_set_str(row, "started", time_human(a, sqlite3_column_int64(st, 1)));
		tv_set_str(row, "seen", time_human(a, sqlite3_column_int64(st, 2)));
		tv_set_str(row, "ip", db_col_text(st, 3));
		tv_set_str(row, "agent", agent_words(a, db_col_text(st, 4)));
		tv_set_bool(row, "current", sqlite3_column_int64(st, 0) ==
		    current);
	}
	db_done(st);
	return (rc);
}

/* One statement on a device cookie's digest, user and time. */
static int
device_query(struct db *db, const char *sql, const char *token,
    int64_t user_id, int64_t at, int64_t *count)
{
	unsigned char	 digest[AUTH_DIGEST_BYTES];
	sqlite3_stmt	*st;
	int		 rc;

	auth_digest(token, strlen(token), digest);
	if ((st = db_prep(db, sql)) == NULL)
		return (-1);
	sqlite3_bind_blob(st, 1, digest, sizeof(digest), SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_int64(st, 3, at);
	rc = db_step(st);
	if (count != NULL && rc == 1)
		*count = sqlite3_column_int64(st, 0);
	db_done(st);
	return (rc == -1 || (count != NULL && rc != 1) ? -1 : 0);
}

/*
 * Whether the browser holding device cookie token has signed in to
 * user_id within KNOWN_DEVICE_DAYS. 1 yes, 0 no, -1 on error.
 */
int
session_device_known(struct db *db, const char *token, int64_t user_id,
    int64_t now)
{
	int64_t	 n;

	if (token == NULL || strlen(token) != AUTH_TOKEN_LEN - 1)
		return (0);
	if (device_query(db, sql_device_known, token, user_id,
	    now - KNOWN_DEVICE_DAYS * 86400, &n) == -1)
		return (-1);
	return (n > 0);
}

/* The browser holding token signed in to user_id now. 0, or -1. */
int
session_device_note(struct db *db, const char *token, int64_t user_id,
    int64_t now)
{
	return (device_query(db, sql_device_note, token, user_id, now, NULL));
}
