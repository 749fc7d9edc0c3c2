/*
 * answers.c: see answers.h. An answer waiting for its check lives in
 * answer_checks, one per issue; the issue stays with its councillor (and
 * counts towards its due date) until a worker approves it.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "answers.h"
#include "buf.h"
#include "glossary.h"
#include "holidays.h"
#include "notify.h"
#include "readability.h"
#include "settings.h"
#include "timefmt.h"

static const char *sql_name =
	"SELECT display_name FROM users WHERE id = ?1";
static const char *sql_deadline =
	"SELECT coalesce(due_at, 0), extensions FROM issues WHERE id = ?1";
/* Only while the issue is still with this councillor to answer. */
static const char *sql_put =
	"INSERT OR REPLACE INTO answer_checks (issue_id, councillor_id, state, "
	"decision, response, reason, new_due, action_text, action_owner, "
	"action_due, written_at) "
	"SELECT ?1, ?2, 'waiting', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 "
	"WHERE EXISTS (SELECT 1 FROM issues WHERE id = ?1 AND "
	"councillor_id = ?2 AND state = 'with_councillor')";
static const char *sql_get =
	"SELECT a.state, a.decision, a.response, a.reason, a.new_due, "
	"a.action_text, a.action_owner, a.action_due, a.written_at, a.note, "
	"coalesce(u.display_name, ''), a.councillor_id "
	"FROM answer_checks a LEFT JOIN users u ON u.id = a.councillor_id "
	"WHERE a.issue_id = ?1";
static const char *sql_return =
	"UPDATE answer_checks SET state = 'returned', note = ?2, "
	"noted_by = ?3, noted_at = ?4 WHERE issue_id = ?1 "
	"AND state = 'waiting'";
static const char *sql_writer =
	"SELECT councillor_id FROM answer_checks WHERE issue_id = ?1";
static const char *sql_drop =
	"DELETE FROM answer_checks WHERE issue_id = ?1 AND state = 'waiting'";

/* 1 if name is one of the comma-separated names in list (any case). */
static int
named_in(const char *list, const char *name)
{
	const char	*item;
	size_t		 len;

	while ((item = settings_list_item(&list, &len)) != NULL)
		if (len > 0 && len == strlen(name) &&
		    strncasecmp(item, name, len) == 0)
			return (1);
	return (0);
}

static const char *sql_councillor_named =
	"SELECT count(*) FROM users WHERE role = 'councillor' AND "
	"display_name = ?1 COLLATE NOCASE";

/*
 * NULL if every name in list (comma-separated) is a councillor's, else
 * why not in words an admin reads.
 */
const char *
answers_trusted_problem(struct db *db, struct arena *a, const char *list)
{
	const char	*item, *name;
	size_t		 len;
	int64_t		 n;

	while ((item = settings_list_item(&list, &len)) != NULL) {
		if (len == 0)
			continue;
		name = arena_strndup(a, item, len);
		if (db_int(db, &n, sql_councillor_named, "t", name) != 1)
			return ("We could not check these names. Please try "
			    "again.");
		if (n == 0)
			return (arena_printf(a, "No councillor is called "
			    "\"%s\". Check the spelling against their display "
			    "name.", name));
	}
	return (NULL);
}

/* 1 if a worker must check this councillor's answers, 0 if not, -1. */
int
answers_check_needed(struct db *db, int64_t councillor)
{
	struct arena	 a;
	struct buf	 name;
	int		 rc;

	if (settings_int(db, "answer_check", 1) == 0)
		return (0);
	arena_init(&a);
	buf_init(&name, 64);
	rc = db_text(db, &name, sql_name, "i", councillor);
	if (rc == 1)
		rc = !named_in(settings_text(db, &a, "answer_trusted", ""),
		    buf_cstr(&name));
	else
		rc = -1;
	buf_free(&name);
	arena_free(&a);
	return (rc);
}

/*
 * NULL if r may ask for more time on issue id, else why not, in words
 * the councillor reads on their form.
 */
const char *
answers_extension_problem(struct db *db, struct arena *a, int64_t id,
    const struct response *r, int64_t now)
{
	sqlite3_stmt	*st;
	int64_t		 due, used, max, days, last;
	int		 rc, working;

	if (r->decision == NULL || strcmp(r->decision, "more_time") != 0)
		return (NULL);
	st = db_query(db, sql_deadline, "i", id);
	due = used = 0;
	if ((rc = db_step(st)) == 1) {
		due = sqlite3_column_int64(st, 0);
		used = sqlite3_column_int64(st, 1);
	}
	db_done(st);
	if (rc != 1)
		return ("This issue could not be found.");
	max = settings_int(db, "extensions_max", 1);
	days = settings_int(db, "extension_days_max", 28);
	if (used >= max)
		return (max == 0 ? "More time cannot be given on this portal. "
		    "Choose your answer now." : "You have already had all the "
		    "extra time allowed. Choose your answer now.");
	/* More time is a later day, never an earlier one or the same. */
	if (due > 0 && r->new_due < time_day_after(due))
		return (arena_printf(a, "More time means a date after %s.",
		    time_date(a, due)));
	/* new_due is the end of its day: by the end of the day days on
	 * the calendar from due (not days x 86,400 s: clocks change). */
	last = time_add_days(due, (int)days);
	/* Past the most that could be given: say what can be done. */
	if (time_day_after(last) <= now)
		return (arena_printf(a, "The most extra time allowed (%lld "
		    "days after the date it was due) ran out on %s, so more "
		    "time cannot be given now. Choose your answer, or ask a "
		    "participation worker to send it on with a new date.",
		    (long long)days, time_date(a, last)));
	if (r->new_due >= time_day_after(last))
		return (arena_printf(a, "You can ask for at most %lld more "
		    "days: choose %s or earlier.", (long long)days,
		    time_date(a, last)));
	/* An answer is due on a working day, as when it was sent. */
	if ((working = holidays_working(db, r->new_due)) == -1)
		return ("The days off could not be read. Please try again.");
	if (!working)
		return (arena_printf(a, "%s is not a working day (a weekend or "
		    "a day off). Choose a working day.", time_date(a,
		    r->new_due)));
	return (NULL);
}

/* Notify each worker that an answer waits. Inside a transaction. */
static int
tell_workers(struct db *db, int64_t id, int64_t now)
{
	char	 link[64];

	(void)snprintf(link, sizeof(link), "/issues/%lld#check",
	    (long long)id);
	return (notify_workers(db, now,
	    "A councillor's answer is waiting for your check", link));
}

/*
 * Keep r for a worker's check, replacing one waiting or sent back. 0,
 * -1, or -2 if the issue is no longer with this councillor to answer
 * (answered from another tab, or moved on): nothing is kept.
 */
int
answers_submit(struct db *db, const struct actor *who, int64_t id,
    int64_t councillor, const struct response *r, int64_t now)
{
	int	 ok;

	if (db_begin(db) == -1)
		return (-1);
	ok = db_exec(db, sql_put, "iitttittii", id, councillor, r->decision,
	    r->text, r->reason ? r->reason : "", r->new_due,
	    r->action_text ? r->action_text : "",
	    r->action_owner ? r->action_owner : "", r->action_due, now) == 0;
	if (ok && db_changes(db) == 0) {
		db_rollback(db);
		return (-2);
	}
	ok = ok && tell_workers(db, id, now) == 0 &&
	    audit_write(db, who, "issue.answer_submit", "issue", id,
	    r->decision) == 0;
	return (db_end(db, ok));
}

/* Reading age and unknown words of an answer, into ctx. */
void
answers_reading(struct db *db, const char *text, const char *reason,
    struct tval *ctx)
{
	struct readability	 rd;
	struct glossary		 g;
	struct arena		*a = tv_arena(ctx);
	struct tval		*words;
	const char		*all;

	all = arena_printf(a, "%s\n%s", text ? text : "", reason ? reason :
	    "");
	read_measure(all, &rd);
	if (rd.words == 0)
		return;
	tv_set_bool(ctx, "reading", 1);
	tv_set_int(ctx, "reading_age", rd.age);
	tv_set_str(ctx, "reading_grade", arena_printf(a, "%.1f", rd.grade));
	tv_set_int(ctx, "reading_target", READ_TARGET_AGE);
	tv_set_bool(ctx, "reading_hard", rd.age > READ_TARGET_AGE);
	if (glossary_load(db, a, &g) == 0) {
		words = tv_set_list(ctx, "hard_words");
		glossary_words(&g, all, words);
		tv_set_bool(ctx, "has_hard_words", tv_count(words) > 0);
	}
}

/* Add one field to the digest, its length first so fields cannot run
 * into each other. */
static void
digest_field(crypto_generichash_state *h, const char *s)
{
	uint64_t	 len;

	len = s != NULL ? strlen(s) : 0;
	crypto_generichash_update(h, (const unsigned char *)&len,
	    sizeof(len));
	if (len > 0)
		crypto_generichash_update(h, (const unsigned char *)s, len);
}

/*
 * The version of an answer a worker read: a digest of every word and
 * date of it, in hex. A councillor who sends the form again with other
 * words makes a new version; the same words keep the version.
 */
static void
answer_version(const struct response *r, char out[ANSWER_VERSION_LEN])
{
	crypto_generichash_state h;
	unsigned char		 md[16];
	int64_t			 dates[2];

	dates[0] = r->new_due;
	dates[1] = r->action_due;
	crypto_generichash_init(&h, NULL, 0, sizeof(md));
	digest_field(&h, r->decision);
	digest_field(&h, r->text);
	digest_field(&h, r->reason);
	digest_field(&h, r->action_text);
	digest_field(&h, r->action_owner);
	crypto_generichash_update(&h, (const unsigned char *)dates,
	    sizeof(dates));
	crypto_generichash_final(&h, md, sizeof(md));
	(void)sodium_bin2hex(out, ANSWER_VERSION_LEN, md, sizeof(md));
}

/* Load the answer for issue id into r (strings in a). 1, 0 or -1. */
static int
load(struct db *db, struct arena *a, int64_t id, struct response *r,
    char *state, size_t statesz, struct tval *ctx)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(r, 0, sizeof(*r));
	st = db_query(db, sql_get, "i", id);
	if ((rc = db_step(st)) == 1) {
		(void)snprintf(state, statesz, "%s", db_col_text(st, 0));
		r->decision = arena_strdup(a, db_col_text(st, 1));
		r->text = arena_strdup(a, db_col_text(st, 2));
		r->reason = arena_strdup(a, db_col_text(st, 3));
		r->new_due = sqlite3_column_int64(st, 4);
		r->action_text = arena_strdup(a, db_col_text(st, 5));
		r->action_owner = arena_strdup(a, db_col_text(st, 6));
		r->action_due = sqlite3_column_int64(st, 7);
		r->written_at = sqlite3_column_int64(st, 8);
		if (ctx != NULL) {
			tv_set_str(ctx, "written", time_date(a,
			    sqlite3_column_int64(st, 8)));
			tv_set_str(ctx, "note", db_col_text(st, 9));
			tv_set_str(ctx, "by", db_col_text(st, 10));
		}
	}
	db_done(st);
	return (rc);
}

/*
 * The answer waiting for (or sent back from) a check on issue id, into
 * ctx: "check" (a map) if there is one. 1, 0 if none, -1.
 */
int
answers_check(struct db *db, int64_t id, struct tval *ctx)
{
	struct response	 r;
	struct tval	*c;
	struct arena	*a = tv_arena(ctx);
	char		 state[16], version[ANSWER_VERSION_LEN];
	int		 rc;

	c = tv_map(a);
	if ((rc = load(db, a, id, &r, state, sizeof(state), c)) != 1)
		return (rc);
	tv_set(ctx, "check", c);
	tv_set_bool(c, "waiting", strcmp(state, "waiting") == 0);
	tv_set_bool(c, "returned", strcmp(state, "returned") == 0);
	tv_set_str(c, "decision_key", r.decision);
	tv_set_str(c, "decision", issues_decision_label(r.decision));
	tv_set_str(c, "text", r.text);
	tv_set_str(c, "reason", r.reason);
	tv_set_str(c, "action_text", r.action_text);
	tv_set_str(c, "action_owner", r.action_owner);
	tv_set_str(c, "action_due", time_date(a, r.action_due));
	tv_set_str(c, "new_due", time_date(a, r.new_due));
	tv_set_str(c, "new_due_iso", r.new_due > 0 ? time_iso_date(a,
	    r.new_due) : "");
	tv_set_str(c, "action_due_iso", r.action_due > 0 ? time_iso_date(a,
	    r.action_due) : "");
	answer_version(&r, version);
	tv_set_str(c, "version", version);
	answers_reading(db, r.text, r.reason, c);
	return (1);
}

/*
 * Approve the waiting answer on issue id, if it is still the version
 * the worker read: it reaches young people now. 0, -1, -2 if more time
 * is no longer allowed, -3 if the councillor changed it since, -4 if it
 * quotes a young person's private view (each leaves it waiting).
 */
int
answers_approve(struct db *db, const struct actor *who, int64_t id,
    const char *version, int64_t now)
{
	struct response	 r;
	struct arena	 a;
	char		 state[16], current[ANSWER_VERSION_LEN];
	int		 ok, refused;

	arena_init(&a);
	if (db_begin(db) == -1) {
		arena_free(&a);
		return (-1);
	}
	ok = load(db, &a, id, &r, state, sizeof(state), NULL) == 1 &&
	    strcmp(state, "waiting") == 0;
	refused = 0;
	if (ok) {
		answer_version(&r, current);
		if (version == NULL || strcmp(version, current) != 0)
			refused = -3;
		else if (answers_extension_problem(db, &a, id, &r,
		    r.written_at > 0 ? r.written_at : now) != NULL)
			refused = -2;
		else if ((refused = issues_answer_quotes_private(db, id,
		    &r)) != 0)
			refused = refused == 1 ? -4 : -1;
	}
	if (refused != 0) {
		db_rollback(db);
		arena_free(&a);
		return (refused);
	}
	/* issues_respond's own transaction nests in this one. */
	ok = ok && db_exec(db, sql_drop, "i", id) == 0 &&
	    db_changes(db) == 1 &&
	    issues_respond(db, who, id, &r, now) == 0 &&
	    audit_write(db, who, "issue.answer_approve", "issue", id,
	    r.decision) == 0;
	arena_free(&a);
	return (db_end(db, ok));
}

/* Send the waiting answer on issue id back to its writer with note. */
int
answers_return(struct db *db, const struct actor *who, int64_t id,
    const char *note, int64_t now)
{
	struct response	 r;
	struct arena	 a;
	char		 state[16], link[64];
	int64_t		 councillor;
	int		 ok;

	arena_init(&a);
	if (db_begin(db) == -1) {
		arena_free(&a);
		return (-1);
	}
	(void)snprintf(link, sizeof(link), "/my-issues/%lld", (long long)id);
	ok = load(db, &a, id, &r, state, sizeof(state), NULL) == 1 &&
	    db_int(db, &councillor, sql_writer, "i", id) == 1 &&
	    db_exec(db, sql_return, "itii", id, note, who->id, now) ==
	    0 && db_changes(db) == 1 &&
	    notify_user(db, councillor, now, "A worker "
	    "sent your answer back with a note", link) == 0 &&
	    audit_write(db, who, "issue.answer_return", "issue", id, "") == 0;
	arena_free(&a);
	return (db_end(db, ok));
}
