/*
 * seed_views.c: the demo council's views and issues, in every state, made
 * through the same model functions the pages use (so the demo shows what
 * the code really does, timelines and notifications included). Dates are
 * spread over the last three months.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "issues.h"
#include "moderation.h"
#include "safeguarding.h"
#include "seed.h"
#include "settings.h"
#include "users.h"
#include "views.h"

#define DAY	86400

enum plan {
	P_RECEIVED,	/* waiting in the queue */
	P_FLAGGED,	/* waiting, urgent (the text trips the matcher) */
	P_OPEN,		/* approved, not sent yet */
	P_SENT,		/* with a councillor */
	P_OVERDUE,	/* with a councillor, past its date */
	P_EXTENDED,	/* with a councillor, who asked for more time */
	P_ANSWERED,	/* answered, not yet published */
	P_PUBLISHED,
	P_REDIRECT,
	P_REJECT,
	P_MERGE,	/* joins the issue of the entry before it */
	P_WITHDRAWN,
};

struct demo_view {
	int		 author;	/* index into young[], -1: no account */
	const char	*category;
	const char	*title;
	const char	*body;
	const char	*publish;
	enum plan	 plan;
	int		 days_ago;
	const char	*summary;	/* approved: public summary */
	const char	*decision;
	const char	*response;
	const char	*reason;
	const char	*action;
};

static const char *young[] = {
	"Jaden", "Mia", "Kai", "Ash", "Zara", "Leo", "Ruby", "Sam T",
};

static const struct demo_view demo[] = {
	{ 0, "leisure", "Free leisure pass for everyone in care",
	    "My friends in care in another area get a free leisure pass. Here "
	    "we have to ask every time we want to go swimming.", "name",
	    P_PUBLISHED, 80, "Young people want a free leisure pass so they "
	    "can go swimming and to the gym without asking each time.",
	    "agreed", "From January every young person in care aged 11 to 18 "
	    "gets a free leisure pass. Your carer can pick it up from the "
	    "leisure centre.", "", "Leisure passes sent to all carers" },
	{ 1, "leisure", "Swimming without asking",
	    "It takes two weeks to get permission to go swimming.", "anonymous",
	    P_MERGE, 78, NULL, NULL, NULL, NULL, NULL },
	{ 2, "social_workers", "Tell us when our social worker changes",
	    "I have had four social workers this year and nobody told me "
	    "before the last one left.", "anonymous", P_PUBLISHED, 70,
	    "Young people are not told when their social worker is about to "
	    "change, and want to meet the new one first.", "partly",
	    "Your social worker will tell you at least two weeks before they "
	    "leave, and your new social worker will visit within ten days.",
	    "We cannot promise that every new social worker will meet you "
	    "before the old one leaves, because sometimes people leave "
	    "suddenly.", "New social worker visits within 10 days" },
	{ 3, "money", "Pocket money is different in every home",
	    "In my last foster home I got 10 pounds a week and now I get 5.",
	    "anonymous", P_PUBLISHED, 65, "Pocket money is different in "
	    "different homes and young people think this is unfair.",
	    "not_agreed", "We will not set one amount for everyone.",
	    "Pocket money depends on your age and your care plan, and carers "
	    "need to be able to agree it with you. We will publish the "
	    "guide amounts so you can check yours is fair.", "" },
	{ 4, "education", "Laptops for homework",
	    "I have to do homework on my phone because we share one laptop.",
	    "name", P_PUBLISHED, 60, "Young people need their own laptop for "
	    "homework and college work.", "agreed", "Every young person in "
	    "care gets a laptop at 14, and anyone older who does not have one "
	    "can ask for one now.", "", "Laptops ordered through the Virtual "
	    "School" },
	{ 5, "permission", "Sleepovers take too long to agree",
	    "By the time the social worker says yes the sleepover is over.",
	    "anonymous", P_ANSWERED, 45, "Permission for sleepovers takes too "
	    "long, so young people miss out.", "agreed", "Foster carers can "
	    "now say yes to sleepovers themselves, without asking the social "
	    "worker.", "", "New delegated authority guidance for carers" },
	{ 6, "contact", "More time with my brothers and sisters",
	    "I only see my little brother once a month and it is in an "
	    "office.", "anonymous", P_ANSWERED, 40, "Young people want to see "
	    "their brothers and sisters more often, and not in an office.",
	    "partly", "We will find family rooms in community centres, and "
	    "weekend times.", "How often you see your family is set in your "
	    "own care plan, so we cannot change it for everyone. Talk to your "
	    "IRO at your next review.", "" },
	{ 7, "moving_on", "Help with my first flat",
	    "When I moved out nobody showed me how to pay bills.", "anonymous",
	    P_OVERDUE, 50, "Care leavers want practical help with bills and "
	    "budgeting before they move into their first home.", NULL, NULL,
	    NULL, NULL },
	{ 0, "having_a_say", "Reviews at times we can make",
	    "My reviews are always in school time so I miss lessons.", "name",
	    P_EXTENDED, 20, "Young people want their reviews at times that do "
	    "not clash with school.", "more_time", "I need a little more time "
	    "to get this right.", "I have asked the IRO team if reviews can "
	    "be after school. They need two more weeks to check every plan.",
	    NULL },
	{ 1, "health", "Health checks at school are embarrassing",
	    "Everyone knows why I get taken out of class.", "anonymous",
	    P_SENT, 15, "Young people would like their health checks outside "
	    "school lessons, somewhere private.", NULL, NULL, NULL, NULL },
	{ 2, "leisure", "Music lessons", "I would love to learn the drums.",
	    "anonymous", P_OPEN, 10, "Young people would like help to pay "
	    "for music lessons and instruments.", NULL, NULL, NULL, NULL },
	{ 3, "placements", "Moving in the middle of exams",
	    "I was moved two weeks before my GCSEs.", "anonymous", P_OPEN, 9,
	    "Young people should not be moved during exams unless they have "
	    "to be.", NULL, NULL, NULL, NULL },
	{ 4, "education", "Designated teacher never there",
	    "I don't know who my designated teacher is.", "no", P_MERGE, 8,
	    NULL, NULL, NULL, NULL, NULL },
	{ 5, "money", "Savings account", "My savings account has never had "
	    "any money put in it.", "anonymous", P_RECEIVED, 3, NULL, NULL,
	    NULL, NULL, NULL },
	{ 6, "permission", "Haircuts", "I have to ask permission to get a "
	    "haircut. That's silly.", "anonymous", P_RECEIVED, 2, NULL, NULL,
	    NULL, NULL, NULL },
	{ -1, "leisure", "Bus passes run out", "The bus pass runs out in "
	    "the middle of the month.", "anonymous", P_RECEIVED, 1, NULL, NULL,
	    NULL, NULL, NULL },
	{ 7, "placements", "I don't feel safe where I live",
	    "There is shouting every night and I don't feel safe at my "
	    "placement.", "no", P_FLAGGED, 0, NULL, NULL, NULL, NULL, NULL },
	{ 0, "social_workers", "My social worker missed my review",
	    "My own social worker did not come to my review and I want to "
	    "know why.", "no", P_REDIRECT, 30, NULL, NULL, NULL, NULL, NULL },
	{ 2, "having_a_say", "Test", "test test", "no", P_REJECT, 25, NULL,
	    NULL, NULL, NULL, NULL },
	{ 0, "health", "Dentist appointments", "It takes ages to get a "
	    "dentist when you move.", "no", P_WITHDRAWN, 12, NULL, NULL, NULL,
	    NULL, NULL },
	{ 6, "contact", "Phone calls with my mum", "I want to call my mum "
	    "at weekends without asking.", "anonymous", P_RECEIVED, 4, NULL,
	    NULL, NULL, NULL, NULL },
	{ 3, "moving_on", "Staying put until 21", "I want to stay with my "
	    "foster carers after 18 while I finish college.", "name",
	    P_PUBLISHED, 55, "Young people want to be able to stay with their "
	    "foster carers after 18.", "agreed", "You can stay with your "
	    "foster carers until 21 under Staying Put, and we will tell every "
	    "young person about it at 16.", "", "Staying Put leaflet for all "
	    "16-year-olds" },
	{ 5, "education", "Help to catch up", "I missed a year of school "
	    "when I moved around.", "anonymous", P_PUBLISHED, 35, "Young "
	    "people who missed school when they moved want extra help to "
	    "catch up.", "agreed", "The Virtual School will pay for a tutor "
	    "for anyone who has missed more than a term.", "", "Tutoring "
	    "through the Pupil Premium Plus" },
};

/* Shorter views from the other young people, to fill the queue. */
static const char *const more[][3] = {
	{ "leisure", "More to do at weekends", "There is nothing to do on "
	    "Sundays where I live." },
	{ "education", "School trips cost too much", "I could not go on the "
	    "trip because the form came back too late." },
	{ "money", "Clothing allowance", "My clothing allowance does not "
	    "cover school shoes." },
	{ "health", "Someone to talk to", "The waiting list for counselling "
	    "is really long." },
	{ "contact", "Seeing my friends after I moved", "I moved 30 miles "
	    "and cannot see my friends any more." },
	{ "permission", "Getting a phone", "I am 13 and I am not allowed a "
	    "phone yet." },
	{ "moving_on", "Driving lessons", "Can care leavers get help with "
	    "driving lessons?" },
	{ "having_a_say", "Being listened to at reviews", "Adults talk about "
	    "me like I am not there." },
	{ "placements", "Meeting foster carers first", "I want to meet my "
	    "foster carers before I move in." },
	{ "social_workers", "Social worker visits", "My social worker only "
	    "visits when something is wrong." },
	{ "education", "Homework club", "A quiet place to do homework after "
	    "school would help." },
	{ "leisure", "Youth club transport", "There is no bus to the youth "
	    "club from my foster home." },
};

static int
make_young(struct db *db, int64_t *ids, char *err, size_t errlen)
{
	static const char *bands[] = { "12_15", "16_17", "18_21", "12_15",
	    "16_17", "under_12", "12_15", "22_25" };
	char		 pw[AUTH_TOKEN_LEN], hash[AUTH_HASH_MAX];
	struct user	 u;
	const char	*why;
	size_t		 i;

	/* Only Jaden's password is known; the others cannot sign in. */
	auth_token_new(pw);
	if (auth_password_hash(pw, hash) == -1)
		return (-1);
	for (i = 0; i < sizeof(young) / sizeof(young[0]); i++) {
		if (user_by_name(db, young[i], &u, pw, sizeof(pw)) == 1) {
			ids[i] = u.id;
			continue;
		}
		if (user_create(db, young[i], ROLE_YOUNG, hash, bands[i],
		    i % 3 == 2, &ids[i], &why) == -1) {
			(void)snprintf(err, errlen, "cannot create %s",
			    young[i]);
			return (-1);
		}
	}
	return (0);
}

static int
advance(struct db *db, const struct demo_view *d, int64_t view,
    int64_t *issue, const struct actor *staff, int64_t t)
{
	const struct actor	*worker = &staff[0], *cllr = &staff[1];
	int64_t			 councillor = staff[1].id;
	struct response		 r;
	int64_t		 due;

	if (d->plan == P_RECEIVED || d->plan == P_FLAGGED ||
	    d->plan == P_WITHDRAWN)
		return (0);
	if (d->plan == P_REDIRECT)
		return (moderation_redirect(db, worker, view, "social_worker",
		    "This is about your own review, so your social worker's "
		    "manager is the best person to ask. Your participation "
		    "worker can help you. Who can help: your social worker.",
		    t + DAY) == MOD_OK ? 0 : -1);
	if (d->plan == P_REJECT)
		return (moderation_reject(db, worker, view, "This looks like "
		    "a test, so we have not taken it forward. Send another "
		    "whenever you like!", t + DAY) == MOD_OK ? 0 : -1);
	if (d->plan == P_MERGE)
		return (moderation_merge(db, worker, view, *issue,
		    t + DAY) == MOD_OK ? 0 : -1);
	if (moderation_approve(db, worker, view, d->title, d->summary,
	    t + DAY, issue) != MOD_OK)
		return (-1);
	if (d->plan == P_OPEN)
		return (0);
	due = seed_due(db, d->plan == P_OVERDUE ? t + 10 * DAY : t + 30 * DAY);
	if (due == -1 || issues_send(db, worker, *issue, councillor, due, t + 2 * DAY)
	    == -1)
		return (-1);
	if (d->plan == P_SENT || d->plan == P_OVERDUE)
		return (0);
	memset(&r, 0, sizeof(r));
	if (d->plan == P_EXTENDED) {
		r.decision = d->decision;
		r.text = d->response;
		r.reason = d->reason;
		if ((r.new_due = seed_due(db, due + 14 * DAY)) == -1)
			return (-1);
		return (issues_respond(db, cllr, *issue, &r, t + 12 * DAY));
	}
	r.decision = d->decision;
	r.text = d->response;
	r.reason = d->reason;
	r.action_text = d->action;
	r.action_owner = *d->action ? "Children's services" : "";
	r.action_due = *d->action ? t + 60 * DAY : 0;
	if (issues_respond(db, cllr, *issue, &r, t + 12 * DAY) == -1)
		return (-1);
	if (d->plan == P_ANSWERED)
		return (0);
	return (issues_publish(db, worker, *issue, NULL, NULL, t + 14 * DAY) ==
	    PUBLISH_OK ? 0 : -1);
}

/* The demo views, inside the caller's transaction. 0 on success. */
int
seed_views(struct db *db, int64_t now, char *err, size_t errlen)
{
	struct view_input	 in;
	struct view_created	 vc;
	struct actor		 a = { 0, "", "young_person", "" };
	struct view		 v;
	struct actor		 staff[2] = {
	    { 0, "Priya Shah", "participation_worker", "" },
	    { 0, "Cllr Sam Okafor", "councillor", "" },
	};
	int64_t			 ids[8], cat, issue, t;
	size_t			 i;

	if (make_young(db, ids, err, errlen) == -1 ||
	    db_int(db, &staff[0].id, "SELECT id FROM users WHERE role = "
	    "'participation_worker' ORDER BY id LIMIT 1", "") != 1 ||
	    db_int(db, &staff[1].id, "SELECT id FROM users WHERE role = "
	    "'councillor' ORDER BY id LIMIT 1", "") != 1)
		return (-1);
	issue = 0;
	for (i = 0; i < sizeof(demo) / sizeof(demo[0]); i++) {
		const struct demo_view	*d = &demo[i];

		t = now - (int64_t)d->days_ago * DAY - 3600 * (int64_t)(i % 7);
		if (db_int(db, &cat, "SELECT id FROM categories WHERE key = ?1",
		    "t", d->category) != 1)
			return (-1);
		memset(&in, 0, sizeof(in));
		in.category_id = cat;
		in.title = d->title;
		in.body = d->body;
		in.better = "";
		in.share = i % 2 == 0;
		in.publish = d->publish;
		a.id = d->author >= 0 ? ids[d->author] : 0;
		a.name = d->author >= 0 ? young[d->author] : "";
		if (views_create(db, &a, &in, t, &vc) == -1 ||
		    advance(db, d, vc.id, &issue, staff, t) == -1) {
			(void)snprintf(err, errlen, "demo view \"%s\": %s",
			    d->title, db_errmsg(db));
			return (-1);
		}
		if (d->plan == P_WITHDRAWN && (views_get(db, vc.id, &v) != 1 ||
		    views_withdraw(db, &a, &v, t + 3 * DAY) == -1))
			return (-1);
	}
	for (i = 0; i < sizeof(more) / sizeof(more[0]); i++) {
		if (db_int(db, &cat, "SELECT id FROM categories WHERE key = ?1",
		    "t", more[i][0]) != 1)
			return (-1);
		memset(&in, 0, sizeof(in));
		in.category_id = cat;
		in.title = more[i][1];
		in.body = more[i][2];
		in.better = "";
		in.share = 1;
		in.publish = "anonymous";
		a.id = ids[(i + 1) % 8];
		a.name = young[(i + 1) % 8];
		t = now - (int64_t)(i + 1) * 5 * 3600;
		if (views_create(db, &a, &in, t, &vc) == -1)
			return (-1);
	}
	return (0);
}
