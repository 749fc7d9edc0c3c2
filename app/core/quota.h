/*
 * quota.h: how much one sender may send in an hour.
 *
 * Limits hold back ordinary messages only. Every caller runs the
 * safeguarding check first (quota_worrying) and stores a worrying
 * message whatever the limits say: a child asking for help is never
 * told to come back later.
 *
 * Signed in, the count is per account (views, Pledge checks, agenda
 * suggestions: settings views_per_hour, pledge_checks_per_hour,
 * suggestions_per_hour). Without an account, views are counted per
 * browser (its anonymous CSRF cookie, anon_views_per_hour) and, more
 * loosely, per address (anon_views_per_hour_address), so the young
 * people of one children's home do not lock each other out.
 */
#ifndef PORTAL_QUOTA_H
#define PORTAL_QUOTA_H

#include <stdint.h>

#include "buf.h"
#include "db.h"

enum quota_kind {
	QUOTA_VIEW,
	QUOTA_PLEDGE_CHECK,
	QUOTA_SUGGESTION,
};

int	quota_scan(struct db *, const char *, size_t, struct buf *);
int	quota_worrying(struct db *, const char *);
int	quota_worrying_edges(struct db *, const char *, size_t);
int64_t	quota_account_wait(struct db *, enum quota_kind, int64_t, int64_t);
int	quota_account_sent(struct db *, enum quota_kind, int64_t, int64_t);
int64_t	quota_anon_wait(struct db *, const char *, const char *, int64_t);
int	quota_anon_sent(struct db *, const char *, const char *, int64_t);

#endif
