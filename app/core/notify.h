/*
 * notify.h: in-app notifications, one each time a young person's view
 * moves, and the timeline events behind them.
 */
#ifndef PORTAL_NOTIFY_H
#define PORTAL_NOTIFY_H

#include <stdint.h>

#include "db.h"
#include "tmpl.h"

int	notify_view(struct db *, int64_t, int64_t, const char *, const char *,
	    const char *);
int	notify_view_own(struct db *, int64_t, int64_t, const char *,
	    const char *, const char *);
int	notify_issue(struct db *, int64_t, int64_t, const char *,
	    const char *, const char *);
int	notify_issue_private(struct db *, int64_t, int64_t, const char *,
	    const char *, const char *, const char *);
int	notify_user(struct db *, int64_t, int64_t, const char *,
	    const char *);
int	notify_workers(struct db *, int64_t, const char *, const char *);
int64_t	notify_unread(struct db *, int64_t);
int	notify_list(struct db *, int64_t, struct tval *);
int	notify_read_all(struct db *, int64_t, int64_t);

#endif
