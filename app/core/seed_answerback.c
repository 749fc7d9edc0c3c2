/*
 * seed_answerback.c: the demo council's young people answering back: a
 * reply and a pending "look at it again" on the published "not agreed"
 * answer about pocket money, and enough "me too"s on the laptops answer
 * for its count to show. Inside seed_demo()'s transaction.
 */
#include <stdio.h>
#include <string.h>

#include "answerback.h"
#include "seed.h"
#include "views.h"

#define POCKET	"Pocket money is different in every home"
#define LAPTOPS	"Laptops for homework"

static const char *metoo_names[] = {
	"Mia", "Kai", "Ash", "Zara", "Leo", "Ruby",
};

static int
young(struct db *db, const char *name, struct actor *a)
{
	memset(a, 0, sizeof(*a));
	a->name = name;
	a->role = "young_person";
	a->ip = "";
	return (db_int(db, &a->id, "SELECT id FROM users WHERE display_name = "
	    "?1 AND role = 'young_person'", "t", name) == 1 ? 0 : -1);
}

/* Ash replies to the "not agreed" answer and asks for it again. */
static int
answer_back(struct db *db, int64_t now)
{
	struct view_input	 in;
	struct view_created	 vc;
	struct ab_answer	 ans;
	struct actor		 ash;
	struct view		 v;
	int64_t			 id;
	int			 flagged;

	if (young(db, "Ash", &ash) == -1 ||
	    db_int(db, &id, "SELECT id FROM views WHERE title = ?1", "t",
	    POCKET) != 1 || views_get(db, id, &v) != 1 ||
	    ab_answer_of(db, &v, &ans) != 1 || !ans.can_ask)
		return (-1);
	memset(&in, 0, sizeof(in));
	in.category_id = ans.category_id;
	in.title = "My reply: " POCKET;
	in.body = "Thank you for answering. Please put the guide amounts "
	    "where we can find them, because my carer did not know them.";
	in.better = "";
	in.publish = "no";
	in.reply_to = ans.issue_id;
	if (views_create(db, &ash, &in, now - 2 * 86400, &vc) == -1)
		return (-1);
	return (ab_appeal_create(db, &ash, &v, "The guide amounts are too "
	    "low for older young people who buy their own lunch at college.",
	    now - 86400, &flagged) == AB_OK ? 0 : -1);
}

static int
metoo(struct db *db, int64_t now)
{
	struct actor	 a;
	int64_t		 issue;
	size_t		 i;

	if (db_int(db, &issue, "SELECT issue_id FROM views WHERE title = ?1",
	    "t", LAPTOPS) != 1)
		return (-1);
	for (i = 0; i < sizeof(metoo_names) / sizeof(metoo_names[0]); i++)
		if (young(db, metoo_names[i], &a) == -1 ||
		    ab_metoo_set(db, &a, issue, 1, now - (int64_t)i * 3600) !=
		    AB_OK)
			return (-1);
	return (0);
}

int
seed_answerback(struct db *db, int64_t now, char *err, size_t errlen)
{
	if (answer_back(db, now) == -1 || metoo(db, now) == -1) {
		(void)snprintf(err, errlen, "demo answer back: %s",
		    db_errmsg(db));
		return (-1);
	}
	return (0);
}
