/*
 * test_durability.c: a young person keeps sending views while the whole
 * server is killed with SIGKILL at random moments, ten times, and started
 * again on the same file. Every view the server acknowledged (303 with its
 * address) must be there exactly once, and PRAGMA integrity_check must
 * say ok: synchronous=FULL and one transaction per view at work.
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
#include <unistd.h>

#include <cmocka.h>

#include "db.h"
#include "harness.h"

#define CYCLES		10
#define ACKED_MAX	20000

static volatile int	 running;
static int64_t		 acked[ACKED_MAX];
static int		 nacked, sent;
static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;

static void *
submitter(void *arg)
{
	struct client	*c = arg;
	struct resp	 r;
	char		 csrf[64], form[512], loc[128];
	int		 i;

	while (running && client_csrf(c, "/views/new", csrf, sizeof(csrf)) ==
	    -1)
		usleep(20 * 1000);
	for (i = 0; running; i++) {
		(void)snprintf(form, sizeof(form), "csrf=%s&category=1&"
		    "title=Durable+%d&body=Sent+while+the+power+goes&"
		    "publish=no&form_token=DurableDurableDurableDurableDurable"
		    "%08d", csrf, i, i);
		resp_init(&r);
		if (http_post_form(c, "/views/new", form, &r) == 0 &&
		    r.status == 303 && resp_header(&r, "location", loc,
		    sizeof(loc)) != NULL) {
			pthread_mutex_lock(&lock);
			if (nacked < ACKED_MAX)
				acked[nacked++] = strtoll(loc +
				    strlen("/views/"), NULL, 10);
			pthread_mutex_unlock(&lock);
		}
		sent++;
		resp_free(&r);
	}
	return (NULL);
}

static void
acknowledged_views_survive_kill_9(void **state)
{
	struct client	 young;
	struct db	*db;
	struct buf	 report;
	pthread_t	 th;
	char		 err[256], sql[128];
	int64_t		 n;
	int		 cycle, i, ok;

	(void)state;
	/* Load, not a young person: the hourly limit on views is lifted. */
	assert_int_equal(db_run("UPDATE settings SET value = '1000000' "
	    "WHERE key = 'views_per_hour'"), 0);
	memset(&young, 0, sizeof(young));
	assert_int_equal(client_login(&young, "Jaden", "kite-river-42"), 303);
	srand((unsigned)time(NULL));
	running = 1;
	assert_int_equal(pthread_create(&th, NULL, submitter, &young), 0);
	/* A failed restart stops the cycles but not before the submitter
	 * has stopped: a thread left running past the test hangs its exit. */
	ok = 1;
	for (cycle = 0; ok && cycle < CYCLES; cycle++) {
		usleep((useconds_t)(150 + rand() % 400) * 1000);
		ok = harness_kill9() == 0 && harness_restart() == 0;
	}
	usleep(300 * 1000);
	running = 0;
	pthread_join(th, NULL);
	assert_true(ok);
	printf("durability: %d sent, %d acknowledged, %d kill -9 cycles\n",
	    sent, nacked, CYCLES);
	assert_true(nacked > CYCLES);

	assert_int_equal(db_open(&db, harness_db_path(), err, sizeof(err)), 0);
	for (i = 0; i < nacked; i++) {
		(void)snprintf(sql, sizeof(sql), "SELECT count(*) FROM views "
		    "WHERE id = %lld AND title LIKE 'Durable %%'",
		    (long long)acked[i]);
		assert_int_equal(db_int(db, &n, sql, ""), 1);
		assert_int_equal(n, 1);
	}
	/* No view twice: each form token made one view at most. */
	assert_int_equal(db_int(db, &n, "SELECT count(*) - count(DISTINCT "
	    "title) FROM views WHERE title LIKE 'Durable %'", ""), 1);
	assert_int_equal(n, 0);
	buf_init(&report, 64);
	assert_int_equal(db_check(db, &report), 1);
	buf_free(&report);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(acknowledged_views_survive_kill_9),
	};

	return (cmocka_run_group_tests_name("http_durability", tests,
	    group_setup_demo, group_teardown_server));
}
