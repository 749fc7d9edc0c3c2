/*
 * throttle.c: failure counting and the delay arithmetic (see throttle.h).
 * Rows older than an hour are pruned as new failures arrive.
 */
#include "throttle.h"

#define THROTTLE_WINDOW	3600

static const char *sql_count =
	"SELECT count(*), coalesce(min(at), 0), coalesce(max(at), 0) "
	"FROM attempts "
	"WHERE key = ?1 AND at > ?2";
static const char *sql_insert =
	"INSERT INTO attempts (key, at) VALUES (?1, ?2)";
static const char *sql_prune = "DELETE FROM attempts WHERE at < ?1";
static const char *sql_clear = "DELETE FROM attempts WHERE key = ?1";

/*
 * Seconds still to wait after `failures` recent failures, the last at
 * `last`, at time `now`: none for the first few, then doubling from one
 * second up to a minute.
 */
int64_t
throttle_delay(int64_t failures, int64_t last, int64_t now)
{
	int64_t	 delay, shift;

	if (failures < THROTTLE_FREE_TRIES)
		return (0);
	shift = failures - THROTTLE_FREE_TRIES;
	delay = shift >= 6 ? THROTTLE_DELAY_MAX : (int64_t)1 << shift;
	if (delay > THROTTLE_DELAY_MAX)
		delay = THROTTLE_DELAY_MAX;
	delay -= now - last;
	return (delay > 0 ? delay : 0);
}

/*
 * Seconds to wait before key may try again. With cap > 0: at most cap
 * failures in `window` seconds, so wait until the oldest leaves the
 * window; with cap == 0: the progressive delay over the window. -1 on
 * database error.
 */
int64_t
throttle_wait(struct db *db, const char *key, int64_t now, int64_t window,
    int64_t cap)
{
	sqlite3_stmt	*st;
	int64_t		 n, first, last, wait;

	st = db_query(db, sql_count, "ti", key, now - window);
	if (db_step(st) != 1) {
		db_done(st);
		return (-1);
	}
	n = sqlite3_column_int64(st, 0);
	first = sqlite3_column_int64(st, 1);
	last = sqlite3_column_int64(st, 2);
	db_done(st);
	if (cap > 0)
		wait = n >= cap ? first + window - now : 0;
	else
		wait = throttle_delay(n, last, now);
	return (wait > 0 ? wait : 0);
}

int
throttle_fail(struct db *db, const char *key, int64_t now)
{
	if (db_exec(db, sql_prune, "i", now - THROTTLE_WINDOW) != 0)
		return (-1);
	return (db_exec(db, sql_insert, "ti", key, now));
}

int
throttle_clear(struct db *db, const char *key)
{
	return (db_exec(db, sql_clear, "t", key));
}
