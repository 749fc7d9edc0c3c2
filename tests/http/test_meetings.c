/*
 * test_meetings.c: Children in Care Council meetings over real HTTP:
 * planning, an agenda of issues, promises and free items in order, the
 * present screen, minutes and board replies hidden from members until
 * published, actions reaching the young people who raised an issue,
 * suggestions read by a worker first, and a private view's words kept
 * off the agenda members read.
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

static int64_t		 meeting;
static char		 mpath[64];

static long
act(struct client *c, const char *form, struct resp *r)
{
	return (client_post(c, mpath, mpath, form, r));
}

static void
plan_and_build_agenda(void **state)
{
	struct resp	 r;
	char		 form[256], loc[128];
	int64_t		 issue, promise, free_item;

	(void)state;
	assert_int_equal(client_post(&worker, "/meetings", "/meetings",
	    "title=December+meeting&date=2099-12-05&time=&place=Town+hall",
	    &r), 422);
	assert_true(resp_has(&r, "Enter the time"));
	assert_true(resp_has(&r, "value=\"December meeting\""));
	resp_free(&r);
	assert_int_equal(client_post(&worker, "/meetings", "/meetings",
	    "title=December+meeting&date=2099-12-05&time=17%3A30&"
	    "place=Town+hall&invited=All+members", &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	meeting = strtoll(loc + strlen("/meetings/"), NULL, 10);
	(void)snprintf(mpath, sizeof(mpath), "/meetings/%lld",
	    (long long)meeting);
	issue = count("SELECT id FROM issues WHERE title = 'Reviews at times "
	    "we can make'");
	promise = count("SELECT p.id FROM promises p JOIN pledge_versions v "
	    "ON v.id = p.version_id WHERE v.state = 'current' AND p.title = "
	    "'We will give you a free leisure pass'");
	(void)snprintf(form, sizeof(form), "action=add_issue&ref=%lld",
	    (long long)issue);
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "action=add_promise&ref=%lld",
	    (long long)promise);
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(act(&worker, "action=add_free&free_title=", &r), 422);
	resp_free(&r);
	assert_int_equal(act(&worker, "action=add_free&free_title=Plan+the+"
	    "celebration+event", &r), 303);
	resp_free(&r);
	/* The free item moves to the top. */
	free_item = count("SELECT id FROM agenda_items WHERE kind = 'free' "
	    "AND meeting_id = %lld", (long long)meeting);
	(void)snprintf(form, sizeof(form), "action=up&item=%lld",
	    (long long)free_item);
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, mpath, &r), 0);
	assert_true(strstr(buf_cstr(&r.body), "Plan the celebration event") <
	    strstr(buf_cstr(&r.body), "Reviews at times we can make"));
	resp_free(&r);
	/* Unknown issues and other meetings' items are refused. */
	assert_int_equal(act(&worker, "action=add_issue&ref=999999", &r), 404);
	resp_free(&r);
}

static void
present_screen_one_item_at_a_time(void **state)
{
	struct resp	 r;
	char		 path[96];

	(void)state;
	(void)snprintf(path, sizeof(path), "%s/present", mpath);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "item 1 of 3"));
	assert_true(resp_has(&r, "Plan the celebration event"));
	assert_true(resp_has(&r, "present?item=2\" rel=\"next\""));
	assert_false(resp_has(&r, "rel=\"prev\""));
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "%s/present?item=3", mpath);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_true(resp_has(&r, "item 3 of 3"));
	assert_true(resp_has(&r, "Young people say:"));
	assert_true(resp_has(&r, "rel=\"prev\""));
	assert_false(resp_has(&r, "rel=\"next\""));
	/* The room's screen shows no menu, counts or whose session it is. */
	assert_false(resp_has(&r, "site-nav"));
	assert_false(resp_has(&r, "Signed in as"));
	resp_free(&r);
}

static void
minutes_actions_and_the_board(void **state)
{
	struct resp	 r;
	char		 form[512], vpath[64];
	int64_t		 item, view;

	(void)state;
	item = count("SELECT id FROM agenda_items WHERE kind = 'issue' AND "
	    "meeting_id = %lld", (long long)meeting);
	(void)snprintf(form, sizeof(form), "action=minutes&item=%lld&minutes="
	    "Members+want+reviews+after+school.&for_board=1&board_reply=The+"
	    "board+agreed+to+ask+IROs.", (long long)item);
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	/* A save from a page read before that one is held back: both
	 * texts shown, nothing overwritten. */
	(void)snprintf(form, sizeof(form), "action=minutes&item=%lld&seen="
	    "00000000&minutes=Older+page+notes.&board_reply=", (long long)item);
	assert_int_equal(act(&worker, form, &r), 422);
	assert_true(resp_has(&r, "Someone else saved this item"));
	assert_true(resp_has(&r, "Members want reviews after school."));
	assert_true(resp_has(&r, ">Older page notes.</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM agenda_items WHERE id = "
	    "%lld AND minutes LIKE 'Members want%%' AND for_board = 1",
	    (long long)item), 1);
	/* An action by a day gone is refused, its words kept. */
	(void)snprintf(form, sizeof(form), "action=action&item=%lld&what=Ask+"
	    "the+IROs&who=Priya&due=2020-01-01", (long long)item);
	assert_int_equal(act(&worker, form, &r), 422);
	assert_true(resp_has(&r, "That day has passed"));
	assert_true(resp_has(&r, "value=\"Ask the IROs\""));
	resp_free(&r);
	/* From a page gone stale: what and who come back to copy. */
	(void)snprintf(form, sizeof(form), "csrf=stale&action=action&item="
	    "%lld&what=Ask+the+IROs&who=Maria+Lopez&due=2099-01-01",
	    (long long)item);
	resp_init(&r);
	assert_int_equal(http_post_form(&worker, mpath, form, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, ">Ask the IROs</textarea>"));
	assert_true(resp_has(&r, ">Maria Lopez</textarea>"));
	resp_free(&r);
	/* Minutes of a meeting still to come are not published. */
	assert_int_equal(act(&worker, "action=publish", &r), 422);
	assert_true(resp_has(&r, "has not happened yet"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "action=action&item=%lld&what=Move+"
	    "reviews+to+after+school&who=IRO+service&due=2099-03-31",
	    (long long)item);
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	/* Members do not see minutes until they are published... */
	resp_init(&r);
	assert_int_equal(http_get(&young, mpath, &r), 0);
	assert_false(resp_has(&r, "reviews after school"));
	assert_false(resp_has(&r, "The board agreed"));
	resp_free(&r);
	/* ...but the action reaches whoever raised the issue at once. */
	view = count("SELECT v.id FROM views v JOIN users u ON u.id = "
	    "v.author_id WHERE u.name_key = 'jaden' AND v.title = 'Reviews at "
	    "times we can make'");
	(void)snprintf(vpath, sizeof(vpath), "/views/%lld", (long long)view);
	resp_init(&r);
	assert_int_equal(http_get(&young, vpath, &r), 0);
	assert_true(resp_has(&r, "agreed an action: Move reviews to after "
	    "school (IRO service, by"));
	resp_free(&r);
	/* An action for a councillor by name: they are told it is theirs;
	 * one for a team with no account tells nobody. */
	(void)snprintf(form, sizeof(form), "action=action&item=%lld&what=Write+"
	    "to+every+school&who=cllr++sam+OKAFOR&due=2099-04-30",
	    (long long)item);
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM notifications n JOIN "
	    "users u ON u.id = n.user_id WHERE u.display_name = 'Cllr Sam "
	    "Okafor' AND n.text LIKE 'The Children in Care Council gave you "
	    "an action: Write to every school, by %%' AND n.link LIKE "
	    "'/actions/%%'"), 1);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE text "
	    "LIKE '%%gave you an action: Move reviews%%'"), 0);
	assert_int_equal(count("SELECT count(*) FROM actions a JOIN users u ON "
	    "u.id = a.owner_id WHERE a.what = 'Write to every school' AND "
	    "u.display_name = 'Cllr Sam Okafor'"), 1);
	(void)snprintf(form, sizeof(form), "UPDATE meetings SET starts_at = "
	    "strftime('%%s', 'now') - 3600 WHERE id = %lld",
	    (long long)meeting);
	assert_int_equal(db_run(form), 0);
	assert_int_equal(act(&worker, "action=publish", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, mpath, &r), 0);
	assert_true(resp_has(&r, "Members want reviews after school."));
	assert_true(resp_has(&r, "The board agreed to ask IROs."));
	/* Young people read plain words; staff keep theirs. */
	assert_true(resp_has(&r, "Going to the councillors in charge"));
	assert_true(resp_has(&r, "Raised by young people"));
	assert_true(resp_has(&r, "<h2>What we talked about</h2>"));
	assert_true(resp_has(&r, "What was said:"));
	assert_false(resp_has(&r, "For the board"));
	assert_false(resp_has(&r, ">Issue</span>"));
	assert_false(resp_has(&r, "Agenda"));
	assert_false(resp_has(&r, "inutes"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/meetings", &r), 0);
	assert_true(resp_has(&r, "Notes of the meeting are ready"));
	assert_false(resp_has(&r, "Minutes published"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, mpath, &r), 0);
	assert_true(resp_has(&r, "For the board"));
	assert_true(resp_has(&r, ">Issue</span>"));
	assert_true(resp_has(&r, "<h2>Agenda</h2>"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/meetings", &r), 0);
	assert_true(resp_has(&r, "Minutes published"));
	resp_free(&r);
	/* Back to a meeting still to come, for the suggestions below. */
	(void)snprintf(form, sizeof(form), "UPDATE meetings SET starts_at = "
	    "4000000000 WHERE id = %lld", (long long)meeting);
	assert_int_equal(db_run(form), 0);
}

static void
suggestions_and_roles(void **state)
{
	struct resp	 r;
	char		 form[128];
	int64_t		 s;

	(void)state;
	assert_int_equal(act(&young, "action=suggest&text=Can+we+talk+about+"
	    "bus+passes%3F", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM agenda_items WHERE title "
	    "LIKE '%%bus passes%%'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&worker, mpath, &r), 0);
	assert_true(resp_has(&r, "Can we talk about bus passes?"));
	resp_free(&r);
	s = count("SELECT id FROM agenda_suggestions WHERE text LIKE "
	    "'%%bus passes%%'");
	(void)snprintf(form, sizeof(form), "action=accept&suggestion=%lld",
	    (long long)s);
	assert_int_equal(act(&worker, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM agenda_items WHERE title "
	    "LIKE '%%bus passes%%' AND meeting_id = %lld", (long long)meeting),
	    1);
	/* A worrying suggestion gets help first. */
	assert_int_equal(act(&young, "action=suggest&text=I+want+to+run+away",
	    &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT urgent FROM agenda_suggestions WHERE "
	    "text = 'I want to run away'"), 1);
	/* Send pressed twice: one suggestion. */
	assert_int_equal(act(&young, "action=suggest&text=Can+we+talk+about+"
	    "wifi%3F", &r), 303);
	resp_free(&r);
	assert_int_equal(act(&young, "action=suggest&text=Can+we+talk+about+"
	    "wifi%3F", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM agenda_suggestions WHERE "
	    "text = 'Can we talk about wifi?'"), 1);
	/* Once the meeting has happened nobody reads its agenda: the form
	 * is gone, and words sent from an old page come back to send to
	 * the next one. Worrying words are kept and answered with help. */
	assert_int_equal(db_run("UPDATE meetings SET starts_at = 86400 * 365 "
	    "WHERE id = (SELECT meeting_id FROM agenda_suggestions WHERE "
	    "text = 'Can we talk about wifi?')"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young, mpath, &r), 0);
	assert_false(resp_has(&r, "Suggest something to talk about"));
	resp_free(&r);
	assert_int_equal(act(&young, "action=suggest&text=Late+idea+about+"
	    "bus+fares", &r), 422);
	assert_true(resp_has(&r, "This meeting has already happened"));
	/* "Error:" goes before the window's title, not the heading. */
	assert_true(resp_has(&r, "<title>Error: "));
	assert_false(resp_has(&r, "<h1>Error:"));
	assert_true(resp_has(&r, ">Late idea about bus fares</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM agenda_suggestions WHERE "
	    "text LIKE 'Late idea%%'"), 0);
	assert_int_equal(act(&young, "action=suggest&text=Late+but+i+want+to+"
	    "run+away", &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE text = "
	    "'Late but i want to run away'"), 1);
	/* Only workers change a meeting; visitors are sent to sign in. */
	assert_int_equal(act(&young, "action=publish", &r), 404);
	resp_free(&r);
	assert_int_equal(act(&cllr, "action=add_free&free_title=x", &r), 404);
	resp_free(&r);
	/* A councillor not invited: not found (test_invites.c). */
	assert_int_equal(client_status(&cllr, mpath), 404);
	assert_int_equal(client_status(&anon, mpath), 303);
	assert_int_equal(client_status(&young, "/meetings/999999"), 404);
	assert_int_equal(client_post(&young, "/meetings", "/meetings",
	    "title=Mine&date=2099-01-01&time=10%3A00", &r), 404);
	resp_free(&r);
}

/*
 * A meeting for all members with nobody named on its list says who is
 * invited once ("All members"), never also "Nobody is on the list yet";
 * one with neither says nobody.
 */
static void
who_is_invited_says_one_thing(void **state)
{
	struct resp	 r;
	char		 path[64];

	(void)state;
	(void)snprintf(path, sizeof(path), "/meetings/%lld", (long long)count(
	    "SELECT m.id FROM meetings m WHERE invited = 'All members' AND "
	    "NOT EXISTS (SELECT 1 FROM meeting_invitees i WHERE "
	    "i.meeting_id = m.id) LIMIT 1"));
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Who is invited</h2>\n<p class=\"pre\">All "
	    "members</p>"));
	assert_false(resp_has(&r, "Nobody"));
	assert_false(resp_has(&r, "Notes on who is coming"));
	assert_false(resp_has(&r, "You were invited"));
	resp_free(&r);
	/* Other young people are never listed, but the reader is told of
	 * their own invitation. */
	(void)snprintf(path, sizeof(path), "/meetings/%lld", (long long)count(
	    "SELECT meeting_id FROM meeting_invitees WHERE attendance = "
	    "'attended' AND user_id = (SELECT id FROM users WHERE name_key = "
	    "'jaden') LIMIT 1"));
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_has(&r, "<strong>You were invited.</strong> You "
	    "came."));
	resp_free(&r);
	assert_int_equal(client_post(&worker, "/meetings", "/meetings",
	    "title=Nobody+yet&date=2099-11-05&time=17%3A00&invited=", &r),
	    303);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/meetings/%lld", (long long)count(
	    "SELECT id FROM meetings WHERE title = 'Nobody yet'"));
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Nobody is on the list yet."));
	resp_free(&r);
}

/* c's page at path: 200, and none of a private view's words. */
static void
no_private_words(struct client *c, const char *path, const char *title)
{
	struct resp	 r;

	resp_init(&r);
	assert_int_equal(http_get(c, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_false(resp_has(&r, title));
	assert_false(resp_has(&r, "Ridgeway Close"));
	assert_false(resp_has(&r, "really slow wifi"));
	assert_true(resp_has(&r, "Things to do"));
	assert_true(resp_has(&r, "Young people raised this with the "
	    "council."));
	resp_free(&r);
}

/*
 * A view its author kept private reaches the agenda only through its
 * issue's public words: members, the room's screen and the stored item
 * never hold the young person's title or summary, and an item whose
 * title was copied before (or before a private view joined the issue)
 * follows the same rule when it is read.
 */
static void
private_view_stays_off_the_agenda(void **state)
{
	struct resp	 r;
	char		 form[1024], path[96], loc[128];
	const char	*title = "Ridgeway Close home has slow wifi";
	const char	*body = "The home on Ridgeway Close where I live has "
	    "really slow wifi so homework takes ages.";
	int64_t		 view, issue, m;

	(void)state;
	(void)snprintf(form, sizeof(form), "category=%lld&title=%s&",
	    (long long)count("SELECT id FROM categories WHERE key = "
	    "'leisure'"), url_enc(title));
	(void)snprintf(form + strlen(form), sizeof(form) - strlen(form),
	    "body=%s&publish=no", url_enc(body));
	assert_int_equal(client_post(&young, "/views/new", "/views/new", form,
	    &r), 303);
	resp_free(&r);
	view = count("SELECT max(id) FROM views WHERE title = '%s'", title);
	/* The worst case: the worker keeps the young person's words. */
	(void)snprintf(path, sizeof(path), "/moderation/%lld",
	    (long long)view);
	(void)snprintf(form, sizeof(form), "action=approve&issue_title=%s&",
	    url_enc(title));
	(void)snprintf(form + strlen(form), sizeof(form) - strlen(form),
	    "summary=%s", url_enc(body));
	assert_int_equal(client_post(&worker, path, path, form, &r), 303);
	resp_free(&r);
	issue = count("SELECT issue_id FROM views WHERE id = %lld",
	    (long long)view);
	(void)snprintf(path, sizeof(path), "/issues/%lld", (long long)issue);
	(void)snprintf(form, sizeof(form), "action=send&councillor=%lld&"
	    "due=2099-01-31", (long long)count("SELECT id FROM users WHERE "
	    "display_name = 'Cllr Sam Okafor'"));
	assert_int_equal(client_post(&worker, path, path, form, &r), 303);
	resp_free(&r);
	assert_int_equal(client_post(&worker, "/meetings", "/meetings",
	    "title=Wifi+meeting&date=2099-10-05&time=17%3A30&invited=All+"
	    "members", &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	m = strtoll(loc + strlen("/meetings/"), NULL, 10);
	(void)snprintf(path, sizeof(path), "/meetings/%lld", (long long)m);
	/* The worker's own list says what members will read instead. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	/* Its theme and number: two under one theme are told apart. */
	(void)snprintf(form, sizeof(form), "holds a private view: members "
	    "read &quot;Things to do (issue %lld)&quot;", (long long)issue);
	assert_true(resp_has(&r, form));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "action=add_issue&ref=%lld",
	    (long long)issue);
	assert_int_equal(client_post(&worker, path, path, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM agenda_items WHERE "
	    "meeting_id = %lld AND issue_id = %lld AND title = 'Things to do "
	    "(issue %lld)'", (long long)m, (long long)issue,
	    (long long)issue), 1);
	no_private_words(&young, path, title);
	/* The worker finds which issue it is. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	(void)snprintf(form, sizeof(form), "<a href=\"/issues/%lld\">Open "
	    "the issue", (long long)issue);
	assert_true(resp_has(&r, form));
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/meetings/%lld/present",
	    (long long)m);
	no_private_words(&young, path, title);
	/* An item holding the words from before: read by the rule too. */
	(void)snprintf(form, sizeof(form), "UPDATE agenda_items SET title = "
	    "'%s' WHERE meeting_id = %lld", title, (long long)m);
	assert_int_equal(db_run(form), 0);
	no_private_words(&young, path, title);
	(void)snprintf(path, sizeof(path), "/meetings/%lld", (long long)m);
	no_private_words(&young, path, title);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plan_and_build_agenda),
		cmocka_unit_test(present_screen_one_item_at_a_time),
		cmocka_unit_test(minutes_actions_and_the_board),
		cmocka_unit_test(suggestions_and_roles),
		cmocka_unit_test(who_is_invited_says_one_thing),
		cmocka_unit_test(private_view_stays_off_the_agenda),
	};

	return (cmocka_run_group_tests_name("http_meetings", tests, demo_group_setup,
	    group_teardown_server));
}
