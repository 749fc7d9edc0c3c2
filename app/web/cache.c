/*
 * cache.c: rendered pages kept until the data changes (issue #12).
 *
 * Public pages and the board report do the same work for every visitor,
 * while the data changes a few times an hour. Each worker keeps what it
 * rendered in its own pcache (app/core/pagecache.c: a byte-bounded LRU,
 * emptied as soon as the database's version moves, so no page is served
 * older than the last write any worker acknowledged).
 *
 * What is kept is never a person's own data. The key is the path, the
 * sorted query and a role class ("anon", "young", "worker", ...), never
 * a person. For visitors who have not signed in the whole page is kept:
 * their layout carries no name, count or form token. For people who have
 * signed in only the body inside the layout is kept; the layout (their
 * name, their unread count, the sign-out form's token) is rendered for
 * them on every request. A handler names the role classes whose body is
 * the same for everyone in the class; as a last guard, a body holding
 * the viewer's form token or name is not kept at all.
 *
 * Whole pages and files carry an ETag (a hash of the bytes); a request
 * with If-None-Match gets 304 while nothing changed. HTML stays no-store
 * (a shared device keeps no copy); public CSV and JSON are "private,
 * no-cache", so a browser or a script may keep them and ask again.
 *
 * x-cache says hit or miss; with PORTAL_CACHE_TRACE set in the server's
 * environment (the tests), x-portal-worker says which worker answered.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "users.h"

#define CACHE_BYTES	(4 * 1024 * 1024)	/* per worker */
#define CACHE_MAX_AGE	60	/* seconds: time words move without writes */

static struct pcache	*cache;
static int		 trace = -1;
static int		 broken;	/* out of memory once: stop trying */

static struct pcache *
get_cache(void)
{
	if (cache == NULL && !broken &&
	    (cache = pcache_new(CACHE_BYTES, CACHE_MAX_AGE)) == NULL)
		broken = 1;
	return (cache);
}

/*
 * Take back a header set on an earlier pass: a request that slept (its
 * report was being built) runs its handler again, and the answer says
 * what happened on the last pass, once.
 */
static void
unset_header(struct http_request *req, const char *name)
{
	struct http_header	*hdr, *next;

	for (hdr = TAILQ_FIRST(&req->resp_headers); hdr != NULL; hdr = next) {
		next = TAILQ_NEXT(hdr, list);
		if (strcasecmp(hdr->header, name) != 0)
			continue;
		TAILQ_REMOVE(&req->resp_headers, hdr, list);
		kore_free(hdr->header);
		kore_free(hdr->value);
		kore_pool_put(&http_header_pool, hdr);
	}
}

static void
mark(struct page *pg, const char *how)
{
	unset_header(pg->req, "x-cache");
	unset_header(pg->req, "x-portal-worker");
	http_response_header(pg->req, "x-cache", how);
	if (trace == -1)
		trace = getenv("PORTAL_CACHE_TRACE") != NULL;
	if (trace)
		http_response_header(pg->req, "x-portal-worker",
		    arena_printf(&pg->arena, "%u", (unsigned)worker->id));
}

static const char *
role_class(const struct page *pg)
{
	return (pg->signed_in ? role_key(pg->sess.role) : "anon");
}

static int
etag_matches(struct page *pg, const char *etag)
{
	const char	*inm;

	if (!http_request_header(pg->req, "if-none-match", &inm))
		return (0);
	return (strcmp(inm, "*") == 0 || strstr(inm, etag) != NULL);
}

/*
 * Whether the client takes gzip: "gzip" is one of the codings it lists
 * (not "x-gzip"), and not with q=0 (spaces allowed around ";" and "=").
 */
static int
takes_gzip(struct page *pg)
{
	const char	*ae, *p;
	size_t		 n;

	if (!http_request_header(pg->req, "accept-encoding", &ae))
		return (0);
	for (p = ae; *p != '\0'; p += strcspn(p, ",")) {
		p += strspn(p, ", \t");
		n = strcspn(p, ",; \t");
		if (n != 4 || strncasecmp(p, "gzip", 4) != 0)
			continue;
		p += 4 + strspn(p + 4, " \t");
		if (*p != ';')
			return (1);
		p += 1 + strspn(p + 1, " \t");
		if (*p != 'q' && *p != 'Q')
			return (1);
		p += 1 + strspn(p + 1, " \t");
		if (*p++ != '=')
			return (1);
		p += strspn(p, " \t");
		/* q=0, 0.0, 0.000: refused; anything else is taken. */
		if (*p != '0')
			return (1);
		p += 1 + (p[1] == '.');
		p += strspn(p, "0");
		return (*p != '\0' && *p != ',' && *p != ' ' && *p != '\t');
	}
	return (0);
}

/*
 * A whole response: 304 if the browser already has these bytes, the
 * gzipped copy for a client that takes it (its own ETag: another
 * representation of the same page).
 */
static int
send_whole(struct page *pg, const struct pcache_entry *e)
{
	const char	*type = e->type, *etag = e->etag, *data = e->data;
	size_t		 len = e->len;

	http_response_header(pg->req, "vary", "cookie, accept-encoding");
	if (e->gz != NULL && takes_gzip(pg)) {
		etag = arena_printf(&pg->arena, "%.*s-gz\"",
		    PCACHE_ETAG_LEN - 1, e->etag);
		data = e->gz;
		len = e->gzlen;
		http_response_header(pg->req, "content-encoding", "gzip");
	}
	/* An HTML page stays no-store: on a shared device, nobody should
	 * find it in the browser later. A client may still ask again with
	 * its ETag. Public data files may be kept and asked for again. */
	if (strncmp(type, "text/html", 9) == 0)
		http_security_headers(pg->req, 1);
	else {
		http_security_headers(pg->req, 0);
		http_response_header(pg->req, "content-type", type);
		http_response_header(pg->req, "cache-control",
		    "private, no-cache");
	}
	http_response_header(pg->req, "etag", etag);
	if (etag_matches(pg, etag))
		http_response(pg->req, 304, NULL, 0);
	else
		http_response(pg->req, 200, data, len);
	page_end(pg);
	return (KORE_RESULT_OK);
}

/*
 * The query as the page reads it: only the names in params (NULL-ended;
 * NULL: none), each once and as form_raw() reads it (the first of a name
 * sent twice), in the order given. Anything else in the address is the
 * same page, so the same copy: made-up parameters can neither fill the
 * cache nor make the page be built again on every request.
 */
static const char *
read_query(struct page *pg, const char *const *params)
{
	struct buf	 q;
	const char	*v, *out;
	size_t		 i;

	if (params == NULL)
		return (NULL);
	buf_init(&q, 64);
	for (i = 0; params[i] != NULL; i++)
		if ((v = form_raw(&pg->form, params[i])) != NULL)
			buf_appendf(&q, "%s%s=%s", q.len > 0 ? "&" : "",
			    params[i], form_urlencode(&pg->arena, v));
	out = arena_strdup(&pg->arena, buf_cstr(&q));
	buf_free(&q);
	return (out);
}

/* cache_serve_reading() for a page that reads no query. */
int
cache_serve(struct page *pg, int roles)
{
	return (cache_serve_reading(pg, roles, NULL));
}

/*
 * Answer from the cache if this viewer's role class is in roles and a
 * copy of this request (its path, and the query names the page reads:
 * params) is kept at the database's current version: 1, the page is
 * answered. Otherwise 0, and the handler renders as usual;
 * page_render() or cache_send() keeps what it makes.
 */
int
cache_serve_reading(struct page *pg, int roles, const char *const *params)
{
	const struct pcache_entry	*e;
	struct pcache			*c;
	struct buf			 key;
	int				 bit;

	bit = pg->signed_in ? (1 << pg->sess.role) : R_ANON;
	if ((pg->req->method != HTTP_METHOD_GET &&
	    pg->req->method != HTTP_METHOD_HEAD) || !(roles & bit) ||
	    (c = get_cache()) == NULL)
		return (0);
	/* A message shown once is in the layout: a visitor's whole page
	 * with it is theirs only. A kept body goes in any layout. */
	if (!pg->signed_in && guard_cookie(pg, "portal_flash") != NULL)
		return (0);
	buf_init(&key, 128);
	pg->cache_query = read_query(pg, params);
	if (pcache_key(&key, role_class(pg), pg->req->path,
	    pg->cache_query) == -1 || (!pg->have_ver &&
	    pcache_db_version(app_db, &pg->cache_ver) == -1)) {
		buf_free(&key);
		return (0);
	}
	pg->cache_key = arena_strdup(&pg->arena, buf_cstr(&key));
	buf_free(&key);
	if ((e = pcache_get(c, pg->cache_key, &pg->cache_ver, pg->now)) ==
	    NULL) {
		mark(pg, "miss");
		return (0);
	}
	mark(pg, "hit");
	if (e->type != NULL)
		return (send_whole(pg, e));
	pg->title = arena_strdup(&pg->arena, e->title);
	pg->nav = e->nav ? arena_strdup(&pg->arena, e->nav) : NULL;
	(void)page_render_body(pg, 200, e->data, e->len);
	return (1);
}

/*
 * The page read its query as these whole numbers, one for each name in
 * params (as given to cache_serve_reading()): it is kept only if the
 * address said them just so. "page=01" or "category=zzz" is answered
 * but not kept, so made-up values can neither fill the cache nor push
 * real pages out of it.
 */
void
cache_read_as(struct page *pg, const char *const *params,
    const int64_t *vals)
{
	struct buf	 q;
	size_t		 i;

	if (pg->cache_key == NULL)
		return;
	buf_init(&q, 64);
	for (i = 0; params[i] != NULL; i++)
		if (form_raw(&pg->form, params[i]) != NULL)
			buf_appendf(&q, "%s%s=%lld", q.len > 0 ? "&" : "",
			    params[i], (long long)vals[i]);
	if (pg->cache_query == NULL || strcmp(buf_cstr(&q),
	    pg->cache_query) != 0)
		cache_skip(pg);
	buf_free(&q);
}

/* This answer is not to be kept (a page that does not exist, say). */
void
cache_skip(struct page *pg)
{
	pg->cache_key = NULL;
}

/* Whether data holds this viewer's own token or name: then not kept. */
static int
personal(const struct page *pg, const char *data, size_t len)
{
	if (pg->csrf != NULL && *pg->csrf != '\0' &&
	    memmem(data, len, pg->csrf, strlen(pg->csrf)) != NULL)
		return (1);
	if (pg->signed_in && pg->sess.name[0] != '\0' &&
	    memmem(data, len, pg->sess.name, strlen(pg->sess.name)) != NULL)
		return (1);
	return (0);
}

static void
put(struct page *pg, const char *type, const char *data, size_t len)
{
	if (personal(pg, data, len)) {
		kore_log(LOG_NOTICE, "cache: %s holds personal data, not kept",
		    pg->req->path);
		return;
	}
	if (pcache_put(cache, pg->cache_key, &pg->cache_ver, pg->now,
	    pg->title, pg->nav, type, data, len) == -1)
		kore_log(LOG_ERR, "cache: out of memory");
}

/*
 * A page rendered with status 200 after cache_serve() said 0: keep it.
 * A visitor who has not signed in gets the whole page, answered here
 * with its ETag (1). Otherwise the body is kept and the caller sends
 * the page as usual (0).
 */
int
cache_keep(struct page *pg, const struct buf *body, const struct buf *html)
{
	const struct pcache_entry	*e;
	const char			*type = "text/html; charset=utf-8";

	if (pg->cache_key == NULL)
		return (0);
	if (pg->signed_in) {
		put(pg, NULL, body->data ? body->data : "", body->len);
		return (0);
	}
	if (personal(pg, body->data ? body->data : "", body->len))
		return (0);
	put(pg, type, html->data ? html->data : "", html->len);
	if ((e = pcache_get(cache, pg->cache_key, &pg->cache_ver,
	    pg->now)) == NULL)
		return (0);
	return (send_whole(pg, e));
}

/*
 * Send a file (CSV, JSON) of type, keeping it if cache_serve() said so.
 * Files the cache may hold are public: no-cache with an ETag; others
 * no-store. Ends the page; out stays the caller's.
 */
int
cache_send(struct page *pg, const char *type, struct buf *out)
{
	const struct pcache_entry	*e;

	if (pg->cache_key != NULL) {
		put(pg, type, out->data ? out->data : "", out->len);
		if ((e = pcache_get(cache, pg->cache_key, &pg->cache_ver,
		    pg->now)) != NULL)
			return (send_whole(pg, e));
	}
	http_security_headers(pg->req, 0);
	http_response_header(pg->req, "content-type", type);
	http_response_header(pg->req, "cache-control", "no-store");
	http_response(pg->req, 200, out->data, out->len);
	page_end(pg);
	return (KORE_RESULT_OK);
}
