/*
 * test_board_build.c: the board report is built off the event loop, and
 * once for everyone who asks at the same time (app/web/board_build.c).
 *
 * The server is told to make each build take 1.5 s, as a big council's
 * does (PORTAL_TEST_BOARD_PAUSE_MS, which only this test sets). Four
 * staff ask for the report at once. While they wait, /pledge is asked
 * again and again on new connections, and answered by the very worker
 * that is building; of the four, at most one per worker built the
 * report, and the others were answered from what it kept. And when
 * one of those waiting is turned away once woken (signed out meanwhile),
 * the rest are still answered.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "harness.h"
#include "testutil.h"

#define ASKERS		4
#define PAUSE_MS	"1500"

struct answer {
	struct client	 c;
	long		 status;
	int		 worker;
	int		 hit;
	double		 at;		/* when it came, seconds */
	size_t		 len;
	long		 delay_ms;	/* before asking */
};

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static void
sleep_ms(long ms)
{
	struct timespec	 ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = ms % 1000 * 1000000L;
	(void)nanosleep(&ts, NULL);
}

static int
setup(void **state)
{
	(void)setenv("PORTAL_CACHE_TRACE", "1", 1);
	(void)setenv("PORTAL_TEST_BOARD_PAUSE_MS", PAUSE_MS, 1);
	return (demo_group_setup(state));
}

static int
teardown(void **state)
{
	(void)unsetenv("PORTAL_TEST_BOARD_PAUSE_MS");
	return (group_teardown_server(state));
}

/* GET path as a's client; who answered, and when. */
static void
ask(struct answer *a, const char *path)
{
	struct resp	 r;
	char		 v[64];

	resp_init(&r);
	a->status = http_get(&a->c, path, &r) == 0 ? r.status : -1;
	a->at = now_s();
	a->worker = resp_header(&r, "x-portal-worker", v, sizeof(v)) != NULL ?
	    atoi(v) : -1;
	a->hit = resp_header(&r, "x-cache", v, sizeof(v)) != NULL &&
	    strcmp(v, "hit") == 0;
	a->len = r.body.len;
	resp_free(&r);
}

/* The board report, after the answer's delay_ms (0: at once). */
static void *
ask_board(void *arg)
{
	struct answer	*a = arg;

	sleep_ms(a->delay_ms);
	ask(a, "/reports/board");
	return (NULL);
}

static void
built_once_while_others_are_answered(void **state)
{
	struct answer	 board[ASKERS], health[40];
	pthread_t	 t[ASKERS];
	double		 start;
	int		 i, k, hits, builders, workers[ASKERS], nworkers;
	int		 answered_while_building, nhealth;

	(void)state;
	for (i = 0; i < ASKERS; i++) {
		memset(&board[i], 0, sizeof(board[i]));
		board[i].c = worker;
	}
	start = now_s();
	for (i = 0; i < ASKERS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, ask_board,
		    &board[i]), 0);
	/* Other pages, each on a new connection, while the builds run. */
	for (nhealth = 0; nhealth < 40 && now_s() - start < 1.2; nhealth++) {
		memset(&health[nhealth], 0, sizeof(health[nhealth]));
		ask(&health[nhealth], "/pledge");
		assert_int_equal(health[nhealth].status, 200);
	}
	for (i = 0; i < ASKERS; i++)
		assert_int_equal(pthread_join(t[i], NULL), 0);

	hits = nworkers = 0;
	for (i = 0; i < ASKERS; i++) {
		assert_int_equal(board[i].status, 200);
		/* The same report for the same person and period. */
		assert_int_equal(board[i].len, board[0].len);
		/* It took the build's time: nobody skipped it. */
		assert_true(board[i].at - start >= 1.4);
		hits += board[i].hit;
		for (k = 0; k < nworkers && workers[k] != board[i].worker; k++)
			;
		if (k == nworkers)
			workers[nworkers++] = board[i].worker;
	}
	/* One build per worker that answered, at most. */
	builders = ASKERS - hits;
	assert_true(builders >= 1);
	assert_true(builders <= nworkers);

	/* A worker building the report still answered other pages. */
	answered_while_building = 0;
	for (k = 0; k < nhealth; k++)
		for (i = 0; i < ASKERS; i++)
			if (!board[i].hit && board[i].worker ==
			    health[k].worker && health[k].at < board[i].at)
				answered_while_building++;
	assert_true(nhealth > 0);
	assert_true(answered_while_building > 0);
}

/*
 * A worker's build is under way; a councillor, then an admin, ask and
 * wait. The admin is signed out meanwhile, so is turned away once
 * woken; the councillor is still answered, not left asleep.
 */
static void
one_turned_away_strands_nobody(void **state)
{
	struct answer	 a[3];
	pthread_t	 t[3];
	const struct client *who[3] = { &worker, &cllr, &admin };
	int		 i;

	(void)state;
	/* A write: nothing kept from before counts. */
	assert_int_equal(db_run("UPDATE settings SET value = value"), 0);
	for (i = 0; i < 3; i++) {
		memset(&a[i], 0, sizeof(a[i]));
		a[i].c = *who[i];
		a[i].delay_ms = i * 200;
		assert_int_equal(pthread_create(&t[i], NULL, ask_board,
		    &a[i]), 0);
	}
	sleep_ms(700);
	assert_int_equal(db_run("DELETE FROM sessions WHERE user_id = "
	    "(SELECT id FROM users WHERE display_name = 'Alex Morgan')"), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(pthread_join(t[i], NULL), 0);
	assert_int_equal(a[0].status, 200);
	assert_int_equal(a[1].status, 200);
	assert_int_equal(a[2].status, 303);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(built_once_while_others_are_answered),
		/* Last: it signs the admin out. */
		cmocka_unit_test(one_turned_away_strands_nobody),
	};

	return (cmocka_run_group_tests_name("board build", tests, setup,
	    teardown));
}
