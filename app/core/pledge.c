/*
 * pledge.c: the Care Pledge model (see pledge.h).
 *
 * Young people's verdicts are counted for a whole version in one query and
 * joined to the promises in memory, so a page of forty promises costs two
 * queries, not forty-one. Counts below the small-number threshold are
 * never shown, only "fewer than N".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "concerns.h"
#include "pledge.h"
#include "release.h"
#include "safeguarding.h"
#include "suppress.h"
#include "timefmt.h"

#define PROMISE_COLS							\
	"p.id, p.title, p.description, p.statutory, p.delivery, "	\
	"p.measure, p.target, coalesce(u.display_name, p.owner_team), "	\
	"coalesce(p.due_on, 0), p.status, p.progress, t.name, t.id, "	\
	"coalesce(p.replaces_id, 0), coalesce(p.owner_id, 0), "		\
	"p.version_id "
#define PROMISE_FROM							\
	"FROM promises p JOIN pledge_themes t ON t.id = p.theme_id "	\
	"LEFT JOIN users u ON u.id = p.owner_id "

static const char *sql_current =
	"SELECT id FROM pledge_versions WHERE state = 'current'";
static const char *sql_draft =
	"SELECT id FROM pledge_versions WHERE state = 'draft'";
static const char *sql_version =
	"SELECT title, intro, starts_on, review_on, state, "
	"coalesce(published_at, 0) FROM pledge_versions WHERE id = ?1";
static const char *sql_versions =
	"SELECT id, title, state, starts_on, review_on, "
	"(SELECT count(*) FROM promises WHERE version_id = pledge_versions.id) "
	"FROM pledge_versions ORDER BY id DESC";
static const char *sql_promises =
	"SELECT " PROMISE_COLS PROMISE_FROM "WHERE p.version_id = ?1 "
	"ORDER BY t.position, p.position, p.id";
static const char *sql_promise =
	"SELECT " PROMISE_COLS PROMISE_FROM "WHERE p.id = ?1";
/* Counts as last released (release.c), never live. */
static const char *sql_counts =
	"SELECT r.item_id, r.answer, r.n FROM released_counts r "
	"JOIN promises p ON p.id = r.item_id WHERE r.kind = 'pledge' "
	"AND p.version_id = ?1 ORDER BY r.item_id";
static const char *sql_counts_one =
	"SELECT item_id, answer, n FROM released_counts WHERE kind = 'pledge' "
	"AND item_id = ?1";
static const char *sql_ref =
	"SELECT p.id, p.version_id, v.state, coalesce(p.owner_id, 0), "
	"p.status, p.progress FROM promises p "
	"JOIN pledge_versions v ON v.id = p.version_id WHERE p.id = ?1";
static const char *sql_updates =
	"SELECT pu.at, coalesce(u.display_name, ''), pu.status, pu.progress, "
	"pu.evidence, pu.measure_value FROM promise_updates pu "
	"LEFT JOIN users u ON u.id = pu.by_id "
	"WHERE pu.promise_id = ?1 ORDER BY pu.id DESC";
static const char *sql_said =
	"SELECT comment, verdict, at FROM verdicts WHERE promise_id = ?1 "
	"AND current = 1 AND comment_state = 'approved' ORDER BY at DESC "
	"LIMIT 20";
static const char *sql_replaced_by =
	"SELECT id FROM promises WHERE replaces_id = ?1 ORDER BY id DESC "
	"LIMIT 1";
static const char *sql_new_draft_copy =
	"INSERT INTO pledge_versions (title, intro, starts_on, review_on, "
	"state, created_at, created_by) SELECT title, intro, ?1, ?2, 'draft', "
	"?1, ?3 FROM pledge_versions WHERE state = 'current'";
static const char *sql_new_draft_blank =
	"INSERT INTO pledge_versions (title, intro, starts_on, review_on, "
	"state, created_at, created_by) VALUES ('Our Care Pledge', "
	"'These are our promises to you.', ?1, ?2, 'draft', ?1, ?3)";
static const char *sql_copy_promises =
	"INSERT INTO promises (version_id, replaces_id, theme_id, title, "
	"description, statutory, delivery, measure, target, owner_id, "
	"owner_team, due_on, status, progress, position) "
	"SELECT ?1, id, theme_id, title, description, statutory, delivery, "
	"measure, target, owner_id, owner_team, due_on, status, progress, "
	"position FROM promises WHERE version_id = ?2 ORDER BY id";
static const char *sql_draft_set =
	"UPDATE pledge_versions SET title = ?2, intro = ?3, review_on = ?4 "
	"WHERE id = ?1 AND state = 'draft'";
static const char *sql_retire =
	"UPDATE pledge_versions SET state = 'past' WHERE state = 'current'";
static const char *sql_publish =
	"UPDATE pledge_versions SET state = 'current', published_at = ?2, "
	"starts_on = ?2 WHERE id = ?1 AND state = 'draft'";
static const char *sql_promise_add =
	"INSERT INTO promises (version_id, theme_id, title, description, "
	"statutory, delivery, measure, target, owner_id, owner_team, due_on, "
	"position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	"(SELECT coalesce(max(position), 0) + 1 FROM promises "
	"WHERE version_id = ?1))";
static const char *sql_promise_edit =
	"UPDATE promises SET theme_id = ?2, title = ?3, description = ?4, "
	"statutory = ?5, delivery = ?6, measure = ?7, target = ?8, "
	"owner_id = ?9, owner_team = ?10, due_on = ?11 "
	"WHERE id = ?1 AND version_id = ?12";
static const char *sql_set_status =
	"UPDATE promises SET status = ?2, progress = ?3 WHERE id = ?1";
static const char *sql_last_update =
	"SELECT coalesce(max(id), 0) FROM promise_updates "
	"WHERE promise_id = ?1";
static const char *sql_add_update =
	"INSERT INTO promise_updates (promise_id, at, by_id, status, progress, "
	"evidence, measure_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char *sql_check =
	"SELECT p.id, p.title, p.statutory, t.name, coalesce(v.verdict, ''), "
	"coalesce(v.comment, '') FROM promises p "
	"JOIN pledge_themes t ON t.id = p.theme_id "
	"LEFT JOIN verdicts v ON v.promise_id = p.id AND v.user_id = ?2 "
	"AND v.current = 1 WHERE p.version_id = ?1 "
	"ORDER BY t.position, p.position, p.id";
static const char *sql_verdict_now =
	"SELECT id, verdict, comment FROM verdicts "
	"WHERE promise_id = ?1 AND user_id = ?2 AND current = 1";
static const char *sql_verdict_old =
	"UPDATE verdicts SET current = 0 WHERE id = ?1";
static const char *sql_verdict_add =
	"INSERT INTO verdicts (promise_id, user_id, verdict, comment, "
	"comment_state, urgent, topics, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	"?7, ?8)";
static const char *sql_comments =
	"SELECT v.id, v.comment, v.verdict, p.title, v.at, v.urgent, v.topics, "
	"coalesce(u.display_name, ''), v.on_draft "
	"FROM verdicts v JOIN promises p ON p.id = v.promise_id "
	"LEFT JOIN users u ON u.id = v.user_id "
	"WHERE v.comment_state = 'received' ORDER BY v.urgent DESC, v.at "
	"LIMIT 200";
static const char *sql_comment_decide =
	"UPDATE verdicts SET comment_state = ?2, moderation_note = ?3 "
	"WHERE id = ?1 AND comment_state = 'received'";
static const char *sql_comment_urgent =
	"SELECT urgent FROM verdicts WHERE id = ?1";
static const char *sql_owned =
	"SELECT " PROMISE_COLS PROMISE_FROM
	"JOIN pledge_versions pv ON pv.id = p.version_id "
	"WHERE p.owner_id = ?1 AND pv.state = 'current' "
	"ORDER BY coalesce(p.due_on, 0), p.id";
static const char *sql_themes =
	"SELECT id, name FROM pledge_themes ORDER BY position";
static const char *sql_personal =
	"SELECT pp.id, pp.text, pp.status, pp.note, pp.updated_at, "
	"u.display_name, pp.councillor_id FROM personal_pledges pp "
	"JOIN users u ON u.id = pp.councillor_id "
	"WHERE (?1 = 0 OR pp.councillor_id = ?1) AND u.disabled_at IS NULL "
	"ORDER BY u.name_key, pp.id";
static const char *sql_personal_add =
	"INSERT INTO personal_pledges (councillor_id, text, created_at, "
	"updated_at) VALUES (?1, ?2, ?3, ?3)";
static const char *sql_personal_status =
	"SELECT status FROM personal_pledges WHERE id = ?1 AND "
	"councillor_id = ?2";
static const char *sql_personal_set =
	"UPDATE personal_pledges SET status = ?3, note = ?4, updated_at = ?5 "
	"WHERE id = ?1 AND councillor_id = ?2";

static const struct {
	const char	*key;
	const char	*label;
} statuses[] = {
	{ "not_started", "Not started" },
	{ "in_the_works", "In the works" },
	{ "stalled", "Stalled" },
	{ "kept", "Kept" },
	{ "partly_kept", "Partly kept" },
	{ "broken", "Broken" },
};

static const char *const verdict_keys[V_COUNT] = {
	"yes", "partly", "no", "not_sure",
};
static const char *const verdict_words[V_COUNT] = {
	"Yes", "Partly", "No", "Not sure",
};

const char *
pledge_status_label(const char *key)
{
	size_t	 i;

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcmp(statuses[i].key, key) == 0)
			return (statuses[i].label);
	return (NULL);
}

int
pledge_status_valid(const char *key)
{
	return (key != NULL && pledge_status_label(key) != NULL);
}

const char *
pledge_verdict_key(enum verdict v)
{
	return (verdict_keys[v]);
}

/* A verdict (or "Did it happen?" answer) as the form said it. */
const char *
pledge_verdict_words(const char *key)
{
	size_t	 i;

	for (i = 0; i < V_COUNT; i++)
		if (strcmp(verdict_keys[i], key) == 0)
			return (verdict_words[i]);
	return (key);
}

/*
 * NULL if a promise may move from status `from` to `to` at `progress`
 * percent, else what is wrong: progress is 0 to 100; "kept" means 100;
 * "not started" means 0, and nothing goes back to "not started" once it
 * has started.
 */
const char *
pledge_update_problem(const char *from, const char *to, int progress)
{
	if (!pledge_status_valid(to))
		return ("Choose the promise's status.");
	if (progress < 0 || progress > 100)
		return ("Progress is a number from 0 to 100.");
	if (strcmp(to, "kept") == 0 && progress != 100)
		return ("A kept promise is 100% done. Choose \"partly kept\" "
		    "or give 100.");
	if (strcmp(to, "not_started") == 0) {
		if (progress != 0)
			return ("A promise that has not started is 0% done.");
		if (from != NULL && strcmp(from, "not_started") != 0)
			return ("This promise has started, so it cannot go "
			    "back to \"not started\". Choose \"stalled\" if "
			    "nothing is happening.");
	}
	return (NULL);
}

/*
 * Young people's verdict on one promise, for a template: each count as a
 * number and a percentage, or hidden (suppress.c) so that no count under
 * the threshold can be worked out from the total and the others. A
 * percentage is given only beside a count and a total both shown: with
 * the total hidden, percentages would give it back.
 */
void
pledge_tally(const int64_t *n, int64_t threshold, struct tval *out)
{
	struct arena	*a = tv_arena(out);
	struct suppress	 s;
	struct tval	*t;
	size_t		 cell[V_COUNT], total;
	int64_t		 sum;
	int		 i;

	sup_init(&s, threshold);
	sum = 0;
	for (i = 0; i < V_COUNT; i++) {
		cell[i] = sup_cell(&s, n[i]);
		sum += n[i];
	}
	total = sup_total(&s, sum, 1);
	sup_line(&s, total, cell, V_COUNT);
	sup_run(&s);
	tv_set_bool(out, "enough", sum >= threshold);
	tv_set_str(out, "total", sup_text(&s, a, total));
	for (i = 0; i < V_COUNT; i++) {
		t = tv_set_map(out, verdict_keys[i]);
		tv_set_str(t, "count", sup_text(&s, a, cell[i]));
		if (!sup_shown(&s, cell[i]))
			continue;
		tv_set_bool(t, "shown", 1);
		if (!sup_shown(&s, total))
			continue;
		tv_set_int(t, "pct", (n[i] * 100 + sum / 2) / sum);
		tv_set_bool(t, "with_pct", 1);
	}
}

static int
one_id(struct db *db, const char *sql, int64_t *id)
{
	int	 rc;

	*id = 0;
	rc = db_int(db, id, sql, "");
	return (rc == -1 ? -1 : 0);
}

int
pledge_current_id(struct db *db, int64_t *id)
{
	return (one_id(db, sql_current, id));
}

int
pledge_draft_id(struct db *db, int64_t *id)
{
	return (one_id(db, sql_draft, id));
}

/* Verdict counts for a version, sorted by promise id for bsearch. */
struct counts {
	int64_t		 id;
	int64_t		 n[V_COUNT];
};

static int
verdict_index(const char *key)
{
	int	 i;

	for (i = 0; i < V_COUNT; i++)
		if (strcmp(verdict_keys[i], key) == 0)
			return (i);
	return (-1);
}

static int
cmp_counts(const void *a, const void *b)
{
	const struct counts	*x = a, *y = b;

	return (x->id < y->id ? -1 : x->id > y->id);
}

/* Verdict counts per promise, sorted by id; NULL on a database error. */
static struct counts *
load_counts(struct db *db, sqlite3_stmt *st, size_t *n)
{
	struct counts	*c, *p;
	size_t		 cap;
	int64_t		 id;
	int		 v, rc;

	cap = 64;
	*n = 0;
	if ((c = calloc(cap, sizeof(*c))) == NULL)
		abort();
	(void)db;
	while ((rc = db_step(st)) == 1) {
		id = sqlite3_column_int64(st, 0);
		if ((v = verdict_index(db_col_text(st, 1))) < 0)
			continue;
		if (*n == 0 || c[*n - 1].id != id) {
			if (*n == cap) {
				cap *= 2;
				if ((p = reallocarray(c, cap, sizeof(*c))) ==
				    NULL)
					abort();
				c = p;
			}
			memset(&c[*n], 0, sizeof(c[0]));
			c[(*n)++].id = id;
		}
		c[*n - 1].n[v] = sqlite3_column_int64(st, 2);
	}
	db_done(st);
	if (rc == -1) {
		free(c);
		return (NULL);
	}
	qsort(c, *n, sizeof(*c), cmp_counts);
	return (c);
}

static void
fill_promise(sqlite3_stmt *st, struct tval *row, int64_t now)
{
	struct arena	*a = tv_arena(row);
	const char	*status;
	int64_t		 due;

	tv_set_int(row, "id", sqlite3_column_int64(st, 0));
	tv_set_str(row, "title", db_col_text(st, 1));
	tv_set_str(row, "description", db_col_text(st, 2));
	tv_set_bool(row, "statutory", sqlite3_column_int(st, 3));
	tv_set_str(row, "delivery", db_col_text(st, 4));
	tv_set_str(row, "measure", db_col_text(st, 5));
	tv_set_str(row, "target", db_col_text(st, 6));
	tv_set_str(row, "owner", db_col_text(st, 7));
	due = sqlite3_column_int64(st, 8);
	status = db_col_text(st, 9);
	tv_set_str(row, "due", time_date(a, due));
	tv_set_str(row, "due_iso", time_iso_date(a, due));
	tv_set_bool(row, "overdue", due > 0 && due < now &&
	    strcmp(status, "kept") != 0 && strcmp(status, "broken") != 0);
	tv_set_str(row, "status", pledge_status_label(status));
	tv_set_str(row, "status_key", status);
	tv_set_int(row, "progress", sqlite3_column_int64(st, 10));
	tv_set_str(row, "theme", db_col_text(st, 11));
	tv_set_int(row, "theme_id", sqlite3_column_int64(st, 12));
	if (sqlite3_column_int64(st, 13) > 0)
		tv_set_int(row, "replaces", sqlite3_column_int64(st, 13));
	tv_set_int(row, "owner_id", sqlite3_column_int64(st, 14));
}

static void
fill_tally(const struct counts *c, size_t nc, int64_t id, int64_t threshold,
    struct tval *row)
{
	static const int64_t	 none[V_COUNT];
	struct counts		 key, *hit;

	key.id = id;
	hit = bsearch(&key, c, nc, sizeof(*c), cmp_counts);
	pledge_tally(hit ? hit->n : none, threshold, tv_set_map(row,
	    "verdicts"));
}

/*
 * A version with its promises grouped by theme, each with its verdicts.
 * 1 found, 0 not, -1 error.
 */
int
pledge_version(struct db *db, int64_t id, int64_t threshold, int64_t now,
    struct tval *ctx)
{
	struct tval	*themes, *theme, *row;
	struct counts	*c;
	sqlite3_stmt	*st;
	int64_t		 last;
	size_t		 nc;
	int		 rc;

	st = db_query(db, sql_version, "i", id);
	if ((rc = db_step(st)) == 1) {
		tv_set_int(ctx, "version_id", id);
		tv_set_str(ctx, "pledge_title", db_col_text(st, 0));
		tv_set_str(ctx, "intro", db_col_text(st, 1));
		tv_set_str(ctx, "starts", time_date(tv_arena(ctx),
		    sqlite3_column_int64(st, 2)));
		tv_set_str(ctx, "review", time_date(tv_arena(ctx),
		    sqlite3_column_int64(st, 3)));
		tv_set_str(ctx, "review_iso", time_iso_date(tv_arena(ctx),
		    sqlite3_column_int64(st, 3)));
		tv_set_bool(ctx, arena_printf(tv_arena(ctx), "version_%s",
		    db_col_text(st, 4)), 1);
	}
	db_done(st);
	if (rc != 1)
		return (rc);
	if ((c = load_counts(db, db_query(db, sql_counts, "i", id), &nc)) ==
	    NULL)
		return (-1);
	themes = tv_set_list(ctx, "themes");
	theme = NULL;
	last = -1;
	st = db_query(db, sql_promises, "i", id);
	while ((rc = db_step(st)) == 1) {
		if (sqlite3_column_int64(st, 12) != last) {
			last = sqlite3_column_int64(st, 12);
			theme = tv_push_map(themes);
			tv_set_str(theme, "name", db_col_text(st, 11));
			tv_set_list(theme, "promises");
		}
		row = tv_push_map((struct tval *)tv_get(theme, "promises"));
		fill_promise(st, row, now);
		fill_tally(c, nc, sqlite3_column_int64(st, 0), threshold, row);
	}
	db_done(st);
	free(c);
	return (rc == 0 ? 1 : -1);
}

int
pledge_versions(struct db *db, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_versions, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
		tv_set_bool(row, arena_printf(tv_arena(row), "is_%s",
		    db_col_text(st, 2)), 1);
		tv_set_str(row, "starts", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 3)));
		tv_set_str(row, "review", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 4)));
		tv_set_int(row, "promises", sqlite3_column_int64(st, 5));
		tv_set_bool(row, "promises_one", sqlite3_column_int64(st, 5) ==
		    1);
	}
	db_done(st);
	return (rc);
}

/*
 * The draft for the next Pledge: the current one copied, each promise
 * linked to the one it replaces. An existing draft is returned as is.
 */
int
pledge_draft_new(struct db *db, const struct actor *who, int64_t now,
    int64_t review_years, int64_t *id)
{
	int64_t	 current, review;

	if (db_begin(db) == -1)
		return (-1);
	if (pledge_draft_id(db, id) == -1 || pledge_current_id(db, &current)
	    == -1)
		goto fail;
	if (*id > 0)
		return (db_commit(db));
	review = now + review_years * 365 * 86400;
	if (db_exec(db, current > 0 ? sql_new_draft_copy : sql_new_draft_blank,
	    "iiI", now, review, who->id) != 0)
		goto fail;
	*id = db_last_id(db);
	if (current > 0 && db_exec(db, sql_copy_promises, "ii", *id, current)
	    != 0)
		goto fail;
	if (audit_write(db, who, "pledge.draft", "pledge_version", *id,
	    "") == -1 || db_commit(db) == -1)
		goto fail;
	return (0);
fail:
	db_rollback(db);
	return (-1);
}

int
pledge_draft_set(struct db *db, const struct actor *who, int64_t id,
    const char *title, const char *intro, int64_t review)
{
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_draft_set, "itti", id, title, intro, review) != 0
	    || db_changes(db) != 1 ||
	    audit_write(db, who, "pledge.draft_edit", "pledge_version", id,
	    "") == -1 || db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/* The draft becomes the Pledge; the old one stays readable as past. */
int
pledge_draft_publish(struct db *db, const struct actor *who, int64_t id,
    int64_t now)
{
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_retire, "") != 0 ||
	    db_exec(db, sql_publish, "ii", id, now) != 0 ||
	    db_changes(db) != 1 ||
	    audit_write(db, who, "pledge.publish", "pledge_version", id,
	    "") == -1 || db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

int
pledge_promise_ref(struct db *db, int64_t id, struct promise_ref *r)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_ref, "i", id);
	if ((rc = db_step(st)) == 1) {
		r->id = sqlite3_column_int64(st, 0);
		r->version_id = sqlite3_column_int64(st, 1);
		(void)snprintf(r->version_state, sizeof(r->version_state),
		    "%s", db_col_text(st, 2));
		r->owner_id = sqlite3_column_int64(st, 3);
		(void)snprintf(r->status, sizeof(r->status), "%s",
		    db_col_text(st, 4));
		r->progress = sqlite3_column_int(st, 5);
	}
	db_done(st);
	return (rc);
}

/* One promise: details, verdicts, the council's updates, what young
 * people said (approved comments only). 1 found, 0 not, -1 error. */
int
pledge_promise(struct db *db, int64_t id, int64_t threshold, struct tval *ctx)
{
	struct tval	*list, *row;
	struct counts	*c;
	sqlite3_stmt	*st;
	int64_t		 newer;
	size_t		 nc;
	int		 rc;

	st = db_query(db, sql_promise, "i", id);
	if ((rc = db_step(st)) == 1)
		fill_promise(st, ctx, (int64_t)time(NULL));
	db_done(st);
	if (rc != 1)
		return (rc);
	if ((c = load_counts(db, db_query(db, sql_counts_one, "i", id),
	    &nc)) == NULL)
		return (-1);
	fill_tally(c, nc, id, threshold, ctx);
	free(c);
	list = tv_set_list(ctx, "updates");
	st = db_query(db, sql_updates, "i", id);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_str(row, "at", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 0)));
		tv_set_str(row, "by", db_col_text(st, 1));
		tv_set_str(row, "status", pledge_status_label(
		    db_col_text(st, 2)));
		tv_set_int(row, "progress", sqlite3_column_int64(st, 3));
		tv_set_str(row, "evidence", db_col_text(st, 4));
		tv_set_str(row, "measure_value", db_col_text(st, 5));
	}
	db_done(st);
	if (rc == -1)
		return (-1);
	list = tv_set_list(ctx, "said");
	st = db_query(db, sql_said, "i", id);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_str(row, "comment", db_col_text(st, 0));
		tv_set_bool(row, arena_printf(tv_arena(row), "v_%s",
		    db_col_text(st, 1)), 1);
		tv_set_str(row, "at", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 2)));
	}
	db_done(st);
	if (rc == -1 || (rc = db_int(db, &newer, sql_replaced_by, "i", id)) ==
	    -1)
		return (-1);
	if (rc == 1)
		tv_set_int(ctx, "replaced_by", newer);
	return (1);
}

/* Add (id 0) or change a promise of the draft. */
int
pledge_promise_save(struct db *db, const struct actor *who, int64_t draft,
    int64_t id, const struct promise_input *in, int64_t *out)
{
	int	 rc;

	if (db_begin(db) == -1)
		return (-1);
	if (id == 0)
		rc = db_exec(db, sql_promise_add, "iittdtttItI", draft,
		    in->theme_id, in->title, in->description, in->statutory,
		    in->delivery, in->measure, in->target, in->owner_id,
		    in->owner_team, in->due_on);
	else
		rc = db_exec(db, sql_promise_edit, "iittdtttItIi", id,
		    in->theme_id, in->title, in->description, in->statutory,
		    in->delivery, in->measure, in->target, in->owner_id,
		    in->owner_team, in->due_on, draft);
	if (rc != 0 || db_changes(db) != 1) {
		db_rollback(db);
		return (-1);
	}
	*out = id == 0 ? db_last_id(db) : id;
	if (audit_write(db, who, id == 0 ? "promise.add" : "promise.edit",
	    "promise", *out, "") == -1 || db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/*
 * Who may record progress on a promise of the current Pledge: the
 * participation team on any, a councillor only on those they own.
 */
int
pledge_may_update(enum role role, int64_t user_id, const struct promise_ref *r)
{
	if (strcmp(r->version_state, "current") != 0)
		return (0);
	if (role == ROLE_WORKER)
		return (1);
	return (role == ROLE_COUNCILLOR && r->owner_id == user_id);
}

/* The newest update of promise id (0: none yet); -1 on error. */
int64_t
pledge_last_update(struct db *db, int64_t id)
{
	int64_t	 last;

	return (db_int(db, &last, sql_last_update, "i", id) == 1 ? last : -1);
}

/* Record progress: status, percent, evidence (required). */
int
pledge_update(struct db *db, const struct actor *who, int64_t id,
    const char *status, int progress, const char *evidence,
    const char *measure_value, int64_t now)
{
	if (evidence == NULL || *evidence == '\0' || db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_set_status, "itd", id, status, progress) != 0 ||
	    db_exec(db, sql_add_update, "iiItdtt", id, now, who->id, status,
	    progress, evidence, measure_value ? measure_value : "") != 0 ||
	    audit_write(db, who, "promise.update", "promise", id,
	    status) == -1 || db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/* The current promises with this young person's own current verdicts. */
int
pledge_check_list(struct db *db, int64_t version, int64_t user_id,
    struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_check, "ii", version, user_id);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
		tv_set_bool(row, "statutory", sqlite3_column_int(st, 2));
		tv_set_str(row, "theme", db_col_text(st, 3));
		tv_set_bool(row, arena_printf(tv_arena(row), "v_%s",
		    db_col_text(st, 4)), 1);
		tv_set_str(row, "comment", db_col_text(st, 5));
	}
	db_done(st);
	return (rc);
}

/*
 * A young person's verdict on a promise of the current Pledge. The same
 * answer again changes nothing; a new one becomes current and the old is
 * kept. A comment waits for a worker, urgent if the safeguarding check
 * matches (*flagged). Caller holds the transaction.
 */
int
pledge_verdict_set(struct db *db, const struct actor *who, int64_t promise,
    const char *verdict, const char *comment, int64_t now, int *flagged)
{
	struct buf	 topics;
	sqlite3_stmt	*st;
	int64_t		 old;
	char		 was[16];
	int		 rc, same, hits;

	struct promise_ref	 r;

	*flagged = 0;
	/* Verdicts are on the Pledge in force, nothing else. */
	if (verdict_index(verdict) < 0 || pledge_promise_ref(db, promise, &r)
	    != 1 || strcmp(r.version_state, "current") != 0)
		return (-1);
	comment = comment ? comment : "";
	old = 0;
	same = 0;
	was[0] = '\0';
	st = db_query(db, sql_verdict_now, "ii", promise, who->id);
	if ((rc = db_step(st)) == 1) {
		old = sqlite3_column_int64(st, 0);
		(void)snprintf(was, sizeof(was), "%s", db_col_text(st, 1));
		same = strcmp(was, verdict) == 0 &&
		    strcmp(db_col_text(st, 2), comment) == 0;
	}
	db_done(st);
	if (rc == -1)
		return (-1);
	if (same)
		return (0);
	buf_init(&topics, 32);
	hits = *comment ? safeguarding_match(db, comment, &topics) : 0;
	rc = hits < 0 ||
	    (old > 0 && db_exec(db, sql_verdict_old, "i", old) != 0) ||
	    db_exec(db, sql_verdict_add, "iitttdti", promise, who->id,
	    verdict, comment, *comment ? "received" : "none", hits > 0,
	    buf_cstr(&topics), now) != 0 ||
	    (hits > 0 && concern_scanned(db, who, CONCERN_COMMENT,
	    db_last_id(db), comment, buf_cstr(&topics), now) == -1) ||
	    release_changed(db, RELEASE_PLEDGE, promise, who->id, old > 0 ?
	    was : NULL, verdict) == -1 ||
	    audit_write(db, who, hits > 0 ? "verdict.set.flagged" :
	    "verdict.set", "pledge", r.version_id, "") == -1;
	buf_free(&topics);
	*flagged = hits > 0;
	return (rc ? -1 : 0);
}

/* Comments on promises waiting for a worker, urgent first. */
int
pledge_comments(struct db *db, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_comments, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "comment", db_col_text(st, 1));
		tv_set_str(row, "verdict", pledge_verdict_words(
		    db_col_text(st, 2)));
		tv_set_str(row, "promise", db_col_text(st, 3));
		tv_set_str(row, "at", time_human(tv_arena(row),
		    sqlite3_column_int64(st, 4)));
		tv_set_bool(row, "urgent", sqlite3_column_int(st, 5));
		tv_set_str(row, "topics", safeguarding_rules_text(tv_arena(row),
		    db_col_text(st, 6)));
		/* Workers see who wrote a worrying comment; never others. */
		if (sqlite3_column_int(st, 5))
			tv_set_str(row, "author", db_col_text(st, 7));
		tv_set_bool(row, "on_draft", sqlite3_column_int(st, 8));
	}
	db_done(st);
	return (rc);
}

/*
 * Approve (shown, without a name, on the promise's page) or reject a
 * comment. An urgent one needs a note of what the worker did, and is
 * not shown while a concern about it is open and nobody has taken it.
 * -2 when that note is missing, -3 when the concern is untaken, -1 on
 * error or if already decided.
 */
int
pledge_comment_decide(struct db *db, const struct actor *who, int64_t id,
    int approve, const char *note)
{
	int64_t	 urgent;
	int	 flagged;

	if (db_int(db, &urgent, sql_comment_urgent, "i", id) != 1)
		return (-1);
	if (urgent && (note == NULL || *note == '\0'))
		return (-2);
	if (db_begin(db) == -1)
		return (-1);
	if (approve && (flagged = concerns_unheld(db, CONCERN_COMMENT, id)) !=
	    0) {
		db_rollback(db);
		return (flagged == -1 ? -1 : -3);
	}
	if (db_exec(db, sql_comment_decide, "itt", id, approve ? "approved" :
	    "rejected", note ? note : "") != 0 || db_changes(db) != 1 ||
	    audit_write(db, who, approve ? "comment.approve" :
	    "comment.reject", "verdict", id, "") == -1 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/* The current Pledge as scorecard rows. */
int
pledge_scorecard(struct db *db, int64_t threshold, int64_t now,
    struct tval *list)
{
	struct counts	*c;
	sqlite3_stmt	*st;
	int64_t		 version;
	size_t		 nc;
	int		 rc;

	if (pledge_current_id(db, &version) == -1 || (c = load_counts(db,
	    db_query(db, sql_counts, "i", version), &nc)) == NULL)
		return (-1);
	st = db_query(db, sql_promises, "i", version);
	while ((rc = db_step(st)) == 1) {
		struct tval *row = tv_push_map(list);

		fill_promise(st, row, now);
		fill_tally(c, nc, sqlite3_column_int64(st, 0), threshold, row);
	}
	db_done(st);
	free(c);
	return (rc);
}

/*
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line
 * break; a leading = + - @, tab or carriage return is prefixed with ' so
 * a spreadsheet shows text rather than running a formula.
 */
void
csv_field(struct buf *out, const char *s, int last)
{
	const char	*p;

	if (*s != '\0' && strchr("=+-@\t\r", *s) != NULL) {
		buf_puts(out, "\"'");
		goto quoted;
	}
	if (strpbrk(s, ",\"\r\n") == NULL) {
		buf_puts(out, s);
		goto end;
	}
	buf_putc(out, '"');
quoted:
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			buf_putc(out, '"');
		buf_putc(out, *p);
	}
	buf_putc(out, '"');
end:
	buf_puts(out, last ? "\r\n" : ",");
}

static const char *
tally_count(const struct tval *row, const char *key)
{
	return (tv_get_str(tv_get(tv_get(row, "verdicts"), key), "count"));
}

/* The scorecard as CSV, the same rows and words as the page. */
int
pledge_scorecard_csv(struct db *db, int64_t threshold, int64_t now,
    struct buf *out)
{
	static const char *const head[] = { "Promise", "Theme",
	    "Kind of promise", "Who is responsible", "Council status",
	    "Progress %",
	    "Due", "Overdue", "Young people: yes", "Young people: partly",
	    "Young people: no", "Young people: not sure" };
	struct arena		 a;
	struct tval		*list;
	const struct tval	*row;
	size_t			 i;
	int			 rc;

	arena_init(&a);
	list = tv_list(&a);
	if ((rc = pledge_scorecard(db, threshold, now, list)) == -1) {
		arena_free(&a);
		return (-1);
	}
	buf_puts(out, "\xEF\xBB\xBF");	/* so spreadsheets read UTF-8 */
	for (i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		csv_field(out, head[i], i + 1 == sizeof(head) / sizeof(head[0]));
	for (row = tv_first(list); row != NULL; row = tv_next(row)) {
		csv_field(out, tv_get_str(row, "title"), 0);
		csv_field(out, tv_get_str(row, "theme"), 0);
		csv_field(out, tv_truthy_key(row, "statutory") ?
		    "The law says so" : "Our own promise", 0);
		csv_field(out, tv_get_str(row, "owner"), 0);
		csv_field(out, tv_get_str(row, "status"), 0);
		csv_field(out, tv_get_str(row, "progress"), 0);
		csv_field(out, tv_get_str(row, "due_iso"), 0);
		csv_field(out, tv_truthy_key(row, "overdue") ? "Yes" : "No",
		    0);
		csv_field(out, tally_count(row, "yes"), 0);
		csv_field(out, tally_count(row, "partly"), 0);
		csv_field(out, tally_count(row, "no"), 0);
		csv_field(out, tally_count(row, "not_sure"), 1);
	}
	arena_free(&a);
	return (0);
}

/* The current promises a councillor owns, soonest due first. */
int
pledge_owned(struct db *db, int64_t councillor, int64_t now,
    struct tval *list)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_owned, "i", councillor);
	while ((rc = db_step(st)) == 1)
		fill_promise(st, tv_push_map(list), now);
	db_done(st);
	return (rc);
}

int
pledge_themes(struct db *db, int64_t selected, struct tval *list)
{
	return (db_options(db, sql_themes, selected, list));
}

/* Personal pledges (of one councillor, or everyone's with 0). */
int
pledge_personal_list(struct db *db, int64_t councillor, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_personal, "i", councillor);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "text", db_col_text(st, 1));
		tv_set_str(row, "status", pledge_status_label(
		    db_col_text(st, 2)));
		tv_set_str(row, "status_key", db_col_text(st, 2));
		tv_set_str(row, "note", db_col_text(st, 3));
		tv_set_str(row, "updated", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 4)));
		tv_set_str(row, "councillor", db_col_text(st, 5));
	}
	db_done(st);
	return (rc);
}

int
pledge_personal_add(struct db *db, const struct actor *who, const char *text,
    int64_t now)
{
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_personal_add, "iti", who->id, text, now) != 0 ||
	    audit_write(db, who, "personal_pledge.add", "personal_pledge",
	    db_last_id(db), "") == -1 || db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/* Only its councillor updates a personal pledge: -1 for anyone else; -2
 * if it would go back to "not started". */
int
pledge_personal_update(struct db *db, const struct actor *who, int64_t id,
    const char *status, const char *note, int64_t now)
{
	struct buf	 was;
	int		 rc;

	if (!pledge_status_valid(status) || db_begin(db) == -1)
		return (-1);
	/* Started is started, as for the Pledge's own promises. */
	buf_init(&was, 16);
	rc = db_text(db, &was, sql_personal_status, "ii", id, who->id);
	if (rc == 1 && strcmp(status, "not_started") == 0 &&
	    strcmp(buf_cstr(&was), "not_started") != 0)
		rc = -2;
	buf_free(&was);
	if (rc != 1) {
		db_rollback(db);
		return (rc == -2 ? -2 : -1);
	}
	if (db_exec(db, sql_personal_set, "iitti", id, who->id, status,
	    note ? note : "", now) != 0 ||
	    db_changes(db) != 1 ||
	    audit_write(db, who, "personal_pledge.update", "personal_pledge",
	    id, status) == -1 || db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/*
 * Draft upkeep: remove a promise, move it up or down within its theme,
 * throw the whole draft away. Only the draft is ever touched; a promise
 * something else points at (an agenda item, an update, a young person's
 * verdict) is kept, and the caller is told so.
 */
static const char *sql_in_use =
	"SELECT (SELECT count(*) FROM agenda_items WHERE promise_id = ?1) + "
	"(SELECT count(*) FROM promise_updates WHERE promise_id = ?1) + "
	"(SELECT count(*) FROM verdicts WHERE promise_id = ?1)";
static const char *sql_draft_in_use =
	"SELECT count(*) FROM promises p WHERE p.version_id = ?1 AND ("
	"EXISTS (SELECT 1 FROM agenda_items a WHERE a.promise_id = p.id) OR "
	"EXISTS (SELECT 1 FROM promise_updates u WHERE u.promise_id = p.id) OR "
	"EXISTS (SELECT 1 FROM verdicts v WHERE v.promise_id = p.id))";
static const char *sql_remove =
	"DELETE FROM promises WHERE id = ?1 AND version_id = ?2";
static const char *sql_discard_promises =
	"DELETE FROM promises WHERE version_id = ?1";
static const char *sql_discard =
	"DELETE FROM pledge_versions WHERE id = ?1 AND state = 'draft'";
static const char *sql_siblings =
	"SELECT id FROM promises WHERE version_id = ?1 AND theme_id = "
	"(SELECT theme_id FROM promises WHERE id = ?2 AND version_id = ?1) "
	"ORDER BY position, id";
static const char *sql_set_position =
	"UPDATE promises SET position = ?2 WHERE id = ?1";

/* Remove a promise from the draft: 1 removed, 0 in use, -1 error. */
int
pledge_promise_remove(struct db *db, const struct actor *who, int64_t draft,
    int64_t id)
{
	int64_t	 n;

	if (db_begin(db) == -1)
		return (-1);
	if (db_int(db, &n, sql_in_use, "i", id) != 1)
		goto fail;
	if (n > 0) {
		db_rollback(db);
		return (0);
	}
	if (db_exec(db, sql_remove, "ii", id, draft) != 0 ||
	    db_changes(db) != 1 ||
	    audit_write(db, who, "promise.remove", "promise", id, "") == -1 ||
	    db_commit(db) == -1)
		goto fail;
	return (1);
fail:
	db_rollback(db);
	return (-1);
}

/*
 * Move a draft promise one place up (up != 0) or down within its theme.
 * The theme's promises are numbered 1..n first, as copies and additions
 * may share a position. 1 moved, 0 already at that end, -1 error.
 */
int
pledge_promise_move(struct db *db, const struct actor *who, int64_t draft,
    int64_t id, int up)
{
	sqlite3_stmt	*st;
	int64_t		 ids[512];
	size_t		 n, i, at;
	int		 rc;

	if (db_begin(db) == -1)
		return (-1);
	n = 0;
	at = SIZE_MAX;
	st = db_query(db, sql_siblings, "ii", draft, id);
	while ((rc = db_step(st)) == 1 && n < sizeof(ids) / sizeof(ids[0])) {
		ids[n] = sqlite3_column_int64(st, 0);
		if (ids[n] == id)
			at = n;
		n++;
	}
	db_done(st);
	if (rc == -1 || at == SIZE_MAX)
		goto fail;
	if ((up && at == 0) || (!up && at + 1 >= n)) {
		db_rollback(db);
		return (0);
	}
	i = up ? at - 1 : at + 1;
	ids[at] = ids[i];
	ids[i] = id;
	for (i = 0; i < n; i++)
		if (db_exec(db, sql_set_position, "ii", ids[i],
		    (int64_t)i + 1) != 0)
			goto fail;
	if (audit_write(db, who, up ? "promise.move_up" : "promise.move_down",
	    "promise", id, "") == -1 || db_commit(db) == -1)
		goto fail;
	return (1);
fail:
	db_rollback(db);
	return (-1);
}

/* Throw the draft away: 1 gone, 0 something points at it, -1 error. */
int
pledge_draft_discard(struct db *db, const struct actor *who, int64_t draft)
{
	int64_t	 n;

	if (db_begin(db) == -1)
		return (-1);
	if (db_int(db, &n, sql_draft_in_use, "i", draft) != 1)
		goto fail;
	if (n > 0) {
		db_rollback(db);
		return (0);
	}
	if (db_exec(db, sql_discard_promises, "i", draft) != 0 ||
	    db_exec(db, sql_discard, "i", draft) != 0 ||
	    db_changes(db) != 1 ||
	    audit_write(db, who, "pledge.discard", "pledge_version", draft,
	    "") == -1 || db_commit(db) == -1)
		goto fail;
	return (1);
fail:
	db_rollback(db);
	return (-1);
}

/*
 * Promises of the current Pledge, not yet settled, whose owner has
 * recorded nothing for ?2 seconds (since publication when there is no
 * update), and whose owner has not been reminded since that last word.
 */
#define STALE_LAST \
	"coalesce((SELECT max(u.at) FROM promise_updates u " \
	"WHERE u.promise_id = p.id), v.published_at, v.starts_on)"
#define STALE_OPEN \
	"p.version_id = v.id AND v.state = 'current' " \
	"AND p.owner_id IS NOT NULL " \
	"AND p.status NOT IN ('kept', 'partly_kept', 'broken') " \
	"AND " STALE_LAST " < ?1 - ?2 "
/* Reminded: not an owner whose account is off (the workers were told
 * when it was turned off, and still count the promise as stale). */
#define STALE_WHERE \
	STALE_OPEN \
	"AND (p.reminded_at IS NULL OR p.reminded_at < " STALE_LAST ") " \
	"AND NOT EXISTS (SELECT 1 FROM users o WHERE o.id = p.owner_id " \
	"AND o.disabled_at IS NOT NULL)"
static const char *sql_stale_list =
	"SELECT p.id, p.owner_id, p.title, " STALE_LAST " "
	"FROM promises p, pledge_versions v WHERE " STALE_WHERE;
static const char *sql_stale_note =
	"INSERT INTO notifications (user_id, at, text, link) "
	"VALUES (?1, ?2, ?3, ?4)";
static const char *sql_stale_mark =
	"UPDATE promises AS p SET reminded_at = ?1 FROM pledge_versions v "
	"WHERE " STALE_WHERE;

struct stale {
	int64_t		 id;
	int64_t		 owner;
	int64_t		 last;
	const char	*title;
};

/*
 * The promises to remind of, into list (in a's memory): read first, no
 * statement open while writing. How many, or -1.
 */
static int
stale_list(struct db *db, int64_t now, int64_t days, struct arena *a,
    struct buf *list)
{
	struct stale	 s;
	sqlite3_stmt	*st;
	int		 rc, n;

	n = 0;
	st = db_query(db, sql_stale_list, "ii", now, days * 86400);
	while ((rc = db_step(st)) == 1) {
		s.id = sqlite3_column_int64(st, 0);
		s.owner = sqlite3_column_int64(st, 1);
		s.title = arena_strdup(a, db_col_text(st, 2));
		s.last = sqlite3_column_int64(st, 3);
		buf_append(list, &s, sizeof(s));
		n++;
	}
	db_done(st);
	return (rc == -1 ? -1 : n);
}

/*
 * Remind the owners of promises with no progress for days: one in-app
 * notification per promise, then not again until a newer update is
 * stale. The date in the words the Pledge page uses, on the council's
 * clock (SQL's strftime gave the day in UTC: a day early late at night
 * in summer). The number reminded, or -1.
 */
int
pledge_remind_stale(struct db *db, int64_t now, int64_t days)
{
	struct arena		 a;
	struct buf		 list;
	const struct stale	*s;
	int			 i, n, ok;

	if (db_begin(db) == -1)
		return (-1);
	arena_init(&a);
	buf_init(&list, 256);
	ok = (n = stale_list(db, now, days, &a, &list)) != -1;
	s = (const struct stale *)(const void *)list.data;
	for (i = 0; ok && i < n; i++)
		ok = db_exec(db, sql_stale_note, "iitt", s[i].owner, now,
		    arena_printf(&a, "No progress has been recorded on \"%s\" "
		    "since %s. Please add an update for the young people.",
		    s[i].title, time_date(&a, s[i].last)), arena_printf(&a,
		    "/pledge/%lld", (long long)s[i].id)) == 0;
	ok = ok && db_exec(db, sql_stale_mark, "ii", now, days * 86400) == 0 &&
	    db_changes(db) == n;
	buf_free(&list);
	arena_free(&a);
	return (db_end(db, ok) == -1 ? -1 : n);
}

/* Stale promises, reminded or not: the worker's start page (-1). */
int64_t
pledge_stale_count(struct db *db, int64_t now, int64_t days)
{
	int64_t	 n;

	return (db_int(db, &n, "SELECT count(*) FROM promises p, "
	    "pledge_versions v WHERE " STALE_OPEN, "ii", now,
	    days * 86400) == 1 ? n : -1);
}

static const char *sql_draft_comment =
	"INSERT INTO verdicts (promise_id, user_id, verdict, comment, "
	"comment_state, urgent, topics, at, current, on_draft) VALUES "
	"(?1, ?2, 'not_sure', ?3, 'received', ?4, ?5, ?6, 0, 1)";

/*
 * A young person's comment on a promise of the draft, before it is
 * published: it waits for a worker like any comment, urgent (and a
 * concern opened) if the safeguarding check matches (*flagged). Never
 * current, so it counts in no tally. 0 saved, -1 not a draft promise or
 * error.
 */
int
pledge_draft_comment(struct db *db, const struct actor *who, int64_t promise,
    const char *comment, int64_t now, int *flagged)
{
	struct promise_ref	 r;
	struct buf		 topics;
	int			 hits, rc;

	*flagged = 0;
	if (pledge_promise_ref(db, promise, &r) != 1 ||
	    strcmp(r.version_state, "draft") != 0)
		return (-1);
	if (db_begin(db) == -1)
		return (-1);
	buf_init(&topics, 32);
	hits = safeguarding_match(db, comment, &topics);
	rc = hits < 0 ||
	    db_exec(db, sql_draft_comment, "iitdti", promise, who->id, comment,
	    hits > 0, buf_cstr(&topics), now) != 0 ||
	    (hits > 0 && concern_scanned(db, who, CONCERN_COMMENT,
	    db_last_id(db), comment, buf_cstr(&topics), now) == -1) ||
	    audit_write(db, who, hits > 0 ? "comment.draft.flagged" :
	    "comment.draft", "promise", promise, "") == -1 ||
	    db_commit(db) == -1;
	buf_free(&topics);
	if (rc) {
		db_rollback(db);
		return (-1);
	}
	*flagged = hits > 0;
	return (0);
}
