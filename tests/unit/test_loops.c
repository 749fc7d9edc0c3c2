/*
 * test_loops.c: a database error in the middle of reading rows is an
 * error, never half a page (issue 17, item 9).
 *
 * Each reader below runs over the demo council once undisturbed, then
 * again and again with SQLite interrupted after 0, 1, 2, ... progress
 * callbacks, so the failure lands at every point of every query in turn,
 * including between two rows of a loop. Each run must either report the
 * error or give exactly the undisturbed answer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "arena.h"
#include "buf.h"
#include "moderation.h"
#include "pledge.h"
#include "reports.h"
#include "seed.h"
#include "tmpl.h"
#include "unitdb.h"

UNITDB_GROUP("/tmp/portal-loops-XXXXXX")

#define STEP_OPS	40	/* VM instructions between progress calls */
#define RUNS_MAX	20000

static int	 budget;	/* calls left before the interrupt; -1 never */
static int	 calls;

static int
progress(void *arg)
{
	(void)arg;
	calls++;
	if (budget < 0)
		return (0);
	return (budget-- == 0);
}

/* A reader: 0 read (out holds the answer), -1 an error was reported. */
typedef int	(*reader)(struct buf *);

static int
ctx_reader(int rc, int ok, struct tval *ctx, struct buf *out)
{
	if (rc != ok)
		return (-1);
	tv_json(ctx, out);
	return (0);
}

static int
read_board(struct buf *out)
{
	struct report_period	 p;
	struct arena		 a;
	struct tval		*ctx;
	int			 rc;

	arena_init(&a);
	ctx = tv_map(&a);
	p.now = 1800000000;
	p.from = 0;
	p.to = p.now;
	p.threshold = 1;
	rc = ctx_reader(report_board(db, &p, ctx), 0, ctx, out);
	arena_free(&a);
	return (rc);
}

static int
read_issues_csv(struct buf *out)
{
	return (report_issues_csv(db, 1, 1, out) == 0 ? 0 : -1);
}

static int
read_open_data(struct buf *out)
{
	return (report_open_data(db, 1, 1800000000, 1, out) == 0 ? 0 : -1);
}

static int
read_scorecard(struct buf *out)
{
	struct arena	 a;
	int		 rc;
	struct tval	*ctx;

	arena_init(&a);
	ctx = tv_map(&a);
	rc = ctx_reader(pledge_scorecard(db, 1, 1800000000, tv_set_list(ctx,
	    "rows")), 0, ctx, out);
	arena_free(&a);
	return (rc);
}

static int
read_promises(struct buf *out)
{
	struct arena	 a;
	struct tval	*ctx;
	int64_t		 id;
	int		 rc;

	rc = 0;
	for (id = 1; id <= 4 && rc == 0; id++) {
		arena_init(&a);
		ctx = tv_map(&a);
		rc = ctx_reader(pledge_promise(db, id, 1, ctx), 1, ctx, out);
		arena_free(&a);
	}
	return (rc);
}

static int
read_version(struct buf *out)
{
	struct arena	 a;
	struct tval	*ctx;
	int64_t		 id;
	int		 rc;

	if (pledge_current_id(db, &id) == -1)
		return (-1);
	arena_init(&a);
	ctx = tv_map(&a);
	rc = ctx_reader(pledge_version(db, id, 1, 1800000000, ctx), 1, ctx,
	    out);
	arena_free(&a);
	return (rc);
}

static int
read_queue(struct buf *out)
{
	struct arena	 a;
	struct tval	*ctx;
	int		 rc;

	arena_init(&a);
	ctx = tv_map(&a);
	rc = moderation_queue(db, ctx);
	rc = ctx_reader(rc < 0 ? -1 : 0, 0, ctx, out);
	arena_free(&a);
	return (rc);
}

/*
 * Run r undisturbed, then failing at every progress call in turn until a
 * run gets through: each run reports the error or gives the same answer.
 */
static void
every_failure_is_reported(const char *name, reader r)
{
	struct buf	 want, got;
	int		 k, total;

	buf_init(&want, 4096);
	buf_init(&got, 4096);
	sqlite3_progress_handler(db_handle(db), STEP_OPS, progress, NULL);
	budget = -1;
	calls = 0;
	assert_int_equal(r(&want), 0);
	total = calls;
	assert_true(total > 0);
	for (k = 0; k < RUNS_MAX; k++) {
		buf_reset(&got);
		budget = k;
		if (r(&got) == -1)
			continue;
		/* Got through: only if the interrupt never came (a run
		 * may take a call or two fewer than another: time-bound
		 * words, a memo), and with the whole answer. */
		if (budget < 0)
			fail_msg("%s: interrupted after %d of about %d progress "
			    "calls, it answered without an error", name, k,
			    total);
		if (got.len != want.len || memcmp(got.data, want.data,
		    want.len) != 0)
			fail_msg("%s: not interrupted, but not the whole "
			    "answer", name);
		break;
	}
	assert_true(k >= total - 3);
	sqlite3_progress_handler(db_handle(db), 0, NULL, NULL);
	buf_free(&want);
	buf_free(&got);
}

static void
reports_and_pledge_report_errors(void **state)
{
	char	 err[256];

	(void)state;
	assert_int_equal(seed_demo(db, err, sizeof(err)), 1);
	every_failure_is_reported("report_board", read_board);
	every_failure_is_reported("report_issues_csv", read_issues_csv);
	every_failure_is_reported("report_open_data", read_open_data);
	every_failure_is_reported("pledge_scorecard", read_scorecard);
	every_failure_is_reported("pledge_promise", read_promises);
	every_failure_is_reported("pledge_version", read_version);
	every_failure_is_reported("moderation_queue", read_queue);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reports_and_pledge_report_errors),
	};

	return (cmocka_run_group_tests_name("loops", tests, setup, teardown));
}
