/*
 * meetings.c: Children in Care Council meetings (see meetings.h). An
 * action on an issue's agenda item is told to every young person who
 * raised that issue, on their own timeline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "concerns.h"
#include "invitees.h"
#include "meetings.h"
#include "namefold.h"
#include "notify.h"
#include "safeguarding.h"
#include "timefmt.h"

static const char *sql_create =
	"INSERT INTO meetings (title, starts_at, place, link, invited, "
	"created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
/* ?1 = 0: every meeting; else only those account ?1 is invited to. */
static const char *sql_list =
	"SELECT id, title, starts_at, place, minutes_published FROM meetings m "
	"WHERE ?1 = 0 OR EXISTS (SELECT 1 FROM meeting_invitees mi "
	"WHERE mi.meeting_id = m.id AND mi.user_id = ?1) "
	"ORDER BY starts_at DESC LIMIT 100";
static const char *sql_get =
	"SELECT title, starts_at, place, link, invited, minutes_published "
	"FROM meetings WHERE id = ?1";
static const char *sql_items =
	"SELECT a.id, a.position, a.kind, coalesce(a.issue_id, 0), "
	"coalesce(a.promise_id, 0), " AGENDA_TITLE ", a.minutes, "
	"a.for_board, a.board_reply, " AGENDA_SUMMARY ", "
	"coalesce(i.state, '') "
	"FROM agenda_items a LEFT JOIN issues i ON i.id = a.issue_id "
	"LEFT JOIN categories c ON c.id = i.category_id "
	"WHERE a.meeting_id = ?1 ORDER BY a.position, a.id";
static void	action_row(sqlite3_stmt *, struct tval *);

static const char *sql_actions =
	"SELECT ma.item_id, ma.what, ma.who, coalesce(ma.due_on, 0), "
	"coalesce(x.state, 'open'), coalesce(x.happened_on, 0), "
	"coalesce(x.drop_reason, '') "
	"FROM meeting_actions ma JOIN agenda_items a ON a.id = ma.item_id "
	"LEFT JOIN actions x ON x.meeting_action_id = ma.id "
	"WHERE a.meeting_id = ?1 ORDER BY ma.id";
static const char *sql_add_item =
	"INSERT INTO agenda_items (meeting_id, position, kind, issue_id, "
	"promise_id, title) VALUES (?1, (SELECT coalesce(max(position), 0) + 1 "
	"FROM agenda_items WHERE meeting_id = ?1), ?2, ?3, ?4, ?5)";
/* Members read the item: an issue holding a private view is kept under
 * its public title, never the first one, which may be the young
 * person's own words (AGENDA_TITLE decides again when it is read). */
static const char *sql_issue_title =
	"SELECT CASE WHEN " ISSUE_HAS_PRIVATE " THEN " AGENDA_PRIVATE_TITLE
	" ELSE i.title END FROM issues i "
	"JOIN categories c ON c.id = i.category_id "
	"WHERE i.id = ?1 AND i.state != 'open'";
static const char *sql_promise_title =
	"SELECT p.title FROM promises p JOIN pledge_versions v "
	"ON v.id = p.version_id WHERE p.id = ?1 AND v.state = 'current'";
static const char *sql_item =
	"SELECT meeting_id, position, coalesce(issue_id, 0) FROM agenda_items "
	"WHERE id = ?1";
static const char *sql_neighbour_up =
	"SELECT id, position FROM agenda_items WHERE meeting_id = ?1 "
	"AND position < ?2 ORDER BY position DESC LIMIT 1";
static const char *sql_neighbour_down =
	"SELECT id, position FROM agenda_items WHERE meeting_id = ?1 "
	"AND position > ?2 ORDER BY position LIMIT 1";
static const char *sql_set_position =
	"UPDATE agenda_items SET position = ?2 WHERE id = ?1";
/* The board's reply is dated when it is first written or changed. */
static const char *sql_item_minutes =
	"SELECT coalesce(minutes, ''), for_board, coalesce(board_reply, '') "
	"FROM agenda_items WHERE id = ?1";
static const char *sql_minutes =
	"UPDATE agenda_items SET minutes = ?2, for_board = ?3, "
	"board_reply_at = CASE WHEN ?4 = '' THEN NULL "
	"WHEN ?4 = board_reply THEN board_reply_at ELSE unixepoch() END, "
	"board_reply = ?4 WHERE id = ?1";
static const char *sql_add_action =
	"INSERT INTO meeting_actions (item_id, what, who, due_on, created_at) "
	"VALUES (?1, ?2, ?3, ?4, ?5)";
/* The person a meeting's action names ("who"), by the folded name every
 * account is unique by ("cllr sam okafor" is "Cllr Sam Okafor"). */
static const char *sql_named_owner =
	"SELECT id FROM users WHERE name_key = ?1 AND role IN "
	"('participation_worker', 'councillor') AND disabled_at IS NULL";
/* The action made from the meeting's action (a trigger), given to them. */
static const char *sql_action_give =
	"UPDATE actions SET owner_id = ?2 WHERE meeting_action_id = ?1";
static const char *sql_action_of =
	"SELECT id FROM actions WHERE meeting_action_id = ?1";
static const char *sql_started =
	"SELECT starts_at <= ?2 FROM meetings WHERE id = ?1";
static const char *sql_publish =
	"UPDATE meetings SET minutes_published = 1 WHERE id = ?1 "
	"AND minutes_published = 0";
static const char *sql_suggest =
	"INSERT INTO agenda_suggestions (meeting_id, user_id, text, urgent, "
	"created_at) VALUES (?1, ?2, ?3, ?4, ?5)";

/* The same words to the same meeting a moment ago: a second press. */
static const char *sql_suggest_again =
	"SELECT count(*) FROM agenda_suggestions WHERE meeting_id = ?1 AND "
	"user_id = ?2 AND text = ?3 AND created_at > ?4 - 600";
static const char *sql_suggestions =
	"SELECT s.id, s.text, s.urgent, s.created_at, "
	"coalesce(u.display_name, '') FROM agenda_suggestions s "
	"LEFT JOIN users u ON u.id = s.user_id "
	"WHERE s.meeting_id = ?1 AND s.state = 'received' "
	"ORDER BY s.urgent DESC, s.id";
static const char *sql_suggestion =
	"SELECT meeting_id, text FROM agenda_suggestions "
	"WHERE id = ?1 AND state = 'received'";
static const char *sql_decide =
	"UPDATE agenda_suggestions SET state = ?2 WHERE id = ?1";

int
meeting_create(struct db *db, const struct actor *who,
    const struct meeting_input *in, int64_t now, int64_t *id)
{
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_create, "titttiI", in->title, in->starts_at,
	    in->place, in->link, in->invited, now, who->id) != 0)
		return (db_end(db, 0));
	*id = db_last_id(db);
	return (db_end(db, audit_write(db, who, "meeting.create", "meeting",
	    *id, "") == 0));
}

/* Meetings by date; invited_only: an account id, or 0 for all. */
int
meeting_list(struct db *db, int64_t now, int64_t invited_only,
    struct tval *ctx)
{
	struct tval	*up, *past, *row;
	sqlite3_stmt	*st;
	int64_t		 at;
	int		 rc;

	up = tv_set_list(ctx, "upcoming");
	past = tv_set_list(ctx, "past");
	st = db_query(db, sql_list, "i", invited_only);
	while ((rc = db_step(st)) == 1) {
		at = sqlite3_column_int64(st, 2);
		row = tv_push_map(at >= now - 86400 ? up : past);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
		tv_set_str(row, "when", time_human(tv_arena(row), at));
		tv_set_str(row, "place", db_col_text(st, 3));
		tv_set_bool(row, "minutes", sqlite3_column_int(st, 4));
	}
	db_done(st);
	return (rc);
}

/*
 * A short mark of an item's minutes, board flag and reply as saved: the
 * form carries the one its page showed, so a save from an older page
 * does not overwrite another worker's (meeting_minutes()).
 */
static const char *
minutes_mark(struct arena *a, const char *minutes, int for_board,
    const char *reply)
{
	const unsigned char	*p;
	uint32_t		 h;

	h = 2166136261u;
	for (p = (const unsigned char *)minutes; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	h = (h ^ (unsigned char)(for_board ? '1' : '0')) * 16777619u;
	for (p = (const unsigned char *)reply; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	return (arena_printf(a, "%08x", (unsigned)h));
}

static void
fill_item(sqlite3_stmt *st, struct tval *row, int minutes_visible)
{
	const char	*kind = db_col_text(st, 2);

	tv_set_int(row, "id", sqlite3_column_int64(st, 0));
	tv_set_int(row, "position", sqlite3_column_int64(st, 1));
	tv_set_bool(row, arena_printf(tv_arena(row), "is_%s", kind), 1);
	if (sqlite3_column_int64(st, 3) > 0)
		tv_set_int(row, "issue_id", sqlite3_column_int64(st, 3));
	if (sqlite3_column_int64(st, 4) > 0)
		tv_set_int(row, "promise_id", sqlite3_column_int64(st, 4));
	tv_set_str(row, "title", db_col_text(st, 5));
	if (minutes_visible) {
		tv_set_str(row, "minutes", db_col_text(st, 6));
		tv_set_bool(row, "for_board", sqlite3_column_int(st, 7));
		tv_set_str(row, "board_reply", db_col_text(st, 8));
		tv_set_str(row, "seen", minutes_mark(tv_arena(row),
		    db_col_text(st, 6), sqlite3_column_int(st, 7),
		    db_col_text(st, 8)));
	}
	tv_set_str(row, "summary", db_col_text(st, 9));
	tv_set_list(row, "actions");
}

/*
 * A meeting and its agenda. Minutes, board notes and actions are shown to
 * staff always, to young people once a worker has published them.
 * 1 found, 0 not, -1 error.
 */
int
meeting_get(struct db *db, int64_t id, int staff, struct tval *ctx)
{
	struct tval	*items, *row;
	sqlite3_stmt	*st;
	int		 rc, published, visible;

	st = db_query(db, sql_get, "i", id);
	published = 0;
	if ((rc = db_step(st)) == 1) {
		tv_set_int(ctx, "id", id);
		tv_set_str(ctx, "title", db_col_text(st, 0));
		tv_set_str(ctx, "when", time_human(tv_arena(ctx),
		    sqlite3_column_int64(st, 1)));
		tv_set_int(ctx, "starts_at", sqlite3_column_int64(st, 1));
		tv_set_str(ctx, "place", db_col_text(st, 2));
		tv_set_str(ctx, "link", db_col_text(st, 3));
		tv_set_str(ctx, "invited", db_col_text(st, 4));
		published = sqlite3_column_int(st, 5);
		tv_set_bool(ctx, "published", published);
	}
	db_done(st);
	if (rc != 1)
		return (rc);
	visible = staff || published;
	tv_set_bool(ctx, "minutes_visible", visible);
	items = tv_set_list(ctx, "items");
	st = db_query(db, sql_items, "i", id);
	while ((rc = db_step(st)) == 1)
		fill_item(st, tv_push_map(items), visible);
	db_done(st);
	if (rc == -1 || !visible)
		return (rc == -1 ? -1 : 1);
	st = db_query(db, sql_actions, "i", id);
	while ((rc = db_step(st)) == 1) {
		const struct tval	*it;

		for (it = tv_first(items); it != NULL; it = tv_next(it)) {
			if (strtoll(tv_get_str(it, "id"), NULL, 10) !=
			    sqlite3_column_int64(st, 0))
				continue;
			row = tv_push_map((struct tval *)tv_get(it,
			    "actions"));
			action_row(st, row);
		}
	}
	db_done(st);
	return (rc == -1 ? -1 : 1);
}

/*
 * One meeting action as its state says: done on a day, dropped with a
 * reason, or open (late once its whole due day has passed): never "by"
 * a date already gone.
 */
static void
action_row(sqlite3_stmt *st, struct tval *row)
{
	char		 today[TIME_DAY_LEN], due_day[TIME_DAY_LEN];
	const char	*state = db_col_text(st, 4);
	int64_t		 due = sqlite3_column_int64(st, 3);

	tv_set_str(row, "what", db_col_text(st, 1));
	tv_set_str(row, "who", db_col_text(st, 2));
	if (strcmp(state, "done") == 0) {
		tv_set_str(row, "done_on", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 5)));
		return;
	}
	if (strcmp(state, "dropped") == 0) {
		tv_set_str(row, "dropped", db_col_text(st, 6));
		return;
	}
	if (due <= 0)
		return;
	tv_set_str(row, "due", time_date(tv_arena(row), due));
	time_day((int64_t)time(NULL), today);
	time_day(due, due_day);
	tv_set_bool(row, "late", strcmp(today, due_day) > 0);
}

/*
 * Add an issue (sent on to councillors or later), a promise of the current
 * Pledge, or a free item with its own title. -1 if the thing is not there.
 */
int
meeting_add_item(struct db *db, const struct actor *who, int64_t meeting,
    const char *kind, int64_t ref, const char *title)
{
	struct buf	 t;
	int		 ok;

	buf_init(&t, 128);
	if (strcmp(kind, "issue") == 0)
		ok = db_text(db, &t, sql_issue_title, "i", ref) == 1;
	else if (strcmp(kind, "promise") == 0)
		ok = db_text(db, &t, sql_promise_title, "i", ref) == 1;
	else {
		ok = strcmp(kind, "free") == 0 && title != NULL && *title;
		if (ok)
			buf_puts(&t, title);
		ref = 0;
	}
	if (!ok || db_begin(db) == -1) {
		buf_free(&t);
		return (-1);
	}
	ok = db_exec(db, sql_add_item, "itIIt", meeting, kind,
	    strcmp(kind, "issue") == 0 ? ref : (int64_t)0,
	    strcmp(kind, "promise") == 0 ? ref : (int64_t)0,
	    buf_cstr(&t)) == 0 &&
	    audit_write(db, who, "meeting.item_add", "meeting", meeting,
	    kind) == 0;
	buf_free(&t);
	return (db_end(db, ok));
}

/* Swap an item with the one above (up) or below it. */
int
meeting_move_item(struct db *db, int64_t meeting, int64_t item, int up)
{
	sqlite3_stmt	*st;
	int64_t		 m, pos, other, opos;
	int		 rc;

	st = db_query(db, sql_item, "i", item);
	rc = db_step(st);
	m = rc == 1 ? sqlite3_column_int64(st, 0) : 0;
	pos = rc == 1 ? sqlite3_column_int64(st, 1) : 0;
	db_done(st);
	if (rc != 1 || m != meeting)
		return (-1);
	st = db_query(db, up ? sql_neighbour_up : sql_neighbour_down, "ii",
	    meeting, pos);
	if ((rc = db_step(st)) != 1) {
		db_done(st);
		return (rc == 0 ? 0 : -1);	/* already first or last */
	}
	other = sqlite3_column_int64(st, 0);
	opos = sqlite3_column_int64(st, 1);
	db_done(st);
	if (db_begin(db) == -1)
		return (-1);
	return (db_end(db, db_exec(db, sql_set_position, "ii", item, opos) ==
	    0 && db_exec(db, sql_set_position, "ii", other, pos) == 0));
}

/* The item's meeting and issue, if it belongs to meeting. */
static int
item_of(struct db *db, int64_t meeting, int64_t item, int64_t *issue)
{
	sqlite3_stmt	*st;
	int		 rc, ok;

	st = db_query(db, sql_item, "i", item);
	rc = db_step(st);
	ok = rc == 1 && sqlite3_column_int64(st, 0) == meeting;
	*issue = ok ? sqlite3_column_int64(st, 2) : 0;
	db_done(st);
	return (ok ? 0 : -1);
}

int
meeting_minutes(struct db *db, const struct actor *who, int64_t meeting,
    int64_t item, const char *minutes, int for_board, const char *reply,
    const char *seen)
{
	struct arena	 a;
	sqlite3_stmt	*st;
	int64_t		 issue;
	int		 rc, stale;

	if (item_of(db, meeting, item, &issue) == -1 || db_begin(db) == -1)
		return (-1);
	stale = 0;
	if (seen != NULL) {
		arena_init(&a);
		st = db_query(db, sql_item_minutes, "i", item);
		if ((rc = db_step(st)) == 1)
			stale = strcmp(seen, minutes_mark(&a, db_col_text(st,
			    0), sqlite3_column_int(st, 1), db_col_text(st,
			    2))) != 0;
		db_done(st);
		arena_free(&a);
		if (rc != 1 || stale) {
			db_rollback(db);
			return (rc != 1 ? -1 : 2);
		}
	}
	return (db_end(db, db_exec(db, sql_minutes, "itdt", item, minutes,
	    for_board, reply) == 0 && audit_write(db, who, "meeting.minutes",
	    "meeting", meeting, for_board ? "for the board" : "") == 0));
}

/* An action on an item; on an issue, its young people hear of it. */
/*
 * The person a meeting's action names owns it, whatever the case or
 * spacing of the name typed, and is told in the portal that it is theirs
 * (unless they wrote it down themselves). A name that is no one's leaves
 * it with the meeting's maker (the trigger's choice), who is not told.
 * 0, or -1 on error.
 */
static int
tell_owner(struct db *db, const struct actor *who, struct arena *a,
    int64_t meeting_action, const char *by, const char *what, int64_t due,
    int64_t now)
{
	char	 key[256];
	int64_t	 owner, action;
	int	 rc;

	if (name_fold_key(by, key, sizeof(key)) == -1)
		return (0);
	if ((rc = db_int(db, &owner, sql_named_owner, "t", key)) != 1)
		return (rc == -1 ? -1 : 0);
	if (db_exec(db, sql_action_give, "ii", meeting_action, owner) != 0 ||
	    db_int(db, &action, sql_action_of, "i", meeting_action) != 1)
		return (-1);
	if (owner == who->id)
		return (0);
	return (notify_user(db, owner, now, arena_printf(a, "The Children in "
	    "Care Council gave you an action: %s%s%s.", what, due ? ", by " :
	    "", due ? time_date(a, due) : ""), arena_printf(a, "/actions/%lld",
	    (long long)action)));
}

int
meeting_add_action(struct db *db, const struct actor *who, int64_t meeting,
    int64_t item, const char *what, const char *by, int64_t due,
    int64_t now)
{
	struct arena	 a;
	int64_t		 issue;
	int		 ok;

	if (item_of(db, meeting, item, &issue) == -1 || db_begin(db) == -1)
		return (-1);
	arena_init(&a);
	ok = db_exec(db, sql_add_action, "ittIi", item, what, by, due, now) ==
	    0 && tell_owner(db, who, &a, db_last_id(db), by, what, due, now) ==
	    0 &&
	    (issue == 0 || notify_issue(db, issue, now, "action",
	    arena_printf(&a, "The Children in Care Council agreed an action: "
	    "%s (%s%s%s).", what, by, due ? ", by " : "", due ?
	    time_date(&a, due) : ""), "An action was agreed about") == 0) &&
	    audit_write(db, who, "meeting.action", "meeting", meeting, "") ==
	    0;
	arena_free(&a);
	return (db_end(db, ok));
}

/*
 * Share the minutes with the members and tell those invited. Published
 * already: nothing changes and nobody is told twice. 2, and nothing
 * shared, if the meeting has not begun.
 */
int
meeting_publish(struct db *db, const struct actor *who, int64_t meeting,
    int64_t now)
{
	int64_t	 started;

	started = -1;
	if (db_begin(db) == -1)
		return (-1);
	/* Minutes of a meeting still to come are nobody's yet. */
	if (db_int(db, &started, sql_started, "ii", meeting, now) != 1 ||
	    !started) {
		db_rollback(db);
		return (started == 0 ? 2 : -1);
	}
	if (db_exec(db, sql_publish, "i", meeting) != 0)
		return (db_end(db, 0));
	if (db_changes(db) == 0)
		return (db_end(db, 1));
	return (db_end(db, invitee_minutes_out(db, meeting, now) == 0 &&
	    audit_write(db, who, "meeting.publish", "meeting", meeting, "") ==
	    0));
}

/*
 * A young person's suggestion for the agenda; *flagged if it worries.
 * The same words again within ten minutes (a second press) are one.
 * 1, and nothing kept, if the meeting has happened: nobody would read
 * it. Worrying words are kept whenever they come.
 */
int
meeting_suggest(struct db *db, const struct actor *who, int64_t meeting,
    const char *text, int64_t now, int *flagged)
{
	struct buf	 topics;
	int64_t		 again, started;
	int		 hits, ok;

	again = started = 0;
	buf_init(&topics, 32);
	hits = safeguarding_match(db, text, &topics);
	*flagged = hits > 0;
	if (hits < 0 || db_begin(db) == -1) {
		buf_free(&topics);
		return (-1);
	}
	if (db_int(db, &started, sql_started, "ii", meeting, now) != 1 ||
	    db_int(db, &again, sql_suggest_again, "iiti", meeting, who->id,
	    text, now) != 1 || again > 0 || (started && hits == 0)) {
		buf_free(&topics);
		if (db_end(db, again > 0 || started) == -1)
			return (-1);
		return (started && hits == 0 && again == 0);
	}
	ok = db_exec(db, sql_suggest, "iitdi", meeting, who->id, text,
	    hits > 0, now) == 0 &&
	    (hits == 0 || concern_scanned(db, who, CONCERN_SUGGESTION,
	    db_last_id(db), text, buf_cstr(&topics), now) > 0) &&
	    audit_write(db, who, hits > 0 ?
	    "meeting.suggest.flagged" : "meeting.suggest", "user", who->id,
	    "") == 0;
	buf_free(&topics);
	return (db_end(db, ok));
}

int
meeting_suggestions(struct db *db, int64_t meeting, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_suggestions, "i", meeting);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "text", db_col_text(st, 1));
		tv_set_bool(row, "urgent", sqlite3_column_int(st, 2));
		tv_set_str(row, "at", time_human(tv_arena(row),
		    sqlite3_column_int64(st, 3)));
		/* Workers see who wrote a worrying suggestion. */
		if (sqlite3_column_int(st, 2))
			tv_set_str(row, "author", db_col_text(st, 4));
	}
	db_done(st);
	return (rc);
}

/*
 * Accept (it becomes a free agenda item) or decline a suggestion. A
 * worrying one goes on no agenda until someone has taken its concern:
 * 1 then, 0 done, -1 on error or if already decided.
 */
int
meeting_decide(struct db *db, const struct actor *who, int64_t meeting,
    int64_t suggestion, int accept)
{
	sqlite3_stmt	*st;
	struct buf	 text;
	int		 rc, ok, flagged;

	buf_init(&text, 128);
	st = db_query(db, sql_suggestion, "i", suggestion);
	rc = db_step(st);
	ok = rc == 1 && sqlite3_column_int64(st, 0) == meeting;
	if (ok)
		buf_puts(&text, db_col_text(st, 1));
	db_done(st);
	if (!ok || db_begin(db) == -1) {
		buf_free(&text);
		return (-1);
	}
	if (accept && (flagged = concerns_unheld(db, CONCERN_SUGGESTION,
	    suggestion)) != 0) {
		db_rollback(db);
		buf_free(&text);
		return (flagged == -1 ? -1 : 1);
	}
	ok = db_exec(db, sql_decide, "it", suggestion, accept ? "accepted" :
	    "declined") == 0 && (!accept || meeting_add_item(db, who, meeting,
	    "free", 0, buf_cstr(&text)) == 0);
	buf_free(&text);
	return (db_end(db, ok));
}

/*
 * Choices for the agenda (workers only): issues past moderation by their
 * working titles, saying what members will read instead where the issue
 * holds a private view; current promises.
 */
int
meeting_options(struct db *db, struct tval *issues, struct tval *promises)
{
	static const char *sql_issues =
	    "SELECT i.id, i.title || CASE WHEN " ISSUE_HAS_PRIVATE " THEN "
	    "' (holds a private view: members read \"' || "
	    AGENDA_PRIVATE_TITLE " || '\")' ELSE '' END FROM issues i "
	    "JOIN categories c ON c.id = i.category_id "
	    "WHERE i.state != 'open' ORDER BY i.id DESC LIMIT 200";
	static const char *sql_promises =
	    "SELECT p.id, p.title FROM promises p JOIN pledge_versions v "
	    "ON v.id = p.version_id WHERE v.state = 'current' ORDER BY p.id";

	if (db_options(db, sql_issues, 0, issues) == -1)
		return (-1);
	return (db_options(db, sql_promises, 0, promises));
}
