/*
 * test_retention.c: the retention purge over every table that points at
 * an account (issue 17, item 5), and the audit log's forgetting (item 6).
 *
 * The tables are found from the schema: a table added later that points
 * at users fails this test until it has a row here, and then the purge
 * must still work with it.
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

#include "audit.h"
#include "retention.h"
#include "tmpl.h"
#include "unitdb.h"

UNITDB_GROUP("/tmp/portal-retention-XXXXXX")

#define DAY	86400

static int64_t	 now;
static int64_t	 kept_id;	/* has a worrying comment: wiped, kept */
static int64_t	 gone_id;	/* nothing to keep: deleted */
static int64_t	 old_plain, old_flagged;

static const struct actor system_actor = { 0, "test", "", "" };

struct fixture {
	const char	*table;
	const char	*sql;
};

/*
 * A row pointing at account ?1 in each table that can; ?2 is now. Parents
 * they need are made first. Both accounts get each row.
 */
static const struct fixture rows[] = {
	{ "invites", "INSERT INTO invites (code_hash, kind, role, user_id, "
	    "created_by, created_at, expires_at, used_at, used_by) VALUES "
	    "(randomblob(32), 'reset', 'young_person', ?1, ?1, ?2, ?2, ?2, "
	    "?1)" },
	{ "sessions", "INSERT INTO sessions (token_hash, user_id, csrf, "
	    "created_at, seen_at) VALUES (randomblob(32), ?1, 'c', ?2, ?2)" },
	{ "known_devices", "INSERT INTO known_devices (token_hash, user_id, "
	    "seen_at) VALUES (randomblob(32), ?1, ?2)" },
	{ "form_owners", "INSERT INTO form_owners (csrf_hash, user_id, "
	    "created_at) VALUES (hex(randomblob(32)), ?1, ?2)" },
	{ "issues", "INSERT INTO issues (category_id, title, summary, state, "
	    "councillor_id, created_at, created_by) VALUES (1, 'Issue', 'S', "
	    "'open', ?1, ?2, ?1)" },
	{ "views", "INSERT INTO views (author_id, category_id, title, body, "
	    "state, created_at, moderated_by, issue_id, read_by, entered_by, "
	    "given_via) VALUES (?1, 1, 'Recent', 'b', 'approved', ?2, ?1, "
	    "(SELECT max(id) FROM issues), ?1, ?1, 'paper')" },
	{ "notifications", "INSERT INTO notifications (user_id, view_id, at, "
	    "text) VALUES (?1, (SELECT max(id) FROM views), ?2, 't')" },
	{ "safeguarding_flags", "INSERT INTO safeguarding_flags (view_id, "
	    "topics, created_at, cleared_at, cleared_by, action_taken) VALUES "
	    "((SELECT max(id) FROM views), 'abuse', ?2, ?2, ?1, 'Told the "
	    "social worker')" },
	{ "pledge_versions", "INSERT INTO pledge_versions (title, intro, "
	    "starts_on, review_on, state, created_at, created_by) VALUES "
	    "('P', 'i', ?2, ?2, 'past', ?2, ?1)" },
	{ "promises", "INSERT INTO promises (version_id, theme_id, title, "
	    "owner_id) VALUES ((SELECT max(id) FROM pledge_versions), (SELECT "
	    "min(id) FROM pledge_themes), 'Promise', ?1)" },
	{ "promise_updates", "INSERT INTO promise_updates (promise_id, at, "
	    "by_id, status, progress, evidence) VALUES ((SELECT max(id) FROM "
	    "promises), ?2, ?1, 'kept', 100, 'e')" },
	{ "verdicts", "INSERT INTO verdicts (promise_id, user_id, verdict, "
	    "at, current) VALUES ((SELECT max(id) FROM promises), ?1, 'yes', "
	    "?2, 0)" },
	{ "personal_pledges", "INSERT INTO personal_pledges (councillor_id, "
	    "text, created_at, updated_at) VALUES (?1, 'I will', ?2, ?2)" },
	{ "meetings", "INSERT INTO meetings (title, starts_at, created_at, "
	    "created_by) VALUES ('M', ?2, ?2, ?1)" },
	{ "agenda_suggestions", "INSERT INTO agenda_suggestions (meeting_id, "
	    "user_id, text, created_at) VALUES ((SELECT max(id) FROM "
	    "meetings), ?1, 'Bus passes', ?2)" },
	/* Emptied, kept: a meeting's attendance counts stay true. */
	{ "meeting_invitees", "INSERT INTO meeting_invitees (meeting_id, "
	    "user_id, added_at, added_by) VALUES ((SELECT max(id) FROM "
	    "meetings), ?1, ?2, ?1)" },
	/* Young people answer back (answerback.c). */
	{ "answer_appeals", "INSERT INTO answer_appeals (issue_id, user_id, "
	    "reason, state, created_at, decided_by, decided_at, "
	    "decision_reason) VALUES ((SELECT max(id) FROM issues), ?1, "
	    "'Look again', 'declined', ?2, ?1, ?2, 'Not this year')" },
	{ "consultations", "INSERT INTO consultations (title, opens_at, "
	    "closes_at, created_by, created_at) VALUES ('C', ?2, ?2 + 1, ?1, "
	    "?2)" },
	{ "consult_responses", "INSERT INTO consult_responses "
	    "(consultation_id, user_id, marker, anonymous, started_at) VALUES "
	    "((SELECT max(id) FROM consultations), ?1, randomblob(32), 0, ?2)" },
	{ "issue_support", "INSERT INTO issue_support (issue_id, user_id, "
	    "created_at) VALUES ((SELECT max(id) FROM issues), ?1, ?2)" },
	{ "drafts", "INSERT INTO drafts (key, title, body, created_at, "
	    "user_id) VALUES ('user:' || ?1, 't', 'Saved for later', ?2, ?1)" },
	{ "drafts", "INSERT INTO drafts (key, title, body, created_at, "
	    "owner_id) VALUES ('ran out:' || ?1, 't', 'Kept when the session "
	    "ran out', ?2, ?1)" },
	{ "concerns", "INSERT INTO concerns (kind, item_id, author_id, text, "
	    "source, raised_by, reason, created_at, held_by, held_at, "
	    "closed_at, closed_by, action) VALUES ('account', ?1, NULL, 'w', "
	    "'worker', ?1, 'A reason', ?2, ?1, ?2, ?2, ?1, 'Told the social "
	    "worker the same day')" },
	{ "concern_notes", "INSERT INTO concern_notes (concern_id, author_id, "
	    "author_name, text, created_at) VALUES ((SELECT max(id) FROM "
	    "concerns), ?1, 'A worker', 'Rang back the next day', ?2)" },
	{ "actions", "INSERT INTO actions (issue_id, what, owner_id, state, "
	    "evidence, happened_on, closed_at, closed_by, created_at) VALUES "
	    "((SELECT max(id) FROM issues), 'Passes', ?1, 'done', 'Sent to "
	    "every carer', ?2, ?2, ?1, ?2)" },
	{ "action_answers", "INSERT INTO action_answers (action_id, user_id, "
	    "answer, at) VALUES ((SELECT max(id) FROM actions), ?1, 'yes', "
	    "?2)" },
};

/*
 * What only the account to keep has: records that must stay, and so keep
 * the account (wiped). A table of safeguarding records whose link to the
 * account cannot be emptied (NOT NULL) belongs here rather than in rows[].
 */
static const struct fixture keep_rows[] = {
	{ "verdicts", "INSERT INTO verdicts (promise_id, user_id, verdict, "
	    "comment, comment_state, urgent, topics, at, current) VALUES "
	    "((SELECT max(id) FROM promises), ?1, 'no', 'my carer hits me', "
	    "'received', 1, 'abuse', ?2, 1)" },
	{ "agenda_suggestions", "INSERT INTO agenda_suggestions (meeting_id, "
	    "user_id, text, urgent, created_at) VALUES ((SELECT max(id) FROM "
	    "meetings), ?1, 'i want to kill myself', 1, ?2)" },
	/* Only staff pass a view on; a staff account is never purged. */
	{ "redirects", "INSERT INTO redirects (view_id, route, contact_name, "
	    "by_id, by_name, at) VALUES ((SELECT max(id) FROM views), "
	    "'advocate', 'Advocacy', ?1, 'Worker', ?2)" },
	/* Only workers write the board report's commentary. */
	{ "report_commentary", "INSERT INTO report_commentary (period_from, "
	    "period_to, section, body, updated_by, updated_at) VALUES "
	    "(?2 + ?1, ?2 + ?1 + 1, 'raised', 'Commentary', ?1, ?2)" },
	/* Only councillors write answers and workers check them. */
	{ "answer_checks", "INSERT INTO answer_checks (issue_id, "
	    "councillor_id, state, decision, response, written_at, noted_by) "
	    "VALUES ((SELECT max(id) FROM issues), ?1, 'waiting', 'agreed', "
	    "'Yes', ?2, ?1)" },
	/* An answer given before a reopen: a councillor's, so staff. */
	{ "answers_before", "INSERT INTO answers_before (issue_id, "
	    "councillor_id, decision, answered_at) VALUES ((SELECT max(id) "
	    "FROM issues), ?1, 'agreed', ?2)" },
	{ "issue_moves", "INSERT INTO issue_moves (issue_id, councillor_id, "
	    "sent_at, due_at, moved_at) VALUES ((SELECT max(id) FROM issues), "
	    "?1, ?2, ?2, ?2)" },
};

static const char *sql_refs =
	"SELECT m.name, p.\"from\" FROM sqlite_master m, "
	"pragma_foreign_key_list(m.name) p WHERE m.type = 'table' "
	"AND p.\"table\" = 'users' ORDER BY 1, 2";

static int64_t
n_of(const char *sql)
{
	int64_t	 n;

	assert_int_equal(db_int(db, &n, sql, ""), 1);
	return (n);
}

static int64_t
young(const char *name)
{
	assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
	    "name_key, role, password_hash, age_band, created_at, "
	    "disabled_at) VALUES (?1, ?1, 'young_person', 'h', '16_17', ?2, "
	    "?3)", "tii", name, now - 900 * DAY, now - 400 * DAY), 0);
	return (db_last_id(db));
}

/* Rows of table whose column col holds uid. */
static int64_t
refs_to(const char *table, const char *col, int64_t uid)
{
	sqlite3_stmt	*c;
	char		*sql;
	int64_t		 n;

	sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\" WHERE \"%w\" = "
	    "%lld", table, col, (long long)uid);
	assert_non_null(sql);
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &c, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(c), SQLITE_ROW);
	n = sqlite3_column_int64(c, 0);
	sqlite3_finalize(c);
	sqlite3_free(sql);
	return (n);
}

static void
audit_rows(int64_t uid, const char *name)
{
	struct actor	 a = { uid, name, "young_person", "10.1.2.3" };

	assert_int_equal(audit_write(db, &a, "view.create", "view", 7, ""),
	    0);
	assert_int_equal(audit_write(db, &a, "signin.success", "user", uid,
	    ""), 0);
}

/* Run a fixture: ?1 is the account, ?2 (if used) now. */
static void
fixture(const char *sql, int64_t uid)
{
	sqlite3_stmt	*st;
	int		 i;

	assert_int_equal(sqlite3_prepare_v2(db_handle(db), sql, -1, &st,
	    NULL), SQLITE_OK);
	for (i = 1; i <= sqlite3_bind_parameter_count(st); i++)
		sqlite3_bind_int64(st, i, i == 1 ? uid : now);
	if (sqlite3_step(st) != SQLITE_DONE)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db_handle(db)));
	sqlite3_finalize(st);
}

/* Every table that points at users has a row pointing at both. */
static void
fill_every_table(void)
{
	sqlite3_stmt	*st;
	size_t		 i;
	int		 found;
	int64_t		 n;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		fixture(rows[i].sql, kept_id);
		fixture(rows[i].sql, gone_id);
	}
	for (i = 0; i < sizeof(keep_rows) / sizeof(keep_rows[0]); i++)
		fixture(keep_rows[i].sql, kept_id);
	st = db_query(db, sql_refs, "");
	while (db_step(st) == 1) {
		found = 0;
		for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
			found |= strcmp(rows[i].table, db_col_text(st, 0)) == 0;
		for (i = 0; i < sizeof(keep_rows) / sizeof(keep_rows[0]); i++)
			found |= strcmp(keep_rows[i].table,
			    db_col_text(st, 0)) == 0;
		if (!found)
			fail_msg("%s.%s points at users: add a row for it to "
			    "rows[] (or keep_rows[]) in this test",
			    db_col_text(st, 0), db_col_text(st, 1));
		n = refs_to(db_col_text(st, 0), db_col_text(st, 1), gone_id) +
		    refs_to(db_col_text(st, 0), db_col_text(st, 1), kept_id);
		if (n == 0)
			fail_msg("no row in %s.%s points at the account",
			    db_col_text(st, 0), db_col_text(st, 1));
	}
	db_done(st);
}

/* After the purge: nothing anywhere points at the deleted account. */
static void
nothing_points_at(int64_t uid)
{
	sqlite3_stmt	*st;

	st = db_query(db, sql_refs, "");
	while (db_step(st) == 1)
		if (refs_to(db_col_text(st, 0), db_col_text(st, 1), uid) != 0)
			fail_msg("%s.%s still points at purged account %lld",
			    db_col_text(st, 0), db_col_text(st, 1),
			    (long long)uid);
	db_done(st);
}

static void
purge_handles_every_table(void **state)
{
	struct purge_counts	 c;
	struct arena		 a;
	struct tval		*ctx;
	int64_t			 flags;

	(void)state;
	now = (int64_t)time(NULL);
	kept_id = young("Kept Person");
	gone_id = young("Gone Person");
	fill_every_table();
	audit_rows(kept_id, "Kept Person");
	audit_rows(gone_id, "Gone Person");
	/* Old views: one plain (goes), one with a safeguarding record. */
	assert_int_equal(db_exec(db, "INSERT INTO views (author_id, "
	    "category_id, title, body, state, created_at) VALUES (?1, 1, "
	    "'Old', 'b', 'received', ?2)", "ii", gone_id, now - 1000 * DAY),
	    0);
	old_plain = db_last_id(db);
	assert_int_equal(db_exec(db, "INSERT INTO views (author_id, "
	    "category_id, title, body, state, urgent, created_at) VALUES "
	    "(?1, 1, 'Old worry', 'he hits me', 'received', 1, ?2)", "ii",
	    kept_id, now - 1000 * DAY), 0);
	old_flagged = db_last_id(db);
	assert_int_equal(db_exec(db, "INSERT INTO safeguarding_flags "
	    "(view_id, topics, created_at) VALUES (?1, 'abuse', ?2)", "ii",
	    old_flagged, now - 1000 * DAY), 0);
	flags = n_of("SELECT count(*) FROM safeguarding_flags");
	/* Which counts it moved (release.c): no foreign key says so. */
	assert_int_equal(db_exec(db, "INSERT INTO release_waiting (kind, "
	    "item_id, answer, user_id) VALUES ('metoo', 1, '', ?1)", "i",
	    gone_id), 0);

	/* The dry run and the purge agree, and the purge works. */
	assert_int_equal(retention_purge(db, &system_actor, now, 1, &c), 0);
	assert_int_equal(c.accounts, 2);
	assert_int_equal(retention_purge(db, &system_actor, now, 0, &c), 0);
	assert_int_equal(c.accounts, 1);
	assert_int_equal(c.accounts_kept, 1);
	assert_int_equal(c.views, 1);
	assert_int_equal(c.views_kept, 1);

	/* Gone: the account, and every link to it. */
	assert_int_equal(n_of("SELECT count(*) FROM users WHERE name_key = "
	    "'Gone Person'"), 0);
	nothing_points_at(gone_id);
	assert_int_equal(n_of("SELECT count(*) FROM release_waiting"), 0);
	assert_int_equal(n_of("SELECT count(*) FROM views WHERE title = "
	    "'Old'"), 0);
	/* Both invitations stay, to no one: who came still adds up. */
	assert_int_equal(n_of("SELECT count(*) FROM meeting_invitees WHERE "
	    "user_id IS NULL"), 2);
	/* Kept: safeguarding records, the worrying words, and the wiped
	 * account they point at, with nothing of the person in it. */
	assert_int_equal(n_of("SELECT count(*) FROM safeguarding_flags"),
	    flags);
	assert_int_equal(n_of("SELECT count(*) FROM views WHERE title = "
	    "'Old worry' AND author_id IS NULL"), 1);
	assert_int_equal(n_of("SELECT count(*) FROM verdicts WHERE comment = "
	    "'my carer hits me'"), 1);
	assert_int_equal(n_of("SELECT count(*) FROM agenda_suggestions WHERE "
	    "text = 'i want to kill myself'"), 1);
	assert_int_equal(n_of("SELECT count(*) FROM users WHERE display_name "
	    "= 'Deleted account' AND password_hash = '!' AND age_band IS NULL "
	    "AND purged_at IS NOT NULL"), 1);
	assert_int_equal(n_of("SELECT count(*) FROM sessions"), 0);
	assert_int_equal(n_of("SELECT count(*) FROM known_devices"), 0);
	/* The audit log: what was done stays, who and where go. */
	assert_int_equal(n_of("SELECT count(*) FROM audit_log WHERE action IN "
	    "('view.create', 'signin.success')"), 4);
	assert_int_equal(n_of("SELECT count(*) FROM audit_log WHERE "
	    "actor_name LIKE '%Person%' OR ip != '' OR actor_id IN (SELECT id "
	    "FROM users WHERE role = 'young_person')"), 0);

	/* Done once: a second run finds nothing more to do. */
	assert_int_equal(retention_purge(db, &system_actor, now, 0, &c), 0);
	assert_int_equal(c.accounts + c.accounts_kept + c.views, 0);
	arena_init(&a);
	ctx = tv_map(&a);
	assert_int_equal(retention_last(db, ctx), 0);
	assert_null(tv_get(ctx, "purge_failed"));
	arena_free(&a);
}

/*
 * A concern names its young person without a foreign key: the account
 * it names is wiped to its number, not deleted, like one any other kept
 * record points at.
 */
static void
an_account_a_concern_names_is_kept(void **state)
{
	struct purge_counts	 c;
	int64_t			 id, n;

	(void)state;
	id = young("Worried Person");
	assert_int_equal(db_exec(db, "INSERT INTO concerns (kind, item_id, "
	    "author_id, author_name, text, source, created_at) VALUES "
	    "('account', ?1, ?1, 'Worried Person', 'he hurts me', 'scan', ?2)",
	    "ii", id, now), 0);
	assert_int_equal(retention_purge(db, &system_actor, now, 0, &c), 0);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM users WHERE id "
	    "= ?1 AND display_name = 'Deleted account' AND purged_at IS NOT "
	    "NULL", "i", id), 1);
	assert_int_equal(n, 1);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM concerns WHERE "
	    "author_id = ?1 AND closed_at IS NULL", "i", id), 1);
	assert_int_equal(n, 1);
}

/* A view of uid's: its number. */
static int64_t
view_of(int64_t uid, const char *state, const char *publish, int64_t issue,
    const char *body)
{
	assert_int_equal(db_exec(db, "INSERT INTO views (author_id, "
	    "category_id, title, body, better, publish, state, issue_id, "
	    "created_at) VALUES (?1, 1, ?2, ?2, ?2, ?3, ?4, nullif(?5, 0), ?6)",
	    "itttii", uid, body, publish, state, issue, now - 10 * DAY), 0);
	return (db_last_id(db));
}

static int64_t
issue_in(const char *state, int published)
{
	assert_int_equal(db_exec(db, "INSERT INTO issues (category_id, title, "
	    "summary, state, created_at, published_at, public_title, "
	    "public_summary, decision, answered_at) VALUES (1, 'An issue', "
	    "'S', ?1, ?2, nullif(?3, 0), 'Public', 'Public words', "
	    "CASE WHEN ?3 THEN 'agreed' END, CASE WHEN ?3 THEN ?2 END)", "tii",
	    state, now, published ? now : (int64_t)0), 0);
	return (db_last_id(db));
}

/* Whether the database file or its log holds needle, as a copy of the
 * disk would. */
static int
files_hold(const char *needle)
{
	char	 path[128], *data;
	FILE	*f;
	long	 n;
	int	 i, found;

	found = 0;
	for (i = 0; i < 2 && !found; i++) {
		(void)snprintf(path, sizeof(path), "%s/unit.db%s", unitdb_dir,
		    i ? "-wal" : "");
		if ((f = fopen(path, "rb")) == NULL)
			continue;
		(void)fseek(f, 0, SEEK_END);
		n = ftell(f);
		rewind(f);
		data = malloc(n > 0 ? (size_t)n : 1);
		assert_non_null(data);
		if (n > 0 && fread(data, 1, (size_t)n, f) == (size_t)n)
			found = memmem(data, (size_t)n, needle,
			    strlen(needle)) != NULL;
		free(data);
		(void)fclose(f);
	}
	return (found);
}

/*
 * Erasing an account takes the views its owner could have deleted (not
 * answered, no safeguarding record) with every row that points at them,
 * so their words leave the files; a view with a concern, open or closed,
 * stays whole with its concern on the workers' list; an answered one
 * stays as part of the record, nameless; a private one in an issue not
 * yet answered stays only as an empty row, so the issue still counts as
 * holding a private view.
 */
static void
erasure_takes_the_views_that_may_go(void **state)
{
	struct purge_counts	 c;
	int64_t			 uid, other, staff, open_issue, done_issue;
	int64_t			 plain, worried, closed_worry, published;
	int64_t			 emptied, shared, redirected;
	int64_t			 reopened_issue, reopened;

	(void)state;
	now = (int64_t)time(NULL);
	uid = young("Periwinkle Erased");
	other = young("Not Erased");
	assert_int_equal(db_exec(db, "UPDATE users SET disabled_at = NULL "
	    "WHERE id = ?1", "i", other), 0);
	assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
	    "name_key, role, password_hash, created_at) VALUES ('Worker W', "
	    "'worker w', 'participation_worker', 'h', ?1)", "i", now), 0);
	staff = db_last_id(db);
	open_issue = issue_in("open", 0);
	done_issue = issue_in("published", 1);
	plain = view_of(uid, "received", "no", 0, "Quagmire private school "
	    "words");
	worried = view_of(uid, "received", "no", 0, "Worried words 8812");
	closed_worry = view_of(uid, "rejected", "no", 0, "Closed worry 8813");
	published = view_of(uid, "approved", "no", done_issue, "Published "
	    "record 8814");
	emptied = view_of(uid, "approved", "no", open_issue, "Saffron private "
	    "in an issue");
	shared = view_of(uid, "approved", "anonymous", open_issue, "Lantern "
	    "shared in an issue");
	redirected = view_of(uid, "redirected", "name", 0, "Bramble passed "
	    "on words");
	/* In an issue answered once, then reopened: answered, kept. */
	reopened_issue = issue_in("with_councillor", 0);
	reopened = view_of(uid, "approved", "anonymous", reopened_issue,
	    "Reopened record 8815");
	assert_int_equal(db_exec(db, "INSERT INTO answers_before (issue_id, "
	    "decision, answered_at) VALUES (?1, 'agreed', ?2)", "ii",
	    reopened_issue, now - 86400), 0);
	assert_int_equal(db_exec(db, "INSERT INTO concerns (kind, item_id, "
	    "author_id, author_name, text, source, created_at) VALUES ('view', "
	    "?1, ?2, 'Periwinkle Erased', 'Worried words 8812', 'scan', ?3)",
	    "iii", worried, uid, now), 0);
	assert_int_equal(db_exec(db, "INSERT INTO concerns (kind, item_id, "
	    "author_id, text, source, created_at, closed_at, action) VALUES "
	    "('view', ?1, ?2, 'Closed worry 8813', 'scan', ?3, ?3, 'Rang the "
	    "social worker')", "iii", closed_worry, uid, now), 0);
	assert_int_equal(db_exec(db, "INSERT INTO redirects (view_id, route, "
	    "contact_name, by_id, by_name, at) VALUES (?1, 'advocate', "
	    "'Advocacy', ?2, 'Worker W', ?3)", "iii", redirected, staff, now),
	    0);
	assert_int_equal(db_exec(db, "INSERT INTO view_events (view_id, at, "
	    "kind, text) SELECT id, ?1, 'received', 'We got it' FROM views "
	    "WHERE author_id = ?2", "ii", now, uid), 0);
	/* A worker's note pointing at a view, and the close request. */
	assert_int_equal(db_exec(db, "INSERT INTO notifications (user_id, "
	    "view_id, at, text) VALUES (?1, ?2, ?3, 'A view to read')", "iii",
	    staff, plain, now), 0);
	assert_true(files_hold("Quagmire private school words"));

	assert_int_equal(retention_purge(db, &system_actor, now, 0, &c), 0);
	/* Gone, with their trail, from the tables and the files. */
	assert_int_equal(db_int(db, &other, "SELECT count(*) FROM views "
	    "WHERE id IN (?1, ?2, ?3)", "iii", plain, shared, redirected), 1);
	assert_int_equal(other, 0);
	assert_int_equal(db_int(db, &other, "SELECT count(*) FROM redirects "
	    "WHERE view_id = ?1", "i", redirected), 1);
	assert_int_equal(other, 0);
	assert_int_equal(db_int(db, &other, "SELECT count(*) FROM view_events "
	    "WHERE view_id IN (?1, ?2, ?3, ?4)", "iiii", plain, shared,
	    redirected, emptied), 1);
	assert_int_equal(other, 0);
	assert_int_equal(n_of("SELECT count(*) FROM notifications WHERE "
	    "text = 'A view to read'"), 0);
	assert_false(files_hold("Quagmire private school words"));
	assert_false(files_hold("Lantern shared"));
	assert_false(files_hold("Bramble passed"));
	assert_false(files_hold("Saffron private"));
	/* The private one in an open issue: an empty row, nobody's. */
	assert_int_equal(db_int(db, &other, "SELECT count(*) FROM views WHERE "
	    "id = ?1 AND author_id IS NULL AND publish = 'no' AND body = '' "
	    "AND better = '' AND issue_id = ?2", "ii", emptied, open_issue), 1);
	assert_int_equal(other, 1);
	/* Kept whole: both with a concern, the open one still open, and
	 * the answered one, nameless. */
	assert_int_equal(db_int(db, &other, "SELECT count(*) FROM views WHERE "
	    "id IN (?1, ?2, ?3, ?4) AND author_id IS NULL AND body LIKE "
	    "'% 881_'", "iiii", worried, closed_worry, published, reopened),
	    1);
	assert_int_equal(other, 4);
	assert_int_equal(db_int(db, &other, "SELECT count(*) FROM concerns "
	    "WHERE kind = 'view' AND item_id = ?1 AND closed_at IS NULL", "i",
	    worried), 1);
	assert_int_equal(other, 1);
	assert_int_equal(n_of("SELECT count(*) FROM users WHERE display_name "
	    "= 'Periwinkle Erased'"), 0);
}

/*
 * A worker's note about the person (mydata_ask_close: "NAME asked us to
 * close their account", with their words) loses the name and the words
 * when the account is erased; a note about someone else stays.
 */
static void
erasure_takes_the_name_off_staff_notes(void **state)
{
	struct purge_counts	 c;
	int64_t			 uid, staff;
	char			 link[64];

	(void)state;
	now = (int64_t)time(NULL);
	uid = young("Marigold Erased");
	assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
	    "name_key, role, password_hash, created_at) VALUES ('Worker V', "
	    "'worker v', 'participation_worker', 'h', ?1)", "i", now), 0);
	staff = db_last_id(db);
	(void)snprintf(link, sizeof(link), "/accounts/%lld/view",
	    (long long)uid);
	assert_int_equal(db_exec(db, "INSERT INTO notifications (user_id, at, "
	    "text, link) VALUES (?1, ?2, 'Marigold Erased asked us to close "
	    "their account. Please talk to them before you turn it off. They "
	    "wrote: \"Marzipan goodbye\"', ?3)", "iit", staff, now, link), 0);
	(void)snprintf(link, sizeof(link), "/accounts/%lld0/view",
	    (long long)uid);
	assert_int_equal(db_exec(db, "INSERT INTO notifications (user_id, at, "
	    "text, link) VALUES (?1, ?2, 'Someone else asked us to close "
	    "their account.', ?3)", "iit", staff, now, link), 0);
	assert_int_equal(retention_purge(db, &system_actor, now, 0, &c), 0);
	assert_int_equal(n_of("SELECT count(*) FROM notifications WHERE text "
	    "LIKE '%Marigold%' OR text LIKE '%Marzipan%'"), 0);
	assert_false(files_hold("Marigold Erased"));
	assert_false(files_hold("Marzipan goodbye"));
	assert_int_equal(n_of("SELECT count(*) FROM notifications WHERE text "
	    "= 'A young person asked us to close their account. It has since "
	    "been deleted.' AND link IS NULL"), 1);
	assert_int_equal(n_of("SELECT count(*) FROM notifications WHERE text "
	    "LIKE 'Someone else%' AND link IS NOT NULL"), 1);
}

/* A failed purge changes nothing and is there for admins to see. */
static void
failed_purge_is_recorded(void **state)
{
	struct purge_counts	 c;
	struct arena		 a;
	struct tval		*ctx;
	const struct tval	*f;

	(void)state;
	(void)young("Stuck Person");
	assert_int_equal(sqlite3_exec(db_handle(db), "CREATE TRIGGER no_go "
	    "BEFORE DELETE ON users BEGIN SELECT RAISE(ABORT, 'disk says "
	    "no'); END", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(retention_purge(db, &system_actor, now, 0, &c), -1);
	assert_int_equal(n_of("SELECT count(*) FROM users WHERE name_key = "
	    "'Stuck Person'"), 1);
	arena_init(&a);
	ctx = tv_map(&a);
	assert_int_equal(retention_last(db, ctx), 0);
	assert_non_null(f = tv_get(ctx, "purge_failed"));
	assert_non_null(strstr(tv_get_str(f, "reason"), "disk says no"));
	arena_free(&a);
	assert_int_equal(sqlite3_exec(db_handle(db), "DROP TRIGGER no_go",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(retention_purge(db, &system_actor, now, 0, &c), 0);
	arena_init(&a);
	ctx = tv_map(&a);
	assert_int_equal(retention_last(db, ctx), 0);
	assert_null(tv_get(ctx, "purge_failed"));
	arena_free(&a);
}

/* No address for anyone not signed in; old addresses forgotten. */
static void
audit_keeps_few_addresses(void **state)
{
	struct actor		 anon = { 0, "", "", "10.9.9.9" };
	struct actor		 staff = { 1, "Priya", "worker", "10.8.8.8" };
	struct purge_counts	 c;

	(void)state;
	assert_int_equal(audit_write(db, &anon, "view.create", "view", 99,
	    ""), 0);
	assert_int_equal(n_of("SELECT count(*) FROM audit_log WHERE ip = "
	    "'10.9.9.9'"), 0);
	assert_int_equal(audit_write(db, &staff, "issue.send", "issue", 1,
	    ""), 0);
	assert_int_equal(n_of("SELECT count(*) FROM audit_log WHERE ip = "
	    "'10.8.8.8'"), 1);
	assert_int_equal(db_exec(db, "INSERT INTO audit_log (at, actor_name, "
	    "action, ip) VALUES (?1, 'Priya', 'old.thing', '10.7.7.7')", "i",
	    now - 91 * DAY), 0);
	assert_int_equal(retention_purge(db, &system_actor, now, 0, &c), 0);
	assert_int_equal(n_of("SELECT count(*) FROM audit_log WHERE ip = "
	    "'10.7.7.7'"), 0);
	assert_int_equal(n_of("SELECT count(*) FROM audit_log WHERE action = "
	    "'old.thing' AND actor_name = 'Priya'"), 1);
	assert_int_equal(n_of("SELECT count(*) FROM audit_log WHERE ip = "
	    "'10.8.8.8'"), 1);
	/* A session left open (a browser closed, not signed out) keeps an
	 * address and a device: gone a week after it was last used, and
	 * only then, so words sent as it ran out still find their owner. */
	assert_int_equal(db_exec(db, "INSERT INTO sessions (token_hash, "
	    "user_id, csrf, created_at, seen_at, ip, agent) SELECT "
	    "randomblob(32), id, 'c', ?1, ?1, '10.6.6.6', 'iPhone' FROM users "
	    "LIMIT 1", "i", now - 8 * DAY), 0);
	assert_int_equal(db_exec(db, "INSERT INTO sessions (token_hash, "
	    "user_id, csrf, created_at, seen_at, ip, agent) SELECT "
	    "randomblob(32), id, 'c', ?1, ?1, '10.5.5.5', 'Android' FROM users "
	    "LIMIT 1", "i", now - 2 * DAY), 0);
	assert_int_equal(retention_purge(db, &system_actor, now, 0, &c), 0);
	assert_int_equal(n_of("SELECT count(*) FROM sessions WHERE ip = "
	    "'10.6.6.6'"), 0);
	assert_int_equal(n_of("SELECT count(*) FROM sessions WHERE ip = "
	    "'10.5.5.5'"), 1);
}

/* The append-only rule allows forgetting and nothing else. */
static void
audit_log_changes_only_by_forgetting(void **state)
{
	static const char *const refused[] = {
		"UPDATE audit_log SET action = 'x'",
		"UPDATE audit_log SET detail = 'x'",
		"UPDATE audit_log SET at = at + 1",
		"UPDATE audit_log SET object_id = 5",
		"UPDATE audit_log SET object_type = 'x'",
		"UPDATE audit_log SET actor_role = 'admin'",
		"UPDATE audit_log SET actor_name = 'Someone else'",
		"UPDATE audit_log SET ip = '10.0.0.1'",
		"UPDATE audit_log SET actor_id = 42",
		"UPDATE audit_log SET ip = '', detail = 'x'",
		"DELETE FROM audit_log",
	};
	struct actor	 staff = { 1, "Priya", "worker", "10.8.8.8" };
	size_t		 i;
	int64_t		 n;

	(void)state;
	assert_int_equal(audit_write(db, &staff, "issue.send", "issue", 1,
	    "d"), 0);
	n = n_of("SELECT count(*) FROM audit_log");
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (sqlite3_exec(db_handle(db), refused[i], NULL, NULL, NULL) ==
		    SQLITE_OK)
			fail_msg("the audit log allowed: %s", refused[i]);
	assert_int_equal(n_of("SELECT count(*) FROM audit_log"), n);
	assert_int_equal(n_of("SELECT count(*) FROM audit_log WHERE action = "
	    "'issue.send' AND detail = 'd' AND ip = '10.8.8.8'"), 1);
	assert_int_equal(sqlite3_exec(db_handle(db), "UPDATE audit_log SET "
	    "ip = '' WHERE action = 'issue.send'", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_exec(db_handle(db), "UPDATE audit_log SET "
	    "actor_id = NULL, actor_name = '' WHERE action = 'issue.send'",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(n_of("SELECT count(*) FROM audit_log WHERE action = "
	    "'issue.send' AND detail = 'd' AND actor_name = '' AND ip = '' "
	    "AND actor_id IS NULL"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(purge_handles_every_table),
		cmocka_unit_test(failed_purge_is_recorded),
		cmocka_unit_test(an_account_a_concern_names_is_kept),
		cmocka_unit_test(erasure_takes_the_views_that_may_go),
		cmocka_unit_test(erasure_takes_the_name_off_staff_notes),
		cmocka_unit_test(audit_keeps_few_addresses),
		cmocka_unit_test(audit_log_changes_only_by_forgetting),
	};

	return (cmocka_run_group_tests_name("retention", tests, setup,
	    teardown));
}
