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

/*
 * What the public reads of an issue (i: issues, c: categories). An issue
 * that gathered a view its author kept private ("No, keep it private")
 * shows only words a worker typed when publishing it; an older one without
 * them shows the theme and a plain sentence, never the worker's first
 * title, which may be the young person's own.
 */
#define ISSUE_HAS_PRIVATE						\
	"EXISTS (SELECT 1 FROM views pv WHERE pv.issue_id = i.id "	\
	"AND pv.publish = 'no')"
#define ISSUE_PUBLIC_TITLE						\
	"(CASE WHEN i.public_title IS NOT NULL THEN i.public_title "	\
	"WHEN " ISSUE_HAS_PRIVATE " THEN c.name ELSE i.title END)"
#define ISSUE_PUBLIC_SUMMARY						\
	"(CASE WHEN i.public_summary IS NOT NULL THEN i.public_summary "\
	"WHEN " ISSUE_HAS_PRIVATE " THEN 'Young people raised this "	\
	"with the council.' ELSE i.summary END)"

/*
 * An issue late with its councillor at the time in SQL parameter now:
 * still waiting for an answer after its first due date. More time or a
 * move gives a later due_at, but the board report counts lateness from
 * the first date, so the overdue list and the start page's counts of it
 * do too (first_due_at is NULL only on issues sent before it was kept).
 * p: the prefix of the issues table's columns ("i." or "").
 */
#define ISSUE_LATE(p, now)						\
	"(" p "state = 'with_councillor' AND "				\
	"coalesce(" p "first_due_at, " p "due_at) < " now ")"

#define PUBLIC_WORDS_MAX	2000	/* a public summary typed at publishing */
#define QUOTE_WORDS		5	/* this many words in a row is a quote */
#define QUOTE_SHORT		3	/* so is a whole sentence this long */

enum publish_result {
	PUBLISH_OK,
	PUBLISH_ERROR,		/* not answered, or the database failed */
	PUBLISH_NEEDS_WORDS,	/* a private view: the worker's own words */
	PUBLISH_QUOTES,		/* those words quote a private view */
	PUBLISH_ANSWER_QUOTES,	/* so does the councillor's answer */
};

struct issue {
	int64_t		 id;
	char		 state[20];
	int64_t		 councillor_id;
	int64_t		 answered_at;	/* 0 until answered */
};

struct response {
	const char	*decision;	/* agreed, partly, not_agreed, more_time */
	const char	*text;		/* written for young people */
	const char	*reason;
	int64_t		 new_due;	/* more_time */
	const char	*action_text;	/* agreed: what will happen */
	const char	*action_owner;
	int64_t		 action_due;
	/* When the councillor sent it (a worker checks it later): the
	 * time it was answered. 0: now. */
	int64_t		 written_at;
};

struct issue_filter {
	const char	*state;
	int64_t		 category_id;
	int64_t		 councillor_id;
	int		 overdue;
	int64_t		 now;
};

int	issues_get(struct db *, int64_t, struct issue *);
int	issues_held_by(struct db *, int64_t, int64_t *, int64_t *,
	    int64_t *);
int	issues_detail(struct db *, int64_t, int, struct tval *);
int	issues_list(struct db *, const struct issue_filter *, struct tval *);
int	issues_for_councillor(struct db *, int64_t, int64_t, struct tval *);
int	issues_councillors(struct db *, int64_t, struct tval *);
int	issues_published(struct db *, int64_t, int64_t, struct tval *,
	    int *);
int	issues_may_respond(const struct issue *, int64_t);
int	issues_send(struct db *, const struct actor *, int64_t, int64_t,
	    int64_t, int64_t);
int	issues_move(struct db *, const struct actor *, int64_t, int64_t,
	    int64_t, int64_t);
const char *issues_response_problem(const struct response *, int64_t,
	    const char **);
int	issues_respond(struct db *, const struct actor *, int64_t,
	    const struct response *, int64_t);
int	issues_has_private(struct db *, int64_t);
int	issues_quotes(const char *, const char *, int);
int	issues_quotes_private(struct db *, int64_t, const char *);
int	issues_answer_quotes_private(struct db *, int64_t,
	    const struct response *);
enum publish_result issues_publish(struct db *, const struct actor *,
	    int64_t, const char *, const char *, int64_t);
const char *issues_decision_label(const char *);

#endif
