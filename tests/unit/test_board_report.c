/*
 * test_board_report.c: the board report's lists and median on a real
 * database: days late counted on the council's calendar across a change
 * of the clocks, the median of an even number of answers, the overdue
 * list's due dates as they stood at the period's end, a moved issue's
 * lateness shown with who had it when it fell due, items for the board
 * in public words only, and hidden months left out of the month chart.
 */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "unitdb.h"

#include "arena.h"
#include "reports.h"
#include "timefmt.h"
#include "tmpl.h"

UNITDB_GROUP("/tmp/portal-board-report-XXXXXX")

static int64_t		 sam, zainab;

/* "YYYY-MM-DD HH:MM:SS" on the council's clock (Europe/London). */
static int64_t
at(const char *s)
{
	struct tm	 tm;
	char		*end;

	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%d %H:%M:%S", &tm);
	assert_non_null(end);
	tm.tm_isdst = -1;
	return ((int64_t)mktime(&tm));
}

static int64_t
add_user(const char *name)
{
	assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
	    "name_key, role, password_hash, created_at) VALUES (?1, ?1, "
	    "'councillor', 'x', 1)", "t", name), 0);
	return (db_last_id(db));
}

static void
people(void)
{
	if (sam != 0)
		return;
	time_zone_init();
	sam = add_user("Cllr Sam Okafor");
	zainab = add_user("Cllr Zainab Reid");
}

/* An issue sent to who at sent (people() first), first due at due. */
static int64_t
issue(const char *title, int64_t who, int64_t sent, int64_t due)
{
	assert_int_equal(db_exec(db, "INSERT INTO issues (category_id, title, "
	    "summary, state, councillor_id, sent_at, due_at, first_due_at, "
	    "created_at) VALUES (1, ?1, 's', 'with_councillor', ?2, ?3, ?4, "
	    "?4, ?3)", "tiii", title, who, sent, due), 0);
	return (db_last_id(db));
}

static void
answer(int64_t id, int64_t when)
{
	assert_int_equal(db_exec(db, "UPDATE issues SET state = 'answered', "
	    "decision = 'agreed', response = 'Yes.', answered_at = ?2 "
	    "WHERE id = ?1", "ii", id, when), 0);
}

/* Moved to who at when, now due on due (the trigger keeps the past). */
static void
move(int64_t id, int64_t who, int64_t when, int64_t due)
{
	assert_int_equal(db_exec(db, "UPDATE issues SET councillor_id = ?2, "
	    "sent_at = ?3, due_at = ?4 WHERE id = ?1", "iiii", id, who, when,
	    due), 0);
}

/* The board report for [from, to) as it is read at now, into a. */
static struct tval *
report(struct arena *a, const char *from, const char *to, int64_t now)
{
	struct report_period	 p;
	struct tval		*ctx;

	memset(&p, 0, sizeof(p));
	assert_int_equal(time_parse_date(from, &p.from), 0);
	assert_int_equal(time_parse_date(to, &p.to), 0);
	p.now = now;
	p.threshold = 5;
	ctx = tv_map(a);
	assert_int_equal(report_board(db, &p, ctx), 0);
	return (ctx);
}

/* Row key of list whose title is title, or NULL if it has none. */
static const char *
cell(struct tval *ctx, const char *list, const char *title, const char *key)
{
	const struct tval	*row;

	for (row = tv_first(tv_get(ctx, list)); row != NULL;
	    row = tv_next(row))
		if (strcmp(tv_get_str(row, "title"), title) == 0)
			return (tv_get_str(row, key));
	fail_msg("no %s row \"%s\"", list, title);
	return (NULL);
}

/*
 * Due on a Friday, answered on the Monday: three days late, the autumn
 * change (a 25-hour Sunday) and the spring one (23 hours) between.
 */
static void
days_late_on_the_calendar(void **state)
{
	struct arena	 a;
	struct tval	*ctx;
	int64_t		 id;

	(void)state;
	people();
	id = issue("Autumn", sam, at("2026-10-01 09:00:00"),
	    at("2026-10-23 23:59:59"));
	answer(id, at("2026-10-26 23:30:00"));
	id = issue("Spring", sam, at("2027-03-01 09:00:00"),
	    at("2027-03-26 23:59:59"));
	answer(id, at("2027-03-29 00:30:00"));
	id = issue("Next morning", sam, at("2027-03-01 09:00:00"),
	    at("2027-03-26 23:59:59"));
	answer(id, at("2027-03-27 00:10:00"));
	arena_init(&a);
	ctx = report(&a, "2026-10-26", "2026-10-27", at("2027-06-01 12:00:00"));
	assert_string_equal(cell(ctx, "late_list", "Autumn", "days_late"),
	    "3 days");
	ctx = report(&a, "2027-03-27", "2027-03-30", at("2027-06-01 12:00:00"));
	assert_string_equal(cell(ctx, "late_list", "Spring", "days_late"),
	    "3 days");
	assert_string_equal(cell(ctx, "late_list", "Next morning",
	    "days_late"), "1 day");
	arena_free(&a);
}

/* Two answers, 2 and 5 days: the median is 3.5, shown as 4. */
static void
median_of_an_even_number(void **state)
{
	struct arena	 a;
	struct tval	*ctx;
	int64_t		 id;

	(void)state;
	people();
	id = issue("Two days", sam, at("2027-05-03 10:00:00"),
	    at("2027-05-28 23:59:59"));
	answer(id, at("2027-05-05 11:00:00"));
	id = issue("Five days", sam, at("2027-05-03 10:00:00"),
	    at("2027-05-28 23:59:59"));
	answer(id, at("2027-05-08 11:00:00"));
	arena_init(&a);
	ctx = report(&a, "2027-05-01", "2027-06-01", at("2027-06-02 12:00:00"));
	assert_string_equal(tv_get_str(ctx, "answered"), "2");
	assert_string_equal(tv_get_str(ctx, "median_days"), "4 days");
	arena_free(&a);
}

/*
 * Overdue in October, moved in October and again in November, and given
 * more time in November: October's report shows the due dates as they
 * stood at its end, never one set later.
 */
static void
overdue_due_as_it_stood(void **state)
{
	struct arena	 a;
	struct tval	*ctx;
	int64_t		 id;

	(void)state;
	people();
	id = issue("Moved twice", sam, at("2026-10-01 09:00:00"),
	    at("2026-10-18 23:59:59"));
	move(id, zainab, at("2026-10-20 09:00:00"), at("2026-10-30 23:59:59"));
	move(id, sam, at("2026-11-10 09:00:00"), at("2026-12-04 23:59:59"));
	id = issue("Moved in November", sam, at("2026-10-01 09:00:00"),
	    at("2026-10-18 23:59:59"));
	move(id, zainab, at("2026-11-10 09:00:00"), at("2026-12-04 23:59:59"));
	id = issue("More time in November", sam, at("2026-10-01 09:00:00"),
	    at("2026-10-18 23:59:59"));
	assert_int_equal(db_exec(db, "UPDATE issues SET due_at = ?2, "
	    "extensions = 1 WHERE id = ?1", "ii", id,
	    at("2026-11-20 23:59:59")), 0);
	assert_int_equal(db_exec(db, "INSERT INTO audit_log (at, action, "
	    "object_type, object_id, detail) VALUES (?1, 'issue.more_time', "
	    "'issue', ?2, 'more_time')", "ii", at("2026-11-05 10:00:00"), id),
	    0);
	arena_init(&a);
	ctx = report(&a, "2026-10-01", "2026-11-01", at("2026-11-20 12:00:00"));
	assert_string_equal(cell(ctx, "overdue", "Moved twice", "councillor"),
	    "Cllr Zainab Reid");
	assert_string_equal(cell(ctx, "overdue", "Moved twice", "due"),
	    "18 October 2026");
	assert_string_equal(cell(ctx, "overdue", "Moved twice", "now_due"),
	    "30 October 2026");
	assert_string_equal(cell(ctx, "overdue", "Moved in November",
	    "councillor"), "Cllr Sam Okafor");
	assert_null(cell(ctx, "overdue", "Moved in November", "now_due"));
	assert_null(cell(ctx, "overdue", "More time in November", "now_due"));
	/* November's, read now, has the dates set in November. */
	ctx = report(&a, "2026-11-01", "2026-12-01", at("2026-11-20 12:00:00"));
	assert_string_equal(cell(ctx, "overdue", "Moved in November",
	    "now_due"), "4 December 2026");
	assert_string_equal(cell(ctx, "overdue", "More time in November",
	    "now_due"), "20 November 2026");
	/* Read the very second more time was granted: it is in today's. */
	ctx = report(&a, "2026-11-01", "2026-12-01", at("2026-11-05 10:00:00"));
	assert_string_equal(cell(ctx, "overdue", "More time in November",
	    "now_due"), "20 November 2026");
	arena_free(&a);
}

/*
 * Overdue with Sam, moved to Zainab, who answers at once: the late list
 * names Zainab and says it was moved, and from whom.
 */
static void
late_after_a_move_names_who_had_it(void **state)
{
	struct arena	 a;
	struct tval	*ctx;
	int64_t		 id;

	(void)state;
	people();
	id = issue("Bus passes", sam, at("2027-07-01 09:00:00"),
	    at("2027-07-20 23:59:59"));
	move(id, zainab, at("2027-08-30 09:00:00"), at("2027-09-10 23:59:59"));
	answer(id, at("2027-08-31 10:00:00"));
	id = issue("Moved in time", sam, at("2027-07-01 09:00:00"),
	    at("2027-08-20 23:59:59"));
	move(id, zainab, at("2027-08-10 09:00:00"), at("2027-08-20 23:59:59"));
	answer(id, at("2027-08-31 10:00:00"));
	arena_init(&a);
	ctx = report(&a, "2027-08-01", "2027-09-01", at("2027-09-02 12:00:00"));
	assert_string_equal(cell(ctx, "late_list", "Bus passes", "councillor"),
	    "Cllr Zainab Reid (moved from Cllr Sam Okafor, overdue with "
	    "them)");
	assert_string_equal(cell(ctx, "late_list", "Bus passes", "days_late"),
	    "42 days");
	/* Moved before it fell due: late with the one who answered. */
	assert_string_equal(cell(ctx, "late_list", "Moved in time",
	    "councillor"), "Cllr Zainab Reid");
	arena_free(&a);
}

/* Row key of list whose field has value, or NULL if it has none. */
static const char *
row_where(struct tval *ctx, const char *list, const char *field,
    const char *value, const char *key)
{
	const struct tval	*row;

	for (row = tv_first(tv_get(ctx, list)); row != NULL;
	    row = tv_next(row))
		if (strcmp(tv_get_str(row, field), value) == 0)
			return (tv_get_str(row, key));
	return (NULL);
}

/*
 * An item for the board about an issue that holds a view its author kept
 * private goes by the issue's public title, even when the agenda item was
 * added (and its title copied) before the private view joined it.
 */
static void
board_items_keep_private_words_out(void **state)
{
	struct arena	 a;
	struct tval	*ctx;
	const char	*words = "Ridgeway Close home has slow wifi";
	char		 theme[64];
	int64_t		 id, m;

	(void)state;
	people();
	id = issue(words, sam, at("2027-10-01 09:00:00"),
	    at("2027-10-20 23:59:59"));
	assert_int_equal(db_exec(db, "INSERT INTO meetings (title, starts_at, "
	    "created_at) VALUES ('October meeting', ?1, ?1)", "i",
	    at("2027-10-05 17:30:00")), 0);
	m = db_last_id(db);
	assert_int_equal(db_exec(db, "INSERT INTO agenda_items (meeting_id, "
	    "position, kind, issue_id, title, for_board) VALUES (?1, 1, "
	    "'issue', ?2, ?3, 1)", "iit", m, id, words), 0);
	arena_init(&a);
	ctx = report(&a, "2027-10-01", "2027-11-01", at("2027-11-02 12:00:00"));
	assert_non_null(row_where(ctx, "for_board", "item", words, "meeting"));
	arena_free(&a);
	/* The private view joins later: the board reads the theme. */
	assert_int_equal(db_exec(db, "INSERT INTO views (category_id, title, "
	    "body, publish, state, issue_id, created_at) VALUES (1, ?1, "
	    "'The home where I live has really slow wifi.', 'no', "
	    "'approved', ?2, ?3)", "tii", words, id, at("2027-10-02 "
	    "10:00:00")), 0);
	arena_init(&a);
	ctx = report(&a, "2027-10-01", "2027-11-01", at("2027-11-02 12:00:00"));
	assert_null(row_where(ctx, "for_board", "item", words, "meeting"));
	/* Its theme and number: two under one theme are told apart. */
	(void)snprintf(theme, sizeof(theme), "Social workers (issue %lld)",
	    (long long)id);
	assert_string_equal(row_where(ctx, "for_board", "meeting",
	    "October meeting", "item"), theme);
	arena_free(&a);
	/* Words the worker typed for the public, once there are some. */
	assert_int_equal(db_exec(db, "UPDATE issues SET public_title = "
	    "'Internet in children''s homes' WHERE id = ?1", "i", id), 0);
	arena_init(&a);
	ctx = report(&a, "2027-10-01", "2027-11-01", at("2027-11-02 12:00:00"));
	assert_string_equal(row_where(ctx, "for_board", "meeting",
	    "October meeting", "item"), "Internet in children's homes");
	arena_free(&a);
}

/* n views about theme cat raised at when. */
static void
views_at(int n, int64_t cat, int64_t when)
{
	while (n-- > 0)
		assert_int_equal(db_exec(db, "INSERT INTO views (category_id, "
		    "title, body, publish, state, created_at) VALUES (?1, 't', "
		    "'b', 'anonymous', 'received', ?2)", "ii", cat, when), 0);
}

/*
 * A month whose count is hidden is a gap in the month chart with its
 * words, never a point at zero: January had 7, hidden only so February's
 * "fewer than 5" cannot be worked out from the total. The chart's
 * description names both.
 */
static void
hidden_months_are_gaps_not_zeros(void **state)
{
	struct arena	 a;
	struct tval	*ctx;
	const char	*svg;

	(void)state;
	people();
	views_at(7, 2, at("2028-01-15 12:00:00"));
	views_at(2, 3, at("2028-02-15 12:00:00"));
	views_at(8, 2, at("2028-03-15 12:00:00"));
	views_at(9, 2, at("2028-04-15 12:00:00"));
	arena_init(&a);
	ctx = report(&a, "2028-01-01", "2028-05-01", at("2028-05-02 12:00:00"));
	assert_string_equal(row_where(ctx, "by_month", "label", "2028-01",
	    "count"), "not shown");
	assert_string_equal(row_where(ctx, "by_month", "label", "2028-02",
	    "count"), "fewer than 5");
	svg = tv_get_str(ctx, "chart_month");
	assert_non_null(svg);
	/* Nothing on the axis (y 220): no point, no line through zero. */
	assert_null(strstr(svg, "cy=\"220\""));
	assert_null(strstr(svg, ",220"));
	/* One line, March to April; the hidden months marked in words. */
	assert_non_null(strstr(svg, "points=\"412,"));
	assert_null(strstr(strstr(svg, "<polyline") + 1, "<polyline"));
	assert_non_null(strstr(svg, "fill=\"#4a4f55\">not shown</text>"));
	assert_non_null(strstr(svg, "fill=\"#4a4f55\">fewer than 5</text>"));
	assert_non_null(strstr(svg, "<desc>Numbers not shown: 2028-01 (not "
	    "shown); 2028-02 (fewer than 5).</desc>"));
	/* The bars' description names the hidden themes too. */
	svg = tv_get_str(ctx, "chart_category");
	assert_non_null(strstr(svg, "<desc>Numbers not shown: "));
	assert_non_null(strstr(svg, "Family and friends (fewer than 5)"));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days_late_on_the_calendar),
		cmocka_unit_test(median_of_an_even_number),
		cmocka_unit_test(overdue_due_as_it_stood),
		cmocka_unit_test(late_after_a_move_names_who_had_it),
		cmocka_unit_test(board_items_keep_private_words_out),
		cmocka_unit_test(hidden_months_are_gaps_not_zeros),
	};

	return (cmocka_run_group_tests_name("board_report", tests, setup,
	    teardown));
}
