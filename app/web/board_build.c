/*
 * board_build.c: the board report is built by this worker's reader
 * thread (writejob.c), not in its event loop.
 *
 * Built afresh after any write, the report reads a year of views: about
 * 30 ms at 100,000 views and 370 ms at a million. In the event loop that
 * stalled every connection the worker held. Now the request sleeps while
 * the reader builds it on its own connection, and the page is drawn
 * from what it read when the request wakes.
 *
 * Staff asking for it at once wait for one build, not one each: the
 * first takes board_lock (Kore's run lock) and builds; the others queue
 * on the lock, asleep. When the build is over (drawn, failed, or its
 * asker gone) all of them are woken: each finds the page kept (cache.c),
 * or takes the lock and builds its own (another period, a page that was
 * not kept), or queues again. Kore's release wakes only one, which may
 * itself be gone or turned away, so nobody waits on another's turn.
 *
 * The page is kept only if the database's version did not move between
 * the request before the build and the request after it: the build read
 * somewhere in between, so then it is what that version holds.
 *
 * PORTAL_TEST_BOARD_PAUSE_MS (set only by tests/http/test_board_build.c)
 * makes each build that much slower, as a big council's is.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "board.h"
#include "reports.h"
#include "writer.h"

struct board_job {
	struct arena		 arena;		/* holds report */
	struct tval		*report;
	struct report_period	 p;
	int			 commentary;	/* the staff report has it */
	struct pcache_version	 ver;		/* read before the build */
	int			 have_ver;
	long			 pause_ms;	/* tests only */
};

static struct http_runlock	 board_lock;
static int			 lock_ready;
static struct board_job		*building;	/* its asker holds board_lock */

static struct http_runlock *
lock(void)
{
	if (!lock_ready) {
		http_runlock_init(&board_lock);
		lock_ready = 1;
	}
	return (&board_lock);
}

/*
 * bj's build is over: let go of the lock and wake everyone queued on it.
 * Kore's release wakes one; taking the lock again only sets its owner
 * (nobody holds it), and no request is looked at, so the owner may be
 * one already gone.
 */
static void
unlock(struct board_job *bj)
{
	struct http_request	*owner;

	if (bj == NULL || building != bj)
		return;
	building = NULL;
	while ((owner = lock()->owner) != NULL) {
		http_runlock_release(lock(), owner);
		if (LIST_EMPTY(&lock()->queue))
			break;
		(void)http_runlock_acquire(lock(), owner);
	}
}

/* In the reader thread. */
static int
build(struct db *db, void *arg)
{
	struct board_job	*bj = arg;
	struct timespec		 ts;

	ts.tv_sec = bj->pause_ms / 1000;
	ts.tv_nsec = bj->pause_ms % 1000 * 1000000;
	while (bj->pause_ms > 0 && nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
	if (report_board(db, &bj->p, bj->report) == -1)
		return (-1);
	if (bj->commentary && board_commentary(db, bj->p.from, bj->p.to,
	    tv_set_map(bj->report, "commentary")) == -1)
		return (-1);
	return (0);
}

/* In the event loop: the job is over, and its request answered or gone. */
static void
board_job_free(void *arg)
{
	struct board_job	*bj = arg;

	/* An asker that went away mid-build still lets the rest go. */
	unlock(bj);
	arena_free(&bj->arena);
	free(bj);
}

/*
 * Build the report for period p (shared: the staff report, kept and
 * built once for everyone waiting). The request sleeps; its handler runs
 * again and finds the report with board_result(). Ends the page.
 */
int
board_build(struct page *pg, const struct report_period *p, int shared)
{
	struct board_job	*bj;
	const char		*e;

	if (shared && !http_runlock_acquire(lock(), pg->req)) {
		page_end(pg);
		return (KORE_RESULT_RETRY);
	}
	if ((bj = calloc(1, sizeof(*bj))) == NULL)
		fatal("board_build: out of memory");
	arena_init(&bj->arena);
	bj->report = tv_map(&bj->arena);
	bj->p = *p;
	bj->commentary = shared;
	bj->ver = pg->cache_ver;
	bj->have_ver = pg->have_ver;
	if (shared)
		building = bj;
	if ((e = getenv("PORTAL_TEST_BOARD_PAUSE_MS")) != NULL)
		bj->pause_ms = atol(e);
	return (read_job_start(pg, build, bj, board_job_free));
}

/*
 * The request's built report: 1 with *bj set, 0 if none was built for
 * it yet, -1 while it is being built (the handler returns *rc).
 */
int
board_result(struct http_request *req, struct board_job **bj, int *rc)
{
	int	 result;

	*bj = NULL;
	if (!http_state_exists(req))
		return (0);
	if ((*bj = write_job_result(req, &result, rc)) == NULL)
		return (-1);
	if (result != WRITER_SAVED)
		(*bj)->report = NULL;
	return (1);
}

/* Draw the page from the report bj holds, in template tmpl. Ends it. */
int
board_show(struct page *pg, struct board_job *bj, const char *tmpl)
{
	int	 rc;

	if (bj->report == NULL) {
		unlock(bj);
		return (page_error(pg, 500));
	}
	tv_set(pg->ctx, "report", bj->report);
	if (!bj->have_ver || !pg->have_ver ||
	    bj->ver.data_version != pg->cache_ver.data_version ||
	    bj->ver.own_changes != pg->cache_ver.own_changes)
		pg->cache_key = NULL;
	rc = page_render(pg, 200, tmpl);
	unlock(bj);
	return (rc);
}
