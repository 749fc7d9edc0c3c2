/*
 * consult.c: writing consultations, who they are for, and answering them
 * (see consult.h). Every change is one transaction with its audit row;
 * an anonymous response writes no audit row at all (its time to the
 * second, beside the session table, would name the person).
 */
#include <netinet/in.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "alert.h"
#include "auth.h"
#include "concerns.h"
#include "consult.h"
#include "reports.h"
#include "safeguarding.h"
#include "settings.h"
#include "throttle.h"
#include "timefmt.h"
#include "users.h"

#define DAY	86400

static const char *const kinds[] = { "one", "several", "scale", "short",
    "long", NULL };
static const char *const kind_words[] = { "One choice", "Several choices",
    "A scale from 1 to 5", "A short answer", "A long answer" };
static const char *const bands[] = { "under_12", "12_15", "16_17", "18_21",
    "22_25", NULL };

/* Stale worrying answers: how many concerns an address opens an hour. */
#define WORRY_LIMIT	3

/* Only to a concern nobody has taken: its holder may have read it. */
static const char *sql_worry_join =
	"UPDATE concerns SET text = text || char(10) || char(10) || ?3 "
	"WHERE id = (SELECT c.id FROM concerns c JOIN worry_origins o ON "
	"o.concern_id = c.id WHERE o.origin = ?5 AND c.kind = ?1 AND "
	"coalesce(c.author_id, 0) = 0 AND c.source = 'scan' AND "
	"c.closed_at IS NULL AND c.held_by IS NULL AND c.created_at >= ?2 "
	"AND c.item_id = ?4 ORDER BY c.id DESC LIMIT 1)";
static const char *sql_insert =
	"INSERT INTO consultations (title, why, bands, area, leavers, "
	"opens_at, closes_at, state, created_by, created_at) VALUES "
	"(?1, ?2, ?3, ?4, ?5, ?6, ?7, 'draft', ?8, ?9)";
static const char *sql_update =
	"UPDATE consultations SET title = ?2, why = ?3, bands = ?4, "
	"area = ?5, leavers = ?6, opens_at = ?7, closes_at = ?8 "
	"WHERE id = ?1 AND state IN ('draft', 'open')";
/* 1 if someone has answered and the audience would change. */
static const char *sql_audience_moves =
	"SELECT count(*) FROM consultations c WHERE id = ?1 AND "
	"(bands != ?2 OR area != ?3 OR leavers != ?4) AND EXISTS (SELECT 1 "
	"FROM consult_responses r WHERE r.consultation_id = c.id)";
static const char *sql_get =
	"SELECT id, title, state, bands, area, leavers, opens_at, closes_at, "
	"(SELECT count(*) FROM consult_responses r WHERE "
	"r.consultation_id = c.id) FROM consultations c WHERE id = ?1";
static const char *sql_detail =
	"SELECT title, why, we_asked, you_said, we_did, "
	"coalesce(published_at, 0), (SELECT count(*) FROM consult_responses "
	"r WHERE r.consultation_id = c.id AND r.finished_at IS NOT NULL) "
	"FROM consultations c WHERE id = ?1";
static const char *sql_list =
	"SELECT c.id, c.title, c.state, c.opens_at, c.closes_at, c.bands, "
	"c.area, c.leavers, (SELECT count(*) FROM consult_responses r WHERE "
	"r.consultation_id = c.id AND r.finished_at IS NOT NULL) "
	"FROM consultations c ORDER BY c.state = 'published', "
	"c.closes_at DESC, c.id DESC LIMIT 200";
static const char *sql_open =
	"SELECT id, title, state, bands, area, leavers, opens_at, closes_at, "
	"0, why FROM consultations WHERE state = 'open' AND opens_at <= ?1 "
	"AND closes_at > ?1 ORDER BY closes_at, id LIMIT 50";
static const char *sql_next_change =
	"SELECT min(t) FROM (SELECT opens_at AS t FROM consultations "
	"WHERE state = 'open' AND opens_at > ?1 UNION ALL SELECT closes_at "
	"FROM consultations WHERE state = 'open' AND closes_at > ?1)";
static const char *sql_q_insert =
	"INSERT INTO consult_questions (consultation_id, position, kind, "
	"text, simple, optional, low_word, high_word) VALUES (?1, "
	"(SELECT coalesce(max(position), 0) + 1 FROM consult_questions "
	"WHERE consultation_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)";
static const char *sql_o_insert =
	"INSERT INTO consult_options (question_id, position, label) "
	"VALUES (?1, ?2, ?3)";
static const char *sql_q_delete =
	"DELETE FROM consult_questions WHERE id = ?1 AND consultation_id = ?2";
static const char *sql_o_delete =
	"DELETE FROM consult_options WHERE question_id = ?1";
static const char *sql_questions =
	"SELECT id, kind, text, simple, optional, low_word, high_word "
	"FROM consult_questions WHERE consultation_id = ?1 "
	"ORDER BY position, id";
static const char *sql_options =
	"SELECT o.id, o.label, o.question_id FROM consult_options o "
	"JOIN consult_questions q ON q.id = o.question_id "
	"WHERE q.consultation_id = ?1 ORDER BY o.question_id, o.position";
static const char *sql_answered =
	"SELECT count(*) FROM consult_responses WHERE consultation_id = ?1";
static const char *sql_q_count =
	"SELECT count(*) FROM consult_questions WHERE consultation_id = ?1";
static const char *sql_state =
	"UPDATE consultations SET state = ?2 WHERE id = ?1 AND state = ?3";
static const char *sql_outcome =
	"UPDATE consultations SET we_asked = ?2, you_said = ?3, we_did = ?4, "
	"state = CASE WHEN ?5 THEN 'published' ELSE state END, "
	"published_at = CASE WHEN ?5 THEN ?6 ELSE published_at END "
	"WHERE id = ?1 AND state IN ('closed', 'published')";
static const char *sql_key =
	"SELECT key FROM consult_key WHERE id = 1";
static const char *sql_key_make =
	"INSERT OR IGNORE INTO consult_key (id, key) VALUES (1, ?1)";
static const char *sql_resp_find =
	"SELECT id, anonymous, page, finished_at IS NOT NULL "
	"FROM consult_responses WHERE consultation_id = ?1 AND marker = ?2";
static const char *sql_resp_insert =
	"INSERT INTO consult_responses (consultation_id, user_id, marker, "
	"anonymous, age_band, lives_outside, page, started_at) VALUES "
	"(?1, ?2, ?3, ?4, ?5, ?6, 0, ?7)";
static const char *sql_ans_clear =
	"DELETE FROM consult_answers WHERE response_id = ?1 AND "
	"question_id = ?2";
static const char *sql_ans_same =
	"SELECT count(*) FROM consult_answers WHERE response_id = ?1 AND "
	"question_id = ?2 AND text = ?3";
static const char *sql_ans_option =
	"INSERT INTO consult_answers (response_id, question_id, option_id) "
	"SELECT ?1, ?2, id FROM consult_options WHERE id = ?3 AND "
	"question_id = ?2";
static const char *sql_ans_scale =
	"INSERT INTO consult_answers (response_id, question_id, scale) "
	"VALUES (?1, ?2, ?3)";
static const char *sql_ans_text =
	"INSERT INTO consult_answers (response_id, question_id, text) "
	"VALUES (?1, ?2, ?3)";
static const char *sql_resp_page =
	"UPDATE consult_responses SET page = max(page, ?2), finished_at = "
	"CASE WHEN ?3 THEN ?4 ELSE finished_at END WHERE id = ?1 AND "
	"finished_at IS NULL";
static const char *sql_ans_mine =
	"SELECT a.question_id, coalesce(a.option_id, 0), "
	"coalesce(a.scale, 0), coalesce(a.text, '') FROM consult_answers a "
	"WHERE a.response_id = ?1";

int
consult_kind_valid(const char *k)
{
	size_t	 i;

	for (i = 0; k != NULL && kinds[i] != NULL; i++)
		if (strcmp(k, kinds[i]) == 0)
			return (1);
	return (0);
}

static const char *
kind_word(const char *k)
{
	size_t	 i;

	for (i = 0; kinds[i] != NULL; i++)
		if (strcmp(k, kinds[i]) == 0)
			return (kind_words[i]);
	return ("");
}

/* A space-separated list of known age bands, each once ("" is all). */
int
consult_bands_valid(const char *s)
{
	char	 copy[64], *p, *w;
	size_t	 i;

	if (s == NULL || strlen(s) >= sizeof(copy))
		return (0);
	(void)snprintf(copy, sizeof(copy), "%s", s);
	for (p = copy; (w = strsep(&p, " ")) != NULL;) {
		if (*w == '\0')
			continue;
		for (i = 0; bands[i] != NULL; i++)
			if (strcmp(w, bands[i]) == 0)
				break;
		if (bands[i] == NULL)
			return (0);
	}
	return (1);
}

static int
band_in(const char *list, const char *band)
{
	size_t	 n;
	const char *p;

	if (band == NULL || *band == '\0')
		return (0);
	n = strlen(band);
	for (p = list; (p = strstr(p, band)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' ||
		    p[n] == '\0'))
			return (1);
	return (0);
}

/* Who a consultation is for, in plain words. */
const char *
consult_audience_words(struct arena *a, const char *blist, const char *area,
    int leavers)
{
	struct buf	 b;
	const char	*out;
	size_t		 i;
	int		 any;

	buf_init(&b, 64);
	buf_puts(&b, leavers ? "Care leavers" : "Young people");
	if (*blist != '\0') {
		buf_puts(&b, " aged ");
		for (i = 0, any = 0; bands[i] != NULL; i++) {
			if (!band_in(blist, bands[i]))
				continue;
			buf_appendf(&b, "%s%s", any ? ", " : "",
			    age_band_label(bands[i]));
			any = 1;
		}
	}
	if (strcmp(area, "inside") == 0)
		buf_puts(&b, " living inside the area");
	else if (strcmp(area, "outside") == 0)
		buf_puts(&b, " living outside the area");
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return (out);
}

int
consult_create(struct db *db, const struct actor *who,
    const struct consult_in *in, int64_t now, int64_t *id)
{
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_insert, "ttttdiiIi", in->title, in->why,
	    in->bands, in->area, in->leavers, in->opens_at, in->closes_at,
	    who->id, now) != 0)
		return (db_end(db, 0));
	*id = db_last_id(db);
	if (audit_write(db, who, "consult.create", "consultation", *id,
	    "") == -1)
		return (db_end(db, 0));
	return (db_end(db, 1));
}

int
consult_update(struct db *db, const struct actor *who, int64_t id,
    const struct consult_in *in)
{
	int64_t	 moves;

	if (db_begin(db) == -1)
		return (-1);
	/*
	 * Who it is for is fixed once anyone has answered, as the questions
	 * are: the results list the bands and areas of the audience, and an
	 * answer from outside it would stand alone in its column.
	 */
	if (db_int(db, &moves, sql_audience_moves, "ittd", id, in->bands,
	    in->area, in->leavers) != 1)
		return (db_end(db, 0));
	if (moves) {
		db_rollback(db);
		return (CONSULT_FROZEN);
	}
	if (db_exec(db, sql_update, "ittttdii", id, in->title, in->why,
	    in->bands, in->area, in->leavers, in->opens_at, in->closes_at) !=
	    0)
		return (db_end(db, 0));
	if (db_changes(db) != 1) {
		db_rollback(db);
		return (CONSULT_STATE);
	}
	if (audit_write(db, who, "consult.edit", "consultation", id, "") ==
	    -1)
		return (db_end(db, 0));
	return (db_end(db, 1));
}

static void
row_consult(sqlite3_stmt *st, struct consult *c)
{
	memset(c, 0, sizeof(*c));
	c->id = sqlite3_column_int64(st, 0);
	(void)snprintf(c->title, sizeof(c->title), "%s", db_col_text(st, 1));
	(void)snprintf(c->state, sizeof(c->state), "%s", db_col_text(st, 2));
	(void)snprintf(c->bands, sizeof(c->bands), "%s", db_col_text(st, 3));
	(void)snprintf(c->area, sizeof(c->area), "%s", db_col_text(st, 4));
	c->leavers = sqlite3_column_int(st, 5);
	c->opens_at = sqlite3_column_int64(st, 6);
	c->closes_at = sqlite3_column_int64(st, 7);
	c->responses = sqlite3_column_int64(st, 8);
}

/* 1 found, 0 not, -1 error. */
int
consult_get(struct db *db, int64_t id, struct consult *c)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_get, "i", id);
	if ((rc = db_step(st)) == 1)
		row_consult(st, c);
	db_done(st);
	return (rc);
}

/* The words of one consultation into ctx. 1 found, 0 not, -1 error. */
int
consult_detail(struct db *db, int64_t id, struct tval *ctx)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_detail, "i", id);
	if ((rc = db_step(st)) == 1) {
		tv_set_str(ctx, "title", db_col_text(st, 0));
		tv_set_str(ctx, "why", db_col_text(st, 1));
		tv_set_str(ctx, "we_asked", db_col_text(st, 2));
		tv_set_str(ctx, "you_said", db_col_text(st, 3));
		tv_set_str(ctx, "we_did", db_col_text(st, 4));
		if (sqlite3_column_int64(st, 5) > 0)
			tv_set_str(ctx, "published", time_date(tv_arena(ctx),
			    sqlite3_column_int64(st, 5)));
		tv_set_str(ctx, "finished", count_text(tv_arena(ctx),
		    sqlite3_column_int64(st, 6), settings_int(db,
		    "small_count", 5)));
	}
	db_done(st);
	return (rc);
}

static const char *
state_word(const char *s)
{
	if (strcmp(s, "draft") == 0)
		return ("Draft");
	if (strcmp(s, "open") == 0)
		return ("Open");
	if (strcmp(s, "closed") == 0)
		return ("Closed");
	return ("Outcome published");
}

int
consult_list_manage(struct db *db, int64_t now, struct tval *list)
{
	struct arena	*a = tv_arena(list);
	sqlite3_stmt	*st;
	struct tval	*row;
	int64_t		 small;
	int		 rc;

	small = settings_int(db, "small_count", 5);
	st = db_query(db, sql_list, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
		tv_set_str(row, "state", state_word(db_col_text(st, 2)));
		tv_set_str(row, "opens", time_date(a,
		    sqlite3_column_int64(st, 3)));
		/* closes_at is the midnight after the last day. */
		tv_set_str(row, "closes", time_date(a,
		    sqlite3_column_int64(st, 4) - 1));
		tv_set_bool(row, "running", strcmp(db_col_text(st, 2),
		    "open") == 0 && sqlite3_column_int64(st, 4) > now);
		tv_set_str(row, "audience", consult_audience_words(a,
		    db_col_text(st, 5), db_col_text(st, 6),
		    sqlite3_column_int(st, 7)));
		/* Suppressed as on the results page. */
		tv_set_str(row, "answered", count_text(a,
		    sqlite3_column_int64(st, 8), small));
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}

int
consult_question_add(struct db *db, const struct actor *who, int64_t cid,
    const struct consult_question_in *q)
{
	int64_t	 qid;
	size_t	 i;

	if (db_begin(db) == -1)
		return (-1);
	if (consult_question_count(db, cid) >= CONSULT_QUESTIONS_MAX) {
		db_rollback(db);
		return (CONSULT_STATE);
	}
	if (db_int(db, &qid, sql_answered, "i", cid) != 1 || qid > 0) {
		db_rollback(db);
		return (CONSULT_FROZEN);
	}
	if (db_exec(db, sql_q_insert, "itttdtt", cid, q->kind, q->text,
	    q->simple ? q->simple : "", q->optional != 0,
	    q->low_word ? q->low_word : "", q->high_word ? q->high_word : "")
	    != 0)
		goto fail;
	qid = db_last_id(db);
	for (i = 0; i < q->noptions; i++)
		if (db_exec(db, sql_o_insert, "iit", qid, (int64_t)i + 1,
		    q->options[i]) != 0)
			goto fail;
	if (audit_write(db, who, "consult.question", "consultation", cid,
	    q->kind) == -1)
		goto fail;
	return (db_end(db, 1));
fail:
	db_rollback(db);
	return (strstr(db_errmsg(db), "frozen") != NULL ? CONSULT_FROZEN :
	    CONSULT_ERROR);
}

int
consult_question_remove(struct db *db, const struct actor *who, int64_t cid,
    int64_t qid)
{
	int64_t	 n;

	if (db_begin(db) == -1)
		return (-1);
	if (db_int(db, &n, sql_answered, "i", cid) != 1 || n > 0) {
		db_rollback(db);
		return (CONSULT_FROZEN);
	}
	if (db_exec(db, sql_o_delete, "i", qid) != 0 ||
	    db_exec(db, sql_q_delete, "ii", qid, cid) != 0)
		goto fail;
	if (db_changes(db) != 1) {
		db_rollback(db);
		return (CONSULT_STATE);
	}
	if (audit_write(db, who, "consult.question_remove", "consultation",
	    cid, "") == -1)
		goto fail;
	return (db_end(db, 1));
fail:
	db_rollback(db);
	return (strstr(db_errmsg(db), "frozen") != NULL ? CONSULT_FROZEN :
	    CONSULT_ERROR);
}

int
consult_question_count(struct db *db, int64_t cid)
{
	int64_t	 n;

	return (db_int(db, &n, sql_q_count, "i", cid) == 1 ? (int)n : -1);
}

/*
 * Every question of cid into list, with its options, numbered: id, kind,
 * text, simple, optional, low/high words and options (id, label).
 */
int
consult_questions(struct db *db, int64_t cid, struct tval *list)
{
	struct arena	*a = tv_arena(list);
	struct tval	*rows[CONSULT_QUESTIONS_MAX], *opt;
	int64_t		 ids[CONSULT_QUESTIONS_MAX], qid;
	sqlite3_stmt	*st;
	size_t		 n, i;
	int		 rc;

	n = 0;
	st = db_query(db, sql_questions, "i", cid);
	while ((rc = db_step(st)) == 1 && n < CONSULT_QUESTIONS_MAX) {
		rows[n] = tv_push_map(list);
		ids[n] = sqlite3_column_int64(st, 0);
		tv_set_int(rows[n], "id", ids[n]);
		tv_set_int(rows[n], "number", (int64_t)n + 1);
		tv_set_str(rows[n], "kind", db_col_text(st, 1));
		tv_set_str(rows[n], "kind_word", kind_word(db_col_text(st,
		    1)));
		tv_set_bool(rows[n], arena_printf(a, "is_%s",
		    db_col_text(st, 1)), 1);
		tv_set_str(rows[n], "text", db_col_text(st, 2));
		if (*db_col_text(st, 3) != '\0')
			tv_set_str(rows[n], "simpler", db_col_text(st, 3));
		tv_set_bool(rows[n], "optional", sqlite3_column_int(st, 4));
		tv_set_str(rows[n], "low_word", db_col_text(st, 5));
		tv_set_str(rows[n], "high_word", db_col_text(st, 6));
		(void)tv_set_list(rows[n], "options");
		n++;
	}
	db_done(st);
	if (rc == -1)
		return (-1);
	st = db_query(db, sql_options, "i", cid);
	while ((rc = db_step(st)) == 1) {
		qid = sqlite3_column_int64(st, 2);
		for (i = 0; i < n; i++)
			if (ids[i] == qid)
				break;
		if (i == n)
			continue;
		opt = tv_push_map((struct tval *)tv_get(rows[i], "options"));
		tv_set_int(opt, "id", sqlite3_column_int64(st, 0));
		tv_set_str(opt, "label", db_col_text(st, 1));
	}
	db_done(st);
	return (rc == -1 ? -1 : (int)n);
}

/*
 * draft -> open (with at least one question), open -> closed. Audited.
 * CONSULT_STATE if it was not in the state before.
 */
int
consult_set_state(struct db *db, const struct actor *who, int64_t id,
    const char *to, int64_t now)
{
	const char	*from;

	(void)now;
	if (strcmp(to, "open") == 0)
		from = "draft";
	else if (strcmp(to, "closed") == 0)
		from = "open";
	else
		return (CONSULT_STATE);
	if (strcmp(to, "open") == 0 && consult_question_count(db, id) < 1)
		return (CONSULT_STATE);
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_state, "itt", id, to, from) != 0)
		return (db_end(db, 0));
	if (db_changes(db) != 1) {
		db_rollback(db);
		return (CONSULT_STATE);
	}
	if (audit_write(db, who, strcmp(to, "open") == 0 ? "consult.open" :
	    "consult.close", "consultation", id, "") == -1)
		return (db_end(db, 0));
	return (db_end(db, 1));
}

/* The outcome, saved or published (publish 1). Closed ones only. */
int
consult_outcome(struct db *db, const struct actor *who, int64_t id,
    const char *asked, const char *said, const char *did, int publish,
    int64_t now)
{
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_outcome, "itttdi", id, asked, said, did,
	    publish != 0, now) != 0)
		return (db_end(db, 0));
	if (db_changes(db) != 1) {
		db_rollback(db);
		return (CONSULT_STATE);
	}
	if (audit_write(db, who, publish ? "consult.publish" :
	    "consult.outcome", "consultation", id, "") == -1)
		return (db_end(db, 0));
	return (db_end(db, 1));
}

/* Whether someone of age band (a key) is in c's audience. */
int
consult_for_band(const struct consult *c, const char *band)
{
	return ((c->bands[0] == '\0' || band_in(c->bands, band)) &&
	    (!c->leavers || band_in("18_21 22_25", band)));
}

/* Whether someone living inside (0) or outside (1) is in c's audience. */
int
consult_for_area(const struct consult *c, int outside)
{
	if (strcmp(c->area, "inside") == 0)
		return (outside == 0);
	if (strcmp(c->area, "outside") == 0)
		return (outside == 1);
	return (1);
}

/*
 * Whether p has said their age band and area. The results leave out an
 * "Age not said" column because nobody who answers is in it: a column
 * always empty, hidden beside a small count, would protect nothing.
 */
int
consult_person_known(const struct consult_person *p)
{
	return (p->age_band != NULL && *p->age_band != '\0' &&
	    (p->lives_outside == 0 || p->lives_outside == 1));
}

/* Whether p may answer c now: open, in its dates and its audience. */
int
consult_for(const struct consult *c, const struct consult_person *p,
    int64_t now)
{
	if (strcmp(c->state, "open") != 0 || now < c->opens_at ||
	    now >= c->closes_at || !consult_person_known(p))
		return (0);
	return (consult_for_band(c, p->age_band) &&
	    consult_for_area(c, p->lives_outside));
}

/* The open consultations p may answer, with how far p has got. */
int
consult_open_list(struct db *db, const struct consult_person *p,
    int64_t now, struct tval *list)
{
	struct arena		*a = tv_arena(list);
	struct consult		 c;
	struct consult_response	 r;
	struct tval		*row;
	sqlite3_stmt		*st;
	int			 rc, found;

	st = db_query(db, sql_open, "i", now);
	while ((rc = db_step(st)) == 1) {
		row_consult(st, &c);
		if (!consult_for(&c, p, now))
			continue;
		row = tv_push_map(list);
		tv_set_int(row, "id", c.id);
		tv_set_str(row, "title", c.title);
		tv_set_str(row, "why", db_col_text(st, 9));
		tv_set_str(row, "closes", time_date(a, c.closes_at - 1));
		if ((found = consult_response_find(db, c.id, p->id, &r)) ==
		    -1)
			break;
		if (found == 1 && r.finished)
			tv_set_bool(row, "done", 1);
		else if (found == 1)
			tv_set_bool(row, "started", 1);
		else
			tv_set_bool(row, "new", 1);
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}

/*
 * The first time after now that an open consultation opens or closes:
 * until then, and while nothing is written, the consultations each
 * person may answer stay the same. INT64_MAX if none will; -1 on error.
 */
int64_t
consult_next_change(struct db *db, int64_t now)
{
	sqlite3_stmt	*st;
	int64_t		 at;
	int		 rc;

	st = db_query(db, sql_next_change, "i", now);
	if ((rc = db_step(st)) != 1) {
		db_done(st);
		return (-1);
	}
	at = sqlite3_column_type(st, 0) == SQLITE_NULL ? INT64_MAX :
	    sqlite3_column_int64(st, 0);
	db_done(st);
	return (at);
}

/* How many open consultations p may answer and has not finished. */
int64_t
consult_open_count(struct db *db, const struct consult_person *p,
    int64_t now)
{
	struct consult		 c;
	struct consult_response	 r;
	sqlite3_stmt		*st;
	int64_t			 n;
	int			 rc, found;

	n = 0;
	st = db_query(db, sql_open, "i", now);
	while ((rc = db_step(st)) == 1) {
		row_consult(st, &c);
		if (!consult_for(&c, p, now))
			continue;
		if ((found = consult_response_find(db, c.id, p->id, &r)) ==
		    -1) {
			rc = -1;
			break;
		}
		if (found == 0 || !r.finished)
			n++;
	}
	db_done(st);
	return (rc == -1 ? -1 : n);
}

/* The marker key, made the first time it is wanted. */
static int
marker_key(struct db *db, unsigned char *key)
{
	unsigned char	 fresh[32];
	sqlite3_stmt	*st;
	int		 rc, tries;

	for (tries = 0; tries < 2; tries++) {
		st = db_query(db, sql_key, "");
		rc = db_step(st);
		if (rc == 1 && sqlite3_column_bytes(st, 0) == 32)
			memcpy(key, sqlite3_column_blob(st, 0), 32);
		db_done(st);
		if (rc == 1)
			return (0);
		if (rc == -1)
			return (-1);
		randombytes_buf(fresh, sizeof(fresh));
		st = db_prep(db, sql_key_make);
		if (st == NULL)
			return (-1);
		sqlite3_bind_blob(st, 1, fresh, sizeof(fresh),
		    SQLITE_TRANSIENT);
		rc = db_step(st);
		db_done(st);
		sodium_memzero(fresh, sizeof(fresh));
		if (rc == -1)
			return (-1);
	}
	return (-1);
}

/* The one-way marker of (consultation, account): 32 bytes into out. */
int
consult_marker(struct db *db, int64_t cid, int64_t uid, unsigned char *out)
{
	unsigned char	 key[32];
	char		 msg[64];
	int		 n;

	if (marker_key(db, key) == -1)
		return (-1);
	n = snprintf(msg, sizeof(msg), "consult:%lld:%lld", (long long)cid,
	    (long long)uid);
	crypto_generichash(out, 32, (const unsigned char *)msg, (size_t)n,
	    key, sizeof(key));
	sodium_memzero(key, sizeof(key));
	return (0);
}

/* The response of account uid to cid, found by its marker: 1, 0, -1. */
int
consult_response_find(struct db *db, int64_t cid, int64_t uid,
    struct consult_response *r)
{
	unsigned char	 m[32];
	sqlite3_stmt	*st;
	int		 rc;

	memset(r, 0, sizeof(*r));
	if (consult_marker(db, cid, uid, m) == -1 ||
	    (st = db_prep(db, sql_resp_find)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, cid);
	sqlite3_bind_blob(st, 2, m, sizeof(m), SQLITE_TRANSIENT);
	if ((rc = db_step(st)) == 1) {
		r->id = sqlite3_column_int64(st, 0);
		r->anonymous = sqlite3_column_int(st, 1);
		r->page = sqlite3_column_int(st, 2);
		r->finished = sqlite3_column_int(st, 3);
	}
	db_done(st);
	return (rc);
}

/*
 * Start p's response to cid, named or anonymous. CONSULT_DONE if p has
 * one already. Anonymous: no account id, no audit row, the day only.
 */
int
consult_response_start(struct db *db, const struct actor *who, int64_t cid,
    const struct consult_person *p, int anonymous, int64_t now,
    struct consult_response *r)
{
	unsigned char	 m[32];
	sqlite3_stmt	*st;
	int		 rc;

	if (db_begin(db) == -1)
		return (-1);
	if ((rc = consult_response_find(db, cid, p->id, r)) != 0) {
		db_rollback(db);
		return (rc == 1 ? CONSULT_DONE : -1);
	}
	if (consult_marker(db, cid, p->id, m) == -1 ||
	    (st = db_prep(db, sql_resp_insert)) == NULL)
		return (db_end(db, 0));
	sqlite3_bind_int64(st, 1, cid);
	if (!anonymous)
		sqlite3_bind_int64(st, 2, p->id);
	sqlite3_bind_blob(st, 3, m, sizeof(m), SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 4, anonymous != 0);
	if (p->age_band != NULL && *p->age_band != '\0')
		sqlite3_bind_text(st, 5, p->age_band, -1, SQLITE_TRANSIENT);
	if (p->lives_outside == 0 || p->lives_outside == 1)
		sqlite3_bind_int(st, 6, p->lives_outside);
	sqlite3_bind_int64(st, 7, anonymous ? now - now % DAY : now);
	rc = db_step(st);
	db_done(st);
	if (rc == -1)
		return (db_end(db, 0));
	memset(r, 0, sizeof(*r));
	r->id = db_last_id(db);
	r->anonymous = anonymous != 0;
	/* Against the person, not the consultation: rows per consultation
	 * would count, by name, who answered it, a total its results hide
	 * when small. */
	if (!anonymous && audit_write(db, who, "consult.start", "user",
	    who->id, "named") == -1)
		return (db_end(db, 0));
	return (db_end(db, 1));
}

/* Whoever answered anonymously, or could not be known: no account, no
 * address, so the concern alerts on its own. */
static const struct actor nobody = { 0, "", "young_person", "" };

/* A worrying text answer: its concern, holding who (nobody if not named). */
static int
scan(struct db *db, const struct actor *who, int64_t cid, const char *text,
    int64_t now, int *flagged)
{
	struct buf	 rules;
	int		 hits;

	buf_init(&rules, 64);
	if ((hits = safeguarding_match(db, text, &rules)) > 0) {
		*flagged = 1;
		if (concern_scanned(db, who, CONCERN_CONSULT, cid, text,
		    buf_cstr(&rules), now) == -1)
			hits = -1;
	}
	buf_free(&rules);
	return (hits < 0 ? -1 : 0);
}

/*
 * Save one page of answers (replacing any earlier ones to the same
 * questions), move the response on to page next, and finish it if
 * finish. Worrying text opens a concern in the same transaction
 * (*flagged). CONSULT_DONE if the response was already finished.
 */
int
consult_answers_save(struct db *db, const struct actor *who, int64_t cid,
    const struct consult_response *r, const struct consult_answer_in *in,
    size_t n, int next, int finish, int64_t now, int *flagged)
{
	size_t	 i, j;
	int64_t	 same;
	int	 rc;

	*flagged = 0;
	if (db_begin(db) == -1)
		return (-1);
	for (i = 0; i < n; i++) {
		/* Words saved already were scanned when saved: Back, then
		 * Send, is one concern, not two. */
		same = 0;
		if ((in[i].text != NULL && db_int(db, &same, sql_ans_same,
		    "iit", r->id, in[i].question_id, in[i].text) != 1) ||
		    db_exec(db, sql_ans_clear, "ii", r->id,
		    in[i].question_id) != 0)
			goto fail;
		for (j = 0; j < in[i].noptions; j++)
			if (db_exec(db, sql_ans_option, "iii", r->id,
			    in[i].question_id, in[i].option_ids[j]) != 0)
				goto fail;
		if (in[i].scale >= 1 && in[i].scale <= 5 &&
		    db_exec(db, sql_ans_scale, "iid", r->id,
		    in[i].question_id, in[i].scale) != 0)
			goto fail;
		if (in[i].text != NULL && *in[i].text != '\0') {
			if (db_exec(db, sql_ans_text, "iit", r->id,
			    in[i].question_id, in[i].text) != 0 ||
			    (same == 0 && scan(db, r->anonymous ? &nobody :
			    who, cid, in[i].text, now, flagged) == -1))
				goto fail;
		}
	}
	if (db_exec(db, sql_resp_page, "iddi", r->id, next, finish != 0,
	    r->anonymous ? now - now % DAY : now) != 0)
		goto fail;
	if (db_changes(db) != 1) {
		db_rollback(db);
		return (CONSULT_DONE);
	}
	if (finish && !r->anonymous && audit_write(db, who, "consult.answer",
	    "user", who->id, "named") == -1)
		goto fail;
	rc = db_end(db, 1);
	return (rc);
fail:
	db_rollback(db);
	return (-1);
}

/*
 * Worrying words sent with a stale token over the hourly limit: added
 * to the newest open concern from a stale answer (no account) from this
 * address on this consultation opened in the last hour, so no word is
 * lost and the concerns one address opens stay bounded. Never to one a
 * worker has taken (she may close it unread), and never in silence:
 * workers are told as of a flood. 1 joined, 0 none, -1 error.
 */
static int
worry_join(struct db *db, int64_t cid, const char *text, const char *origin,
    int64_t now)
{
	if (db_exec(db, sql_worry_join, "titit", CONCERN_CONSULT, now - 3600,
	    text, cid, origin) != 0)
		return (-1);
	if (db_changes(db) == 0)
		return (0);
	return (alert_flood_concern(db, now) == -1 ? -1 : 1);
}

/*
 * Words sent on a form that could not be taken (its session ran out, or
 * the consultation closed, however long ago, or is in any other state):
 * if they worry the scan, a concern holds them, linked to nobody. Words
 * of a signed-in young person on their own form (signed_in) are always
 * a concern of their own, told of on its own, holding them (named) unless
 * they chose to answer this consultation without their name; others (the
 * sender is not known) are limited per address. 1 so, 0 if they do not
 * worry or there is no such consultation, -1 on error.
 */
int
consult_worry_kept(struct db *db, int64_t cid, const char *text,
    const char *ip, int signed_in, const struct actor *named, int64_t now)
{
	struct consult	 c;
	struct actor	 from;
	char		 key[96], origin[2 * AUTH_DIGEST_BYTES + 1];
	char		 addr[INET6_ADDRSTRLEN + 8];
	int64_t		 wait;
	int		 flagged, rc;

	/* Any that exists: a phone left on the page for a month still
	 * holds a child's words. */
	if ((rc = consult_get(db, cid, &c)) != 1)
		return (rc);
	flagged = 0;
	if (db_begin(db) == -1)
		return (-1);
	if (signed_in) {
		/* Their same words still open (a second press, a reload):
		 * not another concern to read. Only a named person's: two
		 * children's same words are two concerns. */
		if (named != NULL && (rc = concern_open_same(db,
		    CONCERN_CONSULT, cid, named->id, text)) != 0)
			return (db_end(db, rc == 1) == -1 || rc == -1 ? -1 : 1);
		if (scan(db, named != NULL ? named : &nobody, cid, text, now,
		    &flagged) == -1)
			return (db_end(db, 0));
		return (db_end(db, 1) == -1 ? -1 : flagged);
	}
	/* The address (an IPv6 /64) as kept with its concern: its
	 * digest (concern_open keeps it, from the actor's address). */
	throttle_addr_key(ip, addr, sizeof(addr));
	auth_digest_hex(addr, origin, sizeof(origin));
	throttle_ip_key("anonworry", ip, key, sizeof(key));
	wait = throttle_wait(db, key, now, 3600,
	    settings_int(db, "anon_worries_per_hour_address", WORRY_LIMIT));
	if (wait < 0)
		return (db_end(db, 0));
	if (wait > 0) {
		/* Over the limit: the words join the last concern this
		 * address opened, if nobody has taken it. */
		if ((rc = worry_join(db, cid, text, origin, now)) == -1)
			return (db_end(db, 0));
		if (rc == 1)
			return (db_end(db, 1) == -1 ? -1 : 1);
	}
	/* A concern of their own, told of with the others in a flood. */
	from = nobody;
	from.ip = ip;
	if (throttle_fail(db, key, now) == -1 ||
	    scan(db, &from, cid, text, now, &flagged) == -1)
		return (db_end(db, 0));
	if (db_end(db, 1) == -1)
		return (-1);
	return (flagged);
}

/* What a response holds so far, keyed "q<id>" for the form. */
int
consult_answers_mine(struct db *db, int64_t rid, struct tval *map)
{
	struct arena	*a = tv_arena(map);
	sqlite3_stmt	*st;
	int64_t		 q, o;
	int		 rc, s;

	st = db_query(db, sql_ans_mine, "i", rid);
	while ((rc = db_step(st)) == 1) {
		q = sqlite3_column_int64(st, 0);
		o = sqlite3_column_int64(st, 1);
		s = sqlite3_column_int(st, 2);
		if (o > 0)
			tv_set_bool(map, arena_printf(a, "o%lld",
			    (long long)o), 1);
		else if (s > 0)
			tv_set_bool(map, arena_printf(a, "q%lld_%d",
			    (long long)q, s), 1);
		else
			tv_set_str(map, arena_printf(a, "q%lld",
			    (long long)q), db_col_text(st, 3));
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}
