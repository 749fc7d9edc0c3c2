/*
 * page.c: the life of a page: method check, render into the layout,
 * security headers, styled error pages.
 *
 * Every response the portal writes goes through http_security_headers();
 * only the few errors Kore answers before a handler runs (400, 413, 414)
 * are Kore's own.
 */
#include <string.h>

#include "app.h"
#include "settings.h"

static const struct {
	int		 status;
	const char	*title;
	const char	*message;
} error_texts[] = {
	{ 400, "Something in that request was not right",
	    "Please go back and try again." },
	{ 403, "That did not work",
	    "The form may have been open too long. Please go back, reload "
	    "the page and try again." },
	{ 404, "We can't find that page",
	    "The page may have moved, or the address may be wrong. If you "
	    "followed a link here, it may be out of date." },
	{ 405, "That page can't be used like that",
	    "Please go back and use the links and buttons on the page." },
	{ 429, "Please wait a moment",
	    "There have been too many tries. Please wait a minute and try "
	    "again." },
	{ 500, "Something went wrong on our side",
	    "It is not your fault. Please try again in a few minutes. "
	    "Nothing you sent has been half-saved." },
	{ 503, "The portal is busy",
	    "Please try again in a few minutes." },
};

void
http_security_headers(struct http_request *req, int is_page)
{
	http_response_header(req, "content-security-policy",
	    "default-src 'self'; object-src 'none'; base-uri 'none'; "
	    "frame-ancestors 'none'; form-action 'self'");
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "referrer-policy", "same-origin");
	http_response_header(req, "x-frame-options", "DENY");
	http_response_header(req, "cross-origin-opener-policy",
	    "same-origin");
	http_response_header(req, "permissions-policy",
	    "camera=(), microphone=(), geolocation=()");
	if (is_page) {
		http_response_header(req, "cache-control", "no-store");
		http_response_header(req, "content-type",
		    "text/html; charset=utf-8");
	}
}

/*
 * Start a page. Returns 1 to go on, 0 when the request has already been
 * answered (wrong method). HEAD is served as GET; Kore drops the body.
 */
int
page_begin(struct page *pg, struct http_request *req, int allow)
{
	memset(pg, 0, sizeof(*pg));
	pg->req = req;
	arena_init(&pg->arena);
	pg->ctx = tv_map(&pg->arena);

	if (req->method == HTTP_METHOD_GET || req->method == HTTP_METHOD_HEAD) {
		if (allow & ALLOW_GET)
			return (1);
	} else if (req->method == HTTP_METHOD_POST) {
		if (allow & ALLOW_POST)
			return (1);
	}
	http_response_header(req, "allow", (allow & ALLOW_GET) ?
	    ((allow & ALLOW_POST) ? "GET, HEAD, POST" : "GET, HEAD") : "POST");
	(void)page_error(pg, 405);
	return (0);
}

void
page_end(struct page *pg)
{
	arena_free(&pg->arena);
}

static void
layout_data(struct page *pg)
{
	struct tval	*c = pg->ctx;

	tv_set_str(c, "council_name", settings_text(app_db, &pg->arena,
	    "council_name", "Our council"));
	tv_set_str(c, "cicc_name", settings_text(app_db, &pg->arena,
	    "cicc_name", "Children in Care Council"));
	tv_set_str(c, "title", pg->title ? pg->title : "Welcome");
	tv_set_str(c, "css_version", assets_version("site.css"));
}

/* Render template tmpl inside the layout and send it. Ends the page. */
int
page_render(struct page *pg, int status, const char *tmpl)
{
	struct buf	 body, html;

	buf_init(&body, 4096);
	buf_init(&html, 8192);
	layout_data(pg);
	if (tmpl_render(app_templates, tmpl, pg->ctx, &body) == -1) {
		kore_log(LOG_ERR, "no template named %s", tmpl);
		buf_free(&body);
		buf_free(&html);
		return (page_error(pg, 500));
	}
	tv_set(pg->ctx, "body", tv_strn(&pg->arena, body.data, body.len));
	(void)tmpl_render(app_templates, "layout", pg->ctx, &html);
	http_security_headers(pg->req, 1);
	http_response(pg->req, status, html.data, html.len);
	buf_free(&body);
	buf_free(&html);
	page_end(pg);
	return (KORE_RESULT_OK);
}

/* A styled error page for status. Ends the page. */
int
page_error(struct page *pg, int status)
{
	size_t	 i;

	for (i = 0; i < sizeof(error_texts) / sizeof(error_texts[0]); i++)
		if (error_texts[i].status == status)
			break;
	if (i == sizeof(error_texts) / sizeof(error_texts[0]))
		i = 0;
	pg->title = error_texts[i].title;
	tv_set_int(pg->ctx, "status", status);
	tv_set_str(pg->ctx, "heading", error_texts[i].title);
	tv_set_str(pg->ctx, "message", error_texts[i].message);
	return (page_render(pg, status, "error"));
}

/* The last route in kore.conf: anything no other route claimed. */
int
page_not_found(struct http_request *req)
{
	struct page	 pg;

	memset(&pg, 0, sizeof(pg));
	pg.req = req;
	arena_init(&pg.arena);
	pg.ctx = tv_map(&pg.arena);
	return (page_error(&pg, 404));
}
