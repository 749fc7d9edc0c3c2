/*
 * test_cache.c: rendered pages kept until the data changes, over real
 * HTTP with the server's two workers. A kept page changes at the very
 * next request after a write made by the other worker (or by anyone
 * else); ETags give 304 while nothing changed; one person's name and form
 * token never reach another viewer's page. The server runs with
 * PORTAL_CACHE_TRACE, so each answer says which worker gave it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "testutil.h"

#define TRIES		400
#define MAX_WORKERS	8

static struct client	 young2;

static int
setup(void **state)
{
	(void)setenv("PORTAL_CACHE_TRACE", "1", 1);
	/* Kore's accept lock stays with one worker until it is busy: with
	 * one connection per worker, these one-at-a-time requests go to
	 * both, as a busy day's would. */
	(void)setenv("PORTAL_TEST_MAX_CONNECTIONS", "1", 1);
	if (demo_group_setup(state) != 0)
		return (-1);
	/* A second young person, to compare with the first. */
	if (db_run("INSERT INTO users (display_name, name_key, role, "
	    "password_hash, age_band, lives_outside, created_at) SELECT "
	    "'Zephyrine', 'zephyrine', role, password_hash, age_band, "
	    "lives_outside, created_at FROM users WHERE display_name = "
	    "'Jaden'") != 0)
		return (-1);
	memset(&young2, 0, sizeof(young2));
	if (client_login(&young2, "Zephyrine", "kite-river-42") != 303)
		return (-1);
	/* Each shows its "signed in" message once, on its first page. */
	return (client_status(&young, "/") == 200 &&
	    client_status(&young2, "/") == 200 &&
	    client_status(&worker, "/") == 200 &&
	    client_status(&admin, "/") == 200 ? 0 : -1);
}

/* Which worker answered, and whether from the cache. */
static int
answer(const struct resp *r, int *hit)
{
	char	 v[64];

	*hit = resp_header(r, "x-cache", v, sizeof(v)) != NULL &&
	    strcmp(v, "hit") == 0;
	if (resp_header(r, "x-portal-worker", v, sizeof(v)) == NULL)
		fail_msg("no x-portal-worker header: %.*s", (int)r->headers.len,
		    r->headers.data);
	return (atoi(v));
}

struct seen {
	int	 ids[MAX_WORKERS];
	int	 hit[MAX_WORKERS];
	int	 n;
};

/* Note worker id; 1 the first time it is seen. */
static int
saw(struct seen *s, int id, int hit)
{
	int	 i;

	for (i = 0; i < s->n; i++)
		if (s->ids[i] == id) {
			s->hit[i] |= hit;
			return (0);
		}
	assert_true(s->n < MAX_WORKERS);
	s->ids[s->n] = id;
	s->hit[s->n++] = hit;
	return (1);
}

static int
all_hit(const struct seen *s)
{
	int	 i;

	for (i = 0; i < s->n; i++)
		if (!s->hit[i])
			return (0);
	return (s->n >= 2);
}

/* Ask for path until both workers have answered from their cache. */
static void
warm_both(struct client *c, const char *path, const char *want)
{
	struct seen	 s;
	struct resp	 r;
	int		 i, hit, id;

	memset(&s, 0, sizeof(s));
	for (i = 0; i < TRIES && !all_hit(&s); i++) {
		resp_init(&r);
		assert_int_equal(http_get(c, path, &r), 0);
		assert_int_equal(r.status, 200);
		assert_true(resp_has(&r, want));
		id = answer(&r, &hit);
		if (getenv("CACHE_DEBUG"))
			fprintf(stderr, "%s w%d %d\n", path, id, hit);
		(void)saw(&s, id, hit);
		resp_free(&r);
	}
	if (!all_hit(&s))
		fail_msg("%s: not kept by both workers", path);
}

/*
 * After a write, every answer shows it, from every worker: the first
 * answer of each is rendered again (a miss), later ones are kept.
 */
static void
fresh_everywhere(struct client *c, const char *path, const char *want,
    const char *gone)
{
	struct seen	 s;
	struct resp	 r;
	int		 i, hit, id;

	memset(&s, 0, sizeof(s));
	for (i = 0; i < TRIES && (s.n < 2 || i < 20); i++) {
		resp_init(&r);
		assert_int_equal(http_get(c, path, &r), 0);
		assert_int_equal(r.status, 200);
		if (!resp_has(&r, want) || (gone && resp_has(&r, gone)))
			fail_msg("%s: a stale page after the write", path);
		id = answer(&r, &hit);
		if (saw(&s, id, hit))
			assert_false(hit);
		resp_free(&r);
	}
	assert_true(s.n >= 2);
}

static int64_t
promise(void)
{
	return (count("SELECT p.id FROM promises p JOIN pledge_versions v ON "
	    "v.id = p.version_id WHERE v.state = 'current' AND p.title = "
	    "'We will offer you work experience and apprenticeships'"));
}

/* A worker's write (through one worker) shows in the other's pages. */
static void
changes_after_a_write_by_the_other_worker(void **state)
{
	struct resp	 r;
	char		 path[64];

	(void)state;
	(void)snprintf(path, sizeof(path), "/pledge/%lld",
	    (long long)promise());
	warm_both(&anon, path, "work experience");
	warm_both(&young, path, "work experience");
	warm_both(&anon, "/pledge", "work experience");
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "status=in_the_works&"
	    "progress=30&evidence=Three+placements+agreed+with+HR.", &r), 303);
	resp_free(&r);
	/* Acknowledged: now every worker's next answer has it. */
	fresh_everywhere(&anon, path, "Three placements agreed with HR.",
	    NULL);
	fresh_everywhere(&young, path, "Three placements agreed with HR.",
	    NULL);

	/* A write by another program on the same database counts too. */
	warm_both(&anon, "/pledge", "work experience");
	assert_int_equal(db_run("UPDATE promises SET title = 'We will offer "
	    "you paid work experience' WHERE id = (SELECT p.id FROM promises "
	    "p JOIN pledge_versions v ON v.id = p.version_id WHERE v.state = "
	    "'current' AND p.title LIKE 'We will offer you work%')"), 0);
	fresh_everywhere(&anon, "/pledge", "you paid work experience", NULL);

	/* A delete as well: the update goes from the promise's page. */
	warm_both(&anon, path, "Three placements agreed");
	assert_int_equal(db_run("DELETE FROM promise_updates WHERE evidence = "
	    "'Three placements agreed with HR.'"), 0);
	fresh_everywhere(&anon, path, "paid work experience",
	    "Three placements agreed");

	/* A POST is never answered from the cache. */
	resp_init(&r);
	assert_int_equal(client_post(&cllr, path, path, "status=kept&"
	    "progress=90&evidence=Nearly", &r), 422);
	assert_null(resp_header(&r, "x-cache", path, sizeof(path)));
	resp_free(&r);
}

static void
etag_and_304(void **state)
{
	const char	*paths[] = { "/pledge", "/you-said-we-did", "/councillors",
	    "/pledge/scorecard", "/pledge/scorecard.csv", "/open-data.json",
	    "/", NULL };
	const char	*hdrs[2];
	struct resp	 r;
	char		 etag[128], inm[160], v[128], old[128];
	size_t		 i;
	int		 k;

	(void)state;
	for (i = 0; paths[i] != NULL; i++) {
		resp_init(&r);
		assert_int_equal(http_get(&anon, paths[i], &r), 0);
		assert_int_equal(r.status, 200);
		if (resp_header(&r, "etag", etag, sizeof(etag)) == NULL)
			fail_msg("%s: no etag", paths[i]);
		/* A page stays no-store; data files may be asked again. */
		assert_non_null(resp_header(&r, "cache-control", v,
		    sizeof(v)));
		assert_string_equal(v, strstr(paths[i], ".") ?
		    "private, no-cache" : "no-store");
		resp_free(&r);
		(void)snprintf(inm, sizeof(inm), "If-None-Match: %s", etag);
		hdrs[0] = inm;
		hdrs[1] = NULL;
		/* The same answer from every worker: the ETag is the page's
		 * own hash, not one worker's count. */
		for (k = 0; k < 16; k++) {
			resp_init(&r);
			assert_int_equal(http_request(&anon, "GET", paths[i],
			    NULL, 0, hdrs, &r), 0);
			assert_int_equal(r.status, 304);
			assert_int_equal(r.body.len, 0);
			assert_string_equal(resp_header(&r, "etag", v,
			    sizeof(v)), etag);
			resp_free(&r);
		}
	}
	/* After a change, the old ETag gets the new page. */
	(void)snprintf(old, sizeof(old), "%s", etag);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/pledge", &r), 0);
	assert_non_null(resp_header(&r, "etag", etag, sizeof(etag)));
	resp_free(&r);
	(void)snprintf(inm, sizeof(inm), "If-None-Match: %s", etag);
	assert_int_equal(db_run("UPDATE settings SET value = 'Northshire' "
	    "WHERE key = 'council_name'"), 0);
	for (k = 0; k < 8; k++) {
		resp_init(&r);
		assert_int_equal(http_request(&anon, "GET", "/pledge", NULL, 0,
		    hdrs, &r), 0);
		assert_int_equal(r.status, 200);
		assert_true(resp_has(&r, "Northshire"));
		assert_string_not_equal(resp_header(&r, "etag", v, sizeof(v)),
		    etag);
		resp_free(&r);
	}
	assert_string_not_equal(old, etag);
}

/* gz inflated into out (a gzip stream, whole); -1 if it is not one. */
static int
gunzip(const struct buf *gz, struct buf *out)
{
	z_stream	 z;
	char		 chunk[16384];
	int		 rc;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return (-1);
	z.next_in = (Bytef *)gz->data;
	z.avail_in = (uInt)gz->len;
	do {
		z.next_out = (Bytef *)chunk;
		z.avail_out = sizeof(chunk);
		rc = inflate(&z, Z_NO_FLUSH);
		buf_append(out, chunk, sizeof(chunk) - z.avail_out);
	} while (rc == Z_OK);
	(void)inflateEnd(&z);
	return (rc == Z_STREAM_END && z.avail_in == 0 ? 0 : -1);
}

/*
 * A kept whole answer goes gzipped to a client that takes gzip, with
 * its own ETag; the same bytes once inflated. Not to one that refuses
 * it, and never a signed-in page (their layout is made per request).
 */
static void
gzip_when_asked(void **state)
{
	const char	*paths[] = { "/open-data.json", "/pledge/scorecard.csv",
	    "/", NULL };
	const char	*gz[] = { "Accept-Encoding: gzip, deflate", NULL };
	const char	*no[] = { "Accept-Encoding: gzip;q=0, identity",
	    "Accept-Encoding: gzip; q=0", "Accept-Encoding: deflate, gzip ; "
	    "q = 0.000", "Accept-Encoding: x-gzip", NULL };
	const char	*hdrs[3];
	struct resp	 plain, r;
	struct buf	 body;
	char		 etag[128], zetag[128], inm[160], v[128];
	size_t		 i;
	int		 k;

	(void)state;
	for (i = 0; paths[i] != NULL; i++) {
		/* Twice: the first may be the miss that keeps it. */
		for (k = 0; k < 2; k++) {
			resp_init(&plain);
			assert_int_equal(http_get(&anon, paths[i], &plain), 0);
			if (k == 0)
				resp_free(&plain);
		}
		assert_int_equal(plain.status, 200);
		assert_null(resp_header(&plain, "content-encoding", v,
		    sizeof(v)));
		assert_non_null(resp_header(&plain, "etag", etag,
		    sizeof(etag)));
		resp_init(&r);
		assert_int_equal(http_request(&anon, "GET", paths[i], NULL, 0,
		    gz, &r), 0);
		assert_int_equal(r.status, 200);
		if (resp_header(&r, "content-encoding", v, sizeof(v)) == NULL)
			fail_msg("%s: not gzipped", paths[i]);
		assert_string_equal(v, "gzip");
		assert_true(r.body.len < plain.body.len);
		buf_init(&body, plain.body.len + 1);
		assert_int_equal(gunzip(&r.body, &body), 0);
		assert_int_equal(body.len, plain.body.len);
		assert_memory_equal(body.data, plain.body.data, body.len);
		buf_free(&body);
		assert_non_null(resp_header(&r, "etag", zetag, sizeof(zetag)));
		assert_string_not_equal(zetag, etag);
		assert_non_null(resp_header(&r, "vary", v, sizeof(v)));
		assert_non_null(strstr(v, "accept-encoding"));
		resp_free(&r);
		/* Each ETag gets its own 304, and not the other's. */
		(void)snprintf(inm, sizeof(inm), "If-None-Match: %s", zetag);
		hdrs[0] = gz[0];
		hdrs[1] = inm;
		hdrs[2] = NULL;
		resp_init(&r);
		assert_int_equal(http_request(&anon, "GET", paths[i], NULL, 0,
		    hdrs, &r), 0);
		assert_int_equal(r.status, 304);
		resp_free(&r);
		hdrs[0] = inm;
		hdrs[1] = NULL;
		resp_init(&r);
		assert_int_equal(http_request(&anon, "GET", paths[i], NULL, 0,
		    hdrs, &r), 0);
		assert_int_equal(r.status, 200);
		assert_int_equal(r.body.len, plain.body.len);
		resp_free(&r);
		/* Refused with q=0, however spaced, or not listed (x-gzip
		 * is another coding): the bytes as they are. */
		for (k = 0; no[k] != NULL; k++) {
			hdrs[0] = no[k];
			hdrs[1] = NULL;
			resp_init(&r);
			assert_int_equal(http_request(&anon, "GET", paths[i],
			    NULL, 0, hdrs, &r), 0);
			assert_int_equal(r.status, 200);
			if (resp_header(&r, "content-encoding", v, sizeof(v)))
				fail_msg("%s: gzipped for %s", paths[i], no[k]);
			assert_int_equal(r.body.len, plain.body.len);
			resp_free(&r);
		}
		resp_free(&plain);
	}
	/* A signed-in page: its body kept, its layout theirs; not gzipped. */
	for (k = 0; k < 2; k++) {
		resp_init(&r);
		assert_int_equal(http_request(&young, "GET", "/pledge", NULL, 0,
		    gz, &r), 0);
		assert_int_equal(r.status, 200);
		assert_null(resp_header(&r, "content-encoding", v, sizeof(v)));
		assert_true(resp_has(&r, "Signed in as"));
		resp_free(&r);
	}
}

/* The page's own form token, read from its sign-out form. */
static void
token_of(struct client *c, char *out, size_t len)
{
	assert_int_equal(client_csrf(c, "/account", out, len), 0);
	assert_true(strlen(out) > 20);
}

static void
no_one_elses_name_or_token(void **state)
{
	const char	*paths[] = { "/pledge", "/you-said-we-did", "/councillors",
	    "/pledge/scorecard", "/", NULL };
	const char	*me1 = "Signed in as <strong>Jaden</strong>";
	const char	*me2 = "Signed in as <strong>Zephyrine</strong>";
	struct resp	 r;
	char		 t1[128], t2[128], v[64];
	size_t		 i;
	int		 k, hits;

	(void)state;
	token_of(&young, t1, sizeof(t1));
	token_of(&young2, t2, sizeof(t2));
	assert_string_not_equal(t1, t2);
	hits = 0;
	for (i = 0; paths[i] != NULL; i++) {
		for (k = 0; k < 12; k++) {
			resp_init(&r);
			assert_int_equal(http_get(k % 2 ? &young2 : &young,
			    paths[i], &r), 0);
			assert_int_equal(r.status, 200);
			/* Each sees their own name and token, only. */
			assert_true(resp_has(&r, k % 2 ? me2 : me1));
			assert_true(resp_has(&r, k % 2 ? t2 : t1));
			assert_false(resp_has(&r, k % 2 ? me1 : me2));
			assert_false(resp_has(&r, k % 2 ? t1 : t2));
			/* Signed in: never kept by the browser. */
			assert_string_equal(resp_header(&r, "cache-control",
			    v, sizeof(v)), "no-store");
			if (resp_header(&r, "x-cache", v, sizeof(v)) &&
			    strcmp(v, "hit") == 0)
				hits++;
			resp_free(&r);
			/* A visitor never gets a signed-in page. */
			resp_init(&r);
			assert_int_equal(http_get(&anon, paths[i], &r), 0);
			assert_false(resp_has(&r, "Signed in as"));
			assert_false(resp_has(&r, "Zephyrine"));
			assert_false(resp_has(&r, t1));
			assert_false(resp_has(&r, t2));
			resp_free(&r);
		}
	}
	/* The bodies were shared: most answers came from the cache. */
	assert_true(hits > 20);

	/* Staff: the board report is kept per role, shown in each
	 * person's own layout; young people never reach it. */
	for (k = 0; k < 8; k++) {
		resp_init(&r);
		assert_int_equal(http_get(k % 2 ? &admin : &worker,
		    "/reports/board", &r), 0);
		assert_int_equal(r.status, 200);
		assert_true(resp_has(&r, k % 2 ? "Alex Morgan" : "Priya Shah"));
		assert_false(resp_has(&r, k % 2 ? "Priya Shah" : "Alex Morgan"));
		resp_free(&r);
	}
	assert_int_equal(client_status(&young, "/reports/board"), 404);
	assert_int_equal(client_status(&anon, "/reports/board"), 303);
}

/* Raise a view as the young person: 303, or help (200) if worrying. */
static int64_t
raise_view(const char *title, const char *body, long want)
{
	struct resp	 r;
	char		 form[1024];

	(void)snprintf(form, sizeof(form), "category=%lld&title=%s&body=%s&"
	    "publish=no", (long long)count("SELECT id FROM categories WHERE "
	    "key = 'placements'"), url_enc(title), url_enc(body));
	resp_init(&r);
	assert_int_equal(client_post(&young, "/views/new", "/views/new", form,
	    &r), want);
	resp_free(&r);
	return (count("SELECT max(id) FROM views WHERE title = '%s'", title));
}

/* Where needle first is in path's page for c (-1: not there). */
static long
position(struct client *c, const char *path, const char *needle)
{
	struct resp	 r;
	const char	*at;
	long		 pos;

	resp_init(&r);
	assert_int_equal(http_get(c, path, &r), 0);
	assert_int_equal(r.status, 200);
	at = r.body.data ? strstr(r.body.data, needle) : NULL;
	pos = at ? (long)(at - r.body.data) : -1;
	resp_free(&r);
	return (pos);
}

/* Every worker's answers to path have want, for a while after a write. */
static void
all_answers_have(struct client *c, const char *path, const char *want)
{
	struct seen	 s;
	struct resp	 r;
	int		 i, hit;

	memset(&s, 0, sizeof(s));
	for (i = 0; i < TRIES && (s.n < 2 || i < 20); i++) {
		resp_init(&r);
		assert_int_equal(http_get(c, path, &r), 0);
		assert_int_equal(r.status, 200);
		if (!resp_has(&r, want))
			fail_msg("%s: no '%s' (answer %d)", path, want, i);
		(void)saw(&s, answer(&r, &hit), hit);
		resp_free(&r);
	}
	assert_true(s.n >= 2);
}

/*
 * The counts beside the menu items are kept by each worker as well, and
 * move at the next page after any write.
 */
static void
menu_counts_move_with_the_next_write(void **state)
{
	char	 want[96];
	int64_t	 queue;

	(void)state;
	queue = count("SELECT count(*) FROM views WHERE state = 'received'");
	(void)snprintf(want, sizeof(want), "Moderation <span "
	    "class=\"nav-count\">%lld<", (long long)queue);
	all_answers_have(&worker, "/moderation", want);
	assert_int_equal(db_run("UPDATE views SET state = 'received' WHERE "
	    "id = (SELECT min(id) FROM views WHERE state != 'received')"), 0);
	(void)snprintf(want, sizeof(want), "Moderation <span "
	    "class=\"nav-count\">%lld<", (long long)queue + 1);
	all_answers_have(&worker, "/moderation", want);
}

/*
 * The moderation queue is the same for every worker, so it is kept for
 * the worker class: a new view, a worrying one and a decision each show
 * at the next request, whichever worker answers. Flagged views stay on
 * top. Nobody else gets the kept queue.
 */
static void
moderation_queue_kept_for_workers(void **state)
{
	struct resp	 r;
	char		 path[64];
	int64_t		 plain, worrying;

	(void)state;
	warm_both(&worker, "/moderation", "<h1>Moderation</h1>");
	plain = raise_view("Bus passes for college", "We need bus passes to "
	    "get to college on time.", 303);
	fresh_everywhere(&worker, "/moderation", "Bus passes for college",
	    NULL);

	warm_both(&worker, "/moderation", "Bus passes for college");
	worrying = raise_view("At my placement", "he hit me with a belt", 200);
	assert_true(worrying > plain);
	fresh_everywhere(&worker, "/moderation", "At my placement", NULL);
	/* Newer, but flagged: it comes before the plain one. */
	assert_true(position(&worker, "/moderation", "At my placement") <
	    position(&worker, "/moderation", "Bus passes for college"));
	assert_true(position(&worker, "/moderation", "Safeguarding flag") >=
	    0);
	/* No flagged comments or suggestions: no line saying "0". */
	if (count("SELECT count(*) FROM concerns WHERE closed_at IS NULL "
	    "AND kind != 'view'") == 0)
		assert_int_equal(position(&worker, "/moderation",
		    ">0 flagged"), -1);

	/* A decision takes the view off the queue at once. */
	warm_both(&worker, "/moderation", "Bus passes for college");
	(void)snprintf(path, sizeof(path), "/moderation/%lld",
	    (long long)plain);
	resp_init(&r);
	assert_int_equal(client_post(&worker, path, path, "action=reject&"
	    "reason=We+asked+about+this+last+month.", &r), 303);
	resp_free(&r);
	fresh_everywhere(&worker, "/moderation", "At my placement",
	    "Bus passes for college");

	/* The worker's own name is in their layout, never in the kept
	 * body; other roles never reach the queue. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_true(resp_has(&r, "Priya Shah"));
	resp_free(&r);
	assert_int_equal(client_status(&young, "/moderation"), 404);
	assert_int_equal(client_status(&cllr, "/moderation"), 404);
	assert_int_equal(client_status(&anon, "/moderation"), 303);
}

/* A message shown once: in the signed-in person's layout around a kept
 * body; a visitor's page with it is made for them alone. */
static void
messages_shown_once(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 v[64];
	const char	*msg = "You are signed in. Welcome back.";

	(void)state;
	warm_both(&young, "/councillors", "pledges");
	c = young;
	(void)snprintf(c.cookies + strlen(c.cookies), sizeof(c.cookies) -
	    strlen(c.cookies), "; portal_flash=signed_in");
	resp_init(&r);
	assert_int_equal(http_get(&c, "/councillors", &r), 0);
	assert_true(resp_has(&r, msg));
	assert_string_equal(resp_header(&r, "x-cache", v, sizeof(v)), "hit");
	resp_free(&r);
	c = anon;
	(void)snprintf(c.cookies + strlen(c.cookies), sizeof(c.cookies) -
	    strlen(c.cookies), "%sportal_flash=signed_out", *c.cookies ?
	    "; " : "");
	resp_init(&r);
	assert_int_equal(http_get(&c, "/councillors", &r), 0);
	assert_true(resp_has(&r, "You have signed out."));
	assert_null(resp_header(&r, "x-cache", v, sizeof(v)));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/councillors", &r), 0);
	assert_false(resp_has(&r, "You have signed out."));
	assert_false(resp_has(&r, msg));
	resp_free(&r);
}

/*
 * A new visitor is given the form token cookie with the first page, kept
 * or not: two forms then opened at once carry the same token, and the
 * one sent first still works (the browser keeps only one cookie).
 */
static void
two_forms_opened_at_once_share_a_token(void **state)
{
	struct client	 tab1, tab2;
	struct resp	 r;
	char		 v[256], csrf[128], form[512];

	(void)state;
	warm_both(&anon, "/councillors", "pledges");
	tab1 = anon;
	tab1.cookies[0] = '\0';
	resp_init(&r);
	assert_int_equal(http_get(&tab1, "/councillors", &r), 0);
	assert_string_equal(resp_header(&r, "x-cache", v, sizeof(v)), "hit");
	assert_non_null(resp_header(&r, "set-cookie", v, sizeof(v)));
	resp_free(&r);
	/* The same browser opens two forms, each in its own tab. */
	tab2 = tab1;
	assert_int_equal(client_csrf(&tab1, "/views/new", csrf,
	    sizeof(csrf)), 0);
	assert_int_equal(client_csrf(&tab2, "/login", v, sizeof(v)), 0);
	assert_string_equal(csrf, v);
	assert_string_equal(tab1.cookies, tab2.cookies);
	/* The first tab's form, sent with the cookie the browser has. */
	(void)snprintf(form, sizeof(form), "csrf=%s&name=Jaden&", csrf);
	(void)snprintf(form + strlen(form), sizeof(form) - strlen(form),
	    "password=%s", url_enc("kite-river-42"));
	resp_init(&r);
	assert_int_equal(http_post_form(&tab2, "/login", form, &r), 0);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_int_equal(client_status(&tab2, "/account"), 200);
}

/*
 * A page is kept by the query names it reads, read as it reads them:
 * made-up parameters are the same page (not built again each time), and
 * a name sent twice is keyed by its first value, as the page uses it.
 */
static void
kept_by_what_the_page_reads(void **state)
{
	struct resp	 r, fresh;
	char		 path[64];
	int		 i, hit, hits;

	(void)state;
	warm_both(&anon, "/open-data.json", "outcomes");
	/* Each address asked once: a copy kept per address would never
	 * be a hit (a timer's write may cost a miss or two). */
	for (i = 0, hits = 0; i < 8; i++) {
		(void)snprintf(path, sizeof(path), "/open-data.json?x=%d", i);
		resp_init(&r);
		assert_int_equal(http_get(&anon, path, &r), 0);
		(void)answer(&r, &hit);
		hits += hit;
		resp_free(&r);
	}
	assert_true(hits >= 6);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did?category=2&"
	    "category=5", &r), 0);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/you-said-we-did?category=5&"
	    "category=2", &r), 0);
	resp_init(&fresh);
	assert_int_equal(http_get(&anon, "/you-said-we-did?category=5",
	    &fresh), 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.body.len, fresh.body.len);
	assert_memory_equal(r.body.data, fresh.body.data, r.body.len);
	resp_free(&fresh);
	resp_free(&r);

	/*
	 * Made-up values are answered but never kept: a copy for each
	 * would push every real page out. Asked twice, each is built
	 * twice; the page the links ask for is kept.
	 */
	for (i = 0; i < 2; i++) {
		static const char *const made_up[] = {
		    "/you-said-we-did?page=01", "/you-said-we-did?category=zzz",
		    "/you-said-we-did?category=9999",
		    "/you-said-we-did?page=5000", "/open-data.json?page=01",
		    NULL };
		size_t	 k;

		for (k = 0; made_up[k] != NULL; k++) {
			resp_init(&r);
			assert_int_equal(http_get(&anon, made_up[k], &r), 0);
			(void)answer(&r, &hit);
			if (hit)
				fail_msg("%s was kept", made_up[k]);
			resp_free(&r);
		}
	}
	warm_both(&anon, "/you-said-we-did?category=0", "You said");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(changes_after_a_write_by_the_other_worker),
		cmocka_unit_test(etag_and_304),
		cmocka_unit_test(kept_by_what_the_page_reads),
		cmocka_unit_test(gzip_when_asked),
		cmocka_unit_test(no_one_elses_name_or_token),
		cmocka_unit_test(messages_shown_once),
		cmocka_unit_test(two_forms_opened_at_once_share_a_token),
		cmocka_unit_test(moderation_queue_kept_for_workers),
		cmocka_unit_test(menu_counts_move_with_the_next_write),
	};

	return (cmocka_run_group_tests_name("http_cache", tests, setup,
	    group_teardown_server));
}
