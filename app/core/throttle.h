/*
 * throttle.h: slowing down password and code guessing.
 *
 * Failures are counted per key. A sign-in try is written down before its
 * password is checked, so tries still in flight count at once; a right
 * password takes its own try back. Sign-in uses four keys, all built from
 * the folded sign-in name (namefold.c) and the address (an IPv6 address
 * stands for its whole /64, which one client can hold):
 *   pair:<address>|<name>  one address against one account: a delay that
 *                          grows, and at most 10 a minute
 *   dev:<device>|<name>    one browser (its CSRF cookie) against one
 *                          account: the same growing delay
 *   addr:<address>         a generous cap over all names, so one young
 *                          person's mistakes in a children's home do not
 *                          lock out the others
 *   acct:<name>            from everywhere: never a lock. Past a backstop
 *                          every address loses its free tries, so a known
 *                          name cannot be used to lock its owner out
 */
#ifndef PORTAL_THROTTLE_H
#define PORTAL_THROTTLE_H

#include <stdint.h>

#include "arena.h"
#include "db.h"

#define THROTTLE_FREE_TRIES	3	/* before any delay */
#define THROTTLE_DELAY_MAX	60	/* seconds */
#define THROTTLE_ACCT_PER_MIN	10	/* per address, per account */
#define THROTTLE_ACCT_BACKSTOP	30	/* a minute, from everywhere */
#define THROTTLE_ADDR_PER_5MIN	60
#define THROTTLE_CODE_PER_10MIN	10
#define THROTTLE_NAMES_PER_HOUR	10	/* "is this name taken?" answers */

#define THROTTLE_KEY_MAX	256

struct signin_keys {
	char	 pair[THROTTLE_KEY_MAX];
	char	 dev[THROTTLE_KEY_MAX];	/* "" without a device */
	char	 addr[THROTTLE_KEY_MAX];
	char	 acct[THROTTLE_KEY_MAX];
	int	 known;	/* the browser has signed in to this account */
};

int64_t	throttle_delay(int64_t, int64_t, int64_t);
int64_t	throttle_wait(struct db *, const char *, int64_t, int64_t, int64_t);
int	throttle_fail(struct db *, const char *, int64_t);
int	throttle_clear(struct db *, const char *);
int	throttle_unfail(struct db *, const char *, int64_t);
void	throttle_addr_key(const char *, char *, size_t);
void	throttle_ip_key(const char *, const char *, char *, size_t);

void	throttle_signin_keys(const char *, const char *, const char *,
	    struct signin_keys *);
int64_t	throttle_signin_wait(struct db *, const struct signin_keys *,
	    int64_t);
int	throttle_signin_try(struct db *, const struct signin_keys *, int64_t);
int	throttle_signin_ok(struct db *, const struct signin_keys *, int64_t);
int64_t	throttle_names_wait(struct db *, const char *, int64_t, int64_t);
int	throttle_names_taken(struct db *, const char *, int64_t, int64_t);
const char *throttle_names_words(struct arena *, int64_t);

#endif
