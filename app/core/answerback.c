/*
 * answerback.c: replies, "look at it again" and "me too" (see
 * answerback.h). Every change is one transaction with its audit row and
 * the timeline events it causes.
 */
#include <stdio.h>
#include <string.h>

#include "answerback.h"
#include "concerns.h"
#include "notify.h"
#include "release.h"
#include "safeguarding.h"
#include "settings.h"
#include "suppress.h"
#include "timefmt.h"

static const char *sql_answer_of =
	"SELECT i.id, i.category_id, v.title, i.state, "
	"coalesce(i.decision, '') FROM views v "
	"JOIN issues i ON i.id = v.issue_id WHERE v.id = ?1 "
	"AND v.state IN ('approved', 'merged')";
static const char *sql_replies =
	"SELECT id, created_at, state, read_at IS NOT NULL FROM views "
	"WHERE reply_to = ?1 AND author_id = ?2 ORDER BY id";
static const char *sql_reply_of =
	"SELECT o.id, o.title FROM views r JOIN views o ON "
	"o.issue_id = r.reply_to AND o.author_id = r.author_id "
	"AND o.state IN ('approved', 'merged') WHERE r.id = ?1 "
	"ORDER BY o.id LIMIT 1";
static const char *sql_last_appeal =
	"SELECT a.state, a.reason, coalesce(a.decision_reason, ''), "
	"a.created_at, coalesce(a.decided_at, 0), "
	"CASE WHEN a.state = 'reopened' AND i.answered_at > a.decided_at "
	"AND i.state IN ('answered', 'published') THEN i.answered_at "
	"ELSE 0 END FROM answer_appeals a JOIN issues i ON i.id = a.issue_id "
	"WHERE a.issue_id = ?1 AND a.user_id = ?2 ORDER BY a.id DESC LIMIT 1";
static const char *sql_open_of =
	"SELECT coalesce(max(id), 0) FROM answer_appeals WHERE issue_id = ?1 "
	"AND user_id = ?2 AND state = 'open'";
static const char *sql_same_words =
	"SELECT count(*) FROM answer_appeals WHERE id = ?1 AND reason = ?2";
static const char *sql_appeal_insert =
	"INSERT INTO answer_appeals (issue_id, user_id, reason, created_at) "
	"VALUES (?1, ?2, ?3, ?4)";
static const char *sql_appeals =
	"SELECT a.id, a.reason, u.display_name, a.created_at, a.state, "
	"coalesce(a.decision_reason, ''), coalesce(d.display_name, ''), "
	"coalesce(a.decided_at, 0), EXISTS (SELECT 1 FROM concerns c WHERE "
	"c.kind = 'answer_appeal' AND c.item_id = a.id AND "
	"c.closed_at IS NULL) FROM answer_appeals a "
	"JOIN users u ON u.id = a.user_id "
	"LEFT JOIN users d ON d.id = a.decided_by "
	"WHERE a.issue_id = ?1 ORDER BY a.state = 'open' DESC, a.id DESC "
	"LIMIT 200";
static const char *sql_appeals_count =
	"SELECT count(*) FROM answer_appeals WHERE issue_id = ?1 "
	"AND state = 'open'";
static const char *sql_decide =
	"UPDATE answer_appeals SET state = ?3, decided_by = ?4, "
	"decided_at = ?5, decision_reason = ?6 "
	"WHERE id = ?1 AND issue_id = ?2 AND state = 'open'";
static const char *sql_appeal_user =
	"SELECT user_id FROM answer_appeals WHERE id = ?1";
static const char *sql_issue_state =
	"SELECT state = 'with_councillor', coalesce(councillor_id, 0), "
	"coalesce((SELECT u.disabled_at IS NOT NULL FROM users u WHERE "
	"u.id = issues.councillor_id), 0) FROM issues WHERE id = ?1";
/*
 * Back to its councillor, with a fresh first due date for a new answer,
 * and off the public pages: the new answer is published again only when
 * a worker publishes it, with its words checked again.
 */
static const char *sql_reopen =
	"UPDATE issues SET state = 'with_councillor', sent_at = ?2, "
	"due_at = ?3, first_due_at = ?3, extensions = 0, "
	"published_at = NULL, answered_at = NULL WHERE id = ?1 "
	"AND state IN ('answered', 'published') AND councillor_id IS NOT NULL";
static const char *sql_their_view =
	"SELECT id FROM views WHERE issue_id = ?1 AND author_id = ?2 "
	"AND state IN ('approved', 'merged') ORDER BY id LIMIT 1";
static const char *sql_published =
	"SELECT count(*) FROM issues WHERE id = ?1 "
	"AND published_at IS NOT NULL";
static const char *sql_metoo_add =
	"INSERT OR IGNORE INTO issue_support (issue_id, user_id, created_at) "
	"VALUES (?1, ?2, ?3)";
static const char *sql_metoo_drop =
	"DELETE FROM issue_support WHERE issue_id = ?1 AND user_id = ?2";
/* As last released (release.c), never live. */
static const char *sql_metoo_count =
	"SELECT coalesce(sum(n), 0) FROM released_counts WHERE kind = 'metoo' "
	"AND item_id = ?1";
static const char *sql_metoo_mine =
	"SELECT count(*) FROM issue_support WHERE issue_id = ?1 "
	"AND user_id = ?2";

/*
 * The answer to a view, as its author was told it: 1 (and out) if the
 * view joined an issue, 0 if not, -1 on error. A reopened issue takes
 * no reply or request until it is answered again.
 */
int
ab_answer_of(struct db *db, const struct view *v, struct ab_answer *out)
{
	sqlite3_stmt	*st;
	const char	*state, *decision;
	int		 rc, told;

	memset(out, 0, sizeof(*out));
	st = db_query(db, sql_answer_of, "i", v->id);
	if ((rc = db_step(st)) == 1) {
		out->issue_id = sqlite3_column_int64(st, 0);
		out->category_id = sqlite3_column_int64(st, 1);
		(void)snprintf(out->title, sizeof(out->title), "%s",
		    db_col_text(st, 2));
		state = db_col_text(st, 3);
		decision = db_col_text(st, 4);
		told = strcmp(state, "answered") == 0 ||
		    strcmp(state, "published") == 0;
		out->can_ask = told && (strcmp(decision, "partly") == 0 ||
		    strcmp(decision, "not_agreed") == 0);
		out->can_reply = told && (out->can_ask ||
		    strcmp(decision, "agreed") == 0);
	}
	db_done(st);
	return (rc);
}

static int
put_replies(struct db *db, int64_t issue, int64_t user, struct tval *ctx)
{
	struct tval	*list, *row;
	sqlite3_stmt	*st;
	int		 rc;

	list = tv_set_list(ctx, "replies");
	st = db_query(db, sql_replies, "ii", issue, user);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "when", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 1)));
		/* As the reply's own page says it: read, or waiting. */
		tv_set_str(row, "state", views_label(db_col_text(st, 2), "",
		    sqlite3_column_int(st, 3)));
	}
	db_done(st);
	return (rc);
}

static int
put_appeal(struct db *db, int64_t issue, int64_t user, struct tval *ctx)
{
	struct tval	*m;
	sqlite3_stmt	*st;
	const char	*state;
	int		 rc;

	st = db_query(db, sql_last_appeal, "ii", issue, user);
	if ((rc = db_step(st)) == 1) {
		m = tv_set_map(ctx, "appeal");
		state = db_col_text(st, 0);
		tv_set_bool(m, "open", strcmp(state, "open") == 0);
		tv_set_bool(m, "reopened", strcmp(state, "reopened") == 0);
		tv_set_bool(m, "declined", strcmp(state, "declined") == 0);
		tv_set_str(m, "reason", db_col_text(st, 1));
		tv_set_str(m, "decision_reason", db_col_text(st, 2));
		tv_set_str(m, "asked", time_date(tv_arena(m),
		    sqlite3_column_int64(st, 3)));
		if (sqlite3_column_int64(st, 4) > 0)
			tv_set_str(m, "decided", time_date(tv_arena(m),
			    sqlite3_column_int64(st, 4)));
		/* Answered again since: say so, not "you will hear". */
		if (sqlite3_column_int64(st, 5) > 0)
			tv_set_str(m, "answered_again", time_date(tv_arena(m),
			    sqlite3_column_int64(st, 5)));
		if (strcmp(state, "open") == 0)
			tv_set_bool(ctx, "appeal_waiting", 1);
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}

/*
 * What the view's page offers about its answer: reply, ask again (unless
 * a request already waits), the last request and its decision, and the
 * replies already sent. 0 on success.
 */
int
ab_view_context(struct db *db, const struct view *v, int64_t user,
    struct tval *ctx)
{
	struct ab_answer	 ans;
	int			 rc;

	if ((rc = ab_answer_of(db, v, &ans)) != 1)
		return (rc);
	if (user <= 0)
		return (0);
	if (put_appeal(db, ans.issue_id, user, ctx) == -1 ||
	    put_replies(db, ans.issue_id, user, ctx) == -1)
		return (-1);
	tv_set_bool(ctx, "can_reply", ans.can_reply);
	tv_set_bool(ctx, "can_ask", ans.can_ask &&
	    !tv_truthy_key(ctx, "appeal_waiting"));
	/* Others who said "me too", if enough to show. */
	return (ab_metoo_put(db, ans.issue_id, 0, settings_int(db,
	    "small_count", 5), ctx));
}

/*
 * A reply's own page: what it answers back to (the author's view on
 * that issue), into ctx. 0 on success, also when v is not a reply.
 */
int
ab_reply_context(struct db *db, const struct view *v, struct tval *ctx)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_reply_of, "i", v->id);
	if ((rc = db_step(st)) == 1) {
		tv_set_int(ctx, "reply_of", sqlite3_column_int64(st, 0));
		tv_set_str(ctx, "reply_of_title", db_col_text(st, 1));
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}

/* The new request's own trail: workers told, the author's timeline. */
static int
appeal_told(struct db *db, const struct view *v, int64_t issue, int64_t now)
{
	struct arena	 a;
	int		 rc;

	arena_init(&a);
	rc = notify_workers(db, now, "A young person "
	    "asked for an answer to be looked at again.",
	    arena_printf(&a, "/issues/%lld/again", (long long)issue)) == 0 &&
	    notify_view_own(db, v->id, now, "ask_again", "You asked for the "
	    "answer to be looked at again. A participation worker will "
	    "decide, and tell you what they decided and why.",
	    "You asked for an answer to be looked at again") == 0 ? 0 : -1;
	arena_free(&a);
	return (rc);
}

/*
 * A request to look at the answer to v again, in reason. The
 * safeguarding scan comes first: worrying words always open a concern
 * (about the request if one is stored, else about the view) and *flagged
 * says so, even when no request may be stored now.
 */
enum ab_result
ab_appeal_create(struct db *db, const struct actor *who,
    const struct view *v, const char *reason, int64_t now, int *flagged)
{
	struct ab_answer	 ans;
	struct buf		 topics;
	int64_t			 open, item, same;
	const char		*kind;
	int			 hits;
	enum ab_result		 res;

	*flagged = 0;
	if (db_begin(db) == -1)
		return (AB_ERROR);
	buf_init(&topics, 64);
	res = AB_ERROR;
	if ((hits = safeguarding_match(db, reason, &topics)) == -1 ||
	    ab_answer_of(db, v, &ans) == -1 ||
	    db_int(db, &open, sql_open_of, "ii", ans.issue_id, who->id) != 1)
		goto fail;
	res = !ans.can_ask ? AB_NOT_NOW : open > 0 ? AB_ALREADY : AB_OK;
	/* The same words again (a double tap, Back then Send): they are
	 * kept, and any concern is open already: as sent. */
	if (open > 0) {
		if (db_int(db, &same, sql_same_words, "it", open, reason) != 1)
			goto error;
		if (same > 0)
			goto again;
	}
	if (res != AB_OK && hits == 0)
		goto fail;
	kind = CONCERN_VIEW;
	item = v->id;
	/* New worrying words while a request waits: about that request,
	 * not the view, whose own words did not worry. */
	if (open > 0) {
		kind = CONCERN_APPEAL;
		item = open;
	}
	/* Worrying words that can be no request, sent twice: one concern. */
	if (res != AB_OK) {
		if ((same = concern_open_same(db, kind, item, 0, reason)) == -1)
			goto error;
		if (same > 0)
			goto again;
	}
	if (res == AB_OK) {
		if (db_exec(db, sql_appeal_insert, "iiti", ans.issue_id,
		    who->id, reason, now) != 0)
			goto error;
		kind = CONCERN_APPEAL;
		item = db_last_id(db);	/* before the notes' own inserts */
		if (appeal_told(db, v, ans.issue_id, now) == -1)
			goto error;
	}
	if ((hits > 0 && concern_scanned(db, who, kind, item, reason,
	    buf_cstr(&topics), now) == -1) ||
	    audit_write(db, who, hits > 0 ? "appeal.create.flagged" :
	    "appeal.create", "issue", ans.issue_id, res == AB_OK ? "" :
	    "not stored: kept in the concern") == -1 ||
	    db_commit(db) == -1)
		goto error;
	buf_free(&topics);
	*flagged = hits > 0;
	/* Worrying words were kept: the caller shows the help page. */
	return (hits > 0 ? AB_OK : res);
again:
	db_rollback(db);
	buf_free(&topics);
	*flagged = hits > 0;
	return (AB_OK);
error:
	res = AB_ERROR;
fail:
	db_rollback(db);
	buf_free(&topics);
	return (res);
}

/* Every request about an issue, open ones first, for the worker. */
int
ab_appeals_open(struct db *db, int64_t issue, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	const char	*state;
	int		 rc;

	st = db_query(db, sql_appeals, "i", issue);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "reason", db_col_text(st, 1));
		tv_set_str(row, "author", db_col_text(st, 2));
		tv_set_str(row, "when", time_human(tv_arena(row),
		    sqlite3_column_int64(st, 3)));
		state = db_col_text(st, 4);
		tv_set_bool(row, "open", strcmp(state, "open") == 0);
		tv_set_bool(row, "reopened", strcmp(state, "reopened") == 0);
		tv_set_bool(row, "declined", strcmp(state, "declined") == 0);
		tv_set_str(row, "decision_reason", db_col_text(st, 5));
		tv_set_str(row, "decided_by", db_col_text(st, 6));
		if (sqlite3_column_int64(st, 7) > 0)
			tv_set_str(row, "decided", time_human(tv_arena(row),
			    sqlite3_column_int64(st, 7)));
		tv_set_bool(row, "flagged", sqlite3_column_int(st, 8));
	}
	db_done(st);
	return (rc);
}

int64_t
ab_appeals_count(struct db *db, int64_t issue)
{
	int64_t	 n;

	return (db_int(db, &n, sql_appeals_count, "i", issue) == 1 ? n : -1);
}

/* Reopen: back to its councillor (unless another request did that). */
static enum ab_result
reopen(struct db *db, int64_t issue, int64_t due, int64_t now)
{
	sqlite3_stmt	*st;
	struct arena	 a;
	int64_t		 councillor;
	int		 rc, already, off;

	st = db_query(db, sql_issue_state, "i", issue);
	if ((rc = db_step(st)) == 1) {
		already = sqlite3_column_int(st, 0);
		councillor = sqlite3_column_int64(st, 1);
		off = sqlite3_column_int(st, 2);
	}
	db_done(st);
	if (rc != 1)
		return (AB_ERROR);
	if (already)
		return (AB_OK);
	if (db_exec(db, sql_reopen, "iii", issue, now, due) != 0)
		return (AB_ERROR);
	if (db_changes(db) != 1 || councillor <= 0)
		return (AB_NOT_NOW);
	arena_init(&a);
	rc = notify_user(db, councillor, now,
	    arena_printf(&a, "A young person asked for your answer to be "
	    "looked at again, and a worker agreed. Please answer again by "
	    "%s.", time_date(&a, due)), arena_printf(&a, "/my-issues/%lld",
	    (long long)issue)) == 0 &&
	    notify_issue(db, issue, now, "reopened", "A participation worker "
	    "asked the councillor to look at the answer again. You will hear "
	    "what they decide.", "The answer is being looked at again:") == 0;
	/* Nobody would answer it: the workers send it on. */
	if (rc && off)
		rc = notify_workers(db, now, arena_printf(&a, "Issue %lld was "
		    "reopened, but the councillor who answered it has had "
		    "their account turned off. Send it on to another "
		    "councillor.", (long long)issue), arena_printf(&a,
		    "/issues/%lld", (long long)issue)) == 0;
	arena_free(&a);
	return (rc ? AB_OK : AB_ERROR);
}

/* Declined: its author reads why, on their own view's timeline. */
static int
declined(struct db *db, int64_t issue, int64_t appeal, const char *reason,
    int64_t now)
{
	struct arena	 a;
	int64_t		 user, view;
	int		 rc;

	if (db_int(db, &user, sql_appeal_user, "i", appeal) != 1)
		return (-1);
	if ((rc = db_int(db, &view, sql_their_view, "ii", issue, user)) == 0)
		return (0);	/* their view has gone: nowhere to say it */
	if (rc != 1)
		return (-1);
	arena_init(&a);
	rc = notify_view(db, view, now, "ask_again_declined",
	    arena_printf(&a, "A participation worker decided not to send the "
	    "answer back to the councillor. Why: %s", reason),
	    "A worker decided about asking again");
	arena_free(&a);
	return (rc);
}

/*
 * A worker decides a request: reopen (the issue goes back to its
 * councillor, to answer by due) or decline with reason.
 */
enum ab_result
ab_appeal_decide(struct db *db, const struct actor *who, int64_t issue,
    int64_t appeal, int reopen_it, const char *reason, int64_t due,
    int64_t now)
{
	enum ab_result	 res;

	if (db_begin(db) == -1)
		return (AB_ERROR);
	if (db_exec(db, sql_decide, "iitiit", appeal, issue, reopen_it ?
	    "reopened" : "declined", who->id, now, reason) != 0) {
		db_rollback(db);
		return (AB_ERROR);
	}
	if (db_changes(db) != 1) {
		db_rollback(db);
		return (AB_NOT_NOW);
	}
	res = reopen_it ? reopen(db, issue, due, now) :
	    declined(db, issue, appeal, reason, now) == 0 ? AB_OK : AB_ERROR;
	if (res != AB_OK || audit_write(db, who, reopen_it ?
	    "appeal.reopen" : "appeal.decline", "issue", issue, reason) ==
	    -1 || db_commit(db) == -1) {
		db_rollback(db);
		return (res != AB_OK ? res : AB_ERROR);
	}
	return (AB_OK);
}

/* "Me too" (on 1) or undone (on 0), on a published issue only. */
enum ab_result
ab_metoo_set(struct db *db, const struct actor *who, int64_t issue, int on,
    int64_t now)
{
	int64_t	 ok;

	if (db_begin(db) == -1)
		return (AB_ERROR);
	if (db_int(db, &ok, sql_published, "i", issue) != 1)
		goto error;
	if (ok == 0) {
		db_rollback(db);
		return (AB_NOT_NOW);
	}
	if ((on ? db_exec(db, sql_metoo_add, "iii", issue, who->id, now) :
	    db_exec(db, sql_metoo_drop, "ii", issue, who->id)) != 0)
		goto error;
	/* Logged against the person, never the issue: a row per issue
	 * would count its supporters under small_count; once an hour, so
	 * pressing it on and off cannot fill the log. */
	if (db_changes(db) == 1 && (release_changed(db, RELEASE_METOO, issue,
	    who->id, on ? NULL : "", on ? "" : NULL) == -1 ||
	    audit_write_hourly(db, who, on ?
	    "issue.metoo" : "issue.metoo_undo", "user", who->id, "") == -1))
		goto error;
	if (db_commit(db) == -1)
		goto error;
	return (AB_OK);
error:
	db_rollback(db);
	return (AB_ERROR);
}

/*
 * The count on an issue for everyone (only at or over threshold: under
 * it nothing, never the number), and for viewer whether they said it.
 */
int
ab_metoo_put(struct db *db, int64_t issue, int64_t viewer,
    int64_t threshold, struct tval *row)
{
	struct suppress	 s;
	int64_t		 n, mine;
	size_t		 c;

	if (db_int(db, &n, sql_metoo_count, "i", issue) != 1)
		return (-1);
	sup_init(&s, threshold);
	c = sup_cell(&s, n);
	sup_primary(&s);
	if (n > 0 && sup_shown(&s, c))
		tv_set_str(row, "metoo_count", sup_text(&s, tv_arena(row), c));
	if (viewer <= 0)
		return (0);
	if (db_int(db, &mine, sql_metoo_mine, "ii", issue, viewer) != 1)
		return (-1);
	tv_set_bool(row, "metoo_mine", mine > 0);
	return (0);
}
