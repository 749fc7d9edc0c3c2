/*
 * moderation.c: the moderation queue and its four decisions (see
 * moderation.h). Each decision is one transaction with its timeline
 * event, its notification and its audit row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "concerns.h"
#include "issues.h"
#include "moderation.h"
#include "notify.h"
#include "routes.h"
#include "safeguarding.h"
#include "timefmt.h"
#include "users.h"
#include "views.h"

/*
 * The queue in two reads, each in the order of the views_queue index so
 * neither sorts: views with an open concern first, then the rest up to
 * the limit. One query ordered by "has a concern" had to read and sort
 * every waiting view (thousands of rows, a page read each) to show 200.
 */
#define QUEUE_MAX	200
static const char *sql_queue_flagged =
	"SELECT v.id, v.title, c.name, v.created_at, v.urgent, "
	"v.author_id IS NULL, coalesce(v.reply_to, 0) FROM views v "
	"JOIN categories c ON c.id = v.category_id "
	"WHERE v.state = 'received' AND v.id IN (SELECT f.item_id "
	"FROM concerns f WHERE f.kind = 'view' AND f.closed_at IS NULL) "
	"ORDER BY v.urgent DESC, v.created_at, v.id LIMIT ?1";
static const char *sql_queue_rest =
	"SELECT v.id, v.title, c.name, v.created_at, v.urgent, "
	"v.author_id IS NULL, coalesce(v.reply_to, 0) FROM views v "
	"JOIN categories c ON c.id = v.category_id "
	"WHERE v.state = 'received' AND NOT EXISTS (SELECT 1 FROM concerns f "
	"WHERE f.kind = 'view' AND f.item_id = v.id AND f.closed_at IS NULL) "
	"ORDER BY v.urgent DESC, v.created_at, v.id LIMIT ?1";
static const char *sql_counts =
	"SELECT count(*), coalesce(sum(urgent), 0), "
	"coalesce(min(created_at), 0) FROM views WHERE state = 'received'";
static const char *sql_view =
	"SELECT v.title, v.body, v.better, c.name, v.created_at, v.share, "
	"v.publish, v.state, v.urgent, coalesce(u.display_name, ''), "
	"coalesce(u.age_band, ''), coalesce(u.lives_outside, 0), "
	"v.category_id, coalesce(v.given_via, ''), "
	"coalesce(e.display_name, ''), coalesce(v.reply_to, 0), "
	"coalesce(r.title, '') FROM views v "
	"JOIN categories c ON c.id = v.category_id "
	"LEFT JOIN users u ON u.id = v.author_id "
	"LEFT JOIN users e ON e.id = v.entered_by "
	"LEFT JOIN issues r ON r.id = v.reply_to WHERE v.id = ?1";
static const char *sql_open_issues =
	"SELECT id, title, state FROM issues WHERE state != 'published' "
	"ORDER BY id DESC LIMIT 100";
static const char *sql_state =
	"SELECT state, category_id FROM views WHERE id = ?1";
static const char *sql_new_issue =
	"INSERT INTO issues (category_id, title, summary, state, created_at, "
	"created_by) VALUES (?1, ?2, ?3, 'open', ?4, ?5)";
static const char *sql_set =
	"UPDATE views SET state = ?2, issue_id = ?3, route = ?4, "
	"outcome_text = ?5, moderated_at = ?6, moderated_by = ?7 "
	"WHERE id = ?1 AND state = 'received'";
/* As the public reads it: a worker's first title may hold the words of
 * a view its author kept private, and this goes to another young
 * person. */
static const char *sql_issue_title =
	"SELECT " ISSUE_PUBLIC_TITLE " FROM issues i "
	"JOIN categories c ON c.id = i.category_id WHERE i.id = ?1";
static const char *sql_issue_answered =
	"SELECT count(*) FROM issues WHERE id = ?1 AND answered_at IS NOT "
	"NULL AND state IN ('answered', 'published')";

static const char *sql_next =
	"SELECT v.id FROM views v WHERE v.state = 'received' "
	"ORDER BY EXISTS (SELECT 1 FROM concerns f WHERE f.kind = 'view' "
	"AND f.item_id = v.id AND f.closed_at IS NULL) DESC, v.urgent DESC, "
	"v.created_at, v.id LIMIT 1";
static const char *sql_decided =
	"SELECT title, state FROM views WHERE id = ?1 AND state IN "
	"('approved', 'redirected', 'rejected', 'merged')";

static const struct {
	const char	*state;
	const char	*done;
} decided[] = {
	{ "approved", "approved" },
	{ "redirected", "sent elsewhere" },
	{ "rejected", "turned down" },
	{ "merged", "joined to an issue" },
};

static const struct {
	const char	*route;
	const char	*text;
} routes[] = {
	{ "social_worker", "your social worker" },
	{ "iro", "your Independent Reviewing Officer (IRO)" },
	{ "advocate", "an advocate" },
	{ "complaints", "the council's complaints team" },
};

const char *
moderation_route_text(const char *route)
{
	size_t	 i;

	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (strcmp(routes[i].route, route) == 0)
			return (routes[i].text);
	return (NULL);
}

/* Up to max rows of one part of the queue onto list: how many, or -1. */
static int64_t
queue_rows(struct db *db, const char *sql, int flagged, int64_t max,
    struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int64_t		 n;
	int		 rc;

	n = 0;
	st = db_query(db, sql, "i", max);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
		tv_set_str(row, "category", db_col_text(st, 2));
		tv_set_str(row, "when", time_human(tv_arena(row),
		    sqlite3_column_int64(st, 3)));
		tv_set_bool(row, "urgent", sqlite3_column_int(st, 4));
		tv_set_bool(row, "anonymous", sqlite3_column_int(st, 5));
		tv_set_bool(row, "flagged", flagged);
		if (sqlite3_column_int64(st, 6) > 0)
			tv_set_int(row, "reply_to", sqlite3_column_int64(st, 6));
		n++;
	}
	db_done(st);
	return (rc == -1 ? -1 : n);
}

int
moderation_queue(struct db *db, struct tval *ctx)
{
	struct tval	*list;
	sqlite3_stmt	*st;
	int64_t		 comments, suggestions, n;
	int		 rc;

	st = db_query(db, sql_counts, "");
	if ((rc = db_step(st)) == 1) {
		tv_set_int(ctx, "waiting", sqlite3_column_int64(st, 0));
		tv_set_int(ctx, "urgent", sqlite3_column_int64(st, 1));
		tv_set_str(ctx, "oldest", time_human(tv_arena(ctx),
		    sqlite3_column_int64(st, 2)));
	}
	db_done(st);
	if (rc != 1)
		return (-1);
	if ((comments = concerns_count_kind(db, CONCERN_COMMENT)) == -1 ||
	    (suggestions = concerns_count_kind(db, CONCERN_SUGGESTION)) == -1)
		return (-1);
	/* Set only when some are flagged: a number is always truthy in a
	 * template, and "0 flagged comments ... have an open concern" is
	 * noise on the page a worker reads first. */
	if (comments > 0)
		tv_set_int(ctx, "flagged_comments", comments);
	if (suggestions > 0)
		tv_set_int(ctx, "flagged_suggestions", suggestions);
	tv_set_bool(ctx, "flagged_comments_one", comments == 1);
	tv_set_bool(ctx, "flagged_suggestions_one", suggestions == 1);
	list = tv_set_list(ctx, "views");
	if ((n = queue_rows(db, sql_queue_flagged, 1, QUEUE_MAX, list)) == -1)
		return (-1);
	if (n < QUEUE_MAX &&
	    queue_rows(db, sql_queue_rest, 0, QUEUE_MAX - n, list) == -1)
		return (-1);
	/* A longer queue says so, and where every flagged one is. */
	if (tv_count(list) == QUEUE_MAX)
		tv_set_int(ctx, "shown", QUEUE_MAX);
	return (0);
}

/* The view's concerns, and whether any is still open. */
static int
list_concerns(struct db *db, int64_t id, int64_t now, struct tval *ctx)
{
	int	 open;

	if (concerns_for_item(db, CONCERN_VIEW, id, now, tv_set_list(ctx,
	    "concerns")) == -1 ||
	    (open = concerns_open_about(db, CONCERN_VIEW, id)) == -1)
		return (-1);
	tv_set_bool(ctx, "concern_open", open > 0);
	return (0);
}

/* One view as a worker sees it. 1 found, 0 not, -1 error. */
int
moderation_view(struct db *db, int64_t id, int64_t now, struct tval *ctx)
{
	struct tval	*list, *row;
	sqlite3_stmt	*st;
	const char	*band;
	int		 rc;

	st = db_query(db, sql_view, "i", id);
	if ((rc = db_step(st)) == 1) {
		views_put_words(st, id, ctx);
		tv_set_str(ctx, "publish", db_col_text(st, 6));
		tv_set_bool(ctx, "received",
		    strcmp(db_col_text(st, 7), "received") == 0);
		tv_set_str(ctx, "state", db_col_text(st, 7));
		tv_set_bool(ctx, "urgent", sqlite3_column_int(st, 8));
		tv_set_str(ctx, "author", db_col_text(st, 9));
		/* The band in words ("12 to 15"), never its stored code. */
		band = age_band_label(db_col_text(st, 10));
		tv_set_str(ctx, "age_band", band ? band : "");
		tv_set_bool(ctx, "outside", sqlite3_column_int(st, 11));
		/* Typed in by a worker: how it was given, and by whom. */
		tv_set_str(ctx, "given_via", views_given_label(db_col_text(st,
		    13)));
		tv_set_str(ctx, "entered_by", db_col_text(st, 14));
		/* A young person answering back to an answer they were told. */
		if (sqlite3_column_int64(st, 15) > 0) {
			tv_set_int(ctx, "reply_to", sqlite3_column_int64(st,
			    15));
			tv_set_str(ctx, "reply_title", db_col_text(st, 16));
		}
	}
	db_done(st);
	if (rc != 1)
		return (rc);
	if (list_concerns(db, id, now, ctx) == -1)
		return (-1);
	list = tv_set_list(ctx, "open_issues");
	st = db_query(db, sql_open_issues, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
	}
	db_done(st);
	return (rc == 0 ? 1 : -1);
}

/*
 * Start a decision: in a transaction, the view must still be waiting.
 * Before it can go towards councillors (held), someone must have taken
 * any open concern about it; the concern stays open whatever is decided,
 * until a person closes it. *category receives its category.
 */
static enum mod_result
begin_decision(struct db *db, int64_t view_id, int held,
    int64_t *category)
{
	sqlite3_stmt	*st;
	int		 rc, waiting, flagged;

	if (db_begin(db) == -1)
		return (MOD_ERROR);
	st = db_query(db, sql_state, "i", view_id);
	waiting = 0;
	if ((rc = db_step(st)) == 1) {
		waiting = strcmp(db_col_text(st, 0), "received") == 0;
		*category = sqlite3_column_int64(st, 1);
	}
	db_done(st);
	if (rc != 1 || !waiting) {
		db_rollback(db);
		return (rc == -1 ? MOD_ERROR : MOD_DONE);
	}
	if (held && (flagged = concerns_unheld(db, CONCERN_VIEW, view_id)) !=
	    0) {
		db_rollback(db);
		return (flagged == -1 ? MOD_ERROR : MOD_FLAGGED);
	}
	return (MOD_OK);
}

static enum mod_result
finish(struct db *db, int ok)
{
	return (db_end(db, ok) == 0 ? MOD_OK : MOD_ERROR);
}

static int
set_view(struct db *db, const struct actor *who, int64_t view_id,
    const char *state, int64_t issue_id, const char *route, const char *text,
    int64_t now)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, sql_set)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, view_id);
	sqlite3_bind_text(st, 2, state, -1, SQLITE_STATIC);
	if (issue_id > 0)
		sqlite3_bind_int64(st, 3, issue_id);
	if (route != NULL)
		sqlite3_bind_text(st, 4, route, -1, SQLITE_STATIC);
	if (text != NULL)
		sqlite3_bind_text(st, 5, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 6, now);
	sqlite3_bind_int64(st, 7, who->id);
	rc = db_step(st);
	db_done(st);
	return (rc == 0 && db_changes(db) == 1 ? 0 : -1);
}

/* Approve as a new issue with a public title and summary. */
enum mod_result
moderation_approve(struct db *db, const struct actor *who, int64_t view_id,
    const char *title, const char *summary, int64_t now, int64_t *issue_id)
{
	enum mod_result	 r;
	int64_t		 category;

	if ((r = begin_decision(db, view_id, 1, &category)) != MOD_OK)
		return (r);
	if (db_exec(db, sql_new_issue, "ittii", category, title, summary, now,
	    who->id) != 0)
		return (finish(db, 0));
	*issue_id = db_last_id(db);
	return (finish(db, set_view(db, who, view_id, "approved", *issue_id,
	    NULL, NULL, now) == 0 &&
	    notify_view(db, view_id, now, "checked", "A participation worker "
	    "has read this. It is now an issue for the council to answer.",
	    "A participation worker has read your view") == 0 &&
	    audit_write(db, who, "view.approve", "view", view_id,
	    "") == 0 &&
	    audit_write(db, who, "issue.create", "issue", *issue_id,
	    "") == 0));
}

/* Not for the council as a whole: tell them who can help with it. */
enum mod_result
moderation_redirect(struct db *db, const struct actor *who, int64_t view_id,
    const char *route, const char *words, int64_t now)
{
	enum mod_result	 r;
	int64_t		 category;

	if (moderation_route_text(route) == NULL)
		return (MOD_ERROR);
	if ((r = begin_decision(db, view_id, 0, &category)) != MOD_OK)
		return (r);
	return (finish(db, set_view(db, who, view_id, "redirected", 0, route,
	    words, now) == 0 &&
	    routes_record(db, who, view_id, route, now) == 0 &&
	    notify_view(db, view_id, now, "redirected", words,
	    "A participation worker has told you who can help") == 0 &&
	    audit_write(db, who, "view.redirect", "view", view_id,
	    route) == 0));
}

enum mod_result
moderation_reject(struct db *db, const struct actor *who, int64_t view_id,
    const char *reason, int64_t now)
{
	enum mod_result	 r;
	int64_t		 category;

	if ((r = begin_decision(db, view_id, 0, &category)) != MOD_OK)
		return (r);
	return (finish(db, set_view(db, who, view_id, "rejected", 0, NULL,
	    reason, now) == 0 &&
	    notify_view(db, view_id, now, "rejected", reason,
	    "A participation worker has answered your view") == 0 &&
	    audit_write(db, who, "view.reject", "view", view_id, "") == 0));
}

/* Join an existing issue: the young person then follows that issue. */
enum mod_result
moderation_merge(struct db *db, const struct actor *who, int64_t view_id,
    int64_t issue_id, int64_t now)
{
	struct buf	 title;
	enum mod_result	 r;
	int64_t		 category, answered;
	char		*text;
	int		 ok;

	if ((r = begin_decision(db, view_id, 1, &category)) != MOD_OK)
		return (r);
	buf_init(&title, 128);
	if (db_text(db, &title, sql_issue_title, "i", issue_id) != 1) {
		buf_free(&title);
		db_rollback(db);
		return (MOD_NO_ISSUE);
	}
	/* Joined to an issue already answered: no news is coming, so say
	 * where the answer is. */
	if (db_int(db, &answered, sql_issue_answered, "i", issue_id) != 1)
		answered = 0;
	if ((text = sqlite3_mprintf("Other young people raised this too, so "
	    "it has joined their issue: \"%s\". %s", buf_cstr(&title),
	    answered ? "The council has already answered it: the answer is "
	    "on this page." : "You will hear what happens.")) == NULL)
		abort();
	ok = set_view(db, who, view_id, "merged", issue_id, NULL, NULL,
	    now) == 0 &&
	    notify_view(db, view_id, now, "merged", text,
	    "Your view joined a similar issue") == 0 &&
	    audit_write(db, who, "view.merge", "issue", issue_id, "") == 0;
	sqlite3_free(text);
	buf_free(&title);
	return (finish(db, ok));
}

static const char *sql_reply_of =
	"SELECT coalesce(v.reply_to, 0), v.share, coalesce(i.councillor_id, "
	"0) FROM views v LEFT JOIN issues i ON i.id = v.reply_to "
	"WHERE v.id = ?1";

/*
 * Keep a reply to an answer with the issue it answers, whatever that
 * issue's state (a published one too): its councillor can read it if its
 * author shared their words, and is told it is there.
 */
enum mod_result
moderation_file_reply(struct db *db, const struct actor *who,
    int64_t view_id, int64_t now)
{
	struct buf	 title;
	sqlite3_stmt	*st;
	enum mod_result	 r;
	int64_t		 category, issue, councillor;
	char		*text, link[48];
	int		 ok, share, rc;

	if ((r = begin_decision(db, view_id, 1, &category)) != MOD_OK)
		return (r);
	issue = councillor = 0;
	share = 0;
	st = db_query(db, sql_reply_of, "i", view_id);
	if ((rc = db_step(st)) == 1) {
		issue = sqlite3_column_int64(st, 0);
		share = sqlite3_column_int(st, 1);
		councillor = sqlite3_column_int64(st, 2);
	}
	db_done(st);
	buf_init(&title, 128);
	if (rc != 1 || issue == 0 || db_text(db, &title, sql_issue_title, "i",
	    issue) != 1) {
		buf_free(&title);
		db_rollback(db);
		return (rc == -1 ? MOD_ERROR : MOD_NO_ISSUE);
	}
	if ((text = sqlite3_mprintf("A participation worker read your reply "
	    "and kept it with the issue it answers: \"%s\". %s",
	    buf_cstr(&title), share ? "The councillor can read it there." :
	    "You chose not to share your words with councillors, so the "
	    "participation team reads it.")) == NULL)
		abort();
	(void)snprintf(link, sizeof(link), "/my-issues/%lld",
	    (long long)issue);
	ok = set_view(db, who, view_id, "merged", issue, NULL, NULL, now) ==
	    0 && notify_view(db, view_id, now, "merged", text,
	    "Your reply is with the issue it answers") == 0 &&
	    (!share || councillor == 0 || notify_user(db, councillor, now,
	    "A young person replied to your answer. Their reply is with the "
	    "issue.", link) == 0) &&
	    audit_write(db, who, "view.file_reply", "issue", issue, "") == 0;
	sqlite3_free(text);
	buf_free(&title);
	return (finish(db, ok));
}

/*
 * The first view of the queue, in the queue's own order: 1 and *id, 0
 * when nothing waits, -1 on error.
 */
int
moderation_next(struct db *db, int64_t *id)
{
	return (db_int(db, id, sql_next, ""));
}

/*
 * What was just decided about view id, for the "Done" line: its title
 * as "done_title" and the decision in words as "done_what". 1 set, 0 not
 * decided (or no such view), -1 on error.
 */
int
moderation_decided(struct db *db, int64_t id, struct tval *ctx)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	st = db_query(db, sql_decided, "i", id);
	if ((rc = db_step(st)) == 1) {
		for (i = 0; i < sizeof(decided) / sizeof(decided[0]); i++)
			if (strcmp(decided[i].state, db_col_text(st, 1)) == 0)
				tv_set_str(ctx, "done_what", decided[i].done);
		tv_set_str(ctx, "done_title", db_col_text(st, 0));
	}
	db_done(st);
	return (rc);
}
