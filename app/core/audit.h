/*
 * audit.h: the append-only audit log. Written in the same transaction as
 * the change it records.
 */
#ifndef PORTAL_AUDIT_H
#define PORTAL_AUDIT_H

#include <stdint.h>

#include "db.h"

/* Who is acting, and from where. id 0 means nobody signed in. */
struct actor {
	int64_t		 id;
	const char	*name;
	const char	*role;
	const char	*ip;
};

int	audit_write(struct db *, const struct actor *, const char *,
	    const char *, int64_t, const char *);

#endif
