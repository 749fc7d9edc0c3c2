/*
 * test_reports.c: the board report and the exports over real HTTP: who
 * may see them, small counts suppressed everywhere a count appears, charts
 * with text alternatives, the open-data feed free of personal data, and
 * views counted in their month on a British calendar, their people once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "harness.h"
#include "testutil.h"


static void
board_report_for_staff_only(void **state)
{
	struct resp	 r;

	(void)state;
	assert_int_equal(client_status(&worker, "/reports/board"), 200);
	assert_int_equal(client_status(&cllr, "/reports/board"), 200);
	assert_int_equal(client_status(&admin, "/reports/board"), 200);
	assert_int_equal(client_status(&young, "/reports/board"), 404);
	assert_int_equal(client_status(&anon, "/reports/board"), 303);
	assert_int_equal(client_status(&young, "/reports/issues.csv"), 404);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2026-13-40",
	    &r), 0);
	assert_int_equal(r.status, 422);
	assert_true(resp_has(&r, "Enter a date like"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2027-01-01&"
	    "to=2026-01-01", &r), 0);
	assert_int_equal(r.status, 422);
	resp_free(&r);
}

static void
small_counts_suppressed_in_report(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board", &r), 0);
	assert_int_equal(r.status, 200);
	/* The demo has 3 views about family and 6 about things to do. */
	assert_true(resp_has(&r, "<th scope=\"row\">Family and friends</th>"
	    "<td>fewer than 5</td>"));
	assert_true(resp_has(&r, "<th scope=\"row\">Things to do</th><td>"
	    "6</td>"));
	assert_no_small_people_cells(&r);
	/* Charts: described, and suppressed bars drawn as words. */
	assert_true(resp_has(&r, "<svg class=\"chart\" role=\"img\""));
	assert_true(resp_has(&r, "<title>Views raised, by what they were "
	    "about</title>"));
	assert_true(resp_has(&r, ">fewer than 5</text>"));
	assert_true(resp_has(&r, "<title>Views raised, month by month"));
	assert_true(resp_has(&r, "The Care Pledge"));
	assert_true(resp_has(&r, "We will give you a free leisure pass"));
	assert_true(resp_has(&r, "Inside the area"));
	resp_free(&r);
}

/* The rows of /reports/issues.csv as c sees it, each checked. */
static int
issues_csv_rows(struct client *c)
{
	struct resp	 r;
	const char	*line, *last;
	int		 rows;

	resp_init(&r);
	assert_int_equal(http_get(c, "/reports/issues.csv", &r), 0);
	assert_int_equal(r.status, 200);
	rows = 0;
	for (line = strstr(buf_cstr(&r.body), "\r\n") + 2; *line != '\0';
	    line = strstr(line, "\r\n") + 2) {
		last = line + strcspn(line, "\r");
		while (last > line && last[-1] != ',')
			last--;
		/* The last column: "fewer than 5" or 5 and over. */
		assert_true(strncmp(last, "fewer than 5", 12) == 0 ||
		    atoi(last) >= 5);
		rows++;
	}
	resp_free(&r);
	return (rows);
}

static void
issues_csv_suppresses_counts(void **state)
{
	(void)state;
	assert_int_equal(issues_csv_rows(&worker),
	    count("SELECT count(*) FROM issues"));
}

/* Each issue's first due date beside the one it is due now. */
static void
issues_csv_gives_the_first_due_date(void **state)
{
	struct resp	 r;

	(void)state;
	assert_int_equal(db_run("UPDATE issues SET first_due_at = "
	    "unixepoch('2026-01-15 23:59:59'), due_at = unixepoch('2026-02-12 "
	    "23:59:59') WHERE id = (SELECT min(id) FROM issues WHERE state = "
	    "'with_councillor')"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/issues.csv", &r), 0);
	assert_true(resp_has(&r, "Councillor,First due,Due,Decision"));
	assert_true(resp_has(&r, ",2026-01-15,2026-02-12,"));
	resp_free(&r);
}

/* An issue not yet sent to a councillor is not the councillors' to read. */
static void
issues_csv_for_councillors_is_what_was_sent(void **state)
{
	struct resp	 r;

	(void)state;
	assert_true(count("SELECT count(*) FROM issues WHERE state = 'open'")
	    > 0);
	assert_int_equal(issues_csv_rows(&cllr),
	    count("SELECT count(*) FROM issues WHERE state <> 'open'"));
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/reports/board", &r), 0);
	assert_true(resp_has(&r, "Every issue sent to a councillor as a "
	    "spreadsheet"));
	resp_free(&r);
}

static void
open_data_has_no_personal_data(void **state)
{
	struct resp	 r;
	json_t		*doc;
	json_error_t	 err;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/open-data.json", &r), 0);
	assert_int_equal(r.status, 200);
	doc = json_loadb(r.body.data, r.body.len, 0, &err);
	assert_non_null(doc);
	assert_int_equal(json_array_size(json_object_get(doc, "outcomes")),
	    db_count("SELECT count(*) FROM issues WHERE published_at IS NOT "
	    "NULL"));
	assert_true(json_array_size(json_object_get(doc, "pledge")) >= 10);
	/* What became of each outcome's actions, as the public page says. */
	assert_true(resp_has(&r, "\"what_happened\":\"Leisure passes were "
	    "posted to every foster carer"));
	assert_true(resp_has(&r, "\"state\":\"done\""));
	assert_true(json_is_array(json_object_get(json_array_get(
	    json_object_get(doc, "outcomes"), 0), "actions")));
	/* Names: not even the ones a young person chose to show. */
	assert_false(resp_has(&r, "Jaden"));
	assert_false(resp_has(&r, "Zara"));
	assert_false(resp_has(&r, "Okafor"));
	assert_false(resp_has(&r, "My friends in care"));
	json_decref(doc);
	resp_free(&r);
}

/* GET path as JSON: the status, and the document (the caller frees). */
static json_t *
get_json(const char *path, int *status)
{
	struct resp	 r;
	json_t		*doc;
	json_error_t	 err;
	char		 type[64];

	resp_init(&r);
	assert_int_equal(http_get(&anon, path, &r), 0);
	*status = r.status;
	assert_non_null(resp_header(&r, "content-type", type, sizeof(type)));
	assert_non_null(strstr(type, "application/json"));
	doc = json_loadb(r.body.data, r.body.len, 0, &err);
	assert_non_null(doc);
	resp_free(&r);
	return (doc);
}

/*
 * The open data comes 50 outcomes a page, newest first: following "next"
 * from the first page reads every published outcome once. A page that is
 * not there, or not a number, is an error a program can read.
 */
static void
open_data_comes_in_pages(void **state)
{
	json_t		*doc, *list, *next;
	char		 path[64], seen[8192];
	long long	 total, id, pages, page;
	size_t		 i;
	int		 status;

	(void)state;
	assert_int_equal(db_run("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
	    "SELECT i + 1 FROM n WHERE i < 120) INSERT INTO issues "
	    "(category_id, title, summary, state, decision, response, "
	    "published_at, created_at) SELECT c.id, 'Paged ' || i, 'Said', "
	    "'published', 'agreed', 'Done', m.t + i, m.t FROM n, categories c, "
	    "(SELECT max(published_at) AS t FROM issues) m "
	    "WHERE c.name = 'Things to do'"), 0);
	total = db_count("SELECT count(*) FROM issues WHERE published_at IS "
	    "NOT NULL");
	assert_true(total > 120);
	memset(seen, 0, sizeof(seen));
	(void)snprintf(path, sizeof(path), "/open-data.json");
	for (page = 1; ; page++) {
		doc = get_json(path, &status);
		assert_int_equal(status, 200);
		assert_int_equal(json_integer_value(json_object_get(doc,
		    "page")), page);
		pages = json_integer_value(json_object_get(doc, "pages"));
		assert_int_equal(pages, (total + 49) / 50);
		assert_int_equal(json_integer_value(json_object_get(doc,
		    "outcomes_total")), total);
		assert_true(json_array_size(json_object_get(doc, "pledge")) >=
		    10);
		list = json_object_get(doc, "outcomes");
		assert_int_equal(json_array_size(list), page < pages ? 50 :
		    total - 50 * (pages - 1));
		for (i = 0; i < json_array_size(list); i++) {
			id = json_integer_value(json_object_get(
			    json_array_get(list, i), "id"));
			assert_true(id > 0 && id < (long long)sizeof(seen));
			assert_int_equal(seen[id], 0);
			seen[id] = 1;
		}
		next = json_object_get(doc, "next");
		if (json_is_null(next)) {
			json_decref(doc);
			break;
		}
		(void)snprintf(path, sizeof(path), "%s",
		    json_string_value(next));
		json_decref(doc);
	}
	assert_int_equal(page, pages);
	/* Newest first: the last one added leads page 1. */
	doc = get_json("/open-data.json?page=1", &status);
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(doc, "outcomes"), 0), "title")), "Paged 120");
	json_decref(doc);
	(void)snprintf(path, sizeof(path), "/open-data.json?page=%lld",
	    pages + 1);
	doc = get_json(path, &status);
	assert_int_equal(status, 404);
	assert_non_null(strstr(json_string_value(json_object_get(doc,
	    "error")), "no such page"));
	json_decref(doc);
	doc = get_json("/open-data.json?page=100000000000", &status);
	assert_int_equal(status, 404);
	json_decref(doc);
	doc = get_json("/open-data.json?page=two", &status);
	assert_int_equal(status, 400);
	assert_non_null(strstr(json_string_value(json_object_get(doc,
	    "error")), "whole number"));
	json_decref(doc);
}

/*
 * n views about things to do, raised at t (UTC), one each by the first
 * n of the people named "Old Member N" (made on first use: 16 or 17 and
 * inside the area, like Jaden, except that the last two live outside).
 */
static void
views_at(int n, long long t)
{
	char	 sql[768];

	(void)snprintf(sql, sizeof(sql), "WITH RECURSIVE n(i) AS (SELECT 1 "
	    "UNION ALL SELECT i + 1 FROM n WHERE i < 7) INSERT OR IGNORE INTO "
	    "users (display_name, name_key, role, password_hash, age_band, "
	    "lives_outside, created_at) SELECT 'Old Member ' || i, "
	    "'old member ' || i, role, password_hash, age_band, i > 5, "
	    "created_at FROM n, users WHERE display_name = 'Jaden'");
	assert_int_equal(db_run(sql), 0);
	(void)snprintf(sql, sizeof(sql), "WITH RECURSIVE n(i) AS (SELECT 1 "
	    "UNION ALL SELECT i + 1 FROM n WHERE i < %d) INSERT INTO views "
	    "(category_id, author_id, title, body, state, created_at) SELECT "
	    "c.id, u.id, 'Old view', 'From long ago', 'approved', %lld FROM "
	    "n, categories c, users u WHERE c.name = 'Things to do' AND "
	    "u.name_key = 'old member ' || n.i", n, t);
	assert_int_equal(db_run(sql), 0);
}

/*
 * Views count in the month they were raised in on a calendar in
 * Britain: the last second of February and the first of March, and
 * the two sides of midnight into April, which is 23:00 UTC in summer
 * time. Who took part counts each person once.
 */
static void
months_follow_the_local_calendar(void **state)
{
	struct resp	 r;

	(void)state;
	views_at(5, 1551398399);	/* 2019-02-28 23:59:59 GMT */
	views_at(7, 1551398400);	/* 2019-03-01 00:00:00 GMT */
	views_at(5, 1554073199);	/* 2019-03-31 23:59:59 BST */
	views_at(6, 1554073200);	/* 2019-04-01 00:00:00 BST */
	/* An id far past the others is counted too, once. */
	assert_int_equal(db_run("INSERT INTO users (id, display_name, name_key, "
	    "role, password_hash, age_band, lives_outside, created_at) SELECT "
	    "1099511627776, 'Old Member 8', 'old member 8', role, "
	    "password_hash, age_band, 0, created_at FROM users WHERE "
	    "display_name = 'Jaden'"), 0);
	views_at(8, 1554073201);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2019-02-01&"
	    "to=2019-04-30", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<th scope=\"row\">2019-02</th><td>5</td>"));
	assert_true(resp_has(&r, "<th scope=\"row\">2019-03</th><td>12</td>"));
	assert_true(resp_has(&r, "<th scope=\"row\">2019-04</th><td>14</td>"));
	assert_false(resp_has(&r, "<th scope=\"row\">2019-01</th>"));
	assert_false(resp_has(&r, "<th scope=\"row\">2019-05</th>"));
	assert_true(resp_has(&r, "<strong>31</strong> views were raised"));
	/* Eight people, however many views each: six inside the area and
	 * two outside, too few to show. */
	assert_true(resp_has(&r, "<th scope=\"row\">16 or 17</th><td>8</td>"));
	assert_true(resp_has(&r, "<th scope=\"row\">Inside the area</th>"
	    "<td>6</td>"));
	assert_true(resp_has(&r, "<th scope=\"row\">Outside the area</th>"
	    "<td>fewer than 5</td>"));
	assert_true(resp_has(&r, "<th scope=\"row\">Area not given</th>"
	    "<td>fewer than 5</td>"));
	resp_free(&r);
	/* One who never said where they live is not counted as inside. */
	assert_int_equal(db_run("UPDATE users SET lives_outside = NULL WHERE "
	    "display_name = 'Old Member 8'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2019-02-01&"
	    "to=2019-04-30", &r), 0);
	assert_true(resp_has(&r, "<th scope=\"row\">Inside the area</th>"
	    "<td>5</td>"));
	resp_free(&r);
	assert_int_equal(db_run("UPDATE users SET lives_outside = 0 WHERE "
	    "display_name = 'Old Member 8'"), 0);
	/* The last day of a period counts to its end; the day after not. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2019-02-01&"
	    "to=2019-03-31", &r), 0);
	assert_true(resp_has(&r, "<th scope=\"row\">2019-03</th><td>12</td>"));
	assert_false(resp_has(&r, "<th scope=\"row\">2019-04</th>"));
	resp_free(&r);
}

/*
 * A period of more than five years lists its first 60 months and says
 * so; every view still counts in the total and by theme.
 */
static void
long_periods_list_sixty_months(void **state)
{
	struct resp	 r;

	(void)state;
	/* One view in the middle of each month, 62 months from 2010. */
	assert_int_equal(db_run("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL "
	    "SELECT i + 1 FROM n WHERE i < 61) INSERT INTO views "
	    "(category_id, title, body, state, created_at) SELECT c.id, "
	    "'Monthly', 'Once a month', 'approved', CAST(strftime('%s', "
	    "'2010-01-15', '+' || i || ' months') AS INTEGER) FROM n, "
	    "categories c WHERE c.name = 'Social workers'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2010-01-01&"
	    "to=2015-12-31", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<strong>62</strong> views were raised"));
	assert_true(resp_has(&r, "<th scope=\"row\">2014-12</th>"));
	assert_false(resp_has(&r, "<th scope=\"row\">2015-01</th>"));
	assert_true(resp_has(&r, "Months after 2014-12 are not listed"));
	assert_no_small_people_cells(&r);
	resp_free(&r);
	/* Five years or less: every month, and no such words. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2010-01-01&"
	    "to=2014-12-31", &r), 0);
	assert_true(resp_has(&r, "<strong>60</strong> views were raised"));
	assert_false(resp_has(&r, "are not listed"));
	resp_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(board_report_for_staff_only),
		cmocka_unit_test(small_counts_suppressed_in_report),
		cmocka_unit_test(issues_csv_suppresses_counts),
		cmocka_unit_test(issues_csv_gives_the_first_due_date),
		cmocka_unit_test(issues_csv_for_councillors_is_what_was_sent),
		cmocka_unit_test(open_data_has_no_personal_data),
		cmocka_unit_test(open_data_comes_in_pages),
		cmocka_unit_test(months_follow_the_local_calendar),
		cmocka_unit_test(long_periods_list_sixty_months),
	};

	return (cmocka_run_group_tests_name("http_reports", tests, demo_group_setup,
	    group_teardown_server));
}
