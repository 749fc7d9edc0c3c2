/*
 * alert.h: telling the on-call that a concern has opened: an in-app
 * notification for every active worker and admin, and one email per
 * safeguarding address through the outbox. Neither holds a child's
 * words or anyone's name: only that a concern is waiting, and where.
 */
#ifndef PORTAL_ALERT_H
#define PORTAL_ALERT_H

#include <stdint.h>

#include "db.h"

int	alert_new_concern(struct db *, int64_t, int, int64_t);
int	alert_flood_concern(struct db *, int64_t);

#endif
