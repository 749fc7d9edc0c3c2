/*
 * seed_meetings.c: the demo council's meetings, by invitation. A past
 * meeting with invitees (a councillor, the worker, a young person and a
 * guest), who came, minutes and the minutes published; an upcoming one.
 * Cllr Zainab Reid is invited to neither, so she sees no meetings.
 */
#include <stdio.h>
#include <string.h>

#include "invitees.h"
#include "meetings.h"
#include "seed.h"

#define DAY	86400

static int
user_id(struct db *db, const char *name_key, int64_t *id)
{
	return (db_int(db, id, "SELECT id FROM users WHERE name_key = ?1",
	    "t", name_key) == 1 ? 0 : -1);
}

/* Invite three accounts and a guest; record who came if ids is set. */
static int
invite(struct db *db, const struct actor *w, int64_t m, const int64_t *who,
    int n, int64_t now)
{
	const char	*why;
	int		 i;

	for (i = 0; i < n; i++)
		if (invitee_add_account(db, w, m, who[i], "", now, &why) != 0)
			return (-1);
	return (invitee_add_guest(db, w, m, "Maria Lopez",
	    "Head of Virtual School", now));
}

static int
past_meeting(struct db *db, const struct actor *w, const int64_t *who,
    int64_t now)
{
	static const char *const came[] = {
		"attended", "attended", "attended", "apologies",
	};
	struct meeting_input	 in;
	int64_t			 m, item, ids[4];

	memset(&in, 0, sizeof(in));
	in.title = "October meeting";
	in.starts_at = (now - 21 * DAY) / DAY * DAY + 17 * 3600 + 1800;
	in.place = "Northbridge Youth Centre, Room 2";
	in.link = "https://meet.example.gov.uk/northbridge-voices";
	in.invited = "";
	if (meeting_create(db, w, &in, now - 40 * DAY, &m) == -1 ||
	    meeting_add_item(db, w, m, "free", 0, "Plan the celebration "
	    "event") == -1 ||
	    db_int(db, &item, "SELECT id FROM agenda_items WHERE "
	    "meeting_id = ?1", "i", m) != 1 ||
	    meeting_minutes(db, w, m, item, "Members chose a bowling night "
	    "in December. Cllr Okafor will ask the leisure centre for free "
	    "lanes.", 0, "", NULL) == -1 ||
	    invite(db, w, m, who, 3, now - 30 * DAY) != 0 ||
	    invitee_ids(db, m, ids, 4) != 4 ||
	    invitee_attendance(db, w, m, ids, came, 4, now - 20 * DAY) != 0)
		return (-1);
	return (meeting_publish(db, w, m, now - 19 * DAY));
}

static int
next_meeting(struct db *db, const struct actor *w, const int64_t *who,
    int64_t now)
{
	struct meeting_input	 in;
	int64_t			 m;

	memset(&in, 0, sizeof(in));
	in.title = "December meeting";
	in.starts_at = (now + 14 * DAY) / DAY * DAY + 17 * 3600 + 1800;
	in.place = "Northbridge Youth Centre, Room 2";
	in.link = "";
	in.invited = "";
	if (meeting_create(db, w, &in, now - 2 * DAY, &m) == -1 ||
	    meeting_add_item(db, w, m, "free", 0, "Our ideas for the new "
	    "Pledge") == -1)
		return (-1);
	return (invite(db, w, m, who, 2, now - 2 * DAY));
}

/* The demo meetings, inside the caller's transaction. 0 on success. */
int
seed_meetings(struct db *db, int64_t now, char *err, size_t errlen)
{
	struct actor	 worker = { 0, "Priya Shah", "participation_worker",
	    "" };
	int64_t		 who[3];	/* the councillor, the worker, Jaden */

	if (user_id(db, "cllr sam okafor", &who[0]) == -1 ||
	    user_id(db, "priya shah", &who[1]) == -1 ||
	    user_id(db, "jaden", &who[2]) == -1)
		goto fail;
	worker.id = who[1];
	if (past_meeting(db, &worker, who, now) == -1 ||
	    next_meeting(db, &worker, who, now) == -1)
		goto fail;
	return (0);
fail:
	(void)snprintf(err, errlen, "demo meetings: %s", db_errmsg(db));
	return (-1);
}
