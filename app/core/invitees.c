/*
 * invitees.c: see invitees.h. Every change is one transaction with its
 * audit row; the minutes' messages are written in the caller's
 * transaction (meeting_publish), so they exist exactly when the minutes
 * are published.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "invitees.h"
#include "outbox.h"
#include "settings.h"
#include "timefmt.h"

#define INVITEES_MAX	200	/* per meeting: a room, not a mailing list */

const char *const invitee_attendance_keys[] = {
	"attended", "apologies", "absent", NULL,
};

static const char *const attendance_labels[] = {
	"Attended", "Sent apologies", "Did not come",
};
/* The same, said to the young person themselves. */
static const char *const attendance_yours[] = {
	"You came", "You said you could not come", "You did not come",
};

static const char *sql_invited =
	"SELECT count(*) FROM meeting_invitees WHERE meeting_id = ?1 "
	"AND user_id = ?2";
static const char *sql_account =
	"SELECT role FROM users WHERE id = ?1 AND role != 'admin' "
	"AND disabled_at IS NULL AND closed_at IS NULL";
/* An address given before for this account is used again. */
static const char *sql_last_email =
	"SELECT email FROM meeting_invitees WHERE user_id = ?1 "
	"AND email != '' ORDER BY id DESC LIMIT 1";
static const char *sql_count =
	"SELECT count(*) FROM meeting_invitees WHERE meeting_id = ?1";
static const char *sql_add =
	"INSERT INTO meeting_invitees (meeting_id, user_id, guest_name, "
	"guest_role, email, added_at, added_by) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char *sql_remove =
	"DELETE FROM meeting_invitees WHERE id = ?1 AND meeting_id = ?2";
static const char *sql_ids =
	"SELECT id FROM meeting_invitees WHERE meeting_id = ?1 ORDER BY id";
static const char *sql_starts =
	"SELECT starts_at FROM meetings WHERE id = ?1";
static const char *sql_attend =
	"UPDATE meeting_invitees SET attendance = ?3 WHERE id = ?1 "
	"AND meeting_id = ?2";
/* Staff and guests first, then young people; each by name. */
static const char *sql_list =
	"SELECT mi.id, coalesce(u.role, ''), "
	"CASE WHEN mi.user_id IS NOT NULL THEN u.display_name "
	"WHEN mi.guest_name != '' THEN mi.guest_name "
	"ELSE 'Deleted account' END, mi.guest_role, mi.email, mi.attendance, "
	"mi.user_id IS NULL AND mi.guest_name != '', coalesce(mi.user_id, 0) "
	"FROM meeting_invitees mi LEFT JOIN users u ON u.id = mi.user_id "
	"WHERE mi.meeting_id = ?1 "
	"ORDER BY coalesce(u.role, '') = 'young_person', 3, mi.id";
static const char *sql_options =
	"SELECT u.id, u.display_name || ' (' || CASE u.role "
	"WHEN 'councillor' THEN 'Councillor' "
	"WHEN 'participation_worker' THEN 'Participation worker' "
	"ELSE 'Young person' END || ')' FROM users u "
	"WHERE u.role != 'admin' AND u.disabled_at IS NULL "
	"AND u.closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
	"meeting_invitees mi WHERE mi.meeting_id = ?1 AND mi.user_id = u.id) "
	"ORDER BY u.role = 'young_person', u.role, u.display_name LIMIT 500";
static const char *sql_told =
	"SELECT mi.user_id, mi.email, u.role FROM meeting_invitees mi "
	"JOIN users u ON u.id = mi.user_id WHERE mi.meeting_id = ?1 "
	"AND u.disabled_at IS NULL AND u.closed_at IS NULL ORDER BY mi.id";
static const char *sql_title =
	"SELECT title, starts_at FROM meetings WHERE id = ?1";
static const char *sql_notify =
	"INSERT INTO notifications (user_id, at, text, link) "
	"VALUES (?1, ?2, ?3, ?4)";

/*
 * May this account see this meeting (its place, link, agenda, minutes)?
 * Workers and admins run the meetings; young people are the council's
 * members and see every meeting; a councillor only those they are
 * invited to. 1 yes, 0 no, -1 error.
 */
int
invitee_can_see(struct db *db, int64_t meeting, int64_t user, enum role r)
{
	int64_t	 n;

	if (r == ROLE_WORKER || r == ROLE_ADMIN || r == ROLE_YOUNG)
		return (1);
	if (r != ROLE_COUNCILLOR)
		return (0);
	if (db_int(db, &n, sql_invited, "ii", meeting, user) != 1)
		return (-1);
	return (n > 0);
}

static int
room_left(struct db *db, int64_t meeting)
{
	int64_t	 n;

	if (db_int(db, &n, sql_count, "i", meeting) != 1)
		return (-1);
	return (n < INVITEES_MAX);
}


/* Why account user cannot be invited (NULL: they can). In a transaction. */
static int
account_refused(struct db *db, int64_t meeting, int64_t user,
    const char *email, struct buf *role, const char **why)
{
	int64_t	 n;
	int	 rc;

	*why = NULL;
	if ((rc = db_text(db, role, sql_account, "i", user)) != 1) {
		*why = "Choose someone from the list.";
		return (rc);
	}
	if (strcmp(buf_cstr(role), "young_person") == 0 && *email != '\0') {
		*why = "We never keep a young person's email address. Leave "
		    "the email empty: they see the minutes when they sign in.";
		return (0);
	}
	if (db_int(db, &n, sql_invited, "ii", meeting, user) != 1)
		return (-1);
	if (n > 0) {
		*why = "They are already invited.";
		return (0);
	}
	if ((rc = room_left(db, meeting)) == 0)
		*why = "This meeting already has as many invitees as it can "
		    "hold.";
	return (rc);
}

/*
 * Invite an account, with an address for the minutes' link (staff only;
 * empty: the last one given for them, if any). 0 done, 1 refused with
 * *why in plain words, -1 error.
 */
int
invitee_add_account(struct db *db, const struct actor *who, int64_t meeting,
    int64_t user, const char *email, int64_t now, const char **why)
{
	struct buf	 role, last;
	int		 ok;

	if (db_begin(db) == -1)
		return (-1);
	buf_init(&role, 32);
	buf_init(&last, 64);
	ok = account_refused(db, meeting, user, email, &role, why) != -1;
	if (ok && *why == NULL && *email == '\0' &&
	    strcmp(buf_cstr(&role), "young_person") != 0) {
		ok = db_text(db, &last, sql_last_email, "i", user) != -1;
		email = buf_cstr(&last);
	}
	if (ok && *why == NULL)
		ok = db_exec(db, sql_add, "iitttiI", meeting, user, "", "",
		    email, now, who->id) == 0 && audit_write(db, who,
		    "meeting.invite", "meeting", meeting, buf_cstr(&role)) == 0;
	buf_free(&role);
	buf_free(&last);
	if (ok && *why != NULL) {
		db_rollback(db);
		return (1);
	}
	return (db_end(db, ok));
}

/* A named guest with no account ("Head of Virtual School"). 0, 1 full, -1. */
int
invitee_add_guest(struct db *db, const struct actor *who, int64_t meeting,
    const char *name, const char *role, int64_t now)
{
	int	 rc;

	if (db_begin(db) == -1)
		return (-1);
	if ((rc = room_left(db, meeting)) != 1) {
		db_rollback(db);
		return (rc == 0 ? 1 : -1);
	}
	return (db_end(db, db_exec(db, sql_add, "intttiI", meeting, name, role,
	    "", now, who->id) == 0 && audit_write(db, who, "meeting.invite",
	    "meeting", meeting, "guest") == 0));
}

/* Take someone off the list. 0, or -1 (also if not this meeting's). */
int
invitee_remove(struct db *db, const struct actor *who, int64_t meeting,
    int64_t invitee)
{
	if (db_begin(db) == -1)
		return (-1);
	return (db_end(db, db_exec(db, sql_remove, "ii", invitee, meeting) ==
	    0 && db_changes(db) == 1 && audit_write(db, who,
	    "meeting.uninvite", "meeting", meeting, "") == 0));
}

/* Up to max invitee ids of meeting into out: how many, or -1. */
int
invitee_ids(struct db *db, int64_t meeting, int64_t *out, int max)
{
	sqlite3_stmt	*st;
	int		 rc, n;

	n = 0;
	st = db_query(db, sql_ids, "i", meeting);
	while (n < max && (rc = db_step(st)) == 1)
		out[n++] = sqlite3_column_int64(st, 0);
	db_done(st);
	return (n < max && rc == -1 ? -1 : n);
}

/*
 * Who came, recorded once the meeting has begun: states[i] is one of
 * invitee_attendance_keys or "" for ids[i]. 0 saved, 1 the meeting has
 * not started yet, -1 error (also an id not of this meeting).
 */
int
invitee_attendance(struct db *db, const struct actor *who, int64_t meeting,
    const int64_t *ids, const char *const *states, int n, int64_t now)
{
	int64_t	 starts;
	int	 i, ok;

	if (db_int(db, &starts, sql_starts, "i", meeting) != 1)
		return (-1);
	if (starts > now)
		return (1);
	if (db_begin(db) == -1)
		return (-1);
	for (ok = 1, i = 0; ok && i < n; i++)
		ok = db_exec(db, sql_attend, "iit", ids[i], meeting,
		    states[i]) == 0 && db_changes(db) == 1;
	return (db_end(db, ok && audit_write(db, who, "meeting.attendance",
	    "meeting", meeting, "") == 0));
}

static int
attendance_index(const char *key)
{
	int	 i;

	for (i = 0; invitee_attendance_keys[i] != NULL; i++)
		if (strcmp(invitee_attendance_keys[i], key) == 0)
			return (i);
	return (-1);
}

/*
 * The invitees into ctx "invitees". Staff who run meetings (full) see
 * everyone, the addresses and who came, with plain counts ("att_counts");
 * anyone else sees the adults invited and never who came, but a young
 * person (viewer) is told of their own invitation, and whether they came
 * ("you_invited", "you_came").
 */
int
invitee_list(struct db *db, int64_t meeting, int full, int64_t viewer,
    struct tval *ctx)
{
	struct tval	*list, *row;
	sqlite3_stmt	*st;
	const char	*role;
	int64_t		 counts[4] = { 0, 0, 0, 0 };
	int		 rc, i, young;

	list = tv_set_list(ctx, "invitees");
	st = db_query(db, sql_list, "i", meeting);
	while ((rc = db_step(st)) == 1) {
		/* No account and no guest: a purged young person's row. */
		role = db_col_text(st, 1);
		if (*role == '\0' && !sqlite3_column_int(st, 6))
			role = "young_person";
		young = strcmp(role, "young_person") == 0;
		if (young && !full && viewer > 0 &&
		    sqlite3_column_int64(st, 7) == viewer) {
			tv_set_bool(ctx, "you_invited", 1);
			if ((i = attendance_index(db_col_text(st, 5))) >= 0)
				tv_set_str(ctx, "you_came",
				    attendance_yours[i]);
		}
		if (young && !full)
			continue;
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "name", db_col_text(st, 2));
		tv_set_str(row, "what", sqlite3_column_int(st, 6) ?
		    db_col_text(st, 3) : role_label(role_parse(role)));
		tv_set_bool(row, "guest", sqlite3_column_int(st, 6));
		if (!full)
			continue;
		tv_set_str(row, "email", db_col_text(st, 4));
		i = attendance_index(db_col_text(st, 5));
		counts[i + 1]++;
		if (i >= 0) {
			tv_set_str(row, "came", attendance_labels[i]);
			tv_set_bool(row, arena_printf(tv_arena(row), "is_%s",
			    invitee_attendance_keys[i]), 1);
		}
	}
	db_done(st);
	if (rc == -1)
		return (-1);
	tv_set_bool(ctx, "any_invitees", tv_count(list) > 0);
	if (full) {
		row = tv_set_map(ctx, "att_counts");
		tv_set_int(row, "attended", counts[1]);
		tv_set_int(row, "apologies", counts[2]);
		tv_set_int(row, "absent", counts[3]);
		tv_set_int(row, "unrecorded", counts[0]);
	}
	return (0);
}

/* Accounts a worker may invite, not yet invited, into list. */
int
invitee_options(struct db *db, int64_t meeting, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_options, "i", meeting);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "name", db_col_text(st, 1));
	}
	db_done(st);
	return (rc);
}

/*
 * The minutes are published: every invited account hears in the portal,
 * and each staff address given gets the link by email (never the
 * minutes' text). In the caller's transaction. 0 or -1.
 */
int
invitee_minutes_out(struct db *db, int64_t meeting, int64_t now)
{
	struct arena	 a;
	struct buf	 told;
	sqlite3_stmt	*st;
	const char	*site, *link, *text, *body, *title, *email;
	size_t		 n, off;
	int64_t		 starts, user;
	int		 rc, ok;

	arena_init(&a);
	buf_init(&told, 256);
	st = db_query(db, sql_title, "i", meeting);
	if ((rc = db_step(st)) == 1) {
		title = arena_strdup(&a, db_col_text(st, 0));
		starts = sqlite3_column_int64(st, 1);
	}
	db_done(st);
	if (rc != 1) {
		arena_free(&a);
		buf_free(&told);
		return (-1);
	}
	/* Read first: no statement open while writing. */
	st = db_query(db, sql_told, "i", meeting);
	while ((rc = db_step(st)) == 1) {
		user = sqlite3_column_int64(st, 0);
		email = strcmp(db_col_text(st, 2), "young_person") == 0 ? "" :
		    db_col_text(st, 1);
		buf_append(&told, &user, sizeof(user));
		buf_puts(&told, email);
		buf_append(&told, "", 1);
	}
	db_done(st);
	site = settings_text(db, &a, "site_url", "");
	n = strlen(site);
	while (n > 0 && site[n - 1] == '/')
		n--;
	link = arena_printf(&a, "/meetings/%lld", (long long)meeting);
	/* The same message for young people and staff: "notes", a word a
	 * young person knows, not "minutes". */
	text = arena_printf(&a, "The notes of the meeting \"%s\" on %s are "
	    "ready to read", title, time_date(&a, starts));
	body = arena_printf(&a, "The minutes of %s on %s are ready on the "
	    "Care Council portal.\n\nSign in to read them: %.*s%s\n\nThis "
	    "email never holds the minutes themselves.\n", title,
	    time_date(&a, starts), (int)n, site, link);
	ok = rc == 0;
	for (off = 0; ok && off < told.len; off += strlen(email) + 1) {
		memcpy(&user, told.data + off, sizeof(user));
		off += sizeof(user);
		email = told.data + off;
		ok = db_exec(db, sql_notify, "iitt", user, now, text, link) ==
		    0 && (*email == '\0' || outbox_queue(db, email,
		    "The minutes of a meeting are ready", body, now) == 0);
	}
	arena_free(&a);
	buf_free(&told);
	return (ok ? 0 : -1);
}
