/*
 * moderation.h: the participation team's decisions on what young people
 * raise. Nothing goes further until a worker has read it, and nothing
 * flagged goes towards councillors until someone has taken its
 * safeguarding concern. The concern itself is closed only on
 * /safeguarding, whatever is decided here.
 */
#ifndef PORTAL_MODERATION_H
#define PORTAL_MODERATION_H

#include <stdint.h>

#include "audit.h"
#include "db.h"
#include "tmpl.h"

enum mod_result {
	MOD_OK = 0,
	MOD_ERROR = -1,
	MOD_FLAGGED = -2,	/* someone must take the concern first */
	MOD_DONE = -3,		/* already moderated */
	MOD_NO_ISSUE = -4,	/* merge target missing */
};

int		 moderation_queue(struct db *, struct tval *);
int		 moderation_view(struct db *, int64_t, int64_t, struct tval *);
enum mod_result	 moderation_approve(struct db *, const struct actor *,
		    int64_t, const char *, const char *, int64_t, int64_t *);
enum mod_result	 moderation_redirect(struct db *, const struct actor *,
		    int64_t, const char *, const char *, int64_t);
enum mod_result	 moderation_reject(struct db *, const struct actor *,
		    int64_t, const char *, int64_t);
enum mod_result	 moderation_merge(struct db *, const struct actor *,
		    int64_t, int64_t, int64_t);
enum mod_result	 moderation_file_reply(struct db *, const struct actor *,
		    int64_t, int64_t);
const char	*moderation_route_text(const char *);
int		 moderation_next(struct db *, int64_t *);
int		 moderation_decided(struct db *, int64_t, struct tval *);

#endif
