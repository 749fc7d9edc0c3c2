/*
 * seed.c: the demo council (see seed.h). Each area adds its demo data
 * here through its own model functions, never raw SQL into its tables.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "auth.h"
#include "holidays.h"
#include "release.h"
#include "seed.h"
#include "settings.h"
#include "users.h"

static const struct demo_login demo_logins[] = {
	{ "young_person", "Jaden", "kite-river-42" },
	{ "participation_worker", "Priya Shah", "worker-demo-2026" },
	{ "councillor", "Cllr Sam Okafor", "councillor-demo-2026" },
	{ "admin", "Alex Morgan", "admin-demo-2026" },
	/* Invited to no meeting: sees none (seed_meetings.c). */
	{ "councillor", "Cllr Zainab Reid", "councillor-demo-2026-b" },
};

const struct demo_login *
seed_demo_logins(size_t *n)
{
	*n = sizeof(demo_logins) / sizeof(demo_logins[0]);
	return (demo_logins);
}

int
seed_is_demo(struct db *db)
{
	return (settings_int(db, "demo", 0) == 1);
}

static int
seed_accounts(struct db *db, char *err, size_t errlen)
{
	struct actor	 system = { 0, "portalctl", "", "" };
	char		 hash[AUTH_HASH_MAX];
	const char	*why;
	int64_t		 id;
	size_t		 i;

	for (i = 0; i < sizeof(demo_logins) / sizeof(demo_logins[0]); i++) {
		if (auth_password_hash(demo_logins[i].password, hash) == -1) {
			(void)snprintf(err, errlen, "cannot hash a password");
			return (-1);
		}
		if (user_create(db, demo_logins[i].name,
		    role_parse(demo_logins[i].role), hash, "16_17", 0, &id,
		    &why) == -1 ||
		    audit_write(db, &system, "account.create", "user", id,
		    demo_logins[i].role) == -1) {
			(void)snprintf(err, errlen, "cannot create %s: %s",
			    demo_logins[i].name, why ? why : db_errmsg(db));
			return (-1);
		}
	}
	return (0);
}

/*
 * Fill an empty, migrated database with the demo council, in one
 * transaction. Returns 1 if seeded, 0 if the database already has
 * accounts (nothing is changed), -1 on error.
 */
int
seed_demo(struct db *db, char *err, size_t errlen)
{
	int64_t	 users;

	if (db_begin(db) == -1) {
		(void)snprintf(err, errlen, "%s", db_errmsg(db));
		return (-1);
	}
	if (db_int(db, &users, "SELECT count(*) FROM users", "") != 1)
		goto fail;
	if (users > 0) {
		db_rollback(db);
		return (0);
	}
	if (settings_set(db, "council_name", "Northbridge Council") == -1 ||
	    settings_set(db, "cicc_name", "Northbridge Voices") == -1 ||
	    settings_set(db, "demo", "1") == -1 ||
	    /* Ofcom's numbers for drama: they ring nobody. */
	    settings_set(db, "edt_phone", "01632 960 001") == -1 ||
	    settings_set(db, "advocacy_phone", "01632 960 002") == -1 ||
	    /* Where a view about someone's own care goes: with a number,
	     * as a council's would be, not "ask your worker". */
	    settings_set(db, "route_social_worker_phone", "01632 960 003") ==
	    -1 || settings_set(db, "route_iro_phone", "01632 960 004") == -1)
		goto fail;
	if (seed_accounts(db, err, errlen) == -1 ||
	    seed_views(db, (int64_t)time(NULL), err, errlen) == -1 ||
	    seed_pledge(db, (int64_t)time(NULL), err, errlen) == -1 ||
	    seed_meetings(db, (int64_t)time(NULL), err, errlen) == -1 ||
	    seed_board(db, (int64_t)time(NULL), err, errlen) == -1 ||
	    seed_answerback(db, (int64_t)time(NULL), err, errlen) == -1 ||
	    seed_consult(db, (int64_t)time(NULL), err, errlen) == -1 ||
	    seed_actions(db, (int64_t)time(NULL), err, errlen) == -1) {
		db_rollback(db);
		return (-1);
	}
	/* The demo's answers, counted as they stand (release.h). */
	if (release_all(db) == -1 || db_commit(db) == -1)
		goto fail;
	return (1);
fail:
	(void)snprintf(err, errlen, "%s", db_errmsg(db));
	db_rollback(db);
	return (-1);
}

/*
 * A due date as the product makes one from a date typed in: the end of
 * t's day (23:59:59 local), or of the next working day when t's is a
 * weekend or a day off. -1 on a database error.
 */
int64_t
seed_due(struct db *db, int64_t t)
{
	int	 working;

	if ((working = holidays_working(db, t)) == -1)
		return (-1);
	return (working ? time_day_end(t) : holidays_working_days(db, t, 1));
}
