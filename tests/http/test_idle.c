/*
 * test_idle.c: silent sockets cannot take the site down (security #2).
 * 3,000 connections that send nothing, or half a request, are held open
 * while /health must answer within a second, and every one of them must
 * be closed by the server within the header timeout (10 s in kore.conf).
 * 2,400 bodies that never finish arriving are cut to a few per address.
 */
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

#define IDLE_SOCKETS		3000
#define SLOW_BODIES		2400
#define SLOW_CUT_MS		12000	/* under http_body_timeout (20 s) */
#define HEADER_TIMEOUT_MS	10000
#define SLACK_MS		2500	/* the 1 s tick and Kore's 0.5 s check */

static int	 fds[IDLE_SOCKETS];

static int64_t
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

static int
open_socket(int port)
{
	struct sockaddr_in	 sin;
	int			 fd;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return (-1);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1) {
		close(fd);
		return (-1);
	}
	(void)fcntl(fd, F_SETFL, O_NONBLOCK);
	return (fd);
}

/* 1 once the server has closed fd (EOF or reset after any 408 it sent). */
static int
closed_by_server(int fd)
{
	char	 buf[512];
	ssize_t	 n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		;
	return (n == 0 || (n == -1 && errno != EAGAIN &&
	    errno != EWOULDBLOCK));
}

/* The server's port, with room for this many sockets of ours. */
static long
server_port(void)
{
	struct rlimit	 rl;
	const char	*p;

	rl.rlim_cur = rl.rlim_max = IDLE_SOCKETS + 256;
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &rl), 0);
	assert_non_null(p = strrchr(harness_base(), ':'));
	return (strtol(p + 1, NULL, 10));
}

static void
idle_sockets_are_closed_and_the_site_answers(void **state)
{
	int64_t		 start, t, slowest;
	long		 port;
	int		 i, open_n, left;
	static const char half[] = "GET /pledge HTTP/1.1\r\nHost: x\r\n";

	(void)state;
	port = server_port();

	start = now_ms();
	for (i = 0; i < IDLE_SOCKETS; i++) {
		assert_true((fds[i] = open_socket((int)port)) != -1);
		/* Every third sends half a request and then nothing. */
		if (i % 3 == 0)
			assert_true(write(fds[i], half, sizeof(half) - 1) > 0);
	}
	t = now_ms();
	assert_int_equal(client_status(&anon, "/health"), 200);
	print_message("idle: %d sockets opened; /health answered in %lld ms\n",
	    IDLE_SOCKETS, (long long)(now_ms() - t));
	assert_true(now_ms() - t < 1000);

	/* Each must be closed by the server within the header timeout. */
	slowest = 0;
	for (left = IDLE_SOCKETS; left > 0 &&
	    now_ms() - start < HEADER_TIMEOUT_MS + SLACK_MS; ) {
		usleep(100 * 1000);
		for (i = 0, left = 0; i < IDLE_SOCKETS; i++) {
			if (fds[i] == -1)
				continue;
			if (closed_by_server(fds[i])) {
				close(fds[i]);
				fds[i] = -1;
				slowest = now_ms() - start;
			} else
				left++;
		}
		/* The site answers all the while. */
		t = now_ms();
		assert_int_equal(client_status(&anon, "/health"), 200);
		assert_true(now_ms() - t < 1000);
	}
	for (i = 0, open_n = 0; i < IDLE_SOCKETS; i++)
		if (fds[i] != -1) {
			open_n++;
			close(fds[i]);
		}
	print_message("idle: all closed by the server after %lld ms; %d still "
	    "open at %d ms\n", (long long)slowest, open_n,
	    HEADER_TIMEOUT_MS + SLACK_MS);
	assert_int_equal(open_n, 0);
	assert_int_equal(harness_log_trouble(), 0);
}

/*
 * 2,400 requests from one address, each declaring a 128 KiB body and
 * sending a few bytes of it: each held a place in Kore's request limit
 * until its body timed out, and the site answered no one. Now each
 * worker keeps an address's newest BODY_PER_ADDR and closes the rest at
 * its next tick, and the site answers all the while.
 */
static void
slow_bodies_from_one_address_are_cut_short(void **state)
{
	int64_t		 start;
	long		 port;
	int		 i, open_n;
	static const char head[] = "POST /login HTTP/1.1\r\nHost: x\r\n"
	    "Content-Type: application/x-www-form-urlencoded\r\n"
	    "Content-Length: 131072\r\n\r\nname=a";

	(void)state;
	port = server_port();
	for (i = 0; i < SLOW_BODIES; i++) {
		assert_true((fds[i] = open_socket((int)port)) != -1);
		assert_true(write(fds[i], head, sizeof(head) - 1) > 0);
	}
	/*
	 * Each is cut at the tick after a worker takes it (on a busy
	 * machine some wait in the listen queue a while): well before the
	 * 20 s body timeout, at most two workers' 64 are left.
	 */
	start = now_ms();
	do {
		usleep(250 * 1000);
		for (i = 0, open_n = 0; i < SLOW_BODIES; i++) {
			if (fds[i] != -1 && closed_by_server(fds[i])) {
				close(fds[i]);
				fds[i] = -1;
			}
			open_n += fds[i] != -1;
		}
	} while (open_n > 2 * 64 && now_ms() - start < SLOW_CUT_MS);
	print_message("slow bodies: %d of %d still open after %lld ms\n",
	    open_n, SLOW_BODIES, (long long)(now_ms() - start));
	assert_true(open_n <= 2 * 64);
	assert_int_equal(client_status(&anon, "/health"), 200);
	for (i = 0; i < SLOW_BODIES; i++)
		if (fds[i] != -1) {
			close(fds[i]);
			fds[i] = -1;
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(idle_sockets_are_closed_and_the_site_answers),
		cmocka_unit_test(slow_bodies_from_one_address_are_cut_short),
	};

	return (cmocka_run_group_tests(tests, group_setup_server,
	    group_teardown_server));
}
