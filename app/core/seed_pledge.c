/*
 * seed_pledge.c: the demo council's Care Pledge: a first version from
 * three years ago, kept as past, and the current one drafted from it,
 * with the basic elements of Care Matters and local promises, progress
 * updates, young people's verdicts and a councillor's personal pledges.
 * Made through the model functions, like everything in the demo.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "pledge.h"
#include "seed.h"

#define DAY	86400

struct demo_promise {
	const char	*theme;
	const char	*title;
	int		 statutory;
	const char	*delivery;
	const char	*measure;
	const char	*target;
	int		 councillor;	/* owned by the demo councillor */
	const char	*team;
	const char	*status;
	int		 progress;
	const char	*evidence;
	int		 due_days;	/* from now; negative: past */
};

static const struct demo_promise promises[] = {
	{ "say", "We will involve you in decisions about your life", 1,
	    "You are invited to your reviews and asked what you think first.",
	    "Young people who say they were involved at their last review",
	    "90%", 0, "Independent Reviewing Service", "in_the_works", 70,
	    "Review invitations now ask what you want to talk about.", 120 },
	{ "care", "You will have a qualified social worker you can contact", 1,
	    "A named social worker, with their phone number and email.",
	    "Young people with a named, qualified social worker", "100%", 1,
	    "", "partly_kept", 85, "Three teams still have agency cover.", 60 },
	{ "care", "Your care plan will be up to date", 1,
	    "Care plans checked at every review.", "Care plans reviewed on "
	    "time", "100%", 0, "Children's services", "in_the_works", 80,
	    "92% reviewed on time this quarter.", 90 },
	{ "care", "You will have an Independent Reviewing Officer", 1,
	    "Every young person has an IRO who meets them before reviews.", "",
	    "", 0, "Independent Reviewing Service", "kept", 100,
	    "Every young person has a named IRO.", -30 },
	{ "say", "You can have an advocate if you want to complain", 1,
	    "We tell you about advocacy at every review.", "Young people who "
	    "know how to get an advocate", "100%", 0, "Advocacy service",
	    "in_the_works", 60, "Advocacy leaflet added to review packs.",
	    45 },
	{ "home", "You will live somewhere that meets your needs", 1,
	    "We match you carefully and ask you before you move.",
	    "Young people with three or more moves in a year", "under 10%",
	    1, "", "stalled", 40, "Not enough foster carers locally; "
	    "recruitment campaign delayed.", 30 },
	{ "family", "You will see your brothers, sisters and parents as your "
	    "care plan says", 1, "Family time in friendly places, not offices.",
	    "", "", 0, "Family time team", "in_the_works", 55,
	    "Two community centres now used for family time.", 150 },
	{ "say", "We will respect your culture and identity", 1,
	    "Your care plan says what matters to you about who you are.", "",
	    "", 0, "Children's services", "in_the_works", 50,
	    "Identity section added to care plans.", 200 },
	{ "school", "You will have a place at a good school and a designated "
	    "teacher", 1, "The Virtual School checks every school place.",
	    "Young people in good or outstanding schools", "85%", 0,
	    "Virtual School", "partly_kept", 75, "81% this year.", 100 },
	{ "school", "We will help you catch up if you have missed school", 1,
	    "A tutor for anyone who has missed more than a term.", "", "", 1,
	    "", "kept", 100, "Tutoring offered to all who asked.", -10 },
	{ "health", "You will have regular health checks", 1,
	    "Health checks at a time and place you choose.", "Health "
	    "assessments on time", "95%", 0, "Looked after children health "
	    "team", "in_the_works", 65, "Evening clinics started.", 80 },
	{ "leisure", "We will give you a free leisure pass", 0,
	    "Passes sent to your carer; no need to ask.", "Leisure passes "
	    "issued to young people aged 11 to 18", "100%", 1, "", "kept",
	    100, "All 11 to 18s have a pass.", -5 },
	{ "leisure", "We will pay for music lessons if you want them", 0,
	    "Up to 30 lessons a year and an instrument to borrow.", "Young "
	    "people having music lessons who asked", "100%", 0, "Virtual "
	    "School", "in_the_works", 40, "Music hub partnership agreed.",
	    180 },
	{ "school", "You will get a laptop when you are 14", 0,
	    "Ordered by the Virtual School on your 14th birthday.", "Young "
	    "people aged 14+ with their own laptop", "100%", 1, "",
	    "in_the_works", 90, "Only late orders left.", 20 },
	{ "moving_on", "We will support you into college and university with "
	    "bursaries", 0, "The £2,000 university bursary and a college "
	    "bursary.", "Care leavers in education, employment or training",
	    "70%", 0, "Leaving care team", "in_the_works", 60,
	    "Bursary raised to £2,000 this year.", 365 },
	{ "moving_on", "We will offer you work experience and apprenticeships",
	    0, "Council apprenticeships ring-fenced for care leavers.",
	    "Apprenticeships taken by care leavers", "10 a year", 1, "",
	    "not_started", 0, "", 300 },
	{ "moving_on", "You can stay with your foster carers until 21", 1,
	    "Staying Put explained to everyone at 16.", "", "", 0, "Leaving "
	    "care team", "kept", 100, "Leaflet sent to all 16-year-olds.",
	    -60 },
};

static int
theme_id(struct db *db, const char *key, int64_t *id)
{
	return (db_int(db, id, "SELECT id FROM pledge_themes WHERE key = ?1",
	    "t", key) == 1 ? 0 : -1);
}

/* Version one: the first seven promises, three years ago. */
static int
first_version(struct db *db, const struct actor *worker, int64_t then,
    int64_t councillor)
{
	struct promise_input	 in;
	int64_t			 draft, id;
	size_t			 i;

	if (pledge_draft_new(db, worker, then, 3, &draft) == -1 ||
	    pledge_draft_set(db, worker, draft, "Our Care Pledge 2023",
	    "Our first promises to the children and young people we look "
	    "after.", then + 3 * 365 * DAY) == -1)
		return (-1);
	for (i = 0; i < sizeof(promises) / sizeof(promises[0]); i++) {
		memset(&in, 0, sizeof(in));
		if (theme_id(db, promises[i].theme, &in.theme_id) == -1)
			return (-1);
		in.title = promises[i].title;
		in.description = "";
		in.statutory = promises[i].statutory;
		in.delivery = promises[i].delivery;
		in.measure = promises[i].measure;
		in.target = promises[i].target;
		in.owner_id = promises[i].councillor ? councillor : 0;
		in.owner_team = promises[i].team;
		/* The first version promised less about leisure. */
		if (strstr(in.title, "leisure pass") != NULL)
			in.title = "We will help you with leisure activities";
		if (pledge_promise_save(db, worker, draft, 0, &in, &id) == -1)
			return (-1);
	}
	return (pledge_draft_publish(db, worker, draft, then));
}

static int
progress(struct db *db, const struct actor *worker, int64_t version,
    int64_t now)
{
	int64_t		 id;
	size_t		 i;

	for (i = 0; i < sizeof(promises) / sizeof(promises[0]); i++) {
		if (db_int(db, &id, "SELECT id FROM promises WHERE version_id "
		    "= ?1 AND title = ?2", "it", version, promises[i].title) !=
		    1 || db_exec(db, "UPDATE promises SET due_on = ?2 WHERE "
		    "id = ?1", "ii", id, now + (int64_t)promises[i].due_days *
		    DAY) != 0)
			return (-1);
		if (strcmp(promises[i].status, "not_started") == 0)
			continue;
		if (pledge_update(db, worker, id, "in_the_works",
		    promises[i].progress / 2, "Work started.", "",
		    now - 120 * DAY) == -1 ||
		    pledge_update(db, worker, id, promises[i].status,
		    promises[i].progress, promises[i].evidence, "",
		    now - 10 * DAY) == -1)
			return (-1);
	}
	return (0);
}

/* More members of the Children in Care Council, who answer the Pledge. */
static int
more_young(struct db *db)
{
	static const char *names[] = { "Amara", "Bilal", "Chloe R", "Dev",
	    "Ellie", "Finn", "Grace", "Harvey", "Isla", "Josh", "Keira",
	    "Logan", "Maya", "Nathan", "Olivia", "Priya K", "Quinn", "Reece",
	    "Sophie", "Tyler" };
	char		 pw[AUTH_TOKEN_LEN], hash[AUTH_HASH_MAX];
	const char	*why;
	int64_t		 id;
	size_t		 i;

	auth_token_new(pw);
	if (auth_password_hash(pw, hash) == -1)
		return (-1);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (user_create(db, names[i], ROLE_YOUNG, hash, i % 2 ?
		    "12_15" : "16_17", i % 4 == 0, &id, &why) == -1)
			return (-1);
	return (0);
}

/* Young people's verdicts: enough on some promises to show the numbers. */
static int
verdicts(struct db *db, int64_t version, int64_t now)
{
	static const char *v[] = { "yes", "yes", "partly", "yes", "no",
	    "yes", "partly", "not_sure" };
	struct actor	 a = { 0, "", "young_person", "" };
	sqlite3_stmt	*st;
	int64_t		 young[32], prom[64];
	size_t		 ny, np, i, j;
	int		 flagged;

	ny = np = 0;
	st = db_query(db, "SELECT id FROM users WHERE role = 'young_person' "
	    "ORDER BY id LIMIT 32", "");
	while (ny < 32 && db_step(st) == 1)
		young[ny++] = sqlite3_column_int64(st, 0);
	db_done(st);
	st = db_query(db, "SELECT id FROM promises WHERE version_id = ?1 "
	    "ORDER BY id", "i", version);
	while (np < 64 && db_step(st) == 1)
		prom[np++] = sqlite3_column_int64(st, 0);
	db_done(st);
	for (i = 0; i < np; i++) {
		for (j = 0; j < ny; j++) {
			if ((i + j) % 3 == 2)
				continue;	/* not everyone answers */
			a.id = young[j];
			if (pledge_verdict_set(db, &a, prom[i],
			    v[(i * 3 + j) % 8], i == 11 && j == 1 ? "The pass "
			    "is great, I go swimming every week now." : "",
			    now - (int64_t)(i + j) * DAY, &flagged) == -1)
				return (-1);
		}
	}
	/* Shared on the leisure pass page, as a worker would. */
	return (db_exec(db, "UPDATE verdicts SET comment_state = 'approved' "
	    "WHERE comment_state = 'received'", ""));
}

/* The demo Pledge, inside the caller's transaction. 0 on success. */
int
seed_pledge(struct db *db, int64_t now, char *err, size_t errlen)
{
	struct actor	 worker = { 0, "Priya Shah", "participation_worker",
	    "" };
	struct actor	 cllr = { 0, "Cllr Sam Okafor", "councillor", "" };
	int64_t		 draft, leisure;

	if (db_int(db, &worker.id, "SELECT id FROM users WHERE role = "
	    "'participation_worker' ORDER BY id LIMIT 1", "") != 1 ||
	    db_int(db, &cllr.id, "SELECT id FROM users WHERE role = "
	    "'councillor' ORDER BY id LIMIT 1", "") != 1)
		goto fail;
	if (more_young(db) == -1 ||
	    first_version(db, &worker, now - 3 * 365 * DAY, cllr.id) == -1 ||
	    pledge_draft_new(db, &worker, now - 30 * DAY, 3, &draft) == -1 ||
	    pledge_draft_set(db, &worker, draft, "Our Care Pledge 2026",
	    "These are our promises to you, written with Northbridge Voices. "
	    "Tell us if we are keeping them.", now + 3 * 365 * DAY) == -1 ||
	    db_int(db, &leisure, "SELECT id FROM promises WHERE version_id = "
	    "?1 AND title LIKE '%leisure activities%'", "i", draft) != 1 ||
	    db_exec(db, "UPDATE promises SET title = 'We will give you a free "
	    "leisure pass' WHERE id = ?1", "i", leisure) != 0 ||
	    pledge_draft_publish(db, &worker, draft, now - 30 * DAY) == -1 ||
	    progress(db, &worker, draft, now) == -1 ||
	    verdicts(db, draft, now) == -1 ||
	    pledge_personal_add(db, &cllr, "I will come to the Northbridge "
	    "Voices celebration event every year", now - 200 * DAY) == -1 ||
	    pledge_personal_add(db, &cllr, "I will offer two work experience "
	    "placements in my office", now - 100 * DAY) == -1)
		goto fail;
	return (0);
fail:
	(void)snprintf(err, errlen, "demo Pledge: %s", db_errmsg(db));
	return (-1);
}
