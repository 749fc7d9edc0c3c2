/*
 * mydata.h: a young person's rights over their data: see everything the
 * portal holds about them, take their unanswered views away, take their
 * name off published outcomes, ask for their account to be closed.
 */
#ifndef PORTAL_MYDATA_H
#define PORTAL_MYDATA_H

#include <stdint.h>

#include "audit.h"
#include "db.h"
#include "tmpl.h"
#include "views.h"

int	mydata_collect(struct db *, int64_t, struct tval *);
int	mydata_may_delete(const struct view *);
int	mydata_delete_view(struct db *, const struct actor *,
	    const struct view *, const char **);
int	mydata_hide_name(struct db *, const struct actor *, int64_t, int *);
int	mydata_ask_close(struct db *, const struct actor *, const char *, int,
	    int64_t);

#endif
