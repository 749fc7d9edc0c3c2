/*
 * testutil.h: what the HTTP test files share beyond the harness: a
 * printf-style count from the test database that fails the test on error,
 * a POST answered with the help page, and signing in the demo council's
 * people. Header-only, for cmocka's
 * assertions.
 *
 * Most test files are a group over the demo council, with one client per
 * person signed in once by demo_group_setup: young, worker, cllr, admin,
 * and anon, who is no one.
 */
#ifndef PORTAL_TESTUTIL_H
#define PORTAL_TESTUTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static int64_t __attribute__((format(printf, 1, 2), unused))
count(const char *fmt, ...)
{
	char	 sql[1024];
	va_list	 ap;
	int64_t	 n;

	va_start(ap, fmt);
	(void)vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	n = db_count(sql);
	assert_true(n >= 0);
	return (n);
}

/*
 * Jaden signs in as c and opens page (its form token into csrf); then
 * the browser forgets the session, as a closed browser does: its row is
 * gone, so it has not merely run out.
 */
static void __attribute__((unused))
session_forgotten(struct client *c, const char *page, char *csrf,
    size_t len)
{
	memset(c, 0, sizeof(*c));
	assert_int_equal(client_login(c, "Jaden", "kite-river-42"), 303);
	assert_int_equal(client_csrf(c, page, csrf, len), 0);
	assert_int_equal(db_run("DELETE FROM sessions WHERE id = "
	    "(SELECT max(id) FROM sessions)"), 0);
}

/*
 * Close the concern at path as c would from its page just loaded: the
 * page's length of its words (seen) goes with rest ("action=...").
 */
static long __attribute__((unused))
close_concern_as(struct client *c, const char *path, const char *rest,
    struct resp *r)
{
	struct resp	 page;
	char		 seen[24], *form;
	long		 status;

	resp_init(&page);
	assert_int_equal(http_get(c, path, &page), 0);
	if (resp_between(&page, "name=\"seen\" value=\"", "\"", seen,
	    sizeof(seen)) == NULL)
		seen[0] = '\0';
	resp_free(&page);
	if (asprintf(&form, "do=close&seen=%s&%s", seen, rest) == -1)
		fail();
	status = client_post(c, path, path, form, r);
	free(form);
	return (status);
}

/* How often needle occurs in r's body. */
static int __attribute__((unused))
resp_count(const struct resp *r, const char *needle)
{
	const char	*p;
	int		 n;

	n = 0;
	for (p = buf_cstr((struct buf *)&r->body);
	    (p = strstr(p, needle)) != NULL; p++)
		n++;
	return (n);
}

/* POST the form body to path as c: answered with the help page (200),
 * as worrying words are. */
static void __attribute__((unused))
post_gets_help(struct client *c, const char *path, const char *body)
{
	struct resp	 r;

	resp_init(&r);
	assert_int_equal(http_post_form(c, path, body, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "We are here to help"));
	resp_free(&r);
}

/*
 * No table cell on a board report holds a count from 1 to 4, leaving out
 * the counts of answers and actions: the council's own work, each listed
 * by name, and so shown in full.
 */
static void __attribute__((unused))
assert_no_small_people_cells(const struct resp *r)
{
	static const char *const work[][2] = {
		{ "<h2 id=\"answers\">", "<h2 id=\"late\">" },
		{ "<h2 id=\"actions\">", "<h2 id=\"consultations\">" },
		{ "<h2>Did councillors answer on time?</h2>", "<h2>What the "
		    "board was asked" },
	};
	char	*body, *a, *b, cell[32];
	size_t	 i;
	int	 n;

	body = strndup(r->body.data != NULL ? r->body.data : "", r->body.len);
	assert_non_null(body);
	for (i = 0; i < sizeof(work) / sizeof(work[0]); i++)
		if ((a = strstr(body, work[i][0])) != NULL &&
		    (b = strstr(a, work[i][1])) != NULL)
			memmove(a, b, strlen(b) + 1);
	for (n = 1; n < 5; n++) {
		(void)snprintf(cell, sizeof(cell), "<td>%d</td>", n);
		if (strstr(body, cell) != NULL)
			fail_msg("a small count %s on a board report", cell);
	}
	free(body);
}

/* Sign in each demo person whose client is given (NULL: skip). */
static int __attribute__((unused))
demo_sign_in(struct client *young, struct client *worker,
    struct client *cllr, struct client *admin)
{
	struct {
		struct client	*c;
		const char	*name, *pw;
	} who[] = {
		{ young, "Jaden", "kite-river-42" },
		{ worker, "Priya Shah", "worker-demo-2026" },
		{ cllr, "Cllr Sam Okafor", "councillor-demo-2026" },
		{ admin, "Alex Morgan", "admin-demo-2026" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(who) / sizeof(who[0]); i++) {
		if (who[i].c == NULL)
			continue;
		memset(who[i].c, 0, sizeof(*who[i].c));
		if (client_login(who[i].c, who[i].name, who[i].pw) != 303)
			return (-1);
	}
	return (0);
}

static struct client	 young __attribute__((unused));
static struct client	 worker __attribute__((unused));
static struct client	 cllr __attribute__((unused));
static struct client	 admin __attribute__((unused));
static struct client	 anon __attribute__((unused));

/*
 * "action=approve&version=..." with the version of the answer the worker
 * reads on ipath now, as the page's own Approve button sends it.
 */
static __attribute__((unused)) const char *
approve_form(const char *ipath, char *out, size_t outlen)
{
	struct resp	 r;
	char		 version[64];

	resp_init(&r);
	assert_int_equal(http_get(&worker, ipath, &r), 0);
	if (resp_between(&r, "name=\"version\" value=\"", "\"", version,
	    sizeof(version)) == NULL)
		version[0] = '\0';
	resp_free(&r);
	(void)snprintf(out, outlen, "action=approve&version=%s", version);
	return (out);
}

static int __attribute__((unused))
demo_group_setup(void **state)
{
	if (group_setup_demo(state) != 0)
		return (-1);
	memset(&anon, 0, sizeof(anon));
	return (demo_sign_in(&young, &worker, &cllr, &admin));
}

#endif
