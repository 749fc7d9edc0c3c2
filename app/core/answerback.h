/*
 * answerback.h: young people answer back to what the council decided.
 *
 * - A reply to an answer is a view (views.c) with reply_to set: scanned,
 *   moderated and followed like any view. Here: whether a view's answer
 *   may be replied to, and what the reply is filed under.
 * - "Please look at it again": a request with the young person's reason;
 *   a participation worker reopens the issue to its councillor or
 *   declines with a reason the young person reads. One open request per
 *   person per issue (a unique index).
 * - "Me too" on a published issue: one per person, undone at will; the
 *   count is shown only at or over the small_count setting.
 *
 * Not for: moderating the reply (moderation.c) or the answer itself
 * (issues.c, answers.c).
 */
#ifndef PORTAL_ANSWERBACK_H
#define PORTAL_ANSWERBACK_H

#include <stdint.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "tmpl.h"
#include "views.h"

#define APPEAL_REASON_MAX	2000
#define APPEAL_DECISION_MAX	2000
#define REPLY_BODY_MAX		VIEW_BODY_MAX

enum ab_result {
	AB_OK = 0,
	AB_ERROR = -1,
	AB_NOT_NOW = -2,	/* not allowed in this state */
	AB_ALREADY = -3,	/* an open request already waits */
};

/* What the author of a view may do about its answer. */
struct ab_answer {
	int64_t		 issue_id;
	int64_t		 category_id;
	char		 title[128];	/* the issue's, for the reply's title */
	int		 can_reply;	/* young people have been told it */
	int		 can_ask;	/* partly or not agreed */
};

int	ab_answer_of(struct db *, const struct view *, struct ab_answer *);
int	ab_view_context(struct db *, const struct view *, int64_t,
	    struct tval *);
int	ab_reply_context(struct db *, const struct view *, struct tval *);

enum ab_result ab_appeal_create(struct db *, const struct actor *,
	    const struct view *, const char *, int64_t, int *);
int	ab_appeals_open(struct db *, int64_t, struct tval *);
int64_t	ab_appeals_count(struct db *, int64_t);
enum ab_result ab_appeal_decide(struct db *, const struct actor *, int64_t,
	    int64_t, int, const char *, int64_t, int64_t);

enum ab_result ab_metoo_set(struct db *, const struct actor *, int64_t, int,
	    int64_t);
int	ab_metoo_put(struct db *, int64_t, int64_t, int64_t, struct tval *);

#endif
