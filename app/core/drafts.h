/*
 * drafts.h: a view's words kept for a short while when the session that
 * was writing it ran out, keyed by a random id held in one browser's
 * cookie. Not an autosave: only a stale Send is kept.
 */
#ifndef PORTAL_DRAFTS_H
#define PORTAL_DRAFTS_H

#include <stdint.h>

#include "arena.h"
#include "db.h"
#include "views.h"

#define DRAFT_TTL	(2 * 3600)	/* seconds a draft is kept */

int	drafts_save(struct db *, const char *, const struct view_input *,
	    int64_t);
int	drafts_load(struct db *, struct arena *, const char *, int64_t,
	    struct view_input *);
int	drafts_delete(struct db *, const char *);

#endif
