/*
 * test_fields.c: every field of every form, as every role that sees the
 * form, sent missing, empty, holding a NUL byte, 64 KiB long and as
 * invalid UTF-8. Each answer must be a page (a status below 500 with a
 * body, or a redirect): never a dropped connection, a 5xx or a worker
 * that died (the server's log is read after each role).
 *
 * The forms are found by browsing, not listed by hand: each role's pages
 * are crawled from its menu, so a new form is covered the day it ships.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"

#define PAGES_MAX	120
#define FIELDS_MAX	40
#define SEEN_MAX	400

struct field {
	char	 name[64];
	char	 value[256];	/* urlencoded */
};

struct found_form {
	char		 action[256];
	struct field	 fields[FIELDS_MAX];
	size_t		 n;
};

/* What a field is replaced by; NULL: the field is left out. */
static const char *const variant_names[] = {
	"missing", "empty", "NUL", "64 KiB", "invalid UTF-8",
};

static char	 big[64 * 1024 - 600];	/* the body stays under the limit */
static char	 seen[SEEN_MAX][320];
static size_t	 nseen;
static long	 sent;
static long	 nforms;

static const char *const seeds[] = {
	"/", "/account", "/account/data", "/views", "/views/new", "/track",
	"/notifications", "/moderation", "/moderation/comments", "/issues",
	"/my-issues", "/you-said-we-did", "/pledge", "/pledge/check",
	"/pledge/manage", "/pledge/manage/promise", "/my-pledges",
	"/councillors", "/meetings", "/accounts", "/admin/settings",
	"/admin/safeguarding", "/admin/holidays", "/admin/audit",
	"/reports/board", "/join", "/login", "/safeguarding",
	"/consultations", "/consultations/manage", "/we-asked",
	"/actions",
	"/start", "/welcome",
};

/* Digits folded, so /issues/3 and /issues/4 count as one page. */
static void
pattern(const char *s, char *out, size_t outlen)
{
	size_t	 o;

	for (o = 0; *s != '\0' && o + 1 < outlen; s++) {
		if (isdigit((unsigned char)*s)) {
			while (isdigit((unsigned char)s[1]))
				s++;
			out[o++] = '#';
		} else
			out[o++] = *s;
	}
	out[o] = '\0';
}

/* 1 the first time key is seen. */
static int
first_time(const char *key)
{
	size_t	 i;

	for (i = 0; i < nseen; i++)
		if (strcmp(seen[i], key) == 0)
			return (0);
	if (nseen == SEEN_MAX)
		return (0);
	(void)snprintf(seen[nseen++], sizeof(seen[0]), "%s", key);
	return (1);
}

/* The value of attr="..." inside tag [p, end), HTML entities undone. */
static int
attr(const char *p, const char *end, const char *name, char *out,
    size_t outlen)
{
	char		 pat[40];
	const char	*v, *q;
	size_t		 o;

	(void)snprintf(pat, sizeof(pat), " %s=\"", name);
	for (v = p; (v = strstr(v, pat)) != NULL && v < end; v++) {
		v += strlen(pat);
		for (o = 0, q = v; *q != '"' && q < end && o + 1 < outlen;
		    q++) {
			if (strncmp(q, "&amp;", 5) == 0) {
				out[o++] = '&';
				q += 4;
			} else
				out[o++] = *q;
		}
		out[o] = '\0';
		return (1);
	}
	return (0);
}

/* Add the named control at [p, end) to f, once per name. */
static void
add_control(struct found_form *f, const char *p, const char *end)
{
	char	 name[64], value[256];
	size_t	 i;

	if (!attr(p, end, "name", name, sizeof(name)))
		return;
	for (i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return;
	if (f->n == FIELDS_MAX)
		return;
	if (!attr(p, end, "value", value, sizeof(value)))
		value[0] = '\0';
	(void)snprintf(f->fields[f->n].name, sizeof(f->fields[0].name), "%s",
	    name);
	(void)snprintf(f->fields[f->n].value, sizeof(f->fields[0].value),
	    "%s", url_enc(value));
	f->n++;
}

/* A select sends its first option, as a browser does untouched. */
static void
add_select(struct found_form *f, const char *p, const char *end)
{
	const char	*opt, *close, *oend;
	char		 v[256];
	size_t		 n;

	n = f->n;
	add_control(f, p, end);
	if (f->n == n || (close = strstr(p, "</select>")) == NULL ||
	    (opt = strstr(p, "<option")) == NULL || opt > close ||
	    (oend = strchr(opt, '>')) == NULL ||
	    !attr(opt, oend, "value", v, sizeof(v)))
		return;
	(void)snprintf(f->fields[n].value, sizeof(f->fields[0].value), "%s",
	    url_enc(v));
}

/* Parse one <form method="post" ...> ... </form> starting at p. */
static int
parse_form(const char *p, struct found_form *f)
{
	const char	*end, *close, *tag, *tend;

	memset(f, 0, sizeof(*f));
	if ((end = strchr(p, '>')) == NULL)
		return (-1);
	if (!attr(p, end, "action", f->action, sizeof(f->action)))
		return (-1);
	if ((close = strstr(end, "</form>")) == NULL)
		return (-1);
	for (tag = end; (tag = strchr(tag, '<')) != NULL && tag < close;
	    tag++) {
		if ((tend = strchr(tag, '>')) == NULL)
			break;
		if (strncmp(tag, "<input", 6) == 0 ||
		    strncmp(tag, "<textarea", 9) == 0 ||
		    strncmp(tag, "<button", 7) == 0)
			add_control(f, tag, tend);
		else if (strncmp(tag, "<select", 7) == 0)
			add_select(f, tag, tend);
	}
	return (0);
}

/* The body with field i replaced by variant v (-1: every field as is). */
static void
build_body(const struct found_form *f, int i, int v, struct buf *b)
{
	size_t	 k;

	for (k = 0; k < f->n; k++) {
		if ((int)k == i && v == 0)
			continue;	/* missing */
		if (b->len > 0)
			buf_append(b, "&", 1);
		buf_appendf(b, "%s=", f->fields[k].name);
		if ((int)k != i)
			buf_appendf(b, "%s", f->fields[k].value);
		else if (v == 2)
			buf_appendf(b, "a%%00b");
		else if (v == 3)
			buf_appendf(b, "%s", big);
		else if (v == 4)
			buf_appendf(b, "ok%%C3%%28%%FF%%FEend");
	}
}

/* Send every variant of every field of f; fail on anything not a page. */
static void
hammer(struct client *c, const char *role, const struct found_form *f)
{
	struct resp	 r;
	struct buf	 body;
	size_t		 i;
	long		 status;
	int		 v, rc, bad;

	for (i = 0; i < f->n; i++) {
		for (v = 0; v < 5; v++) {
			buf_init(&body, 1024);
			build_body(f, (int)i, v, &body);
			resp_init(&r);
			rc = http_post_form(c, f->action, buf_cstr(&body), &r);
			sent++;
			bad = rc != 0 || r.status >= 500 || r.status < 200 ||
			    (r.status != 303 && r.status != 302 &&
			    r.status != 413 && r.body.len == 0);
			status = r.status;
			resp_free(&r);
			buf_free(&body);
			if (bad)
				fail_msg("%s: POST %s with %s %s: status %ld "
				    "(rc %d)", role, f->action, f->fields[i].name,
				    variant_names[v], status, rc);
		}
	}
}

/* Queue the same-site links on a page, each pattern once per role. */
static void
collect_links(struct resp *r, const char *role, char pages[][256],
    size_t *npages)
{
	const char	*p, *q;
	char		 href[256], key[320], pat[256];
	size_t		 n;

	for (p = buf_cstr(&r->body); (p = strstr(p, "href=\"/")) != NULL;
	    p++) {
		p += 6;
		if ((q = strchr(p, '"')) == NULL || (n = (size_t)(q - p)) >=
		    sizeof(href))
			continue;
		memcpy(href, p, n);
		href[n] = '\0';
		if (strncmp(href, "/assets/", 8) == 0 ||
		    strstr(href, ".csv") != NULL ||
		    strstr(href, ".json") != NULL ||
		    strstr(href, "&amp;") != NULL)
			continue;
		pattern(href, pat, sizeof(pat));
		(void)snprintf(key, sizeof(key), "%s page %s", role, pat);
		if (*npages < PAGES_MAX && first_time(key))
			(void)snprintf(pages[(*npages)++], 256, "%s", href);
	}
}

/* Crawl as c, and hammer each form the first time it is seen. */
static void
crawl(struct client *c, const char *role, const char *name,
    const char *pw)
{
	static char		 pages[PAGES_MAX][256];
	struct found_form	 f;
	struct resp		 r;
	const char		*p;
	char			 key[320], pat[256];
	size_t			 npages, next, i, k;

	npages = 0;
	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		(void)snprintf(key, sizeof(key), "%s page %s", role, seeds[i]);
		if (first_time(key))
			(void)snprintf(pages[npages++], 256, "%s", seeds[i]);
	}
	for (next = 0; next < npages; next++) {
		resp_init(&r);
		if (http_get(c, pages[next], &r) != 0 || r.status != 200) {
			resp_free(&r);
			continue;
		}
		if (getenv("FIELDS_DEBUG")) print_message("%s %s\n", role, pages[next]);
		collect_links(&r, role, pages, &npages);
		for (p = buf_cstr(&r.body);
		    (p = strstr(p, "<form method=\"post\"")) != NULL; p++) {
			if (parse_form(p, &f) == -1)
				continue;
			pattern(f.action, pat, sizeof(pat));
			(void)snprintf(key, sizeof(key), "%s form %s", role, pat);
			for (k = 0; k < f.n; k++)
				if (strcmp(f.fields[k].name, "action") == 0)
					(void)snprintf(key + strlen(key),
					    sizeof(key) - strlen(key), " %s",
					    f.fields[k].value);
			if (!first_time(key))
				continue;
			nforms++;
			hammer(c, role, &f);
			/* A variant may have ended the session: sign in again. */
			if (name != NULL && client_status(c, "/account") != 200) {
				memset(c, 0, sizeof(*c));
				assert_int_equal(client_login(c, name, pw), 303);
			}
		}
		resp_free(&r);
	}
	print_message("%s: %zu pages crawled; %ld forms, %ld posts so far\n",
	    role, npages, nforms, sent);
	assert_true(npages > 3);
	assert_int_equal(harness_log_trouble(), 0);
}

static void
every_field_as_anyone(void **state)
{
	(void)state;
	crawl(&anon, "anon", NULL, NULL);
}

static void
every_field_as_young(void **state)
{
	(void)state;
	crawl(&young, "young", "Jaden", "kite-river-42");
}

static void
every_field_as_worker(void **state)
{
	struct resp	 r;

	(void)state;
	/* A meeting and a draft Pledge, so their forms are found too. */
	assert_int_equal(client_post(&worker, "/meetings", "/meetings",
	    "title=Fields+meeting&date=2099-12-05&time=17%3A30&place=Hall",
	    &r), 303);
	resp_free(&r);
	assert_int_equal(client_post(&worker, "/pledge/manage",
	    "/pledge/manage", "action=new", &r), 303);
	resp_free(&r);
	crawl(&worker, "worker", "Priya Shah", "worker-demo-2026");
}

static void
every_field_as_councillor(void **state)
{
	(void)state;
	crawl(&cllr, "councillor", "Cllr Sam Okafor", "councillor-demo-2026");
}

static void
every_field_as_admin(void **state)
{
	(void)state;
	crawl(&admin, "admin", "Alex Morgan", "admin-demo-2026");
}

/* The reported request: %00 as the current password kills no worker. */
static void
nul_current_password_is_a_page(void **state)
{
	struct resp	 r;
	long		 st;

	(void)state;
	st = client_post(&young, "/account", "/account/name",
	    "new_name=Jay&current=%00", &r);
	assert_int_equal(st, 422);
	assert_true(resp_has(&r, "That password is not right"));
	resp_free(&r);
	st = client_post(&young, "/account", "/account/password",
	    "current_pw=%00&new_password=x&new_password2=x", &r);
	assert_int_equal(st, 422);
	resp_free(&r);
	assert_int_equal(client_status(&young, "/health"), 200);
	assert_int_equal(harness_log_trouble(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nul_current_password_is_a_page),
		cmocka_unit_test(every_field_as_anyone),
		cmocka_unit_test(every_field_as_young),
		cmocka_unit_test(every_field_as_worker),
		cmocka_unit_test(every_field_as_councillor),
		cmocka_unit_test(every_field_as_admin),
	};

	memset(big, 'a', sizeof(big) - 1);
	return (cmocka_run_group_tests(tests, demo_group_setup,
	    group_teardown_server));
}
