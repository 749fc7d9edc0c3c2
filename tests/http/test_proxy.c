/*
 * test_proxy.c: the portal behind Debian's nginx as a TLS-terminating
 * reverse proxy, as most councils host it.
 *
 * The test makes a self-signed certificate (openssl), starts the portal
 * with PORTAL_TRUSTED_PROXIES=127.0.0.1 and nginx in front of it on
 * another free loopback port, both as children in their own temporary
 * folders, and always stops both. Clients connect from their own
 * loopback addresses (127.0.0.5, 127.0.0.6, ...), so nginx sees each as a
 * different client, as it would see people on the internet.
 */
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <netinet/in.h>

#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "harness.h"
#include "testutil.h"

static pid_t	 nginx_pid = -1;
static char	 ndir[64];		/* nginx's prefix, conf, pid, temp */
static char	 proxy_base[64];	/* https://127.0.0.1:PORT */

/* A browser on its own address: one curl handle keeps its cookies. */
struct peer {
	CURL		*h;
	char		 iface[32];	/* "host!127.0.0.5" */
	char		 base[64];	/* through nginx, or straight in */
};

static int
free_port(void)
{
	struct sockaddr_in	 sin;
	socklen_t		 len;
	int			 fd, port;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return (-1);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	len = sizeof(sin);
	port = -1;
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&sin, &len) == 0)
		port = ntohs(sin.sin_port);
	close(fd);
	return (port);
}

static int
write_nginx_conf(const char *path, int port, const char *upstream)
{
	FILE	*fp;

	if ((fp = fopen(path, "w")) == NULL)
		return (-1);
	fprintf(fp,
	    "daemon off;\n"
	    "master_process off;\n"
	    "pid %s/nginx.pid;\n"
	    "error_log %s/error.log info;\n"
	    "events { worker_connections 256; }\n"
	    "http {\n"
	    "  access_log %s/access.log;\n"
	    "  client_body_temp_path %s/body;\n"
	    "  proxy_temp_path %s/proxy;\n"
	    "  fastcgi_temp_path %s/fastcgi;\n"
	    "  uwsgi_temp_path %s/uwsgi;\n"
	    "  scgi_temp_path %s/scgi;\n"
	    "  server {\n"
	    "    listen 127.0.0.1:%d ssl;\n"
	    "    ssl_certificate %s/cert.pem;\n"
	    "    ssl_certificate_key %s/key.pem;\n"
	    "    location / {\n"
	    "      proxy_pass %s;\n"
	    "      proxy_set_header Host $http_host;\n"
	    "      proxy_set_header X-Forwarded-For "
	    "$proxy_add_x_forwarded_for;\n"
	    "      proxy_set_header X-Forwarded-Proto $scheme;\n"
	    "    }\n"
	    "  }\n"
	    "}\n", ndir, ndir, ndir, ndir, ndir, ndir, ndir, ndir, port, ndir,
	    ndir, upstream);
	return (fclose(fp) == 0 ? 0 : -1);
}

static void
show_file(const char *name)
{
	char	 path[128], line[512];
	FILE	*fp;

	(void)snprintf(path, sizeof(path), "%s/%s", ndir, name);
	if ((fp = fopen(path, "r")) == NULL)
		return;
	fprintf(stderr, "--- %s ---\n", path);
	while (fgets(line, sizeof(line), fp) != NULL)
		fputs(line, stderr);
	fclose(fp);
}

static int
remove_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return (remove(path));
}

/* Stop nginx (TERM, then KILL) and remove its folder. */
static void
nginx_stop(void)
{
	int	 i, status;

	if (nginx_pid > 0) {
		(void)kill(-nginx_pid, SIGTERM);
		for (i = 0; i < 100; i++) {
			if (waitpid(nginx_pid, &status, WNOHANG) == nginx_pid)
				break;
			usleep(50 * 1000);
		}
		if (i == 100) {
			(void)kill(-nginx_pid, SIGKILL);
			(void)waitpid(nginx_pid, &status, 0);
		}
		nginx_pid = -1;
	}
	if (getenv("PORTAL_SHOW_LOG") != NULL)
		show_file("error.log");
	if (ndir[0] != '\0' && strncmp(ndir, "/tmp/portal-nginx-", 18) == 0 &&
	    getenv("PORTAL_KEEP_TMP") == NULL)
		(void)nftw(ndir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
	ndir[0] = '\0';
}

/* A one-day self-signed certificate for 127.0.0.1, made here. */
static int
make_cert(void)
{
	char	 cmd[512];

	(void)snprintf(cmd, sizeof(cmd), "openssl req -x509 -newkey ec "
	    "-pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
	    "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 "
	    "-keyout %s/key.pem -out %s/cert.pem >%s/openssl.log 2>&1",
	    ndir, ndir, ndir);
	if (system(cmd) != 0) {
		show_file("openssl.log");
		return (-1);
	}
	return (0);
}

static int
nginx_ready(void)
{
	CURL	*h;
	char	 url[128];
	long	 st;
	int	 i;

	(void)snprintf(url, sizeof(url), "%s/health", proxy_base);
	for (i = 0; i < 100; i++) {
		if (waitpid(nginx_pid, NULL, WNOHANG) == nginx_pid) {
			nginx_pid = -1;
			return (-1);
		}
		if ((h = curl_easy_init()) == NULL)
			return (-1);
		curl_easy_setopt(h, CURLOPT_URL, url);
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
		curl_easy_setopt(h, CURLOPT_TIMEOUT, 5L);
		st = 0;
		if (curl_easy_perform(h) == CURLE_OK)
			curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &st);
		curl_easy_cleanup(h);
		if (st == 200)
			return (0);
		usleep(50 * 1000);
	}
	return (-1);
}

static int
nginx_start(void)
{
	char	 conf[128], log[128];
	int	 port, fd;

	(void)snprintf(ndir, sizeof(ndir), "/tmp/portal-nginx-XXXXXX");
	if (mkdtemp(ndir) == NULL)
		return (-1);
	(void)snprintf(conf, sizeof(conf), "%s/nginx.conf", ndir);
	(void)snprintf(log, sizeof(log), "%s/stderr.log", ndir);
	if ((port = free_port()) == -1 ||
	    write_nginx_conf(conf, port, harness_base()) == -1 ||
	    make_cert() == -1)
		return (-1);
	(void)snprintf(proxy_base, sizeof(proxy_base),
	    "https://127.0.0.1:%d", port);
	if ((nginx_pid = fork()) == -1)
		return (-1);
	if (nginx_pid == 0) {
		(void)setsid();
		/* Should this test die, nginx goes with it. */
		(void)prctl(PR_SET_PDEATHSIG, SIGTERM);
		if ((fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600)) !=
		    -1) {
			(void)dup2(fd, STDOUT_FILENO);
			(void)dup2(fd, STDERR_FILENO);
			close(fd);
		}
		execlp("nginx", "nginx", "-p", ndir, "-e", "stderr", "-c",
		    conf, (char *)NULL);
		_exit(127);
	}
	if (nginx_ready() == -1) {
		fprintf(stderr, "nginx did not start (is it installed? "
		    "make deps-test)\n");
		show_file("stderr.log");
		show_file("error.log");
		return (-1);
	}
	return (0);
}

static int
setup(void **state)
{
	(void)setenv("PORTAL_TRUSTED_PROXIES", "127.0.0.1", 1);
	if (group_setup_demo(state) != 0)
		return (-1);
	if (nginx_start() == -1) {
		nginx_stop();
		(void)group_teardown_server(state);
		return (-1);
	}
	return (0);
}

static int
teardown(void **state)
{
	nginx_stop();
	return (group_teardown_server(state));
}

static size_t
on_data(char *d, size_t size, size_t n, void *arg)
{
	buf_append(arg, d, size * n);
	return (size * n);
}

static void
peer_init(struct peer *p, const char *addr, int through_proxy)
{
	memset(p, 0, sizeof(*p));
	(void)snprintf(p->iface, sizeof(p->iface), "host!%s", addr);
	(void)snprintf(p->base, sizeof(p->base), "%s", through_proxy ?
	    proxy_base : harness_base());
	p->h = curl_easy_init();
	assert_non_null(p->h);
	/* Once: the cookie engine (each call adds to a list). Every
	 * request sets all the other options it uses. */
	curl_easy_setopt(p->h, CURLOPT_COOKIEFILE, "");
	curl_easy_setopt(p->h, CURLOPT_INTERFACE, p->iface);
	curl_easy_setopt(p->h, CURLOPT_SSL_VERIFYPEER, 0L);
	curl_easy_setopt(p->h, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(p->h, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(p->h, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(p->h, CURLOPT_HEADERFUNCTION, on_data);
}

static void
peer_free(struct peer *p)
{
	curl_easy_cleanup(p->h);
	p->h = NULL;
}

/* One request from p; extra headers end with NULL. Returns the status. */
static long
peer_request(struct peer *p, const char *path, const char *body,
    const char *const *extra, struct resp *r)
{
	struct curl_slist	*hdrs;
	char			 url[256];
	long			 st;

	resp_init(r);
	(void)snprintf(url, sizeof(url), "%s%s", p->base, path);
	hdrs = NULL;
	for (; extra != NULL && *extra != NULL; extra++)
		hdrs = curl_slist_append(hdrs, *extra);
	curl_easy_setopt(p->h, CURLOPT_URL, url);
	curl_easy_setopt(p->h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(p->h, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(p->h, CURLOPT_HEADERDATA, &r->headers);
	if (body != NULL)
		curl_easy_setopt(p->h, CURLOPT_POSTFIELDS, body);
	else
		curl_easy_setopt(p->h, CURLOPT_HTTPGET, 1L);
	st = -1;
	if (curl_easy_perform(p->h) == CURLE_OK)
		curl_easy_getinfo(p->h, CURLINFO_RESPONSE_CODE, &st);
	curl_easy_setopt(p->h, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(hdrs);
	r->status = st;
	return (st);
}

/*
 * The client's own X-Forwarded-For (one header line per line of xff) and
 * X-Forwarded-Proto: https, appended to hdrs at *n.
 */
static void
forwarded(const char **hdrs, size_t *n, const char *xff, char fwd[][128])
{
	const char	*nl;
	size_t		 i;

	if (xff == NULL)
		return;
	for (i = 0; i < 2 && *xff != '\0'; i++) {
		nl = strchr(xff, '\n');
		(void)snprintf(fwd[i], 128, "X-Forwarded-For: %.*s",
		    (int)(nl ? (size_t)(nl - xff) : strlen(xff)), xff);
		hdrs[(*n)++] = fwd[i];
		xff = nl ? nl + 1 : xff + strlen(xff);
	}
	hdrs[(*n)++] = "X-Forwarded-Proto: https";
}

static long
peer_get(struct peer *p, const char *path, const char *xff,
    struct resp *r)
{
	const char	*hdrs[4];
	char		 fwd[2][128];
	size_t		 n;

	n = 0;
	forwarded(hdrs, &n, xff, fwd);
	hdrs[n] = NULL;
	return (peer_request(p, path, NULL, hdrs, r));
}

/*
 * POST form to path with the hidden fields (csrf, form_token) of the form
 * on tokpage, and an Origin of origin_scheme://host:port of p's base. xff
 * (if not NULL) is sent as the client's own X-Forwarded-For.
 */
static long
peer_post(struct peer *p, const char *tokpage, const char *path,
    const char *form, const char *origin_scheme, const char *xff,
    struct resp *r)
{
	struct resp	 page;
	const char	*hdrs[6];
	char		 csrf[128], ftok[128], origin[128], fwd[2][128];
	char		 body[2048];
	size_t		 n;

	assert_true(peer_get(p, tokpage, xff, &page) == 200 ||
	    page.status == 429);
	assert_non_null(resp_between(&page, "name=\"csrf\" value=\"", "\"",
	    csrf, sizeof(csrf)));
	if (resp_between(&page, "name=\"form_token\" value=\"", "\"", ftok,
	    sizeof(ftok)) == NULL)
		ftok[0] = '\0';
	resp_free(&page);
	(void)snprintf(body, sizeof(body), "csrf=%s%s%s&%s", csrf,
	    ftok[0] ? "&form_token=" : "", ftok, form);
	(void)snprintf(origin, sizeof(origin), "Origin: %s%s", origin_scheme,
	    strchr(p->base, ':'));
	n = 0;
	hdrs[n++] = "Content-Type: application/x-www-form-urlencoded";
	hdrs[n++] = origin;
	forwarded(hdrs, &n, xff, fwd);
	hdrs[n] = NULL;
	return (peer_request(p, path, body, hdrs, r));
}

static long
peer_login(struct peer *p, const char *name, const char *pw,
    const char *xff)
{
	struct resp	 r;
	char		 form[256];
	long		 st;

	(void)snprintf(form, sizeof(form), "name=%s&", url_enc(name));
	(void)snprintf(form + strlen(form), sizeof(form) - strlen(form),
	    "password=%s", url_enc(pw));
	st = peer_post(p, "/login", "/login", form, "https", xff, &r);
	resp_free(&r);
	return (st);
}

/* The Set-Cookie line for cookie name (exactly), or NULL. */
static const char *
set_cookie(const struct resp *r, const char *name, char *out, size_t outlen)
{
	const char	*p, *eol, *end;
	size_t		 nlen;

	nlen = strlen(name);
	p = r->headers.data;
	end = p + r->headers.len;
	for (; p != NULL && p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		if ((size_t)(eol - p) < 12 + nlen ||
		    strncasecmp(p, "set-cookie: ", 12) != 0 ||
		    strncmp(p + 12, name, nlen) != 0 || p[12 + nlen] != '=')
			continue;
		(void)snprintf(out, outlen, "%.*s", (int)(eol - p - 12),
		    p + 12);
		out[strcspn(out, "\r")] = '\0';
		return (out);
	}
	return (NULL);
}

/* The cookies a browser gets over https are __Host- and Secure. */
static void
host_cookies_through_proxy(void **state)
{
	struct peer	 a;
	struct resp	 r;
	char		 c[512];
	long		 st;

	(void)state;
	peer_init(&a, "127.0.0.5", 1);
	assert_int_equal(peer_get(&a, "/login", NULL, &r), 200);
	assert_non_null(set_cookie(&r, "__Host-portal_csrf", c, sizeof(c)));
	assert_non_null(strstr(c, "; Secure"));
	assert_non_null(strstr(c, "; Path=/"));
	assert_null(strcasestr(c, "domain="));
	assert_null(set_cookie(&r, "portal_csrf", c, sizeof(c)));
	resp_free(&r);

	st = peer_post(&a, "/login", "/login", "name=Alex+Morgan&password="
	    "admin-demo-2026", "https", NULL, &r);
	assert_int_equal(st, 303);
	assert_non_null(set_cookie(&r, "__Host-portal", c, sizeof(c)));
	assert_non_null(strstr(c, "; Secure"));
	assert_non_null(strstr(c, "; HttpOnly"));
	assert_non_null(strstr(c, "; Path=/"));
	assert_null(strcasestr(c, "domain="));
	assert_null(set_cookie(&r, "portal", c, sizeof(c)));
	resp_free(&r);

	/* The browser sends it back: signed in. */
	assert_int_equal(peer_get(&a, "/account", NULL, &r), 200);
	assert_true(resp_has(&r, "Alex Morgan"));
	resp_free(&r);
	/* The portal saw the client's address, not nginx's. */
	assert_int_equal(count("SELECT count(*) FROM sessions s JOIN users u "
	    "ON u.id = s.user_id WHERE u.role = 'admin' AND "
	    "s.ip = '127.0.0.5'"), 1);
	assert_int_equal(count("SELECT count(*) FROM sessions WHERE ip = "
	    "'127.0.0.1'"), 0);
	peer_free(&a);
}

/* A view posted over https: the https Origin is our own. */
static void
post_view_through_proxy(void **state)
{
	struct peer	 y;
	struct resp	 r;
	char		 form[512];
	int64_t		 before;

	(void)state;
	peer_init(&y, "127.0.0.6", 1);
	assert_int_equal(peer_login(&y, "Jaden", "kite-river-42", NULL), 303);
	(void)snprintf(form, sizeof(form), "category=%lld&title=%s&body=%s&"
	    "publish=no", (long long)count("SELECT id FROM categories WHERE "
	    "key = 'leisure'"), url_enc("Through the proxy"),
	    url_enc("The youth club should open on Sundays."));
	before = count("SELECT count(*) FROM views");
	/* An http Origin is another origin than https://host. */
	assert_int_equal(peer_post(&y, "/views/new", "/views/new", form,
	    "http", NULL, &r), 403);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views"), before);
	assert_int_equal(peer_post(&y, "/views/new", "/views/new", form,
	    "https", NULL, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE title = "
	    "'Through the proxy'"), 1);
	peer_free(&y);
}

/*
 * One client's failures through the proxy slow that client only, even
 * when it claims the other's address in its own X-Forwarded-For.
 */
static void
throttle_per_client(void **state)
{
	struct peer	 a, b;
	long		 st;
	int		 i, throttled;

	(void)state;
	peer_init(&a, "127.0.0.7", 1);
	peer_init(&b, "127.0.0.8", 1);
	throttled = 0;
	for (i = 0; i < 8 && !throttled; i++) {
		st = peer_login(&a, "Cllr Sam Okafor", "not-the-password",
		    "127.0.0.8");
		assert_true(st > 0 && st != 303);
		throttled = st == 429;
	}
	assert_true(throttled);
	/* The councillor, elsewhere, is not slowed down: had the portal
	 * believed the forged hop, or seen everyone as nginx (127.0.0.1),
	 * the failures would be on this address too. */
	assert_int_equal(peer_login(&b, "Cllr Sam Okafor",
	    "councillor-demo-2026", NULL), 303);
	peer_free(&a);
	peer_free(&b);
}

/* Straight to the portal, X-Forwarded-* are anyone's words: ignored. */
static void
direct_forged_headers_ignored(void **state)
{
	struct peer	 d;
	struct resp	 r;
	char		 c[512];

	(void)state;
	peer_init(&d, "127.0.0.9", 0);
	assert_int_equal(peer_get(&d, "/login", "198.51.100.9", &r), 200);
	/* Plain HTTP, whatever X-Forwarded-Proto says. */
	assert_non_null(set_cookie(&r, "portal_csrf", c, sizeof(c)));
	assert_null(strstr(c, "Secure"));
	assert_null(set_cookie(&r, "__Host-portal_csrf", c, sizeof(c)));
	resp_free(&r);
	/* An https Origin is not ours here. */
	assert_int_equal(peer_post(&d, "/login", "/login", "name=Jaden&"
	    "password=kite-river-42", "https", "198.51.100.9", &r), 403);
	resp_free(&r);
	assert_int_equal(peer_post(&d, "/login", "/login", "name=Jaden&"
	    "password=kite-river-42", "http", "198.51.100.9", &r), 303);
	assert_non_null(set_cookie(&r, "portal", c, sizeof(c)));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM sessions WHERE ip = "
	    "'127.0.0.9'"), 1);
	assert_int_equal(count("SELECT count(*) FROM sessions WHERE ip = "
	    "'198.51.100.9'"), 0);
	peer_free(&d);
}

/*
 * A proxy that adds its own X-Forwarded-For line below the client's,
 * rather than appending to it: the lines are one list, read from the
 * right, so the client's line cannot name the client.
 */
static void
proxy_adding_a_line(void **state)
{
	struct peer	 px;
	struct resp	 r;

	(void)state;
	/* 127.0.0.1 is the trusted proxy here, talking to the portal. */
	peer_init(&px, "127.0.0.1", 0);
	assert_int_equal(peer_post(&px, "/login", "/login", "name=Priya+Shah&"
	    "password=worker-demo-2026", "https",
	    "198.51.100.20\n127.0.0.10", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM sessions WHERE ip = "
	    "'127.0.0.10'"), 1);
	assert_int_equal(count("SELECT count(*) FROM sessions WHERE ip = "
	    "'198.51.100.20'"), 0);
	peer_free(&px);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(host_cookies_through_proxy),
		cmocka_unit_test(post_view_through_proxy),
		cmocka_unit_test(throttle_per_client),
		cmocka_unit_test(direct_forged_headers_ignored),
		cmocka_unit_test(proxy_adding_a_line),
	};

	return (cmocka_run_group_tests_name("proxy", tests, setup,
	    teardown));
}
