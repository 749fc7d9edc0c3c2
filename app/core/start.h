/*
 * start.h: what each member of staff sees first when they sign in (the
 * /start page): the work waiting for them, counted, with the few items
 * that are late or urgent listed. Young people's start is the home page.
 */
#ifndef PORTAL_START_H
#define PORTAL_START_H

#include <stdint.h>

#include "db.h"
#include "tmpl.h"

/* Meetings this many seconds ahead count as "soon". */
#define START_MEETINGS_AHEAD	(14 * 86400)

int	start_councillor(struct db *, int64_t, int64_t, struct tval *);
int	start_worker(struct db *, int64_t, int64_t, struct tval *);
int	start_admin(struct db *, int64_t, struct tval *);
int64_t	start_queue_count(struct db *);
int64_t	start_answers_waiting(struct db *, int64_t);

#endif
