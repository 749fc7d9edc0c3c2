/*
 * mydata.c: everything held about one person, and what they may remove
 * (see mydata.h). The collection is one tree: the page renders it, the
 * download serialises it, so they say the same.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "agent.h"
#include "issues.h"
#include "mydata.h"
#include "notify.h"
#include "pledge.h"
#include "timefmt.h"
#include "users.h"

#define NITEMS(x)	(sizeof(x) / sizeof((x)[0]))

static const char *sql_account =
	"SELECT display_name, role, coalesce(age_band, ''), "
	"coalesce(lives_outside, 0), created_at, "
	"coalesce(signin_name, display_name) FROM users WHERE id = ?1";
static const char *sql_views =
	"SELECT v.id, v.title, v.body, v.better, c.name, v.state, "
	"coalesce(i.state, ''), v.created_at, v.share, v.publish, "
	"v.read_at IS NOT NULL, EXISTS (SELECT 1 FROM concerns k WHERE "
	"k.kind = 'view' AND k.item_id = v.id) FROM views v "
	"JOIN categories c ON c.id = v.category_id "
	"LEFT JOIN issues i ON i.id = v.issue_id "
	"WHERE v.author_id = ?1 ORDER BY v.id";
static const char *sql_events =
	"SELECT e.view_id, e.at, e.text FROM view_events e "
	"JOIN views v ON v.id = e.view_id WHERE v.author_id = ?1 "
	"ORDER BY e.view_id, e.id";
static const char *sql_verdicts =
	"SELECT p.title, vd.verdict, vd.comment, vd.at, vd.current "
	"FROM verdicts vd JOIN promises p ON p.id = vd.promise_id "
	"WHERE vd.user_id = ?1 ORDER BY vd.id";
/* Named consultation answers only: an anonymous response has no
 * account id, so it is nobody's here. */
static const char *sql_consult =
	"SELECT c.title, q.text, coalesce(o.label, CAST(a.scale AS TEXT), "
	"a.text), r.started_at FROM consult_answers a "
	"JOIN consult_responses r ON r.id = a.response_id "
	"JOIN consultations c ON c.id = r.consultation_id "
	"JOIN consult_questions q ON q.id = a.question_id "
	"LEFT JOIN consult_options o ON o.id = a.option_id "
	"WHERE r.user_id = ?1 ORDER BY a.id";
/* "Did it happen?" answers (actions.c). */
static const char *sql_happened =
	"SELECT a.what, aa.answer, aa.at FROM action_answers aa "
	"JOIN actions a ON a.id = aa.action_id WHERE aa.user_id = ?1 "
	"ORDER BY aa.action_id";
static const char *sql_notes =
	"SELECT at, text FROM notifications WHERE user_id = ?1 ORDER BY id";
static const char *sql_drafts =
	"SELECT created_at, title, body, better FROM drafts "
	"WHERE user_id = ?1 OR owner_id = ?1";
/* Their own words and choices elsewhere: agenda suggestions, "ask
 * again" requests with the worker's answer, "me too". */
static const char *sql_suggestions =
	"SELECT m.title, s.text, s.state, s.created_at "
	"FROM agenda_suggestions s JOIN meetings m ON m.id = s.meeting_id "
	"WHERE s.user_id = ?1 ORDER BY s.id";
/* An issue by what the public reads of it: its first title may hold
 * words another young person kept private. */
static const char *sql_appeals =
	"SELECT " ISSUE_PUBLIC_TITLE ", a.reason, a.state, "
	"coalesce(a.decision_reason, ''), a.created_at FROM answer_appeals a "
	"JOIN issues i ON i.id = a.issue_id "
	"JOIN categories c ON c.id = i.category_id "
	"WHERE a.user_id = ?1 ORDER BY a.id";
static const char *sql_metoo =
	"SELECT " ISSUE_PUBLIC_TITLE ", s.created_at "
	"FROM issue_support s JOIN issues i ON i.id = s.issue_id "
	"JOIN categories c ON c.id = i.category_id "
	"WHERE s.user_id = ?1 ORDER BY s.created_at";
/* Browsers and sessions by their dates only: the stored digests are
 * keys to the account, never shown, even to its owner. */
static const char *sql_devices =
	"SELECT seen_at FROM known_devices WHERE user_id = ?1 "
	"ORDER BY seen_at DESC";
static const char *sql_sessions =
	"SELECT created_at, seen_at, agent FROM sessions WHERE user_id = ?1 "
	"ORDER BY seen_at DESC";
static const char *sql_signins =
	"SELECT at, action, ip FROM audit_log WHERE actor_id = ?1 "
	"AND action LIKE 'sign%' ORDER BY id DESC LIMIT 200";
/* Meetings they were invited to, and whether they came: never who else
 * was (the meeting's own list of names is not read). */
static const char *sql_meetings =
	"SELECT m.title, m.starts_at, mi.attendance, mi.added_at "
	"FROM meeting_invitees mi JOIN meetings m ON m.id = mi.meeting_id "
	"WHERE mi.user_id = ?1 ORDER BY m.starts_at, m.id";
/*
 * The rest of the audit log about them: what they did (sign-ins are
 * listed apart), and what staff did to their account, marked "team:"
 * and shown without who or from where. Concerns are the safety team's
 * note, kept apart like it.
 */
static const char *sql_doings =
	"SELECT at, CASE WHEN actor_id = ?1 THEN action "
	"ELSE 'team:' || action END, "
	"CASE WHEN actor_id = ?1 THEN ip ELSE '' END FROM audit_log "
	"WHERE ((actor_id = ?1 AND action NOT LIKE 'sign%') OR "
	"(object_type = 'user' AND object_id = ?1 AND actor_id IS NOT ?1)) "
	"AND action NOT LIKE 'concern.%' ORDER BY id DESC";
/* The same for the page: one line a kind a day, how many, newest first. */
static const char *sql_doing_days =
	"SELECT max(at), CASE WHEN actor_id = ?1 THEN action "
	"ELSE 'team:' || action END, count(*) FROM audit_log "
	"WHERE ((actor_id = ?1 AND action NOT LIKE 'sign%') OR "
	"(object_type = 'user' AND object_id = ?1 AND actor_id IS NOT ?1)) "
	"AND action NOT LIKE 'concern.%' "
	"GROUP BY date(at, 'unixepoch', 'localtime'), 2 "
	"ORDER BY 1 DESC LIMIT 200";
static const char *sql_answered_before =
	"SELECT count(*) FROM answers_before WHERE issue_id = ?1";
static const char *sql_flags_of =
	"SELECT count(*) FROM concerns WHERE kind = 'view' AND item_id = ?1";
static const char *sql_del_notes =
	"DELETE FROM notifications WHERE view_id = ?1";
static const char *sql_del_events =
	"DELETE FROM view_events WHERE view_id = ?1";
/*
 * A private view in an issue keeps its row, emptied and nobody's: the
 * issue must still count as holding a private view, or it could be
 * published under its first title, which may be this person's words
 * (ISSUE_PUBLIC_TITLE; erasure does the same, retention.c).
 */
static const char *sql_empty_view =
	"UPDATE views SET title = 'Deleted by the young person', body = '', "
	"better = '', outcome_text = NULL, author_id = NULL WHERE id = ?1 "
	"AND issue_id IS NOT NULL AND publish = 'no'";
static const char *sql_del_view =
	"DELETE FROM views WHERE id = ?1 AND (issue_id IS NULL OR "
	"publish != 'no')";
static const char *sql_hide =
	"UPDATE views SET publish = 'anonymous' "
	"WHERE author_id = ?1 AND publish = 'name'";

static int
collect_account(struct db *db, int64_t uid, struct tval *root)
{
	struct tval	*acc;
	sqlite3_stmt	*st;
	const char	*band;
	int		 rc;

	st = db_query(db, sql_account, "i", uid);
	if ((rc = db_step(st)) == 1) {
		acc = tv_set_map(root, "account");
		tv_set_str(acc, "display_name", db_col_text(st, 0));
		tv_set_str(acc, "role", role_label(role_parse(
		    db_col_text(st, 1))));
		band = age_band_label(db_col_text(st, 2));
		tv_set_str(acc, "age_band", band ? band : "");
		tv_set_str(acc, "lives", sqlite3_column_int(st, 3) ?
		    "outside the council's area" : "inside the council's area");
		tv_set_str(acc, "joined", time_date(tv_arena(acc),
		    sqlite3_column_int64(st, 4)));
		/* Their own data: the private name belongs in it. */
		tv_set_str(acc, "signin_name", db_col_text(st, 5));
	}
	db_done(st);
	return (rc == 1 ? 0 : -1);
}

/* Views with their timelines: two queries walked side by side. */
static int
collect_views(struct db *db, int64_t uid, struct tval *root)
{
	struct tval	*list, *row, *tl;
	sqlite3_stmt	*vs, *es;
	struct view	 v;
	int64_t		 vid;
	int		 rc, erc;

	list = tv_set_list(root, "views");
	vs = db_query(db, sql_views, "i", uid);
	es = db_query(db, sql_events, "i", uid);
	erc = db_step(es);
	while ((rc = db_step(vs)) == 1) {
		vid = sqlite3_column_int64(vs, 0);
		row = tv_push_map(list);
		tv_set_int(row, "id", vid);
		tv_set_str(row, "title", db_col_text(vs, 1));
		tv_set_str(row, "what_you_wrote", db_col_text(vs, 2));
		tv_set_str(row, "what_would_make_it_better", db_col_text(vs,
		    3));
		tv_set_str(row, "about", db_col_text(vs, 4));
		tv_set_str(row, "state", views_label(db_col_text(vs, 5),
		    db_col_text(vs, 6), sqlite3_column_int(vs, 10)));
		tv_set_str(row, "sent", time_human(tv_arena(row),
		    sqlite3_column_int64(vs, 7)));
		tv_set_bool(row, "councillors_may_read", sqlite3_column_int(vs,
		    8));
		tv_set_str(row, "sharing_the_answer", db_col_text(vs, 9));
		memset(&v, 0, sizeof(v));
		v.id = vid;
		(void)snprintf(v.state, sizeof(v.state), "%s",
		    db_col_text(vs, 5));
		(void)snprintf(v.issue_state, sizeof(v.issue_state), "%s",
		    db_col_text(vs, 6));
		/* A view about their safety is kept (mydata_delete_view):
		 * no button that can only be refused, but why, beside it. */
		tv_set_bool(row, "kept_for_safety", sqlite3_column_int(vs,
		    11));
		tv_set_bool(row, "can_delete", mydata_may_delete(&v) &&
		    !sqlite3_column_int(vs, 11));
		tv_set_bool(row, "kept_answered", !mydata_may_delete(&v) &&
		    !sqlite3_column_int(vs, 11));
		tl = tv_set_list(row, "timeline");
		while (erc == 1 && sqlite3_column_int64(es, 0) <= vid) {
			if (sqlite3_column_int64(es, 0) == vid) {
				struct tval *ev = tv_push_map(tl);

				tv_set_str(ev, "at", time_human(tv_arena(ev),
				    sqlite3_column_int64(es, 1)));
				tv_set_str(ev, "text", db_col_text(es, 2));
			}
			erc = db_step(es);
		}
	}
	db_done(vs);
	db_done(es);
	return (rc == -1 || erc == -1 ? -1 : 0);
}

/* A column of a simple list: its key, and the words for its codes. */
struct col {
	const char	*key;
	const char	*(*label)(struct arena *, const char *);
};

/* A code and the words a young person reads for it. */
struct words {
	const char	*code;
	const char	*words;
};

static const char *
words_for(const struct words *w, size_t n, const char *code,
    const char *other)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(w[i].code, code) == 0)
			return (w[i].words);
	return (other);
}

/* The Pledge check's and "Did it happen?"'s own choices. */
static const char *
answer_label(struct arena *a, const char *code)
{
	(void)a;
	return (pledge_verdict_words(code));
}

static const char *
signin_label(struct arena *a, const char *code)
{
	static const struct words w[] = {
		{ "signin.success", "Signed in" },
		{ "signin.failure", "Wrong password" },
		{ "signout", "Signed out" },
		{ "signout.others", "Signed out everywhere else" },
	};

	(void)a;
	return (words_for(w, NITEMS(w), code, "Signing in or out"));
}

static const char *
attendance_label(struct arena *a, const char *code)
{
	static const struct words w[] = {
		{ "attended", "You came" },
		{ "apologies", "You told us you could not come" },
		{ "absent", "You did not come" },
	};

	(void)a;
	return (words_for(w, NITEMS(w), code, "We have not written down "
	    "yet whether you came"));
}

/* An audit action in words; "team:" marks one staff did. */
static const char *
doing_label(struct arena *a, const char *code)
{
	static const struct words w[] = {
		{ "view.create", "You sent a view" },
		{ "view.create.flagged", "You sent a view" },
		{ "view.delete", "You deleted one of your views" },
		{ "view.withdraw", "You took back one of your views" },
		{ "view.hide_name", "You took your name off answers" },
		{ "view.draft_save", "You saved a view to finish later" },
		{ "account.create", "Your account was made" },
		{ "account.close_request", "You asked us to close your "
		    "account" },
		{ "account.rename", "You changed the name people see here" },
		{ "account.signin_name", "You changed the name you sign in "
		    "with" },
		{ "account.details", "You changed your age or where you "
		    "live" },
		{ "password.change", "You changed your password" },
		{ "password.reset", "You chose a new password with a code" },
		{ "issue.metoo", "You said \"me too\" to an answer" },
		{ "issue.metoo_undo", "You took back a \"me too\"" },
		{ "verdict.set", "You told us how our promises are kept" },
		{ "verdict.set.flagged", "You told us how our promises are "
		    "kept" },
		{ "comment.draft", "You commented on a promise we were "
		    "writing" },
		{ "comment.draft.flagged", "You commented on a promise we "
		    "were writing" },
		{ "meeting.suggest", "You gave an idea for a meeting" },
		{ "meeting.suggest.flagged", "You gave an idea for a "
		    "meeting" },
		{ "appeal.create", "You asked us to look again at an "
		    "answer" },
		{ "appeal.create.flagged", "You asked us to look again at an "
		    "answer" },
		{ "action.happened", "You answered \"Did it happen?\"" },
		{ "consult.start", "You started a consultation, with your "
		    "name" },
		{ "consult.answer", "You finished a consultation, with your "
		    "name" },
		{ "team:account.create", "Your account was made" },
		{ "team:account.disable", "The council's team turned your "
		    "account off" },
		{ "team:account.enable", "The council's team turned your "
		    "account back on" },
		{ "team:account.board", "The council's team wrote down that "
		    "you are on the corporate parenting board" },
		{ "team:account.board_off", "The council's team wrote down "
		    "that you are not on the corporate parenting board any "
		    "more" },
		{ "team:account.details", "The council's team changed your "
		    "age or where you live" },
		{ "team:invite.reset_create", "The council's team made you a "
		    "code to choose a new password" },
	};

	(void)a;
	return (words_for(w, NITEMS(w), code, strncmp(code, "team:", 5) ==
	    0 ? "The council's team changed something about your account" :
	    "You used this website"));
}

static const char *
suggestion_label(struct arena *a, const char *code)
{
	static const struct words w[] = {
		{ "received", "Waiting for a participation worker to read it" },
		{ "accepted", "Put on the meeting's list of things to talk "
		    "about" },
		{ "declined", "Not put on the list this time" },
	};

	(void)a;
	return (words_for(w, NITEMS(w), code, code));
}

static const char *
appeal_label(struct arena *a, const char *code)
{
	static const struct words w[] = {
		{ "open", "Waiting for a participation worker to decide" },
		{ "reopened", "A participation worker asked the councillor to "
		    "answer again" },
		{ "declined", "A participation worker decided not to send it "
		    "back to the councillor" },
	};

	(void)a;
	return (words_for(w, NITEMS(w), code, code));
}

static const char *
current_label(struct arena *a, const char *code)
{
	(void)a;
	return (strcmp(code, "1") == 0 ? "Your latest answer" :
	    "An older answer");
}

/* Keys whose column is a time, shown in words. */
/* "3 times"; nothing for once. */
static const char *
times_label(struct arena *a, const char *n)
{
	return (strcmp(n, "1") == 0 ? "" : arena_printf(a, "%s times", n));
}

static int
time_key(const char *key)
{
	return (strcmp(key, "at") == 0 || strcmp(key, "started") == 0 ||
	    strcmp(key, "last_seen") == 0 || strcmp(key, "invited") == 0);
}

/*
 * Rows of a simple query into a list of maps with the given columns;
 * codes go through their column's label, so no internal code reaches
 * the page or the file.
 */
static int
collect_rows(struct db *db, const char *sql, int64_t uid, struct tval *list,
    const struct col *cols, size_t ncols)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	const char	*text;
	size_t		 i;
	int		 rc;

	st = db_query(db, sql, "i", uid);
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		for (i = 0; i < ncols; i++) {
			if (time_key(cols[i].key)) {
				tv_set_str(row, cols[i].key, time_human(
				    tv_arena(row), sqlite3_column_int64(st,
				    (int)i)));
				continue;
			}
			text = db_col_text(st, (int)i);
			tv_set_str(row, cols[i].key, cols[i].label != NULL ?
			    cols[i].label(tv_arena(row), text) : text);
		}
	}
	db_done(st);
	return (rc);
}

/* Everything the portal holds about person uid, into root. */
int
mydata_collect(struct db *db, int64_t uid, struct tval *root)
{
	static const struct col verdict_cols[] = { { "promise", NULL },
	    { "answer", answer_label }, { "comment", NULL }, { "at", NULL },
	    { "current", current_label } };
	static const struct col note_cols[] = { { "at", NULL },
	    { "message", NULL } };
	static const struct col happened_cols[] = { { "action", NULL },
	    { "answer", answer_label }, { "at", NULL } };
	static const struct col signin_cols[] = { { "at", NULL },
	    { "what", signin_label }, { "from", NULL } };
	static const struct col consult_cols[] = { { "consultation", NULL },
	    { "question", NULL }, { "answer", NULL }, { "at", NULL } };
	static const struct col draft_cols[] = { { "at", NULL },
	    { "title", NULL }, { "words", NULL }, { "better", NULL } };
	static const struct col suggestion_cols[] = { { "meeting", NULL },
	    { "words", NULL }, { "state", suggestion_label }, { "at", NULL } };
	static const struct col appeal_cols[] = { { "issue", NULL },
	    { "your_reason", NULL }, { "state", appeal_label },
	    { "why", NULL }, { "at", NULL } };
	static const struct col metoo_cols[] = { { "issue", NULL },
	    { "at", NULL } };
	static const struct col meeting_cols[] = { { "meeting", NULL },
	    { "at", NULL }, { "came", attendance_label },
	    { "invited", NULL } };
	static const struct col doing_cols[] = { { "at", NULL },
	    { "what", doing_label }, { "from", NULL } };
	static const struct col day_cols[] = { { "at", NULL },
	    { "what", doing_label }, { "times", times_label } };
	static const struct col device_cols[] = { { "last_seen", NULL } };
	static const struct col session_cols[] = { { "started", NULL },
	    { "last_seen", NULL }, { "device", agent_words } };

	tv_set_str(root, "exported_at", time_human(tv_arena(root),
	    (int64_t)time(NULL)));
	/* Said in the file as on the page: concerns are not in it. */
	tv_set_str(root, "safety_records", "If something you wrote made us "
	    "worry about your safety, the safety team keeps its own note "
	    "about it. That note is not in this file, and it is not deleted "
	    "with the rest.");
	if (collect_account(db, uid, root) == -1 ||
	    collect_views(db, uid, root) == -1 ||
	    collect_rows(db, sql_verdicts, uid, tv_set_list(root,
	    "pledge_answers"), verdict_cols, NITEMS(verdict_cols)) == -1 ||
	    collect_rows(db, sql_consult, uid, tv_set_list(root,
	    "consultation_answers"), consult_cols, NITEMS(consult_cols)) ==
	    -1 ||
	    collect_rows(db, sql_happened, uid, tv_set_list(root,
	    "did_it_happen"), happened_cols, NITEMS(happened_cols)) == -1 ||
	    collect_rows(db, sql_notes, uid, tv_set_list(root, "messages"),
	    note_cols, NITEMS(note_cols)) == -1 ||
	    collect_rows(db, sql_drafts, uid, tv_set_list(root,
	    "saved_for_later"), draft_cols, NITEMS(draft_cols)) == -1 ||
	    collect_rows(db, sql_suggestions, uid, tv_set_list(root,
	    "meeting_suggestions"), suggestion_cols, NITEMS(suggestion_cols))
	    == -1 ||
	    collect_rows(db, sql_meetings, uid, tv_set_list(root,
	    "meetings_invited_to"), meeting_cols, NITEMS(meeting_cols)) ==
	    -1 ||
	    collect_rows(db, sql_appeals, uid, tv_set_list(root,
	    "asked_to_look_again"), appeal_cols, NITEMS(appeal_cols)) == -1 ||
	    collect_rows(db, sql_metoo, uid, tv_set_list(root, "me_too"),
	    metoo_cols, NITEMS(metoo_cols)) == -1 ||
	    collect_rows(db, sql_devices, uid, tv_set_list(root,
	    "browsers_you_signed_in_from"), device_cols, NITEMS(device_cols))
	    == -1 ||
	    collect_rows(db, sql_sessions, uid, tv_set_list(root,
	    "signed_in_now"), session_cols, NITEMS(session_cols)) == -1 ||
	    collect_rows(db, sql_signins, uid, tv_set_list(root, "sign_ins"),
	    signin_cols, NITEMS(signin_cols)) == -1 ||
	    collect_rows(db, sql_doings, uid, tv_set_list(root,
	    "what_you_did"), doing_cols, NITEMS(doing_cols)) == -1 ||
	    collect_rows(db, sql_doing_days, uid, tv_set_list(root,
	    "what_you_did_by_day"), day_cols, NITEMS(day_cols)) == -1)
		return (-1);
	return (0);
}

/* A view may be deleted by its author until a councillor has answered. */
int
mydata_may_delete(const struct view *v)
{
	if (strcmp(v->state, "received") == 0 ||
	    strcmp(v->state, "withdrawn") == 0 ||
	    strcmp(v->state, "redirected") == 0 ||
	    strcmp(v->state, "rejected") == 0)
		return (1);
	return (strcmp(v->issue_state, "open") == 0 ||
	    strcmp(v->issue_state, "with_councillor") == 0);
}

/*
 * Delete a view and its timeline. Refused (-1 with *why) once answered,
 * or when it was about the young person's safety: that record is kept.
 */
int
mydata_delete_view(struct db *db, const struct actor *who,
    const struct view *v, const char **why)
{
	int64_t	 flags;

	*why = NULL;
	if (!mydata_may_delete(v)) {
		*why = "A councillor has answered this, so it is part of the "
		    "record. You can still take your name off it.";
		return (-1);
	}
	/* Answered before it was reopened: part of the record too. */
	if (db_int(db, &flags, sql_answered_before, "i", v->issue_id) != 1)
		return (-1);
	if (flags > 0) {
		*why = "A councillor has answered this, so it is part of the "
		    "record. You can still take your name off it.";
		return (-1);
	}
	if (db_int(db, &flags, sql_flags_of, "i", v->id) != 1)
		return (-1);
	if (flags > 0) {
		*why = "We have to keep this one, because it was about your "
		    "safety. Please talk to your participation worker.";
		return (-1);
	}
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_del_notes, "i", v->id) != 0 ||
	    db_exec(db, sql_del_events, "i", v->id) != 0 ||
	    db_exec(db, sql_empty_view, "i", v->id) != 0 ||
	    db_exec(db, sql_del_view, "i", v->id) != 0 ||
	    audit_write(db, who, "view.delete", "view", v->id, "") == -1 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/* Show no name on any published outcome of this person's views. */
int
mydata_hide_name(struct db *db, const struct actor *who, int64_t uid, int *n)
{
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_hide, "i", uid) != 0) {
		db_rollback(db);
		return (-1);
	}
	*n = db_changes(db);
	if (audit_write(db, who, "view.hide_name", "user", uid, "") == -1 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/* Whether workers were told these very words in the last ten minutes. */
static int
told_lately(struct db *db, const char *text, int64_t now)
{
	int64_t	 n;

	return (db_int(db, &n, "SELECT count(*) FROM notifications WHERE "
	    "text = ?1 AND at > ?2", "ti", text, now - 600) == 1 && n > 0);
}

/*
 * A young person asks for their account to be closed. Every participation
 * worker is told in the portal (notifications are never mailed), with
 * their words when they gave some that did not worry the scan; worrying
 * words are in a concern already (concern_name), so the note only points
 * there. The audit log records the request, never the words.
 */
int
mydata_ask_close(struct db *db, const struct actor *who, const char *words,
    int worried, int64_t now)
{
	struct arena	 a;
	const char	*text;
	int		 rc;

	arena_init(&a);
	text = arena_printf(&a, "%s asked us to close their account. Please "
	    "talk to them before you turn it off.", who->name);
	if (worried)
		text = arena_printf(&a, "%s What they wrote worried the "
		    "safeguarding check: it is on the urgent list.", text);
	else if (words != NULL && *words != '\0')
		text = arena_printf(&a, "%s They wrote: \"%s\"", text, words);
	rc = -1;
	if (db_begin(db) == 0) {
		if (told_lately(db, text, now)) {
			/* The same sent twice (a double click, a resend):
			 * told once. */
			db_rollback(db);
			rc = 0;
		} else if (notify_workers(db, now, text, arena_printf(&a,
		    "/accounts/%lld/view", (long long)who->id)) == 0 &&
		    audit_write(db, who, "account.close_request", "user",
		    who->id, "") == 0 && db_commit(db) == 0)
			rc = 0;
		else
			db_rollback(db);
	}
	arena_free(&a);
	return (rc);
}
