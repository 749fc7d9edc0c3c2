/*
 * test_board.c: the board report that can be tabled (issue #13), over
 * real HTTP: the previous period beside this one with the same
 * suppression (no change shown beside a hidden count), a worker's
 * commentary per section and period (audited, kept when refused), items
 * for the board with the board's dated replies, late answers by their
 * first due date, and the young people's version, which only members
 * who sit on the board (and staff) can open.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "harness.h"
#include "testutil.h"

static struct client	 young2;

static int
setup(void **state)
{
	if (demo_group_setup(state) != 0)
		return (-1);
	/* A second young person, who does not sit on the board. */
	if (db_run("INSERT INTO users (display_name, name_key, role, "
	    "password_hash, age_band, lives_outside, created_at) SELECT "
	    "'Quillon', 'quillon', role, password_hash, age_band, "
	    "lives_outside, created_at FROM users WHERE display_name = "
	    "'Jaden'") != 0)
		return (-1);
	memset(&young2, 0, sizeof(young2));
	return (client_login(&young2, "Quillon", "kite-river-42") == 303 ?
	    0 : -1);
}

/* A cell's count, or -1 when it is words ("fewer than 5", "not shown"). */
static long
number(const char *s, size_t len)
{
	char	 b[32], *end;
	long	 n;

	if (len == 0 || len >= sizeof(b))
		return (-1);
	memcpy(b, s, len);
	b[len] = '\0';
	n = strtol(b, &end, 10);
	return (*end == '\0' ? n : -1);
}

/*
 * Every row with a count, the previous period's and a change: the change
 * is the difference where both counts are shown, and "not shown" where
 * either is hidden. No cell holds a count under the threshold. Returns
 * the number of such rows.
 */
static int
check_rows(struct resp *r)
{
	const char	*p, *end, *c[4], *ce[4];
	char		 want[32];
	long		 a, b;
	int		 n, rows;

	assert_no_small_people_cells(r);
	rows = 0;
	for (p = buf_cstr(&r->body); (p = strstr(p,
	    "<tr><th scope=\"row\"")) != NULL; p = end) {
		end = strstr(p, "</tr>");
		assert_non_null(end);
		n = 0;
		for (c[0] = p; n < 4 && (c[n] = strstr(c[n], "<td>")) != NULL &&
		    c[n] < end; n++) {
			c[n] += 4;
			ce[n] = strstr(c[n], "</td>");
			if (n < 3)
				c[n + 1] = ce[n];
		}
		if (n != 3 || strncmp(p, "<tr><th scope=\"row\">Median", 26)
		    == 0)
			continue;
		a = number(c[0], (size_t)(ce[0] - c[0]));
		b = number(c[1], (size_t)(ce[1] - c[1]));
		if (a == -1 || b == -1)
			(void)snprintf(want, sizeof(want), "not shown");
		else if (a == b)
			(void)snprintf(want, sizeof(want), "no change");
		else
			(void)snprintf(want, sizeof(want), "%+ld", a - b);
		assert_int_equal((size_t)(ce[2] - c[2]), strlen(want));
		assert_memory_equal(c[2], want, strlen(want));
		rows++;
	}
	return (rows);
}

static void
previous_period_beside_this_one(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<th scope=\"col\">Previous period</th>"
	    "<th scope=\"col\">Change</th>"));
	/* The demo's year before: 8 about things to do, 5 about school. */
	assert_true(resp_has(&r, "<th scope=\"row\">Things to do</th>"
	    "<td>6</td><td>8</td><td>-2</td>"));
	assert_true(resp_has(&r, "<th scope=\"row\">School and education"
	    "</th><td>5</td><td>5</td><td>no change</td>"));
	/* Shown before, hidden now: the change would give it away. */
	assert_true(resp_has(&r, "<th scope=\"row\">Social workers</th>"
	    "<td>fewer than 5</td><td>6</td><td>not shown</td>"));
	assert_true(check_rows(&r) >= 20);
	/* Late by the first due date, however much time was given. */
	assert_true(resp_has(&r, "Late by their first due date</th>"));
	resp_free(&r);

	/* Every month of the period is listed, views or none: one listed
	 * only when it had a view would say its "fewer than 5" is at
	 * least one. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2031-01-01&"
	    "to=2031-03-31", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<tr><th scope=\"row\">2031-01</th><td>"
	    "fewer than 5</td></tr>"));
	assert_true(resp_has(&r, "<th scope=\"row\">2031-02</th>"));
	assert_true(resp_has(&r, "<th scope=\"row\">2031-03</th>"));
	assert_false(resp_has(&r, "<th scope=\"row\">2031-04</th>"));
	assert_false(resp_has(&r, "<th scope=\"row\">2030-12</th>"));
	resp_free(&r);

	/* The demo's earlier year alone: its answers, two of them late. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2000-01-01&"
	    "to=2000-12-31", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "No answer was late."));
	resp_free(&r);
}

/*
 * What became of the actions, and the consultations that closed, are in
 * the report for their period (issues #13 and #15), suppressed like the rest.
 */
static void
actions_and_consultations(void **state)
{
	struct resp	 r;
	char		 cell[32];

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2000-01-01&"
	    "to=2099-12-31", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Did we do what we said?"));
	assert_true(resp_has(&r, "<tr><th scope=\"row\">Done</th>"));
	/* The council's own work: counted in full, however few. */
	assert_non_null(resp_between(&r, "<tr><th scope=\"row\">Dropped, "
	    "with a reason</th><td>", "</td>", cell, sizeof(cell)));
	assert_true(number(cell, strlen(cell)) >= 0);
	assert_true(resp_has(&r, "<strong>What should the leisure offer "
	    "be?</strong>"));
	assert_true(resp_has(&r, "young people who answered: 120. The "
	    "outcome is published."));
	/* The open one has not closed: not in any period yet. */
	assert_false(resp_has(&r, "How do your reviews feel?"));
	assert_true(check_rows(&r) >= 20);
	resp_free(&r);

	/* A period with none. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2000-01-01&"
	    "to=2000-12-31", &r), 0);
	assert_true(resp_has(&r, "No consultation closed in this period."));
	resp_free(&r);
}

/* A row's cell k (0: this period, 1: the previous) on a board report. */
static void
row_cell(struct resp *r, const char *row, int k, char *out, size_t len)
{
	char		 start[128];
	const char	*p;

	(void)snprintf(start, sizeof(start), "<th scope=\"row\">%s</th>",
	    row);
	assert_non_null(p = strstr(buf_cstr(&r->body), start));
	for (p += strlen(start); k-- > 0; )
		assert_non_null(p = strstr(p + 1, "<td>"));
	assert_non_null(p = strstr(p, "<td>"));
	p += 4;
	(void)snprintf(out, len, "%.*s", (int)strcspn(p, "<"), p);
}

/*
 * A quarter of 12 views, 4 a month, 6 and 6 in two themes: its own report
 * hides the months and so the total. The next quarter's report shows it
 * beside its own as "previous": it hides the same, or the months would
 * be 12 split three ways under 5, so 4 each. "Not given" is an age band
 * listed always.
 */
static void
previous_period_hides_what_its_own_report_hides(void **state)
{
	struct resp	 q2, q3;
	char		 a[32], b[32];
	const char	*themes[] = { "Social workers", "Where you live and "
	    "moving" };
	size_t		 i;

	(void)state;
	assert_int_equal(db_run("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL "
	    "SELECT i + 1 FROM n WHERE i < 11) INSERT INTO views "
	    "(category_id, title, body, state, created_at) SELECT 1 + i % 2, "
	    "'Quarter', 'A view that quarter', 'approved', CAST(strftime('%s', "
	    "'2019-04-15', '+' || (i / 4) || ' months') AS INTEGER) FROM n"),
	    0);
	resp_init(&q2);
	resp_init(&q3);
	assert_int_equal(http_get(&cllr, "/reports/board?from=2019-04-01&"
	    "to=2019-06-30", &q2), 0);
	assert_int_equal(http_get(&cllr, "/reports/board?from=2019-07-01&"
	    "to=2019-09-30", &q3), 0);
	assert_int_equal(q2.status, 200);
	assert_int_equal(q3.status, 200);
	assert_true(resp_has(&q2, "<strong>not shown</strong> views were "
	    "raised"));
	assert_true(resp_has(&q3, "(previous period: not shown;"));
	for (i = 0; i < 2; i++) {
		row_cell(&q2, themes[i], 0, a, sizeof(a));
		row_cell(&q3, themes[i], 1, b, sizeof(b));
		assert_string_equal(a, b);
	}
	assert_true(resp_has(&q3, "<th scope=\"row\">Not given</th>"));
	resp_free(&q2);
	resp_free(&q3);
	assert_int_equal(db_run("DELETE FROM views WHERE title = 'Quarter'"),
	    0);
}

/* Late answers listed by their first due date, in this period only. */
static void
late_answers_by_first_due_date(void **state)
{
	struct resp	 r;
	char		 path[128];
	int64_t		 from;

	(void)state;
	/* The demo's year before this one holds two late answers. */
	from = count("SELECT min(answered_at) FROM issues WHERE title = "
	    "'Being told about changes'");
	assert_true(from > 0);
	(void)snprintf(path, sizeof(path), "/reports/board?from=%s&to=%s",
	    "2000-01-01", "2099-12-31");
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<td>Being told about changes</td>"));
	assert_true(resp_has(&r, "<td>Laptops for homework</td>"));
	assert_true(resp_has(&r, "<td>9 days</td>"));
	assert_false(resp_has(&r, "<td>Swimming lessons</td><td>Cllr"));
	assert_true(check_rows(&r) >= 20);
	resp_free(&r);
	/* Waiting past its first due date as things stood at the period's
	 * end: an issue sent after an old quarter is not that quarter's. */
	assert_int_equal(db_run("UPDATE issues SET first_due_at = strftime("
	    "'%s', '2026-01-15'), sent_at = strftime('%s', '2026-01-02'), "
	    "title = 'Late since January', public_title = 'Late since January' "
	    "WHERE id = (SELECT min(id) FROM issues WHERE state = "
	    "'with_councillor')"), 0);
	(void)snprintf(path, sizeof(path), "<td>Late since January</td>");
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2025-07-01&"
	    "to=2025-09-30", &r), 0);
	assert_true(resp_has(&r, "Waiting past their first due date on 30 "
	    "September 2025"));
	assert_false(resp_has(&r, path));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2026-01-01&"
	    "to=2026-03-31", &r), 0);
	assert_true(resp_has(&r, path));
	resp_free(&r);
}

static void
commentary_per_section_and_period(void **state)
{
	struct resp	 r;
	const char	*page = "/reports/board/commentary?section=answers&"
	    "from=2026-04-01&to=2026-06-30";
	char		 big[4100], form[4100 + 128];
	int64_t		 audits;

	(void)state;
	assert_int_equal(client_status(&worker, page), 200);
	assert_int_equal(client_status(&admin, page), 200);
	assert_int_equal(client_status(&cllr, page), 404);
	assert_int_equal(client_status(&young, page), 404);
	assert_int_equal(client_status(&worker, "/reports/board/commentary?"
	    "section=nonsense"), 404);
	audits = count("SELECT count(*) FROM audit_log WHERE action = "
	    "'report.commentary'");

	/* Too long: refused in plain words, the text shown again. */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	(void)snprintf(form, sizeof(form), "section=answers&from=2026-04-01&"
	    "to=2026-06-30&body=Keep+this+start+%s", big);
	assert_int_equal(client_post(&worker, page,
	    "/reports/board/commentary", form, &r), 422);
	assert_true(resp_has(&r, "Keep this start"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM report_commentary"), 1);

	assert_int_equal(client_post(&worker, page,
	    "/reports/board/commentary", "section=answers&from=2026-04-01&"
	    "to=2026-06-30&body=Answers+were+slower+over+the+summer.", &r),
	    303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'report.commentary'"), audits + 1);
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/reports/board?from=2026-04-01&"
	    "to=2026-06-30", &r), 0);
	assert_true(resp_has(&r, "Answers were slower over the summer."));
	/* Councillors read it; only workers write it. */
	assert_false(resp_has(&r, "/reports/board/commentary"));
	resp_free(&r);
	/* Another period has its own commentary. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2026-01-01&"
	    "to=2026-07-31", &r), 0);
	assert_false(resp_has(&r, "Answers were slower"));
	assert_true(resp_has(&r, "/reports/board/commentary?section=answers"));
	resp_free(&r);
	/* No box at all: refused, nothing removed. */
	assert_int_equal(client_post(&worker, page,
	    "/reports/board/commentary", "section=answers&from=2026-04-01&"
	    "to=2026-06-30", &r), 422);
	assert_true(resp_has(&r, "The commentary box was missing"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM report_commentary WHERE "
	    "section = 'answers'"), 1);
	/* Emptied: removed, and that is audited too. */
	assert_int_equal(client_post(&worker, page,
	    "/reports/board/commentary", "section=answers&from=2026-04-01&"
	    "to=2026-06-30&body=", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM report_commentary WHERE "
	    "section = 'answers'"), 0);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'report.commentary_removed'"), 1);
	/* The demo's own commentary shows in today's report. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board", &r), 0);
	assert_true(resp_has(&r, "the free leisure pass answered the most "
	    "common ask"));
	resp_free(&r);
}

static void
board_items_with_dated_replies(void **state)
{
	struct resp	 r;
	char		 path[64], form[512];
	int64_t		 meeting, item;

	(void)state;
	assert_int_equal(db_run("INSERT INTO meetings (title, starts_at, "
	    "created_at) VALUES ('Spring meeting', strftime('%s', 'now') - "
	    "864000, strftime('%s', 'now'))"), 0);
	meeting = count("SELECT id FROM meetings WHERE title = 'Spring "
	    "meeting'");
	assert_int_equal(db_run("INSERT INTO agenda_items (meeting_id, "
	    "position, kind, title) SELECT id, 1, 'free', 'Wifi in "
	    "children''s homes' FROM meetings WHERE title = 'Spring meeting'"),
	    0);
	item = count("SELECT id FROM agenda_items WHERE title = 'Wifi in "
	    "children''s homes'");
	(void)snprintf(path, sizeof(path), "/meetings/%lld",
	    (long long)meeting);
	/* Marked for the board: waiting for its reply. */
	(void)snprintf(form, sizeof(form), "action=minutes&item=%lld&"
	    "minutes=Members+want+wifi.&for_board=1&board_reply=",
	    (long long)item);
	assert_int_equal(client_post(&worker, path, path, form, &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board", &r), 0);
	assert_true(resp_has(&r, "<td>Wifi in children&#39;s homes</td>"
	    "<td>Spring meeting, "));
	assert_true(resp_has(&r, "Waiting for the board's reply."));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM agenda_items WHERE id = "
	    "%lld AND board_reply_at IS NULL", (long long)item), 1);
	/* The board replies: recorded and dated. */
	(void)snprintf(form, sizeof(form), "action=minutes&item=%lld&"
	    "minutes=Members+want+wifi.&for_board=1&board_reply=Wifi+in+"
	    "every+home+by+September.", (long long)item);
	assert_int_equal(client_post(&worker, path, path, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM agenda_items WHERE id = "
	    "%lld AND board_reply_at > strftime('%%s', 'now') - 600",
	    (long long)item), 1);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board", &r), 0);
	assert_true(resp_has(&r, "Wifi in every home by September.</span> "
	    "<span class=\"muted\">(recorded "));
	/* The demo's own item and reply. */
	assert_true(resp_has(&r, "The board agreed: from next month"));
	resp_free(&r);
}

/* "from=...&to=..." for the calendar quarter today is in (not ended). */
static const char *
this_quarter(char *out, size_t len)
{
	static const char *const last[] = { "03-31", "06-30", "09-30",
	    "12-31" };
	struct tm	 tm;
	time_t		 now;
	int		 q;

	now = time(NULL);
	(void)gmtime_r(&now, &tm);
	q = tm.tm_mon / 3;
	(void)snprintf(out, len, "from=%04d-%02d-01&to=%04d-%s",
	    tm.tm_year + 1900, q * 3 + 1, tm.tm_year + 1900, last[q]);
	return (out);
}

/*
 * Young people on the board and councillors read whole quarters that
 * have ended: a start or end moved by a day (which would show, by the
 * difference, a count each report hides) is refused in plain words.
 */
static void
quarter_only_for(const char *report, struct client *who)
{
	const char	*refused[] = {
	    "from=2026-09-15&to=2026-11-26", "from=2026-07-01&to=2026-09-29",
	    "from=2026-04-01&to=2026-09-30", NULL,
	    "from=nonsense&to=2026-09-30",
	};
	struct resp	 r;
	char		 path[128], now_q[64];
	size_t		 i;

	refused[3] = this_quarter(now_q, sizeof(now_q));
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		(void)snprintf(path, sizeof(path), "%s?%s", report, refused[i]);
		resp_init(&r);
		assert_int_equal(http_get(who, path, &r), 0);
		assert_int_equal(r.status, 422);
		assert_true(resp_has(&r, "Choose one whole quarter that has "
		    "ended"));
		resp_free(&r);
	}
	(void)snprintf(path, sizeof(path), "%s?from=2026-07-01&to=2026-09-30",
	    report);
	resp_init(&r);
	assert_int_equal(http_get(who, path, &r), 0);
	assert_int_equal(r.status, 200);
	/* The quarter before is April to June, not the 92 days before. */
	assert_true(resp_has(&r, "1 April 2026"));
	assert_true(resp_has(&r, "30 June 2026"));
	/* The staff report's tables have a change column to check. */
	if (strcmp(report, "/reports/board") == 0)
		assert_true(check_rows(&r) >= 5);
	else
		(void)check_rows(&r);
	assert_false(resp_has(&r, "For staff only"));
	resp_free(&r);
	/*
	 * Staff who see the views themselves may pick any dates; printed,
	 * such a report says it is not for the board.
	 */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2026-09-15&"
	    "to=2026-11-26", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<strong>For staff only.</strong>"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2026-07-01&"
	    "to=2026-09-30", &r), 0);
	assert_false(resp_has(&r, "For staff only"));
	resp_free(&r);
}

static void
young_version_for_board_members(void **state)
{
	struct resp	 r;
	char		 path[64], report[96], quarter[64];
	int64_t		 jaden;

	(void)state;
	jaden = count("SELECT id FROM users WHERE display_name = 'Jaden'");
	assert_int_equal(client_status(&young, "/reports/board/young"), 404);
	assert_int_equal(client_status(&young2, "/reports/board/young"), 404);
	assert_int_equal(client_status(&anon, "/reports/board/young"), 303);
	assert_int_equal(client_status(&worker, "/reports/board/young"), 200);
	assert_int_equal(client_status(&cllr, "/reports/board/young"), 200);

	/* A worker says Jaden sits on the board; audited. */
	(void)snprintf(path, sizeof(path), "/accounts/%lld/board",
	    (long long)jaden);
	assert_int_equal(client_post(&young, "/", path, "on=1", &r), 404);
	resp_free(&r);
	assert_int_equal(client_post(&cllr, "/", path, "on=1", &r), 404);
	resp_free(&r);
	assert_int_equal(client_post(&worker, "/accounts", path, "on=1", &r),
	    303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'account.board' AND object_id = %lld", (long long)jaden), 1);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/accounts", &r), 0);
	assert_true(resp_has(&r, "sits on the board"));
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(http_get(&young, "/reports/board/young", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "What the board is told"));
	/* The last quarter that has ended, beside the one before. */
	assert_true(resp_has(&r, "one whole quarter that has ended"));
	assert_true(resp_has(&r, "Things passed to someone else"));
	/* No staff names, no commentary, no small counts. */
	assert_false(resp_has(&r, "Priya Shah"));
	assert_false(resp_has(&r, "Alex Morgan"));
	assert_false(resp_has(&r, "the free leisure pass answered"));
	check_rows(&r);
	resp_free(&r);
	/* A whole quarter: its figures, and the board's reply. */
	resp_init(&r);
	(void)snprintf(report, sizeof(report), "/reports/board/young?%s",
	    this_quarter(quarter, sizeof(quarter)));
	assert_int_equal(http_get(&young, report, &r), 0);
	assert_int_equal(r.status, 422);
	resp_free(&r);
	quarter_only_for("/reports/board/young", &young);
	/* An item for the board from a summer meeting, with its reply. */
	assert_int_equal(db_run("INSERT INTO meetings (title, starts_at, "
	    "created_at) VALUES ('Summer meeting', CAST(strftime('%s', "
	    "'2026-08-10 17:00') AS INTEGER), CAST(strftime('%s', "
	    "'2026-07-01') AS INTEGER))"), 0);
	assert_int_equal(db_run("INSERT INTO agenda_items (meeting_id, "
	    "position, kind, title, for_board, board_reply, board_reply_at) "
	    "SELECT id, 1, 'free', 'Wifi at home', 1, 'We will fund it.', "
	    "starts_at + 86400 FROM meetings WHERE title = 'Summer meeting'"),
	    0);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/reports/board/young?from="
	    "2026-07-01&to=2026-09-30", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "The board said: We will fund it."));
	resp_free(&r);
	/* Marked in September, answered in October: the summer's report
	 * still says it waits, as it did when tabled; October's has the
	 * reply. */
	assert_int_equal(db_run("INSERT INTO meetings (title, starts_at, "
	    "created_at) VALUES ('September meeting', CAST(strftime('%s', "
	    "'2026-09-20 17:00') AS INTEGER), CAST(strftime('%s', "
	    "'2026-09-01') AS INTEGER))"), 0);
	assert_int_equal(db_run("INSERT INTO agenda_items (meeting_id, "
	    "position, kind, title, for_board, board_reply, board_reply_at) "
	    "SELECT id, 1, 'free', 'Late buses', 1, 'We will ask the bus "
	    "company.', CAST(strftime('%s', '2026-10-05 12:00') AS INTEGER) "
	    "FROM meetings WHERE title = 'September meeting'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/reports/board/young?from="
	    "2026-07-01&to=2026-09-30", &r), 0);
	assert_true(resp_has(&r, "Late buses"));
	assert_false(resp_has(&r, "We will ask the bus company."));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2026-10-01&"
	    "to=2026-10-31", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Late buses"));
	assert_true(resp_has(&r, "We will ask the bus company."));
	/* The Pledge has no history: the report says it is today's. */
	assert_true(resp_has(&r, "when this report was made, not at the end "
	    "of the period"));
	resp_free(&r);
	quarter_only_for("/reports/board", &cllr);
	assert_int_equal(client_status(&young2, "/reports/board/young"), 404);

	/* Off the board: closed again. */
	assert_int_equal(client_post(&worker, "/accounts", path, "on=0", &r),
	    303);
	resp_free(&r);
	assert_int_equal(client_status(&young, "/reports/board/young"), 404);
	assert_int_equal(client_post(&worker, "/accounts", path, "on=maybe",
	    &r), 400);
	resp_free(&r);
}

/* The date (UTC) days from now. */
static const char *
day_from_today(int days, char *out, size_t outlen)
{
	time_t		 t = time(NULL) + (time_t)days * 86400;
	struct tm	 tm;

	(void)gmtime_r(&t, &tm);
	(void)strftime(out, outlen, "%Y-%m-%d", &tm);
	return (out);
}

/* A working day (Monday to Friday, no bank holiday) a month from now. */
static const char *
working_day_later(char *out, size_t outlen)
{
	time_t		 t;
	struct tm	 tm;

	for (t = time(NULL) + 30 * 86400;; t += 86400) {
		(void)gmtime_r(&t, &tm);
		(void)strftime(out, outlen, "%Y-%m-%d", &tm);
		if (tm.tm_wday != 0 && tm.tm_wday != 6 && count("SELECT "
		    "count(*) FROM holidays WHERE day = '%s'", out) == 0)
			return (out);
	}
}

/*
 * Moved to another councillor after a period: that period's overdue list
 * still names who had it then, and its answer is timed from when it was
 * first sent, not from the move (issue_moves, migration 0041).
 */
static void
a_move_does_not_rewrite_the_past(void **state)
{
	struct resp	 r;
	char		 sql[512], form[128], day[16], list[4096], days[32];
	int64_t		 id, sam, zid, waited;

	(void)state;
	id = count("SELECT min(id) FROM issues WHERE councillor_id IS NOT "
	    "NULL");
	sam = count("SELECT id FROM users WHERE display_name = 'Cllr Sam "
	    "Okafor'");
	zid = count("SELECT id FROM users WHERE display_name = 'Cllr Zainab "
	    "Reid'");
	(void)snprintf(sql, sizeof(sql), "UPDATE issues SET state = "
	    "'with_councillor', councillor_id = %lld, sent_at = unixepoch("
	    "'2026-10-01 09:00'), first_due_at = unixepoch('2026-10-15 "
	    "22:59:59'), due_at = unixepoch('2026-10-15 22:59:59'), "
	    "answered_at = NULL, published_at = NULL, public_title = 'Bills "
	    "before the first flat' WHERE id = %lld",
	    (long long)sam, (long long)id);
	assert_int_equal(db_run(sql), 0);
	(void)snprintf(form, sizeof(form), "action=move&councillor=%lld&due=%s",
	    (long long)zid, working_day_later(day, sizeof(day)));
	(void)snprintf(sql, sizeof(sql), "/issues/%lld", (long long)id);
	assert_int_equal(client_post(&worker, sql, sql, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT councillor_id FROM issues WHERE id = "
	    "%lld", (long long)id), zid);

	resp_init(&r);
	assert_int_equal(http_get(&worker, "/reports/board?from=2026-10-01&"
	    "to=2026-10-31", &r), 0);
	assert_non_null(resp_between(&r, "Waiting past their first due date",
	    "</table>", list, sizeof(list)));
	resp_free(&r);
	assert_non_null(strstr(list, "Bills before the first flat</td><td>Cllr "
	    "Sam Okafor</td>"));
	assert_null(strstr(list, "Zainab"));

	/* Answered by the new councillor: the young people waited from
	 * 1 October, not from the move. */
	(void)snprintf(sql, sizeof(sql), "UPDATE issues SET state = "
	    "'answered', decision = 'agreed', response = 'Yes.', answered_at "
	    "= unixepoch() WHERE id = %lld", (long long)id);
	assert_int_equal(db_run(sql), 0);
	waited = ((int64_t)time(NULL) - count("SELECT unixepoch('2026-10-01 "
	    "09:00')")) / 86400;
	(void)snprintf(days, sizeof(days), "<td>%lld days</td>",
	    (long long)waited);
	/* Today and tomorrow: today in London, whatever the hour in UTC,
	 * and no other answer given since. */
	(void)snprintf(form, sizeof(form), "/reports/board?from=%s",
	    day_from_today(0, day, sizeof(day)));
	(void)snprintf(form + strlen(form), sizeof(form) - strlen(form),
	    "&to=%s", day_from_today(1, day, sizeof(day)));
	resp_init(&r);
	assert_int_equal(http_get(&worker, form, &r), 0);
	assert_true(resp_has(&r, "Median time to answer</th><td>"));
	if (!resp_has(&r, days))
		fail_msg("the median is not %s", days);
	resp_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(previous_period_beside_this_one),
		cmocka_unit_test(actions_and_consultations),
		cmocka_unit_test(late_answers_by_first_due_date),
		cmocka_unit_test(
		    previous_period_hides_what_its_own_report_hides),
		cmocka_unit_test(commentary_per_section_and_period),
		cmocka_unit_test(board_items_with_dated_replies),
		cmocka_unit_test(young_version_for_board_members),
		cmocka_unit_test(a_move_does_not_rewrite_the_past),
	};

	return (cmocka_run_group_tests_name("http_board", tests, setup,
	    group_teardown_server));
}
