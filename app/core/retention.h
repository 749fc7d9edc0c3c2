/*
 * retention.h: deleting what is past its time (portalctl purge).
 *
 * Unpublished views older than retention_unpublished_days go, with their
 * timelines and notifications; views with an open safeguarding concern
 * are kept and counted. Young people's accounts turned off longer than
 * retention_closed_account_days go; their published views stay, without
 * an author. An account that a kept record still points at (a concern, a
 * worrying comment) is wiped instead: no name, no password, no details,
 * only its number. A concern keeps its own copy of the words: it stays
 * open until a person closes it, then for retention_concern_years. Audit
 * rows keep what was done but lose the name and address of who did it;
 * every audit row loses its address after audit_ip_days.
 */
#ifndef PORTAL_RETENTION_H
#define PORTAL_RETENTION_H

#include <stdint.h>

#include "audit.h"
#include "db.h"

struct purge_counts {
	int64_t		 views;
	int64_t		 views_kept;	/* safeguarding records */
	int64_t		 accounts;
	int64_t		 concerns;	/* closed, past their years */
	int64_t		 accounts_kept;	/* wiped, kept for a record */
	char		 why[256];	/* SQLite's reason, when it failed */
};

int	retention_purge(struct db *, const struct actor *, int64_t, int,
	    struct purge_counts *);
int	retention_last(struct db *, struct tval *);

#endif
