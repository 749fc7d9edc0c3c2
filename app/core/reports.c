/*
 * reports.c: the corporate parenting board report and the exports.
 *
 * What was raised (by theme and month), how fast it was answered, what was
 * decided, what is overdue and with whom, "you said, we did", the Pledge
 * scorecard with both verdicts, and who took part (age band, inside or
 * outside the area). Every count passes through count_text(): under the
 * small-number threshold it reads "fewer than N", in tables, charts and
 * exports alike.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "actions.h"
#include "chart.h"
#include "issues.h"
#include "json.h"
#include "meetings.h"
#include "pledge.h"
#include "reports.h"
#include "suppress.h"
#include "timefmt.h"
#include "users.h"

#define MONTHS_MAX	60

static const char *sql_categories =
	"SELECT id, name FROM categories ORDER BY position";
static const char *sql_views_in =
	"SELECT created_at, category_id FROM views "
	"WHERE created_at >= ?1 AND created_at < ?2 ORDER BY created_at";
/* Every answer given: the issues' own, and those before a reopen
 * (migration 0038), each counted in the period it was given. */
/* An answer waiting for a worker's check is given (README), when it was
 * sent: counted then, the check later changes no period. */
#define ANSWER_WAITING	"c.state = 'waiting' AND c.decision <> 'more_time'"
#define ANSWERS_WAITING						\
	"SELECT c.issue_id, c.councillor_id, i.sent_at, i.first_due_at, "	\
	"i.due_at, i.extensions, c.decision, c.written_at FROM "	\
	"answer_checks c JOIN issues i ON i.id = c.issue_id WHERE "	\
	ANSWER_WAITING " AND i.state = 'with_councillor'"
#define ANSWERS_GIVEN							\
	"(SELECT id AS issue_id, councillor_id, sent_at, first_due_at, "	\
	"due_at, extensions, decision, answered_at FROM issues "	\
	"WHERE answered_at IS NOT NULL UNION ALL SELECT issue_id, "	\
	"councillor_id, sent_at, first_due_at, due_at, extensions, "	\
	"decision, answered_at FROM answers_before UNION ALL "		\
	ANSWERS_WAITING ")"
/*
 * When answer g's round was first sent: a move to another councillor
 * sends it again (issue_moves, 0041), but the young people have waited
 * since the first send of that round (after any earlier answer).
 */
#define FIRST_SENT(g)							\
	"coalesce((SELECT min(m.sent_at) FROM issue_moves m "		\
	"WHERE m.issue_id = " g ".issue_id AND m.moved_at <= "		\
	g ".answered_at AND m.moved_at > coalesce((SELECT "		\
	"max(b.answered_at) FROM answers_before b WHERE b.issue_id = "	\
	g ".issue_id AND b.answered_at < " g ".answered_at), 0)), "	\
	g ".sent_at)"
static const char *sql_answers =
	"SELECT (g.answered_at - " FIRST_SENT("g") ") / 86400, "
	"g.answered_at <= coalesce(g.first_due_at, g.due_at), "
	"g.decision, g.extensions > 0 FROM " ANSWERS_GIVEN " g "
	"WHERE g.answered_at >= ?1 AND g.answered_at < ?2 ORDER BY 1";
/*
 * The first move of r's round after ?1: who had it then (councillor_id),
 * its due date then (due_at), and when it moved (moved_at).
 */
#define NEXT_MOVE(col)	"(SELECT m." col " FROM issue_moves m "		\
	"WHERE m.issue_id = r.issue_id AND m.moved_at >= ?1 "		\
	"AND (r.answered_at IS NULL OR m.moved_at < r.answered_at) "	\
	"ORDER BY m.moved_at LIMIT 1)"
/*
 * The due date at ?1: the one the next move replaced, else today's. More
 * time granted after ?1 (before any such move) replaced it unrecorded:
 * NULL then, not a date set after the period.
 */
#define DUE_THEN							\
	"CASE WHEN EXISTS (SELECT 1 FROM audit_log a WHERE a.action = "	\
	"'issue.more_time' AND a.at >= ?1 AND a.object_id = r.issue_id "	\
	"AND a.at < coalesce(" NEXT_MOVE("moved_at") ", r.answered_at, "	\
	"9223372036854775807)) THEN NULL "				\
	"ELSE coalesce(" NEXT_MOVE("due_at") ", r.due_at) END"
/*
 * Waiting past its first due date as things stood at ?1: every time an
 * issue was sent to be answered (now, and before each reopen), due
 * before then and not answered by then. Not by when it was sent: a move
 * to another councillor sends it again, and an issue overdue then stays
 * so in that period's report, with the councillor who had it then.
 */
static const char *sql_overdue =
	"SELECT i.id, " ISSUE_PUBLIC_TITLE ", coalesce(u.display_name, ''), "
	"coalesce(r.first_due_at, r.due_at), " DUE_THEN ", r.extensions "
	"FROM (SELECT i2.id AS issue_id, i2.councillor_id, i2.sent_at, "
	"i2.first_due_at, i2.due_at, i2.extensions, coalesce(i2.answered_at, "
	"(SELECT c.written_at FROM answer_checks c WHERE c.issue_id = i2.id "
	"AND " ANSWER_WAITING ")) AS answered_at "
	"FROM issues i2 WHERE i2.sent_at IS NOT NULL UNION ALL SELECT "
	"issue_id, councillor_id, sent_at, first_due_at, due_at, extensions, "
	"answered_at FROM answers_before) r "
	"JOIN issues i ON i.id = r.issue_id "
	"JOIN categories c ON c.id = i.category_id "
	"LEFT JOIN users u ON u.id = coalesce(" NEXT_MOVE("councillor_id")
	", r.councillor_id) "
	"WHERE coalesce(r.first_due_at, r.due_at) < ?1 "
	"AND (r.answered_at IS NULL OR r.answered_at >= ?1) "
	"ORDER BY 4 LIMIT 50";
/* Published in the period, including outcomes since reopened (0040). */
static const char *sql_highlights =
	"SELECT " ISSUE_PUBLIC_TITLE ", " ISSUE_PUBLIC_SUMMARY ", "
	"o.decision, o.response, o.reason FROM (SELECT id AS issue_id, "
	"decision, response, reason, published_at FROM issues "
	"WHERE published_at >= ?1 AND published_at < ?2 UNION ALL "
	"SELECT issue_id, decision, response, reason, published_at "
	"FROM answers_before WHERE published_at >= ?1 AND published_at < ?2) o "
	"JOIN issues i ON i.id = o.issue_id "
	"JOIN categories c ON c.id = i.category_id "
	"ORDER BY o.published_at DESC LIMIT 5";
/* Views passed on to another door (a young person's own case), by theme. */
static const char *sql_elsewhere =
	"SELECT v.category_id, count(*) FROM redirects r "
	"JOIN views v ON v.id = r.view_id "
	"WHERE r.at >= ?1 AND r.at < ?2 GROUP BY v.category_id";
/*
 * Answered after the first due date, or given more time at all; and who
 * had it at that date, when a move (0041) sent it on after it: the one
 * it was late with, not only the one who answered.
 */
static const char *sql_late =
	"SELECT " ISSUE_PUBLIC_TITLE ", coalesce(u.display_name, ''), "
	"coalesce(x.first_due_at, x.due_at), x.answered_at, x.extensions, "
	"x.due_at, coalesce(o.display_name, '') "
	"FROM " ANSWERS_GIVEN " x JOIN issues i ON i.id = x.issue_id "
	"JOIN categories c ON c.id = i.category_id "
	"LEFT JOIN users u ON u.id = x.councillor_id "
	"LEFT JOIN users o ON o.id = (SELECT m.councillor_id "
	"FROM issue_moves m WHERE m.issue_id = x.issue_id "
	"AND m.moved_at > coalesce(x.first_due_at, x.due_at) "
	"AND m.moved_at <= x.answered_at ORDER BY m.moved_at LIMIT 1) "
	"AND o.id IS NOT x.councillor_id "
	"WHERE x.answered_at >= ?1 AND x.answered_at < ?2 "
	"AND (x.answered_at > coalesce(x.first_due_at, x.due_at) "
	"OR x.extensions > 0) ORDER BY 3 LIMIT 100";
/*
 * Items marked for the board: those of meetings in the period, and any
 * earlier one still waiting for the board's reply.
 */
/* Consultations that closed in the period, and how many finished them. */
static const char *sql_consults =
	"SELECT c.title, c.closes_at, c.state = 'published', (SELECT count(*) "
	"FROM consult_responses r WHERE r.consultation_id = c.id AND "
	"r.finished_at IS NOT NULL) FROM consultations c "
	"WHERE c.closes_at >= ?1 AND c.closes_at < ?2 AND c.state IN "
	"('closed', 'published') ORDER BY c.closes_at";
/*
 * As things stood at the period's end (?2): items from its meetings, and
 * older ones still waiting for the board at its start; a reply recorded
 * after the period is not yet shown, so a report once tabled does not
 * change. (A reply from before replies were dated counts as given.)
 * An issue's item holding a private view by its public title only.
 */
#define REPLIED_BY(t)	"(a.board_reply <> '' AND "			\
	"coalesce(a.board_reply_at, 0) < " t ")"
static const char *sql_for_board =
	"SELECT " AGENDA_TITLE ", m.title, m.starts_at, "
	"CASE WHEN " REPLIED_BY("?2") " THEN a.board_reply ELSE '' END, "
	"CASE WHEN " REPLIED_BY("?2") " THEN coalesce(a.board_reply_at, 0) "
	"ELSE 0 END FROM meetings m "
	"JOIN agenda_items a ON a.meeting_id = m.id AND a.for_board = 1 "
	"LEFT JOIN issues i ON i.id = a.issue_id "
	"LEFT JOIN categories c ON c.id = i.category_id "
	"WHERE m.starts_at < ?2 AND (m.starts_at >= ?1 OR "
	"NOT " REPLIED_BY("?1") ") "
	"ORDER BY m.starts_at, a.position LIMIT 100";
/* Distinct authors first (from the covering index), then their details. */
static const char *sql_authors_in =
	"SELECT author_id FROM views WHERE created_at >= ?1 "
	"AND created_at < ?2 AND author_id IS NOT NULL";
/* Area: 0 inside, 1 outside, 2 not given. */
static const char *sql_people =
	"SELECT id, coalesce(age_band, ''), CASE WHEN lives_outside IS NULL "
	"THEN 2 WHEN lives_outside <> 0 THEN 1 ELSE 0 END FROM users";
/*
 * Every issue, and each answer given before it was reopened (kept in
 * answers_before) as a row of its own, after the issue's: the board
 * report counts every answer given, so the sheet lists each.
 */
#define CSV_PEOPLE							\
	"(SELECT count(*) FROM views v WHERE v.issue_id = i.id "	\
	"AND v.state IN ('approved', 'merged'))"
static const char *sql_issues_csv =
	"SELECT i.id, " ISSUE_PUBLIC_TITLE ", c.name, i.state, "
	"coalesce(u.display_name, ''), coalesce(i.due_at, 0), "
	/* Reopened, the earlier decision is its own row's, not this. */
	"CASE WHEN i.answered_at IS NULL THEN '' ELSE "
	"coalesce(i.decision, '') END, "
	"coalesce(i.answered_at, 0), coalesce(i.published_at, 0), "
	CSV_PEOPLE ", coalesce(i.first_due_at, i.due_at, 0), 1 AS k "
	"FROM issues i JOIN categories c ON c.id = i.category_id "
	"LEFT JOIN users u ON u.id = i.councillor_id "
	"WHERE ?1 OR i.state <> 'open' "
	"UNION ALL SELECT i.id, " ISSUE_PUBLIC_TITLE ", c.name, "
	"'answered, then reopened', coalesce(u.display_name, ''), "
	"coalesce(b.due_at, 0), coalesce(b.decision, ''), "
	"coalesce(b.answered_at, 0), coalesce(b.published_at, 0), "
	CSV_PEOPLE ", coalesce(b.first_due_at, b.due_at, 0), "
	"2 + b.answered_at FROM answers_before b "
	"JOIN issues i ON i.id = b.issue_id "
	"JOIN categories c ON c.id = i.category_id "
	"LEFT JOIN users u ON u.id = b.councillor_id "
	"WHERE ?1 OR i.state <> 'open' ORDER BY 1, 12";
static const char *sql_open_outcomes =
	"SELECT i.id, " ISSUE_PUBLIC_TITLE ", " ISSUE_PUBLIC_SUMMARY ", "
	"c.name, i.decision, i.response, "
	"coalesce(i.reason, ''), coalesce(i.action_text, ''), i.published_at "
	"FROM issues i JOIN categories c ON c.id = i.category_id "
	"WHERE i.published_at IS NOT NULL ORDER BY i.published_at DESC, i.id DESC "
	"LIMIT ?1 OFFSET ?2";

static const char *sql_open_count =
	"SELECT count(*) FROM issues WHERE published_at IS NOT NULL";

/* A count alone, with no total or other count to set it against. */
const char *
count_text(struct arena *a, int64_t n, int64_t threshold)
{
	struct suppress	 s;
	size_t		 c;

	sup_init(&s, threshold);
	c = sup_cell(&s, n);
	sup_run(&s);
	return (arena_strdup(a, sup_text(&s, a, c)));
}

/* Count i of s into row[key], and as a chart point. */
static void
put(const struct suppress *s, size_t i, struct tval *row, const char *key,
    struct chart_point *pt)
{
	tv_set_str(row, key, sup_text(s, tv_arena(row), i));
	if (pt != NULL)
		pt->hidden = sup_shown(s, i) ? NULL : sup_text(s,
		    tv_arena(row), i);
}

static void
svg_into(struct tval *ctx, const char *key, struct buf *svg)
{
	tv_set(ctx, key, tv_strn(tv_arena(ctx), svg->data, svg->len));
	buf_free(svg);
}

/* The period of equal length just before p. */
void
report_previous(const struct report_period *p, struct report_period *q)
{
	*q = *p;
	q->to = p->from;
	q->from = p->prev_from > 0 ? p->prev_from :
	    p->from - (p->to - p->from);
	q->prev_from = 0;
}

/* A period's first and last day (noon: a clock change moves no date). */
static void
period_dates(const struct report_period *p, struct tval *ctx,
    const char *from, const char *to)
{
	tv_set_str(ctx, from, time_date(tv_arena(ctx), p->from + 43200));
	tv_set_str(ctx, to, time_date(tv_arena(ctx), p->to - 43200));
}

/*
 * The change from the previous period, only where both counts are shown:
 * a change beside a hidden count would give it away.
 */
static void
put_change(struct tval *row, const char *key, const struct suppress *now,
    size_t cn, const struct suppress *before, size_t cb)
{
	int64_t	 d;

	if (!sup_shown(now, cn) || !sup_shown(before, cb)) {
		tv_set_str(row, key, "not shown");
		return;
	}
	d = now->value[cn] - before->value[cb];
	tv_set_str(row, key, d == 0 ? "no change" : arena_printf(
	    tv_arena(row), "%+lld", (long long)d));
}

/*
 * The start of the calendar month after the one t is in, local time, and
 * t's month as "YYYY-MM" into label. -1 on error.
 */
static int64_t
month_after(int64_t t, char *label, size_t len)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(label, len, "%Y-%m", &tm) == 0)
		return (-1);
	tm.tm_mday = 1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_mon++;
	tm.tm_isdst = -1;
	return ((int64_t)mktime(&tm));
}

/* Add the calendar month at is in to mp; *end is when it ends. */
static int
month_add(struct chart_point *mp, size_t *nm, struct arena *a, int64_t at,
    int64_t *end)
{
	char	 label[16];

	if ((*end = month_after(at, label, sizeof(label))) == -1)
		return (-1);
	memset(&mp[*nm], 0, sizeof(mp[*nm]));
	mp[(*nm)++].label = arena_strdup(a, label);
	return (0);
}

/*
 * The views raised in [from, to): *total, n[] by theme (ids[] from the
 * categories, in order) and, if mp is not NULL, by calendar month into
 * mp[*nm]: every month of the period, none or not (a month listed only
 * when it had a view would say its "fewer than N" is at least one, and
 * a few such beside a total could be pinned), up to MONTHS_MAX; labels
 * in a's memory.
 *
 * One pass over the views in time order, on an index that holds both
 * columns. Grouping in SQL by strftime(..., 'localtime') formatted every
 * view's time and sorted them all: most of the board report's time over
 * a year of views, in the event loop. A new month is worked out only
 * when a view passes the end of the last one.
 */
static int
count_raised(struct db *db, int64_t from, int64_t to, const int64_t *ids,
    size_t nc, int64_t *n, int64_t *total, struct chart_point *mp,
    size_t *nm, struct arena *a)
{
	sqlite3_stmt	*st;
	int64_t		 t, cat, month_end;
	size_t		 i;
	int		 rc;

	memset(n, 0, nc * sizeof(n[0]));
	*total = 0;
	if (nm != NULL)
		*nm = 0;
	/* The first month is the one the period starts in. */
	month_end = from;
	st = db_query(db, sql_views_in, "ii", from, to);
	while ((rc = db_step(st)) == 1) {
		t = sqlite3_column_int64(st, 0);
		cat = sqlite3_column_int64(st, 1);
		while (mp != NULL && t >= month_end) {
			/* Past MONTHS_MAX months, the rest count by theme
			 * only. */
			if (*nm == MONTHS_MAX)
				mp = NULL;
			else if (month_add(mp, nm, a, month_end,
			    &month_end) == -1)
				rc = -1;
			if (rc == -1)
				break;
		}
		if (rc == -1)
			break;
		if (mp != NULL)
			mp[*nm - 1].value++;
		(*total)++;
		for (i = 0; i < nc && ids[i] != cat; i++)
			;
		if (i < nc)
			n[i]++;
	}
	db_done(st);
	/* The months after the last view, to the period's end. */
	while (rc == 0 && mp != NULL && month_end < to && *nm < MONTHS_MAX)
		if (month_add(mp, nm, a, month_end, &month_end) == -1)
			rc = -1;
	return (rc == -1 ? -1 : 0);
}

/*
 * Counts by theme for one period (ids[] from the categories, in order),
 * from a query of (category_id, count) over [from, to).
 */
static int
by_theme(struct db *db, const char *sql, int64_t from, int64_t to,
    const int64_t *ids, size_t nc, int64_t *n, int64_t *total)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	memset(n, 0, nc * sizeof(n[0]));
	*total = 0;
	st = db_query(db, sql, "ii", from, to);
	while ((rc = db_step(st)) == 1) {
		*total += sqlite3_column_int64(st, 1);
		for (i = 0; i < nc; i++)
			if (ids[i] == sqlite3_column_int64(st, 0))
				n[i] = sqlite3_column_int64(st, 1);
	}
	db_done(st);
	return (rc);
}

/*
 * One period's counts by theme as a table of its own: each theme's count
 * adds up to the period's total (published). The two periods count
 * different views and no figure adds them together, so each is
 * suppressed on its own; the change is shown only where both are.
 */
static void
theme_table(struct suppress *s, int64_t threshold, const int64_t *n,
    size_t nc, int64_t total, size_t *cells, size_t *tc)
{
	size_t	 i;

	sup_init(s, threshold);
	for (i = 0; i < nc; i++)
		cells[i] = sup_cell(s, n[i]);
	*tc = sup_total(s, total, 1);
	sup_line(s, *tc, cells, nc);
	sup_run(s);
}

/* One period's views by theme and by month, suppressed as one. */
struct raised_table {
	struct suppress		 s;
	struct chart_point	 mp[MONTHS_MAX];
	int64_t			 n[64], total;
	size_t			 nm, cc[64], mc[MONTHS_MAX], tc;
	int			 cut;	/* months past MONTHS_MAX unlisted */
};

/*
 * What was raised in [from, to), by theme and by month: two tables
 * counting the same views, so they share one total and are suppressed
 * together; otherwise the months would give away a hidden theme. The
 * period before is counted the same way, so its column beside this one
 * hides what its own report hides, no less.
 */
static int
raised_table(struct db *db, int64_t from, int64_t to, int64_t threshold,
    const int64_t *ids, size_t nc, struct raised_table *t, struct arena *a)
{
	int64_t	 listed;
	size_t	 i;

	if (count_raised(db, from, to, ids, nc, t->n, &t->total, t->mp,
	    &t->nm, a) == -1)
		return (-1);
	sup_init(&t->s, threshold);
	for (i = 0; i < nc; i++)
		t->cc[i] = sup_cell(&t->s, t->n[i]);
	for (i = 0; i < t->nm; i++)
		t->mc[i] = sup_cell(&t->s, t->mp[i].value);
	t->tc = sup_total(&t->s, t->total, 1);
	sup_line(&t->s, t->tc, t->cc, nc);
	/* Months cut short add up to a total of their own, not shown. */
	for (listed = 0, i = 0; i < t->nm; i++)
		listed += t->mp[i].value;
	t->cut = listed != t->total;
	sup_line(&t->s, t->cut ? sup_total(&t->s, listed, 0) : t->tc, t->mc,
	    t->nm);
	sup_run(&t->s);
	return (0);
}

static int
raised(struct db *db, const struct report_period *p, struct tval *ctx)
{
	struct chart_point	 cp[64];
	struct raised_table	*t, *pt;
	struct report_period	 q;
	struct buf		 svg;
	struct tval		*list, *row;
	sqlite3_stmt		*st;
	int64_t			 ids[64];
	size_t			 nc, i;
	int			 rc;

	nc = 0;
	st = db_query(db, sql_categories, "");
	while (nc < 64 && (rc = db_step(st)) == 1) {
		ids[nc] = sqlite3_column_int64(st, 0);
		memset(&cp[nc], 0, sizeof(cp[nc]));
		cp[nc++].label = arena_strdup(tv_arena(ctx),
		    db_col_text(st, 1));
	}
	db_done(st);
	if (rc == -1)
		return (-1);
	t = arena_alloc(tv_arena(ctx), sizeof(*t));
	pt = arena_alloc(tv_arena(ctx), sizeof(*pt));
	report_previous(p, &q);
	if (raised_table(db, p->from, p->to, p->threshold, ids, nc, t,
	    tv_arena(ctx)) == -1 || raised_table(db, q.from, q.to,
	    p->threshold, ids, nc, pt, tv_arena(ctx)) == -1)
		return (-1);
	if (t->cut)
		tv_set_str(ctx, "months_after", t->mp[t->nm - 1].label);
	put(&t->s, t->tc, ctx, "raised", NULL);
	put(&pt->s, pt->tc, ctx, "raised_prev", NULL);
	put_change(ctx, "raised_change", &t->s, t->tc, &pt->s, pt->tc);
	list = tv_set_list(ctx, "by_category");
	for (i = 0; i < nc; i++) {
		row = tv_push_map(list);
		tv_set_str(row, "label", cp[i].label);
		cp[i].value = t->n[i];
		put(&t->s, t->cc[i], row, "count", &cp[i]);
		put(&pt->s, pt->cc[i], row, "prev", NULL);
		put_change(row, "change", &t->s, t->cc[i], &pt->s, pt->cc[i]);
	}
	list = tv_set_list(ctx, "by_month");
	for (i = 0; i < t->nm; i++) {
		row = tv_push_map(list);
		tv_set_str(row, "label", t->mp[i].label);
		put(&t->s, t->mc[i], row, "count", &t->mp[i]);
	}
	buf_init(&svg, 4096);
	chart_bars(&svg, "Views raised, by what they were about", cp, nc);
	svg_into(ctx, "chart_category", &svg);
	buf_init(&svg, 4096);
	chart_line(&svg, "Views raised, month by month", t->mp, t->nm);
	svg_into(ctx, "chart_month", &svg);
	return (0);
}

/*
 * How fast and how issues were answered, in one period. Late is by the
 * first due date: an answer given more time is late however early it
 * came for its new date.
 */
enum { A_ANSWERED, A_ONTIME, A_LATE, A_EXTENDED, A_AGREED, A_PARTLY, A_NO,
    A_N };

struct answer_figs {
	int64_t		 v[A_N];
	int64_t		 median;
	size_t		 c[A_N];
	struct suppress	 s;
};

static const char *const answer_labels[A_N] = {
	"Issues answered",
	"Answered by their first due date (more time given counts as late)",
	"Late by their first due date",
	"Given more time (late by their first due date)",
	"Agreed", "Partly agreed", "Not agreed",
};

/*
 * The median of n whole days in order: the middle one, or for an even n
 * the mean of the two middle ones, rounded to the nearest whole day
 * (half a day up), as whole days are shown. 0 when n is 0.
 */
static int64_t
median(const void *data, size_t n)
{
	const int64_t	*d = data;

	if (n == 0)
		return (0);
	if (n % 2 == 1)
		return (d[n / 2]);
	return ((d[n / 2 - 1] + d[n / 2] + 1) / 2);
}

static int
answer_count(struct db *db, int64_t from, int64_t to, int64_t threshold,
    struct answer_figs *f)
{
	struct buf	 days;
	sqlite3_stmt	*st;
	const char	*d;
	int64_t		*v = f->v;
	size_t		*c = f->c;
	int		 rc, extended;

	memset(f, 0, sizeof(*f));
	buf_init(&days, 256);
	st = db_query(db, sql_answers, "ii", from, to);
	while ((rc = db_step(st)) == 1) {
		buf_append(&days, &(int64_t){ sqlite3_column_int64(st, 0) },
		    sizeof(int64_t));
		extended = sqlite3_column_int(st, 3);
		v[A_ANSWERED]++;
		v[A_ONTIME] += sqlite3_column_int(st, 1) && !extended;
		v[A_EXTENDED] += extended;
		d = db_col_text(st, 2);
		v[A_AGREED] += strcmp(d, "agreed") == 0;
		v[A_PARTLY] += strcmp(d, "partly") == 0;
		v[A_NO] += strcmp(d, "not_agreed") == 0;
	}
	db_done(st);
	if (rc == -1) {
		buf_free(&days);
		return (-1);
	}
	v[A_LATE] = v[A_ANSWERED] - v[A_ONTIME];
	f->median = median(days.data, (size_t)v[A_ANSWERED]);
	buf_free(&days);
	/* The decisions add up to the answers, and so do on time and late;
	 * an answer whose decision is none of these is counted apart. */
	sup_init(&f->s, threshold);
	c[A_ONTIME] = sup_cell(&f->s, v[A_ONTIME]);
	c[A_LATE] = sup_cell(&f->s, v[A_LATE]);
	c[A_EXTENDED] = sup_cell(&f->s, v[A_EXTENDED]);
	c[A_AGREED] = sup_cell(&f->s, v[A_AGREED]);
	c[A_PARTLY] = sup_cell(&f->s, v[A_PARTLY]);
	c[A_NO] = sup_cell(&f->s, v[A_NO]);
	c[A_ANSWERED] = sup_total(&f->s, v[A_ANSWERED], 1);
	sup_line(&f->s, c[A_ANSWERED], &c[A_ONTIME], 2);
	if (v[A_AGREED] + v[A_PARTLY] + v[A_NO] == v[A_ANSWERED])
		sup_line(&f->s, c[A_ANSWERED], &c[A_AGREED], 3);
	sup_run(&f->s);
	return (0);
}

static const char *
median_text(struct arena *a, const struct answer_figs *f)
{
	if (f->v[A_ANSWERED] == 0)
		return ("no answers");
	return (arena_printf(a, "%lld days", (long long)f->median));
}

static int
answers(struct db *db, const struct report_period *p, struct tval *ctx)
{
	static const char *const keys[A_N] = { "answered", "on_time", "late",
	    "extended", "agreed", "partly", "not_agreed" };
	struct answer_figs	*f, *pf;
	struct report_period	 q;
	struct tval		*list, *row;
	size_t			 i;

	f = arena_alloc(tv_arena(ctx), sizeof(*f));
	pf = arena_alloc(tv_arena(ctx), sizeof(*pf));
	report_previous(p, &q);
	/* Issues are the council's work, not people, and each answer is
	 * listed by name beside this (late answers, issues.csv, which
	 * lists answers given before a reopening too): a count of
	 * them hidden here would hide nothing. Shown in full. */
	if (answer_count(db, p->from, p->to, 0, f) == -1 ||
	    answer_count(db, q.from, q.to, 0, pf) == -1)
		return (-1);
	list = tv_set_list(ctx, "answer_rows");
	for (i = 0; i < A_N; i++) {
		put(&f->s, f->c[i], ctx, keys[i], NULL);
		put(&pf->s, pf->c[i], ctx, arena_printf(tv_arena(ctx),
		    "%s_prev", keys[i]), NULL);
		row = tv_push_map(list);
		tv_set_str(row, "label", answer_labels[i]);
		put(&f->s, f->c[i], row, "count", NULL);
		put(&pf->s, pf->c[i], row, "prev", NULL);
		put_change(row, "change", &f->s, f->c[i], &pf->s, pf->c[i]);
	}
	tv_set_str(ctx, "median_days", median_text(tv_arena(ctx), f));
	tv_set_str(ctx, "median_days_prev", median_text(tv_arena(ctx), pf));
	return (0);
}

static int
lists(struct db *db, const struct report_period *p, struct tval *ctx)
{
	struct tval	*list, *row;
	sqlite3_stmt	*st;
	int64_t		 cut;
	int		 rc;

	/* As things stood at the period's end (or now, if sooner): a
	 * tabled report does not change with what happened after it. */
	cut = p->to < p->now ? p->to : p->now;
	tv_set_str(ctx, "overdue_on", cut == p->now ? "today" :
	    arena_printf(tv_arena(ctx), "on %s", time_date(tv_arena(ctx),
	    cut - 1)));
	list = tv_set_list(ctx, "overdue");
	/* Today's: all done so far, this second's more time included. */
	st = db_query(db, sql_overdue, "i", cut == p->now ? cut + 1 : cut);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "title", db_col_text(st, 1));
		tv_set_str(row, "councillor", db_col_text(st, 2));
		tv_set_str(row, "due", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 3)));
		/* Late by its first due date, even with more time given
		 * or sent on to another councillor (a move starts their
		 * count of extensions again, but not the date). The later
		 * date as it stood then, if known. */
		if (sqlite3_column_type(st, 4) != SQLITE_NULL &&
		    sqlite3_column_int64(st, 4) != sqlite3_column_int64(st, 3))
			tv_set_str(row, "now_due", time_date(tv_arena(row),
			    sqlite3_column_int64(st, 4)));
	}
	db_done(st);
	if (rc == -1)
		return (-1);
	list = tv_set_list(ctx, "highlights");
	st = db_query(db, sql_highlights, "ii", p->from, p->to);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_str(row, "title", db_col_text(st, 0));
		tv_set_str(row, "summary", db_col_text(st, 1));
		tv_set_str(row, "decision", issues_decision_label(
		    db_col_text(st, 2)));
		tv_set_str(row, "response", db_col_text(st, 3));
		tv_set_str(row, "reason", db_col_text(st, 4));
	}
	db_done(st);
	return (rc);
}

/*
 * Calendar days from due's day to at's, on the council's clock: a day
 * the clocks change is 23 or 25 hours long, so the seconds between the
 * two divided by 86,400 came out a day out. At least one when late.
 */
static int64_t
days_late(int64_t due, int64_t at)
{
	char	 d1[TIME_DAY_LEN], d2[TIME_DAY_LEN];
	int64_t	 t1, t2, n;

	time_day(due, d1);
	time_day(at, d2);
	if (time_parse_date(d1, &t1) == -1 || time_parse_date(d2, &t2) == -1)
		n = (at - due + 86399) / 86400;
	else	/* midnights: whole days, give or take the hour */
		n = (t2 - t1 + 43200) / 86400;
	return (n > 0 ? n : 1);
}

/* Answers late by their first due date, with how late. */
static int
late_list(struct db *db, const struct report_period *p, struct tval *ctx)
{
	struct tval	*list, *row;
	sqlite3_stmt	*st;
	int64_t		 due, at, late;
	int		 rc;

	list = tv_set_list(ctx, "late_list");
	st = db_query(db, sql_late, "ii", p->from, p->to);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		due = sqlite3_column_int64(st, 2);
		at = sqlite3_column_int64(st, 3);
		tv_set_str(row, "title", db_col_text(st, 0));
		/* Moved on after its due date: the board sees who had it
		 * late, not only who answered. */
		tv_set_str(row, "councillor", *db_col_text(st, 6) == '\0' ?
		    db_col_text(st, 1) : arena_printf(tv_arena(row),
		    "%s (moved from %s, overdue with them)", db_col_text(st, 1),
		    db_col_text(st, 6)));
		tv_set_str(row, "due", time_date(tv_arena(row), due));
		tv_set_str(row, "answered", time_date(tv_arena(row), at));
		/* Words, not a bare number: no cell reads like a count. */
		late = at > due ? days_late(due, at) : 0;
		tv_set_str(row, "days_late", late > 0 ? arena_printf(
		    tv_arena(row), "%lld %s", (long long)late, late == 1 ?
		    "day" : "days") : "given more time");
		if (sqlite3_column_int64(st, 5) != due)
			tv_set_str(row, "now_due", time_date(tv_arena(row),
			    sqlite3_column_int64(st, 5)));
	}
	db_done(st);
	return (rc);
}

/* Items for the board, with its replies (dated) or that it has none yet. */
static int
board_items(struct db *db, const struct report_period *p, struct tval *ctx)
{
	struct tval	*list, *row;
	sqlite3_stmt	*st;
	int		 rc;

	list = tv_set_list(ctx, "for_board");
	st = db_query(db, sql_for_board, "ii", p->from, p->to);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_str(row, "item", db_col_text(st, 0));
		tv_set_str(row, "meeting", db_col_text(st, 1));
		tv_set_str(row, "meeting_date", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 2)));
		tv_set_str(row, "reply", db_col_text(st, 3));
		if (sqlite3_column_int64(st, 4) > 0)
			tv_set_str(row, "reply_date", time_date(tv_arena(row),
			    sqlite3_column_int64(st, 4)));
	}
	db_done(st);
	return (rc);
}

/*
 * Views sent elsewhere (about a young person's own case, passed on to
 * their social worker, IRO, an advocate or complaints), by theme, this
 * period and the one before.
 */
static int
elsewhere(struct db *db, const struct report_period *p, struct tval *ctx)
{
	struct suppress		*s, *ps;
	struct report_period	 q;
	struct tval		*list, *row;
	sqlite3_stmt		*st;
	const char		*label[64];
	int64_t			 ids[64], n[64], pn[64], total, ptotal;
	size_t			 nc, i, cc[64], pc[64], tc, ptc;
	int			 rc;

	nc = 0;
	st = db_query(db, sql_categories, "");
	while (nc < 64 && (rc = db_step(st)) == 1) {
		ids[nc] = sqlite3_column_int64(st, 0);
		label[nc++] = arena_strdup(tv_arena(ctx), db_col_text(st, 1));
	}
	db_done(st);
	report_previous(p, &q);
	if (rc == -1 || by_theme(db, sql_elsewhere, p->from, p->to, ids, nc,
	    n, &total) == -1 || by_theme(db, sql_elsewhere, q.from, q.to, ids,
	    nc, pn, &ptotal) == -1)
		return (-1);
	s = arena_alloc(tv_arena(ctx), sizeof(*s));
	ps = arena_alloc(tv_arena(ctx), sizeof(*ps));
	theme_table(s, p->threshold, n, nc, total, cc, &tc);
	theme_table(ps, p->threshold, pn, nc, ptotal, pc, &ptc);
	put(s, tc, ctx, "elsewhere", NULL);
	put(ps, ptc, ctx, "elsewhere_prev", NULL);
	put_change(ctx, "elsewhere_change", s, tc, ps, ptc);
	list = tv_set_list(ctx, "elsewhere_by_category");
	for (i = 0; i < nc; i++) {
		row = tv_push_map(list);
		tv_set_str(row, "label", label[i]);
		put(s, cc[i], row, "count", NULL);
		put(ps, pc[i], row, "prev", NULL);
		put_change(row, "change", s, cc[i], ps, pc[i]);
	}
	return (0);
}

/*
 * A set of people's ids: open addressing, at most half full. Ids are
 * rowids, usually counted up from 1, but nothing stops one from being
 * anywhere in 64 bits, and every id after it then follows on from there.
 */
struct idset {
	int64_t		*id;
	unsigned char	*used;
	size_t		 cap;	/* a power of two, or 0 */
	size_t		 n;
};

static size_t
idset_slot(const struct idset *set, int64_t id)
{
	size_t	 i;

	i = (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15ULL) >> 32) &
	    (set->cap - 1);
	while (set->used[i] && set->id[i] != id)
		i = (i + 1) & (set->cap - 1);
	return (i);
}

static int
idset_grow(struct idset *set)
{
	struct idset	 big;
	size_t		 i, at;

	big.cap = set->cap ? set->cap * 2 : 1024;
	big.n = set->n;
	big.id = calloc(big.cap, sizeof(big.id[0]));
	big.used = calloc(big.cap, 1);
	if (big.id == NULL || big.used == NULL) {
		free(big.id);
		free(big.used);
		return (-1);
	}
	for (i = 0; i < set->cap; i++) {
		if (!set->used[i])
			continue;
		at = idset_slot(&big, set->id[i]);
		big.used[at] = 1;
		big.id[at] = set->id[i];
	}
	free(set->id);
	free(set->used);
	*set = big;
	return (0);
}

static int
idset_add(struct idset *set, int64_t id)
{
	size_t	 at;

	if ((set->n + 1) * 2 > set->cap && idset_grow(set) == -1)
		return (-1);
	at = idset_slot(set, id);
	if (!set->used[at]) {
		set->used[at] = 1;
		set->id[at] = id;
		set->n++;
	}
	return (0);
}

static int
idset_has(const struct idset *set, int64_t id)
{
	return (set->cap > 0 && set->used[idset_slot(set, id)]);
}

static void
idset_free(struct idset *set)
{
	free(set->id);
	free(set->used);
}

/*
 * The people who raised a view in [from, to), into set. SQL's DISTINCT
 * built a temporary index of a year's authors, and sorting them took
 * most of the board report's time; a hash set takes a few milliseconds.
 */
static int
authors_in(struct db *db, int64_t from, int64_t to, struct idset *set)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(set, 0, sizeof(*set));
	st = db_query(db, sql_authors_in, "ii", from, to);
	while ((rc = db_step(st)) == 1)
		if (idset_add(set, sqlite3_column_int64(st, 0)) == -1) {
			rc = -1;
			break;
		}
	db_done(st);
	if (rc == -1)
		idset_free(set);
	return (rc);
}

/*
 * Who took part, by age band and inside or outside the area: two tables
 * of the same people, so they share a total (never shown) and are
 * suppressed together.
 */
static int
participation(struct db *db, const struct report_period *p, struct tval *ctx)
{
	static const char *const bands[] = { "under_12", "12_15", "16_17",
	    "18_21", "22_25", "" };
	struct suppress	 s;
	struct tval	*list, *row;
	struct idset	 authors;
	sqlite3_stmt	*st;
	static const char *const areas[] = { "Inside the area",
	    "Outside the area", "Area not given" };
	int64_t		 nb[6] = { 0 }, area[3] = { 0 };
	size_t		 bc[6], ac[3], nbands, tc, i;
	const char	*band;
	int		 rc;

	if (authors_in(db, p->from, p->to, &authors) == -1)
		return (-1);
	st = db_query(db, sql_people, "");
	while ((rc = db_step(st)) == 1) {
		if (!idset_has(&authors, sqlite3_column_int64(st, 0)))
			continue;
		for (i = 0; i < 5 && strcmp(bands[i], db_col_text(st, 1)); i++)
			;
		nb[i]++;
		area[sqlite3_column_int(st, 2)]++;
	}
	db_done(st);
	idset_free(&authors);
	if (rc == -1)
		return (-1);
	/* "Not given" too, always: listed only when someone gave none,
	 * its "fewer than N" would say at least one did not. */
	nbands = sizeof(bands) / sizeof(bands[0]);
	sup_init(&s, p->threshold);
	for (i = 0; i < nbands; i++)
		bc[i] = sup_cell(&s, nb[i]);
	for (i = 0; i < 3; i++)
		ac[i] = sup_cell(&s, area[i]);
	tc = sup_total(&s, area[0] + area[1] + area[2], 0);
	sup_line(&s, tc, bc, nbands);
	sup_line(&s, tc, ac, 3);
	sup_run(&s);
	list = tv_set_list(ctx, "by_band");
	for (i = 0; i < nbands; i++) {
		row = tv_push_map(list);
		band = age_band_label(bands[i]);
		tv_set_str(row, "label", band ? band : "Not given");
		put(&s, bc[i], row, "count", NULL);
	}
	/* "Not given" apart: counted as inside, it took from those
	 * placed outside the area. */
	list = tv_set_list(ctx, "by_area");
	for (i = 0; i < 3; i++) {
		row = tv_push_map(list);
		tv_set_str(row, "label", areas[i]);
		put(&s, ac[i], row, "count", NULL);
	}
	return (0);
}

/*
 * What became of the actions promised in this period and the one before.
 * Like answers, actions are the council's work, each listed on /actions:
 * their counts are shown in full.
 */
static int
action_figures(struct db *db, const struct report_period *p,
    struct tval *ctx)
{
	static const char *const label[] = { "Done",
	    "Done, but after the date promised", "Still open",
	    "Still open and past the date promised",
	    "Dropped, with a reason" };
	struct report_period	 q;
	struct action_counts	 c, pc;
	struct suppress		*s, *ps;
	struct tval		*list, *row;
	int64_t			 n[5], pn[5];
	size_t			 cc[5], pcc[5], i;

	report_previous(p, &q);
	if (actions_counts(db, p->from, p->to, p->now, &c) == -1 ||
	    actions_counts(db, q.from, q.to, p->now, &pc) == -1)
		return (-1);
	n[0] = c.done, n[1] = c.done_late, n[2] = c.open;
	n[3] = c.overdue, n[4] = c.dropped;
	pn[0] = pc.done, pn[1] = pc.done_late, pn[2] = pc.open;
	pn[3] = pc.overdue, pn[4] = pc.dropped;
	s = arena_alloc(tv_arena(ctx), sizeof(*s));
	ps = arena_alloc(tv_arena(ctx), sizeof(*ps));
	sup_init(s, 0);
	sup_init(ps, 0);
	for (i = 0; i < 5; i++) {
		cc[i] = sup_cell(s, n[i]);
		pcc[i] = sup_cell(ps, pn[i]);
	}
	sup_run(s);
	sup_run(ps);
	list = tv_set_list(ctx, "action_figures");
	for (i = 0; i < 5; i++) {
		row = tv_push_map(list);
		tv_set_str(row, "label", label[i]);
		put(s, cc[i], row, "count", NULL);
		put(ps, pcc[i], row, "prev", NULL);
		put_change(row, "change", s, cc[i], ps, pcc[i]);
	}
	return (0);
}

/*
 * Consultations that closed in the period. How many answered is a count
 * of young people standing alone, so it is hidden under the threshold.
 */
static int
consultations(struct db *db, const struct report_period *p,
    struct tval *ctx)
{
	struct tval	*list, *row;
	sqlite3_stmt	*st;
	int		 rc, n;

	n = 0;
	list = tv_set_list(ctx, "consultations");
	st = db_query(db, sql_consults, "ii", p->from, p->to);
	while ((rc = db_step(st)) == 1) {
		n++;
		row = tv_push_map(list);
		tv_set_str(row, "title", db_col_text(st, 0));
		tv_set_str(row, "closed", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 1)));
		tv_set_bool(row, "published", sqlite3_column_int(st, 2));
		tv_set_str(row, "answered", count_text(tv_arena(row),
		    sqlite3_column_int64(st, 3), p->threshold));
	}
	db_done(st);
	tv_set_bool(ctx, "any_consultations", n > 0);
	return (rc);
}

/*
 * The whole board report for period p into ctx, with the period of equal
 * length before it beside each count table.
 */
int
report_board(struct db *db, const struct report_period *p, struct tval *ctx)
{
	struct report_period	 q;

	if (raised(db, p, ctx) == -1 || answers(db, p, ctx) == -1 ||
	    lists(db, p, ctx) == -1 || late_list(db, p, ctx) == -1 ||
	    board_items(db, p, ctx) == -1 || elsewhere(db, p, ctx) == -1 ||
	    participation(db, p, ctx) == -1 ||
	    action_figures(db, p, ctx) == -1 ||
	    consultations(db, p, ctx) == -1 ||
	    pledge_scorecard(db, p->threshold, p->now, tv_set_list(ctx,
	    "scorecard")) == -1)
		return (-1);
	/* The Pledge has no history kept: it is today's, and says so. */
	tv_set_str(ctx, "pledge_on", time_date(tv_arena(ctx), p->now));
	report_previous(p, &q);
	period_dates(p, ctx, "from", "to");
	period_dates(&q, ctx, "prev_from", "prev_to");
	tv_set_int(ctx, "threshold", p->threshold);
	return (0);
}

/*
 * Every issue as CSV; the number of young people behind each suppressed.
 * Councillors (all == 0) get the issues sent to a councillor: one still
 * with the participation team is theirs to word, not yet the council's.
 */
int
report_issues_csv(struct db *db, int64_t threshold, int all, struct buf *out)
{
	/* "First due" beside "Due": the board judges lateness by the
	 * first, so the two can be set side by side. */
	static const char *const head[] = { "Issue", "Title", "About",
	    "State", "Councillor", "First due", "Due", "Decision", "Answered",
	    "Published", "Young people" };
	struct arena	 a;
	sqlite3_stmt	*st;
	size_t		 i;
	int		 rc;

	arena_init(&a);
	buf_puts(out, "\xEF\xBB\xBF");
	for (i = 0; i < sizeof(head) / sizeof(head[0]); i++)
		csv_field(out, head[i], i + 1 == sizeof(head) / sizeof(head[0]));
	st = db_query(db, sql_issues_csv, "i", (int64_t)all);
	while ((rc = db_step(st)) == 1) {
		csv_field(out, arena_printf(&a, "%lld", (long long)
		    sqlite3_column_int64(st, 0)), 0);
		csv_field(out, db_col_text(st, 1), 0);
		csv_field(out, db_col_text(st, 2), 0);
		csv_field(out, db_col_text(st, 3), 0);
		csv_field(out, db_col_text(st, 4), 0);
		csv_field(out, time_iso_date(&a, sqlite3_column_int64(st, 10)),
		    0);
		csv_field(out, time_iso_date(&a, sqlite3_column_int64(st, 5)),
		    0);
		csv_field(out, issues_decision_label(db_col_text(st, 6)), 0);
		csv_field(out, time_iso_date(&a, sqlite3_column_int64(st, 7)),
		    0);
		csv_field(out, time_iso_date(&a, sqlite3_column_int64(st, 8)),
		    0);
		csv_field(out, count_text(&a, sqlite3_column_int64(st, 9),
		    threshold), 1);
	}
	db_done(st);
	arena_free(&a);
	return (rc);
}

/*
 * One page of the open-data feed: OPEN_DATA_PAGE published outcomes,
 * newest first, with the page's place among the rest, and the current
 * Pledge. No personal data at all (no names, even where a young person
 * chose one). Paged because the outcomes only grow: a big council's
 * whole list was 370 KB in one answer. 1 if page is past the last.
 */
static void
open_data_paging(struct buf *out, int64_t page, int64_t total)
{
	int64_t	 pages;

	pages = total == 0 ? 1 : (total + OPEN_DATA_PAGE - 1) / OPEN_DATA_PAGE;
	json_kv_int(out, "page", page, 1);
	json_kv_int(out, "pages", pages, 0);
	json_kv_int(out, "outcomes_total", total, 0);
	json_key(out, "next", 0);
	if (page < pages)
		buf_appendf(out, "\"/open-data.json?page=%lld\"",
		    (long long)page + 1);
	else
		buf_puts(out, "null");
	json_key(out, "previous", 0);
	if (page > 1)
		buf_appendf(out, "\"/open-data.json?page=%lld\"",
		    (long long)page - 1);
	else
		buf_puts(out, "null");
}

int
report_open_data(struct db *db, int64_t threshold, int64_t now,
    int64_t page, struct buf *out)
{
	struct arena		 a;
	struct tval		*promises;
	const struct tval	*p;
	sqlite3_stmt		*st;
	int64_t			 total;
	int			 rc, first;

	if (db_int(db, &total, sql_open_count, "") != 1)
		return (-1);
	if (page < 1 || (page > 1 && page - 1 >= (total + OPEN_DATA_PAGE -
	    1) / OPEN_DATA_PAGE))
		return (1);
	arena_init(&a);
	buf_putc(out, '{');
	open_data_paging(out, page, total);
	buf_puts(out, ",\"outcomes\":[");
	st = db_query(db, sql_open_outcomes, "ii", (int64_t)OPEN_DATA_PAGE,
	    (page - 1) * OPEN_DATA_PAGE);
	for (first = 1; (rc = db_step(st)) == 1; first = 0) {
		buf_puts(out, first ? "{" : ",{");
		json_kv_int(out, "id", sqlite3_column_int64(st, 0), 1);
		json_kv_str(out, "title", db_col_text(st, 1), 0);
		json_kv_str(out, "you_said", db_col_text(st, 2), 0);
		json_kv_str(out, "about", db_col_text(st, 3), 0);
		json_kv_str(out, "decision", issues_decision_label(
		    db_col_text(st, 4)), 0);
		json_kv_str(out, "we_did", db_col_text(st, 5), 0);
		json_kv_str(out, "why", db_col_text(st, 6), 0);
		json_kv_str(out, "what_will_happen", db_col_text(st, 7), 0);
		json_kv_str(out, "published", time_iso_date(&a,
		    sqlite3_column_int64(st, 8)), 0);
		json_key(out, "actions", 0);
		if (actions_open_data(db, sqlite3_column_int64(st, 0), out) ==
		    -1) {
			rc = -1;
			break;
		}
		buf_putc(out, '}');
	}
	db_done(st);
	promises = tv_list(&a);
	if (rc == -1 || pledge_scorecard(db, threshold, now, promises) == -1) {
		arena_free(&a);
		return (-1);
	}
	buf_puts(out, "],\"pledge\":[");
	for (p = tv_first(promises), first = 1; p != NULL; p = tv_next(p),
	    first = 0) {
		buf_puts(out, first ? "{" : ",{");
		json_kv_str(out, "promise", tv_get_str(p, "title"), 1);
		json_kv_str(out, "theme", tv_get_str(p, "theme"), 0);
		json_kv_str(out, "statutory", tv_truthy_key(p, "statutory") ?
		    "yes" : "no", 0);
		json_kv_str(out, "status", tv_get_str(p, "status"), 0);
		json_kv_str(out, "progress_percent", tv_get_str(p,
		    "progress"), 0);
		json_key(out, "young_people_say", 0);
		tv_json(tv_get(p, "verdicts"), out);
		buf_putc(out, '}');
	}
	buf_puts(out, "]}\n");
	arena_free(&a);
	return (0);
}
