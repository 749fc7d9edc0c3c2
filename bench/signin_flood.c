/*
 * signin_flood.c: how long a real sign-in takes while 200 clients flood
 * POST /login with random names (issue #17 item 4: it was 0.16 s alone
 * and 38 s under such a flood, when the queue of password checks had no
 * bound).
 *
 * Starts the real server on loopback with the demo council and times a
 * real person's sign-in (Jaden, from 127.0.0.2) three ways: with no
 * flood; while 200 threads flood from one address (127.0.0.1); and while
 * they flood from 200 addresses (127.0.1.x and 127.0.2.x), so that only
 * the bound on the queue, not the per-address limits, stands in the way.
 * A busy answer (503) is retried after a quarter of a second, as a person
 * pressing the button again would; the figures say how many there were.
 * It prints; it never fails on a timing.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define FLOODERS	200
#define REAL_TRIES	5

static volatile int	 running;

struct flooder {
	int	 idx;
	int	 spread;	/* each from its own address */
	long	 sent;
	long	 status[6];	/* 2xx/3xx, 422, 429, 503, other, failed */
};

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6);
}

/* POST /login as cl (which has fetched the form), name and pw as typed. */
static long
post_login(struct client *cl, const char *name, const char *pw)
{
	struct resp	 r;
	char		 form[512], csrf[64], *p;
	long		 st;

	resp_init(&r);
	if (http_get(cl, "/login", &r) != 0 || (p = strstr(buf_cstr(&r.body),
	    "name=\"csrf\" value=\"")) == NULL) {
		resp_free(&r);
		return (-1);
	}
	(void)snprintf(csrf, sizeof(csrf), "%.43s", p + 19);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "csrf=%s&name=%s&password=%s",
	    csrf, name, pw);
	for (p = form; *p; p++)
		if (*p == ' ')
			*p = '+';
	resp_init(&r);
	st = http_post_form(cl, "/login", form, &r) == 0 ? r.status : -1;
	resp_free(&r);
	return (st);
}

static void *
flood(void *arg)
{
	struct flooder	*f = arg;
	struct client	 cl;
	char		 name[64];
	unsigned int	 seed;
	long		 st;

	seed = (unsigned int)f->idx * 7919u + (unsigned int)time(NULL);
	while (running) {
		memset(&cl, 0, sizeof(cl));
		if (f->spread)
			(void)snprintf(cl.local_ip, sizeof(cl.local_ip),
			    "127.0.%d.%d", 1 + f->idx / 200, 1 + f->idx % 200);
		(void)snprintf(name, sizeof(name), "flood%08x", rand_r(&seed));
		st = post_login(&cl, name, "wrong-password-123");
		f->sent++;
		if (st >= 200 && st < 400)
			f->status[0]++;
		else if (st == 422)
			f->status[1]++;
		else if (st == 429)
			f->status[2]++;
		else if (st == 503)
			f->status[3]++;
		else if (st > 0)
			f->status[4]++;
		else
			f->status[5]++;
	}
	return (NULL);
}

/* One real sign-in, pressing again after a busy answer. */
static double
real_signin(int *busy, int *ok)
{
	struct client	 cl;
	double		 t0;
	long		 st;

	t0 = now_ms();
	*busy = 0;
	*ok = 0;
	do {
		memset(&cl, 0, sizeof(cl));
		(void)snprintf(cl.local_ip, sizeof(cl.local_ip), "127.0.0.2");
		st = post_login(&cl, "Jaden", "kite-river-42");
		if (st == 503) {
			(*busy)++;
			usleep(250000);
		}
	} while (st == 503 && now_ms() - t0 < 60000);
	*ok = st == 303;
	return ((now_ms() - t0) / 1000.0);
}

static void
measure(const char *label)
{
	double	 t, worst = 0, sum = 0;
	int	 i, busy, ok, busy_all = 0, ok_all = 0;

	for (i = 0; i < REAL_TRIES; i++) {
		t = real_signin(&busy, &ok);
		sum += t;
		if (t > worst)
			worst = t;
		busy_all += busy;
		ok_all += ok;
		usleep(200000);
	}
	printf("%-34s real sign-in: mean %.2f s, worst %.2f s, %d/%d "
	    "signed in, %d busy answers on the way\n", label,
	    sum / REAL_TRIES, worst, ok_all, REAL_TRIES, busy_all);
}

static void
with_flood(const char *label, int spread)
{
	static struct flooder	 f[FLOODERS];
	pthread_t		 t[FLOODERS];
	long			 tot[6] = { 0 }, sent = 0;
	int64_t			 checked;
	int			 i, j;

	checked = db_count("SELECT count(*) FROM audit_log WHERE action = "
	    "'signin.failure' AND detail = 'unknown name'");
	memset(f, 0, sizeof(f));
	running = 1;
	for (i = 0; i < FLOODERS; i++) {
		f[i].idx = i;
		f[i].spread = spread;
		pthread_create(&t[i], NULL, flood, &f[i]);
	}
	sleep(2);	/* let the flood build up */
	measure(label);
	running = 0;
	for (i = 0; i < FLOODERS; i++) {
		pthread_join(t[i], NULL);
		sent += f[i].sent;
		for (j = 0; j < 6; j++)
			tot[j] += f[i].status[j];
	}
	checked = db_count("SELECT count(*) FROM audit_log WHERE action = "
	    "'signin.failure' AND detail = 'unknown name'") - checked;
	printf("%-34s flood: %ld sign-ins: %ld answered wrong (%lld of them "
	    "checked, the rest by timer), %ld told to wait, %ld busy, "
	    "%ld other, %ld failed\n", "", sent, tot[1], (long long)checked,
	    tot[2], tot[3], tot[4] + tot[0], tot[5]);
}

int
main(void)
{
	if (harness_start(HARNESS_SEED_DEMO) != 0) {
		fprintf(stderr, "signin_flood: the server did not start\n");
		return (1);
	}
	printf("signin_flood: %d clients POST /login with random names\n",
	    FLOODERS);
	measure("no flood");
	with_flood("flood from one address", 0);
	sleep(1);
	with_flood("flood from 200 addresses", 1);
	return (harness_stop() == 0 ? 0 : 1);
}
