/*
 * test_site.c: the page shell over real HTTP: home page, security headers,
 * styled 404 and 405 pages, the body limit and assets.
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

static void
assert_security_headers(const struct resp *r, int is_page)
{
	char	 v[512];

	assert_non_null(resp_header(r, "content-security-policy", v,
	    sizeof(v)));
	assert_non_null(strstr(v, "default-src 'self'"));
	assert_non_null(strstr(v, "object-src 'none'"));
	assert_non_null(strstr(v, "base-uri 'none'"));
	assert_non_null(strstr(v, "frame-ancestors 'none'"));
	assert_null(strstr(v, "unsafe-inline"));
	assert_string_equal(resp_header(r, "x-content-type-options", v,
	    sizeof(v)), "nosniff");
	assert_string_equal(resp_header(r, "referrer-policy", v, sizeof(v)),
	    "same-origin");
	assert_null(resp_header(r, "strict-transport-security", v,
	    sizeof(v)));
	if (is_page) {
		assert_string_equal(resp_header(r, "cache-control", v,
		    sizeof(v)), "no-store");
		assert_string_equal(resp_header(r, "content-type", v,
		    sizeof(v)), "text/html; charset=utf-8");
	}
}

static void
home_page(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(NULL, "/", &r), 0);
	assert_int_equal(r.status, 200);
	assert_security_headers(&r, 1);
	assert_true(resp_has(&r, "<!doctype html>"));
	assert_true(resp_has(&r, "Have your say"));
	assert_true(resp_has(&r, "Skip to main content"));
	assert_true(resp_has(&r, "<main id=\"main\""));
	assert_true(resp_has(&r, "Childline"));
	assert_true(resp_has(&r, "0800 1111"));
	/* Settings reach the layout: a fresh database has the defaults. */
	assert_true(resp_has(&r, "Our council"));
	assert_true(resp_has(&r, "/assets/site.css?v="));
	resp_free(&r);
}

static void
head_has_no_body(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_request(NULL, "HEAD", "/", NULL, 0, NULL, &r),
	    0);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.body.len, 0);
	assert_security_headers(&r, 1);
	resp_free(&r);
}

static void
unknown_path_is_styled_404(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(NULL, "/no/such/page", &r), 0);
	assert_int_equal(r.status, 404);
	assert_security_headers(&r, 1);
	assert_true(resp_has(&r, "We can&#39;t find that page"));
	assert_true(resp_has(&r, "/assets/site.css"));
	assert_true(resp_has(&r, "Go to the home page"));
	resp_free(&r);
}

static void
wrong_method_is_styled_405(void **state)
{
	struct resp	 r;
	char		 v[64];

	(void)state;
	resp_init(&r);
	assert_int_equal(http_post_form(NULL, "/", "a=b", &r), 0);
	assert_int_equal(r.status, 405);
	assert_string_equal(resp_header(&r, "allow", v, sizeof(v)),
	    "GET, HEAD");
	assert_security_headers(&r, 1);
	assert_true(resp_has(&r, "used like that"));
	resp_free(&r);
}

static void
body_over_limit_is_413(void **state)
{
	struct resp	 r;
	const char	*hdrs[] = {
	    "Content-Type: application/x-www-form-urlencoded", NULL };
	char		*big;
	size_t		 n = 1024 * 1024 + 1;

	(void)state;
	big = malloc(n);
	assert_non_null(big);
	memset(big, 'a', n);
	resp_init(&r);
	assert_int_equal(http_request(NULL, "POST", "/", big, n, hdrs, &r), 0);
	assert_int_equal(r.status, 413);
	resp_free(&r);
	free(big);
}

static void
assets_have_types_and_caching(void **state)
{
	struct resp	 r, again;
	char		 etag[64], v[128], inm[96];
	const char	*hdrs[2];

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(NULL, "/assets/site.css", &r), 0);
	assert_int_equal(r.status, 200);
	assert_string_equal(resp_header(&r, "content-type", v, sizeof(v)),
	    "text/css; charset=utf-8");
	assert_security_headers(&r, 0);
	assert_true(resp_has(&r, ":focus-visible"));
	assert_non_null(resp_header(&r, "etag", etag, sizeof(etag)));

	(void)snprintf(inm, sizeof(inm), "If-None-Match: %s", etag);
	hdrs[0] = inm;
	hdrs[1] = NULL;
	resp_init(&again);
	assert_int_equal(http_request(NULL, "GET", "/assets/site.css", NULL,
	    0, hdrs, &again), 0);
	assert_int_equal(again.status, 304);
	assert_int_equal(again.body.len, 0);
	resp_free(&again);
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(http_get(NULL, "/assets/favicon.svg", &r), 0);
	assert_int_equal(r.status, 200);
	assert_string_equal(resp_header(&r, "content-type", v, sizeof(v)),
	    "image/svg+xml");
	resp_free(&r);

	resp_init(&r);
	assert_int_equal(http_get(NULL, "/assets/missing.css", &r), 0);
	assert_int_equal(r.status, 404);
	assert_security_headers(&r, 1);
	resp_free(&r);
}

static void
health_is_a_fixed_answer(void **state)
{
	struct resp	 r;
	char		 v[64];

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(NULL, "/health", &r), 0);
	assert_int_equal(r.status, 200);
	assert_string_equal(buf_cstr(&r.body), "ok\n");
	assert_string_equal(resp_header(&r, "content-type", v, sizeof(v)),
	    "text/plain; charset=utf-8");
	assert_security_headers(&r, 0);
	resp_free(&r);
}

static void
path_tricks_do_not_escape_assets(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(NULL, "/assets/..%2fkore.conf", &r), 0);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(NULL, "/assets/../kore.conf", &r), 0);
	assert_true(r.status == 404 || r.status == 400);
	assert_false(resp_has(&r, "load ./"));
	resp_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(home_page),
		cmocka_unit_test(head_has_no_body),
		cmocka_unit_test(unknown_path_is_styled_404),
		cmocka_unit_test(wrong_method_is_styled_405),
		cmocka_unit_test(body_over_limit_is_413),
		cmocka_unit_test(assets_have_types_and_caching),
		cmocka_unit_test(health_is_a_fixed_answer),
		cmocka_unit_test(path_tricks_do_not_escape_assets),
	};

	return (cmocka_run_group_tests_name("http_site", tests,
	    group_setup_server, group_teardown_server));
}
