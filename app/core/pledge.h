/*
 * pledge.h: the Care Pledge: versions, promises, the council's progress
 * updates, young people's own verdicts, the scorecard, and councillors'
 * personal pledges.
 */
#ifndef PORTAL_PLEDGE_H
#define PORTAL_PLEDGE_H

#include <stdint.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "tmpl.h"
#include "users.h"

#define PROMISE_TITLE_MAX	160
#define PROMISE_TEXT_MAX	2000
#define VERDICT_COMMENT_MAX	1000

enum verdict {
	V_YES,
	V_PARTLY,
	V_NO,
	V_NOT_SURE,
	V_COUNT,
};

struct promise_input {
	int64_t		 theme_id;
	const char	*title;
	const char	*description;
	int		 statutory;
	const char	*delivery;
	const char	*measure;
	const char	*target;
	int64_t		 owner_id;	/* a councillor, or 0 */
	const char	*owner_team;
	int64_t		 due_on;
};

struct promise_ref {
	int64_t		 id;
	int64_t		 version_id;
	char		 version_state[8];
	int64_t		 owner_id;
	char		 status[16];
	int		 progress;
};

const char	*pledge_status_label(const char *);
int		 pledge_status_valid(const char *);
const char	*pledge_update_problem(const char *, const char *, int);
void		 pledge_tally(const int64_t *, int64_t, struct tval *);
const char	*pledge_verdict_key(enum verdict);
const char	*pledge_verdict_words(const char *);
int64_t		 pledge_last_update(struct db *, int64_t);

int		 pledge_current_id(struct db *, int64_t *);
int		 pledge_draft_id(struct db *, int64_t *);
int		 pledge_version(struct db *, int64_t, int64_t, int64_t,
		    struct tval *);
int		 pledge_versions(struct db *, struct tval *);
int		 pledge_draft_new(struct db *, const struct actor *, int64_t,
		    int64_t, int64_t *);
int		 pledge_draft_set(struct db *, const struct actor *, int64_t,
		    const char *, const char *, int64_t);
int		 pledge_draft_publish(struct db *, const struct actor *,
		    int64_t, int64_t);

int		 pledge_promise_ref(struct db *, int64_t, struct promise_ref *);
int		 pledge_promise(struct db *, int64_t, int64_t, struct tval *);
int		 pledge_promise_save(struct db *, const struct actor *,
		    int64_t, int64_t, const struct promise_input *,
		    int64_t *);
int		 pledge_promise_remove(struct db *, const struct actor *,
		    int64_t, int64_t);
int		 pledge_promise_move(struct db *, const struct actor *,
		    int64_t, int64_t, int);
int		 pledge_draft_discard(struct db *, const struct actor *,
		    int64_t);
int		 pledge_remind_stale(struct db *, int64_t, int64_t);
int64_t		 pledge_stale_count(struct db *, int64_t, int64_t);
int		 pledge_draft_comment(struct db *, const struct actor *,
		    int64_t, const char *, int64_t, int *);
int		 pledge_may_update(enum role, int64_t,
		    const struct promise_ref *);
int		 pledge_update(struct db *, const struct actor *, int64_t,
		    const char *, int, const char *, const char *, int64_t);

int		 pledge_check_list(struct db *, int64_t, int64_t,
		    struct tval *);
int		 pledge_verdict_set(struct db *, const struct actor *, int64_t,
		    const char *, const char *, int64_t, int *);
int		 pledge_comments(struct db *, struct tval *);
int		 pledge_comment_decide(struct db *, const struct actor *,
		    int64_t, int, const char *);

int		 pledge_scorecard(struct db *, int64_t, int64_t, struct tval *);
int		 pledge_scorecard_csv(struct db *, int64_t, int64_t,
		    struct buf *);
void		 csv_field(struct buf *, const char *, int);

int		 pledge_themes(struct db *, int64_t, struct tval *);
int		 pledge_owned(struct db *, int64_t, int64_t, struct tval *);
int		 pledge_personal_list(struct db *, int64_t, struct tval *);
int		 pledge_personal_add(struct db *, const struct actor *,
		    const char *, int64_t);
int		 pledge_personal_update(struct db *, const struct actor *,
		    int64_t, const char *, const char *, int64_t);

#endif
