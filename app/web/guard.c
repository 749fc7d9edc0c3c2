/*
 * guard.c: who is asking, and may this POST change anything?
 *
 * Sessions ride in an HttpOnly, SameSite=Lax cookie ("__Host-portal" over
 * TLS, "portal" on plain loopback HTTP, where the __Host- prefix would
 * demand Secure). Every POST must carry the CSRF token of its session, or
 * for visitors who have not signed in, of their "portal_csrf" cookie; a
 * cross-site Origin or Sec-Fetch-Site is refused as well. Kore writes no
 * SameSite, so cookies are written here as plain headers.
 *
 * Behind a TLS-terminating reverse proxy, the client's address and scheme
 * come from X-Forwarded-For and X-Forwarded-Proto, but only when the TCP
 * peer is in the trusted_proxies setting (PORTAL_TRUSTED_PROXIES, read by
 * the parent before the workers fork; empty trusts nobody).
 */
#include <arpa/inet.h>
#include <netinet/in.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "proxy.h"
#include "quota.h"

static struct proxies	 trusted_proxies;

/* Parse the trusted_proxies setting once; -1 with the reason in err. */
int
guard_proxies_init(const char *spec, char *err, size_t errlen)
{
	return (proxies_parse(&trusted_proxies, spec, err, errlen));
}

/* The TCP peer's address as text. */
static void
peer_addr(struct http_request *req, char *out, size_t outlen)
{
	struct connection	*c = req->owner;

	out[0] = '\0';
	if (c->family == AF_INET)
		(void)inet_ntop(AF_INET, &c->addr.ipv4.sin_addr, out,
		    (socklen_t)outlen);
	else if (c->family == AF_INET6)
		(void)inet_ntop(AF_INET6, &c->addr.ipv6.sin6_addr, out,
		    (socklen_t)outlen);
}

/*
 * A header sent more than once, its lines joined in order with ", " (as
 * one list, RFC 9110): a proxy may add its own X-Forwarded-For line after
 * the client's rather than append to it, and Kore would give us only the
 * first. If they do not fit, the last line alone (the nearest hops).
 */
static const char *
header_joined(struct http_request *req, const char *name, char *buf,
    size_t len)
{
	struct http_header	*h;
	const char		*last;
	size_t			 used, n;

	last = NULL;
	used = 0;
	buf[0] = '\0';
	TAILQ_FOREACH(h, &req->req_headers, list) {
		if (strcasecmp(h->header, name) != 0)
			continue;
		last = h->value;
		n = (size_t)snprintf(buf + used, len - used, "%s%s",
		    used ? ", " : "", h->value);
		if (n >= len - used)
			return (last);
		used += n;
	}
	return (last == NULL ? NULL : buf);
}

/* TLS here, or at a trusted proxy that says so. */
static int
conn_is_tls(struct http_request *req)
{
	char	 peer[PROXY_ADDR_MAX], proto[64];

	if (req->owner->owner != NULL &&
	    req->owner->owner->server != NULL &&
	    req->owner->owner->server->tls)
		return (1);
	if (trusted_proxies.n == 0)
		return (0);
	peer_addr(req, peer, sizeof(peer));
	return (proxy_https(&trusted_proxies, peer, header_joined(req,
	    "x-forwarded-proto", proto, sizeof(proto))));
}

static const char *
cookie_name(struct http_request *req, const char *base)
{
	if (strcmp(base, "portal") == 0)
		return (conn_is_tls(req) ? "__Host-portal" : "portal");
	if (strcmp(base, "known") == 0)
		return (conn_is_tls(req) ? "__Host-portal_known" :
		    "portal_known");
	return (conn_is_tls(req) ? "__Host-portal_csrf" : "portal_csrf");
}

/* The client's address: the peer, or what a trusted proxy says. */
void
guard_client_ip(struct http_request *req, char *out, size_t outlen)
{
	char	 peer[PROXY_ADDR_MAX], xff[2048];

	peer_addr(req, peer, sizeof(peer));
	(void)proxy_client(&trusted_proxies, peer, trusted_proxies.n == 0 ?
	    NULL : header_joined(req, "x-forwarded-for", xff, sizeof(xff)),
	    out, outlen);
}

const char *
guard_cookie(struct page *pg, const char *name)
{
	char	*v;

	if (http_request_cookie(pg->req, name, &v))
		return (v);
	return (NULL);
}

/* Set (value != NULL) or delete a cookie. session: no Max-Age. */
void
guard_set_cookie(struct page *pg, const char *name, const char *value,
    int session)
{
	const char	*secure;

	secure = conn_is_tls(pg->req) ? "; Secure" : "";
	if (value == NULL)
		http_response_header(pg->req, "set-cookie", arena_printf(
		    &pg->arena, "%s=; Path=/; Max-Age=0; HttpOnly; "
		    "SameSite=Lax%s", name, secure));
	else
		http_response_header(pg->req, "set-cookie", arena_printf(
		    &pg->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
		    name, value, secure, session ? "" : "; Max-Age=86400"));
}

/* A cookie sent back only to path, for secs seconds. */
void
guard_set_brief_cookie(struct page *pg, const char *name, const char *value,
    const char *path, int secs)
{
	http_response_header(pg->req, "set-cookie", arena_printf(&pg->arena,
	    "%s=%s; Path=%s; Max-Age=%d; HttpOnly; SameSite=Lax%s", name,
	    value, path, secs, conn_is_tls(pg->req) ? "; Secure" : ""));
}

void
guard_set_session_cookie(struct page *pg, const char *token)
{
	guard_set_cookie(pg, cookie_name(pg->req, "portal"), token, 1);
}

/* This browser's device cookie (session.c: known devices), or NULL. */
const char *
guard_device(struct page *pg)
{
	return (guard_cookie(pg, cookie_name(pg->req, "known")));
}

/* Keep the device cookie for as long as the device counts as known. */
void
guard_set_device(struct page *pg, const char *token)
{
	http_response_header(pg->req, "set-cookie", arena_printf(&pg->arena,
	    "%s=%s; Path=/; HttpOnly; SameSite=Lax%s; Max-Age=%d",
	    cookie_name(pg->req, "known"), token, conn_is_tls(pg->req) ?
	    "; Secure" : "", KNOWN_DEVICE_DAYS * 86400));
}

void
guard_clear_session_cookie(struct page *pg)
{
	guard_set_cookie(pg, cookie_name(pg->req, "portal"), NULL, 1);
}

/* Whether s looks like a token of ours (auth_token_new()). */
int
guard_token_shaped(const char *s)
{
	return (s != NULL && strlen(s) == AUTH_TOKEN_LEN - 1 &&
	    strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == AUTH_TOKEN_LEN - 1);
}

/* Find the visitor's session, and the CSRF token their forms carry. */
void
guard_session(struct page *pg)
{
	struct session_limits	 limits;
	const char		*token;
	char			*fresh;
	int			 rc;

	http_populate_cookies(pg->req);
	token = guard_cookie(pg, cookie_name(pg->req, "portal"));
	if (guard_token_shaped(token)) {
		/* An admin's change applies at once, in every worker:
		 * from the settings copy while the database is unchanged
		 * (settings.c), read again as soon as it moves. */
		session_limits_load(app_db, &limits);
		rc = session_find_at(app_db, token, pg->now, &limits,
		    pg->have_ver ? pg->cache_ver.data_version : -1,
		    &pg->sess);
		if (rc == -1)
			kore_log(LOG_ERR, "session lookup: %s",
			    db_errmsg(app_db));
		pg->signed_in = rc == 1;
		if (rc == 0) {
			pg->ran_out = pg->sess.user_id;
			memset(&pg->sess, 0, sizeof(pg->sess));
		}
	}
	pg->actor.ip = pg->ip;
	if (pg->signed_in) {
		pg->actor.id = pg->sess.user_id;
		pg->actor.name = pg->sess.name;
		pg->actor.role = role_key(pg->sess.role);
		pg->csrf = pg->sess.csrf;
		return;
	}
	/* Given with the first page, whatever it is: a visitor who then
	 * opens two forms at once must get one token, not one each (the
	 * browser keeps only the last, and the other form would fail). */
	token = guard_cookie(pg, cookie_name(pg->req, "csrf"));
	if (guard_token_shaped(token)) {
		pg->csrf = arena_strdup(&pg->arena, token);
		return;
	}
	fresh = arena_alloc(&pg->arena, AUTH_TOKEN_LEN);
	auth_token_new(fresh);
	guard_set_cookie(pg, cookie_name(pg->req, "csrf"), fresh, 0);
	pg->csrf = fresh;
}

/* A POST from another site, judged by the browser's own headers. */
static int
cross_site(struct page *pg)
{
	const char	*v;
	char		*own;

	if (http_request_header(pg->req, "sec-fetch-site", &v) &&
	    strcmp(v, "same-origin") != 0 && strcmp(v, "none") != 0)
		return (1);
	if (!http_request_header(pg->req, "origin", &v))
		return (0);
	own = arena_printf(&pg->arena, "%s://%s",
	    conn_is_tls(pg->req) ? "https" : "http", pg->req->host);
	return (strcmp(v, own) != 0);
}

/* The browser says this POST came from one of our own pages. */
static int
same_site(struct page *pg)
{
	const char	*v;

	if (http_request_header(pg->req, "sec-fetch-site", &v))
		return (strcmp(v, "same-origin") == 0);
	return (http_request_header(pg->req, "origin", &v));
}

/* Whether s is a whole number: a scale or a choice's id, not words. */
static int
all_digits(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return (0);
	return (1);
}

/*
 * A secret: a password (named so, or "current" on the account page), a
 * private sign-in name, or an invite or reset code. Never kept, shown
 * back or stored with words.
 */
static int
secret_field(const char *name)
{
	static const char *const set[] = { "current", "current_pw",
	    "current_si", "code", "signin", "new_signin", NULL };
	size_t	 i;

	if (strstr(name, "password") != NULL)
		return (1);
	for (i = 0; set[i] != NULL; i++)
		if (strcmp(name, set[i]) == 0)
			return (1);
	return (0);
}

/*
 * Fields whose names elsewhere are a form's own codes but here are
 * typed: how a worker closed a concern, who a meeting's action is for.
 */
static const struct {
	const char	*path;		/* the start of the form's address */
	const char	*name;
} typed_here[] = {
	{ "/safeguarding/", "action" },
	{ "/meetings/", "who" },
};

/*
 * 1 if a refused form's field may hold words someone typed: anything but
 * the token, secrets, the fields the server set itself and choices
 * (shown back as "not_sure" or "18_21" they are codes, not words).
 */
static int
kept_field(const char *path, const char *name)
{
	static const char *const set[] = { "csrf", "form_token", "page",
	    "action", "simple", "act", "do", "id", "next", "back", "return",
	    "share", "publish", "category", "answer", "age_band", "area",
	    "who", "urgent", "details", "hide_name", "appeal", "decision",
	    "holder", "close", "delete", "save", "from_saved", "sure",
	    "seen", NULL };
	size_t	 i;

	if (secret_field(name))
		return (0);
	for (i = 0; i < sizeof(typed_here) / sizeof(typed_here[0]); i++)
		if (strncmp(path, typed_here[i].path,
		    strlen(typed_here[i].path)) == 0 &&
		    strcmp(name, typed_here[i].name) == 0)
			return (1);
	/* A consultation's tick boxes: "o<id>" = "yes". */
	if (name[0] == 'o' && name[1] >= '0' && name[1] <= '9')
		return (0);
	/* A Pledge check's answer to promise <id>. */
	if (strncmp(name, "v_", 2) == 0)
		return (0);
	for (i = 0; set[i] != NULL; i++)
		if (strcmp(name, set[i]) == 0)
			return (0);
	return (1);
}

/* Whether field f holds words someone typed (kept_field()); a number
 * in a consultation's answer "q<id>" is a scale or a choice. */
static int
typed_field(const struct page *pg, const struct form_field *f)
{
	/* Nothing on the sign-in form is words to keep: a name there is
	 * the private sign-in name, or a password typed in the wrong box. */
	if (strcmp(pg->req->path, "/login") == 0)
		return (0);
	if (f->value == NULL || *f->value == '\0' ||
	    !kept_field(pg->req->path, f->name))
		return (0);
	return (!(f->name[0] == 'q' && all_digits(f->value)) ||
	    consult_typed_field(f));
}

/* Where a kept field's words were typed, if its name says. */
static const char *
field_label(const char *name)
{
	if (strncmp(name, "c_", 2) == 0)
		return ("Your comment on a promise");
	if (strcmp(name, "title") == 0)
		return ("Your title");
	return (NULL);
}

/*
 * Words typed into a refused form from our own site (its token went
 * stale), put back on the 403 page so they can be copied: every typed
 * field, one word or many (kept_field() leaves out the rest).
 */
void
guard_keep_words(struct page *pg)
{
	const struct form_field	*f;
	struct tval		*list, *row;
	size_t			 i;

	list = NULL;
	for (i = 0; i < pg->form.n; i++) {
		f = &pg->form.fields[i];
		if (!typed_field(pg, f))
			continue;
		if (list == NULL) {
			tv_set_bool(pg->ctx, "has_kept", 1);
			tv_set_str(pg->ctx, "again", pg->req->path);
			list = tv_set_list(pg->ctx, "kept");
			/* Joining: there is no account to sign in to yet. */
			if (strncmp(pg->req->path, "/join", 5) == 0 &&
			    tv_get(pg->ctx, "kept_note") == NULL)
				tv_set_str(pg->ctx, "kept_note", "This page was "
				    "open a long time, so nothing was sent. Copy "
				    "your words, then start again with your code "
				    "at the Join page.");
			/* Still signed in: the page was only out of date. */
			if (pg->signed_in && tv_get(pg->ctx, "kept_note") ==
			    NULL)
				tv_set_str(pg->ctx, "kept_note", "This page was "
				    "open a long time, so nothing was sent. Copy "
				    "your words, open the page again and put them "
				    "back.");
		}
		row = tv_push_map(list);
		tv_set_str(row, "text", f->value);
		if (field_label(f->name) != NULL)
			tv_set_str(row, "label", field_label(f->name));
	}
}

/*
 * How much of a text of len bytes the safeguarding check reads for this
 * request: 0 all of it, else its first and last that many bytes. Asked
 * once a request, for its whole body, so every check of one request
 * reads alike (a stale form's words are checked more than once on their
 * way to a worker) and they agree; what each check reads is counted.
 */
static size_t
scan_edge(struct page *pg, size_t len)
{
	size_t	 need;

	/*
	 * A signed-in person's own form (its token good) is always read
	 * whole: accounts come by invitation, so draining an address's
	 * budget cannot cost a child on it their help page.
	 */
	if (pg->scan_edges == 0) {
		need = pg->req->http_body_length > len ?
		    pg->req->http_body_length : len;
		pg->scan_edges = (pg->signed_in && pg->post_ok) ||
		    conns_scan_whole(pg->req, need) ? 1 : 2;
		if (pg->scan_edges == 2)
			kore_log(LOG_NOTICE, "scanning budget spent: reading "
			    "the edges of long texts to %s", pg->req->path);
	}
	if (pg->scan_edges == 1 || len <= 2 * SCAN_EDGE) {
		conns_scan_charge(pg->req, len);
		return (0);
	}
	conns_scan_charge(pg->req, 2 * SCAN_EDGE);
	return (SCAN_EDGE);
}

/* The safeguarding check of text sent in this request (quota_scan()). */
int
page_scan(struct page *pg, const char *text, struct buf *topics)
{
	return (quota_scan(app_db, text, scan_edge(pg, strlen(text)),
	    topics));
}

/* Whether text sent in this request worries the check: 1, 0, -1. */
int
page_worrying(struct page *pg, const char *text)
{
	if (text == NULL || *text == '\0')
		return (0);
	return (quota_worrying_edges(app_db, text, scan_edge(pg,
	    strlen(text))));
}

/* Every typed field of a refused form, one a line; NULL if none. */
static const char *
typed_words(struct page *pg)
{
	const struct form_field	*f;
	struct buf		 all;
	const char		*words;
	size_t			 i;

	buf_init(&all, 512);
	for (i = 0; i < pg->form.n; i++) {
		f = &pg->form.fields[i];
		if (!typed_field(pg, f))
			continue;
		buf_appendf(&all, "%s%s", all.len > 0 ? "\n" : "", f->value);
	}
	words = all.len > 0 ? arena_strdup(&pg->arena, buf_cstr(&all)) : NULL;
	buf_free(&all);
	return (words);
}

/*
 * Whether this POST is to a staff page (a councillor's answer, a worker's
 * moderation or meeting notes), sent by someone whose session ran out:
 * their words come back to copy, but are not kept as a young person's
 * view. Listed by what is staff-only, so a young person's form missing
 * from the list still keeps a worry.
 */
static int
staff_form(struct page *pg)
{
	static const char *const staff[] = { "/my-issues", "/moderation",
	    "/issues", "/accounts", "/admin", "/reports", "/safeguarding",
	    "/pledge/manage", "/my-pledges", NULL };
	const char	*path = pg->req->path, *action;
	size_t		 i;

	for (i = 0; staff[i] != NULL; i++)
		if (strncmp(path, staff[i], strlen(staff[i])) == 0)
			return (1);
	/* A promise's progress form; a meeting's, but its suggestions. */
	if (strncmp(path, "/pledge/", 8) == 0 && path[8] >= '0' &&
	    path[8] <= '9')
		return (1);
	/* An action's done or dropped form; "Did it happen?" is a young
	 * person's. */
	if (strncmp(path, "/actions/", 9) == 0 &&
	    strstr(path, "/happened") == NULL)
		return (1);
	action = form_raw(&pg->form, "action");
	return (strncmp(path, "/meetings/", 10) == 0 &&
	    (action == NULL || strcmp(action, "suggest") != 0));
}

/* The page the form was on (its Referer's path), or "/". */
static const char *
form_page(struct page *pg)
{
	const char	*ref, *p;

	if (!http_request_header(pg->req, "referer", &ref) ||
	    (p = strstr(ref, "://")) == NULL || (p = strchr(p + 3, '/')) ==
	    NULL || p[1] == '/' || strlen(p) > 200 ||
	    strpbrk(p, "\\\r\n\t\"<>") != NULL)
		return ("/");
	return (arena_printf(&pg->arena, "%s", p));
}

/*
 * Whose a stale form was: the session that just ran out, if it is still
 * on record, else whose session gave the form's token (form_owners).
 * The account into *owner (0: nobody known); -1 on error.
 */
int
guard_form_owner(struct page *pg, int64_t *owner)
{
	if ((*owner = pg->ran_out) > 0)
		return (0);
	return (session_form_owner(app_db, form_raw(&pg->form, "csrf"),
	    owner) == -1 ? -1 : 0);
}

/*
 * A refused form with no words to keep (choices only: "Did it happen?",
 * a consultation's first page) from someone whose session ran out: say
 * so, and how to get back, not only "the form may have been open too
 * long".
 */
static void
say_signed_out(struct page *pg)
{
	int64_t	 owner;

	if (pg->signed_in || tv_get(pg->ctx, "has_kept") != NULL)
		return;
	if (guard_form_owner(pg, &owner) == -1 || owner <= 0)
		return;
	tv_set_bool(pg->ctx, "signed_out", 1);
	tv_set_str(pg->ctx, "again", form_page(pg));
}

/*
 * Worrying words a young person or a visitor typed into one of our
 * forms, kept as a view from whoever sent them, with help (views.c);
 * a consultation's own rules decide there, and a visitor's words on a
 * staff page are a session run out, not a child's. 1 if answered so.
 */
static int
worry_kept_as_view(struct page *pg, const char *words)
{
	if ((pg->signed_in && pg->sess.role != ROLE_YOUNG) ||
	    strncmp(pg->req->path, "/consultations/", 15) == 0 ||
	    (!pg->signed_in && staff_form(pg)))
		return (0);
	return (views_stale_words(pg, words));
}

/*
 * A POST, with a good token, to something that is not there (a view not
 * theirs, or purged while the form was open; a meeting gone): worrying
 * words from a young person or a visitor are kept all the same, as a
 * view from whoever sent them, and the help page follows; 1 if answered
 * so (page_error() then sends nothing else). Any other words come back
 * on the 404 to copy.
 */
int
guard_rescue_words(struct page *pg)
{
	const char	*words;

	if (pg->rescuing || pg->req->method != HTTP_METHOD_POST ||
	    cross_site(pg))
		return (0);
	pg->rescuing = 1;
	if ((words = typed_words(pg)) == NULL)
		return (0);
	if (worry_kept_as_view(pg, words))
		return (1);
	/* The page may have said why already (an issue moved on). */
	if (tv_get(pg->ctx, "has_kept") != NULL)
		return (0);
	if (tv_get(pg->ctx, "kept_note") == NULL)
		tv_set_str(pg->ctx, "kept_note", "What you were writing to is "
		    "not there any more, so nothing was sent. Copy your words "
		    "if you want to keep them.");
	guard_keep_words(pg);
	return (0);
}

/*
 * Whether this is a worker's "type in a view" form (tools.c) holding
 * words that worry the safeguarding check: a young person's words, which
 * a token gone stale must not lose.
 */
static int
paper_worry(struct page *pg)
{
	const char	*words, *rest;

	if (pg->sess.role != ROLE_WORKER ||
	    strncmp(pg->req->path, "/accounts/", 10) != 0 ||
	    (rest = strchr(pg->req->path + 10, '/')) == NULL ||
	    strcmp(rest, "/view") != 0 || (words = typed_words(pg)) == NULL)
		return (0);
	return (page_worrying(pg, words) == 1);
}

/*
 * 1 if this POST may go on; 0 after answering. A refused POST gets 403
 * and changes nothing, except where a young person's words are at stake:
 * sent from our own Raise a view form with a token that went stale (the
 * session ran out) they are never lost, so views_stale() answers that
 * one; worrying words from any of our forms are kept and reach a worker.
 */
int
guard_post(struct page *pg)
{
	const char	*sent, *words;
	int		 ours;

	sent = form_raw(&pg->form, "csrf");
	/* Sent from our own pages, as the browser says. */
	ours = !cross_site(pg) && same_site(pg);
	/* Sign out from a page older than the session (signed in again in
	 * another tab) still signs out: a refusal left a child signed in on
	 * a shared phone. Only from our own pages, as the browser says:
	 * another site cannot sign anyone out. */
	if (strcmp(pg->req->path, "/logout") == 0 && ours && sent != NULL)
		return (1);
	if (ours && sent != NULL &&
	    strcmp(pg->req->path, "/views/new") == 0 &&
	    (pg->csrf == NULL || !auth_equal(sent, pg->csrf))) {
		kore_log(LOG_NOTICE, "a stale form token on %s: the words "
		    "are kept", pg->req->path);
		(void)views_stale(pg);
		return (0);
	}
	/* The same for worrying words in a reply to an answer. */
	if (ours && sent != NULL &&
	    (pg->csrf == NULL || !auth_equal(sent, pg->csrf)) &&
	    answerback_stale(pg))
		return (0);
	if (cross_site(pg) || sent == NULL || pg->csrf == NULL ||
	    !auth_equal(sent, pg->csrf)) {
		kore_log(LOG_NOTICE, "refused a POST to %s without a valid "
		    "form token", pg->req->path);
		/* Worrying words on a consultation's answers reach a
		 * worker even so (consult.c). */
		if (ours &&
		    (!pg->signed_in || pg->sess.role == ROLE_YOUNG) &&
		    strncmp(pg->req->path, "/consultations/", 15) == 0 &&
		    consult_stale(pg))
			return (0);
		if (ours && (!pg->signed_in || pg->sess.role == ROLE_YOUNG)) {
			/* From any other form too. */
			if ((words = typed_words(pg)) != NULL &&
			    worry_kept_as_view(pg, words))
				return (0);
			if (pledge_check_stale(pg))
				return (0);
			guard_keep_words(pg);
		} else if (ours) {
			/* Staff still signed in, on a page open across a
			 * new sign-in: a young person's worrying words typed
			 * in from paper are saved as sent; any other words
			 * come back to copy. */
			if (paper_worry(pg)) {
				pg->stale_form = 1;
				return (1);
			}
			guard_keep_words(pg);
		} else if (!cross_site(pg))
			/* A browser that says nothing of where the form
			 * came from (an old one): the words come back to
			 * copy, never kept, as any site could have sent
			 * them. */
			guard_keep_words(pg);
		if (ours)
			say_signed_out(pg);
		(void)page_error(pg, 403);
		return (0);
	}
	return (1);
}

/*
 * The form token sent back in this POST, if it was issued to its sender
 * (a resend of the same form is then one view, not two); else NULL.
 */
const char *
guard_form_token(struct page *pg)
{
	const char	*v;

	if (pg->req->method != HTTP_METHOD_POST || pg->csrf == NULL)
		return (NULL);
	v = form_raw(&pg->form, "form_token");
	/*
	 * A form let through with a stale token (paper_worry()) carries a
	 * form token made for the old one, which cannot be checked. Taken
	 * as it is, so that sending it twice still makes one view: the key
	 * stored is the token with everything the form said (views.c), so
	 * a token planted by someone else could only ever match these very
	 * words.
	 */
	if (pg->stale_form)
		return (v != NULL && strlen(v) == AUTH_FORM_TOKEN_LEN - 1 ?
		    v : NULL);
	return (auth_form_token_ok(pg->csrf, v) ? v : NULL);
}
