/*
 * health.c: /health, a fixed answer for load balancers and monitoring
 * ("is the server up?"). It touches no database, which also makes it the
 * ceiling the benchmark compares every page with.
 */
#include "app.h"

int
page_health(struct http_request *req)
{
	static const char	 ok[] = "ok\n";

	http_security_headers(req, 0);
	http_response_header(req, "content-type", "text/plain; charset=utf-8");
	http_response_header(req, "cache-control", "no-store");
	http_response(req, 200, ok, sizeof(ok) - 1);
	return (KORE_RESULT_OK);
}
