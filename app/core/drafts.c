/*
 * drafts.c: words kept across a session that ran out (see drafts.h).
 *
 * The cookie's id is never stored, only its hash, so a copy of the
 * database cannot be used to claim a draft. Drafts older than DRAFT_TTL
 * (an account's: DRAFT_USER_TTL) are deleted whenever any draft is saved
 * or read. An account's draft is keyed "user:ID", which no hash is.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "drafts.h"

/*
 * The stored key of one id for owner: the id's digest in hex, never the
 * id, and whose. Two people on one browser each keep their own words
 * under its one cookie.
 */
#define DRAFT_KEY_LEN	(2 * AUTH_DIGEST_BYTES + 24)

static void
draft_key(const char *id, int64_t owner, char *key, size_t len)
{
	char	 hex[2 * AUTH_DIGEST_BYTES + 1];

	auth_digest_hex(id, hex, sizeof(hex));
	(void)snprintf(key, len, "%s:%lld", hex, (long long)owner);
}

static int	load_key(struct db *, struct arena *, const char *, int64_t,
		    int64_t, struct view_input *);

static int
prune(struct db *db, int64_t now)
{
	return (db_exec(db, "DELETE FROM drafts WHERE created_at <= ?1 - "
	    "CASE WHEN user_id IS NULL THEN ?2 ELSE ?3 END", "iii", now,
	    (int64_t)DRAFT_TTL, (int64_t)DRAFT_USER_TTL));
}

/*
 * Keep in's words under id for owner, the account whose session ran out
 * as they were typed, replacing any draft there. 0 on success.
 */
int
drafts_save(struct db *db, const char *id, int64_t owner,
    const struct view_input *in, int64_t now)
{
	char	 key[DRAFT_KEY_LEN];

	if (id == NULL || *id == '\0' || owner <= 0 || prune(db, now) == -1)
		return (-1);
	draft_key(id, owner, key, sizeof(key));
	return (db_exec(db, "INSERT OR REPLACE INTO drafts (key, category_id, "
	    "title, body, better, share, publish, created_at, owner_id) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "tItttdtii", key,
	    in->category_id, in->title ? in->title : "", in->body ? in->body :
	    "", in->better ? in->better : "", in->share, in->publish ?
	    in->publish : "no", now, owner) == -1 ? -1 : 0);
}

/*
 * The draft under id if it is owner's, its text copied into arena: 1
 * found, 0 none (or too old, or someone else's), -1 on error.
 */
int
drafts_load(struct db *db, struct arena *arena, const char *id,
    int64_t owner, int64_t now, struct view_input *in)
{
	char	 key[DRAFT_KEY_LEN];

	memset(in, 0, sizeof(*in));
	if (id == NULL || *id == '\0' || owner <= 0)
		return (0);
	draft_key(id, owner, key, sizeof(key));
	return (load_key(db, arena, key, owner, now, in));
}

/* The draft stored under key for owner (0: an account's own; see
 * drafts_load). */
static int
load_key(struct db *db, struct arena *arena, const char *key, int64_t owner,
    int64_t now, struct view_input *in)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(in, 0, sizeof(*in));
	if (prune(db, now) == -1)
		return (-1);
	st = db_query(db, "SELECT coalesce(category_id, 0), title, body, "
	    "better, share, publish FROM drafts WHERE key = ?1 AND "
	    "coalesce(owner_id, 0) = ?2", "ti", key, owner);
	if (st == NULL)
		return (-1);
	if ((rc = db_step(st)) == 1) {
		in->category_id = sqlite3_column_int64(st, 0);
		in->title = arena_strdup(arena, db_col_text(st, 1));
		in->body = arena_strdup(arena, db_col_text(st, 2));
		in->better = arena_strdup(arena, db_col_text(st, 3));
		in->share = sqlite3_column_int(st, 4) != 0;
		in->publish = arena_strdup(arena, db_col_text(st, 5));
	}
	db_done(st);
	return (rc);
}

/* Forget owner's draft under id: 1 gone, 0 there was none, -1 error. */
int
drafts_delete(struct db *db, const char *id, int64_t owner)
{
	char	 key[DRAFT_KEY_LEN];

	if (id == NULL || *id == '\0' || owner <= 0)
		return (0);
	draft_key(id, owner, key, sizeof(key));
	if (db_exec(db, "DELETE FROM drafts WHERE key = ?1 AND owner_id = ?2",
	    "ti", key, owner) == -1)
		return (-1);
	return (db_changes(db) > 0);
}

/* Keep in's words as user's one draft ("Save for later"). 0 or -1. */
int
drafts_user_save(struct db *db, int64_t user, const struct view_input *in,
    int64_t now)
{
	char	 key[32];

	if (user <= 0 || prune(db, now) == -1)
		return (-1);
	(void)snprintf(key, sizeof(key), "user:%lld", (long long)user);
	return (db_exec(db, "INSERT OR REPLACE INTO drafts (key, category_id, "
	    "title, body, better, share, publish, created_at, user_id) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "tItttdtii", key,
	    in->category_id, in->title ? in->title : "", in->body ? in->body :
	    "", in->better ? in->better : "", in->share, in->publish ?
	    in->publish : "no", now, user) == -1 ? -1 : 0);
}

/* user's draft, copied into arena: 1 found, 0 none, -1 on error. */
int
drafts_user_load(struct db *db, struct arena *arena, int64_t user,
    int64_t now, struct view_input *in)
{
	char	 key[32];

	(void)snprintf(key, sizeof(key), "user:%lld", (long long)user);
	return (load_key(db, arena, key, 0, now, in));
}

/* A draft's words in short (hex of a digest of them) into tag. */
void
drafts_tag(const struct view_input *d, char *tag)
{
	struct buf	 all;

	buf_init(&all, 256);
	/* Parted by a character no form field may hold. */
	buf_appendf(&all, "%s\x1f%s\x1f%s", d->title ? d->title : "",
	    d->body ? d->body : "", d->better ? d->better : "");
	auth_digest_hex(buf_cstr(&all), tag, DRAFT_TAG_LEN);
	buf_free(&all);
}

/*
 * Forget user's draft if it still holds the words tagged: sent from a
 * form that held them. Words saved since (another tab) stay. 0, or -1.
 */
int
drafts_user_delete_tagged(struct db *db, int64_t user, const char *tag)
{
	struct view_input	 d;
	sqlite3_stmt		*st;
	char			 now[DRAFT_TAG_LEN];
	int			 rc;

	st = db_query(db, "SELECT title, body, better FROM drafts "
	    "WHERE user_id = ?1", "i", user);
	memset(&d, 0, sizeof(d));
	now[0] = '\0';
	if ((rc = db_step(st)) == 1) {
		d.title = db_col_text(st, 0);
		d.body = db_col_text(st, 1);
		d.better = db_col_text(st, 2);
		drafts_tag(&d, now);
	}
	db_done(st);
	if (rc != 1)
		return (rc);
	if (tag == NULL || strcmp(tag, now) != 0)
		return (0);
	return (drafts_user_delete(db, user));
}

/* Forget user's draft, if any. 0 on success. */
int
drafts_user_delete(struct db *db, int64_t user)
{
	return (db_exec(db, "DELETE FROM drafts WHERE user_id = ?", "i",
	    user) == -1 ? -1 : 0);
}
