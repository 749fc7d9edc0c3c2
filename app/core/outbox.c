/*
 * outbox.c: the outbox table (see outbox.h).
 *
 * A sender takes a message by pushing its next attempt one lease ahead
 * and counting the attempt, in one statement: two senders (the server's
 * timer and portalctl mail-send from cron) never take the same message,
 * and a sender that dies mid-send leaves it to be tried again once the
 * lease runs out. Delivery is therefore at least once, never never.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "outbox.h"
#include "settings.h"
#include "timefmt.h"

static const char *sql_queue =
	"INSERT INTO outbox (recipient, subject, body, created_at, "
	"next_attempt_at) VALUES (?1, ?2, ?3, ?4, max(?4, ?5))";
static const char *sql_take =
	"UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?2 "
	"WHERE id IN (SELECT id FROM outbox WHERE state = 'queued' AND "
	"next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?3) "
	"RETURNING id, attempts, recipient, subject, body";
static const char *sql_sent =
	"UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = '' "
	"WHERE id = ?1";
static const char *sql_retry =
	"UPDATE outbox SET next_attempt_at = ?2, last_error = ?3 "
	"WHERE id = ?1 AND state = 'queued'";
static const char *sql_give_up =
	"UPDATE outbox SET state = 'failed', last_error = ?2 "
	"WHERE id = ?1 AND state = 'queued'";
static const char *sql_due =
	"SELECT count(*) FROM outbox "
	"WHERE state = 'queued' AND next_attempt_at <= ?1";
static const char *sql_list =
	"SELECT id, recipient, subject, state, attempts, created_at, "
	"next_attempt_at, coalesce(sent_at, 0), last_error "
	"FROM outbox ORDER BY id DESC LIMIT ?1";
static const char *sql_requeue =
	"UPDATE outbox SET state = 'queued', attempts = 0, "
	"next_attempt_at = ?1 WHERE state = 'failed'";
static const char *sql_counts =
	"SELECT count(*) FILTER (WHERE state = 'queued'), "
	"count(*) FILTER (WHERE state = 'sent'), "
	"count(*) FILTER (WHERE state = 'failed') FROM outbox";

/*
 * Queue one message, to go at once, or not before after. Runs in the
 * caller's transaction. 0 or -1.
 */
static int
queue_at(struct db *db, const char *to, const char *subject,
    const char *body, int64_t now, int64_t after)
{
	if (to == NULL || *to == '\0' || strlen(to) > OUTBOX_ADDR_MAX ||
	    strlen(subject) > OUTBOX_SUBJECT_MAX)
		return (-1);
	return (db_exec(db, sql_queue, "tttii", to, subject, body, now,
	    after));
}

int
outbox_queue(struct db *db, const char *to, const char *subject,
    const char *body, int64_t now)
{
	return (queue_at(db, to, subject, body, now, now));
}

/*
 * Take up to max due messages into out (each to be freed with
 * outbox_msg_free). Returns how many, or -1.
 */
int
outbox_take(struct db *db, int64_t now, struct outbox_msg *out, int max)
{
	sqlite3_stmt	*st;
	int		 rc, n;

	n = 0;
	st = db_query(db, sql_take, "iii", now, now + OUTBOX_LEASE,
	    (int64_t)max);
	while ((rc = db_step(st)) == 1) {
		if (n == max)
			continue;
		out[n].id = sqlite3_column_int64(st, 0);
		out[n].attempts = sqlite3_column_int(st, 1);
		(void)snprintf(out[n].recipient, sizeof(out[n].recipient),
		    "%s", db_col_text(st, 2));
		(void)snprintf(out[n].subject, sizeof(out[n].subject), "%s",
		    db_col_text(st, 3));
		buf_init(&out[n].body, 512);
		buf_puts(&out[n].body, db_col_text(st, 4));
		(void)buf_cstr(&out[n].body);	/* body.data ends in NUL */
		n++;
	}
	db_done(st);
	if (rc == -1) {
		while (n > 0)
			outbox_msg_free(&out[--n]);
		return (-1);
	}
	return (n);
}

void
outbox_msg_free(struct outbox_msg *m)
{
	buf_free(&m->body);
}

int
outbox_sent(struct db *db, int64_t id, int64_t now)
{
	return (db_exec(db, sql_sent, "ii", id, now));
}

/*
 * Seconds to wait after the given number of failed attempts: doubling
 * from OUTBOX_BACKOFF_FIRST, never more than OUTBOX_BACKOFF_CAP.
 */
int64_t
outbox_backoff(int attempts)
{
	int64_t	 wait;

	wait = OUTBOX_BACKOFF_FIRST;
	while (--attempts > 0 && wait < OUTBOX_BACKOFF_CAP)
		wait *= 2;
	return (wait < OUTBOX_BACKOFF_CAP ? wait : OUTBOX_BACKOFF_CAP);
}

/*
 * An attempt failed with err (words only, no secrets): due again after
 * the back-off, or given up for good after OUTBOX_ATTEMPTS_MAX tries.
 */
int
outbox_retry(struct db *db, int64_t id, int attempts, int64_t now,
    const char *err)
{
	char	 why[OUTBOX_ERROR_MAX + 1];

	(void)snprintf(why, sizeof(why), "%s", err ? err : "");
	if (attempts >= OUTBOX_ATTEMPTS_MAX)
		return (db_exec(db, sql_give_up, "it", id, why));
	return (db_exec(db, sql_retry, "iit", id, now + outbox_backoff(
	    attempts), why));
}

/*
 * Every message that failed for good is due again now, with its tries
 * counted afresh (an admin has fixed the settings). How many, or -1.
 */
int
outbox_requeue_failed(struct db *db, const struct actor *who, int64_t now)
{
	int	 n;

	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_requeue, "i", now) != 0) {
		db_rollback(db);
		return (-1);
	}
	n = db_changes(db);
	return (db_end(db, audit_write(db, who, "outbox.retry", "outbox", 0,
	    "") == 0) == 0 ? n : -1);
}

/* How many messages are due now, or -1. */
int64_t
outbox_due(struct db *db, int64_t now)
{
	int64_t	 n;

	return (db_int(db, &n, sql_due, "i", now) == 1 ? n : -1);
}

static const char *
state_words(const char *state)
{
	if (strcmp(state, "sent") == 0)
		return ("Sent");
	if (strcmp(state, "failed") == 0)
		return ("Failed for good");
	return ("Waiting to send");
}

/* The newest limit messages, for admins: no bodies. How many, or -1. */
int
outbox_list(struct db *db, struct tval *list, int limit)
{
	struct tval	*row;
	struct arena	*a;
	sqlite3_stmt	*st;
	int		 rc, n;

	n = 0;
	st = db_query(db, sql_list, "i", (int64_t)limit);
	while ((rc = db_step(st)) == 1) {
		n++;
		row = tv_push_map(list);
		a = tv_arena(row);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "recipient", db_col_text(st, 1));
		tv_set_str(row, "subject", db_col_text(st, 2));
		tv_set_str(row, "state", db_col_text(st, 3));
		tv_set_str(row, "state_words", state_words(db_col_text(st,
		    3)));
		tv_set_bool(row, "queued", strcmp(db_col_text(st, 3),
		    "queued") == 0);
		tv_set_int(row, "attempts", sqlite3_column_int64(st, 4));
		tv_set_str(row, "created", time_human(a,
		    sqlite3_column_int64(st, 5)));
		tv_set_str(row, "next_attempt", time_human(a,
		    sqlite3_column_int64(st, 6)));
		tv_set_str(row, "sent", time_human(a,
		    sqlite3_column_int64(st, 7)));
		tv_set_str(row, "last_error", db_col_text(st, 8));
	}
	db_done(st);
	return (rc == -1 ? -1 : n);
}

/* queued, sent and failed counts into ctx. 0 or -1. */
int
outbox_counts(struct db *db, struct tval *ctx)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_counts, "");
	if ((rc = db_step(st)) == 1) {
		tv_set_int(ctx, "queued", sqlite3_column_int64(st, 0));
		tv_set_int(ctx, "sent", sqlite3_column_int64(st, 1));
		tv_set_int(ctx, "failed", sqlite3_column_int64(st, 2));
		tv_set_bool(ctx, "failed_any", sqlite3_column_int64(st, 2) > 0);
	}
	db_done(st);
	return (rc == 1 ? 0 : -1);
}

/*
 * A plain address (len bytes of s): printable ASCII, one @ with text on
 * both sides, nothing that could end a header or an SMTP path.
 */
int
outbox_addr_ok(const char *s, size_t len)
{
	size_t	 i, at;

	if (len < 3 || len > OUTBOX_ADDR_MAX)
		return (0);
	at = len;
	for (i = 0; i < len; i++) {
		if (s[i] <= ' ' || s[i] >= 127 ||
		    strchr("<>()[],;:\"\\", s[i]) != NULL)
			return (0);
		if (s[i] == '@') {
			if (at != len)
				return (0);
			at = i;
		}
	}
	return (at > 0 && at < len - 1);
}

/* NULL if list is empty or addresses separated by commas, else why not. */
const char *
outbox_addrs_problem(const char *list)
{
	const char	*p, *end;

	for (p = list; *p != '\0'; p = *end ? end + 1 : end) {
		while (*p == ' ')
			p++;
		if ((end = strchr(p, ',')) == NULL)
			end = p + strlen(p);
		while (end > p && end[-1] == ' ')
			end--;
		if (end > p && !outbox_addr_ok(p, (size_t)(end - p)))
			return ("Enter email addresses like "
			    "safeguarding@example.gov.uk, separated by "
			    "commas.");
		while (*end == ' ')
			end++;
	}
	return (NULL);
}

/*
 * One email to each address in the comma-separated list (a settings
 * value). 0 or -1.
 */
int
outbox_queue_list(struct db *db, const char *list, const char *subject,
    const char *body, int64_t now)
{
	return (outbox_queue_list_after(db, list, subject, body, now, now));
}

/* The same, to go not before after. */
int
outbox_queue_list_after(struct db *db, const char *list, const char *subject,
    const char *body, int64_t now, int64_t after)
{
	const char	*item;
	char		 addr[OUTBOX_ADDR_MAX + 1];
	size_t		 len;

	while ((item = settings_list_item(&list, &len)) != NULL) {
		/* A bad address is refused on the settings page; one that
		 * got in anyway must not stop the others. */
		if (!outbox_addr_ok(item, len))
			continue;
		(void)snprintf(addr, sizeof(addr), "%.*s", (int)len, item);
		if (queue_at(db, addr, subject, body, now, after) != 0)
			return (-1);
	}
	return (0);
}
