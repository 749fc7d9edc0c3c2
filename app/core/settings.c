/*
 * settings.c: read and write the settings table. A missing key or a
 * database error reads as the caller's default, so a page can always be
 * drawn; writes report failure.
 */
#include <stdlib.h>

#include "settings.h"

static const char *sql_get = "SELECT value FROM settings WHERE key = ?1";
static const char *sql_set = "UPDATE settings SET value = ?2 WHERE key = ?1";

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
