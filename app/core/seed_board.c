/*
 * seed_board.c: the demo council's board report can be tabled (issue
 * #13): views from the year before the last (so the report has a
 * previous period beside this one), some passed on to another door, a
 * few issues answered then (two of them late), a meeting item marked for
 * the board with the board's reply, and a worker's commentary on the
 * report for the twelve months up to the day the demo was made.
 *
 * The earlier views have no account behind them, so no demo young
 * person's own data changes.
 */
#include <stdio.h>
#include <string.h>

#include "issues.h"
#include "moderation.h"
#include "seed.h"
#include "timefmt.h"
#include "views.h"

#define DAY	86400

enum old_plan { O_REJECT, O_REDIRECT, O_ON_TIME, O_LATE };

static const struct {
	const char	*category;
	const char	*title;
	int		 days_ago;
	enum old_plan	 plan;
} old[] = {
	{ "leisure", "Swimming lessons", 400, O_ON_TIME },
	{ "leisure", "Cinema trips", 410, O_REJECT },
	{ "leisure", "Football club fees", 430, O_REJECT },
	{ "leisure", "Music lessons", 450, O_ON_TIME },
	{ "leisure", "Holiday activities", 470, O_REJECT },
	{ "leisure", "Gym for over 16s", 500, O_REJECT },
	{ "leisure", "Youth club nights", 520, O_REJECT },
	{ "leisure", "Summer camp", 560, O_REJECT },
	{ "education", "Laptops for homework", 420, O_LATE },
	{ "education", "Tutoring in exam year", 440, O_REJECT },
	{ "education", "School trips paid for", 480, O_REJECT },
	{ "education", "Help with college forms", 540, O_ON_TIME },
	{ "education", "Change of school", 600, O_REDIRECT },
	{ "contact", "Seeing my brother", 460, O_REDIRECT },
	{ "contact", "Phone calls with my mum", 610, O_REDIRECT },
	{ "social_workers", "My social worker never calls back", 405,
	    O_REDIRECT },
	{ "social_workers", "Meetings about my plan", 490, O_REDIRECT },
	{ "social_workers", "Being told about changes", 530, O_LATE },
	{ "social_workers", "Same social worker for longer", 580, O_REJECT },
	{ "social_workers", "Knowing who to call", 640, O_REJECT },
	{ "social_workers", "My review was cancelled", 660, O_REDIRECT },
	{ "placements", "Moving without notice", 550, O_REDIRECT },
	{ "placements", "Room of my own", 620, O_REJECT },
};

static int
old_view(struct db *db, const struct actor *worker,
    const struct actor *cllr, size_t i, int64_t now)
{
	struct view_input	 in;
	struct view_created	 vc;
	struct actor		 nobody = { 0, "", "young_person", "" };
	struct response		 r;
	int64_t			 cat, issue, t, due, at;

	t = now - (int64_t)old[i].days_ago * DAY;
	if (db_int(db, &cat, "SELECT id FROM categories WHERE key = ?1", "t",
	    old[i].category) != 1)
		return (-1);
	memset(&in, 0, sizeof(in));
	in.category_id = cat;
	in.title = old[i].title;
	in.body = old[i].title;
	in.better = "";
	in.publish = "anonymous";
	if (views_create(db, &nobody, &in, t, &vc) == -1)
		return (-1);
	if (old[i].plan == O_REJECT)
		return (moderation_reject(db, worker, vc.id, "Thank you. We "
		    "talked about this at the council meeting.", t + DAY) ==
		    MOD_OK ? 0 : -1);
	if (old[i].plan == O_REDIRECT)
		return (moderation_redirect(db, worker, vc.id, "social_worker",
		    "This is about your own situation, so your social worker "
		    "is the best person to help.", t + DAY) == MOD_OK ? 0 : -1);
	if (moderation_approve(db, worker, vc.id, old[i].title,
	    "Young people asked for this.", t + DAY, &issue) != MOD_OK)
		return (-1);
	if ((due = seed_due(db, t + 30 * DAY)) == -1)
		return (-1);
	at = old[i].plan == O_LATE ? due + 9 * DAY : t + 12 * DAY;
	if (issues_send(db, worker, issue, cllr->id, due, t + 2 * DAY) == -1)
		return (-1);
	memset(&r, 0, sizeof(r));
	r.decision = "agreed";
	r.text = "We will do this.";
	r.reason = "";
	r.action_text = "";
	r.action_owner = "";
	if (issues_respond(db, cllr, issue, &r, at) == -1)
		return (-1);
	return (issues_publish(db, worker, issue, NULL, NULL, at + DAY) ==
	    PUBLISH_OK ? 0 : -1);
}

/* A meeting last month whose item the board answered. */
static int
board_item(struct db *db, const struct actor *worker, int64_t now)
{
	int64_t	 meeting, issue;

	if (db_int(db, &issue, "SELECT id FROM issues WHERE title = 'Tell us "
	    "when our social worker changes'", "") != 1)
		issue = 0;
	if (db_exec(db, "INSERT INTO meetings (title, starts_at, place, "
	    "invited, minutes_published, created_at, created_by) VALUES "
	    "('Northbridge Voices, autumn meeting', ?1, 'Town hall', "
	    "'All members', 1, ?2, ?3)", "iii", now - 40 * DAY,
	    now - 60 * DAY, worker->id) == -1)
		return (-1);
	meeting = db_last_id(db);
	return (db_exec(db, "INSERT INTO agenda_items (meeting_id, position, "
	    "kind, issue_id, title, minutes, for_board, board_reply, "
	    "board_reply_at) VALUES (?1, 1, ?2, ?3, 'Tell us when our social "
	    "worker changes', 'Members want a letter or a call before a "
	    "social worker leaves.', 1, 'The board agreed: from next month "
	    "every young person is told two weeks before their social worker "
	    "changes. The head of service will report back in March.', ?4)",
	    "itIi", meeting, issue ? "issue" : "free", issue,
	    now - 20 * DAY));
}

/* The worker's commentary on the report as it opens by default today. */
static int
commentary(struct db *db, const struct actor *worker, int64_t now)
{
	struct arena	 a;
	int64_t		 from, to;
	int		 rc;

	arena_init(&a);
	rc = time_parse_date(time_iso_date(&a, now - 365 * DAY), &from) ||
	    time_parse_date(time_iso_date(&a, now), &to);
	arena_free(&a);
	if (rc != 0)
		return (-1);
	return (db_exec(db, "INSERT INTO report_commentary (period_from, "
	    "period_to, section, body, updated_by, updated_at) VALUES "
	    "(?1, ?2, 'raised', 'Fewer views about things to do than last "
	    "year: the free leisure pass answered the most common ask. "
	    "Social workers changing without notice is still raised most "
	    "often; the board replied on it this autumn.', ?3, ?4)", "iiii",
	    from, time_day_after(to), worker->id, now));
}

/* Inside the caller's transaction, after seed_views. 0 on success. */
int
seed_board(struct db *db, int64_t now, char *err, size_t errlen)
{
	struct actor	 worker = { 0, "Priya Shah", "participation_worker",
			    "" };
	struct actor	 cllr = { 0, "Cllr Sam Okafor", "councillor", "" };
	size_t		 i;

	if (db_int(db, &worker.id, "SELECT id FROM users WHERE role = "
	    "'participation_worker' ORDER BY id LIMIT 1", "") != 1 ||
	    db_int(db, &cllr.id, "SELECT id FROM users WHERE role = "
	    "'councillor' ORDER BY id LIMIT 1", "") != 1)
		return (-1);
	for (i = 0; i < sizeof(old) / sizeof(old[0]); i++)
		if (old_view(db, &worker, &cllr, i, now) == -1) {
			(void)snprintf(err, errlen, "demo view \"%s\": %s",
			    old[i].title, db_errmsg(db));
			return (-1);
		}
	if (board_item(db, &worker, now) == -1 ||
	    commentary(db, &worker, now) == -1) {
		(void)snprintf(err, errlen, "demo board: %s", db_errmsg(db));
		return (-1);
	}
	return (0);
}
