/*
 * alert.c: see alert.h. Runs inside the caller's transaction (the one
 * that opens the concern), so the alert exists exactly when the concern
 * does: no BEGIN here.
 */
#include <stdio.h>
#include <string.h>

#include "alert.h"
#include "arena.h"
#include "outbox.h"
#include "settings.h"

static const char *sql_notify_staff =
	"INSERT INTO notifications (user_id, at, text, link) "
	"SELECT id, ?1, ?2, ?3 FROM users "
	"WHERE role IN ('participation_worker', 'admin') "
	"AND disabled_at IS NULL AND closed_at IS NULL";

/*
 * A flood (alert_flood_concern): each worker's and admin's unread note
 * of a flood from the last hour is brought to the top, instead of a new
 * note for every concern; those without one (or who have read it) get
 * one.
 */
#define FLOOD_TEXT							\
	"New concerns keep coming in, many from one place: open the "	\
	"safeguarding list, newest first"
#define FLOOD_LINK	"/safeguarding?order=newest"
#define FLOOD_SUBJECT	"More concerns are waiting"
#define FLOOD_EMAIL_GAP	600	/* seconds between flood emails */
static const char *sql_flood_bump =
	"UPDATE notifications SET at = ?1 WHERE read_at IS NULL AND "
	"text = ?2 AND link = ?3 AND at >= ?1 - 3600";
static const char *sql_flood_note =
	"INSERT INTO notifications (user_id, at, text, link) "
	"SELECT id, ?1, ?2, ?3 FROM users u "
	"WHERE role IN ('participation_worker', 'admin') "
	"AND disabled_at IS NULL AND closed_at IS NULL AND NOT EXISTS "
	"(SELECT 1 FROM notifications n WHERE n.user_id = u.id AND "
	"n.read_at IS NULL AND n.at = ?1 AND n.link = ?3)";
static const char *sql_flood_mail_waits =
	"SELECT count(*) FROM outbox WHERE state = 'queued' AND subject = ?1 "
	"AND next_attempt_at > ?2";
static const char *sql_flood_mail_last =
	"SELECT coalesce(max(created_at), 0) FROM outbox WHERE subject = ?1";

/* The site's address without a trailing slash. */
static size_t
site_len(const char *site)
{
	size_t	 n;

	n = strlen(site);
	while (n > 0 && site[n - 1] == '/')
		n--;
	return (n);
}

/*
 * A concern (concern_id) has opened: tell every active worker and admin
 * in the portal, and email the safeguarding addresses. 0 or -1.
 */
int
alert_new_concern(struct db *db, int64_t concern_id, int urgent, int64_t now)
{
	struct arena	 a;
	const char	*site, *list, *link, *body;
	int		 rc;

	arena_init(&a);
	link = arena_printf(&a, "/safeguarding/%lld", (long long)concern_id);
	rc = db_exec(db, sql_notify_staff, "itt", now, urgent ?
	    "A new urgent concern: open the safeguarding list" :
	    "A new concern: open the safeguarding list", link);
	site = settings_text(db, &a, "site_url", "");
	list = settings_text(db, &a, "safeguarding_emails", "");
	body = arena_printf(&a, "A new %sconcern is waiting on the Care "
	    "Council portal. Sign in to read it.\n\n%.*s%s\n\n"
	    "This email never holds what was written or who wrote it.\n",
	    urgent ? "urgent " : "", (int)site_len(site), site, link);
	if (rc == 0)
		rc = outbox_queue_list(db, list, urgent ?
		    "A new urgent concern is waiting" :
		    "A new concern is waiting", body, now);
	arena_free(&a);
	return (rc == 0 ? 0 : -1);
}

/*
 * A concern opened in a flood (concerns.c: many worrying messages from
 * one address in an hour): everyone is still told, but in one note each
 * that moves to the top, and in at most one email every FLOOD_EMAIL_GAP,
 * which waits until then if one went sooner. A concern is never left
 * untold: an email that covers it goes within ten minutes. 0 or -1.
 */
int
alert_flood_concern(struct db *db, int64_t now)
{
	struct arena	 a;
	const char	*site, *list, *body;
	int64_t		 waiting, last;
	int		 rc;

	if (db_exec(db, sql_flood_bump, "itt", now, FLOOD_TEXT,
	    FLOOD_LINK) != 0 || db_exec(db, sql_flood_note, "itt", now,
	    FLOOD_TEXT, FLOOD_LINK) != 0)
		return (-1);
	if (db_int(db, &waiting, sql_flood_mail_waits, "ti", FLOOD_SUBJECT,
	    now) != 1 || db_int(db, &last, sql_flood_mail_last, "t",
	    FLOOD_SUBJECT) != 1)
		return (-1);
	if (waiting > 0)
		return (0);
	arena_init(&a);
	site = settings_text(db, &a, "site_url", "");
	list = settings_text(db, &a, "safeguarding_emails", "");
	body = arena_printf(&a, "More concerns are waiting on the Care "
	    "Council portal, many of them from one place within an hour. "
	    "Sign in and read the list, newest first:\n\n%.*s%s\n\n"
	    "This email never holds what was written or who wrote it.\n",
	    (int)site_len(site), site, FLOOD_LINK);
	rc = outbox_queue_list_after(db, list, FLOOD_SUBJECT, body, now,
	    last + FLOOD_EMAIL_GAP);
	arena_free(&a);
	return (rc == 0 ? 0 : -1);
}
