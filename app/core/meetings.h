/*
 * meetings.h: Children in Care Council meetings: schedule, agenda
 * (issues, Pledge promises, free items), minutes, actions, items for the
 * corporate parenting board and its replies, young people's suggestions.
 */
#ifndef PORTAL_MEETINGS_H
#define PORTAL_MEETINGS_H

#include <stdint.h>

#include "audit.h"
#include "db.h"
#include "issues.h"
#include "tmpl.h"

/*
 * What an agenda item is called and says wherever members, the room's
 * screen or the board read it (a: agenda_items; i: its issue and c: that
 * issue's category, both LEFT JOINed). An issue holding a view its author
 * kept private shows only its public words, decided as it is read: a
 * private view may join the issue after the item was added, and items
 * added before this rule kept the issue's first title.
 */
/*
 * An issue holding a private view reads by its published title, else
 * its theme and number: two on one agenda (or the board's list) under
 * one theme must still be told apart, and a number says nothing of who.
 */
#define AGENDA_PRIVATE_TITLE						\
	"(CASE WHEN i.public_title IS NOT NULL THEN i.public_title "	\
	"ELSE c.name || ' (issue ' || i.id || ')' END)"
#define AGENDA_TITLE							\
	"(CASE WHEN " ISSUE_HAS_PRIVATE " THEN " AGENDA_PRIVATE_TITLE	\
	" ELSE a.title END)"
#define AGENDA_SUMMARY							\
	"(CASE WHEN " ISSUE_HAS_PRIVATE " THEN " ISSUE_PUBLIC_SUMMARY	\
	" ELSE coalesce(i.summary, '') END)"

struct meeting_input {
	const char	*title;
	int64_t		 starts_at;
	const char	*place;
	const char	*link;
	const char	*invited;
};

int	meeting_create(struct db *, const struct actor *,
	    const struct meeting_input *, int64_t, int64_t *);
int	meeting_list(struct db *, int64_t, int64_t, struct tval *);
int	meeting_get(struct db *, int64_t, int, struct tval *);
int	meeting_add_item(struct db *, const struct actor *, int64_t,
	    const char *, int64_t, const char *);
int	meeting_move_item(struct db *, int64_t, int64_t, int);
int	meeting_minutes(struct db *, const struct actor *, int64_t, int64_t,
	    const char *, int, const char *, const char *);
int	meeting_add_action(struct db *, const struct actor *, int64_t,
	    int64_t, const char *, const char *, int64_t, int64_t);
int	meeting_publish(struct db *, const struct actor *, int64_t,
	    int64_t);
int	meeting_suggest(struct db *, const struct actor *, int64_t,
	    const char *, int64_t, int *);
int	meeting_suggestions(struct db *, int64_t, struct tval *);
int	meeting_options(struct db *, struct tval *, struct tval *);
int	meeting_decide(struct db *, const struct actor *, int64_t, int64_t,
	    int);

#endif
