/*
 * test_hostile.c: every form against a table of hostile inputs. Each
 * answer must be a clear refusal (4xx, never 5xx) that changes nothing, or
 * an acceptance that stores the text verbatim and shows it escaped. No
 * answer may echo markup unescaped.
 */
#include <sys/time.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

enum who { ANON, YOUNG, WORKER, COUNCILLOR, ADMIN };

static struct client	 clients[5];

/* A form, and the one field the payloads go into. */
struct target {
	enum who	 who;
	const char	*tokpage;
	const char	*path;
	const char	*fields;	/* the rest, urlencoded */
	const char	*field;
};

static const struct target targets[] = {
	{ ANON, "/login", "/login", "password=x", "name" },
	{ ANON, "/join", "/join", "", "code" },
	{ ANON, "/track", "/track", "", "code" },
	{ ANON, "/views/new", "/views/new", "category=1&body=b&publish=no",
	    "title" },
	{ YOUNG, "/views/new", "/views/new", "category=1&title=t&publish=no",
	    "body" },
	{ YOUNG, "/account", "/account/name", "current=wrong", "new_name" },
	{ YOUNG, "/pledge/check", "/pledge/check", "", "c_1" },
	{ WORKER, "/accounts", "/accounts/invite", "", "role" },
	{ WORKER, "/meetings", "/meetings", "date=2099-01-01&time=10%3A00",
	    "title" },
	{ ADMIN, "/admin/safeguarding", "/admin/safeguarding",
	    "topic=unsafe", "phrase" },
	{ ADMIN, "/admin/audit", "/admin/audit", "", "actor" },
	{ ADMIN, "/admin/holidays", "/admin/holidays", "day=2027-12-24",
	    "name" },
};

/* Payloads, urlencoded as they travel. */
static const char *const payloads[] = {
	"%3Cscript%3Ealert(1)%3C%2Fscript%3E",	/* <script>alert(1)</script> */
	"%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E",	/* "><img ...> */
	"%27+OR+1%3D1%3B+DROP+TABLE+users%3B+--",	/* ' OR 1=1; DROP ... */
	"bad%C3%28utf8",				/* invalid UTF-8 */
	"nul%00byte",					/* NUL */
	"bell%07ctl",					/* control */
	"bidi%E2%80%AEtxt",				/* right-to-left override */
	"zero%E2%80%8Bwidth",				/* zero-width space */
	"%E2%80%AE%E2%80%AE%E2%80%AE",
	"x&state=published&role=admin&user_id=1&issue_id=1",
};

static int64_t
fingerprint(void)
{
	/* Rows a refused form must not have touched. */
	return (db_count("SELECT (SELECT count(*) FROM users) * 1000003 + "
	    "(SELECT count(*) FROM views) * 10007 + "
	    "(SELECT count(*) FROM issues) * 101 + "
	    "(SELECT count(*) FROM invites) * 7 + "
	    "(SELECT count(*) FROM verdicts) * 3 + "
	    "(SELECT count(*) FROM meetings) + "
	    "(SELECT count(*) FROM safeguarding_phrases) * 13 + "
	    "(SELECT count(*) FROM holidays) * 19 + "
	    "(SELECT count(*) FROM users WHERE role = 'admin') * 17"));
}

/* The fingerprint, and what a refused action on one row would touch. */
static int64_t
fingerprint_actions(void)
{
	return (fingerprint() + count("SELECT count(*) FROM audit_log") +
	    count("SELECT count(*) FROM views WHERE state = 'withdrawn'") +
	    count("SELECT count(*) FROM users WHERE disabled_at IS NOT "
	    "NULL"));
}

static int
setup(void **state)
{
	if (group_setup_demo(state) != 0)
		return (-1);
	memset(clients, 0, sizeof(clients));
	return (client_login(&clients[YOUNG], "Jaden", "kite-river-42") ==
	    303 && client_login(&clients[WORKER], "Priya Shah",
	    "worker-demo-2026") == 303 && client_login(&clients[COUNCILLOR],
	    "Cllr Sam Okafor", "councillor-demo-2026") == 303 &&
	    client_login(&clients[ADMIN], "Alex Morgan", "admin-demo-2026") ==
	    303 ? 0 : -1);
}

static void
every_form_every_payload(void **state)
{
	const struct target	*t;
	struct resp		 r;
	char			 form[1024];
	int64_t			 before;
	size_t			 i, j;
	long			 st;

	(void)state;
	for (i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		t = &targets[i];
		for (j = 0; j < sizeof(payloads) / sizeof(payloads[0]); j++) {
			before = fingerprint();
			(void)snprintf(form, sizeof(form), "%s%s%s=%s",
			    t->fields, *t->fields ? "&" : "", t->field,
			    payloads[j]);
			st = client_post(&clients[t->who], t->tokpage,
			    t->path, form, &r);
			if (st >= 500 || st < 200 || resp_has(&r, "<script>") ||
			    resp_has(&r, "<img src=x")) {
				fprintf(stderr, "%s %s: %ld\n", t->path,
				    payloads[j], st);
				fail();
			}
			/* Refused: nothing changed (a failed sign-in is
			 * audited, which the fingerprint leaves out). */
			if (st >= 400)
				assert_int_equal(fingerprint(), before);
			resp_free(&r);
		}
	}
	/* No table was dropped, no role was raised. */
	assert_true(db_count("SELECT count(*) FROM users") > 5);
	assert_int_equal(db_count("SELECT count(*) FROM users WHERE role = "
	    "'admin'"), 1);
}

static void
stored_verbatim_and_shown_escaped(void **state)
{
	struct resp	 r;
	char		 loc[128];

	(void)state;
	/* (The loop above made its payloads safeguarding phrases, as an
	 * admin may; this text is not among them.) */
	assert_int_equal(client_post(&clients[YOUNG], "/views/new",
	    "/views/new", "category=1&title=Escaped&publish=no&body="
	    "%3Cb+onclick%3D%22x()%22%3Ebold%3C%2Fb%3E+%26+%27single%27+"
	    "%3B--", &r), 303);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	assert_int_equal(db_count("SELECT count(*) FROM views WHERE body = "
	    "'<b onclick=\"x()\">bold</b> & ''single'' ;--'"), 1);
	resp_init(&r);
	assert_int_equal(http_get(&clients[YOUNG], loc, &r), 0);
	assert_true(resp_has(&r, "&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;"
	    " &amp; &#39;single&#39; ;--"));
	assert_false(resp_has(&r, "<b onclick"));
	resp_free(&r);
}

static void
forged_and_missing_tokens(void **state)
{
	static const char *const paths[] = { "/views/new", "/account/name",
	    "/accounts/invite", "/admin/settings", "/pledge/check",
	    "/meetings" };
	const char	*evil[] = {
	    "Content-Type: application/x-www-form-urlencoded",
	    "Origin: https://attacker.example", NULL };
	struct resp	 r;
	char		 csrf[64], body[128];
	int64_t		 before;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		before = fingerprint();
		resp_init(&r);
		assert_int_equal(http_post_form(&clients[ADMIN], paths[i],
		    "title=x", &r), 0);
		assert_int_equal(r.status, 403);
		resp_free(&r);
		resp_init(&r);
		assert_int_equal(http_post_form(&clients[ADMIN], paths[i],
		    "csrf=forgedforgedforgedforgedforgedforgedfor&title=x",
		    &r), 0);
		assert_int_equal(r.status, 403);
		resp_free(&r);
		assert_int_equal(client_csrf(&clients[ADMIN], "/account", csrf,
		    sizeof(csrf)), 0);
		(void)snprintf(body, sizeof(body), "csrf=%s&title=x", csrf);
		resp_init(&r);
		assert_int_equal(http_request(&clients[ADMIN], "POST",
		    paths[i], body, strlen(body), evil, &r), 0);
		assert_int_equal(r.status, 403);
		resp_free(&r);
		assert_int_equal(fingerprint(), before);
	}
	/* Sign-out: never from another site, nor without a form. */
	resp_init(&r);
	assert_int_equal(http_request(&clients[ADMIN], "POST", "/logout",
	    body, strlen(body), evil, &r), 0);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_post_form(&clients[ADMIN], "/logout", "", &r),
	    0);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	/* Still signed in: none of that reached sign-out. */
	assert_int_equal(client_status(&clients[ADMIN], "/account"), 200);
}

/*
 * Sign out from one of our own pages that is older than the session (the
 * child signed in again in another tab): signed out all the same.
 */
static void
sign_out_from_an_old_page(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 old[64], body[128];

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	assert_int_equal(client_csrf(&c, "/pledge", old, sizeof(old)), 0);
	client_logout(&c);
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	(void)snprintf(body, sizeof(body), "csrf=%s", old);
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/logout", body, &r), 0);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_int_equal(client_status(&c, "/account"), 303);
}

static void
other_peoples_ids(void **state)
{
	static const char *const probes[] = { "/views/3", "/views/999999",
	    "/my-issues/1", "/moderation/1", "/issues/1", "/accounts/1/reset",
	    "/meetings/999999", "/pledge/999999" };
	size_t	 i;
	long	 st;

	(void)state;
	/* A young person who wrote none of these gets 404, not 403. */
	for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		st = client_status(&clients[YOUNG], probes[i]);
		assert_true(st == 404 || st == 405);
	}
}

/* A form sent again, byte for byte, does nothing the second time. */
static void
replayed_forms(void **state)
{
	struct client	 owner, stolen;
	struct resp	 r;
	char		 csrf[64], path[64], form[512];
	int64_t		 view, before;
	long		 st;

	(void)state;
	view = count("SELECT id FROM views WHERE state = 'received' AND "
	    "urgent = 0 AND id NOT IN (SELECT item_id FROM concerns WHERE "
	    "kind = 'view') "
	    "ORDER BY id LIMIT 1");
	assert_true(view > 0);
	(void)snprintf(path, sizeof(path), "/moderation/%lld",
	    (long long)view);
	assert_int_equal(client_csrf(&clients[WORKER], path, csrf,
	    sizeof(csrf)), 0);
	(void)snprintf(form, sizeof(form), "csrf=%s&action=approve&"
	    "issue_title=Replayed&summary=Sent+twice", csrf);
	resp_init(&r);
	assert_int_equal(http_post_form(&clients[WORKER], path, form, &r), 0);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	before = fingerprint_actions();
	resp_init(&r);
	assert_int_equal(http_post_form(&clients[WORKER], path, form, &r), 0);
	assert_true(r.status >= 400 && r.status < 500);
	assert_true(resp_has(&r, "Someone has already dealt with this view."));
	resp_free(&r);
	assert_int_equal(fingerprint_actions(), before);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE title = "
	    "'Replayed'"), 1);

	/* A session's cookie and token, replayed after signing out. */
	assert_int_equal(demo_sign_in(&owner, NULL, NULL, NULL), 0);
	assert_int_equal(client_csrf(&owner, "/account", csrf, sizeof(csrf)),
	    0);
	memcpy(&stolen, &owner, sizeof(stolen));
	assert_int_equal(client_logout(&owner), 303);
	(void)snprintf(form, sizeof(form), "csrf=%s&new_name=Replayed+Name&"
	    "current=kite-river-42", csrf);
	resp_init(&r);
	assert_int_equal(http_post_form(&stolen, "/account/name", form, &r),
	    0);
	st = r.status;
	resp_free(&r);
	assert_true(st == 403 || st == 303);
	assert_int_equal(count("SELECT count(*) FROM users WHERE "
	    "display_name = 'Replayed Name'"), 0);
}

/* Forms aimed at other people's things: the same 404 as a missing one. */
static void
other_peoples_ids_in_forms(void **state)
{
	struct {
		enum who	 who;
		const char	*pick;		/* SQL: the id to aim at */
		const char	*path, *verb;	/* path, the id, verb */
		const char	*form;
	} probes[] = {
		{ YOUNG, "SELECT id FROM views WHERE author_id IS NOT (SELECT "
		    "id FROM users WHERE display_name = 'Jaden') ORDER BY id "
		    "LIMIT 1", "/views/", "/withdraw", "" },
		{ COUNCILLOR, "SELECT id FROM issues WHERE councillor_id IS "
		    "NOT (SELECT id FROM users WHERE display_name = 'Cllr Sam "
		    "Okafor') ORDER BY id LIMIT 1", "/my-issues/", "",
		    "decision=agreed&text=Not+mine" },
		{ WORKER, "SELECT id FROM users WHERE role = 'admin'",
		    "/accounts/", "/disable", "" },
		{ YOUNG, "SELECT max(id) + 1000 FROM views",
		    "/views/", "/withdraw", "" },
	};
	struct resp	 r;
	char		 path[64];
	int64_t		 id, before;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		id = count("%s", probes[i].pick);
		assert_true(id > 0);
		(void)snprintf(path, sizeof(path), "%s%lld%s", probes[i].path,
		    (long long)id, probes[i].verb);
		before = fingerprint_actions();
		assert_int_equal(client_post(&clients[probes[i].who], "/",
		    path, probes[i].form, &r), 404);
		resp_free(&r);
		assert_int_equal(fingerprint_actions(), before);
	}
}

/* Files in a folder, or -1 if it cannot be read. */
static int
files_in(const char *path)
{
	struct dirent	*de;
	DIR		*dir;
	int		 n;

	if ((dir = opendir(path)) == NULL)
		return (-1);
	n = 0;
	while ((de = readdir(dir)) != NULL)
		n += de->d_name[0] != '.';
	(void)closedir(dir);
	return (n);
}

static void
oversized(void **state)
{
	struct client	 from;
	struct resp	 r;
	char		*big, *form, dir[4096];
	size_t		 n = 6000;
	int64_t		 before;
	int		 i;

	(void)state;
	/* A title over its limit: refused with the limit in words. */
	big = malloc(n + 1);
	form = malloc(n + 128);
	assert_non_null(big);
	assert_non_null(form);
	memset(big, 'a', n);
	big[n] = '\0';
	(void)snprintf(form, n + 128, "category=1&body=b&publish=no&title=%s",
	    big);
	assert_int_equal(client_post(&clients[YOUNG], "/views/new",
	    "/views/new", form, &r), 422);
	assert_true(resp_has(&r, "120 characters or fewer"));
	resp_free(&r);
	free(form);
	free(big);

	/*
	 * A paste far over the form's limits, and over the 128 KiB a body
	 * may wait in memory: it waits on disk and reaches the handler,
	 * which says what is too long and keeps the words (a blank 413
	 * lost them without JavaScript).
	 */
	n = 300 * 1024;
	big = malloc(n + 1);
	form = malloc(n + 256);
	assert_non_null(big);
	assert_non_null(form);
	memset(big, 'a', n);
	memcpy(big + n - 9, "zzendzz", 7);
	big[n - 2] = '\0';
	(void)snprintf(form, n + 256, "category=1&publish=no&title=Far&body=%s",
	    big);
	assert_int_equal(client_post(&clients[YOUNG], "/views/new",
	    "/views/new", form, &r), 422);
	assert_true(resp_has(&r, "5000 characters or fewer"));
	assert_true(resp_has(&r, "Your words are still here"));
	assert_true(resp_has(&r, "aaazzendzz</textarea>"));
	resp_free(&r);

	/* Worrying words at the end of such a paste: kept, and the help. */
	before = db_count("SELECT count(*) FROM concerns");
	(void)snprintf(form, n + 256, "category=1&publish=no&title=Far&body=%s"
	    "+I+want+to+kill+myself", big);
	assert_int_equal(client_post(&clients[YOUNG], "/views/new",
	    "/views/new", form, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(db_count("SELECT count(*) FROM concerns"), before + 1);
	assert_int_equal(db_count("SELECT count(*) FROM views WHERE body LIKE "
	    "'%zzendzz I want to kill myself'"), 1);
	/* Never held back, but a stream of them from one address cannot
	 * fill the disk: past five long ones an hour, each keeps its first
	 * and last 32 KiB, and says so. */
	for (i = 0; i < 5; i++) {
		(void)snprintf(form, n + 256, "category=1&publish=no&title=Far%d&"
		    "body=%s+I+want+to+kill+myself", i, big);
		assert_int_equal(client_post(&clients[YOUNG], "/views/new",
		    "/views/new", form, &r), 200);
		assert_true(resp_has(&r, "We are here to help"));
		resp_free(&r);
	}
	assert_int_equal(db_count("SELECT count(*) FROM views WHERE title = "
	    "'Far4' AND length(body) < 20000 AND body LIKE 'aaa%bytes not "
	    "all kept here%zzendzz I want to kill myself'"), 1);
	assert_int_equal(db_count("SELECT count(*) FROM views WHERE title = "
	    "'Far3' AND length(body) > 300000"), 1);
	/*
	 * What worried the check is kept from the middle, and its concern
	 * opens and the help shows, as for any worrying words. From an
	 * address of its own, after its own five long ones (20 KiB): the
	 * pastes above, this fast, spent their address's scanning budget
	 * (conns.c), past which only a text's first and last 32 KiB are
	 * read.
	 */
	memset(&from, 0, sizeof(from));
	(void)snprintf(from.local_ip, sizeof(from.local_ip), "127.0.0.71");
	memset(big, 'b', n);
	big[20 * 1024] = '\0';
	for (i = 0; i < 5; i++) {
		(void)snprintf(form, n + 256, "category=1&publish=no&title=Mid%d&"
		    "body=%s+I+want+to+kill+myself", i, big);
		assert_int_equal(client_post(&from, "/views/new", "/views/new",
		    form, &r), 200);
		resp_free(&r);
	}
	before = db_count("SELECT count(*) FROM concerns");
	memset(big, 'b', n);
	memcpy(big + n / 2, "+My+stepdad+hits+me+every+night+", 32);
	big[n - 2] = '\0';
	(void)snprintf(form, n + 256, "category=1&publish=no&title=Middle&"
	    "body=%s", big);
	assert_int_equal(client_post(&from, "/views/new",
	    "/views/new", form, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(db_count("SELECT count(*) FROM views WHERE title = "
	    "'Middle' AND length(body) < 20000 AND body LIKE '%parts the "
	    "safeguarding check worried about:%My stepdad hits me every "
	    "night%'"), 1);
	assert_int_equal(db_count("SELECT count(*) FROM concerns"), before + 1);
	free(form);
	free(big);
	/* Nothing is left waiting on disk (Kore removes a body as it frees
	 * its request, just after the answer is sent). */
	(void)snprintf(dir, sizeof(dir), "%s-bodies", harness_db_path());
	for (i = 0; i < 40 && files_in(dir) != 0; i++)
		usleep(50 * 1000);
	assert_int_equal(files_in(dir), 0);

	/* Over 1 MiB: refused before any handler. */
	n = 1024 * 1024 + 64;
	big = malloc(n);
	assert_non_null(big);
	memset(big, 'a', n - 1);
	memcpy(big, "title=", 6);
	big[n - 1] = '\0';
	resp_init(&r);
	assert_int_equal(http_post_form(&clients[YOUNG], "/views/new", big,
	    &r), 0);
	assert_int_equal(r.status, 413);
	resp_free(&r);
	free(big);
	assert_int_equal(client_status(&clients[YOUNG], "/views"), 200);
}

/*
 * A body left on disk by a worker killed as it arrived (the folder is
 * emptied at start-up, but a worker restarts alone) goes within a sweep
 * (ten seconds) once a minute old; one being written stays.
 */
static void
left_bodies_are_swept(void **state)
{
	struct timeval	 old[2];
	char		 dir[4096], stale[4200], fresh[4200];
	int		 fd, i;

	(void)state;
	(void)snprintf(dir, sizeof(dir), "%s-bodies", harness_db_path());
	(void)snprintf(stale, sizeof(stale), "%s/http_body.left01", dir);
	(void)snprintf(fresh, sizeof(fresh), "%s/http_body.new001", dir);
	assert_true((fd = open(stale, O_CREAT | O_WRONLY, 0600)) != -1);
	assert_int_equal(write(fd, "words", 5), 5);
	(void)close(fd);
	memset(old, 0, sizeof(old));
	old[0].tv_sec = old[1].tv_sec = time(NULL) - 120;
	assert_int_equal(utimes(stale, old), 0);
	assert_true((fd = open(fresh, O_CREAT | O_WRONLY, 0600)) != -1);
	(void)close(fd);
	for (i = 0; i < 60 && access(stale, F_OK) == 0; i++)
		usleep(500 * 1000);
	assert_int_equal(access(stale, F_OK), -1);
	assert_int_equal(access(fresh, F_OK), 0);
	(void)unlink(fresh);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_form_every_payload),
		cmocka_unit_test(stored_verbatim_and_shown_escaped),
		cmocka_unit_test(forged_and_missing_tokens),
		cmocka_unit_test(sign_out_from_an_old_page),
		cmocka_unit_test(other_peoples_ids),
		cmocka_unit_test(replayed_forms),
		cmocka_unit_test(other_peoples_ids_in_forms),
		cmocka_unit_test(oversized),
		cmocka_unit_test(left_bodies_are_swept),
	};

	return (cmocka_run_group_tests_name("http_hostile", tests, setup,
	    group_teardown_server));
}
