/*
 * issues.c: sending, answering and publishing issues, and the lists each
 * role reads (see issues.h). Every step is one transaction with the
 * timeline events and notifications of every view the issue gathered, and
 * an audit row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "glossary.h"
#include "issues.h"
#include "notify.h"
#include "readability.h"
#include "reports.h"
#include "settings.h"
#include "timefmt.h"
#include "utf8.h"

#define ISSUE_COLS_AS(title, summary)					\
	"i.id, " title ", " summary ", i.state, c.name, "		\
	"coalesce(u.display_name, ''), coalesce(i.due_at, 0), "	\
	"coalesce(i.decision, ''), coalesce(i.response, ''), "		\
	"coalesce(i.reason, ''), coalesce(i.action_text, ''), "		\
	"coalesce(i.action_owner, ''), coalesce(i.action_due, 0), "	\
	"coalesce(i.published_at, 0), coalesce(i.answered_at, 0), "	\
	"(SELECT count(*) FROM views v WHERE v.issue_id = i.id "	\
	"AND v.state IN ('approved', 'merged')), i.category_id, "	\
	"coalesce(i.first_due_at, 0), i.extensions, "			\
	"coalesce(i.extension_reason, ''), "				\
	"EXISTS (SELECT 1 FROM answer_checks ac WHERE ac.issue_id = i.id "\
	"AND ac.state = 'waiting') "
#define ISSUE_COLS	ISSUE_COLS_AS("i.title", "i.summary")
#define ISSUE_COLS_PUBLIC						\
	ISSUE_COLS_AS(ISSUE_PUBLIC_TITLE, ISSUE_PUBLIC_SUMMARY)
#define ISSUE_FROM							\
	"FROM issues i JOIN categories c ON c.id = i.category_id "	\
	"LEFT JOIN users u ON u.id = i.councillor_id "

static const char *sql_get =
	"SELECT id, state, coalesce(councillor_id, 0), "
	"coalesce(answered_at, 0) FROM issues WHERE id = ?1";
static const char *sql_detail =
	"SELECT " ISSUE_COLS ISSUE_FROM "WHERE i.id = ?1";
static const char *sql_list =
	"SELECT " ISSUE_COLS ISSUE_FROM
	"WHERE (?1 = '' OR i.state = ?1) AND (?2 = 0 OR i.category_id = ?2) "
	"AND (?3 = 0 OR i.councillor_id = ?3) "
	"AND (?4 = 0 OR " ISSUE_LATE("i.", "?5") ") "
	"ORDER BY i.id DESC LIMIT 200";
static const char *sql_mine =
	"SELECT " ISSUE_COLS ISSUE_FROM
	"WHERE i.councillor_id = ?1 AND i.state = 'with_councillor' "
	"ORDER BY i.due_at, i.id";
static const char *sql_answered_mine =
	"SELECT " ISSUE_COLS ISSUE_FROM
	"WHERE i.councillor_id = ?1 AND i.state IN ('answered', 'published') "
	"ORDER BY i.answered_at DESC LIMIT 50";
static const char *sql_published =
	"SELECT " ISSUE_COLS_PUBLIC ", (SELECT group_concat(n.display_name, "
	"', ') "
	"FROM views v JOIN users n ON n.id = v.author_id "
	"WHERE v.issue_id = i.id AND v.publish = 'name' "
	"AND v.state IN ('approved', 'merged')) " ISSUE_FROM
	"WHERE i.published_at IS NOT NULL AND (?1 = 0 OR i.category_id = ?1) "
	"ORDER BY i.published_at DESC, i.id DESC LIMIT ?3 OFFSET ?2";
static const char *sql_views_of =
	"SELECT v.id, v.title, v.body, v.better, v.share, v.publish, "
	"coalesce(u.display_name, ''), v.created_at FROM views v "
	"LEFT JOIN users u ON u.id = v.author_id "
	"WHERE v.issue_id = ?1 AND v.state IN ('approved', 'merged') "
	"ORDER BY v.id";
static const char *sql_councillors =
	"SELECT id, display_name FROM users WHERE role = 'councillor' "
	"AND disabled_at IS NULL AND closed_at IS NULL ORDER BY name_key";
static const char *sql_is_councillor =
	"SELECT display_name FROM users WHERE id = ?1 AND role = 'councillor' "
	"AND disabled_at IS NULL AND closed_at IS NULL";
static const char *sql_send =
	"UPDATE issues SET state = 'with_councillor', councillor_id = ?2, "
	"sent_at = ?3, due_at = ?4, first_due_at = ?4, extensions = 0 "
	"WHERE id = ?1 AND state = 'open'";
/*
 * To another councillor: the first due date stays (the board report
 * counts lateness by it), and an answer the last one left waiting for
 * a check or sent back is theirs, not the new councillor's: dropped.
 * The first councillor's "more time" words are theirs, not an answer of
 * the new one's: they go (the young people read them on their views).
 * The more time used stays: extensions_max is the issue's allowance, not
 * each councillor's, and the board report counts more time as late, so
 * moving an issue away and back must not give a second "more time".
 */
static const char *sql_move =
	"UPDATE issues SET councillor_id = ?2, sent_at = ?3, due_at = ?4, "
	"first_due_at = coalesce(first_due_at, due_at), "
	"decision = NULL, response = NULL, reason = NULL "
	"WHERE id = ?1 AND state = 'with_councillor' AND councillor_id <> ?2";
/* Who had it, and the words of any answer of theirs not yet sent. */
static const char *sql_move_from =
	"SELECT i.councillor_id, i.title, coalesce(c.response, ''), "
	"coalesce(u.display_name, ''), coalesce(c.reason, ''), "
	"coalesce(c.action_text, '') FROM issues i "
	"LEFT JOIN answer_checks c ON c.issue_id = i.id "
	"LEFT JOIN users u ON u.id = i.councillor_id WHERE i.id = ?1";
static const char *sql_move_drop =
	"DELETE FROM answer_checks WHERE issue_id = ?1";
static const char *sql_more_time =
	"UPDATE issues SET decision = 'more_time', response = ?2, "
	"reason = ?3, first_due_at = coalesce(first_due_at, due_at), "
	"due_at = ?4, extensions = extensions + 1, extension_reason = ?3 "
	"WHERE id = ?1 AND state = 'with_councillor'";
static const char *sql_answer =
	"UPDATE issues SET state = 'answered', decision = ?2, response = ?3, "
	"reason = ?4, action_text = ?5, action_owner = ?6, action_due = ?7, "
	"answered_at = ?8 WHERE id = ?1 AND state = 'with_councillor'";
static const char *sql_publish =
	"UPDATE issues SET state = 'published', published_at = ?2, "
	"public_title = ?3, public_summary = ?4 "
	"WHERE id = ?1 AND state = 'answered'";
/*
 * What a person still holds: issues to answer, open actions, and the
 * promises of the current Pledge they own (kept or not: each names them
 * as who is responsible).
 */
static const char *sql_held =
	"SELECT (SELECT count(*) FROM issues WHERE councillor_id = ?1 AND "
	"state = 'with_councillor'), (SELECT count(*) FROM actions WHERE "
	"owner_id = ?1 AND state = 'open'), (SELECT count(*) FROM promises "
	"p JOIN pledge_versions v ON v.id = p.version_id WHERE "
	"p.owner_id = ?1 AND v.state = 'current')";
static const char *sql_has_private =
	"SELECT count(*) FROM views WHERE issue_id = ?1 AND publish = 'no'";
static const char *sql_private_words =
	"SELECT title, body, better FROM views "
	"WHERE issue_id = ?1 AND publish = 'no'";
/* What publishing shows of the answer (you_said.c, the open data). */
static const char *sql_answer_words =
	"SELECT coalesce(response, ''), coalesce(reason, ''), "
	"coalesce(action_text, ''), coalesce(extension_reason, '') "
	"FROM issues WHERE id = ?1";

static const char *const decisions[] = {
	"agreed", "partly", "not_agreed", "more_time", NULL,
};

const char *
issues_decision_label(const char *d)
{
	if (strcmp(d, "agreed") == 0)
		return ("Agreed");
	if (strcmp(d, "partly") == 0)
		return ("Partly agreed");
	if (strcmp(d, "not_agreed") == 0)
		return ("Not agreed");
	if (strcmp(d, "more_time") == 0)
		return ("Needs more time");
	return ("");
}

static const char *
state_label(const char *s)
{
	if (strcmp(s, "open") == 0)
		return ("Not sent yet");
	if (strcmp(s, "with_councillor") == 0)
		return ("With a councillor");
	if (strcmp(s, "answered") == 0)
		return ("Answered, not published");
	if (strcmp(s, "published") == 0)
		return ("Published");
	return (s);
}

/* One row of ISSUE_COLS into map row. */
static void
fill(sqlite3_stmt *st, struct tval *row, int64_t now)
{
	struct arena	*a = tv_arena(row);
	int64_t		 due, first;

	tv_set_int(row, "id", sqlite3_column_int64(st, 0));
	tv_set_str(row, "title", db_col_text(st, 1));
	tv_set_str(row, "summary", db_col_text(st, 2));
	tv_set_str(row, "state", state_label(db_col_text(st, 3)));
	tv_set_bool(row, arena_printf(a, "is_%s", db_col_text(st, 3)), 1);
	tv_set_str(row, "category", db_col_text(st, 4));
	tv_set_str(row, "councillor", db_col_text(st, 5));
	due = sqlite3_column_int64(st, 6);
	tv_set_str(row, "due", time_date(a, due));
	tv_set_bool(row, "overdue", due > 0 && due < now &&
	    strcmp(db_col_text(st, 3), "with_councillor") == 0);
	tv_set_str(row, "decision", issues_decision_label(db_col_text(st, 7)));
	tv_set_bool(row, arena_printf(a, "decision_%s", db_col_text(st, 7)),
	    1);
	tv_set_str(row, "response", db_col_text(st, 8));
	tv_set_str(row, "reason", db_col_text(st, 9));
	tv_set_str(row, "action_text", db_col_text(st, 10));
	tv_set_str(row, "action_owner", db_col_text(st, 11));
	tv_set_str(row, "action_due", time_date(a,
	    sqlite3_column_int64(st, 12)));
	tv_set_str(row, "published", time_date(a,
	    sqlite3_column_int64(st, 13)));
	tv_set_str(row, "answered", time_date(a,
	    sqlite3_column_int64(st, 14)));
	tv_set_int(row, "views", sqlite3_column_int64(st, 15));
	tv_set_bool(row, "views_one", sqlite3_column_int64(st, 15) == 1);
	tv_set_int(row, "category_id", sqlite3_column_int64(st, 16));
	/* The first due date is kept and shown beside any later one. */
	first = sqlite3_column_int64(st, 17);
	tv_set_str(row, "first_due", time_date(a, first > 0 ? first : due));
	tv_set_str(row, "extensions", times_words(a,
	    sqlite3_column_int64(st, 18)));
	tv_set_bool(row, "extended", sqlite3_column_int64(st, 18) > 0);
	/* More time given, or sent on to another councillor. */
	tv_set_bool(row, "due_moved", first > 0 && first != due);
	tv_set_str(row, "extension_reason", db_col_text(st, 19));
	tv_set_bool(row, "to_check", sqlite3_column_int(st, 20));
	/* By the first due date, as ISSUE_LATE and the board report. */
	if (first == 0)
		first = due;
	tv_set_bool(row, "late", first > 0 && strcmp(db_col_text(st, 3),
	    "open") != 0 && (sqlite3_column_int64(st, 14) > 0 ?
	    sqlite3_column_int64(st, 14) > first : now > first));
}

static int
fill_list(sqlite3_stmt *st, struct tval *list, int64_t now)
{
	int	 rc;

	while ((rc = db_step(st)) == 1)
		fill(st, tv_push_map(list), now);
	db_done(st);
	return (rc);
}

int
issues_get(struct db *db, int64_t id, struct issue *is)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_get, "i", id);
	if ((rc = db_step(st)) == 1) {
		is->id = sqlite3_column_int64(st, 0);
		(void)snprintf(is->state, sizeof(is->state), "%s",
		    db_col_text(st, 1));
		is->councillor_id = sqlite3_column_int64(st, 2);
		is->answered_at = sqlite3_column_int64(st, 3);
	}
	db_done(st);
	return (rc);
}

/*
 * An issue and the views it gathered. Workers (all_texts) read every
 * original text with the author's name; councillors read only what young
 * people agreed to share, and never a name.
 */
int
issues_detail(struct db *db, int64_t id, int all_texts, struct tval *ctx)
{
	struct tval	*list, *row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_detail, "i", id);
	if ((rc = db_step(st)) == 1)
		fill(st, ctx, (int64_t)time(NULL));
	db_done(st);
	if (rc != 1)
		return (rc);
	list = tv_set_list(ctx, "texts");
	st = db_query(db, sql_views_of, "i", id);
	while ((rc = db_step(st)) == 1) {
		if (!all_texts && sqlite3_column_int(st, 4) == 0)
			continue;
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
		tv_set_str(row, "body", db_col_text(st, 2));
		tv_set_str(row, "better", db_col_text(st, 3));
		tv_set_bool(row, "share", sqlite3_column_int(st, 4));
		tv_set_str(row, "publish", db_col_text(st, 5));
		tv_set_bool(row, "private", strcmp(db_col_text(st, 5),
		    "no") == 0);
		if (all_texts)
			tv_set_str(row, "author", *db_col_text(st, 6) ?
			    db_col_text(st, 6) : "(no account)");
		tv_set_str(row, "when", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 7)));
	}
	db_done(st);
	if (rc != 0 || (rc = issues_has_private(db, id)) == -1)
		return (-1);
	tv_set_bool(ctx, "has_private", rc);
	return (1);
}

int
issues_list(struct db *db, const struct issue_filter *f, struct tval *list)
{
	return (fill_list(db_query(db, sql_list, "tiidi", f->state ? f->state :
	    "", f->category_id, f->councillor_id, f->overdue, f->now), list,
	    f->now));
}

/* A councillor's issues to answer (overdue first) and recent answers. */
/*
 * How many young people raised each issue of list, as a councillor reads
 * it: a small number "fewer than N", as issues.csv says it. Workers, who
 * read every view with its name, see the number.
 */
static void
small_views_hidden(struct db *db, struct tval *list)
{
	struct tval	*row;
	int64_t		 threshold, n;

	threshold = settings_int(db, "small_count", 5);
	for (row = (struct tval *)tv_first(list); row != NULL;
	    row = (struct tval *)tv_next(row)) {
		n = strtoll(tv_get_str(row, "views"), NULL, 10);
		if (n >= threshold)
			continue;
		tv_set_str(row, "views", count_text(tv_arena(row), n,
		    threshold));
		tv_set_bool(row, "views_one", 0);
	}
}

int
issues_for_councillor(struct db *db, int64_t councillor, int64_t now,
    struct tval *ctx)
{
	struct tval	*todo, *done;

	if (fill_list(db_query(db, sql_mine, "i", councillor),
	    (todo = tv_set_list(ctx, "todo")), now) == -1 ||
	    fill_list(db_query(db, sql_answered_mine, "i", councillor),
	    (done = tv_set_list(ctx, "done")), now) == -1)
		return (-1);
	small_views_hidden(db, todo);
	small_views_hidden(db, done);
	return (0);
}

int
issues_councillors(struct db *db, int64_t selected, struct tval *list)
{
	return (db_options(db, sql_councillors, selected, list));
}

/* Words young people may not know, explained on first use in the row. */
static void
explain_row(struct glossary *g, struct tval *row)
{
	struct arena	*a = tv_arena(row);
	static const char *const keys[] = {
		"summary", "response", "reason", "action_text",
		"extension_reason", NULL,
	};
	int		 i;

	memset(g->seen, 0, sizeof(g->seen));
	for (i = 0; keys[i] != NULL; i++)
		tv_set_str(row, keys[i], glossary_explain(g, a,
		    tv_get_str(row, keys[i])));
}

/*
 * "You said, we did": published outcomes, newest first, names only by
 * choice; page `page` of ISSUES_PAGE. *more is set if there are more.
 */
int
issues_published(struct db *db, int64_t category, int64_t page,
    struct tval *list, int *more)
{
	struct glossary	 g;
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc, n;

	*more = 0;
	if (glossary_load(db, tv_arena(list), &g) == -1)
		return (-1);
	st = db_query(db, sql_published, "iii", category, page * ISSUES_PAGE,
	    (int64_t)ISSUES_PAGE + 1);
	for (n = 0; (rc = db_step(st)) == 1; n++) {
		if (n == ISSUES_PAGE) {
			*more = 1;
			break;
		}
		row = tv_push_map(list);
		fill(st, row, 0);
		tv_set_str(row, "named", db_col_text(st, 21));
		explain_row(&g, row);
	}
	db_done(st);
	return (rc);
}

/* Only the councillor it was sent to answers, and only while it waits. */
int
issues_may_respond(const struct issue *is, int64_t councillor_id)
{
	return (is->councillor_id == councillor_id &&
	    strcmp(is->state, "with_councillor") == 0);
}

/* Send an open issue to a councillor. -1 if either is not as expected. */
int
issues_send(struct db *db, const struct actor *who, int64_t id,
    int64_t councillor, int64_t due, int64_t now)
{
	struct buf	 name;
	struct arena	 a;
	char		*text;
	int		 ok;

	if (db_begin(db) == -1)
		return (-1);
	buf_init(&name, 64);
	arena_init(&a);
	ok = db_text(db, &name, sql_is_councillor, "i", councillor) == 1 &&
	    db_exec(db, sql_send, "iiii", id, councillor, now, due) == 0 &&
	    db_changes(db) == 1;
	text = arena_printf(&a, "This has gone to %s, a councillor. They "
	    "should answer by %s.", buf_cstr(&name), time_date(&a, due));
	/* The councillor hears of it now, not from the reminder. */
	ok = ok && notify_issue(db, id, now, "sent", text,
	    "Your view has gone to a councillor:") == 0 &&
	    notify_user(db, councillor, now, arena_printf(&a, "An issue was "
	    "sent to you to answer by %s.", time_date(&a, due)),
	    arena_printf(&a, "/my-issues/%lld", (long long)id)) == 0 &&
	    audit_write(db, who, "issue.send", "issue", id,
	    buf_cstr(&name)) == 0;
	buf_free(&name);
	arena_free(&a);
	return (db_end(db, ok));
}

/*
 * Both councillors told of a move: the one who had it, with the words of
 * any answer of theirs it drops (theirs to keep; nobody else reads
 * them), and the one who has it now, with the date; *was: the first
 * one's name, in a.
 */
static int
move_notes(struct db *db, struct arena *a, int64_t id, int64_t to,
    int64_t due, int64_t now, const char **was)
{
	sqlite3_stmt	*st;
	const char	*text;
	int64_t		 from;
	int		 rc;

	st = db_query(db, sql_move_from, "i", id);
	if ((rc = db_step(st)) != 1) {
		db_done(st);
		return (-1);
	}
	from = sqlite3_column_int64(st, 0);
	*was = arena_strdup(a, db_col_text(st, 3));
	text = arena_printf(a, "\"%s\" has moved to another councillor, so "
	    "it is no longer yours to answer.", db_col_text(st, 1));
	/* Everything they wrote comes back to them, not the answer only. */
	if (*db_col_text(st, 2) != '\0')
		text = arena_printf(a, "%s Your answer was not sent. What you "
		    "wrote: \"%s\"", text, db_col_text(st, 2));
	if (*db_col_text(st, 4) != '\0')
		text = arena_printf(a, "%s Your reason: \"%s\"", text,
		    db_col_text(st, 4));
	if (*db_col_text(st, 5) != '\0')
		text = arena_printf(a, "%s What would happen: \"%s\"", text,
		    db_col_text(st, 5));
	rc = notify_user(db, from, now, text, "/my-issues") == 0 &&
	    notify_user(db, to, now, arena_printf(a, "A participation worker "
	    "sent you \"%s\" to answer by %s.", db_col_text(st, 1),
	    time_date(a, due)), arena_printf(a, "/my-issues/%lld",
	    (long long)id)) == 0 ? 0 : -1;
	db_done(st);
	return (rc);
}

/*
 * Move an issue that is with a councillor to another (the first one
 * left, or was disabled), to answer by due, with what is left of the
 * issue's allowance of more time; both councillors and its young
 * people are told. -1 if it
 * is not with a councillor, is with this one already, or that person is
 * not an active councillor.
 */
int
issues_move(struct db *db, const struct actor *who, int64_t id,
    int64_t councillor, int64_t due, int64_t now)
{
	struct buf	 name;
	struct arena	 a;
	const char	*was = "";
	char		*text, *detail;
	int		 ok;

	if (db_begin(db) == -1)
		return (-1);
	buf_init(&name, 64);
	arena_init(&a);
	ok = db_text(db, &name, sql_is_councillor, "i", councillor) == 1 &&
	    move_notes(db, &a, id, councillor, due, now, &was) == 0 &&
	    db_exec(db, sql_move, "iiii", id, councillor, now, due) == 0 &&
	    db_changes(db) == 1 &&
	    db_exec(db, sql_move_drop, "i", id) == 0;
	text = arena_printf(&a, "This has moved to %s, a councillor. They "
	    "should answer by %s.", buf_cstr(&name), time_date(&a, due));
	detail = arena_printf(&a, "from %s to %s", was, buf_cstr(&name));
	ok = ok && notify_issue(db, id, now, "moved", text,
	    "Your view has gone to another councillor:") == 0 &&
	    audit_write(db, who, "issue.move", "issue", id, detail) == 0;
	buf_free(&name);
	arena_free(&a);
	return (db_end(db, ok));
}

/*
 * NULL if r is a valid response at time now, else what is wrong and
 * (*field) which field.
 */
const char *
issues_response_problem(const struct response *r, int64_t now,
    const char **field)
{
	int	 i;

	*field = "decision";
	for (i = 0; decisions[i] != NULL; i++)
		if (r->decision != NULL && strcmp(decisions[i], r->decision) ==
		    0)
			break;
	if (decisions[i] == NULL)
		return ("Choose what you have decided.");
	*field = "text";
	if (r->text == NULL || *r->text == '\0')
		return ("Write your answer to the young people.");
	*field = "reason";
	if (strcmp(r->decision, "agreed") != 0 &&
	    (r->reason == NULL || *r->reason == '\0'))
		return ("Give the reason. Young people must be told why when "
		    "the answer is not a yes, or when it needs more time.");
	if (r->reason != NULL && *r->reason != '\0' &&
	    read_real_words(r->reason) < REASON_MIN_WORDS)
		return ("Write the reason in a few real words (at least 3), "
		    "so young people understand why.");
	*field = "new_due";
	if (strcmp(r->decision, "more_time") == 0 && r->new_due <= now)
		return ("Give the new date you will answer by. It must be in "
		    "the future.");
	/* action_due is the start of its day: today is still in time. */
	*field = "action_due";
	if (r->action_due > 0 && time_day_after(r->action_due) <= now)
		return ("The date for the action has passed. Choose today or a "
		    "later date.");
	*field = "action_owner";
	if (strcmp(r->decision, "agreed") == 0 && r->action_text != NULL &&
	    *r->action_text != '\0' && (r->action_owner == NULL ||
	    *r->action_owner == '\0'))
		return ("Say who will do the action.");
	return (NULL);
}

static const char *
answer_text(struct arena *a, const struct response *r)
{
	if (strcmp(r->decision, "agreed") == 0)
		return (arena_printf(a, "Agreed. %s", r->text));
	return (arena_printf(a, "%s. %s Why: %s",
	    issues_decision_label(r->decision), r->text, r->reason));
}

/* What young people read on their timeline, words explained. */
static const char *
timeline_text(struct db *db, struct arena *a, const struct response *r)
{
	struct glossary	 g;
	const char	*t;

	if (strcmp(r->decision, "more_time") == 0)
		t = arena_printf(a, "The councillor needs more time, and "
		    "will answer by %s. Why: %s", time_date(a, r->new_due),
		    r->reason);
	else
		t = answer_text(a, r);
	if (glossary_load(db, a, &g) == -1)
		return (t);
	return (glossary_explain(&g, a, t));
}

/* The councillor's answer. The caller has checked issues_may_respond. */
int
issues_respond(struct db *db, const struct actor *who, int64_t id,
    const struct response *r, int64_t now)
{
	struct arena	 a;
	const char	*field;
	int		 more, ok;

	if (issues_response_problem(r, now, &field) != NULL ||
	    db_begin(db) == -1)
		return (-1);
	arena_init(&a);
	more = strcmp(r->decision, "more_time") == 0;
	if (more)
		ok = db_exec(db, sql_more_time, "itti", id, r->text, r->reason,
		    r->new_due) == 0;
	else
		ok = db_exec(db, sql_answer, "itttttii", id, r->decision,
		    r->text, *r->reason ? r->reason : NULL,
		    r->action_text && *r->action_text ? r->action_text : NULL,
		    r->action_owner && *r->action_owner ? r->action_owner :
		    NULL, r->action_due, r->written_at > 0 &&
		    r->written_at <= now ? r->written_at : now) == 0;
	ok = ok && db_changes(db) == 1 &&
	    notify_issue(db, id, now, more ? "more_time" : "answered",
	    timeline_text(db, &a, r), more ?
	    "A councillor needs more time on" :
	    "A councillor has answered") == 0 &&
	    audit_write(db, who, more ? "issue.more_time" : "issue.answer",
	    "issue", id, r->decision) == 0;
	arena_free(&a);
	return (db_end(db, ok));
}

/*
 * What user still holds: issues waiting for their answer, open actions
 * and promises of the current Pledge. 0, or -1 on error.
 */
int
issues_held_by(struct db *db, int64_t user, int64_t *issues,
    int64_t *actions, int64_t *promises)
{
	sqlite3_stmt	*st;
	int		 rc;

	*issues = *actions = *promises = 0;
	st = db_query(db, sql_held, "i", user);
	if ((rc = db_step(st)) == 1) {
		*issues = sqlite3_column_int64(st, 0);
		*actions = sqlite3_column_int64(st, 1);
		*promises = sqlite3_column_int64(st, 2);
	}
	db_done(st);
	return (rc == 1 ? 0 : -1);
}

/* 1 if a view its author kept private ever joined issue id, 0 if not. */
int
issues_has_private(struct db *db, int64_t id)
{
	int64_t	 n;

	if (db_int(db, &n, sql_has_private, "i", id) != 1)
		return (-1);
	return (n > 0);
}

/*
 * Words of s, each followed by one space, for matching: folded the same
 * way whatever was typed (case, accents, composed or not, fullwidth),
 * with any space, punctuation or symbol of any script between words
 * (cp_word). Apostrophes join: "don't", with a straight or a curly one,
 * and "dont" are one word.
 */
static char *
words_of(const char *s, size_t *nwords)
{
	const char	*end = s + strlen(s);
	char		*out, *o;
	uint32_t	 c, folded;
	int		 gap, kind;

	/* A folded letter is never longer than the one typed, but for a
	 * fullwidth one; each may take 4 bytes. */
	if ((out = malloc(strlen(s) * 4 + 2)) == NULL)
		abort();
	o = out;
	gap = 1;
	*nwords = 0;
	while (s < end) {
		if (utf8_decode(&s, end, &c) == -1) {
			s++;
			c = ' ';
		}
		if (c == '\'' || c == 0x2019)
			continue;
		if ((kind = cp_word(c, &folded)) == -1)
			continue;
		if (kind == 1) {
			o += utf8_encode(folded, o);
			gap = 0;
		} else if (!gap) {
			*o++ = ' ';
			(*nwords)++;
			gap = 1;
		}
	}
	if (!gap) {
		*o++ = ' ';
		(*nwords)++;
	}
	*o = '\0';
	return (out);
}

/* 1 if hay (" "-led words) holds the n words at w in a row. */
static int
holds_run(struct buf *needle, const char *hay, const char *w, size_t n)
{
	const char	*end;
	size_t		 i;

	for (end = w, i = 0; i < n; i++)
		end = strchr(end, ' ') + 1;
	buf_reset(needle);
	buf_putc(needle, ' ');
	buf_append(needle, w, (size_t)(end - w));
	return (strstr(hay, buf_cstr(needle)) != NULL);
}

/*
 * 1 if some sentence of private, QUOTE_SHORT words or more but shorter
 * than n, is in hay whole: a young person's title ("Designated teacher
 * never there") or a short sentence ("He reads my texts.") is theirs
 * however few its words.
 */
static int
holds_short_sentence(struct buf *needle, const char *hay,
    const char *private, size_t n)
{
	char	*copy, *rest, *sentence, *w;
	size_t	 nw;
	int	 hit;

	if ((copy = strdup(private)) == NULL)
		abort();
	hit = 0;
	/* Not at line breaks: "He reads\nmy texts." is one sentence. */
	for (rest = copy; !hit &&
	    (sentence = strsep(&rest, ".!?;:")) != NULL; ) {
		w = words_of(sentence, &nw);
		if (nw >= QUOTE_SHORT && nw < n)
			hit = holds_run(needle, hay, w, nw);
		free(w);
	}
	free(copy);
	return (hit);
}

/*
 * 1 if public quotes private: the same words, ignoring case and
 * punctuation, either all of private, n of them in a row, or a whole
 * short sentence of it (holds_short_sentence).
 */
int
issues_quotes(const char *public, const char *private, int n)
{
	struct buf	 hay, needle;
	char		*pub, *prv, *w;
	size_t		 np, nv;
	int		 hit;

	prv = words_of(private, &nv);
	pub = words_of(public, &np);
	buf_init(&hay, np * 8 + 2);
	buf_putc(&hay, ' ');
	buf_puts(&hay, pub);
	buf_init(&needle, 128);
	hit = nv > 0 && strcmp(pub, prv) == 0;
	for (w = prv; !hit && n > 0 && nv >= (size_t)n; nv--) {
		hit = holds_run(&needle, buf_cstr(&hay), w, (size_t)n);
		w = strchr(w, ' ') + 1;
	}
	if (!hit && n > 0)
		hit = holds_short_sentence(&needle, buf_cstr(&hay), private,
		    (size_t)n);
	buf_free(&needle);
	buf_free(&hay);
	free(prv);
	free(pub);
	return (hit);
}

/*
 * Whether any of the n texts quotes a private view of issue id. 1, 0, or
 * -1 on error.
 */
static int
quotes_private(struct db *db, int64_t id, const char *const *texts,
    size_t n)
{
	sqlite3_stmt	*st;
	size_t		 i, j;
	int		 rc, quoted;

	quoted = 0;
	st = db_query(db, sql_private_words, "i", id);
	while (!quoted && (rc = db_step(st)) == 1)
		for (i = 0; i < 3 && !quoted; i++)
			for (j = 0; j < n && !quoted; j++)
				quoted = issues_quotes(texts[j],
				    db_col_text(st, (int)i), QUOTE_WORDS);
	db_done(st);
	return (rc == -1 ? -1 : quoted);
}

/*
 * Whether an answer to issue id quotes a young person's private view of
 * it: the answer goes to every young person on the issue's timeline,
 * and then public, so it may not repeat words its author kept private
 * (shared with councillors is not shared with the other young people).
 * 1, 0, or -1 on error.
 */
int
issues_answer_quotes_private(struct db *db, int64_t id,
    const struct response *r)
{
	const char	*words[4];

	words[0] = r->text ? r->text : "";
	words[1] = r->reason ? r->reason : "";
	words[2] = r->action_text ? r->action_text : "";
	/* Published beside the action: "(Children's services)". */
	words[3] = r->action_owner ? r->action_owner : "";
	return (quotes_private(db, id, words, 4));
}

/* Whether text quotes a private view of issue id. 1, 0, or -1. */
int
issues_quotes_private(struct db *db, int64_t id, const char *text)
{
	return (quotes_private(db, id, &text, 1));
}

/*
 * What is wrong with publishing issue id under these public words, as a
 * publish_result: an issue with a private view needs both, and neither
 * may quote what a private view said; nor may the councillor's answer as
 * it would be published (a councillor reads the words of a view its
 * author shared with them, and may have written them into the answer).
 */
static enum publish_result
public_words_problem(struct db *db, int64_t id, const char *title,
    const char *summary)
{
	struct arena	 a;
	sqlite3_stmt	*st;
	const char	*words[4];
	int		 rc, quoted;

	if ((rc = issues_has_private(db, id)) != 1)
		return (rc == 0 ? PUBLISH_OK : PUBLISH_ERROR);
	if (title == NULL || *title == '\0' || summary == NULL ||
	    *summary == '\0')
		return (PUBLISH_NEEDS_WORDS);
	/* Each, and the two as they are read, one after the other: four
	 * words in the title and the rest in the summary are a quote. */
	arena_init(&a);
	words[0] = title;
	words[1] = summary;
	words[2] = arena_printf(&a, "%s %s", title, summary);
	quoted = quotes_private(db, id, words, 3);
	if (quoted != 0) {
		arena_free(&a);
		return (quoted == -1 ? PUBLISH_ERROR : PUBLISH_QUOTES);
	}
	arena_free(&a);
	st = db_query(db, sql_answer_words, "i", id);
	if ((rc = db_step(st)) == 1) {
		words[0] = db_col_text(st, 0);
		words[1] = db_col_text(st, 1);
		words[2] = db_col_text(st, 2);
		words[3] = db_col_text(st, 3);
		quoted = quotes_private(db, id, words, 4);
	}
	db_done(st);
	if (rc == -1 || quoted == -1)
		return (PUBLISH_ERROR);
	return (quoted ? PUBLISH_ANSWER_QUOTES : PUBLISH_OK);
}

/*
 * Publish an answered issue on "You said, we did". title and summary are
 * the worker's own public words (NULL or empty: none); an issue that
 * gathered a private view is refused without them.
 */
enum publish_result
issues_publish(struct db *db, const struct actor *who, int64_t id,
    const char *title, const char *summary, int64_t now)
{
	enum publish_result	 r;

	if (title != NULL && *title == '\0')
		title = NULL;
	if (summary != NULL && *summary == '\0')
		summary = NULL;
	if (db_begin(db) == -1)
		return (PUBLISH_ERROR);
	if ((r = public_words_problem(db, id, title, summary)) !=
	    PUBLISH_OK) {
		db_rollback(db);
		return (r);
	}
	return (db_end(db, db_exec(db, sql_publish, "iitt", id, now, title,
	    summary) == 0 && db_changes(db) == 1 &&
	    notify_issue_private(db, id, now, "published", "The answer is now "
	    "on the \"You said, we did\" page for everyone to see.",
	    "The answer is now on the \"You said, we did\" page. Your words "
	    "and your name are not on it, because you asked to keep your "
	    "view private.",
	    "The answer has been shared on You said, we did:") == 0 &&
	    audit_write(db, who, "issue.publish", "issue", id, "") == 0) == 0 ?
	    PUBLISH_OK : PUBLISH_ERROR);
}
