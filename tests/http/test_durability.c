/*
 * test_durability.c: a young person keeps sending views while the whole
 * server is killed with SIGKILL at random moments, ten times, and started
 * again on the same file. Every view the server acknowledged (303 with its
 * address) must be there exactly once, and PRAGMA integrity_check must
 * say ok: synchronous=FULL and the writer's group commit at work.
 *
 * Then the kill lands between a batch's COMMIT and its answers (the
 * writer is told to wait after each COMMIT, PORTAL_TEST_WRITER_PAUSE_MS):
 * the views are there, the senders saw only errors, and each sending the
 * same form again (the same form token) gets its one view, not a second.
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

#define SENDERS		4

struct sender {
	struct client	 c;
	char		 form[512];
	long		 status;	/* of the first try: 0 for no answer */
	int64_t		 id;		/* from the answer to the resend */
};

/* The form on /views/new, filled in with body, with its own form token. */
static void
fill_form(struct sender *s, int i, const char *body)
{
	struct resp	 r;
	char		 csrf[128], token[128];

	resp_init(&r);
	assert_int_equal(http_get(&s->c, "/views/new", &r), 0);
	assert_non_null(resp_between(&r, "name=\"csrf\" value=\"", "\"",
	    csrf, sizeof(csrf)));
	assert_non_null(resp_between(&r, "name=\"form_token\" value=\"",
	    "\"", token, sizeof(token)));
	resp_free(&r);
	(void)snprintf(s->form, sizeof(s->form), "csrf=%s&category=1&"
	    "title=Between+%d&body=%s&publish=no&form_token=%s", csrf, i,
	    url_enc(body), token);
}

static void *
send_once(void *arg)
{
	struct sender	*s = arg;
	struct resp	 r;

	resp_init(&r);
	s->status = http_post_form(&s->c, "/views/new", s->form, &r) == 0 ?
	    r.status : 0;
	resp_free(&r);
	return (NULL);
}

static void
kill_between_commit_and_answer_then_resend(void **state)
{
	struct sender	 s[SENDERS];
	struct resp	 r;
	pthread_t	 th[SENDERS];
	char		 loc[128], sql[160];
	int64_t		 before[SENDERS], n;
	int		 i, tries;

	(void)state;
	assert_int_equal(db_run("UPDATE settings SET value = '1000000' "
	    "WHERE key = 'views_per_hour'"), 0);
	assert_int_equal(harness_kill9(), 0);
	assert_int_equal(setenv("PORTAL_TEST_WRITER_PAUSE_MS", "25000", 1), 0);
	assert_int_equal(harness_restart(), 0);
	memset(s, 0, sizeof(s));
	for (i = 0; i < SENDERS; i++) {
		assert_int_equal(client_login(&s[i].c, "Jaden",
		    "kite-river-42"), 303);
		fill_form(&s[i], i, "Sent as the power went");
	}
	for (i = 0; i < SENDERS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, send_once,
		    &s[i]), 0);
	/* Some view committed; its answer, and every later batch, waits. */
	for (tries = 0; tries < 400 && db_count("SELECT count(*) FROM views "
	    "WHERE title LIKE 'Between %'") == 0; tries++)
		usleep(50 * 1000);
	assert_true(db_count("SELECT count(*) FROM views WHERE title LIKE "
	    "'Between %'") > 0);
	assert_int_equal(harness_kill9(), 0);
	for (i = 0; i < SENDERS; i++)
		pthread_join(th[i], NULL);
	assert_int_equal(unsetenv("PORTAL_TEST_WRITER_PAUSE_MS"), 0);
	assert_int_equal(harness_restart(), 0);

	/* No one was told "saved". */
	for (i = 0; i < SENDERS; i++)
		assert_int_equal(s[i].status, 0);
	/* What committed is there once. */
	for (i = 0; i < SENDERS; i++) {
		(void)snprintf(sql, sizeof(sql), "SELECT coalesce(max(id), 0) "
		    "FROM views WHERE title = 'Between %d'", i);
		before[i] = db_count(sql);
		(void)snprintf(sql, sizeof(sql), "SELECT count(*) FROM views "
		    "WHERE title = 'Between %d'", i);
		assert_true(db_count(sql) <= 1);
	}
	for (i = 0, n = 0; i < SENDERS; i++)
		n += before[i] != 0;
	printf("between: %lld of %d views committed before the kill\n",
	    (long long)n, SENDERS);
	/* Each sends the same form again: one view each, the same one if
	 * it was already saved. */
	for (i = 0; i < SENDERS; i++) {
		resp_init(&r);
		assert_int_equal(http_post_form(&s[i].c, "/views/new",
		    s[i].form, &r), 0);
		assert_int_equal(r.status, 303);
		assert_non_null(resp_header(&r, "location", loc, sizeof(loc)));
		s[i].id = strtoll(loc + strlen("/views/"), NULL, 10);
		resp_free(&r);
		if (before[i] != 0)
			assert_int_equal(s[i].id, before[i]);
		(void)snprintf(sql, sizeof(sql), "SELECT count(*) FROM views "
		    "WHERE title = 'Between %d'", i);
		assert_int_equal(db_count(sql), 1);
		(void)snprintf(sql, sizeof(sql), "SELECT id FROM views "
		    "WHERE title = 'Between %d'", i);
		n = db_count(sql);
		assert_int_equal(n, s[i].id);
	}
}

/*
 * The session runs out while the writer saves the view: the answer says
 * saved, and the view is there once. (Woken, the request was checked
 * again as a new POST: a stale one, its words were kept a second time,
 * as from nobody.)
 */
static void
session_runs_out_during_the_write(void **state)
{
	struct sender	 s;
	pthread_t	 th;
	int		 tries;

	(void)state;
	assert_int_equal(harness_kill9(), 0);
	assert_int_equal(setenv("PORTAL_TEST_WRITER_PAUSE_MS", "1500", 1), 0);
	assert_int_equal(harness_restart(), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(client_login(&s.c, "Jaden", "kite-river-42"), 303);
	/* Worrying words: taken for stale, they would be kept again. */
	fill_form(&s, 99, "He hits me at night");
	assert_int_equal(pthread_create(&th, NULL, send_once, &s), 0);
	for (tries = 0; tries < 100 && db_count("SELECT count(*) FROM views "
	    "WHERE title = 'Between 99'") == 0; tries++)
		usleep(20 * 1000);
	assert_int_equal(db_run("UPDATE sessions SET created_at = created_at "
	    "- 864000, seen_at = seen_at - 864000"), 0);
	pthread_join(th, NULL);
	assert_int_equal(unsetenv("PORTAL_TEST_WRITER_PAUSE_MS"), 0);
	assert_int_equal(harness_kill9(), 0);
	assert_int_equal(harness_restart(), 0);
	assert_int_equal(s.status, 200);
	assert_int_equal(db_count("SELECT count(*) FROM views WHERE body = "
	    "'He hits me at night'"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(acknowledged_views_survive_kill_9),
		cmocka_unit_test(kill_between_commit_and_answer_then_resend),
		cmocka_unit_test(session_runs_out_during_the_write),
	};

	return (cmocka_run_group_tests_name("http_durability", tests,
	    group_setup_demo, group_teardown_server));
}
