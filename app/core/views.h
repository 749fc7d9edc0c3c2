/*
 * views.h: what young people raise, and their own view of what happened
 * to it. Moderation is in moderation.c, issues in issues.c.
 */
#ifndef PORTAL_VIEWS_H
#define PORTAL_VIEWS_H

#include <stdint.h>

#include "audit.h"
#include "db.h"
#include "tmpl.h"

#define VIEW_TITLE_MAX		120
#define VIEW_BODY_MAX		5000
#define VIEW_BETTER_MAX		2000
#define VIEW_TRACK_SYMBOLS	16	/* 80 bits */
#define VIEW_TRACK_LEN		24

struct view_input {
	int64_t		 category_id;
	const char	*title;
	const char	*body;
	const char	*better;
	int		 share;		/* with councillors, without a name */
	const char	*publish;	/* "no", "name" or "anonymous" */
	const char	*form_token;
	int64_t		 for_id;	/* typed in by a worker for them */
	const char	*given_via;	/* then: paper, phone, meeting, other */
	int64_t		 reply_to;	/* a reply to this issue's answer */
	/* Set when the sender already ran the safeguarding scan on
	 * title, body and better (views_scan()): the writer need not. */
	int		 scanned;
	int		 hits;
	const char	*topics;
	const char	*note;		/* for its concern: where it came from */
};

struct view_created {
	int64_t		 id;
	int		 flagged;
	int		 duplicate;	/* the same form sent again */
	char		 track[VIEW_TRACK_LEN];	/* no account: the code */
};

struct view {
	int64_t		 id;
	int64_t		 author_id;
	int64_t		 issue_id;
	char		 state[16];
	char		 issue_state[20];
	int		 read;		/* a worker has opened it */
};

int	views_categories(struct db *, struct tval *, int64_t);
int	views_category_valid(struct db *, int64_t);
int		 views_sent_before(struct db *, const struct actor *,
		    const struct view_input *);
int	views_create(struct db *, const struct actor *,
	    const struct view_input *, int64_t, struct view_created *);
int	views_scan(struct db *, struct arena *, struct view_input *);
int	views_rescue(struct db *, struct arena *, struct view_input *,
	    const char *, const char *, const char *, int);
int	views_get(struct db *, int64_t, struct view *);
int	views_by_track(struct db *, const char *, struct view *);
int	views_may_see(const struct view *, int64_t);
int	views_mine(struct db *, int64_t, struct tval *);
int	views_show(struct db *, const struct view *, struct tval *);
void	views_put_words(sqlite3_stmt *, int64_t, struct tval *);
int	views_may_withdraw(const struct view *);
int	views_withdraw(struct db *, const struct actor *, const struct view *,
	    int64_t);
const char *views_state_label(const char *, const char *);
const char *views_label(const char *, const char *, int);
const char *views_given_label(const char *);
extern const char *const views_given_ways[];
int	views_mark_read(struct db *, const struct actor *, int64_t, int64_t);

#endif
