/*
 * test_consult.c: consultations over real HTTP (issue #15): writing one,
 * who sees it (anyone else gets 404), answering with and without a name
 * (an anonymous response is linked to nobody: not in its row, the audit
 * log or the data download), save and come back, worrying words, the
 * small-number suppression of every cell (and of cells that would give
 * one away), the CSV, publishing on /we-asked, and the menu's count as
 * consultations open and close.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"
#include "testutil.h"

static struct client	 young2;	/* 16-17, inside, like Jaden */
static int64_t		 jaden, zeph;

static int
setup(void **state)
{
	if (demo_group_setup(state) != 0)
		return (-1);
	if (db_run("INSERT INTO users (display_name, name_key, role, "
	    "password_hash, age_band, lives_outside, created_at) SELECT "
	    "'Zephyrine', 'zephyrine', role, password_hash, age_band, "
	    "lives_outside, created_at FROM users WHERE display_name = "
	    "'Jaden'") != 0 ||
	    db_run("UPDATE settings SET value = '5' WHERE key = "
	    "'small_count'") != 0)
		return (-1);
	memset(&young2, 0, sizeof(young2));
	if (client_login(&young2, "Zephyrine", "kite-river-42") != 303)
		return (-1);
	jaden = db_count("SELECT id FROM users WHERE display_name = 'Jaden'");
	zeph = db_count("SELECT id FROM users WHERE display_name = "
	    "'Zephyrine'");
	return (jaden > 0 && zeph > 0 ? 0 : -1);
}

/* A new consultation by the worker: its id. */
static int64_t
write_one(const char *title, const char *audience)
{
	struct resp	 r;
	char		 form[1024];

	(void)snprintf(form, sizeof(form), "title=%s&why=%s&%s&"
	    "opens=2020-01-01&closes=2099-12-31", url_enc(title),
	    url_enc("We want to know how it feels."), audience);
	assert_int_equal(client_post(&worker, "/consultations/manage",
	    "/consultations/manage", form, &r), 303);
	resp_free(&r);
	return (count("SELECT max(id) FROM consultations WHERE title = '%s'",
	    title));
}

static long
manage(int64_t id, const char *form)
{
	struct resp	 r;
	char		 path[80];
	long		 st;

	(void)snprintf(path, sizeof(path), "/consultations/manage/%lld",
	    (long long)id);
	st = client_post(&worker, path, path, form, &r);
	resp_free(&r);
	return (st);
}

/* Three questions on page 1, two on page 2. */
static int64_t
write_full(const char *title, const char *audience)
{
	int64_t	 id;

	id = write_one(title, audience);
	assert_int_equal(manage(id, "do=question&kind=one&q_text=Do+you+like"
	    "+your+home%3F&q_simple=Is+home+good%3F&q_options=Yes%0ANo%0A"
	    "Not+sure"), 303);
	assert_int_equal(manage(id, "do=question&kind=several&q_text=What+do"
	    "+you+do&q_options=Sport%0AMusic%0AGames"), 303);
	assert_int_equal(manage(id, "do=question&kind=scale&q_text=How+safe"
	    "&low_word=Not+at+all&high_word=Very"), 303);
	assert_int_equal(manage(id, "do=question&kind=short&q_text=One+word"
	    "&q_optional=yes"), 303);
	assert_int_equal(manage(id, "do=question&kind=long&q_text=Tell+us+"
	    "more&q_optional=yes"), 303);
	assert_int_equal(manage(id, "do=open"), 303);
	return (id);
}

static int64_t
qid(int64_t c, int pos)
{
	return (count("SELECT id FROM consult_questions WHERE "
	    "consultation_id = %lld ORDER BY position LIMIT 1 OFFSET %d",
	    (long long)c, pos));
}

static int64_t
opt(int64_t q, int pos)
{
	return (count("SELECT id FROM consult_options WHERE question_id = "
	    "%lld ORDER BY position LIMIT 1 OFFSET %d", (long long)q, pos));
}

/* The status of base + id + rest. */
static long
get(struct client *c, const char *base, int64_t id, const char *rest)
{
	char	 path[96];

	(void)snprintf(path, sizeof(path), "%s%lld%s", base, (long long)id,
	    rest);
	return (client_status(c, path));
}

static long
start(struct client *c, int64_t id, const char *who)
{
	struct resp	 r;
	char		 path[64], form[64];
	long		 st;

	(void)snprintf(path, sizeof(path), "/consultations/%lld",
	    (long long)id);
	(void)snprintf(form, sizeof(form), "who=%s", who);
	st = client_post(c, path, path, form, &r);
	resp_free(&r);
	return (st);
}

/* POST one page of answers; the response is the caller's. */
static long
answer(struct client *c, int64_t id, const char *form, struct resp *r)
{
	char	 path[64];

	(void)snprintf(path, sizeof(path), "/consultations/%lld/answer",
	    (long long)id);
	return (client_post(c, path, path, form, r));
}

/* Answer all of c's questions: choice a, scale s, some words. */
static void
answer_all(struct client *cl, int64_t c, int a, int s, const char *words)
{
	struct resp	 r;
	char		 form[512];

	(void)snprintf(form, sizeof(form), "page=0&act=next&q%lld=%lld&"
	    "o%lld=yes&q%lld=%d", (long long)qid(c, 0),
	    (long long)opt(qid(c, 0), a), (long long)opt(qid(c, 1), 0),
	    (long long)qid(c, 2), s);
	assert_int_equal(answer(cl, c, form, &r), 303);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "page=1&act=send&q%lld=%s",
	    (long long)qid(c, 4), url_enc(words));
	assert_int_equal(answer(cl, c, form, &r), 303);
	resp_free(&r);
}

static void
writing(void **state)
{
	struct resp	 r;
	int64_t		 id;

	(void)state;
	/* Bad input: every field named, the words kept. */
	assert_int_equal(client_post(&worker, "/consultations/manage",
	    "/consultations/manage", "title=&why=Because&audience=bands&"
	    "opens=2026-02-30&closes=x", &r), 422);
	assert_true(resp_has(&r, "Give the consultation a title."));
	assert_true(resp_has(&r, "Tick at least one age band"));
	assert_true(resp_has(&r, "Give the day it opens"));
	assert_true(resp_has(&r, ">Because</textarea>"));
	resp_free(&r);
	id = write_one("Leisure offer", "audience=all");
	assert_int_equal(count("SELECT count(*) FROM consultations WHERE id = "
	    "%lld AND state = 'draft'", (long long)id), 1);
	/* No questions yet: it cannot open. */
	assert_int_equal(manage(id, "do=open"), 422);
	assert_int_equal(manage(id, "do=question&kind=one&q_text=Which&"
	    "q_options=Only+one"), 422);
	/* The same choice twice (blanks and case aside) is refused. */
	assert_int_equal(manage(id, "do=question&kind=one&q_text=Which&"
	    "q_options=Yes%0Ayes+%0ANo"), 422);
	assert_int_equal(count("SELECT count(*) FROM consult_questions WHERE "
	    "consultation_id = %lld", (long long)id), 0);
	assert_int_equal(manage(id, "do=question&kind=scale&q_text=How+good"
	    "&low_word=Bad&high_word=Great"), 303);
	assert_int_equal(manage(id, "do=open"), 303);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "IN ('consult.create', 'consult.question', 'consult.open') AND "
	    "object_id = %lld", (long long)id), 3);
	/* Staff only; the preview shows the question. */
	assert_int_equal(client_status(&young, "/consultations/manage"), 404);
	assert_int_equal(client_status(&cllr, "/consultations/manage"), 404);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/consultations/manage", &r), 0);
	assert_true(resp_has(&r, "Leisure offer"));
	resp_free(&r);
	assert_int_equal(get(&worker, "/consultations/manage/", id,
	    "/preview"), 200);
}

static void
targeting(void **state)
{
	struct resp	 r;
	int64_t		 leavers, outside, draft, all;

	(void)state;
	leavers = write_full("For care leavers", "audience=leavers");
	outside = write_full("Outside the area", "audience=outside");
	draft = write_one("Not open yet", "audience=all");
	assert_int_equal(get(&young, "/consultations/", leavers, ""), 404);
	assert_int_equal(get(&young, "/consultations/", leavers, "/answer"),
	    404);
	assert_int_equal(get(&young, "/consultations/", outside, ""), 404);
	assert_int_equal(get(&young, "/consultations/", draft, ""), 404);
	assert_int_equal(get(&young, "/consultations/", 999999, ""), 404);
	assert_int_equal(start(&young, leavers, "named"), 404);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/consultations", &r), 0);
	assert_false(resp_has(&r, "For care leavers"));
	assert_false(resp_has(&r, "Not open yet"));
	resp_free(&r);
	/* A care leaver sees it. */
	assert_int_equal(db_run("UPDATE users SET age_band = '18_21' WHERE "
	    "display_name = 'Zephyrine'"), 0);
	assert_int_equal(get(&young2, "/consultations/", leavers, ""), 200);
	assert_int_equal(db_run("UPDATE users SET age_band = '16_17' WHERE "
	    "display_name = 'Zephyrine'"), 0);
	assert_int_equal(get(&young2, "/consultations/", leavers, ""), 404);
	/* An account with no age band (made before the question was asked)
	 * is asked for it first: nobody answers into an "age not said"
	 * column the results leave out. */
	assert_int_equal(db_run("UPDATE users SET age_band = NULL WHERE "
	    "display_name = 'Zephyrine'"), 0);
	all = write_full("For every age", "audience=all");
	/* Its pages send them to their account to say it. */
	assert_int_equal(get(&young2, "/consultations/", all, ""), 303);
	assert_int_equal(get(&young2, "/consultations/", all, "/answer"), 303);
	resp_init(&r);
	assert_int_equal(http_get(&young2, "/consultations", &r), 0);
	assert_true(resp_has(&r, "tell us your age group"));
	assert_false(resp_has(&r, "href=\"/consultations/"));
	resp_free(&r);
	assert_int_equal(db_run("UPDATE users SET age_band = '16_17' WHERE "
	    "display_name = 'Zephyrine'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&young2, "/consultations", &r), 0);
	assert_false(resp_has(&r, "tell us your age group"));
	resp_free(&r);
	assert_int_equal(get(&young2, "/consultations/", all, ""), 200);
}

static void
named_and_anonymous(void **state)
{
	struct resp	 r;
	int64_t		 c, audit_before;

	(void)state;
	c = write_full("How reviews feel", "audience=bands&band_16_17=yes");
	/* On the start page and in the menu. */
	resp_init(&r);
	assert_int_equal(http_get(&young, "/", &r), 0);
	assert_true(resp_has(&r, "We have questions for you."));
	assert_true(resp_has(&r, "Questions for you <span class=\"nav-count\">"));
	resp_free(&r);
	/* Named: the row is Jaden's. */
	assert_int_equal(start(&young, c, "named"), 303);
	answer_all(&young, c, 0, 4, "named words about reviews");
	assert_int_equal(count("SELECT count(*) FROM consult_responses WHERE "
	    "consultation_id = %lld AND user_id = %lld AND anonymous = 0 AND "
	    "finished_at IS NOT NULL", (long long)c, (long long)jaden), 1);
	/* The audit log points at Jaden, not the consultation: its rows
	 * per consultation would count, by name, who answered it. */
	assert_true(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'consult.answer' AND object_type = 'user' AND object_id = %lld",
	    (long long)jaden) > 0);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action IN "
	    "('consult.start', 'consult.answer') AND object_type != 'user'"),
	    0);
	/* Named answers are in Jaden's own data download. */
	resp_init(&r);
	assert_int_equal(http_get(&young, "/account/data.json", &r), 0);
	assert_true(resp_has(&r, "named words about reviews"));
	resp_free(&r);
	/* Anonymous: nothing names Zephyrine. */
	audit_before = count("SELECT count(*) FROM audit_log");
	assert_int_equal(start(&young2, c, "anonymous"), 303);
	answer_all(&young2, c, 1, 2, "secretword private thoughts");
	assert_int_equal(count("SELECT count(*) FROM consult_responses WHERE "
	    "consultation_id = %lld AND anonymous = 1 AND user_id IS NULL AND "
	    "finished_at IS NOT NULL AND finished_at %% 86400 = 0 AND "
	    "started_at %% 86400 = 0", (long long)c), 1);
	assert_int_equal(count("SELECT count(*) FROM consult_responses WHERE "
	    "user_id = %lld", (long long)zeph), 0);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE id > "
	    "(SELECT max(id) - %lld FROM audit_log) AND (actor_id = %lld OR "
	    "actor_name = 'Zephyrine')", (long long)(count("SELECT count(*) "
	    "FROM audit_log") - audit_before), (long long)zeph), 0);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE "
	    "actor_id = %lld AND action LIKE 'consult.%%'", (long long)zeph),
	    0);
	resp_init(&r);
	assert_int_equal(http_get(&young2, "/account/data.json", &r), 0);
	assert_int_equal(r.status, 200);
	assert_false(resp_has(&r, "secretword"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young2, "/account/data", &r), 0);
	assert_false(resp_has(&r, "secretword"));
	resp_free(&r);
	/* Answering twice: no second response. */
	assert_int_equal(start(&young2, c, "named"), 200);
	assert_int_equal(count("SELECT count(*) FROM consult_responses WHERE "
	    "consultation_id = %lld", (long long)c), 2);
	resp_init(&r);
	assert_int_equal(http_get(&young2, "/consultations", &r), 0);
	assert_true(resp_has(&r, "You have answered"));
	resp_free(&r);
}

static void
save_and_return(void **state)
{
	struct resp	 r;
	char		 form[256], want[96];
	int64_t		 c;

	(void)state;
	c = write_full("Pocket money", "audience=inside");
	assert_int_equal(start(&young, c, "anonymous"), 303);
	/* Next without the required answers: told, nothing lost. */
	(void)snprintf(form, sizeof(form), "page=0&act=next&q%lld=3",
	    (long long)qid(c, 2));
	assert_int_equal(answer(&young, c, form, &r), 422);
	assert_true(resp_has(&r, "Please choose an answer to this question."));
	(void)snprintf(want, sizeof(want), "value=\"3\" checked");
	assert_true(resp_has(&r, want));
	resp_free(&r);
	/* Save and come back. */
	(void)snprintf(form, sizeof(form), "page=0&act=save&q%lld=%lld&q%lld"
	    "=5", (long long)qid(c, 0), (long long)opt(qid(c, 0), 2),
	    (long long)qid(c, 2));
	assert_int_equal(answer(&young, c, form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM consult_responses WHERE "
	    "consultation_id = %lld AND finished_at IS NULL", (long long)c),
	    1);
	/* The start page goes straight back to the answers, as saved. */
	assert_int_equal(get(&young, "/consultations/", c, ""), 303);
	resp_init(&r);
	(void)snprintf(want, sizeof(want), "/consultations/%lld/answer",
	    (long long)c);
	assert_int_equal(http_get(&young, want, &r), 0);
	(void)snprintf(want, sizeof(want), "value=\"%lld\" checked",
	    (long long)opt(qid(c, 0), 2));
	assert_true(resp_has(&r, want));
	assert_true(resp_has(&r, "value=\"5\" checked"));
	assert_true(resp_has(&r, "without your name"));
	resp_free(&r);
	/* Easier words. */
	(void)snprintf(want, sizeof(want), "/consultations/%lld/answer?"
	    "page=0&simple=1", (long long)c);
	resp_init(&r);
	assert_int_equal(http_get(&young, want, &r), 0);
	assert_true(resp_has(&r, "Is home good?"));
	resp_free(&r);
	/* A page ahead of the saved one is refused, not saved, and what
	 * was typed on it comes back to copy. */
	(void)snprintf(form, sizeof(form), "page=1&act=save&q%lld=%s",
	    (long long)qid(c, 4), url_enc("Words typed ahead"));
	assert_int_equal(answer(&young, c, form, &r), 409);
	assert_true(resp_has(&r, "Words typed ahead"));
	resp_free(&r);
	/* Questions are frozen once anyone has answered. */
	assert_int_equal(manage(c, "do=question&kind=short&q_text=Another"),
	    422);
	assert_int_equal(db_run("UPDATE consult_questions SET text = 'x' "
	    "WHERE consultation_id = (SELECT max(id) FROM consultations)"),
	    -1);
}

/* The session ran out (a stale token): worrying words still reach a
 * worker, ordinary words come back to be copied. */
static void
stale_words(int64_t c)
{
	char		 origin[160], path[64], body[256];
	const char	*hdrs[] = {
	    "Content-Type: application/x-www-form-urlencoded", origin, NULL };
	struct resp	 r;

	(void)snprintf(origin, sizeof(origin), "Origin: %s", harness_base());
	(void)snprintf(path, sizeof(path), "/consultations/%lld/answer",
	    (long long)c);
	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&page=1&act=send&q%lld=%s", (long long)qid(c, 4),
	    url_enc("I want to kill myself tonight"));
	resp_init(&r);
	assert_int_equal(http_request(&anon, "POST", path, body, strlen(body),
	    hdrs, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'consult_answer' AND author_id IS NULL AND instr(text, "
	    "'kill myself tonight') > 0"), 1);
	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&page=1&act=send&q%lld=%s", (long long)qid(c, 4),
	    url_enc("the bus is too slow"));
	resp_init(&r);
	assert_int_equal(http_request(&anon, "POST", path, body, strlen(body),
	    hdrs, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "the bus is too slow"));
	resp_free(&r);
	/* A written answer of only digits is words too ("7 days"). */
	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&page=1&act=send&q%lld=7", (long long)qid(c, 4));
	resp_init(&r);
	assert_int_equal(http_request(&anon, "POST", path, body, strlen(body),
	    hdrs, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, ">7</textarea>"));
	resp_free(&r);
}

/* POST body with a stale token to path as cl, from our own site: its
 * status. */
static int
stale_from(struct client *cl, const char *path, const char *body,
    struct resp *r)
{
	char		 origin[160];
	const char	*hdrs[] = {
	    "Content-Type: application/x-www-form-urlencoded", origin, NULL };

	(void)snprintf(origin, sizeof(origin), "Origin: %s", harness_base());
	resp_init(r);
	assert_int_equal(http_request(cl, "POST", path, body, strlen(body),
	    hdrs, r), 0);
	return (r->status);
}

static int
stale_post(const char *path, const char *body, struct resp *r)
{
	return (stale_from(&anon, path, body, r));
}

/*
 * A flood of stale worrying answers from one address opens no more
 * concerns than the hourly limit (3) and loses no word; worrying words
 * sent to a consultation that does not exist are kept as a view, with
 * help (review 111: they were only shown back).
 */
static void
stale_flood(int64_t c)
{
	struct resp	 r;
	char		 path[64], body[256], sql[256];
	int64_t		 before;
	int		 i;

	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&page=1&act=send&q1=%s",
	    url_enc("I want to kill myself tonight"));
	before = count("SELECT count(*) FROM concerns");
	(void)stale_post("/consultations/999999/answer", body, &r);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns"), before + 1);
	before++;
	(void)snprintf(path, sizeof(path), "/consultations/%lld/answer",
	    (long long)c);
	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&page=1&act=send&q%lld=grumpy", (long long)qid(c, 4));
	assert_int_equal(stale_post(path, body, &r), 403);
	assert_true(resp_has(&r, "grumpy"));
	resp_free(&r);
	/* So on a stale Raise a view form: its one word comes back (not
	 * kept: no session ran out, so it is nobody's to give back). */
	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&title=Buses&body=grumpy");
	assert_int_equal(stale_post("/views/new", body, &r), 200);
	assert_true(resp_has(&r, "grumpy"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM drafts WHERE body = "
	    "'grumpy'"), 0);
	before = count("SELECT count(*) FROM concerns WHERE kind = "
	    "'consult_answer' AND author_id IS NULL");
	for (i = 0; i < 20; i++) {
		(void)snprintf(body, sizeof(body), "csrf=staletokenstale"
		    "tokenstaletokenstale&page=1&act=send&q%lld=%s%d",
		    (long long)qid(c, 4), url_enc("I want to kill myself "
		    "flood"), i);
		assert_int_equal(stale_post(path, body, &r), 200);
		assert_true(resp_has(&r, "We are here to help"));
		resp_free(&r);
	}
	assert_true(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'consult_answer' AND author_id IS NULL") - before <= 3);
	for (i = 0; i < 20; i++) {
		(void)snprintf(sql, sizeof(sql), "SELECT count(*) FROM "
		    "concerns WHERE instr(text, 'myself flood%d' || char(10)) "
		    "> 0", i);
		assert_int_equal(count("%s", sql), 1);
	}
	/* Another address's concern, newer than ours: our next words over
	 * the limit join ours, never theirs. */
	assert_int_equal(db_run("CREATE TEMP TABLE c2 AS SELECT * FROM "
	    "concerns WHERE id = (SELECT max(id) FROM concerns WHERE kind = "
	    "'consult_answer' AND author_id IS NULL); "
	    "UPDATE c2 SET id = NULL, text = 'Someone else''s words'; "
	    "INSERT INTO concerns SELECT * FROM c2; "
	    "INSERT INTO worry_origins VALUES (last_insert_rowid(), "
	    "'elsewhere', CAST(strftime('%s', 'now') AS INTEGER));"), 0);
	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&page=1&act=send&q%lld=%s", (long long)qid(c, 4),
	    url_enc("I want to kill myself again"));
	assert_int_equal(stale_post(path, body, &r), 200);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE text = "
	    "'Someone else''s words'"), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE "
	    "instr(text, 'kill myself again') > 0"), 1);
}

/* The manage list and page suppress small counts like the results. */
static void
manage_counts(int64_t c)
{
	struct resp	 r;
	const char	*row, *end;
	char		 path[64];

	resp_init(&r);
	assert_int_equal(http_get(&worker, "/consultations/manage", &r), 0);
	assert_int_equal(r.status, 200);
	row = strstr(buf_cstr(&r.body), "Feeling safe</a>");
	assert_non_null(row);
	end = strstr(row, "</tr>");
	assert_non_null(end);
	assert_non_null(strstr(row, "31 December 2099"));
	assert_true(strstr(row, "31 December 2099") < end);
	row = strstr(row, "fewer than 5");
	assert_true(row != NULL && row < end);
	/* Every list says the last day, not the midnight after it. */
	assert_false(resp_has(&r, "January 2100"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/consultations", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Open until 31 December 2099"));
	assert_false(resp_has(&r, "January 2100"));
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/consultations/manage/%lld",
	    (long long)c);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "fewer than 5 started"));
	resp_free(&r);
}

/*
 * The handle the results page at path names the text answer with words
 * by (its id is never on the page), into out (17 bytes); "" if not there.
 */
static void
handle_of(const char *path, const char *words, char *out)
{
	struct resp	 r;
	const char	*body, *at, *p, *id;
	char		 pre[256];

	out[0] = '\0';
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	body = buf_cstr(&r.body);
	(void)snprintf(pre, sizeof(pre), "<p class=\"pre\">%s</p>", words);
	if ((at = strstr(body, pre)) != NULL) {
		for (id = NULL, p = body; (p = strstr(p, "<li class=\"item\" "
		    "id=\"a")) != NULL && p < at; p++)
			id = p + strlen("<li class=\"item\" id=\"a");
		if (id != NULL)
			(void)snprintf(out, 17, "%.16s", id);
	}
	resp_free(&r);
}

/*
 * An answer under an open concern nobody has taken cannot become an
 * issue; an unfinished response's answer cannot be tagged or turned.
 */
static void
flagged_issue(int64_t c)
{
	struct resp	 r;
	char		 path[64], line[512], h[17];
	int64_t		 issues;

	(void)snprintf(path, sizeof(path), "/consultations/manage/%lld/"
	    "results", (long long)c);
	/* Unfinished (as when the help page comes before "Send"): not
	 * listed, so no handle to tag or turn it by. */
	assert_int_equal(db_run("UPDATE consult_responses SET finished_at = "
	    "NULL WHERE id = (SELECT response_id FROM consult_answers WHERE "
	    "text = 'he hit me with a belt')"), 0);
	handle_of(path, "he hit me with a belt", h);
	assert_string_equal(h, "");
	(void)snprintf(line, sizeof(line), "do=tag&answer=%lld&theme=Home",
	    (long long)count("SELECT id FROM consult_answers WHERE text = "
	    "'he hit me with a belt'"));
	assert_int_equal(client_post(&worker, path, path, line, &r), 404);
	resp_free(&r);
	assert_int_equal(db_run("UPDATE consult_responses SET finished_at = "
	    "1 WHERE id = (SELECT response_id FROM consult_answers WHERE "
	    "text = 'he hit me with a belt')"), 0);
	handle_of(path, "he hit me with a belt", h);
	assert_int_equal(strlen(h), 16);
	(void)snprintf(line, sizeof(line), "do=issue&answer=%s&category=%lld"
	    "&issue_title=Home&issue_summary=Someone+is+hurt+at+home.", h,
	    (long long)count("SELECT min(id) FROM categories"));
	issues = count("SELECT count(*) FROM issues");
	assert_int_equal(client_post(&worker, path, path, line, &r), 422);
	assert_true(resp_has(&r, "Someone must take the open"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issues"), issues);
	/* Once a worker has taken the concern, it may. */
	assert_int_equal(db_run("UPDATE concerns SET held_by = (SELECT "
	    "min(id) FROM users WHERE role <> 'young_person'), held_at = 1 "
	    "WHERE kind = 'consult_answer' AND closed_at IS NULL"), 0);
	assert_int_equal(client_post(&worker, path, path, line, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issues"), issues + 1);
}

static void
safeguarding(void **state)
{
	struct resp	 r;
	char		 form[256], path[64], page[64];
	int64_t		 c;

	(void)state;
	c = write_full("Feeling safe", "audience=all");
	assert_int_equal(start(&young2, c, "anonymous"), 303);
	/* Worrying words from a page ahead of the saved one: kept first. */
	(void)snprintf(form, sizeof(form), "page=1&act=next&q%lld=%s",
	    (long long)qid(c, 4), url_enc("he locks me in my room"));
	assert_int_equal(answer(&young2, c, form, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'consult_answer' AND item_id = %lld AND instr(text, 'locks me "
	    "in my room') > 0", (long long)c), 1);
	assert_int_equal(count("SELECT page FROM consult_responses WHERE "
	    "consultation_id = %lld", (long long)c), 0);
	/* Worrying words with a required answer missing: kept anyway. */
	(void)snprintf(form, sizeof(form), "page=0&act=next");
	assert_int_equal(answer(&young2, c, form, &r), 422);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "page=0&act=next&q%lld=%lld&"
	    "o%lld=yes&q%lld=1", (long long)qid(c, 0),
	    (long long)opt(qid(c, 0), 0), (long long)opt(qid(c, 1), 0),
	    (long long)qid(c, 2));
	assert_int_equal(answer(&young2, c, form, &r), 303);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "page=1&act=send&q%lld=%s",
	    (long long)qid(c, 4), url_enc("he hit me with a belt"));
	assert_int_equal(answer(&young2, c, form, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	/* Send on the last page sent them: they count, and help says so,
	 * leads on, and says how to ask when no name is on them. */
	assert_true(resp_has(&r, "Your answers were sent."));
	assert_true(resp_has(&r, "Back to the consultation"));
	assert_true(resp_has(&r, "cannot come and find you"));
	assert_false(resp_has(&r, "they may need to talk"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM consult_responses WHERE "
	    "consultation_id = %lld AND finished_at IS NOT NULL",
	    (long long)c), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'consult_answer' AND item_id = %lld AND author_id IS NULL AND "
	    "instr(text, 'hit me with a belt') > 0 AND closed_at IS NULL",
	    (long long)c), 1);
	assert_int_equal(count("SELECT count(*) FROM consult_answers WHERE "
	    "text = 'he hit me with a belt'"), 1);
	/* The same words sent again (Back, then Send): still one concern. */
	(void)snprintf(form, sizeof(form), "page=1&act=back&q%lld=%s",
	    (long long)qid(c, 4), url_enc("he hit me with a belt"));
	(void)snprintf(path, sizeof(path), "/consultations/%lld/answer",
	    (long long)c);
	(void)snprintf(page, sizeof(page), "/consultations/%lld",
	    (long long)c);
	assert_int_equal(client_post(&young2, page, path, form, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'consult_answer' AND item_id = %lld AND instr(text, 'hit me with "
	    "a belt') > 0", (long long)c), 1);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/safeguarding", &r), 0);
	assert_true(resp_has(&r, "An answer to a consultation"));
	resp_free(&r);
	stale_words(c);
	stale_flood(c);
	manage_counts(c);
	flagged_issue(c);
}

/* Consultation c closed, at the database's clock: ago seconds back. */
static void
closed_ago(int64_t c, int64_t ago)
{
	char	 sql[256];

	(void)snprintf(sql, sizeof(sql), "UPDATE consultations SET state = "
	    "'closed', opens_at = CAST(strftime('%%s', 'now') AS INTEGER) - "
	    "30 * 86400, closes_at = CAST(strftime('%%s', 'now') AS INTEGER) "
	    "- %lld WHERE id = %lld", (long long)ago, (long long)c);
	assert_int_equal(db_run(sql), 0);
}

/* The last page of c's answers, sent with a good token: its status. */
static long
send_late(struct client *cl, int64_t c, const char *words, struct resp *r)
{
	char	 path[64], form[256];

	(void)snprintf(path, sizeof(path), "/consultations/%lld/answer",
	    (long long)c);
	(void)snprintf(form, sizeof(form), "page=1&act=send&q%lld=%s",
	    (long long)qid(c, 4), url_enc(words));
	/* The answer page has gone: the token of any page of theirs. */
	return (client_post(cl, "/consultations", path, form, r));
}

/* How many concerns about c hold these words (exact: and nothing else). */
static int64_t
concerns_with(int64_t c, const char *words, int exact)
{
	if (exact)
		return (count("SELECT count(*) FROM concerns WHERE kind = "
		    "'consult_answer' AND item_id = %lld AND text = '%s' || "
		    "char(10)", (long long)c, words));
	return (count("SELECT count(*) FROM concerns WHERE kind = "
	    "'consult_answer' AND item_id = %lld AND instr(text, '%s') > 0",
	    (long long)c, words));
}

/*
 * A phone left on an answer page for a week and a day after the
 * consultation closed: worrying words are kept and the help page shown,
 * with a good token or a stale one, and for a consultation in any state
 * (even a draft); other words still come back to copy.
 */
static void
worry_long_after_closing(void **state)
{
	struct client	 from;
	struct resp	 r;
	char		 path[64], body[256];
	int64_t		 c;

	(void)state;
	c = write_full("Left on a phone", "audience=all");
	assert_int_equal(start(&young2, c, "anonymous"), 303);
	closed_ago(c, 8 * 86400);
	assert_int_equal(send_late(&young2, c, "my carer hits me and i want "
	    "to die", &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(concerns_with(c, "my carer hits me and i want to die",
	    0), 1);
	assert_int_equal(send_late(&young2, c, "the bus is late", &r), 409);
	assert_true(resp_has(&r, "the bus is late"));
	resp_free(&r);
	assert_int_equal(concerns_with(c, "the bus is late", 0), 0);
	/* A stale token, from an address of its own. */
	memset(&from, 0, sizeof(from));
	(void)snprintf(from.local_ip, sizeof(from.local_ip), "127.0.0.51");
	(void)snprintf(path, sizeof(path), "/consultations/%lld/answer",
	    (long long)c);
	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&page=1&act=send&q%lld=%s", (long long)qid(c, 4),
	    url_enc("he hits me and i want to die"));
	assert_int_equal(stale_from(&from, path, body, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(concerns_with(c, "he hits me and i want to die", 0),
	    1);
	/* A draft (no young person could see it): kept all the same. */
	assert_int_equal(db_run("UPDATE consultations SET state = 'draft' "
	    "WHERE title = 'Left on a phone'"), 0);
	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&page=1&act=send&q%lld=%s", (long long)qid(c, 4),
	    url_enc("she hits me and i want to die"));
	assert_int_equal(stale_from(&from, path, body, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
	assert_int_equal(concerns_with(c, "she hits me and i want to die", 0),
	    1);
	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&page=1&act=send&q%lld=grumpy", (long long)qid(c, 4));
	assert_int_equal(stale_from(&from, path, body, &r), 403);
	assert_true(resp_has(&r, "grumpy"));
	resp_free(&r);
}

/* Worrying words sent to c with a stale token by cl: the help page. */
static void
stale_worry(struct client *cl, int64_t c, const char *words)
{
	struct resp	 r;
	char		 path[64], body[256];

	(void)snprintf(path, sizeof(path), "/consultations/%lld/answer",
	    (long long)c);
	(void)snprintf(body, sizeof(body), "csrf=staletokenstaletokenstale"
	    "tokenstale&page=1&act=send&q%lld=%s", (long long)qid(c, 4),
	    url_enc(words));
	assert_int_equal(stale_from(cl, path, body, &r), 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
}

/*
 * A signed-in young person's worrying words on a closed consultation
 * (their own token, from an address over the hourly limit) are each a
 * concern of their own, told of on its own: never added to an earlier
 * one, nor to another sender's, nor joined by one.
 */
static void
signed_in_worry_stands_alone(void **state)
{
	struct resp	 r;
	char		 words[64];
	int64_t		 c, id;
	int		 i;

	(void)state;
	c = write_full("Closed under them", "audience=all");
	assert_int_equal(start(&young2, c, "anonymous"), 303);
	closed_ago(c, 10);
	/* Someone else on this address, with a stale token. */
	stale_worry(&anon, c, "they hit me and i want to die");
	for (i = 1; i <= 5; i++) {
		(void)snprintf(words, sizeof(words), "i want to die, says %d",
		    i);
		assert_int_equal(send_late(&young2, c, words, &r), 200);
		assert_true(resp_has(&r, "We are here to help"));
		resp_free(&r);
	}
	/* And more from whoever it is, after. */
	for (i = 0; i < 4; i++)
		stale_worry(&anon, c, "they hit me and i want to die again");
	for (i = 1; i <= 5; i++) {
		(void)snprintf(words, sizeof(words), "i want to die, says %d",
		    i);
		assert_int_equal(concerns_with(c, words, 0), 1);
		assert_int_equal(concerns_with(c, words, 1), 1);
		id = count("SELECT id FROM concerns WHERE text = '%s' || "
		    "char(10)", words);
		assert_int_equal(count("SELECT count(*) FROM notifications "
		    "WHERE link = '/safeguarding/%lld'", (long long)id),
		    count("SELECT count(*) FROM users WHERE role IN "
		    "('participation_worker', 'admin') AND disabled_at IS NULL "
		    "AND closed_at IS NULL"));
	}
	/* The other sender's words stay apart from theirs. */
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE item_id = "
	    "%lld AND instr(text, 'they hit me') > 0 AND instr(text, "
	    "'says') > 0", (long long)c), 0);
	assert_true(concerns_with(c, "they hit me and i want to die", 0) >= 1);
}

/*
 * Late worrying words of a young person answering with their name (or
 * not yet started) hold them, so a worker can follow them up; the same
 * words again (a second press, a reload) are no second concern, but
 * another child's same words are their own.
 */
static void
named_late_worry_holds_them_once(void **state)
{
	struct resp	 r;
	int64_t		 c;
	int		 i;

	(void)state;
	c = write_full("Closed, named", "audience=all");
	assert_int_equal(start(&young, c, "named"), 303);
	closed_ago(c, 10);
	for (i = 0; i < 2; i++) {
		assert_int_equal(send_late(&young, c, "my dad hits me at contact",
		    &r), 200);
		assert_true(resp_has(&r, "We are here to help"));
		resp_free(&r);
	}
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE item_id = "
	    "%lld AND instr(text, 'my dad hits me at contact') > 0 AND "
	    "author_id = (SELECT id FROM users WHERE display_name = 'Jaden')",
	    (long long)c), 1);
	assert_int_equal(send_late(&young2, c, "my dad hits me at contact",
	    &r), 200);
	resp_free(&r);
	assert_int_equal(concerns_with(c, "my dad hits me at contact", 0), 2);
}

/*
 * Past the hourly limit, anonymous worrying words join only a concern
 * nobody has taken from that address (never one a worker holds, who may
 * close it unread), and workers are told each time, as of a flood.
 */
static void
anon_worry_joins_untaken(void **state)
{
	struct client	 from;
	char		 words[64];
	int64_t		 c, staff;
	int		 i;

	(void)state;
	assert_int_equal(db_run("UPDATE settings SET value = "
	    "'dsl@example.org' WHERE key = 'safeguarding_emails'"), 0);
	staff = count("SELECT count(*) FROM users WHERE role IN "
	    "('participation_worker', 'admin') AND disabled_at IS NULL AND "
	    "closed_at IS NULL");
	memset(&from, 0, sizeof(from));
	(void)snprintf(from.local_ip, sizeof(from.local_ip), "127.0.0.52");
	c = write_full("Flooded", "audience=all");
	for (i = 1; i <= 3; i++) {
		(void)snprintf(words, sizeof(words), "i want to die, flood %d",
		    i);
		stale_worry(&from, c, words);
		assert_int_equal(concerns_with(c, words, 1), 1);
	}
	/* All three taken: the fourth opens a concern of its own. */
	assert_int_equal(db_run("UPDATE concerns SET held_by = (SELECT "
	    "min(id) FROM users WHERE role = 'participation_worker'), "
	    "held_at = 1 WHERE kind = 'consult_answer' AND item_id = (SELECT "
	    "id FROM consultations WHERE title = 'Flooded')"), 0);
	stale_worry(&from, c, "i want to die, flood 4");
	assert_int_equal(concerns_with(c, "i want to die, flood 4", 1), 1);
	for (i = 1; i <= 3; i++) {
		(void)snprintf(words, sizeof(words), "i want to die, flood %d",
		    i);
		assert_int_equal(concerns_with(c, words, 1), 1);
	}
	/* The fifth joins it, nobody having taken it, and workers are
	 * told: each one's note comes back unread, and an email goes. */
	assert_int_equal(db_run("UPDATE notifications SET read_at = at WHERE "
	    "link = '/safeguarding?order=newest'"), 0);
	assert_int_equal(db_run("DELETE FROM outbox WHERE subject = "
	    "'More concerns are waiting'"), 0);
	stale_worry(&from, c, "i want to die, flood 5");
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE "
	    "item_id = %lld AND instr(text, 'flood 4') > 0 AND instr(text, "
	    "'flood 5') > 0 AND held_by IS NULL", (long long)c), 1);
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE "
	    "item_id = %lld", (long long)c), 4);
	assert_int_equal(count("SELECT count(*) FROM notifications WHERE "
	    "link = '/safeguarding?order=newest' AND read_at IS NULL"), staff);
	assert_int_equal(count("SELECT count(*) FROM outbox WHERE subject = "
	    "'More concerns are waiting'"), 1);
}

/* n finished responses in band/area, answering option a and scale s. */
static void
fake(int64_t c, int n, const char *band, int outside, int a)
{
	char	 sql[1024];
	int	 i;

	for (i = 0; i < n; i++) {
		(void)snprintf(sql, sizeof(sql), "INSERT INTO consult_responses "
		    "(consultation_id, marker, anonymous, age_band, "
		    "lives_outside, started_at, finished_at) VALUES (%lld, "
		    "randomblob(32), 1, '%s', %d, 0, 0)", (long long)c, band,
		    outside);
		assert_int_equal(db_run(sql), 0);
		(void)snprintf(sql, sizeof(sql), "INSERT INTO consult_answers "
		    "(response_id, question_id, option_id) VALUES "
		    "((SELECT max(id) FROM consult_responses), %lld, %lld)",
		    (long long)qid(c, 0), (long long)opt(qid(c, 0), a));
		assert_int_equal(db_run(sql), 0);
	}
}

/* The count column of a CSV line: a number or words. */
static const char *
csv_count(const char *line, char *out, size_t outlen)
{
	const char	*p;
	size_t		 i, o;
	int		 commas, quoted;

	for (p = line, commas = 0, quoted = 0; *p && commas < 3; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ',' && !quoted)
			commas++;
	}
	for (o = 0, i = 0; p[i] != ',' && p[i] != '\0' && o + 1 < outlen;
	    i++)
		out[o++] = p[i];
	out[o] = '\0';
	return (out);
}

/*
 * A column empty by design protects nothing: a consultation for care
 * leavers lists their two bands, not "fewer than 5" for bands nobody in
 * it can be from.
 */
static void
columns_of_the_audience_only(void **state)
{
	struct resp	 r;
	char		 path[96];
	int64_t		 c;

	(void)state;
	c = write_full("Leavers only", "audience=leavers");
	fake(c, 6, "18_21", 0, 0);
	fake(c, 2, "22_25", 0, 1);
	(void)snprintf(path, sizeof(path), "/consultations/manage/%lld/"
	    "results.csv", (long long)c);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Everyone who answered,18 to 21,"));
	assert_true(resp_has(&r, "Everyone who answered,22 to 25,"));
	assert_false(resp_has(&r, "Under 12"));
	assert_false(resp_has(&r, "16 to 17"));
	assert_false(resp_has(&r, "not said"));
	/* 8 people: 6 and 2 would give each other away. */
	assert_false(resp_has(&r, "18 to 21,6"));
	resp_free(&r);
	/* Once anyone has answered, who it is for stays as it was: an
	 * answer from outside it would stand alone in its own column. */
	assert_int_equal(manage(c, "do=details&title=Leavers+only&why=Why&"
	    "audience=all&opens=2020-01-01&closes=2099-12-31"), 422);
	assert_int_equal(count("SELECT leavers FROM consultations WHERE id = "
	    "%lld", (long long)c), 1);
	assert_int_equal(manage(c, "do=details&title=Leavers+only+now&why="
	    "Why&audience=leavers&opens=2020-01-01&closes=2099-12-31"), 303);
}

static void
suppression(void **state)
{
	struct resp	 r;
	char		 path[96], line[512], n[64], h[17], h2[17];
	const char	*p, *e;
	int64_t		 c;
	int		 rows, hidden_bands, hidden_areas, shown;

	(void)state;
	c = write_full("Suppressed", "audience=all");
	/* 30 say Yes (inside, mostly 16-17), 7 No, of whom 2 are 12-15. */
	fake(c, 20, "16_17", 0, 0);
	fake(c, 10, "18_21", 0, 0);
	fake(c, 5, "16_17", 0, 1);
	fake(c, 2, "12_15", 1, 1);
	(void)snprintf(path, sizeof(path), "/consultations/manage/%lld/"
	    "results", (long long)c);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "fewer than 5"));
	assert_true(resp_has(&r, "not shown"));
	assert_true(resp_has(&r, "<svg"));
	/* Yes: 30 of 37, shown with its percentage. */
	assert_true(resp_has(&r, "30 (81%)"));
	/* No among 12-15 is 2: never shown, nor what gives it away. */
	assert_false(resp_has(&r, "<td>2</td>"));
	assert_false(resp_has(&r, "<td>2 ("));
	assert_false(resp_has(&r, "<td>7 ("));
	resp_free(&r);
	assert_int_equal(get(&young, "/consultations/manage/", c, "/results"),
	    404);
	/* The CSV: every count is 0 or at least 5, or words; in each
	 * answer's band split, a hidden cell never stands alone. */
	(void)snprintf(path, sizeof(path), "/consultations/manage/%lld/"
	    "results.csv", (long long)c);
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_header(&r, "content-type", n, sizeof(n)) != NULL &&
	    strncmp(n, "text/csv", 8) == 0);
	assert_true(resp_has(&r, "Do you like your home?,Yes,Everyone,30,81"));
	/* Each answer: Everyone, then the age bands anyone is in, then
	 * the areas. A count shown is never under 5; a hidden one never
	 * stands alone in a split whose total is shown. */
	rows = hidden_bands = hidden_areas = shown = 0;
	for (p = strstr(buf_cstr(&r.body), "\r\n") + 2; ; p = e + 2) {
		e = strstr(p, "\r\n");
		if (e != NULL)
			(void)snprintf(line, sizeof(line), "%.*s",
			    (int)(e - p), p);
		if (e == NULL || strstr(line, ",Everyone,") != NULL) {
			if (shown)
				assert_true(hidden_bands != 1 &&
				    hidden_areas != 1);
			hidden_bands = hidden_areas = shown = 0;
			if (e == NULL)
				break;
		}
		rows++;
		csv_count(line, n, sizeof(n));
		if (n[0] >= '0' && n[0] <= '9') {
			assert_true(atoi(n) >= 5);
			shown += strstr(line, ",Everyone,") != NULL;
		} else {
			assert_true(strcmp(n, "fewer than 5") == 0 ||
			    strcmp(n, "not shown") == 0);
			if (strstr(line, " area,") != NULL ||
			    strstr(line, ",Area not said,") != NULL)
				hidden_areas++;
			else if (strstr(line, ",Everyone,") == NULL)
				hidden_bands++;
		}
	}
	assert_true(rows >= 20);
	/* Nobody under 12 answered, and the column is there all the same,
	 * "fewer than 5" like any small count: one left out would say the
	 * hidden ones beside it are at least one each. */
	assert_true(strstr(buf_cstr(&r.body), "Under 12,fewer than 5") !=
	    NULL);
	/* Every band and area, for every answer: Everyone, five bands,
	 * two areas. Not "Age not said" or "Area not said": everyone who
	 * answers has both, so a hidden "not said" would be known empty
	 * and protect nothing beside a small count. */
	for (rows = 0, p = buf_cstr(&r.body); (p = strstr(p,
	    "Do you like your home?,Everyone who answered,")) != NULL; p++)
		rows++;
	assert_int_equal(rows, 8);
	assert_null(strstr(buf_cstr(&r.body), "not said"));
	assert_false(strstr(buf_cstr(&r.body), ",No,Everyone,7,") != NULL);
	resp_free(&r);
	/* Text answers to read, tag and take to councillors. */
	assert_int_equal(db_run("INSERT INTO consult_answers (response_id, "
	    "question_id, text) VALUES ((SELECT max(id) FROM "
	    "consult_responses), (SELECT id FROM consult_questions WHERE "
	    "consultation_id = (SELECT max(id) FROM consultations WHERE "
	    "title = 'Suppressed') AND kind = 'long'), 'More youth clubs "
	    "please')"), 0);
	resp_init(&r);
	(void)snprintf(path, sizeof(path), "/consultations/manage/%lld/"
	    "results", (long long)c);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_true(resp_has(&r, "More youth clubs please"));
	resp_free(&r);
	handle_of(path, "More youth clubs please", h);
	(void)snprintf(line, sizeof(line), "do=tag&answer=%s&theme=Clubs", h);
	assert_int_equal(client_post(&worker, path, path, line, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM consult_answers WHERE "
	    "theme = 'Clubs'"), 1);
	/* Tagged, it keeps its handle. */
	handle_of(path, "More youth clubs please", h2);
	assert_string_equal(h, h2);
	(void)snprintf(line, sizeof(line), "do=issue&answer=%s&category=%lld"
	    "&issue_title=Youth+clubs&issue_summary=Young+people+want+more+"
	    "clubs.", h, (long long)count("SELECT min(id) FROM categories"));
	assert_int_equal(client_post(&worker, path, path, line, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM issues WHERE title = "
	    "'Youth clubs' AND state = 'open'"), 1);
}

/*
 * Text answers are listed within a theme by their words, case folded,
 * never in the order they were sent: the audit log times the named ones,
 * which would place an anonymous one between them.
 */
static void
text_answers_in_no_time_order(void **state)
{
	static const char *const sent[] = { "Zebra crossings near school",
	    "apple trees in the park", "Mango smoothies at clubs" };
	struct resp	 r;
	char		 sql[512], path[64];
	const char	*body, *z, *a, *m;
	int64_t		 c;
	size_t		 i;

	(void)state;
	c = count("SELECT max(id) FROM consultations WHERE title = "
	    "'Suppressed'");
	for (i = 0; i < sizeof(sent) / sizeof(sent[0]); i++) {
		(void)snprintf(sql, sizeof(sql), "INSERT INTO consult_answers "
		    "(response_id, question_id, text) VALUES ((SELECT max(id) "
		    "FROM consult_responses WHERE consultation_id = %lld AND "
		    "finished_at IS NOT NULL), (SELECT id FROM "
		    "consult_questions WHERE consultation_id = %lld AND kind = "
		    "'long'), '%s')", (long long)c, (long long)c, sent[i]);
		assert_int_equal(db_run(sql), 0);
	}
	resp_init(&r);
	(void)snprintf(path, sizeof(path), "/consultations/manage/%lld/"
	    "results", (long long)c);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	body = buf_cstr(&r.body);
	assert_non_null(z = strstr(body, sent[0]));
	assert_non_null(a = strstr(body, sent[1]));
	assert_non_null(m = strstr(body, sent[2]));
	assert_true(a < m && m < z);
	/* Nor by their ids, which rise in that order. */
	(void)snprintf(sql, sizeof(sql), "name=\"answer\" value=\"%lld\"",
	    (long long)count("SELECT max(id) FROM consult_answers"));
	assert_false(resp_has(&r, sql));
	resp_free(&r);
}

static void
publishing(void **state)
{
	struct resp	 r;
	char		 v[32], path[64], csrf[128], body[256];
	int64_t		 c;

	(void)state;
	c = write_full("Our leisure offer", "audience=all");
	/* Not closed yet: no outcome. */
	assert_int_equal(manage(c, "do=publish&we_asked=a&you_said=b&"
	    "we_did=c"), 422);
	assert_int_equal(start(&young, c, "named"), 303);
	(void)snprintf(path, sizeof(path), "/consultations/%lld/answer",
	    (long long)c);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_true(resp_between(&r, "name=\"csrf\" value=\"", "\"", csrf,
	    sizeof(csrf)) != NULL);
	resp_free(&r);
	assert_int_equal(manage(c, "do=close"), 303);
	assert_int_equal(get(&young, "/consultations/", c, ""), 404);
	/* Closed while typing: the words come back to copy. */
	(void)snprintf(body, sizeof(body), "csrf=%s&page=1&act=send&q%lld=%s",
	    csrf, (long long)qid(c, 4), url_enc("the late bus every day"));
	resp_init(&r);
	assert_int_equal(http_post_form(&young, path, body, &r), 0);
	assert_int_equal(r.status, 409);
	assert_true(resp_has(&r, "the late bus every day"));
	resp_free(&r);
	assert_int_equal(manage(c, "do=publish&we_asked=&you_said=b&"
	    "we_did=c"), 422);
	assert_int_equal(manage(c, "do=publish&we_asked=Which+clubs&"
	    "you_said=More+sport&we_did=Two+new+clubs+opened"), 303);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action "
	    "= 'consult.publish' AND object_id = %lld", (long long)c), 1);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/we-asked", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Two new clubs opened"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/we-asked", &r), 0);
	assert_true(resp_header(&r, "x-cache", v, sizeof(v)) != NULL);
	assert_string_equal(v, "hit");
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did", &r), 0);
	assert_true(resp_has(&r, "href=\"/we-asked\""));
	resp_free(&r);
}

/* The "N to answer" count in young2's menu on the start page; 0 if none. */
static long
menu_count(void)
{
	struct resp	 r;
	const char	*at;
	long		 n = 0;

	resp_init(&r);
	assert_int_equal(http_get(&young2, "/", &r), 0);
	assert_int_equal(r.status, 200);
	if ((at = strstr(buf_cstr(&r.body), "class=\"nav-count\">")) != NULL)
		n = strtol(at + strlen("class=\"nav-count\">"), NULL, 10);
	resp_free(&r);
	return (n);
}

/* Sleep until the database clock passes t. */
static void
wait_past(int64_t t)
{
	while (count("SELECT CAST(strftime('%%s', 'now') AS INTEGER)") <= t)
		(void)usleep(100 * 1000);
}

/*
 * The menu count is kept until the data changes, or until a consultation
 * opens or closes: one that opens and closes on its own, with nothing
 * written, is counted from the second it opens and not after it closes.
 */
static void
badge_follows_the_clock(void **state)
{
	int64_t		 id, now;
	long		 before;
	char		 sql[256];

	(void)state;
	id = write_full("Opens by itself", "audience=all");
	now = count("SELECT CAST(strftime('%%s', 'now') AS INTEGER)");
	(void)snprintf(sql, sizeof(sql), "UPDATE consultations SET opens_at "
	    "= %lld, closes_at = %lld WHERE id = %lld", (long long)now + 2,
	    (long long)now + 4, (long long)id);
	assert_int_equal(db_run(sql), 0);
	/* Asked twice, so both workers keep the count from before. */
	before = menu_count();
	assert_int_equal(menu_count(), before);
	wait_past(now + 2);
	assert_int_equal(menu_count(), before + 1);
	assert_int_equal(menu_count(), before + 1);
	wait_past(now + 4);
	assert_int_equal(menu_count(), before);
	assert_int_equal(menu_count(), before);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writing),
		cmocka_unit_test(targeting),
		cmocka_unit_test(named_and_anonymous),
		cmocka_unit_test(save_and_return),
		cmocka_unit_test(safeguarding),
		cmocka_unit_test(worry_long_after_closing),
		cmocka_unit_test(signed_in_worry_stands_alone),
		cmocka_unit_test(named_late_worry_holds_them_once),
		cmocka_unit_test(anon_worry_joins_untaken),
		cmocka_unit_test(suppression),
		cmocka_unit_test(text_answers_in_no_time_order),
		cmocka_unit_test(columns_of_the_audience_only),
		cmocka_unit_test(publishing),
		cmocka_unit_test(badge_follows_the_clock),
	};

	return (cmocka_run_group_tests(tests, setup, group_teardown_server));
}
