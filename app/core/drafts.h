/*
 * drafts.h: a view's words kept for a short while when the session that
 * was writing it ran out, keyed by a random id held in one browser's
 * cookie and given back only to that session's account; and a signed-in
 * young person's "Save for later", kept under their account until the
 * view is sent.
 */
#ifndef PORTAL_DRAFTS_H
#define PORTAL_DRAFTS_H

#include <stdint.h>

#include "arena.h"
#include "db.h"
#include "views.h"

#define DRAFT_TTL	(2 * 3600)	/* seconds a draft is kept */
/* An account's "Save for later" draft: kept until sent, or this long. */
#define DRAFT_USER_TTL	(90 * 86400)

int	drafts_save(struct db *, const char *, int64_t,
	    const struct view_input *, int64_t);
int	drafts_load(struct db *, struct arena *, const char *, int64_t,
	    int64_t, struct view_input *);
int	drafts_delete(struct db *, const char *, int64_t);
int	drafts_user_save(struct db *, int64_t, const struct view_input *,
	    int64_t);
int	drafts_user_load(struct db *, struct arena *, int64_t, int64_t,
	    struct view_input *);
int	drafts_user_delete(struct db *, int64_t);
/* What words a draft holds, in short: "from_saved" on the form. */
#define DRAFT_TAG_LEN	33
void	drafts_tag(const struct view_input *, char *);
int	drafts_user_delete_tagged(struct db *, int64_t, const char *);

#endif
