/*
 * throttle.h: slowing down password and code guessing.
 *
 * Failures are counted per key. Sign-in uses three keys at once:
 *   pair:<address>|<name>  progressive delay for one device and account
 *   acct:<name>            at most 10 failures a minute from anywhere
 *   addr:<address>         a generous cap, so one young person's mistakes
 *                          in a children's home do not lock out the others
 */
#ifndef PORTAL_THROTTLE_H
#define PORTAL_THROTTLE_H

#include <stdint.h>

#include "db.h"

#define THROTTLE_FREE_TRIES	3	/* before any delay */
#define THROTTLE_DELAY_MAX	60	/* seconds */
#define THROTTLE_ACCT_PER_MIN	10
#define THROTTLE_ADDR_PER_5MIN	60
#define THROTTLE_CODE_PER_10MIN	10

int64_t	throttle_delay(int64_t, int64_t, int64_t);
int64_t	throttle_wait(struct db *, const char *, int64_t, int64_t, int64_t);
int	throttle_fail(struct db *, const char *, int64_t);
int	throttle_clear(struct db *, const char *);

#endif
