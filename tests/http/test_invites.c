/*
 * test_invites.c: meetings by invitation over real HTTP. A councillor
 * sees only the meetings they are invited to (any other is "not found",
 * on the list, the page, the big screen and its minutes); a worker keeps
 * the list of accounts and named guests and records who came; the counts
 * and addresses are for the staff who run meetings; publishing the
 * minutes tells each invited account in the portal and emails a link
 * (never the minutes) to the staff addresses given, once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"
#include "testutil.h"

static struct client	 zainab;		/* a councillor invited to nothing */
static int64_t		 meeting;	/* planned here, already begun */
static char		 mpath[64];

static int
setup(void **state)
{
	if (demo_group_setup(state) != 0)
		return (-1);
	memset(&zainab, 0, sizeof(zainab));
	return (client_login(&zainab, "Cllr Zainab Reid",
	    "councillor-demo-2026-b") == 303 ? 0 : -1);
}

static long
act(struct client *c, const char *form, struct resp *r)
{
	return (client_post(c, mpath, mpath, form, r));
}

static long
get(struct client *c, const char *path, struct resp *r)
{
	resp_init(r);
	assert_int_equal(http_get(c, path, r), 0);
	return (r->status);
}

static int64_t
invitee(const char *who)
{
	return (count("SELECT mi.id FROM meeting_invitees mi LEFT JOIN users "
	    "u ON u.id = mi.user_id WHERE mi.meeting_id = %lld AND "
	    "(u.name_key = '%s' OR mi.guest_name = '%s')", (long long)meeting,
	    who, who));
}

/* The demo: Sam is invited to both meetings, Zainab to none. */
static void
demo_councillors_see_their_invitations(void **state)
{
	struct resp	 r;
	char		 path[64], present[96];

	(void)state;
	assert_int_equal(get(&cllr, "/meetings", &r), 200);
	assert_true(resp_has(&r, "October meeting"));
	assert_true(resp_has(&r, "December meeting"));
	resp_free(&r);
	assert_int_equal(get(&zainab, "/meetings", &r), 200);
	assert_false(resp_has(&r, "October meeting"));
	assert_false(resp_has(&r, "December meeting"));
	assert_true(resp_has(&r, "You are not invited to any meetings coming "
	    "up."));
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/meetings/%lld", (long long)count(
	    "SELECT id FROM meetings WHERE title = 'October meeting'"));
	(void)snprintf(present, sizeof(present), "%s/present", path);
	assert_int_equal(get(&cllr, path, &r), 200);
	assert_true(resp_has(&r, "Northbridge Youth Centre"));
	assert_true(resp_has(&r, "Members chose a bowling night"));
	assert_true(resp_has(&r, "Maria Lopez · Head of Virtual School"));
	/* Who came is for the staff who run meetings. */
	assert_false(resp_has(&r, "Sent apologies"));
	resp_free(&r);
	/* Not invited: not found, whatever the door. */
	assert_int_equal(get(&zainab, path, &r), 404);
	assert_false(resp_has(&r, "Northbridge Youth Centre"));
	assert_false(resp_has(&r, "bowling"));
	resp_free(&r);
	assert_int_equal(get(&zainab, present, &r), 404);
	assert_false(resp_has(&r, "celebration"));
	resp_free(&r);
	assert_int_equal(client_post(&zainab, "/meetings", path,
	    "action=suggest&text=hello", &r), 404);
	resp_free(&r);
	/* Young people are the members: they see every meeting. */
	assert_int_equal(client_status(&young, path), 200);
	assert_int_equal(client_status(&young, present), 200);
	assert_int_equal(get(&admin, path, &r), 200);
	assert_true(resp_has(&r, "Attended: 3 · Sent apologies: 1 · Did not "
	    "come: 0 · Not recorded: 0"));
	resp_free(&r);
	/* Sam and Jaden were told the minutes were ready; Zainab was not. */
	assert_int_equal(count("SELECT count(*) FROM notifications n JOIN "
	    "users u ON u.id = n.user_id WHERE n.link = '%s' AND u.name_key IN "
	    "('cllr sam okafor', 'jaden', 'priya shah')", path), 3);
	assert_int_equal(count("SELECT count(*) FROM notifications n JOIN "
	    "users u ON u.id = n.user_id WHERE u.name_key = 'cllr zainab reid'"),
	    0);
}

static void
worker_keeps_the_list(void **state)
{
	struct resp	 r;
	char		 form[256], loc[128];

	(void)state;
	assert_int_equal(client_post(&worker, "/meetings", "/meetings",
	    "title=Invitation+meeting&date=2026-01-10&time=17%3A30&"
	    "place=Hall+B&link=https%3A%2F%2Fmeet.example%2Fx", &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	meeting = strtoll(loc + strlen("/meetings/"), NULL, 10);
	(void)snprintf(mpath, sizeof(mpath), "/meetings/%lld",
	    (long long)meeting);
	/* Not yet invited: Sam gets "not found" and no sign of it. */
	assert_int_equal(client_status(&cllr, mpath), 404);
	assert_int_equal(get(&cllr, "/meetings", &r), 200);
	assert_false(resp_has(&r, "Invitation meeting"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "action=invite_account&user=%lld&"
	    "email=sam.okafor%%40example.gov.uk", (long long)count("SELECT id "
	    "FROM users WHERE name_key = 'cllr sam okafor'"));
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(get(&cllr, mpath, &r), 200);
	assert_true(resp_has(&r, "Hall B"));
	assert_true(resp_has(&r, "https://meet.example/x"));
	resp_free(&r);
	assert_int_equal(get(&cllr, "/meetings", &r), 200);
	assert_true(resp_has(&r, "Invitation meeting"));
	resp_free(&r);
	/* Twice is refused in plain words. */
	assert_int_equal(act(&worker, form, &r), 422);
	assert_true(resp_has(&r, "They are already invited."));
	resp_free(&r);
	/* A young person's email is never kept. */
	(void)snprintf(form, sizeof(form), "action=invite_account&user=%lld&"
	    "email=jaden%%40example.com", (long long)count("SELECT id FROM "
	    "users WHERE name_key = 'jaden'"));
	assert_int_equal(act(&worker, form, &r), 422);
	assert_true(resp_has(&r, "never keep a young person&#39;s email") ||
	    resp_has(&r, "never keep a young person's email"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM meeting_invitees WHERE "
	    "email LIKE 'jaden%%'"), 0);
	*strstr(form, "&email") = '\0';
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	/* A bad address, or nobody chosen. */
	(void)snprintf(form, sizeof(form), "action=invite_account&user=%lld&"
	    "email=not+an+address", (long long)count("SELECT id FROM users "
	    "WHERE name_key = 'cllr zainab reid'"));
	assert_int_equal(act(&worker, form, &r), 422);
	assert_true(resp_has(&r, "Enter one email address"));
	resp_free(&r);
	assert_int_equal(act(&worker, "action=invite_account&email=", &r), 422);
	assert_true(resp_has(&r, "Choose someone from the list."));
	resp_free(&r);
	/* A guest needs a name and what they do; the name is kept. */
	assert_int_equal(act(&worker, "action=invite_guest&guest_name=Maria+"
	    "Lopez&guest_role=", &r), 422);
	assert_true(resp_has(&r, "Write what the guest does"));
	assert_true(resp_has(&r, "value=\"Maria Lopez\""));
	resp_free(&r);
	assert_int_equal(act(&worker, "action=invite_guest&guest_name=Maria+"
	    "Lopez&guest_role=Head+of+Virtual+School", &r), 303);
	resp_free(&r);
	/* Zainab, invited and taken off again, is back to "not found". */
	(void)snprintf(form, sizeof(form), "action=invite_account&user=%lld",
	    (long long)count("SELECT id FROM users WHERE name_key = "
	    "'cllr zainab reid'"));
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(client_status(&zainab, mpath), 200);
	(void)snprintf(form, sizeof(form), "action=uninvite&invitee=%lld",
	    (long long)invitee("cllr zainab reid"));
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(client_status(&zainab, mpath), 404);
	/* Another meeting's invitee, and anyone but a worker: refused. */
	(void)snprintf(form, sizeof(form), "action=uninvite&invitee=%lld",
	    (long long)count("SELECT min(id) FROM meeting_invitees WHERE "
	    "meeting_id != %lld", (long long)meeting));
	assert_int_equal(act(&worker, form, &r), 404);
	resp_free(&r);
	assert_int_equal(act(&cllr, "action=invite_guest&guest_name=X&"
	    "guest_role=Y", &r), 404);
	resp_free(&r);
	assert_int_equal(act(&young, "action=invite_guest&guest_name=X&"
	    "guest_role=Y", &r), 404);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM meeting_invitees WHERE "
	    "meeting_id = %lld", (long long)meeting), 3);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'meeting.invite' AND object_id = %lld", (long long)meeting), 4);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'meeting.uninvite' AND object_id = %lld", (long long)meeting),
	    1);
	/* Members see the adults invited, never another young person. */
	assert_int_equal(get(&young, mpath, &r), 200);
	assert_true(resp_has(&r, "Maria Lopez · Head of Virtual School"));
	assert_true(resp_has(&r, "Cllr Sam Okafor · Councillor"));
	assert_false(resp_has(&r, "Jaden · Young person"));
	assert_false(resp_has(&r, "sam.okafor@"));
	resp_free(&r);
	assert_int_equal(get(&worker, mpath, &r), 200);
	assert_true(resp_has(&r, "sam.okafor@example.gov.uk"));
	assert_true(resp_has(&r, "<strong>Jaden</strong> · Young person"));
	resp_free(&r);
}

static void
worker_records_who_came(void **state)
{
	struct resp	 r;
	char		 form[256], loc[128], future[128];
	int64_t		 sam, jaden, guest;

	(void)state;
	sam = invitee("cllr sam okafor");
	jaden = invitee("jaden");
	guest = invitee("Maria Lopez");
	(void)snprintf(form, sizeof(form), "action=attendance&a%lld=attended&"
	    "a%lld=apologies&a%lld=maybe", (long long)sam, (long long)jaden,
	    (long long)guest);
	assert_int_equal(act(&worker, form, &r), 422);
	assert_true(resp_has(&r, "Choose attended, sent apologies"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM meeting_invitees WHERE "
	    "attendance != ''"), 4);	/* the demo's, nothing half-written */
	*strrchr(form, '=') = '\0';
	(void)snprintf(form + strlen(form), sizeof(form) - strlen(form),
	    "=absent");
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(get(&worker, mpath, &r), 200);
	assert_true(resp_has(&r, "Attended: 1 · Sent apologies: 1 · Did not "
	    "come: 1 · Not recorded: 0"));
	resp_free(&r);
	assert_int_equal(count("SELECT attendance = 'apologies' FROM "
	    "meeting_invitees WHERE id = %lld", (long long)jaden), 1);
	/* Who came is for workers and admins, not councillors or members. */
	assert_int_equal(get(&admin, mpath, &r), 200);
	assert_true(resp_has(&r, "Attended: 1"));
	resp_free(&r);
	assert_int_equal(get(&cllr, mpath, &r), 200);
	assert_false(resp_has(&r, "Attended"));
	assert_false(resp_has(&r, "Did not come"));
	resp_free(&r);
	assert_int_equal(get(&young, mpath, &r), 200);
	assert_false(resp_has(&r, "Attended"));
	resp_free(&r);
	assert_int_equal(act(&cllr, form, &r), 404);
	resp_free(&r);
	assert_true(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'meeting.attendance' AND object_id = %lld", (long long)meeting) ==
	    1);
	/* Not before the meeting has begun. */
	assert_int_equal(client_post(&worker, "/meetings", "/meetings",
	    "title=Future+meeting&date=2099-01-10&time=17%3A30", &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	(void)snprintf(future, sizeof(future), "%s", loc);
	assert_int_equal(client_post(&worker, future, future,
	    "action=invite_guest&guest_name=Ann&guest_role=Nurse", &r), 303);
	resp_free(&r);
	assert_int_equal(get(&worker, future, &r), 200);
	assert_true(resp_has(&r, "once the meeting has begun"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "action=attendance&a%lld=attended",
	    (long long)count("SELECT id FROM meeting_invitees WHERE "
	    "guest_name = 'Ann'"));
	assert_int_equal(client_post(&worker, future, future, form, &r), 422);
	assert_true(resp_has(&r, "once the meeting has begun"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM meeting_invitees WHERE "
	    "guest_name = 'Ann' AND attendance != ''"), 0);
}

static void
minutes_go_to_those_invited(void **state)
{
	struct resp	 r;
	char		 form[256];
	int64_t		 notes, mail;

	(void)state;
	assert_int_equal(act(&worker, "action=add_free&free_title=Bus+passes",
	    &r), 303);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "action=minutes&item=%lld&minutes="
	    "Private+words+about+bus+passes&board_reply=", (long long)count(
	    "SELECT id FROM agenda_items WHERE meeting_id = %lld",
	    (long long)meeting));
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	notes = count("SELECT count(*) FROM notifications");
	mail = count("SELECT count(*) FROM outbox");
	assert_int_equal(act(&worker, "action=publish", &r), 303);
	resp_free(&r);
	/* In the portal: the two invited accounts, nobody else. */
	assert_int_equal(count("SELECT count(*) FROM notifications"),
	    notes + 2);
	assert_int_equal(count("SELECT count(*) FROM notifications n JOIN "
	    "users u ON u.id = n.user_id WHERE n.link = '%s' AND u.name_key IN "
	    "('cllr sam okafor', 'jaden')", mpath), 2);
	/* By email: only the staff address given, a link, never the text. */
	assert_int_equal(count("SELECT count(*) FROM outbox"), mail + 1);
	assert_int_equal(count("SELECT count(*) FROM outbox WHERE recipient = "
	    "'sam.okafor@example.gov.uk' AND body LIKE '%%%s%%' AND body NOT "
	    "LIKE '%%bus passes%%' AND body NOT LIKE '%%Private%%'", mpath), 1);
	assert_int_equal(get(&cllr, "/notifications", &r), 200);
	assert_true(resp_has(&r, "The notes of the meeting &quot;Invitation "
	    "meeting&quot; on "));
	resp_free(&r);
	assert_int_equal(get(&zainab, "/notifications", &r), 200);
	assert_false(resp_has(&r, "Invitation meeting"));
	resp_free(&r);
	/* Published again (a second click): nobody is told twice. */
	assert_int_equal(act(&worker, "action=publish", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM notifications"),
	    notes + 2);
	assert_int_equal(count("SELECT count(*) FROM outbox"), mail + 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'meeting.publish' AND object_id = %lld", (long long)meeting), 1);
	/* Still "not found" for the councillor who was not invited. */
	assert_int_equal(get(&zainab, mpath, &r), 404);
	assert_false(resp_has(&r, "Private words"));
	resp_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(demo_councillors_see_their_invitations),
		cmocka_unit_test(worker_keeps_the_list),
		cmocka_unit_test(worker_records_who_came),
		cmocka_unit_test(minutes_go_to_those_invited),
	};

	return (cmocka_run_group_tests_name("http_invites", tests, setup,
	    group_teardown_server));
}
