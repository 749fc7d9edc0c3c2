/*
 * throttle.c: failure counting and the delay arithmetic (see throttle.h).
 * Rows older than an hour are pruned as new failures arrive.
 */
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "auth.h"
#include "throttle.h"
#include "users.h"

#define THROTTLE_WINDOW	3600

/* The attempts in the window: how many, and when the last was. */
static const char *sql_count =
	"SELECT count(*), coalesce(max(at), 0) FROM attempts "
	"WHERE key = ?1 AND at > ?2";
/*
 * The cap-th newest attempt in the window, if there are that many: the
 * wait ends when it leaves. Older ones tell nothing more, and stepping
 * over the newer ones in the index is all the query does (a count over
 * a subquery copied each row twice; a sender's check before every view
 * read as many rows as the limit allows).
 */
static const char *sql_capped =
	"SELECT at FROM attempts WHERE key = ?1 AND at > ?2 "
	"ORDER BY at DESC LIMIT 1 OFFSET ?3";
static const char *sql_insert =
	"INSERT INTO attempts (key, at) VALUES (?1, ?2)";
static const char *sql_prune = "DELETE FROM attempts WHERE at < ?1";
static const char *sql_clear = "DELETE FROM attempts WHERE key = ?1";
static const char *sql_unfail =
	"DELETE FROM attempts WHERE rowid = (SELECT rowid FROM attempts "
	"WHERE key = ?1 AND at = ?2 LIMIT 1)";

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
	int64_t		 n, last, wait;
	int		 rc;

	if (cap > 0) {
		st = db_query(db, sql_capped, "tii", key, now - window,
		    cap - 1);
		if ((rc = db_step(st)) == -1) {
			db_done(st);
			return (-1);
		}
		wait = rc == 1 ? sqlite3_column_int64(st, 0) + window - now : 0;
		db_done(st);
		return (wait > 0 ? wait : 0);
	}
	st = db_query(db, sql_count, "ti", key, now - window);
	if (db_step(st) != 1) {
		db_done(st);
		return (-1);
	}
	n = sqlite3_column_int64(st, 0);
	last = sqlite3_column_int64(st, 1);
	db_done(st);
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

/* Take back one failure written at `at` (a try that turned out right). */
int
throttle_unfail(struct db *db, const char *key, int64_t at)
{
	return (db_exec(db, sql_unfail, "ti", key, at));
}

/*
 * The throttle address of a client: an IPv4 address as it is; an IPv6
 * address as its /64, since one home or phone is given a whole /64 and
 * could try from a fresh address each time. IPv4 in IPv6 is IPv4.
 */
void
throttle_addr_key(const char *ip, char *out, size_t outlen)
{
	struct in6_addr	 a6;
	char		 txt[INET6_ADDRSTRLEN];

	if (strchr(ip, ':') == NULL || inet_pton(AF_INET6, ip, &a6) != 1) {
		(void)snprintf(out, outlen, "%s", ip);
		return;
	}
	if (IN6_IS_ADDR_V4MAPPED(&a6)) {
		(void)inet_ntop(AF_INET, &a6.s6_addr[12], txt, sizeof(txt));
		(void)snprintf(out, outlen, "%s", txt);
		return;
	}
	memset(&a6.s6_addr[8], 0, 8);
	(void)inet_ntop(AF_INET6, &a6, txt, sizeof(txt));
	(void)snprintf(out, outlen, "%s/64", txt);
}

/* A limit's key for what ip does: "what:a:" and its throttle address. */
void
throttle_ip_key(const char *what, const char *ip, char *out, size_t outlen)
{
	char	 addr[INET6_ADDRSTRLEN + 8];

	throttle_addr_key(ip, addr, sizeof(addr));
	(void)snprintf(out, outlen, "%s:a:%s", what, addr);
}

/*
 * The keys of a sign-in by name from ip, in a browser whose CSRF cookie
 * is device (NULL or "": none). The cookie is stored only as a digest.
 */
void
throttle_signin_keys(const char *ip, const char *device, const char *name,
    struct signin_keys *k)
{
	unsigned char	 d[AUTH_DIGEST_BYTES];
	char		 addr[INET6_ADDRSTRLEN + 8], key[NAME_KEY_MAX];
	char		 hex[2 * 12 + 1];

	throttle_addr_key(ip, addr, sizeof(addr));
	if (user_name_key(name, key, sizeof(key)) == -1)
		key[0] = '\0';
	(void)snprintf(k->pair, sizeof(k->pair), "pair:%s|%s", addr, key);
	(void)snprintf(k->addr, sizeof(k->addr), "addr:%s", addr);
	(void)snprintf(k->acct, sizeof(k->acct), "acct:%s", key);
	k->dev[0] = '\0';
	k->known = 0;
	if (device != NULL && *device != '\0') {
		auth_digest(device, strlen(device), d);
		sodium_bin2hex(hex, sizeof(hex), d, 12);
		(void)snprintf(k->dev, sizeof(k->dev), "dev:%s|%s", hex, key);
	}
}

/*
 * The growing delay of one key over 15 minutes, as if `spent` more tries
 * had been made (never for a key with none).
 */
static int64_t
progressive(struct db *db, const char *key, int64_t now, int64_t spent)
{
	sqlite3_stmt	*st;
	int64_t		 n, last;

	st = db_query(db, sql_count, "ti", key, now - 900);
	if (db_step(st) != 1) {
		db_done(st);
		return (-1);
	}
	n = sqlite3_column_int64(st, 0);
	last = sqlite3_column_int64(st, 1);
	db_done(st);
	return (n == 0 ? 0 : throttle_delay(n + spent, last, now));
}

/*
 * Seconds before this sign-in may be tried (the most of its keys); -1.
 * A browser that has signed in to the account before answers only for
 * its own tries: others on its address (a children's home, a school)
 * cannot keep the account's owner out by trying wrong passwords.
 */
int64_t
throttle_signin_wait(struct db *db, const struct signin_keys *k, int64_t now)
{
	int64_t	 w[4], backstop, spent, most;
	size_t	 i;

	/* Past the backstop, nobody gets free tries at this account; a
	 * first try from a new address or browser still goes straight in. */
	if ((backstop = throttle_wait(db, k->acct, now, 60,
	    THROTTLE_ACCT_BACKSTOP)) == -1)
		return (-1);
	spent = backstop > 0 ? THROTTLE_FREE_TRIES : 0;
	w[1] = k->dev[0] == '\0' ? 0 : progressive(db, k->dev, now, spent);
	if (k->known && k->dev[0] != '\0')
		w[0] = w[2] = w[3] = 0;
	else {
		w[0] = progressive(db, k->pair, now, spent);
		w[2] = throttle_wait(db, k->pair, now, 60,
		    THROTTLE_ACCT_PER_MIN);
		w[3] = throttle_wait(db, k->addr, now, 300,
		    THROTTLE_ADDR_PER_5MIN);
	}
	for (i = 0, most = 0; i < 4; i++) {
		if (w[i] == -1)
			return (-1);
		if (w[i] > most)
			most = w[i];
	}
	return (most);
}

/*
 * Write the try down before its password is checked, so parallel tries
 * see it. Call in the transaction that asked throttle_signin_wait().
 */
int
throttle_signin_try(struct db *db, const struct signin_keys *k, int64_t now)
{
	if (throttle_fail(db, k->pair, now) == -1 ||
	    throttle_fail(db, k->addr, now) == -1 ||
	    throttle_fail(db, k->acct, now) == -1)
		return (-1);
	if (k->dev[0] != '\0' && throttle_fail(db, k->dev, now) == -1)
		return (-1);
	return (0);
}

/*
 * The password was right: this device and address start again with this
 * account, and the try made at `at` is taken back from the address and
 * the account.
 */
int
throttle_signin_ok(struct db *db, const struct signin_keys *k, int64_t at)
{
	if (throttle_clear(db, k->pair) == -1 ||
	    throttle_unfail(db, k->addr, at) == -1 ||
	    throttle_unfail(db, k->acct, at) == -1)
		return (-1);
	if (k->dev[0] != '\0' && throttle_clear(db, k->dev) == -1)
		return (-1);
	return (0);
}

/*
 * "Is this name taken?" answers, per address and (when signed in, uid >
 * 0) per account: sign-in names are private, so nobody may test many.
 * Seconds to wait before another, or -1.
 */
int64_t
throttle_names_wait(struct db *db, const char *ip, int64_t uid, int64_t now)
{
	char	 addr[80], key[THROTTLE_KEY_MAX];
	int64_t	 a, b;

	throttle_addr_key(ip, addr, sizeof(addr));
	(void)snprintf(key, sizeof(key), "names:%s", addr);
	if ((a = throttle_wait(db, key, now, 3600,
	    THROTTLE_NAMES_PER_HOUR)) == -1 || uid <= 0)
		return (a);
	(void)snprintf(key, sizeof(key), "names:u%lld", (long long)uid);
	if ((b = throttle_wait(db, key, now, 3600,
	    THROTTLE_NAMES_PER_HOUR)) == -1)
		return (-1);
	return (a > b ? a : b);
}

/* Count one "that name is taken" answer. */
int
throttle_names_taken(struct db *db, const char *ip, int64_t uid, int64_t now)
{
	char	 addr[80], key[THROTTLE_KEY_MAX];

	throttle_addr_key(ip, addr, sizeof(addr));
	(void)snprintf(key, sizeof(key), "names:%s", addr);
	if (throttle_fail(db, key, now) == -1)
		return (-1);
	if (uid <= 0)
		return (0);
	(void)snprintf(key, sizeof(key), "names:u%lld", (long long)uid);
	return (throttle_fail(db, key, now));
}

/* What to tell someone who must wait `wait` seconds to try another name. */
const char *
throttle_names_words(struct arena *a, int64_t wait)
{
	int64_t	 min;

	min = (wait + 59) / 60;
	return (arena_printf(a, "You have tried a lot of names that are "
	    "taken. Please wait %lld minute%s, then try again.",
	    (long long)min, min == 1 ? "" : "s"));
}
