/*
 * test_pledge.c: the Care Pledge over real HTTP: the public Pledge and
 * scorecard (and that the CSV says what the table says), progress only by
 * the participation team and the owning councillor, young people's
 * verdicts counted once and changeable, comments moderated first,
 * councillors' own pledges, and a new version published while the old
 * one stays readable.
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


/*
 * The first field of the CSV row at p (RFC 4180 quoting undone), written
 * as the page would show it (HTML-escaped) between "> and </a>.
 */
static void
first_field_as_html(const char *p, char *out, size_t outlen)
{
	size_t	 o;
	int	 quoted;

	o = 0;
	out[o++] = '>';
	quoted = *p == '"';
	if (quoted)
		p++;
	for (; *p != '\0' && o + 8 < outlen; p++) {
		if (quoted && p[0] == '"' && p[1] == '"')
			p++;
		else if (quoted && *p == '"')
			break;
		else if (!quoted && (*p == ',' || *p == '\r'))
			break;
		if (*p == '&')
			o += (size_t)snprintf(out + o, outlen - o, "&amp;");
		else if (*p == '\'')
			o += (size_t)snprintf(out + o, outlen - o, "&#39;");
		else
			out[o++] = *p;
	}
	(void)snprintf(out + o, outlen - o, "</a>");
}

/* Split one CSV row at p into fields (quotes undone). Returns how many. */
static int
csv_row(const char *p, char f[][256], int max)
{
	int	 n, quoted;
	size_t	 o;

	for (n = 0; n < max; n++) {
		o = 0;
		quoted = *p == '"';
		if (quoted)
			p++;
		for (; *p != '\0'; p++) {
			if (quoted && p[0] == '"' && p[1] == '"')
				p++;
			else if (quoted && *p == '"') {
				p++;
				break;
			} else if (!quoted && (*p == ',' || *p == '\r'))
				break;
			if (o + 1 < 256)
				f[n][o++] = *p;
		}
		f[n][o] = '\0';
		if (*p != ',')
			return (n + 1);
		p++;
	}
	return (n);
}

/* The table row holding `title` has these words in these cells. */
static void
assert_row_has(const struct resp *r, const char *title, char f[][256])
{
	const char	*row, *end;
	char		 want[512];

	row = strstr(buf_cstr((struct buf *)&r->body), title);
	assert_non_null(row);
	end = strstr(row, "</tr>");
	assert_non_null(end);
	(void)snprintf(want, sizeof(want), "<td>%s</td>", f[4]);
	assert_non_null(memmem(row, (size_t)(end - row), want, strlen(want)));
	(void)snprintf(want, sizeof(want), "<td>%s%%</td>", f[5]);
	assert_non_null(memmem(row, (size_t)(end - row), want, strlen(want)));
	(void)snprintf(want, sizeof(want), "<td>%s</td><td>%s</td><td>%s</td>",
	    f[8], f[9], f[10]);
	assert_non_null(memmem(row, (size_t)(end - row), want, strlen(want)));
}

static void
public_pledge_and_scorecard(void **state)
{
	struct resp	 r, csv;
	const char	*p;
	char		 line[1024], title[256], fields[12][256];
	int		 rows;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/pledge", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Our Care Pledge 2026"));
	assert_true(resp_has(&r, "We will give you a free leisure pass"));
	assert_true(resp_has(&r, "The law says so"));
	assert_true(resp_has(&r, "Our own promise"));
	assert_true(resp_has(&r, "<progress"));
	assert_true(resp_has(&r, "fewer than 5"));
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(http_get(&anon, "/pledge/scorecard", &r), 0);
	assert_int_equal(r.status, 200);
	resp_init(&csv);
	assert_int_equal(http_get(&anon, "/pledge/scorecard.csv", &csv), 0);
	assert_int_equal(csv.status, 200);
	assert_non_null(resp_header(&csv, "content-type", line, sizeof(line)));
	assert_string_equal(line, "text/csv; charset=utf-8");
	/* In the page's words, which young people download too. */
	assert_true(resp_has(&csv, "Kind of promise,Who is responsible,"));
	assert_true(resp_has(&csv, ",The law says so,"));
	assert_false(resp_has(&csv, "Statutory"));
	/* Every CSV row is a row of the table, with the same counts. */
	rows = 0;
	for (p = strstr(buf_cstr(&csv.body), "\r\n") + 2; *p != '\0';
	    p = strstr(p, "\r\n") + 2) {
		first_field_as_html(p, title, sizeof(title));
		assert_true(resp_has(&r, title));
		assert_int_equal(csv_row(p, fields, 12), 12);
		assert_row_has(&r, title, fields);
		rows++;
	}
	assert_int_equal(rows, count("SELECT count(*) FROM promises p JOIN "
	    "pledge_versions v ON v.id = p.version_id WHERE v.state = "
	    "'current'"));
	assert_true(strstr(buf_cstr(&csv.body), "fewer than 5") != NULL);
	assert_true(resp_has(&r, "fewer than 5"));
	/* Its hard words are listed under the table, each row still as
	 * its line of the CSV (review 112). */
	assert_true(resp_has(&r, "<h2>Words on this page</h2>"));
	assert_true(resp_has(&r, "<dt>advocate</dt><dd>someone on your side"));
	resp_free(&csv);
	resp_free(&r);
	/* The Pledge itself explains them where first used. */
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/pledge", &r), 0);
	assert_true(resp_has(&r, "an advocate (someone on your side who helps "
	    "you say what you want)"));
	resp_free(&r);
}

static int64_t
promise_id(const char *title, const char *state)
{
	return (count("SELECT p.id FROM promises p JOIN pledge_versions v ON "
	    "v.id = p.version_id WHERE v.state = '%s' AND p.title = '%s'",
	    state, title));
}

static void
progress_by_worker_and_owner_only(void **state)
{
	struct resp	 r;
	char		 path[64], form[256];
	int64_t		 owned, other;

	(void)state;
	owned = promise_id("We will offer you work experience and "
	    "apprenticeships", "current");
	other = promise_id("We will pay for music lessons if you want them",
	    "current");
	(void)snprintf(path, sizeof(path), "/pledge/%lld", (long long)owned);
	/* Their list of owned promises leads there. */
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/my-pledges", &r), 0);
	assert_true(resp_has(&r, path));
	resp_free(&r);
	/* The owning councillor sees the form and records progress. */
	resp_init(&r);
	assert_int_equal(http_get(&cllr, path, &r), 0);
	assert_true(resp_has(&r, "Record progress"));
	resp_free(&r);
	assert_int_equal(client_post(&cllr, path, path, "status=kept&"
	    "progress=90&evidence=Nearly+there", &r), 422);
	assert_true(resp_has(&r, "100% done"));
	resp_free(&r);
	assert_int_equal(client_post(&cllr, path, path, "status=in_the_works&"
	    "progress=20&evidence=", &r), 422);
	assert_true(resp_has(&r, "the evidence"));
	resp_free(&r);
	assert_int_equal(client_post(&cllr, path, path, "status=in_the_works&"
	    "progress=20&evidence=Two+placements+agreed+with+HR.&"
	    "measure_value=2", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM promise_updates WHERE "
	    "promise_id = %lld AND evidence LIKE 'Two placements%%'",
	    (long long)owned), 1);
	resp_init(&r);
	assert_int_equal(http_get(&anon, path, &r), 0);
	assert_true(resp_has(&r, "Two placements agreed with HR."));
	assert_false(resp_has(&r, "Record progress"));
	resp_free(&r);
	/* Someone else's promise: as if it did not exist. */
	(void)snprintf(path, sizeof(path), "/pledge/%lld", (long long)other);
	assert_int_equal(client_post(&cllr, path, path, "status=in_the_works&"
	    "progress=50&evidence=x", &r), 404);
	resp_free(&r);
	assert_int_equal(client_post(&young, path, path, "status=kept&"
	    "progress=100&evidence=x", &r), 404);
	resp_free(&r);
	/* The participation team may update any promise. */
	assert_int_equal(client_post(&worker, path, path, "status=in_the_works&"
	    "progress=45&evidence=Music+hub+lessons+started.", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT progress FROM promises WHERE id = %lld",
	    (long long)other), 45);
	assert_int_equal(client_status(&anon, "/pledge/999999"), 404);
	/* A number too big to be a percentage is not read as another. */
	assert_int_equal(client_post(&worker, path, path, "status=stalled&"
	    "progress=4294967346&evidence=Waiting+for+the+budget.", &r), 422);
	assert_true(resp_has(&r, "Progress is a number from 0 to 100"));
	resp_free(&r);
	/* An update sent from a page read before someone else's is held
	 * back, its words kept, until the newer one has been read. */
	(void)snprintf(form, sizeof(form), "seen=%lld&status=in_the_works&"
	    "progress=60&evidence=Teachers+booked+for+spring.",
	    (long long)count("SELECT max(id) FROM promise_updates WHERE "
	    "promise_id = %lld", (long long)other) - 1);
	assert_int_equal(client_post(&worker, path, path, form, &r), 422);
	assert_true(resp_has(&r, "Someone else recorded an update"));
	assert_true(resp_has(&r, ">Teachers booked for spring.</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT progress FROM promises WHERE id = %lld",
	    (long long)other), 45);
	(void)snprintf(form, sizeof(form), "seen=%lld&status=in_the_works&"
	    "progress=60&evidence=Teachers+booked+for+spring.",
	    (long long)count("SELECT max(id) FROM promise_updates WHERE "
	    "promise_id = %lld", (long long)other));
	assert_int_equal(client_post(&worker, path, path, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT progress FROM promises WHERE id = %lld",
	    (long long)other), 60);
}

static void
verdicts_count_once_and_change(void **state)
{
	struct resp	 r;
	char		 form[256];
	int64_t		 p, jaden;

	(void)state;
	p = promise_id("We will pay for music lessons if you want them",
	    "current");
	jaden = count("SELECT id FROM users WHERE name_key = 'jaden'");
	resp_init(&r);
	assert_int_equal(http_get(&young, "/pledge/check", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Are we keeping our promises?"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "v_%lld=yes", (long long)p);
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    form, &r), 303);
	resp_free(&r);
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE "
	    "promise_id = %lld AND user_id = %lld AND current = 1",
	    (long long)p, (long long)jaden), 1);
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE "
	    "promise_id = %lld AND user_id = %lld AND current = 1 AND verdict "
	    "= 'yes'", (long long)p, (long long)jaden), 1);
	(void)snprintf(form, sizeof(form), "v_%lld=no", (long long)p);
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE "
	    "promise_id = %lld AND user_id = %lld AND current = 1 AND verdict "
	    "= 'no'", (long long)p, (long long)jaden), 1);
	assert_true(count("SELECT count(*) FROM verdicts WHERE promise_id = "
	    "%lld AND user_id = %lld", (long long)p, (long long)jaden) >= 2);
	/* Nonsense is refused, and nothing changes. */
	(void)snprintf(form, sizeof(form), "v_%lld=maybe", (long long)p);
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    form, &r), 422);
	resp_free(&r);
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    "v_999999=yes", &r), 422);
	resp_free(&r);
	/* Only young people answer. */
	assert_int_equal(client_status(&worker, "/pledge/check"), 404);
	assert_int_equal(client_status(&anon, "/pledge/check"), 303);
}

static void
comments_are_moderated_first(void **state)
{
	struct resp	 r;
	char		 form[256], path[64];
	int64_t		 p, vid;

	(void)state;
	p = promise_id("We will give you a free leisure pass", "current");
	(void)snprintf(form, sizeof(form), "v_%lld=partly&c_%lld=Can+the+"
	    "pass+cover+the+climbing+wall%%3F", (long long)p, (long long)p);
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    form, &r), 303);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/pledge/%lld", (long long)p);
	resp_init(&r);
	assert_int_equal(http_get(&anon, path, &r), 0);
	assert_false(resp_has(&r, "climbing wall"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation/comments", &r), 0);
	assert_true(resp_has(&r, "climbing wall"));
	resp_free(&r);
	vid = count("SELECT id FROM verdicts WHERE comment LIKE '%%climbing%%'"
	    " AND current = 1");
	(void)snprintf(form, sizeof(form), "id=%lld&decision=approve&note=",
	    (long long)vid);
	assert_int_equal(client_post(&worker, "/moderation/comments",
	    "/moderation/comments", form, &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, path, &r), 0);
	assert_true(resp_has(&r, "climbing wall"));
	assert_false(resp_has(&r, "Jaden"));
	resp_free(&r);

	/* A worrying comment: help first, urgent for the team. */
	(void)snprintf(form, sizeof(form), "v_%lld=no&c_%lld=I+want+to+run+"
	    "away", (long long)p, (long long)p);
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    form, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	assert_true(resp_has(&r, "0800 1111"));
	resp_free(&r);
	vid = count("SELECT id FROM verdicts WHERE comment LIKE '%%run away%%'"
	    " AND urgent = 1");
	(void)snprintf(form, sizeof(form), "id=%lld&decision=reject&note=",
	    (long long)vid);
	assert_int_equal(client_post(&worker, "/moderation/comments",
	    "/moderation/comments", form, &r), 422);
	assert_true(resp_has(&r, "Write what you did"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "id=%lld&decision=reject&note="
	    "Called+the+young+person.", (long long)vid);
	assert_int_equal(client_post(&worker, "/moderation/comments",
	    "/moderation/comments", form, &r), 303);
	resp_free(&r);
}

static void
councillors_make_their_own_pledges(void **state)
{
	struct resp	 r;
	char		 form[1280], note[1100];
	int64_t		 id;

	(void)state;
	assert_int_equal(client_post(&cllr, "/my-pledges", "/my-pledges",
	    "text=I+will+visit+every+children%27s+home+this+year", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/councillors", &r), 0);
	assert_true(resp_has(&r, "I will visit every children&#39;s home"));
	resp_free(&r);
	id = count("SELECT id FROM personal_pledges WHERE text LIKE "
	    "'I will visit%%'");
	(void)snprintf(form, sizeof(form), "id=%lld&status=in_the_works&"
	    "note=Three+so+far", (long long)id);
	assert_int_equal(client_post(&cllr, "/my-pledges", "/my-pledges",
	    form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM personal_pledges WHERE "
	    "id = %lld AND status = 'in_the_works'", (long long)id), 1);

	/* A note too long: said plainly, the note and status typed kept. */
	memset(note, 'a', 1099);
	note[1099] = '\0';
	(void)snprintf(form, sizeof(form), "id=%lld&status=kept&note=%s",
	    (long long)id, note);
	assert_int_equal(client_post(&cllr, "/my-pledges", "/my-pledges",
	    form, &r), 422);
	assert_true(resp_has(&r, "This must be 1000 characters or fewer. It "
	    "is 1099: please cut about 99."));
	(void)snprintf(form, sizeof(form), "href=\"#no%lld\"", (long long)id);
	assert_true(resp_has(&r, form));
	(void)snprintf(form, sizeof(form), "name=\"note\" value=\"%s\" "
	    "maxlength=\"1000\"", note);
	assert_true(resp_has(&r, form));
	assert_true(resp_has(&r, "<option value=\"kept\" selected>Kept"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM personal_pledges WHERE "
	    "id = %lld AND status = 'in_the_works' AND note = 'Three so far'",
	    (long long)id), 1);
	/* Shown again as saved: its own status chosen. */
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/my-pledges", &r), 0);
	assert_true(resp_has(&r, "<option value=\"in_the_works\" selected>"));
	resp_free(&r);
	/* Started is started, as for the Pledge's own promises. */
	(void)snprintf(form, sizeof(form), "id=%lld&status=not_started&"
	    "note=Paused+for+now", (long long)id);
	assert_int_equal(client_post(&cllr, "/my-pledges", "/my-pledges",
	    form, &r), 422);
	assert_true(resp_has(&r, "cannot go back to &quot;not started&quot;"));
	assert_true(resp_has(&r, "value=\"Paused for now\""));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM personal_pledges WHERE "
	    "id = %lld AND status = 'in_the_works'", (long long)id), 1);
	assert_int_equal(client_status(&worker, "/my-pledges"), 404);
	(void)snprintf(form, sizeof(form), "id=999999&status=kept&note=x");
	assert_int_equal(client_post(&cllr, "/my-pledges", "/my-pledges",
	    form, &r), 404);
	resp_free(&r);
}

static void
new_version_keeps_old_readable(void **state)
{
	struct resp	 r;
	char		 form[512], path[64];
	int64_t		 old, oldv, draft;

	(void)state;
	old = promise_id("We will give you a free leisure pass", "current");
	oldv = count("SELECT id FROM pledge_versions WHERE state = 'current'");
	assert_int_equal(client_post(&worker, "/pledge/manage",
	    "/pledge/manage", "action=new", &r), 303);
	resp_free(&r);
	draft = count("SELECT id FROM pledge_versions WHERE state = 'draft'");
	/* The draft is not for anyone else to see. */
	(void)snprintf(path, sizeof(path), "/pledge/versions/%lld",
	    (long long)draft);
	assert_int_equal(client_status(&anon, path), 404);
	assert_int_equal(client_status(&worker, path), 200);
	assert_int_equal(client_post(&worker, "/pledge/manage",
	    "/pledge/manage/promise", "theme=7&title=&owner_team=", &r), 422);
	assert_true(resp_has(&r, "Write the promise"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "theme=7&title=We+will+give+you+a+"
	    "free+bus+pass&owner_team=Transport+team&due=2027-09-01&"
	    "statutory=");
	assert_int_equal(client_post(&worker, "/pledge/manage",
	    "/pledge/manage/promise", form, &r), 303);
	resp_free(&r);
	assert_int_equal(client_post(&worker, "/pledge/manage",
	    "/pledge/manage", "action=save&title=Our+Care+Pledge+2027&"
	    "intro=New+promises.&review=2030-11-30", &r), 303);
	resp_free(&r);
	/* A Publish from a page read beside another draft does nothing. */
	assert_int_equal(client_post(&worker, "/pledge/manage",
	    "/pledge/manage", "action=publish&draft=999999", &r), 422);
	assert_true(resp_has(&r, "Someone else published or threw away"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM pledge_versions WHERE "
	    "state = 'draft'"), 1);
	assert_int_equal(client_post(&worker, "/pledge/manage",
	    "/pledge/manage", "action=publish", &r), 303);
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(http_get(&anon, "/pledge", &r), 0);
	assert_true(resp_has(&r, "Our Care Pledge 2027"));
	assert_true(resp_has(&r, "free bus pass"));
	resp_free(&r);
	/* The old version and its promises are still there, linked on. */
	(void)snprintf(path, sizeof(path), "/pledge/versions/%lld",
	    (long long)oldv);
	resp_init(&r);
	assert_int_equal(http_get(&anon, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "old version of the Pledge"));
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/pledge/%lld", (long long)old);
	resp_init(&r);
	assert_int_equal(http_get(&anon, path, &r), 0);
	assert_true(resp_has(&r, "See the promise now"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM promises WHERE "
	    "replaces_id = %lld", (long long)old), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'pledge.publish'"), 3);
	/* An update sent from a page of the old version: not saved, its
	 * words shown back beside the way to the promise now. */
	(void)snprintf(path, sizeof(path), "/pledge/%lld", (long long)old);
	assert_int_equal(client_post(&worker, path, path, "status=in_the_works&"
	    "progress=30&evidence=Sent+from+an+old+page.", &r), 422);
	assert_true(resp_has(&r, "A new version of the Pledge started"));
	assert_true(resp_has(&r, "readonly>Sent from an old page.</textarea>"));
	(void)snprintf(form, sizeof(form), "href=\"/pledge/%lld#update\"",
	    (long long)count("SELECT id FROM promises WHERE replaces_id = "
	    "%lld", (long long)old));
	assert_true(resp_has(&r, form));
	resp_free(&r);
}

/*
 * No word typed on the check form is lost: not on a form left open while
 * the Pledge changed, nor beside a worrying comment, nor as a comment
 * with no answer chosen.
 */
static void
check_form_never_drops_a_comment(void **state)
{
	struct resp	 r;
	char		 form[3072], longer[1300];
	int64_t		 p[4], blank;
	int		 i;

	(void)state;
	for (i = 0; i < 4; i++)
		p[i] = count("SELECT p.id FROM promises p JOIN pledge_versions "
		    "v ON v.id = p.version_id WHERE v.state = 'current' ORDER "
		    "BY p.id LIMIT 1 OFFSET %d", i);
	/* A promise that is no longer in force, with a worry. */
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    "v_999999=no&c_999999=my+carer+hits+me+every+night", &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views v JOIN concerns c "
	    "ON c.item_id = v.id AND c.kind = 'view' WHERE v.title = 'From "
	    "the page /pledge/check' AND v.body = 'my carer hits me every "
	    "night' AND c.closed_at IS NULL"), 1);
	/* Without one: the comment comes back to copy, answered or not. */
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    "v_999999=no&c_999999=The+bus+pass+came+late", &r), 422);
	assert_true(resp_has(&r, "Our promises changed"));
	assert_true(resp_has(&r, ">The bus pass came late</textarea>"));
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "v_%lld=yes&c_999999=No+answer+"
	    "chosen+here", (long long)p[0]);
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    form, &r), 422);
	assert_true(resp_has(&r, ">No answer chosen here</textarea>"));
	resp_free(&r);
	/* Beside a worry, an over-long comment and an unanswered one. */
	memset(longer, 'L', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	(void)snprintf(form, sizeof(form), "c_%lld=I+feel+like+hurting+myself"
	    "&v_%lld=yes&c_%lld=%s&c_%lld=Only+a+comment", (long long)p[0],
	    (long long)p[1], (long long)p[1], longer, (long long)p[2]);
	/* A blank comment is no answer; sent twice, the help page twice. */
	blank = count("SELECT count(*) FROM verdicts WHERE promise_id = %lld",
	    (long long)p[3]);
	(void)snprintf(form + strlen(form), sizeof(form) - strlen(form),
	    "&c_%lld=+++", (long long)p[3]);
	for (i = 0; i < 2; i++) {
		assert_int_equal(client_post(&young, "/pledge/check",
		    "/pledge/check", form, &r), 200);
		assert_true(resp_has(&r, "We are here to help"));
		resp_free(&r);
	}
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE promise_id "
	    "= %lld", (long long)p[3]), blank);
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE promise_id "
	    "= %lld AND current = 1 AND length(comment) = %d",
	    (long long)p[1], (int)sizeof(longer) - 1), 1);
	assert_int_equal(count("SELECT count(*) FROM verdicts WHERE promise_id "
	    "= %lld AND current = 1 AND comment = 'Only a comment' AND "
	    "verdict = 'not_sure'", (long long)p[2]), 1);
	/* Alone, a comment with no answer asks for one and stays typed. */
	(void)snprintf(form, sizeof(form), "c_%lld=Another+comment",
	    (long long)p[2]);
	assert_int_equal(client_post(&young, "/pledge/check", "/pledge/check",
	    form, &r), 422);
	assert_true(resp_has(&r, "Choose one answer"));
	assert_true(resp_has(&r, ">Another comment</textarea>"));
	resp_free(&r);
}

/* A young person of the demo's kind, signed in as c (Jaden's password). */
static void
another_young_person(struct client *c, const char *name)
{
	char	 sql[512];

	(void)snprintf(sql, sizeof(sql), "INSERT INTO users (display_name, "
	    "name_key, role, password_hash, age_band, lives_outside, "
	    "created_at) SELECT '%s', lower('%s'), role, password_hash, "
	    "age_band, lives_outside, created_at FROM users WHERE name_key = "
	    "'jaden'", name, name);
	assert_int_equal(db_run(sql), 0);
	memset(c, 0, sizeof(*c));
	assert_int_equal(client_login(c, name, "kite-river-42"), 303);
}

static void
set_verdict(struct client *c, int64_t promise, const char *verdict)
{
	struct resp	 r;
	char		 form[64];

	(void)snprintf(form, sizeof(form), "v_%lld=%s", (long long)promise,
	    verdict);
	assert_int_equal(client_post(c, "/pledge/check", "/pledge/check", form,
	    &r), 303);
	resp_free(&r);
}

/*
 * "Partly: fewer than 5" on a promise, and a young person changes their
 * own answer to partly: the count they see moves only once four others
 * have moved into or out of that same count, never with changes to
 * other promises or other answers, so they cannot learn it was 4.
 */
static void
a_hidden_count_is_not_given_away(void **state)
{
	struct client	 others[4];
	struct resp	 r;
	char		 name[16], page[32], sql[512];
	int64_t		 a, b, partly;
	int		 i;

	(void)state;
	a = promise_id("We will involve you in decisions about your life",
	    "current");
	b = promise_id("You can have an advocate if you want to complain",
	    "current");
	(void)snprintf(page, sizeof(page), "/pledge/%lld", (long long)a);
	for (i = 0; i < 4; i++) {
		(void)snprintf(name, sizeof(name), "Pip%d", i + 1);
		another_young_person(&others[i], name);
	}
	/* Exactly four others said partly: one more would show it. */
	set_verdict(&young, a, "yes");
	(void)snprintf(sql, sizeof(sql), "UPDATE verdicts SET verdict = 'yes' "
	    "WHERE promise_id = %lld AND current = 1", (long long)a);
	assert_int_equal(db_run(sql), 0);
	(void)snprintf(sql, sizeof(sql), "DELETE FROM verdicts WHERE "
	    "promise_id = %lld AND user_id != (SELECT id FROM users WHERE "
	    "name_key = 'jaden')", (long long)a);
	assert_int_equal(db_run(sql), 0);
	(void)snprintf(sql, sizeof(sql), "INSERT INTO verdicts (promise_id, "
	    "user_id, verdict, comment, comment_state, urgent, topics, at) "
	    "SELECT %lld, id, 'partly', '', 'none', 0, '', 1 FROM users WHERE "
	    "role = 'young_person' AND name_key NOT IN ('jaden', 'pip1', "
	    "'pip2', 'pip3', 'pip4') LIMIT 4", (long long)a);
	assert_int_equal(db_run(sql), 0);
	assert_int_equal(db_release(), 0);
	partly = count("SELECT count(*) FROM verdicts WHERE promise_id = %lld "
	    "AND current = 1 AND verdict = 'partly'", (long long)a);
	assert_int_equal(partly, 4);
	resp_init(&r);
	assert_int_equal(http_get(&anon, page, &r), 0);
	assert_true(resp_has(&r, "Partly: fewer than 5"));
	resp_free(&r);

	/* Jaden moves to partly; four others change another promise, and
	 * another answer on this one. */
	set_verdict(&young, a, "partly");
	for (i = 0; i < 4; i++)
		set_verdict(&others[i], b, "no");
	for (i = 0; i < 4; i++)
		set_verdict(&others[i], a, "not_sure");
	resp_init(&r);
	assert_int_equal(http_get(&anon, page, &r), 0);
	if (!resp_has(&r, "Partly: fewer than 5"))
		fail_msg("one young person's change moved a hidden count");
	resp_free(&r);
	/* Four others move into partly too: released, 4 + 1 + 4. */
	for (i = 0; i < 4; i++)
		set_verdict(&others[i], a, "partly");
	resp_init(&r);
	assert_int_equal(http_get(&anon, page, &r), 0);
	assert_true(resp_has(&r, "Partly: 9"));
	resp_free(&r);
}

/* Every answer to path as c holds want (each worker's copy, kept or not). */
static void
all_have(struct client *c, const char *path, const char *want)
{
	struct resp	 r;
	int		 i;

	for (i = 0; i < 6; i++) {
		resp_init(&r);
		assert_int_equal(http_get(c, path, &r), 0);
		assert_int_equal(r.status, 200);
		if (!resp_has(&r, want))
			fail_msg("%s lacks \"%s\"", path, want);
		resp_free(&r);
	}
}

/*
 * The admin's glossary explains the Pledge's words in brackets the first
 * time a page uses them, in the promise, its updates and the scorecard,
 * and a change to the glossary shows at once on pages kept before it.
 */
static void
pledge_explains_words(void **state)
{
	struct resp	 r;
	char		 iro[64], vs[64], form[512];
	int64_t		 id;

	(void)state;
	(void)snprintf(iro, sizeof(iro), "/pledge/%lld", (long long)promise_id(
	    "You will have an Independent Reviewing Officer", "current"));
	(void)snprintf(vs, sizeof(vs), "/pledge/%lld", (long long)promise_id(
	    "You will have a place at a good school and a designated teacher",
	    "current"));
	all_have(&anon, iro, "Every young person has an IRO (Independent "
	    "Reviewing Officer: ");
	all_have(&young, iro, "Every young person has an IRO (Independent "
	    "Reviewing Officer: ");
	/* Once a page: the update's "a named IRO." is left alone. */
	all_have(&anon, iro, "Every young person has a named IRO.</li>");
	all_have(&anon, vs, "The Virtual School (the team that helps children "
	    "in care do well at school) checks every school place.");
	/* The scorecard lists them under its table, its cells as in the
	 * CSV. */
	all_have(&anon, "/pledge/scorecard", "<td>Virtual School</td>");
	all_have(&anon, "/pledge/scorecard", "<dt>Virtual School</dt><dd>the "
	    "team that helps");
	/* The browser's title stays short. */
	resp_init(&r);
	assert_int_equal(http_get(&anon, vs, &r), 0);
	assert_false(resp_has(&r, "<title>You will have a place at a good "
	    "school and a designated teacher ("));
	resp_free(&r);

	id = count("SELECT id FROM glossary WHERE term = 'IRO'");
	(void)snprintf(form, sizeof(form), "id=%lld&term=IRO&plain=%s",
	    (long long)id, url_enc("Independent Reviewing Officer: the person "
	    "who checks your care plan is followed"));
	assert_int_equal(client_post(&admin, "/admin/glossary",
	    "/admin/glossary", form, &r), 303);
	resp_free(&r);
	all_have(&anon, iro, "an IRO (Independent Reviewing Officer: the "
	    "person who checks your care plan is followed)");
	all_have(&young, iro, "an IRO (Independent Reviewing Officer: the "
	    "person who checks your care plan is followed)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(public_pledge_and_scorecard),
		cmocka_unit_test(pledge_explains_words),
		cmocka_unit_test(progress_by_worker_and_owner_only),
		cmocka_unit_test(verdicts_count_once_and_change),
		cmocka_unit_test(check_form_never_drops_a_comment),
		cmocka_unit_test(comments_are_moderated_first),
		cmocka_unit_test(councillors_make_their_own_pledges),
		cmocka_unit_test(new_version_keeps_old_readable),
		cmocka_unit_test(a_hidden_count_is_not_given_away),
	};

	return (cmocka_run_group_tests_name("http_pledge", tests, demo_group_setup,
	    group_teardown_server));
}
