/*
 * generate.c: bulk data for benchmarks (see generate.h). Rows go in with
 * prepared statements in one transaction, straight into the tables, so a
 * hundred thousand views take seconds; the shapes match what the model
 * functions write (a timeline event per step, an issue per twenty views,
 * a quarter of issues published).
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "generate.h"

#define VIEWS_PER_ISSUE	20
#define DAY		86400

static const char *sql_user =
	"INSERT INTO users (display_name, name_key, role, password_hash, "
	"age_band, lives_outside, created_at) "
	"VALUES (?1, ?2, 'young_person', ?3, ?4, ?5, ?6)";
static const char *sql_issue =
	"INSERT INTO issues (category_id, title, summary, state, councillor_id, "
	"sent_at, due_at, decision, response, reason, answered_at, "
	"published_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
	"?9, ?10, ?11, ?12, ?13)";
static const char *sql_view =
	"INSERT INTO views (author_id, category_id, title, body, share, "
	"publish, state, urgent, issue_id, created_at) "
	"VALUES (?1, ?2, ?3, ?4, 1, 'anonymous', ?5, 0, ?6, ?7)";
static const char *sql_event =
	"INSERT INTO view_events (view_id, at, kind, text) "
	"VALUES (?1, ?2, 'received', 'We got this.')";

static const char *const bands[] = {
	"under_12", "12_15", "16_17", "18_21", "22_25",
};
static const char *const decisions[] = { "agreed", "partly", "not_agreed" };

/* A small, fast, repeatable generator: the same data every run. */
static uint64_t
next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (*s);
}

static int
make_users(struct db *db, int64_t n, int64_t now, const char *password,
    int64_t *first)
{
	char		 pw[AUTH_TOKEN_LEN], hash[AUTH_HASH_MAX], name[64];
	char		 key[64];
	uint64_t	 seed = 42;
	int64_t		 i;

	auth_token_new(pw);
	if (auth_password_hash(password ? password : pw, hash) == -1)
		return (-1);
	for (i = 0; i < n; i++) {
		(void)snprintf(name, sizeof(name), "Young Person %lld",
		    (long long)i + 1);
		(void)snprintf(key, sizeof(key), "young person %lld",
		    (long long)i + 1);
		if (db_exec(db, sql_user, "ttttdi", name, key, hash,
		    bands[next(&seed) % 5],
		    (int)(next(&seed) % 4 == 0), now - 400 * DAY) != 0)
			return (-1);
		if (i == 0)
			*first = db_last_id(db);
	}
	return (0);
}

static int
make_issue(struct db *db, int64_t n, int64_t cat, int64_t councillor,
    int64_t t, uint64_t *seed, int64_t *id)
{
	const char	*state, *decision;
	char		 title[96];
	int		 phase;

	phase = (int)(next(seed) % 4);
	state = phase == 0 ? "open" : phase == 1 ? "with_councillor" :
	    phase == 2 ? "answered" : "published";
	decision = phase >= 2 ? decisions[next(seed) % 3] : NULL;
	(void)snprintf(title, sizeof(title), "Generated issue %lld",
	    (long long)n);
	if (db_exec(db, sql_issue, "itttIIItttIIi", cat, title, "A generated "
	    "public summary of what young people said about this.", state,
	    phase >= 1 ? councillor : (int64_t)0, phase >= 1 ? t : (int64_t)0,
	    phase >= 1 ? t + 30 * DAY : (int64_t)0, decision, decision ?
	    "A generated answer for young people." : NULL,
	    decision && strcmp(decision, "agreed") != 0 ?
	    "A generated reason." : NULL, phase >= 2 ? t + 10 * DAY :
	    (int64_t)0, phase == 3 ? t + 12 * DAY : (int64_t)0, t) != 0)
		return (-1);
	*id = db_last_id(db);
	return (0);
}

/*
 * young_people accounts ("Young Person 1"... sharing one password, given
 * or random) and `views` views over the year before now. One
 * transaction; 0 on success.
 */
int
generate_council(struct db *db, int64_t young_people, int64_t views,
    int64_t now, const char *password, char *err, size_t errlen)
{
	uint64_t	 seed = 7;
	int64_t		 first = 0, councillor, ncat, i, cat, issue, t, author;

	if (db_begin(db) == -1)
		goto fail;
	if (db_int(db, &ncat, "SELECT count(*) FROM categories", "") != 1 ||
	    db_int(db, &councillor, "SELECT coalesce(min(id), 0) FROM users "
	    "WHERE role = 'councillor'", "") != 1 ||
	    make_users(db, young_people, now, password, &first) == -1)
		goto fail;
	issue = 0;
	for (i = 0; i < views; i++) {
		t = now - (int64_t)(next(&seed) % (365 * DAY));
		cat = 1 + (int64_t)(next(&seed) % (uint64_t)ncat);
		author = first + (int64_t)(next(&seed) %
		    (uint64_t)young_people);
		/* Made 12 days before now at the latest: it is published
		 * 12 days after it was made, never in the future. */
		if (i % VIEWS_PER_ISSUE == 0 && make_issue(db, i /
		    VIEWS_PER_ISSUE + 1, cat, councillor, t < now - 12 * DAY ?
		    t : now - 12 * DAY, &seed, &issue) == -1)
			goto fail;
		if (db_exec(db, sql_view, "iitttIi", author, cat, "A generated "
		    "view", "Generated words about something that matters to "
		    "young people in care.", i % 50 == 0 ? "received" :
		    "approved", i % 50 == 0 ? (int64_t)0 : issue, t) != 0 ||
		    db_exec(db, sql_event, "ii", db_last_id(db), t) != 0)
			goto fail;
	}
	if (db_commit(db) == -1)
		goto fail;
	return (0);
fail:
	(void)snprintf(err, errlen, "%s", db_errmsg(db));
	db_rollback(db);
	return (-1);
}
