/*
 * seed_consult.c: the demo council's consultations (issue #15): one
 * closed, with results and a published outcome, and one open. The
 * closed one's answers are made up, anonymous and linked to no account
 * (as if typed in from paper forms), through the model's own functions.
 */
#include <stdio.h>
#include <string.h>

#include "consult.h"
#include "seed.h"

#define DAY	86400

static const struct actor seed_worker = { 0, "portalctl", "", "" };

static int
question(struct db *db, int64_t cid, const char *kind, const char *text,
    const char *simple, const char *const *opts, const char *low,
    const char *high)
{
	struct consult_question_in	 q;

	memset(&q, 0, sizeof(q));
	q.kind = kind;
	q.text = text;
	q.simple = simple;
	q.low_word = low;
	q.high_word = high;
	q.optional = strcmp(kind, "long") == 0;
	for (; opts != NULL && opts[q.noptions] != NULL; q.noptions++)
		q.options[q.noptions] = opts[q.noptions];
	return (consult_question_add(db, &seed_worker, cid, &q));
}

static int64_t
first_q(struct db *db, int64_t cid, int pos, int64_t *opt0)
{
	int64_t	 q;

	q = 0;
	*opt0 = 0;
	(void)db_int(db, &q, "SELECT id FROM consult_questions WHERE "
	    "consultation_id = ?1 AND position = ?2", "ii", cid,
	    (int64_t)pos);
	(void)db_int(db, opt0, "SELECT coalesce(min(id), 0) FROM "
	    "consult_options WHERE question_id = ?1", "i", q);
	return (q);
}

/* 120 made-up answers to the closed one: spread so most cells show. */
static int
answers(struct db *db, int64_t cid, int64_t now)
{
	static const char *bands[] = { "12_15", "16_17", "16_17", "18_21" };
	static const char *words[] = { "More trips in the holidays",
	    "Free gym passes", "A youth club near my placement",
	    "Cheaper bus fares so I can get there" };
	struct consult_answer_in	 in[3];
	struct consult_person		 p;
	struct consult_response		 r;
	int64_t				 q1, o1, q2, o2, q3, o3;
	int				 i, flagged;

	q1 = first_q(db, cid, 1, &o1);
	q2 = first_q(db, cid, 2, &o2);
	q3 = first_q(db, cid, 3, &o3);
	for (i = 0; i < 120; i++) {
		memset(&p, 0, sizeof(p));
		p.id = 900000 + i;	/* no account: only a marker */
		p.age_band = bands[i % 4];
		p.lives_outside = (i / 3) % 4 == 0;
		if (consult_response_start(db, &seed_worker, cid, &p, 1,
		    now - 40 * DAY, &r) != 0)
			return (-1);
		memset(in, 0, sizeof(in));
		in[0].question_id = q1;
		in[0].option_ids[0] = o1 + (i % 3 == 2);
		in[0].noptions = 1;
		in[1].question_id = q2;
		in[1].scale = 1 + (i / 4) % 5;
		in[2].question_id = q3;
		in[2].text = i % 30 < 4 ? words[i % 4] : NULL;
		if (consult_answers_save(db, &seed_worker, cid, &r, in, 3, 1, 1,
		    now - 40 * DAY, &flagged) != 0)
			return (-1);
	}
	(void)o2;
	(void)o3;
	return (0);
}

int
seed_consult(struct db *db, int64_t now, char *err, size_t errlen)
{
	static const char *const yesno[] = { "Yes", "No", NULL };
	static const char *const offer[] = { "Sport", "Music and art",
	    "Trips out", "A place to meet friends", NULL };
	struct consult_in	 in;
	int64_t			 closed, open;

	memset(&in, 0, sizeof(in));
	in.title = "What should the leisure offer be?";
	in.why = "The council is deciding how to spend next year's leisure "
	    "money for young people in care. We want you to decide with us.";
	in.bands = "";
	in.area = "any";
	in.opens_at = now - now % DAY - 60 * DAY;
	in.closes_at = now - now % DAY - 30 * DAY;
	if (consult_create(db, &seed_worker, &in, now - 61 * DAY, &closed) != 0 ||
	    question(db, closed, "one", "Do you use the council's free "
	    "leisure passes?", "Do you use your free leisure pass?", yesno,
	    NULL, NULL) != 0 ||
	    question(db, closed, "scale", "How easy is it to get to things "
	    "you enjoy?", "Is it easy to get to fun things?", NULL,
	    "Very hard", "Very easy") != 0 ||
	    question(db, closed, "long", "What would you add?", NULL, NULL,
	    NULL, NULL) != 0 ||
	    consult_set_state(db, &seed_worker, closed, "open", now) != 0 ||
	    answers(db, closed, now) != 0 ||
	    consult_set_state(db, &seed_worker, closed, "closed", now) != 0 ||
	    consult_outcome(db, &seed_worker, closed, "How we should spend "
	    "the leisure money, and what stops you getting to things you "
	    "enjoy.", "Most of you use the free passes, but getting there is "
	    "hard and costs too much. You asked for trips in the holidays "
	    "and cheaper travel.", "From April, every leisure pass comes "
	    "with free bus travel to the activity, and there are four "
	    "holiday trips a year.", 1, now - 10 * DAY) != 0)
		goto fail;
	memset(&in, 0, sizeof(in));
	in.title = "How do your reviews feel?";
	in.why = "Your reviews are meetings about your care plan. We want "
	    "to make them better for you. Your answers help us train the "
	    "people who run them.";
	in.bands = "";
	in.area = "any";
	in.opens_at = now - now % DAY - 3 * DAY;
	in.closes_at = now - now % DAY + 25 * DAY;
	if (consult_create(db, &seed_worker, &in, now - 4 * DAY, &open) != 0 ||
	    question(db, open, "scale", "How much do you feel listened to "
	    "in your reviews?", "Do people listen to you in your reviews?",
	    NULL, "Not at all", "Completely") != 0 ||
	    question(db, open, "several", "What would make reviews better?",
	    NULL, offer, NULL, NULL) != 0 ||
	    question(db, open, "one", "Do you get to choose where your "
	    "review happens?", "Can you choose where it happens?", yesno,
	    NULL, NULL) != 0 ||
	    question(db, open, "short", "One word for how your last review "
	    "felt", NULL, NULL, NULL, NULL) != 0 ||
	    question(db, open, "long", "Anything else you want to tell us?",
	    NULL, NULL, NULL, NULL) != 0 ||
	    consult_set_state(db, &seed_worker, open, "open", now) != 0)
		goto fail;
	return (0);
fail:
	(void)snprintf(err, errlen, "consultations: %s", db_errmsg(db));
	return (-1);
}
