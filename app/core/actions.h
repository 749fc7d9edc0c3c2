/*
 * actions.h: actions that finish. Every action a councillor's answer
 * promised or a Children in Care Council meeting agreed has an owner (an
 * account), a due date and a state: open, done (with dated evidence) or
 * dropped (with a reason young people read). Rows are made by triggers
 * in migrations/0021_actions.sql. Once an action is done, each young
 * person who raised its issue is asked "Did it happen?" (yes, partly,
 * no, not sure), one answer each, changeable; the counts are shown with
 * small-number suppression (pledge_tally, suppress.c).
 *
 * Not for: writing the action in the first place (issues.c, meetings.c).
 */
#ifndef PORTAL_ACTIONS_H
#define PORTAL_ACTIONS_H

#include <stdint.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "tmpl.h"

#define ACTION_EVIDENCE_MAX	2000
#define ACTION_LINK_MAX		300
#define ACTION_REASON_MAX	2000

struct action {
	int64_t		 id;
	int64_t		 issue_id;	/* 0: a meeting action on no issue */
	int64_t		 owner_id;
	char		 state[8];	/* open, done, dropped */
};

enum action_result {
	ACTION_OK,
	ACTION_ERROR,
	ACTION_MISSING,
	ACTION_CLOSED,		/* done or dropped already */
	ACTION_VAGUE,		/* evidence or reason too short to read */
	ACTION_FUTURE,		/* done on a day still to come */
	ACTION_EARLY,		/* done before the day it was agreed */
	ACTION_QUOTES,		/* quotes a private view of its issue */
};

/* Counts for the board report, over actions made in [from, to). */
struct action_counts {
	int64_t		 open;
	int64_t		 overdue;	/* open and past their due day */
	int64_t		 done;
	int64_t		 done_late;	/* done after their due day */
	int64_t		 dropped;
};

int	actions_get(struct db *, int64_t, struct action *);
int	actions_may_close(const struct action *, int, int64_t);
int	actions_list(struct db *, int64_t, int, int64_t, struct tval *);
int	actions_show(struct db *, int64_t, int64_t, int64_t, struct tval *);
int	actions_of_issue(struct db *, int64_t, int, int64_t, int64_t,
	    struct tval *);
enum action_result actions_done(struct db *, const struct actor *, int64_t,
	    const char *, int64_t, const char *, int64_t);
enum action_result actions_drop(struct db *, const struct actor *, int64_t,
	    const char *, int64_t);
int	actions_may_answer(struct db *, int64_t, int64_t);
int	actions_answer_valid(const char *);
int	actions_answer(struct db *, const struct actor *, int64_t,
	    const char *, int64_t);
int	actions_happened_form(struct db *, int64_t, int64_t, struct tval *);
int	actions_to_answer(struct db *, int64_t, int64_t, struct tval *);
int	actions_open_data(struct db *, int64_t, struct buf *);
int	actions_counts(struct db *, int64_t, int64_t, int64_t,
	    struct action_counts *);

#endif
