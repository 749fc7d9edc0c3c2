/*
 * harness.h: start the real portal (Debian's kore loading our portal.so)
 * on a free loopback port with a fresh database, talk to it over real
 * sockets with libcurl, and always stop it.
 *
 * Environment:
 *   PORTAL_BUILD          folder holding portal.so and portalctl (build)
 *   PORTAL_KORE_PRELOAD   LD_PRELOAD for kore (the sanitizer runtime)
 */
#ifndef PORTAL_HARNESS_H
#define PORTAL_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define HARNESS_SEED_DEMO	0x01
#define HARNESS_GENERATE	0x02	/* a big council: BENCH_YOUNG, BENCH_VIEWS */
#define HARNESS_BENCH_PASSWORD	"bench-pass-1234"

struct resp {
	long		 status;
	struct buf	 body;
	struct buf	 headers;
};

/* A browser of sorts: keeps its own cookies between requests. */
struct client {
	char		 cookies[2048];
	char		 origin[128];
	char		 local_ip[32];	/* send from this loopback address */
};

int		 harness_start(int);
int		 harness_stop(void);
int		 harness_kill9(void);
int		 harness_restart(void);
const char	*harness_base(void);
const char	*harness_db_path(void);
double		 harness_server_cpu(void);
int		 harness_ctl(const char *, char *, size_t);
int		 harness_log_trouble(void);

void		 resp_init(struct resp *);
void		 resp_free(struct resp *);
const char	*resp_header(const struct resp *, const char *, char *,
		    size_t);
int		 resp_has(const struct resp *, const char *);

int		 http_request(struct client *, const char *, const char *,
		    const void *, size_t, const char *const *, struct resp *);
int		 http_get(struct client *, const char *, struct resp *);
int		 http_post_form(struct client *, const char *, const char *,
		    struct resp *);

/* Browsing as a person would: these read the page's own form token. */
const char	*resp_between(const struct resp *, const char *, const char *,
		    char *, size_t);
int		 client_csrf(struct client *, const char *, char *, size_t);
long		 client_post(struct client *, const char *, const char *,
		    const char *, struct resp *);
long		 client_login(struct client *, const char *, const char *);
long		 client_logout(struct client *);
long		 client_status(struct client *, const char *);
const char	*url_enc(const char *);

/* Looking straight into the test database. */
int64_t		 db_count(const char *);
int		 db_run(const char *);
int		 db_release(void);
int		 db_files_hold(const char *);
int		 db_files_lose(const char *);

int		 group_setup_server(void **);
int		 group_setup_demo(void **);
int		 group_teardown_server(void **);

#endif
