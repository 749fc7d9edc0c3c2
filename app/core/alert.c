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
