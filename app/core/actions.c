/*
 * actions.c: see actions.h. Marking an action done or dropped is one
 * transaction with the timeline events of every view its issue gathered,
 * one message per young person who raised it (for a done action, a link
 * to "Did it happen?") and an audit row.
 *
 * A due date is a day (in the council's time zone): an action is
 * overdue once that whole day has passed, and done late if it happened
 * on a later day.
 */
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "glossary.h"
#include "issues.h"
#include "json.h"
#include "pledge.h"
#include "readability.h"
#include "release.h"
#include "timefmt.h"
#include "users.h"

/* The day of a time, as young people and staff read dates. */
#define DAY_OF(t)	"date(" t ", 'unixepoch', 'localtime')"

#define ACTION_COLS							\
	"a.id, a.what, coalesce(u.display_name, ''), a.owner_text, "	\
	"coalesce(a.due_at, 0), a.state, coalesce(a.evidence, ''), "	\
	"coalesce(a.happened_on, 0), coalesce(a.evidence_link, ''), "	\
	"coalesce(a.drop_reason, ''), coalesce(a.issue_id, 0), "	\
	"a.meeting_action_id IS NOT NULL, coalesce(i.title, ''), "	\
	"coalesce(a.owner_id, 0), coalesce(a.closed_at, 0), "		\
	"coalesce(c.display_name, '') "
#define ACTION_FROM							\
	"FROM actions a LEFT JOIN users u ON u.id = a.owner_id "	\
	"LEFT JOIN users c ON c.id = a.closed_by "			\
	"LEFT JOIN issues i ON i.id = a.issue_id "

static const char *sql_get =
	"SELECT id, coalesce(issue_id, 0), coalesce(owner_id, 0), state "
	"FROM actions WHERE id = ?1";
static const char *sql_list =
	"SELECT " ACTION_COLS ACTION_FROM
	"WHERE (?1 = 0 OR a.owner_id = ?1) AND (?2 = 1 OR a.state = 'open') "
	"ORDER BY a.state != 'open', a.due_at IS NULL, a.due_at, a.id "
	"LIMIT 300";
static const char *sql_one =
	"SELECT " ACTION_COLS ACTION_FROM "WHERE a.id = ?1";
/* The public page shows what the answer promised, not meeting notes. */
static const char *sql_of_issue =
	"SELECT " ACTION_COLS ACTION_FROM
	"WHERE a.issue_id = ?1 AND (?2 = 0 OR a.meeting_action_id IS NULL) "
	"ORDER BY a.id";
/* As last released (release.c), never live. */
static const char *sql_tally =
	"SELECT answer, n FROM released_counts WHERE kind = 'happened' "
	"AND item_id = ?1";
static const char *sql_done =
	"UPDATE actions SET state = 'done', evidence = ?2, happened_on = ?3, "
	"evidence_link = ?4, closed_at = ?5, closed_by = ?6 "
	"WHERE id = ?1 AND state = 'open'";
static const char *sql_what =
	"SELECT what FROM actions WHERE id = ?1";
static const char *sql_issue_of =
	"SELECT coalesce(issue_id, 0) FROM actions WHERE id = ?1";

/*
 * What happened, or why it was dropped, is published beside the issue:
 * like the answer, it may not quote a private view of that issue. 1 if
 * it does, 0 if not, -1 on error.
 */
static int
quotes_private(struct db *db, int64_t id, const char *text)
{
	int64_t	 issue;

	if (db_int(db, &issue, sql_issue_of, "i", id) != 1)
		return (0);
	return (issue > 0 ? issues_quotes_private(db, issue, text) : 0);
}

/* Whether day ?2 (a day's first second) is before the action's day. */
static const char *sql_before_agreed =
	"SELECT ?2 + 86400 <= created_at FROM actions WHERE id = ?1";
static const char *sql_drop =
	"UPDATE actions SET state = 'dropped', drop_reason = ?2, "
	"closed_at = ?3, closed_by = ?4 WHERE id = ?1 AND state = 'open'";
static const char *sql_events =
	"INSERT INTO view_events (view_id, at, kind, text) "
	"SELECT v.id, ?2, ?3, ?4 FROM views v JOIN actions a "
	"ON a.issue_id = v.issue_id WHERE a.id = ?1 "
	"AND v.state IN ('approved', 'merged')";
/* One message per young person, however many of their views joined. */
static const char *sql_notes =
	"INSERT INTO notifications (user_id, at, text, link) "
	"SELECT DISTINCT v.author_id, ?2, ?3, ?4 FROM views v JOIN actions a "
	"ON a.issue_id = v.issue_id WHERE a.id = ?1 "
	"AND v.state IN ('approved', 'merged') AND v.author_id IS NOT NULL";
static const char *sql_may_answer =
	"SELECT count(*) FROM actions a JOIN views v ON v.issue_id = a.issue_id "
	"WHERE a.id = ?1 AND a.state = 'done' AND v.author_id = ?2 "
	"AND v.state IN ('approved', 'merged')";
static const char *sql_answer =
	"INSERT INTO action_answers (action_id, user_id, answer, at) "
	"VALUES (?1, ?2, ?3, ?4) ON CONFLICT (action_id, user_id) "
	"DO UPDATE SET answer = excluded.answer, at = excluded.at "
	"WHERE answer <> excluded.answer";
static const char *sql_mine =
	"SELECT answer FROM action_answers WHERE action_id = ?1 "
	"AND user_id = ?2";
/* The done actions of view ?1's issue that ?2, its author, may answer
 * (as sql_may_answer), and whether they have. */
static const char *sql_to_answer =
	"SELECT a.id, a.what, coalesce(a.happened_on, 0), EXISTS (SELECT 1 "
	"FROM action_answers x WHERE x.action_id = a.id AND x.user_id = ?2) "
	"FROM views v JOIN actions a ON a.issue_id = v.issue_id "
	"WHERE v.id = ?1 AND v.author_id = ?2 AND a.state = 'done' "
	"AND v.state IN ('approved', 'merged') ORDER BY a.id";
/* User ?2's latest view of action ?1's issue: the way back from it. */
static const char *sql_answer_view =
	"SELECT coalesce(max(v.id), 0) FROM views v JOIN actions a "
	"ON a.issue_id = v.issue_id WHERE a.id = ?1 AND v.author_id = ?2 "
	"AND v.state IN ('approved', 'merged')";
/*
 * As things stood at ?3 (the period's last second, or now): one closed
 * since was still open then, so a report once tabled does not change.
 * One replaced by a new answer (migration 0037) was not dropped by
 * anyone: it is counted neither way once replaced.
 */
#define OPEN_AT(t)	"(closed_at IS NULL OR closed_at > " t ")"
#define REPLACED	"coalesce(drop_reason, '') LIKE 'The councillor " \
			"answered again%'"
static const char *sql_counts =
	"SELECT coalesce(sum(" OPEN_AT("?3") "), 0), "
	"coalesce(sum(" OPEN_AT("?3") " AND due_at IS NOT NULL "
	"AND " DAY_OF("due_at") " < " DAY_OF("?3") "), 0), "
	"coalesce(sum(state = 'done' AND closed_at <= ?3), 0), "
	"coalesce(sum(state = 'done' AND closed_at <= ?3 AND due_at IS NOT NULL "
	"AND " DAY_OF("due_at") " < " DAY_OF("happened_on") "), 0), "
	"coalesce(sum(state = 'dropped' AND closed_at <= ?3 AND NOT " REPLACED
	"), 0) FROM actions WHERE created_at >= ?1 AND created_at < ?2";

static const char *const answers[] = {
	"yes", "partly", "no", "not_sure", NULL,
};

int
actions_get(struct db *db, int64_t id, struct action *ac)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(ac, 0, sizeof(*ac));
	st = db_query(db, sql_get, "i", id);
	if ((rc = db_step(st)) == 1) {
		ac->id = sqlite3_column_int64(st, 0);
		ac->issue_id = sqlite3_column_int64(st, 1);
		ac->owner_id = sqlite3_column_int64(st, 2);
		(void)snprintf(ac->state, sizeof(ac->state), "%s",
		    db_col_text(st, 3));
	}
	db_done(st);
	return (rc);
}

/* Workers close any action; a councillor or worker, their own. */
int
actions_may_close(const struct action *ac, int role, int64_t user)
{
	if (role == ROLE_WORKER)
		return (1);
	return (role == ROLE_COUNCILLOR && ac->owner_id == user);
}

/* "Did it happen?" counts of one action, suppressed, into row. */
static int
tally(struct db *db, int64_t id, int64_t threshold, struct tval *row)
{
	sqlite3_stmt	*st;
	int64_t		 n[V_COUNT];
	int		 i, rc;

	memset(n, 0, sizeof(n));
	st = db_query(db, sql_tally, "i", id);
	while ((rc = db_step(st)) == 1)
		for (i = 0; i < V_COUNT; i++)
			if (strcmp(db_col_text(st, 0), answers[i]) == 0)
				n[i] = sqlite3_column_int64(st, 1);
	db_done(st);
	if (rc == -1)
		return (-1);
	/* Shown for every done action, none answered or not: shown only
	 * once someone had, "fewer than 5" would say at least one did. */
	pledge_tally(n, threshold, tv_set_map(row, "tally"));
	return (0);
}

/* 1 if day a is after day b (both set), in the council's time zone. */
static int
day_after(int64_t a, int64_t b)
{
	char	 da[TIME_DAY_LEN], dz[TIME_DAY_LEN];

	if (a <= 0 || b <= 0)
		return (0);
	time_day(a, da);
	time_day(b, dz);
	return (strcmp(da, dz) > 0);
}

/* One row of ACTION_COLS into map row. */
static void
fill(sqlite3_stmt *st, struct tval *row, int64_t now)
{
	struct arena	*a = tv_arena(row);
	const char	*state;
	int64_t		 due, on;
	int		 is_open;

	state = db_col_text(st, 5);
	due = sqlite3_column_int64(st, 4);
	on = sqlite3_column_int64(st, 7);
	tv_set_int(row, "id", sqlite3_column_int64(st, 0));
	tv_set_str(row, "what", db_col_text(st, 1));
	tv_set_str(row, "owner", db_col_text(st, 2));
	tv_set_str(row, "owner_text", db_col_text(st, 3));
	tv_set_str(row, "due", due > 0 ? time_date(a, due) : "");
	tv_set_str(row, "due_iso", due > 0 ? time_iso_date(a, due) : "");
	tv_set_bool(row, arena_printf(a, "is_%s", state), 1);
	is_open = strcmp(state, "open") == 0;
	tv_set_bool(row, "overdue", is_open && day_after(now, due));
	tv_set_bool(row, "not_due", is_open && !day_after(now, due));
	tv_set_str(row, "evidence", db_col_text(st, 6));
	tv_set_str(row, "done_on", on > 0 ? time_date(a, on) : "");
	tv_set_bool(row, "done_late", day_after(on, due));
	tv_set_str(row, "link", db_col_text(st, 8));
	tv_set_str(row, "drop_reason", db_col_text(st, 9));
	tv_set_int(row, "issue_id", sqlite3_column_int64(st, 10));
	tv_set_bool(row, "from_meeting", sqlite3_column_int(st, 11));
	tv_set_str(row, "issue_title", db_col_text(st, 12));
	tv_set_int(row, "owner_id", sqlite3_column_int64(st, 13));
	tv_set_str(row, "closed", sqlite3_column_int64(st, 14) > 0 ?
	    time_date(a, sqlite3_column_int64(st, 14)) : "");
	tv_set_str(row, "closed_by", db_col_text(st, 15));
}

/*
 * Staff's list: open actions, overdue first by due date (all=1: finished
 * ones too); owner > 0: only that owner's.
 */
int
actions_list(struct db *db, int64_t owner, int all, int64_t now,
    struct tval *list)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_list, "id", owner, all);
	while ((rc = db_step(st)) == 1)
		fill(st, tv_push_map(list), now);
	db_done(st);
	return (rc);
}

/* One action for staff, with its "did it happen?" counts. 1, 0, -1. */
int
actions_show(struct db *db, int64_t id, int64_t now, int64_t threshold,
    struct tval *ctx)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_one, "i", id);
	if ((rc = db_step(st)) == 1)
		fill(st, ctx, now);
	db_done(st);
	if (rc != 1)
		return (rc);
	return (tally(db, id, threshold, ctx) == -1 ? -1 : 1);
}

/* Words young people may not know, explained on a public row. */
static void
explain(struct glossary *g, struct tval *row)
{
	static const char *const keys[] = {
		"what", "evidence", "drop_reason", NULL,
	};
	int	 i;

	memset(g->seen, 0, sizeof(g->seen));
	for (i = 0; keys[i] != NULL; i++)
		tv_set_str(row, keys[i], glossary_explain(g, tv_arena(row),
		    tv_get_str(row, keys[i])));
}

/*
 * The actions of issue id into list, each with its "did it happen?"
 * counts. public: only what the answer promised, with words explained,
 * as young people and visitors read it.
 */
int
actions_of_issue(struct db *db, int64_t issue, int public, int64_t now,
    int64_t threshold, struct tval *list)
{
	struct glossary	 g;
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	if (public && glossary_load(db, tv_arena(list), &g) == -1)
		return (-1);
	st = db_query(db, sql_of_issue, "id", issue, public);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		fill(st, row, now);
		if (public)
			explain(&g, row);
		if (strcmp(db_col_text(st, 5), "done") == 0 && tally(db,
		    sqlite3_column_int64(st, 0), threshold, row) == -1)
			rc = -1;
		if (rc == -1)
			break;
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}

/* An optional day as JSON: "YYYY-MM-DD" or null. */
static void
json_day(struct buf *out, struct arena *a, const char *key, int64_t t)
{
	json_key(out, key, 0);
	if (t > 0)
		json_str(out, time_iso_date(a, t));
	else
		buf_puts(out, "null");
}

/*
 * The public actions of issue as a JSON array, for the open data: what,
 * by when, and what became of it, as /you-said-we-did says it. No
 * "did it happen?" counts (those are people) and no names.
 */
int
actions_open_data(struct db *db, int64_t issue, struct buf *out)
{
	struct arena	 a;
	sqlite3_stmt	*st;
	int64_t		 due, on;
	int		 rc, first;

	arena_init(&a);
	buf_putc(out, '[');
	st = db_query(db, sql_of_issue, "ii", issue, (int64_t)1);
	for (first = 1; (rc = db_step(st)) == 1; first = 0) {
		due = sqlite3_column_int64(st, 4);
		on = sqlite3_column_int64(st, 7);
		buf_puts(out, first ? "{" : ",{");
		json_kv_str(out, "what", db_col_text(st, 1), 1);
		json_day(out, &a, "due", due);
		json_kv_str(out, "state", db_col_text(st, 5), 0);
		json_day(out, &a, "done_on", on);
		json_key(out, "done_late", 0);
		buf_puts(out, on > 0 && day_after(on, due) ? "true" : "false");
		json_kv_str(out, "what_happened", db_col_text(st, 6), 0);
		json_kv_str(out, "why_dropped", db_col_text(st, 9), 0);
		buf_putc(out, '}');
	}
	db_done(st);
	buf_putc(out, ']');
	arena_free(&a);
	return (rc == -1 ? -1 : 0);
}

/* Tell the young people who raised the action's issue, in the caller's
 * transaction. */
static int
tell(struct db *db, int64_t id, int64_t now, const char *kind,
    const char *event, const char *note, const char *link)
{
	return (db_exec(db, sql_events, "iitt", id, now, kind, event) == 0 &&
	    db_exec(db, sql_notes, "iitt", id, now, note, link) == 0 ? 0 :
	    -1);
}

/* Why an update of one open action changed nothing. */
static enum action_result
not_changed(struct db *db, int64_t id)
{
	struct action	 ac;
	int		 rc;

	if ((rc = actions_get(db, id, &ac)) == -1)
		return (ACTION_ERROR);
	return (rc == 0 ? ACTION_MISSING : ACTION_CLOSED);
}

/*
 * Mark action id done: what happened (evidence), on which day (on, not
 * in the future) and optional link words. The young people who raised
 * its issue are asked "Did it happen?".
 */
enum action_result
actions_done(struct db *db, const struct actor *who, int64_t id,
    const char *evidence, int64_t on, const char *link, int64_t now)
{
	struct arena		 a;
	enum action_result	 r;
	int64_t			 early;
	int			 ok, quoted;

	if (read_real_words(evidence) < REASON_MIN_WORDS)
		return (ACTION_VAGUE);
	if (on > now)
		return (ACTION_FUTURE);
	if (db_begin(db) == -1)
		return (ACTION_ERROR);
	/* Done before it was agreed would count as done on time. */
	if (db_int(db, &early, sql_before_agreed, "ii", id, on) == 1 &&
	    early) {
		db_rollback(db);
		return (ACTION_EARLY);
	}
	if ((quoted = quotes_private(db, id, evidence)) != 0) {
		db_rollback(db);
		return (quoted == 1 ? ACTION_QUOTES : ACTION_ERROR);
	}
	if (db_exec(db, sql_done, "ititii", id, evidence, on,
	    link != NULL && *link != '\0' ? link : NULL, now, who->id) != 0 ||
	    db_changes(db) != 1) {
		r = not_changed(db, id);
		db_rollback(db);
		return (r);
	}
	arena_init(&a);
	ok = tell(db, id, now, "action_done", arena_printf(&a, "Done on %s: "
	    "%s", time_date(&a, on), evidence), "Something the council "
	    "promised has been done. Did it happen? Tell us.",
	    arena_printf(&a, "/actions/%lld/happened", (long long)id)) == 0 &&
	    audit_write(db, who, "action.done", "action", id, "") == 0;
	arena_free(&a);
	return (db_end(db, ok) == 0 ? ACTION_OK : ACTION_ERROR);
}

/* Drop action id, with a reason young people read. */
enum action_result
actions_drop(struct db *db, const struct actor *who, int64_t id,
    const char *reason, int64_t now)
{
	struct arena		 a;
	struct buf		 what;
	enum action_result	 r;
	int			 ok, quoted;

	if (read_real_words(reason) < REASON_MIN_WORDS)
		return (ACTION_VAGUE);
	if (db_begin(db) == -1)
		return (ACTION_ERROR);
	if ((quoted = quotes_private(db, id, reason)) != 0) {
		db_rollback(db);
		return (quoted == 1 ? ACTION_QUOTES : ACTION_ERROR);
	}
	if (db_exec(db, sql_drop, "itii", id, reason, now, who->id) != 0 ||
	    db_changes(db) != 1) {
		r = not_changed(db, id);
		db_rollback(db);
		return (r);
	}
	arena_init(&a);
	buf_init(&what, 64);
	ok = db_text(db, &what, sql_what, "i", id) == 1;
	/* Which promise, and the way to it, like every other message. */
	ok = ok && tell(db, id, now, "action_dropped", arena_printf(&a,
	    "\"%s\" will not happen. Why: %s", buf_cstr(&what), reason),
	    arena_printf(&a, "\"%s\" will not happen. See why on your view.",
	    buf_cstr(&what)), "/views") == 0 &&
	    audit_write(db, who, "action.drop", "action", id, "") == 0;
	buf_free(&what);
	arena_free(&a);
	return (db_end(db, ok) == 0 ? ACTION_OK : ACTION_ERROR);
}

/* 1 if young person user raised action id's issue and it is done. */
int
actions_may_answer(struct db *db, int64_t id, int64_t user)
{
	int64_t	 n;

	if (db_int(db, &n, sql_may_answer, "ii", id, user) != 1)
		return (-1);
	return (n > 0);
}

int
actions_answer_valid(const char *answer)
{
	int	 i;

	for (i = 0; answer != NULL && answers[i] != NULL; i++)
		if (strcmp(answers[i], answer) == 0)
			return (1);
	return (0);
}

/*
 * Keep user's answer to "Did it happen?" on action id, replacing any
 * earlier one. The audit says that they answered, never what nor which
 * action: answers are shown only as counts, and a row per action would
 * let the log's readers count who answered each. The same answer sent
 * again changes nothing and is not logged again.
 */
int
actions_answer(struct db *db, const struct actor *who, int64_t id,
    const char *answer, int64_t now)
{
	sqlite3_stmt	*st;
	char		 was[16];
	int		 rc;

	if (!actions_answer_valid(answer) || db_begin(db) == -1)
		return (-1);
	/* The answer it replaces, for the counts it leaves (release.c). */
	was[0] = '\0';
	st = db_query(db, sql_mine, "ii", id, who->id);
	if ((rc = db_step(st)) == 1)
		(void)snprintf(was, sizeof(was), "%s", db_col_text(st, 0));
	db_done(st);
	if (rc == -1 ||
	    db_exec(db, sql_answer, "iiti", id, who->id, answer, now) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (db_end(db, db_changes(db) == 0 || (release_changed(db,
	    RELEASE_HAPPENED, id, who->id, *was != '\0' ? was : NULL,
	    answer) == 0 && audit_write_hourly(db, who, "action.happened",
	    "user", who->id, "") == 0)));
}

/* The "Did it happen?" form's action and user's answer so far. */
int
actions_happened_form(struct db *db, int64_t id, int64_t user,
    struct tval *ctx)
{
	struct glossary	 g;
	struct buf	 mine;
	sqlite3_stmt	*st;
	int64_t		 view;
	int		 rc, i;

	st = db_query(db, sql_one, "i", id);
	if ((rc = db_step(st)) == 1)
		fill(st, ctx, 0);
	db_done(st);
	if (rc != 1)
		return (rc);
	if (glossary_load(db, tv_arena(ctx), &g) == -1)
		return (-1);
	explain(&g, ctx);
	buf_init(&mine, 16);
	if ((rc = db_text(db, &mine, sql_mine, "ii", id, user)) == -1) {
		buf_free(&mine);
		return (-1);
	}
	tv_set_bool(ctx, "had_answer", rc == 1);
	for (i = 0; answers[i] != NULL; i++)
		tv_set_bool(ctx, arena_printf(tv_arena(ctx), "a_%s",
		    answers[i]), rc == 1 &&
		    strcmp(buf_cstr(&mine), answers[i]) == 0);
	buf_free(&mine);
	if (db_int(db, &view, sql_answer_view, "ii", id, user) != 1)
		return (-1);
	/* Set only if there is one: a number is always truthy. */
	if (view > 0)
		tv_set_int(ctx, "view_id", view);
	return (1);
}

/*
 * On the author's own view: each done action of its issue, with the
 * way to "Did it happen?" (to_answer, any_to_answer). Messages keep only
 * the last 100, so the view is where it is found again.
 */
int
actions_to_answer(struct db *db, int64_t view, int64_t user,
    struct tval *ctx)
{
	struct tval	*list, *row;
	sqlite3_stmt	*st;
	int		 rc, n;

	list = tv_set_list(ctx, "to_answer");
	st = db_query(db, sql_to_answer, "ii", view, user);
	for (n = 0; (rc = db_step(st)) == 1; n++) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "what", db_col_text(st, 1));
		tv_set_str(row, "done_on", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 2)));
		tv_set_bool(row, "answered", sqlite3_column_int(st, 3));
	}
	db_done(st);
	tv_set_bool(ctx, "any_to_answer", n > 0);
	return (rc == -1 ? -1 : 0);
}

/* The board report's counts over actions made in [from, to), as they
 * stood at to (or now, for a period not over). */
int
actions_counts(struct db *db, int64_t from, int64_t to, int64_t now,
    struct action_counts *c)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(c, 0, sizeof(*c));
	st = db_query(db, sql_counts, "iii", from, to, to <= now ? to - 1 :
	    now);
	if ((rc = db_step(st)) == 1) {
		c->open = sqlite3_column_int64(st, 0);
		c->overdue = sqlite3_column_int64(st, 1);
		c->done = sqlite3_column_int64(st, 2);
		c->done_late = sqlite3_column_int64(st, 3);
		c->dropped = sqlite3_column_int64(st, 4);
	}
	db_done(st);
	return (rc == 1 ? 0 : -1);
}
