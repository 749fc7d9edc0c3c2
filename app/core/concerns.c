/*
 * concerns.c: safeguarding concerns (see concerns.h).
 *
 * Opening a concern is written in the caller's transaction, next to the
 * item that raised it, so a flagged message and its concern are saved
 * together or not at all. Holding and closing are their own
 * transactions. The audit log records that a concern was opened, held
 * or closed, never the words in it nor the action written.
 */
#include <netinet/in.h>

#include <stdio.h>
#include <string.h>

#include "alert.h"
#include "auth.h"
#include "concerns.h"
#include "notify.h"
#include "safeguarding.h"
#include "settings.h"
#include "throttle.h"
#include "timefmt.h"
#include "utf8.h"
#include "views.h"

/* Where the item of a concern is now (NULL: gone), for its link. */
#define LINK_ID								\
	"CASE c.kind "							\
	"WHEN 'view' THEN (SELECT id FROM views WHERE id = c.item_id) "	\
	"WHEN 'pledge_comment' THEN (SELECT id FROM verdicts "		\
	"WHERE id = c.item_id) "					\
	"WHEN 'agenda_suggestion' THEN (SELECT meeting_id FROM "	\
	"agenda_suggestions WHERE id = c.item_id) "			\
	"WHEN 'account' THEN (SELECT id FROM users WHERE id = c.item_id) " \
	"WHEN 'answer_appeal' THEN (SELECT issue_id FROM answer_appeals " \
	"WHERE id = c.item_id) "					\
	"WHEN 'consult_answer' THEN (SELECT id FROM consultations "	\
	"WHERE id = c.item_id) "					\
	"END"
/* The author's name now, or as it was if the account has gone or been
 * wiped: the concern still says who the child is. */
#define AUTHOR								\
	"coalesce((SELECT display_name FROM users u WHERE "		\
	"u.id = c.author_id AND u.created_at <= c.created_at AND "	\
	"u.purged_at IS NULL), "					\
	"c.author_name)"
#define LIST_COLS							\
	"c.id, c.kind, " LINK_ID ", coalesce(c.author_id, 0), " AUTHOR	\
	", c.rules, c.source, c.urgent, c.created_at, "			\
	"coalesce(h.display_name, ''), coalesce(c.closed_at, 0), "	\
	"coalesce(r.display_name, ''), c.text, c.reason, "		\
	"coalesce(c.held_at, 0), coalesce(x.display_name, ''), "	\
	"coalesce(c.action, ''), coalesce(c.held_by, 0), "		\
	"length(c.text) "						\
	"FROM concerns c LEFT JOIN users h ON h.id = c.held_by "	\
	"LEFT JOIN users r ON r.id = c.raised_by "			\
	"LEFT JOIN users x ON x.id = c.closed_by "

static const char *sql_insert =
	"INSERT INTO concerns (kind, item_id, author_id, author_name, text, "
	"rules, source, raised_by, reason, urgent, created_at) VALUES "
	"(?1, ?2, ?3, coalesce((SELECT display_name FROM users WHERE "
	"id = ?3), ''), ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
/*
 * Worrying words sent without an account, by address (a digest of its
 * throttle address, as consult.c keeps them): how many opened a concern
 * this hour, and how many of those are still open.
 */
static const char *sql_origin_prune =
	"DELETE FROM worry_origins WHERE created_at < ?1";
static const char *sql_origin_counts =
	"SELECT count(*) FROM worry_origins WHERE origin = ?1 AND "
	"created_at >= ?2";
static const char *sql_origin_add =
	"INSERT INTO worry_origins (concern_id, origin, created_at) "
	"VALUES (?1, ?2, ?3)";
/* The lists a page at a time (?1 rows from ?2): every concern is on one. */
static const char *sql_open_list =
	"SELECT " LIST_COLS "WHERE c.closed_at IS NULL "
	"ORDER BY c.urgent DESC, c.created_at, c.id LIMIT ?1 OFFSET ?2";
static const char *sql_open_newest =
	"SELECT " LIST_COLS "WHERE c.closed_at IS NULL "
	"ORDER BY c.urgent DESC, c.created_at DESC, c.id DESC "
	"LIMIT ?1 OFFSET ?2";
static const char *sql_closed_list =
	"SELECT " LIST_COLS "WHERE c.closed_at IS NOT NULL "
	"ORDER BY c.closed_at DESC, c.id DESC LIMIT ?1 OFFSET ?2";
static const char *sql_count_closed =
	"SELECT count(*) FROM concerns WHERE closed_at IS NOT NULL";
static const char *sql_one =
	"SELECT " LIST_COLS "WHERE c.id = ?1";
static const char *sql_count_open =
	"SELECT count(*) FROM concerns WHERE closed_at IS NULL";
static const char *sql_count_kind =
	"SELECT count(*) FROM concerns WHERE closed_at IS NULL AND kind = ?1";
static const char *sql_state =
	"SELECT kind, coalesce(item_id, 0), closed_at IS NOT NULL "
	"FROM concerns WHERE id = ?1";
/* Only from the holder the worker's page showed (?4; -1: any). */
static const char *sql_hold =
	"UPDATE concerns SET held_by = ?2, held_at = ?3 "
	"WHERE id = ?1 AND closed_at IS NULL AND "
	"(?4 = -1 OR coalesce(held_by, 0) = ?4)";
static const char *sql_note =
	"INSERT INTO concern_notes (concern_id, author_id, author_name, "
	"text, created_at) VALUES (?1, ?2, coalesce((SELECT display_name "
	"FROM users WHERE id = ?2), ''), ?3, ?4)";
/* The same words from the same person a moment ago: a second press. */
static const char *sql_note_again =
	"SELECT count(*) FROM concern_notes WHERE concern_id = ?1 AND "
	"author_id = ?2 AND text = ?3 AND created_at > ?4 - 600";
static const char *sql_holder =
	"SELECT coalesce(held_by, 0) FROM concerns WHERE id = ?1";
static const char *sql_text_len =
	"SELECT length(text) FROM concerns WHERE id = ?1";
static const char *sql_notes =
	"SELECT coalesce((SELECT display_name FROM users u WHERE "
	"u.id = n.author_id AND u.purged_at IS NULL), n.author_name), "
	"n.text, n.created_at FROM concern_notes n WHERE n.concern_id = ?1 "
	"ORDER BY n.id";
static const char *sql_close =
	"UPDATE concerns SET closed_at = ?2, closed_by = ?3, action = ?4, "
	"held_by = coalesce(held_by, ?3), held_at = coalesce(held_at, ?2) "
	"WHERE id = ?1 AND closed_at IS NULL";
static const char *sql_for_item =
	"SELECT " LIST_COLS "WHERE c.kind = ?1 AND c.item_id = ?2 "
	"ORDER BY c.id";
static const char *sql_open_about =
	"SELECT count(*) FROM concerns WHERE kind = ?1 AND item_id = ?2 "
	"AND closed_at IS NULL";
static const char *sql_same_open =
	"SELECT count(*) FROM concerns WHERE kind = ?1 AND "
	"coalesce(item_id, 0) = ?2 AND text = ?3 AND closed_at IS NULL "
	"AND (?4 = 0 OR author_id = ?4)";
static const char *sql_unheld =
	"SELECT count(*) FROM concerns WHERE kind = ?1 AND item_id = ?2 "
	"AND closed_at IS NULL AND held_by IS NULL";

/* The words of each kind of item, for a concern a worker raises. */
static const char sql_item_view[] =
	"SELECT coalesce(author_id, 0), title || char(10) || body || "
	"CASE WHEN better != '' THEN char(10) || better ELSE '' END, id "
	"FROM views WHERE id = ?1";
static const char sql_item_comment[] =
	"SELECT user_id, comment, id FROM verdicts "
	"WHERE id = ?1 AND comment != ''";
static const char sql_item_suggestion[] =
	"SELECT user_id, text, meeting_id FROM agenda_suggestions "
	"WHERE id = ?1";
static const char sql_item_account[] =
	"SELECT id, '', id FROM users WHERE id = ?1";

static const char sql_item_appeal[] =
	"SELECT user_id, reason, issue_id FROM answer_appeals WHERE id = ?1";

static const struct {
	const char	*kind;
	const char	*label;
	const char	*sql;		/* author, text, link id */
	const char	*link;		/* then the link id */
} kinds[] = {
	{ CONCERN_VIEW, "A view", sql_item_view, "/moderation/" },
	{ CONCERN_COMMENT, "A comment on a promise", sql_item_comment,
	    "/moderation/comments#c" },
	{ CONCERN_SUGGESTION, "An agenda suggestion", sql_item_suggestion,
	    "/meetings/" },
	{ CONCERN_REPLY, "A reply", NULL, NULL },
	{ CONCERN_ACCOUNT, "An account", sql_item_account,
	    "/accounts#u" },
	{ CONCERN_APPEAL, "A request to look at an answer again",
	    sql_item_appeal, "/issues/" },
	{ CONCERN_CONSULT, "An answer to a consultation", NULL,
	    "/consultations/manage/" },
};

static int
kind_index(const char *kind)
{
	size_t	 i;

	for (i = 0; kind != NULL && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return ((int)i);
	return (-1);
}

const char *
concern_kind_label(const char *kind)
{
	int	 k;

	return ((k = kind_index(kind)) < 0 ? "Something" : kinds[k].label);
}

/*
 * Worrying words from nobody signed in (who acted with no account, from
 * an address): every one opens its concern, and someone is always told,
 * but past FLOOD_ALERTS an hour from one address they are told together
 * (alert_flood_concern: one note each that moves to the top, an email at
 * most every ten minutes), not once for each. A stream of them would
 * otherwise bury the workers' messages and the safeguarding inboxes.
 * *origin gets the address's key ("" when this is not such words);
 * 1 a flood, 0 not, -1 error.
 */
#define FLOOD_ALERTS	3

static int
anon_flood(struct db *db, const struct actor *who, const struct concern_in *in,
    int64_t now, char *origin, size_t len)
{
	char		 addr[INET6_ADDRSTRLEN + 8];
	int64_t		 seen;

	origin[0] = '\0';
	if (who == NULL || who->id != 0 || in->author_id != 0 ||
	    who->ip == NULL || *who->ip == '\0')
		return (0);
	throttle_addr_key(who->ip, addr, sizeof(addr));
	auth_digest_hex(addr, origin, len);
	if (db_exec(db, sql_origin_prune, "i", now - 3600) != 0)
		return (-1);
	if (db_int(db, &seen, sql_origin_counts, "ti", origin, now - 3600) !=
	    1)
		return (-1);
	return (seen >= settings_int(db, "anon_alerts_per_hour_address",
	    FLOOD_ALERTS));
}

/*
 * Open a concern; the caller holds the transaction. who is whoever acted
 * (the young person for a scan, the worker by hand). The concern's id,
 * or -1.
 */
int64_t
concern_open(struct db *db, const struct actor *who,
    const struct concern_in *in, int64_t now)
{
	struct buf	 reason;
	char		 origin[2 * AUTH_DIGEST_BYTES + 1];
	int64_t		 id;
	int		 worker, quiet, rc;

	worker = in->source != NULL && strcmp(in->source, "worker") == 0;
	if (kind_index(in->kind) < 0 || in->text == NULL ||
	    (worker && (in->reason == NULL || *in->reason == '\0')))
		return (-1);
	quiet = 0;
	if (!worker && (quiet = anon_flood(db, who, in, now, origin,
	    sizeof(origin))) == -1)
		return (-1);
	buf_init(&reason, 256);
	buf_puts(&reason, in->reason != NULL ? in->reason : "");
	if (quiet)
		buf_appendf(&reason, "%sSent without an account, from an "
		    "address that sent many worrying messages this hour: "
		    "told with the others (one message, and an email within "
		    "ten minutes), not on its own.", reason.len > 0 ? ". " :
		    "");
	rc = db_exec(db, sql_insert, "tIItttItdi", in->kind, in->item_id,
	    in->author_id, in->text, in->rules ? in->rules : "",
	    worker ? "worker" : "scan", worker ? in->raised_by : 0,
	    buf_cstr(&reason), in->urgent != 0, now);
	buf_free(&reason);
	if (rc != 0)
		return (-1);
	id = db_last_id(db);
	if (origin[0] != '\0' && db_exec(db, sql_origin_add, "iti", id,
	    origin, now) != 0)
		return (-1);
	/* Someone is told at once, in the same transaction: every worker
	 * and admin in the portal, and the safeguarding addresses by email
	 * (no words, no names). */
	if (audit_write(db, who, worker ? "concern.raise" : "concern.open",
	    "concern", id, in->kind) == -1 ||
	    (quiet ? alert_flood_concern(db, now) : alert_new_concern(db, id,
	    in->urgent != 0, now)) == -1)
		return (-1);
	return (id);
}

/*
 * Whether a concern about item with these very words is open already
 * (sent twice), from author if not 0: 1, 0, or -1.
 */
int
concern_open_same(struct db *db, const char *kind, int64_t item,
    int64_t author, const char *text)
{
	int64_t	 n;

	if (db_int(db, &n, sql_same_open, "titi", kind, item, text,
	    author) != 1)
		return (-1);
	return (n > 0);
}

/*
 * The scan matched text that author (who) sent as item: open its
 * concern. The caller holds the transaction that saves the item.
 */
int64_t
concern_scanned(struct db *db, const struct actor *who, const char *kind,
    int64_t item_id, const char *text, const char *rules, int64_t now)
{
	struct concern_in	 in;

	memset(&in, 0, sizeof(in));
	in.kind = kind;
	in.item_id = item_id;
	in.author_id = who != NULL ? who->id : 0;
	in.text = text;
	in.rules = rules;
	in.source = "scan";
	in.urgent = 1;
	return (concern_open(db, who, &in, now));
}

/*
 * Find the item a worker means: its author, its words (into text) and
 * where it is seen. 1 found, 0 not, -1 error.
 */
int
concern_item(struct db *db, const char *kind, int64_t item_id,
    struct concern_item *it, struct buf *text)
{
	sqlite3_stmt	*st;
	int		 k, rc;

	memset(it, 0, sizeof(*it));
	if ((k = kind_index(kind)) < 0 || kinds[k].sql == NULL)
		return (0);
	st = db_query(db, kinds[k].sql, "i", item_id);
	if ((rc = db_step(st)) == 1) {
		it->author_id = sqlite3_column_int64(st, 0);
		buf_puts(text, db_col_text(st, 1));
		(void)snprintf(it->link, sizeof(it->link), "%s%lld",
		    kinds[k].link, (long long)sqlite3_column_int64(st, 2));
		(void)snprintf(it->label, sizeof(it->label), "%s",
		    kinds[k].label);
	}
	db_done(st);
	return (rc);
}

/*
 * A worker raises a concern by hand about an item or an account, with
 * their reason. 0 with *id, 1 if there is no such item, -1 on error.
 */
int
concern_raise(struct db *db, const struct actor *who, const char *kind,
    int64_t item_id, const char *reason, int urgent, int64_t now,
    int64_t *id)
{
	struct concern_item	 it;
	struct concern_in	 in;
	struct buf		 text;
	int			 rc;

	buf_init(&text, 256);
	if ((rc = concern_item(db, kind, item_id, &it, &text)) != 1) {
		buf_free(&text);
		return (rc == 0 ? 1 : -1);
	}
	memset(&in, 0, sizeof(in));
	in.kind = kind;
	in.item_id = item_id;
	in.author_id = it.author_id;
	in.text = buf_cstr(&text);
	in.rules = "";
	in.source = "worker";
	in.raised_by = who->id;
	in.reason = reason;
	in.urgent = urgent;
	if (db_begin(db) == -1) {
		buf_free(&text);
		return (-1);
	}
	*id = concern_open(db, who, &in, now);
	rc = *id > 0 && (strcmp(kind, CONCERN_VIEW) != 0 ||
	    views_mark_read(db, who, item_id, now) == 0);
	buf_free(&text);
	return (db_end(db, rc) == 0 ? 0 : -1);
}

/* "2 days", "5 hours": how long a concern has waited. */
static const char *
age(struct arena *a, int64_t secs)
{
	if (secs < 3600)
		return (arena_printf(a, "%lld minute%s", (long long)(secs /
		    60), secs / 60 == 1 ? "" : "s"));
	if (secs < 2 * 86400)
		return (arena_printf(a, "%lld hour%s", (long long)(secs /
		    3600), secs / 3600 == 1 ? "" : "s"));
	return (arena_printf(a, "%lld days", (long long)(secs / 86400)));
}

/* One row of LIST_COLS into row. */
static void
put_row(sqlite3_stmt *st, int64_t now, struct tval *row)
{
	struct arena	*a = tv_arena(row);
	const char	*kind, *link;
	int64_t		 link_id, author, created;
	int		 k;

	tv_set_int(row, "id", sqlite3_column_int64(st, 0));
	kind = db_col_text(st, 1);
	k = kind_index(kind);
	tv_set_str(row, "about", concern_kind_label(kind));
	tv_set_bool(row, "is_account", strcmp(kind, CONCERN_ACCOUNT) == 0);
	link_id = sqlite3_column_int64(st, 2);
	link = k >= 0 && kinds[k].link != NULL && sqlite3_column_type(st, 2)
	    != SQLITE_NULL ? arena_printf(a, "%s%lld", kinds[k].link,
	    (long long)link_id) : NULL;
	if (link != NULL)
		tv_set_str(row, "link", link);
	else
		tv_set_bool(row, "gone", 1);
	author = sqlite3_column_int64(st, 3);
	tv_set_bool(row, "anonymous", author == 0);
	tv_set_str(row, "author", *db_col_text(st, 4) ? db_col_text(st, 4) :
	    author ? "(account removed)" : "");
	tv_set_str(row, "rules", safeguarding_rules_text(a, db_col_text(st, 5)));
	tv_set_bool(row, "by_worker", strcmp(db_col_text(st, 6), "worker") ==
	    0);
	tv_set_bool(row, "urgent", sqlite3_column_int(st, 7));
	created = sqlite3_column_int64(st, 8);
	tv_set_str(row, "when", time_human(a, created));
	tv_set_str(row, "age", age(a, now > created ? now - created : 0));
	tv_set_str(row, "holder", db_col_text(st, 9));
	tv_set_bool(row, "closed", sqlite3_column_int64(st, 10) != 0);
	tv_set_str(row, "closed_when", time_human(a,
	    sqlite3_column_int64(st, 10)));
	tv_set_str(row, "raised_by", db_col_text(st, 11));
	tv_set_str(row, "text", db_col_text(st, 12));
	tv_set_str(row, "reason", db_col_text(st, 13));
	tv_set_str(row, "held_when", time_human(a,
	    sqlite3_column_int64(st, 14)));
	tv_set_str(row, "closed_by", db_col_text(st, 15));
	tv_set_str(row, "action", db_col_text(st, 16));
	tv_set_int(row, "holder_id", sqlite3_column_int64(st, 17));
	tv_set_int(row, "text_len", sqlite3_column_int64(st, 18));
}

static int
put_rows(sqlite3_stmt *st, int64_t now, struct tval *list)
{
	int	 rc;

	while ((rc = db_step(st)) == 1)
		put_row(st, now, tv_push_map(list));
	db_done(st);
	return (rc);
}

/*
 * Page `page` (from 0) of the open concerns, urgent first, then oldest
 * first (newest first if asked: the latest after a flood of others), or
 * of the closed ones, latest closed first; *total: how many in all. A
 * page past the end is the last one (f->page says which).
 */
int
concerns_list(struct db *db, struct concern_filter *f, int64_t now,
    struct tval *list, int64_t *total)
{
	const char	*sql;

	if (db_int(db, total, f->closed ? sql_count_closed : sql_count_open,
	    "") != 1)
		return (-1);
	if (f->page * CONCERNS_PAGE >= *total)
		f->page = *total > 0 ? (*total - 1) / CONCERNS_PAGE : 0;
	sql = f->closed ? sql_closed_list : f->newest ? sql_open_newest :
	    sql_open_list;
	return (put_rows(db_query(db, sql, "ii", (int64_t)CONCERNS_PAGE,
	    f->page * CONCERNS_PAGE), now, list));
}

/* How many concerns are open (-1 on error). */
int64_t
concerns_count_open(struct db *db)
{
	int64_t	 n;

	return (db_int(db, &n, sql_count_open, "") == 1 ? n : -1);
}

/* How many concerns about this kind of item are open (-1 on error). */
int64_t
concerns_count_kind(struct db *db, const char *kind)
{
	int64_t	 n;

	return (db_int(db, &n, sql_count_kind, "t", kind) == 1 ? n : -1);
}

/* What workers added to concern id, oldest first. */
static int
concern_notes(struct db *db, int64_t id, struct tval *list)
{
	struct arena	*a = tv_arena(list);
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_notes, "i", id);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_str(row, "by", db_col_text(st, 0));
		tv_set_str(row, "text", db_col_text(st, 1));
		tv_set_str(row, "when", time_human(a,
		    sqlite3_column_int64(st, 2)));
	}
	db_done(st);
	return (rc);
}

/* One concern, in full, with its notes, into ctx. 1 found, 0 not, -1. */
int
concern_show(struct db *db, int64_t id, int64_t now, struct tval *ctx)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_one, "i", id);
	if ((rc = db_step(st)) == 1)
		put_row(st, now, ctx);
	db_done(st);
	if (rc != 1)
		return (rc);
	if (concern_notes(db, id, tv_set_list(ctx, "notes")) == -1)
		return (-1);
	tv_set_bool(ctx, "has_notes", tv_first(tv_get(ctx, "notes")) != NULL);
	return (1);
}

/* Kind, item and whether closed, for hold and close. */
static enum concern_result
state(struct db *db, int64_t id, char *kind, size_t len, int64_t *item)
{
	sqlite3_stmt	*st;
	int		 rc, closed;

	closed = 0;
	st = db_query(db, sql_state, "i", id);
	if ((rc = db_step(st)) == 1) {
		(void)snprintf(kind, len, "%s", db_col_text(st, 0));
		*item = sqlite3_column_int64(st, 1);
		closed = sqlite3_column_int(st, 2);
	}
	db_done(st);
	if (rc != 1)
		return (rc == 0 ? CONCERN_MISSING : CONCERN_ERROR);
	return (closed ? CONCERN_CLOSED : CONCERN_OK);
}

/* Reading a concern about a view is reading the view. */
static int
mark_read(struct db *db, const struct actor *who, const char *kind,
    int64_t item, int64_t now)
{
	if (strcmp(kind, CONCERN_VIEW) != 0 || item <= 0)
		return (0);
	return (views_mark_read(db, who, item, now));
}

/* 1 if concern id is closed, 0 if open, -1 if missing or on error. */
int
concern_is_closed(struct db *db, int64_t id)
{
	char	 kind[32];
	int64_t	 item;

	switch (state(db, id, kind, sizeof(kind), &item)) {
	case CONCERN_OK:
		return (0);
	case CONCERN_CLOSED:
		return (1);
	default:
		return (-1);
	}
}

/*
 * Whoever had it is told, in the portal, that someone else took it over
 * or closed it (what: "took over", "closed"): they may be about to call.
 */
static int
tell_holder(struct db *db, const struct actor *who, int64_t id,
    int64_t was, const char *what, int64_t now)
{
	char	 text[200], link[48];

	if (was <= 0 || was == who->id)
		return (0);
	(void)snprintf(text, sizeof(text), "%s %s safeguarding concern %lld, "
	    "which you had taken. Read what they wrote.", who->name, what,
	    (long long)id);
	(void)snprintf(link, sizeof(link), "/safeguarding/%lld",
	    (long long)id);
	return (notify_user(db, was, now, text, link));
}

/*
 * who takes the concern: they are dealing with it now. was: the holder
 * the worker's page showed (0: nobody; -1: do not check). CONCERN_TAKEN
 * if someone else took it since: the worker decides again, seeing who.
 */
enum concern_result
concern_hold(struct db *db, const struct actor *who, int64_t id,
    int64_t was, int64_t now)
{
	enum concern_result	 r;
	char			 kind[32];
	int64_t			 item, had;
	int			 ok;

	if (db_begin(db) == -1)
		return (CONCERN_ERROR);
	if ((r = state(db, id, kind, sizeof(kind), &item)) != CONCERN_OK) {
		db_rollback(db);
		return (r);
	}
	if (db_int(db, &had, sql_holder, "i", id) != 1 ||
	    db_exec(db, sql_hold, "iiii", id, who->id, now, was) == -1) {
		db_rollback(db);
		return (CONCERN_ERROR);
	}
	if (db_changes(db) != 1) {
		db_rollback(db);
		return (CONCERN_TAKEN);
	}
	ok = mark_read(db, who, kind, item, now) == 0 &&
	    tell_holder(db, who, id, had, "took over", now) == 0 &&
	    audit_write(db, who, "concern.hold", "concern", id, "") == 0;
	return (db_end(db, ok) == 0 ? CONCERN_OK : CONCERN_ERROR);
}

/*
 * A note on concern id's record, open or closed. Never changed after;
 * the same words from the same person within ten minutes are one note.
 */
enum concern_result
concern_note(struct db *db, const struct actor *who, int64_t id,
    const char *text, int64_t now)
{
	enum concern_result	 r;
	char			 kind[32];
	int64_t			 item, again;
	int			 ok;

	if (db_begin(db) == -1)
		return (CONCERN_ERROR);
	r = state(db, id, kind, sizeof(kind), &item);
	if (r != CONCERN_OK && r != CONCERN_CLOSED) {
		db_rollback(db);
		return (r);
	}
	if (db_int(db, &again, sql_note_again, "iiti", id, who->id, text,
	    now) != 1) {
		db_rollback(db);
		return (CONCERN_ERROR);
	}
	ok = again > 0 || (db_exec(db, sql_note, "iiti", id, who->id, text,
	    now) == 0 &&
	    audit_write(db, who, "concern.note", "concern", id, "") == 0);
	return (db_end(db, ok) == 0 ? CONCERN_OK : CONCERN_ERROR);
}

/*
 * An action says what was done and who was told: real words, not "ok"
 * or "done". At least three words and twenty letters or digits, counted
 * by character (any script): emoji, dashes and dots are not words.
 */
int
concern_action_ok(const char *action)
{
	const char	*p, *end;
	uint32_t	 c, folded;
	int		 words, alnum, in_word, kind;

	if (action == NULL)
		return (0);
	words = alnum = in_word = 0;
	for (p = action, end = action + strlen(action); p < end; ) {
		if (utf8_decode(&p, end, &c) == -1)
			return (0);
		if ((kind = cp_word(c, &folded)) == -1)
			continue;
		if (kind == 1) {
			alnum++;
			words += !in_word;
			in_word = 1;
		} else
			in_word = 0;
	}
	return (words >= 3 && alnum >= 20);
}

/*
 * Close with a written action. Only a person does this. was: the holder
 * the worker's page showed (0: nobody; -1: do not check); CONCERN_TAKEN
 * if someone took it since, so a worker never closes, unaware, what a
 * colleague has just begun. Whoever holds it is told.
 */
enum concern_result
concern_close(struct db *db, const struct actor *who, int64_t id,
    const char *action, int64_t was, int64_t seen, int64_t now)
{
	enum concern_result	 r;
	char			 kind[32];
	int64_t			 item, had, len;
	int			 ok;

	if (!concern_action_ok(action))
		return (CONCERN_VAGUE);
	if (db_begin(db) == -1)
		return (CONCERN_ERROR);
	if ((r = state(db, id, kind, sizeof(kind), &item)) != CONCERN_OK) {
		db_rollback(db);
		return (r);
	}
	if (db_int(db, &had, sql_holder, "i", id) != 1) {
		db_rollback(db);
		return (CONCERN_ERROR);
	}
	if (was >= 0 && had != was && had != who->id) {
		db_rollback(db);
		return (CONCERN_TAKEN);
	}
	/* Words added since the page (more worries from one address join
	 * an open concern): nobody closes what they have not read. */
	if (seen >= 0 && (db_int(db, &len, sql_text_len, "i", id) != 1 ||
	    len != seen)) {
		db_rollback(db);
		return (CONCERN_GREW);
	}
	ok = db_exec(db, sql_close, "iiit", id, now, who->id, action) == 0 &&
	    db_changes(db) == 1 && mark_read(db, who, kind, item, now) == 0 &&
	    tell_holder(db, who, id, had, "closed", now) == 0 &&
	    audit_write(db, who, "concern.close", "concern", id, "") == 0;
	return (db_end(db, ok) == 0 ? CONCERN_OK : CONCERN_ERROR);
}

/* Every concern about one item, oldest first. */
int
concerns_for_item(struct db *db, const char *kind, int64_t item_id,
    int64_t now, struct tval *list)
{
	return (put_rows(db_query(db, sql_for_item, "ti", kind, item_id),
	    now, list));
}

/* How many open concerns about the item nobody has taken (-1: error). */
int
concerns_unheld(struct db *db, const char *kind, int64_t item_id)
{
	int64_t	 n;

	if (db_int(db, &n, sql_unheld, "ti", kind, item_id) != 1)
		return (-1);
	return ((int)n);
}

/* How many open concerns about the item (-1: error). */
int
concerns_open_about(struct db *db, const char *kind, int64_t item_id)
{
	int64_t	 n;

	if (db_int(db, &n, sql_open_about, "ti", kind, item_id) != 1)
		return (-1);
	return ((int)n);
}

/*
 * Run the scan on a name someone typed (where says which, for the
 * worker). If it worries, open an account concern with the words: its
 * author is the account, or nobody when joining (account 0). The same
 * words sent again while open add nothing. 1 worrying, 0 not, -1 error.
 */
int
concern_name(struct db *db, const struct actor *who, int64_t account,
    const char *name, const char *where, int64_t now)
{
	struct concern_in	 in;
	struct buf		 topics;
	int64_t			 same;
	int			 hits, ok;

	if (name == NULL || *name == '\0')
		return (0);
	buf_init(&topics, 32);
	if ((hits = safeguarding_match(db, name, &topics)) <= 0) {
		buf_free(&topics);
		return (hits);
	}
	memset(&in, 0, sizeof(in));
	in.kind = CONCERN_ACCOUNT;
	in.item_id = account;
	in.author_id = account;
	in.text = name;
	in.rules = buf_cstr(&topics);
	in.source = "scan";
	in.reason = where;
	in.urgent = 1;
	if (db_begin(db) == -1) {
		buf_free(&topics);
		return (-1);
	}
	ok = (same = concern_open_same(db, CONCERN_ACCOUNT, account, 0,
	    name)) != -1 && (same > 0 || concern_open(db, who, &in, now) > 0);
	buf_free(&topics);
	return (db_end(db, ok) == 0 ? 1 : -1);
}
