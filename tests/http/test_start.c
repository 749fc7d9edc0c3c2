/*
 * test_start.c: where each person lands, over real HTTP: staff start
 * pages with counts (and counts on the menu), moderation that goes on to
 * the next view, the welcome page after joining, invite codes a person
 * can type (old ones still work), and a young person's "Save for later"
 * draft, kept until sent and never left for the next person at sign-out.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "auth.h"
#include "harness.h"
#include "testutil.h"

/* Sign in c as name; the Location the sign-in answered with into loc. */
static void
login_to(struct client *c, const char *name, const char *pw, char *loc,
    size_t len)
{
	struct resp	 r;
	char		 form[256];

	memset(c, 0, sizeof(*c));
	(void)snprintf(form, sizeof(form), "name=%s&", url_enc(name));
	(void)snprintf(form + strlen(form), sizeof(form) - strlen(form),
	    "password=%s", url_enc(pw));
	assert_int_equal(client_post(c, "/login", "/login", form, &r), 303);
	assert_non_null(resp_header(&r, "location", loc, len));
	resp_free(&r);
}

static void
staff_land_on_their_start_page(void **state)
{
	struct client	 c;
	char		 loc[128];

	(void)state;
	login_to(&c, "Cllr Sam Okafor", "councillor-demo-2026", loc,
	    sizeof(loc));
	assert_string_equal(loc, "/start");
	login_to(&c, "Priya Shah", "worker-demo-2026", loc, sizeof(loc));
	assert_string_equal(loc, "/start");
	login_to(&c, "Alex Morgan", "admin-demo-2026", loc, sizeof(loc));
	assert_string_equal(loc, "/start");
	/* A young person's start is the home page, as before. */
	login_to(&c, "Jaden", "kite-river-42", loc, sizeof(loc));
	assert_string_equal(loc, "/");
	/* Somewhere asked for is still honoured. */
	memset(&c, 0, sizeof(c));
	assert_int_equal(client_status(&c, "/start"), 303);
	assert_int_equal(client_status(&young, "/start"), 303);
}

static void
councillor_start_counts_what_awaits_and_what_is_late(void **state)
{
	struct resp	 r;
	char		 want[128];
	int64_t		 me, waiting;

	(void)state;
	me = count("SELECT id FROM users WHERE display_name = "
	    "'Cllr Sam Okafor'");
	/* One of theirs overdue, for certain. */
	assert_int_equal(db_run("UPDATE issues SET state = 'with_councillor', "
	    "councillor_id = (SELECT id FROM users WHERE display_name = "
	    "'Cllr Sam Okafor'), due_at = 1000, first_due_at = 1000 WHERE id "
	    "= (SELECT max(id) FROM issues WHERE state IN ('open', "
	    "'with_councillor'))"), 0);
	waiting = count("SELECT count(*) FROM issues WHERE councillor_id = "
	    "%lld AND state = 'with_councillor'", (long long)me);
	assert_true(waiting > 0);
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/start", &r), 0);
	assert_int_equal(r.status, 200);
	(void)snprintf(want, sizeof(want), "<strong>%lld</strong> %s for "
	    "your answer", (long long)waiting, waiting == 1 ? "issue waits" :
	    "issues wait");
	assert_true(resp_has(&r, want));
	assert_true(resp_has(&r, "class=\"urgent-text\">1 overdue</strong>") ||
	    resp_has(&r, " overdue</strong>"));
	assert_true(resp_has(&r, "<tr class=\"urgent-row\">"));
	assert_true(resp_has(&r, "<span class=\"tag off\">Overdue</span>"));
	/* The menu counts them too, and Start is current. */
	(void)snprintf(want, sizeof(want), "Issues to answer <span "
	    "class=\"nav-count\">%lld<", (long long)waiting);
	assert_true(resp_has(&r, want));
	assert_true(resp_has(&r, "href=\"/start\" aria-current=\"page\""));
	/* The site's name leads staff to their own start (review 112). */
	assert_true(resp_has(&r, "class=\"brand\" href=\"/start\""));
	/* Nothing of the other roles' pages. */
	assert_false(resp_has(&r, "to moderate"));
	assert_false(resp_has(&r, "/admin/outbox"));
	resp_free(&r);
}

static void
worker_start_counts_the_queue_and_concerns(void **state)
{
	struct resp	 r;
	char		 want[160];
	int64_t		 queue, concerns, checks;

	(void)state;
	assert_int_equal(db_run("INSERT INTO meetings (title, starts_at, "
	    "created_at) VALUES ('Start page meeting', strftime('%s', 'now') "
	    "+ 3 * 86400, strftime('%s', 'now'))"), 0);
	queue = count("SELECT count(*) FROM views WHERE state = 'received'");
	concerns = count("SELECT count(*) FROM concerns WHERE closed_at IS "
	    "NULL");
	checks = count("SELECT count(*) FROM answer_checks WHERE state = "
	    "'waiting'");
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/start", &r), 0);
	assert_int_equal(r.status, 200);
	(void)snprintf(want, sizeof(want), "href=\"/moderation\"><span "
	    "class=\"tally-n\">%lld</span> to moderate", (long long)queue);
	assert_true(resp_has(&r, want));
	(void)snprintf(want, sizeof(want), "href=\"/safeguarding\"><span "
	    "class=\"tally-n\">%lld</span> open concern", (long long)concerns);
	assert_true(resp_has(&r, want));
	(void)snprintf(want, sizeof(want), "<span class=\"tally-n\">%lld"
	    "</span> answer", (long long)checks);
	assert_true(resp_has(&r, want));
	assert_true(resp_has(&r, "with no progress for 90 days"));
	assert_true(resp_has(&r, ">Start page meeting</a>"));
	/* The menu counts the queue. */
	if (queue > 0) {
		(void)snprintf(want, sizeof(want), "Moderation <span "
		    "class=\"nav-count\">%lld<", (long long)queue);
		assert_true(resp_has(&r, want));
	}
	resp_free(&r);
}

/* How many times s is in r's body. */
static int64_t
times_in(const struct resp *r, const char *s)
{
	const char	*p, *end;
	int64_t		 n;

	n = 0;
	p = r->body.data;
	end = p + r->body.len;
	while (p != NULL && p < end && (p = memmem(p, (size_t)(end - p), s,
	    strlen(s))) != NULL) {
		n++;
		p += strlen(s);
	}
	return (n);
}

/*
 * An issue sent on to another councillor keeps its first due date: past
 * it, it is late (the board report's rule) though its new date is weeks
 * away. The start pages count it as overdue, as the lists they link to
 * show it: the worker's count is the rows of /issues?overdue=1, the
 * councillor's the rows marked on their own start page.
 */
static void
start_counts_what_the_overdue_list_shows(void **state)
{
	struct resp	 r;
	char		 want[160];
	int64_t		 listed, marked;

	(void)state;
	assert_int_equal(db_run("INSERT INTO issues (category_id, title, "
	    "summary, state, councillor_id, created_at, sent_at, due_at, "
	    "first_due_at) SELECT 1, 'Moved on and late', 'Moved', "
	    "'with_councillor', id, 1, unixepoch() - 30 * 86400, unixepoch() "
	    "+ 10 * 86400, unixepoch() - 5 * 86400 FROM users WHERE "
	    "display_name = 'Cllr Sam Okafor'"), 0);

	resp_init(&r);
	assert_int_equal(http_get(&worker, "/issues?overdue=1", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, ">Moved on and late</a>"));
	listed = times_in(&r, "<td><a href=\"/issues/");
	resp_free(&r);
	assert_true(listed >= 1);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/start", &r), 0);
	(void)snprintf(want, sizeof(want), "href=\"/issues?overdue=1\"><span "
	    "class=\"tally-n\">%lld</span> overdue with councillors",
	    (long long)listed);
	assert_true(resp_has(&r, want));
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/start", &r), 0);
	assert_true(resp_has(&r, "<span class=\"tag off\">Late</span> <a "));
	marked = times_in(&r, "<tr class=\"urgent-row\">");
	assert_true(marked >= 1);
	(void)snprintf(want, sizeof(want), "href=\"/my-issues\"><span "
	    "class=\"tally-n\">%lld</span> overdue</a>", (long long)marked);
	assert_true(resp_has(&r, want));
	resp_free(&r);
	/* The list that count links to marks it too. */
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/my-issues", &r), 0);
	assert_true(resp_has(&r, "<span class=\"tag off\">Late</span>"));
	resp_free(&r);
	assert_int_equal(db_run("DELETE FROM issues WHERE title = 'Moved on "
	    "and late' AND created_at = 1"), 0);
}

static void
admin_start_shows_failed_mail_and_accounts(void **state)
{
	struct resp	 r;
	char		 want[128];

	(void)state;
	assert_int_equal(db_run("INSERT INTO outbox (recipient, subject, "
	    "body, created_at, state, next_attempt_at) VALUES "
	    "('x@example.org', 's', 'b', 1, 'failed', 1)"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/start", &r), 0);
	assert_int_equal(r.status, 200);
	(void)snprintf(want, sizeof(want), "<span class=\"tally-n\">%lld"
	    "</span> email", (long long)count("SELECT count(*) FROM outbox "
	    "WHERE state = 'failed'"));
	assert_true(resp_has(&r, want));
	assert_true(resp_has(&r, "<li class=\"tally-late\"><a "
	    "href=\"/admin/outbox\">"));
	(void)snprintf(want, sizeof(want), "%lld young people, ",
	    (long long)count("SELECT count(*) FROM users WHERE role = "
	    "'young_person' AND closed_at IS NULL"));
	assert_true(resp_has(&r, want));
	assert_true(resp_has(&r, "href=\"/admin/audit\">Audit log</a>"));
	resp_free(&r);
}

/* A received view with no open concern: a decision on it goes through. */
static int64_t
free_view(int64_t not)
{
	return (count("SELECT id FROM views v WHERE state = 'received' AND "
	    "id != %lld AND NOT EXISTS (SELECT 1 FROM concerns f WHERE "
	    "f.kind = 'view' AND f.item_id = v.id AND f.closed_at IS NULL) "
	    "ORDER BY id LIMIT 1", (long long)not));
}

static void
reject(int64_t id, struct resp *r)
{
	char	 path[64];

	(void)snprintf(path, sizeof(path), "/moderation/%lld", (long long)id);
	assert_int_equal(client_post(&worker, path, path, "action=reject&"
	    "reason=This+is+about+one+person.", r), 303);
}

static void
moderation_goes_on_to_the_next_view(void **state)
{
	struct resp	 r;
	char		 loc[128], want[256];
	int64_t		 id, next, other;

	(void)state;
	/* Two views to decide, at least. */
	assert_int_equal(db_run("INSERT INTO views (category_id, title, body, "
	    "better, share, publish, state, created_at, track_hash) SELECT "
	    "id, 'Queue test one', 'words', '', 0, 'no', 'received', 5, "
	    "randomblob(32) FROM categories LIMIT 1"), 0);
	id = free_view(0);
	assert_true(id > 0);
	other = free_view(id);
	assert_true(other > 0);
	resp_init(&r);
	reject(id, &r);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	/* To another view still waiting, naming the one just done. */
	assert_int_equal(strncmp(loc, "/moderation/", 12), 0);
	next = strtoll(loc + 12, NULL, 10);
	assert_true(next > 0 && next != id);
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld "
	    "AND state = 'received'", (long long)next), 1);
	(void)snprintf(want, sizeof(want), "?done=%lld", (long long)id);
	assert_non_null(strstr(loc, want));
	resp_init(&r);
	assert_int_equal(http_get(&worker, loc, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Done: turned down ‘"));
	assert_true(resp_has(&r, "Here is the next view."));
	resp_free(&r);
	/* Only a decided view is named: a waiting one says nothing. */
	(void)snprintf(want, sizeof(want), "/moderation/%lld?done=%lld",
	    (long long)next, (long long)next);
	resp_init(&r);
	assert_int_equal(http_get(&worker, want, &r), 0);
	assert_false(resp_has(&r, "Done: "));
	resp_free(&r);

	/* The last one: back to the queue, which says it is empty. */
	assert_int_equal(db_run("UPDATE views SET state = 'rejected' WHERE "
	    "state = 'received' AND title != 'Queue test one'"), 0);
	id = count("SELECT id FROM views WHERE state = 'received'");
	resp_init(&r);
	reject(id, &r);
	assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
	resp_free(&r);
	(void)snprintf(want, sizeof(want), "/moderation?done=%lld",
	    (long long)id);
	assert_string_equal(loc, want);
	resp_init(&r);
	assert_int_equal(http_get(&worker, loc, &r), 0);
	assert_true(resp_has(&r, "Done: turned down ‘Queue test one’."));
	assert_true(resp_has(&r, "the queue is empty"));
	resp_free(&r);
}

static void
welcome_page_for_young_people(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&young, "/welcome", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "What to do first"));
	assert_true(resp_has(&r, "Staying safe here"));
	assert_true(resp_has(&r, "Where help is"));
	assert_true(resp_has(&r, "class=\"main-action\"><a class=\"button "
	    "big-button\" href=\"/views/new\">"));
	assert_true(resp_has(&r, "class=\"call\" href=\"tel:08001111\""));
	assert_true(resp_has(&r, "<body class=\"young\" "));
	resp_free(&r);
	assert_int_equal(client_status(&worker, "/welcome"), 404);
	memset(&anon, 0, sizeof(anon));
	assert_int_equal(client_status(&anon, "/welcome"), 303);
}

/* The code shown to the worker who made an invite. */
static void
new_invite(char *code, size_t len)
{
	struct resp	 r;

	assert_int_equal(client_post(&worker, "/accounts", "/accounts/invite",
	    "role=young_person", &r), 200);
	assert_non_null(resp_between(&r, "id=\"code\">", "</p>", code, len));
	resp_free(&r);
}

static long
try_code(const char *typed)
{
	struct client	 c;
	struct resp	 r;
	char		 form[160];
	long		 st;

	memset(&c, 0, sizeof(c));
	(void)snprintf(form, sizeof(form), "code=%s", url_enc(typed));
	st = client_post(&c, "/join", "/join", form, &r);
	resp_free(&r);
	return (st);
}

static void
invite_codes_a_person_can_type(void **state)
{
	unsigned char	 d[AUTH_DIGEST_BYTES];
	char		 code[64], typed[64], sql[512];
	const char	*old = "7K2MQ9XDHT4RPWZ3ABCDEFGH01";
	size_t		 i, o;

	(void)state;
	new_invite(code, sizeof(code));
	/* Four groups of four, nothing to misread. */
	assert_int_equal(strlen(code), 19);
	assert_true(code[4] == '-' && code[9] == '-' && code[14] == '-');
	assert_null(strpbrk(code, "01OILU"));
	/* Typed in small letters with spaces, it is the same code. */
	for (i = 0, o = 0; code[i] != '\0'; i++) {
		typed[o++] = code[i] == '-' ? ' ' : (char)(code[i] >= 'A' &&
		    code[i] <= 'Z' ? code[i] + 32 : code[i]);
		if (i == 1)
			typed[o++] = ' ';
	}
	typed[o] = '\0';
	assert_int_equal(try_code(typed), 200);
	/* One symbol wrong: not a code. */
	(void)snprintf(typed, sizeof(typed), "%s", code);
	typed[0] = typed[0] == '2' ? '3' : '2';
	assert_int_equal(try_code(typed), 422);

	/* A code made before, 26 symbols long, still works. */
	auth_digest(old, strlen(old), d);
	o = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO invites "
	    "(code_hash, kind, role, created_at, expires_at) VALUES (X'");
	for (i = 0; i < sizeof(d); i++)
		o += (size_t)snprintf(sql + o, sizeof(sql) - o, "%02x", d[i]);
	(void)snprintf(sql + o, sizeof(sql) - o, "', 'invite', "
	    "'young_person', 1, strftime('%%s', 'now') + 86400)");
	assert_int_equal(db_run(sql), 0);
	assert_int_equal(try_code("7k2m-q9xd-ht4r-pwz3-abcd-efgh-ol"), 200);
}

static const char *
draft_body(char *body, size_t len, const char *extra)
{
	(void)snprintf(body, len, "category=%lld&title=%s&body=%s&"
	    "publish=no%s", (long long)count("SELECT id FROM categories "
	    "WHERE key = 'leisure'"), url_enc("Cinema trips"),
	    url_enc("Half of a thought about cinema"), extra);
	return (body);
}

static void
save_for_later_keeps_words_until_sent(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 body[512], tag[64], extra[96];
	int64_t		 views;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	views = count("SELECT count(*) FROM views");
	/* Saved, unfinished (no title is fine), nothing sent. */
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    "title=&body=Half+of+a+thought&save=1", &r), 200);
	assert_true(resp_has(&r, "Saved for later"));
	assert_true(resp_has(&r, "Half of a thought</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views"), views);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE user_id = "
	    "(SELECT id FROM users WHERE name_key = 'jaden')"), 1);
	/* Saved again, the one draft is replaced. */
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    draft_body(body, sizeof(body), "&save=1"), &r), 200);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE user_id = "
	    "(SELECT id FROM users WHERE name_key = 'jaden')"), 1);
	/* Their data page shows it, as everything held about them. */
	resp_init(&r);
	assert_int_equal(http_get(&c, "/account/data", &r), 0);
	assert_true(resp_has(&r, "Saved for later, not sent"));
	assert_true(resp_has(&r, "Half of a thought about cinema"));
	resp_free(&r);
	/* Signed out and in again (another day), the words come back. */
	assert_int_equal(client_logout(&c), 303);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE user_id IS "
	    "NOT NULL"), 1);
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_true(resp_has(&r, "Your words are back"));
	assert_true(resp_has(&r, "value=\"Cinema trips\""));
	assert_true(resp_has(&r, "Half of a thought about cinema</textarea>"));
	assert_true(resp_has(&r, "name=\"save\" value=\"1\""));
	assert_non_null(resp_between(&r, "name=\"from_saved\" value=\"",
	    "\"", tag, sizeof(tag)));
	resp_free(&r);
	/* Another view sent meanwhile (from a form that did not hold
	 * them, another tab): the saved words stay saved. */
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    "category=1&title=Other&body=Something+else+entirely&publish=no",
	    &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE user_id IS "
	    "NOT NULL"), 1);
	views++;
	/* Nobody else sees them: not another young person, not a visitor. */
	memset(&anon, 0, sizeof(anon));
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/views/new", &r), 0);
	assert_false(resp_has(&r, "Cinema trips"));
	assert_false(resp_has(&r, "name=\"save\""));
	resp_free(&r);
	/* Sent from the form that held them, the draft is gone. */
	(void)snprintf(extra, sizeof(extra), "&from_saved=%s", tag);
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    draft_body(body, sizeof(body), extra), &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views"), views + 1);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE user_id IS "
	    "NOT NULL"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_false(resp_has(&r, "Your words are back"));
	resp_free(&r);
	/* Worrying words are not left in a drawer: a worker reads them. */
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    "title=&body=I+want+to+hurt+myself+tonight&save=1", &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body = "
	    "'I want to hurt myself tonight'"), 1);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE user_id IS "
	    "NOT NULL"), 0);
}

/*
 * c, signed in, opens Raise a view; the session runs out (aged ten
 * days) while fields (a form body without its csrf) are typed; Send.
 * The answer's status.
 */
static long
run_out_while_typing(struct client *c, const char *fields)
{
	struct resp	 r;
	char		 csrf[128], body[512];
	long		 status;

	assert_int_equal(client_csrf(c, "/views/new", csrf, sizeof(csrf)), 0);
	assert_int_equal(db_run("UPDATE sessions SET created_at = created_at "
	    "- 864000, seen_at = seen_at - 864000 WHERE id = (SELECT max(id) "
	    "FROM sessions)"), 0);
	(void)snprintf(body, sizeof(body), "csrf=%s&%s", csrf, fields);
	resp_init(&r);
	assert_int_equal(http_post_form(c, "/views/new", body, &r), 0);
	status = r.status;
	resp_free(&r);
	return (status);
}

static void
sign_out_forgets_this_browsers_draft(void **state)
{
	struct client	 c;
	struct resp	 r;

	(void)state;
	/* Signed in, the session runs out, Send keeps the words. */
	memset(&c, 0, sizeof(c));
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	assert_int_equal(run_out_while_typing(&c, "title=Shared+laptop&body="
	    "Words+on+a+shared+laptop&publish=no"), 200);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE title = "
	    "'Shared laptop'"), 1);
	/* Back in, then out: the draft goes with them, from the files
	 * as well as the table. */
	assert_true(db_files_hold("Words on a shared laptop"));
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	assert_int_equal(client_logout(&c), 303);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE title = "
	    "'Shared laptop'"), 0);
	assert_true(db_files_lose("Words on a shared laptop"));
	/* The next person on this browser sees an empty form. */
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_false(resp_has(&r, "Shared laptop"));
	assert_false(resp_has(&r, "Your words are back"));
	resp_free(&r);
}

/* Words kept by this browser, then saved for later: one copy, the new. */
static void
save_for_later_replaces_this_browsers_draft(void **state)
{
	struct client	 c;
	struct resp	 r;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	(void)run_out_while_typing(&c, "title=Kept&body=First+words");
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE title = "
	    "'Kept'"), 1);
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    "title=Kept&body=Second+words&save=1", &r), 200);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE title = "
	    "'Kept'"), 1);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_true(resp_has(&r, "Second words</textarea>"));
	resp_free(&r);
	assert_int_equal(db_run("DELETE FROM drafts"), 0);
}

/*
 * Words saved for later, then other words kept when the session ran
 * out: both come back, and neither is lost by sending or saving the
 * other (one was shown and then deleted unseen).
 */
static void
kept_and_saved_words_both_survive(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 tag[64], body[256];

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    "title=Saved&body=Words+in+the+drawer&save=1", &r), 200);
	resp_free(&r);
	(void)run_out_while_typing(&c, "title=Late&body=Words+typed+as+time+"
	    "ran+out");
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	/* The kept words fill the form; the saved ones are shown too. */
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_true(resp_has(&r, "Words typed as time ran out</textarea>"));
	assert_true(resp_has(&r, "You also saved these words for later"));
	assert_true(resp_has(&r, "Words in the drawer</textarea>"));
	assert_false(resp_has(&r, "name=\"from_saved\""));
	resp_free(&r);
	/* Saved for later too: the drawer holds both. */
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    "title=Late&body=Words+typed+as+time+ran+out&save=1", &r), 200);
	assert_true(resp_has(&r, "Words typed as time ran out\n\nSaved\nWords "
	    "in the drawer</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE body = "
	    "'Words typed as time ran out' || char(10) || char(10) || 'Saved' "
	    "|| char(10) || 'Words in the drawer'"), 1);
	assert_int_equal(db_run("DELETE FROM drafts"), 0);

	/* Two tabs: the first holds the drawer's words; the second saves
	 * others; the first sends. What the second saved stays. */
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    "title=One&body=Words+from+the+first+tab&save=1", &r), 200);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_non_null(resp_between(&r, "name=\"from_saved\" value=\"",
	    "\"", tag, sizeof(tag)));
	resp_free(&r);
	assert_int_equal(client_post(&c, "/views/new", "/views/new",
	    "title=Two&body=Words+from+the+second+tab&save=1", &r), 200);
	resp_free(&r);
	(void)snprintf(body, sizeof(body), "category=1&title=One&body=Words+"
	    "from+the+first+tab&publish=no&from_saved=%s", tag);
	assert_int_equal(client_post(&c, "/views/new", "/views/new", body,
	    &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE body LIKE "
	    "'Words from the second tab%%'"), 1);
	assert_int_equal(db_run("DELETE FROM drafts"), 0);
}

/*
 * The browser forgot the session (closed, or its cookie cleared) while
 * words were typed: the form's token still says whose session gave it,
 * so "Sign in again" brings the words back, as when a session runs out.
 */
static void
words_come_back_when_the_cookie_is_gone(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 csrf[128], body[256];

	(void)state;
	session_forgotten(&c, "/views/new", csrf, sizeof(csrf));
	(void)snprintf(body, sizeof(body), "csrf=%s&title=Gone&body=Words+"
	    "typed+before+the+browser+forgot", csrf);
	resp_init(&r);
	assert_int_equal(http_post_form(&c, "/views/new", body, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "After you sign in, your words will be back"));
	resp_free(&r);
	assert_int_equal(client_login(&c, "Jaden", "kite-river-42"), 303);
	resp_init(&r);
	assert_int_equal(http_get(&c, "/views/new", &r), 0);
	assert_true(resp_has(&r, "Words typed before the browser forgot"
	    "</textarea>"));
	resp_free(&r);
	assert_int_equal(db_run("DELETE FROM drafts"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(staff_land_on_their_start_page),
		cmocka_unit_test(
		    councillor_start_counts_what_awaits_and_what_is_late),
		cmocka_unit_test(worker_start_counts_the_queue_and_concerns),
		cmocka_unit_test(start_counts_what_the_overdue_list_shows),
		cmocka_unit_test(admin_start_shows_failed_mail_and_accounts),
		cmocka_unit_test(moderation_goes_on_to_the_next_view),
		cmocka_unit_test(welcome_page_for_young_people),
		cmocka_unit_test(invite_codes_a_person_can_type),
		cmocka_unit_test(save_for_later_keeps_words_until_sent),
		cmocka_unit_test(sign_out_forgets_this_browsers_draft),
		cmocka_unit_test(save_for_later_replaces_this_browsers_draft),
		cmocka_unit_test(kept_and_saved_words_both_survive),
		cmocka_unit_test(words_come_back_when_the_cookie_is_gone),
	};

	return (cmocka_run_group_tests_name("http_start", tests,
	    demo_group_setup, group_teardown_server));
}
