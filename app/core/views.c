/*
 * views.c: raising a view, and following it (see views.h).
 *
 * A new view, its safeguarding check, its first timeline event and its
 * audit row are one transaction: a young person is never told "we have
 * got it" about something half-saved.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "concerns.h"
#include "form.h"
#include "issues.h"
#include "notify.h"
#include "routes.h"
#include "safeguarding.h"
#include "staffed.h"
#include "timefmt.h"
#include "glossary.h"
#include "views.h"

static const char *sql_categories =
	"SELECT id, name, hint FROM categories WHERE active = 1 "
	"ORDER BY position";
static const char *sql_category_ok =
	"SELECT count(*) FROM categories WHERE id = ?1 AND active = 1";
static const char *sql_first_category =
	"SELECT id FROM categories WHERE active = 1 ORDER BY position LIMIT 1";
static const char *sql_by_token =
	"SELECT id, urgent FROM views WHERE form_token = ?1 AND author_id IS ?2";
/* Numbered above any deleted view (migration 0031): never reused. */
static const char *sql_insert =
	"INSERT INTO views (id, author_id, track_hash, category_id, title, "
	"body, better, share, publish, state, urgent, form_token, created_at, "
	"entered_by, given_via, reply_to) VALUES (max(coalesce((SELECT "
	"max(id) FROM views), 0), coalesce((SELECT last FROM id_floors WHERE "
	"name = 'views'), 0)) + 1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	"'received', ?9, ?10, ?11, ?12, ?13, ?14)";
static const char *sql_get =
	"SELECT v.id, coalesce(v.author_id, 0), coalesce(v.issue_id, 0), "
	"v.state, coalesce(i.state, ''), v.read_at IS NOT NULL FROM views v "
	"LEFT JOIN issues i ON i.id = v.issue_id WHERE v.id = ?1";
static const char *sql_by_track =
	"SELECT v.id, coalesce(v.author_id, 0), coalesce(v.issue_id, 0), "
	"v.state, coalesce(i.state, ''), v.read_at IS NOT NULL FROM views v "
	"LEFT JOIN issues i ON i.id = v.issue_id WHERE v.track_hash = ?1";
static const char *sql_mine =
	"SELECT v.id, v.title, v.state, coalesce(i.state, ''), v.created_at, "
	"c.name, v.read_at IS NOT NULL, v.publish FROM views v "
	"JOIN categories c ON c.id = v.category_id "
	"LEFT JOIN issues i ON i.id = v.issue_id "
	"WHERE v.author_id = ?1 ORDER BY v.id DESC LIMIT 200";
static const char *sql_show =
	"SELECT v.title, v.body, v.better, c.name, v.created_at, v.share, "
	"v.publish, coalesce(v.outcome_text, ''), coalesce(v.route, ''), "
	"coalesce(i.title, ''), coalesce(i.decision, ''), "
	"coalesce(i.response, ''), coalesce(i.reason, ''), "
	"coalesce(i.first_due_at, 0), coalesce(i.due_at, 0), "
	"coalesce(i.extensions, 0), coalesce(i.state, '') "
	"FROM views v JOIN categories c ON c.id = v.category_id "
	"LEFT JOIN issues i ON i.id = v.issue_id WHERE v.id = ?1";
static const char *sql_timeline =
	"SELECT at, kind, text FROM view_events WHERE view_id = ?1 ORDER BY id";
static const char *sql_read =
	"UPDATE views SET read_at = ?2, read_by = ?3 "
	"WHERE id = ?1 AND read_at IS NULL";
/* As views_may_withdraw(), again inside the write: a worker may have
 * answered or published the issue since the young person's page. */
static const char *sql_withdraw =
	"UPDATE views SET state = 'withdrawn' WHERE id = ?1 "
	"AND (state = 'received' OR (state IN ('approved', 'merged') AND "
	"(SELECT i.state FROM issues i WHERE i.id = views.issue_id) IN "
	"('open', 'with_councillor')))";

static const struct {
	const char	*state;
	const char	*issue;
	const char	*label;
} labels[] = {
	{ "received", "", "Waiting to be read" },
	{ "approved", "open", "Read by the participation team" },
	{ "approved", "with_councillor", "With a councillor" },
	{ "approved", "answered", "Answered" },
	{ "approved", "published", "Answered and shared" },
	{ "merged", "open", "Joined with a similar issue" },
	{ "merged", "with_councillor", "With a councillor" },
	{ "merged", "answered", "Answered" },
	{ "merged", "published", "Answered and shared" },
	{ "redirected", "", "Sent to someone who can help" },
	{ "rejected", "", "Not taken forward" },
	{ "withdrawn", "", "You took this back" },
};

/*
 * What the author reads about where their view is. read: a worker has
 * opened it, so "Waiting to be read" would no longer be true.
 */
const char *
views_label(const char *state, const char *issue_state, int read)
{
	size_t	 i;

	if (read && strcmp(state, "received") == 0)
		return ("A worker has read it");
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].state, state) == 0 &&
		    (labels[i].issue[0] == '\0' ||
		    strcmp(labels[i].issue, issue_state) == 0))
			return (labels[i].label);
	return ("");
}

const char *
views_state_label(const char *state, const char *issue_state)
{
	return (views_label(state, issue_state, 0));
}

/* How a view typed in by a worker reached them; NULL ends the list. */
const char *const views_given_ways[] = {
	"paper", "phone", "meeting", "other", NULL,
};

/* "paper" -> "on paper", for staff pages; "" for anything else. */
const char *
views_given_label(const char *way)
{
	if (strcmp(way, "paper") == 0)
		return ("on paper");
	if (strcmp(way, "phone") == 0)
		return ("by phone");
	if (strcmp(way, "meeting") == 0)
		return ("at a meeting");
	if (strcmp(way, "other") == 0)
		return ("another way");
	return ("");
}

/* A worker has opened the view: the first time is kept. */
int
views_mark_read(struct db *db, const struct actor *who, int64_t id,
    int64_t now)
{
	return (db_exec(db, sql_read, "iii", id, now, who->id));
}

/*
 * The label for its author, who may have kept it private: then its
 * published answer was shared, their words were not.
 */
static const char *
label_for(const char *state, const char *issue_state, int read,
    const char *publish)
{
	if (strcmp(publish, "no") == 0 &&
	    strcmp(issue_state, "published") == 0 &&
	    (strcmp(state, "approved") == 0 || strcmp(state, "merged") == 0))
		return ("Answered. Your words stayed private");
	return (views_label(state, issue_state, read));
}

int
views_categories(struct db *db, struct tval *list, int64_t selected)
{
	return (db_options(db, sql_categories, selected, list));
}

int
views_category_valid(struct db *db, int64_t id)
{
	int64_t	 n;

	return (db_int(db, &n, sql_category_ok, "i", id) == 1 && n == 1);
}

/*
 * A worrying message that broke the form's rules (no title, too long, a
 * character the form refuses, no category) is kept, not refused: its
 * words as they came, as long as they are, with a title and a category
 * filled in where missing. 0 on success.
 */
int
views_rescue(struct db *db, struct arena *a, struct view_input *in,
    const char *title, const char *body, const char *better, int signed_in)
{
	in->title = form_keep(a, title);
	in->body = form_keep(a, body);
	in->better = form_keep(a, better);
	if (*in->title == '\0')
		in->title = "(no title)";
	if (!views_category_valid(db, in->category_id) &&
	    db_int(db, &in->category_id, sql_first_category, "") != 1)
		return (-1);
	if (in->publish == NULL || (!signed_in &&
	    strcmp(in->publish, "name") == 0))
		in->publish = "no";
	return (0);
}

/* A view sent twice from the same form: answer as the first time. */
static int
find_duplicate(struct db *db, const char *token, int64_t author,
    struct view_created *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	/* Only the sender's own earlier view is a resend of this form. */
	if ((st = db_prep(db, sql_by_token)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, token, -1, SQLITE_TRANSIENT);
	if (author > 0)
		sqlite3_bind_int64(st, 2, author);
	if ((rc = db_step(st)) == 1) {
		out->id = sqlite3_column_int64(st, 0);
		out->flagged = sqlite3_column_int(st, 1);
		out->duplicate = 1;
	}
	db_done(st);
	return (rc);
}

static void	sent_key(const struct view_input *, int64_t, char *, size_t);

/*
 * Whether who has already sent this very form (see sent_key()): a resend
 * is answered as the first time, whatever limit came in between. 1 yes,
 * 0 no, -1 on error.
 */
int
views_sent_before(struct db *db, const struct actor *who,
    const struct view_input *in)
{
	struct view_created	 vc;
	char			 key[256];
	int64_t			 author;

	if (in->form_token == NULL || *in->form_token == '\0')
		return (0);
	author = in->for_id > 0 ? in->for_id : who->id;
	sent_key(in, author, key, sizeof(key));
	return (find_duplicate(db, key, author, &vc));
}

/*
 * What a sent form is known by (views.form_token): its token, who sent
 * it and all it said. Sent again as it was (a double click, a retry
 * after a lost answer) it finds the first view; sent again with
 * anything changed (back, edit, send) it is a new view, scanned and
 * kept: a resend never drops words. The same form sent first signed
 * out (kept with no author) and again signed in is two views, not a
 * clash that saves neither. Each part is preceded by its length, so no
 * two forms run together into the same text.
 */
static void
sent_key(const struct view_input *in, int64_t author, char *out,
    size_t outlen)
{
	const char	*parts[4];
	struct buf	 all;
	char		 hex[17];
	size_t		 i;

	parts[0] = in->title ? in->title : "";
	parts[1] = in->body ? in->body : "";
	parts[2] = in->better ? in->better : "";
	parts[3] = in->publish ? in->publish : "";
	buf_init(&all, 1024);
	buf_appendf(&all, "%lld %lld %d", (long long)(author > 0 ? author :
	    0), (long long)in->category_id, in->share != 0);
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		buf_appendf(&all, " %zu:%s", strlen(parts[i]), parts[i]);
	auth_digest_hex(buf_cstr(&all), hex, sizeof(hex));
	buf_free(&all);
	(void)snprintf(out, outlen, "%s.%s", in->form_token, hex);
}

static int
insert_view(struct db *db, const struct actor *who,
    const struct view_input *in, const char *key, int urgent, int64_t now,
    struct view_created *out)
{
	unsigned char	 digest[AUTH_DIGEST_BYTES];
	char		 canon[VIEW_TRACK_LEN];
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prep(db, sql_insert)) == NULL)
		return (-1);
	if (in->for_id > 0) {
		sqlite3_bind_int64(st, 1, in->for_id);
		sqlite3_bind_int64(st, 12, who->id);
		sqlite3_bind_text(st, 13, in->given_via, -1, SQLITE_TRANSIENT);
	} else if (who->id > 0) {
		sqlite3_bind_int64(st, 1, who->id);
	} else {
		auth_code_symbols(out->track, sizeof(out->track),
		    VIEW_TRACK_SYMBOLS);
		(void)auth_code_normalise(out->track, canon, sizeof(canon));
		auth_digest(canon, strlen(canon), digest);
		sqlite3_bind_blob(st, 2, digest, sizeof(digest),
		    SQLITE_TRANSIENT);
	}
	sqlite3_bind_int64(st, 3, in->category_id);
	sqlite3_bind_text(st, 4, in->title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, in->body, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, in->better ? in->better : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 7, in->share != 0);
	sqlite3_bind_text(st, 8, in->publish, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 9, urgent);
	if (key != NULL)
		sqlite3_bind_text(st, 10, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 11, now);
	if (in->reply_to > 0)
		sqlite3_bind_int64(st, 14, in->reply_to);
	rc = db_step(st);
	db_done(st);
	if (rc != 0)
		return (-1);
	out->id = db_last_id(db);
	return (0);
}

/*
 * The scan matched: open a concern about the view. Typed in by a worker,
 * its author is still the young person whose words they are.
 */
static int
scanned(struct db *db, const struct actor *who, const struct view_input *in,
    int64_t id, const char *text, const char *rules, int64_t now)
{
	struct concern_in	 c;

	if (in->for_id <= 0 && in->note == NULL)
		return (concern_scanned(db, who, CONCERN_VIEW, id, text, rules,
		    now) == -1 ? -1 : 0);
	memset(&c, 0, sizeof(c));
	c.kind = CONCERN_VIEW;
	c.item_id = id;
	c.author_id = in->for_id > 0 ? in->for_id : who->id;
	c.reason = in->note;
	c.text = text;
	c.rules = rules;
	c.source = "scan";
	c.urgent = 1;
	return (concern_open(db, who, &c, now) == -1 ? -1 : 0);
}

/* What its author reads first on the view's timeline. */
static const char *
received_words(struct db *db, struct arena *a, const struct view_input *in,
    int hits, int64_t now)
{
	const char	*how;

	if (in->for_id > 0) {
		how = strcmp(in->given_via, "paper") == 0 ? "from your paper "
		    "form" : strcmp(in->given_via, "phone") == 0 ? "from what "
		    "you said on the phone" : strcmp(in->given_via,
		    "meeting") == 0 ? "from what you said at a meeting" :
		    "from what you told them";
		return (arena_printf(a, "A worker typed this in for you, %s. "
		    "%s", how, hits > 0 ? staffed_words_now(db, a, now) :
		    "A participation worker will read it soon."));
	}
	if (hits > 0)
		return (arena_printf(a, "We got this. %s", staffed_words_now(db,
		    a, now)));
	return ("We got this. A participation worker will read it soon.");
}

static void
scan_text(const struct view_input *in, struct buf *text)
{
	buf_appendf(text, "%s\n%s\n%s", in->title, in->body,
	    in->better ? in->better : "");
}

/*
 * The safeguarding scan of a view, before it is handed to the writer:
 * the writer is one thread shared by every request, the scan is the
 * slowest part of a view and needs no transaction. Sets in->scanned,
 * hits and topics (in a). -1 on error.
 */
int
views_scan(struct db *db, struct arena *a, struct view_input *in)
{
	struct buf	 text, topics;
	int		 hits;

	buf_init(&text, 1024);
	buf_init(&topics, 64);
	scan_text(in, &text);
	if ((hits = safeguarding_match(db, buf_cstr(&text), &topics)) >= 0) {
		in->scanned = 1;
		in->hits = hits;
		in->topics = arena_strdup(a, buf_cstr(&topics));
	}
	buf_free(&text);
	buf_free(&topics);
	return (hits < 0 ? -1 : 0);
}

/*
 * Save a view (who->id 0: no account, a tracking code is made; in->for_id
 * set: a worker typed it in for that young person). Runs the
 * safeguarding check in the same transaction unless views_scan() did.
 * 0 on success.
 */
int
views_create(struct db *db, const struct actor *who,
    const struct view_input *in, int64_t now, struct view_created *out)
{
	struct buf	 text, topics;
	struct arena	 a;	/* the timeline's words */
	const char	*key;
	char		 keybuf[256];
	int		 hits;

	memset(out, 0, sizeof(*out));
	key = NULL;
	if (in->form_token != NULL && *in->form_token != '\0') {
		sent_key(in, in->for_id > 0 ? in->for_id : who->id, keybuf,
		    sizeof(keybuf));
		key = keybuf;
	}
	arena_init(&a);
	buf_init(&text, 1024);
	buf_init(&topics, 64);
	scan_text(in, &text);
	if (db_begin(db) == -1)
		goto fail;
	if (key != NULL && find_duplicate(db, key, in->for_id > 0 ?
	    in->for_id : who->id, out) != 0) {
		db_rollback(db);
		goto done;
	}
	if (in->scanned) {
		hits = in->hits;
		buf_puts(&topics, in->topics != NULL ? in->topics : "");
	} else
		hits = safeguarding_match(db, buf_cstr(&text), &topics);
	if (hits == -1 ||
	    insert_view(db, who, in, key, hits > 0, now, out) == -1 ||
	    (hits > 0 && scanned(db, who, in, out->id, buf_cstr(&text),
	    buf_cstr(&topics), now) == -1) ||
	    (in->for_id > 0 ? notify_view : notify_view_own)(db, out->id, now,
	    "received", received_words(db, &a, in, hits, now),
	    "We got your view") == -1 ||
	    audit_write(db, who, in->for_id > 0 ? (hits > 0 ?
	    "view.enter.flagged" : "view.enter") : hits > 0 ?
	    "view.create.flagged" : "view.create", "view", out->id,
	    in->for_id > 0 ? in->given_via : in->reply_to > 0 ?
	    arena_printf(&a, "reply to issue %lld", (long long)in->reply_to) :
	    "") == -1 ||
	    db_commit(db) == -1)
		goto fail;
	out->flagged = hits > 0;
done:
	arena_free(&a);
	buf_free(&text);
	buf_free(&topics);
	return (0);
fail:
	db_rollback(db);
	arena_free(&a);
	buf_free(&text);
	buf_free(&topics);
	return (-1);
}

static int
get_one(struct db *db, sqlite3_stmt *st, struct view *v)
{
	int	 rc;

	(void)db;
	if ((rc = db_step(st)) == 1) {
		v->id = sqlite3_column_int64(st, 0);
		v->author_id = sqlite3_column_int64(st, 1);
		v->issue_id = sqlite3_column_int64(st, 2);
		(void)snprintf(v->state, sizeof(v->state), "%s",
		    db_col_text(st, 3));
		(void)snprintf(v->issue_state, sizeof(v->issue_state), "%s",
		    db_col_text(st, 4));
		v->read = sqlite3_column_int(st, 5);
	}
	db_done(st);
	return (rc);
}

int
views_get(struct db *db, int64_t id, struct view *v)
{
	return (get_one(db, db_query(db, sql_get, "i", id), v));
}

/* The view a tracking code belongs to: 1 found, 0 not, -1 error. */
int
views_by_track(struct db *db, const char *code, struct view *v)
{
	unsigned char	 digest[AUTH_DIGEST_BYTES];
	char		 canon[64];
	sqlite3_stmt	*st;

	if (auth_code_normalise(code, canon, sizeof(canon)) !=
	    VIEW_TRACK_SYMBOLS)
		return (0);
	auth_digest(canon, strlen(canon), digest);
	if ((st = db_prep(db, sql_by_track)) == NULL)
		return (-1);
	sqlite3_bind_blob(st, 1, digest, sizeof(digest), SQLITE_TRANSIENT);
	return (get_one(db, st, v));
}

/* Only the author sees a view through the account pages. */
int
views_may_see(const struct view *v, int64_t viewer_id)
{
	return (viewer_id > 0 && v->author_id == viewer_id);
}

int
views_mine(struct db *db, int64_t author_id, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_mine, "i", author_id);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
		tv_set_str(row, "state", label_for(db_col_text(st, 2),
		    db_col_text(st, 3), sqlite3_column_int(st, 6),
		    db_col_text(st, 7)));
		tv_set_str(row, "when", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 4)));
		tv_set_str(row, "category", db_col_text(st, 5));
	}
	db_done(st);
	return (rc);
}

/*
 * What a view says, from the first six columns of a query: title, body,
 * better, category name, created_at, share. Its author and the worker
 * moderating it see these the same way.
 */
void
views_put_words(sqlite3_stmt *st, int64_t id, struct tval *ctx)
{
	tv_set_int(ctx, "id", id);
	tv_set_str(ctx, "title", db_col_text(st, 0));
	tv_set_str(ctx, "body", db_col_text(st, 1));
	tv_set_str(ctx, "better", db_col_text(st, 2));
	tv_set_str(ctx, "category", db_col_text(st, 3));
	tv_set_str(ctx, "when", time_human(tv_arena(ctx),
	    sqlite3_column_int64(st, 4)));
	tv_set_bool(ctx, "share", sqlite3_column_int(st, 5));
}

/* Everything its author may see about a view, into ctx. */
/*
 * The answer, words young people may not know explained on first use,
 * and its first due date kept beside a later one.
 */
static void
answer_words(struct glossary *g, sqlite3_stmt *st, struct tval *ctx)
{
	struct arena	*a = tv_arena(ctx);

	tv_set_str(ctx, "response", glossary_explain(g, a,
	    db_col_text(st, 11)));
	tv_set_str(ctx, "reason", glossary_explain(g, a,
	    db_col_text(st, 12)));
	/* "Now it is due by" only while more time is the answer. */
	if (sqlite3_column_int64(st, 15) == 0 ||
	    strcmp(db_col_text(st, 10), "more_time") != 0)
		return;
	tv_set_bool(ctx, "extended", 1);
	tv_set_str(ctx, "first_due", time_date(a,
	    sqlite3_column_int64(st, 13)));
	tv_set_str(ctx, "now_due", time_date(a, sqlite3_column_int64(st, 14)));
}

int
views_show(struct db *db, const struct view *v, struct tval *ctx)
{
	struct glossary	 g;
	struct tval	*list, *row;
	sqlite3_stmt	*st;
	int		 rc;

	/* One glossary for the page: the answer box, then the timeline
	 * below it, explain each word once, where it is first used. */
	if (glossary_load(db, tv_arena(ctx), &g) == -1)
		g.n = 0;
	st = db_query(db, sql_show, "i", v->id);
	if ((rc = db_step(st)) == 1) {
		views_put_words(st, v->id, ctx);
		tv_set_bool(ctx, "publish_name",
		    strcmp(db_col_text(st, 6), "name") == 0);
		tv_set_bool(ctx, "publish_anon",
		    strcmp(db_col_text(st, 6), "anonymous") == 0);
		tv_set_str(ctx, "outcome_text", db_col_text(st, 7));
		tv_set_str(ctx, "issue_title", db_col_text(st, 9));
		tv_set_str(ctx, "decision", issues_decision_label(db_col_text(st,
		    10)));
		answer_words(&g, st, ctx);
		/* A yes in a green box; any other answer says what next. */
		tv_set_bool(ctx, "decision_agreed",
		    strcmp(db_col_text(st, 10), "agreed") == 0);
		tv_set_bool(ctx, "decision_next",
		    strcmp(db_col_text(st, 10), "partly") == 0 ||
		    strcmp(db_col_text(st, 10), "not_agreed") == 0);
		if (strcmp(db_col_text(st, 16), "with_councillor") == 0 &&
		    sqlite3_column_int64(st, 14) > 0)
			tv_set_str(ctx, "answer_by", staffed_day_words(
			    tv_arena(ctx), sqlite3_column_int64(st, 14)));
		tv_set_str(ctx, "state", label_for(v->state, v->issue_state,
		    v->read, db_col_text(st, 6)));
		tv_set_bool(ctx, "withdrawable", views_may_withdraw(v));
	}
	db_done(st);
	if (rc != 1)
		return (rc);
	/* Taken back or not, a worker still reads what was about safety. */
	tv_set_bool(ctx, "safety", concerns_open_about(db, CONCERN_VIEW,
	    v->id) > 0);
	list = tv_set_list(ctx, "timeline");
	st = db_query(db, sql_timeline, "i", v->id);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_str(row, "at", time_human(tv_arena(row),
		    sqlite3_column_int64(st, 0)));
		tv_set_str(row, "kind", db_col_text(st, 1));
		tv_set_str(row, "text", glossary_explain(&g, tv_arena(row),
		    db_col_text(st, 2)));
	}
	db_done(st);
	if (rc != 0 || (strcmp(v->state, "redirected") == 0 &&
	    routes_show(db, v->id, ctx) == -1))
		return (-1);
	return (1);
}

/* A view can be taken back until it has been answered. */
int
views_may_withdraw(const struct view *v)
{
	if (strcmp(v->state, "received") == 0)
		return (1);
	if (strcmp(v->state, "approved") != 0 &&
	    strcmp(v->state, "merged") != 0)
		return (0);
	return (strcmp(v->issue_state, "open") == 0 ||
	    strcmp(v->issue_state, "with_councillor") == 0);
}

/*
 * What taking a view back means, truthfully: an issue a worker already
 * made of it stays with the council, which may still answer the topic.
 */
static const char *
withdrawn_words(const struct view *v, int safety)
{
	if (safety)
		return ("You took this back. Because it is about your safety, "
		    "a participation worker will still read it and may get in "
		    "touch.");
	if (strcmp(v->state, "received") == 0)
		return ("You took this back. Nobody will work on it now.");
	return ("You took this back. From now on, nobody else will read your "
	    "words. A worker had already passed the topic on, so the council "
	    "may still answer it, for everyone who raised it.");
}

/* 0 withdrawn; -1 not allowed now, or an error. */
int
views_withdraw(struct db *db, const struct actor *who, const struct view *v,
    int64_t now)
{
	int	 safety;

	if (!views_may_withdraw(v) || db_begin(db) == -1)
		return (-1);
	/* Its safeguarding concern stays open: say so, truthfully. */
	safety = concerns_open_about(db, CONCERN_VIEW, v->id);
	if (safety == -1 || db_exec(db, sql_withdraw, "i", v->id) != 0 ||
	    db_changes(db) != 1 ||
	    notify_view_own(db, v->id, now, "withdrawn", withdrawn_words(v,
	    safety > 0), "You took back your view") == -1 ||
	    audit_write(db, who, "view.withdraw", "view", v->id, "") == -1 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}
