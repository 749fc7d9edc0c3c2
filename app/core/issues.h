/*
 * issues.h: what the council answers. Workers send an issue to a
 * councillor with a due date; the councillor answers with a decision and,
 * for anything but "agreed", the reason; workers publish the outcome.
 */
#ifndef PORTAL_ISSUES_H
#define PORTAL_ISSUES_H

#include <stdint.h>

#include "audit.h"
#include "db.h"
#include "tmpl.h"

#define RESPONSE_MAX	5000
#define ISSUES_PAGE	20	/* outcomes a page on You said, we did */

struct issue {
	int64_t		 id;
	char		 state[20];
	int64_t		 councillor_id;
};

struct response {
	const char	*decision;	/* agreed, partly, not_agreed, more_time */
	const char	*text;		/* written for young people */
	const char	*reason;
	int64_t		 new_due;	/* more_time */
	const char	*action_text;	/* agreed: what will happen */
	const char	*action_owner;
	int64_t		 action_due;
};

struct issue_filter {
	const char	*state;
	int64_t		 category_id;
	int64_t		 councillor_id;
	int		 overdue;
	int64_t		 now;
};

int	issues_get(struct db *, int64_t, struct issue *);
int	issues_detail(struct db *, int64_t, int, struct tval *);
int	issues_list(struct db *, const struct issue_filter *, struct tval *);
int	issues_for_councillor(struct db *, int64_t, int64_t, struct tval *);
int	issues_councillors(struct db *, int64_t, struct tval *);
int	issues_published(struct db *, int64_t, int64_t, struct tval *,
	    int *);
int	issues_may_respond(const struct issue *, int64_t);
int	issues_send(struct db *, const struct actor *, int64_t, int64_t,
	    int64_t, int64_t);
const char *issues_response_problem(const struct response *, int64_t,
	    const char **);
int	issues_respond(struct db *, const struct actor *, int64_t,
	    const struct response *, int64_t);
int	issues_publish(struct db *, const struct actor *, int64_t, int64_t);
const char *issues_decision_label(const char *);

#endif
