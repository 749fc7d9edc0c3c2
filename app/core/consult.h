/*
 * consult.h: consultations, "We asked, you said, we did" (issue #15).
 *
 * A worker writes a consultation (why, who for, when, questions), opens
 * it, closes it, reads the results and publishes an outcome. Young people
 * in its audience answer it a few questions a page, named or anonymous.
 * An anonymous response holds no account id: only a one-way marker (a
 * keyed hash of the account and the consultation) stops a second one and
 * finds an unfinished one again. Questions freeze at the first response
 * (a trigger in 0026).
 *
 * consult.c: writing, targeting, answering. consult_results.c: counts
 * with suppression, charts, CSV, free text, tags, issues.
 */
#ifndef PORTAL_CONSULT_H
#define PORTAL_CONSULT_H

#include <stdint.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "tmpl.h"

#define CONSULT_TITLE_MAX	120
#define CONSULT_WHY_MAX		2000
#define CONSULT_Q_MAX		500
#define CONSULT_OPTS_MAX	8	/* choices a question may have */
#define CONSULT_OPT_MAX		80
#define CONSULT_WORD_MAX	40	/* a scale's end word */
#define CONSULT_SHORT_MAX	200
#define CONSULT_LONG_MAX	3000
#define CONSULT_OUTCOME_MAX	3000
#define CONSULT_THEME_MAX	40
#define CONSULT_PER_PAGE	3	/* questions a page, for a phone */
#define CONSULT_QUESTIONS_MAX	40

enum consult_rc {
	CONSULT_OK = 0,
	CONSULT_ERROR = -1,
	CONSULT_FROZEN = -2,	/* someone has answered */
	CONSULT_STATE = -3,	/* not in a state that allows it */
	CONSULT_DONE = -4,	/* already answered */
	CONSULT_FLAGGED = -5,	/* an open concern nobody has taken */
};

struct consult {
	int64_t		 id;
	char		 title[CONSULT_TITLE_MAX * 4 + 1];
	char		 state[12];
	char		 bands[64];
	char		 area[8];
	int		 leavers;
	int64_t		 opens_at;
	int64_t		 closes_at;
	int64_t		 responses;	/* started, finished or not */
};

struct consult_in {
	const char	*title;
	const char	*why;
	const char	*bands;		/* space-separated, "" all */
	const char	*area;		/* any, inside, outside */
	int		 leavers;
	int64_t		 opens_at;
	int64_t		 closes_at;
};

struct consult_question_in {
	const char	*kind;		/* one, several, scale, short, long */
	const char	*text;
	const char	*simple;
	int		 optional;
	const char	*low_word;
	const char	*high_word;
	const char	*options[CONSULT_OPTS_MAX];
	size_t		 noptions;
};

/* Who is answering, as the audience check and the splits see them. */
struct consult_person {
	int64_t		 id;
	const char	*age_band;	/* "" unknown */
	int		 lives_outside;	/* -1 unknown */
};

struct consult_response {
	int64_t		 id;
	int		 anonymous;
	int		 page;
	int		 finished;
};

/* One answer as typed: NULL fields were not sent. */
struct consult_answer_in {
	int64_t		 question_id;
	const char	*kind;
	int64_t		 option_ids[CONSULT_OPTS_MAX];
	size_t		 noptions;
	int		 scale;		/* 0 none */
	const char	*text;		/* NULL none */
};

int	 consult_kind_valid(const char *);
int	 consult_bands_valid(const char *);
const char *consult_audience_words(struct arena *, const char *,
	    const char *, int);

int	 consult_create(struct db *, const struct actor *,
	    const struct consult_in *, int64_t, int64_t *);
int	 consult_update(struct db *, const struct actor *, int64_t,
	    const struct consult_in *);
int	 consult_get(struct db *, int64_t, struct consult *);
int	 consult_detail(struct db *, int64_t, struct tval *);
int	 consult_list_manage(struct db *, int64_t, struct tval *);
int	 consult_question_add(struct db *, const struct actor *, int64_t,
	    const struct consult_question_in *);
int	 consult_question_remove(struct db *, const struct actor *, int64_t,
	    int64_t);
int	 consult_questions(struct db *, int64_t, struct tval *);
int	 consult_question_count(struct db *, int64_t);
int	 consult_set_state(struct db *, const struct actor *, int64_t,
	    const char *, int64_t);
int	 consult_outcome(struct db *, const struct actor *, int64_t,
	    const char *, const char *, const char *, int, int64_t);

int	 consult_for_band(const struct consult *, const char *);
int	 consult_for_area(const struct consult *, int);
int	 consult_person_known(const struct consult_person *);
int	 consult_for(const struct consult *, const struct consult_person *,
	    int64_t);
int	 consult_open_list(struct db *, const struct consult_person *,
	    int64_t, struct tval *);
int64_t	 consult_next_change(struct db *, int64_t);
int64_t	 consult_open_count(struct db *, const struct consult_person *,
	    int64_t);
int	 consult_marker(struct db *, int64_t, int64_t, unsigned char *);
int	 consult_response_find(struct db *, int64_t, int64_t,
	    struct consult_response *);
int	 consult_response_start(struct db *, const struct actor *, int64_t,
	    const struct consult_person *, int, int64_t,
	    struct consult_response *);
int	 consult_answers_save(struct db *, const struct actor *, int64_t,
	    const struct consult_response *, const struct consult_answer_in *,
	    size_t, int, int, int64_t, int *);
int	 consult_answers_mine(struct db *, int64_t, struct tval *);
int	 consult_worry_kept(struct db *, int64_t, const char *, const char *,
	    int, const struct actor *, int64_t);

/* consult_results.c */
int	 consult_results(struct db *, int64_t, int64_t, struct tval *);
int	 consult_results_csv(struct db *, int64_t, int64_t, struct buf *);
#define CONSULT_HANDLE_LEN	17	/* a text answer's handle, hex */
int	 consult_texts(struct db *, int64_t, struct tval *);
int	 consult_text_find(struct db *, int64_t, const char *, int64_t *);
int	 consult_tag(struct db *, const struct actor *, int64_t, int64_t,
	    const char *);
int	 consult_to_issue(struct db *, const struct actor *, int64_t,
	    int64_t, int64_t, const char *, const char *, int64_t, int64_t *);
int	 consult_published(struct db *, struct tval *);

#endif
