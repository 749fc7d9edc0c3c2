/*
 * concerns.h: safeguarding concerns, the participation team's urgent
 * list.
 *
 * A concern is opened when the safeguarding scan matches something a
 * young person sent, or when a worker raises one by hand. It keeps its
 * own copy of the words, so nothing that happens to the item afterwards
 * (taken back, rejected, purged, its account deleted) loses them, and
 * only a person closes it, writing what was done and who was told.
 *
 * Not here: the phrase matcher (safeguarding.c) and telling staff.
 */
#ifndef PORTAL_CONCERNS_H
#define PORTAL_CONCERNS_H

#include <stdint.h>

#include "audit.h"
#include "db.h"
#include "tmpl.h"

/* What a concern can be about (concerns.kind). */
#define CONCERN_VIEW		"view"
#define CONCERN_COMMENT		"pledge_comment"
#define CONCERN_SUGGESTION	"agenda_suggestion"
#define CONCERN_REPLY		"reply"
#define CONCERN_ACCOUNT		"account"
#define CONCERN_APPEAL		"answer_appeal"	/* "look at it again" */
#define CONCERN_CONSULT		"consult_answer"	/* item: the consultation */

#define CONCERN_REASON_MAX	1000
#define CONCERN_ACTION_MAX	4000

struct concern_in {
	const char	*kind;
	int64_t		 item_id;
	int64_t		 author_id;	/* 0: no account */
	const char	*text;		/* the words; a copy is kept */
	const char	*rules;		/* what the scan matched, or "" */
	const char	*source;	/* "scan" or "worker" */
	int64_t		 raised_by;	/* the worker, for "worker" */
	const char	*reason;	/* the worker's reason */
	int		 urgent;
};

/* The item a worker raises a concern about, as found by concern_item. */
struct concern_item {
	int64_t		 author_id;
	char		 link[64];
	char		 label[48];
};

enum concern_result {
	CONCERN_OK = 0,
	CONCERN_ERROR = -1,
	CONCERN_MISSING = -2,		/* no such concern */
	CONCERN_CLOSED = -3,		/* already closed */
	CONCERN_VAGUE = -4,		/* the action says too little */
	CONCERN_TAKEN = -5,		/* someone else took it meanwhile */
	CONCERN_GREW = -6,		/* words were added since the page */
};

int64_t	concern_open(struct db *, const struct actor *,
	    const struct concern_in *, int64_t);
int	concern_open_same(struct db *, const char *, int64_t, int64_t,
	    const char *);
int64_t	concern_scanned(struct db *, const struct actor *, const char *,
	    int64_t, const char *, const char *, int64_t);
int	concern_raise(struct db *, const struct actor *, const char *,
	    int64_t, const char *, int, int64_t, int64_t *);
int	concern_item(struct db *, const char *, int64_t, struct concern_item *,
	    struct buf *);
#define CONCERNS_PAGE	100	/* concerns a page on the lists */

/* Which page of which list. */
struct concern_filter {
	int		 closed;
	int		 newest;	/* open ones, newest first */
	int64_t		 page;		/* from 0 */
};

int	concerns_list(struct db *, struct concern_filter *, int64_t,
	    struct tval *, int64_t *);
int64_t	concerns_count_open(struct db *);
int64_t	concerns_count_kind(struct db *, const char *);
int	concern_show(struct db *, int64_t, int64_t, struct tval *);
int	concern_is_closed(struct db *, int64_t);
enum concern_result concern_note(struct db *, const struct actor *, int64_t,
	    const char *, int64_t);
enum concern_result concern_hold(struct db *, const struct actor *, int64_t,
	    int64_t, int64_t);
enum concern_result concern_close(struct db *, const struct actor *, int64_t,
		    const char *, int64_t, int64_t, int64_t);
int	concern_action_ok(const char *);
int	concerns_for_item(struct db *, const char *, int64_t, int64_t,
	    struct tval *);
int	concerns_open_about(struct db *, const char *, int64_t);
int	concerns_unheld(struct db *, const char *, int64_t);
const char *concern_kind_label(const char *);
int	concern_name(struct db *, const struct actor *, int64_t, const char *,
	    const char *, int64_t);

#endif
