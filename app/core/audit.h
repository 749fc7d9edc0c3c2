/*
 * audit.h: the append-only audit log. Written in the same transaction as
 * the change it records.
 */
#ifndef PORTAL_AUDIT_H
#define PORTAL_AUDIT_H

#include <stdint.h>

#include "db.h"
#include "tmpl.h"

/* Who is acting, and from where. id 0 means nobody signed in. */
struct actor {
	int64_t		 id;
	const char	*name;
	const char	*role;
	const char	*ip;
};

/* What an admin filters the log by; empty strings and zeros mean "any". */
struct audit_filter {
	const char	*action;
	const char	*actor;
	int64_t		 from;
	int64_t		 to;
	int64_t		 before;	/* paging: rows with id below this */
	int		 limit;
};

int	audit_list(struct db *, const struct audit_filter *, struct tval *,
	    int64_t *);
int	audit_actions(struct db *, struct tval *, const char *);
int	audit_write(struct db *, const struct actor *, const char *,
	    const char *, int64_t, const char *);
int	audit_write_hourly(struct db *, const struct actor *, const char *,
	    const char *, int64_t, const char *);

#endif
