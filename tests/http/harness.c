/*
 * harness.c: the real server for HTTP tests (see harness.h).
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "db.h"
#include "harness.h"
#include "release.h"

static pid_t	 server_pid = -1;
static char	 tmpdir[256];
static char	 base_url[64];
static int	 server_port;
static char	 db_path[320];
static char	 build_dir[256];

/*
 * Binds a loopback socket to port (0: any) as Kore does, with
 * SO_REUSEADDR. Returns the port bound, or -1 while it is taken.
 */
static int
bind_loopback(int port)
{
	struct sockaddr_in	 sin;
	socklen_t		 len;
	int			 fd, on = 1;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return (-1);
	(void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons((uint16_t)port);
	len = sizeof(sin);
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) == -1) {
		close(fd);
		return (-1);
	}
	port = ntohs(sin.sin_port);
	close(fd);
	return (port);
}

/* kore.conf with our port, pidfile and build folder swapped in. */
static int
write_conf(const char *path, int port)
{
	FILE	*in, *out;
	char	 line[1024];

	if ((in = fopen("kore.conf", "r")) == NULL)
		return (-1);
	if ((out = fopen(path, "w")) == NULL) {
		fclose(in);
		return (-1);
	}
	while (fgets(line, sizeof(line), in) != NULL) {
		if (strstr(line, "bind 127.0.0.1 8888") != NULL)
			fprintf(out, "\tbind 127.0.0.1 %d\n", port);
		else if (strncmp(line, "load ", 5) == 0)
			fprintf(out, "load ./%s/portal.so\n", build_dir);
		else if (strncmp(line, "pidfile", 7) == 0)
			fprintf(out, "pidfile %s/kore.pid\n", tmpdir);
		/* A worker keeps Kore's accept lock until it is busy; with
		 * one connection each, sequential requests reach both. */
		else if (strncmp(line, "worker_max_connections", 22) == 0 &&
		    getenv("PORTAL_TEST_MAX_CONNECTIONS") != NULL)
			fprintf(out, "worker_max_connections %s\n",
			    getenv("PORTAL_TEST_MAX_CONNECTIONS"));
		else
			fputs(line, out);
	}
	fclose(in);
	return (fclose(out) == 0 ? 0 : -1);
}

/* Run portalctl against the test database; its output goes to out. */
int
harness_ctl(const char *args, char *out, size_t outlen)
{
	char	 cmd[1024];
	FILE	*fp;
	size_t	 n;

	(void)snprintf(cmd, sizeof(cmd), "PORTAL_DB='%s' ./%s/portalctl %s "
	    "2>&1", db_path, build_dir, args);
	if ((fp = popen(cmd, "r")) == NULL)
		return (-1);
	n = out ? fread(out, 1, outlen - 1, fp) : 0;
	if (out)
		out[n] = '\0';
	else
		while (fgetc(fp) != EOF)
			;
	return (pclose(fp));
}

static int
wait_ready(void)
{
	struct resp	 r;
	struct client	 c;
	int		 i, status;

	memset(&c, 0, sizeof(c));
	/* Up to about 30 s: a sanitized server on a busy machine is slow to
	 * start, and a restart that gives up too soon fails a test. */
	for (i = 0; i < 600; i++) {
		if (waitpid(server_pid, &status, WNOHANG) == server_pid) {
			server_pid = -1;
			return (-1);
		}
		resp_init(&r);
		if (http_get(&c, "/", &r) == 0 && r.status == 200) {
			resp_free(&r);
			return (0);
		}
		resp_free(&r);
		usleep(50 * 1000);
	}
	return (-1);
}

static void
show_log_named(const char *name)
{
	char	 path[320], line[512];
	FILE	*fp;

	(void)snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	if ((fp = fopen(path, "r")) == NULL)
		return;
	fprintf(stderr, "--- server log ---\n");
	while (fgets(line, sizeof(line), fp) != NULL)
		fputs(line, stderr);
	fclose(fp);
}

static void
show_log(void)
{
	show_log_named("kore.log");
}

static void
spawn(const char *conf, const char *log)
{
	const char	*preload;
	int		 fd;

	(void)setsid();		/* its own process group, to stop it whole */
	if ((fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600)) != -1) {
		(void)dup2(fd, STDOUT_FILENO);
		(void)dup2(fd, STDERR_FILENO);
		close(fd);
	}
	if ((fd = open("/dev/null", O_RDONLY)) != -1) {
		(void)dup2(fd, STDIN_FILENO);
		close(fd);
	}
	(void)setenv("PORTAL_DB", db_path, 1);
	preload = getenv("PORTAL_KORE_PRELOAD");
	if (preload != NULL && *preload != '\0') {
		(void)setenv("LD_PRELOAD", preload, 1);
		/* Kore keeps its own allocations until exit: leaks are
		 * checked in the unit tests, errors here. */
		(void)setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
	}
	execlp("kore", "kore", "-c", conf, "-f", "-n", "-r", (char *)NULL);
	_exit(127);
}

/* Kill the whole server at once, as a power cut would. */
int
harness_kill9(void)
{
	int	 status, i;

	if (server_pid <= 0)
		return (-1);
	(void)kill(-server_pid, SIGKILL);
	(void)waitpid(server_pid, &status, 0);
	server_pid = -1;
	/* Workers die on their own time (slowly under ASan, with its large
	 * mappings); until the last has, the port is still listened on. */
	for (i = 0; i < 200; i++) {
		if (bind_loopback(server_port) == server_port)
			return (0);
		usleep(50 * 1000);
	}
	return (-1);
}

/* Start the server again on the same database and port. */
int
harness_restart(void)
{
	char	 conf[320], log[320];

	(void)snprintf(conf, sizeof(conf), "%s/kore.conf", tmpdir);
	(void)snprintf(log, sizeof(log), "%s/kore-restart.log", tmpdir);
	if ((server_pid = fork()) == -1)
		return (-1);
	if (server_pid == 0)
		spawn(conf, log);
	if (wait_ready() == -1) {
		show_log_named("kore-restart.log");
		return (-1);
	}
	return (0);
}

/* Copy the file at from to db_path, which must not exist. 0 on success. */
static int
copy_db(const char *from)
{
	char	 buf[65536];
	ssize_t	 n;
	int	 in, out, rc;

	if ((in = open(from, O_RDONLY | O_CLOEXEC)) == -1)
		return (-1);
	if ((out = open(db_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1) {
		close(in);
		return (-1);
	}
	rc = 0;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n) {
			rc = -1;
			break;
		}
	if (n == -1)
		rc = -1;
	close(in);
	if (close(out) == -1)
		rc = -1;
	return (rc);
}

/*
 * The demo council in db_path. tools/test.sh seeds one for the whole
 * run and names it in PORTAL_TEST_DEMO_DB: a copy costs nothing, while
 * seeding hashes every demo password (about 2 s of CPU a server).
 */
static int
demo_db(void)
{
	const char	*tmpl;

	if ((tmpl = getenv("PORTAL_TEST_DEMO_DB")) != NULL && *tmpl != '\0')
		return (copy_db(tmpl));
	if (harness_ctl("migrate", NULL, 0) != 0 ||
	    harness_ctl("seed-demo", NULL, 0) != 0)
		return (-1);
	return (0);
}

/* Start a server on a fresh database. 0 when it answers. */
int
harness_start(int flags)
{
	char		 conf[320], log[320];
	const char	*b;
	int		 port;

	if ((b = getenv("PORTAL_BUILD")) == NULL || *b == '\0')
		b = "build";
	(void)snprintf(build_dir, sizeof(build_dir), "%s", b);
	(void)snprintf(tmpdir, sizeof(tmpdir), "/tmp/portal-test-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	(void)snprintf(db_path, sizeof(db_path), "%s/portal.db", tmpdir);
	(void)snprintf(conf, sizeof(conf), "%s/kore.conf", tmpdir);
	(void)snprintf(log, sizeof(log), "%s/kore.log", tmpdir);
	if ((port = bind_loopback(0)) == -1 || write_conf(conf, port) == -1)
		return (-1);
	(void)snprintf(base_url, sizeof(base_url), "http://127.0.0.1:%d",
	    port);
	server_port = port;
	if (flags & (HARNESS_SEED_DEMO | HARNESS_GENERATE)) {
		if (demo_db() == -1)
			return (-1);
	} else if (harness_ctl("migrate", NULL, 0) != 0)
		return (-1);
	if (flags & HARNESS_GENERATE) {
		(void)snprintf(conf, sizeof(conf), "generate --young %s "
		    "--views %s --password %s", getenv("BENCH_YOUNG") ?
		    getenv("BENCH_YOUNG") : "5000", getenv("BENCH_VIEWS") ?
		    getenv("BENCH_VIEWS") : "100000", HARNESS_BENCH_PASSWORD);
		if (harness_ctl(conf, NULL, 0) != 0)
			return (-1);
		(void)snprintf(conf, sizeof(conf), "%s/kore.conf", tmpdir);
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if ((server_pid = fork()) == -1)
		return (-1);
	if (server_pid == 0)
		spawn(conf, log);
	if (wait_ready() == -1) {
		show_log();
		(void)harness_stop();
		return (-1);
	}
	return (0);
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

static void
remove_tmpdir(void)
{
	if (tmpdir[0] == '\0' || strncmp(tmpdir, "/tmp/portal-test-", 17) != 0)
		return;
	if (getenv("PORTAL_KEEP_TMP") != NULL) {
		fprintf(stderr, "kept %s\n", tmpdir);
		return;
	}
	(void)nftw(tmpdir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
	tmpdir[0] = '\0';
}

/*
 * Problems the server logged that no response shows: sanitizer reports,
 * sandbox kills, crashed workers. 1 if any.
 */
static int
log_has_trouble(void)
{
	static const char *const marks[] = {
		"ERROR: AddressSanitizer", "runtime error:",
		"sandbox violation", "restarting worker",
	};
	char	 path[320], line[1024];
	FILE	*fp;
	size_t	 i;
	int	 bad;

	(void)snprintf(path, sizeof(path), "%s/kore.log", tmpdir);
	if ((fp = fopen(path, "r")) == NULL)
		return (0);
	bad = 0;
	while (!bad && fgets(line, sizeof(line), fp) != NULL)
		for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
			if (strstr(line, marks[i]) != NULL)
				bad = 1;
	fclose(fp);
	return (bad);
}

/* The same, for a test to ask while the server runs. */
int
harness_log_trouble(void)
{
	return (tmpdir[0] != '\0' && log_has_trouble());
}

/*
 * Stop the whole process group: TERM, then KILL if it lingers. Returns -1
 * if the server's log shows trouble (the log is printed).
 */
int
harness_stop(void)
{
	int	 i, status, trouble;

	if (server_pid > 0) {
		(void)kill(-server_pid, SIGTERM);
		for (i = 0; i < 100; i++) {
			if (waitpid(server_pid, &status, WNOHANG) ==
			    server_pid)
				break;
			usleep(50 * 1000);
		}
		if (i == 100) {
			(void)kill(-server_pid, SIGKILL);
			(void)waitpid(server_pid, &status, 0);
		}
		/* Workers may outlive the parent by a moment. */
		(void)kill(-server_pid, SIGKILL);
		server_pid = -1;
	}
	trouble = tmpdir[0] != '\0' && log_has_trouble();
	if (trouble || getenv("PORTAL_SHOW_LOG") != NULL)
		show_log();
	if (trouble)
		fprintf(stderr, "the server log shows errors (above)\n");
	remove_tmpdir();
	return (trouble ? -1 : 0);
}

const char *
harness_base(void)
{
	return (base_url);
}

const char *
harness_db_path(void)
{
	return (db_path);
}

/*
 * CPU seconds the server has used so far, all its processes and threads
 * (the parent leads their process group), from /proc. -1 if unknown.
 */
double
harness_server_cpu(void)
{
	DIR		*d;
	struct dirent	*de;
	FILE		*fp;
	char		 path[300], line[1024], *close;
	long		 pgrp;
	unsigned long	 ut, st;
	double		 ticks;

	if (server_pid <= 0 || (d = opendir("/proc")) == NULL)
		return (-1);
	ticks = 0;
	while ((de = readdir(d)) != NULL) {
		(void)snprintf(path, sizeof(path), "/proc/%s/stat", de->d_name);
		if (de->d_name[0] < '0' || de->d_name[0] > '9' ||
		    (fp = fopen(path, "r")) == NULL)
			continue;
		/* The name, in parentheses, may hold spaces: "kore [wrk 1]". */
		if (fgets(line, sizeof(line), fp) != NULL &&
		    (close = strrchr(line, ')')) != NULL &&
		    sscanf(close + 1, " %*c %*d %ld %*d %*d %*d %*u %*u %*u "
		    "%*u %*u %lu %lu", &pgrp, &ut, &st) == 3 &&
		    pgrp == (long)server_pid)
			ticks += (double)(ut + st);
		fclose(fp);
	}
	closedir(d);
	return (ticks / (double)sysconf(_SC_CLK_TCK));
}

void
resp_init(struct resp *r)
{
	r->status = 0;
	buf_init(&r->body, 0);
	buf_init(&r->headers, 0);
}

void
resp_free(struct resp *r)
{
	buf_free(&r->body);
	buf_free(&r->headers);
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	buf_append(arg, p, size * n);
	return (size * n);
}

/* Keep the headers of the last response only (not of redirects). */
static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	struct buf	*b = arg;

	if (size * n >= 5 && strncmp(p, "HTTP/", 5) == 0)
		buf_reset(b);
	buf_append(b, p, size * n);
	return (size * n);
}

/* The value of response header name (case-insensitive), or NULL. */
const char *
resp_header(const struct resp *r, const char *name, char *out,
    size_t outlen)
{
	const char	*p, *end, *eol;
	size_t		 nlen, vlen;

	nlen = strlen(name);
	p = r->headers.data;
	end = p + r->headers.len;
	for (; p != NULL && p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		if ((size_t)(eol - p) > nlen && p[nlen] == ':' &&
		    strncasecmp(p, name, nlen) == 0) {
			p += nlen + 1;
			while (*p == ' ')
				p++;
			vlen = (size_t)(eol - p);
			if (vlen > 0 && p[vlen - 1] == '\r')
				vlen--;
			if (vlen >= outlen)
				vlen = outlen - 1;
			memcpy(out, p, vlen);
			out[vlen] = '\0';
			return (out);
		}
	}
	return (NULL);
}

int
resp_has(const struct resp *r, const char *needle)
{
	return (r->body.data != NULL &&
	    memmem(r->body.data, r->body.len, needle, strlen(needle)) != NULL);
}

/* Remember cookies the server sets (name=value only). */
static void
keep_cookies(struct client *c, const struct resp *r)
{
	const char	*p, *end, *eol, *v, *semi;
	char		 pair[512], name[128];
	size_t		 len;
	char		*old, *oend;

	p = r->headers.data;
	end = p + r->headers.len;
	for (; p != NULL && p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		if (strncasecmp(p, "set-cookie:", 11) != 0)
			continue;
		v = p + 11;
		while (*v == ' ')
			v++;
		semi = memchr(v, ';', (size_t)(eol - v));
		len = (size_t)((semi ? semi : eol) - v);
		if (len >= sizeof(pair))
			continue;
		memcpy(pair, v, len);
		pair[len] = '\0';
		if (pair[len - 1] == '\r')
			pair[len - 1] = '\0';
		(void)snprintf(name, sizeof(name), "%.*s",
		    (int)strcspn(pair, "="), pair);
		/* Drop an older cookie of exactly the same name. */
		for (old = c->cookies; (old = strstr(old, name)) != NULL;
		    old++) {
			if ((old != c->cookies && old[-1] != ' ') ||
			    old[strlen(name)] != '=')
				continue;
			oend = strstr(old, "; ");
			if (oend != NULL)
				memmove(old, oend + 2, strlen(oend + 2) + 1);
			else
				*old = '\0';
			break;
		}
		len = strlen(c->cookies);
		while (len > 0 && (c->cookies[len - 1] == ' ' ||
		    c->cookies[len - 1] == ';'))
			c->cookies[--len] = '\0';
		if (strstr(pair, "=") && pair[strlen(name) + 1] != '\0')
			(void)snprintf(c->cookies + len,
			    sizeof(c->cookies) - len, "%s%s",
			    len ? "; " : "", pair);
	}
}

/*
 * One request. method "GET", "POST", "HEAD"...; body may be NULL. extra
 * headers end with NULL. 0 when a response arrived (any status).
 */
int
http_request(struct client *c, const char *method, const char *path,
    const void *body, size_t bodylen, const char *const *extra,
    struct resp *r)
{
	CURL			*h;
	struct curl_slist	*hdrs;
	char			 url[2048];
	CURLcode		 rc;

	if ((h = curl_easy_init()) == NULL)
		return (-1);
	(void)snprintf(url, sizeof(url), "%s%s", base_url, path);
	hdrs = NULL;
	for (; extra != NULL && *extra != NULL; extra++)
		hdrs = curl_slist_append(hdrs, *extra);
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	if (body != NULL) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)bodylen);
	}
	if (c != NULL && c->cookies[0] != '\0')
		curl_easy_setopt(h, CURLOPT_COOKIE, c->cookies);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, &r->headers);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
	if (c != NULL && c->local_ip[0] != '\0')
		curl_easy_setopt(h, CURLOPT_INTERFACE, c->local_ip);
	rc = curl_easy_perform(h);
	if (rc == CURLE_OK)
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(h);
	if (rc != CURLE_OK)
		return (-1);
	if (c != NULL)
		keep_cookies(c, r);
	return (0);
}

int
http_get(struct client *c, const char *path, struct resp *r)
{
	return (http_request(c, "GET", path, NULL, 0, NULL, r));
}

int
http_post_form(struct client *c, const char *path, const char *form,
    struct resp *r)
{
	const char	*hdrs[3];
	char		 origin[160];

	hdrs[0] = "Content-Type: application/x-www-form-urlencoded";
	(void)snprintf(origin, sizeof(origin), "Origin: %s",
	    c != NULL && c->origin[0] ? c->origin : base_url);
	hdrs[1] = origin;
	hdrs[2] = NULL;
	return (http_request(c, "POST", path, form, strlen(form), hdrs, r));
}

/* Copy what lies between `before` and `after` in r's body into out. */
const char *
resp_between(const struct resp *r, const char *before, const char *after,
    char *out, size_t outlen)
{
	const char	*p, *e;
	size_t		 n;

	if (r->body.data == NULL || (p = memmem(r->body.data, r->body.len,
	    before, strlen(before))) == NULL)
		return (NULL);
	p += strlen(before);
	e = memmem(p, r->body.len - (size_t)(p - r->body.data), after,
	    strlen(after));
	if (e == NULL)
		return (NULL);
	n = (size_t)(e - p);
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, p, n);
	out[n] = '\0';
	return (out);
}

/* The CSRF token in the form on page path, as this client sees it. */
int
client_csrf(struct client *c, const char *path, char *out, size_t outlen)
{
	struct resp	 r;
	int		 ok;

	resp_init(&r);
	ok = http_get(c, path, &r) == 0 &&
	    resp_between(&r, "name=\"csrf\" value=\"", "\"", out, outlen);
	resp_free(&r);
	return (ok ? 0 : -1);
}

/*
 * POST form (urlencoded, without the token) to path, with the token of
 * the form on tokpage. Returns the status, or -1. r is initialised here
 * and the caller frees it.
 */
long
client_post(struct client *c, const char *tokpage, const char *path,
    const char *form, struct resp *r)
{
	struct buf	 body;
	char		 csrf[128];
	long		 st;

	resp_init(r);
	if (client_csrf(c, tokpage, csrf, sizeof(csrf)) == -1)
		return (-1);
	buf_init(&body, 256);
	buf_appendf(&body, "csrf=%s%s%s", csrf, *form ? "&" : "", form);
	st = http_post_form(c, path, buf_cstr(&body), r) == 0 ? r->status :
	    -1;
	buf_free(&body);
	return (st);
}

long
client_login(struct client *c, const char *name, const char *pw)
{
	struct resp	 r;
	char		 form[512];
	long		 st;

	(void)snprintf(form, sizeof(form), "name=%s&", url_enc(name));
	(void)snprintf(form + strlen(form), sizeof(form) - strlen(form),
	    "password=%s", url_enc(pw));
	st = client_post(c, "/login", "/login", form, &r);
	resp_free(&r);
	return (st);
}

long
client_logout(struct client *c)
{
	struct resp	 r;
	long		 st;

	st = client_post(c, "/account", "/logout", "", &r);
	resp_free(&r);
	return (st);
}

long
client_status(struct client *c, const char *path)
{
	struct resp	 r;
	long		 st;

	resp_init(&r);
	st = http_get(c, path, &r) == 0 ? r.status : -1;
	resp_free(&r);
	return (st);
}

/* s percent-encoded for a form; from a ring of buffers, so a few at once
 * may be used in one call. */
const char *
url_enc(const char *s)
{
	static char	 ring[8][4096];
	static int	 next;
	char		*o, *out;

	out = o = ring[next++ % 8];
	for (; *s != '\0' && o < out + sizeof(ring[0]) - 4; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    *s == '.')
			*o++ = *s;
		else
			o += snprintf(o, 4, "%%%02X", (unsigned char)*s);
	}
	*o = '\0';
	return (out);
}

/* The first column of sql's first row, as a number; -1 on any failure. */
int64_t
db_count(const char *sql)
{
	struct db	*db;
	char		 err[256];
	int64_t		 n;

	if (db_open(&db, db_path, err, sizeof(err)) == -1)
		return (-1);
	if (db_int(db, &n, sql, "") != 1)
		n = -1;
	db_close(db);
	return (n);
}

int
db_run(const char *sql)
{
	struct db	*db;
	char		 err[256];
	int		 rc;

	if (db_open(&db, db_path, err, sizeof(err)) == -1)
		return (-1);
	rc = sqlite3_exec(db_handle(db), sql, NULL, NULL, NULL) == SQLITE_OK ?
	    0 : -1;
	if (rc == -1)
		fprintf(stderr, "db_run: %s\n", sqlite3_errmsg(db_handle(db)));
	db_close(db);
	return (rc);
}

/*
 * Show every count people change themselves as it stands (release.h):
 * after a test has written answers straight into the database, as if
 * enough people had changed theirs.
 */
int
db_release(void)
{
	struct db	*db;
	char		 err[256];
	int		 rc;

	if (db_open(&db, db_path, err, sizeof(err)) == -1)
		return (-1);
	rc = db_begin(db) == -1 || release_all(db) == -1 ||
	    db_commit(db) == -1 ? -1 : 0;
	if (rc == -1) {
		fprintf(stderr, "db_release: %s\n", db_errmsg(db));
		db_rollback(db);
	}
	db_close(db);
	return (rc);
}

/* 1 when the file at path holds needle anywhere in its bytes. */
static int
file_holds(const char *path, const char *needle)
{
	FILE	*f;
	char	*data;
	long	 len;
	int	 found;

	if ((f = fopen(path, "rb")) == NULL)
		return (0);
	found = 0;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (data = malloc(len)) != NULL) {
		found = fread(data, 1, len, f) == (size_t)len &&
		    memmem(data, len, needle, strlen(needle)) != NULL;
		free(data);
	}
	fclose(f);
	return (found);
}

/* 1 when the database's own file or its log (-wal) holds needle. */
int
db_files_hold(const char *needle)
{
	char	 wal[4096];

	(void)snprintf(wal, sizeof(wal), "%s-wal", db_path);
	return (file_holds(db_path, needle) || file_holds(wal, needle));
}

/* 1 once neither file holds needle (the log is emptied soon, not at
 * once); 0 if they still do after 5 s. */
int
db_files_lose(const char *needle)
{
	struct timespec	 ms = { 0, 50 * 1000 * 1000 };
	int		 tries;

	for (tries = 0; tries < 100 && db_files_hold(needle); tries++)
		(void)nanosleep(&ms, NULL);
	return (!db_files_hold(needle));
}

int
group_setup_server(void **state)
{
	(void)state;
	return (harness_start(0));
}

int
group_setup_demo(void **state)
{
	(void)state;
	return (harness_start(HARNESS_SEED_DEMO));
}

int
group_teardown_server(void **state)
{
	int	 rc;

	(void)state;
	rc = harness_stop();
	curl_global_cleanup();
	return (rc);
}
