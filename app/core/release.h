/*
 * release.h: counts people change themselves, shown in steps.
 *
 * How a Pledge promise is kept for them, "Did it happen?" and "me too"
 * are answers a young person can change at will. Shown live, one person
 * could change theirs and watch a hidden count ("fewer than 5") become
 * 5, and so learn it was 4. So what everyone sees of each count (one
 * answer on one promise, action or issue) is what it was at its last
 * release (released_counts), and it is released again only once at
 * least small_count people have moved into or out of it since: one
 * person's change is always mixed with at least four others' in that
 * same count. The person's own answer is theirs to see at once.
 */
#ifndef PORTAL_RELEASE_H
#define PORTAL_RELEASE_H

#include <stdint.h>

#include "db.h"

#define RELEASE_PLEDGE		"pledge"	/* item: a promise */
#define RELEASE_HAPPENED	"happened"	/* item: an action */
#define RELEASE_METOO		"metoo"		/* item: an issue; answer "" */

int	release_changed(struct db *, const char *, int64_t, int64_t,
	    const char *, const char *);
int	release_all(struct db *);

#endif
