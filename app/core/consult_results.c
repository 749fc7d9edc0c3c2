/*
 * consult_results.c: what young people answered, for workers: counts and
 * percentages per question, split by age band and by inside/outside the
 * area, with bar charts and CSV; free text to read, tag and turn into an
 * issue; and published outcomes for /we-asked.
 *
 * Only finished responses count. Each question is one suppression table
 * (suppress.c): the overall counts, both splits and their totals, with a
 * line for every way they add up (a band's counts to the band's total,
 * an answer's counts across bands to its overall count, ...), so no
 * hidden cell can be worked out from the others, in the page, the chart
 * or the CSV alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "chart.h"
#include "consult.h"
#include "pledge.h"
#include "suppress.h"
#include "timefmt.h"
#include "users.h"

#define NBANDS	6		/* five age bands and "not said" */
#define NAREAS	3		/* inside, outside, not said */
#define NCATS	CONSULT_OPTS_MAX

static const char *const band_keys[NBANDS] = { "under_12", "12_15",
    "16_17", "18_21", "22_25", "" };
static const char *const area_words[NAREAS] = { "Inside the area",
    "Outside the area", "Area not said" };

/* Counted once for the whole consultation, then shared out. */
static const char *sql_counts =
	"SELECT a.question_id, coalesce(r.age_band, ''), "
	"coalesce(r.lives_outside, -1), coalesce(a.option_id, a.scale), "
	"count(*) FROM consult_responses r "
	"JOIN consult_answers a ON a.response_id = r.id "
	"WHERE r.consultation_id = ?1 AND r.finished_at IS NOT NULL "
	"AND coalesce(a.option_id, a.scale) IS NOT NULL "
	"GROUP BY 1, 2, 3, 4";
static const char *sql_people =
	"SELECT a.question_id, coalesce(r.age_band, ''), "
	"coalesce(r.lives_outside, -1), count(DISTINCT a.response_id) "
	"FROM consult_responses r "
	"JOIN consult_answers a ON a.response_id = r.id "
	"WHERE r.consultation_id = ?1 AND r.finished_at IS NOT NULL "
	"GROUP BY 1, 2, 3";
/*
 * Within a theme, by their words (case folded), never as they were sent:
 * the audit log times each named answer, so an anonymous one listed
 * between two named ones would be placed in time between them.
 */
/*
 * The text answers, by question, theme and words. Each is named on the
 * page by a handle made of its question, words and place among the same
 * words (text_handle()), never its id: ids rise in the order answers
 * were sent, which the audit log's times of named answers could use to
 * place an anonymous one between named people.
 */
static const char *sql_texts =
	"SELECT a.id, q.position, a.text, a.theme, row_number() OVER "
	"(PARTITION BY a.question_id, a.text ORDER BY a.id) "
	"FROM consult_answers a "
	"JOIN consult_responses r ON r.id = a.response_id "
	"JOIN consult_questions q ON q.id = a.question_id "
	"WHERE q.consultation_id = ?1 AND r.finished_at IS NOT NULL "
	"AND a.text IS NOT NULL ORDER BY q.position, a.theme, lower(a.text), "
	"a.text LIMIT 2000";
static const char *sql_tag =
	"UPDATE consult_answers SET theme = ?3 WHERE id = ?1 AND question_id "
	"IN (SELECT id FROM consult_questions WHERE consultation_id = ?2) "
	"AND text IS NOT NULL AND response_id IN (SELECT id FROM "
	"consult_responses WHERE finished_at IS NOT NULL)";
static const char *sql_answer_ok =
	"SELECT count(*) FROM consult_answers a JOIN consult_questions q ON "
	"q.id = a.question_id JOIN consult_responses r ON r.id = "
	"a.response_id WHERE a.id = ?1 AND q.consultation_id = ?2 "
	"AND a.text IS NOT NULL AND r.finished_at IS NOT NULL";
/*
 * An open concern nobody has taken yet holding this answer's words
 * (concerns about answers name the consultation, so match the words).
 */
static const char *sql_answer_flagged =
	"SELECT count(*) FROM concerns f JOIN consult_answers a ON a.id = ?1 "
	"WHERE f.kind = 'consult_answer' AND f.item_id = ?2 AND "
	"f.closed_at IS NULL AND f.held_by IS NULL AND "
	"instr(f.text, a.text) > 0";
static const char *sql_issue =
	"INSERT INTO issues (category_id, title, summary, state, created_at, "
	"created_by) SELECT id, ?2, ?3, 'open', ?4, ?5 FROM categories "
	"WHERE id = ?1";
static const char *sql_published =
	"SELECT id, title, we_asked, you_said, we_did, published_at "
	"FROM consultations WHERE state = 'published' "
	"ORDER BY published_at DESC, id DESC LIMIT 100";

/* The grouped counts of a whole consultation (key 0: people). */
struct crow {
	int64_t		 qid;
	int64_t		 key;
	int		 band;
	int		 area;
	int64_t		 n;
};

struct counts {
	struct crow	*row;
	size_t		 n;
	size_t		 cap;
};

/*
 * One question's counts: categories by overall, band and area. Every
 * band and area is a column, nobody in it or not: one shown only when
 * someone is in it would say its "fewer than N" is at least one, and
 * three such beside a total could be pinned (three hidden of 3 are one
 * each). The exceptions are columns empty by design, which hidden as
 * "fewer than N" beside a small cell would seem to protect it while
 * everyone knows they hold nothing: "not said" (only people signed in
 * answer, and every young person's account has a band and an area),
 * and bands and areas outside the consultation's audience. They are
 * listed only if someone answered from them after all.
 */
struct tally {
	size_t		 ncat;
	int64_t		 cat_id[NCATS];
	const char	*cat_label[NCATS];
	int64_t		 o[NCATS], b[NCATS][NBANDS], ar[NCATS][NAREAS];
	int64_t		 total, bt[NBANDS], at[NAREAS];
	int		 sums;		/* one answer each: counts add up */
	/* The columns listed (tally_columns()): band and area indexes. */
	size_t		 bcol[NBANDS], nb, acol[NAREAS], na;
	/* Indexes into the suppression table. */
	size_t		 so[NCATS], sb[NCATS][NBANDS], sa[NCATS][NAREAS];
	size_t		 stot, sbt[NBANDS], sat[NAREAS];
	struct suppress	 s;
};

static int
band_index(const char *b)
{
	int	 i;

	for (i = 0; i < NBANDS - 1; i++)
		if (strcmp(b, band_keys[i]) == 0)
			return (i);
	return (NBANDS - 1);
}

static int
area_index(int outside)
{
	return (outside == 0 ? 0 : outside == 1 ? 1 : 2);
}

static const char *
band_word(int i)
{
	const char	*l;

	if (i == NBANDS - 1)
		return ("Age not said");
	l = age_band_label(band_keys[i]);
	return (l != NULL ? l : band_keys[i]);
}

static int band_index(const char *);
static int area_index(int);

/* Append the rows of sql (people: no key column) to cs. */
static int
counts_load(struct db *db, int64_t cid, const char *sql, int people,
    struct arena *a, struct counts *cs)
{
	struct crow	*grown;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql, "i", cid);
	while ((rc = db_step(st)) == 1) {
		if (cs->n == cs->cap) {
			cs->cap = cs->cap ? cs->cap * 2 : 256;
			grown = arena_alloc(a, cs->cap * sizeof(*grown));
			if (cs->n > 0)
				memcpy(grown, cs->row, cs->n * sizeof(*grown));
			cs->row = grown;
		}
		cs->row[cs->n].qid = sqlite3_column_int64(st, 0);
		cs->row[cs->n].band = band_index(db_col_text(st, 1));
		cs->row[cs->n].area = area_index(sqlite3_column_int(st, 2));
		cs->row[cs->n].key = people ? 0 : sqlite3_column_int64(st, 3);
		cs->row[cs->n].n = sqlite3_column_int64(st, people ? 3 : 4);
		cs->n++;
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}

/* Both kinds of count for cid: answers (key > 0), then people. */
static int
counts_read(struct db *db, int64_t cid, struct arena *a, struct counts *ans,
    struct counts *people)
{
	memset(ans, 0, sizeof(*ans));
	memset(people, 0, sizeof(*people));
	if (counts_load(db, cid, sql_counts, 0, a, ans) == -1 ||
	    counts_load(db, cid, sql_people, 1, a, people) == -1)
		return (-1);
	return (0);
}

/*
 * Keep the columns of t that are listed (see struct tally), moving their
 * counts left: the age bands and areas of c's audience, and any that
 * someone answered from after all.
 */
static void
tally_columns(struct tally *t, const struct consult *c)
{
	size_t	 i, j, k;

	for (j = 0, k = 0; j < NBANDS; j++) {
		if (t->bt[j] == 0 && (j == NBANDS - 1 ||
		    !consult_for_band(c, band_keys[j])))
			continue;
		t->bcol[k] = j;
		t->bt[k] = t->bt[j];
		for (i = 0; i < t->ncat; i++)
			t->b[i][k] = t->b[i][j];
		k++;
	}
	t->nb = k;
	for (j = 0, k = 0; j < NAREAS; j++) {
		if (t->at[j] == 0 && (j == NAREAS - 1 ||
		    !consult_for_area(c, (int)j)))
			continue;
		t->acol[k] = j;
		t->at[k] = t->at[j];
		for (i = 0; i < t->ncat; i++)
			t->ar[i][k] = t->ar[i][j];
		k++;
	}
	t->na = k;
}

/* Read the counts of question q (a tv row from consult_questions). */
static int
tally_read(const struct counts *ans, const struct counts *people,
    const struct tval *q, const struct consult *cn, struct arena *a,
    struct tally *t)
{
	const struct tval	*o;
	const struct crow	*c;
	int64_t			 qid;
	size_t			 i, k;
	const char		*kind;

	memset(t, 0, sizeof(*t));
	qid = strtoll(tv_get_str(q, "id"), NULL, 10);
	kind = tv_get_str(q, "kind");
	t->sums = strcmp(kind, "several") != 0;
	if (strcmp(kind, "scale") == 0) {
		for (i = 0; i < 5; i++) {
			t->cat_id[i] = (int64_t)i + 1;
			t->cat_label[i] = arena_printf(a, "%zu%s%s", i + 1,
			    i == 0 && *tv_get_str(q, "low_word") ?
			    arena_printf(a, " (%s)", tv_get_str(q,
			    "low_word")) : "", i == 4 &&
			    *tv_get_str(q, "high_word") ? arena_printf(a,
			    " (%s)", tv_get_str(q, "high_word")) : "");
		}
		t->ncat = 5;
	} else {
		for (o = tv_first(tv_get(q, "options")); o != NULL &&
		    t->ncat < NCATS; o = tv_next(o)) {
			t->cat_id[t->ncat] = strtoll(tv_get_str(o, "id"), NULL,
			    10);
			t->cat_label[t->ncat++] = tv_get_str(o, "label");
		}
	}
	for (k = 0; k < ans->n; k++) {
		c = &ans->row[k];
		if (c->qid != qid)
			continue;
		for (i = 0; i < t->ncat; i++)
			if (t->cat_id[i] == c->key)
				break;
		if (i == t->ncat)
			continue;
		t->o[i] += c->n;
		t->b[i][c->band] += c->n;
		t->ar[i][c->area] += c->n;
	}
	for (k = 0; k < people->n; k++) {
		c = &people->row[k];
		if (c->qid != qid)
			continue;
		t->total += c->n;
		t->bt[c->band] += c->n;
		t->at[c->area] += c->n;
	}
	tally_columns(t, cn);
	return (0);
}

/* Build and run the suppression table of t. */
static void
tally_suppress(struct tally *t, int64_t threshold)
{
	struct suppress	*s = &t->s;
	size_t		 cells[SUP_LINE_MAX], i, j;

	sup_init(s, threshold);
	t->stot = sup_total(s, t->total, 1);
	for (i = 0; i < t->ncat; i++)
		t->so[i] = sup_cell(s, t->o[i]);
	for (j = 0; j < t->nb; j++)
		t->sbt[j] = sup_cell(s, t->bt[j]);
	for (j = 0; j < t->na; j++)
		t->sat[j] = sup_cell(s, t->at[j]);
	for (i = 0; i < t->ncat; i++) {
		for (j = 0; j < t->nb; j++)
			t->sb[i][j] = sup_cell(s, t->b[i][j]);
		for (j = 0; j < t->na; j++)
			t->sa[i][j] = sup_cell(s, t->ar[i][j]);
	}
	/* The people split two ways add up to everyone. */
	sup_line(s, t->stot, t->sbt, t->nb);
	sup_line(s, t->stot, t->sat, t->na);
	/* Each answer's count, split two ways. */
	for (i = 0; i < t->ncat; i++) {
		sup_line(s, t->so[i], t->sb[i], t->nb);
		sup_line(s, t->so[i], t->sa[i], t->na);
	}
	/* One answer each: the answers add up to the people, overall and
	 * in each band and area. */
	if (t->sums && t->ncat > 0) {
		sup_line(s, t->stot, t->so, t->ncat);
		for (j = 0; j < t->nb; j++) {
			for (i = 0; i < t->ncat; i++)
				cells[i] = t->sb[i][j];
			sup_line(s, t->sbt[j], cells, t->ncat);
		}
		for (j = 0; j < t->na; j++) {
			for (i = 0; i < t->ncat; i++)
				cells[i] = t->sa[i][j];
			sup_line(s, t->sat[j], cells, t->ncat);
		}
	}
	sup_run(s);
}

/* "12 (40%)", or the suppressed words; pct only when both are shown. */
static const char *
cell_text(struct arena *a, const struct suppress *s, size_t c, size_t of)
{
	int64_t	 n, d;

	if (!sup_shown(s, c))
		return (sup_text(s, a, c));
	n = s->value[c];
	d = s->value[of];
	if (!sup_shown(s, of) || d <= 0)
		return (arena_printf(a, "%lld", (long long)n));
	return (arena_printf(a, "%lld (%lld%%)", (long long)n,
	    (long long)((n * 100 + d / 2) / d)));
}

/* The split tables of one question into q: rows are answers. */
static void
tally_put(struct tally *t, struct tval *q, struct arena *a)
{
	struct chart_point	 pts[NCATS];
	struct tval		*heads, *rows, *row, *cells;
	struct buf		 svg;
	size_t			 i, j;

	tv_set_str(q, "people", sup_text(&t->s, a, t->stot));
	heads = tv_set_list(q, "band_heads");
	for (j = 0; j < t->nb; j++)
		tv_set_str(tv_push_map(heads), "label", arena_printf(a,
		    "%s (%s)", band_word((int)t->bcol[j]), sup_text(&t->s, a,
		    t->sbt[j])));
	heads = tv_set_list(q, "area_heads");
	for (j = 0; j < t->na; j++)
		tv_set_str(tv_push_map(heads), "label", arena_printf(a,
		    "%s (%s)", area_words[t->acol[j]], sup_text(&t->s, a,
		    t->sat[j])));
	rows = tv_set_list(q, "rows");
	for (i = 0; i < t->ncat; i++) {
		row = tv_push_map(rows);
		tv_set_str(row, "label", t->cat_label[i]);
		tv_set_str(row, "all", cell_text(a, &t->s, t->so[i], t->stot));
		cells = tv_set_list(row, "bands");
		for (j = 0; j < t->nb; j++)
			tv_set_str(tv_push_map(cells), "n", cell_text(a,
			    &t->s, t->sb[i][j], t->sbt[j]));
		cells = tv_set_list(row, "areas");
		for (j = 0; j < t->na; j++)
			tv_set_str(tv_push_map(cells), "n", cell_text(a,
			    &t->s, t->sa[i][j], t->sat[j]));
		memset(&pts[i], 0, sizeof(pts[i]));
		pts[i].label = t->cat_label[i];
		pts[i].value = t->o[i];
		pts[i].hidden = sup_shown(&t->s, t->so[i]) ? NULL :
		    sup_text(&t->s, a, t->so[i]);
	}
	buf_init(&svg, 2048);
	chart_bars(&svg, tv_get_str(q, "text"), pts, t->ncat);
	tv_set(q, "chart", tv_strn(a, svg.data ? svg.data : "", svg.len));
	buf_free(&svg);
}

/*
 * Every question of cid with its results into ctx "questions"; text
 * questions with their number of answers (suppressed alone).
 */
int
consult_results(struct db *db, int64_t cid, int64_t threshold,
    struct tval *ctx)
{
	struct arena		*a = tv_arena(ctx);
	struct counts		 ans, people;
	struct consult		 c;
	struct tally		*t;
	struct tval		*list, *q;
	int			 n, rc;

	list = tv_set_list(ctx, "questions");
	if (consult_get(db, cid, &c) != 1 ||
	    (n = consult_questions(db, cid, list)) == -1 ||
	    counts_read(db, cid, a, &ans, &people) == -1)
		return (-1);
	t = arena_alloc(a, sizeof(*t));
	rc = 0;
	for (q = (struct tval *)tv_first(list); q != NULL;
	    q = (struct tval *)tv_next(q)) {
		if (tally_read(&ans, &people, q, &c, a, t) == -1) {
			rc = -1;
			break;
		}
		if (tv_truthy_key(q, "is_short") ||
		    tv_truthy_key(q, "is_long")) {
			t->ncat = 0;
			tally_suppress(t, threshold);
			tv_set_str(q, "people", sup_text(&t->s, a, t->stot));
			tv_set_bool(q, "texty", 1);
			continue;
		}
		tally_suppress(t, threshold);
		tally_put(t, q, a);
	}
	return (rc);
}

static void
csv_row(struct buf *out, const char *q, const char *ans, const char *group,
    const struct suppress *s, size_t c, size_t of, struct arena *a)
{
	csv_field(out, q, 0);
	csv_field(out, ans, 0);
	csv_field(out, group, 0);
	csv_field(out, sup_text(s, a, c), 0);
	if (sup_shown(s, c) && sup_shown(s, of) && s->value[of] > 0)
		csv_field(out, arena_printf(a, "%lld", (long long)
		    ((s->value[c] * 100 + s->value[of] / 2) / s->value[of])),
		    1);
	else
		csv_field(out, "", 1);
}

/* The same counts as the page, one row a cell, the same suppression. */
int
consult_results_csv(struct db *db, int64_t cid, int64_t threshold,
    struct buf *out)
{
	struct arena		 a;
	struct counts		 ans, people;
	struct consult		 c;
	struct tally		*t;
	struct tval		*list;
	const struct tval	*q;
	const char		*text;
	size_t			 i, j;
	int			 rc;

	arena_init(&a);
	list = tv_list(&a);
	if (consult_get(db, cid, &c) != 1 ||
	    consult_questions(db, cid, list) == -1 ||
	    counts_read(db, cid, &a, &ans, &people) == -1) {
		arena_free(&a);
		return (-1);
	}
	t = arena_alloc(&a, sizeof(*t));
	buf_puts(out, "\xEF\xBB\xBF");	/* so spreadsheets read UTF-8 */
	buf_puts(out, "Question,Answer,Group,Count,Percent of group\r\n");
	rc = 0;
	for (q = tv_first(list); q != NULL; q = tv_next(q)) {
		if (tv_truthy_key(q, "is_short") || tv_truthy_key(q,
		    "is_long"))
			continue;
		if (tally_read(&ans, &people, q, &c, &a, t) == -1) {
			rc = -1;
			break;
		}
		tally_suppress(t, threshold);
		text = tv_get_str(q, "text");
		csv_row(out, text, "Everyone who answered", "Everyone",
		    &t->s, t->stot, t->stot, &a);
		for (j = 0; j < t->nb; j++)
			csv_row(out, text, "Everyone who answered",
			    band_word((int)t->bcol[j]), &t->s, t->sbt[j], t->stot,
			    &a);
		for (j = 0; j < t->na; j++)
			csv_row(out, text, "Everyone who answered",
			    area_words[t->acol[j]], &t->s, t->sat[j],
			    t->stot, &a);
		for (i = 0; i < t->ncat; i++) {
			csv_row(out, text, t->cat_label[i], "Everyone",
			    &t->s, t->so[i], t->stot, &a);
			for (j = 0; j < t->nb; j++)
				csv_row(out, text, t->cat_label[i],
				    band_word((int)t->bcol[j]), &t->s,
				    t->sb[i][j],
				    t->sbt[j], &a);
			for (j = 0; j < t->na; j++)
				csv_row(out, text, t->cat_label[i],
				    area_words[t->acol[j]], &t->s, t->sa[i][j],
				    t->sat[j], &a);
		}
	}
	arena_free(&a);
	return (rc);
}

/* A text answer's handle (sql_texts): its question, place and words. */
static void
text_handle(sqlite3_stmt *st, char *out, size_t len)
{
	struct buf	 b;

	buf_init(&b, 256);
	buf_appendf(&b, "%lld:%lld:%s", (long long)sqlite3_column_int64(st,
	    1), (long long)sqlite3_column_int64(st, 4), db_col_text(st, 2));
	auth_digest_hex(buf_cstr(&b), out, len);
	buf_free(&b);
}

/*
 * The text answer of cid whose handle the page gave: 1 and *aid, 0 if
 * none has it (its words or place changed since), or -1.
 */
int
consult_text_find(struct db *db, int64_t cid, const char *handle,
    int64_t *aid)
{
	sqlite3_stmt	*st;
	char		 h[CONSULT_HANDLE_LEN];
	int		 rc;

	*aid = 0;
	if (handle == NULL || strlen(handle) != sizeof(h) - 1)
		return (0);
	st = db_query(db, sql_texts, "i", cid);
	while ((rc = db_step(st)) == 1) {
		text_handle(st, h, sizeof(h));
		if (strcmp(h, handle) == 0) {
			*aid = sqlite3_column_int64(st, 0);
			break;
		}
	}
	db_done(st);
	return (rc == -1 ? -1 : *aid > 0);
}

/* The text answers of cid, by question, for workers to read and tag. */
int
consult_texts(struct db *db, int64_t cid, struct tval *list)
{
	sqlite3_stmt	*st;
	struct tval	*row;
	char		 h[CONSULT_HANDLE_LEN];
	int		 rc;

	st = db_query(db, sql_texts, "i", cid);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		text_handle(st, h, sizeof(h));
		tv_set_str(row, "handle", h);
		tv_set_int(row, "number", sqlite3_column_int64(st, 1));
		tv_set_str(row, "text", db_col_text(st, 2));
		if (*db_col_text(st, 3) != '\0')
			tv_set_str(row, "theme", db_col_text(st, 3));
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}

/* Tag a text answer of cid with a theme ("" clears it). 0, or -1. */
int
consult_tag(struct db *db, const struct actor *who, int64_t cid,
    int64_t aid, const char *theme)
{
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_tag, "iit", aid, cid, theme) != 0)
		return (db_end(db, 0));
	if (db_changes(db) != 1) {
		db_rollback(db);
		return (CONSULT_STATE);
	}
	if (audit_write(db, who, "consult.tag", "consultation", cid, "") ==
	    -1)
		return (db_end(db, 0));
	return (db_end(db, 1));
}

/*
 * A text answer of cid becomes an issue, in the worker's own words
 * (title, summary) and category: its id into *iid. The answer's words
 * are not copied: the worker writes what the council reads.
 */
int
consult_to_issue(struct db *db, const struct actor *who, int64_t cid,
    int64_t aid, int64_t category, const char *title, const char *summary,
    int64_t now, int64_t *iid)
{
	int64_t	 n;

	if (db_begin(db) == -1)
		return (-1);
	if (db_int(db, &n, sql_answer_ok, "ii", aid, cid) != 1 || n != 1) {
		db_rollback(db);
		return (CONSULT_STATE);
	}
	if (db_int(db, &n, sql_answer_flagged, "ii", aid, cid) != 1 ||
	    n != 0) {
		db_rollback(db);
		return (CONSULT_FLAGGED);
	}
	if (db_exec(db, sql_issue, "ittii", category, title, summary, now,
	    who->id) != 0)
		return (db_end(db, 0));
	if (db_changes(db) != 1) {
		db_rollback(db);
		return (CONSULT_STATE);
	}
	*iid = db_last_id(db);
	if (audit_write(db, who, "consult.issue", "issue", *iid, "") == -1)
		return (db_end(db, 0));
	return (db_end(db, 1));
}

/* Published outcomes, newest first, for /we-asked. */
int
consult_published(struct db *db, struct tval *list)
{
	sqlite3_stmt	*st;
	struct tval	*row;
	int		 rc;

	st = db_query(db, sql_published, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
		tv_set_str(row, "we_asked", db_col_text(st, 2));
		tv_set_str(row, "you_said", db_col_text(st, 3));
		tv_set_str(row, "we_did", db_col_text(st, 4));
		tv_set_str(row, "published", time_date(tv_arena(list),
		    sqlite3_column_int64(st, 5)));
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}
