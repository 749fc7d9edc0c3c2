/*
 * settings.c: read and write the settings table. A missing key or a
 * database error reads as the caller's default, so a page can always be
 * drawn; writes report failure.
 */
#include <stdlib.h>
#include <string.h>

#include "settings.h"

static const char *sql_get = "SELECT value FROM settings WHERE key = ?1";
static const char *sql_set = "UPDATE settings SET value = ?2 WHERE key = ?1";
static const char *sql_list =
	"SELECT key, value, label FROM settings WHERE key != 'demo' "
	"AND key NOT LIKE 'route\\_%' ESCAPE '\\' "	/* routes.c */
	"ORDER BY rowid";

/* Settings that are whole numbers, and their sensible range. */
static const struct {
	const char	*key;
	long long	 min;
	long long	 max;
} numbers[] = {
	{ "response_days", 1, 100 },
	{ "invite_days", 1, 60 },
	{ "idle_minutes_staff", 5, 480 },
	{ "idle_minutes_young", 5, 480 },
	{ "session_hours", 1, 24 },
	{ "pledge_review_years", 1, 10 },
	{ "small_count", 1, 20 },
	{ "retention_unpublished_days", 30, 3650 },
	{ "retention_closed_account_days", 30, 3650 },
	{ "retention_concern_years", 1, 100 },
	{ "views_per_hour", 1, 1000 },
	{ "anon_views_per_hour", 1, 1000 },
	{ "anon_views_per_hour_address", 1, 10000 },
	{ "pledge_checks_per_hour", 1, 1000 },
	{ "suggestions_per_hour", 1, 1000 },
	{ "audit_ip_days", 1, 3650 },
};

const char *
settings_text(struct db *db, struct arena *a, const char *key,
    const char *dflt)
{
	sqlite3_stmt	*st;
	const char	*v;

	st = db_query(db, sql_get, "t", key);
	v = db_step(st) == 1 ? arena_strdup(a, db_col_text(st, 0)) : dflt;
	db_done(st);
	return (v);
}

int64_t
settings_int(struct db *db, const char *key, int64_t dflt)
{
	sqlite3_stmt	*st;
	const char	*s;
	char		*end;
	long long	 v;

	v = dflt;
	st = db_query(db, sql_get, "t", key);
	if (db_step(st) == 1) {
		s = db_col_text(st, 0);
		v = strtoll(s, &end, 10);
		if (*s == '\0' || *end != '\0')
			v = dflt;
	}
	db_done(st);
	return (v);
}

/* 0 on success, -1 on error or unknown key. */
int
settings_set(struct db *db, const char *key, const char *value)
{
	if (db_exec(db, sql_set, "tt", key, value) != 0)
		return (-1);
	return (db_changes(db) == 1 ? 0 : -1);
}

/* Every setting with its label; typed values (if any) shown instead. */
int
settings_list(struct db *db, const struct form *typed, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	const char	*v;
	int		 rc;

	st = db_query(db, sql_list, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_str(row, "key", db_col_text(st, 0));
		v = typed ? form_raw(typed, db_col_text(st, 0)) : NULL;
		tv_set_str(row, "value", v ? v : db_col_text(st, 1));
		tv_set_str(row, "label", db_col_text(st, 2));
	}
	db_done(st);
	return (rc);
}

/* NULL if value is acceptable for key, else what is wrong. */
const char *
settings_problem(const char *key, const char *value)
{
	long long	 n;
	char		*end;
	size_t		 i;

	if (value == NULL || *value == '\0')
		return ("This cannot be empty.");
	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		if (strcmp(numbers[i].key, key) != 0)
			continue;
		n = strtoll(value, &end, 10);
		if (*end != '\0' || n < numbers[i].min || n > numbers[i].max)
			return ("Enter a whole number in the range shown.");
		return (NULL);
	}
	return (strlen(value) > 80 ? "This must be 80 characters or fewer." :
	    NULL);
}
