/*
 * holidays.h: days the council does not work besides weekends (bank
 * holidays, closure days), kept by admins, so deadlines counted in working
 * days skip them.
 */
#ifndef PORTAL_HOLIDAYS_H
#define PORTAL_HOLIDAYS_H

#include <stdint.h>

#include "audit.h"
#include "db.h"
#include "timefmt.h"
#include "tmpl.h"

#define HOLIDAY_NAME_MAX	80

int	holidays_from(struct db *, int64_t, struct time_days *);
int	holidays_list(struct db *, int64_t, struct tval *);
int	holidays_add(struct db *, const struct actor *, const char *,
	    const char *, const char **);
int	holidays_remove(struct db *, const struct actor *, int64_t);
int64_t	holidays_working_days(struct db *, int64_t, int);
int	holidays_working(struct db *, int64_t);

#endif
